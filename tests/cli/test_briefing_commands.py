"""`briefing compose`, `export` and `check`, including the exact JSON round trip."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_runner import Run


def test_export_then_compose_round_trips_exactly(run: Run, sample_copy: Path,
                                                 tmp_path: Path) -> None:
    first = tmp_path / "first.json"
    second = tmp_path / "second.json"
    assert run("export", sample_copy, "-o", first, "--format", "json").code == 0
    composed = run("compose", sample_copy, first, "--json")
    assert composed.code == 0
    assert composed.json()["id"] == "br1"
    assert run("export", sample_copy, "-o", second, "--format", "json").code == 0
    assert first.read_bytes() == second.read_bytes()


def test_compose_a_new_briefing_prints_its_id(run: Run, sample_copy: Path,
                                              tmp_path: Path) -> None:
    doc = {"title": "Flash update", "sections": [
        {"heading": "Summary", "blocks": [
            {"type": "paragraph", "text": "The corridor narrowed [@sn1]."}]}]}
    path = tmp_path / "flash.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = run("compose", sample_copy, path, "--json")
    assert result.code == 0
    new_id = result.json()["id"]
    assert new_id != "br1"
    exported = tmp_path / "out.json"
    assert run("export", sample_copy, "-o", exported, "--briefing", new_id).code == 0
    assert json.loads(exported.read_text(encoding="utf-8"))["title"] == "Flash update"


def test_compose_names_the_json_path_of_each_problem(run: Run, sample_copy: Path,
                                                     tmp_path: Path) -> None:
    doc = {"title": "Bad", "sections": [{"heading": "A", "blocks": [
        {"type": "paragraph", "text": "Cites nothing real [@sn999]."},
        {"type": "key_judgments", "items": [{"text": "x", "likelihood": "maybe"}]},
        {"type": "video"}]}]}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    before = run("export", sample_copy, "-o", tmp_path / "before.json").code
    result = run("compose", sample_copy, path)
    assert before == 0
    assert result.code == 1
    assert "$.sections[0].blocks[0].text: unknown snippet or source id 'sn999'" in result.err
    assert "$.sections[0].blocks[1].items[0].likelihood" in result.err
    assert "$.sections[0].blocks[2].type: unknown block type 'video'" in result.err
    assert result.err.count("\n") == 1
    briefings = run("export", sample_copy, "-o", tmp_path / "after.json")
    assert briefings.code == 0
    assert (tmp_path / "before.json").read_bytes() == (tmp_path / "after.json").read_bytes()


def test_compose_rejects_broken_json_with_line_and_column(run: Run, sample_copy: Path,
                                                          tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"title": "x",\n "sections": [}', encoding="utf-8")
    result = run("compose", sample_copy, path)
    assert result.code == 1
    assert "is not valid JSON" in result.err
    assert "line 2" in result.err


def test_export_to_an_unknown_format_says_so(run: Run, sample_file: Path,
                                                  tmp_path: Path) -> None:
    target = tmp_path / "x.odt"
    result = run("export", sample_file, "-o", target)
    assert result.code == 1
    assert "cannot tell the format" in result.err
    assert not target.exists()


def test_export_json_keeps_the_previous_file_when_it_fails(run: Run, sample_file: Path,
                                                           tmp_path: Path) -> None:
    missing_dir = tmp_path / "nowhere" / "out.json"
    result = run("export", sample_file, "-o", missing_dir)
    assert result.code == 1
    assert "does not exist" in result.err


def test_check_reports_a_citation_to_a_deleted_snippet(run: Run, sample_copy: Path) -> None:
    from briefing_app.store import Project

    assert run("check", sample_copy, "--json").json() == []
    with Project.open(sample_copy) as project:
        project.db.execute("DELETE FROM snippets WHERE id = 'sn1'")
    result = run("check", sample_copy, "--json")
    assert result.code == 1
    missing = [f for f in result.json() if f["rule"] == "missing-citation-target"]
    assert missing
    assert all("@sn1" in f["message"] and f["severity"] == "error" for f in missing)
    assert all({"rule", "severity", "location", "excerpt", "message"} <= set(f) for f in missing)


def test_check_on_the_failing_sample_finds_each_planted_problem_once(
    run: Run, sample_file: Path
) -> None:
    result = run("check", sample_file, "--briefing", "br2", "--json")
    assert result.code == 1
    rules = [f["rule"] for f in result.json()]
    assert len(rules) == len(set(rules))
    assert {"unsourced-claim", "single-source", "low-grade-sources", "off-scale-language",
            "mixed-scale-rows", "confidence-with-likelihood", "scenario-without-signposts",
            "orphan-signpost", "non-diagnostic-signpost", "overdue-signpost",
            "scenario-bands-incoherent", "quote-drift", "missing-citation-target",
            "unmarked-portion", "portion-above-banner", "unknown-marking",
            "missing-required-section", "unaddressed-conflict"} <= set(rules)


def test_check_as_of_a_later_date_flags_overdue_signposts(run: Run, sample_file: Path) -> None:
    result = run("check", sample_file, "--as-of", "2026-01-15", "--json")
    assert {f["rule"] for f in result.json()} == {"overdue-signpost"}
    assert run("check", sample_file, "--as-of", "15/01/2026").code == 1


def test_a_new_edition_and_its_diff(run: Run, sample_copy: Path, tmp_path: Path) -> None:
    new_id = run("edition", sample_copy, "br1", "--json").json()["id"]
    exported = tmp_path / "edition.json"
    run("export", sample_copy, "-o", exported, "--briefing", new_id)
    data = json.loads(exported.read_text(encoding="utf-8"))
    for section in data["sections"]:
        for block in section["blocks"]:
            if block["type"] == "key_judgments":
                block["items"][0]["likelihood"] = "very likely"
            if block["type"] == "signposts":
                block["items"][0]["status"] = "observed"
    exported.write_text(json.dumps(data), encoding="utf-8")
    assert run("compose", sample_copy, exported).code == 0
    changes = run("diff", sample_copy, "br1", new_id, "--json").json()
    kinds = {c["kind"] for c in changes}
    assert "likelihood-changed" in kinds
    assert "signpost-status-changed" in kinds
    assert run("diff", sample_copy, "br1", "br1", "--json").json() == []


def test_summary_drafts_the_source_summary_statement(run: Run, sample_file: Path) -> None:
    paragraphs = run("summary", sample_file, "--json").json()
    assert paragraphs
    assert any("source" in p.lower() for p in paragraphs)
