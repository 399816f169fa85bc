"""Notebook 02's static comparison of routes: bioavailability estimates by formulation, and routes in words.

:func:`plot_bioavailability` returns a :class:`matplotlib.figure.Figure` (drawn in the course style) and
never shows it: display it with :func:`helpers.figures.show`. Each route has its own colour and marker.
"""

from __future__ import annotations

import math
import textwrap

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from helpers.figures.style import MARKERS, PALETTE, figure

__all__ = ["ROUTE_WORDS", "plot_bioavailability"]


#: Routes in words (legends and tables).
ROUTE_WORDS: dict[str, str] = {"iv": "intravenous", "nasal": "nasal", "sublingual": "sublingual",
                               "rectal": "rectal", "oral": "oral (swallowed)"}


def plot_bioavailability(table: pd.DataFrame, *, title: str) -> Figure:
    """Dot plot of bioavailability estimates (%) by formulation, with intervals where given.

    An interval is drawn over its marker and also printed beside the value ("29% (27–31)"), so a narrow
    interval is never hidden behind the marker. A long title is wrapped to the chart's width.

    Parameters
    ----------
    table
        ``load("bioavailability")``: ``route``, ``formulation``, ``bioavailability_pct``, ``low_pct``,
        ``high_pct``, ``n`` and ``source_id``.
    title
        The figure title (state the finding).
    """
    if not isinstance(table, pd.DataFrame):
        raise ValueError(f"table: expected a DataFrame, got {type(table).__name__}")
    needed = {"route", "formulation", "bioavailability_pct", "low_pct", "high_pct", "n", "source_id"}
    missing = needed - set(table.columns)
    if missing:
        raise ValueError(f"table: missing column(s) {sorted(missing)}")
    if table.empty:
        raise ValueError("table: the table is empty")
    order = ["iv", "nasal", "sublingual", "rectal", "oral"]
    unknown = set(table["route"]) - set(order)
    if unknown:
        raise ValueError(f"table: unknown route(s) {sorted(unknown)}")
    data = table.assign(_rank=table["route"].map(order.index)).sort_values(
        ["_rank", "bioavailability_pct"], ascending=[False, True]).reset_index(drop=True)
    fig, ax = figure(figsize=(12, 0.42 * len(data) + 1.8))
    for route_i, route in enumerate(order):
        part = data[data["route"] == route]
        if part.empty:
            continue
        y = part.index.to_numpy()
        x = part["bioavailability_pct"].astype(float).to_numpy()
        lo = part["low_pct"].astype(float).to_numpy()
        hi = part["high_pct"].astype(float).to_numpy()
        has = ~np.isnan(lo)
        ax.plot(x, y, linestyle="none", marker=MARKERS[route_i], color=PALETTE[route_i], markersize=9,
                markeredgecolor="black", label=ROUTE_WORDS[route], zorder=3)
        if has.any():  # over the marker, so that a narrow interval stays visible
            ax.errorbar(x[has], y[has], xerr=[x[has] - lo[has], hi[has] - x[has]], fmt="none",
                        ecolor="#222222", elinewidth=2, capsize=5, capthick=2, zorder=4)
        for xi, yi, low, high in zip(x, y, lo, hi, strict=True):
            text = f"{xi:g}%" if math.isnan(low) else f"{xi:g}% ({low:g}–{high:g})"
            right = xi if math.isnan(high) else max(xi, high)  # beside the interval's cap, not over it
            ax.text(right + 2.5, yi, text, va="center", fontsize=11)
    names = [f"{f} (n={int(n)})" if pd.notna(n) else str(f) for f, n in
             zip(data["formulation"], data["n"], strict=True)]
    ax.set_yticks(range(len(data)), names)
    ax.set_xlim(0, 118)
    ax.set_xlabel("Bioavailability (% of the dose reaching the circulation)")
    ax.set_title("\n".join(textwrap.wrap(title, 52)))
    ax.legend(loc="lower right", title="Route")
    fig.tight_layout()
    return fig
