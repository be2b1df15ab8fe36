"""Stage 1: raw bytes -> normalised text.

Accepts what people actually save: UTF-8 (with or without BOM), UTF-16 (BOM, or
without one when the detector is sure), Windows-1252. Everything else is refused.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import InputError

# Limits, far above any real conference record (the seed is 4 KB, 70 lines) and low
# enough that a runaway input cannot stall a batch: refused with a clear message.
MAX_BYTES = 1_000_000
MAX_LINE_CHARS = 20_000
# Share of control characters above which decoded "text" is really binary data.
MAX_CONTROL_SHARE = 0.06  # random bytes and compressed data are about 11%; a text with stray controls, 1-3%
_MULTIBYTE_UTF8 = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Encodings we accept, by the name charset-normalizer uses and the name we report.
ACCEPTED_ENCODINGS = {
    "utf_8": "utf-8",
    "utf_16": "utf-16",
    "utf_16_le": "utf-16-le",
    "utf_16_be": "utf-16-be",
    "cp1252": "windows-1252",
}

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)

# Spaces that look like a blank but are not U+0020, and characters that are invisible.
_SPACE_LIKE = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(
    "[\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width and soft hyphen
    "\u202a-\u202e\u2066-\u2069\u200e\u200f"  # bidi controls: a briefing must read as written
    "\x00-\x08\x0b-\x1f\x7f-\x9f]"  # C0/C1 controls other than the line feed
)
_SPACE_RUN = re.compile(" {2,}")


@dataclass(frozen=True)
class RawText:
    """A decoded, normalised raw text. ``lines[i]`` is line ``i + 1`` of the file."""

    file: str
    sha256: str
    encoding: str
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def decode(data: bytes, file: str) -> tuple[str, str]:
    """Return (text, encoding name) or raise InputError."""
    if len(data) > MAX_BYTES:
        raise InputError(
            file, 1, f"file is {len(data):,} bytes; the limit is {MAX_BYTES:,} (a conference record is a few KB)"
        )
    text, encoding = _decode(data, file)
    controls = len(_CONTROL.findall(text))
    if controls > 16 and controls / len(text) > MAX_CONTROL_SHARE:
        raise InputError(file, 1, "binary data, not text (a PDF, image or other file renamed .txt?)")
    return text, encoding


def _decode(data: bytes, file: str) -> tuple[str, str]:
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), name
            except UnicodeDecodeError as exc:
                raise InputError(file, _line_of(data, exc.start), f"not valid {name}: {exc.reason}") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        if b"\x00" not in data and _MULTIBYTE_UTF8.search(data):
            # Real UTF-8 around a broken byte: guessing another encoding would garble every name.
            raise InputError(
                file,
                _line_of(data, error.start),
                f"invalid UTF-8 (byte 0x{data[error.start]:02x}); save the file again as UTF-8",
            ) from None
    best = from_bytes(data, cp_isolation=list(ACCEPTED_ENCODINGS)).best()
    if best is None:
        raise InputError(file, 1, "cannot decode: not UTF-8, UTF-16 or Windows-1252 text")
    return str(best), ACCEPTED_ENCODINGS.get(best.encoding, best.encoding)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def normalise_line(line: str) -> str:
    line = _INVISIBLE.sub("", _SPACE_LIKE.sub(" ", line))
    return _SPACE_RUN.sub(" ", line).strip()


def normalise(text: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return tuple(normalise_line(line) for line in text.split("\n"))


def read_bytes(data: bytes, file: str) -> RawText:
    text, encoding = decode(data, file)
    lines = normalise(text)
    for number, line in enumerate(lines, 1):
        if len(line) > MAX_LINE_CHARS:
            raise InputError(file, number, f"line of {len(line):,} characters; the limit is {MAX_LINE_CHARS:,}")
    return RawText(file=file, sha256=hashlib.sha256(data).hexdigest(), encoding=encoding, lines=lines)


def read(path: str | Path) -> RawText:
    path = Path(path)
    return read_bytes(path.read_bytes(), path.name)
