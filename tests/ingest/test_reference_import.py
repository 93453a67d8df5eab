"""Reference-manager exports: CSL-JSON, BibTeX and RIS, with attached files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_app.ingest import IngestError, SourceOverrides, import_file
from briefing_app.store import Project

from .builders import make_pdf
from .conftest import state

DATA = Path(__file__).parents[1] / "data" / "ingest"


def test_csl_json_records_come_in_with_full_metadata(project: Project, tmp_path: Path) -> None:
    items = [
        {
            "id": "ITEM-1",
            "type": "article-newspaper",
            "title": "Corridor narrows",
            "author": [{"family": "Marchuk", "given": "Olena"}, {"literal": "Staff Desk"}],
            "container-title": "Harbour Courier",
            "publisher": "Harbour Media",
            "issued": {"date-parts": [[2025, 11, 7]]},
            "URL": "https://example.org/c",
            "accessed": {"date-parts": [[2025, 11, 9]]},
            "language": "en",
            "DOI": "10.1/x",
        },
        {
            "id": "ITEM-2",
            "type": "report",
            "title": "Quarterly assessment",
            "issued": {"date-parts": [[2025]]},
        },
        {"id": "ITEM-3", "type": "report"},
    ]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    result = import_file(project, path)
    first, second = (i.source for i in result.items)
    assert (first.type, first.title, first.container_title) == (
        "article",
        "Corridor narrows",
        "Harbour Courier",
    )
    assert [a.display() for a in first.authors] == ["Olena Marchuk", "Staff Desk"]
    assert (first.issued, first.accessed, first.url) == (
        "2025-11-07",
        "2025-11-09",
        "https://example.org/c",
    )
    assert first.extra["DOI"] == "10.1/x"
    assert (second.type, second.issued) == ("report", "2025")
    assert result.problems == ["record 3: skipped, it has no title"]


def test_bibtex_good_records_import_and_bad_ones_name_their_line(project: Project) -> None:
    result = import_file(project, DATA / "malformed.bib")
    titles = [i.source.title for i in result.items]
    assert titles == [
        "The fog of the southern districts",
        "Supply by drone: a field study",
        "Statement on the evacuation corridor",
    ]
    assert len(result.problems) == 2
    assert result.problems[0].startswith("line 9: record skipped, malformed BibTeX")
    assert result.problems[1].startswith("line 20: record skipped, malformed BibTeX")


def test_bibtex_fields_are_decoded(project: Project) -> None:
    result = import_file(project, DATA / "malformed.bib")
    fog = result.items[0].source
    assert [a.display() for a in fog.authors] == ["Jörg Müller", "Ana Sousa"]
    assert (fog.issued, fog.container_title, fog.type) == ("2025-11", "Harbour Courier", "article")
    statement = result.items[2].source
    assert [a.display() for a in statement.authors] == ["Ministry of Defence & Veterans"]
    assert statement.issued == "2025-11-08"


def test_bibtex_attached_file_brings_its_text(project: Project) -> None:
    result = import_file(project, DATA / "malformed.bib")
    study = result.items[1].source
    assert "Bomber drones carry water" in study.text
    assert project.attachments.get(study.attachment_id).name == "drone-supply.txt"


def test_ris_with_unknown_tags_imports_and_names_them(project: Project) -> None:
    result = import_file(project, DATA / "zotero-export.ris")
    first, second = (i.source for i in result.items)
    assert (first.type, first.title, first.issued) == (
        "article",
        "Night convoys on the western road",
        "2025-11-05",
    )
    assert [a.display() for a in first.authors] == ["Olena Marchuk", "Tomas Reyes"]
    assert first.container_title == "Harbour Courier"
    assert (second.type, second.issued) == ("report", "2025-03")
    assert any("unknown RIS tags ignored: X9, ZZ" in p for p in result.problems)


def test_ris_attachment_that_is_a_pdf(project: Project, tmp_path: Path) -> None:
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "sitrep.pdf").write_bytes(make_pdf(["Page one.", "Page two."]))
    ris = "TY  - RPRT\nTI  - Sitrep\nL1  - files/sitrep.pdf\nER  - \n"
    (tmp_path / "one.ris").write_text(ris, encoding="utf-8")
    source = import_file(project, tmp_path / "one.ris").source
    assert [label for _, label in source.locators] == ["p. 1", "p. 2"]
    assert source.title == "Sitrep"


def test_missing_attachment_is_noted_not_fatal(project: Project, tmp_path: Path) -> None:
    ris = "TY  - NEWS\nTI  - Lost file\nL1  - files/none.pdf\nER  - \n"
    (tmp_path / "lost.ris").write_text(ris, encoding="utf-8")
    result = import_file(project, tmp_path / "lost.ris")
    assert result.source.text == ""
    assert any("attached file not found" in n for n in result.items[0].notes)


def test_same_references_twice_are_duplicates(project: Project, tmp_path: Path) -> None:
    first = import_file(project, DATA / "zotero-export.ris")
    again = import_file(project, DATA / "zotero-export.ris")
    assert [i.duplicate_of for i in again.items] == [i.source.id for i in first.items]
    assert project.sources.count() == 2


def test_grading_overrides_apply_to_every_record(project: Project) -> None:
    result = import_file(
        project,
        DATA / "zotero-export.ris",
        SourceOverrides(reliability="C", descriptor="from the desk library", title="Not used"),
    )
    assert {(i.source.reliability, i.source.descriptor) for i in result.items} == {
        ("C", "from the desk library")
    }
    assert "Not used" not in [i.source.title for i in result.items]


def test_garbage_reference_file_changes_nothing(project: Project, tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("[{not json", encoding="utf-8")
    (tmp_path / "bad.bib").write_text("@article{x, title = {unclosed\n", encoding="utf-8")
    before = state(project)
    with pytest.raises(IngestError, match="not valid JSON"):
        import_file(project, tmp_path / "bad.json")
    with pytest.raises(IngestError, match="no reference record could be imported"):
        import_file(project, tmp_path / "bad.bib")
    assert state(project) == before
