"""Repairs of what transit does to a text, one small rule each, applied in order.

Each rule takes the text's lines and returns them repaired, or None when the text
shows no such damage; what was repaired is recorded (``Source.repairs``) and
noted (``repaired-text``). Lines keep the number of the raw line they came from.
Joining hard-wrapped lines needs the parser's rules, so it lives in ``unwrap.py``.
"""

from __future__ import annotations

import csv
import html
import itertools
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


# A printed document's page number at a line's end, as its footer or header prints it: "- 2 -",
# "Page 3", "Page 3 of 7", "3/7" (not a fax's "P.01", which the fax's own rules read)
PAGE_MARK = re.compile(r"(?:^|\s)(?:-\s*\d{1,3}\s*-|[Pp]age\s+\d{1,3}(?:\s+of\s+\d{1,3})?|\d{1,3}\s*/\s*\d{1,3})$")
PAGE_LINES_MIN = 10  # lines a page holds at least, between one running header and the next
FURNITURE_WORDS_MAX = 14
HEADING_LINES = 3  # the first lines of a document, where its running header is its heading too
_SENTENCE_END = re.compile(r"[.:;!?。]$")
# (a fax machine's header line, its time sent on every page, "DEC-20-'93 MON 16:06 ... PAGE 2/3": the
# fax's own rules read it)
_CLOCK_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")


def strip_page_furniture(lines: list[Line]) -> list[Line] | None:
    """A document printed to PDF and copied as text: its running headers and footers recur on
    every page, the page's number changing ("NEAR - 3rd General Assembly - Record of Proceedings",
    "Khabarovsk Kray Administration ...     - 1 -"). Lines that recur, a page or more apart, and
    carry a page's number or stand next to one that does, are removed; a paragraph a page break
    cut goes on across where they were."""
    texts = [line.text.strip() for line in lines]
    masked = [re.sub(r"\d+", "#", text) for text in texts]
    places: dict[str, list[int]] = {}
    for index, shape in enumerate(masked):
        if shape and len(shape.split()) <= FURNITURE_WORDS_MAX:
            places.setdefault(shape, []).append(index)
    recurring = {
        shape
        for shape, found in places.items()
        if len(found) >= 2 and all(later - earlier >= PAGE_LINES_MIN for earlier, later in itertools.pairwise(found))
    }
    marked = {
        index
        for shape in recurring
        for index in places[shape]
        if PAGE_MARK.search(texts[index]) and not _CLOCK_TIME.search(texts[index])
    }
    if not marked:
        return None
    furniture = set(marked)
    for index in sorted(marked):  # (the header or footer beside the numbered one, recurring too)
        for near in (index - 1, index + 1, index - 2, index + 2):
            between = range(min(index, near) + 1, max(index, near))
            if (
                0 <= near < len(texts)
                and masked[near] in recurring
                and not _CLOCK_TIME.search(texts[near])
                and all(not texts[at] for at in between)
            ):
                furniture.add(near)
    # (a header's first time, among the document's first lines and with no page's number, is its
    # heading: "ASSOCIATION OF NORTH EAST ASIA REGIONAL GOVERNMENTS (NEAR)" over page 1)
    opening = [index for index, text in enumerate(texts) if text][:HEADING_LINES]
    furniture -= {
        index for index in opening if index in furniture and index not in marked and places[masked[index]][0] == index
    }
    kept: list[Line] = []
    for index, line in enumerate(lines):
        if index in furniture:
            continue
        if not texts[index] and _in_page_break(texts, furniture, index):
            continue  # (the blank lines around the furniture, where a paragraph goes on across the page)
        kept.append(line)
    return kept


def _in_page_break(texts: list[str], furniture: set[int], index: int) -> bool:
    """Whether a blank line stands between furniture and text, inside a paragraph the page cut:
    the text before the break ends no sentence."""
    before = index - 1
    while before >= 0 and (before in furniture or not texts[before]):
        before -= 1
    after = index + 1
    while after < len(texts) and (after in furniture or not texts[after]):
        after += 1
    touches = any(at in furniture for at in range(before + 1, after))
    return touches and before >= 0 and not _SENTENCE_END.search(texts[before])


# A spreadsheet exported as CSV ("No.,Country,Member Region,\"Organization, Division\",..."): a
# comma that parts two cells has no space after it, where prose puts one
_CELL_COMMA = re.compile(r",(?! )")
SPREADSHEET_ROWS_MIN = 3  # rows of one width, one after another
SPREADSHEET_CELLS_MIN = 3


def _spreadsheet_cells(text: str) -> list[str] | None:
    """The cells of a line that reads as a CSV row (two commas or more with no space after
    them, three cells or more), else None."""
    if len(_CELL_COMMA.findall(text)) < SPREADSHEET_CELLS_MIN - 1:
        return None
    try:
        (cells,) = csv.reader([text])
    except (csv.Error, ValueError):  # (an unclosed quotation, several rows in one line)
        return None
    return cells if len(cells) >= SPREADSHEET_CELLS_MIN else None


def split_spreadsheet_rows(lines: list[Line]) -> list[Line] | None:
    """Runs of SPREADSHEET_ROWS_MIN rows or more of one width exported as CSV, each row's cells
    parted by " | " as a pasted table's are (its quotation marks gone, its empty cells kept
    up to the last filled one; a row of empty cells a blank line); None where there is none."""
    cells = [_spreadsheet_cells(line.text) for line in lines]
    repaired, found, at = list(lines), False, 0
    while at < len(lines):
        width = len(cells[at] or ())
        end = at
        while end < len(lines) and width and len(cells[end] or ()) == width:
            end += 1
        if width and end - at >= SPREADSHEET_ROWS_MIN:
            found = True
            for index in range(at, end):
                row = [cell.strip() for cell in cells[index] or ()]
                while row and not row[-1]:
                    row.pop()
                repaired[index] = Line(lines[index].number, " | ".join(row))
        at = max(end, at + 1)
    return repaired if found else None


@dataclass(frozen=True)
class LineRepair:
    kind: RepairKind
    repair: Callable[[list[Line]], list[Line] | None]


# Ordered: quoting hides the markup at the start of lines.
LINE_REPAIRS = (
    LineRepair("quoting", strip_quoting),
    LineRepair("markup", strip_markup),
    LineRepair("page furniture", strip_page_furniture),
    LineRepair("spreadsheet", split_spreadsheet_rows),
)


def repair_lines(lines: list[Line]) -> tuple[list[Line], list[RepairKind]]:
    done: list[RepairKind] = []
    for rule in LINE_REPAIRS:
        repaired = rule.repair(lines)
        if repaired is not None:
            lines = repaired
            done.append(rule.kind)
    return lines, done
