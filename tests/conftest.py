"""Test-wide setup: headless Qt, and no test may touch the user's real folders."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.cli_runner import Run, runner

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Chart renders are cached on disk; tests must not write into the user's cache folder.
os.environ.setdefault(
    "BRIEFING_STUDIO_CACHE_DIR",
    os.path.join(tempfile.gettempdir(), f"briefing-studio-test-cache-{os.getpid()}"),
)

# The app's log file (briefing_app/logs.py) goes to a temporary folder, never the user's.
os.environ.setdefault(
    "BRIEFING_STUDIO_LOG_DIR",
    os.path.join(tempfile.gettempdir(), f"briefing-studio-test-logs-{os.getpid()}"),
)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """The `briefing` command in this process; returns exit code, stdout and stderr."""
    return runner(capsys)


@pytest.fixture(scope="session")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One sample project per session; tests that change it use `sample_copy`."""
    from briefing_app.sample import build_sample

    return build_sample(tmp_path_factory.mktemp("sample") / "sample.briefing")


@pytest.fixture
def sample_copy(sample_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "work" / "copy.briefing"
    target.parent.mkdir(exist_ok=True)
    shutil.copyfile(sample_file, target)
    return target
