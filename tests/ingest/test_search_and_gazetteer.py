"""Search over imported sources: Cyrillic, folding, prefixes, filters, gazetteer spellings.

(These exercise `store/search.py` and `store/gazetteer.py` through real imports.)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_app.ingest import SourceOverrides, import_text
from briefing_app.model.errors import ValidationError
from briefing_app.store import Project
from briefing_app.store.gazetteer import add_names, entries, load_gazetteer, remove_names
from briefing_app.store.search import HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN


def add(project: Project, text: str, **overrides: object) -> str:
    return import_text(project, text, overrides=SourceOverrides(**overrides)).source.id  # type: ignore[arg-type]


@pytest.fixture
def library(project: Project) -> Project:
    add(
        project,
        "Fighting around Pokrovsk\n\nThe city of Pokrovsk is half encircled.\n",
        type="article",
        reliability="B",
        issued="2025-11-07",
        container_title="Harbour Courier",
    )
    add(
        project,
        "Евакуація\n\nВолонтери вивозять людей з Покровська щодня.\n",
        type="statement",
        reliability="A",
        issued="2025-11-01",
        container_title="Міністерство",
    )
    add(
        project,
        "Ring closed\n\nThe ring around Krasnoarmeysk has been closed.\n",
        type="state-media",
        reliability="E",
        issued="2025-10",
        container_title="Vostok Herald",
    )
    add(
        project,
        "Café notes\n\nA café in Kramatorsk reopened after the strike.\n",
        type="interview",
        issued="2024-05-02",
    )
    return project


def ids(project: Project, query: str, **filters: object) -> list[str]:
    return sorted(h.source_id for h in project.index.search(query, **filters))  # type: ignore[arg-type]


def test_cyrillic_text_is_searchable(library: Project) -> None:
    assert ids(library, "волонтери") == ["src2"]


def test_case_and_diacritics_are_folded(library: Project) -> None:
    assert ids(library, "CAFE") == ["src4"]


def test_prefix_search(library: Project) -> None:
    assert ids(library, "Покровськ*") == ["src2"]
    assert ids(library, "encirc*") == ["src1"]


def test_hits_are_highlighted(library: Project) -> None:
    hit = library.index.search("encircled")[0]
    assert f"{HIGHLIGHT_OPEN}encircled{HIGHLIGHT_CLOSE}" in hit.fragment
    assert hit.title == "Fighting around Pokrovsk"


def test_gazetteer_finds_every_spelling(library: Project) -> None:
    assert ids(library, "Pokrovsk") == ["src1"]
    add_names(library, "Pokrovsk", ["Покровськ", "Krasnoarmeysk", "Красноармейск"])
    assert ids(library, "Pokrovsk") == ["src1", "src2", "src3"]
    assert ids(library, "krasnoarmeysk") == ["src1", "src2", "src3"]
    assert ids(library, "Pokrovsk", expand_names=False) == ["src1"]
    assert ids(library, "Pokrovsk ring") == ["src3"]  # other words still all required


def test_multi_word_names_expand(library: Project) -> None:
    add_names(library, "Velyka Novosilka", ["Kramatorsk"])  # any spelling group works
    assert ids(library, "velyka novosilka cafe") == ["src4"]


def test_gazetteer_is_editable(project: Project) -> None:
    add_names(project, "Pokrovsk", ["Покровськ", "Krasnoarmeysk"])
    remove_names(project, "Pokrovsk", ["Krasnoarmeysk"])
    assert entries(project) == {"Pokrovsk": ["Pokrovsk", "Покровськ"]}
    remove_names(project, "Pokrovsk")
    assert entries(project) == {}


def test_gazetteer_loads_from_json(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.json"
    path.write_text(
        json.dumps(
            [
                {"canonical": "Pokrovsk", "variants": ["Покровськ", "Krasnoarmeysk"]},
                {"canonical": "Myrnohrad", "variants": ["Мирноград", "Dimitrov"]},
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    assert load_gazetteer(project, path) == 2
    assert entries(project)["Myrnohrad"] == ["Myrnohrad", "Dimitrov", "Мирноград"]


def test_bad_gazetteer_is_refused_whole(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps([{"canonical": "A", "variants": ["B"]}, {"canonical": "", "variants": []}]),
        encoding="utf-8",
    )
    with pytest.raises(ValidationError, match=r"\[1\]\.canonical"):
        load_gazetteer(project, path)
    assert entries(project) == {}


def test_filter_by_type_grade_outlet(library: Project) -> None:
    add_names(library, "Pokrovsk", ["Покровськ", "Krasnoarmeysk"])
    assert ids(library, "Pokrovsk", source_type="state-media") == ["src3"]
    assert ids(library, "Pokrovsk", source_type=["article", "statement"]) == ["src1", "src2"]
    assert ids(library, "Pokrovsk", grades="AB") == ["src1", "src2"]
    assert ids(library, "Pokrovsk", grades="B-E") == ["src1", "src3"]
    assert ids(library, "Pokrovsk", outlet="herald") == ["src3"]


def test_filter_by_date_range_with_partial_dates(library: Project) -> None:
    add_names(library, "Pokrovsk", ["Покровськ", "Krasnoarmeysk"])
    assert ids(library, "Pokrovsk", date_from="2025-11-01") == ["src1", "src2"]
    assert ids(library, "Pokrovsk", date_from="2025-10-15") == ["src1", "src2", "src3"]
    assert ids(library, "Pokrovsk", date_to="2025-10") == ["src3"]
    assert ids(library, "Pokrovsk", date_from="2025-11-02", date_to="2025-11-30") == ["src1"]


def test_unknown_grade_filter_is_refused(library: Project) -> None:
    with pytest.raises(ValidationError, match="grade"):
        library.index.search("Pokrovsk", grades="Z")


def test_fts_syntax_typed_by_accident_is_harmless(library: Project) -> None:
    assert library.index.search('"AND OR NOT ( T0504-highway') == []


def test_prefix_hits_are_highlighted_whole(library: Project) -> None:
    [hit] = library.index.search("encirc*")
    assert f"{HIGHLIGHT_OPEN}encircled{HIGHLIGHT_CLOSE}" in hit.fragment
    add_names(library, "Pokrovsk", ["Покровськ"])
    [cyrillic] = [h for h in library.index.search("Pokrovsk") if h.source_id == "src2"]
    assert f"{HIGHLIGHT_OPEN}Покровська{HIGHLIGHT_CLOSE}" in cyrillic.fragment  # inflected


def test_a_prefix_with_many_completions_still_finds_and_highlights(project: Project) -> None:
    words = " ".join(f"depot{n:03d}" for n in range(100))  # more than are spelled out
    add(project, f"Depot list\n\n{words}.\n")
    [hit] = project.index.search("depot*")
    assert f"{HIGHLIGHT_OPEN}depot" in hit.fragment
