"""Every input the fuzzer found failing runs through read -> parse -> tag -> render again."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.fuzz import run_one_text

FOUND = sorted((Path(__file__).parent / "fuzz_regressions").glob("*.txt"))


@pytest.mark.parametrize("path", FOUND, ids=[path.name for path in FOUND])
def test_found_input_builds_or_is_refused(path: Path, nlp) -> None:
    run_one_text(path.read_bytes(), nlp)  # an InputError is a refusal, anything else raises here
