"""`briefing snippet …` and `briefing search` on the sample project."""

from __future__ import annotations

from pathlib import Path

from tests.cli_runner import Run


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
        "credibility": 3, "tags": [], "note": "", "grade": "F3", "translation": "",
        "translator": "",
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


def test_search_filters_by_type_grade_date_and_outlet(run: Run, sample_file: Path) -> None:
    def sources(*args: str) -> set[str]:
        hits = run("search", sample_file, "Pokrovsk", *args, "--json").json()
        return {h["source"] for h in hits}

    everything = sources()
    assert {"src3", "src4"} < everything
    assert sources("--type", "social", "--type", "report") == {"src3", "src4"}
    assert sources("--grades", "A-C", "--from", "2025-11", "--outlet", "frontier") == {"src4"}
    assert sources("--to", "2025-10") == {"src1", "src5", "src7"}  # src7 in Ukrainian
    assert sources("--grades", "F") == {"src3"}


def test_search_with_an_unknown_grade_says_which_grades_exist(
    run: Run, sample_file: Path
) -> None:
    result = run("search", sample_file, "Pokrovsk", "--grades", "XYZ")
    assert result.code != 0
    assert "unknown reliability grade 'X'; use A-F" in result.err
    assert "Traceback" not in result.err


def test_search_with_fts_syntax_characters_does_not_fail(run: Run, sample_file: Path) -> None:
    result = run("search", sample_file, 'T0504 AND "(unbalanced', "--json")
    assert result.code == 0
    assert isinstance(result.json(), list)


def test_source_add_imports_detects_metadata_and_reports_duplicates(
    run: Run, tmp_path: Path
) -> None:
    project = tmp_path / "lib.briefing"
    assert run("new", project).code == 0
    article = tmp_path / "bridges.txt"
    article.write_text(
        "Bridges cut near Pokrovsk\nBy Jane Smith\ndate 2025-11-07\n\n"
        "The T0504 highway is under drone fire.\n\nSupply runs at night.\n",
        encoding="utf-8",
    )
    first = run("source", "add", project, article, "--type", "article", "--reliability", "B",
                "--descriptor", "Regional daily", "--json")
    assert first.code == 0, first.err
    [added] = first.json()
    assert added["id"] == "src1"
    assert added["title"] == "Bridges cut near Pokrovsk"
    assert added["authors"] == ["Jane Smith"]
    assert added["issued"] == "2025-11-07"
    assert (added["type"], added["reliability"]) == ("article", "B")
    assert added["duplicate_of"] is None
    again = run("source", "add", project, article, "--json")
    assert again.json()[0]["duplicate_of"] == "src1"
    assert len(run("source", "list", project, "--json").json()) == 1


def test_source_add_reports_a_bad_file_and_still_imports_the_good_one(
    run: Run, tmp_path: Path
) -> None:
    project = tmp_path / "lib.briefing"
    run("new", project)
    good = tmp_path / "good.txt"
    good.write_text("A title\n\nSome body text about the corridor.\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("source", "add", project, empty, good, tmp_path / "missing.txt", "--json")
    assert result.code == 1
    assert [s["title"] for s in result.json()] == ["A title"]
    assert "empty.txt" in result.err and "missing.txt" in result.err
    assert "Traceback" not in result.err


def test_source_add_rejects_a_bad_flag_before_reading_anything(
    run: Run, tmp_path: Path
) -> None:
    project = tmp_path / "lib.briefing"
    run("new", project)
    good = tmp_path / "good.txt"
    good.write_text("A title\n\nBody.\n", encoding="utf-8")
    result = run("source", "add", project, good, "--reliability", "G")
    assert result.code == 1
    assert "reliability" in result.err
    assert run("source", "list", project, "--json").json() == []


def test_source_list_exports_csl_json_for_reference_managers(
    run: Run, sample_file: Path
) -> None:
    import json

    items = json.loads(run("source", "list", sample_file, "--format", "csl-json").out)
    assert {i["id"] for i in items} >= {"src1", "src2"}
    assert all(i["title"] and i["type"] for i in items)
    assert "@" in run("source", "list", sample_file, "--format", "bibtex").out


def test_snippet_add_takes_a_locator_override_and_a_translation(run: Run, tmp_path: Path) -> None:
    from briefing_app.model.source import Source
    from briefing_app.store import Project

    target = tmp_path / "t.briefing"
    with Project.create(target) as project:
        project.sources.add(Source(id="", title="Допис", text="Колона виїхала вночі."))
    result = run("snippet", "add", target, "src1", "--quote", "Колона виїхала вночі",
                 "--locator", "p. 7", "--translation", "The column left at night",
                 "--translator", "analyst", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert (data["locator"], data["translation"], data["translator"]) == (
        "p. 7", "The column left at night", "analyst")


def test_snippet_usages_and_merge(run: Run, sample_copy: Path) -> None:
    usages = run("snippet", "usages", sample_copy, "sn2", "--json").json()
    assert usages and all(u["briefing"] in {"br1", "br2"} for u in usages)
    merged = run("snippet", "merge", sample_copy, "sn2", "sn3", "--json")
    assert merged.code == 0, merged.err
    assert merged.json()["id"] == "sn2"
    assert run("snippet", "usages", sample_copy, "sn3").code == 1  # gone, cleanly reported
    assert run("check", sample_copy, "--json").code == 0  # no dangling citation left
    across = run("snippet", "merge", sample_copy, "sn2", "sn8")
    assert across.code == 1 and "different sources" in across.err


def test_source_add_imports_a_folder_file_by_file(run: Run, tmp_path: Path) -> None:
    project = tmp_path / "lib.briefing"
    run("new", project)
    folder = tmp_path / "inbox"
    folder.mkdir()
    for n in range(3):
        (folder / f"note{n}.txt").write_text(
            f"Field note {n}\n\nObservation number {n} about the rail line north of the city.\n",
            encoding="utf-8",
        )
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = run("source", "add", project, folder, "--json")
    assert result.code == 1
    assert sorted(s["title"] for s in result.json()) == [
        "Field note 0", "Field note 1", "Field note 2"]
    assert "broken.txt" in result.err
    assert len(run("source", "list", project, "--json").json()) == 3
