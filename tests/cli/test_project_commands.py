"""`briefing new`, `sample`, `--version` and the one-line error contract."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from briefing_app import __version__
from tests.cli_runner import Run


def test_version_prints_the_package_version(run: Run) -> None:
    result = run("--version")
    assert result.code == 0
    assert result.out.strip() == f"briefing {__version__}"


def test_new_creates_an_empty_project_with_its_title(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "new.briefing"
    result = run("new", target, "--title", "Northern axis", "--json")
    assert result.code == 0
    assert result.json() == {"file": str(target), "title": "Northern axis"}
    listing = run("source", "list", target, "--json")
    assert listing.json() == []


def test_new_refuses_to_overwrite_an_existing_file(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "keep.briefing"
    target.write_bytes(b"precious")
    result = run("new", target)
    assert result.code == 1
    assert "already exists" in result.err
    assert result.err.count("\n") == 1
    assert target.read_bytes() == b"precious"


def test_sample_builds_the_complete_bundled_project(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "s.briefing"
    result = run("sample", target, "--json")
    assert result.code == 0
    summary = result.json()
    assert summary["sources"] >= 5
    assert summary["snippets"] >= 12
    assert summary["briefings"] == ["br1", "br2"]  # br2 fails each standards rule once


def test_a_foreign_file_is_one_line_error_without_traceback(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "notes.briefing"
    target.write_text("just some notes\n", encoding="utf-8")
    result = run("source", "list", target)
    assert result.code == 1
    assert result.err.startswith("briefing: error: ")
    assert "not a Briefing Studio project" in result.err
    assert "Traceback" not in result.err
    assert result.err.count("\n") == 1


def test_the_installed_console_script_runs(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "briefing"
    proc = subprocess.run(
        [str(script), "new", str(tmp_path / "c.briefing")],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "c.briefing").exists()
    again = subprocess.run(
        [sys.executable, "-m", "briefing_app.cli", "new", str(tmp_path / "c.briefing")],
        capture_output=True, text=True, check=False,
    )
    assert again.returncode == 1
    assert again.stderr.startswith("briefing: error:")
    assert "Traceback" not in again.stderr


def test_styles_lists_every_citation_style_with_the_default_marked(run: Run) -> None:
    styles = run("styles", "--json").json()
    keys = {s["key"] for s in styles}
    assert {"chicago-notes", "chicago-author-date", "apa", "harvard", "ieee", "mla",
            "intelligence"} <= keys
    assert [s["key"] for s in styles if s["default"]] == ["chicago-notes"]
    table = run("styles")
    assert "chicago-notes" in table.out and "(default)" in table.out


def test_restore_lists_and_restores_backups(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "r.briefing"
    run("new", target)
    assert run("backup", target, "--json").code == 0
    note = tmp_path / "n.txt"
    note.write_text("Later note\n\nAdded after the backup.\n", encoding="utf-8")
    assert run("source", "add", target, note).code == 0
    listing = run("restore", target, "--list", "--json").json()
    assert listing[0]["number"] == 1 and listing[0]["reason"] == "manual"
    assert run("restore", target, "--from", "1").code == 0
    assert run("source", "list", target, "--json").json() == []
    missing = run("restore", target, "--from", "99")
    assert missing.code == 1 and "no backup 99" in missing.err
