"""Writing into OUT_DIR: every file complete or absent, never half written."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO, Protocol

OUTPUT_SUFFIXES = (".json", ".docx", ".pdf")


class OutputOpener(Protocol):
    """``atomic_output`` or a stand-in: a writable stream whose file is complete or absent."""

    def __call__(self, path: Path) -> AbstractContextManager[BinaryIO]: ...


@contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """A file written under a temporary name beside ``path`` and renamed once complete:
    readers never see half a file. (Opened for reading too: a zip appends to itself.)"""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w+b") as stream:
            yield stream
        Path(temporary).chmod(_file_mode())  # mkstemp makes it private; outputs are for sharing
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: bytes) -> None:
    with atomic_output(path) as stream:
        stream.write(data)


@lru_cache(maxsize=1)
def _file_mode() -> int:
    """The mode a plain open() would give, read once (os.umask can only be read by setting it)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def outputs_of(stem: str) -> list[str]:
    """The files one raw text yields in OUT_DIR."""
    return [f"{stem}{suffix}" for suffix in OUTPUT_SUFFIXES]


def remove_outputs(out_dir: Path, stem: str) -> None:
    for name in outputs_of(stem):
        with suppress(OSError):  # a read-only folder: the failure is already being reported
            (out_dir / name).unlink(missing_ok=True)


def write_outputs(stem: str, outputs: dict[str, bytes], out_dir: Path) -> list[Path]:
    """All of a text's files, or (disk full, folder read-only) none of them. -> their paths."""
    written = []
    try:
        for suffix, data in outputs.items():
            written.append(out_dir / f"{stem}{suffix}")
            write_atomic(written[-1], data)
        return written
    except BaseException:
        remove_outputs(out_dir, stem)
        raise
