"""Paragraph styles of the PDF: one per kind of paragraph a block makes, and list items."""

from __future__ import annotations

from functools import cache
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from ..fonts import BOLD, REGULAR
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


STYLES = {
    "title": _style("title", fontName=BOLD, fontSize=20, leading=25, textColor=ACCENT, spaceAfter=4),
    "subtitle": _style("subtitle", fontSize=11, leading=15, textColor=INK),
    "h1": _style("h1", fontName=BOLD, fontSize=13.5, leading=17, textColor=ACCENT, spaceBefore=12, spaceAfter=5),
    "h2": _style("h2", fontName=BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=3),
    "body": _style("body", spaceAfter=5),
    "closing": _style("closing", spaceBefore=4, spaceAfter=5, textColor=MUTED),
    "verbatim": _style("verbatim", spaceAfter=2),
    "muted": _style("muted", fontSize=8.5, textColor=MUTED, spaceAfter=4),
    "mark": _style("mark", fontName=BOLD, fontSize=11, leading=15, textColor=WARNING_EDGE, spaceAfter=6),
    "cover": _style("cover", fontName=BOLD, fontSize=15, leading=20, textColor=INK, spaceBefore=6, spaceAfter=6),
    "cell": _style("cell", fontSize=8.5, leading=11),
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
