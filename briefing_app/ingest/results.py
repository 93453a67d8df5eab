"""What importers hand over (Captured), what the analyst asked for (SourceOverrides),
and what an import did (ImportedSource, ImportResult)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.errors import ValidationError
from ..model.grades import check_reliability
from ..model.source import Person, Source, check_date, check_source_type


@dataclass
class Captured:
    """One document's text and the metadata found in it, before it becomes a Source.

    Every extractor (text, HTML, PDF, DOCX, reference record) fills one of these; turning
    it into a stored Source happens in one place (`importer.store_captured`).
    """

    text: str
    title: str = ""
    authors: list[Person] = field(default_factory=list)
    container_title: str = ""
    publisher: str = ""
    issued: str = ""
    url: str = ""
    accessed: str = ""
    language: str = ""
    type: str = ""
    locators: list[tuple[int, str]] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # things the analyst should know
    #: The original bytes to keep: (file name, MIME type, data).
    original: tuple[str, str, bytes] | None = None
    origin: str = ""
    #: Identity of a record without text (a bare reference), for duplicate detection.
    identity: str = ""


@dataclass
class SourceOverrides:
    """Metadata the analyst gave explicitly (CLI flags, the import dialog); beats detection.

    Empty strings and None mean "keep what was detected".
    """

    type: str = ""
    reliability: str = ""
    descriptor: str = ""
    title: str = ""
    authors: list[str] | None = None
    container_title: str = ""  # outlet
    publisher: str = ""
    issued: str = ""  # date
    url: str = ""
    language: str = ""

    def validate(self) -> SourceOverrides:
        """Check the values before any file is read, so a typo fails fast and alone."""
        if self.type:
            self.type = check_source_type(self.type, "--type")
        if self.reliability:
            self.reliability = check_reliability(self.reliability, "--reliability")
        if self.issued:
            self.issued = check_date(self.issued, "--date")
        if self.url and not self.url.startswith(("http://", "https://")):
            raise ValidationError(f"URL {self.url!r} must start with http:// or https://", "--url")
        return self


@dataclass
class ImportedSource:
    """One source an import produced, or found already in the library."""

    source: Source
    duplicate_of: str | None = None  # same text already in the library: nothing was added
    near_duplicate_of: str | None = None  # a twin (same story re-reported), flagged not merged
    similarity: float = 0.0
    notes: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.duplicate_of:
            return "duplicate"
        if self.near_duplicate_of:
            return "near-duplicate"
        return "imported"

    def message(self) -> str:
        """One line for the analyst (CLI output, the import dialog's report)."""
        s = self.source
        if self.duplicate_of:
            return f"already in the library as {self.duplicate_of}: {s.title}"
        line = f"imported {s.id}: {s.title}"
        if self.near_duplicate_of:
            line += (
                f" (looks like a re-report of {self.near_duplicate_of}, "
                f"{self.similarity:.0%} the same text; kept both, check and grade them)"
            )
        return line


@dataclass
class ImportResult:
    """Everything one input (a file, a paste, a URL) produced.

    Most inputs give one source; a reference-manager export gives many, and its bad
    records are listed in `problems` (each naming its line) while the good ones import.
    """

    origin: str
    items: list[ImportedSource] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def source(self) -> Source:
        """The (first) source: the usual case of one input, one source."""
        if not self.items:
            raise ValueError(f"{self.origin} produced no source")
        return self.items[0].source

    @property
    def added(self) -> list[ImportedSource]:
        return [i for i in self.items if not i.duplicate_of]

    @property
    def duplicates(self) -> list[ImportedSource]:
        return [i for i in self.items if i.duplicate_of]

    @property
    def near_duplicates(self) -> list[ImportedSource]:
        return [i for i in self.items if i.near_duplicate_of]

    def messages(self) -> list[str]:
        lines = [i.message() for i in self.items]
        lines += [n for i in self.items for n in i.notes]
        lines += self.problems
        return lines
