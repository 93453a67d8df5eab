"""Chart data: turn a spec's table into typed series per kind, and import pasted or CSV tables.

Everything here is plain Python (no Qt), so the rules analysts meet when they type, paste or
import data are testable on their own and identical for the screen and both documents.

Dates. ISO forms are always accepted (``2025-11-08``, ``2025-11-08T04:30``, ``2025-11``), and
so are written forms with an English month name (``8 November 2025``, ``8 Nov 2025``,
``Nov 8, 2025``, ``November 2025``). All-numeric forms such as ``08/11/2025`` mean 8 November
in most of the world and 11 August in the United States; we never guess. A column of numeric
dates is read day-first or month-first only when some cell in that column proves the order
(a first part above 12 means day-first, a second part above 12 means month-first); otherwise
the first ambiguous cell is rejected with a message giving both readings and the ISO form.
Two-digit years are rejected for the same reason.

Numbers. Cells may hold numbers or text such as ``1,234``, ``12.5%`` or ``-3``. Empty cells,
``-``, ``n/a`` and NaN mean "no value" (a gap in a line, no bar); infinity is an error.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from briefing_app.model.chart import Cell, ChartSpec, DataTable
from briefing_app.model.errors import ValidationError
from briefing_app.model.estimative import DEFAULT_SCALE, get_scale


class ChartDataError(ValidationError):
    """A chart's data cannot be drawn; `row` (0-based) and `column` (name) point at the cell."""

    def __init__(self, message: str, row: int | None = None, column: str | None = None) -> None:
        self.row = row
        self.column = column
        super().__init__(message, _path(row, column))

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row + 1}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


def _path(row: int | None, column: str | None) -> str:
    path = "data"
    if row is not None:
        path += f".rows[{row}]"
    if column is not None:
        path += f"[{column}]"
    return path


# ---------------------------------------------------------------------------------------------
# Typed data per chart kind


@dataclass(frozen=True)
class Series:
    """One named series of values; None is a missing value."""

    name: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class TimelineEvent:
    when: datetime
    label: str
    lane: str
    cite: tuple[str, ...]
    row: int


@dataclass(frozen=True)
class TimelineData:
    events: tuple[TimelineEvent, ...]  # sorted by date, ties in table order
    lanes: tuple[str, ...]  # in order of first appearance in the table


@dataclass(frozen=True)
class CategoryData:
    """Bars: one category per row, one or more value series."""

    categories: tuple[str, ...]
    series: tuple[Series, ...]
    cite: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class LineData:
    dates: tuple[datetime, ...]  # sorted ascending
    series: tuple[Series, ...]


@dataclass(frozen=True)
class ScenarioBand:
    scenario: str
    low: float
    high: float
    term: str = ""  # canonical likelihood term when the row gave one

    @property
    def band_text(self) -> str:
        band = f"{_fmt_pct(self.low)}-{_fmt_pct(self.high)}%"
        return f"{self.term} ({band})" if self.term else band


@dataclass(frozen=True)
class LikelihoodData:
    scenarios: tuple[ScenarioBand, ...]
    scale_name: str = ""


ChartData = TimelineData | CategoryData | LineData | LikelihoodData


def _fmt_pct(value: float) -> str:
    return f"{value:g}"


# ---------------------------------------------------------------------------------------------
# Cells


_MISSING = {"", "-", "–", "—", "n/a", "na", "nan", "null", "none"}
_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$")


def parse_number(cell: Cell, row: int | None = None, column: str | None = None) -> float | None:
    """A number from a cell, None for a blank; raise ChartDataError for text or infinity."""
    if cell is None:
        return None
    if isinstance(cell, bool):
        raise ChartDataError("expected a number, found true/false", row, column)
    if isinstance(cell, int | float):
        value = float(cell)
    else:
        text = str(cell).strip().replace("\u2212", "-").replace("\u00a0", "").replace(" ", "")
        if text.lower() in _MISSING:
            return None
        text = text.removesuffix("%")
        if not text or not _NUMBER.match(text) or text in {"+", "-", "."}:
            hint = ""
            if re.fullmatch(r"[+-]?\d+,\d{1,2}", text):
                hint = " (write decimals with a point, e.g. 12.5)"
            raise ChartDataError(f"expected a number, found {str(cell)!r}{hint}", row, column)
        value = float(text.replace(",", ""))
    if math.isnan(value):
        return None
    if math.isinf(value):
        raise ChartDataError("the value is infinite; enter a finite number", row, column)
    return value


_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?,?\s+(\d{4})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$")
_ISO_START = re.compile(r"^\d{4}-\d{2}-\d{2}")

DAY_FIRST = "day-first"
MONTH_FIRST = "month-first"


def _make(
    year: int, month: int, day: int, text: str, row: int | None, column: str | None
) -> datetime:
    try:
        return datetime(year, month, day)
    except ValueError:
        raise ChartDataError(f"{text!r} is not a real date", row, column) from None


def parse_date(
    cell: Cell, row: int | None = None, column: str | None = None, order: str | None = None
) -> datetime:
    """A naive UTC datetime from a cell; `order` resolves numeric forms (see module docstring)."""
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        raise ChartDataError("the date is missing; enter one such as 2025-11-08", row, column)
    if isinstance(cell, bool) or not isinstance(cell, str):
        raise ChartDataError(f"expected a date such as 2025-11-08, found {cell!r}", row, column)
    text = " ".join(cell.strip().split())
    low = text.lower()
    if _ISO_START.match(text):
        try:
            value = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise ChartDataError(f"{text!r} is not a real date", row, column) from None
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value
    if m := _ISO_MONTH.match(low):
        return _make(int(m[1]), int(m[2]), 1, text, row, column)
    if m := _DAY_MONTH_YEAR.match(low):
        return _make(int(m[3]), _month(m[2], text, row, column), int(m[1]), text, row, column)
    if m := _MONTH_DAY_YEAR.match(low):
        return _make(int(m[3]), _month(m[1], text, row, column), int(m[2]), text, row, column)
    if m := _MONTH_YEAR.match(low):
        return _make(int(m[2]), _month(m[1], text, row, column), 1, text, row, column)
    if m := _NUMERIC.match(low):
        return _numeric_date(text, m, order, row, column)
    raise ChartDataError(
        f"{text!r} is not a date we can read; write it as 2025-11-08 or 8 November 2025",
        row,
        column,
    )


def _month(word: str, text: str, row: int | None, column: str | None) -> int:
    try:
        return _MONTHS[word]
    except KeyError:
        raise ChartDataError(
            f"{text!r}: {word!r} is not an English month name; write the date as 2025-11-08",
            row,
            column,
        ) from None


def _numeric_date(
    text: str, m: re.Match[str], order: str | None, row: int | None, column: str | None
) -> datetime:
    first, second, year_text = int(m[1]), int(m[2]), m[3]
    if len(year_text) == 2:
        raise ChartDataError(
            f"{text!r} has a two-digit year; write the year in full, e.g. 2025-11-08", row, column
        )
    year = int(year_text)
    if order is None:
        order = _order_of(first, second)
    if order is None:
        day_first = f"{year:04d}-{second:02d}-{first:02d}"
        month_first = f"{year:04d}-{first:02d}-{second:02d}"
        raise ChartDataError(
            f"{text!r} is ambiguous: it could be {day_first} (day first) or {month_first} "
            "(month first); write it as YYYY-MM-DD",
            row,
            column,
        )
    if order == DAY_FIRST:
        return _make(year, second, first, text, row, column)
    return _make(year, first, second, text, row, column)


def _order_of(first: int, second: int) -> str | None:
    if first == second:
        return DAY_FIRST  # 05/05/2025 reads the same either way
    if first > 12 >= second:
        return DAY_FIRST
    if second > 12 >= first:
        return MONTH_FIRST
    return None


def numeric_date_order(cells: Sequence[Cell], column: str | None = None) -> str | None:
    """The day/month order a column of numeric dates proves, or None if nothing proves it."""
    found: dict[str, int] = {}
    for r, cell in enumerate(cells):
        if not isinstance(cell, str):
            continue
        m = _NUMERIC.match(cell.strip())
        if not m or int(m[1]) == int(m[2]):
            continue
        order = _order_of(int(m[1]), int(m[2]))
        if order is not None:
            found.setdefault(order, r)
    if len(found) > 1:
        raise ChartDataError(
            "this column mixes day-first and month-first dates (compare rows "
            f"{found[DAY_FIRST] + 1} and {found[MONTH_FIRST] + 1}); write dates as YYYY-MM-DD",
            None,
            column,
        )
    return next(iter(found), None)


def parse_cites(cell: Cell) -> tuple[str, ...]:
    """Snippet ids from a "cite" cell ("@sn1; sn2"), as ChartSpec.row_citations reads them."""
    if not isinstance(cell, str):
        return ()
    return tuple(r.strip().lstrip("@") for r in cell.split(";") if r.strip())


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return " ".join(str(cell).split())


# ---------------------------------------------------------------------------------------------
# Tables per kind


@dataclass
class _Columns:
    """Case-insensitive access to a table's columns, with errors that name them."""

    table: DataTable
    names: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.names = [str(c).strip() for c in self.table.columns]
        for r, row in enumerate(self.table.rows):
            if len(row) > len(self.names):
                raise ChartDataError(
                    f"the row has {len(row)} cells but the table has {len(self.names)} columns",
                    r,
                )

    def find(self, name: str) -> int | None:
        wanted = name.lower()
        for i, n in enumerate(self.names):
            if n.lower() == wanted:
                return i
        return None

    def need(self, name: str, kind: str) -> int:
        idx = self.find(name)
        if idx is None:
            raise ChartDataError(
                f"a {kind} chart needs a column named {name!r}; the columns are "
                f"{', '.join(repr(n) for n in self.names) or '(none)'}"
            )
        return idx

    def cell(self, row: int, idx: int) -> Cell:
        cells = self.table.rows[row]
        return cells[idx] if idx < len(cells) else None

    def cells(self, idx: int) -> list[Cell]:
        return [self.cell(r, idx) for r in range(len(self.table.rows))]


def parse_chart_data(spec: ChartSpec, scale: str = DEFAULT_SCALE) -> ChartData:
    """Typed, validated data for `spec`; raise ChartDataError pointing at the first bad cell."""
    kind = spec.kind
    if kind == "timeline":
        return parse_timeline(spec.data)
    if kind in ("bar", "hbar", "grouped_bar", "stacked_bar"):
        return parse_categories(spec.data, kind)
    if kind == "line":
        return parse_line(spec.data)
    if kind == "likelihood":
        return parse_likelihood(spec.data, scale)
    raise ChartDataError(f"unknown chart kind {kind!r}")


def parse_timeline(table: DataTable) -> TimelineData:
    cols = _Columns(table)
    d, lab = cols.need("date", "timeline"), cols.need("label", "timeline")
    lane_idx, cite_idx = cols.find("lane"), cols.find("cite")
    date_name, label_name = cols.names[d], cols.names[lab]
    order = numeric_date_order(cols.cells(d), date_name)
    events: list[TimelineEvent] = []
    lanes: list[str] = []
    for r in range(len(table.rows)):
        when = parse_date(cols.cell(r, d), r, date_name, order)
        label = _text(cols.cell(r, lab))
        if not label:
            raise ChartDataError("the event has no label; describe what happened", r, label_name)
        lane = _text(cols.cell(r, lane_idx)) if lane_idx is not None else ""
        cite = parse_cites(cols.cell(r, cite_idx)) if cite_idx is not None else ()
        if lane not in lanes:
            lanes.append(lane)
        events.append(TimelineEvent(when, label, lane, cite, r))
    events.sort(key=lambda e: (e.when, e.row))
    return TimelineData(tuple(events), tuple(lanes))


def parse_categories(table: DataTable, kind: str) -> CategoryData:
    cols = _Columns(table)
    if not cols.names:
        return CategoryData((), ())
    cite_idx = cols.find("cite")
    value_idx = [i for i in range(1, len(cols.names)) if i != cite_idx]
    if not value_idx:
        raise ChartDataError(
            f"a {kind.replace('_', ' ')} chart needs a category column followed by at least "
            "one column of values"
        )
    if kind in ("bar", "hbar") and len(value_idx) > 1:
        raise ChartDataError(
            f"a {kind} chart has one value column, this table has {len(value_idx)}; "
            "use a grouped or stacked bar chart for several series"
        )
    cat_idx = 0 if cite_idx != 0 else 1
    categories = tuple(_text(cols.cell(r, cat_idx)) for r in range(len(table.rows)))
    series = tuple(
        Series(
            cols.names[i],
            tuple(parse_number(cols.cell(r, i), r, cols.names[i]) for r in range(len(table.rows))),
        )
        for i in value_idx
    )
    cite = tuple(
        parse_cites(cols.cell(r, cite_idx)) if cite_idx is not None else ()
        for r in range(len(table.rows))
    )
    return CategoryData(categories, series, cite)


def parse_line(table: DataTable) -> LineData:
    cols = _Columns(table)
    if not cols.names:
        return LineData((), ())
    d = cols.find("date")
    d = 0 if d is None else d
    cite_idx = cols.find("cite")
    value_idx = [i for i in range(len(cols.names)) if i not in (d, cite_idx)]
    if not value_idx:
        raise ChartDataError("a line chart needs a date column and at least one value column")
    order = numeric_date_order(cols.cells(d), cols.names[d])
    dates = [parse_date(cols.cell(r, d), r, cols.names[d], order) for r in range(len(table.rows))]
    values = [
        [parse_number(cols.cell(r, i), r, cols.names[i]) for r in range(len(table.rows))]
        for i in value_idx
    ]
    # Rows typed out of order still mean "this value on that date": draw them in date order.
    order_idx = sorted(range(len(dates)), key=lambda r: (dates[r], r))
    series = tuple(
        Series(cols.names[i], tuple(vals[r] for r in order_idx))
        for i, vals in zip(value_idx, values, strict=True)
    )
    return LineData(tuple(dates[r] for r in order_idx), series)


def parse_likelihood(table: DataTable, scale_key: str = DEFAULT_SCALE) -> LikelihoodData:
    cols = _Columns(table)
    scale = get_scale(scale_key)
    if not cols.names:
        return LikelihoodData((), scale.name)
    name_idx = cols.find("scenario")
    name_idx = 0 if name_idx is None else name_idx
    term_idx = cols.find("likelihood")
    low_idx, high_idx = cols.find("low"), cols.find("high")
    if term_idx is None and (low_idx is None or high_idx is None):
        raise ChartDataError(
            "a likelihood chart needs a 'likelihood' column with terms such as 'likely', "
            "or 'low' and 'high' columns with percentages"
        )
    out: list[ScenarioBand] = []
    for r in range(len(table.rows)):
        name = _text(cols.cell(r, name_idx)) or f"Scenario {r + 1}"
        term = ""
        low = high = None
        if term_idx is not None and _text(cols.cell(r, term_idx)):
            word = _text(cols.cell(r, term_idx))
            found = scale.lookup(word)
            if found is None:
                raise ChartDataError(
                    f"{word!r} is not a likelihood term of the {scale.name}; use one of: "
                    f"{', '.join(scale.canonical_terms())}",
                    r,
                    cols.names[term_idx],
                )
            term, low, high = found.term, float(found.low), float(found.high)
        if low_idx is not None and high_idx is not None:
            given_low = parse_number(cols.cell(r, low_idx), r, cols.names[low_idx])
            given_high = parse_number(cols.cell(r, high_idx), r, cols.names[high_idx])
            if given_low is not None or given_high is not None:
                low, high = given_low, given_high
        if low is None or high is None:
            missing = cols.names[low_idx if low is None and low_idx is not None else high_idx or 0]
            raise ChartDataError(
                "the scenario has no probability band; give a likelihood term or both "
                "'low' and 'high' percentages",
                r,
                missing if term_idx is None else cols.names[term_idx],
            )
        for value, idx in ((low, low_idx), (high, high_idx)):
            if not 0 <= value <= 100:
                raise ChartDataError(
                    f"{value:g}% is outside 0-100%", r, cols.names[idx] if idx is not None else None
                )
        if low > high:
            raise ChartDataError(
                f"the band's low end ({low:g}%) is above its high end ({high:g}%)",
                r,
                cols.names[low_idx] if low_idx is not None else None,
            )
        out.append(ScenarioBand(name, low, high, term))
    return LikelihoodData(tuple(out), scale.name)


# ---------------------------------------------------------------------------------------------
# Import: pasted spreadsheet ranges and CSV files


def table_from_tsv(text: str) -> DataTable:
    """A table from a range pasted from a spreadsheet (tab-separated, first row = header)."""
    return _table_from_rows(csv.reader(io.StringIO(_strip_bom(text)), dialect="excel-tab"))


def table_from_csv(source: str | Path) -> DataTable:
    """A table from CSV text or a CSV file (comma, semicolon or tab, detected; header first)."""
    if isinstance(source, Path):
        try:
            raw = source.read_bytes()
        except OSError as exc:
            raise ChartDataError(f"cannot read {source}: {exc.strerror or exc}") from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Spreadsheets on Windows still save "CSV" in the ANSI code page.
            text = raw.decode("cp1252", errors="replace")
    else:
        text = source
    text = _strip_bom(text)
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    return _table_from_rows(csv.reader(io.StringIO(text), delimiter=delimiter))


def _strip_bom(text: str) -> str:
    return text.removeprefix("\ufeff")


def _table_from_rows(reader: object) -> DataTable:
    try:
        lines = [row for row in reader if any(cell.strip() for cell in row)]  # type: ignore[attr-defined]
    except csv.Error as exc:
        raise ChartDataError(f"the table cannot be read: {exc}") from None
    if not lines:
        raise ChartDataError("the pasted table is empty; include a header row and data rows")
    header = [h.strip() for h in lines[0]]
    while header and not header[-1]:
        header.pop()
    for c, name in enumerate(header):
        if not name:
            raise ChartDataError(f"column {c + 1} has no name in the header row")
    rows: list[list[Cell]] = []
    for r, line in enumerate(lines[1:]):
        cells = [c.strip() for c in line]
        while len(cells) > len(header) and not cells[-1]:
            cells.pop()
        if len(cells) > len(header):
            raise ChartDataError(
                f"the row has {len(cells)} cells but the header names {len(header)} columns", r
            )
        cells += [""] * (len(header) - len(cells))
        rows.append([_typed(c) for c in cells])
    return DataTable(header, rows)


def _typed(text: str) -> Cell:
    """Keep numbers as numbers so Briefing JSON stays typed; everything else stays text."""
    if not text:
        return None
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    if re.fullmatch(r"[+-]?(\d+\.\d*|\.\d+)([eE][+-]?\d+)?", text):
        return float(text)
    return text
