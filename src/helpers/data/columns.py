"""Column builders of the course's pandera schemas: one function per kind of column, and ``table()``.

Conventions shared by every table except ``sources`` (added by :func:`table`):

- ``source_id`` (required): one or more ids from ``sources.csv`` separated by ``"; "``;
- ``where_in_source`` and ``notes`` (optional): free text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandera.pandas as pa

from helpers._workarounds import import_pandera_strategies_without_hypothesis

import_pandera_strategies_without_hypothesis()  # before the first pandera check is built

__all__ = ["choice", "count", "integer", "nonneg", "number", "pct", "table", "text"]


def _bounds(min_value: float | None, max_value: float | None) -> list[pa.Check]:
    """Inclusive range checks for whichever of ``min_value`` and ``max_value`` is given, each with the
    plain words a data error shows ("must be at least 1900")."""
    checks = []
    if min_value is not None:
        checks.append(pa.Check.ge(min_value, error=f"must be at least {min_value:g}"))
    if max_value is not None:
        checks.append(pa.Check.le(max_value, error=f"must be at most {max_value:g}"))
    return checks


def text(*, required: bool = True, pattern: str | None = None, means: str | None = None,
         unique: bool = False) -> pa.Column:
    """A text column; ``required`` forbids empty cells, ``pattern`` is a full-match regex and ``means`` says
    in words what it asks for ("a date like 1999-08-12"), for data errors."""
    checks = []
    if pattern:
        error = f"must be {means}" if means else f"must match the pattern {pattern}"
        checks.append(pa.Check.str_matches(rf"^(?:{pattern})$", error=error))
    return pa.Column(str, checks=checks, nullable=not required, unique=unique, coerce=True)


def number(
    *, required: bool = True, min_value: float | None = None, max_value: float | None = None
) -> pa.Column:
    """A real-valued column with optional inclusive bounds."""
    return pa.Column(float, checks=_bounds(min_value, max_value), nullable=not required, coerce=True)


def nonneg(*, required: bool = True, max_value: float | None = None) -> pa.Column:
    """A non-negative real column (concentrations, doses, times)."""
    return number(required=required, min_value=0.0, max_value=max_value)


def pct(*, required: bool = True) -> pa.Column:
    """A percentage in [0, 100]."""
    return number(required=required, min_value=0.0, max_value=100.0)


def integer(
    *, required: bool = True, min_value: int | None = None, max_value: int | None = None
) -> pa.Column:
    """An integer column (nullable ``Int64`` so that optional cells may be empty)."""
    return pa.Column("Int64", checks=_bounds(min_value, max_value), nullable=not required, coerce=True)


def count(*, required: bool = True) -> pa.Column:
    """A non-negative integer count (patients, events)."""
    return integer(required=required, min_value=0)


def choice(values: Iterable[str], *, required: bool = True) -> pa.Column:
    """A text column restricted to ``values``."""
    values = list(values)
    return pa.Column(str, checks=[pa.Check.isin(values, error="must be one of: " + ", ".join(values))],
                     nullable=not required, coerce=True)


def _not_above(part: str, whole: str) -> pa.Check:
    def check(df):  # one boolean per row; missing values pass
        return df[part].isna() | df[whole].isna() | (df[part] <= df[whole])

    return pa.Check(check, name=f"{part} <= {whole}", error=f"{part} must not exceed {whole}")


def table(
    columns: Mapping[str, pa.Column],
    *,
    not_above: Iterable[tuple[str, str]] = (),
    unique: list[str] | None = None,
    with_source: bool = True,
) -> pa.DataFrameSchema:
    """Build a table schema with the course's shared columns.

    Parameters
    ----------
    columns
        The table's own columns, in order.
    not_above
        Pairs ``(part, whole)`` such as ``("events", "n")``: ``part`` may not exceed ``whole`` in any row.
    unique
        Columns whose combination must be unique (a compound key).
    with_source
        Add the required ``source_id`` column and the optional ``where_in_source`` and ``notes`` columns.
    """
    cols = dict(columns)
    if with_source:
        cols.setdefault("source_id", text())
        for optional in ("where_in_source", "notes"):  # columns a table may leave out
            cols.setdefault(optional, pa.Column(str, nullable=True, required=False, coerce=True))
    return pa.DataFrameSchema(
        cols,
        checks=[_not_above(a, b) for a, b in not_above],
        strict=True,
        unique=unique,
        coerce=True,
    )
