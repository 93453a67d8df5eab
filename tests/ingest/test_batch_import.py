"""Batch import: each file alone, a report of both outcomes, progress and cancel."""

from __future__ import annotations

from pathlib import Path

from briefing_app.ingest import import_paths
from briefing_app.store import Project

from .builders import make_pdf, make_zip_bomb


def folder(tmp_path: Path) -> Path:
    root = tmp_path / "inbox"
    (root / "sub").mkdir(parents=True)
    (root / "a-note.txt").write_text("Note A\n\nThe first note body.\n", encoding="utf-8")
    (root / "b-empty.txt").write_bytes(b"")
    (root / "c-report.pdf").write_bytes(make_pdf(["Report page one.", "Report page two."]))
    (root / "d-bomb.docx").write_bytes(make_zip_bomb())
    (root / "sub" / "e-note.md").write_text("# Note E\n\nNested note body.\n", encoding="utf-8")
    (root / "f-image.png").write_bytes(b"\x89PNG\r\n")
    (root / ".hidden.txt").write_text("never imported", encoding="utf-8")
    return root


def test_each_file_succeeds_or_fails_alone(project: Project, tmp_path: Path) -> None:
    report = import_paths(project, [folder(tmp_path)])
    by_name = {Path(o.path).name: o for o in report.outcomes}
    assert sorted(by_name) == [
        "a-note.txt",
        "b-empty.txt",
        "c-report.pdf",
        "d-bomb.docx",
        "e-note.md",
        "f-image.png",
    ]
    assert [Path(o.path).name for o in report.succeeded] == [
        "a-note.txt",
        "c-report.pdf",
        "e-note.md",
    ]
    assert {Path(o.path).name for o in report.failed} == {"b-empty.txt", "d-bomb.docx"}
    assert "empty" in by_name["b-empty.txt"].reason
    assert "zip bomb" in by_name["d-bomb.docx"].reason
    assert by_name["f-image.png"].status == "skipped"
    assert project.sources.count() == 3
    assert report.summary() == "3 imported, 2 failed, 1 skipped"


def test_failure_leaves_nothing_half_imported(project: Project, tmp_path: Path) -> None:
    report = import_paths(project, [folder(tmp_path)])
    attachments = project.db.execute("SELECT COUNT(*) FROM attachments").fetchone()[0]
    assert attachments == len(report.succeeded) == project.sources.count()


def test_progress_is_reported_for_every_file(project: Project, tmp_path: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    import_paths(project, [folder(tmp_path)], progress=lambda d, t, p: calls.append((d, t, p)))
    assert [(d, t) for d, t, _ in calls] == [(n, 6) for n in range(1, 7)]
    assert calls[0][2].endswith("a-note.txt")


def test_cancel_stops_before_the_next_file(project: Project, tmp_path: Path) -> None:
    done: list[int] = []
    report = import_paths(
        project,
        [folder(tmp_path)],
        progress=lambda d, t, p: done.append(d),
        cancel=lambda: len(done) >= 2,
    )
    assert project.sources.count() == 1  # a-note imported, b-empty failed, then stopped
    assert report.cancelled
    assert len(report.with_status("cancelled")) == 4


def test_duplicate_files_in_a_batch_are_reported(project: Project, tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Same text\n\nbody\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Same text\n\nbody\n", encoding="utf-8")
    report = import_paths(project, [tmp_path / "one.txt", tmp_path / "two.txt"])
    assert [o.status for o in report.outcomes] == ["imported", "duplicate"]
    assert "already in the library as src1" in report.outcomes[1].message()


def test_reading_in_worker_processes_gives_the_serial_report(tmp_path: Path) -> None:
    root = folder(tmp_path)
    for n in range(6):
        (root / f"g-page-{n}.html").write_text(
            f"<html><head><title>Depot {n}</title></head><body><article><p>Crews fought "
            f"the fire at depot {n} for {n + 2} hours, the regional service said.</p>"
            "</article></body></html>",
            encoding="utf-8",
        )
    (root / "h-broken.html").write_bytes(b"\x00\x01\x02" * 10)
    reports = {}
    for workers in (0, 2):
        with Project.create(tmp_path / f"w{workers}.briefing") as project:
            report = import_paths(project, [root], workers=workers)
            texts = [s.text for s in project.sources.list()]
        reports[workers] = ([(o.path, o.status, o.reason) for o in report.outcomes], texts)
    assert reports[2] == reports[0]
    statuses = [status for _, status, _ in reports[2][0]]
    assert statuses.count("imported") == 9 and statuses.count("failed") == 3
