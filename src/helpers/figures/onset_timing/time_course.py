"""Notebook 03's time-course explorer: one study's arms over time, its menu options, alt text and display.

:func:`plot_time_course` draws one panel of ``onset_time_course``; :func:`time_course_panels` and
:func:`time_course_options` list the panels (in words, for the widget's menu); :func:`time_course_alt`
describes a panel in one sentence; :func:`show_time_course` displays it with its sources (the function the
notebook's widget wraps).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from helpers._validate import frame
from helpers.figures.onset_timing.styles import arm_key, fit_title
from helpers.figures.rendering import show
from helpers.figures.style import arm_style, figure
from helpers.science.stats import wilson_ci

__all__ = [
    "plot_time_course",
    "show_time_course",
    "time_course_alt",
    "time_course_options",
    "time_course_panels",
]

_OUTCOME_LABEL: dict[str, str] = {
    "madrs_total": "MADRS total score (points)",
    "madrs_change": "MADRS change from baseline (points)",
    "response_pct": "Responders, ≥ 50 % fall in MADRS (%)",
}


_OUTCOME_WORDS: dict[str, str] = {
    "madrs_total": "mean MADRS score (points)",
    "madrs_change": "mean MADRS change (points)",
    "response_pct": "responders (%)",
}


def time_course_panels(course: pd.DataFrame) -> list[str]:
    """The names of the time courses in ``course`` (the ``panel`` column), in table order."""
    frame("course", course, ["panel"])
    return list(dict.fromkeys(course["panel"]))


def _span(times_h: pd.Series) -> str:
    times = times_h.astype(float)
    if times.max() <= 48.0:
        return f"{times.min():g} to {times.max():g} hours"
    return f"day {times.min() / 24:g} to day {times.max() / 24:g}"


def time_course_options(course: pd.DataFrame) -> list[tuple[str, str]]:
    """Menu options in words for the time-course explorer: ``(label, panel)`` pairs.

    The label names the study, what is plotted with its unit, and the time span, e.g.
    "Lii 2023: responders (%), day 1 to day 14".
    """
    frame("course", course, ["panel", "outcome", "time_h"])
    options = []
    for panel in time_course_panels(course):
        rows = course[course["panel"] == panel]
        outcome = rows["outcome"].iloc[0]
        if outcome not in _OUTCOME_WORDS:
            raise ValueError(f"course: panel {panel!r} has an unknown outcome {outcome!r}")
        study = panel.split(":")[0]
        options.append((f"{study}: {_OUTCOME_WORDS[outcome]}, {_span(rows['time_h'])}", panel))
    return options


def plot_time_course(course: pd.DataFrame, panel: str, title: str | None = None) -> Figure:
    """One study's time course: every arm's value over time after the first dose.

    Parameters
    ----------
    course
        A table like ``helpers.data.load("onset_time_course")``.
    panel
        One of :func:`time_course_panels`.
    title
        A title that states the finding; ``None`` uses the panel's name (for the interactive menu).

    Returns
    -------
    matplotlib.figure.Figure
        Each arm in its course style (:func:`arm_key`; drug arms filled, control arms open markers).
        Response rates carry 95 % Wilson intervals from the counts. Arms with three or more time points are
        joined by lines; an arm with only two is drawn as points, not joined, because the course between
        them was not measured (a note in the chart says so). Time in hours when the course ends within
        2 days, else in days.
    """
    frame("course", course, ["panel", "arm", "role", "outcome", "time_h", "value", "n", "events",
                             "source_id"])
    panels = time_course_panels(course)
    if panel not in panels:
        raise ValueError(f"panel: unknown time course {panel!r}; choose one of {panels}")
    rows = course[course["panel"] == panel]
    outcome = rows["outcome"].iloc[0]
    if outcome not in _OUTCOME_LABEL or rows["outcome"].nunique() != 1:
        raise ValueError(f"course: panel {panel!r} must have one known outcome")
    for arm in rows["arm"]:
        arm_key(arm)
    in_hours = float(rows["time_h"].max()) <= 48.0
    unit, scale = ("hours", 1.0) if in_hours else ("days", 24.0)
    arms = list(dict.fromkeys(rows["arm"]))
    span = float(rows["time_h"].max() - rows["time_h"].min()) / scale
    dodge = 0.01 * span * (len(arms) - 1) if span > 0 else 0.05  # arms 2 % of the span apart
    offsets = np.linspace(-dodge, dodge, len(arms)) if len(arms) > 1 else np.zeros(1)
    fig, ax = figure(figsize=(9, 5.2))
    unjoined = False
    for arm, offset in zip(arms, offsets, strict=True):
        arm_rows = rows[rows["arm"] == arm].sort_values("time_h")
        key = arm_key(arm)
        style = arm_style(key)
        drug = arm_rows["role"].iloc[0] == "drug"
        x = arm_rows["time_h"].astype(float).to_numpy() / scale + offset
        y = arm_rows["value"].astype(float).to_numpy()
        joined = len(arm_rows) >= 3
        unjoined |= not joined
        kwargs = {"color": style.color, "marker": style.marker, "markersize": 9, "markeredgewidth": 1.6,
                  "markerfacecolor": style.color if drug else "white",
                  "markeredgecolor": "black" if drug else style.color,
                  "linestyle": style.linestyle if joined else "none", "linewidth": 1.8}
        if outcome == "response_pct" and arm_rows["n"].notna().all() and arm_rows["events"].notna().all():
            bounds = np.array([wilson_ci(int(e), int(n)) for e, n in
                               zip(arm_rows["events"], arm_rows["n"], strict=True)]) * 100
            ax.errorbar(x, y, yerr=[y - bounds[:, 0], bounds[:, 1] - y], capsize=3, label=arm,
                        elinewidth=1.3, **kwargs)
        else:
            ax.plot(x, y, label=arm, **kwargs)
    if outcome == "response_pct":
        ax.set_ylim(0, 100)
    elif outcome == "madrs_change":
        ax.set_ylim(top=0)
    else:
        ax.set_ylim(bottom=0)
    first = float(rows["time_h"].min()) / scale
    ax.set_xlim(left=min(0.0, first - 2 * dodge), right=float(rows["time_h"].max()) / scale * 1.08 + 0.2)
    ax.set_xlabel(f"Time after the first dose ({unit})")
    ax.set_ylabel(_OUTCOME_LABEL[outcome])
    fit_title(ax, panel if title is None else title)
    notes = []
    if outcome == "response_pct":
        notes.append("Bars: 95 % Wilson intervals from the counts.")
    if unjoined:
        notes.append("Two time points only: not joined by a line, because the course between them was not "
                     "measured.")
    if notes:
        ax.text(0.0, -0.17, "\n".join(notes), transform=ax.transAxes, fontsize=10.5, color="#333333",
                va="top")
    ax.legend(loc="best", fontsize=11)
    return fig


def time_course_alt(course: pd.DataFrame, panel: str) -> str:
    """A one-sentence description of :func:`plot_time_course` for ``panel`` (alt text)."""
    frame("course", course, ["panel", "arm", "outcome", "time_h"])
    if panel not in time_course_panels(course):
        raise ValueError(f"panel: unknown time course {panel!r}")
    rows = course[course["panel"] == panel]
    arms = list(dict.fromkeys(rows["arm"]))
    outcome = rows["outcome"].iloc[0]
    what = _OUTCOME_LABEL[outcome].split(" (")[0]
    extra = " with 95 % Wilson intervals" if outcome == "response_pct" else ""
    return (f"{what}{extra} over time ({_span(rows['time_h'])}) in {len(arms)} arms of "
            f"{panel.split(':')[0]}: " + "; ".join(arms) + ".")


def show_time_course(course: pd.DataFrame, panel: str, title: str | None = None) -> None:
    """Draw :func:`plot_time_course` and display it with its description and sources (for widgets)."""
    fig = plot_time_course(course, panel, title)
    ids = list(dict.fromkeys(course.loc[course["panel"] == panel, "source_id"]))
    show(fig, alt=time_course_alt(course, panel), sources=ids)
