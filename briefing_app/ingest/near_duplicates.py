"""Near-duplicates: the same story re-reported (wire copy reprinted, a lightly edited
repost). Flagged with its twin for the analyst, never merged: two outlets carrying one
report is a fact about the source base (it is not corroboration)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..store import Project

SHINGLE = 5  # words per shingle: long enough that shared phrasing, not topic, is measured
THRESHOLD = 0.6  # share of the shorter text's shingles found in the other
MIN_SHINGLES = 12  # shorter texts say too little to compare
CANDIDATES = 3
SAMPLES = 8  # phrases sampled from a new text to look its twin up in the index
PREFILTER = 0.25  # share of sampled phrases a candidate must hold to be compared exactly
_WORD = re.compile(r"\w+", re.UNICODE)
_META_PREFIX = "near_duplicate:"


@dataclass(frozen=True)
class NearDuplicate:
    source_id: str
    twin_id: str
    similarity: float


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def shingles(text: str) -> set[int]:
    return _shingles_of(_words(text))


def _shingles_of(words: list[str]) -> set[int]:
    return {hash(tuple(words[i : i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)}


def similarity(a: set[int], b: set[int]) -> float:
    """Containment of the smaller shingle set in the larger: a story reprinted inside a
    longer page still counts, where plain Jaccard would be diluted by the extra text."""
    if min(len(a), len(b)) < MIN_SHINGLES:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _sample_phrases(words: list[str], count: int = SAMPLES) -> list[str]:
    """Evenly spaced 5-word phrases of the text: a reprint shares most of them verbatim,
    an unrelated text almost none, so the index can find twins without a full scan."""
    last = len(words) - SHINGLE
    if last < 0:
        return []
    # Phrases of content words only: their index entries are short, so the lookup stays
    # cheap however many texts share "said that the" and the like. One pass: a phrase is
    # "heavy" when the run of long words ending at its last word is SHINGLE long.
    heavy: list[int] = []
    run = 0
    for i, word in enumerate(words):
        run = run + 1 if len(word) >= 4 else 0
        if run >= SHINGLE:
            heavy.append(i - SHINGLE + 1)
    starts = heavy if len(heavy) >= count else range(last + 1)
    step = max(1, len(starts) // count)
    picked = starts[::step][:count]
    return list(dict.fromkeys(" ".join(words[i : i + SHINGLE]) for i in picked))


_YEAR = re.compile(r"(?:19|20)\d\d")


def _anchor_terms(text: str, count: int = 8) -> list[str]:
    """Words that set one story apart: figures, then names, then long words.

    Single words, not phrases: the index answers an OR of a few words in a millisecond,
    where phrase queries over common words cost tens of milliseconds per import. Each
    kind is only gathered when the ones before it left room (a news text usually has
    enough figures and names, so the long-word sort is rarely needed).
    """
    tokens = _WORD.findall(text[:50000])
    picked: dict[str, None] = {}

    def take(words: Iterable[str]) -> bool:
        for word in words:
            picked.setdefault(word.casefold(), None)
            if len(picked) >= count:
                return True
        return False

    figures = (t for t in tokens if t.isdigit() and len(t) >= 2 and not _YEAR.fullmatch(t))
    names = (t for i, t in enumerate(tokens) if i and t[:1].isupper() and len(t) >= 4)
    if take(figures) or take(names):
        return list(picked)
    take(sorted((t for t in tokens if len(t) >= 9), key=len, reverse=True))
    return list(picked)


def find_twin(project: Project, text: str, exclude: str = "") -> tuple[str, float] | None:
    """The library's source most like `text` above the threshold, with its similarity.

    Cheap in the common case: one query on the index for a few anchor words; only
    candidates holding a good share of the sampled phrases get the exact (shingle set)
    comparison. Each text is split into words once.
    """
    words = _words(text)
    if len(words) - SHINGLE + 1 < MIN_SHINGLES:
        return None
    candidates = project.sources.sharing_terms(
        _anchor_terms(text), limit=CANDIDATES, exclude=exclude
    )
    if not candidates:
        return None
    phrases = _sample_phrases(words)
    mine: set[int] | None = None
    best: tuple[str, float] | None = None
    for source_id, other in candidates:
        other_words = _words(other)
        flat = " " + " ".join(other_words) + " "
        shared = sum(1 for phrase in phrases if f" {phrase} " in flat)
        if shared < PREFILTER * len(phrases):
            continue
        mine = mine if mine is not None else _shingles_of(words)
        score = similarity(mine, _shingles_of(other_words))
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
