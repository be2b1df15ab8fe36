"""Stage 2: normalised text -> Record.

The text is cut into sections at section markers, each section is given to the
parser of its kind, and what no parser claims is kept verbatim. Markers, bullet
styles and numbering styles are ordered, named rows; adding a variant is adding
a row.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from ..errors import InputError
from ..record import (
    Declaration,
    Item,
    LabelledField,
    Note,
    Overview,
    Participation,
    Period,
    Record,
    RepairKind,
    Resolution,
    Section,
    Source,
)
from .countries import country_code
from .dates import DateError, dates_in_words, is_ambiguous, month_first, parse_period
from .meeting import (
    LEAD_LINES,
    declaration_kind,
    lead_lines,
    lead_meeting,
    meeting_kind,
    native_meeting_kind,
    read_meeting,
)
from .notes import make_note, quality_notes
from .overview import (
    NON_PARTICIPATION_LABELS,
    REMARK_LABEL,
    TABLE_RULE,
    TRAILING_COUNTRY,
    VALUE_COLUMN_GOING_ON,
    bare_group_heading,
    collect_fields,
    country_row,
    field_kind,
    heads_table,
    label_key,
    leader_row,
    lists_by_country,
    match_label,
    numbered_heading,
    opens_bodies,
    opens_group,
    parse_overview,
    parse_participation,
    participation_remarks,
    placed_in_country,
    prose_after_fields,
    prose_paragraph,
    prose_paragraphs,
    title_field,
)
from .reader import RawText
from .text import (
    CJK_NUMERALS,
    FAX_BANNER,
    FAX_HEADER,
    LETTER_SPACED_CJK,
    Line,
    fax_line,
    latin_side,
    other_script_only,
    outside_brackets,
    paragraphs,
)
from .unwrap import unwrap

# --- section markers -------------------------------------------------------------


@dataclass(frozen=True)
class SectionMarker:
    """A way a line can open a section.

    ``needs_known_heading`` markers (numbers, capitals) also occur in ordinary
    text, so they count only in a document that uses them for a known section.
    """

    name: str
    pattern: re.Pattern[str]
    needs_known_heading: bool = False
    # A bare line is a heading only when it names a known kind itself, and only in a
    # text with no other section markers.
    fallback: bool = False
    # Each glyph is a marker of its own ("・" may be a bullet where "·" opens sections).
    per_glyph: bool = False
    # Only a line that names a known kind opens a section, until one has (before, the others of
    # its shape are letterheads).
    known_only: bool = False
    # Only a line that names a known kind itself opens a section.
    own_kind_only: bool = False


SECTION_MARKERS = (
    SectionMarker(
        "middle dot", re.compile(r"^(?P<glyph>[·・ㆍ])\s*(?P<heading>\S.*)$"), needs_known_heading=True, per_glyph=True
    ),
    SectionMarker(
        "square", re.compile(r"^(?P<glyph>[■□])\s*(?P<heading>\S.*)$"), needs_known_heading=True, per_glyph=True
    ),
    # (a paragraph in brackets, "[Editor's note: names are romanised as ...]", is no heading)
    # (not a sentence in brackets, an archivist's note: "[Retyped from a faxed copy.]")
    # (and the full-width square and tortoise-shell brackets of Japanese pages: "〔Outline〕", "［Agenda］")
    SectionMarker("brackets", re.compile(r"^[\[【〔［]\s*(?P<heading>[^\]】〕］]{1,100}?)(?<!\.)\s*[\]】〕］]$")),
    SectionMarker("angle quotes", re.compile(r"^(?:<<|«)\s*(?P<heading>[^<>«»]+?)\s*(?:>>|»)$")),
    SectionMarker(
        "rules",
        re.compile(
            # (a heading has a letter or a digit: "-----+-----" is a table's rule, "+" no heading)
            r"^(?:={2,}+|-{2,}+|~{2,}+|\*{2,}+|[─━]{2,}+)\s*+"
            r"(?P<heading>(?=[^\n]*[^\W_])[^=~*─━\s-](?:[^\n]*[^=~*─━\s-])?)"
            r"\s*(?:={2,}|-{2,}|~{2,}|\*{2,}|[─━]{2,})$"
        ),
    ),
    SectionMarker(
        "cjk numbered",
        re.compile(rf"^(?P<glyph>[{CJK_NUMERALS}]{{1,3}})[、.．]\s*(?P<heading>\S.{{0,60}})$"),
        needs_known_heading=True,
    ),
    # "Agenda item 2. Reports of the members", "Agenda item 3 - Membership": the minutes of a
    # meeting, item by item
    SectionMarker(
        "agenda item",
        re.compile(
            r"^Agenda\s+item\s+(?P<glyph>\d{1,2})\s*(?:[.:)]|\s[-–—])\s*(?P<heading>[^\W\d_][^.;]{0,80}?)\.?$",
            re.IGNORECASE,
        ),
    ),
    # "第1 Overview", "第二章 Contents": a Japanese or Chinese ordinal before the heading
    SectionMarker(
        "cjk ordinal",
        re.compile(
            rf"^第\s*(?P<glyph>\d{{1,2}}|[０-９]{{1,2}}|[{CJK_NUMERALS}]{{1,3}})\s*[章節节部]?\s*(?P<heading>[^\W\d_].{{0,60}})$"
        ),
        needs_known_heading=True,
    ),
    SectionMarker(
        "roman numbered",
        re.compile(r"^(?P<glyph>[IVX]{1,5}|[Ⅰ-Ⅻ])[.)]\s+(?P<heading>[^\W\d_][^.;:]{0,60})$"),
        needs_known_heading=True,
    ),
    SectionMarker(
        "lettered",
        re.compile(r"^(?P<glyph>[A-H])[.)]\s+(?P<heading>[^\W\d_][^.;:]{0,60})$"),
        needs_known_heading=True,
    ),
    # Any other glyph before a heading ("◆ Contents", "§ Results", "▣ Declaration"): a
    # section marker once a short known heading shows it is one; each glyph on its own.
    # Punctuation that goes inside sentences ("& on fees", ", and") is no glyph.
    SectionMarker(
        "symbol",
        re.compile(r"^(?P<glyph>[^\w\s()\[\]<>《「『\"'“‘*&,./;:!?%+=|-])\s*(?P<heading>[^\W\d_][^.;:]{0,60}?)$"),
        needs_known_heading=True,
        per_glyph=True,
    ),
    # A small "o" standing for a circle ("o Overview", "o Agreed points"), as typed where "○"
    # was not at hand: a marker once a known heading confirms it; the heading starts upper case.
    SectionMarker(
        "letter o",
        re.compile(r"^(?P<glyph>o)\s+(?P<heading>[A-Z][^.;:]{0,60}?)$"),
        needs_known_heading=True,
        per_glyph=True,
    ),
    SectionMarker(
        "section sign",
        re.compile(r"^§\s*\d{1,2}[.)]?\s+(?P<heading>[^\W\d_][^.;:]{0,60})$"),
        needs_known_heading=True,
    ),
    SectionMarker(
        "numbered",
        re.compile(r"^(?P<number>\d{1,2})[.)]\s+(?P<heading>[^\W\d_][^.;:]{0,60})$"),
        needs_known_heading=True,
    ),
    SectionMarker(
        "capitals",
        # (not a table's cell going on under its bar, "                    | (CLAIR)"; a box's "| OVERVIEW |" is one)
        re.compile(r"^(?P<heading>(?=(?:.*[A-Z]){3})(?!\|(?!.*\|$))[^a-z\d][^a-z]{2,60})$"),
        needs_known_heading=True,
    ),
    # ... and with an aside in lower case after it, "PARTICIPANTS (as registered on 11 June)":
    # only of a known kind ("MONGOLIA (observer)", "FIELD TRIP (by bus)" are lines of a section)
    SectionMarker(
        "capitals, an aside after",
        re.compile(r"^(?P<heading>(?=(?:.*[A-Z]){3})[^a-z\d(][^a-z(]{2,60}\s*\((?=[a-z])[^()]*\))$"),
        needs_known_heading=True,
        own_kind_only=True,
    ),
    # "ПОВЕСТКА ДНЯ:", "РЕШИЛИ:", "ПОВЕСТКА ДНЯ (Agenda)": a Russian protocol's headings in capitals,
    # from the first of a known kind on (a letterhead, "ПРАВИТЕЛЬСТВО ХАБАРОВСКОГО КРАЯ", is in
    # capitals above it)
    SectionMarker(
        "cyrillic capitals",
        re.compile(r"^(?P<heading>[А-ЯЁ][А-ЯЁ ]{2,40}?(?:\s*\([^()]{1,40}\))?)\s*:?$"),
        needs_known_heading=True,
        known_only=True,
    ),
    SectionMarker(
        "bare heading",
        # (not a line in lower case: "agreement on border railway stations" goes on a line above)
        re.compile(r"^(?P<heading>(?![a-z])[^\W\d_][^:：.;!?]{1,50}?)\s*[:：]?$"),
        needs_known_heading=True,
        fallback=True,
    ),
)

SECTION_KINDS = (
    (
        "overview",
        # ("Workshop at a glance", "Key facts": a news release's box of the meeting's fields)
        # (and in Korean, Japanese and Chinese: "□ 행사 개요", "■開催概要", "一、会议概况")
        # (not a summary of the proceedings or of what was agreed: "SUMMARY OF DISCUSSIONS" is the
        # contents, "Summary of Conclusions" the closing document)
        re.compile(
            r"\b(overview|outline|general information"
            r"|summary(?!\s+of\s+(?:the\s+)?(?:discussions?|sessions|proceedings|results"
            r"|agreements?|conclusions|decisions)\b)|basic information|at a glance|key facts)\b"
            r"|개요|概要|概况|基本情况|概況",
            re.I,
        ),
    ),
    (
        "contents",
        re.compile(
            # (not an item adopting the agenda: "Agenda item 1 - Opening and adoption of the agenda")
            r"\b(contents?|main results|results|(?<!adoption of the )(?<!approval of the )agenda"
            r"|proceedings|discussions?|sessions|outcomes?"
            r"|(?<!agreed )minutes)\b"
            r"|주요\s*내용|논의\s*내용|회의\s*내용|회의\s*결과|주요\s*결과|主な内容|の内容|議事|主要内容|会议内容|讨论内容|會議內容"
            r"|повестка дня",
            re.I,
        ),
    ),
    # "2. PARTICIPANTS", "PARTICIPATING REGIONS": the list of authorities in a section of its own
    (
        "participation",
        re.compile(
            # (after its name in the page's own language too: "参会地区 PARTICIPATING REGIONS", "참가 지역 /
            # PARTICIPATING REGIONS")
            # (possessive: a long run of wide spaces is read once, "\u3000" being neither ASCII nor
            # anything but a space)
            r"^(?:[^\x00-\x7f\s]++(?:\s++[^\x00-\x7f\s]++)*+\s*+(?:/\s*+)?)?"
            r"(?:list of )?(participants|participation"
            r"|participating (?:regional |local |member )?(regions|members|governments|authorities)"
            r"|attendance|members present|(?:member )?regional governments|member regions)"
            # ("MEMBER REGIONS TAKING PART")
            r"(?: taking part)?"
            # (and before it in another language: "REGIONAL GOVERNMENTS / РЕГИОНАЛЬНЫЕ ПРАВИТЕЛЬСТВА")
            # (and an aside in lower case after it: "PARTICIPANTS (as registered on 11 June)", not a
            # download's "List of participants (Excel, 42KB)")
            r"(?: by (?:country|region))?(?:\s*/\s*[^\x00-\x7f].*)?(?:\s*\((?-i:(?=[a-z]))[^()]{1,60}\))?$",
            re.I,
        ),
    ),
    # "DELEGATES", "Delegations": the authorities by country with the people they sent; their
    # list only where nothing else lists them (else a section kept as written)
    ("delegates", re.compile(r"^(?:list of )?(?:delegates|delegations|heads of delegations?)$", re.I)),
    (
        "declaration",
        re.compile(
            r"\b(declaration|charter|communiqu[eé]|statement|resolution|recommendation|agreement|memorandum|MOU|decision"
            r"|(?:agreed )?conclusion|agreed (?:points|items|minutes))s?\b"
            r"|선언|채택\s*문서|宣言|共同声明|決議|决议|決議|решили|постановили",
            re.I,
        ),
    ),
)


def _titled_document(title: str | None, preface: list[Line], drafts: list[SectionDraft]) -> bool:
    """Whether the lines under the title are the closing document the title names ("RESOLUTIONS
    OF THE 16TH GENERAL ASSEMBLY" over its numbered resolutions), where no section of that kind
    is found."""
    if not title or not _DOCUMENT_HEADING.match(title) or any(draft.kind == "declaration" for draft in drafts):
        return False
    numbered = sum(match_numbering(line.text, None) is not None for line in preface)
    return numbered >= _TITLED_DOCUMENT_ITEMS_MIN


_TITLED_DOCUMENT_ITEMS_MIN = 2


# A numbered heading that is not a known kind must look like a heading, not a sentence:
# short, or in capitals ("3. ROUND TABLE ON YOUTH, WOMEN AND SPORT").
_HEADING_WORDS_MAX = 6


def section_kind(heading: str) -> str | None:
    for written in dict.fromkeys((heading, LETTER_SPACED_CJK.sub(r"\1", heading))):
        for kind, pattern in SECTION_KINDS:
            if pattern.search(written):
                return kind
    return None


@dataclass
class SectionDraft:
    heading: str | None
    line: int
    kind: str | None
    lines: list[Line] = field(default_factory=list)


_BARE_HEADING_WORDS_MAX = 4
_UNKNOWN_BARE_WORDS_MAX = 2
# A closing document's own heading may be long: "Agreement on Mutual Assistance in Disaster Response".
_DOCUMENT_HEADING = re.compile(
    r"^(?:joint\s+)?(?:declaration|charter|communiqu[eé]|statement|resolution|agreement|memorandum)s?\b", re.I
)


def _marker_candidates(
    lines: tuple[str, ...], fallback: bool = False
) -> list[tuple[int, SectionMarker, re.Match[str]]]:
    candidates = []
    for index, text in enumerate(lines):
        for marker in SECTION_MARKERS:
            if marker.fallback != fallback:
                continue
            match = marker.pattern.match(text)
            if match:
                candidates.append((index, marker, match))
                break
    return candidates


def find_sections(lines: tuple[str, ...]) -> dict[int, tuple[str, str | None]]:
    """Line index -> (heading, kind) for every line that opens a section. Bare
    headings ("Overview" alone on a line) count only in a text with no markers."""
    headings = _find_sections(lines, fallback=False)
    if any(kind for _, kind in headings.values()):
        if not any(kind == "declaration" for _, kind in headings.values()):
            headings |= _document_heading(lines, headings)
        return dict(sorted(headings.items()))
    candidates = _find_sections(lines, fallback=True)
    bare: dict[int, tuple[str, str | None]] = {
        index: (heading, kind)
        for index, (heading, kind) in candidates.items()
        # (a heading in two languages by its words in Latin letters: "Нүхтийн хамтарсан мэдэгдэл / Nükht
        # Joint Statement")
        if kind and (len(latin_side(heading).split()) <= _BARE_HEADING_WORDS_MAX or _DOCUMENT_HEADING.match(heading))
    }
    if len(bare) >= 2:
        # Among bare headings, a short title-cased line set apart by a blank line before it
        # ("Program", "Attachments") opens a section of its own kind too.
        bare |= {
            index: (heading, None)
            for index, (heading, kind) in candidates.items()
            if kind is None
            # (a heading in two languages by what it says in Latin letters: "Хөтөлбөр | Programme")
            and len((said := latin_side(heading)).split()) <= _UNKNOWN_BARE_WORDS_MAX
            and _title_cased(said)
            and index > 0
            and not lines[index - 1]
            and any(lines[index + 1 :])  # something follows it, perhaps after a blank line
            and not country_code(heading)
            and field_kind(heading) is None  # "Venue" above its value is a label
        }
    return dict(sorted(bare.items())) or headings


_SMALL_WORDS = frozenset({"of", "on", "the", "and", "for", "in", "to", "a", "an", "at", "by", "with", "&"})
_TITLE_CASE_SHARE = 0.6
_DOCUMENT_WORDS_MAX = 12


def _title_cased(text: str) -> bool:
    words = [word for word in text.split() if word.lower() not in _SMALL_WORDS]
    return bool(words) and sum(word[0].isupper() for word in words) >= _TITLE_CASE_SHARE * len(words)


def _document_heading(
    lines: tuple[str, ...], headings: dict[int, tuple[str, str | None]]
) -> dict[int, tuple[str, str | None]]:
    """A closing document's heading written as a plain line ("Ulsan Declaration on Marine
    Litter") in a text whose other sections have markers: a title-cased line naming a
    document, after a blank line and after the first section."""
    first = min(headings, default=len(lines))
    for index in range(first + 1, len(lines)):
        text = lines[index]
        if (
            index not in headings
            and not lines[index - 1]
            and len(text.split()) <= _DOCUMENT_WORDS_MAX
            and section_kind(text) == "declaration"
            and _title_cased(text)
            and not text.rstrip().endswith((".", ":", ";", ","))
            and _BARE_LINE.match(text)
        ):
            return {index: (text.strip(), "declaration")}
    return {}


_BARE_LINE = next(marker.pattern for marker in SECTION_MARKERS if marker.name == "bare heading")


def _names_a_country_after(heading: str) -> bool:
    """ "Gangwon-do (ROK)": an authority with its country after it."""
    trailing = TRAILING_COUNTRY.match(heading)
    return trailing is not None and country_code(trailing["country"]) is not None


_SYMBOL_CONFIRMING_WORDS_MAX = 3
# Chinese and Japanese, written without spaces: a word of two characters, as most are
_UNSPACED_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]+")
_UNSPACED_WORD = 2  # characters


def heading_words(heading: str) -> int:
    """The words of a heading, those of Chinese and Japanese by their characters: "「山古志宣言」の
    採択" (the declaration's adoption, a bullet of the contents) is four words, not one."""
    unspaced = sum(-(-len(run) // _UNSPACED_WORD) for run in _UNSPACED_RUN.findall(heading))
    return len(_UNSPACED_RUN.sub(" ", heading).split()) + unspaced


# A link to a file, with its size: "（PDF：182KB）", "(HWP, 1.2 MB)"
DOWNLOAD_LINK = re.compile(r"\b(?:PDF|DOCX?|HWP|XLSX?|PPTX?)\b\W{0,3}\d+(?:\.\d+)?\s*[KM]B\b", re.I)


def _marker_key(marker: SectionMarker, match: re.Match[str]) -> str:
    """Markers are confirmed by name; a glyph marker by its glyph alone."""
    return f"glyph {match['glyph']}" if marker.per_glyph else marker.name


def _confirms(marker: SectionMarker, heading: str, set_apart: bool) -> bool:
    """Whether a heading shows its marker is a section marker: a known kind, and for a
    glyph a short one (a bullet item "Adoption of the Declaration" is not a heading),
    or one of up to six words where every line of the glyph stands after a blank line
    ("◆ Outline of the Meeting"; bullets follow each other)."""
    kind = section_kind(heading)
    if DOWNLOAD_LINK.search(heading):
        return False  # "・PDF 共同声明（日本語・英語）（PDF：182KB）": a link to the document, in a list of links
    if marker.per_glyph:
        words = heading_words(heading)
        return kind is not None and (
            words <= _SYMBOL_CONFIRMING_WORDS_MAX or (set_apart and words <= _HEADING_WORDS_MAX)
        )
    # "五、 Partial revision of the Charter on the duties of ...": an item that names a kind
    return kind is not None and (len(heading.split()) <= _HEADING_WORDS_MAX or bool(_DOCUMENT_HEADING.match(heading)))


def _set_apart_glyphs(lines: tuple[str, ...], candidates: list[tuple[int, SectionMarker, re.Match[str]]]) -> set[str]:
    """The glyphs every line starting with which has a blank line (or the start) before it
    and text of its own between it and the next such line (not a list, double-spaced)."""
    glyphs = {match["glyph"] for _, marker, match in candidates if marker.per_glyph}
    apart = set()
    for glyph in glyphs:
        found = [index for index, text in enumerate(lines) if text.startswith(glyph)]
        if all(index == 0 or not lines[index - 1] for index in found) and all(
            any(lines[before + 1 : after]) for before, after in itertools.pairwise(found)
        ):
            apart.add(f"glyph {glyph}")
    return apart


def _find_sections(lines: tuple[str, ...], fallback: bool) -> dict[int, tuple[str, str | None]]:
    candidates = _marker_candidates(lines, fallback)
    set_apart = _set_apart_glyphs(lines, candidates)
    confirmed = {
        _marker_key(marker, match)
        for _, marker, match in candidates
        if not marker.needs_known_heading
        or _confirms(marker, match["heading"], _marker_key(marker, match) in set_apart)
    }
    headings: dict[int, tuple[str, str | None]] = {}
    bracketed_fields = _bracketed_fields(candidates)
    known_opened: set[str] = set()  # the markers that have opened a section of a known kind
    next_number = 1
    numbering_style = ""  # "1." or "1)": the sections keep the style the first one has
    for index, marker, match in candidates:
        if _marker_key(marker, match) not in confirmed:
            continue
        heading = match["heading"].strip().rstrip(":：").strip()
        if country_code(heading) or _names_a_country_after(heading):
            continue  # "【P.R. China】", "2) Gangwon-do (ROK)": authorities, never sections
        if DOCUMENT_NUMBER_TITLE.match(heading):
            continue  # "П Р О Т О К О Л № 3": the document's title, not a section of it
        if marker.per_glyph and _field_with_value(lines[index]):
            continue  # "■日時 平成28年10月20日": the overview's field, where the glyph also opens sections
        kind = section_kind(heading)
        if index in bracketed_fields:
            continue  # "[Дата / Date]" over its value: the overview's field, not a section
        if marker.known_only and kind is None and marker.name not in known_opened:
            continue  # (a letterhead above the first known heading: "ПРАВИТЕЛЬСТВО ХАБАРОВСКОГО КРАЯ")
        if marker.own_kind_only and kind is None:
            continue
        if kind is not None:
            known_opened.add(marker.name)
        if kind == "participation" and marker.name == "bare heading":
            continue  # "Participants" alone on a line is the overview's field label, not a section
        if marker.name == "numbered":
            style = match.group(0)[len(match["number"])]
            if int(match["number"]) != next_number or (numbering_style and style != numbering_style):
                continue
            numbering_style = style
            if kind is None and len(heading.split()) > _HEADING_WORDS_MAX and not heading.isupper():
                continue
            next_number += 1
        headings[index] = (heading, kind)
    return headings


def _bracketed_fields(candidates: list[tuple[int, SectionMarker, re.Match[str]]]) -> set[int]:
    """The lines of labels in brackets alone on their lines that give the meeting's fields, two of
    when, where and by whom at least ("[Дата / Date]", "[Место проведения / Venue]"): the overview's
    fields, their values below them. (One alone is a section's heading: "【Host Region】".)"""
    fields = {
        index: kind
        for index, marker, match in candidates
        if marker.name == "brackets"
        and section_kind(match["heading"]) is None
        and (kind := field_kind(match["heading"])) in _MEETINGS_FIELDS
    }
    return set(fields) if len(set(fields.values())) >= 2 else set()


def _field_with_value(text: str) -> bool:
    """Whether a line is one of the overview's fields, in Chinese, Japanese or Korean, with its
    value on it ("■会場 ウェルネスプラザ最上", "■後援 厚生労働省、WHO"). (Not a line mostly in Latin
    letters: "■ SITE VISITS April 25 ..." is a heading in capitals with its first line run on,
    "□ 개최지 소개 (About Jangsaengpo)" and "■開催地 ABOUT THE VENUE" headings in two languages.)"""
    field = match_label(text)
    if field is None or not field[1]:
        return False
    letters = [character for character in text if character.isalpha()]
    latin = sum(character.isascii() for character in letters)
    known = field_kind(field[0]) is not None or NON_PARTICIPATION_LABELS.fullmatch(label_key(field[0])) is not None
    return known and 2 * latin < len(letters)


_MEETING_WORDS = re.compile(r"\bNEAR\b|(?i:\b(?:meeting|symposium|summit)\b)")


def _names_a_meeting(heading: str) -> bool:
    return meeting_kind(heading) is not None or _MEETING_WORDS.search(heading) is not None


# The header lines of an e-mail ("From: ...", "Subject: FW: ...") and the line a mail
# program puts above the message it forwards.
# (and a fax's cover sheet: "PAGES : 3 (including this page)")
EMAIL_HEADER = re.compile(
    r"^(?:(?:From|Sent|Date|To|Cc|Bcc|Reply-To|Subject|Importance|Pages)\s*:|-{3,}\s*(?:Original|Forwarded) Message)",
    re.I,
)


# The header lines a saved or forwarded e-mail starts with ("Date:" starts records too).
_MAIL_START = re.compile(r"^(?:From|Sent|To|Cc|Subject)\s*:", re.I)


def envelope_end(texts: tuple[str, ...], first_section: int) -> int:
    """Where the e-mail around a forwarded record ends: after the last header line before
    the first section, for a text that starts with an e-mail's headers ("From:", or
    "Subject:" then "From:"; 0 for any other text). The envelope's lines (headers, a cover
    note) are kept but never the title."""
    # (below an archivist's note: "[Retyped from a faxed copy ...]" over "FROM: ... FAX ...")
    filled = [index for index, text in enumerate(texts[:first_section]) if text and not _EDITORS_NOTE.match(text)]
    headed = len(filled) >= 2 and all(_MAIL_START.match(texts[index]) for index in filled[:2])
    if not headed and not _forwarded_below_a_note(texts, filled):
        return 0
    return 1 + max(index for index in filled if EMAIL_HEADER.match(texts[index]))


# The line a mail program puts above the message it forwards, and how many lines of a
# cover note may stand above it ("Dear colleagues, FYI, please see below ...").
FORWARD_DIVIDER = re.compile(r"^-{3,}\s*(?:Original|Forwarded) Message", re.I)
COVER_NOTE_LINES = 12


def _forwarded_below_a_note(texts: tuple[str, ...], filled: list[int]) -> bool:
    """Whether a short note stands above a forwarded message's divider and its headers."""
    divider = next((order for order, index in enumerate(filled) if FORWARD_DIVIDER.match(texts[index])), None)
    return (
        divider is not None
        and divider <= COVER_NOTE_LINES
        and divider + 1 < len(filled)
        and _MAIL_START.match(texts[filled[divider + 1]]) is not None
    )


# An e-mail's signature: the line "--" (RFC 3676's "-- ") and a few lines after it, at the
# end of the text: the sender's, not the last section's nor the declaration's closing.
SIGNATURE_DELIMITER = "--"
SIGNATURE_LINES = 6


def signature_start(texts: tuple[str, ...]) -> int | None:
    """The index of the line that opens a signature at the text's end, if one does."""
    for index in range(len(texts) - 1, -1, -1):
        if texts[index].strip() == SIGNATURE_DELIMITER:
            after = [text for text in texts[index + 1 :] if text.strip()]
            return index if 0 < len(after) <= SIGNATURE_LINES else None
    return None


def split_sections(
    lines: list[Line], named_at: tuple[int, ...] = ()
) -> tuple[str | None, list[Line], list[SectionDraft]]:
    """Return the title, the lines between title and first section, and the sections (an
    e-mail's signature at the end a section of its own, with no heading). ``named_at``: the
    indices of the lines that are the title, where the first reading found none naming the
    meeting; all above them is the page's head."""
    texts = tuple(line.text for line in lines)
    signature = signature_start(texts)
    if signature is not None and signature > 0:
        before_title, before_preface, before = split_sections(lines[:signature])
        return (
            before_title,
            before_preface,
            [*before, SectionDraft(None, lines[signature].number, None, lines[signature + 1 :])],
        )
    headings = find_sections(texts)
    cover = _fax_cover(texts)
    for index in cover:
        headings.pop(index, None)  # (a fax cover sheet's banner and fields, in capitals, head no section)
    # (the "-----Original Message-----" line reads as a heading drawn between rules)
    mail_end = envelope_end(texts, min((i for i in headings if not EMAIL_HEADER.match(texts[i])), default=len(texts)))
    envelope = approval_end(texts, mail_end)
    kind_line = _document_kind_line(texts, headings, envelope)
    masthead_end = None if named_at else _below_a_masthead(texts, envelope)
    title: str | None = None
    title_index = 0
    title_runs_on = False  # (a title in capitals cut after "OF", "THE": its next line goes on with it)
    faxed_lines: list[Line] = []  # (a fax's header, banner and cover sheet: a section of their own, no overview)
    head: list[Line] = []  # (above the title: a masthead, or all above the lines named: a section of its own)
    preface: list[Line] = []
    sections: list[SectionDraft] = []
    stamp: list[Line] = []  # (the approval stamp: a section of its own, with no heading, not the overview's)
    for index, line in enumerate(lines):
        text = line.text
        if index in cover:
            faxed_lines.append(line)
        elif index in named_at:
            if index == named_at[0]:
                title, title_index = " ".join(_title_words(texts, headings, at) for at in named_at), index
                kept = {line.number for line in (*faxed_lines, *stamp)}
                # (the page's head above its title, a letterhead, an approval, a portal's lines: no
                # part of the overview, whose fields are below it)
                head, preface, sections = [above for above in lines[:index] if above.number not in kept], [], []
        elif title_runs_on and text:
            # "MEETING OF SECRETARIES-GENERAL PREPARATORY TO THE" over "1ST NORTH EAST ASIA ... CONFERENCE"
            title, title_runs_on = f"{title} {text}", False
        elif mail_end <= index < envelope and text:
            stamp.append(line)
        elif masthead_end is not None and index < masthead_end and _page_furniture(text):
            continue  # (the portal's menus: no part of the record)
        elif index < envelope or index == kind_line:
            preface.append(line)
        elif masthead_end is not None and index < masthead_end:
            head.append(line)  # (a publication's masthead over the title: no part of the overview)
        elif index == masthead_end:
            title, title_index = text, index
            if head and head[-1].text and _TITLE_CUT.search(head[-1].text):
                # "RECORD OF THE ... MEETING FOR THE" over "FIRST CONFERENCE OF ...": one title, wrapped
                title = f"{head.pop().text} {text}"
        elif index in headings:
            heading, kind = headings[index]
            faxed = bool(cover) and index > min(cover)
            if (
                not sections
                and title is None
                and (not_a_title(text) or (faxed and title is None and kind is None and not _names_a_meeting(heading)))
            ):
                # (an archivist's note in brackets above the record, or the letterhead of a fax's
                # sender in capitals, heads no section)
                preface.append(line)
            elif (
                not named_at
                and (title is None or (faxed and not _names_a_meeting(title)))
                and not sections
                and kind is None
                and _names_a_meeting(heading)
            ):
                # "=== NEAR Expert Meeting on ... ===": the page's title, marked as headings are (below
                # a fax's cover, the line taken before it, "Kobe 650, JAPAN" under the letterhead, was none)
                if title is not None:
                    preface = sorted([*preface, lines[title_index]], key=lambda kept: kept.number)
                title, title_index = heading, index
                # (its next line goes on with it, cut after "OF THE" or in capitals like it: "PREPARATORY
                # MEETING FOR THE FIRST NORTHEAST ASIA REGIONAL" over "GOVERNMENTS CONFERENCE")
                below = headings.get(index + 1)
                title_runs_on = _TITLE_CUT.search(heading) is not None or (
                    heading.isupper() and below is not None and below[1] is None and below[0].isupper()
                )
            else:
                sections.append(SectionDraft(heading, line.number, kind))
        elif sections:
            sections[-1].lines.append(line)
        elif (
            not named_at
            and title is None
            and text
            and index not in cover
            and not _is_field(text)
            and not _furniture(text)
        ):
            title, title_index = text, index
        else:
            preface.append(line)
    if named_at:
        pass  # (the title is the lines named)
    elif title is not None and DOCUMENT_NUMBER_TITLE.match(title):
        title, preface = _protocols_title(lines, title_index, headings, preface)
    elif faxed_lines and (title is None or faxed_lines[0].number < lines[title_index].number):
        title, preface = _faxed_records_title(
            title, lines[title_index] if title is not None else None, preface, faxed_lines
        )
    elif title is not None and not _names_its_meeting(title) and native_meeting_kind(title) is None:
        # a letterhead taken for the title ("MINISTRY OF ECONOMY OF THE REPUBLIC OF BURYATIA"): the
        # record's own title below it, if one names the meeting before the first section
        under_title = [line for line in preface if line.number > lines[title_index].number]
        # (or one naming the closing document it is: "MEMORANDUM OF UNDERSTANDING ON COOPERATION IN ...")
        named = next((block for block in _blocks(under_title) if _title_block(block, _names_meeting_or_document)), None)
        if named is not None:
            # (the letterhead and what stands between it and the title, a document's code line: the
            # page's head, a section of its own; no part of the overview or the document below)
            above = [lines[title_index], *(line for line in preface if line.number < named[0].number)]
            head = sorted([*head, *above], key=lambda kept: kept.number)
            preface = [line for line in preface if line.number > named[-1].number]
            title = " ".join(line.text for line in named)
    headline = masthead_end is not None and title_index == masthead_end  # (a news page's, over its byline)
    named_already = bool(
        named_at or headline or (title and _names_meeting_or_document(title)) or native_meeting_kind(title or "")
    )
    # where no line taken names the meeting (a portal's name, a letterhead, a menu), the first short
    # block of the page's head that does is its title ("The 6th NEAR General Assembly" under the
    # portal's menus, "REPORT" over 'on the NEAR Forum "Pastures, Water and Mining ..."')
    if not named_already and (title_lines := _head_title_lines(texts, headings)):
        return split_sections(lines, title_lines)
    kept = {line.number for line in (*head, *preface)}
    if (
        title is not None
        and texts[title_index] == title
        and (whole := _mid_phrase_block(texts, title_index, headings, lambda at: lines[at].number in kept))
    ):
        title = _block_words(texts, whole)
        taken = {lines[at].number for at in whole}
        head, preface = ([line for line in part if line.number not in taken] for part in (head, preface))
    if faxed_lines:
        sections.insert(0, SectionDraft(None, faxed_lines[0].number, None, faxed_lines))
    if title is not None:
        title = undecorated_title(title)
    if stamp:
        sections.insert(0, SectionDraft(None, stamp[0].number, None, stamp))
    if any(line.text for line in head):
        sections.insert(0, SectionDraft(None, head[0].number, None, head))
    return title, preface, sections


# What a page puts before its headline and is no part of the meeting's name: a glyph ("■", "◎",
# "§"), a news category or dateline in brackets ("[TOP STORY]", "[Harbin 2025]", "【報告】"; not
# one naming the meeting or NEAR: "【ＮＥＡＲ環境分科委員会】渡り鳥と湿地の..."); and brackets or a table's
# bars around the whole of it ("(Report on the Results of the 6th General Assembly of NEAR)")
_TITLE_GLYPHS = re.compile(r"^(?:[^\w\s(（「『“\"'«\[【|]\s*)+(?=\w)")
_TITLE_TAG = re.compile(r"^(?:\[(?P<square>[^\[\]]{1,30})\]|【(?P<lenticular>[^【】]{1,30})】)\s*(?=\w)")
_ENCLOSED_TITLE = re.compile(r"^(?:\((?P<round>.+)\)|（(?P<wide>.+)）|【(?P<lenticular>.+)】|\|(?P<bars>[^|]+)\|)$")


def undecorated_title(title: str) -> str:
    """A title without the decoration a page put around it."""
    title = _TITLE_GLYPHS.sub("", title.strip())
    tag = _TITLE_TAG.match(title)
    text = unicodedata.normalize("NFKC", tag["square"] or tag["lenticular"]) if tag else ""
    if tag and not _names_a_meeting(text) and native_meeting_kind(text) is None:
        title = title[tag.end() :]  # (a tag naming NEAR is kept too: "【NEAR】Expert Meeting on ...")
    enclosed = _ENCLOSED_TITLE.match(title)
    inner = next((part for part in enclosed.groups() if part), "") if enclosed else ""
    # (not "(Tottori) - Report (2nd)": the brackets must hold the whole title, none closed within)
    return inner.strip() if inner and _balanced(inner) else title


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += 1 if char in "(（【" else -1 if char in ")）】" else 0
        if depth < 0:
            return False
    return depth == 0


# An official document's approval stamp above it, in Russian: "УТВЕРЖДАЮ" (I approve), the
# official's post, signature line and date, to the first blank line
APPROVAL_STAMP = re.compile(r"^(?:УТВЕРЖДАЮ|УТВЕРЖДЕНО|УТВЕРЖДЁН|УТВЕРЖДЕН|СОГЛАСОВАНО)\s*:?$")
APPROVAL_STAMP_LINES = 8  # the stamp's word, the official's post, the signature and the date


def approval_end(texts: tuple[str, ...], start: int) -> int:
    """Where an approval stamp that opens the text ends (``start`` where none does): it is no
    title. Without a blank line after its few lines, the stamp is its word alone."""
    first = next((index for index in range(start, len(texts)) if texts[index]), None)
    if first is None or not APPROVAL_STAMP.match(texts[first]):
        return start
    last = min(len(texts), first + APPROVAL_STAMP_LINES + 1)
    return next((index for index in range(first, last) if not texts[index]), first + 1)


# A title that is a protocol's kind and number alone, letter-spaced as typed records space it or
# not: "П Р О Т О К О Л № 3", "ПРОТОКОЛ № 3"; the meeting follows it in the genitive on the next
# lines ("заседания Рабочей группы ...")
DOCUMENT_NUMBER_TITLE = re.compile(r"^(?:П ?Р ?О ?Т ?О ?К ?О ?Л)\s*(?:№\s*\d{1,3})?$", re.I)
_LETTER_SPACED = re.compile(r"(?<!\S)(?:[^\W\d_] ){3,}[^\W\d_](?!\S)")


def _protocols_title(
    lines: list[Line], title_index: int, headings: dict[int, tuple[str, str | None]], preface: list[Line]
) -> tuple[str, list[Line]]:
    """A protocol's title with the lines that go on naming its meeting (after a blank line,
    perhaps), up to a blank line, where the first starts in lower case ("ПРОТОКОЛ № 3" over
    "заседания Рабочей группы ..."); its letters spaced out as typed ("П Р О Т О К О Л")
    written as a word."""
    title = _LETTER_SPACED.sub(lambda spaced: spaced.group().replace(" ", ""), lines[title_index].text)
    run: list[Line] = []
    start = title_index + 1
    if start < len(lines) and not lines[start].text:
        start += 1  # (a blank line may stand between the kind and the meeting)
    for index in range(start, len(lines)):
        if not lines[index].text or index in headings:
            break
        run.append(lines[index])
    if not run or not run[0].text[:1].islower():
        return title, preface
    return " ".join([title, *(line.text for line in run)]), [line for line in preface if line not in run]


# A title's line that opens in the middle of its phrase ("of the meeting of the Subcommittee on ...")
_MID_PHRASE = re.compile(r"^(?:of|on|for|and|in)\s", re.I)
_MID_PHRASE_ABOVE = 2  # lines: "PROTOCOL № 4", "The Experts Meeting on Coastal Environment ..."
# A line set apart from the title above it: its translation or theme ("(NEAR Leaders' Summit, ...)",
# "“Flood prevention and emergency response ...”")
_ASIDE_OPENERS = ("(", "（", "“", "«", '"', "「", "『")


def _mid_phrase_block(
    texts: tuple[str, ...], index: int, headings: dict[int, tuple[str, str | None]], usable: Callable[[int], bool]
) -> list[int] | None:
    """The lines of a title's block that a line opening in the middle of its phrase, in lower
    case, goes on from and into ("PROTOCOL № 4" / "of the meeting of the Subcommittee on Mineral
    Resources" / "and Energy"; "PROTOCOL" / "of the 7th General Assembly of the Association of
    North East" / "Asia Regional Governments (NEAR)"): up to a blank line or a line in the page's
    other language above it, a blank line, a heading, a translation or a theme below it. Only
    ``usable`` lines; None for other lines."""
    text = texts[index]
    if not _MID_PHRASE.match(text) or not text[:1].islower():
        return None

    def part(at: int) -> bool:
        return bool(texts[at]) and usable(at) and not _no_title_line(texts[at])

    above = index
    while above > 0 and index - above < _MID_PHRASE_ABOVE and part(above - 1):
        if other_script_only(latin_side(texts[above - 1]).replace("№", "")):
            break  # ("ПРОТОКОЛ № 3" over "MINUTES No. 3" over "of the field session of ...")
        above -= 1
    below = index + 1
    while (
        below < len(texts)
        and below - above <= _TITLE_BLOCK_LINES
        and part(below)
        and below not in headings
        and not texts[below].startswith(_ASIDE_OPENERS)
    ):
        below += 1
    whole = list(range(above, below))
    return whole if above < index and len(_block_words(texts, whole).split()) <= _TITLE_WORDS_MAX else None


def _block_words(texts: tuple[str, ...], block: list[int]) -> str:
    """A title's lines as one line; of a line in two languages ("ПРОТОКОЛ / MINUTES"), its side in
    Latin letters (the title's phrase goes on in English)."""
    return " ".join(latin_side(texts[index]) for index in block)


_LEADING_GLYPH = re.compile(r"^[^\w\s]\s*")


def _document_kind_line(texts: tuple[str, ...], headings: dict[int, tuple[str, str | None]], start: int) -> int | None:
    """ "MINUTES" over "2nd Meeting of the NEAR Subcommittee on ...": a first line naming
    the kind of document, right above the line that names the meeting, is no section (the
    meeting's line is the title). Its index, taken out of ``headings``; None for other texts."""
    first = next((index for index in range(start, len(texts)) if texts[index]), None)
    if (
        first is None
        or first not in headings
        or first + 1 >= len(texts)
        or first + 1 in headings
        or not texts[first + 1]
        or not _names_a_meeting(texts[first + 1])
        or match_label(_LEADING_GLYPH.sub("", texts[first + 1])) is not None  # "【Outline】" over "・Event: ..."
    ):
        return None
    del headings[first]
    return first


# How many lines a publication's masthead may take above the line naming the meeting (a portal's
# breadcrumb, when and where it posted the page, its print and font buttons, the title in the
# page's own language).
MASTHEAD_LINES = 5
# Where a portal put the page, above it: "首页 > 新闻中心 > 外事动态", "Home › News › Meetings"
# (perhaps after the site's name and a bar: "NEAR | Home > Notice & News > News")
# (or after the label a portal gives them: "当前位置：首页 > 外事动态", "Current position: Home > NEAR")
_BREADCRUMB = re.compile(
    r"^\s*(?:[^|>›»\n]{1,40}\|\s*|(?:当前位置|現在位置|현재\s*위치|(?i:current position|you are here))\s*[:：]\s*)?"
    r"(?:首页|主页|홈|ホーム|トップ|Главная|Нүүр|(?i:home))\s*[>›»/＞]\s"
)
# ... or three crumbs or more without the home page's: "[ Subcommittees ] > [ Disaster Prevention ] >
# [ 1st Meeting, 2000 ]", "News › Meetings › 2019" (not a title naming two things with one mark)
_CRUMBS = re.compile(r"^\s*[^>›»＞\n]{1,40}(?:\s[>›»＞]\s[^>›»＞\n]{1,60}){2,}$")
# A portal's menu bar, its items in a row after its home page's: "Home About NEAR Members
# Subcommittees Projects News Library Contact" (each a word or two in capitals, no sentence; not
# a breadcrumb, whose marks part the pages above this one)
SITE_MENU = re.compile(
    r"^\s*(?!.*[>›»＞|｜/])(?:首页|主页|홈|ホーム|トップ|Главная|Нүүр|Home|HOME)"
    r"(?:\s+(?:[A-Z][\w&.'-]*|[^\x00-\x7f]+)){4,}\s*$"
)
# ... or its items between bars: "Home | About Us | Consular Service | Sister Provinces | Invest in Shandong"
_HOME_MENU_BAR = re.compile(
    r"^\s*(?:首页|主页|홈|ホーム|トップ|Главная|Нүүр|Home|HOME)(?:\s*[|｜]\s*[^|｜]{1,40}){3,}$"
)
# A line of the page's publication, labelled though it is no field of the meeting: "发布时间：2005-09-01
# 来源：吉林省商务厅", "【字体：大 中 小】" (its font buttons), "작성일 : 2012-05-02", "Posted: 24 October 2022"
# (and a Korean press release's head: "배포일시 : 2023. 9. 22.(금) 10:00", "담당부서 : 해양정책과", "사진 : 있음(3매)")
_PUBLICATION = re.compile(
    r"^\s*【?(?:发布(?:时间|日期)|来源|浏览次数|点击(?:数|次数)|字体|작성일|등록일|조회수|작성자|投稿日|掲載日|更新日|ページ番号"
    r"|배포\s*일시|보도\s*일시|담당\s*부서|담\s*당\s*자|사\s*진|자\s*료"
    r"|(?i:posted(?: by)?|published|updated|source|views|font size"
    r"|опубликовано|дата публикации|просмотров|источник))\s*[:：]"
)
# A release's marks above its headline, alone on their line: "PRESS RELEASE", "FOR IMMEDIATE RELEASE",
# both in one line ("PRESS RELEASE        FOR IMMEDIATE RELEASE"), "보도자료" (not a headline that follows
# a mark: "Press release: NEAR General Assembly opens in Khabarovsk")
_RELEASE_MARK = (
    r"(?:(?i:press|news|media)\s+(?i:release)|(?i:for\s+immediate\s+release)"
    r"|보도\s*자료|プレスリリース|新闻稿|(?i:пресс-релиз))"
)
_RELEASE_MARKS = re.compile(rf"^\s*{_RELEASE_MARK}(?:\s*(?:[|｜/:：–—-]\s*)?{_RELEASE_MARK})*\s*$")
# A release's number over its date and length: "No. 2015-27 | 18 September 2015 | 3 pages"
_RELEASE_NUMBER = re.compile(r"^\s*(?i:(?:release\s+)?no\.?|ref\.?)\s*[\w/-]*\d[\w/-]*\s*[|｜]")
# A title's line cut after a word that joins it to the next (case aside: titles are often in capitals)
_TITLE_CUT = re.compile(r"\s(?:of|the|for|and|on|in|to)$", re.I)
# An archivist's note in square brackets above the record: "[NEAR archive. Retyped from a faxed copy ...]"
_EDITORS_NOTE = re.compile(r"^\s*\[[^\[\]]{20,}\]\s*$")


@dataclass(frozen=True)
class NotTitleRule:
    """A named kind of line that heads a page but never names its meeting."""

    name: str
    pattern: re.Pattern[str]


# Lines that are never a record's title, whatever their place: a fax machine's header line, a fax
# cover sheet's banner, a portal's line of publication or breadcrumb or menu, an archivist's note.
NOT_TITLES = (
    NotTitleRule("fax header", FAX_HEADER),
    NotTitleRule("fax banner", FAX_BANNER),
    NotTitleRule("publication line", _PUBLICATION),
    NotTitleRule("breadcrumb", _BREADCRUMB),
    NotTitleRule("crumbs", _CRUMBS),
    # a page's buttons for its letters' size: "文字サイズ 小 中 大 ｜ English ｜ サイトマップ", "Text size: A A A"
    NotTitleRule("font size", re.compile(r"^\s*(?:文字サイズ|字号|字体大小|글자\s*크기|(?i:font size|text size))")),
    NotTitleRule("site menu", SITE_MENU),
    NotTitleRule("editor's note", _EDITORS_NOTE),
    NotTitleRule("release marks", _RELEASE_MARKS),
    NotTitleRule("release number", _RELEASE_NUMBER),
    # a paper's code, or who it is for: "Paper WG-95/07 -- English text -- for the members of the
    # Working Group only", "Document NEAR/GA16/RES.1-9", "For official use only"
    NotTitleRule("paper code", re.compile(r"^\s*(?i:paper|document|doc\.)\s+(?=[\w./-]*\d)[A-Z][\w./-]*(?:\s|$)")),
    # (bounded: a line of any length is tried)
    NotTitleRule(
        "distribution", re.compile(r"(?i)^.{0,80}?\bfor\s+(?:official\s+use|(?:the\s+)?members\b.{0,80}?)\s+only\b")
    ),
)


def not_a_title(text: str) -> str | None:
    """The name of the rule that says a line is no title, None for a line that may be one."""
    return next((rule.name for rule in NOT_TITLES if rule.pattern.match(text)), None)


# The fields of a fax's cover sheet ("TO : NEAR Secretariat", "NO. OF PAGES : 5"), and how many
# lines below the fax's header or banner they may start
_COVER_FIELD = re.compile(
    r"^(?:to|from|cc|attn|attention|date|pages?|no\.? of pages|re|subject|fax(?: no\.?)?|tel)\s*[:：]", re.I
)
_COVER_LINES = 16


def _fax_cover(texts: tuple[str, ...]) -> set[int]:
    """The indices of a fax's own lines: the machine's header lines, the cover sheet's banner and,
    a few lines below either, the sheet's fields with the lines that go on from them ("TO :
    SECRETARIES-GENERAL AND LIAISON OFFICERS OF THE PARTICIPATING" over "REGIONAL GOVERNMENTS"), to
    the first blank line after them (the record's own "Date :" below is the meeting's)."""
    cover: set[int] = set()
    fax_at = None
    in_field = False
    for index, text in enumerate(texts):
        if fax_line(text):
            cover.add(index)
            fax_at, in_field = index, False
        elif fax_at is not None and index - fax_at <= _COVER_LINES and _COVER_FIELD.match(text):
            cover.add(index)
            in_field = True
        elif in_field and text and match_label(text) is None:
            cover.add(index)
        elif in_field:
            fax_at, in_field = None, False
    return cover


# A fax cover sheet's field that says what the fax holds: "SUBJECT : RECORD OF THE ...", "RE : ..."
_FAX_SUBJECT = re.compile(r"^(?:subject|re|title)\.?\s*[:：]\s*(?P<text>\S.*)$", re.I)
_TITLE_BLOCK_LINES = 3


def _faxed_records_title(
    title: str | None, title_line: Line | None, preface: list[Line], faxed_lines: list[Line]
) -> tuple[str | None, list[Line]]:
    """The title of a record sent by fax, below the fax's header, its cover sheet and letter: the
    short block of lines that names a meeting ("RECORD OF THE FIRST MEETING" over "Working Group on
    Agricultural Exchange of NEAR"), the line taken's own first, else the line taken if it names
    one, else the cover's subject, else the line taken (the sender's letterhead). A line taken
    for the title and not kept goes back among the others."""
    if title is not None and title_line is not None and title != title_line.text and _names_its_meeting(title):
        return title, preface  # (a title already joined from its lines)
    lines = sorted([*preface, title_line] if title_line is not None else preface, key=lambda line: line.number)
    named = [block for block in _blocks(lines) if _title_block(block)]
    own = next((block for block in named if title_line in block), None)
    if own is not None:
        return " ".join(line.text for line in own), [line for line in lines if line not in own]
    if title is not None and _names_its_meeting(title):
        return title, preface
    if named:
        return " ".join(line.text for line in named[0]), [line for line in lines if line not in named[0]]
    for index, line in enumerate(faxed_lines):
        if subject := _FAX_SUBJECT.match(line.text):
            run = [subject["text"]]
            for previous, following in itertools.pairwise(faxed_lines[index : index + _TITLE_BLOCK_LINES]):
                if (
                    following.number != previous.number + 1
                    or not following.text
                    or match_label(following.text)
                    or not re.search(r"\w", following.text)
                ):
                    break
                run.append(following.text)
            return " ".join(run), lines
    return title, preface


# How far down a page's head its title may stand, in lines
HEAD_LINES = 60


def _head_title_lines(texts: tuple[str, ...], headings: dict[int, tuple[str, str | None]]) -> tuple[int, ...]:
    """The indices of the first short block of lines in a page's head (above its first field or
    section of a kind) that reads as a title naming the meeting."""
    fields_at = min(HEAD_LINES, len(texts), next((at for at in range(len(texts)) if _is_field(texts[at])), len(texts)))
    end = min(
        fields_at,
        # (an overview's heading may stand above the meeting's name: "SUMMARY RECORD")
        next((index for index in sorted(headings) if headings[index][1] not in (None, "overview")), len(texts)),
    )
    block: list[int] = []
    for index in range(end + 1):
        # (a rule, "=====", or a line of the page's furniture parts blocks as a blank line does)
        if index < end and re.search(r"\w", texts[index]) and not not_a_title(texts[index]):
            block.append(index)
            continue
        # (the block, or its first lines: a headline over its subheading, a protocol's number and
        # meeting over the meeting's name in Russian, "PROTOCOL No. 2/2016" / "of the meeting of the
        # Logistics Subcommittee of the Association of" / "North East Asia Regional Governments (NEAR)")
        for size in range(min(len(block), _TITLE_BLOCK_LINES + 1), 0, -1):
            lines = block[:size]
            # (a part of a longer block only before its translation in brackets, or of two lines)
            whole_or_part = size == len(block) or len(block) == 2 or texts[block[size]].startswith(("(", "（"))
            if whole_or_part and _head_title_block(texts, headings, lines):
                return tuple(lines)
        block = []
    # (else a line opening mid-phrase, "of the meeting of the Mining Subcommittee ...", under a
    # protocol's heading, "MINUTES № 2", with the lines of its block)
    for index in range(fields_at):
        whole = _mid_phrase_block(texts, index, headings, lambda at: at < fields_at)
        if whole is not None and _names_its_meeting(_block_words(texts, whole)):
            return tuple(whole)
    return ()


def _head_title_block(texts: tuple[str, ...], headings: dict[int, tuple[str, str | None]], block: list[int]) -> bool:
    """Whether a few lines of a page's head read as its title naming the meeting."""
    words = " ".join(_title_words(texts, headings, line) for line in block)
    return (
        0 < len(block) <= _TITLE_BLOCK_LINES
        and len(words.split()) <= _TITLE_WORDS_MAX
        and not any(_no_title_line(texts[line]) or headings.get(line, ("", None))[1] for line in block)
        and not words.endswith((".", ",", ":"))
        # (in title case or capitals, as headlines are: not a subheading, "Forum and next steps")
        and (_title_cased(words) or words.isupper() or native_meeting_kind(words) is not None)
        and (
            meeting_kind(words) is not None
            or native_meeting_kind(words) is not None
            or _A_MEETING.search(words) is not None
        )
    )


_RULE_MARKS = re.compile(r"^[=_*#~-]{2,}\s*|\s*[=_*#~-]{2,}$")


def _title_words(texts: tuple[str, ...], headings: dict[int, tuple[str, str | None]], index: int) -> str:
    """A line's words as a title's: a heading's without its marks ("=== NEAR WORKSHOP ON ... ===")."""
    return _RULE_MARKS.sub("", headings[index][0] if index in headings else texts[index])


def _no_title_line(text: str) -> bool:
    """A field, a table's row, a list's item ("· General Assembly" of a portal's menu), a page's
    furniture: no line of a title."""
    return bool(match_label(text) or _furniture(text) or _TABLE_CELLS.search(text) or match_bullet(text) is not None)


_TABLE_CELLS = re.compile(r"\s[|｜]\s")


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Lines in runs between blank ones."""
    blocks: list[list[Line]] = [[]]
    for line in lines:
        if line.text:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _title_block(block: list[Line], names: Callable[[str], bool] | None = None) -> bool:
    """Whether a few lines between blank ones read as one title naming a meeting (or what
    ``names`` tells): no field, no sentence, no fax's line."""
    joined = " ".join(line.text for line in block)
    return (
        0 < len(block) <= _TITLE_BLOCK_LINES
        and len(joined.split()) <= _TITLE_WORDS_MAX
        and not any(_no_title_line(line.text) for line in block)
        and not joined.endswith((".", ","))
        and (names or _names_its_meeting)(joined)
    )


def _names_its_meeting(text: str) -> bool:
    return meeting_kind(text) is not None or _A_MEETING.search(text) is not None


def _names_meeting_or_document(text: str) -> bool:
    """A meeting's name, or a closing document's ("MEMORANDUM OF UNDERSTANDING ON ...")."""
    return _names_its_meeting(text) or _DOCUMENT_HEADING.match(text) is not None


# The words of a meeting's name that no rule of a meeting's kind knows: "RECORD OF THE '93 JAPAN SEA
# RIM WOMEN'S EXCHANGE MEETING"
_A_MEETING = re.compile(r"\b(?:meeting|conference|seminar|workshop|forum|symposium|summit|assembly)\b", re.I)
_TITLE_WORDS_MAX = 25
# A line of when a page was posted and how often read, no headline: "2025.02.18  |  Views 1,376  |  by ..."
_POSTED = re.compile(r"^\d{4}[./-]\d{1,2}[./-]\d{1,2}\b|.*\s[|｜]\s")
# A news lead's dateline: "ZHUMADIAN, Sept 25 -- More than 260 officials ...", "ULSAN (Yonhap) --",
# a release's "RIZHAO, China, 18 September 2015 - Officials ..."
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{2,30}(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?(?=,))?"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})(?:,? \d{4})?)?"
    r"(?:\s*\([^()]{2,30}\))?\s*(?:--|—|–|-)\s"
)
# A news article's byline under its headline: "By Aya Morimoto / Staff Writer", "BY KIM JI-HOON"
_BYLINE = re.compile(r"^\s*(?i:by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*(?:[/,|–—-]|$)")


# A portal's menu bar above the headline: four items or more parted by bars, each a word or two
# and no figure ("Top  |  Local  |  Business  |  Society  |  Opinion  |  Photos", "KOR | ENG | JPN |
# CHN"; not "NEAR Newsletter | Vol. 127 | June 2025", nor "Posted: 2013-09-23 | Views: 842 | Print")
_MENU_ITEM = r"\s*[^|｜\s\d]+(?:\s[^|｜\s\d]+)?\s*"
_MENU_BAR = re.compile(rf"^{_MENU_ITEM}(?:[|｜]{_MENU_ITEM}){{3,}}$")


def _furniture(text: str) -> bool:
    """A line of the page or the fax around the record (a NOT_TITLES row, a menu bar): never its
    title, nor a line of its lead."""
    return not_a_title(text) is not None or _page_furniture(text)


# Words of a portal's menu: a bar of short items (_MENU_BAR) with two of them at least is its menu,
# whatever its first item ("About Gyeongbuk | Governor | Invest | Tourism | News | Global Network")
# The languages a page names its parts and its versions by, each in its own and in English
LANGUAGE_WORDS = frozenset(
    {"english", "русский", "монгол", "中文", "日本語", "한국어", "korean", "japanese", "chinese", "russian"}
    | {"mongolian"}
)
MENU_WORDS = frozenset(
    {"home", "news", "about", "contact", "tourism", "invest", "governor", "sitemap", "login"}
    # (and a page's bar of its languages, each in its own: "Монгол | English | Русский | 中文 | 日本語 | 한국어")
    | LANGUAGE_WORDS
)
MENU_WORDS_MIN = 2


# An image a text browser left in the page's place, by its file's name: "[IMG] logo_kb.gif"
IMAGE_PLACEHOLDER = re.compile(r"^\s*\[(?i:img|image)\]\s*\S+\.(?i:gif|jpe?g|png|bmp)\s+")


def menu_bar(text: str) -> bool:
    """Whether a line is a portal's menu bar, whose items name nothing of the record's (after the
    logo's image: "[IMG] logo_kb.gif   HOME | SITEMAP | KOREAN | CONTACT US")."""
    text = IMAGE_PLACEHOLDER.sub("", text)
    if _HOME_MENU_BAR.match(text):
        return True
    words = [word.lower() for word in re.split(r"[\s|｜]+", text) if word]
    return _MENU_BAR.match(text) is not None and sum(word in MENU_WORDS for word in words) >= MENU_WORDS_MIN


def _page_furniture(text: str) -> bool:
    """A masthead's line that is the portal's, not the record's: its menu bar. (Not its breadcrumb,
    whose last crumbs may name the meeting's body: "ホーム ＞ ... ＞ 北東アジア地域自治体連合 ＞ 分科委員会".)"""
    return _MENU_BAR.match(text) is not None or SITE_MENU.match(text) is not None


def _below_a_masthead(texts: tuple[str, ...], start: int) -> int | None:
    """ "NEAR NEWSLETTER Vol. 118" and a line or two over "The 7th Meeting of the NEAR Energy
    and Climate Subcommittee": a first line that names no meeting, over a line that does,
    before any field. The meeting's line is the title; its index, None for other texts."""
    filled = [index for index in range(start, len(texts)) if texts[index]][: MASTHEAD_LINES + 1]
    if not filled or meeting_kind(texts[filled[0]]) is not None:
        return None
    # (a headline in the page's own language, where no line names the meeting in English; not a
    # line that runs on from the one above, "заседания Рабочей группы" under "ПРОТОКОЛ № 3")
    native = None
    for index in filled[1:]:
        text = texts[index]
        if _furniture(text):
            # (a portal's menu bar, its line of publication; a breadcrumb, whose last crumb may name
            # the meeting: "Home ＞ ... ＞ 2018 NEAR International Forum")
            continue
        if _is_field(text) or match_label(_LEADING_GLYPH.sub("", text)) is not None:
            return native
        if len(text.split()) > _TITLE_WORDS_MAX or text.endswith((".", "。", ";", ",")):
            continue  # (a sentence, or a clause of one: the lead under the headline, a preamble's)
        if meeting_kind(text) is not None or (_A_MEETING.search(text) and _title_cased(text)):
            return index  # (in title case: "NEAR Expert Meeting on Coastal and River Wetlands, Dawa 2002")
        if _DOCUMENT_HEADING.match(text):
            return None  # (a closing document's own title under a letterhead: no publication's masthead)
        # (past the lines of its publication, and a release's points in bullets under its headline)
        following = next(
            (
                later
                for later in range(index + 1, len(texts))
                if texts[later] and not _PUBLICATION.match(texts[later]) and match_bullet(texts[later]) is None
            ),
            None,
        )
        if (
            following is not None
            and (_BYLINE.match(texts[following]) or _DATELINE.match(texts[following]))
            and not _POSTED.match(text)
        ):
            # a news article's headline, over its byline or its lead's dateline (and the lines of its
            # publication)
            return index
        if native is None and native_meeting_kind(text) is not None and not text[:1].islower():
            native = index
    return native


def _is_field(text: str) -> bool:
    """A labelled overview field ("Period: ..."): a page that starts with one has no title line."""
    labelled = match_label(text)
    return labelled is not None and field_kind(labelled[0]) is not None


# --- contents --------------------------------------------------------------------


@dataclass(frozen=True)
class LineRule:
    """A named way a line starts: a bullet marker or a numbering style."""

    name: str
    pattern: re.Pattern[str]
    # (a numbered line that is its item's heading, the item's text on the lines below it)
    heads_its_text: bool = False


BULLET_MARKERS = (
    LineRule("triangle", re.compile(r"^[▷▶►▸▹▻‣⊳]\s*(?P<text>.+)$")),
    LineRule("bullet", re.compile(r"^[•●∙⦁⚫]\s*(?P<text>.+)$")),
    LineRule("circle", re.compile(r"^[○◦◎❍⚪ㅇ]\s*(?P<text>.+)$")),
    LineRule("diamond", re.compile(r"^[◆◇❖♦⬥⬦]\s*(?P<text>.+)$")),
    LineRule("small square", re.compile(r"^[▪▫❏❐❑❒]\s*(?P<text>.+)$")),
    LineRule("white square", re.compile(r"^[□▢]\s*(?P<text>.+)$")),
    LineRule("check mark", re.compile(r"^[✓✔☑✅]\s*(?P<text>.+)$")),
    LineRule("star", re.compile(r"^[★☆✱✲✳✴✵✶✷✸✹✺]\s*(?P<text>.+)$")),
    LineRule("pointing hand", re.compile(r"^[☞☛☜👉]\s*(?P<text>.+)$")),
    LineRule("asterisk", re.compile(r"^\*\s*(?P<text>.+)$")),
    LineRule("plus", re.compile(r"^\+\s+(?P<text>.+)$")),  # (a space after it: "+82 ..." is a number)
    LineRule("circled number", re.compile(r"^[①-⑳]\s*(?P<text>.+)$")),
    LineRule("parenthesised number", re.compile(r"^[(（]\d{1,2}[)）]\s*(?P<text>.+)$")),
    LineRule("cjk number", re.compile(rf"^[{CJK_NUMERALS}]{{1,3}}[、.．]\s*(?P<text>.+)$")),
    LineRule("parenthesised cjk number", re.compile(rf"^[(（][{CJK_NUMERALS}]{{1,3}}[)）]\s*(?P<text>.+)$")),
    LineRule("decimal outline", re.compile(r"^\d{1,2}(?:(?:\.\d{1,2})+\.|(?:\.\d{1,2}){2,})\s+(?P<text>.+)$")),
    LineRule("number", re.compile(r"^\d{1,2}[.)]\s+(?P<text>.+)$")),
    LineRule("parenthesised letter", re.compile(r"^\((?:[a-z]|[ivx]{1,5})\)\s*(?P<text>.+)$")),
    LineRule("letter", re.compile(r"^(?:[a-zа-я]|[ivx]{1,5})[.)]\s+(?P<text>.+)$")),
    LineRule("hangul letter", re.compile(r"^[가나다라마바사아자차카타파하][.)]\s*(?P<text>.+)$")),
    LineRule("capital letter", re.compile(r"^[A-Z][.)]\s+(?P<text>.+)$")),
    LineRule("dash", re.compile(r"^[-‐‑−⁃－]\s*(?P<text>.+)$")),
    LineRule("en dash", re.compile(r"^[–‒]\s*(?P<text>.+)$")),
    LineRule("em dash", re.compile(r"^[—―]\s*(?P<text>.+)$")),
    LineRule("arrow", re.compile(r"^[→⇒➔➙➛➜➝➞➟➠➢➣➤➥➦➧➨↳⟶]\s*(?P<text>.+)$")),
    LineRule("middle dot", re.compile(r"^[·ㆍ・]\s*(?P<text>.+)$")),
    # Word's second-level bullet, pasted as a letter o
    LineRule("letter o", re.compile(r"^o\s+(?P<text>\S.+)$")),
)


# Rows of several glyphs where each glyph is a level of its own ("►" items with "‣" under them).
PER_GLYPH_BULLETS = frozenset(
    {
        "triangle",
        "bullet",
        "circle",
        "diamond",
        "small square",
        "white square",
        "check mark",
        "star",
        "pointing hand",
        "arrow",
        "middle dot",
    }
)


def _level_key(marker: str, text: str) -> str:
    """What makes a level of the list: the glyph for glyph rows, the count of numbers for
    a decimal outline ("2.1." items with "2.2.1." under them), else the row."""
    if marker in PER_GLYPH_BULLETS:
        return f"{marker} {text[0]}"
    if marker == "decimal outline":
        return f"{marker} {text.split(None, 1)[0].rstrip('.').count('.')}"
    return marker


def match_bullet(text: str) -> tuple[str, str] | None:
    for marker in BULLET_MARKERS:
        match = marker.pattern.match(text)
        if match:
            return marker.name, match["text"].strip()
    return None


# An item's own heading over its paragraph: "(1) The accident" over "In the early morning of
# January 2, 1997 the Russian tanker ...". A heading is short and ends in no stop or joining word;
# the paragraph under it is a sentence of its own, longer than its heading. Between two
# capitalised words the line may break a name ("- UNWTO and the Gangwon" over "Provincial
# Government signed ..."): there only a word that opens sentences starts the paragraph.
_ITEM_HEADING_WORDS_MAX = 6
_PARAGRAPH_WORDS_MIN = 8
_RUNS_ON = re.compile(r"(?:[.,;:!?。、]|\b(?:and|or|of|the|in|on|for|to|with|by|at|from|a|an))$", re.I)
_OPENS_A_SENTENCE = re.compile(r"(?:The|A|An|In|On|At|From|After|Before|During|Since|This|These|It|Its)\b")


def _heads_its_paragraph(heading: str, following: str) -> bool:
    last_word = heading.split()[-1]
    return (
        len(heading.split()) <= _ITEM_HEADING_WORDS_MAX
        and _RUNS_ON.search(heading) is None
        and following[:1].isupper()
        and len(following.split()) >= max(_PARAGRAPH_WORDS_MIN, 2 * len(heading.split()))
        and (not last_word[:1].isupper() or _OPENS_A_SENTENCE.match(following) is not None)
    )


# A table of two columns with one bar between them, its header over a rule ("Item | Result" over
# "-----+-----"): each row its item, "1. Opening | Welcome address ..." read as "1. Opening: Welcome
# address ...", and a row whose first cell is blank the item's text going on
_COLUMN_HEADER_RULE = re.compile(r"^-{3,}\+-{3,}$")
_COLUMN_TABLE_ROW = re.compile(r"^(?P<label>[^|]+?)\s+\|\s+(?P<value>[^|]+)$")


def _column_table_read(lines: list[Line]) -> list[Line]:
    """``lines`` with the rows of a table of two columns read as items and their text (above);
    the table ends at a blank line."""
    read: list[Line] = []
    in_table = False
    for index, line in enumerate(lines):
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        if _COLUMN_TABLE_ROW.match(line.text) and _COLUMN_HEADER_RULE.match(following):
            in_table = True
            continue  # (the header: "Item | Result")
        if in_table and _COLUMN_HEADER_RULE.match(line.text):
            continue
        in_table = in_table and bool(line.text)
        going_on = VALUE_COLUMN_GOING_ON.match(line.text) if in_table else None
        row = _COLUMN_TABLE_ROW.match(line.text) if in_table and going_on is None else None
        if going_on is not None:
            line = Line(line.number, going_on["value"].strip())
        elif row is not None and match_bullet(row["value"].strip()):
            # ("2. Presentations | - Kyoto Prefecture: ...": the row's heading, its first bullet under it)
            read.append(Line(line.number, row["label"].strip()))
            line = Line(line.number, row["value"].strip())
        elif row is not None:
            line = Line(line.number, f"{row['label'].strip()}: {row['value'].strip()}")
        read.append(line)
    return read


def parse_contents(lines: list[Line]) -> list[Item]:
    """Nested bullets. A marker's depth is fixed by the order markers first appear:
    the first marker seen is level 1, a different one under it level 2, and so on.
    A line without a marker continues the item above it (or, under an item that is a
    heading, starts its paragraph); after a blank line it starts an item of its own.
    """
    root = Item(text="", items=[])
    stack: list[tuple[str | None, Item]] = [(None, root)]
    last: Item | None = None
    marked_line_alone = False  # (the last item is a marked line not yet continued)
    after_blank = False
    for line in _column_table_read(lines):
        if not line.text:
            after_blank = True
            continue
        bullet = match_bullet(line.text)
        if bullet:
            marker, text = bullet
            marker = _level_key(marker, line.text)
            depth = next((d for d, (name, _) in enumerate(stack) if name == marker), None)
            if depth is not None:
                del stack[depth:]
            last = Item(text=text, items=[])
            stack[-1][1].items.append(last)
            stack.append((marker, last))
            marked_line_alone = True
            after_blank = False
            continue
        if last is not None and not after_blank and marked_line_alone and _heads_its_paragraph(last.text, line.text):
            paragraph = Item(text=line.text, items=[])
            last.items.append(paragraph)
            last = paragraph
        elif last is not None and not after_blank:
            last.text = f"{last.text} {line.text}"
        else:
            last = Item(text=line.text, items=[])
            stack[0][1].items.append(last)
            del stack[1:]
            stack.append((None, last))
        marked_line_alone = after_blank = False
    return root.items


# --- declaration -----------------------------------------------------------------


CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
HANGUL_ORDINALS = "가나다라마바사아자차카타파하"  # Korean documents number items 가. 나. 다.
CJK_DIGITS = "一二三四五六七八九"  # Chinese and Japanese documents number items （一） （二）, up to 二十九

NUMBERING_STYLES = (
    LineRule("number and dot", re.compile(r"^(?P<number>\d{1,3})\.\s+(?P<text>\S.*)$")),
    LineRule("number and bracket", re.compile(r"^(?P<number>\d{1,3})\)\s*(?P<text>\S.*)$")),
    # "１．地震・津波の観測情報を…", "2、加强合作": Japanese and Chinese items, no space after the mark
    LineRule("number and wide mark", re.compile(r"^(?P<number>\d{1,3})[．、]\s*(?P<text>\S.*)$")),
    LineRule("number in brackets", re.compile(r"^\((?P<number>\d{1,3})\)\s*(?P<text>\S.*)$")),
    LineRule("circled number", re.compile(rf"^(?P<number>[{CIRCLED}])\s*(?P<text>\S.*)$")),
    LineRule("roman numeral", re.compile(r"^(?P<number>[IVX]{1,5})\.\s+(?P<text>\S.*)$")),
    # ("Article 1  Purpose" over the article's text: its heading)
    LineRule(
        "article",
        re.compile(r"^(?:Article|Art\.)\s+(?P<number>\d{1,3})\b[.:)]?\s*(?P<text>\S.*)$"),
        heads_its_text=True,
    ),
    # "Resolution 16/1 - Admission of members": the session's number, then the item's
    LineRule(
        "named item of a session",
        re.compile(
            r"^(?:Decision|Recommendation|Resolution)\s+\d{1,3}/(?P<number>\d{1,3})\b\s*[-–—.:)]?\s*(?P<text>\S.*)$"
        ),
        heads_its_text=True,
    ),
    # "Decision 1. The 10th General Assembly ...", "Recommendation 2: ..."
    LineRule(
        "named item",
        re.compile(r"^(?:Decision|Recommendation|Resolution|Item)\s+(?P<number>\d{1,3})\b[.:)]?\s*(?P<text>\S.*)$"),
    ),
    LineRule("roman in brackets", re.compile(r"^\((?P<number>[ivx]{1,5})\)\s*(?P<text>\S.*)$")),
    LineRule("letter in brackets", re.compile(r"^\((?P<number>[a-z])\)\s*(?P<text>\S.*)$")),
    LineRule("letter and bracket", re.compile(r"^(?P<number>[a-z])\)\s*(?P<text>\S.*)$")),
    LineRule("letter and dot", re.compile(r"^(?P<number>[a-z])\.\s+(?P<text>\S.*)$")),
    LineRule("hangul letter", re.compile(rf"^(?P<number>[{HANGUL_ORDINALS}])[.)]\s*(?P<text>\S.*)$")),
    LineRule(
        "cjk numeral in brackets", re.compile(rf"^[（(](?P<number>[{CJK_DIGITS}十]{{1,3}})[）)]\s*(?P<text>\S.*)$")
    ),
)


def _cjk_numeral_value(number: str) -> int:
    """一 1, 十 10, 十二 12, 二十 20, 二十九 29."""
    tens, ten, units = number.rpartition("十")
    if not ten:
        return CJK_DIGITS.index(units) + 1
    return (CJK_DIGITS.index(tens) + 1 if tens else 1) * 10 + (CJK_DIGITS.index(units) + 1 if units else 0)


def _number_value(number: str) -> int:
    if number in CIRCLED:
        return CIRCLED.index(number) + 1
    if number in HANGUL_ORDINALS:
        return HANGUL_ORDINALS.index(number) + 1
    if number[0] in CJK_DIGITS or number[0] == "十":
        return _cjk_numeral_value(number)
    if number.isdigit():
        return int(number)
    if len(number) == 1 and number.islower() and number not in "ivx":
        return ord(number) - ord("a") + 1
    values = {"I": 1, "V": 5, "X": 10}
    number = number.upper()
    total = 0
    for current, following in zip(number, number[1:] + " ", strict=True):
        value = values[current]
        total += -value if values.get(following, 0) > value else value
    return total


def match_numbering(text: str, style: LineRule | None) -> tuple[LineRule, int, str] | None:
    for candidate in (style,) if style else NUMBERING_STYLES:
        match = candidate.pattern.match(text)
        if match:
            return candidate, _number_value(match["number"]), match["text"]
    return None


# Past 999 a number opens a resolution only where it goes on from the one before in the
# same style ("1000." after "999."); elsewhere "2019." opening a line is a year.
_LONG_NUMBER = re.compile(r"^(?P<open>\(?)(?P<number>\d{4,5})(?P<close>[.)])\s*(?P<text>\S.*)$")


def _numbering_past_999(
    text: str, style: LineRule | None, resolutions: list[Resolution]
) -> tuple[LineRule, int, str] | None:
    match = _LONG_NUMBER.match(text)
    if match is None or style is None or not resolutions or int(match["number"]) != resolutions[-1].number + 1:
        return None
    return (
        (style, int(match["number"]), match["text"])
        if style.pattern.match(f"{match['open']}1{match['close']} x")
        else None
    )


def _apart_at_mail_headers(paragraph: list[Line]) -> list[list[Line]]:
    """A paragraph with each e-mail header line in it a paragraph of its own ("From: NEAR
    Secretariat" / "Sent: Wednesday, ..."), and the lines after them another."""
    parts: list[list[Line]] = []
    for line in paragraph:
        header = EMAIL_HEADER.match(line.text) is not None
        if not parts or header or EMAIL_HEADER.match(parts[-1][-1].text):
            parts.append([line])
        else:
            parts[-1].append(line)
    return parts


# A line of a closing document's signatures or witnesses is short ("Mayor, Linyi Municipal People's
# Government"); a line a page wrapped is not
_SIGNATURE_LINE_MAX = 60
_LABEL_CHARS_MAX = 40  # where a labelled row's colon stands at most ("КНР (3): ...")


def _list_of_short_lines(above: str, text: str) -> bool:
    """Whether a closing line stands apart from the one above it: after a colon ("In the presence
    of:"), or both short, as the lines of signatures and witnesses are, where the one above is no
    labelled row whose value goes on below ("КНР (3): провинция Хэйлунцзян, Автономный район
    Внутренняя" over "Монголия, ...")."""
    if text.startswith(("(", "（")):
        return False  # (an aside in brackets goes on with its line: "... Zuunmod" / "(Төв аймаг)")
    if above.endswith((":", "：")) or _same_opening_word(above, text):
        return True
    outside = outside_brackets(above[:_LABEL_CHARS_MAX])
    labelled = any(char in ":：" and outside[at] for at, char in enumerate(above[:_LABEL_CHARS_MAX]))
    return not labelled and len(above) <= _SIGNATURE_LINE_MAX and len(text) <= _SIGNATURE_LINE_MAX


def _same_opening_word(above: str, text: str) -> bool:
    """Whether two lines open with the same capitalised word, as a list's rows do ("For Jilin
    Province ... Division Chief" over "For Khabarovsk Territory ... Deputy Head")."""
    first, second = above.split(maxsplit=1), text.split(maxsplit=1)
    return bool(first and second) and first[0] == second[0] and first[0][:1].isupper()


def _reads_as_heading(text: str) -> bool:
    """Whether a numbered line's text is a heading over the item's text ("Purpose", "Admission
    of members"), not a sentence that goes on below it."""
    return len(text.split()) <= _HEADING_WORDS_MAX and not text.endswith((".", ",", ";", ":"))


def parse_declaration(heading: str, lines: list[Line]) -> Declaration:
    """Preamble paragraphs, numbered resolutions, closing paragraphs.

    The first numbering style seen is the resolutions' style. A paragraph between
    two resolutions belongs to the one before it; paragraphs after the last one
    are the closing.
    """
    preamble: list[str] = []
    resolutions: list[Resolution] = []
    trailing: list[str] = []
    style: LineRule | None = None
    for paragraph in (part for whole in paragraphs(lines) for part in _apart_at_mail_headers(whole)):
        current: Resolution | None = None
        headed = False  # (the current resolution's line is its heading alone: "Resolution 16/7 - Youth")
        for line in paragraph:
            numbered = match_numbering(line.text, style) or _numbering_past_999(line.text, style, resolutions)
            if numbered:
                style, number, text = numbered
                if trailing:
                    resolutions[-1].text = " ".join([resolutions[-1].text, *trailing])
                    trailing = []
                current = Resolution(number=number, text=text)
                resolutions.append(current)
                headed = style.heads_its_text and _reads_as_heading(text)
            elif current is not None:
                # (a heading's text after a colon: "Youth: Asks Hunan University to host ...")
                current.text = f"{current.text}{':' if headed else ''} {line.text}"
                headed = False
            elif (
                resolutions
                and trailing
                and line is not paragraph[0]
                and not opens_group(line.text)
                and not _list_of_short_lines(trailing[-1], line.text)
            ):
                trailing[-1] = f"{trailing[-1]} {line.text}"
            elif resolutions and (line is paragraph[0] or trailing):
                # (and each country's line of the signatories: "China - Heilongjiang Province, ...")
                trailing.append(line.text)
            elif line is paragraph[0]:
                preamble.append(line.text)
            else:
                preamble[-1] = f"{preamble[-1]} {line.text}"
    return Declaration(
        title=heading, kind=declaration_kind(heading), preamble=preamble, resolutions=resolutions, closing=trailing
    )


# --- other sections --------------------------------------------------------------


def verbatim_lines(lines: list[Line]) -> list[str]:
    """The section's lines with leading, trailing and repeated blank lines dropped."""
    kept: list[str] = []
    for line in lines:
        if line.text or (kept and kept[-1]):
            kept.append(line.text)
    while kept and not kept[-1]:
        kept.pop()
    return kept


# --- the record ------------------------------------------------------------------


def opens_structure(text: str) -> bool:
    """Whether a line starts something of its own (a wrapped line never does)."""
    return (
        any(marker.pattern.match(text) for marker in SECTION_MARKERS if not marker.fallback)
        or match_bullet(text) is not None
        or match_numbering(text, None) is not None
        or match_label(text) is not None
        or opens_group(text)
        or opens_bodies(text)
        or leader_row(text) is not None  # "Khentii Province ........ Mongolia": a row of a list
        or text.startswith("|")
        or " | " in text  # a table row
        or TABLE_RULE.match(text) is not None  # "+------+------+": a table's rule
        or text.lstrip().startswith("※")  # a reference mark's note ("※ Opening ceremony at ...")
    )


def _uncertain_encoding(raw: RawText) -> Note:
    """The note of a text whose code page another reads nearly as well: on its first line with
    characters beyond ASCII, where a reader sees whether they are right."""
    first_line = next((line.number for line in raw.numbered() if not line.text.isascii()), None)
    return make_note(
        "uncertain-encoding",
        f"The file was read as {raw.encoding}, but {raw.rival_encoding} reads its bytes nearly as well into "
        "other characters: check that the names written in their own script are right (else save the file "
        "as UTF-8).",
        first_line,
    )


# A news page's lead: "The NEAR Forum on ... was held on 25–26 June 2019 in Erdenesant soum ..., Mongolia."
_HELD_IN = re.compile(
    r"\bwas held\s+(?:on|from)\s+(?P<period>[^.;]{4,60}?\d{4})\s+(?:in|at)\s+(?P<venue>[A-Z][^;]{2,200}?)"
    r"(?:\.(?:\s|$)|;|,\s+(?:about|with|and|under|co-)\b)"
)
# (a closing document's preamble: "Noting the results of the 2025 NEAR Forum on ..., held from 14 to
# 16 October 2025 in Mengyin County (蒙阴县), Linyi City (临沂市), Shandong Province;")
_HELD_IN_PREAMBLE = re.compile(_HELD_IN.pattern.replace(r"\bwas held", r"\bheld", 1))


def _when_and_where(number: int, period: str, venue: str | None) -> list[Line]:
    """A period and a venue read from prose or a title's line, as fields of an overview."""
    return [Line(number, f"Date: {period}"), *([Line(number, f"Venue: {venue}")] if venue else [])]


def _with_when_and_where(overview: Overview | None, fields: list[Line], notes: list[Note]) -> Overview:
    """``overview`` with the period and the venue of ``fields`` where it gives none."""
    found = parse_overview(fields, notes)
    if overview is None:
        return found
    return overview.model_copy(
        update={"period": overview.period or found.period, "venue": overview.venue or found.venue}
    )


def _held_in_lead(lines: list[Line]) -> list[Line] | None:
    """The period and the venue a news page's lead gives its meeting, as fields of an overview
    (its first lines: LEAD_LINES), else None."""
    for index in lead_lines([line.text for line in lines]):
        if held := _HELD_IN.search(lines[index].text):
            number = lines[index].number
            return _when_and_where(number, held["period"], held["venue"])
    return None


# A line of the page's head that is a place's chain, then when: "Tambovka, Tambovsky District, Amur
# Oblast, Russian Federation, 24-25 July 2001", "Xingyang, Zhengzhou, Henan Province, P.R. China -
# 11-13 September 2007" (each of the place's words capitalised but for its joining words)
_PLACE_AND_PERIOD = re.compile(
    r"^(?P<venue>[^\W\d][^\d]{2,150}?,[^\d]{2,150}?)(?:\s+[-–—]\s+|,\s+)(?P<period>(?=\d|[A-Za-z]{3,9}\.?\s+\d)[^;]{4,40}?\d{4})\.?$"
)
_PLACE_JOINING_WORDS = frozenset({"of", "and", "the", "de"})


def _place_and_period_line(lines: list[Line]) -> list[Line] | None:
    """The period and venue a line among the page's first (LEAD_LINES) gives, as fields of an
    overview, where it is a place's chain then a range of dates or a date, else None."""
    for line in [line for line in lines if line.text][:LEAD_LINES]:
        match = _PLACE_AND_PERIOD.match(line.text)
        if match is None or not all(
            word[:1].isupper() or word in _PLACE_JOINING_WORDS or word[:1] in "(（"
            for word in match["venue"].replace(",", " ").split()
        ):
            continue
        try:
            parse_period(match["period"])
        except DateError:
            continue
        # (the meeting named before its place is no part of it: "Second Meeting, Elizovo (Елизово), ...")
        parts = list(itertools.dropwhile(_names_its_meeting, match["venue"].split(", ")))
        return _when_and_where(line.number, match["period"], ", ".join(parts) or None)
    return None


def _held_in_preamble(lines: list[Line]) -> list[Line] | None:
    """The period and the venue a closing document's preamble gives the meeting it comes from
    (its paragraphs above the first numbered one), as fields of an overview, else None."""
    for paragraph in paragraphs(lines):
        if match_numbering(paragraph[0].text, None) is not None:
            return None
        if held := _HELD_IN_PREAMBLE.search(" ".join(line.text for line in paragraph)):
            number = paragraph[0].number
            return _when_and_where(number, held["period"], held["venue"])
    return None


def parse(raw: RawText) -> Record:
    lines, unwrapped = unwrap(raw.numbered(), opens_structure, bare_group_heading)
    repairs: list[RepairKind] = list(raw.repairs)
    if unwrapped:
        repairs.append("unwrapped")
    if not any(line.text for line in lines):
        raise InputError(raw.file, 1, "the file is empty")
    title, preface, drafts = split_sections(lines)
    by_kind: dict[str, SectionDraft] = {}
    others: list[Section] = []
    told_from = None  # (the first line of the preface that is an other section: all of it, or its report)
    letter: list[Line] = []  # (a letter above the overview's fields: a section of its own)
    if preface and any(line.text for line in preface):
        fields, _ = collect_fields(preface)
        # (a later section of the overview's kind that holds no field, "SUMMARY" in prose, is no overview)
        if any(raw_field.kind for raw_field in fields) and not any(
            d.kind == "overview" and _has_fields(d.lines) for d in drafts
        ):
            letter, preface = _letter_above_fields(preface, next(field.line for field in fields if field.kind))
            fields_lines = _fields_apart_from_report(preface, others)
            # (the report below the fields, else the letter above them)
            told = preface[len(fields_lines)] if len(fields_lines) < len(preface) else next(iter(letter), None)
            told_from = told.number if told else None
            preface = fields_lines
            by_kind["overview"] = SectionDraft(None, preface[0].number, "overview", preface)
        elif _titled_document(title, preface, drafts):
            by_kind["declaration"] = SectionDraft(title, preface[0].number, "declaration", preface)
        else:
            others.append(Section(heading=None, lines=verbatim_lines(preface)))
            told_from = preface[0].number
    # (the page's head, a fax's cover, an approval stamp, above those lines: first, in the text's order)
    leading = list(
        itertools.takewhile(
            lambda draft: (
                draft.heading is None and draft.kind is None and told_from is not None and draft.line < told_from
            ),
            drafts,
        )
    )
    # (and the letter among them, in the text's order)
    above = sorted([draft.lines for draft in leading] + ([letter] if letter else []), key=lambda part: part[0].number)
    others = [Section(heading=None, lines=verbatim_lines(part)) for part in above] + others
    drafts = drafts[len(leading) :]
    if "overview" not in by_kind and not any(d.kind == "overview" and _has_fields(d.lines) for d in drafts):
        # "1. DATE" over "November 14 (Tue.) - 16 (Thu.), 2000", "2. VENUE" over its place: a field
        # a heading, its value the section under it
        # (fields of one value only: a list of those present under its heading is read as a section)
        headed = [
            draft
            for draft in drafts
            if draft.kind is None and draft.heading and field_kind(draft.heading) in _HEADED_FIELD_KINDS
        ]
        if len(headed) >= _HEADED_FIELDS_MIN:
            by_kind["overview"] = SectionDraft(None, headed[0].line, "overview", _headed_fields(headed))
            drafts = [draft for draft in drafts if draft not in headed]
    delegates: tuple[int, SectionDraft] | None = None  # (where it stands among the others, and it)
    for draft in drafts:
        if draft.kind == "delegates" and delegates is None:
            delegates = (len(others), draft)
            continue
        report: list[Line] = []  # (prose below the section's list: a section of its own after it)
        # a "Participants" section of people and their bodies, not of authorities by country, is prose
        # (unless its heading says it lists regions: "PARTICIPATING REGIONS" numbered one by one)
        if draft.kind == "participation" and not (_lists_authorities(draft.lines) or _names_regions(draft.heading)):
            draft = dataclasses.replace(draft, kind=None)
        elif draft.kind == "overview" and "overview" not in by_kind:  # (a box of fields, "Workshop at a glance")
            draft = dataclasses.replace(draft, lines=_fields_apart_from_report(draft.lines, others))
        elif (
            draft.kind == "contents"
            and "overview" not in by_kind
            and _holds_the_meetings_fields(
                field_lines := _fields_apart_from_report(draft.lines, reported := list[Section]())
            )
        ):
            # "MINUTES / of the meeting of ... / [Дата / Date] ...": a minutes' heading over the
            # meeting's fields, where nothing else gives them, heads the overview
            others.extend(reported)
            draft = dataclasses.replace(draft, kind="overview", lines=field_lines)
        elif draft.kind == "participation":
            listed, report = prose_paragraphs(draft.lines)
            if report:  # (a paragraph on the meeting below the list is a section of its own, with no heading)
                draft = dataclasses.replace(draft, lines=listed)
        elif draft.kind == "contents" and (report_at := _prose_after_list(draft.lines)) is not None:
            # (and the paragraphs below a list of items, a page's footer after them: not more items)
            draft, report = dataclasses.replace(draft, lines=draft.lines[:report_at]), draft.lines[report_at:]
        if draft.kind and draft.kind not in by_kind:
            by_kind[draft.kind] = draft
        else:
            others.append(Section(heading=draft.heading, lines=verbatim_lines(draft.lines)))
        if report:
            others.append(Section(heading=None, lines=verbatim_lines(report)))
    texts = [line.text for line in lines]
    # (the page's own lines, its portal's menus and lines of publication aside: its lead is among the first)
    page_lines = [line for line in lines if not _furniture(line.text)]
    named = title and (meeting_kind(title) or native_meeting_kind(title))
    if not by_kind and not named and lead_meeting([title or "", *(line.text for line in page_lines)]) is None:
        first = next(line.number for line in lines if line.text)
        raise InputError(
            raw.file, first, "no recognisable structure: no meeting title and no Overview, Contents or Declaration"
        )

    notes: list[Note] = [
        make_note("repaired-text", f"The text was repaired: {REPAIR_WORDS[repair]}.") for repair in repairs
    ]
    if raw.rival_encoding is not None:
        notes.append(_uncertain_encoding(raw))
    overview = parse_overview(by_kind["overview"].lines, notes) if "overview" in by_kind else None
    if not (overview and (overview.period or overview.venue)) and (held := _held_in_lead(page_lines)) is not None:
        overview = _with_when_and_where(overview, held, notes)  # a news page: when and where its lead says
    if not (overview and overview.period) and (dated := _place_and_period_line(page_lines)) is not None:
        # a title's line of where and when: "Xingyang, Zhengzhou, Henan Province, P.R. China - 11-13 September 2007"
        overview = _with_when_and_where(overview, dated, notes)
    if "participation" in by_kind:
        listed = by_kind["participation"].lines
        overview = _with_listed(overview, parse_participation(listed, notes), participation_remarks(listed))
    elif (
        delegates is not None
        and not (overview and overview.participation and overview.participation.groups)
        and _lists_authorities(delegates[1].lines)
    ):
        # the delegates' section lists the authorities, where nothing else does
        listed = delegates[1].lines
        overview = _with_listed(overview, parse_participation(listed, notes), participation_remarks(listed))
        delegates = None
    if delegates is not None:
        at, draft = delegates
        others.insert(at, Section(heading=draft.heading, lines=verbatim_lines(draft.lines)))
    contents = parse_contents(by_kind["contents"].lines) if "contents" in by_kind else []
    declaration = (
        parse_declaration(by_kind["declaration"].heading or "", by_kind["declaration"].lines)
        if "declaration" in by_kind
        else None
    )
    if (
        declaration
        and not (overview and (overview.period or overview.venue))
        and (held := _held_in_preamble(by_kind["declaration"].lines)) is not None
    ):
        overview = _with_when_and_where(overview, held, notes)
    if overview and (named_field := title_field(overview)):
        if title:  # (the line taken for the title, a letterhead or a greeting, is kept as written)
            others.insert(0, Section(heading=None, lines=[title]))
        title = named_field.text
        overview = overview.model_copy(update={"other": [kept for kept in overview.other if kept is not named_field]})
    if overview and overview.period:
        overview = overview.model_copy(update={"period": _settle_ambiguous(overview.period, texts, notes)})
    start = overview.period.start if overview and overview.period else None
    record = Record(
        source=Source(file=raw.file, sha256=raw.sha256, encoding=raw.encoding, repairs=repairs),
        title=title,
        # Without a title, the closing document's heading names the meeting before any other line.
        meeting=read_meeting(title, [declaration.title, *texts] if declaration else texts, start),
        overview=overview,
        contents=contents,
        declaration=declaration,
        sections=others,
        entities=[],
        notes=[],
    )
    record.notes = [*quality_notes(record, found_sections=set(by_kind)), *notes]
    return record


_REGIONS_WORD = re.compile(r"\b(?:regions|members|governments|authorities)\b", re.I)


def _names_regions(heading: str | None) -> bool:
    return heading is not None and _REGIONS_WORD.search(heading) is not None


def _prose_after_list(lines: list[Line]) -> int | None:
    """Where a paragraph of prose opens after the last item of a list marked with bullets or
    numbers ("1. ...", "2. ...", "3. ...", then "По итогам заседания участники посетили ..."): all
    from it on is no item of the list. None where no such paragraph follows one."""
    marked = [index for index, line in enumerate(lines) if line.text and match_bullet(line.text) is not None]
    if not marked:
        return None
    return next(
        (
            index
            for index in range(marked[-1] + 1, len(lines))
            if lines[index].text and not lines[index - 1].text and prose_paragraph(lines[index:])
        ),
        None,
    )


def _letter_above_fields(lines: list[Line], first_field: int) -> tuple[list[Line], list[Line]]:
    """(a letter above the overview's fields, the fields and what follows them): a fax's cover
    letter, "Dear colleagues, / Attached please find the record of ...", its lines up to the
    line ``first_field``, where they hold a paragraph of prose; else none."""
    first = next(at for at, line in enumerate(lines) if line.number == first_field)
    if any(lines[at].text and prose_paragraph(lines[at:]) for at in range(first)):
        return lines[:first], lines[first:]
    return [], lines


def _fields_apart_from_report(lines: list[Line], others: list[Section]) -> list[Line]:
    """The lines of an overview's fields; the report below them, if any, is a section of its
    own with no heading, added to ``others``, with the numbered heading over it ("5. PROCEEDINGS")."""
    report_at = prose_after_fields(lines)
    if report_at is None:
        return lines
    above = next((at for at in range(report_at - 1, -1, -1) if lines[at].text.strip()), None)
    if above is not None and numbered_heading(lines[above].text):
        report_at = above
    others.append(Section(heading=None, lines=verbatim_lines(lines[report_at:])))
    return lines[:report_at]


_MEETINGS_FIELDS = frozenset({"period", "venue", "organizer"})


def _holds_the_meetings_fields(lines: list[Line]) -> bool:
    """Whether a section's lines give at least two of when, where and by whom the meeting was held."""
    return len({raw_field.kind for raw_field in collect_fields(lines)[0]} & _MEETINGS_FIELDS) >= 2


# How many fields as headings make an overview of them ("DATE", "VENUE"; not one "Venue" alone)
_HEADED_FIELDS_MIN = 2
_HEADED_FIELD_KINDS = frozenset({"period", "venue", "organizer"})


def _headed_fields(drafts: list[SectionDraft]) -> list[Line]:
    """Sections headed by a field's label as the overview's lines: the label before the first line
    of its value ("DATE: November 14 (Tue.) - 16 (Thu.), 2000"), the rest of the value after it."""
    fields: list[Line] = []
    for draft in drafts:
        value = [line for line in draft.lines if line.text]
        first = value[0].text if value else ""
        fields += [Line(draft.line, f"{draft.heading}: {first}".rstrip()), *value[1:], Line(draft.line, "")]
    return fields


def _has_fields(lines: list[Line]) -> bool:
    """Whether a section's lines hold a field the overview knows ("Date: ...")."""
    return any(raw_field.kind for raw_field in collect_fields(lines)[0])


def _lists_authorities(lines: list[Line]) -> bool:
    """Whether a section's lines list authorities by country (a group's heading, a table's, an
    authority with its country), not only people and their bodies."""
    return any(
        opens_group(line.text)
        or heads_table(line.text)
        or country_row(line.text)
        or placed_in_country(line.text)
        or lists_by_country(line.text) is not None
        for line in lines
        if line.text
    )


def _with_listed(overview: Overview | None, listed: Participation, remarks: list[str]) -> Overview:
    """The overview with the authorities (and delegates) a section of their own lists, under the
    summary the overview's participation field states, and the list's remarks as fields of their own."""
    fields = [LabelledField(label=REMARK_LABEL, text=remark) for remark in remarks]
    if overview is None:
        return Overview(period=None, venue=None, organizer=None, participation=listed, other=fields)
    stated = overview.participation
    if stated is not None:
        listed = stated.model_copy(
            update={"groups": [*stated.groups, *listed.groups], "delegates": [*stated.delegates, *listed.delegates]}
        )
    return overview.model_copy(update={"participation": listed, "other": [*overview.other, *fields]})


def _settle_ambiguous(period: Period, texts: list[str], notes: list[Note]) -> Period:
    """A numeric date that reads both ways is read the way the text writes it elsewhere in
    words ("03/04/2010" and "on 4 March 2010"); the ambiguous-date note stays, saying why."""
    if period.start is None or not is_ambiguous(period.text):
        return period
    try:
        start, end = parse_period(month_first(period.text))
    except DateError:
        return period
    mentioned = dates_in_words("\n".join(texts))
    if start in mentioned and period.start not in mentioned:
        for index, note in enumerate(notes):
            if note.code == "ambiguous-date":
                notes[index] = make_note(
                    "ambiguous-date",
                    f"'{period.text}': day and month cannot be told apart; read as {start.isoformat()}, "
                    "the date the text writes in words.",
                    note.line,
                )
        return period.model_copy(update={"start": start, "end": end})
    return period


REPAIR_WORDS: dict[RepairKind, str] = {
    "mojibake": "characters garbled by a wrong encoding (mojibake) were restored",
    "quoting": "e-mail quoting ('> ') was removed from the start of its lines",
    "unwrapped": "lines hard-wrapped at a fixed width were joined",
    "markup": "Markdown or HTML decoration was removed",
    "page furniture": "a printed document's running headers and footers, with its page numbers, were removed",
    "spreadsheet": "a spreadsheet's rows, exported with their cells parted by commas, were read as a table",
}
