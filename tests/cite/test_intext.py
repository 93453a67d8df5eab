"""Author-date and numeric styles: in-text citations, year suffixes, citation order."""

from __future__ import annotations

from briefing_app.cite import CitationEngine, CiteItem, CitePoint, rich_to_markdown
from briefing_app.model.source import Person, Source
from tests.cite.fixtures import news, other, report


def fmt(points: list[CitePoint], style: str):
    result = CitationEngine(style).format(points)
    return [rich_to_markdown(n) for n in result.notes], [
        rich_to_markdown(b) for b in result.bibliography
    ]


def test_same_author_and_year_get_letters_in_text_and_list() -> None:
    first = Source("x1", "Zeta Report on Ports", "article", [Person("Smith", "Jane")], "Outlet",
                   issued="2025-03-01", url="https://example.org/z")  # fmt: skip
    second = Source("x2", "Alpha Notes on Ships", "article", [Person("Smith", "Jane")], "Outlet",
                    issued="2025-05-01", url="https://example.org/y")  # fmt: skip
    points = [CitePoint([CiteItem("x1", first), CiteItem("x2", second, "p. 2")])]
    notes, bib = fmt(points, "apa")
    assert notes == ["(Smith, 2025b; Smith, 2025a, p. 2)"]
    assert bib[0].startswith("Smith, J. (2025a, May 1). Alpha Notes on Ships.")
    assert bib[1].startswith("Smith, J. (2025b, March 1). Zeta Report on Ports.")
    notes, _ = fmt(points, "chicago-author-date")
    assert notes == ["(Smith 2025b; Smith 2025a, 2)"]


def test_ieee_numbers_in_order_of_first_citation_and_lists_in_that_order() -> None:
    a, b, c = news(), other(), report()
    points = [
        CitePoint([CiteItem("b", b)]),
        CitePoint([CiteItem("a", a), CiteItem("c", c, "p. 7")]),
        CitePoint([CiteItem("b", b)]),
    ]
    notes, bib = fmt(points, "ieee")
    assert notes == ["[1]", "[2], [3, p. 7]", "[1]"]
    assert [entry[:4] for entry in bib] == ["[1] ", "[2] ", "[3] "]
    assert bib[0].startswith("[1] J. Doe, “Another Piece,”")


def test_mla_cites_author_and_page_only() -> None:
    notes, _ = fmt([CitePoint([CiteItem("a", news(), "para. 3", prefix="see")])], "mla")
    assert notes == ["(see Smith par. 3)"]


def test_two_and_three_authors_in_text() -> None:
    two = Source("t", "Joint Work", "article", [Person("Smith", "Jane"), Person("Doe", "John")],
                 "Outlet", issued="2024")  # fmt: skip
    three = Source("h", "Triple Work", "article",
                   [Person("Lee", "Ann"), Person("Kim", "Bo"), Person("Roe", "Cy")], "Outlet",
                   issued="2023")  # fmt: skip
    points = [CitePoint([CiteItem("t", two)]), CitePoint([CiteItem("h", three)])]
    assert fmt(points, "apa")[0] == ["(Smith & Doe, 2024)", "(Lee et al., 2023)"]
    assert fmt(points, "chicago-author-date")[0] == [
        "(Smith and Doe 2024)",
        "(Lee, Kim, and Roe 2023)",
    ]
    _, bib = fmt(points, "apa")
    assert bib[0] == "Lee, A., Kim, B., & Roe, C. (2023). Triple Work. *Outlet*."
