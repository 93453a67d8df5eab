"""Opening project files: ours are recognised, anything else is refused and left untouched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing_app.model.source import Source
from briefing_app.store import (
    CorruptProjectError,
    ForeignFileError,
    NewerVersionError,
    Project,
    ProjectBusyError,
    ProjectError,
)
from briefing_app.store.schema import APPLICATION_ID, SCHEMA_VERSION


def on_disk(path: Path) -> dict[str, str]:
    """What a failed open must not change: the file, its -wal, and which files exist."""
    state = {name: "present" for name in os.listdir(path.parent)}
    for candidate in (path, path.with_name(f"{path.name}-wal")):
        if candidate.is_file():
            state[candidate.name] = hashlib.sha256(candidate.read_bytes()).hexdigest()
    return state


def refused(path: Path, error: type[ProjectError]) -> str:
    """Open `path`, expect `error`, check nothing on disk changed; return the message."""
    before = on_disk(path)
    with pytest.raises(error) as caught:
        Project.open(path)
    assert on_disk(path) == before
    return str(caught.value)


def filled_project(path: Path, make_report: Callable[..., Source]) -> None:
    """A closed project big enough to span many database pages."""
    with Project.create(path) as project:
        for n in range(12):
            text = f"Report {n} from the northern sector. " + "Convoys move at night. " * 300
            project.sources.add(make_report(text, title=f"Report {n}"))


def raw_sql(path: Path, *statements: str) -> None:
    """Edit a file behind the application's back, as another tool would."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            db.execute(statement)
    finally:
        db.close()


# ------------------------------------------------------------------ our own files


def test_a_new_project_is_a_wal_sqlite_file_marked_as_ours_at_the_current_version(
    project_path,
):
    Project.create(project_path).close()
    header = project_path.read_bytes()[:100]
    assert header.startswith(b"SQLite format 3\x00")
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID
    db = sqlite3.connect(project_path)
    try:
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        db.close()


def test_a_closed_project_reopens_with_its_data(project_path, make_report):
    with Project.create(project_path, title="Eastern desk") as project:
        added = project.sources.add(make_report()).source
    with Project.open(project_path) as project:
        assert project.title == "Eastern desk"
        assert project.sources.get(added.id).text == added.text


def test_closing_folds_the_wal_into_the_file_so_a_copy_is_complete(project_path, make_report):
    with Project.create(project_path) as project:
        project.sources.add(make_report())
    wal = project_path.with_name(f"{project_path.name}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    copy = project_path.with_name("copy.briefing")
    copy.write_bytes(project_path.read_bytes())
    with Project.open(copy) as project:
        assert project.sources.count() == 1


CHILD_KILLED_BEFORE_CLOSE = """
import os, sys
from briefing_app.model.source import Source
from briefing_app.store import Project
project = Project.create(sys.argv[1])
project.sources.add(Source("", "Typed before the crash", text="Convoys move at night."))
os._exit(0)  # no close, no checkpoint: as if the process were killed
"""


def test_a_new_project_killed_before_closing_reopens_with_its_data(project_path):
    subprocess.run(
        [sys.executable, "-c", CHILD_KILLED_BEFORE_CLOSE, str(project_path)],
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert project_path.with_name(f"{project_path.name}-wal").exists()  # never checkpointed
    with Project.open(project_path) as project:
        assert [s.title for s in project.sources.list()] == ["Typed before the crash"]


def test_creating_over_an_existing_file_refuses_and_keeps_it(project_path):
    project_path.write_text("precious notes")
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(project_path)
    assert project_path.read_text() == "precious notes"


# ------------------------------------------------------------------ not ours


@pytest.mark.parametrize(
    "content",
    [
        b"Meeting notes, not a project.\n",
        bytes(range(256)) * 8,
        b"SQLite format 3",  # the magic alone, cut short
    ],
    ids=["text", "random-bytes", "short-header"],
)
def test_opening_a_file_that_is_not_sqlite_refuses_and_changes_nothing(tmp_path, content):
    path = tmp_path / "notes.briefing"
    path.write_bytes(content)
    message = refused(path, ForeignFileError)
    assert "not a Briefing Studio project" in message


def test_opening_an_empty_file_says_it_is_empty(tmp_path):
    path = tmp_path / "empty.briefing"
    path.write_bytes(b"")
    assert "is empty" in refused(path, ForeignFileError)


def test_opening_another_applications_sqlite_file_refuses_and_changes_nothing(tmp_path):
    path = tmp_path / "browser-history.sqlite"
    raw_sql(
        path,
        "PRAGMA journal_mode = WAL",
        "CREATE TABLE visits (url TEXT)",
        "INSERT INTO visits VALUES ('https://example.org')",
    )
    message = refused(path, ForeignFileError)
    assert "another application" in message


def test_opening_a_missing_path_says_it_does_not_exist(tmp_path):
    path = tmp_path / "nowhere.briefing"
    with pytest.raises(ProjectError, match="does not exist"):
        Project.open(path)
    assert not path.exists()


def test_opening_a_folder_says_it_is_a_folder(tmp_path):
    folder = tmp_path / "folder.briefing"
    folder.mkdir()
    with pytest.raises(ProjectError, match="is a folder"):
        Project.open(folder)
    assert list(folder.iterdir()) == []


# ------------------------------------------------------------------ ours, but unusable


def test_opening_a_newer_file_refuses_and_changes_nothing(project_path):
    Project.create(project_path).close()
    raw_sql(project_path, f"PRAGMA user_version = {SCHEMA_VERSION + 7}")
    message = refused(project_path, NewerVersionError)
    assert "newer version" in message
    assert f"file version {SCHEMA_VERSION + 7}" in message
    assert "was not changed" in message


def test_opening_a_file_without_a_schema_version_calls_it_damaged(project_path):
    Project.create(project_path).close()
    raw_sql(project_path, "PRAGMA user_version = 0")
    assert "no schema version" in refused(project_path, CorruptProjectError)


def test_opening_a_truncated_project_refuses_and_changes_nothing(project_path, make_report):
    filled_project(project_path, make_report)
    data = project_path.read_bytes()
    assert len(data) > 64 * 1024  # many pages, so the cut loses real content
    project_path.write_bytes(data[: len(data) // 2])
    message = refused(project_path, CorruptProjectError)
    assert "damaged" in message and "backup" in message


def test_opening_a_project_with_an_overwritten_page_refuses_and_changes_nothing(
    project_path, make_report
):
    filled_project(project_path, make_report)
    data = bytearray(project_path.read_bytes())
    page = 4096
    data[5 * page : 6 * page] = bytes((n * 37) % 256 for n in range(page))
    project_path.write_bytes(bytes(data))
    assert "damaged" in refused(project_path, CorruptProjectError)


@pytest.mark.parametrize("table", ["blocks", "snippets", "meta"])
def test_opening_a_project_with_a_dropped_table_names_what_is_missing(project_path, table):
    Project.create(project_path).close()
    raw_sql(project_path, f"DROP TABLE {table}")
    message = refused(project_path, CorruptProjectError)
    assert f"missing parts of a project ({table})" in message


def test_opening_a_project_whose_search_index_was_dropped_refuses(project_path, make_report):
    with Project.create(project_path) as project:
        project.sources.add(make_report())
    raw_sql(project_path, "DROP TABLE source_fts")
    assert "source_fts" in refused(project_path, CorruptProjectError)


CHILD_WRITER = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
db.execute("INSERT INTO meta(key, value) VALUES ('half-written', 'yes')")
print("ready", flush=True)
sys.stdin.read()  # hold the lock until killed
"""


def test_opening_a_file_another_process_is_writing_says_busy_and_changes_nothing(
    project_path, make_report
):
    with Project.create(project_path) as project:
        project.sources.add(make_report())
    with subprocess.Popen(
        [sys.executable, "-c", CHILD_WRITER, str(project_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready"
            message = refused(project_path, ProjectBusyError)
            assert "being written by another program" in message
            assert "try again" in message
        finally:
            child.kill()
    with Project.open(project_path) as project:  # the writer died: its change never happened
        assert project.meta("half-written") == ""
        assert project.sources.count() == 1
