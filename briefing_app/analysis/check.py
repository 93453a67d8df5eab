"""The standards check: every rule over one briefing, as a pure function of its inputs.

`run_checks` touches no store: the UI's checks panel, the CLI and the tests give it the
briefing, the library and the analyst-marked conflicts. `project_checks.check_project`
gathers those from an open project file.

The as-of date (for overdue signposts) defaults to the briefing's own date, or today for an
undated briefing. An edition is judged as of the day it speaks for, so checking the same
file twice gives the same findings; the CLI's `--as-of` passes another date.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from datetime import date

from ..model.briefing import Briefing
from ..model.snippet import Snippet
from ..model.source import Source
from .conflicts import check_conflicts
from .context import CheckContext, Conflict
from .findings import RULES, Finding
from .integrity import check_integrity
from .language import check_language
from .markings import check_markings
from .scenarios import check_scenarios
from .signposts import check_signposts
from .sourcing import check_sourcing
from .structure import check_structure, required_sections

_RULE_ORDER = {rule: n for n, rule in enumerate(RULES)}


def run_checks(
    briefing: Briefing,
    sources: Iterable[Source],
    snippets: Iterable[Snippet],
    *,
    conflicts: Iterable[Conflict] = (),
    drifted: Collection[str] | None = None,
    today: date | None = None,
    required: list[str] | None = None,
) -> list[Finding]:
    """All findings for `briefing`, grouped by rule in the order of `RULES`, each group in
    reading order.

    `drifted` lists snippet ids whose text no longer matches their source; None works it out
    from `sources` and `snippets`. `today` is the as-of date for overdue signposts (default:
    the briefing's date, see the module docstring). `required` overrides the sections the
    briefing's template requires (None reads `templates/<template>/template.json`).
    """
    sources = list(sources)
    snippets = list(snippets)
    if drifted is None:
        drifted = drifted_snippets(sources, snippets)
    ctx = CheckContext.build(
        briefing,
        sources,
        snippets,
        as_of=today or as_of_date(briefing),
        conflicts=conflicts,
        drifted=drifted,
    )
    if required is None:
        required = required_sections(briefing.template)
    rules: list[Callable[[], Iterator[Finding]]] = [
        lambda: check_sourcing(ctx),
        lambda: check_language(ctx),
        lambda: check_scenarios(ctx),
        lambda: check_signposts(ctx),
        lambda: check_integrity(ctx),
        lambda: check_markings(ctx),
        lambda: check_structure(ctx, required),
        lambda: check_conflicts(ctx),
    ]
    findings = [f for rule in rules for f in rule()]
    # Stable sort: rule order first, reading order kept within a rule.
    return sorted(findings, key=lambda f: _RULE_ORDER[f.rule])


def as_of_date(briefing: Briefing) -> date:
    """The briefing's date (YYYY-MM-DD) when it has one, else today."""
    try:
        return date.fromisoformat(briefing.date)
    except ValueError:
        return date.today()


def drifted_snippets(sources: Iterable[Source], snippets: Iterable[Snippet]) -> set[str]:
    """Ids of snippets whose quote no longer matches their source at its offsets."""
    by_id = {s.id: s for s in sources}
    return {
        sn.id
        for sn in snippets
        if sn.source_id in by_id and sn.drift(by_id[sn.source_id]) is not None
    }


def has_errors(findings: Iterable[Finding]) -> bool:
    """Whether any finding is an error (the CLI exits 1 then)."""
    return any(f.severity == "error" for f in findings)
