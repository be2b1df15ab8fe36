"""Briefing -> DOCX with python-docx, in real Word styles.

Every piece of record text passes through ``docx_text`` right before it becomes
a run: that is the only place characters XML cannot hold are dropped.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from . import briefing as b
from .chart import bar_chart_png
from .fonts import CJK, FAMILIES, REGULAR

PAGE_SIZES = {"a4": (Mm(210), Mm(297)), "letter": (Mm(215.9), Mm(279.4))}
ACCENT = RGBColor(0x1D, 0x4E, 0x89)
MUTED = RGBColor(0x52, 0x60, 0x6D)
WARNING_FILL, WARNING_EDGE = "FFF4E5", "D9822B"
OK_FILL, OK_EDGE = "EDF7EE", "4C9A52"
SHADE = "EEF2F6"
TABLE_STYLE = "Light List Accent 1"
BULLET_STYLES = ("List Bullet", "List Bullet 2", "List Bullet 3")
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
# XML 1.0 cannot hold these; a text may still contain them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def docx_text(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def _run(paragraph, text: str, bold: bool = False, italic: bool = False, color: RGBColor | None = None):
    run = paragraph.add_run(docx_text(text))
    run.bold = bold or None
    run.italic = italic or None
    if color is not None:
        run.font.color.rgb = color
    return run


def _set_fonts(document) -> None:
    """Noto Sans for Latin, Greek and Cyrillic; WenQuanYi Micro Hei for CJK and Hangul."""
    for style_name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2"):
        style = document.styles[style_name]
        style.font.name = FAMILIES[REGULAR]
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attribute), FAMILIES[REGULAR])
        fonts.set(qn("w:eastAsia"), FAMILIES[CJK])
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)
    document.styles["Normal"].font.size = Pt(10)


def _shade(cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _cell_borders(cell, color: str, left_size: int) -> None:
    borders = OxmlElement("w:tcBorders")
    for side, size in (("top", 4), ("left", left_size), ("bottom", 4), ("right", 4)):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), str(size))
        edge.set(qn("w:color"), color)
        borders.append(edge)
    cell._tc.get_or_add_tcPr().append(borders)


def _field(paragraph, instruction: str, size: Pt) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = paragraph.add_run("1")
    run.font.size = size
    run.font.color.rgb = MUTED
    field.append(run._r)  # moves the run into the field
    paragraph._p.append(field)


# --- numbering: the declaration's resolutions are a true numbered list -------------------


def _new_numbering(document, start: int) -> int:
    """A decimal numbering definition of its own, starting at ``start``; returns its numId."""
    numbering = document.part.numbering_part.element
    abstract_ids = [int(n.get(qn("w:abstractNumId"))) for n in numbering.findall(qn("w:abstractNum"))]
    abstract_id = max(abstract_ids, default=0) + 1
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    multi = OxmlElement("w:multiLevelType")
    multi.set(qn("w:val"), "singleLevel")
    abstract.append(multi)
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    for tag, value in (("w:start", str(start)), ("w:numFmt", "decimal"), ("w:lvlText", "%1."), ("w:lvlJc", "left")):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        level.append(element)
    paragraph_properties = OxmlElement("w:pPr")
    indent = OxmlElement("w:ind")
    indent.set(qn("w:left"), "567")
    indent.set(qn("w:hanging"), "397")
    paragraph_properties.append(indent)
    level.append(paragraph_properties)
    abstract.append(level)
    # The schema wants every abstractNum before the first num.
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    return numbering.add_num(abstract_id).numId


def _numbered_paragraph(document, text: str, num_id: int) -> None:
    paragraph = document.add_paragraph(style="List Number")
    numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numbering.get_or_add_ilvl().val = 0
    numbering.get_or_add_numId().val = num_id
    _run(paragraph, text)


# --- blocks ---------------------------------------------------------------------------


def _title(document, block: b.Title) -> None:
    _run(document.add_paragraph(style="Title"), block.text)
    for line in block.lines:
        _run(document.add_paragraph(style="Subtitle"), line)


def _heading(document, block: b.Heading) -> None:
    _run(document.add_heading(level=block.level), block.text)


def _paragraph(document, block: b.Paragraph) -> None:
    paragraph = document.add_paragraph()
    if block.style == "verbatim":
        paragraph.paragraph_format.space_after = Pt(0)
    _run(paragraph, block.text, italic=block.style == "closing", color=MUTED if block.style == "closing" else None)


def _table(document, block: b.Table) -> None:
    header = any(block.columns)
    table = document.add_table(rows=0, cols=len(block.widths), style=TABLE_STYLE if header else "Table Grid")
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    text_width = document.sections[0].page_width - document.sections[0].left_margin - document.sections[0].right_margin
    widths = [int(text_width * fraction) for fraction in block.widths]
    for column, width in zip(table.columns, widths):
        column.width = width  # the grid, which LibreOffice reads
    rows = ([block.columns] if header else []) + block.rows
    for index, values in enumerate(rows):
        cells = table.add_row().cells
        for column, (cell, value) in enumerate(zip(cells, values)):
            cell.width = widths[column]  # the cells, which Word reads
            bold = (header and index == 0) or (block.style == "facts" and column == 0)
            _run(cell.paragraphs[0], value, bold=bold)
            if block.style == "facts" and column == 0:
                _shade(cell, SHADE)
    if header:
        table.rows[0].repeat_as_header_row = True  # python-docx >= 1.2: header repeats on every page
    document.add_paragraph()


def _bullets(document, items, depth: int = 0) -> None:
    for item in items:
        _run(document.add_paragraph(style=BULLET_STYLES[min(depth, len(BULLET_STYLES) - 1)]), item.text)
        _bullets(document, item.items, depth + 1)


def _bullet_list(document, block: b.BulletList) -> None:
    _bullets(document, block.items)


def _numbered(document, block: b.NumberedList) -> None:
    """One numbering per run of consecutive numbers, so the source's numbers are kept."""
    num_id, expected = None, None
    for number, text in block.items:
        if number != expected:
            num_id = _new_numbering(document, number)
        _numbered_paragraph(document, text, num_id)
        expected = number + 1


def _chart(document, block: b.BarChart) -> None:
    document.add_picture(io.BytesIO(bar_chart_png(block.title, block.bars)), width=Mm(160))


def _notice(document, block: b.Notice) -> None:
    fill, edge = (OK_FILL, OK_EDGE) if block.ok else (WARNING_FILL, WARNING_EDGE)
    table = document.add_table(rows=1, cols=1)
    cell = table.rows[0].cells[0]
    _shade(cell, fill)
    _cell_borders(cell, edge, left_size=24)
    _run(cell.paragraphs[0], "Data check passed" if block.ok else "Check before use", bold=True)
    for line in block.lines:
        _run(cell.add_paragraph(), f"• {line}")


RENDERERS = {
    b.Title: _title,
    b.Heading: _heading,
    b.Paragraph: _paragraph,
    b.Table: _table,
    b.BulletList: _bullet_list,
    b.NumberedList: _numbered,
    b.BarChart: _chart,
    b.Notice: _notice,
}


def _footer(document, metadata: b.Metadata) -> None:
    section = document.sections[0]
    paragraph = section.footer.paragraphs[0]
    width = section.page_width - section.left_margin - section.right_margin
    tab_stops = paragraph.paragraph_format.tab_stops
    tab_stops.clear_all()
    tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    size = Pt(8)
    _run(paragraph, f"{metadata.footer}\tpage ", color=MUTED).font.size = size
    _field(paragraph, "PAGE", size)
    _run(paragraph, " of ", color=MUTED).font.size = size
    _field(paragraph, "NUMPAGES", size)


def _properties(document, metadata: b.Metadata, timestamp: datetime.datetime) -> None:
    properties = document.core_properties
    properties.title = docx_text(metadata.title)
    properties.subject = docx_text(metadata.subject)
    properties.author = docx_text(metadata.author)
    properties.keywords = docx_text(", ".join(metadata.keywords))
    properties.category = "Conference briefing"
    properties.comments = docx_text(f"Made by {b.PROJECT} from {metadata.source_file} (sha256 {metadata.source_digest})")
    properties.last_modified_by = b.PROJECT
    properties.created = properties.modified = timestamp
    properties.revision = 1


def _stable_zip(data: bytes) -> bytes:
    """Same entries, same order, 1980-01-01 timestamps: same document, same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def render_docx(briefing: b.Briefing, timestamp: datetime.datetime, paper: str = "a4") -> bytes:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_SIZES[paper]
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(18), Mm(20)
    _set_fonts(document)
    for block in briefing.blocks:
        RENDERERS[type(block)](document, block)
    _footer(document, briefing.metadata)
    _properties(document, briefing.metadata, timestamp)
    out = io.BytesIO()
    document.save(out)
    return _stable_zip(out.getvalue())
