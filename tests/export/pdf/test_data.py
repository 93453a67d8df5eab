"""The template data: note marks against their word, long words wrappable, safe colours."""

from __future__ import annotations

import dataclasses
import json

from briefing_app.cite import RichRun
from briefing_app.export.document import DocMeta, NoteRef, Para, ResolvedDocument, Text
from briefing_app.export.pdf.data import (
    LONG_WORD,
    DataCache,
    breakable,
    colour,
    to_typst_data,
)


def _doc(*inlines: object) -> ResolvedDocument:
    return ResolvedDocument(DocMeta("T"), [Para(list(inlines))], [(RichRun("Note one."),)], [])


def test_a_note_mark_follows_its_word_without_a_space() -> None:
    data = to_typst_data(_doc(Text("the city "), NoteRef(1), Text(" is held.")))
    inl = data.obj["blocks"][0]["inl"]
    assert inl == [{"s": "the city"}, {"n": 1, "note": [{"s": "Note one."}]}, {"s": " is held."}]


def test_long_words_get_invisible_breaks_and_short_ones_stay_as_typed() -> None:
    word = "y" * (LONG_WORD * 3)
    assert breakable(f"short {word}").replace("\u200b", "") == f"short {word}"
    assert "\u200b" in breakable(word)
    assert breakable("ordinary words stay") == "ordinary words stay"


def test_html_data_keeps_long_words_untouched() -> None:
    word = "z" * 200
    data = to_typst_data(_doc(Text(word)), break_words=False)
    assert data.obj["blocks"][0]["inl"][0]["s"] == word


def test_images_travel_as_files_named_by_content() -> None:
    from briefing_app.export.document import Figure

    doc = _doc(Text("x"))
    doc.blocks.append(Figure(1, [Text("Figure 1")], "alt", b"\x89PNG-a", 6.3, 3.0))
    doc.blocks.append(Figure(2, [Text("Figure 2")], "alt", b"\x89PNG-a", 6.3, 3.0))
    data = to_typst_data(doc)
    names = [b["img"] for b in data.obj["blocks"][1:]]
    assert names[0] == names[1] and list(data.images) == [names[0]]
    assert json.loads(data.json)["blocks"][1]["img"] == names[0]


def test_only_hex_colours_reach_the_template() -> None:
    assert colour("#FFC000", "#000000") == "#FFC000"
    assert colour('red"); #read("x', "#000000") == "#000000"


def _three_paragraphs() -> ResolvedDocument:
    blocks = [Para([Text(f"Paragraph {i}."), NoteRef(i + 1)]) for i in range(3)]
    notes = [(RichRun(f"Note {i}."),) for i in range(3)]
    return ResolvedDocument(DocMeta("T"), blocks, notes, [])


def test_the_cache_converts_only_the_edited_block() -> None:
    cache = DataCache()
    doc = _three_paragraphs()
    before = cache.convert(doc).obj["blocks"]
    blocks = list(doc.blocks)
    blocks[1] = Para([Text("Edited."), NoteRef(2)])
    edited = dataclasses.replace(doc, blocks=blocks)
    after = cache.convert(edited)
    assert after.obj == to_typst_data(edited).obj
    assert after.obj["blocks"][0] is before[0] and after.obj["blocks"][2] is before[2]
    assert after.obj["blocks"][1] is not before[1]


def test_the_cache_converts_everything_again_when_a_note_changes() -> None:
    cache = DataCache()
    doc = _three_paragraphs()
    cache.convert(doc)
    notes = [*doc.notes[:2], (RichRun("Ibid."),)]
    renumbered = dataclasses.replace(doc, notes=notes)
    assert cache.convert(renumbered).obj == to_typst_data(renumbered).obj
