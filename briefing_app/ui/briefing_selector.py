"""BriefingSelector: chooses which of the project's briefings the outline shows."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from .briefing_list_model import BriefingListModel
from .document import Document


class BriefingSelector(QComboBox):
    """A combo box over a BriefingListModel that keeps the Document's selection and its
    own current row in step, in both directions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BriefingSelector")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._document: Document | None = None
        # While the list reloads, QComboBox moves its current row on its own; that must not
        # be taken for the user choosing another briefing.
        self._reloading = False
        self.currentIndexChanged.connect(self._on_current_index_changed)

    def set_document(self, document: Document | None, model: BriefingListModel | None) -> None:
        if self._document is not None:
            self._document.briefing_selected.disconnect(self._show_selected)
        self._document = None  # no feedback while the model is swapped
        if model is None:
            # Let go of the closing document's model before it is deleted.
            self.setModel(QStringListModel(self))
        else:
            self.setModel(model)
            model.modelAboutToBeReset.connect(self._before_reset)
            model.modelReset.connect(self._after_reset)
        self._document = document
        if document is not None:
            document.briefing_selected.connect(self._show_selected)
            self._show_selected(document.briefing_id)

    def _list_model(self) -> BriefingListModel | None:
        model = self.model()
        return model if isinstance(model, BriefingListModel) else None

    def _show_selected(self, briefing_id: str) -> None:
        model = self._list_model()
        row = model.row_of(briefing_id) if model is not None else -1
        if row != self.currentIndex():
            self.setCurrentIndex(row)

    def _before_reset(self) -> None:
        self._reloading = True

    def _after_reset(self) -> None:
        self._reloading = False
        if self._document is not None:
            self._show_selected(self._document.briefing_id)

    def _on_current_index_changed(self, row: int) -> None:
        model = self._list_model()
        if self._reloading or self._document is None or model is None:
            return
        if row >= 0:
            self._document.select_briefing(model.briefing_id(row))
