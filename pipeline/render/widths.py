"""Column widths that fit their words, for both writers.

A table's widths are fractions of the text width; a column narrower than the longest
word of its header (bold, at the cell size, with the cell's padding) or of its cells
would break that word between letters ('Authoritie/s', '2 наблюдател/я'). Such a column
is widened to fit, and the room is taken from the widest columns, which wrap whole words
more easily.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth

from .fonts import BOLD, REGULAR, register_all, runs
from .theme import CELL_PADDING, TEXT_STYLES


@lru_cache(maxsize=4096)  # (the same words in every record's tables: countries, counts, regions)
def _word_width(word: str, font: str = BOLD) -> float:
    size = TEXT_STYLES["cell"].size
    return sum(stringWidth(run, name, size) for name, run in runs(word, font))


@lru_cache(maxsize=4096)  # (a table's cells repeat: "unchanged", "no notes" in every row of the pre-send report)
def _longest_word(text: str, font: str) -> float:
    return max((_word_width(word, font) for line in text.split("\n") for word in line.split()), default=0.0)


def fitted_widths(
    columns: list[str],
    widths: list[float],
    text_width: float,
    padding: float | None = None,
    rows: list[list[str]] | None = None,
) -> list[float]:
    """``widths`` (fractions of ``text_width`` points) with every column at least as wide as
    the longest word of its header and of its cells in ``rows``; unchanged when they already
    fit or cannot all fit."""
    register_all()
    padding = CELL_PADDING[0] if padding is None else padding
    cells = [[row[index] for row in rows or [] if index < len(row)] for index in range(len(columns))]
    needed = [
        (max([_longest_word(header, BOLD), *(_longest_word(cell, REGULAR) for cell in column)]) + 2 * padding + 1)
        / text_width
        for header, column in zip(columns, cells, strict=True)
    ]
    if sum(needed) > 1 or all(w >= n for w, n in zip(widths, needed, strict=True)):
        return widths
    fitted = [max(w, n) for w, n in zip(widths, needed, strict=True)]
    excess = sum(fitted) - sum(widths)
    for index in sorted(range(len(fitted)), key=lambda i: fitted[i] - needed[i], reverse=True):
        spare = min(fitted[index] - needed[index], excess)
        fitted[index] -= spare
        excess -= spare
        if excess <= 1e-9:
            break
    return fitted
