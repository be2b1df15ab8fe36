"""Fonts embedded in a DOCX, so it shows as the PDF does on a machine without them.

Word and LibreOffice read TrueType fonts embedded in the package (ECMA-376 §17.8.1):
each an obfuscated font part (``word/fonts/fontN.odttf``: its first 32 bytes XORed
with a GUID key), named in the font table. Only the characters a document uses are
embedded: reportlab subsets each font (as it does for the PDF), and its subset's
character map, which maps its own codes, is replaced here by one from Unicode, as a
font installed on a machine has. Noto Sans (regular and bold) and WenQuanYi Micro Hei
(CJK and Hangul) are embedded: without them a machine shows CJK as empty boxes.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from functools import cache, lru_cache

from ..fonts import BOLD, CJK, FAMILIES, REGULAR, font_for, ignorable, register_all, reserved_codes, subsetter
from ..i18n import ENGLISH, Translator

FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
OBFUSCATED = 32  # bytes of the font XORed with the key


@dataclass(frozen=True)
class EmbeddedFont:
    """One font part: the family it is, which of its faces (Regular, Bold), its key and bytes,
    and its name in the package."""

    family: str
    face: str
    key: str  # '{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}'
    data: bytes  # obfuscated
    part: str  # 'word/fonts/font1.odttf'
    # Whether it is a language's reserved subset, the same in every document of the
    # language: the package's shared parts bring it, compressed once.
    shared: bool = False


def _unicode_cmap(codes: list[int], glyphs: list[int]) -> bytes:
    """A cmap of one (3, 1) format 4 subtable: each character a segment of its own (glyph = code + delta)."""
    pairs = sorted((code, glyph) for code, glyph in zip(codes, glyphs, strict=True) if code <= 0xFFFE)
    ends = [code for code, _ in pairs] + [0xFFFF]
    starts = [code for code, _ in pairs] + [0xFFFF]
    deltas = [(glyph - code) % 0x10000 for code, glyph in pairs] + [1]
    segments = len(ends)
    search = 2 ** (segments.bit_length() - 1)
    body = struct.pack(
        f">HHHH{segments}HH{segments}H{segments}H{segments}H",
        2 * segments,
        2 * search,
        search.bit_length() - 1,
        2 * segments - 2 * search,
        *ends,
        0,
        *starts,
        *deltas,
        *([0] * segments),
    )
    subtable = struct.pack(">HHH", 4, 6 + len(body), 0) + body
    return struct.pack(">HHHHL", 0, 1, 3, 1, 12) + subtable


def unicode_subset(font: str, codes: tuple[int, ...]) -> bytes:
    """A TrueType font of ``font``'s glyphs for ``codes``, mapped from Unicode: reportlab's
    subset (the PDF's) with its own map, from positions in ``codes``, replaced."""
    from reportlab.pdfbase.ttfonts import TTFontMaker

    tables, glyphs = subsetter(font).subset_tables(codes)
    maker = TTFontMaker()
    for tag, data in tables.items():
        maker.add(tag, _unicode_cmap(list(codes), glyphs) if tag == "cmap" else data)
    return maker.makeStream()


def _key(data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest().upper()
    return f"{{{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}}}"


def obfuscate(font: bytes, key: str) -> bytes:
    """The first 32 bytes XORed with the key's 16 bytes, taken from its last hex digits first."""
    digits = key.strip("{}").replace("-", "")
    mask = bytes(int(digits[i : i + 2], 16) for i in range(30, -1, -2))
    head = bytes(byte ^ mask[index % 16] for index, byte in enumerate(font[:OBFUSCATED]))
    return head + font[OBFUSCATED:]


# Each face embedded: (family, face in the font table, the registered font, which characters it takes)
FACES = ((REGULAR, "Regular", REGULAR), (REGULAR, "Bold", BOLD), (CJK, "Regular", CJK))


# The languages a record names the members' regions in besides English ('경상북도',
# '富山県', '辽宁省' in an English page).
NATIVE_NAMES = (Translator("ko"), Translator("ja"), Translator("zh"))


# The Latin letters and signs a record's text brings besides ASCII (é, ō, ’, “ ”, –, ×):
# Latin-1, Latin Extended-A and General Punctuation's dashes, quotes and dots.
LATIN_REPERTOIRE = frozenset([*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x2010, 0x2027)])


@lru_cache(maxsize=16)
def shared_codes(language: Translator, font: str) -> frozenset[int]:
    """The characters every DOCX of ``language`` embeds in ``font`` when it draws no others
    there: those the PDF reserves (``fonts.reserve``: the language's own words and its
    regions' names); in the text fonts the LATIN_REPERTOIRE, which also lets an editor type
    those characters; in a CJK language's CJK font, the members' region names in Korean,
    Japanese and Chinese, the names a record brings in those scripts."""
    reserved = reserved_codes(language, font)
    if font in (REGULAR, BOLD):
        return reserved | {code for code in LATIN_REPERTOIRE if font_for(chr(code), REGULAR) == REGULAR}
    if font != CJK or not reserved:
        return reserved
    native = (char for names in NATIVE_NAMES for char in names.region_characters())
    return reserved | {ord(char) for char in native if font_for(char, REGULAR) == CJK}


def embedded_fonts(characters: set[str], language: Translator = ENGLISH) -> list[EmbeddedFont]:
    """The subsets a document with ``characters`` needs: Noto Sans for the characters it
    draws in Noto Sans, WenQuanYi Micro Hei for those it draws in that (when there are any).
    A document that draws in a font only characters its ``language`` shares there
    (``shared_codes``) embeds all of those: the same subset in every such briefing of the
    language, made and compressed once per process, and enough to edit its labels."""
    register_all()
    by_font: dict[str, list[int]] = {}
    for char in characters:
        if family := _embedded_from(char):
            by_font.setdefault(family, []).append(ord(char))
    fonts: list[EmbeddedFont] = []
    for family, face, font in FACES:
        codes = tuple(sorted(by_font.get(family, ())))
        if not codes:
            continue
        shared = shared_codes(language, font).issuperset(codes)
        part = f"word/fonts/shared-{font}.odttf" if shared else f"word/fonts/font{len(fonts) + 1}.odttf"
        key, data = _shared_subset(language, font) if shared else _obfuscated(font, codes)
        fonts.append(EmbeddedFont(FAMILIES[family], face, key, data, part, shared))
    return fonts


@cache
def _embedded_from(char: str) -> str:
    """The family whose glyph of ``char`` a document embeds ('' for one that draws nothing)."""
    return font_for(char, REGULAR) if char.isprintable() and not ignorable(char) else ""


@lru_cache(maxsize=32)
def _shared_subset(language: Translator, font: str) -> tuple[str, bytes]:
    """A language's shared subset of ``font``, obfuscated: made once per process, kept apart
    from the documents' own subsets, which come and go (six languages make a dozen per record)."""
    return _obfuscated_subset(font, tuple(sorted(shared_codes(language, font))))


@lru_cache(maxsize=16)  # (a few: the same characters come back with each build of the same text and its book)
def _obfuscated(font: str, codes: tuple[int, ...]) -> tuple[str, bytes]:
    return _obfuscated_subset(font, codes)


def _obfuscated_subset(font: str, codes: tuple[int, ...]) -> tuple[str, bytes]:
    """The key of ``font``'s subset for ``codes`` and its bytes obfuscated with it."""
    subset = unicode_subset(font, codes)
    key = _key(subset)
    return key, obfuscate(subset, key)


def font_table_xml(template: str, fonts: list[EmbeddedFont]) -> tuple[str, str]:
    """The font table with the embedded fonts named in it, and its relationships."""
    families: dict[str, list[str]] = {}
    relationships = []
    for index, font in enumerate(fonts, 1):
        families.setdefault(font.family, []).append(
            f'<w:embed{font.face} r:id="rIdFont{index}" w:fontKey="{font.key}"/>'
        )
        target = font.part.removeprefix("word/")
        relationships.append(f'<Relationship Id="rIdFont{index}" Type="{FONT_REL}" Target="{target}"/>')
    entries = "".join(
        f'<w:font w:name="{family}"><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/>'
        f"{''.join(embeds)}</w:font>"
        for family, embeds in families.items()
    )
    closing = template.rindex("</w:fonts>")
    rels = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{''.join(relationships)}</Relationships>"
    )
    return template[:closing] + entries + template[closing:], rels
