"""BriefingOutline: the tree of a briefing's sections and blocks, always fully expanded."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeView, QWidget

from . import outline_model
from .outline_model import OutlineModel
from .views import select_whole_rows, size_columns, swap_model

_WIDTH_SAMPLES = {
    outline_model.TYPE: "Key judgments",
    outline_model.CITATIONS: "Cites",
}


class BriefingOutline(QTreeView):
    """Shows an OutlineModel; new rows are expanded so the whole outline stays visible."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BriefingOutline")
        select_whole_rows(self)
        self.setUniformRowHeights(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAnimated(False)
        self.header().setStretchLastSection(False)
        self.header().setHighlightSections(False)

    def outline_model(self) -> OutlineModel | None:
        model = self.model()
        return model if isinstance(model, OutlineModel) else None

    def set_outline_model(self, model: OutlineModel | None) -> None:
        if not swap_model(self, model):
            return
        assert model is not None
        model.modelReset.connect(self.expandAll)
        model.rowsInserted.connect(self.expandAll)
        self._size_columns()
        self.expandAll()

    def _size_columns(self) -> None:
        size_columns(self, _WIDTH_SAMPLES, stretch=outline_model.OUTLINE)
