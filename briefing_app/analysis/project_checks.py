"""Adapters from an open project file to the pure analysis functions."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from ..model.briefing import Briefing
from ..model.snippet import Snippet
from ..model.source import Source
from ..store import Project
from .check import run_checks
from .context import Conflict
from .editions import Change, diff_briefings
from .findings import Finding
from .summary import draft_source_summary


def load_conflicts(project: Project) -> list[Conflict]:
    """The analyst-marked conflicts (a, b, note); none in a file made before they existed."""
    try:
        rows = project.db.execute("SELECT a, b, note FROM conflicts ORDER BY rowid").fetchall()
    except sqlite3.OperationalError:
        return []
    return [(str(a), str(b), str(note or "")) for a, b, note in rows]


def check_project(
    project: Project, briefing_id: str = "", today: date | None = None
) -> list[Finding]:
    """`run_checks` for a briefing in `project` (its only or first one when no id is given)."""
    briefing = project.briefings.get(briefing_id)
    # The rules look up what is cited, and read the cited sources' text (misquotes).
    library = cited_library(project, briefing, with_text=True)
    return run_checks(
        briefing,
        library.sources.values(),
        library.snippets.values(),
        conflicts=library.conflicts,
        today=today,
    )


@dataclass(frozen=True)
class CitedLibrary:
    """What a briefing draws on in its project: the snippets and sources it cites (and
    the other side of each conflict marked on them), metadata only."""

    sources: dict[str, Source]
    snippets: dict[str, Snippet]
    conflicts: list[Conflict]
    library_count: int  # sources in the whole project, for the source summary


def cited_library(project: Project, briefing: Briefing, *, with_text: bool = False) -> CitedLibrary:
    """Load only what `briefing` cites: an export of a 500-page briefing from a library of
    20,000 sources and 50,000 snippets built them all (1.6 s and about 100 MB) to use a
    few thousand. Sources come without their captured text unless `with_text`."""
    refs = {c.ref for c in briefing.citations()}
    conflicts = load_conflicts(project)
    partners = {x for a, b, _ in conflicts if a in refs or b in refs for x in (a, b)}
    snippets = project.snippets.get_many(refs | partners)
    source_ids = {s.source_id for s in snippets.values()} | (refs - snippets.keys())
    sources = project.sources.get_many(source_ids, with_text=with_text)
    return CitedLibrary(sources, snippets, conflicts, project.sources.count())


def source_summary_for_project(project: Project, briefing_id: str = "") -> list[str]:
    """The drafted source summary statement for a briefing in `project`, as paragraphs."""
    briefing = project.briefings.get(briefing_id)
    library = cited_library(project, briefing)
    return draft_source_summary(
        briefing, library.sources.values(), library.snippets.values(), library.conflicts,
        library_count=library.library_count,
    )


def diff_editions(project: Project, old_id: str, new_id: str) -> list[Change]:
    """What changed between two editions stored in `project`."""
    return diff_briefings(project.briefings.get(old_id), project.briefings.get(new_id))
