"""Splitting and merging snippets, and finding every place that cites one."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.model.briefing_json import briefing_from_dict
from briefing_app.model.source import Source
from briefing_app.store import Project
from briefing_app.store.errors import ProjectError

TEXT = "The bridge at Rodynske fell on 3 November. Supply now moves at night only."


@pytest.fixture
def project(tmp_path: Path) -> Project:
    p = Project.create(tmp_path / "p.briefing")
    p.sources.add(Source(id="src1", title="Report", text=TEXT))
    p.sources.add(Source(id="src2", title="Other", text="Another text entirely."))
    p.snippets.add_quote("src1", "The bridge at Rodynske fell on 3 November.", id="sn1",
                         credibility=2, tags=["bridges"])
    p.snippets.add_quote("src1", "Supply now moves at night only.", id="sn2", credibility=3)
    p.snippets.add_quote("src2", "Another text", id="sn3")
    data = {"id": "br1", "title": "B", "sections": [{"heading": "Logistics", "blocks": [
        {"type": "paragraph", "text": "Bridges fell [@sn2, p. 2; @sn3]. Night moves [@sn2]."},
        {"type": "quote", "snippet": "sn2"},
        {"type": "key_judgments", "items": [{"text": "x", "cite": ["sn1", "sn2"]}]},
        {"type": "chart", "kind": "timeline", "data": {"columns": ["date", "label", "cite"],
         "rows": [["2025-11-03", "Bridge down", "sn2"]]}}]}]}
    p.briefings.save(briefing_from_dict(data, p.known_refs()))
    yield p
    p.close()


def test_usages_list_every_block_that_cites_a_snippet(project: Project) -> None:
    usages = project.snippets.usages("sn2")
    assert [(u.briefing_id, u.section, u.block_type) for u in usages] == [
        ("br1", "Logistics", "paragraph"), ("br1", "Logistics", "paragraph"),
        ("br1", "Logistics", "quote"), ("br1", "Logistics", "key_judgments"),
        ("br1", "Logistics", "chart"),
    ]
    assert project.snippets.usages("sn9") == []


def test_merge_joins_the_spans_and_rewrites_every_citation(project: Project) -> None:
    merged = project.snippets.merge("sn1", "sn2")
    assert merged.id == "sn1"
    assert merged.text == TEXT
    assert merged.credibility == 2
    assert not project.snippets.exists("sn2")
    briefing = project.briefings.get("br1")
    blocks = briefing.sections[0].blocks
    assert blocks[0].text == "Bridges fell [@sn1, p. 2; @sn3]. Night moves [@sn1]."
    assert blocks[1].snippet == "sn1"
    assert blocks[2].items[0].cite == ["sn1", "sn1"]
    assert blocks[3].spec.data.rows[0][2] == "sn1"
    assert project.integrity_problems() == []


def test_merge_refuses_snippets_of_different_sources(project: Project) -> None:
    with pytest.raises(ProjectError, match="different sources"):
        project.snippets.merge("sn1", "sn3")
    assert project.snippets.exists("sn3")


def test_split_keeps_the_id_on_the_first_part(project: Project) -> None:
    cut = TEXT.index(" on 3 November")
    first, second = project.snippets.split("sn1", cut)
    assert first.id == "sn1"
    assert first.text == "The bridge at Rodynske fell"
    assert second.text == "on 3 November."
    assert second.credibility == 2 and second.tags == ["bridges"]
    assert project.integrity_problems() == []


def test_split_outside_the_snippet_is_refused(project: Project) -> None:
    with pytest.raises(ProjectError, match="not inside"):
        project.snippets.split("sn1", len(TEXT))
    assert project.snippets.get("sn1").text.endswith("November.")


def test_merge_moves_marked_conflicts_to_the_merged_snippet(project: Project) -> None:
    project.db.execute("INSERT INTO conflicts(a, b, note) VALUES ('sn2', 'sn3', 'differ')")
    project.db.execute("INSERT INTO conflicts(a, b, note) VALUES ('sn1', 'sn2', 'self')")
    project.snippets.merge("sn1", "sn2")
    rows = project.db.execute("SELECT a, b, note FROM conflicts ORDER BY note").fetchall()
    assert rows == [("sn1", "sn3", "differ")]
