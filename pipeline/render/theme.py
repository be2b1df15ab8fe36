"""How briefings look, in one place: colours, paper, margins and the footer size.

The PDF, the DOCX and the chart picture take these values from here, so the two
formats keep the same look; each writer only converts them to the form its
library wants (reportlab colours, OOXML hex digits, Pillow RGB, twips).
Lengths are in points, the unit of both PDF coordinates and Word's twips.
"""

from __future__ import annotations

from dataclasses import dataclass

INCH = 72.0  # points
MM = INCH / 25.4  # points; the same float as reportlab's mm, so PDF coordinates keep every bit

# Colours as '#rrggbb'.
INK = "#1f2933"  # text
ACCENT = "#1d4e89"  # titles, headings, bullets, the rule under a table header
MUTED = "#52606d"  # footer, closing line, small print
RULE = "#c5ced8"  # rules between table rows and above the footer
SHADE = "#eef2f6"  # table header and fact-label cells
WARNING_FILL, WARNING_EDGE = "#fff4e5", "#d9822b"  # a notice asking for a check
OK_FILL, OK_EDGE = "#edf7ee", "#4c9a52"  # a notice saying the data check passed
MEMBER_BAR = ACCENT
OBSERVER_BAR = "#9fb8d6"


def chart_label_width(widest: float, chart_width: float, least: float) -> float:
    """A bar chart's label column, for both writers: as wide as its widest label, from
    ``least`` up to 35% of the chart ("International organizations", "Международные
    организации"); a longer label is cut."""
    return max(least, min(widest, chart_width * 35 / 100))


# A4 is defined in millimetres, US Letter in inches: each in its own unit, so the
# PDF page is exactly reportlab's A4 or LETTER.
PAGE_SIZES: dict[str, tuple[float, float]] = {
    "a4": (210 * MM, 297 * MM),
    "letter": (8.5 * INCH, 11 * INCH),
}


@dataclass(frozen=True)
class Margins:
    """Page margins, in points."""

    left: float
    right: float
    top: float
    bottom: float


MARGINS = Margins(left=20 * MM, right=20 * MM, top=18 * MM, bottom=20 * MM)
FOOTER_SIZE = 8  # points: the footer line of both formats


def rgb(colour: str) -> tuple[int, int, int]:
    """'#1d4e89' -> (29, 78, 137), as Pillow fills take it."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def ooxml_hex(colour: str) -> str:
    """'#52606d' -> '52606D', as WordprocessingML colour attributes take it."""
    return colour[1:].upper()


@dataclass(frozen=True)
class TextStyle:
    """A kind of text, in points, as both writers set it."""

    size: float
    leading: float
    bold: bool = False
    colour: str = INK
    before: float = 0.0  # space above
    after: float = 0.0  # space below


# The PDF's paragraph styles and the DOCX's Word styles are made from these rows.
TEXT_STYLES: dict[str, TextStyle] = {
    "title": TextStyle(20, 25, bold=True, colour=ACCENT, after=4),
    "subtitle": TextStyle(11, 15),
    "h1": TextStyle(13.5, 17, bold=True, colour=ACCENT, before=12, after=5),
    "h2": TextStyle(11, 14, bold=True, before=8, after=3),
    "body": TextStyle(9.5, 13, after=5),
    "cell": TextStyle(8.5, 11),
}
CELL_PADDING = (6.0, 3.0)  # points across and down, inside every table cell
COMPACT_CELL_PADDING = (2.5, 1.5)  # in a compact table (the matrix: many narrow columns)
