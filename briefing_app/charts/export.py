"""Offscreen chart rendering: PNG for DOCX and HTML, SVG for PDF (cache.py keeps the results).

The chart is laid out at its printed size: a 6.5 in wide PNG at 300 dpi is built directly
at 1950 px with every size scaled from points, so text is 7.5-10 pt on paper and lines keep
their weight; the PNG carries its dpi (pHYs) so Word places it at the intended size.

SVG: Qt's QSvgGenerator paints the same scene, with 1 SVG unit = 1/4 pt. Qt writes strokes
drawn with cosmetic pens (every pyqtgraph pen) as ``vector-effect="non-scaling-stroke"``
inside groups carrying the data transform; Typst ignores that attribute and scales the stroke
by the data transform, so lines come out far too thick or invisible. `svgfix.bake_strokes`
rewrites those groups (transform applied to the coordinates, attribute dropped). pyqtgraph's
own SVGExporter is not used: 0.14.0 crashes on closed paths (pyqtgraph #3495).
"""

from __future__ import annotations

import atexit
import zlib

import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from briefing_app.model.chart import ChartSpec
from briefing_app.model.estimative import DEFAULT_SCALE

from .metrics import Metrics
from .png import RGB, png_file
from .qt import call_on_gui_thread, ensure_app
from .render import draw_chart, natural_height_px
from .style import DEFAULT_STYLE, DEFAULT_WIDTH_IN, PRINT_DPI, ChartStyle
from .svgfix import bake_strokes

_SVG_PX_PER_PT = 4.0  # SVG units are quarter points: Qt's integer pixel font sizes then
# hit 8.5 pt exactly


def chart_height_in(
    spec: ChartSpec,
    width_in: float = DEFAULT_WIDTH_IN,
    style: ChartStyle = DEFAULT_STYLE,
    scale: str = DEFAULT_SCALE,
) -> float:
    """The printed height (inches) a chart takes at `width_in` when no height is given.

    Measured once at SVG metrics, so the PNG and the SVG of a chart share one aspect ratio.
    """
    return call_on_gui_thread(lambda: _natural_height_in(spec, width_in, style, scale))


def _natural_height_in(spec: ChartSpec, width_in: float, style: ChartStyle, scale: str) -> float:
    m = Metrics(_SVG_PX_PER_PT, style)
    return natural_height_px(spec, width_in * 72 * m.px_per_pt, m, scale) / 72 / m.px_per_pt


class _Stage:
    """A hidden view that charts are laid out in before being painted offscreen."""

    def __init__(self) -> None:
        ensure_app()
        self.view = pg.GraphicsView(background=None)
        self.view.setAntialiasing(True)

    def layout(
        self, spec: ChartSpec, w: float, h: float, m: Metrics, scale: str
    ) -> pg.GraphicsLayout:
        layout = pg.GraphicsLayout()
        self.view.setCentralItem(layout)
        draw_chart(layout, spec, w, h, m, scale)
        layout.setMinimumSize(w, h)
        layout.setMaximumSize(w, h)
        self.view.setRange(QRectF(0, 0, w, h), padding=0)
        # Nested layouts (the plot's axes and view) settle through posted LayoutRequest
        # events; deliver them now instead of waiting for an event loop.
        for _ in range(3):
            layout.layout.activate()
            QCoreApplication.sendPostedEvents()
        return layout

    def paint(self, painter: QPainter, w: float, h: float) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        rect = QRectF(0, 0, w, h)
        self.view.scene().render(painter, rect, rect)

    def release(self) -> None:
        self.view.setCentralItem(pg.GraphicsLayout())  # drop the chart's items now

    def close(self) -> None:
        # At interpreter exit pyqtgraph may already have torn down the view's scene
        # (its own atexit hook); then there is nothing left to release.
        if not shiboken6.isValid(self.view) or self.view.sceneObj is None:
            return
        self.release()
        self.view.close()
        shiboken6.delete(self.view)


_stage: _Stage | None = None


def _get_stage() -> _Stage:
    global _stage  # noqa: PLW0603 - one hidden view per process, reused for speed
    if _stage is None:
        _stage = _Stage()
        # A view that painted into QSvgGenerator and is still alive while the interpreter
        # finalises crashes the process: delete it while Qt is still up.
        ensure_app().aboutToQuit.connect(close_stage)
        atexit.register(close_stage)
    return _stage


def close_stage() -> None:
    """Delete the hidden export view (at exit; harmless to call at any time)."""
    global _stage
    if _stage is not None:
        stage, _stage = _stage, None
        stage.close()


def _size_px(
    spec: ChartSpec, width_in: float, height_in: float | None, m: Metrics, scale: str
) -> tuple[int, int]:
    if height_in is None:
        height_in = _natural_height_in(spec, width_in, m.style, scale)
    per_in = 72 * m.px_per_pt
    return round(width_in * per_in), round(height_in * per_in)


def render_image(
    spec: ChartSpec,
    width_in: float = DEFAULT_WIDTH_IN,
    height_in: float | None = None,
    dpi: int = PRINT_DPI,
    *,
    style: ChartStyle = DEFAULT_STYLE,
    scale: str = DEFAULT_SCALE,
) -> QImage:
    """The chart as a white-background QImage of width_in x dpi pixels."""
    _check_size(width_in, height_in, dpi)

    def paint() -> QImage:
        m = Metrics(dpi / 72, style)
        w, h = _size_px(spec, width_in, height_in, m, scale)
        image = QImage(w, h, QImage.Format.Format_RGB32)
        image.fill(QColor("#FFFFFF"))
        _paint_on(image, spec, w, h, m, scale)
        return image

    return call_on_gui_thread(paint)


def render_png(
    spec: ChartSpec,
    width_in: float = DEFAULT_WIDTH_IN,
    height_in: float | None = None,
    dpi: int = PRINT_DPI,
    *,
    style: ChartStyle = DEFAULT_STYLE,
    scale: str = DEFAULT_SCALE,
) -> bytes:
    """PNG bytes at `dpi` (300 = print) for `width_in` inches; height natural unless given."""
    image = render_image(spec, width_in, height_in, dpi, style=style, scale=scale)
    return encode_png(image, dpi)


def render_svg(
    spec: ChartSpec,
    width_in: float = DEFAULT_WIDTH_IN,
    height_in: float | None = None,
    *,
    style: ChartStyle = DEFAULT_STYLE,
    scale: str = DEFAULT_SCALE,
) -> bytes:
    """SVG bytes (1 unit = 1 pt, text kept as text) whose strokes render right in Typst."""
    _check_size(width_in, height_in, 72)

    def paint() -> bytes:
        m = Metrics(_SVG_PX_PER_PT, style)
        w, h = _size_px(spec, width_in, height_in, m, scale)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(QSize(w, h))
        generator.setViewBox(QRectF(0, 0, w, h))
        generator.setResolution(round(72 * m.px_per_pt))
        generator.setTitle(spec.title)
        generator.setDescription(spec.description or spec.title)
        try:
            _paint_on(generator, spec, w, h, m, scale)
        finally:
            buffer.close()
        return bake_strokes(bytes(data.data()))

    return call_on_gui_thread(paint)


def _paint_on(
    device: QImage | QSvgGenerator, spec: ChartSpec, w: int, h: int, m: Metrics, scale: str
) -> None:
    """Lay the chart out on the shared stage and paint it onto `device` (pixels or SVG)."""
    stage = _get_stage()
    stage.layout(spec, w, h, m, scale)
    painter = QPainter(device)
    try:
        stage.paint(painter, w, h)
    finally:
        painter.end()
        stage.release()


def _check_size(width_in: float, height_in: float | None, dpi: int) -> None:
    if not 0.5 <= width_in <= 40:
        raise ValueError(f"chart width {width_in} in is outside 0.5-40 in")
    if height_in is not None and not 0.5 <= height_in <= 40:
        raise ValueError(f"chart height {height_in} in is outside 0.5-40 in")
    if not 36 <= dpi <= 1200:
        raise ValueError(f"{dpi} dpi is outside 36-1200")


def encode_png(image: QImage, dpi: int) -> bytes:
    """PNG with a pHYs chunk (so Word sizes it right), streamed through zlib.

    Qt's own PNG writer takes ~90 ms for a 300-dpi page-wide chart. Mostly-white charts
    compress well with unfiltered rows at a low zlib level, fed row by row straight from
    the image's memory (no copies): ~20 ms, which keeps 40 charts inside the time budget.
    """
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h, stride = image.width(), image.height(), image.bytesPerLine()
    bits = memoryview(image.constBits()).cast("B")
    row_bytes = w * 3
    packer = zlib.compressobj(2)
    body: list[bytes] = []
    for y in range(h):
        body.append(packer.compress(b"\x00"))  # filter type 0 (none) starts each row
        body.append(packer.compress(bits[y * stride : y * stride + row_bytes]))
    body.append(packer.flush())
    return png_file(w, h, RGB, b"".join(body), dpi)
