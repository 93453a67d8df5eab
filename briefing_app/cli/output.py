"""Printing results and errors: tables for people, `--json` for programs."""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from ..model.errors import ValidationError, ValidationErrors
from ..store.errors import ProjectError


class CliError(Exception):
    """A failure to report in one line (the message says what to do)."""


def fail(message: str, code: int = 1) -> int:
    print(f"briefing: error: {message}", file=sys.stderr)
    return code


def describe_error(error: BaseException) -> str | None:
    """One line for an expected failure from the core; None for a real bug."""
    if isinstance(error, ValidationErrors):
        parts = "; ".join(str(e) for e in error.errors[:20])
        more = f" (and {len(error.errors) - 20} more)" if len(error.errors) > 20 else ""
        return f"{len(error.errors)} problem(s): {parts}{more}"
    if isinstance(error, ValidationError | ProjectError):
        return str(error)
    if isinstance(error, FileNotFoundError):
        return f"{error.filename}: no such file"
    if isinstance(error, PermissionError):
        return f"{error.filename}: permission denied"
    if isinstance(error, IsADirectoryError):
        return f"{error.filename} is a folder, not a file"
    if isinstance(error, OSError):
        return f"{getattr(error, 'filename', '') or ''} {error.strerror or error}".strip()
    if isinstance(error, sqlite3.DatabaseError):
        return f"the project file could not be read ({error}); restore it from a backup"
    if isinstance(error, _expected_errors()):
        return str(error)
    return None


def _expected_errors() -> tuple[type[BaseException], ...]:
    """Failure types of the layers below, each already worded for the analyst."""
    from ..cite import UnknownStyleError
    from ..export.atomic import ExportError
    from ..ingest import IngestError

    return (IngestError, ExportError, UnknownStyleError)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """A plain aligned table; long cells are shortened so a line stays readable."""
    body = [[_cell(c) for c in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in body:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line.rstrip())
    for row in body:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def _cell(value: object, limit: int = 60) -> str:
    text = " ".join(str(value if value is not None else "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
