"""What meeting a record is of: its kind, its number, its body and its year.

Read from the title (or, on a page without one, from the first line that names a
meeting) by ordered rule tables: the first kind whose pattern matches wins, so
"Subcommittee" is tried before "Committee" and "General Assembly" before
"Conference".
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..record import DeclarationKind, Meeting, MeetingKind
from .text import CJK_NUMERALS


@dataclass(frozen=True)
class MeetingRule:
    kind: MeetingKind
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class DeclarationRule:
    kind: DeclarationKind
    pattern: re.Pattern[str]


MEETING_KINDS: tuple[MeetingRule, ...] = (
    MeetingRule("secretaries-general", re.compile(r"secretar(?:y|ies)[\s-]+generals?", re.I)),
    MeetingRule("working-committee", re.compile(r"working[\s-]+(?:committee|group)", re.I)),
    MeetingRule("subcommittee", re.compile(r"sub[\s-]?committee", re.I)),
    MeetingRule("committee", re.compile(r"\bcommittee\b", re.I)),
    MeetingRule("general-assembly", re.compile(r"general\s+assembly", re.I)),
    MeetingRule("forum", re.compile(r"\bfor(?:um|a)\b", re.I)),
    MeetingRule("workshop", re.compile(r"\b(?:workshop|seminar)s?\b", re.I)),
    MeetingRule("conference", re.compile(r"\bconference\b", re.I)),
)

# Each kind as a page in the members' own languages names it (Korean, Japanese, Chinese in both
# scripts), read where its title names none in English: "2015 NEAR 보건의료 협력 포럼 참가 결과
# 보고" is a forum; a bilingual page's English title stays its title. A plain "meeting" (회의,
# 会議, 会议) names no kind: it is every kind's word.
# (and in Russian, its words with any case ending: a protocol "заседания Рабочей группы по спортивным обменам")
NATIVE_MEETING_KINDS: tuple[MeetingRule, ...] = (
    MeetingRule(
        "secretaries-general",
        re.compile(r"사무총장\s*회의|事務総長会議|秘书长会议|秘書長會議|(?i:генеральн\w* секретар)"),
    ),
    MeetingRule(
        "working-committee",
        re.compile(r"실무\s*위원회|実務委員会|工作委[员員]会|實務委員會|(?i:рабоч\w* (?:комитет|групп))"),
    ),
    MeetingRule(
        # (and the Chinese short form, "旅游分委会": the Tourism Subcommittee)
        "subcommittee",
        re.compile(r"분과\s*위원회|分科委員会|分委(?:[员員])?会|专门委员会|專門委員會|(?i:подкомитет|подкомисси)"),
    ),
    MeetingRule("committee", re.compile(r"위원회|委[员員]会|(?i:комитет)")),
    MeetingRule("general-assembly", re.compile(r"총회|総会|全体(?:大会|会议)|大会|大會|(?i:генеральн\w* ассамбле)")),
    MeetingRule("forum", re.compile(r"포럼|フォーラム|论坛|論壇|(?i:форум)")),
    MeetingRule("workshop", re.compile(r"워크[숍샵]|세미나|ワークショップ|セミナー|研[讨討]会|讲习班|(?i:семинар)")),
)
# "제3차", "第2回", "第五届": a meeting's number as those pages write it
_NATIVE_ORDINAL = re.compile(rf"(?:제|第)\s*(?P<number>\d{{1,3}}|[{CJK_NUMERALS}]{{1,3}})\s*(?:차|회|回|届|次|屆)")

# Kinds whose meetings are of a body with a name of its own ("Economy & Trade Committee").
NAMED_BODIES = frozenset({"committee", "subcommittee", "working-committee", "forum", "workshop"})

_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
)
ORDINAL_WORDS = {word: number for number, word in enumerate(_ORDINALS.split(), 1)}
# Not "first" in "Twenty-first": compound ordinals are not read (rather none than a wrong one).
_ORDINAL = re.compile(
    r"\b(?:(?P<digits>\d{1,3})\s*(?:st|nd|rd|th)|(?<![-\w])(?P<word>" + "|".join(ORDINAL_WORDS) + r"))\b(?!-)", re.I
)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)(?:\b|(?=[年년]))")  # ("2009年度", "2015년")
# What surrounds a body's name in a title and is not part of it.
_BODY_NOISE = (
    re.compile(r"^the\s+", re.I),
    _ORDINAL,
    # (the association is no body of its own: "Working Committee Meeting of the Association of ...")
    re.compile(r"\b(?:of\s+)?the\s+association\s+of\s+north[\s-]*east\s+asia(?:n)?\s+regional\s+governments\b", re.I),
    # "Extraordinary Meeting of the Working Committee": what qualifies the meeting goes with it
    # (and what records it, to the last: "Minutes of the 2nd Meeting of the Working Committee")
    re.compile(r"^.*\b(?:meeting|session|minutes)s?\s+of\s+(?:the\s+)?", re.I),
    re.compile(r"\bNEAR\b"),
    re.compile(r"\([^()]*\)"),
    re.compile(r"[“\"«「『][^”\"»」』]*[”\"»」』]"),  # a quoted theme: 'Forum “Green Development”'
    re.compile(r"\s[-–—:](?:\s.*)?$"),  # (its quoted theme taken away before it: `Subcommittee - "..."`)
    _YEAR,
    re.compile(r"\s+(?:meeting|session)\b.*$", re.I),
    re.compile(r"\s+(?:held\s+)?in\s+[A-Z].*$"),
    re.compile(r"^\s*(?:the|of)\s+", re.I),
)


def meeting_kind(text: str) -> MeetingKind | None:
    return next((rule.kind for rule in MEETING_KINDS if rule.pattern.search(text)), None)


def native_meeting_kind(text: str) -> MeetingKind | None:
    """The kind of meeting a title in Korean, Japanese, Chinese or Russian names (NATIVE_MEETING_KINDS)."""
    return next((rule.kind for rule in NATIVE_MEETING_KINDS if rule.pattern.search(text)), None)


def meeting_number(title: str) -> int | None:
    match = _ORDINAL.search(title)
    if match is None:
        return None
    return int(match["digits"]) if match["digits"] else ORDINAL_WORDS[match["word"].lower()]


def meeting_body(title: str, kind: MeetingKind) -> str | None:
    if kind not in NAMED_BODIES:
        return None
    body = title
    for noise in _BODY_NOISE:
        body = noise.sub(" ", body).strip(" ,.;")
        body = " ".join(body.split())
    return body or None


# On a page without a title, the name of a meeting in a line: "... of the NEAR Environment Subcommittee".
# (its head word, the capitalised words before it, and its field after "on" or "of"; the words
# before are read back from the head, word by word: a pattern that tried them from each word of
# a long line took seconds)
_MEETING_HEAD = re.compile(
    r"(?:Sub-?committee|Working Committee|Committee|Forum|Workshop|General Assembly|Conference)\b"
)
_MEETING_LEAD_WORD = re.compile(r"(?:[A-Z][\w’'-]*|&|and)")
_MEETING_FIELD = re.compile(r"(?:\s+(?:on|of)\s+[A-Z][\w’'-]*(?:\s+(?:and\s+)?[A-Z][\w’'-]*)*)?")


def _meeting_in_line(line: str) -> str | None:
    head = _MEETING_HEAD.search(line)
    if head is None:
        return None
    start = head.start()
    while True:
        space = start
        while space > 0 and line[space - 1].isspace():
            space -= 1
        word_start = space
        while word_start > 0 and not line[word_start - 1].isspace():
            word_start -= 1
        if space in (start, 0) or not _MEETING_LEAD_WORD.fullmatch(line, word_start, space):
            break
        start = word_start
    end = _MEETING_FIELD.match(line, head.end())
    return line[start : end.end() if end else head.end()].strip()


# How far down a page whose title names no meeting its lead may name one: a news page's
# breadcrumb, headline, byline and first paragraph.
LEAD_LINES = 6


def lead_lines(lines: Sequence[str]) -> list[int]:
    """The indices of the lines of a page's lead (its first LEAD_LINES filled lines) that name a kind of meeting."""
    filled = [index for index, line in enumerate(lines) if line.strip()][:LEAD_LINES]
    return [index for index in filled if meeting_kind(lines[index])]


def lead_meeting(lines: Sequence[str]) -> str | None:
    """The meeting a news page's lead names under a headline that names none ("Herders ... discuss
    the future of the steppe" over "The NEAR Forum on Sustainable Pastureland ... was held on ...")."""
    return next((found for index in lead_lines(lines) if (found := _meeting_in_line(lines[index]))), None)


def _named_part(title: str) -> str:
    """Of a bilingual title ("제5회 국제포럼 / The 5th NEAR International Forum"), the part
    that names the meeting's kind in English."""
    parts = [part for part in re.split(r"\s+/\s+", title) if meeting_kind(part)]
    return parts[0] if parts else title


# Who a document is sent to, never the meeting it records ("Distribution: Parties; Working
# Committee", "cc: NEAR Secretariat"): a line is read for its meeting up to such a label
_RECIPIENTS = re.compile(r"(?<![\w-])(?:distribution|cc|bcc|to)\s*:", re.I)


def read_meeting(title: str | None, lines: list[str], start: datetime.date | None) -> Meeting:
    """The meeting a record is of, from its title, else from the first line naming a meeting."""
    named = (
        _named_part(title)
        if title and meeting_kind(title)
        else next(
            (
                found
                for line in lines
                if meeting_kind(line) and (found := _meeting_in_line(_RECIPIENTS.split(line, maxsplit=1)[0]))
            ),
            None,
        )
    )
    kind = english_kind = meeting_kind(named) if named else None
    number = meeting_number(named) if named else None
    if kind is None and title and (kind := native_meeting_kind(title)):  # (its body's name is no English)
        named, ordinal = title, _NATIVE_ORDINAL.search(title)
        number = _native_number(ordinal["number"]) if ordinal else None
    year = start.year if start else None
    if year is None and named and (year_match := _YEAR.search(named)):
        year = int(year_match.group(1))
    return Meeting(
        kind=kind or "other",
        number=number,
        body=meeting_body(named, english_kind) if named and english_kind else None,
        year=year,
    )


def _native_number(written: str) -> int | None:
    """A meeting's number in digits or in CJK numerals up to 99 ("五" 5, "十二" 12, "二十" 20)."""
    if written.isdigit():
        return int(written)
    digits = {char: value for value, char in enumerate(CJK_NUMERALS[:9], 1)}
    tens, ten, units = written.rpartition("十")
    if not ten:
        return digits.get(written)
    if (tens and tens not in digits) or (units and units not in digits):
        return None
    return 10 * (digits[tens] if tens else 1) + (digits[units] if units else 0)


# --- the closing document ----------------------------------------------------------

DECLARATION_KINDS: tuple[DeclarationRule, ...] = (
    DeclarationRule("communique", re.compile(r"\bcommuniqu", re.I)),
    DeclarationRule("memorandum", re.compile(r"\bmemorand|\bMOU\b", re.I)),
    DeclarationRule("agreement", re.compile(r"\bagreements?\b", re.I)),
    DeclarationRule("charter", re.compile(r"\bcharter\b", re.I)),
    DeclarationRule("joint-statement", re.compile(r"\bstatements?\b", re.I)),
    DeclarationRule("resolution", re.compile(r"\bresolutions?\b", re.I)),
    DeclarationRule("declaration", re.compile(r"\bdeclarations?\b", re.I)),
)


def declaration_kind(heading: str) -> DeclarationKind:
    """The kind named first in the heading ("Declaration on the Agreement ..." is a declaration)."""
    found = [(match.start(), rule.kind) for rule in DECLARATION_KINDS if (match := rule.pattern.search(heading))]
    return min(found)[1] if found else "other"
