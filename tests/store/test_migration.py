"""Forward migration: a version 1 file with real data opens, upgrades and keeps a backup."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from briefing_app.model.blocks import Paragraph
from briefing_app.model.source import content_hash
from briefing_app.store import Project
from briefing_app.store.schema import SCHEMA_VERSION, create_v1

SOURCE_TEXT = (
    "The bridge at the northern entrance was destroyed on 2 November.\n"
    "\n"
    "Residents describe convoys leaving at night along the T0504."
)
QUOTE = "convoys leaving at night"


def build_v1_file(path: Path) -> None:
    """A project as version 1 of the program wrote it, on a plain sqlite3 connection."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        create_v1(db)
        db.execute(
            "INSERT INTO attachments(id, name, mime, sha256, size, data) VALUES (?, ?, ?, ?, ?, ?)",
            (1, "report.txt", "text/plain", "0" * 64, len(SOURCE_TEXT), SOURCE_TEXT.encode()),
        )
        csl = {
            "authors": [{"family": "Marsh", "given": "Helena"}],
            "issued": "2025-11-03",
            "container_title": "Regional Daily",
        }
        db.execute(
            "INSERT INTO sources(id, type, title, authors_text, outlet, csl, text, sha256, "
            "reliability, descriptor, origin, captured_at, attachment_id, locators) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                "src1",
                "article",
                "Bridge destroyed",
                "Helena Marsh",
                "Regional Daily",
                json.dumps(csl),
                SOURCE_TEXT,
                content_hash(SOURCE_TEXT),
                "B",
                "local reporter",
                "report.txt",
                "2025-11-04T08:00:00+00:00",
                1,
                "[]",
            ),
        )
        start = SOURCE_TEXT.index(QUOTE)
        db.execute(
            'INSERT INTO snippets(id, source_id, start, "end", text, locator, credibility, tags, '
            "note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                "sn1",
                "src1",
                start,
                start + len(QUOTE),
                QUOTE,
                "para. 2",
                2,
                '["logistics"]',
                "night movement",
                "2025-11-04T08:05:00+00:00",
            ),
        )
        meta = {
            "title": "Bridge note",
            "style": "chicago-notes",
            "notes": "footnotes",
            "template": "strategic",
            "scale": "icd203",
            "show_bands": True,
        }
        db.execute(
            "INSERT INTO briefings(id, meta, created_at, modified_at) VALUES (?, ?, ?, ?)",
            ("br1", json.dumps(meta), "2025-11-04T09:00:00+00:00", "2025-11-04T09:30:00+00:00"),
        )
        db.execute(
            "INSERT INTO sections(briefing_id, uid, position, heading, level) "
            "VALUES ('br1', 's1', 0, 'Summary', 1)"
        )
        db.execute(
            "INSERT INTO blocks(briefing_id, section_uid, uid, position, type, data) "
            "VALUES ('br1', 's1', 'b1', 0, 'paragraph', ?)",
            (
                json.dumps(
                    {"type": "paragraph", "id": "b1", "text": "Convoys move at night [@sn1]."}
                ),
            ),
        )
        db.execute("INSERT INTO meta(key, value) VALUES ('next_sn', '2'), ('next_src', '2')")
    finally:
        db.close()


def version_of(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        return int(db.execute("PRAGMA user_version").fetchone()[0])
    finally:
        db.close()


def test_a_version_1_file_is_upgraded_on_open_and_its_data_survives(tmp_path):
    path = tmp_path / "old.briefing"
    build_v1_file(path)
    assert version_of(path) == 1

    with Project.open(path) as project:
        source = project.sources.get("src1")
        assert (source.title, source.reliability, source.container_title, source.issued) == (
            "Bridge destroyed",
            "B",
            "Regional Daily",
            "2025-11-03",
        )
        assert source.text == SOURCE_TEXT
        snippet = project.snippets.get("sn1")
        assert (snippet.text, snippet.credibility, snippet.tags, snippet.note) == (
            QUOTE,
            2,
            ["logistics"],
            "night movement",
        )
        assert snippet.translation == ""  # the column version 2 added, with its default
        briefing = project.briefings.get("br1")
        assert briefing.title == "Bridge note"
        assert briefing.sections[0].blocks == [Paragraph("Convoys move at night [@sn1].", id="b1")]
        assert project.attachments.get(1).data == SOURCE_TEXT.encode()
        assert project.integrity_problems() == []
        assert [hit.id for hit in project.index.search("bridge destroyed")][:1] == ["src1"]

    assert version_of(path) == SCHEMA_VERSION


def test_the_columns_and_tables_of_version_2_work_after_the_upgrade(tmp_path):
    path = tmp_path / "old.briefing"
    build_v1_file(path)
    with Project.open(path) as project:
        snippet = project.snippets.get("sn1")
        snippet.translation = "Конвої виїжджають уночі"
        snippet.translator = "desk"
        project.snippets.update(snippet)
        with project.transaction() as db:
            db.execute("INSERT INTO conflicts(a, b, note) VALUES ('sn1', 'sn2', 'dates differ')")
            db.execute("INSERT INTO gazetteer(canonical, variant) VALUES ('Pokrovsk', 'Покровськ')")
        added = project.snippets.add_quote("src1", "bridge at the northern entrance")
        assert added.id == "sn2"  # the v1 id counter carried over
    with Project.open(path) as project:
        again = project.snippets.get("sn1")
        assert (again.translation, again.translator) == ("Конвої виїжджають уночі", "desk")
        assert project.db.execute("SELECT note FROM conflicts").fetchall() == [("dates differ",)]
        assert project.db.execute("SELECT variant FROM gazetteer").fetchall() == [("Покровськ",)]


def test_upgrading_keeps_a_copy_of_the_version_1_file_beside_it(tmp_path):
    path = tmp_path / "old.briefing"
    build_v1_file(path)
    Project.open(path).close()
    backup = tmp_path / "old.briefing.v1.bak"
    assert backup.is_file()
    db = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
        assert db.execute("SELECT id, text FROM sources").fetchall() == [("src1", SOURCE_TEXT)]
        columns = {row[1] for row in db.execute("PRAGMA table_info(snippets)")}
        assert "translation" not in columns
    finally:
        db.close()


def test_a_second_open_does_not_migrate_or_back_up_again(tmp_path):
    path = tmp_path / "old.briefing"
    build_v1_file(path)
    Project.open(path).close()
    backup = tmp_path / "old.briefing.v1.bak"
    first_backup = backup.read_bytes()
    with Project.open(path) as project:
        assert project.snippets.count() == 1
    assert backup.read_bytes() == first_backup
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".bak")) == [
        "old.briefing.v1.bak"
    ]


def build_v2_file(path: Path) -> None:
    """A project as version 2 wrote it: the version 1 data, migrated to 2 only, plus
    sources of several types and grades (one with metadata that is not valid JSON)."""
    from briefing_app.store.schema import MIGRATIONS

    build_v1_file(path)
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("BEGIN IMMEDIATE")
        MIGRATIONS[1](db)
        db.execute("PRAGMA user_version = 2")
        rows = [
            ("src2", "report", "Depot fire", "Northline", '{"issued": "2025-06"}', "A"),
            ("src3", "social", "Depot rumour", "", '{"issued": "2024-02-11"}', "E"),
            ("src4", "report", "Depot survey", "Northline", "not json {", "A"),
        ]
        for sid, kind, title, outlet, csl, grade in rows:
            text = f"{title}: the depot near the bridge burned for two days ({sid})."
            db.execute(
                "INSERT INTO sources(id, type, title, outlet, csl, text, sha256, reliability) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (sid, kind, title, outlet, csl, text, content_hash(text), grade),
            )
        db.execute("COMMIT")
    finally:
        db.close()


def test_a_version_2_file_gets_a_listing_row_for_every_source_it_holds(tmp_path):
    path = tmp_path / "v2.briefing"
    build_v2_file(path)
    assert version_of(path) == 2
    with Project.open(path) as project:
        listed = [(s.id, s.type, s.reliability, s.issued, s.outlet, s.snippets)
                  for s in project.sources.summaries()]
        assert listed == [
            ("src1", "article", "B", "2025-11-03", "Regional Daily", 1),
            ("src2", "report", "A", "2025-06", "Northline", 0),
            ("src3", "social", "E", "2024-02-11", "", 0),
            ("src4", "report", "A", "", "Northline", 0),  # broken metadata: no date, no failure
        ]

        def ids(**filters: object) -> list[str]:
            return sorted(hit.id for hit in project.index.search("depot", **filters))

        assert ids() == ["src2", "src3", "src4"]
        assert ids(grades="A") == ["src2", "src4"]
        assert ids(source_type="report", date_from="2025-06-15") == ["src2"]
        assert ids(outlet="northline", date_to="2025") == ["src2"]  # the year includes June
        assert ids(outlet="northline", date_to="2025-05") == []
        assert ids(date_to="2024-12") == ["src3"]
    assert version_of(path) == SCHEMA_VERSION
    assert (tmp_path / "v2.briefing.v2.bak").is_file()


def test_the_listing_follows_sources_added_changed_and_removed_after_the_upgrade(tmp_path):
    path = tmp_path / "v2.briefing"
    build_v2_file(path)
    with Project.open(path) as project:
        source = project.sources.get("src3")
        source.reliability = "B"
        source.type = "report"
        project.sources.update(source)
        project.sources.remove("src2")
        assert sorted(h.id for h in project.index.search("depot", grades="B")) == ["src3"]
        assert [h.id for h in project.index.search("depot", source_type="social")] == []
        count = project.db.execute("SELECT COUNT(*) FROM source_listing").fetchone()[0]
        assert count == project.sources.count() == 3
        assert project.sources.summary("src3").reliability == "B"
        index = project.db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'attachments_sha256'"
        ).fetchone()
        assert index is not None
        assert project.attachments.add("again.txt", "text/plain", b"new bytes") == (
            project.attachments.add("copy.txt", "text/plain", b"new bytes")
        )


def build_v3_file(path: Path) -> None:
    """A project as version 3 wrote it: the version 2 data migrated to 3 only, with a
    second snippet on src1 and a publisher instead of an outlet on one source."""
    from briefing_app.store.schema import MIGRATIONS

    build_v2_file(path)
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("BEGIN IMMEDIATE")
        MIGRATIONS[2](db)
        db.execute("PRAGMA user_version = 3")
        start = SOURCE_TEXT.index("bridge")
        db.execute(
            'INSERT INTO snippets(id, source_id, start, "end", text) VALUES (?, ?, ?, ?, ?)',
            ("sn2", "src1", start, start + len("bridge"), "bridge"),
        )
        db.execute("UPDATE meta SET value = '3' WHERE key = 'next_sn'")
        text = "Ministry statement on the depot (src5)."
        db.execute(
            "INSERT INTO sources(id, type, title, csl, text, sha256, reliability) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            ("src5", "statement", "Depot statement",
             json.dumps({"publisher": "Ministry of Defence", "url": "https://mod.example/5",
                         "accessed": "2025-11-05", "issued": "2025-11-04"}),
             text, content_hash(text), "C"),
        )
        db.execute("COMMIT")
    finally:
        db.close()


def test_a_version_3_file_gets_the_listing_with_snippet_counts(tmp_path):
    path = tmp_path / "v3.briefing"
    build_v3_file(path)
    assert version_of(path) == 3
    with Project.open(path) as project:
        by_id = {s.id: s for s in project.sources.summaries()}
        assert [s.id for s in project.sources.summaries()] == [
            "src1", "src2", "src3", "src4", "src5"
        ]
        assert (by_id["src1"].snippets, by_id["src2"].snippets) == (2, 0)
        statement = project.sources.summary("src5")
        assert (statement.outlet, statement.url, statement.accessed, statement.issued) == (
            "Ministry of Defence", "https://mod.example/5", "2025-11-05", "2025-11-04"
        )
        assert by_id["src1"].descriptor == ""  # the bulk listing leaves it to summary(id)
        assert project.sources.summary("src1").descriptor == "local reporter"
        assert [h.id for h in project.index.search("depot", outlet="ministry")] == ["src5"]
        tables = {r[0] for r in project.db.execute("SELECT name FROM sqlite_master")}
        assert "source_facets" not in tables
        assert project.integrity_problems() == []
    assert version_of(path) == SCHEMA_VERSION
    assert (tmp_path / "v3.briefing.v3.bak").is_file()


def test_snippet_counts_follow_snippets_taken_merged_and_removed(tmp_path):
    path = tmp_path / "v3.briefing"
    build_v3_file(path)
    with Project.open(path) as project:
        def count(source_id: str) -> int:
            return project.sources.summary(source_id).snippets

        taken = project.snippets.add_quote("src5", "Ministry statement")
        assert count("src5") == 1
        project.snippets.merge("sn1", "sn2")
        assert count("src1") == 1
        project.snippets.remove(taken.id)
        assert count("src5") == 0
        first, _second = project.snippets.split("sn1", project.snippets.get("sn1").start + 4)
        assert count("src1") == 2
        with project.transaction() as db:  # any writer, not only our API, keeps it true
            db.execute("DELETE FROM snippets WHERE source_id = 'src1'")
        assert count("src1") == 0
        assert first.source_id == "src1"
