"""Inline content to runs: analyst text (bold/italic/links), note references, and the
rich text of formatted citations (italic titles, small caps, links)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part

from ...cite import RichText
from ..document import Inline, InTextCitation, NoteRef, Text
from . import ooxml

#: Link targets we make clickable; anything else (javascript:, file:) stays plain text.
SAFE_SCHEMES = ("http://", "https://", "mailto:", "ftp://")


class Links:
    """The external hyperlink relationships of one part (document or notes), one per URL.

    Relationships are added directly under ids of our own: python-docx's `relate_to`
    scans every existing relationship per call, quadratic for a briefing with hundreds of
    linked sources (1.2 s of a 1.9 s export before this)."""

    def __init__(self, part: Part) -> None:
        self.part = part
        self._ids: dict[str, str] = {}
        taken = set(part.rels)
        self._prefix = next(
            p
            for p in (f"rIdLink{n}x" for n in range(len(taken) + 1))
            if not any(t.startswith(p) for t in taken)
        )

    def rid(self, url: str) -> str:
        """The relationship id for `url`, or "" when the URL should not be a link."""
        url = ooxml.clean(url).strip()
        if not url.lower().startswith(SAFE_SCHEMES) or any(c.isspace() for c in url):
            return ""
        found = self._ids.get(url)
        if found is None:
            found = self._ids[url] = f"{self._prefix}{len(self._ids) + 1}"
            self.part.rels.add_relationship(RT.HYPERLINK, url, found, is_external=True)
        return found


def _props(bold: bool, italic: bool, small_caps: bool = False, style: str = "") -> str:
    props = f'<w:rStyle w:val="{style}"/>' if style else ""
    if bold:
        props += "<w:b/>"
    if italic:
        props += "<w:i/>"
    if small_caps:
        props += "<w:smallCaps/>"
    return props


def styled_run(
    value: str,
    links: Links,
    link_style: str,
    *,
    bold: bool = False,
    italic: bool = False,
    small_caps: bool = False,
    link: str = "",
) -> str:
    """A run, wrapped in a `w:hyperlink` (in the Hyperlink style) when it links somewhere."""
    rid = links.rid(link) if link else ""
    if not rid:
        return ooxml.run(value, _props(bold, italic, small_caps))
    inner = ooxml.run(value, _props(bold, italic, small_caps, link_style))
    return f'<w:hyperlink r:id="{rid}" w:history="1">{inner}</w:hyperlink>' if inner else ""


def rich_runs(rt: RichText, links: Links, link_style: str) -> str:
    """A formatted citation or bibliography entry as runs."""
    return "".join(
        styled_run(
            r.text,
            links,
            link_style,
            bold=r.bold,
            italic=r.italic,
            small_caps=r.small_caps,
            link=r.link,
        )
        for r in rt
    )


class InlineWriter:
    """Maps resolved inlines of body text to runs; note references go through `note_ref`."""

    def __init__(self, links: Links, link_style: str, note_ref: Callable[[int], str]) -> None:
        self.links = links
        self.link_style = link_style
        self.note_ref = note_ref

    def runs(self, inlines: Iterable[Inline]) -> str:
        out: list[str] = []
        for inline in inlines:
            if isinstance(inline, Text):
                out.append(
                    styled_run(
                        inline.text,
                        self.links,
                        self.link_style,
                        bold=inline.bold,
                        italic=inline.italic,
                        link=inline.link,
                    )
                )
            elif isinstance(inline, NoteRef):
                out.append(self.note_ref(inline.number))
            elif isinstance(inline, InTextCitation):
                out.append(rich_runs(inline.text, self.links, self.link_style))
        return "".join(out)

    def rich(self, rt: RichText) -> str:
        return rich_runs(rt, self.links, self.link_style)


def plain_text(inlines: Iterable[Inline]) -> str:
    """The visible text of inlines without note marks (for alt text, checks, RTL)."""
    parts: list[str] = []
    for inline in inlines:
        if isinstance(inline, Text):
            parts.append(inline.text)
        elif isinstance(inline, InTextCitation):
            parts.append("".join(r.text for r in inline.text))
    return "".join(parts)
