"""Read and validate the CSV files of ``data/`` (the private machinery behind :func:`helpers.data.load`).

Malformed data is reported as a :class:`DataFileError` naming the file, the row and the column; nothing on
disk is changed. Each file is read once per version: the cache is keyed by the file's path, size and
modification time, so a table in another folder (``KETAMINE_DATA_DIR``) is never mistaken for a cached one.
"""

from __future__ import annotations

import csv
from functools import cache
from typing import Any

import pandas as pd
import pandera.errors

from helpers.data.paths import data_dir
from helpers.data.schemas import SCHEMAS

__all__ = [
    "ID_SEPARATOR",
    "DataFileError",
    "registry",
    "split_ids",
    "tables",
    "validated",
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


#: What a failed type conversion means, in words.
_TYPE_WORDS = {"Int64": "must be a whole number", "int64": "must be a whole number",
               "float64": "must be a number"}


def _problem(check: str, value: Any) -> str | None:
    """One failure of a pandera check in plain words; None for a follow-on failure (a range check that
    could not run because the column's type conversion had already failed)."""
    if isinstance(value, str) and value.startswith("TypeError("):
        return None
    for dtype, words in _TYPE_WORDS.items():
        if check in (f"coerce_dtype('{dtype}')", f"dtype('{dtype}')"):
            return f"{value!r} {words}"
    if check == "not_nullable":
        return "must not be empty"
    if check == "field_uniqueness":
        return f"{value!r} appears more than once; each value in this column must be unique"
    if check == "multiple_fields_uniqueness":
        return "this combination of values appears more than once"
    if check.startswith("must "):  # a column check's own words (helpers.data.columns)
        return f"{value!r} {check}"
    if " must " in check:  # a rule between columns, such as "events must not exceed n"
        return check
    return f"{value!r} fails {check}"


def _schema_error(name: str, err: pandera.errors.SchemaErrors) -> DataFileError:
    """The first problem of a table in plain words, with how many more there are."""
    file = f"{name}.csv"
    problems: list[tuple[int | None, str | None, str]] = []
    blocked = False  # a range check could not run because a value was not a number
    for _, case in err.failure_cases.iterrows():
        column = case.get("column")
        column = None if column is None or pd.isna(column) else str(column)
        index = case.get("index")
        row = None if index is None or pd.isna(index) else int(index) + 1
        check = str(case.get("check"))
        value = case.get("failure_case")
        if check == "column_in_dataframe":
            return DataFileError(file, f"required column {value!r} is missing", column=str(value))
        if check == "column_in_schema":
            return DataFileError(file, f"unexpected column {value!r}", column=str(value))
        message = _problem(check, value)
        blocked = blocked or message is None
        if message is not None and (row, column) not in {(r, c) for r, c, _ in problems}:
            problems.append((row, column, message))
    if not problems:  # pragma: no cover - pandera always names at least one failure
        return DataFileError(file, "does not match its schema")
    problems.sort(key=lambda p: (p[0] is None, p[0] or 0))
    row, column, message = problems[0]
    more = len(problems) - 1
    if more:
        message += f" (and {more} more problem{'s' if more > 1 else ''} in this file"
        message += "; some checks can run only once they are fixed)" if blocked else ")"
    return DataFileError(file, message, row=row, column=column)


#: A file's version: its path, size [bytes] and modification time [ns] (size -1 when it is missing).
Version = tuple[str, int, int]


def _version(name: str) -> Version:
    path = data_dir() / f"{name}.csv"
    if not path.is_file():
        return str(path), -1, 0
    stat = path.stat()
    return str(path), stat.st_size, stat.st_mtime_ns


@cache
def _validated(name: str, version: Version) -> pd.DataFrame:
    frame = _read(name)
    try:
        frame = SCHEMAS[name].validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as err:
        raise _schema_error(name, err) from None
    if name != "sources":
        known = registry()
        for number, cell in enumerate(frame["source_id"], start=1):
            if pd.isna(cell):  # only where the schema allows an empty source_id (the glossary)
                continue
            for source_id in split_ids(cell):
                if source_id not in known:
                    raise DataFileError(
                        f"{name}.csv", f"unknown source id {source_id!r}", row=number, column="source_id"
                    )
    return frame


def validated(name: str) -> pd.DataFrame:
    """The table ``name`` read and validated (cached per file version; do not modify the result)."""
    return _validated(name, _version(name))


@cache
def _registry_rows(version: Version) -> dict[str, dict[str, Any]]:
    frame = _validated("sources", version)
    return {
        str(row["id"]): {column: None if pd.isna(value) else value for column, value in row.items()}
        for row in frame.to_dict(orient="records")
    }


def registry() -> dict[str, dict[str, Any]]:
    """``sources.csv`` as {id: {column: value or None}}, read once per version of the file."""
    return _registry_rows(_version("sources"))
