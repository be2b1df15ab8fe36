"""Command line: a thin layer over the library.

    python -m pipeline build [RAW_DIR] [--out OUT_DIR]
    python -m pipeline schema
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .build import build
from .record import json_schema


def command_build(args: argparse.Namespace) -> int:
    raw_dir, out_dir = Path(args.raw_dir), Path(args.out)
    if not raw_dir.is_dir():
        print(f"{raw_dir}: no such folder", file=sys.stderr)
        return 2
    results = build(raw_dir, out_dir)
    failed = [result for result in results if result.status == "failed"]
    for result in failed:
        print(result.error, file=sys.stderr)
    built = len(results) - len(failed)
    print(f"{built} built, {len(failed)} failed -> {out_dir}", file=sys.stderr)
    return 1 if failed else 0


def command_schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    build_parser = commands.add_parser("build", help="build OUT_DIR from the raw texts in RAW_DIR")
    build_parser.add_argument("raw_dir", nargs="?", default="raw", metavar="RAW_DIR", help="folder of raw .txt files (default: raw)")
    build_parser.add_argument("--out", default="output", metavar="OUT_DIR", help="output folder (default: output)")
    build_parser.set_defaults(run=command_build)

    schema_parser = commands.add_parser("schema", help="print the record's JSON Schema")
    schema_parser.set_defaults(run=command_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    return args.run(args)
