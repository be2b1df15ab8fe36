"""OUT_DIR/site/: written from the archive, page by page, only where a page's bytes change.

``OUT_DIR/.site.json`` is a witness (``outdir.Witness``) of every file the last build left in
the site (its pages and Pagefind's index): its digest, and the stat that vouches for it. A
build whose archive did not change checks the site against it (every file there, nothing
else, no symlink; a file is hashed only when its stat is not the one recorded) and leaves
it alone. A build whose records changed renders only the pages whose key changed (what each
shows, as a digest, kept in ``OUT_DIR/.site-pages.json``: see ``pages.site_pages``). Any
doubt renders every page again; either way a page is written only where its bytes differ,
what is not a page is removed, and Pagefind indexes the meeting pages again when one of them
was written or removed.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from ..memory import release_free_memory
from ..outdir import DIGEST, Witness, clear_path, digest, read_back, write_atomic
from .search import (
    MEETINGS_DIR,
    SEARCH_DIR,
    has_interface,
    index_shards,
    prune_merged,
    remove_stale,
    shard_count,
    shard_folder,
    shards,
)
from .version import site_version

if TYPE_CHECKING:
    from .data import Meeting

SITE_DIR = "site"
DIGESTS_NAME = ".site.json"
KEYS_NAME = ".site-pages.json"  # the key of each page: what it shows, as a digest
DETAILS_BATCH = 500  # meeting pages whose records' details are held at once


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
    digests: dict[str, str] = field(default_factory=dict)  # of the pages rendered, by name


def _files(site: Path) -> set[str] | None:
    """The relative path of every file under ``site``; None when anything there is a symlink or
    neither a file nor a folder. (By the entries' types as the folder lists them: no stat per
    file, and no Path object per file.)"""
    found: set[str] = set()
    folders = [(os.fspath(site), "")]
    while folders:
        folder, prefix = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_symlink():
                    return None
                if entry.is_dir(follow_symlinks=False):
                    folders.append((entry.path, f"{prefix}{entry.name}/"))
                elif entry.is_file(follow_symlinks=False):
                    found.add(f"{prefix}{entry.name}")
                else:
                    return None
    return found


def _witness(out_dir: Path) -> Witness:
    """What the last build left in OUT_DIR/site, by the record it kept (empty when there is none
    of the right shape)."""
    return Witness.load(out_dir / SITE_DIR, out_dir / DIGESTS_NAME, nested=True)


def recorded_signatures(out_dir: Path) -> dict[str, tuple[int, int, int, int]]:
    """The stat the site's record holds of each of its files (``outdir.file_signature``), by
    its path under OUT_DIR."""
    return {f"{SITE_DIR}/{name}": row[1] for name, row in _witness(out_dir).files.items()}


def _as_recorded(witness: Witness, names: Iterable[str]) -> bool:
    """Whether each of ``names`` (listed by ``_files``: no symlink on the way) is the file the
    witness recorded; a file is hashed only when its stat is not the one recorded."""
    recorded = {name: witness.files[name][0] for name in names}  # (before digest() records what it finds)
    return all(witness.digest(name) == expected for name, expected in recorded.items())


def intact(out_dir: Path, witness: Witness | None = None) -> bool:
    """Whether OUT_DIR/site holds exactly the files the last build left there."""
    site, witness = out_dir / SITE_DIR, witness or _witness(out_dir)
    if not witness.files or site.is_symlink() or not site.is_dir():
        return False
    files = _files(site)
    return files is not None and files == set(witness.files) and _as_recorded(witness, files)


def _write_changed(
    site: Path, files: set[str], pages: Iterable[tuple[str, Callable[[], bytes]]], witness: Witness, result: SiteResult
) -> set[str]:
    """Each page (rendered one at a time: a country's page of a large archive is a megabyte)
    whose bytes are not those of the file there; the digest of every page in ``result.digests``
    (what the witness records of it). -> the names written."""
    written = set()
    for name, render in pages:
        data = render()
        result.digests[name] = digest(data)
        if name not in files or witness.digest(name) != result.digests[name]:
            (site / name).parent.mkdir(parents=True, exist_ok=True)
            write_atomic(site / name, data)
            written.add(name)
    result.written += len(written)
    return written


@dataclass
class Recorded:
    """What the last build recorded of the pages it left (``.site-pages.json``): the key of
    every page, and of every meeting its page and its crossing (``data.crossing``)."""

    pages: dict[str, str] = field(default_factory=dict)
    meetings: dict[str, tuple[str, str]] = field(default_factory=dict)


def _is_digest(value: object) -> bool:
    return type(value) is str and DIGEST.fullmatch(value) is not None


def _recorded(out_dir: Path) -> Recorded:
    """The keys the last build recorded, if it made its pages with this site's code and
    templates (else none: every page is in doubt). Read back from OUT_DIR: anything but the
    shape ``_save_keys`` writes is ignored whole."""
    try:
        data = json.loads(read_back(out_dir / KEYS_NAME))
    except (OSError, ValueError, RecursionError):
        return Recorded()
    if type(data) is not dict or set(data) != {"version", "pages", "meetings"} or data["version"] != site_version():
        return Recorded()
    pages, meetings = data["pages"], data["meetings"]
    if type(pages) is not dict or not all(_is_digest(key) for key in pages.values()) or type(meetings) is not dict:
        return Recorded()
    shown: dict[str, tuple[str, str]] = {}
    for file, value in meetings.items():
        if type(value) is not list or len(value) != 2 or type(value[0]) is not str or not _is_digest(value[1]):
            return Recorded()
        shown[file] = (value[0], value[1])
    return Recorded(pages, shown)


def _save_keys(out_dir: Path, keys: Recorded, recorded: Recorded) -> None:
    if keys != recorded:
        data = {
            "version": site_version(),
            "pages": dict(sorted(keys.pages.items())),
            "meetings": {file: list(shown) for file, shown in sorted(keys.meetings.items())},
        }
        write_atomic(out_dir / KEYS_NAME, json.dumps(data, separators=(",", ":")).encode("utf-8"))


@dataclass
class _Plan:
    """What an update renders: ``pages`` (every page, with its key and what renders it: None
    for a page kept as it is), the names ``due`` to render, the meetings whose pages are due
    (their details are read for them), the search's bundles, and the keys to record."""

    pages: dict[str, tuple[str, Callable[[], bytes] | None]]
    due: set[str]
    meetings_due: dict[str, Meeting]
    bundles: dict[str, list[str]]
    keys: Recorded
    whole_site: bool  # every page is in ``pages``: any other file is removed


def _all_pages(db: sqlite3.Connection, recorded: Recorded, files: set[str], whole: bool) -> _Plan:
    """Every page; those whose key changed, or that are missing, are due (all of them, with
    ``whole``): the meeting pages of the records that changed, the lists that hold them, the
    pages of their places and countries."""
    from .data import crossing, load
    from .pages import meeting_page_name, search_bundles, site_pages

    archive = load(db)
    bundles = search_bundles(archive)
    pages: dict[str, tuple[str, Callable[[], bytes] | None]] = dict(site_pages(archive, bundles))
    due = {name for name, (key, _) in pages.items() if whole or name not in files or recorded.pages.get(name) != key}
    meetings_due = {name: meeting for meeting in archive.meetings if (name := meeting_page_name(meeting)) in due}
    keys = Recorded(
        {name: key for name, (key, _) in pages.items()},
        {meeting.file: (meeting.page, crossing(meeting)) for meeting in archive.meetings},
    )
    return _Plan(pages, due, meetings_due, bundles, keys, whole_site=True)


def _own_pages_only(db: sqlite3.Connection, changed: set[str], recorded: Recorded) -> _Plan | None:
    """The pages of the records ``changed`` alone, when each is still there and shows across
    records what it showed (its crossing): no list, place or country page can have changed.
    None otherwise."""
    from .data import crossing, load_meetings
    from .pages import meeting_page, meeting_page_name

    if not changed <= recorded.meetings.keys():
        return None
    meetings = load_meetings(db, {file: recorded.meetings[file][0] for file in changed})
    if len(meetings) != len(changed) or any(
        crossing(meeting) != recorded.meetings[meeting.file][1] for meeting in meetings
    ):
        return None
    pages: dict[str, tuple[str, Callable[[], bytes] | None]] = {
        name: (key, None) for name, key in recorded.pages.items()
    }
    meetings_due: dict[str, Meeting] = {}
    for meeting in meetings:
        name = meeting_page_name(meeting)
        if name not in pages:
            return None
        pages[name] = meeting_page(meeting)
        meetings_due[name] = meeting
    bundles = shards(name for name in recorded.pages if name.startswith(f"{MEETINGS_DIR}/"))
    keys = Recorded({name: key for name, (key, _) in pages.items()}, recorded.meetings)
    return _Plan(pages, set(meetings_due), meetings_due, bundles, keys, whole_site=False)


def _rendered(
    pages: dict[str, tuple[str, Callable[[], bytes] | None]], names: Iterable[str]
) -> list[tuple[str, Callable[[], bytes]]]:
    return [(name, render) for name in names if (render := pages[name][1]) is not None]


def update_site(out_dir: Path, db: sqlite3.Connection, changed: set[str] | None) -> SiteResult:
    """OUT_DIR/site for the archive ``db`` (checked by the caller), after the records ``changed``
    (raw text names, updated or removed) changed in it; None: any may have."""
    site, witness, recorded = out_dir / SITE_DIR, _witness(out_dir), _recorded(out_dir)
    whole = changed is None or not recorded.pages or not intact(out_dir, witness)
    if not whole and not changed:
        witness.save()  # (the stat of a file found intact by its digest, copied say: not hashed again)
        return SiteResult(SiteStatus.UNCHANGED)
    if site.is_symlink() or (site.exists() and not site.is_dir()):
        clear_path(site)
    site.mkdir(exist_ok=True)
    # (intact: every file there is the one recorded, no symlink on the way)
    files = set(witness.files) if not whole else _files(site)
    if files is None:  # a symlink somewhere inside: start the folder afresh
        clear_path(site)
        site.mkdir()
        files = set()
    # (imported here: a build with nothing to do for the site needs no pages nor Jinja2)
    from .data import drop_details, load_details

    plan = None if whole or changed is None else _own_pages_only(db, changed, recorded)
    if plan is None:
        plan = _all_pages(db, recorded, files, whole)
    result = SiteResult(SiteStatus.UPDATED)
    touched = _write_changed(
        site, files, _rendered(plan.pages, sorted(plan.due - plan.meetings_due.keys())), witness, result
    )
    # A meeting's page shows its record's details, read for a batch of pages at a time and let
    # go once they are written: the whole archive's would be held at once.
    names = sorted(plan.meetings_due)
    for batch in (names[start : start + DETAILS_BATCH] for start in range(0, len(names), DETAILS_BATCH)):
        load_details(db, [plan.meetings_due[name] for name in batch])
        touched |= _write_changed(site, files, _rendered(plan.pages, batch), witness, result)
        for name in batch:
            drop_details(plan.meetings_due[name])
    if plan.whole_site:
        for name in sorted(files):
            if name not in plan.pages and not name.startswith(f"{SEARCH_DIR}/"):
                (site / name).unlink()
                touched.add(name)
                result.removed += 1
        for folder, _, _ in sorted(os.walk(site), reverse=True):  # folders left empty
            if folder != str(site) and not any(Path(folder).iterdir()):
                Path(folder).rmdir()
    # Pagefind indexes the meeting pages, shard by shard: again where one of a shard's pages
    # was written or removed, or its bundle is not the one the last build left. Only once
    # every page is in place (see search.py), and the archive they were rendered from let go
    # (its processes run beside this one: at 10,000 texts it held 130 MB).
    bundles, keys, whole_site = plan.bundles, plan.keys, plan.whole_site
    del plan
    if whole:  # (every page rendered: a large archive's objects let go; else too few to matter)
        release_free_memory()
    count = shard_count(sum(len(names) for names in bundles.values()))
    remove_stale(site, bundles)
    changed_bundles = {shard_folder(name, count) for name in touched if name.startswith(f"{MEETINGS_DIR}/")}
    first = next(iter(bundles), "")  # (the bundle whose interface the search page loads)
    stale = {
        folder: names
        for folder, names in bundles.items()
        if folder in changed_bundles
        or (whole and not _intact_bundle(site, folder, witness))  # (else the site was found intact)
        or (folder == first and not has_interface(site / folder))
    }
    if stale:
        result.error = index_shards(site, stale)
    # The bundles merged into the first one keep only what merging reads (all of them when any
    # page may have come or gone: the first bundle may be another one now).
    for folder in bundles if whole_site else stale:
        if folder != first and (site / folder).is_dir():
            prune_merged(site / folder)
    # What the witness records: the digests of the pages rendered now, and of the rest (the
    # pages left as they were, Pagefind's files) by their stat, hashed only when it changed;
    # a file found intact before (and not in a bundle indexed now) as it was found.
    indexed = tuple(f"{folder}/" for folder in stale)
    if whole_site:
        now = _files(site) or set()
    else:
        now = {name for name in files if not name.startswith(indexed)}
        now |= {f"{folder}/{name}" for folder in stale for name in (_files(site / folder) or ())}

    def found(name: str) -> str | None:
        if name in result.digests:
            return result.digests[name]
        if name in witness.seen and not name.startswith(indexed):
            return witness.files[name][0]
        return witness.digest(name)

    final = {name: found(name) for name in now}
    witness.vouch({name: digest for name, digest in final.items() if digest is not None}, touched)
    witness.save()
    _save_keys(out_dir, keys, recorded)
    if result.error:
        result.status = SiteStatus.FAILED
    return result


def _intact_bundle(site: Path, folder: str, witness: Witness) -> bool:
    """Whether the search bundle ``folder`` (``pagefind/3-of-8``) holds the files the last
    build recorded there."""
    bundle = site / folder
    files = _files(bundle) if bundle.is_dir() and not bundle.is_symlink() else None
    if not files:
        return False
    names = {f"{folder}/{name}" for name in files}
    return names == {name for name in witness.files if name.startswith(f"{folder}/")} and _as_recorded(witness, names)


def site_members(out_dir: Path) -> list[tuple[str, bytes]]:
    """The site's files for the distribution zip (``site/NAME``), as the last build left them;
    none when no build made a site; ValueError when it is not the site the build left."""
    witness = _witness(out_dir)
    if not witness.files and not (out_dir / DIGESTS_NAME).exists():
        return []
    if not intact(out_dir, witness):
        raise ValueError("site/ is not the folder the build wrote")
    site = out_dir / SITE_DIR
    members = []
    for name, (expected, _) in sorted(witness.files.items()):
        data = read_back(site / name)
        if digest(data) != expected:
            raise ValueError(f"site/{name} is not the file the build wrote")
        members.append((f"{SITE_DIR}/{name}", data))
    return members
