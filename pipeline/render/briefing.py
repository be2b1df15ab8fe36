"""Record -> briefing: the blocks a briefing shows, in order, for every writer.

The DOCX and PDF writers both render this one list of blocks, so the two formats
carry the same content in the same order; they differ only in how a block looks.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ..parser.countries import country_code
from ..parser.text import split_aside
from ..parser.unwrap import rejoined_paragraphs
from ..settings import DEFAULTS, STABLE_EPOCH, Settings
from .i18n import ENGLISH, N_, Translator

if TYPE_CHECKING:  # (the book's index is made without the record model: a no-op build stays light)
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


def document_timestamp() -> datetime.datetime:
    """SOURCE_DATE_EPOCH when set, else a fixed date: documents never carry the build time."""
    seconds = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    epoch = int(seconds) if seconds.isdigit() else STABLE_EPOCH
    return datetime.datetime.fromtimestamp(epoch, datetime.UTC)


# How a writer sets a paragraph: running text, the closing lines of a declaration,
# a line kept as the source wrote it, or a quiet explanatory line.
ParagraphStyleName = Literal["body", "closing", "verbatim", "muted", "mark", "cover"]
DRAFT_MARK = N_("DRAFT: for checking inside the secretariat; not to be sent")
DRAFT_PREFIX = N_("DRAFT · ")
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
    language: Translator = ENGLISH  # the words a writer adds: '(continued)'


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
    language: Translator = ENGLISH  # the words a writer adds: '(continued)', the key

    def values(self) -> list[str]:
        """Each bar's count as its end says it, in the chart's language ('3 and 1 observer')."""
        return [count_text(members, observers, self.language) for _, members, observers in self.bars]


@dataclass(frozen=True)
class TableOfContents:
    """Entries of a book: title, period, first page (None where the format has no pages)."""

    entries: list[tuple[str, str, int | None]]
    language: Translator = ENGLISH  # the words a writer adds: its column heads


# The head of the data-notes box: with notes, and without.
NOTICE_HEADS = {True: N_("Data check passed"), False: N_("Check before use")}


@dataclass(frozen=True)
class Notice:
    """Data-quality notes, set apart so nobody misses them."""

    lines: list[str]
    ok: bool
    language: Translator = ENGLISH  # the words a writer adds: its head


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
    language: Translator = ENGLISH  # the language the document is written in (its words, /Lang, w:lang)

    @property
    def footer(self) -> str:
        draft = self.language._(DRAFT_PREFIX) if self.draft else ""
        if self.label is not None:
            return draft + self.label
        source = f"{self.source_file} · sha256 {self.source_digest}" if self.source_digest else self.source_file
        return draft + source


@dataclass(frozen=True)
class Briefing:
    metadata: Metadata
    blocks: list[Block] = field(default_factory=list)


# --- wording ------------------------------------------------------------------------


def period_in_words(start: datetime.date | None, end: datetime.date | None) -> str | None:
    """'6-7 September 1995', '30 September - 2 October 2014', '10 August 2021'."""
    return ENGLISH.period(start, end)


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


@dataclass
class CountryRow:
    country: str
    members: list[str] = field(default_factory=list)
    observers: list[str] = field(default_factory=list)


def display_country(name: str | None, code: str | None, countries: dict[str, str]) -> str | None:
    """The name a briefing prints for a country: the settings' name for its code, else the record's."""
    return countries.get(code or "", name) if name is not None or code else name


def participation_rows(
    record: Record, countries: dict[str, str] | None = None, language: Translator = ENGLISH
) -> list[CountryRow]:
    """One row per country (spelling variants merged), in the order the text lists them.
    ``countries``: the display names, by ISO code; ``language``: the authorities' names in it
    where the record places them in a region that has a name in that language."""
    participation = record.overview.participation if record.overview else None
    regions = _region_codes(record) if not language.english else {}
    rows: dict[str, CountryRow] = {}
    bodies = _bodies_of_no_country(record)
    for group in participation.groups if participation else []:
        shown = display_country(group.country, group.country_code, countries or {})
        international = bool(group.authorities) and all(_named(a) in bodies for a in group.authorities)
        no_country = language._("International organizations") if international else language._("Country not given")
        name = shown or group.country_text or no_country
        row = rows.setdefault(name, CountryRow(name))
        authorities = [language.region(regions.get(authority), authority) for authority in group.authorities]
        (row.observers if group.role == "observer" else row.members).extend(authorities)
    return list(rows.values())


def _bodies_of_no_country(record: Record) -> set[str]:
    """The names of the record's organizations no country holds (World Bank, Asian Development Bank)."""
    return {
        alias
        for entity in record.entities
        if entity.kind == "organization" and entity.country is None
        for alias in (entity.name, *entity.aliases)
    }


def _named(authority: str) -> str:
    """An authority's name without its aside: "World Bank" of "World Bank (Beijing office)"."""
    aside = split_aside(authority)
    return aside[0] if aside else authority


def _region_codes(record: Record) -> dict[str, str]:
    """The ISO 3166-2 code of each name the record's places are known by."""
    return {
        alias: entity.code
        for entity in record.entities
        if entity.kind == "place" and entity.code
        for alias in (entity.name, *entity.aliases)
    }


def count_text(members: int, observers: int, language: Translator = ENGLISH) -> str:
    """'18', '3 and 1 observer', '2 observers': a count a reader needs no key for."""
    if not observers:
        return language.number(members)
    watching = language.ngettext("%(count)s observer", "%(count)s observers", observers)
    if not members:
        return watching
    return language._("%(members)s and %(observers)s") % {"members": language.number(members), "observers": watching}


def listed_totals(rows: list[CountryRow]) -> tuple[int, int, int]:
    """(member authorities, observers, member countries) of the participation rows."""
    return (
        sum(len(row.members) for row in rows),
        sum(len(row.observers) for row in rows),
        sum(1 for row in rows if row.members),
    )


def _authorities_from(authorities: int, countries: int | None, language: Translator) -> str:
    """'21 authorities from 4 countries' (or '21 authorities', without a count of countries)."""
    named = language.ngettext("%(count)s authority", "%(count)s authorities", authorities)
    if countries is None:
        return named
    nations = language.ngettext("%(count)s country", "%(count)s countries", countries)
    return language._("%(authorities)s from %(countries)s") % {"authorities": named, "countries": nations}


def participation_summary(record: Record, rows: list[CountryRow], language: Translator = ENGLISH) -> str | None:
    participation = record.overview.participation if record.overview else None
    if participation is None:
        return None
    members, observers, countries = listed_totals(rows)
    listed = _authorities_from(members, countries, language)
    if observers:
        watching = language.ngettext("%(count)s observer", "%(count)s observers", observers)
        listed = language._("%(listed)s and %(observers)s") % {"listed": listed, "observers": watching}
    if participation.stated_authorities is None:
        return language._("The list names %(listed)s.") % {"listed": listed}
    stated = _authorities_from(participation.stated_authorities, participation.stated_countries, language)
    return language._("The overview states %(stated)s; the list names %(listed)s.") % {
        "stated": stated,
        "listed": listed,
    }


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


def _title_block(record: Record, countries: dict[str, str], language: Translator) -> list[Block]:
    overview = record.overview
    lines = []
    if overview and overview.period:
        lines.append(language.period(overview.period.start, overview.period.end) or overview.period.text)
    venue, organizer = venue_line(record, countries), organizer_line(record, countries)
    if venue:
        lines.append(venue)
    if organizer:
        lines.append(language._("Organized by %(organizer)s") % {"organizer": organizer})
    title = record.title or record.source.file
    short = shortened(title)
    blocks: list[Block] = [Title(short, lines), *([Paragraph(title)] if short != title else [])]
    if not language.english:  # the reader is told which text is the association's own, in English
        blocks.append(Paragraph(language._(SOURCE_TEXT_LINE), "muted"))
    return blocks


# In a briefing in another language than English, under its title.
SOURCE_TEXT_LINE = N_(
    "The meeting's own text (its title, contents, declaration and the names it gives) is quoted in English, "
    "as the association published it."
)


def _facts(
    record: Record, participants: list[CountryRow], countries: dict[str, str], language: Translator
) -> list[Block]:
    overview = record.overview
    if overview is None:
        return []
    _ = language._
    rows = []
    if overview.period:
        words = language.period(overview.period.start, overview.period.end)
        rows.append([_("Period"), words if words and words != overview.period.text else overview.period.text])
    venue, organizer = venue_line(record, countries), organizer_line(record, countries)  # None where none
    if venue is not None:
        rows.append([_("Venue"), venue])
    if organizer is not None:
        rows.append([_("Organizer"), organizer])
    summary = participation_summary(record, participants, language)
    if summary:
        rows.append([_("Participation"), summary])
    rows += [[field.label or _("Note"), field.text] for field in overview.other]
    return [Heading(_("Key facts")), Table(["", ""], rows, [0.22, 0.78], style="facts")] if rows else []


def _participation(rows: list[CountryRow], language: Translator) -> list[Block]:
    if not rows:
        return []
    _ = language._
    table_rows = [
        [
            row.country,
            ", ".join([*row.members, *(_("%(name)s (observer)") % {"name": name} for name in row.observers)]),
            count_text(len(row.members), len(row.observers), language),
        ]
        for row in rows
    ]
    chart: Block = (
        BarChart(
            _("Authorities per country"),
            [(row.country, len(row.members), len(row.observers)) for row in rows],
            language,
        )
        if len(rows) <= MAX_CHART_COUNTRIES
        else Paragraph(
            language.ngettext(
                "No chart: %(count)s country is more bars than a page holds; the table gives each country's count.",
                "No chart: %(count)s countries are more bars than a page holds; the table gives each country's count.",
                len(rows),
            ),
            "muted",
        )
    )
    return [
        Heading(_("Participation")),
        Table([_("Country"), _("Authorities"), _("Count")], table_rows, [0.2, 0.66, 0.14]),
        chart,
    ]


def _delegates(record: Record, language: Translator) -> list[Block]:
    """The delegates the source names with their posts and bodies, in its words."""
    participation = record.overview.participation if record.overview else None
    if participation is None or not participation.delegates:
        return []
    from ..record import Item  # (only here: a record with delegates is loaded)

    items = [Item(text=line, items=[]) for line in participation.delegates]
    return [Heading(language._("Delegates"), 2), BulletList(items)]


def _contents(items: list[Item], language: Translator) -> list[Block]:
    return [Heading(language._("Contents")), BulletList(items)] if items else []


def _declaration(declaration: Declaration | None, language: Translator) -> list[Block]:
    if declaration is None:
        return []
    blocks: list[Block] = _headed(declaration.title or language._("Declaration"))
    blocks += [Paragraph(text) for text in declaration.preamble]
    if declaration.resolutions:
        blocks.append(NumberedList([(r.number, r.text) for r in declaration.resolutions]))
    blocks += [Paragraph(text, "closing") for text in declaration.closing]
    return blocks


def _sections(record: Record, language: Translator) -> list[Block]:
    blocks: list[Block] = []
    for section in record.sections:
        blocks += _headed(section.heading or language._("Other text"))
        # (the source's words as written; a paragraph it hard-wrapped is one paragraph again)
        blocks += [Paragraph(text, "verbatim") for text in rejoined_paragraphs(section.lines)]
    return blocks


def _index(record: Record, countries: dict[str, str], language: Translator) -> list[Block]:
    """Every place and organization the record names, compactly: one paragraph per
    country ('Niigata Prefecture (JP-15), Toyama (3)'), organizations last."""
    places = [e for e in record.entities if e.kind == "place"]
    organizations = [e for e in record.entities if e.kind == "organization"]
    if not places and not organizations:
        return []
    _ = language._
    other_places = _(OTHER_PLACES)
    blocks: list[Block] = [Heading(_("Index of names"))]
    by_country: dict[str, list] = {}
    for entity in places:
        country = display_country(entity.country, country_code(entity.country or ""), countries)
        by_country.setdefault(country or other_places, []).append(entity)

    def name(entity) -> str:  # type: ignore[no-untyped-def]
        return language.region(entity.code, entity.name) if entity.kind == "place" else entity.name

    def named(entity) -> str:  # type: ignore[no-untyped-def]
        code = f" ({entity.code})" if entity.code and entity.code != entity.name else ""
        times = f" ×{language.number(entity.mentions)}" if entity.mentions > 1 else ""
        return f"{name(entity)}{code}{times}"

    rows = []
    for country in sorted(by_country, key=lambda c: (c == other_places, c)):
        rows.append([country, "; ".join(named(e) for e in sorted(by_country[country], key=name))])
    if organizations:
        rows.append([_("Organizations"), "; ".join(named(e) for e in sorted(organizations, key=name))])
    blocks.append(Table(["", ""], rows, [0.22, 0.78], style="facts"))
    blocks.append(Paragraph(_("In brackets: the ISO 3166 code; ×N: named N times."), "muted"))
    return blocks


OTHER_PLACES = N_("Other places")


def note_line(note: Note, language: Translator = ENGLISH) -> str:
    """'line 12: message' (the raw text's line the note is about), or the message."""
    if not note.line:
        return note.message
    return language._("line %(line)s: %(message)s") % {"line": language.number(note.line), "message": note.message}


def _notes(notes: list[Note], language: Translator) -> list[Block]:
    heading = Heading(language._("Data notes"))
    if not notes:
        return [heading, Notice([language._("No data-quality notes: the record is consistent.")], True, language)]
    return [heading, Notice([note_line(note, language) for note in notes], False, language)]


def build_briefing(record: Record, settings: Settings = DEFAULTS, language: Translator = ENGLISH) -> Briefing:
    """The blocks of ``record``'s briefing, in ``language``. As sent (the default settings):
    no internal marks, neither the data-notes box nor the source digest; a draft
    (``settings.edition.draft``) carries both, and a DRAFT mark."""
    overview = record.overview
    countries = language.countries(settings)
    participants = participation_rows(record, countries, language)
    _ = language._
    draft = settings.edition.draft
    shown = settings.briefing
    association = settings.association
    metadata = Metadata(
        title=shortened(record.title or record.source.file),
        subject=(_("Briefing: %(title)s") % {"title": shortened(record.title)})
        if record.title
        else _("Conference briefing"),
        author=(overview.organizer.text if overview and overview.organizer else association.name),
        keywords=[row.country for row in participants],
        source_file=record.source.file,
        source_digest=record.source.sha256[:12],
        label=None if draft or shown.source_footer else f"{association.name} ({association.short_name})",
        draft=draft,
        publisher=association.name,
        language=language,
    )
    blocks: list[Block] = [
        *([Paragraph(_(DRAFT_MARK), "mark")] if draft else []),
        *_title_block(record, countries, language),
        *_facts(record, participants, countries, language),
        *_participation(participants, language),
        *_delegates(record, language),
        *_contents(record.contents, language),
        *_declaration(record.declaration, language),
        *_sections(record, language),
        *(_index(record, countries, language) if shown.index_of_names else []),
        *(_notes(record.notes, language) if draft or shown.data_notes else []),
    ]
    return Briefing(metadata, blocks)
