"""Entity tagging: span cleanup rules, linking, merging, and accuracy against gold."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys

import pytest

from pipeline import InputError, parse, read, read_bytes
from pipeline.tagger import ModelError, load_nlp, prose, tag
from pipeline.tagger.evaluate import load_gold, score_entities, score_file, total
from pipeline.tagger.gazetteer import load_gazetteer
from pipeline.tagger.mentions import Mention, department_of_country, merge, organizer_bodies, structure_mentions
from pipeline.tagger.model import (
    CJK_PUNCTUATION,
    CLOSED_BEFORE_CJK_PUNCTUATION,
    EXCLUDED_COMPONENTS,
    GLUED_BRACKET,
    GLUED_BULLETS,
    JAPANESE_PARTICLE_BEFORE_NAME,
    LATIN_BESIDE_CJK,
    LISTING_MIDDLE_DOT,
    NOTE_REFERENCE,
    GatedMatcher,
    _emoticon,
    load_model,
    near_tokenizer,
    resolve_model,
    shape_gate,
    with_rulers,
)
from pipeline.tagger.names import NAME_SHAPES, clean_span, units_after_place
from tests.conftest import TESTS

ROOT = TESTS.parent


@pytest.mark.parametrize(
    ("span", "label", "names"),
    [
        ("Matsue City of", "GPE", ["Matsue City"]),
        ("Izushi City Hyogo Prefecture", "FAC", ["Izushi City", "Hyogo Prefecture"]),
        ("the Russian Federation", "GPE", ["Russian Federation"]),
        ("Province", "GPE", []),
        ("Region", "LOC", []),
        ("Conference", "ORG", []),
        ("Secretariat", "ORG", []),
        ("Khabarovsk International Conference", "FAC", []),
        ("the North East Asia Territories", "LOC", ["North East Asia"]),
        ("the Regional Organization", "ORG", []),
        ("September 6, 1995", "GPE", []),
        ("Participants", "ORG", []),
        ("NEAR Youth Network &", "ORG", ["NEAR Youth Network"]),
        ("Gyeongsangbuk-do Primorsky Territory", "GPE", ["Gyeongsangbuk-do", "Primorsky Territory"]),
        ("Mount Tai & Qufu", "LOC", ["Mount Tai", "Qufu"]),
        (  # "&" between two bodies' names, as "and" is; inside one it joins ("Korea Hydro & Nuclear Power")
            "Tai'an Municipal People's Government & NEAR Secretariat",
            "ORG",
            ["Tai'an Municipal People's Government", "NEAR Secretariat"],
        ),
        ("Korea Hydro & Nuclear Power", "ORG", ["Korea Hydro & Nuclear Power"]),
        ("TAIYUAN INITIATIVE ON THE PROTECTION", "ORG", []),
        ("the Head of the Republic of Buryatia", "ORG", ["Republic of Buryatia"]),
        ("Vice-Governor of Shimane Prefecture", "PERSON", ["Shimane Prefecture"]),
        ("the Baikalsk Pulp and Paper Mill", "FAC", ["Baikalsk Pulp and Paper Mill"]),
        (
            "the Government of the Republic of Sakha (Yakutia)",
            "ORG",
            ["Government of the Republic of Sakha (Yakutia)"],
        ),
    ],
)
def test_clean_span(span, label, names):
    assert clean_span(span, label) == names


def test_gazetteer_links_spelling_variants_to_one_iso_code():
    gazetteer = load_gazetteer()
    for variants, code in [
        (["Primorski Territory", "Primorsky Krai", "Primorye Territory", "Приморский край"], "RU-PRI"),
        (["Gyeongsangbuk-do", "Gyeongsangbuk-Do", "North Gyeongsang", "경상북도"], "KR-47"),
        (["Khabarovsk Territory", "Khabarovsk Krai", "Хабаровский край"], "RU-KHA"),
        (["Toyama Prefecture", "富山県", "도야마현"], "JP-16"),
        (["Heilongjiang", "Heilongjiang Province", "黑龙江省", "헤이룽장성"], "CN-HL"),
        # (the names the briefings print in Korean and Chinese, spaced or not: regions.po)
        (["Guangxi", "광시 좡족 자치구", "광시좡족자치구"], "CN-GX"),
        (["Khabarovsk Territory", "하바롭스크주", "哈巴罗夫斯克边疆区"], "RU-KHA"),
        # the marks of Latin letters, written or left out: "Töv", "Tov"; "Khövsgöl", "Khovsgol"
        (["Tov Province", "Töv Province", "Töv"], "MN-047"),
        (["Khövsgöl Province", "Khovsgol Province", "Khovsgol"], "MN-041"),
        (["Dornogovi Province", "East Gobi", "East Gobi Province", "Дорноговь"], "MN-063"),  # in English
    ]:
        assert {gazetteer.lookup(v).code for v in variants} == {code}, variants
    assert gazetteer.lookup("Ölgii") == gazetteer.lookup("Olgii") == gazetteer.lookup("Өлгий") is not None
    # ... a generic word abbreviated as a typed list abbreviates it, and the country as Mongolian does
    for variants, code in [
        (["Ishikawa Pref.", "Ishikawa Prefecture"], "JP-17"),
        (["Heilongjiang Prov.", "Heilongjiang Province"], "CN-HL"),
        (["Rep. of Sakha (Yakutia)", "Republic of Sakha (Yakutia)"], "RU-SA"),
        (["Amur Obl.", "Amur Oblast"], "RU-AMU"),
    ]:
        assert {gazetteer.lookup(v).code for v in variants} == {code}, variants
    assert gazetteer.lookup("ОХУ") == gazetteer.lookup("Russia") and gazetteer.lookup("БНСУ") == gazetteer.lookup(
        "Korea"
    )
    assert gazetteer.lookup("Taian") == gazetteer.lookup("Tai'an") is not None  # pinyin's syllable mark left out
    assert gazetteer.lookup("Mukden") == gazetteer.lookup("Shenyang") is not None  # a city's historical name
    # GeoNames' old name of one town that begins another city's name is that city's short form:
    # "Petropavlovsk" is no Severouralsk (once Petropavlovsk), "Novyy" no Udachny
    for short in ("Petropavlovsk", "Novyy"):
        assert gazetteer.lookup(short) is None or gazetteer.lookup(short).id not in (
            "city:RU:severouralsk",
            "city:RU:udachny",
        )
    assert gazetteer.lookup("Spassk").id == "city:RU:spassk-dalny"  # (its own first word stays its name)


def test_seed_entities_are_canonical_merged_and_linked(nlp):
    record = tag([parse(read(ROOT / "raw" / "near-1995-khabarovsk.txt"))], nlp)[0]
    by_name = {entity.name: entity for entity in record.entities}
    gyeongbuk = next(e for e in record.entities if e.code == "KR-47")
    assert {"Gyeongsangbuk-Do", "Gyeongsangbuk-do Province"} <= set(gyeongbuk.aliases)
    assert gyeongbuk.country == "Republic of Korea" and gyeongbuk.kind == "place"
    assert gyeongbuk.mentions >= 3
    primorsky = next(e for e in record.entities if e.code == "RU-PRI")
    assert "Primorski Territory" in primorsky.aliases
    russia = next(e for e in record.entities if "Russian Federation" in e.aliases)
    assert "Russia" in russia.aliases
    names = {alias for entity in record.entities for alias in entity.aliases}
    assert not names & {"Province", "Matsue City of", "Izushi City Hyogo Prefecture", "Khabarovsk Declaration"}
    assert {"Aomori Prefecture", "Niigata Prefecture", "Ishikawa Prefecture", "Tottori Prefecture"} <= names
    assert len({entity.name for entity in record.entities}) == len(record.entities)
    assert by_name["Khabarovsk Territory, Administration"].kind == "organization"


def test_prose_is_what_the_model_reads():
    record = parse(read(ROOT / "raw" / "near-1995-khabarovsk.txt"))
    texts = prose(record)
    assert texts[0] == "The 3rd NEAR Conference"
    assert not any("Heilongjiang Province, Liaoning Province" in text for text in texts)


def test_name_shapes_gated_by_their_words_match_as_all_of_them_do(nlp) -> None:
    from spacy.matcher import Matcher

    plain = Matcher(nlp.vocab, validate=False)
    for shape in NAME_SHAPES:
        plain.add(repr((shape["label"], shape["id"])), [shape["pattern"]])
    gated = GatedMatcher(nlp.vocab, NAME_SHAPES)
    paths = sorted((ROOT / "raw").glob("*.txt")) + sorted((TESTS / "heldout").glob("*.txt"))
    docs = [nlp.make_doc(text) for path in paths for text in prose(parse(read(path)))]
    assert sum(len(plain(doc)) for doc in docs) > 100
    assert [sorted(gated(doc)) for doc in docs] == [sorted(plain(doc)) for doc in docs]


@pytest.mark.parametrize(
    ("pattern", "gate"),
    [
        ([{"LOWER": {"IN": ["lake", "bay"]}}], (frozenset({"bay", "lake"}),)),
        ([{"ORTH": "Port"}, {"IS_TITLE": True}], (frozenset({"port"}),)),
        ([{"LOWER": "hotel", "OP": "?"}, {"TEXT": {"REGEX": "^[A-Z]"}}], ()),  # (nothing it must have)
        ([{"LOWER": "the", "OP": "{0,2}"}, {"LOWER": "sea", "OP": "{1,3}"}], (frozenset({"sea"}),)),
        ([{"LOWER": "new", "OP": "+"}, {"ORTH": "-"}], (frozenset({"-"}), frozenset({"new"}))),
    ],
)
def test_a_shapes_gate_is_the_words_it_cannot_match_without(pattern, gate) -> None:
    assert shape_gate(pattern) == gate


def _totals(gold_path, raw_dir, nlp):
    """The place and organization scores of the texts in ``raw_dir`` against their gold files."""
    golds = load_gold(gold_path)
    if not golds:
        pytest.skip(f"no gold files in {gold_path}")
    read_golds, parsed, results = [], [], []
    for gold in golds:
        try:
            parsed.append(parse(read(raw_dir / gold["file"])))
        except InputError:  # (a text the parser refuses names nothing: its gold names are all missed)
            results.append(score_entities(gold["file"], [], gold))
        else:
            read_golds.append(gold)
    records = tag(parsed, nlp)
    results += [score_file(record, gold) for record, gold in zip(records, read_golds, strict=True)]
    totals = total(results)
    return totals["place"], totals["organization"]


@pytest.mark.parametrize("gold_dir", ["gold", "heldout/gold"])
def test_accuracy_targets(gold_dir, nlp):
    gold_path = TESTS / gold_dir
    raw_dir = gold_path.parent if gold_dir != "gold" else TESTS / "samples"
    place, organization = _totals(gold_path, raw_dir, nlp)
    assert place.recall >= 0.98 and place.precision >= 0.95, (place.recall, place.precision)
    assert organization.recall >= 0.90 and organization.precision >= 0.90, (organization.recall, organization.precision)


def test_missing_model_is_one_line_error(tmp_path):
    with pytest.raises(ModelError, match="cannot load spaCy model 'no_such_model'"):
        load_nlp("no_such_model")
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "seed.txt").write_bytes((ROOT / "raw" / "near-1995-khabarovsk.txt").read_bytes())
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline",
            "build",
            str(raw),
            "--out",
            str(tmp_path / "out"),
            "--model",
            "no_such_model",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: cannot load spaCy model 'no_such_model'")
    assert "Traceback" not in result.stderr


def test_gazetteer_file_is_what_its_generator_writes():
    result = subprocess.run(
        [sys.executable, "-m", "tools.build_gazetteer", "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]


def _entities_of(text: str, nlp) -> dict[str, tuple[str, list[str]]]:
    from pipeline import read_bytes

    (record,) = tag([parse(read_bytes(text.encode(), "x.txt"))], nlp)
    return {entity.id: (entity.name, entity.aliases) for entity in record.entities}


SHELL = "The 5th NEAR Environment Subcommittee\n· Overview\nPeriod: 2012\n· Contents\n▷ {}\n"
# ... and one for the overview's fields after its period, and one for a venue's value
FIELDS_SHELL = "The 5th NEAR Environment Subcommittee\n· Overview\nPeriod: 2012\n{}\n· Contents\n▷ Talks.\n"
VENUE_SHELL = FIELDS_SHELL.replace("{}", "Venue: {}")


def test_one_id_for_an_acronym_defined_once_and_for_a_name_with_and_without_near(nlp) -> None:
    text = SHELL.format(
        "The China Tourism Promotion Bureau (CTPB) reported. CTPB will host the next meeting. "
        "The NEAR Coastal Cleanup Subcommittee and the Coastal Cleanup Subcommittee met."
    )
    entities = _entities_of(text, nlp)
    assert ["CTPB", "China Tourism Promotion Bureau"] in [aliases for _, aliases in entities.values()]
    assert any(
        set(aliases) == {"NEAR Coastal Cleanup Subcommittee", "Coastal Cleanup Subcommittee"}
        for _, aliases in entities.values()
    )


def test_a_bare_name_joined_to_cities_is_the_city(nlp) -> None:
    entities = _entities_of(SHELL.format("Ferries run between Niigata and Vladivostok City."), nlp)
    assert "city:JP:niigata-city" in entities and "JP-15" not in entities


def test_a_bare_region_name_beside_the_region_in_full_is_its_city_or_river(nlp) -> None:
    text = SHELL.format(
        "Toyama Prefecture and Amur Oblast reported. The NOWPAP office in Toyama opened in 2004. "
        "Ferries sail up the Amur River, and over the Amur a bridge was built. "
        "Busan Metropolitan City sent its report; the port of Busan grew."
    )
    entities = _entities_of(text, nlp)
    city = next(entry for entry, (_, aliases) in entities.items() if "Toyama" in aliases)
    river = next(entry for entry, (_, aliases) in entities.items() if "Amur River" in aliases)
    busan = next(entry for entry, (_, aliases) in entities.items() if "Busan" in aliases)
    assert city.startswith("city:") and "Toyama Prefecture" in entities["JP-16"][1]
    assert "Amur" in entities[river][1] and "Amur" not in entities["RU-AMU"][1]
    assert busan != "KR-26" and "Busan Metropolitan City" in entities["KR-26"][1]


@pytest.mark.parametrize(
    ("value", "bodies"),
    [
        (
            "Governor's Office of Töv Province; Mongolian National Chamber of Commerce and Industry (MNCCI)",
            ["Governor's Office of Töv Province", "Mongolian National Chamber of Commerce and Industry (MNCCI)"],
        ),
        ("Toyama Prefecture and NEAR Secretariat", ["Toyama Prefecture", "NEAR Secretariat"]),
        (  # an institute's disciplines after its "of" are its name's
            "Koguryo Research Foundation (Seoul); Institute of History, Archaeology and Ethnography of the Peoples "
            "of the Far East (Vladivostok)",
            [
                "Koguryo Research Foundation (Seoul)",
                "Institute of History, Archaeology and Ethnography of the Peoples of the Far East (Vladivostok)",
            ],
        ),
        (  # bodies parted by bullets
            "Heilongjiang Provincial Government • NEAR Secretariat • Gyeongsangbuk-do",
            ["Heilongjiang Provincial Government", "NEAR Secretariat", "Gyeongsangbuk-do"],
        ),
        (  # a province's department named by its fields after "Provincial"
            "Liaoning Provincial Ocean and Fisheries Department & NEAR Secretariat",
            ["Liaoning Provincial Ocean and Fisheries Department", "NEAR Secretariat"],
        ),
        (  # a subcommittee's topic of two fields, one of two words
            "Ningxia Hui Autonomous Region People’s Government & Subcommittee on Energy and Mineral Resources",
            ["Ningxia Hui Autonomous Region People’s Government", "Subcommittee on Energy and Mineral Resources"],
        ),
        (  # a region's department named by its fields, "and" between them
            "Ishikawa Prefecture, Planning and Development Department",
            ["Ishikawa Prefecture, Planning and Development Department"],
        ),
        (  # ... the first field also a feature's head, alone after the comma
            "Shandong Province, Ocean and Fisheries Department",
            ["Shandong Province, Ocean and Fisheries Department"],
        ),
        ("Pacific Ocean and Fisheries Agency", ["Pacific Ocean", "Fisheries Agency"]),
        ("Khabarovsk Territory, Administration", ["Khabarovsk Territory, Administration"]),
        ("Jilin Province, Department of Commerce", ["Jilin Province, Department of Commerce"]),
        ("Government of Khabarovsk Krai, NEAR Secretariat", ["Government of Khabarovsk Krai", "NEAR Secretariat"]),
        (  # the part a second body took, spelt out ("with the cooperation of"), is no word of its name
            "Shimane Prefectural Government, with the cooperation of Yatsuka Town",
            ["Shimane Prefectural Government", "Yatsuka Town"],
        ),
        (
            "Hyogo Prefectural Government, with the Asian Disaster Reduction Center",
            ["Hyogo Prefectural Government", "Asian Disaster Reduction Center"],
        ),
        (
            "Jilin Provincial People's Government & NEAR Economy and Trade Subcommittee",
            ["Jilin Provincial People's Government", "NEAR Economy and Trade Subcommittee"],
        ),
        ("Gyeongsangbuk-do and NEAR Secretariat", ["Gyeongsangbuk-do", "NEAR Secretariat"]),
        (
            "NEAR Subcommittee on Science and Technology; Anhui Provincial People's Government",
            ["NEAR Subcommittee on Science and Technology", "Anhui Provincial People's Government"],
        ),
        ("Committee for Economy and Trade and Gangwon-do", ["Committee for Economy and Trade", "Gangwon-do"]),
        (  # a topic's words after "and", as in prose
            "Subcommittee on Agriculture and Food Security; Heilongjiang Provincial People's Government",
            ["Subcommittee on Agriculture and Food Security", "Heilongjiang Provincial People's Government"],
        ),
        (
            "Chita Oblast, coordinating region of the subcommittee, with the NEAR Secretariat",
            ["Chita Oblast", "NEAR Secretariat"],
        ),
        (
            "Gangwon Provincial Government · Gangwon Agricultural Research and Extension Services",
            ["Gangwon Provincial Government", "Gangwon Agricultural Research and Extension Services"],
        ),
        (
            "NEAR Secretariat and the NEAR Subcommittee on Disaster Prevention and Safety",
            ["NEAR Secretariat", "the NEAR Subcommittee on Disaster Prevention and Safety"],
        ),
        (
            "Gyeongsangnam-do Provincial Government / Sacheon City Hall",
            ["Gyeongsangnam-do Provincial Government", "Sacheon City Hall"],
        ),
        (  # an "of" before the comma is not the tail "and" goes on with
            "Government of Irkutsk Oblast, Bratsk City Administration and the NEAR Energy and Climate Change"
            " Subcommittee",
            [
                "Government of Irkutsk Oblast",
                "Bratsk City Administration",
                "the NEAR Energy and Climate Change Subcommittee",
            ],
        ),
        (  # a ministry's list of fields is its name
            "Ministry of Land, Infrastructure, Transport and Tourism, Toyama Prefecture",
            ["Ministry of Land, Infrastructure, Transport and Tourism", "Toyama Prefecture"],
        ),
        (
            "Ministry of Nature, Environment and Tourism of Mongolia and the NEAR Secretariat",
            ["Ministry of Nature, Environment and Tourism of Mongolia", "the NEAR Secretariat"],
        ),
        ("Governments of Jilin, Liaoning and Heilongjiang", ["Governments of Jilin", "Liaoning", "Heilongjiang"]),
        ("Gangwon State &  ", ["Gangwon State"]),  # a joiner with nothing after it (no body, no error)
        (" & NEAR Secretariat", ["NEAR Secretariat"]),  # ... or with nothing before it
        (  # a Korean province and its own bureau, one body; in a longer list, each piece a body
            "Jeollanam-do, Ocean and Fisheries Bureau",
            ["Jeollanam-do, Ocean and Fisheries Bureau"],
        ),
        (
            "Chungcheongbuk-do, Goesan-gun Office, NEAR Secretariat",
            ["Chungcheongbuk-do", "Goesan-gun Office", "NEAR Secretariat"],
        ),
        (  # a second role's label inside the value is no word of its body
            "Chungcheongbuk-do / Co-host : Jincheon County Office",
            ["Chungcheongbuk-do", "Jincheon County Office"],
        ),
        (  # a purpose after "for" goes on over "with"; a region after "with" is a body of its own
            "Chinese People's Association for Friendship with Foreign Countries; Korea Foundation for Culture "
            "with Gangwon Province",
            [
                "Chinese People's Association for Friendship with Foreign Countries",
                "Korea Foundation for Culture",
                "Gangwon Province",
            ],
        ),
        (  # bodies parted by the Hangul middle dot, as Korean pages list them
            "Korea Water Resources Corporation (K-water) ㆍ Gyeonggi Research Institute (GRI)",
            ["Korea Water Resources Corporation (K-water)", "Gyeonggi Research Institute (GRI)"],
        ),
        (  # ... and by the enumeration comma, as Chinese pages do, glued
            "Shandong Provincial People’s Government、Yantai Municipal People’s Government",
            ["Shandong Provincial People’s Government", "Yantai Municipal People’s Government"],
        ),
        (  # ... and by the full-width semicolon
            "Kyoto City Tourism Association；Japan National Tourism Organization",
            ["Kyoto City Tourism Association", "Japan National Tourism Organization"],
        ),
        (  # a body's part in the meeting after "as" is no word of its name
            "Niigata Prefectural Government, with Kyongsangbuk-do as Chair region",
            ["Niigata Prefectural Government", "Kyongsangbuk-do"],
        ),
    ],
)
def test_organizer_bodies(value: str, bodies: list[str]) -> None:
    assert organizer_bodies(value) == bodies


def test_facility_tails_acronyms_apart_and_natural_features(nlp) -> None:
    text = SHELL.format(
        "Delegates saw the Free Port of Vladivostok and the Adachi Museum of Art. "
        "ERINA proposed a survey with SASS and Shandong University. "
        "Gas from the Lunskoye gas field reaches the Incheon Free Economic Zone (IFEZ); IFEZ grows."
    )
    names = dict(_entities_of(text, nlp).values())
    assert {"Free Port of Vladivostok", "Adachi Museum of Art", "SASS", "Shandong University"} <= set(names)
    assert "SASS and Shandong University" not in names
    assert sorted(names["Incheon Free Economic Zone"]) == ["IFEZ", "Incheon Free Economic Zone"]
    (record,) = tag([parse(read_bytes(text.encode(), "x.txt"))], nlp)
    assert next(entity for entity in record.entities if entity.name == "Lunskoye").kind == "place"


def test_a_titled_person_is_no_place(nlp) -> None:
    text = SHELL.format(
        "Speakers: Ms. Olga Ivanova, Baikal State University, Irkutsk; "
        "Mr. Nakamura Hiroshi, Shiga Prefecture. Delegates stayed at the Hotel Metropolitan Yamagata."
    )
    names = {name for name, _ in _entities_of(text, nlp).values()}
    assert {"Baikal State University", "Irkutsk", "Shiga Prefecture", "Hotel Metropolitan Yamagata"} <= names
    assert not {"Ivanova", "Nakamura", "Yamagata"} & names


def test_slash_spellings_and_a_bodys_short_name_in_brackets(nlp) -> None:
    text = SHELL.format(
        "Ferries cross the East Sea/Sea of Japan. The National Federation of Fisheries Cooperatives "
        "(Suhyup) met the NEAR Secretariat (Online); Suhyup will host the fair."
    )
    entities = _entities_of(text, nlp)
    names = dict(entities.values())
    assert {"East Sea", "Sea of Japan"} <= {alias for aliases in names.values() for alias in aliases}
    assert "Suhyup" in names["National Federation of Fisheries Cooperatives"]
    assert "Online" not in {alias for aliases in names.values() for alias in aliases}


def test_a_subcommittee_named_field_first_and_field_last_is_one(nlp) -> None:
    text = SHELL.format(
        "The NEAR Energy and Mineral Resources Subcommittee met; the Subcommittee on Energy and "
        "Mineral Resources adopted a plan. Delegates met at the Ulsan Exhibition and Convention Center."
    )
    names = dict(_entities_of(text, nlp).values())
    (subcommittee,) = [aliases for name, aliases in names.items() if "Mineral" in name]
    assert sorted(subcommittee) == [
        "NEAR Energy and Mineral Resources Subcommittee",
        "Subcommittee on Energy and Mineral Resources",
    ]


# The scores each held-out entity set had when this floor was set, less 0.01: a change that
# loses names on texts written apart from the code fails here (place P, place R, org P, org R).
ENTITY_SET_FLOORS = {
    "A": (0.976, 0.967, 0.939, 0.964),
    "B": (0.970, 0.967, 0.938, 0.938),
    "C": (0.969, 0.969, 0.959, 0.976),
    "D": (0.983, 0.972, 0.954, 0.963),
    "E": (0.973, 0.967, 0.972, 0.957),
    "F": (0.976, 0.967, 0.952, 0.952),
    "G": (0.987, 0.980, 0.967, 0.984),
    "H": (0.967, 0.949, 0.937, 0.952),
    "I": (0.965, 0.958, 0.941, 0.929),
    "J": (0.955, 0.913, 0.926, 0.964),
    "K": (0.978, 0.939, 0.868, 0.898),
    "L": (0.974, 0.939, 0.916, 0.939),
    "M": (0.951, 0.942, 0.905, 0.927),
    "N": (0.954, 0.920, 0.843, 0.914),
    "O": (0.962, 0.943, 0.919, 0.891),
    "P": (0.971, 0.926, 0.842, 0.879),
    "Q": (0.982, 0.970, 0.925, 0.925),
    "R": (0.973, 0.937, 0.891, 0.860),
    "S": (0.970, 0.965, 0.914, 0.891),
    "T": (0.975, 0.948, 0.902, 0.894),
    "U": (0.979, 0.954, 0.887, 0.894),
    "V": (0.970, 0.968, 0.946, 0.930),
    "W": (0.985, 0.962, 0.930, 0.930),
    "X": (0.976, 0.950, 0.888, 0.875),
    "Y": (0.978, 0.933, 0.928, 0.966),
    "Z": (0.945, 0.921, 0.940, 0.956),
    "AA": (0.974, 0.977, 0.983, 0.976),
    "AB": (0.987, 0.984, 0.964, 0.948),
    "AC": (0.975, 0.966, 0.983, 0.963),
    "AD": (0.983, 0.973, 0.961, 0.961),
    "AE": (0.978, 0.982, 0.990, 0.979),
    "AF": (0.982, 0.974, 0.923, 0.903),
    "AG": (0.984, 0.974, 0.955, 0.955),
    "AH": (0.988, 0.984, 0.979, 0.985),
    "AI": (0.984, 0.987, 0.980, 0.980),
    "AK": (0.986, 0.982, 0.959, 0.990),
    "AL": (0.986, 0.982, 0.954, 0.990),
    "AM": (0.978, 0.968, 0.963, 0.972),
    "AN": (0.982, 0.975, 0.967, 0.975),
    "AO": (0.967, 0.962, 0.956, 0.956),
    "AJ": (0.982, 0.966, 0.954, 0.942),
    "AP": (0.978, 0.966, 0.939, 0.990),
    "AQ": (0.987, 0.987, 0.965, 0.965),
    "AR": (0.978, 0.986, 0.959, 0.949),
    "AS": (0.983, 0.969, 0.954, 0.990),
    "AT": (0.973, 0.977, 0.959, 0.959),
    "AU": (0.990, 0.986, 0.933, 0.980),
    "AV": (0.983, 0.979, 0.980, 0.971),
    "AW": (0.977, 0.977, 0.941, 0.941),
    "AX": (0.983, 0.990, 0.971, 0.963),
    "AY": (0.983, 0.980, 0.973, 0.973),
    "AZ": (0.981, 0.972, 0.970, 0.980),
    "BB": (0.976, 0.966, 0.949, 0.949),
    "BC": (0.979, 0.976, 0.972, 0.963),
    "BA": (0.986, 0.978, 0.958, 0.980),
    "BD": (0.984, 0.987, 0.990, 0.990),
    "BE": (0.987, 0.974, 0.981, 0.981),
    "BF": (0.981, 0.981, 0.973, 0.973),
    "BG": (0.986, 0.964, 0.957, 0.982),
    "BH": (0.987, 0.971, 0.946, 0.972),
    "BI": (0.990, 0.975, 0.952, 0.967),
    "BJ": (0.990, 0.990, 0.970, 0.990),
    "BK": (0.984, 0.984, 0.966, 0.966),
    "BL": (0.987, 0.972, 0.956, 0.964),
    "BM": (0.990, 0.986, 0.990, 0.990),
    "BN": (0.987, 0.984, 0.981, 0.990),
    "BO": (0.987, 0.977, 0.981, 0.981),
    "BP": (0.985, 0.982, 0.970, 0.964),
    "BQ": (0.977, 0.968, 0.948, 0.955),
    "BR": (0.964, 0.977, 0.982, 0.974),
    "BS": (0.968, 0.976, 0.963, 0.947),
    "BT": (0.974, 0.971, 0.969, 0.949),
    "BU": (0.985, 0.971, 0.947, 0.968),
    "BV": (0.977, 0.970, 0.932, 0.938),
    "BW": (0.972, 0.970, 0.934, 0.948),
    "BX": (0.975, 0.970, 0.953, 0.975),
    "BY": (0.977, 0.979, 0.939, 0.953),
    "BZ": (0.982, 0.974, 0.982, 0.982),
    "CA": (0.971, 0.971, 0.922, 0.952),
    "CB": (0.956, 0.941, 0.935, 0.942),
    "CC": (0.967, 0.954, 0.903, 0.909),
    "CD": (0.972, 0.969, 0.928, 0.968),
    "CE": (0.974, 0.958, 0.870, 0.860),
    "CF": (0.946, 0.902, 0.911, 0.900),
    "CG": (0.980, 0.974, 0.924, 0.904),
    "CH": (0.972, 0.965, 0.931, 0.947),
    "CI": (0.963, 0.965, 0.916, 0.906),
    "CJ": (0.963, 0.934, 0.870, 0.915),
    "CK": (0.977, 0.969, 0.944, 0.938),
    "CL": (0.972, 0.969, 0.948, 0.965),
    "CM": (0.947, 0.927, 0.887, 0.936),
    "CN": (0.949, 0.968, 0.931, 0.926),
    "CO": (0.945, 0.954, 0.875, 0.905),
    "CP": (0.948, 0.931, 0.934, 0.959),
    "CQ": (0.970, 0.973, 0.956, 0.951),
    "CR": (0.973, 0.959, 0.947, 0.975),
    "CS": (0.978, 0.964, 0.926, 0.960),
    "CT": (0.968, 0.975, 0.971, 0.958),
    "CU": (0.975, 0.915, 0.920, 0.968),
    "CV": (0.951, 0.964, 0.928, 0.907),
    "CW": (0.985, 0.961, 0.932, 0.953),
    "CX": (0.933, 0.889, 0.880, 0.940),
    "CY": (0.960, 0.955, 0.870, 0.865),
    "CZ": (0.969, 0.959, 0.930, 0.942),
    "DA": (0.969, 0.972, 0.915, 0.951),
    "DB": (0.972, 0.955, 0.983, 0.954),
    "DC": (0.975, 0.985, 0.964, 0.964),
    "DD": (0.955, 0.944, 0.918, 0.957),
    "DE": (0.910, 0.879, 0.887, 0.936),
    "DF": (0.981, 0.961, 0.938, 0.972),
    "DG": (0.979, 0.990, 0.985, 0.967),
    "DH": (0.987, 0.987, 0.972, 0.972),
    "DI": (0.984, 0.978, 0.964, 0.977),
    "DJ": (0.970, 0.975, 0.974, 0.966),
    "DK": (0.976, 0.976, 0.916, 0.967),
    "DL": (0.957, 0.965, 0.926, 0.951),
    "DM": (0.956, 0.940, 0.870, 0.883),
    "DN": (0.958, 0.953, 0.938, 0.955),
    "DO": (0.983, 0.979, 0.972, 0.978),
    "DP": (0.939, 0.939, 0.947, 0.926),
    "DQ": (0.966, 0.954, 0.834, 0.859),
    "DR": (0.967, 0.961, 0.964, 0.990),
    "DS": (0.968, 0.967, 0.927, 0.960),
    "DT": (0.960, 0.976, 0.931, 0.939),
    "DU": (0.964, 0.974, 0.961, 0.951),
    "DV": (0.970, 0.954, 0.915, 0.886),
    "DW": (0.982, 0.977, 0.973, 0.990),
    "DX": (0.970, 0.977, 0.964, 0.981),
    "DY": (0.984, 0.981, 0.954, 0.954),
    "DZ": (0.979, 0.972, 0.986, 0.978),
    "EA": (0.986, 0.980, 0.975, 0.975),
    "EB": (0.980, 0.970, 0.968, 0.968),
    "EC": (0.965, 0.943, 0.897, 0.901),
    "ED": (0.971, 0.974, 0.967, 0.973),
    "EE": (0.987, 0.981, 0.962, 0.923),
    "EF": (0.985, 0.961, 0.972, 0.990),
    "EG": (0.974, 0.972, 0.970, 0.980),
    "EH": (0.961, 0.964, 0.926, 0.965),
    "EI": (0.982, 0.987, 0.990, 0.990),
    "EJ": (0.987, 0.983, 0.990, 0.982),
    "EK": (0.978, 0.975, 0.964, 0.981),
    "EL": (0.985, 0.979, 0.947, 0.979),
    "EM": (0.971, 0.971, 0.951, 0.914),
    "EN": (0.976, 0.983, 0.968, 0.968),
    "EO": (0.977, 0.979, 0.966, 0.958),
    "EP": (0.982, 0.982, 0.981, 0.981),
    "EQ": (0.977, 0.985, 0.968, 0.968),
    "ER": (0.990, 0.983, 0.965, 0.977),
    "ES": (0.977, 0.975, 0.990, 0.972),
    "ET": (0.986, 0.986, 0.948, 0.965),
    "EU": (0.948, 0.961, 0.937, 0.906),
    "EV": (0.959, 0.954, 0.905, 0.890),
    "EW": (0.973, 0.988, 0.956, 0.976),
    "EX": (0.982, 0.982, 0.917, 0.934),
    "EY": (0.965, 0.972, 0.945, 0.945),
    "EZ": (0.977, 0.974, 0.973, 0.965),
    "FA": (0.985, 0.985, 0.975, 0.970),
    "FB": (0.963, 0.982, 0.969, 0.949),
    "FC": (0.984, 0.978, 0.964, 0.972),
    "FD": (0.968, 0.958, 0.945, 0.952),
    "FE": (0.979, 0.979, 0.973, 0.973),
    "FF": (0.976, 0.970, 0.944, 0.953),
    "FG": (0.965, 0.929, 0.922, 0.922),
    "FH": (0.974, 0.951, 0.933, 0.942),
    "FI": (0.984, 0.973, 0.946, 0.953),
    "FJ": (0.966, 0.960, 0.924, 0.969),
    "FK": (0.984, 0.974, 0.960, 0.990),
    "FL": (0.984, 0.988, 0.947, 0.965),
    "FM": (0.979, 0.979, 0.960, 0.960),
    "FN": (0.973, 0.979, 0.906, 0.946),
    "FO": (0.978, 0.975, 0.965, 0.945),
    "FP": (0.963, 0.958, 0.912, 0.977),
    "FQ": (0.978, 0.960, 0.990, 0.978),
    "FR": (0.977, 0.975, 0.957, 0.962),
    "FS": (0.966, 0.959, 0.899, 0.928),
    "FT": (0.973, 0.964, 0.942, 0.978),
    "FU": (0.970, 0.975, 0.952, 0.928),
    "FV": (0.983, 0.983, 0.978, 0.960),
    "FW": (0.982, 0.980, 0.915, 0.941),
    "FX": (0.963, 0.955, 0.914, 0.880),
    "FY": (0.977, 0.980, 0.953, 0.898),
    "FZ": (0.981, 0.976, 0.957, 0.990),
    "GA": (0.984, 0.982, 0.937, 0.979),
    "GB": (0.986, 0.982, 0.961, 0.955),
    "GC": (0.983, 0.981, 0.901, 0.954),
    "GD": (0.973, 0.946, 0.847, 0.929),
    "GE": (0.957, 0.950, 0.886, 0.941),
    "GF": (0.960, 0.970, 0.898, 0.957),
    "GG": (0.966, 0.962, 0.918, 0.955),
    "GH": (0.973, 0.975, 0.915, 0.964),
    "GI": (0.961, 0.956, 0.858, 0.831),
    "GJ": (0.948, 0.911, 0.853, 0.886),
    "GK": (0.951, 0.928, 0.866, 0.900),
    "GL": (0.974, 0.970, 0.914, 0.936),
    "GM": (0.974, 0.969, 0.875, 0.934),
    "GN": (0.928, 0.727, 0.766, 0.692),
    "GO": (0.950, 0.960, 0.838, 0.891),
    "GP": (0.936, 0.862, 0.836, 0.727),  # (its Russian protocol read since 2026-12-06: more found, less sure)
    "GQ": (0.936, 0.871, 0.887, 0.808),
    "GR": (0.962, 0.940, 0.911, 0.853),
    "GS": (0.918, 0.832, 0.785, 0.760),
    "GT": (0.955, 0.913, 0.854, 0.832),
    "GU": (0.983, 0.924, 0.918, 0.900),
    "GV": (0.945, 0.842, 0.904, 0.831),
    # (blind at c2177d4: 0.910, 0.565, 0.854, 0.449, two of its six pages refused; floors at its
    # scores once they were read, less 0.01)
    "GW": (0.925, 0.752, 0.864, 0.699),
    # (blind at 61f144e: 0.979, 0.962, 0.957, 0.952; floors at its scores now, less 0.01)
    "GX": (0.969, 0.952, 0.942, 0.942),
    # (blind at 709c579: 0.956, 0.940, 0.959, 0.914; floors at its scores now, less 0.01)
    "GY": (0.948, 0.937, 0.960, 0.908),
    # (blind at 7257c9d: 0.977, 0.807, 0.948, 0.766, its press release refused; floors at its scores
    # now, less 0.01)
    "GZ": (0.979, 0.957, 0.964, 0.954),
    # (blind at 286f72c: 0.952, 0.942, 0.953, 0.963; floors at its scores now, less 0.01)
    "HA": (0.966, 0.949, 0.958, 0.958),
    # (blind at 81978a8: 0.989, 0.965, 0.906, 0.951; floors at its scores now, less 0.01)
    "HB": (0.985, 0.971, 0.942, 0.953),
    # (blind at 9b2054b: 0.973, 0.945, 0.943, 0.962; floors at its scores now, less 0.01)
    "HD": (0.975, 0.977, 0.983, 0.964),
    # (blind at 46f2b92: 0.971, 0.968, 0.920, 0.928; floors at its scores now, less 0.01)
    "HE": (0.969, 0.969, 0.927, 0.927),
    # (the last blind set, blind at b9e75a5: 0.967, 0.893, 0.961, 0.914; floors at its scores now, less 0.01)
    "HC": (0.964, 0.971, 0.957, 0.904),
    # (blind at 9352893: 0.990, 0.967, 0.956, 0.967; floors at its scores now, less 0.01)
    "HF": (0.987, 0.975, 0.968, 0.979),
    # (the round's last blind set, blind at 8f812b7: 0.962, 0.949, 0.873, 0.879; floors at its
    # scores now, less 0.01)
    "HG": (0.959, 0.952, 0.931, 0.907),
    # (the next round's first set, blind at e3687b0: 0.972, 0.972, 0.908, 0.949; floors at its
    # scores after tuning, 84268a1, less 0.01)
    "HH": (0.972, 0.972, 0.932, 0.946),
    # (the round's last blind set, blind at 84268a1: 0.967, 0.916, 0.872, 0.925; floors at its scores
    # after the fixes it showed, c9ca039, less 0.01)
    "HI": (0.968, 0.971, 0.909, 0.922),
    # (the next round's first set, blind at bcef277: 0.967, 0.825, 0.878, 0.735, its memorandum refused;
    # floors at its scores after tuning, 3d99a90, less 0.01)
    "HJ": (0.967, 0.947, 0.919, 0.942),
    # (the round's last blind set, blind at 3d99a90: 0.906, 0.858, 0.873, 0.759; floors at its scores
    # after its spreadsheet was read as a table, 0c26f24, less 0.01)
    "HK": (0.916, 0.876, 0.902, 0.854),
}


@pytest.mark.parametrize("name", sorted(ENTITY_SET_FLOORS))
def test_no_entity_set_loses_names(name, nlp):
    directory = TESTS / "heldout_entities" / name
    place, organization = _totals(directory / "gold", directory, nlp)
    scores = (place.precision, place.recall, organization.precision, organization.recall)
    assert all(score >= floor for score, floor in zip(scores, ENTITY_SET_FLOORS[name], strict=True)), scores


def test_a_name_in_capitals_ends_where_a_line_in_title_case_was_run_into_it(nlp) -> None:
    """A title's lines joined: the body in capitals does not take the town of the next line."""
    text = SHELL.format("RECORD OF THE MEETING OF THE NEAR SUBCOMMITTEE ON ENVIRONMENT Kizu Town, Kyoto Prefecture")
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["NEAR SUBCOMMITTEE ON ENVIRONMENT"] == "organization" and kinds["Kizu Town"] == "place"
    assert not [name for name in kinds if name.endswith("ENVIRONMENT Kizu Town")]


def test_an_unknown_name_where_a_town_stands_is_a_place(nlp) -> None:
    text = SHELL.format(
        "A boat ride from Otsu, Shiga Prefecture; a visit to the Amanohashidate sandbar and the terminal at Zabaikalsk."
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Otsu"] == kinds["Amanohashidate"] == kinds["Zabaikalsk"] == "place"


def test_hyphen_joined_names_plains_and_organs_of_near(nlp) -> None:
    text = SHELL.format(
        "The Subcommittee on Logistics of NEAR met the All-China Youth Federation on the Baikal–Amur Mainline, "
        "by Lake Tere-Khol, the Zeya-Bureya Plain and the Diaolou Waterfall festival."
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Subcommittee on Logistics"] == kinds["All-China Youth Federation"] == "organization"
    assert kinds["Baikal–Amur Mainline"] == kinds["Lake Tere-Khol"] == kinds["Zeya-Bureya Plain"] == "place"
    assert kinds["Diaolou Waterfall"] == "place"
    assert not {"Subcommittee on Logistics of NEAR", "All", "Lake Tere", "Baikal"} & set(kinds)


def test_the_city_of_a_city_is_that_city(nlp) -> None:
    names = dict(
        _entities_of(SHELL.format("Blagoveshchensk welcomed the mayor of the City of Blagoveshchensk."), nlp).values()
    )
    assert sorted(names["Blagoveshchensk"]) == ["Blagoveshchensk", "City of Blagoveshchensk"]


def test_companies_by_brand_and_hotels_by_city(nlp) -> None:
    text = SHELL.format(
        "Posco's steel works, Rusal smelters and Japan's JERA joined; delegates stayed at the Lotte Hotel Ulsan "
        "and flew S7 Airlines."
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["POSCO"] == kinds["Rusal"] == kinds["JERA"] == kinds["S7 Airlines"] == "organization"
    assert kinds["Lotte Hotel Ulsan"] == "place"


# (prose, the kind of each name it must yield, names it must not yield)
NAME_KIND_CASES = [
    (  # where a border is crossed: the town after "border at" (the model found nothing there)
        "A road corridor is planned from the Chinese border at Yarant through Hovd to the Russian border.",
        {"Yarant": "place"},
        [],
    ),
    (  # ranges of the member regions the gazetteer knows
        "The park covers the highest part of the Mongol Altai; the Sayan Mountains lie to the north.",
        {"Mongol Altai": "place", "Sayan Mountains": "place"},
        [],
    ),
    (  # what a deposit yields, and its deposits, before "of" and the deposit's name
        "JOGMEC reported on the rare earths of Tomtor.",
        {"Tomtor": "place"},
        [],
    ),
    (  # a bracket glued to the word before it opens an aside: the name before it is whole
        "Advisers of the Japan International Cooperation Agency(JICA) came to Hyogo Prefecture(兵庫縣).",
        {"Japan International Cooperation Agency": "organization", "Hyogo Prefecture": "place", "兵庫縣": "place"},
        ["Agency(JICA"],
    ),
    (  # a bracket closed before a Korean particle ends the name in it
        "- 도야마현 : 도야마현 위생연구소(Toyama Institute of Health)의 검사 체계와 질병관리본부(Korea Centers for "
        "Disease Control and Prevention)는 협력한다.",
        {
            "Toyama Institute of Health": "organization",
            "Korea Centers for Disease Control and Prevention": "organization",
        },
        ["Toyama Institute of Health)의", "Korea Centers for Disease Control and Prevention)는"],
    ),
    (  # peoples the model took for places: before "families", "empire", or in a list before one
        "Its inhabitants are Khalkh, Zakhchin, Torguud, Uriankhai and Kazakh families; Hovd was a garrison town "
        "of the Manchu empire. Delegates from Khovd and Uvs came.",
        {"Khovd": "place", "Uvs": "place"},
        ["Zakhchin", "Torguud", "Uriankhai", "Manchu"],
    ),
    (  # a body's seat after its acronym and a comma, whatever the model made of the word; not a company's
        "Observers came from the Conference of Peripheral Maritime Regions (CPMR), Rennes. "
        "Delegates of POSCO, Hyundai.",
        {"Rennes": "place", "Conference of Peripheral Maritime Regions": "organization"},
        [],
    ),
    (  # kingdoms of the region's history are places, not the sea or the town of one's name; a name's
        # "of the" tail opened by a word that names nothing alone runs on over the kingdom's name
        "The Balhae sites of Primorsky Krai, the tombs of Koguryo and the Bohai Sea were shown; the Capital "
        "Cities and Tombs of the Ancient Koguryo Kingdom were inscribed.",
        {
            "Balhae": "place",
            "Koguryo": "place",
            "Bohai Sea": "place",
            "Capital Cities and Tombs of the Ancient Koguryo Kingdom": "place",
        },
        ["Capital Cities and Tombs of the Ancient", "Koguryo Kingdom"],
    ),
    (  # a company glued from its trade, whatever the model guessed; codes of languages name nothing
        "RusHydro and Yakutskenergo presented the plant; the Statement (PDF, EN/KO/ZH/JA/RU/MN) was adopted.",
        {"Yakutskenergo": "organization"},
        ["EN/KO/ZH/JA/RU/MN"],
    ),
    (  # each name of a list after "towns of" or "beaches of" is a place
        "The towns of Wajima and Suzu are being rebuilt. Volunteers cleaned the beaches of Suzu and Wajima.",
        {"Suzu": "place", "Wajima": "place"},
        [],
    ),
    (  # a body named after its town is one name; two names in a row are two
        "They were welcomed by the Tamatsukuri Onsen Ryokan Association. "
        "Delegates came from Kyoto Prefecture Russian Federation.",
        {
            "Tamatsukuri Onsen Ryokan Association": "organization",
            "Kyoto Prefecture": "place",
            "Russian Federation": "place",
        },
        ["Ryokan Association"],
    ),
    (  # Asia and the Pacific are two places, and a body for them one name
        "A report on green growth in Asia and the Pacific. "
        "A director of the Regional Department for Asia and the Pacific of UN Tourism spoke.",
        {"Asia": "place", "Pacific": "place", "Regional Department for Asia and the Pacific": "organization"},
        ["Asia and the Pacific"],
    ),
    (  # a broadcaster's regional station, an office named by its owner, a town by its unit's ending
        "NHK Fukui, KBS Cheongju and GTRK Chita covered it; NHK broadcast it in Fukui. The Governor's Office "
        "of Tov Province and the Citizens' Representative Khural of Selenge Aimag came from Laizhou-shi.",
        {
            "NHK Fukui": "organization",
            "KBS Cheongju": "organization",
            "GTRK Chita": "organization",
            "NHK": "organization",
            "Governor's Office of Tov Province": "organization",
            "Citizens' Representative Khural of Selenge Aimag": "organization",
            "Fukui": "place",
            "Laizhou": "place",  # (Laizhou-shi is the city Laizhou)
        },
        [],
    ),
    (  # a body's "of" tail takes no event; "Secretariat of NEAR" is NEAR in an "of" phrase
        "The Working Group of the North East Asia Regional Governments Conference met the Secretariat of NEAR.",
        {"Working Group": "organization", "NEAR": "organization"},
        ["Working Group of the North East Asia Regional Governments Conference", "Secretariat of NEAR"],
    ),
    (  # a delegate's post and its field are no body
        "Delegates: Director for Asian Affairs, Shandong Province; Programme Officer, Tumen River Area "
        "Development Programme (TRADP); Head of Natural Resources, Administration of Khabarovsk Krai; "
        "Engineers of Baotou Steel (Group) Co., Ltd.; Director of the Environment Agency.",
        {
            "Tumen River Area Development Programme": "organization",
            "Administration of Khabarovsk Krai": "organization",
            "Baotou Steel (Group) Co., Ltd.": "organization",
            "Environment Agency": "organization",
        },
        [
            "Asian Affairs",
            "Programme Officer",
            "Natural Resources",
            "Natural Resources, Administration of Khabarovsk Krai",
            "Engineers of Baotou Steel",
            "Co., Ltd.",
        ],
    ),
    (  # a unit by its ordinal (not a meeting's body), an airline by its home
        "The 8th Regional Maritime Safety Headquarters and the 37th Infantry Division joined the drill; "
        "delegates flew Air Seoul to the 3rd Working Committee.",
        {
            "8th Regional Maritime Safety Headquarters": "organization",
            "37th Infantry Division": "organization",
            "Air Seoul": "organization",
        },
        ["3rd Working Committee", "the 37th"],
    ),
]


NAME_KIND_CASES += [
    (  # a Japanese particle a bracket leaves at a word's start is no part of the name after it
        "北東アジア地域自治体連合（NEAR）の環境分科委員会（Subcommittee on Environment）が開催されました。",
        {"環境分科委員会": "organization", "Subcommittee on Environment": "organization"},
        ["の環境分科委員会"],
    ),
    (  # a NEAR role is no place; an observatory that watches volcanoes or the sea is a body
        "The Coordinating Region reported that the Alaska Volcano Observatory and the Kobe Marine Observatory "
        "would join the Goseong Unification Observatory visit.",
        {
            "Alaska Volcano Observatory": "organization",
            "Kobe Marine Observatory": "organization",
            "Goseong Unification Observatory": "place",
        },
        ["Coordinating Region"],
    ),
    (  # a station with its place first; not a place where something is, before a broadcaster as subject
        "Pohang MBC covered it; in Fukui NHK broadcast it. Pupils of School No. 1 and of Secondary School № 1 sang.",
        {
            "Pohang MBC": "organization",
            "NHK": "organization",
            "Fukui": "place",
            "School No. 1": "organization",
            "Secondary School № 1": "organization",
        },
        ["Fukui NHK"],
    ),
    (  # trade negotiations named after a place; a place after "the ruins of"; former Russian okrugs
        "Markets opened after the Uruguay Round. The monastery stands beside the ruins of Karakorum. "
        "The Aginsky Buryat Autonomous Okrug and the Taymyr (Dolgano-Nenets) Autonomous Okrug were merged.",
        {
            "Karakorum": "place",
            "Aginsky Buryat Autonomous Okrug": "place",
            "Taymyr (Dolgano-Nenets) Autonomous Okrug": "place",
        },
        ["Uruguay", "Uruguay Round"],
    ),
    (  # people in a delegation's list (a name, then a post); a company's name with its ampersand;
        # a document's and a session's words
        "Xu Jianhua, Deputy Director-General, Hunan Provincial Department of Education; Kim Soo-jin, Director, "
        "Gyeongsangbuk-do; O. A. Belova, Vice-Rector. Pohang Iron & Steel Co., Ltd. signed Memoranda of "
        "Understanding. Digital campus: Huawei.",
        {"Hunan Provincial Department of Education": "organization", "Pohang Iron & Steel Co., Ltd.": "organization"},
        ["Jianhua", "Soo", "Belova", "Understanding", "Digital", "Steel Co., Ltd."],
    ),
    (  # a region's official name with its aside, as Sakha's
        "Delegates of the Republic of Tuva (Tyva) attended.",
        {"Republic of Tuva (Tyva)": "place"},
        ["Tyva", "Republic of Tuva"],
    ),
    (  # a peak by its head word (not a pass: "NEAR Tour Pass" is a ticket); a status is no place
        "They reached Khuiten Peak; Tojinbo is a World Natural Heritage site.",
        {"Khuiten Peak": "place"},
        ["World Natural Heritage"],
    ),
    (  # railway and airline companies the curated data knows
        "Russian Railways and China Railway took part; a Dalavia charter from Khabarovsk is planned.",
        {"Russian Railways": "organization", "China Railway": "organization", "Dalavia": "organization"},
        [],
    ),
    (  # a place after "the ports of"; a plural's apostrophe inside a body's name; a document; a model's
        # span with its native form; a unit before "of the" and its ministry
        "Coal goes through the ports of Vostochny and Vanino. A clinic of the Federal Scientific and Clinical "
        "Centre for Miners' Health Protection opened. The Agreed Conclusions were adopted. They saw the ruins "
        "of Laosicheng (老司城). The dam is run by the Yellow River Conservancy Commission of the Ministry of "
        "Water Resources of the People's Republic of China.",
        {
            "Vostochny": "place",
            "Federal Scientific and Clinical Centre for Miners' Health Protection": "organization",
            "Laosicheng": "place",
            "老司城": "place",
            "Yellow River Conservancy Commission": "organization",
            "Ministry of Water Resources": "organization",
        },
        ["Agreed Conclusions", "Laosicheng (老司城)", "Federal Scientific and Clinical Centre for Miners"],
    ),
    (  # a natural feature that names a body before it
        "The Shapotou Desert Research and Experiment Station and the Tengger Desert.",
        {"Shapotou Desert Research and Experiment Station": "organization", "Tengger Desert": "place"},
        ["Shapotou Desert", "Research and Experiment Station"],
    ),
    (  # a post the model's span grew into; a place after "of the" that the model spanned with its article;
        # a plural's apostrophe that is a body's, before the facility it owns
        "The State Secretary of the Ministry of Mining of Mongolia spoke. The Institute of History of the "
        "Peoples of the Far East dug at Kraskino. Samsung Electronics' Giheung Campus and the Mongolian "
        "Students' Union.",
        {
            "Ministry of Mining": "organization",
            "Institute of History of the Peoples of the Far East": "organization",
            "Samsung Electronics": "organization",
            "Giheung Campus": "place",
            "Mongolian Students' Union": "organization",
        },
        ["State Secretary", "Far East", "Samsung Electronics' Giheung Campus"],
    ),
    (  # a post's field after "for", the model's span taking the region's "of" too
        "Opening speech by the Vice-Governor for Administrative Affairs of Jeollabuk-do.",
        {"Jeollabuk-do": "place"},
        ["Administrative Affairs", "Administrative Affairs of Jeollabuk-do"],
    ),
    (  # a company's two fields joined by "and", four words before its form, a form of initials
        "In 2014 Henan Civil Aviation Development and Investment Co., Ltd. bought a share of Cargolux "
        "Airlines International S.A., and the plant of Hon Hai Precision Industry Co., Ltd. grew.",
        {
            "Henan Civil Aviation Development and Investment Co., Ltd.": "organization",
            "Cargolux Airlines International S.A.": "organization",
            "Hon Hai Precision Industry Co., Ltd.": "organization",
        },
        ["Investment Co., Ltd.", "Hai Precision Industry Co., Ltd.", "Cargolux Airlines International S.A"],
    ),
    (  # a name shape inside an event's longer name, an "and" maybe in it; NEAR names itself there
        "Parks met at the NEAR Science Park and Technopark Forum and the NEAR Hot Spring Tourism Seminar, "
        "then the NEAR Arctic Subcommittee and Northern Sea Route Forum met.",
        {"NEAR": "organization", "NEAR Arctic Subcommittee": "organization"},
        ["NEAR Science Park", "NEAR Hot Spring", "Technopark Forum"],
    ),
    (  # an agency's office by its acronym and its place; "the X Y office" is the agency and the place
        "Buyers came through KOTRA Shenyang and JETRO Kobe; the JETRO Kanazawa office translated.",
        {"KOTRA Shenyang": "organization", "JETRO Kobe": "organization", "JETRO": "organization", "Kanazawa": "place"},
        ["Shenyang", "Kobe", "JETRO Kanazawa"],
    ),
    (  # an organ's purpose with its "of" object; a country's department, "and" a body after its
        # country; a company's capitalised words before a known place in its name
        "With the Korean Committee for the Promotion of International Trade, the State Forestry "
        "Administration of China and Avialesookhrana; Airport Tolmachevo JSC of the Novaport holding.",
        {
            "Korean Committee for the Promotion of International Trade": "organization",
            "State Forestry Administration": "organization",
            "China": "place",
            "Avialesookhrana": "organization",
            "Airport Tolmachevo JSC": "organization",
            "Novaport": "organization",
        },
        ["Korean Committee for the Promotion", "State Forestry Administration of China and Avialesookhrana"],
    ),
    (  # a person by a calling or a home town, a period, an era: no names; a feature's other name in brackets
        "The Tang poet Du Fu, the physician Sun Simiao and the home town of Mencius; murals of the Northern Wei "
        "period and Yuan-dynasty temples; Qu Yuan drowned in 278 BC. The Yellow River (Hwang Ho) runs on.",
        {"Yellow River": "place", "Hwang Ho": "place"},
        ["Du Fu", "Sun Simiao", "Mencius", "Northern Wei", "Yuan-dynasty", "Yuan", "BC"],
    ),
    (  # bodies listed after a body with an "of" tail are bodies of their own, not its fields; an
        # eruption is an event
        "Exchange between the University of Toyama, Jilin Agricultural University and Gorno-Altaisk State "
        'University; the "Millennium Eruption" of about 946 AD; the NGO Baikal Environmental Wave.',
        {
            "University of Toyama": "organization",
            "Jilin Agricultural University": "organization",
            "Gorno-Altaisk State University": "organization",
            "Baikal Environmental Wave": "organization",
        },
        ["Millennium Eruption"],
    ),
    (  # a corporation's or a federation's "for" tail is its name
        "The Japan Finance Corporation for Small and Medium Enterprise (JASME) and the Federation for Korean "
        "Industries explained their loans to women founders.",
        {
            "Japan Finance Corporation for Small and Medium Enterprise": "organization",
            "JASME": "organization",
            "Federation for Korean Industries": "organization",
        },
        ["Japan Finance Corporation"],
    ),
    (  # a research station is a place unless a prefecture runs it
        "KORDI presented the Ieodo Ocean Research Station, and the Toyama Prefectural Fisheries Research "
        "Station its catches; a visit to the Naiman Desertification Research Station.",
        {
            "Ieodo Ocean Research Station": "place",
            "Naiman Desertification Research Station": "place",
            "Toyama Prefectural Fisheries Research Station": "organization",
        },
        [],
    ),
    (  # peoples listed, ways of romanising Korean: no names; older spellings of a town and a region
        "Fishing rights of the Koryak, Itelmen and Even communities; the Revised Romanization replaced the "
        "McCune–Reischauer spellings. Roads from Hunchon; the Koryak National Okrug.",
        {"Hunchon": "place", "Koryak National Okrug": "place"},
        ["Koryak Itelmen", "Even", "Revised Romanization", "McCune", "McCune–Reischauer"],
    ),
    (  # a name the text says is a town is a place; "It", "The Bank" are none
        "Khangi is a settlement of some 600 people; Bomi（博米）is now a small fishing village. It is a town "
        "too. The Bank is a city lender.",
        {"Khangi": "place", "Bomi": "place"},
        ["It", "Bank", "The Bank"],
    ),
    (  # a town's romanised other name before its own-script name in its brackets; an acronym is none
        "Bayan Obo (Baiyun'ebo, 白云鄂博) lies north of Baotou; the Yellow River (UNESCO) flows past it.",
        {"Bayan Obo": "place", "Baiyun'ebo": "place", "UNESCO": "organization"},
        [],
    ),
    (  # unknown names listed among places are places, among bodies bodies; rivers after their article
        "Crabs caught off Guryongpo, Akasaki and Primorsky Territory; the line towards Bichigt, Numrug and Arxan; "
        "papers of the Shenhua Group, Raspadskaya and Erdenes MGL; the valleys of the Onon and the Ulz; the "
        "Khingansky Nature Reserve and the Oriental storks; media: GTRK Vladivostok, PrimaMedia, Zolotoy Rog.",
        {
            "Akasaki": "place",
            "Numrug": "place",
            "Raspadskaya": "organization",
            "Ulz": "place",
            "PrimaMedia": "organization",
        },
        ["Oriental"],
    ),
    (  # a cape and a mountain range by their native forms, an acronym before a native form, a school's field,
        # a town on its island, a research station, a network named after a sea, a plant after its capacity
        "Rescue off Homigot (호미곶) and in Shirakami-Sanchi (白神山地); the National Institute of Fisheries "
        "Science (NIFS, 국립수산과학원) and the Tokyo University of Marine Science and Technology; Ama Town on "
        "Nakanoshima; the Dongting Lake Station for Wetland Ecosystem Research and the Our Sea of East Asia "
        "Network; the 50 MW Salkhit Wind Farm.",
        {
            "Homigot": "place",
            "Shirakami-Sanchi": "place",
            "NIFS": "organization",
            "Tokyo University of Marine Science and Technology": "organization",
            "Ama Town": "place",
            "Nakanoshima": "place",
            "Dongting Lake Station for Wetland Ecosystem Research": "organization",
            "Our Sea of East Asia Network": "organization",
            "Salkhit Wind Farm": "place",
        },
        ["Tokyo University", "Ama Town on Nakanoshima", "MW Salkhit Wind Farm"],
    ),
    (  # a treaty nests its body's name; a cliff's and an arch's names; a manor; ruins by their native form; a town
        "Under the United Nations Convention on the Law of the Sea; the sea cliff of Matengai and the rock arch of "
        "Tsutenkyo; the Kang Baiwan Manor and Yinxu (殷墟); newcomers in Ama Town and the Old Town.",
        {
            "Matengai": "place",
            "Tsutenkyo": "place",
            "Kang Baiwan Manor": "place",
            "Yinxu": "place",
            "殷墟": "place",
            "Ama Town": "place",
        },
        ["United Nations", "Old Town"],
    ),
    (  # lower-case words saying where on another name part the two; a town on its island
        "The capital of the Uyghur Khaganate on the left bank of the Orkhon River; the Us Khatyn site of the "
        "Ysyakh festival; the town of Ama on Nakanoshima offered to host it.",
        {"Uyghur Khaganate": "place", "Orkhon River": "place", "Ama": "place"},
        ["the Orkhon River", "Uyghur Khaganate on the left bank", "Us Khatyn site of the Ysyakh", "Ama on Nakanoshima"],
    ),
    (  # a route's untagged end (not in a quoted title); a known name before common nouns; people of a body; a cargo
        "The railway from Choibalsan to Sumber; the Primorye-2 international transport corridor; Speakers of Jilin "
        'University; Coal and iron ore; the talk "From Akademgorodok to Daedeok: science cities".',
        {"Sumber": "place", "Primorye-2": "place", "Jilin University": "organization"},
        ["Primorye-2 international transport corridor", "Speakers of Jilin University", "Coal", "Daedeok"],
    ),
    (  # a programme part's topic names nothing unknown; a body an apposition calls one; not a person so called
        "Session I: Trade, Ports and Sea Routes. Session 2: Breeding, Feed and Animal Health. Heifer International, "
        "an NGO, and Tetra Pak, the Swedish packaging company, spoke; Mr. Kim, the company's director, too.",
        {"Heifer International": "organization", "Tetra Pak": "organization"},
        ["Ports", "Sea Routes", "Feed", "Animal Health", "Mr. Kim"],
    ),
    (  # "on" after an event may say where it is; a river by its name after "the"; a kingdom of the past
        "A festival on the Arakhley lakes; a bridge over the Lena at Yakutsk; envoys of the ancient kingdom "
        "of Balhae; the Dashidaira and Unazuki dams; Langya Terrace; the Daedeok Science Town.",
        {
            "Arakhley": "place",
            "Lena": "place",
            "Balhae": "place",
            "Unazuki": "place",
            "Langya Terrace": "place",
            "Daedeok Science Town": "place",
        },
        ["Langya"],
    ),
    (  # a committee for an event is a body, the event's name with it; a crisis no body; a dairy company
        "The President of the PyeongChang Organizing Committee for the 2018 Olympic and Paralympic Winter Games "
        "spoke after the Global Financial Crisis, with Heilongjiang Feihe Dairy and the State of Alaska.",
        {
            "PyeongChang Organizing Committee for the 2018 Olympic and Paralympic Winter Games": "organization",
            "Heilongjiang Feihe Dairy": "organization",
            "State of Alaska": "place",
        },
        ["Global Financial Crisis", "Heilongjiang"],
    ),
    (  # a company before its site (a power plant is its place's); a range by its short name; a city's games
        "A visit to the Intel plant, the Weiqiao textile plant and the Khutul cement plant, east of the Urals; "
        "the Primorskaya GRES power plant; the Tokyo 2020 Games.",
        {"Intel": "organization", "Weiqiao": "organization", "Urals": "place"},
        ["Tokyo"],
    ),
    (  # each of two names before their plural noun
        "Houses sank in the Nishiaraya and Miyasaka districts.",
        {"Nishiaraya": "place", "Miyasaka": "place"},
        [],
    ),
    (  # a mission abroad with its seat; posts name no body, what they are of may be a place
        "Guests came from the Consulate-General of Japan in Busan, with the Consul General of Mongolia in "
        "Ulan-Ude, the Consuls General of China and the Vice-Governors of Kyongsangbuk-do and Chollanam-do.",
        {
            "Consulate-General of Japan in Busan": "organization",
            "Mongolia": "place",
            "Ulan-Ude": "place",
            "Kyongsangbuk-do": "place",
        },
        ["Consul General", "Consuls General", "Vice-Governors", "Consulate-General"],
    ),
    (  # a school with a name of its own and its city; not one named after a prefecture; a hyphen's lower word
        "Speakers of Northeastern University of Shenyang, the Industrial Research Institute of Ishikawa, the "
        "National University of Mongolia and the State Key Laboratory of High-efficiency Utilization of Coal.",
        {
            "Northeastern University": "organization",
            "Shenyang": "place",
            "Industrial Research Institute of Ishikawa": "organization",
            "National University of Mongolia": "organization",
            "State Key Laboratory of High-efficiency Utilization of Coal": "organization",
        },
        ["Northeastern University of Shenyang", "State Key Laboratory of High"],
    ),
    (  # a name before "region" is a place's; a named road; a regatta course and a fortress are two
        "The Forum of Regional Governments of North East Asia on Local Autonomy met near Mount Daisen, the "
        "highest peak of the Chugoku region, walked the Mizuki Shigeru Road and the Great Tea Road, and saw "
        "the Misari Regatta Course and Namhansansong Fortress; the road to Sakhalin was closed.",
        {
            "Chugoku": "place",
            "Mizuki Shigeru Road": "place",
            "Misari Regatta Course": "place",
            "Namhansansong Fortress": "place",
            "Sakhalin": "place",
        },
        ["Local Autonomy", "Misari Regatta Course and Namhansansong Fortress"],
    ),
    (  # a dash before a port's name parts the route's other end; a railway's two ends name it
        "Ferries run Niigata–Vladivostok and Donghae–Vostochny Port; the Blagoveshchensk–Heihe Bridge opened.",
        {"Donghae": "place", "Vostochny Port": "place", "Blagoveshchensk–Heihe Bridge": "place"},
        ["Donghae–Vostochny Port"],
    ),
    (  # a centre whose words make a body of it, named after a city, is one name
        "The forum was sponsored by the Jeju Free International City Development Center.",
        {"Jeju Free International City Development Center": "organization"},
        ["Jeju Free International City"],
    ),
    (  # a bullet glued to a name's first word is no word of it
        "The observers came from ・Japan International Cooperation Agency and •United Nations Environment Programme.",
        {
            "Japan International Cooperation Agency": "organization",
            "United Nations Environment Programme": "organization",
        },
        ["International Cooperation Agency", "Nations Environment Programme"],
    ),
    (  # a UN body's post in a country is no body
        "Messages were read from the Resident Representative of UNDP China.",
        {"UNDP": "organization"},
        ["Resident Representative"],
    ),
    (  # a company by its leading legal form
        "Delegates of JSC Vostochny Port visited the port.",
        {"JSC Vostochny Port": "organization"},
        [],
    ),
    (  # a ministers' meeting is an event, not a body
        "The study was planned by the Tripartite Environment Ministers Meeting (TEMM) of China, Japan and Korea.",
        {"China": "place"},
        ["Tripartite Environment Ministers Meeting", "TEMM"],
    ),
    (  # a country glued to the sentence after it by full-width tortoise-shell brackets
        "〔Japan〕The Ministry of Health, Labour and Welfare (MHLW) of Japan explained the list.",
        {"Ministry of Health, Labour and Welfare": "organization", "Japan": "place"},
        ["Japan〕The Ministry of Health"],
    ),
    (  # a city inside an event's name that "and" joins words of
        "Heilongjiang Province showed the Harbin International Ice and Snow Sculpture Festival.",
        {"Heilongjiang Province": "place"},
        ["Harbin", "Harbin International Ice"],
    ),
    (  # a plural possessive of people inside a body's name
        "Session 3 launched the NEAR Women Leaders' Network with the support of UN Women.",
        {"NEAR Women Leaders' Network": "organization", "UN Women": "organization"},
        [],
    ),
    (  # a body's "for" tail listing its fields
        "The Department for Civil Defence, Emergencies and Fire Safety reported on the flood.",
        {"Department for Civil Defence, Emergencies and Fire Safety": "organization"},
        ["Department for Civil Defence"],
    ),
    (  # an organ of the people it is of, and a place's body of its people in the possessive
        "The Korean National Council of Women and the Japan Sea Rim Women's Network met in Niigata.",
        {"Korean National Council of Women": "organization", "Japan Sea Rim Women's Network": "organization"},
        ["Korean National Council", "Japan Sea Rim"],
    ),
    (  # a bracket closed right before a full-width colon, and an acronym's name in full-width brackets
        "・Sakha Republic (Yakutia)：the permafrost.\n・IUCN（The World Conservation Union）：the Red List.",
        {"Sakha Republic (Yakutia)": "place", "World Conservation Union": "organization"},
        ["Yakutia)"],
    ),
    (  # a name in its own script before the English name of its government: two names
        "（鳥取県 Tottori Prefectural Government, International Affairs Division）",
        {"鳥取県": "place", "Tottori Prefectural Government": "organization"},
        ["鳥取県 Tottori Prefectural Government"],
    ),
    (  # an unknown word where a place stands, before its name in its own script
        "The planting led since 1991 by Professor Seiei Toyama at Enggebei (恩格贝) goes on.",
        {"Enggebei": "place", "恩格贝": "place"},
        [],
    ),
    (  # ... after an article too
        "Delegations met on 17–18 September at the Kanikurgan (Каникурган) border crossing.",
        {"Kanikurgan": "place", "Каникурган": "place"},
        [],
    ),
    (  # one word the model took for a body where places stand: after "between", after a place and "and"
        "Snow crab landings at Ganggu Port (강구항) and Hupo have fallen by half in ten years.\n▷ Tottori Prefecture "
        "proposed a joint survey of the snow crab stock between Oki and Ulleungdo (울릉도).",
        {"Hupo": "place", "Oki": "place", "Ulleungdo": "place"},
        [],
    ),
    (  # a body's acronym before where it is, in one bracket; a facility's bureau named with it
        "The Global Fire Monitoring Center (GFMC, Freiburg, Germany) reported, and the Kobe City Port and "
        "Harbor Bureau recalled the earthquake.",
        {
            "Global Fire Monitoring Center": "organization",
            "GFMC": "organization",
            "Freiburg": "place",
            "Kobe City Port and Harbor Bureau": "organization",
        },
        ["Kobe City Port", "Harbor Bureau"],
    ),
    (  # a Latin name's own-script aside in full-width brackets glued to it; a Japanese city's ward
        "Field visit: Rokko Island（六甲アイランド） and the Sumiyoshi River（住吉川） in Nada Ward.",
        {"Rokko Island": "place", "六甲アイランド": "place", "住吉川": "place", "Nada Ward": "place"},
        [],
    ),
    (  # page furniture at a name's end is no word of it (but a news agency's "News" is)
        "Reports by the NEAR Subcommittee on Culture Exchange Posted 2003-07-02 and the Tottori Prefectural "
        "Government TEL 0857-26-7111; Yonhap News covered it.",
        {
            "NEAR Subcommittee on Culture Exchange": "organization",
            "Tottori Prefectural Government": "organization",
            "Yonhap News": "organization",
        },
        ["NEAR Subcommittee on Culture Exchange Posted", "Tottori Prefectural Government TEL"],
    ),
    (  # a web page's path above the record names nothing
        "NEAR | Home > Notice & News > News. Home / Press centre / News / International cooperation.",
        {"NEAR": "organization"},
        ["Home > Notice & News > News", "Home / Press", "Home", "News"],
    ),
    (  # ... its steps parted by the full-width sign, as Japanese pages part them
        "Home ＞ International Exchange ＞ NEAR ＞ Environment Subcommittee 2006",
        {"NEAR": "organization"},
        ["Home ＞ International Exchange", "International Exchange"],
    ),
    (  # a protocol's labels in capitals, alone on their line or before what was heard
        "PROCEEDINGS\n5.1 HEARD: the report of the Governor of Chungcheongnam-do, Chair of NEAR for\n2006-2008, "
        "and the report of the Secretary General.\nDECIDED:\n   5.1.1 To approve the report of the Chair region.",
        {"Chungcheongnam-do": "place"},
        ["DECIDED", "HEARD"],
    ),
    (  # a Chinese page's footer: its ICP licence number, Latin letters glued to Chinese, is no name
        "Copyright © Heilongjiang Foreign Affairs Office · Address: 202 Zhongshan Road, Harbin · 黑ICP备05003427号",
        {"Heilongjiang Foreign Affairs Office": "organization"},
        ["ICP备05003427号", "黑ICP备05003427号", "ICP"],
    ),
    (  # an acronym glued to the Chinese prose around it
        "（二）建议NEAR秘书处与UNESCO合作举办遗址管理培训班。",
        {"UNESCO": "organization"},
        ["与UNESCO合作举办遗址管理培训班"],
    ),
    (  # a railway named in full, then by its first word alone in the prose after it
        "Cargo goes on the Trans-Siberian Railway to Europe.\n▷ Wagons wait when the Trans-Siberian is congested.",
        {"Trans-Siberian Railway": "place", "Trans-Siberian": "place"},
        [],
    ),
]


def test_a_bracket_closed_before_a_korean_particle_is_a_token_of_its_own(nlp) -> None:
    words = [token.text for token in nlp.tokenizer("위생연구소(Toyama Institute of Health)의 검사, (Yakutia)：the")]
    assert words[5:8] == ["Health", ")", "의"] and "Yakutia" in words


def test_latin_letters_are_parted_from_the_cjk_or_hangul_glued_to_them(nlp) -> None:
    words = [token.text for token in nlp.tokenizer("建议NEAR秘书处与UNESCO合作；ＮＥＡＲ事務局；UNESCO와 협력")]
    assert words[:6] == ["建议", "NEAR", "秘书处与", "UNESCO", "合作", "；"]
    assert words[6:8] == ["ＮＥＡＲ", "事務局"] and words[9:11] == ["UNESCO", "와"]


@pytest.mark.parametrize(("prose", "expected", "absent"), NAME_KIND_CASES)
def test_names_and_their_kinds(prose, expected, absent, nlp) -> None:
    kinds = dict(_kinds_of(SHELL.format(prose), nlp))
    assert {name: kinds.get(name) for name in expected} == expected
    assert [name for name in absent if name in kinds] == []


def test_an_organizers_remark_names_what_it_names_and_a_full_width_slash_parts_its_bodies(nlp) -> None:
    text = FIELDS_SHELL.format(
        "Organizer: Shandong Provincial People’s Government ／ Toyama Prefecture (coordinating member of the "
        "Subcommittee on Environment)"
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Shandong Provincial People’s Government"] == kinds["Subcommittee on Environment"] == "organization"
    assert kinds["Toyama Prefecture"] == "place"


def test_an_organizer_field_of_bodies_in_hangul_each_with_its_english_name_is_parted_at_its_commas(nlp) -> None:
    text = FIELDS_SHELL.format(
        "Organizer: 전라남도 (Jeollanam-do), 순천시 (Suncheon City), NEAR 사무국 (NEAR Secretariat)"
    ).replace("▷ Talks.", "▷ 지침을 회원 자치단체에 송부 (NEAR 사무국, 경북 포항 소재)")
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Jeollanam-do"] == kinds["전라남도"] == kinds["Suncheon City"] == kinds["순천시"] == "place"
    assert kinds["NEAR 사무국"] == "organization" and not [name for name in kinds if "," in name]
    # what follows a name written partly in Hangul is no Hangul form of it
    assert "경북 포항 소재" not in kinds


def test_a_second_organizer_field_parted_by_a_hangul_dot_with_a_chairs_years(nlp) -> None:
    text = FIELDS_SHELL.format(
        "Host: Busan Metropolitan City\nOrganizer: NEAR Secretariat ㆍ Khabarovsk Krai (Chair region 2000~2002)"
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["NEAR Secretariat"] == "organization" and kinds["Khabarovsk Krai"] == "place"
    assert not {"NEAR Secretariat ㆍ Khabarovsk Krai", "Chair region 2000~2002"} & set(kinds)


def test_a_ministry_whose_fields_go_on_after_a_name_the_gazetteer_knows_is_its_own_countrys(nlp) -> None:
    ids = _ids_of(
        SHELL.format(
            "With the support of the Ministry of Environment and Climate Change of Mongolia.\n"
            "▷ The Ministry of Environment of Korea reported."
        ),
        nlp,
    )
    assert "Ministry of Environment and Climate Change" in ids and "Mongolia" in ids
    assert ids["Ministry of Environment and Climate Change"] != ids["Ministry of Environment"]


def test_a_venues_town_of_its_region_is_two_places(nlp) -> None:
    kinds = dict(_kinds_of(VENUE_SHELL.format("Ust-Orda District of Irkutsk Oblast, Russia"), nlp))
    assert kinds["Ust-Orda District"] == kinds["Irkutsk Oblast"] == "place"
    assert "Ust-Orda District of Irkutsk Oblast" not in kinds
    kinds = dict(_kinds_of(VENUE_SHELL.format("Yakutsk, Republic of Sakha (Yakutia), Russia"), nlp))
    assert kinds["Republic of Sakha (Yakutia)"] == "place"
    kinds = dict(_kinds_of(VENUE_SHELL.format("Rason, Democratic People's Republic of Korea"), nlp))
    assert kinds["Democratic People's Republic of Korea"] == "place"
    assert "Democratic People's Republic" not in kinds


def test_an_observer_body_of_a_body_is_two(nlp) -> None:
    text = (
        "The 10th Meeting of the Environment Subcommittee\n· Overview\nPeriod: 2015\n"
        "Participants: Japan (1; Toyama Prefecture)\n"
        "《※ Participated as observer》 Northwest Pacific Action Plan (NOWPAP) of the United Nations "
        "Environment Programme (UNEP)\n· Contents\n▷ Reports\n"
    )
    names = dict(_entities_of(text, nlp).values())
    assert {"Northwest Pacific Action Plan", "United Nations Environment Programme"} <= set(names)


def test_a_listed_name_is_without_its_article(nlp) -> None:
    text = (
        "The 3rd Working Committee\n· Overview\nPeriod: 1997\nParticipants: Japan (1; Toyama Prefecture)\n"
        "《※ Participated as observer》 The Northern Forum (Anchorage, Alaska, USA)\n· Contents\n▷ Reports\n"
    )
    names = {alias for aliases in _entities_of(text, nlp).values() for alias in aliases[1]}
    assert {"Northern Forum", "Alaska"} <= names and "The Northern Forum" not in names


def test_a_bracket_before_a_colon_closes_a_name(nlp) -> None:
    text = SHELL.format("Republic of Sakha (Yakutia): solar plants; a tsunami drill and grants for schools.")
    names = dict(_entities_of(text, nlp).values())
    assert names["Sakha Republic"] == ["Republic of Sakha (Yakutia)"]
    assert len(names) == 2  # NEAR (the title's) and the republic: no tsunami, no grants


def test_abbreviations_branches_steel_and_lower_case_nouns(nlp) -> None:
    text = SHELL.format(
        "Delegates climbed Mt. Zao with WWF Russia, saw the Natalka deposit and Matsue city, met the Ramsar "
        "Convention Secretariat and Hyundai Steel in the Shijiazhuang High-tech Industrial Development Zone."
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Mt. Zao"] == kinds["Natalka"] == kinds["Matsue"] == "place"
    assert kinds["Shijiazhuang High-tech Industrial Development Zone"] == "place"
    assert kinds["WWF Russia"] == kinds["Ramsar Convention Secretariat"] == kinds["Hyundai Steel"] == "organization"
    kinds = dict(_kinds_of(SHELL.format("Heihe City of Heilongjiang Province will co-host."), nlp))
    assert kinds["Heihe City"] == kinds["Heilongjiang Province"] == "place"


def test_an_event_holds_no_place_and_an_aside_may_hold_brackets(nlp) -> None:
    text = (
        "The 5th NEAR Environment Subcommittee\n· Overview\nPeriod: 2012\n"
        "Participants: Russia (1; Republic of Sakha (Yakutia) (Республика Саха (Якутия)))\n"
        "· Contents\n▷ A minute of silence for the victims of the Great East Japan Earthquake.\n"
    )
    names = dict(_entities_of(text, nlp).values())
    assert sorted(names["Sakha Republic"]) == ["Republic of Sakha (Yakutia)", "Республика Саха (Якутия)"]
    assert not {"East Japan", "Great"} & {alias for aliases in names.values() for alias in aliases}


def _kinds_of(text: str, nlp) -> list[tuple[str, str]]:
    """(name as written, kind) of every entity the text's record holds."""
    from pipeline import read_bytes

    (record,) = tag([parse(read_bytes(text.encode(), "x.txt"))], nlp)
    return [(alias, entity.kind) for entity in record.entities for alias in [entity.name, *entity.aliases]]


def _ids_of(text: str, nlp) -> dict[str, str]:
    """The id of the entity each name or alias of the text's record belongs to."""
    return {alias: entity_id for entity_id, (_, aliases) in _entities_of(text, nlp).items() for alias in aliases}


def _spellings_of(text: str, nlp) -> set[str]:
    """Every name and alias of the entities the text's record holds."""
    return {spelling for spelling, _ in _kinds_of(text, nlp)}


def test_a_model_loaded_for_some_texts_tags_them_as_the_whole_model(nlp) -> None:
    """Only the names that can match in the texts are in its rulers: the same entities, and
    far fewer patterns (a build of one new text loads it in a fraction of the time)."""
    records = [
        parse(read(TESTS / "samples" / "near-2002-heilongjiang.txt")),
        parse(read(TESTS / "heldout_entities" / "J" / "near-1993-matsue-regional-conference.txt")),
    ]
    for record in records:
        texts = prose(record)
        few = load_nlp(texts=texts)
        assert tag([record], few)[0].entities == tag([record], nlp)[0].entities
        assert len(few.get_pipe("span_ruler").patterns) < len(nlp.get_pipe("span_ruler").patterns) / 10


def test_rulers_made_again_for_other_texts_replace_the_first_ones(nlp) -> None:
    """The model a build loads ahead gets the rulers of each batch of texts in turn (the
    texts built first, then the rest): each batch is tagged as the whole model tags it."""
    first, second = (
        parse(read(TESTS / "samples" / "near-2002-heilongjiang.txt")),
        parse(read(TESTS / "heldout_entities" / "J" / "near-1993-matsue-regional-conference.txt")),
    )
    model = load_model()
    with_rulers(model, texts=prose(first))
    with_rulers(model, texts=prose(second))
    assert model.pipe_names.count("span_ruler") == 1 and model.pipe_names.count("acronym_ruler") == 1
    assert tag([second], model)[0].entities == tag([second], nlp)[0].entities


def test_the_rulers_hold_each_name_as_the_tokenizer_splits_it(nlp) -> None:
    """The rulers split a name of words of letters at its spaces without tokenizing it: they
    must hold every name of the gazetteer as rulers that tokenize all of them do, the same
    words under the same label and id."""
    import spacy

    gazetteer = load_gazetteer()
    tokenizing = spacy.blank("en", vocab=nlp.vocab)
    tokenizing.tokenizer = nlp.tokenizer
    for name, patterns in (("span_ruler", gazetteer.patterns()), ("acronym_ruler", gazetteer.acronym_patterns())):
        made = nlp.get_pipe(name)
        reference = tokenizing.add_pipe(
            "span_ruler", name=name, config={"spans_key": None, "phrase_matcher_attr": made.phrase_matcher_attr}
        )
        reference.add_patterns(patterns)
        assert phrases_held(made.phrase_matcher) == phrases_held(reference.phrase_matcher)
        assert reference._match_label_id_map.items() <= made._match_label_id_map.items()


def phrases_held(matcher) -> dict[str, set[tuple[int, ...]]]:
    """A PhraseMatcher's phrases by key, as it pickles them (they are not otherwise read)."""
    return matcher.__reduce__()[1][1]


def test_the_models_tokenizer_is_the_one_english_builds() -> None:
    """``load_model`` does not read the model package's tokenizer (it would be made twice):
    the tokenizer spaCy builds for English must be that one, byte for byte."""
    import spacy

    name = resolve_model(None)
    packaged = spacy.load(name, exclude=EXCLUDED_COMPONENTS)
    built = spacy.load(name, exclude=[*EXCLUDED_COMPONENTS, "tokenizer"])
    assert built.tokenizer.to_bytes() == packaged.tokenizer.to_bytes()


def test_the_tokenizer_made_at_once_is_englishs_with_the_records_own_marks(nlp) -> None:
    """``near_tokenizer`` makes at once what English's tokenizer is with its rules, prefixes,
    suffixes and infixes set afterwards: the same tokenizer, byte for byte; and the model's is that one."""
    import spacy

    english = spacy.blank("en")
    tokenizer = english.tokenizer
    tokenizer.rules = {text: tokens for text, tokens in tokenizer.rules.items() if not _emoticon(text)}
    prefixes = [*english.Defaults.prefixes, *(re.escape(bullet) for bullet in GLUED_BULLETS)]
    tokenizer.prefix_search = spacy.util.compile_prefix_regex(prefixes).search
    tokenizer.suffix_search = spacy.util.compile_suffix_regex([*english.Defaults.suffixes, NOTE_REFERENCE]).search
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(
        [
            *english.Defaults.infixes,
            GLUED_BRACKET,
            CJK_PUNCTUATION,
            CLOSED_BEFORE_CJK_PUNCTUATION,
            LISTING_MIDDLE_DOT,
            LATIN_BESIDE_CJK,
            JAPANESE_PARTICLE_BEFORE_NAME,
        ]
    ).finditer
    made_afterwards = tokenizer.to_bytes(exclude=["vocab"])
    assert near_tokenizer()(english).to_bytes(exclude=["vocab"]) == made_afterwards
    assert nlp.tokenizer.to_bytes(exclude=["vocab"]) == made_afterwards


def test_the_models_matrix_products_run_on_numpys_blas_one_thread_a_process(nlp) -> None:
    """Not on thinc's default blis: the same entities in about two thirds of the time; one
    thread, as a build runs one process per core."""
    from threadpoolctl import threadpool_info

    ner = nlp.get_pipe("ner").model
    # (the layers whose products thinc computes; the transition loop multiplies by "upper" itself)
    assert [ner.get_ref(layer).ops.use_blis for layer in ("tok2vec", "lower")] == [False, False]
    blas = [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and set(blas) == {1}


def test_a_name_can_match_only_where_its_words_are() -> None:
    gazetteer = load_gazetteer()
    text = "Delegates of 富山県の and Gyeongsangbuk-do met in 부산광역시에서 and Хабаровского."
    names = {pattern["pattern"] for pattern in gazetteer.patterns([text])}
    # (words beyond ASCII anywhere in a run of letters: a particle or an ending glued on)
    assert {"富山県", "Gyeongsangbuk-do", "부산광역시", "부산", "Хабаровск"} <= names
    assert not {"Toyama Prefecture", "Khabarovsk", "東京", "서울"} & names


def test_a_lower_case_aside_of_an_authority_names_nothing(nlp) -> None:
    text = (
        "The 6th Meeting of the NEAR Subcommittee on Agriculture\nOVERVIEW\nDate: 10-12 July 2012\n"
        "Participants: Russia: Republic of Khakassia (host), Amur Oblast; Japan: Toyama Prefecture (host region)\n"
    )
    ids = {entity.id for entity in tag([parse(read_bytes(text.encode(), "x.txt"))], nlp)[0].entities}
    assert {"RU-KK", "RU-AMU", "JP-16"} <= ids
    assert not any(identity.startswith("name:host") for identity in ids)


def test_a_count_in_an_authoritys_aside_names_nothing(nlp) -> None:
    text = (
        "NEAR Youth Camp 2011\nOVERVIEW\nDate: 8-12 August 2011\n"
        "Participants: Japan: Toyama Prefecture\n"
        "Observer : Ningxia Hui Autonomous Region (2 students, at their own expense)\n"
    )
    names = [entity.name for entity in tag([parse(read_bytes(text.encode(), "x.txt"))], nlp)[0].entities]
    assert "Ningxia Hui Autonomous Region" in names and not any(name.startswith("2 ") for name in names)


def test_a_name_in_another_script_bracketed_after_a_place_is_that_place(nlp) -> None:
    text = SHELL.format(
        "Rafting on the Katun River (Катунь) below Mount Belukha (Белуха), ferries on the Tsugaru Strait (津軽海峡) "
        "and delegates of the Republic of Sakha (Yakutia) (Республика Саха (Якутия))."
    )
    groups = [set(aliases) for _, aliases in _entities_of(text, nlp).values()]
    assert {"Katun River", "Катунь"} in groups
    assert {"Mount Belukha", "Белуха"} in groups  # the model alone read it as a body
    assert {"Tsugaru Strait", "津軽海峡"} in groups
    assert any({"Republic of Sakha (Yakutia)", "Республика Саха (Якутия)"} <= group for group in groups)
    assert not any("Якутия" in name and name != "Республика Саха (Якутия)" for group in groups for name in group)


def test_an_unknown_word_the_model_took_for_a_body_is_a_town_where_a_route_ends_or_beside_a_town(nlp) -> None:
    text = SHELL.format(
        "The road of the Chuysky Trakt runs from Biysk to Kosh-Agach and the border post of Tashanta; "
        "an expedition with Khovd and Ulgii; Aeroflot and Rosneft."
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Kosh-Agach"] == kinds["Ulgii"] == "place"
    assert kinds["Aeroflot"] == kinds["Rosneft"] == "organization"


def test_an_organ_named_by_its_field_is_a_name_and_a_year_after_for_ends_it(nlp) -> None:
    text = SHELL.format(
        "Jeollabuk-do coordinates the Cultural Exchange Subcommittee for 2010-2011; the report of the "
        "Maritime Logistics Subcommittee of NEAR was adopted; the Secretariat thanked the hosts."
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Cultural Exchange Subcommittee"] == kinds["Maritime Logistics Subcommittee"] == "organization"
    assert kinds["NEAR"] == "organization"
    assert not {"Secretariat", "Cultural Exchange Subcommittee for 2010-2011"} & set(kinds)


@pytest.mark.parametrize(
    ("kind", "spellings"),
    [
        ("place", ("Terkhiin Tsagaan Nuur", "Terkhiin Tsagaan Lake")),
        ("place", ("Lake Chao", "Chaohu Lake")),
        ("place", ("Izumo Taisha", "Izumo Grand Shrine")),
        ("place", ("Helan Shan", "Helan Mountains")),
        ("place", ("Daursky Zapovednik", "Daursky Nature Reserve")),
        ("place", ("St. Sophia Cathedral", "Saint Sophia Cathedral")),
        ("place", ("Songhuajiang River", "Songhua River")),
        ("place", ("Geumgang", "Geum River")),
        ("place", ("Tamjingang River", "Tamjin River")),
        ("place", ("Yuanjiang", "Yuan River")),
        ("place", ("Wando-gun", "Wando County")),
        ("organization", ("Henan Province, People's Government", "Henan Provincial People's Government")),
        ("organization", ("Yamagata Prefecture, Prefectural Government", "Yamagata Prefectural Government")),
        ("organization", ("Government of Sakhalin Oblast", "Sakhalin Oblast Government")),
        ("organization", ("Daegu Metropolitan City, Government", "Daegu Metropolitan City Government")),
        ("organization", ("Gangwon-do Government", "Gangwon-do, Government")),
        (
            "organization",
            (
                "Heilongjiang Province, Department of Agriculture and Rural Affairs",
                "Department of Agriculture and Rural Affairs of Heilongjiang Province",
            ),
        ),
    ],
)
def test_one_thing_written_two_ways_is_one_entity(kind: str, spellings: tuple[str, ...]) -> None:
    label = "LOC" if kind == "place" else "ORG"
    (entity,) = merge([Mention(text, kind, label, None, None, "rules") for text in spellings])
    assert entity.aliases == sorted(spellings)


def test_a_name_has_letters_and_no_article_in_lower_case() -> None:
    texts = ("the Mongolian Altai", "Mongolian Altai", "??????? ????")
    (entity,) = merge([Mention(text, "place", "LOC", None, None, "model") for text in texts])
    assert entity.aliases == ["Mongolian Altai"]


def test_names_that_only_share_a_head_stay_apart() -> None:
    # ("Huangshan" beside "Mount Huangshan" is the mountain: a glued "-shan" is, where the
    # record names the mountain with its head)
    texts = ("Uvs Lake", "Uvs Nuur Basin", "Mount Huangshan", "Tangshan")
    assert len(merge([Mention(text, "place", "LOC", None, None, "rules") for text in texts])) == len(texts)


@pytest.mark.parametrize(
    ("hangul", "romanized"),
    [
        ("삼척", "samcheok"),
        ("강릉", "gangneung"),  # ng before r: n
        ("밀양", "miryang"),  # l before a vowel: r
        ("신라", "silla"),  # n before r: ll
        ("독립문", "dongnimmun"),  # k before r, p before m
        ("경상북도", "gyeongsangbukdo"),
        ("Seoul", None),
    ],
)
def test_the_gazetteer_romanizes_korean_city_names(hangul: str, romanized: str | None) -> None:
    from tools.build_gazetteer import revised_romanization

    assert revised_romanization(hangul) == romanized


def test_japanese_cities_are_named_without_an_old_towns_suffix() -> None:
    gazetteer = load_gazetteer()
    assert [gazetteer.lookup(name).name for name in ("Sandacho", "Sanda", "Sakaidecho", "Tokamachi")] == [
        "Sanda",
        "Sanda",
        "Sakaide",
        "Tokamachi",  # ("-machi" is a word of the city's own name)
    ]


def test_japanese_cities_are_named_as_cities_not_by_their_central_quarter() -> None:
    """GeoNames names some cities by a quarter ("Honmachi" for Yatsushiro, "Honcho" for Funabashi,
    "Hanawa" for Kazuno, "Kamirenjaku" for Mitaka), the city's name among its alternate names with
    the city's unit ("Yatusiro-chhi"): a briefing's index printed "Honcho" for Funabashi."""
    gazetteer = load_gazetteer()
    assert [gazetteer.lookup(name).name for name in ("Yatsushiro", "Funabashi", "Kazuno", "Satsumasendai")] == [
        "Yatsushiro",
        "Funabashi",
        "Kazuno",
        "Satsumasendai",
    ]
    # (its town's name before it was a city, where the place has a city's people: "Mitaka-machi" of
    # Kamirenjaku; not Minakami's "Tsukiyono-machi", a town merged into it)
    assert [gazetteer.lookup(name).name for name in ("Mitaka", "Minakami")] == ["Mitaka", "Minakami"]
    assert gazetteer.lookup("Сацумасендай").name == "Satsumasendai"  # (not Sendai City's)


def test_korean_cities_are_named_as_the_records_write_them() -> None:
    gazetteer = load_gazetteer()
    for written, name in [
        ("Samcheok", "Samcheok"),
        ("Gimhae", "Gimhae"),
        ("Taebaek", "Taebaek"),
        ("삼척", "Samcheok"),
    ]:
        entry = gazetteer.lookup(written)
        assert entry is not None and entry.name == name


def _structure_mentions_of(text: str) -> list[Mention]:
    """The mentions a text's structure gives (its overview and its participants), before the prose."""
    return structure_mentions(parse(read_bytes(text.encode(), "x.txt")), load_gazetteer())


def test_a_second_organizer_field_names_bodies() -> None:
    text = (
        "NEAR Forum on Green Cities 2013\n\nOVERVIEW\nDATE: 3-4 July 2013\nORGANIZER: Gyeonggi Provincial Government\n"
        "CO-ORGANIZER: Suwon City Hall; Gyeonggi Research Institute (GRI), Food and Agriculture Organization\n"
    )
    mentions = _structure_mentions_of(text)
    organizations = {mention.text for mention in mentions if mention.kind == "organization"}
    assert {"Gyeonggi Provincial Government", "Suwon City Hall", "Gyeonggi Research Institute"} <= organizations
    assert not any("Food" in name or "Agriculture" in name for name in organizations)  # left to the prose


def test_a_second_organizer_fields_bodies_parted_by_bullets_and_a_venues_line_after_a_dash() -> None:
    text = (
        "NEAR Working Committee Meeting 2018\n\nOverview\n| Date | 12-14 March 2018 |\n"
        "| Venue | Longxi County (陇西县), Gansu Province, China |\n"
        "| | — Longxi County Conference Center |\n"
        "| Host | Gangwon Provincial Government |\n"
        "| Organizers | NEAR Secretariat · Gangwon-do · Gangneung-Wonju National University |\n"
    )
    mentions = {mention.text for mention in _structure_mentions_of(text)}
    assert {"NEAR Secretariat", "Gangwon-do", "Gangneung-Wonju National University"} <= mentions
    assert "Longxi County Conference Center" in mentions
    assert not any("·" in name or name.startswith("—") for name in mentions)


def test_an_aside_of_two_known_places_joined_by_and_is_two_places() -> None:
    text = (
        "Meeting of Secretaries-General 2022\n\nOverview\nDate: 18-20 October 2022\n\nParticipants\n"
        "International organizations:\n- NOWPAP Regional Coordinating Unit (Busan and Toyama)\n"
    )
    places = {mention.text for mention in _structure_mentions_of(text) if mention.kind == "place"}
    assert {"Busan", "Toyama"} <= places
    assert "Busan and Toyama" not in places


def test_bodies_listed_with_full_width_marks_in_chinese_are_each_a_body(nlp) -> None:
    text = SHELL.format("主办单位：吉林省人民政府、东北亚地区地方政府联合会秘书处")
    spellings = _spellings_of(text, nlp)
    assert {"吉林省人民政府", "东北亚地区地方政府联合会秘书处"} <= spellings
    assert not any("：" in spelling or "、" in spelling for spelling in spellings)


def test_a_participant_named_in_its_own_script_with_a_bodys_ending_is_a_body() -> None:
    text = (
        "Meeting of Secretaries-General 2022\n\nOverview\nDate: 18-20 October 2022\n\nParticipants\n"
        "Republic of Korea: 동북아시아지역자치단체연합 사무국, 인천광역시\n"
    )
    kinds = {mention.text: mention.kind for mention in _structure_mentions_of(text)}
    assert kinds["동북아시아지역자치단체연합 사무국"] == "organization"
    assert kinds["인천광역시"] == "place"


def test_an_acronym_defined_as_a_body_stays_one_whatever_a_later_mention_makes_of_it(nlp) -> None:
    text = SHELL.format(
        "Technical tour of the JAIST campus in Nomi City. The research park around the Japan Advanced "
        "Institute of Science and Technology (JAIST) was shown."
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["JAIST"] == kinds["Japan Advanced Institute of Science and Technology"] == "organization"


def test_a_translated_city_name_is_no_alias_and_mine_is_a_name_word(nlp) -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.lookup("Science City") is None  # GeoNames' translation of Akademgorodok
    assert gazetteer.lookup("Chita City") is not None
    doc = nlp("Korea Mine Reclamation Corporation on the closed mines of Taebaek")
    assert "Korea Mine Reclamation Corporation" in {ent.text for ent in doc.ents}


def test_a_list_of_countries_is_no_inverted_name(nlp) -> None:
    doc = nlp("the regional governments of China, Japan, Korea, DPR Korea and Mongolia; Korea, Republic of")
    assert [ent.text for ent in doc.ents if ent.label_ == "GPE"] == [
        "China",
        "Japan",
        "Korea",
        "DPR Korea",
        "Mongolia",
        "Korea, Republic of",
    ]


def test_a_venue_and_its_name_in_its_own_script_are_one_place(nlp) -> None:
    text = (
        "NEAR Workshop on Cultural Heritage 2011\n\nOverview\nDate: 7-9 September 2011\n"
        "Venue: Gimhae Arts Center (김해문화의전당), Baruun-Urt (Баруун-Урт), Korea\n"
    )
    aliases = [aliases for _, aliases in _entities_of(text, nlp).values()]
    assert ["Gimhae Arts Center", "김해문화의전당"] in aliases
    assert ["Baruun-Urt", "Баруун-Урт"] in aliases


def test_a_name_a_transcoding_turned_into_question_marks_names_nothing(nlp) -> None:
    text = VENUE_SHELL.format("Bolshiye Koty (??????? ????), Irkutsk Region, Russian Federation")
    names = [name for _, aliases in _entities_of(text, nlp).values() for name in aliases]
    assert "Bolshiye Koty" in names and not [name for name in names if "?" in name]


def test_a_venues_address_in_its_own_script_is_its_units_and_towns_and_hotels_joined_are_each_a_place(nlp) -> None:
    text = VENUE_SHELL.format(
        "울산광역시 남구 장생포 (Jangsaengpo, Nam-gu, Ulsan Metropolitan City), Jangsaengpo Whale Museum and "
        "Lotte Hotel Ulsan; Chulman (Чульман) and Neryungri (Нерюнгри), Republic of Sakha (Yakutia)"
    )
    names = {name for _, aliases in _entities_of(text, nlp).values() for name in aliases}
    assert {"울산광역시", "남구", "장생포", "Jangsaengpo Whale Museum", "Lotte Hotel Ulsan"} <= names
    assert {"Chulman", "Чульман", "Neryungri", "Нерюнгри"} <= names
    assert not [name for name in names if " and " in name]


def test_a_venues_campus_and_the_body_it_belongs_to_are_two_names(nlp) -> None:
    text = VENUE_SHELL.format("Ogigaoka Campus of the Kanazawa Institute of Technology, Nonoichi, Ishikawa Prefecture")
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Ogigaoka Campus"] == "place" and kinds["Kanazawa Institute of Technology"] == "organization"


def test_an_acronym_and_a_native_name_in_one_aside_are_two_names(nlp) -> None:
    text = FIELDS_SHELL.format(
        "Observers: Korea Internet & Security Agency (KISA, 한국인터넷진흥원), International Telecommunication Union"
    )
    (agency,) = [aliases for name, aliases in _entities_of(text, nlp).values() if "KISA" in aliases]
    assert {"Korea Internet & Security Agency", "KISA", "한국인터넷진흥원"} <= set(agency)


def test_a_room_of_a_body_in_the_venue_names_the_body(nlp) -> None:
    text = (
        "2nd Meeting of the NEAR Subcommittee on Border Cooperation\n\nOverview\nDate: 4-6 September 2001\n"
        "Venue: conference hall of the Administration of Chita Oblast, Chita, Russian Federation\n"
    )
    assert ("Administration of Chita Oblast", "organization") in _kinds_of(text, nlp)


def test_an_acronym_joined_to_a_place_is_the_body_it_is_defined_for(nlp) -> None:
    text = (
        "The 1st NEAR Secretaries-General Meeting\n· Overview\nPeriod: 2017\n"
        "· Contents\n▷ The delegates thanked Gangwon-do and POCOG for their hospitality.\n"
        "▷ The PyeongChang Organizing Committee for the 2018 Olympic and Paralympic Winter Games (POCOG) spoke.\n"
    )
    assert ("POCOG", "organization") in _kinds_of(text, nlp)


def test_a_long_venue_part_is_read_in_linear_time() -> None:
    # (the patterns of a body "on" a place and of buildings joined by "and" backtrack: 2 s and
    # 1.4 s on parts of 18,000 characters before they were kept to short ones)
    import time

    from pipeline.tagger.mentions import _places

    gazetteer = load_gazetteer()
    for venue in ("Ab" + " in Xy" * 3000 + "(", "Ab (" + "a and " * 3000 + "&)", "Ab (Cd" + " in Xy" * 3000 + ")"):
        started = time.perf_counter()
        _places(venue, gazetteer, None)
        assert time.perf_counter() - started < 0.5


def test_a_meeting_named_in_a_long_line_and_a_long_spans_path_steps_are_read_in_linear_time() -> None:
    # (the meeting's capitalised words were tried from each word of a line: 2.5 s on 7,000 words;
    # a span's parts at a middle dot, a path's step, a dash or a number after spaces were tried
    # from each space of a run: 5.4 s on 20,000 spaces)
    import time

    from pipeline.parser.meeting import read_meeting
    from pipeline.tagger.names import clean_span

    for line in ("Ab " * 7000, "Ab " * 6000 + "Forum on " + "Xy and " * 500):
        started = time.perf_counter()
        read_meeting(None, [line], None)
        assert time.perf_counter() - started < 0.5
    started = time.perf_counter()
    clean_span("Home" + " " * 20000 + "News", "ORG")
    assert time.perf_counter() - started < 0.5


def test_empty_brackets_in_a_venue_or_after_a_participant_name_nothing(nlp) -> None:
    text = FIELDS_SHELL.format("Venue: Toyama City ()\nParticipants:\nJapan: Toyama Prefecture ()")
    assert {("Toyama City", "place"), ("Toyama Prefecture", "place")} <= set(_kinds_of(text, nlp))


def test_a_venues_names_in_brackets_on_a_line_of_their_own_are_each_a_name(nlp) -> None:
    kinds = _kinds_of(
        VENUE_SHELL.format("Khanbogd soum, Umnugovi Province, Mongolia | (Ханбогд сум, Өмнөговь аймаг)"), nlp
    )
    names = {name for name, _ in kinds}
    assert "Ханбогд сум" in names and not [name for name in names if name.startswith("(")]


def test_two_buildings_in_a_venues_aside_are_two_places(nlp) -> None:
    kinds = _kinds_of(VENUE_SHELL.format("Komatsu City, Japan (Hoshi Ryokan and Awazu Onsen Community Hall)"), nlp)
    assert {("Hoshi Ryokan", "place"), ("Awazu Onsen Community Hall", "place")} <= set(kinds)


def test_names_written_first_in_their_own_script_then_in_english(nlp) -> None:
    text = (
        "2021 NEAR Forum on Food Security\n\n◎ 概况 OVERVIEW\n时间 Date: 2021年9月23日—24日 / 23–24 September 2021\n"
        "地点 Venue: 宁乡市 Ningxiang City, Hunan Province, China (on site) and Zoom (online)\n\n"
        "◎ 参会地区 PARTICIPATING REGIONS\n1. 湖南省 Hunan Province (host, on site) – Vice-Governor\n"
        "2. 경상북도 Gyeongsangbuk-do (online) – Director-General\n中国 China\n吉林省 Jilin Province\n\n"
        "◎ 议程 PROGRAMME\n▷ Reports of the members\n"
    )
    record = tag([parse(read_bytes(text.encode(), "x.txt"))], nlp)[0]
    spellings = {entity.name: set(entity.aliases) for entity in record.entities}
    assert {"湖南省", "Hunan Province"} <= spellings["Hunan Province"]
    assert {"경상북도", "Gyeongsangbuk-do"} <= spellings["Gyeongsangbuk-do"]
    assert {"中国", "China"} <= spellings["China"]
    assert "Ningxiang City" in {alias for aliases in spellings.values() for alias in aliases}
    every_alias = {alias for aliases in spellings.values() for alias in aliases}
    assert not {"宁乡市 Ningxiang City", "湖南省 Hunan Province"} & every_alias
    assert not [alias for alias in every_alias if "Zoom" in alias]
    assert record.overview is not None and record.overview.period is not None
    assert record.overview.period.start == datetime.date(2021, 9, 23)


def test_a_body_named_in_its_own_script_before_its_english_name(nlp) -> None:
    text = SHELL.format(
        "Guests: 韩国水资源公社 Korea Water Resources Corporation and 亚洲开发银行 Asian Development Bank"
    )
    record = tag([parse(read_bytes(text.encode(), "x.txt"))], nlp)[0]
    spellings = {entity.name: (entity.kind, set(entity.aliases)) for entity in record.entities}
    assert spellings["Korea Water Resources Corporation"] == (
        "organization",
        {"韩国水资源公社", "Korea Water Resources Corporation"},
    )
    assert any("亚洲开发银行" in aliases and kind == "organization" for kind, aliases in spellings.values())


def test_a_body_at_the_end_of_a_chinese_clause_with_its_english_name_in_brackets(nlp) -> None:
    """Chinese prose has no spaces: the body is the clause's last name ("由庆华集团" is 庆华集团),
    and its English name in brackets after it is the same body."""
    text = SHELL.format(
        "其煤炭由庆华集团（Qinghua Group）与蒙方共同开发。下午参观了巴彦淖尔市的引黄河灌区和包钢集团"
        "（Baotou Iron and Steel Group）的生产线。"
    )
    record = tag([parse(read_bytes(text.encode(), "x.txt"))], nlp)[0]
    spellings = {entity.name: (entity.kind, set(entity.aliases)) for entity in record.entities}
    every_alias = {alias for _, aliases in spellings.values() for alias in aliases}
    assert {"庆华集团", "Qinghua Group"} in [aliases for kind, aliases in spellings.values() if kind == "organization"]
    assert any({"包钢集团", "Baotou Iron and Steel Group"} == aliases for _, aliases in spellings.values())
    assert not [alias for alias in every_alias if alias.startswith(("由", "下午", "其"))]


def test_names_the_gazetteer_knows_within_words_of_chinese_japanese_and_korean(nlp) -> None:
    """Chinese and Japanese run their words on without spaces, Korean writes particles on a
    name: the gazetteer's names are found within such words (the members' regions in each
    other's languages too), not in a meeting's or a body's name, a language, nor a town's two
    characters that are as often a word; a known place run on into a port is the port."""
    text = SHELL.format(
        "来自中国、滨海边疆区和南戈壁省的代表出席。代表们考察了二连浩特口岸。2018年东北亚旅游论坛开幕，国际交流合作。"
        "ハバロフスク地方と沿海地方の代表が参加し、阿賀野川を視察した。日本語のページ。"
        "경상북도는 금강산에서 회의를 열었다."
    )
    kinds = dict(_kinds_of(text, nlp))
    ids = _ids_of(text, nlp)
    assert {ids["中国"], ids["滨海边疆区"], ids["南戈壁省"], ids["沿海地方"], ids["경상북도"]} == {
        "CN",
        "RU-PRI",
        "MN-053",
        "KR-47",
    }
    assert ids["ハバロフスク地方"] == "RU-KHA"
    assert kinds["二连浩特口岸"] == kinds["阿賀野川"] == "place"
    assert not {"东北亚", "二连浩特", "合作", "日本", "금강", "阿賀野"} & set(kinds)


def test_a_japanese_organizers_town_a_citys_unit_and_a_glued_address(nlp) -> None:
    """ "最上町" among the organizers is a town, not a body; "ハルビン市" is Harbin as written; a
    venue's address glued without spaces is its units ("山形県最上郡最上町")."""
    text = (
        "NEAR健康・福祉フォーラム\n【開催概要】\n■日時　2016年10月20日\n"
        "■会場　ウェルネスプラザ最上（山形県最上郡最上町）\n■主催　山形県、最上町\n"
        "【内容】\n・黒竜江省：ハルビン市における医療と介護の連携\n"
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["最上町"] == kinds["最上郡"] == "place"
    assert _ids_of(text, nlp)["ハルビン市"] == "city:CN:harbin"
    assert "山形県最上郡最上町" not in kinds


def test_names_as_russian_declines_them_and_no_guesses_of_the_english_model_in_russian(nlp) -> None:
    """Russian declines a name: "в Сахалинской области" is Сахалинская область, "из Владивостока"
    Владивосток, "с Японией" Япония, by their stems. A surname beside initials is a person (Иваново
    is a town); a remark in brackets after a place is no name of it; and what the English model
    guesses in Russian prose ("Трассы", "Следующее") is no name."""
    text = SHELL.format(
        "Иванова С.П., который сообщил, что Игры пройдут в Сахалинской области. Трассы освещены. "
        "Прямые рейсы из Владивостока; паромное сообщение с Японией. Рейс Харбин – Южно-Сахалинск "
        "(по согласованию). Следующее заседание провести в г. Владивостоке."
    )
    ids = _ids_of(text, nlp)
    assert (ids["Сахалинской области"], ids["Владивостока"], ids["Японией"]) == ("RU-SAK", "city:RU:vladivostok", "JP")
    assert ids["Владивостоке"] == "city:RU:vladivostok"
    assert not {"Иванова", "Трассы", "Следующее", "по согласованию"} & set(ids)


def test_a_place_the_venue_names_in_russian_is_that_place_declined_in_the_prose(nlp) -> None:
    """The gazetteer lacks "Олёкминск"; the venue names it beside its English name, so "в Олёкминске"
    and "жителей Олёкминска" are the town, "Олёкминского улуса" the district; "Олёкминскую
    ГЭС", an adjective of the name, is not the town."""
    text = VENUE_SHELL.format(
        "Olyokminsk (Олёкминск), Olyokminsky District (Олёкминский улус), Republic of Sakha (Yakutia)"
    ).replace(
        "▷ Talks.",
        "▷ Заседание прошло в Олёкминске. Участники поблагодарили жителей Олёкминска и Олёкминского улуса "
        "и посетили Олёкминскую ГЭС.",
    )
    ids = _ids_of(text, nlp)
    assert ids["Олёкминске"] == ids["Олёкминска"] == ids["Olyokminsk"] == "city:RU:olyokminsk"
    assert ids["Олёкминского улуса"] == ids["Olyokminsky District"]
    assert "Олёкминскую" not in ids


def test_the_english_models_guess_over_russian_crumbs_is_no_name(nlp) -> None:
    """ "Главная / Новости / Международное сотрудничество", a portal's breadcrumb: the English
    model's guess over Russian words and the slashes between them names nothing."""
    text = FIELDS_SHELL.format("Главная / Новости / Международное сотрудничество\nVenue: Vladivostok")
    assert not {"Главная", "Новости", "Международное"} & set(_ids_of(text, nlp))


def test_a_body_listed_with_its_delegates_post_after_a_dash_is_the_body(nlp) -> None:
    text = FIELDS_SHELL.format(
        "Participants\n• Trilateral Cooperation Secretariat (TCS) – Secretary-General, Seoul\n"
        "• Council of Local Authorities for International Relations (CLAIR) – Executive Director, Tokyo"
    )
    names = set(_ids_of(text, nlp))
    assert {"Trilateral Cooperation Secretariat", "Council of Local Authorities for International Relations"} <= names
    assert not any("Secretary-General" in name or "Executive Director" in name for name in names)


def test_a_one_word_name_under_companies_is_a_company(nlp) -> None:
    text = (
        "The 9th NEAR Mining Subcommittee\n· Overview\nPeriod: 2014\nParticipants:\nRussia: Magadan Oblast\n"
        "Companies: Polymetal, Jinchuan Group\n· Contents\n▷ Talks.\n"
    )
    assert ("Polymetal", "organization") in _kinds_of(text, nlp)


def test_a_body_in_the_venue_and_the_place_it_stands_on_are_two(nlp) -> None:
    kinds = _kinds_of(
        VENUE_SHELL.format("Kozmino; training centre of the Sakhalin Shipping Company on Kozmino Bay"), nlp
    )
    assert {("Sakhalin Shipping Company", "organization"), ("Kozmino Bay", "place")} <= set(kinds)


def test_a_word_shaped_as_a_russian_town_is_one_where_it_stands_alone(nlp) -> None:
    text = SHELL.format(
        "The crossing at Zabaikalsk (Забайкальск) carries the trade; the Baikalsk Pulp and Paper Mill closed; "
        "the port of Ust-Ilimsk; Rosneft reported."
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Zabaikalsk"] == kinds["Забайкальск"] == "place"
    assert "Baikalsk" not in kinds and "Ilimsk" not in kinds
    assert kinds["Rosneft"] == "organization"


def test_an_acronym_the_model_took_into_the_name_it_follows(nlp) -> None:
    text = SHELL.format(
        "Pasture groups supported by the Swiss Agency for Development and Cooperation (SDC) were compared; "
        "SDC will report."
    )
    spellings = [{name, *aliases} for name, aliases in _entities_of(text, nlp).values()]
    assert {"Swiss Agency for Development and Cooperation", "SDC"} in spellings


def test_an_organizer_after_the_is_named_without_it(nlp) -> None:
    text = (
        "The 5th NEAR Workshop\n· Overview\nPeriod: 2018\n"
        "Organizer: NEAR Secretariat and the NEAR Subcommittee on Disaster Prevention and Safety\n"
    )
    spellings = _spellings_of(text, nlp)
    assert "NEAR Subcommittee on Disaster Prevention and Safety" in spellings
    assert "Safety" not in spellings


def test_a_city_written_with_city_is_the_city_and_a_namesake_region_is_the_listed_countrys(nlp) -> None:
    text = (
        "The 1st Conference\n· Overview\nPeriod: 1994\n"
        "Venue: Kangwon Province (강원도), Wonju City (원주시), Republic of Korea\n"
        "· Contents\n▷ The Governor of Kangwon welcomed the delegates to Wonju.\n"
    )
    ids = _ids_of(text, nlp)
    assert ids["Kangwon Province"] == ids["강원도"] == ids["Kangwon"] == "KR-42"
    assert ids["Wonju City"] == ids["원주시"] == ids["Wonju"]


def test_a_region_in_the_prose_is_the_listed_countrys_namesake_and_a_town_is_found_without_its_apostrophes(
    nlp,
) -> None:
    text = (
        "The 1st Working Committee\n· Overview\nPeriod: 1997\nParticipants: Republic of Korea (Kangwon-do)\n"
        "· Contents\n▷ The meeting was held in Hongch'on, Kangwon Province, Republic of Korea.\n"
        "▷ The Secretariat opened in P'ohang; a ferry from Sokch'o was discussed. Mr Ch'oe spoke of Chang'an.\n"
    )
    ids = _ids_of(text, nlp)
    assert ids["Kangwon Province"] == ids["Kangwon-do"] == "KR-42"
    assert ids["P'ohang"] == _ids_of(SHELL.format("A visit to Pohang."), nlp)["Pohang"]
    assert "Sokch'o" in ids
    assert "Ch'oe" not in ids  # no name the gazetteer knows
    assert "Chang'an" in ids  # pinyin's apostrophe: the model's reading


def test_a_countrys_department_of_common_words_is_named_without_its_country(nlp) -> None:
    spellings = _spellings_of(
        SHELL.format(
            "Reports by the Maritime Safety Administration of China and the Mineral Resources and "
            "Petroleum Authority of Mongolia (an authority keeps its country); the text went to the "
            "Khabarovsk State Academy of Economics and Law for Russian."
        ),
        nlp,
    )
    assert {
        "Maritime Safety Administration",
        "China",
        "Mineral Resources and Petroleum Authority of Mongolia",
    } <= spellings
    assert "Khabarovsk State Academy of Economics and Law" in spellings


def test_a_place_known_by_its_native_form_alone_is_one_and_a_place_opening_an_events_name_none(nlp) -> None:
    text = SHELL.format(
        "Trucks cross at Ceke in Ejin Banner (额济纳旗). Agents will visit the Changbaishan Ice and Snow "
        "Festival and the Tottori Prefectural Assembly. Field Trip of the Mining Subcommittee of NEAR and "
        "Field Trip to the South Gobi; the Great East Japan Earthquake."
    )
    ids = _ids_of(text, nlp)
    assert ids["Ejin Banner"] == ids["额济纳旗"]
    assert "Changbaishan" not in ids and "Great" not in ids
    assert {"Tottori Prefectural Assembly", "Mining Subcommittee", "NEAR"} <= set(ids)


def test_a_name_the_model_read_as_a_person_or_a_work_is_what_its_head_says_and_a_checkpoint_a_route(nlp) -> None:
    kinds = dict(
        _kinds_of(
            SHELL.format(
                "Shelterbelts in the grasslands of Horqin Left Middle Banner; flood works of Qian Gorlos Mongol "
                "Autonomous County. Exports through the Kraskino-Hunchun checkpoint and flights of Jeju Air. "
                "Keynote lecture “Silver and the World in the 16th and 17th Centuries” by Prof. Kim."
            ),
            nlp,
        )
    )
    assert kinds["Horqin Left Middle Banner"] == kinds["Qian Gorlos Mongol Autonomous County"] == "place"
    assert kinds["Kraskino"] == kinds["Hunchun"] == "place"
    assert kinds["Jeju Air"] == "organization"
    assert "Silver" not in kinds and "Jeju" not in kinds


def test_bodies_in_a_regions_aside_an_organizers_remark_and_an_abbreviated_month(nlp) -> None:
    text = (
        "The 2004 NEAR Border Cooperation Subcommittee\n· Overview\nPeriod: 2004\n"
        "Organizer: Primorsky Krai, Administration (coordinator region of the Subcommittee)\n"
        "Participants: Japan (1; Tottori Prefecture (Arid Land Research Center, Tottori University))\n"
        "· Contents\n▷ 26 Sep. Port of Nevelsk; 27 Sep. Boat trip to Moneron Island.\n"
    )
    spellings = _spellings_of(text, nlp)
    assert {"Primorsky Krai, Administration", "Arid Land Research Center", "Tottori University"} <= spellings
    assert not {"Administration", "Sep Port", "Sep Boat"} & spellings


def test_a_building_or_a_route_listed_under_a_heading_of_bodies_is_the_body(nlp) -> None:
    text = (
        "Expert Meeting on Lake Baikal\n\nOVERVIEW\nDate: 2013\n"
        "Participants: 1 regional government from 1 country and 2 organizations\n"
        "Russian Federation: Irkutsk Region\n"
        "Organizations — Great Baikal Trail (GBT); Baikal Museum of the Irkutsk Scientific Centre\n\n"
        "CONTENTS\n• Reports were heard.\n"
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Great Baikal Trail"] == kinds["Baikal Museum of the Irkutsk Scientific Centre"] == "organization"
    assert kinds["Irkutsk Region"] == "place"


def test_a_second_organizer_fields_region_and_its_body_are_one_name(nlp) -> None:
    text = (
        "The 15th General Assembly\n\n1. Overview\n- Date: 24 September 2024\n"
        "- Host: Gangwon Special Self-Governing Province\n"
        "- Organizer: Gangwon State, Provincial Government & NEAR Secretariat\n\n2. Contents\n- Reports were heard.\n"
    )
    spellings = _spellings_of(text, nlp)
    assert {"Gangwon State, Provincial Government", "NEAR Secretariat"} <= spellings
    assert "Provincial Government" not in spellings
    # (a field of nothing but a comma names nothing, and breaks nothing)
    assert _spellings_of(text.replace("Gangwon State, Provincial Government & NEAR Secretariat", ","), nlp)


def test_a_venues_distance_from_a_place_and_a_chair_regions_role_name_only_the_places(nlp) -> None:
    text = (
        "The 10th NEAR Working Committee\n\nOVERVIEW\nDate: 2011\n"
        "Venue: Mönginmorit soum, Töv Aimag, Mongolia – conference ger of the eco-camp, 130 km east of Ulaanbaatar\n"
        "Participants: 1 regional government from 1 country\nChina: Ningxia Hui Autonomous Region (Chair region)\n\n"
        "CONTENTS\n• Reports were heard.\n"
    )
    spellings = _spellings_of(text, nlp)
    assert {"Ulaanbaatar", "Ningxia Hui Autonomous Region"} <= spellings
    assert not {name for name in spellings if "km" in name or name.startswith("Chair")}


def test_a_regions_route_to_a_town_of_another_country_is_two_places(nlp) -> None:
    text = (
        "The 1994 Senior Officials' Meeting\n· Overview\nPeriod: 1994\n· Contents\n▷ ERINA presented the "
        "Niigata-Khabarovsk and Niigata-Vladivostok air services, and ships call at Toyama-Shinminato, a port.\n"
    )
    spellings = _spellings_of(text, nlp)
    assert {"Niigata", "Khabarovsk", "Vladivostok", "Toyama-Shinminato"} <= spellings
    assert "Niigata-Khabarovsk" not in spellings


def test_a_name_goes_on_over_an_article_only_after_of(nlp) -> None:
    text = (
        "The 2016 NEAR Culture and Tourism Forum\n· Overview\nPeriod: 2016\n· Contents\n▷ Henan Province presented "
        "the Longmen Grottoes near Luoyang; Shandong Province the Temple of Confucius in Qufu and Mount Tai.\n"
    )
    spellings = _spellings_of(text, nlp)
    assert {"Shandong Province", "Temple of Confucius", "Qufu"} <= spellings
    assert not [name for name in spellings if "Shandong Province " in name]


def test_the_bodies_a_region_sent_parted_by_semicolons_in_its_aside(nlp) -> None:
    text = (
        "The 5th NEAR Mining Subcommittee\n· Overview\nPeriod: 2011\n"
        "Participants: Russia: Sakha Republic (Yakutia) (ALROSA; Diamond and Precious Metal Geology Institute, "
        "SB RAS); Korea: Gangwon-do (Gangwon-do Provincial Government; Korea Resources Corporation (KORES))\n"
        "· Contents\n▷ Reports were heard.\n"
    )
    spellings = _spellings_of(text, nlp)
    assert {
        "ALROSA",
        "Diamond and Precious Metal Geology Institute",
        "SB RAS",
        "Gangwon-do Provincial Government",
        "Korea Resources Corporation",
        "KORES",
    } <= spellings
    assert not {name for name in spellings if ";" in name or name.endswith(",")}


def test_an_asides_names_of_one_kind_are_each_a_name(nlp) -> None:
    """Names parted by commas in an aside, each with a head word of the same kind, are
    each a name: two railways of a company, not one railway with a comma in its name."""
    text = (
        "The 2004 NEAR Transport Workshop\n· Overview\nPeriod: 2004\n"
        "Participants: Russian Federation (2; Russian Railways (East Siberian Railway, Far Eastern Railway), "
        "Amur Oblast)\n"
    )
    spellings = _spellings_of(text, nlp)
    assert {"East Siberian Railway", "Far Eastern Railway"} <= spellings
    assert not any("," in spelling for spelling in spellings)


def test_an_organizers_body_of_two_fields_a_talks_title_and_a_peoples_name(nlp) -> None:
    assert organizer_bodies("Shaanxi Provincial Department of Culture and Tourism, Xianyang City") == [
        "Shaanxi Provincial Department of Culture and Tourism",
        "Xianyang City",
    ]
    spellings = _spellings_of(
        SHELL.format(
            'Keynote "Food Security and Protected Horticulture in Northeast Asia" by the FAO; the Miao and '
            'Tujia villages of Hunan Province; the Tsaatan herders. Presentation "From coal to hydrogen in '
            'the Ordos Basin" by Shenhua.'
        ),
        nlp,
    )
    assert {"FAO", "Hunan Province", "Ordos Basin"} <= spellings  # (a talk's title names no body, but places)
    assert not {"Protected Horticulture", "Food Security", "Miao", "Tujia", "Tsaatan"} & spellings


def test_a_programmes_words_after_its_date_name_nothing(nlp) -> None:
    spellings = _spellings_of(SHELL.format("27 Sep. Boat trip to Moneron Island; 28 Sep. Train to Kholmsk."), nlp)
    assert "Moneron Island" in spellings
    assert not {"Boat", "Train", "Sep Boat"} & spellings


def test_companies_with_their_legal_forms_and_older_spellings_of_regions(nlp) -> None:
    ids = _ids_of(
        SHELL.format(
            "HMM Co., Ltd. and Russian Railways, OAO signed with Russian Railways and Dalenergo, OAO. "
            "Delegates of Chungchong-bukto, Hamgyong-namdo and Dornod Aimak came."
        ),
        nlp,
    )
    assert ids["Russian Railways, OAO"] == ids["Russian Railways"]
    assert {"HMM Co., Ltd.", "Dalenergo, OAO"} <= set(ids)
    assert (ids["Chungchong-bukto"], ids["Hamgyong-namdo"], ids["Dornod Aimak"]) == ("KR-43", "KP-08", "MN-061")
    # (a Russian form after a comma, with no other legal form in the text)
    assert "Dalenergo, OAO" in _spellings_of(SHELL.format("Dalenergo, OAO presented its plan."), nlp)
    spellings = _spellings_of(SHELL.format("The Northeast Asia Economic Co-operation Forum met."), nlp)
    assert not any(spelling.endswith(" Co") for spelling in spellings)  # "Co-operation": no legal form
    assert "Japan Nuclear Fuel Limited" in _spellings_of(SHELL.format("Japan Nuclear Fuel Limited spoke."), nlp)


def test_a_companys_name_takes_its_province_and_a_hyphened_word_before_its_legal_form(nlp) -> None:
    spellings = _spellings_of(
        SHELL.format(
            "A plant of Heilongjiang Huadian New Energy Co., Ltd. was visited; Shandong Oriental Ocean "
            "Sci-Tech Co., Ltd. showed its farms. The Liaoning Daily and Xinhua News Agency reported."
        ),
        nlp,
    )
    assert {
        "Heilongjiang Huadian New Energy Co., Ltd.",
        "Shandong Oriental Ocean Sci-Tech Co., Ltd.",
        "Liaoning Daily",
        "Xinhua News Agency",
    } <= spellings


def test_a_unit_and_its_academy_agency_or_government_are_named_apart_but_not_its_academys_branch(nlp) -> None:
    spellings = _spellings_of(
        SHELL.format(
            "Dr Lee of the Institute of Marine Geology and Geophysics of the Russian Academy of Sciences, "
            "Mr Sato of the Disaster Management Bureau of the Hyogo Prefectural Government, Dr Popov of the "
            "Energy Systems Institute of the Siberian Branch of the Russian Academy of Sciences and Dr Ota of "
            "the Disaster Prevention Research Institute of Kyoto University spoke."
        ),
        nlp,
    )
    assert {
        "Institute of Marine Geology and Geophysics",
        "Russian Academy of Sciences",
        "Disaster Management Bureau",
        "Hyogo Prefectural Government",
        "Energy Systems Institute of the Siberian Branch of the Russian Academy of Sciences",
        "Disaster Prevention Research Institute of Kyoto University",
    } <= spellings
    assert "Dr Popov" not in spellings and "Dr Lee" not in spellings


def test_a_ships_name_after_its_vessel_noun_is_no_place(nlp) -> None:
    spellings = _spellings_of(
        SHELL.format(
            "The bow of the Russian tanker “Nakhodka” drifted ashore; the exchange ship Shimane sailed. "
            "They laid flowers at the monument to the sailors of the frigate Pallada."
        ),
        nlp,
    )
    assert not {"Nakhodka", "Shimane", "Pallada"} & spellings


def test_news_media_by_name_and_head_word_and_no_bodys_head_word_alone(nlp) -> None:
    ids = _ids_of(
        SHELL.format(
            "The Asian Development Bank (ADB) presented the Bank’s projects. It was reported by ITAR-TASS, "
            "Yonhap, KBS, Montsame, Jilin TV, Yanbian Television, the Gyeongnam Shinmun and Vostochno-Sibirskaya "
            "Pravda."
        ),
        nlp,
    )
    assert (ids["ITAR-TASS"], ids["Yonhap"], ids["KBS"], ids["Montsame"]) == (
        "org:tass",
        "org:yonhap",
        "org:kbs",
        "org:montsame",
    )
    assert {"Jilin TV", "Yanbian Television", "Gyeongnam Shinmun", "Vostochno-Sibirskaya Pravda"} <= set(ids)
    assert "Bank" not in ids
    # ("news agency" in lower case after a name is what it is, no word of it)
    assert _ids_of(SHELL.format("Photos: Interfax news agency."), nlp)["Interfax"] == "org:interfax"


def test_a_bare_region_name_joined_to_a_region_stays_the_region_and_to_a_city_is_the_city(nlp) -> None:
    text = (
        "The 4th Meeting\n· Overview\nPeriod: 2006\nParticipants: China (Jilin Province), Japan (Toyama Prefecture)\n"
        "· Contents\n▷ Checkpoints on the border with Heilongjiang and Jilin.\n"
        "▷ Flights home to Seoul, Toyama and Irkutsk.\n"
    )
    ids = _ids_of(text, nlp)
    assert ids["Jilin"] == ids["Jilin Province"] == "CN-JL"
    assert ids["Toyama"] != ids["Toyama Prefecture"]


@pytest.mark.parametrize(
    ("line", "region"),
    [
        ("Toyama / Shimane / Yamagata: Ms. Aya Morita, International Affairs.", True),
        ("Chungcheongnam-do / Busan / Toyama: officials of the tourism offices.", True),  # (a list, past a city)
        ("The old capitals: Toyama and Nara, Gyeongju in Gyeongsangbuk-do.", False),  # (towns; one is where)
    ],
)
def test_a_bare_region_name_in_a_list_holding_a_region_is_the_region(nlp, line: str, region: bool) -> None:
    text = f"The 4th Meeting\n· Overview\nPeriod: 2006\nParticipants: Japan (Toyama Prefecture)\n· Contents\n▷ {line}\n"
    ids = _ids_of(text, nlp)
    assert (ids["Toyama"] == ids["Toyama Prefecture"]) is region


def test_a_paragraph_wrapped_wider_than_the_reader_unwraps_is_read_across_its_lines() -> None:
    from pipeline.parser.unwrap import rejoined_paragraphs

    lines = [
        "Then they saw the Uradome Coast",
        "(浦富海岸) by boat, and the other delegations stayed at Misasa",
        "Onsen.",
        "Toyama Prefecture",
        "Niigata Prefecture:",
        "the list goes on",
    ]
    assert rejoined_paragraphs(lines) == [
        "Then they saw the Uradome Coast (浦富海岸) by boat, and the other delegations stayed at Misasa Onsen.",
        "Toyama Prefecture",
        "Niigata Prefecture:",
        "the list goes on",
    ]


# (lines, paragraphs): a name broken by a hard wrap is read whole; a list, a label, a
# programme's dated item and a paragraph after a blank line stay apart.
WRAPPED_LINES = [
    (
        ["Researchers of the Harbin Institute of", "Technology agreed."],
        ["Researchers of the Harbin Institute of Technology agreed."],
    ),
    (
        [
            "the mines employed forty thousand workers of the Longmay Mining Holding",
            "Group. The Vice-Governor spoke.",
        ],
        ["the mines employed forty thousand workers of the Longmay Mining Holding Group. The Vice-Governor spoke."],
    ),
    (
        ["in the questions that followed, the delegate of Hamgyongbuk-do (North", "Hamgyong Province) said so."],
        ["in the questions that followed, the delegate of Hamgyongbuk-do (North Hamgyong Province) said so."],
    ),
    (
        ["the Secretariat of the Association of North East Asia Regional", "Governments sent its report."],
        ["the Secretariat of the Association of North East Asia Regional Governments sent its report."],
    ),
    (
        ["• Mr. Andrei Bortnikov, Department of Agriculture of the Primorsky Territory", "Administration, on rice."],
        ["• Mr. Andrei Bortnikov, Department of Agriculture of the Primorsky Territory Administration, on rice."],
    ),
    (["Heilongjiang Province", "Jilin Province"], ["Heilongjiang Province", "Jilin Province"]),
    (  # a delegate per line, the next opening with a post
        [
            "Team Leader for carbon neutrality, Gangwon State (강원특별자치도), online from Chuncheon",
            "Programme Officer, ESCAP East and North-East Asia Office, online",
        ],
        [
            "Team Leader for carbon neutrality, Gangwon State (강원특별자치도), online from Chuncheon",
            "Programme Officer, ESCAP East and North-East Asia Office, online",
        ],
    ),
    (  # a delegate per line, each ending in a body's or a region's name
        [
            "Head of delegation, Minister of Energy, Government of Sakhalin Region",
            "Deputy Director, Department of Fuel and Energy, Government of Khabarovsk Krai",
        ],
        [
            "Head of delegation, Minister of Energy, Government of Sakhalin Region",
            "Deputy Director, Department of Fuel and Energy, Government of Khabarovsk Krai",
        ],
    ),
    (
        ["and then visited Byeonsanbando National", "Park (변산반도국립공원): the sea cliffs"],
        ["and then visited Byeonsanbando National Park (변산반도국립공원): the sea cliffs"],
    ),
    (
        [
            "with the support of the Ministry of Industry and Trade of the Russian Federation",
            "PARTICIPANTS: 14 regions",
        ],
        [
            "with the support of the Ministry of Industry and Trade of the Russian Federation",
            "PARTICIPANTS: 14 regions",
        ],
    ),
    (
        [
            "Sep 16 (Wed.) Registration; welcome dinner hosted by the Incheon Tourism Organization",
            "Sep 17 (Thu.) Sessions",
        ],
        [
            "Sep 16 (Wed.) Registration; welcome dinner hosted by the Incheon Tourism Organization",
            "Sep 17 (Thu.) Sessions",
        ],
    ),
    (
        ["19:00 Reception hosted by the Governor of Tov Province at the Chinggis Khaan Hotel", "Friday, 4 September"],
        ["19:00 Reception hosted by the Governor of Tov Province at the Chinggis Khaan Hotel", "Friday, 4 September"],
    ),
    (
        ["Group photo in front of the Blue Sky Tower", "Visit to the Chinggis Khaan Equestrian Statue"],
        ["Group photo in front of the Blue Sky Tower", "Visit to the Chinggis Khaan Equestrian Statue"],
    ),
    (
        ["Subject: Record of the 3rd meeting of the Mining Subcommittee - Dalanzadgad", "", "RECORD OF THE MEETING"],
        ["Subject: Record of the 3rd meeting of the Mining Subcommittee - Dalanzadgad", "RECORD OF THE MEETING"],
    ),
    (  # bodies one a line, one with the place it is in after a comma
        [
            "Institute of Natural Resources, Ecology and Cryology, Siberian Branch of the Russian Academy of Sciences",
            "Inner Mongolia University, Hohhot",
            "Dongguk University (Gyeongju campus)",
        ],
        [
            "Institute of Natural Resources, Ecology and Cryology, Siberian Branch of the Russian Academy of Sciences",
            "Inner Mongolia University, Hohhot",
            "Dongguk University (Gyeongju campus)",
        ],
    ),
    (  # a quoted theme on the line after the verb that introduces it
        ["It was hosted by NEFU, and the theme was", '"Cold-Region Technology and the Forests of North East Asia".'],
        ['It was hosted by NEFU, and the theme was "Cold-Region Technology and the Forests of North East Asia".'],
    ),
    (  # a name broken inside the bracket that holds it, by a retyped fax's short line
        ["FAO (the Food and Agriculture", "Organization of the United Nations) sent a paper.", "(Annex 1) Programme"],
        ["FAO (the Food and Agriculture Organization of the United Nations) sent a paper.", "(Annex 1) Programme"],
    ),
    (  # heads of delegation by the posts of their bodies, one a line
        [
            "Deputy Chairman of the Government of the Republic of Buryatia",
            "Director of the Gangwon-do Forest Institute",
        ],
        [
            "Deputy Chairman of the Government of the Republic of Buryatia",
            "Director of the Gangwon-do Forest Institute",
        ],
    ),
]


@pytest.mark.parametrize(("lines", "expected"), WRAPPED_LINES)
def test_a_line_goes_on_from_the_one_before_only_where_the_wrap_broke_it(lines, expected) -> None:
    from pipeline.parser.unwrap import rejoined_paragraphs

    assert rejoined_paragraphs(lines) == expected


def test_an_organ_of_an_international_bodys_acronym_is_two_names(nlp) -> None:
    text = SHELL.format(
        "The World Heritage Committee of UNESCO listed the site; the Government of Irkutsk Region agreed."
    )
    spellings = _spellings_of(text, nlp)
    assert {"World Heritage Committee", "UNESCO", "Government of Irkutsk Region"} <= spellings


def test_a_known_name_and_a_body_after_it_are_two_names(nlp) -> None:
    text = SHELL.format(
        "Experts of Harbin and Qiqihar University spoke; Aeroflot and Aurora Airlines flew; "
        "the Korea Institute of Geoscience and Mineral Resources reported."
    )
    spellings = _spellings_of(text, nlp)
    assert {"Harbin", "Qiqihar University", "Aeroflot", "Aurora Airlines"} <= spellings
    assert "Korea Institute of Geoscience and Mineral Resources" in spellings


def test_a_town_on_its_river_a_known_body_in_a_city_and_a_hyphenated_range(nlp) -> None:
    text = SHELL.format(
        "The hydrofoil went down to Nikolayevsk-on-Amur; Mitsubishi Heavy Industries of Nagoya and EMERCOM of "
        "Russia spoke; Daewoo Shipbuilding & Marine Engineering built it; a group drove to the foothills of "
        "the Sikhote-Alin."
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds.get("Nikolayevsk-on-Amur") == kinds.get("Nagoya") == kinds.get("Sikhote-Alin") == "place"
    assert kinds.get("Mitsubishi Heavy Industries") == kinds.get("EMERCOM") == "organization"
    assert kinds.get("Russia") == "place" and "EMERCOM of Russia" not in kinds  # (a country's department)
    assert kinds.get("Daewoo Shipbuilding & Marine Engineering") == "organization"


def test_a_features_of_name_is_its_own_and_a_place_after_a_part_of_a_place(nlp) -> None:
    text = SHELL.format(
        "They flew over the caldera of Uzon to the Valley of Geysers, saw the Komsomolsk-on-Amur Museum of "
        "Local Lore and the Kosaka Smelter of DOWA Holdings."
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds.get("Uzon") == kinds.get("Valley of Geysers") == "place"
    assert kinds.get("Komsomolsk-on-Amur Museum of Local Lore") == kinds.get("Kosaka Smelter") == "place"


def test_a_mountain_named_with_mount_and_with_its_korean_suffix_is_one_thing(nlp) -> None:
    text = SHELL.format(
        "They climbed Mount Seorak; Seoraksan is the highest peak of the range. Mount Jiri and Jirisan "
        "are one mountain too."
    )
    ids = _ids_of(text, nlp)
    assert ids["Mount Seorak"] == ids["Seoraksan"]
    assert ids["Mount Jiri"] == ids["Jirisan"]


def test_an_authoritys_role_aside_after_its_native_name_or_country(nlp) -> None:
    text = (
        "NEAR Working Committee\nParticipants\nMongolia\nTov Province, Dornod Province (Дорнод аймаг) (online)\n"
        "Observer\nSverdlovsk Oblast (Russian Federation) (online)\n"
    )
    spellings = _spellings_of(text, nlp)
    assert {"Dornod Province", "Дорнод аймаг", "Sverdlovsk Oblast", "Russian Federation"} <= spellings
    assert not any("online" in spelling for spelling in spellings)


def test_an_organ_of_the_association_named_in_full_is_two_names(nlp) -> None:
    text = SHELL.format(
        "The Subcommittee on Cultural Exchange of the Association of North East Asia Regional Governments met."
    )
    spellings = _spellings_of(text, nlp)
    assert "Subcommittee on Cultural Exchange" in spellings
    assert "Association of North East Asia Regional Governments" in spellings


def test_an_unknown_name_the_model_took_for_a_body_after_a_word_of_place_is_a_place(nlp) -> None:
    text = SHELL.format(
        "The delegates drove to Tojinbo and stayed in Yamakoshi; Sumitomo reported; the Kangwon Ilbo covered it."
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds.get("Tojinbo") == kinds.get("Yamakoshi") == "place"
    assert kinds.get("Kangwon Ilbo") == "organization"
    assert kinds.get("Sumitomo") == "organization"


def test_an_unknown_name_after_a_kind_of_place_and_of_is_a_place(nlp) -> None:
    text = SHELL.format(
        "They saw the limestone plateau of Akiyoshidai (秋吉台) and the castle town of Hagi; "
        "a boat took them to the small island of Ganryujima."
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds.get("Akiyoshidai") == kinds.get("Hagi") == kinds.get("Ganryujima") == "place"


def test_the_topic_of_a_workshops_name_names_no_body(nlp) -> None:
    text = (
        "NEAR Workshop on Forest Management and the Timber Industry\n· Overview\nPeriod: 2006\n"
        "· Contents\n▷ The NEAR Subcommittee on Environment met.\n"
    )
    spellings = _spellings_of(text, nlp)
    assert not {"Forest Management", "Timber Industry"} & spellings
    assert "NEAR Subcommittee on Environment" in spellings or "Subcommittee on Environment" in spellings


def test_a_second_organizer_field_parts_its_bodies_at_with(nlp) -> None:
    text = (
        "The Meeting\n· Overview\nPeriod: 2024\nHost: Shanxi Provincial People's Government\n"
        "Organizer: NEAR Secretariat with the Shanxi Provincial Foreign Affairs Office\n"
    )
    spellings = _spellings_of(text, nlp)
    assert {"NEAR Secretariat", "Shanxi Provincial Foreign Affairs Office"} <= spellings


def test_a_bodys_name_keeps_the_comma_between_its_words(nlp) -> None:
    text = SHELL.format("The Ministry of Land, Transport and Maritime Affairs signed; Busan, Ulsan and Gyeongnam met.")
    spellings = _spellings_of(text, nlp)
    assert "Ministry of Land, Transport and Maritime Affairs" in spellings
    assert {"Busan", "Ulsan", "Gyeongnam"} <= spellings


def test_an_organizers_name_in_its_own_script_is_the_same_body(nlp) -> None:
    text = "NEAR Workshop 2016\nOverview\nHost: Government of Zabaykalsky Krai (Правительство Забайкальского края)\n"
    ids = _ids_of(text, nlp)
    assert ids["Government of Zabaykalsky Krai"] == ids["Правительство Забайкальского края"]
    # where the gazetteer knows only the native form, the name takes its entry: one id, not two
    text = "NEAR Workshop 2016\nOverview\nHost: Amur State Univ. (Амурский государственный университет)\n"
    ids = _ids_of(text, nlp)
    assert ids["Amur State Univ."] == ids["Амурский государственный университет"] == "org:amsu"
    # a region's body written after the region, or after its adjective: one body
    text = (
        "NEAR Workshop 1997\nOverview\nHost: Amur Region, Administration\n"
        "· Contents\n▷ Thanks to the Amur Regional Administration.\n"
    )
    ids = _ids_of(text, nlp)
    assert ids["Amur Region, Administration"] == ids["Amur Regional Administration"]


def test_a_bracketed_native_name_says_what_kind_of_place_the_latin_one_is(nlp) -> None:
    text = SHELL.format(
        "They took a ferry to Sapsido (삽시도), passed the Dajingmen (大境门) and went by boat to Ine (伊根町); "
        "Sumber (Сүмбэр сум) was the last stop."
    )
    kinds = dict(_kinds_of(text, nlp))
    for name in ("Sapsido", "삽시도", "Dajingmen", "大境门", "Ine", "伊根町", "Sumber", "Сүмбэр сум"):
        assert kinds.get(name) == "place", name


@pytest.mark.parametrize(
    ("sentence", "name", "other"),
    [
        # (another spelling said so)
        (
            "Sikachi-Alyan (also written Sakachi-Alyan) is a Nanai village on the Amur.",
            "Sikachi-Alyan",
            "Sakachi-Alyan",
        ),
        # (a place in another script the model found, the name before it unknown)
        ("Vityaz (Витязь) is a village of about 200 people on the coast.", "Vityaz", "Витязь"),
    ],
)
def test_a_name_and_its_other_form_in_brackets_are_one_place(nlp, sentence: str, name: str, other: str) -> None:
    ids = _ids_of(SHELL.format(sentence), nlp)
    assert ids[name] == ids[other]


@pytest.mark.parametrize(
    ("line", "name", "kind"),
    [
        ("Vityaz, 16 June 2012", "Vityaz", "place"),
        ("Shin'onsen, November 7th, 2019", "Shin'onsen", "place"),
        ("2017. 9. 8. 평창 봉평 / Bongpyeong, 8 September 2017", "Bongpyeong", "place"),  # (after its translation)
        ("NEAR Secretariat, 7 November 2019", "NEAR Secretariat", "organization"),
        ("Tumen River Research Institute, 7 Nov. 2019", "Tumen River Research Institute", "organization"),
    ],
)
def test_a_closing_line_of_place_and_date_names_the_place(nlp, line: str, name: str, kind: str) -> None:
    assert dict(_kinds_of(SHELL.format(line), nlp)).get(name) == kind


@pytest.mark.parametrize(
    ("name", "split"),
    [
        ("Ministry of Foreign Affairs of Japan", ("Ministry of Foreign Affairs", "Japan")),
        ("Ministry of Environment of the Republic of Korea", ("Ministry of Environment", "Republic of Korea")),
        ("State Oceanic Administration of China", ("State Oceanic Administration", "China")),
        ("State Forestry Administration of China", ("State Forestry Administration", "China")),  # common words
        ("Federal Customs Service of Russia", ("Federal Customs Service", "Russia")),
        ("Cabinet Office of Japan", ("Cabinet Office", "Japan")),
        ("Mineral Resources Authority of Mongolia", ("Mineral Resources Authority", "Mongolia")),
        (
            "State Customs Committee of the Russian Federation",
            ("State Customs Committee", "Russian Federation"),
        ),
        ("Organizing Committee of Mongolia", None),  # a committee, not a state one: named with its country
        (
            "General Authority for Border Protection of Mongolia",
            ("General Authority for Border Protection", "Mongolia"),
        ),
        (  # the head noun before the department's own "of"
            "General Administration of Customs of the People's Republic of China",
            ("General Administration of Customs", "People's Republic of China"),
        ),
        ("Development Bank of Mongolia", None),  # a bank, a university, a Government: named with the country
        ("National University of Mongolia", None),
        ("Government of the Russian Federation", None),
        ("Ministry of Foreign Affairs", None),
    ],
)
def test_a_countrys_department_is_named_apart_from_its_country(name: str, split: tuple[str, str] | None) -> None:
    assert department_of_country(name) == split


def test_a_countrys_department_keeps_one_identity_per_country(nlp) -> None:
    text = SHELL.format(
        "Keynotes by the Ministry of Foreign Affairs of Japan and the Ministry of Population Development and Social "
        "Protection of Mongolia; the Ministry of Population Development and Social Protection reported."
    )
    entities = _entities_of(text, nlp)
    by_alias = {alias: (entity_id, name) for entity_id, (name, aliases) in entities.items() for alias in aliases}
    assert by_alias["Ministry of Foreign Affairs"][1] == "Ministry of Foreign Affairs of Japan"
    # (a department the gazetteer does not know: named by its own name and its country's)
    department = "Ministry of Population Development and Social Protection"
    assert by_alias[department][1] == f"{department} of Mongolia"
    assert {"Japan", "Mongolia"} <= by_alias.keys()


def test_a_known_ministry_written_with_its_country_is_the_ministry_and_the_country(nlp) -> None:
    text = SHELL.format("A project with the Ministry of Nature, Environment and Tourism of Mongolia on the Selenga.")
    assert {"Ministry of Nature, Environment and Tourism", "Mongolia"} <= set(_ids_of(text, nlp))
    assert "Ministry of Nature, Environment and Tourism of Mongolia" not in _ids_of(text, nlp)


def test_a_name_also_known_as_another_is_one_thing(nlp) -> None:
    text = SHELL.format(
        "They climbed Baota Mountain (宝塔山), known to visitors as Pagoda Hill, saw the Hanging Temple (also called "
        "the Xuankong Temple) and Heixiazi Island (黑瞎子岛), known in Russia as Bolshoy Ussuriysky Island."
    )
    ids = _ids_of(text, nlp)
    assert ids["Baota Mountain"] == ids["Pagoda Hill"] == ids["宝塔山"]
    assert ids["Hanging Temple"] == ids["Xuankong Temple"]
    assert ids["Heixiazi Island"] == ids["Bolshoy Ussuriysky Island"]
    assert ids["Russia"] != ids["Heixiazi Island"]


def test_a_name_before_a_unit_noun_is_a_town(nlp) -> None:
    text = SHELL.format("They met herders of Tsenkhermandal soum and of Khutag-Undur soum, then a Neolithic site.")
    kinds = dict(_kinds_of(text, nlp))
    assert kinds.get("Tsenkhermandal") == kinds.get("Khutag-Undur") == "place"


def test_bodies_joined_by_and_stay_two_after_an_of_tail(nlp) -> None:
    text = SHELL.format(
        "Students go to the summer school of Heihe Teachers College and Amur State University, and to craft "
        "schools such as the Arita College of Ceramics and Chonnam National University."
    )
    kinds = dict(_kinds_of(text, nlp))
    for name in (
        "Heihe Teachers College",
        "Amur State University",
        "Arita College of Ceramics",
        "Chonnam National University",
    ):
        assert kinds.get(name) == "organization", name


def test_a_bare_name_after_a_governors_title_is_the_region(nlp) -> None:
    text = SHELL.format(
        "Toyama Prefecture and Yamagata Prefecture took part. The Governor of Yamagata opened the meeting; "
        "the ferry runs from Toyama to Vladivostok."
    )
    ids = _ids_of(text, nlp)
    assert ids["Yamagata"] == ids["Yamagata Prefecture"]
    assert ids["Toyama"] != ids["Toyama Prefecture"]  # a bare name elsewhere is still the city


def test_a_bare_name_after_a_region_cue_or_heading_a_report_is_the_region(nlp) -> None:
    text = SHELL.format(
        "Toyama Prefecture, Tottori Prefecture, Kamchatka Krai and Uvs Aimag took part. Report of the coordinator "
        "(Toyama) on beach litter; the Environment Subcommittee (coordinator Tottori) met. NPEC is in Toyama City. "
        "The forum met in the capital of Uvs, by Uvs Lake.\n- Kamchatka: salmon stocks of the Kamchatka River"
    )
    ids = _ids_of(text, nlp)
    assert ids["Toyama"] == ids["Toyama Prefecture"] != ids["Toyama City"]
    assert ids["Tottori"] == ids["Tottori Prefecture"]
    assert ids["Uvs"] == ids["Uvs Aimag"] != ids["Uvs Lake"]
    assert ids["Kamchatka"] == ids["Kamchatka Krai"] != ids["Kamchatka River"]


# (prose, the ids some spellings have (None: no name is so spelled), spellings of one thing,
# spellings of two things): which spellings of a record name one thing
SAME_THING_CASES = [
    (  # a Japanese river, mountain or island by its ending after a hyphen, beside its English head
        "From Tate-yama they saw the Kiso-gawa and Awaji-shima; the Kiso River, Mount Tate and Awaji Island too.",
        {},
        [("Kiso-gawa", "Kiso River"), ("Tate-yama", "Mount Tate"), ("Awaji-shima", "Awaji Island")],
        [("Kiso River", "Mount Tate")],
    ),
    (  # a unit of a region's government is the region's unit, whichever way it is written
        "The Foreign Affairs Office of Shandong Provincial People's Government, the Shandong Provincial Foreign "
        "Affairs Office, hosted it with Shandong Provincial People's Government.",
        {},
        [
            (
                "Foreign Affairs Office of Shandong Provincial People's Government",
                "Shandong Provincial Foreign Affairs Office",
            )
        ],
        [("Shandong Provincial Foreign Affairs Office", "Shandong Provincial People's Government")],
    ),
    (  # a bare name owning a member's report, or glossed by its region's native name, is the region
        "Tottori Prefecture, Niigata Prefecture and Khovd Province took part. Tottori's report covered snow "
        "crab landings; the ferry of Niigata's port was named.\n- Khovd (Ховд аймаг): herders' cooperatives",
        {},
        [("Tottori", "Tottori Prefecture"), ("Khovd", "Khovd Province")],
        [("Niigata", "Niigata Prefecture")],  # (its port is the city's)
    ),
    (  # a metropolitan city's bare names beside its full name are one city
        "Pusan Metropolitan City and Toyama Prefecture took part. Delegates travelled from Pusan and Seoul; "
        "Pusan is now written Busan.",
        {"Busan": "city:KR:busan"},
        [("Busan", "Pusan")],
        [("Pusan", "Pusan Metropolitan City")],
    ),
    (  # a region's bare name beside its full name is its island, unless listed among regions
        "Sakhalin Oblast and Hyogo Prefecture took part. Oil is produced off Sakhalin.",
        {"Sakhalin": "geo:sakhalin-island"},
        [],
        [],
    ),
    (
        "Sakhalin Oblast and Hyogo Prefecture took part. Speakers came from Hyogo, Sakhalin and Jilin.",
        {},
        [("Sakhalin", "Sakhalin Oblast")],
        [],
    ),
    ("Ships call at the Port of Longkou; Longkou Port handles bauxite.", {}, [("Port of Longkou", "Longkou Port")], []),
    (  # a body of common words is named by the acronym it defines
        "The National Energy Administration (NEA) of China sent a written contribution.",
        {},
        [("National Energy Administration", "NEA")],
        [],
    ),
    (  # the lower-case words after a known name are no words of it
        "Tigers live in the Sikhote-Alin range; the delegates saw the Iwami Ginzan silver mine and Buddhist temples.",
        {
            "Sikhote-Alin": "geo:sikhote-alin",
            "Iwami Ginzan": "geo:iwami-ginzan",
            "Sikhote-Alin range": None,
            "Buddhist": None,
        },
        [],
        [],
    ),
    (  # a desert's bare name; a body's "World Heritage"
        "Solar parks in the Tengger Desert were shown; the dunes of the Tengger were planted. The tombs were "
        "added to the UNESCO World Heritage List.",
        {"UNESCO": "org:unesco", "UNESCO World": None},
        [("Tengger", "Tengger Desert")],
        [],
    ),
]


@pytest.mark.parametrize(("prose", "expected_ids", "one", "two"), SAME_THING_CASES)
def test_spellings_of_one_thing_and_of_two(prose, expected_ids, one, two, nlp) -> None:
    ids = _ids_of(SHELL.format(prose), nlp)
    assert {spelling: ids.get(spelling) for spelling in expected_ids} == expected_ids
    assert all(ids[a] == ids[b] for a, b in one), [(a, ids[a], b, ids[b]) for a, b in one]
    assert all(ids[a] != ids[b] for a, b in two)


def test_a_letters_label_of_those_sent_a_copy_is_no_part_of_a_name(nlp) -> None:
    text = (
        "ÖMNÖGOVI AIMAG\nRef. No. 06/317\n\nTo: NEAR Secretariat, Pohang, Republic of Korea\n"
        "Copy: Ministry of Food and Agriculture of Mongolia; Ministry of Nature and Environment;\n"
        "Governors of the member aimags of NEAR\n\nREPORT\non the NEAR Forum on Pastures\n\n"
        "BACKGROUND\nThe forum was proposed by Omnogovi Aimag.\n"
    )
    names = _spellings_of(text, nlp)
    assert "Ministry of Food and Agriculture" in names
    assert not any(name.startswith("Copy") for name in names)


def test_a_venues_bare_name_of_a_metropolitan_region_is_its_city(nlp) -> None:
    text = (
        "The 5th NEAR Environment Subcommittee\n· Overview\nPeriod: 2012\nVenue: Busan, South Korea\n"
        "Organizer: Busan Metropolitan City\n· Contents\n▷ Reports\n"
    )
    ids = _ids_of(text, nlp)
    assert ids["Busan"] == "city:KR:busan" != ids["Busan Metropolitan City"]


def test_a_name_the_structure_gives_is_that_name_where_the_prose_writes_it_whole(nlp) -> None:
    """The venue's short name in the prose is the venue, not a body "ICC" and a city."""
    text = (
        "The 5th NEAR Environment Subcommittee\n· Overview\nPeriod: 2005\n"
        "Venue: Kyoto International Conference Center (ICC Kyoto), Sakyo-ku, Kyoto, Japan\n"
        "· Contents\n▷ The Protocol was adopted in 1997 in the same building, the ICC Kyoto, by the lake. "
        "The delegates walked through Sakyo Ward.\n"
    )
    entities = _entities_of(text, nlp)
    ids = _ids_of(text, nlp)
    assert ids["ICC Kyoto"] == ids["Kyoto International Conference Center"]
    assert "ICC" not in ids
    assert ids["Sakyo Ward"] == ids["Sakyo-ku"]  # a ward of Kyoto, as Japanese writes it and in English
    assert len(entities[ids["ICC Kyoto"]][1]) == 2


def test_a_name_ends_at_a_spaced_dash_and_before_a_second_body_after_and(nlp) -> None:
    text = SHELL.format(
        "Results of the NEAR Subcommittee on Disaster Prevention - Expert Workshop. Support of the WHO Regional "
        "Office for the Western Pacific and Kangwon National University; the Korea Institute of Geoscience and "
        "Mineral Resources spoke, at the Dornod Aimag Governor's Office. The Governor's Office of Dornod Aimag "
        "hosted a dinner."
    )
    spellings = _spellings_of(text, nlp)
    assert "Dornod Aimag Governor's Office" in spellings
    ids = _ids_of(text, nlp)
    assert ids["Dornod Aimag Governor's Office"] == ids["Governor's Office of Dornod Aimag"]
    assert {"WHO Regional Office for the Western Pacific", "Kangwon National University"} <= spellings
    assert "Korea Institute of Geoscience and Mineral Resources" in spellings
    assert not any("Workshop" in spelling or "Pacific and" in spelling for spelling in spellings)


def test_a_body_named_after_its_events_year_keeps_the_year(nlp) -> None:
    text = SHELL.format(
        "Reports by the Gangwon 2024 Organizing Committee, the 2018 PyeongChang Memorial Foundation and the "
        "Organizing Committee for Expo 2012 Yeosu Korea. In 2019 the Committee met; the 2013 Working Committee too."
    )
    spellings = _spellings_of(text, nlp)
    assert {
        "Gangwon 2024 Organizing Committee",
        "2018 PyeongChang Memorial Foundation",
        "Organizing Committee for Expo 2012 Yeosu Korea",
    } <= spellings
    assert not {"2013 Working Committee", "2019 the Committee"} & spellings


def test_a_former_name_an_islands_bare_name_and_a_departments_acronym_are_one_id(nlp) -> None:
    text = SHELL.format(
        "Arrival at Chinggis Khaan International Airport (formerly Buyant-Ukhaa). The meeting on Sado Island "
        "(佐渡島) was the first on the island of Sado. The National Emergency Management Agency of Korea (NEMA) "
        "reported; NEMA will host the drill. A visit to Haein-sa, the Haein-sa Temple of the Tripitaka, in Namhae "
        "County (남해군 · 南海郡). The Bratsk Hydroelectric Power Station, the Bratsk HPP, runs."
    )
    ids = _ids_of(text, nlp)
    assert ids["Buyant-Ukhaa"] == ids["Chinggis Khaan International Airport"]
    assert ids["Sado"] == ids["Sado Island"]
    assert ids["NEMA"] == ids["National Emergency Management Agency"]
    assert ids["Haein-sa"] == ids["Haein-sa Temple"]
    assert ids["남해군"] == ids["南海郡"] == ids["Namhae County"]
    assert ids["Bratsk HPP"] == ids["Bratsk Hydroelectric Power Station"]
    assert dict(_kinds_of(text, nlp))["Buyant-Ukhaa"] == "place"


def test_a_species_name_is_no_place_and_a_lower_case_coast_takes_no_tail(nlp) -> None:
    text = SHELL.format(
        "The tidal flats feed the Spoon-billed Sandpiper and the Red-crowned Crane on the Yellow Sea coast of Seocheon."
    )
    spellings = _spellings_of(text, nlp)
    assert {"Yellow Sea", "Seocheon"} <= spellings
    assert not {"Spoon", "Sandpiper", "Crane", "Red", "Yellow Sea coast of Seocheon"} & spellings


def test_a_bare_name_beside_its_town_named_in_full_or_its_cosmodrome_is_that_one(nlp) -> None:
    text = SHELL.format(
        "The camp opened in Yanggu County (양구군); athletes trained in Yanggu. A visit to the Vostochny "
        "Cosmodrome; the launch at Vostochny was shown."
    )
    ids = _ids_of(text, nlp)
    assert ids["Yanggu"] == ids["Yanggu County"]
    assert ids["Vostochny"] == ids["Vostochny Cosmodrome"]


def test_a_venues_aside_may_list_its_parts_and_a_bid_committee_keeps_its_year(nlp) -> None:
    spellings = _spellings_of(
        VENUE_SHELL.format("Primorsky Krai, Russian Federation (Zarubino Sea Port, conference hall)"), nlp
    )
    assert "Zarubino Sea Port" in spellings
    assert not any("conference hall" in spelling for spelling in spellings)
    spellings = _spellings_of(SHELL.format("Keynote by the PyeongChang 2018 Bid Committee."), nlp)
    assert "PyeongChang 2018 Bid Committee" in spellings


def test_an_acronym_the_record_defines_names_that_body_wherever_it_is_written(nlp) -> None:
    text = SHELL.format(
        "The General Assembly of the World Tourism Organization (WTO) met in Seoul. The WTO will publish the report."
    )
    entities = _entities_of(text, nlp)
    (holders,) = [aliases for _, aliases in entities.values() if "WTO" in aliases]  # one entity only
    assert "World Tourism Organization" in holders


def test_a_reserve_with_and_without_nature_and_a_body_on_a_place(nlp) -> None:
    text = SHELL.format(
        "Ukrainian delegates visited the Barguzin Nature Reserve (the Barguzin Reserve) and the Beidahuang Group "
        "on the Sanjiang Plain; the Subcommittee on Tumen River Area Development met."
    )
    ids = _ids_of(text, nlp)
    assert ids["Barguzin Reserve"] == ids["Barguzin Nature Reserve"]
    assert {"Beidahuang Group", "Sanjiang Plain", "Subcommittee on Tumen River Area Development"} <= set(ids)
    assert not {"Ukrainian", "Beidahuang Group on the Sanjiang Plain"} & set(ids)


def test_a_bare_name_of_a_range_or_a_river_after_the_is_that_feature(nlp) -> None:
    text = SHELL.format(
        "Tigers live in the Sikhote-Alin Range. Illegal logging in the Sikhote-Alin and along the Bikin River "
        "was discussed. The border runs along the Argun River; "
        "boats moor on the Argun. Snow lies on Mount Belukha, and Belukha glaciers shrink. "
        "The Shandong delegation spoke of the Shandong Peninsula; the Obama Line reaches Obama Bay."
    )
    ids = _ids_of(text, nlp)
    assert ids["Sikhote-Alin"] == ids["Sikhote-Alin Range"]
    assert ids["Argun"] == ids["Argun River"]
    assert ids["Belukha"] == ids["Mount Belukha"]
    assert ids.get("Shandong") != ids["Shandong Peninsula"]
    assert ids.get("Obama") != ids["Obama Bay"]


def test_asides_one_after_another_and_a_short_name_in_brackets(nlp) -> None:
    text = (
        "The 2nd Meeting of Secretaries-General\n· Overview\nPeriod: 2013\nParticipants:\n"
        "| Organization | Seat |\n"
        "| Organization of United Regions (ORU Fogar) | Barcelona, Spain |\n"
        "| Assembly of European Regions (AER) | Strasbourg, France |\n"
    )
    ids = _ids_of(text, nlp)
    assert ids["ORU Fogar"] == ids["Organization of United Regions"]
    assert ids["AER"] == ids["Assembly of European Regions"]
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Barcelona"] == kinds["Strasbourg"] == "place"
    assert kinds["Assembly of European Regions"] == "organization"


def test_a_bodys_seat_another_spelling_of_a_region_and_a_remark_in_brackets(nlp) -> None:
    text = (
        "The 2nd Meeting of Secretaries-General\n· Overview\nPeriod: 2013\nParticipants:\n"
        "- Organization of United Regions (ORU Fogar) (Barcelona, Spain)\n"
        "- Northern Forum (Yakutsk, Russian Federation)\n"
        "- Ömnögovi Province (also written Umnugovi Aimag), Mongolia\n"
        "- Tottori Prefecture, Japan – from Tottori City\n"
        "- Jeonbuk State (formerly Jeollabuk-do, 전라북도), Republic of Korea\n"
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Barcelona"] == kinds["Spain"] == kinds["Yakutsk"] == "place"
    assert kinds["Tottori City"] == "place"  # (a remark's names are read as prose)
    assert "Barcelona, Spain" not in kinds and "Yakutsk, Russian Federation" not in kinds
    ids = _ids_of(text, nlp)
    assert ids["Umnugovi Aimag"] == ids["Ömnögovi Province"]
    assert ids["Jeonbuk State"] == ids["Jeollabuk-do"] == ids["전라북도"]  # spellings after "formerly"


def test_a_place_head_word_alone_a_ministers_portfolio_and_an_online_venue_are_no_names(nlp) -> None:
    text = (
        "The 1st NEAR Online Meeting\n· Overview\nPeriod: 2020\nVenue: Online; host studio: Yueyang, China\n"
        "· Contents\n▷ Welcoming remarks by the Minister of Foreign Affairs of Mongolia.\n"
        "▷ Beach clean-up at Tsuruga Port with students.\n"
    )
    spellings = _spellings_of(text, nlp)
    assert {"Mongolia", "Yueyang", "Tsuruga Port"} <= spellings
    assert not {"Online", "Foreign Affairs", "Foreign Affairs of Mongolia", "Beach"} & spellings


def test_an_unknown_name_before_a_features_lower_case_noun_is_that_feature(nlp) -> None:
    text = SHELL.format(
        "Gas comes from the Kovykta field in Irkutsk Region; Shimane showed the Iwami Ginzan silver mine. "
        "Herders of Tonkhil soum met us. The Yeongju Recommendations and field trip closed the day."
    )
    spellings = _spellings_of(text, nlp)
    assert {"Kovykta", "Iwami Ginzan", "Tonkhil"} <= spellings
    assert not {"Ginzan", "Recommendations", "Yeongju Recommendations"} & spellings


def test_a_federal_agency_for_a_field_of_a_country_is_the_agency_and_the_country(nlp) -> None:
    ids = _ids_of(SHELL.format("Support came from the Federal Agency for Tourism of Russia."), nlp)
    assert {"Federal Agency for Tourism", "Russia"} <= set(ids)
    assert "Federal Agency for Tourism of Russia" not in ids


def test_a_bare_name_of_a_city_and_its_region_is_the_city_but_after_by_the_region(nlp) -> None:
    text = SHELL.format(
        "Toyama Prefecture and Toyama City sent delegates. The ferry office in Toyama opened. "
        "The survey was proposed by Tottori, and Tottori Prefecture will lead it; Tottori City hosts the office."
    )
    ids = _ids_of(text, nlp)
    assert ids["Toyama"] == ids["Toyama City"] != ids["Toyama Prefecture"]
    assert ids["Tottori"] == ids["Tottori Prefecture"] != ids["Tottori City"]


def test_a_field_the_model_took_for_a_work_before_and_is_the_organs_name(nlp) -> None:
    text = SHELL.format("In particular the Maritime and Fishery Subcommittee was praised by the Secretaries-General.")
    spellings = _spellings_of(text, nlp)
    assert "Maritime and Fishery Subcommittee" in spellings
    assert not {"Fishery Subcommittee", "Secretaries-General"} & spellings


def test_a_glued_mountain_beside_the_mountain_named_in_full_is_that_mountain(nlp) -> None:
    text = SHELL.format("Delegates climbed Mount Song and saw the temples of Songshan; Tangshan sent a letter.")
    ids = _ids_of(text, nlp)
    assert ids["Songshan"] == ids["Mount Song"]
    assert ids["Tangshan"] != ids["Mount Song"]


def test_a_glued_mountain_the_gazetteer_knows_as_a_town_is_the_mountain_beside_it(nlp) -> None:
    """ "Taishan" is also a town in Guangdong: beside "Mount Tai" it is the mountain, unless
    written as the town ("Taishan City")."""
    ids = _ids_of(SHELL.format("Shandong Province showed the Temple of Confucius and Mount Tai (Taishan)."), nlp)
    assert ids["Taishan"] == ids["Mount Tai"]
    ids = _ids_of(SHELL.format("Delegates climbed Mount Tai; Taishan City sent a letter."), nlp)
    assert ids["Taishan City"] != ids["Mount Tai"]


def test_a_body_of_a_countrys_ministry_is_three_names(nlp) -> None:
    text = SHELL.format(
        "A paper by the First Institute of Oceanography of the Ministry of Natural Resources of China was read; "
        "the Energy Research Institute of the Siberian Branch of the Russian Academy of Sciences replied."
    )
    spellings = _spellings_of(text, nlp)
    assert {"First Institute of Oceanography", "Ministry of Natural Resources", "China"} <= spellings
    # (an academy's branch is named with its unit)
    assert "Energy Research Institute of the Siberian Branch of the Russian Academy of Sciences" in spellings


def test_an_organ_of_near_is_the_organ_and_near(nlp) -> None:
    spellings = _spellings_of(SHELL.format("The report of the Working Committee of NEAR was adopted."), nlp)
    assert {"Working Committee", "NEAR"} <= spellings and "Working Committee of NEAR" not in spellings


def test_a_unit_named_inside_a_known_place_is_a_place_of_its_own(nlp) -> None:
    ids = _ids_of(
        SHELL.format("Visits to Shenyang Hunnan New District and to Shenyang; Busan Metropolitan City came."), nlp
    )
    assert ids["Shenyang Hunnan New District"] != ids["Shenyang"]
    assert ids["Busan Metropolitan City"].startswith("KR-")


def test_a_regions_bare_name_after_the_is_the_river_of_that_name(nlp) -> None:
    text = SHELL.format(
        "A bridge between Blagoveshchensk and Heihe over the Amur; Amur Oblast sent two delegates; "
        "floods on the Heilongjiang River."
    )
    ids = _ids_of(text, nlp)
    assert ids["Amur"] == ids["Heilongjiang River"] != ids["Amur Oblast"]


def test_a_known_features_other_spelling_of_its_head_is_that_feature(nlp) -> None:
    """ "Mt. Baekdu" and "Khövsgöl Nuur" are the gazetteer's Mount Paektu and Lake Khövsgöl."""
    ids = _ids_of(SHELL.format("They climbed Mt. Baekdu and saw Khövsgöl Nuur and Lake Khuvsgul."), nlp)
    assert ids["Mt. Baekdu"] == "geo:mount-paektu"
    assert ids["Khövsgöl Nuur"] == ids["Lake Khuvsgul"] == "geo:lake-khovsgol"


def test_a_body_after_and_the_is_no_part_of_the_name_before(nlp) -> None:
    spellings = _spellings_of(
        SHELL.format("Speakers: Yakutugol, Polyus Gold and the Institute of Mining of the North."), nlp
    )
    assert "Institute of Mining of the North" in spellings
    assert not [spelling for spelling in spellings if spelling.startswith("Gold and")]


def test_a_venues_name_and_its_acronym_in_one_bracket(nlp) -> None:
    ids = _ids_of(VENUE_SHELL.format("Changwon, Republic of Korea (Changwon Exhibition Convention Center, CECO)"), nlp)
    assert ids["CECO"] == ids["Changwon Exhibition Convention Center"]
    assert "Changwon Exhibition Convention Center, CECO" not in ids


def test_a_bodys_of_tail_listing_its_fields_goes_on_over_the_commas(nlp) -> None:
    text = SHELL.format(
        "Researchers of the Institute of Natural Resources, Ecology and Cryology (INREC) in Chita reported; "
        "the Bank of Korea, Japan and China agreed."
    )
    ids = _ids_of(text, nlp)
    assert ids["INREC"] == ids["Institute of Natural Resources, Ecology and Cryology"]
    assert {"Bank of Korea", "Japan", "China"} <= set(ids)


def test_a_facility_or_a_body_named_after_a_person(nlp) -> None:
    kinds = dict(_kinds_of(SHELL.format("A visit to the Yi Sun-sin Bridge and to Kim Il Sung University."), nlp))
    assert kinds["Yi Sun-sin Bridge"] == "place"
    assert kinds["Kim Il Sung University"] == "organization"


def test_a_features_lower_case_word_before_its_capitalised_head_is_part_of_its_name(nlp) -> None:
    spellings = _spellings_of(SHELL.format("A visit to the West Open-pit Mine of Fushun Mining Group."), nlp)
    assert {"West Open-pit Mine", "Fushun Mining Group"} <= spellings


def test_a_declaration_quoted_from_an_e_mail_keeps_its_names_and_its_resolutions(nlp) -> None:
    text = (
        "The 6th NEAR General Assembly\n· Overview\nPeriod: 2006\n· Declaration\n"
        "> The members of the Association of North East Asia Regional Governments met in Daegu.\n>\n"
        "> 1. Members will cooperate.\n> 2. Members will meet again in Gyeongju.\n"
    )
    (record,) = tag([parse(read_bytes(text.encode(), "x.txt"))], nlp)
    assert record.declaration is not None and len(record.declaration.resolutions) == 2
    assert "Association of North East Asia Regional Governments" in {entity.name for entity in record.entities}


def test_a_files_format_in_brackets_is_no_acronym(nlp) -> None:
    ids = _ids_of(SHELL.format("Presentation slides of KMI and NOWPAP (ZIP) and the report (PDF)."), nlp)
    assert "NOWPAP" in ids
    assert not {"ZIP", "PDF"} & set(ids)


def test_a_venues_room_aside_names_its_places(nlp) -> None:
    text = VENUE_SHELL.format(
        "Artyom, Primorsky Krai, Russian Federation (host studio at Vladivostok International Airport, Artyom (Артём))"
    )
    (record,) = tag([parse(read_bytes(text.encode(), "x.txt"))], nlp)
    assert record.overview is not None and record.overview.venue is not None
    assert record.overview.venue.country == "Russian Federation"
    ids = {alias: entity.id for entity in record.entities for alias in [entity.name, *entity.aliases]}
    assert "Vladivostok International Airport" in ids
    assert ids["Артём"] == ids["Artyom"]


def test_a_hybrid_venues_building_without_its_room_and_no_place_online(nlp) -> None:
    text = VENUE_SHELL.format("Ulgii City, Mongolia (Bayan-Ulgii Aimag Government House, Hall 2) and online")
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Bayan-Ulgii Aimag Government House"] == kinds["Ulgii City"] == "place"
    assert not [name for name in kinds if "Hall 2" in name or "online" in name]


def test_a_venues_short_name_of_its_initials_is_the_venue(nlp) -> None:
    ids = _ids_of(VENUE_SHELL.format("Republic of Korea > International Convention Center Jeju (ICC JEJU)"), nlp)
    assert ids["ICC JEJU"] == ids["International Convention Center Jeju"]


def test_an_untagged_name_inside_a_list_of_places_is_a_place(nlp) -> None:
    kinds = dict(_kinds_of(SHELL.format("They discussed the recovery of Wajima, Suzu and Nanao."), nlp))
    assert kinds["Suzu"] == "place"


def test_a_regions_body_written_after_it_is_the_body_written_before_it(nlp) -> None:
    text = (
        "The 3rd Working Committee\n· Overview\nPeriod: 1997\nOrganizer: Kyongsangnam-do, Provincial Government\n"
        "· Contents\n▷ The Kyongsangnam-do Provincial Government reported on Masan.\n"
    )
    ids = _ids_of(text, nlp)
    assert ids["Kyongsangnam-do, Provincial Government"] == ids["Kyongsangnam-do Provincial Government"]


def test_a_river_before_its_basin_and_a_village_by_its_bare_name(nlp) -> None:
    text = "Floods in the Amur basin were studied. A visit to Yamakoshi Village; Yamakoshi was rebuilt."
    ids = _ids_of(SHELL.format(text), nlp)
    assert ids["Amur"] == "geo:amur-river"
    assert ids["Yamakoshi"] == ids["Yamakoshi Village"]


def test_names_inside_an_events_name_are_no_places(nlp) -> None:
    text = (
        "Then typhoon Maemi struck Busan in 2003. Jeollanam-do shared the results of the Expo 2012 Yeosu Korea. "
        "A visit to the Expo Science Park in Daejeon. The typhoons Maysak and Haishen struck Primorye; "
        "typhoon Maemi, Ulsan and Pohang were discussed."
    )
    kinds = dict(_kinds_of(SHELL.format(text), nlp))
    assert not {"Maemi", "Yeosu", "Korea", "Maysak", "Haishen"} & set(kinds)
    assert kinds["Busan"] == kinds["Jeollanam-do"] == kinds["Expo Science Park"] == kinds["Ulsan"] == "place"


def test_a_name_after_a_plural_events_word_that_ends_its_clause_is_named(nlp) -> None:
    """ "typhoons Maysak and Haishen" names typhoons; "ashore after typhoons, and Jeollanam-do of
    the thousands of islands" names the province."""
    text = "Litter washed ashore after typhoons, and Jeollanam-do of the thousands of islands of its coast."
    assert dict(_kinds_of(SHELL.format(text), nlp)).get("Jeollanam-do") == "place"


def test_a_name_after_an_office_is_a_persons(nlp) -> None:
    """ "Governor Ishii" is no town of Ishii, and "and Mayor Mori" no place after a place."""
    spellings = _spellings_of(SHELL.format("Delegates from Toyama, Governor Ishii and Mayor Mori spoke."), nlp)
    assert "Toyama" in spellings
    assert not {"Ishii", "Mayor Mori"} & spellings


def test_a_venue_hosted_from_a_building_names_it(nlp) -> None:
    text = VENUE_SHELL.format("Online, hosted from the Ishikawa Prefectural Government Building, Kanazawa, Japan")
    assert "Ishikawa Prefectural Government Building" in _spellings_of(text, nlp)


def test_an_organ_of_a_parent_named_by_a_common_word_is_the_organ(nlp) -> None:
    spellings = _spellings_of(SHELL.format("The Working Group of the Conference will be set up in 1995."), nlp)
    assert "Working Group" in spellings
    assert "Working Group of the Conference" not in spellings


def test_a_native_form_after_a_names_lower_case_nouns_is_the_names(nlp) -> None:
    ids = _ids_of(
        SHELL.format("A visit to the Yinxu archaeological site (殷墟) and Aomori city hall (青森市役所)."), nlp
    )
    assert ids["殷墟"] == ids["Yinxu"]
    assert ids.get("青森市役所") != ids["Aomori"]


def test_the_older_gobi_spelling_of_an_aimag_is_the_aimag(nlp) -> None:
    ids = _ids_of(SHELL.format("Delegates of Dornogobi and of Dornogovi Province came; a trip from Port Baikal."), nlp)
    assert ids["Dornogobi"] == ids["Dornogovi Province"] == "MN-063"
    assert "Port Baikal" in ids


@pytest.mark.parametrize(
    ("venue", "same", "apart"),
    [
        ("Yonago Convention Center (Big Ship), Yonago City, Japan", ("Yonago Convention Center", "Big Ship"), None),
        (
            "Toki Messe (Niigata Convention Center), Niigata City, Japan",
            ("Toki Messe", "Niigata Convention Center"),
            None,
        ),
        ("Lotte Hotel (Myeong-dong), Seoul, Republic of Korea", None, ("Lotte Hotel", "Myeong-dong")),
    ],
)
def test_a_venues_other_name_in_brackets_is_the_same_building(venue, same, apart, nlp) -> None:
    ids = _ids_of(VENUE_SHELL.format(venue), nlp)
    if same:
        assert ids[same[0]] == ids[same[1]]
    if apart:
        assert ids[apart[0]] != ids[apart[1]]


@pytest.mark.parametrize(
    ("glued", "headed"),
    [
        ("Suncheonman Bay", "Suncheon Bay"),
        ("Kinokawa River", "Kino River"),
        ("Gyeongpoho", "Gyeongpo Lake"),
        ("Geojedo", "Geoje Island"),
    ],
)
def test_a_features_head_glued_in_its_own_language_is_that_feature(glued, headed, nlp) -> None:
    ids = _ids_of(SHELL.format(f"A visit to {glued}, then to {headed}; delegates from Andong."), nlp)
    assert ids[glued] == ids[headed]


def test_a_rivers_name_in_its_script_is_the_rivers_though_a_city_has_it_too(nlp) -> None:
    ids = _ids_of(SHELL.format("A trip on the Mudan River (牡丹江); Heilongjiang (黑龙江) sent delegates."), nlp)
    assert ids["牡丹江"] == ids["Mudan River"]
    assert ids["Heilongjiang"] == "CN-HL"


def test_a_japanese_particle_joins_the_words_of_a_name(nlp) -> None:
    assert "Denkoku-no-Mori Hall" in _spellings_of(SHELL.format("A session at Denkoku-no-Mori Hall; a dinner."), nlp)


def test_a_centres_for_tail_names_a_body_and_its_of_tail_its_parent(nlp) -> None:
    text = SHELL.format(
        "The Japan Center for Area Development Research (JCADR) reported; the Arid Land Research Center of "
        "Tottori University and the Faculty of Engineering of Yamagata University hosted visits."
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Japan Center for Area Development Research"] == kinds["JCADR"] == "organization"
    assert {"Arid Land Research Center", "Tottori University", "Yamagata University"} <= set(kinds)
    assert not [name for name in kinds if name.startswith("Faculty")]


def test_a_regions_name_since_its_renaming_is_the_region(nlp) -> None:
    ids = _ids_of(SHELL.format("Kemerovo Oblast – Kuzbass and Kemerovo Oblast; the Gulf of Tartary."), nlp)
    assert ids["Kemerovo Oblast – Kuzbass"] == ids["Kemerovo Oblast"] == "RU-KEM"
    assert ids["Gulf of Tartary"] == "geo:tatar-strait"


def test_a_venues_hotel_is_named_without_its_article(nlp) -> None:
    spellings = _spellings_of(VENUE_SHELL.format("The Westin Miyako Kyoto, Higashiyama Ward, Kyoto City, Japan"), nlp)
    assert "Westin Miyako Kyoto" in spellings
    assert "The Westin Miyako Kyoto" not in spellings


def test_a_country_headings_own_script_name_is_a_spelling_of_the_country(nlp) -> None:
    text = (
        "The 5th NEAR Sports Workshop\n· Overview\nPeriod: 2012\nParticipants: 2 regional governments\n"
        "Russian Federation (Российская Федерация)\nRepublic of Buryatia, Zabaikalsky Krai\n· Contents\n▷ Talks.\n"
        "Принято в с. Чурапча 4 июля 2012 г. / Adopted at Churapcha on July 4, 2012\n"
    )
    ids = _ids_of(text, nlp)
    assert ids["Russian Federation"] == ids["Российская Федерация"] == "RU"
    assert "Russian Federation (Российская Федерация)" not in ids
    assert "Принято" not in ids  # (a Russian document's closing word)


def test_a_venues_quoted_name_before_a_common_noun_is_named_without_its_quotes(nlp) -> None:
    spellings = _spellings_of(VENUE_SHELL.format("Vydrino, Russian Federation («Baikalsky Bereg» holiday centre)"), nlp)
    assert "Baikalsky Bereg" in spellings
    assert not [spelling for spelling in spellings if "«" in spelling]


def test_a_venues_aside_after_its_country_names_its_rooms(nlp) -> None:
    spellings = _spellings_of(VENUE_SHELL.format("Yamaguchi, Japan (KDDI Ishin Hall; reception at Yuda Onsen)"), nlp)
    assert {"Yamaguchi", "Japan", "KDDI Ishin Hall", "Yuda Onsen"} <= spellings
    assert not [spelling for spelling in spellings if "(" in spelling or ")" in spelling]


def test_a_known_organ_written_in_lower_case_is_its_body(nlp) -> None:
    ids = _ids_of(SHELL.format("Reports by the secretariat of the Greater Tumen Initiative and by Hunchun."), nlp)
    assert ids["Greater Tumen Initiative"] == "org:gti"
    assert not [name for name in ids if name.startswith("secretariat")]


def test_places_joined_before_a_routes_noun_are_each_a_place(nlp) -> None:
    text = SHELL.format(
        "The Sokcho-Zarubino-Hunchun ferry, the Erenhot–Zamyn-Uud crossing, the Kyzyl-Tashtyg mine and "
        "the Tavan Tolgoi–Gashuunsukhait railway and the Quanhe-Wonjong bridge."
    )
    spellings = _spellings_of(text, nlp)
    assert {"Sokcho", "Zarubino", "Hunchun", "Erenhot", "Zamyn-Uud", "Kyzyl-Tashtyg", "Tavan Tolgoi"} <= spellings
    assert {"Quanhe", "Wonjong"} <= spellings
    spellings = _spellings_of(
        SHELL.format("The crossings Zabaikalsk-Manzhouli and Blagoveshchensk-Heihe; Rajin-Sonbong."), nlp
    )
    assert {"Zabaikalsk", "Manzhouli", "Blagoveshchensk", "Heihe", "Rajin-Sonbong"} <= spellings
    assert not {"Sokcho-Zarubino", "Erenhot–Zamyn-Uud", "Tolgoi"} & spellings
    # (what the route carries may be two words joined)
    spellings = _spellings_of(SHELL.format("The Sokcho-Zarubino-Hunchun sea and land route, opened in 2000."), nlp)
    assert {"Sokcho", "Zarubino", "Hunchun"} <= spellings


def test_a_names_shape_runs_on_over_a_lower_case_word_after_a_hyphen(nlp) -> None:
    text = SHELL.format(
        "Visits to the Nanfen Open-pit Iron Mine and the Miryang Nano-convergence National Industrial Complex."
    )
    spellings = _spellings_of(text, nlp)
    assert {"Nanfen Open-pit Iron Mine", "Miryang Nano-convergence National Industrial Complex"} <= spellings


def test_a_bodys_office_in_a_place_and_a_district_of_a_city_are_places(nlp) -> None:
    text = (
        "The Mayors' Forum\n· Overview\nPeriod: 2009\n"
        "Participants: Mongolia (Baganuur District of Ulaanbaatar); Observers: World Bank (Beijing office)\n"
        "· Contents\n▷ Reports\n"
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Beijing"] == kinds["Baganuur District"] == kinds["Ulaanbaatar"] == "place"
    assert kinds["World Bank"] == "organization"
    assert "Beijing office" not in kinds and "Baganuur District of Ulaanbaatar" not in kinds


def test_a_river_written_with_its_lower_case_noun_is_the_river_by_its_name(nlp) -> None:
    ids = _ids_of(SHELL.format("Boats on the Tumen river; the Tumen River Area; the Gudong Seawall."), nlp)
    assert ids["Tumen"] == ids["Tumen River"]
    assert "Tumen river" not in ids
    assert "Gudong Seawall" in ids


def test_a_prefectures_experimental_station_is_a_body(nlp) -> None:
    kinds = dict(_kinds_of(SHELL.format("A report by the Toyama Prefectural Fisheries Experimental Station."), nlp))
    assert kinds["Toyama Prefectural Fisheries Experimental Station"] == "organization"


def test_a_places_government_named_before_it_is_a_body(nlp) -> None:
    text = SHELL.format(
        "The Government of the Sakha Republic (Yakutia) and the Administration of Nikolayevsky District reported."
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Government of the Sakha Republic (Yakutia)"] == "organization"
    assert kinds["Administration of Nikolayevsky District"] == "organization"


def test_an_acronym_of_an_institute_with_its_parents_is_one(nlp) -> None:
    text = SHELL.format(
        "The Energy Systems Institute of the Siberian Branch of the Russian Academy of Sciences (ESI SB RAS) reported."
    )
    ids = _ids_of(text, nlp)
    assert (
        ids["ESI SB RAS"] == ids["Energy Systems Institute of the Siberian Branch of the Russian Academy of Sciences"]
    )


def test_a_native_form_the_model_took_for_a_body_is_the_names_form(nlp) -> None:
    ids = _ids_of(SHELL.format("Study tour: Yeongnamnu Pavilion (영남루) on the Miryang River."), nlp)
    assert ids["영남루"] == ids["Yeongnamnu Pavilion"]


def test_a_subjects_words_and_a_spaced_dash_make_no_name(nlp) -> None:
    text = SHELL.format(
        "Subject: Minutes - Education and Culture Subcommittee (online). FYI - the Kangwon Land resort."
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Education and Culture Subcommittee"] == kinds["Kangwon Land"] == "organization"
    assert not {"Minutes", "FYI", "Kangwon"} & set(kinds)
    assert not any(" - " in name for name in kinds)


def test_a_fault_a_pond_and_a_cosmodrome_are_named_by_their_heads(nlp) -> None:
    kinds = dict(_kinds_of(SHELL.format("The Nojima Fault, Hwangji Pond and the Vostochny Cosmodrome."), nlp))
    assert kinds["Nojima Fault"] == kinds["Hwangji Pond"] == kinds["Vostochny Cosmodrome"] == "place"


def test_an_organizers_acronym_in_brackets_is_the_organizer(nlp) -> None:
    text = (
        "The Expert Workshop\n· Overview\nPeriod: 2008\n"
        "Hosted by: Gangwon Provincial Government & Korea Mine Reclamation Corporation (MIRECO)\n"
        "· Contents\n▷ Reports\n"
    )
    ids = _ids_of(text, nlp)
    assert ids["MIRECO"] == ids["Korea Mine Reclamation Corporation"]


def test_a_name_before_rivers_is_the_rivers_name(nlp) -> None:
    ids = _ids_of(SHELL.format("The Tumen River basin. Regions linked by the Amur and Tumen rivers share it."), nlp)
    assert ids["Tumen"] == ids["Tumen River"]


def test_a_names_other_name_in_brackets_is_one_thing_where_both_are_of_one_sort(nlp) -> None:
    text = SHELL.format(
        "Ferries cross the La Perouse Strait (Soya Strait), visit the Hanul Nuclear Power Plant (formerly Uljin "
        "Nuclear Power Plant) and Dalinor Lake (also Dali Nur), and sail to Olkhon Island (Lake Baikal)."
    )
    ids = _ids_of(text, nlp)
    assert ids["La Perouse Strait"] == ids["Soya Strait"]
    assert ids["Hanul Nuclear Power Plant"] == ids["Uljin Nuclear Power Plant"]
    assert ids["Dalinor Lake"] == ids["Dali Nur"]
    assert ids["Olkhon Island"] != ids["Lake Baikal"]  # where the island is


def test_a_place_the_venue_names_with_its_unit_is_that_place_where_the_prose_writes_it_alone(nlp) -> None:
    text = VENUE_SHELL.format("Sanso Resort, Cheongsong-gun, Gyeongsangbuk-do").replace(
        "▷ Talks.", "▷ The forum, meeting at Cheongsong, visited Cheongsong Port."
    )
    ids = _ids_of(text, nlp)
    assert ids["Cheongsong"] == ids["Cheongsong-gun"]
    assert "Cheongsong Port" in ids  # (not its first word)


def test_a_date_after_a_name_is_no_word_of_it_nor_a_route_noun_far_from_its_ends(nlp) -> None:
    text = SHELL.format(
        "Members will exchange data on the Sea of Japan every year and study the Harbin-Suifenhe-Vladivostok "
        "transport corridor."
    )
    spellings = _spellings_of(text, nlp)
    assert {"Sea of Japan", "Harbin", "Suifenhe", "Vladivostok"} <= spellings
    assert not any("every year" in spelling or "-" in spelling for spelling in spellings)


def test_a_facility_the_model_read_as_a_person_and_an_office_of_a_body_named_in_full(nlp) -> None:
    text = SHELL.format(
        "A visit to the Yun Dong-ju Birthplace; a briefing by the Subregional Office for East and North-East Asia "
        "of the United Nations Economic and Social Commission for Asia and the Pacific; a ferry of Dongchun Ferry "
        "Co., Ltd. and the gold fields of the Kolyma."
    )
    spellings = _spellings_of(text, nlp)
    assert {"Yun Dong-ju Birthplace", "Subregional Office for East and North-East Asia", "Kolyma"} <= spellings
    assert {"United Nations Economic and Social Commission for Asia and the Pacific"} <= spellings
    assert "Dongchun Ferry Co., Ltd." in spellings


def test_what_is_operated_by_a_name_is_a_bodys(nlp) -> None:
    text = SHELL.format(
        "The Avlayakan deposit is operated by Polymetal; flights to Bulgan were operated by Aero Mongolia, and the "
        "port is managed by Primorsky Krai."
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Polymetal"] == kinds["Aero Mongolia"] == "organization"
    assert kinds["Primorsky Krai"] == "place"


def test_a_city_with_a_short_name_is_matched_by_its_case(nlp) -> None:
    text = SHELL.format(
        "Delegates of Jixi visited Qufu and Jixi City, met at Toki Messe and heard students of TSU; qufu is no name."
    )
    ids = _ids_of(text, nlp)
    assert ids["Qufu"] == "city:CN:qufu"
    assert ids["Jixi"] == ids["Jixi City"] == "city:CN:jixi"
    assert "Toki Messe" in ids and "Toki" not in ids
    assert not ids.get("TSU", "").startswith("city:")


def test_a_venue_met_on_a_screen_names_no_place_and_a_building_of_a_body_is_two_names(nlp) -> None:
    from pipeline.tagger.gazetteer import load_gazetteer
    from pipeline.tagger.mentions import _split_of_phrase

    text = VENUE_SHELL.format("Online video conference, hosted from Zuunkharaa, Selenge Aimag, Mongolia")
    assert not any("Online" in spelling for spelling in _spellings_of(text, nlp))
    name = "Bohyeonsan Optical Astronomy Observatory of the Korea Astronomy and Space Science Institute"
    assert _split_of_phrase(name, load_gazetteer()) == [
        "Bohyeonsan Optical Astronomy Observatory",
        "Korea Astronomy and Space Science Institute",
    ]


def test_a_structures_name_in_its_own_script_is_that_name_and_lends_it_the_gazetteers_entry(nlp) -> None:
    text = (
        "The 5th NEAR Environment Subcommittee\n· Overview\nPeriod: 2012\n"
        "Venue: Hetao Grand Hotel, Bayannur City (巴彦淖尔市)\n"
        "Participants:\n  Korea: Kangwon-do (江原道)\n  Mongolia: Dornogovi Province (Дорноговь аймак)\n"
        "· Contents\n▷ Thanks to the people of Bayannur for their welcome.\n"
    )
    ids = _ids_of(text, nlp)
    assert ids["Kangwon-do"] == ids["江原道"] == "KR-42"
    assert ids["Dornogovi Province"] == ids["Дорноговь аймак"] == "MN-063"
    assert ids["Bayannur City"] == ids["巴彦淖尔市"] == ids["Bayannur"] == "city:CN:bayan-nur"


def test_a_participant_that_is_an_acronym_alone_is_a_body(nlp) -> None:
    text = (
        "The 5th NEAR Tourism Forum\n· Overview\nPeriod: 2018\n"
        "Participants: 23 member regional governments from 5 countries, and UNWTO, PATA and travel companies\n"
        "· Contents\n▷ The Pacific Asia Travel Association (PATA) presented a survey.\n"
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["PATA"] == kinds["Pacific Asia Travel Association"] == "organization"


def test_a_participant_in_its_own_script_then_in_english_in_brackets_is_one_thing(nlp) -> None:
    """As Korean reports list them: "하바롭스크주(Khabarovsk Krai)", the Hangul a spelling the
    gazetteer does not know, the English one it does; a body the same way."""
    text = (
        "The 5th NEAR Environment Subcommittee\n· Overview\nPeriod: 2012\n"
        "Participants:\n  Russia: 하바롭스크주(Khabarovsk Krai), 이르쿠츠크주(Irkutsk Oblast)\n"
        "  Observers: 세계보건기구 서태평양지역사무소(WHO Regional Office for the Western Pacific)\n"
    )
    ids = _ids_of(text, nlp)
    assert ids["하바롭스크주"] == ids["Khabarovsk Krai"] == "RU-KHA"
    assert ids["이르쿠츠크주"] == ids["Irkutsk Oblast"] == "RU-IRK"
    assert ids["세계보건기구 서태평양지역사무소"] == ids["WHO Regional Office for the Western Pacific"]


def test_bodies_among_the_participants_named_like_a_meeting_or_by_an_acronym_or_sent_by_a_region(nlp) -> None:
    text = (
        "The 5th NEAR Environment Subcommittee\n· Overview\nPeriod: 2012\n"
        "Participants:\n  Korea: Gangwon-do, Asia Pacific Mountain Towns Forum (APMTF)\n"
        "  Observers: UNESCO Office Beijing; ICOMOS Mongolia; DPR Korea\n"
        "  Korea: Gwangju Metropolitan City (Gwangju Institute of Science and Technology (GIST))\n"
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Asia Pacific Mountain Towns Forum"] == kinds["APMTF"] == "organization"
    # led by a body's acronym: its office or branch
    assert kinds["UNESCO Office Beijing"] == kinds["ICOMOS Mongolia"] == "organization"
    assert kinds["Gangwon-do"] == kinds["Gwangju Metropolitan City"] == "place"
    # the institution a region sent, in brackets after it, and that body's own acronym in its brackets
    ids = _ids_of(text, nlp)
    assert ids["GIST"] == ids["Gwangju Institute of Science and Technology"] and kinds["GIST"] == "organization"


def test_a_systems_acronym_before_a_slash_and_a_name_cut_before_its_acronyms_last_letters(nlp) -> None:
    text = SHELL.format(
        "Talks with the United Nations International Strategy for Disaster Reduction (UN/ISDR), the Northwest "
        "Institute of Eco-Environment and Resources (NIEER) and the Emergencies Ministry of Russia (EMERCOM)."
    )
    ids = _ids_of(text, nlp)
    assert ids["UN/ISDR"] == ids["United Nations International Strategy for Disaster Reduction"]
    assert "UN" not in ids and "ISDR" not in ids
    assert ids["NIEER"] == ids["Northwest Institute of Eco-Environment and Resources"]
    assert {"Emergencies Ministry", "Russia"} <= set(ids) and "Emergencies Ministry of Russia" not in ids


def test_an_initial_and_a_surname_are_a_persons_and_a_province_in_its_early_spelling_is_known(nlp) -> None:
    text = SHELL.format("From: T. Sato. Trade with S. Korea and the Governor of Hamgyong-pukto.")
    ids = _ids_of(text, nlp)
    assert not any("Sato" in spelling for spelling in ids)
    assert ids["Hamgyong-pukto"] == "KP-09"
    assert ids["Korea"] == "KR"


def test_a_regions_ministry_after_a_comma_in_the_organizer_is_one_body(nlp) -> None:
    text = SHELL.replace(
        "Period: 2012\n", "Period: 2012\nOrganizer: Sakhalin Oblast, Ministry of Economic Development\n"
    ).format("Talks.")
    assert "Sakhalin Oblast, Ministry of Economic Development" in _ids_of(text, nlp)


def test_a_dashed_event_a_port_of_a_place_a_departments_acronym_and_a_rivers_bare_name(nlp) -> None:
    text = SHELL.format(
        "Lessons of the Great Hanshin–Awaji Earthquake; traffic at the Port of Incheon; a drill with the "
        "Emergencies Ministry of Russia (EMERCOM), which EMERCOM leads; a boat trip on the Ussuri near Lesozavodsk."
    )
    ids = _ids_of(text, nlp)
    assert not any("Hanshin" in spelling for spelling in ids)
    title = "NEAR Subcommittee on Environment – Online Meeting 2020\n· Overview\nPeriod: 2020\n· Contents\n▷ Talks.\n"
    assert "NEAR Subcommittee on Environment" in _ids_of(title, nlp)
    assert "Port of Incheon" in ids and "Incheon" not in ids
    assert ids["EMERCOM"] == ids["Emergencies Ministry"]
    assert ids["Ussuri"] != ids["Lesozavodsk"]


def test_a_legal_form_before_a_name_or_after_it_is_the_companys(nlp) -> None:
    spellings = _spellings_of(
        SHELL.format("Visit to the mine of OJSC Urgalugol and talks with Tsairt Mineral LLC."), nlp
    )
    assert {"OJSC Urgalugol", "Tsairt Mineral LLC"} <= spellings


def test_a_number_in_brackets_after_an_authority_names_nothing(nlp) -> None:
    text = "Meeting\n· Overview\nPeriod: 2012\nParticipants:\n  Japan: Toyama Prefecture (8)\n· Contents\n▷ Talks.\n"
    assert not any(spelling.isdigit() for spelling in _ids_of(text, nlp))


def test_a_known_companys_fuller_name_a_special_city_and_a_ministers_portfolio(nlp) -> None:
    text = VENUE_SHELL.format("Yongin Convention Center, Yongin Special City (용인특례시), Gyeonggi-do").replace(
        "▷ Talks.",
        "▷ Speakers from COSCO Shipping Lines and Sinopec Qilu Petrochemical; POSCO Chairman; a tour of Yongin; "
        "remarks by the Minister of Foreign Relations of the Republic of Sakha (Yakutia).",
    )
    ids = _ids_of(text, nlp)
    assert {"COSCO Shipping Lines", "Sinopec Qilu Petrochemical", "POSCO"} <= set(ids)
    assert "POSCO Chairman" not in ids
    assert ids["Yongin"] == ids["Yongin Special City"] == ids["용인특례시"] == "city:KR:yongin-city"
    assert not any(spelling.startswith("Foreign Relations") for spelling in ids)


def test_a_plant_and_the_company_that_owns_it_and_towns_met_in_and_a_numbered_plant(nlp) -> None:
    text = VENUE_SHELL.format("Ulaanbaatar and Erdenesant, Mongolia").replace(
        "▷ Talks.",
        "▷ Visit to the Omi Plant of Denki Kagaku Kogyo K.K. and to Thermal Power Plant No. 4; "
        "a welcome by the Governor of Erdenesant District; a walk in the town of Omi and the village of Zorgol; "
        "Yeosu, the host city of Expo 2012; a welcome by the Head of Khasansky District; the Da Hinggan Ling.",
    )
    ids = _ids_of(text, nlp)
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Omi Plant"] == kinds["Thermal Power Plant No. 4"] == kinds["Erdenesant"] == "place"
    assert kinds["Denki Kagaku Kogyo K.K."] == "organization"
    assert kinds["Omi"] == kinds["Zorgol"] == "place" and "Expo" not in kinds
    assert kinds["Khasansky District"] == "place"  # (the model read "the Head of ..." as a person)
    assert ids["Da Hinggan Ling"] == "geo:greater-khingan"
    assert ids["Ulaanbaatar"] != ids["Erdenesant"] == ids["Erdenesant District"]


def test_a_legal_form_after_a_place_makes_a_company_and_a_venues_aside_names_each_place(nlp) -> None:
    text = VENUE_SHELL.format("Yeongdeok, Republic of Korea (Ocean Pavilion, Samsa Marine Park)").replace(
        "▷ Talks.", "▷ Presentation by Petropavlovsk PLC; a walk along the Wuzhong Morning Tea Street."
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Petropavlovsk PLC"] == "organization" and "Petropavlovsk" not in kinds
    assert kinds["Ocean Pavilion"] == kinds["Samsa Marine Park"] == kinds["Wuzhong Morning Tea Street"] == "place"


def test_a_bodys_organ_in_lower_case_a_town_after_its_centre_and_a_cave_after_a_date(nlp) -> None:
    text = SHELL.format(
        "The GTI secretariat in Beijing proposed a route to the soum centre of Lun; on 2 March Hwaam Cave "
        "was visited, and the Power of Siberia gas pipeline was presented."
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["GTI"] == "organization" and "GTI secretariat" not in kinds
    assert kinds["Lun"] == kinds["Hwaam Cave"] == kinds["Power of Siberia"] == "place"
    assert "March Hwaam Cave" not in kinds


def test_a_forums_quoted_title_names_no_body_and_a_bodys_two_names_are_one(nlp) -> None:
    text = SHELL.format("NEAR International Forum “Green Industry and Smart Cities”, with the Northern Forum.").replace(
        "Period: 2012\n",
        "Period: 2012\nParticipants:\n- ORU Fogar – United Regions Organization\n- Toyama Prefecture\n",
    )
    ids = _ids_of(text, nlp)
    assert "Smart Cities" not in ids and "Northern Forum" in ids
    assert ids["ORU Fogar"] == ids["United Regions Organization"] == "org:oru-fogar"


def test_a_native_form_after_a_comma_that_ends_an_aside_is_the_names(nlp) -> None:
    text = SHELL.format(
        "A bridge across the Amur River (in China the Heilongjiang River, 黑龙江); talks with Heilongjiang Province."
    )
    ids = _ids_of(text, nlp)
    assert ids["黑龙江"] == ids["Heilongjiang River"] == ids["Amur River"] != ids["Heilongjiang Province"]


def test_a_rulers_name_a_rivers_province_named_name_and_a_companys_quoted_native_name(nlp) -> None:
    text = SHELL.format(
        "A visit to the birthplace of Chinggis Khaan and to Chinggis City; floods on the Amur River "
        "(Heilongjiang) and in Heilongjiang Province; MMC Norilsk Nickel («Норильский никель»)."
    )
    ids = _ids_of(text, nlp)
    assert "Chinggis" not in ids and ids["Chinggis City"] == "city:MN:chinggis-city"
    assert ids["Heilongjiang"] == ids["Amur River"] != ids["Heilongjiang Province"]
    assert ids["Норильский никель"] == ids["MMC Norilsk Nickel"] and "«Норильский никель»" not in ids


def test_a_participant_said_to_be_an_ngo_and_an_organizers_organ_of_near(nlp) -> None:
    text = (
        "The 2013 NEAR Mining Workshop\n· Overview\nPeriod: 2013\n"
        "Organizer: Gansu Provincial People's Government & Subcommittee on Mining of NEAR\n"
        "Participants:\nRepublic of Korea: Gyeongsangbuk-do, Future Forest (NGO)\n· Contents\n▷ Talks.\n"
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Future Forest"] == kinds["Subcommittee on Mining"] == kinds["NEAR"] == "organization"
    assert "NGO" not in kinds and "Subcommittee on Mining of NEAR" not in kinds


def test_a_leading_legal_form_before_a_brand_written_with_capitals_inside(nlp) -> None:
    text = SHELL.format("JSC HydroOGK built the plant of JSC RusHydro; OJSC Urgalugol mines coal.")
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["JSC HydroOGK"] == kinds["JSC RusHydro"] == kinds["OJSC Urgalugol"] == "organization"


def test_company_parents_articles_expert_groups_and_a_known_body_in_lower_case(nlp) -> None:
    text = SHELL.format(
        "JSC Sakhaenergo, a subsidiary of PJSC Yakutskenergo of the RusHydro Group, sold power to The Chugoku "
        "Electric Power Co., Inc.; the Ad Hoc Group of Experts on Coal Mine Methane met; the GA will create a "
        "NEAR subcommittee on energy and climate change."
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["PJSC Yakutskenergo"] == kinds["Chugoku Electric Power Co., Inc."] == "organization"
    assert kinds["Ad Hoc Group of Experts on Coal Mine Methane"] == "organization"
    assert not {"PJSC Yakutskenergo of the RusHydro Group", "The Chugoku Electric Power Co., Inc."} & set(kinds)
    assert not [name for name in kinds if "subcommittee on energy" in name]


def test_a_delegates_post_in_an_authoritys_aside_names_nothing(nlp) -> None:
    text = (
        "M\n· Overview\nParticipation\nJapan\nTottori Prefecture (Director for International Affairs), "
        "Shimane Prefecture\nRussian Federation\n- Sakha Republic (Yakutia) (Minister of Industry)\n"
        "· Contents\n▷ Talks.\n"
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Tottori Prefecture"] == kinds["Sakha Republic (Yakutia)"] == "place"
    assert not {"Director for International Affairs", "Minister of Industry"} & set(kinds)


def test_the_bodies_of_delegates_named_in_capitals_with_their_bodies_in_brackets(nlp) -> None:
    text = (
        "M\n· Overview\nParticipation\nJapan\nNiigata Prefecture\nHeads of delegation\n"
        "KANG Dong-hoon (Director-General, Chungnam); Mr. ISHIDA Koichi (Niigata Prefecture, Crisis Management "
        "Division); Ms. Galina I. PETROVA (Department of Civil Defence, Administration of Irkutsk Oblast)\n"
        "· Contents\n▷ Talks.\n"
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Crisis Management Division"] == kinds["Department of Civil Defence"] == "organization"
    assert not [name for name in kinds if "KANG" in name or "ISHIDA" in name or "PETROVA" in name]


def test_a_persons_family_name_in_capitals_after_a_title_names_no_place(nlp) -> None:
    text = SHELL.format("Ms PARK Eun-ji and Mr. KIM Soo-yeon of Gyeonggi-do spoke in Busan.")
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Gyeonggi-do"] == kinds["Busan"] == "place"
    assert not {"Ms PARK", "Eun-ji", "Soo"} & set(kinds)


def test_an_observer_followed_by_its_initials_is_a_body_and_a_region_with_its_own_stays_a_place(nlp) -> None:
    text = (
        "M\n· Overview\nParticipation\nObservers: Baltic Sea States Subregional Co-operation (BSSSC), "
        "Jewish Autonomous Oblast (JAO)\n· Contents\n▷ Talks.\n"
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Baltic Sea States Subregional Co-operation"] == kinds["BSSSC"] == "organization"
    assert kinds["Jewish Autonomous Oblast"] == "place"


def test_lower_case_words_before_a_known_name_and_a_kings_name_and_a_rivers_native_name(nlp) -> None:
    text = SHELL.format(
        "Changbai Mountain and its crater lake Tianchi; the environment subcommittee met; the tomb of King "
        "Danjong; a transfer along the Aldan River (Алдан) to the town of Aldan."
    )
    ids = _ids_of(text, nlp)
    assert ids["Tianchi"] == "geo:heaven-lake" and "lake Tianchi" not in ids
    assert "environment subcommittee" not in ids and "King Danjong" not in ids
    assert ids["Алдан"] == ids["Aldan River"] != ids["Aldan"]


def test_a_venues_room_of_a_building_and_its_online_tail_name_no_place(nlp) -> None:
    text = (
        "The 5th Meeting of the Mining Subcommittee\n· Overview\nPeriod: 2012\n"
        "Venue: Russian Federation > Kemerovo Region, Leninsk-Kuznetsky, Hall of the Kuzbass Scientific and "
        "Educational Complex; Gimje (Gimje Culture and Arts Center) and online (Zoom)\n· Contents\n▷ Reports\n"
    )
    places = {name for name, kind in _kinds_of(text, nlp) if kind == "place"}
    assert {
        "Kuzbass Scientific and Educational Complex",
        "Gimje Culture and Arts Center",
        "Leninsk-Kuznetsky",
    } <= places
    assert not {"Educational Complex", "Hall of the Kuzbass Scientific", "Zoom"} & places
    # (a room of a body without "the"; but a hall "of Korea" is a building's whole name)
    text = (
        "The 5th Meeting of the Mining Subcommittee\n· Overview\nPeriod: 2012\n"
        "Venue: Zaozhuang, China (Auditorium of Zaozhuang University); Cheonan (Independence Hall of Korea)\n"
        "· Contents\n▷ Reports\n"
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Zaozhuang University"] == "organization" and "Auditorium of Zaozhuang University" not in kinds
    assert kinds["Independence Hall of Korea"] == "place"


def test_a_venues_building_and_its_quoted_nickname_are_two_names(nlp) -> None:
    text = (
        "The 5th Meeting of the Energy Subcommittee\n· Overview\nPeriod: 2026\n"
        'Venue: Rokkasho Village, Japan (Rokkasho Cultural Exchange Plaza "Swing") and online\n· Contents\n▷ Reports\n'
    )
    places = {name for name, kind in _kinds_of(text, nlp) if kind == "place"}
    assert {"Rokkasho Cultural Exchange Plaza", "Swing"} <= places
    assert 'Rokkasho Cultural Exchange Plaza "Swing"' not in places


def test_a_town_word_after_the_model_s_town_and_natives_in_lower_case(nlp) -> None:
    kinds = dict(_kinds_of(SHELL.format("They met in Erdaobaihe Town (二道白河镇), Antu County."), nlp))
    assert kinds["Erdaobaihe Town"] == kinds["二道白河镇"] == "place"
    assert "Erdaobaihe" not in kinds
    venue = VENUE_SHELL.format("Russian Federation > Primorsky Krai, Russky Island (остров Русский)")
    assert ["Russky Island", "остров Русский"] in [aliases for _, aliases in _entities_of(venue, nlp).values()]


def test_a_unit_ending_or_a_legal_form_adds_no_second_id(nlp) -> None:
    text = SHELL.format(
        "Jumunjin and Geojin are fishing towns; the port of Jumunjin-eup (주문진읍). "
        "OJSC RUSNANO spoke, then RUSNANO again, with Hanjin Shipping Co., Ltd. and Hanjin Shipping."
    )
    ids = _ids_of(text, nlp)
    assert ids["Jumunjin"] == ids["Jumunjin-eup"] == ids["주문진읍"]
    assert ids["OJSC RUSNANO"] == ids["RUSNANO"]
    assert ids["Hanjin Shipping Co., Ltd."] == ids["Hanjin Shipping"]


def test_a_person_to_the_model_after_a_kind_of_place_and_of_is_a_place(nlp) -> None:
    text = SHELL.format(
        "A cliff from which the islands of Reineke and Popov can be seen. Pingyao, a city of the Jin merchants."
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Reineke"] == kinds["Popov"] == "place"
    assert "Jin" not in kinds


def test_names_listed_after_a_kind_of_place_and_such_as_are_places(nlp) -> None:
    text = SHELL.format("Many fishing villages such as Kievka, Lazo and Valentin have lost their work.")
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Kievka"] == kinds["Lazo"] == kinds["Valentin"] == "place"


def test_passes_are_places_tickets_are_not(nlp) -> None:
    spellings = _spellings_of(SHELL.format("The caravan crossed the Seminsky Pass with a NEAR Tour Pass."), nlp)
    assert "Seminsky Pass" in spellings and "NEAR Tour Pass" not in spellings


def test_a_soum_named_after_its_lake_is_not_the_lake_and_a_bodys_city_in_brackets_is_a_place(nlp) -> None:
    ids = _ids_of(
        "The 3rd Expert Workshop\n· Overview\nPeriod: 2007\n"
        "Participants: Mongolia (1; Arkhangai Aimag), Institutes (1; Limnological Institute (Russian Academy of"
        " Sciences, Irkutsk))\n· Contents\n▷ The herders of Ugii Nuur Sum reported that Ugii Nuur had retreated.\n",
        nlp,
    )
    assert ids["Ugii Nuur Sum"] != ids["Ugii Nuur"]
    assert {"Russian Academy of Sciences", "Irkutsk", "Limnological Institute"} <= set(ids)


def test_two_countries_joined_by_a_hyphen_are_two_countries(nlp) -> None:
    spellings = _spellings_of(SHELL.format("A report on the Korea-Japan and Korea-China fisheries agreements."), nlp)
    assert {"Korea", "Japan", "China"} <= spellings
    assert not {"Korea-Japan", "Korea-China"} & spellings


def test_a_role_in_brackets_after_an_organizer_names_nothing(nlp) -> None:
    spellings = _spellings_of(
        "The 4th Culture Subcommittee\n· Overview\nPeriod: 2005\n"
        "Organizer: Liaoning Provincial People's Government & Gyeongsangbuk-do (Coordinator)\n"
        "Host: Tuv Aimag Governor's Office, with Toyama Prefecture as coordinator of the Environment Subcommittee\n"
        "· Contents\n▷ Reports\n",
        nlp,
    )
    assert {"Gyeongsangbuk-do", "Toyama Prefecture", "Environment Subcommittee"} <= spellings
    assert not {"Coordinator", "Toyama Prefecture as coordinator of the Environment Subcommittee"} & spellings


def test_lists_of_names_a_brand_before_and_and_old_names_of_towns(nlp) -> None:
    text = SHELL.format(
        "Floods on the Iya and Uda rivers reached the villages of Alygdzher, Nerkha and Verkhnyaya Gutara. "
        "XacBank and Khan Bank lent to women. Ships sailed from Otomari and Tsingtao; Tsingtao Brewery spoke."
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Iya"] == kinds["Alygdzher"] == kinds["Nerkha"] == kinds["Verkhnyaya Gutara"] == "place"
    assert kinds["XacBank"] == kinds["Khan Bank"] == kinds["Tsingtao Brewery"] == "organization"
    ids = _ids_of(text, nlp)
    assert (ids["Otomari"], ids["Tsingtao"]) == ("city:RU:korsakov", "city:CN:qingdao")


def test_a_delegates_body_and_its_acronym_are_one_body_whatever_the_post(nlp) -> None:
    text = (
        "M\n· Overview\nParticipation\nKorea\n- Incheon Metropolitan City: Team Leader, Incheon Port Authority (IPA)\n"
        "China\n- Heilongjiang Province: Division Chief, Heilongjiang Provincial Department of Commerce; "
        "Director of International Cooperation, Qingdao National Laboratory for Marine Science (QNLM)\n"
        "· Contents\n▷ Talks.\n"
    )
    ids = _ids_of(text, nlp)
    assert ids["IPA"] == ids["Incheon Port Authority"]
    assert ids["QNLM"] == ids["Qingdao National Laboratory for Marine Science"]
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Heilongjiang Provincial Department of Commerce"] == "organization"
    assert kinds["Heilongjiang Province"] == kinds["Incheon Metropolitan City"] == "place"
    assert not [name for name in kinds if "Chief" in name or "Leader" in name]


def test_a_capital_region_by_name_and_a_city_before_its_common_nouns(nlp) -> None:
    ids = _ids_of(
        SHELL.format("The depot serves the Seoul Metropolitan Area; the village is in the Seoul metropolitan area."),
        nlp,
    )
    assert ids["Seoul Metropolitan Area"] == "geo:seoul-capital-area"
    assert ids["Seoul"] == "KR-11"
    assert not [name for name in ids if "metropolitan" in name]


def test_a_venues_room_by_its_rank_names_no_place(nlp) -> None:
    kinds = dict(
        _kinds_of(VENUE_SHELL.format("Uiwang, Korea (Korea Railroad Research Institute, Main Auditorium)"), nlp)
    )
    assert kinds["Korea Railroad Research Institute"] == "organization"
    assert "Main Auditorium" not in kinds


def test_a_section_of_delegates_is_read_line_by_line_not_as_prose(nlp) -> None:
    text = (
        "M\n· Overview\nParticipation\nJapan\nIshikawa Prefecture\n· Contents\n▷ Talks.\n· Delegates\nJapan\n"
        "Ishikawa Prefecture: Director-General for Commerce and Labor; Director, Gyeongbuk Technopark\n"
        "Jilin Province: Researcher, Changchun Institute of Optics, Fine Mechanics and Physics (CIOMP)\n"
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Gyeongbuk Technopark"] == kinds["Changchun Institute of Optics, Fine Mechanics and Physics"]
    assert kinds["CIOMP"] == kinds["Gyeongbuk Technopark"] == "organization"
    assert kinds["Jilin Province"] == "place"
    assert not {"Labor", "Commerce and Labor", "Fine Mechanics and Physics"} & set(kinds)


def test_a_listed_name_without_its_lower_case_nouns_and_places_parted_by_a_dash(nlp) -> None:
    venue = dict(_kinds_of(VENUE_SHELL.format("Daursky Reserve visitor centre, Nizhny Tsasuchey, Russia"), nlp))
    assert venue.get("Daursky Reserve") == "place" and "Daursky Reserve visitor centre" not in venue
    text = (
        "The 2004 NEAR Workshop\n· Overview\nPeriod: 2004\nParticipation\nJapan\nToyama Prefecture\n\n"
        "International and research bodies\nUvs Lake Strictly Protected Area administration, "
        "German Technical Cooperation (GTZ)\n· Contents\n▷ Exchange at the Khandagaity–Borshoo crossing with "
        "the Erzinsky Kozhuun administration.\n"
    )
    kinds = dict(_kinds_of(text, nlp))
    assert {name: kinds.get(name) for name in ("Uvs Lake Strictly Protected Area", "German Technical Cooperation")} == {
        "Uvs Lake Strictly Protected Area": "place",
        "German Technical Cooperation": "organization",
    }
    assert [kinds.get(name) for name in ("Khandagaity", "Borshoo", "Erzinsky Kozhuun")] == ["place"] * 3
    assert "International and research bodies" not in kinds and "Khandagaity–Borshoo" not in kinds


def test_a_known_acronym_in_brackets_and_a_citys_native_form_are_one_thing_with_the_name(nlp) -> None:
    text = (
        "The 2004 NEAR Workshop\n· Overview\nPeriod: 2004\nParticipation\nJapan\nToyama Prefecture\n\n"
        "International organizations\nGerman Technical Cooperation (GTZ)\n· Contents\n▷ GTZ spoke in "
        "Tongchuan (통촨, 銅川).\n"
    )
    ids = _ids_of(text, nlp)
    assert ids["German Technical Cooperation"] == ids["GTZ"]
    assert ids["Tongchuan"] == ids["銅川"] == ids["통촨"]


def test_a_railway_taking_part_is_its_company(nlp) -> None:
    text = (
        "The 2001 NEAR Expert Meeting\n· Overview\nPeriod: 2001\nParticipation\nJapan\nNiigata Prefecture\n\n"
        "Observers\nFar Eastern Railway, Korean National Railroad\n· Contents\n▷ Talks.\n"
    )
    kinds = dict(_kinds_of(text, nlp))
    assert [kinds.get(name) for name in ("Far Eastern Railway", "Korean National Railroad")] == ["organization"] * 2


def test_a_company_in_lower_case_form_and_a_participant_ending_with_an_acronym(nlp) -> None:
    """ "Petropavlovsk plc" is the company (and no town the name once was); "Inter RAO" among
    the observers a body (but "Lao PDR" a country, "Kangwon-do DPRK" a region)."""
    text = (
        "The 2011 NEAR Mining Subcommittee\n· Overview\nPeriod: 2011\nParticipation\nJapan\nToyama Prefecture\n\n"
        "Observers\nInter RAO, Lao PDR\n· Contents\n▷ Petropavlovsk plc spoke on its mines in Amur Region.\n"
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Petropavlovsk plc"] == kinds["Inter RAO"] == "organization"
    assert kinds["Lao PDR"] == "place"
    assert "Petropavlovsk" not in kinds


def test_a_dynasty_an_event_after_and_the_last_of_a_posts_fields_are_no_names(nlp) -> None:
    sentences = (
        "A field trip to the eastern end of the Ming wall, then to the Ming Tombs.",
        "The Summer Olympic Games in Tokyo and Winter Olympic Games in Beijing were noted.",
        "Toyama Prefecture presented the Toyama Marathon.",
        "A keynote speech by the Minister of Family, Labour and Social Protection of Mongolia.",
    )
    spellings = set().union(*(_spellings_of(SHELL.format(sentence), nlp) for sentence in sentences))
    assert {"Ming Tombs", "Tokyo", "Beijing", "Toyama Prefecture", "Mongolia"} <= spellings
    assert not {"Ming", "Winter Olympic Games", "Toyama", "Toyama City", "Social Protection"} & spellings


def test_an_office_after_a_place_the_model_found_and_a_womens_institute_are_one_body(nlp) -> None:
    spellings = _spellings_of(
        SHELL.format(
            "The coordinator thanked the Chingeltei District Governor's Office and the Gyeongbuk Women's "
            "Policy Development Institute."
        ),
        nlp,
    )
    assert {"Chingeltei District Governor's Office", "Gyeongbuk Women's Policy Development Institute"} <= spellings
    assert not {"Governor's Office", "Policy Development Institute"} & spellings


def test_a_feature_named_in_full_is_named_by_its_bare_word_in_the_prose_after_it(nlp) -> None:
    text = (
        "The 2011 NEAR Mining Subcommittee\n· Overview\nPeriod: 2011\n· Contents\n"
        "▷ Lingbao Gold Group spoke on gold mining in the Xiaoqinling Mountains.\n"
        "▷ The gold fields of the Xiaoqinling and of Amur Region were compared.\n"
    )
    ids = _ids_of(text, nlp)
    assert ids["Xiaoqinling"] == ids["Xiaoqinling Mountains"]


def test_glued_company_names_a_legal_form_that_ends_one_and_forces(nlp) -> None:
    """A Russian company named by the trade its word is glued from, in the prose and among
    observers; a company's form ends its name before "and"; armed forces are a body."""
    text = (
        "The 2000 NEAR Border Area Subcommittee\n· Overview\nPeriod: 2000\nParticipation\nJapan\n"
        "Toyama Prefecture\n\nObservers\nDalmoreprodukt, Korea Maritime Institute\n· Contents\n"
        "▷ Amurenergo and the general contractor Bureyagesstroy reported.\n"
        "▷ China Shenhua Energy Company Limited and Inner Mongolia Yitai Coal Co., Ltd. spoke.\n"
        "▷ The Japan Self-Defense Forces helped near a Cossack fort.\n"
    )
    kinds = dict(_kinds_of(text, nlp))
    bodies = ("Dalmoreprodukt", "Amurenergo", "Bureyagesstroy", "China Shenhua Energy Company Limited")
    assert [kinds.get(name) for name in bodies] == ["organization"] * len(bodies)
    assert kinds.get("Inner Mongolia Yitai Coal Co., Ltd.") == kinds.get("Japan Self-Defense Forces") == "organization"
    assert "Cossack" not in kinds


def test_an_acronym_takes_the_words_before_of_and_a_topic_is_no_coordinated_place(nlp) -> None:
    spellings = _spellings_of(
        SHELL.format(
            "Volunteers of Our Sea of East Asia Network (OSEAN) cleaned the beach of Hisui Kaigan; an Expert "
            "Meeting on Lake Baikal and Transboundary Nature Conservation followed."
        ),
        nlp,
    )
    assert {"Our Sea of East Asia Network", "OSEAN", "Hisui Kaigan", "Lake Baikal"} <= spellings
    assert not {"East Asia Network", "Kaigan", "Transboundary Nature Conservation"} & spellings


def test_a_bodys_short_forms_are_the_body_the_record_names_in_full(nlp) -> None:
    """Its acronym and head word, its words before an "of" tail, its acronym after a country's
    tail: one identity with the full name (but "Subcommittee on Border Cooperation" takes no
    "with" tail, while an association for friendship does)."""
    ids = _ids_of(
        SHELL.format(
            "Claims went to the International Oil Pollution Compensation Fund (IOPC Fund). The Energy Systems "
            "Institute of the Siberian Branch of the Russian Academy of Sciences began a study; later the Energy "
            "Systems Institute reported. The Ministry of Public Safety and Security of the Republic of Korea (MPSS) "
            "helped the Liaoning Provincial Association for Friendship with Foreign Countries and the Subcommittee "
            "on Border Cooperation with Mongolia."
        ),
        nlp,
    )
    assert ids["IOPC Fund"] == ids["International Oil Pollution Compensation Fund"]
    assert (
        ids["Energy Systems Institute"]
        == ids["Energy Systems Institute of the Siberian Branch of the Russian Academy of Sciences"]
    )
    assert ids["MPSS"] == ids["Ministry of Public Safety and Security"]
    assert "Liaoning Provincial Association for Friendship with Foreign Countries" in ids
    assert "Subcommittee on Border Cooperation with Mongolia" not in ids


def test_a_venues_city_hall_a_banners_wings_and_a_prefectures_fields_of_work(nlp) -> None:
    """A city hall the meeting is held in is the building; a banner's name keeps its wings; a
    prefecture's centre keeps the fields its name lists (but a post before a comma stays out)."""
    venue = dict(_kinds_of(VENUE_SHELL.format("Matto City Hall, Matto City, Ishikawa Prefecture, Japan"), nlp))
    assert venue["Matto City Hall"] == "place"
    spellings = _spellings_of(
        SHELL.format(
            "Visits to the grassland in Chahar Right Middle Banner, and papers of the Toyama Prefectural "
            "Agricultural, Forestry and Fisheries Research Center and of the Director, Institute of Water and "
            "Ecological Problems."
        ),
        nlp,
    )
    assert {
        "Chahar Right Middle Banner",
        "Toyama Prefectural Agricultural, Forestry and Fisheries Research Center",
        "Institute of Water and Ecological Problems",
    } <= spellings
    assert not {"Chahar", "Right Middle Banner", "Forestry and Fisheries Research Center"} & spellings
    # (a department named by its fields, the first before a comma: the list is the name's)
    spellings = _spellings_of(
        SHELL.format(
            "The Tottori Prefecture: Agriculture, Forestry and Fisheries Department reported; so did the "
            "Head, Education and Culture Department of Hunan Province."
        ),
        nlp,
    )
    assert "Agriculture, Forestry and Fisheries Department" in spellings
    assert "Forestry and Fisheries Department" not in spellings
    assert not [spelling for spelling in spellings if spelling.startswith("Head")]  # (a post, no field)


def test_a_soum_in_lower_case_lends_its_bare_name_to_the_prose(nlp) -> None:
    text = (
        "The 2019 NEAR Disaster Prevention Subcommittee\n· Overview\nPeriod: 2019\n"
        "Venue: Renchinlkhumbe soum, Khuvsgul Province, Mongolia\n· Contents\n▷ Adopted at Renchinlkhumbe in July.\n"
    )
    ids = _ids_of(text, nlp)
    assert ids["Renchinlkhumbe"] == ids["Renchinlkhumbe soum"]


def test_mongolian_cities_are_one_entry_in_either_transliteration() -> None:
    gazetteer = load_gazetteer()
    written = ("Saynshand", "Sainshand", "Arvayheer", "Arvaikheer", "Ölgii", "Ulgii", "Olgiy", "Zuunmod", "Dzuunmod")
    assert [gazetteer.lookup(name).id for name in written] == [
        "city:MN:sainshand",
        "city:MN:sainshand",
        "city:MN:arvaikheer",
        "city:MN:arvaikheer",
        "city:MN:olgii",
        "city:MN:olgii",
        "city:MN:olgii",
        "city:MN:zuunmod",
        "city:MN:zuunmod",
    ]


def test_korean_rivers_in_either_romanization_and_hangul() -> None:
    gazetteer = load_gazetteer()
    assert {gazetteer.lookup(name).id for name in ("Geum River", "Kum River", "금강")} == {"geo:geum-river"}
    assert {gazetteer.lookup(name).id for name in ("Yeongsan River", "Yongsan River", "영산강")} == {
        "geo:yeongsan-river"
    }


def test_convention_centres_by_their_acronyms_are_places(nlp) -> None:
    text = (
        "The 8th General Assembly\n· Overview\nPeriod: 2010\n· Contents\n▷ The Charter was revised at KINTEX "
        "in Goyang; the next meeting will be held at BEXCO in Busan.\n"
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["KINTEX"] == kinds["BEXCO"] == "place"


def test_a_russian_settlements_abbreviated_kind_and_the_regions_short_forms(nlp) -> None:
    # ("с." a village, "р." a river: their names are the words after; the Jewish Autonomous
    # Region as "JAR" and "ЕАО", Russia as "RF", Ulaanbaatar as "UB")
    text = FIELDS_SHELL.format(
        "Venue: Birobidzhan, Jewish Autonomous Region (ЕАО)\n"
        "Organizer: Government of the JAR\n"
        "Remarks: the delegates went to the village of Amurzet (с. Амурзет), where the Amur River "
        "(р. Амур) rose in 2013; the RF and UB sent experts."
    )
    ids = _ids_of(text, nlp)
    assert ids["Амурзет"] == ids["Amurzet"]
    assert ids["Амур"] == ids["Amur River"]
    assert not {"с. Амурзет", "р. Амур"} & set(ids)
    assert ids["ЕАО"] == ids["Jewish Autonomous Region"] == "RU-YEV"
    assert (ids["RF"], ids["UB"]) == ("RU", "MN-1")


def test_a_korean_towns_hangul_name_names_it_with_its_unit_only() -> None:
    """ "예산" is a budget as often as Yesan: GeoNames' bare Hangul names of towns are no aliases."""
    from pipeline.tagger.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    assert gazetteer.lookup("예산") is None and gazetteer.lookup("구성") is None
    assert gazetteer.lookup("예산군").id == "city:KR:yesan"


def test_a_body_in_capitals_is_read_by_its_head_in_title_case(nlp) -> None:
    """A fax's header names bodies in capitals; a heading in capitals alone on its line is no body."""
    from pipeline.tagger.mentions import _bodies_in_capitals

    gazetteer = load_gazetteer()

    def bodies(text: str) -> list[str]:
        return [mention.text for _, _, found in _bodies_in_capitals(nlp.make_doc(text), gazetteer) for mention in found]

    assert bodies("FROM     : HYOGO PREFECTURAL GOVERNMENT, KOBE, JAPAN") == ["HYOGO PREFECTURAL GOVERNMENT"]
    assert bodies("TO : ADMINISTRATION OF AMUR OBLAST, FOREIGN RELATIONS") == ["ADMINISTRATION OF AMUR OBLAST"]
    assert bodies("■ MEMBER NEWS") == [] and bodies("NIIGATA, TOYAMA AND HYOGO PREFECTURES") == []
    assert bodies("ADMINISTRATION OF PRIMORSKY KRAI\n") == ["ADMINISTRATION OF PRIMORSKY KRAI"]  # a letterhead
    # (a province's name joined by a hyphen to its unit, a stop word after it: "DO")
    assert bodies("    CHUNGCHEONGBUK-DO PROVINCIAL GOVERNMENT\n") == ["CHUNGCHEONGBUK-DO PROVINCIAL GOVERNMENT"]
    # (a committee's topic after its "ON"; no other head takes one: a report's title names nothing)
    assert bodies("NEAR SUBCOMMITTEE ON HEALTH AND WELFARE\n2017 Meeting") == [
        "NEAR SUBCOMMITTEE ON HEALTH AND WELFARE"
    ]
    assert bodies("KOBE ADMINISTRATION REPORT ON HEALTH AND WELFARE\n") == []


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (  # a unit's noun before a region's name, declined; a lake's before its
            "Протокол заседания\nРешили:\nДелегаты провинции Хэйлунцзян и префектура Тоттори посетили "
            "берег озера Байкал вместе с представителями аймак Дорнод.\n",
            {"провинции Хэйлунцзян", "префектура Тоттори", "озера Байкал", "аймак Дорнод"},
            {"Хэйлунцзян", "Тоттори", "Байкал"},
        ),
        (  # not a town's: "город" and "г." name the town alone
            "Протокол заседания\nРешили:\nЗаседание прошло в город Иркутск, а экскурсия в г. Хабаровск.\n",
            {"Иркутск", "Хабаровск"},
            {"город Иркутск"},
        ),
    ],
)
def test_a_russian_units_or_features_noun_before_a_known_name_is_a_word_of_it(nlp, text, expected, absent) -> None:
    spellings = _spellings_of(text, nlp)
    assert expected <= spellings
    assert not absent & spellings


def test_a_fax_cover_sheets_labels_page_marks_and_a_portals_language_bar_and_menu_name_nothing(nlp) -> None:
    text = (
        "KOR | ENG | JPN | CHN | RUS | MON\n"
        "Home\tAbout NEAR\tMembers\tSubcommittees\tProjects\tNews\tLibrary\tContact\n"
        "The 1st Working Committee Meeting of NEAR\n\n"
        "OCT-24-1997 15:05            FROM  +82 42 221 3154                              P.04\n"
        "  TO      : NEAR Secretariat, Pohang  (Attn. Mr. Lee Jae-won, Director)\n"
        "  PAGES   : 4 (incl. this page)\n\n"
        "Delegates of Heilongjiang Prov. and Toyama Pref. met in Daejeon.\n"
    )
    spellings = _spellings_of(text, nlp)
    assert {"Heilongjiang Prov.", "Toyama Pref.", "Daejeon"} <= spellings
    assert not {"KOR", "ENG", "JPN", "CHN", "RUS", "MON", "P.04", "PAGES", "Attn"} & spellings
    assert not any("Library" in spelling for spelling in spellings)
    # (a breadcrumb is no menu bar: its pages' names are read)
    breadcrumb = "ホーム ＞ 国際交流 ＞ 北東アジア地域自治体連合 ＞ 分科委員会 ＞ 防災\n" + text
    assert "北東アジア地域自治体連合" in _spellings_of(breadcrumb, nlp)


def test_korean_prose_names_cities_without_their_unit_and_bodies_before_their_particles(nlp) -> None:
    """ "포항" and "하얼빈" as Korean writes them, without "시"; a list's next city is no other
    form of the one before it; an institute before its particle ("강원발전연구원은")."""
    ids = _ids_of(
        SHELL.format(
            "강원발전연구원은 동해안 3개 시(동해시, 강릉시, 속초시)의 항만 자료를 입력하고 "
            "포항과 하얼빈의 사례를 보고하였다."
        ),
        nlp,
    )
    assert ids["속초시"] == "city:KR:sokcho-city" and ids["강릉시"] == "city:KR:gangneung-city"
    assert (ids["포항"], ids["하얼빈"]) == ("city:KR:pohang-city", "city:CN:harbin")
    assert "강원발전연구원" in ids and "강원발전연구원은" not in ids


def test_a_full_width_comma_parts_a_venue_and_an_observers_aside(nlp) -> None:
    venue = _spellings_of(VENUE_SHELL.format("湖南省长沙市岳麓区，湖南大学国际学术交流中心"), nlp)
    assert "湖南大学国际学术交流中心" in venue and not any("，" in spelling for spelling in venue)
    observer = _ids_of(
        FIELDS_SHELL.format(
            "Participants:\nJapan: Toyama Prefecture\nObservers: 咸镜北道（Hamgyongbuk-do，DPR Korea）"
        ),
        nlp,
    )
    assert (observer["Hamgyongbuk-do"], observer["DPR Korea"]) == ("KP-09", "KP")


def test_china_in_russian_by_its_genitive_and_its_abbreviation_is_one_thing(nlp) -> None:
    """ "Китая", the genitive the stemmer reads as an adjective's ending, and "КНР" are China."""
    ids = _ids_of("Протокол заседания\nРешили:\nДелегация КНР рассказала об опустынивании на севере Китая.\n", nlp)
    assert ids["КНР"] == ids["Китая"] == "CN"


def test_a_name_within_a_word_ends_where_its_last_character_starts_no_other_word() -> None:
    gazetteer = load_gazetteer()
    ids = lambda word: [entry.id for _, _, entry in gazetteer.names_within(word)]  # noqa: E731
    assert ids("各省交通运输部门") == []  # (部门: the provinces' transport departments, not the ministry)
    assert ids("交通运输部和各省") == ["org:mot-cn"]
    assert ids("厚生労働省の") == ["org:mhlw"]


def test_a_mark_the_model_takes_for_a_body_runs_on_to_no_name(nlp) -> None:
    text = SHELL.format(
        "※ Officials of the Ministry of Land, Transport and Maritime Affairs and of the Ministry of Environment "
        "of Korea attended as observers."
    )
    assert {"Ministry of Land, Transport and Maritime Affairs", "Ministry of Environment"} <= set(_ids_of(text, nlp))


def test_a_japanese_overview_after_bullets_gives_its_venues_each_with_its_english_name(nlp) -> None:
    """A Japanese page's overview in bullets ("・会場："), its venues parted by the enumeration
    comma, each in its own script and then in English in brackets: each venue one place; its
    participants' countries, in their own script and then in English, each name of the country."""
    text = (
        "【開催報告】ＮＥＡＲ防災分科委員会会議\n\n■ 概要\n"
        "・期間：２０１４年１０月２２日（水）～１０月２４日（金）\n"
        "・会場：やまこし復興交流館おらたる（Yamakoshi Revival Exchange Hall Oratar）、長岡市（Nagaoka City）\n"
        "・主催：新潟県（Niigata Prefecture）\n"
        "・参加：２か国２自治体\n　中国 (China)：吉林省\n　日本 (Japan)：兵庫県\n\n"
        "■ 主な内容\n・基調講演\n・「山古志宣言」の採択\n"
    )
    record = parse(read_bytes(text.encode(), "x.txt"))
    assert record.overview is not None and record.overview.venue is not None
    assert [item.text for item in record.contents] == ["基調講演", "「山古志宣言」の採択"]
    ids = _ids_of(text, nlp)
    assert ids["やまこし復興交流館おらたる"] == ids["Yamakoshi Revival Exchange Hall Oratar"]
    assert ids["Nagaoka City"] != ids["Yamakoshi Revival Exchange Hall Oratar"]
    assert ids["中国"] == ids["China"] == "CN" and ids["Japan"] == "JP"


def test_a_korean_place_with_its_hanja_after_it_is_one_place_of_two_names(nlp) -> None:
    """ "울진군(蔚珍郡)": a county in Hangul, its Hanja in brackets, the same unit ending each;
    a town the gazetteer knows by its name without the unit is that town ("삼척시", Samcheok);
    the middle dot a Korean list parts names with is no part of them."""
    text = SHELL.format("고성군(高城郡)·삼척시(三陟市)와 울진군(蔚珍郡) 일원, 오대산 월정사(月精寺) 전나무숲.")
    ids = _ids_of(text, nlp)
    assert ids["울진군"] == ids["蔚珍郡"] and ids["월정사"] == ids["月精寺"]
    assert ids["삼척시"] == ids["三陟市"] == "city:KR:samcheok"
    assert ids["고성군"] == ids["高城郡"]
    assert not any("·" in name for name in ids)


def test_a_name_in_its_own_script_before_its_english_name_in_brackets_is_that_name(nlp) -> None:
    """ "富山湾（Toyama Bay）": a Japanese, Chinese or Korean page writes a name in its own script,
    then in English in brackets: the same thing; the name is the word's end after its last
    hiragana, or after the Chinese words that lead it, and no word of one script names it."""
    text = SHELL.format(
        "富山県：富山湾（Toyama Bay）の津波想定。翌日は妙高山（Mount Myoko）へ。代表团并赴湘潭（Xiangtan）考察。"
        " 항공 산불진화 (러시아 항공산림보호청)."
    )
    ids = _ids_of(text, nlp)
    assert ids["富山湾"] == ids["Toyama Bay"]
    assert ids["妙高山"] == ids["Mount Myoko"] and "翌日は妙高山" not in ids
    assert ids["湘潭"] == ids["Xiangtan"] and "并赴湘潭" not in ids
    assert "산불진화" not in ids


def test_an_aside_parted_by_a_full_width_slash_and_full_width_acronyms(nlp) -> None:
    """ "（Asian Disaster Reduction Center／ADRC）": a full-width slash parts an aside's names; an
    authority's part in its own script after one names nothing ("／防災分科委員会コーディネート
    自治体"); an acronym in full-width letters, glued to the Japanese after it, is the acronym."""
    text = (
        "【開催報告】第７回ＮＥＡＲ防災分科委員会会議\n\n■ 概要\n・期間：２０１４年１０月２２日\n"
        "・共催：兵庫県（Hyogo Prefecture／防災分科委員会コーディネート自治体）\n"
        "・参加：１自治体\n　オブザーバー：アジア防災センター（Asian Disaster Reduction Center／ADRC）\n\n"
        "■ 主な内容\n・ＮＥＡＲ事務局を通じて共有する。\n"
    )
    ids = _ids_of(text, nlp)
    assert ids["Hyogo Prefecture"] == "JP-28"
    assert ids["Asian Disaster Reduction Center"] == ids["ADRC"]
    assert ids["ＮＥＡＲ"] == ids["NEAR"] if "NEAR" in ids else ids["ＮＥＡＲ"] == "org:near"
    assert not any("コーディネート" in name or "／" in name for name in ids)


def test_names_in_their_own_script_and_in_english_parted_by_a_slash(nlp) -> None:
    """ "富山县/Toyama Prefecture", "Tottori Prefecture / 鸟取县": one authority's two names,
    either first, one identity (not one name with a slash in it)."""
    text = (
        "2013 NEAR Expert Seminar on Heritage and Tourism\n\n一、会议概况\n（一）时间：2013年8月27日\n"
        "（二）参会人员：\n　　1. 日本（2）：富山县/Toyama Prefecture、Tottori Prefecture / 鸟取县\n"
        "二、会议主要内容\n（一）开幕式\n"
    )
    spellings = {name: set(aliases) for name, aliases in _entities_of(text, nlp).values()}
    assert {"富山县", "Toyama Prefecture"} <= spellings["Toyama Prefecture"]
    assert {"鸟取县", "Tottori Prefecture"} <= spellings["Tottori Prefecture"]
    assert not [alias for aliases in spellings.values() for alias in aliases if "/" in alias]


def test_a_venue_as_japanese_pages_write_it_is_its_place_address_and_building(nlp) -> None:
    """ "片山津温泉（石川県加賀市）「ホテル加賀の館」": the hot-spring town, the prefecture and the city
    of its address, and the hotel in corner brackets, each a name (not one name of all of it)."""
    spellings = _spellings_of(VENUE_SHELL.format("片山津温泉（石川県加賀市）「ホテル加賀の館」"), nlp)
    assert {"片山津温泉", "石川県", "加賀市", "ホテル加賀の館"} <= spellings
    assert not [spelling for spelling in spellings if "「" in spelling or "（" in spelling]


def test_a_fax_headers_page_mark_names_no_body() -> None:
    """ "FROM INTL DIV  P.01": the model's name of the header's end is no body."""
    from pipeline.tagger.mentions import PAGE_MARK

    assert PAGE_MARK.search("DIV P.01") and PAGE_MARK.search("P.04") and not PAGE_MARK.search("UNESCAP.01")


def test_a_name_followed_by_what_a_person_is_names_a_person(nlp) -> None:
    """ "Yuliya Nikolaeva, a student at ...", "Tsetsegmaa, 29, a herder from ...": people, as a
    news article introduces them, whatever the model guessed of their names."""
    spellings = _spellings_of(
        SHELL.format(
            "Yuliya Nikolaeva, a student at North-Eastern Federal University in Yakutsk, explained how ice jams "
            "on the Lena flood villages. From Mongolia, Tsetsegmaa, 29, a herder from Uvurkhangai Province, "
            "spoke of the dzud."
        ),
        nlp,
    )
    assert "Yakutsk" in spellings and "Uvurkhangai Province" in spellings
    assert not {"Yuliya Nikolaeva", "Tsetsegmaa"} & spellings


def test_an_address_in_its_own_script_after_a_venue_is_its_units_not_the_countrys_name(nlp) -> None:
    """ "..., Tottori Prefecture, Japan (鳥取県東伯郡東郷町)": the prefecture, its county and its town,
    none of them another name of Japan."""
    ids = _ids_of(VENUE_SHELL.format("Hotel Suimeiso, Togo Town, Tottori Prefecture, Japan (鳥取県東伯郡東郷町)"), nlp)
    assert ids["鳥取県"] == ids["Tottori Prefecture"]
    assert {"東伯郡", "東郷町"} <= set(ids)
    assert ids["Japan"] not in {ids["鳥取県"], ids["東伯郡"], ids["東郷町"]}


def test_an_occasion_an_items_roman_numeral_and_a_hosts_heading_name_nothing(nlp) -> None:
    text = (
        "The Joint Declaration on the Thirtieth Anniversary of the Association was adopted in Andong.\n\n"
        "I. On peace and trust. We invite the regional governments of Gangwon-do to take part.\n\n"
        "HOST CITY\n\nRizhao hosted the forum."
    )
    spellings = _spellings_of(SHELL.format(text), nlp)
    assert {"Andong", "Gangwon-do", "Rizhao"} <= spellings
    assert not {"Thirtieth Anniversary", "I", "HOST CITY"} & spellings


def test_an_organizers_remark_in_brackets_is_read_whole_and_a_captions_label_is_no_name(nlp) -> None:
    """ "Jeollanam-do (coordinator of the Subcommittee on Education and Cultural Exchange), Boseong
    County": the remark is not parted at its "and"; "Photo: Press service of ..." names no "Photo Press"."""
    text = FIELDS_SHELL.format(
        "Organizer: Jeollanam-do (coordinator of the Subcommittee on Education and Cultural Exchange), "
        "Boseong County, NEAR Secretariat\nPhoto: Press service of the Government of Kuzbass"
    )
    spellings = _spellings_of(text, nlp)
    assert "Subcommittee on Education and Cultural Exchange" in spellings
    assert "Photo Press" not in spellings


@pytest.mark.parametrize(
    ("rest", "units"),
    [
        ("東伯郡東郷町において", ["東伯郡", "東郷町"]),
        ("南关区举行", ["南关区"]),
        ("区域合作", []),  # (a region, no district)
        ("各地区", []),  # (each area)
        ("岛新校区", []),  # (a new campus)
        ("において", []),
    ],
)
def test_the_units_of_an_address_run_on_after_a_place_in_cjk_prose(rest: str, units: list[str]) -> None:
    assert units_after_place(rest) == units


def test_a_korean_address_after_its_province_names_its_county_town_and_building(nlp) -> None:
    text = (
        "회의가 전라남도 보성군 벌교읍 문학관에서 열렸다. 총회는 경상북도 안동시 도담동 동락관에서 열렸다. "
        "경상북도 지역협력기구가 참석했다."
    )
    kinds = dict(_kinds_of(SHELL.format(text), nlp))
    assert {kinds.get(name) for name in ("보성군", "벌교읍", "도담동", "동락관")} == {"place"}
    assert kinds.get("지역협력기구") != "place"  # (a regional body, no district)


def test_a_places_for_tail_is_no_part_of_it_after_a_bodys_words_earlier_in_the_sentence(nlp) -> None:
    """ "A network of ... regions. Its first members are ... Niigata Prefecture for Sado Island": the
    prefecture and the island (the body's head looked for was the sentence's, "network")."""
    text = (
        "A network of the island regions of NEAR is established. Its first members are Jeju-do, "
        "Niigata Prefecture for Sado Island and Shandong Province for the Miaodao Archipelago."
    )
    spellings = _spellings_of(SHELL.format(text), nlp)
    assert {"Niigata Prefecture", "Shandong Province"} <= spellings
    assert not any(" for " in spelling for spelling in spellings)


def test_a_body_in_capitals_with_a_possessive(nlp) -> None:
    text = FIELDS_SHELL.format("FOREIGN AFFAIRS OFFICE OF JILIN PROVINCIAL PEOPLE'S GOVERNMENT\nVenue: Changchun")
    assert "FOREIGN AFFAIRS OFFICE OF JILIN PROVINCIAL PEOPLE'S GOVERNMENT" in _spellings_of(text, nlp)


def test_a_portals_language_bar_does_not_run_on_from_its_title(nlp) -> None:
    text = (
        "Официальный сайт Правительства Кузбасса | Official website of the Government of Kuzbass\nRU | EN | 中文\n"
        "Home | Governor | Government | News | Tourism\n\n" + SHELL.format("Kuzbass hosted it.")
    )
    spellings = _spellings_of(text, nlp)
    assert "Government of Kuzbass" in spellings
    assert not any(spelling.endswith(" RU") for spelling in spellings)


def test_a_declined_name_in_cyrillic_of_hyphened_words_or_with_its_part_in_brackets(nlp) -> None:
    """ "в Северо-Восточной Азии" (a word's parts glued by a hyphen), "Республики Саха (Якутия)"
    (the name's part in brackets): each the place, whole; "Кореи", "в Пхохане": Korea, Pohang."""
    text = (
        "Делегации Кореи обсудили туризм в Северо-Восточной Азии. "
        "Министр туризма Республики Саха (Якутия) выступил в Пхохане."
    )
    ids = _ids_of(SHELL.format(text), nlp)
    assert ids["Северо-Восточной Азии"] == "geo:north-east-asia"
    assert ids["Республики Саха (Якутия)"] == "RU-SA"
    assert ids["Кореи"] == "KR"
    assert ids["Пхохане"] == "city:KR:pohang-city"


def test_a_town_planned_round_a_park_named_as_a_city(nlp) -> None:
    spellings = _spellings_of(
        SHELL.format("The delegates visited Harima Science Garden City in Hyogo Prefecture."), nlp
    )
    assert "Harima Science Garden City" in spellings
    assert "Harima Science Garden" not in spellings


def test_a_research_facility_and_a_heritage_site_the_meetings_visit_are_places(nlp) -> None:
    """ "SPring-8", "Yuelu Academy" (岳麓书院): the gazetteer's facilities, places (an academy's
    head made the last a body)."""
    text = "They visited SPring-8 and the Yuelu Academy (岳麓书院) in Changsha."
    kinds = dict(_kinds_of(SHELL.format(text), nlp))
    assert {kinds.get(name) for name in ("SPring-8", "Yuelu Academy", "岳麓书院")} == {"place"}


def test_places_of_the_member_regions_from_the_gazetteers_source_rows(nlp) -> None:
    """Rows with their sources: a river by its bare name after "the", a protected area, a national
    park's valley, border stations and the village of the cold pole."""
    text = (
        "Merchants went east to the Lena. Delegates visited Mongol Daguur and Terelj, crossed at "
        "Grodekovo and Khandagaity, and flew to Oymyakon."
    )
    kinds = dict(_kinds_of(SHELL.format(text), nlp))
    names = ("Lena", "Mongol Daguur", "Terelj", "Grodekovo", "Khandagaity", "Oymyakon")
    assert {kinds.get(name) for name in names} == {"place"}


def test_a_body_the_record_defines_by_an_acronym_the_gazetteer_knows_for_another_keeps_its_own_name(nlp) -> None:
    """The gazetteer's NEFU is the North-Eastern Federal University; the record's is the
    Northeast Forestry University it names in full: one identity of its own, not the other's name."""
    entities = _entities_of(
        SHELL.format("The meeting was held at Northeast Forestry University (NEFU) in Harbin. NEFU manages a forest."),
        nlp,
    )
    (forestry,) = [(name, set(aliases)) for name, aliases in entities.values() if "NEFU" in aliases]
    assert forestry == ("Northeast Forestry University", {"NEFU", "Northeast Forestry University"})


def test_a_possessive_inside_a_name_its_acronym_spells_and_a_river_before_gorge(nlp) -> None:
    text = SHELL.format(
        "A researcher of the Korean Women's Development Institute (KWDI) spoke. They walked along the "
        "Arakawa River and then the Arakawa gorge. The university manages the Maoershan Experimental Forest."
    )
    ids, kinds = _ids_of(text, nlp), dict(_kinds_of(text, nlp))
    assert kinds["Korean Women's Development Institute"] == "organization"
    assert "Development Institute" not in kinds
    assert ids["Arakawa"] == ids["Arakawa River"]
    assert kinds["Maoershan Experimental Forest"] == "place"


def test_a_portals_menu_bar_and_its_counters_name_nothing(nlp) -> None:
    text = (
        "Home | About Us | Consular Service | Sister Provinces | Invest in Shandong | 中文版\n"
        "The 7th NEAR General Assembly\n"
        "Release time: 2008-09-05 16:42   Source: Division of Asian Affairs   Clicks: 1287\n"
        "· Overview\nPeriod: 2008\n· Contents\n▷ Talks in Jinan.\n"
        "Copyright © 2008 Foreign Affairs Office All rights reserved Address: No. 1 Shengfu Road, Jinan\n"
    )
    spellings = _spellings_of(text, nlp)
    assert "Division of Asian Affairs" in spellings
    assert not {"Us", "Consular Service", "Sister Provinces", "Address", "Division of Asian Affairs Clicks"} & spellings


def test_a_country_heading_the_parser_knows_is_that_country_and_mongolian_names_in_their_cases(nlp) -> None:
    text = (
        "The 1st NEAR Education Subcommittee\n· Overview\nPeriod: 2009\n"
        "Participants:\n  R. Korea  Gangwon-do, Jeollanam-do\n  Japan  Toyama Prefecture\n"
        "· Contents\n▷ Хуралдаанд Монгол Улсын төлөөлөгчид Улаанбаатараас ирж, Төв аймгийн Жаргалант суманд "
        "болон Зуунмодод аялав.\n"
    )
    ids = _ids_of(text, nlp)
    assert ids["R. Korea"] == "KR"
    assert ids["Монгол Улсын"] == "MN"
    assert {"Улаанбаатараас", "Жаргалант суманд", "Зуунмодод"} <= set(ids)


def test_bodies_named_in_mongolian_up_to_their_head_word_in_its_case(nlp) -> None:
    """From the first capitalised word over lower-case words and commas to a body's head word
    (a ministry, an office after a genitive, a subcommittee in the genitive); a ministry's country
    before it a place of its own; "газар" after no genitive an area, and a bare "Дэд хороо" no name."""
    kinds = dict(
        _kinds_of(
            SHELL.format(
                "Хуралдаан боллоо. Төв аймгийн Засаг даргын Тамгын газар, Монгол Улсын Боловсрол, соёл, шинжлэх "
                "ухааны яам хамтран зохион байгуулсан NEAR-ын Боловсролын солилцооны дэд хорооны анхдугаар "
                "хуралдаанаар Хустайн байгалийн цогцолборт газарт аялав. Дэд хорооны ажлын төлөвлөгөө."
            ),
            nlp,
        )
    )
    bodies = (
        "Төв аймгийн Засаг даргын Тамгын газар",
        "Боловсрол, соёл, шинжлэх ухааны яам",
        "Боловсролын солилцооны дэд хорооны",
    )
    assert [kinds.get(body) for body in bodies] == ["organization"] * 3
    assert kinds.get("Монгол Улсын") == "place"
    assert not {"Дэд хорооны", "Хустайн байгалийн цогцолборт газарт"} & {
        name for name, kind in kinds.items() if kind == "organization"
    }


def test_a_mongolian_body_starts_after_a_conjunction_or_a_word_in_the_accusative(nlp) -> None:
    """ "болон" (and) joins two bodies; the forum in the accusative is what the office organised."""
    kinds = dict(
        _kinds_of(
            SHELL.format(
                "Форум боллоо. Форумыг Хэнтий аймгийн Засаг даргын Тамгын газар зохион байгуулав. Яам болон "
                "Мал эмнэлгийн хүрээлэнгийн эрдэмтэд оролцов."
            ),
            nlp,
        )
    )
    assert kinds.get("Хэнтий аймгийн Засаг даргын Тамгын газар") == "organization"
    assert kinds.get("Мал эмнэлгийн хүрээлэнгийн") == "organization"
    assert not [name for name in kinds if name.startswith(("Форумыг", "Яам болон"))]


def test_a_korean_address_written_apart_is_its_units_and_a_colon_ends_a_name(nlp) -> None:
    ids = _ids_of(
        SHELL.format(
            "The meeting was held in Danwon-gu, Ansan (경기도 안산시 단원구). "
            "Delegates at the tidal power station. (Photo: Gyeonggi Provincial Government)"
        ),
        nlp,
    )
    assert {"경기도", "안산시", "단원구"} <= set(ids) and "경기도 안산시 단원구" not in ids
    assert "Gyeonggi Provincial Government" in ids and not [name for name in ids if name.startswith("Photo")]


def test_an_address_glued_in_cjk_characters_is_its_units_and_signatories_name_their_country(nlp) -> None:
    text = (
        "The Japan Sea Rim Forum\n· Overview\nPeriod: 1994\n"
        "Venue: Inami Town, Higashitonami County, Toyama Prefecture, Japan (富山県東礪波郡井波町)\n"
        "· Contents\n▷ Talks.\n"
        "FOR THE REPUBLIC OF KOREA\n   Gyeonggi-do                        Vice-Governor\n"
        "FOR THE RUSSIAN FEDERATION\n   Republic of Buryatia               Deputy Chairman of the Government\n"
    )
    ids = _ids_of(text, nlp)
    assert {"富山県", "東礪波郡", "井波町"} <= set(ids)
    assert "富山県東礪波郡井波町" not in ids
    assert ids["REPUBLIC OF KOREA"] == "KR" and ids["RUSSIAN FEDERATION"] == "RU"
    assert "Republic of Buryatia" in ids and "Republic of Buryatia Deputy Chairman" not in ids


def test_a_chinese_paragraphs_bodies_and_places_around_its_clauses_verbs(nlp) -> None:
    """A body before the preposition of its clause, the units of an address after its province
    (a city the gazetteer does not know by its 市), a body after "以及", Russian cities by their
    Chinese names."""
    ids = _ids_of(
        SHELL.format(
            "东北亚地区地方政府联合会边境合作分科委员会在黑龙江省伊春市嘉荫县召开年度会议。"
            "来自中国和日本的十四个地方政府以及大图们倡议秘书处的代表出席会议。"
            "重点讨论了黑河至布拉戈维申斯克公路大桥的建设进展，以及黑瞎子岛的共同开发。"
        ),
        nlp,
    )
    bodies_and_places = {
        "东北亚地区地方政府联合会边境合作分科委员会",
        "大图们倡议秘书处",
        "黑龙江省",
        "伊春市",
        "嘉荫县",
    }
    assert bodies_and_places <= set(ids)
    assert ids["布拉戈维申斯克"] == "city:RU:blagoveshchensk"
    assert ids["黑瞎子岛"] == "geo:bolshoy-ussuriysky-island"


def test_a_house_number_front_matter_and_an_agenda_items_words_are_no_names(nlp) -> None:
    text = (
        "The 2012 NEAR Subcommittee on Border Area Cooperation\n· Overview\nPeriod: 2012\n"
        "Venue: Jiayin County Conference Centre, 16 Binjiang Road, Chaoyang Town\n· Contents\n"
        "▷ Foreword ........ 1\n▷ Keynote Address ........ 3\n▷ 5. Permanent Secretariat\n"
        "▷ Check the spelling in the 2021 GA list.\n▷ A walk in the Maolangou forest valley.\n"
        "NEAR Subcommittee on Environment   Minutes 2017   page 1 of 4\n"
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Binjiang Road"] == kinds["Maolangou"] == "place"
    assert kinds["NEAR Subcommittee on Environment"] == "organization"
    assert not {
        "16 Binjiang Road",
        "Foreword",
        "Keynote Address",
        "Permanent Secretariat",
        "GA",
        "NEAR Subcommittee on Environment Minutes",
    } & set(kinds)


def test_a_portals_menu_of_short_items_a_long_russian_name_in_its_case_and_a_street_by_its_ending(nlp) -> None:
    text = (
        "About Gyeongbuk | Governor | Invest | Tourism | News | Global Network\n"
        "The 2019 NEAR Economy and Trade Subcommittee\n· Overview\nPeriod: 2019\n· Contents\n"
        "▷ The office at 455 Docheong-daero hosted delegates of the Ассоциации региональных администраций стран "
        "Северо-Восточной Азии.\n"
        "Copyright © Republic of Korea Copyright 2019\n"
    )
    ids = _ids_of(text, nlp)
    assert ids["Ассоциации региональных администраций стран Северо-Восточной Азии"] == "org:near"
    assert "Docheong-daero" in ids and "Republic of Korea" in ids
    assert not {"Invest", "Global Network", "Северо-Восточной Азии", "Republic of Korea Copyright"} & set(ids)


def test_mongolian_names_of_foreign_states_and_regions_and_a_list_before_a_federation(nlp) -> None:
    """A foreign region by its Mongolian unit ("Амар муж"), the states' full Mongolian names,
    and no body of "Холбооны" in "Оросын Холбооны Улсын" (the Russian Federation's), nor over
    a list of names before it."""
    ids = _ids_of(
        SHELL.format(
            "Хуралд Монгол Улсын Дорнод, Хэнтий, Сүхбаатар аймаг, Оросын Холбооны Улсын Амар муж, "
            "Бүгд Найрамдах Хятад Ард Улсын Жилинь муж болон Бүгд Найрамдах Солонгос Улс оролцов."
        ),
        nlp,
    )
    assert ids["Оросын Холбооны Улсын"] == "RU" and ids["Бүгд Найрамдах Хятад Ард Улсын"] == "CN"
    assert ids["Бүгд Найрамдах Солонгос Улс"] == "KR"
    assert {"Амар муж", "Жилинь муж", "Сүхбаатар аймаг"} <= set(ids)
    assert not [name for name in ids if "Холбооны" in name and name != "Оросын Холбооны Улсын"]


def test_a_venues_room_written_in_lower_case_after_its_capitalised_word_names_its_owner(nlp) -> None:
    text = (
        "The 6th General Assembly\n· Overview\nPeriod: 2006\n"
        "Venue: Conference hall of the Far Eastern State Technical Fisheries University (Dalrybvtuz), "
        "Lugovaya Street, Vladivostok\n· Contents\n▷ Reports\n"
    )
    kinds = dict(_kinds_of(text, nlp))
    assert kinds["Far Eastern State Technical Fisheries University"] == "organization"
    assert not [name for name in kinds if name.startswith("Conference hall")]


def test_a_resolutions_verb_and_a_faiths_order_are_no_words_of_the_names_after_them(nlp) -> None:
    found = _kinds_of(
        "The 16th NEAR General Assembly\n\nRESOLUTIONS\n\n"
        "1. Merges the Subcommittee on Mining into the Subcommittee on Energy and Climate Change.\n\n"
        "Asks Hunan University to host the camp in July 2027.\n\n"
        "The delegates visited the guest house of the Benedictine Waegwan Abbey.\n",
        nlp,
    )
    assert ("Hunan University", "organization") in found and ("Subcommittee on Mining", "organization") in found
    assert ("Waegwan Abbey", "place") in found
    assert not any(name.startswith(("Asks", "Merges", "Benedictine")) for name, _ in found)


def test_an_organizers_cells_below_its_label_are_bodies_apart_and_an_office_by_its_town(nlp) -> None:
    from pipeline.tagger.mentions import organizer_bodies

    assert organizer_bodies(
        "Government of Zabaykalsky Krai | Administration of Shilkinsky District | NEAR Secretariat (Pohang)"
    ) == ["Government of Zabaykalsky Krai", "Administration of Shilkinsky District", "NEAR Secretariat (Pohang)"]
    found = _kinds_of(
        "NEAR Subcommittee on Economy and Trade\n\nPARTICIPANTS\nChina: Shandong Province\n"
        "Guests: KOTRA Qingdao, JETRO Dalian\n\nCONTENTS\n1. Opening at 14:00 (Korea Standard Time)\n",
        nlp,
    )
    assert {("KOTRA", "organization"), ("Qingdao", "place"), ("JETRO", "organization"), ("Dalian", "place")} <= set(
        found
    )
    assert "Korea" not in {name for name, _ in found}  # (a time zone names no place)


def test_bodies_in_cjk_and_cyrillic_after_a_particle_before_a_meeting_and_as_a_regions_government(nlp) -> None:
    found = _kinds_of(
        "NEAR Working Committee\n\n"
        "2021年11月17日、韓国慶尚北道漆谷郡倭館邑で北東アジア地域自治体連合（NEAR）の実務委員会が開催された。\n\n"
        "2021年11月17日，东北亚地区地方政府联合会工作委员会会议在韩国庆尚北道漆谷郡倭馆邑举行。\n\n"
        "Организаторы: Правительство Забайкальского края и Секретариат АРАССВА.\n",
        nlp,
    )
    assert {
        ("北東アジア地域自治体連合", "organization"),
        ("倭館邑", "place"),
        ("倭馆邑", "place"),
        ("慶尚北道", "place"),
        ("东北亚地区地方政府联合会工作委员会", "organization"),
        ("Правительство Забайкальского края", "organization"),
    } <= set(found)
    assert not any(name.startswith("韓国慶尚北道") for name, _ in found)


def test_a_pages_bar_of_its_languages_is_its_menu_and_names_no_place() -> None:
    from pipeline.parser.sections import menu_bar

    assert menu_bar("Монгол | English | Русский | 中文 | 日本語 | 한국어")
    assert not menu_bar("Japan | China | Republic of Korea | Mongolia | Russia")  # (a list of countries)
    assert menu_bar("[IMG] logo_kb.gif   HOME | SITEMAP | KOREAN | CONTACT US")  # (after the logo's image)


def test_a_subcommittee_by_its_generic_word_alone_in_korean_or_japanese_is_no_body(nlp) -> None:
    found = _kinds_of(
        "NEAR Working Committee\n\n경상북도는 보건 분과위원회 설치를 제안하였다.\n\n"
        "経済通商分科委員会と分科委員会が開かれた。\n",
        nlp,
    )
    names = {name for name, _ in found}
    assert "経済通商分科委員会" in names
    assert not {"분과위원회", "分科委員会"} & names


def test_a_lists_letter_before_an_article_names_no_body_after_a_person(nlp) -> None:
    """The model reads "C. The Secretariat" as a person: no body is named after it."""
    found = _kinds_of(
        "The 9th NEAR Working Committee\n\nNotes\n"
        "C. The Secretariat reported on its memoranda with the Greater Tumen Initiative in Beijing.\n\n"
        "The delegates crossed the Yi Sun-sin Bridge and visited Kim Il Sung University.\n",
        nlp,
    )
    names = {name for name, _ in found}
    assert {"Yi Sun-sin Bridge", "Kim Il Sung University", "Greater Tumen Initiative"} <= names
    assert not any(name.startswith("C.") for name in names)


def test_organs_of_near_named_in_russian_korean_and_mongolian_are_one_body_each(nlp) -> None:
    """An organ's noun and the body's acronym after it in Russian, the body's name or a field's
    noun before it in Korean, and a Mongolian body's head in the genitive before its organ's common
    nouns: one body each, not the association and a generic word apart."""
    spellings = _spellings_of(
        SHELL.format(
            "Прошло заседание Рабочего комитета АРАССВА; Секретариат АРАССВА (г. Пхохан). "
            "동북아시아지역자치단체연합 실무위원회 회의가 열렸다. 보건 분과위원회 신설을 논의하였다. "
            "Зүүн Хойд Азийн Бүс Нутгийн Засаг Захиргааны Холбооны аялал жуулчлалын дэд хороо хуралдлаа. "
            "Засгийн газар дэд хорооны подкомиссии АРАССВА. 다음 분과위원회에서."
        ),
        nlp,
    )
    assert {
        "Рабочего комитета АРАССВА",
        "Секретариат АРАССВА",
        "동북아시아지역자치단체연합 실무위원회",
        "보건 분과위원회",
        "Зүүн Хойд Азийн Бүс Нутгийн Засаг Захиргааны Холбооны аялал жуулчлалын дэд хороо",
    } <= spellings
    # (nor any of the association's subcommissions, nor the next subcommittee)
    assert not {"실무위원회", "подкомиссии АРАССВА", "다음 분과위원회"} & spellings


def test_a_names_kind_is_the_one_most_of_its_mentions_give(nlp) -> None:
    """The model's guess on a dateline is outvoted by what the name's other mentions say; a form
    in brackets said to be the name has no vote of its own."""
    kinds = dict(
        _kinds_of(
            SHELL.format(
                "Maksimikha (Максимиха), Barguzinsky District, hosted the meeting. The delegates met in the "
                "village of Maksimikha. The resolutions adopted in Maksimikha were sent to the members."
            ),
            nlp,
        )
    )
    assert kinds.get("Maksimikha") == "place"


def test_a_notes_reference_glued_to_a_name_is_no_part_of_it(nlp) -> None:
    """ "Ch'ungch'ongnam-do[3]", "NEAR.[5]": a paper's reference to its note, a token of its own."""
    spellings = _spellings_of(SHELL.format("Kangwon-do and Ch'ungch'ongnam-do[3] joined NEAR.[5] Then Jilin.[6]"), nlp)
    assert {"Ch'ungch'ongnam-do", "NEAR", "Jilin"} <= spellings
    assert not [spelling for spelling in spellings if "[" in spelling]


def test_a_newspapers_date_line_and_section_label_are_no_names(nlp) -> None:
    spellings = _spellings_of(
        "THE UB POST | Monday, June 10, 2024 | 7\nENVIRONMENT · INTERVIEW\n" + SHELL.format("Talks in Ulaanbaatar."),
        nlp,
    )
    assert not {"Monday", "INTERVIEW"} & spellings


def test_units_listed_after_their_kind_are_places_with_their_forms_in_brackets(nlp) -> None:
    """ "Soums (14): Airag (Айраг), ...": each name a place, its form in brackets its other name,
    over the model's guess of a body or a person; the list ends at its first item that is no name."""
    kinds = dict(
        _kinds_of(
            SHELL.format(
                "Soums (14): Airag (Айраг), Altanshiree (Алтанширээ), Mandakh (Мандах), Saikhandulaan "
                "(Сайхандулаан), Sainshand (Сайншанд) and more. Resources: copper"
            ),
            nlp,
        )
    )
    assert {kinds.get(name) for name in ("Airag", "Altanshiree", "Mandakh", "Saikhandulaan", "Sainshand")} == {"place"}
    assert _ids_of(SHELL.format("Soums (2): Airag (Айраг), Mandakh (Мандах)"), nlp)["Айраг"] == "name:airag"


def test_a_town_among_the_organizers_is_a_place_and_a_programme_of_a_parent_two_bodies(nlp) -> None:
    """ "Osawano Town" among the organizers is the town, as a region is; a programme of the UNDP
    listed among the bodies is the programme and the UNDP, as in prose; a region's administration
    keeps its department ("Department of Foreign Economic Relations of the Sakhalin Oblast
    Administration")."""
    kinds = dict(
        _kinds_of(
            "The 2004 NEAR Youth Study Tour\n· Overview\nPeriod: 2004\n"
            "Organizers: Toyama Prefecture; Osawano Town; Toyama International Center\n"
            "Participants: Japan: Toyama Prefecture\n"
            "International organizations: Tumen River Area Development Programme of the United Nations "
            "Development Programme; Department of Foreign Economic Relations of the Sakhalin Oblast Administration\n"
            "· Contents\n▷ Talks.\n",
            nlp,
        )
    )
    assert kinds.get("Osawano Town") == "place"
    assert kinds.get("Tumen River Area Development Programme") == "organization"
    assert kinds.get("United Nations Development Programme") == "organization"
    assert kinds.get("Department of Foreign Economic Relations of the Sakhalin Oblast Administration") == "organization"


def test_a_paragraphs_language_in_square_brackets_is_no_place(nlp) -> None:
    """ "[Монгол] 2021 оны ...": a page in several languages marks each part with its language."""
    spellings = _spellings_of(
        SHELL.format("Talks.") + "\n[Монгол] Монгол Улсаас Төв аймгийн төлөөлөгчид оролцов.\n", nlp
    )
    assert "Монгол" not in spellings
    assert {"Монгол Улсаас"} & spellings or {"Төв аймгийн"} & spellings


def test_loading_the_model_leaves_spacys_command_line_unimported() -> None:
    """spaCy's package imports its command line only to re-export ``spacy.info``: the model
    loads without it (a third of importing spaCy), and ``spacy.info`` still answers."""
    probe = (
        "import sys; from pipeline.tagger.model import load_model; load_model(None); import spacy; "
        "print(sorted({'typer', 'weasel', 'spacy.cli'} & sys.modules.keys())); "
        "print(spacy.info()['spacy_version'] == spacy.__version__, 'typer' in sys.modules)"
    )
    lines = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split("\n")
    assert lines[:2] == ["[]", "True True"]


def test_the_title_of_a_cited_work_names_nothing_of_the_record(nlp) -> None:
    """An encyclopedia's reference, its title in quotation marks after the backlink mark: the
    places in a headline are the headline's, not the record's, even those the gazetteer knows."""
    text = (
        "Report of the NEAR Forum 2008\n\nReferences\n"
        "6. ^ «Приморье приняло участие в заседании подкомитета в Мулине» (in Russian). PrimaMedia. 19 June 2008.\n"
        '7. ^ "Gangwon pushes sea-land route to China". The Korea Herald. 23 June 2008.\n\n'
        "Primorye took part.\n"
    )
    aliases = _spellings_of(text, nlp)
    assert "Primorye" in aliases
    assert not aliases & {"Приморье", "Gangwon", "China"}


def test_words_of_a_title_in_capitals_and_a_party_to_a_memorandum_name_nothing(nlp) -> None:
    """A title all in capitals names nothing the gazetteer does not know ("SMART FARMS" of "HANU,
    SMART FARMS AND RURAL TOURISM"); a body it knows in capitals is still found, and "Party" is
    a signatory's role."""
    text = (
        "Report of the NEAR Forum 2017\n\nHANU, SMART FARMS AND RURAL TOURISM\nLivestock Policy of Gangwon-do\n\n"
        # (a title's line in another script after it: no capitals there, none to tell)
        "MEMORANDUM OF UNDERSTANDING ON COOPERATION IN RURAL REVITALIZATION AND AGRICULTURAL TRADE "
        "东北亚地区地方政府联合会成员地方政府乡村振兴与农业贸易合作谅解备忘录\n\n"
        "The KOREA ENVIRONMENT INSTITUTE and each Party met.\n"
    )
    aliases = _spellings_of(text, nlp)
    assert "KOREA ENVIRONMENT INSTITUTE" in aliases
    assert not aliases & {"HANU", "SMART FARMS", "AGRICULTURAL TRADE", "Party"}
