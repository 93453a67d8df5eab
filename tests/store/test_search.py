"""Full-text search over source text and snippets (SQLite FTS5)."""

from __future__ import annotations

import pytest

from briefing_app.store.search import HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN


@pytest.fixture
def library(project, make_report):
    """Three sources, one of them Ukrainian, and a snippet; returns the project and ids."""
    ids = {
        "cafe": project.sources.add(
            make_report(
                "The café on the square was shelled; residents left the district.",
                title="Morning bulletin",
            )
        ).source.id,
        "cyrillic": project.sources.add(
            make_report(
                "Військові підрозділи відійшли з Покровська до нових позицій.",
                title="Звіт з фронту",
                language="uk",
            )
        ).source.id,
        "convoy": project.sources.add(
            make_report(
                "Convoys use the T0504 highway at night; AND the bridge is down.",
                title="Supply road",
            )
        ).source.id,
    }
    ids["snippet"] = project.snippets.add_quote(
        ids["convoy"], "bridge is down", note="logistics"
    ).id
    return project, ids


def hits(project, query):
    return [(h.kind, h.id) for h in project.index.search(query)]


def test_words_in_source_text_find_the_source(library):
    project, ids = library
    assert hits(project, "residents district") == [("source", ids["cafe"])]


def test_every_word_must_occur(library):
    project, _ = library
    assert hits(project, "residents convoys") == []


def test_snippets_are_found_by_their_text_and_note(library):
    project, ids = library
    assert ("snippet", ids["snippet"]) in hits(project, "bridge down")
    assert hits(project, "logistics") == [("snippet", ids["snippet"])]


def test_a_trailing_star_searches_by_prefix(library):
    project, ids = library
    assert hits(project, "shel*") == [("source", ids["cafe"])]
    assert hits(project, "shel") == []


def test_diacritics_are_folded_both_ways(library):
    project, ids = library
    assert hits(project, "cafe") == [("source", ids["cafe"])]
    assert hits(project, "CAFÉ") == [("source", ids["cafe"])]


def test_cyrillic_text_is_searchable_case_blind(library):
    project, ids = library
    assert hits(project, "ВІДІЙШЛИ") == [("source", ids["cyrillic"])]
    assert hits(project, "підрозділ*") == [("source", ids["cyrillic"])]


def test_titles_are_searched_too(library):
    project, ids = library
    assert hits(project, "звіт") == [("source", ids["cyrillic"])]


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "AND",
        "OR NOT",
        "T0504-highway",
        "bridge)",
        "(",
        "*",
        "col:value",
        "NEAR(a b)",
        "^start",
        "a + b",
        "'quoted'",
        "\\",
        "{x}",
    ],
)
def test_fts_syntax_characters_in_a_query_never_raise(library, query):
    project, _ = library
    assert isinstance(project.index.search(query), list)


def test_syntax_words_are_searched_as_plain_words(library):
    project, ids = library
    assert hits(project, "T0504-highway") == [("source", ids["convoy"])]
    assert ("source", ids["convoy"]) in hits(project, "AND bridge")


def test_an_empty_query_finds_nothing(library):
    project, _ = library
    assert project.index.search("   ") == []
    assert project.index.search("?!") == []


def test_hits_carry_a_highlighted_fragment(library):
    project, ids = library
    [hit] = project.index.search("district")
    assert (hit.id, hit.source_id, hit.title) == (ids["cafe"], ids["cafe"], "Morning bulletin")
    assert f"{HIGHLIGHT_OPEN}district{HIGHLIGHT_CLOSE}" in hit.fragment


def test_removed_sources_and_snippets_leave_the_index(library):
    project, ids = library
    project.snippets.remove(ids["snippet"])
    project.sources.remove(ids["convoy"])
    assert hits(project, "bridge") == []


def test_updated_titles_are_reindexed(library):
    project, ids = library
    source = project.sources.get(ids["cafe"])
    source.title = "Market hit"
    project.sources.update(source)
    assert hits(project, "market") == [("source", ids["cafe"])]
    assert hits(project, "bulletin") == []


def test_words_in_double_quotes_must_occur_together_in_order(library):
    project, ids = library
    assert ("source", ids["convoy"]) in hits(project, '"the bridge is down"')
    assert hits(project, '"down is the bridge"') == []  # every word occurs, not in order
    assert ("source", ids["convoy"]) in hits(project, '"bridge is do*" convoys')
    assert hits(project, '"the café on" residents') == [("source", ids["cafe"])]


def test_a_quoted_phrase_is_highlighted_as_typed(library):
    project, ids = library
    [hit] = [h for h in project.index.search('"T0504 highway"') if h.kind == "source"]
    assert hit.id == ids["convoy"]
    assert f"the {HIGHLIGHT_OPEN}T0504 highway{HIGHLIGHT_CLOSE} at night" in hit.fragment


def test_a_quoted_place_name_is_searched_as_typed_not_in_every_spelling(project, make_report):
    from briefing_app.store.gazetteer import add_names

    latin = project.sources.add(make_report("Fighting continued in Pokrovsk overnight.")).source
    cyrillic = project.sources.add(make_report("Бої тривали у Покровську вночі.")).source
    add_names(project, "Pokrovsk", ["Покровськ"])
    assert {h.id for h in project.index.search("Pokrovsk")} == {latin.id, cyrillic.id}
    assert [h.id for h in project.index.search('"Pokrovsk"')] == [latin.id]


def test_snippets_ranked_on_the_second_connection_match_a_serial_search(library, monkeypatch):
    project, ids = library
    project.snippets.add_quote(ids["convoy"], "the bridge is down")
    project.snippets.add_quote(ids["convoy"], "Convoys use the T0504 highway")
    parallel = [(h.kind, h.id, h.fragment) for h in project.index.search("bridge")]
    assert project.index._reader is not None and project.index._reader.available
    monkeypatch.setattr(project.index, "_reader_or_none", lambda: None)
    serial = [(h.kind, h.id, h.fragment) for h in project.index.search("bridge")]
    assert parallel == serial
    assert [k for k, _, _ in parallel].count("snippet") == 2


def test_a_search_inside_a_transaction_sees_its_uncommitted_snippets(library):
    project, ids = library
    with project.transaction():
        taken = project.snippets.add_quote(ids["cafe"], "residents left the district")
        found = [(h.kind, h.id) for h in project.index.search("residents")]
        assert ("snippet", taken.id) in found
    assert ("snippet", taken.id) in hits(project, "residents")


def test_closing_the_project_stops_the_search_thread(project_path, make_report):
    import threading

    from briefing_app.store import Project

    with Project.create(project_path, "t") as project:
        source = project.sources.add(make_report("Shelling near the depot.")).source
        project.snippets.add_quote(source.id, "near the depot")
        assert project.index.search("depot")
        assert any(t.name.startswith("search") for t in threading.enumerate())
    assert not any(t.name.startswith("search") and t.is_alive() for t in threading.enumerate())
