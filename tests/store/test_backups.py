"""Rolling backups: consistent snapshots, pruning, and restores that can be undone."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from briefing_app.model.source import Source
from briefing_app.store import Project
from briefing_app.store.backups import backup_dir, list_backups, prune, restore_backup
from briefing_app.store.errors import ProjectError


def _project(tmp_path: Path) -> Path:
    path = tmp_path / "p.briefing"
    with Project.create(path) as project:
        project.sources.add(Source(id="", title="First", text="first text"))
    return path


def test_opening_takes_one_daily_backup_and_save_points_add_more(tmp_path: Path) -> None:
    path = _project(tmp_path)
    with Project.open(path) as project:
        project.sources.add(Source(id="", title="Second", text="second text"))
        project.save_point()
    Project.open(path).close()  # a second open on the same day takes no second daily backup
    reasons = [b.reason for b in list_backups(path)]
    assert reasons == ["save", "daily"]


def test_a_backup_taken_mid_edit_is_a_consistent_database(tmp_path: Path) -> None:
    path = _project(tmp_path)
    with Project.open(path) as project:
        with project.transaction():
            project.sources.add(Source(id="", title="Uncommitted", text="pending text"))
            snapshot = project.save_point()
        assert project.sources.count() == 2
    db = sqlite3.connect(snapshot)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    titles = [r[0] for r in db.execute("SELECT title FROM sources")]
    db.close()
    assert titles == ["First"]  # the committed state, not the open transaction


def test_restore_brings_back_the_old_state_and_keeps_the_current_one(tmp_path: Path) -> None:
    path = _project(tmp_path)
    with Project.open(path) as project:
        project.save_point()
        project.sources.add(Source(id="", title="Regretted", text="regretted text"))
    chosen = restore_backup(path, 1)
    assert chosen.reason == "save"
    with Project.open(path) as project:
        assert [s.title for s in project.sources.list()] == ["First"]
    newest = list_backups(path)[0]
    assert newest.reason == "before-restore"
    restore_backup(path, newest.number)
    with Project.open(path) as project:
        assert [s.title for s in project.sources.list()] == ["First", "Regretted"]


def test_restore_over_a_damaged_file_keeps_the_damaged_copy(tmp_path: Path) -> None:
    path = _project(tmp_path)
    with Project.open(path) as project:
        project.save_point()
    path.write_bytes(b"garbage" * 100)
    restore_backup(path, 1)
    assert path.with_name("p.briefing.damaged").read_bytes() == b"garbage" * 100
    with Project.open(path) as project:
        assert project.sources.count() == 1


def test_restoring_a_backup_that_does_not_exist_says_so(tmp_path: Path) -> None:
    path = _project(tmp_path)
    before = path.read_bytes()
    with pytest.raises(ProjectError, match="there is no backup 7"):
        restore_backup(path, 7)
    assert path.read_bytes() == before


def test_pruning_keeps_the_last_saves_and_one_backup_per_day(tmp_path: Path) -> None:
    path = tmp_path / "p.briefing"
    folder = backup_dir(path)
    folder.mkdir()
    start = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    for day in range(5):
        for hour in range(4):
            stamp = (start + timedelta(days=day, hours=hour)).strftime("%Y%m%dT%H%M%SZ")
            (folder / f"{stamp}-save.briefing").write_bytes(b"x")
    prune(path, keep_saves=3, keep_days=30)
    kept = sorted(p.name[:15] for p in folder.iterdir())
    last_three = ["20260105T100000", "20260105T110000", "20260105T120000"]
    first_each_day = [f"2026010{d}T090000" for d in range(1, 6)]
    assert kept == sorted(set(last_three + first_each_day))


def test_pruning_keeps_the_backups_within_their_size_budget_newest_first(tmp_path: Path) -> None:
    path = tmp_path / "p.briefing"
    folder = backup_dir(path)
    folder.mkdir()
    start = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    for day in range(6):
        stamp = (start + timedelta(days=day)).strftime("%Y%m%dT%H%M%SZ")
        (folder / f"{stamp}-daily.briefing").write_bytes(b"x" * 1000)
    prune(path, keep_bytes=3500)
    assert sorted(p.name[:8] for p in folder.iterdir()) == ["20260104", "20260105", "20260106"]
    prune(path, keep_bytes=10)  # smaller than one backup: the newest still stays
    assert [p.name[:8] for p in folder.iterdir()] == ["20260106"]


def test_the_default_budget_is_five_times_the_project_or_a_gigabyte(tmp_path: Path) -> None:
    from briefing_app.store import backups

    path = _project(tmp_path)
    assert backups._budget(path) == backups.KEEP_MIN_BYTES
    with path.open("r+b") as f:  # as if the project held 300 MB of original files
        f.truncate(300 << 20)
    assert backups._budget(path) == 5 * (300 << 20)


def test_a_backup_that_would_fill_the_disk_is_refused_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from briefing_app.store import backups

    path = _project(tmp_path)
    before = {p.name for p in backup_dir(path).iterdir()} if backup_dir(path).exists() else set()
    real = shutil.disk_usage

    def nearly_full(folder: object) -> object:
        usage = real(folder)
        return usage._replace(free=backups.RESERVE_BYTES // 2)

    monkeypatch.setattr(backups.shutil, "disk_usage", nearly_full)
    with pytest.raises(ProjectError, match=r"no backup was taken: .* project itself is fine"):
        backups.take_backup(path)
    assert {p.name for p in backup_dir(path).iterdir()} == before
    with Project.open(path) as project:  # and the project still opens and takes edits
        project.wait_for_backup()
        project.sources.add(Source(id="", title="Second", text="second text"))


def test_a_restore_that_cannot_keep_the_current_state_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from briefing_app.store import backups

    path = _project(tmp_path)
    with Project.open(path) as project:
        project.wait_for_backup()
        project.sources.add(Source(id="", title="Second", text="second text"))
    current = path.read_bytes()
    count = len(list_backups(path))
    real = shutil.disk_usage
    monkeypatch.setattr(backups.shutil, "disk_usage",
                        lambda folder: real(folder)._replace(free=1 << 20))
    with pytest.raises(ProjectError, match="no backup was taken"):
        restore_backup(path, 1)
    assert path.read_bytes() == current
    assert len(list_backups(path)) == count
    assert not path.with_name(path.name + ".damaged").exists()


def test_restoring_the_oldest_kept_save_works_though_the_new_backup_prunes_it(
    tmp_path: Path,
) -> None:
    """Keeping the current state adds a backup and prunes: the chosen (oldest kept) one
    may go in that prune, so it must already have been read."""
    path = _project(tmp_path)
    with Project.open(path) as project:
        project.wait_for_backup()
        for backup in list_backups(path):
            backup.path.unlink()  # only save points from here on, all on one day
        for n in range(11):
            project.sources.add(Source(id="", title=f"Source {n}", text=f"text number {n}"))
            project.save_point()
    # 11 kept: the newest 10 and the day's first; number 10 is the second save.
    chosen = list_backups(path)[9]
    assert (chosen.number, len(list_backups(path))) == (10, 11)
    restored = restore_backup(path, 10)
    assert restored.taken_at == chosen.taken_at
    assert not chosen.path.exists()  # pruned by the before-restore backup...
    with Project.open(path) as project:  # ...but its state is what the project holds
        assert [s.title for s in project.sources.list()] == ["First", "Source 0", "Source 1"]
