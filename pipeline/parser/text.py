"""Small text helpers shared by the parsers."""

from __future__ import annotations

import re
from typing import NamedTuple

OPENING = "([{（【《「"
CLOSING = ")]}）】》」"


class Line(NamedTuple):
    """A normalised line and its 1-based number in the raw file."""

    number: int
    text: str


def split_top_level(text: str, separators: str) -> list[str]:
    """Split at separators that are not inside brackets; parts are stripped, empty ones dropped."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        if char in OPENING:
            depth += 1
        elif char in CLOSING and depth:
            depth -= 1
        if char in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]


def paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Runs of non-blank lines."""
    result: list[list[Line]] = [[]]
    for line in lines:
        if line.text:
            result[-1].append(line)
        elif result[-1]:
            result.append([])
    return [paragraph for paragraph in result if paragraph]


_NON_LATIN = re.compile(r"[^\x00-\x7f]+")


def english_words(text: str) -> str:
    """The ASCII words of a bilingual string ("한국 Korea" -> "Korea", "日時 Date" -> "Date")."""
    return " ".join(_NON_LATIN.sub(" ", text).split())


# "Toyama Prefecture (富山県)": a name and the aside in brackets after it.
_ASIDE = re.compile(r"^(?P<base>.*?)\s*\((?P<aside>[^()]*)\)$")


def split_aside(text: str) -> tuple[str, str] | None:
    """(name, aside) of a name with a bracketed aside after it, else None."""
    match = _ASIDE.match(text)
    return (match["base"].strip(), match["aside"].strip()) if match and match["base"].strip() else None


_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


def alias_key(text: str) -> str:
    """How aliases are compared: case-, article-, apostrophe- and spacing-insensitive."""
    text = text.replace("\u2019", "'").replace("‐", "-")
    return _ARTICLE.sub("", " ".join(text.split())).lower()
