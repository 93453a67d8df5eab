"""Reference documents: ours per template, or the user's own .docx/.dotx for its look."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Pt, RGBColor

from briefing_app.export.atomic import ExportError
from briefing_app.export.docx import write_docx
from briefing_app.export.docx.reference import default_reference, open_reference
from briefing_app.export.docx.styles import ALL_STYLES, StyleIds
from tests.export.docx.docs import NS, W, body_paragraphs, every_block, part_xml

_TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def organisation_reference(path: Path) -> Path:
    """Another organisation's look: different fonts and heading colours, some body text."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "DejaVu Serif"
    normal.font.size = Pt(12)
    for level in (1, 2, 3):
        heading = document.styles[f"Heading {level}"]
        heading.font.name = "DejaVu Sans"
        heading.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    document.add_paragraph("Letterhead text that must not appear in exports")
    document.save(str(path))
    return path


def _style(path: Path, style_id: str):  # type: ignore[no-untyped-def]
    return part_xml(path, "word/styles.xml").find(f"w:style[@w:styleId='{style_id}']", NS)


@pytest.mark.parametrize("template", ["strategic", "sitrep"])
def test_our_reference_documents_carry_every_style_the_writer_uses(template: str) -> None:
    document = open_reference(default_reference(template))
    assert StyleIds(document).missing() == []
    assert len(document.element.body) == 1  # only the section properties survive


def test_an_unknown_template_falls_back_to_the_strategic_reference() -> None:
    assert default_reference("no-such-template") == default_reference("strategic")


def test_a_user_reference_changes_the_look_and_nothing_else(tmp_path: Path) -> None:
    ours = write_docx(every_block(), tmp_path / "ours.docx")
    reference = organisation_reference(tmp_path / "org.docx")
    theirs = write_docx(every_block(), tmp_path / "theirs.docx", reference_docx=reference)
    assert body_paragraphs(theirs) == body_paragraphs(ours)
    assert part_xml(theirs, "word/footnotes.xml").findall("w:footnote", NS) != []

    heading = _style(theirs, "Heading1").find("w:rPr/w:color", NS)
    assert heading.get(f"{{{W}}}val") == "C00000"
    fonts = _style(theirs, "Normal").find("w:rPr/w:rFonts", NS)
    assert fonts.get(f"{{{W}}}ascii") == "DejaVu Serif"
    assert _style(ours, "Heading1").find("w:rPr/w:color", NS).get(f"{{{W}}}val") != "C00000"


def test_styles_the_user_reference_lacks_are_taken_from_ours(tmp_path: Path) -> None:
    reference = organisation_reference(tmp_path / "org.docx")
    assert "Key Judgment" in StyleIds(open_reference(reference)).missing()
    path = write_docx(every_block(), tmp_path / "out.docx", reference_docx=reference)
    names = {s.name.lower() for s in docx.Document(str(path)).styles}
    assert {n.lower() for n in ALL_STYLES} <= names


def test_a_word_template_dotx_is_accepted(tmp_path: Path) -> None:
    source = organisation_reference(tmp_path / "org.docx")
    dotx = tmp_path / "org.dotx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(dotx, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(_DOCUMENT_MAIN.encode(), _TEMPLATE_MAIN.encode())
            out.writestr(info, data)
    path = write_docx(every_block(), tmp_path / "out.docx", reference_docx=dotx)
    types = zipfile.ZipFile(path).read("[Content_Types].xml").decode()
    assert _DOCUMENT_MAIN in types and _TEMPLATE_MAIN not in types
    assert _style(path, "Heading1").find("w:rPr/w:color", NS).get(f"{{{W}}}val") == "C00000"


def test_a_file_that_is_not_a_word_document_gets_a_clear_message(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.docx"
    bogus.write_text("plain text", encoding="utf-8")
    with pytest.raises(ExportError, match=r"notes\.docx is not a Word document"):
        write_docx(every_block(), tmp_path / "out.docx", reference_docx=bogus)


def test_a_macro_enabled_reference_is_refused(tmp_path: Path) -> None:
    source = organisation_reference(tmp_path / "org.docx")
    docm = tmp_path / "org.docm"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(docm, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    _DOCUMENT_MAIN.encode(),
                    b"application/vnd.ms-word.document.macroEnabled.main+xml",
                )
            out.writestr(info, data)
    with pytest.raises(ExportError, match="contains macros"):
        write_docx(every_block(), tmp_path / "out.docx", reference_docx=docm)


def test_reference_content_and_header_are_replaced(tmp_path: Path) -> None:
    reference = docx.Document()
    reference.sections[0].header.paragraphs[0].text = "OLD LETTERHEAD"
    reference.add_paragraph("Body of the reference")
    reference.save(str(tmp_path / "r.docx"))
    path = write_docx(every_block(), tmp_path / "out.docx", reference_docx=tmp_path / "r.docx")
    assert all("Body of the reference" not in t for _, t in body_paragraphs(path))
    document = docx.Document(str(path))
    assert document.sections[0].header.paragraphs[0].text == "UNCLASSIFIED"
