"""TrueType subsets as reportlab makes them, byte for byte, in a fraction of its time.

reportlab's ``TTFontFace.makeSubset`` walks every glyph of a subset through its file
reader one short at a time, twice: once to find the parts of composite glyphs and once
to renumber them. WenQuanYi Micro Hei draws most Hangul syllables as composites, so a
Korean briefing's subset walks about twice as many glyphs as it has characters, and
each PDF and each DOCX makes its own: the largest part of what a CJK briefing cost
beyond an English one. Here each glyph's bytes and the places of its parts' numbers
are read once per process and kept; a subset only looks them up, renumbers the parts
and packs the tables. The tables, their order and every byte are reportlab's
(``tests/test_fonts.py`` compares the two over random sets of characters).
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from functools import cache, lru_cache
from itertools import accumulate
from struct import pack, pack_into, unpack_from
from typing import Any

from reportlab.pdfbase.ttfonts import (
    GF_ARG_1_AND_2_ARE_WORDS,
    GF_MORE_COMPONENTS,
    GF_WE_HAVE_A_SCALE,
    GF_WE_HAVE_A_TWO_BY_TWO,
    GF_WE_HAVE_AN_X_AND_Y_SCALE,
    TTFontMaker,
)

# Tables copied from the font as they are (cvt, fpgm and prep are optional), in reportlab's order
COPIED_TABLES = ("name", "OS/2", "cvt ", "fpgm", "prep")


def _set_ushort(table: bytes, offset: int, value: int) -> bytes:
    return table[:offset] + pack(">H", value) + table[offset + 2 :]


def _argument_bytes(flags: int) -> int:
    """Bytes after a component's glyph number: its offsets and its scale, by its flags."""
    size = 4 if flags & GF_ARG_1_AND_2_ARE_WORDS else 2
    if flags & GF_WE_HAVE_A_SCALE:
        size += 2
    elif flags & GF_WE_HAVE_AN_X_AND_Y_SCALE:
        size += 4
    elif flags & GF_WE_HAVE_A_TWO_BY_TWO:
        size += 8
    return size


class FastSubsets:
    """``makeSubset`` for one reportlab font face, with its glyphs read once."""

    def __init__(self, face: Any) -> None:  # a reportlab TTFontFace (no type stubs)
        self.face = face
        self.glyf = face.get_table("glyf")
        self.glyph = cache(self._glyph)

    def _glyph(self, index: int) -> tuple[bytes, tuple[tuple[int, int], ...]]:
        """A glyph's bytes padded to four, and for a composite the (offset, glyph number)
        of each part."""
        start, end = self.face.glyphPos[index], self.face.glyphPos[index + 1]
        data = self.glyf[start:end]
        parts = []
        if len(data) > 2 and unpack_from(">h", data)[0] < 0:
            position, flags = 10, GF_MORE_COMPONENTS
            while flags & GF_MORE_COMPONENTS:
                flags, part = unpack_from(">HH", data, position)
                parts.append((position + 2, part))
                position += 4 + _argument_bytes(flags)
        return data + b"\0" * (-len(data) % 4), tuple(parts)

    def make_subset(self, subset: Sequence[int]) -> bytes:
        """The font reportlab's ``makeSubset`` makes: ``subset``'s characters, each mapped
        from its position in ``subset``."""
        return self._made_subset(tuple(subset))

    # (A few kept: Noto Sans's subsets of English briefings mostly repeat, ASCII and a few signs.)
    @lru_cache(maxsize=32)  # noqa: B019 (one instance per font, kept for the process's life)
    def _made_subset(self, subset: tuple[int, ...]) -> bytes:
        tables, _ = self.subset_tables(subset)
        output = TTFontMaker()
        for tag, data in tables.items():
            output.add(tag, data)
        return output.makeStream()

    def subset_tables(self, subset: Sequence[int]) -> tuple[dict[str, bytes], list[int]]:
        """The tables of ``subset``'s font, in reportlab's order, and each character's glyph
        number in it (a caller that maps the glyphs otherwise replaces the cmap table)."""
        face = self.face
        glyph_map = [0]  # new glyph number -> the font's
        glyph_set = {0: 0}  # the font's glyph number -> new
        glyph_of_code = []
        for code in subset:
            original = face.charToGlyph.get(code, 0)
            if original not in glyph_set:
                glyph_set[original] = len(glyph_map)
                glyph_map.append(original)
            glyph_of_code.append(glyph_set[original])
        for original in glyph_map:  # and the parts of composites, breadth first, as reportlab adds them
            for _, part in self.glyph(original)[1]:
                if part not in glyph_set:
                    glyph_set[part] = len(glyph_map)
                    glyph_map.append(part)  # (the loop reaches it too)

        tables = {}
        for tag in COPIED_TABLES:
            with suppress(KeyError):
                tables[tag] = face.get_table(tag)
        tables["post"] = b"\x00\x03\x00\x00" + face.get_table("post")[4:16] + b"\x00" * 16
        count = len(glyph_map)
        metrics = face.hmetrics
        hmtx, metrics_count = _hmtx([int(value) for original in glyph_map for value in metrics[original]])
        tables["hmtx"] = hmtx
        tables["hhea"] = _set_ushort(face.get_table("hhea"), 34, metrics_count)
        tables["maxp"] = _set_ushort(face.get_table("maxp"), 4, count)
        cmap = [0, 1, 1, 0, 0, 12, 6, 10 + len(subset) * 2, 0, 0, len(subset), *glyph_of_code]
        tables["cmap"] = pack(f">{len(cmap)}H", *cmap)

        glyphs = [self.glyph(original) for original in glyph_map]
        offsets = [0, *accumulate(len(data) for data, _ in glyphs)]
        glyf = bytearray(b"".join(data for data, _ in glyphs))
        for start, (_, parts) in zip(offsets[:-1], glyphs, strict=True):
            for offset, part in parts:  # a composite's parts by their new numbers
                pack_into(">H", glyf, start + offset, glyph_set[part])
        tables["glyf"] = bytes(glyf)
        position = offsets[-1]
        if (position + 1) >> 1 > 0xFFFF:
            location_format, loca = 1, pack(f">{len(offsets)}L", *offsets)
        else:
            location_format, loca = 0, pack(f">{len(offsets)}H", *(offset >> 1 for offset in offsets))
        tables["loca"] = loca
        tables["head"] = _set_ushort(face.get_table("head"), 50, location_format)
        return tables, glyph_of_code


def _hmtx(pairs: list[int]) -> tuple[bytes, int]:
    """The hmtx table of (advance width, left side) ``pairs`` flattened, and how many glyphs
    keep both: after them a run of glyphs of the last advance width keep only their sides."""
    last = len(pairs) - 2
    while last and pairs[last] == pairs[last - 2]:
        last -= 2
    full = last + 2
    values = pairs[:full] + pairs[full + 1 :: 2]
    return pack(f">{len(values)}H", *values), full >> 1
