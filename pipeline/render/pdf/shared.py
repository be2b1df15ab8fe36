"""Paragraphs laid out once for all the languages of one record.

A briefing's own text (the contents, the declaration, the sections kept verbatim)
stays as the source wrote it in every language, so the briefings of one record in
six languages parse and break the same paragraphs at the same widths six times:
most of what a PDF costs. Within ``shared_layouts()`` (one record's languages,
rendered in turn) a paragraph keeps reportlab's parse (its fragments) and its lines
per width for the next language; drawing, page breaks and the fonts' subsets stay
each document's own. The PDFs are byte for byte those of separate renders
(tests/test_render.py).

Short paragraphs also keep their layout from record to record, in or out of the
block: a language's headings and notes ("Key facts", the line saying the record's
text is quoted as the association published it) come back in every briefing, and
set in a CJK font among Latin ones their parse is the dearer part of a heading.
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

# Paragraphs of up to this many characters of markup keep their layout for the process,
# the first LASTING_PARAGRAPHS of them, then the next as many: what a briefing draws in
# every record stays, what one record brought goes. (A language's longest line, the one
# on the record's text quoted as published, is some 250 characters with its font tags.)
LASTING_CHARS = 400
LASTING_PARAGRAPHS = 2000
_LASTING = Layouts()


@contextmanager
def shared_layouts() -> Iterator[None]:
    """Paragraphs set inside the block keep their layout for the documents after them."""
    token = _LAYOUTS.set(Layouts())
    try:
        yield
    finally:
        _LAYOUTS.reset(token)


class SharedParagraph(Paragraph):
    """A Paragraph that takes its parse and its lines from an earlier document when one
    set the same text in the same style at the same width: of the same record, or any
    earlier one for a short paragraph. The pieces a page break makes (``split``, which
    passes ``frags``) are set afresh."""

    def __init__(  # reportlab's own names: its split passes bulletText= and frags=
        self,
        text: str,
        style: ParagraphStyle,
        bulletText: Any = None,  # noqa: N803
        frags: Any = None,
        **kwargs: Any,
    ):
        self._stores = _stores(text) if frags is None else ()
        self._key: _Key = (text, style, bulletText)
        kept = next((store.parsed[self._key] for store in self._stores if self._key in store.parsed), None)
        if kept is None:
            super().__init__(text, style, bulletText=bulletText, frags=frags, **kwargs)
            for store in self._stores:
                store.parsed[self._key] = (self.frags, self.bulletText, self.text)
        else:
            parsed, bullet, cleaned = kept
            super().__init__(cleaned, style, bulletText=bullet, frags=[part.clone() for part in parsed], **kwargs)

    def wrap(self, width: float, height: float) -> tuple[float, float]:
        key = (self._key, width)
        kept = next((store.wrapped[key] for store in self._stores if key in store.wrapped), None)
        if kept is None:
            size = super().wrap(width, height)
            if self._stores:
                kept = {name: getattr(self, name) for name in WRAPPED}
                for store in self._stores:
                    store.wrapped[key] = kept
            return size
        vars(self).update(kept)
        return self.width, self.height


def _stores(text: str) -> tuple[Layouts, ...]:
    """Where a paragraph of ``text`` finds and keeps its layout."""
    record = _LAYOUTS.get()
    stores = () if record is None else (record,)
    if len(text) > LASTING_CHARS:
        return stores
    if len(_LASTING.parsed) >= LASTING_PARAGRAPHS or len(_LASTING.wrapped) >= LASTING_PARAGRAPHS:
        _LASTING.parsed.clear()
        _LASTING.wrapped.clear()
    return (*stores, _LASTING)
