"""`briefing new` and `briefing sample`: creating project files."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..sample import build_sample
from ..store import Project
from .output import CliError, print_json


def register(commands: Any) -> None:
    new = commands.add_parser("new", help="create an empty project file")
    new.add_argument("file", type=Path)
    new.add_argument("--title", default="")
    new.add_argument("--json", action="store_true")
    new.set_defaults(run=_new)

    sample = commands.add_parser("sample", help="create the bundled sample project")
    sample.add_argument("file", type=Path)
    sample.add_argument("--json", action="store_true")
    sample.set_defaults(run=_sample)


def _new(args: argparse.Namespace) -> int:
    _refuse_existing(args.file)
    with Project.create(args.file, args.title or args.file.stem) as project:
        title = project.title
    if args.json:
        print_json({"file": str(args.file), "title": title})
    else:
        print(f"created {args.file}")
    return 0


def _sample(args: argparse.Namespace) -> int:
    _refuse_existing(args.file)
    build_sample(args.file)
    with Project.open(args.file) as project:
        summary = {
            "file": str(args.file),
            "sources": project.sources.count(),
            "snippets": project.snippets.count(),
            "briefings": [b.id for b in project.briefings.list()],
        }
    if args.json:
        print_json(summary)
    else:
        print(
            f"created {args.file}: {summary['sources']} sources, {summary['snippets']} "
            f"snippets, briefing {', '.join(summary['briefings'])}"
        )
    return 0


def _refuse_existing(path: Path) -> None:
    if path.exists():
        raise CliError(f"{path} already exists; choose another name (nothing was changed)")
