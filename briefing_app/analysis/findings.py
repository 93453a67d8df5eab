"""Findings: what a standards check reports, where, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Rule:
    """A rule id, how serious breaking it is, and one line saying what it checks."""

    id: str
    severity: str
    summary: str


#: Every rule the check knows, in the order findings are reported. Errors are integrity and
#: handling problems (a wrong quote, a broken reference, a marking mistake) that must not
#: leave the building; warnings are tradecraft the analyst should weigh.
RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        Rule(
            "unsourced-claim",
            WARNING,
            "a number, date, quantity or quotation (or a judgment) without a citation",
        ),
        Rule("single-source", WARNING, "a key judgment or scenario resting on one source"),
        Rule(
            "low-grade-sources",
            WARNING,
            "a key judgment or scenario resting only on sources graded E or F",
        ),
        Rule(
            "off-scale-language",
            WARNING,
            "hedging words or likelihood terms outside the briefing's scale",
        ),
        Rule("mixed-scale-rows", WARNING, "terms from both rows of the scale in one briefing"),
        Rule(
            "confidence-with-likelihood",
            WARNING,
            "a confidence level and a likelihood term in one sentence",
        ),
        Rule("scenario-without-signposts", WARNING, "a scenario no signpost points to"),
        Rule(
            "scenario-bands-incoherent",
            WARNING,
            "mutually exclusive scenarios whose bands cannot add up to 100%",
        ),
        Rule("orphan-signpost", WARNING, "a signpost not linked to any scenario"),
        Rule("non-diagnostic-signpost", WARNING, "a signpost rated the same under every scenario"),
        Rule("overdue-signpost", WARNING, "a signpost past its review date"),
        Rule(
            "dangling-reference",
            ERROR,
            "a scenario or signpost naming a signpost or scenario that does not exist",
        ),
        Rule("quote-drift", ERROR, "a quotation that no longer matches its source"),
        Rule("missing-citation-target", ERROR, "a citation to a snippet or source that is gone"),
        Rule("unmarked-portion", ERROR, "a portion left unmarked where others are marked"),
        Rule("portion-above-banner", ERROR, "a portion marked above the banner classification"),
        Rule("unknown-marking", ERROR, "a marking the briefing's scheme does not know"),
        Rule(
            "missing-required-section",
            WARNING,
            "a section the briefing's product template requires is missing",
        ),
        Rule(
            "unaddressed-conflict",
            WARNING,
            "sources marked as conflicting, not set against each other in the text",
        ),
    )
}


@dataclass(frozen=True)
class Location:
    """Where a finding is: enough for a reader ("Outlook > block 3 > sentence 2") and for
    the UI to jump there (section and block ids, the item's id, the sentence number)."""

    section: str = ""
    section_id: str = ""
    block: int | None = None  # 1-based position in the section
    block_id: str = ""
    item: str = ""  # id of the key judgment, scenario or signpost
    sentence: int | None = None  # 1-based position in the paragraph

    def __str__(self) -> str:
        parts = [self.section or "briefing"]
        if self.block is not None:
            parts.append(f"block {self.block}")
        if self.item:
            parts.append(self.item)
        if self.sentence is not None:
            parts.append(f"sentence {self.sentence}")
        return " > ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "section_id": self.section_id,
            "block": self.block,
            "block_id": self.block_id,
            "item": self.item,
            "sentence": self.sentence,
        }


@dataclass(frozen=True)
class Finding:
    """One problem: `excerpt` is what it is about (the sentence, or the name of the
    judgment, scenario or signpost) and `message` says how to fix it."""

    rule: str
    severity: str
    location: Location
    excerpt: str
    message: str

    def to_json(self) -> dict[str, Any]:
        """The `briefing check --json` form: `location` is the readable path, `anchor` the
        ids behind it."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "location": str(self.location),
            "anchor": self.location.to_json(),
            "excerpt": self.excerpt,
            "message": self.message,
        }


def finding(rule: str, location: Location, excerpt: str, message: str) -> Finding:
    """A finding with the rule's own severity (so rules cannot disagree about it)."""
    return Finding(rule, RULES[rule].severity, location, clip(excerpt), message)


def findings_to_json(findings: list[Finding]) -> list[dict[str, Any]]:
    return [f.to_json() for f in findings]


def clip(text: str, limit: int = 240) -> str:
    """Excerpts stay readable in a one-line listing; the location says where the rest is."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
