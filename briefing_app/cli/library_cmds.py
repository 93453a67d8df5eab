"""`briefing source …`, `briefing snippet …` and `briefing search`: the source library."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from ..model.grades import admiralty_code
from ..model.snippet import Snippet
from ..model.source import SOURCE_TYPES, Source
from ..store import Project
from .output import print_json, print_table

log = logging.getLogger(__name__)


def register(commands: Any) -> None:
    source = commands.add_parser("source", help="add and list sources")
    source_cmds = source.add_subparsers(dest="source_command", metavar="ACTION", required=True)
    add = source_cmds.add_parser("add", help="import files (or - for standard input)")
    add.add_argument("file", type=Path, help="the project file")
    add.add_argument("paths", nargs="+", metavar="PATH")
    add.add_argument("--type", choices=list(SOURCE_TYPES), dest="source_type")
    add.add_argument("--reliability", metavar="A-F")
    add.add_argument("--descriptor")
    add.add_argument("--title")
    add.add_argument("--author", action="append", default=[])
    add.add_argument("--publisher")
    add.add_argument("--date", metavar="YYYY-MM-DD")
    add.add_argument("--url")
    add.add_argument("--json", action="store_true")
    add.set_defaults(run=_source_add)

    lst = source_cmds.add_parser("list", help="list the library")
    lst.add_argument("file", type=Path)
    lst.add_argument("--json", action="store_true")
    lst.add_argument("--format", choices=["table", "csl-json", "bibtex"], default="table")
    lst.set_defaults(run=_source_list)

    snippet = commands.add_parser("snippet", help="take and list snippets")
    snippet_cmds = snippet.add_subparsers(dest="snippet_command", metavar="ACTION", required=True)
    sadd = snippet_cmds.add_parser("add", help="take an exact quote from a source")
    sadd.add_argument("file", type=Path)
    sadd.add_argument("source_id")
    sadd.add_argument("--quote", required=True)
    sadd.add_argument("--credibility", metavar="1-6", default="6")
    sadd.add_argument("--note", default="")
    sadd.add_argument("--tag", action="append", default=[])
    sadd.add_argument("--locator", default="", help="override the detected locator")
    sadd.add_argument("--translation", default="", help="a translation of the quote")
    sadd.add_argument("--translator", default="", help="who or what translated it")
    sadd.add_argument("--json", action="store_true")
    sadd.set_defaults(run=_snippet_add)

    slist = snippet_cmds.add_parser("list", help="list snippets")
    slist.add_argument("file", type=Path)
    slist.add_argument("--source", help="only this source's snippets")
    slist.add_argument("--json", action="store_true")
    slist.set_defaults(run=_snippet_list)

    usages = snippet_cmds.add_parser("usages", help="where a snippet is cited")
    usages.add_argument("file", type=Path)
    usages.add_argument("snippet_id")
    usages.add_argument("--json", action="store_true")
    usages.set_defaults(run=_snippet_usages)

    merge = snippet_cmds.add_parser("merge", help="join two snippets of one source")
    merge.add_argument("file", type=Path)
    merge.add_argument("first_id")
    merge.add_argument("second_id", help="merged into the first; its citations follow")
    merge.add_argument("--json", action="store_true")
    merge.set_defaults(run=_snippet_merge)

    search = commands.add_parser(
        "search", help="full-text search of sources and snippets",
        description='Every word must occur; "words in quotes" must occur together; a '
        "trailing * searches by prefix. Place names are searched in every spelling the "
        "project's gazetteer knows (unless quoted). Filters apply to the source.",
    )
    search.add_argument("file", type=Path)
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--type", action="append", dest="types", metavar="TYPE",
                        help="only sources of this type (repeatable)")
    search.add_argument("--grades", metavar="GRADES",
                        help='reliability grades, as "AB" or "A-C"')
    search.add_argument("--from", dest="date_from", default="", metavar="DATE",
                        help="issued on or after YYYY[-MM[-DD]]")
    search.add_argument("--to", dest="date_to", default="", metavar="DATE",
                        help="issued on or before YYYY[-MM[-DD]]")
    search.add_argument("--outlet", default="", help="part of the outlet's name")
    search.add_argument("--json", action="store_true")
    search.set_defaults(run=_search)


def source_json(source: Source, duplicate_of: str | None = None) -> dict[str, Any]:
    return {
        "id": source.id,
        "title": source.title,
        "type": source.type,
        "authors": [a.display() for a in source.authors],
        "container_title": source.container_title,
        "publisher": source.publisher,
        "issued": source.issued,
        "url": source.url,
        "reliability": source.reliability,
        "descriptor": source.descriptor,
        "sha256": source.sha256,
        "duplicate_of": duplicate_of,
    }


def snippet_json(snippet: Snippet, source: Source | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": snippet.id,
        "source": snippet.source_id,
        "start": snippet.start,
        "end": snippet.end,
        "text": snippet.text,
        "locator": snippet.locator,
        "credibility": snippet.credibility,
        "tags": snippet.tags,
        "note": snippet.note,
        "translation": snippet.translation,
        "translator": snippet.translator,
    }
    if source is not None:
        out["grade"] = admiralty_code(source.reliability, snippet.credibility)
    return out


def _source_add(args: argparse.Namespace) -> int:
    """Files and folders import as one batch (text extraction in parallel, each file its own
    transaction, a bad file reported while the rest go in); `-` and URLs follow."""
    from ..ingest import SourceOverrides, import_paths, import_text, import_url
    from .output import describe_error

    overrides = SourceOverrides(
        type=args.source_type or "",
        reliability=args.reliability or "",
        descriptor=args.descriptor or "",
        title=args.title or "",
        authors=list(args.author) or None,
        publisher=args.publisher or "",
        issued=args.date or "",
        url=args.url or "",
    ).validate()
    names = [str(p) for p in args.paths]
    files = [n for n in names if n != "-" and not n.startswith(("http://", "https://"))]
    others = [n for n in names if n not in files]
    added = _Added(args.json)
    with Project.open(args.file) as project:
        if files:
            report = import_paths(project, [Path(f) for f in files], overrides=overrides,
                                  progress=_progress_printer(len(files), args.json))
            for outcome in report.outcomes:
                if outcome.result is not None:
                    added.result(outcome.path, outcome.result)
                elif outcome.status == "skipped":
                    print(f"briefing: warning: {outcome.path}: skipped: {outcome.reason}",
                          file=sys.stderr)
                else:
                    added.failure(outcome.path, outcome.reason)
        for name in others:
            try:
                if name == "-":
                    result = import_text(project, sys.stdin.buffer.read(), overrides=overrides)
                else:
                    result = import_url(project, name, overrides)
            except Exception as e:
                message = describe_error(e)
                if message is None:
                    raise
                added.failure(name, message)
                continue
            added.result(name, result)
    log.info("import: %d input(s), %d source(s) stored or matched, %d failed",
             len(names), len(added.entries), added.failures)
    if args.json:
        print_json(added.entries)
    return 1 if added.failures else 0


class _Added:
    """Collects what an import produced, printing as it goes (unless --json)."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.entries: list[dict[str, Any]] = []
        self.failures = 0

    def result(self, name: str, result: Any) -> None:
        for problem in result.problems:
            print(f"briefing: warning: {name}: {problem}", file=sys.stderr)
        for item in result.items:
            entry = source_json(item.source, item.duplicate_of)
            entry["near_duplicate_of"] = item.near_duplicate_of
            entry["notes"] = list(item.notes)
            self.entries.append(entry)
            if not self.quiet:
                print(f"{name}: {item.message()}")

    def failure(self, name: str, message: str) -> None:
        self.failures += 1
        print(f"briefing: error: {name}: {message}", file=sys.stderr)


def _progress_printer(count: int, quiet: bool) -> Any:
    """Progress on stderr for long batches in a terminal; silent otherwise."""
    if quiet or count < 20 or not sys.stderr.isatty():
        return None

    def report(done: int, total: int, name: str) -> None:
        print(f"\r{done}/{total} {Path(name).name[:50]:<50}", end="", file=sys.stderr,
              flush=True)
        if done == total:
            print(file=sys.stderr)

    return report


def _source_list(args: argparse.Namespace) -> int:
    with Project.open(args.file) as project:
        sources = project.sources.list()
        counts = dict(
            project.db.execute("SELECT source_id, COUNT(*) FROM snippets GROUP BY source_id")
        )
    if args.format in ("csl-json", "bibtex"):
        from ..ingest import export_bibtex, export_csl_json

        sys.stdout.write(
            export_csl_json(sources) if args.format == "csl-json" else export_bibtex(sources)
        )
        return 0
    if args.json:
        print_json([source_json(s) | {"snippets": counts.get(s.id, 0)} for s in sources])
        return 0
    print_table(
        ["id", "grade", "type", "date", "outlet", "title", "snippets"],
        [
            (s.id, s.reliability, s.type, s.issued, s.container_title, s.title,
             counts.get(s.id, 0))
            for s in sources
        ],
    )
    return 0


def _snippet_add(args: argparse.Namespace) -> int:
    with Project.open(args.file) as project:
        snippet = project.snippets.add_quote(
            args.source_id, args.quote, credibility=args.credibility, note=args.note,
            tags=list(args.tag), locator=args.locator, translation=args.translation,
            translator=args.translator,
        )
        source = project.sources.get(snippet.source_id)
    if args.json:
        print_json(snippet_json(snippet, source))
    else:
        print(f"added {snippet.id} from {snippet.source_id} at {snippet.locator or 'start'}")
    return 0


def _snippet_list(args: argparse.Namespace) -> int:
    with Project.open(args.file) as project:
        snippets = project.snippets.list(args.source)
        sources = {s.id: s for s in project.sources.list()}
    if args.json:
        print_json([snippet_json(s, sources.get(s.source_id)) for s in snippets])
        return 0
    print_table(
        ["id", "source", "locator", "grade", "quote"],
        [
            (s.id, s.source_id, s.locator,
             admiralty_code(sources[s.source_id].reliability, s.credibility), s.text)
            for s in snippets
        ],
    )
    return 0


def _snippet_usages(args: argparse.Namespace) -> int:
    with Project.open(args.file) as project:
        project.snippets.get(args.snippet_id)
        usages = project.snippets.usages(args.snippet_id)
    if args.json:
        print_json([{"briefing": u.briefing_id, "briefing_title": u.briefing_title,
                     "section": u.section, "block": u.block_id, "block_type": u.block_type}
                    for u in usages])
    elif not usages:
        print(f"{args.snippet_id} is not cited in any briefing")
    else:
        print_table(["briefing", "section", "block", "type"],
                    [(u.briefing_id, u.section, u.block_id, u.block_type) for u in usages])
    return 0


def _snippet_merge(args: argparse.Namespace) -> int:
    with Project.open(args.file) as project:
        merged = project.snippets.merge(args.first_id, args.second_id)
        source = project.sources.get(merged.source_id)
    if args.json:
        print_json(snippet_json(merged, source))
    else:
        print(f"merged {args.second_id} into {merged.id}; its citations now point at "
              f"{merged.id}")
    return 0


def _search(args: argparse.Namespace) -> int:
    with Project.open(args.file) as project:
        hits = project.index.search(
            args.query, limit=args.limit, source_type=args.types, grades=args.grades,
            date_from=args.date_from, date_to=args.date_to, outlet=args.outlet,
        )
    if args.json:
        print_json(
            [
                {"kind": h.kind, "id": h.id, "source": h.source_id, "title": h.title,
                 "fragment": h.fragment, "rank": h.rank}
                for h in hits
            ]
        )
        return 0
    if not hits:
        print(f"no matches for {args.query!r}")
        return 0
    print_table(["kind", "id", "source", "title", "fragment"],
                [(h.kind, h.id, h.source_id, h.title, h.fragment) for h in hits])
    return 0
