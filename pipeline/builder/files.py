"""Writing into OUT_DIR, and reading back from it.

Every file is written complete or not at all. Whatever is read back from OUT_DIR
(the manifest, the book's layout, earlier briefings and books) is untrusted
input: anyone may have replaced a file by a symlink to somewhere else, a FIFO or
garbage, so it is opened without following symlinks and checked against the
digest the build recorded when it wrote it.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from functools import lru_cache, partial
from pathlib import Path
from typing import BinaryIO, Protocol

from ..render.i18n import briefing_suffixes
from ..settings import LANGUAGES, Language
from .index import INDEX_NAME

# What a build writes for each raw text, after its stem: its record, and its briefings in
# each language (``NAME.docx``, ``NAME.pdf`` in English, ``NAME.ko.docx``, ``NAME.ko.pdf``)...
OUTPUT_SUFFIXES = (".json", *(suffix for language in LANGUAGES for suffix in briefing_suffixes(language)))
# ...and across all of them (``book.write_collection``): the book, or once the archive
# outgrows one book, its volumes, each named after the years of its meetings
# (briefing-book-1995-1998, briefing-book-2005-2 for a second volume of 2005 alone).
BOOK_STEM = "briefing-book"
VOLUME_STEM = re.compile(rf"{BOOK_STEM}(?:-(?:\d{{4}}(?:-\d{{4}})?|undated)(?:-\d+)?)?")
_LANGUAGE_TAGS = "|".join(re.escape(briefing_suffixes(code)[1].removesuffix(".pdf")) for code in LANGUAGES)
_BOOK_NAME = re.compile(rf"(?P<stem>{VOLUME_STEM.pattern})(?P<tag>{_LANGUAGE_TAGS})\.(?:pdf|docx)")


def book_names(language: Language, stem: str = BOOK_STEM) -> tuple[str, str]:
    """The PDF book's and the DOCX book's names in ``language`` (English: briefing-book.pdf,
    .docx), or those of the volume ``stem``."""
    docx, pdf = briefing_suffixes(language)
    return f"{stem}{pdf}", f"{stem}{docx}"


def book_language(name: str) -> Language | None:
    """The language of the book or volume file ``name`` (None: no book's name)."""
    found = _BOOK_NAME.fullmatch(name)
    if found is None:
        return None
    return next(code for code in LANGUAGES if briefing_suffixes(code)[1].removesuffix(".pdf") == found["tag"])


def collection_outputs(languages: tuple[Language, ...]) -> tuple[str, ...]:
    """The collection's files in ``languages``: the index, and the book in each."""
    return (INDEX_NAME, *(name for language in languages for name in book_names(language)))


COLLECTION_OUTPUTS = collection_outputs(("en",))  # (in English, the book in one volume: dist --country's)
ALL_COLLECTION_OUTPUTS = collection_outputs(LANGUAGES)
# ...and the pre-send report of the last build (``checks.write_checks``): no raw text may take these names.
CHECKS_NAME = "checks.pdf"


def checks_name(language: Language) -> str:
    """The pre-send report in ``language``: checks.pdf, checks.ko.pdf."""
    return f"checks{briefing_suffixes(language)[1]}"


RESERVED_OUTPUTS = (*ALL_COLLECTION_OUTPUTS, *(checks_name(language) for language in LANGUAGES))
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


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def output_suffixes(languages: tuple[Language, ...]) -> tuple[str, ...]:
    """The suffixes of the files a build in ``languages`` writes for each raw text."""
    return (".json", *(suffix for language in languages for suffix in briefing_suffixes(language)))


def outputs_of(stem: str) -> list[str]:
    """The files one raw text can yield in OUT_DIR, in any language."""
    return [f"{stem}{suffix}" for suffix in OUTPUT_SUFFIXES]


def remove_outputs(out_dir: Path, stem: str) -> None:
    for name in outputs_of(stem):
        with suppress(OSError):  # a read-only folder: the failure is already being reported
            (out_dir / name).unlink(missing_ok=True)


def write_outputs(stem: str, outputs: dict[str, bytes], out_dir: Path) -> dict[str, str]:
    """All of a text's files, or (disk full, folder read-only) none of them.
    -> the digest of each, by suffix: what the next build checks them against."""
    try:
        for suffix, data in outputs.items():
            write_atomic(out_dir / f"{stem}{suffix}", data)
    except BaseException:
        remove_outputs(out_dir, stem)
        raise
    return {suffix: digest(data) for suffix, data in outputs.items()}


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
_NOT_IN_NAMES = frozenset("/\\\0")  # an output's name is one plain name in OUT_DIR


class Witness:
    """What each output in OUT_DIR was when a build last wrote or read it: its digest, and
    the inode, size, modification and change times that vouch for it. A file whose stat is
    the one recorded is not read again (no user's edit leaves its change time as it was,
    as git's index relies on); any other is hashed. The record is read back from OUT_DIR,
    so it is untrusted: anything but the exact shape ``save`` writes is ignored whole, and
    every file is hashed, as before there was one."""

    def __init__(self, out_dir: Path, files: dict[str, tuple[str, tuple[int, int, int, int]]]) -> None:
        self.out_dir = out_dir
        self.folder = os.fspath(out_dir)  # (a string: a Path per file is a third of a no-op build's time)
        self.files = files
        self.seen: set[str] = set()  # vouched for by this build already: no second stat
        self.changed = False

    @classmethod
    def load(cls, out_dir: Path) -> Witness:
        try:
            data = json.loads(read_back(out_dir / WITNESS_NAME))
            files = {name: _witnessed(row) for name, row in data.items() if _plain_name(name)}
            if len(files) != len(data):
                raise ValueError("a name that is no output's")
        except (OSError, ValueError, TypeError, AttributeError, RecursionError):
            files = {}
        return cls(out_dir, files)

    def digest(self, name: str) -> str | None:
        """The digest of ``name`` in OUT_DIR (None when it is missing or not a regular file)."""
        signature = _signature(f"{self.folder}{os.sep}{name}")
        known = self.files.get(name)
        if signature is not None and known is not None and known[1] == signature:
            self.seen.add(name)
            return known[0]
        found = digest_back(self.out_dir / name)
        if found is not None and signature is not None:
            self._record(name, found, signature)
            self.seen.add(name)
        return found

    def vouch(self, digests: dict[str, str]) -> None:
        """Record the files this build wrote (or found intact) with the digests it holds for
        them, and forget every other file."""
        for name, expected in digests.items():
            if name in self.seen and self.files[name][0] == expected:
                continue  # (found as the build left it, and not written since)
            signature = _signature(f"{self.folder}{os.sep}{name}")
            known = self.files.get(name)
            if signature is not None and known != (expected, signature):
                self._record(name, expected, signature)
        for name in set(self.files) - set(digests):
            del self.files[name]
            self.changed = True

    def save(self) -> None:
        if self.changed:
            rows = {name: [found, *signature] for name, (found, signature) in sorted(self.files.items())}
            write_atomic(self.out_dir / WITNESS_NAME, json.dumps(rows, separators=(",", ":")).encode("utf-8"))
            self.changed = False

    def _record(self, name: str, found: str, signature: tuple[int, int, int, int]) -> None:
        self.files[name] = (found, signature)
        self.changed = True


def _signature(path: str) -> tuple[int, int, int, int] | None:
    try:
        status = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(status.st_mode):
        return None
    return status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns


def _plain_name(name: object) -> bool:
    return type(name) is str and bool(name) and not name.startswith(".") and not set(name) & _NOT_IN_NAMES


def _witnessed(row: object) -> tuple[str, tuple[int, int, int, int]]:
    if (
        type(row) is not list
        or len(row) != 5
        or type(row[0]) is not str
        or not DIGEST.fullmatch(row[0])
        or any(type(number) is not int or number < 0 for number in row[1:])
    ):
        raise ValueError("not a digest and a stat")
    return row[0], (row[1], row[2], row[3], row[4])


# --- outputs someone changed ------------------------------------------------------------------

EDITED_DIR = "edited"


def edited_name(name: str, stamp: str, taken: Callable[[str], bool]) -> str:
    """``NAME.<stamp>.ext`` for ``NAME.ext`` (``NAME.<stamp>-2.ext`` and on while taken)."""
    stem, dot, suffix = name.rpartition(".")
    stem, suffix = (stem, dot + suffix) if stem else (name, "")
    candidate = f"{stem}.{stamp}{suffix}"
    number = 1
    while taken(candidate):
        number += 1
        candidate = f"{stem}.{stamp}-{number}{suffix}"
    return candidate


def _taken(folder: Path, name: str) -> bool:
    return os.path.lexists(folder / name)


def check_outputs(
    out_dir: Path, digests: dict[str, str], stamp: str, witness: Witness
) -> tuple[set[str], list[tuple[str, str]]]:
    """Each file named in ``digests`` against the digest the build wrote it with.
    -> (the names that are as written, [(name, where it was moved)]): a regular file whose
    bytes changed (someone edited it) is moved to ``edited/NAME.<stamp>.ext`` rather than
    left to be overwritten or removed; a symlink, FIFO or missing file is not a user's
    edit of ours, and is simply rebuilt."""
    intact_names, moved = set(), []
    for name, expected in digests.items():
        found = witness.digest(name)
        if found == expected:
            intact_names.add(name)
            continue
        path = out_dir / name
        if found is None or not stat.S_ISREG(path.lstat().st_mode):
            continue
        folder = out_dir / EDITED_DIR
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            raise OSError(0, f"{EDITED_DIR} is not a folder; move it away to keep edited outputs", str(folder))
        folder.mkdir(exist_ok=True)
        kept = edited_name(name, stamp, partial(_taken, folder))
        path.rename(folder / kept)
        moved.append((name, f"{EDITED_DIR}/{kept}"))
    return intact_names, moved
