"""The pre-send report: OUT_DIR/checks.pdf, and the same as text on the terminal.

Briefings that go out carry no internal marks; the checks a reader must make before
sending them are here instead: a first line saying how many briefings need checking,
then one row per raw text with its status (new, changed, unchanged, failed) and every
data-quality note with the line of the raw text it is about, and the outputs the
build kept aside because someone had changed them.
"""

from __future__ import annotations

from pathlib import Path

from ..render import briefing as b
from ..settings import Settings, edition_date
from .files import CHECKS_NAME, write_atomic
from .report import FileStatus, Summary

CHECKS_TITLE = "Pre-send checks"


def checks_briefing(summary: Summary, settings: Settings) -> b.Briefing:
    """The report as briefing blocks, for the PDF writer."""
    association = settings.association
    listed = summary.briefings()
    rows = []
    for result in listed:
        if result.status is FileStatus.FAILED:
            notes = result.error or "failed"
        else:
            notes = "\n".join(result.checks) or "no notes"
        rows.append([result.file, str(result.check_status), "check" if result.needs_checking else "", notes])
    day = edition_date(settings)
    blocks: list[b.Block] = [
        b.Title(summary.checking_line(), [f"{CHECKS_TITLE} · {association.name} ({association.short_name})"]),
        b.Paragraph(
            f"Edition of {b.period_in_words(day, day)}. Status: new (not in the last build), changed (built again), "
            "unchanged, failed (no briefing). 'check' marks a briefing with a note a reader must look at "
            "before it is sent; the other notes say what the reader repaired.",
            "muted",
        ),
        b.Table(["Raw text", "Status", "To do", "Notes (line of the raw text: note)"], rows, [0.24, 0.12, 0.08, 0.56]),
    ]
    if summary.edited:
        blocks += [
            b.Heading("Changed outputs kept aside"),
            b.Table(["Output", "Kept as"], [[edited.name, edited.kept_as] for edited in summary.edited], [0.45, 0.55]),
        ]
    metadata = b.Metadata(CHECKS_TITLE, CHECKS_TITLE, association.name, [], CHECKS_TITLE, "", label=CHECKS_TITLE)
    return b.Briefing(metadata, blocks)


def write_checks(out_dir: Path, summary: Summary, settings: Settings, paper: str) -> None:
    from ..render.pdf import render_pdf

    write_atomic(out_dir / CHECKS_NAME, render_pdf(checks_briefing(summary, settings), paper))
