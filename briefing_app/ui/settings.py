"""Application identity, the user's data folder and the recent-projects list (QSettings).

Everything that touches the user's folders goes through here, so tests can redirect it in
one place: `BRIEFING_STUDIO_DATA_DIR` for data, `QSettings.setPath` for settings.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir
from PySide6.QtCore import QCoreApplication, QSettings

APP_NAME = "Briefing Studio"
ORG_NAME = "Briefing Studio"
DATA_DIR_ENV = "BRIEFING_STUDIO_DATA_DIR"
SAMPLE_FILE_NAME = "Sample briefing.briefing"
PROJECT_SUFFIX = ".briefing"
MAX_RECENT = 8

_RECENT_KEY = "recentProjects"


def set_application_identity() -> None:
    """Names QSettings files and platform folders after the product, not after Python."""
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(ORG_NAME)


def data_dir() -> Path:
    """Where the app keeps its own files (the sample project); created on first use."""
    override = os.environ.get(DATA_DIR_ENV)
    folder = Path(override) if override else Path(user_data_dir(APP_NAME, ORG_NAME))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def sample_project_path() -> Path:
    return data_dir() / SAMPLE_FILE_NAME


class RecentProjects:
    """Most recently opened project files, newest first, kept in QSettings."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings if settings is not None else QSettings()

    def paths(self) -> list[Path]:
        value = self._settings.value(_RECENT_KEY, [])
        # QSettings gives a bare string for a one-item list on some backends.
        items = [value] if isinstance(value, str) else list(value or [])
        return [Path(p) for p in items if p]

    def existing(self) -> list[Path]:
        return [p for p in self.paths() if p.is_file()]

    def add(self, path: Path) -> None:
        path = path.resolve()
        items = [path, *(p for p in self.paths() if p != path)][:MAX_RECENT]
        self._settings.setValue(_RECENT_KEY, [str(p) for p in items])

    def remove(self, path: Path) -> None:
        path = path.resolve()
        self._settings.setValue(_RECENT_KEY, [str(p) for p in self.paths() if p != path])

    def clear(self) -> None:
        self._settings.remove(_RECENT_KEY)
