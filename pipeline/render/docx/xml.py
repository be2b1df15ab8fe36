"""WordprocessingML as text: the one text-safety boundary and the small builders.

Blocks are written as WordprocessingML strings: building them element by element
through python-docx, and its package around them, cost ten times as long. So
record text is made safe here by hand: ``docx_text`` drops the characters XML 1.0
cannot hold, ``xml_text`` escapes the rest, and every run of text goes through it.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

# XML 1.0 cannot hold these; a text may still contain them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Ids of the default template's styles used here (python-docx's template never changes them).
STYLE_IDS = {
    "Title": "Title",
    "Subtitle": "Subtitle",
    "Heading 1": "Heading1",
    "Heading 2": "Heading2",
    "List Bullet": "ListBullet",
    "List Bullet 2": "ListBullet2",
    "List Bullet 3": "ListBullet3",
    "List Number": "ListNumber",
    "Table Grid": "TableGrid",
    "Light List Accent 1": "LightList-Accent1",
    "Briefing Table": "BriefingTable",
    "Table Text": "TableText",
}


def docx_text(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def xml_text(text: str) -> str:
    """Record text as XML character data."""
    return escape(docx_text(text))


def twips(points: float) -> int:
    """Word's unit of length: a twentieth of a point."""
    return round(points * 20)


def run_xml(text: str, bold: bool = False, italic: bool = False, color: str | None = None) -> str:
    properties = (
        ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + (f'<w:color w:val="{color}"/>' if color else "")
    )
    properties = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    return f'<w:r>{properties}<w:t xml:space="preserve">{xml_text(text)}</w:t></w:r>'


def paragraph_xml(
    text: str,
    style: str | None = None,
    numbering: int | None = None,
    spacing_after: int | None = None,
    bold: bool = False,
    italic: bool = False,
    color: str | None = None,
) -> str:
    """A paragraph of one run (none for empty ``text``); ``numbering`` is a numId."""
    properties = f'<w:pStyle w:val="{STYLE_IDS[style]}"/>' if style else ""
    if numbering is not None:
        properties += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{numbering}"/></w:numPr>'
    if spacing_after is not None:
        properties += f'<w:spacing w:after="{spacing_after}"/>'
    properties = f"<w:pPr>{properties}</w:pPr>" if properties else ""
    return f"<w:p>{properties}{run_xml(text, bold, italic, color) if text else ''}</w:p>"


def cell_xml(paragraphs: str, width: int, fill: str | None = None, borders: str = "") -> str:
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{borders}{shading}</w:tcPr>{paragraphs}</w:tc>'


def table_xml(
    style: str, widths: list[int], rows: list[str], header: bool, margins: int | None = None, header_rows: int = 1
) -> str:
    """A fixed-layout table of ready cells; with ``header``, its first ``header_rows``
    rows repeat on every page (the style's first-row look only when that is one row);
    ``margins``: the cells' left and right padding (twips), where not the style's."""
    padding = (
        f'<w:tblCellMar><w:left w:w="{margins}" w:type="dxa"/><w:right w:w="{margins}" w:type="dxa"/></w:tblCellMar>'
        if margins is not None
        else ""
    )
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    body = "".join(
        f"<w:tr>{'<w:trPr><w:tblHeader/></w:trPr>' if header and index < header_rows else ''}{row}</w:tr>"
        for index, row in enumerate(rows)
    )
    first_row = "1" if header_rows == 1 else "0"
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{STYLE_IDS[style]}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:tblLayout w:type="fixed"/>{padding}<w:tblLook w:val="0420" w:firstRow="{first_row}" w:lastRow="0" '
        f'w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        f"{body}</w:tbl>"
    )


PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
_FIRST_PARAGRAPH = re.compile(r"^<w:p>(<w:pPr>(<w:pStyle [^>]*/>)?)?")


def on_a_new_page(xml: str) -> str:
    """``xml`` starting on a new page: its first paragraph breaks the page before it
    (a paragraph holding only a break, at the foot of a full page, would leave a blank
    page behind it); a table first gets a break paragraph before it."""
    found = _FIRST_PARAGRAPH.match(xml)
    if found is None:
        return PAGE_BREAK + xml
    if found.group(1) is None:  # a paragraph without properties
        return "<w:p><w:pPr><w:pageBreakBefore/></w:pPr>" + xml[len(found.group(0)) :]
    # (after its style: the schema's order)
    return f"<w:p><w:pPr>{found.group(2) or ''}<w:pageBreakBefore/>" + xml[len(found.group(0)) :]
