"""`briefing compose`, `export`, `check` and `styles`: working with briefings."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..model.briefing_json import briefing_from_dict
from ..store import Project
from .output import CliError, print_json

EXPORT_FORMATS = ("docx", "pdf", "html", "json")
MAX_JSON_BYTES = 50 * 1024 * 1024


def register(commands: Any) -> None:
    compose = commands.add_parser("compose", help="create or replace a briefing from JSON")
    compose.add_argument("file", type=Path)
    compose.add_argument("briefing_json", type=Path, metavar="BRIEFING.json")
    compose.add_argument("--json", action="store_true")
    compose.set_defaults(run=_compose)

    export = commands.add_parser("export", help="export a briefing")
    export.add_argument("file", type=Path)
    export.add_argument("-o", "--output", type=Path, required=True)
    export.add_argument("--format", choices=EXPORT_FORMATS)
    export.add_argument("--briefing", default="", metavar="ID")
    export.add_argument("--style")
    export.add_argument("--notes", choices=["footnotes", "endnotes"])
    export.add_argument("--template")
    export.add_argument("--json", action="store_true")
    export.set_defaults(run=_export)

    styles = commands.add_parser("styles", help="list the citation styles")
    styles.add_argument("--json", action="store_true")
    styles.set_defaults(run=_styles)

    check = commands.add_parser("check", help="check a briefing against analytic standards")
    check.add_argument("file", type=Path)
    check.add_argument("--briefing", default="", metavar="ID")
    check.add_argument("--json", action="store_true")
    check.set_defaults(run=_check)


def read_briefing_json(path: Path) -> Any:
    """Read Briefing JSON with a size cap, so a hostile 500 MB file is refused up front."""
    if path.stat().st_size > MAX_JSON_BYTES:
        raise CliError(
            f"{path} is larger than {MAX_JSON_BYTES // (1024 * 1024)} MB; a briefing is "
            "never this big. Check you chose the right file."
        )
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise CliError(f"{path} is not UTF-8 text; save it as UTF-8 JSON") from None
    except RecursionError:
        raise CliError(f"{path} is nested too deeply to be a briefing") from None
    except json.JSONDecodeError as e:
        raise CliError(f"{path} is not valid JSON: {e.msg} at line {e.lineno}, column {e.colno}"
                       ) from None


def _compose(args: argparse.Namespace) -> int:
    data = read_briefing_json(args.briefing_json)
    with Project.open(args.file) as project:
        briefing = briefing_from_dict(data, project.known_refs())
        briefing_id = project.briefings.save(briefing)
    if args.json:
        print_json({"id": briefing_id, "title": briefing.title})
    else:
        print(briefing_id)
    return 0


def _export(args: argparse.Namespace) -> int:
    fmt = args.format or args.output.suffix.lstrip(".").lower()
    if fmt not in EXPORT_FORMATS:
        raise CliError(
            f"cannot tell the format from {args.output.name!r}; add --format "
            f"({', '.join(EXPORT_FORMATS)})"
        )
    with Project.open(args.file) as project:
        briefing = project.briefings.get(args.briefing)
        if args.style:
            briefing.style = args.style
        if args.notes:
            briefing.notes = args.notes
        if args.template:
            briefing.template = args.template
        problems: list[str] = []
        if fmt == "json":
            from ..export.json_writer import write_json

            write_json(briefing, args.output)
        else:
            from ..export.pipeline import resolve_from_project, writer_for

            writer = writer_for(fmt)
            doc = resolve_from_project(project, briefing, fmt=fmt)
            problems = doc.problems
            writer(doc, args.output)
    for problem in problems:
        print(f"briefing: warning: {problem}", file=sys.stderr)
    if args.json:
        print_json({"id": briefing.id, "format": fmt, "output": str(args.output),
                    "problems": problems})
    else:
        print(f"wrote {args.output}")
    return 0


def _check(args: argparse.Namespace) -> int:
    """Integrity findings (drifted quotes, citations to missing snippets) until the full
    standards check arrives with the tradecraft issue."""
    with Project.open(args.file) as project:
        briefing = project.briefings.get(args.briefing)
        known = project.known_refs()
        findings = [
            {"rule": "quote-drift", "severity": "error", "location": "library",
             "excerpt": "", "message": m}
            for m in project.snippets.drifted()
        ]
        for s_idx, b_idx, block in briefing.blocks():
            for citation in block.citations():
                if citation.ref not in known:
                    findings.append({
                        "rule": "missing-citation-target", "severity": "error",
                        "location": f"{briefing.sections[s_idx].heading} > block {b_idx + 1}",
                        "excerpt": f"@{citation.ref}",
                        "message": f"the citation @{citation.ref} points at no snippet or "
                        "source; cite an existing snippet or take the quote again",
                    })
    if args.json:
        print_json(findings)
    elif not findings:
        print("no findings")
    else:
        for f in findings:
            print(f"{f['severity']}: {f['location']}: {f['message']}")
    return 1 if any(f["severity"] == "error" for f in findings) else 0


def _styles(args: argparse.Namespace) -> int:
    from ..cite import available_styles
    from ..model.briefing import DEFAULT_STYLE

    styles = available_styles()
    if args.json:
        print_json([{"key": s.key, "name": s.name, "kind": s.kind,
                     "default": s.key == DEFAULT_STYLE} for s in styles])
        return 0
    for s in styles:
        mark = " (default)" if s.key == DEFAULT_STYLE else ""
        print(f"{s.key:<22} {s.kind:<12} {s.name}{mark}")
    return 0
