"""Argument checks shared by the helpers: every failure is a ``ValueError`` naming the argument."""

from __future__ import annotations

import math
from collections.abc import Iterable
from numbers import Integral, Real

import numpy as np
import pandas as pd


def real(name: str, value: object, *, min_value: float | None = None, max_value: float | None = None,
         strict_min: bool = False) -> float:
    """Return ``value`` as a finite float within bounds, or raise ``ValueError`` naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, Real | np.number):
        raise ValueError(f"{name}: expected a number, got {value!r}")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name}: must be finite, got {value!r}")
    if min_value is not None and (number <= min_value if strict_min else number < min_value):
        relation = ">" if strict_min else ">="
        raise ValueError(f"{name}: must be {relation} {min_value}, got {value!r}")
    if max_value is not None and number > max_value:
        raise ValueError(f"{name}: must be <= {max_value}, got {value!r}")
    return number


def whole(name: str, value: object, *, min_value: int = 0) -> int:
    """Return ``value`` as an int >= ``min_value``, or raise ``ValueError`` naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, Integral | np.integer):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            raise ValueError(f"{name}: expected a whole number, got {value!r}")
    if int(value) < min_value:
        raise ValueError(f"{name}: must be >= {min_value}, got {value!r}")
    return int(value)


def array(name: str, value: object, *, min_value: float | None = None) -> np.ndarray:
    """Return ``value`` as a finite float array (scalars allowed) with an optional lower bound."""
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name}: expected numbers, got {value!r}") from None
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name}: must be finite (no NaN or infinity)")
    if min_value is not None and np.any(arr < min_value):
        raise ValueError(f"{name}: must be >= {min_value}")
    return arr


def frame(name: str, value: object, columns: Iterable[str]) -> pd.DataFrame:
    """Return ``value`` if it is a non-empty DataFrame with ``columns``, else raise ``ValueError``."""
    if not isinstance(value, pd.DataFrame):
        raise ValueError(f"{name}: expected a pandas DataFrame, got {type(value).__name__}")
    missing = [c for c in columns if c not in value.columns]
    if missing:
        raise ValueError(f"{name}: missing column(s) {', '.join(missing)}")
    if value.empty:
        raise ValueError(f"{name}: the table is empty")
    return value


def scalar_or_array(arr: np.ndarray) -> float | np.ndarray:
    """A 0-d array as a float, any other array unchanged (functions that accept scalars or arrays)."""
    return float(arr) if arr.ndim == 0 else arr


def title(value: object, *, name: str = "title") -> str:
    """A figure title: a non-empty string that states the finding."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name}: give a non-empty title that states the finding")
    return value


def wrap(value: object, *, min_value: int = 10, name: str = "wrap") -> int:
    """Characters per wrapped label line: a whole number >= ``min_value`` (``True`` is refused)."""
    if isinstance(value, bool) or not isinstance(value, Integral) or value < min_value:
        raise ValueError(f"{name}: must be an integer >= {min_value}, got {value!r}")
    return int(value)


def choice(name: str, value: object, allowed: Iterable[str], *, allow_all: bool = False) -> str | None:
    """One of ``allowed``; with ``allow_all``, ``None`` or ``"all"`` gives ``None`` (no filter)."""
    options = list(allowed)
    if allow_all and (value is None or value == "all"):
        return None
    if not isinstance(value, str) or value not in options:
        prefix = "'all' or " if allow_all else ""
        raise ValueError(f"{name}: must be {prefix}one of {options}, got {value!r}")
    return value


def columns(name: str, value: object, required: Iterable[str]) -> pd.DataFrame:
    """A DataFrame (possibly empty) that has the ``required`` columns."""
    if not isinstance(value, pd.DataFrame):
        raise ValueError(f"{name}: expected a pandas DataFrame, got {type(value).__name__}")
    missing = sorted(set(required) - set(value.columns))
    if missing:
        raise ValueError(f"{name}: missing column(s) {missing}")
    return value


def level(value: object, *, name: str = "level") -> float:
    """A confidence level strictly between 0 and 1 (0.95 for a 95 % interval)."""
    number = real(name, value, min_value=0.0, strict_min=True)
    if number >= 1.0:
        raise ValueError(f"{name}: must be < 1, got {value!r}")
    return number
