"""Structure rule: the sections a briefing's product template requires are present.

A template lists them in `templates/<name>/template.json` under "required_sections". Each
entry names a block type that must occur somewhere ("key_judgments", "scenarios",
"signposts") or a section role matched by heading ("bluf", "source_summary"; any other
entry matches a heading spelled the same, ignoring case, "_" and "-").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from ..model.blocks import BLOCK_TYPES
from ..model.briefing import Briefing
from ..paths import templates_dir
from .context import CheckContext
from .errors import AnalysisError
from .findings import Finding, Location, finding

#: Section roles and the headings analysts give them.
ROLES: dict[str, tuple[str, ...]] = {
    "bluf": ("bluf", "bottom line up front", "bottom line", "summary"),
    "key_judgments": ("key judgments", "key judgements"),
    "scenarios": ("scenarios", "outlook", "alternative futures"),
    "signposts": ("signposts", "indicators", "indicators to watch"),
    "source_summary": ("source summary", "source summary statement", "sources"),
}


def required_sections(template: str, root: Path | None = None) -> list[str]:
    """What the template requires; [] for a template we do not have (export reports it)."""
    if not re.fullmatch(r"[A-Za-z0-9_-]+", template or ""):
        return []
    folder = (root if root is not None else templates_dir()) / template
    file = folder / "template.json"
    if not file.is_file():
        return []
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise AnalysisError(
            f"the template file {file} cannot be read ({e}); fix its JSON or reinstall the template"
        ) from None
    required = data.get("required_sections", []) if isinstance(data, dict) else None
    if not isinstance(required, list) or not all(isinstance(r, str) for r in required):
        raise AnalysisError(
            f'{file}: "required_sections" must be a list of section names such as '
            '["key_judgments", "bluf"]'
        )
    return required


def check_structure(ctx: CheckContext, required: list[str]) -> Iterator[Finding]:
    for name in required:
        if not has_section(ctx.briefing, name):
            label = name.replace("_", " ")
            yield finding(
                "missing-required-section",
                Location(),
                label,
                f"The {ctx.briefing.template!r} template requires {_article(label)} {label} "
                "section; add one (or choose a template that does not require it).",
            )


def has_section(briefing: Briefing, name: str) -> bool:
    key = _fold(name).replace(" ", "_")
    if key in BLOCK_TYPES and any(block.type == key for _, _, block in briefing.blocks()):
        return True
    headings = ROLES.get(key, (_fold(name),))
    return any(_fold(section.heading) in headings for section in briefing.sections)


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("_", " ").replace("-", " ").split())


def _article(label: str) -> str:
    return "an" if label[:1] in "aeiou" else "a"
