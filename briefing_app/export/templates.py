"""Export templates (house styles): where they live and what each one declares."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..model.briefing import DEFAULT_TEMPLATE
from ..paths import templates_dir


@dataclass(frozen=True)
class TemplateInfo:
    """`templates/<key>/template.json`: the template's name and structural rules."""

    key: str
    name: str
    folder: Path
    numbered_headings: bool = False
    required_sections: tuple[str, ...] = field(default_factory=tuple)


def available_templates() -> list[str]:
    root = templates_dir()
    return sorted(p.parent.name for p in root.glob("*/template.json"))


def load_template_info(key: str, problems: list[str] | None = None) -> TemplateInfo:
    """The named template; an unknown name falls back to the default and says so."""
    root = templates_dir()
    folder = root / key
    if not (folder / "template.json").is_file() or "/" in key or "\\" in key:
        if problems is not None:
            problems.append(
                f"template {key!r} does not exist (available: {', '.join(available_templates())})"
                f"; {DEFAULT_TEMPLATE!r} was used instead"
            )
        folder = root / DEFAULT_TEMPLATE
        key = DEFAULT_TEMPLATE
    data = json.loads((folder / "template.json").read_text(encoding="utf-8"))
    return TemplateInfo(
        key=key,
        name=data.get("name", key),
        folder=folder,
        numbered_headings=bool(data.get("numbered_headings", False)),
        required_sections=tuple(data.get("required_sections", [])),
    )
