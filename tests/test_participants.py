"""Observers placed by the gazetteer: the country whose region they are, a note when moved."""

from __future__ import annotations

import pytest

from pipeline.parser.overview import parse_participation
from pipeline.parser.text import Line
from pipeline.tagger.gazetteer import load_gazetteer
from pipeline.tagger.participants import placed_observers


def _placed(*lines: str) -> tuple[list[tuple[str | None, str, list[str]]], list[str]]:
    participation = parse_participation([Line(i, line) for i, line in enumerate(lines, 1)], [])
    placed, notes = placed_observers(participation, load_gazetteer())
    return [(g.country, g.role, g.authorities) for g in placed.groups], [note.code for note in notes]


@pytest.mark.parametrize(
    ("lines", "groups", "notes"),
    [
        pytest.param(
            ("Mongolia", "Tuv Province, Selenge Aimag", "", "Inner Mongolia Autonomous Region (observer)"),
            [
                ("Mongolia", "member", ["Tuv Province", "Selenge Aimag"]),
                ("China", "observer", ["Inner Mongolia Autonomous Region"]),
            ],
            ["regrouped-authority"],
            id="an observer after the last group, a region of another country: moved, noted",
        ),
        pytest.param(
            ("CHINA (1)      Shandong Province", "OBSERVER       Tov Aimag (Mongolia)"),
            [("China", "member", ["Shandong Province"]), ("Mongolia", "observer", ["Tov Aimag"])],
            [],
            id="a table's row headed OBSERVER in capitals, its names after spaces: observers, not the row before's",
        ),
        pytest.param(
            ("Japan", "Toyama Prefecture", "Observers: Hokkaido, World Tourism Organization (WTO)"),
            [
                ("Japan", "member", ["Toyama Prefecture"]),
                (None, "observer", ["World Tourism Organization (WTO)"]),
                ("Japan", "observer", ["Hokkaido"]),
            ],
            [],
            id="observers of no country: a region gets its country, a body keeps none",
        ),
        pytest.param(
            ("Japan", "Niigata Prefecture", "", "Asian Development Bank (observer)"),
            [("Japan", "member", ["Niigata Prefecture"]), (None, "observer", ["Asian Development Bank"])],
            ["regrouped-authority"],
            id="an international body after the last group: of no country, noted",
        ),
        pytest.param(
            ("Russia", "Khabarovsk Krai", "《※ Participated as observer》 Ministry of Foreign Affairs of Japan"),
            [
                ("Russian Federation", "member", ["Khabarovsk Krai"]),
                ("Japan", "observer", ["Ministry of Foreign Affairs of Japan"]),
            ],
            ["regrouped-authority"],
            id="a body the gazetteer knows as another country's",
        ),
        pytest.param(
            ("Observers", "- Gangwon-do (Republic of Korea)", "- Unknown Research Foundation"),
            [("Republic of Korea", "observer", ["Gangwon-do"]), (None, "observer", ["Unknown Research Foundation"])],
            [],
            id="a name the gazetteer does not know stays where the parser put it",
        ),
        pytest.param(
            ("中国", "黑龙江省", "观察员：朝鲜咸镜北道（Hamgyongbuk-do，DPR Korea）"),
            [
                ("China", "member", ["黑龙江省"]),
                ("DPR Korea", "observer", ["朝鲜咸镜北道（Hamgyongbuk-do，DPR Korea）"]),
            ],
            [],
            id="a region run on after its country's name in Chinese: that country's",
        ),
        pytest.param(
            ("Mongolia", "Tuv Province, Uvs Aimag (observer)"),
            [("Mongolia", "member", ["Tuv Province"]), ("Mongolia", "observer", ["Uvs Aimag"])],
            [],
            id="an observer of the group's own country stays",
        ),
        pytest.param(
            ("DPR Korea", "Rason City", "Kangwon-do (observer)"),
            [("DPR Korea", "member", ["Rason City"]), ("DPR Korea", "observer", ["Kangwon-do"])],
            [],
            id="a name the group's country has a region of too stays",
        ),
        pytest.param(
            ("China", "Jilin Province", "Primorsky Krai"),
            [("China", "member", ["Jilin Province", "Primorsky Krai"])],
            [],
            id="members stay under the text's heading",
        ),
    ],
)
def test_observers_go_to_the_country_whose_region_they_are(
    lines: tuple[str, ...], groups: list[tuple[str | None, str, list[str]]], notes: list[str]
) -> None:
    assert _placed(*lines) == (groups, notes)
