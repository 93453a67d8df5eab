"""Foundation figures: opening the large project, compose, and Briefing JSON export."""

from __future__ import annotations

import json
import shutil

from briefing_app.export.json_writer import briefing_json_text, write_json
from briefing_app.model.briefing_json import briefing_from_dict
from briefing_app.store import Project

from .harness import BenchContext, Measure


def measures(ctx: BenchContext) -> list[Measure]:
    source = ctx.large_project()
    work = ctx.tmp / "work.briefing"
    out = ctx.tmp / "large.json"

    def fresh_copy() -> None:
        for suffix in ("", "-wal", "-shm"):
            (ctx.tmp / f"work.briefing{suffix}").unlink(missing_ok=True)
        shutil.copyfile(source, work)

    def open_and_load() -> None:
        with Project.open(work) as project:
            project.sources.list()
            project.briefings.get()

    with Project.open(source) as project:
        briefing_json = briefing_json_text(project.briefings.get())

    def compose() -> None:
        with Project.open(work) as project:
            briefing = briefing_from_dict(json.loads(briefing_json), project.known_refs())
            project.briefings.save(briefing)

    def export_json() -> None:
        with Project.open(work) as project:
            write_json(project.briefings.get(), out)

    return [
        Measure("project: open large project + load library and briefing", open_and_load,
                setup=fresh_copy, target="< 0.5 s"),
        Measure("project: compose 150-page briefing from JSON", compose, setup=fresh_copy,
                target="< 1 s"),
        Measure("project: export Briefing JSON", export_json, setup=fresh_copy,
                target="< 0.5 s"),
    ]
