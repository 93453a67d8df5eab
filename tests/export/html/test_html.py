"""HTML export: one self-contained page, every block's text, notes with back-links in the
resolved order, contents with working anchors, banners, metadata, and no injection."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from briefing_app.cite import rich_to_plain
from briefing_app.export.atomic import ExportError
from briefing_app.export.document import Figure, Heading, ResolvedDocument
from briefing_app.export.html import render_html, write_html
from briefing_app.paths import templates_dir
from tests.export.pdf.helpers import (
    HOSTILE,
    LONG_WORD,
    block_texts,
    hostile_document,
    normalise,
    resolved_sample,
)


class Page(HTMLParser):
    """The parts of a page the tests look at: text, elements with attributes, ids."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.chunks: list[str] = []
        self.text_by_id: dict[str, list[str]] = {}
        self._open: list[tuple[str, str]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.elements.append((tag, values))
        if tag not in {"br", "img", "meta", "link"}:
            self._open.append((tag, values.get("id", "")))

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)
        for _, ident in self._open:
            if ident:
                self.text_by_id.setdefault(ident, []).append(data)

    def text(self) -> str:
        return "".join(self.chunks)

    def all(self, tag: str) -> list[dict[str, str]]:
        return [attrs for t, attrs in self.elements if t == tag]


@pytest.fixture(scope="module")
def sample_doc(tmp_path_factory: pytest.TempPathFactory) -> ResolvedDocument:
    return resolved_sample(tmp_path_factory.mktemp("html-sample"))


@pytest.fixture(scope="module")
def sample_page(sample_doc: ResolvedDocument, tmp_path_factory: pytest.TempPathFactory) -> Page:
    path = write_html(sample_doc, tmp_path_factory.mktemp("html") / "sample.html")
    return Page(path.read_text(encoding="utf-8"))


def test_page_is_self_contained(sample_page: Page) -> None:
    assert sample_page.all("style")
    assert not [a for a in sample_page.all("link") if a.get("rel") == "stylesheet"]
    assert not sample_page.all("script")
    images = sample_page.all("img")
    assert images and all(a["src"].startswith("data:image/png;base64,") for a in images)


def test_every_block_prints_its_text(sample_doc: ResolvedDocument, sample_page: Page) -> None:
    printed = normalise(sample_page.text())
    missing = [
        t[:60] for b in sample_doc.blocks for t in block_texts(b) if normalise(t) not in printed
    ]
    assert missing == []


def test_notes_in_order_with_back_links(sample_doc: ResolvedDocument, sample_page: Page) -> None:
    refs = [a for a in sample_page.all("a") if a.get("role") == "doc-noteref"]
    assert [a["href"] for a in refs] == [f"#fn{n}" for n in range(1, len(sample_doc.notes) + 1)]
    items = [a["id"] for a in sample_page.all("li") if a.get("id", "").startswith("fn")]
    assert items == [f"fn{n}" for n in range(1, len(sample_doc.notes) + 1)]
    backs = [a["href"] for a in sample_page.all("a") if a.get("role") == "doc-backlink"]
    assert backs == [f"#fnref{n}" for n in range(1, len(sample_doc.notes) + 1)]
    for n, note in enumerate(sample_doc.notes, start=1):
        shown = "".join(sample_page.text_by_id[f"fn{n}"]).replace("↩", "")
        assert normalise(shown) == normalise(rich_to_plain(note))


def test_contents_link_to_the_headings(sample_doc: ResolvedDocument, sample_page: Page) -> None:
    ids = {attrs.get("id") for _, attrs in sample_page.elements}
    toc = [a["href"] for a in sample_page.all("a") if a["href"].startswith("#sec-")]
    headings = [b for b in sample_doc.blocks if isinstance(b, Heading) and b.level <= 2]
    assert toc == [f"#{h.anchor}" for h in headings]
    assert all(href[1:] in ids for href in toc)


def test_banner_top_and_bottom(sample_doc: ResolvedDocument) -> None:
    html = render_html(sample_doc)
    banner = '<div class="banner"><span style="color: #007A33; background: #FFFFFF">UNCLASSIFIED'
    assert sample_doc.meta.banner is not None and sample_doc.meta.banner.text == "UNCLASSIFIED"
    before, rest = html.split("<main>")
    inside, after = rest.split("</main>")
    assert banner in before and banner in after and banner not in inside


def test_tlp_banner_is_marked_for_right_alignment() -> None:
    html = render_html(hostile_document())
    assert (
        html.count(
            '<div class="banner tlp"><span style="color: #FFC000; background: #000000">TLP:AMBER'
        )
        == 2
    )


def test_metadata_and_phone_viewport(sample_doc: ResolvedDocument, sample_page: Page) -> None:
    metas = {a.get("name"): a.get("content") for a in sample_page.all("meta")}
    assert metas["author"] == ", ".join(sample_doc.meta.authors)
    assert metas["keywords"] == ", ".join(sample_doc.meta.keywords)
    assert metas["date"] == sample_doc.meta.date
    assert "width=device-width" in metas["viewport"]
    assert "".join(sample_page.text_by_id.get("", [])) == ""


def test_figures_have_alt_text_and_numbered_captions(
    sample_doc: ResolvedDocument, sample_page: Page
) -> None:
    figures = [b for b in sample_doc.blocks if isinstance(b, Figure)]
    assert [a["alt"] for a in sample_page.all("img")] == [f.alt for f in figures if f.png]
    for f in figures:
        assert f"Figure {f.number}:" in sample_page.text()


@pytest.fixture(scope="module")
def hostile_page() -> tuple[str, Page]:
    html = render_html(hostile_document())
    return html, Page(html)


def test_hostile_text_is_shown_literally(hostile_page: tuple[str, Page]) -> None:
    _, page = hostile_page
    printed = page.text()
    for text in [*HOSTILE, LONG_WORD]:
        assert text in printed
    assert printed.count(HOSTILE[3]) >= 4


def test_hostile_text_creates_no_elements(hostile_page: tuple[str, Page]) -> None:
    html, page = hostile_page
    assert not page.all("script") and not page.all("b")
    assert "49" not in page.text()
    assert "&lt;script&gt;" in html


def test_links_keep_their_target_and_unsafe_schemes_are_dropped() -> None:
    doc = hostile_document()
    from briefing_app.export.document import Para, Text

    doc.blocks.append(
        Para([Text("click", link="javascript:alert(1)"), Text("ok", link="https://x.org/")])
    )
    page = Page(render_html(doc))
    hrefs = [a["href"] for a in page.all("a")]
    assert "https://x.org/" in hrefs and "https://example.org/a?b=<c>" in hrefs
    assert not [h for h in hrefs if h.lower().startswith("javascript")]
    assert "click" in page.text()


def test_a_template_folder_may_bring_its_own_sandboxed_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "templates"
    shutil.copytree(templates_dir(), root)
    (root / "sitrep" / "html.j2").write_text(
        "<h1>{{ meta.title }}</h1>{% for b in doc.blocks %}{{ b.t }} {% endfor %}", encoding="utf-8"
    )
    monkeypatch.setenv("BRIEFING_STUDIO_TEMPLATES", str(root))
    doc = hostile_document()
    doc.meta.template = "sitrep"
    html = render_html(doc)
    assert html.startswith("<h1>#read(&#34;/etc/passwd&#34;)</h1>heading para")


def test_a_hostile_template_is_stopped_by_the_sandbox(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "templates"
    shutil.copytree(templates_dir(), root)
    (root / "sitrep" / "html.j2").write_text(
        "{{ ''.__class__.__mro__[1].__subclasses__() }}", encoding="utf-8"
    )
    monkeypatch.setenv("BRIEFING_STUDIO_TEMPLATES", str(root))
    doc = hostile_document()
    doc.meta.template = "sitrep"
    with pytest.raises(ExportError, match="HTML template"):
        render_html(doc)


def test_sitrep_house_style_is_marked_on_the_page(sample_doc: ResolvedDocument) -> None:
    sample_doc.meta.template = "sitrep"
    try:
        page = Page(render_html(sample_doc))
    finally:
        sample_doc.meta.template = "strategic"
    assert page.all("body")[0]["class"] == "tpl-sitrep"
