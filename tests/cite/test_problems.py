"""Bad input: missing snippets, broken metadata and unknown styles give clear messages."""

from __future__ import annotations

import pytest

from briefing_app.cite import (
    CitationEngine,
    CiteItem,
    CitePoint,
    UnknownStyleError,
    rich_to_markdown,
)
from briefing_app.model.source import Person, Source
from tests.cite.fixtures import news


def test_deleted_snippet_is_named_and_the_rest_still_formats() -> None:
    a = news()
    points = [CitePoint([CiteItem("a", a)]), CitePoint([CiteItem("sn99", None)])]
    result = CitationEngine().format(points)
    assert rich_to_markdown(result.notes[1]) == "[missing source sn99]."
    assert result.problems == [
        "citation 2 (@sn99): no snippet or source sn99 exists (was it deleted?); "
        'the note says "[missing source sn99]."'
    ]
    assert len(result.bibliography) == 1


def test_reason_from_resolution_is_kept() -> None:
    item = CiteItem("sn3", None, problem="snippet sn3 belongs to source s9, which no longer exists")
    result = CitationEngine("apa").format([CitePoint([item])])
    assert result.problems[0].startswith("citation 1 (@sn3): snippet sn3 belongs to source s9")
    assert rich_to_markdown(result.notes[0]) == "(missing source sn3)"


def test_broken_metadata_renders_what_is_there_once_per_source() -> None:
    broken = Source("s2", "", "article", [Person("Smith", "Jane")], "Outlet", issued="2025-13-45")
    points = [CitePoint([CiteItem("sn4", broken)]), CitePoint([CiteItem("sn5", broken)])]
    result = CitationEngine().format(points)
    assert rich_to_markdown(result.notes[0]) == "Jane Smith, *Outlet*, 2025."
    assert rich_to_markdown(result.bibliography[0]) == "Smith, Jane. *Outlet*, 2025."
    assert result.problems == [
        "citation 1 (@sn4): source s2 has no title; it is left out",
        "citation 1 (@sn4): source s2 has an unreadable date '2025-13-45'; only the year is shown",
    ]
    apa = CitationEngine("apa").format(points)
    assert rich_to_markdown(apa.notes[0]) == "(Smith, 2025)"


def test_unknown_source_type_falls_back_to_the_generic_template() -> None:
    odd = Source("o", "Odd Thing", "podcast", [Person("Doe", "Ann")], issued="2020")
    note = CitationEngine().format([CitePoint([CiteItem("o", odd)])]).notes[0]
    assert rich_to_markdown(note) == "Ann Doe, “Odd Thing,” 2020."


def test_unknown_style_names_the_available_keys() -> None:
    with pytest.raises(UnknownStyleError) as caught:
        CitationEngine("vancouver")
    message = str(caught.value)
    assert "'vancouver'" in message
    for key in (
        "chicago-notes",
        "chicago-author-date",
        "apa",
        "harvard",
        "ieee",
        "mla",
        "intelligence",
    ):
        assert key in message
    assert isinstance(caught.value, ValueError)
