"""PDF files: text page by page (pypdf), so every snippet gets a page locator."""

from __future__ import annotations

import io
import logging
import re

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from ..model.source import Person
from ..model.text import clean_text
from .dates import parse_date
from .errors import IngestError, NoTextError, UnsupportedError
from .results import Captured

# pypdf logs recoverable oddities of real-world files at WARNING; they are not errors.
logging.getLogger("pypdf").addHandler(logging.NullHandler())
logging.getLogger("pypdf").propagate = False


def capture_pdf(data: bytes, name: str = "document.pdf") -> Captured:
    """Each page's text, pages separated by a blank line, with a "p. N" locator per page.

    N is the page label printed on the page when the PDF defines labels (front matter in
    roman numerals), else the page's position, which is what a reader would cite.
    """
    reader = _open(data)
    texts, labels = _pages(reader)
    if not any(t.strip() for t in texts):
        raise NoTextError(
            f"this PDF has no text layer on any of its {len(texts)} page(s) (probably a "
            "scanned image); run it through OCR (e.g. ocrmypdf) and import the result"
        )
    parts: list[str] = []
    locators: list[tuple[int, str]] = []
    offset = 0
    empty: list[str] = []
    for text, label in zip(texts, labels, strict=True):
        if not text.strip():
            empty.append(label)
            continue
        if parts:
            offset += 2  # the blank line between pages
        locators.append((offset, f"p. {label}"))
        parts.append(text)
        offset += len(text)
    captured = Captured(text="\n\n".join(parts), locators=locators, type="report")
    _metadata(reader, captured)
    captured.original = (name, "application/pdf", data)
    if empty:
        captured.notes.append(
            f"page(s) {', '.join(empty)} have no text layer (scanned?); their text is missing"
        )
    return captured


def _open(data: bytes) -> PdfReader:
    if not data.lstrip()[:5] == b"%PDF-":
        raise UnsupportedError("this is not a PDF file (it does not start with %PDF-)")
    if b"%%EOF" not in data[-2048:]:
        raise IngestError(
            "this PDF is truncated (its end is missing, e.g. an interrupted download); "
            "download or copy it again"
        )
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise _locked()
        len(reader.pages)
    except FileNotDecryptedError:
        raise _locked() from None
    except DependencyError:
        raise UnsupportedError(
            "this PDF is encrypted with AES, which needs the 'cryptography' package; "
            "save an unprotected copy and import that"
        ) from None
    except IngestError:
        raise
    except Exception as e:  # pypdf raises many types on damaged files; all mean the same
        raise IngestError(f"this PDF is damaged and cannot be read ({_short(e)})") from None
    return reader


def _locked() -> IngestError:
    return IngestError(
        "this PDF is password-protected; open it with the password, save or print an "
        "unprotected copy, and import that"
    )


def _pages(reader: PdfReader) -> tuple[list[str], list[str]]:
    texts: list[str] = []
    try:
        labels = list(reader.page_labels)
    except Exception:  # broken label trees are common and harmless: fall back to positions
        labels = []
    if len(labels) != len(reader.pages):
        labels = [str(i + 1) for i in range(len(reader.pages))]
    for number, page in enumerate(reader.pages, start=1):
        try:
            raw = page.extract_text() or ""
        except Exception as e:
            raise IngestError(
                f"page {number} of this PDF is damaged and cannot be read ({_short(e)})"
            ) from None
        texts.append(_tidy(clean_text(raw)))
    return texts, labels


def _tidy(text: str) -> str:
    """Trailing spaces off each line, runs of blank lines closed up: one page, one block."""
    lines = [line.rstrip() for line in text.strip().split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


def _metadata(reader: PdfReader, captured: Captured) -> None:
    try:
        info = reader.metadata
    except Exception:
        return
    if not info:
        return
    title = clean_text(str(info.title or "")).strip()
    if title and not title.lower().startswith(("microsoft word", "untitled")):
        captured.title = title
    author = clean_text(str(info.author or "")).strip()
    if author:
        captured.authors = [Person.parse(a) for a in re.split(r";|\band\b", author) if a.strip()]
    try:
        created = info.creation_date
    except Exception:
        created = None
    if created is not None:
        captured.issued = parse_date(created.strftime("%Y-%m-%d"))


def _short(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text[:160]
