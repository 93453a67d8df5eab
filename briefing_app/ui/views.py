"""What every list and outline view shares: row selection, model swapping, column sizing."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView


def select_whole_rows(view: QAbstractItemView) -> None:
    """One row at a time, shown as a row: these views list things, not cells."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)


def swap_model(view: QAbstractItemView, model: QAbstractItemModel | None) -> bool:
    """Show `model`; the old selection model is deleted (Qt leaves that to the caller).
    Returns whether there is a model to wire up."""
    old = view.selectionModel()
    view.setModel(model)
    if old is not None:
        old.deleteLater()
    return model is not None


def size_columns(view: QTableView | QTreeView, samples: dict[int, str], stretch: int) -> None:
    """Fixed columns as wide as a sample text, the `stretch` column taking the rest."""
    header: QHeaderView = (
        view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    )
    metrics = view.fontMetrics()
    padding = 3 * metrics.averageCharWidth()
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    for column, sample in samples.items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        view.setColumnWidth(column, metrics.horizontalAdvance(sample) + padding)
