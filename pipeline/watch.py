"""``make watch``: rebuild whenever a raw text is dropped into or changed in RAW_DIR."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def is_raw_text(change, path: str) -> bool:
    name = Path(path).name
    return name.lower().endswith(".txt") and not name.startswith(".")


def watch(raw_dir: Path, rebuild: Callable[[], object], announce: Callable[[str], None]) -> None:
    """Build once, then again after every batch of changes, until Ctrl-C."""
    from watchfiles import watch as watch_changes

    rebuild()
    announce(f"watching {raw_dir} for raw texts (Ctrl-C to stop)")
    try:
        for _changes in watch_changes(raw_dir, watch_filter=is_raw_text, raise_interrupt=True):
            rebuild()
    except KeyboardInterrupt:
        announce("stopped watching")
