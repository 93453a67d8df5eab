"""MainWindow: the source library, the briefing outline and the snippets of a project."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..model.errors import ValidationError
from ..model.events import Event
from ..store import Project, ProjectError
from ..store.backups import Backup, list_backups, restore_backup
from .briefing_list_model import BriefingListModel
from .briefing_outline import BriefingOutline
from .briefing_selector import BriefingSelector
from .document import Document
from .outline_model import OutlineModel
from .project_summary import ProjectSummary
from .restore_dialog import RestoreDialog
from .settings import APP_NAME, PROJECT_SUFFIX, RecentProjects, sample_project_path
from .snippet_list import SnippetList
from .snippet_model import SnippetTableModel
from .source_details import SourceDetails
from .source_list import SourceList
from .source_model import SourceTableModel
from .welcome_page import WelcomePage
from .workers import Job, run_in_background

INITIAL_SIZE = (1400, 900)
PROJECT_FILTER = f"Briefing projects (*{PROJECT_SUFFIX});;All files (*)"
#: Errors that mean "this file cannot be opened", worded for the analyst by the store.
OPEN_ERRORS = (ProjectError, ValidationError)


class MainWindow(QMainWindow):
    """The application window; shows one Document at a time, or the welcome page.

    The window owns a QUndoGroup so Edit > Undo/Redo follow whichever document is open;
    the modified flag ([*] in the title) is the open document's undo stack not being clean.
    """

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self._settings = settings if settings is not None else QSettings()
        self.recent = RecentProjects(self._settings)
        self._document: Document | None = None
        self._save_job: Job | None = None
        self._open_token: object | None = None
        self._opening: tuple[Job, list[Project]] | None = None
        self.undo_group = QUndoGroup(self)

        self.source_list = SourceList()
        self.source_details = SourceDetails()
        self.snippet_list = SnippetList()
        self.briefing_outline = BriefingOutline()
        self.briefing_selector = BriefingSelector()
        self.project_summary = ProjectSummary()

        self._create_actions()
        self._create_menus()
        self._create_panes()
        self.statusBar().addPermanentWidget(self.project_summary)
        self.source_list.source_selected.connect(self._show_snippets_of)
        self.source_list.source_selected.connect(self.source_details.show_source)
        self.resize(*INITIAL_SIZE)
        self._restore_layout()
        self._show_document(None)

    # ------------------------------------------------------------------ public API

    @property
    def document(self) -> Document | None:
        return self._document

    def open_project(self, path: Path, then: Callable[[], None] | None = None) -> Job:
        """Open a project file on the thread pool, then show it (and call `then`).

        Checking the file, and upgrading one from an older version (a copy of it is kept
        first), takes seconds for a project holding gigabytes of originals: the window
        stays live meanwhile. On failure it shows the store's message and keeps what it
        showed. A later open, or closing the window, supersedes this one.
        """
        return self._open_in_background(lambda: path, then)

    def _open_in_background(
        self, locate: Callable[[], Path], then: Callable[[], None] | None = None
    ) -> Job:
        token = object()
        self._open_token = token
        opened: list[Project] = []
        self.statusBar().showMessage("Opening the project…")

        def task(_progress: object) -> Project:
            project = Document.load(locate())
            opened.append(project)
            return project

        def show(project: Project) -> None:
            if project not in opened:
                return  # the window was closed meanwhile, and closed the project too
            opened.remove(project)
            if self._open_token is not token:  # superseded by a later open
                project.close()
                return
            self.statusBar().clearMessage()
            self.set_document(Document(project))
            self.recent.add(project.path)
            self._update_recent_menu()
            if then is not None:
                then()

        def failed(message: str) -> None:
            if self._open_token is token:
                self.statusBar().clearMessage()
                self.show_error("Cannot open project", message)

        job = run_in_background(task, self, on_finished=show, on_failed=failed)
        self._opening = (job, opened)
        return job

    def new_project(self, path: Path) -> bool:
        try:
            document = Document.create(path)
        except OPEN_ERRORS as error:
            self.show_error("Cannot create project", str(error))
            return False
        self.set_document(document)
        self.recent.add(path)
        self._update_recent_menu()
        return True

    def set_document(self, document: Document | None) -> None:
        """Show `document` (closing the one shown before), or the welcome page for None."""
        previous = self._document
        self._show_document(document)
        if previous is not None:
            self.undo_group.removeStack(previous.undo_stack)
            previous.close()
            previous.deleteLater()

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.critical(self, title, message)

    # ------------------------------------------------------------------ showing a document

    def _show_document(self, document: Document | None) -> None:
        self._document = document
        if document is None:
            self.source_list.set_source_model(None)
            self.source_details.set_source_model(None)
            self.snippet_list.set_snippet_model(None)
            self.briefing_outline.set_outline_model(None)
            self.briefing_selector.set_document(None, None)
            self.project_summary.set_document(None)
            self.central.setCurrentWidget(self.welcome_page)
            self.setWindowTitle(APP_NAME)
            self.setWindowModified(False)
            self.setWindowFilePath("")
        else:
            sources = SourceTableModel(document, document)
            self.source_list.set_source_model(sources)
            self.source_details.set_source_model(sources)
            self.snippet_list.set_snippet_model(SnippetTableModel(document, document))
            self.briefing_outline.set_outline_model(OutlineModel(document, document))
            self.briefing_selector.set_document(document, BriefingListModel(document, document))
            self.project_summary.set_document(document)
            self.undo_group.addStack(document.undo_stack)
            self.undo_group.setActiveStack(document.undo_stack)
            document.undo_stack.cleanChanged.connect(self._on_clean_changed)
            document.changed.connect(self._on_document_changed)
            document.briefing_selected.connect(self._update_briefing_bar)
            self.central.setCurrentWidget(self.outline_page)
            self.setWindowFilePath(str(document.path))
            self._update_title()
            self._update_briefing_bar()
            self._select_first_source()
        for dock in (self.sources_dock, self.snippets_dock):
            dock.setVisible(document is not None)
        for action in (self.save_action, self.restore_action, self.close_action):
            action.setEnabled(document is not None)

    def _update_title(self) -> None:
        if self._document is not None:
            # [*] is where Qt shows the modified mark.
            self.setWindowTitle(f"{self._document.title}[*] — {APP_NAME}")
            self.setWindowModified(not self._document.undo_stack.isClean())

    def _on_clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _on_document_changed(self, event: Event) -> None:
        if event.kind == "project":
            self._update_title()
        elif event.kind == "briefing":
            self._update_briefing_bar()

    def _update_briefing_bar(self, _briefing_id: str = "") -> None:
        """The selector is only worth its space when there is a choice to make."""
        document = self._document
        count = len(document.project.briefings.list()) if document else 0
        self.briefing_bar.setVisible(count > 1)
        self.no_briefing_label.setVisible(document is not None and count == 0)

    def _select_first_source(self) -> None:
        model = self.source_list.source_model()
        if model is not None and model.rowCount() > 0:
            self.source_list.select_source(model.source_id(0))

    def _show_snippets_of(self, source_id: str) -> None:
        model = self.snippet_list.snippet_model()
        if model is not None:
            model.set_source(source_id)
        source_model = self.source_list.source_model()
        row = source_model.row_of(source_id) if source_model and source_id else -1
        title = source_model.data(source_model.index(row, 1)) if source_model and row >= 0 else ""
        self.snippets_dock.setWindowTitle(f"Snippets — {source_id}" if title else "Snippets")
        self.snippets_dock.setToolTip(str(title))

    # ------------------------------------------------------------------ building the window

    def _create_actions(self) -> None:
        self.new_action = QAction("&New…", self, shortcut=QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self._ask_new)
        self.open_action = QAction("&Open…", self, shortcut=QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self._ask_open)
        self.open_sample_action = QAction("Open &Sample", self)
        self.open_sample_action.triggered.connect(self.open_sample)
        self.save_action = QAction("&Save", self, shortcut=QKeySequence.StandardKey.Save)
        self.save_action.setStatusTip(
            "Every change is already in the file; saving marks a checkpoint"
        )
        self.save_action.triggered.connect(self.save)
        self.restore_action = QAction("&Restore from Backup…", self)
        self.restore_action.setStatusTip("Bring back the project as one of its backups had it")
        self.restore_action.triggered.connect(self._ask_restore)
        self.close_action = QAction("&Close Project", self, shortcut=QKeySequence.StandardKey.Close)
        self.close_action.triggered.connect(lambda: self.set_document(None))
        self.quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.undo_action = self.undo_group.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.about_action = QAction(f"&About {APP_NAME}", self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._about)

    def _create_menus(self) -> None:
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu("&File")
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        file_menu.addAction(self.open_sample_action)
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.restore_action, self.close_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self._update_recent_menu()
        edit_menu = menu_bar.addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        self.view_menu = menu_bar.addMenu("&View")
        help_menu = menu_bar.addMenu("&Help")
        help_menu.addAction(self.about_action)

    def _create_panes(self) -> None:
        self.welcome_page = WelcomePage(
            [self.new_action, self.open_action, self.open_sample_action]
        )
        self.outline_page = QWidget()
        layout = QVBoxLayout(self.outline_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.briefing_bar = QToolBar("Briefing")
        self.briefing_bar.addWidget(QLabel("Briefing: "))
        self.briefing_bar.addWidget(self.briefing_selector)
        self.no_briefing_label = QLabel("This project has no briefing yet.")
        self.no_briefing_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_briefing_label.setEnabled(False)
        layout.addWidget(self.briefing_bar)
        layout.addWidget(self.briefing_outline)
        layout.addWidget(self.no_briefing_label)
        self.central = QStackedWidget()
        self.central.addWidget(self.welcome_page)
        self.central.addWidget(self.outline_page)
        self.setCentralWidget(self.central)

        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        library = QSplitter(Qt.Orientation.Vertical)
        library.setObjectName("LibrarySplitter")
        library.setChildrenCollapsible(False)
        library.addWidget(self.source_list)
        library.addWidget(self.source_details)
        library.setSizes([560, 280])
        self.sources_dock = self._dock("Sources", library, left)
        self.snippets_dock = self._dock("Snippets", self.snippet_list, right)
        # Proportions for 1400 px: library 46 %, outline 30 %, snippets 24 %.
        self.resizeDocks(
            [self.sources_dock, self.snippets_dock], [640, 340], Qt.Orientation.Horizontal
        )

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{title}Dock")
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        self.view_menu.addAction(dock.toggleViewAction())
        return dock

    def _update_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.recent.existing():
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_project(p))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    # ------------------------------------------------------------------ File and Help actions

    def open_sample(self) -> Job:
        """Open the sample project in the user's data folder, building it the first time
        (both on the thread pool)."""
        return self._open_in_background(ensure_sample_project)

    def _ask_new(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "New project", "", PROJECT_FILTER)
        if name:
            path = Path(name)
            if path.suffix != PROJECT_SUFFIX:
                path = path.with_name(path.name + PROJECT_SUFFIX)
            self.new_project(path)

    def _ask_open(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open project", "", PROJECT_FILTER)
        if name:
            self.open_project(Path(name))

    def save(self) -> Job | None:
        """Mark this state saved and keep a rolling backup of it, written off the GUI
        thread: the copy of a project holding gigabytes of originals takes seconds. Edits
        are already in the file; if the backup fails, the window says so and the project
        shows as modified again."""
        document = self._document
        if document is None:
            return None
        if self._save_job is not None and not self._save_job.is_done():
            self.statusBar().showMessage("The last backup is still being written.", 3000)
            return self._save_job
        document.undo_stack.setClean()
        document.project.checkpoint()
        project = document.project
        self.statusBar().showMessage("All changes are in the project file; writing a backup…")

        def saved(_path: Path) -> None:
            self.statusBar().showMessage(
                "All changes are in the project file, and a backup was taken.", 4000
            )

        def failed(message: str) -> None:
            if document is self._document:
                document.undo_stack.resetClean()
            self.statusBar().clearMessage()
            self.show_error("The backup was not taken",
                            f"{message}\n\nYour edits are safe in the project file.")

        self._save_job = run_in_background(
            lambda _progress: project.backup("save"), self, on_finished=saved, on_failed=failed
        )
        return self._save_job

    def _ask_restore(self) -> None:
        if self._document is None:
            return
        path = self._document.path
        backups = list_backups(path)
        if not backups:
            QMessageBox.information(
                self, "No backups yet",
                f"{path.name} has no backups yet. One is taken each time you save and on "
                "the first open of each day.",
            )
            return
        dialog = RestoreDialog(path.name, backups, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            number = dialog.chosen()
            if number is not None:
                self.restore_backup(number)

    def restore_backup(self, number: int) -> Job | None:
        """Close the project, put backup `number` (1 = newest) in its place off the GUI
        thread (a copy of the whole file), and open it again; on failure say why and
        reopen the project as it was."""
        if self._document is None:
            return None
        path = self._document.path
        self.set_document(None)
        self.statusBar().showMessage(f"Restoring {path.name} from backup {number}…")
        saving = self._save_job  # a backup still being written would prune under the restore

        def restore(_progress: object) -> Backup:
            if saving is not None:
                saving.wait()
            return restore_backup(path, number)

        def restored(backup: Backup) -> None:
            taken = backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
            self.open_project(path, then=lambda: self.statusBar().showMessage(
                f"Restored the backup of {taken}. What the project held before is "
                "backup 1, if you want it back.", 10000,
            ))

        def failed(message: str) -> None:
            self.statusBar().clearMessage()
            self.show_error("Cannot restore the backup", message)
            self.open_project(path)

        return run_in_background(restore, self, on_finished=restored, on_failed=failed)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>Briefings whose every claim traces back to an exact quote in a graded "
            "source.</p>",
        )

    # ------------------------------------------------------------------ window state

    def _restore_layout(self) -> None:
        geometry = self._settings.value("mainWindow/geometry")
        state = self._settings.value("mainWindow/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._settings.setValue("mainWindow/geometry", self.saveGeometry())
        self._settings.setValue("mainWindow/state", self.saveState())
        self.set_document(None)
        self._open_token = None  # an open still running is superseded...
        if self._opening is not None:
            job, opened = self._opening
            job.wait()  # ...and the project it opened is closed, not left open
            for project in opened:
                project.close()
            opened.clear()
        if self._save_job is not None:
            self._save_job.wait()  # let a backup being written finish, not die half-copied
        super().closeEvent(event)


def ensure_sample_project() -> Path:
    """The sample project's path, building it with `briefing_app.sample` if it is missing."""
    path = sample_project_path()
    if not path.exists():
        from ..sample import build_sample  # imported late: it reads the bundled resources

        build_sample(path)
    return path
