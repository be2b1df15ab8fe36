"""The web archive's pages, each rendered from the archive with a Jinja2 template.

Every page links to the others by relative paths (``root``), so the site works from
``file://``, from the distribution zip and from any folder of a server. Same archive,
same bytes: nothing depends on the time or the order rows were written in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from functools import lru_cache, partial
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup, escape

from .data import Archive, Meeting, Place, aliases
from .search import shards
from .text import marked, slug
from .version import site_version

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
    env.filters["meeting_rows"] = _meeting_rows
    env.filters["attendance_rows"] = _attendance_rows
    env.globals["aliases"] = aliases
    return env


def compile_templates() -> None:
    """Every template compiled once, before the process that writes the site forks from this
    one (a small build's site is written beside its book, and would compile them itself)."""
    env = environment()
    for name in env.list_templates():
        env.get_template(name)


def _date_and_title_cells(meeting: Meeting, root: str) -> str:
    """The cells every list of meetings opens a row with: its date, and its title linking to its
    page; made once per build for each depth of folder, as ``meeting.cells``."""
    cells = meeting.cells.get(root)
    if cells is None:
        cells = (
            f"<td>{escape(meeting.date)}</td>\n"
            f'<th scope="row"><a href="{escape(root)}{escape(meeting.href)}">{meeting.title_html}</a></th>\n'
        )
        meeting.cells[root] = cells
    return cells


def _meeting_row(meeting: Meeting, root: str) -> str:
    """A meeting's row in a list of meetings, made once per build for each depth of folder
    (a country's pages list thousands, and one change renders them all again), every value
    escaped as the templates escape it."""
    row = meeting.rows.get(root)
    if row is None:
        observers = meeting.row["observer_count"]
        row = (
            f"<tr>\n{_date_and_title_cells(meeting, root)}"
            f"<td>{escape(meeting.kind_name)}</td>\n<td>{meeting.venue_html}</td>\n"
            f'<td class="number">{escape(meeting.row["member_count"])}'
            f"{f' + {escape(observers)} obs.' if observers else ''}</td>\n</tr>"
        )
        meeting.rows[root] = row
    return row


def _meeting_rows(meetings: Iterable[Meeting], root: str) -> Markup:
    """The rows of a list of meetings, each followed by a line break, joined here rather than
    in a template's loop: a country's page lists thousands. (Each row is made of escaped values.)"""
    return Markup("".join(f"{_meeting_row(meeting, root)}\n" for meeting in meetings))


def _attendance_rows(place: Place, root: str) -> Markup:
    """A place's rows of the meetings it took part in (its role, how the record wrote it), made
    here rather than in a template's loop: a member region's page lists thousands. Every value
    is escaped as the templates escape it; a spelling is marked once however many rows hold it."""
    spellings: dict[str, Markup] = {}
    rows = []
    for meeting, participant in place.attended:
        written = participant["written"]
        if written not in spellings:
            spellings[written] = marked(written, place.country_code)
        rows.append(
            f"<tr>\n{_date_and_title_cells(meeting, root)}"
            f"<td>{escape(participant['role'])}</td>\n<td>{spellings[written]}</td>\n</tr>\n"
        )
    return Markup("".join(rows))


def _render(template: str, root: str, **context: object) -> bytes:
    return environment().get_template(template).render(root=root, **context).encode("utf-8")


def _key(*parts: str) -> str:
    """A page's key: the digest of what it shows (the same key, the same bytes)."""
    return hashlib.sha256("\0".join((site_version(), *parts)).encode("utf-8")).hexdigest()


def meeting_page_name(meeting: Meeting) -> str:
    return f"meetings/{meeting.page}.html"


def meeting_page(meeting: Meeting) -> tuple[str, Callable[[], bytes]]:
    """A meeting's page: its key and what renders it (from the details ``load_details`` reads:
    its key, the meeting's digest, covers them: they are its record's). Its participants link
    to their places' pages."""
    return _key("meeting", meeting.digest), partial(_render_meeting, meeting)


def _render_meeting(meeting: Meeting) -> bytes:
    places = {participant["entity_id"]: slug(participant["entity_id"]) for participant in meeting.participants}
    return _render("meeting.html", "../", meeting=meeting, places=places)


def _place_digest(place: Place) -> str:
    """A place's page shows the place and its meetings: the date and title of each, and its role
    and spelling there."""
    shown = [place.id, place.name, place.page, place.country or "", place.country_code or "", *place.spellings]
    rows = (part for meeting, taking_part in place.attended for part in _attendance_shown(meeting, taking_part))
    return _key("place", *shown, *rows)


def _attendance_shown(meeting: Meeting, participant: dict[str, Any]) -> tuple[str, str, str]:
    return meeting.listed, str(participant["role"]), str(participant["written"])


def search_bundles(archive: Archive) -> dict[str, list[str]]:
    """The search's bundles (their folders, the first first) and the meeting pages of each."""
    return shards(meeting_page_name(meeting) for meeting in archive.meetings)


def site_pages(archive: Archive, bundles: Iterable[str]) -> dict[str, tuple[str, Callable[[], bytes]]]:
    """Every page of the site by its path inside ``site/``, with its key and what renders it;
    ``bundles``: the search's (``search_bundles``)."""
    bundles = list(bundles)
    pages: dict[str, tuple[str, Callable[[], bytes]]] = {
        STYLESHEET: (_key(STYLESHEET), _stylesheet),
        "search.html": (_key("search.html", *bundles), partial(_render, "search.html", "", bundles=bundles)),
    }
    for meeting in archive.meetings:
        pages[meeting_page_name(meeting)] = meeting_page(meeting)
    kinds, years = archive.kinds(), archive.years()
    hosts = [country for country in archive.countries if country.hosted]
    filters = {"kinds": kinds, "years": years, "countries": hosts}
    # Every list page shows the filters (how many meetings of each kind, the years, the hosts)
    # and how many meetings there are in all.
    shown_filters = [
        str(len(archive.meetings)),
        *(f"kind {kind} {len(meetings)}" for kind, _, meetings in kinds),
        *(f"year {year}" for year, _ in years),
        *(f"host {country.code} {country.name} {len(country.hosted)}" for country in hosts),
    ]

    def listing(name: str, root: str, title: str, meetings: list[Meeting], current: str | None) -> None:
        pages[name] = (
            _key("list", name, title, *shown_filters, *(meeting.listed for meeting in meetings)),
            partial(
                _render, "list.html", root, archive=archive, title=title, meetings=meetings, current=current, **filters
            ),
        )

    listing("index.html", "", "All meetings", archive.meetings, None)
    for kind, name, meetings in kinds:
        listing(f"kinds/{kind}.html", "../", f"{name}s", meetings, f"kind:{kind}")
    for year, meetings in years:
        listing(f"years/{year}.html", "../", f"Meetings of {year}", meetings, f"year:{year}")
    digests = {place.id: _place_digest(place) for place in archive.places}
    for place in archive.places:
        pages[f"places/{place.page}.html"] = (digests[place.id], partial(_render, "place.html", "../", place=place))
    for country in archive.countries:
        shown = [
            country.code,
            country.name,
            *(meeting.listed for meeting in country.hosted),
            "places",
            *(digests[place.id] for place in country.places),
            "meetings",
            *(meeting.listed for meeting in country.meetings),
        ]
        pages[f"countries/{country.code.lower()}.html"] = (
            _key("country", *shown),
            partial(_render, "country.html", "../", country=country),
        )
    pages["places.html"] = (
        _key("places", *(digests[place.id] for place in archive.places)),
        partial(_render, "places.html", "", archive=archive),
    )
    return pages


def _stylesheet() -> bytes:
    return environment().get_template(STYLESHEET).render().encode("utf-8")
