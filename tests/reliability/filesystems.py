"""Real full and read-only file systems for the tests, on a developer laptop as in CI.

As root (CI, these machines) a small tmpfs is mounted, filled up or remounted read-only:
chmod does not stop root, so only a real file system makes the test honest. Without root,
a full disk is an RLIMIT_FSIZE on this process (writes past the limit fail with EFBIG,
SIGXFSZ ignored) and a read-only location is chmod, which does stop ordinary users.
"""

from __future__ import annotations

import contextlib
import errno
import os
import resource
import signal
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

#: RELIABILITY_FS=fallback exercises the non-root path as root (its disk-full half: chmod
#: cannot stop root, so the read-only tests need a real non-root user).
AS_ROOT = os.geteuid() == 0 and os.environ.get("RELIABILITY_FS") != "fallback"
#: Room left on a "full" disk: enough for SQLite's 32 KB shared-memory file and a few
#: small writes, far too little for the imports and exports the tests attempt.
ROOM = 96 * 1024


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "8m") -> Iterator[Path]:
    """`folder` as its own small file system (tmpfs as root; a plain folder otherwise)."""
    folder.mkdir(parents=True, exist_ok=True)
    if not AS_ROOT:
        yield folder
        return
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0777", "tmpfs", str(folder)], check=True
    )
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


@contextlib.contextmanager
def disk_full(folder: Path, room: int = ROOM) -> Iterator[None]:
    """The disk holding `folder` has only `room` bytes left while the block runs."""
    if AS_ROOT:
        filler = folder / ".filler"
        _fill(filler, room)
        try:
            yield
        finally:
            filler.unlink(missing_ok=True)
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (room, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def _fill(filler: Path, room: int) -> None:
    """Write zeros until the file system is full, then give back `room` bytes."""
    chunk = b"\0" * (256 * 1024)
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        while True:
            try:
                if os.write(fd, chunk) == 0:
                    break
            except OSError as e:
                if e.errno != errno.ENOSPC:
                    raise
                break
        os.ftruncate(fd, max(0, os.fstat(fd).st_size - room))
    finally:
        os.close(fd)


def free_bytes(folder: Path) -> int:
    st = os.statvfs(folder)
    return st.f_bavail * st.f_frsize


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """`folder` (a small_disk) cannot be written while the block runs."""
    if AS_ROOT:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        try:
            yield
        finally:
            subprocess.run(["mount", "-o", "remount,rw", str(folder)], check=True)
        return
    modes = {p: p.stat().st_mode for p in [folder, *folder.rglob("*")]}
    for path, mode in modes.items():
        path.chmod(stat.S_IMODE(mode) & ~0o222)
    try:
        yield
    finally:
        for path, mode in modes.items():
            with contextlib.suppress(FileNotFoundError):  # e.g. a -wal removed on close
                path.chmod(stat.S_IMODE(mode))
