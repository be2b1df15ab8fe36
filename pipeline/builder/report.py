"""What a build tells its user: a status per raw text, a summary, progress."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class FileStatus(StrEnum):
    BUILT = "built"
    UNCHANGED = "unchanged"
    REMOVED = "removed"
    FAILED = "failed"


@dataclass(frozen=True)
class FileResult:
    file: str
    status: FileStatus
    error: str | None = None  # the one line that says why, for a failed text
    needs_checking: bool = False  # its briefing carries a note a reader must check


@dataclass
class Summary:
    results: list[FileResult] = field(default_factory=list)
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # problems not tied to one raw text

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
