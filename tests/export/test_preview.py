"""Live preview: page images, only the pages an edit changed, and prompt cancellation."""

from __future__ import annotations

import dataclasses

import pytest

from briefing_app.cite import RichRun
from briefing_app.export.document import DocMeta, Heading, NoteRef, Para, ResolvedDocument, Text
from briefing_app.export.preview import PreviewService

WORDS = (
    "The corridor narrowed under constant drone observation while supply moved at night "
    "and the garrison held the northern districts against infiltration groups. "
)


def long_document(paragraphs: int = 36) -> ResolvedDocument:
    blocks: list[object] = []
    notes = []
    for i in range(paragraphs):
        if i % 6 == 0:
            blocks.append(Heading(1, f"Section {i // 6 + 1}", str(i // 6 + 1), "", f"sec-{i}"))
        notes.append((RichRun(f"Source {i}, para. {i + 1}."),))
        blocks.append(Para([Text(f"Paragraph {i}. " + WORDS * 3), NoteRef(len(notes))]))
    return ResolvedDocument(DocMeta("Preview test", date="2025-11-10"), blocks, notes, [])


def edited(doc: ResolvedDocument, paragraph: int, text: str) -> ResolvedDocument:
    blocks = list(doc.blocks)
    paras = [i for i, b in enumerate(blocks) if isinstance(b, Para)]
    index = paras[paragraph]
    old = blocks[index]
    assert isinstance(old, Para)
    blocks[index] = Para([Text(text), *old.inlines[1:]])
    return dataclasses.replace(doc, blocks=blocks)


@pytest.fixture
def service() -> PreviewService:
    svc = PreviewService()
    yield svc
    svc.close()


def test_first_render_returns_every_page_as_png(service: PreviewService) -> None:
    result = service.render(long_document())
    assert result.page_count > 4
    assert result.changed == list(range(result.page_count))
    assert len(result.pages) == result.page_count
    assert all(page.startswith(b"\x89PNG\r\n\x1a\n") for page in result.pages)
    assert not result.cancelled


def test_rendering_the_same_document_again_changes_nothing(service: PreviewService) -> None:
    doc = long_document()
    service.render(doc)
    again = service.render(doc)
    assert again.changed == [] and again.pages == []


def test_a_one_paragraph_edit_redraws_only_its_page(service: PreviewService) -> None:
    doc = long_document()
    first = service.render(doc)
    # Same length, different words: the edit stays on its page.
    text = "Paragraph 20. " + WORDS.replace("corridor", "highway ") * 3
    result = service.render(edited(doc, 20, text))
    assert 1 <= len(result.changed) < first.page_count
    for number, png in zip(result.changed, result.pages, strict=True):
        assert png != first.pages[number]


def test_an_edited_page_looks_as_when_the_whole_briefing_is_typeset_again(
    service: PreviewService,
) -> None:
    doc = long_document()
    service.render(doc)
    changed = edited(doc, 20, "Paragraph 20. " + WORDS.replace("corridor", "highway ") * 3)
    result = service.render(changed)
    fresh = PreviewService()
    try:
        whole = fresh.render(changed)
    finally:
        fresh.close()
    assert result.changed and result.page_count == whole.page_count
    for number, png in zip(result.changed, result.pages, strict=True):
        assert png == whole.pages[number]
    assert service.settle().changed == []  # typesetting the whole again agrees


def test_an_edit_that_adds_lines_redraws_the_pages_after_it(service: PreviewService) -> None:
    doc = long_document()
    first = service.render(doc)
    result = service.render(edited(doc, 3, "Paragraph 3. " + WORDS * 12))
    # Text flows on to later pages; the contents page lists their new page numbers.
    assert result.page_count >= first.page_count
    assert result.changed[-1] == result.page_count - 1 and len(result.changed) > 2


def test_cancelled_before_typesetting_returns_at_once_and_keeps_state(
    service: PreviewService,
) -> None:
    doc = long_document()
    service.render(doc)
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return True

    result = service.render(edited(doc, 5, "Paragraph 5. changed"), cancelled=cancelled)
    assert result.cancelled and result.pages == [] and result.changed == []
    assert len(calls) == 1  # asked once, before any work
    assert service.render(doc).changed == []  # the last real render is still the baseline


def test_cancelled_while_drawing_forgets_the_baseline(service: PreviewService) -> None:
    doc = long_document()
    answers = iter([False, False, True])
    result = service.render(doc, cancelled=lambda: next(answers, True))
    assert result.cancelled
    assert len(service.render(doc).changed) == result.page_count


def test_changing_resolution_or_template_redraws_everything(service: PreviewService) -> None:
    doc = long_document()
    first = service.render(doc)
    assert len(service.render(doc, ppi=50).changed) == first.page_count
    sitrep = dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, template="sitrep"))
    result = service.render(sitrep, ppi=50)
    assert result.changed == list(range(result.page_count))


def test_characters_the_fonts_lack_are_reported_with_the_pages(service: PreviewService) -> None:
    doc = long_document(6)
    assert service.render(doc).problems == []
    result = service.render(edited(doc, 2, "Paragraph 2 with a rocket \U0001f680."))
    assert len(result.problems) == 1 and "U+1F680" in result.problems[0]
