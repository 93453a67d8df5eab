"""Fixtures for the project-file tests: a fresh project in a temporary folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from briefing_app.model.source import Source
from briefing_app.store import Project

REPORT_TEXT = (
    "Russian forces reached the northern outskirts of the town on 3 November.\n"
    "\n"
    "The last supply road, the T0504, is under drone fire by day; convoys move at night.\n"
    "\n"
    "Local officials said the evacuation of civilians was almost complete."
)


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "desk.briefing"


@pytest.fixture
def project(project_path: Path) -> Iterator[Project]:
    with Project.create(project_path, title="Desk") as opened:
        yield opened


def _report(text: str = REPORT_TEXT, **fields: object) -> Source:
    fields.setdefault("title", "Front-line report")
    fields.setdefault("type", "article")
    return Source(id="", text=text, **fields)  # type: ignore[arg-type]


@pytest.fixture
def make_report() -> Callable[..., Source]:
    """Build a source not yet stored (no id: the project assigns one)."""
    return _report


@pytest.fixture
def source_id(project: Project) -> str:
    """The id of a stored report (REPORT_TEXT) in `project`."""
    return project.sources.add(_report()).source.id
