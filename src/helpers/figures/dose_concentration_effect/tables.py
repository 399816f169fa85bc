"""Tables a student reads in notebook 02: data tables with headers in words, and citations in words.

:func:`student_table` shows a data table with column headers in words, without the pandas index, and with
a dash (:data:`MISSING`) where a source reports nothing; :func:`short_citations` turns a ``source_id`` cell
into short citations ("Zanos P et al. (2018)").
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers.data import citation, split_ids

__all__ = ["MISSING", "StudentTable", "short_citations", "student_table"]

#: What a student table shows where a source reports nothing (no interval, no number of participants).
MISSING = "—"


def short_citations(ids: str) -> str:
    """A ``source_id`` cell (``"a; b"``) as short citations in words: "Zanos P et al. (2018); ...".

    Raises
    ------
    ValueError
        ``ids`` is not a string, is empty or names an unknown source.
    """
    if not isinstance(ids, str) or not ids.strip():
        raise ValueError(f"ids: expected source ids such as 'zanos2018; aalto2002', got {ids!r}")
    return "; ".join(citation(i, short=True) for i in split_ids(ids))


def _cell(value: object, decimals: int | None, missing: str) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return missing
    if isinstance(value, bool) or not isinstance(value, int | float | np.number):
        return str(value)
    number = float(value)
    if decimals is not None:
        return f"{number:,.{decimals}f}"
    return f"{number:,.0f}" if number.is_integer() else f"{number:,.3g}"


@dataclass(frozen=True, repr=False)
class StudentTable:
    """A table as a student reads it: headers in words, no index, a dash for what a source does not report.

    Shows as an HTML table in JupyterLab and as aligned plain text elsewhere (what nbval compares).
    ``frame`` holds the displayed text.
    """

    frame: pd.DataFrame

    def __repr__(self) -> str:
        return self.frame.to_string(index=False)

    def _repr_html_(self) -> str:
        return self.frame.to_html(index=False, border=0, classes="dataframe student-table")


def student_table(frame: pd.DataFrame, columns: Mapping[str, str], *,
                  decimals: Mapping[str, int] | None = None, missing: str = MISSING) -> StudentTable:
    """The columns of ``frame`` a student should read, headed in words, with no index and no NaN.

    Parameters
    ----------
    frame
        Any table (for instance ``data.load("bioavailability")``).
    columns
        Column of ``frame`` -> header in words with its unit, e.g. ``{"n": "Participants (n)"}``; the
        table shows these columns in this order.
    decimals
        Column of ``frame`` -> decimals to print; other numbers print whole numbers as integers and
        others with three significant digits.
    missing
        What to print for a missing value (NaN, None, ``pd.NA``): by default a dash, "—".

    Raises
    ------
    ValueError
        ``frame`` is not a DataFrame, ``columns`` is empty, names a column ``frame`` lacks or repeats a
        header, or ``decimals`` names a column not shown or a negative number.
    """
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"frame: expected a DataFrame, got {type(frame).__name__}")
    if not isinstance(columns, Mapping) or not columns:
        raise ValueError("columns: give a mapping of column name to header in words")
    absent = [c for c in columns if c not in frame.columns]
    if absent:
        raise ValueError(f"columns: frame has no column(s) {absent}")
    headers = list(columns.values())
    if len(set(headers)) != len(headers) or not all(isinstance(h, str) and h.strip() for h in headers):
        raise ValueError("columns: each header must be a distinct, non-empty string")
    decimals = dict(decimals or {})
    for column, places in decimals.items():
        if column not in columns:
            raise ValueError(f"decimals: {column!r} is not a shown column")
        if isinstance(places, bool) or not isinstance(places, int) or places < 0:
            raise ValueError(f"decimals: expected a whole number >= 0 for {column!r}, got {places!r}")
    if not isinstance(missing, str):
        raise ValueError(f"missing: expected a string, got {missing!r}")
    shown = pd.DataFrame({
        header: [_cell(v, decimals.get(column), missing) for v in frame[column].tolist()]
        for column, header in columns.items()
    })
    return StudentTable(shown)
