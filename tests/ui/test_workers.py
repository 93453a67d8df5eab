"""Background jobs: progress arrives on the GUI thread, cancel stops at a check, errors are
messages."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, QThread, QThreadPool
from pytestqt.qtbot import QtBot

from briefing_app.store import ProjectError
from briefing_app.ui.workers import Job, Progress, run_in_background


@pytest.fixture
def owner(qtbot: QtBot) -> Iterator[QObject]:
    """The jobs' parent, as the window is in the app; deleted only after its jobs are done."""
    parent = QObject()
    yield parent
    for job in parent.findChildren(Job):
        qtbot.waitUntil(job.is_done)
    QThreadPool.globalInstance().waitForDone()


def test_a_job_reports_progress_then_its_result_on_the_gui_thread(
    qtbot: QtBot, owner: QObject
) -> None:
    worker_threads: list[QThread] = []

    def count_to_three(progress: Progress) -> str:
        worker_threads.append(QThread.currentThread())
        for step in range(1, 4):
            progress.check()
            progress.report(step, 3, f"step {step}")
        return "counted"

    job = Job(count_to_three, owner)
    reports: list[tuple[int, int, str]] = []
    receiving_threads: list[QThread] = []

    def on_progress(done: int, total: int, text: str) -> None:
        reports.append((done, total, text))
        receiving_threads.append(QThread.currentThread())

    job.progress.connect(on_progress)
    with qtbot.waitSignal(job.finished) as finished:
        job.start()
    assert finished.args == ["counted"]
    assert reports == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]
    gui_thread = QThread.currentThread()
    assert worker_threads and worker_threads[0] is not gui_thread
    assert set(receiving_threads) == {gui_thread}
    assert job.is_done()


def test_cancel_stops_the_job_at_its_next_check(qtbot: QtBot, owner: QObject) -> None:
    resume = threading.Event()
    steps_done: list[int] = []

    def long_import(progress: Progress) -> int:
        for step in range(1, 1001):
            progress.check()
            steps_done.append(step)
            progress.report(step, 1000, f"file {step}")
            if step == 1:
                resume.wait(timeout=10)  # hold here until the test has pressed Cancel
        return len(steps_done)

    job = Job(long_import, owner)
    outcomes: list[str] = []
    job.finished.connect(lambda _result: outcomes.append("finished"))
    job.failed.connect(lambda _message: outcomes.append("failed"))

    def cancel_on_first_report(done: int, _total: int, _text: str) -> None:
        if done == 1:
            job.cancel()
            resume.set()

    job.progress.connect(cancel_on_first_report)
    with qtbot.waitSignal(job.cancelled):
        job.start()
    assert steps_done == [1]
    assert job.is_cancelled()
    assert outcomes == []


def test_an_expected_error_becomes_its_message(qtbot: QtBot, owner: QObject) -> None:
    def write_to_full_disk(_progress: Progress) -> None:
        raise ProjectError("the disk is full; the change was not made")

    job = Job(write_to_full_disk, owner)
    with qtbot.waitSignal(job.failed) as failed:
        job.start()
    assert failed.args == ["the disk is full; the change was not made"]


def test_an_unexpected_error_is_reported_and_logged(
    qtbot: QtBot, owner: QObject, caplog: pytest.LogCaptureFixture
) -> None:
    def buggy(_progress: Progress) -> None:
        raise KeyError("columns")

    messages: list[str] = []
    job = run_in_background(buggy, owner, on_failed=messages.append)
    qtbot.waitUntil(job.is_done)
    qtbot.waitUntil(lambda: bool(messages))
    assert len(messages) == 1
    assert messages[0].startswith("An unexpected error stopped the operation")
    assert "Traceback" not in messages[0]
    assert any(record.exc_info for record in caplog.records)
