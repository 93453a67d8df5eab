"""PDF figures for the large generated project: export cold and warm, the live preview
after a one-paragraph edit, and the floor - plain Typst markup of the same content.

Each measure runs in its own process (benchmarks.run), so a repeat=1 measure is cold:
Typst's memoisation and font loading start from nothing. Resolving the briefing (notes,
charts as SVG) is setup, not timed: these figures are the typesetting alone. The preview
figure is the fast path (a window of pages, see export/preview.py); "settle" is the
whole-document re-typeset the UI runs when typing pauses.
Targets (issue 6): cold under 2.5 s, warm under 0.5 s, preview under 200 ms.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any

import typst

from briefing_app.export.document import Para, ResolvedDocument, Text
from briefing_app.export.pdf import write_pdf
from briefing_app.export.pdf.typeset import typst_fonts
from briefing_app.export.preview import PreviewService

from .harness import BenchContext, Measure
from .typst_floor import plain_markup


@cache
def large_document(ctx: BenchContext, fmt: str = "html") -> ResolvedDocument:
    """The large project resolved as the CLI resolves it for `fmt`: charts as PNG for
    HTML (bench_html shares this), as SVG (vector) for the PDF."""
    from briefing_app.export.pipeline import resolve_from_project
    from briefing_app.store import Project

    with Project.open(ctx.large_project()) as project:
        briefing = project.briefings.get()
        return resolve_from_project(project, briefing, fmt=fmt)


def large_pdf_document(ctx: BenchContext) -> ResolvedDocument:
    return large_document(ctx, "pdf")


def one_paragraph_edit(doc: ResolvedDocument, round_: int) -> ResolvedDocument:
    """The middle paragraph with one word changed (a different word each round)."""
    paras = [i for i, b in enumerate(doc.blocks) if isinstance(b, Para)]
    index = paras[len(paras) // 2]
    block = doc.blocks[index]
    assert isinstance(block, Para)
    first = next(i for i, item in enumerate(block.inlines) if isinstance(item, Text))
    text = block.inlines[first]
    assert isinstance(text, Text)
    inlines = list(block.inlines)
    inlines[first] = dataclasses.replace(text, text=f"Edit{round_} " + text.text)
    blocks = list(doc.blocks)
    blocks[index] = dataclasses.replace(block, inlines=inlines)
    return dataclasses.replace(doc, blocks=blocks)


def measures(ctx: BenchContext) -> list[Measure]:
    out = ctx.tmp / "large.pdf"
    floor_dir = ctx.tmp / "floor"
    state: dict[str, Any] = {"round": 0}

    def load() -> None:
        large_pdf_document(ctx)

    def export() -> None:
        write_pdf(large_pdf_document(ctx), out)

    def warm_setup() -> None:
        if "warmed" not in state:
            export()
            state["warmed"] = True

    def preview_setup() -> None:
        if "service" not in state:
            state["service"] = PreviewService()
            state["service"].render(large_pdf_document(ctx))
        state["round"] += 1
        state["edited"] = one_paragraph_edit(large_pdf_document(ctx), state["round"])

    def preview() -> None:
        result = state["service"].render(state["edited"])
        state["changed"] = result.changed

    def settle() -> None:
        state["service"].settle()

    def floor_setup() -> None:
        if "compiler" not in state:
            floor_dir.mkdir(exist_ok=True)
            (floor_dir / "main.typ").write_text(plain_markup(large_pdf_document(ctx)), "utf-8")
            state["compiler"] = typst.Compiler(
                input=str(floor_dir / "main.typ"),
                root=str(floor_dir),
                font_paths=typst_fonts(),
                ignore_system_fonts=True,
            )

    def floor() -> None:
        state["compiler"].compile(format="pdf")

    return [
        Measure(
            "PDF export, large project, cold (own process)",
            export,
            setup=load,
            repeat=1,
            target="< 2.5 s",
        ),
        Measure(
            "PDF export, large project, warm", export, setup=warm_setup, repeat=5, target="< 0.5 s"
        ),
        Measure(
            "PDF preview, changed page after a one-paragraph edit",
            preview,
            setup=preview_setup,
            repeat=5,
            target="< 200 ms",
        ),
        Measure(
            "PDF preview, whole-document settle after the edit",
            settle,
            setup=lambda: (preview_setup(), preview()),
            repeat=3,
            target="background",
        ),
        Measure(
            "Typst floor: same content as plain markup, cold",
            floor,
            setup=floor_setup,
            repeat=1,
            target="floor",
        ),
        Measure(
            "Typst floor: same content as plain markup, warm",
            floor,
            setup=floor_setup,
            repeat=5,
            target="floor",
        ),
    ]
