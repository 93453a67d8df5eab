"""Inputs for the PDF, HTML and preview tests: the sample resolved, a hostile document,
and text normalisation for comparing what a writer printed with what it was given."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from briefing_app.charts.png import png_from_rows
from briefing_app.cite import RichRun, rich_to_plain
from briefing_app.export.document import (
    Banner,
    BlockQuote,
    DocMeta,
    Figure,
    Heading,
    Inline,
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
from briefing_app.export.pipeline import resolve_from_project
from briefing_app.export.resolve import RenderedImage
from briefing_app.sample import build_sample
from briefing_app.store import Project


def png(width: int, height: int, rgb: tuple[int, int, int] = (60, 100, 150)) -> bytes:
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return png_from_rows(width, height, raw)


def stub_chart(spec: object, width_in: float, scale: str) -> RenderedImage:
    """Charts are drawn by the charts layer; these tests only need a picture to place."""
    return RenderedImage(png(120, 60), width_in, width_in / 2)


def resolved_sample(folder: Path, style: str = "") -> ResolvedDocument:
    """The bundled sample briefing resolved (in its own style unless `style` is given)."""
    build_sample(folder / "s.briefing")
    with Project.open(folder / "s.briefing") as project:
        briefing = project.briefings.get()
        if style:
            briefing.style = style
        return resolve_from_project(project, briefing, chart_renderer=stub_chart)


_IGNORED = re.compile(r"[\s\u200b\u00ad\u2010-]+")


def normalise(text: str) -> str:
    """Text as compared: ligatures unfolded, spacing and hyphens removed. Justification,
    line breaks and hyphenation differ between writers and runs; the letters do not (a
    hyphen is dropped on both sides, as a line-end "Ukrainian-" cannot be told from a
    hyphenation point)."""
    return _IGNORED.sub("", unicodedata.normalize("NFKC", text))


def printed_in(text: str, pages: list[str]) -> bool:
    """Whether normalised `text` is on one of the normalised `pages`, or runs from one page
    over the next ones (where running footers, banners and footnotes interrupt it)."""
    t = normalise(text)
    if any(t in page for page in pages):
        return True
    for start in range(len(pages) - 1):
        rest = t
        for page in pages[start:]:
            if rest in page:
                return True
            taken = _bisect(lambda n, r=rest, p=page: r[:n] in p, len(rest))
            if taken == 0:
                break
            rest = rest[taken:]
    return False


def _bisect(ok: object, hi: int) -> int:
    """The largest n in [0, hi] with ok(n), for an ok that holds up to some n and no further."""
    lo = 0
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if ok(mid):  # type: ignore[operator]
            lo = mid
        else:
            hi = mid - 1
    return lo


def inline_texts(items: list[Inline]) -> list[str]:
    """The printed text of inline items, one string per run (note marks split runs)."""
    return [i.text for i in items if isinstance(i, Text) and i.text.strip()]


def block_texts(block: object) -> list[str]:
    """Every piece of text a writer must print for `block`."""
    if isinstance(block, Heading):
        return [block.text]
    if isinstance(block, Para):
        return inline_texts(block.inlines)
    if isinstance(block, BlockQuote):
        return [block.text]
    if isinstance(block, Figure):
        return inline_texts(block.caption)
    if isinstance(block, KeyJudgmentsBox):
        return [t for item in block.items for t in inline_texts(item.text)]
    if isinstance(block, ScenarioTable):
        return [t for r in block.rows for t in (r.title, *inline_texts(r.narrative), *r.drivers)]
    if isinstance(block, SignpostTable):
        return [t for r in block.rows for t in (r.name, *inline_texts(r.description), r.threshold)]
    if isinstance(block, TableBlock):
        return [
            *inline_texts(block.caption),
            *block.columns,
            *(c for row in block.rows for c in row),
        ]
    return []


#: Markup characters of Typst, HTML, Markdown and LaTeX, a file read, unbalanced brackets,
#: Cyrillic and Arabic. Each field of the hostile document carries one of these.
HOSTILE = [
    "# $ * _ ` < > @ [ ] \\ / = + - ~ //",
    '#read("/etc/passwd")',
    "[unbalanced ((( {{ <b> ]] )",
    "<script>alert(1)</script> &amp; {% raw %} {{ 7*7 }}",
    "Кириллица: Покровськ і Мирноград",
    "عربي: بوكروفسك",
    "= not a heading #set page(width: 1cm) $x^2$ *bold* _em_",
]
EMOJI = "Rocket 🚀 and 中文"
LONG_WORD = "W" + "x" * 9_998 + "Z"


def hostile_document() -> ResolvedDocument:
    """Every field of a resolved document filled with text that is markup somewhere."""
    h = HOSTILE

    def t(i: int) -> str:
        return h[i % len(h)]

    notes = [(RichRun(t(i)), RichRun(" " + t(i + 1), italic=True)) for i in range(4)]
    inl: list[Inline] = [
        Text(t(0) + " "),
        Text(t(1), bold=True),
        NoteRef(1),
        Text(" " + t(2)),
        Text(t(3), italic=True),
        Text(t(4), link="https://example.org/a?b=<c>"),
        NoteRef(2),
        Text(" " + LONG_WORD + " " + EMOJI),
    ]
    blocks = [
        Heading(1, t(6), "1", "(U)", "sec-1"),
        Para(inl, "(U)"),
        BlockQuote(t(5), [NoteRef(3)], "(U)", original=t(4)),
        Figure(1, [Text("Figure 1: " + t(0))], t(1), png(40, 20), 6.3, 3.15),
        Figure(2, [Text("Figure 2: " + t(2))], t(3), b"", 0, 0),
        KeyJudgmentsBox([JudgmentItem([Text(t(3)), NoteRef(4)], "likely", "55-80%", "high")]),
        ScenarioTable(
            [ScenarioRow(t(1), t(2), "unlikely", "20-45%", [Text(t(3))], [t(4)], [t(5)])]
        ),
        SignpostTable(
            [
                SignpostRow(
                    t(6), [Text(t(0))], t(1), t(2), "emerging", "1 May 2025", [(t(3), "high")]
                )
            ]
        ),
        TableBlock(1, [Text("Table 1: " + t(4))], [t(5), t(6)], [[t(0), t(1)], [t(2), t(3)]]),
        Heading(2, t(2), "1.1", "", "sec-2"),
        Para([Text(t(5))]),
    ]
    meta = DocMeta(
        title=t(1),
        subtitle=t(2),
        authors=[t(3), t(4)],
        organisation=t(0),
        date="2025-11-10",
        date_display="10 November 2025",
        distribution=t(6),
        keywords=[t(4), t(5)],
        banner=Banner("TLP:AMBER", "#FFC000", "#000000", is_tlp=True),
    )
    return ResolvedDocument(
        meta, blocks, notes, [(RichRun(t(6)),), (RichRun(t(0)),)], source_summary=[t(1)]
    )


def hostile_strings() -> list[str]:
    return [*HOSTILE, LONG_WORD]


def note_plain(doc: ResolvedDocument) -> list[str]:
    return [rich_to_plain(n) for n in doc.notes]
