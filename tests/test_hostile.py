"""Hostile and broken inputs: each gives a correct briefing or one line naming the file,
never a traceback or a hang; nothing is written outside OUT_DIR; nothing is lost."""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import io
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from pipeline import BuildOptions, InputError, build, read_bytes, render_outputs
from pipeline.builder.report import FileResult, FileStatus, Summary
from pipeline.cli import LineReporter
from pipeline.parser.reader import MAX_BYTES, MAX_LINE_CHARS
from pipeline.record import (
    Declaration,
    Entity,
    Item,
    LabelledField,
    Meeting,
    Note,
    Organizer,
    Overview,
    ParticipantGroup,
    Participation,
    Period,
    Record,
    Resolution,
    Section,
    Source,
    Venue,
    record_from_json,
    record_to_json,
)
from tests.conftest import SAMPLES, TESTS, run, summary_counts

ROOT = TESTS.parent
SEED = (ROOT / "raw" / "near-1995-khabarovsk.txt").read_bytes()
MARKUP = [
    '<img src="/etc/passwd"/>',
    '<a href="javascript:alert(1)">',
    '<font color="[[[getattr(pow, 1)]]]">',
    "<font size=999>",
    "&#0;",
    "unclosed <b>",
    "a bare & here",
]


def _every_field(transform) -> bytes:
    """The seed with ``transform`` applied to the title, every label value, bullet and resolution."""
    lines = SEED.decode("utf-8").split("\n")
    for index, line in enumerate(lines):
        text = line.strip()
        if text and not text.startswith(("·", "Periods", "Venue", "Organized", "Participation")) and index != 0:
            lines[index] = line + " " + transform(index)
    lines[0] = lines[0] + " " + transform(0)
    return "\n".join(lines).encode("utf-8")


def _overflowing() -> dict[str, bytes]:
    """Texts whose briefing used to stop reportlab (a block taller than a page) or print
    blank: a title and a heading of 19,000 characters, 60 countries, 150 notes, and
    Arabic, Hebrew, Mongolian, Tibetan, emoji and mathematical letters."""
    import pycountry

    seed = SEED.decode("utf-8")
    long = " ".join(["cooperation exchange region"] * 700)[:19_000]
    names = [country.name for country in pycountry.countries if "," not in country.name and "(" not in country.name]
    groups = "".join(f"\n\t\n\t{name}\n\t{name} Province, {name} City\n" for name in names[:60])
    start, end = seed.index("\t\n\tChina"), seed.index("· Contents")
    stray = "".join(
        f"\tStray remark number {n} that belongs to no field; it says something long enough.\n\n" for n in range(150)
    )
    scripts = "".join(f"▷{text}\n" for text in ["𝐍𝐄𝐀𝐑 𝑥𝑦𝑧", "😀 🌏 ☀", "ئۈرۈمچی مرحبا", "שלום", "ᠮᠣᠩᠭᠣᠯ", "བོད་ཡིག"])
    texts = {
        "long-title.txt": seed.replace("The 3rd NEAR Conference", "The 3rd NEAR Conference on " + long, 1),
        "long-heading.txt": seed.replace("· Khabarovsk Declaration", "· Khabarovsk Declaration on " + long, 1),
        "countries-60.txt": seed[:start] + groups + "\n\n\n" + seed[end:],
        "notes-150.txt": seed[:end] + stray + seed[end:],
        "scripts.txt": seed.replace("· Contents\n", "· Contents\n" + scripts),
        # (runs of spaces and of wide spaces in a field and a list: the reader makes each one space
        # before any pattern sees it, and the patterns that look at them read a run once anyway)
        "space-runs.txt": seed.replace(
            "Khabarovsk Territory, Administration", "Khabarovsk" + " " * 19_000 + "x", 1
        ).replace("\t21 regional authorities", "\t가" + "\u3000" * 19_000 + "x\n\t21 regional authorities", 1),
    }
    return {name: text.encode("utf-8") for name, text in texts.items()}


def hostile_inputs() -> dict[str, bytes]:
    rng = random.Random(6)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(3000)
    pdf = render_outputs(record_from_json((TESTS / "golden" / "near-1995-khabarovsk.json").read_text()))[".pdf"]
    broken = SEED.replace(b"Khabarovsk Declaration", b"Khabarovsk \xff\xfe Declaration")
    return {
        "empty.txt": b"",
        "whitespace.txt": " \t\n\n\t \n\u3000\n\u00a0\n".encode("utf-8"),
        "png.txt": png,
        "pdf.txt": pdf,
        "random.txt": rng.randbytes(5000),
        "broken-utf8.txt": broken,
        "utf16-no-bom.txt": SEED.decode("utf-8").encode("utf-16-le"),
        "big-20mb.txt": SEED + b"\n" + b"x" * (20 * 1024 * 1024),
        "bullets-400k.txt": SEED.replace(
            "· Contents\n".encode(), "· Contents\n".encode() + "▷ item\n".encode() * 400_000
        ),
        "long-line.txt": SEED + b"\n" + b"word " * 40_000,
        "controls.txt": _every_field(lambda i: "nul\x00 esc\x1b[31m bell\x07 del\x7f"),
        "rtl.txt": _every_field(lambda i: "\u202eevil\u202c \u2066isolate\u2069"),
        "markup.txt": _every_field(lambda i: MARKUP[i % len(MARKUP)]),
        "with space.txt": SEED,
        "ünïcödé-名前.txt": SEED,
        "a&b.txt": SEED,
        "-leading-dash.txt": SEED,
        **_overflowing(),
    }


REFUSED = {
    "empty.txt": "the file is empty",
    "whitespace.txt": "the file is empty",
    "png.txt": "",
    "pdf.txt": "",
    "random.txt": "",
    "broken-utf8.txt": "invalid UTF-8",
    "big-20mb.txt": "the limit is",
    "bullets-400k.txt": "the limit is",
    "long-line.txt": "the limit is",
}


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    raw, out = root / "raw", root / "out"
    raw.mkdir()
    for name, data in hostile_inputs().items():
        (raw / name).write_bytes(data)
    (root / "secret.txt").write_bytes(SEED)
    (raw / "outside.txt").symlink_to(root / "secret.txt")
    (raw / "notes.pdf").write_bytes(b"%PDF-1.4")
    started = time.perf_counter()
    result = run("build", str(raw), "--out", str(out), timeout=600)
    return result, out, time.perf_counter() - started


@pytest.mark.slow
def test_hostile_corpus_builds_or_refuses_each_file_in_one_line(hostile_build):
    result, out, seconds = hostile_build
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = {
        line.split(":", 1)[0]: line for line in result.stderr.splitlines() if ".txt:" in line and "built" not in line
    }
    assert set(errors) == set(REFUSED), result.stderr
    for name, fragment in REFUSED.items():
        assert fragment in errors[name]
        assert not list(out.glob(f"{name[:-4]}.*"))
    built = set(hostile_inputs()) - set(REFUSED)
    for name in built:
        for suffix in (".json", ".docx", ".pdf"):
            assert (out / (name[:-4] + suffix)).exists(), name
    assert not (out / "outside.json").exists()  # the symlink out of raw/ is not followed
    assert "unprintable-characters" in (out / "scripts.json").read_text(encoding="utf-8")
    assert "outside.txt (symlink out of the folder)" in result.stderr and "notes.pdf" in result.stderr
    assert seconds < 120


@pytest.mark.slow
def test_markup_prints_literally_and_controls_are_dropped(hostile_build):
    _, out, _ = hostile_build
    text = "".join(page.extract_text() for page in PdfReader(out / "markup.pdf").pages)
    flat = "".join(text.split())
    for markup in MARKUP:
        assert "".join(markup.split()) in flat
    document = Document(str(out / "markup.docx"))
    assert any(MARKUP[0] in p.text for p in document.paragraphs)
    for name in ("controls", "rtl"):
        record = (out / f"{name}.json").read_text()
        assert "\\u0000" not in record and "\\u001b" not in record and "\u202e" not in record
        assert "nul esc[31m" in record or "evil" in record


@pytest.mark.slow
def test_utf16_without_bom_and_odd_names_build_like_the_seed(hostile_build):
    _, out, _ = hostile_build
    seed = record_from_json((TESTS / "golden" / "near-1995-khabarovsk.json").read_text())
    for name in ("utf16-no-bom", "with space", "ünïcödé-名前", "a&b", "-leading-dash"):
        record = record_from_json((out / f"{name}.json").read_text())
        assert record.overview == seed.overview.model_copy(update={"organizer": record.overview.organizer}), name
        assert [n.code for n in record.notes] == ["participation-count-mismatch"]


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"x" * (MAX_BYTES + 1), "the limit is 500,000"),
        (b"The title\n" + b"y" * (MAX_LINE_CHARS + 1), ":2: line of 20,001 characters"),
        (SEED.replace(b"Khabarovsk", b"Khabarovsk\xff", 1), "invalid UTF-8 (byte 0xff)"),
    ],
)
def test_documented_limits(data, fragment):
    with pytest.raises(InputError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        read_bytes(data, "x.txt")


def _fail_writes_after(monkeypatch, allowed: int, error: OSError):
    import pipeline.outdir as outdir

    real = outdir.tempfile.mkstemp
    calls = {"count": 0}

    def mkstemp(*args, **kwargs):
        calls["count"] += 1
        if calls["count"] > allowed:
            raise error
        return real(*args, **kwargs)

    monkeypatch.setattr(outdir.tempfile, "mkstemp", mkstemp)


def _two_samples(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for sample in SAMPLES[:2]:
        (raw / sample.name).write_bytes(sample.read_bytes())
    return raw


def test_a_table_row_taller_than_a_page_is_split_across_pages():
    """900 authorities of one country: one participation row, pages long."""
    from pipeline.parser import parse

    names = ", ".join(f"Region{n} Prefecture" for n in range(900))
    raw = SEED.replace(b"Heilongjiang Province, Liaoning Province", names.encode())
    pdf = PdfReader(io.BytesIO(render_outputs(parse(read_bytes(raw, "long.txt")))[".pdf"]))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert len(pdf.pages) > 3
    assert all(f"Region{n} " in text for n in (0, 450, 899))
    assert sum("Authorities" in page.extract_text() for page in pdf.pages) >= 3  # the header on every page


def test_disk_full_fails_the_text_and_leaves_nothing_partial(tmp_path, monkeypatch, nlp):
    from pipeline.tagger import tag

    raw, out = _two_samples(tmp_path), tmp_path / "out"
    _fail_writes_after(monkeypatch, 4, OSError(28, "No space left on device"))
    summary = build(BuildOptions(raw, out, jobs=1), tagger=lambda records: tag(records, nlp))
    assert [r.status for r in summary.results] == ["built", "failed"]
    assert "No space left on device" in summary.failed[0].error
    assert summary.failed[0].error.startswith(f"{SAMPLES[1].name}:1: ")
    assert not list(out.glob(f"{SAMPLES[1].stem}.*"))
    assert not list(out.glob(".*.tmp"))
    assert summary.errors and "No space left on device" in summary.errors[0]  # the index and book could not be written


def test_read_only_output_folder_is_one_line(tmp_path, monkeypatch, nlp):
    raw, out = _two_samples(tmp_path), tmp_path / "out"
    if os.geteuid() != 0:
        out.mkdir()
        out.chmod(0o555)
        result = run("build", str(raw), "--out", str(out), timeout=300)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        return
    # root ignores permissions: make the folder unwritable by making it a file instead
    out.write_text("not a folder")
    result = run("build", str(raw), "--out", str(out), timeout=300)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")


# --- property tests ------------------------------------------------------------------------

ANY_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)
SHORT = st.lists(ANY_TEXT, max_size=4)


@st.composite
def records(draw):
    items = st.recursive(
        st.builds(Item, text=ANY_TEXT, items=st.just([])),
        lambda children: st.builds(Item, text=ANY_TEXT, items=st.lists(children, max_size=3)),
        max_leaves=12,
    )
    long_list = draw(st.integers(0, 500))
    return Record(
        source=Source(
            file=draw(ANY_TEXT) + ".txt",
            sha256="0" * 64,
            encoding="utf-8",
            repairs=draw(st.lists(st.sampled_from(["mojibake", "quoting", "unwrapped", "markup"]), max_size=2)),
        ),
        title=draw(st.none() | ANY_TEXT),
        meeting=Meeting(
            kind=draw(st.sampled_from(["conference", "committee", "forum", "other"])),
            number=draw(st.none() | st.integers(0, 10**6)),
            body=draw(st.none() | ANY_TEXT),
            year=draw(st.none() | st.integers(1, 9999)),
        ),
        overview=draw(
            st.none()
            | st.builds(
                Overview,
                period=st.none()
                | st.builds(Period, text=ANY_TEXT, start=st.none() | st.dates(), end=st.none() | st.dates()),
                venue=st.none()
                | st.builds(Venue, text=ANY_TEXT, country=st.none() | ANY_TEXT, place=st.none() | ANY_TEXT),
                organizer=st.none()
                | st.builds(Organizer, text=ANY_TEXT, country=st.none() | ANY_TEXT, name=st.none() | ANY_TEXT),
                participation=st.none()
                | st.builds(
                    Participation,
                    text=st.none() | ANY_TEXT,
                    stated_authorities=st.none() | st.integers(0, 10**6),
                    stated_countries=st.none() | st.integers(0, 300),
                    groups=st.lists(
                        st.builds(
                            ParticipantGroup,
                            country=st.none() | ANY_TEXT,
                            country_text=st.none() | ANY_TEXT,
                            role=st.sampled_from(["member", "observer"]),
                            stated=st.none() | st.integers(0, 99),
                            authorities=SHORT,
                        ),
                        max_size=4,
                    ),
                ),
                other=st.lists(st.builds(LabelledField, label=ANY_TEXT, text=ANY_TEXT), max_size=2),
            )
        ),
        contents=draw(st.lists(items, max_size=5)) + [Item(text=f"item {n}", items=[]) for n in range(long_list)],
        declaration=draw(
            st.none()
            | st.builds(
                Declaration,
                title=ANY_TEXT,
                kind=st.sampled_from(["declaration", "charter", "joint-statement", "other"]),
                preamble=SHORT,
                closing=SHORT,
                resolutions=st.lists(st.builds(Resolution, number=st.integers(0, 10**4), text=ANY_TEXT), max_size=6),
            )
        ),
        sections=draw(st.lists(st.builds(Section, heading=st.none() | ANY_TEXT, lines=SHORT), max_size=2)),
        entities=draw(
            st.lists(
                st.builds(
                    Entity,
                    name=ANY_TEXT,
                    kind=st.sampled_from(["place", "organization"]),
                    label=st.sampled_from(["GPE", "LOC", "FAC", "ORG"]),
                    country=st.none() | ANY_TEXT,
                    code=st.none() | ANY_TEXT,
                    mentions=st.integers(1, 99),
                    aliases=SHORT,
                ),
                max_size=6,
            )
        ),
        notes=draw(
            st.lists(
                st.builds(
                    Note,
                    code=st.sampled_from(["missing-section", "unparsed-date", "suspect-authority", "repaired-text"]),
                    severity=st.sampled_from(["check", "info"]),
                    line=st.none() | st.integers(1, 10**6),
                    message=ANY_TEXT,
                ),
                max_size=3,
            )
        ),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(records())
def test_render_is_total_on_any_valid_record(record):
    outputs = render_outputs(record)
    assert PdfReader(io.BytesIO(outputs[".pdf"])).pages
    Document(io.BytesIO(outputs[".docx"]))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(records())
def test_json_round_trip_is_identity(record):
    assert record_from_json(record_to_json(record)) == record


def test_unreadable_raw_text_fails_alone(tmp_path, monkeypatch, nlp):
    from pipeline.tagger import tag

    raw, out = _two_samples(tmp_path), tmp_path / "out"
    real = Path.read_bytes

    def read_bytes(path):
        if path.name == SAMPLES[0].name:
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    summary = build(BuildOptions(raw, out, jobs=1), tagger=lambda records: tag(records, nlp))
    assert [(r.file, r.status) for r in summary.results] == [(SAMPLES[0].name, "failed"), (SAMPLES[1].name, "built")]
    assert summary.failed[0].error == f"{SAMPLES[0].name}:1: cannot read: Permission denied"


# --- names, the environment, processes and the terminal -------------------------------------


def untagged(records: list[Record]) -> list[Record]:
    """A tagger that tags nothing: these tests are about files, names and processes, not names in texts."""
    return records


def _lines_of(raw: Path, out: Path, **options: int) -> tuple[Summary, list[str]]:
    """An in-process build, and the lines its user reads (as the command line prints them)."""
    stream = io.StringIO()
    summary = build(BuildOptions(raw, out, **{"jobs": 1} | options), LineReporter(stream), tagger=untagged)
    return summary, stream.getvalue().splitlines()


LONG_NAME = "a" * 251 + ".txt"  # 255 bytes: the raw text fits its file system, its outputs (".ko.docx") do not
BAD_NAMES = {
    "case": (
        {"x.txt": SEED, "x.TXT": SEED},
        ["x.txt: its outputs would overwrite those of x.TXT; rename one of them", "x.TXT: its outputs would"],
    ),
    "normalisation": (
        {"Pyeongchang-\u00e9.txt": SEED, "Pyeongchang-e\u0301.txt": SEED},
        ["Pyeongchang-\u00e9.txt: its outputs would overwrite those of Pyeongchang-e\u0301.txt"],
    ),
    "language tag": (
        {"x.txt": SEED, "x.ko.txt": SEED},
        ["x.txt: its outputs would overwrite those of x.ko.txt; rename one of them", "x.ko.txt: its outputs would"],
    ),
    "index": ({"index.txt": SEED}, ["index.txt: its outputs would overwrite the collection's index.json"]),
    "book": ({"briefing-book.txt": SEED}, ["briefing-book.txt: its outputs would overwrite the collection's brief"]),
    "metadata": (
        {"Archive-Metadata.txt": SEED},
        ["Archive-Metadata.txt: its outputs would overwrite the collection's archive-metadata.json"],
    ),
    "too long": (
        {LONG_NAME: SEED},
        [f"{LONG_NAME}: its name is 255 bytes, too long for its outputs (the limit is 251);"],
    ),
    "undecodable": ({os.fsdecode(b"bad\xff.txt"): SEED}, ["bad\\xff.txt: its name is not valid UTF-8"]),
    "newline": ({"new\nline.txt": b"nothing to see\n"}, ["new\\nline.txt:1: no recognisable structure"]),
    "escape sequence": ({"red\x1b[31m.txt": b""}, ["red\\x1b[31m.txt:1: the file is empty"]),
}


@pytest.mark.parametrize("case", BAD_NAMES)
def test_a_bad_name_fails_alone_in_one_line_and_overwrites_nothing(case, tmp_path):
    """Each bad name fails its text alone, in one line with the name escaped; every other
    briefing, the index and the book are written; the build says it failed."""
    texts, expected = BAD_NAMES[case]
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "near-1995-khabarovsk.txt").write_bytes(SEED)
    try:
        for name, data in texts.items():
            (raw / name).write_bytes(data)
    except OSError:
        pytest.skip("this file system refuses the name")
    if len(list(raw.iterdir())) != len(texts) + 1:
        pytest.skip("this file system folds these names into one file")
    summary, lines = _lines_of(raw, out)

    assert not summary.ok
    assert {result.file for result in summary.failed} == set(texts)
    for fragment in expected:
        assert sum(line.startswith(fragment) for line in lines) == 1, lines
    report = summary.report_lines()  # the pre-send report, printed before the summary
    assert lines[-1 - len(report) : -1] == report
    assert len(lines) == len(texts) + 2 + len(report)  # one line per bad name, the good text's, the summary
    assert summary.count(FileStatus.BUILT) == 1
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert [record["file"] for record in index["records"]] == ["near-1995-khabarovsk.txt"]
    book = (out / "briefing-book.pdf").read_bytes()
    assert len(PdfReader(out / "briefing-book.pdf").pages) > len(PdfReader(out / "near-1995-khabarovsk.pdf").pages)
    assert {path.name for path in out.iterdir() if not path.name.startswith(".")} == {
        "near-1995-khabarovsk.json",
        "near-1995-khabarovsk.docx",
        "near-1995-khabarovsk.pdf",
        "index.json",
        "checks.pdf",
        "briefing-book.pdf",
        "briefing-book.docx",
        "archive.sqlite",  # the archive, its Datasette metadata and the web archive (issue 16)
        "archive-metadata.json",
        "site",
    }
    again, _ = _lines_of(raw, out)  # and so on every build: nothing grows, nothing is overwritten
    assert summary_counts(again.line()) == (0, 1, 0, len(texts))
    assert (out / "briefing-book.pdf").read_bytes() == book


def _created(pdf: Path) -> str:
    metadata = PdfReader(pdf).metadata
    assert metadata is not None
    return str(metadata["/CreationDate"])


@pytest.mark.parametrize("value", ["garbage", "99999999999999", "-5", "1" * 5000])
def test_an_unusable_source_date_epoch_is_one_warning_and_the_fixed_date(value, tmp_path, monkeypatch):
    raw, out = _two_samples(tmp_path), tmp_path / "out"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    summary, lines = _lines_of(raw, out)
    assert summary.ok and summary.count(FileStatus.BUILT) == 2
    warnings = [line for line in lines if "SOURCE_DATE_EPOCH" in line]
    assert len(warnings) == 1 and warnings[0].startswith("warning: ") and len(warnings[0]) < 200
    assert "dated 2000-01-01" in warnings[0]
    assert _created(out / f"{SAMPLES[0].stem}.pdf").startswith("D:20000101000000")
    # the book carries its edition date: without a usable SOURCE_DATE_EPOCH nor one in the settings, today's
    assert _created(out / "briefing-book.pdf").startswith(f"D:{datetime.date.today():%Y%m%d}")
    assert Document(str(out / f"{SAMPLES[0].stem}.docx")).core_properties.created.year == 2000
    assert os.environ["SOURCE_DATE_EPOCH"] == value  # the caller's environment is left as it was


def test_a_usable_source_date_epoch_dates_the_documents_without_a_warning(tmp_path, monkeypatch):
    raw, out = _two_samples(tmp_path), tmp_path / "out"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    summary, lines = _lines_of(raw, out)
    assert summary.ok and not any("SOURCE_DATE_EPOCH" in line for line in lines)
    assert _created(out / f"{SAMPLES[0].stem}.pdf").startswith("D:20231114")


def test_jobs_are_capped_by_the_slices_and_the_cores(tmp_path, monkeypatch):
    """``--jobs 1000`` for ten texts forks no more workers than there are slices and cores."""
    import pipeline.builder.runner as runner

    asked: list[int] = []
    real = runner._process_pool

    def recording_pool(max_workers):
        asked.append(max_workers)
        return real(min(max_workers, 2))  # (what the unchanged code asked for would fork 1000)

    monkeypatch.setattr(runner, "_process_pool", recording_pool)
    raw = tmp_path / "raw"
    raw.mkdir()
    for number in range(10):
        (raw / f"copy-{number}.txt").write_bytes(SEED)
    summary, _ = _lines_of(raw, tmp_path / "out", jobs=1000)
    assert summary.count(FileStatus.BUILT) == 10
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    assert all(workers <= min(10, cores) for workers in asked), asked


def test_a_text_rewritten_while_the_build_runs_is_recorded_as_built(tmp_path, monkeypatch):
    """The build hashes a raw text to find it changed, lets its bytes go, and what builds it
    reads it again: the manifest records the bytes built, so a text rewritten in between is
    not built again by the next build (its briefings already show the rewritten text)."""
    import pipeline.builder.runner as runner

    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    text = raw / "rewritten.txt"
    text.write_bytes(SEED)
    real_chunks = runner._chunks

    def rewriting_chunks(items, jobs):
        text.write_bytes(SEED.replace(b"Khabarovsk", b"Khabarovsk ", 1))  # after the build hashed it
        return real_chunks(items, jobs)

    with monkeypatch.context() as patch:
        patch.setattr(runner, "_chunks", rewriting_chunks)
        summary, _ = _lines_of(raw, out)
    assert summary.count(FileStatus.BUILT) == 1
    rewritten = hashlib.sha256(text.read_bytes()).hexdigest()
    assert json.loads((out / "rewritten.json").read_bytes())["source"]["sha256"] == rewritten
    again, _ = _lines_of(raw, out)
    assert again.count(FileStatus.UNCHANGED) == 1, again.results


def test_many_texts_archive_is_forked_first_and_the_book_forks_no_workers_beside_it(tmp_path, monkeypatch):
    """Many changed texts: the archive and the site are made in a worker forked before the
    model is loaded (forked beside the book of 10,000 texts, it held about 115 MB of copies of
    the build process's pages); it has one of the two jobs, and the book is made in the build
    process (two workers beside it held 170 MB more). One changed text: its volume is made
    with the workers' help."""
    import pipeline.builder.runner as runner

    pools: list[tuple[int, list[str]]] = []  # (workers, the names of the tasks submitted), in order
    real = runner._process_pool

    def recording_pool(max_workers):
        pool, tasks = real(max_workers), []
        pools.append((max_workers, tasks))
        submit = pool.submit

        def recording_submit(function, *args, **kwargs):
            tasks.append(getattr(function, "__name__", ""))
            return submit(function, *args, **kwargs)

        pool.submit = recording_submit
        return pool

    monkeypatch.setattr(runner, "_process_pool", recording_pool)
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    texts = runner.BOOK_POOL_THRESHOLD
    for number in range(texts):
        (raw / f"copy-{number:02d}.txt").write_bytes(SEED)
    summary, _ = _lines_of(raw, out, jobs=2)
    assert summary.count(FileStatus.BUILT) == texts and (out / "archive.sqlite").is_file()
    sizes = [workers for workers, _ in pools]
    assert sizes.count(2) == 1, pools  # the texts' workers; the book forks none
    archivist = next(number for number, (_, tasks) in enumerate(pools) if "update_archive_apart" in tasks)
    assert archivist < sizes.index(2), pools
    pools.clear()
    (raw / "copy-00.txt").write_bytes(SEED.replace(b"Khabarovsk", b"Khabarovsk ", 1))
    summary, _ = _lines_of(raw, out, jobs=2)
    assert summary.count(FileStatus.BUILT) == 1
    assert 2 in [workers for workers, _ in pools], pools  # the book's workers, beside the archive's few changes


@pytest.mark.skipif(sys.platform != "linux", reason="processes are forked on Linux")
def test_an_archive_worker_killed_before_its_work_leaves_the_build_whole(tmp_path, monkeypatch):
    """The archive's worker, forked early for many texts, killed before its work is handed to
    it (out of memory, say): the archive and the site are made all the same, no traceback."""
    import contextlib
    import time

    import pipeline.builder.runner as runner

    forked_now = runner._worker_forked_now

    @contextlib.contextmanager
    def killed_worker():
        with forked_now() as worker:
            for process in list(worker._processes.values()):
                process.kill()
                process.join()
            time.sleep(0.5)  # (its pool finds it gone)
            yield worker

    monkeypatch.setattr(runner, "_worker_forked_now", killed_worker)
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    for number in range(runner.POOL_THRESHOLD):
        (raw / f"copy-{number}.txt").write_bytes(SEED)
    summary, lines = _lines_of(raw, out, jobs=2)
    assert summary.ok and summary.count(FileStatus.BUILT) == runner.POOL_THRESHOLD, lines
    assert (out / "archive.sqlite").is_file() and (out / "site" / "index.html").is_file()


def _children(pid: int) -> list[int]:
    """The processes ``pid`` forked (same command line), from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            same = (stat.parent / "cmdline").read_bytes() == Path(f"/proc/{pid}/cmdline").read_bytes()
        except (OSError, IndexError):
            continue  # gone meanwhile
        if int(fields[1]) == pid and same:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")  # a zombie has ended; only its parent has not yet asked how


SLOW_BUILD = """
import signal, sys, time
from pathlib import Path
from pipeline.builder.runner import BuildOptions, build

signal.signal(signal.SIGHUP, signal.SIG_DFL)  # as from a terminal, even when the tests run under nohup

def slow(records):
    time.sleep(5)  # each slice's tagging: long enough for the build process to be killed meanwhile
    return records

build(BuildOptions(Path(sys.argv[1]), Path(sys.argv[2]), jobs=2), tagger=slow)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="the parent-death signal and /proc are Linux's")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL], ids=lambda signum: signum.name)
def test_workers_end_when_the_build_process_is_killed(signum, tmp_path):
    """Killed mid-build, the build process takes its workers with it: none lives on
    holding memory, and the caller's stderr closes at once."""
    if (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1) < 2:
        pytest.skip("one core: the build forks no workers")
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    for number in range(16):
        (raw / f"copy-{number}.txt").write_bytes(SEED)
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_BUILD, str(raw), str(out)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        # One worker seen is enough (on a busy machine the second may be forked later):
        # every worker the build has forked must end with it.
        while not workers and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.02)
            workers = _children(process.pid)
        assert workers, "the build forked its workers"
        time.sleep(0.5)
        workers = _children(process.pid) or workers
        os.kill(process.pid, signum)
        process.communicate(timeout=20)  # returns once nothing holds the stderr pipe
        assert process.returncode == -signum
        deadline = time.monotonic() + 10
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(map(_alive, workers))
    finally:
        for pid in [process.pid, *workers]:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        process.wait()


def test_error_lines_stay_whole_under_the_progress_bar_on_a_narrow_terminal(monkeypatch):
    import rich.console

    from pipeline.cli import BarReporter

    screen = io.StringIO()
    real = rich.console.Console

    def narrow_terminal(**kwargs):
        return real(file=screen, width=30, force_terminal=True, color_system=None)

    monkeypatch.setattr(rich.console, "Console", narrow_terminal)
    reporter = BarReporter()
    reporter.start(3)
    long_line = "near-2030-a-long-name-of-a-conference.txt:12: no recognisable structure: no meeting title :smile:"
    reporter.advance(FileResult("near-2030-a-long-name-of-a-conference.txt", FileStatus.FAILED, long_line))
    reporter.advance(FileResult("[/x]\n[bold].txt", FileStatus.FAILED, "[/x]\n[bold].txt:1: the file is empty"))
    reporter.message("out: index and briefing book failed: OSError: a message wider than the terminal")
    reporter.finish(Summary())
    shown = re.split(r"[\r\n]", re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue()))
    assert long_line in shown
    assert "[/x]\\n[bold].txt:1: the file is empty" in shown
    assert "out: index and briefing book failed: OSError: a message wider than the terminal" in shown
