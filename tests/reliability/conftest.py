"""Fixtures for the reliability tests: a reproducible hypothesis profile, the CLI in-process,
the sample project, and a content dump for "nothing changed" assertions."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from briefing_app.cli import main
from tests.reliability import strategies

# The hypothesis profile "reliability" (derandomized, no deadline) is registered on import.
assert strategies.PROFILE == "reliability"


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


Run = Callable[..., Result]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """The `briefing` command run in this process, as a user would run it."""

    def _run(*args: object) -> Result:
        try:
            code = main([str(a) for a in args])
        except SystemExit as e:  # argparse usage errors
            code = int(e.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run


@pytest.fixture(scope="session")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from briefing_app.sample import build_sample

    return build_sample(tmp_path_factory.mktemp("reliability-sample") / "sample.briefing")


@pytest.fixture
def sample_copy(sample_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "work" / "copy.briefing"
    target.parent.mkdir(exist_ok=True)
    shutil.copyfile(sample_file, target)
    return target


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
