"""Fixtures for driving the `briefing` command in-process."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from briefing_app.cli import main


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
    """One sample project built per session; tests that modify it copy it first."""
    from briefing_app.sample import build_sample

    return build_sample(tmp_path_factory.mktemp("sample") / "sample.briefing")


@pytest.fixture
def sample_copy(sample_file: Path, tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "copy.briefing"
    shutil.copyfile(sample_file, target)
    return target
