"""Note styles: positions (first, short, ibid), several items in a note, locators and affixes."""

from __future__ import annotations

from briefing_app.cite import CitationEngine, CiteItem, CitePoint, rich_to_markdown
from tests.cite.fixtures import news, other, report


def notes(points: list[CitePoint], style: str = "chicago-notes", **options: bool) -> list[str]:
    return [rich_to_markdown(n) for n in CitationEngine(style, **options).format(points).notes]


def one(source, locator: str = "", **kw: str) -> CitePoint:
    return CitePoint([CiteItem(source.id, source, locator, **kw)])


def test_several_items_in_one_note_are_joined_by_semicolons_with_one_final_period() -> None:
    a, b = news(), other()
    out = notes([CitePoint([CiteItem("a", a, "p. 4"), CiteItem("b", b)])])
    assert out == [
        "Jane Smith, “Title of the Article,” *Outlet Name*, November 7, 2025, 4, "
        "https://example.org/a; "
        "John Doe, “Another Piece,” *Other Outlet*, January 5, 2024, https://example.org/o."
    ]


def test_prefix_is_capitalised_at_note_start_and_suffix_follows_a_comma() -> None:
    a = news()
    out = notes([one(a), one(a, "para. 2", prefix="see", suffix="emphasis added")], ibid=False)
    assert out[1] == "See Smith, “Title of the Article,” para. 2, emphasis added."


def test_ibid_same_locator_and_different_locator() -> None:
    a = news()
    out = notes([one(a, "p. 3"), one(a, "p. 3"), one(a, "pp. 4-5")])
    assert out[1:] == ["Ibid.", "Ibid., 4\u20135."]


def test_ibid_is_lower_case_inside_a_note_after_another_item() -> None:
    a, b = news(), other()
    out = notes([one(a), CitePoint([CiteItem("b", b), CiteItem("b", b, "p. 2")])])
    assert out[1].endswith("https://example.org/o; ibid., 2.")


def test_ibid_needs_the_previous_note_to_cite_that_source_alone() -> None:
    a, b = news(), other()
    out = notes([CitePoint([CiteItem("a", a), CiteItem("b", b)]), one(a)])
    assert out[1] == "Smith, “Title of the Article.”"


def test_ibid_is_broken_by_an_intervening_source() -> None:
    a, b = news(), other()
    out = notes([one(a), one(b), one(a, "p. 4")])
    assert out[2] == "Smith, “Title of the Article,” 4."


def test_no_ibid_after_a_locator_when_this_cite_has_none() -> None:
    a = news()
    assert notes([one(a, "p. 4"), one(a)])[1] == "Smith, “Title of the Article.”"


def test_ibid_can_be_switched_off() -> None:
    a = news()
    assert notes([one(a), one(a, "p. 4")], ibid=False)[1] == "Smith, “Title of the Article,” 4."


def test_report_short_form_keeps_italic_short_title() -> None:
    r = report()
    out = notes([one(r), one(other()), one(r, "p. 12")])
    assert out[2] == "Centre for Maritime Studies, *Shipping Risk*, 12."


def test_grades_appended_to_each_item_when_asked() -> None:
    a, b = news(), other()
    point = CitePoint([CiteItem("a", a, grade="B2"), CiteItem("b", b, grade="F6")])
    out = notes([point], with_grades=True)
    assert out[0].endswith(
        "https://example.org/a [B2]; John Doe, “Another Piece,” "
        "*Other Outlet*, January 5, 2024, https://example.org/o [F6]."
    )


def test_intelligence_style_always_carries_the_grade_and_never_uses_ibid() -> None:
    a = news()
    out = notes([one(a, grade="B2"), one(a, "para. 3", grade="B3")], "intelligence")
    assert out[1] == "Smith, “Title of the Article,” para. 3 [B3]."


def test_question_mark_title_takes_no_extra_comma_or_period() -> None:
    a = news()
    a.title = "Is It War?"
    out = notes([one(a), one(other()), one(a)])
    assert out[0].startswith("Jane Smith, “Is It War?” *Outlet Name*")
    assert out[2] == "Smith, “Is It War?”"
