"""Text hygiene, quote finding, locators and the snippet/source validation rules."""

from __future__ import annotations

import unicodedata

import pytest

from briefing_app.model.errors import ValidationError
from briefing_app.model.grades import admiralty_code, check_credibility, check_reliability
from briefing_app.model.snippet import (
    QuoteNotFound,
    Snippet,
    locate_quote,
    snippet_from_offsets,
    snippet_from_quote,
)
from briefing_app.model.source import (
    Person,
    Source,
    check_date,
    check_source_type,
    content_hash,
    paragraph_number,
    thread_post_locators,
)
from briefing_app.model.text import clean_text, find_quote

REPORT = (
    "The mayor said: \u201cwe will hold the line\u201d \u2014 and\n"
    "   then he left the city.\n"
    "\n"
    "A second paragraph about the bridge.\n"
    "\n"
    "\n"
    "A third paragraph about the bridge."
)


# ------------------------------------------------------------------ clean_text


def test_clean_text_strips_control_characters_but_keeps_tabs_and_newlines():
    assert clean_text("a\x00b\x07c\td\ne\x0bf\x0cg\x1fh\x7fi\ufffej\uffffk") == "abc\td\nefghijk"


def test_clean_text_normalises_line_endings_and_unicode_form():
    decomposed = "cafe\u0301\r\nnext\rline"
    cleaned = clean_text(decomposed)
    assert cleaned == "café\nnext\nline"
    assert unicodedata.is_normalized("NFC", cleaned)


# ------------------------------------------------------------------ find_quote


def test_find_quote_ignores_whitespace_line_breaks_and_typographic_marks():
    spans = find_quote(REPORT, '"we will hold the line" - and then he left')
    assert len(spans) == 1
    start, end = spans[0]
    assert REPORT[start:end] == "\u201cwe will hold the line\u201d \u2014 and\n   then he left"


def test_find_quote_matches_typographic_apostrophes_both_ways():
    curly = "the commander\u2019s order"
    straight = "the commander's order"
    assert find_quote(curly, "commander's order") == [(4, len(curly))]
    assert find_quote(straight, "commander\u2019s") == [(4, straight.index(" order"))]


def test_find_quote_accepts_a_decomposed_quote():
    assert find_quote("Le café est fermé.", "cafe\u0301 est") == [(3, 11)]


def test_find_quote_returns_every_occurrence_and_nothing_for_blank_quotes():
    first = REPORT.index("about the bridge")
    second = REPORT.index("about the bridge", first + 1)
    assert find_quote(REPORT, "about the bridge") == [(first, first + 16), (second, second + 16)]
    assert find_quote(REPORT, "   \n ") == []
    assert find_quote(REPORT, "not in the text") == []


# ------------------------------------------------------------------ locate_quote


def test_locate_quote_gives_offsets_into_the_captured_text():
    source = Source("src1", "Report", text=REPORT)
    start, end = locate_quote(source, "A second\nparagraph")
    assert source.text[start:end] == "A second paragraph"


def test_locate_quote_says_when_the_quote_is_not_in_the_source():
    source = Source("src1", "Report", text=REPORT)
    with pytest.raises(QuoteNotFound) as caught:
        locate_quote(source, "we will never leave")
    assert "does not occur in source src1" in caught.value.message
    assert "copy it exactly" in caught.value.message


def test_locate_quote_says_when_the_quote_is_ambiguous_and_where_it_occurs():
    source = Source("src1", "Report", text=REPORT)
    with pytest.raises(QuoteNotFound) as caught:
        locate_quote(source, "about the bridge")
    message = caught.value.message
    first = REPORT.index("about the bridge")
    second = REPORT.index("about the bridge", first + 1)
    assert "occurs 2 times" in message
    assert f"{first}-{first + 16}" in message and f"{second}-{second + 16}" in message
    assert "quote more words" in message


# ------------------------------------------------------------------ locators


def test_paragraph_number_counts_blank_line_separated_paragraphs():
    second = REPORT.index("A second")
    third = REPORT.index("A third")
    assert paragraph_number(REPORT, 0) == 1
    assert paragraph_number(REPORT, REPORT.index("then")) == 1  # a line break is no paragraph
    assert paragraph_number(REPORT, second) == 2
    assert paragraph_number(REPORT, third) == 3  # two blank lines count once
    assert paragraph_number(REPORT, len(REPORT) - 1) == 3


def test_paragraph_number_ignores_leading_blank_lines():
    text = "\n\nfirst\n\nsecond"
    assert paragraph_number(text, text.index("first")) == 1
    assert paragraph_number(text, text.index("second")) == 2


def test_thread_post_locators_number_the_posts_of_a_thread():
    thread = "1/ The road is cut.\n2/ Convoys turn back.\n3/13 More tomorrow."
    assert thread_post_locators(thread) == [
        (0, "post 1"),
        (thread.index("2/"), "post 2"),
        (thread.index("3/13"), "post 3"),
    ]


@pytest.mark.parametrize(
    "text",
    ["1/ only one post", "1/ first\n3/ third", "Ratio 3/4 of units\n1/ then", "no numbers"],
)
def test_thread_post_locators_ignore_text_that_is_not_a_thread(text):
    assert thread_post_locators(text) == []


def test_a_snippet_gets_the_locator_of_the_part_it_starts_in():
    thread = "1/ The road is cut.\n2/ Convoys turn back.\n3/ More tomorrow."
    source = Source(
        "src1", "Thread", type="social", text=thread, locators=thread_post_locators(thread)
    )
    assert snippet_from_quote("sn1", source, "Convoys turn back").locator == "post 2"
    plain_report = Source("src2", "Report", text=REPORT)
    assert snippet_from_quote("sn2", plain_report, "A third paragraph").locator == "para. 3"


def test_an_explicit_locator_wins_over_the_found_one():
    source = Source("src1", "Report", text=REPORT)
    snippet = snippet_from_quote("sn1", source, "A third paragraph", locator="p. 12")
    assert snippet.locator == "p. 12"


# ------------------------------------------------------------------ snippets


def test_a_snippet_from_offsets_copies_the_quoted_text():
    source = Source("src1", "Report", text=REPORT)
    snippet = snippet_from_offsets("sn1", source, 4, 9, credibility=2, tags=["mayor"])
    assert (snippet.text, snippet.credibility, snippet.tags) == ("mayor", 2, ["mayor"])


def test_a_snippet_whose_offsets_fall_outside_its_source_is_refused():
    source = Source("src1", "Report", text="short text")
    with pytest.raises(ValidationError) as caught:
        Snippet("sn1", "src1", 6, 40, "text").validate(source)
    assert caught.value.path == "end"
    assert "10 characters" in caught.value.message


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 5), (6, 2)])
def test_a_snippet_needs_a_real_span(start, end):
    with pytest.raises(ValidationError) as caught:
        Snippet("sn1", "src1", start, end, "x").validate()
    assert caught.value.path == "start"


def test_a_snippet_checked_against_another_source_is_refused():
    with pytest.raises(ValidationError) as caught:
        Snippet("sn1", "src1", 0, 3, "The").validate(Source("src2", "Other", text="The end"))
    assert caught.value.path == "source"


def test_a_snippet_reports_drift_when_the_source_text_changed():
    source = Source("src1", "Report", text="The bridge is intact.")
    snippet = snippet_from_quote("sn1", source, "bridge is intact")
    assert snippet.drift(source) is None
    changed = Source("src1", "Report", text="The bridge is damaged.")
    message = snippet.drift(changed)
    assert message is not None
    assert "'bridge is intact'" in message and "'bridge is damage'" in message


# ------------------------------------------------------------------ grades


@pytest.mark.parametrize("credibility", [0, 7, "x", -1])
def test_credibility_outside_1_to_6_is_refused(credibility):
    with pytest.raises(ValidationError) as caught:
        Snippet("sn1", "src1", 0, 1, "x", credibility=credibility).validate()
    assert caught.value.path == "credibility"
    assert "use 1-6" in caught.value.message


def test_credibility_grades_1_to_6_are_accepted_as_numbers():
    assert [check_credibility(v) for v in (1, "2", " 6 ")] == [1, 2, 6]


def test_reliability_grade_g_is_refused():
    with pytest.raises(ValidationError) as caught:
        Source("src1", "Report", reliability="G").validate()
    assert caught.value.path == "reliability"
    assert "A-F" in caught.value.message


def test_reliability_grades_are_upper_cased():
    assert check_reliability(" b ") == "B"


def test_the_admiralty_code_writes_both_grades_together():
    assert admiralty_code("B", 2) == "B2"
    assert admiralty_code("F", None) == "F"


# ------------------------------------------------------------------ sources


def test_an_unknown_source_type_is_refused_with_the_known_types():
    with pytest.raises(ValidationError) as caught:
        Source("src1", "Report", type="blog").validate()
    assert caught.value.path == "type"
    assert "state-media" in caught.value.message
    assert check_source_type(" Article ") == "article"


@pytest.mark.parametrize(
    ("date", "words"),
    [
        ("2025-13-45", "no month 13"),
        ("2025-02-30", "no day 30"),
        ("2023-02-29", "no day 29"),
        ("2025-00", "no month 00"),
        ("25-01-01", "YYYY-MM-DD"),
        ("2025-1-1", "YYYY-MM-DD"),
        ("yesterday", "YYYY-MM-DD"),
    ],
)
def test_impossible_dates_are_refused(date, words):
    with pytest.raises(ValidationError) as caught:
        check_date(date, "issued")
    assert caught.value.path == "issued"
    assert words in caught.value.message


@pytest.mark.parametrize("date", ["2025", "2025-11", "2024-02-29", "2025-12-31"])
def test_partial_and_leap_day_dates_are_accepted(date):
    assert check_date(date) == date


def test_source_dates_are_checked_at_their_own_field():
    with pytest.raises(ValidationError) as caught:
        Source("src1", "Report", accessed="2025-02-30").validate()
    assert caught.value.path == "accessed"


def test_a_source_needs_an_id_and_a_title():
    with pytest.raises(ValidationError) as caught:
        Source("", "Report").validate()
    assert caught.value.path == "id"
    with pytest.raises(ValidationError) as caught:
        Source("src1", "  \x00 ").validate()
    assert caught.value.path == "title"


def test_a_source_cleans_its_text_and_hashes_it_whitespace_blind():
    source = Source("src1", "Report", text="Line one\x00\r\nline   two")
    assert source.text == "Line one\nline   two"
    assert source.sha256 == content_hash("Line one line two")


def test_person_names_parse_both_orders_and_keep_institutions_literal():
    assert Person.parse("Smith, Jane") == Person("Smith", "Jane")
    assert Person.parse("Jane  Smith") == Person("Smith", "Jane")
    assert Person.parse("Reuters") == Person(literal="Reuters")
    assert Person.parse("Smith, Jane").to_csl() == {"family": "Smith", "given": "Jane"}


def test_a_source_exports_csl_json_with_date_parts():
    source = Source(
        "src1",
        "Report",
        type="article",
        authors=[Person.parse("Jane Smith")],
        container_title="Daily",
        issued="2025-11-03",
        url="https://example.org/a",
        accessed="2025-11-04",
    )
    assert source.to_csl() == {
        "id": "src1",
        "type": "article-newspaper",
        "title": "Report",
        "author": [{"family": "Smith", "given": "Jane"}],
        "container-title": "Daily",
        "issued": {"date-parts": [[2025, 11, 3]]},
        "URL": "https://example.org/a",
        "accessed": {"date-parts": [[2025, 11, 4]]},
    }
