"""Notebook 03's static charts: the onset timeline, early response rates and the SSRI build-up.

Every ``plot_*`` function returns a :class:`matplotlib.figure.Figure` in the course style and never shows it.
Every arm is drawn in its course-wide style (:data:`helpers.figures.style.ARM_STYLES`, see
:data:`~helpers.figures.onset_timing.styles.ARM_KEYS`): measured points with markers, model curves without;
control arms have open markers, drug arms filled ones.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from helpers._validate import frame, real
from helpers._validate import title as check_title
from helpers.analysis.onset import response_with_ci
from helpers.figures.onset_timing.styles import (
    FAMILY_STYLE,
    MILESTONE_STYLE,
    TIME_TICKS_H,
    arm_key,
    author_year,
    fit_title,
)
from helpers.figures.style import arm_style, data_style, figure, model_style
from helpers.science.buildup import saturating_share

__all__ = [
    "plot_early_response",
    "plot_onset_timeline",
    "plot_ssri_build_up",
]


def _log_time_axis(ax, low_h: float = 1.0, high_h: float = 2016.0) -> None:
    ax.set_xscale("log")
    ax.set_xlim(low_h / 1.3, high_h * 1.3)
    ticks = [(h, lab) for h, lab in TIME_TICKS_H if low_h <= h <= high_h]
    ax.set_xticks([h for h, _ in ticks], [lab for _, lab in ticks], fontsize=11)
    ax.minorticks_off()


def plot_onset_timeline(studies: pd.DataFrame, *, title: str) -> Figure:
    """One logarithmic time axis (1 hour to 12 weeks) with each treatment's milestones.

    Parameters
    ----------
    studies
        A table like ``helpers.data.load("onset_studies")`` (columns ``treatment``, ``label``,
        ``milestone``, ``time_h``, ``source_id``).
    title
        The figure title (state the finding; it is wrapped to the width of the axes).

    Returns
    -------
    matplotlib.figure.Figure
        Rows are treatments (top: earliest first time point), each labelled with its sources; marker shape
        shows the milestone and colour the drug family (both in the legend). A dotted arrow runs left from
        every first reported time point: the time before it was not measured.
    """
    frame("studies", studies, ["treatment", "label", "milestone", "time_h", "source_id"])
    unknown = set(studies["milestone"]) - set(MILESTONE_STYLE)
    if unknown:
        raise ValueError(f"studies: unknown milestone {sorted(unknown)}")
    unknown = set(studies["treatment"]) - set(FAMILY_STYLE)
    if unknown:
        raise ValueError(f"studies: unknown treatment {sorted(unknown)}")
    times = studies["time_h"].astype(float)
    if (times < 1.0).any() or (times > 2016.0).any():
        raise ValueError("studies: time_h must lie on the axis, between 1 h and 12 weeks (2016 h)")
    check_title(title)
    order = (studies.assign(_t=times).groupby("label", sort=False)["_t"].min().sort_values(kind="stable"))
    labels = list(order.index)
    fig, ax = figure(figsize=(12, 0.72 * len(labels) + 2.6))
    _log_time_axis(ax)
    ax.axvspan(1.0 / 1.3, 168.0, color="#f2f2f2", zorder=0)
    ax.text(1.05, -0.9, "hours to days", fontsize=11, color="#555555", va="center")
    ax.text(180.0, -0.9, "weeks", fontsize=11, color="#555555", va="center")
    tick_labels = []
    for y, label in enumerate(labels):
        rows = studies[studies["label"] == label].sort_values("time_h")
        ids = dict.fromkeys(s.strip() for ids_ in rows["source_id"] for s in str(ids_).split(";"))
        name = "\n".join(textwrap.wrap(label, 34, break_on_hyphens=False))
        tick_labels.append(f"{name}\n({'; '.join(author_year(i) for i in ids)})")
        ax.plot(rows["time_h"].astype(float), [y] * len(rows), color="#999999", linewidth=1.2,
                linestyle="-", zorder=1)
        for row in rows.itertuples(index=False):
            style = MILESTONE_STYLE[row.milestone]
            colour = arm_style(FAMILY_STYLE[row.treatment][1]).color
            t = float(row.time_h)
            if row.milestone == "first_separation":
                ax.annotate("", xy=(t / 2.6, y), xytext=(t / 1.12, y), zorder=2,
                            arrowprops={"arrowstyle": "->", "linestyle": ":", "color": colour, "lw": 1.6})
            ax.plot(t, y, linestyle="none", marker=style["marker"], markersize=11, color=colour,
                    markerfacecolor=colour if style["filled"] else "white",
                    markeredgecolor="black" if style["filled"] else colour, markeredgewidth=1.6, zorder=3)
    ax.set_yticks(range(len(labels)), tick_labels, fontsize=10.5)
    ax.set_ylim(len(labels) - 0.4, -1.4)
    ax.grid(axis="y", visible=False)
    handles: list[object] = []
    for style in MILESTONE_STYLE.values():
        handles.append(Line2D([], [], linestyle="none", marker=style["marker"], markersize=10,
                              color="#555555", markerfacecolor="#555555" if style["filled"] else "white",
                              markeredgecolor="black", label=style["label"]))
    handles.append(Line2D([], [], color="#555555", linestyle=":", linewidth=1.6,
                          label="← earlier times not measured: the onset may be earlier"))
    for family, key in dict.fromkeys(FAMILY_STYLE.values()):
        handles.append(Patch(facecolor=arm_style(key).color, edgecolor="black", label=f"colour: {family}"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, -0.1), ncols=2, fontsize=11)
    ax.set_xlabel("Time after the first dose (logarithmic scale)")
    fit_title(ax, title)
    return fig


def plot_early_response(responses: pd.DataFrame, *, title: str) -> Figure:
    """Dot-and-interval chart of early response rates by study and arm, with 95 % confidence intervals.

    It shows each arm's *rate*, not an effect (a difference between arms), so it is not a forest plot.

    Parameters
    ----------
    responses
        A table like ``helpers.data.load("early_response")``; intervals come from
        :func:`response_with_ci` (Wilson from counts, or as reported for model estimates).
    title
        The figure title (state the finding; wrapped to the width of the axes).

    Returns
    -------
    matplotlib.figure.Figure
        Each arm in its course style (:func:`arm_key`); drug arms filled, control arms open markers.
    """
    table = response_with_ci(responses)
    frame("responses", table, ["study", "arm", "role", "timepoint_h", "control_type"])
    unknown = set(table["role"]) - {"drug", "control"}
    if unknown:
        raise ValueError(f"responses: unknown role {sorted(unknown)}")
    for arm in table["arm"]:
        arm_key(arm)
    check_title(title)
    studies = list(dict.fromkeys(table["study"]))
    n_rows = len(table) + len(studies)
    fig, ax = figure(figsize=(11, 0.42 * n_rows + 2.0))
    y, ticks, tick_labels = 0, [], []
    for study in studies:
        rows = table[table["study"] == study]
        hours_ = float(rows["timepoint_h"].iloc[0])
        method = ("95 % interval as reported" if (rows["ci_method"] == "reported").all()
                  else "95 % Wilson interval from the counts")
        ax.text(-1.0, y, f"{study}: at {hours_:g} h, {method}", fontweight="bold", fontsize=11.5,
                va="center", ha="left")
        y += 1
        for row in rows.itertuples(index=False):
            style = data_style(arm_key(row.arm))
            face = style["color"] if row.role == "drug" else "white"
            ax.errorbar(row.rate_pct, y, xerr=[[row.rate_pct - row.low_pct], [row.high_pct - row.rate_pct]],
                        fmt=style["marker"], color=style["color"], markerfacecolor=face, markersize=9,
                        capsize=3, markeredgecolor=style["color"] if row.role == "control" else "black",
                        markeredgewidth=1.6, linewidth=1.8)
            count = f"  {int(row.responders)}/{int(row.n)}" if row.ci_method != "reported" else ""
            ticks.append(y)
            tick_labels.append(f"{row.arm}{count}")
            y += 1
    ax.set_yticks(ticks, tick_labels)
    ax.set_ylim(y - 0.4, -0.7)
    ax.set_xlim(-1.5, 100)
    ax.grid(axis="y", visible=False)
    handles = [
        Line2D([], [], linestyle="none", marker="o", color="#555555", markeredgecolor="black",
               label="ketamine or esketamine arm (filled)"),
        Line2D([], [], linestyle="none", marker="o", color="#555555", markerfacecolor="white",
               label="control arm (open)"),
        Line2D([], [], color="#555555", linewidth=1.8, label="95 % confidence interval"),
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, -0.08), ncols=3)
    ax.set_xlabel("Responders, ≥ 50 % fall in the depression score (% of the arm)")
    fit_title(ax, title)
    return fig


def plot_ssri_build_up(ssri: pd.DataFrame, rate_per_week: float, *, title: str) -> Figure:
    """Three panels: the illustrative build-up model, early improvement at week 2, open-label citalopram.

    Parameters
    ----------
    ssri
        A table like ``helpers.data.load("ssri_time_course")``.
    rate_per_week
        Rate k (1/week) of the illustrative curve (see :func:`helpers.science.buildup.calibrate_rate`).
    title
        The figure title (state the finding).

    Returns
    -------
    matplotlib.figure.Figure
        Left: the model curve (weeks 0–6, no markers, labelled "model"), the reported week-1 share and
        the week-6 reference, which is 100 % by definition (an open marker, not a measurement). Middle:
        early improvers at week 2 (Wagner et al. 2017). Right: response and remission at exit from
        open-label citalopram after up to 14 weeks (Trivedi et al. 2006), each with its scale. The three
        panels use different measures, so they have their own axes.
    """
    frame("ssri", ssri, ["week", "measure", "arm", "value_pct"])
    check_title(title)
    rate = real("rate_per_week", rate_per_week, min_value=0.0, strict_min=True)
    needed = {("share_of_week6_effect", 1), ("share_of_week6_effect", 6), ("early_improvers", 2),
              ("response", 14), ("remission", 14)}
    have = {(m, int(w)) for m, w in zip(ssri["measure"], ssri["week"], strict=True)}
    if not needed <= have:
        raise ValueError(f"ssri: missing rows {sorted(needed - have)}")
    weeks = np.linspace(0.0, 6.0, 121)  # the model is drawn only where the meta-analysis has data
    fig, (left, middle, right) = figure(1, 3, figsize=(14, 5.2),
                                        gridspec_kw={"width_ratios": [1.5, 0.8, 0.8]})
    ssri_style = data_style("ssri")
    left.plot(weeks, saturating_share(weeks, rate), linewidth=2.4,
              label="model (illustrative, one exponential)", **model_style("ssri"))
    share = ssri[ssri["measure"] == "share_of_week6_effect"].set_index("week")["value_pct"]
    left.plot(1, share.loc[1], linestyle="none", markersize=11, markeredgecolor="black",
              label="reported: about one third in week 1", **ssri_style)
    left.plot(6, share.loc[6], linestyle="none", markersize=11, markerfacecolor="white",
              markeredgewidth=2, marker=ssri_style["marker"], color=ssri_style["color"],
              label="100 % at week 6 by definition (the reference)")
    left.set_xlim(0, 7)
    left.set_ylim(0, 115)
    left.set_xlabel("Time on an SSRI (weeks)")
    left.set_ylabel("Share of the week-6 drug–placebo\ndifference (%)")
    left.set_title("The drug–placebo difference builds", fontsize=13)
    left.legend(loc="lower right", fontsize=11)
    early = ssri[ssri["measure"] == "early_improvers"].set_index("arm")["value_pct"]
    for x, (arm, key) in enumerate((("antidepressant", "ssri"), ("placebo", "placebo"))):
        style = data_style(key)
        middle.plot(x, early.loc[arm], linestyle="none", markersize=12,
                    markeredgecolor="black" if key != "placebo" else style["color"],
                    markerfacecolor=style["color"] if key != "placebo" else "white", markeredgewidth=2,
                    **style)
        middle.annotate(f"{early.loc[arm]:g} %", (x, early.loc[arm]), xytext=(0, 12),
                        textcoords="offset points", ha="center", fontsize=12)
    middle.set_xticks([0, 1], ["anti-\ndepressant", "placebo"])
    middle.set_xlim(-0.6, 1.6)
    middle.set_ylim(0, 100)
    middle.set_ylabel("Early improvers, 20–25 % fall (%)")
    middle.set_title("Week 2: early\nimprovement", fontsize=13)
    exit_rows = ssri[ssri["week"] == 14].set_index("measure")["value_pct"]
    cit = data_style("ssri")
    for x, measure in enumerate(("response", "remission")):
        right.plot(x, exit_rows.loc[measure], linestyle="none", markersize=12, markeredgecolor="black", **cit)
        right.annotate(f"{exit_rows.loc[measure]:g} %", (x, exit_rows.loc[measure]), xytext=(0, 12),
                       textcoords="offset points", ha="center", fontsize=12)
    right.set_xticks([0, 1], ["response\n(QIDS-SR)", "remission\n(HAM-D)"])
    right.set_xlim(-0.6, 1.6)
    right.set_ylim(0, 100)
    right.set_ylabel("Patients at exit (%)")
    right.set_title("Citalopram, open label,\nexit after up to 14 weeks", fontsize=13)
    fig.suptitle(title, x=0.01, ha="left", fontsize=15, fontweight="bold")
    fig.tight_layout()
    return fig
