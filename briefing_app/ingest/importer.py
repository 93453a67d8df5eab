"""One entry point per kind of input; every one ends in `store_captured`, which turns
what was captured into a stored Source inside one transaction."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.grades import UNJUDGED_RELIABILITY
from ..model.source import Person, Source
from .docx import capture_docx
from .encoding import decode_text
from .errors import IngestError, UnsupportedError
from .html import HTML_SUFFIXES, capture_html
from .limits import DEFAULT_LIMITS, Limits, read_capped, too_large
from .near_duplicates import find_twin, flag
from .pdf import capture_pdf
from .references import REFERENCE_SUFFIXES, parse_references
from .results import Captured, ImportedSource, ImportResult, SourceOverrides
from .text import MARKDOWN_SUFFIXES, capture_text, captured_from_text
from .url import fetch

if TYPE_CHECKING:
    from ..store import Project

TEXT_SUFFIXES = (".txt", ".text", *MARKDOWN_SUFFIXES)
SUPPORTED_SUFFIXES = (*TEXT_SUFFIXES, *HTML_SUFFIXES, ".pdf", ".docx", *REFERENCE_SUFFIXES)
_TITLE_MAX = 300
_REFUSED = {
    ".doc": "old Word .doc files cannot be read; save it as .docx and import that",
    ".rtf": "RTF files cannot be read; save it as .docx or .txt and import that",
    ".odt": "ODT files cannot be read; save it as .docx and import that",
}


# ---------------------------------------------------------------------------- entry points


def import_file(
    project: Project,
    path: str | Path,
    overrides: SourceOverrides | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> ImportResult:
    """Import one file (text, Markdown, HTML, PDF, DOCX, BibTeX, RIS, CSL-JSON).

    Raises IngestError (nothing written) when the file cannot come in; a reference export
    with some bad records imports the good ones and lists the bad in `problems`.
    """
    path = Path(path)
    overrides = (overrides or SourceOverrides()).validate()
    try:
        data = read_capped(path, limits)
        suffix = path.suffix.lower()
        if suffix in REFERENCE_SUFFIXES and (suffix != ".json" or data.lstrip()[:1] in b"[{"):
            parsed = parse_references(data, path, lambda p: capture_path(p, limits))
            if not parsed.records:
                detail = "; ".join(parsed.problems[:5]) or "the file holds no records"
                raise IngestError(f"no reference record could be imported: {detail}")
            return _store_all(project, str(path), parsed.records, parsed.problems, overrides)
        captured = capture_bytes(data, path.name, limits)
    except IngestError as e:
        raise e.located(str(path)) from None
    return store_file(project, path, captured, overrides)


def capture_file(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Captured:
    """Read one document file (not a reference export) into a Captured, without touching
    a project: the half of `import_file` that a worker process can do. IngestError names
    the file."""
    path = Path(path)
    try:
        return capture_path(path, limits)
    except IngestError as e:
        raise e.located(str(path)) from None


def store_file(
    project: Project, path: str | Path, captured: Captured, overrides: SourceOverrides
) -> ImportResult:
    """Store what `capture_file` read, in one transaction (the other half of `import_file`)."""
    return _store_all(project, str(path), [captured], [], overrides)


def import_text(
    project: Project,
    text: str | bytes,
    *,
    url: str = "",
    title: str = "",
    author: str = "",
    overrides: SourceOverrides | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ImportResult:
    """Pasted text (the paste dialog, `briefing source add FILE -` from standard input).

    Title, author and URL given here beat what is detected in the text; `overrides`
    beat both.
    """
    overrides = (overrides or SourceOverrides()).validate()
    raw = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    if len(raw) > limits.max_bytes:
        raise too_large(len(raw), limits, "the pasted text")
    decoded = decode_text(raw)[0] if isinstance(text, bytes) else text
    captured = captured_from_text(decoded)
    captured.title = title.strip() or captured.title
    if author.strip():
        captured.authors = [Person.parse(author)]
    captured.url = url.strip() or captured.url
    captured.original = ("pasted.txt", "text/plain", captured.text.encode("utf-8"))
    return _store_all(project, url.strip() or "pasted text", [captured], [], overrides)


def import_url(
    project: Project,
    url: str,
    overrides: SourceOverrides | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> ImportResult:
    """Fetch a page (or PDF) and import it as if it had been saved; accessed = today."""
    overrides = (overrides or SourceOverrides()).validate()
    try:
        page = fetch(url, limits)
        name = page.url.rstrip("/").rsplit("/", 1)[-1] or "page"
        if page.content_type in ("text/html", "application/xhtml+xml"):
            captured = capture_html(page.data, _with_suffix(name, ".html"), url=page.url)
        elif page.content_type == "application/pdf":
            captured = capture_pdf(page.data, _with_suffix(name, ".pdf"))
        elif page.content_type.startswith("text/"):
            captured = capture_text(page.data, _with_suffix(name, ".txt"))
        else:
            captured = capture_bytes(page.data, name, limits)
    except IngestError as e:
        raise e.located(url) from None
    captured.url = captured.url or page.url
    captured.accessed = date.today().isoformat()
    return _store_all(project, url, [captured], [], overrides)


# ---------------------------------------------------------------------------- capture


def capture_path(path: Path, limits: Limits = DEFAULT_LIMITS) -> Captured:
    """Read one document file (not a reference export) into a Captured."""
    return capture_bytes(read_capped(path, limits), path.name, limits)


def capture_bytes(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> Captured:
    """Dispatch on the file name's suffix; sniff the content when the suffix says nothing."""
    if len(data) > limits.max_bytes:
        raise too_large(len(data), limits)
    suffix = Path(name).suffix.lower()
    if suffix in _REFUSED:
        raise UnsupportedError(_REFUSED[suffix])
    kind = _kind_by_suffix(suffix) or _sniff(data)
    if kind == "pdf":
        return capture_pdf(data, name)
    if kind == "docx":
        return capture_docx(data, name, limits)
    if kind == "html":
        return capture_html(data, name)
    if kind == "text":
        return capture_text(data, name)
    raise UnsupportedError(
        f"files of type {suffix or '(no extension)'} cannot be imported; supported: "
        + ", ".join(SUPPORTED_SUFFIXES)
    )


def _kind_by_suffix(suffix: str) -> str:
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix == ".pdf":
        return "pdf"
    if suffix == ".docx":
        return "docx"
    return ""


def _sniff(data: bytes) -> str:
    head = data[:1024].lstrip().lower()
    if head.startswith(b"%pdf-"):
        return "pdf"
    if head.startswith(b"pk\x03\x04"):
        return "docx"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return "html"
    return "text"  # decode_text refuses it if it is binary


def _with_suffix(name: str, suffix: str) -> str:
    return name if name.lower().endswith(suffix) else name + suffix


# ---------------------------------------------------------------------------- storing


def _store_all(
    project: Project,
    origin: str,
    records: list[Captured],
    problems: list[str],
    overrides: SourceOverrides,
) -> ImportResult:
    """All records of one input in one transaction: a failure leaves nothing behind."""
    result = ImportResult(origin=origin, problems=list(problems))
    single = len(records) == 1
    with project.transaction():
        for captured in records:
            captured.origin = captured.origin or origin
            result.items.append(store_captured(project, captured, overrides, bibliographic=single))
    return result


class _Duplicate(Exception):
    """Unwinds the transaction (the attachment just added) when the text is known."""

    def __init__(self, existing: Source) -> None:
        self.existing = existing


def store_captured(
    project: Project,
    captured: Captured,
    overrides: SourceOverrides,
    *,
    bibliographic: bool = True,
) -> ImportedSource:
    """Store one captured document as a Source, with its original bytes as an attachment.

    The same text already in the library returns that source (nothing added); a near
    duplicate is stored and flagged with its twin. `bibliographic=False` applies only the
    grading overrides (one --title for a whole BibTeX file would be wrong).
    """
    source = build_source(captured, overrides, bibliographic=bibliographic)
    try:
        with project.transaction():
            if captured.original is not None:
                source.attachment_id = project.attachments.add(*captured.original)
            added = project.sources.add(source)
            if added.duplicate_of:
                raise _Duplicate(added.source)
            twin = find_twin(project, source.text, exclude=source.id) if source.text else None
            if twin:
                flag(project, source.id, *twin)
    except _Duplicate as dup:
        return ImportedSource(dup.existing, duplicate_of=dup.existing.id)
    imported = ImportedSource(added.source, notes=list(captured.notes))
    if twin:
        imported.near_duplicate_of, imported.similarity = twin
    return imported


def build_source(
    captured: Captured, overrides: SourceOverrides, *, bibliographic: bool = True
) -> Source:
    """Detected metadata, then the analyst's overrides on top."""
    o = (
        overrides
        if bibliographic
        else SourceOverrides(
            type=overrides.type, reliability=overrides.reliability, descriptor=overrides.descriptor
        )
    )
    title = o.title or captured.title or fallback_title(captured)
    return Source(
        id="",
        title=" ".join(title.split())[:_TITLE_MAX],
        type=o.type or captured.type or "other",
        authors=[Person.parse(a) for a in o.authors] if o.authors is not None else captured.authors,
        container_title=o.container_title or captured.container_title,
        publisher=o.publisher or captured.publisher,
        issued=o.issued or captured.issued,
        url=o.url or captured.url,
        accessed=captured.accessed,
        language=o.language or captured.language,
        text=captured.text,
        reliability=o.reliability or UNJUDGED_RELIABILITY,
        descriptor=o.descriptor,
        origin=captured.origin,
        sha256="" if captured.text else captured.identity,
        locators=list(captured.locators),
        extra=dict(captured.extra),
    )


def fallback_title(captured: Captured) -> str:
    """No title anywhere: the file's name ("ledger-encirclement.txt" -> "Ledger
    encirclement"), else the opening words of the text."""
    if captured.original and captured.original[0] != "pasted.txt":
        stem = Path(captured.original[0]).stem.replace("_", " ").replace("-", " ").strip()
        if stem:
            return stem[:1].upper() + stem[1:]
    words = captured.text.split()
    return " ".join(words[:12]) + (" …" if len(words) > 12 else "") or "Untitled source"
