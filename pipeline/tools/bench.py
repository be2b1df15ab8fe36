"""Benchmarks that print figures (``make bench``); not tests.

    python -m pipeline.tools.bench tagging [--texts N]
    python -m pipeline.tools.bench render [--texts N]

``tagging``: words per second over N synthetic seed-sized texts, for the stock
model alone (every component, whole raw text) and for the pipeline's tag stage
(ner + gazetteer ruler over the prose, structure for the rest).
``render``: DOCX + PDF pairs per second on one core for N tagged records.
"""

from __future__ import annotations

import argparse
import random
import re
import time

from ..parser import parse
from ..reader import read_bytes
from ..synthetic import random_spec, random_style, render
from ..tagger import MODEL_CANDIDATES, load_nlp, tag

WORD = re.compile(r"\w+")


def synthetic_texts(count: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return [render(random_spec(rng, ordinal=index + 1), random_style(rng)) for index in range(count)]


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
    print(f"stock {MODEL_CANDIDATES[-1]} (all components, whole text): {stock_seconds:6.2f} s  {words / stock_seconds:9.0f} words/s")

    records = [parse(read_bytes(text.encode(), f"synthetic-{i}.txt")) for i, text in enumerate(texts)]
    nlp = load_nlp()
    started = time.perf_counter()
    tag(records, nlp)
    seconds = time.perf_counter() - started
    print(f"pipeline tag stage (ner + gazetteer, prose only):       {seconds:6.2f} s  {words / seconds:9.0f} words/s")


def bench_render(count: int) -> None:
    """DOCX + PDF pairs per second on one core, for tagged seed-sized records."""
    from ..briefing import build_briefing, document_timestamp
    from ..write_docx import render_docx
    from ..write_pdf import render_pdf

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
    print(f"{count} records, one process: DOCX {1000 * docx_seconds / count:.1f} ms, PDF {1000 * pdf_seconds / count:.1f} ms "
          f"per record -> {count / total:.1f} DOCX+PDF pairs/s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.tools.bench", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    tagging = commands.add_parser("tagging", help="tagging throughput, stock model vs pipeline")
    tagging.add_argument("--texts", type=int, default=1000)
    render = commands.add_parser("render", help="DOCX+PDF pairs per second on one core")
    render.add_argument("--texts", type=int, default=200)
    args = parser.parse_args(argv)
    {"tagging": bench_tagging, "render": bench_render}[args.command](args.texts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
