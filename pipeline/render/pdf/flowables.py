"""Flowables of our own: headings that become outline entries, and a table and a
bar chart drawn straight on the canvas, where reportlab's own cost too much."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from .. import briefing as b
from ..fonts import BOLD, REGULAR
from .colours import ACCENT, INK, MEMBER_BAR, OBSERVER_BAR, RULE, SHADE
from .markup import markup
from .styles import STYLES
from .text import TextRuns, draw_runs, wrap_words


class Bookmarked(Paragraph):
    """A heading that becomes an outline entry (``BriefingTemplate.afterFlowable`` adds it)."""

    def __init__(self, text: str, style: str, level: int) -> None:
        super().__init__(markup(text, STYLES[style].fontName), STYLES[style])
        self.outline = (text, level)


Cells = list[list[str]]  # a row: each cell's lines


class GridFlowable(Flowable):
    """A table drawn straight on the canvas: cells wrapped at words, a rule under every
    row, a shaded header repeated on every page, a shaded first column for "facts".
    (reportlab's Table spent a third of a briefing, and most of a thousand-conference
    book, styling cells one by one.) A row too tall to move whole is split between pages."""

    padding_x, padding_y = 6, 3  # reportlab's cell padding
    split_row_lines = 10  # a row of more lines may be split across a page break

    def __init__(self, block: b.Table, width: float, rows: list[Cells] | None = None) -> None:
        super().__init__()
        self.block = block
        self.width = width
        self.widths = [fraction * width for fraction in block.widths]
        self.size, self.leading = STYLES["cell"].fontSize, STYLES["cell"].leading
        self.header = (
            [self._lines(text, BOLD, column) for column, text in enumerate(block.columns)]
            if any(block.columns)
            else None
        )
        self.rows = (
            rows
            if rows is not None
            else [
                [self._lines(text, self._font(column), column) for column, text in enumerate(row)] for row in block.rows
            ]
        )
        self.header_height = self._row_height(self.header) if self.header else 0
        self.height = self.header_height + sum(map(self._row_height, self.rows))

    def _font(self, column: int) -> str:
        return BOLD if self.block.style == "facts" and column == 0 else REGULAR

    def _lines(self, text: str, font: str, column: int) -> list[str]:
        return wrap_words(text, font, self.size, self.widths[column] - 2 * self.padding_x)

    def _row_height(self, cells: Cells) -> float:
        return max([1, *map(len, cells)]) * self.leading + 2 * self.padding_y

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        used = self.header_height
        for index, row in enumerate(self.rows):
            if used + self._row_height(row) <= available_height:
                used += self._row_height(row)
                continue
            room = int((available_height - used - 2 * self.padding_y) // self.leading)
            if max(len(cell) for cell in row) > self.split_row_lines and room >= 1:
                head, tail = [cell[:room] for cell in row], [cell[room:] for cell in row]
                return [self._part([*self.rows[:index], head]), self._part([tail, *self.rows[index + 1 :]])]
            return [self._part(self.rows[:index]), self._part(self.rows[index:])] if index else []
        return []

    def _part(self, rows: list[Cells]) -> GridFlowable:
        return GridFlowable(self.block, self.width, rows)

    def _draw_text(self, text: TextRuns, top: float, cells: Cells, fonts: list[str]) -> None:
        """One row's lines."""
        x: float = self.padding_x
        for lines, width, font in zip(cells, self.widths, fonts, strict=False):
            for number, line in enumerate(lines):
                text.write(x, top - self.padding_y - self.size - number * self.leading, line, font, self.size)
            x += width

    def draw(self) -> None:
        canvas = self.canv
        bottoms, top = [], self.height - self.header_height
        for row in self.rows:
            bottoms.append(top - self._row_height(row))
            top = bottoms[-1]
        canvas.setFillColor(SHADE)
        if self.header:
            canvas.rect(0, self.height - self.header_height, self.width, self.header_height, stroke=0, fill=1)
        if self.block.style == "facts":
            canvas.rect(0, 0, self.widths[0], self.height - self.header_height, stroke=0, fill=1)
        canvas.setFillColor(INK)
        text = TextRuns(canvas)  # one text object for the table: one per cell cost most of the time
        if self.header:
            self._draw_text(text, self.height, self.header, [BOLD] * len(self.widths))
        fonts = [self._font(column) for column in range(len(self.widths))]
        for row, bottom in zip(self.rows, [self.height - self.header_height, *bottoms], strict=False):
            self._draw_text(text, bottom, row, fonts)
        canvas.drawText(text.text)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.lines([(0, y, self.width, y) for y in bottoms])
        if self.header:
            canvas.setStrokeColor(ACCENT)
            canvas.setLineWidth(0.8)
            canvas.line(0, self.height - self.header_height, self.width, self.height - self.header_height)


class BarChartFlowable(Flowable):
    """Horizontal bars drawn straight on the canvas: vector, in our fonts only."""

    bar_height, gap, top = 12, 6, 18

    def __init__(self, chart: b.BarChart, width: float) -> None:
        super().__init__()
        self.chart = chart
        self.width = width
        self.height = self.top + len(chart.bars) * (self.bar_height + self.gap) + 4

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        label_width = 34 * mm
        largest = max((members + observers for _, members, observers in self.chart.bars), default=0) or 1
        scale = (self.width - label_width - 40) / largest
        canvas.setFillColor(INK)
        draw_runs(canvas, 0, self.height - 11, self.chart.title, BOLD, 9.5)
        y = self.height - self.top - self.bar_height
        for label, members, observers in self.chart.bars:
            canvas.setFillColor(INK)
            draw_runs(canvas, 0, y + 3, label, REGULAR, 8.5)
            canvas.setFillColor(MEMBER_BAR)
            canvas.rect(label_width, y, members * scale, self.bar_height, stroke=0, fill=1)
            if observers:
                canvas.setFillColor(OBSERVER_BAR)
                canvas.rect(label_width + members * scale, y, observers * scale, self.bar_height, stroke=0, fill=1)
            canvas.setFillColor(INK)
            value = f"{members}" + (f" + {observers} observer{'s' if observers > 1 else ''}" if observers else "")
            draw_runs(canvas, label_width + (members + observers) * scale + 4, y + 3, value, REGULAR, 8.5)
            y -= self.bar_height + self.gap
