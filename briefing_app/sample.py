"""The bundled sample project: sources, snippets and a briefing about Pokrovsk, autumn 2025.

Built from files under `resources/sample/` through the same store API as everything else,
so the sample doubles as an end-to-end check of import, snippets and compose.
"""

from __future__ import annotations

import json
import mimetypes
from pathlib import Path
from typing import Any

from .model.briefing_json import briefing_from_dict
from .model.source import Person, Source, thread_post_locators
from .paths import resources_dir
from .store import Project
from .store.gazetteer import load_gazetteer


def sample_dir() -> Path:
    return resources_dir() / "sample"


def build_sample(path: str | Path) -> Path:
    """Create the complete sample project at `path` (which must not exist yet)."""
    path = Path(path)
    root = sample_dir()
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    project = Project.create(path, manifest.get("project_title", "Sample project"))
    try:
        with project.transaction():
            for entry in manifest["sources"]:
                _add_source(project, root, entry)
            for entry in manifest["snippets"]:
                project.snippets.add_quote(
                    entry["source"],
                    entry["quote"],
                    id=entry["id"],
                    credibility=entry.get("credibility", 6),
                    tags=list(entry.get("tags", [])),
                    note=entry.get("note", ""),
                    translation=entry.get("translation", ""),
                    translator=entry.get("translator", ""),
                )
            for a, b, note in manifest.get("conflicts", []):
                project.db.execute(
                    "INSERT OR REPLACE INTO conflicts(a, b, note) VALUES (?, ?, ?)", (a, b, note)
                )
            load_gazetteer(project, root / "gazetteer.json")
            data = json.loads((root / "briefing.json").read_text(encoding="utf-8"))
            briefing = briefing_from_dict(data, project.known_refs())
            _attach_images(project, root, briefing)
            project.briefings.save(briefing)
            _add_checks_briefing(project, root / "briefing-checks.json")
    except BaseException:
        project.close()
        path.unlink(missing_ok=True)
        raise
    project.close()
    return path


def _add_source(project: Project, root: Path, entry: dict[str, Any]) -> None:
    file = root / entry["file"]
    raw = file.read_bytes()
    text = raw.decode("utf-8")
    if entry.get("author_is_organisation"):
        authors = [Person(literal=a) for a in entry.get("authors", [])]
    else:
        authors = [Person.parse(a) for a in entry.get("authors", [])]
    extra = {"handle": entry["handle"]} if entry.get("handle") else {}
    source = Source(
        id=entry["id"],
        title=entry["title"],
        type=entry.get("type", "other"),
        authors=authors,
        container_title=entry.get("container_title", ""),
        publisher=entry.get("publisher", ""),
        issued=entry.get("issued", ""),
        url=entry.get("url", ""),
        accessed=entry.get("accessed", ""),
        language=entry.get("language", ""),
        text=text,
        reliability=entry.get("reliability", "F"),
        descriptor=entry.get("descriptor", ""),
        origin=f"sample:{entry['file']}",
        extra=extra,
    )
    if source.type == "social":
        source.locators = thread_post_locators(source.text)
    mime = mimetypes.guess_type(file.name)[0] or "text/plain"
    source.attachment_id = project.attachments.add(file.name, mime, raw)
    project.sources.add(source)


def _attach_images(project: Project, root: Path, briefing: Any) -> None:
    """Image blocks name files beside the manifest; their bytes go into the project."""
    for _, _, block in briefing.blocks():
        if block.type == "image" and block.path and block.attachment is None:
            file = root / block.path
            block.attachment = project.attachments.add(
                file.name, mimetypes.guess_type(file.name)[0] or "image/png", file.read_bytes()
            )


def _add_checks_briefing(project: Project, file: Path) -> None:
    """The second sample briefing fails each standards rule once, on purpose (a deleted
    snippet, a dangling signpost...), so it is read without the reference checks."""
    data = json.loads(file.read_text(encoding="utf-8"))
    project.briefings.save(briefing_from_dict(data, check_ids=False))
