"""OutlineModel: a briefing's sections as a tree by level, each with its blocks as children."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import count
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ..model.blocks import (
    Block,
    Chart,
    Image,
    KeyJudgments,
    Paragraph,
    Quote,
    Scenarios,
    Signposts,
    Table,
)
from ..model.briefing import Briefing, Section
from ..model.events import Event
from ..model.inline import CiteRun, parse_inline
from ..store import NotFoundError, Project
from .document import Document

ModelIndex = QModelIndex | QPersistentModelIndex

#: The role that gives the section or block id of a row.
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: "section" or the block's type ("paragraph", "chart", ...).
ITEM_KIND_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS = ("Outline", "Type", "Cites")
OUTLINE, TYPE, CITATIONS = range(len(COLUMNS))

BLOCK_LABELS = {
    "paragraph": "Paragraph",
    "quote": "Quote",
    "chart": "Chart",
    "key_judgments": "Key judgments",
    "scenarios": "Scenarios",
    "signposts": "Signposts",
    "table": "Table",
    "image": "Image",
}

_CLOSING_PUNCTUATION = set(".,;:!?)]")
PREVIEW_LIMIT = 200  # characters; the view elides further, this only bounds the work


def one_line(text: str, limit: int = PREVIEW_LIMIT) -> str:
    """Whitespace collapsed to single spaces, cut at `limit` with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def paragraph_text(markdown: str) -> str:
    """The paragraph as read, without markup or citations, and without the space a citation
    leaves before punctuation ("weeks [@sn1]." reads "weeks.")."""
    pieces: list[str] = []
    after_citation = False
    for run in parse_inline(markdown):
        if isinstance(run, CiteRun):
            after_citation = True
            continue
        text = run.text
        if after_citation and pieces and text[:1] in _CLOSING_PUNCTUATION:
            pieces[-1] = pieces[-1].rstrip()
        pieces.append(text)
        after_citation = False
    return "".join(pieces)


def block_preview(block: Block, project: Project | None = None) -> str:
    """What an outline row says about a block: its text, or its kind and title."""
    if isinstance(block, Paragraph):
        return one_line(paragraph_text(block.text))
    if isinstance(block, Quote):
        return _quote_preview(block, project)
    if isinstance(block, Chart):
        return one_line(f"Chart: {block.spec.title or block.spec.kind}")
    if isinstance(block, KeyJudgments):
        return f"Key judgments ({len(block.items)})"
    if isinstance(block, Scenarios):
        return f"Scenarios ({len(block.items)})"
    if isinstance(block, Signposts):
        return f"Signposts ({len(block.items)})"
    if isinstance(block, Table):
        return one_line(f"Table: {block.caption or ', '.join(block.columns)}")
    if isinstance(block, Image):
        return one_line(f"Image: {block.caption or block.description or block.path}")
    return BLOCK_LABELS.get(getattr(block, "type", ""), "Block")


def _quote_preview(block: Quote, project: Project | None) -> str:
    label = f"Quote: snippet {block.snippet}"
    if project is None:
        return label
    try:
        text = project.snippets.get(block.snippet).text
    except NotFoundError:
        return f"{label} (missing)"
    return one_line(f"{label} — “{one_line(text, 160)}”")


_keys = count(1)


@dataclass(eq=False)
class OutlineNode:
    """A row of the tree: a section (with blocks, then subsections, as children) or a block.

    Qt indexes refer to nodes by `key`, an integer never reused, so an index that outlives
    its node finds nothing instead of a dangling Python object.
    """

    parent: OutlineNode | None
    section: Section | None = None
    block: Block | None = None
    number: str = ""
    children: list[OutlineNode] = field(default_factory=list)
    key: int = field(default_factory=lambda: next(_keys))

    @property
    def level(self) -> int:
        return self.section.level if self.section is not None else 0

    def block_count(self) -> int:
        return sum(1 for child in self.children if child.block is not None)


def build_tree(briefing: Briefing | None) -> OutlineNode:
    """The root node: sections nested by level (like Word's outline), numbered 1, 1.1, ..."""
    root = OutlineNode(parent=None)
    if briefing is None:
        return root
    stack: list[OutlineNode] = []
    for section in briefing.sections:
        while stack and stack[-1].level >= section.level:
            stack.pop()
        parent = stack[-1] if stack else root
        subsections = sum(1 for c in parent.children if c.section is not None)
        prefix = f"{parent.number}." if parent.number else ""
        node = OutlineNode(parent=parent, section=section, number=f"{prefix}{subsections + 1}")
        node.children = [OutlineNode(parent=node, block=b) for b in section.blocks]
        parent.children.append(node)
        stack.append(node)
    return root


class OutlineModel(QAbstractItemModel):
    """The outline of the document's selected briefing.

    Block edits arrive as fine-grained events and move single rows; section edits can
    re-parent the sections after them, so they reset the tree.
    """

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._briefing: Briefing | None = None
        self._root = OutlineNode(parent=None)
        self._nodes: dict[int, OutlineNode] = {}
        self._load()
        document.changed.connect(self._on_changed)
        document.briefing_selected.connect(self._on_briefing_selected)

    # ------------------------------------------------------------------ public API

    @property
    def briefing(self) -> Briefing | None:
        """The briefing shown (a snapshot kept current by events), or None."""
        return self._briefing

    def node(self, index: ModelIndex) -> OutlineNode:
        if not index.isValid():
            return self._root
        return self._nodes.get(index.internalId(), self._root)

    def index_of(self, item_id: str) -> QModelIndex:
        """The index of the section or block with this id (column 0), or an invalid one."""
        for node in self._nodes.values():
            if _item_id(node) == item_id:
                return self._index_of_node(node)
        return QModelIndex()

    # ------------------------------------------------------------------ Qt model

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        parent_node = self.node(parent)
        if not (0 <= row < len(parent_node.children) and 0 <= column < len(COLUMNS)):
            return QModelIndex()
        return self.createIndex(row, column, parent_node.children[row].key)

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = self.node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self._index_of_node(parent)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.internalId() not in self._nodes:
            return None
        node = self._nodes[index.internalId()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == OUTLINE:
            return self._tooltip(node)
        if role == Qt.ItemDataRole.ToolTipRole and column == CITATIONS:
            return "Citations (notes) in this block, or in this section and its subsections"
        if role == Qt.ItemDataRole.FontRole and node.section is not None and column == OUTLINE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == CITATIONS:
            return Qt.AlignmentFlag.AlignCenter
        if role == ITEM_ID_ROLE:
            return _item_id(node)
        if role == ITEM_KIND_ROLE:
            return "section" if node.section is not None else getattr(node.block, "type", "")
        return None

    # ------------------------------------------------------------------ presentation

    def _display(self, node: OutlineNode, column: int) -> str:
        if node.section is not None:
            if column == OUTLINE:
                return f"{node.number}  {node.section.heading}"
            if column == TYPE:
                return "Section"
            cited = _citation_count(node)
            return str(cited) if cited else ""
        block = node.block
        assert block is not None
        if column == OUTLINE:
            return block_preview(block, self._document.project)
        if column == TYPE:
            return BLOCK_LABELS.get(block.type, block.type)
        cited = len(block.citations())
        return str(cited) if cited else ""

    def _tooltip(self, node: OutlineNode) -> str:
        if node.section is not None:
            return node.section.heading
        assert node.block is not None
        if isinstance(node.block, Paragraph):
            return paragraph_text(node.block.text)
        return block_preview(node.block, self._document.project)

    # ------------------------------------------------------------------ tree plumbing

    def _index_of_node(self, node: OutlineNode) -> QModelIndex:
        if node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.children.index(node), 0, node.key)

    def _section_node(self, section_id: str) -> OutlineNode | None:
        for node in self._nodes.values():
            if node.section is not None and node.section.id == section_id:
                return node
        return None

    def _register(self, node: OutlineNode) -> None:
        self._nodes[node.key] = node
        for child in node.children:
            self._register(child)

    def _load(self) -> None:
        briefing_id = self._document.briefing_id
        self._briefing = self._document.project.briefings.get(briefing_id) if briefing_id else None
        self._root = build_tree(self._briefing)
        self._nodes = {}
        for child in self._root.children:
            self._register(child)

    def _reset(self) -> None:
        self.beginResetModel()
        self._load()
        self.endResetModel()

    # ------------------------------------------------------------------ following the store

    def _on_briefing_selected(self, _briefing_id: str) -> None:
        self._reset()

    def _on_changed(self, event: Event) -> None:
        shown = self._briefing.id if self._briefing is not None else ""
        if event.kind == "briefing":
            if shown in event.ids and event.action in ("reset", "changed"):
                self._reset()
        elif event.kind == "section":
            if event.details.get("briefing") == shown:
                self._reset()
        elif event.kind == "block" and shown and event.details.get("briefing") == shown:
            for block_id in event.ids:
                self._on_block(event, block_id)
        elif event.kind == "snippet" and event.action in ("changed", "removed"):
            self._refresh_quotes()

    def _on_block(self, event: Event, block_id: str) -> None:
        if event.action == "inserted":
            self._insert_block(event.details["section"], int(event.details["index"]), block_id)
        elif event.action == "removed":
            self._remove_block(event.details["section"], int(event.details["index"]))
        elif event.action == "changed":
            self._replace_block(block_id)

    def _insert_block(self, section_id: str, index: int, block_id: str) -> None:
        section_node = self._section_node(section_id)
        if section_node is None or section_node.section is None:
            self._reset()
            return
        block = self._document.project.briefings.get_block(self._briefing_id(), block_id)
        node = OutlineNode(parent=section_node, block=block)
        # Blocks come before subsections among a section's children, in section order.
        row = min(index, section_node.block_count())
        self.beginInsertRows(self._index_of_node(section_node), row, row)
        section_node.section.blocks.insert(row, block)
        section_node.children.insert(row, node)
        self._nodes[node.key] = node
        self.endInsertRows()
        self._section_changed(section_node)

    def _remove_block(self, section_id: str, index: int) -> None:
        section_node = self._section_node(section_id)
        if section_node is None or section_node.section is None:
            self._reset()
            return
        if not 0 <= index < section_node.block_count():
            self._reset()
            return
        self.beginRemoveRows(self._index_of_node(section_node), index, index)
        node = section_node.children.pop(index)
        del section_node.section.blocks[index]
        self._nodes.pop(node.key, None)
        self.endRemoveRows()
        self._section_changed(section_node)

    def _replace_block(self, block_id: str) -> None:
        for node in list(self._nodes.values()):
            if node.block is not None and node.block.id == block_id and node.parent is not None:
                block = self._document.project.briefings.get_block(self._briefing_id(), block_id)
                section = node.parent.section
                if section is not None:
                    position = next(i for i, b in enumerate(section.blocks) if b is node.block)
                    section.blocks[position] = block
                node.block = block
                index = self._index_of_node(node)
                self.dataChanged.emit(index, index.siblingAtColumn(len(COLUMNS) - 1))
                self._section_changed(node.parent)
                return

    def _refresh_quotes(self) -> None:
        """Quote rows show their snippet's text, so snippet edits repaint them."""
        for node in self._nodes.values():
            if isinstance(node.block, Quote):
                index = self._index_of_node(node)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])

    def _section_changed(self, node: OutlineNode) -> None:
        """A section row shows its citation count, which its blocks change."""
        index = self._index_of_node(node)
        self.dataChanged.emit(index.siblingAtColumn(CITATIONS), index.siblingAtColumn(CITATIONS))

    def _briefing_id(self) -> str:
        return self._briefing.id if self._briefing is not None else ""


def _citation_count(node: OutlineNode) -> int:
    if node.block is not None:
        return len(node.block.citations())
    return sum(_citation_count(child) for child in node.children)


def _item_id(node: OutlineNode) -> str:
    if node.section is not None:
        return node.section.id
    return getattr(node.block, "id", "")
