"""Notebook 03's charts: the onset timeline, early response, the SSRI build-up and measured time courses.

Every ``plot_*`` function returns a :class:`matplotlib.figure.Figure` in the course style and never shows it;
``show_*`` functions display one with its description and sources (they back the notebook's widgets).
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from helpers._validate import frame, real
from helpers._validate import title as check_title
from helpers.analysis.onset import response_with_ci
from helpers.data import citation
from helpers.figures.rendering import show
from helpers.figures.style import LINESTYLES, MARKERS, OKABE_ITO, figure
from helpers.science.buildup import saturating_share

__all__ = [
    "MILESTONE_STYLE",
    "TIME_TICKS_H",
    "plot_early_response",
    "plot_onset_timeline",
    "plot_ssri_build_up",
    "plot_time_course",
    "show_time_course",
    "time_course_alt",
    "time_course_panels",
]

#: Ticks of the common logarithmic time axis: (hours, label), from 1 hour to 12 weeks.
TIME_TICKS_H: tuple[tuple[float, str], ...] = (
    (1.0, "1 h"), (2.0, "2 h"), (6.0, "6 h"), (24.0, "1 d"), (72.0, "3 d"), (168.0, "1 wk"),
    (336.0, "2 wk"), (672.0, "4 wk"), (1344.0, "8 wk"), (2016.0, "12 wk"),
)


#: Marker and fill of each milestone in the timeline (shape, not colour, tells milestones apart).
MILESTONE_STYLE: dict[str, dict[str, object]] = {
    # the first time point a source reports: nothing earlier was measured, so it is a ceiling on the onset
    "first_separation": {"marker": "o", "filled": True,
                         "label": "ahead of control at the first time point reported (earlier not measured)"},
    "full_effect": {"marker": "s", "filled": True, "label": "largest / end-of-course effect reported"},
    "fading": {"marker": "X", "filled": True, "label": "effect fading (relapse)"},
    "no_separation": {"marker": "D", "filled": False, "label": "no separation when fully masked"},
}


#: Colour family of each treatment in the timeline.
_TREATMENT_COLOUR: dict[str, str] = {
    "esketamine_nasal": OKABE_ITO["blue"],
    "esketamine_plus_oral_ad": OKABE_ITO["blue"],
    "ketamine_iv": OKABE_ITO["vermillion"],
    "ketamine_iv_masked": OKABE_ITO["vermillion"],
    "ssri": OKABE_ITO["bluish_green"],
    "antidepressant_any": OKABE_ITO["bluish_green"],
    "citalopram": OKABE_ITO["bluish_green"],
}


_ROLE_STYLE: dict[str, dict[str, object]] = {
    "drug": {"color": OKABE_ITO["blue"], "marker": MARKERS[0], "linestyle": LINESTYLES[0]},
    "control": {"color": OKABE_ITO["orange"], "marker": MARKERS[1], "linestyle": LINESTYLES[1]},
}


_OUTCOME_LABEL: dict[str, str] = {
    "madrs_total": "MADRS total score [points]",
    "madrs_change": "MADRS change from baseline [points]",
    "response_pct": "Responders (≥50% fall in MADRS) [%]",
}


def _log_time_axis(ax, low_h: float = 1.0, high_h: float = 2016.0) -> None:
    ax.set_xscale("log")
    ax.set_xlim(low_h / 1.3, high_h * 1.3)
    ticks = [(h, lab) for h, lab in TIME_TICKS_H if low_h <= h <= high_h]
    ax.set_xticks([h for h, _ in ticks], [lab for _, lab in ticks], fontsize=11)
    ax.minorticks_off()


def plot_onset_timeline(studies: pd.DataFrame, *, title: str) -> Figure:
    """One logarithmic time axis (1 hour to 12 weeks) with each treatment's onset milestones.

    Parameters
    ----------
    studies
        A table like ``helpers.data.load("onset_studies")`` (columns ``treatment``, ``label``,
        ``milestone``, ``time_h``, ``source_id``).
    title
        The figure title (state the finding).

    Returns
    -------
    matplotlib.figure.Figure
        Rows are treatments (top: fastest); marker shape shows the milestone, colour the drug family,
        and each point is labelled with its source.
    """
    frame("studies", studies, ["treatment", "label", "milestone", "time_h", "source_id"])
    title = check_title(title)
    unknown = set(studies["milestone"]) - set(MILESTONE_STYLE)
    if unknown:
        raise ValueError(f"studies: unknown milestone {sorted(unknown)}")
    unknown = set(studies["treatment"]) - set(_TREATMENT_COLOUR)
    if unknown:
        raise ValueError(f"studies: unknown treatment {sorted(unknown)}")
    times = studies["time_h"].astype(float)
    if (times < 1.0).any() or (times > 2016.0).any():
        raise ValueError("studies: time_h must lie on the axis, between 1 h and 12 weeks (2016 h)")
    order = (studies.assign(_t=times).groupby("label", sort=False)["_t"].min().sort_values(kind="stable"))
    labels = list(order.index)
    fig, ax = figure(figsize=(13, 0.75 * len(labels) + 2.6))
    _log_time_axis(ax)
    ax.axvspan(1.0 / 1.3, 168.0, color="#f2f2f2", zorder=0)
    ax.text(1.05, -0.9, "hours to days", fontsize=11, color="#555555", va="center")
    ax.text(180.0, -0.9, "weeks", fontsize=11, color="#555555", va="center")
    for y, label in enumerate(labels):
        rows = studies[studies["label"] == label].sort_values("time_h")
        ax.plot(rows["time_h"].astype(float), [y] * len(rows), color="#999999", linewidth=1.2,
                linestyle="-", zorder=1)
        for i, row in enumerate(rows.itertuples(index=False)):
            style = MILESTONE_STYLE[row.milestone]
            colour = _TREATMENT_COLOUR[row.treatment]
            ax.plot(float(row.time_h), y, linestyle="none", marker=style["marker"], markersize=11,
                    color=colour, markerfacecolor=colour if style["filled"] else "white",
                    markeredgecolor="black" if style["filled"] else colour, markeredgewidth=1.6, zorder=3)
            short = citation(str(row.source_id).split(";")[0].strip(), short=True)
            above = i % 2 == 0  # alternate so that neighbouring labels on one row never overlap
            ax.annotate(short, (float(row.time_h), y), xytext=(0, 10 if above else -10),
                        textcoords="offset points", ha="center", va="bottom" if above else "top",
                        fontsize=10, color="#333333")
    wrapped = ["\n".join(textwrap.wrap(lab, 30, break_on_hyphens=False)) for lab in labels]
    ax.set_yticks(range(len(labels)), wrapped)
    ax.set_ylim(len(labels) - 0.4, -1.4)
    ax.grid(axis="y", visible=False)
    for style in MILESTONE_STYLE.values():
        ax.plot([], [], linestyle="none", marker=style["marker"], markersize=10, color="#555555",
                markerfacecolor="#555555" if style["filled"] else "white", markeredgecolor="black",
                label=style["label"])
    ax.legend(loc="upper left", bbox_to_anchor=(0.0, -0.12), ncols=2)
    ax.set_xlabel("Time after the first dose (logarithmic scale)")
    ax.set_title(title)
    return fig


def plot_early_response(responses: pd.DataFrame, *, title: str) -> Figure:
    """Forest plot of early response rates by study and arm, with 95 % confidence intervals.

    Parameters
    ----------
    responses
        A table like ``helpers.data.load("early_response")``; intervals come from
        :func:`response_with_ci` (Wilson from counts, or as reported for model estimates).
    title
        The figure title (state the finding).

    Returns
    -------
    matplotlib.figure.Figure
        Drug arms are circles, control arms squares (colour repeats the distinction).
    """
    table = response_with_ci(responses)
    frame("responses", table, ["study", "arm", "role", "timepoint_h", "control_type"])
    title = check_title(title)
    unknown = set(table["role"]) - set(_ROLE_STYLE)
    if unknown:
        raise ValueError(f"responses: unknown role {sorted(unknown)}")
    studies = list(dict.fromkeys(table["study"]))
    n_rows = len(table) + len(studies)
    fig, ax = figure(figsize=(11, 0.42 * n_rows + 2.0))
    y, ticks, tick_labels = 0, [], []
    for study in studies:
        rows = table[table["study"] == study]
        hours_ = float(rows["timepoint_h"].iloc[0])
        method = "reported 95% CI" if (rows["ci_method"] == "reported").all() else "95% Wilson CI from counts"
        ax.text(-1.0, y, f"{study} — at {hours_:g} h, {method}", fontweight="bold", fontsize=11.5,
                va="center", ha="left")
        y += 1
        for row in rows.itertuples(index=False):
            style = _ROLE_STYLE[row.role]
            ax.errorbar(row.rate_pct, y, xerr=[[row.rate_pct - row.low_pct], [row.high_pct - row.rate_pct]],
                        fmt=style["marker"], color=style["color"], markersize=9, capsize=3,
                        markeredgecolor="black", linewidth=1.8)
            count = f"  {int(row.responders)}/{int(row.n)}" if row.ci_method != "reported" else ""
            ticks.append(y)
            tick_labels.append(f"{row.arm}{count}")
            y += 1
    ax.set_yticks(ticks, tick_labels)
    ax.set_ylim(y - 0.4, -0.7)
    ax.set_xlim(-1.5, 100)
    ax.grid(axis="y", visible=False)
    for role, text in (("drug", "ketamine or esketamine arm"), ("control", "control arm")):
        style = _ROLE_STYLE[role]
        ax.plot([], [], linestyle="none", marker=style["marker"], color=style["color"],
                markeredgecolor="black", label=text)
    ax.legend(loc="upper left", bbox_to_anchor=(0.0, -0.08), ncols=2)
    ax.set_xlabel("Responders (≥50% fall in depression score) [% of patients]")
    ax.set_title(title)
    return fig


def plot_ssri_build_up(ssri: pd.DataFrame, rate_per_week: float, *, title: str,
                       max_week: float = 14.0) -> Figure:
    """Two panels: the illustrative build-up curve with its anchors, and percentages of patients by week.

    Parameters
    ----------
    ssri
        A table like ``helpers.data.load("ssri_time_course")``.
    rate_per_week
        Rate k [1/week] of the illustrative curve (see :func:`calibrate_rate`).
    title
        The figure title (state the finding).
    max_week
        Right end of both time axes [weeks], >= 6.

    Returns
    -------
    matplotlib.figure.Figure
    """
    frame("ssri", ssri, ["week", "measure", "arm", "value_pct"])
    title = check_title(title)
    max_week = real("max_week", max_week, min_value=6.0)
    weeks = np.linspace(0.0, 6.0, 121)  # the model is drawn only where the meta-analysis has data
    fig, (left, right) = figure(1, 2, figsize=(13, 5.4), gridspec_kw={"width_ratios": [1, 1.1]})
    left.plot(weeks, saturating_share(weeks, rate_per_week), color=OKABE_ITO["bluish_green"],
              linestyle="--", label="illustrative curve (one exponential)")
    anchors = ssri[ssri["measure"] == "share_of_week6_effect"]
    left.plot(anchors["week"], anchors["value_pct"], linestyle="none", marker="o", markersize=10,
              color=OKABE_ITO["black"], label="reported (Taylor et al. 2006)")
    left.set_xlim(0, 7)
    left.set_ylim(0, 110)
    left.set_xlabel("Weeks on an SSRI")
    left.set_ylabel("Share of the week-6 drug–placebo\ndifference [%]")
    left.set_title("Drug–placebo difference builds up", fontsize=13)
    left.legend(loc="lower right")
    styles = {
        ("early_improvers", "antidepressant"): ("antidepressant: early improvers", "o", OKABE_ITO["blue"]),
        ("early_improvers", "placebo"): ("placebo: early improvers", "s", OKABE_ITO["orange"]),
        ("response", "citalopram"): ("citalopram, open label, exit ≤14 wk: response", "^",
                                     OKABE_ITO["bluish_green"]),
        ("remission", "citalopram"): ("citalopram, open label, exit ≤14 wk: remission", "v",
                                      OKABE_ITO["vermillion"]),
    }
    for (measure, arm), (label, marker, colour) in styles.items():
        rows = ssri[(ssri["measure"] == measure) & (ssri["arm"] == arm)]
        if not rows.empty:
            right.plot(rows["week"], rows["value_pct"], linestyle="none", marker=marker, markersize=11,
                       color=colour, markeredgecolor="black", label=label)
    right.axvspan(8.0, max_week, color="#f2f2f2", zorder=0)
    right.text(8.2, 4, "many citalopram responders\nand remitters got there\nat or after 8 weeks",
               fontsize=10.5, color="#333333", va="bottom")
    right.set_xlim(0, max_week + 1)
    right.set_ylim(0, 100)
    right.set_xlabel("Weeks of treatment")
    right.set_ylabel("Patients [%]")
    right.set_title("What patients reach, and when", fontsize=13)
    right.legend(loc="upper left", fontsize=11)
    fig.suptitle(title, x=0.01, ha="left", fontsize=15, fontweight="bold")
    fig.tight_layout()
    return fig


def time_course_panels(course: pd.DataFrame) -> list[str]:
    """The names of the time courses in ``course`` (the ``panel`` column), in table order."""
    frame("course", course, ["panel"])
    return list(dict.fromkeys(course["panel"]))


def plot_time_course(course: pd.DataFrame, panel: str, title: str | None = None) -> Figure:
    """One study's time course: every arm's value over time after the (first) dose.

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
        Drug arms solid lines with circles, control arms dashed lines with squares; time in hours when
        the course ends within 2 days, else in days.
    """
    frame("course", course, ["panel", "arm", "role", "outcome", "time_h", "value", "source_id"])
    panels = time_course_panels(course)
    if panel not in panels:
        raise ValueError(f"panel: unknown time course {panel!r}; choose one of {panels}")
    rows = course[course["panel"] == panel]
    outcome = rows["outcome"].iloc[0]
    if outcome not in _OUTCOME_LABEL or rows["outcome"].nunique() != 1:
        raise ValueError(f"course: panel {panel!r} must have one known outcome")
    in_hours = float(rows["time_h"].max()) <= 48.0
    unit, scale = ("hours", 1.0) if in_hours else ("days", 24.0)
    fig, ax = figure(figsize=(9, 5))
    drug_styles = iter([LINESTYLES[0], LINESTYLES[3], LINESTYLES[4], LINESTYLES[6]])
    drug_markers = iter([MARKERS[0], MARKERS[2], MARKERS[3], MARKERS[5]])
    drug_colours = iter([OKABE_ITO["blue"], OKABE_ITO["vermillion"], OKABE_ITO["reddish_purple"],
                         OKABE_ITO["black"]])
    for arm in dict.fromkeys(rows["arm"]):
        arm_rows = rows[rows["arm"] == arm].sort_values("time_h")
        if arm_rows["role"].iloc[0] == "control":
            style = dict(_ROLE_STYLE["control"])
        else:
            style = {"color": next(drug_colours), "marker": next(drug_markers),
                     "linestyle": next(drug_styles)}
        ax.plot(arm_rows["time_h"].astype(float) / scale, arm_rows["value"], label=arm,
                markeredgecolor="black", linewidth=1.6, markersize=9, **style)
    if outcome == "response_pct":
        ax.set_ylim(0, 100)
    elif outcome == "madrs_change":
        ax.set_ylim(top=0)
    else:
        ax.set_ylim(bottom=0)
    ax.set_xlim(left=0)
    ax.set_xlabel(f"Time after the (first) dose [{unit}]")
    ax.set_ylabel(_OUTCOME_LABEL[outcome])
    ax.set_title(panel if title is None else check_title(title))
    ax.legend(loc="best", fontsize=11)
    return fig


def time_course_alt(course: pd.DataFrame, panel: str) -> str:
    """A one-sentence description of :func:`plot_time_course` for ``panel`` (alt text)."""
    frame("course", course, ["panel", "arm", "outcome", "time_h"])
    if panel not in time_course_panels(course):
        raise ValueError(f"panel: unknown time course {panel!r}")
    rows = course[course["panel"] == panel]
    arms = list(dict.fromkeys(rows["arm"]))
    what = _OUTCOME_LABEL[rows["outcome"].iloc[0]].split(" [")[0]
    times = rows["time_h"].astype(float)
    span = (f"{times.min():g} to {times.max():g} hours" if times.max() <= 48
            else f"day {times.min() / 24:g} to day {times.max() / 24:g}")
    return (f"{what} over time ({span}) in {len(arms)} arms of {panel.split(':')[0]}: "
            + "; ".join(arms) + ".")


def show_time_course(course: pd.DataFrame, panel: str, title: str | None = None) -> None:
    """Draw :func:`plot_time_course` and display it with its description and sources (for widgets)."""

    fig = plot_time_course(course, panel, title)
    ids = list(dict.fromkeys(course.loc[course["panel"] == panel, "source_id"]))
    show(fig, alt=time_course_alt(course, panel), sources=ids)
