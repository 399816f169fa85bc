"""Load the course's data tables, validated, with their sources attached.

>>> from helpers import data
>>> history = data.load("history")          # doctest: +SKIP
>>> history.attrs["sources"]                # doctest: +SKIP
['gao2016', ...]
>>> print(data.source_line(["daly2018"]))   # doctest: +SKIP
Source: Daly EJ et al. (2018) JAMA Psychiatry. doi:10.1001/jamapsychiatry.2017.3739
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import pandas as pd
import pandera.errors

from helpers.paths import data_dir
from helpers.schemas import SCHEMAS

__all__ = [
    "DataFileError",
    "citation",
    "load",
    "references",
    "source_ids",
    "source_line",
    "sources",
    "sources_due_for_recheck",
    "split_ids",
    "tables",
]

ID_SEPARATOR = ";"


class DataFileError(ValueError):
    """A data table is missing, malformed or fails its schema.

    Attributes
    ----------
    file : str
        The file's name inside ``data/``.
    row : int or None
        1-based data row (the header is row 0; file line = row + 1), or ``None`` for whole-file problems.
    column : str or None
        The column at fault, or ``None``.
    """

    def __init__(self, file: str, message: str, row: int | None = None, column: str | None = None):
        self.file, self.row, self.column = file, row, column
        where = file
        if row is not None:
            where += f", row {row} (line {row + 1})"
        if column is not None:
            where += f", column {column!r}"
        super().__init__(f"{where}: {message}")


def tables() -> list[str]:
    """Names of all tables that have a schema (the CSV files in ``data/``)."""
    return sorted(SCHEMAS)


def split_ids(value: str) -> list[str]:
    """Split a ``source_id`` cell (``"a; b"``) into ids."""
    return [part.strip() for part in str(value).split(ID_SEPARATOR) if part.strip()]


def _read(name: str) -> pd.DataFrame:
    if not isinstance(name, str) or name not in SCHEMAS:
        known = ", ".join(tables())
        raise ValueError(f"name: unknown table {name!r}; known tables: {known}")
    path = data_dir() / f"{name}.csv"
    file = path.name
    if not path.is_file():
        raise DataFileError(file, "file not found in the data folder")
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    if not rows:
        raise DataFileError(file, "file is empty")
    header = rows[0]
    for number, row in enumerate(rows[1:], start=1):
        if len(row) != len(header):
            raise DataFileError(file, f"expected {len(header)} fields, found {len(row)}", row=number)
    frame = pd.DataFrame(rows[1:], columns=header, dtype=object)
    return frame.replace({"": None}).astype(object)


def _first_error(name: str, err: pandera.errors.SchemaErrors) -> DataFileError:
    file = f"{name}.csv"
    cases = err.failure_cases
    first = cases.iloc[0]
    column = first.get("column")
    column = None if column is None or pd.isna(column) else str(column)
    index = first.get("index")
    row = None if index is None or pd.isna(index) else int(index) + 1
    check = str(first.get("check"))
    value = first.get("failure_case")
    if check == "column_in_dataframe":
        return DataFileError(file, f"required column {value!r} is missing", column=str(value))
    if check == "column_in_schema":
        return DataFileError(file, f"unexpected column {value!r}", column=str(value))
    if check == "not_nullable":
        return DataFileError(file, "required value is empty", row=row, column=column)
    return DataFileError(file, f"value {value!r} fails {check}", row=row, column=column)


@cache
def _load_validated(name: str, mtime_ns: int) -> pd.DataFrame:
    frame = _read(name)
    try:
        frame = SCHEMAS[name].validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as err:
        raise _first_error(name, err) from None
    if name != "sources":
        known = _registry()
        for number, cell in enumerate(frame["source_id"], start=1):
            for source_id in split_ids(cell):
                if source_id not in known:
                    raise DataFileError(
                        f"{name}.csv", f"unknown source id {source_id!r}", row=number, column="source_id"
                    )
    return frame


def _mtime(name: str) -> int:
    path = data_dir() / f"{name}.csv"
    return path.stat().st_mtime_ns if path.is_file() else 0


@cache
def _registry_rows(mtime_ns: int) -> dict[str, dict[str, Any]]:
    frame = _load_validated("sources", mtime_ns)
    return {
        str(row["id"]): {column: None if pd.isna(value) else value for column, value in row.items()}
        for row in frame.to_dict(orient="records")
    }


def _registry() -> dict[str, dict[str, Any]]:
    """``sources.csv`` as {id: {column: value or None}}, read once per version of the file."""
    return _registry_rows(_mtime("sources"))


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
    frame = _load_validated(name, _mtime(name)).copy()
    ids: list[str] = []
    if "source_id" in frame:
        for cell in frame["source_id"]:
            ids.extend(i for i in split_ids(cell) if i not in ids)
    frame.attrs = {"name": name, "file": f"{name}.csv", "sources": ids, "citations": sources(ids)}
    return frame


def source_ids(ids: str | Iterable[str]) -> list[str]:
    """Source ids as a list (``"a; b"`` is split), each checked against ``sources.csv``.

    Raises
    ------
    ValueError
        No id, or an id that is not registered.
    """
    if isinstance(ids, str):
        ids = split_ids(ids)
    ids = list(ids)
    if not ids:
        raise ValueError("ids: give at least one source id")
    registry = _registry()
    for source_id in ids:
        if source_id not in registry:
            raise ValueError(f"ids: unknown source id {source_id!r} (not in sources.csv)")
    return ids


def citation(source_id: str, *, short: bool = False) -> str:
    """Format one source as a citation.

    Parameters
    ----------
    source_id
        An id from ``sources.csv``.
    short
        ``True`` gives "First author et al. (year)"; ``False`` adds title, journal and identifier.
    """
    (source_id,) = source_ids([source_id])
    row = _registry()[source_id]
    if row["authors"] is None:  # authors not known: name the journal instead
        authors = lead = str(row["journal"])
    else:
        authors = str(row["authors"])
        first = authors.split(",")[0].strip().removesuffix(" et al.")
        lead = f"{first} et al." if "," in authors or "et al." in authors else first
    if short:
        return f"{lead} ({row['year']})"
    parts = [f"{authors} ({row['year']}). {row['title']}."]
    if row["journal"] is not None:
        parts.append(f"{row['journal']}.")
    ident = []
    if row["doi"] is not None:
        ident.append(f"doi:{row['doi']}")
    if row["pmid"] is not None:
        ident.append(f"PMID {row['pmid']}")
    if row["pmcid"] is not None:
        ident.append(str(row["pmcid"]))
    if not ident and row["url"] is not None:
        ident.append(str(row["url"]))
    if ident:
        parts.append("; ".join(ident) + ".")
    return " ".join(parts)


def sources(ids: str | Iterable[str]) -> list[str]:
    """Formatted full citations for ``ids`` (a list, or a ``source_id`` cell such as ``"a; b"``)."""
    return [citation(i) for i in source_ids(ids)] if ids else []


def source_line(ids: str | Iterable[str]) -> str:
    """The one-line "Source: ..." text shown under a chart."""
    ids = source_ids(ids)
    registry = _registry()
    pieces = []
    for source_id in ids:
        row = registry[source_id]
        ident = next(
            (
                f"{prefix}{row[col]}"
                for col, prefix in (("doi", "doi:"), ("pmcid", ""), ("pmid", "PMID "))
                if row[col] is not None
            ),
            "",
        )
        if not ident and row["url"] is not None:  # the full address is in the references
            ident = urlsplit(str(row["url"])).netloc.removeprefix("www.")
        pieces.append(f"{citation(source_id, short=True)} {ident}".strip())
    return "Source: " + "; ".join(pieces)


def references(ids: Iterable[str]) -> str:
    """A numbered Markdown reference list for the end of a notebook."""
    return "\n".join(f"{n}. {text}" for n, text in enumerate(sources(list(ids)), start=1))


#: Kinds of source that are revised after publication, so the version cited must be re-read regularly.
REVISED_KINDS: tuple[str, ...] = ("label",)


def _add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    month += 1
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    last = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return dt.date(year, month, min(day.day, last))


def sources_due_for_recheck(today: dt.date | None = None, *, max_age_months: int = 18) -> list[str]:
    """The revised documents in ``sources.csv`` whose cited version has not been re-read recently.

    A row counts as a revised document when its ``kind`` is in :data:`REVISED_KINDS` (drug labels) or it
    has a ``version`` (guidelines, REMS pages, summaries of product characteristics). Such a row needs a
    ``version`` (the revision date the document shows) and a ``checked_on`` date no older than
    ``max_age_months``.

    Parameters
    ----------
    today
        The reference date (default: today).
    max_age_months
        How old a ``checked_on`` date may be, in months (>= 1).

    Returns
    -------
    list of str
        One line per row that is due, naming the id and the reason; empty when every row is current.
    """
    if isinstance(max_age_months, bool) or not isinstance(max_age_months, int) or max_age_months < 1:
        raise ValueError(f"max_age_months: must be a whole number of months >= 1, got {max_age_months!r}")
    if today is None:
        today = dt.date.today()
    elif not isinstance(today, dt.date):
        raise ValueError(f"today: expected a datetime.date, got {type(today).__name__}")
    due = []
    for source_id, row in _registry().items():
        version, checked_on = row.get("version"), row.get("checked_on")  # optional columns
        if row["kind"] not in REVISED_KINDS and version is None:
            continue
        if version is None:
            due.append(f"{source_id}: no version (the revision date shown in the document)")
        if checked_on is None:
            due.append(f"{source_id}: never checked (checked_on is empty)")
            continue
        checked = dt.date.fromisoformat(str(checked_on))
        if _add_months(checked, max_age_months) < today:
            due.append(f"{source_id}: last checked {checked.isoformat()}, more than {max_age_months} "
                       "months ago")
    return due
