"""What a document collects besides its body: numbered lists and pictures.

Both become parts of their own (numbering.xml, media files and their
relationships), written once the body is: so the renderers record them here.
"""

from __future__ import annotations

import hashlib
import struct

from ..theme import MARGINS, PAGE_SIZES
from .template import Template, default_template
from .xml import twips

EMU_PER_MM = 36000


class Numbering:
    """Numbering definitions added to the template's, each list its own."""

    def __init__(self, template: Template) -> None:
        self.next_abstract, self.next_num = template.first_abstract, template.first_num
        self.abstracts: list[str] = []
        self.nums: list[str] = []

    def new(self, start: int) -> int:
        """A decimal list starting at ``start``; returns its numId."""
        abstract_id, num_id = self.next_abstract, self.next_num
        self.next_abstract += 1
        self.next_num += 1
        self.abstracts.append(
            f'<w:abstractNum w:abstractNumId="{abstract_id}">'
            '<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0">'
            f'<w:start w:val="{start}"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="567" w:hanging="397"/></w:pPr></w:lvl></w:abstractNum>'
        )
        self.nums.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
        return num_id

    def xml(self, template: str) -> str:
        """The template's numbering part with ours added (the schema wants every
        abstractNum before the first num)."""
        first_num = template.index("<w:num ")
        closing = template.rindex("</w:numbering>")
        return (
            template[:first_num]
            + "".join(self.abstracts)
            + template[first_num:closing]
            + "".join(self.nums)
            + template[closing:]
        )


class Context:
    """One document being written: its template, text width, lists and pictures."""

    def __init__(self, paper: str) -> None:
        self.template = default_template()
        self.paper = paper
        self.set_landscape(False)
        self.numbering = Numbering(self.template)
        self.images: dict[str, tuple[str, bytes]] = {}  # sha1 -> (relationship id, PNG)

    def set_landscape(self, landscape: bool) -> None:
        """The pages that follow are turned sideways (or back): tables take their width."""
        self.text_width = self.width_of(landscape)

    def width_of(self, landscape: bool) -> int:
        """The text width of a page (twips), upright or sideways."""
        width, height = PAGE_SIZES[self.paper]
        across = height if landscape else width
        return twips(across) - twips(MARGINS.left) - twips(MARGINS.right)

    def image_id(self, png: bytes) -> str:
        """The relationship id of a picture, each distinct picture stored once."""
        digest = hashlib.sha1(png).hexdigest()
        if digest not in self.images:
            self.images[digest] = (f"rIdImage{len(self.images) + 1}", png)
        return self.images[digest][0]

    def picture(self, png: bytes, width_mm: float) -> str:
        """An inline picture run, ``width_mm`` wide at the PNG's own proportions."""
        pixel_width, pixel_height = struct.unpack(">II", png[16:24])  # from the IHDR chunk
        cx = round(width_mm * EMU_PER_MM)
        cy = round(cx * pixel_height / pixel_width)
        return (
            '<w:r><w:drawing><wp:inline xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="1" name="Picture 1"/>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
            '<pic:nvPicPr><pic:cNvPr id="0" name="image.png"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{self.image_id(png)}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"/>'
            "</pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        )
