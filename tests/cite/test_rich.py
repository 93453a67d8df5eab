"""Rich text: punctuation joining and the plain, Markdown and escaped HTML renderers."""

from __future__ import annotations

from briefing_app.cite import RichRun, rich_to_html, rich_to_markdown, rich_to_plain
from briefing_app.cite.rich import add_punct, join, plain


def test_comma_moves_inside_closing_quote_only_when_the_style_says_so() -> None:
    quoted = plain("\u201cTitle\u201d")
    assert rich_to_plain(add_punct(quoted, ",", in_quote=True)) == "\u201cTitle,\u201d"
    assert rich_to_plain(add_punct(quoted, ",", in_quote=False)) == "\u201cTitle\u201d,"


def test_no_double_period_after_abbreviation_but_comma_is_kept() -> None:
    assert rich_to_plain(add_punct(plain("Acme Inc."), ".", in_quote=True)) == "Acme Inc."
    assert rich_to_plain(add_punct(plain("Acme Inc."), ",", in_quote=True)) == "Acme Inc.,"


def test_join_skips_empty_parts_without_leaving_delimiters() -> None:
    assert rich_to_plain(join([plain("a"), (), plain("b"), ()], ", ", in_quote=True)) == "a, b"


def test_html_escapes_user_text_and_links() -> None:
    rt = (RichRun("<b>&", italic=True), RichRun(" x", link='https://e.org/?a=1&b="2"'))
    assert rich_to_html(rt) == (
        '<i>&lt;b&gt;&amp;</i><a href="https://e.org/?a=1&amp;b=&quot;2&quot;"> x</a>'
    )
    assert rich_to_markdown(rt) == "*<b>&* x"
