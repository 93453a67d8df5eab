"""Standards check figures on the large generated project (issue 8 target: under 1 s).

Two figures: the whole `briefing check` path (open the file, load briefing, library and
conflicts, run every rule) and the rules alone on inputs already in memory, which is what
the UI's checks panel re-runs after an edit.
"""

from __future__ import annotations

from typing import Any

from briefing_app.analysis.check import run_checks
from briefing_app.analysis.project_checks import check_project, load_conflicts
from briefing_app.store import Project

from .harness import BenchContext, Measure


def measures(ctx: BenchContext) -> list[Measure]:
    path = ctx.large_project()

    def whole_check() -> object:
        with Project.open(path) as project:
            return check_project(project)

    loaded: dict[str, Any] = {}

    def load() -> None:
        with Project.open(path) as project:
            loaded.update(
                briefing=project.briefings.get(),
                sources=project.sources.list(),
                snippets=project.snippets.list(),
                conflicts=load_conflicts(project),
            )

    def rules_only() -> object:
        return run_checks(
            loaded["briefing"],
            loaded["sources"],
            loaded["snippets"],
            conflicts=loaded["conflicts"],
        )

    return [
        Measure(
            "briefing check, large project (open + load + all rules)", whole_check, target="< 1 s"
        ),
        Measure(
            "standards rules only, large briefing in memory", rules_only, setup=load, target="< 1 s"
        ),
    ]
