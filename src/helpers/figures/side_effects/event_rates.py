"""Notebook 04's charts of how often adverse events occur: drug against placebo, per trial, per arm.

:func:`plot_risk_differences` draws the label's pooled table (percentages and the risk difference with its
95% interval), :func:`plot_trials` one panel per trial and :func:`plot_trial_events` the events of one trial
with 95% Wilson intervals. Every arm keeps its course style (:func:`~helpers.figures.side_effects.arm_key`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib import patheffects
from matplotlib.figure import Figure

from helpers._validate import frame, real
from helpers._validate import title as check_title
from helpers.analysis.adverse import TRIAL_COLUMNS, event_label, trial_differences, trial_names
from helpers.figures.side_effects.styles import ARM_KEYS, DRUG_STYLE, PLACEBO_STYLE, _filled, _open, arm_key
from helpers.figures.style import LINESTYLES, OKABE_ITO, figure
from helpers.science.stats import wilson_ci

__all__ = ["plot_risk_differences", "plot_trial_events", "plot_trials"]

_DRUG_LABEL = "esketamine spray + oral antidepressant"
_PLACEBO_LABEL = "placebo spray + oral antidepressant"


def _legend_above(fig: Figure, handles: list, title: str, *, ncols: int) -> None:
    """Lay the figure out, then put the legend above the panels and the title above the legend: never
    over the data. :func:`helpers.figures.show` crops to everything drawn, outside the canvas too."""
    fig.tight_layout()
    legend = fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=ncols,
                        fontsize=11, frameon=False)
    height = legend.get_window_extent(fig.canvas.get_renderer()).height / fig.bbox.height
    fig.suptitle(title, y=1.0 + height + 0.005, va="bottom", fontsize=14, fontweight="bold")


def _words(text: str) -> str:
    """Abbreviations of the source tables spelled out for a legend."""
    return str(text).replace("oral AD", "oral antidepressant")


def plot_risk_differences(rd: pd.DataFrame, *, title: str, top: int | None = None, lay_terms: bool = False,
                          drug_label: str = _DRUG_LABEL, placebo_label: str = _PLACEBO_LABEL) -> Figure:
    """Dot chart of percentages (drug beside placebo) and a forest plot of risk differences.

    Parameters
    ----------
    rd
        Output of :func:`helpers.analysis.adverse.risk_differences`.
    title
        Figure title; state the finding.
    top
        Show only the ``top`` events with the largest risk difference (default: all).
    lay_terms
        Add plain words to medical terms in the event names ("Hypoesthesia (numbness)"; see
        :data:`helpers.analysis.adverse.LAY_TERMS`).
    drug_label, placebo_label
        Legend words for the two groups (both groups of the label's trials also started a new oral
        antidepressant, which the default words say).

    Returns
    -------
    matplotlib.figure.Figure
        Two panels sharing the event axis, the legend above them (never over the data).

    Raises
    ------
    ValueError
        ``rd`` lacks a column, ``title`` is empty, ``top`` is not a whole number >= 1, or a label is empty.
    """
    rd = frame("rd", rd, ("event", "pct_esketamine", "pct_placebo", "rd_pp", "rd_low_pp", "rd_high_pp",
                           "differs"))
    check_title(title)
    check_title(drug_label, name="drug_label")
    check_title(placebo_label, name="placebo_label")
    if top is not None:
        if isinstance(top, bool) or not isinstance(top, int | np.integer) or top < 1:
            raise ValueError(f"top: must be a whole number >= 1, got {top!r}")
        rd = rd.head(int(top))
    rd = rd.iloc[::-1]  # largest difference at the top of the chart
    y = np.arange(len(rd))
    height = max(3.6, 2.0 + 0.34 * len(rd))  # [inch]: room for the legend above a short chart too
    fig, (left, right) = figure(1, 2, figsize=(11, height), sharey=True,
                                gridspec_kw={"width_ratios": [1, 1.1]})
    left.hlines(y, rd["pct_placebo"], rd["pct_esketamine"], color="#bbbbbb", linewidth=1.5, zorder=1)
    left.plot(rd["pct_esketamine"], y, label=drug_label, clip_on=False, zorder=3, **DRUG_STYLE)
    left.plot(rd["pct_placebo"], y, label=placebo_label, clip_on=False, zorder=3, **PLACEBO_STYLE)
    names = [event_label(e) if lay_terms else str(e) for e in rd["event"]]
    left.set_yticks(y, names)
    left.set_ylim(-0.6, len(rd) - 0.4)
    left.set_xlabel("Patients with the event (%)")
    x_max = max(5.0, float(rd["pct_esketamine"].max()) * 1.1)  # [%]
    left.set_xlim(-0.03 * x_max, x_max)  # a 0 % marker stays clear of the axis line
    left.set_title("How often", fontsize=13)

    differs = rd["differs"].to_numpy(dtype=bool)
    err = np.vstack([rd["rd_pp"] - rd["rd_low_pp"], rd["rd_high_pp"] - rd["rd_pp"]])
    right.errorbar(rd["rd_pp"], y, xerr=err, fmt="none", ecolor=OKABE_ITO["black"], elinewidth=1.4, capsize=3)
    if differs.any():
        right.plot(rd["rd_pp"][differs], y[differs], linestyle="none", marker="D",
                   color=OKABE_ITO["vermillion"], markeredgecolor="#222222", markersize=7,
                   label="95% interval excludes 0")
    if (~differs).any():
        right.plot(rd["rd_pp"][~differs], y[~differs], linestyle="none", marker="D", color=OKABE_ITO["black"],
                   markerfacecolor="white", markersize=7, label="95% interval includes 0")
    right.axvline(0, color="#555555", linestyle=LINESTYLES[1], linewidth=1)
    right.set_xlabel("Drug minus placebo (percentage points)")
    right.set_title("Excess over placebo, with 95% interval", fontsize=13)
    handles = [*left.get_legend_handles_labels()[0], *right.get_legend_handles_labels()[0]]
    _legend_above(fig, handles, title, ncols=2)
    return fig


def _check_trial(trials: pd.DataFrame, trial: object) -> str:
    names = trial_names(trials)
    if not isinstance(trial, str) or trial not in names:
        raise ValueError(f"trial: unknown trial {trial!r}; choose one of {', '.join(names)}")
    return trial


def _arm_label(rows: pd.DataFrame, *, short: bool) -> str:
    n = int(rows["n"].iloc[0])
    if not short:
        return f"{_words(rows['arm'].iloc[0])} (n = {n})"
    if (rows["arm_type"] == "placebo").all():
        return f"placebo (n = {n})"
    dose = rows["dose_mg"].iloc[0] if "dose_mg" in rows.columns else None
    dose_text = "56 or 84 mg" if dose is None or pd.isna(dose) else f"{float(dose):g} mg"
    return f"esketamine {dose_text} (n = {n})"


def _arm_dots(ax, sub: pd.DataFrame, events: list[str], y: np.ndarray, *, whiskers: bool,
              short: bool = False) -> None:
    arms = list(dict.fromkeys(sub["arm"]))
    offsets = np.linspace(0.22, -0.22, len(arms)) if len(arms) > 1 else np.zeros(1)
    outline = [patheffects.Stroke(linewidth=3.0, foreground="#333333"), patheffects.Normal()]
    for offset, arm in zip(offsets, arms, strict=True):
        rows = sub[sub["arm"] == arm]
        key = arm_key(rows)
        style = _open(key) if key == ARM_KEYS["placebo"] else _filled(key)
        rows = rows.set_index("event")
        xs, ys, lo, hi = [], [], [], []
        for yi, event in zip(y, events, strict=True):
            if event not in rows.index:
                continue
            r = rows.loc[event]
            xs.append(float(r["pct"]))
            ys.append(yi + offset)
            low, high = wilson_ci(int(r["events"]), int(r["n"]))
            lo.append(float(r["pct"]) - 100 * low)
            hi.append(100 * high - float(r["pct"]))
        if whiskers and xs:
            bars = ax.errorbar(xs, ys, xerr=np.vstack([np.maximum(lo, 0), np.maximum(hi, 0)]), fmt="none",
                               ecolor=style["color"], elinewidth=1.8, capsize=0, zorder=2)
            for line in bars.lines[2]:
                line.set_path_effects(outline)  # a dark edge keeps light colours visible on a projector
        ax.plot(xs, ys, label=_arm_label(rows.reset_index(), short=short), clip_on=False, zorder=3, **style)


def plot_trials(trials: pd.DataFrame, events: Sequence[str], *, title: str) -> Figure:
    """One panel per trial: how often each event occurred in every arm (drug arms beside placebo).

    Events a trial's table did not list (below its reporting threshold) are marked "not listed": not
    reported, which is not the same as zero. Each arm keeps its style in every panel (:func:`arm_key`).

    Parameters
    ----------
    trials
        ``data.load("adverse_events_trials")``.
    events
        Event names to show (each must occur in ``trials``).
    title
        Figure title; state the finding.

    Raises
    ------
    ValueError
        ``trials`` lacks a column, ``events`` is empty or names an unknown event, or ``title`` is empty.
    """
    trials = frame("trials", trials, TRIAL_COLUMNS)
    if isinstance(events, str) or not isinstance(events, Sequence) or len(events) == 0:
        raise ValueError("events: give a non-empty list of event names")
    known = set(trials["event"])
    for event in events:
        if event not in known:
            raise ValueError(f"events: unknown event {event!r}")
    check_title(title)
    events = list(events)[::-1]
    names = trial_names(trials)
    y = np.arange(len(events))
    fig, axes = figure(1, len(names), figsize=(3.7 * len(names) + 2.0, 2.4 + 0.5 * len(events)), sharey=True,
                       sharex=True)
    axes = np.atleast_1d(axes)
    xmax = float(trials.loc[trials["event"].isin(events), "pct"].max()) * 1.1
    for ax, name in zip(axes, names, strict=True):
        sub = trials[(trials["trial"] == name) & trials["event"].isin(events)]
        _arm_dots(ax, sub, events, y, whiskers=False, short=True)
        for yi, event in zip(y, events, strict=True):
            if event not in set(sub["event"]):
                ax.text(xmax * 0.03, yi, "not listed", va="center", fontsize=11, color="#444444",
                        style="italic")
        ax.set_title(name, fontsize=13)
        ax.set_xlim(-0.04 * xmax, xmax)  # a 0 % marker stays clear of the axis line
        ax.set_ylim(-0.6, len(events) - 0.4)
        ax.set_xlabel("Patients (%)")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), fontsize=11, frameon=False)
    axes[0].set_yticks(y, [event_label(e) for e in events])
    fig.suptitle(title, fontsize=14, fontweight="bold")
    fig.tight_layout()
    return fig


def _finding(trials: pd.DataFrame, trial: str, events: list[str], threshold: float) -> str:
    diffs = trial_differences(trials, trial)
    clear = diffs[diffs["event"].isin(events) & diffs["differs"] & (diffs["rd_pp"] > 0)]["event"].nunique()
    doses = diffs["arm"].nunique()
    where = " (at either dose)" if doses > 1 else ""
    return (f"{trial}: {clear} of {len(events)} events clearly more common on esketamine{where}\n"
            f"(showing events in at least {threshold:g}% of an esketamine arm)")


def plot_trial_events(trials: pd.DataFrame, trial: str = "TRANSFORM-1", min_pct: float = 10.0, *,
                      title: str | None = None) -> Figure:
    """Events of one trial reported in at least ``min_pct`` percent of an esketamine arm, with 95% Wilson CIs.

    Parameters
    ----------
    trials
        ``data.load("adverse_events_trials")``.
    trial
        A trial name from :func:`helpers.analysis.adverse.trial_names`.
    min_pct
        Threshold [percent, 0-100] applied to the highest esketamine arm.
    title
        Figure title; by default the finding: how many of the events shown are clearly more common on
        esketamine (the 95% interval of the difference from placebo excludes zero for at least one dose).

    Raises
    ------
    ValueError
        ``trial`` is unknown, ``min_pct`` is not a number in [0, 100], or ``title`` is empty.
    """
    trials = frame("trials", trials, TRIAL_COLUMNS)
    trial = _check_trial(trials, trial)
    threshold = real("min_pct", min_pct, min_value=0.0, max_value=100.0)
    if title is not None:
        check_title(title)
    sub = trials[trials["trial"] == trial]
    drug_max = sub[sub["arm_type"] == "esketamine"].groupby("event")["pct"].max()
    shown = drug_max[drug_max >= threshold].sort_values(kind="stable")
    fig, ax = figure(figsize=(11, max(3.4, 2.0 + 0.42 * len(shown))))
    if shown.empty:
        ax.text(0.5, 0.5, f"No event reached {threshold:g}% in an esketamine arm of {trial}",
                ha="center", va="center", transform=ax.transAxes, fontsize=12)
        ax.set_yticks([])
        heading = title or f"{trial}: no event in at least {threshold:g}% of an esketamine arm"
    else:
        events = list(shown.index)
        y = np.arange(len(events))
        _arm_dots(ax, sub[sub["event"].isin(events)], events, y, whiskers=True)
        ax.set_yticks(y, [event_label(e) for e in events])
        ax.set_ylim(-0.6, len(events) - 0.4)
        heading = title or _finding(trials, trial, events, threshold)
    x_max = 100 if shown.empty else min(100.0, float(sub["pct"].max()) * 1.25 + 5)  # [%]
    ax.set_xlim(-0.03 * x_max, x_max)  # a 0 % marker stays clear of the axis line
    ax.set_xlabel("Patients with the event (%), with 95% interval")
    handles = ax.get_legend_handles_labels()[0]
    if handles:
        _legend_above(fig, handles, heading, ncols=2)
    else:
        ax.set_title(heading, fontsize=13)
        fig.tight_layout()
    return fig
