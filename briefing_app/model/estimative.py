"""Estimative language: likelihood scales (ICD 203, UK yardstick), confidence, diagnosticity."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import ValidationError


@dataclass(frozen=True)
class LikelihoodTerm:
    """One rung of a scale: the canonical term, its synonym and its probability band (%)."""

    term: str
    low: int
    high: int
    synonym: str | None = None

    @property
    def band(self) -> str:
        """The band as readers see it, e.g. "55-80%", "<=5%", ">=95%"."""
        if self.low == 0:
            return f"≤{self.high}%"
        if self.high == 100:
            return f"≥{self.low}%"
        return f"{self.low}-{self.high}%"

    @property
    def midpoint(self) -> float:
        return (self.low + self.high) / 2


@dataclass(frozen=True)
class LikelihoodScale:
    """An ordered estimative scale; lookups accept the synonym row and normalise to `term`."""

    key: str
    name: str
    terms: tuple[LikelihoodTerm, ...]

    def lookup(self, word: str) -> LikelihoodTerm | None:
        wanted = normalise_words(word)
        for t in self.terms:
            if wanted in (t.term, t.synonym):
                return t
        return None

    def normalise(self, word: str, path: str = "likelihood") -> str:
        """Return the canonical term for `word` (term or synonym), or raise listing the scale."""
        found = self.lookup(word)
        if found is None:
            allowed = ", ".join(t.term for t in self.terms)
            raise ValidationError(
                f"{word!r} is not a likelihood term of the {self.name}; use one of: {allowed}",
                path,
            )
        return found.term

    def nearest(self, term: LikelihoodTerm) -> LikelihoodTerm:
        """The rung of this scale whose band midpoint is closest (used when switching scales)."""
        return min(self.terms, key=lambda t: abs(t.midpoint - term.midpoint))

    def canonical_terms(self) -> list[str]:
        return [t.term for t in self.terms]

    def all_words(self) -> list[str]:
        words = [t.term for t in self.terms]
        words += [t.synonym for t in self.terms if t.synonym]
        return words


def normalise_words(text: str) -> str:
    return " ".join(str(text).lower().replace("-", " ").split())


ICD203 = LikelihoodScale(
    key="icd203",
    name="ICD 203 scale",
    terms=(
        LikelihoodTerm("almost no chance", 1, 5, "remote"),
        LikelihoodTerm("very unlikely", 5, 20, "highly improbable"),
        LikelihoodTerm("unlikely", 20, 45, "improbable"),
        LikelihoodTerm("roughly even chance", 45, 55, "roughly even odds"),
        LikelihoodTerm("likely", 55, 80, "probable"),
        LikelihoodTerm("very likely", 80, 95, "highly probable"),
        LikelihoodTerm("almost certain", 95, 99, "nearly certain"),
    ),
)

UK_YARDSTICK = LikelihoodScale(
    key="uk-yardstick",
    name="UK probability yardstick",
    terms=(
        LikelihoodTerm("remote chance", 0, 5),
        LikelihoodTerm("highly unlikely", 10, 20),
        LikelihoodTerm("unlikely", 25, 35),
        LikelihoodTerm("realistic possibility", 40, 50),
        LikelihoodTerm("likely", 55, 75),
        LikelihoodTerm("highly likely", 80, 90),
        LikelihoodTerm("almost certain", 95, 100),
    ),
)

SCALES: dict[str, LikelihoodScale] = {s.key: s for s in (ICD203, UK_YARDSTICK)}
DEFAULT_SCALE = ICD203.key


def get_scale(key: str, path: str = "scale") -> LikelihoodScale:
    try:
        return SCALES[key]
    except KeyError:
        raise ValidationError(
            f"unknown estimative scale {key!r}; use one of: {', '.join(SCALES)}", path
        ) from None


CONFIDENCE_LEVELS: tuple[str, ...] = ("low", "moderate", "high")


def check_confidence(value: str, path: str = "confidence") -> str:
    level = normalise_words(value)
    if level not in CONFIDENCE_LEVELS:
        raise ValidationError(
            f"unknown confidence level {value!r}; use low, moderate or high", path
        )
    return level


#: How likely a signpost is to be seen if a given scenario is unfolding.
DIAGNOSTICITY: tuple[str, ...] = (
    "highly likely",
    "likely",
    "could",
    "unlikely",
    "highly unlikely",
)


def check_diagnosticity(value: str, path: str = "diagnosticity") -> str:
    rating = normalise_words(value)
    if rating not in DIAGNOSTICITY:
        raise ValidationError(
            f"unknown diagnosticity {value!r}; use one of: {', '.join(DIAGNOSTICITY)}", path
        )
    return rating


def convert_term(word: str, source: LikelihoodScale, target: LikelihoodScale) -> LikelihoodTerm:
    """The rung of `target` nearest to `word` on `source` (term or synonym), for changing a
    briefing's scale; raises ValidationError when `word` is not on `source`."""
    canonical = source.normalise(word)  # raises, listing the scale's terms
    return target.nearest(next(t for t in source.terms if t.term == canonical))
