"""Inputs at and past the sizes a record normally has: they parse to what they say, and
the tagger's work grows with their length (``python -m tools.bench worst`` prints the times)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipeline import parse, read_bytes
from pipeline.tagger.mentions import chunks
from tests.conftest import SAMPLES

SEED_TEXT = next(path for path in SAMPLES if path.name == "near-1995-khabarovsk.txt").read_text(encoding="utf-8")


def _with_declaration(body: str) -> str:
    return SEED_TEXT[: SEED_TEXT.index("· Khabarovsk Declaration")] + "· Khabarovsk Declaration\nPreamble.\n\n" + body


def test_resolutions_numbered_past_999_are_their_own() -> None:
    body = "\n".join(f"{number}. Item {number} agreed." for number in range(1, 1201))
    resolutions = parse(read_bytes(_with_declaration(body).encode(), "x.txt")).declaration.resolutions
    assert [resolution.number for resolution in resolutions] == list(range(1, 1201))
    assert resolutions[-1].text == "Item 1200 agreed."


def test_a_year_opening_a_line_is_no_resolution() -> None:
    body = "1. The next meeting will be held in\n2019. The host will be Toyama Prefecture.\n2. Adopted."
    resolutions = parse(read_bytes(_with_declaration(body).encode(), "x.txt")).declaration.resolutions
    assert [resolution.number for resolution in resolutions] == [1, 2]


def test_a_number_of_thousands_of_digits_is_text() -> None:
    huge = "9" * 5000
    text = SEED_TEXT.replace("21 regional authorities", f"{huge} regional authorities").replace(
        "September 06, 1995 ~", f"September {huge}, 1995 ~"
    )
    record = parse(read_bytes(text.encode(), "x.txt"))
    assert record.overview.participation.stated_authorities is None
    assert "unparsed-date" in [note.code for note in record.notes]


def test_a_reference_mark_with_no_label() -> None:
    record = parse(read_bytes(SEED_TEXT.replace("· Overview \n", "· Overview \n※ :\n").encode(), "x.txt"))
    assert record.overview.period is not None


@given(st.text(alphabet=st.sampled_from("ab .;\n"), max_size=400), st.integers(min_value=5, max_value=60))
def test_chunks_keep_every_character_and_stay_within_size(text: str, size: int) -> None:
    pieces = list(chunks(text, size))
    assert all(len(piece) <= size for piece in pieces)
    assert "".join("".join(pieces).split()) == "".join(text.split())  # nothing lost or moved
    assert all(piece == piece.strip() for piece in pieces)


def test_what_testers_found_silently_wrong() -> None:
    """A negative count, and a range across the new year."""
    text = SEED_TEXT.replace("21 regional authorities", "-5 regional authorities").replace(
        "September 06, 1995 ~ September 07, 1995", "December 30, 1995 ~ January 2"
    )
    record = parse(read_bytes(text.encode(), "x.txt"))
    period = record.overview.period
    assert (str(period.start), str(period.end)) == ("1995-12-30", "1996-01-02")
    assert "period-end-before-start" not in [note.code for note in record.notes]
    assert "suspect-authority" in [note.code for note in record.notes]
    assert all("5 regional" not in name for group in record.overview.participation.groups for name in group.authorities)


def test_full_width_digits_in_a_period() -> None:
    text = SEED_TEXT.replace("September 06, 1995 ~ September 07, 1995", "１９９５年９月６日～７日")
    period = parse(read_bytes(text.encode(), "x.txt")).overview.period
    assert (str(period.start), str(period.end)) == ("1995-09-06", "1995-09-07")
