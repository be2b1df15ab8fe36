"""The batch runner: a folder of raw texts -> OUT_DIR, incrementally, on every core.

spaCy is loaded once, then worker processes are forked that share it; each takes
a slice of the changed texts through every stage (``stages.build_raw_texts``). Every
file is written to a temporary name and renamed; the manifest is updated only
after a text's outputs are all in place, so a build killed at any moment leaves
complete files and the next build repairs the rest. Nothing read back from
OUT_DIR is trusted: an output that is not the file the build wrote is rebuilt.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import os
import sys
import time
from collections.abc import Callable, Collection, Iterator
from concurrent.futures import Executor, Future, as_completed
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from filelock import FileLock, Timeout

from ..memory import release_free_memory
from ..outdir import (
    STALE_TEMPORARIES,
    Witness,
    atomic_output,
    clear_path,
    digest,
    digest_back,
    file_signature,
    write_atomic,
)
from ..render.i18n import briefing_suffixes
from ..settings import DEFAULTS, LANGUAGES, Language, Settings, edition_date, logo_png
from ..tagger.model import model_fingerprint
from ..timing import Timings
from .archive import ArchiveOutcome, archive_records, update_archive, update_archive_apart
from .edition import Edition, edition_fingerprint
from .environment import writers_environment
from .files import (
    CHECKS_NAME,
    book_language,
    check_outputs,
    checks_name,
    output_suffixes,
    outputs_of,
    remove_books,
    remove_outputs,
)
from .index import INDEX_NAME, IndexEntry
from .manifest import MANIFEST_NAME, Entry, Failure, Manifest, pipeline_fingerprint
from .names import Refusal, is_raw_text_name, name_max, refused_names
from .report import EditedOutput, FileResult, FileStatus, Reporter, Summary
from .settled import SETTLED_NAME, Settled, build_key, raw_state, tree_state
from .stages import Stage, Tagger, TextOutcome, build_raw_texts, extend_texts, failure_line, unreadable_line

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from spacy.language import Language as Nlp

    from ..record import Record

LOCK_NAME = ".build.lock"
OWN_NAMES = (LOCK_NAME, SETTLED_NAME)  # in OUT_DIR, not in its settled state
# Below this many changed texts, worker processes cost more than they save...
POOL_THRESHOLD = 8
# ...unless the collection is this large: then the PDF and DOCX books are built side by side,
BOOK_POOL_THRESHOLD = 50
# ...in this many tasks: the DOCX book, the PDF book's timeline and its participation matrix.
BOOK_TASKS = 3
CHUNK_MAX = 8
# While texts are built the manifest is saved after every 100 of them, or every tenth of those
# it holds if more (a killed build keeps what it built; saving it every 100 texts of 10,000 cost
# the build process 100 encodings of a growing manifest, 100 MB at once at the end)
MANIFEST_SAVE_EVERY = 100
MANIFEST_SAVES_PER_SIZE = 10
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
_P = ParamSpec("_P")
_R = TypeVar("_R")
_T = TypeVar("_T")


def scan_raw_dir(raw_dir: Path) -> tuple[list[Path], list[str]]:
    """The raw texts to build, and the names of everything else (ignored). A symlink
    is followed only when it stays inside ``raw_dir``."""
    root = raw_dir.resolve()
    texts, ignored = [], []
    with os.scandir(raw_dir) as entries:  # (its file types come with the listing: no stat of each)
        found = sorted(entries, key=lambda entry: entry.name)
    for entry in found:
        path = raw_dir / entry.name
        # only a symlink can lead out of the folder: resolving every name was a fifth of a no-op build
        inside = not entry.is_symlink() or path.resolve().is_relative_to(root)
        if is_raw_text_name(entry.name) and inside and entry.is_file():
            texts.append(path)
        elif not entry.name.startswith("."):
            ignored.append(entry.name + ("" if inside else " (symlink out of the folder)"))
    return texts, ignored


def usable_cores() -> int:
    """The cores this process may run on (its affinity mask, where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


_FORKED_TAGGER: Tagger | None = None  # set before the workers fork; they share its model


def _build_texts_in_worker(
    raw_dir: Path, names: list[str], out_dir: Path, paper: str, settings: Settings
) -> tuple[list[TextOutcome], Timings]:
    assert _FORKED_TAGGER is not None, "workers are forked after the tagger is set"
    try:
        return build_raw_texts(raw_dir, names, out_dir, paper, _FORKED_TAGGER, settings)
    finally:
        release_free_memory()


def _model_tagger(options: BuildOptions) -> Tagger:
    from ..tagger.mentions import tag
    from ..tagger.model import load_nlp

    nlp = load_nlp(options.model)
    return lambda records: tag(records, nlp)


def loaded_tagger(options: BuildOptions) -> Tagger:
    """The model loaded and the writers warm, for a caller that builds again and again
    (``watch``): each build it passes the tagger to starts with nothing to load."""
    warm_renderers()
    return _model_tagger(options)


def warm_renderers() -> None:
    """Import the writers, load their fonts and the DOCX template once: before forking, so
    workers share them, or for a watcher's next build."""
    from ..render.docx import render_docx  # noqa: F401
    from ..render.docx.template import default_template
    from ..render.fonts import register_all
    from ..render.pdf import render_pdf  # noqa: F401

    register_all()
    default_template()


def warm_writers() -> None:
    """The writers warm (``warm_renderers``), the book's and the archive's modules and the
    book's PDF library imported and the site's templates compiled: what a small build does
    while its model loads in a process of its own, so that the book and the site's worker,
    forked from this process, start with them."""
    import pikepdf  # noqa: F401

    from ..site import write  # noqa: F401
    from ..site.pages import compile_templates
    from . import archive, book  # noqa: F401

    warm_renderers()
    compile_templates()


def _worker_started(build_process: int) -> None:
    """Each worker, as it starts. Ctrl-C reaches the whole process group, but the build
    process decides what stops. And a worker ends with the build process, however that
    ends (SIGTERM, SIGHUP, SIGKILL): left alone it would finish its slice, then wait for
    more forever, holding a model's memory, the caller's stderr and OUT_DIR's lock."""
    import ctypes
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform == "linux":
        # The kernel kills this process when the one that forked it ends. (Pool workers are
        # forked by the thread that runs the build, which outlives the pool.)
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, ctypes.c_ulong(signal.SIGKILL))
    if os.getppid() != build_process:  # it ended before the line above took effect
        os._exit(1)


@contextmanager
def _workers(tagger: Tagger | None, workers: int) -> Iterator[Executor | None]:
    """``workers`` forked worker processes that inherit the loaded model and fonts; None
    when one is enough (the work is too small to pay for more) or the platform cannot fork."""
    global _FORKED_TAGGER
    if workers <= 1 or not _can_fork():
        yield None
        return
    warm_renderers()
    _FORKED_TAGGER = tagger
    # Objects alive now (the model above all) are never collected: frozen, the workers'
    # garbage collector leaves them alone instead of touching, and so copying, their pages.
    # (``build`` lets them go when it ends.)
    gc.freeze()
    pool = _process_pool(workers)
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


def _collect_frozen() -> None:
    """Collect what was frozen (a model let go: its reference cycles), and freeze what lives on."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


# --- the build ----------------------------------------------------------------------------


@dataclass
class BuildOptions:
    raw_dir: Path
    out_dir: Path
    model: str | None = None
    paper: str = "a4"
    jobs: int = os.cpu_count() or 1
    settings: Settings = DEFAULTS  # briefings.toml (the CLI reads it; --draft and --paper are in it)
    settings_dir: Path | None = None  # where the settings file is: a relative logo path starts there


def build(
    options: BuildOptions,
    reporter: Reporter | None = None,
    tagger: Tagger | None = None,
    first: Collection[str] = (),
) -> Summary:
    """``first``: names of raw texts just dropped or changed (``watch`` knows them): built
    before the other texts and the outputs are checked, so their files come first."""
    reporter = reporter or Reporter()
    started = time.perf_counter()
    out_dir = options.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    if (out_dir / LOCK_NAME).is_symlink():  # never a lock a build made (the lock refuses to follow it): damage
        (out_dir / LOCK_NAME).unlink()
    lock = FileLock(out_dir / LOCK_NAME)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        reporter.waiting(out_dir / LOCK_NAME)
        lock.acquire()
    try:
        replayed, moved_to = (None, None) if first else _replayed(options, reporter)
        if replayed is not None:
            summary = replayed
        else:
            with ExitStack() as loaders, writers_environment(reporter.message):
                summary = _build_locked(options, reporter, tagger, first, loaders, moved_to)
    finally:
        gc.unfreeze()  # (what the build froze is collected again as any object is)
        lock.release()
    summary.seconds = time.perf_counter() - started
    reporter.finish(summary)
    return summary


def _read_raw(path: Path, summary: Summary, reporter: Reporter) -> bytes | None:
    """A raw text's bytes; None when it cannot be read (it fails with one line, the others go on)."""
    try:
        return path.read_bytes()
    except OSError as error:
        _fail_before_reading(summary, reporter, path.name, unreadable_line(path.name, error))
        return None


def _fail_before_reading(summary: Summary, reporter: Reporter, name: str, line: str) -> None:
    result = FileResult(name, FileStatus.FAILED, line)
    summary.results.append(result)
    reporter.advance(result)


def _build_locked(
    options: BuildOptions,
    reporter: Reporter,
    tagger: Tagger | None,
    first: Collection[str],
    loaders: ExitStack,
    moved_to: str | None = None,
) -> Summary:
    """``loaders``: where a model loaded for this build alone is let go when it ends;
    ``moved_to``: the raw folder's state, where it moved on since the last build settled (most
    likely a text dropped or edited, whose build waited for the model after reading a large
    archive's manifest): then, unless a ``tagger`` is given, the model for a handful of texts
    starts loading now, before the manifest tells which texts changed."""
    out_dir, summary, given_tagger = options.out_dir, Summary(), tagger
    if moved_to is not None and tagger is None:
        tagger = loaders.enter_context(_FewTextsTagger(options, summary))
    clear_path(out_dir / SETTLED_NAME)  # (this build may change either folder)
    # (the raw folder as this build finds it, before it reads a text: one dropped while it runs
    # is not in the state it leaves; as the settled state's check found it, under the same lock)
    raw_before = moved_to if moved_to is not None else raw_state(options.raw_dir)
    for stale in out_dir.glob(STALE_TEMPORARIES):  # left by a build that was killed mid-write
        stale.unlink(missing_ok=True)
    new, edition = _identity(options, summary, reporter)
    built_first, tagger = _build_new_first(first, new, options, reporter, tagger, summary, loaders)
    texts, summary.ignored = scan_raw_dir(options.raw_dir)
    _tell_ignored(summary, reporter)
    refused = {refusal.file: refusal for refusal in refused_names([path.name for path in texts], name_max(out_dir))}
    for refusal in refused.values():
        if refusal.reason is not Refusal.RESERVED:  # (the collection's outputs are not this text's to remove)
            remove_outputs(out_dir, Path(refusal.file).stem)
        _fail_before_reading(summary, reporter, refusal.file, refusal.line)
    old = Manifest.load(out_dir)
    # What the last build left lives until this one ends (objects for each text and output):
    # frozen, the garbage collector stops walking it on each full collection, which took
    # a third of a no-op build of 10,000 texts.
    gc.freeze()
    witness = Witness.load(out_dir)
    gc.freeze()
    reusable = old is not None and old.same_build(new)  # else (new code, model, paper or settings) all is rebuilt
    _known_or_new(summary, built_first, old)
    # Outputs someone changed since the build wrote them are moved aside before anything
    # could overwrite or remove them; the rest is checked once here.
    written: dict[str, str] = {}
    for name, entry in old.files.items() if old else ():
        if name not in built_first:  # (its outputs were none: whatever is there now, this build wrote)
            written |= entry.output_digests()
    written |= old.collection if old else {}
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    as_written, moved = check_outputs(out_dir, written, stamp, witness)
    for name, kept_as in moved:
        summary.edited.append(EditedOutput(name, kept_as))
        reporter.message(summary.edited[-1].line())

    # Each raw text's digest: as the manifest recorded it while its stat is the one recorded
    # with it (the bytes of 10,000 texts, read and hashed, were a fifth of a no-op build), else
    # of its bytes, read now (and let go: what builds the text reads them again).
    read_now: set[str] = set()
    digests: dict[str, str] = {}
    stats: dict[str, tuple[int, int, int, int] | None] = {}
    for path in texts:
        if path.name in refused or path.name in built_first:
            continue
        stats[path.name] = signature = file_signature(os.fspath(path))
        known = old.files.get(path.name) if old else None
        if signature is not None and known is not None and known.raw_stat == signature:
            digests[path.name] = known.sha256
            continue
        data = _read_raw(path, summary, reporter)
        if data is not None:
            read_now.add(path.name)
            digests[path.name] = digest(data)
    wanted = output_suffixes(options.settings.written_languages)
    changed: list[str] = []
    extend: list[tuple[str, str, tuple[Language, ...]]] = []  # built, but not yet in every language wanted
    trimmed = False  # built in a language no longer wanted: its files removed
    restamped = False  # a raw text's stat is not the one recorded, its bytes the same (copied, touched)
    remembered: set[str] = set()  # failed before on the same bytes: nothing new to report
    for name, sha256 in digests.items():
        failure = old.failures.get(name) if old and reusable else None
        if failure is not None and failure.sha256 == sha256:  # refused before, the same bytes: said again
            new.failures[name] = failure
            remembered.add(name)
            _fail_before_reading(summary, reporter, name, failure.error)
            continue
        previous = old.files.get(name) if old and reusable else None
        # Its outputs as the build wrote them: anything else there (garbage, a symlink) is rebuilt.
        if previous is not None and previous.sha256 == sha256 and set(previous.output_digests()) <= as_written:
            kept = _in_languages(out_dir, previous, wanted)
            trimmed = trimmed or kept is not previous
            new.files[name] = kept if kept.raw_stat == stats[name] else kept._replace(raw_stat=stats[name])
            restamped = restamped or kept.raw_stat != stats[name]
            missing = tuple(
                language
                for language in options.settings.written_languages
                if not set(briefing_suffixes(language)) <= set(previous.outputs)
            )
            if missing:
                extend.append((name, previous.outputs[".json"], missing))
            else:
                summary.results.append(_result(name, FileStatus.UNCHANGED, previous.summary))
        else:
            changed.append(name)
    for name in changed:  # (a text whose stat vouched for its digest, but whose outputs are not as written)
        if name not in read_now:
            data = _read_raw(options.raw_dir / name, summary, reporter)
            if data is not None:
                read_now.add(name)
                digests[name] = digest(data)
    changed = [name for name in changed if name in read_now]
    present = {path.name for path in texts}
    for name in sorted(set(old.files) - present if old else ()):
        remove_outputs(out_dir, Path(name).stem)
        summary.results.append(FileResult(name, FileStatus.REMOVED))

    # The collection's files on disk as the last build wrote them (so a volume may be kept whole,
    # or its PDF's pages)...
    books_written = {n: d for n, d in old.collection.items() if n in as_written} if old and reusable else {}
    collection_written = (
        old is not None and reusable and bool(old.collection) and len(books_written) == len(old.collection)
    )
    # ...and still the collection of the texts kept: then only the books of languages added are made.
    collection_stale = (
        bool(changed)
        or bool(built_first)
        or not collection_written
        or set(old.files if old else ()) != set(new.files)
        or (old is not None and old.book != new.book)
    )
    languages = options.settings.written_languages
    kept_collection = (
        {}
        if collection_stale or old is None
        else {n: d for n, d in old.collection.items() if n == INDEX_NAME or book_language(n) in languages}
    )
    trimmed = trimmed or (old is not None and not collection_stale and kept_collection != old.collection)
    dropped = set(LANGUAGES) - set(languages)
    # (OUT_DIR is listed for them only when the last build may have left some: a no-op build
    # need not list its outputs, 12 ms for 9,000 files here)
    if old is None or not old.collection or any(book_language(n) in dropped for n in old.collection):
        remove_books(out_dir, dropped)
    for code in dropped:
        (out_dir / checks_name(code)).unlink(missing_ok=True)
    books = (
        languages
        if collection_stale
        else tuple(code for code in languages if not any(book_language(n) == code for n in kept_collection))
    )
    write_book = bool(books)
    many = len(changed) >= POOL_THRESHOLD  # tagged in forked workers, which share one whole model
    apart = write_book and not extend  # the archive and the site made beside the book (below)
    # Those of many texts are made in a process forked now, before this one loads the model and
    # gathers the texts' entries; its work is handed to it then. (Forked then, beside a book of
    # 10,000 texts, it held 255 MB of pages of its own, its work about 140 MB of them: the rest
    # were its copies of pages this process wrote, as it does every record's making the book.)
    archivist = loaders.enter_context(_worker_forked_now()) if apart and many else None
    if isinstance(tagger, _FewTextsTagger) and (many or not changed):
        tagger.let_go()  # (loaded ahead for nothing, or for fewer texts than there are)
        tagger = None
    if changed and tagger is None:
        tagger = _timed_tagger(options, summary) if many else loaders.enter_context(_FewTextsTagger(options, summary))
    jobs = max(1, min(options.jobs, usable_cores()))
    slices = _chunks(changed, jobs)
    text_workers = max(
        len(slices) if len(changed) >= POOL_THRESHOLD else 0,
        min(jobs, len(extend)) if len(extend) >= POOL_THRESHOLD else 0,
    )
    large_book = write_book and len(new.files) + len(changed) >= BOOK_POOL_THRESHOLD
    # Where many texts changed, the archive and the site take in each of them, as long as the
    # book takes at 10,000 texts: they have one of the jobs, the book's workers the others
    # (on 2 cores, a build of 10,000 texts whose 2 book workers ran beside them held 170 MB
    # more, for a tenth less of the book's time).
    book_jobs = jobs - 1 if apart and many else jobs
    book_workers = min(book_jobs, BOOK_TASKS) if large_book else 0
    written_now: dict[str, str] = {}
    with _workers(tagger, min(jobs, text_workers)) as pool:
        if extend:
            _extend(extend, new, options, reporter, pool, summary)
        if changed:
            reporter.start(len(changed))
            assert tagger is not None
            # (a handful is built here: their model is in a loader process, which only this one talks to)
            builders = pool if many else None
            built_before = set(old.files) if old else set()
            _rebuild(slices, stats, new, options, reporter, tagger, builders, summary, built_before)
    if tagger is not given_tagger and not isinstance(tagger, _FewTextsTagger):
        # The model this build loaded is done with: let go before the book and the site,
        # whose workers are forked without it (a sixth of a large build's peak memory).
        tagger = None
        _collect_frozen()
    # The archive and the site are updated in a process of their own while this one makes the
    # book: neither reads what the other writes. (Side by side they peak below the texts'
    # workers with their model, let go above: 493 MB, as one after the other, at 1,000 texts.)
    records = archive_records(new)
    beside = _handed(archivist, update_archive_apart, out_dir, records) if archivist is not None else None
    if beside is None and apart:
        beside = _beside(update_archive_apart, out_dir, records)
    summary.results.sort(key=lambda result: result.file)
    failed_anew = any(result.file not in remembered for result in summary.failed)
    reports = all((out_dir / checks_name(code)).is_file() for code in languages)
    # (the pre-send report lists briefings and notes, nothing of the book, the archive or the
    # site: it is written in a process of its own while this one makes the book)
    checking = bool(changed or failed_anew or summary.edited or write_book or not reports)
    checks_beside = _beside(_write_checks, options, summary) if checking and apart else None
    with _workers(None, book_workers) as pool:
        if write_book:
            clock = time.perf_counter()
            # (a volume is kept whole only while the book shows what it showed: the same edition)
            before = old.files if old is not None and reusable and old.book == new.book else None
            written_now = _write_collection(
                out_dir, new, pool, books_written, before, summary, reporter, edition, books
            )
            new.collection = kept_collection | written_now if written_now else {}
            summary.stage_seconds["index + book"] = time.perf_counter() - clock
        else:
            new.collection = kept_collection
        # (a language added or dropped, a raw text's stat: the collection is as it was)
        if write_book or extend or trimmed or restamped:
            try:
                write_atomic(out_dir / MANIFEST_NAME, new.to_json())
            except OSError as error:  # the next build finds the outputs it cannot vouch for, and rebuilds them
                summary.errors.append(f"{out_dir}: cannot write the manifest: {error.strerror or error}")
                reporter.message(summary.errors[-1])
    # What the book left is given back before the archive and the site are made here, or while
    # they are made beside this process from many texts.
    if beside is None or many:
        release_free_memory()
    # What this build wrote, whatever its bytes (a file written again with the same bytes is a
    # new file: a witness row kept from before would not vouch for it)
    rebuilt = [*changed, *built_first, *(name for name, _, _ in extend)]
    rewritten = {out for name in rebuilt if name in new.files for out in new.files[name].output_digests()}
    witness.vouch(
        {name: found for entry in new.files.values() for name, found in entry.output_digests().items()}
        | new.collection,
        rewritten | set(written_now),
    )
    with suppress(OSError):  # not written: the next build hashes every output, as without it
        witness.save()
    if checking:
        _checks_done(checks_beside, options, summary, reporter)
    _archive_done(beside, out_dir, records, summary, reporter)
    _settle(options, new, summary, raw_before, witness)
    return summary


def _identity(options: BuildOptions, summary: Summary, reporter: Reporter) -> tuple[Manifest, Edition]:
    """The manifest of this build before any text (its code, model, paper, settings and the
    book's edition), and the edition."""
    edition = _edition(options, summary, reporter)
    fingerprints = (options.settings.briefing_fingerprint(), edition_fingerprint(edition, options.settings))
    return Manifest(pipeline_fingerprint(), model_fingerprint(options.model), options.paper, *fingerprints), edition


def _settled_key(options: BuildOptions, identity: Manifest) -> str:
    """What makes a build the same one: its manifest's identity, the languages it writes,
    the site's templates, the raw folder it reads."""
    from ..site.version import site_version

    languages = ",".join(options.settings.written_languages)
    shown = (identity.pipeline, identity.model, identity.paper, identity.settings, identity.book, languages)
    return build_key((*shown, site_version(), os.fspath(options.raw_dir.resolve())))


def _tell_ignored(summary: Summary, reporter: Reporter) -> None:
    if summary.ignored:
        reporter.message(f"ignored (not .txt): {', '.join(summary.ignored)}")


def _replayed(options: BuildOptions, reporter: Reporter) -> tuple[Summary | None, str | None]:
    """-> (what a build with nothing to do tells, when the raw folder and OUT_DIR are as the
    last build left them and this build is the same one (``settled``), else None; the raw
    folder's state where the same build finds it changed since: some text most likely to tag)."""
    state = Settled.load(options.out_dir)
    if state is None:
        return None, None
    quiet = Summary()  # (a logo that cannot be read is told by the build that goes the whole way)
    identity, _ = _identity(options, quiet, Reporter())
    if quiet.errors or state.key != _settled_key(options, identity):
        return None, None
    raw = raw_state(options.raw_dir)
    if state.raw != raw:
        return None, raw
    if state.tree != tree_state(options.out_dir, OWN_NAMES):
        return None, None
    summary = Summary(results=list(state.results), ignored=list(state.ignored))
    _tell_ignored(summary, reporter)
    for result in summary.failed:
        reporter.advance(result)
    summary.results.sort(key=lambda result: result.file)
    return summary, None


def _settle(options: BuildOptions, new: Manifest, summary: Summary, raw: str | None, witness: Witness) -> None:
    """The settled state recorded (``raw``: the raw folder's, as the build found it), when a
    build with nothing to do would tell what this one found and write nothing: no error to
    retry, every failure an input refused before (a refused name is not one: its text is
    not in the manifest, and each build writes the pre-send report again), each output as
    the witness saw it last (the tree's state takes their stats from the witnesses, the site's
    too: a file edited or removed while the build ran is not as they say, so the next build
    finds the tree changed, and goes the whole way)."""
    from ..site import recorded_signatures

    failures = [FileResult(name, FileStatus.FAILED, failure.error) for name, failure in sorted(new.failures.items())]
    told = {result.file: result.error for result in failures}
    if summary.errors or any(told.get(result.file) != result.error for result in summary.failed):
        return
    # (a stat of each of 50,000 files was a tenth of one changed text's build)
    known = recorded_signatures(options.out_dir) | {name: row[1] for name, row in witness.files.items()}
    tree = tree_state(options.out_dir, OWN_NAMES, known)
    if raw is None or tree is None:
        return
    unchanged = [_result(name, FileStatus.UNCHANGED, entry.summary) for name, entry in sorted(new.files.items())]
    state = Settled(_settled_key(options, new), raw, tree, tuple(summary.ignored), (*failures, *unchanged))
    # (not recorded, the next build goes the whole way: also when a name is not text, an
    # undecodable byte in it, which JSON cannot hold)
    with suppress(OSError, UnicodeEncodeError):
        state.save(options.out_dir)


# (multiprocessing is imported by the functions below, once a build has work for a worker:
# a build with nothing to do, which a user runs most often, does not pay for it.)


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _process_pool(workers: int) -> ProcessPoolExecutor:
    """``workers`` processes forked from this one."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_started, initargs=(os.getpid(),))


def _forked_worker() -> ProcessPoolExecutor | None:
    """One worker process forked from this one, for work beside it (None where processes
    cannot be forked)."""
    return _process_pool(1) if _can_fork() else None


@contextmanager
def _worker_forked_now() -> Iterator[ProcessPoolExecutor | None]:
    """One worker forked from this process now (a first task, nothing, forks it) for work handed
    to it later, its arguments pickled; None where processes cannot be forked. Shut down when
    the build ends, done or not."""
    worker = _forked_worker()
    if worker is None:
        yield None
        return
    worker.submit(int)
    try:
        yield worker
    finally:
        worker.shutdown(wait=False, cancel_futures=True)


def _handed(
    worker: ProcessPoolExecutor, work: Callable[_P, _R], *args: _P.args, **kwargs: _P.kwargs
) -> Future[_R] | None:
    """``work`` handed to the ``worker`` forked for it, which ends once it is done; None when
    that worker is gone (killed meanwhile: the work is for another)."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        return worker.submit(work, *args, **kwargs)
    except BrokenProcessPool:
        return None
    finally:
        worker.shutdown(wait=False)


def _outcome(beside: Future[_R], otherwise: Callable[[], _T]) -> _R | _T:
    """What the worker beside returned, or, when it was killed mid-way, ``otherwise()`` here."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        return beside.result()
    except BrokenProcessPool:
        return otherwise()


# The work of the worker forked next, with its arguments: the worker has them as this process
# had them when it forked, not pickled to it (the results of 10,000 texts took 0.1 s to pickle
# and unpickle before the pre-send report could start).
_HANDED: Callable[[], Any] | None = None


def _run_handed() -> Any:
    """In a worker forked by ``_beside``: the work handed to it."""
    assert _HANDED is not None
    return _HANDED()


def _beside(work: Callable[_P, _R], *args: _P.args, **kwargs: _P.kwargs) -> Future[_R] | None:
    """``work`` started in a forked worker process (None where processes cannot be forked);
    the worker ends once it is done."""
    global _HANDED
    _HANDED = functools.partial(work, *args, **kwargs)  # (before the pool: forked whenever it forks)
    try:
        worker = _forked_worker()
        return None if worker is None else _handed(worker, _run_handed)
    finally:
        _HANDED = None


def _archive_done(
    beside: Future[ArchiveOutcome] | None,
    out_dir: Path,
    records: dict[str, tuple[str, str]],
    summary: Summary,
    reporter: Reporter,
) -> None:
    """The archive and the site updated: what the worker beside told, or, without one (or
    when it was killed), updated here."""
    # (the worker killed mid-way: the archive checks itself as it is opened)
    told = None if beside is None else _outcome(beside, lambda: None)
    if told is None:
        update_archive(out_dir, records, summary, reporter)
    else:
        told.replay(summary, reporter)


def _in_languages(out_dir: Path, entry: Entry, wanted: tuple[str, ...]) -> Entry:
    """``entry`` without the briefings of languages no longer wanted (their files removed)."""
    unwanted = [suffix for suffix in entry.outputs if suffix not in wanted]
    for suffix in unwanted:
        (out_dir / f"{entry.summary.stem}{suffix}").unlink(missing_ok=True)
    if not unwanted:
        return entry
    return entry._replace(outputs={suffix: found for suffix, found in entry.outputs.items() if suffix in wanted})


def _extend_texts_in_worker(
    items: list[tuple[str, str, tuple[Language, ...]]], out_dir: Path, paper: str, settings: Settings
) -> tuple[list[TextOutcome], Timings]:
    return extend_texts(items, out_dir, paper, settings)


def _extend(
    items: list[tuple[str, str, tuple[Language, ...]]],
    manifest: Manifest,
    options: BuildOptions,
    reporter: Reporter,
    pool: Executor | None,
    summary: Summary,
) -> None:
    """The briefings of texts built before in the languages they lack, from their records
    (a language added: only its files are made). A text that fails here is built anew next time."""
    clock = time.perf_counter()
    reporter.start(len(items))
    size = max(1, min(CHUNK_MAX, -(-len(items) // (max(1, options.jobs) * 4))))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    args = (options.out_dir, options.paper, options.settings)
    results = (
        [extend_texts(items, *args)]
        if pool is None
        else (future.result() for future in [pool.submit(_extend_texts_in_worker, chunk, *args) for chunk in chunks])
    )
    for outcomes, timings in results:
        for stage, seconds in timings.items():
            summary.stage_seconds[stage] = summary.stage_seconds.get(stage, 0.0) + seconds
        for outcome in outcomes:
            entry = manifest.files[outcome.file]
            if outcome.outputs is None:
                del manifest.files[outcome.file]
                result = FileResult(outcome.file, FileStatus.FAILED, outcome.error)
            else:
                manifest.files[outcome.file] = entry._replace(outputs=entry.outputs | outcome.outputs)
                result = _result(outcome.file, FileStatus.BUILT, entry.summary)
            summary.results.append(result)
            reporter.advance(result)
    summary.stage_seconds["other languages, from the records (wall)"] = time.perf_counter() - clock


MODEL_LOAD = "load the model (wall)"
# A handful of texts: their model loads in a process of its own while this one reads, parses
# and gets its writers ready, within "read to write"
MODEL_LOAD_BESIDE = "load the model, in its own process (wall, within read to write)"


def _timed_tagger(options: BuildOptions, summary: Summary) -> Tagger:
    clock = time.perf_counter()
    tagger = _model_tagger(options)
    summary.stage_seconds[MODEL_LOAD] = time.perf_counter() - clock
    return tagger


_AHEAD: Nlp | None = None  # in a loader process: the model, loaded before its texts were known


def _load_ahead(model: str | None) -> float:
    """In the loader process: the model and the gazetteer, which need no texts. -> the seconds it took."""
    global _AHEAD
    from ..tagger.gazetteer import load_gazetteer
    from ..tagger.model import load_model

    clock = time.perf_counter()
    _AHEAD = load_model(model)
    load_gazetteer()
    return time.perf_counter() - clock


def _tag_ahead(model: str | None, records: list[Record]) -> tuple[list[Record], float]:
    """In the loader process: ``records`` tagged by the model loaded ahead (loaded now if it
    was not), with the gazetteer's rulers for them alone. -> (the records, seconds spent loading)."""
    from ..tagger.mentions import prose, tag
    from ..tagger.model import load_model, with_rulers

    clock = time.perf_counter()
    nlp = with_rulers(_AHEAD or load_model(model), texts=[text for record in records for text in prose(record)])
    return tag(records, nlp), time.perf_counter() - clock


class _FewTextsTagger:
    """The tagger of a build of a handful of texts: the model is loaded in a process of its
    own, started as soon as the build knows some text changed, while this process reads and
    parses them and gets its writers ready; then the gazetteer's rulers are made with only the
    names that can match in these texts (they are tagged as the whole model tags them, and
    the rulers take a fraction of the time). Where processes cannot be forked, each call
    loads the model here."""

    def __init__(self, options: BuildOptions, summary: Summary) -> None:
        self.model, self.summary = options.model, summary
        self._loader = _forked_worker()
        self._loaded = None if self._loader is None else self._loader.submit(_load_ahead, self.model)

    def __call__(self, records: list[Record]) -> list[Record]:
        if self._loader is None:
            tagged, loading = _tag_ahead(self.model, records)
        else:
            warm_writers()  # while the model loads
            loading = 0.0 if self._loaded is None else self._loaded.result()
            self._loaded = None
            tagged, more = self._loader.submit(_tag_ahead, self.model, records).result()
            loading += more
        self.summary.stage_seconds[MODEL_LOAD_BESIDE] = self.summary.stage_seconds.get(MODEL_LOAD_BESIDE, 0.0) + loading
        return tagged

    def let_go(self) -> None:
        """The model is not wanted after all: its process ends now, not once it has loaded."""
        if self._loader is not None:
            # (ProcessPoolExecutor.terminate_workers comes with Python 3.14; until then its processes)
            for process in list(getattr(self._loader, "_processes", {}).values()):
                process.terminate()
            self._loader.shutdown(wait=False, cancel_futures=True)
            self._loader = self._loaded = None

    def __enter__(self) -> _FewTextsTagger:
        return self

    def __exit__(self, *_: object) -> None:
        if self._loader is not None:
            self._loader.shutdown(cancel_futures=True)


def _build_new_first(
    first: Collection[str],
    new: Manifest,
    options: BuildOptions,
    reporter: Reporter,
    tagger: Tagger | None,
    summary: Summary,
    loaders: ExitStack,
) -> tuple[set[str], Tagger | None]:
    """The texts of ``first`` (just dropped) that have no outputs yet, built in this process
    before the raw folder is scanned and the manifest read: their files come first, however
    large the archive. Nothing of OUT_DIR is read or overwritten for them (there is nothing),
    so nothing needs checking first; a name the build would refuse, or a text with outputs
    already (changed, not new) is left to the build that follows, as are more than a handful.
    -> (the names built or failed, the tagger, loaded if it had to be)."""
    raw_dir, out_dir = options.raw_dir, options.out_dir
    candidates = sorted(name for name in first if is_raw_text_name(name))
    if not 0 < len(candidates) < POOL_THRESHOLD:
        return set(), tagger
    names = [path.name for path in raw_dir.iterdir() if is_raw_text_name(path.name)]  # (no stat of each)
    refused = {refusal.file for refusal in refused_names(names, name_max(out_dir))}
    root = raw_dir.resolve()
    chosen: list[str] = []
    stats: dict[str, tuple[int, int, int, int] | None] = {}
    for name in candidates:
        path = raw_dir / name
        if (
            name in refused
            or not (path.is_file() and path.resolve().is_relative_to(root))
            or any(os.path.lexists(out_dir / output) for output in outputs_of(path.stem))
        ):
            continue
        stats[name] = file_signature(os.fspath(path))
        chosen.append(name)
    if not chosen:
        return set(), tagger
    if tagger is None:
        tagger = loaders.enter_context(_FewTextsTagger(options, summary))
    _rebuild([chosen], stats, new, options, reporter, tagger, None, summary, set())
    return set(chosen), tagger


def _known_or_new(summary: Summary, built_first: set[str], old: Manifest | None) -> None:
    """The texts built first were taken for new; those the last build built are changed."""
    for index, result in enumerate(summary.results):
        if result.file in built_first and result.new and old is not None and result.file in old.files:
            summary.results[index] = dataclasses.replace(result, new=False)


def _edition(options: BuildOptions, summary: Summary, reporter: Reporter) -> Edition:
    """The book's cover: the association, the edition date, the logo (a logo that cannot
    be read is named in one line, and the book made without it)."""
    settings = options.settings
    logo = None
    if settings.association.logo is not None:
        path = (options.settings_dir or Path()) / settings.association.logo
        try:
            logo = logo_png(path)
        except (OSError, ValueError) as error:
            summary.errors.append(f"{path}: cannot read the logo: {error}; the book is made without it")
            reporter.message(summary.errors[-1])
    association = settings.association
    return Edition(association.name, association.short_name, edition_date(settings), logo)


def _result(name: str, status: FileStatus, entry: IndexEntry, new: bool = False) -> FileResult:
    return FileResult(
        name,
        status,
        needs_checking=entry.needs_checking,
        new=new,
        checks=tuple(check.text for check in entry.checks),
        check_codes=tuple(check.code for check in entry.checks),
    )


def _write_checks(options: BuildOptions, summary: Summary) -> str | None:
    """OUT_DIR/checks.pdf, the pre-send report of this build (its text goes to the terminal)
    -> the error line when it cannot be written."""
    from .checks import write_checks  # (the renderers: a build with nothing to write imports none)

    try:
        write_checks(options.out_dir, summary, options.settings, options.paper)
    except OSError as error:
        return f"{options.out_dir}: cannot write {CHECKS_NAME}: {error.strerror or error}"
    return None


def _checks_done(
    beside: Future[str | None] | None, options: BuildOptions, summary: Summary, reporter: Reporter
) -> None:
    """The pre-send report written: by the worker beside, or, without one (or when it was
    killed), here."""
    error = (
        _write_checks(options, summary) if beside is None else _outcome(beside, lambda: _write_checks(options, summary))
    )
    if error is not None:
        summary.errors.append(error)
        reporter.message(error)
        return
    summary.checks_report = str(options.out_dir / CHECKS_NAME)


def _write_collection(
    out_dir: Path,
    manifest: Manifest,
    pool: Executor | None,
    kept: dict[str, str],
    before: dict[str, Entry] | None,
    summary: Summary,
    reporter: Reporter,
    edition: Edition,
    languages: tuple[Language, ...],
) -> dict[str, str]:
    """index.json and the book of ``manifest``'s texts in ``languages`` -> the digest of each
    file as written; empty when they could not be written (the briefings stay; the next
    build makes them again). ``kept``, ``before``: as ``write_collection`` takes them."""
    from .book import write_collection  # (the renderers: a build with nothing to write imports none)

    try:
        files = write_collection(
            out_dir, manifest.files, manifest.paper, atomic_output, pool, kept, edition, languages, before
        )
    except OSError as error:  # disk full
        summary.errors.append(f"{out_dir}: cannot write the index and briefing book: {error.strerror or error}")
        reporter.message(summary.errors[-1])
        return {}
    except Exception as error:
        summary.errors.append(f"{out_dir}: index and briefing book failed: {type(error).__name__}: {error}")
        reporter.message(summary.errors[-1])
        return {}
    collection = {}
    for name, kept_digest in files.items():  # (without texts, there is no collection)
        found = kept_digest or digest_back(out_dir / name)  # (only the files written now are read)
        if found is None:  # gone already: it is not vouched for
            return {}
        collection[name] = found
    return collection


def _chunks(items: list[str], jobs: int) -> list[list[str]]:
    """Slices small enough to keep every worker busy to the end, large enough for nlp.pipe to batch."""
    size = max(1, min(CHUNK_MAX, -(-len(items) // (jobs * 4))))
    return [items[i : i + size] for i in range(0, len(items), size)]


def _slices(
    slices: list[list[str]], options: BuildOptions, tagger: Tagger, pool: Executor | None
) -> Iterator[tuple[list[TextOutcome], Timings]]:
    """Each slice's outcomes as it finishes (without workers, all texts as one slice). A
    worker that dies (killed, out of memory) fails the texts of its slice, each with one
    line; the other slices go on."""
    raw_dir, out_dir, paper, settings = options.raw_dir, options.out_dir, options.paper, options.settings
    if pool is None:
        yield build_raw_texts(raw_dir, [name for chunk in slices for name in chunk], out_dir, paper, tagger, settings)
        return
    futures: dict[Future[tuple[list[TextOutcome], Timings]], list[str]] = {
        pool.submit(_build_texts_in_worker, raw_dir, chunk, out_dir, paper, settings): chunk for chunk in slices
    }
    for future in as_completed(futures):
        try:
            yield future.result()
        except Exception as error:
            for name in futures[future]:
                remove_outputs(options.out_dir, Path(name).stem)
            yield [TextOutcome(name, failure_line(name, Stage.BUILD, error)) for name in futures[future]], {}


def _rebuild(
    slices: list[list[str]],
    stats: dict[str, tuple[int, int, int, int] | None],
    manifest: Manifest,
    options: BuildOptions,
    reporter: Reporter,
    tagger: Tagger,
    pool: Executor | None,
    summary: Summary,
    known: set[str],
) -> None:
    """``slices``: the raw texts' names, by slice; ``stats``: each text's stat before its bytes
    were first read (they are read again as it is built: the manifest records their digest);
    ``known``: the texts the last build built (a text built now is new or changed)."""
    clock = time.perf_counter()
    done = saved = 0
    for outcomes, timings in _slices(slices, options, tagger, pool):
        for stage, seconds in timings.items():
            summary.stage_seconds[stage] = summary.stage_seconds.get(stage, 0.0) + seconds
        for outcome in outcomes:
            if outcome.entry is None or outcome.outputs is None:
                manifest.files.pop(outcome.file, None)
                if outcome.refused_input and outcome.error:
                    manifest.failures[outcome.file] = Failure(outcome.sha256, outcome.error)
                result = FileResult(outcome.file, FileStatus.FAILED, outcome.error)
            else:
                entry = Entry(outcome.sha256, outcome.outputs, outcome.entry, stats.get(outcome.file))
                manifest.files[outcome.file] = entry
                result = _result(outcome.file, FileStatus.BUILT, outcome.entry, new=outcome.file not in known)
            summary.results.append(result)
            reporter.advance(result)
            done += 1
            # (the collection is not yet these texts': it stays unrecorded)
            if done >= saved + max(MANIFEST_SAVE_EVERY, len(manifest.files) // MANIFEST_SAVES_PER_SIZE):
                write_atomic(options.out_dir / MANIFEST_NAME, manifest.to_json())
                saved = done
                release_free_memory()
    wall = "read to write, all texts (wall)"
    summary.stage_seconds[wall] = summary.stage_seconds.get(wall, 0.0) + time.perf_counter() - clock
