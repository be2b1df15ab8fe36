"""Stages 1 and 2, read and parse: raw bytes -> normalised text -> Record.

``reader`` decodes and normalises; ``sections`` splits a text into its sections
and parses contents and the closing document; ``overview``, ``dates``,
``countries`` and ``notes`` hold the rule tables and checks for the rest.
"""

from .._exports import lazy_exports

_EXPORTS = {
    "RawText": "reader",
    "read": "reader",
    "read_bytes": "reader",
    "parse": "sections",
}

__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
