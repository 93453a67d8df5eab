"""ChartWidget: a chart spec drawn live on screen by the same code that exports it."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from briefing_app.model.chart import ChartSpec
from briefing_app.model.errors import ValidationError
from briefing_app.model.estimative import DEFAULT_SCALE

from .metrics import Metrics
from .render import draw_chart
from .style import DEFAULT_STYLE, MUTED, ChartStyle


class ChartWidget(QWidget):
    """Shows one chart; redraws when the spec changes or the widget is resized.

    Data the chart cannot draw does not raise: the widget shows the error (which row and
    column) under an empty chart and emits `error_changed`, so an editor can point at the cell.
    """

    error_changed = Signal(str)  # "" when the chart draws again

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        style: ChartStyle = DEFAULT_STYLE,
        scale: str = DEFAULT_SCALE,
    ) -> None:
        super().__init__(parent)
        self._style = style
        self._scale = scale
        self._spec: ChartSpec | None = None
        self._error = ""
        self._view = pg.GraphicsView(background="w")
        self._view.setMinimumSize(120, 80)
        self._message = QLabel()
        self._message.setWordWrap(True)
        self._message.setStyleSheet(f"color: {MUTED};")
        self._message.hide()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self._view, 1)
        box.addWidget(self._message)
        # Resizing fires many events; lay the chart out once the size settles.
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(40)
        self._relayout.timeout.connect(self._redraw)

    def set_spec(self, spec: ChartSpec | None) -> None:
        """Show `spec` (None clears the chart)."""
        self._spec = spec
        self._redraw()

    def spec(self) -> ChartSpec | None:
        return self._spec

    def error_message(self) -> str:
        """Why the current spec cannot be drawn, or "" when it is drawn."""
        return self._error

    def set_scale(self, scale: str) -> None:
        """Use another estimative scale for likelihood terms (e.g. "uk-yardstick")."""
        self._scale = scale
        self._redraw()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._relayout.start()

    def _metrics(self) -> Metrics:
        # Screen points: a logical inch is logicalDpiX pixels; Qt applies the device pixel
        # ratio on top, so high-dpi screens stay sharp without a second layout.
        return Metrics(max(self.logicalDpiX(), 72) / 72, self._style)

    def _redraw(self) -> None:
        layout = pg.GraphicsLayout()
        error = ""
        if self._spec is not None:
            size = self._view.viewport().size()
            try:
                draw_chart(
                    layout, self._spec, size.width(), size.height(), self._metrics(), self._scale
                )
            except ValidationError as exc:
                error = str(exc)
                layout = pg.GraphicsLayout()
        self._view.setCentralItem(layout)
        self._message.setText(error)
        self._message.setVisible(bool(error))
        if error != self._error:
            self._error = error
            self.error_changed.emit(error)
