"""ProjectSummary: the status-bar count of sources, snippets and briefings."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ..model.events import Event
from ..store import Project
from .document import Document

_COUNTED = {"source", "snippet", "briefing"}


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def summary_text(project: Project) -> str:
    """E.g. "8 sources · 16 snippets · 1 briefing"."""
    return " · ".join(
        (
            plural(project.sources.count(), "source"),
            plural(project.snippets.count(), "snippet"),
            plural(len(project.briefings.list()), "briefing"),
        )
    )


class ProjectSummary(QLabel):
    """Recounts after each change to what it counts (three COUNT queries, cheap)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ProjectSummary")
        self._document: Document | None = None

    def set_document(self, document: Document | None) -> None:
        if self._document is not None:
            self._document.changed.disconnect(self._on_changed)
        self._document = document
        if document is not None:
            document.changed.connect(self._on_changed)
        self._update()

    def _on_changed(self, event: Event) -> None:
        if event.kind in _COUNTED and not event.action.endswith("ing"):
            self._update()

    def _update(self) -> None:
        self.setText(summary_text(self._document.project) if self._document else "")
