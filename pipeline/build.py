"""The batch runner: every raw text in a folder -> its outputs, one status per file."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .parse import parse
from .reader import read
from .record import record_to_json


@dataclass(frozen=True)
class FileResult:
    file: str
    status: str  # "built" or "failed"
    error: str | None = None


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it: readers never see half a file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def raw_files(raw_dir: Path) -> list[Path]:
    return sorted(path for path in raw_dir.glob("*.txt") if path.is_file())


def build_file(path: Path, out_dir: Path) -> FileResult:
    try:
        record = parse(read(path))
    except InputError as error:
        return FileResult(path.name, "failed", str(error))
    write_atomic(out_dir / f"{path.stem}.json", record_to_json(record).encode("utf-8"))
    return FileResult(path.name, "built")


def build(raw_dir: Path, out_dir: Path) -> list[FileResult]:
    out_dir.mkdir(parents=True, exist_ok=True)
    return [build_file(path, out_dir) for path in raw_files(raw_dir)]
