"""Property-based tests: random briefings with hostile text survive every trip.

Briefing JSON -> model -> JSON, the project file, and the DOCX, PDF and HTML writers: no
crash, nothing lost, and the text the analyst wrote is the text that is printed.

What the pipeline legitimately changes, and so what the comparisons undo:
- control characters XML cannot hold are removed and text is NFC-normalised where it
  enters the model (`clean_text`), so the expectation is the model's text, not the raw input;
- Markdown emphasis, links and citations in paragraph text are markup, so the expectation
  is `plain_text` (what readers see);
- writers lay text out: whitespace, line breaks and hyphenation differ, ligatures appear;
  so both sides are compared NFKD-normalised with whitespace, soft hyphens and hyphens
  removed, and zero-width / bidi formatting characters (which no writer shows) dropped;
- in PDF, characters the embedded fonts lack cannot be printed (they are reported as a
  problem instead, which is checked); a letter carrying a combining mark that has no
  precomposed form is typeset, but Typst's text layer may drop, repeat or misplace the
  cluster (and map the bare letter elsewhere to the cluster: "b" copies as "b͡"), so such
  clusters and all combining marks are left out; and right-to-left runs come back in visual
  order (as does any text after a bidi override or isolate): so PDF compares the covered
  letters word by word, and right-to-left words as a multiset of letters.
"""

from __future__ import annotations

import html
import html.parser
import json
import re
import tempfile
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from hypothesis import Phase, given, settings
from pypdf import PdfReader

from briefing_app.charts.png import GREY, png_from_rows
from briefing_app.export.json_writer import write_json
from briefing_app.export.pipeline import resolve_from_project, writer_for
from briefing_app.export.resolve import RenderedImage
from briefing_app.model.blocks import KeyJudgments, Paragraph, Table
from briefing_app.model.briefing import Briefing
from briefing_app.model.briefing_json import briefing_from_dict, briefing_to_dict
from briefing_app.model.errors import ValidationError, ValidationErrors
from briefing_app.model.inline import plain_text
from briefing_app.model.source import Source
from briefing_app.model.text import clean_text
from briefing_app.store import Project
from tests.reliability.strategies import SNIPPETS, briefing_json, hostile_text, json_structures

MODEL = settings(settings.get_profile("reliability"), max_examples=60)
# Exports take 0.1-1 s an example: fewer of them, and no shrinking (minutes on a DOCX
# round trip); the failing example is printed whole instead.
EXPORT = settings(
    settings.get_profile("reliability"),
    max_examples=15,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)

REPORT = (
    "Russian forces reached the northern outskirts of the town on 3 November.\n\n"
    "The last supply road is under drone fire by day; convoys move at night.\n\n"
    "Local officials said the evacuation of civilians was almost complete."
)
QUOTES = ("northern outskirts of the town", "under drone fire by day", "almost complete")


@pytest.fixture(scope="module")
def library() -> Iterator[Project]:
    """One project with the snippets sn1..sn3 that generated citations point at."""
    with tempfile.TemporaryDirectory() as folder:
        project = Project.create(Path(folder) / "props.briefing", "Properties")
        source = project.sources.add(
            Source(
                id="",
                title="Front-line report",
                type="article",
                text=REPORT,
                issued="2025-11-04",
                container_title="Eastgate Review",
            )
        ).source
        for ref, quote in zip(SNIPPETS, QUOTES, strict=True):
            project.snippets.add_quote(source.id, quote, id=ref)
        yield project
        project.close()


@pytest.fixture(scope="module")
def out_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


# ---------------------------------------------------------------------------- model and store


@MODEL
@given(text=hostile_text(0, 400))
def test_cleaned_text_is_stable_and_holds_no_character_xml_refuses(text: str) -> None:
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\r]", cleaned)
    assert unicodedata.is_normalized("NFC", cleaned)


@MODEL
@given(data=briefing_json())
def test_briefing_json_round_trip_is_exact(data: dict) -> None:
    briefing = _read(data)
    written = json.loads(json.dumps(briefing_to_dict(briefing), ensure_ascii=False))
    again = briefing_from_dict(written, set(SNIPPETS))
    assert again == briefing
    assert briefing_to_dict(again) == written
    assert briefing.title == clean_text(data["title"])


@MODEL
@given(data=briefing_json())
def test_the_project_file_gives_back_the_briefing_it_was_given(
    data: dict, library: Project
) -> None:
    briefing = _read(data)
    briefing_id = library.briefings.save(briefing)  # assigns section and block ids
    try:
        assert library.briefings.get(briefing_id) == briefing
    finally:
        library.briefings.remove(briefing_id)


@MODEL
@given(data=briefing_json())
def test_briefing_json_export_reads_back_equal(data: dict, out_dir: Path) -> None:
    briefing = _read(data)
    target = write_json(briefing, out_dir / "b.json")
    assert briefing_from_dict(json.loads(target.read_text("utf-8")), set(SNIPPETS)) == briefing


@settings(MODEL, max_examples=300)
@given(data=json_structures())
def test_any_json_structure_reads_as_a_briefing_or_names_its_problems(data: object) -> None:
    """Random shapes (wrong types, unknown fields, missing parts, hostile text): the
    reader returns a briefing or raises ValidationErrors, each naming a JSON path."""
    try:
        briefing_from_dict(data, set(SNIPPETS))
    except ValidationErrors as e:
        assert e.errors
        assert all(isinstance(x, ValidationError) and x.path.startswith("$") for x in e.errors)


# ---------------------------------------------------------------------------- exporters


@EXPORT
@given(data=briefing_json())
def test_docx_export_prints_every_text(data: dict, library: Project, out_dir: Path) -> None:
    briefing = _read(data)
    target = _export(library, briefing, "docx", out_dir)
    printed = _docx_text(target)
    for text in _expected_texts(briefing):
        assert _norm(text) in printed, text


@EXPORT
@given(data=briefing_json())
def test_pdf_export_prints_every_text(data: dict, library: Project, out_dir: Path) -> None:
    from briefing_app.export.pdf.fonts import covered_codepoints, uncovered

    briefing = _read(data)
    doc_problems: list[str] = []
    target = _export(library, briefing, "pdf", out_dir, doc_problems)
    pages = [page.extract_text() for page in PdfReader(target).pages]
    covered = covered_codepoints()

    def printable(text: str) -> str:
        """A character no embedded font has prints as an empty box (extracted as NUL, or
        as itself), and is reported as a problem: it is left out on both sides. Control
        characters never reach the page (clean_text), but a mark drawn from a fallback
        font comes back from the text layer as one (e.g. \\x04): left out too."""
        return "".join(
            ch
            for ch in text
            if ch.isspace() or (ord(ch) in covered and unicodedata.category(ch) != "Cc")
        )

    def letters_of(text: str) -> str:
        """Combining marks left out (DOCX and HTML compare them), and characters that a
        right-to-left run shows mirrored ("[" as "]", "<" as ">") made one."""
        return "".join(
            "(" if unicodedata.mirrored(ch) else ch  # mirrored in right-to-left runs
            for ch in _norm(text)
            if not unicodedata.combining(ch)
        )

    printed = letters_of(printable("\n".join(pages)))
    page_texts = [letters_of(printable(page)) for page in pages]
    letters = Counter(printed)
    for text in _expected_texts(briefing):
        visible = _unmarked(printable(text))
        missing = Counter(letters_of(visible)) - letters
        assert not missing, (text, [f"U+{ord(c):04X}" for c in missing])
        if _BIDI_OVERRIDE.search(text):
            continue  # every letter may be laid out right to left: the count is all
        for run in _ordered_runs(visible):
            assert _on_pages(letters_of(run), page_texts), (run, text)
    if uncovered("".join(_expected_texts(briefing))):
        assert any("cannot show" in p for p in doc_problems), "missing glyphs not reported"


@EXPORT
@given(data=briefing_json())
def test_html_export_prints_every_text(data: dict, library: Project, out_dir: Path) -> None:
    briefing = _read(data)
    target = _export(library, briefing, "html", out_dir)
    parser = _TextOf()
    parser.feed(target.read_text("utf-8"))
    printed = _norm("\n".join(parser.parts))
    for text in _expected_texts(briefing):
        assert _norm(text) in printed, text


# ---------------------------------------------------------------------------- helpers


def _read(data: dict) -> Briefing:
    """The generated document read as the compose command would; generation only makes
    documents whose required text survives cleaning, so they must all be valid."""
    return briefing_from_dict(data, set(SNIPPETS))


def _stub_chart(spec: object, width_in: float, scale: str) -> RenderedImage:
    """Charts have their own tests; here a tiny picture stands in, to keep examples fast."""
    return RenderedImage(_TINY_PNG, width_in, width_in / 2)


def _png(width: int = 8, height: int = 4) -> bytes:
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return png_from_rows(width, height, rows, GREY)


_TINY_PNG = _png()


def _export(
    project: Project, briefing: Briefing, fmt: str, folder: Path, problems: list[str] | None = None
) -> Path:
    doc = resolve_from_project(project, briefing, fmt=fmt, chart_renderer=_stub_chart)
    target = writer_for(fmt)(doc, folder / f"out.{fmt}")
    if problems is not None:
        problems.extend(doc.problems)
    return target


def _expected_texts(briefing: Briefing) -> list[str]:
    """The text of every field whose words must reach the page."""
    texts = [briefing.title, *(s.heading for s in briefing.sections)]
    for _, _, block in briefing.blocks():
        if isinstance(block, Paragraph):
            texts.append(plain_text(block.text))
        elif isinstance(block, Table):
            texts += [block.caption, *block.columns, *(c for row in block.rows for c in row)]
        elif isinstance(block, KeyJudgments):
            texts += [plain_text(item.text) for item in block.items]  # inline Markdown too
    return [t for t in texts if _norm(t)]


#: Bidi embeddings, overrides and isolates: they can lay out any following word right to left.
_BIDI_OVERRIDE = re.compile("[\u202a-\u202e\u2066-\u2069]")
_INVISIBLE = re.compile(r"[\s\u00ad\u2010-]+")


def _norm(text: str) -> str:
    """Decomposed (NFKD), so a combining mark that starts one cell or run and the letter
    that ends the one before it cannot compose into a character neither side has."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not _ignorable(ch))
    return _INVISIBLE.sub("", text)


def _unmarked(text: str) -> str:
    """`text` without letters that carry a combining mark NFC could not compose: the PDF
    text layer may drop, repeat or misplace such a cluster (it is typeset, see the
    module docstring), so they are not compared; a space keeps the words apart."""
    return "".join(
        " "
        if unicodedata.combining(ch) or (i + 1 < len(text) and unicodedata.combining(text[i + 1]))
        else ch
        for i, ch in enumerate(text)
    )


def _ordered_runs(text: str) -> list[str]:
    """The parts of `text` whose order the PDF text layer keeps.

    Words. With right-to-left letters in the text, only runs of
    two or more strong left-to-right characters: the bidi algorithm lays out the rest in
    visual order, neighbouring punctuation included, but never reorders inside such a run.
    """
    rtl = any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)
    runs: list[str] = []
    current = ""
    for ch in text:
        keep = not ch.isspace()
        if keep and rtl:
            keep = unicodedata.bidirectional(ch) == "L"
        if keep:
            current += ch
            continue
        runs.append(current)
        current = ""
    runs.append(current)
    return [r for r in runs if len(r) > (1 if rtl else 0)]


def _on_pages(expected: str, pages: list[str]) -> bool:
    """On one page, or broken at a line-break opportunity (before an emoji, after a
    slash) over a page break, where the footer and next header come between its halves."""
    if any(expected in page for page in pages):
        return True
    return any(
        pages[k].endswith(expected[:i]) or expected[:i] in pages[k]
        for k in range(len(pages) - 1)
        for i in range(1, len(expected))
        if expected[:i] in pages[k] and expected[i:] in pages[k + 1]
    )


def _ignorable(ch: str) -> bool:
    """Formatting characters no writer shows as such: zero-width and bidi controls (Cf),
    variation selectors and the combining grapheme joiner (default-ignorable marks)."""
    code = ord(ch)
    return (
        unicodedata.category(ch) == "Cf"
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
        or code in (0x034F, 0x180B, 0x180C, 0x180D)
    )


def _docx_text(path: Path) -> str:
    """Body text (paragraphs, tables, headings) and the notes parts, normalised."""
    document = Document(str(path))
    body = "\n".join(document.element.body.itertext())
    with zipfile.ZipFile(path) as package:
        notes = "".join(
            re.sub(r"<[^>]+>", "", package.read(name).decode("utf-8"))
            for name in package.namelist()
            if name in ("word/footnotes.xml", "word/endnotes.xml")
        )
    return _norm(body + html.unescape(notes))


class _TextOf(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)
