"""SnippetList: the quotes taken from the selected source, with locator and credibility."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from . import snippet_model
from .snippet_model import SnippetTableModel

_WIDTH_SAMPLES = {
    snippet_model.ID: "sn000",
    snippet_model.LOCATOR: "para. 12",
    snippet_model.CREDIBILITY_COLUMN: "Cred.",
}


class SnippetList(QTableView):
    """Shows a SnippetTableModel; quotes wrap, so each row is as tall as its quote."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SnippetList")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)

    def snippet_model(self) -> SnippetTableModel | None:
        model = self.model()
        return model if isinstance(model, SnippetTableModel) else None

    def set_snippet_model(self, model: SnippetTableModel | None) -> None:
        old = self.selectionModel()
        self.setModel(model)
        if old is not None:
            old.deleteLater()
        if model is None:
            return
        for signal in (model.modelReset, model.rowsInserted, model.dataChanged):
            signal.connect(self.resizeRowsToContents)
        self._size_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        # Wrapped quotes need new heights when the pane's width changes.
        super().resizeEvent(event)
        self.resizeRowsToContents()

    def _size_columns(self) -> None:
        header = self.horizontalHeader()
        metrics = self.fontMetrics()
        padding = 3 * metrics.averageCharWidth()
        for column, sample in _WIDTH_SAMPLES.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, metrics.horizontalAdvance(sample) + padding)
        header.setSectionResizeMode(snippet_model.QUOTE, QHeaderView.ResizeMode.Stretch)
