"""Hostile inputs, end to end through the `briefing` command: each gets a clear one-line
message, and nothing already saved changes.

Unit-level tests of the same guards live beside the code they test (tests/store,
tests/ingest, tests/export, tests/model); docs/RELIABILITY.md lists them all. Here every
input goes in the way an analyst's would: as a file handed to the command line.
"""

from __future__ import annotations

import hashlib
import io
import json
import resource
import shutil
import socket
import sqlite3
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document

from briefing_app.paths import templates_dir
from briefing_app.store.schema import SCHEMA_VERSION
from tests.cli_runner import Result, Run
from tests.reliability.conftest import content_of

MB = 1024 * 1024
SECRET = "The launch code for the whole region is 7-3-1-9."


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_clear_line(result: Result) -> bool:
    lines = result.err.strip().splitlines()
    return (
        result.code == 1
        and len(lines) == 1
        and lines[0].startswith("briefing: error: ")
        and "Traceback" not in result.err
    )


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    """A local file no import may read unless it is the file being imported."""
    path = tmp_path / "private" / "secret.txt"
    path.parent.mkdir()
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


@pytest.fixture
def listener() -> Iterator[tuple[str, list[object]]]:
    """A local HTTP port that records every connection made to it (an entity or a
    template that reaches for the network would knock here)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    knocks: list[object] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            knocks.append(conn.getpeername())
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}/entity", knocks
    finally:
        stop.set()
        thread.join()
        server.close()


# ---------------------------------------------------------------------------- project files


def _not_sqlite(path: Path, sample: Path) -> None:
    path.write_bytes(b"%PDF-1.7\n" + b"\x00binary" * 400)


def _other_application(path: Path, sample: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    db.execute("INSERT INTO moz_places(url) VALUES ('https://example.org')")
    db.commit()
    db.close()


def _newer_version(path: Path, sample: Path) -> None:
    shutil.copyfile(sample, path)
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()


def _tampered_schema(path: Path, sample: Path) -> None:
    shutil.copyfile(sample, path)
    db = sqlite3.connect(path)
    db.execute("ALTER TABLE snippets RENAME TO snippets_old")
    db.commit()
    db.close()


def _foreign_trigger(path: Path, sample: Path) -> None:
    """Code in the file: a trigger that would wipe the library on the next snippet."""
    shutil.copyfile(sample, path)
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TRIGGER wipe AFTER INSERT ON snippets BEGIN DELETE FROM sources "
        "WHERE id != NEW.source_id; END"
    )
    db.commit()
    db.close()


def _truncated(path: Path, sample: Path) -> None:
    data = sample.read_bytes()
    path.write_bytes(data[: len(data) // 2])


HOSTILE_PROJECTS = {
    "not SQLite": (_not_sqlite, "not a SQLite database"),
    "another application's SQLite": (_other_application, "another application"),
    "a newer version": (_newer_version, "newer version"),
    "a tampered schema": (_tampered_schema, "missing parts of a project"),
    "a trigger of its own": (_foreign_trigger, "database code Briefing Studio did not write"),
    "truncated in the middle": (_truncated, "damaged"),
}
COMMANDS = {
    "search": ["search", "{file}", "drone"],
    "export": ["export", "{file}", "-o", "{out}"],
    "import": ["source", "add", "{file}", "{source}"],
    "snippet": ["snippet", "add", "{file}", "src1", "--quote", "pincer"],
    "backup": ["backup", "{file}"],
}


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("kind", list(HOSTILE_PROJECTS))
def test_a_hostile_project_file_is_refused_in_one_line_and_left_byte_for_byte(
    run: Run, sample_file: Path, tmp_path: Path, kind: str, command: str
) -> None:
    make, words = HOSTILE_PROJECTS[kind]
    project = tmp_path / "hostile.briefing"
    make(project, sample_file)
    source = tmp_path / "note.txt"
    source.write_text("A short field note about the pincer.", encoding="utf-8")
    before = digest(project)
    args = [
        a.format(file=project, out=tmp_path / "out.docx", source=source) for a in COMMANDS[command]
    ]
    result = run(*args)
    assert one_clear_line(result), result
    assert words in result.err
    assert digest(project) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hostile.briefing", "note.txt"]


# ---------------------------------------------------------------------------- imports


def test_a_reference_file_cannot_steer_attachment_names_out_of_the_project(
    run: Run, sample_copy: Path, tmp_path: Path
) -> None:
    """Attachment names keep only their last component (tests/store/test_library.py);
    here a reference export names a file with "../" and the stored name has no path."""
    refs = tmp_path / "refs"
    (refs / "files").mkdir(parents=True)
    (refs / "files" / "report.txt").write_text("Convoys moved at night.", encoding="utf-8")
    (refs / "export.ris").write_text(
        "TY  - RPRT\nTI  - Night convoys\nL1  - files/../files/report.txt\nER  - \n",
        encoding="utf-8",
    )
    result = run("source", "add", sample_copy, refs / "export.ris", "--json")
    assert result.code == 0, result.err
    from briefing_app.store import Project

    with Project.open(sample_copy) as project:
        names = [row[0] for row in project.db.execute("SELECT name FROM attachments")]
    assert "report.txt" in names
    assert all("/" not in n and "\\" not in n and not n.startswith(".") for n in names)


@pytest.mark.parametrize("pointer", ["../private/secret.txt", "{secret}"])
def test_a_reference_file_cannot_pull_in_files_outside_its_folder(
    run: Run, sample_copy: Path, tmp_path: Path, secret_file: Path, pointer: str
) -> None:
    refs = tmp_path / "refs"
    refs.mkdir()
    (refs / "export.ris").write_text(
        f"TY  - RPRT\nTI  - Innocent title\nL1  - {pointer.format(secret=secret_file)}\nER  - \n",
        encoding="utf-8",
    )
    run("source", "add", sample_copy, refs / "export.ris")
    assert not any(SECRET in line for line in content_of(sample_copy))


def _docx_with_entities(path: Path, entity_targets: dict[str, str]) -> None:
    """A Word document whose body declares external entities and uses them."""
    buffer = io.BytesIO()
    document = Document()
    document.core_properties.title = "Entity report"
    document.add_paragraph("Before the entities. PLACEHOLDER After the entities.")
    document.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                decls = "".join(
                    f'<!ENTITY {name} SYSTEM "{url}">' for name, url in entity_targets.items()
                )
                head, rest = text.split("?>", 1)
                text = f"{head}?><!DOCTYPE w:document [{decls}]>{rest}"
                uses = " ".join(f"&{name};" for name in entity_targets)
                text = text.replace("PLACEHOLDER", uses)
                data = text.encode("utf-8")
            target.writestr(item, data)


def _html_with_entities(path: Path, entity_targets: dict[str, str]) -> None:
    decls = "".join(f'<!ENTITY {n} SYSTEM "{u}">' for n, u in entity_targets.items())
    uses = " ".join(f"&{n};" for n in entity_targets)
    body = "<p>" + "The corridor narrowed again overnight, officials said. " * 8 + "</p>"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE html [{decls}]>'
        f"<html><head><title>Entity page</title></head><body><article><h1>Entity page</h1>"
        f"{body}<p>{uses}</p>{body}</article></body></html>",
        encoding="utf-8",
    )


@pytest.mark.parametrize("kind", ["docx", "html"])
def test_external_entities_read_no_file_and_open_no_connection(
    run: Run,
    sample_copy: Path,
    tmp_path: Path,
    secret_file: Path,
    listener: tuple[str, list[object]],
    kind: str,
) -> None:
    url, knocks = listener
    document = tmp_path / f"entities.{kind}"
    targets = {"local": secret_file.as_uri(), "remote": url}
    (_docx_with_entities if kind == "docx" else _html_with_entities)(document, targets)
    result = run("source", "add", sample_copy, document)
    assert "Traceback" not in result.err
    assert result.code == 0 or one_clear_line(result)
    assert not any(SECRET in line for line in content_of(sample_copy))
    assert knocks == []


def _zip_bomb(path: Path, member: str = "word/document.xml", size: int = 120 * MB) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open(member, "w") as handle:
            chunk = b"\0" * MB
            for _ in range(size // MB):
                handle.write(chunk)


def _many_parts(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for i in range(6000):
            archive.writestr(f"word/part{i}.xml", b"<x/>")


@pytest.mark.parametrize(
    ("name", "build", "words"),
    [
        ("bomb.docx", _zip_bomb, "zip bomb"),
        ("bomb.zip", _zip_bomb, "zip"),
        ("parts.docx", _many_parts, "refused as unsafe"),
    ],
)
def test_zip_bombs_are_refused_before_they_inflate(
    run: Run, sample_copy: Path, tmp_path: Path, name: str, build: object, words: str
) -> None:
    bomb = tmp_path / name
    build(bomb)  # type: ignore[operator]
    before = content_of(sample_copy)
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = run("source", "add", sample_copy, bomb)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before) / 1024
    assert one_clear_line(result), result
    assert words in result.err
    assert grown_mb < 60  # the 120 MB inside were never inflated
    assert content_of(sample_copy) == before


# ---------------------------------------------------------------------------- Briefing JSON


def test_a_500_mb_briefing_json_is_refused_before_reading(
    run: Run, sample_copy: Path, tmp_path: Path
) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:  # sparse: 500 MB on paper, nothing on disk
        handle.write(b'{"title": "')
        handle.truncate(500 * MB)
    before = content_of(sample_copy)
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = run("compose", sample_copy, huge)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before) / 1024
    assert one_clear_line(result), result
    assert "larger than" in result.err
    assert grown_mb < 60
    assert content_of(sample_copy) == before


@pytest.mark.parametrize("where", ["document", "inside a block"])
def test_briefing_json_nested_10000_levels_deep_is_refused(
    run: Run, sample_copy: Path, tmp_path: Path, where: str
) -> None:
    deep = "[" * 10_000 + "]" * 10_000
    if where == "document":
        text = deep
    else:
        block = '{"type": "paragraph", "text": "t", "extra": ' + deep + "}"
        text = '{"title": "x", "sections": [{"heading": "h", "blocks": [' + block + "]}]}"
    path = tmp_path / "deep.json"
    path.write_text(text, encoding="utf-8")
    before = content_of(sample_copy)
    result = run("compose", sample_copy, path)
    assert one_clear_line(result), result
    assert "nested too deeply" in result.err
    assert content_of(sample_copy) == before


def test_a_reference_file_nested_10000_levels_deep_is_refused(
    run: Run, sample_copy: Path, tmp_path: Path
) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 10_000 + "]" * 10_000, encoding="utf-8")
    before = content_of(sample_copy)
    result = run("source", "add", sample_copy, path)
    assert one_clear_line(result), result
    assert "nested too deeply" in result.err
    assert content_of(sample_copy) == before


# ---------------------------------------------------------------------------- templates


@pytest.fixture
def template_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "templates"
    shutil.copytree(templates_dir(), root)
    monkeypatch.setenv("BRIEFING_STUDIO_TEMPLATES", str(root))
    return root


@pytest.mark.parametrize(
    "reach",
    ["{secret}", "../../private/secret.txt", "/../../../../{secret}"],
)
def test_a_typst_template_cannot_read_files_outside_its_folder(
    run: Run, sample_file: Path, tmp_path: Path, template_root: Path, secret_file: Path, reach: str
) -> None:
    main = template_root / "strategic" / "main.typ"
    target = reach.format(secret=secret_file)
    main.write_text(main.read_text("utf-8") + f'\n#read("{target}")\n', encoding="utf-8")
    out = tmp_path / "out.pdf"
    result = run("export", sample_file, "-o", out)
    assert one_clear_line(result), result
    assert not out.exists()
    assert SECRET not in result.err


def test_a_symbolic_link_in_a_typst_template_does_not_reach_outside(
    run: Run, sample_file: Path, tmp_path: Path, template_root: Path, secret_file: Path
) -> None:
    folder = template_root / "strategic"
    (folder / "logo.txt").symlink_to(secret_file)
    main = folder / "main.typ"
    main.write_text(main.read_text("utf-8") + '\n#read("logo.txt")\n', encoding="utf-8")
    out = tmp_path / "out.pdf"
    run("export", sample_file, "-o", out)
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(out).pages) if out.exists() else ""
    assert "launch code" not in text


@pytest.mark.parametrize(
    "template",
    [
        "{{% include '{secret}' %}}",
        "{{% include '../../private/secret.txt' %}}",
        "{{{{ cycler.__init__.__globals__.os.popen('echo owned').read() }}}}",
        "{{{{ ''.__class__.__mro__[1].__subclasses__() }}}}",
    ],
)
def test_a_jinja_template_cannot_read_files_or_run_code(
    run: Run,
    sample_file: Path,
    tmp_path: Path,
    template_root: Path,
    secret_file: Path,
    template: str,
) -> None:
    (template_root / "strategic" / "html.j2").write_text(
        template.format(secret=secret_file), encoding="utf-8"
    )
    out = tmp_path / "out.html"
    result = run("export", sample_file, "-o", out)
    assert one_clear_line(result), result
    assert not out.exists()
    assert SECRET not in result.err and "owned" not in result.err


def test_briefing_text_is_never_markup_in_any_writer(
    run: Run, sample_copy: Path, tmp_path: Path, secret_file: Path
) -> None:
    """The project file's own text holds template and Typst code: it is printed, not run.
    (tests/export/pdf/test_hostile.py and tests/export/html/test_html.py test every field.)"""
    payload = (
        f'#read("{secret_file}") {{{{ 7*7 }}}} {{% include "{secret_file}" %}} '
        '#eval("1+1") <script>alert(1)</script>'
    )
    exported = tmp_path / "b.json"
    assert run("export", sample_copy, "-o", exported).code == 0
    data = json.loads(exported.read_text("utf-8"))
    data["title"] = payload
    data["sections"][0]["blocks"].insert(0, {"type": "paragraph", "text": payload})
    exported.write_text(json.dumps(data), encoding="utf-8")
    assert run("compose", sample_copy, exported).code == 0
    for fmt in ("docx", "pdf", "html"):
        out = tmp_path / f"out.{fmt}"
        assert run("export", sample_copy, "-o", out).code == 0
        raw = out.read_bytes()
        assert SECRET.encode() not in raw
    html = (tmp_path / "out.html").read_text("utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
