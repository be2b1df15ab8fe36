"""What a build tells its user: a status per raw text, a summary, progress."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from ..render.i18n import ENGLISH, Translator


class FileStatus(StrEnum):
    BUILT = "built"
    UNCHANGED = "unchanged"
    REMOVED = "removed"
    FAILED = "failed"


class CheckStatus(StrEnum):
    """A briefing's status in the pre-send report."""

    NEW = "new"  # built, and not in the last build
    CHANGED = "changed"  # built again: its raw text, the pipeline or the settings changed
    UNCHANGED = "unchanged"
    FAILED = "failed"


@dataclass(frozen=True)
class FileResult:
    file: str
    status: FileStatus
    error: str | None = None  # the one line that says why, for a failed text
    needs_checking: bool = False  # its briefing carries a note a reader must check
    new: bool = False  # built, and not in the last build's manifest
    checks: tuple[str, ...] = ()  # every data-quality note, as 'line N: message'
    check_codes: tuple[str, ...] = ()  # the note codes of ``checks``, in order

    @property
    def check_status(self) -> CheckStatus | None:
        """The status the pre-send report gives; None for a removed text (no briefing)."""
        if self.status is FileStatus.BUILT:
            return CheckStatus.NEW if self.new else CheckStatus.CHANGED
        return {FileStatus.UNCHANGED: CheckStatus.UNCHANGED, FileStatus.FAILED: CheckStatus.FAILED}.get(self.status)


@dataclass(frozen=True)
class EditedOutput:
    """An output someone changed after the build wrote it: moved aside, never overwritten."""

    name: str  # its name in OUT_DIR
    kept_as: str  # where it went, relative to OUT_DIR (edited/NAME.<timestamp>.ext)

    def line(self) -> str:
        return f"{self.name}: changed since the build wrote it; kept as {self.kept_as}"


@dataclass
class Summary:
    results: list[FileResult] = field(default_factory=list)
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # problems not tied to one raw text
    edited: list[EditedOutput] = field(default_factory=list)
    checks_report: str | None = None  # the pre-send report's path, once written

    def count(self, status: FileStatus) -> int:
        return sum(1 for result in self.results if result.status == status)

    @property
    def failed(self) -> list[FileResult]:
        return [result for result in self.results if result.status is FileStatus.FAILED]

    @property
    def ok(self) -> bool:
        return not self.failed and not self.errors

    def line(self) -> str:
        """'12 built (2 need checking: a.txt, b.txt), 0 unchanged, 0 removed, 0 failed in 1.1 s'."""
        parts = []
        for status in FileStatus:
            part = f"{self.count(status)} {status}"
            checking = [r.file for r in self.results if r.status == status and r.needs_checking]
            if checking:
                verb = "needs" if len(checking) == 1 else "need"
                part += f" ({len(checking)} {verb} checking: {_names(checking)})"
            parts.append(part)
        return f"{', '.join(parts)} in {self.seconds:.1f} s"

    def briefings(self) -> list[FileResult]:
        """The results the pre-send report lists: every text with a briefing or a failure."""
        return [result for result in self.results if result.check_status is not None]

    def checking_line(self, language: Translator = ENGLISH) -> str:
        """The pre-send report's first line: '3 of 12 briefings need checking before they are sent; 1 failed'."""
        listed = self.briefings()
        checking = sum(1 for result in listed if result.needs_checking)
        built = sum(1 for result in listed if result.status is not FileStatus.FAILED)
        line = language.ngettext(
            "%(checking)s of %(count)s briefing needs checking before it is sent",
            "%(checking)s of %(count)s briefings need checking before they are sent",
            built,
            {"checking": language.number(checking)},
        )
        if checking == 1 and language.english:  # ("1 of 12 briefings needs checking"; the catalogs say it whole)
            line = line.replace("need checking", "needs checking")
        failed = len(self.failed)
        return line + (language._("; %(failed)s failed") % {"failed": language.number(failed)} if failed else "")

    def report_lines(self) -> list[str]:
        """The pre-send report as text: its first line, then each briefing that needs
        checking or failed (status, then each note to check with its line), then the
        outputs kept because someone had changed them."""
        lines = [self.checking_line()]
        for result in self.briefings():  # (a failed text's line is printed as it fails)
            if result.needs_checking and result.status is not FileStatus.FAILED:
                to_check = [
                    text for text, code in zip(result.checks, result.check_codes, strict=True) if _checked(code)
                ]
                lines.append(f"  {result.file} ({result.check_status}): {' · '.join(to_check)}")
        lines += [f"  {edited.line()}" for edited in self.edited]
        if self.checks_report:
            lines.append(f"  every briefing and note: {self.checks_report}")
        return lines


def _checked(code: str) -> bool:
    from ..severity import severity_of

    return severity_of(code) == "check"


NAMES_SHOWN = 5


def _names(files: list[str]) -> str:
    shown = ", ".join(files[:NAMES_SHOWN])
    return shown + (f" and {len(files) - NAMES_SHOWN} more" if len(files) > NAMES_SHOWN else "")


class Reporter:
    """Build progress, told to the user; the CLI picks a progress bar or plain lines."""

    def waiting(self, lock_path: Path) -> None: ...
    def start(self, total: int) -> None: ...
    def advance(self, result: FileResult) -> None: ...
    def message(self, text: str) -> None: ...
    def finish(self, summary: Summary) -> None: ...
