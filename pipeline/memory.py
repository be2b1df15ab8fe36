"""Giving memory back to the system between the stages of a large build."""

from __future__ import annotations

import ctypes
import gc
import sys
from contextlib import suppress


def release_free_memory() -> None:
    """Collect garbage, then give the pages malloc holds free back to the system (glibc's
    ``malloc_trim``; elsewhere nothing more). What a stage let go otherwise stays in the
    process's memory: at 10,000 texts the build process held 367 MB after the book and 499 MB
    while Pagefind indexed the site, against 230 MB while the texts were built."""
    gc.collect()
    if sys.platform != "linux":
        return
    with suppress(OSError, AttributeError):  # (a C library without it: musl)
        ctypes.CDLL(None).malloc_trim(0)
