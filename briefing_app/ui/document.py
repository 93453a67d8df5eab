"""The open document: one project, its undo stack, and its change events as Qt signals.

The window and every item model receive the `Document` explicitly; there is no global
"current project". Store events are relayed through a Qt signal so that a change made by
a background worker reaches the item models on the GUI thread (queued), and a change made
on the GUI thread reaches them at once (direct).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..model.events import Event
from ..store import Project


class Document(QObject):
    """A project opened in the app, with the state every pane shares.

    `changed` carries each store `Event` unchanged. `briefing_selected` says which briefing
    the outline and (later) the editor show; it follows the store when that briefing is
    removed or when a project gains its first briefing.
    """

    changed = Signal(object)
    briefing_selected = Signal(str)

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.undo_stack = QUndoStack(self)
        self._briefing_id = _first_briefing(project)
        # Connected to our own signal, not called from _relay, so that it too runs on the
        # GUI thread whichever thread changed the store.
        self.changed.connect(self._follow_briefings)
        project.events.connect(self._relay)

    @classmethod
    def open(cls, path: Path, parent: QObject | None = None) -> Document:
        """Open a project file; raises `ProjectError` with a message for the analyst."""
        return cls(cls.load(path), parent)

    @staticmethod
    def load(path: Path) -> Project:
        """The opened project, read once so that a damaged file fails here with its message,
        not later in a paint event. Safe on a worker thread (the window opens projects on
        the thread pool); the Document itself is made on the GUI thread."""
        project = Project.open(path)
        try:
            project.briefings.list()
        except BaseException:
            project.close()
            raise
        return project

    @classmethod
    def create(cls, path: Path, parent: QObject | None = None) -> Document:
        return cls(Project.create(path, title=path.stem), parent)

    @property
    def path(self) -> Path:
        return self.project.path

    @property
    def title(self) -> str:
        return self.project.title

    @property
    def briefing_id(self) -> str:
        """The briefing shown, or "" when the project has none."""
        return self._briefing_id

    def select_briefing(self, briefing_id: str) -> None:
        if briefing_id != self._briefing_id:
            self._briefing_id = briefing_id
            self.briefing_selected.emit(briefing_id)

    def close(self) -> None:
        self.project.events.disconnect(self._relay)
        self.undo_stack.clear()
        self.project.close()

    def _relay(self, event: Event) -> None:
        self.changed.emit(event)

    def _follow_briefings(self, event: Event) -> None:
        if event.kind != "briefing":
            return
        if event.action == "removed" and self._briefing_id in event.ids:
            self.select_briefing(_first_briefing(self.project))
        elif event.action == "reset" and not self._briefing_id and event.ids:
            self.select_briefing(event.ids[0])


def _first_briefing(project: Project) -> str:
    summaries = project.briefings.list()
    return summaries[0].id if summaries else ""
