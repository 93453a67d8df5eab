"""Tolerant date reading and the date forms the styles use."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
#: MLA 9 and IEEE abbreviate months longer than four letters, Sept. included.
MONTHS_MLA = (
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June",
    "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
)  # fmt: skip

_SHAPE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass(frozen=True)
class Date:
    """A date with optional month and day (sources are often dated by year or month)."""

    year: int
    month: int = 0
    day: int = 0


def read_date(value: str) -> tuple[Date | None, str]:
    """The date and, when `value` is not a real date, a message saying what was kept.

    Why tolerant: broken metadata must not stop an export; the year alone is still useful.
    """
    text = str(value or "").strip()
    if not text:
        return None, ""
    m = _SHAPE.match(text)
    if not m:
        year = re.match(r"^(\d{4})\b", text)
        if year:
            return Date(
                int(year.group(1))
            ), f"has an unreadable date {text!r}; only the year is shown"
        return None, f"has an unreadable date {text!r} (use YYYY-MM-DD); the date is left out"
    year, month, day = int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
    if m.group(2) and not 1 <= month <= 12:
        return Date(year), f"has an unreadable date {text!r}; only the year is shown"
    if m.group(3) and not 1 <= day <= calendar.monthrange(year, month)[1]:
        return Date(year, month), f"has an unreadable date {text!r}; only the month is shown"
    return Date(year, month, day), ""


def format_date(date: Date | None, form: str) -> str:
    """Render `date` in one of the named forms; missing parts are left out cleanly."""
    if date is None:
        return ""
    return _FORMS[form](date)


def _mdy(months: tuple[str, ...]):
    def render(d: Date) -> str:
        if not d.month:
            return str(d.year)
        if not d.day:
            return f"{months[d.month - 1]} {d.year}"
        return f"{months[d.month - 1]} {d.day}, {d.year}"

    return render


def _dmy(months: tuple[str, ...]):
    def render(d: Date) -> str:
        return " ".join(
            p
            for p in (
                str(d.day) if d.day and d.month else "",
                months[d.month - 1] if d.month else "",
                str(d.year),
            )
            if p
        )

    return render


def _apa(d: Date) -> str:
    """APA 7: "2025, November 7"."""
    if not d.month:
        return str(d.year)
    return f"{d.year}, {MONTHS[d.month - 1]}" + (f" {d.day}" if d.day else "")


def _day_month(d: Date) -> str:
    """Harvard newspaper issue date without the year (the year is already given): "7 November"."""
    if not d.month:
        return ""
    return (f"{d.day} " if d.day else "") + MONTHS[d.month - 1]


_FORMS = {
    "long": _mdy(MONTHS),
    "abbr": _mdy(MONTHS_MLA),  # IEEE abbreviates as MLA does: June, July, Sept.
    "dmy": _dmy(MONTHS),
    "mla": _dmy(MONTHS_MLA),
    "apa": _apa,
    "day-month": _day_month,
    "year": lambda d: str(d.year),
    "iso": lambda d: "-".join(
        p
        for p in (
            f"{d.year:04d}",
            f"{d.month:02d}" if d.month else "",
            f"{d.day:02d}" if d.day else "",
        )
        if p
    ),
}

DATE_FORMS = tuple(_FORMS)
