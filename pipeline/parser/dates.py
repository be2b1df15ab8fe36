"""Conference periods as written -> (start, end) dates.

The texts write ranges in many ways ("Sep 10-12, 1996", "30 September - 2 October
2014", "1996.09.10 ~ 09.12", "October 2(Wed.) - 4(Fri.), 1996"). Each side of a
range is read into whichever of year, month and day it states; what one side
leaves out is taken from the other.
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from dataclasses import dataclass

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
MONTHS |= {"sept": 9}
# Days of the week, as a programme's items open with them ("Friday, 4 September")
WEEKDAYS = tuple(name.lower() for name in (*calendar.day_name, *calendar.day_abbr))

# Ordered: the first separator found splits the range. A bare hyphen only splits
# where it is not inside a numeric date such as 2010-10-26.
# Each starts where a run of spaces starts and takes the run whole: a search tries a run once.
RANGE_SEPARATORS = (
    ("tilde", re.compile(r"(?<!\s)\s*+[~～〜∼至]\s*+")),  # 至: "to" in a Chinese date range
    ("to", re.compile(r"(?<!\s)\s++(?:to|until|till|through)\s++", re.IGNORECASE)),
    # (a horizontal bar too, the dash of Japanese pages: "2019.10.24 (Thu) ― 10.25 (Fri)")
    ("spaced dash", re.compile(r"(?<!\s)\s++[-–—―]\s++")),
    (
        "dash",
        re.compile(r"(?<!\d{4}-)(?<!\d{4}-\d)(?<!\d{4}-\d\d)(?<!\s)\s*+[-–—]\s*+(?!\d{1,2}-\d{1,2}\b)(?=\d|[A-Za-z])"),
    ),
)

_ASIDE = re.compile(r"\([^)]*\)")  # weekdays and notes: "2(Wed.)", "(Online)"
# Year, month and day as Chinese, Japanese and Korean write them: 2012年9月6日, 2012년 9월 6일.
CJK_DATE_PARTS = (
    # how many days, after the period: ", 3일간", "[4박 5일]", "（3日間）"
    (
        re.compile(
            r"(?<!\s)\s*+(?:[,，]\s*+\d{1,2}\s*+(?:일간|日間|日间|天)"
            r"|[\[(（【]\s*+(?:\d{1,2}\s*+[박泊]\s*+)?\d{1,2}\s*+(?:일간?|日間?|日间|天)\s*+[\])）】])\s*+$"
        ),
        "",
    ),
    (re.compile(r"(\d{1,4})\s*[年년]\s*"), r"\1."),
    (re.compile(r"(\d{1,2})\s*[月월]\s*"), r"\1."),
    (re.compile(r"(\d{1,2})\s*[日일]"), r"\1"),
    (re.compile(r"[（(][月火水木金土日월화수목금토일一二三四五六][)）]"), ""),  # weekdays
)
# Japan's eras, as Japanese pages count their years ("平成28年" is 2016, "令和元年" 2019): the
# Gregorian year before the era's first
JAPANESE_ERAS = (("Reiwa", "令和", 2018), ("Heisei", "平成", 1988), ("Showa", "昭和", 1925))
_ERA_YEAR = re.compile(rf"({'|'.join(era for _, era, _ in JAPANESE_ERAS)})\s*(\d{{1,2}}|元)\s*年")
_ERA_BEFORE = {era: before for _, era, before in JAPANESE_ERAS}


def _gregorian_year(match: re.Match[str]) -> str:
    year = 1 if match[2] == "元" else int(match[2])
    return f"{_ERA_BEFORE[match[1]] + year}年"


# Year last with "/" or "-": 03/04/2011 is 3 April or March 4 depending on who wrote it.
_AMBIGUOUS_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b")
_NUMERIC_DATE = re.compile(r"^([0-9]{1,4})[./-]([0-9]{1,2})(?:[./-]([0-9]{1,4}))?\.?$")
_TOKEN = re.compile(r"[0-9]+|[^\W\d_]+")


class DateError(ValueError):
    pass


@dataclass
class PartialDate:
    year: int | None = None
    month: int | None = None
    day: int | None = None

    def filled_from(self, other: PartialDate) -> PartialDate:
        return PartialDate(
            self.year if self.year is not None else other.year,
            self.month if self.month is not None else other.month,
            self.day if self.day is not None else other.day,
        )

    def to_date(self) -> datetime.date:
        if self.year is None or self.month is None or self.day is None:
            raise DateError("incomplete date")
        try:
            return datetime.date(self.year, self.month, self.day)
        except ValueError as exc:
            raise DateError(str(exc)) from None


def _numeric(parts: tuple[str, str, str | None]) -> PartialDate:
    first, second, third = parts
    if third is None:
        if len(first) == 4:
            return PartialDate(year=int(first), month=int(second))
        return PartialDate(month=int(first), day=int(second))
    if len(first) == 4:
        return PartialDate(int(first), int(second), int(third))
    if len(third) == 4:
        # Year last: day-first unless that is impossible (10/26/2010).
        if int(second) > 12 >= int(first):
            return PartialDate(int(third), int(first), int(second))
        return PartialDate(int(third), int(second), int(first))
    raise DateError(f"ambiguous numeric date {'.'.join(p for p in parts if p)}")


def parse_side(text: str) -> PartialDate:
    text = _ASIDE.sub(" ", text).strip(" ,.")
    numeric = _NUMERIC_DATE.match(text)
    if numeric:
        first, second, third = numeric.groups()
        return _numeric((first, second, third))
    date = PartialDate()
    for token in _TOKEN.findall(text):
        if token.isascii() and token.isdigit():
            if len(token) > 4:  # no part of a date has more digits
                raise DateError(f"unexpected number {token[:12]}…" if len(token) > 12 else f"unexpected number {token}")
            value = int(token)
            if len(token) == 4 and date.year is None:
                date.year = value
            elif len(token) <= 2 and date.day is None and 1 <= value <= 31:
                date.day = value
            else:
                raise DateError(f"unexpected number {token}")
        elif token.lower() in MONTHS and date.month is None:
            date.month = MONTHS[token.lower()]
        elif token.lower().rstrip(".") in {"st", "nd", "rd", "th", "of"} or token.lower()[:3] in {
            "mon",
            "tue",
            "wed",
            "thu",
            "fri",
            "sat",
            "sun",
        }:
            continue
        else:
            raise DateError(f"unexpected word {token!r}")
    if date == PartialDate():
        raise DateError("no date")
    return date


# "13:30-17:20", "15:00-18:00 Ulgii time", "10:00 local time"
# (from a comma or where the spaces before it start: a search tries a run of spaces once)
_TIME = re.compile(
    r"(?:,\s*+|(?<![\s,])\s*+)\b\d{1,2}:\d{2}\b(?:\s*[-–~]\s*\d{1,2}:\d{2}\b)?"
    r"(?:\s+(?:[^\W\d_][\w'-]*\s+)?time\b|\s+(?:[A-Z]{2,4}T|UTC|GMT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?(?![\w]))?"
)
_SPACED_DOTS = re.compile(r"(\d)\.\s+(?=\d)")  # "2019. 10. 15." as Korean offices write it


def normalise_date_text(text: str) -> str:
    """Full-width digits and signs as ASCII, a Japanese era's year as the Gregorian one, CJK
    year/month/day marks as dots, times of day and the spaces after a date's dots left out."""
    text = _SPACED_DOTS.sub(r"\1.", _TIME.sub("", unicodedata.normalize("NFKC", text)))
    text = _ERA_YEAR.sub(_gregorian_year, text)
    for pattern, replacement in CJK_DATE_PARTS:
        text = pattern.sub(replacement, text)
    return text.strip()


def is_ambiguous(text: str) -> bool:
    """Whether the period holds a numeric date whose day and month cannot be told apart."""
    return any(
        int(first) <= 12 and int(second) <= 12 and first.lstrip("0") != second.lstrip("0")
        for first, second, _ in _AMBIGUOUS_NUMERIC.findall(normalise_date_text(text))
    )


def month_first(text: str) -> str:
    """The period with every ambiguous numeric date read the other way (month first)."""
    return _AMBIGUOUS_NUMERIC.sub(lambda match: f"{match[2]}/{match[1]}/{match[3]}", normalise_date_text(text))


_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_IN_WORDS = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH_NAMES})\.?"
    rf"|(?P<month2>{_MONTH_NAMES})\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)\s*,?\s+(?P<year>\d{{4}})\b",
    re.IGNORECASE,
)


def dates_in_words(text: str) -> set[datetime.date]:
    """The dates a text writes with the month's name ("4 March 2010", "March 4, 2010")."""
    found = set()
    for match in _DATE_IN_WORDS.finditer(text):
        month = MONTHS[(match["month"] or match["month2"]).lower()]
        try:
            found.add(datetime.date(int(match["year"]), month, int(match["day"] or match["day2"])))
        except ValueError:
            continue
    return found


def split_range(text: str) -> tuple[str, str | None]:
    for _name, separator in RANGE_SEPARATORS:
        parts = separator.split(text, maxsplit=1)
        if len(parts) == 2 and parts[0].strip() and parts[1].strip():
            return parts[0], parts[1]
    return text, None


# A period written twice, in two languages: "2021年9月23日—24日 / 23–24 September 2021"
# (or where the page's own script gives way to Latin letters: "平成25年11月12日（火）～14日（木） November 12 (Tue)
# - 14 (Thu), 2013")
_TRANSLATED = re.compile(r"(?<!\s)\s+/\s+|(?<=[\u3000-\u9fff\uac00-\ud7a3\uff00-\uffef])\s+(?=[A-Za-z])")


def parse_period(text: str) -> tuple[datetime.date, datetime.date]:
    """Return (start, end); raise DateError when the text is not a date or range. A period
    written in two languages reads as the one of its writings that reads, where those that
    read agree."""
    try:
        return _parsed_period(text)
    except DateError:
        sides = _TRANSLATED.split(text)
        if len(sides) < 2:
            raise
    readings = set()
    for side in sides:
        try:
            readings.add(_parsed_period(side))
        except DateError:
            continue
    if len(readings) != 1:
        raise DateError("a period written twice, each way another or none readable")
    return readings.pop()


def _parsed_period(text: str) -> tuple[datetime.date, datetime.date]:
    first, second = split_range(normalise_date_text(text))
    start = parse_side(first)
    if second is None:
        day = start.to_date()
        return day, day
    end = parse_side(second)
    # The start usually omits the year (and the end the month); the end omits what the start says.
    start_full = start.filled_from(end)
    end_full = end.filled_from(start_full)
    start_date, end_date = start_full.to_date(), end_full.to_date()
    if start.year is None and start_date > end_date:
        # "Dec 30 - Jan 2, 2016": the year written once belongs to the end.
        start_date = PartialDate(start_date.year - 1, start_date.month, start_date.day).to_date()
    elif end.year is None and end_date.month < start_date.month:
        # "December 30, 1995 ~ January 2": the year written once belongs to the start.
        end_date = PartialDate(end_date.year + 1, end_date.month, end_date.day).to_date()
    return start_date, end_date
