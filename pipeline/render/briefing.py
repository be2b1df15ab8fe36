"""Record -> briefing: the blocks a briefing shows, in order, for every writer.

The DOCX and PDF writers both render this one list of blocks, so the two formats
carry the same content in the same order; they differ only in how a block looks.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass, field
from typing import Literal

from ..parser.countries import country_code
from ..record import Declaration, Item, Note, Record

PROJECT = "NEAR briefings"
# A heading or title longer than this is shortened where it stands (cut at a word,
# with an ellipsis) and given whole in a paragraph right under it. 120 characters
# are three lines of the title, two of a heading: a heading stays a heading, always
# fits its page, and the PDF outline stays readable.
MAX_HEADING_CHARS = 120
# Past this many countries the participation chart is left out and the table above it,
# which gives every country's count, stands alone: 30 bars fill a page (A4 or Letter,
# in the PDF and as the DOCX picture); a chart of more is no longer read as a picture.
MAX_CHART_COUNTRIES = 30
# reportlab's own fixed date for reproducible PDFs; the DOCX uses the same one.
STABLE_EPOCH = 946684800  # 2000-01-01T00:00:00Z


def document_timestamp() -> datetime.datetime:
    """SOURCE_DATE_EPOCH when set, else a fixed date: documents never carry the build time."""
    seconds = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    epoch = int(seconds) if seconds.isdigit() else STABLE_EPOCH
    return datetime.datetime.fromtimestamp(epoch, datetime.UTC)


# How a writer sets a paragraph: running text, the closing lines of a declaration,
# a line kept as the source wrote it, or a quiet explanatory line.
ParagraphStyleName = Literal["body", "closing", "verbatim", "muted"]
# A grid of rows under a header, or label-value pairs (key facts).
TableStyleName = Literal["grid", "facts"]


@dataclass(frozen=True)
class Title:
    text: str
    lines: list[str]  # period in words, venue, organizer


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: ParagraphStyleName = "body"


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[list[str]]
    widths: list[float]  # fractions of the text width
    style: TableStyleName = "grid"


@dataclass(frozen=True)
class BulletList:
    items: list[Item]


@dataclass(frozen=True)
class NumberedList:
    items: list[tuple[int, str]]


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: list[tuple[str, int, int]]  # label, members, observers


@dataclass(frozen=True)
class TableOfContents:
    """Entries of a book: title, period, first page (None where the format has no pages)."""

    entries: list[tuple[str, str, int | None]]


@dataclass(frozen=True)
class Notice:
    """Data-quality notes, set apart so nobody misses them."""

    lines: list[str]
    ok: bool


Block = Title | Heading | Paragraph | Table | BulletList | NumberedList | BarChart | Notice | TableOfContents


@dataclass(frozen=True)
class Metadata:
    title: str
    subject: str
    author: str
    keywords: list[str]
    source_file: str
    source_digest: str  # first 12 hex digits of the raw file's SHA-256

    @property
    def footer(self) -> str:
        return f"{self.source_file} · sha256 {self.source_digest}" if self.source_digest else self.source_file


@dataclass(frozen=True)
class Briefing:
    metadata: Metadata
    blocks: list[Block] = field(default_factory=list)


# --- wording ------------------------------------------------------------------------


def _day(date: datetime.date) -> str:
    return f"{date.day} {date:%B} {date.year}"


def period_in_words(start: datetime.date | None, end: datetime.date | None) -> str | None:
    """'6-7 September 1995', '30 September - 2 October 2014', '10 August 2021'."""
    if start is None or end is None:
        return None
    if start == end:
        return _day(start)
    if end > start and (start.year, start.month) == (end.year, end.month):
        return f"{start.day}-{end.day} {end:%B} {end.year}"
    if end > start and start.year == end.year:
        return f"{start.day} {start:%B} - {_day(end)}"
    return f"{_day(start)} - {_day(end)}"


def shortened(text: str, limit: int = MAX_HEADING_CHARS) -> str:
    """``text`` if it has at most ``limit`` characters, else cut at the last word that
    fits (or at ``limit`` in a text without spaces) with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    at_word = cut.rsplit(None, 1)[0] if " " in cut.strip() else cut
    return (at_word if len(at_word) >= limit // 2 else cut).rstrip() + "…"


def _headed(text: str, level: int = 1) -> list[Block]:
    """A heading; a long one shortened, with its whole text in a paragraph under it."""
    short = shortened(text)
    return [Heading(short, level), *([Paragraph(text)] if short != text else [])]


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


@dataclass
class CountryRow:
    country: str
    members: list[str] = field(default_factory=list)
    observers: list[str] = field(default_factory=list)


def participation_rows(record: Record) -> list[CountryRow]:
    """One row per country (spelling variants merged), in the order the text lists them."""
    participation = record.overview.participation if record.overview else None
    rows: dict[str, CountryRow] = {}
    for group in participation.groups if participation else []:
        name = group.country or group.country_text or "Country not given"
        row = rows.setdefault(name, CountryRow(name))
        (row.observers if group.role == "observer" else row.members).extend(group.authorities)
    return list(rows.values())


def _count_text(row: CountryRow) -> str:
    text = str(len(row.members))
    return f"{text} + {len(row.observers)} obs." if row.observers else text


def listed_totals(rows: list[CountryRow]) -> tuple[int, int, int]:
    """(member authorities, observers, member countries) of the participation rows."""
    return (
        sum(len(row.members) for row in rows),
        sum(len(row.observers) for row in rows),
        sum(1 for row in rows if row.members),
    )


def participation_summary(record: Record, rows: list[CountryRow]) -> str | None:
    participation = record.overview.participation if record.overview else None
    if participation is None:
        return None
    members, observers, countries = listed_totals(rows)
    listed = f"{_plural(members, 'authority', 'authorities')} from {_plural(countries, 'country', 'countries')} listed"
    if observers:
        listed += f", plus {_plural(observers, 'observer', 'observers')}"
    if participation.stated_authorities is None:
        return listed[0].upper() + listed[1:]
    stated = f"{participation.stated_authorities} stated"
    if participation.stated_countries is not None:
        stated += f" from {_plural(participation.stated_countries, 'country', 'countries')}"
    return f"{stated}; {listed}"


# --- blocks -------------------------------------------------------------------------


def _located(name: str | None, country: str | None, text: str) -> str:
    """'Khabarovsk Territory, International Conference Hall, Russia' for 'Russia > ...'."""
    if name and country and country not in name:
        return f"{name}, {country}"
    return name or text


def venue_line(record: Record) -> str | None:
    venue = record.overview.venue if record.overview else None
    return _located(venue.place, venue.country, venue.text) if venue else None


def organizer_line(record: Record) -> str | None:
    organizer = record.overview.organizer if record.overview else None
    if organizer is None:
        return None
    # Only a country the text itself puts in the organizer field is repeated here.
    stated = organizer.country if organizer.name != organizer.text else None
    return _located(organizer.name, stated, organizer.text)


def _title_block(record: Record) -> list[Block]:
    overview = record.overview
    lines = []
    if overview and overview.period:
        lines.append(period_in_words(overview.period.start, overview.period.end) or overview.period.text)
    venue, organizer = venue_line(record), organizer_line(record)
    if venue:
        lines.append(venue)
    if organizer:
        lines.append(f"Organized by {organizer}")
    title = record.title or record.source.file
    short = shortened(title)
    return [Title(short, lines), *([Paragraph(title)] if short != title else [])]


def _facts(record: Record, participants: list[CountryRow]) -> list[Block]:
    overview = record.overview
    if overview is None:
        return []
    rows = []
    if overview.period:
        words = period_in_words(overview.period.start, overview.period.end)
        rows.append(["Period", words if words and words != overview.period.text else overview.period.text])
    venue, organizer = venue_line(record), organizer_line(record)  # None where the overview has none
    if venue is not None:
        rows.append(["Venue", venue])
    if organizer is not None:
        rows.append(["Organizer", organizer])
    summary = participation_summary(record, participants)
    if summary:
        rows.append(["Participation", summary])
    rows += [[field.label or "Note", field.text] for field in overview.other]
    return [Heading("Key facts"), Table(["", ""], rows, [0.22, 0.78], style="facts")] if rows else []


def _participation(rows: list[CountryRow]) -> list[Block]:
    if not rows:
        return []
    table_rows = [
        [row.country, ", ".join([*row.members, *(f"{name} (observer)" for name in row.observers)]), _count_text(row)]
        for row in rows
    ]
    chart: Block = (
        BarChart("Authorities per country", [(row.country, len(row.members), len(row.observers)) for row in rows])
        if len(rows) <= MAX_CHART_COUNTRIES
        else Paragraph(
            f"No chart: {len(rows)} countries are more bars than a page holds; the table gives each country's count.",
            "muted",
        )
    )
    return [
        Heading("Participation"),
        Table(["Country", "Authorities", "Count"], table_rows, [0.2, 0.66, 0.14]),
        chart,
    ]


def _contents(items: list[Item]) -> list[Block]:
    return [Heading("Contents"), BulletList(items)] if items else []


def _declaration(declaration: Declaration | None) -> list[Block]:
    if declaration is None:
        return []
    blocks: list[Block] = _headed(declaration.title or "Declaration")
    blocks += [Paragraph(text) for text in declaration.preamble]
    if declaration.resolutions:
        blocks.append(NumberedList([(r.number, r.text) for r in declaration.resolutions]))
    blocks += [Paragraph(text, "closing") for text in declaration.closing]
    return blocks


def _sections(record: Record) -> list[Block]:
    blocks: list[Block] = []
    for section in record.sections:
        blocks += _headed(section.heading or "Other text")
        blocks += [Paragraph(line, "verbatim") for line in section.lines if line]
    return blocks


def _index(record: Record) -> list[Block]:
    places = [e for e in record.entities if e.kind == "place"]
    organizations = [e for e in record.entities if e.kind == "organization"]
    if not places and not organizations:
        return []
    blocks: list[Block] = [Heading("Index of names")]
    by_country: dict[str, list] = {}
    for entity in places:
        by_country.setdefault(entity.country or "Other places", []).append(entity)
    for country in sorted(by_country, key=lambda c: (c == "Other places", c)):
        code = country_code(country) if country != "Other places" else None
        blocks += _headed(f"{country} ({code})" if code else country, level=2)
        rows = [[e.name, e.code or "", str(e.mentions)] for e in sorted(by_country[country], key=lambda e: e.name)]
        blocks.append(Table(["Place", "ISO code", "Mentions"], rows, [0.62, 0.2, 0.18]))
    if organizations:
        blocks.append(Heading("Organizations", level=2))
        rows = [[e.name, e.country or "", str(e.mentions)] for e in sorted(organizations, key=lambda e: e.name)]
        blocks.append(Table(["Organization", "Country", "Mentions"], rows, [0.62, 0.2, 0.18]))
    return blocks


def _notes(notes: list[Note]) -> list[Block]:
    if not notes:
        return [Heading("Data notes"), Notice(["No data-quality notes: the record is consistent."], ok=True)]
    return [Heading("Data notes"), Notice([note.message for note in notes], ok=False)]


def build_briefing(record: Record) -> Briefing:
    overview = record.overview
    participants = participation_rows(record)
    metadata = Metadata(
        title=shortened(record.title or record.source.file),
        subject=f"Briefing: {shortened(record.title)}" if record.title else "Conference briefing",
        author=(overview.organizer.text if overview and overview.organizer else PROJECT),
        keywords=[row.country for row in participants],
        source_file=record.source.file,
        source_digest=record.source.sha256[:12],
    )
    blocks: list[Block] = [
        *_title_block(record),
        *_facts(record, participants),
        *_participation(participants),
        *_contents(record.contents),
        *_declaration(record.declaration),
        *_sections(record),
        *_index(record),
        *_notes(record.notes),
    ]
    return Briefing(metadata, blocks)
