"""The stages of one raw text, with one failure boundary: read, parse, tag, render, write.

Whatever goes wrong in any stage of one text (bad input, a full disk, a bug)
fails that text alone: one line says which stage failed and why, nothing of the
text stays in OUT_DIR, and the other texts go on. Stages are timed as they run.
Worker processes run ``build_raw_texts`` on their slice of the changed texts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ..errors import InputError, ModelError
from ..outdir import digest, read_back
from ..timing import Timings, timed
from . import files
from .index import IndexEntry

if TYPE_CHECKING:
    from ..record import Record
    from ..settings import Language, Settings

Tagger = Callable[[list["Record"]], list["Record"]]
T = TypeVar("T")


class Stage(StrEnum):
    READ = "read"
    PARSE = "parse"
    TAG = "tag"
    RENDER = "render"
    WRITE = "write"
    BUILD = "build"  # the worker process that ran the stages died


@dataclass(frozen=True)
class TextOutcome:
    file: str
    error: str | None = None  # the failure line, for a text that failed
    entry: IndexEntry | None = None  # its index entry, once its files are written
    outputs: dict[str, str] | None = None  # and the digest of each file, by suffix
    refused_input: bool = False  # failed on its input (InputError): the same bytes fail the same way
    sha256: str = ""  # of the bytes it was built from (or refused): what the manifest records


def unreadable_line(name: str, error: OSError) -> str:
    """The failure line of a raw text that cannot be read."""
    return f"{name}:1: cannot read: {error.strerror or error}"


def failure_line(name: str, stage: Stage, error: Exception) -> str:
    """``NAME.txt:LINE: message`` for bad input, else ``NAME.txt: <stage> failed: <Class>: <message>``."""
    if isinstance(error, InputError):
        return str(error)
    if isinstance(error, OSError) and stage is Stage.WRITE:
        return f"{name}:1: cannot write its outputs: {error.strerror or error}"
    line = getattr(error, "line", None)
    where = f"{name}:{line}" if isinstance(line, int) and not isinstance(line, bool) else name
    message = " ".join(str(error).split())  # one line, whatever the exception says
    return f"{where}: {stage} failed: {type(error).__name__}" + (f": {message}" if message else "")


@dataclass
class Batch:
    """The texts of one slice: their outcomes so far and the seconds per stage."""

    out_dir: Path
    outcomes: list[TextOutcome] = field(default_factory=list)
    timings: Timings = field(default_factory=dict)

    def attempt(self, stage: Stage, name: str, action: Callable[[], T], *, timing: bool = True) -> T | None:
        """``action()``, timed as ``stage`` unless it times itself; on any exception the
        text fails here and None is returned."""
        try:
            if not timing:
                return action()
            with timed(self.timings, stage):
                return action()
        except ModelError:  # no text's failure: the model a build of a few texts loads as it tags them
            raise
        except Exception as error:  # the boundary: one text's failure never stops the batch
            files.remove_outputs(self.out_dir, Path(name).stem)
            refused = isinstance(error, InputError)
            self.outcomes.append(TextOutcome(name, failure_line(name, stage, error), refused_input=refused))
            return None

    def tag_all(self, records: list[Record], tagger: Tagger) -> list[Record]:
        """All records through one ``nlp.pipe``; when that fails, each alone, to find the culprit."""
        if not records:
            return []
        try:
            with timed(self.timings, Stage.TAG):
                return tagger(records)
        except ModelError:
            raise
        except Exception:
            alone = (
                self.attempt(Stage.TAG, record.source.file, partial(_tag_one, tagger, record)) for record in records
            )
            return [record for record in alone if record is not None]


def _tag_one(tagger: Tagger, record: Record) -> Record:
    return tagger([record])[0]


def _read_and_parse(batch: Batch, name: str, data: bytes) -> Record | None:
    from ..parser.reader import read_bytes
    from ..parser.sections import parse

    text = batch.attempt(Stage.READ, name, lambda: read_bytes(data, name))
    return None if text is None else batch.attempt(Stage.PARSE, name, lambda: parse(text))


def build_texts(
    items: list[tuple[str, bytes]], out_dir: Path, paper: str, tagger: Tagger, settings: Settings | None = None
) -> tuple[list[TextOutcome], Timings]:
    """Changed raw texts -> their files in OUT_DIR: read and parse each, tag them all
    (one ``nlp.pipe``), render and write each. -> (an outcome per text, seconds per stage)."""
    from ..render.fonts import with_unprintable_note
    from ..render.outputs import render_outputs
    from ..settings import DEFAULTS
    from .index import index_entry

    settings = settings or DEFAULTS
    batch = Batch(out_dir)
    parsed = [record for name, data in items if (record := _read_and_parse(batch, name, data)) is not None]
    for record in batch.tag_all(parsed, tagger):
        name = record.source.file
        # characters the PDF cannot print are named in a note, which the JSON and the index carry too
        noted = batch.attempt(Stage.RENDER, name, partial(with_unprintable_note, record), timing=False)
        if noted is None:
            continue
        record = noted
        # render_outputs times each writer itself
        outputs = batch.attempt(
            Stage.RENDER, name, partial(render_outputs, record, paper, batch.timings, settings), timing=False
        )
        entry = (
            None
            if outputs is None
            else batch.attempt(Stage.RENDER, name, partial(index_entry, record, settings.countries), timing=False)
        )
        if outputs is None or entry is None:
            continue
        written = batch.attempt(Stage.WRITE, name, partial(files.write_outputs, Path(name).stem, outputs, out_dir))
        if written is None:
            continue
        batch.outcomes.append(TextOutcome(name, entry=entry, outputs=written))
    return batch.outcomes, batch.timings


def build_raw_texts(
    raw_dir: Path, names: list[str], out_dir: Path, paper: str, tagger: Tagger, settings: Settings | None = None
) -> tuple[list[TextOutcome], Timings]:
    """``build_texts`` of the raw texts ``names``, read from RAW_DIR now: each outcome carries
    the digest of the bytes it was built from (the build process hashed them to find the text
    changed, and let them go: at 10,000 texts it held 33 MB of them while the workers it
    forked built them). A text that cannot be read fails with one line."""
    timings: Timings = {}
    items: list[tuple[str, bytes]] = []
    unread: list[TextOutcome] = []
    with timed(timings, Stage.READ):
        for name in names:
            try:
                items.append((name, (raw_dir / name).read_bytes()))
            except OSError as error:
                unread.append(TextOutcome(name, unreadable_line(name, error)))
    digests = {name: digest(data) for name, data in items}
    outcomes, stages = build_texts(items, out_dir, paper, tagger, settings)
    for stage, seconds in stages.items():
        timings[stage] = timings.get(stage, 0.0) + seconds
    return [*unread, *(replace(outcome, sha256=digests[outcome.file]) for outcome in outcomes)], timings


def extend_texts(
    items: list[tuple[str, str, tuple[Language, ...]]], out_dir: Path, paper: str, settings: Settings
) -> tuple[list[TextOutcome], Timings]:
    """Texts built before, in languages they have no briefings in yet -> those briefings alone:
    each record is read back from its JSON (``items``: name, the JSON's digest as written,
    the languages), never parsed or tagged again. -> (an outcome per text, with the digests
    of the files written now; seconds per stage)."""
    from ..render.outputs import render_briefings

    batch = Batch(out_dir)
    for name, written, languages in items:
        stem = Path(name).stem
        record = batch.attempt(Stage.READ, name, partial(_record_back, out_dir / f"{stem}.json", written))
        if record is None:
            continue
        outputs = batch.attempt(
            Stage.RENDER,
            name,
            partial(render_briefings, record, languages, paper, batch.timings, settings),
            timing=False,
        )
        if outputs is None:
            continue
        done = batch.attempt(Stage.WRITE, name, partial(files.write_outputs, stem, outputs, out_dir))
        if done is not None:
            batch.outcomes.append(TextOutcome(name, outputs=done))
    return batch.outcomes, batch.timings


def _record_back(path: Path, written: str) -> Record:
    """The record in OUT_DIR's JSON, only as the build wrote it (else it is rebuilt from its
    text), read inside the text's failure boundary."""
    from ..record import record_from_json

    data = read_back(path)
    if digest(data) != written:
        raise OSError(f"{path.name}: not the record the build wrote")
    return record_from_json(data.decode("utf-8"))
