"""helpers.data.paths: the data folder from any working directory, and its override."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import data
from helpers.data import paths


def test_data_dir_override_must_exist(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.ENV_VAR, str(tmp_path / "missing"))
    with pytest.raises(FileNotFoundError, match=paths.ENV_VAR):
        paths.data_dir()


def test_data_found_from_any_working_directory(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(paths.ENV_VAR, raising=False)
    assert isinstance(data.load("history"), pd.DataFrame)


