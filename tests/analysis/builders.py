"""Small libraries and briefings built in code for the analysis tests."""

from __future__ import annotations

from datetime import date

from briefing_app.analysis.check import run_checks
from briefing_app.analysis.findings import Finding
from briefing_app.model.blocks import Block, Paragraph
from briefing_app.model.briefing import Briefing, Section
from briefing_app.model.snippet import Snippet, snippet_from_quote
from briefing_app.model.source import Source

TEXTS = {
    "srcA": ("A", "The brigade reported that about 4,000 troops held the line. Fog slowed them."),
    "srcB": ("B", "Officials said the corridor was 5 km wide and logistics is being maintained."),
    "srcC": ("C", "Our count is 7,000 troops on the axis, including reserves."),
    "srcE": ("E", "State television said the ring around the city has been fully closed."),
    "srcF": ("F", "A mapper wrote that the road is closed to wheeled traffic in daylight."),
}
QUOTES = {
    "snA": ("srcA", "about 4,000 troops held the line"),
    "snB": ("srcB", "the corridor was 5 km wide"),
    "snB2": ("srcB", "logistics is being maintained"),
    "snC": ("srcC", "7,000 troops on the axis"),
    "snE": ("srcE", "the ring around the city has been fully closed"),
    "snF": ("srcF", "the road is closed to wheeled traffic in daylight"),
}


def library() -> tuple[list[Source], list[Snippet]]:
    sources = [
        Source(
            sid,
            f"Title of {sid}",
            "article",
            text=text,
            reliability=grade,
            container_title=f"Outlet {sid[-1]}",
        )
        for sid, (grade, text) in TEXTS.items()
    ]
    by_id = {s.id: s for s in sources}
    snippets = [snippet_from_quote(nid, by_id[sid], q) for nid, (sid, q) in QUOTES.items()]
    return sources, snippets


def briefing(*blocks: Block, **meta: object) -> Briefing:
    """A briefing of one section holding `blocks` (strings become paragraphs)."""
    made = [Paragraph(b) if isinstance(b, str) else b for b in blocks]
    meta.setdefault("date", "2025-11-10")
    return Briefing(id="b", title="Test", sections=[Section("Body", 1, made, id="s1")], **meta)


def check(
    b: Briefing,
    *,
    conflicts: list[tuple[str, str, str]] | None = None,
    today: date | None = None,
    drifted: list[str] | None = None,
) -> list[Finding]:
    sources, snippets = library()
    return run_checks(
        b, sources, snippets, conflicts=conflicts or [], today=today, drifted=drifted, required=[]
    )


def rules(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]


def of_rule(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]
