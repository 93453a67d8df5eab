"""The render cache: unrelated edits reuse charts, real changes redraw them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from briefing_app.charts.cache import ChartCache
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


def test_natural_heights_are_kept_on_disk_too(tmp_path: Path, monkeypatch) -> None:
    first = ChartCache(directory=tmp_path / "charts")
    height = first.height(SPEC, 6.5)
    assert 1.0 < height < 10.0

    def no_measuring(*args: object, **kwargs: object) -> float:
        raise AssertionError("a cached height was measured again")

    monkeypatch.setattr("briefing_app.charts.export.chart_height_in", no_measuring)
    assert ChartCache(directory=tmp_path / "charts").height(SPEC, 6.5) == height


def test_a_damaged_height_file_is_measured_again(tmp_path: Path) -> None:
    first = ChartCache(directory=tmp_path / "charts")
    height = first.height(SPEC, 6.5)
    [stored] = (tmp_path / "charts").glob("*.height")
    stored.write_bytes(b"\xff not a number")
    assert ChartCache(directory=tmp_path / "charts").height(SPEC, 6.5) == height
    assert stored.read_bytes() == repr(height).encode()


def test_an_export_whose_charts_are_cached_never_loads_qt(tmp_path: Path, sample_file: Path):
    """A fresh process (as each CLI export is) finds every chart in the disk cache and
    exports the sample's charts without importing Qt: about 85 MB it does not need."""
    import os
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from briefing_app.export.pipeline import resolve_from_project, writer_for
        from briefing_app.store import Project

        with Project.open(Path({str(sample_file)!r})) as project:
            briefing = project.briefings.get()
            for fmt in ("docx", "pdf"):
                doc = resolve_from_project(project, briefing, fmt=fmt)
                writer_for(fmt)(doc, Path({str(tmp_path)!r}) / f"out.{{fmt}}")
        print(sorted({{m.split(".")[0] for m in sys.modules}} & {{"PySide6", "pyqtgraph"}}))
    """)
    env = {**os.environ, "BRIEFING_STUDIO_CACHE_DIR": str(tmp_path / "cache")}

    def run() -> str:
        done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                              text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip().splitlines()[-1]

    assert run() == "['PySide6', 'pyqtgraph']"  # cold: the charts are drawn
    assert run() == "[]"  # warm: read from the cache
    assert (tmp_path / "out.pdf").stat().st_size > 10_000
