"""Adapters from a project file: only what a briefing cites is loaded, with the same result."""

from __future__ import annotations

from pathlib import Path

from briefing_app.analysis.project_checks import cited_library, load_conflicts
from briefing_app.analysis.summary import draft_source_summary
from briefing_app.store import Project


def test_only_cited_snippets_their_sources_and_conflict_partners_are_loaded(sample_copy: Path):
    with Project.open(sample_copy) as project:
        briefing = project.briefings.get("br1")
        cited = {c.ref for c in briefing.citations()}
        # An uncited source with a snippet, and an uncited snippet in conflict with a
        # cited one: the first stays out, the second (and its source) comes in.
        other = project.sources.get("src7")
        extra = project.snippets.add_offsets(other.id, 0, 20)
        partner = project.snippets.add_offsets("src3", 0, 15)
        first_cited = next(r for r in cited if r.startswith("sn"))
        with project.transaction() as db:
            db.execute("INSERT INTO conflicts(a, b, note) VALUES (?, ?, 'dates differ')",
                       (first_cited, partner.id))
        library = cited_library(project, briefing)

        assert set(library.snippets) == {r for r in cited if r.startswith("sn")} | {partner.id}
        assert extra.id not in library.snippets
        expected = {s.source_id for s in library.snippets.values()} | {
            r for r in cited if r.startswith("src")
        }
        assert set(library.sources) == expected
        assert all(s.text == "" for s in library.sources.values())  # metadata only
        assert library.library_count == project.sources.count()
        assert library.conflicts == load_conflicts(project)


def test_the_summary_from_the_cited_library_matches_the_one_from_the_whole(sample_copy: Path):
    with Project.open(sample_copy) as project:
        for briefing_id in ("br1", "br2"):
            briefing = project.briefings.get(briefing_id)
            whole = draft_source_summary(
                briefing, project.sources.list(), project.snippets.list(),
                load_conflicts(project),
            )
            library = cited_library(project, briefing)
            cited = draft_source_summary(
                briefing, library.sources.values(), library.snippets.values(),
                library.conflicts, library_count=library.library_count,
            )
            assert cited == whole


def test_the_check_from_the_cited_library_finds_what_the_whole_library_finds(sample_copy: Path):
    from briefing_app.analysis.check import run_checks
    from briefing_app.analysis.project_checks import check_project

    with Project.open(sample_copy) as project:
        for briefing_id in ("br1", "br2"):  # br2 breaks every rule once
            briefing = project.briefings.get(briefing_id)
            whole = run_checks(briefing, project.sources.list(), project.snippets.list(),
                               conflicts=load_conflicts(project))
            assert check_project(project, briefing_id) == whole
        assert len(whole) >= 19
