"""The notes part writer: footnotes and endnotes as Word expects them."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from briefing_app.export.docx.notes import ENDNOTES, FOOTNOTES, note_kind, write_notes_part
from briefing_app.export.docx.reference import default_reference, open_reference
from briefing_app.export.docx.runs import Links, rich_runs
from briefing_app.export.docx.styles import StyleIds
from tests.export.docx.docs import NS, W, note, part_names, part_xml, texts


def _write(tmp_path: Path, kind, notes, reference: Path | None = None) -> Path:  # type: ignore[no-untyped-def]
    document = open_reference(reference or default_reference("strategic"))
    styles = StyleIds(document)
    write_notes_part(
        document, kind, notes, styles, lambda rt, links: rich_runs(rt, links, styles["Hyperlink"])
    )
    target = tmp_path / "notes.docx"
    document.save(str(target))
    return target


def test_placement_chooses_the_kind() -> None:
    assert note_kind("endnotes") is ENDNOTES
    assert note_kind("footnotes") is FOOTNOTES


def test_footnotes_part_has_the_separators_then_one_note_per_number(tmp_path: Path) -> None:
    path = _write(tmp_path, FOOTNOTES, [note("First"), note("Second"), note("Third")])
    root = part_xml(path, "word/footnotes.xml")
    notes = root.findall("w:footnote", NS)
    assert [(n.get(f"{{{W}}}id"), n.get(f"{{{W}}}type")) for n in notes] == [
        ("-1", "separator"),
        ("0", "continuationSeparator"),
        ("1", None),
        ("2", None),
        ("3", None),
    ]
    assert notes[0].find(".//w:separator", NS) is not None
    assert notes[1].find(".//w:continuationSeparator", NS) is not None
    assert [texts(n).strip() for n in notes[2:]] == ["First.", "Second.", "Third."]


def test_each_note_opens_with_its_own_reference_mark_in_the_note_styles(tmp_path: Path) -> None:
    path = _write(tmp_path, FOOTNOTES, [note("Only")])
    paragraph = part_xml(path, "word/footnotes.xml").find("w:footnote[@w:id='1']/w:p", NS)
    assert paragraph.find("w:pPr/w:pStyle", NS).get(f"{{{W}}}val") == "FootnoteText"
    first_run = paragraph.find("w:r", NS)
    assert first_run.find("w:footnoteRef", NS) is not None
    assert first_run.find("w:rPr/w:rStyle", NS).get(f"{{{W}}}val") == "FootnoteReference"


def test_package_declares_the_part_its_relationship_and_separators(tmp_path: Path) -> None:
    path = _write(tmp_path, FOOTNOTES, [note("A")])
    types = part_xml(path, "[Content_Types].xml")
    overrides = {o.get("PartName"): o.get("ContentType") for o in types}
    assert overrides["/word/footnotes.xml"].endswith("wordprocessingml.footnotes+xml")
    rels = part_xml(path, "word/_rels/document.xml.rels")
    assert [r.get("Target") for r in rels if r.get("Type") == RT.FOOTNOTES] == ["footnotes.xml"]
    pr = part_xml(path, "word/settings.xml").find("w:footnotePr", NS)
    assert [f.get(f"{{{W}}}id") for f in pr.findall("w:footnote", NS)] == ["-1", "0"]


def test_settings_keep_schema_order(tmp_path: Path) -> None:
    """Word rejects settings whose children are out of order: notePr precede w:compat."""
    path = _write(tmp_path, ENDNOTES, [note("A")])
    names = [el.tag.split("}")[1] for el in part_xml(path, "word/settings.xml")]
    assert names.index("endnotePr") < names.index("compat")


def test_links_in_notes_are_relationships_of_the_notes_part(tmp_path: Path) -> None:
    path = _write(tmp_path, FOOTNOTES, [note("See ", "Title", "https://example.org/x")])
    root = part_xml(path, "word/footnotes.xml")
    link = root.find(".//w:hyperlink", NS)
    rid = link.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
    rels = part_xml(path, "word/_rels/footnotes.xml.rels")
    assert {r.get("Id"): r.get("Target") for r in rels}[rid] == "https://example.org/x"
    italic = [r for r in root.iter(f"{{{W}}}r") if r.find("w:rPr/w:i", NS) is not None]
    assert [texts(r) for r in italic] == ["Title"]


def test_endnotes_are_numbered_in_arabic_not_words_default_roman(tmp_path: Path) -> None:
    path = _write(tmp_path, ENDNOTES, [note("A"), note("B")])
    assert "word/endnotes.xml" in part_names(path)
    assert "word/footnotes.xml" not in part_names(path)
    root = part_xml(path, "word/endnotes.xml")
    assert len(root.findall("w:endnote", NS)) == 4
    pr = part_xml(path, "word/settings.xml").find("w:endnotePr", NS)
    assert pr.find("w:numFmt", NS).get(f"{{{W}}}val") == "decimal"
    section = part_xml(path, "word/document.xml").find("w:body/w:sectPr", NS)
    assert section.find("w:endnotePr/w:numFmt", NS).get(f"{{{W}}}val") == "decimal"
    names = [el.tag.split("}")[1] for el in section]
    assert names.index("endnotePr") < names.index("pgSz")


def test_a_reference_that_already_has_notes_ends_with_exactly_one_notes_part(
    tmp_path: Path,
) -> None:
    first = _write(tmp_path, FOOTNOTES, [note("Old one"), note("Old two")])
    reference = tmp_path / "with-notes.docx"
    first.rename(reference)
    path = _write(tmp_path, FOOTNOTES, [note("New")], reference=reference)
    assert part_names(path).count("word/footnotes.xml") == 1
    notes = part_xml(path, "word/footnotes.xml").findall("w:footnote", NS)
    assert [texts(n).strip() for n in notes[2:]] == ["New."]
    rels = part_xml(path, "word/_rels/document.xml.rels")
    assert len([r for r in rels if r.get("Type") == RT.FOOTNOTES]) == 1
    settings = part_xml(path, "word/settings.xml")
    assert len(settings.findall("w:footnotePr", NS)) == 1


@pytest.mark.parametrize("kind", [FOOTNOTES, ENDNOTES])
def test_python_docx_reopens_the_file(tmp_path: Path, kind) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, kind, [note("A")])
    reopened = docx.Document(str(path))
    targets = [
        r.target_part.partname for r in reopened.part.rels.values() if r.reltype == kind.reltype
    ]
    assert targets == [kind.partname]


def test_control_characters_in_notes_are_dropped_not_fatal(tmp_path: Path) -> None:
    path = _write(tmp_path, FOOTNOTES, [note("Bad\x00 \x0bchars\ufffe")])
    assert texts(part_xml(path, "word/footnotes.xml").findall("w:footnote", NS)[2]).strip() == (
        "Bad chars."
    )


def test_unsafe_link_targets_stay_plain_text(tmp_path: Path) -> None:
    document = open_reference(default_reference("strategic"))
    links = Links(document.part)
    assert links.rid("javascript:alert(1)") == ""
    assert links.rid("https://example.org/a") == links.rid("https://example.org/a") != ""
