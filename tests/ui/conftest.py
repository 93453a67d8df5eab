"""UI test setup: user folders and QSettings redirected into tmp_path; a small project."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication

from briefing_app.model.blocks import Chart, KeyJudgments, Paragraph, Quote
from briefing_app.model.briefing import Briefing, Section
from briefing_app.model.chart import ChartSpec, DataTable
from briefing_app.model.source import Person, Source, thread_post_locators
from briefing_app.model.tradecraft import KeyJudgment
from briefing_app.store import Project
from briefing_app.ui.settings import DATA_DIR_ENV, set_application_identity

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from briefing_app.ui.main_window import MainWindow

#: The offscreen platform cannot resize native windows to size hints and says so for every
#: top-level window shown; that is a property of the test platform, not a fault of ours.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


@pytest.fixture(autouse=True)
def isolated_user_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> Iterator[Path]:
    """No UI test may read or write the real user's settings or data folder."""
    QStandardPaths.setTestModeEnabled(True)
    config = tmp_path / "config"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(config))
    set_application_identity()
    data = tmp_path / "data"
    monkeypatch.setenv(DATA_DIR_ENV, str(data))
    yield data
    # Close and delete every window now, not at interpreter exit, where PySide may
    # finalise wrappers in an unsafe order.
    # Closing one window can delete another (a dialog it owned), so check each is alive.
    for widget in QApplication.topLevelWidgets():
        if shiboken6.isValid(widget):
            widget.close()
            widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


ARTICLE_TEXT = (
    "Officials said the bridge at Northfield was closed on Monday.\n\n"
    "Engineers expect repairs to take at least three weeks, the ministry added."
)
REPORT_TEXT = "The report counts 42 convoys on the eastern road between May and July."
POST_TEXT = "1/ Convoy spotted near the depot this morning.\n2/ It turned south at noon."


def build_small_project(path: Path) -> Path:
    """Three sources, four snippets and one briefing that uses every common block kind."""
    with Project.create(path, title="Northfield crossing") as project:
        project.sources.add(
            Source(
                id="src1",
                title="Bridge closed at Northfield",
                type="article",
                authors=[Person.parse("Jane Doe")],
                container_title="Daily Courier",
                issued="2025-05-12",
                text=ARTICLE_TEXT,
                reliability="B",
            )
        )
        project.sources.add(
            Source(
                id="src2",
                title="Convoy counts, eastern road",
                type="report",
                publisher="Road Watch",
                issued="2025-07-30",
                text=REPORT_TEXT,
                reliability="C",
            )
        )
        project.sources.add(
            Source(
                id="src3",
                title="Depot thread",
                type="social",
                text=POST_TEXT,
                locators=thread_post_locators(POST_TEXT),
            )
        )
        project.snippets.add_quote("src1", "the bridge at Northfield was closed", credibility=2)
        project.snippets.add_quote("src1", "repairs to take at least three weeks", credibility=3)
        project.snippets.add_quote("src2", "42 convoys on the eastern road")
        project.snippets.add_quote("src3", "Convoy spotted near the depot")
        project.briefings.save(
            Briefing(
                title="Northfield crossing",
                sections=[
                    Section(
                        "Summary",
                        blocks=[
                            Paragraph("The bridge is **closed** for weeks [@sn1; @sn2]."),
                            KeyJudgments(
                                [
                                    KeyJudgment(
                                        "Repairs will take weeks.", "likely", "moderate", ["sn2"]
                                    ),
                                    KeyJudgment(
                                        "Traffic will shift east.", "likely", "low", ["sn3"]
                                    ),
                                ]
                            ),
                        ],
                    ),
                    Section(
                        "Traffic",
                        blocks=[Quote("sn3")],
                    ),
                    Section(
                        "Convoys",
                        level=2,
                        blocks=[
                            Chart(
                                ChartSpec(
                                    "bar",
                                    title="Convoys per month",
                                    data=DataTable(["month", "n"], [["May", 12]]),
                                )
                            ),
                        ],
                    ),
                ],
            )
        )
    return path


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    return build_small_project(tmp_path / "northfield.briefing")


@pytest.fixture
def empty_window(qtbot: QtBot) -> MainWindow:
    """The main window, shown, with no project open."""
    from briefing_app.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def window(qtbot: QtBot, empty_window: MainWindow, small_project: Path) -> MainWindow:
    """The main window showing the small project."""
    open_and_wait(qtbot, empty_window, small_project)
    return empty_window


def open_and_wait(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    """Open `path` in `window` (on the thread pool, as the app does) and wait until shown."""
    window.open_project(path)
    qtbot.waitUntil(
        lambda: window.document is not None and window.document.path == path, timeout=10_000
    )


def wait_for_document(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.document is not None, timeout=10_000)
