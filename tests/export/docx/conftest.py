"""Session fixtures: the sample briefing resolved, exported to DOCX once, and converted
to PDF by LibreOffice once (conversion takes seconds, so every check shares it)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefing_app.export.document import ResolvedDocument
from briefing_app.export.docx import write_docx
from briefing_app.export.pipeline import resolve_from_project
from briefing_app.export.resolve import RenderedImage
from briefing_app.sample import build_sample
from briefing_app.store import Project
from tests.export.docx.docs import png


@dataclass
class SampleExport:
    doc: ResolvedDocument
    docx: Path


def stub_chart(spec: object, width_in: float, scale: str) -> RenderedImage:
    """Charts are drawn by the charts layer; these tests only need a picture to place."""
    return RenderedImage(png(120, 60), width_in, width_in / 2)


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> SampleExport:
    folder = tmp_path_factory.mktemp("docx-sample")
    build_sample(folder / "s.briefing")
    with Project.open(folder / "s.briefing") as project:
        briefing = project.briefings.get()
        doc = resolve_from_project(project, briefing, chart_renderer=stub_chart)
    return SampleExport(doc, write_docx(doc, folder / "sample.docx"))


def convert_to_pdf(source: Path) -> Path:
    """LibreOffice's own conversion, with a private profile so parallel runs don't clash."""
    out = source.parent / "pdf"
    profile = source.parent / "lo-profile"
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    pdf = out / f"{source.stem}.pdf"
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr and pdf.is_file(), result.stdout + result.stderr
    return pdf


@pytest.fixture(scope="session")
def sample_pdf_text(sample: SampleExport) -> str:
    pdf = convert_to_pdf(sample.docx)
    result = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout
