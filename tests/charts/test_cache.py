"""The render cache: unrelated edits reuse charts, real changes redraw them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from briefing_app.charts.export import ChartCache
from briefing_app.charts.style import ChartStyle
from briefing_app.model.chart import DataTable

from .conftest import kind_specs

pytestmark = pytest.mark.usefixtures("qapp_charts")

SPEC = kind_specs()["bar"]


def test_a_second_export_reuses_the_render() -> None:
    cache = ChartCache()
    first = cache.png(SPEC, dpi=100)
    second = cache.png(SPEC, dpi=100)
    assert second is first
    stats = cache.stats()
    assert (stats.misses, stats.hits, stats.entries) == (1, 1, 1)


def test_caption_and_alt_text_edits_do_not_redraw() -> None:
    cache = ChartCache()
    cache.png(SPEC, dpi=100)
    edited = dataclasses.replace(SPEC, caption="New caption", description="New alt text")
    cache.png(edited, dpi=100)
    assert cache.stats().misses == 1


@pytest.mark.parametrize(
    "change",
    [
        {"title": "Another title"},
        {"data": DataTable(["category", "value"], [["North", 43], ["East", 31]])},
        {"unit": "lorries"},
    ],
)
def test_a_change_to_what_is_drawn_redraws(change: dict) -> None:
    cache = ChartCache()
    before = cache.png(SPEC, dpi=100)
    after = cache.png(dataclasses.replace(SPEC, **change), dpi=100)
    assert cache.stats().misses == 2 and after != before


def test_size_format_style_and_scale_are_part_of_the_key() -> None:
    cache = ChartCache()
    cache.png(SPEC, dpi=100)
    cache.png(SPEC, dpi=150)
    cache.png(SPEC, width_in=4, dpi=100)
    cache.svg(SPEC)
    cache.png(SPEC, dpi=100, style=ChartStyle(title_pt=12))
    cache.png(SPEC, dpi=100, scale="uk-yardstick")
    assert cache.stats().misses == 6


def test_the_cache_stays_within_its_byte_budget() -> None:
    cache = ChartCache(max_bytes=1)
    cache.png(SPEC, dpi=72)
    cache.png(dataclasses.replace(SPEC, title="Other"), dpi=72)
    assert cache.stats().entries == 1
    cache.png(SPEC, dpi=72)
    assert cache.stats().misses == 3


def test_a_disk_cache_starts_a_new_session_warm(tmp_path: Path) -> None:
    first = ChartCache(directory=tmp_path / "charts")
    png = first.png(SPEC, dpi=72)
    second = ChartCache(directory=tmp_path / "charts")
    assert second.png(SPEC, dpi=72) == png
    assert (second.stats().misses, second.stats().hits) == (0, 1)
    second.clear()
    assert second.stats().entries == 0


def test_an_unwritable_disk_cache_still_renders(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = ChartCache(directory=blocker)
    assert cache.png(SPEC, dpi=72).startswith(b"\x89PNG")
