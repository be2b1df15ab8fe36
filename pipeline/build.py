"""The batch runner: a folder of raw texts -> OUT_DIR, incrementally, on every core.

Per changed raw text: read + parse (worker processes), tag (this process: spaCy
is loaded once, all changed records go through one ``nlp.pipe``), render + write
(worker processes). Every file is written to a temporary name and renamed; the
manifest is updated only after a text's outputs are all in place, so a build
killed at any moment leaves complete files and the next build repairs the rest.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import signal
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from filelock import FileLock, Timeout

from .collection import COLLECTION_OUTPUTS, index_entry, write_collection
from .manifest import MANIFEST_NAME, Entry, Manifest, model_fingerprint, outputs_of, pipeline_fingerprint

LOCK_NAME = ".build.lock"
# Below this many changed texts, worker processes cost more than they save...
POOL_THRESHOLD = 8
# ...unless the collection is this large: then the PDF and DOCX books are built side by side.
BOOK_POOL_THRESHOLD = 50
CHUNK_MAX = 8
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


@contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """A file written under a temporary name beside ``path`` and renamed once complete:
    readers never see half a file. (Opened for reading too: a zip appends to itself.)"""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w+b") as stream:
            yield stream
        os.chmod(temporary, _file_mode())  # mkstemp makes it private; outputs are for sharing
        os.replace(temporary, path)
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


def parse_raw(name: str, data: bytes, timings: dict[str, float]):
    """Decode (read) and parse one raw text; -> the Record, or its error line."""
    from .errors import InputError
    from .parser import parse
    from .reader import read_bytes

    clock = time.perf_counter()
    try:
        text = read_bytes(data, name)
        clock = _add_time(timings, "read", clock)
        record = parse(text)
    except InputError as error:
        return str(error)
    _add_time(timings, "parse", clock)
    return record


def _add_time(timings: dict[str, float], stage: str, started: float) -> float:
    now = time.perf_counter()
    timings[stage] = timings.get(stage, 0.0) + now - started
    return now


def render_outputs(record, paper: str = "a4", timings: dict[str, float] | None = None) -> dict[str, bytes]:
    """Every file a tagged record yields, by suffix; all rendered before any is written."""
    from .briefing import build_briefing, document_timestamp
    from .record import record_to_json
    from .write_docx import render_docx
    from .write_pdf import render_pdf

    timings = {} if timings is None else timings
    clock = time.perf_counter()
    briefing = build_briefing(record)
    outputs = {".json": record_to_json(record).encode("utf-8")}
    outputs[".docx"] = render_docx(briefing, document_timestamp(), paper)
    clock = _add_time(timings, "render docx", clock)
    outputs[".pdf"] = render_pdf(briefing, paper)
    _add_time(timings, "render pdf", clock)
    return outputs


def write_outputs(stem: str, outputs: dict[str, bytes], out_dir: Path) -> None:
    """All of a text's files, or (disk full, folder read-only) none of them."""
    try:
        for suffix, data in outputs.items():
            write_atomic(out_dir / f"{stem}{suffix}", data)
    except OSError:
        remove_outputs(out_dir, stem)
        raise


@dataclass(frozen=True)
class TextOutcome:
    file: str
    error: str | None = None
    summary: dict | None = None  # the record's index entry, once its files are written


def build_texts(items: list[tuple[str, bytes]], out_dir: Path, paper: str,
                tagger: Callable[[list], list]) -> tuple[list[TextOutcome], dict[str, float]]:
    """Changed raw texts -> their files in OUT_DIR: parse, tag (one ``nlp.pipe`` for
    all of them), render, write. -> (an outcome per text, seconds per stage)."""
    timings: dict[str, float] = {}
    outcomes, records = [], []
    for name, data in items:
        result = parse_raw(name, data, timings)
        if isinstance(result, str):
            remove_outputs(out_dir, Path(name).stem)
            outcomes.append(TextOutcome(name, result))
        else:
            records.append(result)
    clock = time.perf_counter()
    records = tagger(records) if records else []
    _add_time(timings, "tag", clock)
    for record in records:
        name = record.source.file
        outputs = render_outputs(record, timings=timings, paper=paper)
        clock = time.perf_counter()
        try:
            write_outputs(Path(name).stem, outputs, out_dir)
        except OSError as error:
            outcomes.append(TextOutcome(name, f"{name}:1: cannot write its outputs: {error.strerror or error}"))
            continue
        _add_time(timings, "write", clock)
        outcomes.append(TextOutcome(name, summary=index_entry(record)))
    return outcomes, timings


_FORKED_TAGGER: Callable[[list], list] | None = None  # set before the workers fork; they share its model


def _build_texts_in_worker(items: list[tuple[str, bytes]], out_dir: Path, paper: str):
    return build_texts(items, out_dir, paper, _FORKED_TAGGER)


def _model_tagger(options: BuildOptions) -> Callable[[list], list]:
    from .tagger import load_nlp, tag

    nlp = load_nlp(options.model)
    return lambda records: tag(records, nlp)


def _warm_renderers() -> None:
    """Import the writers and load their fonts once, before forking, so workers share them."""
    from .fonts import register_all
    from .write_docx import render_docx  # noqa: F401
    from .write_pdf import render_pdf  # noqa: F401

    register_all()


@contextmanager
def _workers(options: BuildOptions, tagger: Callable[[list], list] | None, worth_it: bool) -> Iterator[Executor | None]:
    """Forked worker processes that inherit the loaded model and fonts; None when the
    work is too small to pay for them or the platform cannot fork."""
    global _FORKED_TAGGER
    if options.jobs <= 1 or not worth_it or "fork" not in multiprocessing.get_all_start_methods():
        yield None
        return
    _warm_renderers()
    _FORKED_TAGGER = tagger
    # Objects alive now (the model above all) are never collected: frozen, the workers'
    # garbage collector leaves them alone instead of touching, and so copying, their pages.
    gc.freeze()
    pool = ProcessPoolExecutor(options.jobs, mp_context=multiprocessing.get_context("fork"),
                               initializer=signal.signal, initargs=(signal.SIGINT, signal.SIG_IGN))
    try:
        yield pool
    except BaseException:
        # Ctrl-C (the workers ignore it: this process decides) or a failure: slices being
        # built finish, their files complete; queued ones are dropped.
        pool.shutdown(cancel_futures=True)
        raise
    else:
        pool.shutdown()
    finally:
        _FORKED_TAGGER = None
        gc.unfreeze()


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

    collection_missing = not all((out_dir / name).exists() for name in COLLECTION_OUTPUTS)
    collection_stale = bool(changed) or any(r.status == "removed" for r in summary.results) or old is None
    if changed:
        tagger = tagger or _model_tagger(options)
    write_book = collection_stale or (collection_missing and bool(new.files))
    large = len(changed) >= POOL_THRESHOLD or (write_book and len(digests) >= BOOK_POOL_THRESHOLD)
    with _workers(options, tagger, large) as pool:
        if changed:
            reporter.start(len(changed))
            _rebuild([(name, raw[name]) for name in changed], digests, new, options, reporter, tagger, pool, summary)
        if write_book:
            clock = time.perf_counter()
            try:
                write_collection(out_dir, [entry.summary for entry in new.files.values()], options.paper,
                                 atomic_output, pool)
                write_atomic(out_dir / MANIFEST_NAME, new.to_json().encode("utf-8"))
            except OSError as error:  # disk full: the briefings written so far stay; the next build redoes this
                summary.errors.append(f"{out_dir}: cannot write the index and briefing book: {error.strerror or error}")
                reporter.message(summary.errors[-1])
            summary.stage_seconds["index + book"] = time.perf_counter() - clock
    summary.results.sort(key=lambda result: result.file)
    return summary


def _chunks(items: list, jobs: int) -> list[list]:
    """Slices small enough to keep every worker busy to the end, large enough for nlp.pipe to batch."""
    size = max(1, min(CHUNK_MAX, -(-len(items) // (jobs * 4))))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _rebuild(items: list[tuple[str, bytes]], digests: dict[str, str], manifest: Manifest, options: BuildOptions,
             reporter: Reporter, tagger, pool: Executor | None, summary: Summary) -> None:
    clock = time.perf_counter()
    if pool is None:
        batches = iter([build_texts(items, options.out_dir, options.paper, tagger)])
    else:
        futures = [pool.submit(_build_texts_in_worker, chunk, options.out_dir, options.paper)
                   for chunk in _chunks(items, options.jobs)]
        batches = (future.result() for future in as_completed(futures))
    done = 0
    for outcomes, timings in batches:
        for stage, seconds in timings.items():
            summary.stage_seconds[stage] = summary.stage_seconds.get(stage, 0.0) + seconds
        for outcome in outcomes:
            if outcome.error:
                manifest.files.pop(outcome.file, None)
                result = FileResult(outcome.file, "failed", outcome.error)
            else:
                manifest.files[outcome.file] = Entry(digests[outcome.file], outcome.summary)
                result = FileResult(outcome.file, "built")
            summary.results.append(result)
            reporter.advance(result)
            done += 1
            if done % MANIFEST_SAVE_EVERY == 0:
                write_atomic(options.out_dir / MANIFEST_NAME, manifest.to_json().encode("utf-8"))
    summary.stage_seconds["read to write, all texts (wall)"] = time.perf_counter() - clock
