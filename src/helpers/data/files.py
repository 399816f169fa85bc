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
        raise _first_error(name, err) from None
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
