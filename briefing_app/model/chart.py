"""Chart specs: what a chart shows and which sources back it, independent of drawing."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from .errors import ValidationError

CHART_KINDS: dict[str, str] = {
    "timeline": "dated events in lanes",
    "bar": "vertical bars per category",
    "hbar": "horizontal bars per category",
    "grouped_bar": "bars per category, one per series side by side",
    "stacked_bar": "bars per category, series stacked",
    "line": "series over dates",
    "likelihood": "each scenario's probability band on a 0-100% axis",
}

Cell = str | int | float | None


@dataclass
class DataTable:
    """Rows of cells under named columns; a column named "cite" holds snippet ids per row."""

    columns: list[str] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)

    def column(self, name: str) -> list[Cell]:
        idx = self.columns.index(name)
        return [row[idx] if idx < len(row) else None for row in self.rows]

    def validate(self, path: str = "data") -> None:
        for i, name in enumerate(self.columns):
            if not isinstance(name, str) or not name.strip():
                raise ValidationError("column names must be non-empty text", f"{path}.columns[{i}]")
        width = len(self.columns)
        for r, row in enumerate(self.rows):
            if len(row) != width:
                raise ValidationError(
                    f"row has {len(row)} cells but the table has {width} columns",
                    f"{path}.rows[{r}]",
                )
            for c, cell in enumerate(row):
                if cell is not None and not isinstance(cell, str | int | float):
                    raise ValidationError(
                        "a cell must be text, a number or null", f"{path}.rows[{r}][{c}]"
                    )


@dataclass
class ChartSpec:
    """Everything one renderer needs to draw the chart for screen, DOCX and PDF alike."""

    kind: str
    title: str = ""
    caption: str = ""
    description: str = ""  # alt text
    x_label: str = ""
    y_label: str = ""
    unit: str = ""
    data: DataTable = field(default_factory=DataTable)
    cite: list[str] = field(default_factory=list)

    def validate(self) -> None:
        if self.kind not in CHART_KINDS:
            raise ValidationError(
                f"unknown chart kind {self.kind!r}; use one of: {', '.join(CHART_KINDS)}", "kind"
            )
        self.data.validate()

    def row_citations(self) -> list[str]:
        """Snippet ids cited by individual rows (events, bars), in row order."""
        if "cite" not in self.data.columns:
            return []
        refs: list[str] = []
        for cell in self.data.column("cite"):
            if isinstance(cell, str):
                refs.extend(r.strip().lstrip("@") for r in cell.split(";") if r.strip())
        return refs

    def fingerprint(self) -> str:
        """Stable hash of what is drawn; the render cache keys on it (plus the size)."""
        payload = json.dumps(
            {
                "kind": self.kind, "title": self.title, "x": self.x_label, "y": self.y_label,
                "unit": self.unit, "columns": self.data.columns, "rows": self.data.rows,
            },
            sort_keys=True, ensure_ascii=False, default=str,
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()
