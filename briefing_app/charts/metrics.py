"""Metrics: the house style's points turned into the pixels of one output, with Qt fonts.

Kept apart from style.py so that what needs no drawing (the render cache and its keys)
never loads Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen

from .style import DEFAULT_STYLE, ChartStyle


@lru_cache(maxsize=64)
def _font(family: str, pixels: int, bold: bool) -> QFont:
    font = QFont(family)
    font.setPixelSize(pixels)
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


@lru_cache(maxsize=64)
def _font_metrics(family: str, pixels: int, bold: bool) -> QFontMetricsF:
    # Measuring thousands of timeline labels is the hot path of layout; build metrics once.
    return QFontMetricsF(_font(family, pixels, bold))


@dataclass(frozen=True)
class Metrics:
    """Converts the style's points into the pixels of one output (screen, PNG, SVG)."""

    px_per_pt: float
    style: ChartStyle = DEFAULT_STYLE

    def px(self, pt: float) -> float:
        return pt * self.px_per_pt

    def font(self, pt: float, bold: bool = False) -> QFont:
        # Pixel sizes, not point sizes: point sizes would depend on the (offscreen) screen's dpi.
        return QFont(_font(self.style.font_family, max(1, round(self.px(pt))), bold))

    def text_width(self, text: str, pt: float, bold: bool = False) -> float:
        return self._fm(pt, bold).horizontalAdvance(text)

    def line_height(self, pt: float) -> float:
        return self._fm(pt, False).height()

    def elide(self, text: str, pt: float, width: float, bold: bool = False) -> str:
        """`text` cut to `width` pixels with an ellipsis (whole when it fits)."""
        fm = self._fm(pt, bold)
        return fm.elidedText(text, Qt.TextElideMode.ElideRight, max(width, 0.0))

    def _fm(self, pt: float, bold: bool) -> QFontMetricsF:
        return _font_metrics(self.style.font_family, max(1, round(self.px(pt))), bold)

    def pen(self, color: str, width_pt: float, dash: tuple[float, ...] | None = None) -> QPen:
        """A cosmetic pen: its width is in output pixels whatever the data scale."""
        pen = QPen(QColor(color))
        pen.setCosmetic(True)
        pen.setWidthF(self.px(width_pt))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        if dash:
            pen.setDashPattern(list(dash))
        return pen
