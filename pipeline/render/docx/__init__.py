"""Briefing -> DOCX: WordprocessingML written as text, in real Word styles.

The styles, theme and settings are python-docx's default template (with our
fonts), taken once per process (``template``); each document adds only its body
(``blocks``), numbering and pictures (``context``), footer and properties
(``package``). A book reuses its briefings' rendered bodies (``book``). Every
piece of record text passes through ``xml.docx_text``: the only place characters
XML cannot hold are dropped.
"""

from .book import render_docx_book
from .package import render_docx

__all__ = ["render_docx", "render_docx_book"]
