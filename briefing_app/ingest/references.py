"""Reference-manager exports (CSL-JSON, BibTeX, RIS from Zotero, Mendeley, EndNote).

Each record becomes one Captured source with its full metadata. A record that points to
an attached file that exists gets that file's text; a bad record is reported with its
line and skipped while the good ones import.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import bibtexparser
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors
from pylatexenc.latex2text import LatexNodes2Text

from ..model.source import Person, content_hash
from ..model.text import clean_text
from .dates import parse_date
from .encoding import decode_text
from .errors import IngestError
from .results import Captured

# bibtexparser logs each broken block at WARNING; we report them ourselves, with lines.
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())
logging.getLogger("bibtexparser").propagate = False

REFERENCE_SUFFIXES = (".bib", ".ris", ".json", ".csljson")

#: CSL item types (and BibTeX / RIS types mapped onto them) -> our source types.
_CSL_TO_TYPE = {
    "article-newspaper": "article",
    "article-magazine": "article",
    "article": "article",
    "article-journal": "article",
    "webpage": "article",
    "post-weblog": "social",
    "post": "social",
    "report": "report",
    "dataset": "dataset",
    "interview": "interview",
    "legislation": "statement",
    "speech": "statement",
    "broadcast": "state-media",
}
_BIB_TO_CSL = {
    "article": "article-journal",
    "online": "webpage",
    "techreport": "report",
    "report": "report",
    "dataset": "dataset",
    "misc": "document",
    "book": "book",
    "inproceedings": "paper-conference",
    "unpublished": "manuscript",
}
_RIS_TO_CSL = {
    "NEWS": "article-newspaper",
    "MGZN": "article-magazine",
    "JOUR": "article-journal",
    "RPRT": "report",
    "DATA": "dataset",
    "ELEC": "webpage",
    "BLOG": "post-weblog",
    "ICOMM": "post",
    "PCOMM": "interview",
    "GOVDOC": "report",
    "STAT": "legislation",
    "BOOK": "book",
    "GEN": "document",
}


@dataclass
class ParsedReferences:
    records: list[Captured] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


#: Reads an attached file into a Captured (given by the importer, which knows all formats).
AttachmentReader = Callable[[Path], Captured]


def is_csl_json(data: bytes) -> bool:
    head = data.lstrip()[:1]
    return head in (b"[", b"{")


def parse_references(
    data: bytes, path: Path, read_attachment: AttachmentReader | None = None
) -> ParsedReferences:
    """Every record of a .bib, .ris or CSL-JSON export, with the problems found."""
    text, _ = decode_text(data)
    suffix = path.suffix.lower()
    if suffix == ".bib":
        parsed = _bibtex(text)
    elif suffix == ".ris":
        parsed = _ris(text)
    else:
        parsed = _csl_json(text)
    for record in parsed.records:
        record.origin = str(path)
        _attach(record, path.parent, read_attachment, parsed.problems)
        if not record.text:
            record.identity = _identity(record)
    return parsed


# ---------------------------------------------------------------------------- CSL-JSON


def _csl_json(text: str) -> ParsedReferences:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise IngestError(
            f"this CSL-JSON file is not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})"
        ) from None
    except RecursionError:
        raise IngestError(
            "this CSL-JSON file is nested too deeply to be a reference list; export it again "
            "from your reference manager"
        ) from None
    items = data if isinstance(data, list) else [data]
    out = ParsedReferences()
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not str(item.get("title", "")).strip():
            out.problems.append(f"record {number}: skipped, it has no title")
            continue
        out.records.append(_from_csl(item))
    return out


def _from_csl(item: dict[str, Any]) -> Captured:
    csl_type = str(item.get("type", ""))
    authors = [Person.from_csl(a) for a in item.get("author", []) if isinstance(a, dict)]
    captured = Captured(
        text="",
        title=str(item.get("title", "")).strip(),
        authors=[a for a in authors if a.display()],
        container_title=str(item.get("container-title", "")),
        publisher=str(item.get("publisher", "")),
        issued=_csl_date(item.get("issued")),
        url=str(item.get("URL", "")),
        accessed=_csl_date(item.get("accessed")),
        language=str(item.get("language", "")),
        type=_CSL_TO_TYPE.get(csl_type, "other"),
    )
    for key in ("DOI", "ISBN", "ISSN", "volume", "issue", "page", "number", "genre", "medium"):
        if item.get(key):
            captured.extra[key] = str(item[key])
    if item.get("abstract"):
        captured.extra["abstract"] = clean_text(str(item["abstract"]))
    if isinstance(item.get("file"), str):  # a non-standard but common pointer to a file
        captured.extra["_file"] = item["file"]
    return captured


def _csl_date(value: Any) -> str:
    if isinstance(value, dict):
        parts = (value.get("date-parts") or [[]])[0]
        try:
            numbers = [int(p) for p in parts][:3]
        except (TypeError, ValueError):
            numbers = []
        if numbers:
            return "-".join([f"{numbers[0]:04d}"] + [f"{n:02d}" for n in numbers[1:]])
        return parse_date(str(value.get("raw", "") or value.get("literal", "")))
    return parse_date(str(value)) if value else ""


# ---------------------------------------------------------------------------- BibTeX

_LATEX = LatexNodes2Text()


def _bibtex(text: str) -> ParsedReferences:
    library = bibtexparser.parse_string(
        text,
        append_middleware=[SeparateCoAuthors(), LatexDecodingMiddleware(keep_braced_groups=False)],
    )
    out = ParsedReferences()
    for block in library.failed_blocks:
        reason = getattr(getattr(block, "error", None), "abort_reason", "") or "syntax error"
        out.problems.append(
            f"line {block.start_line + 1}: record skipped, malformed BibTeX ({reason.strip()})"
        )
    for entry in library.entries:
        fields = {f.key.lower(): f.value for f in entry.fields}
        title = _bib_text(fields.get("title", ""))
        if not title:
            out.problems.append(
                f"line {entry.start_line + 1}: record {entry.key!r} skipped, it has no title"
            )
            continue
        out.records.append(_from_bibtex(entry.entry_type.lower(), entry.key, fields, title))
    return out


def _from_bibtex(kind: str, key: str, fields: dict[str, Any], title: str) -> Captured:
    authors = fields.get("author", [])
    if isinstance(authors, str):
        authors = [authors]
    csl_type = _BIB_TO_CSL.get(kind, "document")
    if kind == "article" and "newspaper" in str(fields.get("entrysubtype", "")).lower():
        csl_type = "article-newspaper"
    container = fields.get("journaltitle") or fields.get("journal") or fields.get("howpublished")
    captured = Captured(
        text="",
        title=title,
        authors=[_bib_person(a) for a in authors if str(a).strip()],
        container_title=_bib_text(container or ""),
        publisher=_bib_text(
            fields.get("publisher") or fields.get("institution") or fields.get("organization") or ""
        ),
        issued=_bib_date(fields),
        url=str(fields.get("url", "")).strip(),
        accessed=parse_date(str(fields.get("urldate", ""))),
        language=_bib_text(fields.get("langid") or fields.get("language") or ""),
        type=_CSL_TO_TYPE.get(csl_type, "other"),
    )
    captured.extra["citation-key"] = key
    for name, csl in (
        ("doi", "DOI"),
        ("isbn", "ISBN"),
        ("volume", "volume"),
        ("number", "issue"),
        ("pages", "page"),
        ("abstract", "abstract"),
    ):
        if fields.get(name):
            captured.extra[csl] = _bib_text(fields[name])
    if fields.get("file"):
        captured.extra["_file"] = str(fields["file"])
    return captured


def _bib_text(value: Any) -> str:
    text = str(value)
    if "\\" in text or "{" in text:
        text = _LATEX.latex_to_text(text)
    return clean_text(" ".join(text.split()))


def _bib_person(raw: Any) -> Person:
    name = str(raw).strip()
    if name.startswith("{") and name.endswith("}"):  # {Ministry of Defence}: an institution
        return Person(literal=_bib_text(name[1:-1]))
    return Person.parse(_bib_text(name))


_BIB_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}


def _bib_date(fields: dict[str, Any]) -> str:
    if fields.get("date"):
        return parse_date(str(fields["date"]).split("/")[0])
    year = str(fields.get("year", "")).strip()
    if not year.isdigit():
        return ""
    month_raw = str(fields.get("month", "")).strip().lower()[:3]
    month = _BIB_MONTHS.get(month_raw) or (int(month_raw) if month_raw.isdigit() else 0)
    if not 1 <= month <= 12:
        return parse_date(year)
    day = str(fields.get("day", "")).strip()
    if day.isdigit():
        return parse_date(f"{year}-{month:02d}-{int(day):02d}")
    return parse_date(f"{year}-{month:02d}")


# ---------------------------------------------------------------------------- RIS

_RIS_LINE = re.compile(r"^[A-Z][A-Z0-9]  - ?")
_RIS_KNOWN_TAGS = set(rispy.TAG_KEY_MAPPING)


def _ris(text: str) -> ParsedReferences:
    """Records one by one, so a broken record costs only itself; unknown tags (every
    reference manager invents some) are kept out and named, never fatal."""
    out = ParsedReferences()
    unknown: set[str] = set()
    for start_line, chunk in _ris_chunks(text):
        try:
            records = rispy.loads(chunk, skip_unknown_tags=False)
        except Exception as e:  # rispy raises IOError/ValueError on malformed records
            out.problems.append(f"line {start_line}: record skipped, malformed RIS ({e})")
            continue
        for record in records:
            unknown.update(record.get("unknown_tag", {}))
            title = clean_text(
                str(
                    record.get("title")
                    or record.get("primary_title")
                    or record.get("translated_title")
                    or ""
                )
            ).strip()
            if not title:
                out.problems.append(f"line {start_line}: record skipped, it has no title (TI)")
                continue
            out.records.append(_from_ris(record, title))
    if unknown:
        out.problems.append(
            f"unknown RIS tags ignored: {', '.join(sorted(unknown))} (the records imported)"
        )
    return out


def _ris_chunks(text: str) -> list[tuple[int, str]]:
    """Split at each `TY  -` (record start), remembering the 1-based line it starts on."""
    chunks: list[tuple[int, str]] = []
    current: list[str] = []
    start = 1
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("TY  -"):
            if any(s.strip() for s in current):
                chunks.append((start, "\n".join(current)))
            current, start = [], number
        current.append(line)
    if any(s.strip() for s in current):
        chunks.append((start, "\n".join(current)))
    return chunks


def _from_ris(record: dict[str, Any], title: str) -> Captured:
    csl_type = _RIS_TO_CSL.get(str(record.get("type_of_reference", "")), "document")
    names = list(record.get("authors", [])) + list(record.get("first_authors", []))
    urls = record.get("urls") or []
    date = record.get("date") or record.get("publication_year") or record.get("year") or ""
    captured = Captured(
        text="",
        title=title,
        authors=[Person.parse(clean_text(str(n))) for n in names if str(n).strip()],
        container_title=clean_text(
            str(
                record.get("journal_name")
                or record.get("secondary_title")
                or record.get("alternate_title3")
                or ""
            )
        ).strip(),
        publisher=clean_text(str(record.get("publisher", ""))).strip(),
        issued=_ris_date(str(date)),
        url=str(urls[0]).strip() if urls else "",
        accessed=_ris_date(str(record.get("access_date", ""))),
        language=str(record.get("language", "")).strip(),
        type=_CSL_TO_TYPE.get(csl_type, "other"),
    )
    if record.get("doi"):
        captured.extra["DOI"] = str(record["doi"])
    if record.get("abstract"):
        captured.extra["abstract"] = clean_text(str(record["abstract"]))
    for key in ("file_attachments1", "file_attachments2"):
        files = record.get(key)
        if files:
            captured.extra["_file"] = files[0] if isinstance(files, list) else str(files)
            break
    return captured


def _ris_date(value: str) -> str:
    """RIS dates are YYYY/MM/DD/other, any part possibly empty."""
    parts = [p for p in value.strip().split("/")[:3]]
    if not parts or not parts[0].strip().isdigit():
        return parse_date(value)
    numbers = [p.strip() for p in parts if p.strip().isdigit()]
    joined = "-".join([numbers[0]] + [f"{int(n):02d}" for n in numbers[1:]])
    return parse_date(joined) if len(numbers) < 3 else _valid_or_year(joined, numbers[0])


def _valid_or_year(full: str, year: str) -> str:
    return parse_date(full) or parse_date(year)


# ---------------------------------------------------------------------------- attachments


def _attach(
    record: Captured, base: Path, reader: AttachmentReader | None, problems: list[str]
) -> None:
    """Import the text of the file a record points to, if that file exists."""
    pointer = record.extra.pop("_file", "")
    if not pointer or reader is None:
        return
    folder = base.resolve()
    for candidate in _file_paths(pointer):
        path = (candidate if candidate.is_absolute() else base / candidate).resolve()
        if not path.is_relative_to(folder):
            # A reference file must not pull in files from elsewhere on the machine (a
            # hostile .ris could name ../../secrets); Zotero's "export files" keeps them
            # beside the export, which is the case we follow.
            record.notes.append(
                f"{record.title!r}: attached file {candidate.name} is outside the folder "
                "of the reference file, so it was not read; import it separately if wanted"
            )
            return
        if not path.is_file():
            continue
        try:
            found = reader(path)
        except IngestError as e:
            problems.append(
                f"{record.title!r}: attached file {path.name} not imported ({e.message}); "
                "the record came in without its text"
            )
            return
        record.text = found.text
        record.locators = found.locators
        record.original = found.original
        record.notes.extend(found.notes)
        for name in ("title", "container_title", "issued", "url", "language"):
            if not getattr(record, name):
                setattr(record, name, getattr(found, name))
        record.authors = record.authors or found.authors
        return
    record.notes.append(f"{record.title!r}: attached file not found ({pointer[:120]})")


def _file_paths(pointer: str) -> list[Path]:
    """Paths in a `file` field: Zotero "desc:path:mime;...", Mendeley/JabRef ":path:pdf",
    plain paths and file:// URLs."""
    out: list[Path] = []
    for part in re.split(r"(?<!\\);", pointer):
        part = part.strip()
        if part.startswith("file://"):
            part = part[len("file://") :]
        pieces = [p.replace("\\:", ":") for p in re.split(r"(?<!\\):", part)]
        # "desc:path:mime", where a Windows drive letter adds a piece ("C:\\...")
        path = ":".join(pieces[1:-1]) if len(pieces) >= 3 else part.replace("\\:", ":")
        if path:
            out.append(Path(path))
    return out


def _identity(record: Captured) -> str:
    """A record without text is a duplicate when title, date and link agree."""
    key = "\n".join(
        [record.title.casefold(), record.issued, record.url.casefold(), record.extra.get("DOI", "")]
    )
    return content_hash("reference:" + key)
