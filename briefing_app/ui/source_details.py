"""SourceDetails: the selected source's bibliographic data, grade and descriptor."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from ..model.grades import RELIABILITY
from ..store.sources import SourceSummary
from .source_model import SOURCE_ROW_ROLE, SourceTableModel


def source_html(row: SourceSummary) -> str:
    """The details as HTML; every value is escaped, since titles and URLs come from outside."""
    facts = [
        ("Authors", escape(row.authors)),
        ("Outlet", escape(row.outlet)),
        ("Published", escape(row.issued)),
        ("Type", escape(row.type_label)),
        ("Reliability", escape(f"{row.reliability} — {RELIABILITY.get(row.reliability, '')}")),
        ("Snippets", str(row.snippets)),
        ("URL", _link(row.url)),
        ("Accessed", escape(row.accessed)),
    ]
    cells = "".join(
        f"<tr><td style='padding-right:12px; color:gray'>{name}</td><td>{value}</td></tr>"
        for name, value in facts
        if value
    )
    descriptor = f"<p>{escape(row.descriptor)}</p>" if row.descriptor else ""
    heading = f"<p><b>{escape(row.title)}</b> ({escape(row.id)})</p>"
    return f"{heading}<table>{cells}</table>{descriptor}"


def _link(url: str) -> str:
    if not url:
        return ""
    safe = escape(url, quote=True)
    return (
        f"<a href='{safe}'>{escape(url)}</a>" if url.startswith(("http://", "https://")) else safe
    )


class SourceDetails(QTextBrowser):
    """Shows one row of a SourceTableModel; follows the model when that row changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SourceDetails")
        self.setOpenExternalLinks(True)
        self._model: SourceTableModel | None = None
        self._source_id = ""

    def set_source_model(self, model: SourceTableModel | None) -> None:
        if self._model is not None:
            self._model.dataChanged.disconnect(self._refresh)
            self._model.modelReset.disconnect(self._refresh)
        self._model = model
        if model is not None:
            model.dataChanged.connect(self._refresh)
            model.modelReset.connect(self._refresh)
        self.show_source("")

    def show_source(self, source_id: str) -> None:
        self._source_id = source_id
        self._refresh()

    def _refresh(self) -> None:
        model = self._model
        row = model.row_of(self._source_id) if model is not None and self._source_id else -1
        if model is None or row < 0:
            self.clear()
            return
        item = model.data(model.index(row, 0), SOURCE_ROW_ROLE)
        self.setHtml(source_html(item))
