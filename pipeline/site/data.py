"""What the web archive shows, read from the archive (checked by ``open_checked`` first).

``load`` reads what the pages across records show (every meeting's row and participants);
``load_details`` the rest of a record (contents, declaration, resolutions, sections,
entities) only for the meetings whose pages are rendered: a build that changes one record
does not read every record's text out of the archive."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import quote

import msgspec
from markupsafe import Markup, escape

from .text import COUNTRY, marked, slug, stem_slug

KIND_NAMES = {
    "conference": "Conference",
    "general-assembly": "General Assembly",
    "committee": "Committee",
    "subcommittee": "Subcommittee",
    "working-committee": "Working Committee",
    "secretaries-general": "Secretaries-General",
    "forum": "Forum",
    "workshop": "Workshop",
    "other": "Other meeting",
}


@dataclass
class ContentItem:
    text: str
    items: list[ContentItem] = field(default_factory=list)


# What a list of meetings shows of one (its row: ``pages._meeting_row``), and orders it by.
LISTED_COLUMNS = (
    "start_date",
    "year",
    "title",
    "stem",
    "kind",
    "venue_place",
    "venue",
    "venue_country",
    "member_count",
    "observer_count",
)


# ...and what pages across records show of it besides: its host, and its participants.
CROSSING_COLUMNS = (*LISTED_COLUMNS, "venue_country_code")
PARTICIPANT_COLUMNS = ("entity_id", "name", "written", "country", "country_code", "role")


@dataclass
class Meeting:
    row: dict[str, Any]
    page: str
    digest: str  # of its row and its page name: any change of its record changes its row's record_sha256
    # Of what a list shows of it: a record changed elsewhere (its contents, a section) renders
    # its own page again, not every list that holds it (a country's lists thousands).
    listed: str
    participants: list[dict[str, Any]] = field(default_factory=list)
    contents: list[ContentItem] = field(default_factory=list)
    resolutions: list[dict[str, Any]] = field(default_factory=list)
    sections: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    # Its list row and its first two cells, escaped, by root (``pages._meeting_row``)
    rows: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    cells: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def file(self) -> str:
        return str(self.row["file"])

    @property
    def date(self) -> str:
        return str(self.row["start_date"] or self.row["year"] or "")

    @property
    def kind_name(self) -> str:
        return KIND_NAMES.get(self.row["kind"], "Other meeting")

    # A meeting's cells are the same in every list that holds it (a country's page lists
    # thousands): worked out once per build, not once per row.
    @cached_property
    def href(self) -> str:
        """Its page, from the site's root."""
        return f"meetings/{quote(self.page, safe='')}.html"

    @cached_property
    def title_html(self) -> Markup:
        return marked(self.row["title"] or self.row["stem"])

    @cached_property
    def venue_html(self) -> Markup:
        venue = marked(self.row["venue_place"] or self.row["venue"] or "")
        country = self.row["venue_country"]
        # (joined as escaped text: Markup.format took a tenth of a large site's update)
        return Markup(f"{venue}, {escape(country)}") if country else venue

    def by_country(self) -> list[tuple[str, str | None, list[dict[str, Any]]]]:
        """(country, code, its participants) in the order the text first lists each country;
        those of no country are international organizations where the gazetteer knows each as
        a body ("org:" ids: World Bank, Asian Development Bank), else of a country not given."""
        stateless = [participant for participant in self.participants if not participant["country"]]
        bodies = bool(stateless) and all(participant["entity_id"].startswith("org:") for participant in stateless)
        no_country = "International organizations" if bodies else "Country not given"
        groups: dict[str, tuple[str | None, list[dict[str, Any]]]] = {}
        for participant in self.participants:
            name = participant["country"] or no_country
            groups.setdefault(name, (participant["country_code"], []))[1].append(participant)
        return [(name, code, rows) for name, (code, rows) in groups.items()]


@dataclass
class Place:
    id: str
    name: str
    page: str
    country: str | None
    country_code: str | None
    attended: list[tuple[Meeting, dict[str, Any]]] = field(default_factory=list)
    spellings: list[str] = field(default_factory=list)


@dataclass
class Country:
    code: str
    name: str
    hosted: list[Meeting] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)  # any of its authorities took part


@dataclass
class Archive:
    meetings: list[Meeting]
    places: list[Place]
    countries: list[Country]

    def kinds(self) -> list[tuple[str, str, list[Meeting]]]:
        found: dict[str, list[Meeting]] = defaultdict(list)
        for meeting in self.meetings:
            found[meeting.row["kind"]].append(meeting)
        return [(kind, KIND_NAMES[kind], found[kind]) for kind in KIND_NAMES if kind in found]

    def years(self) -> list[tuple[int, list[Meeting]]]:
        found: dict[int, list[Meeting]] = defaultdict(list)
        for meeting in self.meetings:
            if type(meeting.row["year"]) is int:
                found[meeting.row["year"]].append(meeting)
        return sorted(found.items())


def _rows(db: sqlite3.Connection, sql: str, *parameters: str, repeated: bool = False) -> list[dict[str, Any]]:
    """The rows of ``sql`` as dicts. ``repeated``: values that recur from row to row (a
    participant's file, country, place and its spelling) are one object each, not one per
    row: the participants of a large archive held 120 MB of copies."""
    cursor = db.execute(sql, parameters)
    names = [column[0] for column in cursor.description]
    if not repeated:
        return [dict(zip(names, row, strict=True)) for row in cursor]
    shared: dict[Any, Any] = {}
    one = shared.setdefault  # (mapped over a row's values and again as their defaults: no Python call per value)
    return [dict(zip(names, map(one, row, row), strict=True)) for row in cursor]


def _tree(rows: list[dict[str, Any]]) -> list[ContentItem]:
    top: list[ContentItem] = []
    at: dict[int, ContentItem] = {}
    for row in rows:
        item = ContentItem(row["text"])
        at[row["position"]] = item
        parent = at.get(row["parent"]) if row["parent"] is not None else None
        (parent.items if parent else top).append(item)
    return top


def _meeting_digest(row: dict[str, Any], page: str) -> str:
    return hashlib.sha256(msgspec.json.encode([row, page], order="sorted")).hexdigest()


def _listed_digest(row: dict[str, Any], page: str) -> str:
    return hashlib.sha256(msgspec.json.encode([[row[column] for column in LISTED_COLUMNS], page])).hexdigest()


def _meeting(row: dict[str, Any], page: str) -> Meeting:
    """A meeting of its archive row, under its page's name, with the digests of its row."""
    return Meeting(row, page, _meeting_digest(row, page), _listed_digest(row, page))


# (json_each: the files as one JSON list, so that any number of them is one parameter)
_OF_FILES = "WHERE file IN (SELECT value FROM json_each(?)) ORDER BY file, position"


def load_details(db: sqlite3.Connection, chosen_meetings: list[Meeting]) -> None:
    """The contents, declaration, resolutions, sections and entities of ``chosen_meetings``,
    into them (their pages show them; no other page does)."""
    meetings = {meeting.file: meeting for meeting in chosen_meetings}
    chosen = json.dumps(sorted(meetings))
    for table in ("resolutions", "sections", "entities"):
        for row in _rows(db, f"SELECT * FROM {table} {_OF_FILES}", chosen):
            getattr(meetings[row["file"]], table).append(row)
    contents: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in _rows(db, f"SELECT * FROM contents {_OF_FILES}", chosen):
        contents[row["file"]].append(row)
    for file, rows in contents.items():
        meetings[file].contents = _tree(rows)
    declarations = f"SELECT file, position, text FROM search {_OF_FILES.replace('WHERE', 'WHERE part = ? AND')}"
    for file, position, text in db.execute(declarations, ("declaration", chosen)):
        if position in (0, 1):
            lines = [line for line in str(text).split("\n") if line.strip()]
            setattr(meetings[file], "closing" if position == 1 else "preamble", lines)


def drop_details(meeting: Meeting) -> None:
    """Let go of what ``load_details`` read for ``meeting``."""
    meeting.contents, meeting.resolutions, meeting.sections, meeting.entities = [], [], [], []
    meeting.preamble, meeting.closing = [], []


def crossing(meeting: Meeting) -> str:
    """The digest of what the pages across records show of ``meeting``: its row in a list (and
    the lists it is in, in what order), its host, and its participants as the pages of places
    and countries show them. A record changed with the same crossing changes its own page alone."""
    shown = [
        [meeting.row[column] for column in CROSSING_COLUMNS],
        meeting.page,
        [[participant[column] for column in PARTICIPANT_COLUMNS] for participant in meeting.participants],
    ]
    return hashlib.sha256(msgspec.json.encode(shown)).hexdigest()


def load_meetings(db: sqlite3.Connection, pages: dict[str, str]) -> list[Meeting]:
    """The meetings of ``pages``'s files (those still in the archive) with their participants,
    each with its page name from ``pages`` (as the last build named it)."""
    chosen = json.dumps(sorted(pages))
    meetings = {
        row["file"]: _meeting(row, pages[row["file"]])
        for row in _rows(
            db, "SELECT * FROM meetings WHERE file IN (SELECT value FROM json_each(?)) ORDER BY file", chosen
        )
    }
    for row in _rows(db, f"SELECT * FROM participants {_OF_FILES}", chosen):
        meetings[row["file"]].participants.append(row)
    return list(meetings.values())


def load(db: sqlite3.Connection) -> Archive:
    """Every meeting's row and participants, and the places and countries they make."""
    meetings: dict[str, Meeting] = {}
    pages: set[str] = set()
    order = "ORDER BY coalesce(start_date, year, '9999'), file"
    for row in _rows(db, f"SELECT * FROM meetings {order}"):
        page = stem_slug(row["stem"])
        if page in pages:  # (two stems made into one page name: the digest tells them apart)
            page = slug(f"meeting:{row['file']}")
        pages.add(page)
        meetings[row["file"]] = _meeting(row, page)
    for row in _rows(db, "SELECT * FROM participants ORDER BY file, position", repeated=True):
        meetings[row["file"]].participants.append(row)

    places: dict[str, Place] = {}
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for meeting in meetings.values():
        for participant in meeting.participants:
            identity = participant["entity_id"]
            place = places.get(identity)
            if place is None:  # (a Place and its slug made once per place, not once per participant)
                place = Place(identity, "", slug(identity), participant["country"], participant["country_code"])
                places[identity] = place
            if not place.attended or place.attended[-1][0] is not meeting:
                place.attended.append((meeting, participant))
            names[identity][participant["name"]] += 1
            if participant["written"] not in place.spellings:
                place.spellings.append(participant["written"])
    for identity, place in places.items():  # the name the records give it most often
        place.name = sorted(names[identity].items(), key=lambda item: (-item[1], item[0]))[0][0]
        place.spellings = sorted(spelling for spelling in place.spellings if spelling != place.name)

    countries: dict[str, Country] = {}

    def country(code: str | None, name: str | None) -> Country | None:
        if not code or not COUNTRY.fullmatch(code):
            return None
        return countries.setdefault(code, Country(code, name or code))

    for meeting in meetings.values():
        host = country(meeting.row["venue_country_code"], meeting.row["venue_country"])
        if host:
            host.hosted.append(meeting)
        for code in dict.fromkeys(p["country_code"] for p in meeting.participants):
            taking_part = country(code, next(p["country"] for p in meeting.participants if p["country_code"] == code))
            if taking_part:
                taking_part.meetings.append(meeting)
    for place in places.values():
        home = country(place.country_code, place.country)
        if home:
            home.places.append(place)
    for each_country in countries.values():
        each_country.places.sort(key=lambda place: (-len(place.attended), place.name))
    return Archive(
        list(meetings.values()),
        sorted(places.values(), key=lambda place: (place.name.casefold(), place.id)),
        sorted(countries.values(), key=lambda country: country.name),
    )


def aliases(entity: dict[str, Any]) -> list[str]:
    try:
        value = json.loads(entity["aliases"])
    except ValueError:
        return []
    return [alias for alias in value if type(alias) is str] if type(value) is list else []
