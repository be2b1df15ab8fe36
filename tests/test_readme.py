"""The README's commands work as written, and `make` behaves as the README says."""

from __future__ import annotations

import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent  # the .venv/bin that runs the tests


def _section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else None]


def readme_commands() -> list[str]:
    """The lines of the shell blocks of the README's "Command line" section."""
    blocks = re.findall(r"```sh\n(.*?)```", _section("Command line"), re.DOTALL)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def _argv(command: str) -> list[str]:
    words = shlex.split(command)
    if words[0].startswith(".venv/bin/"):
        words[0] = str(BIN / words[0].removeprefix(".venv/bin/"))
    return words


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A folder laid out as the project is for a user: the seed in raw/, the tests' gold files."""
    folder = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "raw", folder / "raw")
    (folder / "tests").symlink_to(ROOT / "tests")
    return folder


def test_the_readme_shows_commands():
    commands = readme_commands()
    assert len(commands) >= 5
    assert all(command.startswith(".venv/bin/") for command in commands)


@pytest.mark.skipif(not (BIN / "near-briefings").exists(), reason="the package's console script is not installed")
@pytest.mark.parametrize("command", readme_commands())
def test_a_readme_command_runs(command, project):
    argv = _argv(command)
    if argv[1:2] == ["watch"]:
        _run_watch(argv, project)
        return
    if argv[1:2] == ["dist"] and not (project / "output" / "index.json").exists():
        subprocess.run([*_argv(".venv/bin/near-briefings build raw --out output")], cwd=project, check=True)
    result = subprocess.run(argv, cwd=project, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{command}\n{result.stderr}"
    assert "usage:" not in result.stderr and "Traceback" not in result.stderr


def _run_watch(argv: list[str], cwd: Path) -> None:
    """``watch`` runs until Ctrl-C: it must start watching, then stop cleanly on SIGINT."""
    process = subprocess.Popen(argv, cwd=cwd, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    deadline = time.monotonic() + 120
    seen = []
    for line in process.stderr:
        seen.append(line)
        if line.startswith("watching") or time.monotonic() > deadline:
            break
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=60) == 0, "".join(seen)
    assert any(line.startswith("watching") for line in seen), "".join(seen)


# --- make ---------------------------------------------------------------------------------


def _make(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["make", *args], cwd=cwd, capture_output=True, text=True, timeout=60)


pytestmark_make = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


@pytestmark_make
def test_make_passes_options_and_folders_with_spaces():
    """Dry run (-n): the build line make would run, with RAW and OUT quoted and ARGS passed on."""
    result = _make("-n", "all", "RAW=new texts", "OUT=out put", "ARGS=--paper letter --jobs 1")
    assert result.returncode == 0, result.stderr
    assert '-m pipeline build "new texts" --out "out put" --paper letter --jobs 1' in result.stdout


@pytestmark_make
def test_make_refuses_an_old_python_in_one_line_and_creates_no_venv(tmp_path):
    for name in ("Makefile", "pyproject.toml", "requirements.lock"):
        shutil.copy(ROOT / name, tmp_path)
    old_python = tmp_path / "python3.9"
    old_python.write_text(
        '#!/bin/sh\nif [ "$1" = "--version" ]; then echo "Python 3.9.18"; exit 0; fi\n'
        'if [ "$1" = "-c" ]; then exit 1; fi\nexit 1\n'
    )
    old_python.chmod(0o755)
    result = _make("all", f"PYTHON={old_python}", cwd=tmp_path)
    assert result.returncode != 0
    message = [line for line in result.stderr.splitlines() if "needs Python" in line]
    assert len(message) == 1 and "Python 3.9.18" in message[0], result.stderr
    assert not (tmp_path / ".venv").exists()


@pytestmark_make
def test_make_replaces_a_venv_left_by_another_python(tmp_path):
    """A .venv whose python is too old (or missing) loses its stamp, so make installs afresh."""
    for name in ("Makefile", "pyproject.toml", "requirements.lock"):
        shutil.copy(ROOT / name, tmp_path)
    stale = tmp_path / ".venv" / "bin"
    stale.mkdir(parents=True)
    (stale / "python").write_text("#!/bin/sh\nexit 1\n")
    (stale / "python").chmod(0o755)
    (tmp_path / ".venv" / ".installed").touch()
    result = _make("-n", "all", cwd=tmp_path)
    assert "rm -rf .venv" in result.stdout and "-m venv .venv" in result.stdout, result.stdout
    assert (tmp_path / ".venv").exists() and not (tmp_path / ".venv" / ".installed").exists()
