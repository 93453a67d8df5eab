"""The Typst workspace: a template copy that cannot reach outside, and clear set-up failures."""

from __future__ import annotations

import contextlib
import resource
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing_app.export.atomic import ExportError
from briefing_app.export.pdf.data import TypstData
from briefing_app.export.pdf.typeset import Workspace
from briefing_app.paths import templates_dir


@pytest.fixture
def templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the shipped templates, used in place of them."""
    copy = tmp_path / "templates"
    shutil.copytree(templates_dir(), copy)
    monkeypatch.setenv("BRIEFING_STUDIO_TEMPLATES", str(copy))
    return copy


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "private" / "secret.txt"
    path.parent.mkdir()
    path.write_text("launch code 0000", encoding="utf-8")
    return path


@pytest.mark.parametrize("folder", ["strategic", "common"])
def test_a_link_to_a_file_outside_the_template_is_refused(
    templates: Path, secret: Path, folder: str
) -> None:
    (templates / folder / "logo.txt").symlink_to(secret)
    with pytest.raises(ExportError, match=r"symbolic link .*logo\.txt"):
        Workspace("strategic")


def test_a_link_to_a_folder_outside_the_template_is_refused(templates: Path, secret: Path) -> None:
    (templates / "strategic" / "assets").mkdir()
    (templates / "strategic" / "assets" / "private").symlink_to(secret.parent)
    with pytest.raises(ExportError, match="symbolic link"):
        Workspace("strategic")


def test_a_template_without_links_is_copied_whole(templates: Path) -> None:
    with Workspace("strategic") as ws:
        copied = sorted(p.name for p in (ws.root / "template").iterdir())
        assert copied == sorted(p.name for p in (templates / "strategic").iterdir())
        assert (ws.root / "common" / "briefing.typ").is_file()
    assert not ws.root.exists()


@contextlib.contextmanager
def file_size_limit() -> Iterator[None]:
    """Writes past 1 KB fail (EFBIG) while the test runs: a full disk, without filling one."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1024, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def _full_disk_message(excinfo: pytest.ExceptionInfo[ExportError]) -> str:
    message = str(excinfo.value)
    assert "is full" in message and "TMPDIR" in message, message
    return message


def test_a_full_disk_while_copying_the_template_says_what_to_do() -> None:
    with pytest.raises(ExportError) as excinfo, file_size_limit():
        Workspace("strategic")
    assert "'strategic'" in _full_disk_message(excinfo)


def test_a_full_disk_while_writing_the_data_says_what_to_do() -> None:
    with Workspace("sitrep") as ws:
        data = TypstData({"text": "x" * 4096})
        with pytest.raises(ExportError) as excinfo, file_size_limit():
            ws.update(data)
        _full_disk_message(excinfo)
