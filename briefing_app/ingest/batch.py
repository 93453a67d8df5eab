"""Batch import of many files or folders: each file succeeds or fails alone.

Every file is its own transaction, so a failure leaves nothing half-imported; the report
lists every file with what happened and why, and progress goes to a callback the UI
shows (from its worker thread).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.errors import ValidationError
from ..store.errors import ProjectError
from .errors import IngestError
from .importer import SUPPORTED_SUFFIXES, capture_file, import_file, store_file
from .limits import DEFAULT_LIMITS, Limits
from .references import REFERENCE_SUFFIXES
from .results import Captured, ImportResult, SourceOverrides

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
    workers: int | None = None,
) -> ImportReport:
    """Import files and folders one file at a time; never stops at a bad file.

    Reading and extracting text (most of the time for HTML and PDF) runs in `workers`
    processes when the batch is large enough to pay for starting them (None: one per CPU
    core for batches of at least `PARALLEL_FROM` documents; 0 or 1: all in this process).
    Storing stays here, in file order, each file its own transaction, so duplicates
    within the batch, progress and cancel behave exactly as in a serial import.
    """
    overrides = (overrides or SourceOverrides()).validate()
    files = collect_files(paths)
    report = ImportReport()
    with _CapturePool(files, limits, workers) as captures:
        for done, (path, skip) in enumerate(files, start=1):
            if cancel is not None and cancel():
                report.outcomes += [
                    FileOutcome(str(p), "cancelled", reason="import cancelled before this file")
                    for p, _ in files[done - 1 :]
                ]
                break
            if skip:
                outcome = FileOutcome(str(path), "skipped", reason=skip)
            elif _is_reference_file(path):
                outcome = _one(project, path, overrides, limits)
            else:
                captured = captures.take(done - 1)
                outcome = (
                    captured
                    if isinstance(captured, FileOutcome)
                    else _store_one(project, path, captured, overrides)
                )
            report.outcomes.append(outcome)
            if progress is not None:
                progress(done, len(files), str(path))
    return report


def _is_reference_file(path: Path) -> bool:
    """Reference exports (BibTeX, RIS, CSL-JSON) go through `import_file` whole: they
    are small, and their records may name attachments to read alongside."""
    return path.suffix.lower() in REFERENCE_SUFFIXES


def _one(project: Project, path: Path, overrides: SourceOverrides, limits: Limits) -> FileOutcome:
    try:
        result = import_file(project, path, overrides, limits=limits)
    except Exception as e:
        return _failed(path, e)
    return _outcome(path, result)


def capture_one(path: Path, limits: Limits) -> Captured | FileOutcome:
    """Read and extract one document file: the pure half of an import (no project), run
    in a worker process for large batches. A failure comes back as its outcome, since an
    exception would lose its wording on the way between processes."""
    try:
        return capture_file(path, limits)
    except Exception as e:
        return _failed(path, e)


def _store_one(
    project: Project, path: Path, captured: Captured, overrides: SourceOverrides
) -> FileOutcome:
    try:
        result = store_file(project, path, captured, overrides)
    except Exception as e:
        return _failed(path, e)
    return _outcome(path, result)


def _failed(path: Path, error: Exception) -> FileOutcome:
    """One broken file must not end the batch; its change (if any) was undone."""
    if isinstance(error, IngestError):
        return FileOutcome(str(path), "failed", reason=error.message)
    if isinstance(error, (ValidationError, ProjectError)):
        return FileOutcome(str(path), "failed", reason=str(error))
    return FileOutcome(
        str(path), "failed", reason=f"unexpected error ({type(error).__name__}: {error})"
    )


def _outcome(path: Path, result: ImportResult) -> FileOutcome:
    if result.near_duplicates:
        status = "near-duplicate"
    elif result.items and not result.added:
        status = "duplicate"
    else:
        status = "imported"
    return FileOutcome(str(path), status, result=result)


# ---------------------------------------------------------------------------- worker pool

#: Fewer documents than this are read in this process: starting worker processes (which
#: import the extractors) costs about a second, more than a few files take.
PARALLEL_FROM = 24
#: Documents read ahead of the one being stored, per worker: keeps the workers busy
#: without holding a whole folder of originals in memory.
_AHEAD_PER_WORKER = 4


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _pool_context() -> multiprocessing.context.BaseContext:
    """A forkserver where there is one: forking this (possibly multi-threaded, Qt)
    process itself is unsafe, and the server imports the extractors once for all
    workers. Elsewhere (Windows) workers are spawned."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return context
    return multiprocessing.get_context("spawn")


class _CapturePool:
    """Captures of the batch's document files, read ahead in worker processes (or, for
    small batches and one-core machines, in this process when asked for).

    A worker that dies (killed, out of memory) loses only speed: its files and every
    later one are read again in this process, so the report is the same either way.
    """

    def __init__(self, files: list[tuple[Path, str]], limits: Limits, workers: int | None):
        self._limits = limits
        self._todo = [
            i for i, (p, skip) in enumerate(files) if not skip and not _is_reference_file(p)
        ]
        self._files = files
        count = default_workers() if workers is None else workers
        if workers is None and len(self._todo) < PARALLEL_FROM:
            count = 1
        self._executor: ProcessPoolExecutor | None = None
        self._pending: dict[int, Future[Captured | FileOutcome]] = {}
        self._next = 0
        self._ahead = count * _AHEAD_PER_WORKER
        if count > 1 and len(self._todo) > 1:
            try:
                self._executor = ProcessPoolExecutor(count, mp_context=_pool_context())
            except (OSError, ImportError, ValueError):  # no process support here: read serially
                self._executor = None

    def __enter__(self) -> _CapturePool:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)

    def take(self, index: int) -> Captured | FileOutcome:
        """The capture of `files[index]`, waiting for its worker if need be."""
        path = self._files[index][0]
        if self._executor is not None:
            self._fill(index)
            future = self._pending.pop(index, None)
            if future is not None:
                try:
                    return future.result()
                except BrokenProcessPool:
                    self._stop()
        return capture_one(path, self._limits)

    def _fill(self, index: int) -> None:
        """Keep the next few document files submitted, starting at `index`."""
        while self._executor is not None and self._next < len(self._todo):
            if len(self._pending) >= self._ahead and index in self._pending:
                return
            i = self._todo[self._next]
            try:
                future = self._executor.submit(capture_one, self._files[i][0], self._limits)
            except (BrokenProcessPool, RuntimeError):
                self._stop()
                return
            self._pending[i] = future
            self._next += 1

    def _stop(self) -> None:
        """Read the rest here: the pool is gone (a worker died, or it could not start)."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = None
        self._pending.clear()
