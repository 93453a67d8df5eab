"""Live preview: page images of a briefing, re-rendering only the pages an edit changed.

One long-lived Typst compiler per template keeps its memoised layout between edits, so an
edit re-typesets incrementally. Rasterising every page of a 150-page briefing with Typst
takes seconds, so the preview typesets to PDF (which is cheap) and asks the layout where
each block landed: a page whose blocks, positions and notes are unchanged keeps its old
image, and only the changed pages are drawn (with PDFium). No Qt here: the UI calls
`PreviewService.render` from its worker thread and passes a `cancelled` callback that
turns true when a newer edit arrives.
"""

from __future__ import annotations

import hashlib
import json
import struct
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pypdfium2
import typst

from .document import ResolvedDocument
from .pdf.data import TypstData, to_typst_data
from .pdf.typeset import Workspace, compile_document, typst_failure
from .pdf.writer import font_problems

DEFAULT_PPI = 72
#: Empty compilations after each render. typst-py keeps Typst's memoised results until
#: they have gone unused for ten compilations; for a 150-page briefing each edit leaves
#: about 140 MB behind, so a preview kept 1.8 GB. Each empty compilation ages the cache
#: by one step for about 5 ms: results the last render used survive (they are used again
#: by the next one), older ones go, and the same preview stays near 560 MB.
AGEING_COMPILES = 8


@dataclass(frozen=True)
class PreviewResult:
    """`pages[i]` is the PNG of page `changed[i]` (0-based); other pages look as before."""

    pages: list[bytes]
    changed: list[int]
    page_count: int = 0
    cancelled: bool = False
    problems: list[str] = field(default_factory=list)


def _never() -> bool:
    return False


class PreviewService:
    """Holds the Typst compiler and the last page fingerprints between renders.

    Not thread-safe by design of use: one worker thread renders at a time (a lock makes a
    second caller wait rather than corrupt the state).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._workspace: Workspace | None = None
        self._compiler: typst.Compiler | None = None
        self._empty: typst.Compiler | None = None
        self._fingerprints: list[str] = []
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
            data = to_typst_data(doc)
            compiler = self._compiler_for(doc.meta.template)
            assert self._workspace is not None
            self._workspace.update(data)
            if cancelled():
                return PreviewResult([], [], cancelled=True)
            pdf, warnings = compile_document(compiler, "pdf", tags=False)
            problems = font_problems(data.obj) + warnings
            page_map = self._page_map(compiler)
            prints = fingerprints(data, page_map)
            changed = self._changed(prints, ppi)
            images: list[bytes] = []
            document = pypdfium2.PdfDocument(bytes(pdf))
            try:
                for number in changed:
                    if cancelled():
                        # Forget everything: the next render must redraw what we skipped.
                        self._fingerprints = []
                        return PreviewResult([], [], len(prints), cancelled=True)
                    images.append(page_png(document, number, ppi))
            finally:
                document.close()
            self._fingerprints, self._ppi = prints, ppi
            self._age_cache()
            return PreviewResult(images, changed, len(prints), problems=problems)

    def close(self) -> None:
        with self._lock:
            if self._workspace is not None:
                self._workspace.close()
            self._workspace = self._compiler = self._empty = None
            self._fingerprints = []

    def _compiler_for(self, template: str) -> typst.Compiler:
        if self._workspace is None or self._workspace.template != template:
            if self._workspace is not None:
                self._workspace.close()
            self._workspace = Workspace(template)
            self._compiler = self._workspace.compiler(preview=True)
            self._empty = None
            self._fingerprints = []
        assert self._compiler is not None
        return self._compiler

    def _age_cache(self) -> None:
        assert self._workspace is not None
        if self._empty is None:
            self._empty = self._workspace.empty_compiler()
        for _ in range(AGEING_COMPILES):
            self._empty.compile(format="pdf")

    def _page_map(self, compiler: typst.Compiler) -> dict[str, Any]:
        try:
            raw = compiler.query("<page-map>", field="value", one=True)
        except typst.TypstError as e:
            raise typst_failure(e) from None
        return json.loads(raw) if isinstance(raw, str) else raw

    def _changed(self, prints: list[str], ppi: float) -> list[int]:
        if ppi != self._ppi:
            return list(range(len(prints)))
        old = self._fingerprints
        return [i for i, fp in enumerate(prints) if i >= len(old) or old[i] != fp]


def fingerprints(data: TypstData, page_map: dict[str, Any]) -> list[str]:
    """One hash per page of everything that decides how the page looks.

    A page is drawn from the blocks that start on it, the block running onto it from the
    page before, where each of those starts, their notes, and the page furniture (title,
    banner, "Page N of M"). Pages before the first block also show the contents, which
    depends on every heading and the page it landed on.
    """
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
        return _hash(back.get(i)) if i < 0 else _hash(blocks[i])

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
    colour_type = 2 if channels == 3 else 6
    return _png(width, height, colour_type, lines)


def _png(width: int, height: int, colour_type: int, lines: bytes) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(lines, 3))
        + chunk(b"IEND", b"")
    )
