"""Chart data: typed series per kind, date and number rules, pasted and CSV tables."""

from __future__ import annotations

import math
from datetime import datetime
from pathlib import Path

import pytest

from briefing_app.charts.data import (
    CategoryData,
    ChartDataError,
    LikelihoodData,
    LineData,
    TimelineData,
    parse_chart_data,
    parse_date,
    parse_number,
    table_from_csv,
    table_from_tsv,
)
from briefing_app.model.chart import ChartSpec, DataTable
from briefing_app.model.errors import ValidationError


def spec(kind: str, columns: list[str], rows: list[list]) -> ChartSpec:
    return ChartSpec(kind, title="t", data=DataTable(columns, rows))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-11-08", datetime(2025, 11, 8)),
        ("2025-11-08T04:30", datetime(2025, 11, 8, 4, 30)),
        ("2025-11-08T04:30+02:00", datetime(2025, 11, 8, 2, 30)),
        ("2025-11", datetime(2025, 11, 1)),
        ("8 November 2025", datetime(2025, 11, 8)),
        ("8th Nov 2025", datetime(2025, 11, 8)),
        ("Nov 8, 2025", datetime(2025, 11, 8)),
        ("November 8 2025", datetime(2025, 11, 8)),
        ("Sept 30, 2025", datetime(2025, 9, 30)),
        ("November 2025", datetime(2025, 11, 1)),
        ("25/11/2025", datetime(2025, 11, 25)),
        ("11/25/2025", datetime(2025, 11, 25)),
        ("05.05.2025", datetime(2025, 5, 5)),
    ],
)
def test_dates_in_iso_and_written_forms_are_read(text: str, expected: datetime) -> None:
    assert parse_date(text) == expected


def test_an_ambiguous_numeric_date_is_rejected_with_both_readings() -> None:
    with pytest.raises(ChartDataError) as err:
        parse_date("08/11/2025", row=2, column="date")
    message = str(err.value)
    assert "row 3" in message and "'date'" in message
    assert "2025-11-08" in message and "2025-08-11" in message
    assert err.value.row == 2 and err.value.column == "date"
    assert err.value.path == "data.rows[2][date]"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("08/11/25", "two-digit year"),
        ("31 February 2025", "not a real date"),
        ("2025-13-01", "not a real date"),
        ("8 Brumaire 2025", "not an English month"),
        ("yesterday", "2025-11-08"),
    ],
)
def test_unreadable_dates_say_what_to_write(text: str, fragment: str) -> None:
    with pytest.raises(ChartDataError, match=fragment):
        parse_date(text)


def test_a_column_with_one_day_first_date_reads_all_numeric_dates_day_first() -> None:
    data = parse_chart_data(
        spec("line", ["date", "v"], [["08/11/2025", 1], ["25/11/2025", 2], ["01/12/2025", 3]])
    )
    assert isinstance(data, LineData)
    assert data.dates == (datetime(2025, 11, 8), datetime(2025, 11, 25), datetime(2025, 12, 1))


def test_a_column_mixing_day_first_and_month_first_is_rejected() -> None:
    with pytest.raises(ChartDataError, match="mixes day-first and month-first") as err:
        parse_chart_data(spec("line", ["date", "v"], [["25/11/2025", 1], ["11/26/2025", 2]]))
    assert err.value.column == "date"


def test_numbers_accept_separators_percent_and_blanks() -> None:
    assert parse_number("1,234.5") == 1234.5
    assert parse_number("12.5%") == 12.5
    assert parse_number("\u22123") == -3
    assert parse_number(7) == 7.0
    for blank in (None, "", "-", "n/a", "NaN", math.nan):
        assert parse_number(blank) is None


@pytest.mark.parametrize(
    ("cell", "fragment"),
    [
        ("lots", "expected a number"),
        ("12,5", "decimal"),
        (math.inf, "infinite"),
        (True, "true/false"),
    ],
)
def test_bad_numbers_are_rejected(cell: object, fragment: str) -> None:
    with pytest.raises(ChartDataError, match=fragment):
        parse_number(cell, 0, "value")  # type: ignore[arg-type]


def test_a_non_numeric_bar_value_points_at_its_row_and_column() -> None:
    table = [["Pokrovsk", 4], ["Myrnohrad", "several"]]
    with pytest.raises(ChartDataError) as err:
        parse_chart_data(spec("bar", ["category", "value"], table))
    assert (err.value.row, err.value.column) == (1, "value")
    assert str(err.value).startswith("row 2, column 'value': expected a number")
    assert isinstance(err.value, ValidationError)


def test_timeline_events_are_sorted_by_date_and_keep_lanes_and_citations() -> None:
    data = parse_chart_data(
        spec(
            "timeline",
            ["Date", "Label", "Lane", "cite"],
            [
                ["2025-11-05", "b", "Response", "@sn2; sn3"],
                ["2025-11-01", "a", "Advance", "sn1"],
                ["2025-11-05", "c", "Advance", None],
            ],
        )
    )
    assert isinstance(data, TimelineData)
    assert [e.label for e in data.events] == ["a", "b", "c"]
    assert data.lanes == ("Response", "Advance")
    assert data.events[1].cite == ("sn2", "sn3")


def test_a_timeline_needs_date_and_label_columns() -> None:
    with pytest.raises(ChartDataError, match="needs a column named 'label'"):
        parse_chart_data(spec("timeline", ["date", "what"], [["2025-11-01", "x"]]))


def test_an_event_without_label_is_rejected() -> None:
    with pytest.raises(ChartDataError, match="no label") as err:
        parse_chart_data(spec("timeline", ["date", "label"], [["2025-11-01", "  "]]))
    assert err.value.row == 0


def test_bar_charts_take_one_value_column_grouped_take_several() -> None:
    columns = ["category", "2024", "2025", "cite"]
    rows = [["Rail", 1, 2, "sn1"], ["Road", 3, None, None]]
    with pytest.raises(ChartDataError, match="grouped or stacked"):
        parse_chart_data(spec("bar", columns, rows))
    data = parse_chart_data(spec("grouped_bar", columns, rows))
    assert isinstance(data, CategoryData)
    assert [s.name for s in data.series] == ["2024", "2025"]
    assert data.series[1].values == (2.0, None)
    assert data.cite == (("sn1",), ())


def test_line_rows_out_of_order_are_drawn_in_date_order() -> None:
    data = parse_chart_data(
        spec("line", ["date", "a"], [["2025-11-03", 3], ["2025-11-01", 1], ["2025-11-02", 2]])
    )
    assert isinstance(data, LineData)
    assert data.series[0].values == (1.0, 2.0, 3.0)


def test_likelihood_terms_map_to_their_scale_bands() -> None:
    table = [["Falls", "likely"], ["Holds", "highly improbable"]]
    data = parse_chart_data(spec("likelihood", ["scenario", "likelihood"], table))
    assert isinstance(data, LikelihoodData)
    assert [(s.term, s.low, s.high) for s in data.scenarios] == [
        ("likely", 55, 80),
        ("very unlikely", 5, 20),
    ]
    assert data.scenarios[0].band_text == "likely (55-80%)"
    uk = parse_chart_data(spec("likelihood", ["scenario", "likelihood"], table[:1]), "uk-yardstick")
    assert isinstance(uk, LikelihoodData)
    assert (uk.scenarios[0].low, uk.scenarios[0].high) == (55, 75)


def test_likelihood_bands_can_be_given_as_numbers() -> None:
    data = parse_chart_data(spec("likelihood", ["scenario", "low", "high"], [["x", 10, "30%"]]))
    assert isinstance(data, LikelihoodData)
    assert data.scenarios[0].band_text == "10-30%"


@pytest.mark.parametrize(
    ("columns", "row", "fragment"),
    [
        (["scenario", "likelihood"], ["x", "probably"], "not a likelihood term"),
        (["scenario", "low", "high"], ["x", 60, 40], "above its high end"),
        (["scenario", "low", "high"], ["x", 10, 140], "outside 0-100%"),
        (["scenario", "low", "high"], ["x", None, None], "no probability band"),
        (["scenario", "odds"], ["x", 3], "needs a 'likelihood' column"),
    ],
)
def test_bad_likelihood_rows_are_rejected(columns: list[str], row: list, fragment: str) -> None:
    with pytest.raises(ChartDataError, match=fragment):
        parse_chart_data(spec("likelihood", columns, [row]))


def test_a_row_longer_than_the_header_is_rejected() -> None:
    with pytest.raises(ChartDataError, match="3 cells") as err:
        parse_chart_data(spec("bar", ["category", "value"], [["a", 1, 2]]))
    assert err.value.row == 0


def test_a_pasted_spreadsheet_range_becomes_a_typed_table() -> None:
    pasted = 'category\tvalue\tnote\r\nPokrovsk\t42\t"two\nlines"\r\nMyrnohrad\t18.5\t\r\n\r\n'
    table = table_from_tsv(pasted)
    assert table.columns == ["category", "value", "note"]
    assert table.rows == [["Pokrovsk", 42, "two\nlines"], ["Myrnohrad", 18.5, None]]


def test_pasted_rows_with_trailing_empty_cells_are_trimmed_and_short_rows_padded() -> None:
    table = table_from_tsv("a\tb\n1\t2\t\t\n3\n")
    assert table.rows == [[1, 2], [3, None]]


def test_a_pasted_row_with_extra_cells_points_at_the_row() -> None:
    with pytest.raises(ChartDataError, match="3 cells") as err:
        table_from_tsv("a\tb\n1\t2\n1\t2\t3\n")
    assert err.value.row == 1


def test_an_empty_paste_or_unnamed_column_is_explained() -> None:
    with pytest.raises(ChartDataError, match="empty"):
        table_from_tsv("\n\n")
    with pytest.raises(ChartDataError, match="column 2 has no name"):
        table_from_tsv("a\t\tc\n1\t2\t3\n")


def test_csv_text_with_semicolons_and_a_bom_is_read() -> None:
    table = table_from_csv("\ufeffdate;Launched\n2025-11-01;120\n2025-11-02;95\n")
    assert table.columns == ["date", "Launched"]
    assert table.rows[1] == ["2025-11-02", 95]


def test_a_csv_file_in_a_windows_code_page_is_read(tmp_path: Path) -> None:
    path = tmp_path / "towns.csv"
    path.write_bytes("category,value\nDnipro\u2013west,3\n".encode("cp1252"))
    table = table_from_csv(path)
    assert table.rows == [["Dnipro\u2013west", 3]]


def test_a_missing_csv_file_is_a_chart_data_error(tmp_path: Path) -> None:
    with pytest.raises(ChartDataError, match="cannot read"):
        table_from_csv(tmp_path / "nope.csv")


def test_an_imported_table_parses_as_chart_data() -> None:
    table = table_from_csv("scenario,likelihood\nCity falls,likely\n")
    data = parse_chart_data(ChartSpec("likelihood", data=table))
    assert isinstance(data, LikelihoodData)
    assert data.scenarios[0].scenario == "City falls"
