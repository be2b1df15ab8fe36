"""Parse the overview section: labelled fields, venue, organizer, participation.

Every layout and synonym is a named row in a table below; adding a variant is
adding a row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..record import (
    LabelledField,
    Organizer,
    Overview,
    ParticipantGroup,
    Participation,
    Period,
    Venue,
)
from .countries import canonical_country, country_code
from .dates import DateError, parse_period
from .text import Line, split_top_level


@dataclass(frozen=True)
class LabelLayout:
    """How a line can carry a field label; ``value`` may be empty (values follow)."""

    name: str
    pattern: re.Pattern[str]
    known_labels_only: bool


LABEL_LAYOUTS = (
    LabelLayout("reference mark", re.compile(r"^※\s*(?P<label>[^:：]{1,40}?)\s*[:：]\s*(?P<value>.*)$"), False),
    LabelLayout("angle brackets", re.compile(r"^<(?P<label>[^<>]{1,40})>\s*[:：]?\s*(?P<value>.*)$"), False),
    LabelLayout("inline colon", re.compile(r"^(?P<label>[^\W\d_][^:：]{0,39}?)\s*[:：]\s*(?P<value>.*)$"), False),
    LabelLayout("label line", re.compile(r"^(?P<label>[^\W\d_][^:：]{0,39}?)\s*[:：]?(?P<value>)$"), True),
)

# Field kinds by label synonym, matched against the label lower-cased with punctuation removed.
FIELD_SYNONYMS = (
    ("period", re.compile(r"periods?|dates?|duration|when|term|time and date|date and time")),
    ("venue", re.compile(r"venues?( place)?|place|location|site|where")),
    (
        "organizer",
        re.compile(r"(co )?organi[sz](ed by|ers?)|(co )?hosts?|(co )?hosted by|host (region|government)s?|convened by"),
    ),
    (
        "participation",
        re.compile(
            r"participation|participants?|participating (regions|governments|members|authorities)"
            r"|attendance|attendees|delegations"
        ),
    ),
)

_LABEL_PUNCTUATION = re.compile(r"[^\w\s]+")


def label_key(label: str) -> str:
    return " ".join(_LABEL_PUNCTUATION.sub(" ", label.lower()).replace("_", " ").split())


def field_kind(label: str) -> str | None:
    key = label_key(label)
    for kind, synonyms in FIELD_SYNONYMS:
        if synonyms.fullmatch(key):
            return kind
    return None


def _plausible_other_label(label: str) -> bool:
    """An unknown inline label: a short name, not a country or an observer marker."""
    words = label.split()
    return (
        len(words) <= 4
        and label[0].isupper()
        and not any(ch.isdigit() for ch in label)
        and country_code(label) is None
        and "observer" not in label.lower()
    )


@dataclass
class RawField:
    label: str
    line: int
    values: list[Line] = field(default_factory=list)

    @property
    def kind(self) -> str | None:
        return field_kind(self.label)

    @property
    def text(self) -> str:
        return " ".join(value.text for value in self.values)


def match_label(text: str) -> tuple[str, str] | None:
    for layout in LABEL_LAYOUTS:
        match = layout.pattern.match(text)
        if not match:
            continue
        label = match["label"].strip()
        if field_kind(label) is not None:
            return label, match["value"].strip()
        if not layout.known_labels_only and _plausible_other_label(label):
            return label, match["value"].strip()
    return None


def collect_fields(lines: list[Line]) -> tuple[list[RawField], list[Line]]:
    """Group lines under their labels. Returns the fields and lines before any label.

    Inside the participation field only known labels start a new field, since
    its values ("Japan: ...", "Observers: ...") look like labels themselves.
    """
    fields: list[RawField] = []
    unlabelled: list[Line] = []
    for line in lines:
        if not line.text:
            continue
        labelled = match_label(line.text)
        in_participation = bool(fields) and fields[-1].kind == "participation"
        if labelled and (not in_participation or field_kind(labelled[0])):
            label, value = labelled
            fields.append(RawField(label, line.number))
            if value:
                fields[-1].values.append(Line(line.number, value))
        elif fields:
            fields[-1].values.append(line)
        else:
            unlabelled.append(line)
    return fields, unlabelled


# --- venue and organizer ---------------------------------------------------------

_TRAILING_ASIDE = re.compile(r"^(?P<base>.*?)\s*(?P<aside>\([^()]*\))$")


def split_country(text: str) -> tuple[str | None, str]:
    """('Russia', 'Khabarovsk Territory, Administration') from the ways texts put a country.

    Handles ``Country > rest``, ``rest, Country`` and ``rest, Country (aside)``.
    """
    if ">" in text:
        head, _, rest = text.partition(">")
        country = canonical_country(head)
        if country:
            return country, rest.strip()
    parts = split_top_level(text, ",")
    if len(parts) < 2:
        return None, text
    for index in (len(parts) - 1, 0):
        part = parts[index]
        aside_match = _TRAILING_ASIDE.match(part)
        base, aside = (aside_match["base"], aside_match["aside"]) if aside_match else (part, "")
        country = canonical_country(base)
        if country:
            place = ", ".join(parts[:index] + parts[index + 1 :])
            return country, f"{place} {aside}".strip()
    return None, text


def parse_venue(text: str) -> Venue:
    country, place = split_country(text)
    return Venue(text=text, country=country, place=place or None)


def parse_organizer(text: str) -> Organizer:
    country, name = split_country(text)
    return Organizer(text=text, country=country, name=name or None)


def parse_period_field(text: str) -> Period:
    try:
        start, end = parse_period(text)
    except DateError:
        return Period(text=text, start=None, end=None)
    return Period(text=text, start=start, end=end)


# --- participation ---------------------------------------------------------------

SUMMARY = re.compile(
    r"^(?:(?:a\s+)?total(?:\s+of)?\s*:?\s*)?(?P<authorities>\d+)\s+(?P<what>[^\W\d][^,;:()]*?)"
    r"(?:\s+(?:from|of|in|representing)\s+(?P<countries>\d+)\s+(?:countries|country|nations))?"
    r"(?=\s*(?:[,;:.]|$))",
    re.IGNORECASE,
)

# A marker that makes the groups after it observers, the same alone on a line,
# and a marker that makes the authority or group before it one.
OBSERVER_MARK = re.compile(
    r"(《[^》]*observer[^》]*》|\[[^\]]*observers?[^\]]*\]|(?:※\s*)?(?:participated\s+as\s+)?observers?\s*[:：])",
    re.IGNORECASE,
)
OBSERVER_LINE = re.compile(r"(?:※\s*)?(?:participated\s+as\s+)?observers?", re.IGNORECASE)
OBSERVER_SUFFIX = re.compile(r"\s*\((?:as\s+(?:an?\s+)?)?observers?\)", re.IGNORECASE)
PARTICIPANT_BULLET = re.compile(r"^(?:[-–—•·*▷▶○◦●]|\d{1,2}[.)])\s*")
# "Japan (8; A, B)" or "Japan (8)" or "Japan (A; B)": a country and its authorities in brackets.
INLINE_GROUP = re.compile(r"(?P<country>[^\W\d_][^(),;]*?)\s*\((?=\s*\d+\s*[;:,)]|[^()]*;)")


@dataclass
class GroupDraft:
    country_text: str | None
    observer: bool
    stated: int | None = None
    members: list[str] = field(default_factory=list)
    observers: list[str] = field(default_factory=list)


class ParticipationScanner:
    """Walks participation text item by item, opening a group at each country."""

    def __init__(self) -> None:
        self.groups: list[GroupDraft] = []
        self.observer_mode = False

    def current(self) -> GroupDraft:
        if not self.groups:
            self.groups.append(GroupDraft(None, self.observer_mode))
        return self.groups[-1]

    def open_group(self, country_text: str, stated: int | None = None) -> GroupDraft:
        group = GroupDraft(country_text, self.observer_mode, stated)
        self.groups.append(group)
        return group

    def add_authority(self, text: str) -> None:
        text, observer = strip_observer_suffix(text)
        text = text.strip(" .")
        if not text:
            return
        group = self.current()
        (group.observers if observer or group.observer else group.members).append(text)

    def scan_line(self, text: str) -> None:
        text = PARTICIPANT_BULLET.sub("", text)
        if OBSERVER_LINE.fullmatch(text):
            self.observer_mode = True
            return
        header = _country_header(text)
        if header:
            country_text, rest = header
            self.open_group(country_text)
            text = rest
        for index, chunk in enumerate(OBSERVER_MARK.split(text)):
            if index % 2:
                self.observer_mode = True
            else:
                self.scan_chunk(chunk)

    def scan_chunk(self, text: str) -> None:
        position = 0
        while True:
            group = next((m for m in INLINE_GROUP.finditer(text, position) if country_code(m["country"])), None)
            if group is None:
                break
            self.add_items(text[position : group.start()])
            position = self.scan_inline_group(text, group)
        self.add_items(text[position:])

    def scan_inline_group(self, text: str, match: re.Match[str]) -> int:
        open_paren = match.end() - 1
        close = _closing_paren(text, open_paren)
        inner = text[open_paren + 1 : close]
        count = re.match(r"\s*(\d+)\s*(?:[;:,]\s*|$)", inner)
        group = self.open_group(match["country"].strip(), int(count.group(1)) if count else None)
        position = close + 1
        suffix = OBSERVER_SUFFIX.match(text, position)
        if suffix:
            group.observer = True
            position = suffix.end()
        for item in split_top_level(inner[count.end() if count else 0 :], ",;"):
            self.add_authority(item)
        return position

    def add_items(self, text: str) -> None:
        for item in split_top_level(text, ",;"):
            header = _country_header(item)
            if header and not header[1]:
                self.open_group(header[0])
            else:
                self.add_authority(item)


def _closing_paren(text: str, open_index: int) -> int:
    depth = 0
    for index in range(open_index, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return index
    return len(text)


def strip_observer_suffix(text: str) -> tuple[str, bool]:
    match = OBSERVER_SUFFIX.search(text)
    if match and match.end() == len(text.rstrip()):
        return text[: match.start()], True
    return text, False


def _country_header(text: str) -> tuple[str, str] | None:
    """'Japan' or 'Japan:' or 'Japan: A, B' -> ('Japan', rest)."""
    name, colon, rest = text.partition(":")
    if not colon:
        name, colon, rest = text.partition("：")
    name = name.strip()
    if country_code(name):
        return name, rest.strip()
    return None


def parse_participation(values: list[Line]) -> Participation:
    lines = [line.text for line in values if line.text]
    summary_text = stated_authorities = stated_countries = None
    if lines:
        match = SUMMARY.match(lines[0])
        if match:
            summary_text = match.group(0).strip()
            stated_authorities = int(match["authorities"])
            stated_countries = int(match["countries"]) if match["countries"] else None
            lines[0] = lines[0][match.end() :].lstrip(" ,;:.")
    scanner = ParticipationScanner()
    for text in lines:
        if text:
            scanner.scan_line(text)
    return Participation(
        text=summary_text,
        stated_authorities=stated_authorities,
        stated_countries=stated_countries,
        groups=[group for draft in scanner.groups for group in _finish_group(draft)],
    )


def _finish_group(draft: GroupDraft) -> list[ParticipantGroup]:
    country = canonical_country(draft.country_text) if draft.country_text else None
    groups = []
    if draft.members or (not draft.observers and not draft.observer):
        groups.append(
            ParticipantGroup(
                country=country,
                country_text=draft.country_text,
                role="member",
                stated=draft.stated,
                authorities=draft.members,
            )
        )
    if draft.observers or (draft.observer and not draft.members):
        groups.append(
            ParticipantGroup(
                country=country,
                country_text=draft.country_text,
                role="observer",
                stated=draft.stated if not draft.members else None,
                authorities=draft.observers,
            )
        )
    return groups


# --- the overview ----------------------------------------------------------------

FIELD_PARSERS = {
    "period": lambda raw: parse_period_field(raw.text),
    "venue": lambda raw: parse_venue(raw.text),
    "organizer": lambda raw: parse_organizer(raw.text),
    "participation": lambda raw: parse_participation(raw.values),
}


def parse_overview(lines: list[Line]) -> Overview:
    fields, unlabelled = collect_fields(lines)
    parsed: dict[str, Any] = {}  # by field kind: the FIELD_PARSERS' results
    other: list[LabelledField] = []
    if unlabelled:
        other.append(LabelledField(label="", text=" ".join(line.text for line in unlabelled)))
    for raw in fields:
        kind = raw.kind
        if kind is None or kind in parsed:
            other.append(LabelledField(label=raw.label, text=raw.text))
        else:
            parsed[kind] = FIELD_PARSERS[kind](raw)
    return Overview(
        period=parsed.get("period"),
        venue=parsed.get("venue"),
        organizer=parsed.get("organizer"),
        participation=parsed.get("participation"),
        other=other,
    )
