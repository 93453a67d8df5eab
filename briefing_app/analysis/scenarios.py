"""Scenario rules: every scenario has signposts, and a set of mutually exclusive scenarios
has bands that can add up to 100%."""

from __future__ import annotations

from collections.abc import Iterator

from ..model.blocks import Scenarios
from .context import CheckContext
from .findings import Finding, finding


def check_scenarios(ctx: CheckContext) -> Iterator[Finding]:
    signpost_ids = {sp.id for sp in ctx.briefing.signposts()}
    for s, b, block in ctx.blocks():
        if not isinstance(block, Scenarios):
            continue
        for sc in block.items:
            where = ctx.where(s, b, item=sc.id)
            known = [ref for ref in sc.signposts if ref in signpost_ids]
            for ref in sc.signposts:
                if ref not in signpost_ids:
                    yield finding(
                        "dangling-reference",
                        where,
                        sc.title,
                        f"Scenario {sc.id} names signpost {ref!r}, which no signposts block "
                        "defines (was it deleted?); remove it from the scenario or add the "
                        "signpost back.",
                    )
            if not known:
                yield finding(
                    "scenario-without-signposts",
                    where,
                    sc.title,
                    "No signpost points to this scenario, so readers cannot tell when it is "
                    "unfolding; add at least one observable, thresholded signpost and link it.",
                )
        yield from _bands(ctx, s, b, block)


def _bands(ctx: CheckContext, s: int, b: int, block: Scenarios) -> Iterator[Finding]:
    """The scenarios of one block are taken as mutually exclusive alternatives (that is what
    a scenarios block presents). Their probabilities must be able to sum to 100%: the lower
    ends of the bands may not exceed it together and the upper ends must reach it."""
    if len(block.items) < 2:
        return
    terms = [ctx.scale.lookup(sc.likelihood) for sc in block.items]
    if any(t is None for t in terms):
        return  # a scenario without a term cannot be summed; nothing honest to say
    low = sum(t.low for t in terms if t)
    high = sum(t.high for t in terms if t)
    if low <= 100 <= high:
        return
    listing = "; ".join(
        f"{sc.title}: {t.term} ({t.band})" for sc, t in zip(block.items, terms, strict=True) if t
    )
    if low > 100:
        problem = (
            f"the lower ends of their bands add up to {low}%, more than 100%; "
            "lower the likelihood of at least one"
        )
    else:
        problem = (
            f"the upper ends of their bands add up to only {high}%, so some future is "
            "missing; raise a likelihood or add the scenario that covers the rest"
        )
    yield finding(
        "scenario-bands-incoherent",
        ctx.where(s, b),
        listing,
        f"These scenarios are mutually exclusive but {problem}.",
    )
