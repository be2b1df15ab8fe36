"""The archive: every built record in one SQLite database (OUT_DIR/archive.sqlite),
updated incrementally by each build, and the queries over it (search, history, who)."""

from __future__ import annotations

from .schema import ARCHIVE_NAME, FORMAT
from .store import ArchiveError, ArchiveResult, ArchiveStatus, Doubt, dump, open_checked, sync

__all__ = [
    "ARCHIVE_NAME",
    "FORMAT",
    "ArchiveError",
    "ArchiveResult",
    "ArchiveStatus",
    "Doubt",
    "dump",
    "open_checked",
    "sync",
]
