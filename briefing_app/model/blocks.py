"""Section content: the block types a briefing is built from."""

from __future__ import annotations

from dataclasses import dataclass, field

from .chart import ChartSpec, DataTable
from .citation import Citation
from .inline import citations_in
from .tradecraft import KeyJudgment, Scenario, Signpost


@dataclass
class Paragraph:
    """Inline Markdown text with pandoc-style citations (see model.inline)."""

    text: str
    id: str = ""
    marking: str = ""
    type: str = field(default="paragraph", init=False, repr=False)

    def citations(self) -> list[Citation]:
        return citations_in(self.text)


@dataclass
class Quote:
    """A snippet shown as a block quote, with its citation."""

    snippet: str
    locator: str = ""
    id: str = ""
    marking: str = ""
    type: str = field(default="quote", init=False, repr=False)

    def citations(self) -> list[Citation]:
        return [Citation(self.snippet, self.locator)]


@dataclass
class Chart:
    spec: ChartSpec
    id: str = ""
    marking: str = ""
    caption_marking: str = ""
    type: str = field(default="chart", init=False, repr=False)

    def citations(self) -> list[Citation]:
        refs = list(dict.fromkeys([*self.spec.cite, *self.spec.row_citations()]))
        return [Citation(r) for r in refs]


@dataclass
class KeyJudgments:
    items: list[KeyJudgment] = field(default_factory=list)
    id: str = ""
    marking: str = ""
    type: str = field(default="key_judgments", init=False, repr=False)

    def citations(self) -> list[Citation]:
        return [Citation(r) for item in self.items for r in item.cite]


@dataclass
class Scenarios:
    items: list[Scenario] = field(default_factory=list)
    id: str = ""
    marking: str = ""
    type: str = field(default="scenarios", init=False, repr=False)

    def citations(self) -> list[Citation]:
        return [Citation(r) for item in self.items for r in item.cite]


@dataclass
class Signposts:
    items: list[Signpost] = field(default_factory=list)
    id: str = ""
    marking: str = ""
    type: str = field(default="signposts", init=False, repr=False)

    def citations(self) -> list[Citation]:
        return [Citation(r) for item in self.items for r in item.cite]


@dataclass
class Table:
    caption: str = ""
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    cite: list[str] = field(default_factory=list)
    id: str = ""
    marking: str = ""
    type: str = field(default="table", init=False, repr=False)

    def citations(self) -> list[Citation]:
        return [Citation(r) for r in self.cite]

    def as_data(self) -> DataTable:
        return DataTable(list(self.columns), [list(r) for r in self.rows])


@dataclass
class Image:
    """A picture; its bytes live in the project file as an attachment once composed."""

    path: str = ""
    caption: str = ""
    description: str = ""
    attachment: int | None = None
    cite: list[str] = field(default_factory=list)
    id: str = ""
    marking: str = ""
    type: str = field(default="image", init=False, repr=False)

    def citations(self) -> list[Citation]:
        return [Citation(r) for r in self.cite]


Block = Paragraph | Quote | Chart | KeyJudgments | Scenarios | Signposts | Table | Image

BLOCK_TYPES: dict[str, type] = {
    "paragraph": Paragraph,
    "quote": Quote,
    "chart": Chart,
    "key_judgments": KeyJudgments,
    "scenarios": Scenarios,
    "signposts": Signposts,
    "table": Table,
    "image": Image,
}
