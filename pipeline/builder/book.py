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
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from ..outdir import OutputOpener, read_back
from ..parser.countries import country_code
from ..render import briefing as b
from ..render.i18n import ENGLISH, N_, Translator, briefing_suffixes
from ..render.theme import MARGINS, PAGE_SIZES
from ..settings import DEFAULTS, LANGUAGES, Language
from .edition import BOOK_TITLE, Edition
from .files import BOOK_STEM, book_names, layout_name, remove_books
from .index import INDEX_NAME, IndexEntry, in_date_order, index_json
from .manifest import Entry, pipeline_fingerprint

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

    import pikepdf

# --- the book's front matter, as briefing blocks -------------------------------------------

MEMBER_MARK = "•"  # in the body font, so matrix cells stay plain strings (fast to lay out)
OBSERVER_MARK = "o"
# The participation matrix, on landscape pages: the authority, how many meetings it
# attended, then one column per meeting, as narrow as its label ('1995' over 'KHA') and
# a mark stay legible at the cell size (8.5 points): as many meetings across as fit.
MATRIX_NAME_WIDTH = 150.0  # points
MATRIX_COUNT_WIDTH = 48.0
MATRIX_MEETING_WIDTH = 27.0
LABEL_LETTERS = 3


def _book(
    ordered: list[IndexEntry], blocks: list[b.Block], part: str, landscape: bool = False, language: Translator = ENGLISH
) -> b.Briefing:
    countries = sorted({_country(participant.country, language) for e in ordered for participant in e.participants})
    _ = language._
    metadata = b.Metadata(
        _(BOOK_TITLE), _("Briefing book"), b.PROJECT, countries, f"{BOOK_TITLE}: {part}", "", landscape=landscape
    )
    return b.Briefing(dataclasses.replace(metadata, language=language), blocks)


def _country(name: str, language: Translator) -> str:
    """A country as the index names it (English), in ``language``: CLDR's name for its code."""
    return name if language.english else language.countries(DEFAULTS).get(country_code(name) or "", name)


def _years(ordered: list[IndexEntry]) -> str:
    years = [e.start[:4] for e in ordered if e.start]
    if not years:
        return ""
    return years[0] if years[0] == years[-1] else f"{years[0]}-{years[-1]}"


def cover_part(entries: list[IndexEntry], edition: Edition, language: Translator = ENGLISH) -> b.Briefing:
    """The cover: the association and its logo, the title, the edition date, how many
    meetings and the years they span."""
    ordered = in_date_order(entries)
    _ = language._
    meetings = language.ngettext("%(count)s meeting", "%(count)s meetings", len(ordered))
    span = _years(ordered)
    blocks: list[b.Block] = [b.Picture(edition.logo, 40)] if edition.logo else []
    blocks += [
        b.Paragraph(f"{edition.association} ({edition.short_name})", "cover"),
        b.Title(
            _(BOOK_TITLE),
            [
                _("Edition of %(date)s") % {"date": language.date(edition.date)},
                _("%(meetings)s, %(years)s") % {"meetings": meetings, "years": span} if span else meetings,
                *([edition.scope] if edition.scope else []),
            ],
        ),
    ]
    return _book(ordered, blocks, "cover", language=language)


# The parts the contents list before the briefings, by title.
FRONT_PARTS = (N_("Timeline"), N_("Participation matrix"))


def contents_part(
    entries: list[IndexEntry],
    pages: list[int] | None = None,
    parts: dict[str, int] | None = None,
    language: Translator = ENGLISH,
) -> b.Briefing:
    """The contents: the timeline and the matrix, then every briefing. ``pages`` (PDF
    only) gives each briefing's first page in the book, ``parts`` the others' (by their
    English titles)."""
    ordered = in_date_order(entries)
    listed = [
        (language._(title), "", (parts or {}).get(title)) for title in FRONT_PARTS if parts is None or title in parts
    ]
    listed += [
        (e.title or e.file, language.period(*_dates(e)) or e.period or "", pages[i] if pages else None)
        for i, e in enumerate(ordered)
    ]
    blocks: list[b.Block] = [b.Heading(language._("Contents")), b.TableOfContents(listed, language)]
    return _book(ordered, blocks, "contents", language=language)


def meeting_labels(ordered: list[IndexEntry]) -> list[tuple[str, str]]:
    """Each meeting's short label, (year, place letters): ('1995', 'KHA') for the meeting at
    Khabarovsk in 1995; a second meeting of the same year and letters gets 'KHA2'."""
    labels: list[tuple[str, str]] = []
    seen: dict[tuple[str, str], int] = {}
    for entry in ordered:
        year = entry.start[:4] if entry.start else "n.d."
        words = [
            word for word in (entry.venue or entry.title or entry.file).replace(",", " ").split() if word[:1].isalpha()
        ]
        letters = (words[0][:LABEL_LETTERS] if words else "?").upper()
        seen[(year, letters)] = seen.get((year, letters), 0) + 1
        count = seen[(year, letters)]
        labels.append((year, letters if count == 1 else f"{letters}{count}"))
    return labels


def timeline_part(entries: list[IndexEntry], language: Translator = ENGLISH) -> b.Briefing:
    """Every meeting in date order, under the label the matrix's columns carry."""
    ordered = in_date_order(entries)
    labels = meeting_labels(ordered)
    _ = language._
    return _book(
        ordered,
        [
            b.Heading(_("Timeline")),
            b.Table(
                [_("Label"), _("Period"), _("Meeting"), _("Venue"), _("Authorities")],
                [
                    [
                        f"{year} {letters}",
                        language.period(*_dates(e)) or e.period or "",
                        e.title or e.file,
                        e.venue or "",
                        b.count_text(e.listed_authorities, e.observers, language),
                    ]
                    for (year, letters), e in zip(labels, ordered, strict=True)
                ],
                [0.1, 0.18, 0.3, 0.27, 0.15],
                heading=_("Timeline"),
                language=language,
            ),
        ],
        "timeline",
        language=language,
    )


def matrix_columns(paper: str) -> int:
    """How many meetings the matrix puts across a landscape page."""
    _, height = PAGE_SIZES[paper]
    text_width = height - MARGINS.left - MARGINS.right  # landscape: the page's height across
    return max(1, int((text_width - MATRIX_NAME_WIDTH - MATRIX_COUNT_WIDTH) // MATRIX_MEETING_WIDTH))


def periods(ordered: list[IndexEntry], columns: int) -> list[range]:
    """Runs of consecutive meetings, at most ``columns`` each; a run ends at a change of
    year where one falls in its second half, so a year is seldom cut in two."""
    runs, first = [], 0
    while first < len(ordered):
        last = min(first + columns, len(ordered))
        if last < len(ordered):
            years = [entry.start[:4] if entry.start else "" for entry in ordered]
            cuts = [i for i in range(first + columns // 2, last) if i > first and years[i] != years[i - 1]]
            if cuts and years[last] == years[last - 1]:
                last = cuts[-1]
        runs.append(range(first, last))
        first = last
    return runs


def matrix_part(entries: list[IndexEntry], paper: str = "a4", language: Translator = ENGLISH) -> b.Briefing:
    ordered = in_date_order(entries)
    blocks = _matrix(ordered, matrix_columns(paper), paper, language)
    return _book(ordered, blocks, "participation matrix", landscape=True, language=language)


def front_matter(
    entries: list[IndexEntry],
    edition: Edition,
    paper: str = "a4",
    contents: b.Briefing | None = None,
    language: Translator = ENGLISH,
) -> b.Briefing:
    """Cover, contents, timeline and the matrix (on landscape pages), as one run of blocks
    (the DOCX book). ``contents``: with the PDF book's page numbers, else none."""
    cover, contents = cover_part(entries, edition, language), contents or contents_part(entries, language=language)
    timeline, matrix = timeline_part(entries, language), matrix_part(entries, paper, language)
    blocks: list[b.Block] = [*cover.blocks, b.PageBreak(), *contents.blocks, b.PageBreak(), *timeline.blocks]
    if matrix.blocks:
        blocks += [b.PageBreak(ends="portrait"), *matrix.blocks, b.PageBreak(ends="landscape")]
    return b.Briefing(cover.metadata, blocks)


def _dates(entry: IndexEntry) -> tuple[datetime.date | None, datetime.date | None]:
    parse = datetime.date.fromisoformat
    return (parse(entry.start) if entry.start else None, parse(entry.end) if entry.end else None)


def _matrix(ordered: list[IndexEntry], columns: int, paper: str, language: Translator = ENGLISH) -> list[b.Block]:
    """Every authority (one row per identity, under the name the records give it most
    often: the gazetteer's preferred form wherever the gazetteer knows it), grouped by
    country, against the meetings: one table per run of consecutive meetings and country,
    only the authorities that attended one of them, each with how many of all the meetings
    it attended."""
    by_identity: dict[tuple[str, str], dict[int, str]] = {}
    spellings: dict[str, Counter[str]] = {}
    for number, entry in enumerate(ordered):
        for participant in entry.participants:
            marks = by_identity.setdefault((participant.country, participant.id), {})
            observer = participant.role == "observer" and marks.get(number) != MEMBER_MARK
            marks[number] = OBSERVER_MARK if observer else MEMBER_MARK
            spellings.setdefault(participant.id, Counter())[participant.name] += 1
    if not by_identity:
        return []
    attended = {
        (
            _country(country, language),
            language.region(identity, min(spellings[identity].items(), key=lambda item: (-item[1], item[0]))[0]),
        ): marks
        for (country, identity), marks in by_identity.items()
    }
    _ = language._
    labels = meeting_labels(ordered)
    height = PAGE_SIZES[paper][1]
    text_width = height - MARGINS.left - MARGINS.right  # landscape: the page's height across
    blocks: list[b.Block] = [
        b.Heading(_("Participation matrix")),
        b.Paragraph(
            language.ngettext(
                "%(member)s attended as a member, %(observer)s as an observer. Columns: the meetings in date "
                "order, by year and the first letters of the venue (the timeline gives each label's meeting). "
                "Attended: of all %(count)s meeting, how many the authority attended.",
                "%(member)s attended as a member, %(observer)s as an observer. Columns: the meetings in date "
                "order, by year and the first letters of the venue (the timeline gives each label's meeting). "
                "Attended: of all %(count)s meetings, how many the authority attended.",
                len(ordered),
                {"member": MEMBER_MARK, "observer": OBSERVER_MARK},
            ),
            "muted",
        ),
    ]
    countries = sorted({country for country, _ in attended})
    for run in periods(ordered, columns):
        span = _years([ordered[i] for i in run])
        if len(ordered) > columns:
            blocks.append(b.Heading(_("Meetings %(years)s") % {"years": span} if span else _("Meetings"), level=2))
        share = MATRIX_MEETING_WIDTH / text_width
        name_share = 1 - share * len(run) - MATRIX_COUNT_WIDTH / text_width
        for country in countries:
            authorities = sorted(a for c, a in attended if c == country and set(attended[(c, a)]) & set(run))
            if not authorities:
                continue
            heading = f"{country}, {span}" if span and len(ordered) > columns else country
            blocks.append(
                b.Table(
                    [
                        _("Authority"),
                        _("Attended"),
                        *(f"{labels[i][0]}\n{labels[i][1]}" for i in run),
                    ],
                    [
                        [
                            authority,
                            language.number(len(attended[(country, authority)])),
                            *(attended[(country, authority)].get(i, "") for i in run),
                        ]
                        for authority in authorities
                    ],
                    [name_share, MATRIX_COUNT_WIDTH / text_width, *([share] * len(run))],
                    heading=heading,
                    compact=True,
                    captioned=True,
                    language=language,
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


def _digest(blocks: list) -> str:
    return hashlib.sha256(repr(blocks).encode("utf-8")).hexdigest()[:32]


def _file_key(path: Path) -> str:
    """A file by its content: the same briefing rebuilt is the same part."""
    return f"{path.name}:{hashlib.sha256(path.read_bytes()).hexdigest()[:32]}"


def load_layout(out_dir: Path, language: Language = "en", stem: str = BOOK_STEM) -> list[BookPart] | None:
    """The parts of the PDF book on disk, if the layout file still describes it and
    the code that laid them out has not changed. (Read back from OUT_DIR: anything
    but the shape ``layout_json`` writes is no layout.)"""
    try:
        data = json.loads(read_back(out_dir / layout_name(language, stem)))
        book = out_dir / book_names(language, stem)[0]
        if data["pipeline"] != pipeline_fingerprint() or data["book"] != _file_key(book):
            return None
        parts = [BookPart(key, pages) for key, pages in data["parts"]]
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None
    valid = all(type(part.key) is str and type(part.pages) is int and part.pages > 0 for part in parts)
    return parts if parts and valid else None


def layout_json(out_dir: Path, parts: list[BookPart], language: Language = "en", stem: str = BOOK_STEM) -> bytes:
    data = {
        "pipeline": pipeline_fingerprint(),
        "book": _file_key(out_dir / book_names(language, stem)[0]),
        "parts": [[part.key, part.pages] for part in parts],
    }
    return json.dumps(data, indent=0).encode("utf-8")


def reference_parts(entries: list[IndexEntry], paper: str, language: Translator = ENGLISH) -> dict[str, b.Briefing]:
    """The timeline and the matrix (when there is one), by the key of their pages."""
    ordered = in_date_order(entries)
    return {
        f"{part.metadata.footer}:{paper}:{_digest([part.metadata, part.blocks])}": part
        for part in (timeline_part(ordered, language), matrix_part(ordered, paper, language))
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
    edition: Edition | None = None,
    paged: Callable[[b.Briefing], None] | None = None,
    language: Translator = ENGLISH,
    stem: str = BOOK_STEM,
) -> list[BookPart]:
    """Cover, contents, timeline and matrix from reportlab, then every briefing's own PDF pages
    (merged with qpdf). With ``previous``, the parts of the book on disk, its pages that
    still show the same thing are kept and only the others replaced. ``references``:
    ``reference_parts(entries, paper)``; ``laid_out``: their PDFs being made elsewhere, by key;
    ``paged``: told the contents, with every part's page, as soon as they are known;
    ``stem``: the volume's, whose old pages ``previous`` describes. -> the new parts."""
    import io

    import pikepdf

    from ..render.pdf import render_pdf

    def rendered(part: b.Briefing) -> pikepdf.Pdf:
        return pikepdf.Pdf.open(io.BytesIO(render_pdf(part, paper)))

    ordered = in_date_order(entries)
    edition = edition or Edition()
    old_book = pikepdf.Pdf.open(out_dir / book_names(language.language, stem)[0]) if previous else None
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
    pdfs = [out_dir / f"{entry.stem}{briefing_suffixes(language.language)[1]}" for entry in ordered]
    briefings = [source(_file_key(pdf), partial(pikepdf.Pdf.open, pdf)) for pdf in pdfs]

    def reference(key: str, part: b.Briefing) -> pikepdf.Pdf:
        """A timeline or matrix part: laid out in the pool meanwhile, or here."""
        future = laid_out.get(key)
        return pikepdf.Pdf.open(io.BytesIO(future.result())) if future else rendered(part)

    reference_runs = [source(key, partial(reference, key, part)) for key, part in references.items()]
    cover_part_ = cover_part(ordered, edition, language)
    cover = source(
        f"cover:{paper}:{_digest([cover_part_.metadata, cover_part_.blocks])}", lambda: rendered(cover_part_)
    )
    # The contents' length does not depend on its page numbers: laid out without them, then with them.
    titles = [part.metadata.footer.removeprefix(f"{BOOK_TITLE}: ").capitalize() for part in references.values()]
    contents_pages = len(rendered(contents_part(ordered, None, dict.fromkeys(titles, 0), language)).pages)
    first = cover.count + contents_pages + 1
    part_starts = list(itertools.accumulate((run.count for run in reference_runs), initial=first))
    first = part_starts[-1]
    starts = list(itertools.accumulate((run.count for run in briefings[:-1]), initial=first))
    contents = contents_part(ordered, starts, dict(zip(titles, part_starts, strict=False)), language)
    if paged is not None:  # (the DOCX book's contents take these page numbers)
        paged(contents)
    front = source(f"contents:{paper}:{_digest([contents.metadata, contents.blocks])}", lambda: rendered(contents))

    target = [cover, front, *reference_runs, *briefings]
    book = _assemble(old_book, target)
    _one_copy_of_each(book)
    _number_pages(book, target, edition, language)
    book.trailer.Info = book.make_indirect(_info(ordered, edition, language))
    if not language.english:  # (the English book declares none, as before)
        book.Root.Lang = pikepdf.String(language.tag)
    if "/ID" in book.trailer:  # qpdf would keep the old book's first identifier: bytes would depend on history
        del book.trailer.ID
    book.Root.PageMode = pikepdf.Name.UseOutlines
    # Page labels as the footers number the pages: 1 to the end, the cover first.
    book.Root.PageLabels = pikepdf.Dictionary(Nums=pikepdf.Array([0, pikepdf.Dictionary(S=pikepdf.Name.D)]))
    pages = list(book.pages)  # (a destination by page number looks the page up each time)

    def item(title: str, page: int) -> pikepdf.OutlineItem:
        return pikepdf.OutlineItem(title, pikepdf.Array([pages[page].obj, pikepdf.Name.Fit]))

    with book.open_outline() as outline:
        outline.root.clear()
        title = item(language._(BOOK_TITLE), 0)
        title.children.append(item(language._("Contents"), cover.count))
        outline.root.append(title)
        outline.root.extend(item(language._(name), start - 1) for name, start in zip(titles, part_starts, strict=False))
        outline.root.extend(
            item(entry.title or entry.file, start - 1) for entry, start in zip(ordered, starts, strict=True)
        )
    # The briefings' streams are compressed already; recompressing them, or packing
    # objects into object streams, took seven times as long for 8% less.
    book.save(
        stream, deterministic_id=True, compress_streams=False, object_stream_mode=pikepdf.ObjectStreamMode.disable
    )
    return [BookPart(run.key, run.count) for run in target]


def _footers_pdf(sizes: list[tuple[float, float]], edition: Edition, language: Translator = ENGLISH) -> bytes:
    """One page per page of the book, each of its size, holding its footer: 'page N of
    TOTAL' from the cover on (the cover shows none)."""
    import io

    from reportlab.pdfgen.canvas import Canvas

    from ..render.fonts import register_all
    from ..render.pdf.layout import draw_footer_text, draw_page_number, page_label

    register_all()
    stream = io.BytesIO()
    canvas = Canvas(stream, pagesize=sizes[0] if sizes else (595, 842), invariant=1)
    total = len(sizes)
    texts: dict[float, str] = {}  # the rule and the text, drawn once per page width, as a form
    for number, size in enumerate(sizes, 1):
        canvas.setPageSize(size)
        if number > 1:
            if size[0] not in texts:
                texts[size[0]] = f"BookFooter{len(texts)}"
                canvas.beginForm(texts[size[0]])
                draw_footer_text(canvas, size[0], edition.footer(language), page_label(total, total, language))
                canvas.endForm()
            canvas.doForm(texts[size[0]])
            draw_page_number(canvas, size[0], number, total, language)
        canvas.showPage()
    canvas.save()
    return stream.getvalue()


def _number_pages(book: pikepdf.Pdf, target: list[PageRun], edition: Edition, language: Translator = ENGLISH) -> None:
    """One page numbering from the cover to the end: each page's own footer (the form
    its part drew it in, 'page 1 of 3') replaced by the book's. ValueError for a page
    without one (a part this code did not lay out)."""
    import io

    import pikepdf

    from ..render.pdf.layout import FOOTER_FORM

    sizes = [(float(page.mediabox[2]), float(page.mediabox[3])) for page in book.pages]
    footers = pikepdf.Pdf.open(io.BytesIO(_footers_pdf(sizes, edition, language)))
    offsets = [offset for run in target for offset in range(run.count)]  # each page's number in its part
    for page, footer, offset in zip(book.pages, footers.pages, offsets, strict=True):
        name = pikepdf.Name(f"/FormXob.{FOOTER_FORM}{offset + 1}")
        resources = page.obj.get("/Resources")
        xobjects = resources.get("/XObject") if resources is not None else None
        if xobjects is None or name not in xobjects:
            raise ValueError(f"page {len(sizes)}: no footer form {name}")
        xobjects[name] = book.copy_foreign(footer.as_form_xobject())


def _subject(ordered: list[IndexEntry], edition: Edition, language: Translator) -> str:
    """'7 meetings, 1995-2021; edition of 2026-12-01': the book's subject property."""
    meetings = language.ngettext("%(count)s meeting", "%(count)s meetings", len(ordered))
    return language._("%(meetings)s, %(years)s; edition of %(date)s") % {
        "meetings": meetings,
        "years": _years(ordered),
        "date": edition.date.isoformat(),
    }


def _info(ordered: list[IndexEntry], edition: Edition, language: Translator = ENGLISH) -> pikepdf.Dictionary:
    """The book's document properties: the association, the edition date."""
    import pikepdf

    when = f"D:{edition.date:%Y%m%d}000000Z"
    countries = sorted({_country(participant.country, language) for e in ordered for participant in e.participants})
    return pikepdf.Dictionary(
        Title=pikepdf.String(language._(BOOK_TITLE)),
        Author=pikepdf.String(f"{edition.association} ({edition.short_name})"),
        Subject=pikepdf.String(_subject(ordered, edition, language)),
        Keywords=pikepdf.String(", ".join(countries)),
        Creator=pikepdf.String(b.PROJECT),
        Producer=pikepdf.String(b.PROJECT),
        CreationDate=pikepdf.String(when),
        ModDate=pikepdf.String(when),
    )


def _first_pages(parts: list[BookPart]) -> list[int]:
    return list(itertools.accumulate((part.pages for part in parts[:-1]), initial=0))


# What each briefing's PDF brings its own copy of, by the kind of dictionary that points to it
SHARED_STREAMS = (("/FontDescriptor", "/FontFile2"), ("/Font", "/ToUnicode"))


def _one_copy_of_each(book: pikepdf.Pdf) -> None:
    """Font programs and character maps that are the same bytes become one object that
    every font of the book points to: each briefing brings its own copy, and a
    language's reserved subsets (``fonts.reserve``), the largest, are the same bytes in
    all of them."""
    import pikepdf

    kept: dict[tuple[str, bytes], pikepdf.Object] = {}
    for thing in book.objects:
        if not isinstance(thing, pikepdf.Dictionary):
            continue
        for kind, key in SHARED_STREAMS:
            if thing.get("/Type") == kind and key in thing:
                stream = thing[key]
                first = kept.setdefault((key, hashlib.sha256(stream.read_raw_bytes()).digest()), stream)
                if first.objgen != stream.objgen:
                    thing[key] = first


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


def book_docx(
    out_dir: Path,
    entries: list[IndexEntry],
    paper: str,
    stream: BinaryIO,
    edition: Edition,
    contents: b.Briefing | None = None,
    language: Translator = ENGLISH,
) -> None:
    """The DOCX book; ``contents``: the PDF book's, whose page numbers its contents show
    until Word updates them (it is asked to on opening)."""
    from ..render.docx import render_docx_book

    ordered = in_date_order(entries)
    suffix = briefing_suffixes(language.language)[0]
    briefings = ((out_dir / f"{entry.stem}{suffix}").read_bytes() for entry in ordered)  # one at a time
    front = front_matter(ordered, edition, paper, contents, language)
    # One footer runs through the whole DOCX book; its properties name the association and the edition.
    metadata = dataclasses.replace(
        front.metadata,
        author=f"{edition.association} ({edition.short_name})",
        subject=_subject(ordered, edition, language),
        label=edition.footer(language),
    )
    when = datetime.datetime.combine(edition.date, datetime.time(), datetime.UTC)
    render_docx_book(b.Briefing(metadata, front.blocks), briefings, when, stream, paper)


def _write_docx_book(
    out_dir: Path,
    entries: list[IndexEntry],
    paper: str,
    output: OutputOpener,
    edition: Edition,
    contents: b.Briefing | None = None,
    language: Translator = ENGLISH,
    stem: str = BOOK_STEM,
) -> None:
    with output(out_dir / book_names(language.language, stem)[1]) as stream:
        book_docx(out_dir, entries, paper, stream, edition, contents, language)


# --- volumes ------------------------------------------------------------------------------

# Past this many meetings the book comes in volumes of at most this many: what a build lays
# out, holds in memory and rewrites for one changed text stays the same however large the
# archive grows (with 10,000 meetings in one book, a build peaked at 5.6 GB, and one changed
# text spent 47 s on the index and book).
VOLUME_MEETINGS = 100


@dataclass(frozen=True)
class Volume:
    """One book file (a PDF and a DOCX in each language): ``briefing-book`` while the archive
    fits in one, else a run of consecutive meetings named after its years."""

    stem: str
    entries: tuple[IndexEntry, ...]  # in date order


def _begins_volume(entry: IndexEntry, one_in: int) -> bool:
    """Whether a volume may begin at ``entry``: one meeting in ``one_in``, chosen by a digest of
    its file name, so a meeting keeps or lacks the mark whatever else is added or removed."""
    return int(hashlib.sha256(entry.file.encode("utf-8", "surrogateescape")).hexdigest()[:8], 16) % one_in == 0


def volumes(entries: list[IndexEntry]) -> list[Volume]:
    """The book's volumes: one, ``briefing-book``, for up to VOLUME_MEETINGS meetings; else runs of
    consecutive meetings in date order. A run ends before a meeting marked to begin one (one in
    a quarter of VOLUME_MEETINGS) once it holds a quarter of the most, and at the most: about
    half the most in a volume. The boundaries follow from the meetings, never from their
    number or an earlier build, so a meeting added, changed or removed rewrites its own
    volume, and a neighbour when it is or was a mark or the volume was full (300 meetings
    added, each alone, to 10,000 in volumes of at most 100: one volume's meetings changed 232
    times, two 63, three 5). A volume is named after its years (briefing-book-1995-1998); a
    second of the same years ends in -2."""
    ordered = in_date_order(entries)
    if len(ordered) <= VOLUME_MEETINGS:
        return [Volume(BOOK_STEM, tuple(ordered))]
    least = one_in = max(1, VOLUME_MEETINGS // 4)
    runs: list[list[IndexEntry]] = [[]]
    for entry in ordered:
        if len(runs[-1]) >= VOLUME_MEETINGS or (len(runs[-1]) >= least and _begins_volume(entry, one_in)):
            runs.append([])
        runs[-1].append(entry)
    named: Counter[str] = Counter()
    made = []
    for run in runs:
        stem = f"{BOOK_STEM}-{_years(run) or 'undated'}"
        named[stem] += 1
        made.append(Volume(stem if named[stem] == 1 else f"{stem}-{named[stem]}", tuple(run)))
    return made


def _volume_index(made: list[Volume]) -> list[dict[str, Any]] | None:
    """Where index.json says each meeting's volume is (None for a book in one volume: its name is fixed)."""
    if len(made) == 1:
        return None
    return [
        {
            "years": _years(list(volume.entries)),
            "pdf": book_names("en", volume.stem)[0],
            "docx": book_names("en", volume.stem)[1],
            "records": [entry.file for entry in volume.entries],
        }
        for volume in made
    ]


def _same_texts(
    volume: Volume, before: Volume | None, now: Mapping[str, Entry], then: Mapping[str, Entry], code: Language
) -> bool:
    """Whether ``volume`` holds the meetings ``before`` held, as they were then: each one's index
    entry and briefings in ``code``, all a volume is made of. (A text edited where its briefings
    do not show it, its spacing say, leaves its volume as it was.)"""
    if before is None or [e.file for e in before.entries] != [e.file for e in volume.entries]:
        return False
    suffixes = briefing_suffixes(code)
    for entry in volume.entries:
        new, old = now[entry.file], then[entry.file]
        if new.summary != old.summary or any(new.outputs.get(suffix) != old.outputs.get(suffix) for suffix in suffixes):
            return False
    return True


def _same_entries(now: Mapping[str, Entry], then: Mapping[str, Entry] | None) -> bool:
    """Whether the texts ``now`` are those ``then`` were, each with the index entry it had: what
    index.json is made of."""
    return (
        then is not None and now.keys() == then.keys() and all(now[name].summary == then[name].summary for name in now)
    )


def write_collection(
    out_dir: Path,
    texts: Mapping[str, Entry],
    paper: str,
    output: OutputOpener,
    pool: Executor | None = None,
    kept: Mapping[str, str] | None = None,
    edition: Edition | None = None,
    languages: tuple[Language, ...] = ("en",),
    before: Mapping[str, Entry] | None = None,
) -> dict[str, str | None]:
    """index.json, and the book in PDF and DOCX in each of ``languages`` (briefing-book.ko.pdf
    ...), in volumes past VOLUME_MEETINGS meetings; without texts, none of them. ``texts``: the
    built texts by name. ``output(path)``: a writable file that is complete or absent.
    ``kept``: the collection's files that are still as the last build wrote them (by name,
    their digests); ``before``: the texts that build made them of (None when the book shows
    something else now: a new edition). index.json, and a volume, whose files are kept and
    whose texts show what they showed are left as they are; in a volume made again, the pages
    of parts that still show the same thing are kept. With ``pool``, volumes are made there
    side by side, or for one, its DOCX and its timeline and matrix while this process puts its
    PDF together.
    -> every file of the collection in ``languages``: the digest of each left as it was,
    None for each written now."""
    kept = kept or {}
    if not texts:
        remove_books(out_dir, LANGUAGES)
        (out_dir / INDEX_NAME).unlink(missing_ok=True)
        return {}
    edition = edition or Edition()
    entries = [entry.summary for entry in texts.values()]
    made = volumes(entries)
    collection: dict[str, str | None] = {}
    same_entries = _same_entries(texts, before)
    if INDEX_NAME in kept and same_entries:
        collection[INDEX_NAME] = kept[INDEX_NAME]
    else:
        with output(out_dir / INDEX_NAME) as stream:
            stream.write(index_json(entries, _volume_index(made)))
        collection[INDEX_NAME] = None
    # (the same entries make the same volumes: those of the texts before are made only where they differ)
    made_before = made if same_entries or not before else volumes([entry.summary for entry in before.values()])
    then = {volume.stem: volume for volume in made_before} if before else {}
    work: list[tuple[Volume, Language]] = []
    names: set[str] = set()
    for code in languages:
        for volume in made:
            files = book_names(code, volume.stem)
            names |= {*files, layout_name(code, volume.stem)}
            unchanged = before is not None and _same_texts(volume, then.get(volume.stem), texts, before, code)
            if unchanged and all(name in kept for name in files):
                collection |= {name: kept[name] for name in files}
                continue
            collection |= dict.fromkeys(files)
            work.append((volume, code))
    _write_volumes(out_dir, work, paper, output, pool, kept, edition)
    remove_books(out_dir, languages, names)  # volumes no longer made (a boundary moved), after the new are in place
    return collection


def _write_volumes(
    out_dir: Path,
    work: list[tuple[Volume, Language]],
    paper: str,
    output: OutputOpener,
    pool: Executor | None,
    kept: Mapping[str, str],
    edition: Edition,
) -> None:
    """The volumes of ``work``, each in its language: with ``pool`` and more than one, each
    volume in a worker (each worker holds one volume at a time); else one after another here,
    the pool helping with the first."""

    def books(volume: Volume, code: Language, helpers: Executor | None) -> partial[None]:
        """One volume's books in one language, to be made (``helpers``: a pool to share the work with)."""
        reuse = book_names(code, volume.stem)[0] in kept
        return partial(
            _write_books, out_dir, list(volume.entries), paper, output, helpers, reuse, edition, code, volume.stem
        )

    if pool is not None and len(work) > 1:
        for future in [pool.submit(books(volume, code, None)) for volume, code in work]:
            future.result()
        return
    for number, (volume, code) in enumerate(work):
        books(volume, code, pool if number == 0 else None)()


def _write_books(
    out_dir: Path,
    entries: list[IndexEntry],
    paper: str,
    output: OutputOpener,
    pool: Executor | None,
    reuse: bool,
    edition: Edition,
    code: Language,
    stem: str = BOOK_STEM,
) -> None:
    """The PDF and the DOCX book (or volume ``stem``) in the language ``code``. ``reuse``: the
    PDF in OUT_DIR is the one the last build wrote, so the pages of its parts may be kept."""
    language = Translator(code)
    previous = load_layout(out_dir, code, stem) if reuse else None
    references = reference_parts(entries, paper, language)
    laid_out: dict[str, Future[bytes]] = {}
    docx: list[Future[None]] = []
    if pool:
        from ..render.pdf import render_pdf

        kept = {part.key for part in previous or []}
        laid_out = {key: pool.submit(render_pdf, part, paper) for key, part in references.items() if key not in kept}
    contents: list[b.Briefing] = []

    def paged(part: b.Briefing) -> None:
        """The contents' page numbers are known: the DOCX book is made meanwhile, in the pool."""
        contents.append(part)
        if pool:
            docx.append(pool.submit(_write_docx_book, out_dir, entries, paper, output, edition, part, language, stem))
            pool.shutdown(wait=False)  # no more work: its workers leave when done, before the PDF book peaks

    try:
        with output(out_dir / book_names(code, stem)[0]) as stream:
            parts = book_pdf(
                out_dir, entries, paper, stream, references, previous, laid_out, edition, paged, language, stem
            )
    finally:
        if pool:
            pool.shutdown(wait=False)
    with output(out_dir / layout_name(code, stem)) as stream:
        stream.write(layout_json(out_dir, parts, code, stem))
    if docx:
        docx[0].result()
    else:
        _write_docx_book(out_dir, entries, paper, output, edition, contents[0] if contents else None, language, stem)
