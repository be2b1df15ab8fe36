"""Every rule table, shown by fixture cases (in the style of markdown-it-py's fixture files).

Each table has a file ``tests/fixtures/<table>.txt`` of cases, each made of a title
line and three lines holding a single dot::

    <row name> : <free words describing the case>
    .
    <input, one or more lines>
    .
    <expected output, one or more lines>
    .

The title starts with the name (or key) of the row the case shows, exactly as the
table spells it, or ``none`` for an input no row should match. Any other line
between cases is a comment; the top of each file says what its input is and in
which form the output is written.

To add a row to a table: add the row, then add at least one case for it (and a
near-miss if the row could catch too much) to the table's fixture file. The
coverage test fails while a row has no case. To add a table: give it a fixture
file and an entry in ``TABLES`` below (its row names and a function from a case's
input to the text of its expected output; a table whose cases need their row, as
``legacy_codecs`` needs the code page to encode its input in, is given the row name
on a line before the input).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, NamedTuple
from unittest import mock

import pytest

from pipeline import parse, read_bytes
from pipeline.parser import dates, meeting, notes, overview, reader, repairs, sections
from pipeline.parser.text import Line
from pipeline.tagger import gazetteer, names

if TYPE_CHECKING:
    from spacy.language import Language

FIXTURES = Path(__file__).parent / "fixtures"


class Case(NamedTuple):
    title: str
    input: str
    expected: str
    line: int  # of the title

    @property
    def row(self) -> str:
        return self.title.split(" : ", 1)[0].strip()


def read_cases(path: Path) -> list[Case]:
    """The cases of a fixture file: a title line followed by input and expected output, each closed by a '.' line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    cases = []
    index = 0
    while index < len(lines):
        if lines[index] != ".":
            index += 1
            continue
        if index == 0 or not lines[index - 1].strip():
            raise ValueError(f"{path.name}:{index + 1}: a '.' line with no title above it")
        parts: list[list[str]] = []
        start = index + 1
        for _ in range(2):
            try:
                end = lines.index(".", start)
            except ValueError:
                raise ValueError(f"{path.name}:{index}: case not closed by '.' lines") from None
            parts.append(lines[start:end])
            start = end + 1
        cases.append(Case(lines[index - 1], "\n".join(parts[0]), "\n".join(parts[1]), index))
        index = start
    return cases


def first_row(module: ModuleType, table: str, name: Callable[[Any], str], call: Callable[[], object]) -> str:
    """Which row a function that tries the rows in order used, when it does not say: the name of the
    first row for which ``call`` gives a result while the module's table holds that row alone."""
    for row in getattr(module, table):
        with mock.patch.object(module, table, (row,)):
            if call():
                return name(row)
    return "none"


# --- what each table's cases show -------------------------------------------------


def section_markers(text: str) -> str:
    lines = tuple(text.split("\n"))
    headings = sections.find_sections(lines)
    shown = []
    for index, line in enumerate(lines):
        marker = next((m for m in sections.SECTION_MARKERS if m.pattern.match(line)), None)
        if marker is None:
            continue
        if index in headings:
            heading, kind = headings[index]
            shown.append(f"line {index + 1}: {marker.name} | {heading} | {kind or 'no kind'}")
        else:
            shown.append(f"line {index + 1}: {marker.name} | not a section")
    return "\n".join(shown) or "none"


def not_titles(text: str) -> str:
    return sections.not_a_title(text) or "none"


def section_kinds(text: str) -> str:
    return sections.section_kind(text) or "none"


def bullet_markers(text: str) -> str:
    bullet = sections.match_bullet(text)
    return f"row: {bullet[0]}\ntext: {bullet[1]}" if bullet else "none"


def numbering_styles(text: str) -> str:
    numbered = sections.match_numbering(text, None)
    if numbered is None:
        return "none"
    style, number, rest = numbered
    return f"row: {style.name}\nnumber: {number}\ntext: {rest}"


def label_layouts(text: str) -> str:
    labelled = overview.match_label(text)
    if labelled is None:
        return "none"
    # (the function itself, not its cache: each row is tried alone)
    row = first_row(
        overview, "LABEL_LAYOUTS", lambda layout: layout.name, lambda: overview.match_label.__wrapped__(text)
    )
    return f"row: {row}\nlabel: {labelled[0]}\nvalue: {labelled[1]}".rstrip()  # "value:" when it is empty


def field_synonyms(text: str) -> str:
    return overview.field_kind(text) or "none"


def range_separators(text: str) -> str:
    row = first_row(dates, "RANGE_SEPARATORS", lambda separator: separator[0], lambda: dates.split_range(text)[1])
    first, second = dates.split_range(text)
    shown = [f"row: {row}"] + ([f"sides: {first} | {second}"] if second is not None else [])
    try:
        start, end = dates.parse_period(text)
    except dates.DateError as error:
        return "\n".join([*shown, f"period: error: {error}"])
    return "\n".join([*shown, f"period: {start} to {end}"])


def japanese_eras(text: str) -> str:
    try:
        start, end = dates.parse_period(text)
    except dates.DateError as error:
        return f"period: error: {error}"
    return f"period: {start} to {end}"


def checks(text: str) -> str:
    record = parse(read_bytes(text.encode("utf-8"), "fixture.txt"))
    return "\n".join(note.code for note in record.notes) or "none"


def head_words(text: str) -> str:
    return names.head_kind(text) or "none"


# The word sets clean_span and is_name read; a case's input is the span's label, then the span.
CLEAN_SPAN_WORD_SETS = (
    "LEADING_WORDS",
    "OPERATIVE_VERBS",
    "FAITH_ADJECTIVES",
    "TRAILING_WORDS",
    "TRAILING_COMMON_NOUNS",
    "LOWERCASE_NAME_WORDS",
    "GENERIC_WORDS",
    "NOT_NAMES",
    "EVENT_VENUE_HEADS",
    "LONE_HEADS",
    "COUNTRY_ADJECTIVES",
    "PEOPLES_ADJECTIVES",
    "NOT_NAME_TAILS",
    "FACILITY_NUMBER",
    "UNIT_NUMBER",
    "DELEGATE_POSTS",
    "ORDINAL_UNIT_HEADS",
    "LOWER_CASE_LEAD_OF",
    "HOTEL_PARTS",
    "GENERIC_ROOMS",
    "ROOM_QUALIFIERS",
    "LABEL_COLON",
    "BODY_KIND_WORDS",
    "TOWNS_ON_ISLANDS",
    "COMBINING_FORMS",
    "UNITS",
    "LOWER_CASE_NOUN_WORDS",
    "HONORIFICS",
    "MEETING_ACTS",
    "ABBREVIATIONS",
    "LOCAL_UNIT_HEADS",
)


def clean_span(text: str) -> str:
    label, span = text.split("\n")
    return "\n".join(names.clean_span(span, label)) or "none"


@functools.cache
def _shapes_nlp() -> Language:
    """A blank English pipeline whose only component is a span_ruler holding the name shapes,
    run by the tagger's gated matcher."""
    import spacy
    from spacy.pipeline import SpanRuler

    from pipeline.tagger.model import GatedMatcher

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": None, "annotate_ents": True})
    assert isinstance(ruler, SpanRuler)
    ruler.add_patterns(names.NAME_SHAPES)
    ruler.matcher = GatedMatcher(nlp.vocab, names.NAME_SHAPES)
    return nlp


def name_shapes(text: str) -> str:
    return "\n".join(f"{ent.ent_id_}: {ent.text} ({ent.label_})" for ent in _shapes_nlp()(text).ents) or "none"


def meeting_kinds(text: str) -> str:
    found = meeting.read_meeting(text, [], None).model_dump()
    return "\n".join(f"{key}: {value}" for key, value in found.items() if value is not None)


def declaration_kinds(text: str) -> str:
    return meeting.declaration_kind(text)


def word_shapes(text: str) -> str:
    shape = names.word_shape(text)
    return shape.name if shape else "none"


def native_forms(text: str) -> str:
    form = names.native_form(text)
    return form.name if form else "none"


def native_addresses(text: str) -> str:
    address = names.native_address(text)
    return f"{address[0]}: {' | '.join(address[1])}" if address else "none"


def native_bodies(text: str) -> str:
    return names.native_body(text) or "none"


def clause_breaks(text: str) -> str:
    return names.clause_end(text)


def native_facilities(text: str) -> str:
    facility = names.facility_ending(text)
    return f"{facility[1]}: {facility[0]}" if facility else "none"


def kanji_features(text: str) -> str:
    return "; ".join(f"{row}: {name}" for name, row in names.japanese_features(text)) or "none"


def ocr_mendings(text: str) -> str:
    return "\n".join(gazetteer.ocr_mended(text)) or "none"


def korean_particles(text: str) -> str:
    return "particles" if names.korean_particles(text) else "none"


def longer_names(text: str) -> str:
    return names.longer_name(text) or "none"


def suspect_authorities(text: str) -> str:
    return overview.suspect_authority(text) or "none"


def remark_markers(text: str) -> str:
    remark = overview._remark(text)
    if remark is None:
        return "none"
    return f"{next(name for name, marker in overview.REMARK_MARKERS if marker.match(text))}: {remark}"


def table_headers(text: str) -> str:
    return overview._header_role(text) or "none"


def _numbered(text: str) -> list[Line]:
    return [Line(number, line) for number, line in enumerate(text.split("\n"), 1)]


def _shown(lines: list[Line]) -> list[str]:
    return [f"{line.number}: {line.text}".rstrip() for line in lines]


def markup_rules(text: str) -> str:
    lines = _numbered(text)

    def alone(*rules: repairs.MarkupRule) -> list[Line] | None:
        with mock.patch.object(repairs, "MARKUP_RULES", rules):
            return repairs.strip_markup(lines)

    repaired = repairs.strip_markup(lines)
    if repaired is None:
        return "none"
    acting = [rule.name for rule in repairs.MARKUP_RULES if alone(rule) != alone()]
    return "\n".join([f"rules: {', '.join(acting) or 'none'}", *_shown(repaired)])


def line_repairs(text: str) -> str:
    repaired, kinds = repairs.repair_lines(_numbered(text))
    return "\n".join([f"repairs: {', '.join(kinds)}", *_shown(repaired)]) if kinds else "none"


def legacy_codecs(text: str) -> str:
    """The row's code page (UTF-8 for "none") encodes the text; read_bytes must name it and read it back."""
    row, text = text.split("\n", 1)
    codec = next((legacy.codec for legacy in reader.LEGACY_CODECS if legacy.name == row), "utf-8")
    raw = read_bytes(text.encode(codec), "fixture.txt")
    return f"encoding: {raw.encoding}\n{next(line for line in reversed(raw.lines) if line)}"


class Table(NamedTuple):
    rows: tuple[str, ...]
    run: Callable[[str], str]
    given_row: bool = False  # run is given "<row>\n<input>"


TABLES: dict[str, Table] = {
    "section_markers": Table(tuple(m.name for m in sections.SECTION_MARKERS), section_markers),
    "section_kinds": Table(tuple(kind for kind, _ in sections.SECTION_KINDS), section_kinds),
    "not_titles": Table(tuple(rule.name for rule in sections.NOT_TITLES), not_titles),
    "bullet_markers": Table(tuple(rule.name for rule in sections.BULLET_MARKERS), bullet_markers),
    "numbering_styles": Table(tuple(rule.name for rule in sections.NUMBERING_STYLES), numbering_styles),
    "label_layouts": Table(tuple(layout.name for layout in overview.LABEL_LAYOUTS), label_layouts),
    "field_synonyms": Table(tuple(kind for kind, _ in overview.FIELD_SYNONYMS), field_synonyms),
    "range_separators": Table(tuple(name for name, _ in dates.RANGE_SEPARATORS), range_separators),
    "japanese_eras": Table(tuple(name for name, _, _ in dates.JAPANESE_ERAS), japanese_eras),
    "checks": Table(tuple(check.__name__ for check in notes.CHECKS), checks),
    "head_words": Table(tuple(names.HEAD_WORDS), head_words),
    "clean_span": Table(CLEAN_SPAN_WORD_SETS, clean_span),
    "name_shapes": Table(tuple(shape["id"] for shape in names.NAME_SHAPES), name_shapes),
    "meeting_kinds": Table(tuple(rule.kind for rule in meeting.MEETING_KINDS), meeting_kinds),
    "native_meeting_kinds": Table(tuple(rule.kind for rule in meeting.NATIVE_MEETING_KINDS), meeting_kinds),
    "declaration_kinds": Table(tuple(rule.kind for rule in meeting.DECLARATION_KINDS), declaration_kinds),
    "word_shapes": Table(tuple(shape.name for shape in names.WORD_SHAPES), word_shapes),
    "native_forms": Table(tuple(form.name for form in names.NATIVE_FORMS), native_forms),
    "native_bodies": Table(tuple(row for row, _ in names.NATIVE_BODY_ENDINGS), native_bodies),
    "clause_breaks": Table((*(row for row, _ in names.CLAUSE_BREAKS), "joiner"), clause_breaks),
    "native_facilities": Table(tuple(row for row, _ in names.NATIVE_FACILITY_ENDINGS), native_facilities),
    "kanji_features": Table(tuple(row for row, _ in names.KANJI_FEATURE_ENDINGS), kanji_features),
    "ocr_mendings": Table(tuple(row for row, _, _ in gazetteer.OCR_MENDINGS), ocr_mendings),
    "korean_particles": Table(tuple(row for row, _ in names.KOREAN_PARTICLES), korean_particles),
    "longer_names": Table(("event", "body", *(row for row, _ in names.NATIVE_WORD_ENDINGS)), longer_names),
    "native_addresses": Table(tuple(row for row, _ in names.NATIVE_ADDRESS_LEADS), native_addresses),
    "suspect_authorities": Table(tuple(rule.name for rule in overview.SUSPECT_AUTHORITIES), suspect_authorities),
    "table_headers": Table(tuple(role for role, _ in overview.TABLE_HEADERS), table_headers),
    "remark_markers": Table(tuple(name for name, _ in overview.REMARK_MARKERS), remark_markers),
    "markup_rules": Table(tuple(rule.name for rule in repairs.MARKUP_RULES), markup_rules),
    "line_repairs": Table(tuple(rule.kind for rule in repairs.LINE_REPAIRS), line_repairs),
    "legacy_codecs": Table(tuple(legacy.name for legacy in reader.LEGACY_CODECS), legacy_codecs, given_row=True),
}

CASES = [(table, case) for table in TABLES for case in read_cases(FIXTURES / f"{table}.txt")]


@pytest.mark.parametrize(("table", "case"), CASES, ids=[f"{table}:{case.line}-{case.row}" for table, case in CASES])
def test_fixture_case(table: str, case: Case) -> None:
    run, given_row = TABLES[table].run, TABLES[table].given_row
    actual = run(f"{case.row}\n{case.input}" if given_row else case.input)
    assert actual == case.expected, (
        f"tests/fixtures/{table}.txt:{case.line} {case.title}\n"
        f"--- input\n{case.input}\n--- expected\n{case.expected}\n--- actual\n{actual}"
    )


@pytest.mark.parametrize("table", TABLES)
def test_every_row_has_a_case(table: str) -> None:
    rows = TABLES[table].rows
    titles = {case.row for case in read_cases(FIXTURES / f"{table}.txt")}
    assert len(set(rows)) == len(rows), f"{table}: two rows share a name: {rows}"
    assert not set(rows) - titles, f"{table}: rows with no fixture case: {sorted(set(rows) - titles)}"
    assert titles <= {*rows, "none"}, f"{table}: case titles naming no row: {sorted(titles - {*rows, 'none'})}"
