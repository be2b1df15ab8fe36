"""The library's public names: the stages import from the top, and cheaply."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pipeline
from tests.conftest import ROOT


def test_the_stages_import_from_the_top():
    from pipeline import build, parse, read, render_outputs, tag

    assert [f.__module__ for f in (read, parse, tag, render_outputs, build)] == [
        "pipeline.parser.reader",
        "pipeline.parser.sections",
        "pipeline.tagger.mentions",
        "pipeline.render.outputs",
        "pipeline.builder.runner",
    ]
    for name in pipeline.__all__:
        assert getattr(pipeline, name) is not None, name


def test_importing_the_package_loads_no_stage():
    """Names are imported on first use: `import pipeline` costs nothing of spaCy, pydantic or reportlab."""
    probe = "import sys, pipeline; print(sorted(m for m in ('spacy', 'pydantic', 'reportlab') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr


def test_the_version_is_written_once():
    from importlib.metadata import version

    assert version("near-briefings") == pipeline.__version__


def test_a_build_with_nothing_to_do_loads_no_stage(tmp_path):
    """A no-op build reads the manifest, the witness and the settings with msgspec: nothing of
    pydantic (the record model), spaCy, reportlab or Jinja2 is imported (a tenth of a second
    each, and more for spaCy)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(ROOT / "tests" / "samples" / "near-1995-khabarovsk.txt", raw)
    build = ["build", str(raw), "--out", str(tmp_path / "out"), "--jobs", "1", "--lang", "en,ko"]
    subprocess.run([sys.executable, "-m", "pipeline", *build], capture_output=True, cwd=ROOT, timeout=300, check=True)
    probe = (
        "import sys, pipeline.cli\n"
        f"code = pipeline.cli.main({build!r})\n"
        "print(code, sorted(m for m in ('spacy', 'pydantic', 'reportlab', 'jinja2') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.stdout.strip() == "0 []", result.stderr
