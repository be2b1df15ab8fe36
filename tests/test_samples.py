"""Facts a correct parse of each sample must get (from the samples' README), checked directly."""

from __future__ import annotations

import datetime
import re

import pytest

from pipeline import parse, read, read_bytes
from pipeline.parser.overview import (
    COUNT_CELL,
    FOOTNOTE_LEGEND,
    OBSERVER_MARK,
    OBSERVER_SUFFIX,
    ROLE_CELL,
    _header_role,
    match_label,
)
from pipeline.parser.sections import BULLET_MARKERS, NUMBERING_STYLES, find_sections
from tests.conftest import SAMPLES, TESTS, sample_id


def record_of(name):
    return parse(read(TESTS / "samples" / f"{name}.txt"))


def note_codes(record):
    return [note.code for note in record.notes]


def authorities_by_country(record, role="member"):
    counts: dict[str, int] = {}
    for group in record.overview.participation.groups:
        if group.role == role:
            counts[group.country] = counts.get(group.country, 0) + len(group.authorities)
    return counts


def test_seed():
    record = record_of("near-1995-khabarovsk")
    assert record.title == "The 3rd NEAR Conference"
    assert record.source.encoding == "utf-8"
    period = record.overview.period
    assert (period.start, period.end) == (datetime.date(1995, 9, 6), datetime.date(1995, 9, 7))
    assert period.text == "September 06, 1995 ~ September 07, 1995"
    assert record.overview.venue.country == "Russian Federation"
    assert record.overview.venue.place == "Khabarovsk Territory, International Conference Hall"
    assert record.overview.organizer.country == "Russian Federation"
    assert record.overview.organizer.name == "Khabarovsk Territory, Administration"
    participation = record.overview.participation
    assert participation.text == "21 regional authorities from 4 countries"
    assert (participation.stated_authorities, participation.stated_countries) == (21, 4)
    assert authorities_by_country(record) == {"China": 2, "Japan": 9, "Republic of Korea": 2, "Russian Federation": 5}
    assert participation.groups[0].authorities == ["Heilongjiang Province", "Liaoning Province"]
    assert [len(item.items) for item in record.contents] == [0, 0, 1, 0]
    assert record.contents[2].items[0].text == "Gyeongsangbuk-do Province conducted and prepared practical affairs."
    assert record.declaration.title == "Khabarovsk Declaration"
    assert [r.number for r in record.declaration.resolutions] == [1, 2, 3]
    assert len(record.declaration.preamble) == 4
    assert note_codes(record) == ["participation-count-mismatch"]
    assert record.notes[0].message == (
        "Overview states 21 regional authorities from 4 countries; 18 authorities in 4 countries are listed."
    )


def test_gyeongju():
    record = record_of("near-1996-gyeongju")
    period = record.overview.period
    assert (period.start, period.end) == (datetime.date(1996, 9, 10), datetime.date(1996, 9, 12))
    assert authorities_by_country(record) == {"China": 4, "Japan": 10, "Republic of Korea": 7, "Russian Federation": 6}
    assert [len(item.items) for item in record.contents] == [1, 0, 1, 0, 1]
    assert record.contents[0].text.endswith(
        "launch of NEAR as a permanent international organization of regional governments"
    )
    resolutions = record.declaration.resolutions
    assert len(resolutions) == 4
    assert resolutions[1].text.endswith("economy, technology and development of the member regions.")
    assert record.declaration.closing == ["Adopted at Gyeongju, Gyeongsangbuk-do, on September 12, 1996"]
    assert note_codes(record) == ["participation-count-mismatch"]


def test_toyama():
    record = record_of("near-1998-toyama")
    assert record.source.encoding == "utf-16"
    assert authorities_by_country(record) == {"Japan": 8, "Republic of Korea": 6, "China": 4, "Russian Federation": 5}
    assert authorities_by_country(record, "observer") == {"China": 1}
    assert [g.stated for g in record.overview.participation.groups] == [8, 6, 4, 5, 1]
    assert len(record.contents) == 7
    assert record.declaration.title == "Joint Declaration"
    assert len(record.declaration.resolutions) == 3
    assert [section.heading for section in record.sections] == ["Program"]
    assert note_codes(record) == []


def test_heilongjiang():
    record = record_of("near-2002-heilongjiang")
    assert record.source.encoding == "windows-1252"
    assert record.overview.organizer.text == "Heilongjiang Provincial People’s Government & NEAR Secretariat"
    assert authorities_by_country(record) == {"China": 6, "Japan": 6, "Republic of Korea": 6, "Russian Federation": 6}
    assert [r.number for r in record.declaration.resolutions] == [1, 2, 3]
    assert len(record.contents) == 6
    assert note_codes(record) == ["period-end-before-start", "country-count-mismatch"]


def test_gyeonggi():
    record = record_of("near-2010-gyeonggi")
    assert record.source.encoding == "utf-8-sig"
    assert not record.title.startswith("\ufeff")
    assert sum(authorities_by_country(record).values()) == 41
    assert authorities_by_country(record, "observer") == {"Russian Federation": 1}
    assert len(record.contents) == 8
    assert record.declaration.title == "Charter (Partial Revision)"
    assert [r.number for r in record.declaration.resolutions] == [1, 2, 3]
    assert [section.heading for section in record.sections] == ["Attachments"]
    assert record.contents[-1].text == "Exhibition of the member regions at the G-Fair held in the same building"
    assert note_codes(record) == []


def test_irkutsk():
    record = record_of("near-2014-irkutsk")
    period = record.overview.period
    assert (period.start, period.end) == (datetime.date(2014, 9, 30), datetime.date(2014, 10, 2))
    assert record.declaration is None
    assert len(record.contents) == 6
    assert {g.country for g in record.overview.participation.groups} == {
        "Russian Federation",
        "Mongolia",
        "DPR Korea",
        "Republic of Korea",
        "China",
        "Japan",
    }
    assert note_codes(record) == ["missing-section"]
    assert "Declaration" in record.notes[0].message


def test_pohang():
    record = record_of("near-2021-pohang")
    period = record.overview.period
    assert period.start == period.end == datetime.date(2021, 8, 10)
    observers = [g for g in record.overview.participation.groups if g.role == "observer"]
    assert [(g.country, g.authorities) for g in observers] == [("Vietnam", ["Ho Chi Minh City"])]
    assert record.contents[-1].text == "Adoption of the Pohang Declaration by all participating members"
    assert record.declaration.title == "Pohang Declaration"
    assert [section.heading for section in record.sections] == ["Attachments"]
    assert note_codes(record) == []


# --- nothing is lost --------------------------------------------------------------

WORD = re.compile(r"\w+")


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, int):
        yield str(value)
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def markup_words(lines):
    """Words the parser consumes as structure: section headings of known kinds,
    field labels, observer markers and bullet or numbering markers. Nothing else
    may disappear."""
    words = set()
    for index, (_, kind) in find_sections(lines).items():
        if kind in ("overview", "contents"):
            words |= set(WORD.findall(lines[index]))
    for text in lines:
        labelled = match_label(text)
        if labelled:
            words |= set(WORD.findall(labelled[0]))
        for marker in OBSERVER_MARK.findall(text):
            words |= set(WORD.findall(marker))
        for row in (*BULLET_MARKERS, *NUMBERING_STYLES):
            match = row.pattern.match(text)
            if match:
                words |= set(WORD.findall(text[: match.start("text")]))
        for marker in OBSERVER_SUFFIX.findall(text):
            words |= set(WORD.findall(marker))
        if FOOTNOTE_LEGEND.match(text):
            words |= set(WORD.findall(text))
        if "|" in text:  # a table's header row, role and count columns are structure too
            cells = [cell.strip() for cell in text.strip().strip("|").split("|")]
            header = all(_header_role(cell) or not cell for cell in cells)
            words |= {
                word
                for cell in cells
                if (header and _header_role(cell)) or ROLE_CELL.match(cell) or COUNT_CELL.match(cell)
                for word in WORD.findall(cell)
            }
    return words


def lost_words(raw, record):
    kept = set()
    for text in strings_in(record.model_dump(mode="json")):
        kept |= set(WORD.findall(text))
    allowed = markup_words(raw.lines)
    return [word for word in WORD.findall(raw.text) if word not in kept and word not in allowed]


@pytest.mark.parametrize("sample", SAMPLES, ids=sample_id)
def test_nothing_lost(sample):
    raw = read(sample)
    assert lost_words(raw, parse(raw)) == []


# Texts written independently of the parser (tests/heldout/README.md gives these facts).
HELDOUT = [
    ("near-2000-khabarovsk", ("2000-10-17", "2000-10-19"), ["participation-count-mismatch"], [1, 0, 2, 0, 1, 0, 0], 4),
    ("near-2006-jinan", ("2006-10-10", "2006-10-12"), ["country-count-mismatch"], [1, 0, 3, 0, 1, 0], 4),
    ("near-2012-ningxia", ("2012-09-11", "2012-09-13"), [], [1, 0, 2, 1, 0, 0], 4),
    ("near-2016-gyeongbuk", ("2016-09-28", "2016-09-30"), ["participation-count-mismatch"], [0, 1, 2, 0, 2, 0, 0], 4),
    (
        "near-2018-sakha",
        ("2018-06-30", "2018-06-02"),
        ["missing-section", "period-end-before-start"],
        [0, 1, 1, 1, 0, 0, 0],
        None,
    ),
]


@pytest.mark.parametrize(("name", "period", "notes", "children", "resolutions"), HELDOUT, ids=[h[0] for h in HELDOUT])
def test_heldout_texts(name, period, notes, children, resolutions):
    raw = read(TESTS / "heldout" / f"{name}.txt")
    record = parse(raw)
    assert (record.overview.period.start.isoformat(), record.overview.period.end.isoformat()) == period
    assert note_codes(record) == notes
    assert [len(item.items) for item in record.contents] == children
    assert (len(record.declaration.resolutions) if record.declaration else None) == resolutions
    assert lost_words(raw, record) == []


def test_a_title_marked_as_the_headings_are():
    """A wiki-style page marks its title as it marks its sections: the first marked line that
    names a meeting and no section is the title."""
    text = (
        "=== NEAR Expert Meeting on Biodiversity in Mountain Regions ===\n\n=== Overview ===\n"
        "When -- 23-24 June 2022\nWhere -- Gorno-Altaisk, Russian Federation\n\n=== Agenda ===\n1) Opening\n"
    )
    record = parse(read_bytes(text.encode(), "x.txt"))
    assert record.title == "NEAR Expert Meeting on Biodiversity in Mountain Regions"
    assert [section.kind for section in record.sections] == []  # (overview and contents are fields of their own)
    assert record.overview.period.start == datetime.date(2022, 6, 23)
    assert record.contents[0].text == "Opening"


def test_a_forwarded_declarations_mail_headers_are_lines_of_their_own():
    """The header lines of a mail pasted above a declaration are no paragraph: joined, "From:
    NEAR Secretariat Sent: ..." made one body of the sender and the weekday."""
    text = (
        "The 14th NEAR General Assembly\n\n1. Overview\nDate: 26 October 2022\n\n2. Naepo Declaration\n"
        "From: NEAR Secretariat\nSent: Wednesday, October 26, 2022 6:12 PM\nSubject: Final text\n\n"
        "We, the member regional governments of NEAR,\nmeeting online, agree:\n1. To cooperate.\n"
    )
    record = parse(read_bytes(text.encode(), "x.txt"))
    assert record.declaration.preamble == [
        "From: NEAR Secretariat",
        "Sent: Wednesday, October 26, 2022 6:12 PM",
        "Subject: Final text",
        "We, the member regional governments of NEAR, meeting online, agree:",
    ]


def test_a_participants_table_with_the_institution_each_region_sent():
    """An "Institution" column beside the regions' names: each region's body in brackets after
    it, however long the two make the line ("suspect-authority (long)" had left one out)."""
    text = (
        "The 5th Meeting of the Science and Technology Subcommittee\n\n1. Overview\nDate: 2011.10.19\n"
        "Participants:\nCountry | Regional government | Institution | Status\n"
        "Republic of Korea | Gwangju Metropolitan City | Gwangju Institute of Science and Technology (GIST) | member\n"
        "Japan | Tottori Prefecture | Tottori University | member\n"
        "Mongolia | Tov Province | - | observer\n"
    )
    record = parse(read_bytes(text.encode(), "x.txt"))
    groups = [(group.country, group.role, group.authorities) for group in record.overview.participation.groups]
    assert groups == [
        (
            "Republic of Korea",
            "member",
            ["Gwangju Metropolitan City (Gwangju Institute of Science and Technology (GIST))"],
        ),
        ("Japan", "member", ["Tottori Prefecture (Tottori University)"]),
        ("Mongolia", "observer", ["Tov Province"]),
    ]
    assert not [note for note in record.notes if note.code == "suspect-authority"]
    # only the asides a name ends with are not its words: a sentence with an aside inside stays out
    text = text.replace("Tov Province | - | observer", "Tov Province (Mongolia) was invited but did not attend | - | -")
    record = parse(read_bytes(text.encode(), "x.txt"))
    assert [note.code for note in record.notes if note.code == "suspect-authority"] == ["suspect-authority"]
