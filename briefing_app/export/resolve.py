"""Resolve a briefing once into the neutral document every writer maps to its format.

This is the single export pipeline: numbering, citation formatting (through the one
citation engine), chart rendering (through the one chart renderer) and markings all
happen here, so DOCX, PDF, HTML and the preview cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date as _date

from ..cite import (
    CitationEngine,
    CitePoint,
    RichRun,
    RichText,
    UnknownStyleError,
    cite_points,
    get_style,
)
from ..model.blocks import (
    Chart,
    Image,
    KeyJudgments,
    Paragraph,
    Quote,
    Scenarios,
    Signposts,
    Table,
)
from ..model.briefing import DEFAULT_STYLE, Briefing
from ..model.chart import ChartSpec
from ..model.estimative import get_scale
from ..model.inline import CiteRun, TextRun, parse_inline
from ..model.markings import MarkingScheme, get_scheme
from ..model.snippet import Snippet
from ..model.source import Source
from .document import (
    Banner,
    Block,
    BlockQuote,
    DocMeta,
    Figure,
    Heading,
    Inline,
    InTextCitation,
    JudgmentItem,
    KeyJudgmentsBox,
    NoteRef,
    Para,
    ResolvedDocument,
    ScenarioRow,
    ScenarioTable,
    SignpostRow,
    SignpostTable,
    TableBlock,
    Text,
)
from .templates import TemplateInfo, load_template_info


@dataclass(frozen=True)
class RenderedImage:
    png: bytes
    width_in: float
    height_in: float
    svg: bytes | None = None


#: Draws a chart at a printed width (inches); the export layer never draws charts itself.
ChartRenderer = Callable[[ChartSpec, float, str], RenderedImage]
#: Returns the bytes of an image block (from the project's attachments), or None if missing.
ImageLoader = Callable[[Image], bytes | None]

TEXT_WIDTH_IN = 6.3


def resolve_document(
    briefing: Briefing,
    sources: Mapping[str, Source],
    snippets: Mapping[str, Snippet],
    *,
    chart_renderer: ChartRenderer | None = None,
    image_loader: ImageLoader | None = None,
    engine: CitationEngine | None = None,
    with_grades: bool = False,
) -> ResolvedDocument:
    """Build the resolved document; problems are collected, never fatal, so the rest of
    the briefing still exports (a missing snippet shows as a marked gap in its note)."""
    problems: list[str] = []
    template = load_template_info(briefing.template, problems)
    engine = engine or _engine(briefing.style, with_grades, problems)
    points = cite_points(briefing, sources, snippets)
    formatted = engine.format(points)
    problems.extend(formatted.problems)
    marks = _Markings(get_scheme(briefing.marking_scheme) if briefing.marking_scheme else None)
    builder = _Builder(
        briefing, points, formatted.notes, formatted.is_note_style, snippets, marks,
        chart_renderer or default_chart_renderer, image_loader, template, problems,
    )
    blocks = builder.build()
    meta = DocMeta(
        title=briefing.title,
        subtitle=briefing.subtitle,
        authors=list(briefing.authors),
        organisation=briefing.organisation,
        date=briefing.date,
        date_display=display_date(briefing.date),
        distribution=briefing.distribution,
        keywords=list(briefing.keywords),
        banner=_banner(briefing, marks.scheme),
        style=engine.style.key,
        style_name=engine.style.name,
        notes_placement=briefing.notes,
        template=template.key,
        numbered_headings=template.numbered_headings,
        # "Sources" as briefings title it; author-date and numeric styles say "References"
        bibliography_title="Sources" if formatted.is_note_style else "References",
    )
    return ResolvedDocument(
        meta=meta,
        blocks=blocks,
        notes=formatted.notes if formatted.is_note_style else [],
        bibliography=formatted.bibliography,
        bibliography_groups=formatted.bibliography_groups,
        problems=problems,
        is_note_style=formatted.is_note_style,
    )


def _engine(style: str, with_grades: bool, problems: list[str]) -> CitationEngine:
    try:
        get_style(style)
    except UnknownStyleError as e:
        problems.append(f"{e}; the default style ({DEFAULT_STYLE}) was used instead")
        style = DEFAULT_STYLE
    return CitationEngine(style, with_grades=with_grades or style == "intelligence")


def chart_renderer_for(formats: tuple[str, ...] = ("png",)) -> ChartRenderer:
    """The one chart renderer (charts layer, cached), drawing only the formats a writer
    uses: PNG for DOCX and HTML, SVG (vector) for PDF."""

    def render(spec: ChartSpec, width_in: float, scale: str) -> RenderedImage:
        from ..charts.cache import render_for_export

        out = render_for_export(spec, width_in, scale, formats)
        return RenderedImage(out.png, out.width_in, out.height_in, out.svg)

    return render


default_chart_renderer = chart_renderer_for(("png",))


def display_date(iso: str) -> str:
    """"2025-11-10" -> "10 November 2025", as briefings print dates; other forms unchanged."""
    try:
        d = _date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {d.strftime('%B')} {d.year}"


class _Markings:
    def __init__(self, scheme: MarkingScheme | None) -> None:
        self.scheme = scheme

    def portion(self, marking: str) -> str:
        if not marking or self.scheme is None:
            return ""
        level = self.scheme.lookup(marking)
        return f"({level.portion})" if level else f"({marking})"


def _banner(briefing: Briefing, scheme: MarkingScheme | None) -> Banner | None:
    if briefing.classification:
        level = scheme.lookup(briefing.classification) if scheme else None
        if level:
            return Banner(level.banner, level.colour, level.background, scheme.is_tlp)
        return Banner(briefing.classification)
    if scheme is None:
        return None
    highest = scheme.highest(briefing.portion_markings())
    if highest is None:
        return None
    return Banner(highest.banner, highest.colour, highest.background, scheme.is_tlp)


class _Builder:
    """Walks the briefing once, turning each block into resolved blocks."""

    def __init__(
        self,
        briefing: Briefing,
        points: list[CitePoint],
        notes: list[RichText],
        is_note_style: bool,
        snippets: Mapping[str, Snippet],
        marks: _Markings,
        chart_renderer: ChartRenderer,
        image_loader: ImageLoader | None,
        template: TemplateInfo,
        problems: list[str],
    ) -> None:
        self.briefing = briefing
        self.snippets = snippets
        self.marks = marks
        self.chart_renderer = chart_renderer
        self.image_loader = image_loader
        self.template = template
        self.problems = problems
        self.is_note_style = is_note_style
        self.notes = notes
        self.scale = get_scale(briefing.scale)
        self.cites: dict[tuple[int, int, int], Inline] = {}
        for index, point in enumerate(points):
            self.cites[point.where] = (
                NoteRef(index + 1) if is_note_style else InTextCitation(notes[index])
            )
        self.figures = 0
        self.tables = 0
        self.counters = [0, 0, 0]
        self.scenario_titles = {s.id: s.title for s in briefing.scenarios()}

    def build(self) -> list[Block]:
        out: list[Block] = []
        for s, section in enumerate(self.briefing.sections):
            out.append(self._heading(s, section.level, section.heading, section.marking))
            for b, block in enumerate(section.blocks):
                out.extend(self._block(s, b, block))
        return out

    def _heading(self, s: int, level: int, text: str, marking: str) -> Heading:
        number = ""
        if self.template.numbered_headings:
            self.counters[level - 1] += 1
            for deeper in range(level, 3):
                self.counters[deeper] = 0
            number = ".".join(str(n) for n in self.counters[:level])
        return Heading(level, text, number, self.marks.portion(marking), anchor=f"sec-{s + 1}")

    def _cite(self, s: int, b: int, i: int) -> list[Inline]:
        found = self.cites.get((s, b, i))
        return [found] if found else []

    def _inlines(self, text: str, s: int, b: int) -> list[Inline]:
        out: list[Inline] = []
        group = 0
        for run in parse_inline(text):
            if isinstance(run, TextRun):
                out.append(Text(run.text, run.bold, run.italic, run.link))
            elif isinstance(run, CiteRun):
                cite = self._cite(s, b, group)
                if cite and not self.is_note_style:
                    out.append(Text(" "))
                out.extend(cite)
                group += 1
        return _place_note_marks(out) if self.is_note_style else out

    def _block(self, s: int, b: int, block: object) -> list[Block]:
        if isinstance(block, Paragraph):
            return [Para(self._inlines(block.text, s, b), self.marks.portion(block.marking))]
        if isinstance(block, Quote):
            return [self._quote(s, b, block)]
        if isinstance(block, Chart):
            return [self._chart(s, b, block)]
        if isinstance(block, Image):
            figure = self._image(s, b, block)
            return [figure] if figure else []
        if isinstance(block, Table):
            self.tables += 1
            caption = [Text(f"Table {self.tables}: {block.caption}".rstrip(": "))]
            return [TableBlock(self.tables, caption + self._cite(s, b, -1), list(block.columns),
                               [list(r) for r in block.rows], self.marks.portion(block.marking))]
        if isinstance(block, KeyJudgments):
            return [self._judgments(s, b, block)]
        if isinstance(block, Scenarios):
            return [self._scenarios(s, b, block)]
        if isinstance(block, Signposts):
            return [self._signposts(s, b, block)]
        return []

    def _quote(self, s: int, b: int, block: Quote) -> BlockQuote:
        snippet = self.snippets.get(block.snippet)
        if snippet is None:
            self.problems.append(
                f"quote block {b + 1} in section {s + 1}: snippet {block.snippet} no longer "
                "exists; the quote is left out of the text"
            )
            return BlockQuote(f"[missing quote {block.snippet}]", self._cite(s, b, -1),
                              self.marks.portion(block.marking))
        if snippet.translation:
            return self._translated_quote(s, b, block, snippet)
        return BlockQuote(" ".join(snippet.text.split()), self._cite(s, b, -1),
                          self.marks.portion(block.marking))

    def _translated_quote(self, s: int, b: int, block: Quote, snippet: Snippet) -> BlockQuote:
        """Show one language in the quote and give the other in its note, so the reader
        can always check the original wording."""
        original = " ".join(snippet.text.split())
        show_translation = self.briefing.quote_language == "translation"
        shown = snippet.translation if show_translation else original
        other = original if show_translation else snippet.translation
        label = "Original" if show_translation else (
            f"Translation by {snippet.translator}" if snippet.translator else "Translation"
        )
        if show_translation and snippet.translator:
            label = f"Original (translated by {snippet.translator})"
        cite = self._cite(s, b, -1)
        if cite and isinstance(cite[0], NoteRef):
            n = cite[0].number - 1
            self.notes[n] = (*self.notes[n], RichRun(f" {label}: \u201c{other}.\u201d"))
        return BlockQuote(shown, cite, self.marks.portion(block.marking), original=other)

    def _caption(self, label: str, caption: str, s: int, b: int) -> list[Inline]:
        self.figures += 1
        text = f"{label} {self.figures}: {caption}" if caption else f"{label} {self.figures}"
        return [Text(text), *self._cite(s, b, -1)]

    def _chart(self, s: int, b: int, block: Chart) -> Figure:
        spec = block.spec
        caption = self._caption("Figure", spec.caption or spec.title, s, b)
        try:
            image = self.chart_renderer(spec, TEXT_WIDTH_IN, self.briefing.scale)
        except Exception as e:  # a chart must never sink the export: report and go on
            message = getattr(e, "message", None) or str(e)
            self.problems.append(f"chart {self.figures} ({spec.title or spec.kind}): {message}")
            image = RenderedImage(b"", 0, 0)
        return Figure(self.figures, caption, spec.description or spec.title, image.png,
                      image.width_in, image.height_in, image.svg,
                      self.marks.portion(block.marking),
                      self.marks.portion(block.caption_marking), spec.title)

    def _image(self, s: int, b: int, block: Image) -> Figure | None:
        data = self.image_loader(block) if self.image_loader else None
        caption = self._caption("Figure", block.caption, s, b)
        if not data:
            self.problems.append(
                f"image {block.path or block.attachment}: its file is not in the project; "
                "re-insert the image"
            )
            return None
        width, height = _png_size(data)
        width_in = TEXT_WIDTH_IN
        height_in = width_in * height / width if width else width_in * 0.6
        return Figure(self.figures, caption, block.description or block.caption, data,
                      width_in, height_in, None, self.marks.portion(block.marking))

    def _band(self, term: str) -> str:
        found = self.scale.lookup(term) if term else None
        return found.band if found and self.briefing.show_bands else ""

    def _judgments(self, s: int, b: int, block: KeyJudgments) -> KeyJudgmentsBox:
        items = [
            JudgmentItem(
                self._inlines(item.text, s, b) + self._cite(s, b, i),
                item.likelihood, self._band(item.likelihood), item.confidence,
                self.marks.portion(item.marking),
            )
            for i, item in enumerate(block.items)
        ]
        return KeyJudgmentsBox(items, self.marks.portion(block.marking))

    def _scenarios(self, s: int, b: int, block: Scenarios) -> ScenarioTable:
        names = {sp.id: sp.name for sp in self.briefing.signposts()}
        rows = [
            ScenarioRow(
                item.title, item.label, item.likelihood, self._band(item.likelihood),
                self._inlines(item.narrative, s, b) + self._cite(s, b, i),
                list(item.drivers), [names.get(ref, ref) for ref in item.signposts],
                self.marks.portion(item.marking),
            )
            for i, item in enumerate(block.items)
        ]
        return ScenarioTable(rows, self.marks.portion(block.marking))

    def _signposts(self, s: int, b: int, block: Signposts) -> SignpostTable:
        rows = [
            SignpostRow(
                item.name,
                self._inlines(item.description, s, b) + self._cite(s, b, i),
                item.signals, item.threshold, item.status,
                display_date(item.last_reviewed),
                [(self.scenario_titles.get(k, k), v) for k, v in item.diagnosticity.items()],
                self.marks.portion(item.marking),
            )
            for i, item in enumerate(block.items)
        ]
        return SignpostTable(rows, self.marks.portion(block.marking))


_CLOSING_PUNCT = re.compile(r"^[.,;:!?\u2026]+")


def _place_note_marks(inlines: list[Inline]) -> list[Inline]:
    """Put note marks where style guides put them: right after the word (no space) and
    after the punctuation that follows ("the city.¹" rather than "the city ¹.")."""
    out = list(inlines)
    for i, item in enumerate(out):
        if not isinstance(item, NoteRef):
            continue
        before = out[i - 1] if i > 0 else None
        if isinstance(before, Text):
            out[i - 1] = before = replace(before, text=before.text.rstrip())
        after = out[i + 1] if i + 1 < len(out) else None
        if isinstance(after, Text) and isinstance(before, Text):
            match = _CLOSING_PUNCT.match(after.text)
            if match:
                out[i - 1] = replace(before, text=before.text + match.group(0))
                out[i + 1] = replace(after, text=after.text[match.end():])
    return [x for x in out if not (isinstance(x, Text) and not x.text)]


def _png_size(data: bytes) -> tuple[int, int]:
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    return 0, 0
