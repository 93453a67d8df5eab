"""Citation points: what is cited where, resolved from a briefing in reading order.

Every writer (DOCX, PDF, HTML, preview) builds its points with `cite_points`, so notes are
numbered the same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from briefing_app.model.blocks import (
    Chart,
    Image,
    KeyJudgments,
    Paragraph,
    Quote,
    Scenarios,
    Signposts,
    Table,
)
from briefing_app.model.briefing import Briefing
from briefing_app.model.citation import Citation
from briefing_app.model.grades import admiralty_code
from briefing_app.model.inline import CiteRun, parse_inline
from briefing_app.model.snippet import Snippet
from briefing_app.model.source import Source


@dataclass
class CiteItem:
    """One cited thing at a citation point; `source` is None when the ref no longer resolves."""

    ref: str
    source: Source | None
    locator: str = ""
    prefix: str = ""
    suffix: str = ""
    grade: str = ""  # Admiralty code, e.g. "B2"
    problem: str = ""  # why `source` is None, when known (e.g. the snippet's source is gone)


@dataclass
class CitePoint:
    """One note (note styles) or one in-text citation (author-date and numeric styles).

    `where` says where it sits, (section, block, item) with item -1 for the block itself, so a
    writer can put the note reference in the right place.
    """

    items: list[CiteItem]
    where: tuple[int, int, int] = field(default=(-1, -1, -1))


def cite_points(
    briefing: Briefing, sources: Mapping[str, Source], snippets: Mapping[str, Snippet]
) -> list[CitePoint]:
    """The briefing's citation points in reading order.

    One point per citation group in a paragraph (`[@a; @b]` is one note), one per quote, one
    per item of key judgments, scenarios and signposts (each item has its own evidence), and
    one per chart, table or image (their citations sit together in the caption).
    """
    points: list[CitePoint] = []
    for s, b, block in briefing.blocks():
        for item_index, citations in _groups(block):
            if citations:
                items = [resolve(c, sources, snippets) for c in citations]
                points.append(CitePoint(items, (s, b, item_index)))
    return points


def _groups(block: object) -> Iterator[tuple[int, list[Citation]]]:
    if isinstance(block, Paragraph):
        runs = [r for r in parse_inline(block.text) if isinstance(r, CiteRun)]
        for i, run in enumerate(runs):
            yield i, list(run.citations)
    elif isinstance(block, KeyJudgments | Scenarios | Signposts):
        for i, item in enumerate(block.items):
            yield i, [Citation(r) for r in item.cite]
    elif isinstance(block, Quote | Chart | Table | Image):
        yield -1, block.citations()


def resolve(
    citation: Citation, sources: Mapping[str, Source], snippets: Mapping[str, Snippet]
) -> CiteItem:
    """A snippet ref cites its source at the snippet's locator (an explicit locator wins)."""
    ref = citation.ref
    snippet = snippets.get(ref)
    if snippet is not None:
        source = sources.get(snippet.source_id)
        if source is None:
            return CiteItem(
                ref, None, citation.locator, citation.prefix, citation.suffix,
                problem=f"snippet {ref} belongs to source {snippet.source_id}, "
                "which no longer exists",
            )  # fmt: skip
        return CiteItem(
            ref,
            source,
            citation.locator or snippet.locator,
            citation.prefix,
            citation.suffix,
            admiralty_code(source.reliability, snippet.credibility),
        )
    source = sources.get(ref)
    if source is not None:
        return CiteItem(
            ref, source, citation.locator, citation.prefix, citation.suffix, source.reliability
        )
    return CiteItem(
        ref, None, citation.locator, citation.prefix, citation.suffix,
        problem=f"no snippet or source {ref} exists (was it deleted?)",
    )  # fmt: skip
