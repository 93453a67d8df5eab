"""The `briefing` command: the same core as the desktop app, for scripts and other tools.

Its names, flags and `--json` shapes are a contract other tools depend on (see README).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence

from .. import __version__
from ..logs import setup_logging
from . import backup_cmds, briefing_cmds, library_cmds, project_cmds
from .output import CliError, fail


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Briefing Studio on the command line: sources, snippets, briefings, export.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    project_cmds.register(commands)
    library_cmds.register(commands)
    briefing_cmds.register(commands)
    backup_cmds.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; every expected failure is one line on stderr and a non-zero exit."""
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging()
    log = logging.getLogger(__name__)
    started = time.perf_counter()
    try:
        code = _run(args)
    except BaseException:
        log.exception("command %s stopped by an unexpected error", args.command)
        raise
    log.info("command %s finished with exit code %d in %.3f s",
             args.command, code, time.perf_counter() - started)
    return code


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.run(args) or 0)
    except CliError as e:
        return fail(str(e))
    except KeyboardInterrupt:
        return fail("interrupted; nothing was left half-written", code=130)
    except BrokenPipeError:
        return 0
    except Exception as e:  # the last line of defence: still no traceback for the user
        from .output import describe_error

        message = describe_error(e)
        if message is None:
            raise
        return fail(message)


if __name__ == "__main__":
    sys.exit(main())
