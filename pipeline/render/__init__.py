"""Stage 4, render: Record -> the blocks of a briefing -> DOCX, PDF and JSON bytes.

``briefing`` decides what a briefing shows (blocks, in order); the writers only
lay blocks out. Writers read the record, never change it.
"""

from .._exports import lazy_exports

_EXPORTS = {
    "build_briefing": "briefing",
    "render_docx": "docx",
    "render_pdf": "pdf",
    "render_outputs": "outputs",
}

__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
