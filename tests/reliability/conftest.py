"""Fixtures for the reliability tests: a reproducible hypothesis profile, the CLI in-process,
the sample project, and a content dump for "nothing changed" assertions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.reliability import strategies

# The hypothesis profile "reliability" (derandomized, no deadline) is registered on import.
assert strategies.PROFILE == "reliability"


def content_of(path: Path) -> list[str]:
    """Every row of every table, as SQL, read into memory (the file itself is not touched)."""
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    dest = sqlite3.connect(":memory:")
    try:
        source.backup(dest)
        return list(dest.iterdump())
    finally:
        dest.close()
        source.close()
