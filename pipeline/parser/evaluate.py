"""How well the parser reads texts it was not built on: records against gold files.

A gold file (``GOLD_DIR/NAME.json``, the format is in ``tests/heldout_parse/GOLD_SPEC.md``)
says what a careful reader takes from ``RAW_DIR/NAME.txt``. Every checked value is
one field: right or wrong. Notes are scored apart too, since a missed or a false
note is what makes a briefing silently wrong.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..record import Record
from .countries import country_code
from .reader import read_bytes
from .sections import parse

# Only notes a reader must check are scored; what the reader repaired is scored as repairs.
CHECK_SEVERITY = "check"


@dataclass
class FileScore:
    file: str
    right: int = 0
    total: int = 0
    wrong: list[str] = field(default_factory=list)
    notes_expected: set[str] = field(default_factory=set)
    notes_found: set[str] = field(default_factory=set)

    def check(self, name: str, expected: object, actual: object, same: bool | None = None) -> None:
        """One field; ``same`` says whether it is right where plain comparison cannot."""
        self.total += 1
        if _same(expected, actual) if same is None else same:
            self.right += 1
        else:
            self.wrong.append(f"{name}: expected {expected!r}, got {actual!r}")

    @property
    def notes_right(self) -> bool:
        return self.notes_expected == self.notes_found


def _same(expected: object, actual: object) -> bool:
    if isinstance(expected, str) and isinstance(actual, str):
        return " ".join(expected.split()) == " ".join(actual.split())
    return expected == actual


def _casefold(text: str | None) -> str | None:
    return " ".join(text.split()).casefold() if text else None


def _code(country: str | None) -> str | None:
    return country_code(country) if country else None


def load_gold(gold_dir: Path) -> list[dict[str, Any]]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(gold_dir.glob("*.json"))]


def score_file(gold: dict[str, Any], raw_dir: Path) -> FileScore:
    data = (raw_dir / gold["file"]).read_bytes()
    score = FileScore(gold["file"], notes_expected=set(gold.get("notes") or []))
    try:
        raw = read_bytes(data, gold["file"])
        record = parse(raw)
    except InputError as error:
        score.check("refused", gold.get("refused", False), True)
        if not gold.get("refused"):
            score.wrong[-1] += f" ({error})"
            score.total += _field_count(gold) - 1
        return score
    score.check("refused", gold.get("refused", False), False)
    expected_codec, actual_codec = gold["encoding"], record.source.encoding
    score.check("encoding", expected_codec, actual_codec, same=_decodes_alike(data, expected_codec, actual_codec))
    score.check("repairs", sorted(gold.get("repairs") or []), sorted(record.source.repairs))
    for name, expected, actual in _fields(gold, record):
        score.check(name, expected, actual)
    score.notes_found = {note.code for note in record.notes if note.severity == CHECK_SEVERITY}
    for code in sorted(score.notes_expected | score.notes_found):
        score.check(f"note {code}", code in score.notes_expected, code in score.notes_found)
    return score


def _decodes_alike(data: bytes, expected: str, actual: str) -> bool:
    try:
        return data.decode(expected) == data.decode(actual.replace("windows-", "cp"))
    except (LookupError, UnicodeDecodeError):
        return False


def _fields(gold: dict[str, Any], record: Record) -> Iterator[tuple[str, object, object]]:
    overview = record.overview
    yield "title", gold.get("title"), record.title
    meeting = gold.get("meeting") or {}
    yield "meeting.kind", meeting.get("kind"), record.meeting.kind
    yield "meeting.number", meeting.get("number"), record.meeting.number
    yield "meeting.body", _casefold(meeting.get("body")), _casefold(record.meeting.body)
    yield "meeting.year", meeting.get("year"), record.meeting.year
    period = gold.get("period")
    found = overview.period if overview else None
    yield "period.start", period and period.get("start"), found and found.start and found.start.isoformat()
    yield "period.end", period and period.get("end"), found and found.end and found.end.isoformat()
    venue = overview.venue if overview else None
    yield "venue_country", gold.get("venue_country"), _code(venue.country if venue else None)
    organizer = overview.organizer if overview else None
    yield "organizer", gold.get("organizer"), organizer.text if organizer else None
    yield from _participation(gold.get("participation"), record)
    contents = gold.get("contents")
    if contents is None:
        yield "contents", None, _contents_counts(record) if record.contents else None
    else:
        top, everything = _contents_counts(record)
        yield "contents.top_level", contents.get("top_level"), top
        yield "contents.all", contents.get("all"), everything
    declaration = gold.get("declaration")
    if declaration is None:
        yield "declaration", None, record.declaration and record.declaration.title
    else:
        found_declaration = record.declaration
        yield "declaration.kind", declaration.get("kind"), found_declaration and found_declaration.kind
        yield "declaration.title", declaration.get("title"), found_declaration and found_declaration.title
        resolutions = len(found_declaration.resolutions) if found_declaration else None
        yield "declaration.resolutions", declaration.get("resolutions"), resolutions


def _participation(gold: dict[str, Any] | None, record: Record) -> Iterator[tuple[str, object, object]]:
    found = record.overview.participation if record.overview else None
    if gold is None:
        yield "participation", None, "present" if found and found.groups else None
        return
    yield "stated_authorities", gold.get("stated_authorities"), found.stated_authorities if found else None
    yield "stated_countries", gold.get("stated_countries"), found.stated_countries if found else None
    expected_groups = gold.get("groups") or []
    found_groups = [group for group in found.groups if group.authorities] if found else []
    for index in range(max(len(expected_groups), len(found_groups))):
        expected = expected_groups[index] if index < len(expected_groups) else {}
        actual = found_groups[index] if index < len(found_groups) else None
        name = f"group {index + 1}"
        yield f"{name}.country", expected.get("country"), _code(actual.country) if actual else None
        yield f"{name}.role", expected.get("role"), actual.role if actual else None
        yield f"{name}.authorities", expected.get("authorities"), actual.authorities if actual else None


def _contents_counts(record: Record) -> tuple[int, int]:
    def count(items: list[Any]) -> int:
        return sum(1 + count(item.items) for item in items)

    return len(record.contents), count(record.contents)


def _field_count(gold: dict[str, Any]) -> int:
    """How many fields a gold file checks, for a text the parser refused."""
    participation = gold.get("participation") or {}
    groups = len(participation.get("groups") or [])
    return 16 + 3 * groups + len(gold.get("notes") or [])


def format_report(scores: list[FileScore], verbose: bool = False) -> str:
    lines = [f"{'file':<44} {'fields':>12} {'notes':>6}", "-" * 64]
    for score in scores:
        share = score.right / score.total if score.total else 1.0
        lines.append(
            f"{score.file:<44} {score.right:>4}/{score.total:<4} {share:>5.1%}"
            f" {'ok' if score.notes_right else 'WRONG':>5}"
        )
        if verbose:
            lines.extend(f"    {problem}" for problem in score.wrong)
    right, total = sum(s.right for s in scores), sum(s.total for s in scores)
    notes_ok = sum(1 for s in scores if s.notes_right)
    lines.append("-" * 64)
    lines.append(
        f"{'overall':<44} {right:>4}/{total:<4} {right / total if total else 1.0:>5.1%}"
        f" {notes_ok}/{len(scores)} files with every note right; refused: "
        f"{sum(1 for s in scores if any(w.startswith('refused') for w in s.wrong))}"
    )
    return "\n".join(lines)
