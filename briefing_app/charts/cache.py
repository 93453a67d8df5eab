"""Rendered charts, cached in memory and on disk, for every exporter.

No Qt here: a chart already drawn (this session, or an earlier one through the disk cache)
costs a file read, and a CLI export whose charts are all cached never loads Qt and
pyqtgraph (about 85 MB) at all. Only a miss imports `export`, which draws with Qt.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from briefing_app.model.chart import ChartSpec
from briefing_app.model.estimative import DEFAULT_SCALE

from .style import DEFAULT_STYLE, DEFAULT_WIDTH_IN, PRINT_DPI, ChartStyle


@dataclass(frozen=True)
class CacheStats:
    hits: int
    misses: int
    entries: int
    bytes: int


class ChartCache:
    """Rendered charts by (spec fingerprint, size, format, style, scale): an export after an
    unrelated edit reuses every chart. In memory (LRU, bounded in bytes), optionally backed
    by a directory so a new session starts warm. Natural heights (a chart's height at a
    width) are kept the same way, since measuring one needs Qt's fonts. Safe to share
    between threads."""

    def __init__(self, max_bytes: int = 256 * 1024 * 1024, directory: Path | None = None) -> None:
        self.max_bytes = max_bytes
        self.directory = directory
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0
        self._heights: dict[str, float] = {}
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
        def render() -> bytes:
            from .export import render_png

            return render_png(spec, width_in, height_in, dpi, style=style, scale=scale)

        return self._get(self.key(spec, "png", width_in, height_in, dpi, style, scale), "png",
                         render)

    def svg(
        self,
        spec: ChartSpec,
        width_in: float = DEFAULT_WIDTH_IN,
        height_in: float | None = None,
        *,
        style: ChartStyle = DEFAULT_STYLE,
        scale: str = DEFAULT_SCALE,
    ) -> bytes:
        def render() -> bytes:
            from .export import render_svg

            return render_svg(spec, width_in, height_in, style=style, scale=scale)

        return self._get(self.key(spec, "svg", width_in, height_in, 72, style, scale), "svg",
                         render)

    def height(
        self,
        spec: ChartSpec,
        width_in: float = DEFAULT_WIDTH_IN,
        *,
        style: ChartStyle = DEFAULT_STYLE,
        scale: str = DEFAULT_SCALE,
    ) -> float:
        """The chart's natural printed height (inches) at `width_in`."""
        key = self.key(spec, "height", width_in, None, 72, style, scale)
        with self._lock:
            known = self._heights.get(key)
        if known is not None:
            return known
        stored = self._read_disk(key, "height")
        try:
            height = float(stored.decode("ascii")) if stored is not None else None
        except (UnicodeDecodeError, ValueError):
            height = None  # a damaged cache file: measure again
        if height is None or not 0 < height < 1000:
            from .export import chart_height_in

            height = chart_height_in(spec, width_in, style=style, scale=scale)
            self._write_disk(key, "height", repr(height).encode("ascii"))
        with self._lock:
            self._heights[key] = height
        return height

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
        """Forget the in-memory renders and heights (the disk directory is left alone)."""
        with self._lock:
            self._items.clear()
            self._heights.clear()
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
    from platformdirs import user_cache_dir

    folder = Path(os.environ.get("BRIEFING_STUDIO_CACHE_DIR") or user_cache_dir(
        "Briefing Studio", "Briefing Studio")) / "charts"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


_export_cache: ChartCache | None = None


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
    cache = export_cache()
    height = cache.height(spec, width_in, scale=scale)
    png = cache.png(spec, width_in, height, scale=scale) if "png" in formats else b""
    svg = cache.svg(spec, width_in, height, scale=scale) if "svg" in formats else None
    return ExportRendering(png, svg, width_in, height)
