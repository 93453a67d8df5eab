"""The desktop entry point (`briefing-studio`): parse arguments, open a project, show the window.

briefing-studio                  the most recent project, or the welcome page
briefing-studio FILE.briefing    that project
briefing-studio --sample         the sample project (built in the data folder if missing)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QApplication

from .. import __version__
from ..logs import setup_logging
from .main_window import MainWindow
from .settings import APP_NAME, set_application_identity


@dataclass(frozen=True)
class Options:
    project: Path | None
    sample: bool


#: Qt's own command-line options that take a value (see QApplication and QGuiApplication).
QT_VALUE_OPTIONS = frozenset(
    {
        "-platform", "-platformpluginpath", "-platformtheme", "-plugin", "-qmljsdebugger",
        "-style", "-stylesheet", "-session", "-display", "-geometry", "-title", "-qwindowtitle",
        "-qwindowgeometry", "-qwindowicon", "-name", "-screen",
    }
)  # fmt: skip


def split_qt_arguments(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """(ours, Qt's): Qt's options start with a single dash, some followed by a value."""
    ours: list[str] = []
    qt: list[str] = []
    items = iter(argv)
    for arg in items:
        if arg.startswith("-") and not arg.startswith("--") and arg != "-":
            qt.append(arg)
            if arg in QT_VALUE_OPTIONS:
                value = next(items, None)
                if value is not None:
                    qt.append(value)
        else:
            ours.append(arg)
    return ours, qt


def parse_arguments(argv: Sequence[str]) -> tuple[Options, list[str]]:
    """Our options, and Qt's own (such as `-platform offscreen`) for QApplication."""
    ours, qt = split_qt_arguments(argv)
    parser = argparse.ArgumentParser(
        prog="briefing-studio", description=f"{APP_NAME}: source-traceable briefings."
    )
    parser.add_argument("project", nargs="?", type=Path, help="a .briefing project file to open")
    parser.add_argument(
        "--sample", action="store_true", help="open the sample project (built on first use)"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    known = parser.parse_args(ours)
    if known.project is not None and known.sample:
        parser.error("give a project file or --sample, not both")
    return Options(project=known.project, sample=known.sample), qt


def application(qt_arguments: Sequence[str] = ()) -> QApplication:
    """The process's QApplication, created once, named for QSettings and platform folders."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(["briefing-studio", *qt_arguments])
    set_application_identity()
    return app


def launch(options: Options) -> MainWindow:
    """Show the main window with the project the options ask for.

    A project that cannot be opened is reported in a message box and the window stays on
    its welcome page; the app never exits with a traceback for a bad file.
    """
    window = MainWindow()
    window.show()
    if options.sample:
        window.open_sample()
    elif options.project is not None:
        window.open_project(options.project)
    else:
        recent = window.recent.existing()
        if recent:
            window.open_project(recent[0])
    return window


def main(argv: Sequence[str] | None = None) -> int:
    options, qt_arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    setup_logging()
    app = application(qt_arguments)
    window = launch(options)
    try:
        return app.exec()
    finally:
        window.deleteLater()


if __name__ == "__main__":
    sys.exit(main())
