"""OUT_DIR/site/: written from the archive, page by page, only where a page's bytes change.

``OUT_DIR/.site.json`` keeps the digest of every file the last build left in the site
(its pages and Pagefind's index). A build whose archive did not change checks the site
against it (every file there, nothing else, no symlink) and leaves it alone; any
doubt renders every page again, writes the ones whose bytes differ, removes what is
not a page, and indexes the site again with Pagefind.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from ..outdir import DIGEST, digest, read_back, write_atomic
from .data import load
from .pages import meeting_page_names, meeting_pages, other_pages, place_page_names

SITE_DIR = "site"
DIGESTS_NAME = ".site.json"
SEARCH_DIR = "pagefind"
PAGEFIND_SECONDS = 30  # and a second for every ten meeting pages (it takes 1.5 s for 1,000)
PAGEFIND_TRIES = 2
TIMED_OUT = "pagefind did not finish in time"


class SiteStatus(StrEnum):
    UNCHANGED = "unchanged"
    UPDATED = "updated"
    FAILED = "failed"


@dataclass
class SiteResult:
    status: SiteStatus
    written: int = 0
    removed: int = 0
    error: str | None = None


def _files(site: Path) -> dict[str, Path] | None:
    """Every file under ``site`` by its relative path; None when anything there is a symlink or
    neither a file nor a folder."""
    found: dict[str, Path] = {}
    for folder, folders, names in os.walk(site):  # (os.walk never follows a symlinked folder)
        for name in folders + names:
            path = Path(folder) / name
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode) or not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
                return None
            if stat.S_ISREG(mode):
                found[path.relative_to(site).as_posix()] = path
    return found


def _recorded(out_dir: Path) -> dict[str, str] | None:
    try:
        data = json.loads(read_back(out_dir / DIGESTS_NAME))
    except (OSError, ValueError, RecursionError):
        return None
    if type(data) is not dict or not all(
        type(key) is str and type(value) is str and DIGEST.fullmatch(value) for key, value in data.items()
    ):
        return None
    return data


def intact(out_dir: Path) -> bool:
    """Whether OUT_DIR/site holds exactly the files the last build left there."""
    site, recorded = out_dir / SITE_DIR, _recorded(out_dir)
    if recorded is None or site.is_symlink() or not site.is_dir():
        return False
    files = _files(site)
    if files is None or set(files) != set(recorded):
        return False
    try:
        return all(digest(read_back(files[name])) == recorded[name] for name in recorded)
    except OSError:
        return False


def _clear(path: Path) -> None:
    """Remove whatever ``path`` is (a symlink itself, never what it points to)."""
    if path.is_symlink() or (path.exists() and not path.is_dir()):
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)


PAGEFIND_GLOB = "meetings/*.html"  # only the meeting pages are searched


def _start_index(site: Path) -> tuple[subprocess.Popen[bytes], BinaryIO] | str:
    """Pagefind indexing the meeting pages into site/pagefind/, running, with the file its
    messages go to (a file: a pipe left unread until it ends could fill and stop it); or the
    line that says why it could not start. Its stdin is closed: it would share the caller's."""
    _clear(site / SEARCH_DIR)
    command = [
        sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", SEARCH_DIR,
        "--glob", PAGEFIND_GLOB, "--silent",
    ]  # fmt: skip
    messages = tempfile.TemporaryFile()  # noqa: SIM115 (closed by _finish_index, once Pagefind ends)
    try:
        running = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=messages, stderr=messages)
    except OSError as error:
        messages.close()
        return f"{site}: the search index was not built: {error}"
    return running, messages


def _finish_index(site: Path, started: tuple[subprocess.Popen[bytes], BinaryIO] | str, timeout: int) -> str | None:
    if isinstance(started, str):
        return started
    running, messages = started
    with messages:
        try:
            running.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            running.kill()
            running.wait()
            return f"{site}: the search index was not built: {TIMED_OUT}"
        if running.returncode != 0:
            messages.seek(0)
            text = messages.read().decode("utf-8", "replace")
            last = (text.strip().splitlines() or ["no message"])[-1]
            return f"{site}: the search index was not built: pagefind: {last}"
    return None


def _write_changed(site: Path, files: dict[str, Path], pages: dict[str, bytes], result: SiteResult) -> None:
    for name, data in pages.items():
        try:
            same = name in files and read_back(files[name]) == data
        except OSError:
            same = False
        if not same:
            (site / name).parent.mkdir(parents=True, exist_ok=True)
            write_atomic(site / name, data)
            result.written += 1


def update_site(
    out_dir: Path, db: sqlite3.Connection, changed: set[str] | None, identities: set[str] | None = None
) -> SiteResult:
    """OUT_DIR/site for the archive ``db`` (checked by the caller), after the records ``changed``
    (raw text names, updated or removed) changed in it, listing or no longer listing the
    participants ``identities``; None: any may have."""
    site = out_dir / SITE_DIR
    whole = changed is None or not intact(out_dir)
    if not whole and not changed:
        return SiteResult(SiteStatus.UNCHANGED)
    if site.is_symlink() or (site.exists() and not site.is_dir()):
        _clear(site)
    site.mkdir(exist_ok=True)
    files = _files(site)
    if files is None:  # a symlink somewhere inside: start the folder afresh
        _clear(site)
        site.mkdir()
        files = {}
    archive = load(db)
    result = SiteResult(SiteStatus.UPDATED)
    # Meeting pages of the changed records only, when the rest is as the last build left
    # it (a meeting's page shows its own record alone).
    _write_changed(site, files, meeting_pages(archive, None if whole else changed), result)
    expected = meeting_page_names(archive)
    for name, path in files.items():
        if name.startswith("meetings/") and name not in expected:
            path.unlink()
            result.removed += 1
    searchable = bool(result.written or result.removed) or not intact_search(out_dir)
    # A place's page lists the meetings it took part in: only those of the identities the
    # changed records list (or listed) can differ; a place page missing is rendered too.
    missing = {place.id for place in archive.places if f"places/{place.page}.html" not in files}
    others = other_pages(archive, None if whole or identities is None else identities | missing)
    _write_changed(site, files, others, result)
    kept = set(others) | place_page_names(archive)
    for name, path in files.items():
        if name not in kept and not name.startswith(("meetings/", f"{SEARCH_DIR}/")):
            path.unlink()
            result.removed += 1
    for folder, _, _ in sorted(os.walk(site), reverse=True):  # folders left empty
        if folder != str(site) and not any(Path(folder).iterdir()):
            Path(folder).rmdir()
    # Pagefind only once every page is in place: run while pages were being written into the
    # folder it walks, it now and then never finished (threads waiting on each other).
    if searchable:
        timeout = PAGEFIND_SECONDS + len(expected) // 10
        for _ in range(PAGEFIND_TRIES):  # (and a run that hangs all the same is tried again)
            result.error = _finish_index(site, _start_index(site), timeout)
            if result.error is None or not result.error.endswith(TIMED_OUT):
                break
    final = _files(site) or {}
    digests = {name: digest(read_back(path)) for name, path in sorted(final.items())}
    write_atomic(out_dir / DIGESTS_NAME, (json.dumps(digests, indent=0) + "\n").encode())
    if result.error:
        result.status = SiteStatus.FAILED
    return result


def intact_search(out_dir: Path) -> bool:
    """Whether Pagefind's files are the ones the last build recorded."""
    recorded = _recorded(out_dir) or {}
    search = out_dir / SITE_DIR / SEARCH_DIR
    files = _files(search) if search.is_dir() and not search.is_symlink() else None
    if not files:
        return False
    names = {f"{SEARCH_DIR}/{name}": path for name, path in files.items()}
    if set(names) != {name for name in recorded if name.startswith(f"{SEARCH_DIR}/")}:
        return False
    try:
        return all(digest(read_back(path)) == recorded[name] for name, path in names.items())
    except OSError:
        return False


def site_members(out_dir: Path) -> list[tuple[str, bytes]]:
    """The site's files for the distribution zip (``site/NAME``), as the last build left them;
    none when no build made a site; ValueError when it is not the site the build left."""
    recorded = _recorded(out_dir)
    if recorded is None and not (out_dir / DIGESTS_NAME).exists():
        return []
    if recorded is None or not intact(out_dir):
        raise ValueError("site/ is not the folder the build wrote")
    site = out_dir / SITE_DIR
    members = []
    for name in sorted(recorded):
        data = read_back(site / name)
        if digest(data) != recorded[name]:
            raise ValueError(f"site/{name} is not the file the build wrote")
        members.append((f"{SITE_DIR}/{name}", data))
    return members
