"""The styles the writer uses, by Word name, resolved to the style ids of the reference.

Names are matched case-insensitively, as Word does ("heading 1" is "Heading 1"), and a
user's reference document that lacks one of our styles gets our definition copied in, so
the export never silently falls back to Normal and still takes the user's look elsewhere.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

#: Word name -> the style id Word itself uses for it (ids are what the XML references).
PARAGRAPH_STYLES = {
    "Normal": "Normal",
    "Title": "Title",
    "Subtitle": "Subtitle",
    "heading 1": "Heading1",
    "heading 2": "Heading2",
    "heading 3": "Heading3",
    "Quote": "Quote",
    "caption": "Caption",
    "footnote text": "FootnoteText",
    "endnote text": "EndnoteText",
    "toc 1": "TOC1",
    "toc 2": "TOC2",
    "toc 3": "TOC3",
    "TOC Heading": "TOCHeading",
    "header": "Header",
    "footer": "Footer",
    # house styles (ours): set-off boxes, tables, title block, bibliography
    "Title Block": "TitleBlock",
    "Distribution": "Distribution",
    "Figure": "Figure",
    "Key Judgment": "KeyJudgment",
    "Judgment Meta": "JudgmentMeta",
    "Table Text": "TableText",
    "Table Heading": "TableHeading",
    "Bibliography": "Bibliography",
    "Banner": "Banner",
}
CHARACTER_STYLES = {
    "footnote reference": "FootnoteReference",
    "endnote reference": "EndnoteReference",
    "Hyperlink": "Hyperlink",
    "Portion Mark": "PortionMark",
}
TABLE_STYLES = {
    "Briefing Table": "BriefingTable",
    "Judgments Box": "JudgmentsBox",
}
ALL_STYLES = {**PARAGRAPH_STYLES, **CHARACTER_STYLES, **TABLE_STYLES}


def _styles_element(document: DocxDocument):  # type: ignore[no-untyped-def]
    return document.styles.element


def _name_index(styles_el) -> dict[str, object]:  # type: ignore[no-untyped-def]
    index: dict[str, object] = {}
    for style in styles_el.iterchildren(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is not None:
            index.setdefault(name.get(qn("w:val"), "").lower(), style)
    return index


class StyleIds:
    """Maps our Word style names to the ids found in one document's styles part."""

    def __init__(self, document: DocxDocument) -> None:
        self._index = _name_index(_styles_element(document))

    def missing(self, names: Iterable[str] = ALL_STYLES) -> list[str]:
        return [n for n in names if n.lower() not in self._index]

    def __getitem__(self, name: str) -> str:
        style = self._index.get(name.lower())
        if style is None:
            return ALL_STYLES.get(name, "")
        return style.get(qn("w:styleId"), "")  # type: ignore[attr-defined]

    def copy_missing_from(self, document: DocxDocument, source: DocxDocument) -> list[str]:
        """Copy our definitions of the styles `document` lacks (and the styles they are
        based on or linked to, when also missing); return the names copied."""
        target_el = _styles_element(document)
        source_index = _name_index(_styles_element(source))
        source_by_id = {
            s.get(qn("w:styleId")): s for s in _styles_element(source).iterchildren(qn("w:style"))
        }
        ids = {s.get(qn("w:styleId")) for s in target_el.iterchildren(qn("w:style"))}
        copied: list[str] = []
        queue = [source_index[n.lower()] for n in self.missing() if n.lower() in source_index]
        while queue:
            style = queue.pop(0)
            style_id = style.get(qn("w:styleId"))  # type: ignore[attr-defined]
            if style_id in ids:
                continue
            target_el.append(copy.deepcopy(style))
            ids.add(style_id)
            copied.append(style.find(qn("w:name")).get(qn("w:val")))  # type: ignore[attr-defined]
            for ref in ("w:basedOn", "w:link", "w:next"):
                el = style.find(qn(ref))  # type: ignore[attr-defined]
                if el is not None and el.get(qn("w:val")) not in ids:
                    found = source_by_id.get(el.get(qn("w:val")))
                    if found is not None:
                        queue.append(found)
        self._index = _name_index(target_el)
        return copied
