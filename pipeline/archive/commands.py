"""The query commands of the command line: search, history, who (registered by ``pipeline.cli``)."""

from __future__ import annotations

import argparse
import contextlib
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from .query import QueryError, as_json, as_lines, history, search, who
from .schema import ARCHIVE_NAME
from .store import ArchiveError, open_checked

Say = Callable[[str, TextIO | None], None]


def _run(args: argparse.Namespace, say: Say, ask: Callable[[sqlite3.Connection], list[Any]]) -> int:
    path = Path(args.out) / ARCHIVE_NAME
    try:
        # Read-write only for the full-text index's check (SQLite runs it as a write): nothing is written.
        with contextlib.closing(open_checked(path, readonly=False)) as db:
            items = ask(db)
    except (ArchiveError, QueryError) as error:
        say(str(error), None)
        return 1
    except sqlite3.Error as error:  # damage the checks did not see (a corrupt page read late)
        say(f"{path}: cannot be read ({error}); run the build again", None)
        return 1
    if not items and not args.json:
        say("nothing found", None)
        return 1
    sys.stdout.write(as_json(items) if args.json else as_lines(items))
    return 0


def add_commands(commands: Any, say: Say) -> None:
    """``search``, ``history`` and ``who`` on the subparsers ``commands``."""

    def common(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--out", default="output", metavar="OUT_DIR", help="built output folder to ask (default: output)"
        )
        parser.add_argument("--json", action="store_true", help="a JSON list instead of one line per item")

    search_parser = commands.add_parser("search", help="meetings whose text holds every word, best first")
    search_parser.add_argument("words", nargs="+", metavar="WORDS", help="words to find (a trailing * for a prefix)")
    search_parser.add_argument("--limit", type=int, default=20, metavar="N", help="at most N meetings (default: 20)")
    common(search_parser)
    search_parser.set_defaults(run=lambda args: _run(args, say, lambda db: search(db, args.words, args.limit)))

    history_parser = commands.add_parser(
        "history", help="every meeting a place or organization took part in, whatever the spelling"
    )
    history_parser.add_argument("name", metavar="NAME", help="any spelling, the gazetteer's name, or an id (RU-PRI)")
    common(history_parser)
    history_parser.set_defaults(run=lambda args: _run(args, say, lambda db: history(db, args.name)))

    who_parser = commands.add_parser("who", help="the authorities listed at a meeting, or at every meeting of a year")
    who_parser.add_argument("--meeting", metavar="NAME", help="a raw text's name, its stem, or words of its title")
    who_parser.add_argument("--year", type=int, metavar="YEAR", help="the meetings of that year")
    common(who_parser)

    def run_who(args: argparse.Namespace) -> int:
        if args.meeting is None and args.year is None:
            say("who: give --meeting NAME or --year YEAR (or both)", None)
            return 2
        return _run(args, say, lambda db: who(db, args.meeting, args.year))

    who_parser.set_defaults(run=run_who)
