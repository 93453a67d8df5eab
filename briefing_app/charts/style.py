"""The house look of every chart: palette, type sizes and line weights, in printer's points.

All sizes are given in points (1/72 inch) and turned into pixels by `metrics.Metrics`, so a
chart built for the screen (96 dpi), for a 300 dpi PNG, or for SVG (1 unit = 1 pt) has the
same proportions and its text prints at 7.5-10 pt whatever the output. No Qt here: the render
cache keys on the style without loading Qt.

Palette: Okabe & Ito's colour-blind-safe set, reordered so that neighbouring series also differ
in lightness and stay distinguishable when the document is printed in greyscale (dark blue,
light orange, mid green, dark vermillion, light sky blue, mid purple). Lines add dash patterns
for the same reason.
"""

from __future__ import annotations

from dataclasses import dataclass

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

#: Charts in documents: page-wide at 6.5 in, printed at 300 dpi.
PRINT_DPI = 300
DEFAULT_WIDTH_IN = 6.5
