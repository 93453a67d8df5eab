"""Exact duplicates return the existing source; near-duplicates are flagged with a twin."""

from __future__ import annotations

from pathlib import Path

from briefing_app.ingest import dismiss, flagged, import_file, import_text
from briefing_app.store import Project

from .conftest import state

STORY = (
    "Convoy hit near the river crossing\n\n"
    "Three supply trucks were struck by drones on the western road before dawn on Tuesday, "
    "regional officials said, leaving two drivers wounded and one vehicle burnt out.\n\n"
    "The road is the last paved route into the town and has been under observation for "
    "weeks. Volunteers said they now travel only in fog or darkness and keep convoys short.\n\n"
    "Officials urged residents who remain to register for evacuation while the road can "
    "still be used at night, and said buses would run again once the crossing was cleared.\n"
)


def test_same_text_twice_returns_the_existing_source(project: Project, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    # same words, different line breaks and spacing: the normalised text is the same
    (tmp_path / "b.txt").write_text(STORY.replace("\n\n", "\n  \n").replace(" ", "  "), "utf-8")
    first = import_file(project, tmp_path / "a.txt")
    before = state(project)
    again = import_file(project, tmp_path / "b.txt")
    assert again.items[0].duplicate_of == first.source.id
    assert again.source.id == first.source.id
    assert "already in the library as src1" in again.messages()[0]
    assert state(project) == before  # not even the second file's bytes were kept


def test_re_reported_story_is_flagged_with_its_twin(project: Project) -> None:
    original = import_text(project, STORY).source
    reprint = (
        "From our partners\n\n"
        + STORY.split("\n\n", 1)[1].rsplit("\n\n", 1)[0]
        + "\n\nThis report was first published by a regional outlet.\n"
    )
    result = import_text(project, reprint)
    item = result.items[0]
    assert item.status == "near-duplicate"
    assert item.near_duplicate_of == original.id
    assert 0.6 <= item.similarity <= 1.0
    assert project.sources.count() == 2  # kept, not merged
    assert flagged(project)[0].twin_id == original.id
    dismiss(project, item.source.id)
    assert flagged(project) == []


def test_different_story_on_the_same_topic_is_not_flagged(project: Project) -> None:
    import_text(project, STORY)
    other = (
        "Evacuation buses resume\n\n"
        "Evacuation buses will run again from Thursday, the regional administration said, "
        "after the river crossing was repaired and the western road reopened to traffic.\n\n"
        "Volunteers welcomed the decision but warned that drones still patrol the route and "
        "that residents should register early because seats are limited on each bus.\n"
    )
    assert import_text(project, other).items[0].status == "imported"
    assert flagged(project) == []
