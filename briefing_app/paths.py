"""Where bundled resources and templates live, in a checkout and in an installed product."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_APP_DIR = "briefing-studio"


def _candidates(name: str) -> list[Path]:
    env = os.environ.get(f"BRIEFING_STUDIO_{name.upper()}")
    found = [Path(env)] if env else []
    found.append(Path(__file__).resolve().parent.parent / name)  # source checkout
    found.append(Path(sys.prefix) / "share" / _APP_DIR / name)  # installed data files
    return found


def _first_existing(name: str) -> Path:
    for path in _candidates(name):
        if path.is_dir():
            return path
    tried = ", ".join(str(p) for p in _candidates(name))
    raise FileNotFoundError(
        f"the bundled {name} folder is missing (looked in {tried}); reinstall Briefing Studio"
    )


def resources_dir() -> Path:
    return _first_existing("resources")


def templates_dir() -> Path:
    return _first_existing("templates")
