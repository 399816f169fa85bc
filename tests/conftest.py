"""Shared pytest fixtures: paths, and a headless Debian Chromium driven by Playwright.

The browser is Debian's ``/usr/bin/chromium`` (``make browser-deps`` installs it); Playwright never
downloads a browser here. Chromium is started with networking side-channels switched off so that a test
never reaches outside this machine.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import data
from tests.support import CHROMIUM, CHROMIUM_ARGS, ROOT


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    """Close every matplotlib figure a test leaves open, so that figures never pile up across tests."""
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository root."""
    return ROOT


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Path of Debian's Chromium; fails (never skips) when it is missing."""
    path = shutil.which(CHROMIUM) or (CHROMIUM if Path(CHROMIUM).exists() else None)
    if path is None:
        pytest.fail(f"{CHROMIUM} is missing: run `make browser-deps` (apt-get install chromium)")
    return path


@pytest.fixture(scope="session")
def chromium_context(chromium_path: str) -> Iterator[object]:
    """A headless Chromium (a Playwright persistent ``BrowserContext``) shared by one worker's tests."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 800},
        )
        try:
            yield context
        finally:
            context.close()


# --- course tables, loaded once per test module (tests must not modify them) ------------------------------
def _table_fixture(name: str, table: str, doc: str):
    def load():

        return data.load(table)

    load.__name__, load.__doc__ = name, doc
    return pytest.fixture(scope="module", name=name)(load)


label = _table_fixture("label", "adverse_events_label", "data/adverse_events_label.csv")
trials = _table_fixture("trials", "adverse_events_trials", "data/adverse_events_trials.csv")
levels = _table_fixture("levels", "stard_levels", "data/stard_levels.csv")
hierarchy = _table_fixture("hierarchy", "evidence_hierarchy", "data/evidence_hierarchy.csv")
studies = _table_fixture("studies", "onset_studies", "data/onset_studies.csv")
responses = _table_fixture("responses", "early_response", "data/early_response.csv")
course = _table_fixture("course", "onset_time_course", "data/onset_time_course.csv")
ssri = _table_fixture("ssri", "ssri_time_course", "data/ssri_time_course.csv")
bands = _table_fixture("bands", "concentration_bands", "data/concentration_bands.csv")
