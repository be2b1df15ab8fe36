"""Across all records: index.json and the briefing book (PDF and DOCX).

Built from the manifest's per-record summaries and the per-record files already
in OUT_DIR, so a rebuild after one changed text does not re-read or re-render
the others' content for the front matter.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import itertools
import json
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ..render import briefing as b
from .files import BOOK_STEM, COLLECTION_OUTPUTS, OutputOpener, read_back
from .index import INDEX_NAME, IndexEntry, in_date_order, index_json
from .manifest import pipeline_fingerprint

if TYPE_CHECKING:
    import pikepdf

BOOK_TITLE = "NEAR conference briefings"


# --- the book's front matter, as briefing blocks -------------------------------------------

MATRIX_COLUMNS = 8  # conferences per matrix table, so it fits a portrait page
MEMBER_MARK = "•"  # in the body font, so matrix cells stay plain strings (fast to lay out)


def _label(number: int) -> str:
    return f"#{number}"


def _book(ordered: list[IndexEntry], blocks: list[b.Block], part: str) -> b.Briefing:
    countries = sorted({participant.country for e in ordered for participant in e.participants})
    return b.Briefing(
        b.Metadata(BOOK_TITLE, "Briefing book", b.PROJECT, countries, f"{BOOK_TITLE}: {part}", ""), blocks
    )


def contents_part(entries: list[IndexEntry], pages: list[int] | None = None) -> b.Briefing:
    """Title page and contents. ``pages`` (PDF only) gives each briefing's first page."""
    ordered = in_date_order(entries)
    years = [e.start[:4] for e in ordered if e.start]
    span = f"{years[0]}-{years[-1]}" if years else ""
    return _book(
        ordered,
        [
            b.Title(BOOK_TITLE, [f"{len(ordered)} conferences {span}".strip()]),
            b.Heading("Contents"),
            b.TableOfContents(
                [
                    (e.title or e.file, b.period_in_words(*_dates(e)) or e.period or "", pages[i] if pages else None)
                    for i, e in enumerate(ordered)
                ]
            ),
        ],
        "contents",
    )


def timeline_part(entries: list[IndexEntry]) -> b.Briefing:
    """Every conference in date order, numbered as the matrix's columns."""
    ordered = in_date_order(entries)
    return _book(
        ordered,
        [
            b.Heading("Timeline"),
            b.Table(
                ["#", "Period", "Conference", "Venue", "Authorities"],
                [
                    [
                        _label(i),
                        b.period_in_words(*_dates(e)) or e.period or "",
                        e.title or e.file,
                        e.venue or "",
                        str(e.listed_authorities) + (f" + {e.observers} obs." if e.observers else ""),
                    ]
                    for i, e in enumerate(ordered, 1)
                ],
                [0.06, 0.2, 0.32, 0.3, 0.12],
            ),
        ],
        "timeline",
    )


def matrix_part(entries: list[IndexEntry]) -> b.Briefing:
    ordered = in_date_order(entries)
    return _book(ordered, _matrix(ordered), "participation matrix")


def front_matter(entries: list[IndexEntry]) -> b.Briefing:
    parts = contents_part(entries), timeline_part(entries), matrix_part(entries)
    return b.Briefing(parts[0].metadata, [block for part in parts for block in part.blocks])


def _dates(entry: IndexEntry) -> tuple[datetime.date | None, datetime.date | None]:
    parse = datetime.date.fromisoformat
    return (parse(entry.start) if entry.start else None, parse(entry.end) if entry.end else None)


def _matrix(ordered: list[IndexEntry]) -> list[b.Block]:
    """Every authority, grouped by country, against every conference: who attended what.
    One row per identity, under the name the records give it most often (the gazetteer's
    preferred form wherever the gazetteer knows it)."""
    by_identity: dict[tuple[str, str], dict[int, str]] = {}
    spellings: dict[str, Counter[str]] = {}
    for number, entry in enumerate(ordered, 1):
        for participant in entry.participants:
            marks = by_identity.setdefault((participant.country, participant.id), {})
            observer = participant.role == "observer" and marks.get(number) != MEMBER_MARK
            marks[number] = "obs." if observer else MEMBER_MARK
            spellings.setdefault(participant.id, Counter())[participant.name] += 1
    if not by_identity:
        return []
    attended = {
        (country, min(spellings[identity].items(), key=lambda item: (-item[1], item[0]))[0]): marks
        for (country, identity), marks in by_identity.items()
    }
    blocks: list[b.Block] = [
        b.Heading("Participation matrix"),
        b.Paragraph(
            f"{MEMBER_MARK} attended as a member, obs. as an observer; columns are the conferences of the timeline.",
            "muted",
        ),
    ]
    countries = sorted({country for country, _ in attended})
    for country in countries:
        authorities = sorted(authority for c, authority in attended if c == country)
        blocks.append(b.Heading(country, level=2))
        for first in range(1, len(ordered) + 1, MATRIX_COLUMNS):
            numbers = list(range(first, min(first + MATRIX_COLUMNS, len(ordered) + 1)))
            share = 0.64 / MATRIX_COLUMNS
            blocks.append(
                b.Table(
                    ["Authority", *(_label(n) for n in numbers)],
                    [
                        [authority, *(attended[(country, authority)].get(n, "") for n in numbers)]
                        for authority in authorities
                    ],
                    [1 - share * len(numbers), *([share] * len(numbers))],
                )
            )
    return blocks


# --- writing ----------------------------------------------------------------------------


@dataclass(frozen=True)
class BookPart:
    """A run of the PDF book's pages, and what they show: the key changes whenever they would."""

    key: str
    pages: int


@dataclass(frozen=True)
class PageRun:
    """Where a part's pages come from while the book is put together: ``count`` pages of
    ``document`` from ``first`` (the old book's, when the part is unchanged)."""

    key: str
    document: pikepdf.Pdf
    first: int
    count: int


LAYOUT_NAME = f".{BOOK_STEM}.layout.json"


def _digest(blocks: list) -> str:
    return hashlib.sha256(repr(blocks).encode("utf-8")).hexdigest()[:32]


def _file_key(path: Path) -> str:
    """A file by its content: the same briefing rebuilt is the same part."""
    return f"{path.name}:{hashlib.sha256(path.read_bytes()).hexdigest()[:32]}"


def load_layout(out_dir: Path) -> list[BookPart] | None:
    """The parts of the PDF book on disk, if the layout file still describes it and
    the code that laid them out has not changed. (Read back from OUT_DIR: anything
    but the shape ``layout_json`` writes is no layout.)"""
    try:
        data = json.loads(read_back(out_dir / LAYOUT_NAME))
        if data["pipeline"] != pipeline_fingerprint() or data["book"] != _file_key(out_dir / f"{BOOK_STEM}.pdf"):
            return None
        parts = [BookPart(key, pages) for key, pages in data["parts"]]
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None
    valid = all(type(part.key) is str and type(part.pages) is int and part.pages > 0 for part in parts)
    return parts if parts and valid else None


def layout_json(out_dir: Path, parts: list[BookPart]) -> bytes:
    data = {
        "pipeline": pipeline_fingerprint(),
        "book": _file_key(out_dir / f"{BOOK_STEM}.pdf"),
        "parts": [[part.key, part.pages] for part in parts],
    }
    return json.dumps(data, indent=0).encode("utf-8")


def reference_parts(entries: list[IndexEntry], paper: str) -> dict[str, b.Briefing]:
    """The timeline and the matrix (when there is one), by the key of their pages."""
    ordered = in_date_order(entries)
    return {
        f"{part.metadata.footer}:{paper}:{_digest([part.metadata, part.blocks])}": part
        for part in (timeline_part(ordered), matrix_part(ordered))
        if part.blocks
    }


def book_pdf(
    out_dir: Path,
    entries: list[IndexEntry],
    paper: str,
    stream: BinaryIO,
    references: dict[str, b.Briefing],
    previous: list[BookPart] | None = None,
    laid_out: dict[str, Future[bytes]] | None = None,
) -> list[BookPart]:
    """Contents, timeline and matrix from reportlab, then every briefing's own PDF pages
    (merged with qpdf). With ``previous``, the parts of the book on disk, its pages that
    still show the same thing are kept and only the others replaced. ``references``:
    ``reference_parts(entries, paper)``; ``laid_out``: their PDFs being made elsewhere, by key.
    -> the new parts."""
    import io

    import pikepdf

    from ..render.pdf import render_pdf

    def rendered(part: b.Briefing) -> pikepdf.Pdf:
        return pikepdf.Pdf.open(io.BytesIO(render_pdf(part, paper)))

    ordered = in_date_order(entries)
    old_book = pikepdf.Pdf.open(out_dir / f"{BOOK_STEM}.pdf") if previous else None
    if old_book is not None and sum(part.pages for part in previous or []) != len(old_book.pages):
        previous, old_book = None, None  # the layout does not describe this book's pages: none are kept
    old = {
        part.key: (first, part.pages) for part, first in zip(previous or [], _first_pages(previous or []), strict=False)
    }

    def source(key: str, make: Callable[[], pikepdf.Pdf]) -> PageRun:
        """A part's pages: the old book's, or new ones."""
        if key in old and old_book is not None:
            return PageRun(key, old_book, *old[key])
        made = make()
        return PageRun(key, made, 0, len(made.pages))

    laid_out = laid_out or {}
    briefings = [
        source(_file_key(out_dir / entry.outputs["pdf"]), partial(pikepdf.Pdf.open, out_dir / entry.outputs["pdf"]))
        for entry in ordered
    ]
    # The contents' length does not depend on its page numbers: laid out without them, then with them.
    contents_pages = len(rendered(contents_part(ordered)).pages)

    def reference(key: str, part: b.Briefing) -> pikepdf.Pdf:
        """A timeline or matrix part: laid out in the pool meanwhile, or here."""
        future = laid_out.get(key)
        return pikepdf.Pdf.open(io.BytesIO(future.result())) if future else rendered(part)

    reference_runs = [source(key, partial(reference, key, part)) for key, part in references.items()]
    first = contents_pages + sum(run.count for run in reference_runs) + 1
    starts = list(itertools.accumulate((run.count for run in briefings[:-1]), initial=first))
    contents = contents_part(ordered, starts)
    front = source(f"contents:{paper}:{_digest([contents.metadata, contents.blocks])}", lambda: rendered(contents))

    target = [front, *reference_runs, *briefings]
    book = _assemble(old_book, target)
    if front.document is not book:  # the document properties are the contents part's
        book.trailer.Info = book.copy_foreign(front.document.trailer.Info)
    if "/ID" in book.trailer:  # qpdf would keep the old book's first identifier: bytes would depend on history
        del book.trailer.ID
    book.Root.PageMode = pikepdf.Name.UseOutlines
    pages = list(book.pages)  # (a destination by page number looks the page up each time)

    def item(title: str, page: int) -> pikepdf.OutlineItem:
        return pikepdf.OutlineItem(title, pikepdf.Array([pages[page].obj, pikepdf.Name.Fit]))

    with book.open_outline() as outline:
        outline.root.clear()
        title = item(BOOK_TITLE, 0)
        title.children.append(item("Contents", 0))
        outline.root.append(title)
        outline.root.append(item("Timeline and participation matrix", contents_pages))
        outline.root.extend(
            item(entry.title or entry.file, start - 1) for entry, start in zip(ordered, starts, strict=True)
        )
    # The briefings' streams are compressed already; recompressing them, or packing
    # objects into object streams, took seven times as long for 8% less.
    book.save(
        stream, deterministic_id=True, compress_streams=False, object_stream_mode=pikepdf.ObjectStreamMode.disable
    )
    return [BookPart(run.key, run.count) for run in target]


def _first_pages(parts: list[BookPart]) -> list[int]:
    return list(itertools.accumulate((part.pages for part in parts[:-1]), initial=0))


def _assemble(old_book: pikepdf.Pdf | None, target: list[PageRun]) -> pikepdf.Pdf:
    """A book whose pages are the target runs', in order: the old book with the pages of
    parts no longer there deleted and new parts copied in. (The old book's parts that
    stay keep their order: the front matter leads, and briefings sort by date and file
    name, which an unchanged briefing keeps.) With little to keep, a new document is faster."""
    import pikepdf

    keep = {run.first + offset for run in target if run.document is old_book for offset in range(run.count)}
    if old_book is None or len(keep) < sum(run.count for run in target) / 2:
        book = pikepdf.new()
        for run in target:
            book.pages.extend(run.document.pages[run.first : run.first + run.count])
        return book
    for index in reversed(range(len(old_book.pages))):
        if index not in keep:
            del old_book.pages[index]
    position = 0
    for run in target:
        if run.document is not old_book:
            for offset in range(run.count):
                old_book.pages.insert(position + offset, run.document.pages[run.first + offset])
        position += run.count
    return old_book


def book_docx(out_dir: Path, entries: list[IndexEntry], paper: str, stream: BinaryIO) -> None:
    from ..render.briefing import document_timestamp
    from ..render.docx import render_docx_book

    ordered = in_date_order(entries)
    briefings = ((out_dir / entry.outputs["docx"]).read_bytes() for entry in ordered)  # one at a time
    front = front_matter(ordered)
    # One footer runs through the whole DOCX book.
    front = b.Briefing(dataclasses.replace(front.metadata, source_file=BOOK_TITLE), front.blocks)
    render_docx_book(front, briefings, document_timestamp(), stream, paper)


def _write_docx_book(out_dir: Path, entries: list[IndexEntry], paper: str, output: OutputOpener) -> None:
    with output(out_dir / f"{BOOK_STEM}.docx") as stream:
        book_docx(out_dir, entries, paper, stream)


def write_collection(
    out_dir: Path,
    entries: list[IndexEntry],
    paper: str,
    output: OutputOpener,
    pool: Executor | None = None,
    reuse: bool = False,
) -> None:
    """index.json, briefing-book.pdf and briefing-book.docx; without records, none of
    them. ``output(path)``: a writable file that is complete or absent. With ``pool``,
    the DOCX book and the PDF book's timeline and matrix are made there while this
    process puts the PDF book together; the pool takes no more work after that (its
    workers leave when done, so their memory is free before the PDF book peaks).
    ``reuse``: the PDF book in OUT_DIR is the one the last build wrote, so the pages
    of its parts that still show the same thing may be kept."""
    if not entries:
        for name in (*COLLECTION_OUTPUTS, LAYOUT_NAME):
            (out_dir / name).unlink(missing_ok=True)
        return
    with output(out_dir / INDEX_NAME) as stream:
        stream.write(index_json(entries))
    previous = load_layout(out_dir) if reuse else None
    references = reference_parts(entries, paper)
    laid_out, docx = {}, None
    if pool:
        from ..render.pdf import render_pdf

        kept = {part.key for part in previous or []}
        laid_out = {key: pool.submit(render_pdf, part, paper) for key, part in references.items() if key not in kept}
        docx = pool.submit(_write_docx_book, out_dir, entries, paper, output)
        pool.shutdown(wait=False)
    with output(out_dir / f"{BOOK_STEM}.pdf") as stream:
        parts = book_pdf(out_dir, entries, paper, stream, references, previous, laid_out)
    with output(out_dir / LAYOUT_NAME) as stream:
        stream.write(layout_json(out_dir, parts))
    if docx:
        docx.result()
    else:
        _write_docx_book(out_dir, entries, paper, output)
