"""The build at archive scale: incremental, isolated, atomic, locked; index, book, dist, watch."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile

from docx import Document
from pypdf import PdfReader

from pipeline.archive.store import CHECKED_NAME
from pipeline.builder.settled import SETTLED_NAME
from pipeline.outdir import WITNESS_NAME
from pipeline.site import DIGESTS_NAME
from tests.conftest import ROOT, SAMPLES, run, summary_counts
from tools.synthetic import random_spec, random_style, render


def test_incremental_rebuilds_only_what_changed(raw_dir, tmp_path):
    out = tmp_path / "out"
    first = run("build", str(raw_dir), "--out", str(out))
    assert first.returncode == 0, first.stderr
    assert summary_counts(first.stderr.splitlines()[-1]) == (7, 0, 0, 0)
    stamps = {path.name: path.stat().st_mtime_ns for path in out.iterdir()}

    again = run("build", str(raw_dir), "--out", str(out))
    assert summary_counts(again.stderr.splitlines()[-1]) == (0, 7, 0, 0)
    assert {path.name: path.stat().st_mtime_ns for path in out.iterdir()} == stamps

    seed = raw_dir / "near-1995-khabarovsk.txt"
    seed.write_bytes(seed.read_bytes().replace(b"21 regional authorities", b"18 regional authorities"))
    (raw_dir / "near-2021-pohang.txt").unlink()
    (out / "near-2014-irkutsk.pdf").unlink()
    third = run("build", str(raw_dir), "--out", str(out))
    assert summary_counts(third.stderr.splitlines()[-1]) == (2, 4, 1, 0)
    assert not list(out.glob("near-2021-pohang.*"))
    record = json.loads((out / "near-1995-khabarovsk.json").read_text())
    assert record["notes"] == []
    index = json.loads((out / "index.json").read_text())
    assert [r["file"] for r in index["records"]] == sorted(
        (p.name for p in raw_dir.glob("*.txt")), key=lambda name: name
    )  # date order = file order here


# What a build with nothing to do never imports: the model, the writers and what decides a
# briefing's blocks, the parser, and the process pool (a user runs such builds most often).
NOT_FOR_A_NO_OP = (
    "spacy",
    "reportlab",
    "pipeline.render.briefing",
    "pipeline.parser.dates",
    "multiprocessing",
    "importlib.metadata",
)


def test_a_build_with_nothing_to_do_never_imports_spacy(raw_dir, tmp_path):
    out = tmp_path / "out"
    assert run("build", str(raw_dir), "--out", str(out)).returncode == 0
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from pipeline.builder.runner import BuildOptions, build\n"
        f"summary = build(BuildOptions(Path({str(raw_dir)!r}), Path({str(out)!r})))\n"
        f"print(summary.count('unchanged'), *[name for name in {NOT_FOR_A_NO_OP!r} if name in sys.modules])\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.stdout.split() == ["7"]


def test_bad_file_is_isolated_and_retried(raw_dir, tmp_path):
    out = tmp_path / "out"
    (raw_dir / "broken.txt").write_text("nothing to see\n")
    result = run("build", str(raw_dir), "--out", str(out))
    assert result.returncode == 1
    assert "broken.txt:1: no recognisable structure" in result.stderr
    assert summary_counts(result.stderr.splitlines()[-1]) == (7, 0, 0, 1)
    shutil.copy(SAMPLES[0], raw_dir / "broken.txt")
    fixed = run("build", str(raw_dir), "--out", str(out))
    assert fixed.returncode == 0
    assert summary_counts(fixed.stderr.splitlines()[-1])[:2] == (1, 7)


def _synthetic_raw(folder, count):
    import random

    rng = random.Random(5)
    folder.mkdir()
    for index in range(count):
        (folder / f"near-synthetic-{index:03d}.txt").write_text(render(random_spec(rng, index + 1), random_style(rng)))


def _all_outputs_complete(out):
    for pdf in out.glob("near-*.pdf"):
        assert len(PdfReader(pdf).pages) >= 1
    for docx in out.glob("near-*.docx"):
        Document(str(docx))
    for record in out.glob("near-*.json"):
        json.loads(record.read_text())


def test_killed_build_leaves_complete_files_and_the_next_build_repairs(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    _synthetic_raw(raw, 40)
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "build", str(raw), "--out", str(out), "--jobs", "2"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.time() + 120
    while time.time() < deadline and len(list(out.glob("near-*.pdf"))) < 5:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    _all_outputs_complete(out)
    repaired = run("build", str(raw), "--out", str(out))
    assert repaired.returncode == 0, repaired.stderr
    assert not list(out.glob(".*.tmp"))
    assert len(list(out.glob("near-*.pdf"))) == 40
    _all_outputs_complete(out)
    manifest = json.loads((out / ".manifest.json").read_text())
    assert len(manifest["files"]) == 40


def test_ctrl_c_stops_a_parallel_build_at_once_in_one_line(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    _synthetic_raw(raw, 40)
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "build", str(raw), "--out", str(out), "--jobs", "2"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.time() + 120
    while time.time() < deadline and len(list(out.glob("near-*.pdf"))) < 5:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole process group
    interrupted = time.time()
    stderr = process.communicate(timeout=60)[1]
    assert time.time() - interrupted < 10  # the slices being built finish; the queued ones are dropped
    assert process.returncode == 130
    assert "Traceback" not in stderr
    assert stderr.splitlines()[-1].startswith("interrupted: ")
    assert len(list(out.glob("near-*.pdf"))) < 40
    assert not list(out.glob(".*.tmp"))
    _all_outputs_complete(out)


def test_second_build_waits_for_the_first(raw_dir, tmp_path):
    out = tmp_path / "out"
    first = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "build", str(raw_dir), "--out", str(out)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    while not (out / ".build.lock").exists():
        time.sleep(0.01)
    second = run("build", str(raw_dir), "--out", str(out))
    first_err = first.communicate(timeout=300)[1]
    assert first.returncode == 0 and second.returncode == 0
    assert "7 built" in first_err
    assert summary_counts(second.stderr.splitlines()[-1])[:2] == (0, 7)  # it waited, then found everything done
    _all_outputs_complete(out)


def test_briefing_book_and_index(raw_dir, tmp_path):
    out = tmp_path / "out"
    assert run("build", str(raw_dir), "--out", str(out)).returncode == 0
    index = json.loads((out / "index.json").read_text())["records"]
    assert [r["start"] for r in index] == sorted(r["start"] for r in index)
    assert index[0]["outputs"] == {
        "json": "near-1995-khabarovsk.json",
        "docx": "near-1995-khabarovsk.docx",
        "pdf": "near-1995-khabarovsk.pdf",
    }
    book = PdfReader(out / "briefing-book.pdf")
    briefing_pages = sum(len(PdfReader(out / r["outputs"]["pdf"]).pages) for r in index)
    assert len(book.pages) > briefing_pages
    front = "".join(page.extract_text() for page in book.pages[: len(book.pages) - briefing_pages])
    for word in ("Contents", "Timeline", "Participation matrix", "Jewish Autonomous Region", "observer"):
        assert word in front
    titles = [item.title for item in book.outline if not isinstance(item, list)]
    assert all(record["title"] in titles for record in index)
    book_docx = Document(str(out / "briefing-book.docx"))
    texts = [p.text for p in book_docx.paragraphs]
    assert all(record["title"] in texts for record in index)


def test_book_updated_in_place_is_the_book_built_from_scratch(raw_dir, tmp_path):
    """The PDF book keeps the pages of unchanged parts; the result must not depend on that."""
    from pipeline.builder.book import load_layout
    from pipeline.builder.files import LAYOUT_NAME

    out = tmp_path / "out"
    assert run("build", str(raw_dir), "--out", str(out)).returncode == 0
    layout = json.loads((out / LAYOUT_NAME).read_text())
    # One text moves to the end of the timeline and grows by a page or more; one is removed.
    seed = raw_dir / "near-1995-khabarovsk.txt"
    extra = "".join(f"\u25b7Exchange programme number {n} between the member regions\n" for n in range(60))
    seed.write_text(
        seed.read_text(encoding="utf-8")
        .replace("September 06, 1995 ~ September 07, 1995", "September 06, 2025 ~ September 07, 2025")
        .replace("\u00b7 Contents\n", "\u00b7 Contents\n" + extra, 1),
        encoding="utf-8",
    )
    (raw_dir / "near-2002-heilongjiang.txt").unlink()
    assert run("build", str(raw_dir), "--out", str(out)).returncode == 0
    assert json.loads((out / LAYOUT_NAME).read_text())["parts"] != layout["parts"]

    fresh = tmp_path / "fresh"
    assert run("build", str(raw_dir), "--out", str(fresh)).returncode == 0
    assert (out / "briefing-book.pdf").read_bytes() == (fresh / "briefing-book.pdf").read_bytes()
    book = PdfReader(out / "briefing-book.pdf")
    assert book.outline[-1].title == json.loads((out / "index.json").read_text())["records"][-1]["title"]

    assert load_layout(out) is not None
    layout = json.loads((out / LAYOUT_NAME).read_text())
    (out / LAYOUT_NAME).write_text(json.dumps({**layout, "pipeline": "other code"}))
    assert load_layout(out) is None  # pages laid out by other code are never kept
    (out / LAYOUT_NAME).write_text(json.dumps(layout))
    (out / "briefing-book.pdf").write_bytes(b"%PDF-1.4 replaced by hand")
    assert load_layout(out) is None  # nor are pages of a book the layout does not describe


def test_dist_bundle(raw_dir, tmp_path):
    out, dist = tmp_path / "out", tmp_path / "dist"
    assert run("build", str(raw_dir), "--out", str(out)).returncode == 0
    result = run("dist", str(out), "--dist", str(dist))
    assert result.returncode == 0, result.stderr
    bundle = zipfile.ZipFile(result.stdout.strip())
    names = set(bundle.namelist())
    assert {"briefing-book.pdf", "index.json", "SHA256SUMS"} <= names
    assert {f"{sample.stem}.pdf" for sample in SAMPLES} <= names
    import hashlib

    for line in bundle.read("SHA256SUMS").decode().splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256(bundle.read(name)).hexdigest() == digest


def test_dist_without_a_build_is_one_line(tmp_path):
    result = run("dist", str(tmp_path / "nothing"), "--dist", str(tmp_path / "dist"))
    assert result.returncode == 1 and result.stderr.count("\n") == 1


def test_watch_rebuilds_on_a_dropped_file_and_stops_on_ctrl_c(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "watch", str(raw), "--out", str(out)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.time() + 60
        while time.time() < deadline and not (out / ".manifest.json").exists():
            time.sleep(0.05)
        # Dropped while the watcher may still be starting: the catch-up build must see it.
        shutil.copy(SAMPLES[0], raw / SAMPLES[0].name)
        while time.time() < deadline and not (out / f"{SAMPLES[0].stem}.pdf").exists():
            time.sleep(0.1)
        assert (out / f"{SAMPLES[0].stem}.pdf").exists()
    finally:
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr and "stopped watching" in stderr


def test_texts_built_first_give_the_files_a_whole_build_gives(raw_dir, tmp_path):
    """watch's build of the texts just dropped, first (before the scan and the manifest):
    only texts without outputs are; a changed text is the usual build's (its edited output
    kept), nothing is built twice, and every file is a fresh build's."""
    from pipeline.builder.report import FileStatus, Reporter
    from pipeline.builder.runner import BuildOptions, build

    def untagged(records):
        return records

    out, fresh = tmp_path / "out", tmp_path / "fresh"
    build(BuildOptions(raw_dir, out, jobs=1), tagger=untagged)
    seed = raw_dir / "near-1995-khabarovsk.txt"
    seed.write_bytes(seed.read_bytes().replace(b"21 regional authorities", b"18 regional authorities"))
    shutil.copy(seed, raw_dir / "near-1995-copy.txt")
    (out / "near-1995-khabarovsk.pdf").write_bytes(b"%PDF- edited by hand")
    for name in ("near-2021-pohang.json", "near-2021-pohang.docx", "near-2021-pohang.pdf"):
        (out / name).unlink()  # built before, its outputs gone: built first, reported as changed
    dropped = {seed.name, "near-1995-copy.txt", "near-2021-pohang.txt", "missing.txt"}

    class Recording(Reporter):
        def __init__(self) -> None:
            self.order: list[str] = []

        def advance(self, result):
            self.order.append(result.file)

    reporter = Recording()
    summary = build(BuildOptions(raw_dir, out, jobs=1), reporter, tagger=untagged, first=dropped)
    assert reporter.order[:2] == ["near-1995-copy.txt", "near-2021-pohang.txt"]  # before the others are looked at
    built = {result.file: result.new for result in summary.results if result.status is FileStatus.BUILT}
    assert built == {seed.name: False, "near-1995-copy.txt": True, "near-2021-pohang.txt": False}
    assert summary.count(FileStatus.UNCHANGED) == 5
    assert [edit.name for edit in summary.edited] == ["near-1995-khabarovsk.pdf"]
    assert (out / summary.edited[0].kept_as).read_bytes() == b"%PDF- edited by hand"
    build(BuildOptions(raw_dir, fresh, jobs=1), tagger=untagged)
    for path in fresh.glob("*"):
        # (the witnesses, of the outputs, the site and the archive, record this file system's
        # inodes and times, not what was built)
        witnesses = (WITNESS_NAME, DIGESTS_NAME, CHECKED_NAME, SETTLED_NAME)
        if path.suffix in (".json", ".pdf", ".docx") and path.name not in ("checks.pdf", *witnesses):
            assert (out / path.name).read_bytes() == path.read_bytes(), path.name
    again = build(BuildOptions(raw_dir, out, jobs=1), tagger=untagged)
    assert (again.count(FileStatus.BUILT), again.count(FileStatus.UNCHANGED)) == (0, 8)


def test_the_last_line_names_the_briefings_that_need_checking(raw_dir, tmp_path):
    """Texts whose records carry a note a reader must check are counted and named, built or unchanged."""
    out = tmp_path / "out"
    first = run("build", str(raw_dir), "--out", str(out)).stderr.splitlines()[-1]
    checking = sorted(
        json.loads(path.read_text())["source"]["file"]
        for path in out.glob("near-*.json")
        if any(note["severity"] == "check" for note in json.loads(path.read_text())["notes"])
    )
    assert checking, "the samples include records with data problems"
    assert f"7 built ({len(checking)} need checking: {', '.join(checking[:5])}" in first
    again = run("build", str(raw_dir), "--out", str(out)).stderr.splitlines()[-1]
    assert f"7 unchanged ({len(checking)} need checking:" in again


def test_one_matrix_row_per_region_whatever_the_spelling(nlp) -> None:
    from pipeline import parse, read_bytes, tag
    from pipeline.builder.index import index_entry

    text = "The 7th NEAR General Assembly\n· Overview\nParticipation: Russia: {}\n"
    spellings = ["Sakha Republic", "Republic of Sakha (Yakutia)", "Sakha Republic (Yakutia)", "Yakutia"]
    records = tag([parse(read_bytes(text.format(name).encode(), f"x{i}.txt")) for i, name in enumerate(spellings)], nlp)
    rows = {participant for record in records for participant in index_entry(record).participants}
    assert {(row.country, row.name, row.id) for row in rows} == {("Russian Federation", "Sakha Republic", "RU-SA")}
