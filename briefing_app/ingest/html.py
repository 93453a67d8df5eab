"""Saved web pages: the article's main text and metadata, boilerplate left out (trafilatura)."""

from __future__ import annotations

import logging

import trafilatura
from trafilatura.utils import load_html

from ..model.source import Person
from ..model.text import clean_text
from .errors import NoTextError
from .results import Captured
from .text import apply_header

# trafilatura logs every page it finds too short at WARNING; the importer reports instead.
logging.getLogger("trafilatura").addHandler(logging.NullHandler())
logging.getLogger("trafilatura").propagate = False

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def capture_html(data: bytes, name: str = "page.html", url: str = "") -> Captured:
    """Main text as blank-line separated paragraphs; title, author, date, site, canonical
    URL and language from the page's metadata.

    lxml's HTML parser never loads DTDs or external entities, so a page cannot make the
    importer read a local file or the network.
    """
    tree = load_html(data)
    if tree is None:
        raise NoTextError("this page could not be read as HTML (it may be empty or binary)")
    language = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    doc = trafilatura.bare_extraction(
        tree,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_links=False,
        include_images=False,
        fast=True,  # no second-opinion extractors: 3x faster, same text on news pages
    )
    body = clean_text(doc.text or "") if doc is not None else ""
    if not body.strip():
        raise NoTextError(
            "no article text found in this page (it may be a menu, a login wall or "
            "rendered by JavaScript); save the page as text, or paste the article instead"
        )
    text = "\n\n".join(line.strip() for line in body.split("\n") if line.strip())
    captured = Captured(
        text=text,
        title=(doc.title or "").strip(),
        authors=[Person.parse(a) for a in _authors(doc.author)],
        container_title=(doc.sitename or "").strip(),
        issued=_date(doc.date),
        url=(doc.url or url or "").strip(),
        language=language.strip()[:20],
        original=(name, "text/html", data),
    )
    if captured.issued or captured.authors:
        captured.type = "article"
    apply_header(captured)  # a saved thread page still gets its post locators
    return captured


def _authors(value: str | None) -> list[str]:
    if not value:
        return []
    return [a.strip() for a in value.split(";") if a.strip()]


def _date(value: str | None) -> str:
    return (value or "")[:10] if value and value[:4].isdigit() else ""
