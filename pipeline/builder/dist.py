"""``make dist``: a zip to hand out, with every PDF, the book, index.json and SHA256SUMS."""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import zipfile
from pathlib import Path

from .book import BOOK_STEM
from .files import write_atomic
from .index import INDEX_NAME

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def bundle_members(out_dir: Path) -> list[Path]:
    index = json.loads((out_dir / INDEX_NAME).read_text(encoding="utf-8"))
    # Only names derived from each record's raw text name, never paths read from the file.
    pdfs = [out_dir / f"{Path(record['file']).stem}.pdf" for record in index["records"]]
    return [*pdfs, out_dir / f"{BOOK_STEM}.pdf", out_dir / f"{BOOK_STEM}.docx", out_dir / INDEX_NAME]


def write_bundle(out_dir: Path, dist_dir: Path, day: datetime.date | None = None) -> Path:
    """dist/briefings-YYYY-MM-DD.zip; raises FileNotFoundError when OUT_DIR is not built."""
    day = day or datetime.date.today()
    members = bundle_members(out_dir)
    sums = []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in members:
            data = path.read_bytes()
            sums.append(f"{hashlib.sha256(data).hexdigest()}  {path.name}\n")
            archive.writestr(zipfile.ZipInfo(path.name, date_time=ZIP_EPOCH), data)
        archive.writestr(zipfile.ZipInfo("SHA256SUMS", date_time=ZIP_EPOCH), "".join(sums))
    dist_dir.mkdir(parents=True, exist_ok=True)
    target = dist_dir / f"briefings-{day.isoformat()}.zip"
    write_atomic(target, buffer.getvalue())
    return target
