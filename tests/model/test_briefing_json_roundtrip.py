"""Briefing JSON writing: a briefing survives the trip to JSON and back unchanged."""

from __future__ import annotations

import json

from briefing_app.model.blocks import (
    BLOCK_TYPES,
    Chart,
    Image,
    KeyJudgments,
    Paragraph,
    Quote,
    Scenarios,
    Signposts,
    Table,
)
from briefing_app.model.briefing import Briefing, Section
from briefing_app.model.briefing_json import (
    FORMAT_VERSION,
    block_from_dict,
    block_to_dict,
    briefing_from_dict,
    briefing_to_dict,
)
from briefing_app.model.chart import ChartSpec, DataTable
from briefing_app.model.tradecraft import KeyJudgment, Scenario, Signpost

KNOWN = {"sn1", "sn2", "sn3", "src1"}


def every_block_briefing() -> Briefing:
    """A briefing using every block type and every optional field at least once."""
    timeline = ChartSpec(
        kind="timeline",
        title="Events on the T0504",
        caption="Reported strikes on the supply road",
        description="Three dated events in one lane",
        x_label="date",
        y_label="lane",
        unit="events",
        data=DataTable(
            ["date", "event", "cite"],
            [["2025-11-01", "Bridge hit", "sn1"], ["2025-11-03", None, "sn2; sn3"]],
        ),
        cite=["src1"],
    )
    bars = ChartSpec(
        kind="bar", data=DataTable(["district", "strikes"], [["North", 4], ["South", 2.5]])
    )
    return Briefing(
        id="br1",
        title="Corridor outlook",
        subtitle="Situation on 10 November",
        authors=["Helena Marsh", "Desk B"],
        organisation="Assessments Unit",
        date="2025-11-10",
        classification="",
        marking_scheme="us",
        distribution="Desk only",
        style="apa",
        notes="endnotes",
        template="brief",
        scale="icd203",
        show_bands=False,
        quote_language="original",
        keywords=["corridor", "T0504"],
        edition_of="br0",
        sections=[
            Section(
                "Bottom line",
                1,
                [
                    Paragraph("The **corridor** is *narrow* [see @sn1, p. 4; @sn2].", "b1", "U"),
                    Quote("sn3", "para. 2", "b2", "C"),
                    Chart(timeline, "b3", "U", caption_marking="U"),
                    Chart(bars, "b4"),
                    KeyJudgments(
                        [
                            KeyJudgment(
                                "Forces withdraw.", "likely", "moderate", ["sn1"], "S", "kj1"
                            )
                        ],
                        "b5",
                    ),
                ],
                "s1",
                "U",
            ),
            Section(
                "Outlook",
                2,
                [
                    Scenarios(
                        [
                            Scenario(
                                "sc1",
                                "Organised withdrawal",
                                "likely",
                                "our base case",
                                "Units pull back.",
                                ["fuel"],
                                ["sp1"],
                                ["sn2"],
                                "U",
                            ),
                            Scenario("sc2", "Collapse", "very unlikely"),
                        ],
                        "b6",
                    ),
                    Signposts(
                        [
                            Signpost(
                                "sp1",
                                "Road closed",
                                "No convoys pass",
                                "three days",
                                "withdrawal",
                                "emerging",
                                "2025-11-09",
                                7,
                                {"sc1": "highly likely", "sc2": "could"},
                                ["sn3"],
                                "U",
                            ),
                        ],
                        "b7",
                    ),
                    Table(
                        "Units",
                        ["unit", "sector"],
                        [["A", "North"], ["B", "South"]],
                        ["sn1"],
                        "b8",
                        "U",
                    ),
                    Image("images/map.png", "Map", "A map of the sector", 3, ["src1"], "b9", "U"),
                    Image("", "Attached photo", "", 0, id="b10"),
                ],
                "s2",
            ),
        ],
    )


def test_the_example_uses_every_block_type():
    types = {block.type for _, _, block in every_block_briefing().blocks()}
    assert types == set(BLOCK_TYPES)


def test_a_briefing_with_every_block_type_survives_dict_and_back():
    original = every_block_briefing()
    data = json.loads(json.dumps(briefing_to_dict(original)))  # through real JSON text
    assert briefing_from_dict(data, KNOWN) == original


def test_writing_what_was_read_gives_the_same_json():
    first = briefing_to_dict(every_block_briefing())
    second = briefing_to_dict(briefing_from_dict(first, KNOWN))
    assert second == first


def test_reading_normalises_once_and_then_stays_stable():
    loose = {
        "title": "T",
        "marking_scheme": "US",
        "sections": [
            {
                "heading": "H",
                "marking": "unclassified",
                "blocks": [
                    {
                        "type": "key_judgments",
                        "items": [
                            {
                                "text": "x",
                                "likelihood": "Probable",
                                "confidence": "HIGH",
                                "marking": "secret",
                            },
                        ],
                    },
                ],
            }
        ],
    }
    once = briefing_to_dict(briefing_from_dict(loose))
    assert once["marking_scheme"] == "us"
    assert once["sections"][0]["marking"] == "U"
    assert once["sections"][0]["blocks"][0]["items"][0] == {
        "text": "x",
        "likelihood": "likely",
        "confidence": "high",
        "marking": "S",
    }
    assert briefing_to_dict(briefing_from_dict(once)) == once


def test_written_json_names_its_format_and_version():
    data = briefing_to_dict(Briefing(title="T"))
    assert data["format"] == "briefing-json"
    assert data["version"] == FORMAT_VERSION


def test_defaults_are_filled_in_when_fields_are_left_out():
    b = briefing_from_dict({"title": "T", "sections": []})
    assert (b.style, b.notes, b.template, b.scale, b.show_bands) == (
        "chicago-notes",
        "footnotes",
        "strategic",
        "icd203",
        True,
    )
    assert (b.marking_scheme, b.classification, b.authors) == ("", "", [])


def test_empty_optional_fields_are_left_out_of_the_json():
    data = briefing_to_dict(Briefing(title="T", sections=[Section("H", blocks=[Paragraph("x")])]))
    assert set(data) == {
        "format",
        "version",
        "title",
        "style",
        "notes",
        "template",
        "scale",
        "show_bands",
        "sections",
    }
    assert data["sections"][0] == {
        "heading": "H",
        "level": 1,
        "blocks": [{"type": "paragraph", "text": "x"}],
    }


def test_attachment_id_zero_is_written_not_dropped():
    assert block_to_dict(Image(attachment=0))["attachment"] == 0


def test_control_characters_are_cleaned_on_the_way_in():
    b = briefing_from_dict(
        {
            "title": "Bad\x00 title\x07",
            "sections": [
                {"heading": "H\x0b", "blocks": [{"type": "paragraph", "text": "cafe\u0301\x1f"}]}
            ],
        }
    )
    assert b.title == "Bad title"
    assert b.sections[0].heading == "H"
    assert b.sections[0].blocks[0].text == "café"


def test_each_block_survives_block_to_dict_and_back():
    for _, _, block in every_block_briefing().blocks():
        assert block_from_dict(block_to_dict(block), "us", "icd203") == block
