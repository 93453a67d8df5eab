"""Schema of the project file and its forward migrations.

`PRAGMA user_version` holds the schema version; `PRAGMA application_id` marks the file as
ours so that any other SQLite database is recognised as foreign before anything is written.
Migrations only ever move forward, one version at a time, each in one transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

#: "BrSt" as a big-endian 32-bit integer.
APPLICATION_ID = 0x42725374
SCHEMA_VERSION = 4

#: How the search indexes cut text into words (also used for highlighting, in search.py).
TOKENIZER = "unicode61 remove_diacritics 2"

# Version 1, kept verbatim: tests build v1 files from it to prove the migration.
SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, mime TEXT NOT NULL,
    sha256 TEXT NOT NULL, size INTEGER NOT NULL, data BLOB NOT NULL
);
CREATE TABLE sources (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, title TEXT NOT NULL,
    authors_text TEXT NOT NULL DEFAULT '', outlet TEXT NOT NULL DEFAULT '',
    csl TEXT NOT NULL, text TEXT NOT NULL, sha256 TEXT NOT NULL,
    reliability TEXT NOT NULL, descriptor TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL DEFAULT '', captured_at TEXT NOT NULL DEFAULT '',
    attachment_id INTEGER REFERENCES attachments(id), locators TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX sources_sha256 ON sources(sha256);
CREATE TABLE snippets (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
    source_id TEXT NOT NULL REFERENCES sources(id),
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    locator TEXT NOT NULL DEFAULT '', credibility INTEGER NOT NULL DEFAULT 6,
    tags TEXT NOT NULL DEFAULT '[]', note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX snippets_source ON snippets(source_id);
CREATE TABLE briefings (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, meta TEXT NOT NULL,
    created_at TEXT NOT NULL, modified_at TEXT NOT NULL
);
CREATE TABLE sections (
    seq INTEGER PRIMARY KEY, briefing_id TEXT NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
    uid TEXT NOT NULL, position INTEGER NOT NULL, heading TEXT NOT NULL, level INTEGER NOT NULL,
    marking TEXT NOT NULL DEFAULT '', UNIQUE (briefing_id, uid)
);
CREATE TABLE blocks (
    seq INTEGER PRIMARY KEY, briefing_id TEXT NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
    section_uid TEXT NOT NULL, uid TEXT NOT NULL, position INTEGER NOT NULL,
    type TEXT NOT NULL, data TEXT NOT NULL, UNIQUE (briefing_id, uid)
);
CREATE INDEX blocks_section ON blocks(briefing_id, section_uid, position);
"""

_FTS = f"""
CREATE VIRTUAL TABLE source_fts USING fts5(
    title, authors_text, outlet, text, content='sources', content_rowid='seq',
    tokenize='{TOKENIZER}'
);
CREATE TRIGGER sources_ai AFTER INSERT ON sources BEGIN
    INSERT INTO source_fts(rowid, title, authors_text, outlet, text)
    VALUES (new.seq, new.title, new.authors_text, new.outlet, new.text);
END;
CREATE TRIGGER sources_ad AFTER DELETE ON sources BEGIN
    INSERT INTO source_fts(source_fts, rowid, title, authors_text, outlet, text)
    VALUES ('delete', old.seq, old.title, old.authors_text, old.outlet, old.text);
END;
CREATE TRIGGER sources_au AFTER UPDATE ON sources BEGIN
    INSERT INTO source_fts(source_fts, rowid, title, authors_text, outlet, text)
    VALUES ('delete', old.seq, old.title, old.authors_text, old.outlet, old.text);
    INSERT INTO source_fts(rowid, title, authors_text, outlet, text)
    VALUES (new.seq, new.title, new.authors_text, new.outlet, new.text);
END;
CREATE VIRTUAL TABLE snippet_fts USING fts5(
    text, note, tags, content='snippets', content_rowid='seq', tokenize='{TOKENIZER}'
);
CREATE TRIGGER snippets_ai AFTER INSERT ON snippets BEGIN
    INSERT INTO snippet_fts(rowid, text, note, tags) VALUES (new.seq, new.text, new.note, new.tags);
END;
CREATE TRIGGER snippets_ad AFTER DELETE ON snippets BEGIN
    INSERT INTO snippet_fts(snippet_fts, rowid, text, note, tags)
    VALUES ('delete', old.seq, old.text, old.note, old.tags);
END;
CREATE TRIGGER snippets_au AFTER UPDATE ON snippets BEGIN
    INSERT INTO snippet_fts(snippet_fts, rowid, text, note, tags)
    VALUES ('delete', old.seq, old.text, old.note, old.tags);
    INSERT INTO snippet_fts(rowid, text, note, tags) VALUES (new.seq, new.text, new.note, new.tags);
END;
"""


def run_script(db: sqlite3.Connection, script: str) -> None:
    """Execute statements one by one: `executescript` would COMMIT an open transaction,
    and migrations must stay atomic."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            db.execute(buffer)
            buffer = ""
    if buffer.strip():
        db.execute(buffer)


def _migrate_1_to_2(db: sqlite3.Connection) -> None:
    """Version 2: translations on snippets, analyst-marked conflicts, the gazetteer."""
    run_script(
        db,
        """
        ALTER TABLE snippets ADD COLUMN translation TEXT NOT NULL DEFAULT '';
        ALTER TABLE snippets ADD COLUMN translator TEXT NOT NULL DEFAULT '';
        CREATE TABLE conflicts (
            a TEXT NOT NULL, b TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', PRIMARY KEY (a, b)
        );
        CREATE TABLE gazetteer (
            canonical TEXT NOT NULL, variant TEXT NOT NULL, PRIMARY KEY (canonical, variant)
        );
        """,
    )


_ISSUED = (
    "CASE WHEN json_valid({0}csl) THEN coalesce(json_extract({0}csl, '$.issued'), '') ELSE '' END"
)


def _migrate_2_to_3(db: sqlite3.Connection) -> None:
    """Version 3: what search filters on, in a narrow table of its own; attachments found
    by digest through an index.

    The filter columns sat in `sources` after the large captured text, so a filtered
    search read every matching source's whole row to test its type or grade. Triggers
    keep `source_facets` in step with `sources` whatever writes to it. Without the
    digest index each import scanned every attachment to rule out a duplicate.
    """
    run_script(
        db,
        f"""
        CREATE TABLE source_facets (
            seq INTEGER PRIMARY KEY, type TEXT NOT NULL, reliability TEXT NOT NULL,
            issued TEXT NOT NULL, outlet TEXT NOT NULL
        );
        INSERT INTO source_facets(seq, type, reliability, issued, outlet)
            SELECT seq, type, reliability, {_ISSUED.format("")}, outlet FROM sources;
        CREATE TRIGGER source_facets_ai AFTER INSERT ON sources BEGIN
            INSERT INTO source_facets(seq, type, reliability, issued, outlet)
            VALUES (new.seq, new.type, new.reliability, {_ISSUED.format("new.")}, new.outlet);
        END;
        CREATE TRIGGER source_facets_au AFTER UPDATE ON sources BEGIN
            DELETE FROM source_facets WHERE seq = old.seq;
            INSERT INTO source_facets(seq, type, reliability, issued, outlet)
            VALUES (new.seq, new.type, new.reliability, {_ISSUED.format("new.")}, new.outlet);
        END;
        CREATE TRIGGER source_facets_ad AFTER DELETE ON sources BEGIN
            DELETE FROM source_facets WHERE seq = old.seq;
        END;
        CREATE INDEX attachments_sha256 ON attachments(sha256);
        """,
    )


def _json_field(path: str, row: str) -> str:
    """A text field of a row's CSL JSON, '' when absent or when the JSON is damaged."""
    return (f"CASE WHEN json_valid({row}csl) THEN coalesce(json_extract({row}csl, '{path}'), '') "
            "ELSE '' END")


def _listing_values(row: str) -> list[str]:
    """The listing columns computed from a `sources` row (`row` is "new." in a trigger),
    in the order of _LISTING_COLUMNS."""
    return [
        f"{row}seq", f"{row}id", f"{row}title", f"{row}type",
        f"coalesce(nullif({row}outlet, ''), {_json_field('$.publisher', row)})",
        _json_field("$.issued", row), f"{row}reliability", f"{row}authors_text",
        _json_field("$.url", row), _json_field("$.accessed", row),
    ]


_LISTING_COLUMNS = ["seq", "id", "title", "type", "outlet", "issued", "reliability",
                    "authors_text", "url", "accessed"]


def _migrate_3_to_4(db: sqlite3.Connection) -> None:
    """Version 4: `source_listing`, everything the library table shows and search filters
    on, with each source's snippet count, in one narrow table.

    Listing 20,000 sources from `sources` read a JSON field of every row, joined the
    facets table and counted 50,000 snippets apart: over a third of a second before the
    library could be shown. Triggers keep the listing (and the counts) in step with
    `sources` and `snippets` whatever writes to them; it replaces `source_facets`.
    """
    columns = ", ".join(_LISTING_COLUMNS)
    new = _listing_values("new.")
    assignments = ", ".join(
        f"{column} = {value}"
        for column, value in zip(_LISTING_COLUMNS[1:], new[1:], strict=True)
    )
    run_script(
        db,
        f"""
        DROP TRIGGER source_facets_ai;
        DROP TRIGGER source_facets_au;
        DROP TRIGGER source_facets_ad;
        DROP TABLE source_facets;
        CREATE TABLE source_listing (
            seq INTEGER PRIMARY KEY, id TEXT NOT NULL, title TEXT NOT NULL, type TEXT NOT NULL,
            outlet TEXT NOT NULL, issued TEXT NOT NULL, reliability TEXT NOT NULL,
            authors_text TEXT NOT NULL, url TEXT NOT NULL, accessed TEXT NOT NULL,
            snippets INTEGER NOT NULL DEFAULT 0
        );
        INSERT INTO source_listing({columns}, snippets)
            SELECT {", ".join(_listing_values("s."))},
                   (SELECT COUNT(*) FROM snippets n WHERE n.source_id = s.id)
            FROM sources s;
        CREATE TRIGGER source_listing_ai AFTER INSERT ON sources BEGIN
            INSERT INTO source_listing({columns}) VALUES ({", ".join(new)});
        END;
        CREATE TRIGGER source_listing_au AFTER UPDATE ON sources BEGIN
            UPDATE source_listing SET {assignments} WHERE seq = old.seq;
        END;
        CREATE TRIGGER source_listing_ad AFTER DELETE ON sources BEGIN
            DELETE FROM source_listing WHERE seq = old.seq;
        END;
        CREATE TRIGGER source_listing_snippet_ai AFTER INSERT ON snippets BEGIN
            UPDATE source_listing SET snippets = snippets + 1 WHERE id = new.source_id;
        END;
        CREATE TRIGGER source_listing_snippet_ad AFTER DELETE ON snippets BEGIN
            UPDATE source_listing SET snippets = snippets - 1 WHERE id = old.source_id;
        END;
        CREATE TRIGGER source_listing_snippet_au AFTER UPDATE OF source_id ON snippets BEGIN
            UPDATE source_listing SET snippets = snippets - 1 WHERE id = old.source_id;
            UPDATE source_listing SET snippets = snippets + 1 WHERE id = new.source_id;
        END;
        CREATE UNIQUE INDEX source_listing_id ON source_listing(id);
        """,
    )


#: MIGRATIONS[v] upgrades a file from version v to v + 1.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _migrate_1_to_2,
    2: _migrate_2_to_3,
    3: _migrate_3_to_4,
}


def create_v1(db: sqlite3.Connection) -> None:
    """Lay down version 1 (new files then migrate forward, so one path is always exercised)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        run_script(db, SCHEMA_V1 + _FTS)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("PRAGMA user_version = 1")
        db.execute("COMMIT")
    except BaseException:
        _rollback(db)
        raise


def migrate(db: sqlite3.Connection, start: int) -> None:
    """Apply every migration from `start` to SCHEMA_VERSION; each one is its own transaction."""
    for version in range(start, SCHEMA_VERSION):
        db.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[version](db)
            db.execute(f"PRAGMA user_version = {version + 1}")
            db.execute("COMMIT")
        except BaseException:
            _rollback(db)
            raise


def _rollback(db: sqlite3.Connection) -> None:
    """Roll back unless SQLite already did (it does on a full disk, and a second ROLLBACK
    would replace the real error with "no transaction is active")."""
    if db.in_transaction:
        db.execute("ROLLBACK")
