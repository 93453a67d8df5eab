"""Briefing JSON reading: every validation rule, each reported at its exact JSON path."""

from __future__ import annotations

from typing import Any

import pytest

from briefing_app.model.briefing_json import MAX_DEPTH, block_from_dict, briefing_from_dict
from briefing_app.model.errors import ValidationError, ValidationErrors


def briefing(*blocks: dict[str, Any], **meta: Any) -> dict[str, Any]:
    """A minimal valid briefing holding `blocks` in one section."""
    return {
        "title": "Outlook",
        "sections": [{"heading": "Summary", "blocks": list(blocks)}],
        **meta,
    }


def problems(data: Any, known_refs: set[str] | None = None) -> list[tuple[str, str]]:
    """(path, message) of every problem the reader reports; fails if it reports none."""
    with pytest.raises(ValidationErrors) as caught:
        briefing_from_dict(data, known_refs)
    return [(e.path, e.message) for e in caught.value.errors]


def paths(data: Any, known_refs: set[str] | None = None) -> list[str]:
    return [path for path, _ in problems(data, known_refs)]


def paragraph(text: str = "Text.") -> dict[str, Any]:
    return {"type": "paragraph", "text": text}


def key_judgment(**fields: Any) -> dict[str, Any]:
    return {"type": "key_judgments", "items": [{"text": "Forces withdraw.", **fields}]}


# ------------------------------------------------------------------ estimative language


def test_an_unknown_likelihood_term_is_reported_at_its_item():
    data = briefing(paragraph(), paragraph(), key_judgment(likelihood="perhaps"))
    [(path, message)] = problems(data)
    assert path == "$.sections[0].blocks[2].items[0].likelihood"
    assert "'perhaps'" in message
    assert "roughly even chance" in message  # the message lists what is allowed


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("probable", "likely"),
        ("Highly Probable", "very likely"),
        ("remote", "almost no chance"),
        ("highly-improbable", "very unlikely"),
        ("roughly even odds", "roughly even chance"),
        ("nearly certain", "almost certain"),
        ("  Likely ", "likely"),
    ],
)
def test_likelihood_synonyms_are_accepted_and_normalised_to_the_canonical_term(written, stored):
    b = briefing_from_dict(briefing(key_judgment(likelihood=written)))
    assert b.sections[0].blocks[0].items[0].likelihood == stored


def test_the_uk_yardstick_rejects_icd_only_terms_and_accepts_its_own():
    data = briefing(key_judgment(likelihood="very likely"), scale="uk-yardstick")
    assert paths(data) == ["$.sections[0].blocks[0].items[0].likelihood"]
    ok = briefing_from_dict(
        briefing(key_judgment(likelihood="Realistic possibility"), scale="uk-yardstick")
    )
    assert ok.sections[0].blocks[0].items[0].likelihood == "realistic possibility"
    assert ok.scale == "uk-yardstick"


def test_an_unknown_scale_is_reported_at_scale():
    assert paths(briefing(scale="sherman-kent")) == ["$.scale"]


def test_an_unknown_confidence_level_is_reported_and_case_is_normalised():
    assert paths(briefing(key_judgment(confidence="certain"))) == [
        "$.sections[0].blocks[0].items[0].confidence"
    ]
    b = briefing_from_dict(briefing(key_judgment(confidence="Moderate")))
    assert b.sections[0].blocks[0].items[0].confidence == "moderate"


def scenarios_and_signposts(**signpost: Any) -> dict[str, Any]:
    return briefing(
        {
            "type": "scenarios",
            "items": [{"id": "sc1", "title": "Withdrawal", "signposts": ["sp1"]}],
        },
        {"type": "signposts", "items": [{"id": "sp1", "name": "Corridor closes", **signpost}]},
    )


def test_an_unknown_diagnosticity_rating_is_reported_under_the_scenario_it_rates():
    data = scenarios_and_signposts(diagnosticity={"sc1": "maybe"})
    [(path, message)] = problems(data)
    assert path == "$.sections[0].blocks[1].items[0].diagnosticity.sc1"
    assert "'maybe'" in message


def test_an_unknown_signpost_status_is_reported():
    data = scenarios_and_signposts(status="seen")
    [(path, message)] = problems(data)
    assert path == "$.sections[0].blocks[1].items[0].status"
    assert "not observed, emerging, observed" in message


def test_a_signpost_review_interval_must_be_a_positive_whole_number():
    assert paths(scenarios_and_signposts(review_every_days=0)) == [
        "$.sections[0].blocks[1].items[0].review_every_days"
    ]
    assert paths(scenarios_and_signposts(review_every_days=True)) == [
        "$.sections[0].blocks[1].items[0].review_every_days"
    ]


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    ("date", "words"),
    [("2025-13-45", "no month 13"), ("2025-02-30", "no day 30"), ("10/11/2025", "YYYY-MM-DD")],
)
def test_impossible_dates_are_reported_at_their_field(date, words):
    [(path, message)] = problems(briefing(date=date))
    assert path == "$.date"
    assert words in message


def test_a_bad_signpost_review_date_is_reported_at_last_reviewed():
    assert paths(scenarios_and_signposts(last_reviewed="2025-02-30")) == [
        "$.sections[0].blocks[1].items[0].last_reviewed"
    ]


# ------------------------------------------------------------------ markings


def test_a_portion_marking_without_a_marking_scheme_is_reported():
    [(path, message)] = problems(briefing({"type": "paragraph", "text": "x", "marking": "U"}))
    assert path == "$.sections[0].blocks[0].marking"
    assert "marking_scheme" in message


def test_a_marking_outside_the_scheme_is_reported_with_the_allowed_levels():
    data = briefing({"type": "paragraph", "text": "x", "marking": "SECRET"}, marking_scheme="tlp")
    [(path, message)] = problems(data)
    assert path == "$.sections[0].blocks[0].marking"
    assert "TLP:CLEAR" in message


def test_an_unknown_marking_scheme_is_reported():
    assert paths(briefing(marking_scheme="martian")) == ["$.marking_scheme"]


def test_markings_are_stored_as_portion_marks_whatever_form_was_written():
    data = {
        "title": "T",
        "marking_scheme": "US",
        "sections": [
            {
                "heading": "H",
                "marking": "unclassified",
                "blocks": [
                    {"type": "paragraph", "text": "x", "marking": "(S)"},
                    key_judgment(marking="top secret"),
                ],
            }
        ],
    }
    b = briefing_from_dict(data)
    assert b.marking_scheme == "us"
    assert b.sections[0].marking == "U"
    assert b.sections[0].blocks[0].marking == "S"
    assert b.sections[0].blocks[1].items[0].marking == "TS"


def test_section_and_item_markings_are_checked_too():
    data = {
        "title": "T",
        "marking_scheme": "uk",
        "sections": [{"heading": "H", "marking": "CUI", "blocks": [key_judgment(marking="X")]}],
    }
    assert paths(data) == ["$.sections[0].marking", "$.sections[0].blocks[0].items[0].marking"]


# ------------------------------------------------------------------ charts and tables


def test_an_unknown_chart_kind_is_reported():
    chart = {"type": "chart", "kind": "pie", "data": {"columns": ["a"], "rows": [["1"]]}}
    [(path, message)] = problems(briefing(chart))
    assert path == "$.sections[0].blocks[0].kind"
    assert "timeline" in message


def test_a_ragged_chart_row_is_reported_at_the_row():
    chart = {
        "type": "chart",
        "kind": "bar",
        "data": {"columns": ["district", "strikes"], "rows": [["North", 4], ["South"]]},
    }
    [(path, message)] = problems(briefing(paragraph(), chart))
    assert path == "$.sections[0].blocks[1].data.rows[1]"
    assert "1 cells" in message and "2 columns" in message


def test_a_chart_cell_that_is_neither_text_nor_number_is_reported():
    chart = {"type": "chart", "kind": "bar", "data": {"columns": ["a"], "rows": [[{"x": 1}]]}}
    assert paths(briefing(chart)) == ["$.sections[0].blocks[0].data.rows[0][0]"]


def test_a_ragged_table_row_is_reported_at_the_row():
    table = {"type": "table", "columns": ["unit", "sector"], "rows": [["A", "B"], ["C", "D", "E"]]}
    assert paths(briefing(table)) == ["$.sections[0].blocks[0].rows[1]"]


def test_a_table_row_that_is_not_a_list_of_text_is_reported():
    table = {"type": "table", "columns": ["a"], "rows": [[1]]}
    assert paths(briefing(table)) == ["$.sections[0].blocks[0].rows[0]"]


# ------------------------------------------------------------------ structure


def test_an_unknown_block_type_is_reported_with_the_known_types():
    [(path, message)] = problems(briefing(paragraph(), {"type": "video"}))
    assert path == "$.sections[0].blocks[1].type"
    assert "key_judgments" in message


def test_unknown_fields_are_reported_wherever_they_are():
    data = briefing(
        {"type": "paragraph", "text": "x", "colour": "red"},
        key_judgment(weight=3),
        colour="blue",
    )
    data["sections"][0]["collapsed"] = True
    assert sorted(paths(data)) == [
        "$.colour",
        "$.sections[0].blocks[0].colour",
        "$.sections[0].blocks[1].items[0].weight",
        "$.sections[0].collapsed",
    ]


def test_required_fields_are_reported_when_missing():
    assert paths({"sections": []}) == ["$.title"]
    assert paths({"title": "T"}) == ["$.sections"]
    assert paths(briefing({"type": "paragraph"})) == ["$.sections[0].blocks[0].text"]
    assert paths(briefing({"type": "quote"})) == ["$.sections[0].blocks[0].snippet"]
    assert paths(briefing({"type": "image", "caption": "Map"})) == ["$.sections[0].blocks[0].path"]


def test_wrong_value_types_are_reported_not_coerced():
    data = briefing(show_bands="yes", authors="Jane Smith", notes="sidenotes")
    data["sections"][0]["level"] = 4
    assert sorted(paths(data)) == [
        "$.authors",
        "$.notes",
        "$.sections[0].level",
        "$.show_bands",
    ]


def test_a_document_that_is_not_an_object_is_reported_at_the_root():
    assert paths([{"title": "T"}]) == ["$"]
    assert paths(briefing("just text")) == ["$.sections[0].blocks[0]"]


def test_every_problem_is_reported_in_one_pass():
    data = briefing(key_judgment(likelihood="perhaps", confidence="total"), date="2025-13-01")
    assert paths(data) == [
        "$.date",
        "$.sections[0].blocks[0].items[0].likelihood",
        "$.sections[0].blocks[0].items[0].confidence",
    ]


# ------------------------------------------------------------------ references


def test_unknown_snippet_ids_are_reported_when_the_project_ids_are_known():
    data = briefing(
        paragraph("Shelling continued [@sn1; @sn9]."),
        {"type": "quote", "snippet": "sn8"},
        {"type": "table", "columns": ["a"], "rows": [["1"]], "cite": ["sn1", "@sn7"]},
        key_judgment(cite=["src3", "sn6"]),
        {
            "type": "chart",
            "kind": "timeline",
            "data": {"columns": ["date", "event", "cite"], "rows": [["2025-01-01", "x", "sn5"]]},
        },
    )
    assert paths(data, known_refs={"sn1", "src3"}) == [
        "$.sections[0].blocks[0].text",
        "$.sections[0].blocks[1].snippet",
        "$.sections[0].blocks[2].cite[1]",
        "$.sections[0].blocks[3].items[0].cite[1]",
        "$.sections[0].blocks[4].data",
    ]


def test_references_are_not_checked_without_known_refs():
    b = briefing_from_dict(briefing(paragraph("A claim [@sn404].")))
    assert b.citations()[0].ref == "sn404"


def test_a_leading_at_sign_in_cite_lists_is_dropped():
    b = briefing_from_dict(
        briefing({"type": "table", "columns": ["a"], "rows": [["1"]], "cite": ["@sn1"]}), {"sn1"}
    )
    assert b.sections[0].blocks[0].cite == ["sn1"]


def test_a_duplicate_scenario_id_is_reported_at_the_second_use():
    data = briefing(
        {"type": "scenarios", "items": [{"id": "sc1", "title": "A"}, {"id": "sc1", "title": "B"}]}
    )
    [(path, message)] = problems(data)
    assert path == "$.sections[0].blocks[0].items[1].id"
    assert "'sc1'" in message


def test_a_duplicate_signpost_id_is_reported_at_the_second_use_even_across_blocks():
    data = briefing(
        {"type": "signposts", "items": [{"id": "sp1", "name": "A"}]},
        paragraph(),
        {"type": "signposts", "items": [{"id": "sp2", "name": "B"}, {"id": "sp1", "name": "C"}]},
    )
    assert paths(data) == ["$.sections[0].blocks[2].items[1].id"]


def test_a_scenario_naming_an_unknown_signpost_is_reported_at_that_reference():
    data = briefing(
        {"type": "scenarios", "items": [{"id": "sc1", "title": "A", "signposts": ["sp1", "sp9"]}]},
        {"type": "signposts", "items": [{"id": "sp1", "name": "A"}]},
    )
    [(path, message)] = problems(data)
    assert path == "$.sections[0].blocks[0].items[0].signposts[1]"
    assert "'sp9'" in message


def test_a_signpost_rating_an_unknown_scenario_is_reported_at_that_rating():
    data = scenarios_and_signposts(diagnosticity={"sc1": "likely", "sc7": "unlikely"})
    [(path, message)] = problems(data)
    assert path == "$.sections[0].blocks[1].items[0].diagnosticity.sc7"
    assert "'sc7'" in message


# ------------------------------------------------------------------ depth and version


def nested_lists(depth: int) -> list[Any]:
    root: list[Any] = []
    node = root
    for _ in range(depth - 1):
        child: list[Any] = []
        node.append(child)
        node = child
    return root


def test_nesting_deeper_than_max_depth_is_refused_before_anything_else():
    # keywords sits at depth 1 under the root; its innermost list at depth MAX_DEPTH + 1
    data = briefing(keywords=nested_lists(MAX_DEPTH + 1))
    [(path, message)] = problems(data)
    assert path == "$"
    assert f"more than {MAX_DEPTH} levels" in message


def test_nesting_up_to_max_depth_is_read_normally():
    data = briefing(keywords=nested_lists(MAX_DEPTH))
    [(path, message)] = problems(data)  # only the ordinary type error
    assert path == "$.keywords"
    assert "list of text" in message


def test_a_newer_format_version_is_refused_and_says_to_update():
    [(path, message)] = problems(briefing(version=2))
    assert path == "$.version"
    assert "update Briefing Studio" in message


def test_a_foreign_format_name_is_refused():
    assert paths(briefing(format="docx")) == ["$.format"]


def test_the_current_version_and_format_name_are_accepted():
    b = briefing_from_dict(briefing(format="briefing-json", version=1))
    assert b.title == "Outlook"


# ------------------------------------------------------------------ single blocks


def test_block_from_dict_reads_one_block_with_the_briefings_scheme_and_scale():
    block = block_from_dict(key_judgment(likelihood="probable", marking="C"), "us", "icd203")
    assert block.items[0].likelihood == "likely"
    assert block.items[0].marking == "C"


def test_block_from_dict_reports_problems_at_the_block_path():
    with pytest.raises(ValidationErrors) as caught:
        block_from_dict({"type": "table", "columns": ["a"], "rows": [["1", "2"]]})
    assert [e.path for e in caught.value.errors] == ["$.sections[0].blocks[0].rows[0]"]


def test_validation_errors_are_value_errors_whose_text_names_the_path():
    error = ValidationError("is required", "$.title")
    assert isinstance(error, ValueError)
    assert str(error) == "$.title: is required"
    many = ValidationErrors([error, ValidationError("must be a list", "$.sections")])
    assert str(many).splitlines() == [
        "2 problem(s):",
        "$.title: is required",
        "$.sections: must be a list",
    ]
