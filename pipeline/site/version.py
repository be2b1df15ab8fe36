"""What the site's pages are made with besides the archive, as one digest: read on every
build, so it imports neither Jinja2 nor the pages (a build with nothing to do needs neither)."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path


@lru_cache(maxsize=1)
def site_version() -> str:
    """The site's code, templates and stylesheet, and the Jinja2 and MarkupSafe that render
    them (another version may write other bytes)."""
    root = Path(__file__).parent
    made_with = hashlib.sha256(f"Jinja2 {version('Jinja2')} MarkupSafe {version('MarkupSafe')}".encode())
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".html", ".css") and path.is_file():
            made_with.update(path.relative_to(root).as_posix().encode())
            made_with.update(path.read_bytes())
    return made_with.hexdigest()
