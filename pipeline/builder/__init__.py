"""The build: a folder of raw texts -> OUT_DIR, incrementally, on every core.

``runner`` drives the stages per text; ``manifest`` remembers what was built from
what; ``book`` makes the index and the briefing book; ``dist`` the zip to hand
out; ``watch`` rebuilds on change; ``files`` writes every output atomically.
"""

from .._exports import lazy_exports

_EXPORTS = {
    "BuildOptions": "runner",
    "build": "runner",
}

__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
