"""A coverage-guided fuzzer over read -> parse -> tag -> render (``make fuzz``).

    python -m tools.fuzz [--seconds N] [--corpus DIR] [--crashes DIR]

It starts from the samples and the held-out texts, mutates their bytes (atheris,
libFuzzer's engine, guided by the branches the package's code takes), and runs
every input through the whole pipeline of one text in memory. Refusing a text with
an ``InputError`` (one line naming the file and line) is a right answer; any other
exception is a crash, an input over ``--timeout`` seconds a hang and one that takes
the process over ``--rss-mb`` a memory failure. libFuzzer writes each to
``--crashes`` as ``crash-*``, ``timeout-*`` or ``oom-*``; copy those into
``tests/fuzz_regressions/`` once fixed, where ``tests/test_fuzz_regressions.py``
runs them on every ``make test``.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = (ROOT / "tests" / "samples", ROOT / "tests" / "heldout_parse", ROOT / "tests" / "fuzz_regressions")


def run_one_text(data: bytes, nlp: Any) -> None:
    """The pipeline of one text, as the build runs it, without writing files."""
    from pipeline import InputError, parse, read_bytes, tag
    from pipeline.render.briefing import build_briefing, document_timestamp
    from pipeline.render.docx import render_docx
    from pipeline.render.pdf import render_pdf

    try:
        record = parse(read_bytes(data, "fuzz.txt"))
    except InputError:
        return
    (tagged,) = tag([record], nlp)
    briefing = build_briefing(tagged)
    render_docx(briefing, document_timestamp())
    render_pdf(briefing)


def seed_corpus(corpus: Path) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    for folder in SEEDS:
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else ():
            shutil.copyfile(path, corpus / f"{folder.name}-{path.name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.fuzz", description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=1800, help="how long to run (default 30 minutes)")
    parser.add_argument("--corpus", type=Path, help="working corpus (default: a temporary folder seeded from tests/)")
    parser.add_argument("--crashes", type=Path, default=Path("fuzz-crashes"), help="where failing inputs are written")
    parser.add_argument("--timeout", type=int, default=30, help="seconds after which one input is a hang")
    parser.add_argument("--rss-mb", type=int, default=1024, help="memory after which one input is a failure")
    parser.add_argument("--max-len", type=int, default=16_384, help="longest input libFuzzer makes, in bytes")
    args = parser.parse_args(argv)

    import atheris

    with atheris.instrument_imports(include=["pipeline"]):
        # Every module now, inside the context: the package's lazy exports would otherwise
        # import them later, uninstrumented, and the fuzzer would run blind.
        import pipeline

        for module in pkgutil.walk_packages(pipeline.__path__, "pipeline."):
            if not module.name.endswith("__main__"):
                importlib.import_module(module.name)
        from pipeline import load_nlp

    nlp = load_nlp()
    corpus = args.corpus or Path(tempfile.mkdtemp(prefix="near-fuzz-"))
    seed_corpus(corpus)
    args.crashes.mkdir(parents=True, exist_ok=True)
    libfuzzer_args = [
        sys.argv[0],
        str(corpus),
        f"-max_total_time={args.seconds}",
        f"-timeout={args.timeout}",
        f"-rss_limit_mb={args.rss_mb}",
        f"-max_len={args.max_len}",
        f"-artifact_prefix={args.crashes}/",
        "-print_final_stats=1",
    ]
    atheris.Setup(libfuzzer_args, lambda data: run_one_text(data, nlp))
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
