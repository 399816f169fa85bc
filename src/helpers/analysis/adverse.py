"""Adverse events against placebo (notebooks 04 and 05): risk differences, NNH, trial and body-system lists.

Also the plain words a first-year student needs beside the label's medical terms (:data:`LAY_TERMS`), the
differences between the arms of one trial (:func:`trial_differences`) and the chronic-use harms as a table to
read (:func:`chronic_harms_table`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd

from helpers._validate import frame
from helpers._validate import level as check_level
from helpers.science.stats import number_needed, risk_difference

__all__ = [
    "CHRONIC_HARM_NAMES",
    "LAY_TERMS",
    "TRIAL_COLUMNS",
    "body_systems",
    "chronic_harms_table",
    "event_label",
    "risk_differences",
    "trial_differences",
    "trial_names",
]

#: Plain words for the medical (MedDRA) terms of the label's and the trials' adverse-event tables. The
#: tables keep the label's US spelling ("Diarrhea", "Hypoesthesia"); only terms a first-year student is
#: unlikely to know are listed.
LAY_TERMS: dict[str, str] = {
    "Dysarthria": "slurred speech",
    "Dysgeusia": "altered taste",
    "Hyperhidrosis": "heavy sweating",
    "Hypoesthesia": "numbness",
    "Lethargy": "lack of energy",
    "Oropharyngeal pain": "sore throat",
    "Pollakiuria": "passing urine often",
    "Somnolence": "sleepiness",
    "Tachycardia": "fast heart rate",
    "Vertigo": "spinning sensation",
}

#: Words for the ``harm`` keys of ``chronic_use_harms.csv``.
CHRONIC_HARM_NAMES: dict[str, str] = {
    "urinary_symptoms": "Urinary symptoms",
    "urinary_improved_after_stopping": "Urinary symptoms after stopping: better",
    "urinary_worse_after_stopping": "Urinary symptoms after stopping: worse",
    "ulcerative_cystitis": "Bladder damage (ulcerative cystitis)",
    "dependence": "Dependence",
    "memory_deficits": "Memory deficits",
}

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


def event_label(event: str) -> str:
    """The event's name with plain words in brackets when it is a medical term of :data:`LAY_TERMS`.

    >>> event_label("Hypoesthesia"), event_label("Nausea")
    ('Hypoesthesia (numbness)', 'Nausea')

    Raises
    ------
    ValueError
        ``event`` is not a non-empty string.
    """
    if not isinstance(event, str) or not event.strip():
        raise ValueError(f"event: expected an event name, got {event!r}")
    lay = LAY_TERMS.get(event)
    return f"{event} ({lay})" if lay else event


def trial_differences(trials: pd.DataFrame, trial: str, level: float = 0.95) -> pd.DataFrame:
    """Each esketamine arm of one trial against its placebo arm, event by event.

    Parameters
    ----------
    trials
        ``data.load("adverse_events_trials")``: one row per trial, arm and event.
    trial
        One of :func:`trial_names`.
    level
        Confidence level of the intervals, in (0, 1).

    Returns
    -------
    pandas.DataFrame
        ``event``, ``arm``, ``pct`` and ``pct_placebo`` [percent], ``rd_pp``, ``rd_low_pp``, ``rd_high_pp``
        [percentage points; Newcombe interval] and ``differs`` (True when the interval excludes zero), in
        the order of the trial's table.

    Raises
    ------
    ValueError
        ``trials`` lacks a column, ``trial`` is unknown or has no single placebo arm, or ``level`` is
        outside (0, 1).
    """
    names = trial_names(trials)
    if not isinstance(trial, str) or trial not in names:
        raise ValueError(f"trial: unknown trial {trial!r}; choose one of {', '.join(names)}")
    level = check_level(level)
    sub = trials[trials["trial"] == trial]
    placebo_arms = list(dict.fromkeys(sub.loc[sub["arm_type"] == "placebo", "arm"]))
    if len(placebo_arms) != 1:
        raise ValueError(f"trial: {trial!r} needs exactly one placebo arm, found {len(placebo_arms)}")
    placebo = sub[sub["arm"] == placebo_arms[0]].set_index("event")
    rows = []
    for _, row in sub[sub["arm_type"] == "esketamine"].iterrows():
        if row["event"] not in placebo.index:
            continue
        control = placebo.loc[row["event"]]
        rd = risk_difference(int(row["events"]), int(row["n"]), int(control["events"]), int(control["n"]),
                             level)
        rows.append({"event": str(row["event"]), "arm": str(row["arm"]), "pct": float(row["pct"]),
                     "pct_placebo": float(control["pct"]), "rd_pp": 100 * rd.difference,
                     "rd_low_pp": 100 * rd.low, "rd_high_pp": 100 * rd.high, "differs": not rd.includes_zero})
    return pd.DataFrame(rows, columns=["event", "arm", "pct", "pct_placebo", "rd_pp", "rd_low_pp",
                                       "rd_high_pp", "differs"])


def chronic_harms_table(harms: pd.DataFrame, cite: Callable[[str], str]) -> pd.DataFrame:
    """The harms of chronic non-medical use as a table to read: harm, finding, who was studied, source.

    Parameters
    ----------
    harms
        ``data.load("chronic_use_harms")`` (columns ``harm``, ``population``, ``finding``, ``source_id``).
    cite
        Turns a source id into a short citation, such as
        ``lambda s: helpers.data.citation(s, short=True)``.

    Returns
    -------
    pandas.DataFrame
        Columns "Harm", "Finding", "Who was studied", "Source", one row per finding, grouped by harm in the
        order of :data:`CHRONIC_HARM_NAMES`.

    Raises
    ------
    ValueError
        ``harms`` lacks a column or names a harm without words in :data:`CHRONIC_HARM_NAMES`; ``cite`` is
        not callable.
    """
    harms = frame("harms", harms, ("harm", "population", "finding", "source_id"))
    if not callable(cite):
        raise ValueError(f"cite: expected a function of a source id, got {type(cite).__name__}")
    unknown = sorted(set(harms["harm"]) - set(CHRONIC_HARM_NAMES))
    if unknown:
        raise ValueError(f"harms: no words for harm(s) {', '.join(map(str, unknown))}")
    order = {key: n for n, key in enumerate(CHRONIC_HARM_NAMES)}
    rows = harms.assign(_order=harms["harm"].map(order)).sort_values("_order", kind="stable")
    return pd.DataFrame({
        "Harm": [CHRONIC_HARM_NAMES[h] for h in rows["harm"]],
        "Finding": list(rows["finding"]),
        "Who was studied": list(rows["population"]),
        "Source": [cite(s) for s in rows["source_id"]],
    })


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
