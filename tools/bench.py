"""Benchmarks that print figures (``make bench``); not tests.

    python -m tools.bench worst
    python -m tools.bench parse [--seconds S]
    python -m tools.bench tagging [--texts N]
    python -m tools.bench render [--texts N]
    python -m tools.bench build [--texts N [N ...]] [--jobs N] [--repeat 2]

``worst``: the largest input of each shape the limits let in, each built alone: time
and peak memory against 30 s and 1 GB.
``parse``: read + parse of the seed text (raw/, first file) per second on one core,
and of the held-out texts (every layout, code page and damage) for comparison.
``tagging``: words per second over N synthetic seed-sized texts, for the stock
model alone (every component, whole raw text) and for the pipeline's tag stage
(ner + gazetteer ruler over the prose, structure for the rest).
``render``: DOCX + PDF pairs per second on one core for N tagged records.
``build``: with the machine it ran on, for each N: the full build of N synthetic texts
against the tagging floor (spaCy's ner alone over the same whole raw texts, 2 processes; and
that ner again on NumPy's BLAS, the matrix library the build runs it on),
its peak memory, time per stage, the no-op and one-changed-text rebuilds, a cold build of
one new text (a fresh process, as ``make all``), how soon ``watch`` has a dropped text's
outputs, the other five languages added, and a no-op build over texts that fail (each of these
short figures the median of several runs); ``--repeat 2`` does it all twice and says which
figures agree within 10%.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import re
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.builder.runner import MODEL_LOAD_BESIDE

if TYPE_CHECKING:
    from spacy.language import Language

# (the parser, the tagger and the text generator are imported by the benchmarks that use them:
# the "_build" child a build benchmark times imports only what "python -m pipeline build" does)

WORD = re.compile(r"\w+")
# The last line of a build: "1 built, 999 unchanged, 0 removed, 0 failed in 1.2 s".
# The stages ``build_texts`` times per text, all within the build's "read to write" wall time.
PER_TEXT_STAGES = {"read", "parse", "tag", "render docx", "render pdf", "write"}
# ... and what else runs within it
WITHIN_READ_TO_WRITE = PER_TEXT_STAGES | {MODEL_LOAD_BESIDE}
# A build of a few texts updates the archive and the site in a process of its own, beside the book.
BOOK_STAGE, BESIDE_THE_BOOK = "index + book", ("archive", "site")
OTHER_LANGUAGES = ("ko", "ja", "zh", "ru", "mn")
SUMMARY_LINE = re.compile(r"\d+ built\b.* in [\d.]+ s$")


def synthetic_texts(count: int, seed: int = 0) -> list[str]:
    from tools.synthetic import random_spec, random_style, render

    rng = random.Random(seed)
    return [render(random_spec(rng, ordinal=index + 1), random_style(rng)) for index in range(count)]


def _parse_rate(texts: list[tuple[str, bytes]], seconds: float) -> float:
    """Texts read and parsed per second, looping over ``texts`` for about ``seconds``."""
    from pipeline.parser.reader import read_bytes
    from pipeline.parser.sections import parse

    done = 0
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        for name, data in texts:
            parse(read_bytes(data, name))
        done += len(texts)
    return done / (time.perf_counter() - started)


def bench_parse(seconds: float) -> None:
    """Read + parse on one core: the seed text, and the held-out texts of every layout."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    seed = sorted(Path("raw").glob("*.txt"))[:1]
    heldout = sorted(Path("tests/heldout_parse").glob("*.txt"))
    for label, files in (("seed text", seed), (f"{len(heldout)} held-out texts", heldout)):
        texts = [(path.name, path.read_bytes()) for path in files]
        if not texts:
            continue
        _parse_rate(texts, 0.5)  # warm caches and imports outside the timing
        print(f"read + parse, one core, {label}: {_parse_rate(texts, seconds):7.0f} texts/s")


def bench_tagging(count: int) -> None:
    import spacy

    from pipeline.parser.reader import read_bytes
    from pipeline.parser.sections import parse
    from pipeline.tagger.mentions import tag
    from pipeline.tagger.model import MODEL_CANDIDATES, load_nlp

    texts = synthetic_texts(count)
    words = sum(len(WORD.findall(text)) for text in texts)
    print(f"{count} synthetic texts, {words} words ({words / count:.0f} per text; the seed text has 517)")

    stock = spacy.load(MODEL_CANDIDATES[-1])
    started = time.perf_counter()
    for _ in stock.pipe(texts, batch_size=64):
        pass
    stock_seconds = time.perf_counter() - started
    print(
        f"stock {MODEL_CANDIDATES[-1]} (all components, whole text): {stock_seconds:6.2f} s  "
        f"{words / stock_seconds:9.0f} words/s"
    )

    records = [parse(read_bytes(text.encode(), f"synthetic-{i}.txt")) for i, text in enumerate(texts)]
    nlp = load_nlp()
    started = time.perf_counter()
    tag(records, nlp)
    seconds = time.perf_counter() - started
    print(f"pipeline tag stage (ner + gazetteer, prose only):       {seconds:6.2f} s  {words / seconds:9.0f} words/s")


def bench_render(count: int, languages: tuple[str, ...] = ("en",)) -> None:
    """DOCX + PDF per record on one core, in each language, for tagged seed-sized records.
    Each record is rendered in every language in turn, so a busy moment of the machine
    falls on all of them alike; each language's cost is also given against English's."""
    from pipeline.parser.reader import read_bytes
    from pipeline.parser.sections import parse
    from pipeline.render.briefing import build_briefing, document_timestamp
    from pipeline.render.docx import render_docx
    from pipeline.render.i18n import Translator
    from pipeline.render.pdf import render_pdf, shared_layouts
    from pipeline.settings import DEFAULTS
    from pipeline.tagger.mentions import tag
    from pipeline.tagger.model import load_nlp

    texts = synthetic_texts(count, seed=1)
    records = tag([parse(read_bytes(text.encode(), f"synthetic-{i}.txt")) for i, text in enumerate(texts)], load_nlp())
    timestamp = document_timestamp()
    translators = {language: Translator(language) for language in languages}
    for translator in translators.values():  # fonts, catalogs and template loaded once, outside the timing
        briefing = build_briefing(records[0], DEFAULTS, translator)
        render_docx(briefing, timestamp)
        render_pdf(briefing)
    seconds = {language: [0.0, 0.0] for language in languages}  # DOCX, PDF
    # As in a build's workers: what was loaded before rendering (the model, the records, the
    # fonts) is frozen, so a full collection does not walk it in whichever language it falls.
    gc.freeze()
    for record in records:
        with shared_layouts():  # as a build renders a record's languages (render_briefings)
            for language, translator in translators.items():
                briefing = build_briefing(record, DEFAULTS, translator)
                started = time.perf_counter()
                render_docx(briefing, timestamp)
                middle = time.perf_counter()
                render_pdf(briefing)
                seconds[language][0] += middle - started
                seconds[language][1] += time.perf_counter() - middle
    gc.unfreeze()
    english = sum(seconds.get("en", seconds[languages[0]]))
    for language, (docx_seconds, pdf_seconds) in seconds.items():
        total = docx_seconds + pdf_seconds
        print(
            f"{count} records in {language}, one process: DOCX {1000 * docx_seconds / count:.1f} ms, "
            f"PDF {1000 * pdf_seconds / count:.1f} ms per record -> {count / total:.1f} DOCX+PDF pairs/s, "
            f"{total / english:.2f} x English"
        )


def _tree_pss_mb(pid: int) -> float:
    """Proportional set size of a process and its descendants (shared pages counted once)."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            for line in Path(f"/proc/{current}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total / 1024


def machine_description() -> str:
    """Cores, CPU model, memory and Python: the line every figure of ``build`` is read with."""
    import platform

    model = platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = f"{line.split(':', 1)[1].strip()} ({platform.machine()})"
                break
        mem_kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        memory = f"{mem_kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        memory = "memory unknown"
    return f"{os.cpu_count()} cores, {model}, {memory}, Python {platform.python_version()}"


def _timed_build(
    raw_dir: Path, out_dir: Path, jobs: int, sample_every: float | None = None
) -> tuple[float, float, dict]:
    """Run ``python -m tools.bench _build`` as a child (a cold process, as ``make all`` is);
    -> (seconds, peak PSS in MB, sampled every ``sample_every`` seconds, else 0; seconds per
    stage)."""
    import json
    import subprocess
    import sys

    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "tools.bench", "_build", str(raw_dir), str(out_dir), "--jobs", str(jobs)],
        stdout=subprocess.PIPE,
        text=True,
    )
    peak = 0.0
    while sample_every and child.poll() is None:
        peak = max(peak, _tree_pss_mb(child.pid))
        time.sleep(sample_every)
    output = child.communicate()[0]
    seconds = time.perf_counter() - started
    return seconds, peak, json.loads(output.splitlines()[-1]) if output.strip() else {}


def _timed_run(raw_dir: Path, out_dir: Path, jobs: int) -> tuple[float, dict]:
    """``_timed_build`` without memory samples -> (seconds, seconds per stage)."""
    seconds, _, stages = _timed_build(raw_dir, out_dir, jobs)
    return seconds, stages


def _timed_cli_build(raw_dir: Path, out_dir: Path, jobs: int, languages: str = "en", *, check: bool = True) -> float:
    """Seconds of ``python -m pipeline build`` as a user runs it: a fresh process that imports
    only what the command does (the ``_build`` child also imports this module). ``check``: the
    build must succeed (else texts that fail make its exit status 1)."""
    import subprocess
    import sys

    command = [sys.executable, "-m", "pipeline", "build", str(raw_dir), "--out", str(out_dir), "--jobs", str(jobs)]
    started = time.perf_counter()
    subprocess.run([*command, "--lang", languages], check=check, capture_output=True)
    return time.perf_counter() - started


def _watch_latency(raw_dir: Path, out_dir: Path, jobs: int, text: str, drops: int) -> list[float]:
    """``near-briefings watch`` over the built folder: seconds from the close of each dropped
    text to the rename of the last of its outputs (PDF, DOCX, JSON), one figure per drop."""
    import subprocess
    import sys
    import threading

    watcher = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "watch", str(raw_dir), "--out", str(out_dir), "--jobs", str(jobs)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    ready = threading.Event()
    finished = threading.Semaphore(0)  # released by each build's last line

    def read_lines() -> None:
        assert watcher.stdout is not None
        for line in watcher.stdout:
            if line.startswith("watching "):
                ready.set()
            elif SUMMARY_LINE.match(line):
                finished.release()

    reader = threading.Thread(target=read_lines, daemon=True)
    reader.start()
    latencies = []
    try:
        if not ready.wait(600):
            raise RuntimeError("the watcher never said it was watching")
        for drop in range(drops):
            stem = f"near-synthetic-watch-{drop}"
            outputs = [out_dir / f"{stem}{suffix}" for suffix in (".pdf", ".docx", ".json")]
            while finished.acquire(timeout=0):  # (the catch-up build's line, if it came after "watching")
                pass
            with (raw_dir / f"{stem}.txt").open("w", encoding="utf-8") as file:
                file.write(text.replace("General Assembly", f"General Assembly {drop}", 1))
            closed = time.perf_counter()
            while not all(path.exists() for path in outputs):  # each appears by a rename, complete
                if time.perf_counter() - closed > 120:
                    raise RuntimeError(f"{stem}: no outputs within 120 s")
                time.sleep(0.002)
            latencies.append(time.perf_counter() - closed)
            # The book, index, archive and site follow in the same build: the next drop waits for its end.
            if not finished.acquire(timeout=600):
                raise RuntimeError("the watcher's build never finished")
    finally:
        watcher.send_signal(signal.SIGINT)  # Ctrl-C: stops after the running build
        try:
            watcher.wait(120)
        except subprocess.TimeoutExpired:
            watcher.kill()
    for drop in range(drops):  # the folder as it was before the drops, for the next figure
        (raw_dir / f"near-synthetic-watch-{drop}.txt").unlink()
    return latencies


# Sampling memory every 50 ms costs the machine a fifth of a core (the kernel walks every
# page table): a build sampled that often is a second one, never the timed one. Every second
# costs a hundredth: the timed build itself is sampled (for the long builds of many texts).
SAMPLE_OFTEN, SAMPLE_WHILE_TIMED = 0.05, 1.0


# The short figures (a no-op, one text, a dropped text) are each the median of several runs: one
# busy moment of a shared machine would move a single run by more than the 10% two runs are held
# to (with 3, the new title, the new text and watch of two runs still missed it by that).
REPEATS = 5


def _median_run(run: Callable[[int], tuple[float, dict]], times: int = REPEATS) -> tuple[float, dict]:
    """``run(attempt)`` -> (seconds, stages), ``times`` times: the run of the median seconds."""
    runs = sorted((run(attempt) for attempt in range(times)), key=lambda result: result[0])
    return runs[len(runs) // 2]


def _median(times: int, run: Callable[[int], float]) -> float:
    return _median_run(lambda attempt: (run(attempt), {}), times)[0]


def _ner_seconds(nlp: Language, texts: list[str]) -> float:
    """Seconds ``nlp`` takes over ``texts`` in 2 processes (forked: they keep its thread limits)."""
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64, n_process=2):
        pass
    return time.perf_counter() - started


def _build_figures(count: int, jobs: int, sample_every: float) -> dict[str, float]:
    """Every figure of the ``build`` benchmark for ``count`` texts, printed as measured."""
    import shutil
    import tempfile

    import spacy

    from pipeline.tagger.model import EXCLUDED_COMPONENTS, MODEL_CANDIDATES, load_on_numpy_blas

    figures: dict[str, float] = {}

    def report(label: str, value: float, unit: str, key: str | None = None) -> None:
        figures[key or label] = value
        print(f"  {label:<62} {value:9.2f} {unit}", flush=True)

    texts = synthetic_texts(count, seed=2)
    words = sum(len(WORD.findall(text)) for text in texts)
    print(f"{count} synthetic raw texts, {words} words ({words / count:.0f} per text)", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        raw_dir, out_dir = Path(tmp) / "raw", Path(tmp) / "out"
        raw_dir.mkdir()
        for index, text in enumerate(texts):
            (raw_dir / f"near-synthetic-{index:05d}.txt").write_text(text, encoding="utf-8")

        floor = _ner_seconds(spacy.load(MODEL_CANDIDATES[-1], exclude=EXCLUDED_COMPONENTS), texts)
        report("floor: spaCy ner alone, whole raw texts, 2 processes", floor, "s", "floor")
        # The build runs the model on NumPy's BLAS, one thread a process (tagger/model.py): the
        # stock floor's ner on that library too, for what the rest of the build costs beyond it.
        # (Loaded after the stock floor: the thread limit then holds in this process.)
        blas_floor = _ner_seconds(load_on_numpy_blas(MODEL_CANDIDATES[-1], EXCLUDED_COMPONENTS), texts)
        gc.collect()  # (both models let go before the build is timed, as the one floor was)
        report("  the same on NumPy's BLAS (as the build runs it)", blas_floor, "s", "floor on BLAS")

        sampled_while_timed = sample_every >= SAMPLE_WHILE_TIMED
        seconds, peak, stages = _timed_build(raw_dir, out_dir, jobs, sample_every if sampled_while_timed else None)
        report(f"full build (--jobs {jobs})", seconds, "s", "full build")
        report("full build / floor", seconds / floor, "x", "ratio to floor")
        report("full build / the floor on NumPy's BLAS", seconds / blas_floor, "x", "ratio to floor on BLAS")
        report("full build per text", 1000 * seconds / count, "ms", "per text")
        for stage, stage_seconds in stages.items():
            report(f"  {stage}", 1000 * stage_seconds / count, "ms per text", f"stage: {stage}")
        if not sampled_while_timed:
            shutil.rmtree(out_dir)
            _, peak, _ = _timed_build(raw_dir, out_dir, jobs, sample_every)
        how = "that build" if sampled_while_timed else "a second build"
        report(f"peak memory (PSS, all processes; {how}, every {sample_every:g} s)", peak, "MB", "peak memory")
        report(
            "no-op build (python -m pipeline build)",
            _median(REPEATS, lambda _: _timed_cli_build(raw_dir, out_dir, jobs)),
            "s",
            "no-op",
        )
        first, second = raw_dir / "near-synthetic-00000.txt", raw_dir / "near-synthetic-00001.txt"
        spaced, titled = first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")

        def respace(attempt: int) -> tuple[float, dict]:
            first.write_text(
                spaced.replace("General Assembly", f"General{' ' * (attempt + 2)}Assembly", 1), encoding="utf-8"
            )
            return _timed_run(raw_dir, out_dir, jobs)

        one, stages = _median_run(respace)
        report(f"one changed text (spacing only; median of {REPEATS})", one, "s", "one change")
        for stage, stage_seconds in stages.items():
            report(f"  {stage}", stage_seconds, "s", f"one change: {stage}")

        # A new title changes the timeline too: the book's timeline and matrix are laid out again.
        def retitle(attempt: int) -> tuple[float, dict]:
            title, rest = titled.split("\n", 1)
            second.write_text(f"{title} (revised {attempt + 1})\n{rest}", encoding="utf-8")
            return _timed_run(raw_dir, out_dir, jobs)

        report(
            f"one changed text (a new title; median of {REPEATS})",
            _median_run(retitle)[0],
            "s",
            "one change, new title",
        )
        # make all with one new text: a fresh process imports, loads the model, builds, ends.
        new = raw_dir / "near-synthetic-new.txt"

        def add_new(attempt: int) -> tuple[float, dict]:
            if attempt:  # (the text added before taken away again, its outputs with it: new once more)
                new.unlink()
                _timed_cli_build(raw_dir, out_dir, jobs)
            new.write_text(texts[-1].replace("General Assembly", "Assembly"), encoding="utf-8")
            return _timed_run(raw_dir, out_dir, jobs)

        cold, stages = _median_run(add_new)
        report(
            f"cold build of one new text (a fresh process, as make all; median of {REPEATS})", cold, "s", "cold one new"
        )
        # The per-text stages are CPU time inside "read to write"; the wall-clock parts add up,
        # but for the archive and the site, made beside the book: the longer of the two counts.
        walls = {stage: seconds for stage, seconds in stages.items() if stage not in WITHIN_READ_TO_WRITE}
        beside = sum(walls.pop(stage, 0.0) for stage in BESIDE_THE_BOOK)
        inside = sum(walls.values()) + max(0.0, beside - walls.get(BOOK_STAGE, 0.0))
        for stage, stage_seconds in stages.items():
            report(f"  {stage}", stage_seconds, "s", f"cold one new: {stage}")
        report("  the rest: interpreter, imports, manifest, hashing, exit", cold - inside, "s", "cold one new: rest")
        latencies = _watch_latency(raw_dir, out_dir, jobs, texts[-2], drops=REPEATS)
        report(
            f"watch: a dropped text's PDF, DOCX, JSON after its close (median of {REPEATS})",
            sorted(latencies)[len(latencies) // 2],
            "s",
            "watch latency",
        )
        # Last: the other figures are of English briefings alone.
        others = ",".join(OTHER_LANGUAGES)
        added = _timed_cli_build(raw_dir, out_dir, jobs, f"en,{others}")
        report(f"five languages added ({others}): only their files", added, "s", "languages added")
        no_op = _median(REPEATS, lambda _: _timed_cli_build(raw_dir, out_dir, jobs, f"en,{others}"))
        report("no-op build, six languages", no_op, "s", "no-op six")
        # Texts that fail are remembered: a no-op build reports them again from the manifest,
        # without reading them or loading the model (the build that found them is not timed).
        failing = max(1, count // 25)
        noise = random.Random(3)
        for index in range(failing):
            (raw_dir / f"near-synthetic-failing-{index:03d}.txt").write_bytes(noise.randbytes(4096))
        _timed_cli_build(raw_dir, out_dir, jobs, f"en,{others}", check=False)
        failed = _median(REPEATS, lambda _: _timed_cli_build(raw_dir, out_dir, jobs, f"en,{others}", check=False))
        texts_failing = f"{failing} text{'s' if failing > 1 else ''} failing (random bytes)"
        report(f"no-op build, six languages, {texts_failing}", failed, "s", "no-op failing")
    return figures


def bench_build(counts: list[int], jobs: int = 2, repeat: int = 1, sample_every: float = SAMPLE_OFTEN) -> None:
    """The full build of N texts against the tagging floor, memory, no-op, one-change, cold and
    watch times, for each N; with ``repeat`` 2, all of it twice and whether each figure agrees."""
    print(f"machine: {machine_description()}", flush=True)
    for count in counts:
        runs = []
        for run in range(repeat):
            print(f"--- {count} texts, run {run + 1} of {repeat}", flush=True)
            runs.append(_build_figures(count, jobs, sample_every))
        if repeat < 2:
            continue
        print(f"--- {count} texts: run 1 against run 2 (within 10%?)")
        for key, first in runs[0].items():
            second = runs[1].get(key)
            if second is None or key.startswith(("one change: ", "cold one new: ", "stage: ")):
                continue
            agree = abs(first - second) <= 0.1 * max(abs(first), abs(second))
            print(f"  {key:<40} {first:9.2f} {second:9.2f}  {'yes' if agree else 'NO'}")


# The largest inputs of each shape the limits let in (MAX_BYTES a file, 20,000
# characters a line): each is built alone, and must stay under 30 s and 1 GB.
WORST_SECONDS, WORST_MB = 30, 1024


def worst_cases() -> dict[str, str]:
    """Name -> raw text of the worst inputs of each shape within the limits."""
    from pipeline.parser.reader import MAX_BYTES

    seed = (Path(__file__).resolve().parent.parent / "raw" / "near-1995-khabarovsk.txt").read_text(encoding="utf-8")
    head = seed[: seed.index("· Khabarovsk Declaration")]
    words = WORD.findall(
        "the regional governments of North East Asia agreed to cooperate on trade in Toyama Prefecture"
    )
    rng = random.Random(0)

    def sentence(count: int) -> str:
        return " ".join(rng.choice(words) for _ in range(count)) + "."

    def fill(make_line: Callable[[int], str], budget: int = MAX_BYTES - 10_000) -> str:
        lines, size, index = [], len(head), 0
        while size < budget:
            line = make_line(index)
            lines.append(line)
            size, index = size + len(line.encode()) + 1, index + 1
        return "\n".join(lines)

    return {
        "one paragraph up to the limit (wrapped lines)": head + "· Declaration\n" + fill(lambda _: sentence(12)),
        "20,000-character lines up to the limit": head
        + "· Declaration\n"
        + fill(lambda _: sentence(3_300)[:19_999], MAX_BYTES - 25_000),
        "numbered resolutions up to the limit": head
        + "· Declaration\nPreamble.\n\n"
        + fill(lambda i: f"{i + 1}. Agreed."),
        "contents bullets up to the limit": head.replace(
            "· Overview", "· Contents\n" + fill(lambda i: f"▷ Item {i}", MAX_BYTES - 10_000) + "\n· Overview"
        ),
        "200 countries' headings with 5 authorities each": seed.replace(
            "\tChina\n",
            "".join(
                f"\tLand{index}:\n\tA{index} Province, B{index} Province, C{index} Province, D, E\n"
                for index in range(200)
            )
            + "\tChina\n",
        ),
        "5,000 authorities of one country": seed.replace(
            "\tHeilongjiang Province, Liaoning Province",
            "\n\t".join(", ".join(f"Region {i}" for i in range(start, start + 100)) for start in range(0, 5_000, 100)),
        ),
        "10,000 suspect entries (notes)": seed.replace(
            "\tHeilongjiang Province, Liaoning Province",
            "\n\t".join(
                ", ".join(f"{i} regions" for i in range(start, start + 100)) for start in range(0, 10_000, 100)
            ),
        ),
    }


def bench_worst() -> None:
    """Time and peak memory of building each worst case alone (``python -m pipeline build``)."""
    import resource
    import subprocess
    import sys
    import tempfile

    print(f"each built alone with --jobs 1; limits {WORST_SECONDS} s and {WORST_MB} MB")
    for name, text in worst_cases().items():
        with tempfile.TemporaryDirectory() as tmp:
            raw_dir = Path(tmp) / "raw"
            raw_dir.mkdir()
            (raw_dir / "worst.txt").write_text(text, encoding="utf-8")
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            started = time.perf_counter()
            result = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pipeline",
                    "build",
                    str(raw_dir),
                    "--out",
                    str(Path(tmp) / "out"),
                    "--jobs",
                    "1",
                ],
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
            seconds = time.perf_counter() - started
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            peak_text = f"{peak / 1024:6.0f} MB" if peak > before else "  <= earlier"
            verdict = "ok" if seconds < WORST_SECONDS and peak / 1024 < WORST_MB else "OVER"
            last = (result.stdout.strip().splitlines() or [""])[-1][:60]
            print(f"{name:<48} {len(text.encode()):>9,} B {seconds:6.1f} s {peak_text}  {verdict}  {last}")


def _build_for_bench(raw_dir: str, out_dir: str, jobs: int) -> None:
    import json

    from pipeline.builder.runner import BuildOptions, build

    summary = build(BuildOptions(Path(raw_dir), Path(out_dir), jobs=jobs))
    print(json.dumps(summary.stage_seconds), flush=True)
    os._exit(0)  # (as the command ends: pipeline.cli.run)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("worst", help="time and memory of the worst inputs within the limits, each built alone")
    parsing = commands.add_parser("parse", help="read + parse texts per second on one core")
    parsing.add_argument("--seconds", type=float, default=5.0)
    tagging = commands.add_parser("tagging", help="tagging throughput, stock model vs pipeline")
    tagging.add_argument("--texts", type=int, default=1000)
    render = commands.add_parser("render", help="DOCX+PDF pairs per second on one core")
    render.add_argument("--texts", type=int, default=200)
    render.add_argument(
        "--languages", default="en", help="comma-separated (en,ko,ja,zh,ru,mn): each against English in one run"
    )
    full = commands.add_parser("build", help="full build vs the tagging floor; memory; no-op and one-change builds")
    full.add_argument("--texts", type=int, nargs="+", default=[1000], help="one or more sizes, e.g. 1000 10000")
    full.add_argument("--jobs", type=int, default=2)
    full.add_argument("--repeat", type=int, choices=(1, 2), default=1, help="2: everything twice, compared")
    full.add_argument(
        "--sample-every",
        type=float,
        default=SAMPLE_OFTEN,
        help=f"seconds between memory samples; {SAMPLE_WHILE_TIMED:g} or more: the timed build is sampled (no second)",
    )
    internal = commands.add_parser("_build")  # the build the "build" benchmark times, in a child process
    internal.add_argument("raw_dir")
    internal.add_argument("out_dir")
    internal.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    if args.command == "_build":
        _build_for_bench(args.raw_dir, args.out_dir, args.jobs)
    elif args.command == "worst":
        bench_worst()
    elif args.command == "parse":
        bench_parse(args.seconds)
    elif args.command == "build":
        bench_build(args.texts, args.jobs, args.repeat, args.sample_every)
    elif args.command == "render":
        bench_render(args.texts, tuple(args.languages.split(",")))
    else:
        bench_tagging(args.texts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
