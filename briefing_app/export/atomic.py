"""Write-then-rename, so a failed export never destroys the last good file."""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

log = logging.getLogger(__name__)


class ExportError(Exception):
    """An export that could not be written; the message says why and what to do."""


@contextlib.contextmanager
def atomic_output(target: Path, mode: str = "wb") -> Iterator[IO]:  # type: ignore[type-arg]
    """Yield a temporary file beside `target`; it replaces `target` only on success."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"the folder {folder} does not exist; create it or choose another")
    tmp = folder / f".{target.name}.{secrets.token_hex(6)}.tmp"
    started = time.perf_counter()
    try:
        # 0o666 filtered by the umask, like any new file (mkstemp's 0600 would hide it)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     0o666)
    except OSError as e:
        raise ExportError(f"cannot write in {folder}: {e.strerror}") from None
    try:
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        log.warning("export to %s failed (%s); the previous file is intact", target,
                    type(e).__name__)
        raise ExportError(
            f"could not write {target}: {e.strerror or e}; the previous file (if any) is intact"
        ) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    log.info("exported %s (%s, %d bytes; written in %.3f s)", target,
             target.suffix.lstrip(".") or "-", target.stat().st_size,
             time.perf_counter() - started)
