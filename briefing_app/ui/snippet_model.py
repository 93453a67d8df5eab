"""SnippetTableModel: the snippets taken from one source, kept current by events."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ..model.events import Event
from ..model.grades import CREDIBILITY
from ..model.snippet import Snippet
from .document import Document

ModelIndex = QModelIndex | QPersistentModelIndex

#: The role that gives a row's snippet id, whatever the column.
SNIPPET_ID_ROLE = Qt.ItemDataRole.UserRole + 1

COLUMNS = ("ID", "Quote", "Locator", "Cred.")
ID, QUOTE, LOCATOR, CREDIBILITY_COLUMN = range(len(COLUMNS))


class SnippetTableModel(QAbstractTableModel):
    """The snippets of the source set with `set_source`, in the order they were taken.

    Like SourceTableModel, it caches rows and applies store events after the fact, so the
    view never sees a change that was rolled back.
    """

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._source_id = ""
        self._rows: list[Snippet] = []
        document.changed.connect(self._on_changed)

    # ------------------------------------------------------------------ public API

    @property
    def source_id(self) -> str:
        """The source whose snippets are listed, or "" for none."""
        return self._source_id

    def set_source(self, source_id: str) -> None:
        self.beginResetModel()
        self._source_id = source_id
        self._rows = self._document.project.snippets.list(source_id) if source_id else []
        self.endResetModel()

    def snippet_id(self, row: int) -> str:
        return self._rows[row].id

    def row_of(self, snippet_id: str) -> int:
        for row, snippet in enumerate(self._rows):
            if snippet.id == snippet_id:
                return row
        return -1

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == CREDIBILITY_COLUMN:
            return "Credibility of the information (Admiralty 1-6)"
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        snippet = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(snippet, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(snippet, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != QUOTE:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        if role == SNIPPET_ID_ROLE:
            return snippet.id
        return None

    def _display(self, snippet: Snippet, column: int) -> str:
        if column == ID:
            return snippet.id
        if column == QUOTE:
            return snippet.text
        if column == LOCATOR:
            return snippet.locator
        return str(snippet.credibility)

    def _tooltip(self, snippet: Snippet, column: int) -> str:
        if column == CREDIBILITY_COLUMN:
            return f"{snippet.credibility}: {CREDIBILITY.get(snippet.credibility, '')}"
        lines = [snippet.text]
        if snippet.tags:
            lines.append("Tags: " + ", ".join(snippet.tags))
        if snippet.note:
            lines.append("Note: " + snippet.note)
        return "\n".join(lines)

    # ------------------------------------------------------------------ following the store

    def _on_changed(self, event: Event) -> None:
        if event.kind == "source" and event.action == "removed" and self._source_id in event.ids:
            self.set_source("")
        elif event.kind == "snippet" and event.action == "reset":
            self.set_source(self._source_id)
        elif event.kind == "snippet" and self._source_id:
            for snippet_id in event.ids:
                self._on_snippet(event.action, snippet_id)

    def _on_snippet(self, action: str, snippet_id: str) -> None:
        if action == "inserted":
            snippet = self._document.project.snippets.get(snippet_id)
            if snippet.source_id == self._source_id:
                row = len(self._rows)
                self.beginInsertRows(QModelIndex(), row, row)
                self._rows.append(snippet)
                self.endInsertRows()
            return
        row = self.row_of(snippet_id)
        if row < 0:
            return
        if action == "removed":
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        elif action == "changed":
            self._rows[row] = self._document.project.snippets.get(snippet_id)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
