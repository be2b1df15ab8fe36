"""OUT_DIR/archive.sqlite: its schema (stable, documented), incremental updates, its
content independent of the build's history, hostile files rebuilt, and the queries
search, history and who on the command line."""

from __future__ import annotations

import contextlib
import json
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.archive import ARCHIVE_NAME, ArchiveError, ArchiveStatus, Doubt, dump, open_checked, sync
from pipeline.builder.manifest import Manifest
from pipeline.cli import main
from tests.conftest import ROOT, SAMPLES, run, samples_built, summary_counts

# The documented schema (README, "The archive"): changing it must change this test and the README.
COLUMNS = {
    "archive_info": ["key", "value"],
    "meetings": [
        "file", "stem", "record_sha256", "source_sha256", "kind", "number", "body", "year", "title", "period",
        "start_date", "end_date", "venue", "venue_place", "venue_country", "venue_country_code", "organizer",
        "organizer_name", "organizer_country_code", "stated_authorities", "stated_countries", "member_count",
        "observer_count", "country_count", "declaration_title", "declaration_kind", "json_path", "docx_path",
        "pdf_path",
    ],
    "participants": ["file", "position", "entity_id", "name", "written", "country", "country_code", "role"],
    "entities": ["file", "position", "id", "kind", "name", "label", "country", "code", "mentions", "aliases"],
    "contents": ["file", "position", "parent", "depth", "text"],
    "resolutions": ["file", "position", "number", "text"],
    "sections": ["file", "position", "heading", "text"],
    "notes": ["file", "position", "code", "severity", "line", "message"],
    "search": ["file", "part", "position", "heading", "text"],
}  # fmt: skip
INDEXES = {
    "meetings_year", "meetings_kind", "meetings_venue_country", "participants_entity", "participants_country",
    "entities_id", "notes_code",
}  # fmt: skip
PRIMORSKY = ["Primorsky Krai", "Primorski Territory", "primorsky territory", "RU-PRI"]


def records_of(out: Path) -> dict[str, tuple[str, str]]:
    manifest = Manifest.load(out)
    assert manifest is not None
    return {name: (entry.summary.stem, entry.outputs[".json"]) for name, entry in manifest.files.items()}


def dumped(out: Path) -> list[str]:
    with contextlib.closing(open_checked(out / ARCHIVE_NAME)) as db:
        return list(dump(db))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """The seven samples, built once for the module."""
    return samples_built(tmp_path_factory.mktemp("archive"), jobs=1)


@pytest.fixture
def out_copy(built, tmp_path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(built[1], out)
    return out


def test_the_schema_is_the_documented_one(built):
    db = sqlite3.connect(built[1] / ARCHIVE_NAME)
    for table, columns in COLUMNS.items():
        assert [row[1] for row in db.execute(f"PRAGMA table_info({table})")] == columns, table
    indexes = {
        name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
    }
    assert indexes == INDEXES
    assert "fts5" in db.execute("SELECT sql FROM sqlite_master WHERE name = 'search'").fetchone()[0]
    for table in COLUMNS.keys() - {"archive_info", "meetings", "search"}:
        keys = db.execute(f"PRAGMA foreign_key_list({table})").fetchall()
        assert [(key[2], key[3], key[4], key[6]) for key in keys] == [("meetings", "file", "file", "CASCADE")]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    # Datasette's metadata, written by the build, describes every table and column.
    metadata = json.loads((built[1] / "archive-metadata.json").read_text())["databases"]["archive"]["tables"]
    assert {table: list(entry["columns"]) for table, entry in metadata.items()} == COLUMNS
    # The README documents every table and column.
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("\n## The archive") :]
    for table, columns in COLUMNS.items():
        assert f"`{table}`" in section, table
        for column in columns:
            assert f"`{column}`" in section, (table, column)


def test_rows_follow_the_records(built):
    out = built[1]
    db = sqlite3.connect(out / ARCHIVE_NAME)
    assert db.execute("SELECT count(*) FROM meetings").fetchone() == (len(SAMPLES),)
    index = json.loads((out / "index.json").read_text())["records"]
    for entry in index:
        row = db.execute(
            "SELECT title, start_date, member_count, observer_count, pdf_path FROM meetings WHERE file = ?",
            (entry["file"],),
        ).fetchone()
        assert row == (
            entry["title"],
            entry["start"],
            entry["listed_authorities"],
            entry["observers"],
            entry["outputs"]["pdf"],
        )
        record = json.loads((out / entry["outputs"]["json"]).read_text())
        count = db.execute("SELECT count(*) FROM entities WHERE file = ?", (entry["file"],)).fetchone()[0]
        assert count == len(record["entities"])
        resolutions = (record["declaration"] or {}).get("resolutions", [])
        texts = [
            text
            for (text,) in db.execute("SELECT text FROM resolutions WHERE file = ? ORDER BY position", (entry["file"],))
        ]
        assert texts == [resolution["text"] for resolution in resolutions]
    written = dict(db.execute("SELECT file, written FROM participants WHERE entity_id = 'RU-PRI'"))
    assert written["near-1995-khabarovsk.txt"] == "Primorski Territory"
    assert written["near-2021-pohang.txt"] == "Primorsky Territory"


def test_updates_are_incremental_and_the_content_is_the_fresh_builds(built, out_copy, tmp_path):
    records = records_of(out_copy)
    kept = dict(list(records.items())[1:])
    result = sync(out_copy, kept)
    assert (result.status, result.updated, result.removed) == (ArchiveStatus.UPDATED, 0, 1)
    assert sync(out_copy, kept).status is ArchiveStatus.UNCHANGED
    result = sync(out_copy, records)
    assert (result.status, result.updated, result.removed) == (ArchiveStatus.UPDATED, 1, 0)
    assert dumped(out_copy) == dumped(built[1])  # same records, same rows, whatever the history

    # Through the build: one text changed, one removed; then the archive of a fresh build of the same texts.
    raw = tmp_path / "raw"
    shutil.copytree(built[0], raw)
    seed = raw / "near-1995-khabarovsk.txt"
    seed.write_bytes(seed.read_bytes().replace(b"21 regional authorities", b"18 regional authorities"))
    (raw / "near-2021-pohang.txt").unlink()
    again = run("build", str(raw), "--out", str(out_copy), "--jobs", "1")
    assert summary_counts(again.stderr.splitlines()[-1]) == (1, 5, 1, 0)
    fresh = tmp_path / "fresh"
    assert run("build", str(raw), "--out", str(fresh), "--jobs", "1").returncode == 0
    assert dumped(out_copy) == dumped(fresh)
    files = [json.loads(line)[1] for line in dumped(out_copy) if line.startswith('["meetings"')]
    assert files == sorted(path.name for path in raw.glob("*.txt"))


def test_a_build_with_nothing_to_do_leaves_the_archive_alone(built, out_copy):
    before = (out_copy / ARCHIVE_NAME).read_bytes()
    result = run("build", str(built[0]), "--out", str(out_copy))
    assert summary_counts(result.stderr.splitlines()[-1]) == (0, len(SAMPLES), 0, 0)
    assert (out_copy / ARCHIVE_NAME).read_bytes() == before


def _garbage(path: Path) -> None:
    path.write_bytes(b"not a database at all" * 100)


def _executing(name: str, statement: str) -> Callable[[Path], None]:
    """A damage that runs one SQL statement on the archive."""

    def damage(path: Path) -> None:
        with contextlib.closing(sqlite3.connect(path)) as db:
            db.execute(statement)
            db.commit()

    damage.__name__ = name  # the test's id
    return damage


_trigger = _executing(
    "_trigger", "CREATE TRIGGER spy AFTER DELETE ON meetings BEGIN INSERT INTO archive_info VALUES ('x', 'y'); END"
)
_dropped = _executing("_dropped", "DROP TABLE notes")
_other_format = _executing("_other_format", "UPDATE archive_info SET value = '999' WHERE key = 'format'")
_search_damaged = _executing("_search_damaged", "DELETE FROM search_data WHERE id > 10")


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _symlink(path: Path) -> None:
    elsewhere = path.parent.parent / "elsewhere.sqlite"
    shutil.copy(path, elsewhere)
    path.unlink()
    path.symlink_to(elsewhere)


@pytest.mark.parametrize(
    ("damage", "doubt"),
    [
        (_garbage, Doubt.NOT_SQLITE),
        (_trigger, Doubt.OTHER_SCHEMA),
        (_dropped, Doubt.OTHER_SCHEMA),
        (_other_format, Doubt.OTHER_FORMAT),
        (_search_damaged, Doubt.DAMAGED),
        (_truncated, None),
        (_symlink, Doubt.NOT_A_FILE),
    ],
)
def test_a_hostile_archive_is_rebuilt_and_never_trusted(built, out_copy, damage, doubt, capsys):
    path = out_copy / ARCHIVE_NAME
    damage(path)
    # The queries refuse it in one line.
    assert main(["history", "Primorsky Krai", "--out", str(out_copy)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "run the build again" in err and "Traceback" not in err
    result = sync(out_copy, records_of(out_copy))
    assert result.status is ArchiveStatus.REBUILT
    if doubt is not None:
        assert result.doubt is doubt
    assert not path.is_symlink()
    assert dumped(out_copy) == dumped(built[1])


@pytest.mark.parametrize("spelling", PRIMORSKY)
def test_history_finds_a_place_however_it_is_written(built, spelling, capsys):
    assert main(["history", spelling, "--out", str(built[1]), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [row["file"] for row in rows] == [path.name for path in SAMPLES]
    assert {row["id"] for row in rows} == {"RU-PRI"}
    assert rows[0]["written"] == "Primorski Territory"


def test_history_plain_lines_and_close_names(built, capsys):
    assert main(["history", "Primorsky Krai", "--out", str(built[1])]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(SAMPLES)
    assert lines[0].startswith('1995-09-06  near-1995-khabarovsk.txt  member as "Primorski Territory"')
    assert main(["history", "Toyoma Prefecture", "--out", str(built[1])]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "Toyoma Prefecture: no place or organization of that name in the archive; did you mean 'Toyama Prefecture'"
    )


def test_search_ranks_meetings_with_a_snippet(built, capsys):
    assert main(["search", "tourism", "--out", str(built[1]), "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [hit["file"] for hit in hits] == ["near-2021-pohang.txt", "near-1996-gyeongju.txt"]
    assert "[tourism]" in hits[0]["snippet"]
    assert hits[0]["score"] <= hits[1]["score"]  # bm25: lower is better
    # A resolution's words find its meeting, and words that are FTS5 syntax are words.
    db = sqlite3.connect(built[1] / ARCHIVE_NAME)
    file, text = db.execute("SELECT file, text FROM resolutions ORDER BY file, position LIMIT 1").fetchone()
    words = [word.strip('.,;:"()') for word in text.split() if len(word) > 6][:3]
    assert main(["search", *words, "--out", str(built[1])]) == 0
    assert file in capsys.readouterr().out.splitlines()[0]
    assert main(["search", "NEAR", "AND", "(", '"', "--out", str(built[1])]) in (0, 1)
    assert "Traceback" not in capsys.readouterr().err
    assert main(["search", "zzzzunknownword", "--out", str(built[1])]) == 1
    assert capsys.readouterr().err == "nothing found\n"


def test_who_by_meeting_and_year(built, capsys):
    assert main(["who", "--meeting", "near-1995-khabarovsk", "--out", str(built[1]), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    record = json.loads((built[1] / "near-1995-khabarovsk.json").read_text())
    listed = [name for group in record["overview"]["participation"]["groups"] for name in group["authorities"]]
    assert sorted(row["written"] for row in rows) == sorted(listed)
    assert main(["who", "--year", "2021", "--out", str(built[1])]) == 0
    assert all(line.startswith("near-2021-pohang.txt") for line in capsys.readouterr().out.splitlines())
    assert main(["who", "--meeting", "khabarovsk", "--year", "1996", "--out", str(built[1])]) == 1
    assert capsys.readouterr().err == "1996: no meeting in that year in the archive\n"
    assert main(["who", "--meeting", "khabarovks", "--out", str(built[1])]) == 1
    assert "did you mean 'near-1995-khabarovsk'" in capsys.readouterr().err


def test_queries_without_an_archive_say_so_in_one_line(tmp_path, capsys):
    assert main(["search", "tourism", "--out", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"{tmp_path / ARCHIVE_NAME}: missing; run the build again\n"


def _archive_commands() -> list[str]:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    start = readme.index("\n## The archive")
    section = readme[start : readme.index("\n## ", start + 1)]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.DOTALL)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_the_readme_shows_archive_commands():
    commands = _archive_commands()
    assert {shlex.split(command)[1] for command in commands} >= {"search", "history", "who"}


@pytest.mark.parametrize("command", _archive_commands())
def test_an_archive_command_of_the_readme_runs(command, tmp_path_factory):
    """On the seed alone, as `make all` builds it: from a folder holding raw/ and output/."""
    project = tmp_path_factory.getbasetemp() / "seed-project"
    if not (project / "output" / ARCHIVE_NAME).exists():
        (project / "raw").mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "raw" / "near-1995-khabarovsk.txt", project / "raw")
        assert run("build", str(project / "raw"), "--out", str(project / "output"), "--jobs", "1").returncode == 0
    words = shlex.split(command)
    assert words[0] == ".venv/bin/near-briefings"
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", *words[1:]], cwd=project, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "near-1995-khabarovsk.txt" in result.stdout


@pytest.mark.parametrize(("damage", "doubt"), [(_trigger, Doubt.OTHER_SCHEMA), (_other_format, Doubt.OTHER_FORMAT)])
def test_an_archive_verified_in_this_build_still_has_its_schema_and_format_checked(out_copy, damage, doubt):
    """Only the reading of every page is spared for a file the build checked a moment ago."""
    path = out_copy / ARCHIVE_NAME
    damage(path)
    with pytest.raises(ArchiveError) as caught:
        open_checked(path, deep=False, verified=True)
    assert caught.value.doubt is doubt


def test_an_archive_as_the_last_build_left_it_is_not_read_whole_again(tmp_path, monkeypatch) -> None:
    """SQLite's checks read the whole file: a build that finds the archive's signature as the
    last build left it skips them; a file written since (its change time moved) is checked."""
    from pipeline.archive import store

    out = tmp_path / "out"
    out.mkdir()
    store.sync(out, {})
    checked: list[bool] = []
    opened = store.open_checked

    def recording(path, **options):
        checked.append(not options.get("verified", False))
        return opened(path, **options)

    monkeypatch.setattr(store, "open_checked", recording)
    store.sync(out, {})
    assert checked == [False]
    archive = out / store.ARCHIVE_NAME
    archive.write_bytes(archive.read_bytes())  # the same bytes, written again: checked
    store.sync(out, {})
    assert checked == [False, True]
    (out / store.CHECKED_NAME).write_text("not a signature")
    store.sync(out, {})
    assert checked == [False, True, True]
