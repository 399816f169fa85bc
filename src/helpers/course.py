"""The course's table of contents, read from each notebook's ``course`` metadata so it cannot drift."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from helpers.paths import notebooks_dir

__all__ = ["REQUIRED_KEYS", "course_metadata", "learning_path"]

REQUIRED_KEYS = ("order", "title", "minutes", "prerequisites")


def course_metadata(path: str | Path) -> dict:
    """The ``course`` metadata of one notebook (order, title, minutes, prerequisites).

    Raises
    ------
    ValueError
        The notebook lacks the metadata or a required key.
    """
    path = Path(path)
    meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("course")
    if not isinstance(meta, dict):
        raise ValueError(f"path: {path.name} has no 'course' metadata")
    missing = [k for k in REQUIRED_KEYS if k not in meta]
    if missing:
        raise ValueError(f"path: {path.name} metadata 'course' lacks {', '.join(missing)}")
    minutes = meta["minutes"]
    if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes <= 0:
        raise ValueError(f"path: {path.name} has invalid minutes {minutes!r}")
    return meta


def learning_path(folder: str | Path | None = None) -> pd.DataFrame:
    """One row per notebook, in course order: notebook, title, minutes, prerequisites."""
    folder = Path(folder) if folder is not None else notebooks_dir()
    rows = []
    for nb in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        meta = course_metadata(nb)
        rows.append(
            {
                "notebook": nb.stem,
                "title": meta["title"],
                "minutes": meta["minutes"],
                "prerequisites": ", ".join(meta["prerequisites"]) or "none",
            }
        )
    return pd.DataFrame(rows, columns=["notebook", "title", "minutes", "prerequisites"])
