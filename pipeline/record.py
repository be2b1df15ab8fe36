"""The briefing record: the one model every stage reads or writes.

Readers produce it, writers only read it. Field order here is the key order of
the JSON files, so it is part of the public contract: add fields, never reorder.
"""

from __future__ import annotations

import datetime
import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .severity import Severity

SCHEMA_VERSION: Literal[2] = 2


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


RepairKind = Literal["mojibake", "quoting", "unwrapped", "markup", "page furniture", "spreadsheet"]


class Source(Model):
    file: str
    sha256: str
    encoding: str = Field(description="The encoding the bytes were written in, e.g. 'utf-8', 'windows-1251'.")
    repairs: list[RepairKind] = Field(
        description="What the reader repaired: mojibake fixed, e-mail quoting removed, hard-wrapped lines "
        "joined, Markdown or HTML decoration removed, a spreadsheet's comma-separated rows read as a table."
    )


MeetingKind = Literal[
    "conference",
    "general-assembly",
    "committee",
    "subcommittee",
    "working-committee",
    "secretaries-general",
    "forum",
    "workshop",
    "other",
]


class Meeting(Model):
    kind: MeetingKind
    number: int | None = Field(description="The ordinal the title gives ('The 9th Meeting ...' -> 9).")
    body: str | None = Field(description="The committee, forum or workshop, e.g. 'Economy & Trade Committee'.")
    year: int | None


class Period(Model):
    text: str
    start: datetime.date | None
    end: datetime.date | None


_COUNTRY = "The country's name as briefings print it (the display table), e.g. 'Republic of Korea'."
_COUNTRY_CODE = "The country's canonical key: its ISO 3166-1 alpha-2 code, e.g. 'KR'."


class Venue(Model):
    text: str
    country: str | None = Field(description=_COUNTRY)
    country_code: str | None = Field(default=None, description=_COUNTRY_CODE)
    place: str | None


class Organizer(Model):
    text: str
    country: str | None = Field(description=_COUNTRY)
    country_code: str | None = Field(default=None, description=_COUNTRY_CODE)
    name: str | None


class ParticipantGroup(Model):
    country: str | None = Field(description=_COUNTRY)
    country_code: str | None = Field(default=None, description=_COUNTRY_CODE)
    country_text: str | None = Field(description="The country as the text writes it.")
    role: Literal["member", "observer"]
    stated: int | None = Field(description="Number of authorities the text gives for this group.")
    authorities: list[str]


class Participation(Model):
    text: str | None = Field(description="The summary phrase, e.g. '21 regional authorities from 4 countries'.")
    stated_authorities: int | None
    stated_countries: int | None
    groups: list[ParticipantGroup]
    delegates: list[str] = Field(
        default_factory=list,
        description="The delegates the text names, a line each as written: the authority or body, then "
        "the delegate's name, post and body ('Amur Oblast – Mr. Yevgeny Savin, Head, Foreign Trade Division').",
    )


class LabelledField(Model):
    label: str
    text: str


class Overview(Model):
    period: Period | None
    venue: Venue | None
    organizer: Organizer | None
    participation: Participation | None
    other: list[LabelledField]


class Item(Model):
    text: str
    items: list[Item]


class Resolution(Model):
    number: int
    text: str


DeclarationKind = Literal[
    "declaration", "charter", "agreement", "joint-statement", "resolution", "communique", "memorandum", "other"
]


class Declaration(Model):
    title: str = Field(description="The closing document's heading as the text writes it.")
    kind: DeclarationKind
    preamble: list[str]
    resolutions: list[Resolution]
    closing: list[str]


class Section(Model):
    heading: str | None
    lines: list[str]


EntityKind = Literal["place", "organization"]
# Where the mentions of an entity came from: the record's fields (participation, venue,
# organizer), a gazetteer pattern, the statistical model, or a rule (a name shape, an
# acronym in brackets, a place joined to another by "and").
EntitySource = Literal["structure", "gazetteer", "model", "rules"]


class Entity(Model):
    id: str = Field(
        description="One identity per real-world thing across records: the ISO 3166-2 code where one exists, "
        "else the gazetteer id, else 'name:' and the name's normalised spelling."
    )
    name: str
    kind: EntityKind
    label: str
    country: str | None
    code: str | None
    mentions: int
    aliases: list[str]
    sources: list[EntitySource]


NoteCode = Literal[
    "participation-count-mismatch",
    "country-count-mismatch",
    "period-end-before-start",
    "missing-section",
    "missing-field",
    "unparsed-date",
    "ambiguous-date",
    "unknown-country",
    "suspect-authority",
    "regrouped-authority",
    "unplaced-text",
    "repaired-text",
    "unprintable-characters",
    "uncertain-encoding",
]


class Note(Model):
    code: NoteCode
    severity: Severity
    line: int | None = Field(description="The line of the raw text the note is about, where there is one.")
    message: str


class Record(Model):
    schema_version: Literal[2] = SCHEMA_VERSION
    source: Source
    title: str | None
    meeting: Meeting
    overview: Overview | None
    contents: list[Item]
    declaration: Declaration | None
    sections: list[Section]
    entities: list[Entity]
    notes: list[Note]


def record_to_json(record: Record) -> str:
    """Serialise with a stable key order and a trailing newline: same record, same bytes."""
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def record_from_json(text: str) -> Record:
    return Record.model_validate_json(text)


def json_schema() -> dict:
    return Record.model_json_schema()
