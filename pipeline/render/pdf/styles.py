"""Paragraph styles of the PDF: one per kind of paragraph a block makes, and list items."""

from __future__ import annotations

from functools import cache
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from ..fonts import BOLD, REGULAR
from ..theme import TEXT_STYLES
from .colours import ACCENT, INK, MUTED, WARNING_EDGE

BODY_SIZE = 9.5


def _style(name: str, **overrides: Any) -> ParagraphStyle:  # Any: ParagraphStyle takes its attributes as **kw: Any
    base = {
        "fontName": REGULAR,
        "bulletFontName": REGULAR,
        "fontSize": BODY_SIZE,
        "leading": 13,
        "textColor": INK,
        "alignment": TA_LEFT,
    }
    return ParagraphStyle(name, **{**base, **overrides})


def _themed(name: str) -> ParagraphStyle:
    """A style from the theme's row of that name (the DOCX's Word styles come from the same rows)."""
    row = TEXT_STYLES[name]
    return _style(
        name,
        fontName=BOLD if row.bold else REGULAR,
        fontSize=row.size,
        leading=row.leading,
        textColor=HexColor(row.colour),
        spaceBefore=row.before,
        spaceAfter=row.after,
    )


STYLES = {
    **{name: _themed(name) for name in ("title", "subtitle", "h1", "h2", "body")},
    "closing": _style("closing", spaceBefore=4, spaceAfter=5, textColor=MUTED),
    "verbatim": _style("verbatim", spaceAfter=2),
    "muted": _style("muted", fontSize=8.5, textColor=MUTED, spaceAfter=4),
    "mark": _style("mark", fontName=BOLD, fontSize=11, leading=15, textColor=WARNING_EDGE, spaceAfter=6),
    "cover": _style("cover", fontName=BOLD, fontSize=15, leading=20, textColor=INK, spaceBefore=6, spaceAfter=6),
    "cell": _themed("cell"),
    "notice": _style("notice", fontSize=10, leading=14),
    "notice_head": _style("notice_head", fontName=BOLD, fontSize=10, leading=14),
}

BULLET_INDENT = 14  # per level of a bullet list
NUMBER_INDENT = 18
BULLETS = ("•", "–")  # by depth; deeper levels repeat the last
# Levels past this are set at its indent: the text keeps most of the line (at 14 points
# a level, forty levels would push it past the right margin, where nothing fits).
MAX_INDENT_DEPTH = 6


def _item_style(name: str, indent: float, bullet_indent: float, color: Color = INK) -> ParagraphStyle:
    return _style(
        name,
        spaceAfter=5,
        leftIndent=indent,
        bulletIndent=bullet_indent,
        bulletFontName=REGULAR,
        bulletFontSize=BODY_SIZE,
        bulletColor=color,
    )


@cache
def bullet_style(depth: int) -> ParagraphStyle:
    """Each level indented one step further (up to MAX_INDENT_DEPTH), its bullet in the accent colour."""
    depth = min(depth, MAX_INDENT_DEPTH)
    return _item_style(f"bullet{depth}", BULLET_INDENT * (depth + 1), BULLET_INDENT * depth, ACCENT)


def bullet(depth: int) -> str:
    return BULLETS[min(depth, len(BULLETS) - 1)]


NUMBERED_STYLE = _item_style("numbered", NUMBER_INDENT, 0)
