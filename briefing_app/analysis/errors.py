"""Errors the analysis layer raises: a broken organisation template, in words to act on."""

from __future__ import annotations

from ..model.errors import ValidationError


class AnalysisError(ValidationError):
    """Input the checks or the source summary cannot use (a broken template, say)."""
