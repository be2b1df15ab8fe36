"""Stage 3: Record -> Record with ``entities``: place and organization names.

Three sources, strongest first:
1. the structure: listed authorities are places of their country, the venue is
   a place (its parts: country, region, city, facility), the organizer an
   organization (or a place, when it is a region);
2. the gazetteer, as a ``span_ruler`` before spaCy's ``ner``;
3. spaCy's ``ner`` for names the gazetteer does not know, cleaned by SPAN_RULES.
Mentions are then linked to gazetteer entries and merged, one entity per thing.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, TypeGuard

from ..parser.countries import country_code
from ..parser.dates import MONTHS
from ..parser.meeting import declaration_kind
from ..parser.overview import (
    CAPITALS_NAME,
    DELEGATE_BY_NAME,
    DELEGATE_LINE,
    DELEGATES_HEADING,
    DISCIPLINE_WORDS,
    HONORIFIC,
    ONLINE_TOO,
    PLACE_SEPARATOR,
    RUSSIAN_UNIT_BEFORE_NAME,
    bodies_heading,
    field_kind,
    label_key,
    match_label,
)
from ..parser.sections import LANGUAGE_WORDS, SITE_MENU, menu_bar
from ..parser.text import (
    CJK_NUMERALS,
    CJK_OR_HANGUL,
    FAX_BANNER,
    is_post,
    is_post_of,
    name_before_aside,
    other_script_only,
    outside_brackets,
    split_aside,
    split_top_level,
    split_top_level_at,
    translated_pair,
)
from ..parser.unwrap import rejoined_paragraphs
from ..record import Entity, EntityKind, EntitySource, Item, Note, Organizer, Overview, Record, Section
from .gazetteer import (
    CITY_UNITS,
    HANGUL_LETTER,
    Entry,
    Gazetteer,
    alias_key,
    cyrillic_name_key,
    load_gazetteer,
    stemmed_key,
)
from .model import JAPANESE_PARTICLES
from .names import (
    CAPITALS_HEADING_WORDS,
    CJK_OR_HANGUL_WORD,
    COMPANY_FIELD_WORDS,
    COMPASS_WORDS,
    CONDITIONAL_GLUED,
    CONNECTORS,
    FACILITY_FEATURE_NOUNS,
    FIELD_WORDS,
    GENERIC_WORDS,
    HEAD_LABELS,
    HEAD_WORDS,
    HONORIFICS,
    KNOWN_ONLY_SHAPES,
    KOREAN_ADDRESS_UNITS,
    KOREAN_BUILDING_ENDINGS,
    KOREAN_UNIT_ENDINGS,
    KOREAN_UNIT_SYLLABLES_MAX,
    LEADING_COMPANY_FORMS,
    LEADING_EVENT,
    LEADING_EVENT_BEFORE_YEAR,
    LEADING_EVENTS,
    LEADING_WORDS,
    LISTED_FEATURE_NOUNS,
    LOWERCASE_NAME_WORDS,
    MONGOLIAN_BODY_HEADS,
    MONGOLIAN_GENITIVE,
    MONGOLIAN_HEADS_AFTER_GENITIVE,
    MONGOLIAN_UNIT_WORDS,
    NATIVE_EVENT_ENDINGS,
    NATURAL_FEATURE_NOUNS,
    ON_TAIL_HEADS,
    ORDINAL_UNIT_HEADS,
    ORDINAL_WORD,
    PEOPLE_AN_ORGAN_IS_OF,
    PEOPLES_ADJECTIVES,
    PLURAL_HOLDERS,
    POSSESSIVE_ENDINGS,
    POSSESSIVE_OWNERS,
    POST_MODIFIERS,
    RESOURCE_WORDS,
    ROLE_WORDS,
    ROUTE_NOUNS,
    RUSSIAN_KIND_ABBREVIATIONS,
    SAME_TOWN_ENDINGS,
    TOPIC_WORDS,
    TRAILING_FURNITURE,
    UNIT_NOUNS,
    YEAR_WORD,
    after_joiners,
    and_opens_body,
    clause_end,
    clause_pieces,
    clean_span,
    facility_ending,
    feature_key,
    feature_sort,
    glued_sort,
    head_kind,
    head_word,
    in_capitals,
    is_acronym_word,
    is_name,
    japanese_features,
    korean_particles,
    longer_name,
    named_organ,
    names_a_mission,
    native_address,
    native_body,
    native_body_named,
    native_form,
    native_generic_body,
    unglued,
    units_after_place,
    without_korean_particles,
    without_lower_case_tail,
    word_shape,
    year_named,
)
from .participants import placed_observers

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ORG_LABELS = frozenset({"ORG"})


# --- mentions ---------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    text: str
    kind: EntityKind
    label: str
    entry: Entry | None = None
    country: str | None = None
    source: EntitySource = "gazetteer"
    same_as: str | None = None  # an acronym merges with the name it abbreviates
    # the region by its context, though a city shares its name and the record names the region
    # in full elsewhere: joined to another region's name ("Heilongjiang and Jilin"), or after
    # its governor ("the Governor of Yamagata")
    among_regions: bool = False
    # written after "the" ("the Argun", "the lower Tumen"), as a river or a range is and a
    # city or a region never is
    after_article: bool = False

    @property
    def from_structure(self) -> bool:
        return self.source == "structure"


def _mention(
    text: str,
    gazetteer: Gazetteer,
    kind: EntityKind,
    label: str,
    country: str | None = None,
    source: EntitySource = "structure",
) -> Mention:
    entry = gazetteer.lookup(text)
    if entry is None and " " in text:  # "Mt. Baekdu", "Khövsgöl Nuur": a known feature's other spelling
        entry = gazetteer.feature(feature_key(alias_key(text)), feature_key)
    if entry is None and (town := _PLACE_AFFIXES.sub("", text)) != text:
        entry = gazetteer.city_named(town)  # "PyeongChang County": the town
    if entry is not None and country is not None and entry.country not in (None, country):
        entry = _namesake_in(country, text, gazetteer) or entry
    if entry is not None:
        return Mention(text, entry.kind, entry.label, entry, entry.country, source)
    return Mention(text, kind, label, None, country or gazetteer.country_within(text), source)


def _namesake_in(country: str, text: str, gazetteer: Gazetteer) -> Entry | None:
    """The region of ``country`` a name without its head word names, where the whole name is
    another country's namesake: "Kangwon Province" is North Korea's, but listed under the
    Republic of Korea it is the South's Kangwon (Gangwon-do)."""
    words = text.split()
    if len(words) < 2 or head_kind(text) != "administrative":
        return None
    bare = gazetteer.lookup(" ".join(words[:-1]))
    return bare if bare is not None and bare.country == country and bare.type != "city" else None


# An authority's part in a meeting, capitalised in brackets after it: "Gyeongsangbuk-do (Coordinator)"
PART_WORDS = frozenset({"host", "co-host", "organizer", "co-organizer", "organiser", "co-organiser", "observer"})


def _role_aside(aside: str) -> bool:
    """ "(Coordinator)", "(Host)", "(Chair region)": the authority's part in the meeting, perhaps
    with its years ("(Chair region 2000~2002)")."""
    words = [word for word in aside.lower().split() if not _YEARS.fullmatch(word)]
    if len(words) > 1 and words[-1] == "region":
        words = words[:-1]
    return bool(words) and all(word in ROLE_WORDS or word in PART_WORDS for word in words)


_YEARS = re.compile(r"\d{4}(?:[~–-]\d{2,4})?")  # (a word: "2000~2002")
# An authority's part written in its own script: "防災分科委員会コーディネート自治体" (the
# subcommittee's coordinating authority), "해양수산분과위원회 코디네이터 지역", "协调地区"
NATIVE_ROLE = re.compile(r"(?:コーディネー(?:ト|ター)|코디네이터|协调|幹事)\s*(?:自治体|地域|지역|地区|方)?$")
# A name in another script than Latin, then the English name: "宁乡市 Ningxiang City"
_NATIVE_LEAD = re.compile(r"^(?P<native>[^\x00-\x7f][^A-Za-z()]*?)\s+(?P<name>[A-Z].*)$")
# A name in its own script and its English name parted by a slash, either first: "富山县/Toyama
# Prefecture", "牡丹江市人民政府 / Mudanjiang Municipal People’s Government"
_NAMES_SLASH = re.compile(r"\s*[/／]\s*")


def _slashed_native(text: str) -> tuple[str, str] | None:
    """(the English name, the native one) of a slashed pair; None for anything else."""
    pair = translated_pair(text, _NAMES_SLASH)
    return pair if pair is not None and pair[0][:1].isascii() and pair[0][:1].isupper() else None


# A body's acronym in brackets inside a name, then two capitalised words or more: the body's unit
_UNIT_AFTER_ACRONYM = re.compile(
    r"^(?P<body>[A-Z][^()]*?\s\((?=[^()]*[A-Z]{2})[A-Za-z0-9&.-]{2,15}\))\s+(?P<unit>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)$"
)


# A body's acronym, then a town of one word: the body's office there ("JETRO Dalian")
_ACRONYM_AND_TOWN = re.compile(r"^(?P<body>[A-Z][A-Z&]{2,9})\s+(?P<town>[A-Z][a-z]+(?:-[a-z]+)?)$")


def _body_and_its_town(text: str, gazetteer: Gazetteer) -> bool:
    if (named := _ACRONYM_AND_TOWN.match(text)) is None:
        return False
    body, town = gazetteer.lookup(named["body"]), gazetteer.lookup(named["town"])
    return body is not None and body.kind == "organization" and town is not None and town.type == "city"


def _with_aside(text: str, gazetteer: Gazetteer) -> list[str]:
    """'Toyama Prefecture (富山県)' -> ['Toyama Prefecture', '富山県']; a name whose aside is
    part of it ('Republic of Sakha (Yakutia)') stays whole, and so does one that ends with it;
    asides one after another are each a name ('Assembly of European Regions (AER) (Strasbourg)');
    a body's two names apart ('ORU Fogar – United Regions Organization') each a name."""
    if glossed := _body_glossed(text, gazetteer):
        return [name for piece in glossed for name in _with_aside(piece, gazetteer)]
    if slashed := _slashed_native(text):
        return [*_with_aside(slashed[0], gazetteer), slashed[1]]
    if (led := _NATIVE_LEAD.match(text)) and any(char.isalpha() for char in led["native"]):
        # "湖南省 Hunan Province (host)", "Приморский край Primorsky Krai": the name in its own
        # script before the English one, as an aside after it
        return [*_with_aside(led["name"], gazetteer), led["native"]]
    if _body_and_its_town(text, gazetteer):  # "KOTRA Qingdao": the body, and the town of its office
        return text.split()
    if (unit := _UNIT_AFTER_ACRONYM.match(text)) and unit["unit"].split()[-1].lower() in HEAD_WORDS["organization"]:
        # "United Nations Development Programme (UNDP) Tumen Secretariat": the body, then its unit
        return [*_with_aside(unit["body"], gazetteer), unit["unit"]]
    aside = split_aside(text)
    if aside and not aside[1]:  # "Toyama City ()": empty brackets name nothing
        return _with_aside(aside[0], gazetteer)
    other_name = _OTHER_SPELLING.match(aside[1]) if aside else None
    if aside and other_name:  # "(also written Umnugovi Aimag)": the name's other spelling
        # ... or its spellings: "(formerly Jeollabuk-do, 전라북도)"
        spellings = [piece.strip() for piece in split_top_level(other_name["name"], ",")]
        return [*_with_aside(aside[0], gazetteer), *(spelling for spelling in spellings if spelling)]
    if aside and (aside[1][:1].islower() or _role_aside(aside[1])) and not other_script_only(aside[1]):
        # "(online)", "(host)", "(Coordinator)": the authority's part, no name ("(остров Русский)" is one)
        return _with_aside(aside[0], gazetteer)
    words = text.split()
    # ... or ends with one: "Government of the Republic of Sakha (Yakutia)"
    named = any(gazetteer.lookup(" ".join(words[-size:])) for size in range(2, min(len(words), 6) + 1))
    if not aside or named:
        return [text]
    # "Gyeongsangbuk-do (Kyongsangbuk-do; 경상북도)": its spellings; "Sakha Republic (Yakutia)
    # (ALROSA; Diamond and Precious Metal Geology Institute, SB RAS)": the bodies it sent; a
    # full-width slash parts them too ("アジア防災センター（Asian Disaster Reduction Center／ADRC）")
    listed = [
        piece.strip() for piece in split_top_level(aside[1], ";／") if piece.strip() and not NATIVE_ROLE.search(piece)
    ]
    return [*_with_aside(aside[0], gazetteer), *(name for piece in listed for name in _aside_names(piece, gazetteer))]


def _aside_names(aside: str, gazetteer: Gazetteer) -> list[str]:
    """The names in an aside (or in one of its pieces parted by semicolons)."""
    joined = [piece.strip() for piece in split_top_level_at(aside, _AND)]
    if len(joined) > 1 and all(_gazetteer_place(piece, gazetteer) for piece in joined):
        return joined  # "NOWPAP Regional Coordinating Unit (Busan and Toyama)": where it sits, two places
    # "(Changwon Exhibition Convention Center, CECO)": a name and its acronym, each a name
    *name, last = split_top_level(aside, ",，")  # (a full-width comma too: "（Hamgyongbuk-do，DPR Korea）")
    # Names parted by commas, each a name: "(Barcelona, Spain)", where a body is; bodies, "(Arid Land
    # Research Center, Tottori University)", "(Irkutsk Scientific Center, SB RAS)"; a body and the city
    # it sits in, "(Russian Academy of Sciences, Irkutsk)"
    bodies = bool(name) and all(_body_or_acronym(piece.strip()) for piece in name)
    # ... or names of one kind by their heads: "(East Siberian Railway, Far Eastern Railway)"
    kinds = {head_kind(piece.strip()) for piece in (*name, last)}
    # ... or a body's acronym and its name in its own script: "(KISA, 한국인터넷진흥원)"
    acronym_and_native = all(is_acronym(piece.strip()) or other_script_only(piece) for piece in (*name, last))
    if name and (
        acronym_and_native
        or _is_region_or_country(last, gazetteer)
        or (bodies and (gazetteer.city_named(last.strip()) is not None or _body_or_acronym(last.strip())))
        or (len(kinds) == 1 and None not in kinds and "event" not in kinds)
    ):
        return [piece.strip() for piece in (*name, last)]
    if split_aside(aside):  # "Jeollanam-do (Korea Aerospace Research Institute (KARI))": a name with its own aside
        return _with_aside(aside, gazetteer)
    return [", ".join(name).strip(), last.strip()] if name and is_acronym(last.strip()) else [aside]


def _gazetteer_place(name: str, gazetteer: Gazetteer) -> bool:
    """Whether the gazetteer knows ``name`` as a place."""
    entry = gazetteer.lookup(name)
    return entry is not None and entry.kind == "place"


def _body_or_acronym(name: str) -> bool:
    """A body's name by its head word, or an acronym of one word or more ("SB RAS")."""
    return head_kind(name) == "organization" or (bool(name) and all(is_acronym(word) for word in name.split()))


_GLOSS = re.compile(r"\s+[/–—]\s+")  # a spaced slash or dash between a name and its other name


def _body_glossed(text: str, gazetteer: Gazetteer) -> list[str] | None:
    """ "ORU Fogar – United Regions Organization", "CPMR / Conférence des Régions ...": a body's
    names on both sides of a spaced dash or slash, one of them a body the gazetteer knows and
    the other one too, or headed as a body; None for any other text."""
    pieces = [piece.strip() for piece in split_top_level_at(text, _GLOSS)]
    if len(pieces) != 2:
        return None
    bare = [name_before_aside(piece) for piece in pieces]
    entries = [gazetteer.lookup(name) for name in bare]
    if not any(entries) or any(entry is not None and entry.kind != "organization" for entry in entries):
        return None
    headed = all(
        entry is not None or head_kind(name) == "organization" for entry, name in zip(entries, bare, strict=True)
    )
    return pieces if headed else None


def _is_region_or_country(text: str, gazetteer: Gazetteer) -> bool:
    """ "Spain", "Kyongsangbuk-do": a country, or a region the gazetteer knows (no city, no body)."""
    entry = gazetteer.lookup(text.strip())
    return country_code(text) is not None or (
        entry is not None and entry.kind == "place" and entry.type not in ("city", "town")
    )


# "(also written Umnugovi Aimag)", "(formerly Chita Oblast)": another spelling or an older name
_OTHER_SPELLING = re.compile(r"(?:also\s+(?:written|spelt|spelled)|formerly|previously|earlier)\s+(?P<name>[^\W\d_].*)")


_JOINED = re.compile(r"\s+(?:and|&)\s+")


def _building_of_room(part: str) -> str:
    """The building a venue's room is of ("Hall of the Kuzbass Scientific and Educational Complex"):
    its room is no place of its own, and its "and" no list."""
    room = _ROOM_OF_BUILDING.match(part)
    # (without "the", only a building or a body by its head: not "Independence Hall of Korea")
    building = room is not None and (room["the"] or head_kind(room["name"]) in ("organization", "facility"))
    return room["name"] if room and building else part


def _joined_places(part: str, gazetteer: Gazetteer) -> list[str]:
    """ "Andong Cultural Arts Center and Andong National University (ANU)": two places, each
    with a head word or known; "Rason Economic and Trade Zone" stays one."""
    # never inside brackets: "China (Changchun International Conference and Exhibition Center)"
    pieces = split_top_level_at(part, _JOINED)
    # an event's name is no place of its own: "Ulsan Exhibition and Convention Center" is one
    # (each judged by its name, without the aside after it: "Chulman (Чульман) and Neryungri (Нерюнгри)")
    names = [name_before_aside(piece) for piece in pieces]
    if len(pieces) > 1 and (
        all(
            head_kind(name) not in (None, "event") or gazetteer.lookup(name) or _in_its_city(name, gazetteer)
            for name in names
        )
        or _towns_joined(part, names, gazetteer)
    ):
        return pieces
    return [part]


def _in_its_city(name: str, gazetteer: Gazetteer) -> bool:
    """A building's name that ends with its city: "Lotte Hotel Ulsan"."""
    *building, city = name.split() or [""]
    if len(building) < 2 or head_kind(" ".join(building)) != "facility":
        return False
    # (the city's name alone, a metropolitan city's too: "Ulsan")
    return gazetteer.city_named(city) is not None or _metropolis_city(city, gazetteer) is not None


TOWN_NAME_WORDS = 2  # "Ulaanbaatar and Baganuur", "Toyama and Takaoka": a town's bare name


def _towns_joined(part: str, pieces: list[str], gazetteer: Gazetteer) -> bool:
    """ "Ulaanbaatar and Baganuur": the towns a meeting was held in, one of them a place the
    gazetteer knows and the others bare names (capitalised words, no head word)."""
    if gazetteer.lookup(part) is not None:  # "Bosnia and Herzegovina"
        return False
    known = [piece for piece in pieces if _gazetteer_place(piece, gazetteer)]
    return bool(known) and all(
        piece in known
        or (
            len(words := piece.split()) <= TOWN_NAME_WORDS
            and all(word[:1].isupper() and word.isalpha() for word in words)
            and head_kind(piece) is None
        )
        for piece in pieces
    )


SHORT_NAME_WORDS = 3  # "ORU Fogar", "UCLG ASPAC": a body's short name in brackets


def _acronym_aside(name: str, before: Mention | None, gazetteer: Gazetteer) -> Mention | None:
    """An acronym in brackets after a name the gazetteer does not know as another thing's, or
    a short name led by one ("Organization of United Regions (ORU Fogar)"): a mention of the
    name before it."""
    words = name.split()
    if before is None:
        return None
    if (known := gazetteer.lookup(name)) is not None:
        # "German Technical Cooperation (GTZ)": a body the gazetteer knows by its acronym alone
        if is_acronym(name) and known.kind == before.kind == "organization" and before.entry is None:
            return Mention(name, "organization", known.label, known, known.country, "structure", before.text)
        return None
    short_name = any(is_acronym(word) for word in words) and len(words) <= SHORT_NAME_WORDS
    led = short_name and is_acronym(words[0])
    # (not a place's aside, "Lotte Hotel (Myeong-dong)", unless it is the place's initials:
    # "International Convention Center Jeju (ICC JEJU)", "Uiwang Inland Container Depot (Uiwang ICD)")
    if not (
        is_acronym(name) or (led and before.kind == "organization") or (short_name and _initials_of(words, before.text))
    ):
        return None
    return Mention(name, before.kind, before.label, before.entry, before.country, "structure", before.text)


def _initials_of(short: list[str], name: str) -> bool:
    """Whether a short name is an acronym of a name's initials and its other words ("ICC JEJU"
    of "International Convention Center Jeju", "Uiwang ICD" of "Uiwang Inland Container Depot")."""
    words = name.split()
    for acronym in (word for word in short if is_acronym(word)):
        rest = {word.casefold() for word in short if word != acronym}
        kept = [word for word in words if word.casefold() not in rest]
        if (not rest or len(kept) < len(words)) and initials(" ".join(kept)) == acronym:
            return True
    return False


# The first words of a venue's part that say the meeting met on a screen, no place
ONLINE_WORDS = frozenset({"online", "on-line", "virtual", "video", "videoconference", "video-conference", "web"})


def _places(text: str, gazetteer: Gazetteer, country: str | None, label: str = "FAC") -> list[Mention]:
    """The places of a venue. A bare name that is a city's as well as its region's is the
    city there ("Toyama, Toyama Prefecture, Japan": the meeting was in the city), as is a
    metropolitan region's ("Busan, South Korea")."""
    parts = [
        campus
        # (as the parser parts a venue; "... and online" names no place)
        for chunk in split_top_level_at(ONLINE_TOO.sub("", text), PLACE_SEPARATOR)
        # (a full-width comma too: "湖南省长沙市岳麓区，湖南大学"; and the enumeration comma,
        # "やまこし復興交流館おらたる（...）、長岡市（Nagaoka City）")
        for whole in split_top_level(chunk, ",，、")
        for written in _native_venue_parts(whole)
        for part in _unbracketed(_from_distance(written))
        for room_part in _room_aside_parts(part)
        for piece in _joined_places(_building_of_room(room_part), gazetteer)
        for located in _located_parts(_owner_named(piece), gazetteer)
        for campus in _campus_parts(located)
    ]
    mentions: list[Mention] = []
    for part in parts:
        # (an address in its own script is its units: "山东省 东营市 垦利县 (Kenli County, ...)")
        addresses = [_address_units(name) for name in _with_aside(part, gazetteer)]
        names = [unit for address in addresses for unit in address]
        # (an address's units are places of their own: "Tottori Prefecture, Japan (鳥取県東伯郡東郷町)" is
        # no Japan's other name)
        units = {unit for address in addresses if len(address) > 1 for unit in address}
        # an aside may list the venue's parts: "(Zarubino Commercial Sea Port, conference hall)"
        # ... or a room of a building or body: "Russia (Conference Hall of the Bulunsky District Administration)"
        # ... or two buildings: "Japan (Hoshi Ryokan and Awazu Onsen Community Hall)" (not one's
        # parts, "Inje Speedium Hotel & Conference Hall", nor its "of" tail's)
        names = names[:1] + [
            joined
            for aside in names[1:]
            for piece in split_top_level(aside, ",")
            for joined in (
                _joined_places(_building_of_room(piece.strip()), gazetteer)
                if len(piece) <= VENUE_PART_CHARS and _AND_NOT_OF.search(piece)
                else [_building_of_room(piece.strip())]
            )
        ]
        # 'Rokkasho Cultural Exchange Plaza "Swing"': a building and its nickname, two names of it
        names = [piece for name in names for piece in _nicknamed(name)]
        named: Mention | None = None  # the mention of the part's name, before its aside
        named_at = 0
        # ... and of the name a native form follows: "Japan (Hachi Kogen Ski Area, ハチ高原)"
        before_native: tuple[str, Mention] | None = None
        for position, name in enumerate(names):
            if name and name not in units and before_native is not None and _native_form(name, before_native[0]):
                # "Gimhae Arts Center (김해문화의전당)", "Russky Island (остров Русский)": the venue's
                # own name in its country's script, whose first word may be in lower case
                mentions += _native_of(name, before_native[1], gazetteer)
                continue
            if not name or name[0].islower() or _no_name(name) or name.split()[0].lower() in ONLINE_WORDS:
                # "business centre" in "Zone, business centre, Tomsk", "Online video conference", "Main
                # Auditorium" in "(Korea Railroad Research Institute, Main Auditorium)" is no name
                continue
            name = without_lower_case_tail(name)
            if len(name) > 2 and name[0] in QUOTATION_MARKS and name[-1] in QUOTATION_MARKS:
                name = name[1:-1].strip()  # "«Baikalsky Bereg» holiday centre": the centre's name, quoted
            name = _NAMES_ARTICLE.sub("", name)  # "The Westin Miyako Kyoto": a name has no article
            city = gazetteer.city_named(name) or _metropolis_city(name, gazetteer)
            # a university or institute hosting the meeting is a body; a venue's Center or City Hall
            # is a building
            body = head_kind(name) == "organization" and head_word(name) not in ("center", "centre", "hall")
            kind, name_label = HEAD_LABELS["organization"] if body else ("place", label)
            before = mentions[-1] if mentions and split_aside(part) else None
            mention = (
                _acronym_aside(name, before, gazetteer)  # "Daejeon Convention Center (DCC)"
                or (_other_name_aside(name, named, gazetteer) if position else None)
                or (
                    Mention(name, "place", city.label, city, city.country, "structure")
                    if city is not None
                    else _mention(name, gazetteer, kind, name_label, country)
                )
            )
            if position and named and not (named.same_as or mention.same_as) and _native_form(named.text, name):
                # "やまこし復興交流館おらたる（Yamakoshi Revival Exchange Hall Oratar）": the name in its own
                # script, then in English in brackets; the native one is the English one's other spelling
                mentions[named_at] = replace(
                    named, kind=mention.kind, label=mention.label, entry=mention.entry, same_as=mention.text
                )
            mentions.append(mention)
            before_native = (name, mention)
            if position == 0:
                named, named_at = mention, len(mentions) - 1
    return mentions


_NAMES_ARTICLE = re.compile(r"^[Tt]he\s+(?=[A-Z])")


def _address_units(name: str) -> list[str]:
    address = native_address(name)
    return address[1] if address else [name]


# A venue's part longer than this is no name and a place: its patterns, which backtrack, skip it
VENUE_PART_CHARS = 200
_AND_NOT_OF = re.compile(r"^(?:(?!\bof\b)[^&])*\band\b(?:(?!\bof\b)[^&])*$")  # "and", no "of" nor "&"


def _unbracketed(part: str) -> list[str]:
    """A venue's part that is an aside alone, its names in brackets on a line of their own
    ("(Оюу толгой, Ханбогд сум, Өмнөговь аймаг)" under the Latin names): each name of it."""
    stripped = part.strip()
    inner = stripped[1:-1]
    if stripped[:1] == "(" and stripped[-1:] == ")" and inner.count("(") == inner.count(")"):
        return [piece.strip() for piece in split_top_level(inner, ",") if piece.strip()]
    return [part]


def _owner_named(part: str) -> str:
    """ "conference hall of the Administration of Chita Oblast": the hall's owner is named."""
    owner = _LOWER_CASE_ROOM_OF.match(part)
    return owner["name"] if owner else part


# "Far Eastern Shipping Company (FESCO) on Kozmino Bay", "Hotel Hyundai in Gyeongju": a body or
# building, and the place it stands in or on
_LOCATED = re.compile(
    r"^(?P<name>[A-Z].*?\S)\s+(?:on|in|at|near)\s+(?:the\s+)?(?P<place>[A-Z][^()]*?(?:\s*\([^()]*\))?)$"
)


_UNIT_OF = re.compile(r"^(?P<name>[A-Z].*?\S)\s+of\s+(?:the\s+)?(?P<place>[A-Z][^()]*?(?:\s*\([^()]*\))?)$")


def _located_parts(part: str, gazetteer: Gazetteer) -> list[str]:
    """A venue's part that names a body or building and the place it is in: two names.
    (Only where each is one by its head word, or the place is one the gazetteer knows.)"""
    located = _LOCATED.match(part) if len(part) <= VENUE_PART_CHARS else None
    unit_of = _UNIT_OF.match(part) if located is None and len(part) <= VENUE_PART_CHARS else None
    if unit_of is not None and _top_level(part, unit_of.start("place")):
        # "Erdenesant soum (Эрдэнэсант сум) of Tov Province (Төв аймаг)": a town, and the region it is in
        # (a name of its own before the unit's word: not "Republic of Sakha", "Autonomous Region of ...")
        known = gazetteer.lookup(name_before_aside(unit_of["place"]))
        words = name_before_aside(unit_of["name"]).split()
        if (
            known is not None
            and known.kind == "place"
            and gazetteer.lookup(name_before_aside(part)) is None  # (not "Democratic People's Republic of Korea")
            and len(words) >= 2
            and not _only_unit_words(words[0])
            and head_kind(" ".join(words)) == "administrative"
        ):
            return [unit_of["name"], unit_of["place"]]
    if located is None or not _top_level(part, located.start("place")):
        return [part]
    name, place = located["name"], located["place"]
    bare_place = name_before_aside(place)
    known = gazetteer.lookup(bare_place)
    place_named = (known is not None and known.kind == "place") or head_kind(bare_place) in (
        "natural",
        "administrative",
        "facility",
    )
    if place_named and head_kind(name_before_aside(name)) in ("organization", "facility"):
        return [name, place]
    return [part]


# "130 km east of Ulaanbaatar": how far the venue is from a place, which is the part's one name
_DISTANCE_FROM = re.compile(
    r"^(?i:(?:about|some|approximately|around|ca\.)\s+)?\d[\d,.]*\s*(?i:km|kilometres?|kilometers?|miles?)\s+"
    r"(?i:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+)?(?:of|from)\s+"
    r"(?:the\s+)?(?P<place>[A-Z].*)$"
)


def _from_distance(part: str) -> str:
    """A venue's part without its distance from a place: "130 km east of Ulaanbaatar" -> "Ulaanbaatar",
    nor its house's number on a street: "16 Binjiang Road" -> "Binjiang Road"."""
    distance = _DISTANCE_FROM.match(part.strip())
    return distance["place"] if distance else _HOUSE_NUMBER.sub("", part)


# A house's number before its street: "16 Binjiang Road", "No. 1 Shengfu Road"
_HOUSE_NUMBER = re.compile(r"^\s*(?:No\.\s*)?\d+(?:-\d+)?[A-Za-z]?\s+(?=[A-Z][^\d()]*\s(?:Road|Street|Avenue)$)")


# "Ogigaoka Campus of the Kanazawa Institute of Technology": a campus's own name, and its owner's
_CAMPUS_OF = re.compile(r"^(?P<campus>[A-Z][^()]*?\bCampus)\s+of\s+(?:the\s+)?(?P<owner>[A-Z].*)$")


def _campus_parts(part: str) -> list[str]:
    """A venue's campus named with the body it belongs to after "of": two names (the campus and
    the university or institute), where the owner is a body by its head word."""
    campus = _CAMPUS_OF.match(part) if len(part) <= VENUE_PART_CHARS else None
    if campus is None or head_kind(name_before_aside(campus["owner"])) != "organization":
        return [part]
    return [campus["campus"], campus["owner"]]


def _top_level(text: str, index: int) -> bool:
    """Whether ``index`` of ``text`` is outside every bracket."""
    return text.count("(", 0, index) == text.count(")", 0, index)


def _no_name(name: str) -> bool:
    """A capitalised venue part that is no name ("Main Auditorium"); a name in a script
    without capitals ("京畿道") is judged by its place in the venue, not here."""
    return name[:1].isupper() and not is_name(name)


# A venue in Japanese: the place, its address in brackets and the building in corner brackets
# ("片山津温泉（石川県加賀市）「ホテル加賀の館」"), each a name
_NATIVE_VENUE = re.compile(
    r"^(?P<place>[^（）「」()]+?)\s*(?:[（(](?P<address>[^（）()「」]+)[）)])?\s*「(?P<building>[^「」]+)」$"
)


def _native_venue_parts(part: str) -> list[str]:
    """A venue's part written as Japanese pages write it (_NATIVE_VENUE): its names; else the part."""
    written = _NATIVE_VENUE.match(part.strip())
    if written is None or not other_script_only(part):
        return [part]
    return [name for name in (written["place"], written["address"], written["building"]) if name]


_NICKNAME = re.compile(r"^(?P<name>.+?\S)\s+[\"“«](?P<nickname>[^\"”»]{2,40})[\"”»]$")


def _nicknamed(name: str) -> list[str]:
    """A name and the nickname quoted after it, each a name; else the name alone (a head word
    alone before the quotes is the name's own: 'Hotel "Taiga"', "Hotel «Dulga»")."""
    quoted = _NICKNAME.match(name)
    return [quoted["name"], quoted["nickname"]] if quoted and " " in quoted["name"] else [name]


def _metropolis_city(name: str, gazetteer: Gazetteer) -> Entry | None:
    """The city a venue's bare name of a metropolitan region names ("Venue: Busan, South Korea")."""
    region = gazetteer.lookup(name)
    if region is None or not _REGION_ID.match(region.id) or not region.name.endswith(" City") or name == region.name:
        return None
    return _city_of_metropolis(region) if _extended(name, region.aliases) else None


# A count of people or things, as an authority's aside gives it: "2 students", "12 persons"
_COUNTED_THINGS = re.compile(r"\d+\s+[a-z]")


def _native_of(name: str, named: Mention, gazetteer: Gazetteer) -> list[Mention]:
    """A structure's name in its own script, bracketed after the name ("Kangwon-do (江原道)",
    "Dornogovi Province (Дорноговь аймак)"): the same place or body. Where the gazetteer
    knows only the native form ("Bayannur City (巴彦淖尔市)"), the name takes its entry."""
    known = gazetteer.lookup(name) if named.entry is None else None
    if known is None or known.kind != named.kind:
        return [Mention(name, named.kind, named.label, named.entry, named.country, "structure", same_as=named.text)]
    native = Mention(name, known.kind, known.label, known, known.country, "structure")
    return [native, Mention(named.text, known.kind, known.label, known, known.country, "structure", same_as=name)]


def _other_name_aside(name: str, named: Mention | None, gazetteer: Gazetteer) -> Mention | None:
    """A venue's other name in brackets after its name, "Yonago Convention Center (Big Ship)",
    "Toki Messe (Niigata Convention Center)": a building's name beside a building's, neither
    of them a place the gazetteer knows nor a unit of a town ("Lotte Hotel (Myeong-dong)")."""
    if named is None or named.kind != "place" or named.entry is not None:
        return None
    kinds = {head_kind(named.text), head_kind(name)}
    if "facility" not in kinds or not kinds <= {"facility", None}:
        return None
    last = name.split()[-1]
    unit = last.rpartition("-")[2] in KOREAN_UNIT_ENDINGS or _shape_kind(last) == "place"
    if gazetteer.lookup(name) is not None or unit:
        return None
    return Mention(name, named.kind, named.label, None, named.country, "structure", same_as=named.text)


# "conference hall of the Administration of Chita Oblast", "host studio: Yueyang", "with the host
# studio at the Zayain Gegeen Monastery Museum", "hosted from the ...": what names the place
_LOWER_CASE_ROOM_OF = re.compile(r"^[a-z][\w\s-]*?(?:\s+(?:of|at|from)\s+(?:the\s+)?|:\s*)(?P<name>[A-Z].*)$")


# A room of a named building, capitalised: "Hall of the Kuzbass Scientific and Educational Complex",
# "Main Conference Room of the Government House", "Auditorium of Zaozhuang University" (the
# building is the place; "Independence Hall of Korea" names no building after its "of")
_ROOM_OF_BUILDING = re.compile(
    r"^(?:(?:Main|Grand|Small|Large|Big|Conference|Assembly|Meeting|Banquet|Exhibition)\s+)*"
    # (its head in lower case after a capitalised word: "Conference hall of the Far Eastern State ...")
    r"(?:Hall|Room|Auditorium|Lobby|Chamber|(?<=\w )(?:hall|room|auditorium|lobby|chamber))"
    r"\s+of\s+(?P<the>the\s+)?(?P<name>[A-Z].*)$"
)


# A room of a building, by its number or letter: "Hall 2", "Room 301", "3rd floor".
_ROOM_NUMBER = re.compile(r"(?:hall|room|suite|floor|level)\s+[\w-]{1,4}|\d{1,2}(?:st|nd|rd|th)\s+floor", re.IGNORECASE)


def _room_aside_parts(part: str) -> list[str]:
    """A venue's part with an aside of rooms, "Russian Federation (host studio at Vladivostok
    International Airport, Artyom (Артём))", "Japan (KDDI Ishin Hall; reception at Yuda Onsen)":
    the part, and the places the aside names."""
    aside = split_aside(part)
    if aside is None:
        return [part]
    if not aside[1]:  # "Toyama City ()": empty brackets name nothing
        return [aside[0]]
    *building, room = split_top_level(aside[1], ",")
    if building and _ROOM_NUMBER.fullmatch(room.strip()):  # "(Government House, Hall 2)": the building
        return [aside[0], ", ".join(building).strip()]
    pieces = [piece.strip() for piece in split_top_level_at(aside[1], PLACE_SEPARATOR)]
    rooms = [_LOWER_CASE_ROOM_OF.match(piece) for piece in pieces]
    if len(pieces) == 1 and rooms[0] is None and not _names_listed(pieces[0]):
        return [part]  # (but "(Ocean Pavilion, Samsa Marine Park)" names a building and its park)
    named = [room["name"] if room else piece for piece, room in zip(pieces, rooms, strict=True)]
    return [aside[0], *(name for text in named for name in split_top_level(text, ","))]


def _names_listed(text: str) -> bool:
    """Whether an aside is names parted by commas, none an acronym (not "online, from the
    House of ...", nor a building and its acronym, "Changwon Exhibition Convention Center, CECO")."""
    parts = [part.strip() for part in split_top_level(text, ",")]
    return len(parts) > 1 and all(part[:1].isupper() and not is_acronym(part) for part in parts)


def _native_form(aside: str, name: str) -> bool:
    """Whether a bracketed aside is a Latin name written in another script."""
    return other_script_only(aside) and any(char.isascii() for char in name)


# Between the bodies of an organizer value: "A & B", "A · B", "A / B", "A, with the support of the B",
# "A, with the cooperation of B".
# What joins two bodies in an organizer's value besides "and": "with the support of", "with".
_WITH_JOINERS = (
    r",?\s+(?:with\s+the\s+(?:support|co-?operation|assistance|help|participation)\s+of"
    r"|in\s+(?:co-?operation|partnership)\s+with"
    r"|supported\s+by|co-?organi[sz]ed\s+by|jointly\s+with|together\s+with|with)\s+(?:the\s+)?"
)
# ... and a region's part in a body between them: "Toyama Prefecture as coordinator of the Environment Subcommittee"
_AS_PART_OF = r"\s+as\s+(?:the\s+)?(?:co-?)?(?:coordinator|coordinating\s+region|host|chair)\s+(?:of|for)\s+(?:the\s+)?"
# (each starts where a run of spaces starts, not again inside it: a value of 20,000 spaces is read once)
# The marks CJK pages list bodies with, spaced or glued: the katakana and Hangul middle dots and the
# full-width slash ("Gyeonggi Provincial Government ㆍ NEAR Secretariat", "Hyogo Prefectural
# Government・NEAR Secretariat", "Shandong Provincial People’s Government ／ Anqiu ..."), and the
# enumeration comma and the full-width semicolon ("Shandong Provincial People’s Government、Yantai
# Municipal People’s Government", "Kyoto City Tourism Association；Japan National Tourism Organization")
_CJK_LIST_MARK = r"\s*[・ㆍ／、；]\s*"
ORGANIZER_JOINERS = re.compile(
    r"(?<!\s)(?:\s*;\s*|\s+[·•/]\s+|" + _CJK_LIST_MARK + r"|\s+(?:&|and)\s+|" + _AS_PART_OF + "|" + _WITH_JOINERS + ")",
    re.IGNORECASE,
)
WITH_JOINERS = re.compile(rf"(?<!\s)(?:{_WITH_JOINERS})", re.IGNORECASE)


_TOPIC_TAIL = re.compile(r"\s(?:on|for)\s")


def _purpose_goes_on(joiner: re.Match[str], part: str, following: str) -> bool:
    """Whether a body's purpose after "for" goes on over the "with" after it: "Association for
    Friendship with Foreign Countries" (not "... for Culture with Gangwon Province", two bodies)."""
    return joiner.group(0).strip().lower() == "with" and " for " in part and head_kind(following) is None


def _with_parts(text: str) -> list[str]:
    """``text`` split where "with", "with the support of" ... joins two bodies (WITH_JOINERS)."""
    parts: list[str] = []
    position = 0
    for joiner in WITH_JOINERS.finditer(text):
        following = text[joiner.end() :]
        if not _purpose_goes_on(joiner, text[position : joiner.start()], name_before_aside(following)):
            parts.append(text[position : joiner.start()])
            position = joiner.end()
    return [*parts, text[position:]]


def _joined_parts(text: str) -> list[str]:
    """The parts between joiners, except that "and" goes on with an "of" tail that has no
    head of its own after it ("Chamber of Commerce and Industry"), or with an "on" or "for"
    topic when a field follows it ("Subcommittee on Science and Technology")."""
    parts: list[str] = []
    position = 0
    outside = outside_brackets(text)
    # (not inside an aside: "兵庫県（Hyogo Prefecture／防災分科委員会コーディネート自治体）" is one body)
    for joiner in (found for found in ORGANIZER_JOINERS.finditer(text) if outside[found.start()]):
        part, rest = text[position : joiner.start()], text[joiner.end() :]
        # (up to a comma too: "... Department of Culture and Tourism, Xianyang Municipal People's Government")
        following = next(iter(split_top_level(ORGANIZER_JOINERS.split(rest, maxsplit=1)[0], ",")), "")
        following = name_before_aside(following)
        last = part.rsplit(",", 1)[-1]  # (the name "and" follows: "Government of X, Y City Administration and ...")
        if not part.strip():  # ("and the NEAR Secretariat" with nothing before: no name to go on with)
            position = joiner.end()
            continue
        if joiner.group(0).strip() in ("and", "&") and (
            # (not before an acronym, a name of its own: "Government of the Sakha Republic & ALROSA")
            (" of " in last and head_kind(following) is None and not is_acronym(following.strip()))
            # "Subcommittee on Science and Technology": a body's topic of two fields (the words
            # of the prose rule, _topic_goes_on: "on Agriculture and Food Security")
            or (
                _TOPIC_TAIL.search(part) is not None
                and all(word in TOPIC_WORDS for word in following.strip().lower().split())
            )
            # "ESCAP Subregional Office for East and North-East Asia": a body's area, two points of the compass
            or (_TOPIC_TAIL.search(part) is not None and part.split()[-1].lower() in COMPASS_WORDS)
            # "NEAR Economy and Trade Subcommittee": two fields of one body's name (a field word
            # that is also a feature's head, alone after a comma: "Shandong Province, Ocean and
            # Fisheries Department")
            # ... after a government's word: "Liaoning Provincial Ocean and Fisheries Department")
            or (
                part.split()[-1].lower() in FIELD_WORDS
                and (
                    head_kind(part) is None
                    or all(word.lower() in FIELD_WORDS for word in last.split())
                    or _fields_of_a_government(last)
                )
                and head_kind(following) == "organization"
            )
        ):
            continue
        if _purpose_goes_on(joiner, part, following):
            continue
        parts.append(part)
        position = joiner.end()
    parts.append(text[position:])
    return parts


# The words a government's department is named by before its fields ("Liaoning Provincial
# Ocean ...", "Busan Metropolitan City Marine ...")
GOVERNMENT_WORDS = frozenset({"provincial", "prefectural", "municipal", "metropolitan", "city", "county", "people's"})


def _fields_of_a_government(name: str) -> bool:
    """Whether ``name`` ends with fields after a government's word: "Liaoning Provincial Ocean"."""
    words = [word.lower() for word in name.split()]
    at = max((index for index, word in enumerate(words) if word in GOVERNMENT_WORDS), default=-1)
    return 0 < at < len(words) - 1 and all(word in FIELD_WORDS for word in words[at + 1 :])


# A ministry's fields listed after its "of" ("Ministry of Land, Infrastructure, Transport and
# Tourism", "Ministry of Agriculture, Food and Rural Affairs"): the commas and the "and" are the
# name's own. (Any capitalised words would also take "Governments of Jilin, Liaoning and Heilongjiang".)
MINISTRY_FIELDS = FIELD_WORDS | {
    *("nature", "land", "infrastructure", "industry", "labour", "labor", "welfare", "food", "oceans", "water"),
    *("affairs", "relations", "rural", "interior", "justice", "finance", "commerce", "communications", "information"),
    "family",
    *DISCIPLINE_WORDS,  # ... and an institute's disciplines: "Institute of History, Archaeology and Ethnography"
}
_FIELD = r"[A-Z][a-z]+(?: [A-Z][a-z]+)?"
_OF_FIELD_LIST = re.compile(rf"\bof (?:{_FIELD}, )+{_FIELD},? and {_FIELD}\b")
_SHIELDED = {", ": "\x1f", " and ": "\x1e"}  # characters no value holds (the reader drops controls)


def _fields_listed(match: re.Match[str]) -> bool:
    return all(
        all(word.lower() in MINISTRY_FIELDS for word in item.split())
        for item in re.split(r",? and |, ", match.group(0)[3:])
    )


def _shield_field_lists(text: str) -> str:
    """``text`` with the separators inside a ministry's list of fields replaced, so that no split
    cuts there (``_unshielded`` puts them back)."""

    def shielded(match: re.Match[str]) -> str:
        listed = match.group(0)
        if not _fields_listed(match):
            return listed
        for separator, mark in _SHIELDED.items():
            listed = listed.replace(separator, mark)
        return listed

    return _OF_FIELD_LIST.sub(shielded, text)


def _unshielded(text: str) -> str:
    for separator, mark in _SHIELDED.items():
        text = text.replace(mark, separator)
    return text


_CELL_BAR = re.compile(r"\s\|\s")


def organizer_bodies(text: str) -> list[str]:
    """The bodies an organizer value names. "Khabarovsk Territory, Administration" is one
    (a region and its body); "Government of Khabarovsk Krai, NEAR Secretariat" two: a comma
    splits where the part after it is a name of its own, not a generic body word; a ministry's
    list of fields is its name ("Ministry of Economy, Trade and Industry")."""
    # (a table's cells going on below the label's row are bodies apart: "Government of
    # Zabaykalsky Krai | Administration of Shilkinsky District | NEAR Secretariat (Pohang)")
    return [
        _ROLE_AFTER_AS.sub("", _unlabelled(_unshielded(body)))
        for cell in split_top_level_at(text, _CELL_BAR)
        for body in _organizer_bodies(_shield_field_lists(cell))
    ]


# A body's part in the meeting after "as", no word of its name: "with Kyongsangbuk-do as Chair region"
_ROLE_AFTER_AS = re.compile(
    r"\s+as\s+(?:the\s+|an?\s+)?(?:co-?)?(?:chair|host|coordinat|organi[sz]|secretariat|partner|sponsor)\w*(?:\s+\w+){0,2}$",
    re.IGNORECASE,
)


def _unlabelled(body: str) -> str:
    """A body without the organizer's label that opens it where roles run on in one value:
    "Chungcheongbuk-do / Co-host : Jincheon County Office"."""
    labelled = match_label(body)
    return labelled[1] if labelled and labelled[1] and field_kind(labelled[0]) == "organizer" else body


def _organizer_bodies(text: str) -> list[str]:
    bodies = []
    for part in _joined_parts(text):
        # "Chita Oblast, coordinating region of the subcommittee": a lower-case apposition names nothing
        pieces = [piece for piece in split_top_level(part, ",") if not piece.strip()[:1].islower()] or [part]
        part = ", ".join(piece.strip() for piece in pieces)
        # (a remark in brackets is no word of a piece: "Primorsky Krai, Administration (coordinator region ...)")
        bare = [_without_remark(piece) for piece in pieces]
        # (a Korean province's "-do" is its head where it is the value's one other piece: "Jeollanam-do,
        # Ocean and Fisheries Bureau"; in a longer list each piece is a body, "Chungcheongbuk-do,
        # Goesan-gun Office, NEAR Secretariat")
        region = len(pieces) == 2 and bare[0].lower().endswith("-do")
        if len(pieces) > 1 and all(
            (is_name(piece) or _NATIVE_NAMED_IN_ENGLISH.match(piece) is not None)
            and not _generic(piece)
            and not _office_of(bare[0], piece, region)
            for piece in bare[1:]
        ):
            bodies += pieces
        elif part.strip():
            bodies.append(part.strip())
    return bodies


# A piece of a value written in CJK characters, kana or Hangul with its English name in brackets
# after it: a name of its own, as a piece in capitals is ("전라남도 (Jeollanam-do), 순천시 (Suncheon
# City), NEAR 사무국 (NEAR Secretariat)")
_NATIVE_NAMED_IN_ENGLISH = re.compile(rf"[{CJK_OR_HANGUL}][^()（）]*[(（]\s*[A-Z]")


def _without_remark(text: str) -> str:
    """A name without the remark in lower case in brackets after it."""
    aside = split_aside(text.strip())
    return aside[0] if aside and aside[1][:1].islower() else text.strip()


# Words of a region's own office after its name ("Tov Province, Governor's Office",
# "Niigata Prefecture, International Affairs Division"): the value is one body.
BODY_WORDS = frozenset(
    {
        "office",
        "division",
        "department",
        "bureau",
        "headquarters",
        "affairs",
        "foreign",
        "section",
        "unit",
        "desk",
        "ministry",
    }
)


def _office_of(region: str, body: str, known_region: bool = False) -> bool:
    """ "Jilin Province, Department of Commerce", "Ishikawa Prefecture, Planning and Development
    Department": a region's own department, one body (``known_region``: ``region`` is one
    whatever its head)."""
    return (known_region or head_kind(region) == "administrative") and (
        body.split()[0].lower() in BODY_WORDS or head_word(body) in BODY_WORDS
    )


def _generic(name: str) -> bool:
    words = (re.sub(r"['’]s$", "", word.lower().strip(".,")) for word in name.split())
    return all(word in GENERIC_WORDS or word in BODY_WORDS for word in words)


# "Northwest Pacific Action Plan (NOWPAP) of the United Nations Environment Programme (UNEP)":
# a name closed by its acronym, then the body it belongs to
_BODY_OF_BODY = re.compile(r"(?<=\))\s+of\s+(?:the\s+)?(?=[A-Z])")


# A listed name's article, capitalised as a list's first word is: "The Northern Forum"
_LISTED_ARTICLE = re.compile(r"^The\s+(?=[A-Z])")
# Asides that say what kind of body a participant is: "Future Forest (NGO)"
BODY_KIND_ASIDES = frozenset({"NGO", "NPO", "INGO", "NONPROFIT", "NON-PROFIT"})
# An aside naming where a body's office is: "World Bank (Beijing office)"
_OFFICE_IN_PLACE = re.compile(r"^(?P<place>[A-Z][^()]*?)\s+(?:office|branch|bureau|representative office)$")


# A heading over companies ("Companies", "Enterprises and corporations"): each name under it is one
COMPANIES_HEADING = re.compile(r"\b(?:compan(?:y|ies)|enterprises?|corporations?|firms?)\b", re.IGNORECASE)
# A railway taking part in a meeting is its company: "Far Eastern Railway", "Korean National Railroad"
RAILWAY_OPERATORS = frozenset({"railway", "railways", "railroad", "railroads"})


# A declaration's signatories under their country's heading: "FOR THE REPUBLIC OF KOREA", "For Japan:"
SIGNATORIES_OF_COUNTRY = re.compile(r"^for\s+(?:the\s+)?(?P<country>[^:]+?)\s*:?$", re.IGNORECASE)


def _signatories_countries(record: Record, gazetteer: Gazetteer) -> list[Mention]:
    """The countries whose signatories a section lists under its heading ("FOR MONGOLIA")."""
    found = []
    for section in record.sections:
        heading = SIGNATORIES_OF_COUNTRY.match(section.heading or "")
        if heading is not None and (code := country_code(heading["country"])) is not None:
            found.append(_country_mention(heading["country"], code, gazetteer))
    return found


def _country_mention(text: str, code: str | None, gazetteer: Gazetteer, country: str | None = None) -> Mention:
    """``text`` as the country the parser read it as (``code``, ``country``), though the gazetteer
    has no such spelling ("R. Korea", "FOR THE REPUBLIC OF KOREA"): the country's entry."""
    mention = _mention(text, gazetteer, "place", "GPE", country)
    known = gazetteer.entries.get(f"country:{code}")
    if mention.entry is None and known is not None:
        return replace(mention, kind=known.kind, label=known.label, entry=known, country=known.country)
    return mention


def structure_mentions(record: Record, gazetteer: Gazetteer) -> list[Mention]:
    mentions: list[Mention] = [
        mention for line in _listed_delegates(record) for mention in _listed_delegate_mentions(line, gazetteer)
    ]
    mentions += _signatories_countries(record, gazetteer)
    overview = record.overview
    if overview is None:
        return mentions
    if overview.participation:
        for group in overview.participation.groups:
            if group.country_text and group.country:  # "International organizations" heads no place
                # ("中国 China", "Russian Federation (Российская Федерация)": the country's name in
                # both languages, each a spelling of it)
                led = _NATIVE_LEAD.match(group.country_text)
                aside = split_aside(group.country_text)
                spellings: tuple[str, ...] = (group.country_text,)
                if led:
                    spellings = (led["name"], led["native"])
                elif aside:  # ("Korea (host country)": a remark, no spelling; the name is the country's)
                    # ("중국 (China)": the name in its own script, then in English, each a spelling)
                    spellings = aside if other_script_only(aside[1]) or other_script_only(aside[0]) else aside[:1]
                for spelling in spellings:
                    mentions.append(_country_mention(spelling, group.country_code, gazetteer, group.country))
            # ("International and research bodies": a heading that says its participants are bodies)
            bodies_group = group.country is None and bodies_heading(group.country_text or "") is not None
            # (under "Companies", a one-word name too: "Polymetal", "ALROSA")
            companies = bodies_group and COMPANIES_HEADING.search(group.country_text or "") is not None
            for listed in group.authorities:
                named: Mention | None = None
                named_at = 0
                # "Future Forest (NGO)": the aside says the participant is a body, and names nothing
                aside = split_aside(listed)
                said_body = aside is not None and aside[1].upper().rstrip("S") in BODY_KIND_ASIDES
                authority = aside[0] if aside is not None and said_body else listed
                for name in (
                    _LISTED_ARTICLE.sub("", name)  # "The Northern Forum (Anchorage, Alaska, USA)"
                    for body in _BODY_OF_BODY.split(authority)
                    for name in _with_aside(body, gazetteer)
                ):
                    # (but a Russian unit's noun leads a name: "провинция Хэйлунцзян (Heilongjiang Province)";
                    # and a name a scanner misread does, "lshikawa Prefecture")
                    lower = (
                        name[:1].islower()
                        and not RUSSIAN_UNIT_BEFORE_NAME.match(name)
                        and (name[:1] != "l" or gazetteer.lookup(name) is None)
                    )
                    if lower or not any(char.isalpha() for char in name) or _COUNTED_THINGS.match(name):
                        continue  # an aside "(host)", "(host region)", "(8)", "(2 students, ...)" names nothing
                    if named is not None and is_post_of(name):
                        continue  # ... nor the post of the delegate it sent: "Tottori Prefecture (Director for ...)"
                    acronym = _acronym_aside(name, named, gazetteer)  # "Pacific Asia Travel Association (PATA)"
                    if acronym is not None:
                        mentions.append(acronym)
                        continue
                    if named is not None and _native_form(name, named.text):
                        mentions += _native_of(name, named, gazetteer)  # "Kangwon-do (江原道)"
                        continue
                    if named is not None and (office := _OFFICE_IN_PLACE.match(name)):
                        name = office["place"]  # "World Bank (Beijing office)": the body's office, in Beijing
                    name = without_lower_case_tail(name)
                    # observers are often bodies: "UNDP Tumen Secretariat"; a meeting takes no part in
                    # one, so a participant named like one is a body ("... Tourism Forum (EATOF)")
                    body = (
                        said_body
                        # (a name of words with no head, under a heading of bodies; one word alone may
                        # say where the body before it is: "Green Climate Fund (GCF), Songdo")
                        or (
                            bodies_group
                            and (" " in name or companies)
                            # (or a building's or a route's name: the body that runs it, "Baikal
                            # Museum", "Great Baikal Trail (GBT)", an NGO)
                            and head_kind(name) in (None, "facility")
                            and gazetteer.lookup(name) is None
                        )
                        or head_kind(name) in ("organization", "event")
                        # ("동북아시아지역자치단체연합 사무국": a body by its ending, in its own script)
                        or native_body(name.replace(" ", "")) is not None
                        or head_word(name) in RAILWAY_OPERATORS
                        or _named_with_acronym(name, gazetteer)
                        or _shape_kind(name) == "organization"
                        or (named is None and _initialled_body(authority, name, gazetteer))
                    )
                    if body:
                        found = _body_mentions(name, gazetteer, group.country)
                    else:  # "Baganuur District of Ulaanbaatar": two places
                        parts = _split_of_phrase(name, gazetteer) if head_kind(name) == "administrative" else [name]
                        found = [_mention(part, gazetteer, "place", "GPE", group.country) for part in parts]
                    if named is not None and len(found) == 1 and _native_form(named.text, name):
                        # "도야마현(Toyama Prefecture)": the name in its own script, then in English
                        # in brackets; the native one is the English one's other spelling
                        english = found[0]
                        mentions[named_at] = replace(
                            named, kind=english.kind, label=english.label, entry=english.entry, same_as=english.text
                        )
                    named, named_at = found[0], len(mentions)
                    mentions += found
        for line in overview.participation.delegates:
            mentions += _delegate_mentions(line, gazetteer)
    if overview.venue:
        mentions += _places(overview.venue.text, gazetteer, overview.venue.country)
    bodies: list[tuple[str, str | None]] = []
    if overview.organizer:
        organizer = overview.organizer
        if ">" in organizer.text:
            mentions.append(_mention(organizer.text.split(">")[0].strip(), gazetteer, "place", "GPE"))
        bodies += [(part, organizer.country) for part in organizer_bodies(organizer.name or "")]
    for field in overview.other:
        if field_kind(field.label) == "organizer":
            # "CO-ORGANIZER: Suwon City Hall, ...", a second organizer field: its bodies, where
            # commas or semicolons part them (not a region's and its body's, "Gangwon State,
            # Provincial Government"); a part with "and" in it is two bodies where each piece is
            # one ("Tai'an Municipal People's Government & NEAR Secretariat"), else it is left to
            # the prose ("Food and Agriculture Organization", "Institute of Science and Technology")
            # ("NEAR Secretariat · Gangwon-do · Gangneung-Wonju National University": bullets part them too)
            parts = [
                body
                for listed in split_top_level(field.text, ";")
                for chunk in split_top_level_at(listed, _BULLET)
                for part in _region_and_body_or_parts(chunk, gazetteer)
                for body in _with_parts(part)
            ]
            for part in parts:
                if not _AND.search(part):
                    bodies.append((part.strip(), None))
                elif len(pieces := organizer_bodies(part)) > 1 and all(_names_a_body(p, gazetteer) for p in pieces):
                    bodies += [(piece.strip(), None) for piece in pieces]
    for part, country in bodies:
        first: Mention | None = None
        for name in _with_aside(_LEADING_ARTICLE.sub("", part), gazetteer):
            if name and not name[0].islower():  # an aside "(coordinating region of ...)" names nothing
                if (acronym := _acronym_aside(name, first, gazetteer)) is not None:
                    mentions.append(acronym)  # "Korea Mine Reclamation Corporation (MIRECO)"
                    continue
                if first is not None and _native_form(name, first.text):
                    # "Government of Zabaykalsky Krai (Правительство Забайкальского края)": one body
                    mentions += _native_of(name, first, gazetteer)
                    continue
                organizer_body, *country_named = _body_mentions(name, gazetteer, country)
                first = first or organizer_body
                mentions += [organizer_body, *country_named]
    return mentions


def _region_and_body_or_parts(text: str, gazetteer: Gazetteer) -> list[str]:
    """A value's parts between commas, but a region and its own body after the first comma one
    part ("Gangwon State, Provincial Government & NEAR Secretariat" stays whole, for "and" to
    part it after)."""
    pieces = split_top_level(text, ",")
    region = pieces[0].strip() if pieces else ""
    if len(pieces) > 1 and (head_kind(region) == "administrative" or _is_region_or_country(region, gazetteer)):
        after = split_top_level_at(pieces[1], _AND)[0].strip()
        if _generic(after):
            return [f"{region}, {pieces[1].strip()}", *pieces[2:]]
    return pieces


def _names_a_body(name: str, gazetteer: Gazetteer) -> bool:
    """A known name, or one with a body's or a region's head word, capitalised ("NEAR
    Secretariat", "Tai'an Municipal People's Government"); not a word of a longer name
    ("Food"), nor a region named by its role ("the Chair region")."""
    head_capitalised = name.split()[-1][:1].isupper()
    return gazetteer.lookup(name) is not None or (
        head_capitalised and head_kind(name) in ("organization", "administrative")
    )


def _initialled_body(listed: str, name: str, gazetteer: Gazetteer) -> bool:
    """ "Baltic Sea States Subregional Co-operation (BSSSC)": a participant of no head word the
    gazetteer does not know, followed by its initials as an acronym, is a body (regions'
    heads say what they are: "Jewish Autonomous Oblast (JAO)")."""
    aside = split_aside(listed)
    return (
        aside is not None
        and is_acronym(aside[1])
        and len(aside[1]) >= MIN_INITIALS
        and acronym_letters(name) == aside[1]
        and head_kind(name) is None
        and gazetteer.lookup(name) is None
    )


MIN_INITIALS = 3  # (two letters are too often a place's: "Sea of Japan (SJ)")


def _named_with_acronym(name: str, gazetteer: Gazetteer) -> bool:
    """ "UNESCO Office Beijing", "ICOMOS Japan", "PATA": a participant led by a body's acronym
    (or one alone) is that body's office or branch, or the body (not a country, "DPR Korea", nor
    a place the gazetteer knows); one that ends with one of three letters or more is a company's
    name ("Inter RAO")."""
    first, *rest = name.split()
    if is_acronym(first):
        known = gazetteer.lookup(first)
        named = known is None or known.kind == "organization"
    else:
        # (not a place and its country's initials, "Kangwon-do DPRK"; a name the gazetteer knows
        # whole is its entry's: "United Company RUSAL")
        last = rest[-1] if rest else ""
        named = (
            len(last) >= 3
            and last.isalpha()
            and is_acronym(last)
            and country_code(last) is None
            and not any(gazetteer.lookup(words) is not None for words in (name, name.rpartition(" ")[0]))
        )
    # (alone, an acronym of three letters or more no list of places knows: "UNWTO, PATA")
    alone = not rest and len(first) >= 3
    return named and (bool(rest) or alone) and country_code(name) is None and head_kind(name) != "administrative"


def _delegates_section(section: Section) -> bool:
    """A section of the delegates' list under a heading of its own ("DELEGATES", "List of delegates"),
    its lines no table's rows (whose cells the model reads)."""
    return (
        section.heading is not None
        and DELEGATES_HEADING.fullmatch(section.heading.strip()) is not None
        and not any(" | " in line for line in section.lines)
    )


def _listed_delegates(record: Record) -> list[str]:
    """The lines of the record's sections of delegates: read as the participation's delegates
    are, line by line, and never as prose ("Ishikawa Prefecture: Director-General for Commerce and
    Labor; President, JAIST" names no body "Labor")."""
    return [line for section in record.sections if _delegates_section(section) for line in section.lines]


def _listed_delegate_mentions(line: str, gazetteer: Gazetteer) -> list[Mention]:
    """A country's heading in a list of delegates ("Japan"), or a delegate's line."""
    heading = line.strip().rstrip(":：")
    if (country := country_code(heading)) is not None:
        return [_mention(heading, gazetteer, "place", "GPE", country)]
    return _delegate_mentions(line, gazetteer) if line.strip() else []


def _fields_rejoined(pieces: list[str]) -> list[str]:
    """A delegate's pieces parted at commas, a body's list of fields after "of" one piece again:
    "Changchun Institute of Optics" + "Fine Mechanics and Physics (CIOMP)" (a last field with
    "and" and no head word of its own)."""
    joined: list[str] = []
    for piece in pieces:
        bare = name_before_aside(piece)
        if joined and " of " in joined[-1] and _AND.search(bare) and head_kind(bare) is None and piece[:1].isupper():
            joined[-1] = f"{joined[-1]}, {piece}"
        else:
            joined.append(piece)
    return joined


_DASHED_POST = re.compile(r"\s+[–—-]\s+(?P<post>[^–—]+)$")


def _before_dashed_post(piece: str) -> str:
    """A body's name without the post a dash puts after it: "Trilateral Cooperation Secretariat (TCS)
    – Secretary-General" is the secretariat."""
    match = _DASHED_POST.search(piece)
    return piece[: match.start()] if match and is_post(match["post"]) else piece


def _delegate_mentions(line: str, gazetteer: Gazetteer) -> list[Mention]:
    """The places and bodies of a line that names a delegate (DELEGATE_LINE): the authority
    that sent them, and after each delegate's name and post the bodies they come from ("Busan:
    Mr. Bae Young-gil, Director, International Cooperation Division, Busan City Hall"). A
    piece neither the gazetteer knows nor a body's head word names is left out ("Experts")."""
    match = DELEGATE_LINE.fullmatch(line) or DELEGATE_BY_NAME.fullmatch(line)
    authority, colon, rest = line.partition(":")  # ("Kamchatka Oblast: Deputy Governor Nikolai P. ROMANENKO")
    if match:
        pieces, delegates = [match["authority"]], match["delegate"]
    else:
        pieces, delegates = ([authority], rest) if colon and rest.strip() else ([], line)
    employers: set[str] = set()  # pieces that name a body on their own, after a post and its comma
    for delegate in split_top_level(delegates, ";"):
        for piece in _fields_rejoined([_before_dashed_post(piece.strip()) for piece in split_top_level(delegate, ",")]):
            if not _names_a_person(piece, gazetteer):
                pieces.append(_past_post_of(piece))
                if pieces[-1] == piece:
                    employers.add(piece)
            elif aside := split_aside(piece):  # "Mr. ISHIDA Koichi (Niigata Prefecture, Crisis Management Division)"
                pieces += [part.strip() for part in split_top_level(aside[1], ",")]
    mentions = []
    for piece in pieces:
        first: Mention | None = None
        for name in _with_aside(piece, gazetteer):
            if not name[:1].isupper() or is_post(name) or (" " not in name and not is_name(name)):
                continue  # (nor a common noun after a post: "Head of Laboratory")
            if (acronym := _acronym_aside(name, first, gazetteer)) is not None:
                mentions.append(acronym)  # "Incheon Port Authority (IPA)"
                continue
            if head_kind(name) == "organization" or _named_with_acronym(name, gazetteer):
                found = _body_mentions(name, gazetteer, None)
            elif (entry := gazetteer.lookup(name)) is not None:
                found = [_mention(name, gazetteer, entry.kind, entry.label)]
            elif head_kind(name) == "facility" and " " in name and piece in employers:
                # where a delegate works is a body, though named as a site: "Director, Gyeongbuk
                # Technopark", "Deputy Director, Vladivostok Commercial Sea Port" (not a ministry's
                # field after its post: "Minister of Forestry Complex of Irkutsk Oblast")
                found = [_mention(name, gazetteer, "organization", "ORG")]
            else:
                continue
            mentions += found
            first = first or found[0]
    return mentions


# A person as a delegates' list writes one: "Mr. B. BATBAYAR", "KANG Dong-hoon", "V. S. KOVALENKO",
# "Deputy Governor Nikolai P. ROMANENKO" (a post before a given name and a family name in capitals)
_PERSON = re.compile(
    rf"(?:{HONORIFIC}|{CAPITALS_NAME}(?:\s|\(|$)|(?:[A-Z]\.\s?){{1,3}}[A-Z]{{2,}}\b"
    r"|.*\b[A-Z][a-z]+(?:\s+[A-Z]\.)*\s+[A-Z]{2,}(?:-[A-Z]{2,})?\s*(?:\(|$))"
)


def _names_a_person(piece: str, gazetteer: Gazetteer) -> bool:
    """Whether a delegates' piece names a person, not a body in capitals ("NEAR Secretariat",
    "KOTRA Busan Office", "WWF Mongolia": a head word, or a name the gazetteer knows)."""
    if _PERSON.match(piece) is None:
        return False
    name = name_before_aside(piece)
    first = name.split()[0]
    known_first = gazetteer.lookup(first)
    return re.match(HONORIFIC, piece) is not None or not (
        head_kind(name) is not None
        or gazetteer.lookup(name) is not None
        or (known_first is not None and known_first.kind == "organization")
    )


def _past_post_of(piece: str) -> str:
    """A delegate's piece without the post its body's name follows: "Deputy Governor of" +
    "Bayan-Ulgii Aimag", "Head of the Food and Agriculture Department" -> that department."""
    post, of, rest = piece.partition(" of ")
    return rest.removeprefix("the ") if of and is_post(post) else piece


def _body_mentions(name: str, gazetteer: Gazetteer, country: str | None) -> list[Mention]:
    """A body a field names; a country's department named with its country is the department
    as written, one identity with its full name, and the country ("Ministry of Mining and
    Heavy Industry of Mongolia")."""
    if organ := _organ_of_parent(name, gazetteer):  # "Subcommittee on Mining of NEAR": the subcommittee, and NEAR
        return [_mention(part, gazetteer, "organization", "ORG", country) for part in organ]
    if parented := _unit_and_parent_acronym(name, gazetteer):  # "Limnological Institute SB RAS"
        return [_mention(part, gazetteer, "organization", "ORG", country) for part in parented]
    whole = _mention(name, gazetteer, "organization", "ORG", country)
    if (
        whole.entry is None
        and CJK_OR_HANGUL_WORD.fullmatch(name)
        and (form := native_form(name))
        and form.label == "GPE"
    ):
        return [Mention(name, "place", "GPE", None, whole.country, "structure")]  # "主催 山形県、最上町": a town
    if whole.entry is None and "," not in name and head_kind(name) == "administrative":
        # "Organizers: Toyama Prefecture; Osawano Town; ...": a town's government, named by the town
        # as a region's is by the region (a place, whatever its part in the meeting; not a region and
        # its body after a comma, "Republic of Buryatia, Ministry of Natural Resources")
        return [Mention(name, "place", "GPE", None, whole.country, "structure")]
    department = department_of_country(name)
    if department is None:
        parts = _split_of_phrase(name, gazetteer) if whole.entry is None else [name]
        if len(parts) == 2 and head_word(parts[1]) in SEPARATE_PARENT_HEADS - REGIONAL_PARENT_HEADS:
            # "Tumen River Area Development Programme of the United Nations Development Programme":
            # a unit and its parent, each named on its own, as in prose
            return [_mention(part, gazetteer, "organization", "ORG", country) for part in parts]
        return [whole]
    written, country_name = department
    same_as = None if whole.entry else name
    body = Mention(written, whole.kind, whole.label, whole.entry, whole.country, whole.source, same_as=same_as)
    return [body, _mention(country_name, gazetteer, "place", "GPE")]


_AND = re.compile(r"\s(?:and|&)\s", re.IGNORECASE)
# (not a slash: "林州市人民政府 / Linzhou Municipal People's Government"; but the CJK list marks:
# "NEAR Secretariat ㆍ Khabarovsk Krai", "San'in Kaigan Geopark Promotion Council／Iwami Town")
_BULLET = re.compile(r"\s[·•]\s|" + _CJK_LIST_MARK)
_LEADING_ARTICLE = re.compile(r"^the\s+(?=[A-Z])")  # "... and the NEAR Subcommittee on ...": the body's name


# --- prose ------------------------------------------------------------------------


def _items(items: list[Item]) -> Iterator[str]:
    for item in items:
        yield item.text
        yield from _items(item.items)


def prose(record: Record) -> list[str]:
    """The running text of a record: what the model reads."""
    texts: list[str] = [record.title] if record.title else []
    if record.overview:
        # (not a theme's or a slogan's value: a title, whose words name nothing of their own)
        texts += [field.text for field in record.overview.other if label_key(field.label) not in TITLE_WORDS]
        participation = record.overview.participation
        if participation and participation.text:  # "12 member regional governments of NEAR from 4 countries"
            texts.append(participation.text)
        # an authority's or an organizer's remark in brackets: "Tottori Prefecture (from Tottori City)",
        # "Toyama Prefecture (coordinating member of the Subcommittee on Environment)"
        organizer = record.overview.organizer
        remarked = [
            *(
                authority
                for group in (participation.groups if participation else ())
                for authority in group.authorities
            ),
            # (parted outside brackets: "Jeollanam-do (coordinator of the Subcommittee on Education and
            # Cultural Exchange), Boseong County" keeps its remark whole)
            *(
                part
                for listed in split_top_level(organizer.name if organizer and organizer.name else "", ",")
                for part in split_top_level_at(listed, ORGANIZER_JOINERS)
            ),
        ]
        for name in remarked:
            aside = split_aside(name) if name else None
            if aside and aside[1][:1].islower():
                texts.append(aside[1])
    texts += list(_items(record.contents))
    if record.declaration:
        texts += record.declaration.preamble
        texts += [resolution.text for resolution in record.declaration.resolutions]
        texts += record.declaration.closing
    for section in record.sections:
        if not _delegates_section(section):  # (read line by line: ``structure_mentions``)
            texts += rejoined_paragraphs(section.lines)
    # The cells of a pasted table row ("NEAR Secretariat | LANGUAGE | English") are texts of their own;
    # a Latin name's aside in full-width round brackets is read as one in round brackets ("Rokko
    # Island（六甲アイランド）").
    cells = [
        _FULL_WIDTH_ASIDE.sub(_round_aside, cell).strip()
        for text in texts
        # (not a portal's language bar nor its menu bar, kept with the page's masthead, nor a fax
        # cover sheet's banner: "FACSIMILE MESSAGE")
        if not CODE_LIST.fullmatch(text.strip())
        and not SITE_MENU.match(text)
        and not menu_bar(text)
        and not FAX_BANNER.match(text)
        for cell in text.split(" | ")
    ]
    return [chunk for cell in cells if cell and not _title_in_capitals(cell) for chunk in chunks(cell)]


# (after a word in Latin letters only: "中國（黑龍江）自由貿易試驗區" keeps its brackets)
# (nor an enumerator a line run on brought after a word: "P.R. China（三）Host")
_FULL_WIDTH_ASIDE = re.compile(
    rf"(?<=[A-Za-z.])(?<!\s)\s*（(?![{CJK_NUMERALS}\d]{{1,3}}）)(?P<aside>[^（）()]{{1,80}})）(?P<glued>(?=\w))?"
)


def _round_aside(match: re.Match[str]) -> str:
    """The aside in round brackets, apart from the word after it ("Tsubame City（燕市）and")."""
    return f" ({match['aside']})" + (" " if match["glued"] is not None else "")


def _title_in_capitals(text: str) -> bool:
    """A document's title in capitals, "NAEPO DECLARATION ON CARBON NEUTRALITY AND THE RECOVERY
    OF NORTH EAST ASIA": it names nothing of its own. (Prose in capitals does: "WELCOMING
    ADDRESS BY THE GOVERNOR OF JEOLLABUK-DO")"""
    return in_capitals(text) and declaration_kind(text) != "other"


# The model reads a long paragraph in pieces of about this many characters, cut after a
# sentence (or at a space): its time and memory then grow with the text's length, not
# faster (a 900 KB paragraph took 36 s and 2.1 GB as one doc). Names do not cross sentences.
CHUNK_CHARS = 5_000
_SENTENCE_END = re.compile(r"[.!?;。](?=\s)")


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[str]:
    """``text`` in pieces of at most ``size`` characters, each cut after its last sentence end,
    else at its last space, else at ``size``."""
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        ends = [match.end() for match in _SENTENCE_END.finditer(window)]
        cut = ends[-1] if ends else (window.rfind(" ") if window.rfind(" ") > 0 else size)
        yield text[start : start + cut].strip()
        start += cut
    yield text[start:].strip()


def _starts_name(token: Token) -> bool:
    return (token.is_title or (token.is_upper and token.is_alpha)) and not token.is_stop


def _capitalised_run(doc: Doc, start: int, known_names: bool = False, brands: bool = False) -> int:
    """The end of the capitalised words from ``start`` that no gazetteer entry holds (a
    model's guess or a name shape may); with ``known_names``, those too; with ``brands``,
    also a brand's word with capitals inside it ("RusHydro")."""

    def goes_on(token: Token) -> bool:
        named = _starts_name(token) or (brands and _brand_word(token))
        return named and (known_names or not token.ent_id_ or token.ent_id_.startswith("shape:"))

    end = start
    while end < len(doc) and goes_on(doc[end]):
        end += 1
    return end


def _district_of_city(doc: Doc, start: int, following: Span) -> bool:
    """Whether a one-word town the gazetteer knows, right after a city's name, is a district's
    name that a unit's head words after it complete ("Shenyang" + "Hunnan" + "New District"):
    one name, the city's district, not the city and a second place."""
    if len(following) != 1 or not following.ent_id_.startswith("city:"):
        return False  # (checked first: every entity an extension meets comes here)
    run_end = _capitalised_run(doc, following.end)
    return (
        doc[start : following.start].text.istitle()
        and run_end > following.end
        and head_kind(doc[following.end : run_end].text) == "administrative"
    )


def _and_continues(doc: Doc, start: int, end: int) -> int | None:
    """Where an organization's or a facility's name goes on after "and"/"&" at ``end``: "Korea
    Institute of Geoscience and Mineral Resources" (an "of" tail with no head of its own after
    "and"), "Culture and Tourism Subcommittee", "Rason Economic and Trade Zone" (a head after
    "and", none before it). "Heilongjiang Province and Jilin Province" are two."""
    run_end = _capitalised_run(doc, end + 1)
    if run_end == end + 1 or doc[end + 1].lower_.rstrip(".") in HONORIFICS | ROLE_WORDS:
        return None  # (nor a person's title: "... of the Russian Academy of Sciences and Dr Ota of ...")
    before = doc[start:end].text
    # (a company's form after the name is no head: "Harbin Bank Co." is headed by "Bank")
    after_end = run_end
    while after_end - 1 > end + 1 and doc[after_end - 1].lower_ in COMPANY_FORMS:
        after_end -= 1
    after = doc[end + 1 : after_end].text
    if all(token.is_upper for token in doc[start:end]):
        return None  # an acronym is a name of its own: "SASS and Shandong University" are two
    if end - start == 1 and any(char.isupper() for char in doc[start].text[1:]):
        return None  # ... and so is a brand's one word with a capital inside: "XacBank and Khan Bank"
    if end - start == 2 and doc[start].is_upper and doc[start + 1].ent_id_.startswith("country:"):
        return None  # ... and a body's branch in a country: "WWF Mongolia and Dornod University" are two
    connectors = [token.i for token in doc[start:end] if token.lower_ in CONNECTORS]
    has_connector = bool(connectors)
    if connectors and connectors[-1] + 1 < end and all(token.is_upper for token in doc[connectors[-1] + 1 : end]):
        return None  # a tail that is a body's acronym ends the name: "Mining Subcommittee of NEAR" + "and Field Trip"
    if has_connector and _place_ends(doc[connectors[-1] + 1 : end]):
        return None  # "State Forestry Administration of China" + "and Avialesookhrana": a known place ends it
    if has_connector and head_kind(before) == "organization" and head_kind(after) is None:
        return run_end
    # "Nippon Express and DBS Cruise Ferry": an acronym opens a name of its own
    joined = (head_kind(after) == "organization" and not is_acronym_word(doc[end + 1].text)) or (
        # "Rason Economic and Trade Zone", but "Niigata and Zarubino Port" are two; and an event's
        # name, "Harbin International Ice" + "and Snow Sculpture Festival"
        head_kind(after) in ("facility", "event") and (end - start > 1 or doc[start].lower_ in GENERIC_WORDS)
    )
    # "Ulsan Exhibition and Convention Center": an event word that names what the building is for
    before_kind = head_kind(before)
    unheaded = before_kind is None or (before_kind == "event" and head_kind(after) == "facility")
    if not has_connector and joined and unheaded:
        return run_end
    return None


def _place_ends(tail: Span) -> bool:
    """Whether a name's "of" tail is a place the gazetteer knows, whole (its article aside)."""
    words = tail[1:] if len(tail) and tail[0].lower_ == "the" else tail
    return (
        len(words) > 0
        and all(
            token.ent_id_ and not token.ent_id_.startswith("shape:") and token.ent_type_ in PLACE_LABELS
            for token in words
        )
        and len({token.ent_id_ for token in words}) == 1
    )


_EXPERTS_GROUP = re.compile(r"\b(?:Group|Panel|Committee|Meeting) of Experts$")


# Bodies whose fields follow "of" ("Ministry of Environment and Climate Change")
PORTFOLIO_HEADS = frozenset({"ministry", "department", "bureau", "agency"})


def _topic_goes_on(doc: Doc, start: int, end: int) -> int | None:
    """Where a committee's topic of fields goes on after "and" at ``end``: "Subcommittee on
    Agriculture" + "and Food Security" (capitalised fields only, up to the end of their run:
    not "Subcommittee on Energy" + "and Mining Forum"); and a ministry's ("Ministry of
    Environment" + "and Climate Change", though the gazetteer knows the first words whole)."""
    on = next((token.i for token in doc[start:end] if token.lower_ in ("on", "for", "of")), None)
    if on is None:
        return None
    portfolio = doc[on].lower_ == "of"
    if head_word(doc[start:on].text) not in (PORTFOLIO_HEADS if portfolio else ON_TAIL_HEADS):
        return None
    words = TOPIC_WORDS | MINISTRY_FIELDS if portfolio else TOPIC_WORDS
    run_end = _capitalised_run(doc, end + 1)
    fields = doc[end + 1 : run_end]
    if not len(fields) or not all(token.is_title and token.lower_ in words for token in fields):
        return None
    return run_end


def _places_of_tail(doc: Doc, start: int, end: int, ents_at: dict[int, Span]) -> int | None:
    """Where a body's "for" or "of" tail of places joined by "and" ends: "Subregional Office
    for East and" + "North-East Asia" (a known place after "and", a point of the compass
    before it)."""
    connectors = [t.i for t in doc[start:end] if t.lower_ in CONNECTORS]
    following = ents_at.get(end + 1)
    if not connectors or following is None or following.label_ not in PLACE_LABELS:
        return None
    if head_kind(doc[start : connectors[-1]].text) != "organization":
        return None
    tail = doc[connectors[-1] + 1 : end]
    return following.end if len(tail) and all(token.lower_ in COMPASS_WORDS for token in tail) else None


def _listed_tail(doc: Doc, comma: int) -> int | None:
    """Where a body's "of" or "for" tail listing its fields ends: ", Ecology and Cryology" after
    "Institute of Natural Resources", ", Emergencies and Fire Safety" after "Department for Civil
    Defence"; None where what follows the comma is no such list."""
    index = comma
    while index < len(doc) and doc[index].text == ",":
        run_end = _capitalised_run(doc, index + 1)
        # (a field, not a body's name of its own: "University of Toyama, Jilin Agricultural University")
        if run_end == index + 1 or head_kind(doc[index + 1 : run_end].text) is not None:
            return None
        index = run_end
    if index + 1 < len(doc) and doc[index].lower_ == "and":
        run_end = _capitalised_run(doc, index + 1)
        # (the last field ends there: "and Gorno-Altaisk" goes on into "-Altaisk State University")
        goes_on = run_end < len(doc) and doc[run_end].text in _HYPHEN
        if run_end > index + 1 and head_kind(doc[index + 1 : run_end].text) is None and not goes_on:
            return run_end
    return None


_POSSESSIVES = ("'s", "’s")


def _plural_possessive(doc: Doc, index: int) -> bool:
    """Whether the token at ``index`` is a plural's apostrophe inside a name, a capitalised word
    after it: "Federal Scientific and Clinical Centre for Miners' Health Protection"."""
    return (
        doc[index].text in ("'", "’")
        and index + 1 < len(doc)
        and doc[index - 1].lower_ in PLURAL_HOLDERS
        and doc[index - 1].text[:1].isupper()
        and doc[index].whitespace_ != ""
        and doc[index + 1].is_title
    )


# Whose possessive goes on with a body's name: "Provincial People's Government", "Dornod Aimag
# Governor's Office", "Mayor's Office", "Gyeongbuk Women's Policy Development Institute",
# "All-China Women's Federation", "Children's Fund"
POSSESSIVE_HOLDERS = frozenset({"people", "governor", "mayor", "women", "children"})


# The words after which a body's name goes on with "with": "Association for Friendship with
# Foreign Countries" (not "Subcommittee on Border Cooperation" + "with Mongolia")
WITH_TAIL_AFTER = frozenset({"friendship"})


# A company's legal form, written after a comma: "Mitsui & Co., Ltd."
# (K.K., kabushiki kaisha: a Japanese company, "Denki Kagaku Kogyo K.K.")
COMPANY_FORMS = frozenset(
    {"ltd", "ltd.", "limited", "inc", "inc.", "llc", "jsc", "pjsc", "ojsc", "corp", "corp.", "plc", "k.k.", "co.", "co"}
)


# The heads of a school named by its field after "of": "Tokyo University of Marine Science and Technology"
ACADEMIC_HEADS = frozenset({"university", "institute", "college", "academy"})


OPEN_TAIL_WORDS = 2  # "... of the Ancient" + "Koguryo Kingdom": the tail's words before the name


def _of_tail_open(doc: Doc, start: int, end: int) -> bool:
    """Whether a name's "of the" tail has begun with a capitalised word or two that name nothing
    alone, so that the name after them ends it: "the Capital Cities and Tombs of the Ancient" +
    "Koguryo Kingdom"."""
    tail = end
    while tail > start and end - tail < OPEN_TAIL_WORDS and doc[tail - 1].is_title and not doc[tail - 1].is_stop:
        tail -= 1
    return (
        start + 2 <= tail < end
        and doc[tail - 1].lower_ == "the"
        and doc[tail - 2].lower_ == "of"
        and head_kind(doc[tail:end].text) is None
    )


_COLONS = frozenset({":", "："})


def _capitals_then_title_case(doc: Doc, start: int, end: int) -> bool:
    """Whether a name of words in capitals ("NEAR SUBCOMMITTEE ON ENVIRONMENT") meets a word in
    title case: another line's, run into it ("... ENVIRONMENT" + "Kizu Town, Kyoto Prefecture").
    (Acronyms alone are no such name: "NEAR S&T" + "Subcommittee", "NEAR-GTI" + "Forum".)"""
    words = doc[start:end].text.split()
    return (
        len(words) > 1
        and all(word.isupper() for word in words)
        and any(len(word) >= CAPITALS_WORD_MIN and word.isalpha() for word in words)
        and doc[end].is_title
        and not doc[end].is_upper
    )


CAPITALS_WORD_MIN = 6  # letters of a word in capitals, no acronym: "SUBCOMMITTEE", "ENVIRONMENT"


def _extend_right(
    doc: Doc,
    end: int,
    ents_at: dict[int, Span],
    kind_of: Callable[[str], str | None],
    start: int = 0,
    place_tails_only: bool = False,
    known_end: int | None = None,
) -> int:
    """Grow a name to the right: capitalised words, a model entity right after it
    ("Jinan" + "Yaoqiang International Airport"), and for organizations an
    "of"/"for" tail ("Academy" + "of Social Sciences", "Ministry for the
    Development of the" + "Russian Far East") and an "and" that joins words of the
    name (``_and_continues``), but not right after a name the gazetteer knows whole, ending at
    ``known_end`` ("Harbin and Qiqihar University" are two). ``ents_at``: token index -> entity."""
    while end < len(doc) and (
        doc[end - 1].whitespace_
        or doc[end].text in _POSSESSIVES
        or doc[end].text == ","
        or _plural_possessive(doc, end)
        or _glued_hyphen(doc, end)
    ):
        token = doc[end]
        if _capitals_then_title_case(doc, start, end) or doc[end - 1].text in _COLONS:
            break  # (nor over a colon: "Photo:" + "Gyeonggi Provincial Government" are a label and a body)
        following = ents_at.get(end)
        held = ents_at.get(end - 1) if following is None and doc[end - 1].lower_ == "the" else None
        if held is not None and held.label_ in PLACE_LABELS:
            following = held  # "... of the" + "the Far East": the model's span took the article
        after_connector = doc[end - 1].lower_ in CONNECTORS | {"the"}
        # a number or a date is a word of the name only inside it ("the Gangwon 2024 Winter Youth
        # Olympic Games"); "the Sea of Japan" + "every year" is the sea
        if not after_connector and not (following is not None and _name_goes_on(doc, following.end)):
            following = _named(following)
        # "WWF Russia": a body's acronym and the country of its branch
        branch = _is_country(following) and doc[start:end].text.isupper()
        if YEAR_WORD.match(token.text) and (
            doc[end - 1].lower_ in LEADING_EVENT_BEFORE_YEAR or [t.lower_ for t in doc[end - 2 : end]] == ["for", "the"]
        ):
            # "Organizing Committee for Expo" + "2012 Yeosu Korea", "Organizing Committee for the" +
            # "2018 Olympic and Paralympic Winter Games": the event's name goes on
            if (run_end := _capitalised_run(doc, end + 1, known_names=True)) == end + 1:
                break
            joined = _capitalised_run(doc, run_end + 1, known_names=True)
            if doc[run_end : run_end + 1].text in ("and", "&") and head_kind(doc[run_end + 1 : joined].text) == "event":
                run_end = joined
            end = run_end
        elif (
            following is not None
            # (a name goes on over an article only after "of" and its kin: "Shandong Province" + "the
            # Temple of Confucius" are two, as a verb left out between them says)
            and (after_connector or token.lower_ != "the")
        ) and (
            after_connector
            or following.ent_id_.startswith("shape:")
            or not following.ent_id_
            or branch
            or _district_of_city(doc, start, following)
            or _of_tail_open(doc, start, end)
        ):
            end = _before_second_body(doc, start, _before_spaced_dash(doc, end, following.end))
            if end < following.end:
                break
        elif (_starts_name(token) and not token.ent_type_ and not _labels_a_field(doc, end)) or (
            token.text in _POSSESSIVES and doc[end - 1].lower_ in POSSESSIVE_HOLDERS
        ):
            end += 1
        elif _plural_possessive(doc, end):
            end += 1  # "Centre for Miners'" + "Health Protection"
        elif (
            token.lower_ == "with"
            and doc[end - 1].lower_ in WITH_TAIL_AFTER
            and (run_end := _capitalised_run(doc, end + 1, known_names=True)) > end + 1
        ):
            end = run_end  # "Liaoning Provincial Association for Friendship" + "with Foreign Countries"
        elif (
            token.lower_ in ("and", "&")
            and end != known_end
            and (continued := _and_continues(doc, start, end) or _places_of_tail(doc, start, end, ents_at)) is not None
        ):
            end = continued
        elif token.lower_ in ("and", "&") and (continued := _topic_goes_on(doc, start, end)) is not None:
            end = continued  # (a known committee too: "Subcommittee on Agriculture" + "and Food Security")
        elif (
            token.text == ","
            and end + 1 < len(doc)
            and doc[end + 1].lower_ in COMPANY_FORMS
            and not (end + 2 < len(doc) and _starts_name(doc[end + 2]))
        ):
            end += 2  # "Dongchun Ferry Co., Ltd." (but "SUEK-Kuzbass JSC" + ", PJSC Raspadskaya" is the next one)
        elif _glued_hyphen(doc, end) and _starts_name(doc[end - 1]) and _hyphen_word_goes_on(doc, end + 1):
            end += 2  # "China Non" + "-Ferrous Metal Mining", "Yuan Longping High" + "-tech Agriculture"
        elif (
            token.text == "("
            and end + 3 < len(doc)
            and doc[end + 1].is_title
            and doc[end + 2].text == ")"
            and doc[end + 3].lower_ in COMPANY_FORMS
        ):
            end += 3  # "Baotou Steel (Group) Co., Ltd.": a word in brackets before the company's form
        elif (
            token.text == ","
            and kind_of(doc[start:end].text) == "organization"
            and any(t.lower_ in ("of", "for") for t in doc[start:end])
            and (listed := _listed_tail(doc, end)) is not None
        ):
            end = listed
        elif (
            token.lower_ in CONNECTORS
            and doc[end - 1].lower_ not in COMPANY_FORMS  # ("Energy Resources LLC" + "for the Ukhaa Khudag mine")
            # ("PJSC Yakutskenergo" + "of the RusHydro Group": a company's parent, no word of its name)
            and doc[start].lower_ not in LEADING_COMPANY_FORMS
            and kind_of(doc[start:end].text) == "organization"
            # "on" opens a committee's tail ("Subcommittee on Energy"), never a second one (but for
            # a group of experts': "Ad Hoc Group of Experts on Coal Mine Methane")
            and not (
                token.lower_ == "on"
                and not _EXPERTS_GROUP.search(doc[start:end].text)
                and (
                    any(t.lower_ in CONNECTORS for t in doc[start:end])
                    or head_word(doc[start:end].text) not in ON_TAIL_HEADS | HEAD_WORDS["event"]
                )
            )
        ):
            tail = end + 1 + (end + 1 < len(doc) and doc[end + 1].lower_ == "the")
            run_end = _capitalised_run(doc, tail, known_names=True)
            following_words = doc[tail:run_end].text
            if token.lower_ != "of" and head_kind(following_words) == "organization":
                break  # "UNDP" + "for the Tumen River Area Development Programme": a body of its own
            if token.lower_ == "of" and head_kind(following_words) == "event":
                break  # "Working Group" + "of the North East Asia Regional Governments Conference": an event's
            if token.lower_ == "for" and following_words.lower() in PEOPLES_ADJECTIVES:
                break  # "... Academy of Economics and Law" + "for Russian" (its translation): no word of the name
            if token.lower_ == "on" and following_words and following_words.split()[0].lower().rstrip(".") in MONTHS:
                break  # "the Subcommittee" + "on November 24, 2020": a date, no field of a committee
            # (after "the": a committee's field has none, "Working Group on Migratory Birds")
            on_place = ents_at.get(tail) if token.lower_ == "on" and tail == end + 2 else None
            if on_place is not None and on_place.label_ in PLACE_LABELS and on_place.end >= run_end:
                break  # "Beidahuang Group" + "on the Sanjiang Plain": where it is, no field of a committee
            place_tail = tail in ents_at and ents_at[tail].label_ in PLACE_LABELS
            # ("EMERCOM of Russia" is the body's; "Mitsubishi Heavy Industries of Nagoya" is where it is)
            place_tail = place_tail and not (place_tails_only and ents_at[tail].ent_id_.startswith("city:"))
            # "for 2010-2011" ends the name; "for the 2018 Olympic ..." goes on (and names an event)
            named_tail = (_named(ents_at.get(tail)) if tail == end + 1 else ents_at.get(tail)) is not None
            # ("Tokyo University" + "of Marine Science and Technology": a school's field names another)
            field_tail = (
                token.lower_ == "of"
                and tail == end + 1
                and head_word(doc[start:end].text) in ACADEMIC_HEADS
                and tail not in ents_at
                and _starts_name(doc[tail])
            )
            known_tail = place_tail or field_tail
            if tail < len(doc) and (known_tail if place_tails_only else _starts_name(doc[tail]) or named_tail):
                end = tail
            else:
                break
        else:
            break
    while end - 1 > start and doc[end - 1].lower_ in CONNECTORS | {"the"} and ents_at.get(end - 1) is not None:
        end -= 1  # "... Commission" before "the Ministry of ...": the body after it has its "the"
    return end


def _hyphen_word_goes_on(doc: Doc, index: int) -> bool:
    """Whether the part after a hyphen inside a capitalised word goes on with the name: it is
    capitalised, or in lower case before a capitalised word ("High-tech Agriculture")."""
    after = doc[index + 1] if index + 1 < len(doc) else None
    return _starts_name(doc[index]) or (doc[index].is_lower and after is not None and _starts_name(after))


def _before_spaced_dash(doc: Doc, start: int, end: int) -> int:
    """The end of ``doc[start:end]`` before a dash spaced on both sides, which parts two names
    or a name and what is said of it ("Subcommittee on Disaster Prevention - Expert Workshop":
    a shape's words run over it, as a name's words may hold a hyphen)."""
    return next(
        (i for i in range(start, end) if doc[i].text in _DASHES and doc[i].whitespace_ and doc[i - 1].whitespace_),
        end,
    )


def _before_second_body(doc: Doc, start: int, end: int) -> int:
    """The end of ``doc[start:end]`` before an "and" opening a body's name of its own (a
    shape's words run over it: "WHO Regional Office for the Western Pacific and Kangwon
    National University")."""
    return next(
        (
            token.i
            for token in doc[start + 2 : end - 2]
            if token.lower_ == "and" and and_opens_body(doc[start : token.i].text, doc[token.i + 1 : end].text)
        ),
        end,
    )


# What the model finds that is no name: a body's "for"/"of" tail never runs on over it ("the
# Cultural Exchange Subcommittee for 2010-2011" is the subcommittee)
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


def _name_goes_on(doc: Doc, index: int) -> bool:
    return index < len(doc) and _starts_name(doc[index])


def _named(ent: Span | None) -> Span | None:
    return None if ent is None or ent.label_ in NUMERIC_LABELS else ent


_RIVER_WORDS = frozenset({"river", "rivers"})  # the words that make a name a river's
# Lower-case words a gazetteer match may end with that are no part of the name: "the NEAR
# Secretariat office", "the Asia-Pacific region", "the Tumen river", "Interfax news agency",
# "Iwami Ginzan silver mine", "the Sikhote-Alin range".
_TRAILING_LOWER = (
    BODY_WORDS
    | NATURAL_FEATURE_NOUNS
    | RESOURCE_WORDS
    | {"region", "area", "city", "province", "prefecture", "county", "news", "agency", "range", "mountains", "ridge"}
    | _RIVER_WORDS
)


def _is_country(span: Span | None) -> TypeGuard[Span]:
    """Whether ``span`` is a country the gazetteer knows ("WWF" + "Russia": a body's branch)."""
    return span is not None and span.ent_id_.startswith("country:")


# What joins the words of one name: a hyphen ("Kyzyl-Tashtyg"), and in a name with a head
# word an en dash ("Baikal–Amur Mainline"); elsewhere an en dash joins two names, a route
# ("Zabaikalsk–Manzhouli", "the Nizhneleninskoye–Tongjiang railway bridge").
_HYPHEN = frozenset({"-"})
_NAME_HYPHENS = frozenset({"-", "–"})


# Heads of a route's end: a dash before its name parts the route's other end ("Donghae–Vostochny
# Port": the ferry's route to the port, "Donghae" one place and "Vostochny Port" another)
ROUTE_END_HEADS = frozenset({"port", "harbour", "harbor", "airport", "station", "terminal"})


def _headed_name(span: Span) -> bool:
    """Whether ``span`` ends in a capitalised head word that an en dash may be a word of:
    "Amur Mainline", not "Tongjiang railway bridge" nor "Vostochny Port"."""
    return span[-1].is_title and head_kind(span.text) is not None and span[-1].lower_ not in ROUTE_END_HEADS


def _glued_hyphen(doc: Doc, index: int, hyphens: frozenset[str] = _HYPHEN) -> bool:
    """Whether ``doc[index]`` is one of ``hyphens`` joining the words either side of it."""
    return (
        0 < index < len(doc) - 1
        and doc[index].text in hyphens
        and not doc[index].whitespace_
        and not doc[index - 1].whitespace_
    )


def _hyphen_joined(
    doc: Doc, start: int, end: int, hyphens: frozenset[str] = _HYPHEN, *, title_before: bool = True
) -> tuple[int, int]:
    """``doc[start:end]`` with the word hyphen-joined before it ("All-" + "China Youth
    Federation", "Fushiki-" + "Toyama") and the capitalised one after it, when no other
    name has that ("Lake Tere" + "-Khol", "Kyzyl" + "-Tashtyg"), and no town before it."""
    if (
        start >= 4
        and _glued_hyphen(doc, start - 1, hyphens)
        and doc[start - 2].lower_ in NAME_PARTICLES
        and _glued_hyphen(doc, start - 3, hyphens)
        and doc[start - 4].is_title
    ):
        start -= 4  # "Denkoku-no-" + "Mori Hall": the particle joins words of one name
    elif (
        start >= 2
        and _glued_hyphen(doc, start - 1, hyphens)
        and doc[start - 2].is_alpha
        and (doc[start - 2].is_title or not title_before)
        # ("Blagoveshchensk-" + "Heihe" standing alone: two towns, _paired_towns)
        and not (
            _paired_places(doc[start - 2], doc[start]) and end - start == 1 and _pair_stands_alone(doc, start - 2, end)
        )
        # ("Korea-" + "Japan fisheries agreement": two countries)
        and not (doc[start - 2].ent_id_.startswith("country:") and doc[start].ent_id_.startswith("country:"))
    ):
        start -= 2
    if (
        _glued_hyphen(doc, end, hyphens)
        and end + 3 < len(doc)
        and doc[end + 1].lower_ in TOWN_ON_RIVER
        and _glued_hyphen(doc, end + 2, hyphens)
        and doc[end + 3].is_title
    ):
        end += 4  # "Nikolayevsk-on-Amur": the river is a word of the town's name
    elif _glued_hyphen(doc, end, hyphens) and doc[end + 1].is_title and not doc[end + 1].ent_type_:
        end += 2
    return start, end


def _paired_places(first: Token, second: Token) -> bool:
    """Whether two words hyphen-joined are two places the gazetteer knows: two cities, or a
    region and a place of another country ("Niigata-Khabarovsk" air services; but "Toyama-
    Shinminato" is a port of Toyama)."""
    ids = (first.ent_id_, second.ent_id_)
    if all(place_id.startswith("city:") for place_id in ids):
        return True
    countries = {place_id.split(":")[1] if place_id.startswith("city:") else place_id[:2] for place_id in ids}
    known = all(place_id.startswith("city:") or _REGION_ID.match(place_id) for place_id in ids)
    return known and len(countries) == 2


# "Komsomolsk-on-Amur", "Rostov-na-Donu": a town named by the river it stands on
TOWN_ON_RIVER = frozenset({"on", "upon", "na"})
# Japanese "no" joins the words of a name: "Denkoku-no-Mori Hall"
NAME_PARTICLES = frozenset({"no"})


def _compound(ent: Span, ents_at: dict[int, Span], organization: bool = False) -> tuple[Span, Span]:
    """The gazetteer match with a hyphen-joined word before or after it ('Fushiki-Toyama',
    'Kyzyl-Tashtyg'), and that grown to the right ('Irkutsk Aircraft Plant'); a name in its own
    script not over the words in Latin letters after it ("鳥取県 Tottori Prefectural Government": two)."""
    doc = ent.doc
    if other_script_only(ent.text):
        return ent, ent
    start, matched_end = _hyphen_joined(doc, ent.start, ent.end, title_before=False)
    # A known organization runs on over an "of" tail naming a place ("EMERCOM" + "of Russia");
    # "Programme of UNDP" names two.
    kind_of = (lambda text: "organization") if organization else head_kind
    end = _extend_right(doc, matched_end, ents_at, kind_of, start, place_tails_only=organization, known_end=matched_end)
    if head_kind(doc[start:end].text) in ("facility", "natural"):  # "Komsomolsk-on-Amur Museum" + "of Local Lore"
        end = _feature_of_tail(doc, end, ents_at)
    while end > matched_end and doc[end - 1].lower_ in TRAILING_FURNITURE:
        end -= 1  # ("NEAR Subcommittee on Culture Exchange" + "Posted 2003-07-02")
    if end > matched_end and is_post_of(doc[matched_end:end].text):
        end = matched_end  # ("Republic of Buryatia" + "Deputy Chairman": a signatory's post after the region)
    start = _extend_left(doc, start, end, ents_at)
    base_end = matched_end
    # matched on lower case: "the NEAR Secretariat office" names the NEAR Secretariat
    while base_end - 1 > start and doc[base_end - 1].is_lower and doc[base_end - 1].lower_ in _TRAILING_LOWER:
        base_end -= 1
    return doc[start:base_end], doc[start : end if end > matched_end else base_end]


# Words that name a place's unit and its status, after the name: "Busan" + "Metropolitan City"
_UNIT_STATUS_WORDS = frozenset({"metropolitan", "special", "self-governing", "autonomous", "municipal", "capital"})


def _only_unit_words(words: str) -> bool:
    """Whether words after a known place's name only say its unit ("City", "Metropolitan City")."""
    return all(
        key in HEAD_WORDS["administrative"] or key in _UNIT_STATUS_WORDS
        for key in (word.lower().strip(",.") for word in words.split())
    )


_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$|^annual$", re.IGNORECASE)


def _held(ent: Span) -> bool:
    """A body named like its meeting ("... Forum") used for a meeting: "held", or an ordinal before."""
    doc = ent.doc
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    before = doc[ent.start - 1].text if ent.start else ""
    return after == "held" or bool(_ORDINAL.match(before))


def _lower_case_organ_of(ent: Span, gazetteer: Gazetteer) -> tuple[Entry, Span] | None:
    """A known organ's name written in lower case, "the secretariat of the Greater Tumen
    Initiative", "the GTI secretariat": a common noun and the body it belongs to, which the
    gazetteer knows."""
    if len(ent) > 1 and ent[-1].is_lower and ent[-1].is_alpha and not ent[0].is_lower:
        body = ent[:-1]
        entry = gazetteer.lookup(body.text)
        return (entry, body) if entry is not None and entry.kind == "organization" else None
    if not ent[0].is_lower:
        return None
    of = next((token.i for token in ent if token.lower_ == "of"), None)
    if of is None:
        return None
    start = of + 1 + (of + 1 < ent.end and ent.doc[of + 1].lower_ == "the")
    body = ent.doc[start : ent.end]
    entry = gazetteer.lookup(body.text) if len(body) else None
    return (entry, body) if entry is not None else None


# The bodies that govern a place, named with it: "the Government of the Sakha Republic (Yakutia)"
GOVERNING_BODIES = frozenset({"government", "administration"})


def _governing_body_before(ent: Span) -> int | None:
    """Where a place's governing body's name starts, when it is written before it ("Government
    of the" + "Sakha Republic (Yakutia)") and the model did not take it for a body's name."""
    doc, of = ent.doc, ent.start - 1 - (ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the")
    if of < 1 or doc[of].lower_ != "of" or not doc[of - 1].is_title or doc[of - 1].lower_ not in GOVERNING_BODIES:
        return None
    return of - 1


def _gazetteer_mentions(
    ent: Span, entry: Entry, gazetteer: Gazetteer, ents_at: dict[int, Span]
) -> tuple[list[Mention], range]:
    if head_kind(ent.text) == "event" and _held(ent):
        return [], range(ent.start, ent.end)  # "the Northeast Asia Economic Forum held in Yonago": a meeting
    if (organ_of := _lower_case_organ_of(ent, gazetteer)) is not None:
        parent, body = organ_of
        return [Mention(body.text, parent.kind, parent.label, parent, parent.country)], range(ent.start, ent.end)
    if entry.kind == "place" and (start := _governing_body_before(ent)) is not None:
        end = ent.end  # with the place's unit: "Administration of" + "Nikolayevsky" + "District"
        while end < len(ent.doc) and ent.doc[end].is_title and _only_unit_words(ent.doc[end].text):
            end += 1
        government = ent.doc[start:end].text
        return [Mention(government, "organization", "ORG", None, entry.country, "rules")], range(start, end)
    if _written_lower(ent, entry) and (prefix := _known_prefix(ent, gazetteer)) is not None:
        # "the Primorye-2 international transport corridor": the name the gazetteer knows, and
        # common nouns (its alias "... International Transport Corridor" matched in lower case)
        named, named_entry = prefix
        mention = Mention(named.text, named_entry.kind, named_entry.label, named_entry, named_entry.country)
        return [mention], range(named.start, named.end)
    base_span, extended_span = _compound(ent, ents_at, entry.kind == "organization")
    base, extended = base_span.text, extended_span.text
    if extended != base and not in_capitals(extended):
        covered = range(extended_span.start, extended_span.end)
        country = ents_at.get(base_span.end)
        if entry.kind == "organization" and _is_country(country) and country.end == extended_span.end:
            # "WWF Russia": a body's branch in a country, a body of its own
            return [_mention(extended, gazetteer, "organization", "ORG", entry.country, "gazetteer")], covered
        if entry.kind == "organization" and (department := department_of_country(extended)):
            return _department_mentions(department, entry, gazetteer), covered  # the known ministry + "of Mongolia"
        kind = head_kind(extended)
        if kind == "event":
            # "Khabarovsk Conference" is an event, but "NEAR Conference" still names NEAR; a
            # treaty named after another body is a document's name ("United Nations Convention
            # on the Law of the Sea"), nesting its body's
            named_in_document = head_word(extended) in DOCUMENT_HEADS and entry.id not in PARENT_BODIES
            if entry.kind != "organization" or named_in_document:
                return [], covered
            return [Mention(ent.text, entry.kind, entry.label, entry, entry.country)], covered
        if kind == "administrative":
            # "Heihe City of Heilongjiang Province" is two places
            parts = _split_of_phrase(extended, gazetteer)
            if len(parts) > 1:
                return [
                    _mention(part, gazetteer, "place", "GPE", entry.country, "gazetteer") for part in parts
                ], covered
            if not _only_unit_words(extended[len(base) :]):
                # "Shenyang Hunnan New District": a unit of its own inside the place the gazetteer knows
                return [_mention(extended, gazetteer, "place", "GPE", entry.country, "gazetteer")], covered
            return [Mention(extended, entry.kind, entry.label, entry, entry.country)], covered
        if kind in HEAD_LABELS:
            mention_kind, label = HEAD_LABELS[kind]
            return [_mention(extended, gazetteer, mention_kind, label, entry.country, "gazetteer")], covered
    covered = range(base_span.start, base_span.end)
    if entry.id[:2] != "ci" and _city_cue(ent) and (city := gazetteer.city_named(ent.text)) is not None:
        return [Mention(ent.text, city.kind, city.label, city, city.country)], covered
    if base != ent.text:
        # "Matsue city", "the Natalka deposit": the name the gazetteer knows, without the lower-case
        # noun; "the Tumen river" is still the river
        known = entry if gazetteer.lookup(base) == entry or ent[-1].lower_ in _RIVER_WORDS else None
        if known is None and (prefix := _known_prefix(base_span, gazetteer)) is not None:
            # "the Seoul metropolitan area": a name's words in lower case are common nouns after a
            # shorter name the gazetteer knows (Seoul), not the capital region's name
            span, known = prefix
            return [Mention(span.text, known.kind, known.label, known, known.country)], range(span.start, span.end)
        return [Mention(base, entry.kind, entry.label, known, entry.country)], covered
    # "East Sea/Sea of Japan": two spellings the gazetteer knows, written as one
    spellings = [(part, gazetteer.lookup(part)) for part in ent.text.split("/")]
    if len(spellings) > 1 and all(known is not None for _, known in spellings):
        return [
            Mention(part, known.kind, known.label, known, known.country) for part, known in spellings if known
        ], covered
    if entry.kind == "organization" and (department := department_of_country(ent.text)):
        return _department_mentions(department, entry, gazetteer), covered
    # A country's official name ("Democratic People's Republic of Korea") is one name, and
    # so is a known body's ("EMERCOM of Russia").
    whole = entry.type == "country" or entry.kind == "organization"
    names = [ent.text] if whole else _split_of_phrase(ent.text, gazetteer)
    if len(names) > 1:
        return [
            _mention(name, gazetteer, entry.kind, entry.label, entry.country, "gazetteer") for name in names
        ], covered
    return [Mention(ent.text, entry.kind, entry.label, entry, entry.country)], covered


def _written_lower(ent: Span, entry: Entry) -> bool:
    """Whether a place's known name is matched with words in lower case that every way the
    gazetteer writes it capitalises."""
    text = ent.text
    return (
        entry.kind == "place"
        and text.isascii()
        # (a feature's head in lower case is left to the compound: "the Tumen river")
        and any(word.islower() and word not in _TRAILING_LOWER for word in text.split()[1:])
        and all(alias != text for alias in (entry.name, *entry.aliases))
    )


def _known_prefix(span: Span, gazetteer: Gazetteer) -> tuple[Span, Entry] | None:
    """The longest start of a span the gazetteer knows, before its first word in lower case
    (none when every word is capitalised, a function word or a name's own lower-case word: "Tuv aimag")."""
    lower = [
        token.i
        for token in span[1:]
        if token.text[:1].islower() and not token.is_stop and token.lower_ not in LOWERCASE_NAME_WORDS
    ]
    for end in range(lower[0] if lower else span.start, span.start, -1):
        if (entry := gazetteer.lookup(span.doc[span.start : end].text)) is not None:
            return span.doc[span.start : end], entry
    return None


# Words before a bare name that make it a city: "the port of Niigata", "the city of Toyama".
CITY_CUES = frozenset({("port", "of"), ("city", "of"), ("town", "of"), ("downtown",), ("central",)})


def _city_cue(ent: Span) -> bool:
    doc, start = ent.doc, ent.start
    before = tuple(token.lower_ for token in doc[max(0, start - 2) : start])
    return before in CITY_CUES or before[-1:] in CITY_CUES


# Bodies whose organs and events are named on their own: "Subcommittee on Logistics of NEAR" is
# the subcommittee, and NEAR; "the NEAR Science Park and Technopark Forum" names NEAR (and not the
# UN, "the UN World Conference on Disaster Reduction": a name inside an event's is no name of its own).
PARENT_BODIES = frozenset({"org:near"})
# The heads of a document's name, which another body's name may open: "United Nations Convention on ..."
DOCUMENT_HEADS = frozenset({"convention", "treaty", "agreement", "charter", "declaration", "protocol", "accord"})
# Bodies of which an organ named "X of <their acronym>" is a name of its own, and they one too:
# "World Heritage Committee of UNESCO"
PARENT_BODY_TYPES = frozenset({"intergovernmental", "un-agency", "programme"})
# ... and bodies whose unit is so named after their acronym: "Pohang Accelerator Laboratory of POSTECH"
# (in full, a university is named with its institute: "Disaster Prevention Research Institute of Kyoto University")
ACRONYM_PARENT_TYPES = PARENT_BODY_TYPES | {"university"}


def _parent_body(tail: str, head: str, gazetteer: Gazetteer) -> bool:
    """Whether ``tail`` names a body the gazetteer knows whose organ ``head`` is a name of its own:
    by its acronym, or in full after an office's name ("Subregional Office for East and North-East
    Asia of the United Nations Economic and Social Commission for Asia and the Pacific")."""
    parent = gazetteer.lookup(tail)
    if parent is None:
        return False
    office = head_word(head) in BODY_WORDS
    return (
        parent.id in PARENT_BODIES
        or (tail.isupper() and parent.type in ACRONYM_PARENT_TYPES)
        or (office and parent.type in PARENT_BODY_TYPES)
    )


# Parents after "of" that are named on their own beside their unit: a ministry, an academy, an
# administration or agency, a government, a programme ("Tumen River Area Development Programme of
# the United Nations Development Programme", "Institute of Marine Geology and Geophysics of the
# Russian Academy of Sciences", "Disaster Management Bureau of the Hyogo Prefectural Government");
# a university is named with its institute ("Disaster Prevention Research Institute of Kyoto
# University"), and an academy's branch with its unit ("Energy Systems Institute of the Siberian
# Branch of the Russian Academy of Sciences")
SEPARATE_PARENT_HEADS = frozenset({"ministry", "academy", "administration", "agency", "government", "programme"})
# ... but a region's government or administration, in a list of bodies, is named with its department
# ("Department of Foreign Economic Relations of the Sakhalin Oblast Administration")
REGIONAL_PARENT_HEADS = frozenset({"administration", "government"})
_OF_THE = re.compile(r" of (?:the )?")


def _unit_and_parent_acronym(name: str, gazetteer: Gazetteer) -> list[str] | None:
    """A body's unit with its parent's acronym after it, the way Russian institutes are listed:
    "Limnological Institute SB RAS" is the institute, and SB RAS; None for any other name."""
    words = name.split()
    for size in (2, 1):
        unit, parent = " ".join(words[:-size]), " ".join(words[-size:])
        if len(words) > size + 1 and all(is_acronym(word) for word in words[-size:]):
            entry = gazetteer.lookup(parent)
            if entry is not None and entry.kind == "organization" and head_kind(unit) == "organization":
                return [unit, parent]
    return None


def _organ_of_parent(name: str, gazetteer: Gazetteer) -> list[str] | None:
    """An organ named on its own with its parent body after "of" (PARENT_BODIES, ``_parent_body``):
    [the organ, the parent]; None for any other name."""
    for of_the in _OF_THE.finditer(name):
        head, tail = name[: of_the.start()], name[of_the.end() :]
        if named_organ(head) and _parent_body(tail, head, gazetteer):
            return [head, tail]
    return None


# A university's unit named by its field alone, no name of its own: its university is named
ACADEMIC_UNITS = frozenset({"faculty"})


# A country's government department, named with its country after "of": "Ministry of
# Foreign Affairs of Japan", "State Oceanic Administration of China", "Cabinet Office of Japan". Its own name is
# complete without the country, and is written so; banks, universities, corporations,
# associations and a country's Government are named with it ("Development Bank of Mongolia").
DEPARTMENT_HEADS = frozenset(
    {"administration", "agency", "service", "commission", "bureau", "ministry", "office", "authority"}
)


def _department_mentions(department: tuple[str, str], entry: Entry, gazetteer: Gazetteer) -> list[Mention]:
    """A body the gazetteer knows written with its country ("Ministry of Foreign Affairs of Japan"): the ministry as
    written, the gazetteer's body, and the country."""
    written, country_name = department
    country = _mention(country_name, gazetteer, "place", "GPE", source="gazetteer")
    if entry.country not in (None, country.country):
        # another country's body of that name ("Ministry of Environment" is Korea's in the gazetteer;
        # "Ministry of Environment and Climate Change of Mongolia" is Mongolia's)
        return [Mention(written, "organization", "ORG", None, country.country, "gazetteer"), country]
    return [Mention(written, entry.kind, entry.label, entry, entry.country), country]


_OF_OR_FOR = re.compile(r" (?:of|for) ")


def department_of_country(name: str) -> tuple[str, str] | None:
    """(the department, the country) for a department named with its country, else None."""
    of = next((of for of in re.finditer(" of ", name) if country_code(name[of.end() :])), None)
    if of is None:
        return None
    head, country = name[: of.start()], _LEADING_ARTICLE.sub("", name[of.end() :])
    for inner in re.finditer(" of the ", head):
        # "Yellow River Conservancy Commission of the Ministry of Water Resources of China": a unit of a
        # department named on its own (SEPARATE_PARENT_HEADS), not the department
        unit, parent = head[: inner.start()], head[inner.end() :]
        if (
            head_kind(unit) == "organization"
            and " of " not in unit  # ("First Institute of Oceanography of the State Oceanic Administration": one)
            and head_word(parent) in SEPARATE_PARENT_HEADS
            and department_of_country(f"{parent} of {country}")
        ):
            return None
    # the head noun ends the name or comes before its own "of" or "for" ("General Administration
    # of Customs", "Federal Agency for Tourism")
    nouns = {head.split()[-1].lower(), _OF_OR_FOR.split(head)[0].split()[-1].lower()}
    # (and a state committee, a ministry of Soviet shape: "State Customs Committee of the Russian Federation")
    state_committee = "committee" in nouns and head.split()[0] == "State"
    department = head.startswith("Ministry of ") or bool(nouns & DEPARTMENT_HEADS) or state_committee
    # a country's department may be named by common words alone, each capitalised: "State Forestry
    # Administration of China", "Maritime Safety Administration of China"
    named = is_name(head) or head.split()[0] in NATIONAL_LEADS or _capitalised_words(head)
    return (head, country) if department and " " in head and named else None


NATIONAL_LEADS = frozenset({"State", "National", "Federal", "Central"})


def _capitalised_words(name: str) -> bool:
    """Every word capitalised but the joining ones: "Mineral Resources and Petroleum Authority"."""
    return all(word[:1].isupper() or word in CONNECTORS | {"and", "the"} for word in name.split())


def _split_of_phrase(name: str, gazetteer: Gazetteer) -> list[str]:
    """'Far East of Russia' and 'Matsue City of Shimane Prefecture' are two names
    when the tail is a known place, 'Subcommittee on Logistics of NEAR' when it is
    the association or an international body's acronym ('World Heritage Committee of
    UNESCO'); 'Republic of Korea', 'Sea of Japan' and 'Government of Irkutsk
    Region' are one."""
    # (the parent's name may hold an "of" of its own: "... of the Association of North East
    # Asia Regional Governments")
    if department := department_of_country(name):
        return list(department)
    unit_named = False  # (a unit is of its first parent: "... Institute of the Siberian Branch of the ...")
    for of_the in _OF_THE.finditer(name):
        head, tail = name[: of_the.start()], name[of_the.end() :]
        of_people = tail.lower() in PEOPLE_AN_ORGAN_IS_OF  # ("Korean National Council of Women" is whole)
        if named_organ(head) and not is_name(tail) and " for " not in head and not of_people:
            # "Working Group of the Conference": the organ of a parent named by a common word (not the
            # object of an organ's purpose: "Korean Committee for the Promotion of International Trade")
            return [head]
        if head.split()[0].lower() in ACADEMIC_UNITS and head_kind(tail) == "organization":
            return _split_of_phrase(tail, gazetteer)  # "Faculty of Engineering of Yamagata University"
        # (a bare "Secretariat of NEAR" is one name)
        if _parent_body(tail, head, gazetteer) and (named_organ(head) or (is_name(head) and not _generic(head))):
            return [*_split_of_phrase(head, gazetteer), tail]
        unit = head_kind(head) == "organization" and is_name(head) and head_kind(tail) == "organization"
        if unit and not unit_named and head_word(tail) in SEPARATE_PARENT_HEADS:
            # "Hokuriku Regional Development Bureau of the Ministry of Land, Infrastructure and Transport":
            # a unit, and the ministry it belongs to, each named on its own
            return [*_split_of_phrase(head, gazetteer), *_split_of_phrase(tail, gazetteer)]
        unit_named = unit_named or unit
        if head_kind(head) == "organization" and is_name(head) and (department := department_of_country(tail)):
            # "First Institute of Oceanography of the Ministry of Natural Resources of China":
            # a country's department is named on its own, and so is its body (a body of any
            # other parent keeps it: "Energy Research Institute of the Russian Academy of Sciences")
            return [*_split_of_phrase(head, gazetteer), *department]
    head, of, tail = name.partition(" of ")
    # "Bohyeonsan Optical Astronomy Observatory of the Korea Astronomy and Space Science
    # Institute": a named building of a body, and the body
    if of and head_kind(head) == "facility" and is_name(head) and head_kind(tail) == "organization":
        return [head, re.sub(r"^the\s+", "", tail)]
    if of and _school_of_its_city(head, tail, gazetteer):
        # "Northeastern University of Shenyang": a school with a name of its own, and its city
        # (but "University of Tokyo", "National University of Mongolia" are names whole)
        return [head, tail]
    if of and _portfolio(head) and gazetteer.lookup(tail):
        # "(the Minister of) Foreign Affairs of Mongolia": a minister's portfolio, and the country
        return [re.sub(r"^the\s+", "", tail)]
    if (
        of
        and is_name(head)
        and head_kind(name) not in ("organization", "facility", "natural")
        and gazetteer.lookup(tail)
    ):
        return [head, tail]
    return [name]


# Heads of a school or a research body that a city may follow as where it is
SCHOOL_HEADS = ACADEMIC_HEADS | {"laboratory"}


def _school_of_its_city(head: str, tail: str, gazetteer: Gazetteer) -> bool:
    """Whether "HEAD of TAIL" is a school or an institute with a name before its head and the
    city it is in: "Far Eastern National Technical University of Vladivostok"."""
    words = head.split()
    # (the name's own reading first: "Industrial Research Institute of Ishikawa" is of the prefecture)
    known = gazetteer.lookup(tail) if tail[:1].isupper() and " " not in tail else None
    city = known is not None and known.id.startswith("city:")
    return city and len(words) >= 2 and head_word(head) in SCHOOL_HEADS and words[0] != "National"


_PORTFOLIO_JOINERS = frozenset({"and", "&", "foreign"})


def _portfolio(words: str) -> bool:
    """Whether words are only a ministry's fields ("Foreign Affairs", "Nature, Environment and Tourism")."""
    return all(word.strip(",").lower() in MINISTRY_FIELDS | _PORTFOLIO_JOINERS for word in words.split())


LISTED_NAMES_TOKENS = 8  # how far a list of names goes on: "Alygdzher, Nerkha and Verkhnyaya Gutara"


def _past_listed_names(doc: Doc, end: int) -> int:
    """Where the names listed after the one ending at ``end`` end: past ", Nerkha" and "and
    Verkhnyaya Gutara" (capitalised words after a comma or "and")."""
    index = end
    while index + 1 < len(doc) and doc[index].lower_ in ("and", ",") and doc[index + 1].is_title:
        following = index + 1
        while following < len(doc) and doc[following].is_title and following - end < LISTED_NAMES_TOKENS:
            following += 1
        if following - end >= LISTED_NAMES_TOKENS:
            return end
        index = following
    return index


def _feature_after(doc: Doc, end: int, nouns: Collection[str], listed_nouns: Collection[str] = ()) -> bool:
    """Whether lower-case ``nouns`` after a name, maybe after a resource's words, make it a
    feature's: "... gas field" (NATURAL_FEATURE_NOUNS), "... gas pipeline" (FACILITY_FEATURE_NOUNS);
    also after the other names of a list, where ``listed_nouns`` too ("the Iya and Uda rivers")."""
    index = _past_listed_names(doc, end)
    if end < index < len(doc) and doc[index].text in listed_nouns:
        return True
    while index < len(doc) and index - end < 3 and doc[index].text in RESOURCE_WORDS:
        index += 1
    return index < len(doc) and doc[index].text in nouns


# A company's site, its owner's name before it: "the Intel plant", "the Nestlé factory", "the
# Weiqiao textile plant" (a power plant is named after its place: "the Primorskaya GRES power plant")
WORKS_NOUNS = frozenset({"plant", "plants", "factory", "factories", "mill", "mills", "works"})
PLACE_WORKS_WORDS = frozenset({"power", "hydroelectric", "thermal", "nuclear", "solar", "wind", "treatment"})
WORKS_WORDS_BEFORE = 2


def _owner_of_works(doc: Doc, start: int, end: int) -> bool:
    """Whether a one-word name after "the" is a company's, a site of its after it (the span may
    hold the site's words): "the Intel plant"."""
    if start == 0 or doc[start - 1].lower_ != "the" or not (end == start + 1 or doc[start + 1].is_lower):
        return False
    index = start + 1
    while index < len(doc) and index - start <= WORKS_WORDS_BEFORE and doc[index].is_lower and doc[index].is_alpha:
        if doc[index].lower_ in WORKS_NOUNS | PLACE_WORKS_WORDS:
            break
        index += 1
    return index < len(doc) and doc[index].lower_ in WORKS_NOUNS


# Lower-case nouns after a name that make it a place's: "the Yamakoshi area", "the Chugoku region"
PLACE_NOUNS_AFTER = frozenset({"area", "areas", "region", "regions"})
LOCATIVES = frozenset({"in", "at", "near"})


def _located(doc: Doc, start: int, end: int, ents_at: dict[int, Span]) -> bool:
    """Whether an unknown one-word name the model took for a body is a town by where it
    stands: after "in", "at" or "near" ("the terminal at Zabaikalsk"), before a comma and
    a region or country the gazetteer knows ("from Otsu, Shiga Prefecture"), joined by "and"
    or a comma to a place it knows, a name of its own ("with Khovd and Ulgii", "towards
    Bichigt, Numrug and Arxan"), or where a route from a place ends
    ("from Biysk to Kosh-Agach")."""
    name = doc[start:end].text
    if " " in name or name.isupper() or head_kind(name) is not None:
        return False
    after = ents_at.get(end + 1)
    before_region = (
        end + 1 < len(doc)
        and doc[end].text == ","
        and after is not None
        and after.label_ == "GPE"
        and not after.ent_id_.startswith(("city:", "shape:"))
        and bool(after.ent_id_)
    )
    before = doc[max(0, start - ROUTE_WORDS) : max(0, start - 1)]
    # (or listed between places: "off Guryongpo, Akasaki and the coast", "towards Bichigt, Numrug and Arxan")
    joined = start >= 2 and doc[start - 1].lower_ in ("and", "&", ",") and _bare_place_ends(doc, start - 2)
    joined = joined or (end + 1 < len(doc) and doc[end].lower_ in ("and", "&", ",") and _bare_place_opens(doc, end + 1))
    route_end = (
        start >= 1
        and doc[start - 1].lower_ == "to"
        and any(token.lower_ == "from" for token in before)
        and any(_known_place(token) for token in before)
    )
    return before_region or joined or route_end or (start > 0 and doc[start - 1].lower_ in LOCATIVES)


ROUTE_WORDS = 5  # "from Biysk to ...", "from the port of Zarubino to ...": where a route's start may stand


def _known_place(token: Token) -> bool:
    return token.ent_type_ in ("GPE", "LOC") and bool(token.ent_id_) and not token.ent_id_.startswith("shape:")


def _in_longer_name(token: Token) -> bool:
    """Whether a word before a name goes on with it: "GTRK Vladivostok", "Bank of China"."""
    return token.is_title or (token.is_upper and token.is_alpha) or token.lower_ in CONNECTORS


def _bare_place_ends(doc: Doc, index: int) -> bool:
    """Whether a known place ends at ``index``, a name of its own (no body's last words)."""
    if not _known_place(doc[index]) or (index + 1 < len(doc) and doc[index + 1].ent_iob_ == "I"):
        return False
    start = index
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return start == 0 or not _in_longer_name(doc[start - 1])


def _bare_place_opens(doc: Doc, index: int) -> bool:
    """Whether a known place opens at ``index`` and is a name of its own."""
    return _known_place(doc[index]) and doc[index].ent_iob_ == "B"


def _guessed_place(ent: Span) -> bool:
    """A place the model guessed and nothing knows: "Geysers" in "Valley of Geysers"."""
    return not ent.ent_id_ and ent.label_ in PLACE_LABELS


def _feature_of_tail(doc: Doc, end: int, ents_at: dict[int, Span]) -> int:
    """A facility's or a natural feature's "of" tail that names no place: "Adachi Museum" +
    "of Art", "Valley" + "of Geysers"; "Mogao Caves of Dunhuang" are two names, and so are a
    plant and the company that owns it."""
    known = ents_at.get(end + 1)
    if end + 1 >= len(doc) or doc[end].lower_ != "of" or (known is not None and not _guessed_place(known)):
        return end
    run_end = _capitalised_run(doc, end + 1)
    if run_end == end + 1:
        return end
    owner_form = doc[run_end - 1].lower_ in COMPANY_FORMS or (
        run_end < len(doc) and doc[run_end].lower_ in COMPANY_FORMS
    )
    if owner_form:  # "Omi Plant" + "of Denki Kagaku Kogyo K.K.": the plant and the company that owns it
        return end
    if run_end + 1 < len(doc) and doc[run_end].lower_ in ("and", "&"):  # "Museum of Architecture and Ethnography"
        after = _capitalised_run(doc, run_end + 1)
        run_end = after if after > run_end + 1 else run_end
    return run_end


def _titled_head_after(doc: Doc, end: int) -> int:
    """A feature's name whose lower-case head word was a word of its own head's: "West
    Open-pit" + "Mine" is the mine."""
    if end < len(doc) and doc[end - 1].is_lower and doc[end].is_title and head_kind(doc[end].text) == "natural":
        return end + 1
    return end


# The wings of Inner Mongolia's banners, between a banner's name and its word: "Chahar Right
# Middle Banner", "Horqin Left Rear Banner", "Ongniud Banner"
BANNER_WINGS = frozenset({"Left", "Right", "Middle", "Front", "Rear", "Centre", "Center"})
BANNER_WING_WORDS = 2


def _unit_head_after(doc: Doc, end: int) -> int:
    """A town's name and the word of its kind, which the model left out before an aside:
    "Erdaobaihe" + "Town (二道白河镇)", "Antu" + "County". Not when a name goes on after the
    word: "Erdaobaihe Town Hall" is a hall's. A banner's name has its wing between: "Chahar" +
    "Right Middle Banner"."""
    wing = end
    while wing < len(doc) and wing - end < BANNER_WING_WORDS and doc[wing].text in BANNER_WINGS:
        wing += 1
    if wing > end and wing < len(doc) and doc[wing].text == "Banner":
        return wing + 1
    if end >= len(doc) or not doc[end].is_title or head_kind(doc[end].text) != "administrative":
        return end
    if end + 1 < len(doc) and doc[end].whitespace_ and _starts_name(doc[end + 1]):
        return end
    return end + 1


def _located_facility(doc: Doc, end: int, ents_at: dict[int, Span]) -> int:
    """A hotel's or a hall's name that ends with its city: "Lotte Hotel Ulsan", "Shangri-La
    Hotel Harbin" (no comma or preposition between, and no name going on after the city)."""
    city = ents_at.get(end)
    if city is None or city.label_ != "GPE" or doc[end - 1].whitespace_ != " ":
        return end
    if city.end < len(doc) and _starts_name(doc[city.end]):
        return end
    return city.end


# Words before a place: "drove to Tojinbo", "stayed in Yamakoshi" (LOCATIVES, which make a
# town of one word, and more). ("visited" is not one: delegates visit companies too.)
LOCATIVE_WORDS = LOCATIVES | frozenset(
    {"to", "from", "around", "across", "via", "toward", "towards", "into", "through", "along"}
)


# "the castle town of Hagi", "the foothills of the Sikhote-Alin": a kind of place, or a part
# of one, then its name.
PLACE_NOUNS = frozenset(
    {
        "town", "towns", "city", "village", "villages", "island", "islands", "plateau", "port", "harbour", "harbor",
        "county", "district", "valley", "peninsula", "bay", "cape", "coast", "resort", "soum",
        "foothills", "slopes", "foot", "shore", "shores", "mouth", "summit", "caldera", "crater",
        "ruins", "remains", "terraces", "outskirts", "suburbs", "ports", "beaches",
        "cliffs", "hills", "dunes", "sands", "caves", "springs", "lakes", "rivers", "mountains",
        "cliff", "arch", "gorge", "canyon", "forests", "wetlands", "marshes", "plains",
        "kingdom", "kingdoms", "empire", "principality",  # a state of the past: "the ancient kingdom of Balhae"
        # what a deposit yields: "the coal of Ovoot Tolgoi and Nariin Sukhait"
        "coal", "copper", "gold", "ore", "oil", "earths", "deposit", "deposits", "mines",
    }
)  # fmt: skip


def _after_place_word(doc: Doc, start: int) -> bool:
    """Whether the name at ``start`` follows a locative word (and perhaps "the"), a kind
    of place and "of", or a place and "and" ("Asia and the Pacific")."""
    index = start - 1
    if _after_place_noun(doc, start):
        return True
    if index >= 0 and doc[index].lower_ == "the":
        index -= 1
    if index >= 1 and doc[index].lower_ in ("and", "or") and doc[index - 1].ent_type_ in PLACE_LABELS:
        return True
    return index >= 0 and doc[index].lower_ in LOCATIVE_WORDS


# The words between a kind of place and its names: "the islands of Reineke", "fishing
# villages such as Kievka", "ports like Zarubino", "towns including Tynda".
PLACE_NAMES_FOLLOW = (("of",), ("such", "as"), ("like",), ("including",), ("namely",))


def _after_place_noun(doc: Doc, start: int) -> bool:
    """Whether the name at ``start`` follows a kind of place and "of" (or "such as", ...:
    PLACE_NAMES_FOLLOW; "the islands of Reineke"), or is the next of such names ("... and Popov")."""
    index = start - 1
    while index >= 1 and start - index < LISTED_NAMES_TOKENS and doc[index].lower_ in ("and", ","):
        index -= 1  # over the names listed before it: "villages of Alygdzher, Nerkha and" + "Verkhnyaya Gutara"
        while index >= 1 and doc[index].is_title and start - index < LISTED_NAMES_TOKENS:
            index -= 1
    if index >= 0 and doc[index].lower_ == "the":
        index -= 1
    for words in PLACE_NAMES_FOLLOW:
        first = index - len(words) + 1
        if first >= 1 and tuple(token.lower_ for token in doc[first : index + 1]) == words:
            return doc[first - 1].lower_ in PLACE_NOUNS
    return False


def _unknown_headless(name: str, gazetteer: Gazetteer) -> bool:
    """A name with no head word that the gazetteer does not know: the model's guess alone."""
    return head_kind(name) is None and gazetteer.lookup(name) is None


def _place_of_no_body(doc: Doc, start: int, names: list[str], gazetteer: Gazetteer) -> str | None:
    """The place label of a name the model took for a body but that names a place: a word of
    WORD_SHAPES' shape (a Russian town's -sk), or names of one or two words each with no body's
    head word, no capital inside a word (brands: "PetroChina"), unknown to the gazetteer,
    after a word of place (the unknown towns, capes and hills of the member regions; "the
    town of Ama on Nakanoshima")."""
    if len(names) == 1 and (shape := word_shape(names[0])) is not None:
        return shape.label if shape.kind == "place" else None
    # (each name of the span: "the town of Ama on Nakanoshima" is the town and its island)
    if names and all(_plain_unknown_name(name, gazetteer) for name in names) and _after_place_word(doc, start):
        return "LOC"
    return None


def _plain_unknown_name(name: str, gazetteer: Gazetteer) -> bool:
    """A name of one or two words with no head word, unknown to the gazetteer, and no capital
    inside a word (a brand's: "PetroChina"; after a hyphen it opens a word: "Sikhote-Alin")."""
    words = name.split()
    return (
        _unknown_headless(name, gazetteer)
        and len(words) <= 2
        and not any(char.isupper() for word in words for part in word.split("-") for char in part[1:])
    )


_TOPIC_WORDS_MAX = 12
# A numbered part of a meeting's programme, before the colon that opens its topic: "Session I:"
PROGRAMME_PARTS = frozenset({"session", "panel", "part", "track", "round", "day"})
PART_NUMBER = re.compile(r"[IVX]{1,5}|\d{1,2}|[A-H]")


def _opens_a_part(doc: Doc, colon: int) -> bool:
    """Whether the colon at ``colon`` ends a programme part's number: "Session 2:", "Panel II:"."""
    number = doc[colon - 1] if colon >= 2 else None
    return (
        number is not None
        and PART_NUMBER.fullmatch(number.text) is not None
        and doc[colon - 2].lower_ in PROGRAMME_PARTS
    )


def _in_event_topic(doc: Doc, start: int, place: bool = False) -> bool:
    """Whether the name at ``start`` is in the topic of an event's name: after "Workshop on",
    "Forum on" or a programme's "Session 2:", over capitalised words, "and", "the" and commas
    ("NEAR Workshop on Forest Management and the Timber Industry", "Session I: Trade, Ports and
    Sea Routes": no body or place is named). A ``place`` only after a programme's part: "on"
    after an event may say where it is ("a festival on the Arakhley lakes")."""
    index = start - 1
    while index >= 0 and start - index <= _TOPIC_WORDS_MAX:
        token = doc[index]
        if token.lower_ == "on":
            return not place and _event_ends_at(doc, index)
        if token.text == ":":
            return _opens_a_part(doc, index)
        if not (token.is_title or token.lower_ in ("and", "&", "the", ",")):
            return False
        index -= 1
    return False


# The words of an event's "of" tail before its topic's "on": "Forum of Regional Governments of
# North East Asia on Local Autonomy"
_EVENT_TAIL_WORDS_MAX = 8


def _event_ends_at(doc: Doc, end: int) -> bool:
    """Whether the words before ``end`` are an event's name, its head last ("Workshop") or
    before a tail of capitalised words and "of" ("Forum of Regional Governments of North East Asia")."""
    index = end - 1
    while index >= 0 and end - index <= _EVENT_TAIL_WORDS_MAX:
        token = doc[index]
        if token.is_title and head_kind(token.text) == "event":
            return True
        if not (token.is_title or token.lower_ in ("of", "the")):
            return False
        index -= 1
    return False


WORDS_BEFORE_HYPHEN_WORD = 3


def _over_lower_hyphen_word(doc: Doc, start: int) -> int:
    """Where a name's shape broke at a lower-case word after a hyphen ("Nanfen Open-pit" +
    "Iron Mine", "Miryang Nano-convergence" + "National Industrial Complex"), the name's start
    over that word and the capitalised words before it."""
    if not (
        start >= 3
        and doc[start - 1].is_lower
        and doc[start - 1].is_alpha
        and _glued_hyphen(doc, start - 2)
        and doc[start - 3].is_title
        and not doc[start - 3].is_stop
    ):
        return start
    start -= 3
    for _ in range(WORDS_BEFORE_HYPHEN_WORD):
        if start == 0 or not doc[start - 1].is_title or doc[start - 1].is_stop:
            break
        start -= 1
    return start


def _bureau_of_facility(doc: Doc, end: int, ents_at: dict[int, Span]) -> int | None:
    """Where a body's name ends that a facility's name opens, "and" and a body's head word after
    one common word ("Kobe City Port" + "and Harbor Bureau"); None for another "and" ("Busan Port
    and Korea Customs Service": two)."""
    body = ents_at.get(end + 1) if end < len(doc) and doc[end].lower_ == "and" else None
    if body is None or len(body) != 2 or head_kind(body.text) != "organization":
        return None
    word = body[0]
    return body.end if word.is_title and word.lower_ in HEAD_WORDS["facility"] | HEAD_WORDS["natural"] else None


def _compound_adjective(doc: Doc, index: int) -> bool:
    """Whether ``doc[index:index + 3]`` is a capitalised word, a hyphen and a participle glued
    to it: "Spoon-billed", "Red-crowned", "Black-faced"."""
    return (
        index + 2 < len(doc)
        and doc[index].is_title
        and _glued_hyphen(doc, index + 1)
        and doc[index + 2].is_lower
        and doc[index + 2].text.endswith("ed")
    )


def _species_name(doc: Doc, start: int, end: int) -> range | None:
    """The tokens of an animal's or a plant's English name the span is in, a compound adjective
    and the capitalised noun after it ("the Spoon-billed Sandpiper", "the Red-crowned Crane"):
    no place or body. None where the span is in no such name."""
    for first in (start, start - 3):  # (the span at the adjective, or at the noun after it)
        if first >= 0 and _compound_adjective(doc, first) and first + 3 < len(doc) and doc[first + 3].is_title:
            return range(first, first + 4)
    return None


OWNERS_OFFICE = "shape:owner's office"  # (names.py's NAME_SHAPES: "Governor's Office")


def _body_of_people_after(doc: Doc, end: int) -> int | None:
    """The end of a body's name that goes on after a place's with the people it is of, in the
    possessive, and capitalised words up to a body's head: "Japan Sea Rim" + "Women's Network"."""
    if not (end + 2 < len(doc) and doc[end].is_title and doc[end].lower_ in POSSESSIVE_HOLDERS):
        return None
    if doc[end + 1].text not in _POSSESSIVES or doc[end].whitespace_:
        return None
    run_end = _capitalised_run(doc, end + 2)
    return run_end if run_end > end + 2 and head_kind(doc[end:run_end].text) == "organization" else None


def _city_after_facility(doc: Doc, ent: Span, end: int) -> bool:
    """Whether a name of several words shaped as a facility's goes on with "City", the last word of
    the name ("Harima Science Garden City"; not "... Park City Tour")."""
    return (
        head_kind(ent.text) == "facility"
        and len(ent) > 1
        and end < len(doc)
        and doc[end].text == "City"
        and not (end + 1 < len(doc) and doc[end + 1].is_title)
    )


def _model_mentions(ent: Span, gazetteer: Gazetteer, ents_at: dict[int, Span]) -> tuple[list[Mention], range]:
    """Mentions in a span ner or a name shape found, cleaned and classified by head
    word. Organizations, and spans cut after "of the", run on to the name that follows."""
    doc = ent.doc
    if (event_end := _shape_in_event(ent)) is not None:
        # "the Great East Japan Earthquake", "the NEAR Hot Spring Tourism Seminar", "the NEAR
        # Science Park and Technopark Forum": a name shape inside an event's name is no place nor body
        start = ent.start
        while start > 0 and doc[start - 1].is_title and not doc[start - 1].is_stop:
            start -= 1
        opens = start == 0 or not doc[start - 1].is_title  # (not "the Third UN World Conference")
        organizer = _event_organizer(doc[start], gazetteer) if opens else []
        return organizer, range(start, event_end)
    if (species := _species_name(doc, ent.start, ent.end)) is not None:
        return [], species
    end = ent.end
    span_kind = head_kind(ent.text)
    following = ents_at.get(end)
    if ent[-1].lower_ in ("and", "&") and following is not None and following.ent_id_.startswith("shape:"):
        end = following.end  # "Baikalsk Pulp and" + "Paper Mill"
    elif ent.label_ in PLACE_LABELS and following is not None and following.ent_id_ == OWNERS_OFFICE:
        end = following.end  # "the Chingeltei District" + "Governor's Office": the office of the place
        span_kind = head_kind(doc[ent.start : end].text)
    elif ent.label_ in PLACE_LABELS and (body := _body_of_people_after(doc, end)) is not None:
        end = body  # "the Japan Sea Rim" + "Women's Network": a body of the people of the place
        span_kind = "organization"
    elif span_kind == "facility" and (bureau := _bureau_of_facility(doc, end, ents_at)) is not None:
        end = bureau  # "Kobe City Port" + "and" + "Harbor Bureau": the city's bureau of both
        span_kind = "organization"
    # (a name shaped as a building whose head is a body's, with a "for" tail: "Japan Center" + "for
    # Area Development Research"; its "of" tail names its parent: "... Center of Tottori University")
    purpose = span_kind == "organization" and end < len(doc) and doc[end].lower_ == "for"
    if ent.label_ in ORG_LABELS or ent.text.split()[-1].lower() in CONNECTORS | {"the"} or purpose:
        end = _extend_right(ent.doc, end, ents_at, lambda text: "organization", ent.start)
    elif (
        span_kind == "facility" and end < len(doc) and doc[end - 1].lower_ == "world" and doc[end].lower_ in WORLD_TAILS
    ):
        # "UNESCO World" + "Heritage List", "FIFA World" + "Cup": no theme park, the body's "World
        # Heritage" (NOT_NAME_TAILS) or its event
        end += 1
    elif _city_after_facility(doc, ent, end):
        end += 1  # "Harima Science Garden" + "City": a town planned round a park, named as a city is
    elif span_kind == "facility":
        end = _located_facility(ent.doc, _feature_of_tail(ent.doc, end, ents_at), ents_at)
    elif span_kind is None and ent.label_ == "GPE":
        end = _unit_head_after(doc, end)
    elif span_kind == "natural":
        end = _titled_head_after(doc, end)
        # (a head in lower case takes no tail: "the Yellow Sea coast of Seocheon" is the sea, and Seocheon)
        end = end if doc[end - 1].is_lower else _feature_of_tail(ent.doc, end, ents_at)
    start = _extend_left(ent.doc, ent.start, end, ents_at)
    end = _mission_seat(doc, start, end, ents_at)
    if doc[start].text in _HYPHEN and _glued_hyphen(doc, start):
        start += 1  # a shape's words may open with the hyphen of "All-China ..."
    start, end = _hyphen_joined(doc, start, end, _NAME_HYPHENS if _headed_name(ent) else _HYPHEN)
    if ent.ent_id_.startswith("shape:"):
        start = _over_lower_hyphen_word(doc, start)
    opening = next((token.i for token in doc[start + 1 : end - 1] if token.text == "("), None)
    if opening is not None and doc[end - 1].text == ")" and not doc[opening + 1 : end - 1].text.isascii():
        end = opening  # "Laosicheng (老司城)" spanned whole: the name, and its native form an aside of its own
    text = ent.doc[start:end].text
    if head_kind(text) == "event":
        # "General Assembly of the Association ...": the event's name ends at "of";
        # what follows it may be a name of its own.
        tail = next((t.i for t in ent.doc[ent.start + 1 : end] if t.lower_ in CONNECTORS), end)
        return [], range(start, tail)
    default: tuple[EntityKind, str] = ("place", ent.label_) if ent.label_ in PLACE_LABELS else ("organization", "ORG")
    owner = _owner_of_works(doc, start, end)
    if _feature_after(ent.doc, end, NATURAL_FEATURE_NOUNS, LISTED_FEATURE_NOUNS):
        default = ("place", "LOC")
    elif owner:
        default = ("organization", "ORG")
    elif _feature_after(ent.doc, end, FACILITY_FEATURE_NOUNS):
        default = ("place", "FAC")
    elif (end < len(doc) and doc[end].text in UNIT_NOUNS | PLACE_NOUNS_AFTER) or (  # "Khutag-Undur soum"
        default[0] == "organization" and _located(ent.doc, start, end, ents_at)
    ):
        default = ("place", "GPE")
    names = clean_span(text, ent.label_) or _named_by_its_acronym(doc, start, end)
    if len(names) == 1 and _acronym_after(doc, end) == acronym_letters(text) and _opening_word_spelt(text, names[0]):
        names = [text]  # "Our Sea of East Asia Network (OSEAN)": the word its acronym spells is the name's
    if (feature := _river_after_article(doc, start, end, names, gazetteer)) is not None:
        return [feature], range(start, end)
    # a post the span grew into ("State" + "Secretary of the Ministry ..."): no body's name
    names = [name for name in names if name.split()[-1].lower() not in ROLE_WORDS or head_kind(name) is not None]
    # ... or a post's name with the body or place it is of: that body or place ("the Consul General
    # of Mongolia in Ulan-Ude", "the Vice-Governors of Kyongsangbuk-do")
    names = [_past_post_of(name) if is_post_of(name) and head_kind(name) is None else name for name in names]
    names = [name for name in names if not is_post(name)]
    topic_words = names and all(_unknown_headless(name, gazetteer) for name in names)
    if topic_words and _in_event_topic(doc, start, place=default[0] == "place"):
        return [], range(start, end)
    if default[0] == "organization" and not owner:
        place_label = _place_of_no_body(doc, start, names, gazetteer)
        if place_label is not None:
            default = ("place", place_label)
    kinds = [HEAD_LABELS.get(head_kind(name) or "") for name in names]
    # "Mount Tai & Qufu": parts of one span share the kind one of them shows.
    shared = next((kind for kind in kinds if kind), default)
    mentions = []
    for name, kind in zip(names, kinds, strict=False):
        department = department_of_country(name)
        for part in _split_of_phrase(name, gazetteer):
            mention_kind, label = kind or shared
            source: EntitySource = "rules" if ent.ent_id_.startswith("shape:") else "model"
            mention = _mention(part, gazetteer, mention_kind, label, source=source)
            if department and part == department[0] and mention.entry is None:
                # "Ministry of Foreign Affairs" as written, one identity with its country's name
                mention = replace(mention, same_as=name)
            mentions.append(mention)
    if ent.ent_id_ in KNOWN_ONLY_SHAPES and all(mention.entry is None for mention in mentions):
        return [], range(start, end)
    return mentions, range(start, end)


def _opening_word_spelt(text: str, name: str) -> bool:
    """Whether ``text`` is ``name`` after one capitalised word that gives an acronym a letter
    ("Our" of "Our Sea of East Asia Network"; not "the" nor a dash)."""
    word = text.removesuffix(name).strip()
    return text.endswith(" " + name) and word.isalpha() and word.istitle() and " " not in word


def _mission_seat(doc: Doc, start: int, end: int, ents_at: dict[int, Span]) -> int:
    """The end of a mission's name past "in" and the place it sits in, where the name opens with
    a mission's head and names a country after "of"."""
    seat = ents_at.get(end + 1)
    if not (
        names_a_mission([token.text for token in doc[start:end]])
        and end + 1 < len(doc)
        and doc[end].lower_ == "in"
        and seat is not None
        and seat.label_ in PLACE_LABELS
    ):
        return end
    return seat.end


def _river_after_article(doc: Doc, start: int, end: int, names: list[str], gazetteer: Gazetteer) -> Mention | None:
    """A one-word name after "the" that the gazetteer knows with a river's or lake's head, as
    that feature, whatever the model thought it was: "a bridge over the Lena"."""
    if len(names) != 1 or " " in names[0]:
        return None
    word = next((token.i for token in doc[start:end] if token.text == names[0]), None)
    if word is None or not _after_article(doc, range(word, word + 1)):
        return None
    feature = _feature_of_name(names[0], gazetteer)
    return None if feature is None else Mention(names[0], "place", feature.label, feature, feature.country, "rules")


def _ent_ending_at(ents_at: dict[int, Span], end: int, longest: int) -> Span | None:
    """The entity of at most ``longest`` tokens that ends at ``end`` (``ents_at``: by its start)."""
    starts = range(end - 1, end - longest - 1, -1)
    return next((ent for ent in map(ents_at.get, starts) if ent is not None and ent.end == end), None)


ACRONYM_LEFT_WORDS = 3  # (the words before "and" an acronym's first letters may take)


def _left_to_its_acronym(doc: Doc, start: int, end: int) -> int:
    """Where a body's name starts whose acronym follows it in brackets, when the capitalised
    words before its "and" or "of" are the acronym's first letters, whatever the model read
    them as: "Arctic and" + "Antarctic Research Institute (AARI)", "Our Sea of" + "East Asia
    Network (OSEAN)", "Korean Women's" + "Development Institute (KWDI)" (not an acronym that
    leaves words out: "New Energy and Industrial Technology Development Organization (NEDO)" is
    missed)."""
    if not (end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and is_acronym(doc[end + 1].text)):
        return start
    acronym, letters = doc[end + 1].text, acronym_letters(doc[start:end].text)
    if not (start >= 2 and doc[start - 1].lower_ in ("and", "&", "of", "'s", "’s") and acronym.endswith(letters)):
        return start
    run_start = start - 1
    # (a capitalised function word may open the name: "Our")
    while (
        run_start > 0
        and start - 1 - run_start < ACRONYM_LEFT_WORDS
        and (_starts_name(doc[run_start - 1]) or doc[run_start - 1].is_title)
    ):
        run_start -= 1
        if acronym_letters(doc[run_start:end].text) == acronym:
            return run_start
    return start


# The words of a region's government that open a body's name: "Toyama Prefectural ..."
GOVERNMENT_ADJECTIVES = frozenset({"prefectural", "provincial", "municipal", "metropolitan"})


def _after_regions_government(doc: Doc, start: int) -> bool:
    """Whether words at ``start`` open with a government's adjective after a place: "Toyama" +
    "Prefectural Agricultural, Forestry and Fisheries Research Center"."""
    return start > 0 and doc[start - 1].ent_type_ in PLACE_LABELS and doc[start].lower_ in GOVERNMENT_ADJECTIVES


def _opens_with_listed_fields(doc: Doc, start: int, end: int) -> bool:
    """Whether a name opens with the last fields of a list whose first field is the word before
    its comma: "Agriculture," + "Forestry and Fisheries Department" (not a post before a body's
    name: "Head, Education and Culture Department")."""
    return (
        start >= 2
        and start + 2 < end
        and doc[start - 2].is_title
        and doc[start - 2].lower_ in COMPANY_FIELD_WORDS
        and doc[start + 1].lower_ in ("and", "&", ",")
    )


def _joined_before(doc: Doc, start: int, end: int) -> bool:
    """Whether the word before ``start`` joins words before it to the name: a spaced "and"
    or "&", or a comma where an "and" in the name ends the list it opens."""
    joiner = doc[start - 1]
    if joiner.lower_ in ("and", "&"):
        return bool(doc[start - 2].whitespace_)
    return joiner.text == "," and bool(joiner.whitespace_) and any(t.lower_ in ("and", "&") for t in doc[start:end])


def _extend_left(doc: Doc, start: int, end: int, ents_at: dict[int, Span]) -> int:
    """Grow an organization's name to the left: "Culture and" before "Tourism Subcommittee",
    and an organization's acronym before its unit ("NOWPAP" + "Regional Coordinating Unit",
    "NEAR" + "Culture & Tourism Subcommittee")."""
    if head_kind(doc[start:end].text) != "organization":
        return start
    span_start = start
    # (an article opens the name's own phrase: "Polyus Gold and the Institute of Mining" are two;
    # a comma before a list of fields that ends in "and" is the name's: "Toyama Prefectural
    # Agricultural," + "Forestry and Fisheries Research Center")
    while start >= 2 and doc[start].lower_ != "the" and _joined_before(doc, start, end):
        run_start = start - 1
        # Words the model read as a body are the name's where its span took the "and" too ("the
        # Culture and"); "Aeroflot and ..." is a body of its own, and a place a name of its own;
        # a field the model took for a work ("the Maritime and") is the name's.
        taken = PLACE_LABELS if doc[start - 1].ent_type_ == "ORG" else PLACE_LABELS | ORG_LABELS
        while (
            run_start > 0
            and _starts_name(doc[run_start - 1])
            and doc[run_start - 1].ent_type_ not in taken | {"PERSON"}
        ):
            run_start -= 1
        run = doc[run_start : start - 1]
        # an acronym is a name of its own: "SASS and Shandong University" are two; so is the "of"
        # tail of a name before: "Arita College of Ceramics and Chonnam National University"
        tail_of_name = run_start > 0 and doc[run_start - 1].lower_ == "of"
        if (
            run_start == start - 1
            or head_kind(run.text) is not None
            or all(token.is_upper for token in run)
            or tail_of_name
            or doc[start - 2].lower_ in COMPANY_FORMS  # "China Shenhua Energy Company Limited and ...": it ends one
            # (a comma joins fields only after a region's government, or where the name opens with
            # the list's last fields: "Agriculture," + "Forestry and Fisheries Department"; not
            # "Director, Institute of Volcanology and Seismology")
            or (
                doc[start - 1].text == ","
                and not (_after_regions_government(doc, run_start) or _opens_with_listed_fields(doc, start, end))
            )
        ):
            break
        start = run_start
    start = _left_to_its_acronym(doc, start, end)
    feature = _ent_ending_at(ents_at, start, longest=3)
    if feature is not None and feature.ent_id_ == "shape:natural" and doc[start - 1].whitespace_:
        start = feature.start  # "Shapotou Desert" + "Research and Experiment Station": the feature names the body
    # "Linjiang" + "Entry-Exit Inspection and Quarantine Bureau": the city or region a body's
    # name opens with, where the name ran left over its "and" up to it
    lead = start
    while lead >= 2 and doc[lead - 1].text in _HYPHEN and _glued_hyphen(doc, lead - 1):
        lead -= 2  # ("Entry-Exit": a word of the name)
    opening = _ent_ending_at(ents_at, lead, longest=3)
    if start < span_start and opening is not None and opening.label_ == "GPE" and doc[lead - 1].whitespace_:
        start = opening.start
    # "Gangwon 2024" + "Organizing Committee", "the 2018" + "PyeongChang Memorial Foundation": the
    # year of the event a body is named after, after the event's place or opening a foundation's
    # name (not "the 2013 Working Committee")
    if start >= 2 and YEAR_WORD.match(doc[start - 1].text):
        place = doc[start - 2]  # (a place the model may not know: "PyeongChang 2018 Bid Committee")
        unknown_name = place.text[:1].isupper() and not place.is_stop and not place.ent_type_
        if (place.ent_type_ in PLACE_LABELS or unknown_name) and year_named(doc[start - 2 : end].text):
            start -= 2
        elif (
            doc[start - 2].lower_ == "the"
            and head_word(doc[start:end].text) == "foundation"
            and year_named(doc[start - 1 : end].text)
        ):
            start -= 1
    before = _ent_ending_at(ents_at, start, longest=2)
    before = before if before is not None and before.label_ in ORG_LABELS else None
    if before is not None and len(before) == 1 and before.text.isupper() and doc[start - 1].whitespace_:
        start = before.start
    if start >= 1 and ORDINAL_WORD.match(doc[start - 1].text) and head_word(doc[start:end].text) in ORDINAL_UNIT_HEADS:
        start -= 1  # "8th" + "Regional Maritime Safety Headquarters"
    # "Governor's" + "Office of Dornod Aimag": the owner of an office, a word of its name
    if (
        start >= 2
        and doc[start - 1].lower_ in POSSESSIVE_ENDINGS
        and doc[start - 2].is_title
        and doc[start - 2].lower_ in POSSESSIVE_OWNERS
    ):
        start -= 2
    return start


ACRONYM_WORDS = 3


def _acronym_after(doc: Doc, end: int, organization: bool = False, name: str = "") -> str | None:
    """'Korea International Cooperation Agency (KOICA)', 'Incheon Free Economic Zone (IFEZ)':
    the bracketed acronym (before the name's native form too: '(NIFS, 국립수산과학원)'; before
    where the body is, when its letters are ``name``'s: 'Global Fire Monitoring Center (GFMC,
    Freiburg, Germany)'); after a body's name also its one-word short name ('National Federation
    of Fisheries Cooperatives (Suhyup)')."""
    if organization and end < len(doc) and doc[end].text == "(":
        # an institute's acronym with its parents' ("(ESI SB RAS)": Energy Systems Institute of the
        # Siberian Branch of the Russian Academy of Sciences)
        words = list(itertools.takewhile(lambda token: is_acronym(token.text), doc[end + 1 : end + 1 + ACRONYM_WORDS]))
        close = end + 1 + len(words)
        if len(words) > 1 and close < len(doc) and doc[close].text.startswith(")"):
            return " ".join(word.text for word in words)
    # ("):" is one token; the native form may follow the acronym: "(NIFS, 국립수산과학원)")
    closes = end + 2 < len(doc) and (
        doc[end + 2].text.startswith(")")
        or (doc[end + 2].text == "," and _native_before_close(doc, end + 3) is not None)
        or (doc[end + 2].text == "," and bool(name) and acronym_letters(name) == doc[end + 1].text)
    )
    if closes and doc[end].text == "(":
        candidate = doc[end + 1]
        if is_acronym(candidate.text):
            return candidate.text
        if (
            organization
            and candidate.is_title
            and candidate.is_alpha
            and candidate.text.isascii()  # (a form in another script is the name's native form)
            and candidate.ent_type_ in ("", "ORG")
            and is_name(candidate.text)
        ):
            return candidate.text
    return None


# Words after "World" that make no theme park of it ("Lotte World"): a body's heritage, an event
WORLD_TAILS = frozenset({"heritage", "cup"})


def _named_by_its_acronym(doc: Doc, start: int, end: int) -> list[str]:
    """A body's name of common words only, made a name by the acronym it defines right after it:
    "the National Energy Administration (NEA)"."""
    text = doc[start:end].text
    defined = (
        end + 2 < len(doc)
        and doc[end].text == "("
        and doc[end + 2].text == ")"
        and is_acronym(doc[end + 1].text)
        and acronym_letters(text) == doc[end + 1].text
    )
    return [text] if defined and head_kind(text) == "organization" and _capitalised_words(text) else []


def initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[0].isupper())


ACRONYM_TAIL_TOKENS = 3  # "... Eco-Environment and Resources (NIEER)": the words a name goes on by


def acronym_letters(name: str) -> str:
    """The capitals an acronym takes from a name: each word's and each hyphened part's first."""
    return "".join(re.findall(r"(?<![\w’'])[A-Z]", name))


def _up_to_its_acronym(doc: Doc, tokens: range, found: list[Mention], taken: set[int]) -> tuple[range, list[Mention]]:
    """A body's name cut before "and" ("Northwest Institute of Eco-Environment") goes on to
    the bracketed acronym right after when the acronym's letters are those of the whole
    ("... and Resources (NIEER)") and not of the part."""
    if len(found) != 1 or found[0].kind != "organization" or found[0].entry is not None:
        return tokens, found
    bracket = next(
        (i for i in range(tokens.stop, min(tokens.stop + ACRONYM_TAIL_TOKENS + 1, len(doc) - 2)) if doc[i].text == "("),
        None,
    )
    if bracket is None or bracket == tokens.stop or not doc[bracket + 2].text.startswith(")"):
        return tokens, found
    acronym, whole = doc[bracket + 1].text, range(tokens.start, bracket)
    text = doc[whole.start : whole.stop].text
    if (
        not is_acronym(acronym)
        or taken.intersection(whole)
        or acronym_letters(found[0].text) == acronym
        or acronym_letters(text) != acronym
        or not is_name(text)
    ):
        return tokens, found
    return whole, [replace(found[0], text=text)]


def is_acronym(text: str) -> bool:
    """ "KOICA", "IFEZ", and mixed ones with two capitals or more: "KamchatNIRO"."""
    capitals = sum(char.isupper() for char in text)
    return text[:1].isupper() and text.isalpha() and capitals >= 2 and 2 <= len(text) <= 12 and is_name(text)


def _name_end(doc: Doc, tokens: range) -> int:
    """Where the name of a span ends: at a bracket the span opens and does not close (the
    model's "Development and Cooperation (SDC": the name, then its acronym), else at its end."""
    opened = [index for index in tokens if doc[index].text == "("]
    if opened and not any(doc[index].text.startswith(")") for index in range(opened[-1], tokens.stop)):
        return opened[-1]
    return tokens.stop


def _with_acronym(doc: Doc, found: list[Mention], tokens: range, gazetteer: Gazetteer) -> list[Mention]:
    """The acronym in brackets after an organization's name, as a mention of the same thing;
    where the gazetteer knows the acronym and not the long form, both are its entry."""
    # a country's department named with its country ("Emergencies Ministry of Russia (EMERCOM)"):
    # the acronym is the department's
    country = found[1:] if len(found) == 2 and department_of_country(doc[tokens.start : tokens.stop].text) else []
    one = len(found) == 1 or bool(country)
    named = one and (found[0].kind == "organization" or found[0].label == "FAC")
    organization = one and found[0].kind == "organization"
    acronym = _acronym_after(doc, _name_end(doc, tokens), organization, found[0].text) if one else None
    # a place's acronym only where its letters are the name's initials: "Jewish Autonomous Oblast (JAO)"
    if acronym is None or not (named or acronym == initials(found[0].text)):
        return found
    full = found[0]
    known = gazetteer.lookup(acronym)
    if full.entry is None and known is not None and known.kind == "organization" and _names_alike(full.text, known):
        full = Mention(full.text, full.kind, full.label, known, known.country, full.source)
    acronym_mention = Mention(acronym, full.kind, full.label, full.entry, full.country, "rules", same_as=full.text)
    return [full, *country, acronym_mention]


_NAME_WORD = re.compile(r"[^\W\d_]+")
_NOT_NAME_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "at"})
# How many first letters two words share at least to be one word written two ways
# ("Northeast" and "North-Eastern", "Organisation" and "Organization")
_SHARED_STEM = 4


def _names_alike(name: str, entry: Entry) -> bool:
    """Whether ``name`` may be another writing of ``entry``'s: each of its words is one of the
    entry's names' words, or shares its first letters with one (a text's "Northeast Forestry
    University (NEFU)" is not the gazetteer's NEFU, the North-Eastern Federal University)."""
    known = {word.lower() for alias in (entry.name, *entry.aliases) for word in _NAME_WORD.findall(alias)}
    return all(
        any(word == other or _shared_letters(word, other) >= _SHARED_STEM for other in known)
        for word in (found.lower() for found in _NAME_WORD.findall(name))
        if word not in _NOT_NAME_WORDS
    )


def _shared_letters(word: str, other: str) -> int:
    """How many first letters ``word`` and ``other`` share."""
    shorter = min(len(word), len(other))
    return next((index for index in range(shorter) if word[index] != other[index]), shorter)


NATIVE_ASIDE_TOKENS = 6  # "(Телецкое озеро)", "(한려해상국립공원)": a name, not a sentence


# Lower-case words between a name and its form in another script: "the Yinxu archaeological
# site (殷墟)", where the bracket names what the words say of the name.
NATIVE_AFTER_NOUNS = 2


def _native_aside(doc: Doc, end: int) -> range | None:
    """The tokens of a bracketed name in another script right after ``end`` ("Tsugaru Strait
    (津軽海峡)", "Lake Teletskoye (Телецкое озеро)"), or after a lower-case noun or two
    ("the Yinxu archaeological site (殷墟)"), or after a comma that ends the aside the name
    stands in ("(in China the Heilongjiang River, 黑龙江)")."""
    nouns = end
    while nouns < len(doc) and nouns - end < NATIVE_AFTER_NOUNS and doc[nouns].is_lower and doc[nouns].is_alpha:
        nouns += 1
    words = doc[end:nouns]
    # (not a body's words: "Aomori city hall (青森市役所)" is the hall's)
    if nouns > end and not any(token.is_stop for token in words) and head_kind(words.text) != "organization":
        end = nouns
    if end < len(doc) and doc[end].text == ",":
        return _native_before_close(doc, end + 1)
    if end >= len(doc) or doc[end].text != "(":
        return None
    depth = 0
    for close in range(end + 1, min(len(doc), end + 2 + NATIVE_ASIDE_TOKENS)):
        depth += doc[close].text.count("(") - doc[close].text.count(")")
        if depth < 0:  # the bracket that closes the aside ("(Республика Саха (Якутия))")
            inner = doc[end + 1 : close].text
            if other_script_only(inner):
                return range(end + 1, close)
            return None
    return None


def _native_before_close(doc: Doc, start: int) -> range | None:
    """The tokens from ``start`` to the bracket that closes the aside a name stands in, where
    they are a name in another script: "(in China the Heilongjiang River, 黑龙江)"."""
    for close in range(start + 1, min(len(doc), start + 1 + NATIVE_ASIDE_TOKENS)):
        if doc[close].text == ")":
            return range(start, close) if other_script_only(doc[start:close].text) else None
        if doc[close].text in ("(", ","):
            return None
    return None


# What parts two forms of a name in one bracket: "(남해군 · 南海郡)", "(黒竜江, 黑龙江)"
NATIVE_SEPARATORS = frozenset({"·", "・", ",", "、", "/", ";"})


def _native_parts(doc: Doc, aside: range) -> list[range]:
    """The forms of a name a bracket holds, each a range of tokens."""
    parts, start = [], aside.start
    for index in aside:
        if doc[index].text in NATIVE_SEPARATORS:
            parts.append(range(start, index))
            start = index + 1
    parts.append(range(start, aside.stop))
    return [_without_kind_abbreviation(doc, part) for part in parts if len(part)]


def _without_kind_abbreviation(doc: Doc, part: range) -> range:
    """A form without the abbreviated kind before it ("с. Амурзет": the village's name is Амурзет)."""
    words = doc[part.start : part.start + 2]
    for size in (2, 1):
        if len(part) > size and words[:size].text.replace(" ", "").lower() in RUSSIAN_KIND_ABBREVIATIONS:
            return range(part.start + size, part.stop)
    return part


# How a region's name ends in its own script: a prefecture, a province, an aimag, an oblast...
NATIVE_REGION_DESIGNATORS = (
    "県",
    "府",
    "道",
    "都",
    "省",
    "自治区",
    "도",
    "аймаг",
    "область",
    "край",
    "республика",
    "округ",
)


def _names_a_region(native: str) -> bool:
    return native.lower().endswith(NATIVE_REGION_DESIGNATORS)


# The scripts a name may be written in, by their letters (Han characters and kana as one)
_SCRIPT_LETTERS = (
    ("latin", re.compile(r"[A-Za-z\u00c0-\u024f]")),
    ("cyrillic", re.compile(r"[\u0400-\u04ff]")),
    ("hangul", HANGUL_LETTER),
    ("han or kana", re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")),
)


def _scripts(text: str) -> frozenset[str]:
    return frozenset(script for script, letters in _SCRIPT_LETTERS if letters.search(text))


LATIN_LETTER = re.compile(r"[A-Za-z]")
# A word in the scripts of Japanese, Chinese or Korean, a name's own form before its English one
# (not a list's middle dot before it: "・臨院港（Imwon Port）")
_NATIVE_WORD = re.compile(rf"(?!・)[{CJK_OR_HANGUL}]{{2,}}")


# Chinese words that lead a name in a sentence written without spaces: "与浦项", "并赴湘潭", "沿湘江"
CHINESE_LEADING_WORDS = "与和并赴沿在及向从到经由对同跟为于至"
_LAST_HIRAGANA = re.compile(r"^.*[\u3040-\u309f]")
NATIVE_NAME_CHARACTERS = 12  # a name in its own script before its English one is no longer


def _native_name_ending(word: str) -> str | None:
    """The name a word of a sentence written without spaces ends with, right before the name
    in English: a Japanese one after its last hiragana ("翌日は妙高山" -> "妙高山"; none where
    hiragana end it), a Chinese one after the words that lead it ("并赴湘潭" -> "湘潭")."""
    if HANGUL_LETTER.search(word):
        return word
    tail = _LAST_HIRAGANA.sub("", word)
    if tail != word:
        return tail if len(tail) > 1 else None
    name = word.lstrip(CHINESE_LEADING_WORDS)
    return name if 1 < len(name) <= NATIVE_NAME_CHARACTERS else None


def _with_native_before(doc: Doc, accepted: list[tuple[range, list[Mention]]]) -> list[tuple[range, list[Mention]]]:
    """A name in its own script right before the bracket that opens with its English name, as
    Japanese, Chinese and Korean pages write them ("富山湾（Toyama Bay）の", "ゴビ砂漠（Gobi Desert）",
    "新潟大学災害・復興科学研究所（Research Institute for Natural Hazards ..., Niigata University）"):
    a mention of the same thing, where nothing else claims the word, or only a proposal of a
    place the gazetteer does not know by that word ("富山湾", a bay by its ending), which is then
    the English name's other one."""
    taken = {index for tokens, _ in accepted for index in tokens}
    unknown = {
        tokens.start: position
        for position, (tokens, found) in enumerate(accepted)
        if len(tokens) == 1 and len(found) == 1 and found[0].entry is None and found[0].same_as is None
    }
    added = []
    for tokens, found in accepted:
        start = tokens.start
        if len(found) != 1 or start < 2 or doc[start - 1].text not in ("(", "（"):
            continue
        native = doc[start - 2]
        if native.i in unknown and LATIN_LETTER.search(found[0].text):
            at = unknown[native.i]
            other = accepted[at][1][0]
            if other.text == native.text and other.kind == found[0].kind:
                accepted[at] = accepted[at][0], [replace(other, entry=found[0].entry, same_as=found[0].text)]
            continue
        if native.i in taken:
            continue
        # (a word after a word may be a name's last one: "NEAR 사무국（NEAR Secretariat）")
        # (not after a Japanese particle parted from it: "（Pohang）の九龍浦（Guryongpo）")
        after_a_word = native.i and doc[native.i - 1].is_alpha and doc[native.i - 1].text not in JAPANESE_PARTICLES
        if not _NATIVE_WORD.fullmatch(native.text) or after_a_word:
            continue
        named = found[0]
        known = [alias for alias in named.entry.aliases if native.text.endswith(alias)] if named.entry else []
        # ("代表团并赴湘潭（Xiangtan）": the gazetteer's own form of the name the word ends with)
        name = max(known, key=len) if known else _native_name_ending(native.text)
        if not LATIN_LETTER.search(named.text) or name is None:
            continue  # ("항공 산불진화 (러시아 항공산림보호청)": a word, and the body that does it, in one script)
        form = Mention(name, named.kind, named.label, named.entry, named.country, "rules", same_as=named.text)
        taken.add(native.i)
        added.append((range(native.i, native.i + 1), [form]))
    return accepted + added


def _with_native(doc: Doc, accepted: list[tuple[range, list[Mention]]]) -> list[tuple[range, list[Mention]]]:
    """A name's form in another script, bracketed after it, is a mention of the same thing,
    whatever the model made of it alone (it read "Белуха" as an organization); a form the
    gazetteer knows keeps its own entry."""
    natives: dict[int, tuple[range, Mention]] = {}
    headed: set[int] = set()  # asides of the same kind as the name's head says it is
    owners: dict[int, tuple[range, list[Mention]]] = {}  # each aside's name, by the aside's start
    for index, (tokens, found) in enumerate(accepted):
        whole = _native_aside(doc, _name_end(doc, tokens)) if len(found) == 1 else None
        for aside in _native_parts(doc, whole) if whole is not None else ():
            # (without the quotation marks a company's name is written in: "(«Норильский никель»)")
            named, text = found[0], doc[aside.start : aside.stop].text.strip(QUOTATION_MARKS)
            if text.islower():
                continue  # "Харбин – Южно-Сахалинск (по согласованию)": a remark all in lower case, no name
            if _scripts(text) <= _scripts(named.text):
                # "3개 시(동해시, 강릉시, 속초시)": a list's next name in the same script, not a form of it; nor
                # what follows a name written partly in that script ("(NEAR 사무국, 경북 포항 소재)")
                continue
            shown = native_form(text)
            if shown is not None and named.kind == "organization" and named.entry is None and not head_kind(named.text):
                # "Ine (伊根町)": the model's organization is the town its native name says it is
                named = replace(named, kind="place", label=shown.label, source="rules")
                accepted[index] = tokens, [named]
            form = Mention(text, named.kind, named.label, named.entry, named.country, "rules", same_as=named.text)
            natives[aside.start] = aside, form
            owners[aside.start] = accepted[index]
            if (shown is not None and HEAD_LABELS.get(head_kind(named.text) or "", ("", ""))[1] == shown.label) or (
                named.kind == "place" and head_kind(named.text) == "natural"
            ):
                headed.add(aside.start)  # ("the Aldan River (Алдан)": the river's, though the town has the name)
    kept = []
    for tokens, found in accepted:
        native = natives.get(tokens.start)
        if (
            native is not None
            and tokens == native[0]
            and found  # (not a proposal that named nothing: the model's "organization" 영남루)
            and all(m.entry is not None for m in found)
            # (the whole form: "Erenhot Port (二连浩特口岸)" is the port's, not Erenhot's found in it)
            and all(m.text == native[1].text for m in found)
            # "Mudan River (牡丹江)": a river's name in its script, though the gazetteer's city has it too
            and not (tokens.start in headed and any(m.label != native[1].label for m in found))
            # "Tongchuan (銅川)": the city's name in its script, though the gazetteer gives it to a namesake
            and not _namesake_city(native[1], found)
        ):
            del natives[tokens.start]  # (the gazetteer's own native form)
            owned = owners[tokens.start][1]  # (the list the name's pair in ``accepted`` holds)
            if owned[0].entry is None and owned[0].kind == "place" and [m.kind for m in found] == ["place"]:
                # "Ejin Banner (额济纳旗)": a place the gazetteer knows by its native form alone is that one
                owned[0] = replace(owned[0], entry=found[0].entry, country=found[0].country)
            elif owned[0].entry is not None and owned[0].entry == found[0].entry and _names_a_region(native[1].text):
                # "Khovd (Ховд аймаг)": the bare name is the region its native form names, not its city
                owned[0] = replace(owned[0], among_regions=True)
        if not any(set(tokens) <= set(aside) for aside, _ in natives.values()):
            kept.append((tokens, found))
    kept.extend((aside, [mention]) for aside, mention in natives.values())
    return sorted(kept, key=lambda pair: pair[0].start)


_TOWN_TYPES = frozenset({"city", "town"})


def _namesake_city(native: Mention, found: list[Mention]) -> bool:
    """Whether a native form in brackets after a city is given by the gazetteer to another town
    of its country (GeoNames lists a town under the name of another): the form is the city's."""
    named = native.entry
    return (
        named is not None
        and named.type in _TOWN_TYPES
        and len(found) == 1
        and found[0].entry is not None
        and found[0].entry.type in _TOWN_TYPES
        and found[0].entry.id != named.id
        and found[0].entry.country == named.country
    )


# Nouns after a name that make it a people's, or their state's by a common noun: "Zakhchin,
# Torguud, Uriankhai and Kazakh families", "a garrison town of the Manchu empire"
PEOPLE_NOUNS = frozenset({"families", "people", "peoples", "tribes", "clans", "empire", "dynasty"})


def _names_a_people(doc: Doc, ent: Span) -> bool:
    """A word the model guessed for a place that names a people: before one of PEOPLE_NOUNS,
    or in a list of words ("A, B and C") before one."""
    if ent.ent_id_ or len(ent) != 1:
        return False
    end = ent.end
    while end + 1 < len(doc) and doc[end].text in (",", "and") and doc[end + 1].is_title:
        end += 2  # (the list's next word)
    return end < len(doc) and doc[end].lower_ in PEOPLE_NOUNS


# Codes of languages or countries a page lists its versions in: "EN/KO/ZH/JA/RU/MN", a portal's
# language bar "KOR | ENG | JPN | CHN | RUS | MON": they name no body
CODE_LIST = re.compile(r"[A-Z]{2,3}(?:\s*[/|｜]\s*[A-Z]{2,3})+")
# An item's number in Roman numerals, which the model guesses a body or a place: "I. On peace and trust"
ROMAN_NUMERAL = re.compile(r"[IVXL]{1,6}")
# A fax's page mark in its header line: "OCT-24-1997 15:05  FROM +82 42 221 3154  P.04", the
# model's name of it, or of its end ("FROM INTL DIV  P.01": "DIV P.01")
PAGE_MARK = re.compile(r"(?<!\S)P\.\s?\d{1,3}$")


def _company_word_guessed(ent: Span) -> bool:
    """The model's guess of a place for a company's one word glued from its trade ("Yakutskenergo"
    its GPE): the word's shape proposes the company (``_shaped_words``)."""
    shape = word_shape(ent.text) if len(ent) == 1 and _guessed(ent) else None
    return shape is not None and shape.kind == "organization" and ent.label_ not in ORG_LABELS


# Where a doc's words are kept once for the passes below (``_tokens_where``)
_DOC_WORDS = "near.words"


def _doc_words(doc: Doc) -> tuple[list[str], list[str]]:
    """The texts of ``doc``'s tokens, as written and in lower case, listed once per doc."""
    words = doc.user_data.get(_DOC_WORDS)
    if words is None:
        texts = [token.text for token in doc]
        words = doc.user_data[_DOC_WORDS] = (texts, [text.lower() for text in texts])
    return words


def _tokens_where(doc: Doc, test: Callable[[str], bool], lower: bool = False) -> Iterator[Token]:
    """The tokens of ``doc`` whose text (in lower case with ``lower``) passes ``test``, in order.
    Each pass of ``doc_mentions`` starts at a few words: testing the doc's words once listed,
    not a Token object made for every word of every pass (a fifth of the stage's own time)."""
    return (doc[index] for index, word in enumerate(_doc_words(doc)[lower]) if test(word))


def _shaped_words(doc: Doc, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """A word of one of WORD_SHAPES standing alone, as a proposal of that place: no place or
    body took it, nor a longer span of another kind (the model's PERSON "Dalnegorsk" is the
    town), the gazetteer does not know it as something else, and no capitalised word or
    hyphen joins it to others ("Baikalsk" of "the Baikalsk Pulp and Paper Mill" is the mill's,
    "Ilimsk" of "Ust-Ilimsk" the whole name's)."""
    found = []
    for token in _tokens_where(doc, lambda word: word_shape(word) is not None):
        shape = word_shape(token.text)
        if shape is None:
            continue
        if shape.kind == "organization":
            # a company glued from its trade is one, whatever the model guessed of the word alone
            # ("Yakutskenergo" its GPE, "Yakutskenergo the" its WORK_OF_ART), unless a body takes it
            if token.ent_type_ in ORG_LABELS or any(t.is_title for t in _entity_words(token) if t.i != token.i):
                continue
        elif token.ent_type_ in PLACE_LABELS | ORG_LABELS or (token.ent_type_ and not _alone_in_entity(token)):
            continue
        if _joined_to_name(doc, token):
            continue
        mention = _mention(token.text, gazetteer, shape.kind, shape.label, source="rules")
        found.append((range(token.i, token.i + 1), True, [mention]))
    return found


def _named_after_person(doc: Doc, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """A facility or a body named after a person: the model's PERSON, then a capitalised
    head word of a facility or a body ("the Yi Sun-sin Bridge", "Kim Il Sung University"),
    or with that head inside it ("the Yun Dong-ju Birthplace"), as a proposal of that
    facility or body."""
    found = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        # (the head word after the person's name, else the person's name's own last word)
        end = ent.end if ent.end < len(doc) and doc[ent.end].is_title else ent.end - 1
        start = ent.start + (ent[0].lower_ == "the")
        name = doc[start : end + 1]
        kind = head_kind(name.text)
        titled = any(token.lower_.rstrip(".") in HONORIFICS for token in name)  # "Ms. Olga Ivanova Museum director"
        # (no person's name holds an article: "C. The Secretariat reported ...", a list's letter)
        articled = any(token.lower_ in ("the", "a", "an") for token in name)
        if (
            start == end
            or kind not in ("facility", "organization")
            or titled
            or articled
            or _in_person_name(doc, start)
        ):
            continue
        mention_kind, label = HEAD_LABELS[kind]
        found.append(
            (range(start, end + 1), True, [_mention(name.text, gazetteer, mention_kind, label, source="rules")])
        )
    return found


NATIVE_NAMED_WORDS = 4  # "Angarskaya Derevnya (Ангарская деревня)": the Latin words a native form names


def _named_by_native_form(doc: Doc, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """Capitalised words right before a bracketed name in another script that says what kind
    of place it is (NATIVE_FORMS: "Sapsido (삽시도)", "Dajingmen (大境门)") or that the model took
    for a place ("Vityaz (Витязь)"), or that stand where a place does ("planting at Enggebei
    (恩格贝)"), where neither the model nor the gazetteer took the words for a place or a body:
    that place, as a proposal."""
    found = []
    for bracket in _tokens_where(doc, "(".__eq__):
        if bracket.i == 0:
            continue
        aside = _native_aside(doc, bracket.i)
        if aside is None:
            continue
        start = bracket.i
        while start > 0 and bracket.i - start < NATIVE_NAMED_WORDS:
            before = doc[start - 1]
            if not (before.is_title or (before.text in _HYPHEN and start > 1 and doc[start - 2].is_title)):
                break
            start -= 1
        while start < bracket.i and doc[start].lower_ == "the":
            start += 1  # "The Dajingmen" at a sentence's start
        words = doc[start : bracket.i]
        if not len(words) or any(token.ent_type_ in PLACE_LABELS | ORG_LABELS for token in words):
            continue
        shown = native_form(doc[aside.start : aside.stop].text)
        label = shown.label if shown is not None else _place_label(doc[aside.start : aside.stop])
        if label is None and _after_place_preposition(doc, start) and head_kind(words.text) is None:
            label = "GPE"
        if label is None:
            continue
        mention = _mention(words.text, gazetteer, "place", label, source="rules")
        found.append((range(start, bracket.i), True, [mention]))
    return found


def _after_place_preposition(doc: Doc, start: int) -> bool:
    """Whether the word before ``start`` puts a place there, perhaps with an article ("at the Kanikurgan")."""
    before = start - 1 if start > 0 and doc[start - 1].lower_ != "the" else start - 2
    return before >= 0 and doc[before].lower_ in PLACE_PREPOSITIONS


def _place_label(aside: Span) -> str | None:
    """The model's place label of a whole bracketed name in another script ("Vityaz (Витязь)"),
    though its words do not say what kind of place it is."""
    labels = {token.ent_type_ for token in aside}
    return label if len(labels) == 1 and (label := labels.pop()) in PLACE_LABELS else None


# A Korean place's unit in Hangul and in the Hanja a report writes after it, and the label they
# give the place: "평창군(平昌郡)" a county, "오대산(五臺山)" a mountain, "월정사(月精寺)" a temple
HANGUL_HANJA_UNITS: dict[tuple[str, str], str] = {
    ("시", "市"): "GPE",
    ("군", "郡"): "GPE",
    ("구", "區"): "GPE",
    ("도", "道"): "GPE",
    ("읍", "邑"): "GPE",
    ("면", "面"): "GPE",
    ("리", "里"): "GPE",
    ("동", "洞"): "GPE",
    ("주", "州"): "GPE",
    ("성", "省"): "GPE",
    ("현", "縣"): "GPE",
    ("산", "山"): "LOC",
    ("강", "江"): "LOC",
    ("천", "川"): "LOC",
    ("호", "湖"): "LOC",
    ("령", "嶺"): "LOC",
    ("도", "島"): "LOC",
    ("만", "灣"): "LOC",
    ("항", "港"): "FAC",
    ("사", "寺"): "FAC",
    ("궁", "宮"): "FAC",
}
_HANGUL_WORD = re.compile(rf"{HANGUL_LETTER.pattern}{{2,}}")
_HANJA_WORD = re.compile(r"[\u3400-\u9fff]{2,}")


def _hangul_with_hanja(doc: Doc, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """A place's name in Hangul with its Hanja in brackets after it, character for character,
    each ending in the unit of one kind of place (HANGUL_HANJA_UNITS: "울진군(蔚珍郡)", "대관령
    (大關嶺)"): the two names of one place, as proposals."""
    found = []
    for token in _tokens_where(doc, lambda word: _HANGUL_WORD.fullmatch(word) is not None):
        if token.i + 2 >= len(doc) or doc[token.i + 1].text not in ("(", "（"):
            continue
        hanja = doc[token.i + 2]
        label = HANGUL_HANJA_UNITS.get((token.text[-1], hanja.text[-1]))
        if label is None or len(hanja.text) != len(token.text) or not _HANJA_WORD.fullmatch(hanja.text):
            continue
        hangul = _mention(token.text, gazetteer, "place", label, source="rules")
        other = _mention(hanja.text, gazetteer, "place", label, source="rules")
        town = gazetteer.lookup(token.text[:-1]) if token.text[-1] in CITY_UNITS else None
        if hangul.entry is other.entry is None and town is not None and town.id.startswith("city:"):
            hangul = Mention(token.text, town.kind, town.label, town, town.country, "rules")  # "삼척시": Samcheok
        if hangul.entry is None and other.entry is not None:
            hangul = replace(hangul, kind=other.kind, label=other.label, entry=other.entry, country=other.country)
        elif other.entry is None and hangul.entry is not None:
            other = replace(other, kind=hangul.kind, label=hangul.label, entry=hangul.entry, country=hangul.country)
        found.append((range(token.i, token.i + 1), hangul.entry is None, [hangul]))
        found.append((range(hanja.i, hanja.i + 1), other.entry is None, [replace(other, same_as=token.text)]))
    return found


def _korean_unit(name: str) -> bool:
    return 1 < len(name) <= KOREAN_UNIT_SYLLABLES_MAX and name.endswith(KOREAN_ADDRESS_UNITS)


def _korean_building(name: str) -> bool:
    return len(name) > 2 and name.endswith(KOREAN_BUILDING_ENDINGS)


def _korean_address_units(doc: Doc, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """The units of a Korean address after a province or city the gazetteer knows, each its own
    word ("전라남도 보성군 벌교읍"), and the building it names after them ("태백산맥문학관에서"): each a
    place, as a proposal, up to the word its particles end."""
    found: list[tuple[range, bool, list[Mention]]] = []
    for token in _tokens_where(doc, lambda word: HANGUL_LETTER.match(word) is not None):
        region = gazetteer.lookup(token.text)
        # (a province or a city, whose country's address it opens: not "동북아", North East Asia)
        if region is None or region.kind != "place" or region.country is None:
            continue
        if found and token.i < found[-1][0].stop:
            continue  # (a unit of the address before, which the gazetteer knows: "안동시" after "경상북도")
        at = token.i + 1
        while at < len(doc) and (word := doc[at].text) and HANGUL_LETTER.match(word):
            named = without_korean_particles(word, _korean_unit)
            is_unit = _korean_unit(named)
            if not is_unit:
                named = without_korean_particles(word, _korean_building)
            if not (is_unit or _korean_building(named)) or not _HANGUL_WORD.fullmatch(named):
                break
            label = "GPE" if is_unit else "FAC"
            known = gazetteer.lookup(named)
            found.append((range(at, at + 1), False, [Mention(named, "place", label, known, region.country, "rules")]))
            if named != word or not is_unit:
                break  # (its particles, or the building, end the address)
            at += 1
    return found


def _native_words(doc: Doc, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """A word of CJK characters, kana or Hangul that is no name the gazetteer knows, as a
    proposal of the names in it: the body its ending makes of it (NATIVE_BODY_ENDINGS:
    "黄河水利委员会", "충남연구원"), right before its English name, perhaps after a slash ("韩国水资源
    公社 Korea Water Resources Corporation"), one identity with it; and the gazetteer's names
    within the rest of the word, which runs them on without spaces ("来自中国", "沿海地方の")."""
    found = []
    for token in _tokens_where(doc, lambda word: _UNSPACED_WORD.search(word) is not None):
        if gazetteer.lookup(token.text) is not None:
            continue  # (the gazetteer's ruler has it)
        mentions = []
        body = _native_body_of(doc, token, gazetteer)
        at = token.text.rfind(body.text) if body is not None else len(token.text)
        # (the names before the body, and after it in the clauses that follow it)
        outside_body = [token.text[:at], token.text[at + len(body.text) :] if body is not None else ""]
        within = [(part, found) for part in outside_body for found in gazetteer.names_within(part)]
        for part, (start, end, entry) in within:
            name, rest = part[start:end], part[end:]
            if longer_name(rest) is not None:
                continue  # ("东北亚旅游论坛": a forum's name; "日本語": a language)
            facility = facility_ending(rest) if entry.kind == "place" else None
            # ("ハルビン市": the city, as written with its unit)
            unit = rest[0] if facility is None and entry.id.startswith("city:") and rest.startswith(CITY_UNITS) else ""
            ending = facility[0] if facility else unit
            if HANGUL_LETTER.match(name) and not korean_particles(rest[len(ending) :]):
                continue
            if facility is not None:  # "二连浩特口岸": a port, "阿賀野川" a river, that the gazetteer does not know
                label = "LOC" if facility[1].endswith("feature") else "FAC"
                mentions.append(Mention(name + ending, "place", label, None, entry.country, "rules"))
            else:
                mentions.append(Mention(name + unit, entry.kind, entry.label, entry, entry.country))
                # (the units of its address run on after it: "鳥取県" + "東伯郡東郷町において")
                for below in units_after_place(rest[len(unit) :]) if entry.kind == "place" else ():
                    known = gazetteer.lookup(below)
                    mentions.append(Mention(below, "place", "GPE", known, entry.country, "rules"))
        if body is not None:
            mentions.append(body)
        # (and the features Japanese prose names in kanji of their own: "八海山のふもと", "雲洞庵を訪れ")
        named = {mention.text for mention in mentions}
        # (in prose alone: a name that ends its word before a bracket is paired with its other name in
        # it, "翌日は妙高山（Mount Myoko）", as is a word that is the name)
        bracket_after = token.i + 1 < len(doc) and doc[token.i + 1].text in _OPENING_BRACKETS
        for name, row in japanese_features(token.text):
            if token.text.endswith(name) and (bracket_after or name == token.text):
                continue
            if not any(name in other for other in named):
                known = gazetteer.lookup(name)
                label = "FAC" if row in KANJI_FACILITY_ROWS else "LOC"
                mentions.append(Mention(name, "place", label, known, known.country if known else None, "rules"))
        if mentions:
            found.append((range(token.i, token.i + 1), body is not None and len(mentions) == 1, mentions))
    return found


KANJI_FACILITY_ROWS = frozenset({"temple", "shrine"})  # (the rest of KANJI_FEATURE_ENDINGS are features)


_HYPHENS = frozenset({"-", "‐", "‑"})
_INITIALS = re.compile(r"[А-ЯЁ]\.(?:\s?[А-ЯЁ]\.)?")


def _beside_russian_initials(doc: Doc, start: int, end: int) -> bool:
    """Whether one Cyrillic word stands beside a person's initials ("Иванов С.П.", "С.П. Иванов"):
    a surname, though a town may have the name (Иваново's "Иванов")."""
    if end - start != 1 or not _CYRILLIC_CAPITALISED.fullmatch(doc[start].text):
        return False
    before = doc[start - 1].text if start else ""
    after = doc[end].text if end < len(doc) else ""
    return _INITIALS.fullmatch(before) is not None or _INITIALS.match(after) is not None


# Letters Mongolian writes and Russian does not: a paragraph with them is read with Mongolian's endings too
_MONGOLIAN_LETTERS = re.compile(r"[өүӨҮ]")
_MONGOLIAN_CAPITALISED = re.compile(r"[А-ЯЁӨҮ][\u0400-\u04ff]*")
_SENTENCE_MARKS = frozenset({".", "!", "?", ":", ";"})


def _inside_mongolian_name(doc: Doc, start: int) -> bool:
    """Whether the word at ``start`` goes on a name whose capitalised word stands before it (Mongolian
    capitalises a name's words, and a sentence's first): "Өвөр Монголын Өөртөө Засах Орон" is Inner
    Mongolia's, no Mongolia of its own; "Оролцогчид Улаанбаатараас" opens a sentence."""
    before = start - 1
    if before < 0 or not _MONGOLIAN_CAPITALISED.fullmatch(doc[before].text):
        return False
    return before > 0 and doc[before - 1].text not in _SENTENCE_MARKS


# The bodies that govern a region, capitalised before its name in the genitive, in the cases a
# sentence writes them: "Правительство Забайкальского края", "Администрации Шилкинского района"
RUSSIAN_GOVERNMENT_HEADS = frozenset(
    {
        *("Правительство", "Правительства", "Правительству", "Правительством", "Правительстве"),
        *("Администрация", "Администрации", "Администрацию", "Администрацией"),
    }
)
# ("Республики Саха", "Министерства иностранных дел России", and the association's own name,
# "Ассоциации региональных администраций стран Северо-Восточной Азии")
INFLECTED_WORDS_MAX = 6
# A word in Cyrillic letters that starts a name: a capital, then letters, perhaps hyphenated parts
_CYRILLIC_CAPITALISED = re.compile(r"[А-ЯЁ][\u0400-\u04ff]*(?:-[\u0400-\u04ff]+)*")
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+(?:-[\u0400-\u04ff]+)*")


def _inflected_names(
    doc: Doc, gazetteer: Gazetteer, declined: dict[str, Mention] | None = None
) -> list[tuple[range, bool, list[Mention]]]:
    """A name in Cyrillic declined as Russian declines it, where the gazetteer knows it in the
    nominative ("в Сахалинской области", "из Владивостока", "с Японией"), or the record names it
    so (``declined_names``: "в Вилюйске" of a venue's "Vilyuysk (Вилюйск)"), as a proposal of that
    place: the longest run of words from a capitalised one that is."""
    found = []
    mongolian = _MONGOLIAN_LETTERS.search(doc.text) is not None
    for token in _tokens_where(doc, lambda word: _CYRILLIC_CAPITALISED.fullmatch(word) is not None):
        if _beside_russian_initials(doc, token.i, token.i + 1):
            continue  # ("Иванова С.П.": a person, though Иваново is a town)
        if token.i and doc[token.i - 1].is_lower and native_form(doc[token.i - 1].text) is not None:
            continue  # ("река Партизанская", "бухта Врангеля": the river's and the bay's names, not the town's)
        if token.i and doc[token.i - 1].text in _HYPHENS and not doc[token.i - 1].whitespace_:
            continue  # ("Байкало-Амурская магистраль": a compound's second part)
        words, ends = _cyrillic_words(doc, token.i)
        for size in range(len(words), 0, -1):
            entry = gazetteer.inflected(words[:size])
            if entry is None and mongolian and not _inside_mongolian_name(doc, token.i):
                entry = gazetteer.mongolian_declined(words[:size])
            if entry is not None:
                end = _with_bracketed_part(doc, ends[size - 1], entry)
                text = doc[token.i : end].text
                if entry.kind == "place" and token.i and doc[token.i - 1].text in RUSSIAN_GOVERNMENT_HEADS:
                    # "Правительство Забайкальского края": the region's government, one body
                    body = doc[token.i - 1 : end].text
                    found.append(
                        (
                            range(token.i - 1, end),
                            False,
                            [Mention(body, "organization", "ORG", None, entry.country, "rules")],
                        )
                    )
                elif gazetteer.lookup(text) is None:  # (as the gazetteer writes it: its ruler's)
                    mention = Mention(text, entry.kind, entry.label, entry, entry.country)
                    found.append((range(token.i, end), False, [mention]))
                break
            named = (declined or {}).get(stemmed_key(words[:size]))
            if named is not None and _declined_noun(text := doc[token.i : ends[size - 1]].text, named.text):
                found.append((range(token.i, ends[size - 1]), False, [replace(named, text=text, source="rules")]))
                break
    return found


def _cyrillic_words(doc: Doc, start: int) -> tuple[list[str], list[int]]:
    """The words in Cyrillic from ``start`` on (INFLECTED_WORDS_MAX at most), a word's parts glued
    by a hyphen one word ("Северо-Восточной Азии"); and the token index each word ends at."""
    words: list[str] = []
    ends: list[int] = []
    at = start
    while at < len(doc) and len(words) < INFLECTED_WORDS_MAX and _CYRILLIC_WORD.fullmatch(doc[at].text):
        end = at + 1
        while (
            end + 1 < len(doc)
            and doc[end].text in _HYPHENS
            and not doc[end - 1].whitespace_
            and not doc[end].whitespace_
            and _CYRILLIC_WORD.fullmatch(doc[end + 1].text)
        ):
            end += 2
        words.append(doc[at:end].text)
        ends.append(end)
        at = end
    return words, ends


def _with_bracketed_part(doc: Doc, end: int, entry: Entry) -> int:
    """Where a declined name ends with the part in brackets its name has ("Республики Саха
    (Якутия)" of Республика Саха (Якутия)): after the bracket; else at ``end``."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        part = f"({doc[end + 1].text})"
        if any(alias.endswith(part) for alias in entry.aliases):
            return end + 3
    return end


# The endings Russian's cases give a noun in place of its nominative's last vowel, "ь" or "й", or
# after its last consonant ("Вилюйск": "Вилюйска", "Вилюйске", "Вилюйском"; "Чита": "Читы"); not
# an adjective's made of the name ("Вилюйскую ГЭС", "Вилюйского улуса": not the town)
_NOUN_CASE_ENDING = re.compile(r"(?:|а|я|у|ю|е|ом|ем|ой|ей|ы|и|ью)")


# ... and an adjective's, where the name's word is one ("Вилюйский улус": "Вилюйского улуса")
_ADJECTIVE = re.compile(r"(?:ий|ый|ой|ая|яя|ое|ее)")
_ADJECTIVE_CASE_ENDING = re.compile(
    r"(?:ий|ый|ой|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ом|ем|ей|ую|юю|ые|ие|ых|их|ыми|ими)"
)


def _declined_noun(text: str, nominative: str) -> bool:
    """Whether ``text`` is ``nominative`` declined, word by word: a noun as a noun, an adjective of
    a name of several words as an adjective."""
    written, named = text.lower().split(), nominative.lower().split()
    return len(written) == len(named) and all(
        _declined_word(word, name, adjective=len(named) > 1 and _ADJECTIVE.fullmatch(name[-2:]) is not None)
        for word, name in zip(written, named, strict=True)
    )


def _declined_word(word: str, name: str, *, adjective: bool) -> bool:
    if adjective:
        return word.startswith(name[:-2]) and _ADJECTIVE_CASE_ENDING.fullmatch(word[len(name) - 2 :]) is not None
    return any(
        word.startswith(stem) and _NOUN_CASE_ENDING.fullmatch(word[len(stem) :]) is not None
        for stem in {name, name.rstrip("аяоеьйы")}
    )


def declined_names(mentions: Iterable[Mention]) -> dict[str, Mention]:
    """The places a record's structure names in Cyrillic ("Vilyuysk (Вилюйск)": the town), by
    their Russian stems: the prose declines them ("в Вилюйске",
    "жителей Вилюйска") though the gazetteer lacks the name."""
    found: dict[str, Mention] = {}
    for mention in mentions:
        if mention.kind == "place" and mention.from_structure and (key := cyrillic_name_key(mention.text)):
            found.setdefault(key, mention)
    return found


# A span of words in Cyrillic letters alone (with their digits, dots, dashes, slashes and brackets)
_CYRILLIC_WORDS = re.compile(r"[\u0400-\u04ff\d\s.,()«»\"'/–-]*[\u0400-\u04ff][\u0400-\u04ff\d\s.,()«»\"'/–-]*")
# A CJK character, kana or Hangul glued to a Latin letter
_ACROSS_SCRIPTS = re.compile(rf"[A-Za-z][{CJK_OR_HANGUL}]|[{CJK_OR_HANGUL}][A-Za-z]")
# A word with two letters of the scripts written without spaces, or of Hangul
_UNSPACED_WORD = re.compile(rf"[{CJK_OR_HANGUL}]{{2}}")
# A city's name run on into its unit: "ハルビン市" is Harbin, "하얼빈시" too


def _without_event_ending(name: str) -> str:
    """A meeting's name in CJK characters without its ending: the body that holds it."""
    ending = next((ending for ending in NATIVE_EVENT_ENDINGS if name.endswith(ending)), "")
    return name[: len(name) - len(ending)] if ending else name


def _native_body_of(doc: Doc, token: Token, gazetteer: Gazetteer) -> Mention | None:
    """The body a word of CJK characters or Hangul ends with, before Korean's particles
    ("강원발전연구원은"), if the gazetteer does not know it."""
    word = without_korean_particles(token.text, native_body)
    if native_body(word) is None:
        # (a clause's subject before its verb or preposition: "东北亚地区地方政府联合会边境合作分科委员会" +
        # "在黑龙江省...召开年度会议"; no English name follows it)
        # (or its meeting's: "东北亚地区地方政府联合会工作委员会会议在...举行", the committee's meeting)
        pieces = clause_pieces(word)
        subjects = (after_joiners(piece) for piece in pieces) if len(pieces) > 1 else iter(())
        name = next((body for subject in subjects if native_body_named(body := _without_event_ending(subject))), None)
        if name is None or gazetteer.lookup(name) is not None:
            return None
        return Mention(name, "organization", "ORG", None, None, "rules")
    name = clause_end(word)  # ("由庆华集团": the clause's last name, 庆华集团)
    # (and a Japanese clause's, after its last particle: "...倭館邑で北東アジア地域自治体連合")
    if (after := _LAST_HIRAGANA.sub("", name)) != name and native_body_named(after):
        name = after
    if native_body(name) is None or native_generic_body(name) or gazetteer.lookup(name) is not None:
        return None
    english, known = _body_named_after(doc, token.i + 1, gazetteer)
    if known is not None:  # (a body the gazetteer knows by its English name: its entry)
        return Mention(name, "organization", known.label, known, known.country, "rules")
    return Mention(name, "organization", "ORG", None, None, "rules", same_as=english)


_NAME_JOINERS = frozenset({"of", "and", "for", "the", "&", "'s", "’s"})
_OPENING_BRACKETS, _CLOSING_BRACKETS = frozenset({"(", "（"}), frozenset({")", "）"})


def _body_named_after(doc: Doc, start: int, gazetteer: Gazetteer) -> tuple[str | None, Entry | None]:
    """The body's name in capitalised words that starts at ``start`` (after a slash, or in
    brackets: "庆华集团（Qinghua Group）") on the same line, if it is one by its head or the
    gazetteer's; and the gazetteer's entry for it."""
    opened = start < len(doc) and doc[start].text in _OPENING_BRACKETS
    if start < len(doc) and (opened or doc[start].text == "/") and "\n" not in doc[start - 1].text_with_ws:
        start += 1
    end = start
    while (
        end < len(doc)
        and (doc[end].is_title or doc[end].is_upper or doc[end].lower_ in _NAME_JOINERS)
        and "\n" not in doc[end - 1].text_with_ws
    ):
        end += 1
    while end > start and doc[end - 1].lower_ in _NAME_JOINERS:
        end -= 1
    if end == start or (opened and (end == len(doc) or doc[end].text not in _CLOSING_BRACKETS)):
        return None, None
    name = doc[start:end].text
    known = gazetteer.lookup(name)
    if known is not None and known.kind == "organization":
        return name, known
    return (name if head_kind(name) == "organization" else None), None


# The words that join a name's words in capitals ("ADMINISTRATION OF AMUR OBLAST"), and how
# many words such a name has
_CAPITALS_JOINERS = frozenset({"OF", "AND", "FOR", "THE", "&", "ON"})
_CAPITALS_POSSESSIVES = frozenset({"'S", "’S"})
CAPITALS_WORDS_MIN, CAPITALS_WORDS_MAX = 2, 8
_NOT_LETTERS = re.compile(r"[\W\d_]+")


# Words that say what a body is and not which: "дэд" (sub-), "их" (great, as in a university)
MONGOLIAN_GENERIC_WORDS = frozenset({"дэд", "их"})
MONGOLIAN_BODY_WORDS = 12  # tokens a Mongolian body's name holds at most, its head and commas with them
# Words no body's name holds before its head: "and" ("болон", "ба") joins two, and a word in the
# accusative is what a verb acts on ("Форумыг", the forum)
MONGOLIAN_CONJUNCTIONS = frozenset({"болон", "ба"})
MONGOLIAN_ACCUSATIVE = ("ыг", "ийг")


def _mongolian_bodies(doc: Doc, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """A body named in Mongolian: the words up to a body's head word (MONGOLIAN_BODY_HEADS) from the
    first capitalised one before it, over lower-case words and commas ("Боловсрол, соёл, шинжлэх
    ухааны яам", "Төв аймгийн Засаг даргын Тамгын газар", "Боловсролын солилцооны дэд хорооны"),
    not over another body's head, a word glued to a Latin one ("NEAR-ын") or anything but Cyrillic
    words. A ministry's country before it is a place of its own ("Монгол Улсын" + "... яам"), as
    a country's department is in English."""
    if _MONGOLIAN_LETTERS.search(doc.text) is None:
        return []
    found = []
    for head in _tokens_where(doc, lambda word: word.lower() in MONGOLIAN_BODY_HEADS):
        if head.lower_ in MONGOLIAN_HEADS_AFTER_GENITIVE and not (
            head.i and MONGOLIAN_GENITIVE.search(doc[head.i - 1].lower_)
        ):
            continue  # ("цогцолборт газарт": a protected area, no office)
        if head.i + 1 < len(doc) and doc[head.i + 1].lower_.startswith("улс"):
            continue  # ("Оросын Холбооны Улсын": a federation's state, the Russian Federation)
        start = None
        at = head.i - 1
        while at >= 0 and head.i - at < MONGOLIAN_BODY_WORDS:
            token = doc[at]
            if token.text == ",":
                if (at and doc[at - 1].lower_ in MONGOLIAN_BODY_HEADS) or not doc[at + 1].is_lower:
                    # (the list's body before: "... Тамгын газар, Монгол Улсын ..."; a list of names
                    # before, "Дорнод, Хэнтий, Сүхбаатар аймаг, Оросын ...": a name's commas part
                    # lower-case words, "Боловсрол, соёл, шинжлэх ухааны яам")
                    break
            elif _CYRILLIC_WORD.fullmatch(token.text) is None:
                break
            elif token.lower_ in MONGOLIAN_BODY_HEADS and not (
                MONGOLIAN_GENITIVE.search(token.lower_) and doc[at + 1].is_lower
            ):
                # (a body's head in the genitive names the body this one is of, one name with it, where
                # this one's words are common nouns: "... Засаг Захиргааны Холбооны аялал жуулчлалын дэд
                # хороо", the association's tourism subcommittee; one named in capitals is named apart)
                break
            elif token.lower_ in MONGOLIAN_CONJUNCTIONS or token.lower_.endswith(MONGOLIAN_ACCUSATIVE):
                # (another body's or the sentence's before it: "ХААИС болон Мал эмнэлгийн хүрээлэнгийн",
                # "Форумыг Хэнтий аймгийн ... газар зохион байгуулав", the forum was organised by)
                break
            elif token.lower_ in MONGOLIAN_UNIT_WORDS:
                break  # (a town's unit ends the town's name before the body's: "Дархан хотод" + "Монгол ...")
            elif at and doc[at - 1].text in _HYPHENS and not doc[at - 1].whitespace_:
                break  # ("NEAR-ын": a case ending on a Latin name)
            elif _MONGOLIAN_CAPITALISED.fullmatch(token.text):
                start = at
            at -= 1
        if start is None or all(token.lower_ in MONGOLIAN_GENERIC_WORDS for token in doc[start : head.i]):
            continue  # ("Дэд хорооны ажлын төлөвлөгөө": the subcommittee's plan, no name)
        if head.lower_.startswith("яам"):
            start = _past_country(doc, start, head.i, gazetteer)
        text = doc[start : head.i + 1].text
        found.append((range(start, head.i + 1), True, [Mention(text, "organization", "ORG", None, None, "rules")]))
    return found


# The units of a region listed after their kind in the plural and a colon, a count between perhaps:
# "Soums (14): Airag (Айраг), Altanshiree (Алтанширээ), ...", "Districts: Hunnan, Shenbei"
LISTED_UNIT_KINDS = frozenset(
    {"soums", "sums", "districts", "counties", "towns", "cities", "villages", "townships", "banners", "municipalities"}
)
LISTED_UNIT_WORDS = 3  # words a listed unit's name holds at most


def _units_listed_under_their_kind(doc: Doc, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """Each name of a list headed by a kind of unit ("Soums (14): Airag (Айраг), ...") is a place of
    that kind, and so is its form in brackets after it; the list ends at the first item that is no
    capitalised name."""
    found: list[tuple[range, bool, list[Mention]]] = []
    for kind in _tokens_where(doc, LISTED_UNIT_KINDS.__contains__, lower=True):
        at = kind.i + 1
        if not kind.text[:1].isupper():
            continue
        if at + 2 < len(doc) and doc[at].text.startswith("(") and doc[at + 1].like_num:
            at += 3  # ("(14)")
        if at >= len(doc) or doc[at].text not in (":", "："):
            continue
        at += 1
        while at < len(doc):
            end = at
            while (
                end < len(doc)
                and end - at < LISTED_UNIT_WORDS
                and (_starts_name(doc[end]) or (doc[end].text in _HYPHENS and end > at and not doc[end].whitespace_))
            ):
                end += 1
            if end == at:
                break
            name = doc[at:end].text
            mentions = [_mention(name, gazetteer, "place", "GPE", source="rules")]
            if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
                mentions.append(Mention(doc[end + 1].text, "place", "GPE", None, None, "rules", same_as=name))
                end += 3
            # (the name and its form in brackets, one proposal: the list's heading says what they are,
            # over the model's guess, as the gazetteer is)
            found.append((range(at, end), False, mentions))
            if end >= len(doc) or doc[end].text != ",":
                break
            at = end + 1
    return found


# An organ of a body in Russian, before the body's acronym in the genitive, in a sentence's cases
# ("Секретариат АРАССВА", "заседание Рабочего комитета АРАССВА"): with an adjective before it, the
# organ's name ("Рабочего")
RUSSIAN_ORGAN_NOUN = re.compile(r"^(?:секретариат|комитет|подкомитет|комисси|подкомисси|совет|президиум)[а-яё]*$")
# ... of them, the one that is named by its noun alone (a committee is one of several: "подкомиссии
# АРАССВА" is any of the association's subcommissions)
RUSSIAN_SOLE_ORGAN = re.compile(r"^секретариат[а-яё]*$")
_RUSSIAN_ADJECTIVE = re.compile(r"^[а-яё]+(?:ый|ий|ой|ого|его|ому|ему|ым|им|ом|ем|ая|яя|ую|юю|ей)$")


def _russian_organs(doc: Doc, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """A body's organ named in Russian by its noun and the body's acronym after it, one body:
    "Секретариат АРАССВА", "Рабочего комитета АРАССВА" (NEAR's Secretariat, its Working Committee)."""
    found = []
    for acronym in _tokens_where(doc, lambda word: word.isupper() and _CYRILLIC_WORD.fullmatch(word) is not None):
        if acronym.i == 0 or not RUSSIAN_ORGAN_NOUN.match(doc[acronym.i - 1].lower_):
            continue
        entry = gazetteer.lookup(acronym.text)
        if entry is None or entry.kind != "organization":
            continue
        start = acronym.i - 1
        if start and _RUSSIAN_ADJECTIVE.match(doc[start - 1].lower_):
            start -= 1
        elif not RUSSIAN_SOLE_ORGAN.match(doc[start].lower_):
            continue
        text = doc[start : acronym.i + 1].text
        found.append(
            (range(start, acronym.i + 1), True, [Mention(text, "organization", "ORG", None, entry.country, "rules")])
        )
    return found


# The organs of a body in Korean, after the body's name or a field's word ("동북아시아지역자치단체연합
# 실무위원회", the association's Working Committee; "보건 분과위원회", the Subcommittee on Public Health)
KOREAN_ORGAN_NOUNS = ("실무위원회", "분과위원회", "사무국")
# ... but not after a word that says which one of them, no field ("다음 분과위원회", the next one)
KOREAN_DETERMINERS = frozenset(
    {"다음", "이번", "지난", "차기", "각", "해당", "새", "신규", "전체", "모든", "기존", "관련"}
)


def _korean_organs(doc: Doc, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """An organ named in Korean by the body's name or its field before it, a space apart, one
    body: the body the gazetteer knows, or a field's bare noun (no particle after it: "회원단체의
    분과위원회" is a members' subcommittee, no name); its particles after it are no part of it."""
    found = []
    for organ in _tokens_where(doc, lambda word: word.startswith(KOREAN_ORGAN_NOUNS)):
        noun = next(noun for noun in KOREAN_ORGAN_NOUNS if organ.text.startswith(noun))
        if organ.i == 0 or not korean_particles(organ.text[len(noun) :]) or not organ.nbor(-1).whitespace_:
            continue
        before = doc[organ.i - 1]
        if not CJK_OR_HANGUL_WORD.fullmatch(before.text):
            continue
        entry = gazetteer.lookup(before.text)
        known_body = entry is not None and entry.kind == "organization"
        # (a field's noun: two Hangul syllables or more, with no particle of its own)
        field = (
            noun == "분과위원회"
            and len(before.text) >= 2
            and not korean_particles(before.text[-1:])
            and before.text not in KOREAN_DETERMINERS
        )
        if not (known_body or field):
            continue
        start = organ.i - 1
        while start >= 2 and doc[start - 1].text == "·" and CJK_OR_HANGUL_WORD.fullmatch(doc[start - 2].text):
            start -= 2  # (fields joined by a middle dot: "보건·방역 분과위원회")
        text = f"{doc[start : organ.i].text} {noun}"
        country = entry.country if entry is not None else None
        found.append((range(start, organ.i + 1), True, [Mention(text, "organization", "ORG", None, country, "rules")]))
    return found


def _past_country(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> int:
    """Where a Mongolian name starts after the country's name in the genitive that opens it ("Монгол
    Улсын"), if one does and a capitalised word follows it; else ``start``."""
    for size in (2, 1):
        after = start + size
        words = [token.text for token in doc[start:after]]
        if after >= end or not _MONGOLIAN_CAPITALISED.fullmatch(doc[after].text):
            continue
        entry = gazetteer.mongolian_declined(words)
        if entry is not None and entry.type == "country":
            return after
    return start


def _bodies_in_capitals(doc: Doc, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """Two words or more in capitals whose head, read in title case, makes a body of them
    ("TO : HYOGO PREFECTURAL GOVERNMENT", "FROM : ADMINISTRATION OF AMUR OBLAST", a fax's
    header): that body, as written, as a proposal (its words alone were places: "HYOGO")."""
    found = []
    texts = _doc_words(doc)[0]
    start = 0
    while start < len(doc):
        if not (texts[start].isupper() or texts[start] in _HYPHENS):  # (no run opens here: _capitals_word)
            start += 1
            continue
        end = start
        while end < len(doc) and (
            _capitals_word(doc, end)
            or (end > start and _capitals_joiner(doc, end))
            # (a possessive glued to its word: "JILIN PROVINCIAL PEOPLE'S GOVERNMENT")
            or (end > start and doc[end].text in _CAPITALS_POSSESSIVES and not doc[end - 1].whitespace_)
        ):
            end += 1
            # (a run of words on one line, a space between each, or a hyphen: "CHUNGCHEONGBUK-DO")
            possessive = end < len(doc) and doc[end].text in _CAPITALS_POSSESSIVES
            if doc[end - 1].whitespace_ != " " and not _glued_to_hyphen(doc, end - 1) and not possessive:
                break
        while end > start and doc[end - 1].text in _CAPITALS_JOINERS:
            end -= 1
        words = [token.text for token in doc[start:end] if token.text not in _CAPITALS_POSSESSIVES]
        if CAPITALS_WORDS_MIN <= len(words) <= CAPITALS_WORDS_MAX and _body_in_capitals(doc, start, end):
            titled = " ".join(word.lower() if word in _CAPITALS_JOINERS else word.capitalize() for word in words)
            if head_kind(titled) == "organization":
                name = doc[start:end].text
                found.append(
                    (range(start, end), True, [_mention(name, gazetteer, "organization", "ORG", source="rules")])
                )
        start = max(end, start + 1)
    return found


def _capitals_joiner(doc: Doc, index: int) -> bool:
    """A word joining a name's words in capitals; "ON" only after a committee's head, before
    its topic ("NEAR SUBCOMMITTEE ON HEALTH AND WELFARE", not "REPORT ON ...")."""
    word = doc[index].text
    return word in _CAPITALS_JOINERS and (word != "ON" or doc[index - 1].lower_ in ON_TAIL_HEADS)


def _capitals_word(doc: Doc, index: int) -> bool:
    """A word in capitals that is no stop word but after a hyphen ("DO" of "CHUNGCHEONGBUK-DO"),
    or a hyphen between two such words."""
    token = doc[index]
    if token.text in _HYPHENS:
        return 0 < index < len(doc) - 1 and _glued_to_hyphen(doc, index - 1) and doc[index + 1].is_upper
    after_hyphen = index > 0 and doc[index - 1].text in _HYPHENS and not doc[index - 1].whitespace_
    return token.is_upper and token.is_alpha and (not token.is_stop or after_hyphen)


def _glued_to_hyphen(doc: Doc, index: int) -> bool:
    """Whether a word and the next are a hyphen's sides, no space between."""
    return (
        index + 1 < len(doc)
        and not doc[index].whitespace_
        and (doc[index].text in _HYPHENS or doc[index + 1].text in _HYPHENS)
    )


def _body_in_capitals(doc: Doc, start: int, end: int) -> bool:
    """Whether a run of words in capitals may be a body by where it stands: not a heading
    alone on its line but for its marks ("■ MEMBER NEWS"), unless of three words or more (a
    letterhead, "ADMINISTRATION OF AMUR OBLAST")."""
    line_start = doc.text.rfind("\n", 0, doc[start].idx) + 1
    line_end = doc.text.find("\n", doc[end - 1].idx)
    line = doc.text[line_start : line_end if line_end != -1 else len(doc.text)]
    alone = _NOT_LETTERS.sub("", line) == _NOT_LETTERS.sub("", doc[start:end].text)
    return not alone or end - start > CAPITALS_WORDS_MIN


def _named_by_unit_noun(doc: Doc, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """A capitalised name (its parts joined by hyphens) right before a lower-case noun of a
    unit of government (UNIT_NOUNS: "Tsenkhermandal soum", "Khutag-Undur soum") or of a
    natural feature, maybe after a resource's word (NATURAL_FEATURE_NOUNS: "the Kovykta
    field", "the Elga coal deposit"), that neither the model nor the gazetteer took for a
    place or a body: that town or that feature, as a proposal."""
    found = []
    for noun in _tokens_where(doc, lambda word: word in UNIT_NOUNS or word in NATURAL_FEATURE_NOUNS):
        label = "GPE" if noun.text in UNIT_NOUNS else "LOC"
        if noun.i == 0:
            continue
        after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
        if label == "LOC" and after is not None and after.is_alpha and not after.is_stop:
            continue  # (a feature's noun ends the phrase: not "the Yeongju Recommendations and field trip")
        name_end = noun.i
        while name_end > 0 and noun.i - name_end < RESOURCE_WORDS_BEFORE and doc[name_end - 1].text in RESOURCE_WORDS:
            name_end -= 1
        if name_end == 0:
            continue
        start, _ = _hyphen_joined(doc, name_end - 1, name_end)
        while start > 0 and name_end - start < NATIVE_NAMED_WORDS and doc[start - 1].is_title:
            start -= 1  # "Iwami Ginzan silver mine"
        words = doc[start:name_end]
        if (
            not all(token.is_title or token.text in _HYPHEN for token in words)
            or not (words[0].is_title and words[-1].is_title)  # (not "oil- and gas fields")
            or (words[0].is_sent_start and len(words) == 1)  # ("Gas field development")
            or words[0].is_stop
            or any(token.ent_type_ in PLACE_LABELS | ORG_LABELS for token in words)
            or not is_name(words.text)  # "the Energy field"
        ):
            continue
        found.append((range(start, name_end), True, [_mention(words.text, gazetteer, "place", label, source="rules")]))
    return found


RESOURCE_WORDS_BEFORE = 2  # "the Elga coal deposit", "the Kovykta gas condensate field"

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# A document's closing line of where and when it was adopted, a paragraph of its own:
# "Vityaz, 16 June 2012", "Shin'onsen, November 7, 2019"
DATELINE = re.compile(
    # (after its own translation and a slash: "2017. 9. 8. 평창 봉평 / Bongpyeong, 8 September 2017")
    rf"(?:[^/\n]*+/[ ])?"
    rf"(?P<place>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){{0,3}}),[ ]"
    rf"(?:{_DAY}[ ](?i:{_MONTH})\.?|(?i:{_MONTH})\.?[ ]{_DAY},?)[ ]\d{{4}}\.?"
)


def _dateline_place(doc: Doc, written: str, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """The name a closing line of place and date gives (DATELINE), a proposal over the line: a
    place, or the body the gazetteer knows ("NEAR Secretariat, 7 November 2019"), never a
    body it does not know. (``written``: the doc's text, joined once by ``doc_mentions``.)"""
    line = DATELINE.fullmatch(written.strip())
    if line is None:
        return []
    place = line["place"]
    mention = _mention(place, gazetteer, "place", "GPE", source="rules")
    if not is_name(place) or (mention.entry is None and head_kind(place) == "organization"):
        return []
    return [(range(len(doc)), mention.entry is None, [mention])]


# A name the text says is a town: "Khangi is a settlement of some 600 people", "Mitsuke（見附市）is
# a town of about 42,000 people", "Liling is a county-level city of Zhuzhou"
SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "settlement", "hamlet", "township", "port", "county"})
DEFINED_PLACE = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2})(?: ?[(（][^()（）\n]{1,40}[)）] ?| )"
    r"(?:is|was) (?:now |still )?an? (?:[a-z][\w-]* ){0,4}?"
    rf"(?:{'|'.join(sorted(SETTLEMENT_NOUNS))})\b"
)


def _defined_places(doc: Doc, written: str, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """The names the text says are towns (DEFINED_PLACE), proposals over their words: a place,
    unless the gazetteer knows the name as a body. (``written``: the doc's text.)"""
    proposals = []
    for found in DEFINED_PLACE.finditer(written):
        name = found["name"]
        span = doc.char_span(found.start("name"), found.end("name"))
        if span is None or name.split()[0].lower() in LEADING_WORDS or span[0].is_stop or not is_name(name):
            continue
        mention = _mention(name, gazetteer, "place", "GPE", source="rules")
        if mention.kind == "place" and head_kind(name) in (None, "administrative"):
            proposals.append((range(span.start, span.end), mention.entry is None, [mention]))
    return proposals


COMPANY_NAME_WORDS = 5
# Forms written in lower case by the companies themselves: "Petropavlovsk plc"
LOWER_CASE_FORMS = frozenset({"plc"})
FORMS_AFTER_COMMA = COMPANY_FORMS | LEADING_COMPANY_FORMS  # "Dalenergo, OAO": a leading form may trail after a comma
_LEADING_FORM = re.compile(r"\b(?:" + "|".join(form.upper() for form in sorted(LEADING_COMPANY_FORMS)) + r")\b")
# (any form a name may end with, after a comma too: the texts worth walking token by token)
_TRAILING_FORM = re.compile(
    r"\b(?:" + "|".join(sorted({re.escape(form.rstrip(".")) for form in FORMS_AFTER_COMMA})) + r")\b", re.I
)


def _company_name_start(doc: Doc, anchor: int, gazetteer: Gazetteer) -> int:
    """Where a company's name before its legal form at ``anchor`` starts: up to COMPANY_NAME_WORDS
    capitalised words ("Sci-Tech" one word of them), and a place's name before them, as a company
    of a province or a city is named ("Heilongjiang Huadian New Energy Co., Ltd.")."""
    start, words = anchor, 0
    while words < COMPANY_NAME_WORDS and start > 0 and _starts_name(doc[start - 1]):
        start -= 1
        words += 1
        if start > 1 and doc[start - 1].text in _HYPHEN and not doc[start - 1].whitespace_:
            if doc[start - 2].whitespace_ or not _starts_name(doc[start - 2]):
                break
            start -= 2  # ("Sci-Tech": the hyphen joins the words of one)
        elif start > 1 and doc[start - 1].text == "&" and _starts_name(doc[start - 2]):
            start -= 1  # ("Pohang Iron & Steel Co., Ltd.": the ampersand joins two words of the name)
        elif start > 1 and doc[start - 1].lower_ == "and" and _fields_joined(doc[start - 2], doc[start]):
            start -= 1  # ("Henan Civil Aviation Development and Investment Co., Ltd.": two fields of one name)
    if words == COMPANY_NAME_WORDS and start > 0 and _starts_name(doc[start - 1]):
        place = gazetteer.lookup(doc[start - 1].text)
        if place is not None and place.kind == "place":
            start -= 1
    return start


def _fields_joined(before: Token, after: Token) -> bool:
    """Whether "and" between these words joins two fields of one company's business
    ("Development and Investment", "Import and Export"), not two names."""
    return before.is_title and after.is_title and {before.lower_, after.lower_} <= COMPANY_FIELD_WORDS


def _brand_word(token: Token) -> bool:
    """A word with capitals inside it, as brands write theirs: "RusHydro", "HydroOGK"."""
    return token.is_alpha and token.text[:1].isupper() and any(char.isupper() for char in token.text[1:])


def _companies_after_forms(doc: Doc, written: str, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """A legal form and the capitalised words after it (LEADING_COMPANY_FORMS), or a name and
    a legal form after it (COMPANY_FORMS, "Petropavlovsk PLC"): a company, whatever else the
    name is."""
    found: list[tuple[range, bool, list[Mention]]] = []
    ending_at = {ent.end: ent.start for ent in doc.ents}
    for form in doc[1:] if _TRAILING_FORM.search(written) else ():
        after_comma = doc[form.i - 1].text == ","
        if form.lower_ not in (FORMS_AFTER_COMMA if after_comma else COMPANY_FORMS) or not (
            form.text[:1].isupper() or form.text in LOWER_CASE_FORMS
        ):
            continue
        if form.i + 1 < len(doc) and doc[form.i + 1].text in _HYPHEN and not form.whitespace_:
            continue  # "Co-operation": a word, no legal form
        next_named = form.i + 1 < len(doc) and _starts_name(doc[form.i + 1])
        if after_comma and form.lower_ in LEADING_COMPANY_FORMS and next_named:
            continue  # "SUEK-Kuzbass JSC, PJSC Raspadskaya": the next company's leading form
        # the entity before the form (and its comma), else the capitalised words right before it
        anchor = form.i - after_comma
        # (the capitalised words before it too: "Airport" + "Tolmachevo" + "JSC")
        start = _company_name_start(doc, ending_at.get(anchor, anchor), gazetteer)
        while start < anchor and doc[start].lower_ == "the":
            start += 1  # (an article the model's span took: "to The Chugoku Electric Power Co., Inc.")

        end = form.i + 1
        if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in COMPANY_FORMS:
            end += 2  # "HMM Co., Ltd."
        text = doc[start:end].text
        if start < anchor and is_name(text):
            mention = _mention(text, gazetteer, "organization", "ORG", source="rules")
            known = gazetteer.lookup(doc[start:anchor].text) if mention.entry is None else None
            if known is not None and known.kind == "organization":  # "Russian Railways, OAO" is Russian Railways
                mention = replace(mention, entry=known, country=known.country)
            found.append((range(start, end), False, [mention]))
    if not _LEADING_FORM.search(written):
        return found
    for token in _tokens_where(doc, LEADING_COMPANY_FORMS.__contains__, lower=True):
        if token.i == len(doc) - 1 or not token.is_upper:
            continue
        end = _capitalised_run(doc, token.i + 1, known_names=True, brands=True)  # "JSC RusHydro", "JSC HydroOGK"
        if token.i + 1 < end <= token.i + 1 + COMPANY_NAME_WORDS:
            text = doc[token.i : end].text
            found.append(
                (range(token.i, end), False, [_mention(text, gazetteer, "organization", "ORG", source="rules")])
            )
    return found


def _companies_named_on(doc: Doc, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """A company the gazetteer knows, and capitalised words after it that nothing else
    names, up to where the run ends: its part or its fuller name ("COSCO Shipping Lines",
    "Sinopec Qilu Petrochemical", "Polyus Gold"), a body of its own."""
    found = []
    for ent in doc.ents:
        entry = gazetteer.entries.get(ent.ent_id_) if ent.ent_id_ else None
        if entry is None or entry.type != "company":
            continue
        end = _capitalised_run(doc, ent.end)
        if ent.end < end <= ent.end + COMPANY_NAME_WORDS and (end == len(doc) or not doc[end].is_title):
            text = doc[ent.start : end].text
            if is_name(text) and not any(token.lower_ in ROLE_WORDS | GENERIC_WORDS for token in doc[ent.end : end]):
                found.append(
                    (range(ent.start, end), False, [_mention(text, gazetteer, "organization", "ORG", source="rules")])
                )
    return found


# The capitalised nouns of a facility named "X of <place>": "the Port of Incheon"
FACILITY_OF_PLACE = frozenset({"Port", "Harbour", "Harbor"})


def _facilities_of_places(doc: Doc, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """ "the Port of Incheon": one facility, named by its place (a place the model or the
    gazetteer found right after "of"); not where a name goes on before it ("Free Port of ...")."""
    found: list[tuple[range, bool, list[Mention]]] = []
    for place in doc.ents:
        start = place.start - 2
        if place.label_ not in PLACE_LABELS or start < 0 or doc[start + 1].text != "of":
            continue
        if doc[start].text not in FACILITY_OF_PLACE:
            continue
        if start > 0 and doc[start - 1].is_title and not doc[start - 1].is_sent_start:
            continue
        text = doc[start : place.end].text
        found.append((range(start, place.end), False, [_mention(text, gazetteer, "place", "FAC", source="rules")]))
    return found


# The heads of a county's or a district's name: "Khasansky District", "Hexigten Banner"
DISTRICT_HEADS = frozenset({"District", "County", "Banner", "Ulus", "Kozhuun"})


def _districts(doc: Doc, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """ "Khasansky District": capitalised words and a district's head (DISTRICT_HEADS) that the
    model took for no place or body (it read "the Head of Khasansky District" as a person), a
    place, as a proposal."""
    found: list[tuple[range, bool, list[Mention]]] = []
    for head in _tokens_where(doc, DISTRICT_HEADS.__contains__):
        if head.i == 0:
            continue
        start = head.i
        while start > 0 and head.i - start < TOWN_NAME_WORDS and _starts_name(doc[start - 1]):
            start -= 1
        words = doc[start : head.i + 1]
        if start == head.i or any(token.ent_type_ in PLACE_LABELS | ORG_LABELS for token in words):
            continue
        if words[0].lower_ in PEOPLES_ADJECTIVES or not is_name(words.text):
            continue
        found.append(
            (range(start, head.i + 1), True, [_mention(words.text, gazetteer, "place", "GPE", source="rules")])
        )
    return found


# The units of a town before its name: "in the town of Omi", "the village of Achan"
TOWN_OF_NOUNS = frozenset({"town", "city", "village", "township", "settlement", "soum"})
# ... and in the plural, over a list of names: "the towns of Wajima and Suzu"
TOWNS_OF_NOUNS = frozenset({"towns", "cities", "villages", "townships", "settlements", "soums"})
# ... and the words before a centre or seat that make it a town's: "the soum centre of Lun"
TOWN_CENTRE_OF = frozenset({"soum", "district", "county", "administrative", "regional", "aimag"})
_CENTRE_NOUNS = frozenset({"centre", "center", "seat"})


def _unit_before(doc: Doc, of: Token) -> bool:
    """Whether a town's unit stands before ``of``, in lower case: "town of", "soum centre of"."""
    unit = doc[of.i - 1]
    if not unit.is_lower:
        return False
    return unit.lower_ in TOWN_OF_NOUNS | TOWNS_OF_NOUNS or (
        unit.lower_ in _CENTRE_NOUNS and of.i >= 2 and doc[of.i - 2].lower_ in TOWN_CENTRE_OF
    )


# Where a border is crossed, before "at" and the town it is crossed at
CROSSING_NOUNS = frozenset({"border", "crossing", "checkpoint"})


def _towns_of_unit_nouns(doc: Doc, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """ "the town of Omi": a name of one or two capitalised words after a town's unit and "of"
    (TOWN_OF_NOUNS, TOWN_CENTRE_OF) that the gazetteer did not find and the model found as no
    place, that town: a proposal where the model found nothing, and before its span of a body
    ("the soum centre of Lun": the unit says what the name is). After a unit in the plural
    (TOWNS_OF_NOUNS), each name of the list; after another kind of place (PLACE_NOUNS: "the
    beaches of Suzu and Wajima"), each name of the list where the model found nothing."""
    found: list[tuple[range, bool, list[Mention]]] = []
    for of in _tokens_where(doc, ("at", "of").__contains__, lower=True):
        if of.i == 0 or of.i == len(doc) - 1:
            continue
        if of.lower_ == "at" and doc[of.i - 1].lower_ in CROSSING_NOUNS:
            # "the Chinese border at Yarant": where a border is crossed, a town (where the model found nothing)
            found += _town_of_unit(doc, of.i + 1, gazetteer, untagged_only=True)
            continue
        if of.lower_ != "of":
            continue
        noun = doc[of.i - 1]
        if _after_a_persons_town(doc, of.i + 1):
            continue
        if _unit_before(doc, of):
            starts = _listed_names(doc, of.i + 1) if noun.lower_ in TOWNS_OF_NOUNS else [of.i + 1]
            for start in starts:
                found += _town_of_unit(doc, start, gazetteer)
        elif noun.is_lower and noun.lower_ in PLACE_NOUNS:
            # "the beaches of Suzu and Wajima": each name where the model found nothing
            for start in _listed_names(doc, of.i + 1):
                found += _town_of_unit(doc, start, gazetteer, untagged_only=True)
    return found


def _listed_names(doc: Doc, start: int) -> list[int]:
    """Where each name of a list starts: "Wajima, Nanao and Suzu" from ``start``."""
    starts = [start]
    end = _capitalised_run(doc, start)
    while end + 1 < len(doc) and doc[end].lower_ in (",", "and") and end > starts[-1]:
        following = end + 2 if doc[end].text == "," and doc[end + 1].lower_ == "and" else end + 1
        if following >= len(doc) or not doc[following].is_title:
            break
        starts.append(following)
        end = _capitalised_run(doc, following)
    return starts


def _town_of_unit(
    doc: Doc, start: int, gazetteer: Gazetteer, untagged_only: bool = False
) -> list[tuple[range, bool, list[Mention]]]:
    """The town named at ``start`` after a town's unit and "of", if a name is there;
    ``untagged_only``: only where the model found nothing (after a kind of place that is no town's unit)."""
    end = _capitalised_run(doc, start)
    words = doc[start:end]
    # (what the model took for a person or a people after "town of" is the town's name)
    model_body = _model_span_of(doc, words, ORG_LABELS) and not untagged_only
    taken = any(token.ent_type_ in PLACE_LABELS | ORG_LABELS or not token.is_alpha for token in words)
    if not 0 < len(words) <= TOWN_NAME_WORDS or (taken and not model_body):
        return []
    # (not "host city of Expo 2012": a word after it that goes on with the name, or an event's)
    goes_on = end < len(doc) and (doc[end].is_title or doc[end].like_num)
    if goes_on or not is_name(words.text) or head_kind(words.text) is not None:
        return []
    city = gazetteer.city_named(words.text)
    mention = (
        Mention(words.text, "place", city.label, city, city.country, "rules")
        if city is not None
        else _mention(words.text, gazetteer, "place", "GPE", source="rules")
    )
    return [(range(start, end), not model_body, [mention])]


def _model_span_of(doc: Doc, words: Span, labels: frozenset[str]) -> bool:
    """Whether the model's own entity (no gazetteer's) of one of ``labels`` is exactly ``words``."""
    ent = next((ent for ent in doc.ents if ent.start == words.start), None)
    return ent is not None and ent.end == words.end and ent.label_ in labels and not ent.ent_id_


# The acronyms that name the system a body belongs to before a slash: "UN/ISDR", "UN/ESCAP"
SYSTEM_ACRONYMS = frozenset({"UN"})


def _system_acronyms(doc: Doc, written: str, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """ "UN/ISDR": one body's acronym, the body's own after the system's (SYSTEM_ACRONYMS),
    the gazetteer's entry of either form."""
    found: list[tuple[range, bool, list[Mention]]] = []
    if not any(f"{system}/" in written for system in SYSTEM_ACRONYMS):
        return found
    for token in _tokens_where(doc, SYSTEM_ACRONYMS.__contains__):
        if token.i >= len(doc) - 2:
            continue
        body = doc[token.i + 2]
        if doc[token.i + 1].text == "/" and is_acronym(body.text):
            text = doc[token.i : token.i + 3].text
            entry = gazetteer.lookup(text) or gazetteer.lookup(body.text)
            if entry is not None and entry.kind != "organization":
                continue
            mention = _mention(text, gazetteer, "organization", "ORG", source="rules")
            if entry is not None and mention.entry is None:
                mention = Mention(text, entry.kind, entry.label, entry, entry.country, "rules")
            found.append((range(token.i, token.i + 3), False, [mention]))
    return found


def _pair_stands_alone(doc: Doc, start: int, end: int) -> bool:
    """Whether words joined by hyphens at ``start:end`` stand alone, in a list or a sentence:
    no word of a longer name nor an aside after them ("Blagoveshchensk–Heihe Bridge", "the
    Kansk-Achinsk coal basin", "Suifenhe–Pogranichny (Пограничный) road"), and not one place of
    two after "between" ("between Kani-Kurgan and Heihe")."""
    after_alone = end >= len(doc) or doc[end].text in (",", ";", ".", ":", ")") or doc[end].lower_ in ("and", "or")
    return after_alone and not (start > 0 and doc[start - 1].lower_ == "between")


def _paired_towns(doc: Doc, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """Towns of different countries the gazetteer knows, joined by a hyphen or a dash and
    standing alone, a border crossing's two sides ("the crossings Zabaikalsk-Manzhouli and
    Blagoveshchensk-Heihe"): each town, where the joined words are no name the gazetteer
    knows ("Rajin-Sonbong")."""
    found = []
    index = 0
    while index < len(doc) - 2:
        end = index + 1
        while _glued_hyphen(doc, end, _NAME_HYPHENS) and end + 1 < len(doc) and doc[end + 1].is_title:
            end += 2
        if end > index + 1 and doc[index].is_title and _pair_stands_alone(doc, index, end):
            parts = [doc[i].text for i in range(index, end, 2)]
            towns = [gazetteer.city_named(part) for part in parts]
            if (
                gazetteer.lookup(doc[index:end].text) is None
                and all(town is not None for town in towns)
                and len({town.country for town in towns if town is not None}) == len(towns)
            ):
                mentions = [
                    Mention(part, town.kind, town.label, town, town.country, "rules")
                    for part, town in zip(parts, towns, strict=True)
                    if town is not None
                ]
                found.append((range(index, end), False, mentions))
        index = end
    return found


def _route_ends(doc: Doc, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """Places joined by hyphens or dashes before a route's noun (ROUTE_NOUNS: "the Sokcho-Zarubino-Hunchun
    ferry"), one of them a place the gazetteer knows or all parted by dashes: each place (a town
    where one has the name), as a proposal over the chain."""
    found = []
    nouns = [noun for noun in _tokens_where(doc, ROUTE_NOUNS.__contains__, lower=True) if noun.is_lower]
    for noun in nouns:
        if noun.i < 3:
            continue
        # (a word may say what the route carries: "the Harbin-Suifenhe-Vladivostok transport corridor",
        # or two joined: "the Sokcho-Zarubino-Hunchun sea and land route")
        end = noun.i - 1 if doc[noun.i - 1].is_lower and doc[noun.i - 1].is_alpha else noun.i
        if (
            end < noun.i
            and end >= 3
            and doc[end - 1].lower_ == "and"
            and doc[end - 2].is_lower
            and doc[end - 2].is_alpha
        ):
            end -= 2
        start = end - 1
        while _glued_hyphen(doc, start - 1, _NAME_HYPHENS) and doc[start - 2].is_title:
            start -= 2
        # (the first end may be a name of words: "the Tavan Tolgoi–Gashuunsukhait railway")
        parts, dashed = _route_parts(doc, start, end)
        while (
            parts and start >= 1 and _starts_name(doc[start - 1]) and gazetteer.lookup(f"{doc[start - 1]} {parts[0]}")
        ):
            parts[0] = f"{doc[start - 1]} {parts[0]}"
            start -= 1
        if (mentions := _route_places(parts, dashed, gazetteer)) is not None:
            # (over the noun too: longer than the known place's own proposal, "Suifenhe-Grodekovo")
            found.append((range(start, noun.i + 1), False, mentions))
    for noun in nouns:  # ... and after the noun: "the route Sokcho-Zarubino-Hunchun of Dongchun Ferry"
        if noun.i >= len(doc) - 3 or not doc[noun.i + 1].is_title:
            continue
        start = end = noun.i + 1
        while _glued_hyphen(doc, end + 1, _NAME_HYPHENS) and end + 2 < len(doc) and doc[end + 2].is_title:
            end += 2
        ends_alone = _pair_stands_alone(doc, start, end + 1) or doc[end + 1 : end + 2].text in ("of", "by", "in", "(")
        if ends_alone and (mentions := _route_places(*_route_parts(doc, start, end + 1), gazetteer)) is not None:
            found.append((range(start, end + 1), False, mentions))
    return found


def _route_parts(doc: Doc, start: int, end: int) -> tuple[list[str], bool]:
    """A route's ends, and whether dashes part them: a dash parts them where there is one, a
    hyphen then joins a name ("the Erenhot–Zamyn-Uud crossing")."""
    joints = {doc[i].text for i in range(start + 1, end, 2)}
    between = "–" if "–" in joints else "-"
    return [part for part in doc[start:end].text.split(between) if part], between == "–"


def _route_places(parts: list[str], dashed: bool, gazetteer: Gazetteer) -> list[Mention] | None:
    """Each end of a route a place (a town where one has the name), where one of them is a place
    the gazetteer knows or dashes part them all (``dashed``), ends that are names ("the
    Khandagaity–Borshoo crossing"); else None."""
    known = [gazetteer.lookup(part) for part in parts]
    dashed = dashed and all(is_name(part) and part.lower() not in COMPASS_WORDS for part in parts)
    if (
        len(parts) < 2
        or not all(part[:1].isupper() for part in parts)
        or not (dashed or any(entry is not None and entry.kind == "place" for entry in known))
    ):
        return None
    # (a route's ends are towns: "the Vladivostok-Niigata flights" land in Niigata the city)
    return [
        Mention(part, city.kind, city.label, city, city.country, "rules")
        if (city := gazetteer.city_named(part)) is not None
        else _mention(part, gazetteer, "place", "GPE", source="rules")
        for part in parts
    ]


def _alone_in_entity(token: Token) -> bool:
    return token.ent_iob_ == "B" and (token.i + 1 == len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")


def _entity_words(token: Token) -> Span:
    """The words of the entity ``token`` is in (none where it is in none), found from its own
    place rather than from a table of every entity of the document."""
    doc, start, end = token.doc, token.i, token.i + 1
    if not token.ent_iob_ or token.ent_iob_ == "O":
        return doc[start:start]
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def short_names(mentions: Iterable[Mention], gazetteer: Gazetteer) -> dict[str, Mention]:
    """The places a record's structure names with their unit ("Cheongsong-gun", "Kaga City"),
    by the one word the prose may call them ("meeting at Cheongsong"), where the gazetteer
    has no other thing of that name."""
    short = {}
    for mention in mentions:
        stem = _PLACE_AFFIXES.sub("", mention.text)
        unit_written = stem != mention.text and stem.isalpha() and stem[:1].isupper()
        if mention.kind == "place" and unit_written and gazetteer.lookup(stem) is None:
            short[stem] = replace(mention, text=stem, source="rules")
    return short


def listed_names(mentions: Iterable[Mention]) -> dict[str, Mention]:
    """The names of several words the record's structure gives and the gazetteer lacks ("ICC
    Kyoto", the venue's own short name), by their text: the prose that writes one names that
    thing, whatever part of it the model takes for something else ("the ICC Kyoto")."""
    return {
        mention.text: replace(mention, source="rules")
        for mention in mentions
        if mention.from_structure
        and mention.entry is None
        and " " in mention.text
        and mention.text[:1].isupper()
        and not _LISTED_NAME_BREAKS.search(mention.text)
    }


# What a structure's name of several parts holds where it may be more than one name, so that
# the prose is not read by it: "Rural Development Administration (RDA) of the Republic of
# Korea", "Toyama Prefectural Government, chair region 2000-2002"
_LISTED_NAME_BREAKS = re.compile(r"[(),;:/\d]")


# A business's verbs: what is "operated by" or "owned by" a name is that name's, a body's
# ("the Avlayakan deposit operated by Polymetal"); "hosted by" may name a region
OPERATOR_VERBS = frozenset({"operated", "owned", "run", "managed", "built", "constructed", "developed", "mined"})
OPERATOR_NAME_WORDS = 4


def _operators(doc: Doc, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """The capitalised words after "operated by" (OPERATOR_VERBS) that no one entity spans,
    as a proposal of a body ("Aero Mongolia"; a known name's own proposal wins a tie)."""
    found = []
    for by in _tokens_where(doc, "by".__eq__, lower=True):
        if by.i == 0 or doc[by.i - 1].lower_ not in OPERATOR_VERBS:
            continue
        end = _capitalised_run(doc, by.i + 1, known_names=True)  # ("Aero Mongolia")
        named_whole = any(ent.start == by.i + 1 and ent.end == end for ent in doc.ents)
        if by.i + 1 < end <= by.i + 1 + OPERATOR_NAME_WORDS and not named_whole:
            name = doc[by.i + 1 : end].text
            if is_name(name):
                mention = _mention(name, gazetteer, "organization", "ORG", source="rules")
                found.append((range(by.i + 1, end), True, [mention]))
    return found


# What an apposition calls a body: "Heifer International, an NGO that ...", "Tetra Pak, the
# packaging company"
APPOSITION_BODIES = frozenset(
    {"ngo", "npo", "company", "firm", "corporation", "conglomerate", "charity", "foundation", "cooperative"}
    | {"manufacturer", "producer", "maker", "operator", "carrier", "bank", "insurer", "retailer", "developer"}
)
APPOSITION_WORDS = 3  # the article and the words before the noun: "a Swedish packaging company"
APPOSED_NAME_WORDS = 4


def _apposed_to(doc: Doc, comma: int) -> bool:
    """Whether the words after the comma at ``comma`` call what comes before it a body."""
    if comma + 2 >= len(doc) or doc[comma + 1].lower_ not in ("a", "an", "the"):
        return False
    for token in doc[comma + 2 : comma + 2 + APPOSITION_WORDS]:
        if token.lower_ in APPOSITION_BODIES:  # (not a person's: "Mr. Kim, the company's director")
            return token.i + 1 == len(doc) or doc[token.i + 1].lower_ not in _POSSESSIVES
        if not token.is_alpha:
            return False
    return False


def _bodies_by_apposition(doc: Doc, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """Capitalised words that open a sentence or follow a comma, that no one entity spans, and
    that an apposition calls a body: "Heifer International, an NGO that ..." (a proposal of a
    body; a known name's own proposal wins a tie)."""
    found = []
    for comma in _tokens_where(doc, ",".__eq__):
        if not _apposed_to(doc, comma.i):
            continue
        start = comma.i
        while start > 0 and comma.i - start < APPOSED_NAME_WORDS and _starts_name(doc[start - 1]):
            start -= 1
        if doc[start].lower_ == "the":
            start += 1
        opens = start == 0 or not doc[start - 1].is_alpha or doc[start - 1].lower_ in ("and", "of", "by", "with")
        # (a person's name the model saw in it names nothing: "Tetra Pak" as PERSON)
        spanned = any(
            ent.start == start and ent.end == comma.i and ent.label_ in PLACE_LABELS | ORG_LABELS for ent in doc.ents
        )
        name = doc[start : comma.i].text
        person = _in_person_name(doc, start)
        if start < comma.i and opens and not (spanned or person) and is_name(name) and gazetteer.lookup(name) is None:
            found.append(
                (range(start, comma.i), True, [_mention(name, gazetteer, "organization", "ORG", source="rules")])
            )
    return found


SEAT_WORDS = 2  # "Assembly of European Regions (AER), Strasbourg": a seat's words


def _seats_of_bodies(doc: Doc, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """The city a body sits in, a comma after its name (and its acronym in brackets) and ending
    the item: "Conference of Peripheral Maritime Regions (CPMR), Rennes" (a proposal of a place,
    whatever the model made of the word)."""
    found = []
    for ent in doc.ents:
        if ent.label_ not in ORG_LABELS:
            continue
        comma = ent.end
        acronym = comma + 2 < len(doc) and doc[comma].text == "(" and doc[comma + 2].text == ")"
        comma += 3 if acronym else 0
        if comma >= len(doc) or doc[comma].text != ",":
            continue
        end = _capitalised_run(doc, comma + 1)
        closes = end == len(doc) or doc[end].text in (".", ";")
        name = doc[comma + 1 : end].text
        known = gazetteer.lookup(name)
        if (
            closes
            and 0 < end - comma - 1 <= SEAT_WORDS
            and is_name(name)
            and head_kind(name) is None
            # (an unknown word after a body's acronym, not one after a company: "POSCO, Hyundai.")
            and (known.kind == "place" if known is not None else acronym)
        ):
            found.append((range(comma + 1, end), True, [_mention(name, gazetteer, "place", "GPE", source="rules")]))
    return found


# Words that put a place where they stand, no word of a name after it
PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "to", "near", "across", "around", "outside"})
# Words that name a body after a place, as the acronyms of the gazetteer's broadcasters do:
# Russia's state television and radio company of a region ("GTRK Amur"), an airline after its
# home ("Air Seoul", "Air Busan")
STATION_PREFIXES = frozenset({"GTRK", "Air"})
# Bodies with offices in many places, named by the body's acronym and the place ("KOTRA Shenyang",
# "JETRO Kobe", "UNDP Mongolia", "WWF Mongolia Programme Office"): the office, one body (not "ADB
# Mongolia Resident Mission", whose "Mission" heads no body's name here: "ADB Mongolia" is found)
OFFICE_TYPES = frozenset({"agency", "trade-agency", "intergovernmental", "un-agency", "ngo", "bank"})
STATION_TYPES = OFFICE_TYPES | {"media"}  # (a broadcaster's, or an office's)


def _regional_stations(doc: Doc, gazetteer: Gazetteer) -> list[tuple[range, bool, list[Mention]]]:
    """A broadcaster's station by the broadcaster's acronym and the place it serves, either
    way round ("NHK Fukui", "KBS Cheongju", "GTRK Chita", "Pohang MBC"), an airline by its
    home ("Air Seoul"), an agency's office by its acronym and its place (OFFICE_TYPES, "KOTRA
    Shenyang"): one body, the place a word of its name."""
    found = []
    for token in _tokens_where(doc, lambda word: word in STATION_PREFIXES or (word.isupper() and is_acronym(word))):
        office = False
        if token.text not in STATION_PREFIXES:
            entry = gazetteer.lookup(token.text) if token.is_upper and is_acronym(token.text) else None
            if entry is None or entry.type not in STATION_TYPES or token.text not in entry.exact_aliases:
                continue
            office = entry.type != "media"
        after = token.i + 1 < len(doc) and token.whitespace_ and _a_place_word(doc[token.i + 1], gazetteer)
        before = token.text not in STATION_PREFIXES and not office and token.i > 0 and doc[token.i - 1].whitespace_
        if after and office and _lower_office_after(doc, token.i + 2):
            continue  # "the JETRO Kanazawa office": the body's office in the place, both named
        if after and office:  # (and the office's own head words after: "Programme Office")
            run_end = _capitalised_run(doc, token.i + 2, known_names=True)
            if run_end > token.i + 2 and head_kind(doc[token.i : run_end].text) != "organization":
                continue  # a longer name that other rules read: "CCPIT Henan Sub-council"
            tokens = range(token.i, run_end)
        elif after:
            tokens = range(token.i, token.i + 2)
        elif (
            before
            and _a_place_word(doc[token.i - 1], gazetteer)
            and not (token.i > 1 and doc[token.i - 2].lower_ in PLACE_PREPOSITIONS)  # ("in Fukui NHK broadcast")
        ):
            tokens = range(token.i - 1, token.i + 1)
        else:
            continue
        name = doc[tokens.start : tokens.stop].text
        found.append((tokens, False, [_mention(name, gazetteer, "organization", "ORG", source="rules")]))
    return found


OFFICE_NOUNS = frozenset({"office", "offices", "branch", "bureau", "mission", "representation"})


def _lower_office_after(doc: Doc, index: int) -> bool:
    """Whether the word at ``index`` is an office's noun in lower case ("the JETRO Kanazawa office")."""
    return index < len(doc) and doc[index].lower_ in OFFICE_NOUNS and doc[index].is_lower


def _a_place_word(word: Token, gazetteer: Gazetteer) -> bool:
    """Whether one word is a place's name (the gazetteer's, or the model's)."""
    if not word.is_title:
        return False
    known = gazetteer.lookup(word.text)
    return (known is not None and known.kind == "place") or word.ent_type_ in PLACE_LABELS


def _feature_stems(found: list[Mention], gazetteer: Gazetteer, short: dict[str, Mention]) -> dict[str, Mention]:
    """The short names the prose's features give the prose after them: a mountain range, a
    river or a reserve named in full ("the Xiaoqinling Mountains"), then by its one bare word
    ("the gold fields of the Xiaoqinling"), where the gazetteer knows no other thing so named."""
    stems = {}
    for mention in found:
        words = mention.text.split()
        if mention.kind != "place" or len(words) != 2 or words[-1].lower() not in BARE_NAMED_HEADS:
            continue
        stem = words[0]
        if stem.replace("-", "").isalpha() and stem.istitle() and stem not in short and gazetteer.lookup(stem) is None:
            stems[stem] = replace(mention, text=stem, source="rules", same_as=None if mention.entry else mention.text)
    return stems


def _short_names_used(doc: Doc, written: str, short: dict[str, Mention]) -> list[tuple[range, bool, list[Mention]]]:
    """The record's short names where the prose writes them alone ("at Cheongsong", not
    "Saigo Town" nor "Saigo Port", whatever the model made of those)."""
    if not any(name in written for name in short):
        return []
    found = [
        (range(token.i, token.i + 1), False, [short[token.text]])  # (known: it wins a tie with the model's)
        for token in doc
        if token.text in short and not _joined_to_name(doc, token)
    ]
    for name in (name for name in short if "-" in name and name in written):  # ("Trans-Siberian": three tokens)
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", written):
            span = doc.char_span(match.start(), match.end())
            if span is not None and not (span.end < len(doc) and doc[span.end].is_title):
                found.append((range(span.start, span.end), False, [short[name]]))
    return found


def _listed_names_used(doc: Doc, written: str, listed: dict[str, Mention]) -> list[tuple[range, bool, list[Mention]]]:
    """The record's listed names (``listed_names``) where the prose writes them whole."""
    found = []
    for name, mention in listed.items():
        start = written.find(name)
        while start != -1:
            span = doc.char_span(start, start + len(name))  # (None unless it starts and ends at tokens)
            if span is not None:
                found.append((range(span.start, span.end), False, [mention]))
            start = written.find(name, start + len(name))
    return found


def _shape_kind(word: str) -> EntityKind | None:
    """What a word of one of WORD_SHAPES names (a town's "-sk", a company's "Dalmoreprodukt"), or None."""
    shape = word_shape(word)
    return shape.kind if shape is not None else None


def _joined_to_name(doc: Doc, token: Token) -> bool:
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    # (an acronym after it is a word of the name too: "Sihwa MTV")
    return (before is not None and (before.text in _HYPHEN or (before.is_title and not before.is_sent_start))) or (
        after is not None and (after.text in _HYPHEN or after.is_title or (after.is_upper and after.is_alpha))
    )


def doc_mentions(
    doc: Doc,
    gazetteer: Gazetteer,
    short: dict[str, Mention] | None = None,
    listed: dict[str, Mention] | None = None,
    declined: dict[str, Mention] | None = None,
    written: str | None = None,
) -> list[Mention]:
    """Every entity proposes the name it heads (a gazetteer match with its compound,
    a model span cleaned and extended); where proposals overlap the longest wins,
    a gazetteer one on a tie, so a name nested in a longer name is not listed. ``short``:
    the record's places by their short names (``short_names``); ``listed``: its names of
    several words the gazetteer lacks (``listed_names``); ``declined``: its places named in
    Cyrillic, by their stems (``declined_names``); ``written``: the text the doc was made of
    (else spaCy joins its tokens again: a tenth of this function's time)."""
    ents = [headed for ent in doc.ents if (headed := _as_named(ent)) is not None]
    written = doc.text if written is None else written
    ents_at = {ent.start: ent for ent in doc.ents}
    proposals = []
    for ent in ents:
        posted = _past_post(_before_label(_after_date(ent)))
        if posted is None:
            continue
        ent = posted
        # "Ms. Olga Ivanova", "Governor Ishii"; "typhoon Maemi", "Expo 2012 Yeosu": an event's name, no place
        if (
            _in_person_name(doc, ent.start)
            or _before_ruler_title(doc, ent.end)
            or _names_a_period(doc, ent)
            or _royal_person(ent)
            or _titled_person(ent)
            or _ship_named(doc, ent.start)
            or _in_event_name(doc, ent.start)
            or _dashed_into_event(doc, ent.end)
            or _before_event_head(ent)
            or _initialled_person(ent, gazetteer)
            or (_guessed(ent) and _apposed_person(doc, ent))
            or _beside_russian_initials(doc, ent.start, ent.end)
            or (
                (_guessed(ent) or ent.ent_id_.startswith("city:"))
                and (_named_before_post(doc, ent.start, ent.end) or _after_initials(doc, ent.start))
            )
            or (_guessed(ent) and _in_quoted_title(doc, ent.start + _titled_lead(ent), ent.end, ent.label_))
            or _in_cited_title(doc, ent.start, ent.end)
            or (
                _guessed(ent)
                and ent.label_ in ORG_LABELS
                and head_kind(ent.text) is None
                and _in_heading_in_capitals(doc, ent.start, ent.end)
                # (a place the gazetteer or the record knows, in the heading's capitals: "KHOROL", "NOTOJIMA")
                and gazetteer.lookup(ent.text) is None
                and ent.text.title() not in (short or {})
            )
            or _company_word_guessed(ent)
            or CODE_LIST.fullmatch(ent.text) is not None
            or (_guessed(ent) and ROMAN_NUMERAL.fullmatch(ent.text.rstrip(".)")) is not None)
            or PAGE_MARK.search(ent.text) is not None
            or _names_a_people(doc, ent)
            or not any(char.isalnum() for char in ent.text)  # (the model's "※" ORG: a mark, which runs on to no name)
        ):
            continue
        entry = gazetteer.entries.get(ent.ent_id_) if ent.ent_id_ else None
        if not ent.ent_id_ and _CYRILLIC_WORDS.fullmatch(ent.text):
            continue  # the English model reads no Russian nor Mongolian: its guesses there are noise ("Трассы")
        if entry is not None and ent.text.isascii() and (ent.text.islower() or _lower_cased_body(ent, entry)):
            continue  # "the environment subcommittee", "a NEAR subcommittee on energy": words, matched by their letters
        if entry is not None and (named := _after_lower_case_words(ent, gazetteer)) is not None:
            ent, entry = named  # "its crater lake Tianchi": the lake's name, without the noun
        if entry is not None:
            found, tokens = _gazetteer_mentions(ent, entry, gazetteer, ents_at)
        else:
            found, tokens = _model_mentions(ent, gazetteer, ents_at)
            if CJK_OR_HANGUL_WORD.search(ent.text) and (
                not found or (_ACROSS_SCRIPTS.search(ent.text) and all(mention.entry is None for mention in found))
            ):
                continue  # (the English model's guess at Korean or Chinese words, or run on into them from
                # a Latin word glued to them, "黑ICP备05003427号": no claim on them)
        proposals.append((tokens, entry is None, found))
    proposals.extend(_shaped_words(doc, gazetteer))
    proposals.extend(_named_by_native_form(doc, gazetteer))
    proposals.extend(_native_words(doc, gazetteer))
    proposals.extend(_hangul_with_hanja(doc, gazetteer))
    proposals.extend(_korean_address_units(doc, gazetteer))
    proposals.extend(_inflected_names(doc, gazetteer, declined))
    proposals.extend(_named_by_unit_noun(doc, gazetteer))
    proposals.extend(_dateline_place(doc, written, gazetteer))
    proposals.extend(_defined_places(doc, written, gazetteer))
    proposals.extend(_route_ends(doc, gazetteer))
    proposals.extend(_paired_towns(doc, gazetteer))
    proposals.extend(_system_acronyms(doc, written, gazetteer))
    proposals.extend(_facilities_of_places(doc, gazetteer))
    proposals.extend(_towns_of_unit_nouns(doc, gazetteer))
    proposals.extend(_districts(doc, gazetteer))
    proposals.extend(_companies_after_forms(doc, written, gazetteer))
    proposals.extend(_companies_named_on(doc, gazetteer))
    proposals.extend(_named_after_person(doc, gazetteer))
    proposals.extend(_short_names_used(doc, written, short or {}))
    proposals.extend(_listed_names_used(doc, written, listed or {}))
    proposals.extend(_operators(doc, gazetteer))
    proposals.extend(_bodies_by_apposition(doc, gazetteer))
    proposals.extend(_seats_of_bodies(doc, gazetteer))
    proposals.extend(_regional_stations(doc, gazetteer))
    proposals.extend(_bodies_in_capitals(doc, gazetteer))
    proposals.extend(_mongolian_bodies(doc, gazetteer))
    proposals.extend(_russian_organs(doc, gazetteer))
    proposals.extend(_units_listed_under_their_kind(doc, gazetteer))
    proposals.extend(_korean_organs(doc, gazetteer))
    taken: set[int] = set()
    accepted: list[tuple[range, list[Mention]]] = []
    for tokens, _, found in sorted(proposals, key=lambda p: (-len(p[0]), p[1], p[0].start)):
        tokens, found = _up_to_its_acronym(doc, tokens, found, taken)
        if not taken.intersection(tokens):
            taken.update(tokens)
            accepted.append((tokens, _with_acronym(doc, found, tokens, gazetteer)))
    for tokens, found in list(accepted):
        coordinated = _coordinated_place(doc, tokens, found, taken) or _coordinated_before(doc, tokens, found, taken)
        if coordinated:
            accepted.append(coordinated)
        other_name = _feature_other_name(doc, tokens, found, taken)
        if other_name:
            accepted.append(other_name)
        route_end = _untagged_route_end(doc, tokens, found, taken)
        if route_end:
            accepted.append(route_end)
    accepted = _with_native_before(doc, _with_native(doc, accepted))
    accepted = _cities_among_cities(doc, _also_known_as(doc, accepted), gazetteer)
    accepted = _governed_regions(doc, _with_russian_leading_nouns(doc, accepted))
    return [mention for _, found in _with_articles(doc, accepted) for mention in found]


# Russian writes a region's unit or a feature's common noun before the name, in lower case and
# declined as the sentence needs it: "в провинции Хэйлунцзян", "префектура Тоттори", "аймак
# Дорнод", "у озера Байкал". The noun is a word of the name, as "Prefecture" is of "Tottori
# Prefecture". (Not before a town's name: "г. Пхохан", "город Находка" name the town alone.)
RUSSIAN_LEADING_NOUNS = (
    *("провинция", "префектура", "аймак", "уезд"),
    *("озеро", "река", "пустыня", "гора", "остров", "полуостров", "залив", "бухта", "плато", "море"),
)
_NAMED_WITHOUT_LEADING_NOUN = frozenset({"country", "city", "town"})


@cache
def _russian_leading_stems() -> frozenset[str]:
    """RUSSIAN_LEADING_NOUNS by their stems (the stemmer is loaded for a Cyrillic text only)."""
    return frozenset(stemmed_key([noun]) for noun in RUSSIAN_LEADING_NOUNS)


def _with_russian_leading_nouns(
    doc: Doc, accepted: list[tuple[range, list[Mention]]]
) -> list[tuple[range, list[Mention]]]:
    """Each known region's or feature's name with the Russian noun before it (see
    RUSSIAN_LEADING_NOUNS), where no other name holds that word."""
    taken = {index for tokens, _ in accepted for index in tokens}
    led = []
    for tokens, found in accepted:
        lead = tokens.start - 1
        if (
            len(found) == 1
            and found[0].kind == "place"
            and found[0].entry is not None
            and found[0].entry.type not in _NAMED_WITHOUT_LEADING_NOUN
            and lead >= 0
            and lead not in taken
            and doc[lead].is_lower
            and _CYRILLIC_WORD.fullmatch(doc[lead].text) is not None
            and stemmed_key([doc[lead].text]) in _russian_leading_stems()
        ):
            tokens = range(lead, tokens.stop)
            found = [replace(found[0], text=doc[lead : tokens.stop].text)]
        led.append((tokens, found))
    return led


def _lower_cased_body(ent: Span, entry: Entry) -> bool:
    """Whether a body's known name is matched with its own words in lower case ("a NEAR
    subcommittee on energy and climate change": a proposal's words, not the subcommittee)."""
    words = ent.text.split()
    if entry.kind != "organization" or not words[0][:1].isupper() or len(words) < LOWER_CASED_BODY_WORDS:
        return False
    # (only a body's own head words: "SK hynix" is the brand's way; "Montsame news agency" trails
    # words after a name the gazetteer knows alone)
    written = {alias for alias in (entry.name, *entry.aliases) if alias.lower() == ent.text.lower()}
    return (
        bool(written)
        and not _named_alone(entry, words[0])
        and all(
            any(
                word[:1].isupper() and mine[:1].islower() and mine in ON_TAIL_HEADS
                for word, mine in zip(alias.split(), words, strict=False)
            )
            for alias in written
        )
    )


LOWER_CASED_BODY_WORDS = 3


def _named_alone(entry: Entry, word: str) -> bool:
    """Whether one of an entry's names is ``word`` alone ("Montsame")."""
    return any(alias.lower() == word.lower() for alias in (entry.name, *entry.aliases))


def _after_lower_case_words(ent: Span, gazetteer: Gazetteer) -> tuple[Span, Entry] | None:
    """The name a gazetteer match holds after lower-case words that open it, where the gazetteer
    knows that name too ("lake Tianchi" of "its crater lake Tianchi" is Tianchi); None otherwise."""
    start = ent.start
    while start < ent.end and ent.doc[start].is_lower and ent.doc[start].is_alpha and ent.doc[start].is_ascii:
        start += 1
    if start in (ent.start, ent.end) or (entry := gazetteer.lookup(ent.doc[start : ent.end].text)) is None:
        return None
    return ent.doc[start : ent.end], entry


# The model's other kinds of name that may be a place or a body its head word says it is
RELABELLED = frozenset({"PERSON", "NORP", "WORK_OF_ART", "PRODUCT"})


def _language_tag(ent: Span) -> bool:
    """Whether a span is a language's name in square brackets opening its paragraph, as a page in
    several languages marks its parts ("[Монгол]", "[한국어]", "[Русский]"): no place."""
    doc = ent.doc
    return (
        ent.start == 1
        and doc[0].text in ("[", "［")
        and ent.end < len(doc)
        and doc[ent.end].text in ("]", "］")
        and ent.text.lower() in LANGUAGE_WORDS
    )


def _as_named(ent: Span) -> Span | None:
    """A place's or a body's span, else None: a span of another kind whose head word says what
    it names is that ("Horqin Left Middle Banner", a work of art to the model; "Qian Gorlos
    Mongol Autonomous County", a person)."""
    if len(ent) > 1 and ent[-1].text in (",", ";"):
        ent = _narrowed(ent, ent.start, ent.end - 1)  # "Popchusa,": the model's span took the comma after it
    words = ent[1:] if ent[0].lower_ == "the" else ent
    if all(token.is_digit or ORDINAL_WORD.match(token.text) for token in words):
        return None  # "the 37th" (of "the 37th Infantry Division"): a number in digits, never a name
    if _language_tag(ent):
        return None  # "[Монгол] 2021 оны ...": the paragraph's language, no country
    if ent.label_ == "ORG" and _bare_names_among_places(ent):
        from spacy.tokens import Span  # (only here: a doc is there, spaCy is loaded)

        return Span(ent.doc, ent.start, ent.end, label="GPE")
    if ent.label_ in PLACE_LABELS | ORG_LABELS:
        return ent
    if ent.label_ not in RELABELLED:  # (dates and numbers, most of the other spans: no head word read)
        return None
    if ent.label_ == "PERSON" and _place_after_its_kind(ent):
        label = "LOC"
    else:
        # (every word capitalised, the last its head: not a title, "Silver and the World"; the
        # model's span may open with "the")
        named = all(token.is_title or token.is_punct for token in words) and head_word(ent.text) == ent[-1].lower_
        kind = head_kind(ent.text) if named else None
        if kind not in HEAD_LABELS:
            return None
        label = HEAD_LABELS[kind][1]
    from spacy.tokens import Span  # (only here: a doc is there, spaCy is loaded)

    return Span(ent.doc, ent.start, ent.end, label=label)


def _bare_names_among_places(ent: Span) -> bool:
    """A body to the model of one-word names with no head word that stand where places do: after
    "between" ("between Oki and Ulleungdo"), or after "and" and a place the gazetteer or a name's
    shape knows ("landings at Ganggu Port (강구항) and Hupo"; not "Wetlands and Cranes")."""
    doc = ent.doc
    words = [token for token in ent if token.lower_ != "and"]
    if (
        not words
        or any("and" not in (first.lower_, second.lower_) for first, second in itertools.pairwise(ent))  # one word each
        or not all(token.is_title and token.is_alpha for token in words)
        or head_kind(ent.text) is not None
    ):
        return False
    if ent.start == 0:
        return False
    if doc[ent.start - 1].lower_ == "between":
        return len(words) < len(ent)
    index = ent.start - 2
    if doc[ent.start - 1].lower_ != "and" or index < 0:
        return False
    if doc[index].text == ")":  # (the place's name in its own script, in brackets, before "and")
        while index > 0 and doc[index].text != "(":
            index -= 1
        index -= 1
    return index >= 0 and doc[index].ent_type_ in PLACE_LABELS and bool(doc[index].ent_id_)


def _place_after_its_kind(ent: Span) -> bool:
    """A person to the model after a kind of place and "of" ("the islands of" + "Reineke and
    Popov"), not a name before its noun ("a city of the Jin merchants")."""
    doc = ent.doc
    modifier = ent.end < len(doc) and doc[ent.end].is_lower and not doc[ent.end].is_stop
    return not modifier and _after_place_noun(doc, ent.start)


def _narrowed(ent: Span, start: int, end: int) -> Span:
    """``ent``'s label and ids over ``doc[start:end]``."""
    from spacy.tokens import Span  # (only here, on every span: a doc is there, spaCy is loaded)

    return Span(ent.doc, start, end, label=ent.label, kb_id=ent.kb_id, span_id=ent.id)


def _past_post(ent: Span) -> Span | None:
    """``ent`` without the field of a delegate's post it opens with ("Director for" + "Asian
    Affairs", "Head of" + "Natural Resources, Administration of Khabarovsk Krai": the body
    after the comma), None where it is all post ("Programme Officer") or field."""
    doc = ent.doc
    if ent.label_ not in ORG_LABELS or (ent.ent_id_ and not ent.ent_id_.startswith("shape:")):
        return ent  # (a place is one wherever it stands: "the delegates of Heilongjiang")
    end = ent.end
    while end > ent.start and doc[end - 1].lower_ in ROLE_WORDS:
        end -= 1  # "Programme Officer": a post; "Primorsky Krai Administration Head": its body
    if end == ent.start or (end < ent.end and head_kind(doc[ent.start : end].text) is None):
        return None  # ("Natural Resources Economist": the post's field, no body's name)
    ent = _narrowed(ent, ent.start, end) if end < ent.end else ent
    # (the post before the span, or its first words: the model's "Head of External Relations,")
    after_post = (
        ent.start >= 2 and doc[ent.start - 1].lower_ in ("for", "of") and doc[ent.start - 2].lower_ in ROLE_WORDS
    ) or (_last_of_posts_fields(doc, ent.start) and head_kind(ent.text) is None)
    if after_post and doc[ent.start - 1].lower_ not in ("for", "of"):
        return None  # ("Minister of Family, Labour and" + "Social Protection": the last of the post's fields)
    start = (
        ent.start
        if after_post
        else next((token.i + 1 for token in ent[:3] if token.lower_ in ("for", "of")), ent.start)
    )
    if not (start >= 2 and doc[start - 1].lower_ in ("for", "of") and doc[start - 2].lower_ in ROLE_WORDS):
        return ent
    if start >= ent.end:
        return None
    comma = next((token.i for token in doc[start : ent.end] if token.text == ","), None)
    field = doc[start : comma if comma is not None else ent.end].text
    if head_kind(field) is not None:
        return ent  # "Director of" + "the Environment Agency": a body
    if comma is None or comma + 1 >= ent.end or head_kind(doc[comma + 1 : ent.end].text) != "organization":
        return None
    return _narrowed(ent, comma + 1, ent.end)


POST_FIELD_WORDS = 6  # "Minister of Family, Labour and Social Protection": the fields a post lists


def _last_of_posts_fields(doc: Doc, start: int) -> bool:
    """Whether a name at ``start`` comes after "and" that ends a list of a post's fields: "the
    Minister of Family, Labour and" + "Social Protection" (a field, no body's name)."""
    if start < 4 or doc[start - 1].lower_ not in ("and", "&"):
        return False
    index = start - 2
    while index > 0 and start - index <= POST_FIELD_WORDS and (doc[index].is_title or doc[index].text == ","):
        index -= 1
    return index > 0 and doc[index].lower_ in ("for", "of") and doc[index - 1].lower_ in ROLE_WORDS


def _labels_a_field(doc: Doc, index: int) -> bool:
    """Whether a word is a field's label, where fields run on in one line: "Source: Foreign
    Affairs Office of ... People's Government Date: 2011-10-08" (no word of the name before it)."""
    return index + 1 < len(doc) and doc[index + 1].text in (":", "：") and field_kind(doc[index].text) is not None


def _before_label(ent: Span) -> Span:
    """``ent`` without the field's label it ends with (``_labels_a_field``)."""
    if len(ent) > 1 and _labels_a_field(ent.doc, ent.end - 1):
        return _narrowed(ent, ent.start, ent.end - 1)
    return ent


def _after_date(ent: Span) -> Span:
    """``ent`` without the month it starts with after a day's number: "2 March Hwaam Cave" in a
    programme is the cave ("May Day Stadium" keeps its month)."""
    doc, start = ent.doc, ent.start
    # (the month perhaps abbreviated with a full stop: "26 Sep. Port of Nevelsk")
    if len(ent) > 1 and start > 0 and doc[start].lower_.rstrip(".") in MONTHS and doc[start - 1].like_num:
        return _narrowed(ent, start + 1, ent.end)
    return ent


ARTICLE_MODIFIERS = frozenset({"upper", "lower", "middle", "whole", "northern", "southern", "eastern", "western"})
RIVER_NOUNS = _RIVER_WORDS | frozenset({"delta", "basin", "estuary", "watershed", "valley", "gorge", "gorges"})


def _after_article(doc: Doc, tokens: range) -> bool:
    """Whether a name is a noun phrase of its own after "the", maybe with a word of position
    between ("the lower Katun"), and ends it: not a modifier ("the Shandong delegation", "the
    Obama Line"), though a river's common noun may follow ("the Ussuri rivers", "the Tumen delta")."""
    before, after = tokens.start - 1, tokens.stop
    if before >= 0 and doc[before].lower_ in ARTICLE_MODIFIERS:
        before -= 1
    if before < 0 or doc[before].lower_ != "the":
        return False
    return after >= len(doc) or not doc[after].is_alpha or doc[after].is_stop or doc[after].lower_ in RIVER_NOUNS


def _with_articles(doc: Doc, accepted: list[tuple[range, list[Mention]]]) -> list[tuple[range, list[Mention]]]:
    """Marks the one-word places a record writes after "the" (see ``Mention.after_article``)."""
    return [
        (tokens, [replace(found[0], after_article=True)])
        if len(found) == 1
        and (word := _one_word(doc, tokens)) is not None
        and found[0].kind == "place"
        and (found[0].entry is None or found[0].entry.type != "country")
        and (_after_article(doc, word) or _before_river_noun(doc, word))
        else (tokens, found)
        for tokens, found in accepted
    ]


def _before_river_noun(doc: Doc, word: range) -> bool:
    """Whether a name is a river's, its common noun after it: "the Amur and Tumen rivers"."""
    return word.stop < len(doc) and doc[word.stop].lower_ in _RIVER_WORDS


def _one_word(doc: Doc, tokens: range) -> range | None:
    """The one word of a name, where the span holds it alone or with a river's common noun after
    it ("the Amur basin": the model's span, the name "Amur")."""
    if len(tokens) == 1 or (len(tokens) == 2 and doc[tokens.stop - 1].lower_ in RIVER_NOUNS):
        return range(tokens.start, tokens.start + 1)
    return None


# Words before a bare name that make it the region of that name, not its city: a governor's
# title ("the Governor of Yamagata"), "by" before an actor of the association's work, as its
# members are ("proposed by Toyama", "hosted by Tottori"), and a subcommittee's coordinator,
# always a member region ("the coordinator (Toyama)", "coordinator Toyama"); the seat of a
# region's government ("the capital of Uvs").
REGION_CUES = frozenset(
    {("governor", "of"), ("governors", "of"), ("by",), ("coordinator",), ("coordinator", "("), ("capital", "of")}
)
# What a bare name owns as the region it names, a member of the association: "Tottori's report",
# "Niigata's delegation" (not "Busan's port", the city's).
REGION_POSSESSIONS = frozenset(
    {"report", "reports", "delegation", "delegates", "proposal", "presentation", "governor", "representative"}
)
# What may stand before a name that leads its line: spaces and the bullet markers of the texts.
_LINE_LEAD = " \t-–•·▷▶○◦*‣□■◆◇►→"


def _leads_a_report(doc: Doc, tokens: range) -> bool:
    """A name opening a line and followed by a colon heads a member's report: "- Kamchatka:
    salmon stocks of the Kamchatka River" is the region reporting, not the river."""
    if tokens.stop >= len(doc) or doc[tokens.stop].text != ":":
        return False
    line = doc.text[: doc[tokens.start].idx].rstrip(_LINE_LEAD)
    return not line or line.endswith("\n")


def _governed_regions(doc: Doc, accepted: list[tuple[range, list[Mention]]]) -> list[tuple[range, list[Mention]]]:
    """A bare name after a region cue (``REGION_CUES``), heading a member's report or owning one
    (``REGION_POSSESSIONS``) is the region, not the city or the river of its name."""
    result = []
    for tokens, found in accepted:
        before = tuple(token.lower_.removeprefix("vice-") for token in doc[max(0, tokens.start - 2) : tokens.start])
        after = tuple(token.lower_ for token in doc[tokens.stop : tokens.stop + 2])
        governed = (
            before in REGION_CUES
            or before[-1:] in REGION_CUES
            or _leads_a_report(doc, tokens)
            or (len(after) == 2 and after[0] in ("'s", "’s") and after[1] in REGION_POSSESSIONS)
        )
        result.append((tokens, [replace(mention, among_regions=True) for mention in found] if governed else found))
    return result


# What stands between a name and another name of the same thing: "Baota Mountain (宝塔山),
# known to visitors as Pagoda Hill", "the Hanging Temple (also called the Xuankong Temple)".
_ALSO_KNOWN_AS = re.compile(
    r"^,?\s*\(?\s*(?:(?:also|better|locally|formerly)\s+)?(?:known(?:\s+[\w']+){0,3}?\s+as|called)(?:\s+the)?$",
    re.IGNORECASE,
)


# A name's other name in brackets: "(formerly Uljin Nuclear Power Plant)", "(also Dali Nur)",
# "(also written Sakachi-Alyan)", or bare, "La Perouse Strait (Soya Strait)", where both are
# features of one sort
_OTHER_NAME_BRACKET = re.compile(
    r"^\(\s*(?:(?P<said>also\s+(?:written|spelt|spelled)|also|or|formerly|previously|now|a\.?k\.?a\.?)\s*)?(?:the)?$",
    re.IGNORECASE,
)


def _other_name_of(doc: Doc, end: int, named: Mention, tokens: range, found: list[Mention]) -> bool:
    """Whether the words from ``end`` to the proposal at ``tokens`` say it is ``named``'s other
    name: "also known as", or a bracket around it (``_OTHER_NAME_BRACKET``)."""
    between = doc[min(end, tokens.start) : tokens.start].text
    if _ALSO_KNOWN_AS.match(between):
        return True
    bracket = _OTHER_NAME_BRACKET.match(between)
    if bracket is None or tokens.stop >= len(doc) or doc[tokens.stop].text != ")":
        return False
    sort = feature_sort(named.text)
    # ("the Amur River (Heilongjiang)": the river's Chinese name, the province's too, its head glued to it)
    other_sort = feature_sort(found[0].text) or _province_feature_sort(found[0])
    return bool(bracket["said"]) or (named.kind == "place" and sort is not None and sort == other_sort)


def _also_known_as(doc: Doc, accepted: list[tuple[range, list[Mention]]]) -> list[tuple[range, list[Mention]]]:
    """A name "also known as" or "also called" another, or with its other name in brackets,
    is one thing: the one the gazetteer lacks is the other's (both known: each keeps its
    entry, "the East Sea" its own)."""
    result = list(accepted)
    for index, (tokens, found) in enumerate(accepted):
        if len(found) != 1:
            continue
        named, end = found[0], tokens.stop
        later = index + 1
        while later < len(accepted) and [m.same_as for m in accepted[later][1]] == [named.text]:
            end = accepted[later][0].stop + 1  # (past the native form and its closing bracket)
            later += 1
        # (the words between may hold a name of their own: "known in Russia as")
        candidates = [
            candidate
            for candidate in range(later, min(later + 2, len(accepted)))
            if len(accepted[candidate][1]) == 1 and _other_name_of(doc, end, named, *accepted[candidate])
        ]
        if not candidates:
            continue
        later = candidates[0]
        other_tokens, (other,) = accepted[later]
        if other.kind != named.kind and other.source == "model" and other.entry is None:
            # "Chinggis Khaan International Airport (formerly Buyant-Ukhaa)": the model's guess
            # of what the other name names yields to what the text says it is
            other = replace(other, kind=named.kind, label=named.label)
        if other.kind != named.kind:
            continue
        if other.entry is None and other.same_as is None:
            result[later] = other_tokens, [replace(other, same_as=named.text)]
        elif _region_named_as_feature(named, other):
            # "the Amur River (Heilongjiang)": the province's name in brackets is the river's
            result[later] = other_tokens, [replace(other, entry=named.entry, label=named.label, country=named.country)]
        elif named.entry is None and named.same_as is None and other.entry is not None:
            result[index] = tokens, [replace(named, same_as=other.text)]
    return result


def _province_feature_sort(mention: Mention) -> str | None:
    """The sort of feature the head glued to a province's name says it is (``glued_sort``: the
    Heilongjiang is the Amur); None for any other mention (a city's name in brackets says where,
    "Mount Geumjeong (Busan)")."""
    province = mention.entry is not None and mention.entry.type == "province"
    return glued_sort(mention.text) if province else None


def _region_named_as_feature(feature: Mention, other: Mention) -> bool:
    """Whether ``other``, a province the gazetteer knows, is in brackets after a natural feature
    the gazetteer knows as its other name (``_province_feature_sort``)."""
    return (
        feature.entry is not None and feature.entry.type == "geographic" and _province_feature_sort(other) is not None
    )


PERSON_NAME_WORDS = 3  # "Ms. Olga Ivanova", "Dr. Kim Dae Jung": the words a title governs


EVENT_NAME_WORDS = 4  # how far back an event's first word may be: "Expo 2012 Yeosu Korea"


def _in_event_name(doc: Doc, start: int) -> bool:
    """Whether the name at ``start`` follows a word that opens an event's name, perhaps with
    its year between ("typhoon Maemi", "Expo 2012 Yeosu Korea")."""
    listed = False  # (past an "and" or a comma, only a plural opens the names: "typhoons Maysak and Haishen")
    for before in range(start - 1, max(-1, start - 1 - EVENT_NAME_WORDS), -1):
        word = doc[before].lower_
        # (not a plural that ends its clause: "washed ashore after typhoons, and Jeollanam-do ...")
        opens_names = word in LEADING_EVENTS and doc[before + 1].lower_ not in ("and", ",")
        if opens_names or (not listed and word in LEADING_EVENT):
            return True
        if not listed and word in LEADING_EVENT_BEFORE_YEAR and doc[before + 1].like_num:
            return True
        if word in ("and", ","):
            listed = True
        elif not (doc[before].like_num or doc[before].is_title):
            return False
    return False


QUOTATION_MARKS = "\"'“”‘’«»「」『』"


def _guessed(ent: Span) -> bool:
    """Whether a span is the model's or a name shape's, not a name the gazetteer knows (which a
    title names too: 'a seminar on “Cooperation with the Northern Forum”')."""
    return not ent.ent_id_ or ent.ent_id_.startswith("shape:")


# Quotation marks that open and close a title: 'Forum “Green Industry and Smart Cities”'
TITLE_QUOTES = {"“": "”", '"': '"', "«": "»", "「": "」", "『": "』"}
# Words before a quoted title, besides an event's head: 'under the theme "..."'
TITLE_WORDS = frozenset({"theme", "title", "topic", "slogan", "motto"})
# ... and a talk's, whose title names no body but may name places ('Keynote "Food Security and
# Protected Horticulture in Northeast Asia"', 'Presentation "From coal to hydrogen in the Ordos Basin"')
TALK_WORDS = frozenset({"keynote", "lecture", "presentation", "speech", "address", "talk", "paper"})
_TITLE_REACH = 12  # how many words a quoted title holds at most, here
# The backlink mark that opens an entry of an encyclopedia's references, before the cited work's
# title: '6. ^ «Приморье приняло участие в заседании ...» (in Russian). PrimaMedia.'
REFERENCE_MARKS = frozenset({"^", "↑"})


def _titled_lead(ent: Span) -> int:
    """How many words before its quotation mark a span took of what introduces a title:
    'Keynote "Food Security ..."' (2: the model's span opens with the talk's word)."""
    return 2 if len(ent) > 2 and ent[0].lower_ in TITLE_WORDS | TALK_WORDS and ent[1].text in TITLE_QUOTES else 0


def _quotation_around(doc: Doc, start: int, end: int) -> int | None:
    """Where the quotation marks that ``doc[start:end]`` stands between open (not the doc's
    first token), within _TITLE_REACH words either side; None where it stands in none."""
    opening = next(
        (i for i in range(start - 1, max(-1, start - 1 - _TITLE_REACH), -1) if doc[i].text in TITLE_QUOTES), None
    )
    if opening is None or opening == 0:
        return None
    closing = TITLE_QUOTES[doc[opening].text]
    if not any(token.text == closing for token in doc[end : end + _TITLE_REACH]):
        return None
    if any(token.text == closing for token in doc[opening + 1 : start]):
        return None  # (the quotation closed before the name)
    return opening


def _in_quoted_title(doc: Doc, start: int, end: int, label: str) -> bool:
    """Whether ``doc[start:end]``, of ``label``, is inside a title in quotation marks after an
    event's head or a theme ('NEAR International Forum “Green Industry and Smart Cities”': no body
    "Smart Cities"), or a body's name in a talk's title."""
    opening = _quotation_around(doc, start, end)
    if opening is None or _after_of(doc, start):
        return False  # (a name in the title's "of" phrase is one: 'Session “Logistics of the Bohai Rim”')
    before = _title_lead(doc, opening)
    meeting = before in HEAD_WORDS["event"] - TALK_WORDS  # (a lecture is a talk: its title's places stay)
    return meeting or before in TITLE_WORDS or (label in ORG_LABELS and before in TALK_WORDS)


def _in_heading_in_capitals(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` is words of a line all in capitals, more than its own and at
    least CAPITALS_HEADING_WORDS: a title's or a heading's ("HANU, SMART FARMS AND RURAL TOURISM",
    "... IN RURAL REVITALIZATION AND AGRICULTURAL TRADE"), where words the model takes for a body
    without a body's head word are no name (a place there is one: "MEETING IN KHOROL")."""
    line_start, line_end = start, end
    while line_start > 0 and "\n" not in doc[line_start - 1].text:
        line_start -= 1
    while line_end < len(doc) and "\n" not in doc[line_end].text:
        line_end += 1
    # (words of scripts without capitals take no part: "... AGRICULTURAL TRADE 东北亚地区...")
    cased = [
        token.text for token in doc[line_start:line_end] if token.is_alpha and token.text.lower() != token.text.upper()
    ]
    return len(cased) > end - start and len(cased) >= CAPITALS_HEADING_WORDS and all(word.isupper() for word in cased)


def _in_cited_title(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` is inside the title of a work a reference list cites, in
    quotation marks after its backlink mark: a headline's names, even those the gazetteer knows,
    are no mentions of the record."""
    opening = _quotation_around(doc, start, end)
    return opening is not None and _title_lead(doc, opening) in REFERENCE_MARKS


# Words between a title's word and its quotation: 'the theme was "..."', 'the theme of "..."'
_TITLE_LINKS = frozenset({"was", "is", "of"})


def _title_lead(doc: Doc, opening: int) -> str:
    """The word that introduces the quotation opening at ``opening``, in lower case: the one
    before it (past a colon or comma and a line's end), or past a link ("was", "of") the title's
    word before that ('the theme was' / '"Cold-Region Technology and the Forests of ..."')."""
    words = [
        token for token in doc[max(0, opening - 5) : opening] if not token.is_space and token.text not in (":", ",")
    ]
    if not words:
        return ""
    if len(words) > 1 and words[-1].lower_ in _TITLE_LINKS and words[-2].lower_ in TITLE_WORDS:
        return words[-2].lower_
    return words[-1].lower_


def _after_of(doc: Doc, start: int) -> bool:
    before = start - 1 - (start > 0 and doc[start - 1].lower_ == "the")
    return before >= 0 and doc[before].lower_ == "of"


_DASHES = frozenset({"-", "–", "—"})


def _before_event_head(ent: Span) -> bool:
    """Whether a place the gazetteer knows opens an event's name: capitalised words after it
    (an "and" may join them) that no other name took, the last an event's head: "the Harbin
    Ice and Snow Festival", "the Khabarovsk Conference" (no place of their own, as in a
    declaration's name); not "Toyama Conference Hall", "the Zhangjiakou International
    Convention and Exhibition Center"."""
    if ent.label_ not in PLACE_LABELS or _guessed(ent):  # (a shape's or the model's: ``_model_mentions``)
        return False
    doc, last = ent.doc, None
    for index in range(ent.end, min(len(doc), ent.end + EVENT_NAME_WORDS + 1)):
        token = doc[index]
        if index == ent.end and YEAR_WORD.match(token.text):
            continue  # "the Tokyo 2020 Games": the event's year after its place
        if token.ent_type_ not in ("", "EVENT"):
            return False
        if token.is_title:
            last = token
        elif not (token.lower_ in ("and", "&") and last is not None):
            break
    if last is None or (last.i + 1 < len(doc) and doc[last.i + 1].is_title):
        return False
    # (the whole name's head: "Tottori Prefectural Assembly" is a legislature, no meeting)
    return last.lower_ in HEAD_WORDS["event"] and head_kind(doc[ent.start : last.i + 1].text) == "event"


def _shape_in_event(ent: Span) -> int | None:
    """Where the event's name a name shape is the start of ends, if it is one: an event's head
    right after a place's shape ("Great East Japan" + "Earthquake"), or after more capitalised
    words, an "and" maybe among them, after a shape of no body's head."""
    doc = ent.doc
    if not ent.ent_id_.startswith("shape:"):
        return None
    after = doc[ent.end] if ent.end < len(doc) else None
    if ent.label_ in PLACE_LABELS and after is not None and after.is_title and head_kind(after.text) == "event":
        return ent.end + 1
    # (a committee "and" a forum: "NEAR Arctic Subcommittee and Northern Sea Route Forum")
    return _event_name_after(doc, ent.end) if head_kind(ent.text) != "organization" else None


def _event_organizer(first: Token, gazetteer: Gazetteer) -> list[Mention]:
    """The body an event's name opens with by its acronym where it is one of PARENT_BODIES,
    named on its own ("NEAR Science Park and Technopark Forum" names NEAR)."""
    entry = gazetteer.lookup(first.text) if first.is_upper and is_acronym(first.text) else None
    if entry is None or entry.id not in PARENT_BODIES:
        return []
    return [_mention(first.text, gazetteer, "organization", "ORG", source="gazetteer")]


def _event_name_after(doc: Doc, end: int) -> int | None:
    """The end of an event's name that the capitalised words from ``end`` complete, an "and"
    maybe among them, the last an event's head ("Tourism Seminar", "and Technopark Forum",
    "Cargo and Logistics Forum"); None where they do not."""
    last, joined = None, False
    for token in doc[end : end + EVENT_NAME_WORDS + 1]:
        if token.is_title:
            last = token
        elif token.lower_ in ("and", "&") and (last is not None or token.i == end) and not joined:
            joined = True
        else:
            break
    if last is None or (last.i + 1 < len(doc) and doc[last.i + 1].is_title):
        return None
    if not joined and doc[end - 1].lower_ == "world" and doc[end].lower_ in WORLD_TAILS:
        return None  # "UNESCO World" + "Heritage List": the body's heritage (NOT_NAME_TAILS), no event
    return last.i + 1 if last.lower_ in HEAD_WORDS["event"] else None


def _dashed_into_event(doc: Doc, end: int) -> bool:
    """Whether a name is the first of names a dash joins into an event's ("the Great
    Hanshin–Awaji Earthquake": no place Great Hanshin)."""
    if doc[end - 1].text in _DASHES:  # (the model's span may take the dash: "the Great Hanshin–")
        dash = end - 1
    elif end < len(doc) and doc[end].text in _DASHES:
        dash = end
    else:
        return False
    if doc[dash - 1].whitespace_ or doc[dash].whitespace_:
        return False  # a spaced dash parts a title: "NEAR Subcommittee on Environment – Online Meeting"
    after = dash + 1
    for token in doc[after : after + EVENT_NAME_WORDS]:
        if token.lower_ in HEAD_WORDS["event"] and token.is_title:
            return True
        if not (token.is_title or token.text in _DASHES):
            return False
    return False


# A person's calling in lower case before the name ("the physician Sun Simiao", "the Tang poet Du
# Fu"), or after it, as a news article says what a person is ("Yuliya Nikolaeva, a student at ...",
# "Tsetsegmaa, 29, a herder from ...")
PERSON_NOUNS = frozenset(
    {
        "poet", "physician", "scholar", "monk", "painter", "writer", "philosopher", "explorer", "navigator",
        "admiral", "student", "herder", "farmer", "fisherman", "teacher", "doctor", "nurse", "volunteer",
        "resident", "mother", "father", "engineer", "worker", "miner", "nomad", "pupil", "graduate",
        "journalist", "reporter", "villager",
    }
)  # fmt: skip


# A person's town before "of": "the home town of Mencius", "the birthplace of Du Fu"
PERSONAL_TOWN_WORDS = frozenset({"home", "native"})
PERSONAL_TOWNS = frozenset({"hometown", "birthplace"})


def _after_a_persons_town(doc: Doc, start: int) -> bool:
    if start < 2 or doc[start - 1].lower_ != "of":
        return False
    town = doc[start - 2]
    return town.lower_ in PERSONAL_TOWNS or (
        town.lower_ in TOWN_OF_NOUNS and start >= 3 and doc[start - 3].lower_ in PERSONAL_TOWN_WORDS
    )


def _in_person_name(doc: Doc, start: int) -> bool:
    """Whether the name at ``start`` is part of a person's, after a title ("Ms. Olga Ivanova"),
    an office ("Governor Ishii": not the town of Ishii), a calling ("the poet Du Fu") or as
    a person's town's ("the home town of Mencius")."""
    if doc[start].lower_.rstrip(".") in HONORIFICS and start + 1 < len(doc) and doc[start + 1].text[:1].isupper():
        return True  # a span that takes the title too: "Ms PARK"
    if (start > 0 and doc[start - 1].is_lower and doc[start - 1].lower_ in PERSON_NOUNS) or _after_a_persons_town(
        doc, start
    ):
        return True
    for before in range(start - 1, max(-1, start - 1 - PERSON_NAME_WORDS), -1):
        word = doc[before].lower_.rstrip(".")
        if word in HONORIFICS or (word in ROLE_WORDS and doc[before].is_title):
            return True
        # (a family name in capitals, and the hyphen of a given name: "Mr. KIM Soo-yeon")
        if not (doc[before].is_title or (doc[before].is_upper and doc[before].is_alpha) or doc[before].text == "-"):
            return False
    return False


# A stretch of history after a name, or glued to it: "the Northern Wei period", "Yuan-dynasty murals"
PERIOD_WORDS = frozenset({"period", "dynasty", "dynasties", "era"})
# China's dynasties whose names are no place's, before a noun in lower case: "the Ming wall",
# "Qing tombs" (but "the Ming Tombs" is the site's name)
DYNASTY_NAMES = frozenset({"Ming", "Qing", "Tang", "Sui", "Yuan"})


def _names_a_period(doc: Doc, ent: Span) -> bool:
    after = doc[ent.end] if ent.end < len(doc) else None
    named = [token for token in ent if not token.is_lower]
    return (
        ent[-1].lower_ in PERIOD_WORDS
        or (after is not None and after.lower_ in PERIOD_WORDS)
        or (len(named) == 1 and named[0].text in DYNASTY_NAMES and ent[-1].is_lower)
    )


# A ruler's title after his name: "Chinggis Khaan" is no city Chinggis
RULER_TITLES = frozenset({"khaan", "khan", "khagan"})


# ... and before it: "the tomb of King Danjong" (not "King Sejong Institute", headed as a body)
ROYAL_TITLES = frozenset({"king", "queen", "emperor", "empress", "prince", "princess", "tsar", "tsarina"})


# A vessel's noun before a name: the ship's name, though a town's too ("the Russian tanker
# “Nakhodka”", "the exchange ship Shimane")
VESSEL_NOUNS = frozenset(
    {"tanker", "ship", "vessel", "icebreaker", "freighter", "liner", "trawler", "steamer", "frigate", "schooner"}
)


def _ship_named(doc: Doc, start: int) -> bool:
    before = start - 1
    if before >= 0 and doc[before].text in QUOTATION_MARKS:
        before -= 1
    return before >= 0 and doc[before].lower_ in VESSEL_NOUNS


def _titled_person(ent: Span) -> bool:
    """A span led by a person's title is the person: "Dr Park" (a shape's "Park" as a facility's head)."""
    return len(ent) > 1 and ent[0].lower_.rstrip(".") in HONORIFICS and ent[1].is_title


def _royal_person(ent: Span) -> bool:
    return len(ent) > 1 and ent[0].is_title and ent[0].lower_ in ROYAL_TITLES and head_kind(ent.text) is None


def _before_ruler_title(doc: Doc, end: int) -> bool:
    """Whether a name ends right before a ruler's title that ends a person's name ("the birthplace
    of Chinggis Khaan"; "Chinggis Khaan International Airport" goes on)."""
    if end >= len(doc) or doc[end].lower_ not in RULER_TITLES or not doc[end].is_title:
        return False
    return end + 1 >= len(doc) or not doc[end + 1].is_title


def _after_initials(doc: Doc, start: int) -> bool:
    """Whether a one-word name follows a person's initials: "O. A. Belova", "V. P. Kuzmin"."""
    return start > 0 and bool(re.fullmatch(r"[A-ZА-Я]\.", doc[start - 1].text))


# Words of a person's name after the one the model spanned: "Yamada" + "Kenji", "Kim" + "Soo-jin"
PERSON_NAME_WORDS_AFTER = 2


def _named_before_post(doc: Doc, start: int, end: int) -> bool:
    """Whether a span is (a part of) a person's name in a delegation's list, the name's other
    words and then the post after a comma or a bar: "Yamada Kenji | Senior Officer, Tottori
    Prefectural Government", "Kim Soo-jin, Director, Education Cooperation Division"."""
    index, words = end, 0
    while index < len(doc) and words < PERSON_NAME_WORDS_AFTER and (doc[index].is_title or doc[index].text == "-"):
        words += doc[index].text != "-"
        index += 1
        if doc[index - 1].text == "-" and index < len(doc) and doc[index].is_alpha:
            index += 1  # "Soo" + "-jin": a given name's second syllable
    # (a name of more than one word: one place's name alone before a post is where the post is)
    words += end - start - 1 + (start > 0 and doc[start - 1].is_title and doc[start - 1].is_alpha)
    if index >= len(doc) or doc[index].text not in (",", "|") or len(doc[start:index]) > 4 or not words:
        return False
    post = index + 1
    while post < len(doc) and (doc[post].lower_ in POST_MODIFIERS or doc[post].text == "-"):
        post += 1
    return post < len(doc) and doc[post].lower_ in ROLE_WORDS and doc[post].is_title


_APPOSED_AGE = re.compile(r"\d{1,3}")


def _apposed_person(doc: Doc, ent: Span) -> bool:
    """A name the model guessed, followed by what a person is: ", a student at", ", 29, a herder"."""
    index = ent.end
    if index + 1 < len(doc) and doc[index].text == "," and _APPOSED_AGE.fullmatch(doc[index + 1].text):
        index += 2  # (the age)
    if index + 2 >= len(doc) or doc[index].text != "," or doc[index + 1].lower_ not in ("a", "an"):
        return False
    noun = index + 2
    while noun < len(doc) - 1 and doc[noun].is_lower and doc[noun].lower_ not in PERSON_NOUNS and noun - index < 4:
        noun += 1  # ("a young herder", "a second-year student")
    return doc[noun].lower_ in PERSON_NOUNS


def _initialled_person(ent: Span, gazetteer: Gazetteer) -> bool:
    """A person's initial and surname the model took for a name ("From: T. Sato"), not a
    place written short ("S. Korea", "N. Gyeongsang")."""
    if not 2 <= len(ent) <= 3:
        return False
    rest = ent[1:].text
    return (
        bool(re.fullmatch(r"[A-Z]\.", ent[0].text))
        and 1 <= len(ent) - 1 <= 2
        and all(token.is_title and token.is_alpha for token in ent[1:])
        and gazetteer.lookup(rest) is None
        and country_code(rest) is None
    )


# What joins two places of one kind: "in Toyama and in Busan", "between Niigata and Dalian",
# "from Hunchun via Zarubino to Niigata".
_PLACE_JOINERS = frozenset({"and", "&", ",", "/", "to", "or", "-", "–", "—", "in", "between", "from", "via"})


def _cities_among_cities(
    doc: Doc, accepted: list[tuple[range, list[Mention]]], gazetteer: Gazetteer
) -> list[tuple[range, list[Mention]]]:
    """A bare name of a region that is also its city's name ("Toyama") is the region when a
    chain of places it is joined in holds a region that is no city ("the border with
    Heilongjiang and Jilin", "Toyama / Shimane / Yamagata"), as is a region's that is also
    its island's ("speakers from Hyogo, Sakhalin and Heilongjiang"); else the city when the
    chain holds a city: "offices in Toyama and in Busan"."""

    def is_city(found: list[Mention]) -> bool:
        """A city, or a region that is one ("Ulaanbaatar", "Vladivostok and Busan")."""
        entry = found[0].entry if len(found) == 1 else None
        return entry is not None and (entry.id.startswith("city:") or entry.type in CITY_REGION_TYPES)

    def is_region(found: list[Mention]) -> bool:
        """A region that is no city too (not "Seoul", nor "Irkutsk" of Irkutsk Oblast)."""
        return (
            len(found) == 1
            and found[0].entry is not None
            and _REGION_ID.match(found[0].entry.id) is not None
            and gazetteer.city_named(found[0].text) is None
            and not found[0].entry.name.endswith(" City")
        )

    result = list(accepted)
    for index, (tokens, found) in enumerate(accepted):
        mention = found[0] if len(found) == 1 else None
        if mention is None or mention.entry is None or mention.entry.id.startswith("city:"):
            continue
        city = gazetteer.city_named(mention.text)
        if city is None and _island_named(mention.text, gazetteer) is None:
            continue
        joined = [other for _, other in _joined_chain(doc, accepted, index)]
        if any(is_region(other) for other in joined):
            result[index] = (tokens, [replace(mention, among_regions=True)])
        elif city is not None and any(is_city(other) for other in joined):
            result[index] = (tokens, [Mention(mention.text, city.kind, city.label, city, city.country, "rules")])
    return result


def _joined_chain(
    doc: Doc, accepted: list[tuple[range, list[Mention]]], index: int
) -> list[tuple[range, list[Mention]]]:
    """The proposals joined to the one at ``index``: its neighbours with ``_PLACE_JOINERS``
    between, and beyond them the list they go on in ("Chungcheongnam-do / Busan / Jeju"), not
    where a place is: "Kyoto and Nara, Gyeongju in Gyeongsangbuk-do" lists three towns."""

    def joins(left: range, right: range, joiners: frozenset[str]) -> bool:
        gap = doc[left.stop : right.start]
        return len(gap) <= 3 and all(token.lower_ in joiners for token in gap)

    chain = []
    for step in (-1, 1):
        current, joiners = index, _PLACE_JOINERS
        while 0 <= current + step < len(accepted):
            near, far = accepted[current][0], accepted[current + step][0]
            if not (joins(far, near, joiners) if step < 0 else joins(near, far, joiners)):
                break
            current, joiners = current + step, _CHAIN_JOINERS
            chain.append(accepted[current])
    return chain


_LIST_JOINERS = frozenset({"&", "and", ","})
_CHAIN_JOINERS = _LIST_JOINERS | {"/", "or"}  # (a list of places beyond a place's neighbours)
# Regions that are cities ("Ulaanbaatar", "Busan Metropolitan City", "Beijing Municipality")
CITY_REGION_TYPES = frozenset({"capital city", "special city", "metropolitan city", "municipality", "federal city"})


COORDINATED_NAME_WORDS = 3  # "Mount Tai & Qufu": the words of an untagged name joined to a place


def _free_name_end(doc: Doc, start: int, taken: set[int], longest: int) -> int | None:
    """The end of the capitalised name of at most ``longest`` words at ``start`` that no accepted
    proposal holds and that no such word goes on from; None where there is none."""
    stop = start
    while stop < len(doc) and stop not in taken and _starts_name(doc[stop]) and stop - start < longest:
        stop += 1
    if stop == start or (stop < len(doc) and (stop in taken or _starts_name(doc[stop]))):
        return None
    return stop


def _coordinated_place(
    doc: Doc, tokens: range, found: list[Mention], taken: set[int]
) -> tuple[range, list[Mention]] | None:
    """'Mount Tai & Qufu': an untagged capitalised name of at most three words,
    joined by '&' or 'and' to a place, is a place too; so is one between two names of a
    list that opens with a place ("Wajima, Suzu and Nanao"), and one between two bodies a body."""
    joiner = tokens.stop
    if len(found) != 1 or joiner + 1 >= len(doc) or doc[joiner].text not in _LIST_JOINERS:
        return None
    # "the Onon and the Ulz": natural features, both after their article
    feature_after_article = tokens.start > 0 and doc[tokens.start - 1].lower_ == "the" and found[0].label == "LOC"
    articled = (
        doc[joiner].text != "," and joiner + 2 < len(doc) and doc[joiner + 1].lower_ == "the" and feature_after_article
    )
    start = joiner + 1 + articled
    if (stop := _free_name_end(doc, start, taken, COORDINATED_NAME_WORDS)) is None:
        return None
    noun_follows = stop < len(doc) and (doc[stop].text in _POSSESSIVES or not (doc[stop].is_stop or doc[stop].is_punct))
    if articled and noun_follows:
        return None  # ("the Oriental storks", "the Old Believers' villages": words of a noun's)
    listed = stop + 1 < len(doc) and doc[stop].text in _LIST_JOINERS and stop + 1 in taken
    if doc[joiner].text == "," and not listed:
        return None
    # (a body's name, only between two bodies named as such: "the Shenhua Group, Raspadskaya and Erdenes MGL")
    if found[0].kind != "place" and not (listed and _named_body(found[0]) and _known_body(doc[stop + 1])):
        return None
    name = doc[start:stop].text
    if not is_name(name) or doc[start].lower_.rstrip(".") in ROLE_WORDS | HONORIFICS:  # "and Mayor Mori"
        return None
    if head_kind(name) == "event":  # "Summer Olympic Games in Tokyo and Winter Olympic Games in Beijing"
        return None
    if is_acronym(name):  # "thank Gangwon-do and POCOG": an acronym no proposal took is a body's, if anything
        return None
    if _TOPIC_NOUN.search(name):  # "Expert Meeting on Lake Baikal and Transboundary Nature Conservation"
        return None
    taken.update(range(start, stop))
    return range(start, stop), [Mention(name, found[0].kind, found[0].label, None, found[0].country, "rules")]


# A topic's last word, no place's: "Transboundary Nature Conservation", "Regional Development"
_TOPIC_NOUN = re.compile(r"(?:tion|sion|ment)$")


# Plural nouns after names joined by "and" that make each of them one: "the Nishiaraya and Miyasaka
# districts", "the Dashidaira and Unazuki dams"
SHARED_PLURAL_NOUNS = LISTED_FEATURE_NOUNS | {"districts", "counties", "soums", "dams", "bridges", "ports"}


def _coordinated_before(
    doc: Doc, tokens: range, found: list[Mention], taken: set[int]
) -> tuple[range, list[Mention]] | None:
    """An untagged capitalised name of at most three words after "the", joined by "and" to a
    place whose plural noun follows: that noun's too ("the Nishiaraya and Miyasaka districts")."""
    joiner = tokens.start - 1
    plural = tokens.stop < len(doc) and doc[tokens.stop].text in SHARED_PLURAL_NOUNS
    if len(found) != 1 or found[0].kind != "place" or not plural or joiner < 2 or doc[joiner].lower_ != "and":
        return None
    start = joiner
    while (
        start > 0
        and start - 1 not in taken
        and _starts_name(doc[start - 1])
        and joiner - start < COORDINATED_NAME_WORDS
    ):
        start -= 1
    if start == joiner or doc[start - 1].lower_ != "the" or not is_name(name := doc[start:joiner].text):
        return None
    taken.update(range(start, joiner))
    return range(start, joiner), [Mention(name, "place", found[0].label, None, found[0].country, "rules")]


def _named_body(mention: Mention) -> bool:
    """A body the gazetteer knows, or one its head word names."""
    return mention.kind == "organization" and (mention.entry is not None or head_kind(mention.text) == "organization")


def _known_body(token: Token) -> bool:
    """Whether ``token`` opens a body the gazetteer or a name shape found (not the model's guess)."""
    return token.ent_type_ in ORG_LABELS and bool(token.ent_id_)


def _untagged_route_end(
    doc: Doc, tokens: range, found: list[Mention], taken: set[int]
) -> tuple[range, list[Mention]] | None:
    """ "from Choibalsan to Sumber": an untagged capitalised name of at most two words after a
    known place, its "from" before it and "to" after it, is where the route ends: a place."""
    if (
        len(found) != 1
        or found[0].kind != "place"
        or found[0].entry is None
        or tokens.start == 0
        or doc[tokens.start - 1].lower_ != "from"
        or tokens.stop + 1 >= len(doc)
        or doc[tokens.stop].lower_ != "to"
    ):
        return None
    start = tokens.stop + 1
    if (stop := _free_name_end(doc, start, taken, TOWN_NAME_WORDS)) is None:
        return None
    name = doc[start:stop].text
    # (a name the model took for a person's is free: "to Sumber")
    if (
        not is_name(name)
        or head_kind(name) is not None
        or doc[start].ent_type_ in PLACE_LABELS | ORG_LABELS
        or _inside_quotes(doc, start)  # ('"From Akademgorodok to Daedeok: ..."', a talk's title)
    ):
        return None
    taken.update(range(start, stop))
    return range(start, stop), [Mention(name, "place", "GPE", None, found[0].country, "rules")]


def _inside_quotes(doc: Doc, start: int) -> bool:
    """Whether an odd number of quotation marks stands before ``start`` on its line."""
    marks = 0
    for token in reversed(doc[:start]):
        if "\n" in token.text_with_ws:
            break
        marks += token.text in QUOTATION_MARKS
    return marks % 2 == 1


OTHER_NAME_WORDS = 3  # "the Yellow River (Hwang Ho)": a feature's other name, alone in its brackets


def _feature_other_name(
    doc: Doc, tokens: range, found: list[Mention], taken: set[int]
) -> tuple[range, list[Mention]] | None:
    """ "the Yellow River (Hwang Ho)", "the Yangtze River (Chang Jiang)": an untagged name of
    at most three capitalised words alone in brackets after a natural feature named by its
    head word is the feature's other name (a city or a body may have its country, its role
    or its host in brackets; a river or a lake has only another name). So is such a name
    before the place's own-script form in its brackets, after any place: "Bayan Obo
    (Baiyun'ebo, 白云鄂博)", the town's name in Chinese and its romanisation."""
    opening = tokens.stop
    if len(found) != 1 or found[0].kind != "place" or opening >= len(doc) or doc[opening].text != "(":
        return None
    start = stop = opening + 1
    # (capitalised, not an acronym; "Baiyun'ebo" is no title to Python, its apostrophe a word's end)
    while (
        stop < len(doc)
        and stop not in taken
        and doc[stop].text[:1].isupper()
        and not doc[stop].is_upper
        and stop - start < OTHER_NAME_WORDS
    ):
        stop += 1
    if stop == start or stop >= len(doc):
        return None
    alone = doc[stop].text == ")" and head_kind(found[0].text) == "natural"
    if not (alone or _before_own_script(doc, stop)):
        return None
    name = doc[start:stop].text
    if not is_name(name) or head_kind(name) not in (None, "natural"):
        return None
    taken.update(range(start, stop))
    named = found[0]
    return range(start, stop), [Mention(name, "place", named.label, None, named.country, "rules", same_as=named.text)]


def _before_own_script(doc: Doc, comma: int) -> bool:
    """Whether a comma at ``comma`` is followed by words in another script alone up to the
    bracket's close: "(Baiyun'ebo, 白云鄂博)"."""
    if doc[comma].text != ",":
        return False
    close = next((index for index in range(comma + 1, min(comma + 6, len(doc))) if doc[index].text == ")"), None)
    return close is not None and other_script_only(doc[comma + 1 : close].text)


# --- merging ----------------------------------------------------------------------


_REGION_ID = re.compile(r"^[A-Z]{2}-\w+$")  # an ISO 3166-2 code
# How a record names the river or lake a region is named after: "Amur" -> "Amur River".
_NATURAL_FORMS = ("{} River", "{} river", "Lake {}", "{} Lake", "{} Gol")
FEATURE_HEAD_WORDS = 2  # "Katunsky Nature Reserve": the words after a bare name that make its feature
NATIONAL_RESERVE = ["national", "nature", "reserve"]  # (three, and no others: "Lake Khanka" is no stem)
# Heads of the features a record also names by the bare name ("the Argun", "Belukha"): not a
# bay's, a port's or an island's, whose bare name is their town's ("Obama", "Sacheon").
BARE_NAMED_HEADS = frozenset(
    {
        "river",
        "lake",
        "gol",
        "nuur",
        "mountain",
        "mountains",
        "range",
        "ridge",
        "massif",
        "reserve",
        "zapovednik",
        "island",
        "desert",  # "the Tengger" beside "Tengger Desert"
        "cosmodrome",  # (a facility known by its bare name: "Vostochny" is the cosmodrome)
        "railway",  # "the Trans-Siberian" beside "Trans-Siberian Railway"
    }
)
BARE_NAMED_LEADS = frozenset({"mount", "mt", "lake", "река", "озеро", "гора"})


def _natural_named(name: str, by_text: dict[str, Mention]) -> Mention | None:
    """The river or lake the record names after ``name`` ("Amur" -> "Amur River")."""
    return next((by_text[form.format(name)] for form in _NATURAL_FORMS if form.format(name) in by_text), None)


def _features_by_stem(mentions: list[Mention]) -> dict[str, Mention]:
    """The record's natural features of BARE_NAMED_HEADS by their names without the head word:
    "Sikhote-Alin" for "Sikhote-Alin Range", "Belukha" for "Mount Belukha", "Katunsky" for
    "Katunsky Nature Reserve"."""
    features: dict[str, Mention] = {}
    for mention in mentions:
        words = mention.text.split()
        if mention.kind != "place" or len(words) < 2:
            continue
        if words[0].lower().rstrip(".") in BARE_NAMED_LEADS:
            features.setdefault(" ".join(words[1:]), mention)
        elif words[-1].lower() in BARE_NAMED_HEADS:
            for size in range(1, min(FEATURE_HEAD_WORDS, len(words) - 1) + 1):
                features.setdefault(" ".join(words[:-size]), mention)
            if len(words) > len(NATIONAL_RESERVE) and [word.lower() for word in words[-3:]] == NATIONAL_RESERVE:
                features.setdefault(" ".join(words[:-3]), mention)  # "Momoge" of "Momoge National Nature Reserve"
    return features


def _feature_of_name(name: str, gazetteer: Gazetteer) -> Entry | None:
    """The river or lake the gazetteer knows by ``name`` ("Amur" -> the Amur River)."""
    found = (gazetteer.lookup(form.format(name)) for form in _NATURAL_FORMS)
    return next((entry for entry in found if entry is not None and entry.type == "geographic"), None)


def _island_named(name: str, gazetteer: Gazetteer) -> Entry | None:
    """The island the gazetteer knows by ``name`` and its head ("Sakhalin" -> Sakhalin Island)."""
    island = gazetteer.lookup(f"{name} Island")
    return island if island is not None and island.type == "geographic" and island.name == f"{name} Island" else None


def _as_feature(text: str, natural: Mention) -> Mention:
    """A bare name as the river or lake it names: its entry, else the same name as its mention."""
    same_as = None if natural.entry else natural.text
    return Mention(text, "place", natural.label, natural.entry, natural.country, "rules", same_as)


def _namesakes_as_listed(mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A region named in the prose as another country's namesake is the region the record's
    participants list of that name: "Kangwon Province" is the DPR Korea's in the gazetteer,
    but in a record whose list has the Republic of Korea's "Kangwon-do", and not the DPR
    Korea's province, it is that one (``_namesake_in``)."""
    listed = {mention.entry.id: mention.entry for mention in mentions if mention.from_structure and mention.entry}
    countries = {entry.country for entry in listed.values() if entry.country}
    result = []
    for mention in mentions:
        entry = mention.entry
        if entry is not None and not mention.from_structure and entry.id not in listed and _REGION_ID.match(entry.id):
            namesake = next(
                (
                    found
                    for country in sorted(countries - {entry.country})
                    if (found := _namesake_in(country, mention.text, gazetteer)) is not None and found.id in listed
                ),
                None,
            )
            if namesake is not None:
                mention = replace(mention, entry=namesake, label=namesake.label, country=namesake.country)
        result.append(mention)
    return result


def _bare_region_names(mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A region's bare name in the prose ("Toyama", "Amur") of a record that also names the
    region in full ("Toyama Prefecture", "Amur Oblast") is another thing of that name: the
    city the gazetteer knows, else the river or lake the record names ("Amur River"), else the
    island the gazetteer knows by the name ("Sakhalin Island"), else, for a region that is a
    city ("Busan Metropolitan City"), a city of its own; also where the
    record names that city in full too ("Aomori City"). After a governor's title or "by" it
    stays the region (``Mention.among_regions``). A bare name beside a feature the record
    names in full ("Belukha", "the Argun") is that feature (``_features_by_stem``)."""
    forms: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.entry is not None:
            forms.setdefault(mention.entry.id, set()).add(mention.text)
    by_text = {mention.text: mention for mention in mentions}
    features = _features_by_stem(mentions)
    result = []
    for mention in mentions:
        entry = mention.entry
        feature = features.get(mention.text) or (_natural_named(mention.text, by_text) if entry is None else None)
        if (
            feature is not None
            and not mention.from_structure
            and not mention.same_as
            and (
                mention.after_article
                or entry is None
                or (entry.type == "town" and head_kind(feature.text) == "facility")
            )
            and head_kind(mention.text) != "natural"  # "Uvs Nuur" is no stem of "Uvs Nuur Basin"
        ):
            # "Tuul" beside "Tuul River" is the river, whatever the model thought it was; and
            # "the Argun" beside "Argun River" is the river, though a town has the name too; and
            # "Vostochny" beside "Vostochny Cosmodrome" is the cosmodrome, not one of the small
            # towns of that name (but "Raohe" beside "Raohe Nature Reserve" is the town)
            result.append(_as_feature(mention.text, feature))
            continue
        if entry is None:
            result.append(mention)
            continue
        if mention.after_article and not mention.from_structure and _REGION_ID.match(entry.id):
            # "over the Amur", "the Amur basin": a region is never written after "the", the
            # river or lake the gazetteer knows by its name is
            natural_entry = _feature_of_name(mention.text, gazetteer)
            if natural_entry is not None:
                result.append(Mention(mention.text, "place", natural_entry.label, natural_entry, None, "rules"))
                continue
        if (
            mention.from_structure
            or mention.among_regions
            or not _REGION_ID.match(entry.id)
            or not _bare_beside_full(mention.text, entry, forms[entry.id])
        ):
            result.append(mention)
            continue
        city = gazetteer.city_named(mention.text)
        natural = _natural_named(mention.text, by_text)
        if city is not None:
            result.append(Mention(mention.text, city.kind, city.label, city, city.country, "rules"))
        elif natural is not None:
            result.append(_as_feature(mention.text, natural))
        elif (island := _island_named(mention.text, gazetteer)) is not None:
            # "Sakhalin" beside "Sakhalin Oblast": the island the region is named after
            result.append(Mention(mention.text, "place", island.label, island, island.country, "rules"))
        elif entry.name.endswith(" City"):
            # "Busan" beside "Busan Metropolitan City": the city, one whatever its spelling ("Pusan")
            city = _city_of_metropolis(entry)
            result.append(Mention(mention.text, "place", "GPE", city, entry.country, "rules"))
        else:
            result.append(mention)
    return result


def _city_of_metropolis(region: Entry) -> Entry:
    """The city a metropolitan region is ("Busan" of "Busan Metropolitan City"), under an id of
    the gazetteer's cities' shape, named by the region's own bare name."""
    name = next((alias for alias in region.aliases if region.name.startswith(f"{alias} ")), region.name)
    return Entry(
        id=f"city:{region.country_code}:{name.lower().replace(' ', '-')}",
        name=name,
        kind="place",
        label="GPE",
        type="city",
        country=region.country,
        country_code=region.country_code,
        code=None,
        aliases=(name,),
    )


def _extended(name: str, names: Iterable[str]) -> bool:
    """Whether one of ``names`` is ``name`` with more words after it ("Toyama" in "Toyama Prefecture")."""
    return any(other.startswith(f"{name} ") for other in names)


def _bare_beside_full(text: str, entry: Entry, forms: set[str]) -> bool:
    """Whether ``text`` is a bare name of ``entry`` in a record that also names it in full
    ("Toyama" beside "Toyama Prefecture"; "Busan" beside "Pusan Metropolitan City", its full name
    in the older spelling): a bare name is one the gazetteer also has with more words after it."""
    if _extended(text, forms):
        return True
    bare = _bare_aliases(entry.aliases)
    return text in bare and any(_extended(alias, forms) for alias in bare)


@cache
def _bare_aliases(aliases: tuple[str, ...]) -> frozenset[str]:
    """The aliases that another alias has with more words after it (a gazetteer's entry's: fixed)."""
    return frozenset(alias for alias in aliases if _extended(alias, aliases))


def _acronyms_as_defined(mentions: list[Mention]) -> list[Mention]:
    """An acronym the record defines ("the World Tourism Organization (WTO)") names that body
    wherever the record writes it, though the gazetteer knows the acronym as another's (the
    World Trade Organization)."""
    defined = {
        mention.text: mention
        for mention in mentions
        if mention.same_as is not None and is_acronym_word(mention.text) and mention.kind == "organization"
    }
    result = []
    for mention in mentions:
        definition = defined.get(mention.text)
        if (
            definition is not None
            and mention.same_as is None
            and mention.entry is not None
            and mention.entry != definition.entry
            and not mention.from_structure
        ):
            mention = replace(mention, entry=definition.entry, same_as=definition.same_as)
        result.append(mention)
    return result


def _towns_named_in_full(mentions: list[Mention]) -> list[Mention]:
    """A town's bare name in a record that names a town of that name in full ("Yanggu" beside
    "Yanggu County") is that town, though the gazetteer has another of the name (a Yanggu in
    Shandong)."""
    in_full = {
        stem: mention.entry
        for mention in mentions
        if mention.entry is not None
        and mention.entry.id.startswith("city:")
        and (stem := _PLACE_AFFIXES.sub("", mention.text)) != mention.text
    }
    result = []
    for mention in mentions:
        town = in_full.get(mention.text)
        if (
            town is not None
            and mention.entry is not None
            and mention.entry.id.startswith("city:")
            and mention.entry.id != town.id
            and not mention.from_structure
        ):
            mention = replace(mention, entry=town, label=town.label, country=town.country)
        result.append(mention)
    return result


SOURCE_ORDER: tuple[EntitySource, ...] = ("structure", "gazetteer", "model", "rules")


_NEAR_PREFIX = re.compile(r"^(?:the\s+)?NEAR\s+(?=\S)")


# "PyeongChang County" is PyeongChang, "Wando-gun" Wando, "Yamakoshi Village" Yamakoshi, "City of
# Blagoveshchensk" Blagoveshchensk (the city), "Baganuur District" Baganuur, "Sakyo Ward" and
# "Sakyo-ku" (a ward of Kyoto) Sakyo
# (a Korean "Special City" is a city of over a million people: "Yongin Special City"; a "New Town"
# the town built beside an old one and named after it: "Naepo New Town")
_PLACE_AFFIXES = re.compile(
    r"\s+(?:County|(?:New\s+)?Town|Township|District|Village|(?:Special\s+)?City|Ward|Gun|Soum|Sum|soum|sum)$"
    r"|-(?:gun|shi|si|cho|machi|mura|son|ku)$"
    r"|^City\s+of\s+(?=[A-Z])"
)
_FIELD_FIRST = re.compile(
    r"^(?P<fields>.+?)\s+(?P<body>Subcommittee|Sub-committee|Working Group|Committee)$", re.IGNORECASE
)
_REGION_BODY = re.compile(r"^(?P<region>[^,]+),\s*(?P<body>[^,]+)$")
# A region's adjective before its body, and the region's noun: "Henan Provincial People's
# Government" is the "People's Government of Henan Province".
REGION_ADJECTIVES = {"provincial": "Province", "prefectural": "Prefecture", "regional": "Region"}
_ADJECTIVE_BODY = re.compile(
    r"^(?P<region>.+?)\s+(?P<adjective>" + "|".join(REGION_ADJECTIVES) + r")\s+(?P<body>.+)$", re.IGNORECASE
)
# A unit of a region's government is the region's unit: the "Foreign Affairs Office of Shandong
# Provincial People's Government" is the "Shandong Provincial Foreign Affairs Office"
_UNIT_OF_REGIONAL_GOVERNMENT = re.compile(
    r"^(?P<body>.+?)\s+of\s+(?:the\s+)?(?P<region>.+?)\s+(?P<adjective>"
    + "|".join(REGION_ADJECTIVES)
    + r")\s+(?:People['’]s\s+)?Government$",
    re.IGNORECASE,
)
# "Sakhalin Oblast Government" is the "Government of Sakhalin Oblast" (and "Daegu Metropolitan City
# Government" of "Daegu Metropolitan City, Government")
_REGION_THEN_BODY = re.compile(
    r"^(?P<region>.+\s(?:Oblast|Krai|Province|Prefecture|Region|Territory|Republic|Okrug|Aimag|City|County)|\S+-do)\s+"
    r"(?P<body>Government|Administration|Governor['’]s Office)$"
)


def _name_key(name: str, gazetteer: Gazetteer) -> str:
    """One key for the spellings of a name the gazetteer lacks: case, spacing, articles, a
    leading "NEAR" aside ("NEAR Disaster Prevention Subcommittee" is the Subcommittee) and
    a region's body written after it ("Jewish Autonomous Oblast, Government" is the
    Government of the Jewish Autonomous Oblast), and a country's department named with its
    country (the department)."""
    name = _NEAR_PREFIX.sub("", name)
    # (a unit named after a feature stays the unit: "Ugii Nuur Sum" is no lake "Ugii Nuur")
    if head_kind(bare := _PLACE_AFFIXES.sub("", name)) != "natural":
        name = bare
    if department := department_of_country(name):  # an acronym's "... Agency of Korea (NEMA)": the agency
        name = department[0]
    if fields := _FIELD_FIRST.match(name):  # "Energy Subcommittee" is the "Subcommittee on Energy"
        name = f"{fields['body']} on {fields['fields']}"
    if unit := _UNIT_OF_REGIONAL_GOVERNMENT.match(name):
        name = f"{unit['region']} {unit['adjective']} {unit['body']}"  # (read as one below)
    region_body = _REGION_BODY.match(name)
    # (and a region's department: "Heilongjiang Province, Department of Agriculture and Rural
    # Affairs" is the "Department of Agriculture and Rural Affairs of Heilongjiang Province")
    if region_body and (
        _generic(region_body["body"])
        or (_office_of(region_body["region"], region_body["body"]) and " of " in region_body["body"])
    ):
        name = f"{region_body['body']} of {region_body['region']}"
    if adjective_body := _ADJECTIVE_BODY.match(name):
        noun = REGION_ADJECTIVES[adjective_body["adjective"].lower()]
        name = f"{adjective_body['body']} of {adjective_body['region']} {noun}"
    elif region_then_body := _REGION_THEN_BODY.match(name):
        name = f"{region_then_body['body']} of {region_then_body['region']}"
    # "Prefectural Government of Yamagata Prefecture" and "Provincial Government of Kyongsangnam-do"
    # (from "Kyongsangnam-do, Provincial Government") are the Government of the region
    for adjective, noun in REGION_ADJECTIVES.items():
        if name.lower().startswith(f"{adjective} ") and " of " in name:
            name = name[len(adjective) + 1 :]
            name = name if name.endswith(f" {noun}") else f"{name} {noun}"
    # a region's body by the region's one name: "Chungnam Provincial Government" is the Government
    # of Chungcheongnam-do, as "Chungcheongnam-do Provincial Government" is
    body, of, region = name.rpartition(" of ")
    if of and (entry := gazetteer.lookup(region)) is not None and _REGION_ID.match(entry.id):
        name = f"{body} of {entry.name}"
    return f"name:{feature_key(re.sub(r' of the ', ' of ', alias_key(name)))}"


def _glued_features_joined(groups: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
    """A one-word name with a head glued to it that ends cities' names as often
    (CONDITIONAL_GLUED: "Songshan") is the feature where the record names it ("Mount Song")."""
    for key in [key for key in groups if key.startswith("name:") and " " not in key]:
        feature = unglued(key.removeprefix("name:"), CONDITIONAL_GLUED)
        if feature is not None and f"name:{feature}" in groups:
            groups[f"name:{feature}"] += groups.pop(key)
    # ... and so is a town of that name the gazetteer knows ("Mount Tai (Taishan)": not the
    # town Taishan), unless the record writes it as a town ("Taishan City")
    for key, group in list(groups.items()):
        if group[0].entry is None or group[0].entry.type not in ("town", "city") or any(" " in m.text for m in group):
            continue
        features = {unglued(alias_key(m.text), CONDITIONAL_GLUED) for m in group}
        feature = features.pop() if len(features) == 1 else None
        if feature is not None and f"name:{feature}" in groups:
            groups[f"name:{feature}"] += [replace(m, entry=None) for m in groups.pop(key)]
    return groups


def _without_unit_or_form(name: str) -> str | None:
    """The name a town's unit ending or a company's legal form was added to ("Onsan-eup" ->
    "Onsan", "OJSC RUSNANO" -> "RUSNANO", "Hanjin Shipping Co., Ltd." -> "Hanjin Shipping",
    "Mongolrostsvetmet LLC" -> "Mongolrostsvetmet"), or None."""
    stem, hyphen, ending = name.rpartition("-")
    if hyphen and " " not in name and ending.lower() in SAME_TOWN_ENDINGS:
        return stem
    first, _, rest = name.partition(" ")
    if rest and first.lower() in LEADING_COMPANY_FORMS:
        return rest
    body, comma, forms = name.partition(", ")
    if comma and forms and all(word.lower() in COMPANY_FORMS for word in forms.replace(",", " ").split()):
        return body.removesuffix(" Co.").removesuffix(" Co")
    body, space, form = name.rpartition(" ")
    if space and form.lower() in COMPANY_FORMS:  # "Mongolrostsvetmet LLC"
        return body
    return None


def _added_forms_joined(groups: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
    """A name the gazetteer lacks, written with a town's unit ending or a company's legal form,
    is the thing the record also names without it, of the same kind ("Jumunjin" and
    "Jumunjin-eup"; "RUSNANO" and "OJSC RUSNANO")."""
    keys_of = {(alias_key(m.text), m.kind): key for key, group in groups.items() for m in group}
    for key in [key for key in groups if key.startswith("name:")]:
        group = groups[key]
        bare = next((bare for m in group if (bare := _without_unit_or_form(m.text))), None)
        target = keys_of.get((alias_key(bare), group[0].kind)) if bare else None
        if target is not None and target != key and target in groups:
            groups[target] += [replace(m, entry=groups[target][0].entry) for m in groups.pop(key)]
    return groups


def _short_form_target(text: str, longer: dict[str, str]) -> str | None:
    """The key of the one longer body's name ``text`` shortens, in ``longer`` (name -> key): its
    acronym ("MPSS"), its acronym and head word ("IOPC Fund" of "International Oil Pollution
    Compensation Fund"), or its words before an "of" tail ("Energy Systems Institute" of
    "Energy Systems Institute of the Siberian Branch of the Russian Academy of Sciences")."""
    words = text.split()
    if len(words) == 1 and is_acronym(text) and len(text) >= 3:
        # ... or its acronym where its brackets stood after a country's tail: "Ministry of Public
        # Safety and Security of the Republic of Korea (MPSS)"
        shortened = {key for name, key in longer.items() if " " in name and acronym_letters(name) == text}
    elif len(words) < 2:
        return None
    elif is_acronym(words[0]) and all(word[:1].isupper() for word in words[1:]):
        tail = " ".join(words[1:])
        letters = words[0] + acronym_letters(tail)
        shortened = {key for name, key in longer.items() if name.endswith(tail) and acronym_letters(name) == letters}
    elif head_kind(text) == "organization":
        shortened = {key for name, key in longer.items() if name.startswith(text + " of ")}
    else:
        return None
    return shortened.pop() if len(shortened) == 1 else None


def _short_forms_joined(groups: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
    """A body's name the gazetteer lacks, written short, is the body the record names in full
    (``_short_form_target``), where the record names one such body only."""
    longer = {m.text: key for key, group in groups.items() for m in group if m.kind == "organization"}
    for key in [key for key in groups if key.startswith("name:")]:
        group = groups[key]
        if group[0].kind != "organization" or group[0].entry is not None:
            continue
        target = next((found for m in group if (found := _short_form_target(m.text, longer))), None)
        if target is not None and target != key and target in groups:
            groups[target] += [replace(m, entry=groups[target][0].entry) for m in groups.pop(key)]
    return groups


def _followed(name: str, defined: dict[str, Mention]) -> str:
    """The name ``name`` is said to be, through the names that one is said to be: "한국인터넷진흥원"
    is "KISA", which is "Korea Internet & Security Agency"."""
    seen = {name}
    while (definition := defined.get(name)) is not None and definition.same_as and definition.same_as not in seen:
        name = definition.same_as
        seen.add(name)
    return name


def _kind_most_said(mentions: list[Mention]) -> EntityKind:
    """The kind most of a name's mentions give it, the first one's where as many give another: the
    model's guess on a page's dateline ("Maksimikha (Максимиха), Barguzinsky District" read as a body)
    is outvoted by "the village of Maksimikha" and "adopted in Maksimikha". The model and the rules
    vote only where the gazetteer does not ("Anshan Iron and Steel Group" is a body, however the
    model reads its "Ansteel"); a form said to be another ("Максимиха" in brackets after it) has
    that one's kind, no vote of its own."""
    voters = [mention for mention in mentions if not mention.same_as]
    decided = [mention for mention in voters if mention.source not in ("model", "rules")] or voters or mentions[:1]
    counts = Counter(mention.kind for mention in decided)
    first = decided[0].kind
    return max(counts, key=lambda kind: (counts[kind], kind == first))


def merge(mentions: Iterable[Mention], gazetteer: Gazetteer | None = None) -> list[Entity]:
    """One entity per gazetteer entry, or per spelling for names the gazetteer lacks; an
    acronym defined in brackets once is that name wherever the record uses it."""
    gazetteer = gazetteer or load_gazetteer()
    # (a name has letters: "??????? ????" is what a transcoding left of a Cyrillic one; and no
    # article in lower case, which the model's span may have taken: "the Mongolian Altai")
    mentions = [
        replace(mention, text=mention.text[4:]) if mention.text.startswith("the ") else mention
        for mention in mentions
        if any(char.isalpha() for char in mention.text)
    ]
    defined = {m.text: m for m in mentions if m.same_as}
    # the name a known acronym abbreviates is the acronym's body: "German Technical Cooperation (GTZ)"
    abbreviated = {m.same_as: m.entry for m in mentions if m.same_as and m.entry and is_acronym_word(m.text)}
    # ... and a name said to be another's is the entry that one is: "한국인터넷진흥원" after "KISA"
    known = {m.text: m.entry for m in mentions if m.entry}
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        definition = defined.get(mention.text) if mention.entry is None else None
        entry = (
            mention.entry
            or (definition.entry if definition else None)
            or abbreviated.get(mention.text)
            or (known.get(_followed(mention.same_as, defined)) if mention.same_as else None)
        )
        if entry:
            key = entry.id
        else:
            named = definition.same_as if definition and definition.same_as else mention.same_as or mention.text
            key = _name_key(_followed(named, defined), gazetteer)
        if entry is not mention.entry:
            mention = Mention(mention.text, mention.kind, mention.label, entry, mention.country, mention.source)
        groups.setdefault(key, []).append(mention)
    groups = _short_forms_joined(_added_forms_joined(_glued_features_joined(groups)))
    entities = []
    for key, group in groups.items():
        entry = group[0].entry
        # (the structure says what a thing is, else a name's definition, "... Technology (JAIST)",
        # which no later "the JAIST campus" undoes, else its first mention)
        structural = (
            [m for m in group if m.from_structure]
            or [m for m in group if m.same_as and is_acronym_word(m.text)]
            or group
        )
        if entry:
            name, kind, label, country, code = entry.name, entry.kind, entry.label, entry.country, entry.code
        else:
            # the name an acronym stands for, else the most frequent spelling
            name = (
                next((_followed(m.same_as, defined) for m in group if m.same_as), None)
                or Counter(m.text for m in group).most_common(1)[0][0]
            )
            kind = _kind_most_said(structural)
            label = Counter(m.label for m in structural if m.kind == kind).most_common(1)[0][0]
            country = next((m.country for m in structural if m.country), None)
            code = None
        entities.append(
            Entity(
                id=code or key,
                name=name,
                kind=kind,
                label=label,
                country=country,
                code=code,
                mentions=len(group),
                aliases=sorted({m.text for m in group}),
                sources=sorted({m.source for m in group}, key=SOURCE_ORDER.index),
            )
        )
    return sorted(entities, key=lambda e: (e.kind != "place", e.country or "~", e.name))


# --- the stage ----------------------------------------------------------------------


def tag(
    records: list[Record],
    nlp: Language,
    gazetteer: Gazetteer | None = None,
    batch_size: int = 64,
    n_process: int = 1,
) -> list[Record]:
    """Return copies of ``records`` with ``entities`` filled; the model runs once over all their prose
    (in ``n_process`` processes that share this one's loaded model)."""
    gazetteer = gazetteer or load_gazetteer()
    texts = [prose(record) for record in records]
    flat = [text for record_texts in texts for text in record_texts]
    docs = iter(nlp.pipe(flat, batch_size=batch_size, n_process=n_process))
    tagged = []
    for record, record_texts in zip(records, texts, strict=True):
        mentions = structure_mentions(record, gazetteer)
        short = short_names(mentions, gazetteer)
        listed = listed_names(mentions)
        declined = declined_names(mentions)
        for text in record_texts:
            found = doc_mentions(next(docs), gazetteer, short, listed, declined, text)
            short |= _feature_stems(found, gazetteer, short)
            mentions += found
        mentions = _address_chains_parted(mentions, gazetteer)
        mentions = _bare_region_names(_namesakes_as_listed(mentions, gazetteer), gazetteer)
        mentions = _acronyms_as_defined(_towns_named_in_full(mentions))
        overview, notes = _linked_overview(record, gazetteer)
        tagged.append(
            record.model_copy(
                update={"entities": merge(mentions, gazetteer), "overview": overview, "notes": record.notes + notes}
            )
        )
    return tagged


def _address_chains_parted(mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A place written as an address's units in CJK characters or Hangul, glued or apart
    ("富山県東礪波郡井波町", "경기도 안산시 단원구": a prefecture or a province, its district or
    city, its town or ward) is each of its units, as a glued name in Latin letters is two
    ("Izushi City Hyogo Prefecture")."""
    result = []
    for mention in mentions:
        # (only words all in CJK characters or Hangul can be one: the rest are not looked at)
        words = mention.text.split()
        glued = mention.kind == "place" and all(CJK_OR_HANGUL_WORD.fullmatch(word) for word in words)
        # (words apart each a unit of government: "팔미도 등대" is an island's lighthouse)
        apart = len(words) == 1 or all(word.endswith(KOREAN_ADDRESS_UNITS) for word in words[1:])
        address = native_address(mention.text) if glued and apart else None
        if address is None:
            result.append(mention)
            continue
        country = mention.entry.country if mention.entry is not None else mention.country
        result += [_mention(unit, gazetteer, "place", "GPE", country, mention.source) for unit in address[1]]
    return result


def _linked_overview(record: Record, gazetteer: Gazetteer) -> tuple[Overview | None, list[Note]]:
    """The overview with what the gazetteer adds: the organizer's country, when the text does
    not say it but its name does ('Toyama Prefectural Government' -> Japan), and observers
    with the country whose region they are (``placed_observers``); and its notes."""
    overview = record.overview
    if overview is None:
        return overview, []
    notes: list[Note] = []
    if overview.participation is not None:
        participation, notes = placed_observers(overview.participation, gazetteer)
        overview = overview.model_copy(update={"participation": participation})
    return overview.model_copy(update={"organizer": _organizer_with_country(overview, gazetteer)}), notes


def _organizer_with_country(overview: Overview, gazetteer: Gazetteer) -> Organizer | None:
    organizer = overview.organizer
    if organizer is None or organizer.country or not organizer.name:
        return organizer
    names = ORGANIZER_JOINERS.split(organizer.name)
    countries = {country for name in names if (country := _country_of_name(name, gazetteer))}
    if len(countries) != 1:
        return organizer
    country = countries.pop()
    return organizer.model_copy(update={"country": country, "country_code": country_code(country)})


def _country_of_name(name: str, gazetteer: Gazetteer) -> str | None:
    entry = gazetteer.lookup(name)
    return entry.country if entry else gazetteer.country_within(name)
