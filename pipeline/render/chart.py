"""The participation bar chart as a PNG, for the DOCX (the PDF draws it as vectors)."""

from __future__ import annotations

import io
from functools import cache, lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageFont

from . import theme
from .fonts import BOLD, REGULAR, font_file, runs

MEMBER = theme.rgb(theme.MEMBER_BAR)
OBSERVER = theme.rgb(theme.OBSERVER_BAR)
INK = theme.rgb(theme.INK)
PALETTE_COLOURS = 32
SCALE = 2  # drawn at twice the size it is shown, so it stays sharp in print


@cache
def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    # Basic layout: labels need no shaping, and raqm fails on some control characters.
    return ImageFont.truetype(font_file(name), size, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=512)  # masks of a few kB each
def _label(text: str, primary: str, size: int) -> Image.Image:
    """A label's coverage mask, each run in the font that has its glyphs, printable
    characters only. Kept: charts repeat their labels (countries, counts, the title),
    and drawing text cost more than the rest of a chart."""
    label_runs = runs("".join(ch for ch in text if ch.isprintable()), primary)
    fonts = [_font(name, size) for name, _ in label_runs]
    width = sum(font.getlength(run) for font, (_, run) in zip(fonts, label_runs, strict=True))
    height = max((sum(font.getmetrics()) for font in fonts), default=1)  # ascent + descent
    mask = Image.new("L", (max(1, round(width)), height), 0)
    draw = ImageDraw.Draw(mask)
    x = 0.0
    for font, (_, run) in zip(fonts, label_runs, strict=True):
        draw.text((x, 0), run, font=font, fill=255)
        x += font.getlength(run)
    return mask


def _draw_label(coverage: Image.Image, xy: tuple[float, float], text: str, primary: str, size: int) -> None:
    """A label's ink into the chart's text coverage (labels never overlap one another)."""
    coverage.paste(255, (round(xy[0]), round(xy[1])), _label(text, primary, size))


def _fitted(text: str, primary: str, size: int, width: int) -> str:
    """``text``, or its longest start that fits ``width`` pixels with an ellipsis (a long
    country name would run into its bar)."""
    if _label(text, primary, size).width <= width:
        return text
    low, high = 0, len(text)  # the longest start that fits lies in [low, high)
    while high - low > 1:
        middle = (low + high) // 2
        if _label(text[:middle].rstrip() + "…", primary, size).width <= width:
            low = middle
        else:
            high = middle
    return text[:low].rstrip() + "…"


def bar_chart_png(title: str, bars: list[tuple[str, int, int]], values: list[str], width_pt: int = 460) -> bytes:
    """``values``: what each bar's end says of its count (``BarChart.values``: in the briefing's language)."""
    bar, gap, top = 12 * SCALE, 6 * SCALE, 22 * SCALE
    width = width_pt * SCALE
    widest = max((_label(label, REGULAR, 9 * SCALE).width for label, _, _ in bars), default=0) + 4 * SCALE
    label_width = int(theme.chart_label_width(widest, width, 96 * SCALE))
    height = top + len(bars) * (bar + gap) + 4 * SCALE
    # Drawn as palette indices: the bars' colours in one layer, the text's coverage in another
    # (text and bars never overlap), one palette index per step of the ink's coverage
    colours = Image.new("L", (width, height), _WHITE)
    coverage = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(colours)
    _draw_label(coverage, (0, 0), title, BOLD, 10 * SCALE)
    largest = max((members + observers for _, members, observers in bars), default=0) or 1
    room = max((_label(value, REGULAR, 9 * SCALE).width for value in values), default=0) + 8 * SCALE
    scale = (width - label_width - room) / largest
    y = top
    for (label, members, observers), value in zip(bars, values, strict=True):
        _draw_label(coverage, (0, y), _fitted(label, REGULAR, 9 * SCALE, label_width - 4 * SCALE), REGULAR, 9 * SCALE)
        end = label_width + members * scale
        if members:
            draw.rectangle((label_width, y, end, y + bar), fill=_MEMBER)
        if observers:
            draw.rectangle((end, y, end + observers * scale, y + bar), fill=_OBSERVER)
        _draw_label(coverage, (end + observers * scale + 4 * SCALE, y), value, REGULAR, 9 * SCALE)
        y += bar + gap
    image = ImageChops.lighter(colours, coverage.point(_INK_STEPS))
    image.putpalette(_PALETTE)
    out = io.BytesIO()
    # A palette of flat colours and the ink's steps: a third of the size of RGB and faster
    # to encode (PNG filtering dominates, not compression)
    image.save(out, format="PNG", compress_level=1)
    return out.getvalue()


# The chart's palette: white, the two bars' colours, then the ink over white in as many steps
# of coverage as the rest of PALETTE_COLOURS holds (anti-aliased text needs no more)
_WHITE, _MEMBER, _OBSERVER = 0, 1, 2
_STEPS = PALETTE_COLOURS - 3
_PALETTE = [
    channel
    for colour in (
        (255, 255, 255),
        MEMBER,
        OBSERVER,
        *(tuple(round(255 + (ink - 255) * step / _STEPS) for ink in INK) for step in range(1, _STEPS + 1)),
    )
    for channel in colour
]
# a text pixel's coverage (1-255) as its step's index, none (0) as 0: the bars' layer shows there
_INK_STEPS = [0, *(3 + min(_STEPS - 1, (value * _STEPS) // 256) for value in range(1, 256))]


@cache
def draft_mark_png() -> bytes:
    """'DRAFT' across a page, light, as a picture: a mark on every page of a draft that is
    no text of the briefing (copying or searching the text never meets it)."""
    font = _font(BOLD, 240)
    width = round(font.getlength("DRAFT"))
    ascent, descent = font.getmetrics()
    word = Image.new("LA", (width + 40, ascent + descent + 40), (0, 0))
    ImageDraw.Draw(word).text((20, 20), "DRAFT", font=font, fill=(0, 255))
    word = word.rotate(45, expand=True, resample=Image.Resampling.BICUBIC)
    edge = theme.rgb(theme.WARNING_EDGE)
    alpha = word.getchannel("A").point(lambda value: value * 30 // 255)
    picture = Image.new("RGBA", word.size, (*edge, 0))
    picture.putalpha(alpha)
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=False)
    return out.getvalue()
