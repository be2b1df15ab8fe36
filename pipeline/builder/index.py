"""One typed entry per built record: what the index, the book and the manifest keep.

Entries are written into OUT_DIR's manifest and read back on the next build, so
they are read as untrusted input: ``IndexEntry.from_json`` checks every field's
type and raises ``ValueError`` on anything else (the manifest is then rebuilt).
Output paths are never stored: they follow from the raw text's name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

if TYPE_CHECKING:
    from ..record import Record
    from ..render.briefing import CountryRow

Role = Literal["member", "observer"]
INDEX_NAME = "index.json"
OUTPUT_KINDS = ("json", "docx", "pdf")


@dataclass(frozen=True)
class Participant:
    """One listed authority of one record, under its entity's name where it has one."""

    country: str
    name: str
    role: Role


@dataclass(frozen=True)
class IndexEntry:
    file: str
    title: str | None
    period: str | None
    start: str | None  # ISO dates: entries sort and compare as text
    end: str | None
    venue: str | None
    country: str | None
    organizer: str | None
    stated_authorities: int | None
    listed_authorities: int
    observers: int
    countries: int
    notes: tuple[str, ...]
    participants: tuple[Participant, ...]

    @property
    def stem(self) -> str:
        return Path(self.file).stem

    @property
    def outputs(self) -> dict[str, str]:
        """The record's files in OUT_DIR, by kind, derived from its raw text's name."""
        return {kind: f"{self.stem}.{kind}" for kind in OUTPUT_KINDS}

    def to_json(self) -> dict[str, Any]:
        """The manifest's form: participants as [country, name, role] triples."""
        data = self.public_json()
        data["participants"] = [[p.country, p.name, p.role] for p in self.participants]
        return data

    def public_json(self) -> dict[str, Any]:
        """index.json's form: no participants, the output file names."""
        return {
            "file": self.file,
            "title": self.title,
            "period": self.period,
            "start": self.start,
            "end": self.end,
            "venue": self.venue,
            "country": self.country,
            "organizer": self.organizer,
            "stated_authorities": self.stated_authorities,
            "listed_authorities": self.listed_authorities,
            "observers": self.observers,
            "countries": self.countries,
            "notes": list(self.notes),
            "outputs": self.outputs,
        }

    @classmethod
    def from_json(cls, data: object) -> IndexEntry:
        if not isinstance(data, dict):
            raise ValueError("an index entry is an object")
        return cls(
            file=_text(data, "file"),
            title=_optional_text(data, "title"),
            period=_optional_text(data, "period"),
            start=_optional_text(data, "start"),
            end=_optional_text(data, "end"),
            venue=_optional_text(data, "venue"),
            country=_optional_text(data, "country"),
            organizer=_optional_text(data, "organizer"),
            stated_authorities=_optional_count(data, "stated_authorities"),
            listed_authorities=_count(data, "listed_authorities"),
            observers=_count(data, "observers"),
            countries=_count(data, "countries"),
            notes=tuple(_text_list(data, "notes")),
            participants=tuple(_participant(item) for item in _list(data, "participants")),
        )


def _list(data: dict, key: str) -> list:
    value = data.get(key)
    if not isinstance(value, list):
        raise ValueError(f"{key}: not a list")
    return value


def _text(data: dict, key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise ValueError(f"{key}: not text")
    return value


def _optional_text(data: dict, key: str) -> str | None:
    return None if data.get(key) is None else _text(data, key)


def _count(data: dict, key: str) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{key}: not a count")
    return value


def _optional_count(data: dict, key: str) -> int | None:
    return None if data.get(key) is None else _count(data, key)


def _text_list(data: dict, key: str) -> list[str]:
    values = _list(data, key)
    if not all(isinstance(value, str) for value in values):
        raise ValueError(f"{key}: not a list of text")
    return values


def _participant(item: object) -> Participant:
    if not (
        isinstance(item, list)
        and len(item) == 3
        and all(isinstance(part, str) for part in item)
        and item[2] in get_args(Role)
    ):
        raise ValueError("participants: not [country, name, role]")
    return Participant(item[0], item[1], item[2])


def index_entry(record: Record) -> IndexEntry:
    """What the index, the timeline and the participation matrix need of a record."""
    from ..render import briefing as b  # not at the top: a build with nothing to do never needs it

    overview = record.overview
    period = overview.period if overview else None
    participation = overview.participation if overview else None
    names = {alias: entity.name for entity in record.entities for alias in entity.aliases}
    rows = b.participation_rows(record)
    members, observers, countries = b.listed_totals(rows)
    return IndexEntry(
        file=record.source.file,
        title=record.title,
        period=period.text if period else None,
        start=period.start.isoformat() if period and period.start else None,
        end=period.end.isoformat() if period and period.end else None,
        venue=b.venue_line(record),
        country=overview.venue.country if overview and overview.venue else None,
        organizer=b.organizer_line(record),
        stated_authorities=participation.stated_authorities if participation else None,
        listed_authorities=members,
        observers=observers,
        countries=countries,
        notes=tuple(note.code for note in record.notes),
        participants=tuple(
            Participant(row.country, names.get(authority, authority), role)
            for row in rows
            for role, authorities in _by_role(row)
            for authority in authorities
        ),
    )


def _by_role(row: CountryRow) -> tuple[tuple[Role, list[str]], ...]:
    """A participation row's authorities, members first."""
    return ("member", row.members), ("observer", row.observers)


def in_date_order(entries: list[IndexEntry]) -> list[IndexEntry]:
    return sorted(entries, key=lambda entry: (entry.start or "9999", entry.file))


def index_json(entries: list[IndexEntry]) -> bytes:
    records = [entry.public_json() for entry in in_date_order(entries)]
    return (json.dumps({"records": records}, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
