"""Benchmarks that print figures (``make bench``); not tests.

    python -m tools.bench worst
    python -m tools.bench parse [--seconds S]
    python -m tools.bench tagging [--texts N]
    python -m tools.bench render [--texts N]
    python -m tools.bench build [--texts N] [--jobs N]

``worst``: the largest input of each shape the limits let in, each built alone: time
and peak memory against 30 s and 1 GB.
``parse``: read + parse of the seed text (raw/, first file) per second on one core,
and of the held-out texts (every layout, code page and damage) for comparison.
``tagging``: words per second over N synthetic seed-sized texts, for the stock
model alone (every component, whole raw text) and for the pipeline's tag stage
(ner + gazetteer ruler over the prose, structure for the rest).
``render``: DOCX + PDF pairs per second on one core for N tagged records.
``build``: the full build of N synthetic texts against the tagging floor (spaCy's
ner alone over the same whole raw texts, 2 processes), its peak memory, time per
stage, and the no-op and one-changed-text rebuilds.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import time
from collections.abc import Callable
from pathlib import Path

from pipeline.parser.reader import MAX_BYTES, read_bytes
from pipeline.parser.sections import parse
from pipeline.tagger.mentions import tag
from pipeline.tagger.model import MODEL_CANDIDATES, load_nlp
from tools.synthetic import random_spec, random_style, render

WORD = re.compile(r"\w+")


def synthetic_texts(count: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return [render(random_spec(rng, ordinal=index + 1), random_style(rng)) for index in range(count)]


def _parse_rate(texts: list[tuple[str, bytes]], seconds: float) -> float:
    """Texts read and parsed per second, looping over ``texts`` for about ``seconds``."""
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


def bench_render(count: int) -> None:
    """DOCX + PDF pairs per second on one core, for tagged seed-sized records."""
    from pipeline.render.briefing import build_briefing, document_timestamp
    from pipeline.render.docx import render_docx
    from pipeline.render.pdf import render_pdf

    texts = synthetic_texts(count, seed=1)
    records = tag([parse(read_bytes(text.encode(), f"synthetic-{i}.txt")) for i, text in enumerate(texts)], load_nlp())
    timestamp = document_timestamp()
    render_docx(build_briefing(records[0]), timestamp)  # fonts and template loaded once, outside the timing
    render_pdf(build_briefing(records[0]))
    docx_seconds = pdf_seconds = 0.0
    for record in records:
        briefing = build_briefing(record)
        started = time.perf_counter()
        render_docx(briefing, timestamp)
        middle = time.perf_counter()
        render_pdf(briefing)
        docx_seconds += middle - started
        pdf_seconds += time.perf_counter() - middle
    total = docx_seconds + pdf_seconds
    print(
        f"{count} records, one process: DOCX {1000 * docx_seconds / count:.1f} ms, "
        f"PDF {1000 * pdf_seconds / count:.1f} ms "
        f"per record -> {count / total:.1f} DOCX+PDF pairs/s"
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


def _timed_build(raw_dir, out_dir, jobs: int, sample_memory: bool = False) -> tuple[float, float, dict]:
    """Run ``python -m tools.bench _build`` as a child; -> (seconds, peak PSS in MB, seconds
    per stage). Sampling memory (every 50 ms) costs the machine a fifth of a core (the kernel
    walks every page table), so a timed build is never a sampled one."""
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
    while sample_memory and child.poll() is None:
        peak = max(peak, _tree_pss_mb(child.pid))
        time.sleep(0.05)
    output = child.communicate()[0]
    seconds = time.perf_counter() - started
    return seconds, peak, json.loads(output.splitlines()[-1]) if output.strip() else {}


def bench_build(count: int, jobs: int = 2) -> None:
    """The full build of N texts against the tagging floor, memory, no-op and one-change times."""
    import os
    import platform
    import shutil
    import tempfile

    import spacy

    from pipeline.tagger.model import EXCLUDED_COMPONENTS

    texts = synthetic_texts(count, seed=2)
    words = sum(len(WORD.findall(text)) for text in texts)
    print(f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}")
    print(f"{count} synthetic raw texts, {words} words ({words / count:.0f} per text)")
    with tempfile.TemporaryDirectory() as tmp:
        raw_dir, out_dir = Path(tmp) / "raw", Path(tmp) / "out"
        raw_dir.mkdir()
        for index, text in enumerate(texts):
            (raw_dir / f"near-synthetic-{index:04d}.txt").write_text(text, encoding="utf-8")

        nlp = spacy.load(MODEL_CANDIDATES[-1], exclude=EXCLUDED_COMPONENTS)
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=64, n_process=2):
            pass
        floor = time.perf_counter() - started
        del nlp
        print(f"floor: spaCy ner alone, whole raw texts, 2 processes:  {floor:7.2f} s")

        seconds, _, stages = _timed_build(raw_dir, out_dir, jobs)
        print(
            f"full build (--jobs {jobs}):                              {seconds:7.2f} s = {seconds / floor:.2f} x floor"
        )
        shutil.rmtree(out_dir)
        _, peak, _ = _timed_build(raw_dir, out_dir, jobs, sample_memory=True)
        print(f"peak memory of the full build (PSS, all processes; a second, sampled run): {peak:5.0f} MB")
        for stage, stage_seconds in stages.items():
            print(f"  {stage:<28} {1000 * stage_seconds / count:8.2f} ms per text")
        noop, _, _ = _timed_build(raw_dir, out_dir, jobs)
        print(f"no-op build:                                            {noop:7.2f} s")
        changed = raw_dir / "near-synthetic-0000.txt"
        changed.write_text(changed.read_text(encoding="utf-8").replace("General Assembly", "General  Assembly", 1))
        one, _, _ = _timed_build(raw_dir, out_dir, jobs)
        print(f"one changed text among {count} (spacing only):          {one:7.2f} s")
        # A new title changes the timeline too: the book's timeline and matrix are laid out again.
        changed = raw_dir / "near-synthetic-0001.txt"
        title, rest = changed.read_text(encoding="utf-8").split("\n", 1)
        changed.write_text(f"{title} (revised)\n{rest}", encoding="utf-8")
        retitled, _, _ = _timed_build(raw_dir, out_dir, jobs)
        print(f"one changed text among {count} (new title):             {retitled:7.2f} s")


# The largest inputs of each shape the limits let in (MAX_BYTES a file, 20,000
# characters a line): each is built alone, and must stay under 30 s and 1 GB.
WORST_SECONDS, WORST_MB = 30, 1024


def worst_cases() -> dict[str, str]:
    """Name -> raw text of the worst inputs of each shape within the limits."""
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
    print(json.dumps(summary.stage_seconds))


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
    full = commands.add_parser("build", help="full build vs the tagging floor; memory; no-op and one-change builds")
    full.add_argument("--texts", type=int, default=1000)
    full.add_argument("--jobs", type=int, default=2)
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
        bench_build(args.texts, args.jobs)
    else:
        {"tagging": bench_tagging, "render": bench_render}[args.command](args.texts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
