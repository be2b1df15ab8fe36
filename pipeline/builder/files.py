"""The names of what a build writes into OUT_DIR, writing a text's outputs, and keeping
outputs someone edited.

Writing complete files and reading them back as untrusted input is ``pipeline.outdir``'s.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Collection
from contextlib import suppress
from functools import partial
from pathlib import Path

from ..outdir import Witness, digest, write_atomic
from ..render.i18n import briefing_suffixes
from ..settings import LANGUAGES, Language
from .index import INDEX_NAME


def output_suffixes(languages: tuple[Language, ...]) -> tuple[str, ...]:
    """The suffixes of the files a build in ``languages`` writes for each raw text."""
    return (".json", *(suffix for language in languages for suffix in briefing_suffixes(language)))


# What a build writes for each raw text, after its stem: its record, and its briefings in
# each language (``NAME.docx``, ``NAME.pdf`` in English, ``NAME.ko.docx``, ``NAME.ko.pdf``)...
OUTPUT_SUFFIXES = output_suffixes(LANGUAGES)
# ...and across all of them (``book.write_collection``): the book, or once the archive
# outgrows one book, its volumes, each named after the years of its meetings
# (briefing-book-1995-1998, briefing-book-2005-2 for a second volume of 2005 alone).
BOOK_STEM = "briefing-book"
VOLUME_STEM = re.compile(rf"{BOOK_STEM}(?:-(?:\d{{4}}(?:-\d{{4}})?|undated)(?:-\d+)?)?")
_LANGUAGE_OF_TAG = {briefing_suffixes(code)[1].removesuffix(".pdf"): code for code in LANGUAGES}  # "": English
_BOOK_NAME = re.compile(
    rf"(?P<stem>{VOLUME_STEM.pattern})(?P<tag>{'|'.join(map(re.escape, _LANGUAGE_OF_TAG))})\.(?:pdf|docx)"
)


def book_names(language: Language, stem: str = BOOK_STEM) -> tuple[str, str]:
    """The PDF book's and the DOCX book's names in ``language`` (English: briefing-book.pdf,
    .docx), or those of the volume ``stem``."""
    docx, pdf = briefing_suffixes(language)
    return f"{stem}{pdf}", f"{stem}{docx}"


def book_language(name: str) -> Language | None:
    """The language of the book or volume file ``name`` (None: no book's name)."""
    found = _BOOK_NAME.fullmatch(name)
    return None if found is None else _LANGUAGE_OF_TAG[found["tag"]]


LAYOUT_SUFFIX = ".layout.json"


def layout_name(language: Language = "en", stem: str = BOOK_STEM) -> str:
    """The layout file of the PDF book (or volume ``stem``) in ``language`` (English: LAYOUT_NAME)."""
    return f".{book_names(language, stem)[0].removesuffix('.pdf')}{LAYOUT_SUFFIX}"


LAYOUT_NAME = layout_name("en")


def _layout_language(name: str) -> Language | None:
    """The language of a book's or volume's layout file ``name`` (None: no layout's name)."""
    stem = name.removeprefix(".").removesuffix(LAYOUT_SUFFIX)
    return book_language(f"{stem}.pdf") if name.startswith(".") and name.endswith(LAYOUT_SUFFIX) else None


def remove_books(out_dir: Path, languages: Collection[Language], keep: Collection[str] = ()) -> None:
    """Every book and volume file in ``languages`` in OUT_DIR, and its layout, but those in ``keep``.
    (Found by their names, which no raw text's outputs can take: a volume gone from the
    manifest with a build that failed is still found.)"""
    with os.scandir(out_dir) as found:
        names = [entry.name for entry in found if entry.name.startswith((BOOK_STEM, f".{BOOK_STEM}"))]
    for name in names:
        if name not in keep and (book_language(name) or _layout_language(name)) in languages:
            (out_dir / name).unlink(missing_ok=True)


def collection_outputs(languages: tuple[Language, ...]) -> tuple[str, ...]:
    """The collection's files in ``languages``: the index, and the book in each."""
    return (INDEX_NAME, *(name for language in languages for name in book_names(language)))


COLLECTION_OUTPUTS = collection_outputs(("en",))  # (in English, the book in one volume: dist --country's)
ALL_COLLECTION_OUTPUTS = collection_outputs(LANGUAGES)
# ...and the pre-send report of the last build (``checks.write_checks``): no raw text may take these names.
CHECKS_NAME = "checks.pdf"


def checks_name(language: Language) -> str:
    """The pre-send report in ``language``: checks.pdf, checks.ko.pdf."""
    return f"checks{briefing_suffixes(language)[1]}"


RESERVED_OUTPUTS = (*ALL_COLLECTION_OUTPUTS, *(checks_name(language) for language in LANGUAGES))


def outputs_of(stem: str) -> list[str]:
    """The files one raw text can yield in OUT_DIR, in any language."""
    return [f"{stem}{suffix}" for suffix in OUTPUT_SUFFIXES]


def remove_outputs(out_dir: Path, stem: str) -> None:
    for name in outputs_of(stem):
        with suppress(OSError):  # a read-only folder: the failure is already being reported
            (out_dir / name).unlink(missing_ok=True)


def write_outputs(stem: str, outputs: dict[str, bytes], out_dir: Path) -> dict[str, str]:
    """All of a text's files, or (disk full, folder read-only) none of them.
    -> the digest of each, by suffix: what the next build checks them against."""
    try:
        for suffix, data in outputs.items():
            write_atomic(out_dir / f"{stem}{suffix}", data)
    except BaseException:
        remove_outputs(out_dir, stem)
        raise
    return {suffix: digest(data) for suffix, data in outputs.items()}


# --- outputs someone changed ------------------------------------------------------------------

EDITED_DIR = "edited"


def edited_name(name: str, stamp: str, taken: Callable[[str], bool]) -> str:
    """``NAME.<stamp>.ext`` for ``NAME.ext`` (``NAME.<stamp>-2.ext`` and on while taken)."""
    stem, dot, suffix = name.rpartition(".")
    stem, suffix = (stem, dot + suffix) if stem else (name, "")
    candidate = f"{stem}.{stamp}{suffix}"
    number = 1
    while taken(candidate):
        number += 1
        candidate = f"{stem}.{stamp}-{number}{suffix}"
    return candidate


def _taken(folder: Path, name: str) -> bool:
    return os.path.lexists(folder / name)


def check_outputs(
    out_dir: Path, digests: dict[str, str], stamp: str, witness: Witness
) -> tuple[set[str], list[tuple[str, str]]]:
    """Each file named in ``digests`` against the digest the build wrote it with.
    -> (the names that are as written, [(name, where it was moved)]): a regular file whose
    bytes changed (someone edited it) is moved to ``edited/NAME.<stamp>.ext`` rather than
    left to be overwritten or removed; a symlink, FIFO or missing file is not a user's
    edit of ours, and is simply rebuilt."""
    intact_names, moved = set(), []
    for name, expected in digests.items():
        found = witness.digest(name)
        if found == expected:
            intact_names.add(name)
            continue
        path = out_dir / name
        if found is None or not stat.S_ISREG(path.lstat().st_mode):
            continue
        folder = out_dir / EDITED_DIR
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            raise OSError(0, f"{EDITED_DIR} is not a folder; move it away to keep edited outputs", str(folder))
        folder.mkdir(exist_ok=True)
        kept = edited_name(name, stamp, partial(_taken, folder))
        path.rename(folder / kept)
        moved.append((name, f"{EDITED_DIR}/{kept}"))
    return intact_names, moved
