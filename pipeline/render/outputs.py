"""Every file a tagged record yields: JSON, and DOCX and PDF bytes in each language, rendered before any is written."""

from __future__ import annotations

from collections.abc import Iterable

from ..record import Record, record_to_json
from ..settings import DEFAULTS, Language, Settings
from ..timing import Timings, timed
from .briefing import build_briefing, document_timestamp
from .docx import render_docx
from .i18n import Translator, briefing_suffixes
from .pdf import render_pdf, shared_layouts


def render_briefings(
    record: Record,
    languages: Iterable[Language],
    paper: str = "a4",
    timings: Timings | None = None,
    settings: Settings = DEFAULTS,
) -> dict[str, bytes]:
    """-> {".docx": ..., ".pdf": ..., ".ko.docx": ..., ...}: the briefing in each of ``languages``
    (the record parsed and tagged once, rendered once per language; the record's own
    paragraphs, the same in every language, laid out once for all of its PDFs)."""
    timings = {} if timings is None else timings
    outputs = {}
    with shared_layouts():
        for language in languages:
            briefing = build_briefing(record, settings, Translator(language))
            docx, pdf = briefing_suffixes(language)
            with timed(timings, "render docx"):
                outputs[docx] = render_docx(briefing, document_timestamp(), paper)
            with timed(timings, "render pdf"):
                outputs[pdf] = render_pdf(briefing, paper)
    return outputs


def render_outputs(
    record: Record, paper: str = "a4", timings: Timings | None = None, settings: Settings = DEFAULTS
) -> dict[str, bytes]:
    """-> {".json": ..., ".docx": ..., ".pdf": ..., and each further language's}; ``timings``
    gets the seconds per writer; ``settings``: what a briefing shows (as sent, or a draft),
    and in which languages."""
    outputs = {".json": record_to_json(record).encode("utf-8")}
    return outputs | render_briefings(record, settings.written_languages, paper, timings, settings)
