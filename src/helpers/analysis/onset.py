"""Response rates with Wilson intervals and arm differences (NNT) from the onset tables of notebook 03.
"""

from __future__ import annotations

import math

import pandas as pd

from helpers._validate import frame, real
from helpers.science import stats

__all__ = [
    "arm_differences",
    "response_with_ci",
]

def response_with_ci(responses: pd.DataFrame, level: float = 0.95) -> pd.DataFrame:
    """Add a 95 % (or ``level``) confidence interval to every response rate, in percent.

    Rows with counts (``n`` and ``responders``) get a Wilson score interval computed from the counts
    (:func:`helpers.science.stats.wilson_ci`); rows without counts keep the interval reported in the source
    (``ci_low_pct``, ``ci_high_pct``), which is only valid at the 95 % level.

    Parameters
    ----------
    responses
        A table like ``helpers.data.load("early_response")``.
    level
        Confidence level in (0, 1).

    Returns
    -------
    pandas.DataFrame
        A copy with ``rate_pct``, ``low_pct``, ``high_pct`` and ``ci_method`` (``"Wilson (computed)"`` or
        ``"reported"``).
    """
    frame("responses", responses, ["n", "responders", "response_pct", "ci_low_pct", "ci_high_pct"])
    level = real("level", level, min_value=0.0, max_value=1.0, strict_min=True)
    rates, lows, highs, methods = [], [], [], []
    for row in responses.itertuples(index=False):
        if pd.notna(row.n) and pd.notna(row.responders):
            low, high = stats.wilson_ci(int(row.responders), int(row.n), level)
            rates.append(100 * int(row.responders) / int(row.n))
            lows.append(100 * low)
            highs.append(100 * high)
            methods.append("Wilson (computed)")
        elif pd.notna(row.ci_low_pct) and pd.notna(row.ci_high_pct):
            if not math.isclose(level, 0.95):
                raise ValueError("level: reported intervals are 95 %; use level=0.95 for rows without counts")
            rates.append(float(row.response_pct))
            lows.append(float(row.ci_low_pct))
            highs.append(float(row.ci_high_pct))
            methods.append("reported")
        else:
            raise ValueError("responses: each row needs counts (n, responders) or a reported CI")
    out = responses.copy()
    out["rate_pct"], out["low_pct"], out["high_pct"], out["ci_method"] = rates, lows, highs, methods
    return out


def arm_differences(responses: pd.DataFrame, study: str, level: float = 0.95) -> pd.DataFrame:
    """Risk difference (Newcombe interval) and NNT of every drug arm of one study against its control.

    Parameters
    ----------
    responses
        A table like ``helpers.data.load("early_response")``.
    study
        A value of the ``study`` column whose rows have counts and exactly one ``control`` arm.
    level
        Confidence level in (0, 1).

    Returns
    -------
    pandas.DataFrame
        One row per drug arm: ``arm``, ``drug`` and ``control`` (``"events/n"``), ``difference_pct``,
        ``low_pct``, ``high_pct`` (percentage points) and ``nnt`` (text with its interval).
    """
    frame("responses", responses, ["study", "arm", "role", "n", "responders"])
    rows = responses[responses["study"] == study] if isinstance(study, str) else None
    if rows is None or rows.empty:
        known = ", ".join(sorted(set(responses["study"])))
        raise ValueError(f"study: unknown study {study!r}; known: {known}")
    if rows["n"].isna().any() or rows["responders"].isna().any():
        raise ValueError(f"study: {study!r} has no counts (model estimates only)")
    control = rows[rows["role"] == "control"]
    if len(control) != 1:
        raise ValueError(f"study: {study!r} must have exactly one control arm, found {len(control)}")
    e0, n0 = int(control["responders"].iloc[0]), int(control["n"].iloc[0])
    out = []
    for row in rows[rows["role"] == "drug"].itertuples(index=False):
        rd = stats.risk_difference(int(row.responders), int(row.n), e0, n0, level)
        out.append({
            "arm": row.arm,
            "drug": f"{int(row.responders)}/{int(row.n)}",
            "control": f"{e0}/{n0}",
            "difference_pct": round(100 * rd.difference, 1),
            "low_pct": round(100 * rd.low, 1),
            "high_pct": round(100 * rd.high, 1),
            "nnt": str(stats.number_needed(rd)),
        })
    columns = ["arm", "drug", "control", "difference_pct", "low_pct", "high_pct", "nnt"]
    return pd.DataFrame(out, columns=columns)
