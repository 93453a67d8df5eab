"""SnippetList: the quotes taken from the selected source, with locator and credibility."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from . import snippet_model
from .snippet_model import SnippetTableModel
from .views import select_whole_rows, size_columns, swap_model

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
        select_whole_rows(self)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(True)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)

    def snippet_model(self) -> SnippetTableModel | None:
        model = self.model()
        return model if isinstance(model, SnippetTableModel) else None

    def set_snippet_model(self, model: SnippetTableModel | None) -> None:
        if not swap_model(self, model):
            return
        assert model is not None
        for signal in (model.modelReset, model.rowsInserted, model.dataChanged):
            signal.connect(self.resizeRowsToContents)
        self._size_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        # Wrapped quotes need new heights when the pane's width changes.
        super().resizeEvent(event)
        self.resizeRowsToContents()

    def _size_columns(self) -> None:
        size_columns(self, _WIDTH_SAMPLES, stretch=snippet_model.QUOTE)
