"""The project file: one SQLite database holding a source library and its briefings."""

from .errors import (
    CorruptProjectError,
    ForeignFileError,
    NewerVersionError,
    NotFoundError,
    ProjectBusyError,
    ProjectError,
)
from .project import Project

__all__ = [
    "CorruptProjectError",
    "ForeignFileError",
    "NewerVersionError",
    "NotFoundError",
    "Project",
    "ProjectBusyError",
    "ProjectError",
]
