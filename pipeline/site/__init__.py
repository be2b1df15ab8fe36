"""The web archive: OUT_DIR/site/, static pages from the archive (Jinja2 templates, one
stylesheet, no remote resource) and Pagefind's search index."""

from __future__ import annotations

from .write import (
    DIGESTS_NAME,
    SITE_DIR,
    SiteResult,
    SiteStatus,
    intact,
    recorded_signatures,
    site_members,
    update_site,
)

__all__ = [
    "DIGESTS_NAME",
    "SITE_DIR",
    "SiteResult",
    "SiteStatus",
    "intact",
    "recorded_signatures",
    "site_members",
    "update_site",
]
