"""Parse the overview section: labelled fields, venue, organizer, participation.

Every layout and synonym is a named row in a table below; adding a variant is
adding a row.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..record import (
    LabelledField,
    Note,
    Organizer,
    Overview,
    ParticipantGroup,
    Participation,
    Period,
    Venue,
)
from .countries import canonical_country, country_code, country_name
from .dates import DateError, is_ambiguous, parse_period
from .notes import make_note
from .text import (
    CJK_NUMERALS,
    LETTER_SPACED_CJK,
    NAME_ENDING_ABBREVIATIONS,
    SPREAD_BETWEEN_CJK,
    Line,
    ends_in_post,
    english_words,
    is_post,
    is_post_of,
    latin_side,
    name_before_aside,
    names_a_post,
    other_script_only,
    split_aside,
    split_top_level,
    split_top_level_at,
    translation_of,
)
from .unwrap import join_wrapped, rejoined_paragraphs


@dataclass(frozen=True)
class LabelLayout:
    """How a line can carry a field label; ``value`` may be empty (values follow)."""

    name: str
    pattern: re.Pattern[str]
    known_labels_only: bool
    # also the labels the overview knows to be no field of its own ("Chair", "Languages"): a
    # table's label column holds nothing else
    other_known_labels: bool = False


LABEL_LAYOUTS = (
    LabelLayout("reference mark", re.compile(r"^※\s*(?P<label>[^:：]{1,40}?)\s*[:：]\s*(?P<value>.*)$"), False),
    LabelLayout("angle brackets", re.compile(r"^<(?P<label>[^<>]{1,40})>\s*[:：]?\s*(?P<value>.*)$"), False),
    # "[Date] 26–27 October 2019", "【Purpose】 Preparation of ...": the brackets make a label of it
    LabelLayout(
        "square brackets", re.compile(r"^[\[【](?P<label>[^\[\]【】]{1,40})[\]】]\s*[:：]?\s*(?P<value>.+)$"), False
    ),
    # "[Дата / Date]" alone on its line, its value on the lines below: a known label only
    LabelLayout(
        "square brackets, values below", re.compile(r"^[\[【](?P<label>[^\[\]【】]{1,40})[\]】]\s*(?P<value>)$"), True
    ),
    LabelLayout("inline colon", re.compile(r"^(?P<label>[^\W\d_][^:：]{0,39}?)\s*[:：]\s*(?P<value>.*)$"), False),
    # "Хамтран зохион байгуулагч / Co-organizers: ...": a known label in two languages, longer than
    # one in one language may be
    LabelLayout(
        "two languages, inline colon",
        re.compile(r"^(?P<label>[^\W\d_][^:：/]{0,39}?\s/\s[^\W\d_][^:：/]{0,29}?)\s*[:：]\s*(?P<value>.*)$"),
        True,
    ),
    # "◇Date 2015年10月27日", "◇Organizers Hyogo Prefecture／Tamba City": a bullet, a known label and
    # its value after a space, no colon on the line (nor a bracket after the label: "○ 일시 (Date) : ...")
    LabelLayout(
        "bullet and space",
        re.compile(r"^[◇◆■□●○・•▶►▷]\s*(?P<label>[^\W\d_][\w ]{0,30}?)\s+(?P<value>[^\s(（:：\-–—][^:：]*)$"),
        True,
        other_known_labels=True,
    ),
    # "1. DATE 22 (Thu.) - 23 (Fri.) July 1993", "3. CONVENED BY Shimane Prefecture": a numbered
    # label in capitals and its value on its line, as a typed record numbers them
    LabelLayout(
        "numbered capitals",
        re.compile(r"^\d{1,2}[.)]\s+(?P<label>[A-Z]{2,}(?:\s[A-Z]{2,}){0,3})\s+(?P<value>[^\s:：].*)$"),
        True,
    ),
    # "Participants (17 regional governments from 5 countries; observers in brackets): ...": the
    # aside is the value's start (a known label only: "Note (see below): ..." is no field)
    LabelLayout(
        "aside before the colon",
        re.compile(r"^(?P<label>[^\W\d_][^:：()]{0,39}?)\s*(?P<aside>\([^()]{1,100}\))\s*[:：]\s*(?P<value>.*)$"),
        True,
    ),
    # "（四）参会地方政府（括号内为英文名称）" over the list: a known label and a remark on how
    # its values are written, no colon, the values on the lines below
    LabelLayout(
        "aside, values below",
        re.compile(r"^(?P<label>[^\W\d_][^:：()（）]{0,39}?)\s*[(（][^()（）:：]{1,40}[)）]\s*(?P<value>)$"),
        True,
    ),
    LabelLayout(
        "dot leader",
        re.compile(r"^(?P<label>[^\W\d_][^:：.]{0,39}?)(?:\s*\.{4,}|\s+\.{3,})\s*[:：]?\s*(?P<value>.*)$"),
        False,
    ),
    # "Participants .. 16 regions": a long label in a dot-leader block leaves room for two dots
    LabelLayout("short dot leader", re.compile(r"^(?P<label>[^\W\d_][^:：.]{0,39}?)\s+\.{2}\s+(?P<value>.+)$"), True),
    # (a dash between the columns only leads to the value: "Date | — | 16–18 September 2008",
    # "Dates | — 12–14 July 2016")
    LabelLayout(
        "column",
        re.compile(r"^(?P<label>[^\W\d_][^|:：]{0,39}?)\s+\|\s+(?:[-–—]\s+(?:\|\s+)?)?(?P<value>.+)$"),
        True,
        other_known_labels=True,
    ),
    LabelLayout("dash", re.compile(r"^(?P<label>[^\W\d_][^:：]{0,30}?)\s+(?:--|[-–—])\s+(?P<value>.+)$"), True),
    # "Co-organized by KOTRA and the Inchon Chamber of Commerce": the "by" ends the label
    LabelLayout(
        "by",
        re.compile(r"^(?P<label>(?:co-?)?(?:organi[sz]ed|hosted|convened)\s+by)\s+(?P<value>[^\s:：].*)$", re.I),
        True,
    ),
    LabelLayout("label line", re.compile(r"^(?P<label>[^\W\d_][^:：]{0,39}?)\s*[:：]?(?P<value>)$"), True),
)

# Field kinds by label synonym, matched against the label lower-cased with punctuation removed;
# after the English, the labels of pages in Korean, Japanese and Chinese (a label of Hangul or
# CJK characters is matched without the spaces a table spreads it with: "기 간", "日　時").
FIELD_SYNONYMS = (
    (
        "period",
        re.compile(
            r"periods?|dates?|duration|when|term|times?|times? (and )?dates?|dates? (and )?times?"
            r"|(meeting|event) dates?|schedule"
            # ("Period of the session", "Dates of the forum")
            r"|(dates?|periods?|times?) of (the )?(meeting|event|forum|conference|session|seminar|workshop|assembly)"
            r"|기간|일시|일자|회기|개최\s?기간|日時|期間|会期|開催日|开会时间|会议时间|会议日期|举办时间|时间|日期|期间|會期|時間"
        ),
    ),
    (
        "venue",
        re.compile(
            r"venues?( place)?|place|location|site|where|meeting place"
            # ("Place of the meeting", "Venue of the session")
            r"|(meeting )?(venue|place|location) of (the )?(meeting|event|forum|conference|session|seminar|workshop)"
            r"|장소|개최\s?장소|개최지|場所|会場|開催地|开会地点|会议地点|举办地点|地点|会场|地點|會場"
        ),
    ),
    (
        "organizer",
        re.compile(
            r"(co )?organi[sz](ed by|ed for|ers?)|(co )?hosts?|(co )?hosted by|host (region|government)s?|convened by"
            r"|(host|hosting|organi[sz]ing) (organi[sz]ation|institution|body|authority|committee)s?"
            r"|주최|주관|공동\s?주최|主催|共催|主办|主办单位|承办|承办单位|主辦|主辦單位|承辦"
        ),
    ),
    (
        "participation",
        re.compile(
            r"participation|participants?|participating (regions|governments|members|authorities)"
            r"|list of participants|participants list"
            r"|attendance|attendees|delegations|present|members present|present in person"
            r"|참석|참가|참석자|참가자|참가\s?지역|参加|出席|参加者|出席者|参加団体|参会|参会人员|出席人员|参加单位|参会地方政府|参会地区|与会地方政府|與會"
            r"|присутствовали|участники"
        ),
    ),
)

_LABEL_PUNCTUATION = re.compile(r"[^\w\s]+")


_PLURAL_MARK = re.compile(r"\((?:s|es)\)", re.IGNORECASE)  # "Date(s)", "Host(s)"


def label_key(label: str) -> str:
    label = _PLURAL_MARK.sub("s", label.lower())
    return " ".join(_LABEL_PUNCTUATION.sub(" ", label).replace("_", " ").split())


# (every line of an overview is asked whether it opens with a label, by each layout of
# LABEL_LAYOUTS: the same few hundred words, again and again, across texts)
@lru_cache(maxsize=4096)
def field_kind(label: str) -> str | None:
    """The field a label names; a bilingual label ("日時 Date") by its English words."""
    key = SPREAD_BETWEEN_CJK.sub("", label_key(_LABEL_BULLET.sub("", label.strip())))
    english = english_words(key)
    for candidate in dict.fromkeys((key, english)):
        for kind, synonyms in FIELD_SYNONYMS:
            if candidate and synonyms.fullmatch(candidate):
                return kind
    return None


# A field that names the meeting ("Title: 2026 NEAR Working Committee Meeting", "Хурлын нэр / Title"):
# the record's title, whatever line heads the page (a letterhead, a fax's banner, a greeting)
TITLE_LABEL = re.compile(
    r"(?:meeting |event |official )?title|name of (?:the )?(?:meeting|event)|(?:meeting|event) name"
    r"|회의명|행사명|会議名|会议名称|名称"
)


def title_field(overview: Overview) -> LabelledField | None:
    """The overview's field that names the meeting, if one does (by its English words too)."""
    for labelled in overview.other:
        key = label_key(labelled.label)
        if labelled.text and any(
            candidate and TITLE_LABEL.fullmatch(candidate) for candidate in (key, english_words(key))
        ):
            return labelled
    return None


# Labels of the web page around a record, not of the meeting: "Photo: delegations in front
# of the hotel" is a caption pasted with the text.
PAGE_FURNITURE = re.compile(
    r"photos?|pictures?|images?|photo gallery|gallery|videos?|downloads?|links?|click here|print|share",
    re.IGNORECASE,
)


_LABEL_FUNCTION_WORDS = frozenset({"of", "the", "a", "an", "for", "and", "in", "on", "by", "to"})


def _plausible_other_label(label: str) -> bool:
    """An unknown inline label: a short name (four words, or an of-phrase of three words
    besides "of" and "the": "Coordinating region of the subcommittee"), not a country, an
    observer marker or page furniture."""
    words = label.split()
    content = [word for word in words if word.lower() not in _LABEL_FUNCTION_WORDS]
    of_phrase = "of" in words[1:] and words[0].lower() not in _LABEL_FUNCTION_WORDS and len(content) <= 3
    return (
        not PAGE_FURNITURE.fullmatch(label_key(label))
        and (len(words) <= 4 or (of_phrase and len(words) <= 6))
        and not label[0].islower()  # a capital, or a script without case ("주 제 (Theme)")
        and not any(ch.isdigit() or ch in ",;" for ch in label)
        and label.count("(") == label.count(")")  # "Subcommittee on Mining (coordinator: ...)": a value's aside
        and country_code(label) is None
        and "observer" not in label.lower()
    )


@dataclass
class RawField:
    label: str
    line: int
    values: list[Line] = field(default_factory=list)

    @property
    def kind(self) -> str | None:
        return field_kind(self.label)

    @property
    def text(self) -> str:
        """The value's lines joined; a line in another script than the one before it is its
        translation, after a slash ("Правительство Приморского края; ..." over "Government of
        Primorsky Krai; ...": not one body's name run on into the other's)."""
        text = ""
        for line, translated in _value_lines(self.values):
            text = f"{text} / {line}" if translated else f"{text} {line}" if text else line
        return text


def _value_lines(values: list[Line]) -> Iterator[tuple[str, bool]]:
    """Each of a value's lines, and whether it translates the line before it into another script
    (then without the slash it may open with, "／ Hotel Kaga-no-Yakata, ...": the join gives one)."""
    for before, value in zip([None, *values], values, strict=False):
        if before is not None and translation_of(before.text, value.text):
            yield value.text.lstrip("/／").lstrip(), True
        else:
            yield value.text, False


def _without_stray_bracket(label: str) -> str:
    """A label without a bracket at its end or start that has no partner in it: "Coordinator]"
    of "| Coordinator] | ... |", a table whose label's opening bracket was lost."""
    if label.endswith(("]", "】")) and not any(char in label for char in "[【"):
        return label[:-1].rstrip()
    if label.startswith(("[", "【")) and not any(char in label for char in "]】"):
        return label[1:].lstrip()
    return label


# (asked of each line of an overview again by each pass that gathers its fields, and of the
# same labels across texts: cached, 7% less time reading and parsing)
@lru_cache(maxsize=8192)
def match_label(text: str) -> tuple[str, str] | None:
    for layout in LABEL_LAYOUTS:
        match = layout.pattern.match(text)
        if not match:
            continue
        label = match["label"].strip().rstrip(". ")  # "Period......: ..." is the label Period
        label = _without_stray_bracket(label)
        if not label:  # "※ :": a mark and a colon, no label
            continue
        value = match["value"].strip()
        if "aside" in match.re.groupindex:
            value = f"{match['aside'][1:-1]}: {value}" if value else match["aside"][1:-1]
        if field_kind(label) is not None:
            return label, value
        if layout.other_known_labels and NON_PARTICIPATION_LABELS.fullmatch(label_key(label)):
            return label, value
        if not layout.known_labels_only and _plausible_other_label(label):
            return label, value
    return None


# A row of a table drawn with bars at both ends: its cells
_TABLE_ROW = re.compile(r"^\|\s*(?P<cells>\S.*?)\s*\|$")
_EMPTY_FIRST_CELL = re.compile(r"^\|\s*\|")
_ASIDE_ALONE = re.compile(r"^[(（][^()（）]*[)）]$")
# "・Date: ...", "ㅇ 일시 (Date) : ...", "o PERIOD : ...": a list marker before a label (a small
# "o" is Word's second-level bullet pasted as a letter, so a space follows it); or a Chinese
# numeral in brackets, as Chinese pages number their fields ("（一）时间 Date：...")
_LABEL_BULLET = re.compile(rf"^(?:[・·•ㅇ○◦▪‣*▶►▷▸◆◇■□●◎❖♦➢➤→☞-]\s*|o\s+|[（(][{CJK_NUMERALS}]{{1,3}}[)）]\s*)")
# A number before a label, as Japanese, Korean and typed records number their fields ("１．日　時
# (Date)　：...", "2. PLACE : ...")
_LABEL_NUMBER = re.compile(r"^(?P<number>[0-9０-９]{1,2})\s*[.．)）]\s*")


_NUMBERED_HEADING_WORDS = 6


def numbered_heading(text: str) -> bool:
    """A numbered line of a few words with no value, as the fields' numbering goes on into the
    record's parts ("5. PROCEEDINGS" after "4. ATTENDANCE : ..."): a heading."""
    number = _LABEL_NUMBER.match(text)
    rest = text[number.end() :].strip() if number else ""
    return bool(rest) and match_label(rest) is None and len(rest.split()) <= _NUMBERED_HEADING_WORDS


def _numbered_field(text: str) -> tuple[str, str] | None:
    """The label and value of a line that numbers its field (``_LABEL_NUMBER``)."""
    number = _LABEL_NUMBER.match(text)
    return match_label(text[number.end() :]) if number else None


def collect_fields(lines: list[Line]) -> tuple[list[RawField], list[Line]]:
    """Group lines under their labels. Returns the fields and lines before any label.

    Inside the participation field only known labels start a new field, since
    its values ("Japan: ...", "Observers: ...") look like labels themselves.
    """
    fields: list[RawField] = []
    unlabelled: list[Line] = []
    lines = _footnotes_joined(lines)
    last_number = None  # (the number of the last field, where the fields are numbered: "4. Participants")
    in_columns = False  # (the fields are a table's two columns, a bar between them and none around)
    for index, line in enumerate(lines):
        if not line.text or TABLE_RULE.match(line.text):  # (a table's rule between its rows is no value)
            continue
        column_going_on = VALUE_COLUMN_GOING_ON.match(line.text) if in_columns else None
        if column_going_on is not None:
            line = Line(line.number, column_going_on["value"])  # "                    | Nagan-myon, Sunchon City"
        if NOTES_HEADING.match(line.text) and fields and fields[-1].kind == "participation":
            continue  # "Notes:" over the list's footnotes, each a remark of its own
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        # (a table drawn with bars, "| Item | Details |" over "|------|------|", or aligned with spaces,
        # "No. | Item | Particulars" over "--- | ---- | ----")
        above = lines[index - 1].text if index else ""
        header = (
            (_TABLE_ROW.match(line.text) and following.startswith("|"))
            # (not a table's last row over its bottom rule: a header opens its block)
            or (" | " in line.text and following.startswith("-") and not above.strip())
        ) and TABLE_RULE.match(following)
        in_participation = bool(fields) and fields[-1].kind == "participation"
        row = COLUMN_ROW.match(line.text) if in_columns and in_participation else None
        if row is not None and match_label(line.text) is None and _heads_a_list(row["label"].strip()):
            # a row of the list's own, its heading in the label's column: "Observers | Ministry of ..."
            line = Line(line.number, f"{row['label'].strip()}: {row['value'].strip()}")
        cells = _TABLE_ROW.sub(r"\g<cells>", line.text)
        if header and not heads_table(cells) and not (in_participation and heads_bodies(cells)):
            continue  # "| Item | Details |" over "|------|------|": the header of a table of fields names no field
        number = _LABEL_NUMBER.match(line.text)
        numbered = match_label(line.text[number.end() :]) if number else None
        labelled = (
            numbered
            or match_label(line.text)
            or match_label(_LABEL_BULLET.sub("", line.text))
            or match_label(_TABLE_ROW.sub(r"\g<cells>", line.text))  # "| Period | 9-11 September 2008 |"
            or _table_row_label(line.text)
            # "Also present" alone on its line, the bodies below it: a label though it has no colon
            or (in_participation and _ends_participation(line.text) and (line.text.strip(), ""))
            # "Plenary hall       | Folk Village Culture Hall": under a known label's row, any label's
            or (in_columns and not in_participation and _column_row_label(line.text))
        )
        # (the table goes on over its rows, and over its values' lines going on, whatever they read)
        in_columns = bool(labelled and COLUMN_ROW.match(line.text)) or (
            in_columns and (column_going_on is not None or not labelled)
        )
        if (
            number
            and last_number is not None
            and int(number["number"]) == last_number + 1
            and not (labelled and field_kind(labelled[0]))
        ):
            # the next number opens the next field, whatever its label ("5. Agenda" after "4. Participants:
            # ..." and its table): no value of the list above it
            label, value = labelled or (line.text[number.end() :].strip(), "")
            fields.append(RawField(label, line.number, [Line(line.number, value)] if value else []))
            last_number += 1
            continue
        if labelled and in_participation and field_kind(labelled[0]) == "participation":
            # "Present: 14 member regional governments ..., as listed below." over "Members
            # present" and the list: the list's own heading goes on with the field
            if labelled[1]:
                fields[-1].values.append(Line(line.number, labelled[1]))
            if number and numbered is not None:  # ("4. List of participants" under "3. Participants: ...")
                last_number = int(number["number"])
            continue
        known = field_kind(labelled[0]) if labelled else None
        # (inside the list, a field given already, in another script, is its translation: "장소:"
        # after "Venue"; kept as a field before the list, which goes on after it)
        if (
            labelled
            and in_participation
            and known is not None
            and not english_words(labelled[0])
            and any(field.kind == known for field in fields)
        ):
            fields.insert(len(fields) - 1, RawField(labelled[0], line.number, [Line(line.number, labelled[1])]))
            continue
        if labelled and (not in_participation or known or _ends_participation(labelled[0])):
            label, value = labelled
            fields.append(RawField(label, line.number))
            if value:
                fields[-1].values.append(Line(line.number, value))
            last_number = int(number["number"]) if number and numbered is not None else None
        elif fields and (remark := _remark(line.text)):
            field = RawField(REMARK_LABEL, line.number)
            field.values.append(Line(line.number, remark))
            if in_participation:  # (a note between countries: the list goes on after it, and reads its marks)
                fields.insert(len(fields) - 1, field)
                fields[-1].values.append(line)
            else:
                fields.append(field)
        elif (
            fields
            and fields[-1].kind == "participation"
            and fields[-1].values
            and _EMPTY_FIRST_CELL.match(line.text)
            # (a table's row going on is the table's, but for an aside: "| | (Томская область) |")
            and (
                not fields[-1].values[-1].text.startswith("|")
                or _ASIDE_ALONE.match(_EMPTY_FIRST_CELL.sub("", line.text).strip(" |")) is not None
            )
        ):
            # "|  | observers, and about 140 participants |": the summary's cell going on (but
            # "| | Japan – Tottori Prefecture, ... |" opens a country's line of its own)
            cell = _EMPTY_FIRST_CELL.sub("", line.text).strip(" |")
            last = fields[-1].values[-1]
            if (joined := _row_going_on(last.text, line.text)) is not None:
                fields[-1].values[-1] = Line(last.number, joined)
            elif (heading := country_heading(cell)) is not None and heading[2]:
                fields[-1].values.append(Line(line.number, cell))
            else:
                fields[-1].values[-1] = Line(last.number, f"{last.text} {cell}")
        elif _own_line_label(lines, index, fields):
            fields.append(RawField(line.text.strip(), line.number))
        elif (
            column_going_on is not None
            and fields
            and fields[-1].values
            and (_CUT_AT_JOINER.search(fields[-1].values[-1].text) or _GOES_ON.match(line.text))
        ):
            # the value's column going on inside its line: "Council of Local Authorities for" over "(CLAIR)"
            last = fields[-1].values[-1]
            fields[-1].values[-1] = Line(last.number, f"{last.text} {line.text}")
        elif fields and (
            # (a value's own column going on is the value's, however it reads)
            column_going_on is not None
            or (not _stray(fields[-1], line.text) and not _heads_prose(fields[-1], lines, index))
        ):
            row = _TABLE_ROW.match(line.text) if fields[-1].kind != "participation" else None
            if row is not None:  # "| | Harbin International ... |": the value's cell going on, after a bar
                # (a dash before it only leads to it, as in the label's row: "| | — Longxi County Conference Center |")
                value_cells = [_DASH_LEAD.sub("", cell) for cell in _cells(row)]
                going_on = " | ".join(cell for cell in value_cells if cell)
                # (no bar where the value was cut inside its list or its sentence: "People's Government
                # of ... /" over "| | Toyama Prefecture |", "2003.08.26(Tue) ~ 08.28(Thu)" over "| | (first
                # planned ...) |")
                cut = fields[-1].values and _CUT_AT_JOINER.search(fields[-1].values[-1].text)
                line = Line(line.number, going_on if cut or _GOES_ON.match(going_on) else f"| {going_on}")
            fields[-1].values.append(line)
        else:
            unlabelled.append(line)
    return fields, unlabelled


# A value line that ends where its list goes on: after a comma, a slash, a semicolon or an "and";
# or its phrase does, after an article or a preposition ("Conference hall of the" over "| |
# Research Institute of ... |")
_CUT_AT_JOINER = re.compile(r"(?:[,/;、／]|\s(?:and|&|the|of|for|in|at|on|to|by|with|from))\s*+\|?\s*+$")
# ... and one that goes on with a joiner, a bracket or a word in lower case
_GOES_ON = re.compile(r"^(?:[(（/／,;、]|[a-z]|(?:and|&)\s)")


def _row_going_on(row: str, line: str) -> str | None:
    """A table's row with its cells going on in the line below, cell by cell, where the line has
    as many bars as the row ("China | 6 | Henan Province, | –" over "| | Hunan Province |"),
    else None (the line is no cells of the row's)."""
    cells, more = row.split("|"), line.split("|")
    if len(cells) < 2 or len(cells) != len(more):
        return None
    return " | ".join(
        " ".join(part for part in (cell.strip(), going_on.strip()) if part)
        for cell, going_on in zip(cells, more, strict=True)
    )


# "* joined online by video link.", "¹ Gangwon-do became Gangwon State in June 2023, ...": the
# legend of a mark after names in the list (FOOTNOTE_MARK)
_FOOTNOTE_MARK = r"(?P<mark>\*{1,3}\d?|[¹²³⁴⁵⁶⁷⁸⁹]+|[†‡])"  # "*", "*1", "¹", "†"
FOOTNOTE = re.compile(rf"^\s*\(?{_FOOTNOTE_MARK}\)?\s+(?P<remark>\S.*[.)])\s*$")
# A sentence alone on its line after a remark's marker is a remark on the fields above, no
# value of the last (an observer's mark goes on with the list: "※ Participated as observer").
REMARK_MARKERS = (
    # "※ Jeonbuk State is the official English name of ..., formerly Jeollabuk-do."
    # ("※ Opening ceremony and forums at Hallym University, Chuncheon" under a venue: a note too)
    ("reference mark", re.compile(r"^\s*※\s*(?P<remark>[^:：\s][^:：]*)$")),
    # "Note: Unnan (雲南市) is a city of Shimane Prefecture and should not be confused with ...";
    # inside a participants' list, where an unknown label would be a country's; after a reference
    # mark too ("※ Remark: Ulsan Metropolitan City joined online only.")
    (
        "note",
        re.compile(
            r"^\s*(?:※\s*)?(?:Notes?(?:\s*\d{1,2})?|N\.\s?B\.?|Remarks?)\s*[:：]\s*(?P<remark>.+[.)])\s*$", re.I
        ),
    ),
    # "(table copied from the registration sheet, Excel)": a sentence in brackets, in lower case
    ("bracketed", re.compile(r"^\s*[(（](?P<remark>[a-z][^()（）]*)[)）]\s*$")),
    ("footnote", FOOTNOTE),
)
REMARK_LABEL = ""  # (no label of the text's: the briefing writes "Note" in the reader's language)
# A footnote's mark after a listed name: "Chungcheongnam-do *", "Fukui Prefecture *1", "Gangwon State ²"
FOOTNOTE_MARK = re.compile(rf"\s*{_FOOTNOTE_MARK}$")
# A unit's noun in Russian before a region's or a town's name: "провинция Канвондо", "г. Пхохан"
RUSSIAN_UNIT_BEFORE_NAME = re.compile(
    r"^(?:провинци[яи]|префектур[аы]|област[ьи]|кра[йя]|аймак[а]?|округ[а]?|город[а]?|г\.|район[а]?)\s+[А-ЯЁ]"
)
_JOINING_WORDS = frozenset({"and", "or", "of", "the", "in", "on", "at", "for", "to"})
FOOTNOTE_ASIDE_WORDS = 6  # a legend this short is written after each name it marks; a longer one is a remark


def _remark(text: str) -> str | None:
    found = next(((name, match) for name, marker in REMARK_MARKERS if (match := marker.match(text))), None)
    if found is None or FOOTNOTE_LEGEND.match(text):
        return None
    name, remark = found
    # (Japanese and Chinese write a sentence without spaces: its kana or its full stop say it is one,
    # "※地元から最上町、新庄市…の保健師・介護職員も参加しました。")
    unspaced_sentence = _UNSPACED_SENTENCE.search(remark["remark"]) is not None
    if len(remark["remark"].split()) < _SENTENCE_WORDS_MIN and not unspaced_sentence:
        return None
    if name == "reference mark" and "observer" in text.lower():
        return None  # ("※ Participated as observer: Tuv Province" goes on with the list)
    sentence = unspaced_sentence or any(
        word.islower() and word not in _JOINING_WORDS for word in remark["remark"].split()
    )
    if name == "footnote" and not sentence:
        return None  # (a bulleted list of names is no sentence: "* Gangwon-do, Gyeongsangbuk-do and Jeollanam-do.")
    return remark["remark"]


_UNSPACED_SENTENCE = re.compile(
    r"[\u3040-\u309f]{2}.*[\u3040-\u309f]|[\u3400-\u9fff]。$"
    # (and a Korean one, shorter than a sentence of words: a name with its topic particle and a verb
    # after it, "※ 북한 함경북도는 초청하였으나 불참", North Hamgyong was invited, and did not come)
    r"|[\uac00-\ud7a3]{2,}[은는](?:\s+[\uac00-\ud7a3]+)+"
)
NOTES_HEADING = re.compile(r"^\s*(?:Notes?|Remarks?|Footnotes?)\s*[:：]?\s*$", re.IGNORECASE)
FOOTNOTE_LINES_MAX = 3  # how many lines a remark's sentence may be wrapped over


def _starts_row(text: str) -> bool:
    """A line that opens an entry of its own: a bullet, a table's row, a country's heading."""
    return bool(PARTICIPANT_BULLET.match(text)) or text.startswith("|") or country_heading(text) is not None


def _footnotes_joined(lines: list[Line]) -> list[Line]:
    """A footnote's sentence wrapped over lines is one line: "¹ Gangwon-do became Gangwon State
    in June 2023, and Jeollabuk-do became" then "Jeonbuk State in January 2024; both names are used."."""
    joined: list[Line] = []
    index = 0
    while index < len(lines):
        line, end = lines[index], index + 1
        if _remark(f"{line.text}.") is not None:  # (a remark whose sentence runs on)
            text = line.text
            while end < min(len(lines), index + FOOTNOTE_LINES_MAX) and not text.rstrip().endswith((".", ")")):
                following = lines[end].text.strip()
                if not following or _remark(following) is not None or match_label(following) or _starts_row(following):
                    break
                text, end = f"{text.rstrip()} {following}", end + 1
            if _remark(text) is not None:
                joined.append(Line(line.number, text))
                index = end
                continue
        joined.append(line)
        index += 1
    return joined


def participation_remarks(lines: list[Line]) -> list[str]:
    """The remarks among the lines of a participants' list that is a section of its own
    (in the overview's field, ``collect_fields`` makes each a field)."""
    return [remark for line in _footnotes_joined(lines) if (remark := _remark(line.text)) is not None]


def footnote_legends(lines: list[Line]) -> dict[str, str]:
    """Each footnote's mark and its legend, among a participants' list's lines."""
    legends = {}
    for line in lines:
        legend = FOOTNOTE.match(line.text)
        if legend is not None and _remark(line.text) is not None:
            legends[legend["mark"]] = legend["remark"]
    return legends


_OWN_LINE_LABEL_WORDS_MAX = 3


# A paragraph of prose after the fields ends the overview: a newsletter's report goes on
# below its "Dates:", "Location:" and "Participation:" lines, a sentence of this many words
# after a blank line (a remark on the list is shorter: "DPR Korea was invited but did not come.").
_PROSE_PARAGRAPH_WORDS_MIN = 15


def prose_after_fields(lines: list[Line]) -> int | None:
    """The index of the line that opens a paragraph of prose after the fields, each of
    which has its value, if one does: the lines from it on are no field's."""
    valued = False  # (whether the last field seen has a value yet)
    for index, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            continue
        labelled = _numbered_field(text) or match_label(text) or match_label(_LABEL_BULLET.sub("", text))
        if labelled:
            valued = bool(labelled[1])
        elif valued and not lines[index - 1].text.strip() and prose_paragraph(lines[index:]):
            return index
        else:
            valued = valued or index > 0
    return None


def prose_paragraphs(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """A participants' section's lines parted into its list and the paragraphs of prose after
    it, each after a blank line ("The meeting was attended by some seventy delegates, ...
    experts came from the National Institute of Environmental Research, Kyungnam University
    in Masan, ..."): a report on the meeting, whose names are no authorities of the list."""
    listed: list[Line] = []
    prose: list[Line] = []
    in_prose = False
    for index, line in enumerate(lines):
        if not line.text.strip():
            listed.append(line)
            continue
        if index > 0 and not lines[index - 1].text.strip():  # a paragraph starts
            in_prose = any(kept.text.strip() for kept in listed) and prose_paragraph(lines[index:])
            if in_prose and prose:
                prose.append(lines[index - 1])
        (prose if in_prose else listed).append(line)
    return listed, prose


def prose_paragraph(lines: list[Line]) -> bool:
    """Whether the lines up to the next blank one are a paragraph of sentences (its lines
    maybe wrapped), no country's group, remark or table."""
    paragraph = list(itertools.takewhile(lambda line: bool(line.text.strip()), lines))
    text = " ".join(line.text.strip() for line in paragraph)
    return (
        len(text.split()) >= _PROSE_PARAGRAPH_WORDS_MIN
        and text.endswith((".", "!", "?", '."', ".”"))
        and not any(opens_group(line.text) or _remark(line.text) or _TABLE_ROW.match(line.text) for line in paragraph)
    )


def _own_line_label(lines: list[Line], index: int, fields: list[RawField]) -> bool:
    """A label the overview does not know, alone on its line after a blank one and over its
    value, where the field before it was written so too ("Host" over its value, a blank line,
    "Coordinator" over its value): not the last field's value going on."""
    text, last = lines[index].text.strip(), fields[-1] if fields else None
    return (
        last is not None
        and last.kind != "participation"  # (a country's heading stands alone after a blank line there)
        and bool(last.values)
        and last.values[0].number != last.line
        and index > 0
        and not lines[index - 1].text.strip()
        and index + 1 < len(lines)
        and bool(lines[index + 1].text.strip())
        and len(text.split()) <= _OWN_LINE_LABEL_WORDS_MAX
        and _plausible_other_label(text)
        and not _UNFINISHED.search(last.values[-1].text)
    )


# A row of a table of two columns drawn with one bar between them, none around: "Dates   | 6 (Tue) -
# 8 (Thu) October 1998" (a known label's row opens the table: LABEL_LAYOUTS' "column"); and a row whose
# label cell is blank, its value going on from the row above
COLUMN_ROW = re.compile(r"^\s*(?P<label>[^\W\d_][^|:：]{0,39}?)\s+\|\s+(?P<value>[^|]+)$")
VALUE_COLUMN_GOING_ON = re.compile(r"^\s*\|\s+(?P<value>\S[^|]*)$")


def _heads_a_list(label: str) -> bool:
    """Whether a label heads a part of the participants' list: the observers, a country."""
    return OBSERVER_LINE.fullmatch(label) is not None or country_code(label) is not None


def _column_row_label(text: str) -> tuple[str, str] | None:
    row = COLUMN_ROW.match(text)
    if row is None or not _plausible_other_label(label := row["label"].strip()):
        return None
    return label, row["value"].strip()


def _table_row_label(text: str) -> tuple[str, str] | None:
    """ "| Supported by | ... |": a row of two cells between bars is a label and its value,
    a label the overview does not know too (the table says which cell is the label)."""
    row = _TABLE_ROW.match(text)
    cells = _cells(row) if row else []
    if len(cells) != 2 or not all(cells) or not _plausible_other_label(cells[0]):
        return None
    return _without_stray_bracket(cells[0]), cells[1]


_DASH_LEAD = re.compile(r"^[-–—]\s+")


def _cells(row: re.Match[str]) -> list[str]:
    """A _TABLE_ROW's cells, stripped (empty ones kept)."""
    return [cell.strip() for cell in row["cells"].split("|")]


# Labels of the overview that never head a group of participants ("Chair: ...", "Languages:
# ...", "Also present: the Ramsar Convention Secretariat, ...", "Resource persons: ERINA, ..."):
# after the participants they end the list.
NON_PARTICIPATION_LABELS = re.compile(
    r"(co )?chair(s|person|man|woman)?|moderators?|languages?|(simultaneous )?interpretation|themes?|topics?"
    r"|contacts?|remarks|dress code|also (present|attending|attended|in attendance)|purposes?|objectives?|aims?"
    # the members who sent their apologies: absent, not taking part
    r"|apologies( received| for absence)?|absent|absentees|excused|regrets|unable to attend|not (present|attending)"
    r"|(in )?(co ?operation|partnership) with|supported by|support|sponsored by|sponsors?|partners?"
    r"|resource persons?|(invited )?(guests|experts|speakers)|lecturers"
    # where a hybrid meeting's delegations connected from: the same authorities again, with places
    r"|(connected|connecting|participating) (offices|sites|locations|points)( online)?|connected from|connection points"
    # (and in Korean, Japanese and Chinese: support, sponsors, theme, purpose)
    r"|후원|협찬|주제|목적|後援|協賛|協力|テーマ|目的|协办|支持单位|主题"
    # (and the agenda that follows in Chinese, Japanese and Korean: "（六）议程：①开幕式 ...")
    r"|议程|議程|会议议程|議題|의제|안건"
    # (and in Russian: who chaired, the guests)
    r"|председательствовал[аи]?|приглаш[её]нные"
)


def _ends_participation(label: str) -> bool:
    """Whether a label names no participation field, a bilingual one ("列席 Also attending") by
    its English words too."""
    key = label_key(label)
    return any(NON_PARTICIPATION_LABELS.fullmatch(candidate) for candidate in {key, english_words(key)} if candidate)


SINGLE_VALUE_KINDS = frozenset({"period", "venue", "organizer"})
_STRAY_WORDS_MIN = 4
_SENTENCE_WORDS_MIN = 5
_UNFINISHED = re.compile(r"(?:[,&/(–-]|\b(?:and|of|in|at|the|for|with|by|to))$", re.IGNORECASE)


# A line of prose: this many words or more, half of them or more in lower case (a list's names
# are capitalised, and its few small words are no half of it)
PROSE_WORDS_MIN = 20


def _prose(text: str) -> bool:
    words = text.split()
    return len(words) >= PROSE_WORDS_MIN and 2 * sum(word[:1].islower() for word in words) >= len(words)


_PROSE_HEADING_WORDS_MAX = 8


def _heads_prose(field: RawField, lines: list[Line], index: int) -> bool:
    """A short line after a blank one, right over a paragraph of prose, below the participants'
    list: the heading of a part of the report ("Opening and keynote speeches", "Panel 1 –
    Border crossings"), no authority."""
    text = lines[index].text
    return (
        field.kind == "participation"
        and index > 0
        and not lines[index - 1].text.strip()
        and len(text.split()) <= _PROSE_HEADING_WORDS_MAX
        and not text.rstrip().endswith((".", ",", ";", ":"))
        and not opens_group(text)
        and prose_paragraph(lines[index + 1 :])
    )


def _stray(field: RawField, text: str) -> bool:
    """A line after a one-line field given on its label's line ("Venue: Zuunmod, Mongolia")
    that does not go on with it: the value ended, and the line starts a sentence of its own.
    So does a sentence after the participants' table ("DPR Korea was invited but did not
    send a delegation."): the table ended, the text goes on; and a paragraph of prose after the
    list ("Yeongjong Island, which was joined to ...") is no part of it."""
    if field.kind == "participation":
        return (
            bool(field.values)
            and field.values[-1].text.lstrip().startswith("|")
            and not text.lstrip().startswith("|")
            and len(text.split()) >= _SENTENCE_WORDS_MIN
            and text.rstrip().endswith((".", "!", "?"))
        ) or (bool(field.values) and _prose(text))
    return (
        field.kind in SINGLE_VALUE_KINDS
        and len(field.values) == 1
        and field.values[0].number == field.line
        and not _UNFINISHED.search(field.values[0].text)
        and text[:1].isupper()
        and len(text.split()) >= _STRAY_WORDS_MIN  # "Korea" after "..., DPR" goes on with the value
        and not _venue_goes_on(field, text)
    )


def _venue_goes_on(field: RawField, text: str) -> bool:
    """ "Daejeon, Daejeon International" / "Conference Hall, South Korea": a venue wrapped
    before its country, which ends the line after it."""
    return (
        field.kind == "venue" and split_country(text)[0] is not None and split_country(field.values[0].text)[0] is None
    )


# --- venue and organizer ---------------------------------------------------------

# Between the parts of a venue or organizer: a comma, "Country > place" (or a spaced "›", "»": a
# page's breadcrumb; not a quotation's guillemet, "Hotel «Dulga»"), a spaced dash, slash or bar (a
# column's value going on), a semicolon ("Russian Federation; Hotel Asia").
PLACE_SEPARATOR = re.compile(r"\s*[>＞]\s*|\s+[›»–—/|-]\s+|\s*;\s*")


def split_country(text: str) -> tuple[str | None, str]:
    """('Russia', 'Khabarovsk Territory, Administration') from the ways texts put a country.

    The country is a part of its own, ``rest, Country``, ``Country > rest``,
    ``rest, Country (aside)`` or ``City, Country – building``: the last part is tried
    first, then the first, then those between.
    """
    # (a separator inside brackets parts the aside's own places: "Japan (KDDI Ishin Hall; reception at ...)")
    parts = [part for chunk in split_top_level_at(text, PLACE_SEPARATOR) for part in split_top_level(chunk, ",")]
    for index in (len(parts) - 1, 0, *range(1, len(parts) - 1)) if len(parts) > 1 else ():
        part = parts[index]
        # (an aside may hold brackets: "Russian Federation (host studio at ..., Artyom (Артём))")
        aside_split = split_aside(part)
        base, aside = (aside_split[0], f"({aside_split[1]})") if aside_split else (part, "")
        country = canonical_country(base)
        if country:
            place = ", ".join(parts[:index] + parts[index + 1 :])
            if not re.search(r"[A-Za-z]", aside):  # "Mongolia (Монгол Улс)": the country's own name goes with it
                aside = ""
            return country, f"{place} {aside}".strip()
    aside_split = split_aside(text)
    if aside_split:  # "경주 힐튼호텔 (Hilton Gyeongju, Gyeongju, Korea)": the country inside
        country, _ = split_country(aside_split[1])
        if country:
            return country, text
    return None, text


def parse_venue(text: str) -> Venue:
    # "..., Mongolia (Government House, Hall 2) and online": the country is found without the
    # tail, which stays with the place ("Government House (Hall 2) and online")
    online = ONLINE_TOO.search(text)
    country, place = split_country(text[: online.start()] if online else text)
    place = f"{place}{online.group(0)}" if online and place else place
    return Venue(text=text, country=country, country_code=country and country_code(country), place=place or None)


ONLINE_TOO = re.compile(
    # (the service in brackets after it too: "and online (Zoom)"; or the service, then the word in
    # brackets: "China (on site) and Zoom (online)", the place's own aside on how it took part)
    r"(?:\s*\((?:on[\s-]?site|in\s+person)\))?"
    r"\s*(?:,\s*)?(?:and|&|\+|plus)\s+(?:online|on-line|by video(?:\s*link)?|via\s+\w+"
    r"|(?:Zoom|Webex|Teams|Microsoft\s+Teams|Skype)\s*\((?:online|on-line|virtual)\))(?:\s*\([^()]*\))?\s*$",
    re.IGNORECASE,
)


def _venue_text(values: list[Line]) -> str:
    """A venue's lines as one value. A line that ends with the country ended a part:
    "Dalanzadgad, Umnugovi Province, Mongolia" over "Dalanzadgad Cultural Palace" is two
    parts, not the place "Mongolia Dalanzadgad Cultural Palace"; so is a line in lower case below it
    ("conference hall of the village tourist centre"), but not the country's bracketed aside."""
    text = ""
    for line, translated in _value_lines(values):
        if translated:
            text = f"{text} / {line}"  # (the venue again, in another language: a part of its own)
            continue
        last_part = text.rsplit(",", 1)[-1].strip()
        ended = bool(text) and line[:1].isalpha() and canonical_country(last_part) is not None
        text = f"{text}, {line}" if ended else f"{text} {line}".strip()
    return text


def _bodies_text(raw: RawField) -> str:
    """An organizer's lines as one value: a line that ends a body's name ("... Prefectural
    Government", "NEAR Secretariat (Pohang)") and a line that starts another are two bodies;
    any other line goes on with the one before (a wrapped name)."""
    text = ""
    for written, translated in _value_lines(raw.values):
        # (a table's value going on in its cell below: "| Administration of Shilkinsky District")
        line = _CELL_GOING_ON.sub("", written)
        if translated:
            text = f"{text}; {line}"  # (the bodies again, in another language)
            continue
        last = (split_aside(text) or (text, ""))[0].split()[-1:]
        ends_a_name = bool(last) and last[0].lower().strip(".,") in NAME_END_WORDS
        # "Inner Mongolia Autonomous Region, Department of Environmental Protection" over "Tongliao
        # Municipal People's Government": a department's portfolio ends its name when a whole
        # body's name follows
        ends_a_name = ends_a_name or (_PORTFOLIO_END.search(text) is not None and _whole_body(line))
        text = f"{text}; {line}" if ends_a_name and line[:1].isupper() else f"{text} {line}".strip()
    return text


_CELL_GOING_ON = re.compile(r"^\|\s+(?=\S)")
_PORTFOLIO_END = re.compile(r"\b(?:Department|Bureau|Ministry|Office)\s+of(?:\s+(?:and|[A-Z][\w'’-]*))+$")


def _whole_body(text: str) -> bool:
    """Whether a line is a body's whole name: capitalised words that end as a body's name does."""
    words = text.split()
    return len(words) >= 2 and all(word[:1].isupper() for word in words) and words[-1].lower() in NAME_END_WORDS


def parse_organizer(text: str) -> Organizer:
    """The organizer: its country (the first a body names) and its bodies, each without it,
    as the text parts them ("Japan > Aomori Prefecture; NEAR Secretariat (Pohang)")."""
    bodies = [split_country(body.strip()) for body in split_top_level(text, ";") if body.strip()]
    country = next((found for found, _ in bodies if found), None)
    name = "; ".join(body for _, body in bodies if body)
    return Organizer(text=text, country=country, country_code=country and country_code(country), name=name or None)


def parse_period_field(text: str, line: int, notes: list[Note]) -> Period:
    try:
        start, end = parse_period(text)
    except DateError:
        return Period(text=text, start=None, end=None)
    if is_ambiguous(text):
        notes.append(
            make_note(
                "ambiguous-date",
                f"'{text}': day and month cannot be told apart; read day first as {start.isoformat()}.",
                line,
            )
        )
    return Period(text=text, start=start, end=end)


# --- participation ---------------------------------------------------------------

SUMMARY = re.compile(
    # (a number of people may be rounded: "about 280 participants from 17 member regional governments")
    r"^(?:(?:a\s+)?total(?:\s+of)?\s*:?\s*)?(?:(?:about|around|some|approximately|nearly|over)\s+)?"
    r"(?P<authorities>\d{1,6})\s+(?P<what>[^\W\d][^,;:()]*?"
    # "82 participants (64 students and 18 leaders) from 10 member regional governments": an aside
    # on the people before the authorities they came from
    r"(?:\s*\((?![^()]*observer)[^()]*\)\s+(?=(?:from|of|representing)\s+\d)[^,;:()]*?)?)"
    r"(?:\s+(?:from|of|in|representing)\s+(?P<countries>\d{1,6})\s+(?:countries|country|nations)"
    r"|\s*\((?P<bracketed_countries>\d{1,6})\s+(?:countries|country|nations)\))?"
    # "... from 5 countries (6 in person, 11 online) and 1 observer": an aside on how they took part
    r"(?:\s*\((?![^()]*observer)[^()]*\)(?=\s*,?\s*(?:and|with|plus)\b))?"
    # "... from 5 countries, 7 on site and 6 online": the same aside after a comma
    r"(?:\s*,\s*\d{1,6}\s+(?:on[\s-]?site|in\s+person)\s+and\s+\d{1,6}\s+(?:on[\s-]?line|remotely|by\s+video))?"
    # "..., and 1 observer", "(with 2 observers)", ", an observer region": the observers the summary counts apart
    r"(?:\s*[,(]?\s*(?:(?:and|with|plus|including|incl\.|\+)\s+)?(?:\d+|an?|one)\s+"
    r"(?:[^\W\d][\w\s-]{0,40}?\s+(?:as\s+)?)?observers?(?:\s+(?:regions?|authorit(?:y|ies)|governments?))?\)?)?"
    # "... and 3 international organizations": bodies beside the regions, counted apart too
    r"(?:\s*,?\s*(?:and|with|plus)\s+(?:\d+|an?|one)\s+(?:international\s+|other\s+)?organi[sz]ations?)?"
    # "(46 young leaders)": an aside on the people, not on the authorities
    r"(?:\s*\((?![^()]*observer)[^()]*\))?"
    r"(?=\s*(?:[,;:.–—]|\s--?\s|$))",
    re.IGNORECASE,
)

# A marker that makes the groups after it observers, the same alone on a line,
# and a marker that makes the authority or group before it one.
# "Observer" in the members' languages, as a page in one heads its observers ("※ 옵서버 : ...")
NATIVE_OBSERVER_WORDS = ("옵서버", "참관", "オブザーバー", "观察员", "觀察員", "наблюдатели", "наблюдатель", "ажиглагч")
OBSERVER_MARK = re.compile(
    # ("[Observer]" opens observers at the start of a line; after a name it marks that one name)
    r"(《[^》]*observer[^》]*》|^\s*\[[^\]]*observers?[^\]]*\]"
    r"|(?:※\s*)?(?:participated\s+as\s+|(?:other|further|additional)\s+)?observers?\s*(?:\(\d+\))?"
    r"(?:\s*[:：]|\s+(?:--|[–—―])(?=\s))"  # (or a dash, "Observers -- Tuv Aimag, Mongolia")
    # (and its translation in brackets: "※ 옵서버 (Observer) : Ulsan Metropolitan City")
    rf"|^\s*(?:※\s*)?(?:{'|'.join(NATIVE_OBSERVER_WORDS)})\s*(?:[(（](?:\d+|[^()（）\d]{{1,20}})[)）])?\s*[:：]"
    # ("Observers Tov Aimag and Dornod Aimag (Mongolia), ...", "OBSERVER   Tov Aimag (Mongolia)": the
    # heading, a space and its names)
    r"|^\s*(?-i:Observers?|OBSERVERS?)(?:\s*\(\d+\))?\s+(?=[A-Z]))",
    re.IGNORECASE,
)
# ("《※ Participated as observer》" alone on its line, over the observers' bullets, too)
# ("Observers (3)", "Observers (international organizations)", "Observers (no country)": a count or
# words in lower case in its brackets, never a country's name)
OBSERVER_LINE = re.compile(
    r"[《【\[<〈＜]?\s*(?:※\s*)?(?:(?i:participated\s+as\s+|(?:other|further|additional)\s+)?[Oo]bservers?|OBSERVERS?"
    rf"|(?i:{'|'.join(NATIVE_OBSERVER_WORDS)}))"
    # ("Observers and guests": the bodies invited beside them are no members either)
    r"(?i:\s+and\s+(?:invited\s+)?guests)?"
    # (a dash between spaces, or two hyphens, as after a country: "Observers -- Tuv Aimag, Mongolia")
    r"(?:\s*\((?:\d+|[a-z][a-z ,]*)\))?(?:\s*[:：]|\s+(?:--|[–—―-])(?=\s))?\s*[》】\]>〉＞]?"
)
# The observers' heading and the first name after it on its line, no colon between
_OBSERVERS_THEN_NAME = re.compile(r"^\s*(?:Observers?|OBSERVERS?)\s+(?P<rest>[A-Z][^:：]*)$")
# "... and JICA as observers" after the last of a list: they all observe
_ALL_AS_OBSERVERS = re.compile(r"\sas\s+observers\.?$", re.IGNORECASE)
# "(observer)", "[Observer]", "（观察员 Observer）", "– observer": after a name, that one is an observer.
OBSERVER_SUFFIX = re.compile(
    # ("(observer, did not attend)", "(observer, by letter)": a remark may follow the word)
    # ("(guest)": a region invited beside the members, no member either)
    # (each starts where the spaces before it start: a search does not try every space of a run)
    # (and in the members' languages: "Хоккайдо (наблюдатель)")
    r"(?<!\s)(?:\s*[(\[（](?:as\s+(?:an?\s+)?)?[^()\[\]（）]{0,12}?"
    rf"(?:observers?|guests?|{'|'.join(NATIVE_OBSERVER_WORDS)})(?:\s*[,;][^()\[\]（）]{{0,40}})?[)\]）]"
    r"|\s+[–—-]\s+(?:as\s+(?:an?\s+)?)?observers?\b"
    # (after a reference mark, as Japanese pages note it: "Dornogovi Province ※observer"; and in the
    # page's language, in a phrase: "鸟取县（Tottori Prefecture）※以观察员身份参会", took part as an observer)
    r"|\s*[※＊*]\s*observers?\b"
    rf"|\s*[※＊]\s*[^\s※＊*()（）]{{0,4}}?(?:{'|'.join(NATIVE_OBSERVER_WORDS)})[^\s※＊*()（）]{{0,8}}$"
    # ("Hamgyongbuk-do 《※ Participated as observer》" in a table's cell)
    r"|\s*《[^》]{0,40}?observers?[^》]{0,20}》"
    # "Altai Krai attended as an observer."
    r"|\s+(?:(?:attended|participated|took\s+part|joined)\s+)?as\s+(?:an?\s+)?observers?\b\.?)",
    re.IGNORECASE,
)
PARTICIPANT_BULLET = re.compile(
    r"^(?:[-－–—‐‑‒―⁃−•·・*▷▶►▸▹▻‣⊳○◦●◎❍◆◇❖♦▪▫❏❐❑❒□■✓✔☑★☆✱☞☛→⇒➔➙➛➜➝➞➟➠➢➣➤➥➦➧➨↳⟶]|[+o](?=\s)|\(?\d{1,3}[.)]|№\s?\d{1,3}[.)]?(?=\s))\s*"
)  # ("o ": Word's second-level bullet pasted as a letter o; "№ 2": a number after the numero sign)
# "Japan (8; A, B)", "Japan (8)", "Japan (A; B)" or "Japan (A, B)": a country and its
# authorities in brackets (one name alone in them is an aside: "Toyama (Japan)").
INLINE_GROUP = re.compile(r"(?:\band\s+)?(?P<country>[^\W\d_][^(),;]*?)\s*\((?=\s*\d+\s*[;:,)]|[^()]*[;,、，；])")
# After one such group, a country and one authority in brackets is the next: "Japan (A, B),
# Republic of Korea (C, D), Russia (E)" (alone, "Sakhalin (Russia)" is a name and its aside).
NEXT_INLINE_GROUP = re.compile(
    r"(?:\band\s+)?(?P<country>[^\W\d_][^(),;]*?)\s*\((?=\s*\d+\s*[;:,)]|[^()]*[;,、，；]|[^()]*\))"
)
# "* observer" under a list whose observers end in "*": the footnote mark and its legend.
FOOTNOTE_LEGEND = re.compile(
    r"^\s*\(?\s*(?P<mark>\*{1,2}|[†‡※#])\)?\s*(?:[=:–—-]\s*)?(?:participated\s+)?(?:as\s+)?(?:an?\s+)?observers?\.?\s*\)?\s*$",
    re.IGNORECASE,
)
# "Tottori Prefecture (Japan)": an authority with its country after it.
TRAILING_COUNTRY = re.compile(r"^(?P<name>.*?\S)\s*\((?P<country>[^()]+)\)$")
# "Gangwon-do - Korea (host)", "Hamgyongbuk-do - DPR Korea (observer, by letter)": the country
# after a spaced dash, and perhaps an aside on the authority's role
DASHED_COUNTRY = re.compile(r"^(?P<name>.*?\S)\s+[–—-]\s+(?P<country>[^()–—]+?)\s*(?P<aside>\([^()]*\))?$")
# "Uvs Aimag, Mongolia (observer)", "Tottori Prefecture, Japan – from Tottori City": one
# authority with its country after a comma, perhaps its role, and a remark after a dash.
COMMA_COUNTRY = re.compile(
    r"^(?P<name>[^\W\d_][^,;、，；]*?),\s*(?P<country>[^\W\d_][^,;()–—]*?)\s*(?P<observer>\((?:as\s+)?(?:an\s+)?observers?\))?"
    r"(?:\s+[–—-]\s+(?P<remark>[^,]*))?$",
    re.IGNORECASE,
)
# "Primorsky Krai (Russia) – Pacific Branch of VNIRO (TINRO)": the country in brackets, then
# after a dash the body the authority sent (its aside).
BRACKET_COUNTRY = re.compile(
    r"^(?P<name>[^\W\d_](?:[^,;/()（）、，；]*?\S)?)\s*\((?P<country>[^\W\d_][^,;()–—]*?)\)\s*"
    r"(?P<observer>\((?:as\s+)?(?:an\s+)?observers?\))?(?:\s+[–—-]\s+(?P<remark>[^–—]*))?$",
    re.IGNORECASE,
)
# "In person", "Connected online": a heading over authorities that says how they took part.
ATTENDANCE_MODE = re.compile(
    r"(?:(?:attended|participat(?:ed|ing)|connected|joined|present)\s+)?"
    r"(?P<mode>in\s+person|on[\s-]?site|on[\s-]?line|by\s+video(?:\s*(?:link|conference))?|remotely|virtually)\s*[:：]?",
    re.IGNORECASE,
)
# "(online)" after a body: how it took part, no part of its name
_ATTENDANCE_ASIDE = re.compile(rf"\s*[(（]{ATTENDANCE_MODE.pattern}[)）]\s*$", re.IGNORECASE)
# "Gangwon-do – with the Secretary-General": a remark in lower case after a spaced dash.
_DASHED_REMARK = re.compile(r"^(?P<name>[^\W\d_][^–—]*?\S)\s+[–—]\s+(?P<remark>[a-z][^()–—]*)$")
# "Heads of delegation", "<Heads of Delegations>", "※ Heads of delegations and experts:": the
# delegates the authorities sent, listed under them a line each (DELEGATE_LINE)
DELEGATES_HEADING = re.compile(
    r"[<《【\[]?\s*(?:※\s*)?(?:heads?\s+of\s+(?:the\s+)?delegations?|(?:list\s+of\s+)?delegates)"
    # (what follows only after a colon: "Delegates of Sakhalin Oblast could not attend" is a remark)
    r"(?:\s+and\s+experts)?\s*[>》】\]]?\s*(?:[:：]\s*(?P<rest>.*))?",
    re.IGNORECASE,
)
# "Secretariat staff", "<Secretariat>", "Interpreters": the people who served the meeting, listed under it until
# a blank line or a group's heading; no authority, and no delegate of one
STAFF_HEADING = re.compile(
    r"[<《【\[]?\s*(?:※\s*)?(?:(?:(?:secretariat|support|conference|meeting)\s+)?(?:staff|interpreters)|secretariat)"
    r"\s*[>》】\]]?\s*(?:[:：].*)?",  # (and the staff after a colon: "Secretariat staff: Mr. Park ...")
    re.IGNORECASE,
)
# "Gyeongsangbuk-do: Mr. Jang Seok-hwan, Director-General, ...", "Amur Oblast – Mr. Yevgeny Savin,
# Head, ...": an authority or body, then by an honorific the delegate it sent, with post and body
HONORIFIC = r"(?:Mr|Ms|Mrs|Mme|Miss|Dr|Prof|H\.\s?E)\.?\s+[A-Z]"
# (the authority, perhaps with its native name in brackets, and a colon or a spaced dash after it)
_DELEGATING_AUTHORITY = r"(?P<authority>[^:：;–—()]+?(?:\s*\([^()]*\))?)\s*(?:[:：]|\s[-–—]\s)\s*"
DELEGATE_LINE = re.compile(rf"{_DELEGATING_AUTHORITY}(?P<delegate>{HONORIFIC}.*)")
# "Gyeonggi-do: OH Se-jin, Logistics Policy Officer (in person)", "Primorsky Krai: Dmitry VOLKOV,
# Adviser for Transport": no honorific, the family name in capitals, then a post after a comma
# (checked: "Gangwon-do: KOTRA Busan, Trade Office" is a body)
CAPITALS_NAME = r"(?:[A-Z]{2,}(?:-[A-Z]{2,})?\s+[A-Z][a-z]+(?:-[a-z]+)?|[A-Z][a-z]+\s+[A-Z]{2,}(?:-[A-Z]{2,})?)"
DELEGATE_BY_NAME = re.compile(rf"{_DELEGATING_AUTHORITY}(?P<delegate>{CAPITALS_NAME},\s*(?P<post>[^,()]+).*)")
# "Niigata Prefecture: Director for International Exchange", "Liaoning Province (辽宁省): Vice-Governor,
# head of delegation", "Primorsky Territory: Head of Foreign Economic Relations, ...": the delegate by
# the post alone (checked: "Gangwon-do: Governor's Office" is a body)
DELEGATE_BY_POST = re.compile(rf"{_DELEGATING_AUTHORITY}(?P<delegate>(?P<post>[^,()]+).*)")
# "(2; United Nations University, Asian Development Bank Institute)" after an observers' mark: an
# INLINE_GROUP with no name before its brackets
UNNAMED_COUNTED_GROUP = re.compile(r"\s*(?P<country>)\((?=\s*\d+\s*[;:])")
# "- Deputy Governor -- Tov Aimag Governor's Office": a bulleted delegate by post and body, parted by a dash
POSTED_BULLET = re.compile(r"(?P<post>[^,:：;–—()-][^,:：;–—()]*?)\s+(?:--|–|—)\s+(?P<body>[^\W\d_].*)")
# "Amur Oblast (Head: Mr. Igor V. Bondar, Deputy Minister ...)": the delegate in the authority's aside
DELEGATE_ASIDE = re.compile(
    rf"(?P<authority>[^()]+?)\s*\((?:heads?(?:\s+of\s+(?:the\s+)?delegation)?|(?:chief\s+)?delegates?)\s*[:：]\s*"
    rf"(?P<delegate>{HONORIFIC}[^()]*(?:\([^()]*\)[^()]*)*)\)",
    re.IGNORECASE,
)
# The last words of a region's name ("Niigata Prefecture", "Primorsky Krai"), and of a body's
# (NAME_END_WORDS) with them
REGION_END_WORDS = frozenset(
    {"province", "prefecture", "krai", "oblast", "aimag", "city", "region", "territory", "county", "okrug"}
)
# A name so ending, or in "-do" ("Gangwon-do"), is never a country's heading.
REGION_NAME_END = re.compile(
    rf"(?:-do|\s(?:{'|'.join(sorted(word.capitalize() for word in REGION_END_WORDS | {'metropolis'}))}))$"
)
# "Guest: Ministry of Foreign Affairs of Mongolia": guests of the meeting, of no country.
GUEST_HEADING = re.compile(r"(?:special\s+|invited\s+|honou?red\s+)?guests?|invited", re.IGNORECASE)
# "Atlantis: A, B": a heading where a country belongs, in the form of one.
GROUP_HEADING = re.compile(r"^(?P<name>[^\W\d_][^\d:：,;()]{0,40}?)\s*[:：]\s*(?P<rest>.*)$")
# "Heilongjiang Province (coordinator) - Foreign Affairs Office of ...": a region, maybe with its
# role, then after a spaced dash the body it sent, of two words or more before any bracket or
# comma ("Kemerovo Oblast – Kuzbass" is one region's name). Taken as such under a country's
# heading alone, and where neither side is a country ("Hamgyongbuk-do - DPR Korea (observer)").
_REGION_DASH_BODY = re.compile(
    r"^(?P<name>[^\W\d_][^\d:：,;()（）–—]{0,40}?(?:\s*[(（](?P<aside>[^()（）]{1,40})[)）])?)\s+[–—-]\s+"
    r"(?P<rest>[^\W\d_][\w'’.&-]*\s+[^\s(（),;].*)$"
)
_TRAILING_ASIDE = re.compile(r"\s*[(（][^()（）]*[)）]$")


def _region_dash_body(text: str) -> re.Match[str] | None:
    match = _REGION_DASH_BODY.match(text)
    if match is None or (match["aside"] and country_code(match["aside"].strip())):
        return None
    return None if country_code(_TRAILING_ASIDE.sub("", match["rest"]).strip()) else match


# "International organizations – UNDP, ERINA": after a dash only a heading that names bodies
# ("Gangwon-do – Governor's Office" is an authority).
GROUP_DASH_HEADING = re.compile(
    r"^(?P<name>(?:[^\W\d_][\w-]*\s+){0,2}(?:organi[sz]ations?|institutions|bodies|guests|experts|specialists))"
    r"\s+[–—―-]\s+(?P<rest>.*)$",
    re.IGNORECASE,
)
TABLE_RULE = re.compile(r"^[+|]?[-=+:|\s]{3,}$")  # "+----+----+", an ASCII table's rule
# "(7)：A、B" on the line after its country: the count a wrapped heading carried over.
HEADING_COUNT = re.compile(r"^\((?P<count>\d{1,3})\)\s*[:：]\s*(?P<rest>.*)$")
# "CHINA ....... (7) A / B": a country, dots, the count and the authorities; or the other way
# round, "Jilin Province ........ China", an authority and its country. The dots may be
# ellipses ("Japan …… Yamagata Prefecture") or middle dots ("日本・・・・山形県").
DOT_LEADER = re.compile(
    r"^(?P<name>[^.:…‥・·]+?)\s*(?:\.{3,}|[…‥]{2,}|[・·]{3,})\s*(?:\((?P<count>\d{1,6})\))?\s*(?P<rest>.*)$"
)


def _ends_with_country(row: re.Match[str]) -> bool:
    """An authority and its country, not a country and its authorities. (Not where what follows
    the dots is no country: a table of contents' page numbers.)"""
    return not row["count"] and country_code(row["rest"]) is not None


def leader_row(text: str) -> re.Match[str] | None:
    """A dot-leader row of an authority and its country."""
    row = DOT_LEADER.match(text)
    return row if row is not None and _ends_with_country(row) else None


def _dot_leader_row(match: re.Match[str]) -> str:
    """A dot-leader row as the list would write it without the dots: "China (7): A / B";
    "Jilin Province (China)", and "Yanbian ... (China) (observer)" for one marked "(observer)"."""
    if _ends_with_country(match):
        aside = split_aside(match["name"])
        authority, role = aside if aside and aside[1][:1].islower() else (match["name"], "")
        return f"{authority} ({match['rest']})" + (f" ({role})" if role else "")
    count = f" ({match['count']})" if match["count"] else ""
    return f"{match['name']}{count}: {match['rest']}"


# "Tov Province and 15 other aimags": the rest are counted, not named
_AND_OTHERS = re.compile(
    r"^(?:(?P<name>.*?)\s+)?and\s+(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s+others?\b.*$",
    re.IGNORECASE,
)
# (the ideographic comma and the middle dots list names in East Asian pages, bullets in a web page's
# line: "Gyeongsangbuk-do • Gyeonggi-do • Busan Metropolitan City")
_LIST_SEPARATORS = ",;、，；·・•"
# "..., Dornod Province, and the NEAR Secretariat": the last of a list after its comma
_LAST_LISTED = re.compile(r"^(?:and|&)\s+(?:the\s+)?(?=\S)", re.IGNORECASE)
# "Gangwon-do / Gyeongsangbuk-do": another way to list; a line of them may end or start with one
_SLASHES = re.compile(r"(?:\s+|^)/(?:\s+|$)")
# One name, then after a slash the same in its own script, and perhaps an aside on its role
# An authority's name in English and in its own script, either way round, and an aside in
# English after both: "Chita Oblast / Читинская область (host)", "Ховд аймаг / Khovd Province".
_ENGLISH = r"(?P<name>[A-Z][^/;,]*?)"
_NATIVE = r"(?P<native>[^\x00-\x7f][^/;,A-Za-z]*?)"
_ASIDE = r"(?P<aside>\s*\([^()]*[A-Za-z][^()]*\))?"
TRANSLATED_NAMES = (
    re.compile(rf"^{_ENGLISH}\s+/\s+{_NATIVE}{_ASIDE}$"),
    re.compile(rf"^{_NATIVE}\s+/\s+{_ENGLISH}{_ASIDE}$"),
)

TABLE_SEPARATOR_CELL = re.compile(r"^:?-{2,}:?$")
ROLE_CELL = re.compile(
    r"^[(（\[]?(?:(?P<observer>observers?)|members?|full members?|regular members?)[)）\]]?"
    # ("observer, not a member", "observer; Daursky reserve": a remark after the role)
    r"(?:\s*[(（][^()（）]*[)）])?(?:\s*[,;]\s*[^,;]*)?$",
    re.IGNORECASE,
)
COUNT_CELL = re.compile(r"^\d{1,3}$")


@dataclass(frozen=True)
class SuspectRule:
    """A way an entry in the authorities' place shows it is not an authority's name."""

    name: str
    test: Callable[[str], bool]


_WORDS_MAX = 8
# A body's full name may be longer: "Northwest Pacific Action Plan (NOWPAP) of the United
# Nations Environment Programme (UNEP)", every word capitalised but the little ones.
_NAME_WORDS_MAX = 16
_NAME_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "&", "-", "–"})


_ASIDES = re.compile(r"\([^()]*\)")


def _title_case(text: str) -> bool:
    words = _ASIDES.sub(" ", text).split()
    return all(word[:1].isupper() or word.lower() in _NAME_FUNCTION_WORDS for word in words)


# Words that say what the entries of a list are, never which: a heading over them.
GENERIC_LIST_WORDS = frozenset(
    [
        "member",
        "members",
        "participating",
        "participant",
        "participants",
        "regional",
        "local",
        "provincial",
        "governments",
        "government",
        "authorities",
        "authority",
        "regions",
        "region",
        "organizations",
        "organisations",
        "observer",
        "observers",
        "delegations",
        "countries",
        "other",
        "all",
        "the",
        "of",
        "and",
        "list",
        "by",
        "country",
    ]
)

# the asides a name ends with, each maybe with one more aside in it
_TRAILING_ASIDES = re.compile(r"(?:\s*\((?:[^()]|\([^()]*\))*\))+$")


def _long(text: str) -> bool:
    return len(text.split()) > (_NAME_WORDS_MAX if _title_case(text) else _WORDS_MAX)


# A name that ends with an abbreviation keeps its dot: "DBS Cruise Ferry Co., Ltd."
_ABBREVIATED_END = re.compile(rf"\b(?:{'|'.join(NAME_ENDING_ABBREVIATIONS)})\.$")
_CASED_ACRONYM = re.compile(r"[a-z][a-z\d]*[A-Z\d][A-Za-z\d]*")


def _cased_acronym(text: str) -> bool:
    """ "nrg4SD": one word that starts in lower case and has a digit or a capital after."""
    first = text.split(maxsplit=1)[0] if text.split() else ""
    return _CASED_ACRONYM.fullmatch(first) is not None


# A name whose capital I a scanner read as a lower-case l: "lshikawa Prefecture", "lrkutsk Oblast"
_SCANNED_CAPITAL_I = re.compile(r"l[b-df-hj-np-tv-xz][a-z]+(?:\s+[A-Z]|$)")
SUSPECT_AUTHORITIES = (
    SuspectRule("digits", lambda text: bool(re.fullmatch(r"[\d\s.,/#-]+", text))),
    SuspectRule(
        "count summary",
        lambda text: bool(
            re.search(
                r"\b\d+\s+(?:regional\s+|local\s+|member\s+)?(?:authorities|regions|governments|members|"
                r"participants|delegations|countries|organi[sz]ations|bodies|institutions|agencies)\b",
                text,
                re.IGNORECASE,
            )
            or re.match(r"^(?:in\s+)?total\b", text, re.IGNORECASE)
            # people counted as pages in Korean, Japanese and Chinese count them: "전문가 등 130여명", "職員12名"
            or re.search(r"\d\s*(?:여\s*)?(?:명|名|人)(?!\w)", text)
            # "1 observer region and 4 companies", "2 guest organizations": a number, then words
            or re.match(r"^\d+\s+[a-z]", text)
        ),
    ),
    # "Member regional governments, one per line:": the words of a heading over the list, no name
    SuspectRule("generic words", lambda text: all(word.lower() in GENERIC_LIST_WORDS for word in text.split())),
    # (a name's asides are not its words: "Gwangju Metropolitan City (Gwangju Institute of Science and Technology)")
    SuspectRule("long", lambda text: _long(_TRAILING_ASIDES.sub("", text) or text)),
    # "about 60 scientists": names start with a capital (or a letter of a script without case),
    # but for a body's own lower-case acronym, with a digit or a capital in it ("nrg4SD", "eThekwini")
    # (not a unit's noun before a name in Russian: "провинция Канвондо", "префектура Ниигата"; nor
    # a capital I a scanner read as l: "lshikawa Prefecture")
    SuspectRule(
        "lower case",
        lambda text: (
            text[:1].islower()
            and not _cased_acronym(text)
            and not RUSSIAN_UNIT_BEFORE_NAME.match(text)
            and not _SCANNED_CAPITAL_I.match(text)
        ),
    ),
    # "(no delegation)", "(to be confirmed)": a table's cell that says there is none, in brackets
    SuspectRule(
        "remark in brackets",
        lambda text: bool(re.fullmatch(r"[(（][^()（）]+[)）]", text.strip())) and text.strip()[1:2].islower(),
    ),
    SuspectRule(
        "sentence",
        lambda text: (
            len(text.split()) >= 5
            and text.rstrip().endswith((".", "!", "?"))
            and not _ABBREVIATED_END.search(text.rstrip())
        ),
    ),
    # "Programme Officer, TRADP", "Vice-Governor for Administrative Affairs, Kyongsangnam-do": a
    # delegate's post before the body or region a list of delegates names after it
    SuspectRule("post", lambda text: is_post(text)),
)


def suspect_authority(text: str) -> str | None:
    """The name of the first rule the entry breaks, or None for a plausible name."""
    return next((rule.name for rule in SUSPECT_AUTHORITIES if rule.test(text)), None)


@dataclass
class GroupDraft:
    country_text: str | None
    observer: bool
    stated: int | None = None
    members: list[str] = field(default_factory=list)
    observers: list[str] = field(default_factory=list)
    by_name: bool = False  # opened for a name that gives its own country ("Gangwon-do (Republic of Korea)")
    mode: str | None = None  # how its heading says they all took part: "online" of "Japan (online)"


@dataclass
class TableColumns:
    """Which cells of a pasted table's rows hold what, from its header row."""

    country: int | None = None
    authority: int | None = None
    role: int | None = None
    count: int | None = None
    seat: int | None = None  # where a body sits ("Pohang, Republic of Korea"): its country, where no column names it
    native: int | None = None  # the body's name in its own script ("島根県"), as a text writes it in brackets
    other_name: int | None = None  # another name of the body's ("Primorye" of Primorsky Krai), in brackets too
    # the institution a region sent ("Korea Aerospace Research Institute (KARI)"), in brackets after it
    body: int | None = None
    observers: int | None = None  # the row's country's observers, beside its members
    delegate: int | None = None  # the delegate the row's authority sent ("Mr. Gao Jianmin")
    post: int | None = None  # ... and their post and body ("Deputy Director, ... Commission")
    width: int = 0  # how many cells the header row has


class ParticipationScanner:
    """Walks participation text item by item, opening a group at each country."""

    def __init__(
        self, notes: list[Note], footnote_mark: str | None = None, legends: dict[str, str] | None = None
    ) -> None:
        self.footnote_mark = footnote_mark  # "*" when a legend "* observer" says so
        self.legends = legends or {}  # other marks' legends: "*" -> "joined online by video link."
        self.groups: list[GroupDraft] = []
        self.observer_mode = False
        self.notes = notes
        self.line = 0
        self.columns = TableColumns()
        self.table_rows = 0  # rows of a table read as data: a header row comes before them
        self.row_observer = False  # the table's last row names observers: a row going on from it does too
        # the group the table's last row put its names in, and how many members it had before them
        self.last_row: tuple[GroupDraft, int] | None = None
        self.delegates: list[str] = []  # the lines that name a delegate (DELEGATE_LINE), as written
        self.delegates_listed = False  # under a heading of delegates (DELEGATES_HEADING)
        self.staff_listed = False  # under a heading of the meeting's own staff (STAFF_HEADING)
        # the region over bulleted "Post -- Body" lines, its delegates ("Irkutsk Oblast / - Head of
        # Department -- Administration of Irkutsk Oblast")
        self.delegating_region: str | None = None
        # where a bare observers' heading turned observer_mode on (the groups before it), and
        # whether the member countries' headings were in capitals ("RUSSIAN FEDERATION (3)")
        self.observers_from: int | None = None
        self.members_in_capitals: bool | None = None

    def current(self) -> GroupDraft:
        if not self.groups:
            self.groups.append(GroupDraft(None, self.observer_mode))
        return self.groups[-1]

    def open_group(self, country_text: str | None, stated: int | None = None) -> GroupDraft:
        if country_text and (bracketed := _BRACKETED_HEADING.fullmatch(country_text)):
            country_text = bracketed["name"]  # "［Japan］": the country's name, without the page's brackets
        group = GroupDraft(country_text, self.observer_mode, stated)
        self.groups.append(group)
        return group

    def open_or_continue(self, country_text: str, stated: int | None, observer: bool | None = None) -> GroupDraft:
        """ "Mongolia / Khovd Province" under "Mongolia / Uvs Province": one group, row by row (in
        the role the list is in, or the one given)."""
        role = self.observer_mode if observer is None else observer
        last = self.groups[-1] if self.groups else None
        if (
            last is not None
            and stated is None
            and last.country_text
            and last.observer == role
            and country_code(last.country_text) == country_code(country_text) is not None
        ):
            return last
        return self.open_group(country_text, stated)

    def group_of(self, country_text: str, observer: bool) -> GroupDraft:
        """The group of a country and role an authority names after itself, opened on first use."""
        code = country_code(country_text)
        for group in self.groups:
            if group.country_text and country_code(group.country_text) == code and group.observer == observer:
                return group
        group = self.open_group(country_text)
        group.observer, group.by_name = observer, True
        return group

    def _of_no_country(self) -> GroupDraft:
        """The group of bodies of no country in this role, opened on first use."""
        for group in reversed(self.groups):
            if group.country_text is None and group.observer == self.observer_mode:
                return group
        return self.open_group(None)

    def add_authority(self, text: str, observer: bool = False) -> None:
        if names := _sharing_a_unit(text):
            # "..., Aomori and Hyogo prefectures": the list's last names, the unit said once for all
            for name in names:
                self.add_authority(name, observer)
            return
        # (a count summary is said whole: "TOTAL 5 16 ... observer row 17")
        if (count := _COUNT_COLUMN.search(text)) and suspect_authority(text) != "count summary":
            text = text[: count.start()]
        if (mode := _MODE_ASIDE.fullmatch(text.strip(" ,;"))) and self.groups:
            # "Russia (2; Sakhalin Region, Amur Region) (online)": how the group above took part
            group = self.groups[-1]
            group.members = [f"{name} ({mode['mode']})" for name in group.members]
            group.observers = [f"{name} ({mode['mode']})" for name in group.observers]
            return
        prefixed = _OBSERVER_PREFIX.match(text.strip())
        if prefixed and prefixed["origin"] and prefixed["name"][:1].isupper() and not country_code(prefixed["name"]):
            # "observers from Hokkaido and Chukotka Autonomous Okrug" after a summary: these only
            names = _AND.split(prefixed["name"])
            group = self.open_group(None)
            group.observer = True
            for name in names if all(name[:1].isupper() for name in names) else [prefixed["name"]]:
                self.add_authority(name, observer=True)
            return
        if prefixed and not prefixed["origin"] and not country_code(prefixed["name"]):
            # "Observers - Siberian Coal Energy Company; MUST": observers from here on
            text, self.observer_mode = prefixed["name"], True
        marked = False
        if self.footnote_mark and text.rstrip().endswith(self.footnote_mark):
            text, marked = text.rstrip()[: -len(self.footnote_mark)], True
        elif (footnote := FOOTNOTE_MARK.search(text.rstrip())) and footnote["mark"] in self.legends:
            # a mark whose legend is a remark of its own; a short one says how the name took part,
            # after it: "Chungcheongnam-do (joined online by video link)" (a mark with no legend stays)
            legend = self.legends[footnote["mark"]].rstrip(".")
            text = text.rstrip()[: footnote.start()]
            if len(legend.split()) <= FOOTNOTE_ASIDE_WORDS:
                text = f"{text} ({legend[0].lower()}{legend[1:]})"
        text, observer_suffix = strip_observer_suffix(text)
        marked = marked or observer_suffix
        abbreviated = _ABBREVIATED_END.search(text.rstrip(" ;,:："))
        text = text.strip(" .;,:：") + ("." if abbreviated else "")  # (not the dot of "Co., Ltd.")
        # (a list's article before a name is no part of it: "the Economic Research Institute for
        # Northeast Asia (ERINA), Niigata")
        named = _ARTICLE_BEFORE_NAME.sub("", text)
        if _title_case(named) and _capitalised_ends(_ASIDES.sub(" ", named)):
            text = named  # (not before words about a name: "the Japan Foundation and of universities")
        if not text:
            return
        remark = _DASHED_REMARK.match(text)
        if remark:  # "Ministry of Foreign Affairs of Mongolia – from Ulaanbaatar": the remark as its aside
            text = f"{remark['name']} ({remark['remark']})"
        suspect = suspect_authority(text)
        if suspect:
            self.notes.append(
                make_note(
                    "suspect-authority",
                    f"'{text}' is listed as an authority but is not a name ({suspect}); it is left out.",
                    self.line,
                )
            )
            return
        trailing = TRAILING_COUNTRY.match(text)
        trailing = trailing if trailing and country_code(trailing["country"]) else None
        dashed = DASHED_COUNTRY.match(text) if trailing is None else None
        if trailing:
            observer = observer or marked or self.observer_mode
            group, text = self.group_of(trailing["country"], observer), trailing["name"]
        elif dashed and country_code(dashed["country"]):
            aside = dashed["aside"] or ""
            marked = marked or "observer" in aside.lower()
            observer = observer or marked or self.observer_mode
            text = dashed["name"] if not aside or "observer" in aside.lower() else f"{dashed['name']} {aside}"
            group = self.group_of(dashed["country"], observer)
        else:
            group = self.current()
            if group.by_name:
                # "Observers / - Gangwon-do (Republic of Korea) / - Asian Development Bank": a name that
                # gives no country is not of the one the name above gave
                group = self._of_no_country()
            if self.observer_mode and not group.observer:
                # "Mongolia (1; Tov Province) 《※ Participated as observer》 KTO": observers of their own
                group = self.open_group(None)
        if group.mode:
            text = f"{text} ({group.mode})"  # "Toyama Prefecture (online)", as a name marked alone reads
        (group.observers if observer or marked or group.observer else group.members).append(text)

    def scan_line(self, line: Line, heads_bullets: bool = False) -> None:
        """One line; ``heads_bullets`` when it has no bullet and bulleted lines follow it."""
        self.line = line.number
        carried = HEADING_COUNT.match(line.text)
        group = self.groups[-1] if self.groups else None
        if carried and group and group.country_text and not group.members and group.stated is None:
            group.stated = int(carried["count"])  # "韩国 South Korea" / "(7)：A、B": the heading wrapped
            line = Line(line.number, carried["rest"])
        # ("- | Ramsar Convention Secretariat | observer": a table's empty first cell, not a bullet)
        text = line.text if _DASH_FIRST_CELL.match(line.text) else PARTICIPANT_BULLET.sub("", line.text)
        if text != line.text and (posted := POSTED_BULLET.fullmatch(text.strip())) and ends_in_post(posted["post"]):
            # "- Head of Department -- Administration of Irkutsk Oblast": a delegate, by post and body,
            # of the region above; without one, the body is the participant
            if self.delegating_region is not None:
                self.delegates.append(f"{self.delegating_region}: {posted['post']}, {posted['body']}")
                return
            self.delegates.append(f"{posted['post']}, {posted['body']}")
            text = posted["body"]
        elif text == line.text:  # (an authority's own line over them: "Republic of Buryatia")
            heads_delegates = heads_bullets and country_heading(text) is None and not self._heads_a_group(text)
            self.delegating_region = text.strip() if heads_delegates else None
        text = self.past_delegate(text)
        if not text:
            return
        text = _heading_in_english(text)
        if mode := ATTENDANCE_MODE.fullmatch(text.strip()):  # how the authorities after it took part: no group,
            if self.groups and self.groups[-1].country_text is not None:
                # but the names after it are of the country above only under its heading ("Online:",
                # then "Hyogo Prefecture; Irkutsk Oblast" after Mongolia's line)
                self.open_group(None).mode = " ".join(mode["mode"].lower().split())
            return
        if MEMBERS_HEADING.fullmatch(text.strip()):  # members of any country, after bodies of none
            self.open_group(None)
            return
        if heads_bullets and not country_heading(text) and self.scan_list_heading(text):
            return
        if TABLE_RULE.match(text):
            return
        text = DOT_LEADER.sub(_dot_leader_row, text)
        if "|" in text:
            self.scan_table_row([_unquoted(cell.strip()) for cell in text.strip().strip("|").split("|")])
            return
        self.table_rows = 0  # (a table after this line may have a header of its own)
        if OBSERVER_LINE.fullmatch(text):
            self._observers_begin()
            return
        if (observers := _OBSERVERS_THEN_NAME.match(text)) is not None:
            # "Observers<TAB>Wetlands International" after a table, its tab read as a space: the
            # heading, then the first of its names (the names on the lines below are observers too)
            self._observers_begin()
            text = observers["rest"]
        if (bodies := bodies_heading(text)) is not None:
            self.open_group(bodies).observer = True
            return
        if (headed := _bodies_heading_before_name(text)) is not None:
            # "Organizations<TAB>United Nations Environment Programme (UNEP); ...", its tab read as a space
            self.open_group(headed[0]).observer = True
            text = headed[1]
        if _lost_table_header(text):
            return
        heading = country_heading(text)
        # "Total: 16 authorities ...": not a heading either (but "Korea (5 regions) : ..." is a country's)
        if suspect_authority(text) == "count summary" and not (heading and country_code(heading[0])):
            self.add_authority(text)
            return
        observer_heading = _observer_heading(text) if heading is None else None
        if observer_heading and (
            country_code(observer_heading[0])
            # (not a region marked an observer under its country: "Jewish Autonomous Oblast (observer) - ...")
            or (
                observer_heading[1]
                and _unknown_country(observer_heading[0])
                and not self._region_and_its_body(observer_heading[0])
            )
        ):
            name, text = observer_heading
            if not country_code(name):
                self._note_unknown(name)
            self.open_group(name).observer = True
        if heading:
            country_text, stated, rest = heading
            if self._members_again(country_text):
                self.observer_mode = False
            elif not self.observer_mode and self.members_in_capitals is None:
                self.members_in_capitals = country_text.isupper()
            last = self.groups[-1] if self.groups else None
            if last is not None and last.country_text == country_text:
                group = self.open_or_continue(
                    country_text, stated
                )  # "China - Jilin Province" line after line: one group
            else:
                group = self.open_group(country_text, stated)  # (another spelling is kept as its own group's)
            group.mode = heading_mode(text) or group.mode
            text = _COUNT_COLUMN.sub("", rest) if self.columns.count is not None else rest
        elif (listed := _BODIES_LINE.match(text) or GROUP_DASH_HEADING.match(text)) and bodies_heading(
            listed["name"]
        ) is not None:
            # "※ Related organizations : Ministry of ..., NEAR Secretariat", "Organizations ― NOWPAP
            # ...": bodies of no country
            self.open_group(listed["name"].strip()).observer = True
            text = listed["rest"]
        elif (guests := GROUP_HEADING.match(text) or GROUP_DASH_HEADING.match(text)) and (
            GUEST_HEADING.fullmatch(guests["name"].strip()) or EXPERTS_HEADING.fullmatch(guests["name"].strip())
        ):  # "Guest: ...", "Experts – ...": bodies of no country
            self.open_group(guests["name"].strip()).observer = True
            text = guests["rest"]
        elif (unknown := GROUP_HEADING.match(text) or _region_dash_body(text)) and self._region_and_its_body(
            unknown["name"]
        ):
            # "Gangwon-do: Governor's Office", "Jilin Province - Department of Commerce of Jilin Province"
            # under a country's heading: the region, its body as its aside (the region's own after it:
            # "Jewish Autonomous Oblast (observer) - Government of ...")
            name, body = unknown["name"].strip(), unknown["rest"].strip()
            own = _TRAILING_ASIDE.search(name)
            bare, own_aside = (name[: own.start()], own.group()) if own else (name, "")
            text = f"{bare} ({body}){own_aside}" if body else name
        elif (unknown := GROUP_HEADING.match(text) or GROUP_DASH_HEADING.match(text)) and _unknown_country(
            unknown["name"]
        ):
            self._note_unknown(unknown["name"])
            self.open_group(unknown["name"])
            text = unknown["rest"]
        chunks = OBSERVER_MARK.split(text)
        if len(chunks) == 3 and not chunks[0].strip() and self._marks_one_name(chunks[1], chunks[2]):
            # "《※ observer》 Jilin Province" under China's members: that one is China's observer
            self.add_authority(chunks[2], observer=True)
            return
        if len(chunks) == 3 and not chunks[2].strip() and _one_name(chunks[0]):
            # "Altai Krai 《※ Participated as observer》" after DPR Korea's members: that one is an observer
            self.add_authority(chunks[0], observer=True)
            return
        for index, chunk in enumerate(chunks):
            if index % 2 and not "".join(chunks[:index]).strip():
                self._observers_begin()  # "※ Other observers: UNDP, ADB": the line's heading
            elif index % 2:
                self.observer_mode = True
            elif not (index + 1 < len(chunks) and _label_translation(chunk)):
                self.scan_chunk(chunk)

    def past_delegate(self, text: str) -> str:
        """What of a line is left to read as authorities once its delegate is kept apart: a
        delegates' heading and the lines under it, nothing (each kept in ``delegates``); an
        authority's own line that names its delegate, the authority ("Toyama Prefecture (富山県):
        Mr. Shigeru Noda, Director, ..." lists Toyama Prefecture)."""
        stripped = text.strip()
        if STAFF_HEADING.fullmatch(stripped):
            self.staff_listed = True  # (the staff under the heading, or after its colon)
            return ""
        if self.staff_listed and stripped and not self._heads_a_group(stripped):
            return ""  # a member of the staff, or a line of them
        self.staff_listed = False
        if heading := DELEGATES_HEADING.fullmatch(stripped):
            self.delegates_listed, text = True, heading["rest"] or ""
            stripped = text.strip()
        if (aside := DELEGATE_ASIDE.fullmatch(stripped)) is not None:
            # ("Heilongjiang Province / 黑龙江省 (Head: ...)": the authority's name in its own script)
            name, slash, native = aside["authority"].partition(" / ")
            authority = f"{name} ({native.strip()})" if slash and other_script_only(native) else aside["authority"]
            self.delegates.append(f"{authority}: {aside['delegate']}")
            return "" if self.delegates_listed else authority
        named = DELEGATE_LINE.fullmatch(stripped)
        if named is None and (by_name := DELEGATE_BY_NAME.fullmatch(stripped)) is not None:
            named = by_name if names_a_post(by_name["post"]) else None
        if named is None and (by_post := DELEGATE_BY_POST.fullmatch(stripped)) is not None:
            # (a capitalised post: "— chair of the NEAR Working Committee" is the region's role)
            post = by_post["post"].strip()
            post_only = (
                post[:1].isupper()
                and (is_post_of(post) or ends_in_post(post))
                and not self._heads_a_group(by_post["authority"])
            )
            named = by_post if post_only else None
        if named is not None:
            self.delegates.append(stripped)
            return "" if self.delegates_listed else named["authority"]
        if self.delegates_listed and re.match(HONORIFIC, stripped):
            self.delegates.append(stripped)  # "Mr. B. Kazbek, Deputy Governor of Bayan-Ulgii Aimag"
            return ""
        if self.delegates_listed and stripped and not self._heads_a_group(stripped):
            # under the heading, the delegates in any form, parted by semicolons ("Kamchatka Oblast:
            # Deputy Governor Nikolai P. ROMANENKO; Primorsky Krai: V. S. KOVALENKO, Head of ...")
            self.delegates += [piece.strip() for piece in split_top_level(stripped, ";") if piece.strip()]
            return ""
        self.delegates_listed = self.delegates_listed and not stripped  # a blank line or a heading ends them
        return text

    def _observers_begin(self) -> None:
        """A bare observers' heading ("Observers", "《※ Participated as observer》"): what follows
        are observers."""
        if not self.observer_mode:
            self.observers_from = len(self.groups)
        self.observer_mode = True
        last = self.groups[-1] if self.groups else None
        if last is not None and last.country_text is not None and last.observer and not last.by_name:
            # (not the observers of the country above: "Japan (1; Tottori Prefecture) (observer)")
            self.open_group(None)

    def _members_again(self, country_text: str) -> bool:
        """Whether a country's heading after observers heads members again: the observers were
        bodies listed under their own heading inside a country's block, and this heading is written
        as the members' were ("MONGOLIA (3) / Selenge Aimag / Observers / - Ministry of ... / JAPAN
        (2) / Toyama Prefecture"). Countries right after the heading are its observers."""
        return (
            self.observer_mode
            and self.observers_from is not None
            and self.members_in_capitals is not None
            and country_text.isupper() == self.members_in_capitals
            and any(
                group.country_text is None and bool(group.members or group.observers)
                for group in self.groups[self.observers_from :]
            )
        )

    def _region_and_its_body(self, name: str) -> bool:
        """Whether a heading-like name is a region's, under a known country's heading: the
        region that sent the body after its colon, no country of its own."""
        group = self.groups[-1] if self.groups else None
        return (
            group is not None
            and group.country_text is not None
            and country_code(group.country_text) is not None
            and REGION_NAME_END.search(_TRAILING_ASIDE.sub("", name).strip()) is not None
            and _unknown_country(name.strip())
        )

    def _heads_a_group(self, text: str) -> bool:
        """Whether a line opens a group again: a country, observers, guests, bodies of no country
        ("Guests – Sakhalin Energy Investment Company; ...")."""
        head = re.split(r"\s*[:：]\s*|\s+[–—-]\s+", text, maxsplit=1)[0]
        return (
            country_heading(text) is not None
            or country_code(head) is not None
            or OBSERVER_LINE.fullmatch(head) is not None
            or _observer_heading(text) is not None
            or bodies_heading(head) is not None
            or GUEST_HEADING.fullmatch(head) is not None
        )

    def _marks_one_name(self, mark: str, text: str) -> bool:
        """Whether an observer's mark opening a line marks the one name after it, under a country's
        members: no country, no list ("《※ Participated as observer》 Japan" opens Japan's observers,
        and so does a label, "Observers: ...")."""
        group = self.groups[-1] if self.groups else None
        name = text.strip()
        return (
            not mark.rstrip().endswith((":", "："))
            and group is not None
            and group.country_text is not None
            and bool(name)
            and country_heading(name) is None
            # (nor a country's inline group: "Mongolia (1; Tov Province)", "Kazakhstan / East Kazakhstan Region")
            and country_code(re.split(r"\s*[(/:：]", name)[0]) is None
            and len(listed_names(name)) == 1
        )

    def scan_list_heading(self, text: str) -> bool:
        """A heading over bulleted authorities that is not a country ("International
        organizations (observers)"): a group of its own with no country."""
        name, marked = strip_observer_suffix(text)
        name = name.strip().rstrip(":：")
        if OBSERVER_LINE.fullmatch(name):
            self._observers_begin()
            return True
        if self._region_and_its_body((split_aside(name) or (name, ""))[0]):
            # "Irkutsk Oblast (Иркутская область)" over its delegates, under its country's heading
            self.add_authority(text)
            self.delegating_region = name
            return True
        if not _unknown_country(name):
            return False
        self._note_unknown(name)
        self.open_group(name).observer = marked or self.observer_mode
        return True

    def _note_unknown(self, name: str) -> None:
        self.notes.append(
            make_note(
                "unknown-country", f"'{name}' heads a group of authorities but is not a known country.", self.line
            )
        )

    def scan_table_row(self, cells: list[str]) -> None:
        """A row of a pasted table: country, authorities, and perhaps a role and a count."""
        if all(not cell or TABLE_SEPARATOR_CELL.match(cell) for cell in cells):
            return
        # (a total's row holds counts; one with a remark too, "| 계 (Total) | 43 | ※ Observer : Jewish
        # Autonomous Oblast |", is read on: what it says is no one's, and a note says so)
        if TOTAL_ROW.match(cells[0]) and not any(cell.lstrip().startswith("※") for cell in cells[1:]):
            return
        country_column = self.columns.country
        no_country = country_column is not None and country_column < len(cells) and cells[country_column] in EMPTY_CELLS
        if no_country and not (self.groups and self.groups[-1].country_text is None):
            self.open_group(None)  # "| — | — | Wetlands International |": bodies of no country
        cells = ["" if cell in EMPTY_CELLS else cell for cell in cells]
        if self._country_cell_wrapped(cells):
            return
        counted: int | None = None  # "| Mongolia (7) | Bulgan Province, ... |": the country's cell holds its count
        for index, cell in enumerate(cells):
            if (heading := country_heading(cell)) and heading[1] is not None and not heading[2]:
                cells, counted = [*cells[:index], heading[0], *cells[index + 1 :]], heading[1]
                break
        if (
            not any(country_code(cell) or COUNT_CELL.match(cell) for cell in cells)
            and any(_header_role(cell) for cell in cells)
            and not self.table_rows  # "|  | Gansu Province, Shaanxi Province |": the row above goes on
        ):
            header = _table_columns(cells)
            # (a second table, under a heading of its own, may have a header of its own: one that
            # names a country's column and an authority's, "Observer | Country | Represented by")
            if not self.columns.width or _names_country_and_authority(header):
                self.columns = header
                if _names_country_and_authority(header) and not any("observ" in cell.lower() for cell in cells):
                    # (a table of countries and their authorities, under "observers: ..." in the line
                    # above it: its rows say who observes, "Vietnam (observer)")
                    self.observer_mode = False
                return
        self.table_rows += 1
        columns = self.columns
        guest_cell = cells[columns.country or 0] if (columns.country or 0) < len(cells) else ""
        guests = GUEST_HEADING.fullmatch(guest_cell.strip()) is not None
        if columns.country == 0 and len(cells) < columns.width and not country_code(cells[0]) and not guests:
            cells = ["", *cells]  # the country cell spans the rows below it: left empty in a paste
        country_index = (
            columns.country
            if columns.country is not None
            # (with no header, a role in the first cell stands where a country would: "Observers | ADRC | IRP")
            else next(
                (index for index, cell in enumerate(cells) if country_code(cell)),
                0 if ROLE_CELL.match(cells[0]) else None,
            )
        )
        observer = any((role := ROLE_CELL.match(cell)) is not None and role["observer"] is not None for cell in cells)
        country_cell = cells[country_index] if country_index is not None and country_index < len(cells) else None
        named, marked = strip_observer_suffix(country_cell or "")
        if named.strip():  # "| DPR Korea (observer) | Rason City |" (but "| (observers) |" is a role's cell)
            country_cell, observer = named.strip(), observer or marked
        seat_place, seat_country = _seat(cells, columns)
        if (
            columns.country is not None
            and columns.authority is not None
            and not any(cell for index, cell in enumerate(cells) if index != columns.authority)
        ):
            # "│Observer│Hamgyong-bukto (DPR Korea),│ 2│" over "│        │Rep. of Buryatia (Russia)│  │":
            # the row above goes on, its names observers too (not members of the country in brackets)
            observer = observer or self.row_observer
        self.row_observer = observer
        if country_cell and (bodies := bodies_heading(country_cell)) is not None:  # "| International organizations |"
            self.open_group(bodies).observer = True
        elif country_cell and guests:  # "| Invited | Korea Maritime Institute (KMI), Seoul | 2 |": the meeting's guests
            self.open_group(country_cell).observer = True
        elif country_cell and ROLE_CELL.match(country_cell) and not country_code(country_cell):
            self.open_group(None).observer = observer  # "| (observers) | ADB, KEEI |": bodies of no country
        elif country_text := country_cell or seat_country:
            if not country_code(country_text):
                self.notes.append(
                    make_note(
                        "unknown-country",
                        f"'{country_text}' is in the country column but is not a known country.",
                        self.line,
                    )
                )
            count_index = columns.count if columns.count is not None else None
            stated = (
                int(cells[count_index])
                if count_index is not None and count_index < len(cells) and COUNT_CELL.match(cells[count_index])
                else None
            )
            group = self.group_for_row(country_text, observer or self.observer_mode)
            if stated is not None or counted is not None:
                group.stated = stated if stated is not None else counted
        self.last_row = (self.groups[-1], len(self.groups[-1].members)) if self.groups else None
        body = _body_sent(cells, columns)
        if columns.authority is not None and columns.authority < len(cells) and not cells[columns.authority] and body:
            # "| — | — | Wetlands International |": a body of no region, which is the row's authority
            cells, body = [*cells[: columns.authority], body, *cells[columns.authority + 1 :]], None
        if columns.authority is not None:
            authority_cells = [cells[columns.authority]] if columns.authority < len(cells) else []
        else:
            authority_cells = [
                cell
                for index, cell in enumerate(cells)
                if cell
                and index not in (country_index, columns.observers, columns.delegate, columns.post)
                and not ROLE_CELL.match(cell)
                and not COUNT_CELL.match(cell)
            ]
        # (its own-script name, then the institution it sent: "Jeollanam-do (Korea Aerospace Research Institute)")
        # (another name stays though the name holds it: "Liaoning Province (Liaoning)" is how the table names it)
        other_name = _other_name(cells, columns)
        asides = [aside for aside in (_native_name(cells, columns), body) if aside]
        for cell in authority_cells:
            text, marked = _with_seat(cell, seat_place) if seat_place else (cell, False)
            if asides or other_name:  # (a mark stays last: "Shaanxi Province (guest)" and its department, a guest)
                text, guest = strip_observer_suffix(text)
                marked = marked or guest
            text += (f" ({other_name})" if other_name and f"({other_name})" not in text else "") + "".join(
                f" ({aside})" for aside in asides if aside not in text
            )
            self.add_items(text, observer or marked)
        self.delegates += _delegate_of_row(cells, columns, authority_cells)
        observers = columns.observers
        observing = cells[observers].strip() if observers is not None and observers < len(cells) else ""
        # "| Russian Federation | Sakha Republic, ... | Krasnoyarsk Krai |": the row's country's observers
        if observing and not ROLE_CELL.match(observing):
            country_text = country_cell or seat_country
            if country_text and country_code(country_text):
                members = self.groups[-1] if self.groups else None
                if members is not None and members.country_text == country_text and _empty_row_group(members):
                    self.groups.pop()  # "| Vietnam | – | – | Quang Ninh Province |": an observer, and no member
                self.group_for_row(country_text, True)
            else:
                self.open_group(None).observer = True
            self.add_items(observing, True)

    def _country_cell_wrapped(self, cells: list[str]) -> bool:
        """A row whose only cell is an observer's mark in brackets under a row that named its
        country: that row's country cell wrapped ("| Vietnam | Thua Thien Hue Province |" over
        "| (observer) | |"), so its names are the country's observers."""
        filled = [cell for cell in cells if cell.strip()]
        if len(filled) != 1 or self.last_row is None or not _BRACKETED_OBSERVER.fullmatch(filled[0].strip()):
            return False
        group, before = self.last_row
        group.observers += group.members[before:]
        del group.members[before:]
        self.last_row = None
        return True

    def group_for_row(self, country_text: str, observer: bool) -> GroupDraft:
        """Rows of one country and role follow each other in a table: one group for them."""
        last = self.groups[-1] if self.groups else None
        if (
            last
            and last.country_text
            and country_code(last.country_text) == country_code(country_text)
            and last.observer == observer
            and country_code(country_text)
        ):
            return last
        group = self.open_group(country_text)
        group.observer = observer
        return group

    def scan_chunk(self, text: str) -> None:
        position, listed_inside, pattern = 0, False, INLINE_GROUP
        if self.observer_mode and (unnamed := UNNAMED_COUNTED_GROUP.match(text)) is not None:
            # "《※ Participated as observer》 (2; United Nations University, ...)": bodies of no country, counted
            position, listed_inside = self.scan_inline_group(text, unnamed)
            pattern = NEXT_INLINE_GROUP
        while True:
            group = next(
                (
                    m
                    for m in pattern.finditer(text, position)
                    if country_code(m["country"])
                    or _observers(m)
                    or (self.observer_mode and _counted(text, m))
                    # "Institutes (6; Institute of Geoecology (...), ...)": bodies of no country, counted
                    or (bodies_heading(m["country"]) is not None and _counted(text, m))
                ),
                None,
            )
            if group is None:
                break
            self.add_items(text[position : group.start()])
            position, listed_inside = self.scan_inline_group(text, group)
            pattern = NEXT_INLINE_GROUP
        rest = text[position:]
        if listed_inside and rest.strip(" .;,"):
            # after "Mongolia (A, B)" the brackets closed that country's list: "; Altai Krai
            # attended as an observer" is no Mongolian authority
            self.open_group(None)
        self.add_items(rest)

    def scan_inline_group(self, text: str, match: re.Match[str]) -> tuple[int, bool]:
        """-> where the group ends, and whether its authorities were inside its brackets."""
        open_paren = match.end() - 1
        close = _closing_paren(text, open_paren)
        inner = text[open_paren + 1 : close]
        count = re.match(r"\s*(\d{1,6})\s*(?:[;:,]\s*|$)", inner)
        # "Observers (4; AER, CPMR)", and among observers "Europe (3; AER, CPMR, nrg4SD)": bodies of
        # no country, counted in brackets as a country's authorities
        observers = _observers(match) or not country_code(match["country"])
        # (a heading of bodies names its group, as on a line of its own: "Institutes")
        name = bodies_heading(match["country"]) or (None if observers else match["country"].strip())
        group = self.open_group(name, int(count.group(1)) if count else None)
        group.observer = group.observer or observers
        position = close + 1
        suffix = OBSERVER_SUFFIX.match(text, position)
        if suffix:
            group.observer = True
            position = suffix.end()
        names = listed_names(inner[count.end() if count else 0 :])
        for item in names:
            self.add_authority(item)
        return position, any(name.strip() for name in names)

    def _add_lists_by_country(self, lists: list[tuple[str, list[str]]], rest: str, observer: bool) -> None:
        """Each country's list, as ``lists_by_country`` read it, then what follows the last."""
        # (under "Online:", each country's list took part online)
        mode = self.groups[-1].mode if self.groups else None
        role = self.observer_mode or observer
        for country, names in lists:
            # ("Xinjiang Uygur Autonomous Region (China); Qinghai Province (China)": one group)
            group = self.open_or_continue(country, None, role)
            group.observer, group.mode = role, group.mode or mode
            for name in names:
                self.add_authority(name, observer)
        if rest:
            self.open_group(None)
            self.add_items(rest, observer)

    def add_items(self, text: str, observer: bool = False) -> None:
        if (by_country := lists_by_country(text)) is not None:
            self._add_lists_by_country(*by_country, observer)
            return
        placed = placed_in_country(text)
        if placed:
            name, country, marked = placed
            self.add_authority(f"{name} ({country})", observer or marked)
            return
        translated = next((found for pattern in TRANSLATED_NAMES if (found := pattern.match(text.strip()))), None)
        if translated:  # "Chita Oblast / Читинская область (host)": one authority, its name in its own script
            text = f"{translated['name']} ({translated['native']}){translated['aside'] or ''}"
        names = listed_names(_SLASHES.sub(";", text))
        if len(names) > 1 and _ALL_AS_OBSERVERS.search(names[-1]) and not any(map(country_heading, names)):
            observer = True  # "ADB, EBRD and JICA as observers": the mark is every name's of the list
        for listed in names:
            item = _AND_OTHERS.sub(r"\g<name>", listed).strip()
            if _title_case(last := _LAST_LISTED.sub("", item)):
                item = last  # (not "and the Kazakh border city of Khorgos": words about a name)
            if not item:
                continue
            countries = _AND.split(item)
            if len(countries) > 1 and all(country_code(country) for country in countries):
                for country in countries:  # "... from China, Russia and Vietnam": countries, not an authority
                    self.open_group(country.strip())
                continue
            heading = country_heading(item)
            observing = _observer_heading(item) if heading is None else None
            marked = False
            if heading:  # "Korea: Gangwon-do" after a semicolon: the next country and its first authority
                group = self.open_or_continue(heading[0], heading[1])
                group.observer = group.observer or observer
                # (its authorities joined by "and" as on a line of their own: "; China: Heilongjiang
                # Province and Jilin Province")
                names = _names_joined_by_and(heading[2]) if heading[2] else []
            elif observing and country_code(observing[0]) and observing[1]:
                # "...; China (guest): Xinjiang Uygur Autonomous Region": the next country, observing
                self.open_group(observing[0]).observer = True
                names = [observing[1]]
            else:
                # "Hokkaido and the Republic of Khakassia as observers": the mark is both names'
                named, marked = strip_observer_suffix(item)
                names = _names_joined_by_and(named)
            for name in names:
                self.add_authority(name, observer or marked)


# The fields a ministry or an agency is named for, listed with commas inside its one name:
# "Ministry of Land, Infrastructure, Transport and Tourism", "Japan Oil, Gas and Metals National
# Corporation". A comma before them continues that name rather than listing another.
# An institute's disciplines, listed after its "of" as a ministry's fields are: "Institute of
# History, Archaeology and Ethnography of the Peoples of the Far East" is one name.
DISCIPLINE_WORDS = frozenset(
    {
        *("history", "archaeology", "ethnography", "ethnology", "geography", "geology", "economics", "law"),
        *("philosophy", "sociology", "anthropology", "linguistics", "literature", "biology", "chemistry", "physics"),
    }
)
PORTFOLIO_WORDS = (
    frozenset(
        [
            "agriculture",
            "commerce",
            "communications",
            "construction",
            "culture",
            "development",
            "economy",
            "education",
            "employment",
            "energy",
            "environment",
            "finance",
            "fisheries",
            "food",
            "forestry",
            "gas",
            "green",
            "health",
            "industry",
            "infrastructure",
            "innovation",
            "investment",
            "labor",
            "labour",
            "land",
            "metals",
            "mining",
            "oil",
            "planning",
            "science",
            "sports",
            "technology",
            "tourism",
            "trade",
            "transport",
            "transportation",
            "welfare",
            "youth",
        ]
    )
    | DISCIPLINE_WORDS
    # (and their adjectives, as a body names its fields: "United Nations Educational, Scientific and
    # Cultural Organization (UNESCO)")
    | frozenset({"educational", "scientific", "cultural", "economic", "social", "technical", "technological"})
)


def _portfolio(word: str) -> bool:
    return word[:1].isupper() and word.lower() in PORTFOLIO_WORDS


def _continues_portfolio(name: str, piece: str) -> bool:
    """Whether ``piece``, after a comma, goes on listing the fields ``name`` ends with: a field
    ("Infrastructure") or fields joined by "and" ("Transport and Tourism", "Gas and Metals National
    Corporation (JOGMEC)", "Green Development and Tourism of Mongolia") after a name of two words
    or more whose last word is one."""
    before, words = name.split(), piece.split()
    if len(before) < 2 or not _portfolio(before[-1]) or not words or not _portfolio(words[0]):
        return False
    run = list(itertools.takewhile(lambda word: _portfolio(word) or word in ("and", "&"), words))
    while run[-1] in ("and", "&"):
        run.pop()
    return len(run) == len(words) or "and" in run or "&" in run


def listed_names(text: str) -> list[str]:
    """The names of a list, split at its separators outside brackets, except at the commas
    inside one name's fields ("Ministry of Economy, Trade and Industry (METI)")."""
    names: list[str] = []
    # (a pattern of the last name as the text writes it, where the list took its office in: the seat
    # after them is the name's, "UNEP (UNEP), Regional Office, Bangkok")
    with_office = ""
    for piece in split_top_level(text, _LIST_SEPARATORS):
        written, with_office = with_office, ""
        if names and _continues_portfolio(names[-1], piece) and text.find(f"{names[-1]}, {piece}") >= 0:
            names[-1] = f"{names[-1]}, {piece}"
        elif names and _LEGAL_FORM_LISTED.match(piece):
            names[-1] = f"{names[-1]}, {piece.strip()}"  # "DBS Cruise Ferry Co., Ltd.": the company's form
        elif names and _OFFICE_OF_LISTED.match(piece):
            # "Korea Trade-Investment Promotion Agency (KOTRA), Vladivostok office": that body's office
            with_office = rf"{re.escape(names[-1].strip())},\s*{re.escape(piece.strip())}"
            names[-1] = f"{names[-1]} ({piece.strip()})"
        elif names and (_seat_of(names[-1], piece, text, written) or _country_of_region(names[-1], piece, text)):
            # "Asian Disaster Reduction Center (ADRC), Kobe; ...": the body's seat; "Tuv Aimag,
            # Mongolia; ...": the region's country
            names[-1] = f"{names[-1]} ({piece.strip()})"
        elif names and (former := _FORMER_NAME.match(piece)):
            # "Jeonbuk State, formerly Jeollabuk-do (online)": the name's other name, then its asides
            names[-1] = f"{names[-1]} ({former['name']}){former['asides']}"
        else:
            names.append(piece)
    return names


# A company's legal form after its name and a comma: "Weidong Ferry Co., Ltd.", "Dalenergo, OAO"
_LEGAL_FORM_LISTED = re.compile(r"^\s*(?:Ltd|Inc|LLC|JSC|PJSC|OJSC|OAO|ZAO|PLC|Limited|Corp)\.?\s*(?:\([^()]*\))?\s*$")
# A body's office in a town, in lower case after the body's name and a comma: "..., Vladivostok office";
# or of a kind, capitalised: "United Nations Environment Programme (UNEP), Regional Office, Bangkok"
_OFFICE_OF_LISTED = re.compile(
    r"^\s*(?:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?\s+(?:representative\s+|liaison\s+)?(?:office|branch)"
    r"|(?:Regional|Sub-?regional|Liaison|Country|Representative|Field|Project)\s+Office)\s*$"
)
# A name's earlier or later name after a comma in a list: "Jeonbuk State, formerly Jeollabuk-do"
_FORMER_NAME = re.compile(
    r"^(?P<name>(?:formerly|previously|now|until\s+\d{4})\s+[^()]+?)(?P<asides>(?:\s*\([^()]*\))*)$"
)


# The last words of a body's or a region's name: "A and B" is two names only where A ends so.
# The words a body's name ends with ("Korea Environment Institute"), and with the regions' and
# a few more, the words any listed name ends with
BODY_END_WORDS = frozenset(
    {"society", "institute", "agency", "university", "bank", "association", "organization", "organisation"}
    | {"corporation", "company", "programme", "program", "fund", "foundation", "council", "committee"}
    | {"commission", "centre", "center", "office", "secretariat", "bureau", "federation", "network", "authority"}
)
NAME_END_WORDS = (
    BODY_END_WORDS
    # ("department": "Heilongjiang Province, Forestry Department" over "NEAR Secretariat")
    | {"societies", "corps", "government", "administration", "department", "service", "chamber"}
    | {"republic", "district"}
    | REGION_END_WORDS
)


# A town of one or two words after a body's name and a comma, last before a semicolon or the
# end of a list parted by semicolons: the body's seat ("Economic Research Institute for
# Northeast Asia (ERINA), Niigata;")
_SEAT_LISTED = re.compile(r"^\s*[A-Z][a-z'’-]+(?:[ -][A-Z][a-z'’-]+)?\s*$")
# (a body's acronym in brackets ends the name before a seat: "(ERINA)", "(UCLG ASPAC)", "(nrg4SD)")
_ACRONYM_ENDING = re.compile(r"\((?=[^()]*[A-Z]{2})[A-Za-z0-9&. -]{2,20}\)\s*$")
# (words that end names, not towns: "Wetlands International", "Khabarovsk Kray")
_NOT_A_SEAT_WORDS = NAME_END_WORDS | {"kray", "international", "group", "railway", "railways"}


def _country_of_region(region: str, piece: str, text: str) -> bool:
    """Whether ``piece`` is the country of the region listed before it, after a comma, in a list
    parted by semicolons ("Tuv Aimag, Mongolia; the Economic Research Institute ..."): the country
    no group of its own."""
    country = piece.strip()
    return (
        country_code(country) is not None
        and REGION_NAME_END.search(region.strip()) is not None
        and ";" in text
        and re.search(rf"{re.escape(region.strip())},\s*{re.escape(country)}\s*(?:;|$)", text) is not None
    )


def _seat_of(body: str, piece: str, text: str, written: str = "") -> bool:
    """Whether ``piece`` is the seat of the body listed before it (``written``: a pattern of that
    body as the text writes it, where the list took an office of it in: "UNEP (UNEP), Regional Office")."""
    seat = piece.strip()
    if not _SEAT_LISTED.match(seat) or country_code(seat) or seat.split()[-1].lower() in _NOT_A_SEAT_WORDS:
        return False
    words = body.split()
    # (or its office in brackets: "... (UNEP) (Regional Office)", "Bangkok" its seat)
    if not (_ACRONYM_ENDING.search(body) or (words and words[-1].rstrip(")").lower() in BODY_END_WORDS)):
        return False
    # (in a list parted by semicolons: in one of commas alone, "..., Tottori University, Dalmoreprodukt"
    # is one more name)
    listed = written or re.escape(body.strip())
    return ";" in text and re.search(rf"{listed},\s*{re.escape(seat)}\s*(?:;|$)", text) is not None


def _names_joined_by_and(item: str) -> list[str]:
    """ "Mongolian Red Cross Society and Mercy Corps": two names, where each side is a name of
    two words or more, every word capitalised, and the first ends as a body's or a region's
    name does ("Korea Culture and Tourism Institute", "Ministry of Economy and Finance" stay
    whole)."""
    # (not inside brackets: "UNESCO Beijing Office (for Mongolia, China, Japan and the Korean Peninsula)")
    written = split_top_level_at(item.strip(" .;,:"), _AND)
    parts = [_LEADING_THE.sub("", part) for part in written]
    # "Hokkaido and the Republic of Khakassia": an article after "and" opens a second name (not in
    # a body's area: "FAO Regional Office for Asia and the Pacific")
    if (
        len(parts) == 2
        and _LEADING_THE.match(written[1])
        and all(_capitalised_ends(part) for part in parts)
        and not _JOINED_AREA.search(item)
    ):
        return parts
    if len(parts) == 2 and all(_ACRONYM.fullmatch(part.strip()) for part in parts):
        return parts  # "EBRD and JICA": two bodies by their acronyms
    # (a name's acronym after it is no word of the name: "Asian Development Bank (ADB) and the ...")
    bare = [_ACRONYM_ASIDE.sub("", part) for part in parts]
    if len(parts) != 2 or not all(_plain_name(part) for part in bare):
        return [item]
    if bare[0].split()[-1].lower() not in NAME_END_WORDS:
        return [item]
    return parts


_LEADING_THE = re.compile(r"^the\s+")
_ARTICLE_BEFORE_NAME = re.compile(r"^[Tt]he\s+(?=[A-Z])")
# Areas that UN bodies' names join with "and the", never two names
_JOINED_AREA = re.compile(r"\b(?:Asia|Latin America|Europe) and the (?:Pacific|Caribbean|Central Asia)\b")
_ACRONYM_ASIDE = re.compile(r"\s*\([A-Z][A-Za-z&.-]*\)$")
_ACRONYM = re.compile(r"[A-Z][A-Z&-]*[A-Z]")


def _capitalised_ends(text: str) -> bool:
    words = text.split()
    return bool(words) and words[0][:1].isupper() and words[-1][:1].isupper()


def _plain_name(text: str) -> bool:
    words = text.split()
    return len(words) >= 2 and all(word[:1].isupper() for word in words)


# The units a list's last names may share, said once in the plural after them: "Aomori and Hyogo prefectures"
SHARED_UNITS = frozenset(
    {"prefectures", "provinces", "oblasts", "krais", "regions", "aimags", "counties", "cities", "states"}
)


def _sharing_a_unit(text: str) -> list[str]:
    """The names of "Aomori and Hyogo prefectures", each a name of capitalised words; [] for anything else."""
    *words, unit = text.split() or [""]
    if unit not in SHARED_UNITS or any(mark in text for mark in ",;()"):
        return []
    names = _AND.split(" ".join(words))
    whole = all(name and all(word[:1].isupper() for word in name.split()) for name in names)
    return names if len(names) > 1 and whole else []


_AND = re.compile(r"\s+(?:and|&)\s+")

TABLE_HEADERS = (
    # (and in Korean, Japanese and Chinese: "국 가", "国名", "国家")
    ("country", re.compile(r"countr|nation|^страна$|^국가$|^국명$|^国名?$|^国家$|^國家$", re.IGNORECASE)),
    # "| Head of delegation | Post and organization |": who a region sent, and their post and body
    ("delegate", re.compile(r"\bheads?\s+of\s+(?:the\s+)?delegations?\b|^(?:chief\s+)?delegate$", re.IGNORECASE)),
    ("post", re.compile(r"^(?:post|position|title)\b", re.IGNORECASE)),
    (
        "count",
        re.compile(
            r"^(?:no\.?|#|№|count|number|total)(?=\W|$)|^authorities$|\b(?:delegates|persons)\b|^(?:чел|кол-во)\.?$",
            re.IGNORECASE,
        ),
    ),
    ("role", re.compile(r"\b(?:role|status|type|membership|remarks?)\b", re.IGNORECASE)),
    (
        "seat",
        re.compile(r"^(?:seat|headquarters?|location|based in|address|(?:connected|joined|participating) from)$", re.I),
    ),
    (
        "native",
        re.compile(
            r"\bnative\b|\b(?:local|original|own)\s+(?:name|script|spelling)|\bin\s+(?:local|native|own)\b"
            r"|\b(?:hangul|hangeul|kanji|hanzi|cyrillic)\b|原文|현지",
            re.IGNORECASE,
        ),
    ),
    # "| Member region | Short name |": another name of the row's authority, in brackets after it
    (
        "other_name",
        re.compile(
            r"^(?:short|other|alternative|common|usual|former|old)\s+(?:names?|forms?)$"
            r"|^(?:also known as|a\.?k\.?a\.?)$",
            re.IGNORECASE,
        ),
    ),
    # ("Organization" beside a region's column: the body the region sent; alone, the bodies themselves)
    # ("Delegation" beside a region's column: the body that delegated, as the region's institution)
    # ("Department" beside a region's column: the region's department that came)
    (
        "body",
        re.compile(
            r"\binstitut(?:e|ion)s?\b|\buniversit|\bagenc(?:y|ies)\b|^organi[sz]ations?$|^delegations?$"
            r"|^(?:departments?|divisions?|bureaus?|(?:department|division|office)\s+in\s+charge)$",
            re.IGNORECASE,
        ),
    ),
    # "| Country | Member regions | Observers |": each row's observers, of the row's country
    # ("| Observer |", a mark's column, has no role of its own)
    ("observers", re.compile(r"^(?:observers|observing (?:regions|members|authorities))$", re.IGNORECASE)),
    (
        "authority",
        re.compile(
            r"authorit|region|government|province|prefecture|member|participant|name|local|organi[sz]ation|\bbody\b"
            r"|^(?:регион|субъект)|지방정부|자치단체|自治体|地方政府|参加地区",
            re.IGNORECASE,
        ),
    ),
)


# "Umnugovi Province 9", "Republic of Korea: Kyongsangbuk-do, Kangwon-do, 8": a table's column of
# delegates' counts after the name or the row's list, the bars or spaces between the cells lost
_COUNT_COLUMN = re.compile(r"(?<=[^\W\d_]|[)）])[,;]?\s+\d{1,3}\s*$")
_COUNTRY_COLUMN = dict(TABLE_HEADERS)["country"]


def _lost_table_header(text: str) -> bool:
    """Whether a line is a table's header whose bars or tabs were lost: "Country: Region Delegates",
    "Country Region / Organization Persons", each word a column's (TABLE_HEADERS), the first the
    country's."""
    words = _HEADER_WORD_BREAKS.split(text.strip())
    return (
        len(words) >= 2
        and _COUNTRY_COLUMN.search(words[0]) is not None
        and all(any(pattern.search(word) for _, pattern in TABLE_HEADERS) for word in words)
    )


_HEADER_WORD_BREAKS = re.compile(r"[\s:：/]+")
_SEATS = re.compile(r"\s+/\s+")


def _seat(cells: list[str], columns: TableColumns) -> tuple[str | None, str | None]:
    """(the place, the country) of a body's seat: "Pohang" and "Republic of Korea" of "Pohang,
    Republic of Korea"; a seat that ends with no country is all place, and so are seats apart."""
    if columns.seat is None or columns.seat >= len(cells):
        return None, None
    seat = cells[columns.seat]
    if len(seats := _SEATS.split(seat)) > 1:  # "Toyama, Japan / Busan, Korea": two seats, each a place
        return ", ".join(part.strip() for part in seats if part.strip()) or None, None
    place, _, country = seat.rpartition(",")
    if country_code(country.strip()):
        return place.strip() or None, country.strip()
    return seat.strip() or None, None


def _aside_cell(cells: list[str], columns: TableColumns, column: int | None) -> str:
    """A row's cell of ``column``, which goes in brackets after the row's one authority ("" where
    the table has no such column, no authority column or the row no such cell)."""
    if column is None or columns.authority is None or column >= len(cells):
        return ""
    return cells[column].strip()


def _native_name(cells: list[str], columns: TableColumns) -> str | None:
    """The body's own-script name from its column, for the one body of its row: it goes in
    brackets after the name, as a text writes it ("Shimane Prefecture (島根県)")."""
    native = _aside_cell(cells, columns, columns.native)
    return native if native and not re.search(r"[,;]", native) and not ROLE_CELL.match(native) else None


def _other_name(cells: list[str], columns: TableColumns) -> str | None:
    """Another name of the row's one body from its column ("Primorye" of Primorsky Krai), unless
    it is the row's name again."""
    other = _aside_cell(cells, columns, columns.other_name)
    named = cells[columns.authority] if columns.authority is not None and columns.authority < len(cells) else ""
    if not other or re.search(r"[,;]", other) or ROLE_CELL.match(other) or other.casefold() == named.casefold():
        return None
    return other


def _body_sent(cells: list[str], columns: TableColumns) -> str | None:
    """The institution a region sent, from its column ("Institution"), where the row names one."""
    body = _aside_cell(cells, columns, columns.body)
    if body.startswith("(") and body.endswith(")") and _open_brackets(body[1:-1]) == 0:
        body = body[1:-1].strip()  # "(provincial government)": the cell's own brackets, not the name's
    return body if any(char.isalpha() for char in body) and not ROLE_CELL.match(body) else None


def _with_seat(cell: str, seat: str) -> tuple[str, bool]:
    """A body with its seat in brackets ("Tov Province (Zuunmod)"), and whether the cell marks
    it an observer (the mark, which ends the cell, is taken off for the seat to follow the name)."""
    name, observer = strip_observer_suffix(cell)
    if not name.strip() or re.search(r"[,;]", name):
        return cell, False  # (not one body: the seat is no one's)
    return f"{name.strip()} ({seat})", observer


def _header_role(cell: str) -> str | None:
    cell = LETTER_SPACED_CJK.sub(r"\1", cell.strip())  # ("참 가 지 방 정 부", spread to the column's width)
    return next((role for role, pattern in TABLE_HEADERS if pattern.search(cell)), None)


def _delegate_of_row(cells: list[str], columns: TableColumns, authorities: list[str]) -> list[str]:
    """A table row's delegate as a delegates' line: "Niigata Prefecture (新潟県): Mr. Shinichi
    Kobayashi, Counsellor for Industrial Policy, Niigata Prefectural Government"."""
    delegate = cells[columns.delegate].strip() if columns.delegate is not None and columns.delegate < len(cells) else ""
    if not delegate or not authorities:
        return []
    post = cells[columns.post].strip() if columns.post is not None and columns.post < len(cells) else ""
    return [f"{authorities[0]}: {delegate}" + (f", {post}" if post else "")]


def _table_columns(cells: list[str]) -> TableColumns:
    """The columns of a table's header row: the first that names each thing."""
    columns = TableColumns(width=len(cells))
    roles = [_header_role(cell) for cell in cells]
    for index, cell in enumerate(cells):
        role = roles[index]
        if role == "authority" and _MEMBERS_COUNTED.fullmatch(cell) and "authority" in roles[index + 1 :]:
            role = "count"  # "Country | Members | Delegates | Member regional governments": how many, then who
        if role and getattr(columns, role) is None and not (role == "count" and index == 0):
            setattr(columns, role, index)
    if columns.authority is None:  # "Institution | Seat": a table of the bodies themselves
        columns.authority, columns.body = columns.body, None
    if columns.authority is None:  # "Observer | Country | Represented by": a table of the observers themselves
        columns.authority = next((index for index, cell in enumerate(cells) if _OBSERVER_COLUMN.fullmatch(cell)), None)
    return columns


_OBSERVER_COLUMN = re.compile(r"\s*observers?\s*", re.IGNORECASE)
# A bare "Members" before another column of authorities counts them
_MEMBERS_COUNTED = re.compile(r"\s*(?:members|member regions)\s*", re.IGNORECASE)


def _names_country_and_authority(columns: TableColumns) -> bool:
    return columns.country is not None and columns.authority is not None


def _unknown_country(name: str) -> bool:
    """A heading-like name that is neither a country, an observer mark nor a field label."""
    words = name.split()
    said = latin_side(name)  # ("Ажиглагчид / Observers": the mark in two languages)
    return (
        1 <= len(words) <= 4
        and not name[0].islower()
        and country_code(name) is None
        and not OBSERVER_LINE.fullmatch(said)
        and field_kind(said) is None
    )


def _label_translation(chunk: str) -> bool:
    """Words in another script right before an observer mark ("옵서버 Observer:"): the
    mark's own label in that language, not an authority."""
    return bool(chunk.strip()) and not re.search(r"[,;A-Za-z]", chunk)


def _observers(group: re.Match[str]) -> bool:
    """Whether an INLINE_GROUP's country is the word "Observers"."""
    return OBSERVER_LINE.fullmatch(group["country"].strip()) is not None


_COUNT_OPENING = re.compile(r"\s*\d{1,6}\s*[;:]")


def _counted(text: str, group: re.Match[str]) -> bool:
    """Whether an INLINE_GROUP's brackets open with a count and a list: "(3; AER, CPMR, ...)"."""
    return _COUNT_OPENING.match(text, group.end()) is not None


def _closing_paren(text: str, open_index: int) -> int:
    depth = 0
    for index in range(open_index, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return index
    return len(text)


def _one_name(text: str) -> bool:
    """Whether ``text`` is one authority's name: no country, no country's group, no list."""
    name = text.strip()
    return (
        bool(name)
        and country_heading(name) is None
        and not INLINE_GROUP.search(name)
        and len(split_top_level(name, _LIST_SEPARATORS)) == 1
    )


def strip_observer_suffix(text: str) -> tuple[str, bool]:
    match = OBSERVER_SUFFIX.search(text)
    if match and match.end() == len(text.rstrip()):
        # ("※ Dornod Province took part as observer.": the mark leads the remark, not the name)
        return _REFERENCE_MARK_LEAD.sub("", text[: match.start()]), True
    return text, False


_REFERENCE_MARK_LEAD = re.compile(r"^\s*[※＊]\s*")


# "Japan", "Japan:", "Japan (8): A, B", "Japan – A, B", "【P.R. China】", "[Mongolia]": a country heading;
# after its count, the authorities may follow a space alone ("・China（4） Jilin Province, Jilin University").
# How a whole country's delegation took part, in brackets after its name: "Japan (online)"
_HEADING_MODE = r"on[\s-]?line|on[\s-]?site|in\s+person|by\s+video(?:\s*(?:link|conference))?|remotely|virtually|hybrid"
# (what a country heading's count counts: "Korea (5 regions / 20 persons)", "한국(6개 지역/20명)")
_COUNTED = (
    r"(?:regions?|regional governments|members?|authorities|governments|persons|people|participants|delegates"
    r"|개\s*지역|개|지역|명|団体|名|人|个|個)"
)
_MODE_ASIDE = re.compile(rf"[(（](?P<mode>{_HEADING_MODE})[)）]", re.IGNORECASE)
_BRACKETED_HEADING = re.compile(r"[\[［【]\s*(?P<name>[^\[\]［］【】]+?)\s*[\]］】]")
COUNTRY_HEADING = re.compile(
    # (its count in brackets, square ones too: "Mongolia [5]   Tov Province / Khentii Province")
    # (and how it took part after the count: "Russia (1, online): Sakha Republic (Yakutia)")
    # (the name ends at a letter and the spaces after it are taken whole, as everywhere but
    # after a count: a run of spaces is read once, not split between the patterns around it)
    # (after a bracketed name, its authorities may follow directly: "［Mongolia］Dornogovi Province")
    r"^[\[【《<［]?\s*+(?P<name>[^:：\[\]【】《》<>［］]*?[^:：\[\]【】《》<>［］\s])\s*+(?P<closed>[\]】》>］])?\s*+"
    # (a word may say what it counts, and a second count the people: "Korea (5 regions / 20 persons)",
    # "Japan (4 / 14)", "한국(6개 지역/20명)")
    # (a dash for a count of none: "MONGOLIA (-)   no delegation; ...")
    rf"(?:[(（\[](?P<count>\d{{1,6}}|[-–—])(?:\s*+{_COUNTED})?"
    rf"(?:\s*+[,;]\s*+(?P<counted_mode>{_HEADING_MODE})|\s*+[/,;]\s*+\d{{1,6}}(?:\s*+{_COUNTED})?)?[)）\]])?"
    rf"(?:\s*+[(（](?P<mode>{_HEADING_MODE})[)）])?"
    # (not after a count: its authorities may follow after spaces alone, "Japan（7） Shimane Prefecture")
    # (a dash between spaces leads to the list, typed as two hyphens too: "Japan -- Shimane Prefecture")
    r"\s*(?:(?:[:：]|(?<=\s)(?:--|[–—―-])(?=\s)|(?<=\d[)）\]])|(?(closed)(?=[^\W\d_])|(?!)))\s*+(?P<rest>.*))?$",
    re.IGNORECASE,
)


def heading_mode(text: str) -> str | None:
    """How the country a heading names took part, where the heading says it ("Japan (online)")."""
    match = COUNTRY_HEADING.match(text.strip())
    mode = match and (match["mode"] or match["counted_mode"])
    return mode if match and mode and country_code(match["name"]) else None


# A heading in the page's own language, then in English after a slash: "대한민국 / Republic of
# Korea (5)", "옵서버 및 초청기관 / Observers and guests"; or after a space alone where the first
# words have no Latin letter ("观察员 Observer：Henan Province (China)")
_TRANSLATED_HEADING = re.compile(
    r"^\s*+(?:(?P<native>[^\x00-\x7f\s][^/|]*?)\s[/|]\s+|(?P<unparted>[^\x00-\x7f\s][^/|A-Za-z]*?)\s)"
    r"(?P<english>[A-Za-z][^/|]*)$"
)


def _heading_in_english(text: str) -> str:
    """A group's heading written in two languages, as a heading in one: a country's in both
    ("일본 Japan (2)", each a spelling of the country), the observers' by its English; the
    translation before it is no authority."""
    translated = _TRANSLATED_HEADING.match(text)
    if translated is None:
        return text
    english = translated["english"]
    native = translated["native"] or translated["unparted"]
    if country_heading(english) and country_heading(both := f"{native} {english}"):
        return both
    # ("Ажиглагч | Observers: Mongolian Tourism Association, ...": the observers' heading and its names)
    return english if OBSERVER_LINE.fullmatch(english.strip()) or OBSERVER_MARK.match(english) else text


def country_heading(text: str) -> tuple[str, int | None, str] | None:
    """(country as written, the count it states, what follows the colon) of a heading."""
    match = COUNTRY_HEADING.match(text.strip())
    if match is None:
        return None
    if not country_code(match["name"]):
        return _country_before_regions(text.strip())
    name = _ENUMERATOR.sub("", match["name"])  # "（一）China (9): ...": the country is "China"
    rest = (match["rest"] or "").strip()
    if match["count"]:
        return name, int(match["count"]) if match["count"].isdigit() else 0, rest
    rest = _DASH_LEAD.sub("", rest)  # ("Mongolia: — Selenge Aimag; Tov Aimag": a dash only leads to the list)
    if leading := _LEADING_COUNT.match(rest):  # "JAPAN: (7) Shimane Prefecture, ...": the count after the colon
        return name, int(leading["count"]), rest[leading.end() :]
    trailing = _TRAILING_COUNT.match(rest)
    if trailing and int(trailing["count"]) == len(split_top_level(trailing["items"], _LIST_SEPARATORS)):
        return name, int(trailing["count"]), trailing["items"]  # "Japan: A, B, C (3)"
    return name, None, rest


_LEADING_COUNT = re.compile(r"[(（](?P<count>\d{1,3})[)）]\s*")
# A number in brackets before a heading, as Chinese pages number theirs: "（一）", "(2)"
_ENUMERATOR = re.compile(rf"^[（(](?:[{CJK_NUMERALS}]{{1,3}}|\d{{1,2}})[)）]\s*")


COUNTRY_NAME_WORDS = 4  # "Democratic People's Republic of Korea"


def _country_before_regions(text: str) -> tuple[str, None, str] | None:
    """A country's name, then its regions after a space alone: "Japan Hyogo Prefecture, Kyoto
    Prefecture", "Russia Khabarovsk Krai (Хабаровский край), Primorski Krai". The first of them
    must end as a region's name does (not "Japan External Trade Organization")."""
    words = text.split()
    for size in range(min(COUNTRY_NAME_WORDS, len(words) - 1), 0, -1):
        name = " ".join(words[:size])
        if not country_code(name):
            continue
        rest = " ".join(words[size:])
        if not rest[:1].isalpha():  # ("Mongolia (observer): Tov Aimag" is another heading's)
            return None
        first = name_before_aside(listed_names(rest)[0]).strip()
        qualified = first.split()[0].lower() in REGION_QUALIFIERS  # ("Inner" + "Mongolia Autonomous Region")
        if REGION_NAME_END.search(first) and not country_code(first) and not qualified:
            return name, None, rest
    return None


# The words after a region's own name and before its head: after a country's name they go on
# with a name a line's wrapping cut ("Inner" + "Mongolia Autonomous Region"), no region of its own
REGION_QUALIFIERS = frozenset({"autonomous", "special", "metropolitan", "self-governing", "federal", "administrative"})


# A country's count after its last authority, the count of them all: "Japan: Toyama, Tottori (2)"
_TRAILING_COUNT = re.compile(r"^(?P<items>.*\S)\s*[（(](?P<count>\d{1,3})[)）]$")


_OBSERVER_HEADING = re.compile(r"^(?P<name>[^:：]+?)\s*[:：]\s*(?P<rest>.*)$")
_OBSERVER_DASH_HEADING = re.compile(r"^(?P<name>[^:：]+?)\s+[–—-]\s+(?P<rest>.*)$")  # "Mongolia (observer) – Tov"
# "Observer - Japan: A", "observers from Hokkaido and Chukotka Autonomous Okrug"
_OBSERVER_PREFIX = re.compile(r"^observers?\s*(?:[–—-]|(?P<origin>from\b))\s*(?P<name>\S.*)$", re.IGNORECASE)


_TRANSLATION = re.compile(r"\s*/\s*")  # "20个成员地方政府（5国）/ 20 member regional governments ..."


# A summary as pages in Korean, Japanese and Chinese write it, countries first: "5개국 24개 회원
# 지방정부", "5か国24自治体", "5个国家24个地方政府"
NATIVE_SUMMARY = re.compile(
    r"^(?P<countries>\d{1,3})\s*+(?:개국|か国|カ国|ヵ国|个国家|個國家|国)\s*+(?P<authorities>\d{1,4})\s*+(?:개|个|個)?\s*+"
    r"(?P<what>(?:회원\s*+)?(?:지방\s*+정부|지방\s*+자치\s*+단체|자치\s*+단체|지역)|(?:会員\s*+)?(?:自治体|団体|地域)"
    r"|(?:成员\s*+)?(?:地方政府|地区|省市))"
)


def _summary(text: str) -> tuple[re.Match[str], int] | None:
    """The summary at the start of a participation text, or after its translation, and
    where the summary ends in the text."""
    if text.lstrip().startswith("|"):
        return None
    match = SUMMARY.match(text) or NATIVE_SUMMARY.match(text)
    if match:
        return match, match.end()
    translated = _TRANSLATION.search(text)
    if translated and not text[: translated.start()].isascii():
        match = SUMMARY.match(text[translated.end() :])
        if match:
            return match, translated.end() + match.end()
    return None


def _observer_heading(text: str) -> tuple[str, str] | None:
    """(name, what follows) of "Mongolia (observer)", "Mongolia (Observer): Tov", "Observer - Japan: A",
    "Mongolia (observer) – Tov" or "International Organizations（列席 observer）：UNDP": a heading
    whose group observes."""
    return _observer_heading_at(_OBSERVER_HEADING, text) or _observer_heading_at(_OBSERVER_DASH_HEADING, text)


def _observer_heading_at(layout: re.Pattern[str], text: str) -> tuple[str, str] | None:
    found = layout.match(text.strip())
    name, rest = (found["name"], found["rest"]) if found else (text.strip(), "")
    prefixed = _OBSERVER_PREFIX.match(name)
    if prefixed:
        return prefixed["name"].strip(), rest.strip()
    name, marked = strip_observer_suffix(name)
    return (name.strip(), rest.strip()) if marked and name.strip() else None


# "International organizations", "Other organisations (observers):", "Institutions": a line heading a group of
# bodies of no country, whose names follow on lines of their own. They attend beside the member
# regions, as observers: their group is named by the heading as written, and has no country.
# "Experts", "Associations and networks": bodies that are no member region, whatever their country
EXPERTS_HEADING = re.compile(
    r"(?:(?:invited|guest|other)\s+)?(?:experts|specialists|associations(?:\s+and\s+networks)?|networks)"
    r"(?:\s*\(\d{1,3}\))?\s*[:：]?",
    re.IGNORECASE,
)
# (one or several: "International organization" heads a group of one)
_BODY_NOUNS = (
    r"(?:organi[sz]ations?|institutions?|institutes?|universit(?:y|ies)|bod(?:y|ies)|agenc(?:y|ies)|compan(?:y|ies)"
    r"|enterprises?|corporations?|firms?|port\s+authorit(?:y|ies))"  # (authorities alone are the members)
)
BODIES_HEADING = re.compile(
    # (who came from them: "Experts of international bodies and institutes")
    r"(?:(?:experts|specialists|representatives|delegates)\s+(?:of|from)\s+)?"
    # (qualifiers joined too: "International and research bodies")
    r"(?:(?:international|other|related|guest|invited|partner|participating|research|academic|scientific)"
    r"(?:\s+and\s+|\s*,\s*|\s+))*"
    # (and kinds of body listed: "Institutes and international bodies", "organizations, institutes and companies")
    rf"{_BODY_NOUNS}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:international\s+|other\s+|research\s+)?{_BODY_NOUNS})*"
    r"(?:\s*[(（]\d{1,3}[)）])?\s*[:：]?"
    rf"|{EXPERTS_HEADING.pattern}"
    # (in Korean, Japanese and Chinese: "※ 국제기구 : 유엔식량농업기구(FAO)", "国際機関", "国际组织")
    r"|국제\s*기구|국제\s*기관|관계\s*기관|国際機関|国際組織|国际组织|国际机构",
    re.IGNORECASE,
)
# "Regional governments", "Member regions": a heading over the members of every country, no group.
MEMBERS_HEADING = re.compile(
    r"(?:member\s+)?(?:regional\s+|local\s+)?(?:governments|regions|authorities|members)\s*[:：]?", re.IGNORECASE
)


# "※ Related organizations : A, B": a heading of bodies and its list on one line, a reference mark before it
# ("International bodies（3） UNDP, JETRO": after a count in brackets, a space will do)
# ("【Organizations】 NOWPAP RCU; PEMSEA": the heading in brackets, a space will do too)
_BODIES_LINE = re.compile(
    r"^(?:[※*＊]?|[\[【])\s*(?P<name>[^\W\d_][^:：\[\]【】]{0,60}?)"
    r"\s*(?:[:：]|(?<=\d[)）])\s|[\]】]\s*[:：]?)\s*(?P<rest>\S.*)$"
)


BODIES_HEADING_WORDS = 4  # "International and research bodies"


def _bodies_heading_before_name(text: str) -> tuple[str, str] | None:
    """A heading of bodies of no country, then the first of them on its line after a space
    alone: (heading, the rest), where the rest starts a name."""
    words = text.split()
    for size in range(1, min(BODIES_HEADING_WORDS, len(words) - 1) + 1):
        rest = " ".join(words[size:])
        if rest[:1].isupper() and (heading := bodies_heading(" ".join(words[:size]))) is not None:
            return heading, rest
    return None


def bodies_heading(text: str) -> str | None:
    """The heading, as written, of a line that heads a group of bodies of no country and holds
    nothing else ("International organizations (observers):" -> "International organizations")."""
    name = strip_observer_suffix(text.strip().rstrip(":："))[0].strip()
    return name if BODIES_HEADING.fullmatch(name) else None


def opens_bodies(text: str) -> bool:
    """Whether a line heads a group of bodies of no country and lists them after its colon
    ("ORGANIZATIONS (4): Northwest Pacific Region Environmental Cooperation Center (NPEC);")."""
    head, colon, _ = text.partition(":") if ":" in text else text.partition("：")
    return bool(colon) and bodies_heading(head) is not None


def _header_columns(text: str) -> TableColumns | None:
    """The columns a line of cells parted by bars names, if it is one."""
    return _table_columns(text.split(" | ")) if " | " in text else None


def heads_bodies(text: str) -> bool:
    """Whether a line is the header row of a table of bodies, with or without their countries
    ("Organization | Representative | Connected from"), under the participants' label."""
    columns = _header_columns(text)
    return columns is not None and columns.authority is not None


def heads_table(text: str) -> bool:
    """Whether a line is the header row of a table of authorities by country
    ("No. | Country | Member region | Delegation")."""
    columns = _header_columns(text)
    return columns is not None and columns.country is not None and columns.authority is not None


def country_row(text: str) -> bool:
    """Whether a line is a table's row, with no header over it, that names a country in its first
    cell and its authorities in the others ("Japan | Hyogo Prefecture | Tottori Prefecture")."""
    if "|" not in text:
        return False
    first, *others = (cell.strip() for cell in text.strip().strip("|").split("|"))
    return country_code(first) is not None and any(others)


def _bulleted_heading(text: str) -> bool:
    """ "◎ Japan (9)", "◎ Observer": a bullet before a country's or the observers' heading."""
    content = PARTICIPANT_BULLET.sub("", text, count=1).strip()
    return opens_group(content) or OBSERVER_LINE.fullmatch(content) is not None


def bare_group_heading(text: str) -> bool:
    """Whether a line heads a country's group and holds nothing else ("Japan", "Mongolia (3)",
    "《※ Participated as observer》 Japan"): its authorities follow on lines of their own."""
    text = text.strip()
    if mark := OBSERVER_MARK.match(text):
        text = text[mark.end() :].strip()
    heading = country_heading(text)
    return heading is not None and not heading[2]


# "Khentii Province and Dornod Province (Mongolia); Jilin Province (China)": each country's
# authorities, then the country in brackets, the lists parted by semicolons; perhaps a
# sentence after the last ("... (Japan). Sükhbaatar Province attended as observer.")
_LISTED_THEN_COUNTRY = re.compile(r"^\s*(?P<names>[^()]+?)\s*\((?P<country>[^()]+)\)\s*\.?\s*$")
_SENTENCE_AFTER = re.compile(r"^(?P<list>.*\))\.\s+(?P<rest>[^\W\d_].*)$")


_REPUBLIC_OF = re.compile(r"^(?:the\s+)?Republic\s+of\s+[A-Z]")


def _regions_joined_by_and(item: str) -> list[str]:
    """A country's authorities joined by "and": two bodies as ``_names_joined_by_and`` tells, or
    a region whose name ends as regions' do (or a republic) and the name after it
    ("Gyeongsangbuk-do and Chungcheongnam-do", "the Republic of Buryatia and Amur Oblast")."""
    parts = split_top_level_at(item.strip(" .;,:"), _AND)
    if (
        len(parts) == 2
        and (REGION_NAME_END.search(parts[0]) or _REPUBLIC_OF.match(parts[0]))
        and all(_capitalised_ends(_LEADING_THE.sub("", part)) for part in parts)
    ):
        return parts
    return _names_joined_by_and(item)


def lists_by_country(text: str) -> tuple[list[tuple[str, list[str]]], str] | None:
    """(country, its authorities) of each list of ``text``, and what follows the last; None
    where ``text`` is not two or more such lists."""
    pieces = [piece for piece in split_top_level(text.strip(), ";") if piece.strip()]
    if len(pieces) < 2:
        return None
    rest = ""
    if after := _SENTENCE_AFTER.match(pieces[-1].strip()):
        pieces[-1], rest = after["list"], after["rest"]
    lists = []
    for piece in pieces:
        listed = _LISTED_THEN_COUNTRY.match(piece)
        if listed is None or not country_code(listed["country"]):
            return None
        names = [
            _LEADING_THE.sub("", name.strip())
            for listed_name in listed_names(listed["names"])
            for name in _regions_joined_by_and(listed_name)
        ]
        lists.append((listed["country"].strip(), [name for name in names if name]))
    return lists, rest


def placed_in_country(text: str) -> tuple[str, str, bool] | None:
    """(name, country, observer) of a line naming one authority and its country after a comma
    ("Uvs Aimag, Mongolia (observer)"; not "Jeollanam-do, Dornod Province": two authorities).
    A remark after a dash stays with the name, as its aside: "Tottori Prefecture (from Tottori City)"."""
    line = PARTICIPANT_BULLET.sub("", text).strip()
    found = COMMA_COUNTRY.match(line)
    if found is None or not country_code(found["country"]):
        found = BRACKET_COUNTRY.match(line)
    if found is None or not country_code(found["country"]):
        return None
    name, observer = found["name"].strip(), found["observer"] is not None
    remark = _ATTENDANCE_ASIDE.sub("", found["remark"] or "").strip()
    if (role := ROLE_CELL.fullmatch(remark)) is not None:  # "Altai Krai (Russia) - observer": a role, no remark
        observer, remark = observer or role["observer"] is not None, ""
    if remark:
        name = f"{name} ({remark})"
    return name, found["country"].strip(), observer


def opens_group(text: str) -> bool:
    """Whether a line heads a country's group ("Japan:", "日本 Japan (Observer)：A")."""
    if country_heading(text):
        return True
    observer = _observer_heading(text)
    return observer is not None and country_code(observer[0]) is not None


# "126 young athletes and 34 officials from 8 member regions": the people come first, the
# authorities they came from later in the summary.
_AUTHORITIES_LATER = re.compile(
    r"\b(?:from|of|representing)\s+(?P<count>\d{1,6})\s+(?:member\s+)?(?:regional\s+|local\s+)?"
    r"(?:regions|authorities|governments|provinces|prefectures)\b",
    re.IGNORECASE,
)


# "96 students and young researchers from ...": people, not authorities
_PEOPLE = re.compile(
    r"^(?:[\w-]+\s+){0,2}(?:students|researchers|participants|persons|people|delegates|athletes|officials"
    r"|experts|young|youth|children|guests|visitors)\b",
    re.IGNORECASE,
)


def _authorities_counted(summary: re.Match[str]) -> int | None:
    later = _AUTHORITIES_LATER.search(summary["what"])
    if later:
        return int(later["count"])
    return None if _PEOPLE.match(summary["what"]) else int(summary["authorities"])


# A reference to a note, glued to the name or the mark before it, as a paper numbers its notes:
# "Ch'ungch'ongnam-do[3]", "Mongolia;[4]" (not a count, which a colon follows: "Korea[4]: ...")
REFERENCE_MARK = re.compile(r"(?<=[^\s\[\]])\[\d{1,3}\](?!\s*[:：])")


def parse_participation(values: list[Line], notes: list[Note]) -> Participation:
    lines = [
        Line(line.number, REFERENCE_MARK.sub("", line.text))
        for line in _footnotes_joined(values)
        if line.text and not NOTES_HEADING.match(line.text)
    ]
    summary_text = stated_authorities = stated_countries = None
    if lines:
        found = _summary(lines[0].text)
        if found:
            match, end = found
            summary_text = match.group(0).strip()
            stated_authorities = _authorities_counted(match)
            countries = match["countries"] or match.groupdict().get("bracketed_countries")
            stated_countries = int(countries) if countries else None
            lines[0] = Line(lines[0].number, lines[0].text[end:].lstrip(" ,;:.–—-"))
    lines = _brackets_closed(_quotes_closed(lines))
    legends = [(line, legend) for line in lines if (legend := FOOTNOTE_LEGEND.match(line.text))]
    scanner = ParticipationScanner(notes, legends[0][1]["mark"] if legends else None, footnote_legends(lines))
    lines = [line for line in lines if _remark(line.text) is None]  # (the remarks are fields of their own)
    bulleted = [PARTICIPANT_BULLET.match(line.text) is not None for line in lines]
    for index, line in enumerate(lines):
        if line.text and not any(line is legend for legend, _ in legends):
            # (not where the bullets mark the countries, "◎ Korea (4)", over unbulleted authorities)
            heads_bullets = (
                not bulleted[index]
                and index + 1 < len(lines)
                and bulleted[index + 1]
                and not _bulleted_heading(lines[index + 1].text)
            )
            scanner.scan_line(line, heads_bullets and sum(bulleted) >= 2)
    return Participation(
        text=summary_text,
        stated_authorities=stated_authorities,
        stated_countries=stated_countries,
        groups=[group for draft in scanner.groups if not _empty(draft) for group in _finish_group(draft)],
        delegates=scanner.delegates,
    )


# How many lines a bracket may stay open over: a list wrapped inside one ("Korea (3: A, B,"
# then "C)"); past that, or before a bullet, a bracket never closed is the text's typo.
BRACKET_LINES_MAX = 6
_OPENING, _CLOSING = "(（", ")）"


def _open_brackets(text: str) -> int:
    return sum(text.count(mark) for mark in _OPENING) - sum(text.count(mark) for mark in _CLOSING)


def _continues(text: str) -> bool:
    """A line that opens a bracket it does not close, and no bullet, goes on from the line
    before: "... 5 countries: Mongolia" then "(6: Bayankhongor Aimag, Arkhangai" (not a
    legend, "(* participated as observer)")."""
    text = text.lstrip()
    return text.startswith(tuple(_OPENING)) and _open_brackets(text) > 0 and not PARTICIPANT_BULLET.match(text)


def _still_open(text: str, line: int, opened: list[int]) -> list[int]:
    """``opened`` (the line each bracket still open was opened on) after ``text``, line ``line``:
    "Japan (6; A," then "B), Korea (8; C," keeps one bracket open from line to line, never one
    over more than BRACKET_LINES_MAX lines. (A bracket closed that was never opened is a typo.)"""
    opened = list(opened)
    for mark in text:
        if mark in _OPENING:
            opened.append(line)
        elif mark in _CLOSING and opened:
            opened.pop()
    return opened


def _unquoted(cell: str) -> str:
    """A spreadsheet's cell without the quotation marks it was exported in: '"Harbin Institute of
    Technology (HIT)"' (a cell that held a line break)."""
    return cell[1:-1].strip() if len(cell) > 1 and cell[0] == cell[-1] == '"' else cell


# A cell that says it is empty: in the country column, a body of no country; elsewhere nothing
# "(observer)", "(observers)": the mark alone, a country's cell wrapped after its name
_BRACKETED_OBSERVER = re.compile(r"[(（\[]\s*observers?\s*[)）\]]", re.IGNORECASE)
EMPTY_CELLS = frozenset({"-", "–", "—", "--", "n/a", "N/A"})
_DASH_FIRST_CELL = re.compile(r"^\s*(?:-|–|—|--)\s*\|")
# "| TOTAL | 27 |": no authority ("| 합 계 (Total) |", "| 계 |": spread, or the Korean short form)
TOTAL_ROW = re.compile(r"^(?:total|sum|合计|合計|합\s*계|계|итого)(?!\w)", re.IGNORECASE)


def _quotes_closed(lines: list[Line]) -> list[Line]:
    """The lines with each line that opens a quotation it does not close joined to the one that
    closes it: a spreadsheet's cell with a line break, exported between quotation marks."""
    joined: list[Line] = []
    index = 0
    while index < len(lines):
        line, end = lines[index], index
        while line.text.count('"') % 2 and end + 1 < len(lines) and end - index < BRACKET_LINES_MAX:
            end += 1
            line = Line(line.number, f"{line.text.rstrip()} {lines[end].text.lstrip()}")
        closed = not line.text.count('"') % 2
        joined.append(line if closed else lines[index])
        index = end + 1 if closed else index + 1
    return joined


# A listed name cut after a word inside it: "Institute of Volcanology and" / "Seismology (...)",
# "... of the United" / "Nations Development Programme (UNDP)"
_NAME_CUT = re.compile(r"\s(?:of|and|for|&|the|United)$")


def _cut_inside_a_name(text: str) -> bool:
    return "|" not in text and _NAME_CUT.search(text.rstrip()) is not None


# A line that goes on with the rest of a name from the line before: "for Northeast Asia (ERINA), Niigata"
_OPENS_WITH_JOINER = re.compile(r"^\s*(?:of|for|and|&)\s+(?:the\s+)?[A-Z]")


_ITEM_ENDS = (";", ",", "；", "，", "、")
_ITEM_END = re.compile(f"[{''.join(_ITEM_ENDS)}]")


def _wrapped_item(joined: list[Line], text: str) -> bool:
    """Whether ``text`` goes on with the last line of a list whose lines end with a separator
    after each name, where that line ended with none: "...(ERINA);" / "Tumen Secretariat of
    the United Nations Development" / "Programme (UNDP), Beijing;" (a list of one name a line,
    none of them ended by a separator, is not wrapped)."""
    if len(joined) < 2 or "|" in text or PARTICIPANT_BULLET.match(text) or not text.lstrip()[:1].isupper():
        return False
    before, last = joined[-2].text.rstrip(), joined[-1].text.rstrip()
    if last.endswith(_ITEM_ENDS) or opens_group(text) or _LIST_LEAD.search(text):
        return False
    word = (last.split() or [""])[-1]
    first = name_before_aside(_ITEM_END.split(text.strip(), maxsplit=1)[0]).split()
    # the line goes on with the word that ends a name, alone, after a word that ends none, in a
    # list with separators: "..., Ulsan Metropolitan" / "City, Jeollabuk-do"
    if (
        len(first) == 1
        and first[0].lower() in NAME_END_WORDS
        and word[:1].isupper()
        and word.lower() not in NAME_END_WORDS
        and (before.endswith(_ITEM_ENDS) or _ITEM_END.search(last) is not None)
    ):
        return True
    # a list line whose last name was cut before the body's head word, the rest of it below:
    # "...; UNDP; Economic Research" / "Institute for Northeast Asia (ERINA); Far Eastern" (but a
    # region named alone stays: "Toyama, Hyogo" / "Tottori Prefecture")
    last_item = _ITEM_END.split(last)[-1].split()
    if (
        _ITEM_END.search(last) is not None
        and last_item
        and all(part[:1].isupper() for part in last_item)
        and not all(part.isupper() for part in last_item)  # ("...; ERINA": an acronym is a whole name)
        and not {part.lower() for part in last_item} & NAME_END_WORDS
        and bodies_heading(text) is None  # ("International organization" heads the bodies below it)
        and GROUP_DASH_HEADING.match(text) is None  # ("Guests – Sakhalin Energy Investment Company")
        and {part.lower() for part in first} & BODY_END_WORDS
        and not (first and first[-1].lower() in REGION_END_WORDS)
    ):
        return True
    if not before.endswith(_ITEM_ENDS):
        return False
    # (cut inside the name: its last word is not one a name ends with, "Hyogo Prefecture", "CITYNET";
    # or the line goes on with the word that ends it alone, "Programme (UNDP), Beijing;")
    ending_alone = len(first) == 1 and first[0].lower() in NAME_END_WORDS
    return ending_alone or (word[:1].isupper() and not word.isupper() and word.lower() not in NAME_END_WORDS)


# A line that leads to a list of its own: "Republic of Korea: Kangwon-do", "China …… Jilin Province"
_LIST_LEAD = re.compile(r"[:：]|\.{3,}|[…‥]")


def _brackets_closed(lines: list[Line]) -> list[Line]:
    """The lines with each line whose bracket is left open joined to the ones that close it
    (the way a wrapped paragraph is read: "Self-Governing" + "Province)" with a space,
    "Gyeongsangbuk-" + "do" without), and each line that ends in a joining word to the next
    ("Institute of Volcanology and" + "Seismology (Petropavlovsk-Kamchatsky)")."""
    joined: list[Line] = []
    index = 0
    while index < len(lines):
        line, end = lines[index], index
        cut_name = joined and _cut_inside_a_name(joined[-1].text) and not PARTICIPANT_BULLET.match(line.text)
        cut_name = cut_name or _wrapped_item(joined, line.text)
        if joined and (
            _continues(line.text)
            or cut_name
            or _OPENS_WITH_JOINER.match(line.text)
            # (a name in its own script alone in brackets: "Khentii Aimag" over "(Хэнтий аймаг)"; not
            # a legend, "(* participated as observer)")
            or (_ASIDE_ALONE.match(line.text.strip()) is not None and other_script_only(line.text))
        ):
            line = Line(joined[-1].number, f"{joined.pop().text} {line.text.lstrip()}")
        opened = _still_open(line.text, index, [])
        while opened and end + 1 < len(lines) and end - opened[0] < BRACKET_LINES_MAX:
            next_text = lines[end + 1].text
            if PARTICIPANT_BULLET.match(next_text) or next_text.lstrip().startswith("|"):
                break
            end += 1
            opened = _still_open(next_text, end, opened)
        if end > index and not opened:
            text = line.text
            for following in lines[index + 1 : end + 1]:
                text = join_wrapped(text, following.text)
            joined.append(Line(line.number, text))
            index = end + 1
        else:
            joined.append(line)
            index += 1
    return joined


def _empty(draft: GroupDraft) -> bool:
    """A group of no country that lists and counts nothing ("| Observers | Mongolia: Dornod
    Aimag |": the row's role opened one, the country in the cell the next)."""
    # (nor a heading of bodies that lists none: "..., research institutes and international organizations")
    headed = bool(draft.country_text) and bodies_heading(draft.country_text or "") is None
    return not (headed or draft.members or draft.observers or draft.stated is not None)


def _empty_row_group(draft: GroupDraft) -> bool:
    """A group a table's row opened for its country that lists and counts nothing."""
    return not (draft.members or draft.observers or draft.stated is not None or draft.observer)


def _finish_group(draft: GroupDraft) -> list[ParticipantGroup]:
    code = country_code(draft.country_text) if draft.country_text else None
    country = country_name(code) if code else None
    groups = []
    if draft.members or (not draft.observers and not draft.observer):
        groups.append(
            ParticipantGroup(
                country=country,
                country_code=code,
                country_text=draft.country_text,
                role="member",
                stated=draft.stated,
                authorities=draft.members,
            )
        )
    if draft.observers or (draft.observer and not draft.members):
        groups.append(
            ParticipantGroup(
                country=country,
                country_code=code,
                country_text=draft.country_text,
                role="observer",
                stated=draft.stated if not draft.members else None,
                authorities=draft.observers,
            )
        )
    return groups


# --- the overview ----------------------------------------------------------------

FIELD_PARSERS: dict[str, Callable[[RawField, list[Note]], Any]] = {
    "period": lambda raw, notes: parse_period_field(raw.text, raw.line, notes),
    "venue": lambda raw, notes: parse_venue(_venue_text(raw.values)),
    "organizer": lambda raw, notes: parse_organizer(_bodies_text(raw)),
    "participation": lambda raw, notes: parse_participation(raw.values, notes),
}


def _bare_period(unlabelled: list[Line]) -> Line | None:
    """A line of no field that is a range of dates and nothing else ("8-11 September 2009" under a
    programme's title): the meeting's period, where no field gives it. (A single date alone may be
    the page's own, when it was posted.)"""
    for line in unlabelled:
        try:
            start, end = parse_period(line.text)
        except DateError:
            continue
        if start is not None and end is not None and start < end:
            return line
    return None


def parse_overview(lines: list[Line], notes: list[Note]) -> Overview:
    fields, unlabelled = collect_fields(lines)
    parsed: dict[str, Any] = {}  # by field kind: the FIELD_PARSERS' results
    other: list[LabelledField] = []
    if not any(raw.kind == "period" for raw in fields) and (bare := _bare_period(unlabelled)) is not None:
        parsed["period"] = parse_period_field(bare.text, bare.number, notes)
        unlabelled = [line for line in unlabelled if line is not bare]
    if unlabelled:
        text = " ".join(line.text for line in unlabelled)
        # (a paragraph each: a portal's name, its breadcrumb and a posting line are no one text, and
        # a name at one's end runs on into none of the next)
        other += [
            LabelledField(label="", text=paragraph)
            for paragraph in rejoined_paragraphs([line.text for line in unlabelled])
        ]
        notes.append(
            make_note(
                "unplaced-text", f"'{text}' in the Overview belongs to no field; kept as it is.", unlabelled[0].number
            )
        )
    for raw in fields:
        kind = raw.kind
        if kind is None or kind in parsed:
            other.append(LabelledField(label=raw.label, text=raw.text))
        else:
            parsed[kind] = FIELD_PARSERS[kind](raw, notes)
    return Overview(
        period=parsed.get("period"),
        venue=parsed.get("venue"),
        organizer=parsed.get("organizer"),
        participation=parsed.get("participation"),
        other=other,
    )
