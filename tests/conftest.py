"""Test-wide setup: headless Qt, and no test may touch the user's real folders."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
