"""A record -> the archive's rows (writers only read the record)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..parser.text import alias_key, split_aside

if TYPE_CHECKING:
    from ..record import Item, Record

Row = tuple[Any, ...]


@dataclass
class RecordRows:
    tables: dict[str, list[Row]] = field(default_factory=dict)
    search: list[Row] = field(default_factory=list)


def _flatten(items: list[Item], rows: list[Row], file: str, parent: int | None, depth: int) -> None:
    for item in items:
        position = len(rows)
        rows.append((file, position, parent, depth, item.text))
        _flatten(item.items, rows, file, position, depth + 1)


def participant_rows(record: Record) -> list[Row]:
    """Every listed authority, members and observers in the order the text lists them,
    under its entity's identity and name where the tagger gave it one (as the index does:
    "Primorski Territory" and "Primorsky Krai" are one ``RU-PRI``)."""
    file = record.source.file
    participation = record.overview.participation if record.overview else None
    entities = {alias: entity for entity in record.entities for alias in entity.aliases}
    rows: list[Row] = []
    for group in participation.groups if participation else []:
        for written in group.authorities:
            aside = split_aside(written)
            entity = entities.get(written) or (entities.get(aside[0]) if aside else None)
            identity, name = (entity.id, entity.name) if entity else (f"name:{alias_key(written)}", written)
            rows.append((file, len(rows), identity, name, written, group.country, group.country_code, group.role))
    return rows


def record_rows(record: Record, stem: str, record_sha256: str) -> RecordRows:
    file = record.source.file
    overview = record.overview
    period = overview.period if overview else None
    venue = overview.venue if overview else None
    organizer = overview.organizer if overview else None
    participation = overview.participation if overview else None
    declaration = record.declaration
    participants = participant_rows(record)
    members = sum(1 for row in participants if row[-1] == "member")
    observers = len(participants) - members
    countries = len({row[6] or row[5] for row in participants if row[-1] == "member"})
    meeting = (
        file,
        stem,
        record_sha256,
        record.source.sha256,
        record.meeting.kind,
        record.meeting.number,
        record.meeting.body,
        record.meeting.year,
        record.title,
        period.text if period else None,
        period.start.isoformat() if period and period.start else None,
        period.end.isoformat() if period and period.end else None,
        venue.text if venue else None,
        venue.place if venue else None,
        venue.country if venue else None,
        venue.country_code if venue else None,
        organizer.text if organizer else None,
        organizer.name if organizer else None,
        organizer.country_code if organizer else None,
        participation.stated_authorities if participation else None,
        participation.stated_countries if participation else None,
        members,
        observers,
        countries,
        declaration.title if declaration else None,
        declaration.kind if declaration else None,
        f"{stem}.json",
        f"{stem}.docx",
        f"{stem}.pdf",
    )
    contents: list[Row] = []
    _flatten(record.contents, contents, file, None, 0)
    entities = [
        (
            file,
            position,
            entity.id,
            entity.kind,
            entity.name,
            entity.label,
            entity.country,
            entity.code,
            entity.mentions,
            json.dumps(entity.aliases, ensure_ascii=False),
        )
        for position, entity in enumerate(record.entities)
    ]
    resolutions = [
        (file, position, resolution.number, resolution.text)
        for position, resolution in enumerate(declaration.resolutions if declaration else [])
    ]
    sections = [
        (file, position, section.heading, "\n".join(section.lines)) for position, section in enumerate(record.sections)
    ]
    notes = [
        (file, position, note.code, note.severity, note.line, note.message)
        for position, note in enumerate(record.notes)
    ]
    search: list[Row] = [(file, "title", 0, None, record.title or stem)]
    if contents:
        search.append((file, "contents", 0, "Contents", "\n".join(row[-1] for row in contents)))
    if declaration:
        # The preamble (position 0) and the closing lines (position 1), each where there is one.
        for position, lines in enumerate((declaration.preamble, declaration.closing)):
            if lines:
                search.append((file, "declaration", position, declaration.title, "\n".join(lines)))
        search += [(file, "resolution", row[1], declaration.title, row[3]) for row in resolutions]
    search += [(file, "section", row[1], row[2], row[3]) for row in sections]
    return RecordRows(
        tables={
            "meetings": [meeting],
            "participants": participants,
            "entities": entities,
            "contents": contents,
            "resolutions": resolutions,
            "sections": sections,
            "notes": notes,
        },
        search=search,
    )
