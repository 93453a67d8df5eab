"""Transactions: every change is atomic; a failure inside one leaves nothing behind."""

from __future__ import annotations

import pytest

from briefing_app.model.events import Event
from briefing_app.store import Project


class Interrupted(Exception):
    """Raised inside a transaction to simulate a failure half-way through."""


def test_an_error_inside_a_transaction_rolls_everything_back(project, source_id, make_report):
    with pytest.raises(Interrupted), project.transaction():
        project.sources.add(make_report("A second, different text."))
        project.snippets.add_quote(source_id, "northern outskirts")
        project.set_meta("title", "Renamed")
        raise Interrupted
    assert project.sources.count() == 1
    assert project.snippets.count() == 0
    assert project.title == "Desk"


def test_ids_handed_out_in_a_rolled_back_transaction_are_handed_out_again(project):
    with pytest.raises(Interrupted), project.transaction():
        assert project.next_id("sn") == "sn1"
        raise Interrupted
    assert project.next_id("sn") == "sn1"  # nothing was stored under sn1


def test_a_failed_inner_transaction_rolls_back_only_its_own_changes(project):
    with project.transaction():
        project.set_meta("outer", "kept")
        with pytest.raises(Interrupted), project.transaction():
            project.set_meta("inner", "dropped")
            raise Interrupted
        project.set_meta("after", "kept too")
    assert (project.meta("outer"), project.meta("inner"), project.meta("after")) == (
        "kept",
        "",
        "kept too",
    )


def test_nested_transactions_commit_together_with_the_outer_one(project):
    with pytest.raises(Interrupted), project.transaction():
        with project.transaction():
            project.set_meta("inner", "committed to the savepoint only")
        raise Interrupted
    assert project.meta("inner") == ""


def test_the_project_stays_usable_after_a_rollback(project, make_report):
    with pytest.raises(Interrupted), project.transaction():
        project.sources.add(make_report("first"))
        raise Interrupted
    added = project.sources.add(make_report("second")).source
    assert [s.id for s in project.sources.list()] == [added.id]


def test_a_committed_change_is_on_disk_for_another_connection(project_path, make_report):
    with Project.create(project_path) as writer:
        writer.sources.add(make_report())
        with Project.open(project_path) as reader:
            assert reader.sources.count() == 1


def test_a_failed_add_emits_no_inserted_event(project, make_report):
    events: list[Event] = []
    project.events.connect(events.append)
    with pytest.raises(ValueError):
        project.sources.add(make_report(type="blog"))
    assert [e.action for e in events if e.kind == "source"] == []


def test_listeners_can_disconnect(project):
    events: list[Event] = []
    project.events.connect(events.append)
    project.set_meta("a", "1")
    project.events.disconnect(events.append)
    project.set_meta("b", "2")
    assert [(e.kind, e.action, e.ids) for e in events] == [("project", "changed", ("a",))]
