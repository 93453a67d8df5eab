"""Every chart kind renders real content at print size, and bad data never crashes."""

from __future__ import annotations

import itertools
import math
import struct
import threading
from datetime import date, timedelta

import pytest

from briefing_app.charts.data import ChartDataError, parse_chart_data
from briefing_app.charts.export import chart_height_in, render_png
from briefing_app.charts.metrics import Metrics
from briefing_app.charts.render import TIMELINE_LABEL_SHARE, Box, plan_timeline
from briefing_app.charts.style import PALETTE
from briefing_app.model.chart import CHART_KINDS, ChartSpec, DataTable

from .conftest import colour_pixels, ink_fraction, kind_specs, pixels

pytestmark = pytest.mark.usefixtures("qapp_charts")

SPECS = kind_specs()
MULTI_SERIES = {"grouped_bar", "stacked_bar", "line", "timeline"}


def test_every_kind_has_a_spec_here() -> None:
    assert set(SPECS) == set(CHART_KINDS)


@pytest.mark.parametrize("kind", sorted(SPECS))
def test_each_kind_renders_a_print_size_png_with_palette_colours(kind: str) -> None:
    png = render_png(SPECS[kind], width_in=6.5, dpi=300)
    image = pixels(png)
    height, width, _ = image.shape
    assert width == 1950
    assert height == round(chart_height_in(SPECS[kind], 6.5) * 300)
    assert 0.02 < ink_fraction(image) < 0.6
    assert colour_pixels(image, PALETTE[0]) > 300
    if kind in MULTI_SERIES:
        assert colour_pixels(image, PALETTE[1]) > 100
    # The title, in near-black bold, sits in the top band of the picture.
    top = image[: height // 8]
    assert colour_pixels(top, "#1A1A1A", tolerance=40) > 500


def test_pngs_carry_their_print_resolution() -> None:
    png = render_png(SPECS["bar"], width_in=3, dpi=600)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    at = png.index(b"pHYs")
    per_metre_x, per_metre_y, unit = struct.unpack(">IIB", png[at + 4 : at + 13])
    assert unit == 1 and round(per_metre_x * 0.0254) == 600 == round(per_metre_y * 0.0254)
    assert pixels(png).shape[1] == 1800


def test_an_explicit_height_is_honoured() -> None:
    image = pixels(render_png(SPECS["line"], width_in=4, height_in=2, dpi=150))
    assert image.shape[:2] == (300, 600)


def test_unreasonable_sizes_are_refused() -> None:
    with pytest.raises(ValueError, match="width"):
        render_png(SPECS["bar"], width_in=0)
    with pytest.raises(ValueError, match="dpi"):
        render_png(SPECS["bar"], dpi=5000)


def test_rendering_is_deterministic_and_row_order_does_not_matter_for_dates() -> None:
    spec = SPECS["line"]
    shuffled = ChartSpec(
        "line",
        title=spec.title,
        y_label=spec.y_label,
        data=DataTable(spec.data.columns, list(reversed(spec.data.rows))),
    )
    assert render_png(spec, dpi=100) == render_png(shuffled, dpi=100)


def test_the_likelihood_scale_changes_the_picture() -> None:
    table = DataTable(["scenario", "likelihood"], [["Town falls", "likely"], ["Holds", "unlikely"]])
    spec = ChartSpec("likelihood", title="Outcomes", data=table)
    assert render_png(spec, dpi=100) != render_png(spec, dpi=100, scale="uk-yardstick")


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(SPECS))
def test_an_empty_table_renders_a_no_data_chart(kind: str) -> None:
    spec = ChartSpec(kind, title="Nothing yet", data=DataTable(SPECS[kind].data.columns, []))
    image = pixels(render_png(spec, dpi=100))
    assert image.shape[1] == 650 and ink_fraction(image) > 0.002


@pytest.mark.parametrize("kind", sorted(SPECS))
def test_a_table_without_columns_renders_or_explains(kind: str) -> None:
    spec = ChartSpec(kind, title="Blank", data=DataTable([], []))
    try:
        image = pixels(render_png(spec, dpi=100))
    except ChartDataError as err:
        assert "column" in str(err)
    else:
        assert ink_fraction(image) > 0.002


@pytest.mark.parametrize("kind", sorted(SPECS))
def test_a_single_row_renders(kind: str) -> None:
    source = SPECS[kind].data
    spec = ChartSpec(kind, title="One", data=DataTable(source.columns, source.rows[:1]))
    image = pixels(render_png(spec, dpi=100))
    assert colour_pixels(image, PALETTE[0]) > 10


def _big(kind: str, n: int) -> ChartSpec:
    start = date(2000, 1, 1)
    if kind == "timeline":
        rows = [
            [(start + timedelta(days=i)).isoformat(), f"Event {i}", f"L{i % 3}", None]
            for i in range(n)
        ]
        return ChartSpec(
            kind, title="Many", data=DataTable(["date", "label", "lane", "cite"], rows)
        )
    if kind == "line":
        rows = [[(start + timedelta(days=i)).isoformat(), math.sin(i / 50)] for i in range(n)]
        return ChartSpec(kind, title="Many", data=DataTable(["date", "v"], rows))
    if kind == "likelihood":
        rows = [[f"S{i}", i % 90, i % 90 + 5] for i in range(n)]
        return ChartSpec(kind, title="Many", data=DataTable(["scenario", "low", "high"], rows))
    columns = ["category", "a"] if kind in ("bar", "hbar") else ["category", "a", "b"]
    rows = [[f"C{i}", i % 17, *([i % 5] * (len(columns) - 2))] for i in range(n)]
    return ChartSpec(kind, title="Many", data=DataTable(columns, rows))


@pytest.mark.parametrize("kind", sorted(SPECS))
def test_ten_thousand_rows_render(kind: str) -> None:
    image = pixels(render_png(_big(kind, 10_000), dpi=72))
    assert image.shape[1] == 468 and ink_fraction(image) > 0.01


def test_a_crowded_timeline_says_how_many_labels_it_left_out() -> None:
    data = parse_chart_data(_big("timeline", 2_000))
    box = Box(Metrics(300 / 72), 1800, 0, left=200)
    _, omitted = plan_timeline(data, box)
    assert 0 < omitted < 2_000


def test_events_on_the_same_day_get_labels_that_do_not_overlap() -> None:
    rows = [["2025-11-08", f"Strike number {i} on the same day", "A", None] for i in range(6)]
    rows += [["2025-11-09", "Next day", "A", None], ["2025-11-20", "Later", "B", None]]
    data = parse_chart_data(
        ChartSpec("timeline", data=DataTable(["date", "label", "lane", "cite"], rows))
    )
    placed, omitted = plan_timeline(data, Box(Metrics(300 / 72), 1800, 0, left=200))
    assert omitted == 0
    for lane in placed:
        by_row: dict[int, list[tuple[float, float]]] = {}
        for event in lane:
            by_row.setdefault(event.row, []).append(event.span)
        for spans in by_row.values():
            spans.sort()
            for (_, end), (start, _) in itertools.pairwise(spans):
                assert end <= start
    assert len({e.row for e in placed[0]}) >= 6


def test_a_500_character_label_is_shortened_to_fit() -> None:
    long = "word " * 100
    spec = ChartSpec(
        "timeline",
        title=long,
        data=DataTable(["date", "label"], [["2025-11-08", long], ["2025-11-09", "short"]]),
    )
    data = parse_chart_data(spec)
    box = Box(Metrics(300 / 72), 1800, 0, left=10)
    placed, _ = plan_timeline(data, box)
    first = placed[0][0]
    assert first.text.endswith("…")
    assert first.span[1] - first.span[0] < 1800 * (TIMELINE_LABEL_SHARE + 0.05)
    image = pixels(render_png(spec, dpi=100))
    assert image.shape[0] < 650 * 1.5  # a long title wraps to two lines, not twenty
    bar = ChartSpec("bar", title="t", data=DataTable(["category", "value"], [[long, 1], ["b", 2]]))
    assert colour_pixels(pixels(render_png(bar, dpi=100)), PALETTE[0]) > 100


def test_nan_is_a_gap_and_infinity_is_refused() -> None:
    rows = [["2025-11-01", 1.0], ["2025-11-02", math.nan], ["2025-11-03", 3.0]]
    spec = ChartSpec("line", data=DataTable(["date", "v"], rows))
    assert colour_pixels(pixels(render_png(spec, dpi=100)), PALETTE[0]) > 10
    rows[1][1] = math.inf
    with pytest.raises(ChartDataError, match="infinite") as err:
        render_png(spec)
    assert (err.value.row, err.value.column) == (1, "v")


def test_non_numeric_cells_are_refused_before_drawing() -> None:
    spec = ChartSpec("stacked_bar", data=DataTable(["category", "a", "b"], [["x", 1, "two"]]))
    with pytest.raises(ChartDataError, match="row 1, column 'b'"):
        render_png(spec)


def test_unknown_scale_is_a_validation_error() -> None:
    with pytest.raises(ValueError, match="unknown estimative scale"):
        render_png(SPECS["likelihood"], scale="astrology")


def test_a_worker_thread_gets_its_png_painted_on_the_gui_thread(qtbot: object) -> None:
    result: dict[str, object] = {}

    def work() -> None:
        try:
            result["png"] = render_png(SPECS["bar"], dpi=72)
        except Exception as exc:  # reported below, on the test's thread
            result["error"] = exc

    worker = threading.Thread(target=work)
    worker.start()
    qtbot.waitUntil(lambda: "png" in result or "error" in result, timeout=20_000)  # type: ignore[attr-defined]
    worker.join()
    assert "error" not in result
    assert pixels(result["png"]).shape[1] == 468  # type: ignore[arg-type]
