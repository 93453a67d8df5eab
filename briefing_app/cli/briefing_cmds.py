"""`briefing compose`, `export`, `check` and `styles`: working with briefings."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import date
from pathlib import Path
from typing import Any

from ..model.briefing_json import briefing_from_dict
from ..store import Project
from .output import CliError, print_json

log = logging.getLogger(__name__)
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
    export.add_argument("--template", help="a template name, or (DOCX) a reference .docx/.dotx")
    export.add_argument("--what-changed", action="store_true",
                        help="open with what changed since the previous edition")
    export.add_argument("--pdfa", action="store_true", help="PDF/A-2b for archiving")
    export.add_argument("--json", action="store_true")
    export.set_defaults(run=_export)

    styles = commands.add_parser("styles", help="list the citation styles")
    styles.add_argument("--json", action="store_true")
    styles.set_defaults(run=_styles)

    check = commands.add_parser("check", help="check a briefing against analytic standards")
    check.add_argument("file", type=Path)
    check.add_argument("--briefing", default="", metavar="ID")
    check.add_argument("--as-of", metavar="YYYY-MM-DD",
                       help="the date signpost reviews are due against (default: the "
                       "briefing's date)")
    check.add_argument("--json", action="store_true")
    check.set_defaults(run=_check)

    edition = commands.add_parser("edition", help="copy a briefing into a new edition")
    edition.add_argument("file", type=Path)
    edition.add_argument("briefing_id", metavar="ID")
    edition.add_argument("--json", action="store_true")
    edition.set_defaults(run=_edition)

    diff = commands.add_parser("diff", help="what changed between two editions")
    diff.add_argument("file", type=Path)
    diff.add_argument("old_id", metavar="OLD_ID")
    diff.add_argument("new_id", metavar="NEW_ID")
    diff.add_argument("--json", action="store_true")
    diff.set_defaults(run=_diff)

    summary = commands.add_parser("summary", help="draft the source summary statement")
    summary.add_argument("file", type=Path)
    summary.add_argument("--briefing", default="", metavar="ID")
    summary.add_argument("--json", action="store_true")
    summary.set_defaults(run=_summary)


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
        options: dict[str, Any] = {}
        if args.template and args.template.lower().endswith((".docx", ".dotx")):
            if fmt != "docx":
                raise CliError("a reference .docx/.dotx styles DOCX exports only; give a "
                               "template name for PDF and HTML")
            options["reference_docx"] = Path(args.template)
        elif args.template:
            briefing.template = args.template
        if args.pdfa:
            if fmt != "pdf":
                raise CliError("--pdfa applies to PDF exports only")
            options["pdfa"] = True
        problems: list[str] = []
        if fmt == "json":
            from ..export.json_writer import write_json

            write_json(briefing, args.output)
        else:
            from ..export.pipeline import resolve_from_project, writer_for

            writer = writer_for(fmt)
            doc = resolve_from_project(project, briefing, fmt=fmt,
                                       what_changed=args.what_changed)
            problems = doc.problems
            writer(doc, args.output, **options)
    for problem in problems:
        print(f"briefing: warning: {problem}", file=sys.stderr)
    # ids and counts only: problem texts quote the briefing, and logs never hold its text
    log.info("export: briefing %s to %s, %d problem(s)", briefing.id, fmt, len(problems))
    if args.json:
        print_json({"id": briefing.id, "format": fmt, "output": str(args.output),
                    "problems": problems})
    else:
        print(f"wrote {args.output}")
    return 0


def _check(args: argparse.Namespace) -> int:
    """The analytic standards check; exit 1 when any finding is an error."""
    from ..analysis.check import has_errors
    from ..analysis.findings import findings_to_json
    from ..analysis.project_checks import check_project

    as_of = _parse_date(args.as_of) if args.as_of else None
    with Project.open(args.file) as project:
        findings = check_project(project, args.briefing, today=as_of)
    if args.json:
        print_json(findings_to_json(findings))
    elif not findings:
        print("no findings")
    else:
        for f in findings:
            print(f"{f.severity}: {f.rule}: {f.location}: {f.message}")
            if f.excerpt:
                print(f"    \u201c{f.excerpt}\u201d")
    return 1 if has_errors(findings) else 0


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"--as-of {text!r} is not a date in the form YYYY-MM-DD") from None


def _edition(args: argparse.Namespace) -> int:
    with Project.open(args.file) as project:
        new_id = project.briefings.copy_edition(args.briefing_id)
    if args.json:
        print_json({"id": new_id, "edition_of": args.briefing_id})
    else:
        print(new_id)
    return 0


def _diff(args: argparse.Namespace) -> int:
    from ..analysis.project_checks import diff_editions

    with Project.open(args.file) as project:
        changes = diff_editions(project, args.old_id, args.new_id)
    if args.json:
        print_json([c.to_json() for c in changes])
    elif not changes:
        print("no changes to judgments, likelihoods, scenarios or signposts")
    else:
        for change in changes:
            print(change.text)
    return 0


def _summary(args: argparse.Namespace) -> int:
    from ..analysis.project_checks import source_summary_for_project

    with Project.open(args.file) as project:
        paragraphs = source_summary_for_project(project, args.briefing)
    if args.json:
        print_json(paragraphs)
    else:
        print("\n\n".join(paragraphs))
    return 0


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
