"""WelcomePage: what the window shows with no project open, offering New, Open and Sample."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    """Buttons that trigger the window's own File actions, so there is one code path."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WelcomePage")
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        heading = QLabel("No project open")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        heading.setFont(font)
        hint = QLabel("Create a project, open a .briefing file, or explore the sample briefing.")
        hint.setEnabled(False)
        for label in (heading, hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addSpacing(hint.fontMetrics().height())
        for action in actions:
            button = QPushButton(action.text().replace("&", ""))
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance("M" * 14))
            button.clicked.connect(action.trigger)
            layout.addWidget(button, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(3)
