"""Sources: what the analyst read, with CSL metadata, captured text and an Admiralty grade."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from .errors import ValidationError
from .grades import UNJUDGED_RELIABILITY, check_reliability
from .text import clean_text

#: Our source types (the `--type` names) and the CSL item type each maps to.
SOURCE_TYPES: dict[str, tuple[str, str]] = {
    "article": ("news article", "article-newspaper"),
    "social": ("social-media post or thread", "post"),
    "report": ("report", "report"),
    "statement": ("official statement", "document"),
    "state-media": ("state-affiliated media", "article-newspaper"),
    "dataset": ("dataset", "dataset"),
    "interview": ("interview note", "interview"),
    "other": ("other", "document"),
}

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def check_source_type(value: str, path: str = "type") -> str:
    kind = str(value).strip().lower()
    if kind not in SOURCE_TYPES:
        raise ValidationError(
            f"unknown source type {value!r}; use one of: {', '.join(SOURCE_TYPES)}", path
        )
    return kind


def check_date(value: str, path: str = "date") -> str:
    """Accept YYYY, YYYY-MM or YYYY-MM-DD with a real month and day; return it unchanged."""
    m = _DATE.match(str(value).strip())
    if not m:
        raise ValidationError(f"date {value!r} is not in the form YYYY-MM-DD", path)
    year, month, day = m.group(1), m.group(2), m.group(3)
    if month and not 1 <= int(month) <= 12:
        raise ValidationError(f"date {value!r} has no month {month}", path)
    if day:
        import calendar

        last = calendar.monthrange(int(year), int(month))[1]
        if not 1 <= int(day) <= last:
            raise ValidationError(f"date {value!r} has no day {day} in that month", path)
    return str(value).strip()


def content_hash(text: str) -> str:
    """SHA-256 of the text with whitespace normalised, so re-imports are recognised."""
    normal = " ".join(text.split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


@dataclass
class Person:
    """A CSL name: personal (family/given) or institutional (`literal`)."""

    family: str = ""
    given: str = ""
    literal: str = ""

    @classmethod
    def parse(cls, text: str) -> Person:
        """"Smith, Jane" or "Jane Smith" become family/given; one word stays literal."""
        text = " ".join(str(text).split())
        if "," in text:
            family, given = (part.strip() for part in text.split(",", 1))
            return cls(family=family, given=given)
        parts = text.rsplit(" ", 1)
        if len(parts) == 2 and not text.startswith("@"):
            return cls(family=parts[1], given=parts[0])
        return cls(literal=text)

    def display(self) -> str:
        if self.literal:
            return self.literal
        return " ".join(p for p in (self.given, self.family) if p)

    def to_csl(self) -> dict[str, str]:
        if self.literal:
            return {"literal": self.literal}
        out = {"family": self.family}
        if self.given:
            out["given"] = self.given
        return out

    @classmethod
    def from_csl(cls, data: dict[str, str]) -> Person:
        return cls(
            family=data.get("family", ""),
            given=data.get("given", ""),
            literal=data.get("literal", ""),
        )


@dataclass
class Source:
    """A document in the library.

    Bibliographic fields follow CSL-JSON names so the citation engine and reference-manager
    exports need no mapping table. `text` is the captured full text that snippets point into.
    """

    id: str
    title: str
    type: str = "other"
    authors: list[Person] = field(default_factory=list)
    container_title: str = ""  # the outlet: newspaper, site, platform, journal
    publisher: str = ""
    issued: str = ""  # YYYY[-MM[-DD]]
    url: str = ""
    accessed: str = ""
    language: str = ""
    text: str = ""
    reliability: str = UNJUDGED_RELIABILITY
    descriptor: str = ""  # access, bias, motivation, expertise, currency
    origin: str = ""  # file path or URL it was captured from
    captured_at: str = ""  # ISO timestamp
    sha256: str = ""
    attachment_id: int | None = None
    #: Locator map: (start offset, label) pairs in text order, e.g. (0, "p. 1"), (412, "post 2").
    locators: list[tuple[int, str]] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)  # further CSL fields (handle, number...)

    def __post_init__(self) -> None:
        self.text = clean_text(self.text)
        self.title = clean_text(self.title).strip()
        if not self.sha256 and self.text:
            self.sha256 = content_hash(self.text)

    @classmethod
    def from_stored(cls, text: str = "", **fields: Any) -> Source:
        """A source read back from the project file, whose text was cleaned when it was
        first stored: cleaning it again cost half the time of loading a large library,
        and could only move the offsets that snippets point at. The title (short, and
        printed in every export) is still cleaned; a missing hash is still computed."""
        source = cls(**fields)
        source.text = text
        if not source.sha256 and text:
            source.sha256 = content_hash(text)
        return source

    def validate(self) -> None:
        if not self.id:
            raise ValidationError("a source needs an id", "id")
        if not self.title:
            raise ValidationError("a source needs a title", "title")
        self.type = check_source_type(self.type)
        self.reliability = check_reliability(self.reliability)
        if self.issued:
            check_date(self.issued, "issued")
        if self.accessed:
            check_date(self.accessed, "accessed")

    @property
    def csl_type(self) -> str:
        return SOURCE_TYPES.get(self.type, ("", "document"))[1]

    def author_line(self) -> str:
        return "; ".join(a.display() for a in self.authors)

    def locator_at(self, offset: int) -> str:
        """The locator of the part of the text that `offset` falls in.

        Importers that know pages or post numbers fill `locators`; otherwise the paragraph
        number (blank-line separated) is the locator, as readers count paragraphs.
        """
        if not self.locators:
            return f"para. {paragraph_number(self.text, offset)}"
        label = ""
        for start, name in self.locators:
            if start > offset:
                break
            label = name
        return label

    def to_csl(self) -> dict[str, object]:
        """CSL-JSON for this source; the citation engine and library export read only this."""
        item: dict[str, object] = {"id": self.id, "type": self.csl_type, "title": self.title}
        if self.authors:
            item["author"] = [a.to_csl() for a in self.authors]
        if self.container_title:
            item["container-title"] = self.container_title
        if self.publisher:
            item["publisher"] = self.publisher
        if self.issued:
            item["issued"] = {"date-parts": [[int(p) for p in self.issued.split("-")]]}
        if self.url:
            item["URL"] = self.url
        if self.accessed:
            item["accessed"] = {"date-parts": [[int(p) for p in self.accessed.split("-")]]}
        if self.language:
            item["language"] = self.language
        item.update(self.extra)
        return item


def paragraph_number(text: str, offset: int) -> int:
    """1-based number of the blank-line separated paragraph that holds `offset`."""
    number = 1
    in_gap = False
    seen_text = False
    for ch_index, line in _lines_with_offsets(text):
        if ch_index > offset:
            break
        if not line.strip():
            in_gap = True
            continue
        if in_gap and seen_text:
            number += 1
        in_gap = False
        seen_text = True
    return number


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


_POST = re.compile(r"^\s*(\d{1,3})\s*/\s*(?:\d{1,3})?(?=\s|$)", re.M)


def thread_post_locators(text: str) -> list[tuple[int, str]]:
    """Locators for a social-media thread whose posts start "1/", "2/" (or "2/13") on a line.

    Returns [] unless the numbers run 1, 2, 3... so ordinary text is not mistaken for a thread.
    """
    marks = [(m.start(), int(m.group(1))) for m in _POST.finditer(text)]
    if len(marks) < 2 or [n for _, n in marks] != list(range(1, len(marks) + 1)):
        return []
    return [(0 if i == 0 else start, f"post {n}") for i, (start, n) in enumerate(marks)]
