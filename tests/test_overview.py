"""The overview's field readers on the shapes held-out texts showed, one case each."""

from __future__ import annotations

import pytest

from pipeline.parser.countries import country_code
from pipeline.parser.overview import match_label, parse_participation, split_country
from pipeline.parser.text import Line


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("한국 Korea", "KR"),
        ("Россия Russia", "RU"),
        ("Republic of Korea", "KR"),
        ("DPR Korea", "KP"),
        ("옵서버", None),
        ("강원도", None),
    ],
)
def test_country_code_reads_bilingual_names_by_their_english_words(text: str, code: str | None) -> None:
    assert country_code(text) == code


@pytest.mark.parametrize(
    ("text", "country", "place"),
    [
        ("Khabarovsk, Russia", "Russia", "Khabarovsk"),
        ("Russia > Khabarovsk Territory", "Russia", "Khabarovsk Territory"),
        (
            "Irkutsk, Russian Federation – Baikal Business Centre, Hall “Angara”",
            "Russia",
            "Irkutsk, Baikal Business Centre, Hall “Angara”",
        ),
        ("Gyeongsangbuk-do Provincial Government", None, "Gyeongsangbuk-do Provincial Government"),
    ],
)
def test_split_country_finds_the_country_part_wherever_it_stands(text: str, country: str | None, place: str) -> None:
    assert split_country(text) == (country, place)


def test_a_wrapped_list_line_is_not_a_label() -> None:
    assert match_label("Prefecture, Hyogo Prefecture; Korea: Gangwon-do, Gyeongsangbuk-do,") is None


def _groups(*lines: str) -> list[tuple[str | None, str, list[str]]]:
    participation = parse_participation([Line(n, text) for n, text in enumerate(lines, 1)], [])
    return [(group.country, group.role, group.authorities) for group in participation.groups]


def test_bilingual_country_and_observer_labels() -> None:
    assert _groups(
        "- 한국 Korea (2) : Gangwon-do, Busan Metropolitan City",
        "- 옵서버 Observer (1) : Sverdlovsk Oblast (Russia)",
    ) == [
        ("South Korea", "member", ["Gangwon-do", "Busan Metropolitan City"]),
        ("Russia", "observer", ["Sverdlovsk Oblast"]),
    ]


def test_a_summary_set_off_by_a_double_hyphen() -> None:
    participation = parse_participation([Line(1, "11 regional governments from 4 countries -- Japan: Hokkaido")], [])
    assert (participation.stated_authorities, participation.stated_countries) == (11, 4)
    assert [(g.country, g.authorities) for g in participation.groups] == [("Japan", ["Hokkaido"])]
