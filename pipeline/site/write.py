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

from ..outdir import DIGEST, Witness, digest, read_back, write_atomic
from .search import (
    MEETINGS_DIR,
    SEARCH_DIR,
    clear_path,
    has_interface,
    index_shards,
    prune_merged,
    remove_stale,
    shard_count,
    shard_folder,
)
from .version import site_version

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


def _recorded_keys(out_dir: Path) -> dict[str, str]:
    """The key of every page the last build left, if it made them with this site's code and
    templates (else none: every page is in doubt). Read back from OUT_DIR: anything but the
    shape ``_save_keys`` writes is ignored whole."""
    try:
        data = json.loads(read_back(out_dir / KEYS_NAME))
    except (OSError, ValueError, RecursionError):
        return {}
    if type(data) is not dict or set(data) != {"version", "pages"} or data["version"] != site_version():
        return {}
    pages = data["pages"]
    if type(pages) is not dict or not all(type(key) is str and DIGEST.fullmatch(key) for key in pages.values()):
        return {}
    return pages


def _save_keys(out_dir: Path, keys: dict[str, str], recorded: dict[str, str]) -> None:
    if keys != recorded:
        data = {"version": site_version(), "pages": dict(sorted(keys.items()))}
        write_atomic(out_dir / KEYS_NAME, json.dumps(data, separators=(",", ":")).encode("utf-8"))


def update_site(out_dir: Path, db: sqlite3.Connection, changed: set[str] | None) -> SiteResult:
    """OUT_DIR/site for the archive ``db`` (checked by the caller), after the records ``changed``
    (raw text names, updated or removed) changed in it; None: any may have."""
    site, witness, recorded = out_dir / SITE_DIR, _witness(out_dir), _recorded_keys(out_dir)
    whole = changed is None or not recorded or not intact(out_dir, witness)
    if not whole and not changed:
        witness.save()  # (the stat of a file found intact by its digest, copied say: not hashed again)
        return SiteResult(SiteStatus.UNCHANGED)
    if site.is_symlink() or (site.exists() and not site.is_dir()):
        clear_path(site)
    site.mkdir(exist_ok=True)
    files = _files(site)
    if files is None:  # a symlink somewhere inside: start the folder afresh
        clear_path(site)
        site.mkdir()
        files = set()
    # (imported here: a build with nothing to do for the site needs no pages nor Jinja2)
    from .data import drop_details, load, load_details
    from .pages import meeting_page_name, search_bundles, site_pages

    archive = load(db)
    bundles = search_bundles(archive)
    pages = site_pages(archive, bundles)
    # Only the pages whose key changed (what they show), or that are missing, are rendered:
    # the meeting pages of the records that changed, the lists that hold them, the pages of
    # their places and countries. The site in any doubt: every page (each written only if its
    # bytes differ).
    due = {name for name, (key, _) in pages.items() if whole or name not in files or recorded.get(name) != key}
    result = SiteResult(SiteStatus.UPDATED)
    meetings_due = {name: meeting for meeting in archive.meetings if (name := meeting_page_name(meeting)) in due}
    touched = _write_changed(
        site, files, [(name, pages[name][1]) for name in sorted(due - meetings_due.keys())], witness, result
    )
    # A meeting's page shows its record's details, read for a batch of pages at a time and let
    # go once they are written: the whole archive's would be held at once.
    names = sorted(meetings_due)
    for batch in (names[start : start + DETAILS_BATCH] for start in range(0, len(names), DETAILS_BATCH)):
        load_details(db, archive, {meetings_due[name].file for name in batch})
        touched |= _write_changed(site, files, [(name, pages[name][1]) for name in batch], witness, result)
        for name in batch:
            drop_details(meetings_due[name])
    for name in sorted(files):
        if name not in pages and not name.startswith(f"{SEARCH_DIR}/"):
            (site / name).unlink()
            touched.add(name)
            result.removed += 1
    for folder, _, _ in sorted(os.walk(site), reverse=True):  # folders left empty
        if folder != str(site) and not any(Path(folder).iterdir()):
            Path(folder).rmdir()
    # Pagefind indexes the meeting pages, shard by shard: again where one of a shard's pages
    # was written or removed, or its bundle is not the one the last build left. Only once
    # every page is in place (see search.py).
    count = shard_count(len(archive.meetings))
    remove_stale(site, bundles)
    changed_bundles = {shard_folder(name, count) for name in touched if name.startswith(f"{MEETINGS_DIR}/")}
    first = next(iter(bundles), "")  # (the bundle whose interface the search page loads)
    stale = {
        folder: names
        for folder, names in bundles.items()
        if folder in changed_bundles
        or not _intact_bundle(site, folder, witness)
        or (folder == first and not has_interface(site / folder))
    }
    if stale:
        result.error = index_shards(site, stale)
    for folder in bundles:  # the bundles merged into the first one keep only what merging reads
        if folder != first and (site / folder).is_dir():
            prune_merged(site / folder)
    # What the witness records: the digests of the pages rendered now, and of the rest (the
    # pages left as they were, Pagefind's files) by their stat, hashed only when it changed.
    final = {name: result.digests.get(name) or witness.digest(name) for name in _files(site) or {}}
    witness.vouch({name: found for name, found in final.items() if found is not None}, touched)
    witness.save()
    _save_keys(out_dir, {name: key for name, (key, _) in pages.items()}, recorded)
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
