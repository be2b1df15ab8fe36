"""Repairs of what transit does to a text, one small rule each, applied in order.

Each rule takes the text's lines and returns them repaired, or None when the text
shows no such damage; what was repaired is recorded (``Source.repairs``) and
noted (``repaired-text``). Lines keep the number of the raw line they came from.
Joining hard-wrapped lines needs the parser's rules, so it lives in ``unwrap.py``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby

import ftfy
import ftfy.bad_codecs  # registers the sloppy code pages ftfy reverses

from ..record import RepairKind
from .text import Line

# Characters that UTF-8 read as Windows-1252 or Latin-1 leaves behind ("â€“", "Ã©", "Ð¥").
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def fix_mojibake(text: str) -> str | None:
    """UTF-8 once decoded as a legacy code page and saved again: undone by ftfy."""
    if not _MOJIBAKE_HINT.search(text):
        return None
    try:  # the whole text garbled at once: reversed exactly ("â‘\xa0" is "①")
        whole = text.encode("sloppy-windows-1252").decode("utf-8")
    except UnicodeError:
        whole = text
    fixed = whole if whole != text else ftfy.fix_encoding(text)
    return fixed if fixed != text else None


# --- line repairs ---------------------------------------------------------------

QUOTE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)+")
QUOTED_SHARE = 0.6  # of the non-blank lines: a forwarded e-mail, not a text using ">" somewhere


# A run of this many quoted lines (blank lines between them aside) is a quoted block in a
# text of its own lines: a declaration or a reply pasted from an e-mail.
QUOTED_BLOCK_LINES = 3


def strip_quoting(lines: list[Line]) -> list[Line] | None:
    """Every line quoted with '> ' or '>> ' as in a forwarded e-mail, or each block of
    QUOTED_BLOCK_LINES quoted lines or more in a text that is mostly not quoted."""
    filled = [index for index, line in enumerate(lines) if line.text]
    quoted = [bool(QUOTE_PREFIX.match(line.text)) for line in lines]
    if not filled:
        return None
    whole = sum(quoted) >= QUOTED_SHARE * len(filled)
    unquoted = [whole] * len(lines)
    # (blank lines stand between a block's lines: its runs are runs of the filled lines)
    for is_quoted, run in groupby(filled, key=quoted.__getitem__):
        block = list(run)
        if is_quoted and len(block) >= QUOTED_BLOCK_LINES:
            unquoted[block[0] : block[-1] + 1] = [True] * (block[-1] + 1 - block[0])
    if not any(unquoted):
        return None
    return [
        Line(line.number, QUOTE_PREFIX.sub("", line.text).strip()) if inside else line
        for line, inside in zip(lines, unquoted, strict=True)
    ]


_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,5});")
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_CELL_END = re.compile(r"</t[dh]>\s*(?=<t[dh][\s>])", re.IGNORECASE)  # between two table cells: a column separator
# What a web page leaves behind: block tags alone, inline tags only in pairs ("<b>x</b>").
# Links, fonts and a lone "<b>" stay text: what they hold may be what a reader must see.
_BLOCK_TAG = re.compile(r"</?(?:p|div|li|ul|ol|td|tr|th|table|tbody|thead|h[1-6])(?:\s[^<>]*)?/?>", re.IGNORECASE)
_INLINE_PAIR = re.compile(
    r"<(?P<tag>b|i|u|em|strong|span|small|sup|sub)(?:\s[^<>]*)?>(?P<text>.*?)</(?P=tag)>", re.IGNORECASE
)


def _entity(match: re.Match[str]) -> str:
    """An HTML entity as its character, unless it names none or a control character
    ("&#0;" stays as written: nothing is decoded into what the reader drops)."""
    character = html.unescape(match.group(0))
    if len(character) != 1 or character == "\ufffd" or ord(character) < 0x20 or 0x7F <= ord(character) <= 0x9F:
        return match.group(0)
    return character


_MD_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.*?)\s*#*$")
_MD_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,}|={3,})$")
# (a run of three or more, "*** OVERVIEW ***", is a rule drawn around a heading, not strong text)
_MD_STRONG = re.compile(r"(?<![*_])(\*\*|__)(?=[^\s*_])(?P<text>.+?)(?<=[^\s*_])\1(?![*_])")
_MD_EMPHASIS = re.compile(r"(?:^|(?<=[\s(]))\*(?=\S)(?P<text>[^*]+?)(?<=\S)\*(?=[\s.,;:)]|$)")


@dataclass(frozen=True)
class MarkupRule:
    name: str
    pattern: re.Pattern[str]
    replace: Callable[[re.Match[str]], str]


# Ordered: entities are decoded last, so "&lt;b&gt;" stays text.
MARKUP_RULES = (
    MarkupRule("html cell end", _CELL_END, lambda match: " | "),
    MarkupRule("html block tag", _BLOCK_TAG, lambda match: ""),
    MarkupRule("html inline pair", _INLINE_PAIR, lambda match: match["text"]),
    MarkupRule("markdown heading", _MD_HEADING, lambda match: match["text"]),
    MarkupRule("markdown rule", _MD_RULE, lambda match: ""),
    MarkupRule("markdown strong", _MD_STRONG, lambda match: match["text"]),
    MarkupRule("markdown emphasis", _MD_EMPHASIS, lambda match: match["text"]),
    MarkupRule("html entity", _ENTITY, _entity),
)


def strip_markup(lines: list[Line]) -> list[Line] | None:
    """Markdown decoration (## headings, **bold**, *italic*, --- rules) and HTML
    leftovers (tags, &nbsp; &amp;, <br> as a line break)."""
    repaired: list[Line] = []
    changed = False
    for line in lines:
        pieces = _BREAK_TAG.split(line.text)
        changed |= len(pieces) > 1
        for piece in pieces:
            text = piece
            for rule in MARKUP_RULES:
                text = rule.pattern.sub(rule.replace, text)
            changed |= text != piece
            repaired.append(Line(line.number, " ".join(text.replace("\u00a0", " ").split())))
    return repaired if changed else None


@dataclass(frozen=True)
class LineRepair:
    kind: RepairKind
    repair: Callable[[list[Line]], list[Line] | None]


# Ordered: quoting hides the markup at the start of lines.
LINE_REPAIRS = (
    LineRepair("quoting", strip_quoting),
    LineRepair("markup", strip_markup),
)


def repair_lines(lines: list[Line]) -> tuple[list[Line], list[RepairKind]]:
    done: list[RepairKind] = []
    for rule in LINE_REPAIRS:
        repaired = rule.repair(lines)
        if repaired is not None:
            lines = repaired
            done.append(rule.kind)
    return lines, done
