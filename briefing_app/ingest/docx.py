"""Word documents: paragraphs, headings and tables as text; core properties as metadata."""

from __future__ import annotations

import io

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from ..model.source import Person
from ..model.text import clean_text
from .errors import IngestError, NoTextError
from .limits import DEFAULT_LIMITS, Limits, check_zip_package
from .results import Captured
from .text import apply_header

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def capture_docx(
    data: bytes, name: str = "document.docx", limits: Limits = DEFAULT_LIMITS
) -> Captured:
    """Body content in reading order, one paragraph per block; table rows as
    tab-separated lines. The zip is checked for bombs before python-docx inflates it."""
    check_zip_package(data, limits, "DOCX")
    try:
        document = Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises KeyError, ValueError, lxml errors...
        raise IngestError(
            f"this DOCX cannot be read ({str(e)[:120] or type(e).__name__}); open it in "
            "Word or LibreOffice and save it again"
        ) from None
    blocks: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == _W + "p":
            text = Paragraph(child, document).text.strip()
            if text:
                blocks.append(text)
        elif child.tag == _W + "tbl":
            rows = [
                "\t".join(c.text.strip() for c in row.cells) for row in Table(child, document).rows
            ]
            if any(r.strip() for r in rows):
                blocks.append("\n".join(rows))
    text = clean_text("\n\n".join(blocks))
    if not text.strip():
        raise NoTextError("this DOCX holds no text")
    props = document.core_properties
    captured = Captured(
        text=text,
        title=clean_text(props.title or "").strip(),
        authors=[Person.parse(a) for a in (props.author or "").split(";") if a.strip()],
        language=(props.language or "").strip(),
        original=(name, DOCX_MIME, data),
    )
    if props.created is not None and props.created.year > 1980:
        captured.issued = props.created.strftime("%Y-%m-%d")
    apply_header(captured)
    return captured
