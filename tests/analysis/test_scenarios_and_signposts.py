"""Scenario and signpost rules: links, band coherence, diagnosticity, review dates."""

from __future__ import annotations

from datetime import date

import pytest

from briefing_app.model.blocks import Scenarios, Signposts
from briefing_app.model.tradecraft import Scenario, Signpost

from .builders import briefing, check, of_rule, rules

CITES = ["snA", "snB"]
RATINGS = {"sc1": "highly likely", "sc2": "unlikely"}


def scenarios(*terms: str, signposts: tuple[list[str], ...] = (["sp1"], ["sp1"])) -> Scenarios:
    return Scenarios(
        [
            Scenario(f"sc{n}", f"Future {n}", term, signposts=list(signposts[n - 1]), cite=CITES)
            for n, term in enumerate(terms, 1)
        ]
    )


def signpost(
    sp_id: str = "sp1",
    ratings: dict[str, str] | None = None,
    last_reviewed: str = "2025-11-08",
    every: int | None = 7,
) -> Signpost:
    return Signpost(
        sp_id,
        f"Indicator {sp_id}",
        diagnosticity=dict(RATINGS if ratings is None else ratings),
        last_reviewed=last_reviewed,
        review_every_days=every,
        cite=["snA"],
    )


def test_a_well_formed_set_passes():
    assert rules(check(briefing(scenarios("likely", "unlikely"), Signposts([signpost()])))) == []


def test_a_scenario_without_signposts_is_flagged():
    b = briefing(scenarios("likely", "unlikely", signposts=(["sp1"], [])), Signposts([signpost()]))
    findings = of_rule(check(b), "scenario-without-signposts")
    assert [(f.location.item, f.excerpt) for f in findings] == [("sc2", "Future 2")]


def test_a_signpost_that_no_longer_exists_is_a_dangling_reference():
    b = briefing(
        scenarios("likely", "unlikely", signposts=(["sp1"], ["sp1", "sp7"])),
        Signposts([signpost()]),
    )
    findings = of_rule(check(b), "dangling-reference")
    assert len(findings) == 1 and "'sp7'" in findings[0].message
    assert "scenario-without-signposts" not in rules(check(b))


@pytest.mark.parametrize(
    ("terms", "words"),
    [(("likely", "likely"), "lower ends"), (("unlikely", "very unlikely"), "upper ends")],
)
def test_bands_that_cannot_sum_to_100_are_incoherent(terms, words):
    b = briefing(scenarios(*terms), Signposts([signpost()]))
    findings = of_rule(check(b), "scenario-bands-incoherent")
    assert len(findings) == 1 and words in findings[0].message


def test_a_signpost_no_scenario_lists_is_an_orphan():
    b = briefing(scenarios("likely", "unlikely"), Signposts([signpost(), signpost("sp2")]))
    assert [f.location.item for f in of_rule(check(b), "orphan-signpost")] == ["sp2"]


@pytest.mark.parametrize(
    "ratings",
    [{"sc1": "could", "sc2": "could"}, {"sc1": "likely"}, {}],
)
def test_a_signpost_rated_alike_everywhere_is_non_diagnostic(ratings):
    b = briefing(scenarios("likely", "unlikely"), Signposts([signpost(ratings=ratings)]))
    assert len(of_rule(check(b), "non-diagnostic-signpost")) == 1


def test_overdue_is_judged_as_of_the_briefing_date_by_default():
    b = briefing(
        scenarios("likely", "unlikely"),
        Signposts([signpost(last_reviewed="2025-11-01", every=7)]),
        date="2025-11-08",
    )
    assert "overdue-signpost" not in rules(check(b))  # due on the briefing's own date
    b.date = "2025-11-09"
    findings = of_rule(check(b), "overdue-signpost")
    assert len(findings) == 1 and "due 2025-11-08, 1 day before 2025-11-09" in findings[0].message


def test_overdue_against_an_explicit_date_and_never_without_a_cadence():
    b = briefing(scenarios("likely", "unlikely"), Signposts([signpost()]))
    assert "overdue-signpost" not in rules(check(b, today=date(2025, 11, 15)))
    assert "overdue-signpost" in rules(check(b, today=date(2025, 11, 16)))
    b.sections[0].blocks[1].items[0].review_every_days = None
    assert "overdue-signpost" not in rules(check(b, today=date(2026, 1, 1)))


def test_a_rating_against_a_deleted_scenario_is_dangling():
    ratings = {**RATINGS, "sc9": "likely"}
    b = briefing(scenarios("likely", "unlikely"), Signposts([signpost(ratings=ratings)]))
    findings = of_rule(check(b), "dangling-reference")
    assert len(findings) == 1 and "'sc9'" in findings[0].message
