"""Briefings in the project file: whole saves, per-block edits, undo support and events."""

from __future__ import annotations

import pytest

from briefing_app.model.blocks import (
    BLOCK_TYPES,
    Chart,
    Image,
    KeyJudgments,
    Paragraph,
    Quote,
    Scenarios,
    Signposts,
    Table,
)
from briefing_app.model.briefing import Briefing, Section
from briefing_app.model.chart import ChartSpec, DataTable
from briefing_app.model.errors import ValidationErrors
from briefing_app.model.events import Event
from briefing_app.model.tradecraft import KeyJudgment, Scenario, Signpost
from briefing_app.store import NotFoundError, Project


def full_briefing() -> Briefing:
    """Every block type, markings and tradecraft items, as `compose` would receive it."""
    timeline = ChartSpec(
        "timeline",
        title="Strikes on the T0504",
        data=DataTable(["date", "event", "cite"], [["2025-11-01", "Bridge hit", "sn1"]]),
        cite=["src1"],
    )
    return Briefing(
        title="Corridor outlook",
        authors=["Helena Marsh"],
        date="2025-11-10",
        marking_scheme="us",
        sections=[
            Section(
                "Bottom line",
                1,
                [
                    Paragraph("The corridor is **narrow** [@sn1, p. 2].", marking="U"),
                    Quote("sn1", "para. 2", marking="U"),
                    Chart(timeline, marking="U", caption_marking="U"),
                    KeyJudgments([KeyJudgment("Forces withdraw.", "likely", "moderate", ["sn1"])]),
                ],
                marking="U",
            ),
            Section(
                "Outlook",
                2,
                [
                    Scenarios(
                        [
                            Scenario("sc1", "Withdrawal", "likely", signposts=["sp1"]),
                            Scenario("sc2", "Collapse", "very unlikely"),
                        ]
                    ),
                    Signposts(
                        [
                            Signpost(
                                "sp1",
                                "Road closed",
                                status="emerging",
                                diagnosticity={"sc1": "highly likely", "sc2": "could"},
                            )
                        ]
                    ),
                    Table("Units", ["unit", "sector"], [["A", "North"]], ["sn1"]),
                    Image("images/map.png", "Map", "A map of the sector", cite=["src1"]),
                ],
            ),
        ],
    )


def section_blocks(project: Project, briefing_id: str, section: int = 0) -> list[str]:
    """Block ids of one section in stored order."""
    return [b.id for b in project.briefings.get(briefing_id).sections[section].blocks]


def positions(project: Project, briefing_id: str, section_id: str) -> list[int]:
    rows = project.db.execute(
        "SELECT position FROM blocks WHERE briefing_id = ? AND section_uid = ? ORDER BY position",
        (briefing_id, section_id),
    )
    return [r[0] for r in rows]


@pytest.fixture
def saved(project: Project) -> tuple[Project, str]:
    """A project holding `full_briefing()` saved once."""
    return project, project.briefings.save(full_briefing())


# ------------------------------------------------------------------ whole briefings


def test_a_saved_briefing_with_every_block_type_loads_back_equal(project):
    original = full_briefing()
    assert {b.type for _, _, b in original.blocks()} == set(BLOCK_TYPES)
    briefing_id = project.briefings.save(original)  # assigns ids in place
    assert project.briefings.get(briefing_id) == original


def test_saving_assigns_unique_ids_to_the_briefing_sections_and_blocks(project):
    briefing = full_briefing()
    briefing_id = project.briefings.save(briefing)
    assert briefing_id == briefing.id == "br1"
    ids = [s.id for s in briefing.sections] + [b.id for _, _, b in briefing.blocks()]
    assert all(ids) and len(set(ids)) == len(ids)


def test_get_without_an_id_loads_the_first_briefing(saved):
    project, briefing_id = saved
    assert project.briefings.get().id == briefing_id


def test_get_on_an_empty_project_says_how_to_make_a_briefing(project):
    with pytest.raises(NotFoundError, match="compose"):
        project.briefings.get()


def test_composing_again_replaces_the_content_but_keeps_created_at(saved):
    project, briefing_id = saved
    created = project.db.execute(
        "SELECT created_at FROM briefings WHERE id = ?", (briefing_id,)
    ).fetchone()[0]
    project.db.execute("UPDATE briefings SET created_at = '2020-01-01T00:00:00+00:00'")
    replacement = Briefing(
        id=briefing_id,
        title="Rewritten",
        sections=[Section("Only", blocks=[Paragraph("New text.")])],
    )
    project.briefings.save(replacement)
    loaded = project.briefings.get(briefing_id)
    assert loaded.title == "Rewritten"
    assert [b.text for _, _, b in loaded.blocks()] == ["New text."]
    assert created != "2020-01-01T00:00:00+00:00"
    assert (
        project.db.execute(
            "SELECT created_at FROM briefings WHERE id = ?", (briefing_id,)
        ).fetchone()[0]
        == "2020-01-01T00:00:00+00:00"
    )
    assert project.db.execute("SELECT COUNT(*) FROM briefings").fetchone()[0] == 1


def test_a_new_edition_is_a_copy_that_remembers_its_original(saved):
    project, briefing_id = saved
    edition = project.briefings.copy_edition(briefing_id)
    assert edition != briefing_id
    copy = project.briefings.get(edition)
    assert copy.edition_of == briefing_id
    assert copy.sections == project.briefings.get(briefing_id).sections
    assert [s.id for s in project.briefings.list()] == [briefing_id, edition]


def test_removing_a_briefing_removes_its_sections_and_blocks(saved):
    project, briefing_id = saved
    project.briefings.remove(briefing_id)
    assert project.briefings.list() == []
    assert project.db.execute("SELECT COUNT(*) FROM blocks").fetchone()[0] == 0
    assert project.db.execute("SELECT COUNT(*) FROM sections").fetchone()[0] == 0


def test_metadata_updates_keep_the_blocks(saved):
    project, briefing_id = saved
    briefing = project.briefings.get(briefing_id)
    briefing.title = "Corridor outlook, revised"
    briefing.classification = "UNCLASSIFIED//FOR TRAINING"
    project.briefings.update_meta(briefing)
    loaded = project.briefings.get(briefing_id)
    assert (loaded.title, loaded.classification) == (
        "Corridor outlook, revised",
        "UNCLASSIFIED//FOR TRAINING",
    )
    assert loaded.sections == briefing.sections


# ------------------------------------------------------------------ per-block edits


def test_update_block_replaces_one_block(saved):
    project, briefing_id = saved
    first = project.briefings.get(briefing_id).sections[0].blocks[0]
    first.text = "Edited [@sn1]."
    project.briefings.update_block(briefing_id, first)
    assert project.briefings.get_block(briefing_id, first.id) == first
    assert project.briefings.get(briefing_id).sections[0].blocks[0].text == "Edited [@sn1]."


def test_a_block_naming_items_of_other_blocks_can_be_updated_and_read_alone(saved):
    project, briefing_id = saved
    scenarios = project.briefings.get(briefing_id).sections[1].blocks[0]
    scenarios.items[0].narrative = "Units pull back in good order."
    project.briefings.update_block(briefing_id, scenarios)  # names sp1 of another block
    assert project.briefings.get_block(briefing_id, scenarios.id) == scenarios


def test_an_invalid_block_is_refused_and_the_stored_one_kept(saved):
    project, briefing_id = saved
    kj = project.briefings.get(briefing_id).sections[0].blocks[3]
    before = project.briefings.get_block(briefing_id, kj.id)
    kj.items[0].likelihood = "perhaps"
    with pytest.raises(ValidationErrors) as caught:
        project.briefings.update_block(briefing_id, kj)
    assert [e.path for e in caught.value.errors] == ["$.sections[0].blocks[0].items[0].likelihood"]
    assert project.briefings.get_block(briefing_id, kj.id) == before


def test_a_marking_outside_the_briefings_scheme_is_refused_on_insert(saved):
    project, briefing_id = saved
    section_id = project.briefings.get(briefing_id).sections[0].id
    with pytest.raises(ValidationErrors):
        project.briefings.insert_block(
            briefing_id, section_id, 0, Paragraph("x", marking="TLP:RED")
        )
    assert len(section_blocks(project, briefing_id)) == 4


def test_updating_an_unknown_block_says_so(saved):
    project, briefing_id = saved
    with pytest.raises(NotFoundError, match="no block 'b404'"):
        project.briefings.update_block(briefing_id, Paragraph("x", id="b404"))


def test_insert_block_puts_it_at_the_index_and_keeps_positions_contiguous(saved):
    project, briefing_id = saved
    section_id = project.briefings.get(briefing_id).sections[0].id
    before = section_blocks(project, briefing_id)
    new_id = project.briefings.insert_block(briefing_id, section_id, 1, Paragraph("Inserted."))
    assert new_id not in before
    assert section_blocks(project, briefing_id) == [before[0], new_id, *before[1:]]
    assert positions(project, briefing_id, section_id) == list(range(len(before) + 1))


def test_insert_block_index_is_clamped_to_the_section(saved):
    project, briefing_id = saved
    section_id = project.briefings.get(briefing_id).sections[0].id
    last = project.briefings.insert_block(briefing_id, section_id, 99, Paragraph("End."))
    first = project.briefings.insert_block(briefing_id, section_id, -3, Paragraph("Start."))
    ids = section_blocks(project, briefing_id)
    assert (ids[0], ids[-1]) == (first, last)


def test_inserting_into_an_unknown_section_says_so(saved):
    project, briefing_id = saved
    with pytest.raises(NotFoundError, match="no section 's404'"):
        project.briefings.insert_block(briefing_id, "s404", 0, Paragraph("x"))


def test_remove_block_returns_where_it_was_so_undo_can_put_it_back(saved):
    project, briefing_id = saved
    briefing = project.briefings.get(briefing_id)
    section_id = briefing.sections[0].id
    removed = briefing.sections[0].blocks[2]
    before = section_blocks(project, briefing_id)

    where = project.briefings.remove_block(briefing_id, removed.id)

    assert where == (section_id, 2)
    assert section_blocks(project, briefing_id) == [b for b in before if b != removed.id]
    assert positions(project, briefing_id, section_id) == [0, 1, 2]
    project.briefings.insert_block(briefing_id, *where, removed)  # the undo
    assert section_blocks(project, briefing_id) == before
    assert project.briefings.get(briefing_id) == briefing


def test_removing_an_unknown_block_says_so(saved):
    project, briefing_id = saved
    with pytest.raises(NotFoundError, match="no block 'b404'"):
        project.briefings.remove_block(briefing_id, "b404")


def test_removing_the_signposts_block_leaves_a_briefing_that_still_loads(saved):
    project, briefing_id = saved
    signposts = project.briefings.get(briefing_id).sections[1].blocks[1]
    project.briefings.remove_block(briefing_id, signposts.id)
    loaded = project.briefings.get(briefing_id)
    assert loaded.scenarios()[0].signposts == ["sp1"]  # dangling, for the checks to report
    assert loaded.signposts() == []


def test_insert_section_puts_it_in_the_outline_with_its_blocks(saved):
    project, briefing_id = saved
    section_id = project.briefings.insert_section(
        briefing_id, 1, Section("Background", 1, [Paragraph("Context.")])
    )
    loaded = project.briefings.get(briefing_id)
    assert [s.heading for s in loaded.sections] == ["Bottom line", "Background", "Outlook"]
    assert loaded.sections[1].id == section_id
    assert [b.text for b in loaded.sections[1].blocks] == ["Context."]


def test_block_events_come_before_and_after_with_ids_and_places(saved):
    project, briefing_id = saved
    section_id = project.briefings.get(briefing_id).sections[0].id
    events: list[Event] = []
    project.events.connect(events.append)

    block_id = project.briefings.insert_block(briefing_id, section_id, 1, Paragraph("New."))
    project.briefings.update_block(briefing_id, Paragraph("Changed.", id=block_id))
    project.briefings.remove_block(briefing_id, block_id)

    place = {"briefing": briefing_id, "section": section_id, "index": 1}
    assert [(e.kind, e.action, e.ids, e.details) for e in events] == [
        ("block", "inserting", (block_id,), place),
        ("block", "inserted", (block_id,), place),
        ("block", "changed", (block_id,), {"briefing": briefing_id}),
        ("block", "removing", (block_id,), place),
        ("block", "removed", (block_id,), place),
    ]


def test_saving_a_whole_briefing_announces_a_reset(project):
    events: list[Event] = []
    project.events.connect(events.append)
    briefing_id = project.briefings.save(full_briefing())
    assert [(e.kind, e.action, e.ids) for e in events] == [("briefing", "reset", (briefing_id,))]
