"""Property tests: parse is total, and any structure written in any known style parses back."""

from __future__ import annotations

import dataclasses
import random

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline import InputError, parse, read_bytes, record_from_json, record_to_json
from pipeline.parser.countries import canonical_country
from tests.test_samples import lost_words
from tools.synthetic import DAMAGES, random_spec, random_style, render

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_parse_is_total(text: str) -> None:
    """A record that round-trips through JSON, or the project's one-line input error."""
    try:
        record = parse(read_bytes(text.encode("utf-8"), "any.txt"))
    except InputError as error:
        assert str(error).startswith("any.txt:")
    else:
        assert record_from_json(record_to_json(record)) == record


@FAST
@given(st.text())
def test_parse_is_total_on_any_text(text):
    assert_parse_is_total(text)


LINE_PIECES = st.sampled_from(
    [
        "· Overview",
        "■ Contents",
        "[Harbin Declaration]",
        "1. Overview",
        "OVERVIEW",
        "CONTENTS",
        "Period: Sep 10-12, 1996",
        "<Venue>",
        "Participants: 20 regional governments from 5 countries",
        "Japan (4; A, B, C, D)",
        "China",
        "- Jilin Province",
        "▷ Item",
        "① Item",
        "(1) To do",
        "1) To do",
        "2. To do",
        "Adopted at Harbin",
        "",
        "Republic of Korea",
        "《※ Participated as observer》",
        "Ho Chi Minh City (observer)",
        "※ Dates: 2002.09.12 ~ 09.10",
        "x" * 300,
        "(",
        ")",
        "((1; 2)",
        "Japan (",
        "Korea (3;",
    ]
)


@FAST
@given(st.lists(st.one_of(LINE_PIECES, st.text(max_size=40)), max_size=40))
def test_parse_is_total_on_structure_like_text(lines):
    assert_parse_is_total("\n".join(lines))


def _same_heading(actual, expected, style):
    return actual == (expected.upper() if style.sections == "capitals" else expected)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
@example(seed=27440814)  # an observers' heading ("《※ Participated as observer》 Japan") taken for a wrapped line
def test_damaged_texts_read_like_the_clean_ones(seed):
    """Any structure, any style: quoted, decorated, wrapped or garbled, it gives the record the clean text gives."""
    rng = random.Random(seed)
    spec, style = random_spec(rng), random_style(rng)
    clean = parse(read_bytes(render(spec, dataclasses.replace(style, damage=())).encode("utf-8"), "x.txt"))
    damaged_style = dataclasses.replace(style, damage=tuple(kind for kind in DAMAGES if rng.random() < 0.5))
    damaged = parse(read_bytes(render(spec, damaged_style).encode("utf-8"), "x.txt"))
    context = f"style={damaged_style}"
    assert damaged.overview == clean.overview, context
    assert damaged.contents == clean.contents, context
    assert damaged.declaration == clean.declaration, context
    assert [n.code for n in damaged.notes if n.severity == "check"] == [
        n.code for n in clean.notes if n.severity == "check"
    ], context


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
@example(seed=58733)  # a region's name wrapped before its "City" in a list of a country's regions
def test_any_structure_in_any_style_parses_back(seed):
    rng = random.Random(seed)
    spec, style = random_spec(rng), random_style(rng)
    text = render(spec, style)
    raw = read_bytes(text.encode("utf-8"), "synthetic.txt")
    record = parse(raw)
    context = f"style={style}\n{text}"
    # What transit did is undone and said: quoting always shows, mojibake wherever the text
    # has a character outside ASCII to garble; markup and wrapping only where they changed a line.
    if "quoting" in style.damage:
        assert "quoting" in record.source.repairs, context
    if "mojibake" in style.damage and not text.isascii():
        assert "mojibake" in record.source.repairs, context

    assert record.title == spec.title, context
    overview = record.overview
    assert (overview.period.start, overview.period.end) == (spec.start, spec.end), context
    assert overview.venue.country == spec.venue_country, context
    assert overview.organizer.text == spec.organizer, context
    participation = overview.participation
    assert (participation.stated_authorities, participation.stated_countries) == (
        spec.stated_authorities,
        spec.stated_countries,
    ), context
    expected_groups = [(g.country, g.role, g.authorities) for g in spec.groups]
    actual_groups = [(g.country, g.role, g.authorities) for g in participation.groups]
    assert actual_groups == expected_groups, context
    assert all(canonical_country(g.country_text) == g.country for g in participation.groups)

    assert [(item.text, [sub.text for sub in item.items]) for item in record.contents] == [
        (text, details) for text, details in spec.contents
    ], context

    if spec.declaration_title is None:
        assert record.declaration is None
        assert "missing-section" in [note.code for note in record.notes]
    else:
        declaration = record.declaration
        assert _same_heading(declaration.title, spec.declaration_title, style), context
        assert declaration.preamble == spec.preamble, context
        assert [r.text for r in declaration.resolutions] == spec.resolutions, context
        assert [r.number for r in declaration.resolutions] == list(range(1, len(spec.resolutions) + 1))
        assert declaration.closing == spec.closing, context
    assert [s.heading for s in record.sections] == [
        h.upper() if style.sections == "capitals" else h for h, _ in spec.extra_sections
    ], context

    members = sum(len(g.authorities) for g in spec.groups if g.role == "member")
    mismatch = "participation-count-mismatch" in [note.code for note in record.notes]
    assert mismatch == (spec.stated_authorities != members), context
    assert lost_words(raw, record) == [], context
