"""What was built from what: OUT_DIR/.manifest.json.

A raw text is rebuilt only when its bytes, the pipeline (its code and data) or
the model changed, or one of its outputs is missing. Nothing here imports spaCy,
so a build with nothing to do stays fast.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from .. import __version__
from .index import IndexEntry

MANIFEST_NAME = ".manifest.json"
FORMAT = 1


@contextmanager
def _collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """The package version plus a digest of its code and data: any change rebuilds."""
    root = Path(__file__).resolve().parents[1]  # the pipeline package
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".json", ".toml") and p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


class Entry(NamedTuple):
    """A built raw text: the digest of its bytes and its index entry."""

    sha256: str
    summary: IndexEntry

    @classmethod
    def from_json(cls, data: object) -> Entry:
        if type(data) is not dict or type(data.get("sha256")) is not str:
            raise ValueError("a manifest entry is an object with a sha256")
        return cls(data["sha256"], IndexEntry.from_json(data.get("summary")))

    def to_json(self) -> dict[str, Any]:
        return {"sha256": self.sha256, "summary": self.summary.to_json()}


@dataclass
class Manifest:
    pipeline: str
    model: str
    paper: str
    files: dict[str, Entry] = field(default_factory=dict)

    @classmethod
    def load(cls, out_dir: Path) -> Manifest | None:
        # Tens of thousands of small acyclic objects: a garbage collection while they are
        # made would only walk them and every imported module (it doubled a no-op build).
        with _collector_paused():
            return cls._load(out_dir)

    @classmethod
    def _load(cls, out_dir: Path) -> Manifest | None:
        try:
            data = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                return None
            files = {name: Entry.from_json(entry) for name, entry in data["files"].items()}
            return cls(str(data["pipeline"]), str(data["model"]), str(data["paper"]), files)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # missing or damaged: everything is rebuilt

    def to_json(self) -> str:
        data = {
            "format": FORMAT,
            "pipeline": self.pipeline,
            "model": self.model,
            "paper": self.paper,
            "files": {name: self.files[name].to_json() for name in sorted(self.files)},
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"

    def same_build(self, other: Manifest) -> bool:
        return (self.pipeline, self.model, self.paper) == (other.pipeline, other.model, other.paper)
