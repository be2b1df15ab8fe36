"""The fonts briefings are set in, all from PyPI packages in the lock file.

reportlab has no per-glyph fallback, so text is cut into runs, each set in the
first font of FALLBACK_CHAIN that has glyphs for it. All are TrueType outlines,
which reportlab embeds as subsets. A character no font has is drawn in the
primary font (a missing-glyph box): the tests check no record character is.
"""

from __future__ import annotations

import io
from functools import cache
from importlib import import_module, resources

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont


def _pymupdf_font(module: str) -> io.BytesIO:
    return io.BytesIO(import_module(f"pymupdf_fonts.{module}").fontbuffer)


def _package_file(package: str, path: str) -> io.BytesIO:
    return io.BytesIO(resources.files(package).joinpath(path).read_bytes())


# Noto Sans (SIL OFL 1.1, via pymupdf-fonts): Latin, Greek, Cyrillic.
# WenQuanYi Micro Hei (Apache-2.0, via paperang-p2-fonts-cjk): Han, kana, Hangul and symbols.
REGULAR = "NotoSans"
BOLD = "NotoSans-Bold"
CJK = "WenQuanYiMicroHei"

_LOADERS = {
    REGULAR: lambda: _pymupdf_font("NotoSans_Regular"),
    BOLD: lambda: _pymupdf_font("NotoSans_Bold"),
    CJK: lambda: _package_file("paperang_p2_fonts_cjk", "fonts/wqy-microhei.ttc"),
}
FAMILIES = {REGULAR: "Noto Sans", BOLD: "Noto Sans", CJK: "WenQuanYi Micro Hei"}
# Tried in order for a character the primary font lacks. (Other symbol fonts on
# PyPI are CFF-flavoured, which reportlab cannot embed.)
FALLBACK_CHAIN = (CJK,)


def font_file(name: str) -> io.BytesIO:
    """A fresh stream of the font's bytes (for Pillow)."""
    return _LOADERS[name]()


@cache
def register(name: str) -> TTFont:
    """Register a font with reportlab once per process."""
    font = TTFont(name, _LOADERS[name](), subfontIndex=0)
    pdfmetrics.registerFont(font)
    return font


def register_all() -> None:
    for name in _LOADERS:
        register(name)


@cache
def _covered(name: str) -> frozenset[int]:
    return frozenset(register(name).face.charToGlyph)


def font_for(char: str, primary: str) -> str:
    """The first font of ``primary`` + FALLBACK_CHAIN that has a glyph for ``char``."""
    code = ord(char)
    if code in _covered(primary) or char.isspace():
        return primary
    for name in FALLBACK_CHAIN:
        if code in _covered(name):
            return name
    return primary


def runs(text: str, primary: str = REGULAR) -> list[tuple[str, str]]:
    """Cut ``text`` into (font name, text) runs."""
    if text.isascii() and text.isprintable():
        return [(primary, text)]  # the common case: every font here covers printable ASCII
    result: list[tuple[str, str]] = []
    for char in text:
        font = font_for(char, primary)
        if result and result[-1][0] == font:
            result[-1] = (font, result[-1][1] + char)
        else:
            result.append((font, char))
    return result


def covers(char: str) -> bool:
    return char.isspace() or any(ord(char) in _covered(name) for name in (REGULAR, *FALLBACK_CHAIN))
