"""Stage 1: raw bytes -> normalised text, with what transit damaged repaired.

Accepts what people actually save: UTF-8 (with or without BOM), UTF-16 (BOM, or
without one when the detector is sure), and the legacy code pages of the member
countries' computers (LEGACY_CODECS). A legacy guess is checked against the text
it gives: its letters must be of the code page's scripts and no word may mix
scripts, so Cyrillic or Hangul read as Latin-1 is rejected. Bytes that fit none
are refused with the line. The repairs (``repairs.py``) run on the decoded text.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import InputError
from ..record import RepairKind
from .countries import country_code
from .repairs import QUOTE_PREFIX, fix_mojibake, repair_lines
from .text import Line

# Limits, far above any real conference record (the seed is 4 KB, 70 lines) and low
# enough that a runaway input cannot stall a batch: refused with a clear message.
# A conference record is a few KB (the seed: 4 KB); 500 KB is a hundred times the longest
# the archive holds, and keeps the worst text of any shape within 30 s and 1 GB to build
# (`python -m tools.bench worst`).
MAX_BYTES = 500_000
MAX_LINE_CHARS = 20_000
# Share of control characters above which decoded "text" is really binary data.
MAX_CONTROL_SHARE = 0.06  # random bytes and compressed data are about 11%; a text with stray controls, 1-3%
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# UTF-16 without a BOM, by the name charset-normalizer uses and the name we report.
UTF16_ENCODINGS = {"utf_16": "utf-16", "utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be"}


@dataclass(frozen=True)
class LegacyCodec:
    """A code page people save text in: the name we report and the scripts its letters are in."""

    codec: str
    name: str
    scripts: frozenset[str]
    required_script: str | None = None  # a text in this code page has letters of this script
    # Lead bytes of the characters people use most (GB2312 and Big5 level 1, JIS level 1,
    # KS X 1001 Hangul): a text read in the wrong CJK code page is made of rarer ones.
    common_leads: tuple[range, ...] = (range(0x80, 0x100),)
    # Scripts the code page also holds, in its own rows: a name in them is plausible, but
    # tells nothing of how common the text's characters are (the CJK code pages' Cyrillic:
    # a Korean page may name "Сэлэнгэ аймаг", a Japanese one "Магаданская область").
    also_scripts: frozenset[str] = frozenset()
    # The CJK code pages have rows of box-drawing characters that tables are drawn with ("┌──┐");
    # in a single-byte page they are what another code page's letters turn into (KOI8-R reading CJK).
    draws_boxes: bool = False
    # Scripts the code page holds that a text in it uses for a few letters at most: GB18030's kana,
    # a Japanese place name on a Chinese page ("関ヶ原"); EUC-JP's Japanese, read as GB18030, is
    # made of kana by the third.
    minor_scripts: frozenset[str] = frozenset()
    # Lead bytes of characters a text in this code page uses, more rarely than the common ones:
    # each counts half (KS X 1001's Hanja, which a Korean page gives place names in, "朝陽市")
    half_common_leads: tuple[range, ...] = ()


# The share of a text's non-ASCII letters a code page's minor scripts may make (and a few
# letters always: one name in a short text)
MINOR_SCRIPT_SHARE = 0.2
MINOR_SCRIPT_FEW = 3


_CYRILLIC = frozenset({"cyrillic"})
# GB18030 holds every character, Hangul in four bytes that no other code page's text reads as
# (a Chinese page may name "경상북도"); its kana are two-byte rows EUC-JP shares, so not those.
_CYRILLIC_HANGUL = frozenset({"cyrillic", "hangul"})
# KS X 1001's Hangul syllables, and its row of jamo: Korean pages mark items with "ㅇ" and "ㅁ"
# (which EUC-JP reads as the kana "し" and "け").
_KS_X_1001_COMMON = (range(0xA4, 0xA5), range(0xB0, 0xC9))
# Tried in the order charset-normalizer ranks them, then in this order.
LEGACY_CODECS = (
    LegacyCodec("cp1252", "windows-1252", frozenset({"latin"})),
    LegacyCodec("cp1251", "windows-1251", frozenset({"cyrillic"})),
    LegacyCodec("koi8_r", "koi8-r", frozenset({"cyrillic"})),
    LegacyCodec(
        "cp949",
        "cp949",
        frozenset({"hangul", "han"}),
        "hangul",
        _KS_X_1001_COMMON,
        _CYRILLIC,
        True,
        half_common_leads=(range(0xCA, 0xFE),),  # (KS X 1001's Hanja)
    ),
    LegacyCodec(
        "gb18030",
        "gb18030",
        frozenset({"han"}),
        None,
        (range(0xB0, 0xD8),),
        _CYRILLIC_HANGUL,
        True,
        frozenset({"kana"}),
    ),
    LegacyCodec("big5", "big5", frozenset({"han"}), None, (range(0xA4, 0xC7),), _CYRILLIC, True),
    LegacyCodec(
        "cp932", "cp932", frozenset({"kana", "han"}), None, (range(0x82, 0x84), range(0x88, 0x99)), _CYRILLIC, True
    ),
    LegacyCodec(
        "euc_jp", "euc-jp", frozenset({"kana", "han"}), None, (range(0xA4, 0xA6), range(0xB0, 0xD0)), _CYRILLIC, True
    ),
)
_LEGACY_BY_CODEC = {legacy.codec: legacy for legacy in LEGACY_CODECS}
# Code point ranges of the scripts the member countries write in.
SCRIPT_RANGES = (
    ("latin", 0x00C0, 0x024F),
    ("cyrillic", 0x0400, 0x04FF),
    ("hangul", 0x1100, 0x11FF),
    ("hangul", 0x3130, 0x318F),
    ("hangul", 0xAC00, 0xD7A3),
    ("kana", 0x3040, 0x30FF),
    ("kana", 0xFF66, 0xFF9F),
    ("han", 0x3400, 0x4DBF),
    ("han", 0x4E00, 0x9FFF),
    ("han", 0xF900, 0xFAFF),
    # (the full-width Latin letters of CJK pages: "ＮＥＡＲ防災分科委員会")
    ("full-width latin", 0xFF21, 0xFF3A),
    ("full-width latin", 0xFF41, 0xFF5A),
)
# How much charset-normalizer's chaos (0 for clean text, 0.1-0.3 for CJK read in the wrong
# CJK code page) counts against commonness (0-1): EUC-KR and EUC-JP bytes look alike, and
# only the chaos of the result tells Korean from Japanese.
CHAOS_WEIGHT = 2.0
# How close another code page's reading may score before the text is noted as uncertain: on
# short pages of Han and Cyrillic names in five CJK code pages (a generator), 12 of the 14
# read in the wrong code page were within it, and 7 of 151 read right; of 293 legacy texts
# in the tests and blind sets, 3
ENCODING_DOUBT_MARGIN = 0.03
_NON_ASCII_LINE = re.compile(rb"[^\n]*[\x80-\xff][^\n]*")
_WORD = re.compile(r"[^\W\d_]+")
# Box drawing and block elements: what a code page's upper half gives when the bytes are
# another code page's letters (KOI8-R reading CJK). No text of the field uses them.
_FOREIGN_SYMBOL = re.compile("[\u2500-\u259f\u2320\u2321\u2219\u221a\u2248\u2264\u2265]")
# A Latin-1 sign between two letters ("§У§в", "ОчЛ®ЖВ"): the lead bytes of a double-byte code page
# read as a single-byte one (GB18030's Cyrillic rows start with 0xA7, "§" in cp1251); a few at most
_GLUED_SIGN = re.compile(r"(?<=[^\W\d_])[\u00a4-\u00a9\u00ab-\u00b1\u00b4\u00b6\u00b8\u00bb-\u00bf](?=[^\W\d_])")
GLUED_SIGNS_FEW = 2

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)

# Spaces that look like a blank but are not U+0020, and characters that are invisible.
_SPACE_LIKE = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(
    "[\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width and soft hyphen
    "\u202a-\u202e\u2066-\u2069\u200e\u200f"  # bidi controls: a briefing must read as written
    "\x00-\x08\x0b-\x1f\x7f-\x9f]"  # C0/C1 controls other than the line feed
)
_SPACE_RUN = re.compile(" {2,}")


@dataclass(frozen=True)
class RawText:
    """A decoded, normalised, repaired raw text. ``lines[i]`` came from line
    ``numbers[i]`` of the file (repairs may split or join lines)."""

    file: str
    sha256: str
    encoding: str
    lines: tuple[str, ...]
    numbers: tuple[int, ...] = ()
    repairs: tuple[RepairKind, ...] = ()
    rival_encoding: str | None = None  # another code page that reads the bytes nearly as well (Decoded.rival)

    def __post_init__(self) -> None:
        if not self.numbers:
            object.__setattr__(self, "numbers", tuple(range(1, len(self.lines) + 1)))

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def numbered(self) -> list[Line]:
        return [Line(number, text) for number, text in zip(self.numbers, self.lines, strict=True)]


@dataclass(frozen=True)
class Decoded:
    """A text as read, the encoding it was read in, and another code page that reads the
    bytes as well, or nearly (``ENCODING_DOUBT_MARGIN``), into other characters."""

    text: str
    encoding: str
    rival: str | None = None


def decode(data: bytes, file: str) -> Decoded:
    """Return the text as read, or raise InputError."""
    if len(data) > MAX_BYTES:
        raise InputError(
            file, 1, f"file is {len(data):,} bytes; the limit is {MAX_BYTES:,} (a conference record is a few KB)"
        )
    decoded = _decode(data, file)
    controls = len(_CONTROL.findall(decoded.text))
    if controls > 16 and controls / len(decoded.text) > MAX_CONTROL_SHARE:
        raise InputError(file, 1, "binary data, not text (a PDF, image or other file renamed .txt?)")
    return decoded


def _decode(data: bytes, file: str) -> Decoded:
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), name)
            except UnicodeDecodeError as exc:
                raise InputError(file, _line_of(data, exc.start), f"not valid {name}: {exc.reason}") from None
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        if b"\x00" not in data and _mostly_utf8(data):
            # Real UTF-8 around a broken byte: guessing another encoding would garble every name.
            raise InputError(
                file,
                _line_of(data, error.start),
                f"invalid UTF-8 (byte 0x{data[error.start]:02x}); save the file again as UTF-8",
            ) from None
    if b"\x00" in data:
        best = from_bytes(data, cp_isolation=list(UTF16_ENCODINGS)).best()
        if best is not None:
            return Decoded(str(best), UTF16_ENCODINGS[best.encoding])
    return _decode_legacy(data, file)


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few broken bytes, rather than another encoding: most non-ASCII
    characters decode as UTF-8. (A legacy code page makes mostly errors.)"""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    valid = sum(1 for ch in text if ord(ch) > 0x7F) - broken
    return valid >= 4 * broken


def _decode_legacy(data: bytes, file: str) -> Decoded:
    """Of the code pages whose text is plausible, the one whose characters are most common
    and least chaotic (charset-normalizer's measure). Only the lines with non-ASCII bytes
    are measured: the rest tells nothing and, in a mostly English text, drowns the signal."""
    sample = b"\n".join(_NON_ASCII_LINE.findall(data)) or data
    matches = from_bytes(sample, cp_isolation=list(_LEGACY_BY_CODEC))
    chaos = {match.encoding: match.chaos for match in matches}
    ranked = [match.encoding for match in matches]
    order = [*dict.fromkeys([*(c for c in ranked if c in _LEGACY_BY_CODEC), *_LEGACY_BY_CODEC])]
    readings: list[tuple[float, int, str, LegacyCodec]] = []
    for rank, codec in enumerate(order):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        legacy = _LEGACY_BY_CODEC[codec]
        if plausible(text, legacy) and (common := commonness(text, legacy)) >= _least_common_share(text):
            score = common - CHAOS_WEIGHT * chaos.get(codec, 1.0)
            readings.append((score, rank, text, legacy))
    if readings:
        # The best score wins (ties: charset-normalizer's rank); where two code pages read the
        # bytes alike, the first of LEGACY_CODECS is named (punctuation alone does not tell
        # 1252 from 1251).
        def by_score(reading: tuple[float, int, str, LegacyCodec]) -> tuple[float, int]:
            return reading[0], -reading[1]

        best, _, text, _ = max(readings, key=by_score)
        alike = [reading[3] for reading in readings if reading[2] == text]
        # (a code page that reads other characters nearly as well: the briefing says so)
        rivals = [reading for reading in readings if reading[2] != text and best - reading[0] < ENCODING_DOUBT_MARGIN]
        rival = max(rivals, key=by_score)[3].name if rivals else None
        return Decoded(text, min(alike, key=LEGACY_CODECS.index).name, rival)
    first = next((_line_of(data, m.start()) for m in re.finditer(rb"[\x80-\xff]", data)), 1)
    names = ", ".join(legacy.name for legacy in LEGACY_CODECS)
    raise InputError(file, first, f"cannot decode: the bytes are not UTF-8, UTF-16 or any of {names}")


# A reading of many letters of which hardly any are among the code page's common ones is the
# bytes of another code page (Shift_JIS read as GB18030: none of 380 letters common); a real
# text's share is 0.6 or more (the 599 legacy texts of 20 letters or more in the tests and the
# blind sets)
LEAST_COMMON_SHARE = 0.2
LETTERS_MEASURED_MIN = 20


def _least_common_share(text: str) -> float:
    letters = sum(1 for ch in text if ord(ch) > 0x7F and ch.isalpha())
    return LEAST_COMMON_SHARE if letters >= LETTERS_MEASURED_MIN else 0.0


def script_of(char: str) -> str | None:
    point = ord(char)
    return next((name for name, low, high in SCRIPT_RANGES if low <= point <= high), None)


def commonness(text: str, legacy: LegacyCodec) -> float:
    """The share of the text's non-ASCII letters that are among the code page's common ones.
    The letters of the scripts it also holds count as common (``plausible`` has seen their
    words cased as words are): Russian regions' own names in a Chinese page's GB18030 are
    the page's, where Big5 would read the same bytes as rare characters."""
    letters = [ch for ch in text if ord(ch) > 0x7F and ch.isalpha()]
    if not letters:
        return 1.0
    common = 0.0
    for ch in letters:
        if script_of(ch) in legacy.also_scripts:
            common += 1
            continue
        lead = ch.encode(legacy.codec)[0]
        if any(lead in leads for leads in legacy.common_leads):
            common += 1
        elif any(lead in leads for leads in legacy.half_common_leads):
            common += 0.5
    return common / len(letters)


def _box_drawn(char: str, legacy: LegacyCodec) -> bool:
    return legacy.draws_boxes and "\u2500" <= char <= "\u257f"


# Words cased as no word is, at most: an abbreviation mixes cases ("КнААЗ", "ДальНИИ"), and
# so does nearly every word of CJK bytes read as a Cyrillic code page; one such word always
# (an English page naming a few places in Cyrillic and one institute, "СахНИРО")
ODD_CASED_SHARE = 0.1
ODD_CASED_FEW = 1


def plausible(text: str, legacy: LegacyCodec) -> bool:
    """Whether a legacy decoding reads as text: its non-ASCII letters are of the code
    page's scripts, no word mixes ASCII letters with another script, a Latin word is not
    made of accented letters alone (Cyrillic read as Latin-1), and nothing decodes to
    control or unassigned characters."""
    if any(
        unicodedata.category(ch) in ("Cc", "Cn", "Co") or (_FOREIGN_SYMBOL.match(ch) and not _box_drawn(ch, legacy))
        for ch in text
        if ord(ch) > 0x7F
    ):
        return False
    if len(_GLUED_SIGN.findall(text)) > GLUED_SIGNS_FEW:
        return False
    scripts_seen: set[str] = set()
    cased = odd = 0  # Latin and Cyrillic words, and those cased as no word is
    letters = [script_of(ch) for ch in text if ord(ch) > 0x7F and ch.isalpha()]
    if sum(script in legacy.minor_scripts for script in letters) > max(
        MINOR_SCRIPT_FEW, MINOR_SCRIPT_SHARE * len(letters)
    ):
        return False
    allowed = (
        legacy.scripts | legacy.also_scripts | legacy.minor_scripts | {"latin", "full-width latin"}
    )  # "Communiqué"
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        scripts = {script_of(ch) for ch in word if ord(ch) > 0x7F and ch.isalpha()}
        if None in scripts or not scripts <= allowed:
            return False
        has_ascii = any(ch.isascii() for ch in word)
        if has_ascii and scripts == {"cyrillic"}:
            return False  # "Sociйtй": Latin-1 text read as Cyrillic
        if scripts == {"latin"} and not has_ascii and len(word) > 2:
            return False  # "Õàáàðîâñê": Cyrillic read as Latin-1
        if scripts and scripts <= {"latin", "cyrillic"}:
            cased += 1
            odd += not (word.islower() or word.isupper() or word[1:].islower())
        scripts_seen |= {script for script in scripts if script}
    if odd > max(ODD_CASED_FEW, cased * ODD_CASED_SHARE):
        return False  # "ФФЭБд": CJK bytes read as a Cyrillic code page; words are cased as words are
    return legacy.required_script is None or legacy.required_script in scripts_seen


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def normalise_line(line: str) -> str:
    line = _INVISIBLE.sub("", _SPACE_LIKE.sub(" ", line))
    return _SPACE_RUN.sub(" ", line).strip()


# A tab between words; not one after a label's colon ("Dates:\t24 September"), which only aligns.
_INNER_TAB = re.compile(r"(?<=\S)(?<![:：])[ \t]*\t[ \t]*(?=\S)")
# Columns aligned with spaces: two or more between words, at least twice in a line
# ("1    Russia    Amur Oblast    3"), in at least three lines in a row (prose with two
# spaces after its full stops is not a table).
_SPACED_COLUMN = re.compile(r"(?<=\S)(?<![:：]) {2,}(?=\S)")
_SPACED_COLUMNS_MIN = 2
_SPACED_ROWS_MIN = 3


# A list in columns: a line opening with a list's mark, a run of spaces, the same mark again
_TWO_COLUMN_ITEMS = re.compile(r"^\s*(?P<mark>[-•·*])\s+\S.*?\S {3,}(?P=mark)\s+\S")
_NEXT_COLUMN_ITEM = re.compile(r"(?<=\S) {3,}[-•·*]\s+(?=\S)")


def _tab_tables(lines: list[str]) -> list[str]:
    """Two or more lines in a row with tabs between their words, or three or more with
    columns aligned by spaces, are a pasted table: the gaps become ' | ' column separators
    (elsewhere a tab or a run of spaces is a space)."""
    quotes = [QUOTE_PREFIX.match(line) for line in lines]  # "> \tDate": the tab indents, it separates nothing
    bodies = [line[quote.end() :] if quote else line for line, quote in zip(lines, quotes, strict=True)]
    tabbed = [bool(_INNER_TAB.search(body)) for body in bodies]
    # (a table drawn with bars is one already: its padding is no column)
    spaced = [len(_SPACED_COLUMN.findall(body)) >= _SPACED_COLUMNS_MIN and "|" not in body for body in bodies]
    in_spaced_table = _after_a_blank_row(_in_runs(spaced, _SPACED_ROWS_MIN), spaced, bodies)
    label_rows = _label_column_rows(bodies)
    numbered_headings = _numbered_headings(bodies, label_rows)
    widths = _tab_widths(bodies, tabbed)
    rows = []
    for index, (line, body) in enumerate(zip(lines, bodies, strict=True)):
        if tabbed[index] and ((index > 0 and tabbed[index - 1]) or (index + 1 < len(lines) and tabbed[index + 1])):
            # (a row with as many tabs as its table's rows of single tabs has empty cells where two
            # tabs meet: "2\t\tHeilongjiang Province\ton site" under "No.\tCountry\tMember region\t...")
            empty_cells = body.count("\t") in widths[index]
            line = line[: len(line) - len(body)] + _INNER_TAB.sub(
                (lambda gap: " | ".join([""] * (gap.group().count("\t") + 1))) if empty_cells else " | ", body
            )
        elif index in numbered_headings:
            line = line[: len(line) - len(body)] + numbered_headings[index]
        elif in_spaced_table[index] and not (index in label_rows and _NUMBERED_ROW.match(body)):
            line = line[: len(line) - len(body)] + _SPACED_COLUMN.sub(" | ", body.strip())
        elif _TWO_COLUMN_ITEMS.match(body):
            # "- Jilin Province            - Heilongjiang Province": a list laid out in columns, its
            # items parted as a list's are, not one item with a dash in it
            line = line[: len(line) - len(body)] + _NEXT_COLUMN_ITEM.sub("; ", body)
        elif index in label_rows:
            column, groups = label_rows[index]
            label, value = body[:column].strip(), body[column:].strip()
            # (a list of participants by country reads "China (9): A, B", a field "| Venue | ... |")
            if not groups:
                # "● Venue", "03   Venue": the bullet or the number marks the row, no part of the label
                label = _LEADING_MARK.sub("", _NUMBERED_ROW.sub("", label))
            line = line[: len(line) - len(body)] + (f"{label}: {value}" if groups else f"| {label} | {value} |")
        rows.append(line)
    return rows


def _tab_widths(bodies: list[str], tabbed: list[bool]) -> list[set[int]]:
    """For each line, the numbers of tabs of the lines of its run of tabbed lines whose tabs all
    stand alone (each between two cells): the table's widths, which a row of empty cells has too."""
    widths: list[set[int]] = [set() for _ in bodies]
    start = 0
    while start < len(bodies):
        end = start
        while end < len(bodies) and tabbed[end]:
            end += 1
        run = {body.count("\t") for body in bodies[start:end] if "\t\t" not in body.strip("\t")}
        for index in range(start, end):
            widths[index] = run
        start = end + 1
    return widths


# "Venue       Jilin Wusong Hotel": a short label, a gap of spaces, its value; no colon. (A typed
# record numbers its rows: "03   Venue           Conference hall of the ...".)
_LABEL_GAP = re.compile(r"^\s*(?P<number>\d{1,2}[.)]? {2,})?(?P<label>\S+(?: \S+){0,4}) {2,}(?=\S)")
_LABEL_ROWS_MIN = 3
_NUMBERED_ROW = re.compile(r"^\s*\d{1,2}[.)]? {2,}")
_COLON = re.compile(r"[:：]")


_GROUP_COUNT = re.compile(r"\s*\(\d+\)\s*$")
_LEADING_MARK = re.compile(r"^[^\w(]+")


def _heads_a_group(label: str) -> bool:
    """ "China (9)", "Observers", "Organizations (4)": the list of participants by country, read as it is."""
    name = _GROUP_COUNT.sub("", _LEADING_MARK.sub("", label.strip()))
    return country_code(name) is not None or name.lower().startswith(_GROUP_WORDS)


_GROUP_WORDS = ("observer", "organization", "organisation", "international organ")


def _label_like(label: str) -> bool:
    """A field's label ("● Venue") or a country's group ("China (9)"), not a date or a
    time of a programme ("October 20 (Tue.)", "09:30")."""
    return _heads_a_group(label) or not any(char.isdigit() for char in label)


def _label_column_rows(bodies: list[str]) -> dict[int, tuple[int, bool]]:
    """Rows of a two-column layout aligned with spaces: three or more lines whose values
    start at one column after a short label, with only lines indented to that column (a
    value going on) between them. Row index -> (the value's column, whether the labels are
    countries or observers heading groups of participants)."""
    found: dict[int, tuple[int, bool]] = {}
    continuations: dict[int, int] = {}
    run: list[int] = []
    column = -1
    for index, body in enumerate([*bodies, ""]):
        gap = _LABEL_GAP.match(body)
        # (a numbered row's value may hold a colon: '07   Theme   "Clean air and clean seas: what ..."')
        colon = _COLON.search(body[: gap.end()] if gap and gap["number"] else body)
        if gap and (_INNER_TAB.search(body) or "|" in body or colon or not _label_like(gap["label"])):
            gap = None  # (a colon labels the line already: "Dates:   24 September", "일  시 (Date) : ...")
        if gap and gap["number"] and _heads_a_group(gap["label"]):
            gap = None  # ("1    Russia    Amur Oblast    3": a numbered table of participants, read as one)
        if gap and (not run or gap.end() == column):
            run.append(index)
            column = gap.end()
            continue
        if run and body.strip() and len(body) - len(body.lstrip()) >= column - 1:
            continuations[index] = column  # the value going on under its column
            continue
        if len(run) >= _LABEL_ROWS_MIN and _numbered_fields_known(bodies, run):
            groups = any(_heads_a_group(bodies[row][:column]) for row in run)
            found |= dict.fromkeys(run, (column, groups))
            if not groups:  # "|  | observers, and about 140 participants |": the value's cell going on
                found |= {row: (0, False) for row, at in continuations.items() if run[0] < row and at == column}
        continuations = {}
        run, column = ([index], gap.end()) if gap else ([], -1)
    return found


_KNOWN_NUMBERED_FIELDS_MIN = 2


def _numbered_fields_known(bodies: list[str], run: list[int]) -> bool:
    """Whether a run of label rows, where they are numbered, labels fields the overview knows (two
    of them at least: "02   Dates", "03   Venue"): a numbered table of delegations ("1   Aomori
    Prefecture (青森県)   Vice-Governor, ...") is a table, read as one."""
    # (the overview's table of field names, imported only where a run of label rows is numbered)
    from .overview import field_kind

    gaps = [gap for row in run if (gap := _LABEL_GAP.match(bodies[row])) is not None]
    if not any(gap["number"] for gap in gaps):
        return True
    return sum(field_kind(gap["label"]) is not None for gap in gaps) >= _KNOWN_NUMBERED_FIELDS_MIN


# "10   Proceedings" after a table of numbered fields: the record's next part, its heading alone
_LONE_NUMBERED = re.compile(r"^\s*(?P<number>\d{1,2})[.)]? {2,}(?P<heading>[^\W\d_][^|:：]{0,60}?)\s*$")


def _numbered_headings(bodies: list[str], label_rows: dict[int, tuple[int, bool]]) -> dict[int, str]:
    """Lines that go on with the numbers of a table of numbered fields ("09   Participants ...")
    with a heading alone ("10   Proceedings"): line index -> the heading, without its number."""
    headings: dict[int, str] = {}
    last = None
    for index, body in enumerate(bodies):
        if index in label_rows and (number := _NUMBERED_ROW.match(body)):
            last = int(number.group().strip().rstrip(".)"))
        elif last is not None and (lone := _LONE_NUMBERED.match(body)) and int(lone["number"]) == last + 1:
            headings[index] = lone["heading"]
            last += 1
    return headings


def _after_a_blank_row(in_table: list[bool], spaced: list[bool], bodies: list[str]) -> list[bool]:
    """A spaced table's rows and a row of its columns one blank line below its last ("Invited
    Korea Maritime Institute (KMI), Seoul    2", set apart under the members)."""
    marked = list(in_table)
    for index in range(2, len(bodies)):
        if spaced[index] and not bodies[index - 1].strip() and marked[index - 2]:
            marked[index] = True
    return marked


def _in_runs(flags: list[bool], length: int) -> list[bool]:
    """Which of ``flags`` are in a run of at least ``length`` true ones."""
    marked = [False] * len(flags)
    start = 0
    for index in range(len(flags) + 1):
        if index == len(flags) or not flags[index]:
            if index - start >= length:
                marked[start:index] = [True] * (index - start)
            start = index + 1
    return marked


# A table drawn with box-drawing characters ("┌──┬──┐", "│ Period │ 9-11 September │") is
# read as one drawn in ASCII: bars between its cells, "+---+" rules between its rows. Each
# character of the block is read by what its Unicode name draws (any weight, dashed or not):
# a line across is "-", a line down is "|", and a corner, a crossing or an arc is "+".
_BOX_WEIGHTS = frozenset({"LIGHT", "HEAVY", "DOUBLE", "SINGLE", "AND", "DASH", "TRIPLE", "QUADRUPLE"})
_BOX_ACROSS = frozenset({"HORIZONTAL", "LEFT", "RIGHT"})
_BOX_DOWN = frozenset({"VERTICAL", "UP", "DOWN"})


def _box_drawn_as(name: str) -> str:
    directions = set(name.removeprefix("BOX DRAWINGS ").split()) - _BOX_WEIGHTS
    return "-" if directions <= _BOX_ACROSS else "|" if directions <= _BOX_DOWN else "+"


_BOX_DRAWING = str.maketrans({chr(code): _box_drawn_as(unicodedata.name(chr(code))) for code in range(0x2500, 0x2580)})


def normalise(text: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return tuple(normalise_line(line) for line in _tab_tables(text.translate(_BOX_DRAWING).split("\n")))


def read_bytes(data: bytes, file: str) -> RawText:
    decoded = decode(data, file)
    text, encoding = decoded.text, decoded.encoding
    repairs: list[RepairKind] = []
    fixed = fix_mojibake(text)
    if fixed is not None:
        text = fixed
        repairs.append("mojibake")
    normalised = normalise(text)
    for number, line in enumerate(normalised, 1):
        if len(line) > MAX_LINE_CHARS:
            raise InputError(file, number, f"line of {len(line):,} characters; the limit is {MAX_LINE_CHARS:,}")
    lines, line_repairs = repair_lines([Line(number, line) for number, line in enumerate(normalised, 1)])
    return RawText(
        file=file,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        lines=tuple(line.text for line in lines),
        numbers=tuple(line.number for line in lines),
        repairs=(*repairs, *line_repairs),
        rival_encoding=decoded.rival,
    )


def read(path: str | Path) -> RawText:
    path = Path(path)
    return read_bytes(path.read_bytes(), path.name)
