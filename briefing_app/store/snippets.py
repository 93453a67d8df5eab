"""Snippets in the project file, and the checks that they still match their sources."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..model.snippet import Snippet, snippet_from_offsets, snippet_from_quote
from .errors import NotFoundError, ProjectError
from .sql import chunked

if TYPE_CHECKING:
    from .project import Project

_COLUMNS = (
    'id, source_id, start, "end", text, locator, credibility, tags, note, translation, '
    "translator, created_at"
)


class SnippetRepository:
    def __init__(self, project: Project) -> None:
        self._p = project

    def add_quote(self, source_id: str, quote: str, **fields: Any) -> Snippet:
        """Create a snippet from an exact quote (whitespace and typography tolerant)."""
        source = self._p.sources.get(source_id)
        snippet = snippet_from_quote(fields.pop("id", "") or "pending", source, quote, **fields)
        return self._insert(snippet)

    def add_offsets(self, source_id: str, start: int, end: int, **fields: Any) -> Snippet:
        """Create a snippet from a selection in the source's captured text."""
        source = self._p.sources.get(source_id)
        snippet = snippet_from_offsets(
            fields.pop("id", "") or "pending", source, start, end, **fields
        )
        return self._insert(snippet)

    def _insert(self, snippet: Snippet) -> Snippet:
        with self._p.transaction() as db:
            if snippet.id == "pending":
                snippet.id = self._p.next_id("sn")
            elif self.exists(snippet.id):
                raise ProjectError(f"a snippet with id {snippet.id!r} already exists")
            else:
                self._p.reserve_id("sn", snippet.id)
            snippet.created_at = snippet.created_at or datetime.now(UTC).replace(
                microsecond=0
            ).isoformat()
            self._p.events.emit("snippet", "inserting", snippet.id)
            db.execute(
                f"INSERT INTO snippets({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _row(snippet),
            )
        self._p.events.emit("snippet", "inserted", snippet.id)
        return snippet

    def update(self, snippet: Snippet) -> None:
        """Change grading, tags, note, locator or translation; the quote itself is fixed."""
        old = self.get(snippet.id)
        if (old.source_id, old.start, old.end, old.text) != (
            snippet.source_id, snippet.start, snippet.end, snippet.text
        ):
            raise ProjectError(
                f"the quote of {snippet.id} cannot change; split it, or take a new snippet"
            )
        snippet.validate()
        with self._p.transaction() as db:
            db.execute(
                "UPDATE snippets SET locator=?, credibility=?, tags=?, note=?, translation=?, "
                "translator=? WHERE id=?",
                (snippet.locator, snippet.credibility, json.dumps(snippet.tags, ensure_ascii=False),
                 snippet.note, snippet.translation, snippet.translator, snippet.id),
            )
        self._p.events.emit("snippet", "changed", snippet.id)

    def remove(self, snippet_id: str) -> None:
        source_id = self.get(snippet_id).source_id
        self._p.events.emit("snippet", "removing", snippet_id, source_id=source_id)
        with self._p.transaction() as db:
            db.execute("DELETE FROM snippets WHERE id = ?", (snippet_id,))
        # The source rides along: once removed, the snippet can no longer say whose it was.
        self._p.events.emit("snippet", "removed", snippet_id, source_id=source_id)

    def get(self, snippet_id: str) -> Snippet:
        row = self._p.db.execute(
            f"SELECT {_COLUMNS} FROM snippets WHERE id = ?", (snippet_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no snippet {snippet_id!r} in this project (see 'snippet list')")
        return _from_row(row)

    def exists(self, snippet_id: str) -> bool:
        return bool(
            self._p.db.execute("SELECT 1 FROM snippets WHERE id = ?", (snippet_id,)).fetchone()
        )

    def list(self, source_id: str | None = None) -> list[Snippet]:
        if source_id is None:
            rows = self._p.db.execute(f"SELECT {_COLUMNS} FROM snippets ORDER BY seq")
        else:
            rows = self._p.db.execute(
                f"SELECT {_COLUMNS} FROM snippets WHERE source_id = ? ORDER BY seq", (source_id,)
            )
        return [_from_row(r) for r in rows]

    def get_many(self, snippet_ids: Iterable[str]) -> dict[str, Snippet]:
        """The snippets among `snippet_ids` that exist, by id (unknown ids are left out),
        in the order they were taken."""
        rows = [
            row
            for chunk in chunked(sorted(set(snippet_ids)))
            for row in self._p.db.execute(
                f"SELECT seq, {_COLUMNS} FROM snippets WHERE id IN "
                f"({', '.join('?' * len(chunk))})",
                chunk,
            )
        ]
        return {snippet.id: snippet for snippet in (_from_row(r[1:]) for r in sorted(rows))}

    def ids(self) -> set[str]:
        return {r[0] for r in self._p.db.execute("SELECT id FROM snippets")}

    def count(self) -> int:
        return int(self._p.db.execute("SELECT COUNT(*) FROM snippets").fetchone()[0])

    def usages(self, snippet_id: str) -> list[Usage]:
        """Every place in every briefing that cites the snippet, in reading order."""
        return [u for u in self._all_usages() if u.ref == snippet_id]

    def split(self, snippet_id: str, at: int) -> tuple[Snippet, Snippet]:
        """Cut a snippet in two at source offset `at`; the first part keeps the id (and so
        every citation of it), the second part is a new snippet with the same grading."""
        old = self.get(snippet_id)
        if not old.start < at < old.end:
            raise ProjectError(
                f"split point {at} is not inside snippet {snippet_id} ({old.start}-{old.end})"
            )
        source = self._p.sources.get(old.source_id)
        with self._p.transaction() as db:
            first_end = _trim_end(source.text, old.start, at)
            second_start = _trim_start(source.text, at, old.end)
            if first_end <= old.start or second_start >= old.end:
                raise ProjectError("both parts of a split must contain text")
            db.execute(
                'UPDATE snippets SET "end" = ?, text = ? WHERE id = ?',
                (first_end, source.text[old.start:first_end], snippet_id),
            )
            second = self.add_offsets(
                old.source_id, second_start, old.end, credibility=old.credibility,
                tags=list(old.tags), note=old.note, translator=old.translator,
            )
        self._p.events.emit("snippet", "changed", snippet_id)
        return self.get(snippet_id), second

    def merge(self, first_id: str, second_id: str) -> Snippet:
        """Join two snippets of one source into one spanning both; citations of the second
        are rewritten to the first, in the same transaction, so none is left dangling."""
        a, b = self.get(first_id), self.get(second_id)
        if a.source_id != b.source_id:
            raise ProjectError(
                f"{first_id} and {second_id} quote different sources; only snippets of one "
                "source can be merged"
            )
        source = self._p.sources.get(a.source_id)
        start, end = min(a.start, b.start), max(a.end, b.end)
        with self._p.transaction() as db:
            db.execute(
                'UPDATE snippets SET start = ?, "end" = ?, text = ?, credibility = ?, '
                "tags = ? WHERE id = ?",
                (start, end, source.text[start:end], min(a.credibility, b.credibility),
                 json.dumps(list(dict.fromkeys(a.tags + b.tags)), ensure_ascii=False),
                 first_id),
            )
            self._p.briefings.rename_ref(second_id, first_id)
            for column in ("a", "b"):  # conflicts marked on the merged snippet move too
                db.execute(
                    f"UPDATE OR IGNORE conflicts SET {column} = ? WHERE {column} = ?",
                    (first_id, second_id),
                )
            db.execute("DELETE FROM conflicts WHERE a = b OR a = ? OR b = ?",
                       (second_id, second_id))
            db.execute("DELETE FROM snippets WHERE id = ?", (second_id,))
        self._p.events.emit("snippet", "removed", second_id, source_id=a.source_id)
        self._p.events.emit("snippet", "changed", first_id)
        return self.get(first_id)

    def _all_usages(self) -> list[Usage]:
        out: list[Usage] = []
        for summary in self._p.briefings.list():
            briefing = self._p.briefings.get(summary.id)
            for s_idx, _b_idx, block in briefing.blocks():
                heading = briefing.sections[s_idx].heading
                out.extend(
                    Usage(c.ref, briefing.id, briefing.title, heading, block.id, block.type)
                    for c in block.citations()
                )
        return out

    def drifted(self) -> list[str]:
        """Messages for snippets whose quote no longer matches the source at its offsets."""
        rows = self._p.db.execute(
            'SELECT sn.id, sn.text, substr(s.text, sn.start + 1, sn."end" - sn.start), '
            's.id FROM snippets sn JOIN sources s ON s.id = sn.source_id'
        )
        return [
            f"snippet {sid} no longer matches source {src}: expected {want[:60]!r}, "
            f"found {got[:60]!r}"
            for sid, want, got, src in rows
            if want != got
        ]


@dataclass(frozen=True)
class Usage:
    """One place that cites a snippet: which briefing, which section, which block."""

    ref: str
    briefing_id: str
    briefing_title: str
    section: str
    block_id: str
    block_type: str


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _trim_start(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _row(s: Snippet) -> tuple[Any, ...]:
    return (
        s.id, s.source_id, s.start, s.end, s.text, s.locator, s.credibility,
        json.dumps(s.tags, ensure_ascii=False), s.note, s.translation, s.translator, s.created_at,
    )


def _from_row(row: tuple[Any, ...]) -> Snippet:
    (sid, source_id, start, end, text, locator, credibility, tags, note, translation,
     translator, created) = row
    return Snippet(
        id=sid, source_id=source_id, start=int(start), end=int(end), text=text, locator=locator,
        credibility=int(credibility), tags=list(json.loads(tags)), note=note,
        translation=translation, translator=translator, created_at=created,
    )
