"""Seconds per stage, summed over texts: what the build and the benchmarks report."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

Timings = dict[str, float]


@contextmanager
def timed(timings: Timings, stage: str) -> Iterator[None]:
    """Add the time the block takes (finished or failed) to ``timings[stage]``."""
    started = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - started
