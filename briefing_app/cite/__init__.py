"""The citation engine: one place that formats every note and bibliography entry.

Writers (DOCX, PDF, HTML, the preview) never format citations themselves: they build points
with `cite_points`, call `CitationEngine(style).format(points)`, and map the rich runs.
See ENGINE.md for why this is our own engine with styles as data, and the measurements.
"""

from __future__ import annotations

from .engine import CitationEngine, FormattedCitations, available_styles, get_style
from .errors import UnknownStyleError
from .points import CiteItem, CitePoint, cite_points, resolve
from .rich import RichRun, RichText, rich_to_html, rich_to_markdown, rich_to_plain
from .style import StyleInfo

__all__ = [
    "CitationEngine",
    "CiteItem",
    "CitePoint",
    "FormattedCitations",
    "RichRun",
    "RichText",
    "StyleInfo",
    "UnknownStyleError",
    "available_styles",
    "cite_points",
    "get_style",
    "resolve",
    "rich_to_html",
    "rich_to_markdown",
    "rich_to_plain",
]
