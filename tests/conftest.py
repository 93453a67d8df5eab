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
