"""The page: size and margins, the outline, the 'page X of Y' footer, and ``render_pdf``."""

from __future__ import annotations

import io
import zlib
from functools import cache, lru_cache, partial
from typing import IO, Any

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from .. import briefing as b
from ..chart import draft_mark_png
from ..fonts import REGULAR, register_all, reserve, runs
from ..i18n import ENGLISH, Translator
from ..theme import FOOTER_SIZE, MARGINS, PAGE_SIZES
from .blocks import story
from .colours import MUTED, RULE
from .text import draw_runs, fit_text, runs_width

# Streams are Flate-compressed; ASCII85 on top only makes them bigger and slower.
rl_config.useA85 = 0


class FastFlate(pdfdoc.PDFStreamFilterZCompress):
    """Flate at level 1: a briefing 3% larger than at zlib's default level, its streams
    (pages, font subsets) compressed in a third of the time; a CJK briefing, with a
    third font, gains the most (the same level as the DOCX's entries)."""

    def encode(self, text: str | bytes) -> bytes:
        if isinstance(text, bytes):
            return _compressed(text)
        return zlib.compress(text.encode("utf-8"), 1)


@lru_cache(maxsize=128)
def _compressed(data: bytes) -> bytes:
    """A stream of bytes compressed, kept: such streams are the font subsets, their
    character maps and the pictures, which come back from briefing to briefing (a page's
    text is a string)."""
    return zlib.compress(data, 1)


# Every stream reportlab compresses takes its filter from this name (pdfdoc and ttfonts)
pdfdoc.PDFZCompress = FastFlate()
FOOTER_RULE_Y = 14 * mm  # from the bottom edge
FOOTER_TEXT_Y = 9 * mm
FOOTER_FORM = "NBFooter"  # each page's footer is the form XObject /FormXob.NBFooter<page number>


class BriefingTemplate(BaseDocTemplate):
    """One frame per page inside the theme's margins; headings become outline entries."""

    def __init__(self, stream: IO[bytes], briefing: b.Briefing, pagesize: tuple[float, float]) -> None:
        metadata = briefing.metadata
        super().__init__(
            stream,
            pagesize=pagesize,
            leftMargin=MARGINS.left,
            rightMargin=MARGINS.right,
            topMargin=MARGINS.top,
            bottomMargin=MARGINS.bottom,
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
            # /Lang in the document catalog: screen readers read it in its language (English
            # briefings stay as they always were, without one).
            lang=None if metadata.language.english else metadata.language.tag,
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


class FooterCanvas(Canvas):
    """Writes 'page X of Y' once the page count is known: every page is kept until
    ``save``, then each gets its footer and is written out."""

    def __init__(
        self, *args: Any, footer: str = "", draft: bool = False, language: Translator = ENGLISH, **kwargs: Any
    ) -> None:  # Canvas's own
        super().__init__(*args, **kwargs)
        reserve(self._doc, language)  # type: ignore[attr-defined]  # reportlab's document, not in its stubs
        self._language = language
        self._pages: list[dict[str, object]] = []
        self._footer = footer
        self._draft = draft

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab's private page reset, not in its stubs

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            # The footer is a form of its own, FOOTER_FORM and the page number: the book
            # replaces it with its own footer, numbering all of its pages as one.
            self.beginForm(f"{FOOTER_FORM}{number}")
            self._draw_footer(number, total)
            self.endForm()
            self.doForm(f"{FOOTER_FORM}{number}")
            if self._draft:
                self._draw_draft_mark()
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        width, _ = self._pagesize  # type: ignore[attr-defined]  # reportlab's private page size, not in its stubs
        draw_footer(self, width, self._footer, number, total, self._language)

    def _draw_draft_mark(self) -> None:
        """DRAFT across the page, light enough to read the text through (a picture: no text)."""
        width, height = self._pagesize  # type: ignore[attr-defined]  # reportlab's private page size
        side = min(width, height) * 0.8
        self.drawImage(
            _draft_image(), (width - side) / 2, (height - side) / 2, side, side, mask="auto", preserveAspectRatio=True
        )


def draw_footer(
    canvas: Canvas, width: float, text: str, number: int, total: int, language: Translator = ENGLISH
) -> None:
    """The footer: a rule, ``text`` at the left margin, 'page N of TOTAL' at the right."""
    draw_footer_text(canvas, width, text, page_label(number, total, language))
    draw_page_number(canvas, width, number, total, language)


def page_label(number: int, total: int, language: Translator = ENGLISH) -> str:
    return language._("page %(number)s of %(total)s") % {
        "number": language.number(number),
        "total": language.number(total),
    }


def draw_footer_text(canvas: Canvas, width: float, text: str, page: str) -> None:
    """The footer's rule and ``text``, stopping short of ``page`` at the right margin."""
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGINS.left, FOOTER_RULE_Y, width - MARGINS.right, FOOTER_RULE_Y)
    canvas.setFillColor(MUTED)
    room = width - MARGINS.left - MARGINS.right - runs_width(page, REGULAR, FOOTER_SIZE) - 12
    footer = fit_text(text, REGULAR, FOOTER_SIZE, room)  # a long file name stops short of the page number
    draw_runs(canvas, MARGINS.left, FOOTER_TEXT_Y, footer, REGULAR, FOOTER_SIZE)
    canvas.restoreState()


def draw_page_number(canvas: Canvas, width: float, number: int, total: int, language: Translator = ENGLISH) -> None:
    canvas.saveState()
    canvas.setFillColor(MUTED)
    label, right = page_label(number, total, language), width - MARGINS.right
    if [font for font, _ in runs(label, REGULAR)] == [REGULAR]:
        canvas.setFont(REGULAR, FOOTER_SIZE)
        canvas.drawRightString(right, FOOTER_TEXT_Y, label)
    else:  # (a label in a script the regular font lacks: run by run)
        draw_runs(canvas, right - runs_width(label, REGULAR, FOOTER_SIZE), FOOTER_TEXT_Y, label, REGULAR, FOOTER_SIZE)
    canvas.restoreState()


@cache
def _draft_image() -> ImageReader:
    return ImageReader(io.BytesIO(draft_mark_png()))


def render_pdf(briefing: b.Briefing, paper: str = "a4") -> bytes:
    register_all()
    stream = io.BytesIO()
    width, height = PAGE_SIZES[paper]
    document = BriefingTemplate(stream, briefing, (height, width) if briefing.metadata.landscape else (width, height))
    document.build(
        story(briefing.blocks, document.width),
        canvasmaker=partial(
            FooterCanvas,
            footer=briefing.metadata.footer,
            draft=briefing.metadata.draft,
            language=briefing.metadata.language,
        ),
    )
    return stream.getvalue()
