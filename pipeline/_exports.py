"""Names a package exports, imported on first use (PEP 562).

``python -m pipeline build`` with nothing to rebuild must not pay for pydantic,
spaCy or the writers, so packages name their exports here instead of importing them.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any


def lazy_exports(package: str, exports: dict[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports ``name`` from ``package.exports[name]`` when asked."""

    def exported(name: str) -> Any:
        if name in exports:
            return getattr(import_module(f".{exports[name]}", package), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return exported
