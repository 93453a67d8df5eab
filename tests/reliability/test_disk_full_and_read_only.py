"""A full disk or a read-only location: a clear message, and nothing already saved changes.

Real file systems (see filesystems.py): a small tmpfs filled up or remounted read-only
when the tests run as root, RLIMIT_FSIZE and chmod otherwise.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing_app.model.source import Source
from briefing_app.store import Project, ProjectError
from tests.cli_runner import Run
from tests.reliability.conftest import content_of
from tests.reliability.filesystems import AS_ROOT, disk_full, read_only, small_disk

#: About 1 MB of text: far more than the room a "full" disk has left.
BIG_TEXT = ("Convoys moved along the supply road near the town at night. " * 40 + "\n\n") * 420


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with small_disk(tmp_path / "disk", size="8m") as folder:
        yield folder


@pytest.fixture
def project_on_disk(disk: Path, sample_file: Path) -> Path:
    target = disk / "desk.briefing"
    shutil.copyfile(sample_file, target)
    return target


@pytest.fixture
def big_file(tmp_path: Path) -> Path:
    path = tmp_path / "long-report.txt"
    path.write_text(BIG_TEXT, encoding="utf-8")
    return path


def leftovers(folder: Path) -> list[str]:
    """Temporary and partial files a failed write might leave behind."""
    return sorted(
        p.name
        for p in folder.rglob("*")
        if p.name.endswith((".tmp", ".partial", ".restoring", ".inspect"))
    )


# ---------------------------------------------------------------------------- full disk


def test_an_edit_on_a_full_disk_is_refused_whole_and_work_goes_on_once_space_is_freed(
    project_on_disk: Path, disk: Path
) -> None:
    before = content_of(project_on_disk)
    with Project.open(project_on_disk) as project:
        sources = project.sources.count()
        with disk_full(disk), pytest.raises(ProjectError) as refused:
            project.sources.add(Source(id="", title="Long report", type="report", text=BIG_TEXT))
        assert "the change was not made" in str(refused.value)
        if AS_ROOT:  # EFBIG (the fallback) is reported by SQLite as an I/O error, not "full"
            assert "is full" in str(refused.value)
        assert project.sources.count() == sources
        added = project.sources.add(
            Source(id="", title="Long report", type="report", text=BIG_TEXT)
        )
    assert content_of(project_on_disk) != before  # the retry was stored
    with Project.open(project_on_disk) as project:
        assert project.sources.count() == sources + 1
        assert project.sources.get(added.source.id).text == BIG_TEXT
        assert project.integrity_problems() == []


def test_importing_on_a_full_disk_says_so_and_changes_nothing(
    run: Run, project_on_disk: Path, disk: Path, big_file: Path
) -> None:
    before = content_of(project_on_disk)
    with disk_full(disk):
        result = run("source", "add", project_on_disk, big_file)
    assert result.code == 1
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert "the change was not made" in result.err
    assert content_of(project_on_disk) == before
    assert leftovers(disk) == []


def test_composing_on_a_full_disk_says_so_and_changes_nothing(
    run: Run, project_on_disk: Path, disk: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "briefing.json"
    assert run("export", project_on_disk, "-o", exported).code == 0
    big = exported.read_text("utf-8").replace('"title": "', '"title": "' + "Long " * 60_000, 1)
    exported.write_text(big, encoding="utf-8")
    before = content_of(project_on_disk)
    with disk_full(disk):
        result = run("compose", project_on_disk, exported)
    assert result.code == 1
    assert "the change was not made" in result.err and "Traceback" not in result.err
    assert content_of(project_on_disk) == before


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html", "json"])
def test_an_export_on_a_full_disk_keeps_the_last_good_file(
    run: Run, project_on_disk: Path, disk: Path, fmt: str
) -> None:
    target = disk / f"briefing.{fmt}"
    if fmt == "json":  # the sample's JSON is smaller than the room opening needs
        with Project.open(project_on_disk) as project:
            briefing = project.briefings.get()
            briefing.subtitle = "A long subtitle. " * 8000
            project.briefings.save(briefing)
    assert run("export", project_on_disk, "-o", target).code == 0
    good = target.read_bytes()
    # Room for SQLite's 32 KB shared-memory file (opening works), not for the export.
    with disk_full(disk):
        result = run("export", project_on_disk, "-o", target)
    assert result.code == 1
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    if AS_ROOT or fmt != "pdf":  # RLIMIT_FSIZE also stops Typst's scratch files elsewhere
        assert f"could not write {target}" in result.err and "intact" in result.err
    assert target.read_bytes() == good
    assert leftovers(disk) == []


def test_a_backup_on_a_full_disk_says_so_and_leaves_no_partial_backup(
    run: Run, project_on_disk: Path, disk: Path
) -> None:
    before = content_of(project_on_disk)
    backups_before = sorted(p.name for p in disk.glob("*-backups/*"))
    with disk_full(disk, room=40 * 1024):
        result = run("backup", project_on_disk)
    assert result.code == 1
    if AS_ROOT:  # a real full disk: refused before writing, with the space it has
        assert "no backup was taken: the disk holding" in result.err
        assert re.search(r"has \d+ KB free and a backup needs [\d.]+ MB", result.err)
    else:  # RLIMIT_FSIZE: the disk looks roomy, the write itself fails
        assert "the backup could not be written" in result.err
    assert "the project itself is fine" in result.err.lower()
    assert sorted(p.name for p in disk.glob("*-backups/*")) == backups_before
    assert content_of(project_on_disk) == before


def test_opening_a_project_on_a_completely_full_disk_says_so_and_changes_nothing(
    run: Run, project_on_disk: Path, disk: Path
) -> None:
    before = content_of(project_on_disk)
    for suffix in ("-wal", "-shm"):  # as after a clean close: opening must create them
        Path(f"{project_on_disk}{suffix}").unlink(missing_ok=True)
    with disk_full(disk, room=0):
        result = run("search", project_on_disk, "drone")
    assert result.code == 1
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    if AS_ROOT:  # RLIMIT_FSIZE leaves the disk with space: SQLite reports an I/O error
        assert "is full" in result.err and "was not changed" in result.err
    assert content_of(project_on_disk) == before


def test_a_new_project_on_a_full_disk_says_so_and_leaves_no_file(run: Run, disk: Path) -> None:
    with disk_full(disk, room=8 * 1024):
        result = run("new", disk / "fresh.briefing")
    assert result.code == 1
    assert "cannot create" in result.err and "Traceback" not in result.err
    if AS_ROOT:
        assert "full" in result.err
    assert not (disk / "fresh.briefing").exists()


# ---------------------------------------------------------------------------- read-only


def test_editing_a_project_in_a_read_only_location_says_so_and_changes_nothing(
    run: Run, project_on_disk: Path, disk: Path, big_file: Path
) -> None:
    before = content_of(project_on_disk)
    with read_only(disk):
        result = run("source", "add", project_on_disk, big_file)
    assert result.code == 1
    assert "read-only" in result.err and "Traceback" not in result.err
    assert "was not changed" in result.err or "the change was not made" in result.err
    assert content_of(project_on_disk) == before


def test_exporting_into_a_read_only_folder_keeps_the_file_there(
    run: Run, sample_copy: Path, disk: Path
) -> None:
    target = disk / "briefing.docx"
    assert run("export", sample_copy, "-o", target).code == 0
    good = target.read_bytes()
    with read_only(disk):
        result = run("export", sample_copy, "-o", target)
    assert result.code == 1
    assert f"cannot write in {disk}" in result.err
    assert target.read_bytes() == good


def test_a_new_project_in_a_read_only_folder_says_so(run: Run, disk: Path) -> None:
    with read_only(disk):
        result = run("new", disk / "fresh.briefing")
    assert result.code == 1
    assert "read-only" in result.err
    assert not (disk / "fresh.briefing").exists()
