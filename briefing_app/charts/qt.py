"""Qt plumbing for painting charts anywhere: an application object, and the GUI thread.

pyqtgraph draws through QGraphicsView, a widget, so chart rendering needs a QApplication and
must run on the thread that owns it. The CLI has no window: `ensure_app` makes an offscreen
application there. Exporters running on a worker thread hand the painting to the GUI thread
with `call_on_gui_thread` and wait for the result.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication

T = TypeVar("T")


class ChartThreadError(RuntimeError):
    """Charts were asked for on a worker thread before any GUI thread existed."""


def _headless() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def ensure_app() -> QApplication:
    """The running QApplication, or a new one (offscreen when there is no display)."""
    app = QCoreApplication.instance()
    if app is None:
        if threading.current_thread() is not threading.main_thread():
            raise ChartThreadError(
                "charts are painted by Qt on the main thread; create the application there "
                "(call briefing_app.charts.qt.ensure_app()) before rendering from a worker"
            )
        if _headless():
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([sys.argv[0] if sys.argv else "briefing"])
    if not isinstance(app, QApplication):
        raise ChartThreadError(
            "charts need a QApplication (widgets), but a QCoreApplication/QGuiApplication "
            "is running"
        )
    return app


class _Invoker(QObject):
    """Lives on the GUI thread; a blocking queued signal runs callables there."""

    run = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.run.connect(self._call, Qt.ConnectionType.BlockingQueuedConnection)

    @Slot(object)
    def _call(self, job: Any) -> None:
        job()


_invoker: _Invoker | None = None
_invoker_lock = threading.Lock()


def _gui_invoker(app: QApplication) -> _Invoker:
    global _invoker  # noqa: PLW0603 - one per process, like the QApplication it belongs to
    with _invoker_lock:
        if _invoker is None:
            inv = _Invoker()
            inv.moveToThread(app.thread())
            _invoker = inv
        return _invoker


def call_on_gui_thread(fn: Callable[[], T]) -> T:
    """Run `fn` on the GUI thread and return its result (directly if already there).

    From a worker this blocks until the GUI thread's event loop runs the job, so the GUI
    thread must not be waiting on that worker at the same time.
    """
    app = ensure_app()
    if QThread.currentThread() == app.thread():
        return fn()
    box: dict[str, Any] = {}

    def job() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # carried back to the calling thread
            box["error"] = exc

    _gui_invoker(app).run.emit(job)
    if "error" in box:
        raise box["error"]
    return box["value"]
