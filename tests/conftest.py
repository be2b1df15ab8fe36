from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).parent
SAMPLES = sorted((TESTS / "samples").glob("*.txt"))
GOLDEN = TESTS / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/*.json from the current parser; review with git diff",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return request.config.getoption("--update-golden")


def sample_id(path: Path) -> str:
    return path.stem


@pytest.fixture(scope="session")
def nlp():
    from pipeline.tagger import load_nlp

    return load_nlp()
