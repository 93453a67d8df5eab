"""Benchmark protocol: modules `bench_*.py` return Measures; the runner prints one table.

Targets are printed beside the figures, never asserted: speed goals live here, not in tests.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any


@dataclass
class Measure:
    """`fn` is timed `repeat` times after an untimed `setup` each time; the median counts."""

    name: str
    fn: Callable[[], object]
    setup: Callable[[], object] | None = None
    repeat: int = 5
    target: str = ""


LARGE = {"sources": 300, "citations": 1000, "charts": 40, "pages": 150, "seed": 7}
CACHE_DIR = Path(__file__).resolve().parent.parent / ".bench"
#: Rendered charts persist here (not in the user's cache folder) for every bench process.
CHART_CACHE = CACHE_DIR / "chart-cache"
os.environ.setdefault("BRIEFING_STUDIO_CACHE_DIR", str(CHART_CACHE))


def generated_project(name: str, params: dict[str, Any]) -> Path:
    """The project `benchmarks.generate` makes from `params`, generated on first use and
    cached in .bench/ under a name that spells the parameters (a .partial never counts)."""
    from .generate import generate_project

    CACHE_DIR.mkdir(exist_ok=True)
    key = "-".join(f"{k}{v}" for k, v in sorted(params.items()))
    path = CACHE_DIR / f"{name}-{key}.briefing"
    if not path.exists():
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        generate_project(partial, **params)
        partial.rename(path)
    return path


def time_runs(measure: Measure) -> list[float]:
    """Seconds of each run of `measure`, its setup (if any) run untimed before each."""
    times = []
    for _ in range(measure.repeat):
        if measure.setup:
            measure.setup()
        start = time.perf_counter()
        measure.fn()
        times.append(time.perf_counter() - start)
    return times


class BenchContext:
    """Shared inputs: the large generated project is built once and cached on disk."""

    def __init__(self, tmp: Path | None = None) -> None:
        self.tmp = tmp or Path(tempfile.mkdtemp(prefix="briefing-bench-"))

    def large_project(self) -> Path:
        return generated_project("large", LARGE)

    @cached_property
    def _large(self) -> Any:
        from briefing_app.store import Project

        with Project.open(self.large_project()) as project:
            return project.briefings.get()

    def large_briefing(self) -> Any:
        """The large Briefing model (a fresh copy each call, so edits don't leak)."""
        import copy

        return copy.deepcopy(self._large)
