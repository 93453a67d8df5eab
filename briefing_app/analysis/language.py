"""Estimative language (ICD 203 / UK yardstick): hedges, off-scale terms, mixed rows and
confidence stated in the same breath as likelihood."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model.estimative import SCALES, LikelihoodScale, LikelihoodTerm
from .context import CheckContext
from .findings import Finding, Location, finding
from .sentences import without_quotations

TERM_ROW = "term"
SYNONYM_ROW = "synonym"

#: Hedges that sound like judgments but mean no number. "may" only in lower case, so the
#: month is never mistaken for one.
HEDGES = ("could", "might", "may", "probably", "possibly", "perhaps", "maybe", "conceivably")
_HEDGE = re.compile(
    r"\b(?:[Cc]ould|[Mm]ight|may|[Pp]robably|[Pp]ossibly|[Pp]erhaps|[Mm]aybe|[Cc]onceivably)\b"
)
#: A sentence reporting what a source said quotes the source's hedge, not ours.
_REPORTING = re.compile(
    r"\b(?:said|says|say|told|tells|according to|claimed|claims|stated|states|wrote|writes|"
    r"reported|reports|warned|warns|argued|argues|believes|believe|estimated|estimates)\b",
    re.I,
)
_CONFIDENCE = re.compile(
    r"\b(?:high|moderate|medium|low)[- ]confidence\b"
    r"|\bconfidence (?:is|remains|was|level is) (?:high|moderate|medium|low)\b"
    r"|\b(?:highly|moderately|fairly) confident\b",
    re.I,
)


@dataclass(frozen=True)
class TermUse:
    """A likelihood word found in text: which scale and row it belongs to."""

    words: str
    scale: str
    row: str
    term: LikelihoodTerm


def _phrase_pattern(phrase: str) -> str:
    body = r"[\s-]+".join(re.escape(w) for w in phrase.split())
    if phrase.endswith("certain"):
        body += "(?:ly)?"  # "almost certainly", "nearly certainly"
    return body


def _build_vocabulary() -> tuple[re.Pattern[str], dict[str, list[TermUse]]]:
    uses: dict[str, list[TermUse]] = {}
    for scale in SCALES.values():
        for t in scale.terms:
            uses.setdefault(t.term, []).append(TermUse(t.term, scale.key, TERM_ROW, t))
            if t.synonym:
                uses.setdefault(t.synonym, []).append(TermUse(t.synonym, scale.key, SYNONYM_ROW, t))
    phrases = sorted((p for p in uses if p != "remote"), key=len, reverse=True)
    alternatives = [_phrase_pattern(p) for p in phrases]
    # "remote" alone is a likelihood word only as a judgment: "a remote possibility",
    # "the prospect is remote"; "remote sensing" and "a remote village" are not.
    alternatives.append(
        r"remote(?=\s+(?:possibility|prospect|likelihood)\b)"
        r"|(?:(?<=\bis )|(?<=\bare )|(?<=\bwas )|(?<=\bremains )|(?<=\bseems )|(?<=\bbe ))"
        r"remote\b"
    )
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.I)
    return pattern, uses


_TERMS, _USES = _build_vocabulary()


def _key(words: str) -> str:
    key = " ".join(words.lower().replace("-", " ").split())
    return key[:-2] if key.endswith("certainly") else key


#: Every likelihood word contains one of these; a sentence without any is skipped quickly.
_TERM_HINTS = ("likel", "certain", "chance", "probab", "remote", "possib", "odds")
_HEDGE_HINTS = ("could", "might", "may", "probabl", "possibl", "perhaps", "maybe", "conceiv")


def term_uses(text: str, scale: LikelihoodScale) -> list[tuple[str, TermUse | None]]:
    """Likelihood words in `text` as (words as written, use in `scale` or None when the
    words belong only to another scale)."""
    lower = text.lower()
    if not any(hint in lower for hint in _TERM_HINTS):
        return []
    found: list[tuple[str, TermUse | None]] = []
    for m in _TERMS.finditer(text):
        uses = _USES[_key(m.group(0))]
        mine = next((u for u in uses if u.scale == scale.key), None)
        found.append((m.group(0), mine))
    return found


def hedges(text: str) -> list[str]:
    lower = text.lower()
    if not any(hint in lower for hint in _HEDGE_HINTS):
        return []
    return [m.group(0) for m in _HEDGE.finditer(text)]


def check_language(ctx: CheckContext) -> Iterator[Finding]:
    scale = ctx.scale
    term_row_used = any(
        item.likelihood
        for _, _, block in ctx.item_blocks()
        for item in getattr(block, "items", [])
        if hasattr(item, "likelihood")
    )
    synonyms: list[tuple[Location, str, str, TermUse]] = []
    for prose in ctx.prose():
        for n, sentence in enumerate(prose.sentences, 1):
            text = without_quotations(sentence.text)
            uses = term_uses(text, scale)
            hedged = hedges(text)
            if not uses and not hedged:
                continue
            where = _at(prose.location, n)
            reported = bool(hedged) and sentence.cited and bool(_REPORTING.search(text))
            yield from _off_scale(where, sentence.text, uses, hedged, scale, reported=reported)
            for words, use in uses:
                if use is not None and use.row == TERM_ROW:
                    term_row_used = True
                elif use is not None:
                    synonyms.append((where, sentence.text, words, use))
            confidence = _CONFIDENCE.search(text) if "confiden" in text.lower() else None
            likelihood = [w for w, _ in uses] + hedged
            if confidence and likelihood:
                yield finding(
                    "confidence-with-likelihood",
                    where,
                    sentence.text,
                    f"This sentence gives a confidence level ({confidence.group(0)!r}) and a "
                    f"likelihood ({likelihood[0]!r}) together; readers confuse the two. Say "
                    "how likely it is in one sentence and how confident we are, and why, in "
                    "another.",
                )
    if term_row_used:
        for where, text, words, use in synonyms:
            yield finding(
                "mixed-scale-rows",
                where,
                text,
                f"{words!r} comes from the synonym row of the {scale.name}, while this "
                f"briefing also uses its standard terms; write {use.term.term!r} "
                f"({use.term.band}) so readers see one vocabulary.",
            )


def _off_scale(
    where: Location,
    sentence: str,
    uses: list[tuple[str, TermUse | None]],
    hedged: list[str],
    scale: LikelihoodScale,
    *,
    reported: bool,
) -> Iterator[Finding]:
    for words, use in uses:
        if use is not None:
            continue
        other = next(u for u in _USES[_key(words)] if u.scale != scale.key)
        nearest = scale.nearest(other.term)
        yield finding(
            "off-scale-language",
            where,
            sentence,
            f"{words!r} is not a term of the {scale.name} this briefing uses; the nearest "
            f"is {nearest.term!r} ({nearest.band}).",
        )
    if reported:
        return
    for word in hedged:
        allowed = ", ".join(repr(t.term) for t in scale.terms)
        yield finding(
            "off-scale-language",
            where,
            sentence,
            f"{word!r} used as a judgment gives the reader no likelihood; state one from the "
            f"{scale.name} ({allowed}), or attribute the words to a source.",
        )


def _at(location: Location, sentence: int) -> Location:
    return Location(
        location.section,
        location.section_id,
        location.block,
        location.block_id,
        location.item,
        sentence,
    )
