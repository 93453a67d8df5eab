"""Sourcing rules (ICD 206): claims carry citations; judgments rest on more than one source,
and on at least one source whose reliability is known to be better than "unreliable"."""

from __future__ import annotations

from collections.abc import Iterator

from ..model.blocks import Chart, KeyJudgments, Scenarios, Table
from ..model.grades import RELIABILITY
from ..model.source import Source
from .claims import claim_kind, has_figures
from .context import CheckContext
from .findings import Finding, Location, finding

#: E (unreliable) and F (cannot be judged). F is "not judged", not "bad": a judgment resting
#: only on such sources is flagged because nothing of known reliability supports it.
WEAK_GRADES = frozenset({"E", "F"})


def check_sourcing(ctx: CheckContext) -> Iterator[Finding]:
    yield from _unsourced_sentences(ctx)
    for s, b, block in ctx.blocks():
        where = ctx.where(s, b)
        if isinstance(block, KeyJudgments):
            for kj in block.items:
                yield from _judgment(
                    ctx, ctx.where(s, b, item=kj.id), "key judgment", kj.text, kj.cite
                )
        elif isinstance(block, Scenarios):
            for sc in block.items:
                yield from _judgment(
                    ctx, ctx.where(s, b, item=sc.id), "scenario", sc.title, sc.cite
                )
        elif isinstance(block, Table) and not block.cite:
            if has_figures([c for row in block.rows for c in row]):
                yield finding(
                    "unsourced-claim",
                    where,
                    block.caption or "table",
                    "This table gives figures but cites no source; add the snippets "
                    "or sources its figures come from to the table's citations.",
                )
        elif isinstance(block, Chart) and not block.citations():
            yield finding(
                "unsourced-claim",
                where,
                block.spec.title or block.spec.caption,
                "This chart plots data but cites no source; cite the snippets its "
                "data comes from (for the whole chart or row by row).",
            )


def _unsourced_sentences(ctx: CheckContext) -> Iterator[Finding]:
    for (s, b), sentences in ctx.paragraph_sentences.items():
        for n, sentence in enumerate(sentences, 1):
            if sentence.cited:
                continue
            kind = claim_kind(sentence.text)
            if kind is None:
                continue
            what, example = kind
            yield finding(
                "unsourced-claim",
                ctx.where(s, b, sentence=n),
                sentence.text,
                f"This sentence states {what} ({example!s:.60}) without a citation; add one, "
                "e.g. [@sn1], pointing at the snippet it comes from, or say it is our "
                "assessment in words that make that plain.",
            )


def _judgment(
    ctx: CheckContext, where: Location, kind: str, name: str, refs: list[str]
) -> Iterator[Finding]:
    sources = ctx.sources_of(refs)
    if not refs:
        yield finding(
            "unsourced-claim",
            where,
            name,
            f"This {kind} cites nothing; cite the snippets it rests on.",
        )
        return
    if len(sources) == 1:
        yield finding(
            "single-source",
            where,
            name,
            f"This {kind} rests on a single source ({_label(sources[0])}); corroborate it "
            "with an independent source, or lower the confidence and say that it is "
            "single-source.",
        )
    if sources and all(src.reliability in WEAK_GRADES for src in sources):
        grades = ", ".join(_label(src) for src in sources)
        yield finding(
            "low-grade-sources",
            where,
            name,
            f"This {kind} rests only on sources graded E (unreliable) or F (reliability "
            f"cannot be judged): {grades}. Find a source of known reliability (A-D) or "
            "present it as a low-confidence judgment and say why.",
        )


def _label(source: Source) -> str:
    words = RELIABILITY.get(source.reliability, "")
    return f"{source.id}, graded {source.reliability}" + (f" ({words})" if words else "")
