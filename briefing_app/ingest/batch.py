"""Batch import of many files or folders: each file succeeds or fails alone.

Every file is its own transaction, so a failure leaves nothing half-imported; the report
lists every file with what happened and why, and progress goes to a callback the UI
shows (from its worker thread).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.errors import ValidationError
from ..store.errors import ProjectError
from .errors import IngestError
from .importer import SUPPORTED_SUFFIXES, import_file
from .limits import DEFAULT_LIMITS, Limits
from .results import ImportResult, SourceOverrides

if TYPE_CHECKING:
    from ..store import Project

#: progress(done, total, path of the file just handled)
Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]


@dataclass
class FileOutcome:
    path: str
    status: str  # imported | duplicate | near-duplicate | failed | skipped | cancelled
    result: ImportResult | None = None
    reason: str = ""

    def message(self) -> str:
        if self.result is None:
            return f"{self.path}: {self.status}: {self.reason}"
        lines = "; ".join(self.result.messages())
        return f"{self.path}: {self.status}: {lines}"


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)

    def with_status(self, *statuses: str) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status in statuses]

    @property
    def succeeded(self) -> list[FileOutcome]:
        return self.with_status("imported", "duplicate", "near-duplicate")

    @property
    def failed(self) -> list[FileOutcome]:
        return self.with_status("failed")

    @property
    def cancelled(self) -> bool:
        return bool(self.with_status("cancelled"))

    def summary(self) -> str:
        counts: dict[str, int] = {}
        for outcome in self.outcomes:
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
        return ", ".join(f"{n} {status}" for status, n in counts.items()) or "nothing to import"


def collect_files(paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """Files to import, folders expanded (sorted, recursively); hidden files are left out
    and other unsupported files in folders are listed as skipped rather than failed."""
    found: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            found.append((path, ""))
            continue
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if any(part.startswith(".") for part in child.relative_to(path).parts):
                continue
            skip = "" if child.suffix.lower() in SUPPORTED_SUFFIXES else "not a supported file type"
            found.append((child, skip))
    return found


def import_paths(
    project: Project,
    paths: Iterable[str | Path],
    *,
    overrides: SourceOverrides | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ImportReport:
    """Import files and folders one file at a time; never stops at a bad file."""
    overrides = (overrides or SourceOverrides()).validate()
    files = collect_files(paths)
    report = ImportReport()
    for done, (path, skip) in enumerate(files, start=1):
        if cancel is not None and cancel():
            report.outcomes += [
                FileOutcome(str(p), "cancelled", reason="import cancelled before this file")
                for p, _ in files[done - 1 :]
            ]
            break
        report.outcomes.append(_one(project, path, skip, overrides, limits))
        if progress is not None:
            progress(done, len(files), str(path))
    return report


def _one(
    project: Project, path: Path, skip: str, overrides: SourceOverrides, limits: Limits
) -> FileOutcome:
    if skip:
        return FileOutcome(str(path), "skipped", reason=skip)
    try:
        result = import_file(project, path, overrides, limits=limits)
    except (IngestError, ValidationError, ProjectError) as e:
        message = e.message if isinstance(e, IngestError) else str(e)
        return FileOutcome(str(path), "failed", reason=message)
    except Exception as e:  # one broken file must not end the batch; its change was undone
        return FileOutcome(
            str(path), "failed", reason=f"unexpected error ({type(e).__name__}: {e})"
        )
    if result.near_duplicates:
        status = "near-duplicate"
    elif result.items and not result.added:
        status = "duplicate"
    else:
        status = "imported"
    return FileOutcome(str(path), status, result=result)
