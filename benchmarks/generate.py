"""Deterministic generator of a large synthetic project for benchmarks.

python -m benchmarks.generate OUT.briefing --sources 300 --citations 1000 --charts 40 --pages 150

The same arguments always give the same project (seeded), so figures compare across runs.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from briefing_app.charts.png import GREY, png_from_rows
from briefing_app.model.blocks import (
    Chart,
    Image,
    KeyJudgments,
    Paragraph,
    Quote,
    Scenarios,
    Signposts,
    Table,
)
from briefing_app.model.briefing import Briefing, Section
from briefing_app.model.chart import ChartSpec, DataTable
from briefing_app.model.estimative import ICD203
from briefing_app.model.source import SOURCE_TYPES, Person, Source
from briefing_app.model.tradecraft import KeyJudgment, Scenario, Signpost
from briefing_app.store import Project

from .lexicon import Lexicon

PLACES = ["Pokrovsk", "Myrnohrad", "Dobropillia", "Kostiantynivka", "Kramatorsk", "Rodynske",
          "Selydove", "Hryshyne", "Shakhove", "Udachne", "Kotlyne", "Novohrodivka"]
ACTORS = ["assault groups", "drone units", "artillery batteries", "logistics convoys",
          "reserve brigades", "engineering teams", "air defence crews", "reconnaissance teams"]
VERBS = ["reported", "observed", "confirmed", "disputed", "estimated", "described", "noted"]
OBJECTS = ["strikes on the supply road", "infiltration attempts", "drone launches",
           "movements along the rail line", "casualty figures", "fuel shortages",
           "pressure on the corridor", "attacks on energy infrastructure"]
OUTLETS = ["The Meridian Ledger", "Northline Wire", "Harbour Post", "Eastgate Review",
           "Institute for Frontier Studies", "Vostok Herald", "Civic Monitor", "Delta Daily"]
GIVEN = ["Anna", "Marta", "Oleh", "Jane", "Tomas", "Ilse", "Piotr", "Hanna", "David", "Sofia"]
FAMILY = ["Kovalenko", "Smith", "Novak", "Berg", "Marin", "Holm", "Lutsenko", "Weber", "Ortiz"]


def _sentence(rng: random.Random) -> str:
    n = rng.randint(2, 900)
    day = rng.randint(1, 28)
    return (
        f"{rng.choice(ACTORS).capitalize()} near {rng.choice(PLACES)} {rng.choice(VERBS)} "
        f"{n} {rng.choice(OBJECTS)} on {day} November 2025, according to "
        f"{rng.choice(['local officials', 'two soldiers', 'a regional spokesperson', 'analysts'])}."
    )


def _paragraph(rng: random.Random, sentences: int, words: Lexicon | None = None) -> str:
    if words is None:
        return " ".join(_sentence(rng) for _ in range(sentences))
    return " ".join(_sentence(rng) if rng.random() < 1 / 12 else words.sentence(rng)
                    for _ in range(sentences))


def _png(width: int = 64, height: int = 40) -> bytes:
    """A small valid greyscale PNG (no imaging library needed)."""
    rows = b"".join(b"\x00" + bytes((x * 4 + y * 2) % 256 for x in range(width))
                    for y in range(height))
    return png_from_rows(width, height, rows, GREY)


def _chart(rng: random.Random, i: int, snippet_ids: list[str]) -> ChartSpec:
    kind = ["timeline", "bar", "hbar", "stacked_bar", "line", "likelihood", "grouped_bar"][i % 7]
    cite = [rng.choice(snippet_ids)]
    if kind == "timeline":
        rows = [[f"2025-{rng.randint(9, 11):02d}-{rng.randint(1, 28):02d}",
                 f"{rng.choice(ACTORS).capitalize()} at {rng.choice(PLACES)}",
                 rng.choice(["Russian advance", "Ukrainian response"]), rng.choice(snippet_ids)]
                for _ in range(rng.randint(8, 16))]
        data = DataTable(["date", "label", "lane", "cite"], sorted(rows))
    elif kind in ("bar", "hbar"):
        data = DataTable(["category", "value"],
                         [[p, rng.randint(5, 120)] for p in rng.sample(PLACES, 6)])
    elif kind in ("stacked_bar", "grouped_bar"):
        data = DataTable(["category", "drones", "missiles"],
                         [[p, rng.randint(10, 400), rng.randint(0, 60)]
                          for p in rng.sample(PLACES, 5)])
    elif kind == "line":
        data = DataTable(["date", "drones", "missiles"],
                         [[f"2025-{9 + d // 30:02d}-{d % 30 + 1:02d}", rng.randint(20, 500),
                           rng.randint(0, 50)] for d in range(90)])
    else:
        data = DataTable(["scenario", "likelihood"],
                         [["Managed withdrawal", "likely"], ["Urban defence", "unlikely"],
                          ["Collapse", "very unlikely"]])
    return ChartSpec(kind=kind, title=f"Figure data set {i + 1}: {kind.replace('_', ' ')}",
                     caption=f"Synthetic chart {i + 1}", description=f"A {kind} chart",
                     x_label="Date" if kind in ("timeline", "line") else "Place",
                     y_label="Count", unit="", data=data, cite=cite)


def generate_project(path: Path, sources: int = 300, citations: int = 1000, charts: int = 40,
                     pages: int = 150, seed: int = 7, snippets: int | None = None,
                     lexicon: bool = False) -> Path:
    """`snippets` in all (spread evenly over the sources); by default three per source.

    With `lexicon`, source texts are mostly Zipf-distributed words (benchmarks.lexicon) and
    one sentence in twelve from the news templates, so a place or a unit occurs in a
    realistic share of the library instead of in nearly every source."""
    rng = random.Random(seed)
    words = Lexicon(random.Random(seed + 1)) if lexicon else None
    total_snippets = 3 * sources if snippets is None else snippets
    project = Project.create(path, "Large generated project")
    snippet_ids: list[str] = []
    types = list(SOURCE_TYPES)
    with project.transaction():
        for i in range(sources):
            paragraphs = [_paragraph(rng, rng.randint(3, 6), words)
                          for _ in range(rng.randint(4, 9))]
            text = f"Report {i + 1}.\n\n" + "\n\n".join(paragraphs)
            source = Source(
                id="", title=f"{rng.choice(PLACES)} update {i + 1}: {rng.choice(OBJECTS)}",
                type=types[i % len(types)],
                authors=[Person(family=rng.choice(FAMILY), given=rng.choice(GIVEN))]
                if i % 5 else [],
                container_title=rng.choice(OUTLETS),
                issued=f"2025-{rng.randint(9, 11):02d}-{rng.randint(1, 28):02d}",
                url=f"https://news.example/{i + 1}", accessed="2025-11-20",
                text=text, reliability="ABCDEF"[i % 6],
            )
            added = project.sources.add(source).source
            first = text.index("\n\n") + 2
            for k in range(total_snippets // sources + (i < total_snippets % sources)):
                start = text.find(". ", first + k * 200) + 2
                end = text.find(".", start + 20) + 1
                snippet = project.snippets.add_offsets(added.id, start, end,
                                                       credibility=rng.randint(1, 6))
                snippet_ids.append(snippet.id)
        image_id = project.attachments.add("schematic.png", "image/png", _png())
        briefing = _briefing(rng, snippet_ids, citations, charts, pages, image_id)
        project.briefings.save(briefing)
    project.close()
    return path


def _briefing(rng: random.Random, snippet_ids: list[str], citations: int, charts: int,
              pages: int, image_id: int) -> Briefing:
    paragraphs_total = pages * 4
    sections: list[Section] = []
    scenarios = [Scenario(f"sc{k}", f"Scenario {k}", likelihood=term, narrative=_sentence(rng),
                          drivers=[_sentence(rng)], signposts=[f"sp{k}"])
                 for k, term in ((1, "likely"), (2, "unlikely"), (3, "very unlikely"))]
    signposts = [Signpost(f"sp{k}", f"Indicator {k}", description=_sentence(rng),
                          threshold="Two reports in a week", signals=f"Scenario {k}",
                          status="emerging", last_reviewed="2025-11-08", review_every_days=7,
                          diagnosticity={"sc1": "likely", "sc2": "unlikely",
                                         "sc3": "highly unlikely"},
                          cite=[rng.choice(snippet_ids)]) for k in (1, 2, 3)]
    kj = KeyJudgments([KeyJudgment(_sentence(rng), rng.choice(ICD203.canonical_terms()),
                                   rng.choice(["low", "moderate", "high"]),
                                   cite=rng.sample(snippet_ids, 2)) for _ in range(4)])
    sections.append(Section("Key judgments", 1, [kj]))
    chart_every = max(1, paragraphs_total // max(charts, 1))
    blocks: list = []
    made_charts = 0
    for p in range(paragraphs_total):
        text = _paragraph(rng, 5)
        style = p % 7
        if style == 1:
            text = "**Assessment.** " + text
        elif style == 2:
            text = text.replace("according to", "*according to*", 1)
        blocks.append(Paragraph(text))
        if p % chart_every == chart_every - 1 and made_charts < charts:
            blocks.append(Chart(_chart(rng, made_charts, snippet_ids)))
            made_charts += 1
        if p % 50 == 25:
            blocks.append(Quote(rng.choice(snippet_ids)))
        if p % 120 == 60:
            blocks.append(Table("Force estimates", ["Source", "Estimate"],
                                [[rng.choice(OUTLETS), str(rng.randint(1, 200) * 1000)]
                                 for _ in range(5)]))
        if p % 300 == 150:
            blocks.append(Image("schematic.png", "Schematic", "A schematic", image_id))
        if len(blocks) >= 24:
            sections.append(Section(f"Analysis part {len(sections)}", 1 + len(sections) % 2,
                                    blocks))
            blocks = []
    if blocks:
        sections.append(Section(f"Analysis part {len(sections)}", 1, blocks))
    sections.append(Section("Scenarios", 1, [Scenarios(scenarios)]))
    sections.append(Section("Signposts", 1, [Signposts(signposts)]))
    _distribute_citations(rng, sections, snippet_ids, citations)
    return Briefing(id="br1", title="Large generated briefing", subtitle="Benchmark input",
                    authors=["Bench Generator"], organisation="Benchmarks", date="2025-11-10",
                    sections=sections)


def _distribute_citations(rng: random.Random, sections: list[Section], snippet_ids: list[str],
                          total: int) -> None:
    """Give paragraphs what is left of `total` after charts, quotes and items cite theirs."""
    paragraphs = [b for s in sections for b in s.blocks if isinstance(b, Paragraph)]
    others = sum(len(b.citations()) for s in sections for b in s.blocks
                 if not isinstance(b, Paragraph))
    budget = [0] * len(paragraphs)
    for k in range(max(0, total - others)):
        budget[k % len(paragraphs)] += 1
    for paragraph, count in zip(paragraphs, budget, strict=True):
        if count:
            refs = "; ".join(f"@{rng.choice(snippet_ids)}" for _ in range(count))
            paragraph.text = paragraph.text[:-1] + f" [{refs}]."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--sources", type=int, default=300)
    parser.add_argument("--citations", type=int, default=1000)
    parser.add_argument("--charts", type=int, default=40)
    parser.add_argument("--pages", type=int, default=150)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    generate_project(args.out, args.sources, args.citations, args.charts, args.pages, args.seed)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
