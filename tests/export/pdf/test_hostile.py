"""User text never acts as markup: hostile text in every field is printed literally."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing_app.export.document import ResolvedDocument
from briefing_app.export.pdf import write_pdf
from tests.export.pdf.helpers import (
    EMOJI,
    HOSTILE,
    LONG_WORD,
    hostile_document,
    normalise,
    printed_in,
)


@pytest.fixture(scope="module", params=["strategic", "sitrep"])
def hostile(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[ResolvedDocument, list[str]]:
    doc = hostile_document()
    doc.meta.template = request.param
    path = write_pdf(doc, tmp_path_factory.mktemp("hostile") / "h.pdf")
    return doc, [page.extract_text() for page in PdfReader(path).pages]


_RTL = "عربي: بوكروفسك"


@pytest.mark.parametrize("text", [h for h in HOSTILE if h != _RTL] + [LONG_WORD])
def test_hostile_text_is_printed_literally(
    hostile: tuple[ResolvedDocument, list[str]], text: str
) -> None:
    _, pages = hostile
    assert printed_in(text, [normalise(p) for p in pages])


def test_right_to_left_text_keeps_its_letters(hostile: tuple[ResolvedDocument, list[str]]) -> None:
    """Arabic is laid out right to left, so extraction order varies; its letters must all
    be there (DejaVu Sans covers Arabic)."""
    _, pages = hostile
    printed = set("".join(pages))
    assert set(_RTL.replace(" ", "")) <= printed


def test_no_file_was_read_and_nothing_was_evaluated(
    hostile: tuple[ResolvedDocument, list[str]],
) -> None:
    text = "".join(hostile[1])
    assert "root:" not in text  # /etc/passwd
    assert "49" not in text  # {{ 7*7 }}


def test_every_field_reaches_the_page(hostile: tuple[ResolvedDocument, list[str]]) -> None:
    """Each HOSTILE string sits in many fields; count them to see no field was dropped."""
    _, pages = hostile
    printed = normalise("".join(pages))
    counts = {h: printed.count(normalise(h)) for h in HOSTILE if h != _RTL}
    assert min(counts.values()) >= 4, counts


def test_characters_no_font_has_are_reported(hostile: tuple[ResolvedDocument, list[str]]) -> None:
    doc, _ = hostile
    reports = [p for p in doc.problems if "cannot show" in p]
    assert len(reports) == 1
    assert "U+1F680" in reports[0] and "U+4E2D" in reports[0] and "U+6587" in reports[0]
    assert "Кириллица" not in reports[0] and "U+0639" not in reports[0]  # covered scripts


def test_emoji_do_not_stop_the_export(tmp_path: Path) -> None:
    doc = hostile_document()
    assert EMOJI in doc.blocks[1].inlines[-1].text  # type: ignore[union-attr]
    assert write_pdf(doc, tmp_path / "e.pdf").stat().st_size > 1000
