"""Snippets: exact quotes that keep their provenance and never drift from their source."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import ValidationError
from .grades import UNJUDGED_CREDIBILITY, check_credibility
from .source import Source
from .text import clean_text, find_quote


@dataclass
class Snippet:
    """A quote at [start, end) of its source's captured text.

    `text` is a copy of the quoted characters; when the source's text at those offsets no
    longer equals it, the snippet has drifted, which is reported, never silently repaired.
    """

    id: str
    source_id: str
    start: int
    end: int
    text: str
    locator: str = ""
    credibility: int = UNJUDGED_CREDIBILITY
    tags: list[str] = field(default_factory=list)
    note: str = ""
    translation: str = ""
    translator: str = ""
    created_at: str = ""

    def validate(self, source: Source | None = None) -> None:
        if not self.id:
            raise ValidationError("a snippet needs an id", "id")
        self.credibility = check_credibility(self.credibility)
        if self.start < 0 or self.end <= self.start:
            raise ValidationError(
                f"snippet offsets {self.start}-{self.end} are not a span (start < end, both >= 0)",
                "start",
            )
        if source is not None:
            if self.source_id != source.id:
                raise ValidationError(
                    f"snippet belongs to source {self.source_id!r}, not {source.id!r}", "source"
                )
            if self.end > len(source.text):
                raise ValidationError(
                    f"snippet offsets {self.start}-{self.end} fall outside its source "
                    f"{source.id!r}, whose text has {len(source.text)} characters",
                    "end",
                )

    def drift(self, source: Source) -> str | None:
        """A message when the source text at the offsets differs from the quote, else None."""
        actual = source.text[self.start : self.end]
        if actual == self.text:
            return None
        return (
            f"snippet {self.id} no longer matches source {source.id} at {self.start}-{self.end}: "
            f"expected {self.text[:60]!r}, found {actual[:60]!r}"
        )


class QuoteNotFound(ValidationError):
    """The quote does not occur in the source (or occurs more than once)."""


def locate_quote(source: Source, quote: str) -> tuple[int, int]:
    """Offsets of `quote` in `source.text`, tolerant of whitespace and typographic marks.

    Raises QuoteNotFound when there is no match or more than one, saying which, so the
    analyst can lengthen the quote until it is unique.
    """
    quote = clean_text(quote)
    spans = find_quote(source.text, quote)
    short = quote if len(quote) <= 60 else quote[:57] + "..."
    if not spans:
        raise QuoteNotFound(
            f"the quote {short!r} does not occur in source {source.id} ({source.title}); "
            "copy it exactly from the source text"
        )
    if len(spans) > 1:
        where = ", ".join(f"{s}-{e}" for s, e in spans[:5])
        raise QuoteNotFound(
            f"the quote {short!r} occurs {len(spans)} times in source {source.id} "
            f"(at {where}); quote more words so it is unique"
        )
    return spans[0]


def snippet_from_quote(
    snippet_id: str, source: Source, quote: str, **fields: object
) -> Snippet:
    """Build a snippet for `quote`, with the locator found from the source's locator map."""
    start, end = locate_quote(source, quote)
    return snippet_from_offsets(snippet_id, source, start, end, **fields)


def snippet_from_offsets(
    snippet_id: str, source: Source, start: int, end: int, **fields: object
) -> Snippet:
    """Build a snippet from a selection; the quoted text is copied from the source."""
    probe = Snippet(snippet_id, source.id, start, end, "")
    probe.validate(source)
    locator = str(fields.pop("locator", "") or "") or source.locator_at(start)
    snippet = Snippet(
        id=snippet_id,
        source_id=source.id,
        start=start,
        end=end,
        text=source.text[start:end],
        locator=locator,
        **fields,  # type: ignore[arg-type]
    )
    snippet.validate(source)
    return snippet
