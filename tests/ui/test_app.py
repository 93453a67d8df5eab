"""The `briefing-studio` entry point: arguments, the sample project, bad files, recent files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing_app.model.source import Source
from briefing_app.store import Project
from briefing_app.ui.app import Options, launch, parse_arguments
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.settings import DATA_DIR_ENV, SAMPLE_FILE_NAME, RecentProjects

from .conftest import OFFSCREEN_NOISE, wait_for_document

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def shown(qtbot: QtBot, window: MainWindow) -> MainWindow:
    qtbot.addWidget(window)
    return window


def opened(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """`window` once the project it is opening (on the thread pool) is shown."""
    qtbot.addWidget(window)
    wait_for_document(qtbot, window)
    return window


def source_rows(window: MainWindow) -> list[str]:
    model = window.source_list.source_model()
    assert model is not None
    return [model.source_id(r) for r in range(model.rowCount())]


def test_arguments_name_a_project_or_the_sample() -> None:
    assert parse_arguments(["a.briefing"])[0] == Options(project=Path("a.briefing"), sample=False)
    assert parse_arguments(["--sample"])[0] == Options(project=None, sample=True)
    assert parse_arguments([])[0] == Options(project=None, sample=False)


def test_qt_options_are_passed_on_to_qt() -> None:
    options, rest = parse_arguments(["-platform", "offscreen", "a.briefing"])
    assert options.project == Path("a.briefing")
    assert rest == ["-platform", "offscreen"]


def test_a_project_and_the_sample_together_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse_arguments(["a.briefing", "--sample"])
    assert "not both" in capsys.readouterr().err


def test_sample_is_built_in_the_data_folder_and_opened(
    qtbot: QtBot, isolated_user_folders: Path
) -> None:
    window = opened(qtbot, launch(Options(project=None, sample=True)))
    path = isolated_user_folders / SAMPLE_FILE_NAME
    assert path.is_file()
    assert window.document is not None and window.document.path == path
    with Project.open(path) as project:
        stored = [s.id for s in project.sources.list()]
        briefing = project.briefings.get()
    assert stored and source_rows(window) == stored
    outline = window.briefing_outline.outline_model()
    assert outline is not None
    top_level = [s for s in briefing.sections if s.level == 1]
    assert outline.rowCount() == len(top_level)


def test_an_existing_sample_is_opened_not_rebuilt(
    qtbot: QtBot, isolated_user_folders: Path
) -> None:
    first = opened(qtbot, launch(Options(project=None, sample=True)))
    first.close()
    with Project.open(isolated_user_folders / SAMPLE_FILE_NAME) as project:
        project.sources.add(Source(id="", title="My own note", text="Seen at the depot."))
        added = project.sources.list()[-1].id
    window = opened(qtbot, launch(Options(project=None, sample=True)))
    assert source_rows(window)[-1] == added


def test_a_given_file_is_opened(qtbot: QtBot, small_project: Path) -> None:
    window = opened(qtbot, launch(Options(project=small_project, sample=False)))
    assert window.document is not None
    assert window.document.title == "Northfield crossing"
    assert source_rows(window) == ["src1", "src2", "src3"]


def test_a_broken_file_shows_a_message_and_an_empty_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown_messages: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _p, title, text, *_a: shown_messages.append((title, text))
    )
    broken = tmp_path / "half.briefing"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    window = shown(qtbot, launch(Options(project=broken, sample=False)))
    qtbot.waitUntil(lambda: bool(shown_messages))
    assert window.isVisible()
    assert window.document is None
    assert [title for title, _ in shown_messages] == ["Cannot open project"]
    assert str(broken) in shown_messages[0][1]


def test_without_arguments_the_most_recent_project_opens(qtbot: QtBot, small_project: Path) -> None:
    RecentProjects().add(small_project)
    window = opened(qtbot, launch(Options(project=None, sample=False)))
    assert window.document is not None
    assert window.document.path.resolve() == small_project.resolve()


def test_without_arguments_or_history_the_welcome_page_shows(qtbot: QtBot) -> None:
    window = shown(qtbot, launch(Options(project=None, sample=False)))
    assert window.document is None
    assert window.central.currentWidget() is window.welcome_page
    assert window.windowTitle() == "Briefing Studio"


# main() runs QApplication.exec(), after which Qt delivers no more queued events in that
# process; so it runs in a child process, as `briefing-studio` would.
MAIN_SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from briefing_app.ui.app import application, main
from briefing_app.ui.main_window import MainWindow

def report_and_close():
    # The project opens on the thread pool: look again until it is shown.
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible() and widget.document:
            timer.stop()
            print("TITLE", widget.windowTitle().replace("[*]", ""))
            print("SOURCES", widget.source_list.model().rowCount())
            widget.close()

application()
timer = QTimer()
timer.timeout.connect(report_and_close)
timer.start(50)
sys.exit(main(sys.argv[1:]))
"""


def test_main_runs_until_the_window_closes(tmp_path: Path) -> None:
    data = tmp_path / "child-data"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "child-config"),
        "XDG_DATA_HOME": str(tmp_path / "child-share"),
        DATA_DIR_ENV: str(data),
    }
    result = subprocess.run(
        [sys.executable, "-c", MAIN_SCRIPT, "--sample"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    with Project.open(data / SAMPLE_FILE_NAME) as project:
        title, count = project.title, project.sources.count()
    assert f"TITLE {title} — Briefing Studio" in result.stdout
    assert f"SOURCES {count}" in result.stdout
    assert "Traceback" not in result.stderr
