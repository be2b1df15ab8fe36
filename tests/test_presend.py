"""Sent vs draft briefings, the pre-send report (checks.pdf and the terminal), and no lost edits."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from pipeline import BuildOptions, build
from pipeline.builder.report import CheckStatus, FileResult, FileStatus, Summary
from pipeline.record import record_from_json
from pipeline.render.outputs import render_outputs
from pipeline.settings import Settings
from tests.conftest import GOLDEN, SAMPLES, run

RECORDS = {path.stem: record_from_json(path.read_text(encoding="utf-8")) for path in sorted(GOLDEN.glob("*.json"))}
DRAFT = Settings.from_mapping({"edition": {"draft": True}})
NEEDS_CHECKING = "near-2014-irkutsk"  # "The text has no Declaration section."


def untagged(records):
    return records


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_a_sent_briefing_carries_no_internal_marks():
    record = RECORDS[NEEDS_CHECKING]
    outputs = render_outputs(record)
    text = "\n".join(pages_text(outputs[".pdf"]))
    for mark in ("Check before use", "Data check passed", "Data notes", "sha256", "DRAFT", record.source.sha256[:12]):
        assert mark not in text
    assert "no Declaration section" not in text
    pages = pages_text(outputs[".pdf"])
    for number, page in enumerate(pages, 1):
        assert "Association of North East Asia Regional Governments (NEAR)" in page
        assert f"page {number} of {len(pages)}" in page
    document = Document(io.BytesIO(outputs[".docx"]))
    words = "\n".join(p.text for p in document.paragraphs)
    words += "\n".join(p.text for section in document.sections for p in section.footer.paragraphs)
    assert "Check before use" not in words and "sha256" not in words and "DRAFT" not in words


def test_a_draft_carries_the_notes_with_their_lines_and_a_draft_mark():
    record = RECORDS["near-2002-heilongjiang"]
    outputs = render_outputs(record, settings=DRAFT)
    pages = pages_text(outputs[".pdf"])
    assert pages[0].startswith("DRAFT")
    squashed = re.sub(r"\s+", "", "".join(pages))
    assert "Checkbeforeuse" in squashed
    for note in record.notes:
        shown = f"line {note.line}: {note.message}" if note.line else note.message
        assert re.sub(r"\s+", "", shown) in squashed
    for page in pages:
        assert re.search(r"DRAFT · near-2002-heilongjiang\.txt · sha256 [0-9a-f]{12}\s+page \d+ of \d+", page)
    # the mark across each page is a picture, never text a reader copies
    reader = PdfReader(io.BytesIO(outputs[".pdf"]))
    assert all(page.images for page in reader.pages)
    document = Document(io.BytesIO(outputs[".docx"]))
    assert document.paragraphs[0].text.startswith("DRAFT")
    footer = "".join(p.text for p in document.sections[0].footer.paragraphs)
    assert footer.startswith("DRAFT · near-2002-heilongjiang.txt · sha256")


def _raw(tmp_path, names):
    folder = tmp_path / "raw"
    folder.mkdir(exist_ok=True)
    for sample in SAMPLES:
        if sample.stem in names:
            shutil.copy(sample, folder)
    return folder


def test_checks_pdf_and_the_terminal_report_give_each_status_and_every_note(tmp_path):
    raw, out = _raw(tmp_path, {"near-1995-khabarovsk", "near-1998-toyama", NEEDS_CHECKING}), tmp_path / "out"
    first = build(BuildOptions(raw, out, jobs=1), tagger=untagged)
    assert {r.file: r.check_status for r in first.results} == dict.fromkeys(
        ["near-1995-khabarovsk.txt", "near-1998-toyama.txt", f"{NEEDS_CHECKING}.txt"], CheckStatus.NEW
    )
    # change one, add one, break one
    seed = raw / "near-1995-khabarovsk.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    shutil.copy(next(s for s in SAMPLES if s.stem == "near-2002-heilongjiang"), raw)
    (raw / "broken.txt").write_bytes(b"")
    result = run("build", str(raw), "--out", str(out), "--jobs", "1")
    lines = result.stderr.splitlines()
    report = lines[lines.index("3 of 4 briefings need checking before they are sent; 1 failed") : -1]
    assert report[1].startswith("  near-1995-khabarovsk.txt (changed): Overview states 21 regional authorities")
    assert report[2].startswith("  near-2002-heilongjiang.txt (new): The period ends (2002-09-10) before it starts")
    assert " · Overview states 24 regional authorities" in report[2]  # each note to check, in one line
    assert report[3] == f"  {NEEDS_CHECKING}.txt (unchanged): The text has no Declaration section."
    assert report[4] == f"  every briefing and note: {out / 'checks.pdf'}"

    pages = pages_text((out / "checks.pdf").read_bytes())
    text = "\n".join(pages)
    assert " ".join(text.split()).startswith("3 of 4 briefings need checking before they are sent; 1 failed")
    squashed = re.sub(r"\s+", "", text)
    rows = {
        "broken.txt": "failed",
        "near-1995-khabarovsk.txt": "changedcheck",
        "near-1998-toyama.txt": "unchangednonotes",
        "near-2002-heilongjiang.txt": "newcheck",
        f"{NEEDS_CHECKING}.txt": "unchangedcheck",
    }
    for name, status in rows.items():  # one row per text: its name, status, whether to check
        assert squashed.count(name + status) == 1, name
    squashed = re.sub(r"\s+", "", text)
    heilongjiang = record_from_json((out / "near-2002-heilongjiang.json").read_text(encoding="utf-8"))
    for note in heilongjiang.notes:  # every note, with its line
        shown = f"line {note.line}: {note.message}" if note.line else note.message
        assert re.sub(r"\s+", "", shown) in squashed
    assert "broken.txt:1:thefileisempty" in squashed


def test_draft_from_the_command_line_rebuilds_with_the_notes_and_back(tmp_path):
    raw, out = _raw(tmp_path, {NEEDS_CHECKING}), tmp_path / "out"
    assert run("build", str(raw), "--out", str(out)).returncode == 0
    assert "Check before use" not in "".join(pages_text((out / f"{NEEDS_CHECKING}.pdf").read_bytes()))
    drafted = run("build", str(raw), "--out", str(out), "--draft")
    assert "1 built" in drafted.stderr.splitlines()[-1]
    assert "Check before use" in "".join(pages_text((out / f"{NEEDS_CHECKING}.pdf").read_bytes()))
    sent = run("build", str(raw), "--out", str(out))
    assert "1 built" in sent.stderr.splitlines()[-1]
    assert "Check before use" not in "".join(pages_text((out / f"{NEEDS_CHECKING}.pdf").read_bytes()))


def test_an_edited_docx_is_moved_to_edited_never_lost(tmp_path):
    raw, out = _raw(tmp_path, {"near-1995-khabarovsk", "near-1998-toyama"}), tmp_path / "out"
    build(BuildOptions(raw, out, jobs=1), tagger=untagged)
    docx = out / "near-1995-khabarovsk.docx"
    document = Document(docx)
    document.add_paragraph("A paragraph the secretariat added in Word.")
    document.save(docx)
    edited_bytes = docx.read_bytes()
    seed = raw / "near-1995-khabarovsk.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("Conference", "Conference ", 1), encoding="utf-8")

    result = run("build", str(raw), "--out", str(out), "--jobs", "1")
    kept = list((out / "edited").iterdir())
    assert len(kept) == 1
    assert re.fullmatch(r"near-1995-khabarovsk\.\d{8}T\d{6}Z\.docx", kept[0].name)
    assert kept[0].read_bytes() == edited_bytes  # the edit, whole
    assert "A paragraph the secretariat added in Word." in [p.text for p in Document(kept[0]).paragraphs]
    line = f"near-1995-khabarovsk.docx: changed since the build wrote it; kept as edited/{kept[0].name}"
    assert result.stderr.count(line) == 2  # when moved, and in the report at the end
    assert docx.read_bytes() != edited_bytes  # a new briefing in its place
    assert "A paragraph the secretariat added in Word." not in [p.text for p in Document(docx).paragraphs]
    text = re.sub(r"\s+", "", "".join(pages_text((out / "checks.pdf").read_bytes())))
    assert re.sub(r"\s+", "", f"near-1995-khabarovsk.docx edited/{kept[0].name}") in text


def test_an_edited_pdf_of_a_removed_text_is_kept_and_edits_never_overwrite_each_other(tmp_path):
    raw, out = _raw(tmp_path, {"near-1995-khabarovsk", "near-1998-toyama"}), tmp_path / "out"
    build(BuildOptions(raw, out, jobs=1), tagger=untagged)
    pdf = out / "near-1998-toyama.pdf"
    pdf.write_bytes(pdf.read_bytes() + b"% annotated\n")
    book = out / "briefing-book.docx"
    book.write_bytes(book.read_bytes() + b"edited")
    (raw / "near-1998-toyama.txt").unlink()
    summary = build(BuildOptions(raw, out, jobs=1), tagger=untagged)
    assert sorted(edited.name for edited in summary.edited) == ["briefing-book.docx", "near-1998-toyama.pdf"]
    assert not pdf.exists()  # its raw text is gone: its outputs go, the edited one to edited/
    kept = sorted(path.name for path in (out / "edited").iterdir())
    assert len(kept) == 2 and kept[1].startswith("near-1998-toyama.") and kept[1].endswith(".pdf")
    assert (out / "edited" / kept[1]).read_bytes().endswith(b"% annotated\n")
    # the same output edited again within the same second: a second name, nothing overwritten
    index = out / "near-1995-khabarovsk.pdf"
    for _ in range(2):
        index.write_bytes(index.read_bytes() + b"% again\n")
        build(BuildOptions(raw, out, jobs=1), tagger=untagged)
    assert len([p for p in (out / "edited").iterdir() if p.name.startswith("near-1995-khabarovsk.")]) == 2


def test_dist_never_replaces_a_bundle_of_the_same_day(tmp_path):
    from pipeline.builder.dist import write_bundle

    raw, out = _raw(tmp_path, {"near-1995-khabarovsk", "near-1998-toyama"}), tmp_path / "out"
    build(BuildOptions(raw, out, jobs=1), tagger=untagged)
    dist = tmp_path / "dist"
    first = run("dist", str(out), "--dist", str(dist))
    assert first.returncode == 0 and first.stdout.strip().endswith(".zip")
    earlier = Path(first.stdout.strip()).read_bytes()
    second = run("dist", str(out), "--dist", str(dist))
    assert second.stdout.strip() != first.stdout.strip()
    assert second.stdout.strip().endswith("-2.zip")
    assert Path(first.stdout.strip()).read_bytes() == earlier  # still there, as it was
    third = write_bundle(out, dist)
    assert third.name.endswith("-3.zip") and len(list(dist.glob("*.zip"))) == 3
    names = zipfile.ZipFile(third).namelist()
    assert [name for name in names if name.endswith(".docx")] == ["briefing-book.docx"]  # no briefing's DOCX
    with_docx = write_bundle(out, dist, settings=Settings.from_mapping({"dist": {"docx": True}}))
    names = zipfile.ZipFile(with_docx).namelist()
    assert {"near-1995-khabarovsk.docx", "briefing-book.docx"} <= set(names)


def test_dist_country_bundles_the_meetings_its_authorities_attended(tmp_path):
    raw = _raw(tmp_path, {"near-1995-khabarovsk", "near-2014-irkutsk", "near-2021-pohang"})
    out, dist = tmp_path / "out", tmp_path / "dist"
    build(BuildOptions(raw, out, jobs=1), tagger=untagged)
    index = {record["file"]: record for record in _index(out)}
    from pipeline.builder.manifest import Manifest

    manifest = Manifest.load(out)
    attended = sorted(
        entry.summary.stem
        for entry in manifest.files.values()
        if any(p.country == "Vietnam" for p in entry.summary.participants)
    )
    assert attended == ["near-2021-pohang"] and len(index) == 3
    for spelling in ("VN", "vn", "Vietnam", "Viet Nam"):
        result = run("dist", str(out), "--dist", str(dist), "--country", spelling)
        assert result.returncode == 0, result.stderr
        bundle = zipfile.ZipFile(result.stdout.strip())
        assert re.search(r"briefings-VN-\d{4}-\d{2}-\d{2}(-\d+)?\.zip$", result.stdout.strip())
        assert sorted(name for name in bundle.namelist() if name.startswith("near-")) == ["near-2021-pohang.pdf"]
        assert [r["file"] for r in json.loads(bundle.read("index.json"))["records"]] == ["near-2021-pohang.txt"]
        book = PdfReader(io.BytesIO(bundle.read("briefing-book.pdf")))
        cover = " ".join(book.pages[0].extract_text().split())
        assert "1 meeting, 2021" in cover and "attended by authorities of Vietnam" in cover
        titles = [item.title for item in book.outline if not isinstance(item, list)]
        assert titles[-1] == index["near-2021-pohang.txt"]["title"]
        for line in bundle.read("SHA256SUMS").decode().splitlines():
            digest, name = line.split("  ")
            assert hashlib.sha256(bundle.read(name)).hexdigest() == digest
    korea = zipfile.ZipFile(run("dist", str(out), "--dist", str(dist), "--country", "KR").stdout.strip())
    assert len([name for name in korea.namelist() if name.startswith("near-")]) == 3
    unknown = run("dist", str(out), "--dist", str(dist), "--country", "Narnia")
    assert unknown.returncode == 1
    assert unknown.stderr == f"{out}: --country Narnia: not a country code or name (KR, JP, 'Republic of Korea')\n"
    nobody = run("dist", str(out), "--dist", str(dist), "--country", "FR")
    assert nobody.returncode == 1 and "no meeting" in nobody.stderr and len(nobody.stderr.splitlines()) == 1


def _index(out):
    return json.loads((out / "index.json").read_text(encoding="utf-8"))["records"]


def test_plain_wording_of_participation_and_counts():
    record = RECORDS["near-1995-khabarovsk"]
    text = " ".join("\n".join(pages_text(render_outputs(record)[".pdf"])).split())
    assert (
        "The overview states 21 authorities from 4 countries; the list names 18 authorities from 4 countries." in text
    )
    assert "stated from" not in text and "obs." not in text
    gyeongju = " ".join("\n".join(pages_text(render_outputs(RECORDS["near-2010-gyeonggi"])[".pdf"])).split())
    assert re.search(r"\d+ and \d+ observers?\b", gyeongju)  # a country's count with its observers, in words


def test_the_index_of_names_is_compact_and_can_be_left_out():
    record = RECORDS["near-1995-khabarovsk"]
    pages = pages_text(render_outputs(record)[".pdf"])
    text = "\n".join(pages)
    index = text[text.index("Index of names") :]
    squashed = re.sub(r"\s+", "", index)
    for entity in record.entities:  # every place and organization, with its code
        assert re.sub(r"\s+", "", entity.name) in squashed
    countries = {entity.country for entity in record.entities if entity.kind == "place"}
    rows = len(countries) + any(entity.kind == "organization" for entity in record.entities)
    lines = [line for line in index.splitlines()[1:] if line.strip() and not line.startswith("In brackets")]
    assert len(lines) <= 4 * rows  # one row per country, wrapped: not one line per name
    assert len(record.entities) > 2 * rows
    without = Settings.from_mapping({"briefing": {"index_of_names": False}})
    assert "Index of names" not in "\n".join(pages_text(render_outputs(record, settings=without)[".pdf"]))


def test_an_edited_folder_that_is_a_symlink_is_never_written_through(tmp_path):
    raw, out = _raw(tmp_path, {"near-1995-khabarovsk"}), tmp_path / "out"
    build(BuildOptions(raw, out, jobs=1), tagger=untagged)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (out / "edited").symlink_to(elsewhere)
    docx = out / "near-1995-khabarovsk.docx"
    docx.write_bytes(docx.read_bytes() + b"edited")
    result = run("build", str(raw), "--out", str(out))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"error: {out / 'edited'}: edited is not a folder; move it away to keep edited outputs"
    ]
    assert not list(elsewhere.iterdir())  # nothing written through the link
    assert docx.read_bytes().endswith(b"edited")  # and the edit is where it was


@pytest.mark.parametrize(
    ("needing", "built", "line"),
    [
        (1, 1, "1 of 1 briefing needs checking before it is sent"),
        (0, 1, "0 of 1 briefing needs checking before it is sent"),
        (1, 3, "1 of 3 briefings needs checking before they are sent"),
        (2, 3, "2 of 3 briefings need checking before they are sent"),
    ],
)
def test_the_report_line_agrees_with_its_counts(needing, built, line):
    results = [FileResult(f"t{i}.txt", FileStatus.BUILT, needs_checking=i < needing) for i in range(built)]
    assert Summary(results).checking_line() == line
