"""From an open project to a written file: resolve once, then hand to one writer."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..model.blocks import Image
from ..model.briefing import Briefing
from ..store import Project
from .atomic import ExportError
from .document import ResolvedDocument
from .resolve import ChartRenderer, chart_renderer_for, resolve_document

#: format -> "module:function"; each writer takes (ResolvedDocument, Path, **options).
WRITERS: dict[str, str] = {
    "docx": "briefing_app.export.docx:write_docx",
    "pdf": "briefing_app.export.pdf:write_pdf",
    "html": "briefing_app.export.html:write_html",
}
#: The chart formats each writer places: vector for PDF, pixels where Word and mail need them.
CHART_FORMATS: dict[str, tuple[str, ...]] = {"docx": ("png",), "pdf": ("svg",), "html": ("png",)}


def resolve_from_project(
    project: Project,
    briefing: Briefing,
    *,
    chart_renderer: ChartRenderer | None = None,
    fmt: str = "docx",
) -> ResolvedDocument:
    """Resolve `briefing` against the project's library (sources, snippets, attachments),
    with charts drawn in the formats the `fmt` writer places."""
    sources = {s.id: s for s in project.sources.list()}
    snippets = {s.id: s for s in project.snippets.list()}

    def load_image(block: Image) -> bytes | None:
        if block.attachment is None:
            return None
        try:
            return project.attachments.get(block.attachment).data
        except KeyError:
            return None

    renderer = chart_renderer or chart_renderer_for(CHART_FORMATS.get(fmt, ("png",)))
    return resolve_document(
        briefing, sources, snippets, chart_renderer=renderer, image_loader=load_image
    )


def writer_for(fmt: str) -> Callable[..., Path]:
    try:
        module_name, func = WRITERS[fmt].split(":")
    except KeyError:
        raise ExportError(
            f"unknown export format {fmt!r}; use one of: json, {', '.join(WRITERS)}"
        ) from None
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError:
        raise ExportError(
            f"export to {fmt.upper()} is not available in this version; use --format json"
        ) from None
    return getattr(module, func)  # type: ignore[no-any-return]


def export_document(doc: ResolvedDocument, fmt: str, target: Path, **options: Any) -> Path:
    return writer_for(fmt)(doc, target, **options)
