"""The gazetteer: spellings of one place (scripts, romanisations, former names).

Stored in the project so the analyst can extend it; search expands a query word to every
spelling, so "Pokrovsk" also finds Покровськ and Krasnoarmeysk.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.errors import ValidationError
from ..model.text import clean_text

if TYPE_CHECKING:
    from .project import Project


def fold(text: str) -> str:
    """Compare names as the search index does: case and diacritics folded."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())


def add_names(project: Project, canonical: str, variants: list[str]) -> None:
    """Add spellings of `canonical` (the canonical name counts as its own variant)."""
    canonical = _name(canonical, "canonical")
    names = [canonical] + [_name(v, "variants") for v in variants]
    with project.transaction() as db:
        db.executemany(
            "INSERT OR IGNORE INTO gazetteer(canonical, variant) VALUES (?, ?)",
            [(canonical, n) for n in names],
        )
    project.events.emit("gazetteer", "changed", canonical)


def remove_names(project: Project, canonical: str, variants: list[str] | None = None) -> None:
    """Remove some spellings, or (without `variants`) the whole entry."""
    with project.transaction() as db:
        if variants is None:
            db.execute("DELETE FROM gazetteer WHERE canonical = ?", (canonical,))
        else:
            db.executemany(
                "DELETE FROM gazetteer WHERE canonical = ? AND variant = ?",
                [(canonical, v) for v in variants],
            )
    project.events.emit("gazetteer", "changed", canonical)


def entries(project: Project) -> dict[str, list[str]]:
    """canonical name -> its spellings (canonical first), sorted by canonical name."""
    out: dict[str, list[str]] = {}
    for canonical, variant in project.db.execute(
        "SELECT canonical, variant FROM gazetteer ORDER BY canonical, variant"
    ):
        spellings = out.setdefault(canonical, [canonical])
        if variant != canonical:
            spellings.append(variant)
    return out


def spelling_groups(project: Project) -> dict[str, list[str]]:
    """folded spelling -> every spelling of the same place, for query expansion."""
    groups: dict[str, list[str]] = {}
    for spellings in entries(project).values():
        for name in spellings:
            groups.setdefault(fold(name), [])
            for other in spellings:
                if other not in groups[fold(name)]:
                    groups[fold(name)].append(other)
    return groups


def load_gazetteer(project: Project, path: str | Path) -> int:
    """Add the entries of a JSON file `[{"canonical": ..., "variants": [...]}]`; returns
    how many entries were read. Bad files are refused whole, naming the entry."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise ValidationError(f"cannot read gazetteer {path}: {e}") from None
    except json.JSONDecodeError as e:
        raise ValidationError(
            f"gazetteer {path} is not valid JSON (line {e.lineno}: {e.msg})"
        ) from None
    if not isinstance(data, list):
        raise ValidationError(f"gazetteer {path} must be a list of entries")
    checked: list[tuple[str, list[str]]] = []
    for i, entry in enumerate(data):
        where = f"[{i}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("variants", []), list):
            raise ValidationError('each entry needs "canonical" and a "variants" list', where)
        checked.append(
            (str(entry.get("canonical", "")), [str(v) for v in entry.get("variants", [])])
        )
        _name(checked[-1][0], f"{where}.canonical")
    with project.transaction():
        for canonical, variants in checked:
            add_names(project, canonical, variants)
    return len(checked)


def _name(value: str, path: str) -> str:
    name = " ".join(clean_text(str(value)).split())
    if not name:
        raise ValidationError("a gazetteer name cannot be empty", path)
    if len(name) > 200:
        raise ValidationError(f"gazetteer name {name[:40]!r}... is too long", path)
    return name
