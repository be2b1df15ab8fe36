"""Small text helpers shared by the parsers."""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

# The numerals Chinese, Japanese and Korean pages number their sections, fields and items with
# ("一、", "（三）"), for a character class
CJK_NUMERALS = "一二三四五六七八九十"
# Kana, CJK ideographs and Hangul syllables, for a character class: the scripts written without spaces
# between the words of a name or a label
CJK_OR_HANGUL = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3"
# The spaces between two such characters, as a label or a short name is spread to line up with
# longer ones ("ㅇ 기 간", "한 국", "몽 골")
SPREAD_BETWEEN_CJK = re.compile(rf"(?<=[{CJK_OR_HANGUL}])\s+(?=[{CJK_OR_HANGUL}])")
# ... and between such characters standing alone, a heading spread to line up ("□ 개    요"), where
# the words of a longer one keep their spaces ("3개 요청사항" is no "개요")
LETTER_SPACED_CJK = re.compile(
    rf"(?<![{CJK_OR_HANGUL}])([{CJK_OR_HANGUL}])\s+(?=[{CJK_OR_HANGUL}](?![{CJK_OR_HANGUL}]))"
)
# Abbreviations that end a name and keep their dot: "Dongchun Ferry Co., Ltd.", "Kyoto Pref."
NAME_ENDING_ABBREVIATIONS = ("Ltd", "Inc", "Co", "Corp", "Pref", "Prov", "Obl")

OPENING = "([{（【《「"
CLOSING = ")]}）】》」"

# A fax's page mark at the end of its header line: "P.01", "P. 01/05", "P.1/3", "PAGE 001"
_PAGE_MARK = r"(?:P\.\s?\d{1,3}(?:\s?/\s?\d{1,3})?|PAGE\s+\d{1,3}(?:/\d{1,3})?)"
_SPACED = functools.partial(re.sub, r"(?<=\w)(?=\w)", r" ?")  # "FAX" matched as "F A X" too
# A fax machine's header line, its time and page mark: "JUL-22-94  FRI  16:05   P.01", "FROM : INTL
# AFFAIRS DIV  FAX NO. : 025 285 5511  OCT.19 '94 16:12  P.01"
FAX_HEADER = re.compile(rf"^.*\b\d{{1,2}}:\d{{2}}(?:\s?[AP]M)?\b.*\s{_PAGE_MARK}\s*$")
# A fax cover sheet's banner: "FAX TRANSMISSION  P.1/3", "F A C S I M I L E   M E S S A G E", "FAX
# MESSAGE (FORWARDED)"
FAX_BANNER = re.compile(
    rf"^(?:{_SPACED('FAX')}|{_SPACED('FACSIMILE')})(?:\s+(?:{_SPACED('MESSAGE')}|{_SPACED('TRANSMISSION')}"
    rf"|{_SPACED('TRANSMITTAL')}(?:\s+SHEET)?|COVER(?:\s+SHEET)?))?(?:\s*\([A-Z ]+\))?(?:\s+{_PAGE_MARK})?\s*$",
    re.I,
)


def fax_line(text: str) -> bool:
    """A fax's own line, its header or its cover's banner: no part of the record's text."""
    return FAX_HEADER.match(text) is not None or FAX_BANNER.match(text) is not None


class Line(NamedTuple):
    """A normalised line and its 1-based number in the raw file."""

    number: int
    text: str


def outside_brackets(text: str) -> list[bool]:
    """For each character, whether it stands outside brackets (a bracket itself counts as
    inside the pair it opens or closes)."""
    outside: list[bool] = []
    depth = 0
    for char in text:
        if char in OPENING:
            depth += 1
        elif char in CLOSING and depth:
            depth -= 1
        outside.append(depth == 0)
    return outside


def split_top_level(text: str, separators: str) -> list[str]:
    """Split at separators that are not inside brackets; parts are stripped, empty ones dropped."""
    outside = outside_brackets(text)
    cuts = [index for index, char in enumerate(text) if char in separators and outside[index]]
    starts, ends = [0, *(cut + 1 for cut in cuts)], [*cuts, len(text)]
    parts = (text[start:end].strip() for start, end in zip(starts, ends, strict=True))
    return [part for part in parts if part]


def split_top_level_at(text: str, separator: re.Pattern[str]) -> list[str]:
    """Split at the matches of ``separator`` that are not inside brackets ("A and B (C and D)"
    at " and ": two parts); parts are not stripped."""
    outside = outside_brackets(text)
    cuts = [match for match in separator.finditer(text) if outside[match.start()]]
    starts, ends = [0, *(match.end() for match in cuts)], [*(match.start() for match in cuts), len(text)]
    return [text[start:end] for start, end in zip(starts, ends, strict=True)]


# A row of a list led by dots to its value ("Kyoto Prefectural Government ........ Kyoto"): the
# row ends where its line does
DOT_LEADER_ROW = re.compile(r"(?<=[^\s.]) ?\.{4,}+ ?(?=\S)")


def rows_of_a_list(before: str, after: str) -> bool:
    """Two rows of a list, each led by dots to its value ("Kyoto Prefectural Government ........
    Kyoto" over "Kyongsangbuk-do Provincial Government ..... Taegu"): the first ends where its
    line does. (A dot-led field's value wrapped onto the next line goes on.)"""
    return DOT_LEADER_ROW.search(before) is not None and DOT_LEADER_ROW.search(after) is not None


def paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Runs of non-blank lines; of a list whose rows are led by dots to their values, each row
    ends its paragraph where the next row follows."""
    result: list[list[Line]] = [[]]
    for line in lines:
        if result[-1] and rows_of_a_list(result[-1][-1].text, line.text):
            result.append([])
        if line.text:
            result[-1].append(line)
        elif result[-1]:
            result.append([])
    return [paragraph for paragraph in result if paragraph]


_NON_LATIN = re.compile(r"[^\x00-\x7f]+")


def english_words(text: str) -> str:
    """The ASCII words of a bilingual string ("한국 Korea" -> "Korea", "日時 Date" -> "Date")."""
    return " ".join(_NON_LATIN.sub(" ", text).split())


# "Toyama Prefecture (富山県)": a name and the aside in brackets after it. Japanese and Chinese
# pages write the brackets full-width and glued to the name: "Mitsuke City（見附市）".
_ASIDE = re.compile(r"^(?P<base>.*?)\s*\((?P<aside>[^()]*)\)$")
_FULL_WIDTH_BRACKETS = str.maketrans("（）", "()")  # (one character each: the two texts' indices agree)


def split_aside(text: str) -> tuple[str, str] | None:
    """(name, aside) of a name with a bracketed aside after it, else None; the aside may hold
    brackets of its own ("Republic of Sakha (Yakutia) (Республика Саха (Якутия))")."""
    probe = text.translate(_FULL_WIDTH_BRACKETS)
    match = _ASIDE.match(probe)
    if match:
        base, aside = text[: match.end("base")].strip(), text[match.start("aside") : match.end("aside")].strip()
        return (base, aside) if base else None
    stripped = probe.rstrip()
    outside = outside_brackets(stripped)
    if not stripped.endswith(")") or len(stripped) < 2 or outside[-2]:  # (the last bracket must close a pair)
        return None
    # the aside opens at the last bracket that stands at the top level
    opening = max((i for i, char in enumerate(stripped) if char == "(" and (i == 0 or outside[i - 1])), default=0)
    base = text[:opening].strip()
    return (base, text[opening + 1 : len(stripped) - 1].strip()) if base else None


def name_before_aside(text: str) -> str:
    """The name a bracketed aside follows ("Toyama Prefecture (富山県)" -> "Toyama Prefecture"),
    else the text as it is."""
    aside = split_aside(text)
    return aside[0] if aside is not None else text


_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


def alias_key(text: str) -> str:
    """How aliases are compared: case-, article-, apostrophe- and spacing-insensitive."""
    text = text.replace("\u2019", "'").replace("‐", "-")
    return _ARTICLE.sub("", " ".join(text.split())).lower()


def latin_folded(text: str) -> str:
    """Latin letters without their marks ("Ölgii" is "Olgii", "Töv" is "Tov"); other
    scripts as they are (the breve of "й" makes another letter)."""
    if text.isascii():
        return text
    kept: list[str] = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char) and kept and kept[-1].isascii():
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


# The words of a delegate's post: its office, and the words that rank or place it
POST_NOUNS = frozenset(
    {
        "governor", "mayor", "director", "director-general", "officer", "representative", "head",
        "chief", "counsellor", "counselor", "minister", "chairman", "chairperson", "president",
        "secretary", "secretary-general", "professor", "researcher", "specialist", "adviser",
        "advisor", "consul", "consul-general", "ambassador", "manager", "commissioner", "expert",
        "fellow", "leader", "rector", "dean", "engineer", "economist", "analyst", "coordinator",
        "inspector", "consultant", "lecturer", "scientist", "interpreter", "ecologist", "magistrate", "chair",
        "councillor", "councilor",
        # (of several: "the Vice-Governors of Kyongsangbuk-do and Chollanam-do", "Consuls General")
        "governors", "mayors", "directors", "ministers", "consuls", "councillors",
    }
)  # fmt: skip
POST_QUALIFIERS = frozenset(
    {
        "deputy", "vice", "senior", "first", "principal", "regional", "programme", "program",
        "executive", "general", "assistant", "acting", "associate", "chief",
        "resident",  # (a UN body's in a country: "Resident Representative of UNDP China")
        # the unit or the field a post is of ("Division Chief", "Team Leader", "Research Fellow")
        "division", "section", "team", "department", "research", "project", "marketing",
        "commercial", "technical", "managing",
    }
)  # fmt: skip


def _post_parts(text: str, connectors: str) -> list[str]:
    """The words of a post before the first of ``connectors`` ("for|of": its field, its body), in
    lower case and parted at hyphens ("Director-General" is "director", "general")."""
    post = re.split(rf"\s+(?:{connectors})\s+", text, maxsplit=1)[0]
    return [part for word in post.lower().split() for part in word.split("-")]


def is_post(text: str) -> bool:
    """Whether an entry is a post alone, or a post for a field or to a person ("Director for
    Asian Affairs", "Adviser to the Governor")."""
    words = [part for part in _post_parts(text, "for|to") if part]
    return (
        bool(words)
        and all(word in POST_NOUNS | POST_QUALIFIERS for word in words)
        and any(word in POST_NOUNS for word in words)
    )


def is_post_of(text: str) -> bool:
    """Whether an entry is a post, for a field or of a body: "Head of External Relations",
    "Minister of Industry", "Deputy Director-General for Development and Reform"."""
    return is_post(re.split(r"\s+of\s+", text, maxsplit=1)[0])


def names_a_post(text: str) -> bool:
    """Whether a delegate's post names one of the post nouns before its field: "Logistics Policy
    Officer", "Division Chief for Ports", "Head of Investment" (not a body: "Trade Office")."""
    return any(part in POST_NOUNS for part in _post_parts(text, "for|of"))


def ends_in_post(text: str) -> bool:
    """Whether a delegate's post ends in one of the post nouns before its field: "Fisheries Officer",
    "Chief Ecologist", "Head of Department" (not a body: "Expert Group", "Governor's Office")."""
    parts = _post_parts(text, "for|of|to")
    return bool(parts) and parts[-1] in POST_NOUNS


_TRANSLATED = re.compile(r"\s+[/|]\s+")


def translated_pair(text: str, separator: re.Pattern[str] = _TRANSLATED) -> tuple[str, str] | None:
    """(the side with Latin letters, the side in another script) of a text written in two
    languages, its sides parted by ``separator``; None for anything else."""
    sides = separator.split(text.strip())
    if len(sides) != 2 or sum(map(other_script_only, sides)) != 1:
        return None
    first, second = sides
    return (second, first) if other_script_only(first) else (first, second)


def latin_side(text: str) -> str:
    """What a heading or label written in two languages says in Latin letters ("Ажиглагчид /
    Observers", "Хөтөлбөр | Programme"); else the text as it is."""
    pair = translated_pair(text)
    return pair[0] if pair else text


def other_script_only(text: str) -> bool:
    """Letters, none of them Latin ("津軽海峡", "Телецкое озеро")."""
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and not any(char.isascii() for char in letters)


TRANSLATED_LINE_LETTERS = 8  # (a line this short, "(富山市)", is a name's aside, no translation)
TRANSLATED_LINE_OTHER_SCRIPT = 5  # (a line in one script has at most a fifth of its letters in another)


def translation_of(before: str, line: str) -> bool:
    """Whether a value's line is the one before it in another script: one mostly in Latin
    letters, the other mostly not, each of a few words, the second no aside in brackets."""
    scripts = []
    for text in (before, line):
        letters = [char for char in text if char.isalpha()]
        if len(letters) < TRANSLATED_LINE_LETTERS:
            return False
        latin = sum(char.isascii() for char in letters)
        if min(latin, len(letters) - latin) > len(letters) // TRANSLATED_LINE_OTHER_SCRIPT:
            return False  # (a line of both scripts: a name and its aside, "Governments (동북아 ...)")
        scripts.append(2 * latin > len(letters))
    return scripts[0] != scripts[1] and not line.lstrip().startswith(("(", "（"))
