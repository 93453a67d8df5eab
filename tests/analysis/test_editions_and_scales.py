"""What changed between editions, and moving a briefing to another likelihood scale."""

from __future__ import annotations

import copy

from briefing_app.analysis.editions import diff_briefings
from briefing_app.analysis.scales import convert_scale
from briefing_app.model.blocks import KeyJudgments, Scenarios, Signposts
from briefing_app.model.tradecraft import KeyJudgment, Scenario, Signpost

from .builders import briefing


def edition():
    return briefing(
        KeyJudgments(
            [
                KeyJudgment("The city falls.", "likely", "moderate", ["snA"], id="kj1"),
                KeyJudgment("Strikes go on.", "very likely", "high", ["snB"], id="kj2"),
            ]
        ),
        Scenarios(
            [
                Scenario("sc1", "Withdrawal", "likely", signposts=["sp1"]),
                Scenario("sc2", "Defence", "unlikely", signposts=["sp1"]),
            ]
        ),
        Signposts([Signpost("sp1", "Equipment leaves", status="not observed")]),
        "The outlook is highly likely to worsen [@snA].",
    )


def test_identical_editions_have_no_changes():
    assert diff_briefings(edition(), edition()) == []


def test_changes_to_judgments_likelihoods_bands_and_statuses_are_listed():
    old, new = edition(), edition()
    kjs, scs, sps = (new.sections[0].blocks[i].items for i in range(3))
    kjs[0].likelihood = "very likely"
    kjs[0].confidence = "high"
    kjs[1].text = "Strikes go on all winter."
    kjs.append(KeyJudgment("Talks stall.", "unlikely", "low", id="kj3"))
    scs[1].likelihood = "roughly even chance"
    del scs[0]
    sps[0].status = "emerging"
    lines = [c.text for c in diff_briefings(old, new)]
    assert lines == [
        "Key judgment likelihood: The city falls. (likely (55-80%) → very likely (80-95%))",
        "Key judgment confidence: The city falls. (moderate → high)",
        "Key judgment reworded: Strikes go on all winter. (Strikes go on. → Strikes go on all "
        "winter.)",
        "New key judgment: Talks stall. (none → unlikely (20-45%))",
        "Scenario likelihood: Defence (unlikely (20-45%) → roughly even chance (45-55%))",
        "Scenario dropped: Withdrawal (likely (55-80%) → none)",
        "Signpost status: Equipment leaves (not observed → emerging)",
    ]
    assert [c.kind for c in diff_briefings(old, new)][:3] == [
        "likelihood-changed",
        "confidence-changed",
        "judgment-reworded",
    ]


def test_a_scale_change_between_editions_shows_as_a_band_change():
    old = edition()
    new = copy.deepcopy(old)
    convert_scale(new, "uk-yardstick")
    changes = {c.subject: (c.before, c.after) for c in diff_briefings(old, new)}
    assert changes["The city falls."] == ("likely (55-80%)", "likely (55-75%)")
    assert changes["Strikes go on."] == ("very likely (80-95%)", "highly likely (80-90%)")


def test_convert_scale_maps_terms_to_the_nearest_band_and_lists_prose_to_reread():
    b = edition()
    lines = convert_scale(b, "uk-yardstick")
    assert b.scale == "uk-yardstick"
    assert [kj.likelihood for kj in b.sections[0].blocks[0].items] == ["likely", "highly likely"]
    assert lines[:2] == [
        "key judgment kj1: likely (55-80% → 55-75%)",
        "key judgment kj2: very likely (80-95%) → highly likely (80-90%)",
    ]
    assert convert_scale(b, "uk-yardstick") == []
    back = convert_scale(b, "icd203")
    assert "key judgment kj2: highly likely (80-90%) → very likely (80-95%)" in back
    assert any(
        line.startswith("reread Body > block 4 (sentence 1): 'highly likely'") for line in back
    )
