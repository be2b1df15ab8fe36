"""The web archive's pages, each rendered from the archive with a Jinja2 template.

Every page links to the others by relative paths (``root``), so the site works from
``file://``, from the distribution zip and from any folder of a server. Same archive,
same bytes: nothing depends on the time or the order rows were written in.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote

import jinja2

from .data import Archive, aliases
from .text import marked

STYLESHEET = "style.css"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("pipeline.site", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["marked"] = marked
    env.filters["url"] = lambda text: quote(str(text), safe="")
    env.globals["aliases"] = aliases
    return env


def _render(template: str, root: str, **context: object) -> bytes:
    return environment().get_template(template).render(root=root, **context).encode("utf-8")


def meeting_pages(archive: Archive, only: set[str] | None = None) -> dict[str, bytes]:
    """The meeting pages (of the raw texts ``only`` names, else all), by path inside ``site/``.
    A meeting's page shows its own record alone (a place's page name follows from its id)."""
    places = _place_pages(archive)
    return {
        f"meetings/{meeting.page}.html": _render("meeting.html", "../", meeting=meeting, places=places)
        for meeting in archive.meetings
        if only is None or meeting.file in only
    }


def meeting_page_names(archive: Archive) -> set[str]:
    return {f"meetings/{meeting.page}.html" for meeting in archive.meetings}


def place_page_names(archive: Archive) -> set[str]:
    return {f"places/{place.page}.html" for place in archive.places}


def other_pages(archive: Archive, places: set[str] | None = None) -> dict[str, bytes]:
    """Every page that lists across records (home, filters, countries, the places of the ids
    ``places`` names, else all), and the stylesheet."""
    pages: dict[str, bytes] = {STYLESHEET: environment().get_template(STYLESHEET).render().encode("utf-8")}
    kinds, years = archive.kinds(), archive.years()
    filters = {"kinds": kinds, "years": years, "countries": [c for c in archive.countries if c.hosted]}
    pages["index.html"] = _render(
        "list.html", "", archive=archive, title="All meetings", meetings=archive.meetings, current=None, **filters
    )
    for kind, name, meetings in kinds:
        pages[f"kinds/{kind}.html"] = _render(
            "list.html", "../", archive=archive, title=f"{name}s", meetings=meetings, current=f"kind:{kind}", **filters
        )
    for year, meetings in years:
        pages[f"years/{year}.html"] = _render(
            "list.html",
            "../",
            archive=archive,
            title=f"Meetings of {year}",
            meetings=meetings,
            current=f"year:{year}",
            **filters,
        )
    for place in archive.places:
        if places is None or place.id in places:
            pages[f"places/{place.page}.html"] = _render("place.html", "../", place=place)
    for country in archive.countries:
        pages[f"countries/{country.code.lower()}.html"] = _render("country.html", "../", country=country)
    pages["places.html"] = _render("places.html", "", archive=archive)
    pages["search.html"] = _render("search.html", "")
    return pages


def _place_pages(archive: Archive) -> dict[str, str]:
    return {place.id: place.page for place in archive.places}
