"""The reader's language: every string a writer writes, its dates, numbers and names.

Strings come from gettext catalogs (``pipeline/locale/<lang>/LC_MESSAGES/briefings.po``,
compiled to ``.mo`` by ``make translations``); dates, numbers, plural forms and
country names from CLDR through Babel; region names from pycountry's ISO 3166-2
translations. English is the catalogs' own language (their msgids) and keeps the
wording its briefings have always had, so an English briefing is the same bytes as
before there were other languages. The record's own text (titles, contents, the
declaration) is never translated: it is what the association published.
"""

from __future__ import annotations

import datetime
import gettext
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from ..settings import Language, Settings

DOMAIN = "briefings"
# The project's own names of regions pycountry does not translate (pipeline/locale/<lang>/LC_MESSAGES/regions.po)
REGIONS_DOMAIN = "regions"
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"
# The language as BCP 47 tags it: the PDF's /Lang and the DOCX's w:lang.
LANGUAGE_TAGS: dict[str, str] = {
    "en": "en-GB",
    "ko": "ko-KR",
    "ja": "ja-JP",
    "zh": "zh-CN",
    "ru": "ru-RU",
    "mn": "mn-MN",
}
# The language as Babel (CLDR) names its locale: Chinese is the simplified script.
BABEL_LOCALES: dict[str, str] = {"zh": "zh_Hans_CN"}
# A period is a date interval of this CLDR skeleton...
PERIOD_SKELETON = "yMMMd"
# ...its month written out in full where the locale's pattern abbreviates it ('6—7 сент.' ->
# '6—7 сентября'; CLDR's field-length adjustment for "yMMMMd", which Babel does not make).
# (Chinese, Japanese and Korean write the month as a number: their wide month is another word.)
FULL_MONTH = frozenset({"ru"})
# The association's members: every briefing may name them and their regions.
MEMBER_COUNTRIES = ("CN", "JP", "KR", "KP", "RU", "MN")
_ABBREVIATED_MONTH = re.compile(r"(?<![ML])([ML])\1\1(?![ML])")


def briefing_suffixes(language: Language) -> tuple[str, str]:
    """The DOCX's and the PDF's suffix after a text's stem: English keeps ``.docx`` and ``.pdf``."""
    tag = "" if language == "en" else f".{language}"
    return f"{tag}.docx", f"{tag}.pdf"


def N_(message: str) -> str:  # noqa: N802 (gettext's name for it)
    """Marks ``message`` for the catalogs (``make translations`` extracts it) where it is
    defined; it is translated where it is used."""
    return message


@cache
def _catalog(language: str) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language])


@cache
def _region_names(language: str) -> gettext.NullTranslations:
    """The project's own names of regions, by ISO 3166-2 code, where pycountry has none in
    the language or an old spelling (every member's regions in Russian: Цзилинь, not Гирин;
    in Korean and Chinese; Mongolia's in Mongolian) or leaves off their unit (Japan's
    prefectures in Japanese: 富山県, not 富山, the city's name too)."""
    return gettext.translation(REGIONS_DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


@cache
def _regions(language: str) -> gettext.NullTranslations:
    """pycountry's own translations of ISO 3166-2 names (none for some languages)."""
    import pycountry

    return gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[language], fallback=True)


@cache
def _territories(language: str) -> dict[str, str]:
    """CLDR's country names in ``language``, by ISO 3166-1 alpha-2 code."""
    from babel import Locale

    territories = Locale.parse(BABEL_LOCALES.get(language, language)).territories
    return {code: name for code, name in territories.items() if len(code) == 2 and code.isalpha()}


@dataclass(frozen=True)
class Translator:
    """One language's words for a writer; English (the default) is today's wording."""

    language: Language = "en"

    @property
    def tag(self) -> str:
        return LANGUAGE_TAGS[self.language]

    @property
    def english(self) -> bool:
        return self.language == "en"

    @property
    def locale(self) -> str:
        return BABEL_LOCALES.get(self.language, self.language)

    def _(self, message: str) -> str:
        return _catalog(self.language).gettext(message)

    def ngettext(self, singular: str, plural: str, count: int, values: dict[str, str] | None = None) -> str:
        """The form CLDR's plural rule picks for ``count``, its ``%(count)s`` the number as the
        locale writes it (and its other fields ``values``)."""
        return _catalog(self.language).ngettext(singular, plural, count) % {
            "count": self.number(count),
            **(values or {}),
        }

    def number(self, value: int) -> str:
        return str(value) if self.english else _number(self.locale, value)

    def date(self, day: datetime.date) -> str:
        """A date in words, as the language writes it ('6 September 1995', '1995年9月6日')."""
        if self.english:
            return _english_date(day)
        from babel.dates import format_date

        return format_date(day, "long", locale=self.locale)

    def period(self, start: datetime.date | None, end: datetime.date | None) -> str | None:
        """A meeting's days as the language writes a date interval: '6-7 September 1995',
        '1995年9月6日～7日', '6–7 сентября 1995 г.'; None without both dates."""
        if start is None or end is None:
            return None
        if self.english:
            return _english_period(start, end)
        from babel import Locale
        from babel.dates import format_date

        if start == end:
            return self.date(start)
        locale = Locale.parse(self.locale)
        if end < start:  # as the text has them: both dates, in CLDR's fallback interval pattern
            fallback = locale.interval_formats[None]
            return fallback.replace("{0}", self.date(start)).replace("{1}", self.date(end))
        difference = "y" if start.year != end.year else "M" if start.month != end.month else "d"
        first, second = locale.interval_formats[PERIOD_SKELETON][difference]
        if self.language in FULL_MONTH:
            first, second = _widened(first), _widened(second)
        return format_date(start, first, locale=locale) + format_date(end, second, locale=locale)

    def countries(self, settings: Settings) -> dict[str, str]:
        """Every country's name as a briefing in this language prints it, by ISO code: the
        settings' table for the language over CLDR's names (English: the settings' ``countries``
        over the record's names)."""
        if self.english:
            return dict(settings.countries)
        return _territories(self.language) | settings.country_names.get(self.language, {})

    def region(self, code: str | None, english: str) -> str:
        """An ISO 3166-2 region in this language: by the project's own catalog of region
        names where it has one (``regions.po``), else by pycountry's translation, else ``english``."""
        return english if self.english or not code else _region(self.language, code, english)

    def own_characters(self) -> str:
        """Every character this language's own words can bring to a briefing, in code point
        order: its catalog's, its dates' and numbers', and those of the members' names
        ('' in English, whose briefings stay as they always were)."""
        return "" if self.english else _own_characters(self.language)

    def region_characters(self) -> str:
        """The characters of the names of the members' regions in this language, those in
        the most names first ('' in English)."""
        return "" if self.english else _region_characters(self.language)


# (Briefings name the same numbers and regions again and again: each is worked out once.)
@lru_cache(maxsize=4096)
def _number(locale: str, value: int) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=locale)


@lru_cache(maxsize=4096)
def _region(language: str, code: str, english: str) -> str:
    import pycountry

    own = _region_names(language).gettext(code)
    if own != code:
        return own
    subdivision = pycountry.subdivisions.get(code=code)
    if subdivision is None:
        return english
    translated = _regions(language).gettext(subdivision.name)
    return translated if translated != subdivision.name else english


@cache
def _own_characters(language: Language) -> str:
    from babel.messages.mofile import read_mo

    translator = Translator(language)
    with (LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as compiled:
        texts = [
            form
            for message in read_mo(compiled)
            for form in ((message.string,) if isinstance(message.string, str) else message.string or ())
        ]
    for month in range(1, 13):  # each month in a date and in each kind of period
        start = datetime.date(2000, month, 1)
        for end in (start, start.replace(day=2), start.replace(month=month % 12 + 1), start.replace(year=2001)):
            texts += [translator.period(start, end) or "", translator.period(end, start) or ""]
    texts.append(translator.number(1234567890))
    territories = _territories(language)
    texts += [territories[code] for code in MEMBER_COUNTRIES]
    return "".join(sorted(set("".join(texts))))


@cache
def _region_characters(language: Language) -> str:
    import pycountry

    translator = Translator(language)
    names = {
        translator.region(region.code, region.name)
        for code in MEMBER_COUNTRIES
        for region in pycountry.subdivisions.get(country_code=code) or ()
    }
    names_with = Counter(char for name in names for char in set(name))
    return "".join(sorted(names_with, key=lambda char: (-names_with[char], char)))


def _widened(pattern: str) -> str:
    """A date pattern with its abbreviated month (MMM, LLL) written in full (MMMM, LLLL)."""
    return _ABBREVIATED_MONTH.sub(lambda match: match.group(1) * 4, pattern)


def _english_date(day: datetime.date) -> str:
    return f"{day.day} {day:%B} {day.year}"


def _english_period(start: datetime.date, end: datetime.date) -> str:
    """'6-7 September 1995', '30 September - 2 October 2014', '10 August 2021': the
    wording English briefings have always had."""
    if start == end:
        return _english_date(start)
    if end > start and (start.year, start.month) == (end.year, end.month):
        return f"{start.day}-{end.day} {end:%B} {end.year}"
    if end > start and start.year == end.year:
        return f"{start.day} {start:%B} - {_english_date(end)}"
    return f"{_english_date(start)} - {_english_date(end)}"


ENGLISH = Translator()
