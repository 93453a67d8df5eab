"""Background work off the GUI thread, with progress, cancellation and a result or a message.

Every long operation (import, export, checks) runs as a `Job`: a plain function that takes a
`Progress` and returns a result, started on Qt's thread pool. The job's signals are emitted
from the worker thread but delivered queued on the thread that created the job (the GUI
thread), so slots may touch widgets.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..model.errors import ValidationError
from ..store import ProjectError

log = logging.getLogger(__name__)

#: Exceptions whose message is written for the analyst; anything else is a bug, logged in full.
EXPECTED_ERRORS: tuple[type[BaseException], ...] = (ProjectError, ValidationError, OSError)


class Cancelled(Exception):
    """Raised inside a job's function (by `Progress.check`) when the user cancelled it."""


class Progress:
    """Handed to the job's function: report progress, and learn whether to stop."""

    def __init__(self, job: Job) -> None:
        self._job = job

    @property
    def cancelled(self) -> bool:
        return self._job.is_cancelled()

    def check(self) -> None:
        """Stop here if the user cancelled; call between steps that are safe to stop at."""
        if self._job.is_cancelled():
            raise Cancelled

    def report(self, done: int, total: int, text: str = "") -> None:
        self._job.progress.emit(done, total, text)


Task = Callable[[Progress], Any]


class Job(QObject):
    """One background run of `task`. Exactly one of finished, failed or cancelled is emitted.

    progress(done, total, text) - as the task reports it
    finished(result)            - the task's return value
    failed(message)             - a message for the analyst, never a traceback
    cancelled()                 - the task stopped at a `check()` after `cancel()`
    """

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, task: Task, parent: QObject) -> None:
        # A parent is required: it owns the C++ object, so the job is never deleted by the
        # worker thread dropping the last Python reference to it.
        super().__init__(parent)
        self._task = task
        self._cancel = threading.Event()
        self._done = threading.Event()

    def cancel(self) -> None:
        """Ask the task to stop at its next `check()`; it cannot be interrupted elsewhere."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the task has run (for another job that must come after this one);
        never call it on the GUI thread, whose event loop delivers this job's outcome."""
        return self._done.wait(timeout)

    def start(self, pool: QThreadPool | None = None) -> Job:
        """Run on `pool` (the global one by default); connect to the signals before this."""
        (pool or QThreadPool.globalInstance()).start(_Runner(self))
        return self

    def run(self) -> None:
        """Run the task on the calling thread and emit the outcome (the pool calls this)."""
        try:
            result = self._task(Progress(self))
        except Cancelled:
            self._done.set()
            self._emit(self.cancelled)
        except EXPECTED_ERRORS as error:
            self._done.set()
            self._emit(self.failed, str(error))
        except Exception as error:
            log.exception("background task failed")
            self._done.set()
            self._emit(self.failed, f"An unexpected error stopped the operation: {error}")
        else:
            self._done.set()
            self._emit(self.finished, result)

    @staticmethod
    def _emit(signal: Any, *args: object) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:
            # The job's owner was deleted meanwhile (the app is quitting): nobody is left
            # to tell, and a traceback on the way out helps no one.
            log.info("a background task finished after its window was gone")


class _Runner(QRunnable):
    """Keeps the Job alive while the pool runs it."""

    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        self._job.run()


def run_in_background(
    task: Task,
    parent: QObject,
    *,
    on_finished: Callable[[Any], None] | None = None,
    on_failed: Callable[[str], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
) -> Job:
    """Start `task` on the global thread pool, with its handlers connected first.

    Handlers must be connected before the job starts: a queued signal reaches only the
    receivers connected when it was emitted, and a short task may be done at once. The
    `parent` (usually the window) keeps the job alive until it reports.
    """
    job = Job(task, parent)
    for signal, handler in (
        (job.finished, on_finished),
        (job.failed, on_failed),
        (job.progress, on_progress),
        (job.cancelled, on_cancelled),
    ):
        if handler is not None:
            signal.connect(handler)
    return job.start()
