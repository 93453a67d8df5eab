"""Citation engine figures: 1,000 citations and a 300-entry bibliography, cold and after an edit.

Inputs are generated here (seeded), so the figures do not depend on the project generator.
Targets (issue 4): under 0.5 s cold, under 50 ms after a one-paragraph edit.
"""

from __future__ import annotations

import itertools
import random

from briefing_app.cite import CitationEngine, CiteItem, CitePoint
from briefing_app.model.source import SOURCE_TYPES, Person, Source

from .harness import BenchContext, Measure

_GIVEN = ["Jane", "John", "Olena", "Иван", "Amira", "Kenji", "Maria", "Pavel"]
_FAMILY = ["Smith", "Doe", "Kovalenko", "Петров", "Haddad", "Sato", "García", "Novak"]
_OUTLETS = ["Outlet Name", "The Daily Ledger", "Вечерние новости", "X", "Telegram"]
_LOCATORS = ["", "", "p. 4", "para. 3", "post 2", "pp. 10-12"]


def make_sources(count: int = 300, seed: int = 7) -> list[Source]:
    rng = random.Random(seed)
    kinds = list(SOURCE_TYPES)
    sources = []
    for i in range(count):
        kind = kinds[i % len(kinds)]
        authors = [
            Person(rng.choice(_FAMILY), rng.choice(_GIVEN))
            for _ in range(rng.choice([0, 1, 1, 2, 3]))
        ]
        if kind in ("report", "statement") and rng.random() < 0.7:
            authors = [Person(literal=f"Organisation {i % 40}")]
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        issued = rng.choice([f"2025-{month:02d}-{day:02d}", f"2024-{month:02d}", "2023", ""])
        sources.append(
            Source(
                f"src{i}",
                f"Title number {i} about events in region {rng.randint(1, 50)}",
                kind,
                authors,
                rng.choice(_OUTLETS),
                publisher=f"Publisher {i % 25}",
                issued=issued,
                url=f"https://example.org/{i}",
                accessed="2025-11-08",
                reliability=rng.choice("ABCDEF"),
                extra={"handle": f"@user{i}"} if kind == "social" else {},
            )
        )
    return sources


def make_points(sources: list[Source], count: int = 1000, seed: int = 7) -> list[CitePoint]:
    rng = random.Random(seed)
    points = []
    for _ in range(count):
        items = [
            CiteItem(s.id, s, rng.choice(_LOCATORS), grade=f"{s.reliability}{rng.randint(1, 6)}")
            for s in rng.sample(sources, rng.choice([1, 1, 1, 1, 2, 3]))
        ]
        points.append(CitePoint(items))
    return points


def measures(ctx: BenchContext) -> list[Measure]:
    sources = make_sources()
    points = make_points(sources)
    edits = itertools.count(1)
    out: list[Measure] = []
    for style in ("chicago-notes", "apa", "ieee", "intelligence"):
        warm: dict[str, CitationEngine] = {}

        def cold(style: str = style) -> object:
            return CitationEngine(style).format(points)

        def edit_one(style: str = style, warm: dict[str, CitationEngine] = warm) -> None:
            """Untimed: a warm engine, then one paragraph's citation gets a new locator."""
            engine = warm.setdefault("engine", CitationEngine(style))
            engine.format(points)
            points[500].items[0].locator = f"p. {next(edits)}"

        def after_edit(warm: dict[str, CitationEngine] = warm) -> object:
            return warm["engine"].format(points)

        out.append(Measure(f"cite {style}: 1,000 citations + 300-entry bibliography, cold",
                           cold, target="< 0.5 s"))  # fmt: skip
        out.append(Measure(f"cite {style}: after a one-paragraph edit", after_edit, setup=edit_one,
                           target="< 50 ms"))  # fmt: skip
    return out
