"""Briefing -> DOCX with python-docx, in real Word styles.

Every piece of record text passes through ``docx_text`` right before it becomes
a run: that is the only place characters XML cannot hold are dropped.
"""

from __future__ import annotations

import copy
import datetime
import hashlib
import io
import re
import zipfile
from functools import lru_cache
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.image.image import Image
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI, PackURI
from docx.opc.pkgwriter import _ContentTypesItem  # python-docx's own content-types builder (pinned version)
from docx.oxml.ns import qn
from docx.parts.image import ImagePart
from docx.shared import Mm, Pt, RGBColor

from . import briefing as b
from .chart import bar_chart_png
from .fonts import CJK, FAMILIES, REGULAR

PAGE_SIZES = {"a4": (Mm(210), Mm(297)), "letter": (Mm(215.9), Mm(279.4))}
MUTED = "52606D"
WARNING_FILL, WARNING_EDGE = "FFF4E5", "D9822B"
OK_FILL, OK_EDGE = "EDF7EE", "4C9A52"
SHADE = "EEF2F6"
TABLE_STYLE = "Light List Accent 1"
BULLET_STYLES = ("List Bullet", "List Bullet 2", "List Bullet 3")
# Ids of the default template's styles used here (python-docx's template never changes them).
STYLE_IDS = {
    "Title": "Title", "Subtitle": "Subtitle", "Heading 1": "Heading1", "Heading 2": "Heading2",
    "List Bullet": "ListBullet", "List Bullet 2": "ListBullet2", "List Bullet 3": "ListBullet3",
    "List Number": "ListNumber", "Table Grid": "TableGrid", "Light List Accent 1": "LightList-Accent1",
}
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# XML 1.0 cannot hold these; a text may still contain them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def docx_text(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def _run(paragraph, text: str, size: Pt):
    """A run of footer text, muted and small."""
    run = paragraph.add_run(docx_text(text))
    run.font.color.rgb = RGBColor.from_string(MUTED)
    run.font.size = size
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


def _field(paragraph, instruction: str, size: Pt) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = paragraph.add_run("1")
    run.font.size = size
    run.font.color.rgb = RGBColor.from_string(MUTED)
    field.append(run._r)  # moves the run into the field
    paragraph._p.append(field)


# --- numbering: the declaration's resolutions are a true numbered list -------------------


class _Numbering:
    """Adds numbering definitions to a document, each list its own, keeping the ids
    itself: python-docx rescans every definition on each addition (quadratic in a book)."""

    def __init__(self, document) -> None:
        self.element = document.part.numbering_part.element
        self.next_abstract = 1 + max((int(n.get(qn("w:abstractNumId"))) for n in self.element.iterchildren(qn("w:abstractNum"))), default=0)
        self.next_num = 1 + max((int(n.get(qn("w:numId"))) for n in self.element.iterchildren(qn("w:num"))), default=0)
        self.first_num = next(self.element.iterchildren(qn("w:num")), None)

    def new(self, start: int) -> int:
        """A decimal list starting at ``start``; returns its numId."""
        abstract_id, num_id = self.next_abstract, self.next_num
        self.next_abstract += 1
        self.next_num += 1
        abstract = parse_xml(
            f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
            '<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0">'
            f'<w:start w:val="{start}"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="567" w:hanging="397"/></w:pPr></w:lvl></w:abstractNum>'
        )
        # The schema wants every abstractNum before the first num.
        if self.first_num is not None:
            self.first_num.addprevious(abstract)
        else:
            self.element.append(abstract)
        num = parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
        self.element.append(num)
        if self.first_num is None:
            self.first_num = num
        return num_id


# --- blocks ---------------------------------------------------------------------------
# Blocks are written as WordprocessingML strings and parsed once per run of blocks:
# building them element by element through python-docx cost four times as long.



def _xml_text(text: str) -> str:
    return escape(docx_text(text))


def _run_xml(text: str, bold: bool = False, italic: bool = False, color: str | None = None) -> str:
    properties = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + (f'<w:color w:val="{color}"/>' if color else "")
    properties = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    return f'<w:r>{properties}<w:t xml:space="preserve">{_xml_text(text)}</w:t></w:r>'


def _paragraph_xml(text: str, style: str | None = None, numbering: int | None = None, spacing_after: int | None = None,
                   **run) -> str:
    properties = f'<w:pStyle w:val="{STYLE_IDS[style]}"/>' if style else ""
    if numbering is not None:
        properties += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{numbering}"/></w:numPr>'
    if spacing_after is not None:
        properties += f'<w:spacing w:after="{spacing_after}"/>'
    properties = f"<w:pPr>{properties}</w:pPr>" if properties else ""
    return f"<w:p>{properties}{_run_xml(text, **run) if text else ''}</w:p>"


def _cell_xml(paragraphs: str, width: int, fill: str | None = None, borders: str = "") -> str:
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{borders}{shading}</w:tcPr>{paragraphs}</w:tc>'


def _table_xml(style: str, widths: list[int], rows: list[str], header: bool) -> str:
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    body = "".join(
        f"<w:tr>{'<w:trPr><w:tblHeader/></w:trPr>' if header and index == 0 else ''}{row}</w:tr>"
        for index, row in enumerate(rows)
    )
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{STYLE_IDS[style]}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
        f'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>'
    )


def _title(context: _Context, block: b.Title) -> str:
    return _paragraph_xml(block.text, "Title") + "".join(_paragraph_xml(line, "Subtitle") for line in block.lines)


def _heading(context: _Context, block: b.Heading) -> str:
    return _paragraph_xml(block.text, f"Heading {block.level}")


def _paragraph(context: _Context, block: b.Paragraph) -> str:
    if block.style == "closing":
        return _paragraph_xml(block.text, italic=True, color=MUTED)
    return _paragraph_xml(block.text, spacing_after=0 if block.style == "verbatim" else None)


def _table(context: _Context, block: b.Table) -> str:
    header = any(block.columns)
    widths = [int(context.text_width * fraction) for fraction in block.widths]
    rows = ([block.columns] if header else []) + block.rows
    xml_rows = []
    for index, values in enumerate(rows):
        cells = []
        for column, value in enumerate(values):
            facts_label = block.style == "facts" and column == 0
            paragraph = _paragraph_xml(value, bold=(header and index == 0) or facts_label)
            cells.append(_cell_xml(paragraph, widths[column], SHADE if facts_label else None))
        xml_rows.append("".join(cells))
    return _table_xml(TABLE_STYLE if header else "Table Grid", widths, xml_rows, header) + _paragraph_xml("")


def _bullets(items, depth: int = 0) -> str:
    style = BULLET_STYLES[min(depth, len(BULLET_STYLES) - 1)]
    return "".join(_paragraph_xml(item.text, style) + _bullets(item.items, depth + 1) for item in items)


def _bullet_list(context: _Context, block: b.BulletList) -> str:
    return _bullets(block.items)


def _numbered(context: _Context, block: b.NumberedList) -> str:
    """One numbering per run of consecutive numbers, so the source's numbers are kept."""
    paragraphs, num_id, expected = [], None, None
    for number, text in block.items:
        if number != expected:
            num_id = context.numbering.new(number)
        paragraphs.append(_paragraph_xml(text, "List Number", numbering=num_id))
        expected = number + 1
    return "".join(paragraphs)


def _chart(context: _Context, block: b.BarChart) -> None:
    context.flush()
    context.document.add_picture(io.BytesIO(bar_chart_png(block.title, block.bars)), width=Mm(160))


def _notice(context: _Context, block: b.Notice) -> str:
    fill, edge = (OK_FILL, OK_EDGE) if block.ok else (WARNING_FILL, WARNING_EDGE)
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="{24 if side == "left" else 4}" w:color="{edge}"/>'
        for side in ("top", "left", "bottom", "right")
    )
    paragraphs = _paragraph_xml("Data check passed" if block.ok else "Check before use", bold=True)
    paragraphs += "".join(_paragraph_xml(f"• {line}") for line in block.lines)
    cell = _cell_xml(paragraphs, context.text_width, fill, f"<w:tcBorders>{borders}</w:tcBorders>")
    return _table_xml("Table Grid", [context.text_width], [cell], header=False)


def _table_of_contents(context: _Context, block: b.TableOfContents) -> str:
    """A Word TOC field over the briefings' titles; until Word updates it, it shows the titles."""
    entries = "".join(_paragraph_xml(f"{title} ({period})" if period else title) for title, period, _ in block.entries)
    return (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> TOC \\h \\z \\t "Title,1" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r></w:p>'
        f'{entries}<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


class _Context:
    """The document being written and the block XML not yet added to it."""

    def __init__(self, document) -> None:
        self.document = document
        section = document.sections[0]
        self.text_width = int((section.page_width - section.left_margin - section.right_margin) / 635)  # EMU -> twips
        self.pending: list[str] = []
        self.numbering = _Numbering(document)
        # Found once: locating sectPr scans the whole body, quadratic over a book.
        self.end_of_body = document.element.body.sectPr

    def add(self, xml: str | None) -> None:
        if xml:
            self.pending.append(xml)

    def flush(self) -> None:
        if not self.pending:
            return
        container = parse_xml(f'<w:body xmlns:w="{W_NS}">{"".join(self.pending)}</w:body>')
        for element in list(container):
            self.end_of_body.addprevious(element)
        self.pending = []


RENDERERS = {
    b.Title: _title,
    b.Heading: _heading,
    b.Paragraph: _paragraph,
    b.Table: _table,
    b.BulletList: _bullet_list,
    b.NumberedList: _numbered,
    b.BarChart: _chart,
    b.Notice: _notice,
    b.TableOfContents: _table_of_contents,
}


def _footer(document, metadata: b.Metadata) -> None:
    section = document.sections[0]
    paragraph = section.footer.paragraphs[0]
    width = section.page_width - section.left_margin - section.right_margin
    tab_stops = paragraph.paragraph_format.tab_stops
    # The Footer style's own centre and right tabs sit inside our margins; clear them.
    for inherited in document.styles["Footer"].paragraph_format.tab_stops:
        tab_stops.add_tab_stop(inherited.position, WD_TAB_ALIGNMENT.CLEAR)
    tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    size = Pt(8)
    _run(paragraph, f"{metadata.footer}\tpage ", size)
    _field(paragraph, "PAGE", size)
    _run(paragraph, " of ", size)
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


def _package_bytes(document, body: bytes = b"") -> bytes:
    """The package as python-docx's PackageWriter lays it out (same entries, same
    order), but with 1980-01-01 timestamps: same document, same bytes. Writing it
    here also spares saving and re-zipping. ``body`` (XML text) goes at the start of
    the main document's body."""
    package = document.part.package
    parts = list(package.iter_parts())
    entries = [
        (CONTENT_TYPES_URI.membername, _ContentTypesItem.from_parts(parts).blob),
        (PACKAGE_URI.rels_uri.membername, package.rels.xml),
    ]
    for part in parts:
        blob = part.blob
        if part is document.part and body:
            blob = blob.replace(b"<w:body>", b"<w:body>" + body, 1)
        entries.append((part.partname.membername, blob))
        if len(part.rels):
            entries.append((part.partname.rels_uri.membername, part.rels.xml))
    out = io.BytesIO()
    # Level 1: a few per cent larger than the default level, two to three times faster.
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, blob in entries:
            entry = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, blob, compresslevel=1)
    return out.getvalue()


@lru_cache(maxsize=1)
def _template():
    """python-docx's default template with our fonts, parsed once: copying it is twice as fast."""
    document = Document()
    _set_fonts(document)
    return document


def _new_document(paper: str):
    document = copy.deepcopy(_template())
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_SIZES[paper]
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(18), Mm(20)
    return document


def _render_blocks(context: _Context, blocks: list) -> None:
    for block in blocks:
        context.add(RENDERERS[type(block)](context, block))
    context.flush()


def render_docx(briefing: b.Briefing, timestamp: datetime.datetime, paper: str = "a4") -> bytes:
    document = _new_document(paper)
    _render_blocks(_Context(document), briefing.blocks)
    _footer(document, briefing.metadata)
    _properties(document, briefing.metadata, timestamp)
    return _package_bytes(document)


PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


_BODY = re.compile(rb"<w:body>(.*)<w:sectPr", re.DOTALL)
_EMBED = re.compile(rb'r:embed="(rId\d+)"')
_NUM_ID = re.compile(rb'<w:numId w:val="(\d+)"/>')


def _numbering_starts(numbering_xml: bytes) -> dict[bytes, int]:
    """numId -> the start value of its (single-level) definition."""
    starts = {}
    for num_id, abstract_id in re.findall(rb'<w:num w:numId="(\d+)"[^>]*><w:abstractNumId w:val="(\d+)"/>', numbering_xml):
        definition = re.search(rb'<w:abstractNum w:abstractNumId="' + abstract_id + rb'".*?<w:start w:val="(\d+)"/>',
                               numbering_xml, re.DOTALL)
        starts[num_id] = int(definition.group(1)) if definition else 1
    return starts


def _book_image(document, data: bytes, images: dict[str, str]) -> str:
    """Relate an image part to the book once per distinct image. (python-docx's own
    get_or_add_image rehashes every earlier image on each call: quadratic in a book.)"""
    digest = hashlib.sha1(data).hexdigest()
    if digest not in images:
        partname = PackURI(f"/word/media/book-image{len(images) + 1}.png")
        images[digest] = document.part.relate_to(ImagePart.from_image(Image.from_blob(data), partname), RT.IMAGE)
    return images[digest]


def _briefing_body(context: _Context, data: bytes, images: dict[str, str]) -> bytes:
    """A rendered briefing's body XML, its chart image and numbered lists moved over to
    the book under new ids, so nothing is rendered twice."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    body = _BODY.search(archive.read("word/document.xml")).group(1)
    # python-docx writes Id before Target in every relationship.
    targets = dict(re.findall(rb'Id="(rId\d+)"[^>]*Target="([^"]+)"', archive.read("word/_rels/document.xml.rels")))
    for old_id in set(_EMBED.findall(body)):
        new_id = _book_image(context.document, archive.read("word/" + targets[old_id].decode()), images)
        body = body.replace(b'r:embed="' + old_id + b'"', b'r:embed="' + new_id.encode() + b'"')
    starts = _numbering_starts(archive.read("word/numbering.xml"))
    renumbered = {old: context.numbering.new(starts.get(old, 1)) for old in dict.fromkeys(_NUM_ID.findall(body))}
    return _NUM_ID.sub(lambda m: b'<w:numId w:val="%d"/>' % renumbered[m.group(1)], body)


def render_docx_book(front: b.Briefing, briefing_docx: list[bytes], timestamp: datetime.datetime,
                     paper: str = "a4") -> bytes:
    """The front matter, then every briefing (as already rendered), each from a new page.

    The body is kept as XML text and spliced in when the package is written: as an
    element tree, a book of a thousand briefings took over 600 MB."""
    document = _new_document(paper)
    context = _Context(document)
    body = [RENDERERS[type(block)](context, block).encode() for block in front.blocks]  # text blocks only
    images: dict[str, str] = {}
    for data in briefing_docx:
        body += [PAGE_BREAK.encode(), _briefing_body(context, data, images)]
    _footer(document, front.metadata)
    _properties(document, front.metadata, timestamp)
    return _package_bytes(document, body=b"".join(body))
