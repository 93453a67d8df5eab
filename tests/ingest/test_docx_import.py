"""DOCX: body in reading order, tables as text, core properties; zip bombs refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.ingest import IngestError, TooLargeError, import_file
from briefing_app.store import Project

from .builders import make_docx, make_zip_bomb
from .conftest import state


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_paragraphs_headings_and_tables_become_text(project: Project, tmp_path: Path) -> None:
    data = make_docx(
        [
            ("Heading 1", "Interview notes"),
            ("Normal", "The source described the road."),
            ("Heading 2", "Losses"),
            ("Normal", "Figures were not confirmed."),
        ],
        table=[["Unit", "Strength"], ["North", "about 400"]],
        title="Interview with a driver",
        author="Analyst Desk",
    )
    source = import_file(project, write(tmp_path, "notes.docx", data)).source
    assert source.text.split("\n\n") == [
        "Interview notes",
        "The source described the road.",
        "Losses",
        "Figures were not confirmed.",
        "Unit\tStrength\nNorth\tabout 400",
    ]
    assert source.title == "Interview with a driver"
    assert [a.display() for a in source.authors] == ["Analyst Desk"]
    assert source.locator_at(source.text.index("Figures")) == "para. 4"


def test_docx_without_title_property_uses_its_heading(project: Project, tmp_path: Path) -> None:
    data = make_docx([("Heading 1", "Interview notes"), ("Normal", "Body text here.")])
    assert import_file(project, write(tmp_path, "n.docx", data)).source.title == "Interview notes"


def test_zip_bomb_is_refused_before_inflating(project: Project, tmp_path: Path) -> None:
    before = state(project)
    with pytest.raises(TooLargeError, match="zip bomb"):
        import_file(project, write(tmp_path, "bomb.docx", make_zip_bomb()))
    assert state(project) == before


def test_damaged_docx_is_refused(project: Project, tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"damaged|cannot be read"):
        import_file(project, write(tmp_path, "bad.docx", b"PK\x03\x04 not really a zip"))


def test_zip_that_is_not_a_word_document(project: Project, tmp_path: Path) -> None:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(IngestError, match="cannot be read"):
        import_file(project, write(tmp_path, "odd.docx", out.getvalue()))
