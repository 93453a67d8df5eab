"""BriefingOutline: the tree of a briefing's sections and blocks, always fully expanded."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from . import outline_model
from .outline_model import OutlineModel

_WIDTH_SAMPLES = {
    outline_model.TYPE: "Key judgments",
    outline_model.CITATIONS: "Cites",
}


class BriefingOutline(QTreeView):
    """Shows an OutlineModel; new rows are expanded so the whole outline stays visible."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BriefingOutline")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAnimated(False)
        self.header().setStretchLastSection(False)
        self.header().setHighlightSections(False)

    def outline_model(self) -> OutlineModel | None:
        model = self.model()
        return model if isinstance(model, OutlineModel) else None

    def set_outline_model(self, model: OutlineModel | None) -> None:
        old = self.selectionModel()
        self.setModel(model)
        if old is not None:
            old.deleteLater()
        if model is None:
            return
        model.modelReset.connect(self.expandAll)
        model.rowsInserted.connect(self.expandAll)
        self._size_columns()
        self.expandAll()

    def _size_columns(self) -> None:
        header = self.header()
        metrics = self.fontMetrics()
        padding = 3 * metrics.averageCharWidth()
        header.setSectionResizeMode(outline_model.OUTLINE, QHeaderView.ResizeMode.Stretch)
        for column, sample in _WIDTH_SAMPLES.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, metrics.horizontalAdvance(sample) + padding)
