"""Load: a project of 20,000 sources, 50,000 snippets and a 500-page briefing opens,
searches, edits and exports within the targets set for the large project.

The project is generated once (seeded, a few minutes) and cached in .bench/. Each
measure runs in its own process (benchmarks.run), so the peak memory printed beside it
is that measure's own: the target for export is under 1 GB.

python -m benchmarks.bench_load     builds the cached project and prints its figures
"""

from __future__ import annotations

import itertools
import os
import random
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

from briefing_app.store import Project
from briefing_app.store.schema import SCHEMA_VERSION

from .harness import BenchContext, Measure, generated_project  # also sets the chart cache
from .lexicon import Lexicon

LOAD = {"sources": 20_000, "snippets": 50_000, "citations": 3_000, "charts": 60,
        "pages": 500, "seed": 11, "lexicon": True}


def queries() -> list[tuple[str, dict[str, Any]]]:
    """What analysts type: places, units and phrases of the news templates (each in a
    realistic share of the library), middling words of the lexicon, prefixes, filters."""
    words = Lexicon(random.Random(LOAD["seed"] + 1))  # the generator's own vocabulary
    rng = random.Random(5)
    mid = [words.mid_word(rng) for _ in range(4)]
    return [
        ("Pokrovsk", {}), ("drone launches", {}), ("convoys", {}),
        ("fuel shortages Myrnohrad", {}), ("reserve brigades", {}), ('"supply road"', {}),
        ("Kramatorsk casualty", {}), ("energy infrastructure", {}), ("Selydove", {}),
        ("Pokrovsk", {"grades": "AB", "date_from": "2025-10"}),
        ("artillery", {"source_type": "report"}),
        (mid[0], {}), (mid[1], {}), (f"{mid[2]} {mid[3]}", {}),
        (mid[0][:4] + "*", {}), ("Kostiant*", {}),
    ]


def load_project() -> Path:
    """The load project, generated on first use and cached."""
    path = generated_project("load", LOAD)
    if _version(path) < SCHEMA_VERSION:  # upgraded once here, so open times never include it
        Project.open(path).close()
    _draw_charts_once(path)
    return path


def _draw_charts_once(path: Path) -> None:
    """Export figures are taken with every chart drawn once (charts are timed apart, as
    for the large project): draw them into the bench's chart cache in a separate
    process, so no measuring process ever loads Qt just to warm it."""
    import subprocess
    import sys

    marker = Path(os.environ["BRIEFING_STUDIO_CACHE_DIR"]) / f"{path.stem}.drawn"
    if marker.exists():
        return
    script = (
        "import sys; from pathlib import Path\n"
        "from briefing_app.export.pipeline import resolve_from_project\n"
        "from briefing_app.store import Project\n"
        "with Project.open(Path(sys.argv[1])) as p:\n"
        "    b = p.briefings.get()\n"
        "    for fmt in ('docx', 'pdf'):\n"
        "        resolve_from_project(p, b, fmt=fmt)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(path)], check=True)
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.touch()


def _version(path: Path) -> int:
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(db.execute("PRAGMA user_version").fetchone()[0])
    finally:
        db.close()


def describe(path: Path) -> dict[str, int]:
    """What the project holds, counted from the file (printed with the figures)."""
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        count = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                 for t in ("sources", "snippets", "blocks")}
    finally:
        db.close()
    count["megabytes"] = path.stat().st_size // (1024 * 1024)
    return count


def measures(ctx: BenchContext) -> list[Measure]:
    from briefing_app.model.blocks import Paragraph

    source = load_project()
    work = ctx.tmp / "load.briefing"
    state: dict[str, Any] = {}

    def fresh_copy() -> None:
        close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)
        shutil.rmtree(ctx.tmp / "load.briefing-backups", ignore_errors=True)
        shutil.copyfile(source, work)

    def close() -> None:
        if "project" in state:
            state.pop("project").close()

    def open_and_load() -> None:
        # What the app does before the analyst can work (ui.document.Document.open and
        # the main window's models): open, list briefings, list the library as the
        # source table does (metadata and snippet counts), load the briefing. The
        # day's first backup is copied meanwhile in the background, as in the app; it
        # competes for the CPU here, and `close` (untimed, next setup) waits for it.
        project = state["project"] = Project.open(work)
        project.briefings.list()
        project.sources.summaries()
        project.briefings.get()

    def opened() -> None:
        if "project" not in state:
            fresh_copy()
            state["project"] = Project.open(work)
            # The day's first backup (a copy of the whole file) runs in the background
            # after an open; it is timed with the open, so let it finish before the rest.
            state["project"].wait_for_backup()
            state["briefing"] = state["project"].briefings.get()
            state["queries"] = itertools.cycle(queries())

    def search() -> None:
        text, filters = next(state["queries"])
        state["project"].index.search(text, limit=50, **filters)

    def search_commonest() -> None:
        state["project"].index.search(state["commonest"], limit=50)

    def commonest_setup() -> None:
        opened()
        state["commonest"] = Lexicon(random.Random(LOAD["seed"] + 1)).commonest()

    def edit_setup() -> None:
        opened()
        paragraphs = [b for _, _, b in state["briefing"].blocks() if isinstance(b, Paragraph)]
        state["block"] = paragraphs[len(paragraphs) // 2]

    def edit() -> None:
        block = state["block"]
        block.text = block.text + " Edited."
        state["project"].briefings.update_block(state["briefing"].id, block)

    def window_setup() -> None:
        """The real main window on the project, as the analyst has it (offscreen)."""
        if "window" not in state:
            os.environ["XDG_CONFIG_HOME"] = str(ctx.tmp / "config")  # not the user's settings
            from briefing_app.model.blocks import Paragraph as Para
            from briefing_app.ui.app import Options, application, launch

            fresh_copy()
            app = application()
            window = launch(Options(project=work, sample=False))
            deadline = time.monotonic() + 60
            while window.document is None:  # the project opens on the thread pool
                if time.monotonic() > deadline:
                    raise RuntimeError("the load project did not open in the window")
                app.processEvents()
            document = window.document
            briefing = document.project.briefings.get()
            paragraphs = [b for _, _, b in briefing.blocks() if isinstance(b, Para)]
            state.update(app=app, window=window, document=document, briefing_id=briefing.id,
                         block=paragraphs[len(paragraphs) // 2])

    def edit_in_window() -> None:
        from briefing_app.ui.commands import EditParagraph

        document, block = state["document"], state["block"]
        block.text += "x"
        document.undo_stack.push(
            EditParagraph(document.project, state["briefing_id"], block.id, block.text)
        )
        state["app"].processEvents()  # the views follow the change before the next key

    def export(fmt: str) -> Any:
        def run() -> None:
            from briefing_app.export.pipeline import resolve_from_project, writer_for

            project, briefing = state["project"], state["briefing"]
            doc = resolve_from_project(project, briefing, fmt=fmt)
            writer_for(fmt)(doc, ctx.tmp / f"load.{fmt}")

        return run

    size = describe(source)
    label = f"{size['sources']:,} sources, {size['snippets']:,} snippets"
    return [
        Measure(f"load: open + load library and 500-page briefing ({label})", open_and_load,
                setup=fresh_copy, repeat=3, target="< 0.5 s"),
        Measure(f"load: search over {label} (per query)", search, setup=opened,
                repeat=len(queries()), target="median < 20 ms"),
        Measure("load: search, worst case: the commonest word (in every source)",
                search_commonest, setup=commonest_setup, repeat=5),
        Measure("load: edit one paragraph of the 500-page briefing (one transaction)", edit,
                setup=edit_setup, repeat=9, target="< 50 ms"),
        Measure("load: typing in a paragraph in the app window (undo command + views)",
                edit_in_window, setup=window_setup, repeat=15, target="< 50 ms"),
        Measure("load: DOCX export of the 500-page briefing (resolve + write)", export("docx"),
                setup=opened, repeat=1, target="peak < 1 GB"),
        Measure("load: PDF export of the 500-page briefing (resolve + write)", export("pdf"),
                setup=opened, repeat=1, target="peak < 1 GB"),
    ]


if __name__ == "__main__":
    print(load_project(), describe(load_project()))
