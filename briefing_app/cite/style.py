"""A citation style: its kind, options and per-source-type templates (pure data)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .template import Node

#: Source types that render like another type when a style has no template of their own.
TYPE_FALLBACK = {"state-media": "article", "interview": "other", "dataset": "report"}


@dataclass(frozen=True)
class Style:
    key: str
    name: str
    kind: str  # "note" | "author-date" | "numeric"
    bibliography: dict[str, Node]
    note: dict[str, Node] = field(default_factory=dict)  # first (full) note, note styles
    short: dict[str, Node] = field(default_factory=dict)  # later notes, note styles
    intext: Node | None = None  # one item of an in-text citation
    ibid: bool = False  # the style uses "ibid." for an immediately repeated source
    grades_in_notes: bool = False  # the grade is part of the style, not an option
    quotes: tuple[str, str] = ("\u201c", "\u201d")
    punct_in_quote: bool = True
    handle_wrap: str = "({})"
    locator_labels: dict[str, str] = field(default_factory=dict)
    intext_open: str = "("
    intext_close: str = ")"
    intext_delim: str = "; "
    wrap_each_item: bool = False  # IEEE: "[1], [3]" rather than "[1; 3]"
    period_after_url: bool = True
    bib_order: str = "alphabetical"  # or "citation"
    bib_label: str = ""  # e.g. "[{n}] " for numbered lists
    disambiguate: bool = False  # author-date: 2025a, 2025b

    @property
    def kind_is_note(self) -> bool:
        return self.kind == "note"

    def template(self, table: dict[str, Node], source_type: str) -> Node:
        if source_type in table:
            return table[source_type]
        fallback = TYPE_FALLBACK.get(source_type)
        if fallback in table:
            return table[fallback]
        return table["other"]


@dataclass(frozen=True)
class StyleInfo:
    key: str
    name: str
    kind: str
