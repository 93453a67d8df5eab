"""Dates as people write them ("Nov 5, 2025", "5 листопада 2025") turned into YYYY-MM-DD."""

from __future__ import annotations

import re
from datetime import date

from ..model.errors import ValidationError
from ..model.source import check_date

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "jan january січня січень января январь",
        "feb february лютого лютий февраля февраль",
        "mar march березня березень марта март",
        "apr april квітня квітень апреля апрель",
        "may травня травень мая май",
        "jun june червня червень июня июнь",
        "jul july липня липень июля июль",
        "aug august серпня серпень августа август",
        "sep sept september вересня вересень сентября сентябрь",
        "oct october жовтня жовтень октября октябрь",
        "nov november листопада листопад ноября ноябрь",
        "dec december грудня грудень декабря декабрь",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_MONTH = r"([^\W\d_]{3,10})\.?"
_PATTERNS = (
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.+Z-]*)?"), "ymd"),
    (re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"), "ymd"),
    (re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})"), "dmy"),
    (re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})"), "mdy-name"),
    (
        re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(\d{4})(?:\s*р\.?)?"),
        "dmy-name",
    ),
    (re.compile(_MONTH + r"\s+(\d{4})"), "my-name"),
    (re.compile(r"(\d{4})-(\d{2})"), "ym"),
    (re.compile(r"(\d{4})"), "y"),
)


def parse_date(text: str) -> str:
    """The first date written in `text` as YYYY[-MM[-DD]], or "" if there is none.

    Only the forms people use in datelines are accepted; a lone number is a year only if
    it is the whole text, so "458 drones" is never a date.
    """
    text = " ".join(str(text).split())
    for pattern, form in _PATTERNS:
        m = pattern.fullmatch(text) if form in ("y", "ym") else pattern.search(text)
        if not m:
            continue
        found = _assemble(m.groups(), form)
        if found:
            return found
    return ""


def _assemble(groups: tuple[str, ...], form: str) -> str:
    if form == "ymd":
        y, mo, d = (int(g) for g in groups)
    elif form == "dmy":
        d, mo, y = (int(g) for g in groups)
    elif form == "mdy-name":
        mo, d, y = _MONTHS.get(groups[0].lower(), 0), int(groups[1]), int(groups[2])
    elif form == "dmy-name":
        d, mo, y = int(groups[0]), _MONTHS.get(groups[1].lower(), 0), int(groups[2])
    elif form == "my-name":
        mo = _MONTHS.get(groups[0].lower(), 0)
        return f"{int(groups[1]):04d}-{mo:02d}" if mo and _plausible_year(int(groups[1])) else ""
    elif form == "ym":
        return _valid(f"{groups[0]}-{groups[1]}")
    else:
        return groups[0] if _plausible_year(int(groups[0])) else ""
    if not mo or not _plausible_year(y):
        return ""
    return _valid(f"{y:04d}-{mo:02d}-{d:02d}")


def _plausible_year(year: int) -> bool:
    return 1900 <= year <= date.today().year + 1


def _valid(value: str) -> str:
    try:
        return check_date(value)
    except ValidationError:
        return ""
