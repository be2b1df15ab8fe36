"""``make dist``: a zip to hand out, with every PDF, the book, index.json, the web archive
(site/) and SHA256SUMS.

What goes in is decided by the build's manifest, never by index.json or whatever
else lies in OUT_DIR: each briefing PDF and collection output, read without
following symlinks, and only when its digest is the one the build recorded when
it wrote it. Anything else refuses the whole zip: a zip is complete or not made.
A zip never replaces an earlier one: a second bundle of the same day is ``-2``.

``--country KR`` (a code or a name) bundles the briefings of the meetings that
country's authorities attended, with an index and a book of those alone (made here,
from the verified briefings); the settings may add the DOCX files.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from enum import StrEnum
from pathlib import Path

from ..outdir import digest, output_mode, read_back
from ..settings import DEFAULTS, Settings
from .files import BOOK_STEM, COLLECTION_OUTPUTS, book_language
from .index import INDEX_NAME, IndexEntry, index_json
from .manifest import Entry, Manifest

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
SUMS_NAME = "SHA256SUMS"
BOOK_FILES = frozenset(name for name in COLLECTION_OUTPUTS if name.startswith(f"{BOOK_STEM}."))


class BundleProblem(StrEnum):
    NOT_BUILT = "not built (no complete build in it); run the build first"
    CHANGED = "{name} is missing or not the file the build wrote; run the build again"
    UNKNOWN_COUNTRY = "--country {country}: not a country code or name (KR, JP, 'Republic of Korea')"
    NO_MEETINGS = "--country {country}: no meeting in {out_dir} was attended by {name}'s authorities"


class BundleError(Exception):
    """OUT_DIR cannot be bundled; the message says why, in one line."""

    def __init__(self, problem: BundleProblem, **particulars: str) -> None:
        super().__init__(problem.format(**particulars))
        self.problem = problem


def bundle_members(out_dir: Path, docx: bool = False) -> dict[str, str]:
    """The files to bundle, by name in OUT_DIR, with the digest each must have: every
    briefing's PDF (and DOCX, with ``docx``), index.json and the book (PDF and DOCX, or each
    of its volumes)."""
    manifest = _manifest(out_dir)
    return _briefing_members(manifest, list(manifest.files.values()), docx) | {
        name: found for name, found in manifest.collection.items() if name == INDEX_NAME or book_language(name) == "en"
    }


def _manifest(out_dir: Path) -> Manifest:
    manifest = Manifest.load(out_dir)
    if manifest is None or not manifest.collection:
        raise BundleError(BundleProblem.NOT_BUILT)
    return manifest


def _briefing_members(manifest: Manifest, entries: list[Entry], docx: bool) -> dict[str, str]:
    suffixes = (".pdf", ".docx") if docx else (".pdf",)
    members = {f"{entry.summary.stem}{suffix}": entry.outputs[suffix] for entry in entries for suffix in suffixes}
    return {name: members[name] for name in sorted(members)}


def sums_line(sha256: str, name: str) -> str:
    """A line of SHA256SUMS as ``sha256sum`` writes it: a name holding a backslash or a
    line break is escaped, and its line marked with a leading backslash."""
    escaped = name.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
    mark = "\\" if escaped != name else ""
    return f"{mark}{sha256}  {escaped}\n"


def _site_members(out_dir: Path) -> list[tuple[str, bytes]]:
    from ..site import site_members

    try:
        return site_members(out_dir)
    except (ValueError, OSError) as error:
        raise BundleError(BundleProblem.CHANGED, name="site/") from error


def _verified(out_dir: Path, members: dict[str, str]) -> dict[str, bytes]:
    """Each member's bytes, read without following symlinks, as the build wrote it; else BundleError."""
    files = {}
    for name, expected in members.items():
        try:
            data = read_back(out_dir / name)
        except OSError as error:
            raise BundleError(BundleProblem.CHANGED, name=name) from error
        if digest(data) != expected:
            raise BundleError(BundleProblem.CHANGED, name=name)
        files[name] = data
    return files


def resolve_country(text: str, settings: Settings) -> tuple[str, str]:
    """--country's value -> (ISO code, the name briefings print): a code ('KR', 'kr'), a
    name ('Korea', 'Republic of Korea') or the settings' name for it; else BundleError."""
    from ..parser.countries import DISPLAY_NAMES, country_code

    wanted = text.strip()
    code = wanted.upper() if len(wanted) == 2 and wanted.isalpha() else None
    if code is not None and not _iso_code(code):
        code = None
    code = code or country_code(wanted) or next((c for c, name in settings.countries.items() if name == wanted), None)
    if code is None:
        raise BundleError(BundleProblem.UNKNOWN_COUNTRY, country=text)
    return code, settings.countries.get(code) or DISPLAY_NAMES.get(code) or _iso_name(code)


def _iso_code(code: str) -> bool:
    import pycountry

    return pycountry.countries.get(alpha_2=code) is not None


def _iso_name(code: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return country.name if country else code


def attended_by(entries: list[Entry], code: str, settings: Settings) -> list[Entry]:
    """The built records whose participants include an authority of the country ``code``."""
    from ..parser.countries import country_code

    names = {name for c, name in settings.countries.items() if c == code}

    def of_country(country: str) -> bool:
        return country in names or country_code(country) == code

    return [entry for entry in entries if any(of_country(p.country) for p in entry.summary.participants)]


def write_bundle(
    out_dir: Path,
    dist_dir: Path,
    day: datetime.date | None = None,
    country: str | None = None,
    settings: Settings | None = None,
) -> Path:
    """dist/briefings-YYYY-MM-DD.zip (briefings-KR-YYYY-MM-DD.zip for ``country``; -2, -3
    and on when that name is taken: an earlier zip is never replaced); raises BundleError
    when OUT_DIR is not built, or a file in it is not the one the build wrote."""
    settings = settings or DEFAULTS
    day = day or datetime.date.today()
    docx = settings.dist.docx
    if country is None:
        files = _verified(out_dir, bundle_members(out_dir, docx))
        files |= dict(_site_members(out_dir))  # the web archive, under site/ (issue 16)
        stem = f"briefings-{day.isoformat()}"
    else:
        code, name = resolve_country(country, settings)
        manifest = _manifest(out_dir)
        chosen = attended_by(list(manifest.files.values()), code, settings)
        if not chosen:
            raise BundleError(BundleProblem.NO_MEETINGS, country=country, out_dir=str(out_dir), name=name)
        files = _verified(out_dir, _briefing_members(manifest, chosen, docx=True))
        files |= _country_collection(files, [entry.summary for entry in chosen], manifest.paper, settings, name)
        if not docx:  # (the book's DOCX goes in always, as in a bundle of everything)
            files = {
                member: data for member, data in files.items() if member in BOOK_FILES or not member.endswith(".docx")
            }
        stem = f"briefings-{code}-{day.isoformat()}"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in files.items():
            archive.writestr(zipfile.ZipInfo(member, date_time=ZIP_EPOCH), data)
        sums = "".join(sums_line(digest(data), member) for member, data in files.items())
        archive.writestr(zipfile.ZipInfo(SUMS_NAME, date_time=ZIP_EPOCH), sums)
    dist_dir.mkdir(parents=True, exist_ok=True)
    return _write_new(dist_dir, stem, buffer.getvalue())


def _write_new(dist_dir: Path, stem: str, data: bytes) -> Path:
    """``stem.zip``, or ``stem-2.zip`` and on: a name nothing has (a hard link made only
    where none is, so two dists at once never take the same name)."""
    import os
    import tempfile

    handle, temporary = tempfile.mkstemp(dir=dist_dir, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        Path(temporary).chmod(output_mode())  # (mkstemp makes it private; a bundle is for sharing)
        number = 1
        while True:
            target = dist_dir / (f"{stem}.zip" if number == 1 else f"{stem}-{number}.zip")
            try:
                os.link(temporary, target)  # fails when the name is taken: never replaces
                return target
            except FileExistsError:
                number += 1
    finally:
        Path(temporary).unlink(missing_ok=True)


def _country_collection(
    files: dict[str, bytes], entries: list[IndexEntry], paper: str, settings: Settings, name: str
) -> dict[str, bytes]:
    """index.json and the book (PDF, DOCX) of ``entries`` alone, made from the verified
    briefings in ``files`` (copied to a folder of their own: nothing more is read from OUT_DIR)."""
    import tempfile

    from ..render import briefing as b
    from ..settings import edition_date
    from .book import book_docx, book_pdf, reference_parts
    from .edition import Edition

    association = settings.association
    scope = f"The meetings attended by authorities of {name}"
    edition = Edition(association.name, association.short_name, edition_date(settings), None, scope)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for member, data in files.items():
            (root / member).write_bytes(data)
        pdf, docx = io.BytesIO(), io.BytesIO()
        contents: list[b.Briefing] = []
        book_pdf(root, entries, paper, pdf, reference_parts(entries, paper), None, None, edition, contents.append)
        book_docx(root, entries, paper, docx, edition, contents[0] if contents else None)
    return {
        INDEX_NAME: index_json(entries),
        f"{BOOK_STEM}.pdf": pdf.getvalue(),
        f"{BOOK_STEM}.docx": docx.getvalue(),
    }
