"""Analytic standards checks: sourcing, estimative language, signposts, source summary.

The public API (pure functions; `project_checks` adapts an open project file):
`run_checks`, `Finding`, `RULES`, `draft_source_summary`, `diff_briefings`, `convert_scale`.
"""
