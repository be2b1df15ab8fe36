"""What was built from what: OUT_DIR/.manifest.json.

A raw text is rebuilt only when its bytes, the pipeline (its code and data) or
the model changed, or one of its outputs is not the file the build wrote (the
manifest keeps each output's digest, and the collection's). Nothing here
imports spaCy, so a build with nothing to do stays fast.

The manifest is read back from OUT_DIR, so it is untrusted input: anything but
the exact shape ``to_json`` writes (a name that is no plain raw text name, an
entry that is not the one its name says, a digest that is no digest) makes the
whole manifest doubtful, and everything is rebuilt.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import msgspec

from .. import __version__
from ..outdir import DIGEST, Count, Digest, read_back
from .files import OUTPUT_SUFFIXES, book_language, output_suffixes
from .index import INDEX_NAME, Check, IndexEntry, Participant
from .names import name_max, refused_names

MANIFEST_NAME = ".manifest.json"
FORMAT = 4  # 2: each output's digest, and the collection's; 3: the settings' digest, each record's notes;
# 4: the texts that failed on their input, with the line that said why. (A text's outputs include its
# briefings in other languages, where it was built in them: a format 4 manifest without them is one still.)
ENGLISH_OUTPUTS = output_suffixes(("en",))

# The shape ``to_json`` writes, checked by msgspec as it decodes (in C: a check per field in
# Python was half of reading the manifest, which every build does).


class _Shape(msgspec.Struct, forbid_unknown_fields=True):
    pass


class _SummaryShape(_Shape):
    file: str
    title: str | None
    period: str | None
    start: str | None
    end: str | None
    venue: str | None
    country: str | None
    organizer: str | None
    stated_authorities: Count | None
    listed_authorities: Count
    observers: Count
    countries: Count
    notes: tuple[str, ...]
    outputs: dict[str, str]  # (index.json's file names: derived from ``file`` again, not read)
    participants: tuple[Participant, ...]
    checks: tuple[Check, ...]

    def entry(self) -> IndexEntry:
        # (the fields in IndexEntry's order, but the outputs, which it derives from ``file``)
        fields = msgspec.structs.astuple(self)
        return IndexEntry(*fields[:_OUTPUTS_AT], *fields[_OUTPUTS_AT + 1 :])


# (the summary's shape holds IndexEntry's fields in its order, and the outputs here: tested)
_OUTPUTS_AT = _SummaryShape.__struct_fields__.index("outputs")


class _EntryShape(_Shape):
    sha256: Digest
    outputs: dict[str, Digest]  # (digests checked in C as they are read; their names below)
    summary: _SummaryShape
    raw_stat: tuple[int, int, int, int] | None = None  # (an older format 4 manifest has none)


class _FailureShape(_Shape):
    sha256: Digest
    error: str


class _ManifestShape(_Shape):
    format: int
    pipeline: str
    model: str
    paper: str
    settings: str
    book: str
    files: dict[str, _EntryShape]
    collection: dict[str, str]
    failures: dict[str, _FailureShape]


_MANIFEST = msgspec.json.Decoder(_ManifestShape)


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
    # (.mo: the compiled translations)
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".json", ".toml", ".mo") and p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def _digests(data: object, names: tuple[str, ...]) -> dict[str, str]:
    """``{name: digest}`` for exactly ``names``, or ValueError."""
    if type(data) is not dict or sorted(data) != sorted(names):
        raise ValueError(f"digests: not of {', '.join(names)}")
    if any(type(value) is not str or not DIGEST.fullmatch(value) for value in data.values()):
        raise ValueError("digests: not SHA-256 digests")
    return {name: data[name] for name in names}


_ENGLISH_OUTPUTS, _ALL_OUTPUTS = frozenset(ENGLISH_OUTPUTS), frozenset(OUTPUT_SUFFIXES)


def _output_digests(data: dict[str, str]) -> dict[str, str]:
    """A text's outputs (their digests already checked as read): its record and English
    briefing, and the languages it was built in, in the order of OUTPUT_SUFFIXES."""
    if not _ENGLISH_OUTPUTS <= data.keys() <= _ALL_OUTPUTS:
        raise ValueError("outputs: not a record and its briefings")
    return {suffix: data[suffix] for suffix in OUTPUT_SUFFIXES if suffix in data}


def _collection_digests(data: object) -> dict[str, str]:
    """The collection's outputs: the index and the English book (or its volumes), and the
    books of other languages built."""
    if (
        type(data) is not dict
        or INDEX_NAME not in data
        or not any(type(name) is str and book_language(name) == "en" for name in data)
        or any(name != INDEX_NAME and book_language(name) is None for name in data)
    ):
        raise ValueError("collection: not the index and the books")
    return _digests(data, tuple(data))


def _raw_name(name: str) -> str:
    """``name`` if a raw text in RAW_DIR can have it (as ``scan_raw_dir`` takes them):
    one plain file name, never a path that leads elsewhere; else ValueError."""
    # (no "/": a name of one part, as Path(name).name would give it back, without a Path per text)
    if "/" in name or not name.lower().endswith(".txt") or name.startswith(".") or "\0" in name:
        raise ValueError(f"{name!r}: not the name of a raw text")
    return name


class Entry(NamedTuple):
    """A built raw text: the digest of its bytes, of each of its outputs (by suffix),
    and its index entry; ``raw_stat``: the raw text's stat when its bytes were read
    (``outdir.file_signature``): while it is the same, the bytes are not read again."""

    sha256: str
    outputs: dict[str, str]
    summary: IndexEntry
    raw_stat: tuple[int, int, int, int] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "sha256": self.sha256,
            "outputs": self.outputs,
            "summary": self.summary.to_json(),
            "raw_stat": self.raw_stat,
        }

    def output_digests(self) -> dict[str, str]:
        """Each output's digest, by its file name in OUT_DIR."""
        stem = self.summary.stem
        return {f"{stem}{suffix}": digest for suffix, digest in self.outputs.items()}


class Failure(NamedTuple):
    """A raw text whose input the pipeline refused ("no recognisable structure"): while its
    bytes and the build stay the same, it fails the same way without being read again."""

    sha256: str
    error: str

    def to_json(self) -> dict[str, str]:
        return {"sha256": self.sha256, "error": self.error}


@dataclass
class Manifest:
    pipeline: str
    model: str
    paper: str
    settings: str = ""  # ``Settings.briefing_fingerprint()``: what every briefing shows
    book: str = ""  # what the book shows beyond its records (the cover's edition, association, logo)
    files: dict[str, Entry] = field(default_factory=dict)
    # The digest of each of the collection's outputs as last written; empty while they
    # are not (yet) the collection of ``files``.
    collection: dict[str, str] = field(default_factory=dict)
    failures: dict[str, Failure] = field(default_factory=dict)

    @classmethod
    def load(cls, out_dir: Path) -> Manifest | None:
        """The manifest in OUT_DIR; None when it is missing or in any way not one a build wrote."""
        # Tens of thousands of small acyclic objects: a garbage collection while they are
        # made would only walk them and every imported module (it doubled a no-op build).
        with _collector_paused():
            try:
                return cls._load(out_dir)
            except (OSError, ValueError, RecursionError):  # (msgspec.DecodeError is a ValueError)
                return None  # missing or damaged: everything is rebuilt

    @classmethod
    def _load(cls, out_dir: Path) -> Manifest | None:
        # (an older build's manifest has another shape: it fails to decode, and all is rebuilt)
        shape = _MANIFEST.decode(read_back(out_dir / MANIFEST_NAME))
        if shape.format != FORMAT:
            return None
        files = {
            _raw_name(name): Entry(entry.sha256, _output_digests(entry.outputs), entry.summary.entry(), entry.raw_stat)
            for name, entry in shape.files.items()
        }
        if any(entry.summary.file != name for name, entry in files.items()):
            raise ValueError("an entry that is not the raw text its name says")
        if refused_names(list(files), name_max(out_dir)):
            raise ValueError("names no build would have built")
        collection = _collection_digests(shape.collection) if shape.collection else {}
        failures = {_raw_name(name): Failure(failure.sha256, failure.error) for name, failure in shape.failures.items()}
        if set(failures) & set(files):
            raise ValueError("a text both built and failed")
        return cls(shape.pipeline, shape.model, shape.paper, shape.settings, shape.book, files, collection, failures)

    def to_json(self) -> bytes:
        """The manifest as written: on one line (indented, the manifest of 10,000 texts was
        8 MB more, and a fifth of the time one changed text's build spent writing it)."""
        data = {
            "format": FORMAT,
            "pipeline": self.pipeline,
            "model": self.model,
            "paper": self.paper,
            "settings": self.settings,
            "book": self.book,
            "files": {name: self.files[name].to_json() for name in sorted(self.files)},
            "collection": self.collection,
            "failures": {name: self.failures[name].to_json() for name in sorted(self.failures)},
        }
        return msgspec.json.encode(data) + b"\n"

    def same_build(self, other: Manifest) -> bool:
        return (self.pipeline, self.model, self.paper, self.settings) == (
            other.pipeline,
            other.model,
            other.paper,
            other.settings,
        )
