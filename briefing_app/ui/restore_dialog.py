"""RestoreDialog: pick one of a project's rolling backups to bring back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..store.backups import Backup, describe_size

#: What each kind of backup is called in the list.
REASONS = {
    "save": "Saved",
    "daily": "First open of the day",
    "before-restore": "Before a restore",
}
COLUMNS = ("No.", "Taken", "Kind", "Size")


class RestoreDialog(QDialog):
    """The backups, newest first, one selected; `chosen()` is its number (1 = newest).

    The list is what `list_backups` returned when the dialog opened: it shows files, and
    holds nothing the store does not have.
    """

    def __init__(
        self, project_name: str, backups: list[Backup], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from Backup")
        self._numbers = [b.number for b in backups]
        explanation = QLabel(
            f"Replace <b>{_escape(project_name)}</b> with one of its backups. What the "
            "project holds now is kept as a backup first, so a restore can be undone by "
            "restoring that one."
        )
        explanation.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setHeaderLabels(list(COLUMNS))
        self.table.setRootIsDecorated(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for backup in backups:
            taken = backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            item = QTreeWidgetItem([
                str(backup.number), taken, REASONS.get(backup.reason, backup.reason),
                describe_size(backup.size),
            ])
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.addTopLevelItem(item)
        header = self.table.header()
        header.setStretchLastSection(False)
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the kind
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(
            "Restore", QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.table.itemDoubleClicked.connect(lambda *_: self.accept())
        self.table.itemSelectionChanged.connect(self._update_button)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        if backups:
            self.table.setCurrentItem(self.table.topLevelItem(0))
        self._update_button()
        self.resize(560, 360)

    def chosen(self) -> int | None:
        """The selected backup's number, or None."""
        row = self.table.indexOfTopLevelItem(self.table.currentItem())
        return self._numbers[row] if 0 <= row < len(self._numbers) else None

    def select(self, number: int) -> None:
        self.table.setCurrentItem(self.table.topLevelItem(self._numbers.index(number)))

    def _update_button(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
