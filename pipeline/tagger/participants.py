"""Observers placed by what the gazetteer knows of them.

A participation list often ends with an observer on a line of its own after the last
country's group ("Mongolia / Tuv Province, Selenge Aimag / Inner Mongolia Autonomous
Region (observer)"), or gives its observers under no country at all ("Observers:
Hokkaido, World Tourism Organization"). The parser can only put such a name with the
group above it, or with none. Where the gazetteer knows the name as a region of one
country only, the observer goes to that country's observers; moved away from a country
the text seemed to give it, with a note, since a reader of the briefing should check it.
Members stay where the text lists them: a country heading over them is the text's word.
"""

from __future__ import annotations

import re
from functools import cache

from ..parser.countries import country_code
from ..parser.notes import make_note
from ..parser.text import alias_key, split_aside
from ..record import Note, ParticipantGroup, Participation
from .gazetteer import Entry, Gazetteer

# The words of a region's name that say what kind of unit it is: without them, "Kangwon-do"
# and "Kangwon Province" are one name, which two countries may both have regions of.
_UNIT_WORD = re.compile(
    r"do|provinces?|prefecture|oblast|kra[iy]|region|autonomous|okrug|aimag|state|special|self|governing"
    r"|metropolitan|city|republic|of|the|ken|to|fu|sheng|shi"
)
_WORD = re.compile(r"[\w']+")


def _stem(name: str) -> str:
    return " ".join(word for word in _WORD.findall(alias_key(name)) if not _UNIT_WORD.fullmatch(word))


@cache
def _stems_by_country(gazetteer: Gazetteer) -> dict[str, frozenset[str]]:
    """Each country's region names without their unit words, from every alias of its regions."""
    stems: dict[str, set[str]] = {}
    for entry in gazetteer.entries.values():
        if entry.code and entry.country_code:
            stems.setdefault(entry.country_code, set()).update(_stem(alias) for alias in (entry.name, *entry.aliases))
    return {code: frozenset(found) for code, found in stems.items()}


def region_of(name: str, gazetteer: Gazetteer) -> Entry | None:
    """The region (an ISO 3166-2 subdivision) an authority's listed name is, its aside aside."""
    for candidate in (name, (split_aside(name) or (name, ""))[0]):
        entry = gazetteer.lookup(candidate)
        if entry is not None and entry.kind == "place" and entry.code and entry.country_code:
            return entry
    return None


def placed_observers(participation: Participation, gazetteer: Gazetteer) -> tuple[Participation, list[Note]]:
    """``participation`` with each observer the gazetteer knows as another country's region in
    that country's observers, and a note for each one moved away from the country it was under."""
    groups = [group.model_copy(update={"authorities": list(group.authorities)}) for group in participation.groups]
    notes: list[Note] = []
    for group in list(groups):
        if group.role != "observer":
            continue
        for authority in list(group.authorities):
            region = region_of(authority, gazetteer)
            if region is None or region.country_code == group.country_code:
                continue
            if group.country_code and _stem(authority) in _stems_by_country(gazetteer).get(group.country_code, ()):
                continue  # "Kangwon-do" under DPR Korea: a name both Koreas' regions have
            group.authorities.remove(authority)
            _observers_of(groups, region).authorities.append(authority)
            if group.country:
                notes.append(
                    make_note(
                        "regrouped-authority",
                        f"'{authority}' is listed as an observer under {group.country} but is a region of "
                        f"{region.country}; it is counted with {region.country}'s observers.",
                    )
                )
    kept = [group for group in groups if group.authorities or group.stated]
    return participation.model_copy(update={"groups": kept}), notes


def _observers_of(groups: list[ParticipantGroup], region: Entry) -> ParticipantGroup:
    """The observer group of ``region``'s country, opened after the others when there is none."""
    for group in groups:
        if group.role == "observer" and group.country_code == region.country_code:
            return group
    group = ParticipantGroup(
        country=region.country,
        country_code=country_code(region.country or "") or region.country_code,
        country_text=None,
        role="observer",
        stated=None,
        authorities=[],
    )
    groups.append(group)
    return group
