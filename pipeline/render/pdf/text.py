"""Text drawn straight on the canvas, each script run in a font that has its glyphs.

Tables, the chart and the footer are drawn this way rather than as Paragraphs:
no markup parse, one text object for many lines. reportlab has no per-glyph
font fallback, so a line is written and measured run by run.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ..fonts import runs


class TextRuns:
    """One PDF text object, written line by line, each script run in a font that has it.
    It sets the font itself before its first run: the page's current font is unknown."""

    def __init__(self, canvas: Canvas) -> None:
        self.text = canvas.beginText()
        self.font: tuple[str, float] | None = None

    def write(self, x: float, y: float, line: str, primary: str, size: float) -> None:
        self.text.setTextOrigin(x, y)
        for font, run in runs(line, primary):
            if self.font != (font, size):
                self.text.setFont(font, size)
                self.font = (font, size)
            # (textOut's operators without its cursor's advance, a width measured for nothing:
            # a run after the first starts where the PDF viewer's own advance over the glyphs
            # before it left the cursor. reportlab's own step, pinned by the lock file.)
            self.text._code.append(self.text._formatText(run))  # type: ignore[attr-defined]


def draw_runs(canvas: Canvas, x: float, y: float, text: str, primary: str, size: float) -> None:
    """Text straight on the canvas, each script run in a font that has it."""
    text_runs = TextRuns(canvas)
    text_runs.write(x, y, text, primary, size)
    canvas.drawText(text_runs.text)


def runs_width(text: str, font: str, size: float) -> float:
    return sum(stringWidth(run, name, size) for name, run in runs(text, font))


def _pieces(word: str, font: str, size: float, width: float) -> list[tuple[str, float]]:
    """A word wider than ``width`` (a long code, or a line of Chinese or Japanese, which
    has no spaces) cut between characters into pieces that fit: (piece, its width)."""
    pieces: list[tuple[str, float]] = []
    piece: list[str] = []
    used = 0.0
    for name, run in runs(word, font):
        for char in run:
            char_width = stringWidth(char, name, size)
            if used + char_width > width and piece:
                pieces.append(("".join(piece), used))
                piece, used = [], 0.0
            piece.append(char)
            used += char_width
    pieces.append(("".join(piece), used))
    return pieces


@lru_cache(maxsize=1 << 16)
def _word_width(word: str, font: str, size: float) -> float:
    """A word's width, measured once: tables and the pre-send report repeat their words
    thousands of times ("Overview", "authorities", a country's name)."""
    return runs_width(word, font, size)


def wrap_words(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap, each line measured in the fonts its script runs use; a word
    wider than a line is cut between characters, so no line runs past ``width``."""
    lines: list[str] = []
    space, used = _word_width(" ", font, size), 0.0
    for word in text.split():
        word_width = _word_width(word, font, size)
        if lines and used + space + word_width <= width:
            lines[-1] += f" {word}"
            used += space + word_width
        elif word_width <= width:
            lines.append(word)
            used = word_width
        else:
            pieces = _pieces(word, font, size, width)
            lines += [piece for piece, _ in pieces]
            used = pieces[-1][1]
    return lines


ELLIPSIS = "…"


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """``text`` as it is when it fits ``width``, else cut short with an ellipsis (a chart
    label, the footer): one line that never runs into what stands beside it."""
    if runs_width(text, font, size) <= width:
        return text
    room = width - stringWidth(ELLIPSIS, font, size)
    kept, used = [], 0.0
    for char in text:
        used += runs_width(char, font, size)
        if used > room:
            break
        kept.append(char)
    return "".join(kept).rstrip() + ELLIPSIS
