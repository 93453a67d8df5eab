"""Offscreen chart export: PNG for DOCX (and PDF), SVG for PDF, with a render cache.

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
import hashlib
import struct
import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from briefing_app.model.chart import ChartSpec
from briefing_app.model.estimative import DEFAULT_SCALE

from .qt import call_on_gui_thread, ensure_app
from .render import draw_chart, natural_height_px
from .style import DEFAULT_STYLE, ChartStyle, Metrics
from .svgfix import bake_strokes

PRINT_DPI = 300
DEFAULT_WIDTH_IN = 6.5
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
    per_metre = round(dpi / 0.0254)

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)),
            chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)),
            chunk(b"IDAT", b"".join(body)),
            chunk(b"IEND", b""),
        )
    )


# ---------------------------------------------------------------------------------------------
# Cache


@dataclass(frozen=True)
class CacheStats:
    hits: int
    misses: int
    entries: int
    bytes: int


class ChartCache:
    """Rendered charts by (spec fingerprint, size, format, style, scale): an export after an
    unrelated edit reuses every chart. In memory (LRU, bounded in bytes), optionally backed
    by a directory so a new session starts warm. Safe to share between threads."""

    def __init__(self, max_bytes: int = 256 * 1024 * 1024, directory: Path | None = None) -> None:
        self.max_bytes = max_bytes
        self.directory = directory
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(
        spec: ChartSpec,
        fmt: str,
        width_in: float,
        height_in: float | None,
        dpi: int,
        style: ChartStyle,
        scale: str,
    ) -> str:
        parts = [
            spec.fingerprint(),
            fmt,
            f"{width_in:.4f}",
            "auto" if height_in is None else f"{height_in:.4f}",
            str(dpi),
            style.key(),
            scale,
        ]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()

    def png(
        self,
        spec: ChartSpec,
        width_in: float = DEFAULT_WIDTH_IN,
        height_in: float | None = None,
        dpi: int = PRINT_DPI,
        *,
        style: ChartStyle = DEFAULT_STYLE,
        scale: str = DEFAULT_SCALE,
    ) -> bytes:
        key = self.key(spec, "png", width_in, height_in, dpi, style, scale)
        return self._get(
            key, "png", lambda: render_png(spec, width_in, height_in, dpi, style=style, scale=scale)
        )

    def svg(
        self,
        spec: ChartSpec,
        width_in: float = DEFAULT_WIDTH_IN,
        height_in: float | None = None,
        *,
        style: ChartStyle = DEFAULT_STYLE,
        scale: str = DEFAULT_SCALE,
    ) -> bytes:
        key = self.key(spec, "svg", width_in, height_in, 72, style, scale)
        return self._get(
            key, "svg", lambda: render_svg(spec, width_in, height_in, style=style, scale=scale)
        )

    def _get(self, key: str, fmt: str, render: Callable[[], bytes]) -> bytes:
        with self._lock:
            data = self._items.get(key)
            if data is not None:
                self._items.move_to_end(key)
                self.hits += 1
                return data
        data = self._read_disk(key, fmt)
        if data is None:
            data = render()
            self._write_disk(key, fmt, data)
            with self._lock:
                self.misses += 1
        else:
            with self._lock:
                self.hits += 1
        self._put(key, data)
        return data

    def _put(self, key: str, data: bytes) -> None:
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._size -= len(old)
            self._items[key] = data
            self._size += len(data)
            while self._size > self.max_bytes and len(self._items) > 1:
                _, dropped = self._items.popitem(last=False)
                self._size -= len(dropped)

    def _read_disk(self, key: str, fmt: str) -> bytes | None:
        if self.directory is None:
            return None
        try:
            return (self.directory / f"{key}.{fmt}").read_bytes()
        except OSError:
            return None

    def _write_disk(self, key: str, fmt: str, data: bytes) -> None:
        if self.directory is None:
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            tmp = self.directory / f"{key}.{fmt}.tmp"
            tmp.write_bytes(data)
            tmp.replace(self.directory / f"{key}.{fmt}")
        except OSError:
            pass  # a disk cache that cannot be written only costs speed, never the export

    def clear(self) -> None:
        """Forget the in-memory renders (the disk directory, if any, is left alone)."""
        with self._lock:
            self._items.clear()
            self._size = 0

    def stats(self) -> CacheStats:
        with self._lock:
            return CacheStats(self.hits, self.misses, len(self._items), self._size)


# --------------------------------------------------------------------------- for exporters


@dataclass(frozen=True)
class ExportRendering:
    """A chart drawn for a document: PNG for DOCX/HTML, SVG (vector) for PDF."""

    png: bytes
    svg: bytes | None
    width_in: float
    height_in: float


def _cache_dir() -> Path | None:
    """A disk cache so a fresh process (each CLI export) starts warm; off if unavailable."""
    import os

    from platformdirs import user_cache_dir

    folder = Path(os.environ.get("BRIEFING_STUDIO_CACHE_DIR") or user_cache_dir(
        "Briefing Studio", "Briefing Studio")) / "charts"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


_export_cache: ChartCache | None = None
_heights: dict[tuple[str, float, str], float] = {}
_heights_lock = threading.Lock()


def export_cache() -> ChartCache:
    """The process-wide cache every exporter shares (created on first use)."""
    global _export_cache  # noqa: PLW0603 - one cache per process is the point
    if _export_cache is None:
        _export_cache = ChartCache(directory=_cache_dir())
    return _export_cache


def render_for_export(
    spec: ChartSpec,
    width_in: float = DEFAULT_WIDTH_IN,
    scale: str = DEFAULT_SCALE,
    formats: tuple[str, ...] = ("png",),
) -> ExportRendering:
    """Draw (or fetch from the cache) a chart at its natural height for a document."""
    key = (spec.fingerprint(), round(width_in, 4), scale)
    with _heights_lock:
        height = _heights.get(key)
    if height is None:
        height = chart_height_in(spec, width_in, scale=scale)
        with _heights_lock:
            _heights[key] = height
    cache = export_cache()
    png = cache.png(spec, width_in, height, scale=scale) if "png" in formats else b""
    svg = cache.svg(spec, width_in, height, scale=scale) if "svg" in formats else None
    return ExportRendering(png, svg, width_in, height)
