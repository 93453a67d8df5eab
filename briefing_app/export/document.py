"""The resolved document: a briefing with everything a writer needs already decided.

Headings and figures are numbered, citations are formatted notes, charts are rendered,
markings are resolved to portion marks and a banner. Writers (DOCX, PDF, HTML, preview)
only map these plain objects to their format, so they cannot disagree with each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..cite import RichText


@dataclass(frozen=True)
class Text:
    """Inline text from the analyst (paragraphs, items): bold/italic/link only."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str = ""


@dataclass(frozen=True)
class NoteRef:
    """A note reference mark; `number` indexes `ResolvedDocument.notes` (1-based)."""

    number: int


@dataclass(frozen=True)
class InTextCitation:
    """An author-date or numeric citation printed in the running text, e.g. "(Smith 2025)"."""

    text: RichText


Inline = Text | NoteRef | InTextCitation


@dataclass(frozen=True)
class Banner:
    """The page banner: the highest portion marking spelled out (or the explicit text)."""

    text: str
    colour: str = "#000000"
    background: str = "#FFFFFF"
    is_tlp: bool = False


@dataclass
class Heading:
    level: int
    text: str
    number: str = ""  # "2.1" when the template numbers headings
    portion: str = ""  # "(U)"
    anchor: str = ""


@dataclass
class Para:
    inlines: list[Inline]
    portion: str = ""


@dataclass
class BlockQuote:
    """A snippet as a block quote: `text` is what is shown (original or translation)."""

    text: str
    citation: list[Inline]
    portion: str = ""
    original: str = ""  # shown in the note when a translation is displayed


@dataclass
class Figure:
    """A chart or an image with its numbered caption."""

    number: int
    caption: list[Inline]
    alt: str
    png: bytes
    width_in: float
    height_in: float
    svg: bytes | None = None
    portion: str = ""
    caption_portion: str = ""
    title: str = ""


@dataclass
class JudgmentItem:
    text: list[Inline]
    likelihood: str
    band: str
    confidence: str
    portion: str = ""


@dataclass
class KeyJudgmentsBox:
    items: list[JudgmentItem]
    portion: str = ""


@dataclass
class ScenarioRow:
    title: str
    label: str
    likelihood: str
    band: str
    narrative: list[Inline]
    drivers: list[str]
    signposts: list[str]
    portion: str = ""


@dataclass
class ScenarioTable:
    rows: list[ScenarioRow]
    portion: str = ""


@dataclass
class SignpostRow:
    name: str
    description: list[Inline]
    signals: str
    threshold: str
    status: str
    last_reviewed: str
    diagnosticity: list[tuple[str, str]]  # (scenario title, rating)
    portion: str = ""


@dataclass
class SignpostTable:
    rows: list[SignpostRow]
    portion: str = ""


@dataclass
class TableBlock:
    number: int
    caption: list[Inline]
    columns: list[str]
    rows: list[list[str]]
    portion: str = ""


Block = (
    Heading | Para | BlockQuote | Figure | KeyJudgmentsBox | ScenarioTable | SignpostTable
    | TableBlock
)


@dataclass
class DocMeta:
    title: str
    subtitle: str = ""
    authors: list[str] = field(default_factory=list)
    organisation: str = ""
    date: str = ""
    date_display: str = ""
    distribution: str = ""
    keywords: list[str] = field(default_factory=list)
    banner: Banner | None = None
    style: str = ""
    style_name: str = ""
    notes_placement: str = "footnotes"
    template: str = "strategic"
    numbered_headings: bool = False
    #: The heading of the back-matter list of cited sources, the same in every format.
    bibliography_title: str = "Sources"


@dataclass
class ResolvedDocument:
    meta: DocMeta
    blocks: list[Block]
    notes: list[RichText]  # note N is notes[N - 1]; empty for in-text styles
    bibliography: list[RichText]
    bibliography_groups: list[tuple[str, list[RichText]]] | None = None
    source_summary: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    is_note_style: bool = True

    def headings(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading)]
