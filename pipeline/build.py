"""The batch runner: a folder of raw texts -> OUT_DIR, incrementally, on every core.

Per changed raw text: read + parse (worker processes), tag (this process: spaCy
is loaded once, all changed records go through one ``nlp.pipe``), render + write
(worker processes). Every file is written to a temporary name and renamed; the
manifest is updated only after a text's outputs are all in place, so a build
killed at any moment leaves complete files and the next build repairs the rest.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from filelock import FileLock, Timeout

from .collection import COLLECTION_OUTPUTS, index_entry, write_collection
from .manifest import MANIFEST_NAME, Entry, Manifest, model_fingerprint, outputs_of, pipeline_fingerprint

LOCK_NAME = ".build.lock"
# Below this many changed texts, worker processes cost more than they save.
POOL_THRESHOLD = 8
MANIFEST_SAVE_EVERY = 100


@dataclass(frozen=True)
class FileResult:
    file: str
    status: str  # built | unchanged | failed | removed
    error: str | None = None


@dataclass
class Summary:
    results: list[FileResult] = field(default_factory=list)
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # problems not tied to one raw text

    def count(self, status: str) -> int:
        return sum(1 for result in self.results if result.status == status)

    @property
    def failed(self) -> list[FileResult]:
        return [result for result in self.results if result.status == "failed"]

    @property
    def ok(self) -> bool:
        return not self.failed and not self.errors

    def line(self) -> str:
        parts = [f"{self.count(s)} {s}" for s in ("built", "unchanged", "removed", "failed")]
        return f"{', '.join(parts)} in {self.seconds:.1f} s"


class Reporter:
    """Build progress, told to the user; the CLI picks a progress bar or plain lines."""

    def waiting(self, lock_path: Path) -> None: ...
    def start(self, total: int) -> None: ...
    def advance(self, result: FileResult) -> None: ...
    def message(self, text: str) -> None: ...
    def finish(self, summary: Summary) -> None: ...


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


@lru_cache(maxsize=1)
def _file_mode() -> int:
    """The mode a plain open() would give, read once (os.umask can only be read by setting it)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def scan_raw_dir(raw_dir: Path) -> tuple[list[Path], list[str]]:
    """The raw texts to build, and the names of everything else (ignored). A symlink
    is followed only when it stays inside ``raw_dir``."""
    root = raw_dir.resolve()
    texts, ignored = [], []
    for path in sorted(raw_dir.iterdir()):
        inside = path.resolve().is_relative_to(root)
        if path.suffix.lower() == ".txt" and path.is_file() and inside and not path.name.startswith("."):
            texts.append(path)
        elif not path.name.startswith("."):
            ignored.append(path.name + ("" if inside else " (symlink out of the folder)"))
    return texts, ignored


def remove_outputs(out_dir: Path, stem: str) -> None:
    for name in outputs_of(stem):
        try:
            (out_dir / name).unlink(missing_ok=True)
        except OSError:
            pass  # a read-only folder: the failure is already being reported


# --- the stages, as functions worker processes can run ------------------------------------


def parse_raw(name: str, data: bytes):
    """-> (name, Record) or (name, error line)."""
    from .errors import InputError
    from .parser import parse
    from .reader import read_bytes

    try:
        return name, parse(read_bytes(data, name))
    except InputError as error:
        return name, str(error)


def render_outputs(record, paper: str = "a4", timings: dict[str, float] | None = None) -> dict[str, bytes]:
    """Every file a tagged record yields, by suffix; all rendered before any is written."""
    from .briefing import build_briefing, document_timestamp
    from .record import record_to_json
    from .write_docx import render_docx
    from .write_pdf import render_pdf

    timings = {} if timings is None else timings
    started = time.perf_counter()
    briefing = build_briefing(record)
    outputs = {".json": record_to_json(record).encode("utf-8")}
    outputs[".docx"] = render_docx(briefing, document_timestamp(), paper)
    timings["render docx"] = time.perf_counter() - started
    started = time.perf_counter()
    outputs[".pdf"] = render_pdf(briefing, paper)
    timings["render pdf"] = time.perf_counter() - started
    return outputs


def render_and_write(record, out_dir: Path, paper: str) -> tuple[str, dict[str, float], str | None]:
    """Render a tagged record's JSON, DOCX and PDF, then write all three; -> (file, timings, error)."""
    timings: dict[str, float] = {}
    outputs = render_outputs(record, paper, timings)
    started = time.perf_counter()
    stem = Path(record.source.file).stem
    try:
        for suffix, data in outputs.items():
            write_atomic(out_dir / f"{stem}{suffix}", data)
    except OSError as error:  # disk full, folder read-only: this text fails, nothing of it stays
        remove_outputs(out_dir, stem)
        return record.source.file, timings, f"{record.source.file}:1: cannot write its outputs: {error.strerror or error}"
    timings["write"] = time.perf_counter() - started
    return record.source.file, timings, None


def _pool_map(function, arguments: list[tuple], jobs: int) -> Iterator:
    """``function(*args)`` for each, in worker processes when it pays, results as they come."""
    if jobs <= 1 or len(arguments) < POOL_THRESHOLD:
        for args in arguments:
            yield function(*args)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        chunk = max(1, len(arguments) // (jobs * 8))
        yield from pool.map(function, *zip(*arguments), chunksize=chunk)


_FORKED_NLP = None  # the model loaded by the build process, inherited by forked taggers


def _tag_chunk(records: list) -> list:
    from .tagger import tag

    return tag(records, _FORKED_NLP)


def tag_in_parallel(records: list, options: BuildOptions) -> list:
    """Load spaCy once, here; tag all records in one nlp.pipe, or, when there are many,
    in forked processes that share the loaded model and each take a slice of the records.
    (spaCy's own n_process ships every small doc back; this ships only tagged records.)"""
    global _FORKED_NLP
    from .tagger import load_nlp, tag

    nlp = load_nlp(options.model)
    if options.jobs <= 1 or len(records) < 8 * POOL_THRESHOLD or "fork" not in multiprocessing.get_all_start_methods():
        return tag(records, nlp)
    _FORKED_NLP = nlp
    try:
        size = -(-len(records) // (options.jobs * 4))
        chunks = [records[i:i + size] for i in range(0, len(records), size)]
        with ProcessPoolExecutor(options.jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            return [record for chunk in pool.map(_tag_chunk, chunks) for record in chunk]
    finally:
        _FORKED_NLP = None


# --- the build ----------------------------------------------------------------------------


@dataclass
class BuildOptions:
    raw_dir: Path
    out_dir: Path
    model: str | None = None
    paper: str = "a4"
    jobs: int = os.cpu_count() or 1


def build(options: BuildOptions, reporter: Reporter | None = None,
          tagger: Callable[[list], list] | None = None) -> Summary:
    reporter = reporter or Reporter()
    started = time.perf_counter()
    out_dir = options.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(out_dir / LOCK_NAME)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        reporter.waiting(out_dir / LOCK_NAME)
        lock.acquire()
    try:
        summary = _build_locked(options, reporter, tagger)
    finally:
        lock.release()
    summary.seconds = time.perf_counter() - started
    reporter.finish(summary)
    return summary


def _build_locked(options: BuildOptions, reporter: Reporter, tagger) -> Summary:
    out_dir, summary = options.out_dir, Summary()
    for stale in out_dir.glob(".*.tmp"):  # left by a build that was killed mid-write
        stale.unlink(missing_ok=True)
    texts, summary.ignored = scan_raw_dir(options.raw_dir)
    if summary.ignored:
        reporter.message(f"ignored (not .txt): {', '.join(summary.ignored)}")
    new = Manifest(pipeline_fingerprint(), model_fingerprint(options.model), options.paper)
    old = Manifest.load(out_dir)
    if old is not None and not old.same_build(new):
        old.files = {}  # new code, model or paper: everything is rebuilt

    raw = {}
    for path in texts:
        try:
            raw[path.name] = path.read_bytes()
        except OSError as error:  # unreadable: this text fails, the others go on
            failure = FileResult(path.name, "failed", f"{path.name}:1: cannot read: {error.strerror or error}")
            summary.results.append(failure)
            reporter.advance(failure)
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in raw.items()}
    changed = []
    for name, digest in digests.items():
        previous = old.files.get(name) if old else None
        complete = all((out_dir / output).exists() for output in outputs_of(Path(name).stem))
        if previous is not None and previous.sha256 == digest and complete:
            new.files[name] = previous
            summary.results.append(FileResult(name, "unchanged"))
        else:
            changed.append(name)
    for name in sorted(set(old.files) - set(digests) if old else ()):
        remove_outputs(out_dir, Path(name).stem)
        summary.results.append(FileResult(name, "removed"))

    if changed:
        reporter.start(len(changed))
        _rebuild(changed, raw, digests, new, options, reporter, tagger, summary)
    collection_missing = not all((out_dir / name).exists() for name in COLLECTION_OUTPUTS) and new.files
    if changed or any(r.status == "removed" for r in summary.results) or old is None or collection_missing:
        clock = time.perf_counter()
        try:
            write_collection(out_dir, [entry.summary for entry in new.files.values()], options.paper, write_atomic)
            write_atomic(out_dir / MANIFEST_NAME, new.to_json().encode("utf-8"))
        except OSError as error:  # disk full: the briefings written so far stay; the next build redoes this
            summary.errors.append(f"{out_dir}: cannot write the index and briefing book: {error.strerror or error}")
            reporter.message(summary.errors[-1])
        summary.stage_seconds["index + book"] = time.perf_counter() - clock
    summary.results.sort(key=lambda result: result.file)
    return summary


def _rebuild(changed: list[str], raw: dict[str, bytes], digests: dict[str, str], manifest: Manifest,
             options: BuildOptions, reporter: Reporter, tagger, summary: Summary) -> None:
    stages = summary.stage_seconds
    clock = time.perf_counter()
    records = []
    for name, result in _pool_map(parse_raw, [(name, raw[name]) for name in changed], options.jobs):
        if isinstance(result, str):
            remove_outputs(options.out_dir, Path(name).stem)
            manifest.files.pop(name, None)
            failure = FileResult(name, "failed", result)
            summary.results.append(failure)
            reporter.advance(failure)
        else:
            records.append(result)
    stages["read + parse"] = time.perf_counter() - clock
    if not records:
        return

    clock = time.perf_counter()
    records = tagger(records) if tagger is not None else tag_in_parallel(records, options)
    stages["tag"] = time.perf_counter() - clock

    clock = time.perf_counter()
    jobs = [(record, options.out_dir, options.paper) for record in records]
    summaries = {record.source.file: index_entry(record) for record in records}
    for done, (name, timings, error) in enumerate(_pool_map(render_and_write, jobs, options.jobs), 1):
        for stage, seconds in timings.items():
            stages[stage] = stages.get(stage, 0.0) + seconds
        if error:
            manifest.files.pop(name, None)
            result = FileResult(name, "failed", error)
        else:
            manifest.files[name] = Entry(digests[name], summaries[name])
            result = FileResult(name, "built")
        summary.results.append(result)
        reporter.advance(result)
        if done % MANIFEST_SAVE_EVERY == 0:
            write_atomic(options.out_dir / MANIFEST_NAME, manifest.to_json().encode("utf-8"))
    stages["render + write (wall)"] = time.perf_counter() - clock
