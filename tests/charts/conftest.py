"""Chart specs of every kind, and helpers that look at rendered pixels."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from PySide6.QtGui import QImage

from briefing_app.charts.qt import ensure_app
from briefing_app.model.chart import ChartSpec, DataTable


def kind_specs() -> dict[str, ChartSpec]:
    """One realistic spec per chart kind (data written for these tests)."""
    days = [date(2025, 9, 1) + timedelta(days=i) for i in range(60)]
    return {
        "timeline": ChartSpec(
            "timeline",
            title="Offensive near the town, November 2025",
            data=DataTable(
                ["date", "label", "lane", "cite"],
                [
                    ["2025-11-01", "Assault groups reach the outskirts", "Advance", "sn1"],
                    ["2025-11-03", "Rail bridge struck", "Advance", "sn2"],
                    ["2025-11-03", "Fuel depot hit", "Advance", None],
                    ["2025-11-05", "Counter-attack in the north", "Response", "sn3"],
                    ["8 November 2025", "Reinforcements arrive", "Response", None],
                    ["Nov 10, 2025", "Drone strike on a supply convoy", "Advance", None],
                    ["2025-11-12", "Civilians told to leave", "Response", "sn4"],
                ],
            ),
        ),
        "bar": ChartSpec(
            "bar",
            title="Deliveries per day",
            y_label="Deliveries",
            unit="trucks",
            data=DataTable(["category", "value"], [["North", 42], ["East", 31], ["South", 18]]),
        ),
        "hbar": ChartSpec(
            "hbar",
            title="Change in supply to each town",
            unit="%",
            data=DataTable(["category", "value"], [["North", -62], ["East", -20], ["South", 3]]),
        ),
        "grouped_bar": ChartSpec(
            "grouped_bar",
            title="Strikes by target",
            data=DataTable(
                ["category", "September", "October"], [["Energy", 12, 18], ["Rail", 8, 11]]
            ),
        ),
        "stacked_bar": ChartSpec(
            "stacked_bar",
            title="Drones per week by type",
            data=DataTable(
                ["category", "Type A", "Type B"], [["W41", 310, 120], ["W42", 280, 150]]
            ),
        ),
        "line": ChartSpec(
            "line",
            title="Daily drone launches",
            y_label="Drones",
            data=DataTable(
                ["date", "Launched", "Shot down"],
                [[d.isoformat(), 80 + i, 40 + (i % 7) * 3] for i, d in enumerate(days)],
            ),
        ),
        "likelihood": ChartSpec(
            "likelihood",
            title="How the battle ends",
            data=DataTable(
                ["scenario", "likelihood"],
                [["Town falls", "likely"], ["Front holds", "roughly even chance"]],
            ),
        ),
    }


@pytest.fixture(scope="session")
def qapp_charts() -> object:
    return ensure_app()


def pixels(png: bytes) -> np.ndarray:
    """The PNG as an (h, w, 3) uint8 array."""
    image = QImage.fromData(png, "PNG").convertToFormat(QImage.Format.Format_RGB888)
    assert not image.isNull(), "not a PNG Qt can read"
    w, h, stride = image.width(), image.height(), image.bytesPerLine()
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * h).reshape(h, stride)
    return raw[:, : w * 3].reshape(h, w, 3).copy()


def colour_pixels(array: np.ndarray, hex_colour: str, tolerance: int = 6) -> int:
    target = np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)], dtype=np.int16)
    diff = np.abs(array.astype(np.int16) - target).max(axis=2)
    return int((diff <= tolerance).sum())


def ink_fraction(array: np.ndarray) -> float:
    """Share of pixels that are not (almost) white."""
    return float((array.min(axis=2) < 240).mean())
