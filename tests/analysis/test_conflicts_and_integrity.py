"""Conflicting sources, broken citations and quotations that do not match."""

from __future__ import annotations

from briefing_app.model.blocks import Quote

from .builders import briefing, check, of_rule, rules

CONFLICT = [("snA", "snC", "4,000 vs 7,000 troops")]


def test_a_conflict_cited_on_one_side_only_is_unaddressed():
    findings = of_rule(
        check(briefing("About 4,000 troops held [@snA]."), conflicts=CONFLICT),
        "unaddressed-conflict",
    )
    assert [f.excerpt for f in findings] == ["4,000 vs 7,000 troops"]
    assert "snA" in findings[0].message and "snC" in findings[0].message


def test_a_conflict_cited_apart_is_unaddressed():
    b = briefing("About 4,000 troops held [@snA].", "Others count 7,000 [@snC].")
    assert rules(check(b, conflicts=CONFLICT)) == ["unaddressed-conflict"]


def test_a_conflict_set_out_in_one_paragraph_is_addressed():
    b = briefing("Estimates run from 4,000 [@snA]. Another count is 7,000 [@snC].")
    assert rules(check(b, conflicts=CONFLICT)) == []


def test_a_conflict_the_briefing_does_not_touch_is_not_reported():
    assert rules(check(briefing("The corridor is 5 km wide [@snB]."), conflicts=CONFLICT)) == []


def test_a_citation_to_a_missing_snippet_is_flagged_where_it_is():
    findings = check(briefing("Intro [@snA]. Then 4 more [@sn404]."))
    assert [(f.rule, f.location.sentence) for f in findings] == [("missing-citation-target", 2)]
    assert rules(check(briefing(Quote("sn404")))) == ["missing-citation-target"]


def test_a_drifted_snippet_is_reported_once_at_its_first_citation():
    b = briefing("One [@snA].", "Two [@snA].")
    findings = check(b, drifted=["snA"])
    assert [(f.rule, f.location.block) for f in findings] == [("quote-drift", 1)]
    assert rules(check(b)) == []  # worked out from the library: nothing drifted


def test_drift_is_worked_out_from_the_library_when_not_given():
    from datetime import date

    from briefing_app.analysis.check import run_checks

    from .builders import library

    sources, snippets = library()
    sources[0].text = sources[0].text.replace("4,000", "9,000")
    findings = run_checks(
        briefing("One [@snA]."), sources, snippets, required=[], today=date(2025, 11, 10)
    )
    assert [f.rule for f in findings] == ["quote-drift"]


def test_a_quotation_must_match_what_the_sentence_cites():
    good = "The ministry said “logistics is being maintained” [@snB2]."
    cut = "The ministry said “the corridor was … wide” [@snB]."
    beyond = "Officials said “logistics is being maintained” [@snB]."  # same source, wider
    bad = "The ministry said “logistics is fully secure” [@snB2]."
    for ok in (good, cut, beyond):
        assert rules(check(briefing(ok))) == [], ok
    findings = check(briefing(bad))
    assert rules(findings) == ["quote-drift"]
    assert "logistics is fully secure" in findings[0].message
