"""Axis ticks: round value steps, readable numbers and calendar dates."""

from __future__ import annotations

from datetime import datetime

from briefing_app.charts.ticks import (
    date_ticks,
    format_value,
    label_step,
    nice_step,
    to_seconds,
    value_range,
    value_ticks,
)


def test_value_steps_are_round_numbers() -> None:
    assert nice_step(100, 5) == 20
    assert nice_step(1, 4) == 0.25
    assert nice_step(7300, 6) == 2000


def test_value_ranges_include_zero_for_bars_and_end_on_ticks() -> None:
    assert value_range(12, 42, 5, zero=True) == (0, 50, 10)
    start, end, step = value_range(-62, 3, 6, zero=True)
    assert start <= -62 and end >= 3 and start % step == 0


def test_a_flat_range_still_has_height() -> None:
    start, end, _ = value_range(5, 5, 5)
    assert start < 5 < end


def test_values_are_formatted_for_print() -> None:
    assert format_value(1234567, 100000) == "1,234,567"
    assert format_value(-20, 10, "%") == "\u221220%"
    assert format_value(0.25, 0.05) == "0.25"
    assert format_value(-0.0001, 1) == "0"
    assert [t for _, t in value_ticks(0, 1, 0.5)] == ["0.0", "0.5", "1.0"]
    assert [t for _, t in value_ticks(0, 0.5, 0.25)] == ["0.00", "0.25", "0.50"]
    assert [t for _, t in value_ticks(0, 5000, 2500)] == ["0", "2,500", "5,000"]


def test_data_labels_use_the_precision_the_data_has() -> None:
    assert label_step([1, 2, None]) == 1
    assert label_step([1, 2.5]) == 0.1
    assert label_step([0.25]) == 0.01


def test_date_ticks_follow_the_calendar_and_name_the_year_once() -> None:
    t0, t1 = to_seconds(datetime(2025, 11, 1)), to_seconds(datetime(2025, 11, 22))
    ticks = date_ticks(t0, t1, lambda labels: 4)
    labels = [text for _, text in ticks]
    assert labels == ["3 Nov 2025", "10 Nov", "17 Nov"]


def test_long_spans_tick_by_month_or_year() -> None:
    t0, t1 = to_seconds(datetime(2025, 3, 10)), to_seconds(datetime(2025, 12, 1))
    labels = [text for _, text in date_ticks(t0, t1, lambda labels: 5)]
    assert labels[0] == "May 2025" and all(len(x) <= 8 for x in labels)
    t0, t1 = to_seconds(datetime(2014, 1, 1)), to_seconds(datetime(2025, 1, 1))
    labels = [text for _, text in date_ticks(t0, t1, lambda labels: 6)]
    assert labels == ["2014", "2016", "2018", "2020", "2022", "2024"]


def test_short_spans_tick_by_hour_with_the_day() -> None:
    t0, t1 = to_seconds(datetime(2025, 11, 8, 1)), to_seconds(datetime(2025, 11, 8, 20))
    labels = [text for _, text in date_ticks(t0, t1, lambda labels: 4)]
    assert labels == ["8 Nov 06:00", "12:00", "18:00"]
