"""The briefing: metadata, settings and an ordered list of sections with their blocks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .blocks import Block, Scenarios, Signposts
from .citation import Citation
from .estimative import DEFAULT_SCALE
from .tradecraft import Scenario, Signpost

NOTE_PLACEMENTS = ("footnotes", "endnotes")
#: Which text a quote block shows for a translated snippet; the note gives the other.
QUOTE_LANGUAGES = ("translation", "original")
DEFAULT_STYLE = "chicago-notes"
DEFAULT_TEMPLATE = "strategic"


@dataclass
class Section:
    """A heading and its blocks; `level` 1-3 makes the outline tree (flat list, like Word)."""

    heading: str
    level: int = 1
    blocks: list[Block] = field(default_factory=list)
    id: str = ""
    marking: str = ""


@dataclass
class Briefing:
    id: str = ""
    title: str = ""
    subtitle: str = ""
    authors: list[str] = field(default_factory=list)
    organisation: str = ""
    date: str = ""
    classification: str = ""  # explicit banner text; empty means the high-water mark
    marking_scheme: str = ""
    distribution: str = ""
    style: str = DEFAULT_STYLE
    notes: str = "footnotes"
    template: str = DEFAULT_TEMPLATE
    scale: str = DEFAULT_SCALE
    show_bands: bool = True
    quote_language: str = "translation"
    keywords: list[str] = field(default_factory=list)
    edition_of: str = ""
    sections: list[Section] = field(default_factory=list)

    def blocks(self) -> Iterator[tuple[int, int, Block]]:
        """(section index, block index, block) in reading order."""
        for s, section in enumerate(self.sections):
            for b, block in enumerate(section.blocks):
                yield s, b, block

    def citations(self) -> list[Citation]:
        """Every citation in reading order: what becomes notes, in this order."""
        return [c for _, _, block in self.blocks() for c in block.citations()]

    def scenarios(self) -> list[Scenario]:
        return [i for _, _, b in self.blocks() if isinstance(b, Scenarios) for i in b.items]

    def signposts(self) -> list[Signpost]:
        return [i for _, _, b in self.blocks() if isinstance(b, Signposts) for i in b.items]

    def portion_markings(self) -> list[str]:
        """Every portion marking given anywhere (sections, blocks, items, captions)."""
        marks = [s.marking for s in self.sections]
        for _, _, block in self.blocks():
            marks.append(block.marking)
            marks.append(getattr(block, "caption_marking", ""))
            marks.extend(getattr(item, "marking", "") for item in getattr(block, "items", []))
        return [m for m in marks if m]
