"""The batch runner: a folder of raw texts -> OUT_DIR, incrementally, on every core.

spaCy is loaded once, then worker processes are forked that share it; each takes
a slice of the changed texts through every stage (``stages.build_texts``). Every
file is written to a temporary name and renamed; the manifest is updated only
after a text's outputs are all in place, so a build killed at any moment leaves
complete files and the next build repairs the rest.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import signal
import time
from collections.abc import Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from ..tagger.model import model_fingerprint
from ..timing import Timings
from .book import COLLECTION_OUTPUTS, write_collection
from .files import atomic_output, outputs_of, remove_outputs, write_atomic
from .manifest import MANIFEST_NAME, Entry, Manifest, pipeline_fingerprint
from .report import FileResult, FileStatus, Reporter, Summary
from .stages import Stage, Tagger, TextOutcome, build_texts, failure_line

LOCK_NAME = ".build.lock"
# Below this many changed texts, worker processes cost more than they save...
POOL_THRESHOLD = 8
# ...unless the collection is this large: then the PDF and DOCX books are built side by side.
BOOK_POOL_THRESHOLD = 50
CHUNK_MAX = 8
MANIFEST_SAVE_EVERY = 100


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


_FORKED_TAGGER: Tagger | None = None  # set before the workers fork; they share its model


def _build_texts_in_worker(
    items: list[tuple[str, bytes]], out_dir: Path, paper: str
) -> tuple[list[TextOutcome], Timings]:
    assert _FORKED_TAGGER is not None, "workers are forked after the tagger is set"
    return build_texts(items, out_dir, paper, _FORKED_TAGGER)


def _model_tagger(options: BuildOptions) -> Tagger:
    from ..tagger.mentions import tag
    from ..tagger.model import load_nlp

    nlp = load_nlp(options.model)
    return lambda records: tag(records, nlp)


def _warm_renderers() -> None:
    """Import the writers and load their fonts once, before forking, so workers share them."""
    from ..render.docx import render_docx  # noqa: F401
    from ..render.fonts import register_all
    from ..render.pdf import render_pdf  # noqa: F401

    register_all()


@contextmanager
def _workers(options: BuildOptions, tagger: Tagger | None, worth_it: bool) -> Iterator[Executor | None]:
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
    pool = ProcessPoolExecutor(
        options.jobs,
        mp_context=multiprocessing.get_context("fork"),
        initializer=signal.signal,
        initargs=(signal.SIGINT, signal.SIG_IGN),
    )
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


def build(options: BuildOptions, reporter: Reporter | None = None, tagger: Tagger | None = None) -> Summary:
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


def _build_locked(options: BuildOptions, reporter: Reporter, tagger: Tagger | None) -> Summary:
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

    raw: dict[str, bytes] = {}
    for path in texts:
        try:
            raw[path.name] = path.read_bytes()
        except OSError as error:  # unreadable: this text fails, the others go on
            failure = FileResult(path.name, FileStatus.FAILED, f"{path.name}:1: cannot read: {error.strerror or error}")
            summary.results.append(failure)
            reporter.advance(failure)
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in raw.items()}
    changed: list[str] = []
    for name, digest in digests.items():
        previous = old.files.get(name) if old else None
        complete = all((out_dir / output).exists() for output in outputs_of(Path(name).stem))
        if previous is not None and previous.sha256 == digest and complete:
            new.files[name] = previous
            summary.results.append(
                FileResult(name, FileStatus.UNCHANGED, needs_checking=previous.summary.needs_checking)
            )
        else:
            changed.append(name)
    for name in sorted(set(old.files) - set(digests) if old else ()):
        remove_outputs(out_dir, Path(name).stem)
        summary.results.append(FileResult(name, FileStatus.REMOVED))

    collection_missing = not all((out_dir / name).exists() for name in COLLECTION_OUTPUTS)
    collection_stale = bool(changed) or any(r.status is FileStatus.REMOVED for r in summary.results) or old is None
    if changed and tagger is None:
        tagger = _model_tagger(options)
    write_book = collection_stale or (collection_missing and bool(new.files))
    large = len(changed) >= POOL_THRESHOLD or (write_book and len(digests) >= BOOK_POOL_THRESHOLD)
    with _workers(options, tagger, large) as pool:
        if changed:
            reporter.start(len(changed))
            assert tagger is not None
            _rebuild([(name, raw[name]) for name in changed], digests, new, options, reporter, tagger, pool, summary)
        if write_book:
            clock = time.perf_counter()
            try:
                write_collection(
                    out_dir, [entry.summary for entry in new.files.values()], options.paper, atomic_output, pool
                )
                write_atomic(out_dir / MANIFEST_NAME, new.to_json().encode("utf-8"))
            except OSError as error:  # disk full: the briefings written so far stay; the next build redoes this
                summary.errors.append(f"{out_dir}: cannot write the index and briefing book: {error.strerror or error}")
                reporter.message(summary.errors[-1])
            except Exception as error:  # the briefings stay; the collection is made again by the next build
                summary.errors.append(f"{out_dir}: index and briefing book failed: {type(error).__name__}: {error}")
                reporter.message(summary.errors[-1])
            summary.stage_seconds["index + book"] = time.perf_counter() - clock
    summary.results.sort(key=lambda result: result.file)
    return summary


def _chunks(items: list[tuple[str, bytes]], jobs: int) -> list[list[tuple[str, bytes]]]:
    """Slices small enough to keep every worker busy to the end, large enough for nlp.pipe to batch."""
    size = max(1, min(CHUNK_MAX, -(-len(items) // (jobs * 4))))
    return [items[i : i + size] for i in range(0, len(items), size)]


def _slices(
    items: list[tuple[str, bytes]], options: BuildOptions, tagger: Tagger, pool: Executor | None
) -> Iterator[tuple[list[TextOutcome], Timings]]:
    """Each slice's outcomes as it finishes. A worker that dies (killed, out of memory)
    fails the texts of its slice, each with one line; the other slices go on."""
    if pool is None:
        yield build_texts(items, options.out_dir, options.paper, tagger)
        return
    futures: dict[Future[tuple[list[TextOutcome], Timings]], list[str]] = {
        pool.submit(_build_texts_in_worker, chunk, options.out_dir, options.paper): [name for name, _ in chunk]
        for chunk in _chunks(items, options.jobs)
    }
    for future in as_completed(futures):
        try:
            yield future.result()
        except Exception as error:
            for name in futures[future]:
                remove_outputs(options.out_dir, Path(name).stem)
            yield [TextOutcome(name, failure_line(name, Stage.BUILD, error)) for name in futures[future]], {}


def _rebuild(
    items: list[tuple[str, bytes]],
    digests: dict[str, str],
    manifest: Manifest,
    options: BuildOptions,
    reporter: Reporter,
    tagger: Tagger,
    pool: Executor | None,
    summary: Summary,
) -> None:
    clock = time.perf_counter()
    done = 0
    for outcomes, timings in _slices(items, options, tagger, pool):
        for stage, seconds in timings.items():
            summary.stage_seconds[stage] = summary.stage_seconds.get(stage, 0.0) + seconds
        for outcome in outcomes:
            if outcome.entry is None:
                manifest.files.pop(outcome.file, None)
                result = FileResult(outcome.file, FileStatus.FAILED, outcome.error)
            else:
                manifest.files[outcome.file] = Entry(digests[outcome.file], outcome.entry)
                result = FileResult(outcome.file, FileStatus.BUILT, needs_checking=outcome.entry.needs_checking)
            summary.results.append(result)
            reporter.advance(result)
            done += 1
            if done % MANIFEST_SAVE_EVERY == 0:
                write_atomic(options.out_dir / MANIFEST_NAME, manifest.to_json().encode("utf-8"))
    summary.stage_seconds["read to write, all texts (wall)"] = time.perf_counter() - clock
