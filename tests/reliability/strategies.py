"""Hypothesis strategies: hostile text and random Briefing JSON structures.

The text mixes what analysts paste and what breaks writers: control characters (which
XML cannot hold), right-to-left scripts and bidi controls, combining marks, emoji, CJK,
markup characters of every output format (Markdown, Typst, XML/HTML, Jinja) and very long
words. Structures use every block type whose text reaches the page.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

PROFILE = "reliability"
# Derandomized: CI runs the same examples every time, so a failure reproduces exactly.
settings.register_profile(
    PROFILE,
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SNIPPETS = ("sn1", "sn2", "sn3")
LIKELIHOODS = (
    "almost no chance",
    "very unlikely",
    "unlikely",
    "roughly even chance",
    "likely",
    "very likely",
    "almost certain",
)

_PIECES = (
    "abcdefghijklmnopqrstuvwxyz ABCXYZ 0123456789 .,;:!?'\"-",
    "#$%&*+/<=>@[\\]^_`{|}~()",  # markup in Markdown, Typst, XML, Jinja
    "äöüßéèçñøåÆŒ",
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВ",  # Cyrillic
    "αβγδεζηθλμπσω",
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",  # Arabic (right to left)
    "אבגדהוזחטיכלמנסעפצקרשת",  # Hebrew (right to left)
    "\u0300\u0301\u0302\u0303\u0308\u0327\u0331\u0361",  # combining marks
    "\U0001f600\U0001f680\U0001f1fa\U0001f1e6\u2764\ufe0f",  # emoji, flag, variation selector
    "中文字漢",
    "\u200b\u200d\u200e\u200f\u202a\u202b\u202e\u2066\u2069",  # zero-width and bidi controls
    "\x00\x01\x07\x08\x0b\x0c\x1b\x1f\x7f\ufffe\uffff",  # controls XML cannot hold
    "\t\n\r",
)
ALPHABET = "".join(_PIECES)
_WORD_LETTERS = "abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщ"


@st.composite
def long_word(draw: st.DrawFn) -> str:
    return draw(st.text(alphabet=_WORD_LETTERS, min_size=60, max_size=240))


def hostile_text(min_size: int = 0, max_size: int = 80) -> st.SearchStrategy[str]:
    """Mostly short mixed text, sometimes with a very long word or a template payload."""
    mixed = st.text(alphabet=ALPHABET, min_size=min_size, max_size=max_size)
    payloads = st.sampled_from(
        [
            "{{ 7*7 }}",
            "{% for x in y %}",
            '#read("/etc/passwd")',
            '#eval("1+1")',
            "<script>alert(1)</script>",
            "&amp; &lt; ]]>",
            "$x^2$",
            "\\u0000",
            "@sn1",
        ]
    )
    return st.one_of(
        mixed,
        st.builds(lambda a, w, b: f"{a} {w} {b}", mixed, long_word(), mixed),
        st.builds(lambda a, p: f"{a} {p}", mixed, payloads),
    )


def visible_text(max_size: int = 80) -> st.SearchStrategy[str]:
    """Text a required field accepts: something printable is left after cleaning."""
    return st.builds(
        lambda a, b: f"{a}x{b}", hostile_text(0, max_size // 2), hostile_text(0, max_size // 2)
    )


def _citation() -> st.SearchStrategy[str]:
    refs = st.lists(st.sampled_from(SNIPPETS), min_size=1, max_size=3)
    return st.builds(
        lambda r, loc: " [" + "; ".join(f"@{x}" for x in r) + loc + "]",
        refs,
        st.sampled_from(["", ", p. 4", ", para. 2"]),
    )


def paragraph() -> st.SearchStrategy[dict[str, Any]]:
    text = st.builds(lambda t, c: t + c, visible_text(160), st.one_of(st.just(""), _citation()))
    return st.builds(lambda t: {"type": "paragraph", "text": t}, text)


def quote() -> st.SearchStrategy[dict[str, Any]]:
    return st.builds(lambda s: {"type": "quote", "snippet": s}, st.sampled_from(SNIPPETS))


def table() -> st.SearchStrategy[dict[str, Any]]:
    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        width = draw(st.integers(1, 4))
        columns = draw(st.lists(visible_text(20), min_size=width, max_size=width))
        rows = draw(
            st.lists(st.lists(hostile_text(0, 30), min_size=width, max_size=width), max_size=4)
        )
        return {
            "type": "table",
            "caption": draw(hostile_text(0, 40)),
            "columns": columns,
            "rows": rows,
        }

    return build()


def key_judgments() -> st.SearchStrategy[dict[str, Any]]:
    item = st.builds(
        lambda t, lk, c, cite: {"text": t, "likelihood": lk, "confidence": c, "cite": cite},
        visible_text(120),
        st.sampled_from(LIKELIHOODS),
        st.sampled_from(["low", "moderate", "high"]),
        st.lists(st.sampled_from(SNIPPETS), max_size=2, unique=True),
    )
    return st.builds(
        lambda items: {"type": "key_judgments", "items": items},
        st.lists(item, min_size=1, max_size=3),
    )


def chart() -> st.SearchStrategy[dict[str, Any]]:
    rows = st.lists(st.tuples(visible_text(20), st.integers(0, 500)), min_size=1, max_size=5)
    return st.builds(
        lambda title, caption, data: {
            "type": "chart",
            "kind": "bar",
            "title": title,
            "caption": caption,
            "data": {"columns": ["category", "value"], "rows": [list(r) for r in data]},
        },
        hostile_text(0, 40),
        hostile_text(0, 40),
        rows,
    )


def block() -> st.SearchStrategy[dict[str, Any]]:
    return st.one_of(paragraph(), paragraph(), quote(), table(), key_judgments(), chart())


def section() -> st.SearchStrategy[dict[str, Any]]:
    return st.builds(
        lambda h, lv, bs: {"heading": h, "level": lv, "blocks": bs},
        visible_text(60),
        st.integers(1, 3),
        st.lists(block(), max_size=5),
    )


def briefing_json() -> st.SearchStrategy[dict[str, Any]]:
    """A Briefing JSON document (as a tool or an analyst would write it)."""
    return st.builds(
        lambda title, subtitle, authors, org, notes, sections: {
            "title": title,
            "subtitle": subtitle,
            "authors": authors,
            "organisation": org,
            "notes": notes,
            "sections": sections,
        },
        visible_text(80),
        hostile_text(0, 60),
        st.lists(visible_text(30), max_size=3),
        hostile_text(0, 40),
        st.sampled_from(["footnotes", "endnotes"]),
        st.lists(section(), min_size=1, max_size=4),
    )


_KEYS = (
    "title",
    "sections",
    "heading",
    "level",
    "blocks",
    "type",
    "text",
    "items",
    "rows",
    "columns",
    "caption",
    "snippet",
    "kind",
    "data",
    "cite",
    "likelihood",
    "confidence",
    "marking",
    "marking_scheme",
    "notes",
    "date",
    "version",
    "format",
    "id",
)
_TYPES = (
    "paragraph",
    "quote",
    "chart",
    "key_judgments",
    "scenarios",
    "signposts",
    "table",
    "image",
    "heading",
)


def json_structures() -> st.SearchStrategy[object]:
    """Any JSON value, biased towards Briefing JSON's own field names and block types."""
    leaves = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-5, 10**6),
        st.floats(allow_nan=False),
        hostile_text(0, 20),
        st.sampled_from(_TYPES),
        st.sampled_from(LIKELIHOODS),
    )
    keys = st.one_of(st.sampled_from(_KEYS), hostile_text(0, 8))
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)
        ),
        max_leaves=40,
    )
