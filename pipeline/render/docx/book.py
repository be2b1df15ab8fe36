"""The briefing book as one DOCX: front matter, then every briefing as already rendered.

A briefing's body is moved over from its own DOCX rather than rendered again;
its pictures and numbered lists get new ids in the book.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from .. import briefing as b
from .blocks import body
from .context import Context
from .package import write_package
from .xml import on_a_new_page

_BODY = re.compile(r"<w:body>(.*)<w:sectPr", re.DOTALL)
_EMBED = re.compile(r'r:embed="([^"]+)"')
_NUM_ID = re.compile(r'<w:numId w:val="(\d+)"/>')
_RELATIONSHIP = re.compile(r'Id="([^"]+)"[^>]*Target="([^"]+)"')  # we write Id before Target


_ABSTRACT = re.compile(r'<w:abstractNum w:abstractNumId="(\d+)".*?</w:abstractNum>', re.DOTALL)
_START = re.compile(r'<w:start w:val="(\d+)"/>')
_NUM = re.compile(r'<w:num w:numId="(\d+)"[^>]*><w:abstractNumId w:val="(\d+)"/>')


def _numbering_starts(numbering_xml: str) -> dict[str, int]:
    """numId -> the start value of its (single-level) definition. One pass over the part:
    a briefing whose every resolution starts a list of its own has thousands of them."""
    starts = {}
    for definition in _ABSTRACT.finditer(numbering_xml):
        start = _START.search(definition.group(0))
        starts[definition.group(1)] = int(start.group(1)) if start else 1
    return {num_id: starts.get(abstract_id, 1) for num_id, abstract_id in _NUM.findall(numbering_xml)}


def _briefing_body(context: Context, data: bytes) -> str:
    """A rendered briefing's body XML, its pictures and numbered lists moved over to
    the book under new ids, so nothing is rendered twice."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    found = _BODY.search(archive.read("word/document.xml").decode("utf-8"))
    if found is None:
        raise ValueError("not a DOCX written by render_docx: its document has no body")
    body_xml = found.group(1)
    targets = dict(_RELATIONSHIP.findall(archive.read("word/_rels/document.xml.rels").decode("utf-8")))
    for old_id in set(_EMBED.findall(body_xml)):
        new_id = context.image_id(archive.read("word/" + targets[old_id]))
        body_xml = body_xml.replace(f'r:embed="{old_id}"', f'r:embed="{new_id}"')
    starts = _numbering_starts(archive.read("word/numbering.xml").decode("utf-8"))
    renumbered = {old: context.numbering.new(starts.get(old, 1)) for old in dict.fromkeys(_NUM_ID.findall(body_xml))}
    return _NUM_ID.sub(lambda m: f'<w:numId w:val="{renumbered[m.group(1)]}"/>', body_xml)


def render_docx_book(
    front: b.Briefing, briefing_docx: Iterable[bytes], timestamp: datetime.datetime, stream: BinaryIO, paper: str = "a4"
) -> None:
    """The front matter, then every briefing (as already rendered), each from a new page."""
    context = Context(paper)

    # Front matter that ends with a section (the matrix's landscape pages) has begun a new page already.
    broken = bool(front.blocks) and isinstance(front.blocks[-1], b.PageBreak)

    def pieces() -> Iterator[str]:
        yield body(context, front.blocks)
        for index, data in enumerate(briefing_docx):
            briefing = _briefing_body(context, data)
            yield briefing if broken and index == 0 else on_a_new_page(briefing)

    write_package(context, pieces(), front.metadata, timestamp, paper, stream, update_fields=True)
