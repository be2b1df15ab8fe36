"""The archive and web archive at scale (``make bench``): figures, not a test.

    python -m tools.bench_archive [--texts N] [--jobs N]

Builds N synthetic texts (tools/synthetic.py) with the real tagger, then times, each in a
fresh process: the full build, a no-op build, one changed text and one removed text; for
each, the seconds the archive (archive.sqlite) and the site (pages + Pagefind) took out of
the whole (so the build without them is the difference), and the archive's and site's size.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tools.bench import synthetic_texts


def _timed(raw_dir: Path, out_dir: Path, jobs: int) -> tuple[float, dict[str, float]]:
    started = time.perf_counter()
    output = subprocess.run(
        [sys.executable, "-m", "tools.bench", "_build", str(raw_dir), str(out_dir), "--jobs", str(jobs)],
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    ).stdout
    return time.perf_counter() - started, json.loads(output.splitlines()[-1])


def _line(label: str, seconds: float, stages: dict[str, float]) -> None:
    archive, site = stages.get("archive", 0.0), stages.get("site", 0.0)
    print(
        f"{label:<34} {seconds:7.2f} s; archive {archive:6.3f} s, site {site:6.3f} s; "
        f"without them {seconds - archive - site:7.2f} s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench_archive", description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        raw_dir, out_dir = Path(tmp) / "raw", Path(tmp) / "out"
        raw_dir.mkdir()
        for index, text in enumerate(synthetic_texts(args.texts, seed=2)):
            (raw_dir / f"near-synthetic-{index:04d}.txt").write_text(text, encoding="utf-8")
        _line(f"full build of {args.texts} texts", *_timed(raw_dir, out_dir, args.jobs))
        size = (out_dir / "archive.sqlite").stat().st_size / 1e6
        pages = sum(1 for path in (out_dir / "site").rglob("*") if path.is_file())
        print(f"archive.sqlite {size:.1f} MB; site/ {pages} files")
        _line("no-op build", *_timed(raw_dir, out_dir, args.jobs))
        changed = raw_dir / "near-synthetic-0000.txt"
        title, rest = changed.read_text(encoding="utf-8").split("\n", 1)
        changed.write_text(f"{title} (revised)\n{rest}", encoding="utf-8")
        _line("one changed text (new title)", *_timed(raw_dir, out_dir, args.jobs))
        (raw_dir / "near-synthetic-0001.txt").unlink()
        _line("one removed text", *_timed(raw_dir, out_dir, args.jobs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
