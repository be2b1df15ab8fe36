from __future__ import annotations

import re
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


def summary_counts(line: str) -> tuple[int, int, int, int]:
    """(built, unchanged, removed, failed) from a build's last line, whatever it says about checking."""
    counts = {status: int(number) for number, status in re.findall(r"(\d+) (built|unchanged|removed|failed)", line)}
    return counts["built"], counts["unchanged"], counts["removed"], counts["failed"]


def copy_samples(folder: Path) -> Path:
    """``folder`` (made if need be) holding the seven samples."""
    folder.mkdir(exist_ok=True)
    for sample in SAMPLES:
        shutil.copy(sample, folder)
    return folder


def samples_built(root: Path, jobs: int) -> tuple[Path, Path]:
    """(raw, out) under ``root``: the seven samples built by the command line as a user runs it."""
    raw, out = copy_samples(root / "raw"), root / "out"
    result = run("build", str(raw), "--out", str(out), "--jobs", str(jobs))
    assert result.returncode == 0, result.stderr
    return raw, out


@pytest.fixture
def raw_dir(tmp_path):
    """A raw folder holding the seven samples."""
    return copy_samples(tmp_path / "raw")


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
