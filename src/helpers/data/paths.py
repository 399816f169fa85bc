"""Locate the course's data and notebooks from any working directory.

The data folder is found, in order, from

1. the environment variable ``KETAMINE_DATA_DIR`` (must point to an existing folder);
2. the copy installed with the package (``helpers/_data``, present in a wheel install);
3. the repository's ``data/`` folder next to ``src/`` (an editable install or a checkout).

The caller's working directory is never used.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "KETAMINE_DATA_DIR"
#: The file names of the course notebooks (``00_course_map.ipynb`` …), the one place this rule is spelled.
NOTEBOOK_GLOB = "[0-9][0-9]_*.ipynb"
_PACKAGE_DIR = Path(__file__).resolve().parent.parent  # the helpers package
_REPO_DIR = _PACKAGE_DIR.parent.parent


def data_dir() -> Path:
    """Return the folder that holds the course's CSV tables.

    Returns
    -------
    pathlib.Path
        An existing folder containing ``sources.csv``.

    Raises
    ------
    FileNotFoundError
        If ``KETAMINE_DATA_DIR`` points to a missing folder, or no data folder can be found.
    """
    override = os.environ.get(ENV_VAR)
    if override:
        path = Path(override).expanduser()
        if not path.is_dir():
            raise FileNotFoundError(f"{ENV_VAR}={override!r} is not an existing folder")
        return path.resolve()
    for candidate in (_PACKAGE_DIR / "_data", _REPO_DIR / "data"):
        if (candidate / "sources.csv").is_file():
            return candidate
    raise FileNotFoundError(
        "cannot find the course's data folder; set "
        f"{ENV_VAR} to the repository's data/ folder"
    )


def repo_dir() -> Path | None:
    """Return the repository root when running from a checkout, else ``None``."""
    if (_REPO_DIR / "notebooks").is_dir() and (_REPO_DIR / "pyproject.toml").is_file():
        return _REPO_DIR
    return None


def notebooks_dir() -> Path:
    """Return the folder that holds the course notebooks.

    In a checkout this is the repository's ``notebooks/``; with an installed package it is the working
    directory when that holds course notebooks (``NN_*.ipynb``), as it does for a kernel that Jupyter
    started next to a copy of the course.

    Raises
    ------
    FileNotFoundError
        When neither a checkout nor a folder of course notebooks is found.
    """
    root = repo_dir()
    if root is not None:
        return root / "notebooks"
    here = Path.cwd()
    if any(here.glob(NOTEBOOK_GLOB)):
        return here
    raise FileNotFoundError("no course notebooks found: run from a checkout or from the notebooks' folder")
