"""Fixtures of the data-layer tests: a private copy of data/ to break on purpose."""

from __future__ import annotations

import shutil

import pytest

from helpers.data import paths
from tests.support.data_files import DATA


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A private copy of data/ that KETAMINE_DATA_DIR points to."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    monkeypatch.setenv(paths.ENV_VAR, str(target))
    return target
