"""PDF export: the resolved document typeset with Typst in a house-style template."""

from .writer import render_pdf, write_pdf

__all__ = ["render_pdf", "write_pdf"]
