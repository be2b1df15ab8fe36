"""Lines hard-wrapped at a fixed width (an e-mail client, a terminal) joined again.

A break is taken for a wrap when the next line's first word would not have fitted
on the line before it: text wrapped at width W breaks a line only where the next
word would pass W. A break before something that opens a structure (a section, a
bullet, a numbered item, a label, a country) is kept, and a text is unwrapped only
when its longest line is no wider than a wrapping program makes them and enough of
its breaks are wraps.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from .dates import MONTHS, WEEKDAYS
from .text import Line, fax_line, is_post, is_post_of, rows_of_a_list, translation_of

MAX_WRAP_WIDTH = 100  # texts with longer lines were not hard-wrapped
MIN_WRAP_WIDTH = 40
MIN_WRAPS = 3
# Lines on each side of a break whose longest gives the width the break is measured against.
WIDTH_WINDOW = 8
# How close to the width a wrapped line comes: the next word, at most, did not fit.
WRAP_BAND = 15
# A wrapped line that was indented (a tab, two spaces) has lost its indentation when read.
WRAP_SLACK = 2


def _first_word(text: str) -> str:
    return text.split(" ", 1)[0]


def _is_wrap(
    before: str, after: str, width: int, opens_structure: Callable[[str], bool], stands_alone: Callable[[str], bool]
) -> bool:
    return (
        bool(before)
        and bool(after)
        and len(before) + 1 + len(_first_word(after)) > width - WRAP_SLACK
        and not before.endswith((":", "："))
        and not rows_of_a_list(before, after)
        and not translation_of(before, after)  # (a line in another script is the one before it, translated)
        and not opens_structure(after)
        and not stands_alone(before)
    )


def _width_at(lengths: list[int], index: int, whole: int) -> int:
    """The width the lines around ``index`` were wrapped at: parts of one text may be wrapped
    at different widths (a forwarded mail's note at 90 columns, the page it quotes at 60).
    The widest of the lines around that is the width of most of those that go on to another
    line, two in three of them coming near it (as wrapped lines do), the others wider (the
    note); else ``whole``, the text's widest line."""
    window = lengths[max(0, index - WIDTH_WINDOW) : index + WIDTH_WINDOW + 2]
    going_on = [length for length, after in pairwise(window) if length and after]
    for width in sorted(set(going_on), reverse=True):
        within = [length for length in going_on if length <= width]
        if width < MIN_WRAP_WIDTH or 4 * len(within) < 3 * len(going_on):
            break
        if 3 * sum(1 for length in within if length >= width - WRAP_BAND) >= 2 * len(within):
            return width
    return whole


def join_wrapped(before: str, after: str) -> str:
    """A word broken at its hyphen ("Gyeongsangbuk-" + "do") is joined without a space."""
    return before + after if before.endswith("-") else f"{before} {after}"


def unwrap(
    lines: list[Line], opens_structure: Callable[[str], bool], stands_alone: Callable[[str], bool]
) -> tuple[list[Line], bool]:
    """-> (the lines, joined where they were wrapped; whether any were). ``stands_alone``: a
    line that is whole by itself, whatever its length (a country's heading over its
    authorities' lines), never goes on to the next."""
    # A wrapping program breaks at spaces: a line of one long token ("(7)：A、B、C") stays as
    # it was, however long, and says nothing about the width.
    lengths = [len(line.text) if " " in line.text.strip() else 0 for line in lines]
    whole = max(lengths, default=0)
    if not MIN_WRAP_WIDTH <= whole <= MAX_WRAP_WIDTH:
        return lines, False
    wraps = [
        index
        for index in range(len(lines) - 1)
        if _is_wrap(
            lines[index].text, lines[index + 1].text, _width_at(lengths, index, whole), opens_structure, stands_alone
        )
    ]
    if len(wraps) < MIN_WRAPS:
        return lines, False
    joined: list[Line] = []
    wrap_after = set(wraps)
    for index, line in enumerate(lines):
        if index - 1 in wrap_after and joined:
            joined[-1] = Line(joined[-1].number, join_wrapped(joined[-1].text, line.text))
        else:
            joined.append(line)
    return joined, True


# When a line goes on from the one before (the one before ends no sentence or label):
# - it opens in lower case or with a bracket ("the Uradome Coast" / "(浦富海岸) by boat");
# - the line before breaks after a word that joins a name to what follows ("the Harbin
#   Institute of" / "Technology");
# - the line before is running prose, not a name in a list, and the wrap cut a name in it
#   ("... workers of the Longmay Mining Holding" / "Group. The Vice-Governor ..."), and the
#   line opens no item of its own: a dated one of a programme ("Sep 17 (Thu.) Sessions 1-3",
#   "Friday, 4 September") or a label ("PARTICIPANTS: 14").
# Only the first goes on over a blank line.
_ENDS_LINE = re.compile(r"[.:;!?。：]\s*$")
_OPENS_GOING_ON = re.compile(r"^(?:[a-z]|[(（])")
_BREAKS_AFTER_JOINER = re.compile(r"(?:^|\s)(?:of|the|and|for|on|in|at|to|by|with|from|&)\s*$")
# ... or after a verb that says what follows: "and the theme was" / '"Cold-Region Technology ..."'
_BREAKS_AFTER_COPULA = re.compile(r"\s(?:was|were|is|are)\s*$")
_WORD = re.compile(r"\S+")
_OPENS_ITEM = re.compile(
    rf"^(?:\d|(?:{'|'.join(MONTHS)})\.?\s+\d|(?:{'|'.join(WEEKDAYS)})\b|[^\s:：]+(?:\s+[^\s:：]+){{0,3}}\s*[:：])",
    re.IGNORECASE,
)
# Running prose: a line this long, with this many words, this many of them in lower case
# (not a caption or an attachment's title: "Group photo in front of the Blue Sky Tower")
PROSE_LINE_CHARS, PROSE_LINE_WORDS, PROSE_LINE_LOWER_WORDS = 60, 8, 4


_OPENING_MARKS = "(（[\"“‘«'"


def _long_line_words(line: str) -> list[str]:
    """The words of a line as long as running prose's (PROSE_LINE_CHARS, PROSE_LINE_WORDS), else none."""
    words = _WORD.findall(line)
    return words if len(line) >= PROSE_LINE_CHARS and len(words) >= PROSE_LINE_WORDS else []


# The last words of names: two lines each ending in one are a list's, each ending its name (a
# delegate's line "Head of delegation, Minister of Energy, Government of Sakhalin Region",
# then "Deputy Director, ..., Government of Khabarovsk Krai"), not prose cut inside a name
NAME_FINAL_WORDS = frozenset(
    {
        *("Region", "Province", "Prefecture", "Krai", "Oblast", "Territory", "Republic", "City", "County"),
        *("Government", "Administration", "Ministry", "Commission", "Committee", "Office", "Agency"),
        *("Bureau", "Department", "Institute", "University", "Academy", "Secretariat"),
        # (and other bodies' heads: "..., Siberian Branch of the Russian Academy of Sciences" over
        # "Inner Mongolia University, Hohhot")
        *("Sciences", "Society", "Association", "Corporation", "Company", "Bank", "Council", "Union"),
    }
)


def _prose_cut_in_a_name(line: str) -> bool:
    """Whether ``line`` is running prose whose last word opens a name, perhaps after a bracket
    ("the delegate of Hamgyongbuk-do (North" / "Hamgyong Province) said ...")."""
    words = _long_line_words(line)
    return (
        bool(words)
        and sum(word[0].islower() for word in words) >= PROSE_LINE_LOWER_WORDS
        and words[-1].lstrip(_OPENING_MARKS)[:1].isupper()
    )


def _opens_with_post(line: str) -> bool:
    """Whether a line opens with a delegate's post and a comma: the next of a list of delegates
    ("Programme Officer, ESCAP East and North-East Asia Office"), whatever the line before ends in."""
    return "," in line and is_post(line.split(",", 1)[0])


def _posts_of_bodies(before: str, line: str) -> bool:
    """Whether both lines open with a post of a body: a list of heads of delegation, one a line
    ("Deputy Chairman of the Government of the Republic of Buryatia" / "Director of the ...")."""
    return all(is_post_of(text) for text in (before, line))


_NAME_ENDS_AT = re.compile(r"\s*[,(]")  # a comma or a bracket after a listed name: its place, its aside


def _ends_in_name_word(text: str) -> bool:
    return bool(words := _WORD.findall(text)) and words[-1] in NAME_FINAL_WORDS


def _named_lines(before: str, line: str) -> bool:
    """Whether both lines end in a name's last word (NAME_FINAL_WORDS), the second perhaps before
    a comma or a bracket ("Inner Mongolia University, Hohhot"): lines of a list."""
    return _ends_in_name_word(before) and _ends_in_name_word(_NAME_ENDS_AT.split(line, maxsplit=1)[0])


# Words inside a name that never end one: a line ending in one breaks a name, whatever the
# next line looks like ("... then visited Byeonsanbando National" / "Park (변산반도국립공원): the
# sea cliffs", though a label's colon follows)
NAME_INNER_WORDS = frozenset(
    {
        *("National", "International", "Autonomous", "Special", "Metropolitan", "Provincial", "Prefectural"),
        *("Municipal", "Regional"),  # ("Association of North East Asia Regional" / "Governments")
    }
)


def _breaks_inside_a_name(before: str, line: str) -> bool:
    words = before.split()
    return bool(words) and words[-1] in NAME_INNER_WORDS and line[:1].isupper()


# The head words of a body's name a wrap may push onto the next line: "Department of Agriculture
# of the Primorsky Territory" / "Administration, presented ..."
BODY_HEADS_GOING_ON = frozenset(
    {"Administration", "Government", "Agency", "Bureau", "Institute", "University", "Academy", "Committee"}
)


def _body_head_pushed_over(before: str, line: str) -> bool:
    """A long line ending in a capitalised word, then the head of a body's name (not prose's
    lower-case words: a line of names in a bulleted programme, "• Mr. A, Department of ...")."""
    words = _long_line_words(before)
    return bool(words) and words[-1][:1].isupper() and _first_word(line).rstrip(",.;:") in BODY_HEADS_GOING_ON


# A place's unit word, alone on the line a list's row pushed it to: "Inner Mongolia" over
# "Autonomous Region", "Tov Province, ..., Uvurkhangai" over "Province"
_PLACE_UNIT_PUSHED_OVER = re.compile(
    r"^(?:Autonomous\s+)?(?:Province|Prefecture|Region|Krai|Kray|Oblast|Aimag|Territory|County|District)"
    r"(?=\s*(?:[,;(]|$))"
)


def _place_unit_pushed_over(before: str, line: str) -> bool:
    words = before.split()
    return bool(words) and words[-1][:1].isupper() and _PLACE_UNIT_PUSHED_OVER.match(line) is not None


def _opens_capital_not_item(line: str) -> bool:
    return line[:1].isupper() and not _OPENS_ITEM.match(line)


# (name, goes on over a blank line, the rule: the line before, the line)
LINE_GOES_ON: tuple[tuple[str, bool, Callable[[str, str], bool]], ...] = (
    ("opens in lower case or a bracket", True, lambda _before, line: bool(_OPENS_GOING_ON.match(line))),
    (
        "breaks after a joining word",
        False,
        lambda before, line: bool(_BREAKS_AFTER_JOINER.search(before)) and not _OPENS_ITEM.match(line),
    ),
    (
        "running prose broken inside a name",
        False,
        lambda before, line: (
            _opens_capital_not_item(line)
            and _prose_cut_in_a_name(before)
            and not _named_lines(before, line)
            and not _opens_with_post(line)
            and not _posts_of_bodies(before, line)
        ),
    ),
    (
        "breaks after a copula",
        False,
        lambda before, line: bool(_BREAKS_AFTER_COPULA.search(before)) and not _OPENS_ITEM.match(line),
    ),
    ("breaks after a word inside a name", False, _breaks_inside_a_name),
    ("breaks before a body's head word", False, _body_head_pushed_over),
    ("breaks before a place's unit word", False, _place_unit_pushed_over),
    # "FAO (the Food and Agriculture" over "Organization of the United Nations) sent a paper"
    ("breaks inside a bracket it closes", False, lambda before, line: _open_bracket(before) and _closes_bracket(line)),
)


def _open_bracket(text: str) -> bool:
    return text.count("(") > text.count(")")


def _closes_bracket(text: str) -> bool:
    return text.find(")") != -1 and (text.find("(") == -1 or text.find(")") < text.find("("))


# A portal's bar of items ("RU | SAH | EN", "Home | Governor | Government | News"), a table's row of
# cells (a slide's footer, "Gangwon Provincial Government | 2017 NEAR Agriculture Subcommittee | 3 /
# 12"): no line goes on into it nor from it
_BAR_OF_ITEMS = re.compile(r"^[^|｜]{1,60}(?:\s[|｜]\s[^|｜]{1,60}){2,}$")


def _goes_on(before: str, line: str, after_blank: bool) -> bool:
    return (
        not _ENDS_LINE.search(before)
        and not _BAR_OF_ITEMS.match(before)
        and not _BAR_OF_ITEMS.match(line)
        and not rows_of_a_list(before, line)
        and not fax_line(before)
        and not fax_line(line)
        and any(rule(before, line) for _, over_blank, rule in LINE_GOES_ON if over_blank or not after_blank)
    )


def rejoined_paragraphs(lines: list[str]) -> list[str]:
    """A section's lines with each line that goes on from the one before joined to it (a
    paragraph hard-wrapped wider than the reader unwraps, or unevenly): a name broken by the
    wrap is one name to the tagger, and a paragraph one paragraph in a briefing. Lines that
    do not go on stay apart (lists, one name per line)."""
    joined: list[str] = []
    after_blank = False
    for line in lines:
        if not line:
            after_blank = True
            continue
        if joined and _goes_on(joined[-1], line, after_blank):
            joined[-1] = join_wrapped(joined[-1], line)
        else:
            joined.append(line)
        after_blank = False
    return joined
