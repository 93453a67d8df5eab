"""Axis ticks we choose ourselves: round numbers for values, calendar steps for dates.

pyqtgraph picks ticks after it has painted once and may widen its axes afterwards; a chart
painted once offscreen must know its axis sizes beforehand, and print wants calendar-aligned
dates ("8 Nov", "Dec 2025"), so the ticks are computed here and handed to the axes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

Tick = tuple[float, str]


def nice_step(span: float, max_ticks: int) -> float:
    """The smallest 1/2/2.5/5 x 10^k step that splits `span` into at most `max_ticks` parts."""
    if span <= 0 or not math.isfinite(span):
        return 1.0
    raw = span / max(1, max_ticks)
    power = 10 ** math.floor(math.log10(raw))
    for mult in (1, 2, 2.5, 5, 10):
        if mult * power >= raw:
            return mult * power
    return 10 * power


def value_range(
    lo: float, hi: float, max_ticks: int = 6, *, zero: bool = False
) -> tuple[float, float, float]:
    """(start, end, step): a range covering lo..hi on tick boundaries (and 0 if `zero`)."""
    if zero:
        lo, hi = min(lo, 0.0), max(hi, 0.0)
    if hi == lo:
        pad = abs(hi) * 0.1 or 1.0
        lo, hi = lo - (0 if zero and lo == 0 else pad), hi + pad
    step = nice_step(hi - lo, max_ticks)
    start = math.floor(lo / step + 1e-9) * step
    end = math.ceil(hi / step - 1e-9) * step
    return start, end, step


def format_value(value: float, step: float = 1.0, unit: str = "") -> str:
    """A tick or data label: thousands separators, as many decimals as the step needs."""
    decimals = next((d for d in range(7) if abs(step * 10**d - round(step * 10**d)) < 1e-6), 6)
    text = f"{value:,.{decimals}f}"
    if text.startswith("-") and float(text.replace(",", "")) == 0:
        text = text[1:]
    text = text.replace("-", "\u2212")  # a real minus sign, as typeset documents use
    return f"{text}%" if unit == "%" else text


def label_step(values: Sequence[float | None]) -> float:
    """The precision data labels need: 1 for whole numbers, else 0.1 or 0.01 (at most)."""
    for step in (1.0, 0.1):
        if all(v is None or abs(v / step - round(v / step)) < 1e-6 for v in values):
            return step
    return 0.01


def value_ticks(start: float, end: float, step: float, unit: str = "") -> list[Tick]:
    count = round((end - start) / step)
    return [
        (start + i * step, format_value(start + i * step, step, unit)) for i in range(count + 1)
    ]


# ---------------------------------------------------------------------------------------------
# Dates (values are seconds since the epoch, UTC)

_DAY = 86400.0


def to_seconds(when: datetime) -> float:
    return when.replace(tzinfo=UTC).timestamp()


def from_seconds(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None)


def _day_label(d: datetime) -> str:
    return f"{d.day} {d:%b}"


def _step_days(days: int) -> Callable[[datetime], datetime]:
    return lambda d: d + timedelta(days=days)


def _step_months(months: int) -> Callable[[datetime], datetime]:
    def step(d: datetime) -> datetime:
        index = d.year * 12 + d.month - 1 + months
        return d.replace(year=index // 12, month=index % 12 + 1, day=1)

    return step


def _step_hours(hours: int) -> Callable[[datetime], datetime]:
    return lambda d: d + timedelta(hours=hours)


# (approximate seconds per step, first tick at or after t, next tick, label)
_DateRule = tuple[
    float, Callable[[datetime], datetime], Callable[[datetime], datetime], Callable[[datetime], str]
]


def _floor_hours(h: int) -> Callable[[datetime], datetime]:
    return lambda d: d.replace(minute=0, second=0, microsecond=0, hour=d.hour - d.hour % h)


def _floor_day(d: datetime) -> datetime:
    return d.replace(hour=0, minute=0, second=0, microsecond=0)


def _floor_monday(d: datetime) -> datetime:
    return _floor_day(d) - timedelta(days=d.weekday())


def _floor_months(m: int) -> Callable[[datetime], datetime]:
    return lambda d: _floor_day(d).replace(day=1, month=d.month - (d.month - 1) % m)


def _floor_years(y: int) -> Callable[[datetime], datetime]:
    return lambda d: _floor_day(d).replace(year=d.year - d.year % y, month=1, day=1)


def _month_label(d: datetime) -> str:
    return f"{d:%b %Y}" if d.month == 1 else f"{d:%b}"


_RULES: list[_DateRule] = [
    (3600 * h, _floor_hours(h), _step_hours(h), lambda d: f"{d:%H:%M}") for h in (1, 3, 6, 12)
] + [
    (_DAY, _floor_day, _step_days(1), _day_label),
    (2 * _DAY, _floor_day, _step_days(2), _day_label),
    (7 * _DAY, _floor_monday, _step_days(7), _day_label),
    (14 * _DAY, _floor_monday, _step_days(14), _day_label),
    *[(30.4 * _DAY * m, _floor_months(m), _step_months(m), _month_label) for m in (1, 2, 3, 6)],
    *[
        (365.25 * _DAY * y, _floor_years(y), _step_months(12 * y), lambda d: f"{d.year}")
        for y in (1, 2, 5, 10, 20, 50, 100)
    ],
]


def date_ticks(t0: float, t1: float, fits: Callable[[list[str]], int]) -> list[Tick]:
    """Calendar ticks between two instants; `fits(labels)` says how many such labels fit.

    The first tick (and the first of each new year at day steps) carries the year so the
    reader never has to guess it.
    """
    if t1 <= t0:
        t1 = t0 + _DAY
    for approx, floor, step, label in _RULES:
        if (t1 - t0) / approx > 40:
            continue
        ticks = _ticks_for(t0, t1, floor, step, label, approx)
        if len(ticks) <= max(2, fits([text for _, text in ticks])):
            return ticks
    return _ticks_for(t0, t1, *_RULES[-1][1:], _RULES[-1][0])[:2]


def _ticks_for(
    t0: float,
    t1: float,
    floor: Callable[[datetime], datetime],
    step: Callable[[datetime], datetime],
    label: Callable[[datetime], str],
    approx: float,
) -> list[Tick]:
    d = floor(from_seconds(t0))
    while to_seconds(d) < t0 - 1e-6:
        d = step(d)
    out: list[Tick] = []
    last: datetime | None = None
    while to_seconds(d) <= t1 + 1e-6 and len(out) < 200:
        text = label(d)
        if approx < _DAY:
            if last is None or d.date() != last.date():
                text = f"{_day_label(d)} {text}"
        elif approx < 28 * _DAY:
            if last is None or d.year != last.year:
                text = f"{text} {d.year}"
        elif approx < 365 * _DAY and last is None and d.month != 1:
            text = f"{text} {d.year}"
        last = d
        out.append((to_seconds(d), text))
        d = step(d)
    return out
