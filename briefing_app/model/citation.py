"""Citations: references from briefing content to snippets or whole sources.

Inline they are written pandoc-style: `[@sn1]`, `[@sn1, p. 4]`, `[see @sn1; @src2, para. 3]`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Pandoc citation keys: start with a letter, digit or _, internal punctuation allowed.
KEY = r"[A-Za-z0-9_][A-Za-z0-9_:.#$%&+?<>~/-]*(?<![:.#$%&+?<>~/-])"
_ITEM = re.compile(rf"^(?P<prefix>[^@]*?)\s*@(?P<key>{KEY})\s*(?P<rest>.*)$", re.S)
#: A bracketed group holding at least one @key; the group may hold several separated by ';'.
CITATION_GROUP = re.compile(rf"\[(?P<body>[^\[\]]*?@{KEY}[^\[\]]*)\]")


@dataclass(frozen=True)
class Citation:
    """One cited item: `ref` is a snippet id or a source id."""

    ref: str
    locator: str = ""  # e.g. "p. 4", "para. 3"; empty means the snippet's own locator
    prefix: str = ""
    suffix: str = ""

    def to_markdown(self) -> str:
        parts = []
        if self.prefix:
            parts.append(self.prefix + " ")
        parts.append("@" + self.ref)
        tail = ", ".join(p for p in (self.locator, self.suffix.lstrip(", ")) if p)
        if tail:
            parts.append(", " + tail)
        return "".join(parts)


def parse_citation_group(body: str) -> list[Citation] | None:
    """Parse the inside of `[...]`; None when it is not a citation group."""
    items: list[Citation] = []
    for raw in body.split(";"):
        raw = raw.strip()
        if not raw:
            continue
        m = _ITEM.match(raw)
        if not m:
            return None
        rest = m.group("rest").strip()
        locator, suffix = "", ""
        if rest.startswith(","):
            rest = rest[1:].strip()
            lm = _LOCATOR.match(rest)
            if lm:
                locator = _normalise_locator(lm.group("label"), lm.group("value"))
                suffix = lm.group("suffix").strip().lstrip(",").strip()
            elif rest[:1].isdigit():
                # pandoc reads a bare number as a page: [@sn1, 33]
                page, _, suffix = rest.partition(",")
                locator, suffix = f"p. {page.strip()}", suffix.strip()
            else:
                suffix = rest
        elif rest:
            suffix = rest
        items.append(Citation(m.group("key"), locator, m.group("prefix").strip(), suffix))
    return items or None


_LABELS = {
    "p": "p.", "page": "p.", "pp": "pp.", "pages": "pp.",
    "para": "para.", "paragraph": "para.", "paras": "paras.", "paragraphs": "paras.",
    "post": "post", "posts": "posts", "sec": "sec.", "section": "sec.",
    "ch": "ch.", "chapter": "ch.", "fig": "fig.", "figure": "fig.",
    "l": "l.", "line": "l.", "ll": "ll.", "lines": "ll.", "col": "col.", "column": "col.",
    "no": "no.", "number": "no.", "n": "n.", "vol": "vol.", "volume": "vol.", "s": "s.",
}


_LOCATOR = re.compile(
    r"^(?P<label>(?:" + "|".join(sorted(_LABELS, key=len, reverse=True)) + r"))(?:\.\s*|\s+)"
    r"(?P<value>[\w\u2013-]+(?:\s*[-\u2013,]\s*\d+\w*)*)(?P<suffix>.*)$",
    re.I | re.S,
)


def _normalise_locator(label: str, value: str) -> str:
    key = label.lower().rstrip(".")
    return f"{_LABELS.get(key, label)} {value.strip()}"


def format_citation_group(citations: list[Citation]) -> str:
    return "[" + "; ".join(c.to_markdown() for c in citations) + "]"
