"""Session fixtures: the sample briefing resolved once and typeset once (typesetting
takes a second or two, so every check reads the same PDF)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing_app.export.document import ResolvedDocument
from briefing_app.export.pdf import write_pdf
from tests.export.pdf.helpers import resolved_sample

FIXED = datetime(2025, 11, 10, 9, 30, tzinfo=UTC)


@dataclass
class SamplePdf:
    doc: ResolvedDocument
    path: Path
    reader: PdfReader

    def page_texts(self) -> list[str]:
        return [page.extract_text() for page in self.reader.pages]


@pytest.fixture(scope="session")
def sample_doc(tmp_path_factory: pytest.TempPathFactory) -> ResolvedDocument:
    return resolved_sample(tmp_path_factory.mktemp("pdf-sample"))


@pytest.fixture(scope="session")
def sample_pdf(sample_doc: ResolvedDocument, tmp_path_factory: pytest.TempPathFactory) -> SamplePdf:
    path = write_pdf(sample_doc, tmp_path_factory.mktemp("pdf") / "sample.pdf", timestamp=FIXED)
    return SamplePdf(sample_doc, path, PdfReader(path))
