"""Signpost rules: linked to a scenario, diagnostic between scenarios, reviewed on time.

"Overdue" is judged against the check's as-of date, which defaults to the briefing's own
date (see `check.run_checks`): an edition is checked as of the day it speaks for, so the
same file gives the same findings tomorrow; pass another date to check it as of today.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date, timedelta

from ..model.blocks import Signposts
from ..model.tradecraft import Signpost
from .context import CheckContext
from .findings import Finding, Location, finding


def check_signposts(ctx: CheckContext) -> Iterator[Finding]:
    scenarios = ctx.briefing.scenarios()
    scenario_ids = {sc.id for sc in scenarios}
    linked = {ref for sc in scenarios for ref in sc.signposts}
    for s, b, block in ctx.blocks():
        if not isinstance(block, Signposts):
            continue
        for sp in block.items:
            where = ctx.where(s, b, item=sp.id)
            for ref in sp.diagnosticity:
                if ref not in scenario_ids:
                    yield finding(
                        "dangling-reference",
                        where,
                        sp.name,
                        f"Signpost {sp.id} is rated against scenario {ref!r}, which no "
                        "scenarios block defines; remove the rating or add the scenario back.",
                    )
            if sp.id not in linked:
                yield finding(
                    "orphan-signpost",
                    where,
                    sp.name,
                    "No scenario lists this signpost, so it points to no future; add it to the "
                    "signposts of the scenario(s) it indicates, or remove it.",
                )
            yield from _diagnosticity(where, sp, [sc.id for sc in scenarios])
            yield from _overdue(where, sp, ctx.as_of)


def _diagnosticity(where: Location, sp: Signpost, scenario_ids: list[str]) -> Iterator[Finding]:
    if not scenario_ids:
        return
    ratings = {sid: sp.diagnosticity[sid] for sid in scenario_ids if sid in sp.diagnosticity}
    if len(set(ratings.values())) > 1:
        return
    if not ratings:
        detail = "it is not rated against any scenario"
    elif len(ratings) < len(scenario_ids) and len(scenario_ids) > 1:
        missing = ", ".join(sid for sid in scenario_ids if sid not in ratings)
        detail = (
            f"it is rated {next(iter(ratings.values()))!r} where rated and not rated "
            f"against {missing}"
        )
    else:
        detail = f"it is rated {next(iter(ratings.values()))!r} under every scenario"
    yield finding(
        "non-diagnostic-signpost",
        where,
        sp.name,
        f"This signpost does not tell the scenarios apart: {detail}. Rate how likely it is to "
        "be seen under each scenario, and replace it with a sharper indicator if the ratings "
        "stay the same.",
    )


def _overdue(where: Location, sp: Signpost, as_of: date) -> Iterator[Finding]:
    if not sp.last_reviewed or not sp.review_every_days:
        return
    reviewed = _latest_day(sp.last_reviewed)
    if reviewed is None:
        return
    due = reviewed + timedelta(days=sp.review_every_days)
    if due < as_of:
        late = (as_of - due).days
        yield finding(
            "overdue-signpost",
            where,
            sp.name,
            f"Last reviewed {sp.last_reviewed}, every {sp.review_every_days} days: the review "
            f"was due {due.isoformat()}, {late} day{'s' if late != 1 else ''} before "
            f"{as_of.isoformat()}. Review its status and evidence and update the date.",
        )


def _latest_day(text: str) -> date | None:
    """The last day a YYYY[-MM[-DD]] date can mean, so a partial date is never called late
    too early."""
    parts = text.strip().split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 12
        day = int(parts[2]) if len(parts) > 2 else calendar.monthrange(year, month)[1]
        return date(year, month, day)
    except (ValueError, IndexError):
        return None
