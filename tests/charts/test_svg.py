"""SVG output: real text, strokes baked for Typst, and a PDF page that shows the chart."""

from __future__ import annotations

import io
import re

import pytest
import typst
from pypdf import PdfReader

from briefing_app.charts.export import render_svg
from briefing_app.charts.svgfix import bake_strokes

from .conftest import kind_specs

pytestmark = pytest.mark.usefixtures("qapp_charts")

SPECS = kind_specs()


@pytest.mark.parametrize("kind", sorted(SPECS))
def test_svg_keeps_the_title_as_text_and_has_no_non_scaling_strokes(kind: str) -> None:
    svg = render_svg(SPECS[kind]).decode("utf-8")
    assert SPECS[kind].title in svg
    assert "<text" in svg
    assert "non-scaling-stroke" not in svg
    width = re.search(r'width="([\d.]+)mm"', svg)
    assert width is not None and abs(float(width[1]) - 6.5 * 25.4) < 0.5


def test_baking_moves_the_data_transform_into_the_coordinates() -> None:
    raw = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><g>
    <g stroke="#000" stroke-width="2" transform="matrix(10,0,0,-0.5,5,90)">
      <path vector-effect="non-scaling-stroke" d="M0,0 L1,100 L2,40 Z M3,3 C4,4 5,5 6,6"/>
      <polyline vector-effect="non-scaling-stroke" points="0,0 1,10 "/>
      <rect vector-effect="non-scaling-stroke" x="1" y="20" width="2" height="40"/>
      <text x="1" y="2">label</text>
    </g>
    <g transform="matrix(1,0,0,1,0,0)"><path d="M0,0 L1,1"/></g>
    </g></svg>"""
    out = bake_strokes(raw).decode()
    assert 'd="M5,90 L15,40 L25,70 Z M35,88.5 C45,88 55,87.5 65,87"' in out
    assert 'points="5,90 15,85"' in out
    assert 'x="15" y="60" width="20" height="20"' in out
    assert re.search(r'<text[^>]*transform="matrix\(10,0,0,-0.5,5,90\)"', out)
    assert "vector-effect" not in out
    assert out.count("matrix(1,0,0,1,0,0)") == 1  # groups without cosmetic strokes untouched


def test_unsupported_path_commands_keep_their_transform() -> None:
    raw = b"""<svg xmlns="http://www.w3.org/2000/svg"><g transform="matrix(2,0,0,2,0,0)">
      <path vector-effect="non-scaling-stroke" d="M0,0 A1,1 0 0 1 2,2"/></g></svg>"""
    out = bake_strokes(raw).decode()
    assert 'transform="matrix(2,0,0,2,0,0)"' in out and "A1,1" in out


def test_the_svg_renders_inside_a_typst_pdf_with_its_text(tmp_path: object) -> None:
    spec = SPECS["timeline"]
    folder = tmp_path  # type: ignore[assignment]
    (folder / "chart.svg").write_bytes(render_svg(spec))  # type: ignore[operator]
    (folder / "doc.typ").write_text(  # type: ignore[operator]
        '#set page(width: 8.5in, height: 11in, margin: 1in)\n#image("chart.svg", width: 100%)\n'
    )
    pdf = typst.compile(str(folder / "doc.typ"))  # type: ignore[operator]
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert spec.title in text
    assert "Rail bridge struck" in text
