"""The library as CSL-JSON and BibTeX, so sources travel back to Zotero and friends."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

import bibtexparser
from bibtexparser.library import Library
from bibtexparser.model import Entry, Field

from ..model.grades import UNJUDGED_RELIABILITY
from ..model.source import Source

#: Our types -> BibTeX entry types that Zotero, JabRef and biber all read.
_BIBTEX_TYPES = {
    "article": "article",
    "state-media": "article",
    "report": "techreport",
    "dataset": "misc",
    "social": "misc",
    "statement": "misc",
    "interview": "misc",
    "other": "misc",
}
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_SPECIAL = re.compile(r"([&%$#_{}~^\\])")
_ESCAPES = {"~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}


def csl_item(source: Source) -> dict[str, object]:
    """The source's CSL-JSON with its grading in `note`, where Zotero shows it."""
    item = source.to_csl()
    grading = []
    if source.reliability != UNJUDGED_RELIABILITY:
        grading.append(f"Reliability: {source.reliability}")
    if source.descriptor:
        grading.append(source.descriptor)
    if grading:
        item["note"] = "; ".join(grading)
    return item


def export_csl_json(sources: Iterable[Source]) -> str:
    return json.dumps([csl_item(s) for s in sources], ensure_ascii=False, indent=2) + "\n"


def export_bibtex(sources: Iterable[Source]) -> str:
    """UTF-8 BibTeX (Zotero and biber read it as is); LaTeX specials escaped so a title
    with "&" or "%" cannot break the file."""
    library = Library()
    for source in sources:
        library.add(Entry(_BIBTEX_TYPES.get(source.type, "misc"), source.id, _fields(source)))
    return bibtexparser.write_string(library)


def _fields(source: Source) -> list[Field]:
    fields: list[tuple[str, str]] = [("title", _protect(source.title))]
    if source.authors:
        fields.append(
            (
                "author",
                " and ".join(
                    _bib_name(a.display(), a.family, a.given, a.literal) for a in source.authors
                ),
            )
        )
    if source.container_title:
        key = "journal" if _BIBTEX_TYPES.get(source.type) == "article" else "howpublished"
        fields.append((key, _escape(source.container_title)))
    if source.publisher:
        key = "institution" if source.type == "report" else "publisher"
        fields.append((key, _escape(source.publisher)))
    if source.issued:
        parts = source.issued.split("-")
        fields.append(("year", parts[0]))
        if len(parts) > 1:
            fields.append(("month", _MONTHS[int(parts[1]) - 1]))
        if len(parts) > 2:
            fields.append(("day", str(int(parts[2]))))
        fields.append(("date", source.issued))
    if source.url:
        fields.append(("url", source.url))
    if source.accessed:
        fields.append(("urldate", source.accessed))
    if source.language:
        fields.append(("langid", _escape(source.language)))
    doi = source.extra.get("DOI")
    if doi:
        fields.append(("doi", doi))
    note = csl_item(source).get("note")
    if note:
        fields.append(("note", _escape(str(note))))
    return [Field(k, v) for k, v in fields]  # the writer adds the outer braces


def _bib_name(display: str, family: str, given: str, literal: str) -> str:
    if literal:
        return "{" + _escape(literal) + "}"  # an institution: never split into parts
    if given:
        return f"{_escape(family)}, {_escape(given)}"
    return _escape(display)


def _escape(text: str) -> str:
    return _SPECIAL.sub(
        lambda m: _ESCAPES.get(m.group(1), "\\" + m.group(1)), " ".join(text.split())
    )


def _protect(text: str) -> str:
    """Escape, and keep capitals as typed (BibTeX styles lowercase unprotected titles)."""
    return "{" + _escape(text) + "}"
