"""No surprises: no network unless the user imports from a URL, no code from project
files, and logs that never hold the briefing's text."""

from __future__ import annotations

import json
import logging
import logging.handlers
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing_app import logs
from briefing_app.store import Project
from tests.cli_runner import Run
from tests.reliability.filesystems import read_only, small_disk

# ---------------------------------------------------------------------------- network

#: Audit events that mean "about to talk to another machine" (name resolution included).
NETWORK_EVENTS = (
    "socket.connect",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "urllib.Request",
    "http.client.connect",
)
#: While a test runs, the list its attempts go to (audit hooks cannot be removed, so the
#: hook stays installed and records only while a list is set).
_RECORDING: list[list[tuple[str, str]]] = []


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _RECORDING and event in NETWORK_EVENTS:
        _RECORDING[-1].append((event, repr(args)[:120]))


sys.addaudithook(_audit)  # audit hooks cannot be removed; it records only while enabled


@pytest.fixture
def network_attempts() -> Iterator[list[tuple[str, str]]]:
    attempts: list[tuple[str, str]] = []
    _RECORDING.append(attempts)
    try:
        yield attempts
    finally:
        _RECORDING.remove(attempts)


def _local_page(folder: Path) -> Path:
    """A saved web page that points at remote images, styles, scripts and fonts."""
    body = "<p>" + "Shelling of the rail junction continued for a third night. " * 8 + "</p>"
    page = folder / "saved-page.html"
    page.write_text(
        "<html><head><title>Rail junction</title>"
        '<link rel="stylesheet" href="https://cdn.example.org/site.css">'
        '<script src="https://tracker.example.org/t.js"></script>'
        '<style>@font-face { src: url("https://fonts.example.org/f.woff2"); }</style>'
        "</head><body><article><h1>Rail junction</h1>"
        '<img src="https://images.example.org/junction.jpg">'
        f"{body}{body}</article></body></html>",
        encoding="utf-8",
    )
    return page


def test_a_whole_session_opens_no_network_connection(
    run: Run, tmp_path: Path, network_attempts: list[tuple[str, str]]
) -> None:
    project = tmp_path / "desk.briefing"
    steps = [
        ("sample", project),
        ("source", "add", project, _local_page(tmp_path)),
        ("source", "list", project, "--json"),
        ("snippet", "add", project, "src1", "--quote", "Pokrovsk"),
        ("search", project, "drone"),
        ("check", project),
        ("export", project, "-o", tmp_path / "b.docx"),
        ("export", project, "-o", tmp_path / "b.pdf"),
        ("export", project, "-o", tmp_path / "b.html"),
        ("export", project, "-o", tmp_path / "b.json"),
        ("backup", project),
    ]
    for step in steps:
        result = run(*step)
        assert "Traceback" not in result.err, (step, result.err)
        assert result.code in (0, 1), (step, result.err)  # check exits 1 on findings
    assert network_attempts == []
    html = (tmp_path / "b.html").read_text("utf-8")
    assert "https://images.example.org" not in html  # nothing remote is pulled into exports


def test_importing_from_a_url_is_the_one_thing_that_connects(
    run: Run, sample_copy: Path, network_attempts: list[tuple[str, str]]
) -> None:
    """The recorder sees real connections: the check above would catch one."""
    result = run("source", "add", sample_copy, "http://127.0.0.1:9/nothing-listens-here")
    assert result.code == 1 and "Traceback" not in result.err
    assert any(event == "socket.connect" for event, _ in network_attempts)


# ---------------------------------------------------------------------------- logs


@pytest.fixture
def log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "logs"
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(folder))
    yield folder
    for handler in logging.getLogger().handlers:  # the next test sets its own folder up
        if getattr(handler, "_briefing_studio_log", False):
            logging.getLogger().removeHandler(handler)
            handler.close()


def _sample_words(project: Path) -> list[str]:
    """Every piece of analyst text in the sample: briefing text, titles, quotes, notes."""
    with Project.open(project) as opened:
        briefing = opened.briefings.get()
        texts = [briefing.title, briefing.subtitle]
        texts += [s.heading for s in briefing.sections]
        texts += [getattr(b, "text", "") for _, _, b in briefing.blocks()]
        texts += [s.title for s in opened.sources.list()]
        texts += [s.text for s in opened.snippets.list()]
    # Whole texts and their longer sentences: a log line would quote a part, not all.
    pieces = [t for t in texts if len(t) >= 12]
    pieces += [p.strip() for t in texts for p in t.split(".") if len(p.strip()) >= 20]
    return pieces


def test_a_session_is_logged_without_any_of_the_briefings_text(
    run: Run, tmp_path: Path, log_folder: Path
) -> None:
    project = tmp_path / "desk.briefing"
    assert run("sample", project).code == 0
    secret_title = "Codeword NIGHTJAR source titles never reach the log"
    assert run("source", "add", project, _local_page(tmp_path), "--title", secret_title).code == 0
    run("snippet", "add", project, "src1", "--quote", "a quote that is not in the source at all")
    run("search", project, "pincer")
    run("export", project, "-o", tmp_path / "b.docx")
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "title": "Operation GREYFALCON",
                "sections": [
                    {
                        "heading": "h",
                        "blocks": [{"type": "paragraph", "text": "GREYFALCON [@nosuch]"}],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    run("compose", project, bad)  # a validation error quoting the text
    logging.getLogger("docx.oxml").warning("parsed: %s", "Operation GREYFALCON body text")
    logging.getLogger("briefing_app.test").error("failed", exc_info=ValueError("GREYFALCON"))

    log_file = log_folder / logs.LOG_FILE
    text = log_file.read_text("utf-8")
    assert "opened project" in text and "exported" in text and "import:" in text
    assert "command export finished with exit code 0" in text
    leaked = [
        w
        for w in [
            *_sample_words(project),
            secret_title,
            "GREYFALCON",
            "NIGHTJAR",
            "quote that is not in the source",
        ]
        if w in text
    ]
    assert leaked == []
    assert "message from a library withheld" in text
    assert "ValueError (message withheld)" in text


def test_text_arguments_are_reduced_to_their_length() -> None:
    assert logs.safe_arg("sn12") == "sn12"
    assert logs.safe_arg("docx") == "docx"
    assert logs.safe_arg(42) == 42 and logs.safe_arg(Path("/x/y.briefing")) == Path("/x/y.briefing")
    assert logs.safe_arg("Russian forces reached the outskirts") == "<text, 36 characters>"
    assert logs.safe_arg(["a list", "of text"]) == "<list>"


def test_the_log_rotates_in_the_platform_log_folder(
    monkeypatch: pytest.MonkeyPatch, log_folder: Path
) -> None:
    from platformdirs import user_log_dir

    assert logs.log_dir() == log_folder
    monkeypatch.delenv(logs.LOG_DIR_ENV)
    assert logs.log_dir() == Path(user_log_dir("Briefing Studio", "Briefing Studio"))
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(log_folder))
    assert logs.setup_logging() == log_folder / logs.LOG_FILE
    assert logs.setup_logging() == log_folder / logs.LOG_FILE  # a second call adds nothing
    ours = [h for h in logging.getLogger().handlers if getattr(h, "_briefing_studio_log", 0)]
    assert len(ours) == 1
    assert isinstance(ours[0], logging.handlers.RotatingFileHandler)
    assert ours[0].maxBytes == logs.MAX_BYTES and ours[0].backupCount == logs.BACKUP_COUNT


def test_an_unwritable_log_folder_never_stops_the_command(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, log_folder: Path
) -> None:
    with small_disk(tmp_path / "disk") as disk, read_only(disk):
        monkeypatch.setenv(logs.LOG_DIR_ENV, str(disk / "logs"))
        assert logs.setup_logging() is None
        result = run("styles")
    assert result.code == 0 and result.err == ""
