"""SourceTableModel: the project's source library as a Qt table, kept current by events."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ..model.events import Event
from ..model.grades import RELIABILITY
from ..store.sources import SourceSummary
from .document import Document

ModelIndex = QModelIndex | QPersistentModelIndex

#: The role that gives a row's source id, whatever the column.
SOURCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The role that gives the row's whole SourceSummary (descriptor included), for detail views.
SOURCE_ROW_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS = ("ID", "Title", "Type", "Outlet", "Date", "Grade", "Snippets")
ID, TITLE, TYPE, OUTLET, DATE, GRADE, SNIPPETS = range(len(COLUMNS))
_CENTRED = {DATE, GRADE, SNIPPETS}
#: The SourceSummary field each column shows.
_FIELDS = ("id", "title", "type", "outlet", "issued", "reliability", "snippets")


class SourceTableModel(QAbstractTableModel):
    """One row per source, in the order they were added.

    The rows are a cache of the store, refreshed by the project's change events. Because the
    cache (not the database) is what the view sees, rows are inserted and removed on the
    *after* events ("inserted", "removed"); a change whose transaction rolls back sends no
    after event and so never reaches the view.
    """

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._rows: list[SourceSummary] = []
        self._row_by_id: dict[str, int] = {}
        self._load()
        document.changed.connect(self._on_changed)

    # ------------------------------------------------------------------ public API

    def source_id(self, row: int) -> str:
        return self._rows[row].id

    def row_of(self, source_id: str) -> int:
        """The row showing `source_id`, or -1."""
        return self._row_by_id.get(source_id, -1)

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(self._full(item), column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _CENTRED:
            return Qt.AlignmentFlag.AlignCenter
        if role == SOURCE_ID_ROLE:
            return item.id
        if role == SOURCE_ROW_ROLE:
            return self._full(item)
        return None

    def _full(self, item: SourceSummary) -> SourceSummary:
        """The row with its descriptor, read on demand: the bulk listing leaves it out
        because it is stored after the captured text."""
        return self._document.project.sources.summary(item.id)

    # ------------------------------------------------------------------ presentation

    def _display(self, item: SourceSummary, column: int) -> str:
        return str(getattr(item, _FIELDS[column]))

    def _tooltip(self, item: SourceSummary, column: int) -> str:
        if column == GRADE:
            return f"{item.reliability}: {RELIABILITY.get(item.reliability, '')}"
        if column == TYPE:
            return item.type_label
        lines = [item.title]
        if item.authors:
            lines.append(item.authors)
        if item.url:
            lines.append(item.url)
        if item.descriptor:
            lines.append(item.descriptor)
        return "\n".join(lines)

    # ------------------------------------------------------------------ following the store

    def _load(self) -> None:
        # Metadata and snippet counts from the narrow listing table: the table never shows
        # the captured text (most of the file).
        self._rows = self._document.project.sources.summaries()
        self._row_by_id = {item.id: row for row, item in enumerate(self._rows)}

    def _reset(self) -> None:
        self.beginResetModel()
        self._load()
        self.endResetModel()

    def _on_changed(self, event: Event) -> None:
        if event.kind == "source":
            self._on_source_event(event)
        elif event.kind == "snippet":
            self._on_snippet_event(event)

    def _on_source_event(self, event: Event) -> None:
        if event.action == "reset":
            self._reset()
            return
        for source_id in event.ids:
            if event.action == "inserted":
                # Sources are listed in insertion order, so a new one is the last row.
                item = self._document.project.sources.summary(source_id)
                row = len(self._rows)
                self.beginInsertRows(QModelIndex(), row, row)
                self._rows.append(item)
                self._row_by_id[source_id] = row
                self.endInsertRows()
            elif event.action == "removed":
                row = self.row_of(source_id)
                if row >= 0:
                    self.beginRemoveRows(QModelIndex(), row, row)
                    del self._rows[row]
                    self._row_by_id = {item.id: r for r, item in enumerate(self._rows)}
                    self.endRemoveRows()
            elif event.action == "changed":
                row = self.row_of(source_id)
                if row >= 0:
                    self._rows[row] = self._document.project.sources.summary(source_id)
                    self._row_changed(row)

    def _on_snippet_event(self, event: Event) -> None:
        if event.action == "reset":
            self._reset()
            return
        if event.action not in ("inserted", "removed"):
            return
        snippets = self._document.project.snippets
        for snippet_id in event.ids:
            source_id = event.details.get("source_id") or (
                snippets.get(snippet_id).source_id if event.action == "inserted" else ""
            )
            row = self.row_of(source_id)
            if row >= 0:
                # The store keeps the count (a trigger); the row takes it from there.
                count = self._document.project.sources.summary(source_id).snippets
                self._rows[row] = self._rows[row]._replace(snippets=count)
                cell = self.index(row, SNIPPETS)
                self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DisplayRole])

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
