"""Briefings in the project file: whole-briefing save and load, and per-block edits.

Blocks are stored one row each, as Briefing JSON objects, so typing in one paragraph
rewrites one small row in one transaction, and the file format reuses the documented
interchange format instead of inventing a second one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..model.blocks import Block
from ..model.briefing import Briefing, Section
from ..model.briefing_json import block_from_dict, block_to_dict, briefing_from_dict
from .errors import NotFoundError

if TYPE_CHECKING:
    from .project import Project

_META_KEYS = (
    "title", "subtitle", "authors", "organisation", "date", "classification", "marking_scheme",
    "distribution", "style", "notes", "template", "scale", "show_bands", "quote_language",
    "keywords", "edition_of",
)


@dataclass(frozen=True)
class BriefingSummary:
    id: str
    title: str
    modified_at: str


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class BriefingRepository:
    def __init__(self, project: Project) -> None:
        self._p = project

    # ------------------------------------------------------------------ whole briefings

    def save(self, briefing: Briefing) -> str:
        """Create or replace a briefing (the `compose` command); returns its id.

        Missing section and block ids are assigned here so later edits can address them.
        """
        with self._p.transaction() as db:
            if not briefing.id:
                briefing.id = self._p.next_id("br")
            else:
                self._p.reserve_id("br", briefing.id)
            _assign_ids(briefing)
            existed = db.execute(
                "SELECT created_at FROM briefings WHERE id = ?", (briefing.id,)
            ).fetchone()
            created = existed[0] if existed else _now()
            db.execute("DELETE FROM blocks WHERE briefing_id = ?", (briefing.id,))
            db.execute("DELETE FROM sections WHERE briefing_id = ?", (briefing.id,))
            db.execute(
                "INSERT INTO briefings(id, meta, created_at, modified_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET meta = excluded.meta, "
                "modified_at = excluded.modified_at",
                (briefing.id, _meta_json(briefing), created, _now()),
            )
            for s_pos, section in enumerate(briefing.sections):
                db.execute(
                    "INSERT INTO sections(briefing_id, uid, position, heading, level, marking) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (briefing.id, section.id, s_pos, section.heading, section.level,
                     section.marking),
                )
                db.executemany(
                    "INSERT INTO blocks(briefing_id, section_uid, uid, position, type, data) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        (briefing.id, section.id, block.id, b_pos, block.type,
                         json.dumps(block_to_dict(block), ensure_ascii=False))
                        for b_pos, block in enumerate(section.blocks)
                    ],
                )
        self._p.events.emit("briefing", "reset", briefing.id)
        return briefing.id

    def get(self, briefing_id: str = "") -> Briefing:
        """Load a briefing; with no id, the project's only (or first) briefing."""
        if not briefing_id:
            summaries = self.list()
            if not summaries:
                raise NotFoundError("this project has no briefing yet; create one with compose")
            briefing_id = summaries[0].id
        row = self._p.db.execute(
            "SELECT meta FROM briefings WHERE id = ?", (briefing_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no briefing {briefing_id!r} in this project")
        data: dict[str, Any] = json.loads(row[0])
        data["id"] = briefing_id
        sections: dict[str, dict[str, Any]] = {}
        for uid, heading, level, marking in self._p.db.execute(
            "SELECT uid, heading, level, marking FROM sections WHERE briefing_id = ? "
            "ORDER BY position",
            (briefing_id,),
        ):
            sections[uid] = {"id": uid, "heading": heading, "level": level, "blocks": []}
            if marking:
                sections[uid]["marking"] = marking
        for section_uid, block in self._p.db.execute(
            "SELECT section_uid, data FROM blocks WHERE briefing_id = ? "
            "ORDER BY section_uid, position",
            (briefing_id,),
        ):
            sections[section_uid]["blocks"].append(json.loads(block))
        data["sections"] = list(sections.values())
        # Without the whole-briefing id checks: removing a signposts block must not make
        # the briefing unloadable because a scenario still names one of its signposts.
        return briefing_from_dict(data, check_ids=False)

    def list(self) -> list[BriefingSummary]:
        rows = self._p.db.execute("SELECT id, meta, modified_at FROM briefings ORDER BY seq")
        return [BriefingSummary(i, json.loads(m).get("title", ""), t) for i, m, t in rows]

    def remove(self, briefing_id: str) -> None:
        self.get(briefing_id)
        with self._p.transaction() as db:
            db.execute("DELETE FROM briefings WHERE id = ?", (briefing_id,))
        self._p.events.emit("briefing", "removed", briefing_id)

    def copy_edition(self, briefing_id: str) -> str:
        """A new edition: a copy that remembers which briefing it continues."""
        briefing = self.get(briefing_id)
        briefing.edition_of = briefing_id
        briefing.id = ""
        return self.save(briefing)

    # ------------------------------------------------------------------ fine-grained edits

    def update_meta(self, briefing: Briefing) -> None:
        with self._p.transaction() as db:
            db.execute(
                "UPDATE briefings SET meta = ?, modified_at = ? WHERE id = ?",
                (_meta_json(briefing), _now(), briefing.id),
            )
        self._p.events.emit("briefing", "changed", briefing.id)

    def get_block(self, briefing_id: str, block_id: str) -> Block:
        row = self._p.db.execute(
            "SELECT data FROM blocks WHERE briefing_id = ? AND uid = ?", (briefing_id, block_id)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no block {block_id!r} in briefing {briefing_id!r}")
        meta = self._meta(briefing_id)
        return block_from_dict(
            json.loads(row[0]), meta.get("marking_scheme", ""), meta.get("scale", "icd203")
        )

    def update_block(self, briefing_id: str, block: Block) -> None:
        """Replace one block's content (typing in a paragraph lands here)."""
        self._validated(briefing_id, block)
        with self._p.transaction() as db:
            cur = db.execute(
                "UPDATE blocks SET type = ?, data = ? WHERE briefing_id = ? AND uid = ?",
                (block.type, json.dumps(block_to_dict(block), ensure_ascii=False), briefing_id,
                 block.id),
            )
            if cur.rowcount == 0:
                raise NotFoundError(f"no block {block.id!r} in briefing {briefing_id!r}")
            self._touch(briefing_id)
        self._p.events.emit("block", "changed", block.id, briefing=briefing_id)

    def insert_block(self, briefing_id: str, section_id: str, index: int, block: Block) -> str:
        """Insert at `index` in the section (clamped to its end); returns the block id."""
        self._validated(briefing_id, block)
        with self._p.transaction() as db:
            if not db.execute(
                "SELECT 1 FROM sections WHERE briefing_id = ? AND uid = ?",
                (briefing_id, section_id),
            ).fetchone():
                raise NotFoundError(f"no section {section_id!r} in briefing {briefing_id!r}")
            if not block.id:
                block.id = self._fresh_uid(briefing_id, "b")
            count = db.execute(
                "SELECT COUNT(*) FROM blocks WHERE briefing_id = ? AND section_uid = ?",
                (briefing_id, section_id),
            ).fetchone()[0]
            index = max(0, min(index, count))
            self._p.events.emit("block", "inserting", block.id, briefing=briefing_id,
                                section=section_id, index=index)
            db.execute(
                "UPDATE blocks SET position = position + 1 "
                "WHERE briefing_id = ? AND section_uid = ? AND position >= ?",
                (briefing_id, section_id, index),
            )
            db.execute(
                "INSERT INTO blocks(briefing_id, section_uid, uid, position, type, data) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (briefing_id, section_id, block.id, index, block.type,
                 json.dumps(block_to_dict(block), ensure_ascii=False)),
            )
            self._touch(briefing_id)
        self._p.events.emit("block", "inserted", block.id, briefing=briefing_id,
                            section=section_id, index=index)
        return block.id

    def remove_block(self, briefing_id: str, block_id: str) -> tuple[str, int]:
        """Remove a block; returns (section id, index) so an undo can put it back."""
        with self._p.transaction() as db:
            row = db.execute(
                "SELECT section_uid, position FROM blocks WHERE briefing_id = ? AND uid = ?",
                (briefing_id, block_id),
            ).fetchone()
            if row is None:
                raise NotFoundError(f"no block {block_id!r} in briefing {briefing_id!r}")
            section_id, index = row
            self._p.events.emit("block", "removing", block_id, briefing=briefing_id,
                                section=section_id, index=index)
            db.execute(
                "DELETE FROM blocks WHERE briefing_id = ? AND uid = ?", (briefing_id, block_id)
            )
            db.execute(
                "UPDATE blocks SET position = position - 1 "
                "WHERE briefing_id = ? AND section_uid = ? AND position > ?",
                (briefing_id, section_id, index),
            )
            self._touch(briefing_id)
        self._p.events.emit("block", "removed", block_id, briefing=briefing_id,
                            section=section_id, index=index)
        return section_id, int(index)

    def insert_section(self, briefing_id: str, index: int, section: Section) -> str:
        """Insert an (empty or filled) section at `index` in the outline."""
        with self._p.transaction() as db:
            if not section.id:
                section.id = self._fresh_uid(briefing_id, "s")
            for block in section.blocks:
                block.id = block.id or self._fresh_uid(briefing_id, "b")
            count = db.execute(
                "SELECT COUNT(*) FROM sections WHERE briefing_id = ?", (briefing_id,)
            ).fetchone()[0]
            index = max(0, min(index, count))
            db.execute(
                "UPDATE sections SET position = position + 1 "
                "WHERE briefing_id = ? AND position >= ?",
                (briefing_id, index),
            )
            db.execute(
                "INSERT INTO sections(briefing_id, uid, position, heading, level, marking) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (briefing_id, section.id, index, section.heading, section.level, section.marking),
            )
            db.executemany(
                "INSERT INTO blocks(briefing_id, section_uid, uid, position, type, data) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(briefing_id, section.id, b.id, i, b.type,
                  json.dumps(block_to_dict(b), ensure_ascii=False))
                 for i, b in enumerate(section.blocks)],
            )
            self._touch(briefing_id)
        self._p.events.emit("section", "inserted", section.id, briefing=briefing_id, index=index)
        return section.id

    def rename_ref(self, old: str, new: str) -> int:
        """Point every citation of `old` at `new` (after a snippet merge); returns the
        number of blocks changed. Runs inside the caller's transaction."""
        changed = 0
        with self._p.transaction() as db:
            rows = db.execute(
                "SELECT seq, briefing_id, data FROM blocks WHERE data LIKE ?", (f"%{old}%",)
            ).fetchall()
            metas: dict[str, dict[str, Any]] = {}
            for seq, briefing_id, data in rows:
                meta = metas.get(briefing_id) or metas.setdefault(
                    briefing_id, self._meta(briefing_id)
                )
                block = block_from_dict(json.loads(data), meta.get("marking_scheme", ""),
                                        meta.get("scale", "icd203"))
                renamed = _rename_in_block(block, old, new)
                if renamed:
                    db.execute("UPDATE blocks SET data = ? WHERE seq = ?", (
                        json.dumps(block_to_dict(block), ensure_ascii=False), seq))
                    changed += 1
        return changed

    def _validated(self, briefing_id: str, block: Block) -> None:
        """Round-trip the block through Briefing JSON with the briefing's scheme and scale,
        so a stored block is always one that loads again."""
        meta = self._meta(briefing_id)
        block_from_dict(block_to_dict(block), meta.get("marking_scheme", ""),
                        meta.get("scale", "icd203"))

    def _meta(self, briefing_id: str) -> dict[str, Any]:
        row = self._p.db.execute(
            "SELECT meta FROM briefings WHERE id = ?", (briefing_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no briefing {briefing_id!r} in this project")
        return dict(json.loads(row[0]))

    def _fresh_uid(self, briefing_id: str, prefix: str) -> str:
        seen = {
            r[0]
            for table in ("sections", "blocks")
            for r in self._p.db.execute(
                f"SELECT uid FROM {table} WHERE briefing_id = ?", (briefing_id,)
            )
        }
        return _fresh(seen, prefix)

    def _touch(self, briefing_id: str) -> None:
        self._p.db.execute(
            "UPDATE briefings SET modified_at = ? WHERE id = ?", (_now(), briefing_id)
        )


def _rename_in_block(block: Block, old: str, new: str) -> bool:
    """Rewrite references to `old` in one block; True when anything changed."""
    from ..model.blocks import Chart, Paragraph, Quote
    from ..model.citation import CITATION_GROUP, format_citation_group, parse_citation_group

    changed = False
    if isinstance(block, Paragraph):
        def swap(match: re.Match[str]) -> str:
            nonlocal changed
            group = parse_citation_group(match.group("body"))
            if not group or all(c.ref != old for c in group):
                return match.group(0)
            changed = True
            return format_citation_group(
                [replace(c, ref=new) if c.ref == old else c for c in group]
            )

        block.text = CITATION_GROUP.sub(swap, block.text)
        return changed
    if isinstance(block, Quote):
        if block.snippet == old:
            block.snippet = new
            return True
        return False
    holders: list[Any] = [block.spec] if isinstance(block, Chart) else [block]
    holders += list(getattr(block, "items", []))
    for holder in holders:
        refs = getattr(holder, "cite", None)
        if refs and old in refs:
            holder.cite = [new if r == old else r for r in refs]
            changed = True
    if isinstance(block, Chart) and "cite" in block.spec.data.columns:
        col = block.spec.data.columns.index("cite")
        for row in block.spec.data.rows:
            cell = row[col]
            if isinstance(cell, str) and old in [r.strip().lstrip("@") for r in cell.split(";")]:
                row[col] = "; ".join(
                    new if r.strip().lstrip("@") == old else r.strip() for r in cell.split(";")
                )
                changed = True
    return changed


def _meta_json(briefing: Briefing) -> str:
    return json.dumps({k: getattr(briefing, k) for k in _META_KEYS}, ensure_ascii=False)


def _assign_ids(briefing: Briefing) -> None:
    """Give every section and block an id unique within the briefing."""
    seen: set[str] = set()
    for section in briefing.sections:
        if not section.id or section.id in seen:
            section.id = _fresh(seen, "s")
        seen.add(section.id)
        for block in section.blocks:
            if not block.id or block.id in seen:
                block.id = _fresh(seen, "b")
            seen.add(block.id)


def _fresh(seen: set[str], prefix: str) -> str:
    n = 1
    while f"{prefix}{n}" in seen:
        n += 1
    return f"{prefix}{n}"
