"""One typed entry per built record: what the index, the book and the manifest keep.

Entries are written into OUT_DIR's manifest and read back on the next build, so
they are read as untrusted input: ``IndexEntry.from_json`` checks every field's
type and raises ``ValueError`` on anything else (the manifest is then rebuilt).
Output paths are never stored: they follow from the raw text's name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import msgspec

from ..parser.text import alias_key, split_aside
from ..severity import severity_of

if TYPE_CHECKING:
    from ..record import Record
    from ..render.briefing import CountryRow

Role = Literal["member", "observer"]
INDEX_NAME = "index.json"
OUTPUT_KINDS = ("json", "docx", "pdf")


class Participant(NamedTuple):
    """One listed authority of one record, under its entity's name and identity where it has
    them: records group by ``id``, so "Sakha Republic" in one and "Republic of Sakha
    (Yakutia)" in another are one authority. (A named tuple: a manifest holds tens of
    thousands, read on every build.)"""

    country: str
    name: str
    role: Role
    id: str


class Check(NamedTuple):
    """One data-quality note of a record, as the pre-send report lists it."""

    code: str
    line: int | None
    message: str

    @property
    def text(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


class IndexEntry(NamedTuple):
    """A built record as the index, the book and the manifest see it.
    (A named tuple: the manifest holds one per raw text and is read on every build.)"""

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
    checks: tuple[Check, ...] = ()  # every note with its line and message (the manifest keeps them)

    @property
    def needs_checking(self) -> bool:
        """Whether the record carries a note a reader must check before use."""
        return any(severity_of(code) == "check" for code in self.notes)

    @property
    def stem(self) -> str:
        """The raw text's name without its suffix, as ``Path.stem`` gives it (without a Path:
        a no-op build asks it tens of thousands of times)."""
        stem, dot, suffix = self.file.rpartition(".")
        return stem if dot and stem and suffix else self.file

    @property
    def outputs(self) -> dict[str, str]:
        """The record's files in OUT_DIR, by kind, derived from its raw text's name."""
        return {kind: f"{self.stem}.{kind}" for kind in OUTPUT_KINDS}

    def to_json(self) -> dict[str, Any]:
        """The manifest's form: index.json's, then participants as [country, name, role, id]
        lists and checks as [code, line, message] (named tuples, which JSON writes as lists).
        Made in one step: the manifest of 10,000 texts makes 10,000 of them on each build
        that changes it."""
        return dict(
            zip(_MANIFEST_KEYS, (*self[:_NOTES_END], self.outputs, self.participants, self.checks), strict=True)
        )

    def public_json(self) -> dict[str, Any]:
        """index.json's form: no participants, the output file names."""
        data: dict[str, Any] = {key: getattr(self, key) for key in SCALAR_FIELDS}
        data["notes"] = list(self.notes)
        data["outputs"] = self.outputs
        return data


# The fields before notes and participants, in order: index.json's keys.
SCALAR_FIELDS = IndexEntry._fields[: IndexEntry._fields.index("notes")]
# The manifest's keys of an entry, in order: index.json's (its notes, then its outputs), then the rest
_NOTES_END = IndexEntry._fields.index("notes") + 1
_MANIFEST_KEYS = (*IndexEntry._fields[:_NOTES_END], "outputs", "participants", "checks")


def index_entry(record: Record, country_names: dict[str, str] | None = None) -> IndexEntry:
    """What the index, the timeline and the participation matrix need of a record."""
    from ..render import briefing as b  # not at the top: a build with nothing to do never needs it

    overview = record.overview
    period = overview.period if overview else None
    participation = overview.participation if overview else None
    shown = country_names or {}  # the settings' country names, by ISO code
    entities = {alias: entity for entity in record.entities for alias in entity.aliases}

    def participant(country: str, authority: str, role: Role) -> Participant:
        """The thing an authority is: "Sakha Republic (Yakutia)" and "Primorsky Krai
        (Приморский край)" are the entities their names before the aside are."""
        aside = split_aside(authority)
        entity = entities.get(authority) or (entities.get(aside[0]) if aside else None)
        if entity is None:
            return Participant(country, authority, role, f"name:{alias_key(authority)}")
        return Participant(country, entity.name, role, entity.id)

    rows = b.participation_rows(record, shown)
    members, observers, countries = b.listed_totals(rows)
    return IndexEntry(
        file=record.source.file,
        title=record.title,
        period=period.text if period else None,
        start=period.start.isoformat() if period and period.start else None,
        end=period.end.isoformat() if period and period.end else None,
        venue=b.venue_line(record, shown),
        country=overview.venue.country if overview and overview.venue else None,
        organizer=b.organizer_line(record, shown),
        stated_authorities=participation.stated_authorities if participation else None,
        listed_authorities=members,
        observers=observers,
        countries=countries,
        notes=tuple(note.code for note in record.notes),
        participants=tuple(
            participant(row.country, authority, role)
            for row in rows
            for role, authorities in _by_role(row)
            for authority in authorities
        ),
        checks=tuple(Check(note.code, note.line, note.message) for note in record.notes),
    )


def _by_role(row: CountryRow) -> tuple[tuple[Role, list[str]], ...]:
    """A participation row's authorities, members first."""
    return ("member", row.members), ("observer", row.observers)


def in_date_order(entries: list[IndexEntry]) -> list[IndexEntry]:
    return sorted(entries, key=lambda entry: (entry.start or "9999", entry.file))


def index_json(entries: list[IndexEntry], volumes: list[dict[str, Any]] | None = None) -> bytes:
    """index.json: every record in date order; ``volumes``: the book's volumes, with the
    records each holds, when it comes in more than one (``book.volumes``)."""
    data: dict[str, Any] = {"records": [entry.public_json() for entry in in_date_order(entries)]}
    if volumes is not None:
        data["volumes"] = volumes
    # (msgspec writes the bytes json.dumps(indent=2, ensure_ascii=False) writes for these values,
    # strings and integers, ten times faster: 0.13 s against 0.013 s for 10,000 records)
    return msgspec.json.format(msgspec.json.encode(data), indent=2) + b"\n"
