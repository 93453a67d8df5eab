"""The fonts: shipped files only, and a coverage table that matches them."""

from __future__ import annotations

from briefing_app.export.pdf.fonts import (
    cmap_codepoints,
    coverage_problem,
    covered_codepoints,
    uncovered,
)
from briefing_app.export.pdf.typeset import typst_fonts


def test_coverage_table_matches_the_font_files() -> None:
    assert covered_codepoints() == cmap_codepoints()


def test_typst_sees_exactly_the_shipped_families() -> None:
    assert typst_fonts().families() == ["DejaVu Sans", "Linux Biolinum O", "Linux Libertine O"]


def test_latin_cyrillic_greek_and_arabic_are_covered() -> None:
    assert uncovered("Résumé Покровськ Ελλάδα بوكروفسك “quotes” — 2025 № 5 €") == []


def test_missing_characters_are_named_once_in_first_seen_order() -> None:
    assert uncovered("a中b文c中\u200b\n") == ["中", "文"]
    message = coverage_problem("x 🚀 y")
    assert message is not None and "U+1F680 rocket" in message
    assert coverage_problem("plain text") is None
