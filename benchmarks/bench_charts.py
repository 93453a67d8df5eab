"""Chart rendering figures: a large briefing's 40 charts at print size, cold and cached.

The 40 specs are generated here (seeded) and mix every kind at realistic sizes: timelines of
10-20 events in two or three lanes, bars of 4-12 categories, lines of 60-120 days.
Targets (issue 7): 40 charts cold under 4 s, warm (cache filled) under 50 ms.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from briefing_app.charts.cache import ChartCache
from briefing_app.charts.qt import ensure_app
from briefing_app.model.chart import CHART_KINDS, ChartSpec, DataTable
from briefing_app.model.estimative import ICD203

from .harness import BenchContext, Measure

_PLACES = [
    "Northgate",
    "Eastbrook",
    "Southmoor",
    "Westfield",
    "Highridge",
    "Lowmarsh",
    "Kingsford",
    "Ashby",
    "Millbrook",
    "Stonebridge",
    "Fairhaven",
    "Oakdale",
]
_EVENTS = [
    "Assault on",
    "Strike on",
    "Convoy hit near",
    "Bridge damaged at",
    "Withdrawal from",
    "Counter-attack at",
    "Shelling of",
    "Drone strike on",
    "Evacuation of",
]
_LANES = ["Advance", "Response", "Civilian impact"]


def make_specs(count: int = 40, seed: int = 11) -> list[ChartSpec]:
    rng = random.Random(seed)
    kinds = list(CHART_KINDS)
    return [_spec(rng, kinds[i % len(kinds)], i) for i in range(count)]


def _spec(rng: random.Random, kind: str, i: int) -> ChartSpec:
    start = date(2025, 9, 1) + timedelta(days=rng.randint(0, 60))
    if kind == "timeline":
        lanes = _LANES[: rng.randint(2, 3)]
        rows = [
            [
                (start + timedelta(days=rng.randint(0, 45))).isoformat(),
                f"{rng.choice(_EVENTS)} {rng.choice(_PLACES)}",
                rng.choice(lanes),
                f"sn{rng.randint(1, 500)}",
            ]
            for _ in range(rng.randint(10, 20))
        ]
        data = DataTable(["date", "label", "lane", "cite"], rows)
    elif kind in ("bar", "hbar"):
        places = rng.sample(_PLACES, rng.randint(4, 12))
        data = DataTable(["category", "value"], [[p, rng.randint(-40, 120)] for p in places])
    elif kind in ("grouped_bar", "stacked_bar"):
        places = rng.sample(_PLACES, rng.randint(4, 8))
        series = ["Drones", "Missiles", "Artillery"][: rng.randint(2, 3)]
        rows = [[p, *(rng.randint(0, 300) for _ in series)] for p in places]
        data = DataTable(["category", *series], rows)
    elif kind == "line":
        data = DataTable(["date", "Launched", "Intercepted"], _daily_counts(rng, start))
    else:
        terms = [t.term for t in ICD203.terms]
        rows = [[f"Scenario {chr(65 + s)}", rng.choice(terms)] for s in range(rng.randint(3, 5))]
        data = DataTable(["scenario", "likelihood"], rows)
    return ChartSpec(
        kind,
        title=f"Figure {i + 1}: {kind.replace('_', ' ')} of the operation",
        y_label="" if kind in ("timeline", "likelihood") else "Count",
        data=data,
    )


def _daily_counts(rng: random.Random, start: date) -> list[list[object]]:
    """Daily counts that drift and jitter like real reporting (a noisy random walk)."""
    rows: list[list[object]] = []
    level = rng.uniform(80, 300)
    for d in range(rng.randint(60, 120)):
        level = max(5.0, level + rng.gauss(0, 12))
        launched = round(level * rng.uniform(0.8, 1.2))
        rows.append([(start + timedelta(days=d)).isoformat(), launched, round(launched * 0.8)])
    return rows


def measures(ctx: BenchContext) -> list[Measure]:
    del ctx  # inputs are generated here
    ensure_app()
    specs = make_specs()
    cache = ChartCache()

    def render_all_png() -> None:
        for spec in specs:
            cache.png(spec)

    def render_all_svg() -> None:
        for spec in specs:
            cache.svg(spec)

    def warm() -> None:
        if cache.stats().entries < len(specs):
            render_all_png()

    return [
        Measure(
            "charts: 40 PNG at 300 dpi, cold (empty cache)",
            render_all_png,
            setup=cache.clear,
            repeat=3,
            target="< 4 s",
        ),
        Measure(
            "charts: 40 PNG at 300 dpi, warm (cache filled)",
            render_all_png,
            setup=warm,
            repeat=5,
            target="< 50 ms",
        ),
        Measure(
            "charts: 40 SVG for PDF, cold (empty cache)",
            render_all_svg,
            setup=cache.clear,
            repeat=3,
            target="< 4 s",
        ),
    ]
