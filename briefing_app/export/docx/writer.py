"""write_docx: the resolved document as a native Word file on a reference document."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from ..atomic import ExportError, atomic_output
from ..document import DocMeta, ResolvedDocument
from . import fields, ooxml
from .blocks import TWIPS_PER_INCH, BlockWriter
from .header import write_header_footer
from .notes import note_kind, reference_run, write_notes_part
from .pictures import EMU_PER_INCH, Pictures
from .reference import default_reference, open_reference
from .runs import InlineWriter, Links, rich_runs
from .styles import StyleIds

#: Templates whose body starts on a new page after the title block and contents.
_TITLE_PAGE_TEMPLATES = {"strategic"}


def write_docx(doc: ResolvedDocument, target: Path, *, reference_docx: Path | None = None) -> Path:
    """Write `doc` to `target` (atomically) and return the path.

    `reference_docx` (a .docx or .dotx) supplies styles, page setup and theme instead of
    the template's own reference; styles it lacks are taken from ours.
    """
    target = Path(target)
    document = build_document(doc, reference_docx=reference_docx)
    buffer = io.BytesIO()
    try:
        document.save(buffer)
    except ValueError as e:  # a value python-docx refused: report it, never a traceback
        raise ExportError(f"the Word file could not be assembled: {e}") from None
    with atomic_output(target) as handle:
        handle.write(buffer.getvalue())
    return target


def build_document(doc: ResolvedDocument, *, reference_docx: Path | None = None) -> DocxDocument:
    ours = default_reference(doc.meta.template)
    document = open_reference(reference_docx or ours)
    styles = StyleIds(document)
    if reference_docx is not None and styles.missing():
        styles.copy_missing_from(document, open_reference(ours))
    kind = note_kind(doc.meta.notes_placement)
    ref_style = styles[kind.ref_style]
    links = Links(document.part)
    inline = InlineWriter(links, styles["Hyperlink"], lambda n: reference_run(kind, n, ref_style))
    section = document.sections[-1]
    text_emu = int(section.page_width - section.left_margin - section.right_margin)
    blocks = BlockWriter(
        styles, inline, Pictures(document, text_emu), text_emu * TWIPS_PER_INCH // EMU_PER_INCH
    )

    title_page = doc.meta.template in _TITLE_PAGE_TEMPLATES
    body: list[str] = _title_block(doc.meta, styles)
    content: list[str] = []
    for i, block in enumerate(doc.blocks):
        content.extend(blocks.block(block, page_break=title_page and i == 0))
    content.extend(_back_matter(doc, blocks, styles, inline, title_page))
    toc_at = len(body)
    body.extend(content)
    body[toc_at:toc_at] = [
        ooxml.paragraph(ooxml.run("Contents"), styles["TOC Heading"]),
        *fields.toc(
            blocks.toc,
            [styles["toc 1"], styles["toc 2"], styles["toc 3"]],
            "Right-click to update the table of contents.",
        ),
    ]
    _append_body(document, body)

    if doc.is_note_style and doc.notes:
        write_notes_part(
            document,
            kind,
            doc.notes,
            styles,
            lambda rt, part_links: rich_runs(rt, part_links, styles["Hyperlink"]),
        )
    write_header_footer(document, doc.meta.banner, styles)
    document.settings.odd_and_even_pages_header_footer = False
    _core_properties(document, doc.meta)
    return document


def _title_block(meta: DocMeta, styles: StyleIds) -> list[str]:
    out = [
        ooxml.paragraph(
            ooxml.run(meta.title or "Untitled briefing"),
            styles["Title"],
            rtl=ooxml.is_rtl(meta.title),
        )
    ]
    if meta.subtitle:
        out.append(ooxml.paragraph(ooxml.run(meta.subtitle), styles["Subtitle"]))
    block = styles["Title Block"]
    for line in (", ".join(meta.authors), meta.organisation, meta.date_display or meta.date):
        if line:
            out.append(ooxml.paragraph(ooxml.run(line), block, rtl=ooxml.is_rtl(line)))
    if meta.distribution:
        out.append(
            ooxml.paragraph(
                ooxml.run("Distribution: ", "<w:b/>") + ooxml.run(meta.distribution),
                styles["Distribution"],
            )
        )
    return out


def _back_matter(
    doc: ResolvedDocument,
    blocks: BlockWriter,
    styles: StyleIds,
    inline: InlineWriter,
    title_page: bool,
) -> list[str]:
    """Source summary statement, "Sources" (the bibliography), and the endnotes heading."""
    out: list[str] = []
    if doc.source_summary:
        out.append(blocks.heading(1, "Source summary statement"))
        out.extend(
            ooxml.paragraph(ooxml.run(p), styles["Normal"], rtl=ooxml.is_rtl(p))
            for p in doc.source_summary
        )
    entry = styles["Bibliography"]
    if doc.bibliography_groups:
        out.append(blocks.heading(1, doc.meta.bibliography_title, page_break=title_page))
        for title, entries in doc.bibliography_groups:
            out.append(blocks.heading(2, title))
            out.extend(ooxml.paragraph(inline.rich(e), entry) for e in entries)
    elif doc.bibliography:
        out.append(blocks.heading(1, doc.meta.bibliography_title, page_break=title_page))
        out.extend(ooxml.paragraph(inline.rich(e), entry) for e in doc.bibliography)
    if doc.is_note_style and doc.notes and doc.meta.notes_placement == "endnotes":
        # Word prints endnotes after the last paragraph: this heading introduces them.
        out.append(blocks.heading(1, "Notes", page_break=title_page))
    return out


def _append_body(document: DocxDocument, fragments: list[str]) -> None:
    """Parse all fragments at once and put them before the final section properties."""
    body = document.element.body
    parsed = parse_xml(f"<w:body {ooxml.NSDECLS}>{''.join(fragments)}</w:body>")
    sect_pr = body.find(qn("w:sectPr"))
    for child in list(parsed):
        if sect_pr is not None:
            sect_pr.addprevious(child)
        else:
            body.append(child)


def _core_properties(document: DocxDocument, meta: DocMeta) -> None:
    props = document.core_properties
    props.title = ooxml.clean(meta.title)[:255]
    props.subject = ooxml.clean(meta.subtitle)[:255]
    props.author = ooxml.clean("; ".join(meta.authors))[:255]
    props.last_modified_by = props.author
    props.keywords = ooxml.clean(", ".join(meta.keywords))[:255]
    props.category = ooxml.clean(meta.organisation)[:255]
    props.comments = ooxml.clean(meta.distribution)[:255]
    props.revision = 1
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    try:
        created = dt.datetime.fromisoformat(meta.date) if meta.date else now
    except ValueError:
        created = now
    props.created = min(created, now)
    props.modified = now
