"""One failure boundary per text: a fault in any stage of one text fails that text alone.

Each test injects an exception into one stage (read, parse, tag, render, write)
for one text of a small batch and checks the promise: one line naming the text
and the stage, nothing of that text in OUT_DIR, every other text built, the
index and the book written, and a summary that says the build failed.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import pipeline.builder.files
import pipeline.parser.reader
import pipeline.parser.sections
import pipeline.render.outputs
from pipeline.builder.report import FileStatus
from pipeline.builder.runner import BuildOptions, build
from pipeline.cli import main
from pipeline.record import Record
from pipeline.tagger import tag
from tests.conftest import SAMPLES, summary_counts

VICTIM = SAMPLES[1].name
TEXTS = SAMPLES[:4]


class InjectedError(RuntimeError):
    """The fault the tests inject; its class name shows in the failure line."""


def _raise_for_victim(function: Callable, name_of: Callable) -> Callable:
    def faulty(*args, **kwargs):
        if name_of(*args, **kwargs) == VICTIM:
            raise InjectedError("injected fault")
        return function(*args, **kwargs)

    return faulty


def _inject(stage: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if stage == "read":
        function = pipeline.parser.reader.read_bytes
        monkeypatch.setattr(pipeline.parser.reader, "read_bytes", _raise_for_victim(function, lambda data, name: name))
    elif stage == "parse":
        function = pipeline.parser.sections.parse
        monkeypatch.setattr(pipeline.parser.sections, "parse", _raise_for_victim(function, lambda raw: raw.file))
    elif stage == "render":
        function = pipeline.render.outputs.render_outputs
        faulty = _raise_for_victim(function, lambda record, *args, **kwargs: record.source.file)
        monkeypatch.setattr(pipeline.render.outputs, "render_outputs", faulty)
    elif stage == "write":
        function = pipeline.builder.files.write_outputs
        faulty = _raise_for_victim(function, lambda stem, outputs, out_dir: f"{stem}.txt")
        monkeypatch.setattr(pipeline.builder.files, "write_outputs", faulty)


def _tagger(nlp, stage: str) -> Callable[[list[Record]], list[Record]]:
    def tagger(records: list[Record]) -> list[Record]:
        if stage == "tag" and any(record.source.file == VICTIM for record in records):
            raise InjectedError("injected fault")
        return tag(records, nlp)

    return tagger


def _raw(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    for sample in TEXTS:
        shutil.copy(sample, raw)
    return raw


@pytest.mark.parametrize("stage", ["read", "parse", "tag", "render", "write"])
def test_a_fault_in_one_stage_fails_that_text_alone(stage, tmp_path, monkeypatch, nlp):
    _inject(stage, monkeypatch)
    out = tmp_path / "out"
    summary = build(BuildOptions(_raw(tmp_path), out, jobs=1), tagger=_tagger(nlp, stage))

    assert [(r.file, r.error) for r in summary.failed] == [
        (VICTIM, f"{VICTIM}: {stage} failed: InjectedError: injected fault")
    ]
    assert summary.count(FileStatus.BUILT) == len(TEXTS) - 1
    assert not summary.ok
    victim = Path(VICTIM).stem
    assert not list(out.glob(f"{victim}.*")), "nothing of the failed text is written"
    assert not list(out.glob(".*.tmp"))
    for sample in TEXTS:
        if sample.name != VICTIM:
            assert {p.suffix for p in out.glob(f"{sample.stem}.*")} == {".json", ".docx", ".pdf"}
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert sorted(r["file"] for r in index["records"]) == sorted(s.name for s in TEXTS if s.name != VICTIM)
    assert (out / "briefing-book.pdf").stat().st_size > 0


def test_the_failed_text_is_tried_again_by_the_next_build(tmp_path, monkeypatch, nlp):
    raw, out = _raw(tmp_path), tmp_path / "out"
    with monkeypatch.context() as patch:
        _inject("render", patch)
        assert len(build(BuildOptions(raw, out, jobs=1), tagger=_tagger(nlp, "render")).failed) == 1
    again = build(BuildOptions(raw, out, jobs=1), tagger=_tagger(nlp, "render"))
    assert [(r.file, r.status) for r in again.results if r.status != FileStatus.UNCHANGED] == [
        (VICTIM, FileStatus.BUILT)
    ]


def test_a_fault_in_a_worker_process_fails_that_text_alone(tmp_path, monkeypatch, nlp):
    """The same boundary holds in the forked workers of a parallel build."""
    raw = _raw(tmp_path)
    for index, sample in enumerate(SAMPLES[4:] * 2):  # enough texts for the worker pool
        shutil.copy(sample, raw / f"copy-{index}-{sample.name}")
    _inject("render", monkeypatch)
    summary = build(BuildOptions(raw, tmp_path / "out", jobs=2), tagger=_tagger(nlp, "render"))
    assert [r.file for r in summary.failed] == [VICTIM]
    assert summary.count(FileStatus.BUILT) == len(list(raw.glob("*.txt"))) - 1


def test_the_command_line_prints_one_line_and_exits_1(tmp_path, monkeypatch, capsys):
    _inject("render", monkeypatch)
    status = main(["build", str(_raw(tmp_path)), "--out", str(tmp_path / "out"), "--jobs", "1"])
    lines = capsys.readouterr().err.splitlines()
    assert status == 1
    assert f"{VICTIM}: render failed: InjectedError: injected fault" in lines
    assert not any("Traceback" in line for line in lines)
    assert summary_counts(lines[-1]) == (len(TEXTS) - 1, 0, 0, 1)


def test_a_text_refused_for_its_input_is_reported_again_without_reading_it(tmp_path, monkeypatch, nlp):
    import pipeline.builder.runner as runner

    raw, out = _raw(tmp_path), tmp_path / "out"
    (raw / "notes.txt").write_text("just some words\nwith no structure at all\n", encoding="utf-8")
    first = build(BuildOptions(raw, out, jobs=1), tagger=_tagger(nlp, "none"))
    line = "notes.txt:1: no recognisable structure: no meeting title and no Overview, Contents or Declaration"
    assert [(r.file, r.error) for r in first.failed] == [("notes.txt", line)]
    checks = (out / "checks.pdf").stat().st_mtime_ns

    def no_model(options):
        raise AssertionError("a build with nothing new to read loaded the model")

    monkeypatch.setattr(runner, "_model_tagger", no_model)
    monkeypatch.setattr(pipeline.parser.sections, "parse", no_model)  # nor parsed it again
    again = build(BuildOptions(raw, out, jobs=1))
    assert [(r.file, r.error) for r in again.failed] == [("notes.txt", line)]
    assert again.count(FileStatus.UNCHANGED) == len(TEXTS) and not again.ok
    assert (out / "checks.pdf").stat().st_mtime_ns == checks  # nothing new to check
    monkeypatch.undo()

    (raw / "notes.txt").write_text(SAMPLES[0].read_text(encoding="utf-8"), encoding="utf-8")  # fixed: read again
    fixed = build(BuildOptions(raw, out, jobs=1), tagger=_tagger(nlp, "none"))
    assert not fixed.failed and [r.file for r in fixed.results if r.status == FileStatus.BUILT] == ["notes.txt"]
