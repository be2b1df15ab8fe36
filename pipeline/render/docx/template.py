"""python-docx's default template, with our fonts, saved once per process and taken apart.

Its styles, theme, settings and the rest are copied into every document as they
are; each document writes only the parts in OWN_PARTS.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..chart import bar_chart_png
from ..fonts import CJK, FAMILIES, REGULAR

if TYPE_CHECKING:
    from docx.document import Document

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
IMAGE_REL = f"{R_NS}/image"
FOOTER_REL = f"{R_NS}/footer"
# Parts each document writes itself; everything else in the package is the template's.
OWN_PARTS = (
    "docProps/core.xml",
    "word/document.xml",
    "word/_rels/document.xml.rels",
    "word/numbering.xml",
    "word/footer1.xml",
)


@dataclass(frozen=True)
class Template:
    shared: bytes  # a zip of the parts every document holds unchanged
    document_open: str  # word/document.xml up to and including <w:body>
    footer_open: str  # word/footer1.xml up to its first paragraph
    numbering: str  # the template's numbering.xml, before any list of ours
    relationships: str  # the main document's relationships to the shared parts
    footer_tabs: tuple[int, ...]  # the Footer style's own tab stops (twips); ours replace them
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


@lru_cache(maxsize=1)
def default_template() -> Template:
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
                archive.writestr(entry(name), package.read(name))
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
        first_abstract=1 + max(map(int, re.findall(r'w:abstractNumId="(\d+)"', numbering)), default=-1),
        first_num=1 + max(map(int, re.findall(r'w:numId="(\d+)"', numbering)), default=0),
    )
