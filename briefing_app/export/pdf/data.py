"""The resolved document as plain JSON data for the Typst templates (never as markup).

User text reaches Typst only as JSON strings, which Typst shows literally: nothing a user
types can become a function call, a file read or formatting. Images travel beside the
JSON as files named by their hash, so the JSON stays small and a changed chart changes
one file.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from ...cite import RichText
from ..document import (
    BlockQuote,
    Figure,
    Heading,
    Inline,
    InTextCitation,
    KeyJudgmentsBox,
    NoteRef,
    Para,
    ResolvedDocument,
    ScenarioTable,
    SignpostTable,
    TableBlock,
    Text,
)

#: A word longer than this gets invisible break opportunities, so a pasted hash or a
#: 10,000-character token wraps inside the margins instead of running off the page.
LONG_WORD = 40
_BREAK_EVERY = 24
_ZWSP = "\u200b"
_LONG_WORD_RE = re.compile(rf"\S{{{LONG_WORD + 1},}}")
_COLOUR_RE = re.compile(r"#[0-9A-Fa-f]{6}")
#: Longest printed image height (inches) before a figure is scaled down to fit a page.
MAX_FIGURE_HEIGHT_IN = 7.5


@dataclass
class TypstData:
    """What a template needs: the data (as JSON) and the image files it names (path -> bytes)."""

    obj: dict[str, Any]
    images: dict[str, bytes] = field(default_factory=dict)

    @cached_property
    def json(self) -> str:
        return json.dumps(self.obj, ensure_ascii=False, separators=(",", ":"))


def breakable(text: str) -> str:
    """Insert zero-width spaces into over-long words; short words are left exactly as typed."""
    if len(text) <= LONG_WORD:
        return text
    return _LONG_WORD_RE.sub(_split_word, text)


def _split_word(match: re.Match[str]) -> str:
    word = match.group(0)
    return _ZWSP.join(word[i : i + _BREAK_EVERY] for i in range(0, len(word), _BREAK_EVERY))


def _keep(text: str) -> str:
    return text


def colour(value: str, default: str) -> str:
    """A "#RRGGBB" colour for Typst's rgb(); anything else falls back to `default`."""
    return value if _COLOUR_RE.fullmatch(value or "") else default


class _Converter:
    """Maps resolved blocks to dicts; `wrap` is applied to every printed string."""

    def __init__(self, notes: list[RichText], wrap: Callable[[str], str]) -> None:
        self.images: dict[str, bytes] = {}
        self.notes = notes
        self.wrap = wrap

    def run(
        self,
        text: str,
        *,
        bold: bool = False,
        italic: bool = False,
        small_caps: bool = False,
        link: str = "",
    ) -> dict[str, Any]:
        out: dict[str, Any] = {"s": text if link else self.wrap(text)}
        if bold:
            out["b"] = True
        if italic:
            out["i"] = True
        if small_caps:
            out["sc"] = True
        if link:
            out["l"] = link
        return out

    def rich(self, rt: RichText) -> list[dict[str, Any]]:
        return [
            self.run(r.text, bold=r.bold, italic=r.italic, small_caps=r.small_caps, link=r.link)
            for r in rt
            if r.text
        ]

    def inl(self, items: list[Inline]) -> list[dict[str, Any]]:
        """Inline items as data; a note reference carries its note's text, so the template
        renders a block from the block alone (and Typst can reuse an unchanged block)."""
        out: list[dict[str, Any]] = []
        for item in items:
            if isinstance(item, Text):
                if item.text:
                    out.append(
                        self.run(item.text, bold=item.bold, italic=item.italic, link=item.link)
                    )
            elif isinstance(item, NoteRef):
                _trim_before_mark(out)
                n = item.number
                note = self.notes[n - 1] if 0 < n <= len(self.notes) else ()
                out.append({"n": n, "note": self.rich(note)})
            elif isinstance(item, InTextCitation):
                out.append({"c": self.rich(item.text)})
        return out

    def image(self, data: bytes, ext: str = "png") -> str:
        if not data:
            return ""
        name = f"/img/{hashlib.sha256(data).hexdigest()[:24]}.{ext}"
        self.images[name] = data
        return name

    def block(self, b: object) -> dict[str, Any] | None:
        w = self.wrap
        if isinstance(b, Heading):
            return {
                "t": "heading",
                "level": max(1, min(b.level, 6)),
                "text": w(b.text),
                "number": b.number,
                "portion": b.portion,
                "anchor": b.anchor,
            }
        if isinstance(b, Para):
            return {"t": "para", "inl": self.inl(b.inlines), "portion": b.portion}
        if isinstance(b, BlockQuote):
            return {
                "t": "quote",
                "text": w(b.text),
                "cite": self.inl(b.citation),
                "portion": b.portion,
                "original": w(b.original),
            }
        if isinstance(b, Figure):
            return self.figure(b)
        if isinstance(b, KeyJudgmentsBox):
            return {
                "t": "judgments",
                "portion": b.portion,
                "items": [
                    {
                        "inl": self.inl(i.text),
                        "likelihood": i.likelihood,
                        "band": i.band,
                        "confidence": i.confidence,
                        "portion": i.portion,
                    }
                    for i in b.items
                ],
            }
        if isinstance(b, ScenarioTable):
            return {
                "t": "scenarios",
                "portion": b.portion,
                "rows": [
                    {
                        "title": w(r.title),
                        "label": r.label,
                        "likelihood": r.likelihood,
                        "band": r.band,
                        "narrative": self.inl(r.narrative),
                        "drivers": [w(d) for d in r.drivers],
                        "signposts": [w(s) for s in r.signposts],
                        "portion": r.portion,
                    }
                    for r in b.rows
                ],
            }
        if isinstance(b, SignpostTable):
            return {
                "t": "signposts",
                "portion": b.portion,
                "rows": [
                    {
                        "name": w(r.name),
                        "description": self.inl(r.description),
                        "signals": w(r.signals),
                        "threshold": w(r.threshold),
                        "status": r.status,
                        "reviewed": r.last_reviewed,
                        "diag": [[w(s), v] for s, v in r.diagnosticity],
                        "portion": r.portion,
                    }
                    for r in b.rows
                ],
            }
        if isinstance(b, TableBlock):
            return {
                "t": "table",
                "caption": self.inl(b.caption),
                "portion": b.portion,
                "widths": column_weights(b.columns, b.rows),
                "columns": [w(c) for c in b.columns],
                "rows": [[w(c) for c in row] for row in b.rows],
            }
        return None

    def figure(self, b: Figure) -> dict[str, Any]:
        width = 1.0
        if (b.svg or b.png) and b.width_in > 0 and b.height_in > MAX_FIGURE_HEIGHT_IN:
            width = MAX_FIGURE_HEIGHT_IN / b.height_in
        return {
            "t": "figure",
            "number": b.number,
            # charts arrive as vector SVG for print; pictures (and fallbacks) as PNG
            "img": self.image(b.svg, "svg") if b.svg else self.image(b.png),
            "width": round(width, 4),
            "alt": b.alt,
            "caption": self.inl(b.caption),
            "portion": b.portion,
            "caption_portion": b.caption_portion,
        }


def _trim_before_mark(out: list[dict[str, Any]]) -> None:
    """A note mark sits against the word before it: "city.¹", never "city ¹"."""
    if out and "s" in out[-1] and "l" not in out[-1]:
        text = out[-1]["s"].rstrip(" ")
        if text:
            out[-1]["s"] = text
        else:
            out.pop()


def column_weights(columns: list[str], rows: list[list[str]]) -> list[float]:
    """Relative column widths from the longest entry of each column (clamped), so a
    one-letter grade column does not take as much room as a column of sentences."""
    weights = []
    for i, head in enumerate(columns):
        cells = [head] + [r[i] for r in rows if i < len(r)]
        longest = max(len(c) for c in cells)
        longest_word = max((len(w) for c in cells for w in c.split()), default=0)
        # +4: every cell has the same padding, which short columns feel most.
        weights.append(float(min(max(longest, longest_word + 2, 6), 40) + 4))
    return weights


def _date_parts(iso: str) -> list[int] | None:
    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return None
    return [d.year, d.month, d.day]


class DataCache:
    """`to_typst_data` for a document edited a little at a time (the live preview).

    A block that is the same object as before, or equal to it while the notes are
    unchanged, keeps its converted dict: converting the whole large briefing takes ~50 ms,
    a tenth of the preview's budget. The reused dicts are the very same objects, so later
    steps can tell unchanged blocks apart by identity.
    """

    def __init__(self) -> None:
        self._doc: ResolvedDocument | None = None
        self._dicts: list[dict[str, Any] | None] = []
        self._data: TypstData | None = None

    def convert(self, doc: ResolvedDocument) -> TypstData:
        prev, data = self._doc, self._data
        if prev is None or data is None or not _same_frame(prev, doc):
            data, self._dicts = _build(doc, breakable)
        else:
            data = self._update(prev, doc, data)
        self._doc, self._data = doc, data
        return data

    def _update(self, prev: ResolvedDocument, doc: ResolvedDocument, old: TypstData) -> TypstData:
        conv = _Converter(doc.notes if doc.is_note_style else [], breakable)
        dicts: list[dict[str, Any] | None] = []
        for i, b in enumerate(doc.blocks):
            before = prev.blocks[i] if i < len(prev.blocks) else None
            same = i < len(self._dicts) and (before is b or before == b)
            dicts.append(self._dicts[i] if same else conv.block(b))
        self._dicts = dicts
        blocks = [d for d in dicts if d is not None]
        images = dict(conv.images)
        for d in blocks:
            if d["t"] == "figure" and d["img"] and d["img"] not in images:
                images[d["img"]] = old.images[d["img"]]
        return TypstData({**old.obj, "blocks": blocks}, images)


def _same_frame(a: ResolvedDocument, b: ResolvedDocument) -> bool:
    """Everything but the blocks is unchanged (so unchanged blocks convert the same)."""
    return (
        a.meta == b.meta
        and a.is_note_style == b.is_note_style
        and (a.notes is b.notes or a.notes == b.notes)
        and (a.bibliography is b.bibliography or a.bibliography == b.bibliography)
        and a.bibliography_groups == b.bibliography_groups
        and a.source_summary == b.source_summary
    )


def to_typst_data(doc: ResolvedDocument, *, break_words: bool = True) -> TypstData:
    """Everything the template reads, as JSON; the caller writes `images` beside it.

    `break_words=False` keeps text exactly as typed, for writers that wrap long words
    themselves (the HTML writer shares this data with the PDF templates).
    """
    return _build(doc, breakable if break_words else _keep)[0]


def _build(
    doc: ResolvedDocument, wrap: Callable[[str], str]
) -> tuple[TypstData, list[dict[str, Any] | None]]:
    """The data, and the dict of each resolved block (None where a block is not printed)."""
    conv = _Converter(doc.notes if doc.is_note_style else [], wrap)
    dicts = [conv.block(b) for b in doc.blocks]
    meta = doc.meta
    banner = None
    if meta.banner and meta.banner.text:
        banner = {
            "text": meta.banner.text,
            "is_tlp": meta.banner.is_tlp,
            "colour": colour(meta.banner.colour, "#000000"),
            "background": colour(meta.banner.background, "#FFFFFF"),
        }
    groups = doc.bibliography_groups or ([("", doc.bibliography)] if doc.bibliography else [])
    data = {
        "meta": {
            "title": meta.title or "Untitled briefing",
            "subtitle": meta.subtitle,
            "authors": list(meta.authors),
            "organisation": meta.organisation,
            "date": _date_parts(meta.date),
            "date_display": meta.date_display or meta.date,
            "distribution": meta.distribution,
            "keywords": list(meta.keywords),
            "banner": banner,
            "style_name": meta.style_name,
            "endnotes": meta.notes_placement == "endnotes",
        },
        "blocks": [d for d in dicts if d is not None],
        "notes": [conv.rich(n) for n in doc.notes] if doc.is_note_style else [],
        "bibliography_title": doc.meta.bibliography_title,
        "bibliography": [
            {"title": title, "entries": [conv.rich(e) for e in entries]}
            for title, entries in groups
        ],
        "source_summary": [conv.wrap(p) for p in doc.source_summary],
    }
    return TypstData(data, conv.images), dicts
