"""What the site's pages are made with besides the archive, as one digest: read on every
build, so it imports neither Jinja2 nor the pages (a build with nothing to do needs neither)."""

from __future__ import annotations

import hashlib
import importlib.util
import os
from functools import lru_cache
from pathlib import Path


def installed_version(distribution: str, package: str) -> str:
    """The version of ``distribution`` installed, from the name of its .dist-info folder beside
    ``package`` (found without importing it or importlib.metadata, whose import alone was a
    tenth of a build with nothing to do); importlib.metadata's where no such folder is there."""
    spec = importlib.util.find_spec(package)
    if spec is not None and spec.origin:
        folder = Path(spec.origin).parent.parent
        prefix = f"{distribution.lower().replace('-', '_')}-"
        with os.scandir(folder) as entries:
            for entry in entries:
                name = entry.name.lower()
                if name.startswith(prefix) and name.endswith(".dist-info"):
                    return entry.name[len(prefix) : -len(".dist-info")]
    from importlib.metadata import version

    return version(distribution)


@lru_cache(maxsize=1)
def site_version() -> str:
    """The site's code, templates and stylesheet, and the Jinja2 and MarkupSafe that render
    them (another version may write other bytes)."""
    root = Path(__file__).parent
    jinja, markupsafe = installed_version("Jinja2", "jinja2"), installed_version("MarkupSafe", "markupsafe")
    made_with = hashlib.sha256(f"Jinja2 {jinja} MarkupSafe {markupsafe}".encode())
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".html", ".css") and path.is_file():
            made_with.update(path.relative_to(root).as_posix().encode())
            made_with.update(path.read_bytes())
    return made_with.hexdigest()
