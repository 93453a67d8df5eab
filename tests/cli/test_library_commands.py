"""`briefing snippet …` and `briefing search` on the sample project."""

from __future__ import annotations

from pathlib import Path

from .conftest import Run


def test_source_list_json_has_ids_titles_and_grades(run: Run, sample_file: Path) -> None:
    sources = run("source", "list", sample_file, "--json").json()
    assert [s["id"] for s in sources][:3] == ["src1", "src2", "src3"]
    assert all(s["title"] and s["reliability"] in "ABCDEF" for s in sources)
    assert all(s["duplicate_of"] is None for s in sources)


def test_snippet_add_finds_the_quote_despite_line_breaks_and_typography(
    run: Run, tmp_path: Path
) -> None:
    from briefing_app.model.source import Source, thread_post_locators
    from briefing_app.store import Project

    target = tmp_path / "t.briefing"
    text = (
        "1/ Fog covers the road.\n\n2/ The \u201ccorridor\u201d is now\nunder 5 km \u2013 barely."
    )
    with Project.create(target) as project:
        source = Source(id="", title="Thread", type="social", text=text)
        source.locators = thread_post_locators(text)
        project.sources.add(source)
    result = run("snippet", "add", target, "src1", "--quote",
                 '"corridor"  is now under 5 km - barely', "--credibility", "3", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data == {
        "id": "sn1", "source": "src1", "start": text.index("\u201ccorridor"),
        "end": len(text) - 1, "text": text[text.index("\u201ccorridor"):-1], "locator": "post 2",
        "credibility": 3, "tags": [], "note": "", "grade": "F3",
    }


def test_snippet_add_reports_a_quote_that_is_not_in_the_source(
    run: Run, sample_copy: Path
) -> None:
    result = run("snippet", "add", sample_copy, "src1", "--quote", "words never written")
    assert result.code == 1
    assert "does not occur in source src1" in result.err
    assert run("snippet", "list", sample_copy, "--json").json() == run(
        "snippet", "list", sample_copy, "--json").json()


def test_snippet_add_reports_an_ambiguous_quote_with_its_places(
    run: Run, sample_copy: Path
) -> None:
    result = run("snippet", "add", sample_copy, "src1", "--quote", "the")
    assert result.code == 1
    assert "times in source src1" in result.err
    assert "quote more words" in result.err


def test_snippet_add_rejects_an_impossible_credibility(run: Run, sample_copy: Path) -> None:
    before = run("snippet", "list", sample_copy, "--json").json()
    result = run("snippet", "add", sample_copy, "src1", "--quote",
                 "now hold the city in a semi-encirclement", "--credibility", "9")
    assert result.code == 1
    assert "credibility" in result.err
    assert run("snippet", "list", sample_copy, "--json").json() == before


def test_snippet_list_json_carries_provenance(run: Run, sample_file: Path) -> None:
    snippets = run("snippet", "list", sample_file, "--json").json()
    first = snippets[0]
    assert set(first) >= {"id", "source", "start", "end", "locator", "text", "grade"}
    assert first["grade"][0] in "ABCDEF"


def test_search_finds_former_place_names_with_highlighted_fragments(
    run: Run, sample_file: Path
) -> None:
    hits = run("search", sample_file, "Krasnoarmeysk", "--json").json()
    assert hits
    assert all("\u27e6" in h["fragment"] for h in hits)
    assert {"id", "source", "title", "fragment"} <= set(hits[0])


def test_search_with_fts_syntax_characters_does_not_fail(run: Run, sample_file: Path) -> None:
    result = run("search", sample_file, 'T0504 AND "(unbalanced', "--json")
    assert result.code == 0
    assert isinstance(result.json(), list)
