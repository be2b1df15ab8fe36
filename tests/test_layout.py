"""Layout that cannot overflow, writers linear in their input, and characters that
print or are named: each case below used to stop the whole batch (a LayoutError or a
TypeError from reportlab), take a minute, or print blank without a word."""

from __future__ import annotations

import io
import json
import random
import re
from typing import Any

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from pipeline import BuildOptions, build
from pipeline.record import Item, Note, ParticipantGroup, Record, Resolution, Section, record_from_json
from pipeline.render import briefing as b
from pipeline.render import fonts
from pipeline.render.briefing import document_timestamp
from pipeline.render.docx import render_docx_book
from pipeline.render.fonts import CJK, PLACEHOLDER, REGULAR, covers, runs, unprintable_note, with_unprintable_note
from pipeline.render.outputs import render_outputs
from pipeline.render.pdf import render_pdf
from tests.conftest import GOLDEN, ROOT
from tests.test_render import DRAFT, assert_in_order, pdf_text

SEED = record_from_json((GOLDEN / "near-1995-khabarovsk.json").read_text(encoding="utf-8"))
assert SEED.declaration and SEED.overview and SEED.overview.participation
DECLARATION, OVERVIEW, PARTICIPATION = SEED.declaration, SEED.overview, SEED.overview.participation
WORDS = [
    "cooperation",
    "region",
    "exchange",
    "economy",
    "culture",
    "youth",
    "environment",
    "tourism",
    "trade",
    "maritime",
]


def words(count: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(count))


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def outline_titles(pdf: bytes) -> list[str]:
    titles: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(PdfReader(io.BytesIO(pdf)).outline)
    return titles


def without_footers(text: str, stem: str = "near-1995-khabarovsk") -> str:
    """pdf_text with the footers taken out (a paragraph split between pages is read around them)."""
    sent = re.escape("AssociationofNorthEastAsiaRegionalGovernments(NEAR)")
    return re.sub(rf"((DRAFT·)?{re.escape(stem)}\.txt·sha256[0-9a-f]{{12}}|{sent})page\d+of\d+", "", text)


def docx_text(data: bytes) -> str:
    body = Document(io.BytesIO(data)).element.body
    return "".join(node.text or "" for node in body.iter() if node.tag.endswith("}t"))


# --- headings and titles --------------------------------------------------------------------


def test_a_title_several_pages_tall_is_shortened_and_given_whole_under_it():
    title = "The 3rd NEAR Conference on " + words(3000) + " closing-word"  # about 20,000 characters
    outputs = render_outputs(SEED.model_copy(update={"title": title}))
    assert pages(outputs[".pdf"]) >= 4
    shown = outline_titles(outputs[".pdf"])[0]
    assert shown.endswith("…") and len(shown) <= b.MAX_HEADING_CHARS
    assert "closing-word" in pdf_text(outputs[".pdf"])  # the whole title, in the body
    assert title in docx_text(outputs[".docx"])


def test_headings_several_pages_tall_are_shortened_and_given_whole_under_them():
    long = words(3000, seed=1) + " last-of-heading"
    declaration = DECLARATION.model_copy(update={"title": "Khabarovsk Declaration " + long})
    record = SEED.model_copy(update={"declaration": declaration, "sections": [Section(heading=long, lines=["text"])]})
    outputs = render_outputs(record)
    titles = outline_titles(outputs[".pdf"])
    assert all(len(title) <= b.MAX_HEADING_CHARS for title in titles)
    assert pdf_text(outputs[".pdf"]).count("last-of-heading") == 2
    assert docx_text(outputs[".docx"]).count("last-of-heading") == 2


def test_a_heading_block_taller_than_a_page_splits_in_the_pdf():
    """Blocks made elsewhere (the book) may hold a heading nobody shortened: it splits,
    and only its first part is an outline entry."""
    text = words(4000, seed=2)
    briefing = b.Briefing(SEED_METADATA, [b.Title(text, []), b.Heading(text), b.Heading(text, level=2)])
    pdf = render_pdf(briefing)
    assert pages(pdf) >= 6
    assert len(outline_titles(pdf)) == 3


SEED_METADATA = b.build_briefing(SEED).metadata


def test_shortened_cuts_at_a_word_and_keeps_short_text():
    assert b.shortened("Khabarovsk Declaration") == "Khabarovsk Declaration"
    cut = b.shortened("word " * 100)
    assert cut.endswith("word…") and len(cut) <= b.MAX_HEADING_CHARS
    assert len(b.shortened("無" * 500)) == b.MAX_HEADING_CHARS


# --- the participation chart ----------------------------------------------------------------


def _with_countries(count: int) -> Record:
    groups = [
        ParticipantGroup(
            country=f"Country {n}", country_text=f"Country {n}", role="member", stated=None, authorities=["A", "B"]
        )
        for n in range(count)
    ]
    participation = PARTICIPATION.model_copy(update={"groups": groups})
    return SEED.model_copy(update={"overview": OVERVIEW.model_copy(update={"participation": participation})})


def test_past_the_limit_the_chart_gives_way_to_the_table():
    count = b.MAX_CHART_COUNTRIES + 30
    record = _with_countries(count)
    blocks = b.build_briefing(record).blocks
    assert not any(isinstance(block, b.BarChart) for block in blocks)
    outputs = render_outputs(record)
    text = pdf_text(outputs[".pdf"])
    assert "Nochart" in text and f"Country{count - 1}" in text
    assert "No chart" in docx_text(outputs[".docx"])
    assert not [name for name in zipfile_names(outputs[".docx"]) if name.startswith("word/media/")]


def zipfile_names(data: bytes) -> list[str]:
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).namelist()


def test_a_chart_up_to_the_limit_is_drawn_in_both_formats():
    outputs = render_outputs(_with_countries(b.MAX_CHART_COUNTRIES))
    assert "Authoriti" in pdf_text(outputs[".pdf"])
    assert [name for name in zipfile_names(outputs[".docx"]) if name.startswith("word/media/")]


def test_a_chart_several_pages_tall_goes_on_over_the_next_pages():
    bars = [(f"Country {n}", n % 7 + 1, n % 3) for n in range(200)]
    briefing = b.Briefing(SEED_METADATA, [b.Paragraph(words(300)), b.BarChart("Authorities per country", bars)])
    pdf = render_pdf(briefing)
    assert pages(pdf) >= 5
    text = pdf_text(pdf)
    assert "Authoritiespercountry(continued)" in text
    assert_in_order(text, ["Country 0", "Country 100", "Country 199"])


# --- the data notes --------------------------------------------------------------------------


def test_a_notes_box_several_pages_tall_splits_across_pages():
    notes = [
        Note(code="suspect-authority", severity="check", line=n, message=f"Note {n}: {words(25, n)}")
        for n in range(1, 301)
    ]
    notes.append(Note(code="unplaced-text", severity="check", line=1, message=words(8000) + " end-of-long-note"))
    outputs = render_outputs(SEED.model_copy(update={"notes": notes}), settings=DRAFT)
    assert pages(outputs[".pdf"]) >= 10
    assert_in_order(without_footers(pdf_text(outputs[".pdf"])), [note.message for note in notes])
    assert "end-of-long-note" in docx_text(outputs[".docx"])


# --- writers linear in their input ---------------------------------------------------------


@pytest.mark.parametrize("mixed", [False, True], ids=["latin", "mixed-scripts"])
def test_a_paragraph_of_many_pages_is_broken_into_lines_once(monkeypatch, mixed):
    """reportlab broke the rest of a split paragraph into lines again on every page: a
    900 KB paragraph took a minute. Counted in string measurements, not seconds."""
    import reportlab.platypus.paragraph as paragraph

    import pipeline.render.pdf.text as text

    measured = {"calls": 0}
    for module in (paragraph, text):
        real = getattr(module, "stringWidth")  # noqa: B009 (imported there from pdfmetrics; not in the stubs)

        def counting(*args, real=real, **kwargs):
            measured["calls"] += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(module, "stringWidth", counting)
    count = 15_000  # about 100 KB, 25 pages
    body = words(count)
    if mixed:  # runs in three fonts, and words wider than a line
        body = " ".join(f"{word} 地域経済 𝐀" if n % 50 else "合作" * 200 for n, word in enumerate(body.split()))
    record = SEED.model_copy(update={"declaration": DECLARATION.model_copy(update={"preamble": [body]})})
    pdf = render_outputs(record)[".pdf"]
    assert pages(pdf) >= 20
    # A few measurements per word (and one per character of a word wider than a line),
    # not one per word and page.
    wide = sum(len(word) for word in body.split() if len(word) > 100)
    assert measured["calls"] < 3 * len(body.split()) + wide


def test_a_table_of_many_pages_fits_its_column_widths_once(monkeypatch):
    """Each part of a table split between pages fitted the widths to all its rows again:
    the pre-send report of 1,000 texts (46 pages) spent 0.4 s measuring the same words."""
    import pipeline.render.pdf.flowables as flowables

    fitted = {"calls": 0}
    real = flowables.fitted_widths

    def counting(*args, **kwargs):
        fitted["calls"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(flowables, "fitted_widths", counting)
    rows = [[f"near-{n:04d}.txt", "unchanged", "", words(12)] for n in range(1_500)]
    table = b.Table(["Raw text", "Status", "To do", "Notes"], rows, [0.24, 0.12, 0.08, 0.56])
    pdf = render_pdf(b.Briefing(b.Metadata("t", "s", "a", [], "f.txt", ""), [b.Title("t", []), table]))
    assert pages(pdf) >= 20
    assert fitted["calls"] == 1


def test_twenty_thousand_resolutions_and_a_long_cjk_paragraph_render_and_join_a_book():
    """Numbered 2, 4, 6, ...: each resolution keeps its number, so each starts a list of its
    own in the DOCX (20,000 numbering definitions, read back in one pass by the book)."""
    resolutions = [Resolution(number=2 * n, text=f"To continue item {n}.") for n in range(1, 20_001)]
    cjk = "合作交流地域経済文化환경관광무역" * 4000  # 60,000 characters without a space
    declaration = DECLARATION.model_copy(update={"resolutions": resolutions, "preamble": [cjk]})
    outputs = render_outputs(SEED.model_copy(update={"declaration": declaration}))
    last_pages = "".join(page.extract_text() for page in PdfReader(io.BytesIO(outputs[".pdf"])).pages[-3:])
    assert "40000. To continue item 20000." in last_pages
    assert docx_text(outputs[".docx"]).count("To continue item") == 20_000
    book = io.BytesIO()
    render_docx_book(b.build_briefing(SEED), [outputs[".docx"]], document_timestamp(), book)
    numbering = Document(book).part.numbering_part.element
    starts = {start.get(f"{{{W}}}val") for start in numbering.iter(f"{{{W}}}start")}
    assert {"2", "20000", "40000"} <= starts


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_runs_are_linear_and_cut_by_font():
    text = "abc 地域 𝐀 😀 ا\ufe0f" * 50_000  # the variation selector draws nothing: left out
    result = runs(text)
    assert "".join(run for _, run in result) == ("abc 地域 𝐀 😀 " + PLACEHOLDER) * 50_000
    assert {font for font, _ in result} == {"NotoSans", "WenQuanYiMicroHei", "STIXTwoMath", "NotoEmoji"}


def test_a_space_stays_in_the_run_it_stands_in():
    assert runs("국가별 자치단체 수") == ((CJK, "국가별 자치단체 수"),)  # one run, not five
    assert runs("Toyama (富山県) Prefecture") == (
        (REGULAR, "Toyama ("),
        (CJK, "富山県"),
        (REGULAR, ") Prefecture"),
    )
    assert runs("富山 Toyama") == ((CJK, "富山 "), (REGULAR, "Toyama"))
    assert ord("\u202f") not in fonts._covered(CJK)  # a narrow no-break space WenQuanYi lacks
    assert runs("地域\u202f地域") == ((CJK, "地域"), (REGULAR, "\u202f"), (CJK, "地域"))


def test_digits_and_punctuation_between_or_beside_cjk_are_set_in_its_font():
    assert runs("1995년 9월 6일~7일") == ((CJK, "1995년 9월 6일~7일"),)  # one run, not eight
    assert runs("(富山県),") == ((CJK, "(富山県),"),)
    assert runs("1 / 3쪽") == ((CJK, "1 / 3쪽"),)
    # between Latin words they stay in the text's font
    assert runs("Toyama (富山県) Prefecture") == ((REGULAR, "Toyama ("), (CJK, "富山県"), (REGULAR, ") Prefecture"))
    assert runs("경기도 (KR-41)") == ((CJK, "경기도 "), (REGULAR, "(KR-41)"))


# --- characters -----------------------------------------------------------------------------

PRINTED = ["𝐍𝐄𝐀𝐑", "𝑥𝑦𝑧", "😀", "🌏", "☀", "Өмнөговь", "Հայերեն", "ქართული", "黑龙江省", "경상북도"]
REPLACED = {"ا": "ARABIC", "ש": "HEBREW", "ᠮ": "MONGOLIAN", "བ": "TIBETAN"}


def test_printable_and_unprintable_characters():
    assert all(covers(char) for text in PRINTED for char in text)
    assert not any(covers(char) for char in REPLACED)
    assert covers("\u200d") and covers("\ufe0f")  # they draw nothing by definition


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.json")), ids=lambda path: path.stem)
def test_every_sample_prints_without_a_note(path):
    record = record_from_json(path.read_text(encoding="utf-8"))
    assert unprintable_note(record) is None
    assert with_unprintable_note(record) is record


def test_the_note_names_each_character_once_and_the_scripts_that_need_shaping():
    contents = [Item(text=f"{script}: " + "".join(REPLACED) * 3, items=[]) for script in ("a", "b")]
    record = SEED.model_copy(update={"contents": contents})
    noted = with_unprintable_note(record)
    note = noted.notes[-1]
    assert note.code == "unprintable-characters" and note.severity == "check" and note.line is None
    assert "4 different characters" in note.message and "U+0627 ARABIC LETTER ALEF" in note.message
    assert "Arabic, Hebrew, Mongolian and Tibetan need shaping" in note.message
    assert with_unprintable_note(noted) == noted  # once, however often it runs
    assert record.notes == SEED.notes  # the record given is left as it was


def test_a_build_prints_or_names_every_character(tmp_path):
    """Through the build stage: the note is in the JSON, the index and the data-notes box;
    the PDF prints the rest in embedded fonts and shows the others replaced."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    seed = (ROOT / "raw" / "near-1995-khabarovsk.txt").read_text(encoding="utf-8")
    bullets = "".join(f"▷{text}\n" for text in [*PRINTED, "ئۈرۈمچی مرحبا", "שלום", "ᠮᠣᠩᠭᠣᠯ"])
    (raw / "scripts.txt").write_text(seed.replace("· Contents\n", "· Contents\n" + bullets), encoding="utf-8")
    summary = build(BuildOptions(raw, out, jobs=1, settings=DRAFT), tagger=lambda records: records)
    assert [result.status for result in summary.results] == ["built"]
    record = record_from_json((out / "scripts.json").read_text(encoding="utf-8"))
    note = next(note for note in record.notes if note.code == "unprintable-characters")
    assert "ARABIC" in note.message and "HEBREW" in note.message and "Mongolian need shaping" in note.message
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert "unprintable-characters" in json.dumps(index)
    reader = PdfReader(out / "scripts.pdf")
    text = "".join(page.extract_text() for page in reader.pages)
    assert "".join(note.message.split()) in without_footers("".join(text.split()), "scripts")  # in the notes box
    for printed in PRINTED:
        assert printed in text  # copied out of the PDF as written, emoji and mathematical letters too
    assert PLACEHOLDER in text and "ا" not in text
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for font in resources["/Font"].values():
            assert "/FontFile2" in font.get_object()["/FontDescriptor"].get_object()
    assert "ᠮᠣᠩᠭᠣᠯ" in docx_text((out / "scripts.docx").read_bytes())  # the DOCX keeps every character


def test_long_labels_stop_short_of_the_bars():
    from pipeline.render.chart import _fitted, _label
    from pipeline.render.fonts import REGULAR
    from pipeline.render.pdf.text import fit_text, runs_width

    name = "Democratic People's Republic of Korea " * 5
    fitted = _fitted(name, REGULAR, 18, 180)
    assert fitted.endswith("…") and _label(fitted, REGULAR, 18).width <= 180
    assert _fitted("China", REGULAR, 18, 180) == "China"
    shown = fit_text(name, REGULAR, 8.5, 90)
    assert shown.endswith("…") and runs_width(shown, REGULAR, 8.5) <= 90


def test_the_delegates_the_source_names_follow_the_participation_in_its_words():
    delegates = ["Toyama Prefecture: Mr. Shigeru Noda, Director, International Affairs Division"]
    participation = PARTICIPATION.model_copy(update={"delegates": delegates})
    record = SEED.model_copy(update={"overview": OVERVIEW.model_copy(update={"participation": participation})})
    blocks = b.build_briefing(record).blocks
    heading = next(index for index, block in enumerate(blocks) if block == b.Heading("Delegates", 2))
    assert [item.text for item in blocks[heading + 1].items] == delegates
    assert not any(block == b.Heading("Delegates", 2) for block in b.build_briefing(SEED).blocks)
    outputs = render_outputs(record)
    assert "Mr.ShigeruNoda" in pdf_text(outputs[".pdf"]) and "Mr. Shigeru Noda" in docx_text(outputs[".docx"])


SCRIPT_PIECES = st.sampled_from(
    [
        *"aZ09 ,.()~-–：、。（）·×é黑龙江경상ー카①『』Өмнөговь",
        *["\u00a0", "\u3000", "\u202f", "\u2009", "\t", "\u200b", "\ufe0f", "\u0301"],
        *["Հ", "ქ", "𝐀", "😀", "☀", "ا", "\ufffd", "\x07"],
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(SCRIPT_PIECES, max_size=16).map("".join), st.sampled_from([REGULAR, fonts.BOLD, CJK]))
def test_script_runs_found_by_tag_are_those_found_character_by_character(text, primary):
    """The quick way (str.translate and a regular expression) cuts a text into the runs the
    step by step way cuts it into, wherever both apply."""
    tags = fonts._tags(primary).of(text)
    if tags is not None:
        by_tag = [run for run in fonts._runs_by_tag(text, tags, primary) if run[1]]
        assert by_tag == [run for run in fonts._runs_by_character(text, primary) if run[1]]
