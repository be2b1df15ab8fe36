"""Briefing -> PDF with reportlab platypus.

``layout`` sets up the page and builds the document; ``blocks`` turns each block
of the briefing into flowables; ``flowables`` and ``text`` draw what reportlab's
own flowables drew too slowly; ``markup`` is the one place record text meets
reportlab's paragraph markup.
"""

from .layout import render_pdf

__all__ = ["render_pdf"]
