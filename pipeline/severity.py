"""How much each data-quality note matters: what a reader must check, and what only says
what the reader repaired. Apart from the record model so that a build with nothing to do
(which counts the briefings that need checking) does not import pydantic."""

from __future__ import annotations

from typing import Literal

# check: a reader must look before using the briefing; info: what the reader repaired.
Severity = Literal["check", "info"]
# Every other code: check. A character the PDF cannot print is shown replaced there: a check.
SEVERITY_OF: dict[str, Severity] = {"repaired-text": "info", "unprintable-characters": "check"}


def severity_of(code: str) -> Severity:
    return SEVERITY_OF.get(code, "check")
