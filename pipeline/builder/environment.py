"""The environment the writers see during a build.

SOURCE_DATE_EPOCH dates every document. The DOCX writer reads it through
``render.briefing.document_timestamp``, but reportlab reads it itself (``int()``
of it, then ``time.gmtime``) and raises on anything else, for every PDF of the
batch. So a build checks it once: a value neither writer can use is left out of
the environment for the build, with one warning line, and the documents get
the fixed date they get without it.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum

from ..settings import STABLE_EPOCH

SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"
# The last second with a four-digit year (9999-12-31T23:59:59Z): PDF and DOCX dates have four.
LATEST_EPOCH = 253_402_300_799
SHOWN_MAX = 40  # characters of a refused value the warning shows: the line stays one line


class EpochProblem(StrEnum):
    NOT_SECONDS = "is not a whole number of seconds since 1970"
    TOO_LATE = "is after the year 9999"


def epoch_problem(value: str) -> EpochProblem | None:
    """What is wrong with a SOURCE_DATE_EPOCH value for the writers; None when nothing.
    Only ASCII digits, as ``date +%s`` writes them after 1970 (the DOCX writer ignores a
    sign; reportlab would not)."""
    seconds = value.strip()
    if not (seconds.isascii() and seconds.isdigit()):
        return EpochProblem.NOT_SECONDS
    # Compared by length first: int() refuses numbers of thousands of digits.
    if len(seconds.lstrip("0")) > len(str(LATEST_EPOCH)) or int(seconds) > LATEST_EPOCH:
        return EpochProblem.TOO_LATE
    return None


@contextmanager
def writers_environment(warn: Callable[[str], None]) -> Iterator[None]:
    """Within: SOURCE_DATE_EPOCH as both writers can use it (``warn`` is told, in one
    line, when it had to be left out). Worker processes forked within inherit it."""
    value = os.environ.get(SOURCE_DATE_EPOCH, "")
    problem = epoch_problem(value) if value.strip() else None  # unset or blank: the fixed date already
    if problem is None:
        yield
        return
    fallback = datetime.datetime.fromtimestamp(STABLE_EPOCH, datetime.UTC).date()
    shown = repr(value[:SHOWN_MAX]) + ("..." if len(value) > SHOWN_MAX else "")
    warn(f"warning: {SOURCE_DATE_EPOCH}={shown} {problem}; documents are dated {fallback} as without it")
    del os.environ[SOURCE_DATE_EPOCH]
    try:
        yield
    finally:
        os.environ[SOURCE_DATE_EPOCH] = value
