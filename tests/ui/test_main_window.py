"""MainWindow: shows a project's sources, outline and snippets, and follows store changes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing_app.model.blocks import Paragraph
from briefing_app.model.briefing import Briefing, Section
from briefing_app.model.source import Source
from briefing_app.store import Project
from briefing_app.ui import outline_model, snippet_model, source_model
from briefing_app.ui.main_window import MainWindow

from .conftest import OFFSCREEN_NOISE

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)

DISPLAY = Qt.ItemDataRole.DisplayRole


def project_of(window: MainWindow) -> Project:
    assert window.document is not None
    return window.document.project


def column(model: source_model.SourceTableModel, col: int) -> list[str]:
    return [model.data(model.index(r, col), DISPLAY) for r in range(model.rowCount())]


def children_text(model: outline_model.OutlineModel, parent: QModelIndex) -> list[str]:
    return [model.data(model.index(r, 0, parent), DISPLAY) for r in range(model.rowCount(parent))]


def test_window_title_names_the_project_and_the_product(window: MainWindow) -> None:
    assert window.windowTitle().replace("[*]", "") == "Northfield crossing — Briefing Studio"
    assert not window.isWindowModified()


def test_source_list_shows_every_source_with_grade_and_snippet_count(window: MainWindow) -> None:
    model = window.source_list.source_model()
    assert model is not None
    stored = project_of(window).sources.list()
    assert column(model, source_model.ID) == [s.id for s in stored]
    assert column(model, source_model.TITLE) == [s.title for s in stored]
    assert column(model, source_model.OUTLET) == ["Daily Courier", "Road Watch", ""]
    assert column(model, source_model.DATE) == ["2025-05-12", "2025-07-30", ""]
    assert column(model, source_model.GRADE) == ["B", "C", "F"]
    assert column(model, source_model.SNIPPETS) == ["2", "1", "1"]
    tooltip = model.data(model.index(0, source_model.GRADE), Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "B: usually reliable"


def test_outline_nests_sections_by_level_with_block_previews(window: MainWindow) -> None:
    model = window.briefing_outline.outline_model()
    assert model is not None
    root = QModelIndex()
    assert children_text(model, root) == ["1  Summary", "2  Traffic"]
    summary, traffic = model.index(0, 0, root), model.index(1, 0, root)
    # Markup and citations are not part of the preview; key judgments are counted.
    assert children_text(model, summary) == [
        "The bridge is closed for weeks.",
        "Key judgments (2)",
    ]
    # A level-2 section comes after its parent's blocks.
    assert children_text(model, traffic) == [
        "Quote: snippet sn3 — “42 convoys on the eastern road”",
        "2.1  Convoys",
    ]
    convoys = model.index(1, 0, traffic)
    assert children_text(model, convoys) == ["Chart: Convoys per month"]
    types = [model.data(model.index(r, outline_model.TYPE, summary), DISPLAY) for r in range(2)]
    assert types == ["Paragraph", "Key judgments"]
    # The section's citation count covers its subsections.
    assert model.data(model.index(1, outline_model.CITATIONS, root), DISPLAY) == "1"


def test_status_bar_counts_sources_snippets_and_briefings(window: MainWindow) -> None:
    assert window.project_summary.text() == "3 sources · 4 snippets · 1 briefing"


def test_a_source_added_through_the_store_appears_without_refresh(window: MainWindow) -> None:
    model = window.source_list.source_model()
    assert model is not None
    project_of(window).sources.add(
        Source(id="", title="Ferry timetable", type="dataset", text="Ferries run hourly.")
    )
    assert model.rowCount() == 4
    assert model.data(model.index(3, source_model.TITLE), DISPLAY) == "Ferry timetable"
    assert model.data(model.index(3, source_model.SNIPPETS), DISPLAY) == "0"
    assert window.project_summary.text() == "4 sources · 4 snippets · 1 briefing"


def test_a_removed_source_leaves_the_list(window: MainWindow) -> None:
    project = project_of(window)
    project.sources.add(Source(id="src9", title="Stray", text="Nothing to quote here."))
    project.sources.remove("src9")
    model = window.source_list.source_model()
    assert model is not None
    assert column(model, source_model.ID) == ["src1", "src2", "src3"]


def test_selecting_a_source_lists_its_snippets(window: MainWindow) -> None:
    assert window.source_list.select_source("src1")
    model = window.snippet_list.snippet_model()
    assert model is not None
    quotes = [model.data(model.index(r, snippet_model.QUOTE), DISPLAY) for r in range(2)]
    assert model.rowCount() == 2
    assert quotes == ["the bridge at Northfield was closed", "repairs to take at least three weeks"]
    assert model.data(model.index(0, snippet_model.LOCATOR), DISPLAY) == "para. 1"
    assert model.data(model.index(1, snippet_model.LOCATOR), DISPLAY) == "para. 2"
    assert model.data(model.index(0, snippet_model.CREDIBILITY_COLUMN), DISPLAY) == "2"

    window.source_list.select_source("src3")
    assert model.source_id == "src3"
    assert model.rowCount() == 1
    assert model.data(model.index(0, snippet_model.LOCATOR), DISPLAY) == "post 1"


def test_snippets_taken_and_removed_update_the_list_and_the_count(window: MainWindow) -> None:
    window.source_list.select_source("src2")
    project = project_of(window)
    snippets = window.snippet_list.snippet_model()
    sources = window.source_list.source_model()
    assert snippets is not None and sources is not None

    taken = project.snippets.add_quote("src2", "between May and July")
    assert snippets.rowCount() == 2
    assert snippets.data(snippets.index(1, snippet_model.ID), DISPLAY) == taken.id
    assert sources.data(sources.index(1, source_model.SNIPPETS), DISPLAY) == "2"

    project.snippets.add_quote("src1", "the ministry added")  # another source: not listed
    assert snippets.rowCount() == 2

    project.snippets.remove(taken.id)
    assert snippets.rowCount() == 1
    assert sources.data(sources.index(1, source_model.SNIPPETS), DISPLAY) == "1"

    first = project.snippets.add_quote("src2", "between May")
    second = project.snippets.add_quote("src2", "and July")
    assert sources.data(sources.index(1, source_model.SNIPPETS), DISPLAY) == "3"
    project.snippets.merge(first.id, second.id)
    assert sources.data(sources.index(1, source_model.SNIPPETS), DISPLAY) == "2"


def test_outline_follows_block_inserts_and_removals(window: MainWindow) -> None:
    project = project_of(window)
    model = window.briefing_outline.outline_model()
    assert model is not None and model.briefing is not None
    briefing_id = model.briefing.id
    summary_id = model.briefing.sections[0].id
    summary = model.index_of(summary_id)

    block_id = project.briefings.insert_block(
        briefing_id, summary_id, 1, Paragraph("Detours add *an hour*.")
    )
    assert children_text(model, summary)[1] == "Detours add an hour."
    assert model.index_of(block_id).row() == 1

    project.briefings.update_block(briefing_id, Paragraph("Detours add two hours.", id=block_id))
    assert children_text(model, summary)[1] == "Detours add two hours."

    project.briefings.remove_block(briefing_id, block_id)
    assert children_text(model, summary) == [
        "The bridge is closed for weeks.",
        "Key judgments (2)",
    ]


def test_briefing_selector_appears_with_a_second_briefing(window: MainWindow) -> None:
    assert not window.briefing_bar.isVisibleTo(window)
    project = project_of(window)
    second = project.briefings.save(
        Briefing(title="Weekly update", sections=[Section("Changes since last week")])
    )
    assert window.briefing_bar.isVisibleTo(window)
    assert window.briefing_selector.count() == 2

    window.briefing_selector.setCurrentIndex(1)
    assert window.document is not None and window.document.briefing_id == second
    model = window.briefing_outline.outline_model()
    assert model is not None
    assert children_text(model, QModelIndex()) == ["1  Changes since last week"]


def test_modified_flag_follows_the_undo_stack_clean_state(window: MainWindow) -> None:
    assert window.document is not None
    stack = window.document.undo_stack
    assert not window.undo_action.isEnabled()
    stack.push(QUndoCommand("Rename source"))
    assert window.isWindowModified()
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert not window.isWindowModified()
    window.redo_action.trigger()
    window.save_action.trigger()
    assert not window.isWindowModified()


@pytest.fixture
def critical_messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def critical(_parent: object, _title: str, text: str, *_args: object) -> int:
        shown.append(text)
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "critical", critical)
    return shown


def test_a_foreign_file_is_refused_with_a_message(
    qtbot: QtBot, empty_window: MainWindow, tmp_path: Path, critical_messages: list[str]
) -> None:
    foreign = tmp_path / "notes.briefing"
    foreign.write_text("These are my meeting notes, not a project.\n", encoding="utf-8")
    window = empty_window
    window.open_project(foreign)
    qtbot.waitUntil(lambda: bool(critical_messages))
    assert len(critical_messages) == 1
    assert str(foreign) in critical_messages[0]
    assert "Traceback" not in critical_messages[0]
    assert window.document is None
    assert window.central.currentWidget() is window.welcome_page
    assert foreign.read_text(encoding="utf-8").startswith("These are my meeting notes")


def test_a_failed_open_keeps_the_project_already_open(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, critical_messages: list[str]
) -> None:
    before = window.document
    window.open_project(tmp_path / "missing.briefing")
    qtbot.waitUntil(lambda: bool(critical_messages))
    assert "does not exist" in critical_messages[0]
    assert window.document is before
    assert project_of(window).sources.count() == 3


def test_opened_projects_become_recent(window: MainWindow, small_project: Path) -> None:
    assert window.recent.existing() == [small_project.resolve()]
    assert [a.text() for a in window.recent_menu.actions()] == [small_project.name]


def test_closing_the_window_closes_the_project(window: MainWindow, small_project: Path) -> None:
    window.close()
    assert window.document is None
    # Closed cleanly: the file opens again and nothing is pending in a WAL file.
    with Project.open(small_project) as project:
        assert project.sources.count() == 3


def test_the_window_stays_live_while_a_project_opens(
    qtbot: QtBot, empty_window: MainWindow, small_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from briefing_app.ui.document import Document

    release = threading.Event()
    real = Document.load

    def slow_load(path: Path) -> Project:
        assert release.wait(10), "the test never released the open"
        return real(path)

    monkeypatch.setattr(Document, "load", staticmethod(slow_load))
    window = empty_window
    job = window.open_project(small_project)
    # open_project has returned while the file is still being opened: the window is live.
    assert not job.is_done() and window.document is None
    assert window.statusBar().currentMessage() == "Opening the project…"
    release.set()
    qtbot.waitUntil(lambda: window.document is not None)
    assert window.statusBar().currentMessage() == ""


def test_closing_the_window_while_a_project_opens_closes_that_project(
    qtbot: QtBot, empty_window: MainWindow, small_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from briefing_app.ui.document import Document

    release = threading.Event()
    loaded: list[Project] = []
    real = Document.load

    def slow_load(path: Path) -> Project:
        release.wait(10)
        loaded.append(real(path))
        return loaded[-1]

    monkeypatch.setattr(Document, "load", staticmethod(slow_load))
    window = empty_window
    window.open_project(small_project)
    threading.Timer(0.2, release.set).start()
    window.close()
    assert window.document is None
    [project] = loaded
    with pytest.raises(sqlite3.ProgrammingError):  # closed: its connection is gone
        project.db.execute("SELECT 1")
    qtbot.wait(50)  # the queued "opened" reaches a closed window: nothing happens
    assert window.document is None
