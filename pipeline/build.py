"""The batch runner: every raw text in a folder -> its outputs, one status per file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .briefing import build_briefing, document_timestamp
from .errors import InputError
from .parse import parse
from .reader import read
from .record import Record, record_to_json
from .write_docx import render_docx
from .write_pdf import render_pdf


@dataclass(frozen=True)
class FileResult:
    file: str
    status: str  # "built" or "failed"
    error: str | None = None


def _file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it: readers never see half a file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, _file_mode())  # mkstemp makes it private; outputs are for sharing
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def raw_files(raw_dir: Path) -> list[Path]:
    return sorted(path for path in raw_dir.glob("*.txt") if path.is_file())


def parse_file(path: Path) -> Record:
    return parse(read(path))


def render_outputs(record: Record, paper: str = "a4") -> dict[str, bytes]:
    """Every file a record yields, by suffix; all rendered before any is written."""
    briefing = build_briefing(record)
    return {
        ".json": record_to_json(record).encode("utf-8"),
        ".docx": render_docx(briefing, document_timestamp(), paper),
        ".pdf": render_pdf(briefing, paper),
    }


def build(raw_dir: Path, out_dir: Path, tagger: Callable[[list[Record]], list[Record]],
          paper: str = "a4") -> list[FileResult]:
    """Parse every raw text, tag all records in one batch, write each record's JSON, DOCX and PDF."""
    out_dir.mkdir(parents=True, exist_ok=True)
    results: dict[str, FileResult] = {}
    parsed: list[tuple[Path, Record]] = []
    for path in raw_files(raw_dir):
        try:
            parsed.append((path, parse_file(path)))
        except InputError as error:
            results[path.name] = FileResult(path.name, "failed", str(error))
    tagged = tagger([record for _, record in parsed]) if parsed else []
    for (path, _), record in zip(parsed, tagged):
        for suffix, data in render_outputs(record, paper).items():
            write_atomic(out_dir / f"{path.stem}{suffix}", data)
        results[path.name] = FileResult(path.name, "built")
    return [results[name] for name in sorted(results)]
