"""Library export to CSL-JSON and BibTeX, read back by our own importers."""

from __future__ import annotations

import json
from pathlib import Path

from briefing_app.ingest import (
    SourceOverrides,
    export_bibtex,
    export_csl_json,
    import_file,
    import_text,
)
from briefing_app.store import Project

TEXT = "Body of the article about the corridor and the fog that hides it.\n"


def library(project: Project) -> None:
    import_text(
        project,
        TEXT,
        title="Corridor & fog: 50% of routes closed",
        author="Marchuk, Olena",
        url="https://example.org/a_b",
        overrides=SourceOverrides(
            type="article",
            reliability="B",
            descriptor="Regional daily",
            container_title="Courier",
            issued="2025-11-07",
        ),
    )
    import_text(
        project,
        "Another text entirely, a ministry statement.\n",
        title="Statement on roads",
        overrides=SourceOverrides(type="report", authors=["Ministry of Defence"], publisher="MoD"),
    )


def test_csl_json_export_carries_metadata_and_grading(project: Project) -> None:
    library(project)
    items = json.loads(export_csl_json(project.sources.list()))
    assert items[0]["type"] == "article-newspaper"
    assert items[0]["author"] == [{"family": "Marchuk", "given": "Olena"}]
    assert items[0]["issued"] == {"date-parts": [[2025, 11, 7]]}
    assert items[0]["note"] == "Reliability: B; Regional daily"
    assert "note" not in items[1]


def test_csl_json_round_trip(project: Project, tmp_path: Path) -> None:
    library(project)
    path = tmp_path / "library.json"
    path.write_text(export_csl_json(project.sources.list()), encoding="utf-8")
    with Project.create(tmp_path / "other.briefing") as other:
        back = [i.source for i in import_file(other, path).items]
    original = project.sources.list()
    assert [(s.title, s.issued, s.url, s.type) for s in back] == [
        (s.title, s.issued, s.url, s.type) for s in original
    ]


def test_bibtex_round_trip_keeps_specials(project: Project, tmp_path: Path) -> None:
    library(project)
    text = export_bibtex(project.sources.list())
    assert "@article{src1," in text and r"Corridor \& fog: 50\% of routes closed" in text
    path = tmp_path / "library.bib"
    path.write_text(text, encoding="utf-8")
    with Project.create(tmp_path / "other.briefing") as other:
        result = import_file(other, path)
    assert result.problems == []
    first, second = (i.source for i in result.items)
    assert first.title == "Corridor & fog: 50% of routes closed"
    assert first.url == "https://example.org/a_b"
    assert [a.display() for a in first.authors] == ["Olena Marchuk"]
    assert (first.issued, first.container_title) == ("2025-11-07", "Courier")
    assert [a.display() for a in second.authors] == ["Ministry of Defence"]
