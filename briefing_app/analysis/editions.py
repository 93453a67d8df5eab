"""What changed between two editions: judgments, likelihoods, scenario bands, signposts.

Items are matched by id (copy_edition keeps them); an item without an id is matched by its
text or title. Each edition's terms are read on its own scale, so a scale change shows as
a band change.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..model.briefing import Briefing
from ..model.estimative import ICD203, SCALES, LikelihoodScale
from ..model.tradecraft import KeyJudgment, Scenario, Signpost


@dataclass(frozen=True)
class Change:
    """One difference. `kind` is one of: judgment-added, judgment-removed, judgment-reworded,
    likelihood-changed, confidence-changed, scenario-added, scenario-removed,
    scenario-band-changed, signpost-added, signpost-removed, signpost-status-changed."""

    kind: str
    item: str  # the item's id (or its title when it has none)
    subject: str  # the judgment's text, the scenario's title or the signpost's name
    before: str = ""
    after: str = ""

    @property
    def text(self) -> str:
        """One line for the "What changed" section and `briefing diff`."""
        what = {
            "judgment-added": "New key judgment",
            "judgment-removed": "Key judgment dropped",
            "judgment-reworded": "Key judgment reworded",
            "likelihood-changed": "Key judgment likelihood",
            "confidence-changed": "Key judgment confidence",
            "scenario-added": "New scenario",
            "scenario-removed": "Scenario dropped",
            "scenario-band-changed": "Scenario likelihood",
            "signpost-added": "New signpost",
            "signpost-removed": "Signpost dropped",
            "signpost-status-changed": "Signpost status",
        }[self.kind]
        line = f"{what}: {_short(self.subject)}"
        if self.before or self.after:
            line += f" ({self.before or 'none'} → {self.after or 'none'})"
        return line

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "item": self.item,
            "subject": self.subject,
            "before": self.before,
            "after": self.after,
            "text": self.text,
        }


def diff_briefings(old: Briefing, new: Briefing) -> list[Change]:
    """Changes from `old` to `new`, judgments first, then scenarios, then signposts."""
    old_scale = SCALES.get(old.scale, ICD203)
    new_scale = SCALES.get(new.scale, ICD203)
    return [
        *_judgments(_key_judgments(old), _key_judgments(new), old_scale, new_scale),
        *_scenarios(old.scenarios(), new.scenarios(), old_scale, new_scale),
        *_signposts(old.signposts(), new.signposts()),
    ]


def _key_judgments(briefing: Briefing) -> list[KeyJudgment]:
    return [i for _, _, b in briefing.blocks() if b.type == "key_judgments" for i in b.items]


def _pairs(
    old: Sequence[Any], new: Sequence[Any], name: str
) -> tuple[list[tuple[Any, Any]], list[Any], list[Any]]:
    """(matched pairs, removed, added): by id where both have one, else by `name`."""

    def key(item: Any) -> str:
        return f"id:{item.id}" if item.id else f"name:{getattr(item, name)}"

    old_by = {key(i): i for i in old}
    new_by = {key(i): i for i in new}
    pairs = [(old_by[k], new_by[k]) for k in new_by if k in old_by]
    removed = [i for k, i in old_by.items() if k not in new_by]
    added = [i for k, i in new_by.items() if k not in old_by]
    return pairs, removed, added


def _band(term: str, scale: LikelihoodScale) -> str:
    found = scale.lookup(term) if term else None
    return f"{found.term} ({found.band})" if found else term


def _judgments(
    old: list[KeyJudgment],
    new: list[KeyJudgment],
    old_scale: LikelihoodScale,
    new_scale: LikelihoodScale,
) -> Iterator[Change]:
    pairs, removed, added = _pairs(old, new, "text")
    for a, b in pairs:
        ident = b.id or b.text
        if a.text != b.text:
            yield Change("judgment-reworded", ident, b.text, a.text, b.text)
        before, after = _band(a.likelihood, old_scale), _band(b.likelihood, new_scale)
        if before != after:
            yield Change("likelihood-changed", ident, b.text, before, after)
        if a.confidence != b.confidence:
            yield Change("confidence-changed", ident, b.text, a.confidence, b.confidence)
    for kj in removed:
        yield Change(
            "judgment-removed", kj.id or kj.text, kj.text, _band(kj.likelihood, old_scale), ""
        )
    for kj in added:
        yield Change(
            "judgment-added", kj.id or kj.text, kj.text, "", _band(kj.likelihood, new_scale)
        )


def _scenarios(
    old: list[Scenario], new: list[Scenario], old_scale: LikelihoodScale, new_scale: LikelihoodScale
) -> Iterator[Change]:
    pairs, removed, added = _pairs(old, new, "title")
    for a, b in pairs:
        before, after = _band(a.likelihood, old_scale), _band(b.likelihood, new_scale)
        if before != after:
            yield Change("scenario-band-changed", b.id or b.title, b.title, before, after)
    for sc in removed:
        yield Change(
            "scenario-removed", sc.id or sc.title, sc.title, _band(sc.likelihood, old_scale), ""
        )
    for sc in added:
        yield Change(
            "scenario-added", sc.id or sc.title, sc.title, "", _band(sc.likelihood, new_scale)
        )


def _signposts(old: list[Signpost], new: list[Signpost]) -> Iterator[Change]:
    pairs, removed, added = _pairs(old, new, "name")
    for a, b in pairs:
        if a.status != b.status:
            yield Change("signpost-status-changed", b.id or b.name, b.name, a.status, b.status)
    for sp in removed:
        yield Change("signpost-removed", sp.id or sp.name, sp.name, sp.status, "")
    for sp in added:
        yield Change("signpost-added", sp.id or sp.name, sp.name, "", sp.status)


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
