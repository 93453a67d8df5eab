"""Inputs for the DOCX tests: a tiny PNG, a hand-built resolved document with every block
type, and readers that look into a saved .docx the way Word would."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from briefing_app.charts.png import GREY, png_from_rows
from briefing_app.cite import RichRun
from briefing_app.export.document import (
    Banner,
    BlockQuote,
    DocMeta,
    Figure,
    Heading,
    InTextCitation,
    JudgmentItem,
    KeyJudgmentsBox,
    NoteRef,
    Para,
    ResolvedDocument,
    ScenarioRow,
    ScenarioTable,
    SignpostRow,
    SignpostTable,
    TableBlock,
    Text,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def png(width: int = 40, height: int = 20) -> bytes:
    """A valid greyscale PNG written without an imaging library."""
    rows = b"".join(b"\x00" + bytes((x * 5 + y) % 256 for x in range(width)) for y in range(height))
    return png_from_rows(width, height, rows, GREY)


def note(text: str, title: str = "", url: str = "") -> tuple[RichRun, ...]:
    runs = [RichRun(text)]
    if title:
        runs.append(RichRun(title, italic=True))
    if url:
        runs += [RichRun(", "), RichRun(url, link=url)]
    return (*runs, RichRun("."))


def every_block(**meta_changes: object) -> ResolvedDocument:
    """One of each block, three notes in order, a marked banner."""
    meta = DocMeta(
        title="Bridge status",
        subtitle="Situation on the river line",
        authors=["Ann Analyst", "Ben Writer"],
        organisation="Assessments Unit",
        date="2025-11-10",
        date_display="10 November 2025",
        distribution="Desk officers",
        keywords=["bridge", "river"],
        banner=Banner("UNCLASSIFIED", "#007A33"),
        numbered_headings=True,
    )
    for key, value in meta_changes.items():
        setattr(meta, key, value)
    blocks = [
        Heading(1, "Summary", "1", "(U)", "sec-1"),
        Para(
            [
                Text("The bridge is "),
                Text("down", bold=True),
                NoteRef(1),
                Text(". See "),
                Text("the map", link="https://example.org/map"),
                Text("."),
            ],
            "(U)",
        ),
        BlockQuote("The span fell at dawn", [NoteRef(2)], "(U)"),
        Figure(
            1,
            [Text("Figure 1: Crossings by day"), NoteRef(3)],
            "Bar chart of crossings",
            png(),
            4.0,
            2.0,
            portion="(U)",
            caption_portion="(U)",
            title="Crossings",
        ),
        Heading(2, "Outlook", "1.1", "(U)", "sec-2"),
        KeyJudgmentsBox(
            [JudgmentItem([Text("Repairs will take weeks")], "likely", "55-80%", "moderate", "(U)")]
        ),
        ScenarioTable(
            [
                ScenarioRow(
                    "Quick repair",
                    "Most likely",
                    "likely",
                    "55-80%",
                    [Text("Engineers arrive")],
                    ["Weather"],
                    ["Convoys"],
                    "(U)",
                )
            ]
        ),
        SignpostTable(
            [
                SignpostRow(
                    "Convoys",
                    [Text("Trucks seen")],
                    "Repair under way",
                    "Two in a week",
                    "emerging",
                    "8 November 2025",
                    [("Quick repair", "likely")],
                    "(U)",
                )
            ]
        ),
        TableBlock(
            1, [Text("Table 1: Crossings")], ["Day", "Count"], [["Mon", "3"], ["Tue"]], "(U)"
        ),
    ]
    notes = [
        note("Smith, ", "Ledger", "https://example.org/a"),
        note("Doe, report"),
        note("Roe, ", "Wire"),
    ]
    bibliography = [note("Doe. Report"), note("Smith. ", "Ledger")]
    return ResolvedDocument(meta, blocks, notes, bibliography)


def in_text_version() -> ResolvedDocument:
    doc = every_block()
    doc.is_note_style = False
    doc.notes = []
    for block in doc.blocks:
        if isinstance(block, Para):
            block.inlines = [
                InTextCitation((RichRun("(Smith 2025)"),)) if isinstance(i, NoteRef) else i
                for i in block.inlines
            ]
        if isinstance(block, BlockQuote):
            block.citation = [InTextCitation((RichRun("(Doe 2025)"),))]
        if isinstance(block, Figure):
            block.caption = [Text("Figure 1: Crossings by day")]
    return doc


def part_xml(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def part_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()


def texts(element: etree._Element) -> str:
    """The visible text: `w:t` only (field instructions are not text)."""
    return "".join(t.text or "" for t in element.iter(f"{{{W}}}t"))


def body_paragraphs(path: Path) -> list[tuple[str, str]]:
    """(style id, text) of every body paragraph outside tables, in order."""
    body = part_xml(path, "word/document.xml").find("w:body", NS)
    out = []
    for p in body.findall("w:p", NS):
        style = p.find("w:pPr/w:pStyle", NS)
        text = "".join(t.text or "" for t in p.iter(f"{{{W}}}t"))
        out.append((style.get(f"{{{W}}}val") if style is not None else "", text))
    return out


def instructions(element: etree._Element) -> list[str]:
    return [(t.text or "").strip() for t in element.iter(f"{{{W}}}instrText")]
