"""The fonts briefings are set in, all from PyPI packages in the lock file, and what
happens to a character none of them has.

reportlab has no per-glyph fallback, so text is cut into runs, each set in the
first font of FALLBACK_CHAIN that has glyphs for it. All are TrueType outlines,
which reportlab embeds as subsets. ``runs`` is the one place where every character
drawn in a PDF (and in the chart picture) gets its font: a character no font has
is drawn as PLACEHOLDER instead, and ``with_unprintable_note`` names such
characters in a data note before the record is rendered.

Only scripts that print correctly one character after another are given a font.
Scripts that need shaping (joined letters, reordered or stacked signs) or
right-to-left ordering, which reportlab does not do, get none: Arabic, Hebrew,
Syriac, traditional Mongolian, Tibetan, the Indic and South-East Asian scripts
are shown as PLACEHOLDER and noted, never printed wrongly.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from functools import cache, lru_cache
from importlib import import_module
from importlib.util import find_spec
from itertools import chain, groupby
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from .font_objects import add_objects
from .subset import FastSubsets

if TYPE_CHECKING:
    from ..record import Note, Record
    from .i18n import Translator


def _pymupdf_font(module: str) -> io.BytesIO:
    return io.BytesIO(import_module(f"pymupdf_fonts.{module}").fontbuffer)


def _package_file(package: str, path: str) -> io.BytesIO:
    """A file shipped inside an installed package, found without importing the package."""
    spec = find_spec(package)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"the font package {package!r} is not installed")
    return io.BytesIO((Path(spec.origin).parent / path).read_bytes())


# Noto Sans (SIL OFL 1.1, via pymupdf-fonts): Latin, Greek, Cyrillic.
# WenQuanYi Micro Hei (Apache-2.0, via paperang-p2-fonts-cjk): Han, kana, Hangul and symbols.
# Noto Sans Symbols and Noto Emoji (SIL OFL 1.1, via manimgx-fonts): symbols, and emoji in
# black and white (a sequence joined by U+200D prints as its parts, a flag as its two letters).
# Noto Sans Armenian and Georgian (SIL OFL 1.1, via manimgx-fonts): alphabets that print letter by letter.
# STIX Two Math (SIL OFL 1.1, via ziamath): mathematical letters and operators.
REGULAR = "NotoSans"
BOLD = "NotoSans-Bold"
CJK = "WenQuanYiMicroHei"
SYMBOLS = "NotoSansSymbols"
ARMENIAN = "NotoSansArmenian"
GEORGIAN = "NotoSansGeorgian"
MATH = "STIXTwoMath"
EMOJI = "NotoEmoji"

_LOADERS = {
    REGULAR: lambda: _pymupdf_font("NotoSans_Regular"),
    BOLD: lambda: _pymupdf_font("NotoSans_Bold"),
    CJK: lambda: _package_file("paperang_p2_fonts_cjk", "fonts/wqy-microhei.ttc"),
    SYMBOLS: lambda: _package_file("manimgx_fonts", "NotoSansSymbols[wght].ttf"),
    ARMENIAN: lambda: _package_file("manimgx_fonts", "NotoSansArmenian[wght].ttf"),
    GEORGIAN: lambda: _package_file("manimgx_fonts", "NotoSansGeorgian[wght].ttf"),
    MATH: lambda: _package_file("ziamath", "fonts/STIXTwoMath-Regular.ttf"),
    EMOJI: lambda: _package_file("manimgx_fonts", "NotoEmoji[wght].ttf"),
}
FAMILIES = {
    REGULAR: "Noto Sans",
    BOLD: "Noto Sans",
    CJK: "WenQuanYi Micro Hei",
    SYMBOLS: "Noto Sans Symbols",
    ARMENIAN: "Noto Sans Armenian",
    GEORGIAN: "Noto Sans Georgian",
    MATH: "STIX Two Math",
    EMOJI: "Noto Emoji",
}
# Tried in order for a character the primary font lacks: CJK first (its symbols, ① ▷ 『』,
# match the CJK text around them), emoji last (symbols and letters before pictures).
# Symbol and math fonts in pymupdf-fonts are CFF-flavoured, which reportlab cannot embed.
FALLBACK_CHAIN = (CJK, SYMBOLS, ARMENIAN, GEORGIAN, MATH, EMOJI)

# What a character no font has is drawn as: U+FFFD REPLACEMENT CHARACTER, the
# standard sign for a character that could not be shown, in the text's own font
# (both weights of Noto Sans have it). Never a blank and never a wrong glyph.
PLACEHOLDER = "\ufffd"
_MISSING = ""  # font_for's answer for a character no font has


def font_file(name: str) -> io.BytesIO:
    """A fresh stream of the font's bytes (for Pillow)."""
    return _LOADERS[name]()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> bytes:
    """reportlab's ToUnicode map, with characters past U+FFFF written as UTF-16 (its own
    writes their code points as bare hex, so copying an emoji or a mathematical letter
    out of the PDF gave another character). Characters of the BMP come out as before.
    Bytes, the same object for the same subset: the PDF writer compresses it once."""
    return _unicode_cmap(fontname, tuple(subset))


@lru_cache(maxsize=32)
def _unicode_cmap(fontname: str, subset: tuple[int, ...]) -> bytes:
    entries = [
        f"<{index:02X}> <{chr(code).encode('utf-16-be', 'surrogatepass').hex().upper()}>"
        for index, code in enumerate(subset)
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    ).encode("ascii")


ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # type: ignore[assignment]  # what reportlab calls (it takes bytes)


_SUBSETTERS: dict[str, FastSubsets] = {}  # each registered font's, by its name


def subsetter(name: str) -> FastSubsets:
    """The subsetter of a font's face (the DOCX asks it for a subset's tables alone)."""
    register(name)
    return _SUBSETTERS[name]


@cache
def register(name: str) -> TTFont:
    """Register a font with reportlab once per process."""
    # A fallback font draws only what the text fonts lack, so its first subset is not
    # given ASCII's 96 glyphs (reportlab's "ASCII-readable" default): they were embedded
    # in every PDF and never drawn, most of what subsetting a CJK font cost.
    ascii_readable = name not in FALLBACK_CHAIN
    font = TTFont(name, _LOADERS[name](), subfontIndex=0, asciiReadable=ascii_readable)
    # reportlab's get_table slices a table out of the font's bytes afresh on every call,
    # and each subset it makes asks for the whole glyf and post tables: 4 MB copied per
    # subset of WenQuanYi Micro Hei, more than half the subset's cost. Tables never change
    # once a font is read, so each is sliced once.
    face = font.face
    face.get_table = cache(face.get_table)  # type: ignore[method-assign]
    _SUBSETTERS[name] = FastSubsets(face)
    face.makeSubset = _SUBSETTERS[name].make_subset  # type: ignore[method-assign]  # reportlab's bytes, faster
    ascii_first = ascii_readable and all(code in face.charToGlyph for code in range(0x20, 0x7F))
    font.splitString = _fast_split(font, ascii_first)  # type: ignore[method-assign]  # reportlab's chunks, faster
    font.addObjects = add_objects(font)  # type: ignore[method-assign, assignment]  # reportlab's objects, faster
    pdfmetrics.registerFont(font)
    return font


_PRINTABLE_ASCII = re.compile(r"[\x20-\x7e]+")


def _fast_split(font: TTFont, ascii_first: bool) -> Callable[..., list[tuple[int, bytes]]]:
    """reportlab's ``splitString`` with short ways for what a briefing draws again and
    again (its loop looked each character up, a sixth of what a PDF cost). A font made
    ASCII-readable (``ascii_first``) holds printable ASCII at its own codes in its first
    subset from the start, so such a string is that subset's bytes as it is; a string whose
    characters all have codes already (a language's labels, drawn on every page) is their
    codes, cut where they go from one subset to another. A string of reserved characters
    alone (``reserve``) has the same codes in every briefing of the language: its chunks
    are kept for the next briefing."""
    split = font.splitString

    def split_string(text: str, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        state: Any = font.state.get(doc)  # (none before the document's first string: reportlab sets it up)
        if state is not None and isinstance(text, str):
            if ascii_first and _PRINTABLE_ASCII.fullmatch(text):
                return [(0, text.encode("ascii"))]
            kept = getattr(state, "kept_splits", None)
            if kept is not None and (chunks := kept.get(text)) is not None:
                return chunks
            assignments = state.assignments
            with suppress(KeyError):  # a character without a code yet
                codes = [assignments[code] for code in map(ord, text)]
                if all(code < 0x100 for code in codes):
                    chunks = [(0, bytes(codes))] if text else []
                else:
                    chunks = [
                        (subset, bytes(code & 0xFF for code in chunk))
                        for subset, chunk in groupby(codes, key=lambda code: code >> 8)
                    ]
                if kept is not None and len(kept) < KEPT_SPLITS and max(codes, default=0) < state.reserved_end:
                    kept[text] = chunks
                return chunks
        return split(text, doc, encoding)

    return split_string


# Strings of a language's reserved characters whose chunks are kept, per font: the first
# ones a process draws, which are its labels and headings, drawn in every briefing.
KEPT_SPLITS = 2048


@lru_cache(maxsize=64)
def _kept_splits(name: str, own: str, likely: str) -> dict[str, list[tuple[int, bytes]]]:
    return {}


def reserve(doc: Any, language: Translator) -> None:
    """Give the characters a language's own words bring to a briefing the first codes of
    the fonts they are drawn in, in ``doc``, before anything is drawn, and start the
    document's other characters in a subset of their own. The first subsets of a font are
    then the same in every briefing of the language, so they are made, compressed and
    mapped once per process rather than once per briefing: a CJK briefing's third font
    was most of what it cost beyond an English one. A PDF embeds them all, drawn or not:
    the seed's briefing is 40 KB in English, 62 KB in Korean, 91 KB in Japanese and 99 KB
    in Chinese, whose regions' names take a second subset."""
    own, likely = language.own_characters(), language.region_characters()
    for name, codes in _reserved_codes(own, likely).items():
        font: Any = register(name)  # (reportlab's per-document state is not in its stubs)
        state = font.State(font._asciiReadable, font)
        assignments, subsets, state.nextCode = codes
        state.assignments, state.subsets = dict(assignments), [list(subset) for subset in subsets]
        state.reserved_end, state.kept_splits = state.nextCode, _kept_splits(name, own, likely)
        font.state[doc] = state


def reserved_codes(language: Translator, name: str) -> frozenset[int]:
    """The characters ``reserve`` gives codes in font ``name`` for ``language``."""
    return _reserved_set(language.own_characters(), language.region_characters(), name)


@lru_cache(maxsize=32)
def _reserved_set(own: str, likely: str, name: str) -> frozenset[int]:
    reserved = _reserved_codes(own, likely).get(name)
    return frozenset(code for code in reserved[0] if code not in (0, 32)) if reserved else frozenset()


class _Reserving:
    """A document that is never written: reportlab's codes for the reserved characters are made in it."""


@lru_cache(maxsize=8)
def _reserved_codes(own: str, likely: str) -> dict[str, tuple[dict[int, int], list[list[int]], int]]:
    """By font: the codes reportlab gives the characters of ``own`` drawn in that font,
    then those of ``likely``; its subsets; the next code, the first of a new subset."""

    def drawn_in(font: str, characters: str) -> list[str]:
        if font == CJK:  # and the digits and signs a CJK run takes in ("9월 6일~7일")
            return [char for char in characters if font_for(char, REGULAR) == CJK or _neutral_in(char, CJK)]
        return [char for char in characters if not char.isascii() and font_for(char, REGULAR) == REGULAR]

    in_text_fonts = drawn_in(REGULAR, own)
    own_script = any(char.isalpha() and not unicodedata.name(char, "").startswith("LATIN") for char in in_text_fonts)
    reserved = {
        CJK: sorted(set(drawn_in(CJK, own))) if any(font_for(char, REGULAR) == CJK for char in own) else [],
        REGULAR: sorted(set(in_text_fonts)) if own_script else [],
    }
    reserved[BOLD] = reserved[REGULAR]
    codes: dict[str, tuple[dict[int, int], list[list[int]], int]] = {}
    for name, chars in reserved.items():
        if not chars:
            continue
        font: Any = register(name)
        doc = _Reserving()
        chars = [*chars, *[char for char in dict.fromkeys(drawn_in(name, likely)) if char not in chars]]
        font.splitString("".join(chars), doc)  # reportlab's codes, in this order
        state = font.state.pop(doc)
        codes[name] = (state.assignments, state.subsets, (state.nextCode + 0xFF) & ~0xFF)
    return codes


def register_all() -> None:
    for name in _LOADERS:
        register(name)


@cache
def _covered(name: str) -> frozenset[int]:
    return frozenset(register(name).face.charToGlyph)


@cache
def ignorable(char: str) -> bool:
    """Characters that draw nothing by definition: format characters (zero-width joiners,
    soft hyphens) and variation selectors. They are left out of what is drawn."""
    code = ord(char)
    return unicodedata.category(char) == "Cf" or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


@cache
def font_for(char: str, primary: str) -> str:
    """The first font of ``primary`` + FALLBACK_CHAIN that has a glyph for ``char``
    ('' for a character no font has; the primary font for spaces and ignorable ones)."""
    code = ord(char)
    if code in _covered(primary) or char.isspace() or ignorable(char):
        return primary
    for name in FALLBACK_CHAIN:
        if code in _covered(name):
            return name
    return _MISSING


def covers(char: str) -> bool:
    """Whether a character prints (or, being ignorable, needs nothing printed)."""
    return font_for(char, REGULAR) != _MISSING


def _drawn(char: str, primary: str) -> tuple[str, str]:
    """(font, what is drawn) for one character."""
    font = font_for(char, primary)
    if font == _MISSING:
        return primary, PLACEHOLDER
    if font == primary and ignorable(char) and ord(char) not in _covered(primary):
        return primary, ""
    return font, char


@cache
def _drawn_table(primary: str) -> dict[str, tuple[str, str]]:
    """char -> _drawn(char, primary), filled as characters come (a dict lookup per character)."""
    return {}


# Texts up to this long keep their runs: the labels and headings a catalog gives come
# back in every briefing of a language, and most of them mix scripts (CJK words and
# the spaces between them, digits and a unit).
_REMEMBERED_LENGTH = 200


def runs(text: str, primary: str = REGULAR) -> tuple[tuple[str, str], ...]:
    """Cut ``text`` into (font name, text) runs; a character no font has becomes
    PLACEHOLDER, an ignorable one the primary font lacks is left out. A space stays in
    the run it stands in when that run's font has it, so words of one script and the
    spaces between them are one run. Linear in the text."""
    if text.isascii() and text.isprintable():
        return ((primary, text),)  # the common case: every font here covers printable ASCII
    if len(text) <= _REMEMBERED_LENGTH:
        return _remembered_runs(text, primary)
    return _runs(text, primary)


@lru_cache(maxsize=4096)
def _remembered_runs(text: str, primary: str) -> tuple[tuple[str, str], ...]:
    return _runs(text, primary)


def _runs(text: str, primary: str) -> tuple[tuple[str, str], ...]:
    tags = _tags(primary).of(text)
    grouped = _runs_by_character(text, primary) if tags is None else _runs_by_tag(text, tags, primary)
    joined: list[tuple[str, str]] = []
    for font, run in grouped:
        if not run:
            continue
        if len(joined) > 1 and joined[-2][0] == font and _neutral_in(joined[-1][1], font):
            _, between = joined.pop()
            joined[-1] = (font, joined[-1][1] + between + run)
        else:
            joined.append((font, run))
    if len(joined) > 1 and _neutral_in(joined[0][1], joined[1][0]):  # "34곳", "(富山県"
        joined[0:2] = [(joined[1][0], joined[0][1] + joined[1][1])]
    if len(joined) > 1 and _neutral_in(joined[-1][1], joined[-2][0]):  # "경상남도,"
        joined[-2:] = [(joined[-2][0], joined[-2][1] + joined[-1][1])]
    return tuple(joined)


# Each character's font as one letter (a tag), so that a text's runs are found by str.translate
# and a regular expression, without a step of Python per character: the fonts' tags, a space
# (it stays in the run it stands in when that run's font has it), and a character that needs
# the step by step way (drawn as something else).
_FONT_TAGS = {name: chr(ord("A") + index) for index, name in enumerate(_LOADERS)}
_TAG_FONTS = {tag: name for name, tag in _FONT_TAGS.items()}
_SPACE = " "
_BY_CHARACTER = "?"
# A space some font lacks (a thin space, an ideographic one) has a tag of its own, one of
# these: it is a space like the others in a text whose fonts all have it.
_SOME_FONTS_SPACE_TAGS = "abcdefghijklmnopqrstuvwxyz"
# A run: a font's tag, then that tag again or spaces. The text is read with the primary
# font's tag in front of it, so that spaces it starts with are in the primary font's run.
_TAG_RUN = re.compile(r"([^ ])(?: |\1)*")


class _Tags(dict[int, str]):
    """code point -> tag, for one primary font, filled as characters come (str.translate's table)."""

    def __init__(self, primary: str) -> None:
        super().__init__()
        self.primary = primary
        self.space_fonts: dict[str, frozenset[str]] = {}  # a tag of _SOME_FONTS_SPACE_TAGS -> the fonts' tags having it

    def __missing__(self, code: int) -> str:
        char = chr(code)
        font, shown = _drawn(char, self.primary)
        names = (self.primary, *FALLBACK_CHAIN)
        if shown != char:
            tag = _BY_CHARACTER
        elif not char.isspace():
            tag = _FONT_TAGS[font]
        elif all(code in _covered(name) for name in names):
            tag = _SPACE
        elif len(self.space_fonts) < len(_SOME_FONTS_SPACE_TAGS):
            tag = _SOME_FONTS_SPACE_TAGS[len(self.space_fonts)]
            self.space_fonts[tag] = frozenset(_FONT_TAGS[name] for name in names if code in _covered(name))
        else:
            tag = _BY_CHARACTER
        self[code] = tag
        return tag

    def of(self, text: str) -> str | None:
        """``text``'s tags, or None where the step by step way must cut it: a character drawn
        as something else, or a space that a font the text is drawn in lacks."""
        tags = text.translate(self)
        if _BY_CHARACTER in tags:
            return None
        if not self.space_fonts or tags.isupper() or tags.isspace():
            return tags
        present = set(tags)
        fonts = {tag for tag in present if tag.isupper()} | {_FONT_TAGS[self.primary]}
        spaces = present & self.space_fonts.keys()
        if any(not fonts <= self.space_fonts[tag] for tag in spaces):
            return None
        return tags.translate(dict.fromkeys(map(ord, spaces), _SPACE))


@cache
def _tags(primary: str) -> _Tags:
    return _Tags(primary)


def _runs_by_tag(text: str, tags: str, primary: str) -> Iterator[tuple[str, str]]:
    for match in _TAG_RUN.finditer(_FONT_TAGS[primary] + tags):
        start, end = match.span()
        yield _TAG_FONTS[match[1]], text[max(start - 1, 0) : end - 1]


def _runs_by_character(text: str, primary: str) -> Iterator[tuple[str, str]]:
    """The runs, character by character: for a text with a character drawn as something
    else (PLACEHOLDER, or nothing), or a space that a font it is drawn in lacks."""
    table = _drawn_table(primary)
    for char in set(text) - table.keys():
        table[char] = _drawn(char, primary)
    current = primary

    def font_of(drawn: tuple[str, str]) -> str:
        nonlocal current
        font, shown = drawn
        if shown.isspace() and ord(shown) in _covered(current):
            return current
        if not shown.isspace():
            current = font
        return font

    for font, pieces in groupby(map(table.__getitem__, text), key=font_of):
        yield font, "".join(map(itemgetter(1), pieces))


def _neutral_in(run: str, font: str) -> bool:
    """Whether ``run`` is only characters of no script (digits, punctuation, spaces) that
    ``font`` has. Such a run between two runs of that font, or at either end of the text
    next to one, is set in it: a date written in Korean or Japanese is one run, not six
    ("9월 6일~7일"), as a CJK font's own digits stand among its characters."""
    return all(map(_neutral_table(font).__getitem__, run))


class _Neutral(dict[str, bool]):
    """char -> whether it is of no script and ``font`` has it, filled as characters come."""

    def __init__(self, font: str) -> None:
        super().__init__()
        self.covered = _covered(font)

    def __missing__(self, char: str) -> bool:
        neutral = (
            ord(char) in self.covered and char != PLACEHOLDER and not unicodedata.category(char).startswith(("L", "M"))
        )
        self[char] = neutral
        return neutral


@cache
def _neutral_table(font: str) -> _Neutral:
    return _Neutral(font)


# --- the data note ------------------------------------------------------------------

# Characters named one by one in the note; past that it gives how many more. A
# reader needs to know which scripts are affected, not a list of every letter.
MAX_NAMED_CHARACTERS = 8


# Scripts reportlab cannot print correctly (joined or reordered letters, stacked
# signs, right-to-left lines), by the first word of their characters' Unicode names:
# they get no font, and the note names them.
SHAPED_SCRIPTS = (
    "ARABIC",
    "HEBREW",
    "SYRIAC",
    "THAANA",
    "NKO",
    "MONGOLIAN",
    "TIBETAN",
    "DEVANAGARI",
    "BENGALI",
    "GURMUKHI",
    "GUJARATI",
    "ORIYA",
    "TAMIL",
    "TELUGU",
    "KANNADA",
    "MALAYALAM",
    "SINHALA",
    "THAI",
    "LAO",
    "MYANMAR",
    "KHMER",
)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def unprintable_characters(texts: Iterable[str]) -> list[str]:
    """The distinct characters of ``texts`` that no font prints, in code point order."""
    found: set[str] = set()
    for text in texts:
        if not (text.isascii() and text.isprintable()):
            found.update(text)
    return sorted(char for char in found if not covers(char))


def _name(char: str) -> str:
    code = f"U+{ord(char):04X}"
    name = unicodedata.name(char, "")
    return f"{code} {name}" if name else code


def _scripts_needing_shaping(characters: list[str]) -> list[str]:
    """The SHAPED_SCRIPTS among ``characters`` (by their Unicode names), in table order."""
    names = [unicodedata.name(char, "") for char in characters]
    return [script.title() for script in SHAPED_SCRIPTS if any(name.startswith(script + " ") for name in names)]


def unprintable_note(record: Record) -> Note | None:
    """The ``unprintable-characters`` note for the characters of ``record`` that no
    embedded font has, or None when every character prints."""
    from ..record import Note
    from ..severity import severity_of

    texts = _strings(record.model_dump(mode="json", exclude={"notes"}))
    messages = [note.message for note in record.notes if note.code != "unprintable-characters"]
    missing = unprintable_characters(chain(texts, messages))
    if not missing:
        return None
    named = ", ".join(_name(char) for char in missing[:MAX_NAMED_CHARACTERS])
    more = len(missing) - MAX_NAMED_CHARACTERS
    if more > 0:
        named += f" and {more} more"
    several = len(missing) > 1
    message = (
        f"{len(missing)} different character{'s' if several else ''} of the text cannot be printed with "
        f"the PDF's fonts and {'are' if several else 'is'} shown there as {PLACEHOLDER} "
        f"(the JSON and the DOCX keep {'them' if several else 'it'}): {named}."
    )
    shaped = _scripts_needing_shaping(missing)
    if shaped:
        message += (
            f" {_joined(shaped)} {'need' if len(shaped) > 1 else 'needs'} shaping or right-to-left order, "
            "which the PDF writer does not do."
        )
    return Note(
        code="unprintable-characters", severity=severity_of("unprintable-characters"), line=None, message=message
    )


def _joined(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def with_unprintable_note(record: Record) -> Record:
    """``record`` with its ``unprintable-characters`` note (a new record; the same one
    when every character prints). Run before rendering, so the JSON, the data-notes
    box and the index all carry the note."""
    note = unprintable_note(record)
    kept = [existing for existing in record.notes if existing.code != "unprintable-characters"]
    if note is None and len(kept) == len(record.notes):
        return record
    return record.model_copy(update={"notes": [*kept, *([note] if note else [])]})
