"""Rolling backups of the project file: the last N saves and one per day, within a size
budget, and never at the price of the disk the project itself needs.

A backup is made with SQLite's online backup API from the open connection, so it is a
consistent snapshot even while edits are being written, never a half-copied file.
Backups live in a folder beside the project (`NAME.briefing-backups/`), so they are on the
same disk, easy to find, and go wherever the analyst moves the project folder.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .connection import inspect
from .errors import ProjectBusyError, ProjectError

KEEP_SAVES = 10
KEEP_DAYS = 30
#: The backups of a project take at most this many times its size (at least KEEP_MIN_BYTES):
#: a project holding 2 GB of original PDFs would otherwise keep 40 copies, 80 GB.
KEEP_TIMES_SIZE = 5
KEEP_MIN_BYTES = 1 << 30
#: Free space a backup must leave on the disk, so that the project's own edits can still
#: be written after it: a backup that fills the disk would stop the work it protects.
RESERVE_BYTES = 100 << 20
_NAME = re.compile(r"^(?P<stamp>\d{8}T\d{6}(?:\d{6})?Z)-(?P<reason>[a-z-]+)\.briefing$")


@dataclass(frozen=True)
class Backup:
    number: int  # 1 is the newest
    path: Path
    taken_at: datetime
    reason: str
    size: int


def backup_dir(project_path: Path) -> Path:
    return project_path.with_name(project_path.name + "-backups")


def take_backup(project_path: Path, reason: str = "save") -> Path:
    """Snapshot the last committed state, then prune old snapshots.

    The snapshot is read through its own connection: in WAL mode a reader sees every
    committed edit and never waits for (or blocks) a writer, even one mid-transaction.
    """
    folder = backup_dir(project_path)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as e:
        raise ProjectError(f"cannot create the backup folder {folder}: {e.strerror}") from None
    _check_room(project_path, folder)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{stamp}-{reason}.briefing"
    partial = target.with_suffix(".partial")
    try:
        source = sqlite3.connect(f"{project_path.resolve().as_uri()}?mode=ro", uri=True)
        dest = sqlite3.connect(partial)
        try:
            source.backup(dest)
        finally:
            dest.close()
            source.close()
        partial.replace(target)
    except (OSError, sqlite3.Error) as e:
        partial.unlink(missing_ok=True)
        raise ProjectError(
            f"the backup could not be written to {folder} ({e}); the project itself is fine"
        ) from None
    prune(project_path)
    return target


def _check_room(project_path: Path, folder: Path) -> None:
    """Refuse a backup that would leave less than RESERVE_BYTES free on its disk."""
    try:
        needed = project_path.stat().st_size + RESERVE_BYTES
        free = shutil.disk_usage(folder).free
    except OSError:
        return  # cannot tell: try, and let a real failure report itself
    if free < needed:
        raise ProjectError(
            f"no backup was taken: the disk holding {folder} has {describe_size(free)} free and a "
            f"backup needs {describe_size(needed)} (the project's size and room for your next "
            "edits). The project itself is fine; free some space, or delete old backups "
            "in that folder"
        )


def describe_size(n: int) -> str:
    """A file size as people read it: "2.1 GB", "452.0 KB" is "452 KB", "3.0 MB"."""
    if n >= 1 << 30:
        return f"{n / (1 << 30):.1f} GB"
    if n >= 1 << 20:
        return f"{n / (1 << 20):.1f} MB"
    return f"{max(1, round(n / 1024))} KB"


def list_backups(project_path: Path) -> list[Backup]:
    """Backups newest first, numbered from 1."""
    folder = backup_dir(project_path)
    found: list[tuple[datetime, Path, str]] = []
    if folder.is_dir():
        for path in folder.iterdir():
            m = _NAME.match(path.name)
            if m:
                stamp = m.group("stamp")
                fmt = "%Y%m%dT%H%M%S%fZ" if len(stamp) > 16 else "%Y%m%dT%H%M%SZ"
                taken = datetime.strptime(stamp, fmt).replace(tzinfo=UTC)
                found.append((taken, path, m.group("reason")))
    found.sort(key=lambda item: item[0], reverse=True)
    return [
        Backup(i, path, taken, reason, path.stat().st_size)
        for i, (taken, path, reason) in enumerate(found, 1)
    ]


def prune(
    project_path: Path,
    keep_saves: int = KEEP_SAVES,
    keep_days: int = KEEP_DAYS,
    keep_bytes: int | None = None,
) -> None:
    """Keep the newest `keep_saves` backups plus the oldest backup of each of the last
    `keep_days` days, newest first while they fit in `keep_bytes` (by default
    KEEP_TIMES_SIZE times the project's size, at least KEEP_MIN_BYTES; the newest backup
    is always kept); remove the rest."""
    backups = list_backups(project_path)
    keep = {b.path for b in backups[:keep_saves]}
    first_of_day: dict[str, Backup] = {}
    for b in backups:  # newest first, so the last one seen per day is that day's oldest
        first_of_day[b.taken_at.strftime("%Y-%m-%d")] = b
    days = sorted(first_of_day, reverse=True)[:keep_days]
    keep |= {first_of_day[d].path for d in days}
    budget = _budget(project_path) if keep_bytes is None else keep_bytes
    used = 0
    for n, b in enumerate(backups):  # newest first: once one does not fit, older ones go
        if b.path in keep:
            used += b.size
            if used > budget and n > 0:
                keep -= {older.path for older in backups[n:]}
                break
    for b in backups:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)


def _budget(project_path: Path) -> int:
    try:
        size = project_path.stat().st_size
    except OSError:
        size = 0
    return max(KEEP_MIN_BYTES, KEEP_TIMES_SIZE * size)


def _copy_database(source_path: Path, target: Path) -> None:
    """A consistent copy of the database at `source_path` into `target` (backup API)."""
    source = sqlite3.connect(f"{source_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()


def _keep_current_state(project_path: Path) -> None:
    """Back up the project before it is replaced (a damaged one is copied aside as
    NAME.damaged); raises, so that nothing is replaced, when that is not possible."""
    try:
        inspect(project_path)
    except ProjectBusyError:
        raise  # another program is writing it: never replace it under that program
    except ProjectError:
        shutil.copyfile(project_path, project_path.with_name(project_path.name + ".damaged"))
    else:
        take_backup(project_path, "before-restore")


def restore_backup(project_path: Path, number: int) -> Backup:
    """Replace the project file with backup `number` (1 = newest).

    The current file is first kept as a backup itself (or, if it is damaged, copied aside
    as NAME.damaged), so a restore can always be undone.
    """
    backups = list_backups(project_path)
    chosen = next((b for b in backups if b.number == number), None)
    if chosen is None:
        raise ProjectError(
            f"there is no backup {number} of {project_path.name}; "
            f"'restore --list' shows {len(backups)} backup(s)"
        )
    inspect(chosen.path)  # refuse to restore a damaged backup
    # Read the backup first: keeping the current state adds a backup and prunes, and the
    # prune may remove the very backup being restored.
    partial = project_path.with_name(project_path.name + ".restoring")
    try:
        _copy_database(chosen.path, partial)
        if project_path.exists():
            _keep_current_state(project_path)
        for suffix in ("-wal", "-shm"):
            Path(str(project_path) + suffix).unlink(missing_ok=True)
        partial.replace(project_path)
    except (OSError, sqlite3.Error) as e:
        raise ProjectError(
            f"the backup could not be restored ({e}); {project_path.name} was not replaced"
        ) from None
    finally:
        partial.unlink(missing_ok=True)
    return chosen
