"""Inline Markdown subset and pandoc-style citations in paragraph text."""

from __future__ import annotations

import pytest

from briefing_app.model.citation import Citation, format_citation_group, parse_citation_group
from briefing_app.model.inline import (
    CiteRun,
    TextRun,
    citations_in,
    escape_markdown,
    parse_inline,
    plain_text,
)


def plain(text: str) -> TextRun:
    return TextRun(text)


def test_bold_and_italic_with_stars_and_underscores():
    assert parse_inline("**held** and *withdrew*, __bold__ _it_") == [
        TextRun("held", bold=True),
        plain(" and "),
        TextRun("withdrew", italic=True),
        plain(", "),
        TextRun("bold", bold=True),
        plain(" "),
        TextRun("it", italic=True),
    ]


def test_bold_nested_inside_italic_keeps_both():
    assert parse_inline("*the **main** road*") == [
        TextRun("the ", italic=True),
        TextRun("main", bold=True, italic=True),
        TextRun(" road", italic=True),
    ]


def test_triple_stars_make_bold_italic():
    assert parse_inline("a ***key*** point") == [
        plain("a "),
        TextRun("key", bold=True, italic=True),
        plain(" point"),
    ]


def test_a_link_keeps_its_url_and_may_hold_emphasis():
    assert parse_inline("see [the **report**](https://example.org/r1) now") == [
        plain("see "),
        TextRun("the ", link="https://example.org/r1"),
        TextRun("report", bold=True, link="https://example.org/r1"),
        plain(" now"),
    ]


def test_backslash_escapes_give_literal_markers():
    assert parse_inline(r"5 \* 4 and \_x\_ and \[@sn1\] and \\") == [
        plain(r"5 * 4 and _x_ and [@sn1] and \ ".rstrip())
    ]


@pytest.mark.parametrize(
    "text",
    [
        "snake_case_name",
        "2 * 3 * 4 = 24",
        "a * b and c * d",
        "**unclosed bold",
        "file_v2_final_.txt",
        "[not a citation]",
        "mail analyst@example.org",
        "[a link](without scheme or closing",
    ],
)
def test_text_that_only_looks_like_markup_stays_literal(text):
    assert parse_inline(text) == [plain(text)]


def test_escape_markdown_round_trips_any_literal_text():
    for text in ["*not italic*", "__init__", "[@sn1]", r"a\b", "[x](https://y)"]:
        assert plain_text(escape_markdown(text)) == text


def test_a_citation_group_becomes_one_cite_run_between_text():
    assert parse_inline("Forces withdrew [@sn1].") == [
        plain("Forces withdrew "),
        CiteRun((Citation("sn1"),)),
        plain("."),
    ]


def test_a_citation_with_a_locator():
    assert citations_in("x [@sn1, p. 4]") == [Citation("sn1", "p. 4")]


def test_several_items_in_one_group_share_one_note():
    runs = parse_inline("x [@sn1; @sn2, para. 3; @src4]")
    assert runs[1] == CiteRun((Citation("sn1"), Citation("sn2", "para. 3"), Citation("src4")))


def test_prefix_locator_and_suffix_are_separated():
    assert citations_in("[see @sn1, pp. 4-5, emphasis added]") == [
        Citation("sn1", "pp. 4-5", prefix="see", suffix="emphasis added")
    ]


def test_text_after_the_key_without_a_locator_is_a_suffix():
    assert citations_in("[@sn1, as translated by the desk]") == [
        Citation("sn1", suffix="as translated by the desk")
    ]


@pytest.mark.parametrize(
    ("written", "locator"),
    [
        ("page 7", "p. 7"),
        ("p 7", "p. 7"),
        ("paragraph 2", "para. 2"),
        ("post 3", "post 3"),
        ("ch. 2", "ch. 2"),
        ("fig. 1", "fig. 1"),
        ("pp. 10-12", "pp. 10-12"),
    ],
)
def test_locator_labels_are_normalised(written, locator):
    assert citations_in(f"[@sn1, {written}]") == [Citation("sn1", locator)]


def test_a_bare_number_is_a_page_as_in_pandoc():
    assert citations_in("[@sn1, 33]") == [Citation("sn1", "p. 33")]
    assert citations_in("[@sn1, 33, adapted]") == [Citation("sn1", "p. 33", suffix="adapted")]


def test_citations_in_returns_every_citation_in_reading_order():
    text = "A [@sn2]. B *with [@sn1, p. 2]* and [@sn3; @sn2]."
    assert [c.ref for c in citations_in(text)] == ["sn2", "sn1", "sn3", "sn2"]


def test_plain_text_drops_citations_and_markup():
    assert plain_text("The **corridor** is narrow [@sn8].") == "The corridor is narrow ."


def test_a_group_without_an_at_key_is_not_a_citation():
    assert parse_citation_group("see above") is None
    assert parse_citation_group("") is None


def test_citation_groups_format_back_to_markdown_that_parses_the_same():
    group = [
        Citation("sn1", "p. 4", prefix="see"),
        Citation("sn2", "", suffix="emphasis added"),
        Citation("sn3", "para. 2", suffix="translated"),
    ]
    text = format_citation_group(group)
    assert text == "[see @sn1, p. 4; @sn2, emphasis added; @sn3, para. 2, translated]"
    assert citations_in(text) == group
