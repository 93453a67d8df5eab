"""Opening the reference document (ours per template, or the user's .docx/.dotx) as the
starting point of an export: its styles, page setup and theme are kept, its body is not.

Like pandoc's reference-doc: the look comes from the reference, the content from us.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from ...paths import templates_dir
from ..atomic import ExportError

REFERENCE_NAME = "reference.docx"
FALLBACK_TEMPLATE = "strategic"

_DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_MACRO_TYPES = ("macroEnabled", "ms-word.document.macroEnabled", "vbaProject")
#: A reference document is styles and a page setup; a larger unpacked size is not one.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024


def default_reference(template: str) -> Path:
    """Our reference document for `template` (the strategic one if it has none)."""
    root = templates_dir()
    for key in (template, FALLBACK_TEMPLATE):
        path = root / key / REFERENCE_NAME
        if key and "/" not in key and "\\" not in key and path.is_file():
            return path
    raise ExportError(
        f"the reference document {root / FALLBACK_TEMPLATE / REFERENCE_NAME} is missing; "
        "rebuild it with `python templates/build_reference_docs.py` or reinstall"
    )


def open_reference(path: Path) -> DocxDocument:
    """The reference at `path` with an empty body (its final section settings kept).

    A Word template (.dotx) is accepted: only its main part's content type differs from
    a document's, so it is rewritten in memory. Macro-enabled files are refused, because
    a .docx must not carry macros (Word would refuse to open the export).
    """
    path = Path(path)
    if not path.is_file():
        raise ExportError(f"the reference document {path} does not exist; choose a .docx or .dotx")
    data = _as_document_package(path)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises many types for broken packages
        raise ExportError(
            f"{path.name} could not be read as a Word document ({type(e).__name__}: {e}); "
            "save it again from Word or LibreOffice as .docx"
        ) from None
    _clear_body(document)
    return document


def _as_document_package(path: Path) -> bytes:
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > MAX_UNPACKED_BYTES:
                raise ExportError(
                    f"{path.name} unpacks to {unpacked // (1024 * 1024)} MB, too large for a "
                    "reference document; use a document holding only styles and page setup"
                )
            types = archive.read("[Content_Types].xml").decode("utf-8")
            if any(marker in types for marker in _MACRO_TYPES):
                raise ExportError(
                    f"{path.name} contains macros; save it as a plain .docx or .dotx and use that"
                )
            if _TEMPLATE_MAIN not in types:
                return path.read_bytes()
            return _rewrite_content_types(archive, types.replace(_TEMPLATE_MAIN, _DOCUMENT_MAIN))
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError, OSError) as e:
        raise ExportError(
            f"{path.name} is not a Word document ({e}); choose a .docx or .dotx file"
        ) from None


def _rewrite_content_types(archive: zipfile.ZipFile, types: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in archive.infolist():
            data = types.encode("utf-8") if info.filename == "[Content_Types].xml" else None
            copy.writestr(info, data if data is not None else archive.read(info))
    return out.getvalue()


def _clear_body(document: DocxDocument) -> None:
    """Remove the reference's content; keep only the last `w:sectPr` (page setup)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
