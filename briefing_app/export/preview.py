"""Live preview: page images of a briefing, re-rendering only the pages an edit changed.

The first render typesets the whole briefing (to PDF, which is cheap) and asks the layout
where every block and note landed. After a small edit the fast path typesets only a
"window": the edited blocks with the blocks that share their pages, as a small document
of its own, placed exactly as in the whole (same first page number, same height above
its first block, the earlier notes that share that page, note numbering continued). If
every block after the edit lands where it did before, the rest of the briefing is
unchanged and the window's pages are the real pages; otherwise (a paragraph gained a
line, a heading changed, an edit near the back matter) the whole briefing is typeset
again, incrementally: one long-lived Typst compiler keeps its memoised layout.

Only changed pages are drawn (with PDFium). No Qt here: the UI calls
`PreviewService.render` from its worker thread with a `cancelled` callback that turns
true when a newer edit arrives, and `PreviewService.settle` when typing pauses, so the
whole-document layout stays warm for the next edit the window cannot take.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pypdfium2
import typst

from ..charts.png import RGB, RGBA, png_from_rows
from .document import ResolvedDocument
from .pdf.data import DataCache, TypstData
from .pdf.fonts import coverage_problem, uncovered
from .pdf.typeset import Workspace, compile_document, typst_failure
from .pdf.writer import printed_text

DEFAULT_PPI = 72
#: Empty compilations after each whole-document render. typst-py keeps Typst's memoised
#: results until they have gone unused for ten compilations; for a 150-page briefing each
#: edit leaves about 140 MB behind, so a preview kept 1.8 GB. Each empty compilation ages
#: the cache by one step for about 5 ms: results the last render used survive (they are
#: used again by the next one), older ones go, and the same preview stays near 560 MB.
AGEING_COMPILES = 8
#: The window takes edits spanning at most this many blocks; larger ones typeset the whole.
WINDOW_MAX_BLOCKS = 12
#: Positions (pt) closer than this are the same position.
_SAME_Y = 0.01
WINDOW_JSON = "window.json"


@dataclass(frozen=True)
class PreviewResult:
    """`pages[i]` is the PNG of page `changed[i]` (0-based); other pages look as before."""

    pages: list[bytes]
    changed: list[int]
    page_count: int = 0
    cancelled: bool = False
    problems: list[str] = field(default_factory=list)


@dataclass
class _Layout:
    """Where the last whole-document typesetting put things, for checking a window."""

    blocks: list[dict[str, Any]]  # the data the layout was made from (updated by windows)
    rest: dict[str, Any]  # everything but the blocks
    page_map: dict[str, Any]
    starts: list[tuple[int, float]]  # block index -> (page, y in pt)
    entries: dict[int, int]  # note number -> page its text is set on
    stale: bool = False  # windows changed blocks since the whole was typeset


def _never() -> bool:
    return False


class PreviewService:
    """Holds the Typst compilers, the last layout and page fingerprints between renders.

    Not thread-safe by design of use: one worker thread renders at a time (a lock makes a
    second caller wait rather than corrupt the state).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._workspace: Workspace | None = None
        self._compiler: typst.Compiler | None = None
        self._window: typst.Compiler | None = None
        self._empty: typst.Compiler | None = None
        self._data = DataCache()
        self._fonts = _FontCheck()
        self._hashes = _Hashes()
        self._fingerprints: list[str] = []
        self._layout: _Layout | None = None
        self._last: TypstData | None = None
        self._ppi: float = 0

    def render(
        self,
        doc: ResolvedDocument,
        *,
        ppi: float = DEFAULT_PPI,
        cancelled: Callable[[], bool] = _never,
    ) -> PreviewResult:
        with self._lock:
            if cancelled():
                return PreviewResult([], [], cancelled=True)
            data = self._data.convert(doc)
            self._ensure_workspace(doc.meta.template)
            self._last = data
            fast = self._render_window(data, ppi, cancelled)
            return fast if fast is not None else self._render_whole(data, ppi, cancelled)

    def settle(self, *, cancelled: Callable[[], bool] = _never) -> PreviewResult:
        """Typeset the whole briefing again after fast renders (call it when typing pauses):
        keeps the whole-document layout warm; normally no page changes."""
        with self._lock:
            layout = self._layout
            if layout is None or not layout.stale or self._last is None or cancelled():
                return PreviewResult([], [], len(self._fingerprints), cancelled=cancelled())
            return self._render_whole(self._last, self._ppi, cancelled)

    def close(self) -> None:
        with self._lock:
            if self._workspace is not None:
                self._workspace.close()
            self._workspace = self._compiler = self._window = self._empty = None
            self._fingerprints, self._layout = [], None

    # ---- the whole document ----------------------------------------------------------

    def _render_whole(
        self, data: TypstData, ppi: float, cancelled: Callable[[], bool]
    ) -> PreviewResult:
        ws, compiler = self._workspace, self._compiler
        assert ws is not None and compiler is not None
        ws.update(data)
        if cancelled():
            return PreviewResult([], [], cancelled=True)
        pdf, warnings = compile_document(compiler, "pdf", tags=False)
        problems = self._fonts.problems(data.obj) + warnings
        page_map = _page_map(compiler)
        prints = fingerprints(data, page_map, self._hashes)
        changed = self._changed(prints, ppi)
        self._layout = None  # until the pages are drawn
        images = _draw(bytes(pdf), [(i, i) for i in changed], ppi, cancelled)
        if images is None:
            # Forget everything: the next render must redraw what we skipped.
            self._fingerprints = []
            return PreviewResult([], [], len(prints), cancelled=True)
        self._fingerprints, self._ppi = prints, ppi
        self._layout = _layout_of(data, page_map)
        self._age_cache()
        return PreviewResult(images, changed, len(prints), problems=problems)

    def _ensure_workspace(self, template: str) -> None:
        if self._workspace is None or self._workspace.template != template:
            if self._workspace is not None:
                self._workspace.close()
            self._workspace = Workspace(template)
            self._compiler = self._workspace.compiler(preview=True)
            self._window = self._workspace.compiler(preview=True, data="/" + WINDOW_JSON)
            self._empty = None
            self._fingerprints, self._layout = [], None

    def _age_cache(self) -> None:
        assert self._workspace is not None
        if self._empty is None:
            self._empty = self._workspace.empty_compiler()
        for _ in range(AGEING_COMPILES):
            self._empty.compile(format="pdf")

    def _changed(self, prints: list[str], ppi: float) -> list[int]:
        if ppi != self._ppi:
            return list(range(len(prints)))
        old = self._fingerprints
        return [i for i, fp in enumerate(prints) if i >= len(old) or old[i] != fp]

    # ---- the window ------------------------------------------------------------------

    def _render_window(
        self, data: TypstData, ppi: float, cancelled: Callable[[], bool]
    ) -> PreviewResult | None:
        """The pages of a small edit from a window, or None when the window cannot tell."""
        layout = self._layout
        if layout is None or ppi != self._ppi:
            return None
        plan = _plan_window(layout, data.obj)
        if plan is None:
            return None
        if plan.first == plan.end:  # nothing changed
            return PreviewResult([], [], len(self._fingerprints))
        ws, compiler = self._workspace, self._window
        assert ws is not None and compiler is not None
        ws.write(WINDOW_JSON, json.dumps(plan.obj(data.obj, layout), ensure_ascii=False))
        for name, image in data.images.items():
            ws.add_image(name, image)
        pdf, warnings = compile_document(compiler, "pdf", tags=False)
        if not plan.matches(layout, _page_map(compiler)):
            return None
        prints = fingerprints(data, layout.page_map, self._hashes)
        changed = [i for i, fp in enumerate(prints) if fp != self._fingerprints[i]]
        if any(not plan.shows(i + 1) for i in changed):
            return None
        images = _draw(bytes(pdf), [(i, i + 1 - plan.page) for i in changed], ppi, cancelled)
        if images is None:
            self._fingerprints, self._layout = [], None
            return PreviewResult([], [], len(prints), cancelled=True)
        self._fingerprints = prints
        layout.blocks, layout.stale = data.obj["blocks"], True
        problems = self._fonts.problems(data.obj) + warnings
        return PreviewResult(images, changed, len(prints), problems=problems)


@dataclass(frozen=True)
class _Window:
    """Blocks [start, end) typeset from page `page`, `y` pt down it; the edit is in
    blocks [first, last]; pages `shown_from`..`shown_to` (1-based) are complete."""

    start: int
    end: int
    first: int
    last: int
    page: int
    y: float
    shown_from: int
    shown_to: int
    prior: list[int]  # numbers of earlier notes set on the first page

    def obj(self, whole: dict[str, Any], layout: _Layout) -> dict[str, Any]:
        blocks = whole["blocks"]
        bodies = _note_bodies(blocks[: self.start], set(self.prior))
        numbers = [x["n"] for b in blocks[self.start : self.end] for x in _note_refs(b)]
        before = self.prior[0] - 1 if self.prior else (numbers[0] - 1 if numbers else 0)
        return {
            **whole,
            "blocks": blocks[self.start : self.end],
            "notes": [],
            "bibliography": [],
            "source_summary": [],
            "window": {
                "page": self.page,
                "y": self.y,
                "first": self.start,
                "notes": before,
                "prior": [bodies[n] for n in self.prior],
                "pages": int(layout.page_map["pages"]),
            },
        }

    def shows(self, page: int) -> bool:
        return self.shown_from <= page <= self.shown_to

    def matches(self, layout: _Layout, page_map: dict[str, Any]) -> bool:
        """Every block of the window starts where it did in the whole document, and every
        note on a shown page is set on the same page: then the whole is unchanged."""
        offset = self.page - 1
        seen = 0
        for i, page, y in page_map["blocks"]:
            if not self.start <= i < self.end:
                return False
            want_page, want_y = layout.starts[i]
            if page + offset != want_page or abs(y - want_y) > _SAME_Y:
                return False
            seen += 1
        if seen != self.end - self.start:
            return False
        # The block after the edit starts on the last shown page, so that page is in the
        # window; blocks starting later are not, and nothing else is set on it.
        return all(
            layout.entries.get(n) == page + offset
            for n, page in page_map["notes"]
            if page + offset <= self.shown_to
        )


def _plan_window(layout: _Layout, obj: dict[str, Any]) -> _Window | None:
    new, old = obj["blocks"], layout.blocks
    if len(new) != len(old) or {k: v for k, v in obj.items() if k != "blocks"} != layout.rest:
        return None
    changed = [i for i, (a, b) in enumerate(zip(new, old, strict=True)) if a is not b and a != b]
    if not changed:
        return _Window(0, 0, 0, 0, 0, 0, 0, 0, [])
    first, last = changed[0], changed[-1]
    if last - first >= WINDOW_MAX_BLOCKS or last + 1 >= len(new):
        return None
    if any("heading" in (new[i]["t"], old[i]["t"]) for i in changed):
        return None  # a heading is also on the contents page
    starts = layout.starts
    page = starts[first][0]
    # The window opens with the block that runs onto the edit's first page from before.
    start = next((i for i in range(first - 1, -1, -1) if starts[i][0] < page), None)
    if start is None:
        return None
    shown_to = starts[last + 1][0]
    end = next((i for i in range(last + 1, len(new)) if starts[i][0] > shown_to), None)
    if end is None:
        return None  # the back matter follows on the last page
    first_page, y = starts[start]
    numbers = [x["n"] for b in new[start:end] for x in _note_refs(b)]
    limit = numbers[0] if numbers else None
    prior = sorted(
        n for n, p in layout.entries.items() if p == first_page and (limit is None or n < limit)
    )
    if prior and (
        prior != list(range(prior[0], prior[0] + len(prior)))
        or (limit is not None and prior[-1] + 1 != limit)
    ):
        return None
    return _Window(start, end, first, last, first_page, y, page, shown_to, prior)


def _note_refs(value: Any) -> Iterator[dict[str, Any]]:
    """The note references in a block's data, in reading order."""
    if isinstance(value, dict):
        if "n" in value and "note" in value:
            yield value
            return
        for v in value.values():
            yield from _note_refs(v)
    elif isinstance(value, list):
        for v in value:
            yield from _note_refs(v)


def _note_bodies(blocks: list[dict[str, Any]], wanted: set[int]) -> dict[int, Any]:
    """The text of the notes numbered `wanted`, from the blocks before a window."""
    found: dict[int, Any] = {}
    for b in reversed(blocks):
        if len(found) == len(wanted):
            break
        for x in _note_refs(b):
            if x["n"] in wanted:
                found[x["n"]] = x["note"]
    return found


def _layout_of(data: TypstData, page_map: dict[str, Any]) -> _Layout:
    blocks = data.obj["blocks"]
    starts: list[tuple[int, float]] = [(0, 0.0)] * len(blocks)
    for i, page, y in page_map["blocks"]:
        if 0 <= int(i) < len(blocks):
            starts[int(i)] = (int(page), float(y))
    entries = {int(n): int(p) for n, p in page_map.get("notes", [])}
    rest = {k: v for k, v in data.obj.items() if k != "blocks"}
    return _Layout(blocks, rest, page_map, starts, entries)


def _page_map(compiler: typst.Compiler) -> dict[str, Any]:
    try:
        raw = compiler.query("<page-map>", field="value", one=True)
    except typst.TypstError as e:
        raise typst_failure(e) from None
    return json.loads(raw) if isinstance(raw, str) else raw


def _draw(
    pdf: bytes, pages: list[tuple[int, int]], ppi: float, cancelled: Callable[[], bool]
) -> list[bytes] | None:
    """PNGs of (page number, index in `pdf`) pairs; None when cancelled on the way."""
    images: list[bytes] = []
    document = pypdfium2.PdfDocument(pdf)
    try:
        for _, index in pages:
            if cancelled():
                return None
            images.append(page_png(document, index, ppi))
    finally:
        document.close()
    return images


class _FontCheck:
    """Characters the fonts lack, remembered per block so an edit checks one block."""

    def __init__(self) -> None:
        self._seen: dict[int, tuple[Any, str]] = {}

    def problems(self, obj: dict[str, Any]) -> list[str]:
        parts = [obj["meta"], *obj["blocks"], obj["notes"], obj["bibliography"]]
        parts.append(obj["source_summary"])
        seen: dict[int, tuple[Any, str]] = {}
        missing = []
        for part in parts:
            hit = self._seen.get(id(part))
            if hit is None or hit[0] is not part:
                hit = (part, "".join(uncovered("".join(printed_text(part)))))
            seen[id(part)] = hit
            missing.append(hit[1])
        self._seen = seen
        problem = coverage_problem("".join(missing))
        return [problem] if problem else []


class _Hashes:
    """Content hashes of block data, remembered by identity (unchanged blocks are reused
    objects, see DataCache), so fingerprinting 150 pages hashes only edited blocks."""

    def __init__(self) -> None:
        self._known: dict[int, tuple[Any, str]] = {}

    def __call__(self, value: Any) -> str:
        hit = self._known.get(id(value))
        if hit is None or hit[0] is not value:
            hit = (value, _hash(value))
            self._known[id(value)] = hit
            if len(self._known) > 20_000:
                self._known = {id(value): hit}
        return hit[1]


def fingerprints(
    data: TypstData, page_map: dict[str, Any], content_hash: Callable[[Any], str] | None = None
) -> list[str]:
    """One hash per page of everything that decides how the page looks.

    A page is drawn from the blocks that start on it, the block running onto it from the
    page before, where each of those starts, their notes, and the page furniture (title,
    banner, "Page N of M"). Pages before the first block also show the contents, which
    depends on every heading and the page it landed on.
    """
    digest = content_hash or _hash
    obj = data.obj
    count = int(page_map["pages"])
    furniture = _hash(obj["meta"], count)
    blocks = obj["blocks"]
    back = {
        -1: obj["notes"] if obj["meta"]["endnotes"] else [],
        -2: obj["source_summary"],
        -3: obj["bibliography"],
    }
    starts = sorted((int(p), float(y), int(i)) for i, p, y in page_map["blocks"])

    def content(i: int) -> str:  # a block's data carries the text of its notes
        return digest(back.get(i)) if i < 0 else digest(blocks[i])

    front_page = starts[0][0] if starts else count
    contents = _hash(
        [h for h in page_map["headings"]], [b.get("text") for b in blocks if b["t"] == "heading"]
    )
    prints: list[str] = []
    carried: tuple[int, float, int] | None = None
    k = 0
    for page in range(1, count + 1):
        on_page = []
        while k < len(starts) and starts[k][0] == page:
            on_page.append(starts[k])
            k += 1
        parts: list[Any] = [furniture, page]
        if carried is not None:
            parts.append([carried, content(carried[2])])
        parts.extend([s, content(s[2])] for s in on_page)
        if page <= front_page:
            parts.append(contents)
        prints.append(_hash(parts))
        if on_page:
            carried = on_page[-1]
    return prints


def _hash(*parts: Any) -> str:
    text = json.dumps(parts, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def page_png(document: pypdfium2.PdfDocument, index: int, ppi: float) -> bytes:
    """One page as an RGB PNG at `ppi` pixels per inch."""
    page = document[index]
    try:
        bitmap = page.render(scale=ppi / 72, rev_byteorder=True)
        width, height, stride = bitmap.width, bitmap.height, bitmap.stride
        channels = bitmap.n_channels
        raw = bytes(bitmap.buffer)
    finally:
        page.close()
    row = width * channels
    lines = b"".join(b"\x00" + raw[y * stride : y * stride + row] for y in range(height))
    return png_from_rows(width, height, lines, RGB if channels == 3 else RGBA, level=3)
