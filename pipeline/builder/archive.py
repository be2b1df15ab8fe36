"""The build's hook into the archive (OUT_DIR/archive.sqlite) and the web archive
(OUT_DIR/site/): both follow the records the manifest keeps, after every build."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..archive import ARCHIVE_NAME, ArchiveError, ArchiveStatus, Doubt, open_checked, sync
from ..archive.schema import METADATA_NAME, datasette_metadata
from ..outdir import read_back, write_atomic
from .manifest import Manifest
from .report import Reporter, Summary


def archive_records(manifest: Manifest) -> dict[str, tuple[str, str]]:
    """What the archive follows of each text the manifest keeps: its stem and its record's digest."""
    return {name: (entry.summary.stem, entry.outputs[".json"]) for name, entry in manifest.files.items()}


@dataclass
class ArchiveOutcome(Reporter):
    """What ``update_archive`` told, when it ran in a process of its own: put into the
    build's summary and said to its user by ``replay``."""

    errors: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    stage_seconds: dict[str, float] = field(default_factory=dict)

    def message(self, text: str) -> None:
        self.lines.append(text)

    def replay(self, summary: Summary, reporter: Reporter) -> None:
        summary.errors += self.errors
        summary.stage_seconds |= self.stage_seconds
        for line in self.lines:
            reporter.message(line)


def update_archive_apart(out_dir: Path, records: dict[str, tuple[str, str]]) -> ArchiveOutcome:
    """``update_archive`` in a worker process, beside the book: what it told, to replay."""
    summary, outcome = Summary(), ArchiveOutcome()
    update_archive(out_dir, records, summary, outcome)
    outcome.errors, outcome.stage_seconds = summary.errors, summary.stage_seconds
    return outcome


def update_archive(out_dir: Path, records: dict[str, tuple[str, str]], summary: Summary, reporter: Reporter) -> None:
    """The archive's rows for the records that changed (``records``: ``archive_records``), and
    none for the texts removed. A failure is one line and an error of the build (the briefings
    stand; the next build retries)."""
    clock = time.perf_counter()
    result = sync(out_dir, records)
    summary.stage_seconds["archive"] = time.perf_counter() - clock
    if result.status is ArchiveStatus.FAILED and result.error:
        summary.errors.append(result.error)
        reporter.message(result.error)
    elif result.doubt not in (None, Doubt.MISSING):
        reporter.message(f"{out_dir / 'archive.sqlite'}: {result.doubt}: rebuilt from the records")
    try:
        _write_if_changed(out_dir / METADATA_NAME, (json.dumps(datasette_metadata(), indent=2) + "\n").encode())
    except OSError as error:  # disk full: the next build writes it
        summary.errors.append(f"{out_dir / METADATA_NAME}: cannot write: {error.strerror or error}")
        reporter.message(summary.errors[-1])
    if result.status is not ArchiveStatus.FAILED:
        # Rebuilt: every page is in doubt; else the site looks at its pages only when some
        # record's rows changed (which pages that changes, the site tells by their keys).
        changed = None if result.status is ArchiveStatus.REBUILT else set(result.changed)
        _update_site(out_dir, changed, summary, reporter)


def _update_site(out_dir: Path, changed: set[str] | None, summary: Summary, reporter: Reporter) -> None:
    """OUT_DIR/site from the archive; a failure is one line and an error of the build."""
    from ..site import SiteStatus, update_site

    clock = time.perf_counter()
    try:
        # (the sync before it, in this build, checked the file or wrote it)
        with contextlib.closing(open_checked(out_dir / ARCHIVE_NAME, readonly=True, deep=False, verified=True)) as db:
            site = update_site(out_dir, db, changed)
    except (ArchiveError, OSError, sqlite3.Error) as error:
        summary.errors.append(f"{out_dir / 'site'}: not written: {error}")
        reporter.message(summary.errors[-1])
        return
    finally:
        summary.stage_seconds["site"] = time.perf_counter() - clock
    if site.status is SiteStatus.FAILED and site.error:
        summary.errors.append(site.error)
        reporter.message(site.error)


def _write_if_changed(path: Path, data: bytes) -> None:
    """``data`` at ``path`` unless it is there already (read back without following a symlink)."""
    try:
        if read_back(path) == data:
            return
    except OSError:
        pass
    write_atomic(path, data)
