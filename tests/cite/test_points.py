"""cite_points: a briefing's citations in reading order, resolved to sources and grades."""

from __future__ import annotations

from briefing_app.cite import CitationEngine, cite_points, rich_to_markdown
from briefing_app.model.blocks import KeyJudgments, Paragraph, Quote, Table
from briefing_app.model.briefing import Briefing, Section
from briefing_app.model.snippet import Snippet
from briefing_app.model.tradecraft import KeyJudgment
from tests.cite.fixtures import news, report


def briefing() -> Briefing:
    blocks = [
        Paragraph("Ports were hit [@sn1]. Insurers reacted [see @sn1, p. 9; @report]."),
        Quote("sn1"),
        KeyJudgments(
            [
                KeyJudgment("Likely more strikes.", cite=["sn1", "report"]),
                KeyJudgment("No citation here."),
            ]
        ),
        Table(caption="Losses", cite=["gone"]),
    ]
    return Briefing(title="T", sections=[Section("One", blocks=blocks)])


def lookups() -> tuple[dict, dict]:
    a, r = news(), report()
    snippet = Snippet("sn1", a.id, 0, 5, "Hello", locator="para. 2", credibility=3)
    return {a.id: a, r.id: r}, {"sn1": snippet}


def test_points_follow_reading_order_one_per_group_quote_item_and_table() -> None:
    sources, snippets = lookups()
    points = cite_points(briefing(), sources, snippets)
    assert [[i.ref for i in p.items] for p in points] == [
        ["sn1"], ["sn1", "report"], ["sn1"], ["sn1", "report"], ["gone"],
    ]  # fmt: skip
    assert [p.where for p in points] == [(0, 0, 0), (0, 0, 1), (0, 1, -1), (0, 2, 0), (0, 3, -1)]


def test_snippet_locator_and_grade_explicit_locator_wins() -> None:
    sources, snippets = lookups()
    points = cite_points(briefing(), sources, snippets)
    first, second = points[0].items[0], points[1].items[0]
    assert (first.locator, first.grade, first.source.id) == ("para. 2", "B3", "news")  # type: ignore[union-attr]
    assert (second.locator, second.prefix) == ("p. 9", "see")
    whole = points[1].items[1]
    assert (whole.locator, whole.grade) == ("", "A")


def test_deleted_refs_and_sources_are_reported_not_dropped() -> None:
    sources, snippets = lookups()
    del sources["news"]
    points = cite_points(briefing(), sources, snippets)
    assert points[0].items[0].source is None
    assert "belongs to source news, which no longer exists" in points[0].items[0].problem
    result = CitationEngine().format(points)
    assert rich_to_markdown(result.notes[4]) == "[missing source gone]."
    assert any(
        p.startswith("citation 5 (@gone): no snippet or source gone") for p in result.problems
    )
    assert len(result.notes) == 5
