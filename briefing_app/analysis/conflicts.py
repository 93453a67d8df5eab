"""Conflicting sources: a conflict the analyst marked must be faced in the text.

A conflict (two snippets, e.g. 110,000 vs 170,000 troops) counts as addressed when some one
place cites both sides: a paragraph (any of its sentences), a key judgment, a scenario, a
signpost, a chart or a table. That is where the reader sees the figures set against each
other. It is unaddressed when the briefing cites one side and never the two together:
using one figure while the library holds a contradicting one is what this rule catches.
Conflicts between snippets the briefing does not cite at all are not its business.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.blocks import Paragraph
from .context import CheckContext
from .findings import Finding, Location, finding


def citing_places(ctx: CheckContext) -> list[tuple[Location, set[str]]]:
    """Each place that can set sources against each other, with the refs it cites."""
    places: list[tuple[Location, set[str]]] = []
    for s, b, block in ctx.blocks():
        items = getattr(block, "items", None)
        if items is not None:
            places.extend((ctx.where(s, b, item=i.id), set(i.cite)) for i in items)
        elif isinstance(block, Paragraph):
            refs = {
                c.ref for sentence in ctx.paragraph_sentences[(s, b)] for c in sentence.citations
            }
            places.append((ctx.where(s, b), refs))
        else:
            places.append((ctx.where(s, b), {c.ref for c in block.citations()}))
    return places


def check_conflicts(ctx: CheckContext) -> Iterator[Finding]:
    if not ctx.conflicts:
        return
    places = citing_places(ctx)
    for a, b, note in ctx.conflicts:
        together = any(a in refs and b in refs for _, refs in places)
        if together:
            continue
        first = next(((where, refs) for where, refs in places if a in refs or b in refs), None)
        if first is None:
            continue
        where, refs = first
        cited, other = (a, b) if a in refs else (b, a)
        yield finding(
            "unaddressed-conflict",
            where,
            note or f"{a} conflicts with {b}",
            f"{cited} ({_quote(ctx, cited)}) is marked as conflicting with {other} "
            f"({_quote(ctx, other)}), but the briefing never cites the two together; set them "
            "against each other where the point is made and say which you accept and why.",
        )


def _quote(ctx: CheckContext, ref: str) -> str:
    snippet = ctx.snippets.get(ref)
    if snippet is not None:
        text = " ".join(snippet.text.split())
        return f"“{text[:70]}…”" if len(text) > 70 else f"“{text}”"
    source = ctx.sources.get(ref)
    return source.title if source is not None else "not in the library"
