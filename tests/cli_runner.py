"""The `briefing` command run in-process, as a user would run it, for CLI-level tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
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


def runner(capsys: pytest.CaptureFixture[str]) -> Run:
    def _run(*args: object) -> Result:
        try:
            code = main([str(a) for a in args])
        except SystemExit as e:  # argparse usage errors
            code = int(e.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run
