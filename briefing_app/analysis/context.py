"""What every rule reads: the briefing, its library and the sentences of its prose, once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from ..model.blocks import Block, KeyJudgments, Paragraph, Scenarios, Signposts
from ..model.briefing import Briefing
from ..model.estimative import ICD203, SCALES, LikelihoodScale
from ..model.snippet import Snippet
from ..model.source import Source
from .findings import Location
from .sentences import Sentence, split_markdown, split_plain

#: An analyst-marked conflict between two snippets (or sources): (a, b, note).
Conflict = tuple[str, str, str]


@dataclass
class Prose:
    """A piece of running text a reader takes as our words, with where it is."""

    location: Location
    sentences: list[Sentence]


@dataclass
class CheckContext:
    briefing: Briefing
    sources: dict[str, Source]
    snippets: dict[str, Snippet]
    as_of: date
    conflicts: list[Conflict] = field(default_factory=list)
    drifted: set[str] = field(default_factory=set)

    @classmethod
    def build(
        cls,
        briefing: Briefing,
        sources: Iterable[Source],
        snippets: Iterable[Snippet],
        *,
        as_of: date,
        conflicts: Iterable[Conflict] = (),
        drifted: Iterable[str] = (),
    ) -> CheckContext:
        return cls(
            briefing,
            {s.id: s for s in sources},
            {s.id: s for s in snippets},
            as_of,
            list(conflicts),
            set(drifted),
        )

    @property
    def scale(self) -> LikelihoodScale:
        # An unknown scale key cannot come out of Briefing JSON; a hand-built model falls
        # back to the default rather than crashing the checks panel.
        return SCALES.get(self.briefing.scale, ICD203)

    # ------------------------------------------------------------------ places

    def where(
        self, s: int, b: int | None = None, *, item: str = "", sentence: int | None = None
    ) -> Location:
        section = self.briefing.sections[s]
        block = section.blocks[b] if b is not None else None
        return Location(
            section=section.heading,
            section_id=section.id,
            block=None if b is None else b + 1,
            block_id=block.id if block is not None else "",
            item=item,
            sentence=sentence,
        )

    def blocks(self) -> Iterator[tuple[int, int, Block]]:
        return self.briefing.blocks()

    # ------------------------------------------------------------------ prose

    @cached_property
    def paragraph_sentences(self) -> dict[tuple[int, int], list[Sentence]]:
        """Sentences of every paragraph, split once for all rules."""
        return {
            (s, b): split_markdown(block.text)
            for s, b, block in self.blocks()
            if isinstance(block, Paragraph)
        }

    def prose(self) -> Iterator[Prose]:
        """Running text in our voice: paragraphs, key judgment statements and scenario
        narratives (signpost thresholds and drivers are definitions, not judgments)."""
        for s, b, block in self.blocks():
            if isinstance(block, Paragraph):
                yield Prose(self.where(s, b), self.paragraph_sentences[(s, b)])
            elif isinstance(block, KeyJudgments):
                for kj in block.items:
                    yield Prose(self.where(s, b, item=kj.id), _plain_sentences(kj.text))
            elif isinstance(block, Scenarios):
                for sc in block.items:
                    yield Prose(self.where(s, b, item=sc.id), _plain_sentences(sc.narrative))

    # ------------------------------------------------------------------ sourcing

    def source_of(self, ref: str) -> Source | None:
        """The source a citation rests on: the snippet's source, or the source itself."""
        snippet = self.snippets.get(ref)
        if snippet is not None:
            return self.sources.get(snippet.source_id)
        return self.sources.get(ref)

    def sources_of(self, refs: Iterable[str]) -> list[Source]:
        """Distinct sources behind `refs`, in first-cited order; unknown refs are left to
        the missing-citation-target rule."""
        found: dict[str, Source] = {}
        for ref in refs:
            source = self.source_of(ref)
            if source is not None:
                found.setdefault(source.id, source)
        return list(found.values())

    def item_blocks(self) -> Iterator[tuple[int, int, Block]]:
        for s, b, block in self.blocks():
            if isinstance(block, KeyJudgments | Scenarios | Signposts):
                yield s, b, block


def _plain_sentences(text: str) -> list[Sentence]:
    return [Sentence(t) for t in split_plain(text)]
