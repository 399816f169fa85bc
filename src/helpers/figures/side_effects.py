"""Notebook 04's charts: risk differences against placebo, adverse events across trials, the time course.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from helpers._validate import frame, real
from helpers._validate import title as check_title
from helpers.analysis.adverse import TRIAL_COLUMNS, trial_names
from helpers.figures.rendering import show
from helpers.figures.style import LINESTYLES, MARKERS, PALETTE, figure
from helpers.science.stats import wilson_ci

__all__ = [
    "DRUG_STYLE",
    "PLACEBO_STYLE",
    "plot_risk_differences",
    "plot_time_course",
    "plot_trial_events",
    "plot_trials",
    "show_trial_events",
]

#: Marker styles: esketamine arms are filled circles, placebo arms open squares (shape carries the meaning).
DRUG_STYLE: dict[str, object] = {"marker": MARKERS[0], "color": PALETTE[0], "markerfacecolor": PALETTE[0],
                                 "linestyle": "none", "markersize": 7}


PLACEBO_STYLE: dict[str, object] = {"marker": MARKERS[1], "color": PALETTE[1], "markerfacecolor": "white",
                                    "markeredgewidth": 1.6, "linestyle": "none", "markersize": 7}




_TIME_COLUMNS = ("effect", "product", "milestone", "time_min")


def plot_risk_differences(rd: pd.DataFrame, *, title: str, top: int | None = None) -> Figure:
    """Dot chart of percentages (drug beside placebo) and a forest plot of risk differences.

    Parameters
    ----------
    rd
        Output of :func:`risk_differences`.
    title
        Figure title; state the finding.
    top
        Show only the ``top`` events with the largest risk difference (default: all).
    """
    rd = frame("rd", rd, ("event", "pct_esketamine", "pct_placebo", "rd_pp", "rd_low_pp", "rd_high_pp",
                           "differs"))
    check_title(title)
    if top is not None:
        if isinstance(top, bool) or not isinstance(top, int | np.integer) or top < 1:
            raise ValueError(f"top: must be a whole number >= 1, got {top!r}")
        rd = rd.head(int(top))
    rd = rd.iloc[::-1]  # largest difference at the top of the chart
    y = np.arange(len(rd))
    height = 1.2 + 0.32 * len(rd)  # [inch]
    fig, (left, right) = figure(1, 2, figsize=(10, height), sharey=True,
                                gridspec_kw={"width_ratios": [1, 1.15]})
    left.hlines(y, rd["pct_placebo"], rd["pct_esketamine"], color="#bbbbbb", linewidth=1.5, zorder=1)
    left.plot(rd["pct_esketamine"], y, label="esketamine", **DRUG_STYLE)
    left.plot(rd["pct_placebo"], y, label="placebo", **PLACEBO_STYLE)
    left.set_yticks(y, rd["event"])
    left.set_xlabel("Patients with the event (%)")
    left.set_xlim(0, max(5.0, float(rd["pct_esketamine"].max()) * 1.1))
    left.legend(loc="center right", fontsize=10, title="each + oral AD", title_fontsize=10, frameon=True,
                facecolor="white", framealpha=1.0)
    left.set_title("How often", fontsize=12)

    differs = rd["differs"].to_numpy(dtype=bool)
    err = np.vstack([rd["rd_pp"] - rd["rd_low_pp"], rd["rd_high_pp"] - rd["rd_pp"]])
    right.errorbar(rd["rd_pp"], y, xerr=err, fmt="none", ecolor=PALETTE[6], elinewidth=1.4, capsize=3)
    right.plot(rd["rd_pp"][differs], y[differs], linestyle="none", marker="D", color=PALETTE[3],
               markersize=6, label="95% CI excludes 0")
    right.plot(rd["rd_pp"][~differs], y[~differs], linestyle="none", marker="D", color=PALETTE[6],
               markerfacecolor="white", markersize=6, label="95% CI includes 0")
    right.axvline(0, color="#555555", linestyle=LINESTYLES[1], linewidth=1)
    right.set_xlabel("Drug minus placebo (percentage points)")
    right.legend(loc="lower right", fontsize=10)
    right.set_title("Excess over placebo (95% CI)", fontsize=12)
    fig.suptitle(title, fontsize=13)
    fig.tight_layout()
    return fig


def _check_trial(trials: pd.DataFrame, trial: object) -> str:
    names = trial_names(trials)
    if not isinstance(trial, str) or trial not in names:
        raise ValueError(f"trial: unknown trial {trial!r}; choose one of {', '.join(names)}")
    return trial


def _arm_label(rows: pd.DataFrame, *, short: bool) -> str:
    n = int(rows["n"].iloc[0])
    if not short:
        return f"{rows['arm'].iloc[0]} (n = {n})"
    if (rows["arm_type"] == "placebo").all():
        return f"placebo (n = {n})"
    dose = rows["dose_mg"].iloc[0] if "dose_mg" in rows.columns else None
    dose_text = "flexible dose" if dose is None or pd.isna(dose) else f"{float(dose):g} mg"
    return f"esketamine {dose_text} (n = {n})"


def _arm_dots(ax, sub: pd.DataFrame, events: list[str], y: np.ndarray, *, whiskers: bool,
              short: bool = False) -> None:
    arms = list(dict.fromkeys(sub["arm"]))
    drug_arms = [a for a in arms if (sub.loc[sub["arm"] == a, "arm_type"] == "esketamine").all()]
    offsets = np.linspace(-0.22, 0.22, len(arms)) if len(arms) > 1 else np.zeros(1)
    drug_markers = ["o", "^", "D"]
    for offset, arm in zip(offsets, arms, strict=True):
        rows = sub[sub["arm"] == arm].set_index("event")
        is_drug = arm in drug_arms
        if is_drug:
            k = drug_arms.index(arm)
            style = dict(DRUG_STYLE, marker=drug_markers[k % 3], color=PALETTE[[0, 5, 2][k % 3]],
                         markerfacecolor=PALETTE[[0, 5, 2][k % 3]])
        else:
            style = dict(PLACEBO_STYLE)
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
            ax.errorbar(xs, ys, xerr=np.vstack([np.maximum(lo, 0), np.maximum(hi, 0)]), fmt="none",
                        ecolor=style["color"], elinewidth=1, capsize=2, alpha=0.8)
        ax.plot(xs, ys, label=_arm_label(rows, short=short), **style)


def plot_trials(trials: pd.DataFrame, events: Sequence[str], *, title: str) -> Figure:
    """One panel per trial: how often each event occurred in every arm (drug arms beside placebo).

    Events a trial's table did not list (below its reporting threshold) are marked "not listed".

    Parameters
    ----------
    trials
        ``data.load("adverse_events_trials")``.
    events
        Event names to show (each must occur in ``trials``).
    title
        Figure title; state the finding.
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
    fig, axes = figure(1, len(names), figsize=(3.4 * len(names) + 1.5, 1.6 + 0.45 * len(events)), sharey=True,
                       sharex=True)
    axes = np.atleast_1d(axes)
    xmax = float(trials.loc[trials["event"].isin(events), "pct"].max()) * 1.1
    for ax, name in zip(axes, names, strict=True):
        sub = trials[(trials["trial"] == name) & trials["event"].isin(events)]
        _arm_dots(ax, sub, events, y, whiskers=False, short=True)
        for yi, event in zip(y, events, strict=True):
            if event not in set(sub["event"]):
                ax.text(xmax * 0.02, yi, "not listed", va="center", fontsize=10, color="#555555",
                        style="italic")
        ax.set_title(name, fontsize=12)
        ax.set_xlim(0, xmax)
        ax.set_xlabel("Patients (%)")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), fontsize=10, frameon=False)
    axes[0].set_yticks(y, events)
    fig.suptitle(title, fontsize=13)
    fig.tight_layout()
    return fig


def plot_trial_events(trials: pd.DataFrame, trial: str = "TRANSFORM-1", min_pct: float = 10.0) -> Figure:
    """Events of one trial reported in at least ``min_pct`` percent of an esketamine arm, with 95% Wilson CIs.

    Parameters
    ----------
    trials
        ``data.load("adverse_events_trials")``.
    trial
        A trial name from :func:`trial_names`.
    min_pct
        Threshold [percent, 0-100] applied to the highest esketamine arm.
    """
    trials = frame("trials", trials, TRIAL_COLUMNS)
    trial = _check_trial(trials, trial)
    threshold = real("min_pct", min_pct, min_value=0.0, max_value=100.0)
    sub = trials[trials["trial"] == trial]
    drug_max = sub[sub["arm_type"] == "esketamine"].groupby("event")["pct"].max()
    shown = drug_max[drug_max >= threshold].sort_values(kind="stable")
    fig, ax = figure(figsize=(11, 1.8 + 0.38 * max(len(shown), 1)))
    if shown.empty:
        ax.text(0.5, 0.5, f"No event reached {threshold:g}% in an esketamine arm of {trial}",
                ha="center", va="center", transform=ax.transAxes, fontsize=12)
        ax.set_yticks([])
    else:
        events = list(shown.index)
        y = np.arange(len(events))
        _arm_dots(ax, sub[sub["event"].isin(events)], events, y, whiskers=True)
        ax.set_yticks(y, events)
        ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=10, frameon=False)
    ax.set_xlim(0, 100 if shown.empty else min(100.0, float(sub["pct"].max()) * 1.25 + 5))
    ax.set_xlabel("Patients with the event (%), 95% Wilson interval")
    ax.set_title(f"{trial}: events in at least {threshold:g}% of an esketamine arm", fontsize=12)
    fig.tight_layout()
    return fig


def plot_time_course(course: pd.DataFrame, *, title: str) -> Figure:
    """Schematic timeline of acute effects: when they peak and when they have generally resolved.

    Not a measured curve: each row shows only the milestones stated by its source, joined by a bar.
    The label's minimum monitoring time is shaded.

    Parameters
    ----------
    course
        ``data.load("acute_time_course")``.
    title
        Figure title; state the finding.
    """
    course = frame("course", course, _TIME_COLUMNS)
    check_title(title)
    monitor = course[course["milestone"] == "minimum_monitoring"]
    rows = course[course["milestone"] != "minimum_monitoring"]
    groups = list(dict.fromkeys(zip(rows["effect"], rows["product"], strict=True)))
    fig, ax = figure(figsize=(10, 1.6 + 0.75 * len(groups)))
    if not monitor.empty:
        end = float(monitor["time_min"].max())
        ax.axvspan(0, end, color=PALETTE[2], alpha=0.12, zorder=0)
        ax.axvline(end, color=PALETTE[2], linestyle=LINESTYLES[1], linewidth=1.5)
        ax.text(end + 3, len(groups) - 0.45, f"label: monitor ≥ {end / 60:g} h", fontsize=10, color="#225544",
                va="top")
    labels = []
    for i, (effect, product) in enumerate(groups[::-1]):
        sub = rows[(rows["effect"] == effect) & (rows["product"] == product)].set_index("milestone")
        peak = float(sub.loc["peak", "time_min"]) if "peak" in sub.index else None
        end = float(sub.loc["resolved", "time_min"]) if "resolved" in sub.index else None
        if end is not None:
            ax.hlines(i, 0, end, color=PALETTE[0], linewidth=6, alpha=0.35)
            ax.plot(end, i, marker="s", color=PALETTE[0], markersize=8, linestyle="none")
        if peak is not None:
            ax.plot(peak, i, marker="^", color=PALETTE[3], markersize=10, linestyle="none")
            change = sub.loc["peak"].get("change_mmhg") if "change_mmhg" in sub.columns else None
            if change is not None and not pd.isna(change):
                ax.annotate(f"mean {float(change):+.1f} mmHg", (peak, i), xytext=(8, 6),
                            textcoords="offset points", fontsize=10)
        name = effect.replace("_", " ").replace("bp", "blood pressure").capitalize()
        labels.append(f"{name}\n({product})")
    ax.plot([], [], marker="^", color=PALETTE[3], linestyle="none", label="peak")
    ax.plot([], [], marker="s", color=PALETTE[0], linestyle="none", label="generally resolved / lasts until")
    ax.set_yticks(range(len(groups)), labels, fontsize=10)
    ax.set_ylim(-0.6, len(groups) - 0.3)
    ax.set_xlim(0, max(260.0, float(course["time_min"].max()) + 20))
    ax.set_xlabel("Time after the dose (min)")
    ax.legend(loc="lower right", fontsize=10)
    ax.set_title(title, fontsize=13)
    fig.tight_layout()
    return fig


def show_trial_events(trials: pd.DataFrame, trial: str = "TRANSFORM-1", min_pct: float = 10.0,
                      alt: str | None = None) -> None:
    """Show :func:`plot_trial_events` with the trial's source and a description (the widget's function).

    ``alt`` replaces the generic description, for a static figure whose result can be described.
    """

    name = _check_trial(frame("trials", trials, ("trial", "source_id")), trial)
    fig = plot_trial_events(trials, name, min_pct)
    ids = list(dict.fromkeys(trials.loc[trials["trial"] == name, "source_id"]))
    show(fig, alt=alt or f"Events in at least {min_pct:g} percent of an esketamine arm of {name}, with "
         "placebo beside each, and 95 percent intervals.", sources=ids)
