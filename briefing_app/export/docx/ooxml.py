"""WordprocessingML text building blocks: namespaces, escaping and plain runs.

The writer builds body XML as strings and parses it once: an order of magnitude faster
than creating thousands of elements through python-docx objects, and just as valid,
because every piece of user text passes through `text()` (cleaned, then escaped).
"""

from __future__ import annotations

import unicodedata
from xml.sax.saxutils import escape, quoteattr

from ...model.text import clean_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"

#: Declarations for a fragment root, so fragments can use the usual prefixes.
NSDECLS = f'xmlns:w="{W}" xmlns:r="{R}" xmlns:wp="{WP}" xmlns:a="{A}" xmlns:pic="{PIC}"'


def clean(value: str) -> str:
    """Text as Word may hold it: no control characters (python-docx and Word reject them)."""
    return clean_text(value or "")


def attr(value: str) -> str:
    """A quoted, escaped attribute value (quotes included)."""
    return quoteattr(clean(value))


def text(value: str) -> str:
    """Run content for `value`: `w:t` pieces, with tabs and line breaks as Word elements."""
    value = clean(value)
    if "\n" not in value and "\t" not in value:
        return f'<w:t xml:space="preserve">{escape(value)}</w:t>' if value else ""
    out: list[str] = []
    for i, line in enumerate(value.split("\n")):
        if i:
            out.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                out.append("<w:tab/>")
            if piece:
                out.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return "".join(out)


def is_rtl(value: str) -> bool:
    """True when the first strongly directional character is right-to-left (Arabic, Hebrew)."""
    for ch in value:
        direction = unicodedata.bidirectional(ch)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def run(value: str, props: str = "") -> str:
    """One `w:r` with optional run properties (inner XML of `w:rPr`)."""
    content = text(value)
    if not content:
        return ""
    if is_rtl(value):
        props += "<w:rtl/>"
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f"<w:r>{rpr}{content}</w:r>"


def paragraph(
    body: str,
    style: str = "",
    *,
    keep_next: bool = False,
    page_break: bool = False,
    rtl: bool = False,
    jc: str = "",
) -> str:
    """A `w:p` with a resolved style id; properties are emitted in schema order (Word
    reports a damaged file when `w:pPr` children are out of order)."""
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if keep_next:
        ppr += "<w:keepNext/>"
    if page_break:
        ppr += "<w:pageBreakBefore/>"
    if rtl:
        ppr += "<w:bidi/>"
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    return f"<w:p><w:pPr>{ppr}</w:pPr>{body}</w:p>" if ppr else f"<w:p>{body}</w:p>"


def hex_colour(value: str, default: str = "000000") -> str:
    """ "#1f4e79" -> "1F4E79"; anything that is not a 6-digit hex colour gives `default`."""
    value = (value or "").strip().lstrip("#")
    if len(value) == 6 and all(c in "0123456789abcdefABCDEF" for c in value):
        return value.upper()
    return default
