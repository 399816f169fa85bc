"""What several test modules share: the repository's paths and how the headless browser is started.

Importable as ``tests.support`` (the test suite is a package); fixtures stay in ``tests/conftest.py``.
``synthetic`` builds small fixture notebooks; ``lab_server`` runs notebooks in a real JupyterLab.
"""

from __future__ import annotations

import os
from pathlib import Path

from helpers.data.paths import NOTEBOOK_GLOB

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob(NOTEBOOK_GLOB))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
#: Chromium without network side-channels, so that a test never reaches outside this machine.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "NOTEBOOKS", "ROOT"]
