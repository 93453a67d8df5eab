"""The Briefing JSON documentation and schema agree with the reader, so they cannot drift."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from briefing_app.model.blocks import BLOCK_TYPES
from briefing_app.model.briefing import NOTE_PLACEMENTS, QUOTE_LANGUAGES
from briefing_app.model.briefing_json import (
    FORMAT_VERSION,
    MAX_DEPTH,
    briefing_from_dict,
    briefing_to_dict,
)
from briefing_app.model.chart import CHART_KINDS
from briefing_app.model.errors import ValidationErrors
from briefing_app.model.estimative import (
    CONFIDENCE_LEVELS,
    DIAGNOSTICITY,
    ICD203,
    SCALES,
    UK_YARDSTICK,
)
from briefing_app.model.markings import SCHEMES, get_scheme
from briefing_app.model.tradecraft import SIGNPOST_STATUSES

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "briefing-json.md"
SCHEMA = ROOT / "docs" / "briefing.schema.json"
SAMPLE = ROOT / "resources" / "sample" / "briefing.json"

UNKNOWN = "zz_not_a_field"


def schema() -> dict[str, Any]:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def definition(name: str) -> dict[str, Any]:
    return schema()["$defs"][name]


def doc_example() -> dict[str, Any]:
    text = DOC.read_text(encoding="utf-8")
    tail = text.split("## A complete example", 1)[1]
    match = re.search(r"```json\n(.*?)\n```", tail, re.S)
    assert match, "the doc has lost its complete example"
    return json.loads(match.group(1))


# ------------------------------------------------------------------ what the reader accepts


def reader_errors(data: Any) -> list[tuple[str, str]]:
    try:
        briefing_from_dict(data)
    except ValidationErrors as e:
        return [(err.path, err.message) for err in e.errors]
    return []


def wrap(block: dict[str, Any], **meta: Any) -> dict[str, Any]:
    return {"title": "T", "sections": [{"heading": "H", "blocks": [block]}], **meta}


BLOCK = "$.sections[0].blocks[0]"


def allowed_at(data: Any, path: str) -> set[str]:
    """The fields the reader allows at `path`, taken from its unknown-field message."""
    for where, message in reader_errors(data):
        if where == f"{path}.{UNKNOWN}":
            return set(message.split("allowed: ", 1)[1].split(", "))
    raise AssertionError(f"the reader did not object to {UNKNOWN!r} at {path}")


def required_at(data: Any, path: str) -> set[str]:
    """The fields the reader reports as missing directly under `path`."""
    found = set()
    for where, message in reader_errors(data):
        head, _, name = where.rpartition(".")
        if head == path and message == "is required":
            found.add(name)
    return found


def probe_block(kind: str) -> dict[str, Any]:
    """A block of `kind` carrying an unknown field (items and data read, so the reader
    gets as far as the block's own fields)."""
    block: dict[str, Any] = {"type": kind, UNKNOWN: 1}
    if kind in ("key_judgments", "scenarios", "signposts"):
        block["items"] = [{UNKNOWN: 1}]
    if kind == "chart":
        block["data"] = {UNKNOWN: 1}
    return block


# ------------------------------------------------------------------ the schema file


def test_the_schema_is_json_schema_draft_2020_12():
    data = schema()
    assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert data["type"] == "object"


def test_top_level_fields_and_required_fields_match_the_reader():
    data = schema()
    assert set(data["properties"]) == allowed_at({"title": "T", "sections": [], UNKNOWN: 1}, "$")
    assert set(data["required"]) == required_at({}, "$") == {"title", "sections"}
    assert data["additionalProperties"] is False


def test_section_fields_match_the_reader():
    section = definition("section")
    data = {"title": "T", "sections": [{UNKNOWN: 1}]}
    assert set(section["properties"]) == allowed_at(data, "$.sections[0]")
    assert set(section["required"]) == required_at(data, "$.sections[0]")


def test_the_block_type_enum_is_exactly_the_models_block_types():
    block = definition("block")
    assert block["properties"]["type"]["enum"] == list(BLOCK_TYPES)
    variants = [ref["$ref"].rsplit("/", 1)[1] for ref in block["oneOf"]]
    assert variants == list(BLOCK_TYPES)
    for kind in BLOCK_TYPES:
        assert definition(kind)["properties"]["type"] == {"const": kind}


@pytest.mark.parametrize("kind", list(BLOCK_TYPES))
def test_each_block_definition_has_the_readers_fields(kind):
    data = wrap(probe_block(kind), marking_scheme="us")
    assert set(definition(kind)["properties"]) == allowed_at(data, BLOCK)
    assert definition(kind)["additionalProperties"] is False


@pytest.mark.parametrize("kind", [k for k in BLOCK_TYPES if k != "image"])
def test_each_block_definition_requires_what_the_reader_requires(kind):
    assert set(definition(kind)["required"]) == {"type"} | required_at(wrap({"type": kind}), BLOCK)


def test_an_image_needs_a_path_or_an_attachment_in_both():
    assert [p for p, _ in reader_errors(wrap({"type": "image"}))] == [f"{BLOCK}.path"]
    assert reader_errors(wrap({"type": "image", "attachment": 3})) == []
    assert definition("image")["anyOf"] == [{"required": ["path"]}, {"required": ["attachment"]}]


@pytest.mark.parametrize(
    ("kind", "item"),
    [("key_judgments", "key_judgment"), ("scenarios", "scenario"), ("signposts", "signpost")],
)
def test_item_definitions_have_the_readers_fields_and_requirements(kind, item):
    data = wrap({"type": kind, "items": [{UNKNOWN: 1}]})
    path = f"{BLOCK}.items[0]"
    assert set(definition(item)["properties"]) == allowed_at(data, path)
    assert set(definition(item)["required"]) == required_at(data, path)


def test_chart_data_fields_match_the_reader():
    data = wrap({"type": "chart", "kind": "bar", "data": {UNKNOWN: 1}})
    assert set(definition("chart")["properties"]["data"]["properties"]) == allowed_at(
        data, f"{BLOCK}.data"
    )


def test_vocabularies_in_the_schema_match_the_code():
    data = schema()
    props = data["properties"]
    assert props["notes"]["enum"] == list(NOTE_PLACEMENTS)
    assert props["quote_language"]["enum"] == list(QUOTE_LANGUAGES)
    assert props["scale"]["enum"] == list(SCALES)
    assert props["marking_scheme"]["enum"] == ["", *SCHEMES]
    assert props["version"]["maximum"] == FORMAT_VERSION
    assert definition("chart")["properties"]["kind"]["enum"] == list(CHART_KINDS)
    assert definition("key_judgment")["properties"]["confidence"]["enum"] == list(CONFIDENCE_LEVELS)
    signpost = definition("signpost")["properties"]
    assert signpost["status"]["enum"] == list(SIGNPOST_STATUSES)
    assert signpost["diagnosticity"]["additionalProperties"]["enum"] == list(DIAGNOSTICITY)


# ------------------------------------------------------------------ the documentation


def test_the_doc_names_every_field_the_reader_accepts():
    text = DOC.read_text(encoding="utf-8")
    names: set[str] = set()
    for node in [schema(), *schema()["$defs"].values()]:
        names |= set(node.get("properties", {}))
    names |= set(definition("chart")["properties"]["data"]["properties"])
    missing = sorted(n for n in names if f"`{n}`" not in text)
    assert missing == []


def test_the_doc_lists_every_vocabulary_word_of_the_code():
    text = DOC.read_text(encoding="utf-8")
    words = [*BLOCK_TYPES, *CHART_KINDS, *SCALES, *SCHEMES, *NOTE_PLACEMENTS, *QUOTE_LANGUAGES]
    assert [w for w in words if f"`{w}`" not in text] == []
    for word in [*CONFIDENCE_LEVELS, *SIGNPOST_STATUSES, *DIAGNOSTICITY]:
        assert word in text
    for scheme in SCHEMES.values():
        for level in scheme.levels:
            assert f"`{level.portion}`" in text
            assert level.banner in text
    assert f"at most {MAX_DEPTH} levels" in text
    assert f"currently `{FORMAT_VERSION}`" in text


def test_the_doc_tables_of_likelihood_terms_match_the_scales():
    text = DOC.read_text(encoding="utf-8")
    for term in ICD203.terms:
        assert f"| {term.term} | {term.band} | {term.synonym} |" in text
    for term in UK_YARDSTICK.terms:
        assert f"| {term.term} | {term.band} |" in text


def test_the_complete_example_in_the_doc_reads_without_a_problem():
    example = doc_example()
    briefing = briefing_from_dict(example, known_refs={"sn1", "sn2", "src1"})
    assert {b.type for _, _, b in briefing.blocks()} >= {
        "paragraph",
        "quote",
        "chart",
        "key_judgments",
        "scenarios",
        "signposts",
        "table",
    }
    assert briefing_to_dict(briefing_from_dict(briefing_to_dict(briefing))) == briefing_to_dict(
        briefing
    )
    # the doc promises this banner for its example
    scheme = get_scheme(briefing.marking_scheme)
    assert scheme.highest(briefing.portion_markings()).banner == "UNCLASSIFIED"


def test_the_errors_shown_in_the_doc_are_the_readers_own_wording():
    text = DOC.read_text(encoding="utf-8")
    shown = text.split("```text\n", 1)[1].split("```", 1)[0].splitlines()[1:]
    data = {
        "title": "T",
        "date": "2025-02-30",
        "sections": [
            {
                "heading": "A",
                "blocks": [{"type": "paragraph", "text": "x"}] * 2
                + [{"type": "key_judgments", "items": [{"text": "x", "likelihood": "maybe"}]}],
            },
            {
                "heading": "B",
                "blocks": [
                    {
                        "type": "table",
                        "columns": ["a", "b", "c"],
                        "rows": [["1", "2", "3"]] * 3 + [["1", "2"]],
                    },
                    {
                        "type": "scenarios",
                        "items": [{"id": "sc1", "title": "A"}, {"id": "sc1", "title": "B"}],
                    },
                    {
                        "type": "signposts",
                        "items": [{"id": "sp1", "name": "S", "diagnosticity": {"sc7": "likely"}}],
                    },
                ],
            },
        ],
    }
    assert [f"{path}: {message}" for path, message in reader_errors(data)] == shown


# ------------------------------------------------------------------ documents against the schema


def undeclared(instance: Any, node: dict[str, Any], where: str = "$") -> list[str]:
    """Fields of `instance` that the schema does not declare (a small structural walk:
    $ref, properties, items, additionalProperties and the block oneOf keyed by type)."""
    if "$ref" in node:
        node = definition(node["$ref"].rsplit("/", 1)[1])
    if "oneOf" in node and isinstance(instance, dict):
        node = definition(instance["type"])
    found: list[str] = []
    if isinstance(instance, dict) and "properties" in node:
        for key, value in instance.items():
            if key in node["properties"]:
                found += undeclared(value, node["properties"][key], f"{where}.{key}")
            elif node.get("additionalProperties") is False:
                found.append(f"{where}.{key}")
    elif isinstance(instance, list) and isinstance(node.get("items"), dict):
        for i, value in enumerate(instance):
            found += undeclared(value, node["items"], f"{where}[{i}]")
    return found


def test_the_doc_example_uses_only_fields_the_schema_declares():
    assert undeclared(doc_example(), schema()) == []


def test_the_sample_briefing_uses_only_fields_the_schema_declares_and_reads_cleanly():
    sample = json.loads(SAMPLE.read_text(encoding="utf-8"))
    assert undeclared(sample, schema()) == []
    assert briefing_from_dict(sample).title == sample["title"]


def test_the_structural_walk_does_catch_an_undeclared_field():
    example = doc_example()
    example["sections"][0]["blocks"][0]["colour"] = "red"
    assert undeclared(example, schema()) == ["$.sections[0].blocks[0].colour"]
