"""Blocks -> flowables: one renderer per block type of the briefing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from ...record import Item
from .. import briefing as b
from .colours import OK_EDGE, OK_FILL, WARNING_EDGE, WARNING_FILL
from .flowables import BarChartFlowable, Bookmarked, GridFlowable, NoticeBox, Para
from .markup import markup
from .styles import NUMBERED_STYLE, STYLES, bullet, bullet_style


def _paragraph(text: str, style: str) -> Para:
    font = STYLES[style].fontName
    return Para(markup(text, font), STYLES[style])


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
        flowables.append(Para(markup(item.text), bullet_style(depth), bulletText=bullet(depth)))
        flowables += _list_items(item.items, depth + 1)
    return flowables


def _bullets(block: b.BulletList, width: float) -> list[Flowable]:
    return _list_items(block.items, 0)


def _numbered(block: b.NumberedList, width: float) -> list[Flowable]:
    """The source's own numbers, as each paragraph's bullet."""
    return [Para(markup(text), NUMBERED_STYLE, bulletText=f"{number}.") for number, text in block.items]


def _chart(block: b.BarChart, width: float) -> list[Flowable]:
    return [BarChartFlowable(block, width), Spacer(1, 6)]


def _notice(block: b.Notice, width: float) -> list[Flowable]:
    head = "Data check passed" if block.ok else "Check before use"
    paragraphs = [_paragraph(head, "notice_head"), *(_paragraph(f"• {line}", "notice") for line in block.lines)]
    fill, edge = (OK_FILL, OK_EDGE) if block.ok else (WARNING_FILL, WARNING_EDGE)
    return [NoticeBox(paragraphs, width, fill, edge)]


def _table_of_contents(block: b.TableOfContents, width: float) -> list[Flowable]:
    rows = [[title, period, str(page) if page is not None else ""] for title, period, page in block.entries]
    return _table(b.Table(["Conference", "Period", "Page"], rows, [0.6, 0.3, 0.1]), width)


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
}


def story(blocks: list[b.Block], width: float) -> list[Flowable]:
    """Every block's flowables, in order, for a frame ``width`` wide."""
    return [flowable for block in blocks for flowable in RENDERERS[type(block)](block, width)]
