"""Save in the app: the state is marked saved at once, the backup is written off the GUI
thread, and a failed backup says so without claiming the state was saved."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing_app.model.blocks import Paragraph
from briefing_app.store import ProjectError
from briefing_app.store import backups as backups_module
from briefing_app.store.backups import list_backups
from briefing_app.ui.commands import EditParagraph
from briefing_app.ui.main_window import MainWindow

from .conftest import OFFSCREEN_NOISE

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def window(window: MainWindow) -> MainWindow:
    """The shared window, once the day's first backup (taken at open) is written."""
    assert window.document is not None
    window.document.project.wait_for_backup()  # the day's first backup, taken at open
    return window


def type_something(window: MainWindow, text: str) -> None:
    document = window.document
    assert document is not None
    briefing = document.project.briefings.get()
    block = next(b for s in briefing.sections for b in s.blocks if isinstance(b, Paragraph))
    document.undo_stack.push(EditParagraph(document.project, briefing.id, block.id, text))


def test_saving_marks_the_state_saved_and_keeps_a_backup(qtbot: QtBot, window: MainWindow):
    type_something(window, "Edited once.")
    assert window.isWindowModified()
    job = window.save()
    assert job is not None
    assert not window.isWindowModified()  # at once: this is the state being saved
    qtbot.waitUntil(job.is_done)
    assert window.document is not None
    assert list_backups(window.document.path)[0].reason == "save"
    qtbot.waitUntil(lambda: "a backup was taken" in window.statusBar().currentMessage())


@pytest.fixture
def release(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Backups are held back until the test sets this event."""
    event = threading.Event()
    real = backups_module.take_backup

    def held_backup(path: Path, reason: str = "save") -> Path:
        assert event.wait(10), "the test never released the backup"
        return real(path, reason)

    monkeypatch.setattr(backups_module, "take_backup", held_backup)
    return event


def test_the_window_goes_on_while_the_backup_is_written(
    qtbot: QtBot, window: MainWindow, release: threading.Event
) -> None:
    job = window.save()
    assert job is not None
    # save() has returned while the copy is still held back: the GUI thread is free...
    assert not job.is_done()
    type_something(window, "Typed while the backup is written.")  # ...and takes edits
    assert window.isWindowModified()
    assert window.save() is job  # a second Save waits for the first
    release.set()
    qtbot.waitUntil(job.is_done)
    assert window.document is not None
    assert list_backups(window.document.path)[0].reason == "save"


def test_a_failed_backup_says_so_and_leaves_the_state_unsaved(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda _p, _t, text, *_a: shown.append(text) or 0)

    def no_room(path: Path, reason: str = "save") -> Path:
        raise ProjectError("no backup was taken: the disk is full")

    monkeypatch.setattr(backups_module, "take_backup", no_room)
    type_something(window, "Edited, then saved on a full disk.")
    job = window.save()
    assert job is not None
    qtbot.waitUntil(lambda: bool(shown))
    assert "no backup was taken" in shown[0] and "edits are safe" in shown[0]
    assert window.isWindowModified()  # not saved: no backup of this state exists


def test_closing_the_window_lets_a_backup_being_written_finish(
    window: MainWindow, release: threading.Event
) -> None:
    assert window.document is not None
    path = window.document.path
    job = window.save()
    assert job is not None
    threading.Timer(0.2, release.set).start()
    window.close()
    assert job.is_done()
    assert list_backups(path)[0].reason == "save"
