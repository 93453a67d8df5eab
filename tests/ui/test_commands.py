"""Undo commands change the project through the store, and undo restores it exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from briefing_app.model.blocks import Paragraph
from briefing_app.store import Project
from briefing_app.ui.commands import (
    AddSnippet,
    EditParagraph,
    InsertBlock,
    RemoveBlock,
    UpdateSourceGrading,
)


@pytest.fixture
def project(small_project: Path) -> Project:
    p = Project.open(small_project)
    yield p
    p.close()


def _paragraph_ids(project: Project) -> list[str]:
    briefing = project.briefings.get()
    return [b.id for s in briefing.sections for b in s.blocks]


def test_typing_merges_into_one_undo_step(project: Project) -> None:
    briefing = project.briefings.get()
    block = next(b for s in briefing.sections for b in s.blocks if isinstance(b, Paragraph))
    stack = QUndoStack()
    for text in ("T", "Ty", "Typed text"):
        stack.push(EditParagraph(project, briefing.id, block.id, text))
    assert stack.count() == 1
    assert project.briefings.get_block(briefing.id, block.id).text == "Typed text"
    stack.undo()
    assert project.briefings.get_block(briefing.id, block.id).text == block.text
    stack.redo()
    assert project.briefings.get_block(briefing.id, block.id).text == "Typed text"


def test_insert_and_remove_blocks_undo_to_the_same_outline(project: Project) -> None:
    briefing = project.briefings.get()
    section = briefing.sections[0]
    before = _paragraph_ids(project)
    stack = QUndoStack()
    stack.push(InsertBlock(project, briefing.id, section.id, 1, Paragraph("New point.")))
    inserted = _paragraph_ids(project)
    assert len(inserted) == len(before) + 1
    stack.push(RemoveBlock(project, briefing.id, before[0]))
    assert before[0] not in _paragraph_ids(project)
    stack.undo()
    assert _paragraph_ids(project) == inserted
    stack.undo()
    assert _paragraph_ids(project) == before


def test_taking_a_snippet_can_be_undone_and_redone(project: Project) -> None:
    source = project.sources.list()[0]
    count = project.snippets.count()
    stack = QUndoStack()
    stack.push(AddSnippet(project, source.id, 0, 12))
    assert project.snippets.count() == count + 1
    stack.undo()
    assert project.snippets.count() == count
    stack.redo()
    assert project.snippets.count() == count + 1
    assert project.integrity_problems() == []


def test_grading_a_source_is_undoable(project: Project) -> None:
    source = project.sources.list()[0]
    stack = QUndoStack()
    stack.push(UpdateSourceGrading(project, source.id, "A", "Wire service, direct access"))
    assert project.sources.get(source.id).reliability == "A"
    stack.undo()
    restored = project.sources.get(source.id)
    assert (restored.reliability, restored.descriptor) == (source.reliability,
                                                           source.descriptor)
