"""Observers placed by what the gazetteer knows of them.

A participation list often ends with an observer on a line of its own after the last
country's group ("Mongolia / Tuv Province, Selenge Aimag / Inner Mongolia Autonomous
Region (observer)", "Japan / Niigata Prefecture / Asian Development Bank (observer)"),
or gives its observers under no country at all ("Observers: Hokkaido, World Tourism
Organization"). The parser can only put such a name with the group above it, or with
none. Where the gazetteer knows the name as a region or a body of one country, the
observer goes to that country's observers, and a body it knows as international to the
observers of no country; moved away from a country the text seemed to give it, with a
note, since a reader of the briefing should check it. Members stay where the text lists
them: a country heading over them is the text's word."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..parser.countries import country_code
from ..parser.notes import make_note
from ..parser.text import alias_key, name_before_aside
from ..record import Note, ParticipantGroup, Participation
from .gazetteer import Entry, Gazetteer
from .names import CJK_OR_HANGUL_WORD

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
    entry = _known(name, gazetteer)
    return entry if entry is not None and entry.kind == "place" and entry.code and entry.country_code else None


def _known(name: str, gazetteer: Gazetteer) -> Entry | None:
    """The gazetteer's entry for a listed name, or for the name before its aside, or for that
    name after its country's, run on in a script without spaces ("朝鲜咸镜北道": DPR Korea's
    North Hamgyong)."""
    base = name_before_aside(name)
    for candidate in (name, base, _after_country(base)):
        if candidate and (entry := gazetteer.lookup(candidate)) is not None:
            return entry
    return None


COUNTRY_PREFIX_CHARACTERS = range(2, 6)  # "日本", "朝鲜", "俄罗斯", "대한민국"


def _after_country(name: str) -> str | None:
    """A name in CJK characters or Hangul without the country's name it starts with, if it does."""
    if not CJK_OR_HANGUL_WORD.fullmatch(name):
        return None
    return next(
        (name[size:] for size in COUNTRY_PREFIX_CHARACTERS if size < len(name) and country_code(name[:size])),
        None,
    )


@dataclass(frozen=True)
class Home:
    """Where the gazetteer puts a listed observer: a country, or none (an international body)."""

    country: str | None
    country_code: str | None


def home_of(name: str, gazetteer: Gazetteer) -> Home | None:
    """A region's country, a known body's country or none for an international one; None for
    a name the gazetteer does not know as either."""
    if (region := region_of(name, gazetteer)) is not None:
        return Home(region.country, region.country_code)
    entry = _known(name, gazetteer)
    if entry is None or entry.kind != "organization":
        return None
    return Home(entry.country, entry.country_code or (country_code(entry.country) if entry.country else None))


def placed_observers(participation: Participation, gazetteer: Gazetteer) -> tuple[Participation, list[Note]]:
    """``participation`` with each observer the gazetteer knows as another country's region or
    body in that country's observers, and an international body in the observers of no country;
    a note for each one moved away from the country it was under."""
    groups = [group.model_copy(update={"authorities": list(group.authorities)}) for group in participation.groups]
    notes: list[Note] = []
    for group in list(groups):
        if group.role != "observer":
            continue
        for authority in list(group.authorities):
            home = home_of(authority, gazetteer)
            if home is None or home.country_code == group.country_code or (home.country is None and not group.country):
                continue
            if group.country_code and _stem(authority) in _stems_by_country(gazetteer).get(group.country_code, ()):
                continue  # "Kangwon-do" under DPR Korea: a name both Koreas' regions have
            group.authorities.remove(authority)
            _observers_of(groups, home).authorities.append(authority)
            if group.country:
                where = f"of {home.country}" if home.country else "an international body"
                with_whom = f"{home.country}'s observers" if home.country else "the observers of no country"
                notes.append(
                    make_note(
                        "regrouped-authority",
                        f"'{authority}' is listed as an observer under {group.country} but is {where}; "
                        f"it is counted with {with_whom}.",
                    )
                )
    kept = [group for group in groups if group.authorities or group.stated]
    return participation.model_copy(update={"groups": kept}), notes


def _observers_of(groups: list[ParticipantGroup], home: Home) -> ParticipantGroup:
    """The observer group of ``home``'s country (of no country: the first such), opened after
    the others when there is none."""
    for group in groups:
        if group.role == "observer" and group.country_code == home.country_code and (home.country or not group.country):
            return group
    group = ParticipantGroup(
        country=home.country,
        country_code=home.country_code,
        country_text=None,
        role="observer",
        stated=None,
        authorities=[],
    )
    groups.append(group)
    return group
