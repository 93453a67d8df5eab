"""What makes a sentence a checkable claim: numbers, dates, quantities and quotations."""

from __future__ import annotations

import re

from .sentences import quotations

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\b"
    rf"|\b(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    rf"|\b(?:{_MONTHS})\s+\d{{4}}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b"
)
#: Units a number may be glued to ("5km", "3.5bn", "40%"); any other letters glued to
#: digits make an identifier ("T0504", "2S19", "25th"), not a figure.
_UNITS = {"", "%", "k", "m", "bn", "mn", "km", "kg", "t", "mm", "cm", "ha", "h", "mph", "kph"}
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"(?<![A-Za-z\d_\-/.])(\d+(?:[.,]\d+)*)([A-Za-z%]*)")
#: Number words for counts large enough to be facts; "two scenarios" and "four signposts"
#: describe the briefing itself, so small numbers in words are not treated as claims.
_QUANTITY = re.compile(
    r"\b(?:dozens|hundreds|thousands|millions|billions|a dozen|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|thousand|million|billion)\b",
    re.I,
)


def claim_kind(sentence: str) -> tuple[str, str] | None:
    """What makes `sentence` a claim that needs a source: ("a date", "31 October"),
    ("a number", "11,000"), ("a quantity", "thousands"), ("a quotation", "...") or None."""
    quoted = quotations(sentence)
    if quoted:
        return "a quotation", quoted[0]
    if _DIGIT.search(sentence):
        m = _DATE.search(sentence)
        if m:
            return "a date", m.group(0)
        for m in _NUMBER.finditer(sentence):
            if m.group(2).lower() in _UNITS:
                return "a number", m.group(0)
    m = _QUANTITY.search(sentence)
    if m:
        return "a quantity", m.group(0)
    return None


def has_figures(cells: list[str]) -> bool:
    """A table states figures when any cell holds a number."""
    return any(claim_kind(str(c)) is not None for c in cells)
