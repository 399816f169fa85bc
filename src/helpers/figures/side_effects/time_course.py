"""Notebook 04's schematic timeline of acute effects: when each peaks and until when it lasts.

The esketamine nasal spray keeps the style of a flexible or pooled esketamine arm and the IV racemic
infusion its own (:data:`helpers.figures.style.ARM_STYLES`).
"""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from helpers._validate import frame
from helpers._validate import title as check_title
from helpers.figures.side_effects.styles import ARM_KEYS
from helpers.figures.style import LINESTYLES, OKABE_ITO, data_style, figure

__all__ = ["plot_time_course"]

_TIME_COLUMNS = ("effect", "product", "milestone", "time_min")


def _row_label(effect: str, product: str) -> str:
    name = str(effect).replace("_", " ").replace("bp", "blood pressure")
    name = name[:1].upper() + name[1:]
    return f"{name}\n({product})"


def _product_key(product: str) -> str:
    return "antidepressant_infusion" if "IV" in str(product) else ARM_KEYS["flexible"]


def plot_time_course(course: pd.DataFrame, *, title: str) -> Figure:
    """Schematic timeline of acute effects: when they peak and until when they last.

    Not a measured curve: each row shows only the milestones stated by its source. Every row is drawn the
    same way: a marker at the peak (esketamine nasal spray and IV racemic ketamine each in their course
    style), a bar from the dose to the time the effect has generally resolved, and, where the source
    states no end, a note saying so. The drug label's minimum monitoring time is shaded.

    Parameters
    ----------
    course
        ``data.load("acute_time_course")`` (or some of its rows).
    title
        Figure title; state the finding.

    Raises
    ------
    ValueError
        ``course`` lacks a column or has no row other than the monitoring time, or ``title`` is empty.
    """
    course = frame("course", course, _TIME_COLUMNS)
    check_title(title)
    monitor = course[course["milestone"] == "minimum_monitoring"]
    rows = course[course["milestone"] != "minimum_monitoring"]
    if rows.empty:
        raise ValueError("course: no peak or resolution times to draw")
    groups = list(dict.fromkeys(zip(rows["effect"], rows["product"], strict=True)))
    x_max = max(260.0, float(course["time_min"].max()) + 20)  # [min]
    fig, ax = figure(figsize=(11, 2.2 + 0.85 * len(groups)))
    if not monitor.empty:
        end = float(monitor["time_min"].max())
        ax.axvspan(0, end, color=OKABE_ITO["bluish_green"], alpha=0.10, zorder=0)
        ax.axvline(end, color=OKABE_ITO["bluish_green"], linestyle=LINESTYLES[1], linewidth=1.5)
        ax.text(end + 3, len(groups) - 0.45, f"drug label: monitor for at least {end / 60:g} h",
                fontsize=11, color="#1f5e4b", va="top")
    labels = []
    for i, (effect, product) in enumerate(groups[::-1]):
        sub = rows[(rows["effect"] == effect) & (rows["product"] == product)].set_index("milestone")
        style = data_style(_product_key(product))
        peak = float(sub.loc["peak", "time_min"]) if "peak" in sub.index else None
        end = float(sub.loc["resolved", "time_min"]) if "resolved" in sub.index else None
        if end is not None:
            ax.hlines(i, 0, end, color=style["color"], linewidth=6, alpha=0.55)
            ax.plot(end, i, marker="|", color=style["color"], markersize=22, markeredgewidth=3,
                    linestyle="none")
        if peak is not None:
            ax.plot(peak, i, linestyle="none", markersize=11, markeredgecolor="#222222", **style)
            change = sub.loc["peak"].get("change_mmhg") if "change_mmhg" in sub.columns else None
            note = ""
            if change is not None and not pd.isna(change):
                note = f"mean {float(change):+.1f} mmHg at the peak"
            if end is None:
                note = f"{note}; end time not reported" if note else "end time not reported"
            if note:
                ax.annotate(note, (peak, i), xytext=(10, 0), textcoords="offset points", fontsize=11,
                            va="center")
        labels.append(_row_label(effect, product))
    products = list(dict.fromkeys(rows["product"]))
    handles = [Line2D([], [], linestyle="none", markersize=10, markeredgecolor="#222222",
                      label=f"peak: {p}", **data_style(_product_key(p))) for p in products]
    handles.append(Line2D([], [], color="#555555", marker="|", markersize=16, markeredgewidth=3,
                          linestyle="none", label="generally resolved (bar: from the dose until then)"))
    ax.set_yticks(range(len(groups)), labels)
    ax.set_ylim(-0.6, len(groups) - 0.3)
    ax.set_xlim(0, x_max)
    ax.set_xlabel("Time after the dose (min)")
    ax.set_title("\n".join(textwrap.wrap(title, 62)), fontsize=13)
    fig.tight_layout()
    fig.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncols=1, fontsize=11,
               frameon=False)  # under the axis label, never over the rows
    return fig
