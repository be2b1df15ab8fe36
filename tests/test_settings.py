"""The settings file: every key read and validated; a bad file refused in one line naming file, line and key."""

from __future__ import annotations

import datetime
import io

import msgspec
import pytest
from pypdf import PdfReader

from pipeline.record import record_from_json
from pipeline.render.outputs import render_outputs
from pipeline.settings import DEFAULTS, SettingsError, edition_date, load_settings
from tests.conftest import GOLDEN, run

SEED = record_from_json((GOLDEN / "near-1995-khabarovsk.json").read_text(encoding="utf-8"))

FULL = """\
# every key
[association]
name = "Test Association of Regions"
short_name = "TAR"

[edition]
date = 2026-03-04
paper = "letter"
draft = true

[briefing]
data_notes = true
index_of_names = false
source_footer = true

[dist]
docx = true

[countries]
KR = "Korea (Republic of)"
"""


def test_every_key_is_read(tmp_path):
    path = tmp_path / "briefings.toml"
    path.write_text(FULL, encoding="utf-8")
    settings, folder = load_settings(path)
    assert folder == tmp_path
    assert settings.association.name == "Test Association of Regions"
    assert settings.association.short_name == "TAR"
    assert settings.edition.date == datetime.date(2026, 3, 4)
    assert settings.edition.paper == "letter"
    assert settings.edition.draft is True
    shown = msgspec.structs.asdict(settings.briefing)
    assert shown == {"data_notes": True, "index_of_names": False, "source_footer": True}
    assert settings.dist.docx is True
    assert settings.countries == {"KR": "Korea (Republic of)"}


def test_a_missing_default_file_gives_the_defaults_but_a_named_one_must_exist(tmp_path):
    assert load_settings(tmp_path / "briefings.toml") == (DEFAULTS, None)
    with pytest.raises(SettingsError) as caught:
        load_settings(tmp_path / "mine.toml", required=True)
    assert str(caught.value) == f"{tmp_path / 'mine.toml'}:1: cannot read: no such file"


BAD = [
    ("[association]\nname = 'x'\nnme = 'y'\n", "3: association.nme: unknown key"),
    ("[edition]\npaper = 'a5'\n", "2: edition.paper: 'a5': not one of a4, letter"),
    ("\n\n[edition]\n# a comment\ndate = 'yesterday'\n", "5: edition.date: not a date (write 2026-03-04)"),
    ("[edition]\ndraft = 'yes please'\n", "2: edition.draft: true or false"),
    ("[edition]\ndraft = 1\n", "2: edition.draft: true or false"),
    ("[association]\nshort_name = ''\n", "2: association.short_name: empty"),
    (f"[association]\nname = '{'x' * 201}'\n", "2: association.name: longer than 200 characters"),
    ("[association]\nname = 3\n", "2: association.name: text is wanted, not a whole number"),
    ("[countries]\nKorea = 'ROK'\n", "2: countries.Korea: a country is an ISO 3166-1 code of two capital letters"),
    ("[countries]\nKR = 'ROK'\nJP = ''\n", "3: countries.JP: empty"),
    ("languages = ['ko', 'fr']\n", "1: languages: 'fr': not one of en, ko, ja, zh, ru, mn"),
    ("[country_names.ko]\nKP = '조선'\n[country_names.xx]\nKP = 'x'\n", "3: country_names.xx: 'xx': not one of en"),
    ("[country_names.ko]\nKP = '조선'\nkp = 'x'\n", "3: country_names.ko.kp: a country is an ISO 3166-1 code"),
    ("[association]\nlogo = 'logo.gif'\n", "2: association.logo: a logo is a PNG, JPEG or SVG file"),
    ("[association]\nlogo = 'absent.png'\n", "2: association.logo: no such logo file: absent.png"),
    ("colour = 'blue'\n", "1: colour: unknown key"),
    ("[edition\npaper = 'a4'\n", "1: not TOML"),
    ("[briefing]\nindex_of_names = true\nindex_of_names = false\n", "3: not TOML"),
    ("[dist]\ndocx = yes\n", "2: not TOML"),
]


@pytest.mark.parametrize(("text", "expected"), BAD, ids=[expected.split(":")[1].strip() for _, expected in BAD])
def test_a_bad_settings_file_is_one_line_naming_file_line_and_key(tmp_path, text, expected):
    path = tmp_path / "briefings.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{expected}"), message
    assert "\n" not in message


def test_the_command_line_refuses_a_bad_settings_file_in_one_line_without_a_traceback(tmp_path):
    settings = tmp_path / "s.toml"
    settings.write_text("[edition]\npaper = 'a4'\n\n[briefing]\nfooter = true\n", encoding="utf-8")
    result = run("build", "raw", "--out", str(tmp_path / "out"), "--settings", str(settings))
    assert result.returncode == 2
    assert result.stderr == f"{settings}:5: briefing.footer: unknown key\n"
    assert not (tmp_path / "out").exists()  # refused before anything is read or written


def test_edition_date_settings_else_today_and_source_date_epoch_overrides(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert edition_date(DEFAULTS, today=datetime.date(2030, 1, 2)) == datetime.date(2030, 1, 2)
    dated = DEFAULTS.with_edition(date=datetime.date(2026, 5, 6))
    assert edition_date(dated, today=datetime.date(2030, 1, 2)) == datetime.date(2026, 5, 6)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert edition_date(dated) == datetime.date(2023, 11, 14)


def test_the_edition_date_is_not_part_of_what_rebuilds_briefings():
    dated = DEFAULTS.with_edition(date=datetime.date(2026, 5, 6))
    assert dated.briefing_fingerprint() == DEFAULTS.briefing_fingerprint()
    draft = DEFAULTS.with_edition(draft=True)
    assert draft.briefing_fingerprint() != DEFAULTS.briefing_fingerprint()


def test_the_country_table_renames_a_country_in_the_briefing(tmp_path):
    path = tmp_path / "briefings.toml"
    path.write_text("[countries]\nRU = 'Russia (test name)'\n", encoding="utf-8")
    settings, _ = load_settings(path)
    pdf = render_outputs(SEED, settings=settings)[".pdf"]
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Russia (test name)" in text
    assert "Russian Federation\n" not in text
