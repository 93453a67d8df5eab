"""The app's log file: rotated, in the user's log folder, and never holding briefing text.

Analysts write classified or sensitive text; a log file is copied into bug reports and
left behind on shared machines. So the policy is enforced here, not left to each call:
our own log calls pass ids, counts, formats, durations and file paths; any other text
argument is replaced by its length; exception messages (which quote user text, e.g. a
validation error naming the offending words) are withheld, only their type and frames
are kept; and messages from libraries (which may quote whatever they parsed) are reduced
to logger name and level.
"""

from __future__ import annotations

import copy
import logging
import logging.handlers
import os
import re
import traceback
from pathlib import Path
from types import TracebackType

APP_AUTHOR = "Briefing Studio"
APP_NAME = "Briefing Studio"
LOG_DIR_ENV = "BRIEFING_STUDIO_LOG_DIR"
LOG_FILE = "briefing-studio.log"
MAX_BYTES = 1024 * 1024
BACKUP_COUNT = 5
#: Our own loggers; records from any other logger are libraries'.
OWN_PREFIX = "briefing_app"

#: Text arguments that are safe to keep: ids ("sn12"), formats ("docx"), enum values.
_TOKEN = re.compile(r"^[A-Za-z0-9_.:+-]{1,40}$")
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"

#: Marks the handler setup_logging installed, so a second call can find and replace it.
_MARK = "_briefing_studio_log"


def log_dir() -> Path:
    """The folder of the log file: `$BRIEFING_STUDIO_LOG_DIR`, else the platform's log folder."""
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, APP_AUTHOR))


def log_file() -> Path:
    return log_dir() / LOG_FILE


def safe_arg(value: object) -> object:
    """A log argument as it may be written: numbers, paths and short tokens pass; any
    other text becomes its length, so a title or quote can never reach the file."""
    if isinstance(value, bool | int | float | os.PathLike):
        return value
    if isinstance(value, str) and _TOKEN.match(value):
        return value
    if isinstance(value, str):
        return f"<text, {len(value)} characters>"
    return f"<{type(value).__name__}>"


class ContentFreeFormatter(logging.Formatter):
    """Format a sanitised copy of each record (other handlers, such as a test's capture,
    still see the original): library messages withheld, text arguments reduced to their
    length, tracebacks kept without the exception's message."""

    def format(self, record: logging.LogRecord) -> str:
        clean = copy.copy(record)
        if not clean.name.startswith(OWN_PREFIX):
            clean.msg = "message from a library withheld (it may quote user content)"
            clean.args = None
        elif isinstance(clean.args, dict):
            clean.args = {k: safe_arg(v) for k, v in clean.args.items()}
        elif clean.args:
            clean.args = tuple(safe_arg(a) for a in clean.args)
        if not isinstance(clean.msg, str):
            clean.msg = f"<{type(clean.msg).__name__}>"
        clean.exc_text = None  # another handler may have cached the full message there
        clean.stack_info = None
        return super().format(clean)

    def formatException(  # noqa: N802 (the stdlib's name)
        self,
        ei: tuple[type[BaseException], BaseException, TracebackType | None]
        | tuple[None, None, None],
    ) -> str:
        kind, _, tb = ei
        frames = "".join(traceback.format_tb(tb)) if tb else ""
        name = kind.__qualname__ if kind else "Exception"
        return f"Traceback (most recent call last):\n{frames}{name} (message withheld)"


class _QuietRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A log write that fails (full disk, folder gone) is dropped silently: the standard
    handler would print a traceback to stderr on every later log call."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (the stdlib's name)
        pass


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send log records to the rotating log file; return its path, or None if the folder
    cannot be written (logging must never stop the app).

    Safe to call more than once: a second call in the same process (the CLI entry runs per
    command in tests) replaces the handler only when the log folder changed.
    """
    target = log_file()
    root = logging.getLogger()
    installed = [h for h in root.handlers if getattr(h, _MARK, False)]
    if any(
        isinstance(h, logging.handlers.RotatingFileHandler)
        and h.baseFilename == os.path.abspath(target)
        for h in installed
    ):
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = _QuietRotatingFileHandler(
            target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
        result: Path | None = target
    except OSError:
        handler, result = logging.NullHandler(), None
    handler.setFormatter(ContentFreeFormatter(_FORMAT))
    handler.setLevel(level)
    setattr(handler, _MARK, True)
    for old in installed:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    # Our records from `level` up; libraries stay at the root's level (WARNING by default),
    # so their chatter never reaches the file and their warnings arrive withheld.
    logging.getLogger(OWN_PREFIX).setLevel(level)
    return result
