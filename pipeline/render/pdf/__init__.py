"""Briefing -> PDF with reportlab platypus.

``layout`` sets up the page and builds the document; ``blocks`` turns each block
of the briefing into flowables; ``flowables`` and ``text`` draw what reportlab's
own flowables drew too slowly; ``markup`` is the one place record text meets
reportlab's paragraph markup; ``shared`` keeps a paragraph's layout for the next
language of the same record.
"""

from .layout import render_pdf
from .shared import shared_layouts

__all__ = ["render_pdf", "shared_layouts"]
