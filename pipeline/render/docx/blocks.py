"""Blocks -> WordprocessingML: one renderer per block type of the briefing, in Word's own styles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...record import Item
from .. import briefing as b
from .. import theme
from ..chart import bar_chart_png
from ..theme import CELL_PADDING, COMPACT_CELL_PADDING
from ..widths import fitted_widths
from .context import Context
from .section import section_xml
from .xml import PAGE_BREAK, cell_xml, on_a_new_page, paragraph_xml, run_xml, table_xml, twips

MUTED = theme.ooxml_hex(theme.MUTED)
SHADE = theme.ooxml_hex(theme.SHADE)
ACCENT = theme.ooxml_hex(theme.ACCENT)
HEADER_RULE = f'<w:tcBorders><w:bottom w:val="single" w:sz="6" w:space="0" w:color="{ACCENT}"/></w:tcBorders>'
WARNING_FILL, WARNING_EDGE = theme.ooxml_hex(theme.WARNING_FILL), theme.ooxml_hex(theme.WARNING_EDGE)
OK_FILL, OK_EDGE = theme.ooxml_hex(theme.OK_FILL), theme.ooxml_hex(theme.OK_EDGE)
TABLE_STYLE = "Briefing Table"  # the template's own (template.py): light rules, a shaded header
COMPACT_PADDING = COMPACT_CELL_PADDING[0]  # points: a compact table's cell padding across, as in the PDF
CELL_STYLE = "Table Text"  # the template's own: the cell size, no space between paragraphs
BULLET_STYLES = ("List Bullet", "List Bullet 2", "List Bullet 3")
CHART_WIDTH_MM = 160


def _title(context: Context, block: b.Title) -> str:
    return paragraph_xml(block.text, "Title") + "".join(paragraph_xml(line, "Subtitle") for line in block.lines)


def _heading(context: Context, block: b.Heading) -> str:
    return paragraph_xml(block.text, f"Heading {block.level}")


def _paragraph(context: Context, block: b.Paragraph) -> str:
    if block.style == "closing":
        return paragraph_xml(block.text, italic=True, color=MUTED)
    if block.style == "mark":
        return paragraph_xml(block.text, bold=True, color=WARNING_EDGE)
    if block.style == "muted":
        return paragraph_xml(block.text, color=MUTED)
    if block.style == "cover":
        return paragraph_xml(block.text, bold=True)
    return paragraph_xml(block.text, spacing_after=0 if block.style == "verbatim" else None)


def _table(context: Context, block: b.Table) -> str:
    """A table in our style. A captioned one (a country of the matrix) carries its heading
    in a first row spanning the table, repeated with the header on every page it runs over
    (Word cannot add '(continued)' as the PDF does; the heading says what is continued)."""
    header = any(block.columns)
    padding = COMPACT_PADDING if block.compact else CELL_PADDING[0]
    fractions = (
        fitted_widths(block.columns, block.widths, context.text_width / 20, padding, block.rows)
        if header
        else block.widths
    )
    widths = [int(context.text_width * fraction) for fraction in fractions]
    captioned = header and block.captioned and bool(block.heading)
    rows = ([block.columns] if header else []) + block.rows
    xml_rows = []
    if captioned:
        caption = paragraph_xml(block.heading, CELL_STYLE, bold=True, color=ACCENT)
        span = f'<w:gridSpan w:val="{len(widths)}"/>'
        xml_rows.append(f'<w:tc><w:tcPr><w:tcW w:w="{sum(widths)}" w:type="dxa"/>{span}</w:tcPr>{caption}</w:tc>')
    for index, values in enumerate(rows):
        cells = []
        head = header and index == 0
        for column, value in enumerate(values):
            facts_label = block.style == "facts" and column == 0
            lines = value.split("\n")
            paragraph = "".join(paragraph_xml(line, CELL_STYLE, bold=head or facts_label) for line in lines)
            # (under a caption row the style's first-row look is the caption's: the header is set here)
            fill = SHADE if facts_label or (head and captioned) else None
            cells.append(cell_xml(paragraph, widths[column], fill, HEADER_RULE if head and captioned else ""))
        xml_rows.append("".join(cells))
    margins = twips(COMPACT_PADDING) if block.compact else None
    table = table_xml(TABLE_STYLE, widths, xml_rows, header, margins, header_rows=2 if captioned else 1)
    return table + paragraph_xml("")


def _bullets(items: list[Item], depth: int = 0) -> str:
    style = BULLET_STYLES[min(depth, len(BULLET_STYLES) - 1)]
    return "".join(paragraph_xml(item.text, style) + _bullets(item.items, depth + 1) for item in items)


def _bullet_list(context: Context, block: b.BulletList) -> str:
    return _bullets(block.items)


def _numbered(context: Context, block: b.NumberedList) -> str:
    """One numbering per run of consecutive numbers, so the source's numbers are kept."""
    paragraphs: list[str] = []
    num_id: int | None = None
    expected: int | None = None
    for number, text in block.items:
        if number != expected:
            num_id = context.numbering.new(number)
        paragraphs.append(paragraph_xml(text, "List Number", numbering=num_id))
        expected = number + 1
    return "".join(paragraphs)


def _chart(context: Context, block: b.BarChart) -> str:
    return f"<w:p>{context.picture(bar_chart_png(block.title, block.bars, block.values()), CHART_WIDTH_MM)}</w:p>"


def _notice(context: Context, block: b.Notice) -> str:
    fill, edge = (OK_FILL, OK_EDGE) if block.ok else (WARNING_FILL, WARNING_EDGE)
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="{24 if side == "left" else 4}" w:color="{edge}"/>'
        for side in ("top", "left", "bottom", "right")
    )
    paragraphs = paragraph_xml(block.language._(b.NOTICE_HEADS[block.ok]), bold=True)
    paragraphs += "".join(paragraph_xml(f"• {line}") for line in block.lines)
    cell = cell_xml(paragraphs, context.text_width, fill, f"<w:tcBorders>{borders}</w:tcBorders>")
    return table_xml("Table Grid", [context.text_width], [cell], header=False)


def _table_of_contents(context: Context, block: b.TableOfContents) -> str:
    """A Word TOC field over the parts' titles, its entries and page numbers filled in
    (Word updates them from the document when it opens it: the settings ask it to). The
    field begins in the first entry's paragraph and ends in the last one's: a paragraph
    of its own after a full page would be a page of its own."""
    tab = f'<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{context.text_width}"/></w:tabs></w:pPr>'
    begin = (
        '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> TOC \\h \\z \\t "Title,1" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    entries = [
        f"{run_xml(f'{title} ({period})' if period else title)}<w:r><w:tab/></w:r>"
        f"{run_xml('' if page is None else str(page))}"
        for title, period, page in block.entries
    ] or [""]
    entries[0] = begin + entries[0]
    entries[-1] += end
    return "".join(f"<w:p>{tab}{entry}</w:p>" for entry in entries)


def _picture(context: Context, block: b.Picture) -> str:
    return f"<w:p>{context.picture(block.png, block.width_mm)}</w:p>"


def _page_break(context: Context, block: b.PageBreak) -> str:
    """A page break; or the end of a section of pages of one orientation (what follows
    is of the other: the book's matrix is set on landscape pages)."""
    if block.ends is None:
        return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    ended = block.ends == "landscape"
    context.set_landscape(not ended)
    return f"<w:p><w:pPr>{section_xml(context.paper, landscape=ended)}</w:pPr></w:p>"


# Each renderer takes the block type it is filed under (hence Any: the table is keyed by type).
RENDERERS: dict[type[b.Block], Callable[[Context, Any], str]] = {
    b.Title: _title,
    b.Heading: _heading,
    b.Paragraph: _paragraph,
    b.Table: _table,
    b.BulletList: _bullet_list,
    b.NumberedList: _numbered,
    b.BarChart: _chart,
    b.Notice: _notice,
    b.TableOfContents: _table_of_contents,
    b.Picture: _picture,
    b.PageBreak: _page_break,
}


def body(context: Context, blocks: list[b.Block]) -> str:
    """Every block's XML, in order; lists and pictures they bring are recorded in ``context``.
    What follows a plain page break starts its page itself (``on_a_new_page``)."""
    pieces: list[str] = []
    new_page = False
    for block in blocks:
        if isinstance(block, b.PageBreak) and block.ends is None:
            new_page = True
            continue
        xml = RENDERERS[type(block)](context, block)
        pieces.append(on_a_new_page(xml) if new_page else xml)
        new_page = False
    return "".join(pieces) + (PAGE_BREAK if new_page else "")
