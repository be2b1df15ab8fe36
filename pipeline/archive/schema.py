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
FORMAT = 1
ARCHIVE_NAME = "archive.sqlite"

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
