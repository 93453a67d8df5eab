"""The whole check on the bundled sample (clean) and on the failing sample br2."""

from __future__ import annotations

import json
from datetime import date

import pytest

from briefing_app.analysis.check import has_errors, run_checks
from briefing_app.analysis.findings import RULES, findings_to_json
from briefing_app.analysis.project_checks import check_project, load_conflicts
from briefing_app.model.briefing_json import briefing_from_dict
from briefing_app.sample import build_sample, sample_dir
from briefing_app.store import Project

from .builders import briefing, check


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The sample project with br2 composed beside br1. br2 is read without the reference
    checks, as it cites a missing snippet and a deleted signpost on purpose."""
    path = build_sample(tmp_path_factory.mktemp("sample") / "sample.briefing")
    data = json.loads((sample_dir() / "briefing-checks.json").read_text(encoding="utf-8"))
    with Project.open(path) as project:
        project.briefings.save(briefing_from_dict(data, check_ids=False))
    return path


def test_the_sample_briefing_meets_every_standard(sample):
    with Project.open(sample) as project:
        assert check_project(project, "br1") == []
        assert check_project(project, "br1", today=date(2025, 11, 10)) == []


def test_the_failing_sample_breaks_each_rule_exactly_once(sample):
    with Project.open(sample) as project:
        findings = check_project(project, "br2")
    assert sorted(f.rule for f in findings) == sorted(RULES)


def test_findings_come_in_rule_order(sample):
    with Project.open(sample) as project:
        findings = check_project(project, "br2")
    assert [f.rule for f in findings] == list(RULES)


def test_the_sample_signposts_become_overdue_when_checked_later(sample):
    with Project.open(sample) as project:
        findings = check_project(project, "br1", today=date(2025, 11, 20))
    assert {f.rule for f in findings} == {"overdue-signpost"}
    assert len(findings) == 4


def test_conflicts_are_read_from_the_project(sample):
    with Project.open(sample) as project:
        conflicts = load_conflicts(project)
    assert ("sn3", "sn12", "Troop estimates on the axis differ: 110,000 vs 170,000") in conflicts


def test_json_form_of_a_finding():
    findings = check(briefing("About 4,000 troops held the line."))
    assert findings_to_json(findings) == [
        {
            "rule": "unsourced-claim",
            "severity": "warning",
            "location": "Body > block 1 > sentence 1",
            "anchor": {
                "section": "Body",
                "section_id": "s1",
                "block": 1,
                "block_id": "",
                "item": "",
                "sentence": 1,
            },
            "excerpt": "About 4,000 troops held the line.",
            "message": findings[0].message,
        }
    ]
    assert not has_errors(findings)
    assert has_errors(check(briefing("Text [@nothing].")))


def test_run_checks_reads_the_template_when_not_told(sample):
    b = briefing("Nothing here.", template="strategic")
    assert [f.rule for f in run_checks(b, [], [])] == ["missing-required-section"]
    b.template = "sitrep"
    assert run_checks(b, [], []) == []


def test_a_copied_edition_differs_only_where_it_was_edited(sample):
    from briefing_app.analysis.project_checks import diff_editions

    with Project.open(sample) as project:
        new_id = project.briefings.copy_edition("br1")
        assert diff_editions(project, "br1", new_id) == []
        edition = project.briefings.get(new_id)
        edition.signposts()[1].status = "observed"
        project.briefings.save(edition)
        changes = diff_editions(project, "br1", new_id)
        project.briefings.remove(new_id)
    assert [c.text for c in changes] == [
        "Signpost status: Corridor to Myrnohrad narrows below 2 km (emerging → observed)"
    ]


def test_the_sample_source_summary_is_drafted_from_its_library(sample):
    from briefing_app.analysis.project_checks import source_summary_for_project

    with Project.open(sample) as project:
        paragraphs = source_summary_for_project(project, "br1")
    assert paragraphs[0].startswith("This assessment draws on 7 sources: 3 news articles,")
    assert any("Troop estimates on the axis differ: 110,000 vs 170,000" in p for p in paragraphs)
