"""Briefing -> PDF with reportlab platypus.

Every piece of record text passes through ``markup`` (escape, then font runs)
right before it becomes a Paragraph: that is the only place text meets
reportlab's paragraph markup.
"""

from __future__ import annotations

import io
from functools import cache, partial
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from . import briefing as b
from .fonts import BOLD, REGULAR, register_all, runs

PAGE_SIZES = {"a4": A4, "letter": LETTER}
# Streams are Flate-compressed; ASCII85 on top only makes them bigger and slower.
rl_config.useA85 = 0
INK = colors.HexColor("#1f2933")
ACCENT = colors.HexColor("#1d4e89")
RULE = colors.HexColor("#c5ced8")
SHADE = colors.HexColor("#eef2f6")
WARNING_FILL = colors.HexColor("#fff4e5")
WARNING_EDGE = colors.HexColor("#d9822b")
OK_FILL = colors.HexColor("#edf7ee")
OK_EDGE = colors.HexColor("#4c9a52")
MEMBER_BAR = ACCENT
OBSERVER_BAR = colors.HexColor("#9fb8d6")


def markup(text: str, font: str = REGULAR) -> str:
    """Record text -> safe paragraph markup: escaped, each script run in a font that has it."""
    return "".join(
        escape(run) if name == font else f'<font name="{name}">{escape(run)}</font>' for name, run in runs(text, font)
    )


def _style(name: str, **overrides) -> ParagraphStyle:
    base = {
        "fontName": REGULAR,
        "bulletFontName": REGULAR,
        "fontSize": 9.5,
        "leading": 13,
        "textColor": INK,
        "alignment": TA_LEFT,
    }
    return ParagraphStyle(name, **{**base, **overrides})


STYLES = {
    "title": _style("title", fontName=BOLD, fontSize=20, leading=25, textColor=ACCENT, spaceAfter=4),
    "subtitle": _style("subtitle", fontSize=11, leading=15, textColor=INK),
    "h1": _style("h1", fontName=BOLD, fontSize=13.5, leading=17, textColor=ACCENT, spaceBefore=12, spaceAfter=5),
    "h2": _style("h2", fontName=BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=3),
    "body": _style("body", spaceAfter=5),
    "closing": _style("closing", spaceBefore=4, spaceAfter=5, textColor=colors.HexColor("#52606d")),
    "verbatim": _style("verbatim", spaceAfter=2),
    "muted": _style("muted", fontSize=8.5, textColor=colors.HexColor("#52606d"), spaceAfter=4),
    "cell": _style("cell", fontSize=8.5, leading=11),
    "cell_bold": _style("cell_bold", fontName=BOLD, fontSize=8.5, leading=11),
    "notice": _style("notice", fontSize=10, leading=14),
    "notice_head": _style("notice_head", fontName=BOLD, fontSize=10, leading=14),
}


def _paragraph(text: str, style: str) -> Paragraph:
    font = STYLES[style].fontName
    return Paragraph(markup(text, font), STYLES[style])


class _Bookmarked(Paragraph):
    """A heading that becomes an outline entry."""

    def __init__(self, text: str, style: str, level: int) -> None:
        super().__init__(markup(text, STYLES[style].fontName), STYLES[style])
        self.outline = (text, level)


class BriefingTemplate(BaseDocTemplate):
    def __init__(self, stream, briefing: b.Briefing, pagesize) -> None:
        metadata = briefing.metadata
        super().__init__(
            stream,
            pagesize=pagesize,
            leftMargin=20 * mm,
            rightMargin=20 * mm,
            topMargin=18 * mm,
            bottomMargin=20 * mm,
            title=metadata.title,
            author=metadata.author,
            subject=metadata.subject,
            keywords=metadata.keywords,
            creator=b.PROJECT,
            producer=b.PROJECT,
            invariant=1,
            # The base font every page starts with must be an embedded one of ours, not Helvetica.
            initialFontName=REGULAR,
            initialFontSize=9,
        )
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate("page", [frame])])
        self._outline_keys = 0
        self._outline_level = -1

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab's name)
        outline = getattr(flowable, "outline", None)
        if outline:
            text, level = outline
            # PDF outlines cannot skip a level (a part that starts with a level-1 heading).
            level = min(level, self._outline_level + 1)
            self._outline_level = level
            self._outline_keys += 1
            key = f"section-{self._outline_keys}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=level, closed=False)


class TextRuns:
    """One PDF text object, written line by line, each script run in a font that has it.
    It sets the font itself before its first run: the page's current font is unknown."""

    def __init__(self, canvas) -> None:
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


def draw_runs(canvas, x: float, y: float, text: str, primary: str, size: float) -> None:
    """Text straight on the canvas, each script run in a font that has it."""
    text_runs = TextRuns(canvas)
    text_runs.write(x, y, text, primary, size)
    canvas.drawText(text_runs.text)


class FooterCanvas(Canvas):
    """Writes 'page X of Y' once the page count is known."""

    def __init__(self, *args, footer: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._footer = footer

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        width, _ = self._pagesize
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(20 * mm, 14 * mm, width - 20 * mm, 14 * mm)
        self.setFillColor(colors.HexColor("#52606d"))
        draw_runs(self, 20 * mm, 9 * mm, self._footer, REGULAR, 8)
        self.setFont(REGULAR, 8)
        self.drawRightString(width - 20 * mm, 9 * mm, f"page {number} of {total}")
        self.restoreState()


# --- blocks -----------------------------------------------------------------------------


def _title(block: b.Title, width: float) -> list:
    flowables = [_Bookmarked(block.text, "title", 0)]
    flowables += [_paragraph(line, "subtitle") for line in block.lines]
    flowables.append(Spacer(1, 6))
    return flowables


def _heading(block: b.Heading, width: float) -> list:
    style = "h1" if block.level == 1 else "h2"
    return [CondPageBreak(30 * mm), _Bookmarked(block.text, style, block.level)]


def _paragraph_block(block: b.Paragraph, width: float) -> list:
    return [_paragraph(block.text, block.style if block.style in STYLES else "body")]


def _text_width(text: str, font: str, size: float) -> float:
    return sum(stringWidth(run, name, size) for name, run in runs(text, font))


def _wrap_words(text: str, font: str, size: float, width: float) -> list[str]:
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
        return _wrap_words(text, font, self.size, self.widths[column] - 2 * self.padding_x)

    def _row_height(self, cells: Cells) -> float:
        return max([1, *map(len, cells)]) * self.leading + 2 * self.padding_y

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def split(self, available_width, available_height):
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
        x = self.padding_x
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


def _table(block: b.Table, width: float) -> list:
    return [GridFlowable(block, width), Spacer(1, 6)]


BULLET_INDENT = 14  # per level of a bullet list
NUMBER_INDENT = 18
BULLETS = ("•", "–")  # by depth; deeper levels repeat the last


def _item_style(name: str, indent: float, bullet_indent: float, color=INK) -> ParagraphStyle:
    return _style(
        name,
        spaceAfter=5,
        leftIndent=indent,
        bulletIndent=bullet_indent,
        bulletFontName=REGULAR,
        bulletFontSize=9.5,
        bulletColor=color,
    )


@cache
def _bullet_style(depth: int) -> ParagraphStyle:
    return _item_style(f"bullet{depth}", BULLET_INDENT * (depth + 1), BULLET_INDENT * depth, ACCENT)


NUMBERED_STYLE = _item_style("numbered", NUMBER_INDENT, 0)


def _list_items(items, depth: int) -> list:
    """Bullets as paragraphs with reportlab's own bullet (a ListFlowable per list cost
    twice as much): each level indented, sub-items after their item."""
    flowables = []
    for item in items:
        flowables.append(
            Paragraph(markup(item.text), _bullet_style(depth), bulletText=BULLETS[min(depth, len(BULLETS) - 1)])
        )
        flowables += _list_items(item.items, depth + 1)
    return flowables


def _bullets(block: b.BulletList, width: float) -> list:
    return _list_items(block.items, 0)


def _numbered(block: b.NumberedList, width: float) -> list:
    """The source's own numbers, as each paragraph's bullet."""
    return [Paragraph(markup(text), NUMBERED_STYLE, bulletText=f"{number}.") for number, text in block.items]


class BarChartFlowable(Flowable):
    """Horizontal bars drawn straight on the canvas: vector, in our fonts only."""

    bar_height, gap, top = 12, 6, 18

    def __init__(self, chart: b.BarChart, width: float) -> None:
        super().__init__()
        self.chart = chart
        self.width = width
        self.height = self.top + len(chart.bars) * (self.bar_height + self.gap) + 4

    def wrap(self, available_width, available_height):
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


def _chart(block: b.BarChart, width: float) -> list:
    return [BarChartFlowable(block, width), Spacer(1, 6)]


def _notice(block: b.Notice, width: float) -> list:
    head = "Data check passed" if block.ok else "Check before use"
    cell = [_paragraph(head, "notice_head"), *(_paragraph(f"• {line}", "notice") for line in block.lines)]
    table = Table([[cell]], colWidths=[width])
    fill, edge = (OK_FILL, OK_EDGE) if block.ok else (WARNING_FILL, WARNING_EDGE)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), fill),
                ("LINEBEFORE", (0, 0), (0, -1), 3, edge),
                ("BOX", (0, 0), (-1, -1), 0.5, edge),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # else the cell is set up in Helvetica
            ]
        )
    )
    return [table]


def _table_of_contents(block: b.TableOfContents, width: float) -> list:
    rows = [[title, period, str(page) if page is not None else ""] for title, period, page in block.entries]
    return _table(b.Table(["Conference", "Period", "Page"], rows, [0.6, 0.3, 0.1]), width)


RENDERERS = {
    b.Title: _title,
    b.Heading: _heading,
    b.Paragraph: _paragraph_block,
    b.Table: _table,
    b.BulletList: _bullets,
    b.NumberedList: _numbered,
    b.BarChart: _chart,
    b.Notice: _notice,
    b.TableOfContents: _table_of_contents,
}


def render_pdf(briefing: b.Briefing, paper: str = "a4") -> bytes:
    register_all()
    stream = io.BytesIO()
    document = BriefingTemplate(stream, briefing, PAGE_SIZES[paper])
    story = [flowable for block in briefing.blocks for flowable in RENDERERS[type(block)](block, document.width)]
    document.build(story, canvasmaker=partial(FooterCanvas, footer=briefing.metadata.footer))
    return stream.getvalue()
