"""Golden citations: every style, six kinds of source, exactly as the style guides write them."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.cite import (
    CitationEngine,
    CiteItem,
    CitePoint,
    available_styles,
    rich_to_markdown,
)
from tests.cite.fixtures import KINDS, other

GOLDEN = Path(__file__).parent / "golden"


def read_golden(style: str) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    kind = ""
    for line in (GOLDEN / f"{style}.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("["):
            kind = line.strip("[]")
            out[kind] = {}
        else:
            label, _, value = line.partition(": ")
            out[kind][label] = value
    return out


def rendered(style: str, kind: str) -> dict[str, str]:
    """Cite the source, another source, the source again, then the source at p. 4."""
    source, between = KINDS[kind](), other()
    grade = source.reliability + "2"
    points = [
        CitePoint([CiteItem(kind, source, grade=grade)]),
        CitePoint([CiteItem("other", between)]),
        CitePoint([CiteItem(kind, source, grade=grade)]),
        CitePoint([CiteItem(kind, source, "p. 4", grade=grade)]),
    ]
    result = CitationEngine(style).format(points)
    bib = [b for b in result.bibliography if "Another Piece" not in rich_to_markdown(b)]
    notes = [rich_to_markdown(n) for n in result.notes]
    if result.is_note_style:
        out = {"first": notes[0], "short": notes[2], "ibid": notes[3]}
    else:
        out = {"cite": notes[0], "cite-locator": notes[3]}
    out["bib"] = rich_to_markdown(bib[0])
    return out


STYLE_KEYS = [s.key for s in available_styles()]


def test_every_style_has_a_golden_file_covering_six_kinds() -> None:
    for key in STYLE_KEYS:
        assert set(read_golden(key)) == set(KINDS), key


@pytest.mark.parametrize("style", STYLE_KEYS)
@pytest.mark.parametrize("kind", list(KINDS))
def test_golden(style: str, kind: str) -> None:
    assert rendered(style, kind) == read_golden(style)[kind]


def test_issue_example_chicago_news_article() -> None:
    golden = read_golden("chicago-notes")["news"]
    assert golden["first"] == (
        "Jane Smith, “Title of the Article,” *Outlet Name*, November 7, 2025, https://example.org/a."
    )
    assert golden["short"] == "Smith, “Title of the Article.”"
    assert golden["bib"] == (
        "Smith, Jane. “Title of the Article.” *Outlet Name*, November 7, 2025. https://example.org/a."
    )
