"""Notebook 05's static charts: the regimens over the concentration bands, the excess over placebo and the
timeline of one session.

The regimen curves use the course's one style per regimen (:data:`helpers.figures.style.ARM_STYLES`: model
curves as plain lines labelled "model", no markers), so notebooks 02 and 05 draw each regimen alike. Effect
bands are grey and hatched, never in a series colour (notebook 02's band style, drawn by its helper).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from helpers._validate import frame, real
from helpers._validate import title as check_title
from helpers.figures.dose_concentration_effect.curves import _check_bands, _draw_bands
from helpers.figures.style import (
    ARM_STYLES,
    GREY,
    LINESTYLES,
    arm_style,
    data_style,
    figure,
    log_scale,
    model_style,
)
from helpers.figures.therapy_vs_recreational.styles import (
    _ARM_LABELS,
    _DRUG,
    _INK,
    _LEGEND_IN,
    BAND_EFFECTS,
    MIN_ROW_HEIGHT_IN,
)
from helpers.science.pk import Simulation

__all__ = ["plot_excess_over_placebo", "plot_regimens_over_bands", "plot_session_timeline"]


# --- the regimens over the concentration bands -----------------------------------------------------------
def plot_regimens_over_bands(sims: Mapping[str, Simulation], bands: pd.DataFrame, *, title: str,
                             effects: Sequence[str] = BAND_EFFECTS, t_max_min: float = 240.0,
                             y_range_ng_per_ml: tuple[float, float] = (10.0, 3000.0)) -> Figure:
    """Modelled concentration curves of the course's regimens over grey concentration–effect bands.

    Parameters
    ----------
    sims
        ``{regimen key: simulation}``; keys of :data:`helpers.figures.style.ARM_STYLES` (for example
        those of :data:`helpers.science.regimens.REGIMENS`), values from
        :func:`helpers.analysis.pk.simulate`. Each curve gets the regimen's course style, without markers,
        and a legend label ending in "(model)".
    bands
        ``data.load("concentration_bands")`` (columns ``effect``, ``low_ng_per_ml``, ``high_ng_per_ml``).
    title
        The figure title (state the finding).
    effects
        Band effects to draw (keys of notebook 02's band style); a range is shaded, a single value is a
        dashed line.
    t_max_min
        Right end of the time axis (min).
    y_range_ng_per_ml
        Limits of the logarithmic concentration axis (ng/mL).
    """
    if not isinstance(sims, Mapping) or not sims:
        raise ValueError("sims: give a mapping {regimen key: Simulation} with at least one curve")
    for key, sim in sims.items():
        arm_style(key)  # ValueError names the argument "key"
        if not isinstance(sim, Simulation):
            raise ValueError(f"sims: {key!r} is not a Simulation")
    check_title(title)
    rows = _check_bands(frame("bands", bands, ("effect", "low_ng_per_ml", "high_ng_per_ml")), effects)
    t_max = real("t_max_min", t_max_min, min_value=0.0, max_value=10_000.0, strict_min=True)
    low, high = (real("y_range_ng_per_ml", v, min_value=0.0, strict_min=True) for v in y_range_ng_per_ml)
    if high <= low:
        raise ValueError("y_range_ng_per_ml: the upper limit must exceed the lower limit")
    fig, ax = figure(figsize=(11, 6.2))
    _draw_bands(ax, rows, x_label_min=t_max * 1.015)  # the course's one band style (notebook 02's)
    for key, sim in sims.items():
        keep = sim.time_min <= t_max
        ax.plot(sim.time_min[keep], np.clip(sim.conc_ng_per_ml[keep], low, None), **model_style(key),
                label=f"{ARM_STYLES[key].label} (model)", zorder=3)
    log_scale(ax, "y")
    ax.set_ylim(low, high)
    ax.set_xlim(0, t_max)
    ax.set_xlabel("Time after the start of dosing (min)")
    ax.set_ylabel("Plasma ketamine (ng/mL, log scale)")
    ax.set_title(title)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=2, handlelength=3.2)
    fig.tight_layout()
    return fig


# --- altered-state events and every event of the label: drug beside placebo, excess with its interval ------
def plot_excess_over_placebo(rd: pd.DataFrame, *, title: str, row_labels: Sequence[str] | None = None
                             ) -> Figure:
    """How often each event occurred on esketamine and on placebo (left) and the excess over placebo with
    its 95 % interval (right); one row per event, at least :data:`MIN_ROW_HEIGHT_IN` tall.

    Parameters
    ----------
    rd
        Output of :func:`helpers.analysis.adverse.risk_differences` (one or more events).
    title
        Figure title; state the finding.
    row_labels
        Labels of the rows in the order of ``rd`` (default: the event names).

    Notes
    -----
    Placebo markers at 0 % stay fully visible (the axis starts below zero), and the legends sit under the
    panels, listing only the kinds of marker the chart shows.
    """
    rd = frame("rd", rd, ("event", "pct_esketamine", "pct_placebo", "rd_pp", "rd_low_pp", "rd_high_pp",
                           "differs"))
    if rd.empty:
        raise ValueError("rd: no events to draw")
    check_title(title)
    labels = list(rd["event"]) if row_labels is None else [str(x) for x in row_labels]
    if len(labels) != len(rd):
        raise ValueError(f"row_labels: give one label per event ({len(rd)}), got {len(labels)}")
    rd, labels = rd.iloc[::-1], labels[::-1]  # largest difference at the top
    n = len(rd)
    y = np.arange(n)
    panel_in = max(2, n) * MIN_ROW_HEIGHT_IN + 0.3
    fig, (left, right) = figure(1, 2, figsize=(11, panel_in + 2.3), sharey=True,
                                gridspec_kw={"width_ratios": [1, 1.1]})
    drug, placebo = data_style(_DRUG), data_style("placebo")
    left.hlines(y, rd["pct_placebo"], rd["pct_esketamine"], color="#bbbbbb", linewidth=1.5, zorder=1)
    left.plot(rd["pct_esketamine"], y, linestyle="none", markersize=8, label=_ARM_LABELS[0], zorder=3,
              clip_on=False, **drug)
    left.plot(rd["pct_placebo"], y, linestyle="none", markersize=8, markerfacecolor="white",
              markeredgewidth=1.8, label=_ARM_LABELS[1], zorder=3, clip_on=False, **placebo)
    top = max(5.0, float(rd["pct_esketamine"].max()) * 1.12)
    left.set_xlim(-0.04 * top, top)
    left.set_yticks(y, labels)
    left.set_ylim(*((-0.6, n - 0.4) if n > 1 else (-1.0, 1.0)))
    left.set_xlabel("Patients with the event (%)")
    left.set_title("How often", fontsize=13)

    differs = rd["differs"].to_numpy(dtype=bool)
    err = np.vstack([rd["rd_pp"] - rd["rd_low_pp"], rd["rd_high_pp"] - rd["rd_pp"]])
    right.errorbar(rd["rd_pp"], y, xerr=err, fmt="none", ecolor="#333333", elinewidth=1.4, capsize=3)
    kinds = [(differs, _INK, _INK, "95 % interval excludes 0"),
             (~differs, GREY, "white", "95 % interval includes 0")]
    for mask, edge, face, label in kinds:
        if mask.any():  # no legend entry for a kind the chart does not show
            right.plot(rd["rd_pp"][mask], y[mask], linestyle="none", marker="D", color=edge,
                       markerfacecolor=face, markeredgewidth=1.6, markersize=7, label=label, zorder=3)
    right.axvline(0, color="#555555", linestyle=LINESTYLES[1], linewidth=1)
    lo, hi = float(min(0.0, rd["rd_low_pp"].min())), float(max(0.0, rd["rd_high_pp"].max()))
    pad = 0.06 * (hi - lo or 1.0)
    right.set_xlim(lo - pad, hi + pad)
    right.set_xlabel("Esketamine minus placebo (percentage points)")
    right.set_title("Excess over placebo (95 % interval)", fontsize=13)
    fig.suptitle(title, fontsize=14, fontweight="bold", x=0.01, ha="left")
    height_in = panel_in + 2.3
    fig.tight_layout(rect=(0, _LEGEND_IN / height_in, 1, 1))
    handles = [h for ax in (left, right) for h in ax.get_legend_handles_labels()[0]]
    fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.01, 0.0), ncol=2, fontsize=12,
               frameon=False, columnspacing=2.0)
    return fig


def plot_session_timeline(course: pd.DataFrame, *, title: str) -> Figure:
    """When the effects of one esketamine session peak and end, against the label's minimum observation.

    A schematic of the milestones the sources state (not a measured curve).

    Parameters
    ----------
    course
        Rows of ``data.load("acute_time_course")`` for one product: ``effect``, ``milestone`` (``peak``,
        ``resolved``, ``minimum_monitoring``) and ``time_min``.
    title
        Figure title; state the finding.
    """
    course = frame("course", course, ("effect", "milestone", "time_min"))
    check_title(title)
    monitor = course[course["milestone"] == "minimum_monitoring"]
    rows = course[course["milestone"] != "minimum_monitoring"]
    effects = list(dict.fromkeys(rows["effect"]))
    if not effects:
        raise ValueError("course: no peak or end of an effect to draw")
    names = {"dissociation": "Dissociation", "blood_pressure": "Blood-pressure rise"}
    fig, ax = figure(figsize=(11, 2.0 + 0.9 * len(effects)))
    t_end = max(260.0, float(course["time_min"].max()) + 20)
    if not monitor.empty:
        end = float(monitor["time_min"].max())
        ax.axvspan(0, end, color="#e8e8e8", zorder=0)
        ax.axvline(end, color="#555555", linestyle=LINESTYLES[1], linewidth=1.5)
        ax.text(end / 2, len(effects) - 0.2, f"Observation in the clinic: at least {end / 60:g} h (label)",
                ha="center", va="bottom", fontsize=12)
    colour = ARM_STYLES[_DRUG].color
    for i, effect in enumerate(effects[::-1]):
        sub = rows[rows["effect"] == effect].set_index("milestone")["time_min"]
        if "resolved" in sub.index:
            ax.hlines(i, 0, float(sub["resolved"]), color=colour, linewidth=7, alpha=0.35)
            ax.plot(float(sub["resolved"]), i, marker="s", color=colour, markersize=9, linestyle="none")
            ax.annotate(f"{float(sub['resolved']):.0f} min", (float(sub["resolved"]), i), xytext=(8, 6),
                        textcoords="offset points", fontsize=12)
        if "peak" in sub.index:
            ax.plot(float(sub["peak"]), i, marker="^", color=_INK, markersize=11,
                    linestyle="none")
            ax.annotate(f"peak {float(sub['peak']):.0f} min", (float(sub["peak"]), i), xytext=(0, 10),
                        textcoords="offset points", fontsize=12, ha="center")
    ax.set_yticks(range(len(effects)),
                  [names.get(e, e.replace("_", " ").capitalize()) for e in effects[::-1]])
    ax.set_ylim(-0.7, len(effects) + 0.3)
    ax.set_xlim(0, t_end)
    ax.set_xlabel("Time after the dose (min)")
    ax.grid(axis="y", visible=False)
    handles = [Line2D([], [], marker="^", color=_INK, linestyle="none", markersize=11,
                      label="Peak"),
               Line2D([], [], marker="s", color=colour, linestyle="none", markersize=9,
                      label="Generally over (dissociation) or lasts until (blood pressure)")]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, -0.3), ncol=2, frameon=False)
    ax.set_title(title)
    fig.tight_layout()
    return fig
