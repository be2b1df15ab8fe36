"""Briefing -> DOCX: WordprocessingML written as text, in real Word styles.

The styles, theme and settings are python-docx's default template (with our
fonts), taken once per process; each document adds only its body, numbering,
footer, properties and chart. Every piece of record text passes through
``docx_text`` right before it becomes a run: that is the only place characters
XML cannot hold are dropped.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import itertools
import re
import struct
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import BinaryIO
from xml.sax.saxutils import escape

from . import briefing as b
from .chart import bar_chart_png
from .fonts import CJK, FAMILIES, REGULAR

MUTED = "52606D"
WARNING_FILL, WARNING_EDGE = "FFF4E5", "D9822B"
OK_FILL, OK_EDGE = "EDF7EE", "4C9A52"
SHADE = "EEF2F6"
TABLE_STYLE = "Light List Accent 1"
BULLET_STYLES = ("List Bullet", "List Bullet 2", "List Bullet 3")
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
}
PAGE_SIZES_MM = {"a4": (210, 297), "letter": (215.9, 279.4)}
MARGINS_MM = {"left": 20, "right": 20, "top": 18, "bottom": 20}
CHART_WIDTH_MM = 160
EMU_PER_MM = 36000
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
IMAGE_REL = f"{R_NS}/image"
FOOTER_REL = f"{R_NS}/footer"
FOOTER_ID = "rIdFooter"
# XML 1.0 cannot hold these; a text may still contain them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def docx_text(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def _twips(millimetres: float) -> int:
    return round(millimetres * 1440 / 25.4)


# --- the template: what every document shares ---------------------------------------------

# Parts each document writes itself; everything else in the package is the template's.
OWN_PARTS = (
    "docProps/core.xml",
    "word/document.xml",
    "word/_rels/document.xml.rels",
    "word/numbering.xml",
    "word/footer1.xml",
)


@dataclass(frozen=True)
class _Template:
    shared: bytes  # a zip of the parts every document holds unchanged
    document_open: str  # word/document.xml up to and including <w:body>
    footer_open: str  # word/footer1.xml up to its first paragraph
    numbering: str  # the template's numbering.xml, before any list of ours
    relationships: str  # the main document's relationships to the shared parts
    footer_tabs: tuple[int, ...]  # the Footer style's own tab stops (twips); ours replace them
    first_abstract: int  # the first numbering ids free for our lists
    first_num: int


def _set_fonts(document) -> None:
    """Noto Sans for Latin, Greek and Cyrillic; WenQuanYi Micro Hei for CJK and Hangul."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

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


@lru_cache(maxsize=1)
def _template() -> _Template:
    """python-docx's default template with our fonts, a footer and a picture, saved once
    and taken apart: its parts are copied into every document as they are."""
    from docx import Document

    document = Document()
    _set_fonts(document)
    document.sections[0].footer.paragraphs  # noqa: B018 (creates the footer part)
    document.add_picture(io.BytesIO(bar_chart_png("", [])))
    saved = io.BytesIO()
    document.save(saved)
    package = zipfile.ZipFile(saved)
    parts = {name: package.read(name).decode("utf-8") for name in OWN_PARTS}
    shared = io.BytesIO()
    with zipfile.ZipFile(shared, "w") as archive:
        for name in package.namelist():
            if name not in OWN_PARTS and not name.startswith("word/media/"):
                archive.writestr(_entry(name), package.read(name))
    relationships = "".join(
        relationship
        for relationship in re.findall(r"<Relationship [^>]*/>", parts["word/_rels/document.xml.rels"])
        if f'Type="{IMAGE_REL}"' not in relationship and f'Type="{FOOTER_REL}"' not in relationship
    )
    numbering = parts["word/numbering.xml"]
    footer = parts["word/footer1.xml"]
    tabs = document.styles["Footer"].paragraph_format.tab_stops
    return _Template(
        shared=shared.getvalue(),
        document_open=parts["word/document.xml"].split("<w:body>")[0] + "<w:body>",
        footer_open=footer[: footer.index("<w:p")] if "<w:p" in footer else footer.split("</w:ftr>")[0],
        numbering=numbering,
        relationships=relationships,
        footer_tabs=tuple(tab.position.twips for tab in tabs),
        first_abstract=1 + max(map(int, re.findall(r'w:abstractNumId="(\d+)"', numbering)), default=-1),
        first_num=1 + max(map(int, re.findall(r'w:numId="(\d+)"', numbering)), default=0),
    )


def _entry(name: str) -> zipfile.ZipInfo:
    """A zip entry with a fixed timestamp: same document, same bytes."""
    entry = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o644 << 16
    # Level 1: a few per cent larger than the default level, two to three times faster.
    # (The level an entry carries; ZipFile.open(entry, "w") ignores the archive's.)
    entry._compresslevel = 1
    return entry


# --- numbering: the declaration's resolutions are a true numbered list -------------------


class _Numbering:
    """Numbering definitions added to the template's, each list its own."""

    def __init__(self, template: _Template) -> None:
        self.next_abstract, self.next_num = template.first_abstract, template.first_num
        self.abstracts: list[str] = []
        self.nums: list[str] = []

    def new(self, start: int) -> int:
        """A decimal list starting at ``start``; returns its numId."""
        abstract_id, num_id = self.next_abstract, self.next_num
        self.next_abstract += 1
        self.next_num += 1
        self.abstracts.append(
            f'<w:abstractNum w:abstractNumId="{abstract_id}">'
            '<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0">'
            f'<w:start w:val="{start}"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="567" w:hanging="397"/></w:pPr></w:lvl></w:abstractNum>'
        )
        self.nums.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
        return num_id

    def xml(self, template: str) -> str:
        """The template's numbering part with ours added (the schema wants every
        abstractNum before the first num)."""
        first_num = template.index("<w:num ")
        closing = template.rindex("</w:numbering>")
        return (
            template[:first_num]
            + "".join(self.abstracts)
            + template[first_num:closing]
            + "".join(self.nums)
            + template[closing:]
        )


# --- blocks ---------------------------------------------------------------------------
# Blocks are written as WordprocessingML strings: building them element by element
# through python-docx, and its package around them, cost ten times as long.


def _xml_text(text: str) -> str:
    return escape(docx_text(text))


def _run_xml(text: str, bold: bool = False, italic: bool = False, color: str | None = None) -> str:
    properties = (
        ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + (f'<w:color w:val="{color}"/>' if color else "")
    )
    properties = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    return f'<w:r>{properties}<w:t xml:space="preserve">{_xml_text(text)}</w:t></w:r>'


def _paragraph_xml(
    text: str, style: str | None = None, numbering: int | None = None, spacing_after: int | None = None, **run
) -> str:
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


def _chart(context: _Context, block: b.BarChart) -> str:
    return f"<w:p>{context.picture(bar_chart_png(block.title, block.bars), CHART_WIDTH_MM)}</w:p>"


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
    """What a document collects besides its body: numbered lists and pictures."""

    def __init__(self, paper: str) -> None:
        self.template = _template()
        width, _ = PAGE_SIZES_MM[paper]
        self.text_width = _twips(width) - _twips(MARGINS_MM["left"]) - _twips(MARGINS_MM["right"])
        self.numbering = _Numbering(self.template)
        self.images: dict[str, tuple[str, bytes]] = {}  # sha1 -> (relationship id, PNG)

    def image_id(self, png: bytes) -> str:
        """The relationship id of a picture, each distinct picture stored once."""
        digest = hashlib.sha1(png).hexdigest()
        if digest not in self.images:
            self.images[digest] = (f"rIdImage{len(self.images) + 1}", png)
        return self.images[digest][0]

    def picture(self, png: bytes, width_mm: float) -> str:
        """An inline picture run, ``width_mm`` wide at the PNG's own proportions."""
        pixel_width, pixel_height = struct.unpack(">II", png[16:24])  # from the IHDR chunk
        cx = round(width_mm * EMU_PER_MM)
        cy = round(cx * pixel_height / pixel_width)
        return (
            '<w:r><w:drawing><wp:inline xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="1" name="Picture 1"/>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
            '<pic:nvPicPr><pic:cNvPr id="0" name="image.png"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{self.image_id(png)}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"/>'
            "</pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        )


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


# --- the package -------------------------------------------------------------------------

FOOTER_RUN = f'<w:rPr><w:color w:val="{MUTED}"/><w:sz w:val="16"/></w:rPr>'
_DOC_PR_ID = re.compile(r'<wp:docPr id="\d+"')


def _footer_xml(context: _Context, text: str) -> str:
    """'source · digest', then 'page X of Y' on a right tab at the margin."""
    tabs = "".join(f'<w:tab w:val="clear" w:pos="{position}"/>' for position in context.template.footer_tabs)
    page = f"<w:r>{FOOTER_RUN}<w:t>1</w:t></w:r>"
    return (
        f'{context.template.footer_open}<w:p><w:pPr><w:pStyle w:val="Footer"/><w:tabs>{tabs}'
        f'<w:tab w:val="right" w:pos="{context.text_width}"/></w:tabs></w:pPr>'
        f'<w:r>{FOOTER_RUN}<w:t xml:space="preserve">{_xml_text(text)}</w:t><w:tab/>'
        f'<w:t xml:space="preserve">page </w:t></w:r>'
        f'<w:fldSimple w:instr="PAGE">{page}</w:fldSimple>'
        f'<w:r>{FOOTER_RUN}<w:t xml:space="preserve"> of </w:t></w:r>'
        f'<w:fldSimple w:instr="NUMPAGES">{page}</w:fldSimple></w:p></w:ftr>'
    )


def _section_xml(paper: str) -> str:
    width, height = PAGE_SIZES_MM[paper]
    margins = {side: _twips(mm) for side, mm in MARGINS_MM.items()}
    return (
        f'<w:sectPr><w:footerReference w:type="default" r:id="{FOOTER_ID}"/>'
        f'<w:pgSz w:w="{_twips(width)}" w:h="{_twips(height)}"/>'
        f'<w:pgMar w:top="{margins["top"]}" w:right="{margins["right"]}" w:bottom="{margins["bottom"]}" '
        f'w:left="{margins["left"]}" w:header="720" w:footer="720" w:gutter="0"/>'
        '<w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr>'
    )


def _core_xml(metadata: b.Metadata, timestamp: datetime.datetime) -> str:
    when = timestamp.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    description = f"Made by {b.PROJECT} from {metadata.source_file} (sha256 {metadata.source_digest})"
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{_xml_text(metadata.title)}</dc:title><dc:subject>{_xml_text(metadata.subject)}</dc:subject>"
        f"<dc:creator>{_xml_text(metadata.author)}</dc:creator>"
        f"<cp:keywords>{_xml_text(', '.join(metadata.keywords))}</cp:keywords>"
        f"<dc:description>{_xml_text(description)}</dc:description>"
        f"<cp:lastModifiedBy>{_xml_text(b.PROJECT)}</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
        "<cp:category>Conference briefing</cp:category></cp:coreProperties>"
    )


def _package(
    context: _Context,
    body: Iterable[str],
    metadata: b.Metadata,
    timestamp: datetime.datetime,
    paper: str,
    stream: BinaryIO,
) -> None:
    """The template's shared parts, then this document's own, appended to them in
    ``stream`` (readable too). The body is written piece by piece as it comes: the
    pictures and lists it brings are known once it is written."""
    template = context.template
    stream.write(template.shared)
    with zipfile.ZipFile(stream, "a") as archive:
        with archive.open(_entry("word/document.xml"), "w") as document:
            document.write(template.document_open.encode("utf-8"))
            pictures = itertools.count(1)  # every picture needs an id of its own within the document
            for piece in body:
                piece = _DOC_PR_ID.sub(lambda _: f'<wp:docPr id="{next(pictures)}"', piece)
                document.write(piece.encode("utf-8"))
            document.write(f"{_section_xml(paper)}</w:body></w:document>".encode())
        relationships = template.relationships
        relationships += f'<Relationship Id="{FOOTER_ID}" Type="{FOOTER_REL}" Target="footer1.xml"/>'
        relationships += "".join(
            f'<Relationship Id="{rel_id}" Type="{IMAGE_REL}" Target="media/image{index}.png"/>'
            for index, (rel_id, _) in enumerate(context.images.values(), 1)
        )
        own = {
            "docProps/core.xml": _core_xml(metadata, timestamp),
            "word/_rels/document.xml.rels": (
                "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
                f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{relationships}'
                "</Relationships>"
            ),
            "word/numbering.xml": context.numbering.xml(template.numbering),
            "word/footer1.xml": _footer_xml(context, metadata.footer),
        }
        for name, xml in own.items():
            archive.writestr(_entry(name), xml.encode("utf-8"))
        for index, (_, png) in enumerate(context.images.values(), 1):
            archive.writestr(_entry(f"word/media/image{index}.png"), png)


def _body(context: _Context, blocks: list) -> str:
    return "".join(RENDERERS[type(block)](context, block) for block in blocks)


def render_docx(briefing: b.Briefing, timestamp: datetime.datetime, paper: str = "a4") -> bytes:
    context = _Context(paper)
    out = io.BytesIO()
    _package(context, [_body(context, briefing.blocks)], briefing.metadata, timestamp, paper, out)
    return out.getvalue()


PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'

_BODY = re.compile(r"<w:body>(.*)<w:sectPr", re.DOTALL)
_EMBED = re.compile(r'r:embed="([^"]+)"')
_NUM_ID = re.compile(r'<w:numId w:val="(\d+)"/>')
_RELATIONSHIP = re.compile(r'Id="([^"]+)"[^>]*Target="([^"]+)"')  # we write Id before Target


def _numbering_starts(numbering_xml: str) -> dict[str, int]:
    """numId -> the start value of its (single-level) definition."""
    starts = {}
    for num_id, abstract_id in re.findall(
        r'<w:num w:numId="(\d+)"[^>]*><w:abstractNumId w:val="(\d+)"/>', numbering_xml
    ):
        definition = re.search(
            r'<w:abstractNum w:abstractNumId="' + abstract_id + r'".*?<w:start w:val="(\d+)"/>',
            numbering_xml,
            re.DOTALL,
        )
        starts[num_id] = int(definition.group(1)) if definition else 1
    return starts


def _briefing_body(context: _Context, data: bytes) -> str:
    """A rendered briefing's body XML, its pictures and numbered lists moved over to
    the book under new ids, so nothing is rendered twice."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    body = _BODY.search(archive.read("word/document.xml").decode("utf-8")).group(1)
    targets = dict(_RELATIONSHIP.findall(archive.read("word/_rels/document.xml.rels").decode("utf-8")))
    for old_id in set(_EMBED.findall(body)):
        new_id = context.image_id(archive.read("word/" + targets[old_id]))
        body = body.replace(f'r:embed="{old_id}"', f'r:embed="{new_id}"')
    starts = _numbering_starts(archive.read("word/numbering.xml").decode("utf-8"))
    renumbered = {old: context.numbering.new(starts.get(old, 1)) for old in dict.fromkeys(_NUM_ID.findall(body))}
    return _NUM_ID.sub(lambda m: f'<w:numId w:val="{renumbered[m.group(1)]}"/>', body)


def render_docx_book(
    front: b.Briefing, briefing_docx: Iterable[bytes], timestamp: datetime.datetime, stream: BinaryIO, paper: str = "a4"
) -> None:
    """The front matter, then every briefing (as already rendered), each from a new page."""
    context = _Context(paper)

    def body() -> Iterator[str]:
        yield _body(context, front.blocks)
        for data in briefing_docx:
            yield PAGE_BREAK + _briefing_body(context, data)

    _package(context, body(), front.metadata, timestamp, paper, stream)
