"""The floor for PDF figures: the same content as plain Typst markup, no template logic.

Only for benchmarks. Text goes in as Typst string literals built by `typst_string`, the
one escaping function, so the floor is comparable (same characters, same notes) and safe.
"""

from __future__ import annotations

from briefing_app.cite import RichText
from briefing_app.export.document import (
    BlockQuote,
    Figure,
    Heading,
    Inline,
    InTextCitation,
    NoteRef,
    Para,
    ResolvedDocument,
    TableBlock,
    Text,
)


def typst_string(text: str) -> str:
    """`text` as a Typst string literal: shown verbatim, never parsed as markup."""
    out = ['"']
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) < 0x20:
            out.append(f"\\u{{{ord(ch):x}}}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _rich(rt: RichText) -> str:
    return "".join(f"#{typst_string(r.text)}" for r in rt)


def _inlines(items: list[Inline], notes: list[RichText]) -> str:
    out = []
    for item in items:
        if isinstance(item, Text):
            out.append(f"#{typst_string(item.text)}")
        elif isinstance(item, NoteRef):
            out.append(f"#footnote[{_rich(notes[item.number - 1])}]")
        elif isinstance(item, InTextCitation):
            out.append(_rich(item.text))
    return "".join(out)


def plain_markup(doc: ResolvedDocument) -> str:
    """A plain Typst document: headings, paragraphs with footnotes, figures, bibliography."""
    lines = [
        '#set page(paper: "a4", footer: context [Page #counter(page).display() of '
        "#counter(page).final().first()])",
        '#set text(font: "Linux Libertine O", size: 11pt)',
        "#set par(justify: true)",
        "#outline()",
    ]
    for b in doc.blocks:
        if isinstance(b, Heading):
            lines.append(f"{'=' * b.level} #{typst_string(b.number + ' ' + b.text)}")
        elif isinstance(b, Para):
            lines.append(_inlines(b.inlines, doc.notes))
        elif isinstance(b, BlockQuote):
            lines.append(
                f"#quote(block: true)[#{typst_string(b.text)}{_inlines(b.citation, doc.notes)}]"
            )
        elif isinstance(b, Figure):
            lines.append(
                f"#figure(rect(width: 100%, height: {b.height_in}in), "
                f"caption: [{_inlines(b.caption, doc.notes)}])"
            )
        elif isinstance(b, TableBlock):
            cells = ", ".join(f"[#{typst_string(c)}]" for row in b.rows for c in row)
            lines.append(f"#table(columns: {max(1, len(b.columns))}, {cells})")
        lines.append("")
    lines.append("= Bibliography")
    lines.extend(_rich(entry) + "\n" for entry in doc.bibliography)
    return "\n".join(lines)
