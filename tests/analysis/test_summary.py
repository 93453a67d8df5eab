"""The drafted source summary statement and its organisation-editable template."""

from __future__ import annotations

import pytest

from briefing_app.analysis.errors import AnalysisError
from briefing_app.analysis.summary import draft_source_summary, join_and, summary_facts
from briefing_app.model.blocks import KeyJudgments
from briefing_app.model.tradecraft import KeyJudgment

from .builders import briefing, library


def judged(*cites: list[str]):
    items = [
        KeyJudgment(f"Judgment {n}.", "likely", "moderate", cite=c, id=f"kj{n}")
        for n, c in enumerate(cites, 1)
    ]
    return briefing(KeyJudgments(items), "Figures differ: 4,000 [@snA] against 7,000 [@snC].")


def draft(b, conflicts=(), template=None):
    sources, snippets = library()
    return draft_source_summary(b, sources, snippets, list(conflicts), template=template)


def test_counts_kinds_and_grades_of_the_sources_cited():
    text = " ".join(draft(judged(["snA", "snB"], ["snF"])))
    assert "draws on 4 sources of the 5 in the project library: 4 news articles." in text
    assert "1 A (completely reliable), 1 B (usually reliable), 1 C (fairly reliable)" in text
    assert "The reliability of 1 source cannot be judged (F)" in text


def test_names_what_the_judgments_rest_on_and_their_weaknesses():
    paragraphs = draft(judged(["snA", "snB"], ["snF"]))
    text = " ".join(paragraphs)
    assert "1 of the 2 key judgments (kj1) are supported by at least two independent" in text
    assert "Key judgment kj2 rests on a single source." in text
    assert "Key judgment kj2 rests only on sources graded unreliable (E)" in text


def test_reports_conflicts_and_whether_the_text_addresses_them():
    conflicts = [("snA", "snC", "4,000 vs 7,000"), ("snB", "snE", "corridor open or closed")]
    text = " ".join(draft(judged(["snA", "snC"]), conflicts))
    assert "conflict on 1 point: 4,000 vs 7,000 (Outlet A against Outlet C)." in text
    text = " ".join(draft(judged(["snB"]), conflicts))
    assert "corridor open or closed (Outlet B against Outlet E; not yet addressed" in text


def test_a_clean_source_base_says_so():
    text = " ".join(draft(judged(["snA", "snB"])))
    assert "No key judgment or scenario rests on a single source" in text
    assert "Every key judgment is supported by at least two independent sources." in text


def test_facts_are_plain_values_for_other_templates():
    sources, snippets = library()
    facts = summary_facts(judged(["snA", "snB"]), sources, snippets)
    assert [s.id for s in facts["sources"]] == ["srcA", "srcB", "srcC"]
    assert [k["phrase"] for k in facts["kinds"]] == ["3 news articles"]


def test_an_organisation_template_changes_the_wording(tmp_path):
    template = tmp_path / "summary.j2"
    template.write_text(
        "We used {{ sources | length }} sources.\n\nGraded "
        "{{ grades | map(attribute='grade') | join_and('or') }}.\n"
    )
    assert draft(judged(["snA", "snB"]), template=template) == [
        "We used 3 sources.",
        "Graded A, B or C.",
    ]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("{% if %}", "syntax error at line 1"),
        ("{{ sources.__class__.__mro__ }}", "tried something templates may not do"),
        ("{{ no_such_name }}", "may use only the names"),
    ],
)
def test_a_broken_or_hostile_template_gets_a_clear_message(tmp_path, body, words):
    template = tmp_path / "summary.j2"
    template.write_text(body)
    with pytest.raises(AnalysisError, match=words):
        draft(judged(["snA"]), template=template)


def test_join_and():
    assert [join_and([]), join_and(["a"]), join_and(["a", "b", "c"])] == ["", "a", "a, b and c"]
