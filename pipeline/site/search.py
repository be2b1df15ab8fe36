"""The site's search: Pagefind indexes of the meeting pages, in shards.

Pagefind indexes what it is given all at once (1.2 s for 1,000 meeting pages here, growing
with them), so the meeting pages are dealt into shards by a digest of their names, each its
own Pagefind bundle (``pagefind/3-of-8/``), and the search page merges them in the browser
(PagefindUI's ``mergeIndex``). A build indexes again only the shards one of whose pages was
written or removed: a new text costs its shard, about 0.2 s at 1,000 meetings.

There are as many shards as the largest power of two whose square is at most an eighth of the
meeting pages: one up to 31 pages, 8 for 1,000 (about 125 pages each), 32 for 10,000 (about
310). What one change indexes and how many bundles a search opens both grow with the square
root of the archive. A shard's folder names the count, so when the count changes every shard
is new and indexed once.

Each Pagefind run writes into a staging folder outside the site and its bundle is moved into
place once every run has ended: a run walks the site, and one walking a folder that another
was writing into now and then never finished.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import BinaryIO

from ..outdir import clear_path

SEARCH_DIR = "pagefind"
MEETINGS_DIR = "meetings"
SHARD_SQUARE_PER_PAGE = 8  # shards² × this <= meeting pages
PAGEFIND_SECONDS = 30  # and a second for every ten pages of the shard (125 pages take 0.2 s)
PAGEFIND_TRIES = 2
TIMED_OUT = "pagefind did not finish in time"


def shard_count(pages: int) -> int:
    """How many shards ``pages`` meeting pages are dealt into (see the module's docstring)."""
    count = 1
    while (2 * count) ** 2 * SHARD_SQUARE_PER_PAGE <= pages:
        count *= 2
    return count


def shard_folder(page: str, count: int) -> str:
    """The folder, inside the site, of the bundle that indexes the meeting page ``page``."""
    index = int(hashlib.sha256(page.encode("utf-8", "surrogateescape")).hexdigest()[:8], 16) % count
    return f"{SEARCH_DIR}/{index + 1}-of-{count}"


def shards(pages: Iterable[str]) -> dict[str, list[str]]:
    """The meeting pages (``meetings/NAME.html``) by the folder of their shard's bundle, in
    order; a shard no page falls into has no bundle."""
    meeting_pages = sorted(pages)
    count = shard_count(len(meeting_pages))
    dealt: dict[str, list[str]] = {}
    for page in meeting_pages:
        dealt.setdefault(shard_folder(page, count), []).append(page)
    return dict(sorted(dealt.items(), key=lambda item: int(item[0].rsplit("/", 1)[1].split("-", 1)[0])))


@dataclass
class _Run:
    folder: str
    staged: Path
    pages: int
    process: subprocess.Popen[bytes] | None
    messages: BinaryIO | None
    error: str | None = None


def _glob(pages: list[str]) -> str:
    """A Pagefind (wax) glob of exactly ``pages``: names made by ``text.stem_slug``, plain
    letters, digits, dots, dashes and underscores, none of them special in a glob."""
    names = ",".join(page.removeprefix(f"{MEETINGS_DIR}/") for page in pages)
    return f"{MEETINGS_DIR}/{{{names}}}"


@cache
def _pagefind() -> tuple[str, ...]:
    """Pagefind's binary from its [bin] extra, run as ``python -m pagefind`` runs it, without
    starting Python for each shard (50 ms a run here); else ``python -m pagefind`` itself."""
    try:
        from pagefind_bin import get_executable

        return (str(get_executable()),)
    except (ImportError, OSError):
        return (sys.executable, "-m", "pagefind")


def _start(site: Path, staging: Path, folder: str, pages: list[str]) -> _Run:
    """Pagefind indexing ``pages`` into ``staging``, running, its messages going to a file (a
    pipe left unread until it ends could fill and stop it); its stdin closed (it would share
    the caller's)."""
    staged = staging / folder.replace("/", "_")
    command = [
        *_pagefind(), "--site", str(site), "--output-path", str(staged), "--glob", _glob(pages), "--silent",
    ]  # fmt: skip
    messages = tempfile.TemporaryFile()  # noqa: SIM115 (closed by _finish, once Pagefind ends)
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=messages, stderr=messages)
    except OSError as error:
        messages.close()
        return _Run(folder, staged, len(pages), None, None, f"{site}: the search index was not built: {error}")
    return _Run(folder, staged, len(pages), process, messages)


def _finish(site: Path, run: _Run) -> None:
    if run.process is None or run.messages is None:
        return
    with run.messages:
        try:
            run.process.wait(timeout=PAGEFIND_SECONDS + run.pages // 10)
        except subprocess.TimeoutExpired:
            run.process.kill()
            run.process.wait()
            run.error = f"{site}: the search index was not built: {TIMED_OUT}"
            return
        if run.process.returncode != 0:
            run.messages.seek(0)
            text = run.messages.read().decode("utf-8", "replace")
            last = (text.strip().splitlines() or ["no message"])[-1]
            run.error = f"{site}: the search index was not built: pagefind: {last}"


def remove_stale(site: Path, wanted: Iterable[str]) -> None:
    """Remove from ``site/pagefind/`` everything but the bundle folders ``wanted``: the
    bundles of an earlier shard count, of a shard left without pages, a file."""
    search, kept = site / SEARCH_DIR, set(wanted)
    if search.is_symlink() or (search.exists() and not search.is_dir()):
        clear_path(search)
    if search.is_dir():
        for entry in search.iterdir():
            if f"{SEARCH_DIR}/{entry.name}" not in kept:
                clear_path(entry)


# What a bundle merged into the first one needs of its files: its entry and its metadata (and
# its folders: the index, the fragments). The interface, the scripts and the WebAssembly the
# search runs on are the first bundle's (seen in Chromium): 580 kB less in each other bundle.
MERGED_FILES = ("pagefind-entry.json",)
MERGED_SUFFIXES = (".pf_meta",)
INTERFACE = "pagefind-ui.js"


def prune_merged(bundle: Path) -> None:
    """Remove from a bundle merged into the first one the files only the first one's are used of."""
    for entry in bundle.iterdir():
        if entry.is_file() and entry.name not in MERGED_FILES and not entry.name.endswith(MERGED_SUFFIXES):
            entry.unlink()


def has_interface(bundle: Path) -> bool:
    """Whether a bundle holds the search's interface (the first one must: the page loads it)."""
    return (bundle / INTERFACE).is_file()


def index_shards(site: Path, due: dict[str, list[str]]) -> str | None:
    """Index each shard of ``due`` (its folder -> its pages), at most as many at a time as
    there are cores, and move each bundle into place once every run has ended; a shard that
    failed is left without a bundle, so the next build indexes it again. -> the first error
    line, or None. A run that hangs is tried again once."""
    at_once = max(1, min(len(due), os.cpu_count() or 1))
    errors: list[str] = []
    with tempfile.TemporaryDirectory(prefix=".search-", dir=site.parent) as staging_dir:
        staging = Path(staging_dir)
        pending, done = sorted(due), []
        for _ in range(PAGEFIND_TRIES):
            timed_out = []
            for start in range(0, len(pending), at_once):
                runs = [_start(site, staging, folder, due[folder]) for folder in pending[start : start + at_once]]
                for run in runs:
                    _finish(site, run)
                    if run.error and run.error.endswith(TIMED_OUT):
                        timed_out.append(run.folder)
                    elif run.error:
                        errors.append(run.error)
                    else:
                        done.append(run)
            pending = timed_out
            if not pending:
                break
        errors.extend(f"{site}: the search index was not built: {TIMED_OUT}" for _ in pending[:1])
        (site / SEARCH_DIR).mkdir(parents=True, exist_ok=True)
        for folder in due:
            clear_path(site / folder)
        for run in done:
            run.staged.replace(site / run.folder)
    return errors[0] if errors else None
