"""ChartWidget shows a spec live and explains data it cannot draw."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import QBuffer, QIODevice

from briefing_app.charts.style import PALETTE
from briefing_app.charts.widget import ChartWidget
from briefing_app.model.chart import DataTable

from .conftest import colour_pixels, kind_specs, pixels

# Showing a window on the offscreen platform logs this; it says nothing about our code.
OFFSCREEN_SHOW = pytest.mark.qt_log_ignore(r"does not support propagateSizeHints")


def _screenshot(widget: ChartWidget) -> np.ndarray:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().save(buffer, "PNG")
    return pixels(bytes(buffer.data().data()))


@OFFSCREEN_SHOW
def test_the_widget_draws_the_spec(qtbot: object) -> None:
    widget = ChartWidget()
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    widget.resize(640, 400)
    widget.show()
    widget.set_spec(kind_specs()["grouped_bar"])
    qtbot.waitExposed(widget)  # type: ignore[attr-defined]
    image = _screenshot(widget)
    assert colour_pixels(image, PALETTE[0]) > 200
    assert colour_pixels(image, PALETTE[1]) > 200
    assert widget.error_message() == ""


def test_bad_data_shows_where_the_problem_is_and_recovers(qtbot: object) -> None:
    widget = ChartWidget()
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    widget.resize(500, 300)
    spec = kind_specs()["bar"]
    widget.set_spec(spec)
    bad = dataclasses.replace(spec, data=DataTable(["category", "value"], [["North", "many"]]))
    with qtbot.waitSignal(widget.error_changed) as blocker:  # type: ignore[attr-defined]
        widget.set_spec(bad)
    assert blocker.args[0].startswith("row 1, column 'value'")
    assert widget.error_message() == blocker.args[0]
    with qtbot.waitSignal(widget.error_changed) as blocker:  # type: ignore[attr-defined]
        widget.set_spec(spec)
    assert blocker.args == [""]


@OFFSCREEN_SHOW
def test_the_widget_redraws_for_its_new_size(qtbot: object) -> None:
    widget = ChartWidget()
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    widget.resize(400, 300)
    widget.show()
    widget.set_spec(kind_specs()["timeline"])
    qtbot.waitExposed(widget)  # type: ignore[attr-defined]
    widget.resize(900, 500)
    qtbot.wait(120)  # type: ignore[attr-defined]
    image = _screenshot(widget)
    assert image.shape[1] >= 900
    # Labels reach the right half of the wider chart: it was laid out again, not stretched.
    assert colour_pixels(image[:, 600:], "#1A1A1A", tolerance=60) > 50
