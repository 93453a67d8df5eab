"""Errors about the project file, each worded for the analyst who tried to open it."""

from __future__ import annotations


class ProjectError(Exception):
    """Base class: the message says what is wrong and what to do; the file is untouched."""


class ForeignFileError(ProjectError):
    """Not a SQLite file, or a SQLite file of another application."""


class CorruptProjectError(ProjectError):
    """A Briefing Studio file whose database is damaged (truncated, tampered schema)."""


class NewerVersionError(ProjectError):
    """Written by a newer Briefing Studio; opening it here would lose data, so we refuse."""


class ProjectBusyError(ProjectError):
    """Another process is writing the file right now."""


class NotFoundError(ProjectError, KeyError):
    """No source, snippet, briefing or block with that id."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "not found"
