"""The one drawing path: a chart spec becomes a pyqtgraph scene, the same for screen and export.

`draw_chart` fills a `pyqtgraph.GraphicsLayout` for a given size in pixels and a `Metrics`
(pixels per point). The live `ChartWidget` calls it with screen metrics and the exporters
with print metrics; nothing else differs. Every size comes from the style in points, and the
axes' sizes and tick labels are computed before painting, so a single offscreen paint is
already the final picture (pyqtgraph would otherwise resize its axes after the first paint).
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsGridLayout, QGraphicsItem

from briefing_app.model.chart import ChartSpec
from briefing_app.model.estimative import DEFAULT_SCALE

from .data import (
    CategoryData,
    ChartData,
    LikelihoodData,
    LineData,
    TimelineData,
    parse_chart_data,
)
from .metrics import Metrics
from .style import DASHES, GRID, INK, LANE_SHADE, MUTED, series_color
from .ticks import (
    date_ticks,
    format_value,
    label_step,
    to_seconds,
    value_range,
    value_ticks,
)

#: Above this many points a line is drawn without markers (they would merge into a smear).
MARKER_LIMIT = 40
#: Most rows of labels one timeline lane may use before labels are left out.
MAX_LANE_ROWS = 10
#: Widest a timeline label may be, as a share of the plot: full labels read better than
#: elided ones, and the extra rows in a lane absorb them.
TIMELINE_LABEL_SHARE = 0.75


# ---------------------------------------------------------------------------------------------
# Text blocks and legend: plain painted text, so SVG output keeps real, selectable text


def wrap_text(
    text: str, m: Metrics, pt: float, width: float, max_lines: int, bold: bool = False
) -> list[str]:
    """Greedy word wrap to `width` px; the last line is elided if text remains."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for i, word in enumerate(words):
        trial = f"{current} {word}" if current else word
        if m.text_width(trial, pt, bold) <= width:
            current = trial
            continue
        if current:
            lines.append(current)
        current = word
        if len(lines) == max_lines - 1:
            rest = " ".join(words[i:])
            lines.append(_elide(rest, m, pt, width, bold))
            return lines
    if current:
        lines.append(_elide(current, m, pt, width, bold))
    return lines[:max_lines]


def _elide(text: str, m: Metrics, pt: float, width: float, bold: bool) -> str:
    return m.elide(text, pt, width, bold)


class TextBlock(pg.GraphicsWidget):
    """Lines of text at a fixed height (title, notes)."""

    def __init__(
        self,
        lines: list[str],
        m: Metrics,
        pt: float,
        color: str,
        bold: bool = False,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> None:
        super().__init__()
        self._lines = lines
        self._font = m.font(pt, bold)
        self._color = QColor(color)
        self._line_h = m.line_height(pt)
        self._align = align
        height = self._line_h * len(lines)
        self.setMinimumHeight(height)
        self.setMaximumHeight(height)
        self.setPreferredHeight(height)

    def paint(self, p: QPainter, *args: object) -> None:
        p.setFont(self._font)
        p.setPen(self._color)
        width = self.size().width()
        for i, line in enumerate(self._lines):
            rect = QRectF(0, i * self._line_h, width, self._line_h)
            p.drawText(rect, int(self._align | Qt.AlignmentFlag.AlignVCenter), line)


@dataclass(frozen=True)
class LegendEntry:
    label: str
    color: str
    mark: str = "box"  # "box" for bars, "line" for lines, "dot" for timeline lanes
    dash: tuple[float, ...] | None = None


class Legend(pg.GraphicsWidget):
    """A row (wrapping if needed) of swatches and series names, without a frame."""

    def __init__(self, entries: Sequence[LegendEntry], m: Metrics, width: float) -> None:
        super().__init__()
        self._m = m
        self._entries = list(entries)
        pt = m.style.label_pt
        self._font = m.font(pt)
        self._line_h = m.line_height(pt) * 1.15
        self._swatch = m.px(14)
        self._gap = m.px(4)
        self._places = self._layout(width)
        rows = 1 + max((row for row, _, _ in self._places), default=0)
        height = rows * self._line_h
        self.setMinimumHeight(height)
        self.setMaximumHeight(height)

    def _layout(self, width: float) -> list[tuple[int, float, str]]:
        places = []
        row, x = 0, 0.0
        for e in self._entries:
            text = _elide(e.label, self._m, self._m.style.label_pt, width * 0.6, False)
            w = self._swatch + self._gap + self._m.text_width(text, self._m.style.label_pt)
            if x > 0 and x + w > width:
                row, x = row + 1, 0.0
            places.append((row, x, text))
            x += w + self._m.px(12)
        return places

    def paint(self, p: QPainter, *args: object) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setFont(self._font)
        m = self._m
        for e, (row, x, text) in zip(self._entries, self._places, strict=True):
            cy = (row + 0.5) * self._line_h
            if e.mark == "line":
                p.setPen(m.pen(e.color, m.style.line_pt, e.dash))
                p.drawLine(QPointF(x, cy), QPointF(x + self._swatch, cy))
            elif e.mark == "dot":
                r = m.px(3)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor(e.color))
                p.drawEllipse(QPointF(x + self._swatch / 2, cy), r, r)
            else:
                s = m.px(8)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor(e.color))
                p.drawRect(QRectF(x + (self._swatch - s) / 2, cy - s / 2, s, s))
            p.setPen(QColor(INK))
            rect = QRectF(x + self._swatch + self._gap, row * self._line_h, 10_000, self._line_h)
            p.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)


class PrintAxis(pg.AxisItem):
    """An axis that paints straight onto the target device.

    pyqtgraph's AxisItem records itself into a QPicture first and replays it; the replay
    rescales text and positions when the device's resolution differs from the screen's
    (an SVG generator, a 300-dpi image), which scrambles axes in SVG output.
    """

    def paint(self, p: QPainter, *args: object) -> None:
        p.save()
        try:
            if self.style["tickFont"]:
                p.setFont(self.style["tickFont"])
            specs = self.generateDrawSpecs(p)
            if specs is not None:
                self.drawPicture(p, *specs)
        finally:
            p.restore()


class ChartPlot(pg.GraphicsWidget):
    """A view box with a left and a bottom axis: the part of pyqtgraph's PlotItem we use.

    PlotItem also builds context menus and control panels out of Qt widgets for every plot
    (about half of a chart's build time); a printed or static chart needs none of them.
    """

    def __init__(self) -> None:
        super().__init__()
        self.layout = QGraphicsGridLayout()
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.layout.setSpacing(0)
        self.setLayout(self.layout)
        self.vb = pg.ViewBox(enableMenu=False, defaultPadding=0.0)
        self.vb.setMouseEnabled(x=False, y=False)
        self.axes = {"left": PrintAxis("left"), "bottom": PrintAxis("bottom")}
        self.axes["left"].linkToView(self.vb)
        self.axes["bottom"].linkToView(self.vb)
        self.layout.addItem(self.axes["left"], 0, 0)
        self.layout.addItem(self.vb, 0, 1)
        self.layout.addItem(self.axes["bottom"], 1, 1)
        self.layout.setColumnStretchFactor(1, 100)
        self.layout.setRowStretchFactor(0, 100)

    def getViewBox(self) -> pg.ViewBox:  # noqa: N802 - pyqtgraph's PlotItem API
        return self.vb

    def getAxis(self, name: str) -> PrintAxis:  # noqa: N802
        return self.axes[name]

    def hideAxis(self, name: str) -> None:  # noqa: N802
        self.axes[name].hide()
        self.axes[name].setMaximumSize(0, 0)

    def addItem(self, item: QGraphicsItem, ignoreBounds: bool = False) -> None:  # noqa: N802, N803
        self.vb.addItem(item, ignoreBounds=ignoreBounds)

    def setXRange(self, lo: float, hi: float, padding: float = 0.0) -> None:  # noqa: N802
        self.vb.setXRange(lo, hi, padding=padding)

    def setYRange(self, lo: float, hi: float, padding: float = 0.0) -> None:  # noqa: N802
        self.vb.setYRange(lo, hi, padding=padding)


# ---------------------------------------------------------------------------------------------
# Geometry shared by the kinds


@dataclass
class Box:
    """The plot item's size in pixels, and what the kind decided about its axes."""

    m: Metrics
    width: float
    height: float
    left: float = 0.0  # left axis width
    bottom: float = 0.0  # bottom axis height
    right_pad: float = 0.0
    top_pad: float = 0.0
    notes: list[str] = field(default_factory=list)

    @property
    def view_width(self) -> float:
        return max(10.0, self.width - self.left - self.right_pad)

    @property
    def view_height(self) -> float:
        return max(10.0, self.height - self.bottom - self.top_pad)


def _axis_label_height(m: Metrics, text: str) -> float:
    return m.line_height(m.style.label_pt) + m.px(2) if text else 0.0


def _tick_height(m: Metrics) -> float:
    return m.line_height(m.style.tick_pt) + m.px(3) + m.px(2)


def _setup_plot(plot: ChartPlot, box: Box, x_label: str, y_label: str) -> None:
    """Quiet axes (no box, muted ticks), fixed sizes, static view."""
    m = box.m
    plot.layout.setContentsMargins(0, box.top_pad, box.right_pad, 0)
    vb = plot.getViewBox()
    vb.setDefaultPadding(0.0)
    vb.disableAutoRange()
    for name, size in (("left", box.left), ("bottom", box.bottom)):
        axis = plot.getAxis(name)
        axis.setPen(m.pen(MUTED, m.style.axis_pt))
        axis.setTextPen(QColor(MUTED))
        axis.setStyle(
            tickFont=m.font(m.style.tick_pt),
            tickLength=-round(m.px(3)),
            tickTextOffset=round(m.px(2)),
            autoExpandTextSpace=False,
            autoReduceTextSpace=False,
            tickAlpha=255,
            # Edge labels ("0", "100%") stick out of the axis by half their size; keep them.
            hideOverlappingLabels=round(m.px(40) if name == "bottom" else m.px(12)),
        )
        axis.enableAutoSIPrefix(False)
        label = x_label if name == "bottom" else y_label
        if label:
            axis.setLabel(
                html.escape(label),
                **{
                    "color": INK,
                    "font-size": f"{round(m.px(m.style.label_pt))}px",
                    "font-family": m.style.font_family,
                },
            )
        if name == "left":
            axis.setWidth(round(size))
        else:
            axis.setHeight(round(size))


def _grid_lines(plot: ChartPlot, m: Metrics, positions: Sequence[float], vertical: bool) -> None:
    """Light reference lines at the value ticks, behind the data."""
    pen = m.pen(GRID, m.style.grid_pt)
    for pos in positions:
        line = pg.InfiniteLine(pos=pos, angle=90 if vertical else 0, pen=pen, movable=False)
        line.setZValue(-10)
        plot.addItem(line, ignoreBounds=True)


def _text(
    plot: ChartPlot,
    m: Metrics,
    text: str,
    x: float,
    y: float,
    anchor: tuple[float, float],
    color: str = INK,
    pt: float | None = None,
) -> None:
    item = pg.TextItem(text, color=QColor(color), anchor=anchor)
    item.setFont(m.font(pt or m.style.tick_pt))
    item.setPos(x, y)
    plot.addItem(item, ignoreBounds=True)


def _max_text(m: Metrics, texts: Sequence[str], pt: float) -> float:
    return max((m.text_width(t, pt) for t in texts), default=0.0)


def _category_axis_width(
    m: Metrics, labels: Sequence[str], box_width: float, y_label: str
) -> tuple[float, list[str]]:
    """Left axis width for category names (at most 40% of the chart) and the fitted names."""
    cap = box_width * 0.4
    pt = m.style.tick_pt
    fitted = [_elide(lab, m, pt, cap, False) for lab in labels]
    width = min(cap, _max_text(m, fitted, pt)) + m.px(6) + _axis_label_height(m, y_label)
    return width, fitted


def _rows_fit(m: Metrics, height: float, rows: int) -> bool:
    """Whether each of `rows` rows is tall enough for a line of tick-size text."""
    return rows == 0 or height / rows >= m.line_height(m.style.tick_pt)


def _row_ticks(m: Metrics, names: Sequence[str], height: float) -> list[tuple[float, str]]:
    """Category names down a vertical axis; every n-th when rows are too thin for all."""
    row = height / max(1, len(names))
    every = max(1, math.ceil(m.line_height(m.style.tick_pt) * 1.1 / max(row, 1e-6)))
    return [(float(i), name) for i, name in enumerate(names) if i % every == 0]


# ---------------------------------------------------------------------------------------------
# Kinds


def _bars(plot: ChartPlot, spec: ChartSpec, data: CategoryData, box: Box) -> list[LegendEntry]:
    """bar, grouped_bar and stacked_bar: categories along x, values up."""
    m = box.m
    n, k = len(data.categories), len(data.series)
    stacked = spec.kind == "stacked_bar"
    lo, hi = _category_extent(data, stacked)
    start, end, step = value_range(lo, hi, max(3, int(box.height / m.px(30))), zero=True)
    ticks = value_ticks(start, end, step, spec.unit)
    box.left = _max_text(m, [t for _, t in ticks], m.style.tick_pt) + m.px(7)
    box.left += _axis_label_height(m, _y_label(spec))
    box.bottom = _tick_height(m) + _axis_label_height(m, spec.x_label)
    box.right_pad = m.px(4)
    show_values = spec.kind == "bar" and n <= 24
    slot = box.view_width / max(1, n)
    precision = label_step(data.series[0].values) if k else 1.0
    label_w = (
        _max_text(
            m,
            [format_value(v, precision, spec.unit) for v in data.series[0].values if v is not None],
            m.style.tick_pt,
        )
        if k
        else 0
    )
    show_values = show_values and label_w < slot * 0.95
    headroom = (end - start) * (m.line_height(m.style.tick_pt) * 1.3 / box.view_height)
    top = end + (headroom if show_values else 0)
    bottom = start - (headroom if show_values and lo < 0 else 0)
    _setup_plot(plot, box, spec.x_label, _y_label(spec))
    plot.setXRange(-0.5, n - 0.5, padding=0)
    plot.setYRange(bottom, top, padding=0)
    plot.getAxis("left").setTicks([ticks, []])
    plot.getAxis("bottom").setTicks([_category_ticks(m, data.categories, slot), []])
    plot.getAxis("bottom").setStyle(tickLength=0)
    _grid_lines(plot, m, [v for v, _ in ticks if v != 0], vertical=False)
    _zero_line(plot, m, vertical=False, needed=start < 0)
    group = 0.8
    width = group if stacked or k == 1 else group / k
    pos_base = np.zeros(n)
    neg_base = np.zeros(n)
    x = np.arange(n, dtype=float)
    legend = []
    for s, series in enumerate(data.series):
        values = np.array([np.nan if v is None else v for v in series.values], dtype=float)
        present = ~np.isnan(values)
        color = series_color(s)
        if stacked:
            vals = np.where(present, values, 0.0)
            y0 = np.where(vals >= 0, pos_base, neg_base)
            pos_base = pos_base + np.clip(vals, 0, None)
            neg_base = neg_base + np.clip(vals, None, 0)
            xs = x
        else:
            vals = values
            y0 = np.zeros(n)
            xs = x - group / 2 + width * (s + 0.5) if k > 1 else x
        keep = present & (vals != 0) if stacked else present
        if keep.any():
            item = pg.BarGraphItem(
                x=xs[keep],
                y0=y0[keep],
                height=vals[keep],
                width=width,
                brush=QBrush(QColor(color)),
                pen=m.pen("#FFFFFF", 0.6) if stacked or k > 1 else QPen(Qt.PenStyle.NoPen),
            )
            plot.addItem(item)
        if show_values:
            for xi, v in zip(xs[present], values[present], strict=True):
                anchor = (0.5, 1.0) if v >= 0 else (0.5, 0.0)
                _text(
                    plot,
                    m,
                    format_value(float(v), precision, spec.unit),
                    float(xi),
                    float(v),
                    anchor,
                )
        legend.append(LegendEntry(series.name, color))
    return legend if k > 1 else []


def _category_extent(data: CategoryData, stacked: bool) -> tuple[float, float]:
    if stacked:
        pos = [0.0] * len(data.categories)
        neg = [0.0] * len(data.categories)
        for s in data.series:
            for i, v in enumerate(s.values):
                if v is not None:
                    if v >= 0:
                        pos[i] += v
                    else:
                        neg[i] += v
        values = pos + neg
    else:
        values = [v for s in data.series for v in s.values if v is not None]
    if not values:
        return 0.0, 1.0
    return min(values), max(values)


def _category_ticks(m: Metrics, categories: Sequence[str], slot: float) -> list[tuple[float, str]]:
    """Names fitted to their slot; when slots are too narrow, every n-th name is shown."""
    pt = m.style.tick_pt
    min_w = m.text_width("Mmmmmm…", pt)
    every = max(1, math.ceil(min_w / max(slot, 1.0))) if slot < min_w else 1
    width = slot * every * 0.92
    return [
        (float(i), _elide(c, m, pt, width, False))
        for i, c in enumerate(categories)
        if i % every == 0
    ]


def _zero_line(plot: ChartPlot, m: Metrics, vertical: bool, needed: bool) -> None:
    if needed:
        line = pg.InfiniteLine(
            pos=0, angle=90 if vertical else 0, pen=m.pen(MUTED, m.style.axis_pt), movable=False
        )
        plot.addItem(line, ignoreBounds=True)


def _y_label(spec: ChartSpec) -> str:
    if spec.unit and spec.unit != "%":
        return f"{spec.y_label} ({spec.unit})" if spec.y_label else spec.unit
    return spec.y_label


def _x_value_label(spec: ChartSpec) -> str:
    """For horizontal bars the values run along x: the unit joins the x label."""
    if spec.unit and spec.unit != "%":
        label = spec.x_label or spec.y_label
        return f"{label} ({spec.unit})" if label else spec.unit
    return spec.x_label or spec.y_label


def _hbar(plot: ChartPlot, spec: ChartSpec, data: CategoryData, box: Box) -> list[LegendEntry]:
    """Horizontal bars: one row per category, first row on top, values labelled at the ends."""
    m = box.m
    n = len(data.categories)
    values = data.series[0].values if data.series else ()
    present = [v for v in values if v is not None]
    lo, hi = (min(present), max(present)) if present else (0.0, 1.0)
    box.left, names = _category_axis_width(m, data.categories, box.width, "")
    x_label = _x_value_label(spec)
    box.bottom = _tick_height(m) + _axis_label_height(m, x_label)
    box.right_pad = m.px(6)
    start, end, step = value_range(lo, hi, max(3, int(box.view_width / m.px(60))), zero=True)
    ticks = value_ticks(start, end, step, spec.unit)
    precision = label_step(present)
    labels = [format_value(v, precision, spec.unit) for v in present]
    gap = m.px(3)
    label_room = _max_text(m, labels, m.style.tick_pt) + gap
    # Widen the value range so the longest value label still fits right of its bar.
    scale = (end - start) / max(1.0, box.view_width - label_room)
    right = max(end, hi + label_room * scale)
    left = min(start, lo - label_room * scale) if lo < 0 else start
    _setup_plot(plot, box, x_label, "")
    plot.getViewBox().invertY(True)
    plot.setXRange(left, right, padding=0)
    plot.setYRange(-0.5, n - 0.5, padding=0)
    plot.getAxis("bottom").setTicks([ticks, []])
    plot.getAxis("left").setTicks([_row_ticks(m, names, box.view_height), []])
    plot.getAxis("left").setStyle(tickLength=0)
    _grid_lines(plot, m, [v for v, _ in ticks if v != 0], vertical=True)
    _zero_line(plot, m, vertical=True, needed=lo < 0)
    arr = np.array([np.nan if v is None else v for v in values], dtype=float)
    keep = ~np.isnan(arr)
    if keep.any():
        ys = np.arange(n, dtype=float)[keep]
        plot.addItem(
            pg.BarGraphItem(
                x0=np.minimum(arr[keep], 0),
                y=ys,
                width=np.abs(arr[keep]),
                height=0.65,
                brush=QBrush(QColor(series_color(0))),
                pen=QPen(Qt.PenStyle.NoPen),
            )
        )
        px_gap = gap * scale
        labelled = _rows_fit(m, box.view_height, n)
        for y, v in zip(ys, arr[keep], strict=True):
            if not labelled:
                break
            x = v + px_gap if v >= 0 else v - px_gap
            _text(
                plot,
                m,
                format_value(float(v), precision, spec.unit),
                float(x),
                float(y),
                (0.0, 0.5) if v >= 0 else (1.0, 0.5),
            )
    return []


def _line(plot: ChartPlot, spec: ChartSpec, data: LineData, box: Box) -> list[LegendEntry]:
    """Series over dates, each with its colour and dash so greyscale prints stay readable."""
    m = box.m
    values = [v for s in data.series for v in s.values if v is not None]
    lo, hi = (min(values), max(values)) if values else (0.0, 1.0)
    start, end, step = value_range(lo, hi, max(3, int(box.height / m.px(30))), zero=lo >= 0)
    ticks = value_ticks(start, end, step, spec.unit)
    box.left = _max_text(m, [t for _, t in ticks], m.style.tick_pt) + m.px(7)
    box.left += _axis_label_height(m, _y_label(spec))
    box.bottom = _tick_height(m) + _axis_label_height(m, spec.x_label)
    seconds = np.array([to_seconds(d) for d in data.dates], dtype=float)
    t0, t1 = _time_span(seconds)
    xs = _days(seconds, t0)
    box.right_pad = m.px(14)
    _setup_plot(plot, box, spec.x_label, _y_label(spec))
    plot.setXRange(_days(t0, t0), _days(t1, t0), padding=0)
    plot.setYRange(start, end, padding=0)
    plot.getAxis("left").setTicks([ticks, []])
    xt = [(_days(t, t0), text) for t, text in date_ticks(t0, t1, _fits(m, box.view_width))]
    plot.getAxis("bottom").setTicks([xt, []])
    _grid_lines(plot, m, [v for v, _ in ticks if v != start], vertical=False)
    _zero_line(plot, m, vertical=False, needed=start < 0)
    legend = []
    markers = len(xs) <= MARKER_LIMIT
    for s, series in enumerate(data.series):
        color = series_color(s)
        dash = DASHES[s % len(DASHES)]
        ys = np.array([np.nan if v is None else v for v in series.values], dtype=float)
        item = pg.PlotDataItem(
            xs,
            ys,
            pen=m.pen(color, m.style.line_pt, dash),
            connect="finite",
            antialias=True,
        )
        plot.addItem(item)
        if markers:
            keep = ~np.isnan(ys)
            plot.addItem(
                pg.ScatterPlotItem(
                    xs[keep],
                    ys[keep],
                    symbol="o",
                    size=m.px(4),
                    pen=QPen(Qt.PenStyle.NoPen),
                    brush=QBrush(QColor(color)),
                    useCache=False,
                    antialias=True,
                )
            )
        legend.append(LegendEntry(series.name, color, "line", dash))
    return legend if len(data.series) > 1 else []


def _days(seconds: np.ndarray | float, origin: float) -> np.ndarray | float:
    """Dates in days from the chart's start: small numbers keep their precision in SVG,
    where Qt writes six significant digits (epoch seconds would be off by an hour)."""
    return (seconds - origin) / 86400.0


def _time_span(xs: np.ndarray) -> tuple[float, float]:
    if len(xs) == 0:
        return 0.0, 86400.0
    t0, t1 = float(xs.min()), float(xs.max())
    if t1 - t0 < 86400:
        mid = (t0 + t1) / 2
        return mid - 3 * 86400, mid + 3 * 86400
    pad = (t1 - t0) * 0.02
    return t0 - pad, t1 + pad


def _fits(m: Metrics, width: float) -> Callable[[list[str]], int]:
    def fits(labels: list[str]) -> int:
        widest = _max_text(m, labels, m.style.tick_pt) + m.px(10)
        return int(width / max(widest, 1.0))

    return fits


@dataclass
class PlacedEvent:
    """Where the timeline puts one event: its row in the lane and its label's pixel span."""

    x: float  # event time, seconds
    row: int  # row within the lane, or -1 when the label is left out
    text: str
    label_left: bool  # label drawn left of the dot
    span: tuple[float, float] = (0.0, 0.0)  # dot and label, pixels from the plot's left


def plan_timeline(data: TimelineData, box: Box) -> tuple[list[list[PlacedEvent]], int]:
    """Place each event's dot and label in rows of its lane so no two labels touch.

    Greedy interval packing in pixels: an event goes in the lowest row of its lane where its
    dot-plus-label span is free. Returns the placements per lane (in `data.lanes` order) and
    how many labels had no room.
    """
    m = box.m
    pt = m.style.tick_pt
    xs = [to_seconds(e.when) for e in data.events]
    t0, t1 = _time_span(np.array(xs))
    width = box.view_width
    to_px = width / (t1 - t0)
    r, gap = m.px(2.6), m.px(3)
    max_label = width * TIMELINE_LABEL_SHARE
    lanes: dict[str, list[PlacedEvent]] = {lane: [] for lane in data.lanes}
    ends: dict[str, list[float]] = {lane: [] for lane in data.lanes}
    omitted = 0
    for e, x in zip(data.events, xs, strict=True):
        px = (x - t0) * to_px
        text = _elide(f"{_short_date(e.when)}  {e.label}", m, pt, max_label, False)
        w = m.text_width(text, pt)
        label_left = px + r + gap + w > width - gap and px - r - gap - w >= 0
        span = (px - r - gap - w, px + r) if label_left else (px - r, px + r + gap + w)
        rows = ends[e.lane]
        row = next((i for i, end in enumerate(rows) if end + gap * 2 <= span[0]), None)
        if row is None and len(rows) < MAX_LANE_ROWS:
            rows.append(-math.inf)
            row = len(rows) - 1
        if row is None:
            omitted += 1
            lanes[e.lane].append(PlacedEvent(x, -1, "", False, (px - r, px + r)))
            continue
        rows[row] = span[1]
        lanes[e.lane].append(PlacedEvent(x, row, text, label_left, span))
    return [lanes[lane] for lane in data.lanes], omitted


def _short_date(when: datetime) -> str:
    text = f"{when.day} {when:%b}"
    if when.hour or when.minute:
        text += f" {when:%H:%M}"
    return text


def _timeline(plot: ChartPlot, spec: ChartSpec, data: TimelineData, box: Box) -> list[LegendEntry]:
    """Dated events in lanes: a dot per event, its label beside it, rows so nothing collides."""
    m = box.m
    named = any(data.lanes)
    if named:
        box.left, names = _category_axis_width(m, list(data.lanes), box.width * 0.6, "")
    else:
        box.left, names = m.px(2), [""]
    box.bottom = _tick_height(m) + _axis_label_height(m, spec.x_label)
    box.right_pad = m.px(6)
    placed, omitted = plan_timeline(data, box)
    xs = np.array([to_seconds(e.when) for e in data.events], dtype=float)
    t0, t1 = _time_span(xs)
    _setup_plot(plot, box, spec.x_label, "")
    vb = plot.getViewBox()
    vb.invertY(True)
    pt = m.style.tick_pt
    lane_rows = [max(1, 1 + max((p.row for p in lane), default=0)) for lane in placed]
    total = sum(lane_rows) + 0.6 * len(lane_rows)
    plot.setXRange(_days(t0, t0), _days(t1, t0), padding=0)
    plot.setYRange(0, total, padding=0)
    xt = [(_days(t, t0), text) for t, text in date_ticks(t0, t1, _fits(m, box.view_width))]
    plot.getAxis("bottom").setTicks([xt, []])
    _grid_lines(plot, m, [v for v, _ in xt], vertical=True)
    to_data = _days(t1, t0) / box.view_width
    r, gap = m.px(2.6), m.px(3)
    y = 0.0
    lane_ticks = []
    for i, (lane, rows) in enumerate(zip(placed, lane_rows, strict=True)):
        height = rows + 0.6
        if i % 2 == 1 or len(placed) == 1:
            shade = pg.LinearRegionItem(
                (y, y + height),
                orientation="horizontal",
                movable=False,
                brush=QBrush(QColor(LANE_SHADE)),
                pen=QPen(Qt.PenStyle.NoPen),
            )
            shade.setZValue(-20)
            plot.addItem(shade, ignoreBounds=True)
        color = series_color(i) if named else series_color(0)
        lane_ticks.append((y + height / 2, names[i]))
        dots_x = _days(np.array([p.x for p in lane], dtype=float), t0)
        dots_y = np.array([y + 0.8 + max(p.row, 0) for p in lane], dtype=float)
        if len(dots_x):
            plot.addItem(
                pg.ScatterPlotItem(
                    dots_x,
                    dots_y,
                    symbol="o",
                    size=2 * r,
                    pen=m.pen("#FFFFFF", 0.5),
                    brush=QBrush(QColor(color)),
                    useCache=False,
                    antialias=True,
                )
            )
        for p in lane:
            if p.row < 0:
                continue
            offset = (r + gap) * to_data
            x = _days(p.x, t0)
            if p.label_left:
                _text(plot, m, p.text, x - offset, y + 0.8 + p.row, (1.0, 0.5), INK, pt)
            else:
                _text(plot, m, p.text, x + offset, y + 0.8 + p.row, (0.0, 0.5), INK, pt)
        y += height
    plot.getAxis("left").setTicks([lane_ticks, []])
    plot.getAxis("left").setStyle(tickLength=0)
    if omitted:
        box.notes.append(
            f"{omitted} of {len(data.events)} event labels are left out for lack of room; "
            "the data table lists every event."
        )
    return []


def timeline_rows(data: TimelineData, box: Box) -> float:
    """Rows of text the timeline needs at this width (sets the natural height)."""
    placed, _ = plan_timeline(data, box)
    rows = [max(1, 1 + max((p.row for p in lane), default=0)) for lane in placed]
    return sum(rows) + 0.6 * len(rows)


def _likelihood(
    plot: ChartPlot, spec: ChartSpec, data: LikelihoodData, box: Box
) -> list[LegendEntry]:
    """Each scenario's probability band on a 0-100% axis, labelled with its term and band."""
    m = box.m
    n = len(data.scenarios)
    box.left, names = _category_axis_width(m, [s.scenario for s in data.scenarios], box.width, "")
    x_label = spec.x_label or "Likelihood"
    box.bottom = _tick_height(m) + _axis_label_height(m, x_label)
    box.right_pad = m.px(10)
    _setup_plot(plot, box, x_label, "")
    plot.getViewBox().invertY(True)
    labelled = _rows_fit(m, box.view_height, n)
    sides, right_end = _band_label_sides(m, data, box.view_width) if labelled else ([], 100.0)
    plot.setXRange(0, right_end, padding=0)
    plot.setYRange(-0.5, n - 0.5, padding=0)
    ticks = value_ticks(0, 100, 10, "%")
    plot.getAxis("bottom").setTicks([ticks, []])
    plot.getAxis("left").setTicks([_row_ticks(m, names, box.view_height), []])
    plot.getAxis("left").setStyle(tickLength=0)
    _grid_lines(plot, m, [v for v, _ in ticks if v], vertical=True)
    to_data = right_end / box.view_width
    if n:
        lows = np.array([s.low for s in data.scenarios])
        widths = np.array([max(s.high - s.low, m.px(2) * to_data) for s in data.scenarios])
        plot.addItem(
            pg.BarGraphItem(
                x0=lows,
                y=np.arange(n, dtype=float),
                width=widths,
                height=0.5,
                brush=QBrush(QColor(series_color(0))),
                pen=QPen(Qt.PenStyle.NoPen),
            )
        )
    gap = m.px(4) * to_data
    for i, (s, right) in enumerate(zip(data.scenarios, sides, strict=False)):
        if right:
            _text(plot, m, s.band_text, s.high + gap, i, (0.0, 0.5))
        else:
            _text(plot, m, s.band_text, s.low - gap, i, (1.0, 0.5))
    if data.scale_name and any(s.term for s in data.scenarios):
        box.notes.append(f"Terms and bands: {data.scale_name}.")
    return []


def _band_label_sides(m: Metrics, data: LikelihoodData, width: float) -> tuple[list[bool], float]:
    """Put each band's label right of the band if it fits before 100%, else left of it if
    it fits after 0%, else right with the axis extended past 100% (never over the band).
    Returns the sides (True = right) and the x range's right end in percent."""
    gap = m.px(4)
    sides: list[bool] = []
    right_end = 100.0
    for s in data.scenarios:
        w = m.text_width(s.band_text, m.style.tick_pt) + gap
        if s.high / 100 * width + w <= width:
            sides.append(True)
        elif s.low / 100 * width - w >= 0:
            sides.append(False)
        else:
            sides.append(True)
            # high/R * width + w <= width  =>  R >= high * width / (width - w)
            right_end = max(right_end, s.high * width / max(width - w, 1.0))
    return sides, right_end


# ---------------------------------------------------------------------------------------------
# Assembly


def _is_empty(data: ChartData) -> bool:
    if isinstance(data, TimelineData):
        return not data.events
    if isinstance(data, CategoryData):
        return not data.categories or not data.series
    if isinstance(data, LineData):
        return not data.dates or not data.series
    return not data.scenarios


def _draw_kind(plot: ChartPlot, spec: ChartSpec, data: ChartData, box: Box) -> list[LegendEntry]:
    if isinstance(data, TimelineData):
        return _timeline(plot, spec, data, box)
    if isinstance(data, LineData):
        return _line(plot, spec, data, box)
    if isinstance(data, LikelihoodData):
        return _likelihood(plot, spec, data, box)
    if spec.kind == "hbar":
        return _hbar(plot, spec, data, box)
    return _bars(plot, spec, data, box)


def legend_entries(spec: ChartSpec, data: ChartData) -> list[LegendEntry]:
    """The legend is known before drawing so its height can be reserved."""
    if isinstance(data, CategoryData) and len(data.series) > 1:
        return [LegendEntry(s.name, series_color(i)) for i, s in enumerate(data.series)]
    if isinstance(data, LineData) and len(data.series) > 1:
        return [
            LegendEntry(s.name, series_color(i), "line", DASHES[i % len(DASHES)])
            for i, s in enumerate(data.series)
        ]
    return []


def _header(
    spec: ChartSpec, data: ChartData, m: Metrics, inner_w: float
) -> tuple[TextBlock | None, Legend | None]:
    title = None
    if spec.title.strip():
        lines = wrap_text(spec.title, m, m.style.title_pt, inner_w, 2, bold=True)
        title = TextBlock(lines, m, m.style.title_pt, INK, bold=True)
    entries = legend_entries(spec, data)
    legend = Legend(entries, m, inner_w) if entries else None
    return title, legend


def natural_height_px(
    spec: ChartSpec, width_px: float, m: Metrics, scale: str = DEFAULT_SCALE
) -> float:
    """The height a chart wants at this width: rows of categories or events set it."""
    data = parse_chart_data(spec, scale)
    inner_w = width_px - 2 * m.px(m.style.margin_pt)
    title, legend = _header(spec, data, m, inner_w)
    chrome = 2 * m.px(m.style.margin_pt)
    spacing = m.px(4)
    for item in (title, legend):
        if item is not None:
            chrome += item.maximumHeight() + spacing
    axis = _tick_height(m) + _axis_label_height(
        m, spec.x_label or ("Likelihood" if spec.kind == "likelihood" else "")
    )
    row = m.line_height(m.style.tick_pt)
    if _is_empty(data):
        plot = width_px * 0.3
    elif isinstance(data, TimelineData):
        box = Box(m, inner_w, 0)
        box.left = (
            _category_axis_width(m, list(data.lanes), inner_w * 0.6, "")[0]
            if any(data.lanes)
            else m.px(2)
        )
        box.right_pad = m.px(6)
        rows = timeline_rows(data, box)
        plot = rows * row * 1.35 + axis
        _, omitted = plan_timeline(data, box)
        if omitted:
            chrome += m.line_height(m.style.note_pt) * 2 + spacing
    elif spec.kind == "hbar" or isinstance(data, LikelihoodData):
        n = len(data.categories) if isinstance(data, CategoryData) else len(data.scenarios)
        plot = max(n * row * 2.0, row * 4) + axis
    else:
        plot = width_px * 0.42
    if isinstance(data, LikelihoodData) and any(s.term for s in data.scenarios):
        chrome += m.line_height(m.style.note_pt) + spacing
    return min(max(chrome + plot, width_px * 0.25), width_px * 3)


def draw_chart(
    layout: pg.GraphicsLayout,
    spec: ChartSpec,
    width_px: float,
    height_px: float,
    m: Metrics,
    scale: str = DEFAULT_SCALE,
) -> None:
    """Fill `layout` with the chart drawn at `width_px` x `height_px` for metrics `m`.

    Raises ChartDataError (before touching `layout`) when the data cannot be drawn.
    """
    data = parse_chart_data(spec, scale)
    layout.clear()
    margin = m.px(m.style.margin_pt)
    spacing = m.px(4)
    layout.setContentsMargins(margin, margin, margin, margin)
    layout.setSpacing(spacing)
    inner_w = width_px - 2 * margin
    title, legend = _header(spec, data, m, inner_w)
    used = 2 * margin
    row = 0
    for item in (title, legend):
        if item is not None:
            layout.addItem(item, row=row, col=0)
            used += item.maximumHeight() + spacing
            row += 1
    plot = ChartPlot()
    layout.addItem(plot, row=row, col=0)
    if _is_empty(data):
        _empty(plot, m)
        return
    box = Box(m, inner_w, max(10.0, height_px - used))
    _draw_kind(plot, spec, data, box)
    if box.notes:
        width = inner_w
        lines = [ln for note in box.notes for ln in wrap_text(note, m, m.style.note_pt, width, 2)]
        layout.addItem(TextBlock(lines, m, m.style.note_pt, MUTED), row=row + 1, col=0)


def _empty(plot: ChartPlot, m: Metrics) -> None:
    plot.hideAxis("left")
    plot.hideAxis("bottom")
    plot.setXRange(0, 1, padding=0)
    plot.setYRange(0, 1, padding=0)
    _text(
        plot,
        m,
        "No data yet: add rows to the chart's table.",
        0.5,
        0.5,
        (0.5, 0.5),
        MUTED,
        m.style.label_pt,
    )
