"""Inline rich text: the Markdown subset paragraphs use, parsed into runs.

Supported: `*italic*` / `_italic_`, `**bold**` / `__bold__`, `[text](https://link)`,
backslash escapes, and pandoc-style citation groups `[@sn1, p. 4; @sn2]`. Anything else is
literal text, so user text can never turn into markup by accident.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .citation import CITATION_GROUP, Citation, parse_citation_group


@dataclass(frozen=True)
class TextRun:
    text: str
    bold: bool = False
    italic: bool = False
    link: str = ""


@dataclass(frozen=True)
class CiteRun:
    """A citation point: one note reference (or one in-text citation) for these items."""

    citations: tuple[Citation, ...] = field(default_factory=tuple)


Run = TextRun | CiteRun

_LINK = re.compile(r"\[(?P<text>[^\[\]]+)\]\((?P<url>[^()\s]+)\)")
_ESCAPABLE = set("\\`*_{}[]()#+-.!@~<>$=/|\"'")
#: The characters where markup can start; everything between them is literal text.
_SPECIAL = re.compile(r"[\\\[*_]")


def parse_inline(text: str) -> list[Run]:
    """Split paragraph text into runs; adjacent runs with the same style are merged."""
    runs: list[Run] = []
    _parse(text, bold=False, italic=False, link="", out=runs)
    return _merge(runs)


def plain_text(text: str) -> str:
    """The paragraph as readers see it, without citations (for checks and search)."""
    return "".join(r.text for r in parse_inline(text) if isinstance(r, TextRun))


def citations_in(text: str) -> list[Citation]:
    """Every citation in reading order."""
    out: list[Citation] = []
    for run in parse_inline(text):
        if isinstance(run, CiteRun):
            out.extend(run.citations)
    return out


def escape_markdown(text: str) -> str:
    """Escape literal text so parse_inline gives it back unchanged."""
    return "".join("\\" + ch if ch in "\\*_[]" else ch for ch in text)


def _parse(text: str, *, bold: bool, italic: bool, link: str, out: list[Run]) -> None:
    buf: list[str] = []

    def flush() -> None:
        if buf:
            out.append(TextRun("".join(buf), bold, italic, link))
            buf.clear()

    i = 0
    n = len(text)
    while i < n:
        # Plain text up to the next character that may start markup is taken in one
        # slice: stepping through it a character at a time was most of an export's time.
        special = _SPECIAL.search(text, i)
        if special is None:
            buf.append(text[i:])
            break
        if special.start() > i:
            buf.append(text[i : special.start()])
            i = special.start()
        ch = text[i]
        if ch == "\\" and i + 1 < n and text[i + 1] in _ESCAPABLE:
            buf.append(text[i + 1])
            i += 2
            continue
        if ch == "[":
            cite = CITATION_GROUP.match(text, i)
            if cite:
                group = parse_citation_group(cite.group("body"))
                if group:
                    flush()
                    out.append(CiteRun(tuple(group)))
                    i = cite.end()
                    continue
            lk = _LINK.match(text, i)
            if lk and not link:
                flush()
                _parse(lk.group("text"), bold=bold, italic=italic, link=lk.group("url"), out=out)
                i = lk.end()
                continue
        if ch in "*_":
            double = text.startswith(ch * 2, i)
            marker = ch * 2 if double else ch
            close = _find_closing(text, i + len(marker), marker)
            if close != -1 and _opens(text, i, marker):
                flush()
                inner = text[i + len(marker) : close]
                if double:
                    _parse(inner, bold=True, italic=italic, link=link, out=out)
                else:
                    _parse(inner, bold=bold, italic=True, link=link, out=out)
                i = close + len(marker)
                continue
        buf.append(ch)
        i += 1
    flush()


def _opens(text: str, i: int, marker: str) -> bool:
    """An emphasis marker opens only before non-space text (so "2 * 3" stays literal);
    underscores inside words (snake_case) stay literal."""
    after = i + len(marker)
    if after >= len(text) or text[after].isspace():
        return False
    return not (marker[0] == "_" and i > 0 and text[i - 1].isalnum())


def _find_closing(text: str, start: int, marker: str) -> int:
    j = start
    while True:
        j = text.find(marker, j)
        if j == -1:
            return -1
        if text[j - 1] == "\\":
            j += 1
            continue
        if len(marker) == 1 and text.startswith(marker * 2, j):
            # `**` inside a single-marker span belongs to a nested bold; skip it whole
            # (checked before the space rule, which would split the `**` in two).
            closing_bold = text.find(marker * 2, j + 2)
            if closing_bold != -1:
                j = closing_bold + 2
                continue
        if j == start or text[j - 1].isspace():
            j += 1
            continue
        if len(marker) == 2:
            # In a run such as `***` the bold closes on the last two markers; the first
            # closes an inner italic (`***key***`).
            while text.startswith(marker[0], j + 2):
                j += 1
        end = j + len(marker)
        if marker[0] == "_" and end < len(text) and text[end].isalnum():
            j += 1
            continue
        return j


def _merge(runs: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in runs:
        last = merged[-1] if merged else None
        if (
            isinstance(run, TextRun)
            and isinstance(last, TextRun)
            and (last.bold, last.italic, last.link) == (run.bold, run.italic, run.link)
        ):
            merged[-1] = TextRun(last.text + run.text, run.bold, run.italic, run.link)
        elif not (isinstance(run, TextRun) and not run.text):
            merged.append(run)
    return merged
