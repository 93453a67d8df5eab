"""Analytic tradecraft items: key judgments, scenarios and signposts."""

from __future__ import annotations

from dataclasses import dataclass, field

SIGNPOST_STATUSES: tuple[str, ...] = ("not observed", "emerging", "observed")


@dataclass
class KeyJudgment:
    """A statement with a likelihood term (from the briefing's scale) and a confidence level."""

    text: str
    likelihood: str = ""
    confidence: str = ""
    cite: list[str] = field(default_factory=list)
    marking: str = ""
    id: str = ""


@dataclass
class Scenario:
    """An alternative future; `label` is the analyst's own wording kept beside the term."""

    id: str
    title: str
    likelihood: str = ""
    label: str = ""
    narrative: str = ""
    drivers: list[str] = field(default_factory=list)
    signposts: list[str] = field(default_factory=list)
    cite: list[str] = field(default_factory=list)
    marking: str = ""


@dataclass
class Signpost:
    """An observable, dated and thresholded indicator, rated against each scenario."""

    id: str
    name: str
    description: str = ""
    threshold: str = ""
    signals: str = ""
    status: str = "not observed"
    last_reviewed: str = ""
    review_every_days: int | None = None
    diagnosticity: dict[str, str] = field(default_factory=dict)
    cite: list[str] = field(default_factory=list)
    marking: str = ""
