"""The resolved document: numbering, notes at citation points, markings, figures, problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.cite import rich_to_plain
from briefing_app.export.document import (
    BlockQuote,
    Figure,
    Heading,
    InTextCitation,
    KeyJudgmentsBox,
    NoteRef,
    Para,
    ScenarioTable,
    SignpostTable,
    TableBlock,
    Text,
)
from briefing_app.export.resolve import RenderedImage, display_date, resolve_document
from briefing_app.model.briefing_json import briefing_from_dict
from briefing_app.model.snippet import snippet_from_quote
from briefing_app.model.source import Person, Source

TINY = RenderedImage(b"\x89PNG fake", 6.3, 3.0)


def fake_renderer(spec: object, width_in: float, scale: str) -> RenderedImage:
    return TINY


@pytest.fixture
def library() -> tuple[dict[str, Source], dict[str, object]]:
    src = Source(id="src1", title="Pincers close", type="article",
                 authors=[Person(family="Smith", given="Jane")], container_title="Ledger",
                 issued="2025-10-29", text="The city is semi-encircled. Roads are cut.",
                 reliability="B")
    other = Source(id="src2", title="Strike report", type="article", container_title="Wire",
                   issued="2025-11-08", text="458 drones and 45 missiles were launched.")
    sn1 = snippet_from_quote("sn1", src, "The city is semi-encircled.", credibility=2)
    sn2 = snippet_from_quote("sn2", other, "458 drones and 45 missiles", credibility=1)
    sn2.translation = ""
    return {"src1": src, "src2": other}, {"sn1": sn1, "sn2": sn2}


def briefing(extra: dict | None = None, template: str = "strategic"):
    data = {
        "title": "T", "date": "2025-11-10", "marking_scheme": "us", "template": template,
        "sections": [
            {"heading": "Summary", "level": 1, "marking": "U", "blocks": [
                {"type": "paragraph", "marking": "U",
                 "text": "First [@sn1]. Then **both** [@sn1; @sn2, p. 4]."},
                {"type": "quote", "snippet": "sn2", "marking": "CUI"},
            ]},
            {"heading": "Detail", "level": 2, "blocks": [
                {"type": "chart", "kind": "bar", "title": "Counts", "caption": "Counts by type",
                 "description": "Bar chart of counts",
                 "data": {"columns": ["category", "value"], "rows": [["a", 1]]},
                 "cite": ["sn2"]},
                {"type": "table", "caption": "Grades", "columns": ["a"], "rows": [["1"]],
                 "cite": ["src1"]},
                {"type": "key_judgments", "items": [
                    {"text": "Withdrawal", "likelihood": "likely", "confidence": "moderate",
                     "cite": ["sn1", "sn2"]}]},
                {"type": "scenarios", "items": [
                    {"id": "sc1", "title": "Withdrawal", "likelihood": "likely",
                     "signposts": ["sp1"], "narrative": "Units pull back."}]},
                {"type": "signposts", "items": [
                    {"id": "sp1", "name": "Bridges", "diagnosticity": {"sc1": "likely"},
                     "last_reviewed": "2025-11-08", "cite": ["sn1"]}]},
            ]},
            {"heading": "Annex", "level": 1, "blocks": []},
        ],
    }
    data.update(extra or {})
    return briefing_from_dict(data)


def test_notes_are_numbered_in_reading_order_at_their_citation_points(library) -> None:
    sources, snippets = library
    doc = resolve_document(briefing(), sources, snippets, chart_renderer=fake_renderer)
    para = next(b for b in doc.blocks if isinstance(b, Para))
    refs = [i.number for i in para.inlines if isinstance(i, NoteRef)]
    assert refs == [1, 2]
    quote = next(b for b in doc.blocks if isinstance(b, BlockQuote))
    assert quote.citation == [NoteRef(3)]
    assert len(doc.notes) == 7  # 2 paragraph groups, quote, chart, table, judgment, signpost
    assert "Smith" in rich_to_plain(doc.notes[0])
    assert "; " in rich_to_plain(doc.notes[1])  # two items in one note
    assert rich_to_plain(doc.notes[1]).endswith("November 8, 2025, 4.")  # Chicago: bare page


def test_headings_are_numbered_when_the_template_says_so(library) -> None:
    sources, snippets = library
    numbered = resolve_document(briefing(), sources, snippets, chart_renderer=fake_renderer)
    assert [h.number for h in numbered.headings()] == ["1", "1.1", "2"]
    plain = resolve_document(briefing(template="sitrep"), sources, snippets,
                             chart_renderer=fake_renderer)
    assert [h.number for h in plain.headings()] == ["", "", ""]


def test_portion_marks_and_the_high_water_banner(library) -> None:
    sources, snippets = library
    doc = resolve_document(briefing(), sources, snippets, chart_renderer=fake_renderer)
    assert doc.headings()[0].portion == "(U)"
    assert next(b for b in doc.blocks if isinstance(b, BlockQuote)).portion == "(CUI)"
    assert doc.meta.banner is not None and doc.meta.banner.text == "CUI"


def test_an_explicit_classification_overrides_the_high_water_mark(library) -> None:
    sources, snippets = library
    doc = resolve_document(briefing({"classification": "SECRET"}), sources, snippets,
                           chart_renderer=fake_renderer)
    assert doc.meta.banner.text == "SECRET"
    assert doc.meta.banner.colour == "#C8102E"


def test_tlp_banner_keeps_its_colours(library) -> None:
    sources, snippets = library
    b = briefing_from_dict({"title": "T", "marking_scheme": "tlp", "sections": [
        {"heading": "H", "marking": "TLP:AMBER", "blocks": []}]})
    doc = resolve_document(b, sources, snippets, chart_renderer=fake_renderer)
    assert doc.meta.banner.text == "TLP:AMBER"
    assert doc.meta.banner.is_tlp
    assert doc.meta.banner.background == "#000000"


def test_figures_and_tables_get_numbered_captions_with_their_note(library) -> None:
    sources, snippets = library
    doc = resolve_document(briefing(), sources, snippets, chart_renderer=fake_renderer)
    figure = next(b for b in doc.blocks if isinstance(b, Figure))
    assert figure.number == 1
    assert figure.caption[0].text == "Figure 1: Counts by type"
    assert figure.caption[-1] == NoteRef(4)
    assert figure.alt == "Bar chart of counts"
    assert figure.png == TINY.png
    table = next(b for b in doc.blocks if isinstance(b, TableBlock))
    assert table.caption[0].text == "Table 1: Grades"


def test_judgments_scenarios_and_signposts_carry_bands_and_names(library) -> None:
    sources, snippets = library
    doc = resolve_document(briefing(), sources, snippets, chart_renderer=fake_renderer)
    kj = next(b for b in doc.blocks if isinstance(b, KeyJudgmentsBox)).items[0]
    assert (kj.likelihood, kj.band, kj.confidence) == ("likely", "55-80%", "moderate")
    scenario = next(b for b in doc.blocks if isinstance(b, ScenarioTable)).rows[0]
    assert scenario.signposts == ["Bridges"]
    signpost = next(b for b in doc.blocks if isinstance(b, SignpostTable)).rows[0]
    assert signpost.diagnosticity == [("Withdrawal", "likely")]
    assert signpost.last_reviewed == "8 November 2025"


def test_bands_are_left_out_when_the_briefing_says_so(library) -> None:
    sources, snippets = library
    doc = resolve_document(briefing({"show_bands": False}), sources, snippets,
                           chart_renderer=fake_renderer)
    assert next(b for b in doc.blocks if isinstance(b, KeyJudgmentsBox)).items[0].band == ""


def test_author_date_styles_put_citations_in_the_text_and_make_no_notes(library) -> None:
    sources, snippets = library
    doc = resolve_document(briefing({"style": "apa"}), sources, snippets,
                           chart_renderer=fake_renderer)
    assert not doc.is_note_style
    assert doc.notes == []
    para = next(b for b in doc.blocks if isinstance(b, Para))
    cites = [i for i in para.inlines if isinstance(i, InTextCitation)]
    assert len(cites) == 2
    assert "2025" in rich_to_plain(cites[0].text)


def test_a_missing_snippet_and_a_failing_chart_are_problems_not_failures(library) -> None:
    sources, snippets = library
    del snippets["sn2"]

    def broken(spec: object, width_in: float, scale: str) -> RenderedImage:
        raise ValueError("row 3, column value: 'abc' is not a number")

    doc = resolve_document(briefing(), sources, snippets, chart_renderer=broken)
    text = " ".join(doc.problems)
    assert "sn2" in text
    assert "'abc' is not a number" in text
    figure = next(b for b in doc.blocks if isinstance(b, Figure))
    assert figure.png == b""
    assert any(isinstance(b, Heading) and b.text == "Annex" for b in doc.blocks)


def test_an_unknown_style_falls_back_to_the_default_and_says_so(library) -> None:
    sources, snippets = library
    doc = resolve_document(briefing({"style": "vancouver-ish"}), sources, snippets,
                           chart_renderer=fake_renderer)
    assert doc.meta.style == "chicago-notes"
    assert any("vancouver-ish" in p for p in doc.problems)


def test_an_unknown_template_falls_back_and_says_so(library) -> None:
    sources, snippets = library
    doc = resolve_document(briefing(template="../../etc"), sources, snippets,
                           chart_renderer=fake_renderer)
    assert doc.meta.template == "strategic"
    assert any("does not exist" in p for p in doc.problems)


def test_dates_print_as_briefings_write_them() -> None:
    assert display_date("2025-11-10") == "10 November 2025"
    assert display_date("2025-11") == "2025-11"


def test_the_sample_resolves_without_problems(tmp_path: Path) -> None:
    from briefing_app.export.pipeline import resolve_from_project
    from briefing_app.sample import build_sample
    from briefing_app.store import Project

    with Project.open(build_sample(tmp_path / "s.briefing")) as project:
        briefing_ = project.briefings.get()
        doc = resolve_from_project(project, briefing_, chart_renderer=fake_renderer)
        assert doc.problems == []
        assert len(doc.notes) == len(
            __import__("briefing_app.cite", fromlist=["cite_points"]).cite_points(
                briefing_, {s.id: s for s in project.sources.list()},
                {s.id: s for s in project.snippets.list()},
            )
        )
        assert sum(isinstance(b, Figure) for b in doc.blocks) == 3  # two charts and the map


def _translated(library):
    sources, snippets = library
    snippets["sn2"].translation = "458 дронів і 45 ракет"
    snippets["sn2"].translator = "J. Analyst"
    return sources, snippets


def test_a_translated_quote_shows_the_translation_and_its_note_the_original(library) -> None:
    sources, snippets = _translated(library)
    doc = resolve_document(briefing(), sources, snippets, chart_renderer=fake_renderer)
    quote = next(b for b in doc.blocks if isinstance(b, BlockQuote))
    assert quote.text == "458 дронів і 45 ракет"
    note = rich_to_plain(doc.notes[quote.citation[0].number - 1])
    assert note.endswith(
        "Original (translated by J. Analyst): \u201c458 drones and 45 missiles.\u201d"
    )


def test_the_briefing_can_show_originals_with_translations_in_the_notes(library) -> None:
    sources, snippets = _translated(library)
    doc = resolve_document(briefing({"quote_language": "original"}), sources, snippets,
                           chart_renderer=fake_renderer)
    quote = next(b for b in doc.blocks if isinstance(b, BlockQuote))
    assert quote.text == "458 drones and 45 missiles"
    note = rich_to_plain(doc.notes[quote.citation[0].number - 1])
    assert "Translation by J. Analyst: \u201c458 дронів і 45 ракет.\u201d" in note


def test_note_marks_follow_the_word_and_the_punctuation(library) -> None:
    sources, snippets = library
    doc = resolve_document(briefing(), sources, snippets, chart_renderer=fake_renderer)
    para = next(b for b in doc.blocks if isinstance(b, Para))
    shape = [i.text if isinstance(i, Text) else f"[{i.number}]" for i in para.inlines]
    assert shape == ["First.", "[1]", " Then ", "both", ".", "[2]"]
