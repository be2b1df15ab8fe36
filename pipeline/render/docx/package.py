"""One DOCX package: the template's shared parts, then the document's own, and ``render_docx``.

Everything a document writes is deterministic (fixed zip timestamps, the build's
document timestamp in the core properties), so the same briefing gives the same bytes.
"""

from __future__ import annotations

import datetime
import io
import itertools
import re
import zipfile
from collections.abc import Iterable, Sequence
from typing import BinaryIO

from .. import briefing as b
from ..i18n import Translator
from ..theme import FOOTER_SIZE, MUTED, ooxml_hex
from .blocks import body
from .context import Context
from .embed import embedded_fonts, font_table_xml
from .section import FOOTER_ID, LANDSCAPE_FOOTER_ID, section_xml
from .template import FOOTER_REL, IMAGE_REL, entry, shared_in
from .xml import xml_text

APP_VERSION = "1.0000"  # the form Word wants: digits, a dot, four digits (not this program's version)
FOOTER_RUN = f'<w:rPr><w:color w:val="{ooxml_hex(MUTED)}"/><w:sz w:val="{2 * FOOTER_SIZE}"/></w:rPr>'  # half-points
_DOC_PR_ID = re.compile(r'<wp:docPr id="\d+"')
# The footer's page label with Word's fields where its numbers go (a NUL, which no word has, marks them).
PAGE_FIELDS = {"number": "\x00PAGE", "total": "\x00NUMPAGES"}


def _page_label(language: Translator) -> list[str]:
    """The language's 'page X of Y' around Word's two fields: the words before the first
    field, the field, the words between, the other field, the words after."""
    return re.split("\x00([A-Z]+)", language._("page %(number)s of %(total)s") % PAGE_FIELDS)


def _footer_xml(context: Context, text: str, width: int, language: Translator) -> str:
    """'source · digest', then 'page X of Y' on a right tab at the margin (``width``:
    the text width, twips, of the pages it is on: portrait or landscape)."""
    tabs = "".join(f'<w:tab w:val="clear" w:pos="{position}"/>' for position in context.template.footer_tabs)
    page = f"<w:r>{FOOTER_RUN}<w:t>1</w:t></w:r>"
    before, first, between, second, after = _page_label(language)
    return (
        f'{context.template.footer_open}<w:p><w:pPr><w:pStyle w:val="Footer"/><w:tabs>{tabs}'
        f'<w:tab w:val="right" w:pos="{width}"/></w:tabs></w:pPr>'
        f'<w:r>{FOOTER_RUN}<w:t xml:space="preserve">{xml_text(text)}</w:t><w:tab/>'
        f'<w:t xml:space="preserve">{xml_text(before)}</w:t></w:r>'
        f'<w:fldSimple w:instr="{first}">{page}</w:fldSimple>'
        f'<w:r>{FOOTER_RUN}<w:t xml:space="preserve">{xml_text(between)}</w:t></w:r>'
        f'<w:fldSimple w:instr="{second}">{page}</w:fldSimple>'
        + (f'<w:r>{FOOTER_RUN}<w:t xml:space="preserve">{xml_text(after)}</w:t></w:r>' if after else "")
        + "</w:p></w:ftr>"
    )


def _core_xml(metadata: b.Metadata, timestamp: datetime.datetime) -> str:
    when = timestamp.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    digest = f" (sha256 {metadata.source_digest})" if metadata.label is None and metadata.source_digest else ""
    description = f"Made by {b.PROJECT} for the {metadata.publisher} from {metadata.source_file}{digest}"
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{xml_text(metadata.title)}</dc:title><dc:subject>{xml_text(metadata.subject)}</dc:subject>"
        f"<dc:creator>{xml_text(metadata.author)}</dc:creator>"
        f"<cp:keywords>{xml_text(', '.join(metadata.keywords))}</cp:keywords>"
        f"<dc:description>{xml_text(description)}</dc:description>"
        f"<cp:lastModifiedBy>{xml_text(b.PROJECT)}</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
        "<cp:category>Conference briefing</cp:category></cp:coreProperties>"
    )


def _app_xml(metadata: b.Metadata) -> str:
    """The application properties: this program made it, for the association."""
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>{xml_text(b.PROJECT)}</Application><DocSecurity>0</DocSecurity>"
        f"<Company>{xml_text(metadata.publisher)}</Company><AppVersion>{APP_VERSION}</AppVersion></Properties>"
    )


def _settings_xml(settings: str, update_fields: bool) -> str:
    """The template's settings; ``update_fields``: Word updates the fields (the book's
    contents) when it opens the document (in the schema's place, before compat)."""
    return settings.replace("<w:compat>", '<w:updateFields w:val="true"/><w:compat>', 1) if update_fields else settings


def write_package(
    context: Context,
    pieces: Iterable[str],
    metadata: b.Metadata,
    timestamp: datetime.datetime,
    paper: str,
    stream: BinaryIO,
    update_fields: bool = False,
) -> None:
    """The template's shared parts, then this document's own, appended to them in
    ``stream`` (readable too). The body is written piece by piece as it comes: the
    pictures and lists it brings are known once it is written. A body given whole (a
    briefing's) has its fonts chosen first, so a language's reserved subset comes with
    the shared parts, compressed once per process."""
    template, language = context.template, metadata.language
    characters: set[str] = set(metadata.footer) | set("".join(_page_label(language)[::2]))
    fonts = None
    if isinstance(pieces, Sequence):
        fonts = embedded_fonts(characters.union(*pieces), language)
    shared = tuple((font.part, font.data) for font in fonts or () if font.shared)
    stream.write(shared_in(language.tag, shared) if shared or not language.english else template.shared)
    with zipfile.ZipFile(stream, "a") as archive:
        with archive.open(entry("word/document.xml"), "w") as document:
            document.write(template.document_open.encode("utf-8"))
            pictures = itertools.count(1)  # every picture needs an id of its own within the document
            for piece in pieces:
                piece = _DOC_PR_ID.sub(lambda _: f'<wp:docPr id="{next(pictures)}"', piece)
                if fonts is None:  # (markup too: a few ASCII letters more in the subsets)
                    characters.update(piece)
                document.write(piece.encode("utf-8"))
            document.write(f"{section_xml(paper)}</w:body></w:document>".encode())
        if fonts is None:
            fonts = embedded_fonts(characters)
        font_table, font_rels = font_table_xml(template.font_table, fonts)
        relationships = template.relationships
        relationships += f'<Relationship Id="{FOOTER_ID}" Type="{FOOTER_REL}" Target="footer1.xml"/>'
        relationships += f'<Relationship Id="{LANDSCAPE_FOOTER_ID}" Type="{FOOTER_REL}" Target="footer2.xml"/>'
        relationships += "".join(
            f'<Relationship Id="{rel_id}" Type="{IMAGE_REL}" Target="media/image{index}.png"/>'
            for index, (rel_id, _) in enumerate(context.images.values(), 1)
        )
        own = {
            "docProps/core.xml": _core_xml(metadata, timestamp),
            "docProps/app.xml": _app_xml(metadata),
            "word/_rels/document.xml.rels": (
                "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
                f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{relationships}'
                "</Relationships>"
            ),
            "word/numbering.xml": context.numbering.xml(template.numbering),
            "word/footer1.xml": _footer_xml(context, metadata.footer, context.width_of(landscape=False), language),
            "word/footer2.xml": _footer_xml(context, metadata.footer, context.width_of(landscape=True), language),
            "word/_rels/fontTable.xml.rels": font_rels,
            "word/fontTable.xml": font_table,
            "word/settings.xml": _settings_xml(template.settings, update_fields),
        }
        for name, xml in own.items():
            archive.writestr(entry(name), xml.encode("utf-8"))
        for index, (_, png) in enumerate(context.images.values(), 1):
            archive.writestr(entry(f"word/media/image{index}.png"), png)
        written = {part for part, _ in shared}  # (fonts chosen after the body can be shared ones too)
        for font in fonts:
            if font.part not in written:
                archive.writestr(entry(font.part), font.data)


def render_docx(briefing: b.Briefing, timestamp: datetime.datetime, paper: str = "a4") -> bytes:
    context = Context(paper)
    out = io.BytesIO()
    write_package(context, [body(context, briefing.blocks)], briefing.metadata, timestamp, paper, out)
    return out.getvalue()
