"""Build the reference documents (house styles) of the export templates with python-docx.

Run from the repository root: `python templates/build_reference_docs.py`. Each template's
`reference.docx` carries the styles the DOCX writer uses (Title, Subtitle, Heading 1-3,
Normal, Quote, Caption, footnote and endnote styles, Hyperlink, TOC 1-3, table styles and
our own box/table/title-block styles) and the page setup. A user's own reference document
replaces it at export time; these files are just our house look.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import BaseStyle

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class House:
    """One template's look."""

    key: str
    body_font: str
    heading_font: str
    body_size: float
    accent: str  # headings, rules, table header fill
    box_fill: str  # key judgments box
    margin_cm: float
    space_after: float
    title_size: float
    heading_sizes: tuple[float, float, float]


STRATEGIC = House(
    "strategic", "Cambria", "Calibri", 11, "1F3864", "EAEFF7", 2.5, 6, 26, (16, 13, 11.5)
)
SITREP = House("sitrep", "Calibri", "Calibri", 10, "7A1F1F", "F6EEEE", 2.0, 4, 20, (13, 11, 10))

GREY = "595959"


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour)


def _style(doc, name: str, kind: WD_STYLE_TYPE, style_id: str | None = None) -> BaseStyle:  # type: ignore[no-untyped-def]
    """The named style, created (with Word's own style id) if the default lacks it."""
    try:
        return doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, kind)
        if style_id:
            style.style_id = style_id
        return style


def _font(
    style,
    font: str,
    size: float | None = None,
    *,
    bold: bool | None = None,  # type: ignore[no-untyped-def]
    italic: bool | None = None,
    colour: str | None = None,
) -> None:
    style.font.name = font
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), font)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        rfonts.attrib.pop(qn(attr), None)
    if size is not None:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    if italic is not None:
        style.font.italic = italic
    if colour is not None:
        style.font.color.rgb = _rgb(colour)


def _spacing(
    style,
    before: float = 0,
    after: float = 0,
    line: float | None = None,  # type: ignore[no-untyped-def]
    *,
    keep_next: bool = False,
) -> None:
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if line is not None:
        fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
        fmt.line_spacing = line
    if keep_next:
        fmt.keep_with_next = True


def _border(style, side: str, colour: str, size: int = 8, space: int = 4) -> None:  # type: ignore[no-untyped-def]
    ppr = style.element.get_or_add_pPr()
    pbdr = ppr.find(qn("w:pBdr"))
    if pbdr is None:
        pbdr = parse_xml(f"<w:pBdr {nsdecls('w')}/>")
        ppr.insert_element_before(
            pbdr,
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
        )
    pbdr.append(
        parse_xml(
            f'<w:{side} {nsdecls("w")} w:val="single" w:sz="{size}" '
            f'w:space="{space}" w:color="{colour}"/>'
        )
    )


def _plain_paragraph(doc, name: str, style_id: str, base: str = "Normal"):  # type: ignore[no-untyped-def]
    style = _style(doc, name, WD_STYLE_TYPE.PARAGRAPH, style_id)
    style.base_style = doc.styles[base]
    style.quick_style = True
    return style


def _table_style(doc, name: str, style_id: str, xml: str) -> None:  # type: ignore[no-untyped-def]
    """A table style with borders, cell margins and conditional formatting (raw XML:
    python-docx creates the style but has no API for its table properties)."""
    style = _style(doc, name, WD_STYLE_TYPE.TABLE, style_id)
    style.base_style = doc.styles["Normal Table"]
    for child in parse_xml(f"<w:style {nsdecls('w')}>{xml}</w:style>"):
        style.element.append(child)


def build(house: House, target: Path) -> Path:
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(house.margin_cm))
    section.header_distance = section.footer_distance = Cm(1.0)
    accent = house.accent
    wd_char = WD_STYLE_TYPE.CHARACTER

    normal = doc.styles["Normal"]
    _font(normal, house.body_font, house.body_size, colour="000000")
    _spacing(normal, 0, house.space_after, 1.15)

    title = doc.styles["Title"]
    _font(title, house.heading_font, house.title_size, bold=True, colour=accent)
    _spacing(title, 0, 4, 1.0)
    title.element.get_or_add_pPr()  # the default Title has a bottom rule; keep ours simple
    pbdr = title.element.pPr.find(qn("w:pBdr"))
    if pbdr is not None:
        title.element.pPr.remove(pbdr)
    subtitle = doc.styles["Subtitle"]
    _font(subtitle, house.heading_font, house.title_size * 0.55, italic=False, colour=GREY)
    _spacing(subtitle, 0, 12, 1.0)

    for level, size in enumerate(house.heading_sizes, start=1):
        heading = doc.styles[f"Heading {level}"]
        _font(heading, house.heading_font, size, bold=True, italic=level == 3, colour=accent)
        _spacing(heading, 18 if level == 1 else 12, 6, 1.0, keep_next=True)
        if level == 1:
            _border(heading, "bottom", accent, 6, 2)

    quote = doc.styles["Quote"]
    _font(quote, house.body_font, house.body_size, italic=True, colour="262626")
    _spacing(quote, 6, 10, 1.1)
    quote.paragraph_format.left_indent = quote.paragraph_format.right_indent = Cm(1.0)
    quote.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _border(quote, "left", accent, 12, 8)

    caption = doc.styles["Caption"]
    _font(
        caption,
        house.heading_font,
        house.body_size - 1.5,
        bold=False,
        italic=False,
        colour="262626",
    )
    _spacing(caption, 4, 12, 1.0)

    for name, style_id in (("footnote text", "FootnoteText"), ("endnote text", "EndnoteText")):
        notes = _plain_paragraph(doc, name, style_id)
        _font(notes, house.body_font, house.body_size - 2)
        _spacing(notes, 0, 2, 1.0)
    for name, style_id in (
        ("footnote reference", "FootnoteReference"),
        ("endnote reference", "EndnoteReference"),
    ):
        ref = _style(doc, name, wd_char, style_id)
        ref.font.superscript = True
    link = _style(doc, "Hyperlink", wd_char, "Hyperlink")
    link.font.color.rgb = _rgb("1F4E79")
    link.font.underline = True
    mark = _style(doc, "Portion Mark", wd_char, "PortionMark")
    mark.font.bold = True

    toc_heading = doc.styles["TOC Heading"]
    toc_heading.base_style = doc.styles["Normal"]
    _font(toc_heading, house.heading_font, house.heading_sizes[1], bold=True, colour=accent)
    _spacing(toc_heading, 18, 6, 1.0, keep_next=True)
    for level in (1, 2, 3):
        toc = _plain_paragraph(doc, f"toc {level}", f"TOC{level}")
        _font(
            toc, house.heading_font, house.body_size - (0 if level == 1 else 0.5), bold=level == 1
        )
        _spacing(toc, 4 if level == 1 else 0, 2, 1.0)
        toc.paragraph_format.left_indent = Cm(0.5 * (level - 1))
        toc.paragraph_format.tab_stops.add_tab_stop(
            section.page_width - section.left_margin - section.right_margin,
            alignment=WD_TAB_ALIGNMENT.RIGHT,
            leader=WD_TAB_LEADER.DOTS,
        )

    for name in ("Header", "Footer"):
        style = doc.styles[name]
        _font(style, house.heading_font, 9, colour=GREY)
    banner = _plain_paragraph(doc, "Banner", "Banner", "Header")
    _font(banner, house.heading_font, 10, bold=True)
    banner.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _spacing(banner, 0, 2, 1.0)

    block = _plain_paragraph(doc, "Title Block", "TitleBlock")
    _font(block, house.heading_font, house.body_size, colour="262626")
    _spacing(block, 0, 2, 1.0)
    distribution = _plain_paragraph(doc, "Distribution", "Distribution")
    _font(distribution, house.heading_font, house.body_size - 1.5, colour=GREY)
    _spacing(distribution, 10, 6, 1.0)
    _border(distribution, "top", "BFBFBF", 4, 4)

    figure = _plain_paragraph(doc, "Figure", "Figure")
    figure.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _spacing(figure, 6, 0, 1.0, keep_next=True)

    judgment = _plain_paragraph(doc, "Key Judgment", "KeyJudgment")
    _font(judgment, house.body_font, house.body_size)
    _spacing(judgment, 6, 2, 1.1, keep_next=True)
    meta = _plain_paragraph(doc, "Judgment Meta", "JudgmentMeta")
    _font(meta, house.heading_font, house.body_size - 1.5, colour=accent)
    _spacing(meta, 0, 6, 1.0)

    cell = _plain_paragraph(doc, "Table Text", "TableText")
    _font(cell, house.heading_font, house.body_size - 1.5)
    _spacing(cell, 1, 1, 1.0)
    head = _plain_paragraph(doc, "Table Heading", "TableHeading", "Table Text")
    _font(head, house.heading_font, house.body_size - 1.5, bold=True, colour="FFFFFF")
    head.paragraph_format.keep_with_next = True

    bibliography = _plain_paragraph(doc, "Bibliography", "Bibliography")
    _font(bibliography, house.body_font, house.body_size - 1)
    _spacing(bibliography, 0, 4, 1.0)
    bibliography.paragraph_format.left_indent = Cm(1.0)
    bibliography.paragraph_format.first_line_indent = Cm(-1.0)

    _table_style(
        doc,
        "Briefing Table",
        "BriefingTable",
        f"""
      <w:uiPriority w:val="40"/><w:qFormat/>
      <w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr>
      <w:tblPr>
        <w:tblBorders>
          <w:top w:val="single" w:sz="8" w:space="0" w:color="{accent}"/>
          <w:bottom w:val="single" w:sz="8" w:space="0" w:color="{accent}"/>
          <w:insideH w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>
        </w:tblBorders>
        <w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>
          <w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>
      </w:tblPr>
      <w:tblStylePr w:type="firstRow">
        <w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>
        <w:tblPr/>
        <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{accent}"/></w:tcPr>
      </w:tblStylePr>""",
    )
    _table_style(
        doc,
        "Judgments Box",
        "JudgmentsBox",
        f"""
      <w:uiPriority w:val="41"/><w:qFormat/>
      <w:tblPr>
        <w:tblBorders>
          <w:top w:val="single" w:sz="12" w:space="0" w:color="{accent}"/>
          <w:left w:val="single" w:sz="12" w:space="0" w:color="{accent}"/>
          <w:bottom w:val="single" w:sz="12" w:space="0" w:color="{accent}"/>
          <w:right w:val="single" w:sz="12" w:space="0" w:color="{accent}"/>
        </w:tblBorders>
        <w:tblCellMar><w:top w:w="113" w:type="dxa"/><w:left w:w="170" w:type="dxa"/>
          <w:bottom w:w="113" w:type="dxa"/><w:right w:w="170" w:type="dxa"/></w:tblCellMar>
      </w:tblPr>
      <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{house.box_fill}"/></w:tcPr>""",
    )

    props = doc.core_properties
    props.title = f"Briefing Studio reference document ({house.key})"
    props.author = "Briefing Studio"
    props.comments = "House styles for DOCX export; the body is replaced on export."
    doc.add_paragraph(f"Reference document for the {house.key} template. Styles only.")
    target.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(target))
    return target


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else HERE
    for house in (STRATEGIC, SITREP):
        print(build(house, root / house.key / "reference.docx"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
