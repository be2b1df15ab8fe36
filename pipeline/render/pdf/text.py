"""Text drawn straight on the canvas, each script run in a font that has its glyphs.

Tables, the chart and the footer are drawn this way rather than as Paragraphs:
no markup parse, one text object for many lines. reportlab has no per-glyph
font fallback, so a line is written and measured run by run.
"""

from __future__ import annotations

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
        for font, run in runs(line, primary):
            if self.font != (font, size):
                self.text.setFont(font, size)
                self.font = (font, size)
            self.text.setTextOrigin(x, y)
            self.text.textOut(run)
            x += stringWidth(run, font, size)


def draw_runs(canvas: Canvas, x: float, y: float, text: str, primary: str, size: float) -> None:
    """Text straight on the canvas, each script run in a font that has it."""
    text_runs = TextRuns(canvas)
    text_runs.write(x, y, text, primary, size)
    canvas.drawText(text_runs.text)


def _text_width(text: str, font: str, size: float) -> float:
    return sum(stringWidth(run, name, size) for name, run in runs(text, font))


def wrap_words(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap, each line measured in the fonts its script runs use."""
    lines: list[str] = []
    space, used = stringWidth(" ", font, size), 0.0
    for word in text.split():
        word_width = _text_width(word, font, size)
        if lines and used + space + word_width <= width:
            lines[-1] += f" {word}"
            used += space + word_width
        else:
            lines.append(word)
            used = word_width
    return lines
