"""Estimative language: hedges, off-scale terms, mixed rows, confidence with likelihood."""

from __future__ import annotations

import pytest

from briefing_app.model.blocks import KeyJudgments, Scenarios
from briefing_app.model.tradecraft import KeyJudgment, Scenario

from .builders import briefing, check, of_rule, rules


@pytest.mark.parametrize("word", ["could", "might", "may", "probably", "possibly", "perhaps"])
def test_hedges_used_as_a_judgment_are_off_scale(word):
    findings = of_rule(
        check(briefing(f"The garrison {word} hold out [@snA].")), "off-scale-language"
    )
    assert len(findings) == 1
    assert repr(word) in findings[0].message and "ICD 203" in findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        "The garrison is likely to hold out [@snA].",
        "Officials said the garrison could hold out [@snB].",  # the source's hedge, reported
        "The ring was declared closed in May 2025 [@snE].",  # the month
        "He wrote that “the garrison might hold out” [@snA].",  # inside a quotation
    ],
)
def test_scale_terms_reported_speech_months_and_quotations_pass(text):
    assert "off-scale-language" not in rules(check(briefing(text)))


def test_a_term_from_the_other_scale_is_off_scale_with_the_nearest_term():
    findings = of_rule(
        check(briefing("A breakout is a realistic possibility [@snA].")), "off-scale-language"
    )
    assert len(findings) == 1
    assert "'roughly even chance' (45-55%)" in findings[0].message
    uk = of_rule(
        check(briefing("A breakout is very likely [@snA].", scale="uk-yardstick")),
        "off-scale-language",
    )
    assert "'highly likely' (80-90%)" in uk[0].message


def test_remote_counts_only_as_a_judgment():
    assert rules(check(briefing("Remote sensing shows a remote village [@snA]."))) == []
    text = "A ceasefire is a remote possibility [@snA]. A deal is likely [@snB]."
    assert rules(check(briefing(text))) == ["mixed-scale-rows"]


def test_synonym_row_alongside_standard_terms_is_mixed():
    findings = check(
        briefing(
            "A withdrawal is probable [@snA].",
            Scenarios([Scenario("sc1", "Hold", "unlikely", cite=["snA", "snB"])]),
        ),
    )
    mixed = of_rule(findings, "mixed-scale-rows")
    assert [f.excerpt for f in mixed] == ["A withdrawal is probable."]
    assert "'likely' (55-80%)" in mixed[0].message


def test_synonym_row_alone_is_not_mixed():
    text = "A withdrawal is probable [@snA]. A collapse is highly improbable [@snB]."
    assert rules(check(briefing(text))) == []


def test_confidence_and_likelihood_in_one_sentence_are_flagged():
    text = "We judge with high confidence that the city will almost certainly fall [@snA]."
    findings = of_rule(check(briefing(text)), "confidence-with-likelihood")
    assert len(findings) == 1 and "'high confidence'" in findings[0].message


def test_confidence_in_its_own_sentence_passes():
    text = (
        "The city will almost certainly fall [@snA]. We have high confidence in this "
        "because two sources agree [@snB]."
    )
    assert rules(check(briefing(text))) == []


def test_key_judgment_statements_are_checked_too():
    kj = KeyJudgment("The city might fall.", "likely", "low", cite=["snA", "snB"], id="kj1")
    findings = of_rule(check(briefing(KeyJudgments([kj]))), "off-scale-language")
    assert [f.location.item for f in findings] == ["kj1"]
