"""The web archive (OUT_DIR/site): its pages from the archive, the same bytes whatever the
build's history, incremental writes, no remote resource, accessible HTML; and in a real
browser (headless Chromium): the home page, a filter, a search that finds a resolution, a
place page, a PDF link, screenshots, and axe-core's check."""

from __future__ import annotations

import hashlib
import html.parser
import json
import os
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from markupsafe import escape

from tests.browser import AXE, browser_missing, chromium, screenshot, served
from tests.conftest import SAMPLES, run, samples_built, summary_counts

SHOTS = Path(os.environ.get("SITE_SCREENSHOTS", "")) if os.environ.get("SITE_SCREENSHOTS") else None


def tree(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    return samples_built(tmp_path_factory.mktemp("site"), jobs=2)


class Page(html.parser.HTMLParser):
    """What the checks need of a page: links, headings, lang, tables, resources."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.resources: list[str] = []
        self.headings: list[int] = []
        self.lang: str | None = None
        self.langs: list[str] = []
        self.th_scopes: list[str | None] = []
        self.tables = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        elif values.get("lang"):
            self.langs.append(values["lang"] or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        if tag in ("link", "script", "img") and (values.get("href") or values.get("src")):
            self.resources.append(values.get("href") or values.get("src") or "")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "th":
            self.th_scopes.append(values.get("scope"))
        if tag == "table":
            self.tables += 1


def parsed(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_every_page_is_there_and_links_only_inside(built):
    site = built[1] / "site"
    assert (site / "index.html").is_file() and (site / "style.css").is_file()
    assert len(list((site / "meetings").glob("*.html"))) == len(SAMPLES)
    assert (site / "places" / "ru-pri.html").is_file()
    assert (site / "countries" / "ru.html").is_file()
    pages = sorted(site.rglob("*.html"))
    for path in pages:
        if "pagefind" in path.parts:
            continue
        page = parsed(path)
        assert page.lang == "en", path
        assert page.headings[0] == 1 and page.headings.count(1) == 1, path
        assert all(b - a <= 1 for a, b in zip(page.headings, page.headings[1:], strict=False)), path
        assert all(scope in ("col", "row") for scope in page.th_scopes), path
        for resource in page.resources:  # no CDN, no remote font: the site works from file:// and the zip
            assert "://" not in resource and not resource.startswith("//"), (path, resource)
        for link in page.links:
            if link.startswith("#"):
                continue
            assert "://" not in link, (path, link)
            target = Path(unquote(urljoin(path.as_uri(), link).removeprefix("file://")))
            assert target.exists(), (path, link)
    css = [path for path in site.rglob("*.css") if "pagefind" not in path.parts]
    assert [path.name for path in css] == ["style.css"]


def test_a_meeting_page_shows_the_record(built):
    out = built[1]
    record = json.loads((out / "near-1995-khabarovsk.json").read_text())
    text = (out / "site" / "meetings" / "near-1995-khabarovsk.html").read_text()
    assert f"<h1>{record['title']}</h1>" in text
    for resolution in record["declaration"]["resolutions"]:
        assert str(escape(resolution["text"])) in text
    assert 'href="../../near-1995-khabarovsk.pdf"' in text
    # the facts' terms and values apart, so the search's excerpts read "Date 6 September ... Venue"
    assert not re.search(r"</dt><dd|</dd><dt", text)
    assert "Primorski Territory</a>" in text and 'href="../places/ru-pri.html"' in text
    place = (out / "site" / "places" / "ru-pri.html").read_text()
    assert place.count('href="../meetings/') == len(SAMPLES)  # every meeting, whatever the spelling
    assert "Primorski Territory" in place  # as written in 1995


def test_other_scripts_carry_their_language(built):
    texts = [path.read_text() for path in (built[1] / "site" / "meetings").glob("*.html")]
    langs = {lang for text in texts for lang in re.findall(r'<span lang="([a-z]{2})">', text)}
    raw = "".join(sample.read_text(encoding="utf-8", errors="replace") for sample in SAMPLES)
    if re.search(r"[\uac00-\ud7af]", raw):
        assert "ko" in langs
    assert langs <= {"ko", "ja", "zh", "ru", "mn"}


def test_same_records_same_site_and_a_change_rewrites_only_its_pages(built, tmp_path):
    raw, out = built
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    before = tree(copy / "site")
    stamps = {path: path.stat().st_mtime_ns for path in (copy / "site").rglob("*.html")}
    again = run("build", str(raw), "--out", str(copy))
    assert summary_counts(again.stderr.splitlines()[-1]) == (0, len(SAMPLES), 0, 0)
    assert {path: path.stat().st_mtime_ns for path in (copy / "site").rglob("*.html")} == stamps

    # A page tampered with, a stray file and a symlink out: the next build puts the site back.
    (copy / "site" / "index.html").write_text("<p>defaced</p>")
    (copy / "site" / "stray.html").write_text("x")
    (copy / "site" / "places" / "evil.html").symlink_to(tmp_path)
    assert run("build", str(raw), "--out", str(copy)).returncode == 0
    assert tree(copy / "site") == before

    # One text changed: its page and the pages listing it change, not the others.
    changed = tmp_path / "raw"
    shutil.copytree(raw, changed)
    seed = changed / "near-2021-pohang.txt"
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("recovery of tourism", "recovery of sea tourism"), encoding="utf-8"
    )
    assert run("build", str(changed), "--out", str(copy)).returncode == 0
    after = tree(copy / "site")
    differ = {name for name in before if before[name] != after.get(name)}
    assert "meetings/near-2021-pohang.html" in differ
    assert "meetings/near-1995-khabarovsk.html" not in differ
    assert not {name for name in differ if name.startswith("places/")}
    # A participant dropped: its place page (its attendance) changes, the others do not.
    seed.write_text(seed.read_text(encoding="utf-8").replace("   - Primorsky Territory\n", ""), encoding="utf-8")
    assert run("build", str(changed), "--out", str(copy)).returncode == 0
    dropped = tree(copy / "site")
    assert {name for name in after if name.startswith("places/") and after[name] != dropped.get(name)} == {
        "places/ru-pri.html"
    }
    after = dropped

    # And a fresh build of the same texts makes the same site, byte for byte.
    fresh = tmp_path / "fresh"
    assert run("build", str(changed), "--out", str(fresh), "--jobs", "1").returncode == 0
    assert tree(fresh / "site") == after


# --- in a real browser ---------------------------------------------------------------------

needs_browser = pytest.mark.skipif(browser_missing() is not None, reason=browser_missing() or "")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with chromium(tmp_path_factory.mktemp("profile")) as driver:
        yield driver


def _shot(driver, name: str) -> None:
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        screenshot(driver, SHOTS / f"{name}.png")


@needs_browser
def test_home_filter_place_and_pdf_from_file(built, browser):
    from selenium.webdriver.common.by import By

    site = built[1] / "site"
    browser.get((site / "index.html").as_uri())
    assert browser.find_element(By.TAG_NAME, "h1").text == "All meetings"
    rows = browser.find_elements(By.CSS_SELECTOR, "table.meetings tbody tr")
    assert len(rows) == len(SAMPLES)
    _shot(browser, "home-desktop")
    browser.find_element(By.PARTIAL_LINK_TEXT, "Russian Federation").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Russian Federation"
    hosted = browser.find_elements(By.CSS_SELECTOR, "table.meetings")[0].find_elements(By.CSS_SELECTOR, "tbody tr")
    assert [row.find_element(By.TAG_NAME, "th").text for row in hosted] == [
        "The 3rd NEAR Conference",
        "The 10th NEAR General Assembly",
    ]
    browser.find_element(By.LINK_TEXT, "Primorsky Territory").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Primorsky Territory"
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.meetings tbody tr")) == len(SAMPLES)
    _shot(browser, "place-desktop")
    browser.find_element(By.LINK_TEXT, "The 3rd NEAR Conference").click()
    _shot(browser, "meeting-desktop")
    pdf = browser.find_element(By.LINK_TEXT, "PDF").get_attribute("href")
    assert pdf.startswith("file://") and Path(unquote(pdf.removeprefix("file://"))).read_bytes().startswith(b"%PDF")
    browser.set_window_size(390, 844)
    browser.get((site / "index.html").as_uri())
    _shot(browser, "home-phone")
    browser.get((site / "meetings" / "near-1995-khabarovsk.html").as_uri())
    _shot(browser, "meeting-phone")
    browser.set_window_size(1280, 900)


@needs_browser
def test_search_finds_a_resolution(built, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    record = json.loads((built[1] / "near-1995-khabarovsk.json").read_text())
    assert "permanent international organization" in record["declaration"]["resolutions"][1]["text"]
    with served(built[1] / "site") as base:
        browser.get(base + "search.html")
        field = WebDriverWait(browser, 10).until(ready.presence_of_element_located((By.CSS_SELECTOR, "#search input")))
        field.send_keys("permanent international organization")
        WebDriverWait(browser, 10).until(
            ready.presence_of_element_located((By.CSS_SELECTOR, ".pagefind-ui__result-link"))
        )
        results = [link.text for link in browser.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")]
        assert "The 3rd NEAR Conference" in results
        _shot(browser, "search-desktop")
        browser.set_window_size(390, 844)
        _shot(browser, "search-phone")
        browser.set_window_size(1280, 900)
        browser.find_element(By.LINK_TEXT, "The 3rd NEAR Conference").click()
        assert browser.find_element(By.TAG_NAME, "h1").text == "The 3rd NEAR Conference"


def _sharded(built: tuple[Path, Path], tmp_path: Path, monkeypatch) -> Path:
    """A copy of the samples' output whose search index is in two shards (as an archive of
    32 meetings or more has), made again from its archive."""
    import contextlib

    from pipeline.archive import open_checked
    from pipeline.site import search, update_site

    monkeypatch.setattr(search, "SHARD_SQUARE_PER_PAGE", 1)
    copy = tmp_path / "out"
    shutil.copytree(built[1], copy)
    with contextlib.closing(open_checked(copy / "archive.sqlite", readonly=True, deep=False)) as db:
        assert update_site(copy, db, None).error is None
    return copy


def test_search_shards_each_index_their_pages_and_a_change_indexes_only_its_shard(built, tmp_path, monkeypatch):
    import contextlib

    from pipeline.archive import open_checked
    from pipeline.site import search, update_site

    out = _sharded(built, tmp_path, monkeypatch)
    bundles = sorted(path.name for path in (out / "site" / "pagefind").iterdir())
    assert bundles == ["1-of-2", "2-of-2"]
    # the interface in the first bundle only; the second keeps its entry, metadata and index
    assert search.has_interface(out / "site" / "pagefind" / "1-of-2")
    second = {path.name for path in (out / "site" / "pagefind" / "2-of-2").iterdir()}
    assert "pagefind-ui.js" not in second and "pagefind-entry.json" in second and "index" in second
    pages = sorted(f"meetings/{sample.stem}.html" for sample in SAMPLES)
    assert search.shards(pages) == {
        "pagefind/1-of-2": [page for page in pages if search.shard_folder(page, 2) == "pagefind/1-of-2"],
        "pagefind/2-of-2": [page for page in pages if search.shard_folder(page, 2) == "pagefind/2-of-2"],
    }
    search_page = (out / "site" / "search.html").read_text(encoding="utf-8")
    assert 'src="pagefind/1-of-2/pagefind-ui.js"' in search_page and "pagefind/2-of-2" in search_page

    # A meeting page rewritten: its shard is indexed again, the other is left as it was.
    stamps = {name: (out / "site" / "pagefind" / name / "pagefind-entry.json").stat().st_mtime_ns for name in bundles}
    shard = search.shard_folder("meetings/near-2021-pohang.html", 2).removeprefix("pagefind/")
    (out / "site" / "meetings" / "near-2021-pohang.html").write_text("<p>defaced</p>")
    with contextlib.closing(open_checked(out / "archive.sqlite", readonly=True, deep=False)) as db:
        assert update_site(out, db, None).error is None
    after = {name: (out / "site" / "pagefind" / name / "pagefind-entry.json").stat().st_mtime_ns for name in bundles}
    assert [name for name in bundles if after[name] != stamps[name]] == [shard]

    # The first bundle without its interface (say it was another's before): indexed again whole.
    (out / "site" / "pagefind" / "1-of-2" / "pagefind-ui.js").unlink()
    with contextlib.closing(open_checked(out / "archive.sqlite", readonly=True, deep=False)) as db:
        assert update_site(out, db, set()).error is None
    assert search.has_interface(out / "site" / "pagefind" / "1-of-2")


@pytest.mark.parametrize(
    ("pages", "count"), [(0, 1), (31, 1), (32, 2), (127, 2), (128, 4), (1000, 8), (10_000, 32), (100_000, 64)]
)
def test_shard_count_grows_with_the_square_root_of_the_pages(pages, count):
    from pipeline.site.search import shard_count

    assert shard_count(pages) == count


@needs_browser
def test_search_merges_the_shards(built, browser, tmp_path, monkeypatch):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    from pipeline.site import search

    out = _sharded(built, tmp_path, monkeypatch)
    titles = {sample.stem: json.loads((out / f"{sample.stem}.json").read_text())["title"] for sample in SAMPLES}
    by_shard = {search.shard_folder(f"meetings/{stem}.html", 2) for stem in titles}
    assert len(by_shard) == 2  # the samples fall into both shards
    with served(out / "site") as base:
        browser.get(base + "search.html")
        field = WebDriverWait(browser, 10).until(ready.presence_of_element_located((By.CSS_SELECTOR, "#search input")))
        field.send_keys("NEAR")
        WebDriverWait(browser, 10).until(
            ready.presence_of_element_located((By.CSS_SELECTOR, ".pagefind-ui__result-link"))
        )
        while buttons := browser.find_elements(By.CSS_SELECTOR, ".pagefind-ui__button"):
            buttons[0].click()  # "Load more results"
        results = {link.text for link in browser.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")}
        _shot(browser, "search-shards")
    assert results == set(titles.values())


@needs_browser
@pytest.mark.skipif(not AXE.is_file(), reason=f"axe-core is not at {AXE} (make axe)")
@pytest.mark.parametrize(
    "page",
    ["index.html", "meetings/near-1995-khabarovsk.html", "places/ru-pri.html", "countries/kr.html", "search.html"],
)
def test_no_serious_accessibility_violation(built, browser, page):
    with served(built[1] / "site") as base:
        browser.get(base + page)
        browser.execute_script(AXE.read_text(encoding="utf-8"))
        result = browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']})"
            ".then(r => done(r.violations)).catch(e => done(String(e)));"
        )
    assert isinstance(result, list), result
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_the_zip_holds_the_site_and_its_links_hold_inside_it(built, tmp_path):
    import zipfile

    from pipeline.builder.dist import BundleError, write_bundle

    zipped = write_bundle(built[1], tmp_path / "dist")
    names = set(zipfile.ZipFile(zipped).namelist())
    assert {"site/index.html", "site/style.css", "site/pagefind/1-of-1/pagefind-ui.js"} <= names
    assert "site/meetings/near-1995-khabarovsk.html" in names and "near-1995-khabarovsk.pdf" in names
    copy = tmp_path / "out"
    shutil.copytree(built[1], copy)
    (copy / "site" / "index.html").write_text("<p>defaced</p>")
    with pytest.raises(BundleError):
        write_bundle(copy, tmp_path / "dist2")


def test_a_country_page_lists_what_it_hosted_and_what_its_authorities_attended(built):
    import sqlite3

    db = sqlite3.connect(built[1] / "archive.sqlite")
    hosted = db.execute("SELECT count(*) FROM meetings WHERE venue_country_code = 'KR'").fetchone()[0]
    attended = db.execute("SELECT count(DISTINCT file) FROM participants WHERE country_code = 'KR'").fetchone()[0]
    text = (built[1] / "site" / "countries" / "kr.html").read_text(encoding="utf-8")
    tables = text.split("<table")
    assert hosted == 3 and tables[1].count('href="../meetings/') == hosted
    assert tables[-1].count('href="../meetings/') == attended > 0


def test_an_update_renders_only_the_pages_showing_a_change_and_yields_a_fresh_render(built, tmp_path, monkeypatch):
    """A record's contents changed, records retitled, added and removed, one after another, in
    the archive: each update renders the changed meetings' pages and the pages across records
    that show them, never another meeting's page, and leaves exactly the files a render from
    scratch of the same archive leaves."""
    import contextlib

    from pipeline.archive import open_checked, sync
    from pipeline.site import pages, update_site

    _, out = built
    copy = tmp_path / "out"
    shutil.copytree(out, copy)

    def digest(path: Path) -> str:
        return hashlib.sha256(path.read_bytes()).hexdigest()

    records = {sample.name: (sample.stem, digest(copy / f"{sample.stem}.json")) for sample in SAMPLES}

    def write_record(stem: str, record: dict) -> None:
        (copy / f"{stem}.json").write_text(json.dumps(record), encoding="utf-8")
        records[record["source"]["file"]] = (stem, digest(copy / f"{stem}.json"))

    rendered: list[str] = []
    real = pages._render

    def counted(template: str, root: str, **context: object) -> bytes:
        rendered.append(template)
        return real(template, root, **context)

    monkeypatch.setattr(pages, "_render", counted)

    def update(folder: Path, changed: set[str] | None):
        rendered.clear()
        with contextlib.closing(open_checked(folder / "archive.sqlite", readonly=True, deep=False)) as db:
            return update_site(folder, db, changed)

    pohang = json.loads((copy / "near-2021-pohang.json").read_text(encoding="utf-8"))
    added = pohang | {"title": "A meeting added", "source": pohang["source"] | {"file": "near-2099-added.txt"}}
    contents = [{"text": "Recovery of sea tourism", "items": []}, *pohang["contents"]]
    steps = [
        lambda: write_record("near-2021-pohang", pohang | {"contents": contents}),
        lambda: write_record("near-2021-pohang", pohang | {"title": "The 13th NEAR General Assembly, retitled"}),
        lambda: write_record("near-2099-added", added),
        lambda: records.pop("near-1996-gyeongju.txt"),
    ]
    for number, step in enumerate(steps):
        step()
        result = sync(copy, records)
        assert update(copy, set(result.changed)).written
        assert rendered.count("meeting.html") == (0 if number == 3 else 1)  # its own page, no other
        assert len(rendered) < len(tree(copy / "site")) / 2
        if number == 0:  # what no list shows changed: no list is rendered again
            assert rendered == ["meeting.html"]
        fresh = tmp_path / f"fresh-{number}"
        fresh.mkdir()
        shutil.copy(copy / "archive.sqlite", fresh)
        update(fresh, None)
        assert tree(copy / "site") == tree(fresh / "site")
    assert update(copy, set()).status == "unchanged" and not rendered


def test_participants_of_no_country_are_international_organizations_only_where_each_is_a_known_body() -> None:
    from pipeline.site.data import Meeting

    def participant(entity_id: str, country: str | None) -> dict:
        return {"entity_id": entity_id, "country": country, "country_code": None}

    bodies = [
        participant("RU-KHA", "Russian Federation"),
        participant("org:worldbank", None),
        participant("org:adb", None),
    ]
    meeting = Meeting(row={}, page="x", digest="", listed="", participants=bodies)
    assert [name for name, _, _ in meeting.by_country()] == ["Russian Federation", "International organizations"]
    unknown = Meeting(row={}, page="x", digest="", listed="", participants=[*bodies, participant("name:x", None)])
    assert [name for name, _, _ in unknown.by_country()] == ["Russian Federation", "Country not given"]


def test_the_versions_the_site_is_made_with_are_read_without_importlib_metadata() -> None:
    from importlib.metadata import version

    from pipeline.site.version import installed_version

    assert installed_version("Jinja2", "jinja2") == version("Jinja2")
    assert installed_version("MarkupSafe", "markupsafe") == version("MarkupSafe")
