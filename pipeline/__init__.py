"""NEAR briefings: raw meeting texts -> typed records -> briefings.

The stages are plain functions, usable as a library::

    from pipeline import read, parse, tag, load_nlp, render_outputs
    record = tag([parse(read("raw/near-1995-khabarovsk.txt"))], load_nlp())[0]
    files = render_outputs(record)  # {".json": ..., ".docx": ..., ".pdf": ...}

Names are imported on first use, so ``python -m pipeline build`` with nothing to
rebuild does not pay for pydantic, spaCy or the writers.
"""

from ._exports import lazy_exports

__version__ = "0.2.0"

_EXPORTS = {
    "InputError": "errors",
    "RawText": "parser.reader",
    "read": "parser.reader",
    "read_bytes": "parser.reader",
    "parse": "parser.sections",
    "Record": "record",
    "json_schema": "record",
    "record_from_json": "record",
    "record_to_json": "record",
    "load_nlp": "tagger.model",
    "tag": "tagger.mentions",
    "build_briefing": "render.briefing",
    "render_docx": "render.docx",
    "render_pdf": "render.pdf",
    "render_outputs": "render.outputs",
    "BuildOptions": "builder.runner",
    "build": "builder.runner",
}

__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
