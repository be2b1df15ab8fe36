"""Writing OUT_DIR/archive.sqlite, incrementally, and opening it as untrusted input.

Why the standard library's sqlite3 and not sqlite-utils: the tables are fixed (their
DDL is the documented schema, in ``schema.py``), rows are replaced per record in one
transaction, and the check that an archive is one this program wrote compares its
``sqlite_master`` with the DDL; sqlite-utils' conveniences (schema inference, upserts)
would add a dependency and nothing this needs.

How it stays incremental: ``meetings.record_sha256`` is the digest of the record's
JSON as the build wrote it (the manifest's). Each build passes the digest of every
record it keeps; rows of a record whose digest differs are replaced (its JSON read
back and checked against that digest), rows of records no longer kept are deleted
(``ON DELETE CASCADE``, and the full-text rows by file), the rest are left alone.

Nothing in the file is trusted: a symlink, a FIFO, a file that is no SQLite
database, fails its quick check or the full-text index's integrity check, or whose
``sqlite_master`` is not exactly the schema (a trigger, a view, a changed column)
is removed and the archive rebuilt from the records.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from ..outdir import digest, file_signature, read_back, write_atomic
from .rows import RecordRows, record_rows
from .schema import ARCHIVE_NAME, FORMAT, SEARCH_ORDER, TABLES, statements

if TYPE_CHECKING:
    from ..record import Record


class ArchiveStatus(StrEnum):
    UNCHANGED = "unchanged"
    UPDATED = "updated"
    REBUILT = "rebuilt"
    FAILED = "failed"


class Doubt(StrEnum):
    """Why an archive on disk is not used as it is (it is rebuilt)."""

    MISSING = "missing"
    NOT_A_FILE = "not a regular file"
    NOT_SQLITE = "not an SQLite database"
    DAMAGED = "fails its integrity check"
    OTHER_SCHEMA = "not the schema this program writes"
    OTHER_FORMAT = "written by another version"


class ArchiveError(Exception):
    """The archive cannot be read as one this program wrote; the message says why."""

    def __init__(self, path: Path, doubt: Doubt) -> None:
        super().__init__(f"{path}: {doubt}; run the build again")
        self.doubt = doubt


@dataclass
class ArchiveResult:
    status: ArchiveStatus
    updated: int = 0
    removed: int = 0
    doubt: Doubt | None = None
    skipped: list[str] = field(default_factory=list)  # records whose JSON was not the file the build wrote
    changed: list[str] = field(default_factory=list)  # the raw texts whose rows were replaced or deleted
    error: str | None = None


@lru_cache(maxsize=1)
def expected_master() -> frozenset[tuple[str, str, str, str | None]]:
    """``sqlite_master`` of an empty archive: every table, index, the full-text index's shadow tables."""
    with contextlib.closing(sqlite3.connect(":memory:")) as db:
        for ddl in statements():
            db.execute(ddl)
        return _master(db)


def _master(db: sqlite3.Connection) -> frozenset[tuple[str, str, str, str | None]]:
    return frozenset(db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))


def _connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    mode = "ro" if readonly else "rw"
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True, isolation_level=None)
    # Never run anything a file defines (its triggers or views) on our behalf.
    db.execute("PRAGMA trusted_schema = OFF")
    db.execute("PRAGMA foreign_keys = ON")
    return db


def open_checked(path: Path, *, readonly: bool = True, deep: bool = True, verified: bool = False) -> sqlite3.Connection:
    """The archive at ``path``, checked to be one this program wrote; else ArchiveError.
    ``verified``: this process checked its pages (or wrote them) a moment ago, in the same
    build: its schema and format are checked again, its pages are not read again (SQLite's
    check reads the whole file, 16 MB for 1,000 records, and grows with them)."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        raise ArchiveError(path, Doubt.MISSING) from None
    if not stat.S_ISREG(info.st_mode):
        raise ArchiveError(path, Doubt.NOT_A_FILE)
    try:
        db = _connect(path, readonly=readonly)
    except sqlite3.Error:
        raise ArchiveError(path, Doubt.NOT_SQLITE) from None
    try:
        try:
            master = _master(db)
        except sqlite3.Error:
            raise ArchiveError(path, Doubt.NOT_SQLITE) from None
        if master != expected_master():
            raise ArchiveError(path, Doubt.OTHER_SCHEMA)
        try:
            if not verified and db.execute("PRAGMA quick_check").fetchone() != ("ok",):
                raise ArchiveError(path, Doubt.DAMAGED)
            if deep and not verified:
                _check_search(db)
            info_rows = dict(db.execute("SELECT key, value FROM archive_info"))
        except sqlite3.Error:
            raise ArchiveError(path, Doubt.DAMAGED) from None
        if info_rows.get("format") != str(FORMAT):
            raise ArchiveError(path, Doubt.OTHER_FORMAT)
    except BaseException:
        db.close()
        raise
    return db


def _check_search(db: sqlite3.Connection) -> None:
    """The full-text index's own integrity check. It writes nothing, but SQLite runs it as a
    write: on a file this process may not write it is left out (the queries then fail on
    damage they meet, in one line)."""
    try:
        db.execute("INSERT INTO search(search) VALUES ('integrity-check')")
    except sqlite3.OperationalError as error:
        if "readonly" not in str(error):
            raise


def _read_record(out_dir: Path, stem: str, sha256: str) -> Record | None:
    """NAME.json as the build wrote it (its digest), read without following a symlink; else None."""
    try:
        data = read_back(out_dir / f"{stem}.json")
    except OSError:
        return None
    if digest(data) != sha256:
        return None
    from ..record import record_from_json  # (only a record that changed is read: a no-op build needs no pydantic)

    try:
        return record_from_json(data.decode("utf-8"))
    except ValueError:
        return None


def _insert(db: sqlite3.Connection, rows: RecordRows) -> None:
    for table, values in rows.tables.items():
        if values:
            marks = ", ".join("?" * len(values[0]))
            db.executemany(f"INSERT INTO {table} VALUES ({marks})", values)
    db.executemany("INSERT INTO search (file, part, position, heading, text) VALUES (?, ?, ?, ?, ?)", rows.search)


def _delete(db: sqlite3.Connection, file: str) -> None:
    db.execute("DELETE FROM meetings WHERE file = ?", (file,))  # the other tables follow (ON DELETE CASCADE)
    db.execute("DELETE FROM search WHERE file = ?", (file,))


def _create(path: Path) -> None:
    """A new, empty archive at ``path`` (anything there is removed first)."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    for suffix in ("-journal", "-wal", "-shm"):  # a stale journal would be replayed into the new file
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as db:
        db.execute("BEGIN")
        for ddl in statements():
            db.execute(ddl)
        db.execute("INSERT INTO archive_info VALUES ('format', ?)", (str(FORMAT),))
        db.execute("COMMIT")
    path.chmod(0o644)


# The archive's file signature when a build last checked or wrote it: while it is the same,
# the file is as that build left it, and SQLite's checks, which read the whole file (170 MB
# for 10,000 records), are not run again. Anything but a signature is no signature.
CHECKED_NAME = ".archive-checked.json"
_CHECKED = msgspec.json.Decoder(tuple[int, int, int, int])


def _checked_before(out_dir: Path, path: Path) -> bool:
    try:
        recorded = _CHECKED.decode(read_back(out_dir / CHECKED_NAME))
    except (OSError, msgspec.DecodeError):
        return False
    return recorded == file_signature(str(path))


def _remember_checked(out_dir: Path, path: Path) -> None:
    signature = file_signature(str(path))
    # (not written, a disk full say: the next build checks the archive again)
    with contextlib.suppress(OSError):
        if signature is not None:
            write_atomic(out_dir / CHECKED_NAME, json.dumps(signature).encode("utf-8"))


def sync(out_dir: Path, records: dict[str, tuple[str, str]]) -> ArchiveResult:
    """Bring OUT_DIR/archive.sqlite to ``records`` ({raw text name: (stem, JSON digest)})."""
    path = out_dir / ARCHIVE_NAME
    doubt: Doubt | None = None
    checked = _checked_before(out_dir, path)
    try:
        db = open_checked(path, readonly=False, verified=checked)
    except ArchiveError as error:
        doubt = error.doubt
        try:
            _create(path)
            db = open_checked(path, readonly=False, deep=False)
        except (OSError, sqlite3.Error, ArchiveError) as failure:
            return ArchiveResult(ArchiveStatus.FAILED, doubt=doubt, error=f"{path}: cannot write: {failure}")
    try:
        result = _sync(db, out_dir, records, doubt)
    except sqlite3.Error as failure:  # disk full, or damage found mid-way: the next build starts afresh
        with contextlib.suppress(OSError):
            path.unlink()
        return ArchiveResult(ArchiveStatus.FAILED, doubt=doubt, error=f"{path}: cannot update: {failure}")
    finally:
        db.close()
    if result.status is not ArchiveStatus.UNCHANGED or not checked:  # (unchanged and checked: as it was)
        _remember_checked(out_dir, path)
    return result


def _sync(
    db: sqlite3.Connection, out_dir: Path, records: dict[str, tuple[str, str]], doubt: Doubt | None
) -> ArchiveResult:
    present = dict(db.execute("SELECT file, record_sha256 FROM meetings"))
    stale = sorted(set(present) - set(records))
    changed = sorted(name for name, (_, digest) in records.items() if present.get(name) != digest)
    result = ArchiveResult(ArchiveStatus.REBUILT if doubt else ArchiveStatus.UNCHANGED, doubt=doubt)
    if not stale and not changed:
        return result
    db.execute("BEGIN IMMEDIATE")
    try:
        for name in stale:
            _delete(db, name)
        for name in changed:
            stem, digest = records[name]
            record = _read_record(out_dir, stem, digest)
            if name in present:
                _delete(db, name)
            if record is None or record.source.file != name:
                result.skipped.append(name)
                continue
            rows = record_rows(record, stem, digest)
            _insert(db, rows)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    result.updated, result.removed = len(changed) - len(result.skipped), len(stale)
    result.changed = sorted(stale + changed)
    if not doubt:
        result.status = ArchiveStatus.UPDATED
    return result


def dump(db: sqlite3.Connection) -> Iterator[str]:
    """Every row of every table in a stable order, one JSON line each: the archive's content,
    whatever order builds wrote it in (the database file's bytes depend on its history)."""
    for table, key, _ in TABLES:
        for row in db.execute(f"SELECT * FROM {table} ORDER BY {key}"):
            yield json.dumps([table, *row], ensure_ascii=False)
    for row in db.execute(f"SELECT file, part, position, heading, text FROM search ORDER BY {SEARCH_ORDER}"):
        yield json.dumps(["search", *row], ensure_ascii=False)
