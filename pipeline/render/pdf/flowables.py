"""Flowables of our own: paragraphs that split in linear time, headings that become
outline entries, a notice box that splits between pages, and a table and a bar chart
drawn straight on the canvas, where reportlab's own cost too much.

Every one of them fits or splits: none is ever taller than a page and unsplittable,
which would stop reportlab's layout with an error.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from .. import briefing as b
from ..fonts import BOLD, REGULAR
from .colours import ACCENT, INK, MEMBER_BAR, OBSERVER_BAR, RULE, SHADE
from .markup import markup
from .styles import STYLES
from .text import TextRuns, draw_runs, fit_text, wrap_words


class Para(Paragraph):
    """A Paragraph whose lines are broken once. reportlab's own split hands the next page
    the rest of the text, which breaks it into lines all over again on every page: a
    paragraph of a hundred pages cost time quadratic in its length (a minute for 900 KB).
    Here the rest keeps the lines already broken, as long as the width stays the same."""

    blPara: Any  # noqa: N815 (reportlab's name for its broken lines; not in its stubs)
    _broken_for: float | None = None  # the width the lines in ``blPara`` were broken for, when inherited

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab's names)
        if self._broken_for == availWidth and hasattr(self, "blPara"):
            self.width = availWidth
            self.height = len(self.blPara.lines) * self.style.leading
            return self.width, self.height
        return super().wrap(availWidth, availHeight)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 (reportlab's names)
        broken = getattr(self, "blPara", None) if getattr(self, "width", None) == availWidth else None
        parts = super().split(availWidth, availHeight)
        if not parts and broken is not None:  # no room left here: reportlab forgets the lines, the next page needs them
            self.blPara, self._broken_for = broken, availWidth
        if len(parts) == 2:
            head, tail = parts
            # Not for text reportlab keeps as measured words: their line records index the whole text.
            if isinstance(head, Para) and isinstance(tail, Para) and not _measured_words(tail.frags):
                tail.blPara = self.blPara.clone(lines=self.blPara.lines[len(head.blPara.lines) :])
                tail._broken_for = availWidth
        return parts


def _measured_words(frags: list[Any]) -> bool:
    """Whether reportlab holds a paragraph's text as measured words ([width, ...] lists),
    as its own ``_processed_frags`` tells."""
    return bool(frags) and isinstance(frags[0], list) and bool(frags[0]) and isinstance(frags[0][0], float | int)


class Bookmarked(Para):
    """A heading that becomes an outline entry (``BriefingTemplate.afterFlowable`` adds it).
    It takes Paragraph's arguments, so reportlab can split one taller than the space left;
    only the first part carries the outline entry."""

    def __init__(self, *args: Any, outline: tuple[str, int] | None = None, **kwargs: Any) -> None:  # Paragraph's
        super().__init__(*args, **kwargs)
        self.outline = outline

    @classmethod
    def heading(cls, text: str, style: str, level: int) -> Bookmarked:
        return cls(markup(text, STYLES[style].fontName), STYLES[style], outline=(text, level))

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 (reportlab's names)
        parts = super().split(availWidth, availHeight)
        for index, part in enumerate(parts):
            if isinstance(part, Bookmarked):
                part.outline = self.outline if index == 0 else None
        return parts


class NoticeBox(Flowable):
    """Paragraphs in a shaded box with a coloured left edge (the data notes). Split between
    pages where they do not fit, a paragraph taller than the space left split too; each
    paragraph is wrapped once, so a box of a thousand notes is laid out in linear time."""

    padding_x, padding_y = 8, 6
    edge_width = 3

    def __init__(
        self,
        paragraphs: list[Para],
        width: float,
        fill: Color,
        edge: Color,
        heights: list[float] | None = None,
    ) -> None:
        super().__init__()
        self.paragraphs, self.width, self.fill, self.edge = paragraphs, width, fill, edge
        self.inner = width - 2 * self.padding_x
        self.heights = heights if heights is not None else [p.wrap(self.inner, 1e9)[1] for p in paragraphs]
        self.height = sum(self.heights) + 2 * self.padding_y

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        room, used = available_height - 2 * self.padding_y, 0.0
        for index, (paragraph, height) in enumerate(zip(self.paragraphs, self.heights, strict=True)):
            if used + height <= room:
                used += height
                continue
            parts = [part for part in paragraph.split(self.inner, room - used) if isinstance(part, Para)]
            if len(parts) == 2:
                head = [*self.paragraphs[:index], parts[0]]
                tail = [parts[1], *self.paragraphs[index + 1 :]]
                head_heights = [*self.heights[:index], parts[0].wrap(self.inner, room - used)[1]]
                tail_heights = [parts[1].wrap(self.inner, 1e9)[1], *self.heights[index + 1 :]]
                return [self._part(head, head_heights), self._part(tail, tail_heights)]
            if index == 0:
                return []  # not one line fits: the box starts on the next page
            return [
                self._part(self.paragraphs[:index], self.heights[:index]),
                self._part(self.paragraphs[index:], self.heights[index:]),
            ]
        return []

    def _part(self, paragraphs: list[Para], heights: list[float]) -> NoticeBox:
        return NoticeBox(paragraphs, self.width, self.fill, self.edge, heights)

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(self.fill)
        canvas.setStrokeColor(self.edge)
        canvas.setLineWidth(0.5)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=1)
        canvas.setLineWidth(self.edge_width)
        canvas.line(0, 0, 0, self.height)
        top = self.height - self.padding_y
        for paragraph, height in zip(self.paragraphs, self.heights, strict=True):
            top -= height
            paragraph.wrap(self.inner, height)  # again: a split that found no room forgets the lines
            paragraph.drawOn(canvas, self.padding_x, top)


Cells = list[list[str]]  # a row: each cell's lines


class GridFlowable(Flowable):
    """A table drawn straight on the canvas: cells wrapped at words, a rule under every
    row, a shaded header repeated on every page, a shaded first column for "facts".
    (reportlab's Table spent a third of a briefing, and most of a thousand-conference
    book, styling cells one by one.) A row too tall to move whole is split between pages."""

    padding_x, padding_y = 6, 3  # reportlab's cell padding
    split_row_lines = 10  # a row of more lines may be split across a page break

    def __init__(
        self, block: b.Table, width: float, rows: list[Cells] | None = None, heights: list[float] | None = None
    ) -> None:
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
        # Each row's height, measured once: the parts of a split table take theirs along.
        self.heights = heights if heights is not None else [self._row_height(row) for row in self.rows]
        self.height = self.header_height + sum(self.heights)

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
        for index, (row, height) in enumerate(zip(self.rows, self.heights, strict=True)):
            if used + height <= available_height:
                used += height
                continue
            room = int((available_height - used - 2 * self.padding_y) // self.leading)
            if max(len(cell) for cell in row) > self.split_row_lines and room >= 1:
                head, tail = [cell[:room] for cell in row], [cell[room:] for cell in row]
                return [
                    self._part([*self.rows[:index], head], [*self.heights[:index], self._row_height(head)]),
                    self._part([tail, *self.rows[index + 1 :]], [self._row_height(tail), *self.heights[index + 1 :]]),
                ]
            if not index:
                return []
            return [
                self._part(self.rows[:index], self.heights[:index]),
                self._part(self.rows[index:], self.heights[index:]),
            ]
        return [self]

    def _part(self, rows: list[Cells], heights: list[float]) -> GridFlowable:
        return GridFlowable(self.block, self.width, rows, heights)

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
        for height in self.heights:
            bottoms.append(top - height)
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
    """Horizontal bars drawn straight on the canvas: vector, in our fonts only. A chart
    taller than the space left goes on over the next page, under its title, at the same scale."""

    bar_height, gap, top = 12, 6, 18
    min_bars = 5  # fewer bars than this at the foot of a page: the chart starts on the next page instead

    def __init__(self, chart: b.BarChart, width: float, largest: int | None = None) -> None:
        super().__init__()
        self.chart = chart
        self.width = width
        self.largest = largest or max((members + observers for _, members, observers in chart.bars), default=0) or 1
        self.height = self.top + len(chart.bars) * (self.bar_height + self.gap) + 4

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        fit = int((available_height - self.top - 4) // (self.bar_height + self.gap))
        if fit < self.min_bars or fit >= len(self.chart.bars):
            return []  # too few bars would fit here (or all do: then it was never too tall)
        bars = self.chart.bars
        rest = b.BarChart(self.chart.title.removesuffix(" (continued)") + " (continued)", bars[fit:])
        return [
            BarChartFlowable(b.BarChart(self.chart.title, bars[:fit]), self.width, self.largest),
            BarChartFlowable(rest, self.width, self.largest),
        ]

    def draw(self) -> None:
        canvas = self.canv
        label_width = 34 * mm
        scale = (self.width - label_width - 40) / self.largest
        canvas.setFillColor(INK)
        draw_runs(canvas, 0, self.height - 11, self.chart.title, BOLD, 9.5)
        y = self.height - self.top - self.bar_height
        for label, members, observers in self.chart.bars:
            canvas.setFillColor(INK)
            draw_runs(canvas, 0, y + 3, fit_text(label, REGULAR, 8.5, label_width - 4), REGULAR, 8.5)
            canvas.setFillColor(MEMBER_BAR)
            canvas.rect(label_width, y, members * scale, self.bar_height, stroke=0, fill=1)
            if observers:
                canvas.setFillColor(OBSERVER_BAR)
                canvas.rect(label_width + members * scale, y, observers * scale, self.bar_height, stroke=0, fill=1)
            canvas.setFillColor(INK)
            value = f"{members}" + (f" + {observers} observer{'s' if observers > 1 else ''}" if observers else "")
            draw_runs(canvas, label_width + (members + observers) * scale + 4, y + 3, value, REGULAR, 8.5)
            y -= self.bar_height + self.gap
