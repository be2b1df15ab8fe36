"""The briefing book as a publication, read back: cover, contents against the footers and
page labels, one numbering, the matrix by year and label, '(continued)', dates."""

from __future__ import annotations

import datetime
import io
import random
import re
import shutil

import pytest
from docx import Document
from pypdf import PdfReader

from pipeline import BuildOptions, build
from pipeline.builder import book as bk
from pipeline.builder.index import IndexEntry, Participant
from pipeline.render.pdf import render_pdf
from pipeline.settings import Settings
from tests.conftest import SAMPLES, copy_samples

EDITION = datetime.date(2026, 3, 4)
SETTINGS = Settings.from_mapping({"edition": {"date": EDITION}, "association": {"short_name": "NEAR"}})


def untagged(records):
    return records


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    raw = copy_samples(tmp_path_factory.mktemp("raw"))
    out = tmp_path_factory.mktemp("out")
    summary = build(BuildOptions(raw, out, jobs=1, settings=SETTINGS), tagger=untagged)
    assert summary.ok
    return raw, out


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_cover_contents_and_footers_agree_with_the_page_labels(built):
    _, out = built
    reader = PdfReader(out / "briefing-book.pdf")
    pages = [squash(page.extract_text()) for page in reader.pages]
    total = len(pages)
    # the cover: association, title, edition date, meetings and years
    assert pages[0].startswith("Association of North East Asia Regional Governments (NEAR) NEAR conference briefings")
    assert "Edition of 4 March 2026" in pages[0] and "7 meetings, 1995-2021" in pages[0]
    assert "page" not in pages[0]
    # one numbering, cover to end: the footer and the page label of every page say its place in the book
    assert reader.page_labels == [str(number) for number in range(1, total + 1)]
    for number, text in enumerate(pages[1:], 2):
        assert text.endswith(f"edition of 4 March 2026 page {number} of {total}"), text[-80:]
        assert len(re.findall(r"page \d+ of \d+", text)) == 1  # no part's own footer left under it
    # the contents list every part, the timeline and the matrix included, at the pages they are on
    ordered = bk.in_date_order(_entries(out))
    titles = [entry.title for entry in ordered]
    periods = [bk.b.period_in_words(*bk._dates(entry)) for entry in ordered]
    parts = [("Timeline", ""), ("Participation matrix", ""), *zip(titles, periods, strict=True)]
    contents = pdf_contents(pages[1], parts)
    assert pages[contents["Timeline"] - 1].startswith("Timeline")
    assert pages[contents["Participation matrix"] - 1].startswith("Participation matrix")
    for title, number in list(contents.items())[2:]:
        assert pages[number - 1].startswith(squash(title)), (title, number)
    # the outline goes to the same pages
    outline = [item for item in reader.outline if not isinstance(item, list)]
    assert [reader.get_destination_page_number(item) + 1 for item in outline[1:]] == list(contents.values())
    # the properties name the association and carry the edition date
    assert reader.metadata["/Author"] == "Association of North East Asia Regional Governments (NEAR)"
    assert reader.metadata["/CreationDate"].startswith("D:20260304")
    assert "edition of 2026-03-04" in reader.metadata["/Subject"]


def pdf_contents(text: str, parts: list[tuple[str, str]]) -> dict[str, int]:
    """{part: page} from the contents page's text, for the (title, period) of each part, in
    the order they are listed: each entry is its title, its period, its page."""
    found, position = {}, 0
    for title, period in parts:
        entry = re.compile(re.escape(squash(f"{title} {period}")) + r" (\d{1,4})(?= |$)")
        match = entry.search(text, position)
        assert match, title
        found[title], position = int(match.group(1)), match.end()
    return found


def _entries(out):
    from pipeline.builder.manifest import Manifest

    manifest = Manifest.load(out)
    assert manifest is not None
    return [entry.summary for entry in manifest.files.values()]


def test_the_matrix_labels_columns_by_year_and_venue_and_counts_attendance(built):
    _, out = built
    entries = bk.in_date_order(_entries(out))
    labels = bk.meeting_labels(entries)
    assert labels[0] == ("1995", "KHA") and labels[2] == ("1998", "TOY")
    part = bk.matrix_part(entries)
    assert part.metadata.landscape
    tables = [block for block in part.blocks if isinstance(block, bk.b.Table)]
    assert all(table.columns[:2] == ["Authority", "Attended"] for table in tables)
    assert tables[0].columns[2:] == [f"{year}\n{letters}" for year, letters in labels]
    # one row per identity: its meetings counted whatever each record calls it
    attended: dict[tuple[str, str], set[str]] = {}
    identity_of: dict[tuple[str, str], str] = {}
    for entry in entries:
        for participant in entry.participants:
            attended.setdefault((participant.country, participant.id), set()).add(entry.file)
            identity_of[(participant.country, participant.name)] = participant.id
    for table in tables:
        for row in table.rows:
            identity = identity_of[(table.heading, row[0])]
            assert int(row[1]) == len(attended[(table.heading, identity)])  # per authority, of all meetings
            assert int(row[1]) == sum(1 for mark in row[2:] if mark)
    reader = PdfReader(out / "briefing-book.pdf")
    page = squash(reader.pages[bk_page(reader, "Participation matrix")].extract_text())
    assert "Authority Attended 1995 KHA 1996 GYE 1998 TOY" in page
    assert "#1" not in page
    width, height = reader.pages[bk_page(reader, "Participation matrix")].mediabox[2:]
    assert width > height  # landscape


def bk_page(reader: PdfReader, starts: str) -> int:
    return next(i for i, page in enumerate(reader.pages) if squash(page.extract_text()).startswith(starts))


def synthetic_entries(count: int, seed: int = 7) -> list[IndexEntry]:
    """``count`` meetings, two or three a year from 1994, each attended by about twenty of
    sixty authorities of five countries."""
    rng = random.Random(seed)
    countries = ["China", "Japan", "Mongolia", "Republic of Korea", "Russian Federation"]
    pool = [(country, f"{country} region {n}") for country in countries for n in range(12)]
    venues = ["Khabarovsk Territory", "Toyama Prefecture", "Gyeongsangbuk-do", "Irkutsk Region", "Heilongjiang"]
    entries = []
    for index in range(count):
        day = datetime.date(1994 + index * 2 // 5, 1 + (index % 3) * 4, 10)
        chosen = rng.sample(pool, 20)
        entries.append(
            IndexEntry(
                f"meeting-{index:04d}.txt",
                f"Meeting {index + 1}",
                None,
                day.isoformat(),
                day.isoformat(),
                f"{rng.choice(venues)}, Hall",
                None,
                None,
                None,
                20,
                0,
                5,
                (),
                tuple(Participant(country, name, "member", f"name:{name.lower()}") for country, name in chosen),
            )
        )
    return entries


@pytest.mark.parametrize(("meetings", "most_pages"), [(10, 3), (50, 9), (200, 33)])
def test_the_matrix_stays_proportionate(meetings, most_pages):
    """Pages of the matrix at 10, 50 and 200 meetings (the README gives them): runs of
    consecutive meetings, as many across a landscape page as stay legible."""
    entries = synthetic_entries(meetings)
    part = bk.matrix_part(entries)
    pages = len(PdfReader(io.BytesIO(render_pdf(part))).pages)
    assert pages <= most_pages
    columns = bk.matrix_columns("a4")
    assert columns >= 18
    runs = bk.periods(bk.in_date_order(entries), columns)
    assert [i for run in runs for i in run] == list(range(meetings))  # consecutive, every meeting once
    assert all(len(run) <= columns for run in runs)
    if meetings > columns:  # each run under its years, never a position index
        headings = [block.text for block in part.blocks if isinstance(block, bk.b.Heading) and block.level == 2]
        assert len(headings) == len(runs) and all(re.fullmatch(r"Meetings \d{4}(-\d{4})?", h) for h in headings)


def test_a_country_group_that_runs_onto_another_page_is_continued_under_its_heading():
    entries = synthetic_entries(12)
    many = [
        entry._replace(
            participants=tuple(
                Participant("Japan", f"Japanese region {n}", "member", f"name:region {n}") for n in range(80)
            )
        )
        for entry in entries
    ]
    text = [squash(page.extract_text()) for page in PdfReader(io.BytesIO(render_pdf(bk.matrix_part(many)))).pages]
    assert len(text) >= 3
    assert all(page.startswith("Japan (continued) Authority Attended") for page in text[1:])


def test_same_inputs_and_edition_give_the_same_bytes_and_a_new_day_rebuilds_nothing(built, tmp_path, monkeypatch):
    raw, out = built
    again = tmp_path / "again"
    build(BuildOptions(raw, again, jobs=1, settings=SETTINGS), tagger=untagged)
    for name in ("briefing-book.pdf", "briefing-book.docx", "near-1995-khabarovsk.pdf", "near-1995-khabarovsk.docx"):
        assert (again / name).read_bytes() == (out / name).read_bytes(), name
    # without a date in the settings: today; the next day, nothing is rebuilt, the book neither
    today = tmp_path / "today"
    build(BuildOptions(raw, today, jobs=1), tagger=untagged)
    book = (today / "briefing-book.pdf").read_bytes()
    monkeypatch.setattr("pipeline.builder.runner.edition_date", lambda settings: datetime.date(2031, 1, 1))
    summary = build(BuildOptions(raw, today, jobs=1), tagger=untagged)
    assert summary.count(bk_status("built")) == 0 and (today / "briefing-book.pdf").read_bytes() == book
    # a date set in the settings makes a new book, and no briefing
    dated = Settings.from_mapping({"edition": {"date": "2031-01-01"}})
    summary = build(BuildOptions(raw, today, jobs=1, settings=dated), tagger=untagged)
    assert summary.count(bk_status("built")) == 0
    assert "Edition of 1 January 2031" in PdfReader(today / "briefing-book.pdf").pages[0].extract_text()


def bk_status(name: str):
    from pipeline.builder.report import FileStatus

    return FileStatus(name)


def test_the_docx_book_has_the_cover_the_matrix_on_landscape_pages_and_the_edition(built):
    _, out = built
    document = Document(str(out / "briefing-book.docx"))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Association of North East Asia Regional Governments (NEAR)"
    assert "Edition of 4 March 2026" in texts
    orientations = [section.orientation for section in document.sections]
    assert len(orientations) == 3 and orientations[1] == 1 and orientations[0] == orientations[2] == 0
    assert document.core_properties.created == datetime.datetime(2026, 3, 4, tzinfo=datetime.UTC)
    assert document.core_properties.author == "Association of North East Asia Regional Governments (NEAR)"


def test_the_docx_book_contents_are_filled_in_and_word_updates_them_on_opening(built):
    import zipfile

    _, out = built
    package = zipfile.ZipFile(out / "briefing-book.docx")
    assert '<w:updateFields w:val="true"/>' in package.read("word/settings.xml").decode()
    document = Document(str(out / "briefing-book.docx"))
    texts = [p.text for p in document.paragraphs]
    pdf_pages = [squash(page.extract_text()) for page in PdfReader(out / "briefing-book.pdf").pages]
    entries = [text for text in texts if re.fullmatch(r".+\t\d+", text)]
    assert entries[0] == "Timeline\t3" and entries[1].startswith("Participation matrix\t")
    ordered = bk.in_date_order(_entries(out))
    assert len(entries) == 2 + len(ordered)
    for entry, record in zip(entries[2:], ordered, strict=True):
        title, page = entry.rsplit("\t", 1)
        assert title.startswith(record.title)
        assert pdf_pages[int(page) - 1].startswith(squash(record.title))  # the PDF book's pages


SVG_LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60">'
    '<rect width="120" height="60" fill="#1d4e89"/><circle cx="30" cy="30" r="20" fill="#f2c14e"/></svg>'
)


@pytest.mark.parametrize(("suffix", "size"), [(".png", (120, 60)), (".jpg", (120, 60)), (".svg", (1200, 600))])
def test_the_logo_from_the_settings_is_on_the_cover_of_both_books(tmp_path, suffix, size):
    from PIL import Image

    from pipeline.cli import main

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLES[0], raw)
    if suffix == ".svg":  # drawn at LOGO_PIXELS wide, its own proportions
        (tmp_path / "logo.svg").write_text(SVG_LOGO, encoding="utf-8")
    else:
        Image.new("RGB", (120, 60), (29, 78, 137)).save(tmp_path / f"logo{suffix}")
    settings = tmp_path / "briefings.toml"
    settings.write_text(f'[association]\nlogo = "logo{suffix}"\n[edition]\ndate = 2026-03-04\n', encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(raw), "--out", str(out), "--settings", str(settings), "--jobs", "1"]) == 0
    cover = PdfReader(out / "briefing-book.pdf").pages[0]
    assert [image.image.size for image in cover.images] == [size]
    document = Document(str(out / "briefing-book.docx"))
    assert document.inline_shapes[0].width > 0  # the first picture, on the cover
    assert "logo" not in "".join(page.extract_text() for page in PdfReader(out / "near-1995-khabarovsk.pdf").pages)


@pytest.mark.parametrize(("name", "content"), [("logo.png", b"not a picture"), ("logo.svg", b"<svg><rect")])
def test_a_logo_that_is_no_image_is_one_line_naming_the_key(tmp_path, capsys, name, content):
    from pipeline.cli import main

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLES[0], raw)
    (tmp_path / name).write_bytes(content)
    settings = tmp_path / "briefings.toml"
    settings.write_text(f'[association]\nlogo = "{name}"\n', encoding="utf-8")
    assert main(["build", str(raw), "--out", str(tmp_path / "out"), "--settings", str(settings)]) == 2
    assert capsys.readouterr().err == f"{settings}:2: association.logo: not a PNG, JPEG or SVG image: {name}\n"
    if name.endswith(".svg"):
        return
    assert not (tmp_path / "out").exists()
    # a logo that stops being one after the settings were read: one line, the book without it
    from pipeline.settings import Settings

    good = Settings.from_mapping({"association": {"logo": "logo.png"}})
    summary = build(BuildOptions(raw, tmp_path / "out", jobs=1, settings=good, settings_dir=tmp_path), tagger=untagged)
    assert summary.errors == [
        f"{tmp_path / 'logo.png'}: cannot read the logo: not a PNG, JPEG or SVG image; the book is made without it"
    ]
    assert not PdfReader(tmp_path / "out" / "briefing-book.pdf").pages[0].images


def test_the_docx_matrix_repeats_each_country_over_its_header_and_its_footer_fits_the_landscape_page(built):
    import zipfile

    from docx.oxml.ns import qn

    _, out = built
    document = Document(str(out / "briefing-book.docx"))
    matrix = [table for table in document.tables if table.rows[1].cells[0].text == "Authority"]
    assert matrix
    for table in matrix:
        first, header = table.rows[0], table.rows[1]
        assert len({id(cell._tc) for cell in first.cells}) == 1  # one cell across: the country
        assert first.cells[0].text in {p.country for e in _entries(out) for p in e.participants}
        for row in (first, header):
            assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
    package = zipfile.ZipFile(out / "briefing-book.docx")
    document_xml = package.read("word/document.xml").decode()
    rels = package.read("word/_rels/document.xml.rels").decode()
    landscape = re.search(
        r'<w:footerReference w:type="default" r:id="([^"]+)"/><w:pgSz [^>]*w:orient="landscape"', document_xml
    )
    target = re.search(rf'Id="{landscape.group(1)}"[^>]*Target="([^"]+)"', rels).group(1)
    width = int(re.search(r'<w:pgSz w:w="(\d+)" w:h="\d+" w:orient="landscape"', document_xml).group(1))
    tab = int(re.search(r'<w:tab w:val="right" w:pos="(\d+)"/>', package.read(f"word/{target}").decode()).group(1))
    assert tab == width - 2 * round(20 * 20 * 72 / 25.4)  # the landscape text width: 20 mm margins
