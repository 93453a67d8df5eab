"""Test-wide setup: headless Qt, and no test may touch the user's real folders."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Chart renders are cached on disk; tests must not write into the user's cache folder.
os.environ.setdefault(
    "BRIEFING_STUDIO_CACHE_DIR",
    os.path.join(tempfile.gettempdir(), f"briefing-studio-test-cache-{os.getpid()}"),
)

# The app's log file (briefing_app/logs.py) goes to a temporary folder, never the user's.
os.environ.setdefault(
    "BRIEFING_STUDIO_LOG_DIR",
    os.path.join(tempfile.gettempdir(), f"briefing-studio-test-logs-{os.getpid()}"),
)
