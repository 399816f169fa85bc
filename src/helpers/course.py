"""The course's table of contents, read from each notebook's ``course`` metadata so it cannot drift."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from helpers._validate import frame
from helpers.data.files import split_ids
from helpers.data.paths import NOTEBOOK_GLOB, notebooks_dir
from helpers.data.sources import citation

__all__ = ["REQUIRED_KEYS", "SAFETY_NOTE", "SAFETY_TAG", "course_metadata", "glossary_markdown",
           "learning_path", "learning_path_markdown"]

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


def _cell(text: object) -> str:
    """A value as the text of one Markdown table cell (no line breaks, ``|`` escaped)."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _notebook_link(stem: str, titles: dict[str, str]) -> str:
    return f"[{stem[:2]} · {_cell(titles[stem])}]({stem}.ipynb)"


def learning_path_markdown(path: pd.DataFrame) -> str:
    """The learning path as a Markdown table a student reads: each notebook as a link named by its number
    and title, its minutes, and the notebooks it builds on.

    Parameters
    ----------
    path
        The table of :func:`learning_path` (columns ``notebook``, ``title``, ``minutes``,
        ``prerequisites``).

    Returns
    -------
    str
        A Markdown table with the columns Notebook, Minutes, Builds on.
    """
    frame("path", path, ("notebook", "title", "minutes", "prerequisites"))
    titles = dict(zip(path["notebook"], path["title"], strict=True))
    lines = ["| Notebook | Minutes | Builds on |", "|---|---:|---|"]
    for row in path.itertuples(index=False):
        before = [p.strip() for p in str(row.prerequisites).split(",") if p.strip() and p.strip() != "none"]
        unknown = [p for p in before if p not in titles]
        if unknown:
            raise ValueError(f"path: {row.notebook} builds on notebooks not in the table: {unknown}")
        builds_on = ", ".join(f"[notebook {p[:2]}]({p}.ipynb)" for p in before) or "nothing"
        lines.append(f"| {_notebook_link(row.notebook, titles)} | {int(row.minutes)} | {builds_on} |")
    return "\n".join(lines)


def glossary_markdown(glossary: pd.DataFrame, path: pd.DataFrame) -> str:
    """The course glossary as a Markdown table, in alphabetical order of the terms.

    Parameters
    ----------
    glossary
        The glossary table (``helpers.data.load("glossary")``: columns ``term``, ``definition``,
        ``introduced_in``, ``source_id``).
    path
        The learning path (:func:`learning_path`), which names each notebook by its title.

    Returns
    -------
    str
        A Markdown table with the columns Term, Definition, Introduced in (a link to the notebook, its
        title shown on hover) and Source (first author and year; empty where the definition was written
        for the course).

    Raises
    ------
    ValueError
        A table lacks a column or is empty. A term introduced in a notebook that is not in ``path`` (a
        notebook copied on its own) is named without a link.
    """
    frame("glossary", glossary, ("term", "definition", "introduced_in", "source_id"))
    frame("path", path, ("notebook", "title"))
    titles = dict(zip(path["notebook"], path["title"], strict=True))
    lines = ["| Term | Definition | Introduced in | Source |", "|---|---|---|---|"]
    ordered = glossary.assign(_key=glossary["term"].str.casefold()).sort_values(["_key", "term"])
    for row in ordered.itertuples(index=False):
        ids = [] if pd.isna(row.source_id) else split_ids(str(row.source_id))
        source = "; ".join(citation(i, short=True) for i in ids)
        stem = row.introduced_in
        if stem in titles:
            hover = _cell(titles[stem]).replace('"', "'")
            introduced = f'[notebook {stem[:2]}]({stem}.ipynb "{hover}")'
        else:  # a notebook copied on its own, without the rest of the course beside it: no link
            introduced = f"notebook {stem[:2]}"
        lines.append(f"| **{_cell(row.term)}** | {_cell(row.definition)} | {introduced} | {_cell(source)} |")
    return "\n".join(lines)
