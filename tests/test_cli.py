"""The command line as a user runs it: a folder in, a folder out, one line per bad file."""

from __future__ import annotations

import json
import re

from pipeline.archive.store import CHECKED_NAME
from pipeline.builder.settled import SETTLED_NAME
from pipeline.cli import make_parser
from pipeline.outdir import WITNESS_NAME
from pipeline.site import DIGESTS_NAME
from tests.conftest import ROOT, SAMPLES, run


def test_build_writes_one_record_per_raw_text(raw_dir, tmp_path):
    out = tmp_path / "out"
    result = run("build", str(raw_dir), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.glob("near-*.json")) == sorted(f"{s.stem}.json" for s in SAMPLES)
    assert (out / "index.json").exists() and (out / "briefing-book.pdf").exists()
    assert "Traceback" not in result.stderr


def test_bad_files_are_reported_and_skipped(raw_dir, tmp_path):
    (raw_dir / "empty.txt").write_bytes(b"")
    (raw_dir / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (raw_dir / "prose.txt").write_text("Just a note.\nNothing structured here.\n")
    out = tmp_path / "out"
    result = run("build", str(raw_dir), "--out", str(out))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if re.match(r"^\S+\.txt:\d+: ", line)]
    assert sorted(line.split(":")[0] for line in errors) == ["binary.txt", "empty.txt", "prose.txt"]
    assert not any(out.glob("empty.*")) and not any(out.glob("binary.*")) and not any(out.glob("prose.*"))
    assert len(list(out.glob("near-*.json"))) == len(SAMPLES)
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_same_input_same_bytes(raw_dir, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert run("build", str(raw_dir), "--out", str(first)).returncode == 0
    assert run("build", str(raw_dir), "--out", str(second)).returncode == 0
    for path in first.glob("*.json"):
        # (the witnesses, of the outputs, the site and the archive, record this file system's
        # inodes and times, not what was built)
        if path.name not in (WITNESS_NAME, DIGESTS_NAME, CHECKED_NAME, SETTLED_NAME):
            assert path.read_bytes() == (second / path.name).read_bytes()


def test_evaluate_scores_a_text_the_parser_refuses_as_nothing_found(tmp_path):
    """One refused text is a line and a row with nothing found, not the end of the evaluation."""
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (tmp_path / "prose.txt").write_text("Just a note.\nNothing structured here.\n")
    (gold_dir / "prose.json").write_text(json.dumps({"file": "prose.txt", "places": ["Busan"], "organizations": []}))
    sample = SAMPLES[0]
    (tmp_path / sample.name).write_bytes(sample.read_bytes())
    gold = json.loads((ROOT / "tests" / "gold" / f"{sample.stem}.json").read_text())
    (gold_dir / f"{sample.stem}.json").write_text(json.dumps(gold))
    result = run("evaluate", str(gold_dir), str(tmp_path))
    assert result.returncode == 1, result.stderr  # (the exit status says a text was refused)
    assert "Traceback" not in result.stderr
    assert "prose.txt:1: no recognisable structure" in result.stderr + result.stdout
    rows = {
        line.split()[0]: line.split()[1:]
        for line in result.stdout.splitlines()
        if line.endswith(".txt") or ".txt " in line
    }
    assert rows["prose.txt"][1] == "0.000" and sample.name in rows


def test_missing_raw_folder_is_one_line(tmp_path):
    result = run("build", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_schema_command_prints_the_json_schema():
    result = run("schema")
    schema = json.loads(result.stdout)
    assert schema["title"] == "Record"
    assert list(schema["properties"]) == [
        "schema_version",
        "source",
        "title",
        "meeting",
        "overview",
        "contents",
        "declaration",
        "sections",
        "entities",
        "notes",
    ]


def test_readme_documents_every_command_and_option():
    """Docs and CLI agree: every subcommand and option appears in the README."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = make_parser()
    subcommands = next(a for a in parser._actions if a.dest == "command").choices
    for name, subparser in subcommands.items():
        assert f"near-briefings {name}" in readme, name
        for action in subparser._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help"):
                    assert option in readme, f"{name} {option}"
