"""Load a course table, validated, with its sources attached: :func:`load`."""

from __future__ import annotations

import pandas as pd

from helpers.data.files import split_ids, validated
from helpers.data.sources import sources

__all__ = ["load"]


def load(name: str) -> pd.DataFrame:
    """Load a table from ``data/``, validated against its schema.

    Parameters
    ----------
    name
        Table name, the CSV file name without ``.csv`` (see :func:`tables`).

    Returns
    -------
    pandas.DataFrame
        A fresh copy of the table. ``df.attrs`` holds ``name``, ``file``, ``sources`` (the ids cited in
        ``source_id``, in order of first appearance) and ``citations`` (formatted references).

    Raises
    ------
    ValueError
        ``name`` is not a known table.
    DataFileError
        The file is missing or malformed; the message names file, row and column.
    """
    frame = validated(name).copy()
    ids: list[str] = []
    if "source_id" in frame:
        for cell in frame["source_id"].dropna():  # empty only where the schema allows it (the glossary)
            ids.extend(i for i in split_ids(cell) if i not in ids)
    frame.attrs = {"name": name, "file": f"{name}.csv", "sources": ids, "citations": sources(ids)}
    return frame
