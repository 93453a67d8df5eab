"""Undo commands: one small `QUndoCommand` per user action.

Each command's `redo` and `undo` call one public store method, so the store's events
update every view and the undo stack is the only place edits are sequenced. Typing in one
paragraph merges into a single step.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from ..model.blocks import Block, Paragraph
from ..model.source import Source
from ..store import Project

#: Merge ids for QUndoCommand.id(): commands of the same id may merge.
EDIT_PARAGRAPH_ID = 1


class InsertBlock(QUndoCommand):
    """Insert a block at `index` in a section; undo removes it again."""

    def __init__(self, project: Project, briefing_id: str, section_id: str, index: int,
                 block: Block) -> None:
        super().__init__(f"Insert {block.type.replace('_', ' ')}")
        self._p, self._briefing, self._section, self._index = (
            project, briefing_id, section_id, index)
        self._block = block

    def redo(self) -> None:
        self._p.briefings.insert_block(self._briefing, self._section, self._index, self._block)

    def undo(self) -> None:
        self._p.briefings.remove_block(self._briefing, self._block.id)


class RemoveBlock(QUndoCommand):
    """Remove a block; undo puts the same block (same id) back where it was."""

    def __init__(self, project: Project, briefing_id: str, block_id: str) -> None:
        super().__init__("Delete block")
        self._p, self._briefing, self._block_id = project, briefing_id, block_id
        self._block: Block | None = None
        self._where: tuple[str, int] = ("", 0)

    def redo(self) -> None:
        self._block = self._p.briefings.get_block(self._briefing, self._block_id)
        self._where = self._p.briefings.remove_block(self._briefing, self._block_id)

    def undo(self) -> None:
        assert self._block is not None
        section, index = self._where
        self._p.briefings.insert_block(self._briefing, section, index, self._block)


class EditParagraph(QUndoCommand):
    """Replace a paragraph's text; consecutive edits of one paragraph merge into one step,
    so undo takes back a burst of typing, not a character."""

    def __init__(self, project: Project, briefing_id: str, block_id: str, text: str) -> None:
        super().__init__("Typing")
        self._p, self._briefing, self._block_id = project, briefing_id, block_id
        old = project.briefings.get_block(briefing_id, block_id)
        if not isinstance(old, Paragraph):
            raise TypeError(f"block {block_id} is a {old.type}, not a paragraph")
        self._before = old
        self._after = Paragraph(text, id=block_id, marking=old.marking)

    def id(self) -> int:
        return EDIT_PARAGRAPH_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, EditParagraph) or other._block_id != self._block_id:
            return False
        self._after = other._after
        return True

    def redo(self) -> None:
        self._p.briefings.update_block(self._briefing, self._after)

    def undo(self) -> None:
        self._p.briefings.update_block(self._briefing, self._before)


class AddSnippet(QUndoCommand):
    """Take a snippet from a selection in a source; undo removes it (its id is not reused)."""

    def __init__(self, project: Project, source_id: str, start: int, end: int) -> None:
        super().__init__("Take snippet")
        self._p, self._source, self._start, self._end = project, source_id, start, end
        self._id = ""

    def redo(self) -> None:
        fields = {"id": self._id} if self._id else {}
        self._id = self._p.snippets.add_offsets(self._source, self._start, self._end,
                                                **fields).id

    def undo(self) -> None:
        self._p.snippets.remove(self._id)


class UpdateSourceGrading(QUndoCommand):
    """Change a source's Admiralty reliability and descriptor."""

    def __init__(self, project: Project, source_id: str, reliability: str,
                 descriptor: str) -> None:
        super().__init__("Grade source")
        self._p = project
        self._before: Source = project.sources.get(source_id)
        self._after = project.sources.get(source_id)
        self._after.reliability, self._after.descriptor = reliability, descriptor

    def redo(self) -> None:
        self._p.sources.update(self._after)

    def undo(self) -> None:
        self._p.sources.update(self._before)
