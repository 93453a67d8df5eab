"""Typst, set up once per template: a private root folder, the shipped fonts, and compilation.

Typst may only read files under its root, so the root is a fresh folder holding a copy of
the template, the shared Typst library, the document as JSON and its images - and nothing
else on the machine is readable from a template.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import typst

from ...paths import templates_dir
from ..atomic import ExportError
from .data import TypstData
from .fonts import font_paths

#: The shared Typst library every house style imports as "../common/briefing.typ".
COMMON = "common"
MAIN = "main.typ"
DOC_JSON = "doc.json"
PDF_A = "a-2b"
#: What a full disk looks like: no space, over quota, or over this process's file-size limit.
_DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


@lru_cache(maxsize=1)
def typst_fonts() -> typst.Fonts:
    """Only our fonts: no system fonts (output must not depend on the machine) and no
    Typst built-ins (so the coverage check in fonts.py describes exactly what is used)."""
    return typst.Fonts(
        include_system_fonts=False,
        include_embedded_fonts=False,
        font_paths=[str(font_paths()[0].parent)],
    )


def template_folder(key: str) -> Path:
    folder = templates_dir() / key
    if not key or key != Path(key).name or key in {".", ".."} or not (folder / MAIN).is_file():
        raise ExportError(
            f"the template {key!r} has no {MAIN} for PDF export; choose another template "
            "with --template"
        )
    return folder


class Workspace:
    """A root folder for Typst: template copy, shared library, doc.json and images."""

    def __init__(self, template: str) -> None:
        source = template_folder(template)
        self.template = template
        common = templates_dir() / COMMON
        refuse_links(common)
        refuse_links(source)
        try:
            self.root = Path(tempfile.mkdtemp(prefix="briefing-typst-"))
        except OSError as e:
            raise workspace_failure(template, e) from None
        try:
            # symlinks=True: a link is never followed while copying (refuse_links has
            # already turned links away; this closes the gap if one appears meanwhile).
            shutil.copytree(common, self.root / COMMON, symlinks=True)
            shutil.copytree(source, self.root / "template", symlinks=True)
            (self.root / "img").mkdir()
        except OSError as e:
            self.close()
            raise workspace_failure(template, e) from None
        self.main = self.root / "template" / MAIN
        self._json = ""

    def update(self, data: TypstData) -> None:
        """Write what changed since the last update: Typst re-reads only changed files."""
        try:
            for name, image in data.images.items():
                self.add_image(name, image)
            if data.json != self._json:
                self.write(DOC_JSON, data.json)
                self._json = data.json
        except OSError as e:
            raise workspace_failure(self.template, e) from None

    def add_image(self, name: str, data: bytes) -> None:
        """Images are named by their content, so an existing file is already right."""
        path = self.root / name.lstrip("/")
        if not path.exists():
            path.write_bytes(data)

    def write(self, name: str, text: str) -> None:
        (self.root / name).write_text(text, encoding="utf-8")

    def compiler(self, *, preview: bool = False, data: str = "/" + DOC_JSON) -> typst.Compiler:
        """A compiler for this workspace reading `data`; `preview` adds the page-map markers."""
        return typst.Compiler(
            input=str(self.main),
            root=str(self.root),
            font_paths=typst_fonts(),
            ignore_system_fonts=True,
            sys_inputs={"preview": "1" if preview else "", "data": data},
        )

    def empty_compiler(self) -> typst.Compiler:
        """A compiler of an empty page: compiling it costs almost nothing (see preview)."""
        empty = self.root / "empty.typ"
        empty.write_text("", encoding="utf-8")
        return typst.Compiler(
            input=str(empty),
            root=str(self.root),
            font_paths=typst_fonts(),
            ignore_system_fonts=True,
        )

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def refuse_links(folder: Path) -> None:
    """A template folder may hold no symbolic links: Typst reads only inside its root, but
    a link copied into the root would let a template read any file the user can."""
    for parent, dirs, files in os.walk(folder):
        for name in [*dirs, *files]:
            path = Path(parent) / name
            if path.is_symlink():
                raise ExportError(
                    f"the template folder {folder} contains a symbolic link ({path}); "
                    "templates may not contain links, because a link lets a template read "
                    "files outside its folder. Replace the link with a copy of the file"
                )


def workspace_failure(template: str, e: OSError) -> ExportError:
    """Why the template could not be set up, with what to do about it."""
    if _disk_full(e):
        return ExportError(
            f"could not prepare the PDF template {template!r}: the disk holding the "
            f"temporary folder ({tempfile.gettempdir()}) is full; free some space there, "
            "or point TMPDIR at a folder on a disk with room, and export again"
        )
    return ExportError(f"could not prepare the PDF template {template!r}: {e}")


def _disk_full(e: OSError) -> bool:
    if isinstance(e, shutil.Error):
        # copytree gathers (source, target, str(error)) triples, keeping only the text.
        reasons = e.args[0] if e.args and isinstance(e.args[0], list) else []
        return any(f"[Errno {n}]" in str(r) for r in reasons for n in _DISK_FULL)
    return e.errno in _DISK_FULL


def compile_document(
    compiler: typst.Compiler,
    fmt: str,
    *,
    ppi: float | None = None,
    pdfa: bool = False,
    timestamp: datetime | None = None,
    tags: bool = True,
) -> tuple[Any, list[str]]:
    """Run Typst; its errors become ExportError, its warnings come back as messages."""
    options: dict[str, Any] = {"format": fmt, "pdf_tags": tags}
    if ppi is not None:
        options["ppi"] = ppi
    if pdfa:
        options["pdf_standards"] = PDF_A
    if timestamp is not None:
        options["timestamp"] = timestamp
    try:
        result, warnings = compiler.compile_with_warnings(**options)
    except typst.TypstError as e:
        raise typst_failure(e) from None
    return result, [f"typesetting: {getattr(w, 'message', str(w))}" for w in warnings]


def typst_failure(e: typst.TypstError) -> ExportError:
    hints = "; ".join(getattr(e, "hints", []) or [])
    detail = getattr(e, "message", "") or str(e)
    return ExportError(
        f"typesetting the PDF failed: {detail}{' (' + hints + ')' if hints else ''}; "
        "if you edited the template, check it, otherwise report this with the briefing"
    )
