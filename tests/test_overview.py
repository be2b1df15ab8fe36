"""The overview's field readers on the shapes held-out texts showed, one case each."""

from __future__ import annotations

import re
from datetime import date

import pytest

from pipeline import parse, read_bytes
from pipeline.parser.countries import country_code
from pipeline.parser.overview import (
    collect_fields,
    listed_names,
    match_label,
    parse_overview,
    parse_participation,
    parse_venue,
    split_country,
)
from pipeline.parser.sections import parse_contents
from pipeline.parser.text import Line
from pipeline.record import Participation, Record


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("한국 Korea", "KR"),
        ("Россия Russia", "RU"),
        ("중국 (China)", "CN"),  # (the English name in brackets after the native one)
        ("Япония (Japan)", "JP"),
        ("Россия / Russia", "RU"),  # (or after a slash)
        ("Tov Aimag（Mongolia）", None),  # (a region with its country, no name of one)
        ("Republic of Korea", "KR"),
        ("DPR Korea", "KP"),
        ("옵서버", None),
        ("강원도", None),
        ("한국", "KR"),  # (the everyday name, beside CLDR's 대한민국)
        ("중화인민공화국", "CN"),
        ("российская федерация", "RU"),
    ],
)
def test_country_code_reads_bilingual_names_by_their_english_words(text: str, code: str | None) -> None:
    assert country_code(text) == code


@pytest.mark.parametrize(
    ("text", "country", "place"),
    [
        ("Khabarovsk, Russia", "Russian Federation", "Khabarovsk"),
        ("Russia > Khabarovsk Territory", "Russian Federation", "Khabarovsk Territory"),
        (
            "Irkutsk, Russian Federation – Baikal Business Centre, Hall “Angara”",
            "Russian Federation",
            "Irkutsk, Baikal Business Centre, Hall “Angara”",
        ),
        ("Gyeongsangbuk-do Provincial Government", None, "Gyeongsangbuk-do Provincial Government"),
        (
            "Blagoveshchensk, Amur Oblast, Russian Federation; Hotel Asia",
            "Russian Federation",
            "Blagoveshchensk, Amur Oblast, Hotel Asia",
        ),
        # the country's own name in its script goes with it; another aside stays with the place
        ("Zuunmod (Зуунмод), Tov Province, Mongolia (Монгол Улс)", "Mongolia", "Zuunmod (Зуунмод), Tov Province"),
        ("Hotel Asia, Japan (Toyama Prefecture)", "Japan", "Hotel Asia (Toyama Prefecture)"),
        # a separator inside the aside parts its own places, and stays as written
        (
            "Yamaguchi, Japan (KDDI Ishin Hall; reception at Yuda Onsen)",
            "Japan",
            "Yamaguchi (KDDI Ishin Hall; reception at Yuda Onsen)",
        ),
        # an aside that holds brackets of its own
        (
            "Artyom, Russian Federation (host studio at Vladivostok Airport, Artyom (Артём))",
            "Russian Federation",
            "Artyom (host studio at Vladivostok Airport, Artyom (Артём))",
        ),
    ],
)
def test_split_country_finds_the_country_part_wherever_it_stands(text: str, country: str | None, place: str) -> None:
    assert split_country(text) == (country, place)


def test_a_wrapped_list_line_is_not_a_label() -> None:
    assert match_label("Prefecture, Hyogo Prefecture; Korea: Gangwon-do, Gyeongsangbuk-do,") is None


def test_an_unknown_label_alone_on_its_line_after_a_blank_one() -> None:
    lines = ["Host", "Administration of Kemerovo Region", "", "Coordinator", "Kemerovo Region, since 2009", "", "Venue"]
    lines += ["Novokuznetsk,", "", "Kemerovo Region"]  # (a value going on after a comma, over a blank line)
    fields, _ = collect_fields([Line(n, text) for n, text in enumerate(lines, 1)])
    assert [(field.label, field.text) for field in fields] == [
        ("Host", "Administration of Kemerovo Region"),
        ("Coordinator", "Kemerovo Region, since 2009"),
        ("Venue", "Novokuznetsk, Kemerovo Region"),
    ]


def _participation(lines: list[str], notes: list | None = None) -> Participation:
    """The participation of ``lines``, numbered from 1 (its notes into ``notes``)."""
    return parse_participation([Line(n, text) for n, text in enumerate(lines, 1)], [] if notes is None else notes)


def _groups(*lines: str) -> list[tuple[str | None, str, list[str]]]:
    participation = _participation(list(lines))
    return [(group.country, group.role, group.authorities) for group in participation.groups]


def _record_groups(text: str) -> tuple[Record, list[tuple[str | None, str, list[str]]]]:
    """A whole text's record, and its participation's groups as ``_groups`` gives them."""
    record = parse(read_bytes(text.encode(), "x.txt"))
    assert record.overview is not None and record.overview.participation is not None
    return record, [(group.country, group.role, group.authorities) for group in record.overview.participation.groups]


def test_bilingual_country_and_observer_labels() -> None:
    assert _groups(
        "- 한국 Korea (2) : Gangwon-do, Busan Metropolitan City",
        "- 옵서버 Observer (1) : Sverdlovsk Oblast (Russia)",
    ) == [
        ("Republic of Korea", "member", ["Gangwon-do", "Busan Metropolitan City"]),
        ("Russian Federation", "observer", ["Sverdlovsk Oblast"]),
    ]


def test_headings_in_the_pages_language_then_in_english_after_a_slash() -> None:
    """The translation before a country's or the observers' heading is no authority."""
    assert _groups(
        "일본 / Japan (2)",
        "  돗토리현 / Tottori Prefecture",
        "  시마네현 / Shimane Prefecture",
        "옵서버 및 초청기관 / Observers and guests",
        "  · Korea Coast Guard",
    ) == [
        ("Japan", "member", ["Tottori Prefecture (돗토리현)", "Shimane Prefecture (시마네현)"]),
        (None, "observer", ["Korea Coast Guard"]),
    ]
    # (the country's name in both languages is kept as its heading wrote it, each a spelling of it)
    assert _participation(["일본 / Japan (2)", "Tottori Prefecture"]).groups[0].country_text == "일본 Japan"


GLANCE_RELEASE = """NEAR logistics workshop in Grodekovo: regions discuss the Primorye-1 corridor

Workshop at a glance
• Dates: 17-19 September 2013
• Venue: Pogranichny, Primorsky Krai, Russian Federation
• Participants: 3 member regional governments from 2 countries
\t– Russian Federation: Primorsky Krai, Khabarovsk Krai
\t– China: Heilongjiang Province

Opening and keynote speeches
Opening the workshop, the Vice-Governor of Primorsky Krai said that the port of Vladivostok and the
railways of the krai had been modernized for the summit held in 2012, and that the krai now wanted transit.

Panel 1 – Border crossings
The first panel dealt with the crossings, and the managers of the station at Grodekovo explained the gauges.
"""


def test_a_box_of_fields_at_a_glance_then_the_report_below_it() -> None:
    """The report's headings are no authorities, and the report is a section of its own."""
    record, groups = _record_groups(GLANCE_RELEASE)
    assert groups == [
        ("Russian Federation", "member", ["Primorsky Krai", "Khabarovsk Krai"]),
        ("China", "member", ["Heilongjiang Province"]),
    ]
    assert record.overview is not None and record.overview.period is not None and record.overview.venue is not None
    assert not record.overview.other and not any(note.code == "unplaced-text" for note in record.notes)
    assert record.sections[0].heading is None and record.sections[0].lines[0] == "Opening and keynote speeches"


def test_the_observers_heading_with_its_first_name_on_its_line_after_a_table() -> None:
    """("Observers<TAB>Wetlands International", its tab read as a space): observers of no country,
    the lines below them too."""
    assert _groups(
        "No. | Country | Region | Department",
        "13 | Russia | Khabarovsk Krai | Committee on Natural Resources",
        "",
        "Observers Northwest Pacific Action Plan (NOWPAP) of UNEP",
        "Wetlands International",
    ) == [
        ("Russian Federation", "member", ["Khabarovsk Krai (Committee on Natural Resources)"]),
        (None, "observer", ["Northwest Pacific Action Plan (NOWPAP) of UNEP", "Wetlands International"]),
    ]


def test_a_table_values_cell_going_on_after_a_dash_is_the_value_without_it() -> None:
    record = parse(
        read_bytes(
            "NEAR Expert Meeting 2019\n\nOverview\n| Date | 20-22 August 2019 |\n"
            "| Venue | Longxi County, Gansu Province, China |\n| | — Longxi County Conference Center |\n"
            "| Host | Gansu Provincial People's Government |\n".encode(),
            "x.txt",
        )
    )
    assert record.overview is not None and record.overview.venue is not None
    assert record.overview.venue.text == "Longxi County, Gansu Province, China | Longxi County Conference Center"


def test_bodies_listed_by_acronyms_then_as_observers_all_observe() -> None:
    assert _groups("ADB, EBRD and JICA as observers") == [(None, "observer", ["ADB", "EBRD", "JICA"])]
    assert _groups("UNDP and UNESCO") == [(None, "member", ["UNDP", "UNESCO"])]


def test_a_country_headings_count_in_full_width_brackets() -> None:
    participation = _participation(["日本 Japan（2）: Toyama Prefecture, Niigata Prefecture"])
    assert [(g.country, g.stated, g.authorities) for g in participation.groups] == [
        ("Japan", 2, ["Toyama Prefecture", "Niigata Prefecture"])
    ]


def test_a_report_in_korean_counts_its_countries_and_governments_and_each_countrys() -> None:
    """ "5개국 24개 회원 지방정부" states 5 countries and 24 governments; "한국(6)" is a country's
    heading and its count; a count of people ("전문가 등 130여명") is no authority."""
    participation = _participation(
        [
            "5개국 24개 회원 지방정부, 국제기구 및 전문가 등 130여명",
            "- 한국(6) : 충청북도, 경상북도",
            "- 중국(6개 지역/20명) : 후난성",
        ]
    )
    assert (participation.stated_countries, participation.stated_authorities) == (5, 24)
    assert [(g.country, g.stated, g.authorities) for g in participation.groups] == [
        ("Republic of Korea", 6, ["충청북도", "경상북도"]),
        ("China", 6, ["후난성"]),
    ]


def test_the_last_names_of_a_list_may_share_their_unit_said_once() -> None:
    participation = _participation(
        [
            "Japan (3): Niigata, Aomori and Hyogo prefectures",
            "Russia: Ministry of Natural Resources and Ecology regions",
        ]
    )
    assert [(g.country, g.authorities) for g in participation.groups] == [
        ("Japan", ["Niigata", "Aomori", "Hyogo"]),
        ("Russian Federation", ["Ministry of Natural Resources and Ecology regions"]),
    ]


def test_a_headings_count_may_say_what_it_counts_and_the_people_sent() -> None:
    participation = _participation(
        ["- Korea (5 regions / 20 persons) : Gangwon-do, Gyeonggi-do", "- Japan (4 / 14) : Toyama Prefecture"]
    )
    assert [(g.country, g.stated, g.authorities) for g in participation.groups] == [
        ("Republic of Korea", 5, ["Gangwon-do", "Gyeonggi-do"]),
        ("Japan", 4, ["Toyama Prefecture"]),
    ]


def test_a_fields_translation_inside_the_list_is_a_field_and_the_list_goes_on() -> None:
    record, groups = _record_groups(
        "NEAR Forum 2022\n\nVenue: Incheon\nParticipants: 2 governments\n장소: 인천광역시\n"
        "Korea: Incheon Metropolitan City\nJapan: Toyama Prefecture\n"
    )
    assert groups == [
        ("Republic of Korea", "member", ["Incheon Metropolitan City"]),
        ("Japan", "member", ["Toyama Prefecture"]),
    ]
    assert record.overview is not None and [(field.label, field.text) for field in record.overview.other] == [
        ("장소", "인천광역시")
    ]


def test_a_reference_marks_note_under_a_field_is_no_part_of_its_value() -> None:
    record = parse(
        read_bytes(
            "NEAR Youth Camp\n\nVenue : Nami Island, Chuncheon\n"
            "※ Opening ceremony and forums at Hallym University\n".encode(),
            "x.txt",
        )
    )
    assert record.overview is not None and record.overview.venue is not None
    assert record.overview.venue.text == "Nami Island, Chuncheon"


def test_a_headings_count_then_its_authorities_after_a_space() -> None:
    participation = _participation(
        [
            "・China（4） Jilin Province (吉林省), Liaoning Province, Jilin University",
            "・International bodies（2） United Nations Development Programme (UNDP), Northeast Asia Economic Forum",
        ]
    )
    assert [(g.country, g.stated, g.authorities) for g in participation.groups] == [
        ("China", 4, ["Jilin Province (吉林省)", "Liaoning Province", "Jilin University"]),
        (None, None, ["United Nations Development Programme (UNDP)", "Northeast Asia Economic Forum"]),
    ]


def test_groups_numbered_after_the_numero_sign() -> None:
    assert _groups(
        "№ 1 Japan (2): Niigata Prefecture, Toyama Prefecture",
        "№ 2 Research institutes: Far Eastern State Maritime Academy, Pacific Institute of Geography",
        "№ 3 Companies and port authorities: JSC Vostochny Port, Dalian Port Authority",
    ) == [
        ("Japan", "member", ["Niigata Prefecture", "Toyama Prefecture"]),
        (None, "observer", ["Far Eastern State Maritime Academy", "Pacific Institute of Geography"]),
        (None, "observer", ["JSC Vostochny Port", "Dalian Port Authority"]),
    ]


def test_a_summary_set_off_by_a_double_hyphen() -> None:
    participation = parse_participation([Line(1, "11 regional governments from 4 countries -- Japan: Hokkaido")], [])
    assert (participation.stated_authorities, participation.stated_countries) == (11, 4)
    assert [(g.country, g.authorities) for g in participation.groups] == [("Japan", ["Hokkaido"])]


def test_observers_marked_by_a_footnote_and_its_legend() -> None:
    assert _groups(
        "1. Primorsky Krai (Russian Fed.)",
        "2. Jewish Autonomous Oblast (Russian Fed.) *",
        "* observer",
    ) == [
        ("Russian Federation", "member", ["Primorsky Krai"]),
        ("Russian Federation", "observer", ["Jewish Autonomous Oblast"]),
    ]


def test_a_star_without_a_legend_is_kept() -> None:
    assert _groups("Japan: Toyama Prefecture*") == [("Japan", "member", ["Toyama Prefecture*"])]


def test_a_country_heading_marked_observer_and_a_summary_with_an_aside() -> None:
    lines = [
        "20 regional governments from 4 countries (46 young leaders)",
        "Japan",
        "- Toyama",
        "Mongolia (observer)",
        "- Tov",
    ]
    participation = _participation(lines)
    assert (participation.stated_authorities, participation.stated_countries) == (20, 4)
    assert [(g.country, g.role, g.authorities) for g in participation.groups] == [
        ("Japan", "member", ["Toyama"]),
        ("Mongolia", "observer", ["Tov"]),
    ]


def test_a_heading_over_bullets_that_is_no_country() -> None:
    notes: list = []
    lines = ["Japan", "• Toyama", "International organizations (observers)", "• UN ESCAP", "• GGGI"]
    participation = _participation(lines, notes)
    assert [(g.country, g.role, g.authorities) for g in participation.groups] == [
        ("Japan", "member", ["Toyama"]),
        (None, "observer", ["UN ESCAP", "GGGI"]),
    ]
    assert [note.code for note in notes] == ["unknown-country"]


@pytest.mark.parametrize(
    ("summary", "stated"),
    [
        ("15 regional governments (4 countries) and 1 observer", (15, 4)),
        ("12 member regional governments from 4 countries, 1 observer", (12, 4)),
        ("16 regional governments from 5 countries, and 2 international organizations as observers", (16, 5)),
        ("20 regional governments from 4 countries (46 young leaders)", (20, 4)),
        ("17 member regional governments from 5 countries (6 in person, 11 online) and 1 observer", (17, 5)),
        ("13 member regional governments from 5 countries, 7 on site and 6 online", (13, 5)),
        ("126 young athletes and 34 officials from 8 member regions of 4 countries", (8, 4)),
        ("96 students and young researchers from 6 countries", (None, 6)),
        ("82 participants (64 students and 18 leaders) from 10 member regional governments of 5 countries", (10, 5)),
        ("about 280 participants from 17 member regional governments of 5 countries", (17, 5)),
    ],
)
def test_summary_shapes(summary: str, stated: tuple[int, int]) -> None:
    notes: list = []
    participation = parse_participation([Line(1, summary)], notes)
    assert (participation.stated_authorities, participation.stated_countries) == stated
    assert participation.groups == [] and notes == []


def test_a_rounded_summary_then_its_groups_inline() -> None:
    notes: list = []
    text = (
        "about 280 participants from 17 member regional governments of 5 countries, Korea (2; A-do, B-do), Japan (1; C)"
    )
    participation = parse_participation([Line(1, text)], notes)
    assert [(g.country, g.authorities) for g in participation.groups] == [
        ("Republic of Korea", ["A-do", "B-do"]),
        ("Japan", ["C"]),
    ]
    assert notes == []
    # (a heading of bodies after the summary, that lists none, is no group)
    text = "about 180 people from member regional governments of five countries, research institutes and universities"
    assert parse_participation([Line(1, text)], notes).groups == []


def test_ideographic_commas_dash_observers_and_headings_with_their_authorities() -> None:
    notes: list = []
    lines = [
        "中国 China (2)：Heilongjiang Province、Jilin Province",
        "Mongolia (Observer): Tov Province",
        "国际组织 International Organizations（列席 observer）：UNDP Tumen Secretariat",
        "10. Niigata Prefecture (Japan) – observer",
        "Observer - Mongolia: Dornod Aimag",
    ]
    participation = _participation(lines, notes)
    assert [(g.country, g.role, g.authorities) for g in participation.groups] == [
        ("China", "member", ["Heilongjiang Province", "Jilin Province"]),
        ("Mongolia", "observer", ["Tov Province"]),
        (None, "observer", ["UNDP Tumen Secretariat"]),
        ("Japan", "observer", ["Niigata Prefecture"]),
        ("Mongolia", "observer", ["Dornod Aimag"]),
    ]
    assert [note.code for note in notes] == ["unknown-country"]


def test_a_legend_in_brackets_and_a_translated_summary() -> None:
    lines = [
        "20个成员地方政府（5国）/ 20 member regional governments from 5 countries",
        "P.R. China: Jilin Province, Inner Mongolia Autonomous Region*",
        "(* participated as observer)",
    ]
    participation = _participation(lines)
    assert (participation.stated_authorities, participation.stated_countries) == (20, 5)
    assert [(g.role, g.authorities) for g in participation.groups] == [
        ("member", ["Jilin Province"]),
        ("observer", ["Inner Mongolia Autonomous Region"]),
    ]


def test_table_rows_under_a_country_cell_that_spans_them() -> None:
    lines = [
        "국가(Country) | 지방정부(Region) | 인원(Delegates) | 비고(Remarks)",
        "Korea | Gyeongsangbuk-do | 14 | Host",
        "Busan Metropolitan City | 3",
        "Irkutsk Region | 2",
        "Daegu Metropolitan City | 2 | Observer (옵서버)",
        "Mongolia | Tov Province | 2",
    ]
    assert _groups(*lines) == [
        ("Republic of Korea", "member", ["Gyeongsangbuk-do", "Busan Metropolitan City", "Irkutsk Region"]),
        ("Republic of Korea", "observer", ["Daegu Metropolitan City"]),
        ("Mongolia", "member", ["Tov Province"]),
    ]


def test_the_country_inside_a_venue_aside() -> None:
    text = "경주 힐튼호텔 (Grand Ballroom, Hilton Gyeongju, Gyeongju, Korea)"
    assert split_country(text) == ("Republic of Korea", text)


@pytest.mark.parametrize("separator", [">", "›", "»"])
def test_a_venue_written_as_a_pages_breadcrumb(separator: str) -> None:
    text = f"Russian Federation {separator} Irkutsk Region, Bolshoye Goloustnoye, Baikal Ecological Centre"
    assert split_country(text) == (
        "Russian Federation",
        "Irkutsk Region, Bolshoye Goloustnoye, Baikal Ecological Centre",
    )
    quoted = "Aginskoye, Hotel «Dulga», Russian Federation"
    assert split_country(quoted) == ("Russian Federation", "Aginskoye, Hotel «Dulga»")


def test_a_hybrid_meetings_venue_is_its_place_and_the_rest_online() -> None:
    venue = parse_venue("Ulgii City, Mongolia (Aimag Government House, Hall 2) and online")
    assert (venue.country, venue.place) == ("Mongolia", "Ulgii City (Aimag Government House, Hall 2) and online")
    assert venue.text.endswith("and online")
    venue = parse_venue("Gimje, Republic of Korea (Gimje Culture and Arts Center) and online (Zoom)")
    assert (venue.country, venue.place) == (
        "Republic of Korea",
        "Gimje (Gimje Culture and Arts Center) and online (Zoom)",
    )


def test_country_and_authorities_after_a_spaced_dash() -> None:
    assert _groups("Russian Federation – Tomsk Region, Irkutsk Region", "Japan – Toyama Prefecture") == [
        ("Russian Federation", "member", ["Tomsk Region", "Irkutsk Region"]),
        ("Japan", "member", ["Toyama Prefecture"]),
    ]


def test_an_inline_observer_marker_after_a_country_group_opens_observers_of_their_own() -> None:
    notes: list = []
    text = (
        "5 regions from 2 countries, Japan (1; Tottori Prefecture), Mongolia (1; Tov Province)"
        " 《※ Participated as observer》 Korea Tourism Organization; CLAIR"
    )
    participation = parse_participation([Line(1, text)], notes)
    assert [(g.country, g.role, g.authorities) for g in participation.groups][-2:] == [
        ("Mongolia", "member", ["Tov Province"]),
        (None, "observer", ["Korea Tourism Organization", "CLAIR"]),
    ]


@pytest.mark.parametrize(
    "label",
    [
        "Languages",
        "Chair",
        "Co-chairs",
        "Theme",
        "Simultaneous interpretation",
        "ALSO PRESENT",
        "Connected offices (online)",
        "【Purpose】",
        "In cooperation with",
        "Sponsored by",
    ],
)
def test_a_label_that_heads_no_group_ends_the_participants(label: str) -> None:
    lines = ["Participants: 2 regions", "Japan: Tottori Prefecture", f"{label}: Japanese, Gyeongsangbuk-do"]
    fields, _ = collect_fields([Line(n, text) for n, text in enumerate(lines, 1)])
    assert [field.label for field in fields] == ["Participants", label.strip("【】")]


def test_a_sentence_after_a_reference_mark_or_a_note_is_a_remark_of_its_own() -> None:
    lines = [
        "Participants: Korea (2; Jeonbuk State, Gangwon State), Japan (1; Toyama Prefecture)",
        "※ Participated as observer: Tuv Province",
        "※ Jeonbuk State is the official English name of Jeonbuk Special Self-Governing Province.",
        "Venue: Buan, Republic of Korea",
        "※ The venue was moved from Gunsan after the typhoon.",
        "Participants: 2 regions",
        "Japan",
        "Shimane Prefecture",
        "Note: Unnan (雲南市) is a city of Shimane Prefecture, not Yunnan Province (云南省) in China.",
    ]
    fields, _ = collect_fields([Line(n, text) for n, text in enumerate(lines, 1)])
    # (a remark inside a participants' list stands before it: the list goes on after the remark)
    assert [(field.label, field.text[:16]) for field in fields] == [
        ("", "Jeonbuk State is"),
        ("Participants", "Korea (2; Jeonbu"),
        ("Venue", "Buan, Republic o"),
        ("", "The venue was mo"),
        ("", "Unnan (雲南市) is a"),
        ("Participants", "2 regions Japan "),
    ]
    assert "Tuv Province" in fields[1].text


def test_a_lists_footnotes_are_remarks_and_a_short_legend_follows_the_names_it_marks() -> None:
    from pipeline.parser.overview import parse_participation, participation_remarks

    lines = [
        Line(n, text)
        for n, text in enumerate(
            [
                "Republic of Korea",
                "- Gangwon State ¹",
                "- Chungcheongnam-do *",
                "Note: the delegation of Gangwon State came by train.",
                "Japan",
                "- Toyama Prefecture *",
                "* joined online by video link.",
                "¹ Gangwon-do became Gangwon State (Gangwon Special Self-Governing Province) in",
                "June 2023; both names are used in this record.",
            ],
            1,
        )
    ]
    notes: list = []
    groups = [(g.country, g.authorities) for g in parse_participation(lines, notes).groups]
    assert groups == [
        ("Republic of Korea", ["Gangwon State", "Chungcheongnam-do (joined online by video link)"]),
        ("Japan", ["Toyama Prefecture (joined online by video link)"]),
    ]
    assert [remark[:20] for remark in participation_remarks(lines)] == [
        "the delegation of Ga",
        "joined online by vid",
        "Gangwon-do became Ga",
    ]
    assert not notes


def test_an_observers_mark_before_one_name_marks_it_and_before_a_country_opens_its_observers() -> None:
    assert _groups(
        "China (4)",
        "- Heilongjiang Province",
        "《※ observer》 Jilin Province (deputy director)",
        "Russia (1)",
        "- Primorsky Krai",
        "《※ Participated as observer》 Mongolia (1; Tov Province)",
    ) == [
        ("China", "member", ["Heilongjiang Province"]),
        ("China", "observer", ["Jilin Province (deputy director)"]),
        ("Russian Federation", "member", ["Primorsky Krai"]),
        ("Mongolia", "observer", ["Tov Province"]),
    ]


def test_a_counted_group_of_bodies_inline_is_its_bodies_each_one() -> None:
    assert _groups(
        "Mongolia (2; Arkhangai Aimag, Tuv Aimag), Institutes (3; Institute of Geoecology (Mongolian Academy of"
        " Sciences), Limnological Institute (Russian Academy of Sciences, Irkutsk), K-water)"
    ) == [
        ("Mongolia", "member", ["Arkhangai Aimag", "Tuv Aimag"]),
        (
            None,
            "observer",
            [
                "Institute of Geoecology (Mongolian Academy of Sciences)",
                "Limnological Institute (Russian Academy of Sciences, Irkutsk)",
                "K-water",
            ],
        ),
    ]


@pytest.mark.parametrize(
    "marker", ["《※ Participated as observer》", "【Observers】", "[Observer]", "Observers:", "<Observers>"]
)
def test_an_observers_marker_alone_over_bullets_opens_observers(marker: str) -> None:
    notes: list = []
    lines = ["Japan", "* Shimane Prefecture", marker, "* Kemerovo Oblast – Kuzbass (Russian Federation)"]
    participation = parse_participation([Line(i, line) for i, line in enumerate(lines, 1)], notes)
    assert [(g.country, g.role, g.authorities) for g in participation.groups] == [
        ("Japan", "member", ["Shimane Prefecture"]),
        ("Russian Federation", "observer", ["Kemerovo Oblast – Kuzbass"]),
    ]
    assert notes == []


# Participation lists, each a row: its lines and the groups read from them (country, role, authorities).
GROUP_CASES = [
    pytest.param(
        ("DPR Korea", "Hamgyongbuk-do", "", "Altai Krai 《※ Participated as observer》"),
        [("DPR Korea", "member", ["Hamgyongbuk-do"]), ("DPR Korea", "observer", ["Altai Krai"])],
        id="an observers' mark after one name marks it",
    ),
    pytest.param(
        ("Russia", "Primorsky Krai, Amur Oblast 《※ Participated as observer》", "KTO"),
        [("Russian Federation", "member", ["Primorsky Krai", "Amur Oblast"]), (None, "observer", ["KTO"])],
        id="an observers' mark after a list opens observers",
    ),
    pytest.param(
        (
            "Country | Regional government / organization | Status",
            "Mongolia | Dornod Province | observer",
            "- | Ramsar Convention Secretariat, Wetlands International | observer",
        ),
        [
            ("Mongolia", "observer", ["Dornod Province"]),
            (None, "observer", ["Ramsar Convention Secretariat", "Wetlands International"]),
        ],
        id="a table row whose country cell is a dash is of no country",
    ),
    pytest.param(
        (
            "- Mongolia (2) : Tov Province, Khovd Province(observer)",
            "※ Related organizations : NEAR Secretariat, Chungcheongbuk-do Sports Council",
        ),
        [
            ("Mongolia", "member", ["Tov Province"]),
            ("Mongolia", "observer", ["Khovd Province"]),
            (None, "observer", ["NEAR Secretariat", "Chungcheongbuk-do Sports Council"]),
        ],
        id="bodies after a reference mark's heading",
    ),
    pytest.param(
        (
            "Observers",
            "- Gangwon-do (Republic of Korea)",
            "- Asian Development Bank (ADB)",
            "- Jilin Province (China)",
            "- UNDP",
        ),
        [
            ("Republic of Korea", "observer", ["Gangwon-do"]),
            (None, "observer", ["Asian Development Bank (ADB)", "UNDP"]),
            ("China", "observer", ["Jilin Province"]),
        ],
        id="a name without a country after one that gave its own",
    ),
    pytest.param(
        ("14 regions, Russia (2; Sakhalin Region, Amur Region) (online), Vietnam (1; Quang Ninh Province)",),
        [
            ("Russian Federation", "member", ["Sakhalin Region (online)", "Amur Region (online)"]),
            ("Vietnam", "member", ["Quang Ninh Province"]),
        ],
        id="an inline group's way of taking part after its bracket",
    ),
    pytest.param(
        ("Korea (on site)", "- Jeollabuk-do", "Japan (online)", "- Toyama Prefecture (富山県)"),
        [
            ("Republic of Korea", "member", ["Jeollabuk-do (on site)"]),
            ("Japan", "member", ["Toyama Prefecture (富山県) (online)"]),
        ],
        id="a country heading that says how its delegation took part",
    ),
    pytest.param(
        ("Korea (2): Gyeongsangbuk-do • Gangwon State", "Russia (1, online): Sakha Republic (Yakutia)"),
        [
            ("Republic of Korea", "member", ["Gyeongsangbuk-do", "Gangwon State"]),
            ("Russian Federation", "member", ["Sakha Republic (Yakutia) (online)"]),
        ],
        id="authorities parted by bullets, and how a country's took part after its count",
    ),
    pytest.param(
        ("・Japan Hyogo Prefecture, Kyoto Prefecture", "・Korea Kyongsangbuk-do, Cheju-do"),
        [
            ("Japan", "member", ["Hyogo Prefecture", "Kyoto Prefecture"]),
            ("Republic of Korea", "member", ["Kyongsangbuk-do", "Cheju-do"]),
        ],
        id="a country, then its regions after a space alone",
    ),
    pytest.param(
        ("Japan ― Niigata Prefecture, Toyama Prefecture", "Organizations ― NOWPAP; Niigata University"),
        [
            ("Japan", "member", ["Niigata Prefecture", "Toyama Prefecture"]),
            (None, "observer", ["NOWPAP", "Niigata University"]),  # (bodies of no country, as after a colon)
        ],
        id="a heading parted from its names by a horizontal bar",
    ),
    pytest.param(
        ("Japan: Toyama Prefecture", "【Organizations】 NOWPAP RCU; PEMSEA"),
        [("Japan", "member", ["Toyama Prefecture"]), (None, "observer", ["NOWPAP RCU", "PEMSEA"])],
        id="a heading of bodies in brackets, its names after a space",
    ),
    pytest.param(
        ("Japan: Toyama Prefecture", "Organizations United Nations Environment Programme (UNEP); UNESCO"),
        [
            ("Japan", "member", ["Toyama Prefecture"]),
            (None, "observer", ["United Nations Environment Programme (UNEP)", "UNESCO"]),
        ],
        id="a heading of bodies, the first of them after a space alone (a tab read as one)",
    ),
    pytest.param(
        ("Country: Region Delegates", "Mongolia: Umnugovi Province 9", "Tov Province 4", "Japan: Shimane Prefecture 2"),
        [("Mongolia", "member", ["Umnugovi Province", "Tov Province"]), ("Japan", "member", ["Shimane Prefecture"])],
        id="a table whose columns' spaces were lost: its header, and the delegates' count after each name",
    ),
    pytest.param(
        (
            "No. | Country | Region | Department",
            "1 | Japan | Toyama Prefecture | Living Environment and Culture Department",
            "2 | China | Shaanxi Province (guest) | Forestry Department",
        ),
        [
            ("Japan", "member", ["Toyama Prefecture (Living Environment and Culture Department)"]),
            ("China", "observer", ["Shaanxi Province (Forestry Department)"]),
        ],
        id="a table's department column is the body each region sent, and a guest's mark stays its",
    ),
    pytest.param(
        ("Mongolia [2]   Tov Province / Khentii Province", "Japan [1]      Tottori Prefecture"),
        [("Mongolia", "member", ["Tov Province", "Khentii Province"]), ("Japan", "member", ["Tottori Prefecture"])],
        id="a country heading's count in square brackets, then its authorities after spaces",
    ),
    pytest.param(
        (
            "Japan -- Shimane Prefecture (chair), Tottori Prefecture",
            "Republic of Korea -- Kangwon-do, Ch'ungch'ongnam-do[3]",
            "Observers -- Tuv Aimag, Mongolia;[4] the Economic Research Institute for Northeast Asia (ERINA), Niigata",
        ),
        [
            ("Japan", "member", ["Shimane Prefecture (chair)", "Tottori Prefecture"]),
            ("Republic of Korea", "member", ["Kangwon-do", "Ch'ungch'ongnam-do"]),
            ("Mongolia", "observer", ["Tuv Aimag"]),
            (None, "observer", ["Economic Research Institute for Northeast Asia (ERINA) (Niigata)"]),
        ],
        id="a paper's lists after two hyphens, its notes' references glued, a region's country after a comma",
    ),
]


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Japan Hyogo Prefecture, Kyoto Prefecture", ("Japan", None, "Hyogo Prefecture, Kyoto Prefecture")),
        ("Republic of Korea Gangwon-do", ("Republic of Korea", None, "Gangwon-do")),
        ("Japan External Trade Organization, Niigata University", None),  # (a body named after its country)
        ("Japan Sea Rim", None),
        ("Mongolia Autonomous Region, Henan Province", None),  # (a name a line's wrapping cut)
        ("（一）China (9): Shaanxi Province", ("China", 9, "Shaanxi Province")),  # (numbered as Chinese pages do)
    ],
)
def test_a_country_heading_before_its_regions_after_a_space(line: str, heading: tuple | None) -> None:
    from pipeline.parser.overview import country_heading

    assert country_heading(line) == heading


@pytest.mark.parametrize(("lines", "groups"), GROUP_CASES)
def test_participation_groups(lines: tuple[str, ...], groups: list[tuple[str | None, str, list[str]]]) -> None:
    assert _groups(*lines) == groups


def test_a_spreadsheets_quoted_cell_dashes_and_total_row() -> None:
    from pipeline.parser.overview import parse_participation

    rows = [
        "No. | Country | Member Region | Organization | Remarks",
        '1 | China | Heilongjiang Province | "Harbin Institute of Technology',
        '(HIT)" | speaker',
        "2 | Russia | Chita Oblast | Administration of Chita Oblast | observer; Daursky reserve",
        "3 | — | — | Wetlands International | resource person",
        "TOTAL | 3",
    ]
    notes: list = []
    participation = parse_participation([Line(n, text) for n, text in enumerate(rows, 1)], notes)
    assert [(g.country, g.role, g.authorities) for g in participation.groups] == [
        ("China", "member", ["Heilongjiang Province (Harbin Institute of Technology (HIT))"]),
        ("Russian Federation", "observer", ["Chita Oblast (Administration of Chita Oblast)"]),
        (None, "member", ["Wetlands International"]),
    ]
    assert not notes


def test_a_former_name_after_a_comma_is_the_listed_names_aside() -> None:
    assert listed_names("Gangwon State, Jeonbuk State, formerly Jeollabuk-do (online), Chungcheongbuk-do") == [
        "Gangwon State",
        "Jeonbuk State (formerly Jeollabuk-do) (online)",
        "Chungcheongbuk-do",
    ]


def test_an_institutes_disciplines_after_its_of_are_its_name() -> None:
    assert listed_names(
        "Koguryo Research Foundation (Seoul); Institute of History, Archaeology and Ethnography of the Peoples "
        "of the Far East (Vladivostok)"
    ) == [
        "Koguryo Research Foundation (Seoul)",
        "Institute of History, Archaeology and Ethnography of the Peoples of the Far East (Vladivostok)",
    ]


def test_countries_joined_by_and_are_countries() -> None:
    notes: list = []
    participation = parse_participation([Line(1, "China, Japan, Russia and Vietnam")], notes)
    assert [g.country for g in participation.groups][-2:] == ["Russian Federation", "Vietnam"]
    assert not any(g.authorities for g in participation.groups)


def test_a_participants_section_lists_the_authorities_under_the_overview_summary() -> None:
    text = (
        "The 3rd Meeting of the NEAR Mining Subcommittee\n\n1. OVERVIEW\nDate : 2011.08.23\n"
        "Participants : 3 member regional governments of NEAR from 2 countries and 1 observer\n\n"
        "2. PARTICIPANTS\nRussian Federation (2) - Kemerovo Region, Tomsk Region\nMongolia (1) - Uvs Province\n"
        "Observers - Siberian Coal Energy Company (SUEK)\n\n3. RESULTS\n- Reports were heard.\n"
    )
    record, groups = _record_groups(text)
    participation = record.overview.participation
    assert (participation.stated_authorities, participation.stated_countries) == (3, 2)
    assert groups == [
        ("Russian Federation", "member", ["Kemerovo Region", "Tomsk Region"]),
        ("Mongolia", "member", ["Uvs Province"]),
        (None, "observer", ["Siberian Coal Energy Company (SUEK)"]),
    ]
    assert not [note for note in record.notes if "count" in note.code]


def test_a_participants_section_of_table_rows_with_no_header_and_a_rule_crossed_by_a_bar() -> None:
    text = (
        "NEAR Disaster Prevention Subcommittee Workshop\n\nOVERVIEW\nDate | 7-9 November 2016\n"
        "Attendance | 3 member regions from 2 countries, 2 observer bodies\n\n"
        "PARTICIPANTS\nJapan ┃ Hyogo Prefecture │ Tottori Prefecture\nKorea ┃ Gangwon-do\n"
        "─────────╂──────────────\nObservers┃ Asian Disaster Reduction Center (ADRC)\n"
        "         ┃ Japan International Cooperation Agency (JICA)\n\nPROGRAMME\n- Opening remarks\n"
    )
    record, groups = _record_groups(text)
    assert groups == [
        ("Japan", "member", ["Hyogo Prefecture", "Tottori Prefecture"]),
        ("Republic of Korea", "member", ["Gangwon-do"]),
        (None, "observer", ["Asian Disaster Reduction Center (ADRC)", "Japan International Cooperation Agency (JICA)"]),
    ]
    assert [section.heading for section in record.sections] == ["PROGRAMME"]
    assert not [note for note in record.notes if "count" in note.code]


def test_a_table_with_no_outer_bars_whose_rows_go_on_cell_by_cell_below() -> None:
    text = (
        "The 16th NEAR General Assembly\n\n[Overview]\n<Date>\n2026.10.14 ~ 10.16\n<Participants>\n"
        "7 member regional governments from 2 countries and 2 observers\n\n"
        "Country            | Members | Member regional governments                   | Observers\n"
        "-------------------|---------|-----------------------------------------------|----------\n"
        "Republic of Korea  | 4       | Jeollanam-do, Gyeongsangbuk-do, Gangwon State, | Sejong City\n"
        "                   |         | Busan Metropolitan City                       |\n"
        "China              | 3       | Jilin Province, Henan Province,                | –\n"
        "                   |         | Hunan Province                                |\n"
        "Vietnam            | –       | –                                             | Quang Ninh Province\n\n"
        "[Contents]\n○ Reports were heard.\n"
    )
    record, groups = _record_groups(text)
    assert groups == [
        (
            "Republic of Korea",
            "member",
            ["Jeollanam-do", "Gyeongsangbuk-do", "Gangwon State", "Busan Metropolitan City"],
        ),
        ("Republic of Korea", "observer", ["Sejong City"]),
        ("China", "member", ["Jilin Province", "Henan Province", "Hunan Province"]),
        ("Vietnam", "observer", ["Quang Ninh Province"]),  # (no member group: its members' cells are dashes)
    ]
    assert record.sections == []
    assert not [note for note in record.notes if "count" in note.code]


def test_a_tables_column_of_another_name_goes_in_brackets_after_each_authority() -> None:
    rows = (
        "| Country | Member region | Short name | Native name |",
        "| China | Liaoning Province | Liaoning | 辽宁省 |",
        "| Korea | Gyeongsangbuk-do | North Gyeongsang | 경상북도 |",
        "| Russia | Republic of Sakha (Yakutia) | Yakutia | Республика Саха (Якутия) |",
        "| Russia | Sakhalin Oblast | – | Сахалинская область |",
    )
    assert _groups(*rows) == [
        ("China", "member", ["Liaoning Province (Liaoning) (辽宁省)"]),
        ("Republic of Korea", "member", ["Gyeongsangbuk-do (North Gyeongsang) (경상북도)"]),
        # (not the name's own bracket again; a dash names nothing)
        (
            "Russian Federation",
            "member",
            ["Republic of Sakha (Yakutia) (Республика Саха (Якутия))", "Sakhalin Oblast (Сахалинская область)"],
        ),
    ]


@pytest.mark.parametrize(
    "lines",
    [
        ("Japan (1; Tottori Prefecture) (observer)", "※ Other observers: UNDP Tumen Secretariat, ADB"),
        ("Japan (1; Tottori Prefecture) (observer)", "Observers:", "UNDP Tumen Secretariat, ADB"),
    ],
)
def test_an_observers_heading_after_a_countrys_observers_opens_bodies_of_no_country(lines: tuple[str, ...]) -> None:
    assert _groups(*lines) == [
        ("Japan", "observer", ["Tottori Prefecture"]),
        (None, "observer", ["UNDP Tumen Secretariat", "ADB"]),
    ]


def test_a_count_column_after_a_countrys_list_whose_bars_were_lost() -> None:
    lines = (
        "Country | Member regional governments | Delegates",
        "Japan | Ishikawa Prefecture, Toyama Prefecture | 12",
        "Republic of Korea: Kyongsangbuk-do, Kangwon-do, 8",
        "China: Heilongjiang Province; 6",
    )
    notes: list = []
    participation = parse_participation([Line(n, text) for n, text in enumerate(lines, 1)], notes)
    assert [(g.country, g.authorities) for g in participation.groups] == [
        ("Japan", ["Ishikawa Prefecture", "Toyama Prefecture"]),
        ("Republic of Korea", ["Kyongsangbuk-do", "Kangwon-do"]),
        ("China", ["Heilongjiang Province"]),
    ]
    assert notes == []


def test_a_participants_section_of_authorities_each_with_its_country_after_a_comma() -> None:
    text = (
        "2022 NEAR Secretaries-General Meeting\n\nOVERVIEW\nDate: 27 September 2022\n"
        "Participants: 4 member regional governments from 3 countries (2 in person, 2 online) and 1 observer\n\n"
        "PARTICIPANTS\nIn person\n • Bayan-Ulgii Aimag (Баян-Өлгий аймаг), Mongolia – host\n • Khovd Aimag, Mongolia\n"
        " • Uvs Aimag, Mongolia (observer)\nConnected online\n • Tottori Prefecture, Japan – from Tottori City\n"
        " • Sakha Republic (Yakutia), Russia – from Yakutsk\n"
        " • Guest: Ministry of Foreign Affairs of Mongolia – from Ulaanbaatar\n\nCONTENTS\n- Reports were heard.\n"
    )
    record, groups = _record_groups(text)
    participation = record.overview.participation
    assert (participation.stated_authorities, participation.stated_countries) == (4, 3)
    # (a remark after a dash stays with its authority, in brackets)
    assert [group for group in groups if group[2]] == [
        ("Mongolia", "member", ["Bayan-Ulgii Aimag (Баян-Өлгий аймаг) (host)", "Khovd Aimag"]),
        ("Mongolia", "observer", ["Uvs Aimag"]),
        ("Japan", "member", ["Tottori Prefecture (from Tottori City)"]),
        ("Russian Federation", "member", ["Sakha Republic (Yakutia) (from Yakutsk)"]),
        (None, "observer", ["Ministry of Foreign Affairs of Mongolia (from Ulaanbaatar)"]),
    ]
    assert not [note for note in record.notes if "count" in note.code]


def test_an_organizer_of_two_bodies_on_two_lines_and_a_wrapped_one() -> None:
    two = (
        "Meeting\n· Overview\nOrganized by\n\tJapan > Aomori Prefecture, Prefectural Government\n"
        "\tNEAR Secretariat (Pohang)\n"
    )
    organizer = parse(read_bytes(two.encode(), "x.txt")).overview.organizer
    assert (organizer.country, organizer.name) == (
        "Japan",
        "Aomori Prefecture, Prefectural Government; NEAR Secretariat (Pohang)",
    )
    wrapped = "Meeting\n· Overview\nOrganized by\n\tGangwon Provincial\n\tGovernment, Republic of Korea\n"
    organizer = parse(read_bytes(wrapped.encode(), "x.txt")).overview.organizer
    assert (organizer.country, organizer.name) == ("Republic of Korea", "Gangwon Provincial Government")
    department = (
        "Meeting\n· Overview\nHost\nInner Mongolia Autonomous Region, Department of Environmental Protection\n"
        "Tongliao Municipal People's Government\n"
    )
    assert parse(read_bytes(department.encode(), "x.txt")).overview.organizer.name == (
        "Inner Mongolia Autonomous Region, Department of Environmental Protection; "
        "Tongliao Municipal People's Government"
    )
    portfolio = "Meeting\n· Overview\nHost\nJilin Province, Department of Foreign\nAffairs of Jilin Province\n"
    assert parse(read_bytes(portfolio.encode(), "x.txt")).overview.organizer.name == (
        "Jilin Province, Department of Foreign Affairs of Jilin Province"
    )
    ending = "Meeting\n· Overview\nOrganized by\nHeilongjiang Province, Forestry Department\nNEAR Secretariat\n"
    assert parse(read_bytes(ending.encode(), "x.txt")).overview.organizer.name == (
        "Heilongjiang Province, Forestry Department; NEAR Secretariat"
    )


def test_experts_and_a_heading_of_members_after_a_countrys_list() -> None:
    assert _groups(
        "Japan",
        "- Toyama Prefecture",
        "Experts",
        "Siberian State Industrial University (SibSIU), Tomsk Polytechnic University",
        "Regional governments",
        "- Ömnögovi Province",
    ) == [
        ("Japan", "member", ["Toyama Prefecture"]),
        (None, "observer", ["Siberian State Industrial University (SibSIU)", "Tomsk Polytechnic University"]),
        (None, "member", ["Ömnögovi Province"]),
    ]


def test_observers_in_brackets_and_experts_after_a_dash_are_bodies_of_no_country() -> None:
    assert _groups(
        "Russia (1; Zabaikalsky Krai)",
        "Observers (2; Assembly of European Regions (AER), ORU Fogar)",
        "Experts – Chinese Academy of Sciences (CAS), Ningxia University",
    ) == [
        ("Russian Federation", "member", ["Zabaikalsky Krai"]),
        (None, "observer", ["Assembly of European Regions (AER)", "ORU Fogar"]),
        (None, "observer", ["Chinese Academy of Sciences (CAS)", "Ningxia University"]),
    ]


def test_counted_groups_of_no_country_among_observers_are_bodies_of_no_country() -> None:
    assert _groups(
        "Mongolia (1; Tov Province) 《※ Participated as observer》 Europe (3; Assembly of European Regions, "
        "Conference of Peripheral Maritime Regions of Europe, nrg4SD), International organizations (2; "
        "United Nations Centre for Regional Development, CITYNET)"
    ) == [
        ("Mongolia", "member", ["Tov Province"]),
        (
            None,
            "observer",
            ["Assembly of European Regions", "Conference of Peripheral Maritime Regions of Europe", "nrg4SD"],
        ),
        (None, "observer", ["United Nations Centre for Regional Development", "CITYNET"]),
    ]


def test_a_bodys_area_joined_by_and_the_is_one_name() -> None:
    assert _groups(
        "Observers", "- FAO Regional Office for Asia and the Pacific (observer)", "- Hokkaido and the Amur Region"
    ) == [
        (None, "observer", ["FAO Regional Office for Asia and the Pacific", "Hokkaido", "Amur Region"]),
    ]


def test_an_inline_group_marked_observer_with_a_remark() -> None:
    assert _groups(
        "Mongolia (2; Tov Province, Selenge Province), DPR Korea (1; Kangwon Province) (observer, did not attend)"
    ) == [
        ("Mongolia", "member", ["Tov Province", "Selenge Province"]),
        ("DPR Korea", "observer", ["Kangwon Province"]),
    ]


def test_inline_groups_wrapped_line_after_line_each_closing_where_the_next_opens() -> None:
    lines = [
        "Japan (3; Ishikawa Prefecture,",
        "Toyama Prefecture,",
        "Kyoto Prefecture), Korea (2; Gyeongsangbuk-do,",
        "Daejeon Metropolitan City), China (2; Jilin Province,",
        "Hunan Province), Russia (2; Primorsky Krai,",
        "Republic of Sakha (Yakutia)), Mongolia (2; Tuv Province,",
        "Dornod Province), Kazakhstan (1; East Kazakhstan",
        "Region) (observer)",
    ]
    assert _groups(*lines) == [
        ("Japan", "member", ["Ishikawa Prefecture", "Toyama Prefecture", "Kyoto Prefecture"]),
        ("Republic of Korea", "member", ["Gyeongsangbuk-do", "Daejeon Metropolitan City"]),
        ("China", "member", ["Jilin Province", "Hunan Province"]),
        ("Russian Federation", "member", ["Primorsky Krai", "Republic of Sakha (Yakutia)"]),
        ("Mongolia", "member", ["Tuv Province", "Dornod Province"]),
        ("Kazakhstan", "observer", ["East Kazakhstan Region"]),
    ]


def test_the_last_of_a_list_after_its_comma_and_and() -> None:
    assert _groups("Jeollanam-do, Dornod Province, and the NEAR Secretariat") == [
        (None, "member", ["Jeollanam-do", "Dornod Province", "NEAR Secretariat"]),
    ]


def test_a_line_heading_bodies_of_no_country_under_country_lines() -> None:
    """The country-line layout goes on with a heading over international bodies: a group of
    their own, of no country, named as written, beside the members as observers."""
    text = (
        "The 2008 NEAR Economic and Trade Forum\n· Overview\nPeriod\n2008\nParticipation\n"
        "5 regional governments from 2 countries and 2 international organizations\n\n"
        "China\nLiaoning Province, Jilin Province, Shandong Province\n\nMongolia\nDornod Aimag, Ulaanbaatar City\n\n"
        "International organizations\nAsian Development Bank (ADB), Northeast Asia Economic Forum\n"
    )
    record, groups = _record_groups(text)
    assert groups == [
        ("China", "member", ["Liaoning Province", "Jilin Province", "Shandong Province"]),
        ("Mongolia", "member", ["Dornod Aimag", "Ulaanbaatar City"]),
        (None, "observer", ["Asian Development Bank (ADB)", "Northeast Asia Economic Forum"]),
    ]
    assert not [note for note in record.notes if "count" in note.code]
    assert _groups("Japan", "Tottori Prefecture", "Other organisations (observers):", "UNDP")[-1] == (
        None,
        "observer",
        ["UNDP"],
    )
    assert _groups("Japan", "Tottori Prefecture (observer)", "", "Institutions", "KORES, Yakutsk State University")[
        -1
    ] == (
        None,
        "observer",
        ["KORES", "Yakutsk State University"],
    )
    # (institutes and universities head their bodies too, under a member country's regions)
    assert _groups("Russia", "Primorsky Territory", "", "Institutes", "Far Eastern State University, UNEP")[-1] == (
        None,
        "observer",
        ["Far Eastern State University", "UNEP"],
    )
    assert _groups("Russia", "Primorsky Territory", "Research Institutes:", "TINRO")[-1] == (
        None,
        "observer",
        ["TINRO"],
    )
    # (qualifiers joined by "and")
    assert _groups("Japan", "Toyama Prefecture", "", "International and research bodies", "UNESCO, GTZ")[-1] == (
        None,
        "observer",
        ["UNESCO", "GTZ"],
    )
    # (kinds of body joined by "and", and who came from them)
    headings = ("Institutes and international bodies", "Experts of international bodies and institutes")
    for heading in (*headings, "Companies and institutes"):
        assert _groups("Japan", "Toyama Prefecture", "", heading, "UNESCO, GTZ")[-1][2] == ["UNESCO", "GTZ"]
    # (a heading over one body, and a list of kinds of body)
    for heading in ("International organization", "International organizations, institutes and companies"):
        assert _groups("Japan", "Toyama Prefecture", "", heading, "UNESCAP (observer)")[-2:] == [
            ("Japan", "member", ["Toyama Prefecture"]),
            (None, "observer", ["UNESCAP"]),
        ]
    # (a second table under its own heading, its observers in a column of their own)
    observed = _groups(
        "Members",
        "Country | Regional government | Head of delegation",
        "Korea | Chungchongnam-do | Governor Shim",
        "",
        "Observers",
        "Observer | Country | Represented by",
        "Hokkaido (北海道) | Japan | Director, International Affairs",
        "Embassy of Mongolia in Seoul | Mongolia | Counsellor",
    )
    assert observed[1:] == [
        ("Japan", "observer", ["Hokkaido (北海道)"]),
        ("Mongolia", "observer", ["Embassy of Mongolia in Seoul"]),
    ]
    # (a bare "Members" before the column of their names counts them)
    counted = _groups(
        "Country | Members | Delegates | Member regional governments",
        "Japan | 2 | 5 | Toyama Prefecture, Niigata Prefecture",
        "Mongolia | 1 | 2 | Tov Aimag",
    )
    assert counted == [
        ("Japan", "member", ["Toyama Prefecture", "Niigata Prefecture"]),
        ("Mongolia", "member", ["Tov Aimag"]),
    ]
    # (the meeting's own staff are no participants, under their heading or after its colon)
    staffed = _groups("Japan", "Toyama Prefecture", "", "Secretariat staff", "Mr. Choi Byung-kuk (Director), Ms. Han")
    assert staffed == [("Japan", "member", ["Toyama Prefecture"])]
    assert _groups("Japan", "Toyama Prefecture", "<Secretariat>", "NEAR Secretariat: Mr. Kim")[-1][2] == [
        "Toyama Prefecture"
    ]
    # (a name cut after a joining word goes on on the next line)
    assert _groups("Institutes", "Kanazawa University, Institute of Volcanology and", "Seismology (Kamchatka)")[-1][
        2
    ] == [
        "Kanazawa University",
        "Institute of Volcanology and Seismology (Kamchatka)",
    ]
    # (observers with lower-case words in brackets head bodies of no country)
    observers = _groups(
        "Mongolia", "Selenge Province", "", "Observers (international organizations)", "SCO Secretariat, AIIB"
    )
    assert observers[-1] == (None, "observer", ["SCO Secretariat", "AIIB"])


def test_dash_headings_an_observer_country_and_a_group_of_bodies() -> None:
    lines = [
        "Japan – Niigata Prefecture, Tottori Prefecture",
        "Mongolia (observer) – Dornod Province",
        "International organizations – UNDP, Tumen Secretariat",
        "Gangwon-do – Governor's Office",
    ]
    assert _groups(*lines) == [
        ("Japan", "member", ["Niigata Prefecture", "Tottori Prefecture"]),
        ("Mongolia", "observer", ["Dornod Province"]),
        # (bodies of no country after a dash, as after a colon: observers)
        (None, "observer", ["UNDP", "Tumen Secretariat", "Gangwon-do – Governor's Office"]),
    ]


def test_a_region_and_the_body_it_sent_after_a_spaced_dash_under_its_country() -> None:
    """Under a country's heading, "Region - Body" is the region with its body as its aside (as
    "Region: Body" is); a region's name with a dash in it, or a country after the dash, is not."""
    _, groups = _record_groups(
        "NEAR Subcommittee on Border Cooperation\n\nLIST OF PARTICIPANTS\n\n俄罗斯  Russia\n"
        "  Amur Oblast - Ministry of Foreign Economic Relations of Amur Oblast; Amur State University\n"
        "  Kemerovo Oblast – Kuzbass\n"
        "  Jewish Autonomous Oblast (observer) - Government of the Jewish Autonomous Oblast\n"
        "蒙古国  Mongolia\n"
        "  Dornod Province (coordinator) - Governor's Office of Dornod Province\n"
    )
    assert groups == [
        (
            "Russian Federation",
            "member",
            [
                "Amur Oblast (Ministry of Foreign Economic Relations of Amur Oblast; Amur State University)",
                "Kemerovo Oblast – Kuzbass",
            ],
        ),
        ("Russian Federation", "observer", ["Jewish Autonomous Oblast (Government of the Jewish Autonomous Oblast)"]),
        ("Mongolia", "member", ["Dornod Province (Governor's Office of Dornod Province) (coordinator)"]),
    ]


def test_a_table_of_countries_with_an_observer_country_and_a_row_of_bodies() -> None:
    text = (
        "The 2013 NEAR Forum\n1. Overview\n※ Date: Jul 9, 2013\n"
        "※ Participation: 3 regional governments from 2 countries, an observer region and 1 international "
        "organization\n\n"
        "| Country | Regional governments | Delegates |\n|---|---|---|\n"
        "| China | Shandong Province, Henan Province | 18 |\n| Japan | Tottori Prefecture | 9 |\n"
        "| DPR Korea (observer) | Rason City | 2 |\n"
        "| International organizations | World Tourism Organization (UNWTO) | 4 |\n"
    )
    record, groups = _record_groups(text)
    assert groups == [
        ("China", "member", ["Shandong Province", "Henan Province"]),
        ("Japan", "member", ["Tottori Prefecture"]),
        ("DPR Korea", "observer", ["Rason City"]),
        (None, "observer", ["World Tourism Organization (UNWTO)"]),
    ]
    assert not [
        note for note in record.notes if note.code in ("suspect-authority", "unknown-country") or "count" in note.code
    ]


def test_a_table_row_whose_country_cell_is_a_role() -> None:
    notes: list = []
    lines = [
        "| Country | Member regions |",
        "|---------|----------------|",
        "| Japan | Niigata Prefecture, Toyama Prefecture |",
        "| (observers) | Asian Development Bank, Korea Energy Economics Institute |",
    ]
    participation = _participation(lines, notes)
    assert [(g.country, g.role, g.authorities) for g in participation.groups] == [
        ("Japan", "member", ["Niigata Prefecture", "Toyama Prefecture"]),
        (None, "observer", ["Asian Development Bank", "Korea Energy Economics Institute"]),
    ]
    assert notes == []


def test_a_table_country_cell_wrapped_onto_a_row_of_its_own_marks_the_row_above_observers() -> None:
    lines = [
        "+------------+----------------------------+---------+",
        "| Country    | Regional government        | Mode    |",
        "+------------+----------------------------+---------+",
        "| Mongolia   | Tov Province               | online  |",
        "|            | Dornod Province            | online  |",
        "|            | (observer)                 |         |",
        "+------------+----------------------------+---------+",
        "| Vietnam    | Thua Thien Hue Province    | online  |",
        "| (observer) |                            |         |",
        "+------------+----------------------------+---------+",
        "| Russia     | Primorsky Krai             | on site |",
    ]
    assert _groups(*lines) == [
        ("Mongolia", "member", ["Tov Province"]),
        ("Mongolia", "observer", ["Dornod Province"]),
        ("Vietnam", "observer", ["Thua Thien Hue Province"]),
        ("Russian Federation", "member", ["Primorsky Krai"]),
    ]


def test_a_table_s_column_of_names_in_their_own_script_follows_each_name_in_brackets() -> None:
    notes: list = []
    lines = [
        "| Country | Region | Native name | Status |",
        "|---|---|---|---|",
        "| Japan | Shimane Prefecture | 島根県 | member |",
        "| Japan | Hokkaido | 北海道 | observer |",
        "| Russia | Primorsky Krai | | member |",
    ]
    participation = _participation(lines, notes)
    assert [(g.country, g.role, g.authorities) for g in participation.groups] == [
        ("Japan", "member", ["Shimane Prefecture (島根県)"]),
        ("Japan", "observer", ["Hokkaido (北海道)"]),
        ("Russian Federation", "member", ["Primorsky Krai"]),
    ]
    assert notes == []


def test_a_table_of_bodies_under_the_participants_summary_is_read_by_its_header() -> None:
    text = (
        "Meeting of X\n· Overview\nDate: 2020.11.12\nParticipants: 2 organizations\n\n"
        "| Organization | Representative | Connected from |\n|---|---|---|\n"
        "| NEAR Secretariat | Secretary-General | Pohang, Republic of Korea |\n"
        "| Assembly of European Regions (AER) | Secretary General | Brussels, Belgium |\n\n"
        "· Contents\n• Talks\n"
    )
    _, groups = _record_groups(text)
    assert groups == [
        ("Republic of Korea", "member", ["NEAR Secretariat (Pohang)"]),
        ("Belgium", "member", ["Assembly of European Regions (AER) (Brussels)"]),
    ]


def test_a_countrys_count_after_its_last_authority_is_the_groups_count() -> None:
    text = (
        "Meeting of X\n· Overview\nDate: 2024.09.24\nParticipants: 3 regional governments\n"
        "- Japan: Toyama Prefecture, Tottori Prefecture (2)\n- DPR Korea: Rason (1)\n· Contents\n• Talks\n"
    )
    record, groups = _record_groups(text)
    assert groups == [
        ("Japan", "member", ["Toyama Prefecture", "Tottori Prefecture"]),
        ("DPR Korea", "member", ["Rason"]),
    ]
    assert [group.stated for group in record.overview.participation.groups] == [2, 1]


def test_a_table_row_whose_country_cell_holds_its_count() -> None:
    notes: list = []
    lines = [
        "| Country | Members present |",
        "| --- | --- |",
        "| Mongolia (2) | Bulgan Province, Orkhon Province |",
        "| Republic of Korea（1） | Gyeongsangbuk-do |",
    ]
    participation = _participation(lines, notes)
    assert [(g.country, g.stated, g.authorities) for g in participation.groups] == [
        ("Mongolia", 2, ["Bulgan Province", "Orkhon Province"]),
        ("Republic of Korea", 1, ["Gyeongsangbuk-do"]),
    ]
    assert notes == []


def test_a_table_of_bodies_by_seat_takes_each_country_from_the_seat_and_keeps_the_seat() -> None:
    notes: list = []
    lines = [
        "| Organization | Seat | Represented by |",
        "| NEAR Secretariat | Pohang, Republic of Korea | Secretary-General |",
        "| Assembly of European Regions (AER) | Strasbourg, France | Secretary-General |",
        "| Tov Province (observer) | Zuunmod, Mongolia | Head of External Relations |",
    ]
    participation = _participation(lines, notes)
    assert [(g.country, g.role, g.authorities) for g in participation.groups] == [
        ("Republic of Korea", "member", ["NEAR Secretariat (Pohang)"]),
        ("France", "member", ["Assembly of European Regions (AER) (Strasbourg)"]),
        ("Mongolia", "observer", ["Tov Province (Zuunmod)"]),
    ]
    assert notes == []


def test_a_venue_wrapped_before_its_country_goes_on() -> None:
    fields, unlabelled = collect_fields(
        [
            Line(1, "Venue ........... Daejeon Metropolitan City, Daejeon International"),
            Line(2, "Conference Hall, South Korea"),
        ]
    )
    assert unlabelled == []
    assert [line.text for line in fields[0].values] == [
        "Daejeon Metropolitan City, Daejeon International",
        "Conference Hall, South Korea",
    ]


def test_a_participation_section_of_columns_aligned_with_spaces() -> None:
    text = (
        "The 6th Meeting of the NEAR Subcommittee on Agriculture\nOVERVIEW\nDate: 10-12 July 2012\n"
        "Participants: 3 member regional governments from 2 countries\n\nPARTICIPATION\n"
        "No.  Country              Member region       Delegation\n"
        "1    Russia               Amur Oblast             3\n"
        "2    Republic of Korea    Jeollanam-do            4\n"
        "3    Republic of Korea    Gyeongsangbuk-do        2\n"
        "--   Observer             Food and Agriculture Organization (FAO)\n"
    )
    overview = parse(read_bytes(text.encode(), "x.txt")).overview
    assert overview is not None and overview.participation is not None
    groups = [(group.country_code, group.role, group.authorities) for group in overview.participation.groups]
    assert groups == [
        ("RU", "member", ["Amur Oblast"]),
        ("KR", "member", ["Jeollanam-do", "Gyeongsangbuk-do"]),
        (None, "observer", ["Food and Agriculture Organization (FAO)"]),
    ]


def test_countries_with_their_authorities_in_brackets_after_commas() -> None:
    notes: list = []
    text = (
        "16 regional governments from 3 countries: Japan (Aomori Prefecture, Toyama Prefecture),"
        " Russian Federation (Sakhalin Oblast, Republic of Sakha (Yakutia)), Mongolia (Zavkhan Aimag, Khuvsgul Aimag);"
        " observer: Hokkaido"
    )
    participation = parse_participation([Line(1, text)], notes)
    assert [(g.country, g.role, g.authorities) for g in participation.groups] == [
        ("Japan", "member", ["Aomori Prefecture", "Toyama Prefecture"]),
        ("Russian Federation", "member", ["Sakhalin Oblast", "Republic of Sakha (Yakutia)"]),
        ("Mongolia", "member", ["Zavkhan Aimag", "Khuvsgul Aimag"]),
        (None, "observer", ["Hokkaido"]),
    ]


def test_bullets_that_mark_the_countries_over_unbulleted_authorities() -> None:
    notes: list = []
    lines = ["◎ Japan (2)", "Fukui Prefecture", "Shimane Prefecture", "◎ China (1)", "Liaoning Province"]
    participation = _participation(lines, notes)
    assert [(g.country, g.authorities) for g in participation.groups] == [
        ("Japan", ["Fukui Prefecture", "Shimane Prefecture"]),
        ("China", ["Liaoning Province"]),
    ]
    assert not notes  # "Shimane Prefecture" heads nothing


def test_arrow_bullets_before_labels_and_country_slash_authority_rows() -> None:
    lines = [
        "▶ Date: 3-4 July 2025",
        "▶ Participants (3 regional governments from 2 countries):",
        "Mongolia / Uvs Province (host)",
        "Mongolia / Khovd Province",
        "Russia / Altai Krai",
    ]
    fields, _ = collect_fields([Line(n, text) for n, text in enumerate(lines, 1)])
    assert [field.kind for field in fields] == ["period", "participation"]
    participation = parse_participation(fields[1].values, [])
    assert participation.stated_authorities == 3
    assert [(g.country, g.authorities) for g in participation.groups] == [
        ("Mongolia", ["Uvs Province (host)", "Khovd Province"]),
        ("Russian Federation", ["Altai Krai"]),
    ]


def test_the_last_country_after_and_and_an_observer_in_a_sentence() -> None:
    text = (
        "4 regions from 2 countries: Korea (Gangwon-do, Ulsan), and Mongolia (Tov, Khovd);"
        " Altai Krai attended as an observer."
    )
    participation = parse_participation([Line(1, text)], [])
    assert [(g.country, g.role, g.authorities) for g in participation.groups] == [
        ("Republic of Korea", "member", ["Gangwon-do", "Ulsan"]),
        ("Mongolia", "member", ["Tov", "Khovd"]),
        (None, "observer", ["Altai Krai"]),
    ]


def test_an_authority_then_its_country_after_a_spaced_dash() -> None:
    lines = [
        "○ Gangwon-do - Korea (host)",
        "○ Jilin Province - China",
        "○ Hamgyongbuk-do - DPR Korea (observer, by letter)",
    ]
    participation = _participation(lines)
    assert [(g.country, g.role, g.authorities) for g in participation.groups] == [
        ("Republic of Korea", "member", ["Gangwon-do (host)"]),
        ("China", "member", ["Jilin Province"]),
        ("DPR Korea", "observer", ["Hamgyongbuk-do"]),
    ]


def test_observers_from_a_list_after_the_summary() -> None:
    lines = [
        "11 member regions of 2 countries, observers from Hokkaido and Chukotka Autonomous Okrug",
        "Russia: Magadan Oblast, Kamchatka Krai",
        "Japan: Toyama Prefecture",
    ]
    participation = _participation(lines)
    assert [(g.country, g.role, g.authorities) for g in participation.groups] == [
        (None, "observer", ["Hokkaido", "Chukotka Autonomous Okrug"]),
        ("Russian Federation", "member", ["Magadan Oblast", "Kamchatka Krai"]),
        ("Japan", "member", ["Toyama Prefecture"]),
    ]


def test_an_overview_in_a_table_drawn_with_bars() -> None:
    lines = [
        "+--------+------------------------+",
        "| Period | 9-11 September 2008 |",
        "+--------+------------------------+",
        "| Venue | China > Harbin (哈尔滨市) |",
        "| | Harbin International Convention and Exhibition Center |",
        "| Chair | Governor of Heilongjiang |",
    ]
    fields, unlabelled = collect_fields([Line(n, text) for n, text in enumerate(lines, 1)])
    assert [(field.label, field.text) for field in fields] == [
        ("Period", "9-11 September 2008"),
        ("Venue", "China > Harbin (哈尔滨市) | Harbin International Convention and Exhibition Center"),
        ("Chair", "Governor of Heilongjiang"),
    ]
    assert not unlabelled


FORWARDED = """From: A. Sender <sender@example.org>
Sent: Friday, June 22, 2018 5:41 PM
Subject: FW: Record of the meeting

Dear colleagues, please find the record below.

-----Original Message-----
From: A. Sender
Subject: Record of the meeting

> RECORD OF THE 3RD MEETING OF THE MINING SUBCOMMITTEE
>
> o Overview
>   - Date       : 13-15 June 2018
>   - Host       : Umnugovi Aimag Governor's Office
>
> o Programme and discussion
>   - Session 1: coal and copper
>
> o Agreed points
>   a. The members will exchange data.
"""


def test_a_forwarded_record_takes_its_title_from_the_record_not_the_mail() -> None:
    record = parse(read_bytes(FORWARDED.encode(), "forwarded.txt"))
    assert record.title == "RECORD OF THE 3RD MEETING OF THE MINING SUBCOMMITTEE"
    assert record.overview is not None and record.overview.organizer is not None
    assert record.overview.organizer.name == "Umnugovi Aimag Governor's Office"
    assert [item.text for item in record.contents] == ["Session 1: coal and copper"]
    assert (
        record.declaration is not None and record.declaration.resolutions[0].text == "The members will exchange data."
    )


FORWARDED_NEWSLETTER = """Dear colleagues,

FYI, the newsletter below reports the meeting we hosted last month.

Best regards,
International Affairs Division

-----Original Message-----
From: NEAR Secretariat
Subject: [NEAR Newsletter] Vol. 40

> NEAR NEWSLETTER Vol. 40 (May 2009)
> Association of North East Asia Regional Governments
>
> The 4th Meeting of the NEAR Maritime Subcommittee - "Ports of the East Sea"
>
> * Dates: 12-13 May 2009
> * Location: Sokcho, Gangwon-do, Republic of Korea
> * Participation: 9 member regional governments from 4 countries, Japan (Toyama Prefecture,
>   Tottori Prefecture), Republic of Korea (Gangwon-do, Gyeongsangbuk-do), Russia (Primorsky Krai)
>
> On the first day the delegates toured the port of Sokcho and the ferry terminal, and the host
> presented its plan for a container route to Zarubino across the East Sea.
>
> Session 1 - Port logistics
>  * Primorsky Krai presented the Zarubino port project.
"""


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (  # a portal's breadcrumb, when it posted the page, its font buttons, the title in Chinese
            "首页 > 新闻中心 > 外事动态\n发布时间：2005-09-01 09:32　来源：吉林省商务厅\n"
            "【字体：大 中 小】　【打印本页】\n\n东北亚地区地方政府联合会（NEAR）物流通道与开发区专家会议\n"
            "The 3rd NEAR Logistics Subcommittee Meeting\n\n"
            "Overview\nDate: 29-31 August 2005\n",
            "The 3rd NEAR Logistics Subcommittee Meeting",
        ),
        (  # the same page without an English title: the first line that is no breadcrumb nor the page's
            "Home > News > Meetings\nPosted: 1 September 2005\n东北亚地区地方政府联合会物流专家会议\n\n"
            "Overview\nDate: 2005\n",
            "东北亚地区地方政府联合会物流专家会议",
        ),
        (  # a note over a page pasted below it, four lines down
            "Dear colleagues,\n\nPlease find below the page of the meeting.\nThe list of participants follows.\n"
            "Best regards,\nThe 5th NEAR Secretaries-General Meeting\n\nOverview\nDate: 2017\n",
            "The 5th NEAR Secretaries-General Meeting",
        ),
        (  # a breadcrumb in full-width "＞" whose last crumb names the meeting, then the page's number
            "京都府ホームページ Kyoto Prefecture\n"
            "ホーム ＞ 国際交流 ＞ 北東アジア地域自治体連合（NEAR） ＞ 2018 NEAR International Forum on Tourism\n"
            "ページ番号：240417　更新日：2018年11月5日\n\n"
            "2018 NEAR International Forum on Tourism in Kyoto\n\n"
            "【Outline】\nDate: October 24, 2018\nVenue: Arashiyama, Kyoto\n",
            "2018 NEAR International Forum on Tourism in Kyoto",
        ),
        (  # a headline in Chinese over the lead, whose sentence names the meeting in English in brackets
            "首页 > 外事动态 > 工作动态\n\n东北亚地区地方政府联合会教育交流分委员会第二次会议在长沙召开\n"
            "发布时间：2013-10-18 09:32　来源：本网\n\n2013年10月15日至17日，东北亚地区地方政府联合会教育交流分委员会"
            "（Education Exchange Subcommittee）第二次会议在湖南省长沙市召开。\n\n"
            "一、会议概况\n（一）会议时间：2013年10月15日\n",
            "东北亚地区地方政府联合会教育交流分委员会第二次会议在长沙召开",
        ),
        (  # a prefecture's page: its site's name over the headline in Japanese, then the lead
            "新潟県ホームページ\nホーム ＞ 県政情報 ＞ 国際交流 ＞ 環境分科委員会\n\n"
            "【ＮＥＡＲ環境分科委員会】渡り鳥と湿地の保全に関するワークショップを水原町で開催しました\n\n"
            "掲載日：2001年11月6日\n\n"
            "ＮＥＡＲの環境分科委員会（Subcommittee on Environment）は、ワークショップを開催しました。\n\n"
            "■開催概要（Overview）\n・期 間（Period）：2001年10月25日\n",
            "【ＮＥＡＲ環境分科委員会】渡り鳥と湿地の保全に関するワークショップを水原町で開催しました",
        ),
        (  # a portal's skip link, language bar, name and menu bar (its items a tab apart) over the headline
            "Skip to main content\nKOR | ENG | JPN | CHN | RUS | MON\n"
            "NEAR  Association of North East Asia Regional Governments\n"
            "Home\tAbout NEAR\tMembers\tSubcommittees\tProjects\tNews\tLibrary\tContact\n\n"
            "Home > News > General Assembly\n\nThe 16th NEAR General Assembly adopts the Niigata Declaration\n\n"
            "Overview\nPeriod: October 14-16, 2026\n",
            "The 16th NEAR General Assembly adopts the Niigata Declaration",
        ),
        (  # a provincial office's letterhead, its menu bar, a labelled breadcrumb over the headline
            "吉林省人民政府外事办公室\n首页 | 机构职能 | 外事动态 | 友好交往 | 联系我们\n"
            "当前位置：首页 > 外事动态 > 国际交流合作\n\n东北亚地区地方政府联合会物流分委会第二次会议在珲春召开\n\n"
            "发布时间：2012-08-20 10:25　来源：本网\n\n一、会议概况\n（一）时间：2012年8月15日至16日\n",
            "东北亚地区地方政府联合会物流分委会第二次会议在珲春召开",
        ),
        (  # the same in English, the headline's English under its Chinese
            "Jilin Foreign Affairs Office (吉林省外事办公室)\nHome | About Jilin | Foreign Exchanges | Contact\n"
            "Current position: Home > Foreign Exchanges > NEAR\n\n吉林珲春 东北亚物流会议\n"
            "NEAR Expert Meeting on Logistics Corridors, Hunchun 2012\n\nOverview\nDate: August 15, 2012\n",
            "NEAR Expert Meeting on Logistics Corridors, Hunchun 2012",
        ),
        (
            "■NEAR Environment Subcommittee Meeting 2012 in Hunchun\n\nOverview\nDate: August 15, 2012\n",
            "NEAR Environment Subcommittee Meeting 2012 in Hunchun",
        ),
        (
            "[TOP STORY] Logistics Subcommittee meets in Hunchun\n\nOverview\nDate: August 15, 2012\n",
            "Logistics Subcommittee meets in Hunchun",
        ),
        (
            "【報告】NEAR Expert Meeting on Logistics 2012\n\nOverview\nDate: August 15, 2012\n",
            "NEAR Expert Meeting on Logistics 2012",
        ),
        (  # a category naming the body is part of the title
            "【NEAR物流分科委員会】琿春で会議を開催しました\n\nOverview\nDate: August 15, 2012\n",
            "【NEAR物流分科委員会】琿春で会議を開催しました",
        ),
        (
            "(Report on the 2012 Meeting of the NEAR Logistics Subcommittee)\n\nOverview\nDate: August 15, 2012\n",
            "Report on the 2012 Meeting of the NEAR Logistics Subcommittee",
        ),
        (
            "(Tottori) Report of the Meeting (2nd)\n\nOverview\nDate: August 15, 2012\n",
            "(Tottori) Report of the Meeting (2nd)",
        ),
        ("| NEAR Subcommittee on Logistics |\n\nOverview\nDate: August 15, 2012\n", "NEAR Subcommittee on Logistics"),
        (  # a ministry's letterhead and its letter's reference number over the record's title
            "Ministry of Economy of the Republic of Buryatia\nRef. No. : 01-12/2987 of 24.06.2012\n\n"
            "Information on the meeting of the NEAR Working Committee\nin the Republic of Buryatia\n\n"
            "1. General information\nDates: 23.06.2012 - 24.06.2012\n",
            "Information on the meeting of the NEAR Working Committee in the Republic of Buryatia",
        ),
        (  # a report's date and author, labelled, over its title in Korean with its English under it
            "보고일자 : 2012. 8. 20.\n보 고 자 : 국제협력과장\n\nNEAR 물류 분과위원회 개최 결과 보고\n"
            "(2012 NEAR Logistics Subcommittee, Hunchun)\n\n□ 개 요\nㅇ 기 간 : 2012. 8. 15(수)\n",
            "NEAR 물류 분과위원회 개최 결과 보고 (2012 NEAR Logistics Subcommittee, Hunchun)",
        ),
        (  # a Korean press release: its sender and the release's own fields over the headline
            "강원특별자치도                              보 도 자 료\n\n배포일시 : 2024. 5. 10.(금) 10:00\n"
            "담당부서 : 국제협력과\n사진 : 있음(2매)\n\n강원도, 춘천서 ‘NEAR 관광분과위원회’ 개최\n"
            " - 4개국 10개 회원 자치단체 참여\n\n□ 강원특별자치도는 5월 8일 춘천에서 회의를 개최했다.\n",
            "강원도, 춘천서 ‘NEAR 관광분과위원회’ 개최",
        ),
        (  # a portal's news page: its headline over the lead's dateline, the portal's lines above it
            "The People's Government of Jilin Province | 吉林省人民政府 | English\n"
            "Home | News | Government | Investment | Culture | Services\nYou are here: Home > News > Cooperation\n\n"
            "Posted: 2012-08-20 17:48   Source: Jilin Daily\nFont size: [L] [M] [S]   Print   Share\n\n"
            "NEAR regions agree on a logistics corridor through Hunchun\n\n"
            "HUNCHUN, Aug 20 -- Officials of 20 regional governments met in Hunchun for the NEAR Logistics "
            "Subcommittee on Aug 15-16.\n",
            "NEAR regions agree on a logistics corridor through Hunchun",
        ),
        (  # a press release: the sender's letterhead and the release's marks, its points under the headline
            "NEAR SECRETARIAT\nThe Association of North East Asia Regional Governments\nPohang, Republic of Korea\n\n"
            "PRESS RELEASE                                FOR IMMEDIATE RELEASE\n"
            "No. 2012-08 | 20 August 2012 | 2 pages\n\nRegions agree on a logistics corridor through Hunchun\n\n"
            "* 2012 NEAR Logistics Subcommittee held in Hunchun\n* 20 regions of 4 countries take part\n\n"
            "HUNCHUN, China, 20 August 2012 - Officials of 20 regional governments met in Hunchun.\n",
            "Regions agree on a logistics corridor through Hunchun",
        ),
        (  # a portal's menus and a post's line under the meeting's name: the name, below them all
            "NEAR | Home | About NEAR | Members | Subcommittees | Activities | Contact Us\n"
            "Home > Activities > General Assembly > The 9th General Assembly\n\n[ACTIVITIES]\n"
            "· General Assembly\n· Working Committee\n· Subcommittees\n\nThe 9th NEAR General Assembly\n"
            "Posted by : NEAR Secretariat   |   Date : 2012-09-29\n\nOverview\nDate: September 12, 2012\n",
            "The 9th NEAR General Assembly",
        ),
        (  # an aimag's letterhead, a letter's reference and addressees over its report's title
            "ÖMNÖGOVI AIMAG (ӨМНӨГОВЬ АЙМАГ)\nGovernor's Office of Ömnögovi Aimag\nDalanzadgad, Mongolia\n\n"
            "Ref. No. 06/317                       Dalanzadgad, 5 September 2012\n\n"
            "To:    NEAR Secretariat, Pohang\nCopy:  Ministry of Food and Agriculture of Mongolia\n\n"
            "                         REPORT\n       on the NEAR Forum on Pastures and Mining\n\n"
            "1. Dates and venue\nDate: 22-24 August 2012\n",
            "REPORT on the NEAR Forum on Pastures and Mining",
        ),
        (  # a province's banner and menus over a headline in sentence case and its subheading
            "JEOLLANAM-DO | The Province of Green and Blue\nHome | About | Investment | Tourism | News | Contact\n"
            "한국어 | 中文 | 日本語 | English\n\nHome > News & Notice > Provincial News\n\n"
            "Provincial News\nPosted : 2012-06-17 15:22 | Hit : 1,126\n\n"
            "Jeonnam hosts NEAR Logistics Subcommittee meeting in Mokpo\n"
            "Experts from five countries discuss sea routes, rail links, ferries and shipbuilding at the mouth of the "
            "Yeongsan River\n\n"
            "Date: June 14, 2012\nVenue: Mokpo, Jeollanam-do\n",
            "Jeonnam hosts NEAR Logistics Subcommittee meeting in Mokpo",
        ),
        (  # a krai's letterhead over its protocol's number and meeting, its Russian title in brackets under them
            "ПРАВИТЕЛЬСТВО АМУРСКОЙ ОБЛАСТИ\nGOVERNMENT OF AMUR OBLAST\n\n"
            "Министерство внешнеэкономических связей Амурской области\nMinistry of Foreign Economic Relations\n"
            "Blagoveshchensk, Lenina 135\n(unofficial translation)\n\n"
            "PROTOCOL No. 4/2017\nof the meeting of the Border Cooperation Subcommittee of the Association of\n"
            "North East Asia Regional Governments (NEAR)\n(ПРОТОКОЛ № 4/2017 заседания Подкомитета NEAR)\n\n"
            "1. Date: 12 September 2017\n2. Venue: Blagoveshchensk, Amur Oblast\n",
            "PROTOCOL No. 4/2017 of the meeting of the Border Cooperation Subcommittee of the Association of North "
            "East Asia Regional Governments (NEAR)",
        ),
        (  # a protocol's number over the meeting it records, in the genitive's English: "of the meeting of ..."
            "Association of North East Asia Regional Governments (NEAR)\n\n"
            "                PROTOCOL № 7\n   of the meeting of the Subcommittee on Science\n"
            "                and Technology\n\nTomsk                                  «14» May 2014\n\n"
            "Date of the meeting: 13-14 May 2014\nPlace: Tomsk, Tomsk Oblast\n",
            "PROTOCOL № 7 of the meeting of the Subcommittee on Science and Technology",
        ),
        (  # the same in two languages, its line cut before the association's name
            "ПРАВИТЕЛЬСТВО ЗАБАЙКАЛЬСКОГО КРАЯ\n\nПРОТОКОЛ / MINUTES\n"
            "of the 3rd meeting of the Working Group on Forestry of the\n"
            "Association of North East Asia Regional Governments (NEAR)\n\n"
            "Dates ...... 2-4 July 2019\nPlace ...... Chita, Zabaikalsky Krai\n",
            "MINUTES of the 3rd meeting of the Working Group on Forestry of the Association of North East Asia "
            "Regional Governments (NEAR)",
        ),
        (  # a meeting's name over the conference it was held by, a section's heading under them
            "The Experts Meeting on Fisheries Resources\nof the North East Asia Regional Governments Conference\n"
            "[Overview]\n<Date>\n1995.06.12 ~ 06.14\n<Venue>\nSokcho, Korea\n",
            "The Experts Meeting on Fisheries Resources of the North East Asia Regional Governments Conference",
        ),
    ],
)
def test_a_title_below_a_pages_masthead_a_letterhead_or_a_note(text: str, title: str) -> None:
    assert parse(read_bytes(text.encode(), "x.txt")).title == title


def test_a_protocols_title_under_a_letterhead_and_an_approval_which_are_a_section_of_their_own() -> None:
    text = (
        "ПРАВИТЕЛЬСТВО ТОМСКОЙ ОБЛАСТИ\nGOVERNMENT OF TOMSK OBLAST\n\n"
        "                                        APPROVED\n                  Deputy Governor of Tomsk Oblast\n\n"
        "                                        «3» June 2015\n\n"
        "MINUTES № 5\nof the meeting of the Subcommittee on Science and Technology of the Association of\n"
        "North East Asia Regional Governments (NEAR)\n(Ассоциация региональных администраций стран СВА)\n\n"
        "1. GENERAL INFORMATION\n\nVenue: Tomsk State University, Tomsk\nDates: 1-2 June 2015\n"
        "Organized by: Tomsk Oblast, Administration\n\n2. AGENDA\n\n1. Opening of the meeting.\n"
        "2. On joint research of the member regions.\n"
    )
    record = parse(read_bytes(text.encode(), "x.txt"))
    assert record.title == (
        "MINUTES № 5 of the meeting of the Subcommittee on Science and Technology of the Association of North East "
        "Asia Regional Governments (NEAR)"
    )
    assert record.overview is not None and record.overview.venue is not None
    assert record.overview.venue.text == "Tomsk State University, Tomsk"
    assert not any("TOMSK OBLAST" in field.text for field in record.overview.other)
    assert [section.lines[:2] for section in record.sections if section.heading is None] == [
        ["ПРАВИТЕЛЬСТВО ТОМСКОЙ ОБЛАСТИ", "GOVERNMENT OF TOMSK OBLAST"],
        ["(Ассоциация региональных администраций стран СВА)"],
    ]


def test_a_news_page_whose_lead_names_the_meeting_under_a_headline_that_does_not() -> None:
    text = (
        "NEAR | Home > Notice & News > News\n\n"
        "Herders and governors discuss the future of the steppe at Erdenesant\n"
        "Posted 2019-07-02 | Secretariat | Hits 512\n\n"
        "The NEAR Forum on Sustainable Pastureland and Herder Livelihoods was held on 25-26 June 2019 in "
        "Erdenesant soum of Tov Province, Mongolia.\n\nAbout 150 participants attended.\n"
    )
    record = parse(read_bytes(text.encode(), "news.txt"))
    assert record.title == "Herders and governors discuss the future of the steppe at Erdenesant"
    assert (record.meeting.kind, record.meeting.body) == (
        "forum",
        "Forum on Sustainable Pastureland and Herder Livelihoods",
    )
    # (when and where the lead says the meeting was held)
    overview = record.overview
    assert overview is not None and overview.period is not None and overview.venue is not None
    assert (str(overview.period.start), str(overview.period.end)) == ("2019-06-25", "2019-06-26")
    assert (overview.venue.text, overview.venue.country) == ("Erdenesant soum of Tov Province, Mongolia", "Mongolia")


BOXED_PREFACE = """NEAR Subcommittee on Science and Technology — 1st Meeting
Meeting record (English version)

+--------------+------------------------------------------------------------+
| Date | 2003.08.26(Tue) ~ 08.28(Thu) |
| | (first planned for April 2003, postponed because of SARS) |
+--------------+------------------------------------------------------------+
| Venue | HIT Science Park, Nangang District, Harbin, |
| | Heilongjiang Province, China |
+--------------+------------------------------------------------------------+
| Organizers | Heilongjiang Provincial Department of Science and Technology |
| | / NEAR Secretariat |
+--------------+------------------------------------------------------------+

■ Background
The first meeting was planned for April 2003, but it was postponed when the World Health Organization advised
against travel to Beijing, Guangdong and other areas affected by SARS, and it met in the summer instead.
"""


def test_a_boxed_table_of_fields_whose_values_go_on_in_the_rows_below() -> None:
    # (the table's rules are no words of a wrapped line; a value cut at its list's joiner, or going
    # on with a bracket, goes on without a bar)
    overview = parse(read_bytes(BOXED_PREFACE.encode(), "boxed.txt")).overview
    assert overview is not None and overview.period is not None and overview.venue and overview.organizer
    assert (str(overview.period.start), str(overview.period.end)) == ("2003-08-26", "2003-08-28")
    assert overview.venue.text == "HIT Science Park, Nangang District, Harbin, Heilongjiang Province, China"
    assert overview.organizer.name == "Heilongjiang Provincial Department of Science and Technology / NEAR Secretariat"


def test_countries_named_in_the_regions_languages_head_their_lists() -> None:
    text = (
        "The 13th Working Committee Meeting of NEAR\n■開催概要（Overview）\n●日時／Date ：November 12, 2013\n"
        "●参加／Participants：5 member regional governments from 3 countries\n"
        "日本（2） ：Aomori Prefecture, Hyogo Prefecture\n韓国（2） ：Gyeongsangbuk-do, Gangwon-do\n"
        "モンゴル（1）：Tov Province\n■議事（Agenda）\n1．Reports\n"
    )
    overview = parse(read_bytes(text.encode(), "x.txt")).overview
    assert overview is not None and overview.participation is not None
    assert [(group.country, group.stated, group.authorities) for group in overview.participation.groups] == [
        ("Japan", 2, ["Aomori Prefecture", "Hyogo Prefecture"]),
        ("Republic of Korea", 2, ["Gyeongsangbuk-do", "Gangwon-do"]),
        ("Mongolia", 1, ["Tov Province"]),
    ]


FAXED_RECORD = """FROM : ISHIKAWA PREFECTURE FAX NO. : 0762 23 9112 Oct.21 1994 11:05AM P 1

SUMMARY RECORD

EXPERT MEETING ON SEA AND AIR ROUTES OF THE JAPAN SEA RIM
(working-level meeting following the 2nd North East Asia Regional
Governments Conference)

DATE : October 18 (Tue.) - 19 (Wed.), 1994
PLACE : Kanaiwa Port Hall, Kanazawa City, Ishikawa Prefecture, Japan
ATTENDANCE : 12 officials from 2 regional governments of 2 countries

JAPAN (1): Ishikawa Prefecture
KOREA (1): Kangwon-Do

OBSERVERS Tumen River Area Development Programme (TRADP) of the United
Nations Development Programme (UNDP); Economic Research Institute
for Northeast Asia (ERINA)


1. OPENING
The meeting was opened by the Vice Governor of Ishikawa Prefecture.

2. SEA ROUTES
(1) Ishikawa Prefecture: Kanazawa Port has a weekly container service to Pusan.

3. AIR ROUTES
- Komatsu Airport - Seoul, three flights a week.
"""


def test_observers_whose_names_a_fax_wrapped_over_lines() -> None:
    overview = parse(read_bytes(FAXED_RECORD.encode(), "fax.txt")).overview
    assert overview is not None and overview.participation is not None
    assert overview.participation.groups[-1].authorities[:2] == [
        "Tumen River Area Development Programme (TRADP) of the United Nations Development Programme (UNDP)",
        "Economic Research Institute for Northeast Asia (ERINA)",
    ]


TYPED_RECORD = """[NEAR archive. Retyped from a faxed copy kept by the NEAR Secretariat.]

RECORD OF THE WORKING-LEVEL PREPARATORY MEETING

1. DATE 22 (Thu.) - 23 (Fri.) July 1993

2. PLACE Yakumo Village Community Hall, Yakumo Village, Shimane Prefecture, JAPAN

3. CONVENED BY Shimane Prefecture, International Affairs Division

4. ATTENDANCE 5 regional governments of 2 countries

JAPAN: (3) Shimane Prefecture, Tottori Prefecture, Hyogo Prefecture
KOREA: (2) Kyongsangbuk-Do, Kangwon-Do
"""


def test_a_typed_record_of_numbered_labels_in_capitals_under_an_archivists_note() -> None:
    record = parse(read_bytes(TYPED_RECORD.encode(), "typed.txt"))
    assert record.title == "RECORD OF THE WORKING-LEVEL PREPARATORY MEETING"
    overview = record.overview
    assert overview is not None and overview.period and overview.organizer and overview.participation
    assert (str(overview.period.start), str(overview.period.end)) == ("1993-07-22", "1993-07-23")
    assert overview.organizer.name == "Shimane Prefecture, International Affairs Division"
    assert [(group.country, group.stated, group.authorities[0]) for group in overview.participation.groups] == [
        ("Japan", 3, "Shimane Prefecture"),
        ("Republic of Korea", 2, "Kyongsangbuk-Do"),
    ]


JAPANESE_OUTLINE = """NEAR Disaster Prevention Subcommittee Meeting 2015 in Tamba

〔Outline〕
◇Date 2015年10月27日（火）～29日（木）
◇Venue Tamba-no-Mori Koen (丹波の森公苑), Tamba City (丹波市), Hyogo Prefecture (兵庫県), Japan
◇Organizers Hyogo Prefecture／Tamba City／NEAR Secretariat
◇Support Asian Disaster Reduction Center (ADRC)／JICA Kansai
◇Participants 5 member regional governments in 2 countries
［Japan］ Hyogo Prefecture, Tottori Prefecture, Toyama Prefecture
［Korea］ Gyeongsangbuk-do, Gyeonggi-do

〔Programme〕
（１）Opening addresses by the Governor of Hyogo Prefecture
"""


def test_a_faxs_cover_sheet_under_an_archivists_note_and_a_title_wrapped_in_capitals() -> None:
    text = (
        "[NEAR archive. Retyped from a faxed copy kept by the NEAR Secretariat.]\n\n"
        "FROM: SHIMANE PREFECTURAL GOVERNMENT FAX 0852 22 5911 JUL 27 ’93 15:08 P.01\n\n"
        "TO : Contact officers of the participating regional governments\n"
        "SUBJECT : Record of the working-level preparatory meeting, Yakumo, 22-23 July 1993\n"
        "PAGES : 3 (including this page)\n\n"
        "RECORD OF THE WORKING-LEVEL PREPARATORY MEETING FOR THE\n"
        "FIRST CONFERENCE OF NORTHEAST ASIAN REGIONAL GOVERNMENTS\n\n\n" + TYPED_RECORD.split("\n\n", 2)[2]
    )
    record = parse(read_bytes(text.encode(), "fax.txt"))
    assert record.title == (
        "RECORD OF THE WORKING-LEVEL PREPARATORY MEETING FOR THE "
        "FIRST CONFERENCE OF NORTHEAST ASIAN REGIONAL GOVERNMENTS"
    )
    assert record.overview is not None and record.overview.period is not None
    # the cover sheet's fields are the fax's, no meeting's: a section of their own, as written
    assert record.sections[0].heading is None and "PAGES : 3 (including this page)" in record.sections[0].lines
    assert not any(field.label == "PAGES" for field in record.overview.other)


RECORD_BELOW_A_FAX = "1. OVERVIEW\n\n   Date  : May 12 - 13, 1996\n   Venue : Ako City Hall, Hyogo Prefecture, Japan\n"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (  # the machine's header line, a banner with its page mark, the cover's fields, the record's title
            "MAY-20-96 MON 10:12   FROM: HYOGO PREF INTL DIV   TEL: 078 341 7711   P.01/03\n\n"
            "FAX TRANSMISSION                    P.1/3\nTO    : NEAR Secretariat\n"
            "RE    : Record of the expert meeting (for circulation)\n---------------------------\n\n"
            "             RECORD OF THE FIRST MEETING\n     Expert Meeting on Coastal Fisheries\n\n\n"
            + RECORD_BELOW_A_FAX,
            "RECORD OF THE FIRST MEETING Expert Meeting on Coastal Fisheries",
        ),
        (  # a banner letter-spaced, a letterhead in capitals over it, a field's second line in capitals
            "MAY-20-96 MON 10:12                                P.01\n\n       HYOGO PREFECTURAL GOVERNMENT\n"
            "       Kobe 650, JAPAN\n\n     F A C S I M I L E   M E S S A G E\n\n"
            "TO      : SECRETARIES-GENERAL OF THE PARTICIPATING\n          REGIONAL GOVERNMENTS\n"
            "DATE    : MAY 20, 1996\n\nEXPERT MEETING ON COASTAL FISHERIES OF THE\nJAPAN SEA RIM\n\n\n"
            + RECORD_BELOW_A_FAX,
            "EXPERT MEETING ON COASTAL FISHERIES OF THE JAPAN SEA RIM",
        ),
        (  # no line of the record names the meeting: the cover's subject does
            "FROM : INTL DIV   FAX NO. : 078 341 7711   MAY.20 '96 10:12AM  P.1\n\n"
            "FACSIMILE TRANSMITTAL SHEET\nTO      : NEAR Secretariat\nPAGES   : 3\n"
            "SUBJECT : SUMMARY RECORD - EXPERT MEETING ON COASTAL FISHERIES AT AKO\n\n"
            "Dear Sir,\n\nPlease find below the record of the meeting held last week.\n\n" + RECORD_BELOW_A_FAX,
            "SUMMARY RECORD - EXPERT MEETING ON COASTAL FISHERIES AT AKO",
        ),
    ],
)
def test_a_faxed_records_title_is_no_line_of_the_fax(text: str, title: str) -> None:
    record = parse(read_bytes(text.encode(), "fax.txt"))
    assert record.title == title
    # (the meeting's date, not the fax's: "DATE : MAY 20, 1996" on the cover sheet)
    assert record.overview is not None and record.overview.period is not None
    assert str(record.overview.period.start) == "1996-05-12"


def test_fields_written_as_numbered_headings_over_their_values_are_the_overview() -> None:
    text = (
        "NEAR > Subcommittees > Disaster Prevention\n\nSUMMARY RECORD\n\n"
        "The 2nd Meeting of the Subcommittee on Disaster Prevention\n\n\n"
        "1. DATE\n        November 14 (Tue.) - 16 (Thu.), 2002\n\n"
        "2. VENUE\n        Awaji Yumebutai International Conference Center, Hyogo Prefecture, Japan\n\n"
        "3. ORGANIZER\n        Hyogo Prefectural Government\n\n"
        "4. AGENDA\n        (1) Opening\n        (2) Reports of the member regions\n"
    )
    record = parse(read_bytes(text.encode(), "headed.txt"))
    assert record.title == "The 2nd Meeting of the Subcommittee on Disaster Prevention"
    overview = record.overview
    assert overview is not None and overview.period is not None and overview.venue is not None
    assert (str(overview.period.start), str(overview.period.end)) == ("2002-11-14", "2002-11-16")
    assert overview.venue.country_code == "JP"
    assert overview.organizer is not None and overview.organizer.name == "Hyogo Prefectural Government"


def test_a_japanese_outline_of_bulleted_labels_without_colons_and_countries_in_brackets() -> None:
    overview = parse(read_bytes(JAPANESE_OUTLINE.encode(), "outline.txt")).overview
    assert overview is not None and overview.period and overview.organizer and overview.participation
    assert (str(overview.period.start), str(overview.period.end)) == ("2015-10-27", "2015-10-29")
    assert overview.organizer.name == "Hyogo Prefecture／Tamba City／NEAR Secretariat"
    assert [(field.label, field.text) for field in overview.other] == [
        ("Support", "Asian Disaster Reduction Center (ADRC)／JICA Kansai")
    ]
    assert [(group.country_text, group.authorities[0]) for group in overview.participation.groups] == [
        ("Japan", "Hyogo Prefecture"),
        ("Korea", "Gyeongsangbuk-do"),
    ]


def test_a_dash_after_a_countrys_colon_and_a_native_name_alone_on_the_next_line() -> None:
    text = (
        "Working Group meeting\nDate: 2015\nParticipants: 4 regional governments\n"
        "Mongolia: — Selenge Aimag (Сэлэнгэ аймаг); Tov Aimag; Khentii Aimag\n(Хэнтий аймаг)\n"
        "Japan: — Toyama Prefecture\n(* participated as observer)\n\n"
        "Organizations: Ministry of Environment, Green Development and Tourism of Mongolia; World Bank\n"
    )
    overview = parse(read_bytes(text.encode(), "x.txt")).overview
    assert overview is not None and overview.participation is not None
    assert [group.authorities for group in overview.participation.groups[:2]] == [
        ["Selenge Aimag (Сэлэнгэ аймаг)", "Tov Aimag", "Khentii Aimag (Хэнтий аймаг)"],
        ["Toyama Prefecture"],
    ]


def test_a_newsletter_forwarded_below_a_note_is_read_below_its_masthead() -> None:
    record = parse(read_bytes(FORWARDED_NEWSLETTER.encode(), "newsletter.txt"))
    assert record.title == 'The 4th Meeting of the NEAR Maritime Subcommittee - "Ports of the East Sea"'
    assert (record.meeting.kind, record.meeting.number, record.meeting.body) == (
        "subcommittee",
        4,
        "Maritime Subcommittee",
    )
    overview = record.overview
    assert overview is not None and overview.period is not None and overview.participation is not None
    assert str(overview.period.start) == "2009-05-12"
    assert [group.authorities for group in overview.participation.groups] == [
        ["Toyama Prefecture", "Tottori Prefecture"],
        ["Gangwon-do", "Gyeongsangbuk-do"],
        ["Primorsky Krai"],
    ]
    # the newsletter's masthead is a section of its own, and the report below the fields is another,
    # not more of the participants' list
    assert [section.heading for section in record.sections] == [None, None]
    assert record.sections[0].lines == [
        "NEAR NEWSLETTER Vol. 40 (May 2009)",
        "Association of North East Asia Regional Governments",
    ]
    assert record.sections[1].lines[0].startswith("On the first day the delegates toured the port of Sokcho")
    assert record.sections[1].lines[-1] == "* Primorsky Krai presented the Zarubino port project."


def test_a_table_of_fields_keeps_unknown_labels_and_skips_its_header() -> None:
    lines = [
        Line(number, text)
        for number, text in enumerate(
            [
                "| Item      | Details                      |",
                "|-----------|------------------------------|",
                "| Organizer | Anhui Provincial People's Government |",
                "| Supported by | Hefei Municipal People's Government |",
            ],
            1,
        )
    ]
    fields, unlabelled = collect_fields(lines)
    assert [(field.label, field.text) for field in fields] == [
        ("Organizer", "Anhui Provincial People's Government"),
        ("Supported by", "Hefei Municipal People's Government"),
    ]
    assert unlabelled == []


@pytest.mark.parametrize(
    ("below", "place"),
    [
        ("Dalanzadgad Cultural Palace", "Dalanzadgad, Umnugovi Province, Dalanzadgad Cultural Palace"),
        # (a line in lower case too: the hall the country's line does not go on into)
        ("conference hall of the aimag", "Dalanzadgad, Umnugovi Province, conference hall of the aimag"),
        ("(Монгол Улс)", "Dalanzadgad, Umnugovi Province"),  # (but the country's own name goes with it)
    ],
)
def test_a_venue_line_ending_with_its_country_ends_a_part(below: str, place: str) -> None:
    text = (
        "NEAR Subcommittee on Mining 2018\n\nOverview\n"
        f"Venue: Dalanzadgad, Umnugovi Province, Mongolia\n       {below}\n"
        "Host: Umnugovi Aimag Governor's Office\n"
    )
    venue = parse(read_bytes(text.encode(), "mining.txt")).overview.venue  # type: ignore[union-attr]
    assert venue is not None and venue.country == "Mongolia"
    assert venue.place == place


def test_authorities_and_countries_both_miscounted_make_one_note() -> None:
    text = (
        "The 3rd NEAR Working Committee 2010\n\nOverview\nDate: 1 June 2010\n"
        "Participants: 3 regional governments from 2 countries\n"
        "  Japan: Toyama Prefecture, Shimane Prefecture\n  China: Jilin Province\n  Russia: Amur Oblast\n"
    )
    notes = parse(read_bytes(text.encode(), "committee.txt")).notes
    counts = [note for note in notes if note.code in ("participation-count-mismatch", "country-count-mismatch")]
    assert [note.message for note in counts] == [
        "Overview states 3 regional authorities from 2 countries; 4 authorities in 3 countries are listed."
    ]


MINUTES = """MINUTES
2nd Meeting of the NEAR Subcommittee on Border Cooperation

Place of meeting: Chita, Chita Oblast, Russian Federation
Dates of meeting: 4-6 September 2001
Convened by: Chita Oblast, coordinating region of the subcommittee
Present: 3 member regional governments of 2 countries, as listed below.

Members present
  Russian Federation: Chita Oblast; Amur Oblast
  Mongolia: Dornod Aimag

Agenda item 1. Opening of the meeting
The Governor of Chita Oblast opened the meeting.

Agenda item 2. Decisions
The meeting adopted the following decisions:
1. Members will exchange staff of their customs posts.
2. The next meeting will be held in 2003 in Dornod.
"""


def test_minutes_item_by_item() -> None:
    record = parse(read_bytes(MINUTES.encode(), "minutes.txt"))
    assert record.title == "2nd Meeting of the NEAR Subcommittee on Border Cooperation"
    assert record.overview is not None and record.overview.participation is not None
    groups = [(group.country, group.authorities) for group in record.overview.participation.groups]
    assert groups == [("Russian Federation", ["Chita Oblast", "Amur Oblast"]), ("Mongolia", ["Dornod Aimag"])]
    assert [section.heading for section in record.sections if section.heading] == ["Opening of the meeting"]
    assert record.declaration is not None and len(record.declaration.resolutions) == 2


ALIGNED = """THE 17TH GENERAL ASSEMBLY OF NEAR

OVERVIEW
  ● Period      15-17 September 2026
  ● Venue       Jilin Wusong Hotel, Jilin City, Jilin Province
  ● Partners    Food and Agriculture Organization of the United Nations
  ● Attendance  4 member regional governments from 3 countries and
                1 observer

PARTICIPANTS
  China (2)      Jilin Province,
                 Heilongjiang Province
  Japan (1)      Toyama Prefecture
  Russia (1)     Primorsky Krai
  Observers      Almaty Region (Kazakhstan)
"""


def test_labels_and_values_in_columns_aligned_with_spaces() -> None:
    overview = parse(read_bytes(ALIGNED.encode(), "aligned.txt")).overview
    assert overview is not None and overview.period is not None and overview.venue is not None
    assert overview.period.start is not None and overview.period.start.isoformat() == "2026-09-15"
    assert overview.venue.place == "Jilin Wusong Hotel, Jilin City, Jilin Province"
    assert [(field.label, field.text) for field in overview.other] == [
        ("Partners", "Food and Agriculture Organization of the United Nations")
    ]
    assert overview.participation is not None
    assert overview.participation.text == "4 member regional governments from 3 countries and 1 observer"
    groups = [(group.country, group.role, group.authorities) for group in overview.participation.groups]
    assert groups == [
        ("China", "member", ["Jilin Province", "Heilongjiang Province"]),
        ("Japan", "member", ["Toyama Prefecture"]),
        ("Russian Federation", "member", ["Primorsky Krai"]),
        ("Kazakhstan", "observer", ["Almaty Region"]),
    ]


def test_a_typed_records_table_of_numbered_fields_its_groups_and_its_next_part() -> None:
    """A typed record numbers its fields in a table ("No. Item Particulars"), their values going
    on under their column; its participants by country below the last, a country of none ("(-)")
    and the bodies' group among them; the next number heads the record's next part."""
    text = (
        "RECORD OF THE 2002 MEETING OF THE NEAR SUBCOMMITTEE ON ENVIRONMENT\n\n"
        "No.  Item            Particulars\n"
        "---  --------------  ------------------------------------------\n"
        "01   Meeting         2002 Meeting of the Subcommittee on\n"
        "                     Environment of NEAR\n"
        "02   Dates           20 (Wed.) - 22 (Fri.) November 2002\n"
        "03   Venue           Conference hall of the\n"
        "                     Research Institute of Innovative Technology for the Earth,\n"
        "                     Kizu Town, Kyoto Prefecture, Japan\n"
        '04   Theme           "Clean air and clean seas: what regions can do"\n'
        "05   Participants    5 member regions of 3 countries\n\n"
        "     JAPAN (2)             Kyoto Prefecture (host), Toyama Prefecture\n"
        "     CHINA (2)             Jilin Province,\n"
        "                           Shandong Province\n"
        "     MONGOLIA (-)          no delegation\n"
        "     ORGANIZATIONS (1)     Northwest Pacific Region Environmental Cooperation Center (NPEC)\n\n"
        "06   Proceedings\n\n"
        "(1) Opening\nThe Vice-Governor of Kyoto Prefecture welcomed the delegates.\n"
        "(2) Air quality\nJilin Province described the dust storm of March 2002.\n"
    )
    record, groups = _record_groups(text)
    overview = record.overview
    assert overview is not None and overview.period is not None and overview.venue is not None
    assert overview.period.text == "20 (Wed.) - 22 (Fri.) November 2002"
    assert overview.venue.text == (
        "Conference hall of the Research Institute of Innovative Technology for the Earth, Kizu Town, "
        "Kyoto Prefecture, Japan"
    )
    assert [(field.label, field.text) for field in overview.other] == [
        ("Meeting", "2002 Meeting of the Subcommittee on Environment of NEAR"),
        ("Theme", '"Clean air and clean seas: what regions can do"'),
    ]
    assert groups == [
        ("Japan", "member", ["Kyoto Prefecture (host)", "Toyama Prefecture"]),
        ("China", "member", ["Jilin Province", "Shandong Province"]),
        ("Mongolia", "member", []),
        (None, "observer", ["Northwest Pacific Region Environmental Cooperation Center (NPEC)"]),
    ]
    assert [item.text.split()[0] for item in record.contents] == ["Opening", "Air"]


def test_a_numbered_table_of_delegations_is_no_table_of_fields() -> None:
    """Numbered rows of names and posts label no fields: the overview knows none of their labels."""
    from pipeline.parser.reader import normalise

    table = (
        "No.  Region                 Head of delegation\n"
        " 1   Aomori Prefecture      Vice-Governor, Aomori Prefectural Government\n"
        " 2   Niigata Prefecture     Director for International Exchange\n"
        " 3   Toyama Prefecture      Counsellor for Ports and Harbours\n"
    )
    assert normalise(table)[1] == "1 | Aomori Prefecture | Vice-Governor, Aomori Prefectural Government"


def test_a_bracketed_list_wrapped_over_lines_is_read_as_one() -> None:
    lines = [
        "16 regional governments from 5 countries: Mongolia",
        "(2: Bayankhongor Aimag, Arkhangai",
        "Aimag), Republic of Korea (2: Gyeongsangbuk-",
        "do, Jeju Special Self-Governing",
        "Province); observers: Mongolian Red Cross Society and Mercy Corps",
    ]
    assert _groups(*lines) == [
        ("Mongolia", "member", ["Bayankhongor Aimag", "Arkhangai Aimag"]),
        ("Republic of Korea", "member", ["Gyeongsangbuk-do", "Jeju Special Self-Governing Province"]),
        (None, "observer", ["Mongolian Red Cross Society", "Mercy Corps"]),
    ]


def test_a_bracket_never_closed_joins_no_line() -> None:
    lines = ["Japan: Toyama Prefecture (host", "- Korea: Gangwon-do", "- China: Jilin Province"]
    assert [group[0] for group in _groups(*lines)] == ["Japan", "Republic of Korea", "China"]


@pytest.mark.parametrize(
    ("item", "names"),
    [
        ("Mongolian Red Cross Society and Mercy Corps", ["Mongolian Red Cross Society", "Mercy Corps"]),
        ("Primorsky Krai and Khabarovsk Krai", ["Primorsky Krai", "Khabarovsk Krai"]),
        ("Ministry of Economy and Finance", ["Ministry of Economy and Finance"]),  # an of-phrase
        ("Korea Culture and Tourism Institute", ["Korea Culture and Tourism Institute"]),  # no name's end before
        ("Institute of Geography and Natural Resources", ["Institute of Geography and Natural Resources"]),
        (  # each with its acronym
            "Asian Development Bank (ADB) and the Central Asia Regional Economic Cooperation Program (CAREC).",
            ["Asian Development Bank (ADB)", "Central Asia Regional Economic Cooperation Program (CAREC)"],
        ),
    ],
)
def test_two_names_joined_by_and(item: str, names: list[str]) -> None:
    assert [name for _, _, authorities in _groups(f"Observers: {item}") for name in authorities] == names


def test_one_country_per_line_before_its_authority_is_one_group_and_a_list_heading_is_no_name() -> None:
    notes: list = []
    lines = ["Member regional governments, one per line:", "* China - Jilin Province", "* China - Shanxi Province"]
    participation = _participation(lines, notes)
    groups = [(g.country, g.role, g.authorities) for g in participation.groups]
    assert groups == [("China", "member", ["Jilin Province", "Shanxi Province"])]
    assert [note.code for note in notes] == ["suspect-authority", "suspect-authority"]


def test_a_country_heading_inside_a_table_cell_of_observers() -> None:
    lines = [
        "| Country | Regional governments | No. |",
        "| China | Liaoning Province, Jilin Province | 2 |",
        "| Observers | Mongolia: Dornod Aimag; Khentii Aimag | 2 |",
    ]
    assert _groups(*lines) == [
        ("China", "member", ["Liaoning Province", "Jilin Province"]),
        ("Mongolia", "observer", ["Dornod Aimag", "Khentii Aimag"]),
    ]


def test_a_sentence_after_the_participants_table_is_not_the_fields() -> None:
    from pipeline.parser.overview import collect_fields

    lines = [
        "Participants:",
        "| Country | Regional governments |",
        "| China | Liaoning Province, Jilin Province |",
        "DPR Korea was invited through the Secretariat but did not send a delegation.",
    ]
    fields, unlabelled = collect_fields([Line(n, text) for n, text in enumerate(lines, 1)])
    assert [line.text for line in fields[0].values][-1] == "| China | Liaoning Province, Jilin Province |"
    assert [line.text for line in unlabelled] == [lines[-1]]


def test_a_country_written_another_way_opens_its_own_group() -> None:
    lines = ["Russian Federation", " - Irkutsk Region", "Russia", " - Jewish Autonomous Region (observer)"]
    assert [(country, role) for country, role, _ in _groups(*lines)] == [
        ("Russian Federation", "member"),
        ("Russian Federation", "observer"),
    ]
    participation = _participation(lines)
    assert [group.country_text for group in participation.groups] == ["Russian Federation", "Russia"]


def test_a_slash_list_wrapped_after_a_slash_and_a_count_of_the_others() -> None:
    assert _groups(
        "9 regional governments from 2 countries",
        "- Japan (6) : Yamaguchi Prefecture / Shimane Prefecture / Fukuoka Prefecture /",
        "Hyogo Prefecture and 2 other prefectures",
        "- Mongolia (3) : Tov Province, Dornod Province and one other aimag",
    ) == [
        ("Japan", "member", ["Yamaguchi Prefecture", "Shimane Prefecture", "Fukuoka Prefecture", "Hyogo Prefecture"]),
        ("Mongolia", "member", ["Tov Province", "Dornod Province"]),
    ]


def test_a_list_drawn_with_dot_leaders_gives_each_authority_its_country() -> None:
    text = (
        "NEAR Workshop 2014\n\nOVERVIEW\nPARTICIPANTS: 3 member regional governments from 2 countries and 1\n"
        "observer; research institutes, about 140 persons in all\n"
        "Jilin Province .............................. China\n"
        "Gyeongsangbuk-do ............................ Republic of Korea\n"
        "Khentii Province ............................ Mongolia\n"
        "Yanbian Korean Autonomous Prefecture (observer) ... China\n"
    )
    record = parse(read_bytes(text.encode(), "leaders.txt"))
    assert record.overview is not None and record.overview.participation is not None
    groups = [(g.country, g.role, g.authorities) for g in record.overview.participation.groups]
    assert groups == [
        ("China", "member", ["Jilin Province"]),
        ("Republic of Korea", "member", ["Gyeongsangbuk-do"]),
        ("Mongolia", "member", ["Khentii Province"]),
        ("China", "observer", ["Yanbian Korean Autonomous Prefecture"]),
    ]


def test_a_list_drawn_with_ellipses_reads_as_one_drawn_with_dots() -> None:
    assert _groups(
        "4 regional governments from 3 countries",
        "Japan  ……  Yamagata Prefecture, Niigata Prefecture",
        "Republic of Korea  ……  Kangwon-do",
        "Russian Federation ・・・・ Primorsky Territory",
    ) == [
        ("Japan", "member", ["Yamagata Prefecture", "Niigata Prefecture"]),
        ("Republic of Korea", "member", ["Kangwon-do"]),
        ("Russian Federation", "member", ["Primorsky Territory"]),
    ]


def test_labels_after_a_letter_o_bullet_are_fields() -> None:
    text = (
        "2015 NEAR WORKSHOP ON GINSENG\n\n1) OVERVIEW\n"
        "  o PERIOD : 20 (Tue) - 22 (Thu) October 2015\n"
        "  o VENUE : Yeongju Seonbi Culture Center, Yeongju\n"
        "  o PARTICIPANTS : 3 regional governments of 3 countries\n"
        "    - Korea / Gyeongsangbuk-do\n    - China / Jilin Province\n"
        "    - Russian Federation / Primorsky Krai\n\n"
        "2) CONTENTS\n  - Opening address by the Mayor of Yeongju\n"
    )
    overview = parse(read_bytes(text.encode(), "o.txt")).overview
    assert overview is not None and overview.period is not None and overview.venue is not None
    assert str(overview.period.start) == "2015-10-20"
    assert overview.venue.place == "Yeongju Seonbi Culture Center, Yeongju"
    assert overview.participation is not None
    assert [(g.country, g.authorities) for g in overview.participation.groups] == [
        ("Republic of Korea", ["Gyeongsangbuk-do"]),
        ("China", ["Jilin Province"]),
        ("Russian Federation", ["Primorsky Krai"]),
    ]


def test_a_table_rows_authorities_go_on_in_a_row_with_an_empty_country_cell() -> None:
    assert _groups(
        "17 member regional governments of 3 countries",
        "| Mongolia (2) | Govi-Altai Aimag, |",
        "|  | Zavkhan Aimag |",
        "| China (4) | Inner Mongolia Autonomous Region, Ningxia Hui Autonomous Region, |",
        "|  | Gansu Province, Shaanxi Province |",  # ("Province" also heads a header's column)
        "| Japan (1) | Tottori Prefecture |",
    ) == [
        ("Mongolia", "member", ["Govi-Altai Aimag", "Zavkhan Aimag"]),
        (
            "China",
            "member",
            ["Inner Mongolia Autonomous Region", "Ningxia Hui Autonomous Region", "Gansu Province", "Shaanxi Province"],
        ),
        ("Japan", "member", ["Tottori Prefecture"]),
    ]


def test_authorities_bulleted_with_a_letter_o_under_their_country() -> None:
    assert _groups(
        "3 member regional governments from 2 countries",
        "China",
        "o Heilongjiang Province",
        "o Jilin Province",
        "Japan",
        "o Toyama Prefecture",
    ) == [
        ("China", "member", ["Heilongjiang Province", "Jilin Province"]),
        ("Japan", "member", ["Toyama Prefecture"]),
    ]


def test_two_names_as_observers_after_a_summary_are_two_observers() -> None:
    assert _groups(
        "38 member regional governments from 6 countries; Hokkaido and the Republic of Khakassia as observers"
    ) == [(None, "observer", ["Hokkaido", "Republic of Khakassia"])]


SIGNED = (
    "The 2nd NEAR Working Committee\n· Overview\nPeriod: 1998\n· Toyama Declaration\nWe declare:\n"
    "1. To meet again.\n\nAdopted at Toyama on May 19, 1998\n\n--\n{signature}\n"
)


def test_an_e_mails_signature_is_a_section_of_its_own_not_the_declarations_closing() -> None:
    record = parse(read_bytes(SIGNED.format(signature="International Affairs Division\nToyama").encode(), "x.txt"))
    assert record.declaration is not None
    assert record.declaration.closing == ["Adopted at Toyama on May 19, 1998"]
    assert [(section.heading, section.lines) for section in record.sections][-1] == (
        None,
        ["International Affairs Division", "Toyama"],
    )


def test_a_rule_of_dashes_before_many_lines_is_no_signature() -> None:
    body = "\n".join(f"Line {number}." for number in range(8))
    record = parse(read_bytes(SIGNED.format(signature=body).encode(), "x.txt"))
    assert record.declaration is not None and "Line 7." in " ".join(record.declaration.closing)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Ministry of Economy, Trade and Industry (METI), UNDP",
            ["Ministry of Economy, Trade and Industry (METI)", "UNDP"],
        ),
        (
            "Ministry of Land, Infrastructure, Transport and Tourism; KOTRA",
            ["Ministry of Land, Infrastructure, Transport and Tourism", "KOTRA"],
        ),
        (
            "Japan Oil, Gas and Metals National Corporation (JOGMEC)",
            ["Japan Oil, Gas and Metals National Corporation (JOGMEC)"],
        ),
        ("Hokkaido, Aomori, Akita", ["Hokkaido", "Aomori", "Akita"]),
        ("Environment, Tourism, Trade", ["Environment", "Tourism", "Trade"]),  # fields alone: a list of them
        ("Ministry of Economy; Trade and Industry Bureau", ["Ministry of Economy", "Trade and Industry Bureau"]),
        (  # fields of several words before "and", and the country after them
            "Ministry of Environment, Green Development and Tourism of Mongolia, World Bank",
            ["Ministry of Environment, Green Development and Tourism of Mongolia", "World Bank"],
        ),
        (  # ... but a body of its own after a ministry of one field
            "Ministry of Culture, Sports and Tourism, Korea Tourism Organization",
            ["Ministry of Culture, Sports and Tourism", "Korea Tourism Organization"],
        ),
        (  # fields named by their adjectives
            "World Heritage Centre of the United Nations Educational, Scientific and Cultural Organization (UNESCO)",
            ["World Heritage Centre of the United Nations Educational, Scientific and Cultural Organization (UNESCO)"],
        ),
    ],
)
def test_a_list_keeps_the_commas_of_a_ministrys_fields(text: str, names: list[str]) -> None:
    assert listed_names(text) == names


def test_a_tables_observers_column_holds_each_countrys_observers() -> None:
    text = (
        "The 2009 NEAR Mining Subcommittee\n1. Overview\n※ Date: Sep 9, 2009\n※ Participation:\n\n"
        "| Country | Member regions | Observers |\n|---|---|---|\n"
        "| Russian Federation | Sakha Republic, Magadan Oblast | Krasnoyarsk Krai |\n"
        "| China | Heilongjiang Province | |\n"
        "| Korea | Gyeongsangbuk-do | Korea Resources Corporation (KORES) |\n"
    )
    _, groups = _record_groups(text)
    assert groups == [
        ("Russian Federation", "member", ["Sakha Republic", "Magadan Oblast"]),
        ("Russian Federation", "observer", ["Krasnoyarsk Krai"]),
        ("China", "member", ["Heilongjiang Province"]),
        ("Republic of Korea", "member", ["Gyeongsangbuk-do"]),
        ("Republic of Korea", "observer", ["Korea Resources Corporation (KORES)"]),
    ]


def test_a_bodys_two_seats_are_each_a_place() -> None:
    text = (
        "The 2025 Online Meeting\n1. Overview\n※ Date: May 9, 2025\n※ Participants:\n\n"
        "| Body | Seat | Status |\n|---|---|---|\n"
        "| Northwest Pacific Action Plan (NOWPAP) | Toyama, Japan / Busan, Korea | member |\n"
    )
    _, groups = _record_groups(text)
    assert groups[-1][2] == ["Northwest Pacific Action Plan (NOWPAP) (Toyama, Japan, Busan, Korea)"]


def test_also_present_alone_on_its_line_ends_the_list_and_is_a_field_of_its_own() -> None:
    record, groups = _record_groups(
        "The 3rd NEAR Working Committee\n· Overview\nPeriod: 1997\nParticipants:\nJapan\n"
        "Aomori Prefecture, Toyama Prefecture\nMongolia\nTuv Aimag\n\nAlso present\n"
        "Ministry of Home Affairs; Japan External Trade Organization (JETRO)\n"
    )
    assert groups == [
        ("Japan", "member", ["Aomori Prefecture", "Toyama Prefecture"]),
        ("Mongolia", "member", ["Tuv Aimag"]),
    ]
    assert record.overview is not None
    assert [(field.label, field.text) for field in record.overview.other] == [
        ("Also present", "Ministry of Home Affairs; Japan External Trade Organization (JETRO)")
    ]


def test_those_online_after_a_countrys_line_are_of_no_country_and_apologies_end_the_list() -> None:
    """Minutes list who came in person by country, then who joined online and who sent apologies:
    the names after "Online:" are not the last country's, and those absent take no part."""
    record, groups = _record_groups(
        "NEAR Working Committee\nVenue: Jeonju\nPresent in person:\n  Japan - Toyama Prefecture, Tottori Prefecture\n"
        "  Mongolia - Töv Province\nOnline:\n  Hyogo Prefecture; Irkutsk Oblast\nApologies: Sakhalin Oblast\n\n"
        "Agenda item 1 - Opening and adoption of the agenda\n1.1 The chair opened the meeting.\n"
    )
    assert groups == [
        ("Japan", "member", ["Toyama Prefecture", "Tottori Prefecture"]),
        ("Mongolia", "member", ["Töv Province"]),
        (None, "member", ["Hyogo Prefecture (online)", "Irkutsk Oblast (online)"]),
    ]
    assert record.overview is not None
    assert [(field.label, field.text) for field in record.overview.other] == [("Apologies", "Sakhalin Oblast")]
    assert [section.heading for section in record.sections] == ["Opening and adoption of the agenda"]
    assert record.contents == []


def test_resource_persons_after_the_list_are_no_observers() -> None:
    record, groups = _record_groups(
        "The 3rd NEAR Working Committee\n· Overview\nPeriod: 1997\nParticipants:\nJapan: Aomori Prefecture, "
        "Toyama Prefecture\nResource persons: Tottori University; United Nations Development Programme (UNDP)\n"
    )
    assert groups == [("Japan", "member", ["Aomori Prefecture", "Toyama Prefecture"])]
    assert record.overview is not None
    assert [field.label for field in record.overview.other] == ["Resource persons"]


def test_delegates_named_after_their_authority_are_kept_apart_from_the_authorities() -> None:
    # the authority's own line names its delegate
    participation = _participation(
        [
            "China",
            "- Shandong Province (山东省): Mr. Zhang Wei, Director-General, Shandong Provincial Foreign Affairs Office",
            "- Jilin Province",
            "Japan",
            "- Yamagata Prefecture: Mr. Jun Sato, Chief, International Exchange Office, Yamagata Prefecture",
        ]
    )
    assert [(g.country, g.authorities) for g in participation.groups] == [
        ("China", ["Shandong Province (山东省)", "Jilin Province"]),
        ("Japan", ["Yamagata Prefecture"]),
    ]
    assert [line.split(":")[0] for line in participation.delegates] == [
        "Shandong Province (山东省)",
        "Yamagata Prefecture",
    ]
    # ... or a heading lists them under the authorities, a dash or a colon after each authority
    notes: list = []
    participation = _participation(
        [
            "Russia",
            "Sakhalin Oblast, Amur Oblast",
            "Heads of delegation",
            "Sakhalin Oblast – Mr. Anatoly Grishin, First Deputy Governor; Ms. Olga Tkachenko, Head",
            "Amur Oblast – Mr. Yevgeny Savin, Head, Foreign Trade Division, Amur Oblast Administration",
            "<Heads of Delegations>",
            "- NEAR Secretariat: Mr. Kwon Hyuk-jun, Director (Pohang)",
        ],
        notes,
    )
    assert [(g.country_text, g.authorities) for g in participation.groups] == [
        ("Russia", ["Sakhalin Oblast", "Amur Oblast"])
    ]
    assert len(participation.delegates) == 3 and not notes


def test_delegates_in_any_form_under_their_heading_until_a_group_opens_again() -> None:
    participation = _participation(
        [
            "Russian Federation",
            "Kamchatka Oblast, Primorsky Krai",
            "Heads of delegation",
            "Kamchatka Oblast: Deputy Governor Nikolai P. ROMANENKO; Primorsky Krai: V. S. KOVALENKO, Head",
            "Guests – Sakhalin Energy Investment Company; Japan External Trade Organization (JETRO)",
            "- Delegates of Sakhalin Oblast could not attend because their flight was cancelled",
        ]
    )
    assert [line.split(":")[0] for line in participation.delegates] == ["Kamchatka Oblast", "Primorsky Krai"]
    assert participation.groups[-1].authorities[:2] == [
        "Sakhalin Energy Investment Company",
        "Japan External Trade Organization (JETRO)",
    ]


def test_delegates_by_a_family_name_in_capitals_and_a_post_without_an_honorific() -> None:
    participation = _participation(
        [
            "Republic of Korea",
            "- Gyeonggi-do: OH Se-jin, Logistics Policy Officer (in person)",
            "- Gangwon-do: KOTRA Busan, Trade Office",
            "Russia",
            "- Primorsky Krai: Dmitry VOLKOV, Adviser for Transport (online)",
        ]
    )
    # (a body after the colon, no post after its comma: no delegate)
    assert [line.split(":")[0] for line in participation.delegates] == ["Gyeonggi-do", "Primorsky Krai"]
    assert [(g.country, g.authorities) for g in participation.groups] == [
        ("Republic of Korea", ["Gyeonggi-do", "Gangwon-do (KOTRA Busan, Trade Office)"]),
        ("Russian Federation", ["Primorsky Krai"]),
    ]


def test_a_guest_country_after_a_semicolon_observes() -> None:
    assert _groups("Japan: Tottori Prefecture; China (guest): Xinjiang Uygur Autonomous Region") == [
        ("Japan", "member", ["Tottori Prefecture"]),
        ("China", "observer", ["Xinjiang Uygur Autonomous Region"]),
    ]


def test_a_companys_legal_form_after_a_comma_is_its_own() -> None:
    assert _groups("Observers: DBS Cruise Ferry Co., Ltd., Far Eastern Shipping Company (FESCO), Dalenergo, OAO")[-1][
        2
    ] == ["DBS Cruise Ferry Co., Ltd.", "Far Eastern Shipping Company (FESCO)", "Dalenergo, OAO"]


def test_a_bracketed_country_glued_to_its_authority_and_a_marked_observer() -> None:
    assert _groups("Participants：", "［Russia］ Primorsky Krai", "［Mongolia］Dornogovi Province ※observer") == [
        ("Russian Federation", "member", ["Primorsky Krai"]),
        ("Mongolia", "observer", ["Dornogovi Province"]),
    ]
    assert _groups("[Russia] Primorsky Krai", "[Mongolia]Tov Province (observer)") == [
        ("Russian Federation", "member", ["Primorsky Krai"]),
        ("Mongolia", "observer", ["Tov Province"]),
    ]


def test_an_observers_mark_in_corner_brackets_and_a_reference_marks_observer_line() -> None:
    """ "《※ Participated as observer》" after a name in a table's cell marks that name; a
    line after a reference mark that says a region took part as an observer names it
    without the mark."""
    table = ("| Country | No. | Member regional governments |", "|---|---|---|")
    assert _groups(
        *table,
        "| Russian Federation | 1 | Primorsky Krai |",
        "| DPR Korea | 1 | Hamgyongbuk-do 《※ Participated as observer》 |",
    ) == [("Russian Federation", "member", ["Primorsky Krai"]), ("DPR Korea", "observer", ["Hamgyongbuk-do"])]
    assert _groups("- Russia (2) : Primorsky Krai, Sakhalin Oblast", "※ Dornod Province took part as observer.")[-1][
        2
    ] == ["Dornod Province"]


def test_country_names_spread_to_line_up_and_observers_in_the_pages_language() -> None:
    """A Korean report spreads short country names with spaces ("한 국", "몽 골") and heads its
    observers "※ 옵서버 :"."""
    assert _groups(
        "- 한 국(2) : 경상북도, 강원도(Gangwon-do)",
        "- 몽 골(1) : 투브도(Tov Province)",
        "※ 옵서버 : 도르노드도(Dornod Province, 몽골)",
    ) == [
        ("Republic of Korea", "member", ["경상북도", "강원도(Gangwon-do)"]),
        ("Mongolia", "member", ["투브도(Tov Province)"]),
        (None, "observer", ["도르노드도(Dornod Province, 몽골)"]),
    ]


def test_an_abbreviated_prefecture_keeps_its_dot() -> None:
    assert _groups("Japan: Kyoto Pref., Fukui Pref.") == [("Japan", "member", ["Kyoto Pref.", "Fukui Pref."])]


def test_a_body_s_office_after_a_comma_is_that_body_s() -> None:
    assert _groups(
        "Observers: Korea Trade-Investment Promotion Agency (KOTRA), Vladivostok office; ERINA",
    )[-1][2] == ["Korea Trade-Investment Promotion Agency (KOTRA) (Vladivostok office)", "ERINA"]
    # (an office of a kind, capitalised, then the town it is in)
    assert _groups("Observers: United Nations Environment Programme (UNEP), Regional Office, Bangkok; ERINA")[-1][
        2
    ] == ["United Nations Environment Programme (UNEP) (Regional Office) (Bangkok)", "ERINA"]


def test_delegates_in_a_table_s_columns_in_an_aside_or_under_a_heading_by_name_alone() -> None:
    participation = _participation(
        [
            "Country | Region | Head of delegation | Post and organization",
            "Russia | Krasnoyarsk Krai | Mr. Anatoly V. Zhuravlyov | Deputy Chairman, Government of Krasnoyarsk Krai",
            "China",
            "Heilongjiang Province / 黑龙江省 (Head: Mr. Zhou Yan, Deputy Director-General, Tourism Administration)",
            "Heads of delegation",
            "Mr. B. Kazbek, Deputy Governor of Bayan-Ulgii Aimag",
        ]
    )
    assert [(g.country, g.authorities) for g in participation.groups] == [
        ("Russian Federation", ["Krasnoyarsk Krai"]),
        ("China", ["Heilongjiang Province (黑龙江省)"]),
    ]
    assert participation.delegates == [
        "Krasnoyarsk Krai: Mr. Anatoly V. Zhuravlyov, Deputy Chairman, Government of Krasnoyarsk Krai",
        "Heilongjiang Province (黑龙江省): Mr. Zhou Yan, Deputy Director-General, Tourism Administration",
        "Mr. B. Kazbek, Deputy Governor of Bayan-Ulgii Aimag",
    ]


def test_a_paragraph_of_prose_after_the_participants_is_no_part_of_their_list() -> None:
    record, groups = _record_groups(
        "The 2023 Forum\n· Overview\nDate: 30 August 2023\nParticipants: 3 member regional governments\n"
        "Vietnam\n- Khanh Hoa Province (observer)\n\n"
        "Yeongjong Island, which was joined to the islands of Sammok and Yongyu by land reclamation in the "
        "1990s, is today a district of hotels, while many routes to China, Mongolia and Russia were still closed.\n"
    )
    assert groups == [("Vietnam", "observer", ["Khanh Hoa Province"])]
    # (a report on the meeting, a section of its own with no heading, as below a participants' section)
    (report,) = [section for section in record.sections if section.heading is None]
    assert report.lines[0].startswith("Yeongjong Island, which was joined")
    assert "unplaced-text" not in [note.code for note in record.notes]


def test_a_paragraph_of_prose_below_a_participants_section_is_a_section_of_its_own() -> None:
    record, groups = _record_groups(
        "The 1st Meeting of the NEAR Subcommittee on Environment\n■ OVERVIEW\nDate : 1999.06.08\n\n"
        "■ PARTICIPANTS\nJapan\n- Toyama Prefecture\nObservers\n- Korea Water Resources Corporation (KOWACO)\n\n"
        "The meeting was attended by some seventy delegates, researchers and officials. Besides the officials "
        "of the member regions, experts came from the National Institute of Environmental Research, Kyungnam "
        "University in Masan and Gyeongsang National University in Chinju.\n\n■ CONTENTS\n① Opening address\n"
    )
    assert groups == [
        ("Japan", "member", ["Toyama Prefecture"]),
        (None, "observer", ["Korea Water Resources Corporation (KOWACO)"]),
    ]
    (report,) = [section for section in record.sections if section.heading is None]
    assert report.lines[0].startswith("The meeting was attended by some seventy delegates")
    assert "suspect-authority" not in [note.code for note in record.notes]


def test_a_delegate_by_the_post_alone_after_the_authoritys_colon() -> None:
    notes: list = []
    participation = _participation(
        [
            "China",
            "- Liaoning Province (辽宁省): Vice-Governor, head of delegation",
            "- Heilongjiang Province: Division Chief, Heilongjiang Provincial Department of Commerce",
            "Japan",
            "- Niigata Prefecture: Director for International Exchange",
            "- Toyama Prefecture",
            "- Tottori Prefecture: Governor's Office",
            "Russian Federation",
            "- Primorsky Krai: Adviser to the Governor, Government of Primorsky Krai",
            "- Primorsky Territory: Head of Foreign Economic Relations, Administration of Primorsky Territory",
            "Republic of Korea",
            "- Kangwon-do - Fisheries Officer",
            "- Gyeongsangbuk-do - Expert Group",
            "- Chungcheongbuk-do — chair of the NEAR Working Committee",
        ],
        notes,
    )
    # (a region and its body after the colon, under its country: the region, the body its aside)
    assert [(g.country, g.authorities) for g in participation.groups] == [
        ("China", ["Liaoning Province (辽宁省)", "Heilongjiang Province"]),
        ("Japan", ["Niigata Prefecture", "Toyama Prefecture", "Tottori Prefecture (Governor's Office)"]),
        ("Russian Federation", ["Primorsky Krai", "Primorsky Territory"]),
        (
            "Republic of Korea",
            [
                "Kangwon-do",
                "Gyeongsangbuk-do (Expert Group)",
                "Chungcheongbuk-do (chair of the NEAR Working Committee)",
            ],
        ),
    ]
    assert "unknown-country" not in [note.code for note in notes]
    # (a body after the colon, "Governor's Office", names no delegate)
    assert [re.split(r":| - ", line)[0] for line in participation.delegates] == [
        "Liaoning Province (辽宁省)",
        "Heilongjiang Province",
        "Niigata Prefecture",
        "Primorsky Krai",
        "Primorsky Territory",
        "Kangwon-do",
    ]


def test_a_regions_delegates_bulleted_by_post_and_body_under_it() -> None:
    participation = _participation(
        [
            "RUSSIAN FEDERATION (2)",
            "Republic of Buryatia (Республика Бурятия)",
            "- Deputy Chairman of the Government -- Government of the Republic of Buryatia",
            "- Head of District -- Kabansky District Administration",
            "Irkutsk Oblast (Иркутская область)",
            "- Senior Researcher -- Limnological Institute SB RAS",
            "INTERNATIONAL ORGANIZATIONS (observers)",
            "- Programme Officer -- United Nations Development Programme (UNDP)",
        ]
    )
    # (the regions are the country's authorities, each body its delegate's; a body of no region is the participant)
    assert [(g.country, g.authorities) for g in participation.groups] == [
        ("Russian Federation", ["Republic of Buryatia (Республика Бурятия)", "Irkutsk Oblast (Иркутская область)"]),
        (None, ["United Nations Development Programme (UNDP)"]),
    ]
    assert participation.delegates == [
        "Republic of Buryatia (Республика Бурятия): Deputy Chairman of the Government, "
        "Government of the Republic of Buryatia",
        "Republic of Buryatia (Республика Бурятия): Head of District, Kabansky District Administration",
        "Irkutsk Oblast (Иркутская область): Senior Researcher, Limnological Institute SB RAS",
        "Programme Officer, United Nations Development Programme (UNDP)",
    ]


def test_a_participation_sections_delegates_stay_under_the_fields_summary() -> None:
    record = parse(
        read_bytes(
            (
                "The 3rd Meeting\n1. Overview\n※ Date: 2003.07.15\n※ Participation: 2 member regional governments\n\n"
                "2. Participation\n\nJAPAN (2)\n\nToyama Prefecture\n"
                "- Director for Environmental Policy -- Toyama Prefectural Government\nTottori Prefecture\n"
                "- Chief -- Tottori Prefectural Government\n\n3. Contents\n- Talks.\n"
            ).encode(),
            "x.txt",
        )
    )
    participation = record.overview.participation
    assert participation.stated_authorities == 2
    assert [line.split(":")[0] for line in participation.delegates] == ["Toyama Prefecture", "Tottori Prefecture"]


def test_observers_listed_inside_a_countrys_block_end_at_the_next_members_heading() -> None:
    lines = [
        "MONGOLIA (1)",
        "Selenge Aimag",
        "Observers",
        "- Water Resources Officer -- Ministry of Nature and Environment of Mongolia",
        "",
        "JAPAN (1)",
        "Toyama Prefecture",
    ]
    assert _groups(*lines) == [
        ("Mongolia", "member", ["Selenge Aimag"]),
        (None, "observer", ["Ministry of Nature and Environment of Mongolia"]),
        ("Japan", "member", ["Toyama Prefecture"]),
    ]
    # (countries right after the observers' heading are its observers)
    assert _groups("MONGOLIA (1)", "Selenge Aimag", "OBSERVERS", "JAPAN (1)", "Toyama Prefecture")[-1] == (
        "Japan",
        "observer",
        ["Toyama Prefecture"],
    )


def test_a_counted_list_after_an_observers_mark_is_bodies_of_no_country() -> None:
    text = (
        "Mongolia (1; Dornod Province) 《※ Participated as observer》 "
        "(2; United Nations University, Asian Development Bank Institute)"
    )
    assert _groups(text) == [
        ("Mongolia", "member", ["Dornod Province"]),
        (None, "observer", ["United Nations University", "Asian Development Bank Institute"]),
    ]


def test_a_delegates_section_lists_the_authorities_where_nothing_else_does() -> None:
    listed = (
        "The 5th NEAR Science and Technology Subcommittee\n\n» OVERVIEW\nDate: 20 October 2009\n"
        "Participants: 11 member regions of 5 countries\n\n» DELEGATES\nJapan\n"
        "• Hyogo Prefecture – Mr. Tetsuo Kinoshita, Vice-Governor\nKorea\n"
        "• Gyeongsangbuk-do – Mr. Park Sung-ho, Director-General\n\n» CONTENTS\n• Reports of the members\n"
    )
    _, groups = _record_groups(listed)
    assert groups == [("Japan", "member", ["Hyogo Prefecture"]), ("Republic of Korea", "member", ["Gyeongsangbuk-do"])]
    # ... and where the overview lists them, the delegates' section stays as written
    record = parse(
        read_bytes(
            listed.replace(
                "Participants: 11 member regions of 5 countries",
                "Participants: Japan: Hyogo Prefecture; Korea: Gyeongsangbuk-do",
            ).encode(),
            "x.txt",
        )
    )
    assert record.overview is not None and record.overview.participation is not None
    assert len(record.overview.participation.groups) == 2
    assert [section.heading for section in record.sections] == ["DELEGATES"]


def test_a_regional_governments_section_with_names_in_two_languages() -> None:
    _, groups = _record_groups(
        "NEAR Subcommittee on Culture Exchange\n\nOVERVIEW\nPeriod: 11–13 July 2006\n\n"
        "REGIONAL GOVERNMENTS / РЕГИОНАЛЬНЫЕ ПРАВИТЕЛЬСТВА\nRussian Federation\n"
        "Chita Oblast / Читинская область (host)\nRepublic of Sakha (Yakutia) / Республика Саха (Якутия)\n"
        "Mongolia\nDornod Aimag / Дорнод аймаг\n\nPROGRAMME\n11 July Opening\n"
    )
    assert groups == [
        (
            "Russian Federation",
            "member",
            ["Chita Oblast (Читинская область) (host)", "Republic of Sakha (Yakutia) (Республика Саха (Якутия))"],
        ),
        ("Mongolia", "member", ["Dornod Aimag (Дорнод аймаг)"]),
    ]


def test_a_numbered_list_of_authorities_each_with_its_country_in_brackets_and_its_body() -> None:
    _, groups = _record_groups(
        "NEAR Maritime and Fishery Subcommittee\n\nOVERVIEW\nDate: 2022\n"
        "Participants: 4 regional governments from 3 countries\n"
        "1. Jeollanam-do (Korea) – Jeollanam-do Ocean and Fisheries Science Institute\n"
        "2. Tottori Prefecture (Japan) – Tottori Prefectural Government (online)\n"
        "3. Primorsky Krai (Russia) – Pacific Branch of VNIRO (TINRO) (online)\n"
        "4. Niigata Prefecture (Japan) – observer\n\nCONTENTS\n- Reports were heard.\n"
    )
    assert groups == [
        ("Republic of Korea", "member", ["Jeollanam-do (Jeollanam-do Ocean and Fisheries Science Institute)"]),
        ("Japan", "member", ["Tottori Prefecture (Tottori Prefectural Government)"]),
        ("Russian Federation", "member", ["Primorsky Krai (Pacific Branch of VNIRO (TINRO))"]),
        ("Japan", "observer", ["Niigata Prefecture"]),
    ]


def test_names_in_their_own_script_first_then_in_english() -> None:
    _, groups = _record_groups(
        "NEAR Subcommittee on Culture Exchange\n\nOVERVIEW\nPeriod: 11–13 July 2006\n\n"
        "REGIONAL GOVERNMENTS\nMongolia\nХовд аймаг / Khovd Province (host)\nУвс аймаг / Uvs Province\n\n"
        "PROGRAMME\n11 July Opening\n"
    )
    assert groups == [("Mongolia", "member", ["Khovd Province (Ховд аймаг) (host)", "Uvs Province (Увс аймаг)"])]


def test_a_spaced_table_with_each_regions_delegation_and_a_row_of_guests_below_it() -> None:
    rows = [
        ("Country", "Member region", "Delegation", "Persons"),
        ("Japan", "Toyama Prefecture", "Toyama Prefectural Government, International Affairs Division", "2"),
        ("Japan", "Niigata Prefecture", "Niigata Prefectural Government", "1"),
        ("Russia", "Sakhalin Region", "Sakhalin Region Administration", "1"),
    ]
    table = "".join(f"\t{a:<11}{b:<20}{c:<64}{d}\n" for a, b, c, d in rows)
    guests = f"\t{'Invited':<11}{'Korea Maritime Institute (KMI)':<84}2\n"
    _, groups = _record_groups(
        "The 2nd NEAR Working Committee Meeting\n· Overview\nPeriods\nJune 16, 1998\n\nParticipation\n"
        f"3 member regions from 2 countries\n\n{table}\t\n{guests}\n· Contents\n▷Reports were heard.\n"
    )
    assert groups == [
        (
            "Japan",
            "member",
            [
                "Toyama Prefecture (Toyama Prefectural Government, International Affairs Division)",
                "Niigata Prefecture (Niigata Prefectural Government)",
            ],
        ),
        ("Russian Federation", "member", ["Sakhalin Region (Sakhalin Region Administration)"]),
        (None, "observer", ["Korea Maritime Institute (KMI)"]),
    ]


def test_observers_a_line_each_ended_by_a_semicolon_and_a_name_wrapped_over_two() -> None:
    _, groups = _record_groups(
        "Senior Officials' Meeting\n\n[ OUTLINE ]\n\nDate .............. June 27, 1994\n"
        "Participants ...... 2 regional governments from 1 country\n\n"
        "Japan (2) ....... Hyogo Prefecture, Shimane Prefecture\n\n"
        "Observers ......... Economic Research Institute for Northeast Asia (ERINA);\n"
        "Council of Local Authorities for International\nRelations (CLAIR);\n"
        "Tumen Secretariat of the United Nations Development\nProgramme (UNDP)\n\n"
        "[ RECORD OF DISCUSSION ]\n1) Opening\nThe meeting opened.\n"
    )
    assert groups[-1] == (
        None,
        "observer",
        [
            "Economic Research Institute for Northeast Asia (ERINA)",
            "Council of Local Authorities for International Relations (CLAIR)",
            "Tumen Secretariat of the United Nations Development Programme (UNDP)",
        ],
    )


def test_observers_heading_then_its_names_after_a_space() -> None:
    assert _groups(
        "Korea (2) Kyongsangbuk-do, Kangwon-do",
        "Observers Ministry of Home Affairs of Japan, Council of Local Authorities for International Relations",
    ) == [
        ("Republic of Korea", "member", ["Kyongsangbuk-do", "Kangwon-do"]),
        (
            None,
            "observer",
            ["Ministry of Home Affairs of Japan", "Council of Local Authorities for International Relations"],
        ),
    ]


def test_headings_and_an_observers_label_in_two_languages_end_the_participants_table() -> None:
    record, groups = _record_groups(
        "NEAR Environment Subcommittee Workshop 2018\n\nЕрөнхий мэдээлэл | Overview\n\n"
        "- Огноо / Date: 2018.08.14 ~ 08.16\n- Оролцогчид / Participants: 3 regional governments from 2 countries\n\n"
        "| Country | Regional governments |\n|---|---|\n| Mongolia | Tov Province, Selenge Province |\n"
        "| Japan | Toyama Prefecture |\n\n- Ажиглагчид / Observers: WWF Mongolia; Korea National Park Service\n\n"
        "Хөтөлбөр | Programme\n\n| Day | Time | Item |\n|---|---|---|\n| 14 Aug | 10:00 | Opening |\n\n"
        "Хустай | About Khustai\n\nHustai National Park lies west of Ulaanbaatar.\n\n"
        "Зөвлөмж | Recommendations\n\n1. exchange experience.\n"
    )
    assert groups == [
        ("Mongolia", "member", ["Tov Province", "Selenge Province"]),
        ("Japan", "member", ["Toyama Prefecture"]),
        (None, "observer", ["WWF Mongolia", "Korea National Park Service"]),
    ]
    assert [section.heading for section in record.sections] == ["Хөтөлбөр | Programme", "Хустай | About Khustai"]
    assert record.declaration is not None


def test_a_short_row_of_a_table_whose_country_column_is_not_the_first() -> None:
    _, groups = _record_groups(
        "Meeting\n· Overview\nPeriods\nJune 16, 1998\n\nParticipation\n2 member regions\n\n"
        "No. | Region | Country\n1 | Toyama Prefecture | Japan\n2 | Tottori Prefecture\n\n"
        "· Contents\n▷Reports were heard.\n"
    )
    assert groups == [("Japan", "member", ["Toyama Prefecture", "Tottori Prefecture"])]


@pytest.mark.parametrize(
    ("text", "split"),
    [
        ("Toyama Prefecture (富山県)", ("Toyama Prefecture", "富山県")),
        ("Mitsuke City（見附市）", ("Mitsuke City", "見附市")),  # (full-width, glued, as Japanese pages write it)
        (
            "Republic of Sakha (Yakutia)（Республика Саха (Якутия)）",
            ("Republic of Sakha (Yakutia)", "Республика Саха (Якутия)"),
        ),
        ("Kyoto (a) b", None),
    ],
)
def test_a_names_aside_in_brackets_of_either_width(text: str, split: tuple[str, str] | None) -> None:
    from pipeline.parser.text import split_aside

    assert split_aside(text) == split


def test_a_tables_label_keeps_no_bracket_it_lost_the_partner_of() -> None:
    text = (
        "2019 NEAR International Forum on Mountain Tourism\n\nOVERVIEW\n[Date] 26–27 October 2019\n"
        "| Venue] | Hoki Town, Tottori Prefecture, Japan |\n| Coordinator] | NEAR Tourism Subcommittee |\n"
    )
    overview = parse(read_bytes(text.encode(), "x.txt")).overview
    assert overview is not None and overview.venue is not None and overview.venue.country == "Japan"
    assert [(field.label, field.text) for field in overview.other] == [("Coordinator", "NEAR Tourism Subcommittee")]


def test_fields_before_a_summary_in_prose_are_the_overview() -> None:
    text = (
        "NEAR Subcommittee on Economy and Trade\n\nDate ........... 14–16 September 1999\n"
        "Venue .......... Okeanskaya, Vladivostok, Primorsky Krai, Russian Federation\n"
        "Organizer ...... Primorsky Krai, Administration\n\nPROGRAMME\n• Opening address\n\n"
        "SUMMARY\nPrimorye is the Russian partner in the Tumen River Area Development Programme.\n"
    )
    record = parse(read_bytes(text.encode(), "x.txt"))
    assert record.overview is not None and record.overview.period is not None
    assert record.overview.venue is not None and record.overview.venue.country == "Russian Federation"
    assert "SUMMARY" in [section.heading for section in record.sections]


def test_a_listed_name_cut_before_its_bodys_head_word_goes_on_below() -> None:
    lines = (
        "Mongolia: Dornod Aimag, Tov Aimag",
        "Observers: Hamgyong-bukto (DPR Korea); UNDP; Economic Research",
        "Institute for Northeast Asia (ERINA); Far Eastern",
        "Shipping Company (FESCO)",
    )
    assert _groups(*lines)[-1] == (
        None,
        "observer",
        ["UNDP", "Economic Research Institute for Northeast Asia (ERINA)", "Far Eastern Shipping Company (FESCO)"],
    )
    # (but a region named alone, an acronym and a heading of bodies below stay apart)
    assert _groups("Japan: Toyama Prefecture, Hyogo", "Tottori Prefecture") == [
        ("Japan", "member", ["Toyama Prefecture", "Hyogo", "Tottori Prefecture"])
    ]
    assert _groups("Japan", "Niigata Prefecture; ERINA", "International organization", "UNESCAP") == [
        ("Japan", "member", ["Niigata Prefecture", "ERINA"]),
        (None, "observer", ["UNESCAP"]),
    ]


def test_an_observers_heading_after_its_translation_and_a_bar() -> None:
    assert _groups("Mongolia: Selenge Province", "Ажиглагч | Observers: Mongolian Tourism Association, Juulchin") == [
        ("Mongolia", "member", ["Selenge Province"]),
        (None, "observer", ["Mongolian Tourism Association", "Juulchin"]),
    ]


def test_a_period_and_an_observers_mark_after_a_long_run_of_spaces_are_read_in_linear_time() -> None:
    # (a time of day, a range's separator and an observer's mark were tried from each space of a
    # run: 26 s for a period and 25 s for a name on 20,000 spaces)
    import time

    from pipeline.parser.dates import DateError, parse_period
    from pipeline.parser.overview import strip_observer_suffix

    started = time.perf_counter()
    with pytest.raises(DateError):
        parse_period("2019.10.24" + " " * 20000 + "x")
    strip_observer_suffix("Tov Province" + " " * 20000 + "※")
    assert time.perf_counter() - started < 0.5


def test_fields_numbered_by_chinese_numerals_with_bilingual_labels() -> None:
    # (an English page of a Chinese site: "（一）时间 Date：...", the observers' heading and a
    # label that ends the list in both languages, a space between them)
    text = (
        "The 2001 Meeting of the NEAR Subcommittee on Culture Exchange\n"
        "一、会议概况 Overview\n"
        "（一）时间 Date：2001.08.20—08.22\n"
        "（二）地点 Venue：Shangjing Guesthouse, Bohai Town, Ning’an City, P.R. China\n"
        "（三）参加 Participants：3 member regional governments from 2 countries\n"
        "中国 China：Heilongjiang Province, Jilin Province\n"
        "日本 Japan：Toyama Prefecture\n"
        "观察员 Observer：Henan Province (China)\n"
        "（四）列席 Also attending：experts of Jilin University\n"
        "二、会议内容 Contents\n"
        "（一）Opening addresses\n"
        "（二）Reports of the member regions\n"
    )
    record, groups = _record_groups(text)
    assert record.overview is not None and record.overview.period is not None
    assert (record.overview.period.start.isoformat(), record.overview.period.end.isoformat()) == (
        "2001-08-20",
        "2001-08-22",
    )
    assert record.overview.venue is not None and record.overview.venue.country == "China"
    assert groups == [
        ("China", "member", ["Heilongjiang Province", "Jilin Province"]),
        ("Japan", "member", ["Toyama Prefecture"]),
        ("China", "observer", ["Henan Province"]),
    ]
    assert [(field.label, field.text) for field in record.overview.other] == [
        ("列席 Also attending", "experts of Jilin University")
    ]
    assert [item.text for item in record.contents] == ["Opening addresses", "Reports of the member regions"]


def test_the_rows_of_a_dot_leader_list_after_a_declaration_are_each_a_paragraph() -> None:
    text = (
        "The 5th NEAR Working Committee Meeting\n· Overview\nPeriod: 2012\n· Contents\n▷ Talks.\n"
        "· Yoka Agreement\n1. The members will meet in 1994.\nAgreed at Yoka, 14 December 1993.\n\nDISTRIBUTION\n"
        "Kyoto Prefectural Government .................... Kyoto\n"
        "Kyongsangbuk-do Provincial Government ........... Taegu\n"
        "Tuv Aimak Governor's Office ..................... Zuunmod\n"
        "(Төв аймаг)\n"
    )
    record = parse(read_bytes(text.encode(), "x.txt"))
    assert record.declaration is not None
    *_, first_row, second_row, third_row = record.declaration.closing
    assert first_row.endswith("Kyoto Prefectural Government .................... Kyoto")
    assert second_row == "Kyongsangbuk-do Provincial Government ........... Taegu"
    # (a row goes on where the line after it opens with a bracket)
    assert third_row == "Tuv Aimak Governor's Office ..................... Zuunmod (Төв аймаг)"


def test_a_japanese_pages_fields_behind_the_glyph_that_also_opens_its_english_summary() -> None:
    """ "■English summary" makes a section marker of "■", and a link's "・PDF 共同声明（PDF：182KB）"
    one of "・": the overview's "■日時 ..." lines are its fields still, its "・日本：..." lines its
    participants, its year counted in Heisei."""
    text = (
        "「NEAR健康・福祉フォーラム in もがみ」を開催しました\n\n本文です。\n\n【開催概要】\n"
        "■日時　平成28年10月20日（木曜日）～21日（金曜日）\n■会場　ウェルネスプラザ最上（山形県最上郡最上町）\n"
        "■主催　山形県、最上町、NEAR事務局\n■後援　厚生労働省、WHO健康開発総合研究センター\n■参加　5か国16地域\n"
        "　・日本　　：山形県、新潟県、鳥取県\n　・ロシア　：沿海地方、ハバロフスク地方\n"
        "　※地元から最上町、新庄市、舟形町の保健師・介護職員も参加しました。\n\n"
        "【フォーラムの内容】\n１　基調講演\n講演しました。\n\n■English summary\nThe forum was held in Mogami.\n\n"
        "関連リンク\n・PDF 共同声明（日本語・英語）（PDF：182KB）\n"
    )
    record = parse(read_bytes(text.encode(), "x.txt"))
    overview = record.overview
    assert overview is not None and overview.period is not None and overview.participation is not None
    assert (overview.period.start, overview.period.end) == (date(2016, 10, 20), date(2016, 10, 21))
    assert overview.venue is not None and overview.venue.text.startswith("ウェルネスプラザ最上")
    assert overview.organizer is not None and overview.organizer.text == "山形県、最上町、NEAR事務局"
    assert [field.label for field in overview.other] == ["後援", ""]  # (and the reference mark's remark)
    groups = overview.participation.groups
    assert [(group.country_code, group.authorities) for group in groups] == [
        ("JP", ["山形県", "新潟県", "鳥取県"]),
        ("RU", ["沿海地方", "ハバロフスク地方"]),
    ]
    assert [section.heading for section in record.sections if section.heading] == ["English summary"]


def test_a_russian_protocol_under_its_approval_stamp() -> None:
    """The approval stamp ("УТВЕРЖДАЮ", the official, the signature line, the date) is no title
    and no field: a section of its own. The title is the letter-spaced "ПРОТОКОЛ" and the meeting
    it names in the genitive on the lines below it; the table's Russian columns are read, a unit's
    noun before a region's name in lower case kept ("провинция Канвондо"), "КНР" is China."""
    text = (
        "                         УТВЕРЖДАЮ\n                Заместитель председателя\n"
        "                Правительства Сахалинской области\n                ________ С.П. Иванов\n\n"
        "              П Р О Т О К О Л   № 3\n\n         заседания Рабочей группы по спортивным обменам\n"
        "   Ассоциации региональных администраций стран Северо-Восточной Азии\n\n"
        "Присутствовали:\n"
        "| № | Страна | Регион | Чел. |\n| 1 | Российская Федерация | Сахалинская область | 6 |\n"
        "| 2 | Республика Корея | провинция Канвондо | 2 |\n| 3 | КНР | провинция Хэйлунцзян | 2 |\n"
        "| 4 | Япония | Хоккайдо (наблюдатель) | 2 |\n\n"
        "ПОВЕСТКА ДНЯ:\n    1. О ходе подготовки Игр.\n    2. Разное.\n\n"
        "ВЫСТУПИЛИ:\n    Ким Мин Хо (провинция Канвондо) – о подготовке.\n\n"
        "РЕШИЛИ:\n    1.1. Информацию принять к сведению.\n"
    )
    record = parse(read_bytes(text.encode(), "x.txt"))
    assert record.title == (
        "ПРОТОКОЛ № 3 заседания Рабочей группы по спортивным обменам "
        "Ассоциации региональных администраций стран Северо-Восточной Азии"
    )
    assert record.meeting.kind == "working-committee"
    assert record.sections[0].heading is None and record.sections[0].lines[0] == "УТВЕРЖДАЮ"
    assert record.overview is not None and record.overview.participation is not None
    assert [(group.country_code, group.authorities) for group in record.overview.participation.groups] == [
        ("RU", ["Сахалинская область"]),
        ("KR", ["провинция Канвондо"]),
        ("CN", ["провинция Хэйлунцзян"]),
        ("JP", ["Хоккайдо"]),
    ]
    assert record.overview.participation.groups[-1].role == "observer"
    assert [item.text for item in record.contents] == ["О ходе подготовки Игр.", "Разное."]
    assert record.declaration is not None and record.declaration.title == "РЕШИЛИ"


def test_an_approval_stamp_with_no_blank_line_after_it_is_its_word_alone() -> None:
    """A stamp run on into the protocol takes no more than its word: the rest is read."""
    text = "УТВЕРЖДАЮ\n" + "".join(f"Строка {n}\n" for n in range(12)) + "\nПОВЕСТКА ДНЯ:\n1. О ходе подготовки Игр.\n"
    record = parse(read_bytes(text.encode(), "x.txt"))
    assert ["УТВЕРЖДАЮ"] in [section.lines for section in record.sections if section.heading is None]
    assert record.title == "Строка 0"


def test_a_chinese_pages_numbered_overview_with_its_participants_below_a_remark() -> None:
    """ "会议时间" and "会议地点" are the period and the venue; "（四）参会地方政府（括号内为英文名称）"
    heads the participants on the lines below, each country with its count of "个"; Mongolia as
    "蒙古国"; a remark that one took part as an observer makes it one; the agenda after them is
    no authority."""
    text = (
        "东北亚地区地方政府联合会教育交流分委员会第二次会议在长沙召开\n\n一、会议概况\n"
        "（一）会议时间：2013年10月15日—17日\n（二）会议地点：湖南省长沙市岳麓区\n"
        "（三）主办单位：湖南省人民政府、NEAR秘书处\n（四）参会地方政府（括号内为英文名称）\n"
        "　　中国（2个）：湖南省（Hunan Province）、黑龙江省\n　　日本（1个）：鸟取县（Tottori Prefecture）\n"
        "　　蒙古国（1个）：中央省（Tov Province）\n　　韩国（1个）：庆尚北道※以观察员身份参会\n"
        "（五）议程：\n①开幕式及致辞\n②主题发言\n\n二、会议主要内容\n会议通过了纪要。\n"
    )
    overview = parse(read_bytes(text.encode(), "x.txt")).overview
    assert overview is not None and overview.period is not None and overview.venue is not None
    assert (str(overview.period.start), str(overview.period.end)) == ("2013-10-15", "2013-10-17")
    assert overview.venue.text == "湖南省长沙市岳麓区"
    assert overview.organizer is not None and overview.organizer.name == "湖南省人民政府、NEAR秘书处"
    assert overview.participation is not None
    groups = [(g.country, g.role, g.stated, g.authorities) for g in overview.participation.groups]
    assert groups == [
        ("China", "member", 2, ["湖南省（Hunan Province）", "黑龙江省"]),
        ("Japan", "member", 1, ["鸟取县（Tottori Prefecture）"]),
        ("Mongolia", "member", 1, ["中央省（Tov Province）"]),
        ("Republic of Korea", "observer", 1, ["庆尚北道"]),  # (its remark: "took part as an observer")
    ]


def test_a_minutes_fields_in_brackets_with_their_values_in_two_languages_below() -> None:
    """A Russian protocol's fields: "[Дата / Date]" alone on its line under "MINUTES", the value
    below it in Russian and then in English: the overview's fields, each line in the other
    language a part of its own (two bodies, not one name run on into the other)."""
    text = (
        "ПРОТОКОЛ\nMINUTES\nof the meeting of the NEAR Logistics Subcommittee\n\n"
        "[Дата / Date]\n12–14 сентября 2017 г. / 12–14 September 2017\n"
        "[Место проведения / Venue]\nРоссийская Федерация, Приморский край, Владивосток\n"
        "Russian Federation > Primorsky Krai, Vladivostok\n"
        "[Организатор / Organizer]\nПравительство Приморского края\nGovernment of Primorsky Krai\n\n"
        "ПОСТАНОВИЛИ / RESOLVED\n1. Одобрить доклады участников. / To approve the reports.\n"
    )
    record = parse(read_bytes(text.encode(), "x.txt"))
    overview = record.overview
    assert overview is not None and overview.period is not None and overview.period.start.year == 2017
    assert overview.venue is not None and overview.organizer is not None
    assert overview.organizer.text == "Правительство Приморского края; Government of Primorsky Krai"
    assert " / Russian Federation" in overview.venue.text


def test_a_russian_pages_byline_is_no_title() -> None:
    """ "Опубликовано: 18.09.2017 10:15 | Просмотров: 312": the page's byline, under its
    breadcrumbs, is not the record's title; the protocol's heading is."""
    text = (
        "Главная / Новости / АРАССВА\nОпубликовано: 18.09.2017 10:15 | Просмотров: 312 | Версия для печати\n\n"
        "ПРОТОКОЛ\nзаседания Подкомиссии по логистике АРАССВА\n\n"
        "[Дата / Date]\n12–14 сентября 2017 г. / 12–14 September 2017\n"
        "[Место проведения / Venue]\nВладивосток, Приморский край / Vladivostok, Primorsky Krai\n"
    )
    record = parse(read_bytes(text.encode(), "x.txt"))
    assert record.title is not None and record.title.startswith("ПРОТОКОЛ")


def test_a_participants_tables_total_row_is_no_country() -> None:
    """ "| Total | 2 regional governments | 6 |": the table's total names no country and no
    authority, whatever its cells say of the counts."""
    table = (
        "Participants:\n"
        "| Country | Authorities | Delegates |\n|---|---|---|\n"
        "| Japan | Toyama Prefecture, Tottori Prefecture | 6 |\n"
        "| Total | 2 regional governments | 6 |\n"
    )
    text = f"The 5th NEAR Working Committee\n· Overview\nPeriod: 2010\n{table}· Contents\n▷ Talks.\n"
    record = parse(read_bytes(text.encode(), "x.txt"))
    assert not [note for note in record.notes if note.code in ("unknown-country", "suspect-authority")]


def test_a_field_that_names_the_meeting_is_the_records_title() -> None:
    """ "Хурлын нэр / Title: 9th Meeting of ...": the overview's field that names the meeting is
    the record's title, not the letterhead above it; it is no other field besides."""
    text = (
        "Уул уурхай, эрчим хүчний дэд хороо / Subcommittee on Mining and Energy\n"
        "Хуралдааны мэдээлэл / Meeting information\n\n"
        "Хурлын нэр / Title:\t9th Meeting of the NEAR Subcommittee on Mining and Energy\n"
        "Огноо / Date:\t2025.09.16 – 09.18\n"
        "Байршил / Venue:\tUlaanbaatar, Mongolia\n"
    )
    record = parse(read_bytes(text.encode(), "x.txt"))
    assert record.title == "9th Meeting of the NEAR Subcommittee on Mining and Energy"
    assert record.meeting.kind == "subcommittee" and record.meeting.number == 9
    assert record.overview is not None and not [field for field in record.overview.other if "Title" in field.label]
    # (the line taken for the title before is kept, as written)
    assert record.sections[0].lines == ["Уул уурхай, эрчим хүчний дэд хороо / Subcommittee on Mining and Energy"]


def test_headings_in_two_languages_are_counted_by_their_latin_words() -> None:
    """ "Нүхтийн хамтарсан мэдэгдэл / Nükht Joint Statement" alone on its line: a bare heading
    of three words, the closing document, as its English side says (its Mongolian side would
    make it too long to be one)."""
    text = (
        "The 9th Meeting of the NEAR Subcommittee on Mining and Energy\n\n"
        "Огноо / Date: 2025.09.16\n\n"
        "Хэлэлцсэн асуудал / Discussions\nThe Governor opened the meeting.\n\n"
        "Нүхтийн хамтарсан мэдэгдэл / Nükht Joint Statement\n"
        "1. Members will share data on water use.\n2. The 10th meeting will be held in 2027.\n"
    )
    record = parse(read_bytes(text.encode(), "x.txt"))
    assert record.declaration is not None and len(record.declaration.resolutions) == 2


def test_a_box_drawn_tables_observer_row_goes_on_in_the_row_below() -> None:
    """ "│Observer│Hamgyong-bukto (DPR Korea),│" over "│        │Rep. of Buryatia (Russia)│": the
    row below, its country cell empty, goes on with the observers (not Russia's members)."""
    text = (
        "The 4th Working Committee Meeting of NEAR\n【概要 Overview】\n■日時（Date）：2000年11月21日\n"
        "■参加（Participants）：2 regional governments from 2 countries and 2 observers\n"
        "┌────────┬──────────────────────────┬──┐\n"
        "│Country │Member regional governments│No│\n"
        "├────────┼──────────────────────────┼──┤\n"
        "│Japan   │Ishikawa Pref.             │ 1│\n"
        "├────────┼──────────────────────────┼──┤\n"
        "│Russia  │Amur Oblast                │ 1│\n"
        "├────────┼──────────────────────────┼──┤\n"
        "│Observer│Hamgyong-bukto (DPR Korea),│ 2│\n"
        "│        │Rep. of Buryatia (Russia)  │  │\n"
        "└────────┴──────────────────────────┴──┘\n"
        "【議事 Agenda】\n■1　Reports\n"
    )
    record = parse(read_bytes(text.encode("utf-8"), "x.txt"))
    assert record.overview is not None and record.overview.participation is not None
    groups = {(group.country, group.role): group.authorities for group in record.overview.participation.groups}
    assert groups[("Russian Federation", "member")] == ["Amur Oblast"]
    assert groups[("Russian Federation", "observer")] == ["Rep. of Buryatia"]
    assert groups[("Japan", "member")] == ["Ishikawa Pref."]  # (its dot kept: the abbreviation's)


def test_a_news_articles_headline_over_its_byline_is_the_title_and_its_menus_are_dropped() -> None:
    """A newspaper's page: its name, a bar of links and a breadcrumb over the headline, the
    byline under it. The headline is the title; the menus are no part of the record."""
    text = (
        "Hyogo Herald | English Edition\nLOGIN  |  SUBSCRIBE  |  日本語\n"
        "Top  |  Local  |  Business  |  Society  |  Opinion  |  Photos\nHome > Local > International\n\n"
        "Young leaders of Northeast Asia share lessons of disasters in Kobe\n\n"
        "By Aya Morimoto / Staff Writer\nJanuary 21, 2020\nShare:  Facebook  Twitter  LINE  Mail\n\n"
        "[PHOTO] Participants of the NEAR Women and Youth Forum on Disaster Resilience at the memorial.\n\n"
        "KOBE — About 150 women and young people met at the NEAR Women and Youth Forum in Kobe.\n\n"
        "Event information\nDates: Jan. 17–18, 2020\nVenue: Maiko Villa Kobe, Kobe, Hyogo Prefecture\n"
    )
    record = parse(read_bytes(text.encode(), "x.txt"))
    assert record.title == "Young leaders of Northeast Asia share lessons of disasters in Kobe"
    written = " ".join(
        [
            *(field.text for field in (record.overview.other if record.overview else [])),
            *(line for section in record.sections for line in section.lines),
        ]
    )
    assert "Photos" not in written and "Hyogo Herald" in written


def test_the_overviews_lines_under_no_field_are_kept_a_paragraph_each() -> None:
    """A portal's name, its breadcrumb and a posting line are no one text (a name at the end of one
    ran on into the next, "Republic of Sakha (Yakutia) Главная"); a list's row pushed over to the
    next line ("Inner Mongolia" over "Autonomous Region") goes on."""
    texts = [
        "Official Information Portal of the Republic of Sakha (Yakutia)",
        "Главная / Новости / Внешние связи | Home / News / External Relations",
        "12.07.2013 14:05 | Department of Foreign Relations",
        "CHINA      Heilongjiang Province, Jilin Province, Inner Mongolia",
        "Autonomous Region",
        "Dates: 9-11 July 2013",
    ]
    notes: list = []
    overview = parse_overview([Line(number, text) for number, text in enumerate(texts, 1)], notes)
    assert [field.text for field in overview.other if not field.label] == [
        *texts[:3],
        "CHINA      Heilongjiang Province, Jilin Province, Inner Mongolia Autonomous Region",
    ]
    assert [note.code for note in notes] == ["unplaced-text"]


def test_a_portals_masthead_over_the_title_is_a_section_of_its_own_first_in_the_texts_order() -> None:
    """The portal's name and breadcrumb above a news page's headline are neither the title nor the
    overview's text (Key facts listed them as notes); they come first among the other sections."""
    text = (
        "Government of Tomsk Oblast - official website\nHome / Press centre / News / International cooperation\n\n"
        "NEAR Science and Technology Subcommittee meets in Tomsk\n19.09.2019 10:42 | Press service | Views: 733\n\n"
        "Tomsk, 19 September 2019. Delegations of nine member regional governments met on 17-18 September.\n\n"
        "Date: 17-18 September 2019\nVenue: Tomsk State University, Tomsk\n\n"
        "The meeting agreed to exchange students between the universities of the member regions next year.\n"
    )
    record = parse(read_bytes(text.encode(), "x.txt"))
    assert record.title == "NEAR Science and Technology Subcommittee meets in Tomsk"
    assert record.overview is not None and record.overview.venue is not None
    assert not any("official website" in field.text for field in record.overview.other)
    assert record.sections[0].heading is None
    assert record.sections[0].lines[:2] == [
        "Government of Tomsk Oblast - official website",
        "Home / Press centre / News / International cooperation",
    ]


def test_the_paragraphs_below_a_numbered_list_of_outcomes_are_no_items_of_it() -> None:
    text = (
        "The 3rd Meeting of the NEAR Energy Subcommittee\n\nDate: 9-11 July 2013\nVenue: Tomsk\n\n"
        "OUTCOMES\n1. The members will exchange data on energy use in cold climates.\n"
        "2. The next meeting will be held in 2014.\n\n"
        "По итогам заседания участники посетили Томскую ГЭС и газоконденсатное месторождение, а также\n"
        "поблагодарили жителей Томска и Томской области за гостеприимство.\n\n"
        "Department of Foreign Relations of Tomsk Oblast\nAddress: 22 Lenin Street, Tomsk | Tel. +7 3822 00-00-00\n"
    )
    record = parse(read_bytes(text.encode(), "x.txt"))
    assert [item.text for item in record.contents] == [
        "The members will exchange data on energy use in cold climates.",
        "The next meeting will be held in 2014.",
    ]
    assert record.sections[-1].heading is None
    assert record.sections[-1].lines[0].startswith("По итогам заседания")
    assert record.sections[-1].lines[-1].startswith("Address: 22 Lenin Street")


def test_fields_numbered_as_japanese_and_typed_records_number_them() -> None:
    """ "１．日　時 (Date)　：...", "2. PLACE : ...": the number is no part of the label."""
    text = (
        "RECORD OF THE 1997 MEETING OF THE NEAR WORKING COMMITTEE\n\n【Outline of the Meeting】\n\n"
        "１．日　時 (Date)　　　：12 (Wed.) - 13 (Thu.) November 1997\n"
        "２．場　所 (Venue)　　 ：Hotel Suimeiso, Togo Town, Tottori Prefecture, Japan\n"
        "３．協　力 (Support)　 ：Togo Town Office\n"
        "4. HOST : Tottori Prefecture\n"
    )
    overview = parse(read_bytes(text.encode(), "x.txt")).overview
    assert overview is not None and overview.period is not None and overview.venue is not None
    assert overview.period.start == date(1997, 11, 12)
    assert overview.venue.country == "Japan"
    assert overview.organizer is not None and overview.organizer.name == "Tottori Prefecture"
    assert [field.label for field in overview.other] == ["協 力 (Support)"]


def test_a_cover_letter_above_the_fields_is_a_section_of_its_own_first() -> None:
    """A fax's or a mail's letter over the record's fields: the fields are the overview (they were
    lost in the letter's paragraph), the letter a section before the report."""
    text = (
        "RECORD OF THE WORKING-LEVEL MEETING OF NEAR\n\nDear colleagues,\n\n"
        "Attached please find the record of the meeting held at Takeno, which the delegations are "
        "asked to check and return with their comments by 10 August 1994.\n\nYours faithfully,\nDirector\n\n"
        "DATE : 25 (Mon.) - 26 (Tue.) July 1994\nPLACE : Kitamaekan, Takeno Town, Hyogo Prefecture, Japan\n\n"
        "The meeting was opened by the Vice-Governor of Hyogo Prefecture, who welcomed the delegations "
        "of four countries to the town.\n"
    )
    record = parse(read_bytes(text.encode(), "x.txt"))
    assert record.overview is not None and record.overview.period is not None
    assert record.overview.period.start == date(1994, 7, 25)
    assert not record.overview.other
    assert [section.lines[0] for section in record.sections] == [
        "Dear colleagues,",
        "The meeting was opened by the Vice-Governor of Hyogo Prefecture, who welcomed the delegations "
        "of four countries to the town.",
    ]


def test_a_list_of_authorities_laid_out_in_two_columns() -> None:
    text = (
        "RECORD OF THE 1999 MEETING OF THE NEAR WORKING COMMITTEE\n\n1. DATE : 13 - 15 October, 1999\n"
        "2. PARTICIPANTS : 5 regional governments of 2 countries\n   (1) CHINA (3)\n"
        "       - Jilin Province            - Heilongjiang Province\n       - Henan Province\n"
        "   (2) JAPAN (2)\n       - Toyama Prefecture         - Niigata Prefecture\n"
    )
    assert _record_groups(text)[1] == [
        ("China", "member", ["Jilin Province", "Heilongjiang Province", "Henan Province"]),
        ("Japan", "member", ["Toyama Prefecture", "Niigata Prefecture"]),
    ]


def test_a_numbered_list_of_participants_under_the_fields_with_a_header_whose_columns_were_lost() -> None:
    text = (
        "NEAR SUBCOMMITTEE ON DISASTER PREVENTION\nRecord of the 2nd Meeting\n\n"
        "1. Dates ................. 19-21 October 1999\n"
        "2. Venue ................. Yamasaki Town Hall, Hyogo Prefecture, Japan\n"
        "3. Participants .......... 8 regional governments from 5 countries\n"
        "4. List of participants\n\n"
        "Country          Region / Organization                          Persons\n"
        "-----------------------------------------------------------------------\n"
        "JAPAN            Hyogo Prefecture (coordinator)                    5\n"
        "                 Tottori Prefecture                                 2\n"
        "REP. OF KOREA    Kyongsangbuk-do                                    2\n"
        "                 Kangwon-do                                         1\n"
        "CHINA            Heilongjiang Province                              2\n"
        "                 Jilin Province                                     1\n"
        "RUSSIA           Khabarovsk Kray                                    2\n"
        "MONGOLIA         Tov Aimag                                          1\n\n"
        "Total                                                              16\n\n"
        "5. Proceedings\n\nThe meeting was opened by the Vice-Governor.\n"
    )
    record, groups = _record_groups(text)
    assert groups == [
        ("Japan", "member", ["Hyogo Prefecture (coordinator)", "Tottori Prefecture"]),
        ("Republic of Korea", "member", ["Kyongsangbuk-do", "Kangwon-do"]),
        ("China", "member", ["Heilongjiang Province", "Jilin Province"]),
        ("Russian Federation", "member", ["Khabarovsk Kray"]),
        ("Mongolia", "member", ["Tov Aimag"]),
    ]
    assert not [note for note in record.notes if "count" in note.code]


def test_a_tab_separated_table_whose_country_cell_is_empty_below_its_first_row() -> None:
    text = (
        "THE 14TH GENERAL ASSEMBLY OF NEAR\n\nOVERVIEW\n\nPeriod: 26-27 October 2022\n"
        "Participants: 5 member regions of 2 countries\n\n"
        "No.\tCountry\tMember region\tAttendance\n"
        "1\tChina\tHenan Province\thost, on site\n"
        "2\t\tHeilongjiang Province\ton site\n"
        "3\t\tJilin Province\tonline\n"
        "4\tJapan\tAomori Prefecture\tonline\n"
        "5\t\tYamagata Prefecture\tonline\n"
    )
    record, groups = _record_groups(text)
    assert groups == [
        ("China", "member", ["Henan Province", "Heilongjiang Province", "Jilin Province"]),
        ("Japan", "member", ["Aomori Prefecture", "Yamagata Prefecture"]),
    ]
    assert not [note for note in record.notes if note.code in ("unknown-country", "participation-count-mismatch")]


def _contents(lines: list[str]) -> list[tuple[str, list[str]]]:
    items = parse_contents([Line(number, text) for number, text in enumerate(lines, 1)])
    return [(item.text, [child.text for child in item.items]) for item in items]


def test_an_items_heading_over_its_paragraph_is_the_item_and_the_paragraph_under_it() -> None:
    paragraph = "In the early morning of January 2, 1997 the Russian tanker ran aground off the Oki Islands."
    assert _contents(
        [
            "(1) The accident",
            paragraph,
            "(2) Response",
            "The Maritime Safety Agency sent twelve vessels to the coast of Fukui.",
        ]
    ) == [
        ("The accident", [paragraph]),
        ("Response", ["The Maritime Safety Agency sent twelve vessels to the coast of Fukui."]),
    ]
    # (a line broken inside a name goes on: the next line opens no sentence)
    assert _contents(
        ["- UNWTO and the Gangwon", "Provincial Government signed a letter of intent on sustainable tourism."]
    ) == [("UNWTO and the Gangwon Provincial Government signed a letter of intent on sustainable tourism.", [])]
    # (nor a line that runs on from a joining word, nor a long first line wrapped)
    assert _contents(
        ["- Presentation of the", "Tumen River Area Development Programme on the free zone of Rajin and Sonbong"]
    ) == [("Presentation of the Tumen River Area Development Programme on the free zone of Rajin and Sonbong", [])]


def test_a_summary_of_the_discussions_is_the_contents_and_a_summary_of_agreements_the_closing_document() -> None:
    record = parse(
        read_bytes(
            b"The 3rd Meeting of the NEAR Working Committee\n\nSUMMARY OF THE DISCUSSIONS\n"
            b"(1) Opening\nThe Vice-Governor of Hyogo Prefecture gave the opening address to the delegates.\n\n"
            b"SUMMARY OF AGREEMENTS\nThe members agreed as follows:\n"
            b"(1) The next meeting will be held in Toyama City.\n(2) Each region will name a contact officer.\n",
            "x.txt",
        )
    )
    assert [(item.text, len(item.items)) for item in record.contents] == [("Opening", 1)]
    assert record.declaration is not None
    assert [resolution.number for resolution in record.declaration.resolutions] == [1, 2]


def test_each_countrys_list_then_the_country_in_brackets_parted_by_semicolons() -> None:
    participation = _participation(
        [
            "About 120 persons from 15 member regions of five countries: Khentii Province, Töv Province and "
            "Dornogovi Province (Mongolia); the Inner Mongolia Autonomous Region and Jilin Province (China); "
            "Zabaykalsky Krai, the Republic of Buryatia and Amur Oblast (Russia); Gyeongsangbuk-do and "
            "Chungcheongnam-do (Republic of Korea). Sükhbaatar Province attended as observer."
        ]
    )
    assert participation.stated_authorities == 15
    assert [(g.country, g.role, g.authorities) for g in participation.groups] == [
        ("Mongolia", "member", ["Khentii Province", "Töv Province", "Dornogovi Province"]),
        ("China", "member", ["Inner Mongolia Autonomous Region", "Jilin Province"]),
        ("Russian Federation", "member", ["Zabaykalsky Krai", "Republic of Buryatia", "Amur Oblast"]),
        ("Republic of Korea", "member", ["Gyeongsangbuk-do", "Chungcheongnam-do"]),
        (None, "observer", ["Sükhbaatar Province"]),
    ]
    # (two lists of one country are one group; a country's list after a semicolon parts at "and" too)
    assert _groups("Observers: Xinjiang Uygur Autonomous Region (China); Qinghai Province (China)") == [
        ("China", "observer", ["Xinjiang Uygur Autonomous Region", "Qinghai Province"])
    ]
    assert _groups("Mongolia: Khentii Province; China: Heilongjiang Province and Jilin Province") == [
        ("Mongolia", "member", ["Khentii Province"]),
        ("China", "member", ["Heilongjiang Province", "Jilin Province"]),
    ]


def test_a_bodys_seat_after_a_comma_in_a_list_parted_by_semicolons() -> None:
    assert _groups(
        "Organizations: Asian Disaster Reduction Center (ADRC), Kobe; Economic Research Institute for "
        "Northeast Asia (ERINA), Niigata; Wetlands International, Ramsar Convention Secretariat"
    ) == [
        (
            None,
            "observer",
            [
                "Asian Disaster Reduction Center (ADRC) (Kobe)",
                "Economic Research Institute for Northeast Asia (ERINA) (Niigata)",
                "Wetlands International",
                "Ramsar Convention Secretariat",
            ],
        )
    ]
    # (in a list of commas alone a last name is one more name, not a seat)
    assert _groups("Organizations: Korea Maritime Institute (KMI), Tottori University, Dalmoreprodukt") == [
        (None, "observer", ["Korea Maritime Institute (KMI)", "Tottori University", "Dalmoreprodukt"])
    ]


def test_a_title_that_names_the_closing_document_over_its_numbered_resolutions() -> None:
    record = parse(
        read_bytes(
            b"ASSOCIATION OF NORTH EAST ASIA REGIONAL GOVERNMENTS\n\n"
            b"RESOLUTIONS OF THE 16TH GENERAL ASSEMBLY\n\n"
            b"The General Assembly of the Association of North East Asia Regional Governments (NEAR),\n\n"
            b"Adopts the following resolutions:\n\n"
            b"Resolution 16/1 - Admission of members\n1. Admits Jiangxi Province as a member.\n\n"
            b"Resolution 16/2 - Chair region\n1. Confirms Hunan Province as the Chair region.\n\n"
            b"Done at Changsha on 24 September 2026.\n",
            "x.txt",
        )
    )
    assert record.declaration is not None
    assert record.declaration.title == "RESOLUTIONS OF THE 16TH GENERAL ASSEMBLY"
    # (each resolution's heading, then its text after a colon)
    assert [r.text for r in record.declaration.resolutions] == [
        "Admission of members: 1. Admits Jiangxi Province as a member.",
        "Chair region: 1. Confirms Hunan Province as the Chair region.",
    ]
    assert record.declaration.closing == ["Done at Changsha on 24 September 2026."]


def test_a_memorandum_under_a_letterhead_is_the_record_its_articles_headed_its_meeting_from_its_preamble() -> None:
    record = parse(
        read_bytes(
            b"ASSOCIATION OF NORTH EAST ASIA REGIONAL GOVERNMENTS (NEAR)\n"
            b"Document NEAR/MOU/2025-03   Original: English   Distribution: Parties; Working Committee\n\n"
            b"MEMORANDUM OF UNDERSTANDING ON COOPERATION IN AGRICULTURAL TRADE\n\n"
            b"Shandong Province of the People's Republic of China, and\nTottori Prefecture of Japan,\n\n"
            b"Noting the results of the 2025 NEAR Forum on Rural Revitalization, held from 14 to 16 October 2025"
            b" in Mengyin County, Linyi City, Shandong Province;\n\n"
            b"Have reached the following understanding:\n\n"
            b"Article 1  Purpose\nThe purpose of this Memorandum is to promote trade.\n\n"
            b"Article 2  Contact Points\n1. Each Party designates a contact point.\n\n"
            b"Done at Mengyin County on 16 October 2025.\n\n"
            b"In the presence of:\nMayor, Linyi Municipal People's Government\n"
            b"Head of County, People's Government of Mengyin County\n",
            "x.txt",
        )
    )
    assert record.title == "MEMORANDUM OF UNDERSTANDING ON COOPERATION IN AGRICULTURAL TRADE"
    # (the witnesses a line each, as signatures are: not run into one another)
    assert record.declaration is not None
    assert record.declaration.closing[1:] == [
        "In the presence of:",
        "Mayor, Linyi Municipal People's Government",
        "Head of County, People's Government of Mengyin County",
    ]
    assert record.declaration is not None and record.declaration.kind == "memorandum"
    # (each article's heading, then its text after a colon)
    assert [r.text for r in record.declaration.resolutions] == [
        "Purpose: The purpose of this Memorandum is to promote trade.",
        "Contact Points: 1. Each Party designates a contact point.",
    ]
    # (the letterhead and the document's code line: the page's head, not the memorandum's preamble)
    assert record.sections[0].lines[0] == "ASSOCIATION OF NORTH EAST ASIA REGIONAL GOVERNMENTS (NEAR)"
    assert record.declaration.preamble[0].startswith("Shandong Province")
    # (the meeting is the one the preamble names, not the Working Committee it is sent to)
    assert (record.meeting.kind, record.meeting.body) == ("forum", "Forum on Rural Revitalization")
    assert record.overview is not None and record.overview.period is not None
    assert (record.overview.period.start, record.overview.period.end) == (date(2025, 10, 14), date(2025, 10, 16))
    assert record.overview.venue is not None
    assert record.overview.venue.text == "Mengyin County, Linyi City, Shandong Province"


def test_a_title_lines_place_and_dates_are_the_period_and_venue_where_no_field_gives_them() -> None:
    record = parse(
        read_bytes(
            b"MINUTES of the Second Meeting of the NEAR Subcommittee on Border Cooperation\n"
            b"Second Meeting, Tambovka, Amur Oblast, Russian Federation, 24-25 July 2001\n\n"
            b"1. PROCEEDINGS\nThe delegates discussed border crossings.\n",
            "x.txt",
        )
    )
    assert record.overview is not None and record.overview.period is not None
    assert (record.overview.period.start, record.overview.period.end) == (date(2001, 7, 24), date(2001, 7, 25))
    # (the meeting named before its place is no part of the venue)
    assert record.overview.venue is not None
    assert record.overview.venue.text == "Tambovka, Amur Oblast, Russian Federation"
    # (a sentence with a date is no such line)
    record = parse(
        read_bytes(
            b"NEAR Forum on Tourism\n\nThe delegates met in Harbin, China, on 5 May 2009.\n\n1. PROCEEDINGS\nTalks.\n",
            "x.txt",
        )
    )
    assert record.overview is None or record.overview.period is None


def test_a_range_of_dates_alone_is_the_period_and_an_organizers_bodies_in_a_cell_are_parted() -> None:
    record = parse(
        read_bytes(
            b"NEAR FORUM ON TRANSPORT CORRIDORS 2009\n\nShilka, Zabaykalsky Krai, Russian Federation\n"
            b"8-11 September 2009\n\nOrganizers     Government of Zabaykalsky Krai\n"
            b"               Administration of Shilkinsky District\n"
            b"Venue          Railway Workers' House of Culture, Shilka\nLanguages      Russian, English\n\n"
            b"CONTENTS\n1. Opening\n",
            "x.txt",
        )
    )
    assert record.overview is not None and record.overview.period is not None
    assert (record.overview.period.start, record.overview.period.end) == (date(2009, 9, 8), date(2009, 9, 11))
    assert "8-11 September 2009" not in [field.text for field in record.overview.other]
    # (the organizer's bodies a line each in the value's cell: two bodies, no cell's bar between them)
    assert record.overview.organizer is not None
    assert record.overview.organizer.name == "Government of Zabaykalsky Krai; Administration of Shilkinsky District"


def test_the_signatories_after_a_closing_document_a_line_for_each_country() -> None:
    record = parse(
        read_bytes(
            b"JOINT DECLARATION OF THE 16TH GENERAL ASSEMBLY\n\nWe, the Governors, agreed:\n"
            b"1. We will meet again.\n2. We will share data.\n\n"
            b"SIGNED by the heads of delegation of the following member regional governments:\n"
            b"China - Heilongjiang Province, Jilin Province\nMongolia - Tov Province, Omnogovi Province\n"
            b"Russian Federation - Primorsky Krai, Amur Oblast\n",
            "x.txt",
        )
    )
    assert record.declaration is not None
    assert record.declaration.closing == [
        "SIGNED by the heads of delegation of the following member regional governments:",
        "China - Heilongjiang Province, Jilin Province",
        "Mongolia - Tov Province, Omnogovi Province",
        "Russian Federation - Primorsky Krai, Amur Oblast",
    ]


def test_a_table_of_two_columns_with_one_bar_between_and_its_values_going_on() -> None:
    """A known label's row opens the table; any label's row under it is a field, a row whose label
    cell is blank goes on with the value above, however it reads; a cell going on in capitals is no
    section's heading."""
    text = "\n".join(
        [
            "SUMMARY OF RESULTS",
            "The 2nd Meeting of the NEAR Subcommittee on Culture Exchange",
            "",
            " Item               | Result",
            "--------------------+----------------------------------",
            " Dates              | 6 (Tue) - 8 (Thu) October 1998",
            " Venue              | Nagan Eupsong Folk Village,",
            "                    | Nagan-myon, Sunchon City, Chollanam-do",
            " Plenary hall       | Folk Village Culture Hall",
            " Organizers         | Chollanam-do Provincial Government; Sunchon City;",
            "                    | NEAR Secretariat (Kyongsangbuk-do, Taegu)",
            " Participants       | 5 regional governments of 2 countries",
            "                    |  - Japan (3): Kyoto Prefecture, Tottori Prefecture,",
            "                    |    Shimane Prefecture",
            "                    |  - China (2): Shandong Province, Hunan Province",
            " Observers          | Council of Local Authorities for International Relations",
            "                    | (CLAIR)",
            " Languages          | Korean, Japanese",
            "",
            "II. RESULTS",
            "",
            "The members agreed on a touring exhibition.",
        ]
    )
    record = parse(read_bytes(text.encode(), "x.txt"))
    overview = record.overview
    assert overview is not None and overview.venue is not None and overview.participation is not None
    assert overview.venue.text == "Nagan Eupsong Folk Village, Nagan-myon, Sunchon City, Chollanam-do"
    assert [(group.country, group.authorities) for group in overview.participation.groups][:2] == [
        ("Japan", ["Kyoto Prefecture", "Tottori Prefecture", "Shimane Prefecture"]),
        ("China", ["Shandong Province", "Hunan Province"]),
    ]
    assert [(group.role, group.authorities) for group in overview.participation.groups][-1] == (
        "observer",
        ["Council of Local Authorities for International Relations (CLAIR)"],
    )
    assert {field.label: field.text for field in overview.other}["Plenary hall"] == "Folk Village Culture Hall"
    assert overview.organizer is not None
    assert overview.organizer.name.endswith("NEAR Secretariat (Kyongsangbuk-do, Taegu)")
    assert "| (CLAIR)" not in [section.heading for section in record.sections]


def test_contents_in_a_table_of_two_columns_are_its_rows() -> None:
    """ "Item | Result" over its rule: each row an item, its label and its text; a row whose first
    cell is blank the item's text going on, a bullet in it an item under it."""
    lines = [
        "Item               | Result",
        "-------------------+------------------------------",
        "1. Opening         | Welcome address by the Vice-Governor",
        "                   | and greetings by the Mayor.",
        "2. Presentations   | - Kyoto Prefecture: thatched-roof houses",
        "                   | - Tottori Prefecture: paper making",
    ]
    items = parse_contents([Line(number, text.strip()) for number, text in enumerate(lines, 1)])
    assert [item.text for item in items] == [
        "Opening: Welcome address by the Vice-Governor and greetings by the Mayor.",
        "Presentations",
    ]
    assert [item.text for item in items[1].items] == [
        "Kyoto Prefecture: thatched-roof houses",
        "Tottori Prefecture: paper making",
    ]
