"""HTML export: one self-contained page (styles and images inline) for intranets and e-mail."""

from .writer import render_html, write_html

__all__ = ["render_html", "write_html"]
