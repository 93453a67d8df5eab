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
SCHEMA_VERSION = 3

_TOKENIZER = "unicode61 remove_diacritics 2"

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
    tokenize='{_TOKENIZER}'
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
    text, note, tags, content='snippets', content_rowid='seq', tokenize='{_TOKENIZER}'
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


#: MIGRATIONS[v] upgrades a file from version v to v + 1.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _migrate_1_to_2,
    2: _migrate_2_to_3,
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
