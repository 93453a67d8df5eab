"""Full-text search (SQLite FTS5) over sources and snippets.

The tokenizer folds case and diacritics (`unicode61 remove_diacritics 2`), so Cyrillic and
accented text match without exact spelling; user queries are quoted term by term so that
FTS5 syntax typed by accident ("T0504-highway", "AND", quotes) can never raise an error.
A word (or two or three) that the project's gazetteer knows is widened to every spelling
of that place, each as a prefix so inflected forms (Покровська, Покровську) match too.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.errors import ValidationError
from ..model.grades import RELIABILITY
from .gazetteer import fold, spelling_groups
from .schema import TOKENIZER

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


_NAME_WORDS = 3  # longest place name (in words) looked up in the gazetteer


def fts_query(text: str, spellings: Mapping[str, list[str]] | None = None) -> str:
    """Turn what the analyst typed into a safe FTS5 query: every word must occur;
    words typed "in double quotes" must occur together, in that order; a trailing * keeps
    prefix search. With `spellings` (folded name -> all spellings, from the gazetteer) a
    known place name becomes an OR group of its spellings, unless typed in quotes."""
    terms: list[str] = []
    # Odd pieces were inside a pair of quotes; an unpaired quote is just ignored.
    pieces = _PHRASE.split(text)
    for n, piece in enumerate(pieces):
        words = _words(piece)
        if n % 2 and words:
            phrase = '"' + " ".join(w for w, _ in words) + '"'
            terms.append(phrase + "*" if words[-1][1] else phrase)
        else:
            terms += _word_terms(words, spellings or {})
    return " AND ".join(terms)  # explicit: FTS5 has no implicit AND after a (group)


_PHRASE = re.compile(r'"([^"]*)"')


def _words(text: str) -> list[tuple[str, bool]]:
    """(word, typed as a prefix) for each word of `text`."""
    found = [(m.group(0).rstrip("*"), m.group(0).endswith("*")) for m in _TERM.finditer(text)]
    return [(w, p) for w, p in found if w]


def _word_terms(words: list[tuple[str, bool]], names: Mapping[str, list[str]]) -> list[str]:
    """One FTS5 term per word, or per place name the gazetteer knows (up to three words)."""
    terms: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(_NAME_WORDS, len(words) - i), 0, -1) if names else ():
            key = fold(" ".join(w for w, _ in words[i : i + size]))
            if key in names:
                terms.append(_any_spelling(names[key]))
                i += size
                break
        else:
            word, prefix = words[i]
            terms.append(f'"{word}"*' if prefix else f'"{word}"')
            i += 1
    return terms


def _any_spelling(spellings: list[str]) -> str:
    """A place name in any of its spellings, each as a prefix (inflected forms match)."""
    phrases = []
    for name in spellings:
        tokens = _TERM.findall(name.replace("*", ""))
        if tokens:
            phrases.append('"' + " ".join(tokens) + '"*')
    return "(" + " OR ".join(dict.fromkeys(phrases)) + ")"


def _grade_letters(grades: str | Iterable[str]) -> list[str]:
    """ "AB", ["A", "B"] or a range "A-C" -> the letters, checked."""
    if isinstance(grades, str):
        text = grades.upper().replace(" ", "")
        m = re.fullmatch(r"([A-F])-([A-F])", text)
        letters = (
            [chr(c) for c in range(ord(m.group(1)), ord(m.group(2)) + 1)]
            if m
            else list(text.replace(",", ""))
        )
    else:
        letters = [str(g).strip().upper() for g in grades]
    for letter in letters:
        if letter not in RELIABILITY:
            raise ValidationError(f"unknown reliability grade {letter!r}; use A-F", "grades")
    return letters


def _source_filters(
    source_type: str | Iterable[str] | None,
    grades: str | Iterable[str] | None,
    date_from: str,
    date_to: str,
    outlet: str,
) -> tuple[str, list[object]]:
    """SQL conditions on the joined `source_listing f` row, and their parameters.

    Dates may be partial (YYYY or YYYY-MM) on either side: a source dated "2025-11"
    is inside a range that starts "2025-11-05", because it may fall on that day.
    """
    sql: list[str] = []
    args: list[object] = []
    if source_type:
        kinds = [source_type] if isinstance(source_type, str) else list(source_type)
        sql.append(f"f.type IN ({', '.join('?' * len(kinds))})")
        args += [k.strip().lower() for k in kinds]
    if grades:
        letters = _grade_letters(grades)
        sql.append(f"f.reliability IN ({', '.join('?' * len(letters))})")
        args += letters
    issued = "f.issued"
    if date_from:
        sql.append(f"{issued} != '' AND {issued} || '~' >= ?")
        args.append(date_from)
    if date_to:
        sql.append(f"{issued} != '' AND {issued} <= ? || '~'")
        args.append(date_to)
    if outlet:
        sql.append("f.outlet LIKE ? ESCAPE '\\'")
        args.append("%" + re.sub(r"([%_\\])", r"\\\1", outlet.strip()) + "%")
    return "".join(f" AND {c}" for c in sql), args


class SearchIndex:
    def __init__(self, project: Project) -> None:
        self._p = project
        self._highlighter: _Highlighter | None = None
        self._reader: _Reader | None = None

    def search(
        self,
        query: str,
        limit: int = 50,
        *,
        source_type: str | Iterable[str] | None = None,
        grades: str | Iterable[str] | None = None,
        date_from: str = "",
        date_to: str = "",
        outlet: str = "",
        expand_names: bool = True,
    ) -> list[SearchHit]:
        """Sources and snippets matching every word, best first (BM25).

        Filters apply to the source (a snippet's own source): `source_type` ("article" or
        several), `grades` ("AB", "A-C" or a list of reliability letters), `date_from` /
        `date_to` (YYYY[-MM[-DD]], inclusive, on the issued date; undated sources drop
        out), `outlet` (part of the outlet's name, any case). Gazetteer spellings are
        searched too unless `expand_names` is False.
        """
        match = fts_query(query, spelling_groups(self._p) if expand_names else None)
        if not match:
            return []
        where, args = _source_filters(source_type, grades, date_from, date_to, outlet)
        hits: list[SearchHit] = []
        try:
            # Rank first, then cut fragments for the hits shown only: snippet() over every
            # match of a common word was most of the time on a large library.
            ranked, found = self._rank(match, where, args, limit)
            fragments = self._fragments("source_fts", match, [r[0] for r in ranked])
            for seq, sid, title, rank in ranked:
                hits.append(SearchHit("source", sid, sid, title, fragments.get(seq, ""), rank))
            fragments = self._fragments("snippet_fts", match, [r[0] for r in found])
            for seq, nid, src, title, rank in found:
                hits.append(SearchHit("snippet", nid, src, title, fragments.get(seq, ""), rank))
        except sqlite3.OperationalError:
            return []
        hits.sort(key=lambda h: h.rank)
        return hits[:limit]

    def _rank(
        self, match: str, where: str, args: list[object], limit: int
    ) -> tuple[Ranked, RankedSnippets]:
        """Sources and snippets ranked at the same time, the snippets on a second (read-only)
        connection in a worker thread: SQLite lets go of the GIL while it ranks, so a word
        in every source and snippet of a 20,000-source library takes 44 ms, not 65. Inside
        an open transaction both run here, where its uncommitted rows are visible."""
        db = self._p.db
        reader = None if db.in_transaction else self._reader_or_none()
        if reader is None:
            return (_ranked_sources(db, match, where, args, limit),
                    _ranked_snippets(db, match, where, args, limit))
        snippets = reader.submit(_ranked_snippets, match, where, args, limit)
        return _ranked_sources(db, match, where, args, limit), snippets.result()

    def _reader_or_none(self) -> _Reader | None:
        if self._reader is None:
            self._reader = _Reader.open(self._p.path)
        return self._reader if self._reader.available else None

    def _fragments(self, table: str, match: str, rowids: list[int]) -> dict[int, str]:
        """Highlighted fragments for the hits shown (see _Highlighter)."""
        if not rowids:
            return {}
        if self._highlighter is None:
            self._highlighter = _Highlighter()
        return self._highlighter.fragments(self._p.db, table, match, rowids)

    def close(self) -> None:
        if self._highlighter is not None:
            self._highlighter.close()
            self._highlighter = None
        if self._reader is not None:
            self._reader.close()
            self._reader = None


Ranked = list[tuple[int, str, str, float]]
RankedSnippets = list[tuple[int, str, str, str, float]]


def _ranked_sources(
    db: sqlite3.Connection, match: str, where: str, args: list[object], limit: int
) -> Ranked:
    """(seq, id, title, rank) best first. The ranking runs on the index (joined to the
    narrow listing table when filtered); only the rows shown are read."""
    if where:
        top = db.execute(
            "SELECT f.seq, bm25(source_fts, 5.0, 3.0, 2.0, 1.0) AS r "
            "FROM source_fts JOIN source_listing f ON f.seq = source_fts.rowid "
            f"WHERE source_fts MATCH ?{where} ORDER BY r LIMIT ?",
            (match, *args, limit),
        ).fetchall()
    else:
        top = db.execute(
            "SELECT rowid, bm25(source_fts, 5.0, 3.0, 2.0, 1.0) AS r FROM source_fts "
            "WHERE source_fts MATCH ? ORDER BY r LIMIT ?",
            (match, limit),
        ).fetchall()
    shown = _rows_of(
        db, "SELECT seq, id, title FROM source_listing WHERE seq IN ", [seq for seq, _ in top]
    )
    return [(seq, *shown[seq], rank) for seq, rank in top if seq in shown]


def _ranked_snippets(
    db: sqlite3.Connection, match: str, where: str, args: list[object], limit: int
) -> RankedSnippets:
    """(seq, id, source id, source title, rank) best first. Unfiltered, the ranking runs
    on the index alone and only the winners are joined to their rows: joining each of
    thousands of matches to its snippet and source first took longer than the ranking."""
    if where:
        return db.execute(
            "SELECT n.seq, n.id, n.source_id, f.title, bm25(snippet_fts) AS r "
            "FROM snippet_fts JOIN snippets n ON n.seq = snippet_fts.rowid "
            "JOIN source_listing f ON f.id = n.source_id "
            f"WHERE snippet_fts MATCH ?{where} ORDER BY r LIMIT ?",
            (match, *args, limit),
        ).fetchall()
    top = db.execute(
        "SELECT rowid, bm25(snippet_fts) AS r FROM snippet_fts "
        "WHERE snippet_fts MATCH ? ORDER BY r LIMIT ?",
        (match, limit),
    ).fetchall()
    shown = _rows_of(
        db,
        "SELECT n.seq, n.id, n.source_id, f.title FROM snippets n "
        "JOIN source_listing f ON f.id = n.source_id WHERE n.seq IN ",
        [seq for seq, _ in top],
    )
    return [(seq, *shown[seq], rank) for seq, rank in top if seq in shown]


def _rows_of(db: sqlite3.Connection, select: str, seqs: list[int]) -> dict[int, tuple[str, ...]]:
    """seq -> the other columns of `select` for the rows `seqs`, in one query."""
    marks = ", ".join("?" * len(seqs))
    return {row[0]: tuple(row[1:]) for row in db.execute(f"{select}({marks})", seqs)}


class _Reader:
    """A second, read-only connection to the project with one worker thread of its own.

    Only committed rows are visible to it (WAL), which is why a search inside an open
    transaction does not use it. If it cannot be opened (a read-only folder without the
    shared-memory file, a platform without threads), search simply runs serially.
    """

    def __init__(self, db: sqlite3.Connection | None) -> None:
        self._db = db
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search") if db else None

    @classmethod
    def open(cls, path: Path) -> _Reader:
        try:
            db = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            db.execute("SELECT 1 FROM source_listing LIMIT 1")
        except (sqlite3.Error, OSError, ValueError):
            return cls(None)
        return cls(db)

    @property
    def available(self) -> bool:
        return self._db is not None

    def submit(
        self, ranking: Callable[..., RankedSnippets], *args: object
    ) -> Future[RankedSnippets]:
        assert self._pool is not None and self._db is not None
        return self._pool.submit(ranking, self._db, *args)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
        if self._db is not None:
            self._db.close()


#: Per index: its columns, and how to read them for the given rows from the project.
_CONTENT = {
    "source_fts": ("title, authors_text, outlet, text",
                   "SELECT seq, title, authors_text, outlet, text FROM sources WHERE seq IN "),
    "snippet_fts": ("text, note, tags", "SELECT seq, text, note, tags FROM snippets WHERE seq IN "),
}


class _Highlighter:
    """Cuts FTS5 fragments from a scratch in-memory index of only the rows shown.

    Asking the project's index for snippet() of 50 hits made FTS5 walk the hit lists of
    every match again (a common word's run over thousands of rows): 24 ms of a 40 ms
    search on a 20,000-source library. Indexing the 50 rows afresh, with the same
    columns and tokenizer, gives the same fragments in a third of the time. The rows live
    only inside a transaction that is rolled back, so the scratch index is always empty.
    """

    def __init__(self) -> None:
        self._db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        self._lock = threading.Lock()  # a search may run on a worker thread
        for table, (columns, _) in _CONTENT.items():
            self._db.execute(
                f"CREATE VIRTUAL TABLE {table} USING fts5({columns}, tokenize='{TOKENIZER}')"
            )

    def fragments(
        self, project_db: sqlite3.Connection, table: str, match: str, rowids: list[int]
    ) -> dict[int, str]:
        columns, select = _CONTENT[table]
        marks = ", ".join("?" * len(rowids))
        rows = project_db.execute(f"{select}({marks})", rowids).fetchall()
        values = ", ".join("?" * (columns.count(",") + 2))
        with self._lock:
            self._db.execute("BEGIN")
            try:
                self._db.executemany(
                    f"INSERT INTO {table}(rowid, {columns}) VALUES ({values})", rows
                )
                found = self._db.execute(
                    f"SELECT rowid, snippet({table}, -1, ?, ?, '…', 12) FROM {table} "
                    f"WHERE {table} MATCH ?",
                    (HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE, match),
                ).fetchall()
            finally:
                self._db.execute("ROLLBACK")
        return {int(r[0]): str(r[1]) for r in found}

    def close(self) -> None:
        self._db.close()
