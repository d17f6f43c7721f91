"""Which Chromium, and how it starts: one statement for the search benchmark and the browser tests."""

from __future__ import annotations

import os
from pathlib import Path

# Debian's Chromium (never a downloaded browser); DVK_CHROMIUM points elsewhere, e.g. the Chrome of
# a GitHub runner. Without the background-networking flags it calls Google's hosts at every start.
CHROMIUM = Path(os.environ.get("DVK_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
