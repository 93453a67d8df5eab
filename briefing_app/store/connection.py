"""Opening a project file safely: recognise foreign, corrupt, newer and busy files first.

Everything that could reject a file happens on a read-only connection, so a rejected file
is never written to (not even switched to WAL mode).
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from .errors import (
    CorruptProjectError,
    ForeignFileError,
    NewerVersionError,
    ProjectBusyError,
    ProjectError,
)
from .schema import APPLICATION_ID, SCHEMA_VERSION, create_v1, migrate

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 2000


def _configure(db: sqlite3.Connection) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")


def create_database(path: Path) -> sqlite3.Connection:
    """A new, empty project file at the current schema version."""
    if path.exists():
        raise ProjectError(f"{path} already exists; choose another name or open it instead")
    if _read_only_location(path):
        raise ProjectError(
            f"cannot create {path}: the folder is read-only; choose a folder you can write to"
        )
    try:
        db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as e:
        raise ProjectError(f"cannot create {path}: {e}") from None
    try:
        _configure(db)
        # Schema, application id and version go straight into the main file (rollback
        # journal) before WAL is switched on: `inspect` reads the application id from the
        # file header, which a WAL-only write would not reach until a checkpoint, so a
        # new project killed before closing would otherwise reopen as "another
        # application's" file.
        create_v1(db)
        migrate(db, 1)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error as e:
        db.close()
        path.unlink(missing_ok=True)
        raise ProjectError(f"cannot create {path}: {_cause(e)}") from None
    return db


def open_database(path: Path) -> sqlite3.Connection:
    """Open an existing project file read-write after checking it is ours and healthy."""
    if not path.exists():
        raise ProjectError(f"{path} does not exist; check the path or create it with 'new'")
    if path.is_dir():
        raise ProjectError(f"{path} is a folder, not a project file")
    version = inspect(path)
    db: sqlite3.Connection | None = None
    try:
        db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        _configure(db)
        # WAL lets readers past a writer, so only asking for the write lock (and giving it
        # straight back) shows that another process is writing the file right now.
        db.execute("BEGIN IMMEDIATE")
        db.execute("ROLLBACK")
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.OperationalError as e:
        if db is not None:
            db.close()
        if _read_only_location(path):
            raise ProjectError(
                f"{path} is on a read-only disk or in a read-only folder; copy it somewhere "
                "writable to work on it. The file was not changed."
            ) from None
        if _disk_full(path):
            raise ProjectError(
                f"the disk holding {path} is full, so the project cannot be opened; free some "
                "space and try again. The file was not changed."
            ) from None
        raise _busy_or(e, path) from None
    if version < SCHEMA_VERSION:
        _backup_before_migration(db, path, version)
        try:
            migrate(db, version)
        except sqlite3.Error as e:
            db.close()
            raise CorruptProjectError(
                f"{path} could not be upgraded from version {version} ({_cause(e)}); the file "
                "is unchanged and a copy was kept beside it"
            ) from None
    return db


def inspect(path: Path) -> int:
    """Check the file without writing to it; return its schema version."""
    with path.open("rb") as f:
        header = f.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        if not header:
            raise ForeignFileError(f"{path} is empty; it is not a Briefing Studio project")
        raise ForeignFileError(
            f"{path} is not a Briefing Studio project (it is not a SQLite database); "
            "open a .briefing file, or import this file as a source instead"
        )
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != APPLICATION_ID:
        raise ForeignFileError(
            f"{path} is a SQLite database of another application, not a Briefing Studio "
            "project; it was left unchanged"
        )
    with _read_only(path) as db:
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise NewerVersionError(
                    f"{path} was saved by a newer version of Briefing Studio (file version "
                    f"{version}, this program reads up to {SCHEMA_VERSION}); update Briefing "
                    "Studio to open it. The file was not changed."
                )
            if version < 1:
                raise CorruptProjectError(f"{path} has no schema version; it is damaged")
            problems = [row[0] for row in db.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                raise CorruptProjectError(
                    f"{path} is damaged ({problems[0]}); restore it from a backup "
                    "(briefing restore FILE --list). The file was not changed."
                )
            _check_tables(db, path, version)
        except sqlite3.DatabaseError as e:
            if "locked" in str(e) or "busy" in str(e):
                raise ProjectBusyError(
                    f"{path} is being written by another program; wait for it to finish "
                    "or close it there, then try again"
                ) from None
            if isinstance(e, sqlite3.OperationalError) and (
                "disk i/o" in str(e).lower() or "full" in str(e)
            ):
                # The disk refused to read or to hold SQLite's scratch files: that says
                # nothing about the file, so it must not be called damaged.
                raise ProjectError(
                    f"{path} could not be read ({e}); the disk may be full or failing. "
                    "Free some space and try again. The file was not changed."
                ) from None
            raise CorruptProjectError(
                f"{path} is damaged ({e}); restore it from a backup "
                "(briefing restore FILE --list). The file was not changed."
            ) from None
    return version


_REQUIRED = {
    "meta", "attachments", "sources", "snippets", "briefings", "sections", "blocks",
    "source_fts", "snippet_fts",  # without them every write to sources or snippets fails
}


def _check_tables(db: sqlite3.Connection, path: Path, version: int = SCHEMA_VERSION) -> None:
    names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    # From version 4 the library listing and search filters read `source_listing`.
    missing = (_REQUIRED | ({"source_listing"} if version >= 4 else set())) - names
    if missing:
        raise CorruptProjectError(
            f"{path} is missing parts of a project ({', '.join(sorted(missing))}); it may have "
            "been edited by another tool. Restore it from a backup; the file was not changed."
        )
    _check_code(db, path, version)


def _check_code(db: sqlite3.Connection, path: Path, version: int) -> None:
    """Triggers and views are SQL the database runs by itself on our reads and writes: a
    project file may hold exactly the ones Briefing Studio creates, so a file cannot bring
    code of its own (a trigger that deletes or rewrites data on every edit)."""
    found = _code_of(db)
    expected = _expected_code(version)
    foreign = sorted(f"{kind} {name!r}" for (kind, name), sql in found.items()
                     if expected.get((kind, name)) != sql)
    if foreign:
        raise CorruptProjectError(
            f"{path} holds database code Briefing Studio did not write ({', '.join(foreign)}); "
            "it was altered by another tool and will not be opened. Restore it from a backup; "
            "the file was not changed."
        )


@functools.cache
def _expected_code(version: int) -> dict[tuple[str, str], str]:
    """The triggers and views of a fresh project at `version`, built in memory."""
    from .schema import MIGRATIONS

    db = sqlite3.connect(":memory:", isolation_level=None)
    try:
        create_v1(db)
        for step in range(1, version):
            db.execute("BEGIN")
            MIGRATIONS[step](db)
            db.execute("COMMIT")
        return _code_of(db)
    finally:
        db.close()


def _code_of(db: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """Triggers and views by (type, name), their SQL with whitespace runs made one space
    (so reformatting schema.py's text never makes an older file look foreign)."""
    return {
        (kind, name): " ".join((sql or "").split())
        for kind, name, sql in db.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view')"
        )
    }


def _unused_wal_file(path: Path) -> bool:
    """A WAL-mode file with no -wal beside it: no connection has it open right now."""
    with path.open("rb") as f:
        header = f.read(20)
    return header[18:20] == b"\x02\x02" and not path.with_name(f"{path.name}-wal").exists()


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if _unused_wal_file(path):
        # Read it as immutable: a plain read-only connection would leave empty -wal and
        # -shm files beside a file we may be about to refuse.
        uri += "&immutable=1"
    try:
        db = sqlite3.connect(uri, uri=True, isolation_level=None)
    except sqlite3.Error as e:
        raise ProjectError(f"cannot read {path}: {e}") from None
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        yield db
    finally:
        db.close()


def _cause(error: sqlite3.Error) -> sqlite3.Error:
    """The first failure of a chain: after a disk-full write SQLite has already rolled
    back, so the ROLLBACK in a handler fails too ("no transaction is active") and would
    otherwise be reported instead of the real cause."""
    context = error.__context__
    return context if isinstance(context, sqlite3.Error) else error


def _read_only_location(path: Path) -> bool:
    """The file or its folder cannot be written (SQLite needs the folder for its -wal and
    -shm files), whether by permissions or a file system mounted read-only."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        mounted_ro = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        mounted_ro = False
    writable = os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))
    return mounted_ro or not writable


def _disk_full(path: Path, below: int = 1024 * 1024) -> bool:
    """Too little space left for SQLite's -wal and -shm files beside the project."""
    try:
        return shutil.disk_usage(path.parent if str(path.parent) else ".").free < below
    except OSError:
        return False


def _busy_or(error: sqlite3.OperationalError, path: Path) -> ProjectError:
    text = str(error)
    if "locked" in text or "busy" in text:
        return ProjectBusyError(
            f"{path} is being written by another program; wait for it to finish or close it "
            "there, then try again"
        )
    if "readonly" in text or "read-only" in text:
        return ProjectError(f"{path} is read-only; copy it somewhere writable to edit it")
    return ProjectError(f"cannot open {path}: {text}")


def _backup_before_migration(db: sqlite3.Connection, path: Path, version: int) -> None:
    """Keep a consistent copy of the old version beside the file before upgrading it."""
    target = path.with_name(f"{path.name}.v{version}.bak")
    if target.exists():
        return
    dest = sqlite3.connect(target)
    try:
        db.backup(dest)
    finally:
        dest.close()
