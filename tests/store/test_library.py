"""The source library in the project file: ids, sources, snippets, drift and attachments."""

from __future__ import annotations

import pytest

from briefing_app.model.errors import ValidationError
from briefing_app.model.events import Event
from briefing_app.model.snippet import QuoteNotFound
from briefing_app.model.source import Person
from briefing_app.store import NotFoundError, Project, ProjectError

# ------------------------------------------------------------------ ids


def test_next_id_counts_up_per_prefix(project):
    assert [project.next_id("sn") for _ in range(3)] == ["sn1", "sn2", "sn3"]
    assert project.next_id("src") == "src1"


def test_ids_are_never_reused_after_deletion(project, source_id):
    first = project.snippets.add_quote(source_id, "northern outskirts")
    project.snippets.remove(first.id)
    second = project.snippets.add_quote(source_id, "northern outskirts")
    assert (first.id, second.id) == ("sn1", "sn2")


def test_ids_survive_closing_and_reopening(project_path, make_report):
    with Project.create(project_path) as project:
        project.sources.add(make_report())
        project.next_id("sn")
    with Project.open(project_path) as project:
        assert project.next_id("sn") == "sn2"
        assert project.next_id("src") == "src2"


def test_reserve_id_keeps_the_counter_ahead_of_ids_chosen_by_the_user(project):
    project.reserve_id("sn", "sn7")
    assert project.next_id("sn") == "sn8"
    project.reserve_id("sn", "sn3")  # lower: the counter never goes back
    project.reserve_id("sn", "snippet-a")  # not of the form prefix + number: ignored
    assert project.next_id("sn") == "sn9"


# ------------------------------------------------------------------ sources


def test_an_added_source_gets_an_id_a_hash_and_a_capture_time(project, make_report):
    added = project.sources.add(make_report(authors=[Person.parse("Jane Smith")]))
    assert added.duplicate_of is None
    stored = project.sources.get(added.source.id)
    assert stored.id == "src1"
    assert len(stored.sha256) == 64
    assert stored.captured_at.startswith("20")
    assert stored.authors == [Person("Smith", "Jane")]


def test_an_exact_duplicate_source_returns_the_existing_one(project, make_report):
    first = project.sources.add(make_report(title="Original"))
    again = project.sources.add(make_report(title="Same text, new title"))
    assert again.duplicate_of == first.source.id
    assert again.source.title == "Original"
    assert project.sources.count() == 1


def test_whitespace_differences_still_count_as_the_same_text(project, make_report):
    first = project.sources.add(make_report("One  line.\nTwo lines."))
    again = project.sources.add(make_report("One line. Two\n\nlines."))
    assert again.duplicate_of == first.source.id


def test_a_source_id_chosen_by_the_user_is_kept_and_reserved(project, make_report):
    source = make_report()
    source.id = "src5"
    project.sources.add(source)
    assert project.sources.exists("src5")
    assert project.next_id("src") == "src6"


def test_adding_a_source_with_an_existing_id_is_refused(project, make_report):
    project.sources.add(make_report("first text"))
    clash = make_report("other text")
    clash.id = "src1"
    with pytest.raises(ProjectError, match="already exists"):
        project.sources.add(clash)


def test_an_invalid_source_is_refused_and_nothing_is_stored(project, make_report):
    with pytest.raises(ValidationError) as caught:
        project.sources.add(make_report(reliability="G"))
    assert caught.value.path == "reliability"
    assert project.sources.count() == 0


def test_source_metadata_and_grading_can_be_updated(project, source_id):
    source = project.sources.get(source_id)
    source.title = "Front-line report (updated)"
    source.reliability = "b"
    source.descriptor = "local journalist, good access"
    project.sources.update(source)
    again = project.sources.get(source_id)
    assert (again.title, again.reliability, again.descriptor) == (
        "Front-line report (updated)",
        "B",
        "local journalist, good access",
    )


def test_source_text_cannot_be_edited_in_place(project, source_id):
    source = project.sources.get(source_id)
    original = source.text
    source.text = original.replace("3 November", "4 November")
    with pytest.raises(ProjectError, match="cannot be edited in place"):
        project.sources.update(source)
    assert project.sources.get(source_id).text == original


def test_a_source_with_snippets_cannot_be_removed(project, source_id):
    project.snippets.add_quote(source_id, "northern outskirts")
    with pytest.raises(ProjectError, match="still has 1 snippet"):
        project.sources.remove(source_id)
    assert project.sources.exists(source_id)


def test_a_source_without_snippets_can_be_removed(project, source_id):
    project.sources.remove(source_id)
    assert not project.sources.exists(source_id)
    with pytest.raises(NotFoundError, match="no source"):
        project.sources.get(source_id)


def test_removing_an_unknown_source_says_so(project):
    with pytest.raises(NotFoundError, match="'src404'"):
        project.sources.remove("src404")


def test_source_events_come_in_order_with_ids(project, make_report):
    events: list[Event] = []
    project.events.connect(events.append)
    added = project.sources.add(make_report()).source
    project.sources.remove(added.id)
    assert [(e.kind, e.action, e.ids) for e in events] == [
        ("source", "inserting", (added.id,)),
        ("source", "inserted", (added.id,)),
        ("source", "removing", (added.id,)),
        ("source", "removed", (added.id,)),
    ]


def test_a_listing_without_text_keeps_every_field_but_the_text(project, source_id):
    full = project.sources.get(source_id)
    (listed,) = project.sources.list(with_text=False)
    assert listed.text == ""
    assert listed.sha256 == full.sha256 != ""
    full.text = ""
    assert listed == full


def test_stored_text_is_read_back_as_stored_so_snippet_offsets_hold(project, source_id):
    # A file written by another version may hold text this version would clean
    # differently; the offsets of its snippets point into the text as stored.
    stored = "Before\x07 the quote after."
    project.db.execute("UPDATE sources SET text = ? WHERE id = ?", (stored, source_id))
    assert project.sources.get(source_id).text == stored
    assert [s.text for s in project.sources.list()] == [stored]


# ------------------------------------------------------------------ snippets


def test_a_snippet_from_a_quote_stores_offsets_text_and_locator(project, source_id):
    snippet = project.snippets.add_quote(
        source_id, "under  drone\nfire by day", credibility=2, tags=["T0504"], note="key"
    )
    source = project.sources.get(source_id)
    stored = project.snippets.get(snippet.id)
    assert source.text[stored.start : stored.end] == stored.text == "under drone fire by day"
    assert (stored.locator, stored.credibility, stored.tags, stored.note) == (
        "para. 2",
        2,
        ["T0504"],
        "key",
    )


def test_a_snippet_from_offsets_copies_the_text(project, source_id):
    snippet = project.snippets.add_offsets(source_id, 0, 14)
    assert snippet.text == "Russian forces"


def test_a_quote_not_in_the_source_is_refused_and_nothing_is_stored(project, source_id):
    with pytest.raises(QuoteNotFound):
        project.snippets.add_quote(source_id, "the town has fallen")
    assert project.snippets.count() == 0


def test_offsets_outside_the_source_are_refused(project, source_id):
    with pytest.raises(ValidationError, match="fall outside its source"):
        project.snippets.add_offsets(source_id, 5, 100_000)


def test_a_snippet_for_an_unknown_source_is_refused(project):
    with pytest.raises(NotFoundError):
        project.snippets.add_quote("src9", "anything")


def test_snippet_grading_and_notes_can_change_but_the_quote_cannot(project, source_id):
    snippet = project.snippets.add_quote(source_id, "northern outskirts")
    snippet.credibility = 3
    snippet.tags = ["front line"]
    snippet.translation = "північні околиці"
    project.snippets.update(snippet)
    again = project.snippets.get(snippet.id)
    assert (again.credibility, again.tags, again.translation) == (
        3,
        ["front line"],
        "північні околиці",
    )
    again.end -= 1
    again.text = again.text[:-1]
    with pytest.raises(ProjectError, match="cannot change"):
        project.snippets.update(again)


def test_an_invalid_credibility_on_update_is_refused(project, source_id):
    snippet = project.snippets.add_quote(source_id, "northern outskirts")
    snippet.credibility = 7
    with pytest.raises(ValidationError):
        project.snippets.update(snippet)
    assert project.snippets.get(snippet.id).credibility == 6


def test_snippets_are_listed_per_source_in_creation_order(project, source_id, make_report):
    other = project.sources.add(make_report("Another text entirely.")).source.id
    a = project.snippets.add_quote(source_id, "northern outskirts")
    b = project.snippets.add_quote(other, "Another text")
    c = project.snippets.add_quote(source_id, "evacuation of civilians")
    assert [s.id for s in project.snippets.list()] == [a.id, b.id, c.id]
    assert [s.id for s in project.snippets.list(source_id)] == [a.id, c.id]
    assert project.known_refs() == {a.id, b.id, c.id, source_id, other}


def test_snippet_events_come_in_order_with_ids(project, source_id):
    events: list[Event] = []
    project.events.connect(events.append)
    snippet = project.snippets.add_quote(source_id, "northern outskirts")
    project.snippets.remove(snippet.id)
    assert [(e.kind, e.action, e.ids) for e in events] == [
        ("snippet", "inserting", ("sn1",)),
        ("snippet", "inserted", ("sn1",)),
        ("snippet", "removing", ("sn1",)),
        ("snippet", "removed", ("sn1",)),
    ]


def test_a_healthy_project_has_no_integrity_problems(project, source_id):
    project.snippets.add_quote(source_id, "northern outskirts")
    assert project.integrity_problems() == []


def test_tampering_with_source_text_is_reported_as_snippet_drift(project, source_id):
    snippet = project.snippets.add_quote(source_id, "northern outskirts")
    project.db.execute(
        "UPDATE sources SET text = replace(text, 'northern', 'southern') WHERE id = ?",
        (source_id,),
    )
    [problem] = project.integrity_problems()
    assert f"snippet {snippet.id} no longer matches source {source_id}" in problem
    assert "'northern outskirts'" in problem and "'southern outskirts'" in problem


def test_the_listing_counts_each_sources_snippets(project, source_id, make_report):
    other = project.sources.add(make_report(title="Other", text="A different text.")).source.id
    project.snippets.add_quote(source_id, "northern outskirts")
    second = project.snippets.add_quote(other, "different text")
    project.snippets.add_quote(other, "A different")
    assert [(s.id, s.snippets) for s in project.sources.summaries()] == [
        (source_id, 1), (other, 2)
    ]
    project.snippets.remove(second.id)
    assert project.sources.summary(other).snippets == 1


# ------------------------------------------------------------------ attachments


def test_attachments_keep_the_original_bytes(project):
    original = b"%PDF-1.7\n\x00\x01\x02 binary body"
    attachment_id = project.attachments.add("report.pdf", "application/pdf", original)
    stored = project.attachments.get(attachment_id)
    assert (stored.name, stored.mime, stored.data) == ("report.pdf", "application/pdf", original)


def test_the_same_bytes_are_stored_once(project):
    first = project.attachments.add("a.txt", "text/plain", b"same bytes")
    second = project.attachments.add("b.txt", "text/plain", b"same bytes")
    third = project.attachments.add("c.txt", "text/plain", b"other bytes")
    assert first == second != third
    assert project.db.execute("SELECT COUNT(*) FROM attachments").fetchone()[0] == 2


@pytest.mark.parametrize(
    ("name", "stored"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\Windows\\system.ini", "system.ini"),
        ("/abs/path/map.png", "map.png"),
        ("..", "attachment"),
        (".hidden", "hidden"),
        ("", "attachment"),
    ],
)
def test_attachment_names_lose_their_path(project, name, stored):
    attachment_id = project.attachments.add(name, "application/octet-stream", name.encode() + b"!")
    assert project.attachments.get(attachment_id).name == stored


def test_an_unknown_attachment_says_so(project):
    with pytest.raises(NotFoundError, match="no attachment 42"):
        project.attachments.get(42)


def test_a_source_can_point_at_its_original_file(project, make_report):
    attachment_id = project.attachments.add("report.html", "text/html", b"<p>original</p>")
    added = project.sources.add(make_report(attachment_id=attachment_id)).source
    stored = project.sources.get(added.id)
    assert project.attachments.get(stored.attachment_id).data == b"<p>original</p>"


def test_summaries_list_what_the_source_table_shows_without_loading_text(tmp_path) -> None:
    from briefing_app.model.source import Person, Source
    from briefing_app.store import Project

    with Project.create(tmp_path / "s.briefing") as project:
        project.sources.add(Source(
            id="", title="Bridges cut", type="article", authors=[Person.parse("Jane Smith")],
            publisher="Ledger Group", issued="2025-11-07", url="https://x.example/a",
            accessed="2025-11-08", text="Body text.", reliability="B", descriptor="Daily"))
        project.sources.add(Source(id="", title="Wire", container_title="Northline",
                                   text="Other text."))
        first, second = project.sources.summaries()
        assert (first.id, first.title, first.type, first.outlet, first.issued) == (
            "src1", "Bridges cut", "article", "Ledger Group", "2025-11-07")
        assert (first.reliability, first.authors) == ("B", "Jane Smith")
        assert first.descriptor == ""  # stored after the text; summary(id) reads it
        assert (first.url, first.accessed) == ("https://x.example/a", "2025-11-08")
        assert (second.outlet, second.issued, second.reliability) == ("Northline", "", "F")
        assert project.sources.summary("src2") == second
        assert project.sources.summary("src1").descriptor == "Daily"


def test_get_many_returns_the_existing_ones_in_the_order_added(project, make_report):
    ids = [project.sources.add(make_report(title=f"Report {n}", text=f"Text number {n}."))
           .source.id for n in range(3)]
    found = project.sources.get_many([ids[2], "src-missing", ids[0], ids[2]])
    assert list(found) == [ids[0], ids[2]]
    assert found[ids[2]].text == "Text number 2."
    assert project.sources.get_many(ids, with_text=False)[ids[1]].text == ""
    first = project.snippets.add_quote(ids[0], "number 0")
    second = project.snippets.add_quote(ids[1], "number 1")
    assert list(project.snippets.get_many([second.id, "sn999", first.id])) == [
        first.id, second.id
    ]
    assert project.snippets.get_many([]) == {}


def test_get_many_reads_more_ids_than_one_query_takes(project, make_report):
    source = project.sources.add(make_report(text="word " * 1300)).source.id
    taken = [project.snippets.add_offsets(source, 5 * n, 5 * n + 4).id for n in range(1200)]
    found = project.snippets.get_many(taken)
    assert list(found) == taken
