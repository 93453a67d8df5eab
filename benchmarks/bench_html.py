"""HTML export of the large generated project (resolving the briefing is setup, not timed).
Target (issue 6): under 1 s."""

from __future__ import annotations

from briefing_app.export.html import write_html

from .bench_pdf import large_document
from .harness import BenchContext, Measure


def measures(ctx: BenchContext) -> list[Measure]:
    out = ctx.tmp / "large.html"

    def load() -> None:
        large_document(ctx)

    def export() -> None:
        write_html(large_document(ctx), out)

    return [Measure("HTML export, large project", export, setup=load, repeat=5, target="< 1 s")]
