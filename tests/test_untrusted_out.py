"""Everything a build reads back from OUT_DIR is untrusted input.

The manifest, the book's layout, the index, earlier briefings and books may have
been edited, damaged or replaced by symlinks: each test damages OUT_DIR the way
a person, a sync tool or an attacker could and checks that the next build
repairs it (never fails on it, never follows it out of OUT_DIR) and that
``dist`` ships only the files the build wrote.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfgen import canvas

import pipeline.builder.book
import pipeline.builder.runner
from pipeline.builder.book import BookPart
from pipeline.builder.dist import BundleError, BundleProblem, sums_line, write_bundle
from pipeline.builder.files import BOOK_STEM, LAYOUT_NAME
from pipeline.builder.manifest import MANIFEST_NAME
from pipeline.builder.report import FileStatus, Summary
from pipeline.builder.runner import BuildOptions, build
from pipeline.cli import LineReporter, main
from pipeline.outdir import WITNESS_NAME
from pipeline.record import Record
from pipeline.settings import Language
from tests.conftest import SAMPLES, summary_counts

SECRET = "TOP SECRET MINUTES"
SEED = SAMPLES[0]


def untagged(records: list[Record]) -> list[Record]:
    return records


def _build(raw: Path, out: Path) -> Summary:
    return build(BuildOptions(raw, out, jobs=1), LineReporter(io.StringIO()), tagger=untagged)


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    """Two raw texts, built."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    for sample in SAMPLES[:2]:
        (raw / sample.name).write_bytes(sample.read_bytes())
    assert _build(raw, out).ok
    return raw, out


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A PDF outside OUT_DIR that must never reach the book or the zip."""
    path = tmp_path / "elsewhere" / "secret.pdf"
    path.parent.mkdir()
    page = canvas.Canvas(str(path))
    page.drawString(100, 700, SECRET)
    page.save()
    return path


def _text(pdf: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(pdf).pages)


def _manifest(out: Path) -> dict:
    return json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))


def test_a_manifest_read_back_is_written_again_byte_for_byte(built):
    """What a build reads of its manifest it writes again the same (each entry made in one step
    from the shape it was read with: the shape holds the index entry's fields in its order)."""
    from pipeline.builder.manifest import Manifest

    _, out = built
    manifest = Manifest.load(out)
    assert manifest is not None and len(manifest.files) == 2
    assert manifest.to_json() == (out / MANIFEST_NAME).read_bytes()


def test_a_manifest_entry_naming_another_file_is_never_followed(built, secret):
    """An entry whose record names a file elsewhere: its outputs would be looked up
    under that name. The manifest is doubted and everything rebuilt from the raw texts."""
    raw, out = built
    manifest = _manifest(out)
    manifest["files"][SEED.name]["summary"]["file"] = str(secret.with_suffix(".txt"))
    (out / MANIFEST_NAME).write_text(json.dumps(manifest))
    (out / "secret.pdf").symlink_to(secret)
    (out / "index.json").unlink()  # the collection must be made again

    summary = _build(raw, out)
    assert summary.ok and summary.count(FileStatus.BUILT) == 2
    assert SECRET not in _text(out / "briefing-book.pdf")
    assert _manifest(out)["files"][SEED.name]["summary"]["file"] == SEED.name


def test_an_output_replaced_by_a_symlink_out_of_the_folder_is_rebuilt_and_never_shipped(built, secret, tmp_path):
    raw, out = built
    briefing = out / f"{SEED.stem}.pdf"
    briefing.unlink()
    briefing.symlink_to(secret)
    with pytest.raises(BundleError, match=f"{SEED.stem}.pdf is missing or not the file the build wrote") as caught:
        write_bundle(out, tmp_path / "dist")
    assert caught.value.problem is BundleProblem.CHANGED
    assert not (tmp_path / "dist").exists()

    summary = _build(raw, out)
    assert summary_counts(summary.line()) == (1, 1, 0, 0)
    assert not briefing.is_symlink() and SECRET not in _text(briefing)
    bundle = zipfile.ZipFile(write_bundle(out, tmp_path / "dist"))
    assert all(SECRET.encode() not in bundle.read(name) for name in bundle.namelist())


def test_dist_ships_what_the_manifest_says_never_what_index_json_says(built, secret, tmp_path):
    """index.json listing a file elsewhere (and a symlink in OUT_DIR to it) adds nothing to the zip."""
    raw, out = built
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    index["records"].append({**index["records"][0], "file": f"../{secret.parent.name}/secret.txt"})
    (out / "index.json").write_text(json.dumps(index))
    (out / "secret.pdf").symlink_to(secret)
    status = main(["dist", str(out), "--dist", str(tmp_path / "dist")])
    assert status == 1 and not (tmp_path / "dist").exists()  # index.json is not the one the build wrote

    assert _build(raw, out).ok  # repairs index.json
    names = zipfile.ZipFile(write_bundle(out, tmp_path / "dist")).namelist()
    assert sorted(name for name in names if not name.startswith("site/")) == sorted(
        [f"{sample.stem}.pdf" for sample in SAMPLES[:2]]
        + ["index.json", "briefing-book.pdf", "briefing-book.docx", "SHA256SUMS"]
    )
    assert "site/index.html" in names  # the web archive (issue 16), under its own folder


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".json"])
def test_a_briefing_replaced_by_garbage_is_rebuilt(built, suffix):
    """Before, the book was made from it and failed on every build until it was deleted."""
    raw, out = built
    (out / f"{SEED.stem}{suffix}").write_bytes(b"garbage")
    (raw / "another.txt").write_bytes(SAMPLES[2].read_bytes())
    summary = _build(raw, out)
    assert summary.ok, summary.errors
    assert sorted(r.file for r in summary.results if r.status is FileStatus.BUILT) == ["another.txt", SEED.name]
    assert (out / f"{SEED.stem}{suffix}").read_bytes() != b"garbage"
    assert len(PdfReader(out / "briefing-book.pdf").pages) > 3


@pytest.mark.parametrize("name", ["briefing-book.pdf", "briefing-book.docx", "index.json"])
def test_a_damaged_collection_output_is_made_again_by_a_build_with_nothing_to_do(built, name):
    raw, out = built
    (out / name).write_bytes(b"garbage")
    summary = _build(raw, out)
    assert summary.ok and summary_counts(summary.line()) == (0, 2, 0, 0)
    assert (out / name).read_bytes() != b"garbage"
    PdfReader(out / "briefing-book.pdf")
    json.loads((out / "index.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "damage",
    [
        "[]",
        "null",
        '"text"',
        '{"format": 2, "files": []}',
        '{"format": 2, "files": {"x.txt": null}}',
        "[" * 100_000,  # deeper than the JSON parser goes
    ],
)
def test_a_manifest_of_the_wrong_shape_is_rebuilt(built, damage):
    raw, out = built
    (out / MANIFEST_NAME).write_text(damage)
    summary = _build(raw, out)
    assert summary.ok and summary.count(FileStatus.BUILT) == 2
    assert len(_manifest(out)["files"]) == 2


def test_a_manifest_entry_with_a_path_for_a_name_removes_nothing(built):
    """A name that is no raw text's (a path, the collection's) doubts the whole manifest:
    the build never removes files by it (here a file of the user's, and the index)."""
    raw, out = built
    keep = out / "keep.json"
    keep.write_text("{}")
    manifest = _manifest(out)
    for name in (f"../{keep.stem}.txt", "index.txt"):
        manifest["files"][name] = {**manifest["files"][SEED.name], "summary": {}}
        manifest["files"][name]["summary"] = {**manifest["files"][SEED.name]["summary"], "file": name}
    (out / MANIFEST_NAME).write_text(json.dumps(manifest))
    summary = _build(raw, out)
    assert summary.ok and keep.exists()
    assert not any(r.status is FileStatus.REMOVED for r in summary.results)


def test_a_layout_of_the_wrong_shape_gives_a_fresh_book(built):
    """The book's layout says which pages of the old book to keep: page counts that are
    not counts, or do not add up to the book, keep none."""
    raw, out = built
    layout_path = out / LAYOUT_NAME
    layout = json.loads(layout_path.read_text(encoding="utf-8"))
    for parts in ([[key, str(pages)] for key, pages in layout["parts"]], [[key, 1000] for key, _ in layout["parts"]]):
        layout_path.write_text(json.dumps({**layout, "parts": parts}))
        (raw / SEED.name).write_bytes(SEED.read_bytes().replace(b"21 regional", b"18 regional"))
        summary = _build(raw, out)
        assert summary.ok, summary.errors
        fresh = out.parent / "fresh"
        assert _build(raw, fresh).ok
        assert (out / "briefing-book.pdf").read_bytes() == (fresh / "briefing-book.pdf").read_bytes()
        (raw / SEED.name).write_bytes(SEED.read_bytes())


def test_when_the_collection_fails_the_briefings_built_are_kept(built, monkeypatch):
    """A build whose index and book cannot be made still records the briefings it built:
    the next build makes only the collection."""
    raw, out = built
    (raw / "another.txt").write_bytes(SAMPLES[2].read_bytes())
    real = pipeline.builder.book.write_collection

    def failing(*args, **kwargs):
        raise RuntimeError("the book could not be made")

    monkeypatch.setattr(pipeline.builder.book, "write_collection", failing)
    summary = _build(raw, out)
    assert not summary.ok and summary.count(FileStatus.BUILT) == 1
    monkeypatch.setattr(pipeline.builder.book, "write_collection", real)
    again = _build(raw, out)
    assert again.ok and summary_counts(again.line()) == (0, 3, 0, 0)
    assert len(json.loads((out / "index.json").read_text(encoding="utf-8"))["records"]) == 3


def test_a_fifo_in_place_of_the_manifest_never_blocks_the_build(built):
    raw, out = built
    (out / MANIFEST_NAME).unlink()
    try:
        os.mkfifo(out / MANIFEST_NAME)
    except (AttributeError, OSError):
        pytest.skip("no FIFOs here")
    summary = _build(raw, out)  # reading it would wait for a writer forever
    assert summary.ok and summary.count(FileStatus.BUILT) == 2
    assert (out / MANIFEST_NAME).is_file()


def test_the_old_book_s_pages_are_kept_only_when_it_is_the_book_the_build_wrote(built, monkeypatch):
    raw, out = built
    layouts = []
    real = pipeline.builder.book.load_layout

    def recording(out_dir: Path, language: Language = "en", stem: str = BOOK_STEM) -> list[BookPart] | None:
        layouts.append(out_dir)
        return real(out_dir, language, stem)

    monkeypatch.setattr(pipeline.builder.book, "load_layout", recording)
    (raw / SEED.name).write_bytes(SEED.read_bytes().replace(b"21 regional", b"18 regional"))
    assert _build(raw, out).ok
    assert len(layouts) == 1  # one text changed: the other briefing's pages are kept
    (out / "briefing-book.pdf").write_bytes((out / "briefing-book.pdf").read_bytes() + b"% edited\n")
    (raw / SEED.name).write_bytes(SEED.read_bytes())
    assert _build(raw, out).ok
    assert len(layouts) == 1  # an edited book: none of its pages is kept


def test_a_lock_file_replaced_by_a_symlink_is_never_followed(built, tmp_path):
    raw, out = built
    victim = tmp_path / "victim.txt"
    victim.write_text("not the build's")
    (out / ".build.lock").unlink()
    (out / ".build.lock").symlink_to(victim)
    assert _build(raw, out).ok
    assert victim.read_text() == "not the build's" and not (out / ".build.lock").is_symlink()


def test_sha256sums_escapes_a_name_as_sha256sum_does():
    """A briefing named with a line break keeps SHA256SUMS one line per file (``sha256sum -c`` reads it)."""
    digest = "0" * 64
    assert sums_line(digest, "near.pdf") == f"{digest}  near.pdf\n"
    assert sums_line(digest, "new\nline\\.pdf") == f"\\{digest}  new\\nline\\\\.pdf\n"


@pytest.mark.parametrize(
    "failures",
    [
        [],
        {"x.txt": {"sha256": "not a digest", "error": "x.txt:1: no"}},
        {"../x.txt": {"sha256": "0" * 64, "error": "x.txt:1: no"}},
        {SEED.name: {"sha256": "0" * 64, "error": "built and failed at once"}},
    ],
)
def test_a_manifest_with_doubtful_failures_is_rebuilt(built, failures):
    raw, out = built
    manifest = _manifest(out)
    manifest["failures"] = failures
    (out / MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")
    summary = _build(raw, out)
    assert summary.ok and summary.count(FileStatus.BUILT) == 2


def test_an_edit_that_keeps_size_and_time_is_still_an_edit(built):
    """The witness of OUT_DIR's files vouches by inode, size and both times: an edit that
    puts the modification time back still changes the change time."""
    raw, out = built
    briefing = out / f"{SEED.stem}.docx"
    before = briefing.stat()
    data = bytearray(briefing.read_bytes())
    data[-1] ^= 1
    briefing.write_bytes(bytes(data))
    os.utime(briefing, ns=(before.st_atime_ns, before.st_mtime_ns))
    summary = _build(raw, out)
    assert [edited.name for edited in summary.edited] == [briefing.name]
    assert briefing.read_bytes() != bytes(data)


@pytest.mark.parametrize(
    "damage",
    [
        "[]",
        "null",
        '{"x.pdf": ["0", 1, 2, 3, 4]}',
        '{"../x.pdf": []}',
        "{" * 100_000,
        "[" * 100_000,
        '{"a.pdf": [1, 2]}',
    ],
)
def test_a_witness_of_the_wrong_shape_is_ignored(built, damage):
    raw, out = built
    (out / WITNESS_NAME).write_text(damage)
    (out / f"{SEED.stem}.pdf").write_bytes(b"garbage")
    summary = _build(raw, out)
    assert summary.ok and summary.count(FileStatus.BUILT) == 1
    assert (
        json.loads((out / WITNESS_NAME).read_text())[f"{SEED.stem}.pdf"][0]
        == _manifest(out)["files"][SEED.name]["outputs"][".pdf"]
    )


def test_a_witness_row_that_is_not_the_file_s_stat_is_not_believed(built):
    """A witness row copied onto another file: the inode and change time are not that file's."""
    raw, out = built
    briefing = out / f"{SEED.stem}.pdf"
    witness = json.loads((out / WITNESS_NAME).read_text())
    briefing.write_bytes(b"garbage" * 1000)
    status = briefing.stat()
    witness[briefing.name][1:] = [status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns - 1]
    (out / WITNESS_NAME).write_text(json.dumps(witness))
    summary = _build(raw, out)
    assert [edited.name for edited in summary.edited] == [briefing.name]


def test_a_build_that_writes_an_output_again_with_the_same_bytes_vouches_for_the_new_file(built):
    """A rebuild that writes a briefing again byte for byte (a new inode) records the new file's
    stat: the next build reads nothing (it had kept the old row, and hashed the file again)."""
    raw, out = built
    seed = raw / SEED.name
    seed.write_bytes(seed.read_bytes() + b"\n")  # rebuilt; the briefing's bytes are the same
    before = (out / f"{SEED.stem}.pdf").stat().st_ino
    _build(raw, out)
    assert (out / f"{SEED.stem}.pdf").stat().st_ino != before
    witness = json.loads((out / WITNESS_NAME).read_text())
    status = (out / f"{SEED.stem}.pdf").stat()
    assert witness[f"{SEED.stem}.pdf"][1:] == [status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns]
