"""The one error type for bad input: it names the file and the line."""

from __future__ import annotations


class InputError(Exception):
    """A raw text the pipeline refuses; printed as ``NAME.txt:LINE: message``."""

    def __init__(self, file: str, line: int, message: str) -> None:
        super().__init__(f"{file}:{line}: {message}")
        self.file = file
        self.line = line
        self.message = message


class ModelError(Exception):
    """The spaCy model cannot be loaded; the message says how to install one."""
