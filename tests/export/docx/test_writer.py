"""write_docx on a hand-built resolved document: what a reader finds when Word opens it."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from briefing_app.export.atomic import ExportError
from briefing_app.export.document import Banner, Heading, Para, Text
from briefing_app.export.docx import write_docx
from briefing_app.export.pipeline import writer_for
from tests.export.docx.docs import (
    NS,
    W,
    body_paragraphs,
    every_block,
    in_text_version,
    instructions,
    part_names,
    part_xml,
    texts,
)


@pytest.fixture
def written(tmp_path: Path) -> Path:
    return write_docx(every_block(), tmp_path / "b.docx")


def test_the_pipeline_dispatches_docx_to_this_writer() -> None:
    assert writer_for("docx") is write_docx


def test_title_block_then_contents_then_the_body_in_order(written: Path) -> None:
    paragraphs = body_paragraphs(written)
    assert paragraphs[:6] == [
        ("Title", "Bridge status"),
        ("Subtitle", "Situation on the river line"),
        ("TitleBlock", "Ann Analyst, Ben Writer"),
        ("TitleBlock", "Assessments Unit"),
        ("TitleBlock", "10 November 2025"),
        ("Distribution", "Distribution: Desk officers"),
    ]
    styles = [style for style, _ in paragraphs]
    assert styles.index("TOCHeading") < styles.index("Heading1")
    headings = [(s, t) for s, t in paragraphs if s.startswith("Heading")]
    assert headings == [
        ("Heading1", "1 (U) Summary"),
        ("Heading2", "1.1 (U) Outlook"),
        ("Heading1", "Sources"),
    ]


def test_body_styles_follow_the_block_types(written: Path) -> None:
    paragraphs = body_paragraphs(written)
    assert ("Normal", "(U) The bridge is down. See the map.") in paragraphs
    assert ("Quote", "(U) The span fell at dawn") in paragraphs
    assert ("Caption", "(U) Figure 1: Crossings by day") in paragraphs
    assert ("Caption", "(U) Table 1: Crossings") in paragraphs
    assert [t for s, t in paragraphs if s == "Bibliography"] == ["Doe. Report.", "Smith. Ledger."]


def test_every_note_reference_is_a_real_footnote_in_order(written: Path) -> None:
    body = part_xml(written, "word/document.xml")
    refs = [r.get(f"{{{W}}}id") for r in body.iter(f"{{{W}}}footnoteReference")]
    assert refs == ["1", "2", "3"]
    notes = part_xml(written, "word/footnotes.xml").findall("w:footnote", NS)[2:]
    assert [texts(n).strip() for n in notes] == [
        "Smith, Ledger, https://example.org/a.",
        "Doe, report.",
        "Roe, Wire.",
    ]
    ref_run = next(body.iter(f"{{{W}}}footnoteReference")).getparent()
    assert ref_run.find("w:rPr/w:rStyle", NS).get(f"{{{W}}}val") == "FootnoteReference"


def test_endnotes_when_the_briefing_says_so(tmp_path: Path) -> None:
    path = write_docx(every_block(notes_placement="endnotes"), tmp_path / "e.docx")
    assert "word/footnotes.xml" not in part_names(path)
    body = part_xml(path, "word/document.xml")
    assert len(list(body.iter(f"{{{W}}}endnoteReference"))) == 3
    assert len(part_xml(path, "word/endnotes.xml").findall("w:endnote", NS)) == 5
    assert body_paragraphs(path)[-1] == ("Heading1", "Notes")


def test_author_date_styles_print_citations_in_the_text_and_write_no_notes(
    tmp_path: Path,
) -> None:
    path = write_docx(in_text_version(), tmp_path / "i.docx")
    assert "word/footnotes.xml" not in part_names(path)
    paragraphs = body_paragraphs(path)
    assert ("Normal", "(U) The bridge is down(Smith 2025). See the map.") in paragraphs
    assert ("Quote", "(U) The span fell at dawn (Doe 2025)") in paragraphs


def test_fields_word_can_update(written: Path) -> None:
    body = part_xml(written, "word/document.xml")
    found = instructions(body)
    assert found[0] == 'TOC \\o "1-3" \\h \\z \\u'
    assert "SEQ Figure \\* ARABIC" in found and "SEQ Table \\* ARABIC" in found
    toc_begin = next(body.iter(f"{{{W}}}fldChar"))
    assert toc_begin.get(f"{{{W}}}dirty") == "true"
    footer = part_xml(written, "word/footer1.xml")
    assert instructions(footer) == ["PAGE", "NUMPAGES"]
    assert "Page 1 of 1" in texts(footer)


def test_banner_is_centred_in_header_and_footer(written: Path) -> None:
    for name in ("word/header1.xml", "word/footer1.xml"):
        paragraph = part_xml(written, name).find("w:p", NS)
        assert texts(paragraph) == "UNCLASSIFIED"
        assert paragraph.find("w:pPr/w:jc", NS).get(f"{{{W}}}val") == "center"
        assert paragraph.find(".//w:color", NS).get(f"{{{W}}}val") == "007A33"


def test_tlp_label_is_right_aligned_in_its_colours_on_black(tmp_path: Path) -> None:
    banner = Banner("TLP:AMBER", "#FFC000", "#000000", is_tlp=True)
    path = write_docx(every_block(banner=banner), tmp_path / "t.docx")
    paragraph = part_xml(path, "word/header1.xml").find("w:p", NS)
    assert texts(paragraph).strip() == "TLP:AMBER"
    assert paragraph.find("w:pPr/w:jc", NS).get(f"{{{W}}}val") == "right"
    assert paragraph.find(".//w:color", NS).get(f"{{{W}}}val") == "FFC000"
    assert paragraph.find(".//w:shd", NS).get(f"{{{W}}}fill") == "000000"


def test_no_banner_means_page_numbers_only(tmp_path: Path) -> None:
    path = write_docx(every_block(banner=None), tmp_path / "n.docx")
    assert texts(part_xml(path, "word/header1.xml")) == ""
    assert texts(part_xml(path, "word/footer1.xml")) == "Page 1 of 1"


def test_figure_has_alt_text_and_an_image_part(written: Path) -> None:
    body = part_xml(written, "word/document.xml")
    doc_pr = body.find(
        ".//{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
    )
    assert doc_pr.get("descr") == "Bar chart of crossings"
    assert doc_pr.get("name") == "Crossings"
    assert any(n.startswith("word/media/") for n in part_names(written))


def test_a_failed_chart_keeps_its_caption_without_a_picture(tmp_path: Path) -> None:
    doc = every_block()
    figure = doc.blocks[3]
    figure.png = b""  # type: ignore[union-attr]
    path = write_docx(doc, tmp_path / "f.docx")
    assert not any(n.startswith("word/media/") for n in part_names(path))
    assert ("Caption", "(U) Figure 1: Crossings by day") in body_paragraphs(path)


def test_key_judgments_box_gives_likelihood_with_band_and_confidence(written: Path) -> None:
    box = next(iter(part_xml(written, "word/document.xml").iter(f"{{{W}}}tbl")))
    assert box.find("w:tblPr/w:tblStyle", NS).get(f"{{{W}}}val") == "JudgmentsBox"
    assert [texts(p) for p in box.iter(f"{{{W}}}p")] == [
        "(U) Repairs will take weeks",
        "Likelihood: likely (55-80%)    Confidence: moderate",
    ]


def test_scenario_signpost_and_data_tables_have_header_rows(written: Path) -> None:
    document = docx.Document(str(written))
    _, scenarios, signposts, data = document.tables
    assert [c.text for c in scenarios.rows[0].cells] == ["Scenario", "Likelihood", "Narrative"]
    assert scenarios.rows[1].cells[1].text == "likely\n55-80%"
    assert "Drivers: Weather" in scenarios.rows[1].cells[2].text
    assert [c.text for c in signposts.rows[0].cells] == [
        "Indicator",
        "Signals (by scenario)",
        "Status",
        "Last reviewed",
    ]
    assert [c.text for c in signposts.rows[1].cells[2:]] == ["emerging", "8 November 2025"]
    assert "Quick repair: likely" in signposts.rows[1].cells[1].text
    assert [[c.text for c in r.cells] for r in data.rows] == [
        ["Day", "Count"],
        ["Mon", "3"],
        ["Tue", ""],
    ]
    header = data._tbl.tr_lst[0]
    assert header.find("w:trPr/w:tblHeader", NS) is not None
    assert data.style.name == "Briefing Table"


def test_links_in_the_text_are_hyperlinks_in_the_hyperlink_style(written: Path) -> None:
    body = part_xml(written, "word/document.xml")
    link = body.find(
        ".//w:hyperlink[@{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id]",
        NS,
    )
    assert texts(link) == "the map"
    assert link.find(".//w:rStyle", NS).get(f"{{{W}}}val") == "Hyperlink"
    document = docx.Document(str(written))
    urls = [r.target_ref for r in document.part.rels.values() if r.reltype == RT.HYPERLINK]
    assert urls == ["https://example.org/map"]


def test_core_properties(written: Path) -> None:
    props = docx.Document(str(written)).core_properties
    assert props.title == "Bridge status"
    assert props.subject == "Situation on the river line"
    assert props.author == "Ann Analyst; Ben Writer"
    assert props.keywords == "bridge, river"
    assert props.created.date().isoformat() == "2025-11-10"
    assert props.modified >= props.created


def test_control_characters_are_removed_and_rtl_and_cyrillic_kept(tmp_path: Path) -> None:
    doc = every_block(title="Bad\x00title\x1f")
    doc.blocks.append(Para([Text("Київ \x07та Харків")]))
    doc.blocks.append(Para([Text("مرحبا بالعالم")]))
    path = write_docx(doc, tmp_path / "c.docx")
    paragraphs = body_paragraphs(path)
    assert paragraphs[0] == ("Title", "Badtitle")
    assert ("Normal", "Київ та Харків") in paragraphs
    assert ("Normal", "مرحبا بالعالم") in paragraphs
    arabic = next(
        p
        for p in part_xml(path, "word/document.xml").iter(f"{{{W}}}p")
        if texts(p) == "مرحبا بالعالم"
    )
    assert arabic.find("w:pPr/w:bidi", NS) is not None
    assert arabic.find(".//w:rPr/w:rtl", NS) is not None
    assert docx.Document(str(path)).core_properties.title == "Badtitle"


def test_unnumbered_template_headings_carry_no_number(tmp_path: Path) -> None:
    doc = every_block(numbered_headings=False, template="sitrep")
    doc.blocks[0] = Heading(1, "Summary", "", "(U)")
    path = write_docx(doc, tmp_path / "s.docx")
    assert ("Heading1", "(U) Summary") in body_paragraphs(path)


def test_a_failed_export_leaves_the_previous_file_intact(tmp_path: Path) -> None:
    target = tmp_path / "keep.docx"
    target.write_bytes(b"previous")
    with pytest.raises(ExportError, match="reference document"):
        write_docx(every_block(), target, reference_docx=tmp_path / "missing.docx")
    assert target.read_bytes() == b"previous"
    assert list(tmp_path.iterdir()) == [target]


def test_source_summary_statement_and_grouped_sources_close_the_document(tmp_path: Path) -> None:
    doc = every_block()
    doc.source_summary = ["The source base is thin.", "Two sources conflict."]
    doc.bibliography_groups = [
        ("Primary sources", doc.bibliography[:1]),
        ("Secondary sources", doc.bibliography[1:]),
    ]
    paragraphs = body_paragraphs(write_docx(doc, tmp_path / "g.docx"))
    start = paragraphs.index(("Heading1", "Source summary statement"))
    assert paragraphs[start:] == [
        ("Heading1", "Source summary statement"),
        ("Normal", "The source base is thin."),
        ("Normal", "Two sources conflict."),
        ("Heading1", "Sources"),
        ("Heading2", "Primary sources"),
        ("Bibliography", "Doe. Report."),
        ("Heading2", "Secondary sources"),
        ("Bibliography", "Smith. Ledger."),
    ]


def test_contents_lists_every_heading_linked_to_its_bookmark(written: Path) -> None:
    body = part_xml(written, "word/document.xml")
    bookmarks = {b.get(f"{{{W}}}name") for b in body.iter(f"{{{W}}}bookmarkStart")}
    entries = [
        p
        for p in body.iter(f"{{{W}}}p")
        if (
            p.find("w:pPr/w:pStyle", NS) is not None
            and p.find("w:pPr/w:pStyle", NS).get(f"{{{W}}}val").startswith("TOC")
        )
        and p.find("w:pPr/w:pStyle", NS).get(f"{{{W}}}val") != "TOCHeading"
    ]
    assert [texts(p) for p in entries] == ["1 (U) Summary", "1.1 (U) Outlook", "Sources"]
    anchors = [p.find("w:hyperlink", NS).get(f"{{{W}}}anchor") for p in entries]
    assert set(anchors) == bookmarks and len(anchors) == 3
