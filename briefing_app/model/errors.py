"""Validation errors that say where the problem is and how to fix it."""

from __future__ import annotations


class ValidationError(ValueError):
    """An impossible or unknown value in the model.

    `path` is a JSON-path-like location ("sections[2].blocks[0].likelihood") so that
    a message can point the analyst, or a tool writing Briefing JSON, at the culprit.
    """

    def __init__(self, message: str, path: str = "") -> None:
        self.message = message
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)

    def at(self, prefix: str) -> ValidationError:
        """Return the same error located under `prefix` (used while descending a tree)."""
        joined = f"{prefix}.{self.path}" if self.path and not self.path.startswith("[") else (
            f"{prefix}{self.path}"
        )
        return ValidationError(self.message, joined if prefix else self.path)


class ValidationErrors(ValueError):
    """Several validation errors at once, so one pass reports every problem."""

    def __init__(self, errors: list[ValidationError]) -> None:
        self.errors = errors
        lines = "\n".join(str(e) for e in errors)
        super().__init__(f"{len(errors)} problem(s):\n{lines}")
