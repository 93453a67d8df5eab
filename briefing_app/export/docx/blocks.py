"""Resolved blocks to body XML: headings, paragraphs, quotes, figures, key judgments,
scenario and signpost tables, tables. Each method returns the block's XML fragments."""

from __future__ import annotations

from collections.abc import Sequence

from ..document import (
    Block,
    BlockQuote,
    Figure,
    Heading,
    Inline,
    InTextCitation,
    KeyJudgmentsBox,
    Para,
    ScenarioTable,
    SignpostTable,
    TableBlock,
    Text,
)
from . import fields, ooxml
from .pictures import Pictures
from .runs import InlineWriter, plain_text
from .styles import StyleIds

TWIPS_PER_INCH = 1440


class BlockWriter:
    def __init__(
        self,
        styles: StyleIds,
        inlines: InlineWriter,
        pictures: Pictures,
        text_width_twips: int,
    ) -> None:
        self.s = styles
        self.inlines = inlines
        self.pictures = pictures
        self.width = text_width_twips
        self._bookmark = 0
        self.toc: list[fields.TocEntry] = []

    # -- shared pieces -------------------------------------------------------------

    def portion(self, mark: str) -> str:
        return (
            ooxml.run(f"{mark} ", f'<w:rStyle w:val="{self.s["Portion Mark"]}"/>') if mark else ""
        )

    def para(self, inlines: Sequence[Inline], style: str, mark: str = "", **kw: bool) -> str:
        rtl = ooxml.is_rtl(plain_text(inlines))
        return ooxml.paragraph(
            self.portion(mark) + self.inlines.runs(inlines), style, rtl=rtl, **kw
        )  # type: ignore[arg-type]

    def heading(
        self, level: int, text: str, number: str = "", mark: str = "", *, page_break: bool = False
    ) -> str:
        """A heading Word lists in its navigation pane and TOC, with a bookmark target."""
        self._bookmark += 1
        name = f"_Toc{self._bookmark:06d}"
        label = " ".join(p for p in (number, mark, text) if p)
        self.toc.append(fields.TocEntry(min(level, 3), label, name))
        prefix = f"{number} " if number else ""
        body = fields.bookmark(
            self._bookmark, name, ooxml.run(prefix) + self.portion(mark) + ooxml.run(text)
        )
        style = self.s[f"heading {min(max(level, 1), 3)}"]
        return ooxml.paragraph(body, style, page_break=page_break, rtl=ooxml.is_rtl(text))

    def caption(
        self,
        inlines: Sequence[Inline],
        label: str,
        number: int,
        mark: str,
        *,
        keep_next: bool = False,
    ) -> str:
        """ "Figure N: ..." with N as a SEQ field, so Word renumbers captions on update."""
        inlines = list(inlines)
        prefix = f"{label} {number}"
        body = self.portion(mark)
        first = inlines[0] if inlines else None
        if isinstance(first, Text) and first.text.startswith(prefix) and not first.link:
            body += ooxml.run(f"{label} ") + fields.seq(label, number)
            inlines[0] = Text(first.text[len(prefix) :], first.bold, first.italic)
        body += self.inlines.runs(inlines)
        return ooxml.paragraph(body, self.s["caption"], keep_next=keep_next)

    def cell(self, paragraphs: str, width: int, fill: str = "") -> str:
        shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>'
            f"{paragraphs or '<w:p/>'}</w:tc>"
        )

    def table(
        self,
        style: str,
        weights: Sequence[float],
        header: Sequence[str] | None,
        rows: Sequence[Sequence[str]],
    ) -> str:
        """A full-width table in a table style; `rows` are lists of cell XML (paragraphs).

        The header row repeats on every page and rows do not split across pages."""
        total = sum(weights) or 1
        widths = [int(self.width * w / total) for w in weights]
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        out = [
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/>'
            f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>"
        ]
        if header is not None:
            head_style = self.s["Table Heading"]
            cells = "".join(
                self.cell(ooxml.paragraph(ooxml.run(h), head_style), w)
                for h, w in zip(header, widths, strict=True)
            )
            out.append(f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{cells}</w:tr>")
        for row in rows:
            cells = "".join(self.cell(c, w) for c, w in zip(row, widths, strict=True))
            out.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>")
        out.append("</w:tbl>")
        return "".join(out)

    def cell_text(self, value: str, *, bold: bool = False, italic: bool = False) -> str:
        props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
        return ooxml.paragraph(
            ooxml.run(value, props), self.s["Table Text"], rtl=ooxml.is_rtl(value)
        )

    # -- blocks ----------------------------------------------------------------------

    def block(self, block: Block, *, page_break: bool = False) -> list[str]:
        if isinstance(block, Heading):
            return [
                self.heading(
                    block.level, block.text, block.number, block.portion, page_break=page_break
                )
            ]
        if isinstance(block, Para):
            return [self.para(block.inlines, self.s["Normal"], block.portion)]
        if isinstance(block, BlockQuote):
            return [self.quote(block)]
        if isinstance(block, Figure):
            return self.figure(block)
        if isinstance(block, KeyJudgmentsBox):
            return self.judgments(block)
        if isinstance(block, ScenarioTable):
            return self.scenarios(block)
        if isinstance(block, SignpostTable):
            return self.signposts(block)
        if isinstance(block, TableBlock):
            return self.data_table(block)
        return []

    def quote(self, block: BlockQuote) -> str:
        citation = list(block.citation)
        if citation and isinstance(citation[0], InTextCitation):
            citation.insert(0, Text(" "))
        return self.para([Text(block.text), *citation], self.s["Quote"], block.portion)

    def figure(self, fig: Figure) -> list[str]:
        picture = self.pictures.inline(
            fig.png, fig.width_in, fig.height_in, fig.alt or fig.title, fig.title
        )
        out = []
        if picture:
            out.append(ooxml.paragraph(picture, self.s["Figure"], keep_next=True))
        out.append(
            self.caption(fig.caption, "Figure", fig.number, fig.caption_portion or fig.portion)
        )
        return out

    def judgments(self, box: KeyJudgmentsBox) -> list[str]:
        """A shaded, ruled box: each judgment, then its likelihood and confidence."""
        paragraphs: list[str] = []
        for item in box.items:
            paragraphs.append(
                self.para(
                    item.text, self.s["Key Judgment"], item.portion or box.portion, keep_next=True
                )
            )
            likelihood = f"{item.likelihood} ({item.band})" if item.band else item.likelihood
            meta = []
            if likelihood:
                meta.append(ooxml.run("Likelihood: ", "<w:b/>") + ooxml.run(likelihood))
            if item.confidence:
                sep = ooxml.run("    ") if meta else ""
                meta.append(sep + ooxml.run("Confidence: ", "<w:b/>") + ooxml.run(item.confidence))
            if meta:
                paragraphs.append(ooxml.paragraph("".join(meta), self.s["Judgment Meta"]))
        return [
            self.table(self.s["Judgments Box"], [1], None, [["".join(paragraphs)]]),
            ooxml.paragraph("", self.s["Normal"]),
        ]

    def _label(self, text: str, mark: str) -> str:
        return ooxml.paragraph(
            self.portion(mark) + ooxml.run(text), self.s["caption"], keep_next=True
        )

    def scenarios(self, table: ScenarioTable) -> list[str]:
        rows = []
        for row in table.rows:
            first = self.cell_text_mark(row.title, row.portion)
            if row.label:
                first += self.cell_text(row.label, italic=True)
            likelihood = self.cell_text(row.likelihood) + (
                self.cell_text(row.band) if row.band else ""
            )
            narrative = self.para(row.narrative, self.s["Table Text"])
            if row.drivers:
                narrative += self.cell_text("Drivers: " + "; ".join(row.drivers), italic=True)
            if row.signposts:
                narrative += self.cell_text("Signposts: " + "; ".join(row.signposts), italic=True)
            rows.append([first, likelihood, narrative])
        return [
            self._label("Scenarios", table.portion),
            self.table(
                self.s["Briefing Table"],
                [2.2, 1.4, 5.4],
                ["Scenario", "Likelihood", "Narrative"],
                rows,
            ),
            ooxml.paragraph("", self.s["Normal"]),
        ]

    def cell_text_mark(self, value: str, mark: str) -> str:
        return ooxml.paragraph(
            self.portion(mark) + ooxml.run(value, "<w:b/>"),
            self.s["Table Text"],
            rtl=ooxml.is_rtl(value),
        )

    def signposts(self, table: SignpostTable) -> list[str]:
        rows = []
        for row in table.rows:
            first = self.cell_text_mark(row.name, row.portion)
            first += self.para(row.description, self.s["Table Text"])
            if row.threshold:
                first += self.cell_text(f"Threshold: {row.threshold}", italic=True)
            signals = self.cell_text(row.signals) if row.signals else ""
            for scenario, rating in row.diagnosticity:
                signals += self.cell_text(f"{scenario}: {rating}")
            rows.append(
                [first, signals, self.cell_text(row.status), self.cell_text(row.last_reviewed)]
            )
        return [
            self._label("Signposts", table.portion),
            self.table(
                self.s["Briefing Table"],
                [3.6, 3.0, 1.2, 1.2],
                ["Indicator", "Signals (by scenario)", "Status", "Last reviewed"],
                rows,
            ),
            ooxml.paragraph("", self.s["Normal"]),
        ]

    def data_table(self, table: TableBlock) -> list[str]:
        width = max([len(table.columns)] + [len(r) for r in table.rows]) or 1
        header = list(table.columns) + [""] * (width - len(table.columns))
        rows = [
            [self.cell_text(str(v)) for v in list(r) + [""] * (width - len(r))] for r in table.rows
        ]
        return [
            self.caption(table.caption, "Table", table.number, table.portion, keep_next=True),
            self.table(self.s["Briefing Table"], [1] * width, header, rows),
            ooxml.paragraph("", self.s["Normal"]),
        ]
