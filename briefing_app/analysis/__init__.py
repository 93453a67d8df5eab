"""Analytic standards checks: sourcing, estimative language, signposts, source summary."""
