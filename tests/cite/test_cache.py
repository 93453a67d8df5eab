"""The cache: re-formatting after a change renders only what changed (counted, not timed)."""

from __future__ import annotations

from briefing_app.cite import CitationEngine, CiteItem, CitePoint, rich_to_markdown
from tests.cite.fixtures import KINDS, other


def many_points() -> list[CitePoint]:
    sources = [make() for make in KINDS.values()] + [other()]
    return [
        CitePoint([CiteItem(s.id, s, f"p. {n % 5}" if n % 3 else "")])
        for n, s in enumerate(sources * 10)
    ]


def test_second_format_of_unchanged_points_renders_nothing() -> None:
    engine = CitationEngine()
    points = many_points()
    first = engine.format(points)
    before = engine.renders
    assert before > 0
    again = engine.format(points)
    assert engine.renders == before
    assert again.notes == first.notes and again.bibliography == first.bibliography


def test_changing_one_locator_renders_one_item_and_matches_a_fresh_engine() -> None:
    engine = CitationEngine("apa")
    points = many_points()
    engine.format(points)
    before = engine.renders
    points[20].items[0].locator = "p. 99"
    cached = engine.format(points)
    assert engine.renders == before + 1
    fresh = CitationEngine("apa").format(points)
    assert cached.notes == fresh.notes
    assert "p. 99" in rich_to_markdown(cached.notes[20])


def test_editing_source_metadata_re_renders_that_source_only() -> None:
    engine = CitationEngine()
    points = many_points()
    engine.format(points)
    before = engine.renders
    edited = points[0].items[0].source
    assert edited is not None
    edited.title = "A New Title"
    result = engine.format(points)
    later = {p.items[0].locator for p in points[1:] if p.items[0].source is edited}
    # that source's first note, one short form per distinct locator, and its entry; no other
    assert engine.renders - before == 1 + len(later) + 1
    assert "A New Title" in rich_to_markdown(result.notes[0])


def test_graded_notes_are_reused_too() -> None:
    engine = CitationEngine("intelligence")
    points = many_points()
    for point in points:
        point.items[0].grade = "B2"
    first = engine.format(points)
    again = engine.format(points)
    assert all(a is b for a, b in zip(first.notes, again.notes, strict=True))
