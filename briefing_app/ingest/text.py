"""Plain text and Markdown files, and text pasted by the analyst."""

from __future__ import annotations

from ..model.source import Person
from ..model.text import clean_text
from .detect import read_header
from .encoding import decode_text
from .errors import NoTextError
from .results import Captured

MARKDOWN_SUFFIXES = (".md", ".markdown")


def capture_text(data: bytes, name: str) -> Captured:
    """A text or Markdown file in any common encoding, its header lines read as metadata."""
    text, encoding = decode_text(data)
    mime = "text/markdown" if name.lower().endswith(MARKDOWN_SUFFIXES) else "text/plain"
    captured = captured_from_text(text)
    captured.original = (name, mime, data)
    if encoding not in ("utf-8", "ascii"):
        captured.notes.append(f"read as {encoding} text (converted to Unicode)")
    return captured


def captured_from_text(text: str) -> Captured:
    """Clean `text` (control characters out) and read its header; refuse it if empty."""
    text = clean_text(text)
    stripped = text.strip()
    if not stripped:
        raise NoTextError("there is no text to import (only blanks or control characters)")
    captured = Captured(text=text)
    apply_header(captured)
    return captured


def apply_header(captured: Captured) -> None:
    """Fill fields the extractor left empty from the title, byline and dateline in the text."""
    header = read_header(captured.text)
    captured.title = captured.title or header.title
    if not captured.authors and header.authors:
        captured.authors = [Person.parse(a) for a in header.authors]
    captured.issued = captured.issued or header.issued
    captured.container_title = captured.container_title or header.container_title
    captured.publisher = captured.publisher or header.publisher
    captured.url = captured.url or header.url
    captured.language = captured.language or header.language
    captured.type = captured.type or header.type
    captured.locators = captured.locators or header.locators
    if header.platform:
        captured.extra.setdefault("medium", header.platform)
