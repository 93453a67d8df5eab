"""SourceList: the table of sources in the library; selecting one shows its snippets."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import QTableView, QWidget

from . import source_model
from .source_model import SourceTableModel
from .views import select_whole_rows, size_columns, swap_model

# Column widths as sample text, so they follow the user's font size.
_WIDTH_SAMPLES = {
    source_model.ID: "src000",
    source_model.TYPE: "statement",
    source_model.OUTLET: "Northline Wire",
    source_model.DATE: "2025-10-30",
    source_model.GRADE: "Grade",
    source_model.SNIPPETS: "Snippets",
}


class SourceList(QTableView):
    """Shows a SourceTableModel; holds no data of its own beyond Qt's selection."""

    #: The selected source's id, or "" when the selection is cleared.
    source_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SourceList")
        select_whole_rows(self)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)

    def source_model(self) -> SourceTableModel | None:
        model = self.model()
        return model if isinstance(model, SourceTableModel) else None

    def set_source_model(self, model: SourceTableModel | None) -> None:
        if not swap_model(self, model):
            return
        self.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._size_columns()

    def selected_source_id(self) -> str:
        model = self.source_model()
        rows = self.selectionModel().selectedRows() if model is not None else []
        return model.source_id(rows[0].row()) if rows else ""

    def select_source(self, source_id: str) -> bool:
        """Select the row of `source_id`; False when the model has no such source."""
        model = self.source_model()
        row = model.row_of(source_id) if model is not None else -1
        if row < 0:
            return False
        self.selectRow(row)
        self.scrollTo(self.model().index(row, 0))
        return True

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.source_selected.emit(self.selected_source_id())

    def _size_columns(self) -> None:
        size_columns(self, _WIDTH_SAMPLES, stretch=source_model.TITLE)
        metrics = self.fontMetrics()
        self.verticalHeader().setDefaultSectionSize(metrics.height() + metrics.height() // 2)
