"""The archive: every built record in one SQLite database (OUT_DIR/archive.sqlite),
updated incrementally by each build, and the queries over it (search, history, who).

Names are imported on first use: the builder reads the archive's file names on every
build, and a build with nothing to do must not pay for the record model (pydantic).
"""

from __future__ import annotations

from .._exports import lazy_exports

_EXPORTS = {
    "ARCHIVE_NAME": "schema",
    "FORMAT": "schema",
    "ArchiveError": "store",
    "ArchiveResult": "store",
    "ArchiveStatus": "store",
    "Doubt": "store",
    "dump": "store",
    "open_checked": "store",
    "sync": "store",
}

__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
