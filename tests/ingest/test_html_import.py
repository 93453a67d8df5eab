"""Saved web pages: main text and metadata in, boilerplate and entities out."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.ingest import NoTextError, import_file
from briefing_app.store import Project

from .conftest import state

PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head>
<title>Corridor narrows | The Harbour Courier</title>
<meta property="og:title" content="Drone corridor narrows west of the city">
<meta name="author" content="Olena Marchuk">
<meta property="article:published_time" content="2025-11-07T06:30:00Z">
<meta property="og:site_name" content="The Harbour Courier">
<link rel="canonical" href="https://harbour-courier.example/world/corridor-narrows">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
<button>Accept all cookies</button></div>
<main><article>
<h1>Drone corridor narrows west of the city</h1>
<p>Volunteers who drive the last open road into the town said on Friday that it is now
watched by drones day and night, and that no car attempts the trip in daylight.</p>
<p>Supplies now move on foot after dark, a volunteer coordinator said, adding that
evacuations of the elderly have slowed to a handful of people a week.</p>
<p>Local officials urged the remaining residents to register for evacuation through the
regional hotline while the road is still passable at night.</p>
</article></main>
<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/a">Autumn storms close mountain pass</a></li>
<li><a href="/b">Harbour festival draws record crowds</a></li></ul></aside>
<footer><p>Copyright 2025 Harbour Courier Media. All rights reserved.</p></footer>
</body></html>
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_saved_page_brings_main_text_and_metadata(project: Project, tmp_path: Path) -> None:
    source = import_file(project, write(tmp_path, "corridor.html", PAGE)).source
    assert source.title == "Drone corridor narrows west of the city"
    assert [a.display() for a in source.authors] == ["Olena Marchuk"]
    assert source.issued == "2025-11-07"
    assert source.container_title == "The Harbour Courier"
    assert source.url == "https://harbour-courier.example/world/corridor-narrows"
    assert source.language == "en-GB"
    assert source.type == "article"
    assert "no car attempts the trip in daylight" in " ".join(source.text.split())
    assert project.attachments.get(source.attachment_id).mime == "text/html"


def test_boilerplate_is_left_out(project: Project, tmp_path: Path) -> None:
    text = import_file(project, write(tmp_path, "corridor.htm", PAGE)).source.text
    for boilerplate in ("cookies", "Sport", "Related stories", "Harbour festival", "Copyright"):
        assert boilerplate not in text


def test_paragraphs_are_blank_line_separated_for_locators(project: Project, tmp_path: Path) -> None:
    source = import_file(project, write(tmp_path, "corridor.html", PAGE)).source
    assert source.locator_at(source.text.index("Local officials")) == "para. 4"


def test_external_entity_is_never_resolved(project: Project, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRETMARKER", encoding="utf-8")
    hostile = f"""<?xml version="1.0"?>
<!DOCTYPE html [<!ENTITY leak SYSTEM "file://{secret}">]>
<html><head><title>Entity test</title></head><body><article>
<p>This paragraph mentions &leak; and carries on long enough to count as an article body.</p>
<p>A second paragraph with enough ordinary words in it to be taken as main content.</p>
</article></body></html>"""
    source = import_file(project, write(tmp_path, "hostile.html", hostile)).source
    assert "TOPSECRETMARKER" not in source.text
    assert "carries on long enough" in source.text


def test_page_without_article_text_is_refused(project: Project, tmp_path: Path) -> None:
    before = state(project)
    with pytest.raises(NoTextError, match="no article text"):
        import_file(project, write(tmp_path, "menu.html", "<html><body><nav></nav></body></html>"))
    assert state(project) == before


def test_broken_html_still_imports_its_text(project: Project, tmp_path: Path) -> None:
    broken = PAGE.replace("</p>", "").replace("</article>", "")[:-30]
    source = import_file(project, write(tmp_path, "broken.html", broken)).source
    assert "Volunteers who drive" in source.text
