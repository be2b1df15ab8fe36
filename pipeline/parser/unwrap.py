"""Lines hard-wrapped at a fixed width (an e-mail client, a terminal) joined again.

A break is taken for a wrap when the next line's first word would not have fitted
on the line before it: text wrapped at width W breaks a line only where the next
word would pass W. A break before something that opens a structure (a section, a
bullet, a numbered item, a label, a country) is kept, and a text is unwrapped only
when its longest line is no wider than a wrapping program makes them and enough of
its breaks are wraps.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from .text import Line

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
