"""NEAR briefings: raw conference texts -> typed records -> briefings.

The stages are plain functions, usable as a library::

    from pipeline import read, parse
    record = parse(read("raw/near-1995-khabarovsk.txt"))
"""

from .errors import InputError
from .parse import parse
from .reader import RawText, read, read_bytes
from .record import Record, json_schema, record_from_json, record_to_json

__version__ = "0.1.0"

__all__ = [
    "InputError",
    "RawText",
    "Record",
    "json_schema",
    "parse",
    "read",
    "read_bytes",
    "record_from_json",
    "record_to_json",
]
