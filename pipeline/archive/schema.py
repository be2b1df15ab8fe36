"""The archive's schema: OUT_DIR/archive.sqlite, one row set per built record.

The schema is part of the public contract (README, "The archive"): add columns or
tables and raise ``FORMAT``, never rename. Every table but ``archive_info`` and the
full-text index is keyed by the raw text's name (``file``) and a position within
the record, so the rows, and a dump of them, follow from the records alone, never
from the order the builds made them in.
"""

from __future__ import annotations

# Raised whenever the tables or the way records fill them change: an archive of
# another format is rebuilt from the records.
FORMAT = 2  # 2: a declaration's preamble and closing lines are two rows of ``search``
ARCHIVE_NAME = "archive.sqlite"
# The tables' descriptions for `datasette archive.sqlite --metadata archive-metadata.json`:
# a raw text may not be called archive-metadata.txt (``builder.names``).
METADATA_NAME = "archive-metadata.json"

# (name, primary key columns for a stable order, DDL). In creation order.
TABLES: tuple[tuple[str, str, str], ...] = (
    (
        "archive_info",
        "key",
        """CREATE TABLE archive_info (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID""",
    ),
    (
        "meetings",
        "file",
        """CREATE TABLE meetings (
    file TEXT PRIMARY KEY,
    stem TEXT NOT NULL UNIQUE,
    record_sha256 TEXT NOT NULL,
    source_sha256 TEXT NOT NULL,
    kind TEXT NOT NULL,
    number INTEGER,
    body TEXT,
    year INTEGER,
    title TEXT,
    period TEXT,
    start_date TEXT,
    end_date TEXT,
    venue TEXT,
    venue_place TEXT,
    venue_country TEXT,
    venue_country_code TEXT,
    organizer TEXT,
    organizer_name TEXT,
    organizer_country_code TEXT,
    stated_authorities INTEGER,
    stated_countries INTEGER,
    member_count INTEGER NOT NULL,
    observer_count INTEGER NOT NULL,
    country_count INTEGER NOT NULL,
    declaration_title TEXT,
    declaration_kind TEXT,
    json_path TEXT NOT NULL,
    docx_path TEXT NOT NULL,
    pdf_path TEXT NOT NULL
) WITHOUT ROWID""",
    ),
    (
        "participants",
        "file, position",
        """CREATE TABLE participants (
    file TEXT NOT NULL REFERENCES meetings(file) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    name TEXT NOT NULL,
    written TEXT NOT NULL,
    country TEXT,
    country_code TEXT,
    role TEXT NOT NULL CHECK (role IN ('member', 'observer')),
    PRIMARY KEY (file, position)
) WITHOUT ROWID""",
    ),
    (
        "entities",
        "file, position",
        """CREATE TABLE entities (
    file TEXT NOT NULL REFERENCES meetings(file) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('place', 'organization')),
    name TEXT NOT NULL,
    label TEXT NOT NULL,
    country TEXT,
    code TEXT,
    mentions INTEGER NOT NULL,
    aliases TEXT NOT NULL,
    PRIMARY KEY (file, position)
) WITHOUT ROWID""",
    ),
    (
        "contents",
        "file, position",
        """CREATE TABLE contents (
    file TEXT NOT NULL REFERENCES meetings(file) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    parent INTEGER,
    depth INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (file, position)
) WITHOUT ROWID""",
    ),
    (
        "resolutions",
        "file, position",
        """CREATE TABLE resolutions (
    file TEXT NOT NULL REFERENCES meetings(file) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (file, position)
) WITHOUT ROWID""",
    ),
    (
        "sections",
        "file, position",
        """CREATE TABLE sections (
    file TEXT NOT NULL REFERENCES meetings(file) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    heading TEXT,
    text TEXT NOT NULL,
    PRIMARY KEY (file, position)
) WITHOUT ROWID""",
    ),
    (
        "notes",
        "file, position",
        """CREATE TABLE notes (
    file TEXT NOT NULL REFERENCES meetings(file) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    severity TEXT NOT NULL CHECK (severity IN ('check', 'info')),
    line INTEGER,
    message TEXT NOT NULL,
    PRIMARY KEY (file, position)
) WITHOUT ROWID""",
    ),
)

INDEXES: tuple[str, ...] = (
    "CREATE INDEX meetings_year ON meetings(year)",
    "CREATE INDEX meetings_kind ON meetings(kind)",
    "CREATE INDEX meetings_venue_country ON meetings(venue_country_code)",
    "CREATE INDEX participants_entity ON participants(entity_id)",
    "CREATE INDEX participants_country ON participants(country_code)",
    "CREATE INDEX entities_id ON entities(id)",
    "CREATE INDEX notes_code ON notes(code)",
)

# The full-text index: one row per part of a meeting (its title, its contents, the
# declaration's preamble and closing, each resolution, each other section).
SEARCH = """CREATE VIRTUAL TABLE search USING fts5(
    file UNINDEXED,
    part UNINDEXED,
    position UNINDEXED,
    heading,
    text,
    tokenize = 'unicode61 remove_diacritics 2'
)"""
SEARCH_PARTS = ("title", "contents", "declaration", "resolution", "section")
SEARCH_ORDER = "file, part, position"


def statements() -> list[str]:
    return [ddl for _, _, ddl in TABLES] + list(INDEXES) + [SEARCH]


def table_names() -> list[str]:
    return [name for name, _, _ in TABLES]


# What each table and column holds: the README's "The archive" says the same, and every
# build writes them as Datasette's metadata (OUT_DIR/archive-metadata.json).
_MEETING_FILE = "The raw text's name (near-1995-khabarovsk.txt): the meeting's key"
DESCRIPTIONS: dict[str, tuple[str, dict[str, str]]] = {
    "archive_info": ("About the archive itself", {"key": "format", "value": "The archive's format number"}),
    "meetings": (
        "One row per built record",
        {
            "file": _MEETING_FILE,
            "stem": "The file name without .txt: the name of its outputs and of its page",
            "record_sha256": "SHA-256 of NAME.json as the build wrote it (what updates compare)",
            "source_sha256": "SHA-256 of the raw text",
            "kind": "conference, general-assembly, committee, subcommittee, working-committee, "
            "secretaries-general, forum, workshop or other",
            "number": "The ordinal the title gives (The 9th ... -> 9)",
            "body": "The committee, forum or workshop",
            "year": "The meeting's year",
            "title": "The title as the text gives it",
            "period": "The period as written",
            "start_date": "First day, ISO 8601",
            "end_date": "Last day, ISO 8601",
            "venue": "The venue as written",
            "venue_place": "The venue's place",
            "venue_country": "The host country as briefings print it",
            "venue_country_code": "The host country's ISO 3166-1 code",
            "organizer": "The organizer as written",
            "organizer_name": "The organizer's name",
            "organizer_country_code": "The organizer's country, ISO 3166-1",
            "stated_authorities": "The number of authorities the text states",
            "stated_countries": "The number of countries the text states",
            "member_count": "Member authorities listed",
            "observer_count": "Observers listed",
            "country_count": "Countries with a member listed",
            "declaration_title": "The closing document's heading",
            "declaration_kind": "declaration, charter, agreement, joint-statement, resolution, communique, "
            "memorandum or other",
            "json_path": "The record, relative to the output folder",
            "docx_path": "The DOCX briefing, relative to the output folder",
            "pdf_path": "The PDF briefing, relative to the output folder",
        },
    ),
    "participants": (
        "Every authority a record lists as taking part, in the text's order",
        {
            "file": _MEETING_FILE,
            "position": "Its place in the record's list",
            "entity_id": "The thing's identity across records (ISO 3166-2, gazetteer id or name: key)",
            "name": "The identity's name in this record",
            "written": "The name as the text writes it",
            "country": "The country as briefings print it",
            "country_code": "ISO 3166-1 code",
            "role": "member or observer",
        },
    ),
    "entities": (
        "Every place and organization the tagger found in a record",
        {
            "file": _MEETING_FILE,
            "position": "Its place in the record's entity list",
            "id": "The thing's identity across records",
            "kind": "place or organization",
            "name": "Its name in this record",
            "label": "GPE, LOC, FAC, ORG, NORP or EVENT",
            "country": "Its country",
            "code": "Its ISO 3166 code, where it has one",
            "mentions": "How often the record names it",
            "aliases": "Every spelling the record uses (a JSON list)",
        },
    ),
    "contents": (
        "The contents items, a tree flattened in reading order",
        {
            "file": _MEETING_FILE,
            "position": "Reading order within the record",
            "parent": "The position of the item it belongs under (none at the top)",
            "depth": "0 at the top",
            "text": "The item",
        },
    ),
    "resolutions": (
        "The numbered resolutions of a record's declaration",
        {
            "file": _MEETING_FILE,
            "position": "Order within the declaration",
            "number": "The number the text gives",
            "text": "The resolution",
        },
    ),
    "sections": (
        "The record's other sections",
        {
            "file": _MEETING_FILE,
            "position": "Order within the record",
            "heading": "Its heading",
            "text": "Its lines",
        },
    ),
    "notes": (
        "Data-quality notes",
        {
            "file": _MEETING_FILE,
            "position": "Order within the record",
            "code": "What kind of note (participation-count-mismatch, missing-section ...)",
            "severity": "check (a reader must look) or info",
            "line": "The raw text's line it is about",
            "message": "The note",
        },
    ),
    "search": (
        "FTS5 full-text index: titles, contents, declarations, resolutions, other sections",
        {
            "file": _MEETING_FILE,
            "part": "title, contents, declaration, resolution or section",
            "position": "The resolution's or section's position; a declaration's preamble 0, its closing lines 1",
            "heading": "The part's heading",
            "text": "The part's text",
        },
    ),
}


def datasette_metadata() -> dict[str, object]:
    return {
        "title": "NEAR meeting records",
        "databases": {
            "archive": {
                "tables": {
                    table: {"description": description, "columns": columns}
                    for table, (description, columns) in DESCRIPTIONS.items()
                }
            }
        },
    }
