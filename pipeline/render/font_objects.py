"""The PDF objects of a font's subsets, formatted once per process.

reportlab's ``TTFont.addObjects`` makes four objects for each subset of a font a
document used (the font, its descriptor, its character map and the subset's file)
and formats each afresh, name by name and number by number. Most subsets come
back in every briefing (the ones ``fonts.reserve`` makes for a language's own
words, the ASCII one), so here each subset's objects are formatted once, with the
references to one another left open, and a document fills in only their numbers.
The objects, their names and their order are reportlab's own: the bytes are too.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from reportlab.pdfbase import pdfdoc, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

_OPEN = b"\x00open\x00"  # where a reference is left open in a formatted object


class _Unencrypted:
    """What formatting a stream asks of a document, for objects formatted outside one."""

    encrypt = pdfdoc.NoEncryption()


class _Open(pdfdoc.PDFObject):
    def format(self, document: Any) -> bytes:
        return _OPEN


class Formatted(pdfdoc.PDFObject):
    """A PDF object whose bytes do not depend on the document, made once."""

    def __init__(self, formatted: bytes) -> None:
        self.formatted = formatted

    def format(self, document: Any) -> bytes:
        return self.formatted


class _Template(pdfdoc.PDFObject):
    """A PDF object formatted once; the document's numbers of the objects it refers to
    are filled in where they were left open."""

    def __init__(self, pieces: list[bytes], references: list[pdfdoc.PDFObjectReference]) -> None:
        self.pieces, self.references = pieces, references

    def format(self, document: Any) -> bytes:
        filled = [self.pieces[0]]
        for reference, piece in zip(self.references, self.pieces[1:], strict=True):
            filled += [reference.format(document), piece]
        return b"".join(filled)


class _FontTemplate(_Template):
    __RefOnly__ = 1  # (as reportlab's font object: the font resources refer to it)


def _formatted(value: pdfdoc.PDFObject) -> bytes:
    return pdfdoc.format(value, _Unencrypted(), toplevel=1)


@lru_cache(maxsize=64)
def _subset_objects(
    font: TTFont, subset: tuple[int, ...], index: int, internal_name: str, compressed: bool
) -> tuple[Any, ...]:
    """A subset's objects as reportlab makes them, formatted: the font's base name, its
    character map and its file, and the pieces of its descriptor and of the font between
    the references left open."""
    face = font.face
    base_name = b"".join((ttfonts.SUBSETN(index), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
    character_map = pdfdoc.PDFStream(content=ttfonts.makeToUnicodeCMap(base_name, list(subset)))
    font_file = pdfdoc.PDFStream(content=face.makeSubset(list(subset)))
    font_file.dictionary["Length1"] = len(font_file.content)
    if compressed:
        character_map.filters = font_file.filters = [pdfdoc.PDFZCompress]
    descriptor = pdfdoc.PDFDictionary(
        {
            "Type": "/FontDescriptor",
            "Ascent": face.ascent,
            "CapHeight": face.capHeight,
            "Descent": face.descent,
            "Flags": (face.flags & ~ttfonts.FF_NONSYMBOLIC) | ttfonts.FF_SYMBOLIC,
            "FontBBox": pdfdoc.PDFArray(face.bbox),
            "FontName": pdfdoc.PDFName(base_name),
            "ItalicAngle": face.italicAngle,
            "StemV": face.stemV,
            "FontFile2": _Open(),
            "MissingWidth": face.defaultWidth,
        }
    )
    pdf_font: Any = pdfdoc.PDFTrueTypeFont()  # (its entries are attributes set on it, not in its stubs)
    pdf_font.Name, pdf_font.BaseFont = internal_name, base_name
    pdf_font.FirstChar, pdf_font.LastChar = 0, len(subset) - 1
    pdf_font.Widths = pdfdoc.PDFArray([face.getCharWidth(code) for code in subset])
    pdf_font.ToUnicode = pdf_font.FontDescriptor = _Open()
    return (
        base_name,
        _formatted(character_map),
        _formatted(font_file),
        _formatted(descriptor).split(_OPEN),
        _formatted(pdf_font).split(_OPEN),
    )


def add_objects(font: Any) -> Callable[[Any], None]:  # (a TTFont: its per-document state is not in its stubs)
    """``font.addObjects`` (each subset of the font a document used, as PDF objects),
    from objects formatted once per process."""

    def add_formatted_objects(doc: Any) -> None:
        try:
            state = font.state[doc]
        except KeyError:
            state = font.state[doc] = font.State(font._asciiReadable)
        state.frozen = 1
        fonts = doc.idToObject["BasicFonts"].dict
        for index, subset in enumerate(state.subsets):
            internal_name = font.getSubsetInternalName(index, doc)[1:]
            base_name, character_map, font_file, descriptor, pdf_font = _subset_objects(
                font, tuple(subset), index, internal_name, bool(doc.compression)
            )
            # (reportlab's names and order: the objects are numbered as it numbers them)
            # (objects of the document's own: it marks each with the name it files it under)
            to_unicode = doc.Reference(Formatted(character_map), "toUnicodeCMap:" + base_name)
            file_reference = doc.Reference(Formatted(font_file), f"fontFile:{font.face.filename}({base_name})")
            descriptor_reference = doc.Reference(_Template(descriptor, [file_reference]), "fontDescriptor:" + base_name)
            made = _FontTemplate(pdf_font, [descriptor_reference, to_unicode])
            doc.Reference(made, internal_name)
            fonts[internal_name] = made

    return add_formatted_objects
