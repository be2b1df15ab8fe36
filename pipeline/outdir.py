"""OUT_DIR's files: written complete or not at all, and read back as untrusted input.

Every file a build leaves in OUT_DIR (a text's outputs, the collection, the web archive's
pages) is written under a temporary name and renamed. Whatever is read back from OUT_DIR
is untrusted: anyone may have replaced a file by a symlink to somewhere else, a FIFO or
garbage, so it is opened without following symlinks and checked against the digest the
build recorded when it wrote it. Here, at the bottom of the layers, so that the builder
and the web archive share one copy of each.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import stat
import tempfile
from collections.abc import Collection, Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Annotated, BinaryIO, Protocol

import msgspec

# Temporary files carry no part of the output's name, so a name that fits the
# file system also fits while it is being written; `build` removes leftovers by
# this pattern.
TEMPORARY_PREFIX, TEMPORARY_SUFFIX = ".", ".tmp"
STALE_TEMPORARIES = f"{TEMPORARY_PREFIX}*{TEMPORARY_SUFFIX}"


class OutputOpener(Protocol):
    """``atomic_output`` or a stand-in: a writable stream whose file is complete or absent."""

    def __call__(self, path: Path) -> AbstractContextManager[BinaryIO]: ...


@contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """A file written under a temporary name beside ``path`` and renamed once complete:
    readers never see half a file, and a symlink at ``path`` is replaced, never written
    through. (Opened for reading too: a zip appends to itself.)"""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX)
    try:
        with os.fdopen(handle, "w+b") as stream:
            yield stream
        Path(temporary).chmod(output_mode())  # mkstemp makes it private; outputs are for sharing
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: bytes) -> None:
    with atomic_output(path) as stream:
        stream.write(data)


@lru_cache(maxsize=1)
def output_mode() -> int:
    """The mode a plain open() would give, read once (os.umask can only be read by setting it)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


DIGEST = re.compile(r"[0-9a-f]{64}")  # a SHA-256 digest as hexdigest() writes it
# The types of what the build's own records hold, checked by msgspec as they are read back
Digest = Annotated[str, msgspec.Meta(pattern=f"^{DIGEST.pattern}$")]
Count = Annotated[int, msgspec.Meta(ge=0)]


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- reading back ---------------------------------------------------------------------------


@contextmanager
def _open_back(path: Path) -> Iterator[io.BufferedReader]:
    """``path`` for reading, only if it is a regular file itself: a symlink (out of
    OUT_DIR, say) is never followed, and a FIFO or device is never read (it could
    block or never end). OSError otherwise."""
    # O_NONBLOCK: opening a FIFO would otherwise wait for a writer; it changes nothing for a regular file.
    handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise OSError(f"{path.name}: not a regular file")
        yield stream


def clear_path(path: Path) -> None:
    """Remove whatever ``path`` is (a symlink itself, never what it points to)."""
    if path.is_symlink() or (path.exists() and not path.is_dir()):
        path.unlink()
    elif path.is_dir():
        import shutil  # (only for a folder where a file was wanted: not on every build's path)

        shutil.rmtree(path)


def read_back(path: Path) -> bytes:
    """The bytes of a file in OUT_DIR, read as untrusted input; OSError when it is not a regular file."""
    with _open_back(path) as stream:
        return stream.read()


def digest_back(path: Path) -> str | None:
    """The digest of a file in OUT_DIR, read as untrusted input; None when it is missing,
    not a regular file or unreadable (whatever it is, it is not what the build wrote)."""
    try:
        with _open_back(path) as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError:
        return None


WITNESS_NAME = ".outputs.json"


class Witness:
    """What each output in OUT_DIR was when a build last wrote or read it: its digest, and
    the inode, size, modification and change times that vouch for it. A file whose stat is
    the one recorded is not read again (no user's edit leaves its change time as it was,
    as git's index relies on); any other is hashed. The record is read back from OUT_DIR,
    so it is untrusted: anything but the shape ``save`` writes (plain names, rows of a digest
    and four counts) is ignored whole, and every file is hashed, as before there was one; a
    digest is believed only as far as the build's own agrees with it.

    ``record`` is where it is kept (OUT_DIR's own by default). ``nested``: the names are
    paths under ``out_dir`` (``meetings/x.html`` in the web archive), each part a plain name
    (no ``..``, nothing absolute); a folder on the way is not checked here, so the caller
    makes sure none is a symlink before it trusts a digest (``site.write`` walks the folder)."""

    def __init__(
        self, out_dir: Path, files: dict[str, tuple[str, tuple[int, int, int, int]]], record: Path | None = None
    ) -> None:
        self.out_dir = out_dir
        self.record = record or out_dir / WITNESS_NAME
        self.folder = os.fspath(out_dir)  # (a string: a Path per file is a third of a no-op build's time)
        self.files = files
        self.seen: set[str] = set()  # vouched for by this build already: no second stat
        self.changed = False

    @classmethod
    def load(cls, out_dir: Path, record: Path | None = None, nested: bool = False) -> Witness:
        record = record or out_dir / WITNESS_NAME
        try:
            rows = (_NESTED_ROWS if nested else _PLAIN_ROWS).decode(read_back(record))
        except (OSError, msgspec.DecodeError):  # (a ValidationError is a DecodeError)
            rows = {}
        return cls(out_dir, {name: (row[0], row[1:]) for name, row in rows.items()}, record)

    def digest(self, name: str) -> str | None:
        """The digest of ``name`` in OUT_DIR (None when it is missing or not a regular file)."""
        signature = file_signature(f"{self.folder}{os.sep}{name}")
        known = self.files.get(name)
        if signature is not None and known is not None and known[1] == signature:
            self.seen.add(name)
            return known[0]
        found = digest_back(self.out_dir / name)
        if found is not None and signature is not None:
            self._record(name, found, signature)
            self.seen.add(name)
        return found

    def vouch(self, digests: dict[str, str], written: Collection[str] = ()) -> None:
        """Record the files this build found intact or ``written`` with the digests it holds
        for them, and forget every other file."""
        for name, expected in digests.items():
            if name in self.seen and name not in written and self.files[name][0] == expected:
                continue  # (found as the build left it, and not written since)
            signature = file_signature(f"{self.folder}{os.sep}{name}")
            known = self.files.get(name)
            if signature is not None and known != (expected, signature):
                self._record(name, expected, signature)
        for name in set(self.files) - set(digests):
            del self.files[name]
            self.changed = True

    def save(self) -> None:
        if self.changed:
            rows = {name: (found, *signature) for name, (found, signature) in self.files.items()}
            write_atomic(self.record, msgspec.json.encode(rows, order="sorted"))
            self.changed = False

    def _record(self, name: str, found: str, signature: tuple[int, int, int, int]) -> None:
        self.files[name] = (found, signature)
        self.changed = True


def file_signature(path: str) -> tuple[int, int, int, int] | None:
    """A regular file's inode, size, modification and change times (None for anything else):
    any write to it changes them, and the change time cannot be set back."""
    try:
        status = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(status.st_mode):
        return None
    return status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns


# An output's name: one plain name in OUT_DIR, or (``nested``) a path of plain names under it;
# never a dotfile (the build's own records), never "..".
_PLAIN_PART = r"[^./\\\x00][^/\\\x00]*"
_PlainName = Annotated[str, msgspec.Meta(pattern=f"^{_PLAIN_PART}$")]
_NestedName = Annotated[str, msgspec.Meta(pattern=f"^(?:{_PLAIN_PART}/)*{_PLAIN_PART}$")]
# A row: the digest, then the stat that vouches for it (inode, size, modification and change time).
# The digest is only ever compared with one the build holds: a wrong one, whatever its shape, is
# a file that is not the build's, so it is not matched against a pattern here.
_Row = tuple[str, Count, Count, Count, Count]
# (msgspec checks each row in C as it decodes: a Python check per row was a sixth of a no-op build)
_PLAIN_ROWS = msgspec.json.Decoder(dict[_PlainName, _Row])
_NESTED_ROWS = msgspec.json.Decoder(dict[_NestedName, _Row])
