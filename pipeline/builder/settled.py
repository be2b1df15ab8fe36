"""The settled state: what RAW_DIR and OUT_DIR looked like when a build ended with nothing
left to retry, and what a build with nothing to do reports then (``.settled.json``).

While both folders hold the same names with the same stats (inode, size, modification and
change times: any write changes them) and the build is the same one (code, model, settings,
languages, the site's templates), a build has nothing to do: it tells that report again,
without reading the manifest nor checking each output against its digest. That build is
the one a user runs most often; it costs a listing and a stat of each file. Anything else
(a text touched, an output edited or removed, a stale temporary, a new language) differs
from the state recorded, and the build goes the whole way, which forgets it first.

Read back from OUT_DIR, so untrusted: anything but the shape ``save`` writes is ignored, and
a state that matches only replays lines that go through the reporter (which escapes them).
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import msgspec

from ..outdir import read_back, write_atomic
from .report import FileResult, FileStatus

SETTLED_NAME = ".settled.json"
FORMAT = 1


class _Row(msgspec.Struct, array_like=True, forbid_unknown_fields=True):
    file: str
    status: FileStatus
    error: str | None
    needs_checking: bool
    checks: tuple[str, ...]
    check_codes: tuple[str, ...]


class _Shape(msgspec.Struct, forbid_unknown_fields=True):
    format: int
    key: str
    raw: str
    tree: str
    ignored: tuple[str, ...]
    results: tuple[_Row, ...]


_DECODER = msgspec.json.Decoder(_Shape)


@dataclass(frozen=True)
class Settled:
    """``key``: the build (``build_key``); ``raw`` and ``tree``: the two folders' states
    (``raw_state``, ``tree_state``); ``ignored`` and ``results``: what a build with nothing
    to do reports, its failures in the order it tells them."""

    key: str
    raw: str
    tree: str
    ignored: tuple[str, ...]
    results: tuple[FileResult, ...]

    @classmethod
    def load(cls, out_dir: Path) -> Settled | None:
        """The state the last build recorded in OUT_DIR; None when there is none of the right shape."""
        try:
            shape = _DECODER.decode(read_back(out_dir / SETTLED_NAME))
        except (OSError, msgspec.DecodeError):  # (a ValidationError is a DecodeError)
            return None
        if shape.format != FORMAT or not all(map(_as_told, shape.results)):
            return None
        results = tuple(
            FileResult(row.file, row.status, row.error, row.needs_checking, False, row.checks, row.check_codes)
            for row in shape.results
        )
        return cls(shape.key, shape.raw, shape.tree, shape.ignored, results)

    def save(self, out_dir: Path) -> None:
        rows = [
            [result.file, result.status, result.error, result.needs_checking, result.checks, result.check_codes]
            for result in self.results
        ]
        shape = {"format": FORMAT, "key": self.key, "raw": self.raw, "tree": self.tree}
        write_atomic(out_dir / SETTLED_NAME, msgspec.json.encode(shape | {"ignored": self.ignored, "results": rows}))


def _as_told(row: _Row) -> bool:
    """Whether a build with nothing to do could tell ``row``: unchanged with its notes, or failed with its line."""
    if row.status is FileStatus.UNCHANGED:
        return row.error is None and len(row.checks) == len(row.check_codes)
    return row.status is FileStatus.FAILED and row.error is not None and not row.checks and not row.check_codes


def build_key(parts: Iterable[str]) -> str:
    """One digest of what makes a build the same one."""
    return hashlib.blake2b("\0".join(parts).encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()


def raw_state(raw_dir: Path) -> str | None:
    """RAW_DIR's names and stats (of a symlink's own and of where it leads); None when it
    cannot be listed."""
    rows: list[str] = []
    try:
        with os.scandir(raw_dir) as listing:
            for entry in listing:
                rows.append(_row(entry.name, entry.stat(follow_symlinks=False)))
                if entry.is_symlink():
                    rows.append(_led_to(entry))
    except OSError:
        return None
    return _state(rows)


def _led_to(link: os.DirEntry[str]) -> str:
    """A symlink's row for where it leads (what a build reads through it)."""
    try:
        return _row(f"{link.name} ->", link.stat())
    except OSError:  # (dangling, or a loop: its own stat says it all)
        return f"{link.name} ->"


def tree_state(
    out_dir: Path, own: Iterable[str], known: Mapping[str, tuple[int, int, int, int]] | None = None
) -> str | None:
    """The names and stats of everything under OUT_DIR but its ``own`` names at the top (the
    lock, this record); None when some folder cannot be listed. ``known``: the signature
    (``outdir.file_signature``) of regular files, by path, as the build that wrote or checked
    them last saw them; they are not stat again, and each must be there as a regular file,
    else None. (One there but no longer as known makes a state that the folder as it is does
    not have: a build with nothing to do then goes the whole way, which checks every output.)"""
    rows: list[str] = []
    known = known or {}
    try:
        found_known = _walk(os.fspath(out_dir), "", rows, frozenset(own), known)
    except OSError:
        return None
    return _state(rows) if found_known == len(known) else None


def _walk(
    folder: str,
    prefix: str,
    rows: list[str],
    skipped: frozenset[str],
    known: Mapping[str, tuple[int, int, int, int]],
) -> int:
    """-> how many of the ``known`` files it found."""
    found_known = 0
    # (each entry is looked at in the order the folder lists it: in name order, the stats of
    # 13,000 files took half as long again)
    with os.scandir(folder) as listing:
        for entry in listing:
            if entry.name in skipped:
                continue
            name = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):  # (a folder's own times change with what is in it)
                rows.append(f"{name}/")
                found_known += _walk(entry.path, f"{name}/", rows, frozenset(), known)
                continue
            # (a regular file's row is its signature: a change of its mode changes its change time)
            signature = known.get(name) if entry.is_file(follow_symlinks=False) else None
            if signature is None:
                status = entry.stat(follow_symlinks=False)
                if not stat.S_ISREG(status.st_mode):
                    rows.append(_row(name, status))
                    continue
                signature = (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)
            else:
                found_known += 1
            rows.append(f"{name}\0{signature[0]}\0{signature[1]}\0{signature[2]}\0{signature[3]}")
    return found_known


def _row(name: str, status: os.stat_result) -> str:
    return f"{name}\0{status.st_mode}\0{status.st_ino}\0{status.st_size}\0{status.st_mtime_ns}\0{status.st_ctime_ns}"


def _state(rows: list[str]) -> str:
    """One digest of ``rows``, in an order that does not depend on the listing's."""
    rows.sort()
    return hashlib.blake2b("\n".join(rows).encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
