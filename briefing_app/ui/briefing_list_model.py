"""BriefingListModel: the project's briefings (editions), for the briefing selector."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ..model.events import Event
from ..store.briefings import BriefingSummary
from .document import Document

ModelIndex = QModelIndex | QPersistentModelIndex

BRIEFING_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class BriefingListModel(QAbstractListModel):
    """One row per briefing, oldest first; reloaded whenever a briefing is saved or removed
    (a project holds a handful, so a reset costs nothing)."""

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._rows: list[BriefingSummary] = document.project.briefings.list()
        document.changed.connect(self._on_changed)

    def briefing_id(self, row: int) -> str:
        return self._rows[row].id

    def row_of(self, briefing_id: str) -> int:
        for row, summary in enumerate(self._rows):
            if summary.id == briefing_id:
                return row
        return -1

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return summary.title or summary.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{summary.id}, last changed {summary.modified_at}"
        if role == BRIEFING_ID_ROLE:
            return summary.id
        return None

    def _on_changed(self, event: Event) -> None:
        if event.kind == "briefing":
            self.beginResetModel()
            self._rows = self._document.project.briefings.list()
            self.endResetModel()
