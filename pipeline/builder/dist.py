"""``make dist``: a zip to hand out, with every PDF, the book, index.json, the web archive
(site/) and SHA256SUMS.

What goes in is decided by the build's manifest, never by index.json or whatever
else lies in OUT_DIR: each briefing PDF and collection output, read without
following symlinks, and only when its digest is the one the build recorded when
it wrote it. Anything else refuses the whole zip: a zip is complete or not made.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from enum import StrEnum
from pathlib import Path

from .files import COLLECTION_OUTPUTS, digest, read_back, write_atomic
from .manifest import Manifest

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
SUMS_NAME = "SHA256SUMS"


class BundleProblem(StrEnum):
    NOT_BUILT = "not built (no complete build in it); run the build first"
    CHANGED = "{name} is missing or not the file the build wrote; run the build again"


class BundleError(Exception):
    """OUT_DIR cannot be bundled; the message says why, in one line."""

    def __init__(self, problem: BundleProblem, **particulars: str) -> None:
        super().__init__(problem.format(**particulars))
        self.problem = problem


def bundle_members(out_dir: Path) -> dict[str, str]:
    """The files to bundle, by name in OUT_DIR, with the digest each must have."""
    manifest = Manifest.load(out_dir)
    if manifest is None or not manifest.collection:
        raise BundleError(BundleProblem.NOT_BUILT)
    pdfs = {f"{entry.summary.stem}.pdf": entry.outputs[".pdf"] for entry in manifest.files.values()}
    return {name: pdfs[name] for name in sorted(pdfs)} | {
        name: manifest.collection[name] for name in COLLECTION_OUTPUTS
    }


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


def write_bundle(out_dir: Path, dist_dir: Path, day: datetime.date | None = None) -> Path:
    """dist/briefings-YYYY-MM-DD.zip; raises BundleError when OUT_DIR is not built, or
    a file in it is not the one the build wrote."""
    day = day or datetime.date.today()
    sums = []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, expected in bundle_members(out_dir).items():
            try:
                data = read_back(out_dir / name)
            except OSError as error:
                raise BundleError(BundleProblem.CHANGED, name=name) from error
            if digest(data) != expected:
                raise BundleError(BundleProblem.CHANGED, name=name)
            sums.append(sums_line(expected, name))
            archive.writestr(zipfile.ZipInfo(name, date_time=ZIP_EPOCH), data)
        for name, data in _site_members(out_dir):  # the web archive, under site/ (issue 16)
            sums.append(sums_line(digest(data), name))
            archive.writestr(zipfile.ZipInfo(name, date_time=ZIP_EPOCH), data)
        archive.writestr(zipfile.ZipInfo(SUMS_NAME, date_time=ZIP_EPOCH), "".join(sums))
    dist_dir.mkdir(parents=True, exist_ok=True)
    target = dist_dir / f"briefings-{day.isoformat()}.zip"
    write_atomic(target, buffer.getvalue())
    return target
