"""Full-text search (SQLite FTS5) over sources and snippets.

The tokenizer folds case and diacritics (`unicode61 remove_diacritics 2`), so Cyrillic and
accented text match without exact spelling; user queries are quoted term by term so that
FTS5 syntax typed by accident ("T0504-highway", "AND", quotes) can never raise an error.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .project import Project

HIGHLIGHT_OPEN = "\u27e6"  # ⟦ and ⟧ mark hits; renderers turn them into bold or <mark>
HIGHLIGHT_CLOSE = "\u27e7"
_TERM = re.compile(r"[\w]+\*?", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "source" or "snippet"
    id: str
    source_id: str
    title: str
    fragment: str
    rank: float


def fts_query(text: str) -> str:
    """Turn what the analyst typed into a safe FTS5 query: every word must occur;
    a trailing * keeps prefix search."""
    terms = []
    for match in _TERM.finditer(text):
        word = match.group(0)
        prefix = word.endswith("*")
        word = word.rstrip("*")
        if word:
            terms.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(terms)


class SearchIndex:
    def __init__(self, project: Project) -> None:
        self._p = project

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Sources and snippets matching every word, best first (BM25)."""
        match = fts_query(query)
        if not match:
            return []
        hits: list[SearchHit] = []
        try:
            for sid, title, fragment, rank in self._p.db.execute(
                "SELECT s.id, s.title, snippet(source_fts, -1, ?, ?, '…', 12), "
                "bm25(source_fts, 5.0, 3.0, 2.0, 1.0) AS r "
                "FROM source_fts JOIN sources s ON s.seq = source_fts.rowid "
                "WHERE source_fts MATCH ? ORDER BY r LIMIT ?",
                (HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE, match, limit),
            ):
                hits.append(SearchHit("source", sid, sid, title, fragment, rank))
            for nid, src, title, fragment, rank in self._p.db.execute(
                "SELECT n.id, n.source_id, s.title, "
                "snippet(snippet_fts, -1, ?, ?, '…', 12), bm25(snippet_fts) AS r "
                "FROM snippet_fts JOIN snippets n ON n.seq = snippet_fts.rowid "
                "JOIN sources s ON s.id = n.source_id "
                "WHERE snippet_fts MATCH ? ORDER BY r LIMIT ?",
                (HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE, match, limit),
            ):
                hits.append(SearchHit("snippet", nid, src, title, fragment, rank))
        except sqlite3.OperationalError:
            return []
        hits.sort(key=lambda h: h.rank)
        return hits[:limit]
