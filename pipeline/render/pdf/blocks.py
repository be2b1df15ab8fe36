"""Blocks -> flowables: one renderer per block type of the briefing."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import CondPageBreak, Flowable, Image, PageBreak, Spacer

from ...record import Item
from .. import briefing as b
from .colours import OK_EDGE, OK_FILL, WARNING_EDGE, WARNING_FILL
from .flowables import BarChartFlowable, Bookmarked, GridFlowable, NoticeBox, TextBlock
from .markup import markup
from .shared import SharedParagraph
from .styles import NUMBERED_STYLE, STYLES, bullet, bullet_style

# Past this many characters a paragraph is set line by line (TextBlock), in linear
# time; shorter ones, a page at most, are reportlab's Paragraphs, whose cost grows
# with the square of the pages a paragraph runs over.
LONG_PARAGRAPH_CHARS = 3000


def _text(text: str, style: ParagraphStyle, bullet: str | None = None) -> Flowable:
    """A paragraph of record text, with its bullet or number."""
    if len(text) > LONG_PARAGRAPH_CHARS:
        return TextBlock(text, style, bullet)
    return SharedParagraph(markup(text, style.fontName), style, bulletText=bullet)


def _paragraph(text: str, style: str) -> Flowable:
    return _text(text, STYLES[style])


def _title(block: b.Title, width: float) -> list[Flowable]:
    flowables: list[Flowable] = [Bookmarked.heading(block.text, "title", 0)]
    flowables += [_paragraph(line, "subtitle") for line in block.lines]
    flowables.append(Spacer(1, 6))
    return flowables


def _heading(block: b.Heading, width: float) -> list[Flowable]:
    style = "h1" if block.level == 1 else "h2"
    return [CondPageBreak(30 * mm), Bookmarked.heading(block.text, style, block.level)]


def _paragraph_block(block: b.Paragraph, width: float) -> list[Flowable]:
    return [_paragraph(block.text, block.style if block.style in STYLES else "body")]


def _table(block: b.Table, width: float) -> list[Flowable]:
    return [GridFlowable(block, width), Spacer(1, 6)]


def _list_items(items: list[Item], depth: int) -> list[Flowable]:
    """Bullets as paragraphs with reportlab's own bullet (a ListFlowable per list cost
    twice as much): each level indented, sub-items after their item."""
    flowables: list[Flowable] = []
    for item in items:
        flowables.append(_text(item.text, bullet_style(depth), bullet(depth)))
        flowables += _list_items(item.items, depth + 1)
    return flowables


def _bullets(block: b.BulletList, width: float) -> list[Flowable]:
    return _list_items(block.items, 0)


def _numbered(block: b.NumberedList, width: float) -> list[Flowable]:
    """The source's own numbers, as each paragraph's bullet."""
    return [_text(text, NUMBERED_STYLE, f"{number}.") for number, text in block.items]


def _chart(block: b.BarChart, width: float) -> list[Flowable]:
    return [BarChartFlowable(block, width), Spacer(1, 6)]


def _notice(block: b.Notice, width: float) -> list[Flowable]:
    head = block.language._(b.NOTICE_HEADS[block.ok])
    paragraphs = [_paragraph(head, "notice_head"), *(_paragraph(f"• {line}", "notice") for line in block.lines)]
    fill, edge = (OK_FILL, OK_EDGE) if block.ok else (WARNING_FILL, WARNING_EDGE)
    return [NoticeBox(paragraphs, width, fill, edge)]


def _table_of_contents(block: b.TableOfContents, width: float) -> list[Flowable]:
    rows = [[title, period, str(page) if page is not None else ""] for title, period, page in block.entries]
    _ = block.language._
    columns = [_("Part"), _("Period"), _("Page")]
    return _table(b.Table(columns, rows, [0.6, 0.3, 0.1], heading=_("Contents"), language=block.language), width)


def _picture(block: b.Picture, width: float) -> list[Flowable]:
    image_width, image_height = ImageReader(io.BytesIO(block.png)).getSize()
    shown = min(block.width_mm * mm, width)
    return [Image(io.BytesIO(block.png), shown, shown * image_height / image_width, hAlign="LEFT"), Spacer(1, 12)]


def _page_break(block: b.PageBreak, width: float) -> list[Flowable]:
    return [PageBreak()]


# Each renderer takes the block type it is filed under (hence Any: the table is keyed by type).
RENDERERS: dict[type[b.Block], Callable[[Any, float], list[Flowable]]] = {
    b.Title: _title,
    b.Heading: _heading,
    b.Paragraph: _paragraph_block,
    b.Table: _table,
    b.BulletList: _bullets,
    b.NumberedList: _numbered,
    b.BarChart: _chart,
    b.Notice: _notice,
    b.TableOfContents: _table_of_contents,
    b.Picture: _picture,
    b.PageBreak: _page_break,
}


def story(blocks: list[b.Block], width: float) -> list[Flowable]:
    """Every block's flowables, in order, for a frame ``width`` wide."""
    return [flowable for block in blocks for flowable in RENDERERS[type(block)](block, width)]
