"""A section's page: size, orientation, margins and its footer."""

from __future__ import annotations

from ..theme import MARGINS, PAGE_SIZES
from .xml import twips

FOOTER_ID = "rIdFooter"
LANDSCAPE_FOOTER_ID = "rIdFooterLandscape"  # the same footer, its page number at a landscape page's margin


def section_xml(paper: str, landscape: bool = False) -> str:
    """``<w:sectPr>`` of pages of ``paper``, turned sideways when ``landscape``; every
    section shows the one footer, and its page numbers run on."""
    width, height = PAGE_SIZES[paper]
    size = (
        f'<w:pgSz w:w="{twips(height)}" w:h="{twips(width)}" w:orient="landscape"/>'
        if landscape
        else f'<w:pgSz w:w="{twips(width)}" w:h="{twips(height)}"/>'
    )
    return (
        f'<w:sectPr><w:footerReference w:type="default" r:id="{LANDSCAPE_FOOTER_ID if landscape else FOOTER_ID}"/>'
        f"{size}"
        f'<w:pgMar w:top="{twips(MARGINS.top)}" w:right="{twips(MARGINS.right)}" w:bottom="{twips(MARGINS.bottom)}" '
        f'w:left="{twips(MARGINS.left)}" w:header="720" w:footer="720" w:gutter="0"/>'
        '<w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr>'
    )
