"""Source library figures: importing 1,000 saved HTML articles, and search latency over
10,000 sources. Inputs are generated here, seeded, so every run measures the same work."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable
from pathlib import Path

from briefing_app.ingest import import_paths
from briefing_app.model.source import Person, Source
from briefing_app.store import Project
from briefing_app.store.gazetteer import add_names

from .harness import BenchContext, Measure
from .lexicon import Lexicon

ARTICLES = 1000
LIBRARY = 10_000
QUERIES = 50

_PLACES = [
    "Pokrovsk",
    "Myrnohrad",
    "Kramatorsk",
    "Kostiantynivka",
    "Dobropillia",
    "Siversk",
    "Kupiansk",
    "Lyman",
    "Huliaipole",
    "Zaporizhzhia",
    "Kherson",
    "Sumy",
    "Kharkiv",
]
_ACTORS = [
    "regional officials",
    "a battalion commander",
    "the general staff",
    "volunteers",
    "a drone operator",
    "the defence ministry",
    "local residents",
    "aid workers",
    "a military analyst",
    "the air force",
    "the grid operator",
    "the governor",
]
_VERBS = ["said", "reported", "confirmed", "denied", "estimated", "warned", "claimed", "noted"]
_NOUNS = [
    "supply routes",
    "the highway",
    "infiltration groups",
    "artillery fire",
    "power cuts",
    "evacuation buses",
    "drone strikes",
    "river crossings",
    "the northern flank",
    "fog",
    "ammunition deliveries",
    "field hospitals",
    "rail junctions",
    "water supply",
]
_ADJ = ["heavy", "sporadic", "renewed", "limited", "intense", "overnight", "unconfirmed", "new"]
_WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "on",
    "for",
    "with",
    "near",
    "after",
    "before",
    "during",
    "under",
    "over",
    "against",
    "units",
    "soldiers",
    "civilians",
    "roads",
    "village",
    "town",
    "city",
    "district",
    "front",
    "line",
    "morning",
    "night",
    "week",
    "days",
    "hours",
    "kilometres",
    "positions",
    "reserves",
    "reinforcements",
    "logistics",
    "casualties",
    "damage",
    "repairs",
    "shelters",
    "heating",
    "winter",
    "weather",
    "visibility",
]


def _sentence(rng: random.Random) -> str:
    filler = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(4, 9)))
    return (
        f"{rng.choice(_ACTORS).capitalize()} {rng.choice(_VERBS)} that {rng.choice(_ADJ)} "
        f"{rng.choice(_NOUNS)} near {rng.choice(_PLACES)} {filler}, "
        f"{rng.randint(2, 900)} {rng.choice(_NOUNS)} {rng.choice(['remain', 'were', 'are'])} "
        f"{rng.choice(_ADJ)}."
    )


def _article_text(rng: random.Random, paragraphs: int) -> list[str]:
    return [" ".join(_sentence(rng) for _ in range(rng.randint(3, 5))) for _ in range(paragraphs)]


def _html(rng: random.Random, n: int) -> str:
    """A saved news page: nav, cookie banner, article with metadata, related links, footer."""
    title = f"{rng.choice(_ADJ).capitalize()} {rng.choice(_NOUNS)} near {rng.choice(_PLACES)} ({n})"
    day = 1 + n % 28
    body = "\n".join(f"<p>{p}</p>" for p in _article_text(rng, rng.randint(6, 10)))
    related = "".join(f'<li><a href="/r/{n}/{i}">{_sentence(rng)[:60]}</a></li>' for i in range(6))
    return f"""<!DOCTYPE html><html lang="en"><head><title>{title} | Harbour Courier</title>
<meta name="author" content="Reporter {n % 37}">
<meta property="article:published_time" content="2025-11-{day:02d}T07:00:00Z">
<meta property="og:site_name" content="Harbour Courier">
<link rel="canonical" href="https://harbour-courier.example/{n}"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<article><h1>{title}</h1>{body}</article>
<aside class="related"><h3>Related</h3><ul>{related}</ul></aside>
<footer>Copyright 2025 Harbour Courier Media</footer></body></html>"""


def write_articles(folder: Path, count: int = ARTICLES, seed: int = 11) -> Path:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"article-{n:04d}.html").write_text(_html(rng, n), encoding="utf-8")
    return folder


def _realistic_text(rng: random.Random, lexicon: Lexicon, paragraphs: int) -> list[str]:
    """Mostly varied vocabulary; one sentence in twelve from the news templates, so the
    place names and nouns queried occur in a realistic share of the library."""
    return [
        " ".join(
            _sentence(rng) if rng.random() < 1 / 12 else lexicon.sentence(rng)
            for _ in range(rng.randint(3, 5))
        )
        for _ in range(paragraphs)
    ]


def build_library(path: Path, count: int = LIBRARY, seed: int = 12, realistic: bool = True) -> None:
    """10,000 sources added through the store in one transaction (import speed is measured
    separately; this builds the library that search is timed on). `realistic=False` fills
    them from the tiny vocabulary: the worst case, where a query matches most sources."""
    rng = random.Random(seed)
    lexicon = Lexicon(random.Random(seed + 1))
    with Project.create(path, "search bench") as project:
        add_names(project, "Pokrovsk", ["Покровськ", "Krasnoarmeysk", "Красноармейск"])
        with project.transaction():
            for n in range(count):
                paragraphs = rng.randint(4, 8)
                text = (
                    _realistic_text(rng, lexicon, paragraphs)
                    if realistic
                    else _article_text(rng, paragraphs)
                )
                project.sources.add(
                    Source(
                        id="",
                        title=f"{rng.choice(_NOUNS).capitalize()} near {rng.choice(_PLACES)}",
                        type=rng.choice(["article", "report", "social", "statement"]),
                        authors=[Person(family=f"Reporter{n % 97}", given="A.")],
                        container_title=rng.choice(
                            ["Harbour Courier", "Northline", "Vostok Herald"]
                        ),
                        issued=f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}",
                        reliability=rng.choice("ABCDEF"),
                        text="\n\n".join(text),
                    )
                )


def _queries(seed: int = 13, realistic: bool = True) -> list[tuple[str, dict[str, object]]]:
    """Place and noun, a prefix, a place with grade and date filters, an adjective and
    place with a type filter; on the realistic library also a middling word alone, and
    prefixes of such words."""
    rng = random.Random(seed)
    lexicon = Lexicon(random.Random(12 + 1))
    out: list[tuple[str, dict[str, object]]] = []
    for _ in range(QUERIES):
        kind = rng.randrange(5 if realistic else 4)
        if kind == 0:
            out.append((f"{rng.choice(_PLACES)} {rng.choice(_NOUNS).split()[-1]}", {}))
        elif kind == 1:
            word = lexicon.mid_word(rng) if realistic else rng.choice(_NOUNS).split()[-1]
            out.append((word[:5] + "*", {}))
        elif kind == 2:
            out.append(("Pokrovsk", {"grades": "AB", "date_from": "2025-06"}))
        elif kind == 3:
            out.append((f"{rng.choice(_ADJ)} {rng.choice(_PLACES)}", {"source_type": "article"}))
        else:
            out.append((lexicon.mid_word(rng), {}))
    return out


def measures(ctx: BenchContext) -> list[Measure]:
    articles = ctx.tmp / "articles"
    target = ctx.tmp / "import.briefing"
    library = ctx.tmp / "library.briefing"

    def fresh_target() -> None:
        if not articles.exists():
            write_articles(articles)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)

    def import_all() -> None:
        with Project.create(target, "import bench") as project:
            report = import_paths(project, [articles])
            hits = project.index.search("Pokrovsk")
            if len(report.succeeded) != ARTICLES or not hits:
                raise RuntimeError(f"import bench went wrong: {report.summary()}")

    def searcher(library: Path, realistic: bool) -> tuple[Callable[[], None], Callable[[], None]]:
        queries = itertools.cycle(_queries(realistic=realistic))
        state: dict[str, object] = {}

        def next_query() -> None:
            if "project" not in state:
                if not library.exists():
                    build_library(library, realistic=realistic)
                state["project"] = Project.open(library)
            state["query"] = next(queries)

        def search_once() -> None:
            query, filters = state["query"]  # type: ignore[misc]
            state["project"].index.search(query, **filters)  # type: ignore[attr-defined]

        return next_query, search_once

    realistic_setup, realistic_search = searcher(library, True)
    worst_setup, worst_search = searcher(ctx.tmp / "library-tiny-vocabulary.briefing", False)
    return [
        Measure(
            f"ingest: import {ARTICLES:,} HTML articles, searchable",
            import_all,
            setup=fresh_target,
            repeat=3,
            target="< 10 s",
        ),
        Measure(
            f"ingest: search latency over {LIBRARY:,} sources (per query)",
            realistic_search,
            setup=realistic_setup,
            repeat=QUERIES,
            target="median < 20 ms",
        ),
        Measure(
            f"ingest: search latency over {LIBRARY:,} sources, worst case: tiny vocabulary, "
            "most queries match 85% of sources (per query)",
            worst_search,
            setup=worst_setup,
            repeat=QUERIES,
            target="(no target; reported)",
        ),
    ]
