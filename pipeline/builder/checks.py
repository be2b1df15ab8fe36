"""The pre-send report: OUT_DIR/checks.pdf, and the same as text on the terminal.

Briefings that go out carry no internal marks; the checks a reader must make before
sending them are here instead: a first line saying how many briefings need checking,
then one row per raw text with its status (new, changed, unchanged, failed) and every
data-quality note with the line of the raw text it is about, and the outputs the
build kept aside because someone had changed them.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..outdir import write_atomic
from ..render import briefing as b
from ..render.i18n import ENGLISH, N_, Translator
from ..settings import Settings, edition_date
from .files import checks_name
from .report import CheckStatus, FileStatus, Summary

CHECKS_TITLE = N_("Pre-send checks")
# A briefing's status, as the report's readers read it.
STATUS_WORDS = {
    CheckStatus.NEW: N_("new"),
    CheckStatus.CHANGED: N_("changed"),
    CheckStatus.UNCHANGED: N_("unchanged"),
    CheckStatus.FAILED: N_("failed"),
}


def checks_briefing(summary: Summary, settings: Settings, language: Translator = ENGLISH) -> b.Briefing:
    """The report as briefing blocks, for the PDF writer; in ``language`` all but the raw
    texts' names, the failures' lines and the notes (the record's words)."""
    association = settings.association
    _ = language._
    listed = summary.briefings()
    rows = []
    for result in listed:
        if result.status is FileStatus.FAILED:
            notes = result.error or _("failed")
        else:
            notes = "\n".join(result.checks) or _("no notes")
        status = _(STATUS_WORDS[result.check_status]) if result.check_status else ""
        rows.append([result.file, status, _("check") if result.needs_checking else "", notes])
    day = edition_date(settings)
    title = _(CHECKS_TITLE)
    blocks: list[b.Block] = [
        b.Title(summary.checking_line(language), [f"{title} · {association.name} ({association.short_name})"]),
        b.Paragraph(
            _(
                "Edition of %(date)s. Status: new (not in the last build), changed (built again), "
                "unchanged, failed (no briefing). 'check' marks a briefing with a note a reader must look at "
                "before it is sent; the other notes say what the reader repaired."
            )
            % {"date": language.date(day)},
            "muted",
        ),
        b.Table(
            [_("Raw text"), _("Status"), _("To do"), _("Notes (line of the raw text: note)")],
            rows,
            [0.24, 0.12, 0.08, 0.56],
            language=language,
        ),
    ]
    if summary.edited:
        blocks += [
            b.Heading(_("Changed outputs kept aside")),
            b.Table(
                [_("Output"), _("Kept as")],
                [[edited.name, edited.kept_as] for edited in summary.edited],
                [0.45, 0.55],
                language=language,
            ),
        ]
    metadata = b.Metadata(title, title, association.name, [], CHECKS_TITLE, "", label=title)
    return b.Briefing(dataclasses.replace(metadata, language=language), blocks)


def write_checks(out_dir: Path, summary: Summary, settings: Settings, paper: str) -> None:
    """checks.pdf, and checks.<lang>.pdf in each further language of the settings."""
    from ..render.pdf import render_pdf

    for code in settings.written_languages:
        report = checks_briefing(summary, settings, Translator(code))
        write_atomic(out_dir / checks_name(code), render_pdf(report, paper))
