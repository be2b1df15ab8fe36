"""python-docx's default template, with our fonts, saved once per process and taken apart.

Its styles, theme, settings and the rest are copied into every document as they
are; each document writes only the parts in OWN_PARTS.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from ..chart import bar_chart_png
from ..fonts import CJK, FAMILIES, REGULAR
from ..theme import ACCENT, CELL_PADDING, RULE, SHADE, TEXT_STYLES, ooxml_hex
from .xml import twips

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
IMAGE_REL = f"{R_NS}/image"
FOOTER_REL = f"{R_NS}/footer"
# Parts each document writes itself; everything else in the package is the template's.
OWN_PARTS = (
    "docProps/core.xml",
    "docProps/app.xml",
    "word/document.xml",
    "word/_rels/document.xml.rels",
    "word/numbering.xml",
    "word/footer1.xml",
    "word/footer2.xml",  # (a landscape section's; written by every document, used by the book's)
    "word/fontTable.xml",  # with the fonts embedded in this document (embed.py)
    "word/settings.xml",  # Word asked to update fields on open, in a book
)
FOOTER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"


@dataclass(frozen=True)
class Template:
    shared: bytes  # a zip of the parts every document holds unchanged
    document_open: str  # word/document.xml up to and including <w:body>
    footer_open: str  # word/footer1.xml up to its first paragraph
    numbering: str  # the template's numbering.xml, before any list of ours
    relationships: str  # the main document's relationships to the shared parts
    footer_tabs: tuple[int, ...]  # the Footer style's own tab stops (twips); ours replace them
    font_table: str  # word/fontTable.xml, before the embedded fonts are named in it
    settings: str  # word/settings.xml, with embedded TrueType fonts on
    first_abstract: int  # the first numbering ids free for our lists
    first_num: int


def entry(name: str) -> zipfile.ZipInfo:
    """A zip entry with a fixed timestamp: same document, same bytes."""
    info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    # Level 1: a few per cent larger than the default level, two to three times faster.
    # (The level an entry carries; ZipFile.open(entry, "w") ignores the archive's.)
    info._compresslevel = 1  # type: ignore[attr-defined]  # private, and the only per-entry level zipfile has
    return info


def _set_fonts(document: Document) -> None:
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
    _theme_styles(document)


# Word's styles -> the theme's row they are set by (the PDF's styles are made from the same rows).
WORD_STYLES = {
    "Normal": "body",
    "Title": "title",
    "Subtitle": "subtitle",
    "Heading 1": "h1",
    "Heading 2": "h2",
    "Table Text": "cell",  # our own: the text of table cells
}
TABLE_STYLE_ID = "BriefingTable"


def _theme_styles(document: Document) -> None:
    """Word's styles as the theme sets the PDF's: sizes, weights, colours and spacing;
    none of the default template's borders, italics, letter spacing or theme colours."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    document.styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH).base_style = document.styles["Normal"]
    for style_name, row_name in WORD_STYLES.items():
        row = TEXT_STYLES[row_name]
        style = document.styles[style_name]
        properties = style.element.get_or_add_pPr()
        for unwanted in ("w:pBdr", "w:numPr", "w:contextualSpacing"):
            for element in properties.findall(qn(unwanted)):
                properties.remove(element)
        run = style.element.get_or_add_rPr()
        for unwanted in ("w:spacing", "w:kern", "w:color", "w:i", "w:iCs", "w:b", "w:bCs"):
            for element in run.findall(qn(unwanted)):
                run.remove(element)
        style.font.size = Pt(row.size)
        style.font.bold = row.bold
        style.font.italic = False
        style.font.color.rgb = RGBColor.from_string(ooxml_hex(row.colour))
        style.paragraph_format.space_before = Pt(row.before)
        style.paragraph_format.space_after = Pt(row.after)
        style.paragraph_format.line_spacing = Pt(row.leading)
        style.paragraph_format.line_spacing_rule = WD_LINE_SPACING.AT_LEAST  # (exact would clip a picture)
        style.paragraph_format.keep_with_next = row_name in ("h1", "h2")
    document.styles.element.append(_table_style())


def _table_style() -> BaseOxmlElement:
    """Our table style: light rules between rows, a shaded header with the accent rule
    under it, the cell size and padding of the PDF's tables; no bold first column."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    cell = TEXT_STYLES["cell"]
    across, down = (twips(value) for value in CELL_PADDING)
    rule = f'w:val="single" w:sz="3" w:space="0" w:color="{ooxml_hex(RULE)}"'
    return parse_xml(
        f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="{TABLE_STYLE_ID}">'
        '<w:name w:val="Briefing Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>'
        f'<w:pPr><w:spacing w:before="0" w:after="0" w:line="{twips(cell.leading)}" w:lineRule="exact"/></w:pPr>'
        f'<w:rPr><w:sz w:val="{round(2 * cell.size)}"/><w:szCs w:val="{round(2 * cell.size)}"/></w:rPr>'
        f"<w:tblPr><w:tblBorders><w:bottom {rule}/><w:insideH {rule}/></w:tblBorders>"
        f'<w:tblCellMar><w:top w:w="{down}" w:type="dxa"/><w:left w:w="{across}" w:type="dxa"/>'
        f'<w:bottom w:w="{down}" w:type="dxa"/><w:right w:w="{across}" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tblPr/><w:tcPr>'
        f'<w:tcBorders><w:bottom w:val="single" w:sz="6" w:space="0" w:color="{ooxml_hex(ACCENT)}"/></w:tcBorders>'
        f'<w:shd w:val="clear" w:color="auto" w:fill="{ooxml_hex(SHADE)}"/></w:tcPr></w:tblStylePr>'
        "</w:style>"
    )


# The document's language, as the template's default run properties give it: English (US).
_TEMPLATE_LANGUAGE = re.compile(r'<w:lang w:val="[^"]*" w:eastAsia="[^"]*"')


@cache
def shared_in(tag: str, fonts: tuple[tuple[str, bytes], ...] = ()) -> bytes:
    """The template's shared parts, and the font parts ``fonts`` (name, bytes) that every
    document of the language embeds, with the document's language ``tag`` (BCP 47) in its
    default run properties, for Word's spelling, hyphenation and screen readers: Chinese,
    Japanese and Korean as ``w:eastAsia`` (the language of Han, kana and Hangul runs; the
    Latin runs, the record's English, keep ``w:val``: as Korean, LibreOffice broke their
    words between letters), Russian and Mongolian as ``w:val`` (Latin and Cyrillic runs)."""
    east_asian = tag.split("-")[0] in EAST_ASIAN
    source = zipfile.ZipFile(io.BytesIO(default_template().shared))
    shared = io.BytesIO()
    with zipfile.ZipFile(shared, "w") as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/styles.xml":
                language = (
                    f'<w:lang w:val="{"en-US" if east_asian else tag}" w:eastAsia="{tag if east_asian else "en-US"}"'
                )
                data = _TEMPLATE_LANGUAGE.sub(language, data.decode("utf-8"), count=1).encode("utf-8")
            archive.writestr(entry(info.filename), data)
        for name, data in fonts:
            archive.writestr(entry(name), data)
    return shared.getvalue()


EAST_ASIAN = ("zh", "ja", "ko")


@lru_cache(maxsize=1)
def default_template() -> Template:
    """python-docx's default template with our fonts, a footer and a picture, saved once
    and taken apart: its parts are copied into every document as they are."""
    from docx import Document

    document = Document()
    _set_fonts(document)
    document.sections[0].footer.paragraphs  # noqa: B018 (creates the footer part)
    document.add_picture(io.BytesIO(bar_chart_png("", [], [])))
    saved = io.BytesIO()
    document.save(saved)
    package = zipfile.ZipFile(saved)
    parts = {name: package.read(name).decode("utf-8") for name in OWN_PARTS if name in package.namelist()}
    shared = io.BytesIO()
    with zipfile.ZipFile(shared, "w") as archive:
        for name in package.namelist():
            if name not in OWN_PARTS and not name.startswith("word/media/"):
                data = package.read(name)
                if name == "[Content_Types].xml":  # embedded font parts are obfuscated TrueType
                    data = data.replace(
                        b"<Default ",
                        f'<Default Extension="odttf" ContentType="{OBFUSCATED_FONT}"/><Default '.encode(),
                        1,
                    )
                archive.writestr(entry(name), data)
    # (the schema's order: embedTrueTypeFonts and saveSubsetFonts right after zoom)
    settings = re.sub(
        r"(<w:zoom [^>]*/>)", r"\1<w:embedTrueTypeFonts/><w:saveSubsetFonts/>", parts["word/settings.xml"], count=1
    )
    relationships = "".join(
        relationship
        for relationship in re.findall(r"<Relationship [^>]*/>", parts["word/_rels/document.xml.rels"])
        if f'Type="{IMAGE_REL}"' not in relationship and f'Type="{FOOTER_REL}"' not in relationship
    )
    numbering = parts["word/numbering.xml"]
    footer = parts["word/footer1.xml"]
    tabs = document.styles["Footer"].paragraph_format.tab_stops
    return Template(
        shared=shared.getvalue(),
        document_open=parts["word/document.xml"].split("<w:body>")[0] + "<w:body>",
        footer_open=footer[: footer.index("<w:p")] if "<w:p" in footer else footer.split("</w:ftr>")[0],
        numbering=numbering,
        relationships=relationships,
        footer_tabs=tuple(tab.position.twips for tab in tabs),
        font_table=parts["word/fontTable.xml"],
        settings=settings,
        first_abstract=1 + max(map(int, re.findall(r'w:abstractNumId="(\d+)"', numbering)), default=-1),
        first_num=1 + max(map(int, re.findall(r'w:numId="(\d+)"', numbering)), default=0),
    )
