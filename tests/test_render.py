"""Briefings read back: DOCX through python-docx, PDF through pypdf."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from pipeline import record_from_json
from pipeline.render.briefing import build_briefing, document_timestamp, period_in_words
from pipeline.render.fonts import covers
from pipeline.render.i18n import Translator, briefing_suffixes
from pipeline.render.outputs import render_briefings, render_outputs
from pipeline.render.pdf import render_pdf
from pipeline.render.pdf.markup import markup
from pipeline.render.pdf.styles import STYLES
from pipeline.settings import LANGUAGES, Settings
from tests.conftest import GOLDEN
from tests.test_samples import strings_in

RECORDS = {path.stem: record_from_json(path.read_text(encoding="utf-8")) for path in sorted(GOLDEN.glob("*.json"))}
DRAFT = Settings.from_mapping({"edition": {"draft": True}})


@pytest.fixture(scope="module")
def rendered():
    """Drafts: everything a briefing can show, the data notes and the source footer included."""
    return {name: render_outputs(record, settings=DRAFT) for name, record in RECORDS.items()}


def squash(text: str) -> str:
    """Text extraction breaks lines and spaces where it likes; compare without whitespace."""
    return re.sub(r"\s+", "", text)


def pdf_text(data: bytes) -> str:
    return squash("".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def docx_paragraphs(data: bytes):
    document = Document(io.BytesIO(data))
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs += cell.paragraphs
    return document, paragraphs


def expected_in_order(record) -> list[str]:
    """What must appear, in reading order: authorities, bullets, resolutions, notes."""
    by_country: dict[str, list[str]] = {}  # the table has one row per country: members, then observers
    groups = record.overview.participation.groups if record.overview else []
    for group in sorted(groups, key=lambda g: g.role == "observer"):
        by_country.setdefault(group.country, [])
    for group in sorted(groups, key=lambda g: g.role == "observer"):
        by_country[group.country] += group.authorities
    order = list(dict.fromkeys(g.country for g in groups))
    texts = [authority for country in order for authority in by_country[country]]

    def walk(items):
        for item in items:
            yield item.text
            yield from walk(item.items)

    texts += list(walk(record.contents))
    if record.declaration:
        texts += [r.text for r in record.declaration.resolutions]
    texts += [note.message for note in record.notes]
    return texts


def assert_in_order(haystack: str, needles: list[str]) -> None:
    position = 0
    for needle in needles:
        found = haystack.find(squash(needle), position)
        assert found >= 0, f"missing or out of order: {needle!r}"
        position = found


@pytest.mark.parametrize("name", sorted(RECORDS), ids=str)
def test_pdf_shows_every_fact_in_reading_order(name, rendered):
    text = pdf_text(rendered[name][".pdf"])
    record = RECORDS[name]
    # Participation table authorities come first, then contents, declaration and notes.
    assert_in_order(text, expected_in_order(record))
    if not record.notes:
        assert squash("No data-quality notes") in text


@pytest.mark.parametrize("name", sorted(RECORDS), ids=str)
def test_docx_shows_every_fact_in_reading_order(name, rendered):
    document, _ = docx_paragraphs(rendered[name][".docx"])
    body = document.element.body
    text = squash("".join(node.text or "" for node in body.iter() if node.tag.endswith("}t")))
    assert_in_order(text, expected_in_order(RECORDS[name]))


def test_docx_uses_real_styles_and_a_true_numbered_list(rendered):
    document, _ = docx_paragraphs(rendered["near-1996-gyeongju"][".docx"])
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "List Bullet", "List Bullet 2", "List Number"} <= styles
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    assert [p.text for p in numbered] == [r.text for r in RECORDS["near-1996-gyeongju"].declaration.resolutions]
    num_ids = {p._p.pPr.numPr.numId.val for p in numbered}
    assert len(num_ids) == 1
    num_id = num_ids.pop()
    numbering = document.part.numbering_part.element
    num = next(n for n in numbering.findall("{*}num") if n.numId == num_id)
    abstract_id = num.abstractNumId.val
    abstract = next(
        a
        for a in numbering.findall("{*}abstractNum")
        if a.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}abstractNumId") == str(abstract_id)
    )
    start = abstract.find("{*}lvl/{*}start")
    assert start.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val") == "1"
    assert document.tables[0].style.name == "Briefing Table"


def test_docx_numbering_keeps_source_numbers():
    record = RECORDS["near-1995-khabarovsk"]
    declaration = record.declaration.model_copy(
        update={"resolutions": [r.model_copy(update={"number": r.number + 4}) for r in record.declaration.resolutions]}
    )
    data = render_outputs(record.model_copy(update={"declaration": declaration}))[".docx"]
    document = Document(io.BytesIO(data))
    starts = [
        element.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val")
        for element in document.part.numbering_part.element.iter("{*}start")
    ]
    assert "5" in starts


@pytest.mark.parametrize("name", sorted(RECORDS), ids=str)
def test_metadata(name, rendered):
    record = RECORDS[name]
    properties = Document(io.BytesIO(rendered[name][".docx"])).core_properties
    assert properties.title == record.title
    assert properties.author == record.overview.organizer.text
    assert properties.subject and properties.keywords
    assert "python-docx" not in (properties.author, properties.last_modified_by, properties.comments)
    info = PdfReader(io.BytesIO(rendered[name][".pdf"])).metadata
    assert info.title == record.title
    assert info.author == record.overview.organizer.text
    assert info["/Creator"] == "NEAR briefings"
    countries = {g.country for g in record.overview.participation.groups}
    assert all(country in info["/Keywords"] for country in countries)


def test_pdf_outline_has_a_bookmark_per_section(rendered):
    outline = PdfReader(io.BytesIO(rendered["near-1995-khabarovsk"][".pdf"])).outline
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(outline)
    assert titles[:6] == [
        "The 3rd NEAR Conference",
        "Key facts",
        "Participation",
        "Contents",
        "Khabarovsk Declaration",
        "Index of names",
    ]
    assert titles[-1] == "Data notes"


def _fonts(reader: PdfReader):
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            yield font.get_object()


@pytest.mark.parametrize("name", sorted(RECORDS), ids=str)
def test_every_pdf_font_is_embedded_and_every_character_covered(name, rendered):
    reader = PdfReader(io.BytesIO(rendered[name][".pdf"]))
    for font in _fonts(reader):
        descriptor = font.get("/FontDescriptor")
        assert descriptor is not None and "/FontFile2" in descriptor.get_object(), font["/BaseFont"]
    characters = {ch for text in strings_in(RECORDS[name].model_dump(mode="json")) for ch in text}
    assert [ch for ch in sorted(characters) if not covers(ch)] == []


def test_footer_on_every_page(rendered):
    reader = PdfReader(io.BytesIO(rendered["near-1995-khabarovsk"][".pdf"]))
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, 1):
        text = squash(page.extract_text())
        assert squash(f"page {number} of {total}") in text
        assert squash("near-1995-khabarovsk.txt · sha256 855e71d66634") in text


def test_same_record_same_bytes():
    record = RECORDS["near-2010-gyeonggi"]
    assert render_outputs(record) == render_outputs(record)


@pytest.mark.parametrize("name", sorted(RECORDS), ids=str)
def test_a_records_languages_share_their_paragraphs_layout_and_keep_a_lone_renders_bytes(name):
    """render_briefings lays out the record's own paragraphs once for all its languages;
    each PDF is byte for byte the one a render of that language alone gives."""
    record = RECORDS[name]
    together = render_briefings(record, LANGUAGES, settings=DRAFT)
    for language in LANGUAGES:
        alone = render_pdf(build_briefing(record, DRAFT, Translator(language)))
        assert together[briefing_suffixes(language)[1]] == alone, language


@pytest.mark.parametrize("language", ["en", "zh"])
def test_short_paragraphs_keep_their_layout_from_record_to_record_and_the_pdfs_their_bytes(language, monkeypatch):
    """Headings and notes a language repeats in every briefing are laid out once for the
    process (the first LASTING_PARAGRAPHS, then afresh): each PDF is byte for byte the one
    rendered with nothing kept from an earlier record."""
    from pipeline.render.pdf import shared

    translator = Translator(language)
    briefings = [build_briefing(RECORDS[name], DRAFT, translator) for name in sorted(RECORDS)]
    monkeypatch.setattr(shared, "LASTING_CHARS", -1)
    alone = [render_pdf(briefing) for briefing in briefings]
    monkeypatch.setattr(shared, "LASTING_CHARS", 400)
    monkeypatch.setattr(shared, "_LASTING", shared.Layouts())
    assert [render_pdf(briefing) for briefing in briefings * 2] == alone * 2
    heading = (markup(translator._("Key facts"), STYLES["h1"].fontName), STYLES["h1"], None)
    assert heading in shared._LASTING.parsed
    monkeypatch.setattr(shared, "LASTING_PARAGRAPHS", 25)
    assert [render_pdf(briefing) for briefing in briefings * 2] == alone * 2
    assert len(shared._LASTING.parsed) <= 25


def test_source_date_epoch_sets_the_document_dates(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert document_timestamp().year == 2023
    outputs = render_outputs(RECORDS["near-1995-khabarovsk"])
    assert Document(io.BytesIO(outputs[".docx"])).core_properties.created.year == 2023
    assert "D:2023" in str(PdfReader(io.BytesIO(outputs[".pdf"])).metadata["/CreationDate"])


def test_docx_zip_is_stable():
    data = render_outputs(RECORDS["near-1995-khabarovsk"])[".docx"]
    infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in infos)
    assert infos[0].filename == "[Content_Types].xml"


def test_letter_paper():
    pdf = render_outputs(RECORDS["near-1995-khabarovsk"], paper="letter")[".pdf"]
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(box.width), round(box.height)) == (612, 792)


HOSTILE = [
    '<img src="/etc/passwd"/>',
    '<a href="javascript:alert(1)">x</a>',
    '<font color="[[[getattr(pow, 1)]]]">',
    "<font size=500>big",
    "R&D & Q&A",
    "&#0; unclosed <b> bold",
    "\x00nul\x1b[31m",
    "right\u202eleft",
]


def test_markup_and_control_characters_print_literally():
    record = RECORDS["near-1995-khabarovsk"]
    hostile = record.model_copy(
        update={
            "title": " ".join(HOSTILE),
            "contents": [
                item.model_copy(update={"text": text}) for item, text in zip(record.contents * 2, HOSTILE, strict=False)
            ],
        }
    )
    outputs = render_outputs(hostile)
    text = pdf_text(outputs[".pdf"])
    for snippet in ('<img src="/etc/passwd"/>', '<a href="javascript:alert(1)">', "<font size=500>", "R&D & Q&A"):
        assert squash(snippet) in text
    document = Document(io.BytesIO(outputs[".docx"]))
    assert document.paragraphs[0].text.startswith('<img src="/etc/passwd"/>')
    assert "\x00" not in document.paragraphs[0].text


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        ((1995, 9, 6), (1995, 9, 7), "6-7 September 1995"),
        ((2014, 9, 30), (2014, 10, 2), "30 September - 2 October 2014"),
        ((2021, 8, 10), (2021, 8, 10), "10 August 2021"),
        ((2015, 12, 30), (2016, 1, 2), "30 December 2015 - 2 January 2016"),
        ((2002, 9, 12), (2002, 9, 10), "12 September 2002 - 10 September 2002"),
    ],
)
def test_period_in_words(start, end, words):
    import datetime

    assert period_in_words(datetime.date(*start), datetime.date(*end)) == words


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils not installed")
def test_pdf_pages_render_to_png(tmp_path, rendered):
    pdf = tmp_path / "seed.pdf"
    pdf.write_bytes(rendered["near-1995-khabarovsk"][".pdf"])
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(pdf), str(tmp_path / "page")], check=True, timeout=60)
    assert len(list(tmp_path.glob("page-*.png"))) == len(PdfReader(io.BytesIO(pdf.read_bytes())).pages)


def test_docx_styles_come_from_the_theme_as_the_pdf_s_do():
    from docx.shared import Pt

    from pipeline.render import theme

    document = Document(io.BytesIO(render_outputs(RECORDS["near-1996-gyeongju"])[".docx"]))
    for name, row in (("Title", "title"), ("Subtitle", "subtitle"), ("Heading 1", "h1"), ("Heading 2", "h2")):
        style, expected = document.styles[name], theme.TEXT_STYLES[row]
        assert style.font.size == Pt(expected.size), name
        assert bool(style.font.bold) == expected.bold and not style.font.italic, name
        assert str(style.font.color.rgb) == expected.colour[1:].upper(), name
        assert style.element.pPr.find(qn("w:pBdr")) is None, name  # no rule under the title
        assert style.element.rPr.find(qn("w:spacing")) is None, name  # no letter spacing
    table_text = document.styles["Table Text"]
    assert table_text.font.size == Pt(theme.TEXT_STYLES["cell"].size)
    for table in document.tables:
        look = table._tbl.tblPr.find(qn("w:tblLook"))
        assert look.get(qn("w:firstColumn")) == "0"  # no bold first column
        assert table.style.name in ("Briefing Table", "Table Grid")
    participation = next(t for t in document.tables if t.rows[0].cells[0].text == "Country")
    assert participation.style.name == "Briefing Table"
    assert {p.style.name for row in participation.rows for cell in row.cells for p in cell.paragraphs} == {"Table Text"}


def test_docx_properties_name_the_association_and_this_program():
    data = render_outputs(RECORDS["near-1996-gyeongju"])[".docx"]
    document = Document(io.BytesIO(data))
    assert "Association of North East Asia Regional Governments" in document.core_properties.comments
    assert "NEAR briefings" in document.core_properties.comments
    assert "sha256" not in document.core_properties.comments  # a briefing as sent
    app = zipfile.ZipFile(io.BytesIO(data)).read("docProps/app.xml").decode()
    assert "<Application>NEAR briefings</Application>" in app
    assert "<Company>Association of North East Asia Regional Governments</Company>" in app
    assert "Microsoft" not in app


def test_column_widths_fit_their_headers_in_both_formats():
    from pipeline.render import briefing as b
    from pipeline.render.widths import fitted_widths

    table = b.Table(["#", "Authorities", "Count"], [["1", "x", "2"]], [0.02, 0.08, 0.9])
    widths = fitted_widths(table.columns, table.widths, 480)
    assert abs(sum(widths) - 1) < 1e-9 and widths[1] * 480 >= 50  # 'Authorities' bold at 8.5 points, padded
    pdf = render_pdf_of([b.Title("t", []), table])
    assert "Authorities" in pdf  # one word, not 'Authoritie s'
    docx_widths = [
        int(col.get(qn("w:w")))
        for col in Document(io.BytesIO(render_docx_of([b.Title("t", []), table])))
        .tables[0]
        ._tbl.tblGrid.findall(qn("w:gridCol"))
    ]
    assert docx_widths[1] >= 50 * 20


def test_column_widths_fit_the_longest_word_of_their_cells():
    from pipeline.render import briefing as b
    from pipeline.render.widths import fitted_widths

    table = b.Table(["Country", "Authorities", "#"], [["Mongolia", "Tov Province", "2 наблюдателя"]], [0.2, 0.72, 0.08])
    widths = fitted_widths(table.columns, table.widths, 480, rows=table.rows)
    assert abs(sum(widths) - 1) < 1e-9 and widths[2] * 480 >= 55  # 'наблюдателя' at 8.5 points, padded
    assert "наблюдателя" in render_pdf_of([b.Title("t", []), table])  # one word, not 'наблюдател я'


def render_pdf_of(blocks) -> str:
    from pipeline.render import briefing as b
    from pipeline.render.pdf import render_pdf

    data = render_pdf(b.Briefing(b.Metadata("t", "s", "a", [], "f.txt", ""), blocks))
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def render_docx_of(blocks) -> bytes:
    from pipeline.render import briefing as b
    from pipeline.render.docx import render_docx

    return render_docx(b.Briefing(b.Metadata("t", "s", "a", [], "f.txt", ""), blocks), document_timestamp())


def _deobfuscated(data: bytes, key: str) -> bytes:
    from pipeline.render.docx.embed import obfuscate

    return obfuscate(data, key)  # (XOR: the same operation undoes it)


def test_docx_embeds_subset_fonts_that_map_every_character_it_uses():
    from reportlab.pdfbase.ttfonts import TTFontFile

    data = render_outputs(RECORDS["near-1996-gyeongju"])[".docx"]
    package = zipfile.ZipFile(io.BytesIO(data))
    font_table = package.read("word/fontTable.xml").decode()
    rels = dict(
        re.findall(r'Id="([^"]+)"[^>]*Target="([^"]+)"', package.read("word/_rels/fontTable.xml.rels").decode())
    )
    embeds = re.findall(r'<w:font w:name="([^"]+)">.*?</w:font>', font_table)
    assert {"Noto Sans", "WenQuanYi Micro Hei"} <= set(embeds)
    assert "<w:embedTrueTypeFonts/>" in package.read("word/settings.xml").decode()
    maps = {}
    for family, face, rel, key in re.findall(
        r'<w:font w:name="([^"]+)">(?:(?!</w:font>).)*?<w:embed(\w+) r:id="([^"]+)" w:fontKey="([^"]+)"/>', font_table
    ):
        font = _deobfuscated(package.read("word/" + rels[rel]), key)
        maps[(family, face)] = TTFontFile(io.BytesIO(font), validate=1).charToGlyph
    assert all(maps[("WenQuanYi Micro Hei", "Regular")].get(ord(ch)) for ch in "경상북도")
    assert all(maps[("Noto Sans", "Regular")].get(ord(ch)) for ch in "Gyeongju Hilton")
    assert len(data) < 200_000  # subsets, not whole fonts (WenQuanYi Micro Hei alone is megabytes)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_shows_the_embedded_cjk_without_the_fonts_installed(tmp_path):
    """This machine has no CJK font (fc-list): LibreOffice can only draw 경상북도 from the DOCX's own."""
    (tmp_path / "g.docx").write_bytes(render_outputs(RECORDS["near-1996-gyeongju"])[".docx"])
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "g.docx"),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    fonts = subprocess.run(["pdffonts", str(tmp_path / "g.pdf")], capture_output=True, text=True).stdout
    assert "WenQuanYiMicroHei" in fonts and "NotoSans-Regular" in fonts
    text = subprocess.run(["pdftotext", str(tmp_path / "g.pdf"), "-"], capture_output=True, text=True).stdout
    assert "경상북도" in text


@pytest.mark.parametrize("font", ["NotoSans", "NotoSans-Bold", "WenQuanYiMicroHei", "NotoEmoji"])
def test_fast_subsets_are_reportlabs_bytes(font):
    """The faster subsetter gives exactly what reportlab's own makeSubset gives, for sets of
    characters of every size, composites (Hangul) and characters the font lacks included."""
    import random

    from reportlab.pdfbase.ttfonts import TTFontFace

    from pipeline.render.fonts import register
    from pipeline.render.subset import FastSubsets

    face = register(font).face
    fast = FastSubsets(face)
    covered = sorted(face.charToGlyph)
    hangul = [code for code in covered if 0xAC00 <= code <= 0xD7A3]
    rng = random.Random(font)
    for size in (1, 2, 17, 96, 255):
        codes = rng.sample(covered, min(size, len(covered)))
        codes += [*rng.sample(hangul, min(size, len(hangul))), 0x10FFFD]
        assert fast.make_subset(codes) == TTFontFace.makeSubset(face, codes)


@pytest.mark.parametrize("font", ["NotoSans", "NotoSans-Bold", "WenQuanYiMicroHei"])
def test_the_short_ways_split_strings_as_reportlab_does(font):
    import random

    from reportlab.pdfbase.ttfonts import TTFont

    from pipeline.render.fonts import register

    registered = register(font)
    rng = random.Random(font)

    class Document:  # (reportlab keeps each document's subsets by the document, weakly)
        pass

    for _ in range(200):
        doc = Document()
        strings = ["".join(rng.choice("aZ 09~!é한\u00a0") for _ in range(rng.randint(0, 12))) for _ in range(8)]
        strings += [
            "".join(chr(rng.randint(0xAC00, 0xAC00 + 600)) for _ in range(rng.randint(1, 60))) for _ in range(8)
        ]
        strings += ["".join(chr(rng.randint(0x20, 0x7E)) for _ in range(rng.randint(1, 30))) for _ in range(8)]
        rng.shuffle(strings)
        plain_doc = Document()
        fast = [registered.splitString(text, doc) for text in strings]
        assert fast == [TTFont.splitString(registered, text, plain_doc) for text in strings]


@pytest.mark.parametrize("language", ["en", "ko", "zh", "ru"])
def test_the_font_objects_formatted_once_are_reportlabs_bytes(language, monkeypatch):
    """A briefing whose font subsets' objects come formatted once per process (twice: the
    second time from what the first kept) is byte for byte the one reportlab's own
    ``addObjects`` writes."""
    from reportlab.pdfbase.ttfonts import TTFont

    from pipeline.render.fonts import FAMILIES, register

    briefing = build_briefing(RECORDS["near-1996-gyeongju"], DRAFT, Translator(language))
    kept = [render_pdf(briefing), render_pdf(briefing)]
    for name in FAMILIES:
        font = register(name)
        monkeypatch.setattr(font, "addObjects", TTFont.addObjects.__get__(font))
    assert kept[0] == kept[1] == render_pdf(briefing)


def test_a_string_of_reserved_characters_keeps_its_chunks_for_the_next_briefing():
    """The chunks of a label drawn in a language's reserved codes are kept for the language's
    next briefing; a string with a character of the briefing's own never is (its codes are
    that briefing's)."""
    from pipeline.render.fonts import CJK, _kept_splits, register, reserve

    chinese, cjk = Translator("zh"), register(CJK)

    class Document:
        pass

    label, own = chinese._("Participation"), chinese._("Participation") + "龘"
    first, second = Document(), Document()
    reserve(first, chinese)
    reserve(second, chinese)
    kept = _kept_splits(CJK, chinese.own_characters(), chinese.region_characters())
    chunks = cjk.splitString(label, first)
    assert kept[label] is chunks and cjk.splitString(label, second) is chunks
    cjk.splitString(own, first)
    assert own not in kept
    assert cjk.splitString(own, second) == cjk.splitString(own, first)  # (each document's own code: the first)


def _font_programs(pdf: bytes, family: str) -> list[bytes]:
    """The raw bytes of each embedded subset of ``family`` in a PDF, in page order."""
    reader = PdfReader(io.BytesIO(pdf))
    return [
        font["/FontDescriptor"]["/FontFile2"].get_object().get_data()
        for font in _fonts(reader)
        if family in font["/BaseFont"]
    ]


@pytest.mark.parametrize("language", ["ko", "ja", "zh", "ru"])
def test_a_languages_reserved_subsets_are_the_same_in_every_briefing(language):
    """The characters a language's own words bring take the first subsets of their font
    in every briefing of the language (made once per process); what else a briefing
    draws in that font comes after, and every character still extracts as itself."""
    translator = Translator(language)
    family = "NotoSans" if language == "ru" else "WenQuanYiMicroHei"
    firsts = []
    for name in ("near-1995-khabarovsk", "near-1996-gyeongju", "near-2002-heilongjiang"):
        pdf = render_pdf(build_briefing(RECORDS[name], DRAFT, translator))
        firsts.append(_font_programs(pdf, family)[0])
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        assert translator._("Key facts") in text and translator._("Participation") in text
    assert firsts[0] == firsts[1] == firsts[2]
    extra = render_pdf(build_briefing(RECORDS["near-1996-gyeongju"], DRAFT, Translator("en")))
    assert "경상북도" in "".join(page.extract_text() for page in PdfReader(io.BytesIO(extra)).pages)


def test_the_short_ways_split_strings_as_reportlab_does_after_a_reservation():
    """Past a language's reserved characters (two subsets of them in Chinese) a document's
    own start a subset of their own; the short ways cut strings there as reportlab does."""
    import random

    from reportlab.pdfbase.ttfonts import TTFont

    from pipeline.render.fonts import CJK, register, reserve, reserved_codes

    registered, chinese = register(CJK), Translator("zh")
    reserved = sorted(reserved_codes(chinese, CJK))
    rng = random.Random(5)

    class Document:
        pass

    for _ in range(50):
        doc, plain_doc = Document(), Document()
        reserve(doc, chinese)
        reserve(plain_doc, chinese)
        strings = [
            "".join(chr(rng.choice([*reserved, rng.randint(0x4E00, 0x4E00 + 300)])) for _ in range(rng.randint(1, 40)))
            for _ in range(12)
        ]
        fast = [registered.splitString(text, doc) for text in strings]
        assert fast == [TTFont.splitString(registered, text, plain_doc) for text in strings]
        assert registered.state[doc].subsets == registered.state[plain_doc].subsets


@pytest.mark.parametrize("language", ["ko", "ja", "zh", "ru", "mn"])
def test_every_name_of_a_members_region_in_the_language_has_a_reserved_code(language):
    """In the font of the language's script (Cyrillic's Noto Sans, CJK's WenQuanYi Micro
    Hei). Chinese names of the members' regions have more characters than its first subset
    has room for after its own words: they go on into a second one."""
    from pipeline.render.fonts import BOLD, CJK, REGULAR, font_for, reserved_codes

    translator = Translator(language)
    font = REGULAR if language in ("ru", "mn") else CJK
    names = translator.region_characters()
    in_font = {ord(char) for char in names if not char.isascii() and font_for(char, REGULAR) == font}
    assert in_font and in_font <= reserved_codes(translator, font)
    assert reserved_codes(translator, BOLD) == reserved_codes(translator, REGULAR)
    assert language != "zh" or len(reserved_codes(translator, CJK)) > 255


def test_a_docx_whose_cjk_is_all_shared_embeds_the_languages_subset():
    """A Korean briefing that draws in WenQuanYi Micro Hei only what Korean reserves, or
    the members' region names in Korean, Japanese and Chinese, embeds the language's shared
    subset (one part, the same bytes in every such briefing), which maps all of it; one
    that draws more embeds a subset of its own."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    from pipeline.render.docx import render_docx
    from pipeline.render.docx.embed import shared_codes
    from pipeline.render.fonts import CJK, reserved_codes

    korean = Translator("ko")
    timestamp = document_timestamp()

    def cjk_part(record: Any) -> tuple[str, dict[int, int]]:
        package = zipfile.ZipFile(io.BytesIO(render_docx(build_briefing(record, DRAFT, korean), timestamp)))
        table = package.read("word/fontTable.xml").decode()
        rels = dict(
            re.findall(r'Id="([^"]+)"[^>]*Target="([^"]+)"', package.read("word/_rels/fontTable.xml.rels").decode())
        )
        rel, key = re.search(
            r'<w:font w:name="WenQuanYi Micro Hei">.*?<w:embedRegular r:id="([^"]+)" w:fontKey="([^"]+)"/>', table
        ).groups()
        font = _deobfuscated(package.read("word/" + rels[rel]), key)
        return rels[rel], TTFontFile(io.BytesIO(font), validate=1).charToGlyph

    assert shared_codes(korean, CJK) > reserved_codes(korean, CJK)
    for name in ("near-1996-gyeongju", "near-1998-toyama"):  # (toyama's venue: 富山県)
        shared, mapped = cjk_part(RECORDS[name])
        assert shared == f"fonts/shared-{CJK}.odttf"
        assert set(mapped) - {0xFFFF} == shared_codes(korean, CJK)  # (and format 4's last segment)
    toyama = RECORDS["near-1998-toyama"]
    own, mapped = cjk_part(toyama.model_copy(update={"title": f"{toyama.title} 龘"}))
    assert own.startswith("fonts/font") and ord("龘") in mapped and ord("龘") not in shared_codes(korean, CJK)


def test_a_languages_shared_docx_subset_is_made_once_however_many_subsets_come_between(monkeypatch):
    """The documents' own subsets (a dozen per record in six languages) do not push a
    language's shared subset out of what the process keeps: it is made once."""
    from pipeline.render.docx import embed, render_docx
    from pipeline.render.fonts import CJK

    made: list[str] = []
    monkeypatch.setattr(embed, "unicode_subset", lambda font, codes: made.append(font) or b"font" * 20)
    embed._shared_subset.cache_clear()
    embed._obfuscated.cache_clear()
    timestamp, korean = document_timestamp(), Translator("ko")
    gyeongju = RECORDS["near-1996-gyeongju"]
    for number in range(40):  # each title a letter of its own (Latin Extended Additional): a new subset each time
        record = gyeongju.model_copy(update={"title": f"{gyeongju.title} {chr(0x1E00 + number)}"})
        render_docx(build_briefing(record, DRAFT, korean), timestamp)
    assert made.count(CJK) == 1 and made.count("NotoSans") == 40


def test_an_other_sections_hard_wrapped_paragraph_is_one_paragraph_and_its_list_stays_a_list():
    from pipeline import read_bytes
    from pipeline.parser.sections import parse
    from pipeline.render.briefing import Paragraph, build_briefing

    text = (
        "The Mayors' Forum\n· Overview\nPeriod: 2009\n· Contents\n▷ Reports\n· Forum Report\n"
        "In the afternoon a round table moderated by a professor of the China University of Mining and\n"
        "Technology compared the research on subsidence. Researchers of the Harbin Institute of\n"
        "Technology agreed to exchange data.\n"
        "Group photo in front of the Blue Sky Tower\n"
        "Visit to the Chinggis Khaan Equestrian Statue\n"
    )
    record = parse(read_bytes(text.encode(), "forum.txt"))
    verbatim = [b.text for b in build_briefing(record).blocks if isinstance(b, Paragraph) and b.style == "verbatim"]
    assert verbatim == [
        "In the afternoon a round table moderated by a professor of the China University of Mining and "
        "Technology compared the research on subsidence. Researchers of the Harbin Institute of "
        "Technology agreed to exchange data.",
        "Group photo in front of the Blue Sky Tower",
        "Visit to the Chinggis Khaan Equestrian Statue",
    ]
