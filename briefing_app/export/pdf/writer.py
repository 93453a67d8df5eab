"""write_pdf: the resolved document typeset by its house-style template into a PDF file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from ..atomic import atomic_output
from ..document import ResolvedDocument
from .data import to_typst_data
from .fonts import coverage_problem
from .typeset import Workspace, compile_document

#: JSON keys whose values are not printed text (kinds, file names, link targets, anchors).
_NOT_TEXT = {"t", "img", "l", "anchor", "alt"}


def write_pdf(
    doc: ResolvedDocument,
    target: Path,
    *,
    pdfa: bool = False,
    timestamp: datetime | None = None,
) -> Path:
    """Typeset `doc` into `target` (replaced only on success) and return `target`.

    Problems found on the way (characters the fonts cannot show, template warnings) are
    appended to `doc.problems`, where the CLI and the UI already look. Pass `timestamp`
    (timezone-aware) for byte-identical output across runs; `pdfa` writes PDF/A-2b.
    """
    target = Path(target)
    pdf = render_pdf(doc, pdfa=pdfa, timestamp=timestamp)
    with atomic_output(target) as handle:
        handle.write(pdf)
    return target


def render_pdf(
    doc: ResolvedDocument, *, pdfa: bool = False, timestamp: datetime | None = None
) -> bytes:
    with Workspace(doc.meta.template) as ws:
        prepare(doc, ws)
        pdf, warnings = compile_document(ws.compiler(), "pdf", pdfa=pdfa, timestamp=timestamp)
    report(doc, warnings)
    return bytes(pdf)


def prepare(doc: ResolvedDocument, ws: Workspace) -> None:
    """Write the template data into `ws`, reporting characters the fonts lack.

    The data lives only here: Typst reads it from the files, and a 500-page briefing's
    data (tens of MB as Python objects) is freed before Typst's own peak, not held through it.
    """
    data = to_typst_data(doc)
    report(doc, font_problems(data.obj))
    ws.update(data)


def report(doc: ResolvedDocument, problems: list[str]) -> None:
    for problem in problems:
        if problem not in doc.problems:
            doc.problems.append(problem)


def font_problems(data: Any) -> list[str]:
    problem = coverage_problem("".join(printed_text(data)))
    return [problem] if problem else []


def printed_text(value: Any, key: str = "") -> Iterator[str]:
    """Every string of the template data that ends up on the page."""
    if isinstance(value, str):
        if key not in _NOT_TEXT:
            yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from printed_text(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from printed_text(v, key)
