"""``make watch``: rebuild whenever a raw text is dropped into or changed in RAW_DIR."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Collection
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from .names import is_raw_text_name

if TYPE_CHECKING:
    from watchfiles import Change

# How often the watcher reports in when nothing changed (ms); the first report
# triggers a catch-up build for anything dropped while the watcher was starting.
QUIET_REPORT_MS = 500


def is_raw_text(change: Change, path: str) -> bool:
    return is_raw_text_name(Path(path).name)


def watch(raw_dir: Path, rebuild: Callable[[Collection[str]], object], announce: Callable[[str], None]) -> None:
    """Build once, then again after every batch of changes, until Ctrl-C. ``rebuild`` is
    given the names of the raw texts the batch added or changed (to build them first).

    Ctrl-C lets a running build finish (its files are complete either way, but an
    interrupt inside a C extension's import aborts the process); a second Ctrl-C
    stops at once.
    """
    from watchfiles import Change
    from watchfiles import watch as watch_changes

    stop = threading.Event()

    def on_interrupt(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        announce("stopping after the current build (Ctrl-C again to stop now)")

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        rebuild(())
        if not stop.is_set():
            announce(f"watching {raw_dir} for raw texts (Ctrl-C to stop)")
        caught_up = False
        for batch in watch_changes(
            raw_dir, watch_filter=is_raw_text, stop_event=stop, yield_on_timeout=True, rust_timeout=QUIET_REPORT_MS
        ):
            if stop.is_set():
                break
            if batch or not caught_up:
                rebuild({Path(path).name for change, path in batch if change is not Change.deleted})
                caught_up = True
    finally:
        signal.signal(signal.SIGINT, previous)
    announce("stopped watching")
