"""Every file a tagged record yields: JSON, DOCX and PDF bytes, rendered before any is written."""

from __future__ import annotations

from ..record import Record, record_to_json
from ..settings import DEFAULTS, Settings
from ..timing import Timings, timed
from .briefing import build_briefing, document_timestamp
from .docx import render_docx
from .pdf import render_pdf


def render_outputs(
    record: Record, paper: str = "a4", timings: Timings | None = None, settings: Settings = DEFAULTS
) -> dict[str, bytes]:
    """-> {".json": ..., ".docx": ..., ".pdf": ...}; ``timings`` gets the seconds per writer;
    ``settings``: what a briefing shows (as sent, or a draft)."""
    timings = {} if timings is None else timings
    briefing = build_briefing(record, settings)
    outputs = {".json": record_to_json(record).encode("utf-8")}
    with timed(timings, "render docx"):
        outputs[".docx"] = render_docx(briefing, document_timestamp(), paper)
    with timed(timings, "render pdf"):
        outputs[".pdf"] = render_pdf(briefing, paper)
    return outputs
