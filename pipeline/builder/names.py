"""Which raw texts' names can name outputs, and how names are shown to a user.

A raw text's outputs are named after its stem (``NAME.txt`` -> ``NAME.json``,
``.docx``, ``.pdf``). A name is refused, in one line, when those outputs could not
be written or would overwrite another's: the collection's outputs, or another
text's on a file system that folds case or Unicode normalisation (``x.txt`` and
``X.TXT``, ``é`` composed and decomposed). Texts are never renamed behind the
user's back: they rename the file and build again.
"""

from __future__ import annotations

import os
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from ..archive.schema import METADATA_NAME
from ..settings import LANGUAGES
from .files import OUTPUT_SUFFIXES, RESERVED_OUTPUTS, VOLUME_STEM


class Refusal(StrEnum):
    """Why a raw text's name is refused; the text fails with ``NAME.txt: <reason>``."""

    UNDECODABLE = "its name is not valid UTF-8; rename the file"
    TOO_LONG = "its name is {size} bytes, too long for its outputs (the limit is {limit}); rename the file"
    RESERVED = "its outputs would overwrite the collection's {other}; rename the file"
    COLLIDES = "its outputs would overwrite those of {other}; rename one of them"


# The longest name a file system takes when it does not say (POSIX's usual NAME_MAX).
DEFAULT_NAME_MAX = 255


def fold(stem: str) -> str:
    """What a file system that ignores case and normalisation sees of a name. (Full case
    folding: ``ß`` meets ``ss``, where some file systems would keep them apart; refusing
    one name too many is better than overwriting one.)"""
    return unicodedata.normalize("NFD", unicodedata.normalize("NFD", stem).casefold())


# Stems whose outputs would be the collection's own, by their fold: ``index.txt`` would
# overwrite index.json, ``briefing-book.txt`` the book (which would then take itself in).
_COLLECTION_STEMS = dict.fromkeys(Path(name).stem for name in RESERVED_OUTPUTS)
RESERVED_STEMS = {
    fold(stem): " and ".join(name for name in RESERVED_OUTPUTS if Path(name).stem == stem) for stem in _COLLECTION_STEMS
} | {fold(Path(METADATA_NAME).stem): METADATA_NAME}  # the archive's Datasette metadata (issue 16)
# ...and stems a volume of the book takes (briefing-book-1995-1998), in any language.
VOLUMES = "book volumes"


@dataclass(frozen=True)
class Refused:
    file: str
    reason: Refusal
    line: str  # the one line that says why: ``NAME.txt: <reason, with its particulars>``


def _without_language(stem: str) -> str:
    """``NAME`` for ``NAME.ko`` (any language's tag): the stem whose outputs it could overwrite."""
    base, dot, tag = stem.rpartition(".")
    return base if dot and tag.lower() in LANGUAGES and tag.lower() != "en" else stem


def is_raw_text_name(name: str) -> bool:
    """Whether a file of that name in RAW_DIR is a raw text (if it is a file, inside the folder)."""
    return name.lower().endswith(".txt") and not name.startswith(".")


def name_max(folder: Path) -> int:
    """The longest file name, in bytes, ``folder``'s file system takes."""
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):  # not a POSIX system, or it does not say
        return DEFAULT_NAME_MAX


def refused_names(names: list[str], limit: int) -> list[Refused]:
    """The raw text names (in ``names``' order) whose outputs cannot be written, or would
    overwrite the collection's or another text's; ``limit``: OUT_DIR's longest file name."""
    longest_suffix = max(len(suffix) for suffix in OUTPUT_SUFFIXES)
    by_fold: dict[str, list[str]] = defaultdict(list)
    refused: dict[str, Refused] = {}
    for name in names:
        # (Path(name).stem, at a tenth of the cost: a no-op build asks twice per text)
        stem = name.rpartition(".")[0] or name
        try:
            size = len(stem.encode("utf-8"))
        except UnicodeEncodeError:  # undecodable bytes, kept as surrogates by the file system's codec
            refused[name] = _refused(name, Refusal.UNDECODABLE)
            continue
        folded, folded_base = fold(stem), fold(_without_language(stem))
        if size + longest_suffix > limit:  # (in any language: names do not depend on the languages built)
            raw_limit = limit - longest_suffix + len(name) - len(stem)
            refused[name] = _refused(name, Refusal.TOO_LONG, size=len(name.encode()), limit=raw_limit)
        elif folded in RESERVED_STEMS:
            refused[name] = _refused(name, Refusal.RESERVED, other=RESERVED_STEMS[folded])
        elif VOLUME_STEM.fullmatch(folded_base):  # (briefing-book-1995-1998.txt)
            refused[name] = _refused(name, Refusal.RESERVED, other=VOLUMES)
        else:
            # NAME.ko.txt's English briefing is NAME.ko.pdf, NAME.txt's Korean one too
            by_fold[folded_base].append(name)
    for group in by_fold.values():
        for name in group if len(group) > 1 else ():
            others = ", ".join(other for other in group if other != name)
            refused[name] = _refused(name, Refusal.COLLIDES, other=others)
    return [refused[name] for name in names if name in refused]


def _refused(name: str, reason: Refusal, **particulars: object) -> Refused:
    return Refused(name, reason, f"{name}: {reason.format(**particulars)}")


# Characters a terminal would act on or hide instead of showing (line breaks, escapes,
# bidi overrides that reorder the line), by category: control, format, line and paragraph separators, surrogates.
HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """``text`` as one line a terminal shows as it is: every character it would act on
    (newline, escape sequences, bidi overrides) or could not encode (a file name's
    undecodable bytes) written as an escape, as Python writes them."""
    if text.isprintable():
        return text
    return "".join(_escape(char) if unicodedata.category(char) in HIDDEN_CATEGORIES else char for char in text)


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    if char in SHORT_ESCAPES:
        return SHORT_ESCAPES[char]
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
