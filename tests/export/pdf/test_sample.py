"""The sample briefing as a PDF: every block's text, the notes in order, bookmarks,
metadata, banner and page numbers on every page, contents, clickable links."""

from __future__ import annotations

import json
import re

from pypdf.generic import DictionaryObject

from briefing_app.cite import rich_to_plain
from briefing_app.export.document import Figure, Heading
from briefing_app.export.pdf.data import to_typst_data
from briefing_app.export.pdf.typeset import Workspace
from tests.export.pdf.conftest import SamplePdf
from tests.export.pdf.helpers import block_texts, normalise, printed_in


def test_every_block_prints_its_text(sample_pdf: SamplePdf) -> None:
    pages = [normalise(text) for text in sample_pdf.page_texts()]
    missing = [
        text[:60]
        for block in sample_pdf.doc.blocks
        for text in block_texts(block)
        if not printed_in(text, pages)
    ]
    assert missing == []


def test_notes_are_footnotes_in_the_order_of_the_resolved_document(sample_pdf: SamplePdf) -> None:
    doc = sample_pdf.doc
    assert len(doc.notes) > 50
    printed = normalise("".join(sample_pdf.page_texts()))
    position = 0
    for number, note in enumerate(doc.notes, start=1):
        found = printed.find(normalise(f"{number}{rich_to_plain(note)}"), position)
        assert found >= 0, f"note {number} missing or out of order: {rich_to_plain(note)[:60]}"
        position = found + 1


def test_typst_sets_exactly_one_footnote_per_note(sample_pdf: SamplePdf) -> None:
    with Workspace(sample_pdf.doc.meta.template) as ws:
        ws.update(to_typst_data(sample_pdf.doc))
        footnotes = json.loads(ws.compiler().query("footnote"))
    assert len(footnotes) == len(sample_pdf.doc.notes)


def _outline_titles(outline: list, depth: int = 0) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for item in outline:
        if isinstance(item, list):
            out.extend(_outline_titles(item, depth + 1))
        else:
            out.append((depth, item.title))
    return out


def test_bookmarks_follow_the_headings(sample_pdf: SamplePdf) -> None:
    headings = [b for b in sample_pdf.doc.blocks if isinstance(b, Heading)]
    expected = [(h.level - 1, f"{h.number} {h.portion} {h.text}") for h in headings]
    assert _outline_titles(sample_pdf.reader.outline) == [
        *expected, (0, sample_pdf.doc.meta.bibliography_title)
    ]


def test_metadata_carries_title_authors_keywords_and_date(sample_pdf: SamplePdf) -> None:
    meta = sample_pdf.reader.metadata
    doc_meta = sample_pdf.doc.meta
    assert meta.title == doc_meta.title
    assert meta.author == ", ".join(doc_meta.authors)
    assert meta["/Keywords"] == ", ".join(doc_meta.keywords)
    assert meta["/CreationDate"].startswith("D:" + doc_meta.date.replace("-", ""))


def test_banner_top_and_bottom_and_page_n_of_m_on_every_page(sample_pdf: SamplePdf) -> None:
    texts = sample_pdf.page_texts()
    banner = sample_pdf.doc.meta.banner
    assert banner is not None and len(texts) > 3
    for number, text in enumerate(texts, start=1):
        lines = [line.strip() for line in text.strip().splitlines()]
        assert lines[0] == banner.text and lines[-1] == banner.text
        assert f"Page {number} of {len(texts)}" in text


def test_first_page_has_title_block_and_contents(sample_pdf: SamplePdf) -> None:
    first = normalise(sample_pdf.page_texts()[0])
    meta = sample_pdf.doc.meta
    for text in (meta.title, meta.subtitle, meta.organisation.upper(), meta.distribution):
        assert normalise(text) in first
    assert "Contents" in first
    for heading in sample_pdf.doc.headings():
        assert normalise(heading.text) in first


def _uris(sample_pdf: SamplePdf) -> set[str]:
    found = set()
    for page in sample_pdf.reader.pages:
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            action = annot.get("/A")
            if isinstance(action, DictionaryObject) and "/URI" in action:
                found.add(str(action["/URI"]))
    return found


def test_links_in_notes_are_clickable(sample_pdf: SamplePdf) -> None:
    note_links = {run.link for note in sample_pdf.doc.notes for run in note if run.link}
    assert note_links and note_links <= _uris(sample_pdf)


def test_figures_keep_their_numbered_captions_and_images(sample_pdf: SamplePdf) -> None:
    figures = [b for b in sample_pdf.doc.blocks if isinstance(b, Figure)]
    printed = "".join(sample_pdf.page_texts())
    for figure in figures:
        assert re.search(rf"Figure\s+{figure.number}:", printed)
    images = sum(len(page.images) for page in sample_pdf.reader.pages)
    assert images == len([f for f in figures if f.png])


def test_nothing_was_reported_for_the_sample(sample_pdf: SamplePdf) -> None:
    assert not [p for p in sample_pdf.doc.problems if "PDF" in p or "typesetting" in p]
