"""The open project: one connection, one transaction per mutation, and change events.

Every write goes straight to the file inside a transaction (WAL mode), so there is no
unsaved state to lose when the process dies: the UI's "Save" only marks a checkpoint.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from ..model.events import EventEmitter
from .attachments import AttachmentRepository
from .briefings import BriefingRepository
from .connection import create_database, open_database
from .errors import ProjectError
from .search import SearchIndex
from .snippets import SnippetRepository
from .sources import SourceRepository

log = logging.getLogger(__name__)


class Project:
    """A `*.briefing` file opened for reading and writing.

    Passed around explicitly (no global "current project"): the UI, the CLI and the tests
    each hold the instance they opened.
    """

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db = db
        self.path = path
        self.events = EventEmitter()
        self._depth = 0
        self._backup_thread: threading.Thread | None = None
        self.attachments = AttachmentRepository(self)
        self.sources = SourceRepository(self)
        self.snippets = SnippetRepository(self)
        self.briefings = BriefingRepository(self)
        self.index = SearchIndex(self)

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    def create(cls, path: str | Path, title: str = "") -> Project:
        path = Path(path)
        project = cls(create_database(path), path)
        if title:
            project.set_meta("title", title)
        return project

    @classmethod
    def open(cls, path: str | Path) -> Project:
        path = Path(path)
        project = cls(open_database(path), path)
        project._daily_backup()
        if log.isEnabledFor(logging.INFO):
            log.info("opened project %s: %d sources, %d snippets, %d briefings", path,
                     project.sources.count(), project.snippets.count(),
                     project.db.execute("SELECT COUNT(*) FROM briefings").fetchone()[0])
        return project

    def _daily_backup(self) -> None:
        """The first open of each day keeps a backup, copied in the background.

        Copying a large file took longer than everything else opening does, and the
        analyst need not wait for it: the copy is read through its own read-only
        connection (see `take_backup`), a consistent snapshot that never blocks the
        edits made meanwhile. `close` and `save_point` wait for it to finish, so one
        backup per day still holds; a process killed mid-copy leaves no backup, and the
        next open takes the day's backup again.
        """
        thread = threading.Thread(
            target=_take_daily_backup, args=(self.path,), name="daily-backup"
        )
        self._backup_thread = thread
        thread.start()

    def wait_for_backup(self) -> None:
        """Block until the day's backup started by `open` (if any) is written."""
        thread, self._backup_thread = self._backup_thread, None
        if thread is not None:
            thread.join()

    def close(self) -> None:
        """Checkpoint the WAL into the main file so a copied .briefing is complete."""
        self.wait_for_backup()
        self.index.close()
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ transactions

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic change; nested calls join the outer transaction via savepoints."""
        name = f"sp{self._depth}"
        try:
            self.db.execute("BEGIN IMMEDIATE" if self._depth == 0 else f"SAVEPOINT {name}")
        except sqlite3.OperationalError as e:
            raise _write_error(e, self.path) from None
        self._depth += 1
        try:
            yield self.db
        except BaseException as e:
            self._depth -= 1
            # SQLite rolls the whole transaction back by itself after some failures (disk
            # full, I/O error); a ROLLBACK then would fail and hide the real cause.
            if self.db.in_transaction:
                self.db.execute("ROLLBACK" if self._depth == 0 else f"ROLLBACK TO {name}")
                if self._depth:
                    self.db.execute(f"RELEASE {name}")
            if isinstance(e, sqlite3.OperationalError) and _is_write_failure(e):
                raise _write_error(e, self.path) from None
            raise
        self._depth -= 1
        try:
            self.db.execute("COMMIT" if self._depth == 0 else f"RELEASE {name}")
        except sqlite3.OperationalError as e:
            if self._depth == 0 and self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise _write_error(e, self.path) from None

    # ------------------------------------------------------------------ metadata and ids

    def meta(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))
        self.events.emit("project", "changed", key)

    @property
    def title(self) -> str:
        return self.meta("title", self.path.stem)

    def next_id(self, prefix: str) -> str:
        """A fresh id such as "sn12"; ids are never reused, so a citation to a deleted
        snippet stays dangling (and reported) instead of pointing at a newer one."""
        with self.transaction() as db:
            key = f"next_{prefix}"
            n = int(self.meta(key, "1"))
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, str(n + 1)))
        return f"{prefix}{n}"

    def reserve_id(self, prefix: str, used: str) -> None:
        """Keep the counter ahead of an id chosen by the user (e.g. "sn7" from a manifest)."""
        suffix = used[len(prefix) :]
        if used.startswith(prefix) and suffix.isdigit():
            with self.transaction() as db:
                key = f"next_{prefix}"
                n = max(int(self.meta(key, "1")), int(suffix) + 1)
                db.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, str(n))
                )

    def known_refs(self) -> set[str]:
        """Every id a citation may point at: snippet ids and source ids."""
        return self.snippets.ids() | self.sources.ids()

    # ------------------------------------------------------------------ saving

    def save_point(self, reason: str = "save") -> Path:
        """What "Save" means with write-through storage: checkpoint the WAL into the main
        file and take a rolling backup. Edits were already on disk."""
        self.checkpoint()
        return self.backup(reason)

    def checkpoint(self) -> None:
        """Fold the WAL into the main file (passive: never waits for a reader)."""
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def backup(self, reason: str = "save") -> Path:
        """Take a rolling backup, after the day's first if that is still being written
        (each one prunes the folder). Safe on a worker thread: the copy reads through a
        connection of its own, so the app may go on editing meanwhile."""
        from .backups import take_backup

        self.wait_for_backup()
        return take_backup(self.path, reason)

    # ------------------------------------------------------------------ health

    def integrity_problems(self) -> list[str]:
        """Database damage and drifted snippets, in words for the analyst."""
        problems = [r[0] for r in self.db.execute("PRAGMA integrity_check") if r[0] != "ok"]
        problems += self.snippets.drifted()
        return problems


def _take_daily_backup(path: Path) -> None:
    """Take today's backup unless one exists; a failure here must not stop work."""
    from .backups import list_backups, take_backup

    today = datetime.now(UTC).date()
    try:
        if not any(b.taken_at.date() == today for b in list_backups(path)):
            take_backup(path, "daily")
    except (ProjectError, OSError, ValueError) as e:
        log.warning("the daily backup of %s was not taken: %s", path, e)


def _is_write_failure(error: sqlite3.OperationalError) -> bool:
    """The disk or the file refused the write (as opposed to a bug in our SQL)."""
    text = str(error).lower()
    return any(word in text for word in ("full", "readonly", "read-only", "disk i/o", "locked",
                                         "busy", "unable to open"))


def _write_error(error: sqlite3.OperationalError, path: Path) -> ProjectError:
    text = str(error)
    if "locked" in text or "busy" in text:
        return ProjectError(
            f"{path} is being written by another program; the change was not made. "
            "Close the other program and try again."
        )
    if "full" in text:
        return ProjectError(
            f"the disk holding {path} is full; the change was not made and the file is as "
            "it was. Free some space and try again."
        )
    if "readonly" in text:
        return ProjectError(
            f"{path} is read-only (the file, its folder or its disk); the change was not made. "
            "Copy it somewhere writable to work on it."
        )
    return ProjectError(f"could not write to {path}: {text}; the change was not made")
