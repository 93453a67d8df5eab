"""The house look of every chart: palette, type sizes and line weights, in printer's points.

All sizes are given in points (1/72 inch) and turned into pixels by `Metrics`, so a chart built
for the screen (96 dpi), for a 300 dpi PNG, or for SVG (1 unit = 1 pt) has the same proportions
and its text prints at 7.5-10 pt whatever the output.

Palette: Okabe & Ito's colour-blind-safe set, reordered so that neighbouring series also differ
in lightness and stay distinguishable when the document is printed in greyscale (dark blue,
light orange, mid green, dark vermillion, light sky blue, mid purple). Lines add dash patterns
for the same reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen

#: Okabe-Ito colours, in the order series use them (see module docstring).
PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#56B4E9",  # sky blue
    "#CC79A7",  # reddish purple
    "#000000",  # black
    "#F0E442",  # yellow: last, it is faint on white paper
)

INK = "#1A1A1A"  # titles and labels: near-black prints crisper than pure black on some toners
MUTED = "#555555"  # axes, ticks, notes
GRID = "#DDDDDD"
LANE_SHADE = "#F3F3F3"
STEM = "#9A9A9A"

#: Dash patterns (in pen widths) that keep line series apart without colour.
DASHES: tuple[tuple[float, ...] | None, ...] = (None, (4, 2), (1, 1.6), (6, 2, 1, 2), (2, 2))


def series_color(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


@dataclass(frozen=True)
class ChartStyle:
    """Type and line sizes (pt). The font is the document's sans; DejaVu Sans ships with the
    app's platforms and with Typst's system-font lookup, so SVG text renders the same in PDF."""

    font_family: str = "DejaVu Sans"
    title_pt: float = 10.0
    label_pt: float = 8.5
    tick_pt: float = 8.0
    note_pt: float = 7.5
    line_pt: float = 1.5
    axis_pt: float = 0.6
    grid_pt: float = 0.5
    margin_pt: float = 6.0
    palette: tuple[str, ...] = PALETTE

    def key(self) -> str:
        """Part of the render-cache key: a different style is a different picture."""
        return repr(self)


DEFAULT_STYLE = ChartStyle()


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
