"""Admiralty (NATO) source reliability and information credibility grades."""

from __future__ import annotations

from .errors import ValidationError

RELIABILITY: dict[str, str] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}

CREDIBILITY: dict[int, str] = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}

#: F and 6 mean "not judged", not "bad"; checks must not treat them as low grades.
UNJUDGED_RELIABILITY = "F"
UNJUDGED_CREDIBILITY = 6


def check_reliability(value: str, path: str = "reliability") -> str:
    """Return the grade upper-cased, or raise naming the allowed letters."""
    grade = str(value).strip().upper()
    if grade not in RELIABILITY:
        raise ValidationError(
            f"unknown reliability grade {value!r}; use one of A-F "
            "(A completely reliable ... F cannot be judged)",
            path,
        )
    return grade


def check_credibility(value: object, path: str = "credibility") -> int:
    """Return the grade as an int, or raise naming the allowed numbers."""
    try:
        grade = int(str(value).strip())
    except ValueError:
        grade = 0
    if grade not in CREDIBILITY:
        raise ValidationError(
            f"unknown credibility grade {value!r}; use 1-6 "
            "(1 confirmed by other sources ... 6 cannot be judged)",
            path,
        )
    return grade


def admiralty_code(reliability: str, credibility: int | None) -> str:
    """Written together, e.g. "B2"; only the letter when the information is not graded."""
    return f"{reliability}{credibility}" if credibility else reliability
