"""Flowables of our own: long paragraphs set line by line, headings that become
outline entries, a notice box that splits between pages, and a table and a bar chart
drawn straight on the canvas, where reportlab's own cost too much.

Every one of them fits or splits: none is ever taller than a page and unsplittable,
which would stop reportlab's layout with an error.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from .. import briefing as b
from ..fonts import BOLD, REGULAR
from ..theme import CELL_PADDING, COMPACT_CELL_PADDING, chart_label_width
from ..widths import fitted_widths
from .colours import ACCENT, INK, MEMBER_BAR, OBSERVER_BAR, RULE, SHADE
from .markup import markup
from .shared import SharedParagraph
from .styles import STYLES
from .text import TextRuns, draw_runs, fit_text, runs_width, wrap_words


class TextBlock(Flowable):
    """A long paragraph set line by line in its style's font, size, leading and colour,
    with its bullet or number, like a Paragraph without markup. Its lines are broken once
    (words wrapped in each script's font, a word wider than the line cut between
    characters) and a split hands the next page the lines left: linear in the text.
    (reportlab breaks the rest of a split paragraph into lines again on every page,
    popping words off the front of a list: a 900 KB paragraph took a minute.)"""

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        bullet: str | None = None,
        lines: tuple[float, list[str]] | None = None,
        first: bool = True,
        last: bool = True,
    ) -> None:
        super().__init__()
        self.text, self.style, self.bullet = text, style, bullet
        self.lines = lines  # (the width they were broken for, the lines)
        self.first, self.last = first, last
        self.spaceBefore = style.spaceBefore if first else 0
        self.spaceAfter = style.spaceAfter if last else 0

    def _broken(self, width: float) -> list[str]:
        if self.lines is None or self.lines[0] != width:
            room = width - self.style.leftIndent - self.style.rightIndent
            self.lines = width, wrap_words(self.text, self.style.fontName, self.style.fontSize, room)
        return self.lines[1]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = max(1, len(self._broken(available_width))) * self.style.leading
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        lines = self._broken(available_width)
        fit = int(available_height // self.style.leading)
        if fit < 1 or fit >= len(lines):
            return []
        return [
            TextBlock("", self.style, self.bullet, (available_width, lines[:fit]), self.first, last=False),
            TextBlock("", self.style, None, (available_width, lines[fit:]), first=False, last=self.last),
        ]

    def draw(self) -> None:
        style, canvas = self.style, self.canv
        baseline = self.height - style.fontSize
        if self.bullet:
            canvas.setFillColor(style.bulletColor or style.textColor)
            draw_runs(canvas, style.bulletIndent, baseline, self.bullet, style.bulletFontName, style.bulletFontSize)
        canvas.setFillColor(style.textColor)
        text = TextRuns(canvas)
        for number, line in enumerate(self._broken(self.width)):
            text.write(style.leftIndent, baseline - number * style.leading, line, style.fontName, style.fontSize)
        canvas.drawText(text.text)


class Bookmarked(SharedParagraph):
    """A heading that becomes an outline entry (``BriefingTemplate.afterFlowable`` adds it),
    its layout shared as a paragraph's. It takes Paragraph's arguments, so reportlab can
    split one taller than the space left; only the first part carries the outline entry."""

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
        paragraphs: list[Flowable],
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
            parts = paragraph.split(self.inner, room - used)
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

    def _part(self, paragraphs: list[Flowable], heights: list[float]) -> NoticeBox:
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

    padding_x, padding_y = CELL_PADDING  # the theme's, as in the DOCX
    compact_padding = COMPACT_CELL_PADDING
    split_row_lines = 10  # a row of more lines may be split across a page break
    caption_size, caption_height = 10, 17  # '<heading> (continued)' over a part on a further page

    def __init__(
        self,
        block: b.Table,
        width: float,
        rows: list[Cells] | None = None,
        heights: list[float] | None = None,
        continued: bool = False,
        widths: list[float] | None = None,
    ) -> None:
        super().__init__()
        self.block = block
        self.width = width
        # A part on a further page says what it continues, when the table stands under a heading.
        self.continued = continued
        self.caption = (
            block.language._("%(heading)s (continued)") % {"heading": block.heading}
            if continued and block.heading
            else block.heading
            if block.captioned
            else ""
        )
        if block.compact:
            self.padding_x, self.padding_y = self.compact_padding
        # (fitted to all the table's rows once: its parts take the widths along, as their rows)
        if widths is None:
            fractions = (
                fitted_widths(block.columns, block.widths, width, self.padding_x, block.rows)
                if any(block.columns)
                else block.widths
            )
            widths = [fraction * width for fraction in fractions]
        self.widths = widths
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
        # (the caption is drawn over the header, and counted with it)
        self.header_height = (self._row_height(self.header) if self.header else 0) + (
            self.caption_height if self.caption else 0
        )
        # Each row's height, measured once: the parts of a split table take theirs along.
        self.heights = heights if heights is not None else [self._row_height(row) for row in self.rows]
        self.height = self.header_height + sum(self.heights)

    def _font(self, column: int) -> str:
        return BOLD if self.block.style == "facts" and column == 0 else REGULAR

    def _lines(self, text: str, font: str, column: int) -> list[str]:
        """A cell's lines: each of its own lines (a line break in the text) wrapped at words."""
        room = self.widths[column] - 2 * self.padding_x
        if "\n" not in text:
            return wrap_words(text, font, self.size, room)
        return [line for part in text.split("\n") for line in wrap_words(part, font, self.size, room)]

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
                    self._part(
                        [tail, *self.rows[index + 1 :]], [self._row_height(tail), *self.heights[index + 1 :]], True
                    ),
                ]
            if not index:
                return []
            return [
                self._part(self.rows[:index], self.heights[:index]),
                self._part(self.rows[index:], self.heights[index:], True),
            ]
        return [self]

    def _part(self, rows: list[Cells], heights: list[float], further: bool = False) -> GridFlowable:
        """Some of the rows; ``further``: the part that goes on a further page."""
        return GridFlowable(self.block, self.width, rows, heights, further or self.continued, self.widths)

    def _draw_text(self, text: TextRuns, top: float, cells: Cells, fonts: list[str]) -> None:
        """One row's lines."""
        x: float = self.padding_x
        for lines, width, font in zip(cells, self.widths, fonts, strict=False):
            for number, line in enumerate(lines):
                text.write(x, top - self.padding_y - self.size - number * self.leading, line, font, self.size)
            x += width

    def draw(self) -> None:
        canvas = self.canv
        if self.caption:
            canvas.setFillColor(ACCENT)
            draw_runs(canvas, 0, self.height - self.caption_size - 2, self.caption, BOLD, self.caption_size)
        bottoms, top = [], self.height - self.header_height
        for height in self.heights:
            bottoms.append(top - height)
            top = bottoms[-1]
        canvas.setFillColor(SHADE)
        header_top = self.height - (self.caption_height if self.caption else 0)
        if self.header:
            header_bottom = self.height - self.header_height
            canvas.rect(0, header_bottom, self.width, header_top - header_bottom, stroke=0, fill=1)
        if self.block.style == "facts":
            canvas.rect(0, 0, self.widths[0], self.height - self.header_height, stroke=0, fill=1)
        canvas.setFillColor(INK)
        text = TextRuns(canvas)  # one text object for the table: one per cell cost most of the time
        if self.header:
            self._draw_text(text, header_top, self.header, [BOLD] * len(self.widths))
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


VALUE_SIZE = 8.5  # the count at a bar's end


class BarChartFlowable(Flowable):
    """Horizontal bars drawn straight on the canvas: vector, in our fonts only. A chart
    taller than the space left goes on over the next page, under its title, at the same scale."""

    bar_height, gap, top = 12, 6, 18
    min_bars = 5  # fewer bars than this at the foot of a page: the chart starts on the next page instead

    def __init__(
        self,
        chart: b.BarChart,
        width: float,
        largest: int | None = None,
        first_title: str | None = None,
        room: float | None = None,
        label_width: float | None = None,
    ) -> None:
        super().__init__()
        self.chart = chart
        self.first_title = first_title or chart.title  # the title over its first part (the rest: '... (continued)')
        self.width = width
        self.largest = largest or max((members + observers for _, members, observers in chart.bars), default=0) or 1
        # the room right of the longest bar for the widest count ('3 and 1 observer'): the parts
        # of a chart split over pages keep the whole chart's, as they keep its scale
        self.room = room if room is not None else self._room(chart)
        self.label_width = label_width if label_width is not None else self._label_width(chart, width)
        self.height = self.top + len(chart.bars) * (self.bar_height + self.gap) + 4

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        fit = int((available_height - self.top - 4) // (self.bar_height + self.gap))
        if fit < self.min_bars or fit >= len(self.chart.bars):
            return []  # too few bars would fit here (or all do: then it was never too tall)
        bars = self.chart.bars
        language = self.chart.language
        rest = b.BarChart(language._("%(heading)s (continued)") % {"heading": self.first_title}, bars[fit:], language)
        first = b.BarChart(self.chart.title, bars[:fit], language)
        return [
            BarChartFlowable(first, self.width, self.largest, self.first_title, self.room, self.label_width),
            BarChartFlowable(rest, self.width, self.largest, self.first_title, self.room, self.label_width),
        ]

    @staticmethod
    def _room(chart: b.BarChart) -> float:
        return max((runs_width(value, REGULAR, VALUE_SIZE) for value in chart.values()), default=0) + 8

    @staticmethod
    def _label_width(chart: b.BarChart, width: float) -> float:
        widest = max((runs_width(label, REGULAR, 8.5) for label, _, _ in chart.bars), default=0) + 4
        return chart_label_width(widest, width, 34 * mm)

    def draw(self) -> None:
        canvas = self.canv
        label_width = self.label_width
        scale = (self.width - label_width - self.room) / self.largest
        canvas.setFillColor(INK)
        draw_runs(canvas, 0, self.height - 11, self.chart.title, BOLD, 9.5)
        y = self.height - self.top - self.bar_height
        for (label, members, observers), value in zip(self.chart.bars, self.chart.values(), strict=True):
            canvas.setFillColor(INK)
            draw_runs(canvas, 0, y + 3, fit_text(label, REGULAR, 8.5, label_width - 4), REGULAR, 8.5)
            canvas.setFillColor(MEMBER_BAR)
            canvas.rect(label_width, y, members * scale, self.bar_height, stroke=0, fill=1)
            if observers:
                canvas.setFillColor(OBSERVER_BAR)
                canvas.rect(label_width + members * scale, y, observers * scale, self.bar_height, stroke=0, fill=1)
            canvas.setFillColor(INK)
            draw_runs(canvas, label_width + (members + observers) * scale + 4, y + 3, value, REGULAR, VALUE_SIZE)
            y -= self.bar_height + self.gap
