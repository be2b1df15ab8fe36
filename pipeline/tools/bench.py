"""Benchmarks that print figures (``make bench``); not tests.

    python -m pipeline.tools.bench tagging [--texts N]

``tagging``: words per second over N synthetic seed-sized texts, for the stock
model alone (every component, whole raw text) and for the pipeline's tag stage
(ner + gazetteer ruler over the prose, structure for the rest).
"""

from __future__ import annotations

import argparse
import random
import re
import time

from ..parse import parse
from ..reader import read_bytes
from ..synthetic import random_spec, random_style, render
from ..tag import MODEL_CANDIDATES, load_nlp, tag

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.tools.bench", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    tagging = commands.add_parser("tagging", help="tagging throughput, stock model vs pipeline")
    tagging.add_argument("--texts", type=int, default=1000)
    args = parser.parse_args(argv)
    if args.command == "tagging":
        bench_tagging(args.texts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
