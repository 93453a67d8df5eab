"""PDF: text per page with page locators; scanned, truncated and locked files refused."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from briefing_app.ingest import IngestError, NoTextError, UnsupportedError, import_file
from briefing_app.store import Project

from .builders import make_pdf
from .conftest import state


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


PAGES = [
    "Situation report\nThe corridor remains open at night.",
    "Supplies move on foot.\nEvacuations continue slowly.",
    "Outlook\nPressure on the northern flank will grow.",
]


def test_each_page_gets_a_page_locator(project: Project, tmp_path: Path) -> None:
    data = make_pdf(PAGES, title="Weekly situation report", author="Field Office North")
    source = import_file(project, write(tmp_path, "sitrep.pdf", data)).source
    assert source.title == "Weekly situation report"
    assert source.type == "report"
    assert source.issued == "2025-11-07"
    assert [label for _, label in source.locators] == ["p. 1", "p. 2", "p. 3"]
    assert source.locator_at(source.text.index("Supplies move")) == "p. 2"
    assert source.locator_at(source.text.index("northern flank")) == "p. 3"
    assert project.attachments.get(source.attachment_id).data == data


def test_snippet_from_a_pdf_carries_its_page(project: Project, tmp_path: Path) -> None:
    source = import_file(project, write(tmp_path, "s.pdf", make_pdf(PAGES))).source
    snippet = project.snippets.add_quote(source.id, "Evacuations continue slowly.")
    assert snippet.locator == "p. 2"


def test_scanned_pdf_says_it_has_no_text_layer(project: Project, tmp_path: Path) -> None:
    before = state(project)
    with pytest.raises(NoTextError, match=r"no text layer.*OCR"):
        import_file(project, write(tmp_path, "scan.pdf", make_pdf([None, None])))
    assert state(project) == before


def test_partly_scanned_pdf_imports_with_a_note(project: Project, tmp_path: Path) -> None:
    result = import_file(
        project, write(tmp_path, "mixed.pdf", make_pdf([PAGES[0], None, PAGES[2]]))
    )
    assert [label for _, label in result.source.locators] == ["p. 1", "p. 3"]
    assert any("page(s) 2 have no text layer" in n for n in result.items[0].notes)


def test_truncated_pdf_is_refused(project: Project, tmp_path: Path) -> None:
    data = make_pdf(PAGES)
    before = state(project)
    with pytest.raises(IngestError, match="truncated"):
        import_file(project, write(tmp_path, "cut.pdf", data[: len(data) // 2]))
    assert state(project) == before


def test_damaged_pdf_is_refused_clearly(project: Project, tmp_path: Path) -> None:
    data = b"%PDF-1.4\n" + bytes(range(256)) * 20 + b"\n%%EOF\n"
    with pytest.raises(IngestError, match="PDF"):
        import_file(project, write(tmp_path, "junk.pdf", data))


def test_encrypted_pdf_gets_a_clear_message(project: Project, tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(PAGES))))
    writer.encrypt("secret", "owner-secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    before = state(project)
    with pytest.raises(IngestError, match="password-protected"):
        import_file(project, write(tmp_path, "locked.pdf", out.getvalue()))
    assert state(project) == before


def test_not_a_pdf_named_pdf(project: Project, tmp_path: Path) -> None:
    with pytest.raises(UnsupportedError, match="not a PDF"):
        import_file(project, write(tmp_path, "x.pdf", b"hello there"))
