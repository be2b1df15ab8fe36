"""Text for HTML: names and slugs of pages, and ``lang`` for the words in other scripts."""

from __future__ import annotations

import hashlib
import re

from markupsafe import Markup, escape

# A run of letters of another script (with the spaces and punctuation inside it).
_FOREIGN = re.compile(
    r"[\u0400-\u04FF\u1100-\u11FF\u3040-\u30FF\u3130-\u318F\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]"
    r"(?:[\s\u3000-\u303F\uFF00-\uFFEF]*"
    r"[\u0400-\u04FF\u1100-\u11FF\u3040-\u30FF\u3130-\u318F\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF])*"
)
_HANGUL = re.compile(r"[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]")
_KANA = re.compile(r"[\u3040-\u30FF]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# Han alone is Chinese, Japanese or Korean: the country says which.
HAN_LANG = {"JP": "ja", "KR": "ko", "KP": "ko", "CN": "zh", "TW": "zh"}
CYRILLIC_LANG = {"MN": "mn"}
ISO_ID = re.compile(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?")
COUNTRY = re.compile(r"[A-Z]{2}")


def lang_of(text: str, country: str | None = None) -> str:
    if _HANGUL.search(text):
        return "ko"
    if _KANA.search(text):
        return "ja"
    if _CYRILLIC.search(text):
        return CYRILLIC_LANG.get(country or "", "ru")
    return HAN_LANG.get(country or "", "zh")


def marked(text: str | None, country: str | None = None) -> Markup:
    """``text`` escaped, each run in another script in a span with its ``lang`` (screen readers
    and fonts pick the language: "Toyama Prefecture (富山県)")."""
    if not text:
        return Markup("")
    if text.isascii():  # (most names and titles: nothing of another script to mark)
        return escape(text)
    parts, last = [], 0
    for match in _FOREIGN.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(Markup('<span lang="{}">{}</span>').format(lang_of(match.group(), country), match.group()))
        last = match.end()
    parts.append(escape(text[last:]))
    return Markup("").join(parts)


def slug(identity: str) -> str:
    """A page name for an entity id: an ISO code as it is (lower case), anything else made of
    its letters and a digest of the whole id (so two ids never share a page)."""
    if ISO_ID.fullmatch(identity):
        return identity.lower()
    words = re.sub(r"[^a-z0-9]+", "-", identity.lower()).strip("-")[:60].strip("-")
    return f"{words or 'place'}-{hashlib.sha256(identity.encode()).hexdigest()[:8]}"


def stem_slug(stem: str) -> str:
    """A meeting's page name: its output stem where that is plain, else made so (a stem may hold
    any character a file name may)."""
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", stem) and not stem.endswith("."):
        return stem
    return slug(f"meeting:{stem}")
