"""Restoring a backup from the app: the dialog, and the close-restore-reopen round trip."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from briefing_app.model.source import Source
from briefing_app.store.backups import Backup, list_backups
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.restore_dialog import RestoreDialog

from .conftest import OFFSCREEN_NOISE

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def titles(window: MainWindow) -> list[str]:
    assert window.document is not None
    return [s.title for s in window.document.project.sources.summaries()]


def test_the_dialog_lists_the_backups_newest_first_and_gives_the_chosen_number(
    qtbot: QtBot, tmp_path: Path
) -> None:
    backups = [
        Backup(1, tmp_path / "a", datetime(2026, 11, 22, 10, 5, tzinfo=UTC), "save", 3 << 20),
        Backup(2, tmp_path / "b", datetime(2026, 11, 21, 8, 0, tzinfo=UTC), "daily", 900),
    ]
    dialog = RestoreDialog("desk.briefing", backups)
    qtbot.addWidget(dialog)
    rows = [[dialog.table.topLevelItem(r).text(c) for c in range(4)] for r in range(2)]
    assert [r[0] for r in rows] == ["1", "2"]
    assert [r[2] for r in rows] == ["Saved", "First open of the day"]
    assert [r[3] for r in rows] == ["3.0 MB", "1 KB"]
    assert rows[0][1] == backups[0].taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert dialog.chosen() == 1 and dialog.restore_button.isEnabled()
    dialog.select(2)
    assert dialog.chosen() == 2


def test_restoring_brings_back_the_saved_state_and_keeps_the_current_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.document is not None
    path = window.document.path
    before = titles(window)
    saving = window.save()  # a save point: backup 1
    assert saving is not None
    qtbot.waitUntil(saving.is_done)
    window.document.project.sources.add(Source(id="", title="Added after saving", text="x y"))
    assert titles(window) == [*before, "Added after saving"]

    job = window.restore_backup(1)
    assert job is not None
    qtbot.waitUntil(lambda: job.is_done() and window.document is not None, timeout=10_000)
    assert window.document.path == path
    assert titles(window) == before
    assert "Restored the backup of" in window.statusBar().currentMessage()
    newest = list_backups(path)[0]
    assert newest.reason == "before-restore"

    # ...and the state before the restore can itself be restored.
    job = window.restore_backup(1)
    assert job is not None
    qtbot.waitUntil(lambda: job.is_done() and window.document is not None, timeout=10_000)
    assert titles(window) == [*before, "Added after saving"]


def test_a_failed_restore_says_why_and_reopens_the_project_unchanged(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda _p, _t, text, *_a: shown.append(text) or 0)
    before = titles(window)
    job = window.restore_backup(42)
    assert job is not None
    qtbot.waitUntil(lambda: job.is_done() and window.document is not None, timeout=10_000)
    assert len(shown) == 1 and "there is no backup 42" in shown[0]
    assert titles(window) == before


def test_the_menu_action_opens_the_dialog_and_restores_the_chosen_backup(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.document is not None
    saving = window.save()
    assert saving is not None
    qtbot.waitUntil(saving.is_done)
    window.document.project.sources.add(Source(id="", title="Later", text="later text"))
    chosen: list[int] = []

    def accept(dialog: RestoreDialog) -> int:
        chosen.append(dialog.chosen() or 0)
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(RestoreDialog, "exec", accept)
    started: list[object] = []
    real = window.restore_backup
    monkeypatch.setattr(window, "restore_backup", lambda n: started.append(real(n)))
    assert window.restore_action.isEnabled()
    window.restore_action.trigger()
    assert chosen == [1] and started and started[0] is not None
    qtbot.waitUntil(lambda: window.document is not None and "Later" not in titles(window),
                    timeout=10_000)


def test_without_backups_the_action_says_so(
    qtbot: QtBot, empty_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _p, _t, text, *_a: shown.append(text) or 0)
    window = empty_window
    assert window.new_project(tmp_path / "fresh.briefing")
    assert window.document is not None
    window.document.project.wait_for_backup()
    for backup in list_backups(window.document.path):  # the day's first backup, if taken
        backup.path.unlink()
    window.restore_action.trigger()
    assert len(shown) == 1 and "no backups yet" in shown[0]
