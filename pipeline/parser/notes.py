"""Data-quality notes: what a careful reader of the record would flag.

Each check is one small function in CHECKS; each returns the notes it finds.
"""

from __future__ import annotations

from collections.abc import Callable

from ..record import Note, NoteCode, ParticipantGroup, Participation, Record
from ..severity import severity_of

REQUIRED_SECTIONS = ("overview", "contents", "declaration")
OVERVIEW_FIELDS = ("period", "venue", "organizer", "participation")


def make_note(code: NoteCode, message: str, line: int | None = None) -> Note:
    """A note with the severity its code has, and its line where there is one (each writer puts
    "line N:" before the message: the message does not repeat it)."""
    return Note(code=code, severity=severity_of(code), line=line, message=message)


def _plural(count: int, word: str) -> str:
    """'1 country', '4 countries'; only the -y nouns the messages use need care."""
    if count == 1:
        return f"{count} {word}"
    return f"{count} {word[:-1]}ies" if word.endswith("y") else f"{count} {word}s"


def listed_counts(participation: Participation) -> tuple[int, int, int, int]:
    """(member authorities, all authorities, member countries, all countries); variants of a country count once."""
    members = sum(len(g.authorities) for g in participation.groups if g.role == "member")
    everyone = sum(len(g.authorities) for g in participation.groups)

    def countries(groups: list[ParticipantGroup]) -> int:
        return len({g.country or g.country_text for g in groups if g.country or g.country_text})

    member_countries = countries([g for g in participation.groups if g.role == "member"])
    return members, everyone, member_countries, countries(participation.groups)


def check_missing_sections(record: Record, found: set[str]) -> list[Note]:
    return [
        make_note(code="missing-section", message=f"The text has no {name.capitalize()} section.")
        for name in REQUIRED_SECTIONS
        if name not in found
    ]


def check_missing_fields(record: Record, found: set[str]) -> list[Note]:
    if record.overview is None:
        return []
    return [
        make_note(code="missing-field", message=f"The Overview gives no {name}.")
        for name in OVERVIEW_FIELDS
        if getattr(record.overview, name) is None
    ]


def check_period(record: Record, found: set[str]) -> list[Note]:
    period = record.overview.period if record.overview else None
    if period is None:
        return []
    if period.start is None:
        return [
            make_note(
                code="unparsed-date", message=f"The period '{period.text}' could not be read as a date or date range."
            )
        ]
    if period.end is not None and period.end < period.start:
        return [
            make_note(
                code="period-end-before-start",
                message=f"The period ends ({period.end.isoformat()}) before it starts ({period.start.isoformat()}).",
            )
        ]
    return []


def _listed_phrase(participation: Participation) -> str:
    members, everyone, member_countries, all_countries = listed_counts(participation)
    phrase = f"{_plural(members, 'authority')} in {_plural(member_countries, 'country')} are listed"
    if everyone != members:
        phrase += f", {_plural(everyone, 'authority')} in {_plural(all_countries, 'country')} with observers"
    return phrase


def _stated_phrase(participation: Participation) -> str:
    authorities = participation.stated_authorities
    stated = "Overview states" + (f" {_plural(authorities, 'regional authority')}" if authorities is not None else "")
    if participation.stated_countries is not None:
        stated += f" from {_plural(participation.stated_countries, 'country')}"
    return stated


def _count_mismatch(
    record: Record, stated_field: str, code: NoteCode, listed: Callable[[int, int, int, int], tuple[int, int]]
) -> list[Note]:
    """A note when the stated number equals neither the listed members nor members + observers."""
    participation = record.overview.participation if record.overview else None
    stated = getattr(participation, stated_field, None)
    if participation is None or stated is None or stated in listed(*listed_counts(participation)):
        return []
    return [make_note(code=code, message=f"{_stated_phrase(participation)}; {_listed_phrase(participation)}.")]


def check_participation_count(record: Record, found: set[str]) -> list[Note]:
    return _count_mismatch(
        record,
        "stated_authorities",
        "participation-count-mismatch",
        lambda members, everyone, _countries, _all_countries: (members, everyone),
    )


def check_country_count(record: Record, found: set[str]) -> list[Note]:
    return _count_mismatch(
        record,
        "stated_countries",
        "country-count-mismatch",
        lambda _members, _everyone, countries, all_countries: (countries, all_countries),
    )


CHECKS: tuple[Callable[[Record, set[str]], list[Note]], ...] = (
    check_missing_sections,
    check_missing_fields,
    check_period,
    check_participation_count,
    check_country_count,
)


def quality_notes(record: Record, found_sections: set[str]) -> list[Note]:
    """Every check's notes, each message once: where the authorities and the countries are
    both miscounted, one line ("Overview states 20 regional authorities from 5 countries;
    22 authorities in 6 countries are listed.") says both, under the first check's code."""
    notes = [note for check in CHECKS for note in check(record, found_sections)]
    return [note for index, note in enumerate(notes) if all(note.message != seen.message for seen in notes[:index])]
