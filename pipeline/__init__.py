"""NEAR briefings: raw conference texts -> typed records -> briefings.

The stages are plain functions, usable as a library::

    from pipeline import read, parse, tag, load_nlp
    record = tag([parse(read("raw/near-1995-khabarovsk.txt"))], load_nlp())[0]

Names are imported on first use, so ``python -m pipeline build`` with nothing to
rebuild does not pay for pydantic, spaCy or the writers.
"""

from importlib import import_module

__version__ = "0.2.0"

_EXPORTS = {
    "InputError": "errors",
    "RawText": "reader",
    "read": "reader",
    "read_bytes": "reader",
    "parse": "parser",
    "Record": "record",
    "json_schema": "record",
    "record_from_json": "record",
    "record_to_json": "record",
    "load_nlp": "tagger",
    "tag": "tagger",
    "build_briefing": "briefing",
    "render_docx": "write_docx",
    "render_pdf": "write_pdf",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
