"""Marking and structure rules."""

from __future__ import annotations

import json

import pytest

from briefing_app.analysis.errors import AnalysisError
from briefing_app.analysis.structure import check_structure, has_section, required_sections
from briefing_app.model.blocks import KeyJudgments, Paragraph
from briefing_app.model.briefing import Briefing, Section
from briefing_app.model.tradecraft import KeyJudgment

from .builders import briefing, check, of_rule, rules


def marked(*markings: str, **meta: object) -> Briefing:
    b = briefing(
        *(Paragraph(f"Fact {n} [@snA].", marking=m) for n, m in enumerate(markings)),
        marking_scheme="us",
        **meta,
    )
    b.sections[0].marking = "U"
    return b


def test_all_portions_marked_passes():
    assert rules(check(marked("U", "CUI"))) == []


def test_an_unmarked_portion_among_marked_ones_is_flagged():
    findings = of_rule(check(marked("U", "")), "unmarked-portion")
    assert [(f.location.block, f.excerpt) for f in findings] == [(2, "Fact 1.")]


def test_a_briefing_with_no_markings_at_all_passes():
    b = briefing("Fact [@snA].", marking_scheme="us")
    assert rules(check(b)) == []


def test_a_portion_above_the_explicit_banner_is_flagged():
    findings = of_rule(
        check(marked("U", "S", classification="CONFIDENTIAL")), "portion-above-banner"
    )
    assert [f.location.block for f in findings] == [2]
    assert rules(check(marked("U", "C", classification="CONFIDENTIAL"))) == []


def test_unknown_markings_are_flagged_in_the_banner_portions_and_typed_text():
    assert rules(check(marked("U", classification="UNCLASSIFIED//XYZ"))) == ["unknown-marking"]
    assert rules(check(marked("U", "Q"))) == ["unknown-marking"]
    b = marked("U")
    b.sections[0].blocks[0].text = "(FOUO) Fact [@snA]."
    assert [f.excerpt for f in check(b)] == ["(FOUO)"]
    b.sections[0].blocks[0].text = "(U) Fact [@snA]."
    assert rules(check(b)) == []


def test_markings_without_a_scheme_are_unknown():
    b = briefing(Paragraph("Fact [@snA].", marking="U"))
    assert rules(check(b)) == ["unknown-marking"]


def test_required_sections_by_block_type_and_by_heading_role():
    kj = KeyJudgments([KeyJudgment("It holds.", "likely", "low", ["snA", "snB"], id="kj1")])
    b = briefing(kj)
    assert has_section(b, "key_judgments")
    assert not has_section(b, "bluf")
    b.sections.insert(0, Section("Bottom line up front", 1, [Paragraph("It holds [@snA].")]))
    assert has_section(b, "bluf")
    missing = list(check_structure(_ctx(briefing("Text.")), ["key_judgments", "bluf"]))
    assert [f.excerpt for f in missing] == ["key judgments", "bluf"]


def _ctx(b: Briefing):
    from datetime import date

    from briefing_app.analysis.context import CheckContext

    return CheckContext.build(b, [], [], as_of=date(2025, 11, 10))


def test_required_sections_are_read_from_the_template(tmp_path):
    (tmp_path / "memo").mkdir()
    (tmp_path / "memo" / "template.json").write_text(
        json.dumps({"name": "Policy memo", "required_sections": ["bluf"]})
    )
    assert required_sections("memo", tmp_path) == ["bluf"]
    assert required_sections("absent", tmp_path) == []
    assert required_sections("../etc", tmp_path) == []
    assert required_sections("strategic") == ["key_judgments"]


def test_a_broken_template_says_which_file_and_what_is_wrong(tmp_path):
    (tmp_path / "memo").mkdir()
    (tmp_path / "memo" / "template.json").write_text("{not json")
    with pytest.raises(AnalysisError, match=r"template\.json cannot be read"):
        required_sections("memo", tmp_path)
    (tmp_path / "memo" / "template.json").write_text('{"required_sections": "bluf"}')
    with pytest.raises(AnalysisError, match="must be a list"):
        required_sections("memo", tmp_path)
