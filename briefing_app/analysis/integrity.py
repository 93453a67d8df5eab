"""Integrity rules: citations point at something, and quotations match their sources.

Two kinds of quote drift are reported: a cited snippet whose text no longer matches its
source at its offsets (library damage or a changed capture), and a quotation in the text
("...") whose words are not in any snippet or source its sentence cites (a misquotation).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from ..model.blocks import Paragraph
from ..model.text import fold_for_match
from .context import CheckContext
from .findings import Finding, Location, finding
from .sentences import Sentence, quotations


def check_integrity(ctx: CheckContext) -> Iterator[Finding]:
    known = ctx.snippets.keys() | ctx.sources.keys()
    reported_drift: set[str] = set()
    for where, excerpt, ref in _citations(ctx):
        if ref not in known:
            yield finding(
                "missing-citation-target",
                where,
                excerpt or f"@{ref}",
                f"The citation @{ref} points at no snippet or source in the library (deleted, "
                "or a typing slip); cite an existing snippet or take the quote again.",
            )
        elif ref in ctx.drifted and ref not in reported_drift:
            reported_drift.add(ref)
            yield _drift(ctx, where, ref)
    for (s, b), sentences in ctx.paragraph_sentences.items():
        for n, sentence in enumerate(sentences, 1):
            yield from _misquotes(ctx, ctx.where(s, b, sentence=n), sentence)


def _citations(ctx: CheckContext) -> Iterator[tuple[Location, str, str]]:
    """(where, excerpt, ref) for every citation, in reading order."""
    for s, b, block in ctx.blocks():
        if isinstance(block, Paragraph):
            for n, sentence in enumerate(ctx.paragraph_sentences[(s, b)], 1):
                for c in sentence.citations:
                    yield ctx.where(s, b, sentence=n), sentence.text, c.ref
            continue
        items = getattr(block, "items", None)
        if items is not None:
            for item in items:
                name = getattr(item, "name", "") or getattr(item, "title", "") or item.text
                for ref in item.cite:
                    yield ctx.where(s, b, item=item.id), name, ref
            continue
        for c in block.citations():
            yield ctx.where(s, b), f"{block.type} block", c.ref


def _drift(ctx: CheckContext, where: Location, ref: str) -> Finding:
    snippet = ctx.snippets[ref]
    source = ctx.sources.get(snippet.source_id)
    found = source.text[snippet.start : snippet.end] if source else ""
    return finding(
        "quote-drift",
        where,
        snippet.text,
        f"Snippet {ref} no longer matches source {snippet.source_id} at "
        f"{snippet.start}-{snippet.end} (the source now reads {found[:60]!r}); open the "
        "snippet, compare it with the source and take the quote again.",
    )


def _misquotes(ctx: CheckContext, where: Location, sentence: Sentence) -> Iterator[Finding]:
    if not sentence.cited:
        return  # an uncited quotation is the unsourced-claim rule's business
    quoted = quotations(sentence.text)
    if not quoted:
        return
    texts = _cited_texts(ctx, [c.ref for c in sentence.citations])
    if not texts:
        return  # nothing to compare with: every citation is missing (reported above)
    for quote in quoted:
        if not any(_contains(text, quote) for text in texts):
            refs = ", ".join(f"@{c.ref}" for c in sentence.citations)
            yield finding(
                "quote-drift",
                where,
                sentence.text,
                f"The quotation “{quote[:80]}” does not occur in what this sentence cites "
                f"({refs}); quote the source word for word (mark cuts with …) or cite the "
                "snippet that says it.",
            )


def _cited_texts(ctx: CheckContext, refs: list[str]) -> list[str]:
    texts: list[str] = []
    for ref in refs:
        snippet = ctx.snippets.get(ref)
        if snippet is not None:
            texts += [t for t in (snippet.text, snippet.translation) if t]
        source = ctx.source_of(ref)
        if source is not None and source.text:
            texts.append(source.text)
    return texts


@lru_cache(maxsize=64)
def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return " ".join("".join(fold_for_match(ch) for ch in text).casefold().split())


def _contains(text: str, quote: str) -> bool:
    """Whitespace-, case- and typography-blind containment; an ellipsis marks a cut, so the
    pieces must occur in order."""
    hay = _fold(text)
    pos = 0
    for piece in quote.replace("…", "...").split("..."):
        piece = _fold(piece).strip(" ,;:.!?")
        if not piece:
            continue
        found = hay.find(piece, pos)
        if found == -1:
            return False
        pos = found + len(piece)
    return True
