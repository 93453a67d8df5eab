"""From an open project to a written file: resolve once, then hand to one writer."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..analysis.editions import diff_briefings
from ..analysis.errors import AnalysisError
from ..analysis.project_checks import cited_library
from ..analysis.summary import draft_source_summary
from ..model.blocks import Image
from ..model.briefing import Briefing
from ..store import Project
from .atomic import ExportError
from .document import Heading, Para, ResolvedDocument, Text
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
    what_changed: bool = False,
) -> ResolvedDocument:
    """Resolve `briefing` against the project's library (sources, snippets, attachments),
    with charts drawn in the formats the `fmt` writer places, the source summary drafted
    unless the analyst wrote one, and optionally what changed since the last edition."""
    # What the briefing cites, metadata only: the resolver, citation engine and summary
    # never read a source's text (snippets carry their quotes and locators).
    library = cited_library(project, briefing)
    doc = _resolve(project, briefing, library.sources, library.snippets, chart_renderer, fmt)
    if not _has_summary_section(briefing):
        try:
            doc.source_summary = draft_source_summary(
                briefing, library.sources.values(), library.snippets.values(),
                library.conflicts, library_count=library.library_count,
            )
        except AnalysisError as e:
            doc.problems.append(f"the source summary could not be drafted: {e}")
    if what_changed:
        _add_what_changed(project, briefing, doc)
    return doc


def _has_summary_section(briefing: Briefing) -> bool:
    """An analyst-written (or edited) summary wins over the automatic draft."""
    return any("source summary" in s.heading.lower() for s in briefing.sections)


def _add_what_changed(project: Project, briefing: Briefing, doc: ResolvedDocument) -> None:
    if not briefing.edition_of:
        doc.problems.append("'what changed' needs a briefing that is a new edition of another")
        return
    try:
        old = project.briefings.get(briefing.edition_of)
    except KeyError:
        doc.problems.append(f"the previous edition {briefing.edition_of} is no longer in the "
                            "project; 'what changed' was left out")
        return
    changes = diff_briefings(old, briefing)
    lines = [c.text for c in changes] or ["No judgment, likelihood, scenario or signpost "
                                          "changed since the last edition."]
    doc.blocks[0:0] = [Heading(1, "What changed since the last edition", anchor="changes"),
                       *[Para([Text(line)]) for line in lines]]


def _resolve(
    project: Project,
    briefing: Briefing,
    sources: dict[str, Any],
    snippets: dict[str, Any],
    chart_renderer: ChartRenderer | None,
    fmt: str,
) -> ResolvedDocument:

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
