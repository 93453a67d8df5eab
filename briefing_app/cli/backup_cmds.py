"""`briefing backup` and `briefing restore`: the rolling backups beside a project."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..store import Project
from ..store.backups import describe_size, list_backups, restore_backup
from .output import CliError, print_json, print_table


def register(commands: Any) -> None:
    backup = commands.add_parser("backup", help="take a backup of a project now")
    backup.add_argument("file", type=Path)
    backup.add_argument("--json", action="store_true")
    backup.set_defaults(run=_backup)

    restore = commands.add_parser("restore", help="list or restore backups of a project")
    restore.add_argument("file", type=Path)
    which = restore.add_mutually_exclusive_group(required=True)
    which.add_argument("--list", action="store_true", help="list the backups, newest first")
    which.add_argument("--from", dest="number", type=int, metavar="N",
                       help="restore backup N (1 is the newest); the current file is kept "
                       "as a backup first")
    restore.add_argument("--json", action="store_true")
    restore.set_defaults(run=_restore)


def _backup(args: argparse.Namespace) -> int:
    with Project.open(args.file) as project:
        path = project.save_point("manual")
    if args.json:
        print_json({"backup": str(path)})
    else:
        print(f"backed up to {path}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    if args.list:
        backups = list_backups(args.file)
        if args.json:
            print_json([{"number": b.number, "taken_at": b.taken_at.isoformat(),
                         "reason": b.reason, "size": b.size, "path": str(b.path)}
                        for b in backups])
        elif not backups:
            print(f"no backups of {args.file} yet")
        else:
            print_table(["n", "taken (UTC)", "reason", "size"],
                        [(b.number, b.taken_at.strftime("%Y-%m-%d %H:%M:%S"), b.reason,
                          describe_size(b.size)) for b in backups])
        return 0
    if args.number < 1:
        raise CliError("backup numbers start at 1 (the newest); see 'restore --list'")
    chosen = restore_backup(args.file, args.number)
    if args.json:
        print_json({"restored": chosen.number, "taken_at": chosen.taken_at.isoformat()})
    else:
        print(f"restored {args.file} from backup {chosen.number} "
              f"({chosen.taken_at:%Y-%m-%d %H:%M:%S} UTC); the previous state is backup 1")
    return 0
