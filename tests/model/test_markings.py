"""Markings: levels per scheme, the high-water mark, portion marks and banner text."""

from __future__ import annotations

import pytest

from briefing_app.model.blocks import Chart, KeyJudgments, Paragraph
from briefing_app.model.briefing import Briefing, Section
from briefing_app.model.chart import ChartSpec
from briefing_app.model.errors import ValidationError
from briefing_app.model.markings import SCHEMES, get_scheme
from briefing_app.model.tradecraft import KeyJudgment

US = SCHEMES["us"]
TLP = SCHEMES["tlp"]


def test_us_levels_rank_u_below_cui_below_c_below_s_below_ts():
    ranked = sorted(US.levels, key=lambda level: level.rank)
    assert [level.portion for level in ranked] == ["U", "CUI", "C", "S", "TS"]


@pytest.mark.parametrize(
    ("markings", "banner"),
    [
        (["U"], "UNCLASSIFIED"),
        (["U", "CUI"], "CUI"),
        (["CUI", "C", "U"], "CONFIDENTIAL"),
        (["U", "S", "C"], "SECRET"),
        (["TS", "S", "U", "CUI"], "TOP SECRET"),
    ],
)
def test_the_us_high_water_mark_is_the_highest_portion_spelled_out(markings, banner):
    assert US.highest(markings).banner == banner


def test_no_marked_portion_gives_no_high_water_mark():
    assert US.highest([]) is None
    assert US.highest(["", ""]) is None


def test_the_high_water_mark_refuses_a_marking_outside_the_scheme():
    with pytest.raises(ValidationError) as caught:
        US.highest(["U", "TLP:RED"])
    assert "not in the US classification scheme" in caught.value.message


def test_tlp_labels_are_exactly_the_five_of_tlp_2():
    assert [level.portion for level in TLP.levels] == [
        "TLP:CLEAR",
        "TLP:GREEN",
        "TLP:AMBER",
        "TLP:AMBER+STRICT",
        "TLP:RED",
    ]
    assert [level.banner for level in TLP.levels] == [level.portion for level in TLP.levels]
    assert TLP.is_tlp and not US.is_tlp


def test_tlp_amber_and_amber_strict_are_different_levels():
    assert TLP.lookup("tlp:amber+strict").portion == "TLP:AMBER+STRICT"
    assert TLP.lookup("TLP:AMBER").portion == "TLP:AMBER"
    assert TLP.highest(["TLP:AMBER", "TLP:AMBER+STRICT", "TLP:GREEN"]).portion == "TLP:AMBER+STRICT"


@pytest.mark.parametrize("wrong", ["AMBER", "TLP:WHITE", "TLP: RED", "RED"])
def test_tlp_refuses_anything_but_the_exact_labels(wrong):
    assert TLP.lookup(wrong) is None


def test_portion_marks_are_the_short_form_in_brackets_whatever_form_is_given():
    assert US.portion_mark("U") == "(U)"
    assert US.portion_mark("unclassified") == "(U)"
    assert US.portion_mark("(s)") == "(S)"
    assert US.portion_mark("Top Secret") == "(TS)"
    assert SCHEMES["uk"].portion_mark("official-sensitive") == "(OS)"
    assert TLP.portion_mark("tlp:green") == "(TLP:GREEN)"


def test_a_portion_mark_outside_the_scheme_names_the_allowed_levels():
    with pytest.raises(ValidationError) as caught:
        US.portion_mark("OFFICIAL")
    assert caught.value.path == "marking"
    assert "U, CUI, C, S, TS" in caught.value.message


def test_every_scheme_has_distinct_ranks_and_spelled_out_banners():
    for scheme in SCHEMES.values():
        ranks = [level.rank for level in scheme.levels]
        assert ranks == sorted(set(ranks)), scheme.key
        for level in scheme.levels:
            assert scheme.lookup(level.portion) is level
            assert scheme.lookup(level.banner) is level
            for alias in level.aliases:
                assert scheme.lookup(alias) is level


def test_eu_aliases_reach_their_levels():
    assert SCHEMES["eu"].lookup("EU RESTRICTED").banner == "RESTREINT UE/EU RESTRICTED"
    assert SCHEMES["eu"].lookup("eu-ts").portion == "TS-UE"


def test_get_scheme_is_case_blind_empty_means_none_and_unknown_is_refused():
    assert get_scheme("NATO") is SCHEMES["nato"]
    assert get_scheme("") is None
    assert get_scheme(None) is None
    with pytest.raises(ValidationError) as caught:
        get_scheme("secret-squirrel")
    assert caught.value.path == "marking_scheme"
    assert "us, uk, nato, eu, tlp" in caught.value.message


def test_the_banner_of_a_briefing_is_the_high_water_mark_of_every_portion():
    chart = Chart(ChartSpec("bar"), marking="U", caption_marking="C")
    briefing = Briefing(
        title="T",
        marking_scheme="us",
        sections=[
            Section("One", marking="U", blocks=[Paragraph("a", marking="CUI"), chart]),
            Section("Two", blocks=[KeyJudgments([KeyJudgment("k", marking="S")], marking="U")]),
        ],
    )
    assert sorted(briefing.portion_markings()) == ["C", "CUI", "S", "U", "U", "U"]
    scheme = get_scheme(briefing.marking_scheme)
    assert scheme.highest(briefing.portion_markings()).banner == "SECRET"
