"""Briefings in the delegations' languages: the catalogs are complete, and a build of the
seed in every language writes briefings whose headings, labels and period are in it."""

from __future__ import annotations

import datetime
import gettext
import io
import re
import shutil
import unicodedata
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest
from babel.dates import format_interval
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from conftest import SAMPLES, run, summary_counts

from pipeline.render.i18n import DOMAIN, LANGUAGE_TAGS, LOCALE_DIR, MEMBER_COUNTRIES, REGIONS_DOMAIN, Translator
from pipeline.settings import DEFAULTS, LANGUAGES

OTHERS = [language for language in LANGUAGES if language != "en"]
SEED = next(sample for sample in SAMPLES if "1995" in sample.name)
START, END = datetime.date(1995, 9, 6), datetime.date(1995, 9, 7)  # the seed's meeting
POT = LOCALE_DIR / f"{DOMAIN}.pot"


def _catalog(language: str):
    with (LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as stream:
        return read_po(stream, locale=language)


def test_the_template_holds_every_string_the_code_marks():
    with POT.open("rb") as stream:
        template = {message.id for message in read_po(stream) if message.id}
    root = LOCALE_DIR.parent
    marked = {
        message if isinstance(message, str) else message[0]
        for folder in ("render", "builder")  # (as `make translations` extracts them)
        for _, _, message, *_ in extract_from_dir(root / folder)
    }
    assert {message if isinstance(message, str) else message[0] for message in template} == marked, (
        "run `make translations`"
    )


@pytest.mark.parametrize("language", OTHERS)
def test_every_catalog_is_complete_and_compiled(language):
    with POT.open("rb") as stream:
        wanted = {message.id for message in read_po(stream) if message.id}
    catalog = _catalog(language)
    messages = {message.id: message for message in catalog if message.id}
    assert set(messages) == wanted, "run `make translations`"
    for message in messages.values():
        assert not message.fuzzy, message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), message.id
        assert len(strings) == (catalog.num_plurals if message.pluralizable else 1), message.id
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    with (LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as committed:
        # the messages, not the bytes: the header names the Babel version that compiled them
        assert _messages(committed) == _messages(compiled), "run `make translations`"


# The script of a language's region names: each letter's Unicode name says it
REGION_NAME_SCRIPTS = {
    "ja": "CJK UNIFIED IDEOGRAPH",
    "ru": "CYRILLIC",
    "mn": "CYRILLIC",
    "ko": "HANGUL",
    "zh": "CJK UNIFIED IDEOGRAPH",
}


@pytest.mark.parametrize(
    "po", sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{REGIONS_DOMAIN}.po")), ids=lambda po: po.parts[-3]
)
def test_the_projects_region_names_are_members_regions_in_the_languages_script_and_compiled(po):
    import pycountry

    language = po.parts[-3]
    with po.open("rb") as stream:
        catalog = read_po(stream, locale=language)
    messages = [message for message in catalog if message.id]
    assert messages
    for message in messages:
        subdivision = pycountry.subdivisions.get(code=message.id)
        assert subdivision is not None and subdivision.parent_code is None, message.id
        assert subdivision.country_code in MEMBER_COUNTRIES, message.id
        assert not message.fuzzy and message.string.strip() == message.string, message.id
        script = REGION_NAME_SCRIPTS[language]
        assert all(script in unicodedata.name(char) for char in message.string if char.isalpha()), message.id
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    with po.with_suffix(".mo").open("rb") as committed:
        assert _messages(committed) == _messages(compiled), "run `make translations`"


def _messages(mo) -> dict:
    return {key: text for key, text in gettext.GNUTranslations(mo)._catalog.items() if key != ""}


def test_russian_has_three_plural_forms():
    assert _catalog("ru").num_plurals == 3
    russian = Translator("ru")
    assert [russian.ngettext("%(count)s observer", "%(count)s observers", n) for n in (1, 3, 5, 21)] == [
        "1 наблюдатель",
        "3 наблюдателя",
        "5 наблюдателей",
        "21 наблюдатель",
    ]


@pytest.mark.parametrize("language", ["ko", "ja", "zh"])
def test_a_period_is_cldrs_date_interval(language):
    assert Translator(language).period(START, END) == format_interval(START, END, "yMMMd", locale=language)


def test_a_russian_period_writes_its_month_in_full():
    abbreviated = format_interval(START, END, "yMMMd", locale="ru")
    assert Translator("ru").period(START, END) == abbreviated.replace("сент.", "сентября")


@pytest.mark.parametrize(
    ("language", "code", "english", "name"),
    [
        ("ja", "JP-16", "Toyama Prefecture", "富山県"),  # (pycountry's Japanese: 富山, also the city)
        ("ja", "JP-13", "Tokyo Prefecture", "東京都"),
        ("ja", "JP-27", "Osaka Prefecture", "大阪府"),
        ("ja", "JP-01", "Hokkaido Prefecture", "北海道"),
        ("ja", "KR-47", "Gyeongsangbuk-do", "Gyeongsangbuk-do"),  # (none in pycountry's Japanese)
        ("zh", "JP-16", "Toyama Prefecture", "富山县"),
        ("ko", "KR-47", "Gyeongsangbuk-do", "경상북도"),
        ("ko", "JP-16", "Toyama Prefecture", "도야마현"),  # (none but the Republic of Korea's in pycountry's Korean)
        ("ko", "CN-HL", "Heilongjiang Province", "헤이룽장성"),
        ("ko", "MN-049", "Selenge Province", "셀렝게 아이막"),
        ("zh", "RU-PRI", "Primorsky Territory", "滨海边疆区"),  # (none in pycountry's Chinese)
        ("zh", "KP-09", "North Hamgyong", "咸镜北道"),
        ("ru", "JP-16", "Toyama Prefecture", "Тояма"),
        ("ru", "JP-28", "Hyogo Prefecture", "Хёго"),  # (pycountry's Russian: Хиого)
        ("ru", "CN-JL", "Jilin Province", "Цзилинь"),  # (pycountry's Russian: Гирин, an old spelling)
        ("ru", "KR-47", "Gyeongsangbuk-do", "Кёнсан-Пукто"),  # (none in pycountry's Russian)
        ("ru", "RU-KHA", "Khabarovsk Territory", "Хабаровский край"),  # (the project's own: regions.po)
        ("ru", "RU-AD", "Republic of Adygea", "Republic of Adygea"),  # (no Russian name in either)
        ("mn", "MN-035", "Orkhon Province", "Орхон аймаг"),
        ("mn", "RU-KHA", "Khabarovsk Territory", "Khabarovsk Territory"),
    ],
)
def test_a_member_region_is_named_as_the_language_names_it(language, code, english, name):
    assert Translator(language).region(code, english) == name


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The seed built in English, then again with every other language: only their files are made."""
    root = tmp_path_factory.mktemp("languages")
    raw, out = root / "raw", root / "out"
    raw.mkdir()
    shutil.copy(SEED, raw)
    assert run("build", str(raw), "--out", str(out), "--jobs", "1").returncode == 0
    english = {path.name: path.read_bytes() for path in [*out.glob(f"{SEED.stem}.*"), *out.glob("briefing-book.*")]}
    result = run("build", str(raw), "--out", str(out), "--jobs", "1", "--lang", ",".join(OTHERS))
    assert result.returncode == 0, result.stderr
    assert summary_counts(result.stderr.splitlines()[-1])[:2] == (1, 0)
    for name, data in english.items():  # the English files are left as they were
        assert (out / name).read_bytes() == data
    again = run("build", str(raw), "--out", str(out), "--jobs", "1", "--lang", ",".join(OTHERS))
    assert summary_counts(again.stderr.splitlines()[-1])[:2] == (0, 1)
    return out


def _words(language: str) -> list[str]:
    """What the seed's briefing must show in ``language``: headings, labels, its period."""
    t = Translator(language)
    return [
        t._("Key facts"),
        t._("Period"),
        t._("Venue"),
        t._("Participation"),
        t._("Country"),
        t._("Contents"),
        t._("Index of names"),
        t.period(START, END),
        t.countries(DEFAULTS)["RU"],
    ]


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("language", OTHERS)
def test_the_pdf_is_in_the_language(built, language):
    reader = pypdf.PdfReader(built / f"{SEED.stem}.{language}.pdf")
    assert reader.trailer["/Root"]["/Lang"] == LANGUAGE_TAGS[language]
    text = _flat("".join(page.extract_text() for page in reader.pages))
    for word in _words(language):
        assert _flat(word) in text, word
    assert "Key facts" not in text and "Period" not in text


@pytest.mark.parametrize("language", OTHERS)
def test_the_docx_is_in_the_language(built, language):
    path = built / f"{SEED.stem}.{language}.docx"
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    text = _flat(" ".join([*(paragraph.text for paragraph in document.paragraphs), *cells]))
    for word in _words(language):
        assert _flat(word) in text, word
    styles = zipfile.ZipFile(path).read("word/styles.xml").decode()
    where = "w:eastAsia" if language in ("ko", "ja", "zh") else "w:val"
    assert f'{where}="{LANGUAGE_TAGS[language]}"' in re.search(r"<w:lang [^>]*>", styles).group(0)


@pytest.mark.parametrize("language", OTHERS)
def test_the_book_is_in_the_language(built, language):
    t = Translator(language)
    reader = pypdf.PdfReader(built / f"briefing-book.{language}.pdf")
    assert reader.trailer["/Root"]["/Lang"] == LANGUAGE_TAGS[language]
    assert [item.title for item in reader.outline if not isinstance(item, list)][:3] == [
        t._("NEAR conference briefings"),
        t._("Timeline"),
        t._("Participation matrix"),
    ]
    text = _flat("".join(page.extract_text() for page in reader.pages[:6]))
    for word in (t._("Contents"), t._("Authority"), t._("Attended"), t.period(START, END), t.countries(DEFAULTS)["RU"]):
        assert _flat(word) in text, word
    document = docx.Document(str(built / f"briefing-book.{language}.docx"))
    paragraphs = _flat(" ".join(paragraph.text for paragraph in document.paragraphs))
    assert _flat(t._("Timeline")) in paragraphs and _flat(t._("Participation matrix")) in paragraphs


@pytest.mark.parametrize("language", ["en", "ko", "ru"])
def test_the_book_holds_one_copy_of_each_font_program(built, language):
    """Cover, contents, timeline, matrix and briefing each bring their subsets; those that
    are the same bytes (a language's reserved ones always are) are one object in the book."""
    import pikepdf

    name = "briefing-book.pdf" if language == "en" else f"briefing-book.{language}.pdf"
    with pikepdf.open(built / name) as book:
        descriptors = [
            thing for thing in book.objects if isinstance(thing, pikepdf.Dictionary) and "/FontFile2" in thing
        ]
        programs = {descriptor.FontFile2.objgen: descriptor.FontFile2.read_raw_bytes() for descriptor in descriptors}
        assert len(set(programs.values())) == len(programs) < len(descriptors)
        assert "".join(page.extract_text() for page in pypdf.PdfReader(built / name).pages[:2])


@pytest.mark.parametrize("language", OTHERS)
def test_the_pre_send_report_is_in_the_language(built, language):
    t = Translator(language)
    text = _flat(pypdf.PdfReader(built / f"checks.{language}.pdf").pages[0].extract_text())
    for word in (t._("Pre-send checks"), t._("Raw text"), t._("Status"), t._("unchanged")):
        assert _flat(word) in text, word


def test_english_declares_no_other_language(built):
    reader = pypdf.PdfReader(built / f"{SEED.stem}.pdf")
    assert "/Lang" not in reader.trailer["/Root"]
    assert "Key facts" in reader.pages[0].extract_text()


def test_a_language_dropped_is_removed(built, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(built, out)
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw)
    result = run("build", str(raw), "--out", str(out), "--jobs", "1", "--lang", "ko")
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in out.glob("checks.*")) == ["checks.ko.pdf", "checks.pdf"]
    assert sorted(path.name for path in out.glob("briefing-book.*")) == [
        "briefing-book.docx",
        "briefing-book.ko.docx",
        "briefing-book.ko.pdf",
        "briefing-book.pdf",
    ]
    assert sorted(path.name for path in out.glob(f"{SEED.stem}.*")) == [
        f"{SEED.stem}.docx",
        f"{SEED.stem}.json",
        f"{SEED.stem}.ko.docx",
        f"{SEED.stem}.ko.pdf",
        f"{SEED.stem}.pdf",
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_chart_says_its_counts_in_the_briefings_language(language):
    """The count at a bar's end ('3 and 1 observer') comes from the catalogs, in the PDF's
    chart and the DOCX's picture alike (it was written out in English in both)."""
    from pipeline.record import record_from_json
    from pipeline.render.briefing import BarChart, build_briefing, count_text
    from pipeline.render.pdf import render_pdf

    record = record_from_json((Path(__file__).parent / "golden" / "near-1998-toyama.json").read_text())
    translator = Translator(language)
    briefing = build_briefing(record, DEFAULTS, translator)
    (chart,) = [block for block in briefing.blocks if isinstance(block, BarChart)]
    with_observers = [(members, observers) for _, members, observers in chart.bars if observers]
    assert with_observers, "the sample has an observer"
    assert chart.values() == [count_text(m, o, translator) for _, m, o in chart.bars]
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(render_pdf(briefing, "a4"))).pages)
    said = count_text(*with_observers[0], translator)
    assert " ".join(said.split()) in " ".join(text.split())
    if language != "en":
        assert not any("observer" in value for value in chart.values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_observers_of_no_country_that_are_international_bodies_are_named_so_whole(language):
    """A group of observers no country holds, each a body no country holds (World Bank,
    Asian Development Bank), is "International organizations" in the table and the chart, and
    the chart's label column is wide enough for it; a group of other names keeps "Country not
    given"."""
    from pipeline.record import Entity, ParticipantGroup, record_from_json
    from pipeline.render.briefing import build_briefing, participation_rows
    from pipeline.render.pdf import render_pdf

    record = record_from_json((Path(__file__).parent / "golden" / "near-1998-toyama.json").read_text())
    banks = ParticipantGroup(
        country=None, country_text=None, role="observer", stated=None, authorities=["World Bank (Beijing office)"]
    )
    bank = Entity(
        id="org:worldbank", name="World Bank", kind="organization", label="ORG", country=None, code=None,
        mentions=1, aliases=["World Bank"], sources=["gazetteer"],
    )  # fmt: skip
    participation = record.overview.participation.model_copy(
        update={"groups": [*record.overview.participation.groups, banks]}
    )
    overview = record.overview.model_copy(update={"participation": participation})
    translator = Translator(language)
    international = translator._("International organizations")
    with_bank = record.model_copy(update={"overview": overview, "entities": [*record.entities, bank]})
    assert participation_rows(with_bank, language=translator)[-1].country == international
    without_bank = record.model_copy(update={"overview": overview})
    assert participation_rows(without_bank, language=translator)[-1].country == translator._("Country not given")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(render_pdf(
        build_briefing(with_bank, DEFAULTS, translator), "a4"))).pages)  # fmt: skip
    assert " ".join(text.split()).count(international) >= 2  # the table's row and the chart's whole label
