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

from .text import Line

MAX_WRAP_WIDTH = 100  # texts with longer lines were not hard-wrapped
MIN_WRAP_WIDTH = 40
MIN_WRAPS = 3
# A wrapped line that was indented (a tab, two spaces) has lost its indentation when read.
WRAP_SLACK = 2


def _first_word(text: str) -> str:
    return text.split(" ", 1)[0]


def _is_wrap(before: str, after: str, width: int, opens_structure: Callable[[str], bool]) -> bool:
    return (
        bool(before)
        and bool(after)
        and len(before) + 1 + len(_first_word(after)) > width - WRAP_SLACK
        and not before.endswith((":", "："))
        and not opens_structure(after)
    )


def join_wrapped(before: str, after: str) -> str:
    """A word broken at its hyphen ("Gyeongsangbuk-" + "do") is joined without a space."""
    return before + after if before.endswith("-") else f"{before} {after}"


def unwrap(lines: list[Line], opens_structure: Callable[[str], bool]) -> tuple[list[Line], bool]:
    """-> (the lines, joined where they were wrapped; whether any were)."""
    # A wrapping program breaks at spaces: a line of one long token ("(7)：A、B、C") stays as
    # it was, however long, and says nothing about the width.
    width = max((len(line.text) for line in lines if " " in line.text.strip()), default=0)
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return lines, False
    wraps = [
        index
        for index in range(len(lines) - 1)
        if _is_wrap(lines[index].text, lines[index + 1].text, width, opens_structure)
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
