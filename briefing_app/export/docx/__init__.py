"""DOCX export: the resolved document as a native Word file (styles, notes, fields)."""

from __future__ import annotations

from .writer import build_document, write_docx

__all__ = ["build_document", "write_docx"]
