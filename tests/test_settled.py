"""A build with nothing to do tells the settled state's report again (without the manifest);
any change to either folder or to the build goes the whole way, and so does a state that
is not one a build recorded."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from pipeline.builder import runner
from pipeline.builder.report import FileStatus, Summary
from pipeline.builder.runner import BuildOptions, build
from pipeline.builder.settled import SETTLED_NAME
from pipeline.cli import LineReporter
from pipeline.settings import DEFAULTS, Settings


def _untagged(records):
    return records


class Spy:
    """Counts the builds that went the whole way (they read the manifest)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.whole = 0
        load = runner.Manifest.load

        def counted(out_dir: Path):
            self.whole += 1
            return load(out_dir)

        monkeypatch.setattr(runner.Manifest, "load", staticmethod(counted))


def _build(raw: Path, out: Path, paper: str = "a4", settings: Settings = DEFAULTS) -> tuple[Summary, list[str]]:
    """The build's summary and what it printed (its seconds left out)."""
    stream = io.StringIO()
    options = BuildOptions(raw, out, paper=paper, jobs=1, settings=settings)
    summary = build(options, LineReporter(stream), tagger=_untagged)
    return summary, [re.sub(r" in \d+\.\d s$", "", line) for line in stream.getvalue().splitlines()]


@pytest.fixture
def built(raw_dir: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The samples built, with a refused input and a file that is not a text."""
    (raw_dir / "broken.txt").write_text("nothing to see\n")
    (raw_dir / "notes.md").write_text("not a raw text\n")
    out = tmp_path / "out"
    summary, _ = _build(raw_dir, out)
    assert summary.count(FileStatus.FAILED) == 1 and (out / SETTLED_NAME).is_file()
    return raw_dir, out


def test_nothing_to_do_tells_what_the_whole_way_tells(built, monkeypatch):
    raw, out = built
    spy = Spy(monkeypatch)
    replayed, told = _build(raw, out)
    assert spy.whole == 0
    (out / SETTLED_NAME).unlink()
    whole, told_whole = _build(raw, out)
    assert spy.whole == 1 and (out / SETTLED_NAME).is_file()  # (recorded again by the whole way)
    assert told == told_whole
    assert replayed.results == whole.results and replayed.ignored == whole.ignored == ["notes.md"]
    assert not replayed.ok and [result.file for result in replayed.failed] == ["broken.txt"]
    assert any("need checking" in line or "needs checking" in line for line in told)


def _touch(path: Path) -> None:
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))


# Each change, made after a build: the next build goes the whole way (then one with nothing to do, not).
CHANGES = {
    "a raw text touched": lambda raw, out: _touch(raw / "near-1995-khabarovsk.txt"),
    "a raw text dropped": lambda raw, out: (raw / "near-2030-new.txt").write_bytes(
        (raw / "near-1995-khabarovsk.txt").read_bytes()
    ),
    "a raw text removed": lambda raw, out: (raw / "near-2021-pohang.txt").unlink(),
    "a file beside the texts": lambda raw, out: (raw / "draft.doc").write_text("x"),
    "a briefing edited": lambda raw, out: (out / "near-2014-irkutsk.pdf").write_bytes(b"%PDF- edited"),
    "a briefing removed": lambda raw, out: (out / "near-2014-irkutsk.docx").unlink(),
    "the book touched": lambda raw, out: _touch(out / "briefing-book.pdf"),
    "a page of the site edited": lambda raw, out: (out / "site" / "index.html").write_text("edited"),
    "a temporary left behind": lambda raw, out: (out / ".near-2014-irkutsk.pdf.tmp").write_bytes(b""),
    "the manifest touched": lambda raw, out: _touch(out / ".manifest.json"),
}


def test_any_change_goes_the_whole_way(built, monkeypatch):
    raw, out = built
    spy = Spy(monkeypatch)
    for name, change in CHANGES.items():
        change(raw, out)
        _build(raw, out)
        assert spy.whole == 1, name
        _build(raw, out)
        assert spy.whole == 1, f"{name}: not settled after it"
        spy.whole = 0
    assert not list(out.glob(".*.tmp"))


def test_a_refused_name_goes_the_whole_way_each_time(built, monkeypatch):
    """Its text is in no manifest: each build tells it anew, in a new pre-send report."""
    raw, out = built
    (raw / "index.txt").write_text("its outputs would be the collection's\n")
    spy = Spy(monkeypatch)
    for _ in range(2):
        summary, _ = _build(raw, out)
        assert [result.file for result in summary.failed] == ["broken.txt", "index.txt"]
    assert spy.whole == 2 and not (out / SETTLED_NAME).exists()


def test_another_build_goes_the_whole_way(built, monkeypatch):
    raw, out = built
    spy = Spy(monkeypatch)
    _build(raw, out, paper="letter")
    assert spy.whole == 1
    _build(raw, out, paper="letter")
    assert spy.whole == 1
    _build(raw, out, settings=DEFAULTS.replace(languages=["ko"]))
    assert spy.whole == 2


def test_a_text_dropped_while_the_build_runs_is_built_by_the_next(raw_dir, tmp_path, monkeypatch):
    out, check = tmp_path / "out", runner.check_outputs

    def dropping(*args, **kwargs):  # (after the raw folder was listed)
        (raw_dir / "near-2030-late.txt").write_bytes((raw_dir / "near-1995-khabarovsk.txt").read_bytes())
        return check(*args, **kwargs)

    monkeypatch.setattr(runner, "check_outputs", dropping)
    _build(raw_dir, out)
    monkeypatch.setattr(runner, "check_outputs", check)
    summary, _ = _build(raw_dir, out)
    assert [result.file for result in summary.results if result.status is FileStatus.BUILT] == ["near-2030-late.txt"]


def test_an_output_edited_while_the_build_runs_is_kept_by_the_next(raw_dir, tmp_path, monkeypatch):
    out, done = tmp_path / "out", runner._archive_done
    _build(raw_dir, out)
    _touch(raw_dir / "near-1995-khabarovsk.txt")  # (this build has something to do)

    def editing(*args, **kwargs):  # (after the outputs were checked and vouched for)
        (out / "near-2014-irkutsk.pdf").write_bytes(b"%PDF- edited while the build ran")
        return done(*args, **kwargs)

    monkeypatch.setattr(runner, "_archive_done", editing)
    _build(raw_dir, out)
    monkeypatch.setattr(runner, "_archive_done", done)
    spy = Spy(monkeypatch)
    summary, _ = _build(raw_dir, out)  # (a state recorded, if any, is not the folder's: the whole way)
    assert spy.whole == 1 and [edit.name for edit in summary.edited] == ["near-2014-irkutsk.pdf"]


def test_an_output_removed_while_the_build_runs_is_built_by_the_next(raw_dir, tmp_path, monkeypatch):
    out, done = tmp_path / "out", runner._archive_done
    _build(raw_dir, out)
    _touch(raw_dir / "near-1995-khabarovsk.txt")

    def removing(*args, **kwargs):
        (out / "near-2014-irkutsk.docx").unlink()
        (out / "site" / "index.html").unlink()
        return done(*args, **kwargs)

    monkeypatch.setattr(runner, "_archive_done", removing)
    _build(raw_dir, out)
    assert not (out / SETTLED_NAME).exists()  # (the state would be the folder's as it stays)
    monkeypatch.setattr(runner, "_archive_done", done)
    _build(raw_dir, out)
    assert (out / "near-2014-irkutsk.docx").is_file() and (out / "site" / "index.html").is_file()


@pytest.mark.parametrize(
    "state",
    [
        b"not json",
        b'{"format": 1}',
        b"[]",
        # a row no build with nothing to do tells: built, a failure without its line, notes without codes
        b'{"format":1,"key":"k","raw":"r","tree":"t","ignored":[],"results":[["a.txt","built",null,false,[],[]]]}',
        b'{"format":1,"key":"k","raw":"r","tree":"t","ignored":[],"results":[["a.txt","failed",null,false,[],[]]]}',
        b'{"format":1,"key":"k","raw":"r","tree":"t","ignored":[],"results":[["a.txt","unchanged",null,true,["x"],[]]]}',
        b'{"format":2,"key":"k","raw":"r","tree":"t","ignored":[],"results":[]}',
    ],
)
def test_a_state_no_build_recorded_is_ignored(raw_dir, tmp_path, state):
    from pipeline.builder.settled import Settled

    out = tmp_path / "out"
    out.mkdir()
    (out / SETTLED_NAME).write_bytes(state)
    assert Settled.load(out) is None


def test_a_forged_state_that_matches_only_tells_lines(built, monkeypatch):
    """Read back from OUT_DIR: a state edited to match tells its lines through the reporter,
    which escapes them, and writes nothing."""
    import json

    raw, out = built
    state = json.loads((out / SETTLED_NAME).read_bytes())
    state["results"][0][2] = "broken.txt:1: \x1b[2Jforged"
    (out / SETTLED_NAME).write_text(json.dumps(state))
    # (its own stat is no part of the state: it is the record, not an output)
    before = {path: path.stat().st_mtime_ns for path in out.rglob("*")}
    _, told = _build(raw, out)
    assert "broken.txt:1: \\x1b[2Jforged" in told
    assert {path: path.stat().st_mtime_ns for path in out.rglob("*")} == before


def test_a_folder_in_place_of_the_state_is_cleared(raw_dir, tmp_path, monkeypatch):
    out = tmp_path / "out"
    (out / SETTLED_NAME).mkdir(parents=True)
    (out / SETTLED_NAME / "inside").write_text("x")
    spy = Spy(monkeypatch)
    for _ in range(2):
        summary, _ = _build(raw_dir, out)
        assert summary.ok
    assert spy.whole == 1 and (out / SETTLED_NAME).is_file()


class AheadSpy:
    """What a build without a given tagger did, in order: read the manifest, start loading the
    model for a handful of texts, tag with it, let it go (a stand-in: no model, no process)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.events: list[str] = []
        load, events = runner.Manifest.load, self.events

        def read(out_dir: Path):
            events.append("manifest")
            return load(out_dir)

        class Loader:
            def __init__(self, options: BuildOptions, summary: Summary) -> None:
                events.append("loader")

            def __call__(self, records):
                events.append("tag")
                return records

            def let_go(self) -> None:
                events.append("let go")

            def __enter__(self):
                return self

            def __exit__(self, *_: object) -> None:
                pass

        monkeypatch.setattr(runner.Manifest, "load", staticmethod(read))
        monkeypatch.setattr(runner, "_FewTextsTagger", Loader)

    def build(self, raw: Path, out: Path) -> list[str]:
        self.events.clear()
        build(BuildOptions(raw, out, jobs=1), LineReporter(io.StringIO()))
        return list(self.events)


def test_a_text_changed_since_the_build_settled_has_its_model_loaded_before_the_manifest_is_read(built, monkeypatch):
    raw, out = built
    spy = AheadSpy(monkeypatch)
    text = raw / "near-2010-gyeonggi.txt"
    text.write_bytes(text.read_bytes().replace(b"Gyeonggi", b"Gyeonggi ", 1))
    assert spy.build(raw, out) == ["loader", "manifest", "tag"]
    assert spy.build(raw, out) == []  # (settled again: told from the state)


def test_a_model_loaded_ahead_for_nothing_is_let_go(built, monkeypatch):
    raw, out = built
    spy = AheadSpy(monkeypatch)
    (raw / "near-2010-gyeonggi.txt").unlink()
    assert spy.build(raw, out) == ["loader", "manifest", "let go"]


def test_an_output_changed_loads_no_model_ahead(built, monkeypatch):
    raw, out = built
    spy = AheadSpy(monkeypatch)
    (out / "near-2010-gyeonggi.json").unlink()
    assert spy.build(raw, out) == ["manifest", "loader", "tag"]  # (rebuilt: the model loaded once it is known)
