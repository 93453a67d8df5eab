"""Pasted text (the paste dialog, and standard input for `briefing source add FILE -`)."""

from __future__ import annotations

import pytest

from briefing_app.ingest import (
    IngestError,
    Limits,
    SourceOverrides,
    TooLargeError,
    import_text,
)
from briefing_app.store import Project

from .conftest import state

TEXT = "Field note\n\nThe bridge at the river crossing was hit overnight, witnesses said.\n"


def test_paste_with_url_title_and_author(project: Project) -> None:
    result = import_text(
        project, TEXT, url="https://example.org/note", title="Bridge hit", author="Reyes, Tomas"
    )
    source = result.source
    assert (source.title, source.url) == ("Bridge hit", "https://example.org/note")
    assert source.authors[0].family == "Reyes"
    assert source.origin == "https://example.org/note"
    assert project.attachments.get(source.attachment_id).data == TEXT.encode()


def test_paste_without_extras_reads_the_text_header(project: Project) -> None:
    source = import_text(project, TEXT).source
    assert source.title == "Field note"
    assert source.origin == "pasted text"


def test_paste_without_any_title_takes_the_opening_words(project: Project) -> None:
    text = "the bridge at the river crossing was hit overnight, witnesses said on the phone today."
    assert import_text(project, text).source.title == (
        "the bridge at the river crossing was hit overnight, witnesses said on …"
    )


def test_overrides_beat_paste_fields(project: Project) -> None:
    source = import_text(
        project,
        TEXT,
        title="Bridge hit",
        overrides=SourceOverrides(title="Edited", type="interview"),
    ).source
    assert (source.title, source.type) == ("Edited", "interview")


def test_standard_input_bytes_are_decoded(project: Project) -> None:
    text = "Заява міністерства\n\nОборона триває.\n"
    assert import_text(project, text.encode("cp1251")).source.text == text


def test_empty_paste_is_refused(project: Project) -> None:
    before = state(project)
    with pytest.raises(IngestError, match="no text"):
        import_text(project, "  \n\x00 \n")
    assert state(project) == before


def test_paste_above_the_cap_is_refused(project: Project) -> None:
    with pytest.raises(TooLargeError, match="pasted text"):
        import_text(project, "x" * 2000, limits=Limits(max_bytes=1000))


def test_bad_url_in_paste_is_refused(project: Project) -> None:
    with pytest.raises(ValueError, match="http"):
        import_text(project, TEXT, overrides=SourceOverrides(url="ftp://example.org"))
