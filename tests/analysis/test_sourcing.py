"""Sourcing rules: unsourced claims, single-source and low-grade judgments."""

from __future__ import annotations

import pytest

from briefing_app.model.blocks import Chart, KeyJudgments, Scenarios, Table
from briefing_app.model.chart import ChartSpec, DataTable
from briefing_app.model.tradecraft import KeyJudgment, Scenario

from .builders import briefing, check, of_rule, rules


@pytest.mark.parametrize(
    "sentence",
    [
        "About 4,000 troops held the line.",
        "The corridor was 5km wide.",
        "The ring was said to close on 31 October.",
        "Losses ran into the thousands.",
        "The ministry wrote that “logistics is being maintained” all week.",
    ],
)
def test_a_claim_without_a_citation_is_flagged(sentence):
    findings = of_rule(check(briefing(f"Intro [@snA]. {sentence}")), "unsourced-claim")
    assert [(f.excerpt, f.location.sentence) for f in findings] == [(sentence, 2)]


@pytest.mark.parametrize(
    "text",
    [
        "About 4,000 troops held the line [@snA].",
        "About 4,000 troops held the line. [@snA]",
        "The T0504 highway and the 2S19 guns matter.",  # identifiers, not figures
        "We set out two scenarios and four signposts.",  # small counts describe the briefing
    ],
)
def test_cited_claims_and_sentences_without_figures_pass(text):
    assert "unsourced-claim" not in rules(check(briefing(text)))


def test_a_key_judgment_without_citations_is_unsourced():
    kj = KeyJudgment("The city will likely fall.", "likely", "moderate", cite=[], id="kj1")
    findings = of_rule(check(briefing(KeyJudgments([kj]))), "unsourced-claim")
    assert [f.location.item for f in findings] == ["kj1"]


def test_tables_and_charts_with_figures_need_a_citation():
    table = Table("Estimates", ["Who", "Troops"], [["Ledger", "4000"]])
    chart = Chart(ChartSpec("bar", "Troops", data=DataTable(["category", "value"], [["A", 1]])))
    assert rules(check(briefing(table, chart))) == ["unsourced-claim", "unsourced-claim"]
    table.cite = ["snA"]
    chart.spec.cite = ["snA"]
    assert rules(check(briefing(table, chart))) == []


def _scenario_citing(*refs: str) -> Scenarios:
    return Scenarios([Scenario("sc1", "Hold", "likely", cite=list(refs))])


def test_a_judgment_resting_on_one_source_is_single_source():
    # two snippets of the same source are still one source
    findings = of_rule(check(briefing(_scenario_citing("snB", "snB2"))), "single-source")
    assert [f.excerpt for f in findings] == ["Hold"]
    assert "srcB" in findings[0].message


def test_a_judgment_resting_on_two_sources_passes():
    assert "single-source" not in rules(check(briefing(_scenario_citing("snB", "snA"))))


def test_a_judgment_resting_only_on_e_and_f_sources_is_flagged():
    findings = of_rule(check(briefing(_scenario_citing("snE", "snF"))), "low-grade-sources")
    assert len(findings) == 1
    assert "srcE, graded E" in findings[0].message and "srcF, graded F" in findings[0].message


def test_one_source_of_known_reliability_is_enough_to_pass_the_grade_rule():
    findings = check(briefing(_scenario_citing("snE", "snF", "snC")))
    assert "low-grade-sources" not in rules(findings)


def test_a_whole_source_can_be_cited_directly():
    kj = KeyJudgment("It holds.", "likely", "low", cite=["srcA", "srcC"], id="kj1")
    assert rules(check(briefing(KeyJudgments([kj])))) == []
