"""Score tagged records against gold annotations (``tests/gold/NAME.json``).

A gold file lists every distinct place and organization name as written. A
record's predicted names are the aliases of its entities of each kind. Scores
are precision and recall over these name sets, per file and summed over files,
per kind and per source (the names of entities a source contributed to). Gold
files that group the spellings of one thing (``identities``) and give each place's
kind (``kinds``: city, region, ...) also count the things that came out under two
ids, and the entities that joined a city to a region or two other different things.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..record import Entity, EntityKind, EntitySource, Record

if TYPE_CHECKING:
    from spacy.language import Language

KINDS = ("place", "organization")
SOURCES: tuple[EntitySource, ...] = ("structure", "gazetteer", "model", "rules")
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
    by_source: dict[str, Score]
    split: list[list[str]]  # gold things whose spellings came out under two or more ids
    joined: list[list[str]]  # entities whose spellings are of two gold things of different kinds


def _names(values: Iterable[str]) -> set[str]:
    return {" ".join(value.split()) for value in values}


def score_file(record: Record, gold: dict) -> FileResult:
    return score_entities(record.source.file, record.entities, gold)


def score_entities(file: str, entities: Sequence[Entity], gold: dict) -> FileResult:
    """``entities`` found in ``file`` against its gold (none, for a text that could not be read)."""
    predicted = {kind: _names(a for e in entities if e.kind == kind for a in e.aliases) for kind in KINDS}
    scores, missed, spurious = {}, {}, {}
    for kind in KINDS:
        gold_names = _names(gold[GOLD_KEYS[kind]])
        scores[kind] = Score()
        scores[kind].add(predicted[kind], gold_names)
        missed[kind] = sorted(gold_names - predicted[kind])
        spurious[kind] = sorted(predicted[kind] - gold_names)
    all_gold = {(kind, name) for kind in KINDS for name in _names(gold[GOLD_KEYS[kind]])}
    by_source: dict[str, Score] = {}
    for source in SOURCES:
        found = {(e.kind, " ".join(a.split())) for e in entities if source in e.sources for a in e.aliases}
        by_source[source] = Score(true_positives=len(found & all_gold), predicted=len(found), gold=len(all_gold))
    return FileResult(file, scores, missed, spurious, by_source, _split_things(entities, gold), _joined(entities, gold))


def _split_things(entities: Sequence[Entity], gold: dict) -> list[list[str]]:
    ids_of = {" ".join(alias.split()): entity.id for entity in entities for alias in entity.aliases}
    return [
        sorted(group)
        for group in gold.get("identities", [])
        if len({ids_of[name] for name in _names(group) if name in ids_of}) > 1
    ]


def _joined(entities: Sequence[Entity], gold: dict) -> list[list[str]]:
    """Entities holding spellings of two gold things: of different place kinds (a city
    and its region), or of two identity groups."""
    kinds = {" ".join(name.split()): kind for name, kind in gold.get("kinds", {}).items()}
    thing = {name: index for index, group in enumerate(gold.get("identities", [])) for name in _names(group)}
    joined = []
    for entity in entities:
        names = _names(entity.aliases)
        if (
            len({kinds[name] for name in names if name in kinds}) > 1
            or len({thing[n] for n in names if n in thing}) > 1
        ):
            joined.append(sorted(names))
    return joined


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
    lines.append("by source (names of entities the source contributed to):")
    for source in SOURCES:
        score = Score()
        for result in results:
            score.true_positives += result.by_source[source].true_positives
            score.predicted += result.by_source[source].predicted
            score.gold += result.by_source[source].gold
        lines.append(
            f"  {source:<10} precision {score.precision:.3f}  recall {score.recall:.3f}  "
            f"({score.true_positives} right of {score.predicted})"
        )
    split = [result for result in results if result.split]
    joined = [result for result in results if result.joined]
    lines.append(
        f"one thing under two ids: {sum(len(r.split) for r in split)} in {len(split)} of {len(results)} records; "
        f"two things under one id: {sum(len(r.joined) for r in joined)} in {len(joined)} records"
    )
    if verbose:
        for result in results:
            for group in result.split:
                lines.append(f"    {result.file}: under two ids: {group}")
            for group in result.joined:
                lines.append(f"    {result.file}: one id for: {group}")
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
                id=f"name:{key}",
                name=ent.text,
                kind=kind,
                label=ent.label_,
                country=None,
                code=None,
                mentions=1,
                aliases=[ent.text],
                sources=["model"],
            )
    return list(found.values())
