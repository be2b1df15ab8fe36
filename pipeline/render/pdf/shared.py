"""Paragraphs laid out once for all the languages of one record.

A briefing's own text (the contents, the declaration, the sections kept verbatim)
stays as the source wrote it in every language, so the briefings of one record in
six languages parse and break the same paragraphs at the same widths six times:
most of what a PDF costs. Within ``shared_layouts()`` (one record's languages,
rendered in turn) a paragraph keeps reportlab's parse (its fragments) and its lines
per width for the next language; drawing, page breaks and the fonts' subsets stay
each document's own. The PDFs are byte for byte those of separate renders
(tests/test_render.py), and outside the block nothing is kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

# (markup, style, bullet) -> the parse; (that key, width) -> what Paragraph.wrap sets
_Key = tuple[str, ParagraphStyle, str | None]
WRAPPED = ("blPara", "frags", "width", "height", "_wrapWidths")


@dataclass
class Layouts:
    parsed: dict[_Key, tuple[list[Any], Any, str]] = field(default_factory=dict)
    wrapped: dict[tuple[_Key, float], dict[str, Any]] = field(default_factory=dict)


_LAYOUTS: ContextVar[Layouts | None] = ContextVar("pdf_layouts", default=None)


@contextmanager
def shared_layouts() -> Iterator[None]:
    """Paragraphs set inside the block keep their layout for the documents after them."""
    token = _LAYOUTS.set(Layouts())
    try:
        yield
    finally:
        _LAYOUTS.reset(token)


class SharedParagraph(Paragraph):
    """A Paragraph that takes its parse and its lines from an earlier document of the
    same record when one set the same text in the same style at the same width.
    The pieces a page break makes (``split``, which passes ``frags``) are set afresh."""

    def __init__(  # reportlab's own names: its split passes bulletText= and frags=
        self,
        text: str,
        style: ParagraphStyle,
        bulletText: Any = None,  # noqa: N803
        frags: Any = None,
        **kwargs: Any,
    ):
        self._layouts = _LAYOUTS.get() if frags is None else None
        self._key: _Key = (text, style, bulletText)
        kept = None if self._layouts is None else self._layouts.parsed.get(self._key)
        if kept is None:
            super().__init__(text, style, bulletText=bulletText, frags=frags, **kwargs)
            if self._layouts is not None:
                self._layouts.parsed[self._key] = (self.frags, self.bulletText, self.text)
        else:
            parsed, bullet, cleaned = kept
            super().__init__(cleaned, style, bulletText=bullet, frags=[part.clone() for part in parsed], **kwargs)

    def wrap(self, width: float, height: float) -> tuple[float, float]:
        if self._layouts is None:
            return super().wrap(width, height)
        key = (self._key, width)
        kept = self._layouts.wrapped.get(key)
        if kept is None:
            size = super().wrap(width, height)
            self._layouts.wrapped[key] = {name: getattr(self, name) for name in WRAPPED}
            return size
        vars(self).update(kept)
        return self.width, self.height
