"""The course's table of contents, read from each notebook's ``course`` metadata so it cannot drift."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from helpers.data.paths import NOTEBOOK_GLOB, notebooks_dir

__all__ = ["REQUIRED_KEYS", "SAFETY_NOTE", "SAFETY_TAG", "course_metadata", "learning_path"]

REQUIRED_KEYS = ("order", "title", "minutes", "prerequisites")

#: Tag of the markdown cell that shows :data:`SAFETY_NOTE` (near the start of every notebook, and again
#: where trials in people with suicidal thoughts appear).
SAFETY_TAG = "safety-note"

#: The medical-education note every notebook shows students, with concrete places to get help.
SAFETY_NOTE = """\
> **Medical education, not medical advice.** This notebook explains published evidence about a prescription
> medicine and a controlled drug. It gives no guidance on amounts, routes or practices for non-medical use.
> **If you are struggling with depression or thoughts of suicide, help is available now:** in the US call
> or text **988** (988 Suicide & Crisis Lifeline); in the UK and Ireland call **116 123** (Samaritans);
> elsewhere, find a free, confidential line at **findahelpline.com**. In an emergency, call your local
> emergency number."""


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
    for nb in sorted(folder.glob(NOTEBOOK_GLOB)):
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
