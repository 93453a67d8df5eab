"""A seeded vocabulary for realistic generated text, shared by the ingest and load benches.

Real text follows Zipf's law: a few words are in every document, most words in a handful.
Text drawn from a few dozen template words instead makes every query match most of the
library, which measures the worst case, not the search an analyst runs.
"""

from __future__ import annotations

import itertools
import random

_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "or")]


class Lexicon:
    """`size` invented words, used with Zipf frequencies (the word of rank r in 1/r)."""

    def __init__(self, rng: random.Random, size: int = 20_000) -> None:
        words: dict[str, None] = {}
        while len(words) < size:
            words["".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))] = None
        self.words = list(words)
        self._cum = list(itertools.accumulate(1.0 / rank for rank in range(1, size + 1)))

    def sentence(self, rng: random.Random) -> str:
        words = rng.choices(self.words, cum_weights=self._cum, k=rng.randint(8, 20))
        return " ".join(words).capitalize() + "."

    def mid_word(self, rng: random.Random) -> str:
        """A word of middling frequency: what an analyst searches for."""
        return self.words[rng.randint(200, 3000)]

    def commonest(self) -> str:
        """The most frequent word: in nearly every document, the worst case for ranking."""
        return self.words[0]
