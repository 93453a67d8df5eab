"""Word fields (TOC, PAGE, NUMPAGES, SEQ) as complex-field runs with a cached result.

Each field carries a cached result, so the document reads correctly before anything is
updated; Word recomputes fields on update (the TOC is marked dirty so Word refreshes it
when the file is opened) and LibreOffice recomputes page fields on conversion.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import ooxml


def field(instruction: str, result: str = "", *, props: str = "", dirty: bool = False) -> str:
    """The runs of one field: begin, instruction, separate, `result` (runs), end."""
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    flag = ' w:dirty="true"' if dirty else ""
    return (
        f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"{flag}/></w:r>'
        f'<w:r>{rpr}<w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"{result}"
        f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
    )


def page(props: str = "") -> str:
    return field("PAGE", ooxml.run("1", props), props=props)


def num_pages(props: str = "") -> str:
    return field("NUMPAGES", ooxml.run("1", props), props=props)


def seq(label: str, number: int) -> str:
    """A caption number Word keeps in sequence ("Figure 3" after a figure is inserted)."""
    return field(f"SEQ {label} \\* ARABIC", ooxml.run(str(number)))


def bookmark(bid: int, name: str, content: str) -> str:
    """`content` wrapped in a bookmark, the target of the TOC's links."""
    return f'<w:bookmarkStart w:id="{bid}" w:name="{name}"/>{content}<w:bookmarkEnd w:id="{bid}"/>'


@dataclass(frozen=True)
class TocEntry:
    level: int  # 1-3
    text: str
    bookmark: str


def toc(entries: Sequence[TocEntry], entry_styles: Sequence[str], placeholder: str) -> list[str]:
    """The paragraphs of a TOC field over heading levels 1-3, marked dirty so Word
    rebuilds it (with page numbers) when the document is opened.

    The cached result already lists the headings, each linked to its bookmark, so the
    contents read correctly where nobody updates the field: LibreOffice keeps a TOC's
    cached text on conversion (checked with 7.4: neither `w:dirty`, `w:updateFields` nor
    an empty result makes it rebuild), and a page number cached now would be wrong.
    `placeholder` is shown when there are no headings.
    """
    begin = field('TOC \\o "1-3" \\h \\z \\u', dirty=True)
    begin = begin[: begin.index('<w:r><w:fldChar w:fldCharType="end"/>')]
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    if not entries:
        return [ooxml.paragraph(begin + ooxml.run(placeholder) + end, entry_styles[0])]
    out: list[str] = []
    for i, entry in enumerate(entries):
        link = (
            f'<w:hyperlink w:anchor="{entry.bookmark}" w:history="1">'
            f"{ooxml.run(entry.text)}</w:hyperlink>"
        )
        body = (begin if i == 0 else "") + link + (end if i == len(entries) - 1 else "")
        out.append(ooxml.paragraph(body, entry_styles[min(entry.level, 3) - 1]))
    return out
