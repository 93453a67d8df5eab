"""Briefing JSON export: the interchange format, written atomically."""

from __future__ import annotations

import json
from pathlib import Path

from ..model.briefing import Briefing
from ..model.briefing_json import briefing_to_dict
from .atomic import atomic_output


def briefing_json_text(briefing: Briefing) -> str:
    return json.dumps(briefing_to_dict(briefing), ensure_ascii=False, indent=2) + "\n"


def write_json(briefing: Briefing, target: Path) -> Path:
    with atomic_output(target, "w") as handle:
        handle.write(briefing_json_text(briefing))
    return target
