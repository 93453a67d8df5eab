"""Sources in the project file: add (with duplicate detection), read, update, remove."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from ..model.errors import ValidationError
from ..model.source import SOURCE_TYPES, Person, Source, content_hash
from .errors import NotFoundError, ProjectError
from .sql import chunked

if TYPE_CHECKING:
    from .project import Project

_COLUMNS = (
    "id, type, title, csl, text, sha256, reliability, descriptor, origin, captured_at, "
    "attachment_id, locators"
)
#: The same columns with the captured text left out (read as ''), for listings.
_METADATA_COLUMNS = _COLUMNS.replace(" text,", " '' AS text,", 1)


@dataclass(frozen=True)
class AddedSource:
    """What `add` did: the stored source, and the existing one when it was a duplicate."""

    source: Source
    duplicate_of: str | None = None


class SourceSummary(NamedTuple):
    """What a list of sources shows, read from the narrow `source_listing` table: no text,
    no object graph. A named tuple, not a dataclass: 20,000 of them are built on every
    open, and a frozen dataclass took 55 ms of that where a tuple takes a few."""

    id: str
    title: str
    type: str
    outlet: str  # container title, else publisher
    issued: str
    reliability: str
    authors: str
    descriptor: str  # stored after the captured text: only `summary(id)` fills it
    url: str
    accessed: str
    snippets: int = 0

    @property
    def type_label(self) -> str:
        return SOURCE_TYPES.get(self.type, (self.type, ""))[0]


_LISTED = "l.id, l.title, l.type, l.outlet, l.issued, l.reliability, l.authors_text"
_SUMMARIES_SQL = (
    f"SELECT {_LISTED}, '', l.url, l.accessed, l.snippets FROM source_listing l ORDER BY l.seq"
)
# The descriptor is the one column read from `sources` itself, for one row.
_SUMMARY_SQL = (
    f"SELECT {_LISTED}, s.descriptor, l.url, l.accessed, l.snippets "
    "FROM source_listing l JOIN sources s ON s.seq = l.seq WHERE l.id = ?"
)


class SourceRepository:
    def __init__(self, project: Project) -> None:
        self._p = project

    def add(self, source: Source) -> AddedSource:
        """Store a new source; the same text (by normalised SHA-256) returns the existing one."""
        source.sha256 = content_hash(source.text) if source.text else source.sha256
        if source.sha256:
            existing = self._by_hash(source.sha256)
            if existing is not None:
                return AddedSource(existing, duplicate_of=existing.id)
        if not source.captured_at:
            source.captured_at = datetime.now(UTC).replace(microsecond=0).isoformat()
        with self._p.transaction() as db:
            if source.id:
                if self.exists(source.id):
                    raise ProjectError(f"a source with id {source.id!r} already exists")
                self._p.reserve_id("src", source.id)
            else:
                source.id = self._p.next_id("src")
            source.validate()
            self._p.events.emit("source", "inserting", source.id)
            db.execute(
                f"INSERT INTO sources({_COLUMNS}, authors_text, outlet) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _row(source),
            )
        self._p.events.emit("source", "inserted", source.id)
        return AddedSource(source)

    def update(self, source: Source) -> None:
        """Replace a source's metadata and grading (its text is fixed once captured,
        except through `replace_text`, because snippets point into it)."""
        source.validate()
        old = self.get(source.id)
        if old.text != source.text:
            raise ProjectError(
                f"the captured text of {source.id} cannot be edited in place; snippets point "
                "into it. Import the new version as a new source instead."
            )
        with self._p.transaction() as db:
            db.execute(
                "UPDATE sources SET type=?, title=?, csl=?, reliability=?, descriptor=?, "
                "origin=?, attachment_id=?, locators=?, authors_text=?, outlet=? WHERE id=?",
                (
                    source.type, source.title, _csl_json(source), source.reliability,
                    source.descriptor, source.origin, source.attachment_id,
                    json.dumps(source.locators), source.author_line(), source.container_title,
                    source.id,
                ),
            )
        self._p.events.emit("source", "changed", source.id)

    def remove(self, source_id: str) -> None:
        """Remove a source that no snippet points at (snippets first, deliberately)."""
        used = self._p.db.execute(
            "SELECT COUNT(*) FROM snippets WHERE source_id = ?", (source_id,)
        ).fetchone()[0]
        if used:
            raise ProjectError(
                f"source {source_id} still has {used} snippet(s); remove them first"
            )
        self.get(source_id)
        self._p.events.emit("source", "removing", source_id)
        with self._p.transaction() as db:
            db.execute("DELETE FROM sources WHERE id = ?", (source_id,))
        self._p.events.emit("source", "removed", source_id)

    def get(self, source_id: str) -> Source:
        row = self._p.db.execute(
            f"SELECT {_COLUMNS} FROM sources WHERE id = ?", (source_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no source {source_id!r} in this project (see 'source list')")
        return _from_row(row)

    def exists(self, source_id: str) -> bool:
        return bool(
            self._p.db.execute("SELECT 1 FROM sources WHERE id = ?", (source_id,)).fetchone()
        )

    def list(self, *, with_text: bool = True) -> list[Source]:
        """Every source in the order it was added.

        With `with_text=False` each source's `text` is empty (its hash and locators are
        kept): the library table and the citation engine need only the metadata, and the
        captured text is most of the file. Use `get` for one source's text, or SQL over
        the file (as `SnippetRepository.drifted` does) to check many.
        """
        columns = _COLUMNS if with_text else _METADATA_COLUMNS
        rows = self._p.db.execute(f"SELECT {columns} FROM sources ORDER BY seq").fetchall()
        return [_from_row(r) for r in rows]

    def get_many(self, source_ids: Iterable[str], *, with_text: bool = True) -> dict[str, Source]:
        """The sources among `source_ids` that exist, by id (unknown ids are left out), in
        the order they were added: what an export needs of a large library is only what
        the briefing cites."""
        columns = _COLUMNS if with_text else _METADATA_COLUMNS
        rows = [
            row
            for chunk in chunked(sorted(set(source_ids)))
            for row in self._p.db.execute(
                f"SELECT seq, {columns} FROM sources WHERE id IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
        ]
        return {source.id: source for source in (_from_row(r[1:]) for r in sorted(rows))}

    def summaries(self) -> list[SourceSummary]:
        """Every source's listing fields, in the order they were added; `descriptor` is
        left empty here (it is stored after the text): `summary(id)` has it."""
        return list(map(SourceSummary._make, self._p.db.execute(_SUMMARIES_SQL)))

    def summary(self, source_id: str) -> SourceSummary:
        """One source's listing fields, descriptor included."""
        row = self._p.db.execute(_SUMMARY_SQL, (source_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no source {source_id!r} in this project (see 'source list')")
        return SourceSummary(*row)

    def ids(self) -> set[str]:
        return {r[0] for r in self._p.db.execute("SELECT id FROM sources")}

    def count(self) -> int:
        return int(self._p.db.execute("SELECT COUNT(*) FROM sources").fetchone()[0])

    def sharing_terms(
        self, terms: list[str], *, limit: int = 5, exclude: str = ""
    ) -> list[tuple[str, str]]:
        """(id, text) of the sources that best match any of `terms` (BM25), for the
        near-duplicate check: it compares a new text only with these few candidates
        instead of the whole library."""
        quoted = [f'"{t.replace(chr(34), "")}"' for t in terms if t.strip(chr(34))]
        if not quoted:
            return []
        try:
            # Rank on the index alone, then read only the winners' rows: joining every
            # match to its (large) row first cost more than the ranking. One extra
            # candidate stands in for `exclude` when it ranks among the best.
            top = self._p.db.execute(
                "SELECT rowid FROM source_fts WHERE source_fts MATCH ? ORDER BY rank LIMIT ?",
                (" OR ".join(quoted), limit + 1),
            ).fetchall()
            rows = [
                row
                for (seq,) in top
                for row in self._p.db.execute(
                    "SELECT id, text FROM sources WHERE seq = ? AND id != ?", (seq, exclude)
                )
            ][:limit]
        except sqlite3.OperationalError:  # a term FTS5 cannot parse: no candidates
            return []
        return [(r[0], r[1]) for r in rows]

    def _by_hash(self, digest: str) -> Source | None:
        row = self._p.db.execute(
            f"SELECT {_COLUMNS} FROM sources WHERE sha256 = ? ORDER BY seq LIMIT 1", (digest,)
        ).fetchone()
        return _from_row(row) if row else None


def _csl_json(source: Source) -> str:
    data: dict[str, Any] = {
        "authors": [a.to_csl() for a in source.authors],
        "container_title": source.container_title,
        "publisher": source.publisher,
        "issued": source.issued,
        "url": source.url,
        "accessed": source.accessed,
        "language": source.language,
        "extra": source.extra,
    }
    return json.dumps({k: v for k, v in data.items() if v}, ensure_ascii=False)


def _row(source: Source) -> tuple[Any, ...]:
    return (
        source.id, source.type, source.title, _csl_json(source), source.text, source.sha256,
        source.reliability, source.descriptor, source.origin, source.captured_at,
        source.attachment_id, json.dumps(source.locators), source.author_line(),
        source.container_title,
    )


def _from_row(row: sqlite3.Row | tuple[Any, ...]) -> Source:
    (sid, kind, title, csl, text, sha, reliability, descriptor, origin, captured, att,
     locators) = row
    meta = json.loads(csl)
    try:
        # Stored text was cleaned when it was added: not cleaned again (see from_stored).
        source = Source.from_stored(
            id=sid, title=title, type=kind,
            authors=[Person.from_csl(a) for a in meta.get("authors", [])],
            container_title=meta.get("container_title", ""), publisher=meta.get("publisher", ""),
            issued=meta.get("issued", ""), url=meta.get("url", ""),
            accessed=meta.get("accessed", ""), language=meta.get("language", ""),
            text=text, reliability=reliability, descriptor=descriptor, origin=origin,
            captured_at=captured, sha256=sha, attachment_id=att,
            locators=[(int(a), str(b)) for a, b in json.loads(locators)]
            if locators != "[]" else [],
            extra=meta.get("extra", {}),
        )
    except (TypeError, ValueError) as e:
        raise ValidationError(f"source {sid} is stored with broken metadata: {e}") from None
    return source
