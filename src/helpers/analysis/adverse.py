"""Adverse events against placebo (notebooks 04 and 05): risk differences, NNH, trial and body-system lists.
"""

from __future__ import annotations

import math

import pandas as pd

from helpers._validate import frame
from helpers._validate import level as check_level
from helpers.science.stats import number_needed, risk_difference

__all__ = [
    "TRIAL_COLUMNS",
    "body_systems",
    "risk_differences",
    "trial_names",
]

_RD_COLUMNS = ("event", "events_esketamine", "n_esketamine", "events_placebo", "n_placebo")
#: The columns a table of adverse events by trial arm must have (``adverse_events_trials``).
TRIAL_COLUMNS = ("trial", "arm", "arm_type", "n", "event", "events", "pct")


def risk_differences(table: pd.DataFrame, level: float = 0.95) -> pd.DataFrame:
    """Risk difference (esketamine minus placebo) and number needed to harm for every event.

    Parameters
    ----------
    table
        One row per event with columns ``event``, ``events_esketamine``, ``n_esketamine``,
        ``events_placebo`` and ``n_placebo`` (patient counts), such as ``data.load("adverse_events_label")``.
    level
        Confidence level of the intervals, in (0, 1).

    Returns
    -------
    pandas.DataFrame
        ``event``, ``pct_esketamine``, ``pct_placebo`` [percent], ``rd_pp``, ``rd_low_pp``, ``rd_high_pp``
        [percentage points; Newcombe hybrid score interval], ``nnh``, ``nnh_low``, ``nnh_high`` [patients;
        NaN limits when the interval of the difference includes zero] and ``differs`` (True when the
        interval excludes zero), sorted by ``rd_pp``, largest first.

    Raises
    ------
    ValueError
        ``table`` is not a DataFrame, lacks a column or has an invalid count; ``level`` is outside (0, 1).
    """
    table = frame("table", table, _RD_COLUMNS)
    level = check_level(level)
    rows = []
    for _, row in table.iterrows():
        try:
            rd = risk_difference(row["events_esketamine"], row["n_esketamine"], row["events_placebo"],
                                 row["n_placebo"], level)
        except ValueError as err:
            raise ValueError(f"table: event {row['event']!r}: {err}") from None
        nn = number_needed(rd, "harm")
        rows.append({
            "event": str(row["event"]),
            "pct_esketamine": 100 * rd.risk_treated,
            "pct_placebo": 100 * rd.risk_control,
            "rd_pp": 100 * rd.difference,
            "rd_low_pp": 100 * rd.low,
            "rd_high_pp": 100 * rd.high,
            "nnh": nn.value if rd.difference > 0 else math.nan,
            "nnh_low": nn.low if nn.bounded and rd.difference > 0 else math.nan,
            "nnh_high": nn.high if nn.bounded and rd.difference > 0 else math.nan,
            "differs": not rd.includes_zero,
        })
    out = pd.DataFrame(rows)
    return out.sort_values("rd_pp", ascending=False, kind="stable").reset_index(drop=True)


def trial_names(trials: pd.DataFrame) -> list[str]:
    """The trials in ``trials`` (``data.load("adverse_events_trials")``), in order of appearance."""
    trials = frame("trials", trials, TRIAL_COLUMNS)
    return list(dict.fromkeys(str(t) for t in trials["trial"]))


def _adverse_table(table: object) -> pd.DataFrame:
    if not isinstance(table, pd.DataFrame):
        raise ValueError(f"table: expected a DataFrame, got {type(table).__name__}")
    if "body_system" not in table.columns:
        raise ValueError("table: missing column 'body_system'")
    if table.empty:
        raise ValueError("table: the table is empty")
    return table


def body_systems(table: pd.DataFrame) -> list[str]:
    """The body systems of an adverse-event table (``data.load("adverse_events_label")``), sorted."""
    return sorted(str(b) for b in _adverse_table(table)["body_system"].unique())
