"""PDF output options and failures: reproducible bytes, PDF/A-2b, endnotes, both house
styles, a chart that failed, and clear errors for a missing template or folder."""

from __future__ import annotations

import json
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing_app.cite import rich_to_plain
from briefing_app.export.atomic import ExportError
from briefing_app.export.document import Figure, InTextCitation, Para, ResolvedDocument
from briefing_app.export.pdf import render_pdf, write_pdf
from briefing_app.export.pdf.data import to_typst_data
from briefing_app.export.pdf.typeset import Workspace
from briefing_app.paths import templates_dir
from tests.export.pdf.conftest import FIXED, SamplePdf
from tests.export.pdf.helpers import hostile_document, normalise, printed_in, resolved_sample


def test_same_document_and_timestamp_give_identical_bytes(sample_doc: ResolvedDocument) -> None:
    assert render_pdf(sample_doc, timestamp=FIXED) == render_pdf(sample_doc, timestamp=FIXED)


def test_without_a_date_the_timestamp_is_the_creation_date(tmp_path: Path) -> None:
    doc = hostile_document()
    doc.meta.date = ""
    stamp = datetime(2024, 2, 29, 12, 0, tzinfo=UTC)
    reader = PdfReader(write_pdf(doc, tmp_path / "d.pdf", timestamp=stamp))
    assert reader.metadata["/CreationDate"].startswith("D:20240229120000")


def _xmp(reader: PdfReader) -> str:
    metadata = reader.trailer["/Root"].get("/Metadata")
    return metadata.get_object().get_data().decode("utf-8") if metadata else ""


def test_pdfa_option_declares_pdfa_2b(sample_doc: ResolvedDocument, tmp_path: Path) -> None:
    reader = PdfReader(write_pdf(sample_doc, tmp_path / "a.pdf", pdfa=True, timestamp=FIXED))
    xmp = _xmp(reader)
    assert re.search(r"pdfaid:part(>|=\")2", xmp), xmp[:400]
    assert re.search(r"pdfaid:conformance(>|=\")B", xmp)


def test_plain_export_does_not_claim_pdfa(sample_pdf: SamplePdf) -> None:
    assert "pdfaid:part" not in _xmp(sample_pdf.reader)


@pytest.fixture(scope="module")
def endnotes_pdf(
    sample_doc: ResolvedDocument, tmp_path_factory: pytest.TempPathFactory
) -> list[str]:
    sample_doc.meta.notes_placement = "endnotes"
    try:
        path = write_pdf(sample_doc, tmp_path_factory.mktemp("end") / "e.pdf")
    finally:
        sample_doc.meta.notes_placement = "footnotes"
    return [normalise(page.extract_text()) for page in PdfReader(path).pages]


def test_endnotes_are_listed_in_order_under_notes(
    sample_doc: ResolvedDocument, endnotes_pdf: list[str]
) -> None:
    start = next(i for i, page in enumerate(endnotes_pdf) if "Notes" in page)
    listing = "".join(endnotes_pdf[start:])
    position = 0
    for number, note in enumerate(sample_doc.notes, start=1):
        found = listing.find(normalise(f"{number}.{rich_to_plain(note)}"), position)
        assert found >= 0, f"endnote {number} missing or out of order"
        position = found + 1


def test_endnotes_leave_the_pages_without_footnotes(
    sample_doc: ResolvedDocument, endnotes_pdf: list[str]
) -> None:
    first_note = normalise(rich_to_plain(sample_doc.notes[0]))
    start = next(i for i, page in enumerate(endnotes_pdf) if "Notes" in page)
    assert not any(first_note in page for page in endnotes_pdf[:start])


def test_sitrep_template_prints_the_same_blocks(
    sample_doc: ResolvedDocument, tmp_path: Path
) -> None:
    sample_doc.meta.template = "sitrep"
    try:
        reader = PdfReader(write_pdf(sample_doc, tmp_path / "s.pdf"))
    finally:
        sample_doc.meta.template = "strategic"
    pages = [normalise(page.extract_text()) for page in reader.pages]
    assert "SITUATIONREPORT" in pages[0]
    for h in sample_doc.headings():  # the sitrep sets top-level headings in capitals
        assert printed_in(h.text.upper() if h.level == 1 else h.text, pages), h.text


def test_a_chart_that_failed_keeps_its_caption_without_a_picture(tmp_path: Path) -> None:
    doc = hostile_document()
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert [bool(f.png) for f in figures] == [True, False]
    reader = PdfReader(write_pdf(doc, tmp_path / "f.pdf"))
    assert sum(len(page.images) for page in reader.pages) == 1
    assert "Figure 2:" in "".join(page.extract_text() for page in reader.pages)


def test_missing_folder_is_a_clear_error(sample_doc: ResolvedDocument, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        write_pdf(sample_doc, tmp_path / "no" / "such" / "x.pdf")


def test_a_template_without_typst_file_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "templates"
    shutil.copytree(templates_dir(), root)
    (root / "strategic" / "main.typ").unlink()
    monkeypatch.setenv("BRIEFING_STUDIO_TEMPLATES", str(root))
    with pytest.raises(ExportError, match=r"no main\.typ"):
        write_pdf(hostile_document(), tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_a_broken_template_is_reported_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "templates"
    shutil.copytree(templates_dir(), root)
    (root / "strategic" / "main.typ").write_text("#let x = (\n", encoding="utf-8")
    monkeypatch.setenv("BRIEFING_STUDIO_TEMPLATES", str(root))
    with pytest.raises(ExportError, match="typesetting the PDF failed"):
        write_pdf(hostile_document(), tmp_path / "x.pdf")


def test_a_failed_export_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "x.pdf"
    target.write_bytes(b"previous")
    root = tmp_path / "templates"
    shutil.copytree(templates_dir(), root)
    (root / "strategic" / "main.typ").write_text('#panic("no")\n', encoding="utf-8")
    monkeypatch.setenv("BRIEFING_STUDIO_TEMPLATES", str(root))
    with pytest.raises(ExportError):
        write_pdf(hostile_document(), target)
    assert target.read_bytes() == b"previous"


@pytest.mark.parametrize("key", ["../strategic", "nonexistent", "", "common"])
def test_only_a_named_template_folder_with_main_typ_is_used(tmp_path: Path, key: str) -> None:
    doc = hostile_document()
    doc.meta.template = key
    with pytest.raises(ExportError, match="choose another template"):
        write_pdf(doc, tmp_path / "x.pdf")


def test_author_date_styles_print_citations_in_the_text_and_references(tmp_path: Path) -> None:
    doc = resolved_sample(tmp_path, style="apa")
    assert not doc.is_note_style and doc.notes == []
    pages = [
        normalise(p.extract_text()) for p in PdfReader(write_pdf(doc, tmp_path / "a.pdf")).pages
    ]
    cites = [
        rich_to_plain(i.text)
        for b in doc.blocks
        if isinstance(b, Para)
        for i in b.inlines
        if isinstance(i, InTextCitation)
    ]
    assert cites and all(printed_in(c, pages) for c in cites)
    assert any("References" in page for page in pages)
    with Workspace(doc.meta.template) as ws:
        ws.update(to_typst_data(doc))
        assert json.loads(ws.compiler().query("footnote")) == []
