"""Errors the citation engine raises (bad citations themselves are reported, not raised)."""

from __future__ import annotations


class UnknownStyleError(ValueError):
    """A style key we do not offer; the message lists the keys we do."""

    def __init__(self, style: str, available: list[str]) -> None:
        self.style = style
        self.available = available
        super().__init__(f"unknown citation style {style!r}; choose one of: {', '.join(available)}")
