"""Country names as the texts write them -> one canonical country.

pycountry is the source of truth; the alias table only adds the short forms the
texts use that ISO 3166 does not list ("South Korea", "DPR Korea", "Russia").
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from .text import SPREAD_BETWEEN_CJK, alias_key, english_words, split_aside

# The one table of the names records and briefings print: the association's own names for
# its members (briefings go to these governments; never "South Korea" or "North Korea"),
# and the short English name for other countries.
DISPLAY_NAMES = {
    "CN": "China",
    "JP": "Japan",
    "KR": "Republic of Korea",
    "KP": "DPR Korea",
    "MN": "Mongolia",
    "RU": "Russian Federation",
    "US": "United States",
    "VN": "Vietnam",
    "TW": "Taiwan",
    "LA": "Laos",
    "IR": "Iran",
    "SY": "Syria",
    "BO": "Bolivia",
    "VE": "Venezuela",
    "TZ": "Tanzania",
    "MD": "Moldova",
}

# Keyed by the compact form of a name (``_compact``: lower case, no dots, commas,
# apostrophes or brackets): "P.R. China", "Korea (Republic of)" and "Russian Fed." are
# "pr china", "korea republic of" and "russian fed". ROK and DPRK are never one.
ALIASES = {
    "korea": "KR",
    "south korea": "KR",
    "rok": "KR",
    "ro korea": "KR",
    "r korea": "KR",  # "R. Korea"
    "r o korea": "KR",
    "republic of korea": "KR",
    "korea republic of": "KR",
    "korea rep": "KR",
    "rep of korea": "KR",
    "north korea": "KP",
    "dpr korea": "KP",
    "dprk": "KP",
    "dpr of korea": "KP",
    "d p r korea": "KP",
    "democratic peoples republic of korea": "KP",
    "korea democratic peoples republic of": "KP",
    "korea dpr": "KP",
    "russia": "RU",
    "russian federation": "RU",
    "russian fed": "RU",
    "rf": "RU",
    "prc": "CN",
    "pr china": "CN",
    "p r china": "CN",
    "peoples republic of china": "CN",
    "china prc": "CN",
    "china peoples republic of": "CN",
    "mongolia": "MN",
    "vietnam": "VN",
    "viet nam": "VN",
    "usa": "US",
    "us": "US",
    "united states of america": "US",
    # The members' everyday and full names in their own languages where CLDR gives another
    # ("한국" beside CLDR's "대한민국")
    "한국": "KR",
    "남한": "KR",
    "大韓民国": "KR",
    "大韩民国": "KR",
    "조선": "KP",
    "조선민주주의인민공화국": "KP",
    "朝鮮民主主義人民共和国": "KP",
    "朝鲜民主主义人民共和国": "KP",
    "중화인민공화국": "CN",
    "中華人民共和国": "CN",
    "中华人民共和国": "CN",
    "러시아연방": "RU",
    "러시아 연방": "RU",
    "ロシア連邦": "RU",
    "俄罗斯联邦": "RU",
    "российская федерация": "RU",
    "蒙古国": "MN",  # (Chinese writes Mongolia's state with 国, the country, where CLDR has 蒙古)
    "蒙古國": "MN",
    # (and as Russian abbreviates China and DPR Korea, "КНР" and "КНДР"; "РФ" Russia; "РК" is Korea and Kazakhstan)
    "кнр": "CN",
    "кндр": "KP",
    "рф": "RU",
    # ... and as Mongolian abbreviates the People's Republic of China, the Republic of Korea, DPR
    # Korea and the Russian Federation
    "бнхау": "CN",
    "бнсу": "KR",
    "бнасау": "KP",
    "оху": "RU",
}
_COMPACT = re.compile(r"[.,'’()\[\]]")
# The languages of the region whose names of countries a text may head its lists with ("日本（8）：
# Aomori Prefecture, ...", "Россия", "몽골"): CLDR's names through Babel, for every country
NATIVE_NAME_LOCALES = ("ja", "ko", "zh_Hans", "zh_Hant", "ru", "mn")


def _compact(key: str) -> str:
    return " ".join(_COMPACT.sub(" ", key).split())


def _key(text: str) -> str:
    return alias_key(text.strip().strip(":"))


_BILINGUAL_SLASH = re.compile(r"\s+/\s+")


@lru_cache(maxsize=4096)
def country_code(text: str) -> str | None:
    """ISO 3166-1 alpha-2 code of a country name, or None if ``text`` is not one; a
    bilingual name ("한국 Korea", "Россия Russia") by its English words."""
    code = _code_of(text)
    if code is None and not text.isascii():
        english = english_words(text)
        code = _code_of(english) if english else None
        # "중국 (China)": the country's name, then in English in brackets (not a region's with its
        # country's, "Tov Aimag（Mongolia）", nor a role, "Mongolia（observer）")
        # ... or after a slash ("Россия / Russia")
        both = split_aside(text) or _BILINGUAL_SLASH.split(text, maxsplit=1)
        if code is None and len(both) == 2 and (named := _code_of(both[0])) == _code_of(both[1]):
            code = named
    return code


def _code_of(text: str) -> str | None:
    key = _key(text)
    if not key or len(key) > 60:
        return None
    if not key.isascii():
        key = SPREAD_BETWEEN_CJK.sub("", key)
    compact = _compact(key)
    if compact in ALIASES:
        return ALIASES[compact]
    if not key.isascii():
        return _native_names().get(key)
    # Two- and three-letter codes are too easily ordinary words ("IN", "CAN").
    if len(key) <= 3:
        return None
    try:
        return pycountry.countries.lookup(key).alpha_2
    except LookupError:
        return None


@lru_cache(maxsize=1)
def _native_names() -> dict[str, str]:
    from babel import Locale  # (only for a name in another script than Latin)

    names: dict[str, str] = {}
    for locale in NATIVE_NAME_LOCALES:
        for code, name in Locale.parse(locale).territories.items():
            if len(code) == 2 and code.isalpha() and pycountry.countries.get(alpha_2=code) is not None:
                names.setdefault(_key(name), code)
    return names


def country_name(code: str) -> str:
    if code in DISPLAY_NAMES:
        return DISPLAY_NAMES[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:  # codes come from country_code, which only returns known ones
        return code
    return getattr(country, "common_name", None) or country.name


def canonical_country(text: str) -> str | None:
    code = country_code(text)
    return country_name(code) if code else None
