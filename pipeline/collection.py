"""Across all records: index.json and the briefing book (PDF and DOCX).

Built from the manifest's per-record summaries and the per-record files already
in OUT_DIR, so a rebuild after one changed text does not re-read or re-render
the others' content for the front matter.
"""

from __future__ import annotations

import dataclasses
import json
from concurrent.futures import Executor
from pathlib import Path
from typing import BinaryIO

from . import briefing as b

INDEX_NAME = "index.json"
BOOK_STEM = "briefing-book"
BOOK_TITLE = "NEAR conference briefings"
COLLECTION_OUTPUTS = (INDEX_NAME, f"{BOOK_STEM}.pdf", f"{BOOK_STEM}.docx")


def index_entry(record) -> dict:
    """What the index, the timeline and the participation matrix need of a record."""
    overview = record.overview
    period = overview.period if overview else None
    participation = overview.participation if overview else None
    names = {alias: entity.name for entity in record.entities for alias in entity.aliases}
    rows = b.participation_rows(record)
    members, observers, countries = b.listed_totals(rows)
    stem = Path(record.source.file).stem
    return {
        "file": record.source.file,
        "title": record.title,
        "period": period.text if period else None,
        "start": period.start.isoformat() if period and period.start else None,
        "end": period.end.isoformat() if period and period.end else None,
        "venue": b.venue_line(record),
        "country": overview.venue.country if overview and overview.venue else None,
        "organizer": b.organizer_line(record),
        "stated_authorities": participation.stated_authorities if participation else None,
        "listed_authorities": members,
        "observers": observers,
        "countries": countries,
        "notes": [note.code for note in record.notes],
        "participants": [
            [row.country, names.get(authority, authority), role]
            for row in rows
            for role, authorities in (("member", row.members), ("observer", row.observers))
            for authority in authorities
        ],
        "outputs": {"json": f"{stem}.json", "docx": f"{stem}.docx", "pdf": f"{stem}.pdf"},
    }


def in_date_order(entries: list[dict]) -> list[dict]:
    return sorted(entries, key=lambda e: (e["start"] or "9999", e["file"]))


def index_json(entries: list[dict]) -> bytes:
    public = [{key: value for key, value in entry.items() if key != "participants"} for entry in in_date_order(entries)]
    return (json.dumps({"records": public}, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- the book's front matter, as briefing blocks -------------------------------------------

MATRIX_COLUMNS = 8  # conferences per matrix table, so it fits a portrait page
MEMBER_MARK = "•"  # in the body font, so matrix cells stay plain strings (fast to lay out)


def _label(number: int) -> str:
    return f"#{number}"


def _book(ordered: list[dict], blocks: list[b.Block], part: str) -> b.Briefing:
    countries = sorted({row[0] for e in ordered for row in e["participants"]})
    return b.Briefing(b.Metadata(BOOK_TITLE, "Briefing book", b.PROJECT, countries, f"{BOOK_TITLE}: {part}", ""), blocks)


def contents_part(entries: list[dict], pages: list[int] | None = None) -> b.Briefing:
    """Title page and contents. ``pages`` (PDF only) gives each briefing's first page."""
    ordered = in_date_order(entries)
    years = [e["start"][:4] for e in ordered if e["start"]]
    span = f"{years[0]}-{years[-1]}" if years else ""
    return _book(ordered, [
        b.Title(BOOK_TITLE, [f"{len(ordered)} conferences {span}".strip()]),
        b.Heading("Contents"),
        b.TableOfContents([
            (e["title"] or e["file"], b.period_in_words(*_dates(e)) or e["period"] or "", pages[i] if pages else None)
            for i, e in enumerate(ordered)
        ]),
    ], "contents")


def reference_part(entries: list[dict]) -> b.Briefing:
    """The timeline of all conferences and the participation matrix."""
    ordered = in_date_order(entries)
    blocks: list[b.Block] = [b.Heading("Timeline")]
    blocks.append(b.Table(
        ["#", "Period", "Conference", "Venue", "Authorities"],
        [[_label(i), b.period_in_words(*_dates(e)) or e["period"] or "", e["title"] or e["file"], e["venue"] or "",
          str(e["listed_authorities"]) + (f" + {e['observers']} obs." if e["observers"] else "")]
         for i, e in enumerate(ordered, 1)],
        [0.06, 0.2, 0.32, 0.3, 0.12],
    ))
    blocks += _matrix(ordered)
    return _book(ordered, blocks, "timeline and matrix")


def front_matter(entries: list[dict]) -> b.Briefing:
    contents, reference = contents_part(entries), reference_part(entries)
    return b.Briefing(contents.metadata, contents.blocks + reference.blocks)


def _dates(entry: dict):
    import datetime

    parse = datetime.date.fromisoformat
    return (parse(entry["start"]) if entry["start"] else None, parse(entry["end"]) if entry["end"] else None)


def _matrix(ordered: list[dict]) -> list[b.Block]:
    """Every authority, grouped by country, against every conference: who attended what."""
    attended: dict[tuple[str, str], dict[int, str]] = {}
    for number, entry in enumerate(ordered, 1):
        for country, authority, role in entry["participants"]:
            marks = attended.setdefault((country, authority), {})
            marks[number] = "obs." if role == "observer" and marks.get(number) != MEMBER_MARK else MEMBER_MARK
    if not attended:
        return []
    blocks: list[b.Block] = [
        b.Heading("Participation matrix"),
        b.Paragraph(f"{MEMBER_MARK} attended as a member, obs. as an observer; columns are the conferences of the timeline.",
                    "muted"),
    ]
    countries = sorted({country for country, _ in attended})
    for country in countries:
        authorities = sorted(authority for c, authority in attended if c == country)
        blocks.append(b.Heading(country, level=2))
        for first in range(1, len(ordered) + 1, MATRIX_COLUMNS):
            numbers = list(range(first, min(first + MATRIX_COLUMNS, len(ordered) + 1)))
            share = 0.64 / MATRIX_COLUMNS
            blocks.append(b.Table(
                ["Authority", *(_label(n) for n in numbers)],
                [[authority, *(attended[(country, authority)].get(n, "") for n in numbers)] for authority in authorities],
                [1 - share * len(numbers), *([share] * len(numbers))],
                style="matrix",
            ))
    return blocks


# --- writing ----------------------------------------------------------------------------


def book_pdf(out_dir: Path, entries: list[dict], paper: str, stream: BinaryIO) -> None:
    """Front matter from reportlab, then every briefing's own PDF pages (merged with qpdf)."""
    import io

    import pikepdf

    from .write_pdf import render_pdf

    ordered = in_date_order(entries)
    sources = [pikepdf.Pdf.open(out_dir / entry["outputs"]["pdf"]) for entry in ordered]
    # The timeline and matrix are laid out once; only the short contents part is laid
    # out again, with page numbers, which do not change its length.
    reference = pikepdf.Pdf.open(io.BytesIO(render_pdf(reference_part(ordered), paper)))
    contents_pages = len(pikepdf.Pdf.open(io.BytesIO(render_pdf(contents_part(ordered), paper))).pages)
    starts, page = [], contents_pages + len(reference.pages) + 1
    for source in sources:
        starts.append(page)
        page += len(source.pages)
    book = pikepdf.Pdf.open(io.BytesIO(render_pdf(contents_part(ordered, starts), paper)))
    book.pages.extend(reference.pages)
    with book.open_outline() as outline:
        outline.root.append(pikepdf.OutlineItem("Timeline and participation matrix", contents_pages))
        for entry, source, start in zip(ordered, sources, starts):
            book.pages.extend(source.pages)
            outline.root.append(pikepdf.OutlineItem(entry["title"] or entry["file"], start - 1))
    # The briefings' streams are compressed already; recompressing them, or packing
    # objects into object streams, took seven times as long for 8% less.
    book.save(stream, deterministic_id=True, compress_streams=False, object_stream_mode=pikepdf.ObjectStreamMode.disable)


def book_docx(out_dir: Path, entries: list[dict], paper: str, stream: BinaryIO) -> None:
    from .briefing import document_timestamp
    from .write_docx import render_docx_book

    ordered = in_date_order(entries)
    briefings = ((out_dir / entry["outputs"]["docx"]).read_bytes() for entry in ordered)  # one at a time
    front = front_matter(ordered)
    # One footer runs through the whole DOCX book.
    front = b.Briefing(dataclasses.replace(front.metadata, source_file=BOOK_TITLE), front.blocks)
    render_docx_book(front, briefings, document_timestamp(), stream, paper)


def _write_book(kind: str, out_dir: Path, entries: list[dict], paper: str, output) -> None:
    with output(out_dir / f"{BOOK_STEM}.{kind}") as stream:
        {"pdf": book_pdf, "docx": book_docx}[kind](out_dir, entries, paper, stream)


def write_collection(out_dir: Path, entries: list[dict], paper: str, output,
                     pool: Executor | None = None) -> None:
    """index.json, briefing-book.pdf and briefing-book.docx (side by side in ``pool``, when
    given); without records, none of them. ``output(path)``: a writable file that is
    complete or absent."""
    if not entries:
        for name in COLLECTION_OUTPUTS:
            (out_dir / name).unlink(missing_ok=True)
        return
    with output(out_dir / INDEX_NAME) as stream:
        stream.write(index_json(entries))
    if pool is None:
        for kind in ("pdf", "docx"):
            _write_book(kind, out_dir, entries, paper, output)
        return
    for future in [pool.submit(_write_book, kind, out_dir, entries, paper, output) for kind in ("pdf", "docx")]:
        future.result()
