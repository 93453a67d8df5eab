"""The sample briefing end to end: exported to DOCX, reopened, and read through LibreOffice."""

from __future__ import annotations

import re

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from briefing_app.cite import rich_to_plain
from briefing_app.export.document import Figure, NoteRef, TableBlock
from tests.export.docx.conftest import SampleExport
from tests.export.docx.docs import NS, W, body_paragraphs, texts


def _note_refs(doc) -> list[int]:  # type: ignore[no-untyped-def]
    """Note numbers in reading order, from the resolved document itself."""
    found: list[int] = []

    def walk(value: object) -> None:
        if isinstance(value, NoteRef):
            found.append(value.number)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)
        elif hasattr(value, "__dataclass_fields__"):
            for name in value.__dataclass_fields__:
                walk(getattr(value, name))

    walk(doc.blocks)
    return found


def _squeeze(value: str) -> str:
    return re.sub(r"\s+", "", value)


def test_one_footnote_per_citation_in_order(sample: SampleExport) -> None:
    document = docx.Document(str(sample.docx))
    notes_part = next(
        r.target_part for r in document.part.rels.values() if r.reltype == RT.FOOTNOTES
    )
    footnotes = etree.fromstring(notes_part.blob).findall("w:footnote", NS)[2:]
    refs = [
        int(r.get(f"{{{W}}}id")) for r in document.element.body.iter(f"{{{W}}}footnoteReference")
    ]
    assert len(sample.doc.notes) > 50
    assert refs == _note_refs(sample.doc) == list(range(1, len(sample.doc.notes) + 1))
    assert len(footnotes) == len(sample.doc.notes)
    assert [texts(f).strip() for f in footnotes] == [rich_to_plain(n) for n in sample.doc.notes]


def test_headings_figures_and_tables_are_all_there(sample: SampleExport) -> None:
    paragraphs = body_paragraphs(sample.docx)
    headings = [t for s, t in paragraphs if s.startswith("Heading")]
    expected = [
        " ".join(p for p in (h.number, h.portion, h.text) if p) for h in sample.doc.headings()
    ]
    assert headings == [*expected, "Sources"]
    captions = [t for s, t in paragraphs if s == "Caption"]
    figures = [b for b in sample.doc.blocks if isinstance(b, Figure)]
    tables = [b for b in sample.doc.blocks if isinstance(b, TableBlock)]
    assert [c for c in captions if "Figure" in c.split(":")[0]] == [
        f"{f.caption_portion or f.portion} {texts_of(f.caption)}".strip() for f in figures
    ]
    assert len(docx.Document(str(sample.docx)).inline_shapes) == len(figures)
    assert any(c.startswith(f"(U) Table {tables[0].number}:") for c in captions)


def texts_of(inlines) -> str:  # type: ignore[no-untyped-def]
    return "".join(getattr(i, "text", "") for i in inlines if not isinstance(i, NoteRef))


def test_title_and_properties(sample: SampleExport) -> None:
    document = docx.Document(str(sample.docx))
    assert document.paragraphs[0].style.name == "Title"
    assert document.paragraphs[0].text == sample.doc.meta.title
    assert document.core_properties.title == sample.doc.meta.title
    assert document.core_properties.author == "; ".join(sample.doc.meta.authors)


def test_libreoffice_shows_the_header_marking_on_every_page(sample_pdf_text: str) -> None:
    pages = sample_pdf_text.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 5
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[0] == "UNCLASSIFIED", f"page {number} header"
        assert lines[-2:] == ["UNCLASSIFIED", f"Page {number} of {len(pages)}"]


def test_libreoffice_shows_every_note_text(sample: SampleExport, sample_pdf_text: str) -> None:
    # Header/footer lines interrupt a note that runs onto the next page: compare note starts.
    text = _squeeze(sample_pdf_text)
    missing = [n for n in sample.doc.notes if _squeeze(rich_to_plain(n))[:40] not in text]
    assert missing == []


def test_libreoffice_shows_the_bibliography_under_sources(
    sample: SampleExport, sample_pdf_text: str
) -> None:
    tail = _squeeze(sample_pdf_text.rsplit("\nSources\n", maxsplit=1)[-1])
    assert len(sample.doc.bibliography) > 3
    for entry in sample.doc.bibliography:
        assert _squeeze(rich_to_plain(entry))[:50] in tail
