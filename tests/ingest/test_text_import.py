"""Plain text and Markdown: encodings, header metadata, threads, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.ingest import (
    IngestError,
    Limits,
    NoTextError,
    SourceOverrides,
    TooLargeError,
    UnsupportedError,
    import_file,
)
from briefing_app.store import Project

from .conftest import state

ARTICLE = (
    "Drone corridor narrows west of the city\n"
    "By Olena Marchuk and Tomas Reyes\n"
    "date 2025-11-07\n"
    "\n"
    "Volunteers said the last road into the town is now watched by drones day and night.\n"
    "\n"
    "A second paragraph says supplies move on foot after dark.\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_text_keeps_its_text_and_original_bytes(project: Project, tmp_path: Path) -> None:
    data = ARTICLE.encode("utf-8")
    result = import_file(project, write(tmp_path, "corridor.txt", data))
    source = result.source
    assert source.text == ARTICLE
    assert project.attachments.get(source.attachment_id).data == data
    assert source.sha256 and source.captured_at and source.origin.endswith("corridor.txt")
    assert project.sources.get(source.id).text == ARTICLE


def test_title_byline_and_dateline_are_detected(project: Project, tmp_path: Path) -> None:
    source = import_file(project, write(tmp_path, "a.txt", ARTICLE.encode())).source
    assert source.title == "Drone corridor narrows west of the city"
    assert [a.display() for a in source.authors] == ["Olena Marchuk", "Tomas Reyes"]
    assert source.issued == "2025-11-07"


def test_written_out_dateline_is_detected(project: Project, tmp_path: Path) -> None:
    text = "Ceasefire talks stall\nNov 5, 2025\n\nNegotiators left without a statement.\n"
    assert import_file(project, write(tmp_path, "b.txt", text.encode())).source.issued == (
        "2025-11-05"
    )


def test_flags_override_what_was_detected(project: Project, tmp_path: Path) -> None:
    overrides = SourceOverrides(
        type="report",
        reliability="b",
        descriptor="Field office summary",
        title="Own title",
        authors=["Ministry of Defence"],
        issued="2025-11-01",
        url="https://example.org/r",
    )
    source = import_file(project, write(tmp_path, "a.txt", ARTICLE.encode()), overrides).source
    assert (source.type, source.reliability, source.descriptor) == (
        "report",
        "B",
        "Field office summary",
    )
    assert source.title == "Own title" and source.issued == "2025-11-01"
    assert source.url == "https://example.org/r"


def test_grade_defaults_to_cannot_be_judged(project: Project, tmp_path: Path) -> None:
    assert (
        import_file(project, write(tmp_path, "a.txt", ARTICLE.encode())).source.reliability == "F"
    )


def test_bad_override_fails_before_anything_is_read(project: Project, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="reliability"):
        import_file(project, write(tmp_path, "a.txt", b"text"), SourceOverrides(reliability="Q"))
    assert state(project)[0] == 0


def test_utf16_with_bom_is_read(project: Project, tmp_path: Path) -> None:
    text = "Звіт про евакуацію\n\nВолонтери вивозять людей щодня.\n"
    source = import_file(project, write(tmp_path, "u16.txt", text.encode("utf-16"))).source
    assert source.text == text
    assert source.title == "Звіт про евакуацію"


def test_windows_1251_cyrillic_comes_in_readable(project: Project, tmp_path: Path) -> None:
    text = (
        "Российские войска продвигаются к городу, сообщают военные корреспонденты.\n\n"
        "Местные жители говорят, что дорога на запад стала опасной.\n"
    )
    result = import_file(project, write(tmp_path, "ru.txt", text.encode("cp1251")))
    assert result.source.text == text
    assert any("cp1251" in n for n in result.items[0].notes)


def test_markdown_front_matter_is_metadata(project: Project, tmp_path: Path) -> None:
    text = "---\ntitle: Situation note\nauthor: Reyes, Tomas\ndate: 5 November 2025\n---\n\nBody.\n"
    source = import_file(project, write(tmp_path, "n.md", text.encode())).source
    assert source.title == "Situation note"
    assert source.authors[0].family == "Reyes" and source.authors[0].given == "Tomas"
    assert source.issued == "2025-11-05"
    assert project.attachments.get(source.attachment_id).mime == "text/markdown"


def test_thread_gets_author_platform_date_and_post_locators(
    project: Project, tmp_path: Path
) -> None:
    posts = "\n\n".join(
        f"{n}/ Post number {n} about the corridor and the fog." for n in range(1, 14)
    )
    text = "@field_watcher on X, Nov 9, 2025\n\n" + posts + "\n"
    source = import_file(project, write(tmp_path, "thread.txt", text.encode())).source
    assert source.type == "social"
    assert [a.display() for a in source.authors] == ["@field_watcher"]
    assert source.container_title == "X"
    assert source.issued == "2025-11-09"
    assert [label for _, label in source.locators] == [f"post {n}" for n in range(1, 14)]
    offset_of_13 = source.text.index("13/ Post")
    assert source.locator_at(offset_of_13 + 5) == "post 13"
    assert source.locator_at(source.text.index("2/ Post")) == "post 2"


def test_nul_and_control_characters_are_stripped(project: Project, tmp_path: Path) -> None:
    data = b"Title line\n\nBody\x00 with\x07 bells\x1b and\x0c feeds.\n"
    source = import_file(project, write(tmp_path, "ctl.txt", data)).source
    assert source.text == "Title line\n\nBody with bells and feeds.\n"


def test_binary_junk_named_txt_is_refused(project: Project, tmp_path: Path) -> None:
    junk = bytes((i * 7919 + 13) % 256 for i in range(5000))
    before = state(project)
    with pytest.raises(UnsupportedError, match="not a text file"):
        import_file(project, write(tmp_path, "junk.txt", junk))
    assert state(project) == before


def test_pdf_renamed_txt_is_named(project: Project, tmp_path: Path) -> None:
    with pytest.raises(UnsupportedError, match="PDF"):
        import_file(project, write(tmp_path, "x.txt", b"%PDF-1.4\n1 0 obj\n"))


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \n", b"\x00\x00\n"])
def test_empty_file_is_refused(project: Project, tmp_path: Path, data: bytes) -> None:
    before = state(project)
    with pytest.raises(IngestError, match=r"no text|empty|not a text"):
        import_file(project, write(tmp_path, "empty.txt", data))
    assert state(project) == before


def test_200_mb_file_is_refused_naming_the_cap(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: no 200 MB actually written
        handle.truncate(200 * 1024 * 1024)
    with pytest.raises(TooLargeError, match="200 MB, above the import cap of 50 MB"):
        import_file(project, path)
    assert state(project)[0] == 0


def test_cap_is_configurable(project: Project, tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", ARTICLE.encode())
    with pytest.raises(TooLargeError, match="cap of 100 bytes"):
        import_file(project, path, limits=Limits(max_bytes=100))


def test_missing_file_says_so(project: Project, tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="cannot read") as info:
        import_file(project, tmp_path / "nope.txt")
    assert "nope.txt" in str(info.value)


def test_old_word_format_gets_advice(project: Project, tmp_path: Path) -> None:
    with pytest.raises(UnsupportedError, match=r"save it as \.docx"):
        import_file(project, write(tmp_path, "old.doc", b"\xd0\xcf\x11\xe0"))


def test_no_title_anywhere_uses_the_file_name(project: Project, tmp_path: Path) -> None:
    text = "a paragraph that runs on and on without any header line, as many notes do.\n" * 2
    source = import_file(project, write(tmp_path, "field-notes_day3.txt", text.encode())).source
    assert source.title == "Field notes day3"


def test_only_control_characters_is_refused(project: Project, tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="not a text file"):
        import_file(project, write(tmp_path, "c.txt", b"\x07\x07\n\x08\n"))


def test_stray_controls_leaving_blanks_is_no_text(project: Project, tmp_path: Path) -> None:
    with pytest.raises(NoTextError):
        import_file(project, write(tmp_path, "c.txt", b"\n\n   \x07   \n\n          \n"))
