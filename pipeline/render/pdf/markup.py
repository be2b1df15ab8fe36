"""The one place record text meets reportlab's paragraph markup.

A Paragraph parses its text as markup (tags, entities), so record text holding
``<`` or ``&`` would be read as markup or break the parse. Every piece of record
text passes through ``markup`` right before it becomes a Paragraph. Text drawn
straight on the canvas (tables, the chart, the footer) is never parsed as markup.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from ..fonts import REGULAR, runs


def markup(text: str, font: str = REGULAR) -> str:
    """Record text -> safe paragraph markup: escaped, each script run in a font that has it."""
    return "".join(
        escape(run) if name == font else f'<font name="{name}">{escape(run)}</font>' for name, run in runs(text, font)
    )
