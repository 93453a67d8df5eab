"""Sentence splitting: abbreviations, decimals, quotations and citations stay in place."""

from __future__ import annotations

from briefing_app.analysis.sentences import (
    quotations,
    split_markdown,
    split_plain,
    without_quotations,
)


def texts(markdown: str) -> list[str]:
    return [s.text for s in split_markdown(markdown)]


def test_splits_at_full_stops_question_and_exclamation_marks():
    assert texts("One fact. Another fact? A third!") == ["One fact.", "Another fact?", "A third!"]


def test_abbreviations_and_initials_do_not_end_a_sentence():
    assert texts("Gen. Syrskyi spoke, e.g. about approx. 40 units. J. Smith agreed.") == [
        "Gen. Syrskyi spoke, e.g. about approx. 40 units.",
        "J. Smith agreed.",
    ]


def test_decimals_and_dotted_acronyms_do_not_end_a_sentence():
    assert texts("The gap is 3.5 km. The U.S. Army noted it.") == [
        "The gap is 3.5 km.",
        "The U.S. Army noted it.",
    ]


def test_a_full_stop_inside_a_quotation_does_not_split_it():
    assert texts('He said "we hold. We stay." Then he left.') == [
        'He said "we hold. We stay."',
        "Then he left.",
    ]
    assert texts("She wrote «Wir halten. Immer.» Dann nicht.") == [
        "She wrote «Wir halten. Immer.»",
        "Dann nicht.",
    ]


def test_an_apostrophe_is_not_a_closing_quote():
    assert texts("The claim ‘the ring’s closed. Done’ was false. Next.") == [
        "The claim ‘the ring’s closed. Done’ was false.",
        "Next.",
    ]


def test_an_unclosed_quotation_does_not_swallow_the_paragraph():
    assert texts("“Unbalanced start. Second sentence. Third.") == [
        "“Unbalanced start.",
        "Second sentence.",
        "Third.",
    ]


def test_an_ellipsis_before_lower_case_continues_the_sentence():
    assert texts("They waited... and then left. Next.") == [
        "They waited... and then left.",
        "Next.",
    ]


def test_citations_belong_to_their_sentence_even_after_the_full_stop():
    sentences = split_markdown("Troops massed [@sn1, p. 4]. Then more came. [@sn2] Last one.")
    assert [(s.text, [c.ref for c in s.citations]) for s in sentences] == [
        ("Troops massed.", ["sn1"]),
        ("Then more came.", ["sn2"]),
        ("Last one.", []),
    ]


def test_markdown_emphasis_and_links_are_read_as_plain_text():
    sentences = split_markdown("A **bold** claim. See the [note](https://x.example/a.b) now.")
    assert [s.text for s in sentences] == ["A bold claim.", "See the note now."]


def test_plain_text_splitting_squeezes_whitespace():
    assert split_plain("First  one.\nSecond one.") == ["First one.", "Second one."]


def test_quotations_need_three_words_so_scare_quotes_are_not_quotations():
    text = 'The "so-called" truce and “we will never leave the city” differ.'
    assert quotations(text) == ["we will never leave the city"]
    assert "never" not in without_quotations(text)
