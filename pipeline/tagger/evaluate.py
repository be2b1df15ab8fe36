"""Score tagged records against gold annotations (``tests/gold/NAME.json``).

A gold file lists every distinct place and organization name as written. A
record's predicted names are the aliases of its entities of each kind. Scores
are precision and recall over these name sets, per file and summed over files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..record import Entity, EntityKind, Record

if TYPE_CHECKING:
    from spacy.language import Language

KINDS = ("place", "organization")
GOLD_KEYS = {"place": "places", "organization": "organizations"}


@dataclass
class Score:
    true_positives: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, predicted: set[str], gold: set[str]) -> None:
        self.true_positives += len(predicted & gold)
        self.predicted += len(predicted)
        self.gold += len(gold)

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 1.0


@dataclass
class FileResult:
    file: str
    scores: dict[str, Score]
    missed: dict[str, list[str]]
    spurious: dict[str, list[str]]


def _names(values: Iterable[str]) -> set[str]:
    return {" ".join(value.split()) for value in values}


def predicted_names(record: Record) -> dict[str, set[str]]:
    return {kind: _names(a for e in record.entities if e.kind == kind for a in e.aliases) for kind in KINDS}


def score_file(record: Record, gold: dict) -> FileResult:
    predicted = predicted_names(record)
    scores, missed, spurious = {}, {}, {}
    for kind in KINDS:
        gold_names = _names(gold[GOLD_KEYS[kind]])
        scores[kind] = Score()
        scores[kind].add(predicted[kind], gold_names)
        missed[kind] = sorted(gold_names - predicted[kind])
        spurious[kind] = sorted(predicted[kind] - gold_names)
    return FileResult(record.source.file, scores, missed, spurious)


def load_gold(gold_dir: Path) -> list[dict]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(gold_dir.glob("*.json"))]


def total(results: list[FileResult]) -> dict[str, Score]:
    totals = {kind: Score() for kind in KINDS}
    for result in results:
        for kind in KINDS:
            score = result.scores[kind]
            totals[kind].true_positives += score.true_positives
            totals[kind].predicted += score.predicted
            totals[kind].gold += score.gold
    return totals


def format_report(results: list[FileResult], verbose: bool = False) -> str:
    header = f"{'file':32} {'place P':>8} {'place R':>8} {'org P':>8} {'org R':>8}"
    lines = [header, "-" * len(header)]

    def row(name: str, scores: dict[str, Score]) -> str:
        place, org = scores["place"], scores["organization"]
        return f"{name:32} {place.precision:8.3f} {place.recall:8.3f} {org.precision:8.3f} {org.recall:8.3f}"

    for result in results:
        lines.append(row(result.file, result.scores))
        if verbose:
            for kind in KINDS:
                if result.missed[kind]:
                    lines.append(f"    missed {kind}: {result.missed[kind]}")
                if result.spurious[kind]:
                    lines.append(f"    spurious {kind}: {result.spurious[kind]}")
    totals = total(results)
    lines.append("-" * len(header))
    lines.append(row("overall", totals))
    counts = ", ".join(
        f"{kind}: {totals[kind].true_positives}/{totals[kind].gold} gold found, {totals[kind].predicted} predicted"
        for kind in KINDS
    )
    lines.append(f"({counts})")
    return "\n".join(lines)


def baseline_entities(raw_text: str, nlp: Language) -> list[Entity]:
    """What the stock model alone finds: every component, the whole raw text, no cleaning."""
    found: dict[str, Entity] = {}
    for ent in nlp(raw_text).ents:
        kind: EntityKind | None = (
            "place" if ent.label_ in {"GPE", "LOC", "FAC"} else "organization" if ent.label_ == "ORG" else None
        )
        if kind is None:
            continue
        key = f"{kind}:{ent.text}"
        if key in found:
            found[key].mentions += 1
        else:
            found[key] = Entity(
                name=ent.text, kind=kind, label=ent.label_, country=None, code=None, mentions=1, aliases=[ent.text]
            )
    return list(found.values())
