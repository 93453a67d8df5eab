"""The bibliography: only cited sources, sorted per style, grouped by type, with grades."""

from __future__ import annotations

from briefing_app.cite import CitationEngine, CiteItem, CitePoint, rich_to_markdown, rich_to_plain
from tests.cite.fixtures import cyrillic, news, other, report, social, statement, unsigned


def points_for(*sources) -> list[CitePoint]:
    return [CitePoint([CiteItem(s.id, s)]) for s in sources]


def test_only_cited_sources_each_once_sorted_by_first_word_ignoring_articles() -> None:
    cited = [news(), unsigned(), report(), news(), other()]
    result = CitationEngine().format(points_for(*cited))
    firsts = [rich_to_plain(b).split(".")[0] for b in result.bibliography]
    assert firsts == ["Centre for Maritime Studies", "The Daily Ledger", "Doe, John", "Smith, Jane"]


def test_grouped_by_source_type_in_a_fixed_order() -> None:
    cited = [statement(), news(), social(), report(), cyrillic()]
    result = CitationEngine(group_bibliography=True).format(points_for(*cited))
    assert result.bibliography_groups is not None
    headings = [h for h, _ in result.bibliography_groups]
    assert headings == ["News articles", "Social-media posts", "Reports", "Official statements"]
    articles = [rich_to_plain(e)[:6] for e in result.bibliography_groups[0][1]]
    assert articles == ["Smith,", "Петров"]
    assert CitationEngine().format(points_for(news())).bibliography_groups is None


def test_grade_appended_to_entries_when_asked() -> None:
    result = CitationEngine("apa", with_grades=True).format(points_for(news()))
    assert rich_to_markdown(result.bibliography[0]).endswith("https://example.org/a [B]")


def test_missing_author_and_date_leave_no_gaps_or_stray_punctuation() -> None:
    bare = news()
    bare.authors, bare.issued = [], ""
    for style, expected in {
        "chicago-notes": "*Outlet Name*. “Title of the Article.” Accessed November 8, 2025. https://example.org/a.",
        "apa": "Title of the Article. (n.d.). *Outlet Name*. https://example.org/a",
        "mla": "“Title of the Article.” *Outlet Name*, example.org/a. Accessed 8 Nov. 2025.",
    }.items():
        result = CitationEngine(style).format(points_for(bare))
        assert rich_to_markdown(result.bibliography[0]) == expected, style
    note = CitationEngine().format(points_for(bare)).notes[0]
    assert rich_to_markdown(note) == (
        "“Title of the Article,” *Outlet Name*, accessed November 8, 2025, https://example.org/a."
    )


def test_urls_are_links() -> None:
    entry = CitationEngine().format(points_for(news())).bibliography[0]
    assert [r.link for r in entry if r.link] == ["https://example.org/a"]
    assert entry[-1].text == "." and not entry[-1].link
