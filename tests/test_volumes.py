"""The briefing book in volumes once the archive outgrows one: bounded, stable, deterministic.

VOLUME_MEETINGS is patched small, so a few dozen synthetic texts make several volumes."""

from __future__ import annotations

import datetime
import json
import random
import zipfile

import pytest
from pypdf import PdfReader

from pipeline import BuildOptions, build
from pipeline.builder import book as bk
from pipeline.builder.dist import write_bundle
from pipeline.builder.files import VOLUME_STEM, book_language
from pipeline.builder.names import refused_names
from pipeline.settings import Settings
from tests.test_book import synthetic_entries
from tools.synthetic import random_spec, random_style, render

SETTINGS = Settings.from_mapping({"edition": {"date": datetime.date(2026, 3, 4)}})
MOST = 12  # a volume may begin at one meeting in 3, once it holds 3
TEXTS = 36


def untagged(records):
    return records


@pytest.fixture
def small_volumes(monkeypatch):
    monkeypatch.setattr(bk, "VOLUME_MEETINGS", MOST)


def write_texts(raw, count=TEXTS, seed=3):
    raw.mkdir(exist_ok=True)
    rng = random.Random(seed)
    for index in range(count):
        text = render(random_spec(rng, ordinal=index + 1), random_style(rng))
        (raw / f"near-synthetic-{index:03d}.txt").write_text(text, encoding="utf-8")
    return raw


def books(out):
    """{name: (inode, bytes)} of every book and volume file in ``out``."""
    return {
        path.name: (path.stat().st_ino, path.read_bytes())
        for path in sorted(out.iterdir())
        if book_language(path.name) is not None
    }


def test_volumes_are_bounded_named_by_their_years_and_listed_in_the_index(small_volumes, tmp_path):
    raw, out = write_texts(tmp_path / "raw"), tmp_path / "out"
    assert build(BuildOptions(raw, out, jobs=1, settings=SETTINGS), tagger=untagged).ok
    index = json.loads((out / "index.json").read_text())
    volumes = index["volumes"]
    assert len(volumes) >= 3 and not (out / "briefing-book.pdf").exists()
    # every meeting in one volume, in date order, at most MOST in each
    assert [file for volume in volumes for file in volume["records"]] == [r["file"] for r in index["records"]]
    assert all(1 <= len(volume["records"]) <= MOST for volume in volumes)
    assert max(len(volume["records"]) for volume in volumes) > 2
    for volume in volumes:
        assert VOLUME_STEM.fullmatch(volume["pdf"].removesuffix(".pdf")) and volume["years"] in volume["pdf"]
        reader = PdfReader(out / volume["pdf"])
        titles = [item.title for item in reader.outline if not isinstance(item, list)]
        records = {r["file"]: r for r in index["records"]}
        assert titles[3:] == [records[file]["title"] for file in volume["records"]]  # after cover, timeline, matrix
        assert "Timeline" in titles and "Participation matrix" in titles
        assert (out / volume["docx"]).exists()
    # the manifest vouches for each volume: dist hands them all out
    bundle = zipfile.ZipFile(write_bundle(out, tmp_path / "dist"))
    assert {volume["pdf"] for volume in volumes} | {volume["docx"] for volume in volumes} <= set(bundle.namelist())
    # a raw text may not take a volume's name
    assert [r.file for r in refused_names([volumes[0]["pdf"].replace(".pdf", ".txt"), "x.txt"], 255)] == [
        volumes[0]["pdf"].replace(".pdf", ".txt")
    ]


def test_one_changed_text_rewrites_its_volume_alone_and_volumes_are_deterministic(small_volumes, tmp_path):
    raw, out = write_texts(tmp_path / "raw"), tmp_path / "out"
    assert build(BuildOptions(raw, out, jobs=1, settings=SETTINGS), tagger=untagged).ok
    before = books(out)
    volumes = json.loads((out / "index.json").read_text())["volumes"]
    changed = raw / volumes[1]["records"][0]
    index = (out / "index.json").stat().st_ino
    # an edit its briefings do not show (a space at a line's end): no volume, nor the index, is written
    changed.write_text(changed.read_text(encoding="utf-8").replace("Assembly", "Assembly ", 1), encoding="utf-8")
    assert build(BuildOptions(raw, out, jobs=1, settings=SETTINGS), tagger=untagged).ok
    assert books(out) == before and (out / "index.json").stat().st_ino == index
    # a new title: its own volume alone
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("Assembly ", "Assembly, revised", 1), encoding="utf-8"
    )
    assert build(BuildOptions(raw, out, jobs=1, settings=SETTINGS), tagger=untagged).ok
    assert "revised" in (out / volumes[1]["records"][0].replace(".txt", ".json")).read_text(encoding="utf-8")
    after = books(out)
    assert set(after) == set(before)
    rewritten = {name for name in after if after[name][0] != before[name][0]}
    assert rewritten == {volumes[1]["pdf"], volumes[1]["docx"]}
    # a build from scratch makes the same bytes, volume for volume
    fresh = tmp_path / "fresh"
    assert build(BuildOptions(raw, fresh, jobs=1, settings=SETTINGS), tagger=untagged).ok
    assert {name: data for name, (_, data) in books(fresh).items()} == {name: data for name, (_, data) in after.items()}
    # with nothing changed, nothing is rewritten
    assert build(BuildOptions(raw, out, jobs=1, settings=SETTINGS), tagger=untagged).ok
    assert books(out) == after


def test_volumes_give_way_to_one_book_when_the_archive_shrinks(small_volumes, tmp_path):
    raw, out = write_texts(tmp_path / "raw"), tmp_path / "out"
    assert build(BuildOptions(raw, out, jobs=1, settings=SETTINGS), tagger=untagged).ok
    for path in sorted(raw.iterdir())[MOST:]:
        path.unlink()
    assert build(BuildOptions(raw, out, jobs=1, settings=SETTINGS), tagger=untagged).ok
    assert sorted(books(out)) == ["briefing-book.docx", "briefing-book.pdf"]
    assert sorted(path.name for path in out.glob(".briefing-book*.layout.json")) == [".briefing-book.layout.json"]
    assert "volumes" not in json.loads((out / "index.json").read_text())


def test_a_meeting_added_changes_its_own_volume_and_seldom_a_neighbour(monkeypatch):
    """Boundaries follow from the meetings, not from their number or position: of 400 meetings
    in volumes of at most 20, a meeting added anywhere leaves the volumes far from it as they
    were; most often every volume but its own."""
    monkeypatch.setattr(bk, "VOLUME_MEETINGS", 20)
    entries = synthetic_entries(400)
    old = {(volume.stem, volume.entries) for volume in bk.volumes(entries)}
    assert len(old) >= 30
    rng = random.Random(5)
    rewritten = []
    for number in range(60):
        extra = rng.choice(entries)._replace(file=f"extra-{number}.txt")
        new = bk.volumes([*entries, extra])
        assert all(len(volume.entries) <= 20 for volume in new)
        assert [e for volume in new for e in volume.entries] == bk.in_date_order([*entries, extra])
        rewritten.append(sum((volume.stem, volume.entries) not in old for volume in new))
    assert max(rewritten) <= 4 and rewritten.count(1) >= len(rewritten) / 2, rewritten
