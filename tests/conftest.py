from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
SAMPLES = sorted((TESTS / "samples").glob("*.txt"))
GOLDEN = TESTS / "golden"
ROOT = TESTS.parent


def run(*args, timeout=300, **kwargs):
    """``python -m pipeline ARGS`` as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT, **kwargs
    )


@pytest.fixture
def raw_dir(tmp_path):
    """A raw folder holding the seven samples."""
    folder = tmp_path / "raw"
    folder.mkdir()
    for sample in SAMPLES:
        shutil.copy(sample, folder)
    return folder


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
