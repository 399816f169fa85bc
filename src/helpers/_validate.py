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
