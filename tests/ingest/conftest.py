"""Fixtures for importer tests: a fresh project file per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing_app.store import Project


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "library.briefing", "Ingest test") as p:
        yield p


def state(project: Project) -> tuple[int, int, int]:
    """(sources, attachments, meta rows): what 'nothing changed' is checked against."""
    db = project.db
    return (
        db.execute("SELECT COUNT(*) FROM sources").fetchone()[0],
        db.execute("SELECT COUNT(*) FROM attachments").fetchone()[0],
        db.execute("SELECT COUNT(*) FROM meta").fetchone()[0],
    )
