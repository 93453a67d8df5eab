"""Adapters from an open project file to the pure analysis functions."""

from __future__ import annotations

import sqlite3
from datetime import date

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
    return run_checks(
        briefing,
        project.sources.list(),
        project.snippets.list(),
        conflicts=load_conflicts(project),
        today=today,
    )


def source_summary_for_project(project: Project, briefing_id: str = "") -> list[str]:
    """The drafted source summary statement for a briefing in `project`, as paragraphs."""
    briefing = project.briefings.get(briefing_id)
    return draft_source_summary(
        briefing, project.sources.list(), project.snippets.list(), load_conflicts(project)
    )


def diff_editions(project: Project, old_id: str, new_id: str) -> list[Change]:
    """What changed between two editions stored in `project`."""
    return diff_briefings(project.briefings.get(old_id), project.briefings.get(new_id))
