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
import os
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
# ...and across all of them (``book.write_collection``).
BOOK_STEM = "briefing-book"


def book_names(language: Language) -> tuple[str, str]:
    """The PDF book's and the DOCX book's names in ``language`` (English: briefing-book.pdf, .docx)."""
    docx, pdf = briefing_suffixes(language)
    return f"{BOOK_STEM}{pdf}", f"{BOOK_STEM}{docx}"


def collection_outputs(languages: tuple[Language, ...]) -> tuple[str, ...]:
    """The collection's files in ``languages``: the index, and the book in each."""
    return (INDEX_NAME, *(name for language in languages for name in book_names(language)))


COLLECTION_OUTPUTS = collection_outputs(("en",))  # (the collection in English: what dist hands out)
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


def intact(out_dir: Path, digests: dict[str, str]) -> bool:
    """Whether every file named in ``digests`` is in OUT_DIR as the build wrote it."""
    return all(digest_back(out_dir / name) == expected for name, expected in digests.items())


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


def check_outputs(out_dir: Path, digests: dict[str, str], stamp: str) -> tuple[set[str], list[tuple[str, str]]]:
    """Each file named in ``digests`` against the digest the build wrote it with.
    -> (the names that are as written, [(name, where it was moved)]): a regular file whose
    bytes changed (someone edited it) is moved to ``edited/NAME.<stamp>.ext`` rather than
    left to be overwritten or removed; a symlink, FIFO or missing file is not a user's
    edit of ours, and is simply rebuilt."""
    intact_names, moved = set(), []
    for name, expected in digests.items():
        path = out_dir / name
        found = digest_back(path)
        if found == expected:
            intact_names.add(name)
            continue
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
