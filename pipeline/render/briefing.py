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
from ..settings import DEFAULTS, Settings

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
ParagraphStyleName = Literal["body", "closing", "verbatim", "muted", "mark", "cover"]
DRAFT_MARK = "DRAFT: for checking inside the secretariat; not to be sent"
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
    heading: str = ""  # the heading it stands under: repeated, '(continued)', on each further page
    compact: bool = False  # narrow padding: many narrow columns (the participation matrix)
    captioned: bool = False  # ``heading`` drawn over the table (a table with no heading block of its own)


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


@dataclass(frozen=True)
class Picture:
    """An image (PNG), ``width_mm`` wide at its own proportions: the association's logo."""

    png: bytes
    width_mm: float


@dataclass(frozen=True)
class PageBreak:
    """What follows starts a new page. ``ends``: in a document of sections (the DOCX
    book), the pages before it, of this orientation, are a section that ends here."""

    ends: Literal["portrait", "landscape"] | None = None


Block = (
    Title
    | Heading
    | Paragraph
    | Table
    | BulletList
    | NumberedList
    | BarChart
    | Notice
    | TableOfContents
    | Picture
    | PageBreak
)


@dataclass(frozen=True)
class Metadata:
    title: str
    subject: str
    author: str
    keywords: list[str]
    source_file: str
    source_digest: str  # first 12 hex digits of the raw file's SHA-256
    label: str | None = None  # the footer of a briefing sent out (no internal marks); None: the source
    draft: bool = False  # a DRAFT mark on every page
    landscape: bool = False  # pages turned sideways (the participation matrix)
    publisher: str = "Association of North East Asia Regional Governments"  # the DOCX's company property

    @property
    def footer(self) -> str:
        if self.label is not None:
            return ("DRAFT · " if self.draft else "") + self.label
        source = f"{self.source_file} · sha256 {self.source_digest}" if self.source_digest else self.source_file
        return ("DRAFT · " if self.draft else "") + source


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
    at_word = cut.rsplit(None, 1)[0] if len(cut.split()) > 1 else cut
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


def display_country(name: str | None, code: str | None, countries: dict[str, str]) -> str | None:
    """The name a briefing prints for a country: the settings' name for its code, else the record's."""
    return countries.get(code or "", name) if name is not None or code else name


def participation_rows(record: Record, countries: dict[str, str] | None = None) -> list[CountryRow]:
    """One row per country (spelling variants merged), in the order the text lists them.
    ``countries``: the settings' display names, by ISO code."""
    participation = record.overview.participation if record.overview else None
    rows: dict[str, CountryRow] = {}
    for group in participation.groups if participation else []:
        shown = display_country(group.country, group.country_code, countries or {})
        name = shown or group.country_text or "Country not given"
        row = rows.setdefault(name, CountryRow(name))
        (row.observers if group.role == "observer" else row.members).extend(group.authorities)
    return list(rows.values())


def count_text(members: int, observers: int) -> str:
    """'18', '3 and 1 observer', '2 observers': a count a reader needs no key for."""
    if not observers:
        return str(members)
    watching = _plural(observers, "observer", "observers")
    return f"{members} and {watching}" if members else watching


def _count_text(row: CountryRow) -> str:
    return count_text(len(row.members), len(row.observers))


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
    listed = f"{_plural(members, 'authority', 'authorities')} from {_plural(countries, 'country', 'countries')}"
    if observers:
        listed += f" and {_plural(observers, 'observer', 'observers')}"
    if participation.stated_authorities is None:
        return f"The list names {listed}."
    stated = _plural(participation.stated_authorities, "authority", "authorities")
    if participation.stated_countries is not None:
        stated += f" from {_plural(participation.stated_countries, 'country', 'countries')}"
    return f"The overview states {stated}; the list names {listed}."


# --- blocks -------------------------------------------------------------------------


def _located(name: str | None, country: str | None, text: str) -> str:
    """'Khabarovsk Territory, International Conference Hall, Russia' for 'Russia > ...'."""
    if name and country and country not in name:
        return f"{name}, {country}"
    return name or text


def venue_line(record: Record, countries: dict[str, str] | None = None) -> str | None:
    venue = record.overview.venue if record.overview else None
    if venue is None:
        return None
    return _located(venue.place, display_country(venue.country, venue.country_code, countries or {}), venue.text)


def organizer_line(record: Record, countries: dict[str, str] | None = None) -> str | None:
    organizer = record.overview.organizer if record.overview else None
    if organizer is None:
        return None
    # Only a country the text itself puts in the organizer field is repeated here.
    stated = organizer.country if organizer.name != organizer.text else None
    shown = display_country(stated, organizer.country_code, countries or {}) if stated else None
    return _located(organizer.name, shown, organizer.text)


def _title_block(record: Record, countries: dict[str, str]) -> list[Block]:
    overview = record.overview
    lines = []
    if overview and overview.period:
        lines.append(period_in_words(overview.period.start, overview.period.end) or overview.period.text)
    venue, organizer = venue_line(record, countries), organizer_line(record, countries)
    if venue:
        lines.append(venue)
    if organizer:
        lines.append(f"Organized by {organizer}")
    title = record.title or record.source.file
    short = shortened(title)
    return [Title(short, lines), *([Paragraph(title)] if short != title else [])]


def _facts(record: Record, participants: list[CountryRow], countries: dict[str, str]) -> list[Block]:
    overview = record.overview
    if overview is None:
        return []
    rows = []
    if overview.period:
        words = period_in_words(overview.period.start, overview.period.end)
        rows.append(["Period", words if words and words != overview.period.text else overview.period.text])
    venue, organizer = venue_line(record, countries), organizer_line(record, countries)  # None where none
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


def _index(record: Record, countries: dict[str, str]) -> list[Block]:
    """Every place and organization the record names, compactly: one paragraph per
    country ('Niigata Prefecture (JP-15), Toyama (3)'), organizations last."""
    places = [e for e in record.entities if e.kind == "place"]
    organizations = [e for e in record.entities if e.kind == "organization"]
    if not places and not organizations:
        return []
    blocks: list[Block] = [Heading("Index of names")]
    by_country: dict[str, list] = {}
    for entity in places:
        country = display_country(entity.country, country_code(entity.country or ""), countries)
        by_country.setdefault(country or OTHER_PLACES, []).append(entity)

    def named(entity) -> str:  # type: ignore[no-untyped-def]
        code = f" ({entity.code})" if entity.code and entity.code != entity.name else ""
        times = f" ×{entity.mentions}" if entity.mentions > 1 else ""
        return f"{entity.name}{code}{times}"

    rows = []
    for country in sorted(by_country, key=lambda c: (c == OTHER_PLACES, c)):
        rows.append([country, "; ".join(named(e) for e in sorted(by_country[country], key=lambda e: e.name))])
    if organizations:
        rows.append(["Organizations", "; ".join(named(e) for e in sorted(organizations, key=lambda e: e.name))])
    blocks.append(Table(["", ""], rows, [0.22, 0.78], style="facts"))
    blocks.append(Paragraph("In brackets: the ISO 3166 code; ×N: named N times.", "muted"))
    return blocks


OTHER_PLACES = "Other places"


def note_line(note: Note) -> str:
    """'line 12: message' (the raw text's line the note is about), or the message."""
    return f"line {note.line}: {note.message}" if note.line else note.message


def _notes(notes: list[Note]) -> list[Block]:
    if not notes:
        return [Heading("Data notes"), Notice(["No data-quality notes: the record is consistent."], ok=True)]
    return [Heading("Data notes"), Notice([note_line(note) for note in notes], ok=False)]


def build_briefing(record: Record, settings: Settings = DEFAULTS) -> Briefing:
    """The blocks of ``record``'s briefing. As sent (the default settings): no internal
    marks, neither the data-notes box nor the source digest; a draft
    (``settings.edition.draft``) carries both, and a DRAFT mark."""
    overview = record.overview
    countries = settings.countries
    participants = participation_rows(record, countries)
    draft = settings.edition.draft
    shown = settings.briefing
    association = settings.association
    metadata = Metadata(
        title=shortened(record.title or record.source.file),
        subject=f"Briefing: {shortened(record.title)}" if record.title else "Conference briefing",
        author=(overview.organizer.text if overview and overview.organizer else association.name),
        keywords=[row.country for row in participants],
        source_file=record.source.file,
        source_digest=record.source.sha256[:12],
        label=None if draft or shown.source_footer else f"{association.name} ({association.short_name})",
        draft=draft,
        publisher=association.name,
    )
    blocks: list[Block] = [
        *([Paragraph(DRAFT_MARK, "mark")] if draft else []),
        *_title_block(record, countries),
        *_facts(record, participants, countries),
        *_participation(participants),
        *_contents(record.contents),
        *_declaration(record.declaration),
        *_sections(record),
        *(_index(record, countries) if shown.index_of_names else []),
        *(_notes(record.notes) if draft or shown.data_notes else []),
    ]
    return Briefing(metadata, blocks)
