"""Questions across records, answered from OUT_DIR/archive.sqlite: search, history, who.

The archive is opened read-only and checked to be one this program wrote
(``open_checked``); any doubt is one line (``ArchiveError``), never a traceback.
"""

from __future__ import annotations

import difflib
import json
import sqlite3
from collections import defaultdict
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from ..parser.text import alias_key, split_aside

SUGGESTIONS = 5
SNIPPET_WORDS = 12


class Problem(StrEnum):
    EMPTY = "nothing to search for"
    UNKNOWN_NAME = "no place or organization of that name in the archive"
    UNKNOWN_MEETING = "no meeting of that name in the archive"
    NO_MEETING_IN_YEAR = "no meeting in that year in the archive"


class QueryError(Exception):
    """A question the archive cannot answer; the message is one line, with close names where there are some."""

    def __init__(self, subject: str, problem: Problem, close: list[str] | None = None) -> None:
        self.subject, self.problem, self.close = subject, problem, close or []
        hint = f"; did you mean {', '.join(repr(name) for name in self.close)}?" if self.close else ""
        super().__init__(f"{subject}: {problem}{hint}")


@dataclass
class Hit:
    file: str
    title: str | None
    date: str | None
    score: float
    part: str
    snippet: str


@dataclass
class Attendance:
    file: str
    title: str | None
    date: str | None
    id: str
    name: str
    written: str
    role: str  # member, observer; or mentioned: named in the record, not listed as taking part


@dataclass
class Participant:
    file: str
    title: str | None
    date: str | None
    country: str | None
    id: str
    name: str
    written: str
    role: str


def _fts_query(words: list[str]) -> str:
    """Each word as a quoted FTS5 phrase (so no word is taken as syntax), all of them required;
    a trailing * keeps its meaning (a prefix)."""
    terms = []
    for word in " ".join(words).split():
        prefix = word.endswith("*") and len(word) > 1
        body = word.rstrip("*") if prefix else word
        if body:
            terms.append('"' + body.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " ".join(terms)


def search(db: sqlite3.Connection, words: list[str], limit: int = 20) -> list[Hit]:
    """Meetings whose text holds every word, best first (FTS5's bm25 of their best part)."""
    query = _fts_query(words)
    if not query:
        raise QueryError(" ".join(words) or "''", Problem.EMPTY)
    rows = db.execute(
        f"""SELECT s.file, m.title, coalesce(m.start_date, m.year), bm25(search) AS score, s.part,
                  snippet(search, 4, '[', ']', '…', {SNIPPET_WORDS})
           FROM search AS s JOIN meetings AS m ON m.file = s.file
           WHERE search MATCH ? ORDER BY score, s.file, s.part, s.position""",
        (query,),
    )
    best: dict[str, Hit] = {}
    for file, title, date, score, part, snippet in rows:
        if file not in best:
            best[file] = Hit(file, title, None if date is None else str(date), round(score, 6), part, snippet)
    return list(best.values())[:limit]


def _names(db: sqlite3.Connection) -> tuple[dict[str, set[str]], dict[str, str]]:
    """{alias key: ids} over every name the records give a thing, and {id: its name}."""
    ids: dict[str, set[str]] = defaultdict(set)
    shown: dict[str, str] = {}
    for identity, name, written in db.execute("SELECT entity_id, name, written FROM participants"):
        aside = split_aside(written)
        for spelling in (name, written, aside[0] if aside else None, identity):
            if spelling:
                ids[alias_key(spelling)].add(identity)
        shown.setdefault(identity, name)
    for identity, name, aliases in db.execute("SELECT id, name, aliases FROM entities"):
        try:
            spellings = [name, identity, *json.loads(aliases)]
        except ValueError:
            spellings = [name, identity]
        for spelling in spellings:
            if type(spelling) is str:
                ids[alias_key(spelling)].add(identity)
        shown.setdefault(identity, name)
    return ids, shown


def identities(db: sqlite3.Connection, name: str) -> set[str]:
    """The ids ``name`` may mean: any spelling a record gives, an id itself, or the gazetteer's
    names for the thing (so "Primorsky Krai" finds the records that say "Primorski Territory")."""
    from ..tagger.gazetteer import load_gazetteer

    ids, shown = _names(db)
    found = set(ids.get(alias_key(name), ()))
    entry = load_gazetteer().lookup(name)
    if entry is not None and entry.id in shown:
        found.add(entry.id)
    if not found:
        # Every spelling the records give (never an id's 'name:' key), each shown by its thing's name.
        keys = sorted(key for key in ids if not key.startswith("name:"))
        names: list[str] = []
        for key in difflib.get_close_matches(alias_key(name), keys, n=SUGGESTIONS * 2, cutoff=0.6):
            for identity in sorted(ids[key]):
                if shown[identity] not in names:
                    names.append(shown[identity])
        raise QueryError(name, Problem.UNKNOWN_NAME, names[:SUGGESTIONS])
    return found


def history(db: sqlite3.Connection, name: str) -> list[Attendance]:
    """Every meeting the thing ``name`` means took part in (listed as member or observer), else
    every meeting that names it, in date order."""
    found = sorted(identities(db, name))
    marks = ", ".join("?" * len(found))
    rows = db.execute(
        f"""SELECT m.file, m.title, coalesce(m.start_date, m.year), p.entity_id, p.name, p.written, p.role
            FROM participants AS p JOIN meetings AS m ON m.file = p.file
            WHERE p.entity_id IN ({marks})
            ORDER BY coalesce(m.start_date, m.year, '9999'), m.file, p.position""",
        found,
    ).fetchall()
    attended = {row[0] for row in rows}
    mentioned = db.execute(
        f"""SELECT m.file, m.title, coalesce(m.start_date, m.year), e.id, e.name, e.name, 'mentioned'
            FROM entities AS e JOIN meetings AS m ON m.file = e.file
            WHERE e.id IN ({marks})
            ORDER BY coalesce(m.start_date, m.year, '9999'), m.file, e.position""",
        found,
    ).fetchall()
    rows += [row for row in mentioned if row[0] not in attended]
    rows.sort(key=lambda row: (str(row[2] or "9999"), row[0]))
    seen: set[str] = set()
    result = []
    for file, title, date, identity, shown, written, role in rows:
        if file not in seen:  # one line a meeting
            seen.add(file)
            result.append(Attendance(file, title, None if date is None else str(date), identity, shown, written, role))
    return result


def _meetings(db: sqlite3.Connection, meeting: str | None, year: int | None) -> list[str]:
    files = list(db.execute("SELECT file, stem, title, year FROM meetings ORDER BY file"))
    chosen = files
    if meeting is not None:
        key = alias_key(meeting)
        chosen = [row for row in chosen if key in (alias_key(row[0]), alias_key(row[1]))]
        if not chosen:  # words of its name or title
            chosen = [row for row in files if key in alias_key(row[1]) or (row[2] and key in alias_key(row[2]))]
        if not chosen:
            candidates = [row[1] for row in files] + [row[2] for row in files if row[2]]
            close = difflib.get_close_matches(meeting, candidates, n=SUGGESTIONS, cutoff=0.5)
            raise QueryError(meeting, Problem.UNKNOWN_MEETING, close)
    if year is not None:
        chosen = [row for row in chosen if row[3] == year]
        if not chosen:
            raise QueryError(str(year), Problem.NO_MEETING_IN_YEAR)
    return [row[0] for row in chosen]


def who(db: sqlite3.Connection, meeting: str | None = None, year: int | None = None) -> list[Participant]:
    """Every authority listed at the meetings ``meeting`` (a file, stem or words of the title)
    and ``year`` name, members first within each country, as the text lists them."""
    files = _meetings(db, meeting, year)
    marks = ", ".join("?" * len(files))
    rows = db.execute(
        f"""SELECT m.file, m.title, coalesce(m.start_date, m.year), p.country, p.entity_id, p.name, p.written, p.role
            FROM participants AS p JOIN meetings AS m ON m.file = p.file
            WHERE m.file IN ({marks})
            ORDER BY coalesce(m.start_date, m.year, '9999'), m.file, p.role, p.position""",
        files,
    )
    return [
        Participant(file, title, None if date is None else str(date), country, identity, name, written, role)
        for file, title, date, country, identity, name, written, role in rows
    ]


def as_json(items: list[Any]) -> str:
    return json.dumps([asdict(item) for item in items], ensure_ascii=False, indent=2) + "\n"


def as_lines(items: list[Any]) -> str:
    lines = []
    for item in items:
        if isinstance(item, Hit):
            lines.append(f"{item.date or '-'}  {item.file}  {item.title or ''}  — {' '.join(item.snippet.split())}")
        elif isinstance(item, Attendance):
            spelled = f' as "{item.written}"' if item.written != item.name else ""
            lines.append(f"{item.date or '-'}  {item.file}  {item.role}{spelled}  {item.title or ''}")
        elif isinstance(item, Participant):
            spelled = f' ("{item.written}")' if item.written != item.name else ""
            lines.append(f"{item.file}  {item.country or '-'}  {item.role}  {item.name}{spelled}  [{item.id}]")
    return "".join(line.rstrip() + "\n" for line in lines)
