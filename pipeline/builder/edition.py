"""What the briefing book shows beyond its records: the association, the edition's date,
the logo. Apart from the book's writer, so a build that has nothing to write (which only
compares fingerprints) does not import the renderers.
"""

from __future__ import annotations

import datetime
import hashlib
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..render.i18n import ENGLISH, N_, Translator

if TYPE_CHECKING:
    from ..settings import Settings

BOOK_TITLE = N_("NEAR conference briefings")


@dataclass(frozen=True)
class Edition:
    """What the book's cover and metadata say beyond its records."""

    association: str = "Association of North East Asia Regional Governments"
    short_name: str = "NEAR"
    date: datetime.date = datetime.date(2000, 1, 1)
    logo: bytes | None = None  # PNG
    scope: str = ""  # which meetings, when not all ('Meetings attended by authorities of Japan')

    def footer(self, language: Translator = ENGLISH) -> str:
        return language._("%(title)s · %(short_name)s · edition of %(date)s") % {
            "title": language._(BOOK_TITLE),
            "short_name": self.short_name,
            "date": language.date(self.date),
        }


def edition_fingerprint(edition: Edition, settings: Settings) -> str:
    """What the book shows beyond its records, when stated: a new day alone (the date
    being today's) rebuilds nothing; a date set in the settings or by SOURCE_DATE_EPOCH does."""
    stated = settings.edition.date is not None or os.environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit()
    shown = [edition.association, edition.short_name, edition.date.isoformat() if stated else ""]
    shown.append(hashlib.sha256(edition.logo).hexdigest() if edition.logo else "")
    return hashlib.sha256(repr(shown).encode("utf-8")).hexdigest()[:16]
