"""One citation engine, three writers: DOCX, PDF and HTML carry the same notes, in the
same order and the same number as the briefing's citation points.

Each file is read back with an independent reader (python-docx's XML, pypdf, the HTML
parser), so this compares what a reader of each document actually gets.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree
from pypdf import PdfReader

from briefing_app.cite import cite_points
from briefing_app.cli import main
from briefing_app.sample import build_sample
from briefing_app.store import Project

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("across")
    project = build_sample(folder / "s.briefing")
    out = {fmt: folder / f"s.{fmt}" for fmt in ("docx", "pdf", "html")}
    for path in out.values():
        assert main(["export", str(project), "-o", str(path)]) == 0
    out["project"] = project
    return out


def _squeeze(text: str) -> str:
    """Letters as compared: line breaks, justification, hyphenation points and ligatures
    differ between writers; the letters of a note do not."""
    return re.sub(r"[\s\u200b\u00ad\u2010-]+", "", unicodedata.normalize("NFKC", text))


def docx_notes(path: Path) -> list[str]:
    document = docx.Document(str(path))
    part = next(r.target_part for r in document.part.rels.values() if r.reltype == RT.FOOTNOTES)
    notes = etree.fromstring(part.blob).findall(f"{{{W}}}footnote")
    real = [n for n in notes if int(n.get(f"{{{W}}}id")) > 0]
    return ["".join(n.itertext()).strip() for n in real]


class _HtmlNotes(HTMLParser):
    """Collects the text of <li id="fnN"> items, without their back-link."""

    def __init__(self) -> None:
        super().__init__()
        self.notes: list[str] = []
        self._in_note = False
        self._in_backref = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "li" and re.fullmatch(r"fn\d+", a.get("id") or ""):
            self._in_note = True
            self.notes.append("")
        if tag == "a" and "backref" in (a.get("class") or ""):
            self._in_backref = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "li":
            self._in_note = False
        if tag == "a":
            self._in_backref = False

    def handle_data(self, data: str) -> None:
        if self._in_note and not self._in_backref:
            self.notes[-1] += data


def html_notes(path: Path) -> list[str]:
    parser = _HtmlNotes()
    parser.feed(path.read_text(encoding="utf-8"))
    return [n.strip() for n in parser.notes]


def test_docx_and_html_notes_are_the_same_text_in_the_same_order(exported) -> None:
    from_docx = docx_notes(exported["docx"])
    from_html = html_notes(exported["html"])
    assert len(from_docx) > 50
    assert [_squeeze(n) for n in from_html] == [_squeeze(n) for n in from_docx]


def test_the_pdf_prints_every_docx_note_in_order(exported) -> None:
    printed = _squeeze("".join(p.extract_text() for p in PdfReader(exported["pdf"]).pages))
    position = 0
    for number, note in enumerate(docx_notes(exported["docx"]), start=1):
        found = printed.find(_squeeze(f"{number}{note}"), position)
        assert found >= 0, f"note {number} missing from the PDF or out of order: {note[:60]}"
        position = found + 1


def test_the_note_count_equals_the_briefings_citation_points(exported) -> None:
    with Project.open(exported["project"]) as project:
        briefing = project.briefings.get("br1")
        points = cite_points(
            briefing,
            {s.id: s for s in project.sources.list()},
            {s.id: s for s in project.snippets.list()},
        )
    assert len(docx_notes(exported["docx"])) == len(points)
    assert len(html_notes(exported["html"])) == len(points)
