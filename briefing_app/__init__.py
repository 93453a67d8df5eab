"""Briefing Studio: source-traceable intelligence briefings, desktop and command line."""

__version__ = "0.1.0"
