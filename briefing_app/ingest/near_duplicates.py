"""Near-duplicates: the same story re-reported (wire copy reprinted, a lightly edited
repost). Flagged with its twin for the analyst, never merged: two outlets carrying one
report is a fact about the source base (it is not corroboration)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..store import Project

SHINGLE = 5  # words per shingle: long enough that shared phrasing, not topic, is measured
THRESHOLD = 0.6  # share of the shorter text's shingles found in the other
MIN_SHINGLES = 12  # shorter texts say too little to compare
CANDIDATES = 5
_WORD = re.compile(r"\w+", re.UNICODE)
_META_PREFIX = "near_duplicate:"


@dataclass(frozen=True)
class NearDuplicate:
    source_id: str
    twin_id: str
    similarity: float


def shingles(text: str) -> set[int]:
    words = [w.casefold() for w in _WORD.findall(text)]
    return {hash(tuple(words[i : i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)}


def similarity(a: set[int], b: set[int]) -> float:
    """Containment of the smaller shingle set in the larger: a story reprinted inside a
    longer page still counts, where plain Jaccard would be diluted by the extra text."""
    if min(len(a), len(b)) < MIN_SHINGLES:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _distinctive_terms(text: str, count: int = 12) -> list[str]:
    """Long words stand in for rare ones: names, places, numbers with units."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(text[:20000]):
        if len(word) >= 6 and not word.isdigit():
            seen.setdefault(word.casefold(), None)
    return sorted(seen, key=len, reverse=True)[:count]


def find_twin(project: Project, text: str, exclude: str = "") -> tuple[str, float] | None:
    """The library's source most like `text` above the threshold, with its similarity."""
    mine = shingles(text)
    if len(mine) < MIN_SHINGLES:
        return None
    best: tuple[str, float] | None = None
    for source_id, other in project.sources.sharing_terms(
        _distinctive_terms(text), limit=CANDIDATES, exclude=exclude
    ):
        score = similarity(mine, shingles(other))
        if score >= THRESHOLD and (best is None or score > best[1]):
            best = (source_id, score)
    return best


def flag(project: Project, source_id: str, twin_id: str, score: float) -> None:
    """Remember the pair so the library can show it until the analyst dismisses it."""
    value = json.dumps({"twin": twin_id, "similarity": round(score, 3)})
    project.set_meta(_META_PREFIX + source_id, value)


def flagged(project: Project) -> list[NearDuplicate]:
    """Every near-duplicate pair still waiting for the analyst's look."""
    rows = project.db.execute(
        "SELECT key, value FROM meta WHERE key LIKE ? ORDER BY key", (_META_PREFIX + "%",)
    ).fetchall()
    out = []
    for key, value in rows:
        data = json.loads(value)
        out.append(NearDuplicate(key[len(_META_PREFIX) :], data["twin"], data["similarity"]))
    return out


def dismiss(project: Project, source_id: str) -> None:
    """The analyst has looked: drop the flag (both sources stay)."""
    with project.transaction() as db:
        db.execute("DELETE FROM meta WHERE key = ?", (_META_PREFIX + source_id,))
    project.events.emit("project", "changed", _META_PREFIX + source_id)
