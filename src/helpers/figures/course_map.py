"""Plot a dated list of events (ketamine's history) as a timeline."""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure

from helpers._validate import frame
from helpers._validate import wrap as check_wrap
from helpers.figures.style import MARKERS, PALETTE, figure

__all__ = ["CATEGORY_STYLE", "plot_timeline"]

#: Colour and marker of each event category (shape and colour both tell categories apart).
CATEGORY_STYLE: dict[str, dict[str, str]] = {
    "science": {"color": PALETTE[0], "marker": MARKERS[0], "label": "Science"},
    "clinical": {"color": PALETTE[1], "marker": MARKERS[1], "label": "Clinical research"},
    "regulation": {"color": PALETTE[2], "marker": MARKERS[2], "label": "Regulation"},
}


#: Heights of the label tiers above (and, negated, below) the axis [axis units].
_TIERS: tuple[float, ...] = (1.0, 3.0, 5.0)
#: Years two labels on the same tier must be apart so that they do not overlap.
_LABEL_WIDTH_YEARS = 22


def _label_levels(years: list[int]) -> list[float]:
    """A label height per event: alternate above and below, and on each side move up a tier when the
    previous label on the tier is too close in time to leave room."""
    last: dict[float, float] = {}
    levels = []
    for i, year in enumerate(years):
        sides = (1, -1) if i % 2 == 0 else (-1, 1)
        options = [side * tier for side in sides for tier in _TIERS]
        free = [lv for lv in options if year - last.get(lv, -1e9) >= _LABEL_WIDTH_YEARS]
        level = free[0] if free else min(options, key=lambda lv: last.get(lv, -1e9))
        last[level] = year
        levels.append(level)
    return levels


def plot_timeline(events: pd.DataFrame, *, title: str, wrap: int = 26) -> Figure:
    """Draw events on a horizontal time axis, labels alternating above and below.

    Parameters
    ----------
    events
        A table with columns ``year`` (int), ``event`` (text) and ``category`` (a key of
        :data:`CATEGORY_STYLE`), such as ``helpers.data.load("history")``.
    title
        The figure title (state the finding).
    wrap
        Characters per label line (>= 10).

    Returns
    -------
    matplotlib.figure.Figure
    """
    frame("events", events, ("year", "event", "category"))
    unknown = set(events["category"]) - set(CATEGORY_STYLE)
    if unknown:
        raise ValueError(f"events: unknown category {sorted(unknown)}")
    check_wrap(wrap, min_value=10)
    ordered = events.sort_values("year").reset_index(drop=True)
    fig, ax = figure(figsize=(11, 7))
    years = ordered["year"].astype(int)
    ax.axhline(0, color="#555555", linewidth=1.5, zorder=1)
    for (_, row), level in zip(ordered.iterrows(), _label_levels(years.tolist()), strict=True):
        style = CATEGORY_STYLE[row["category"]]
        ax.vlines(row["year"], 0, level, color="#999999", linewidth=1, zorder=1)
        ax.plot(row["year"], 0, linestyle="none", marker=style["marker"], color=style["color"],
                markersize=11, markeredgecolor="black", zorder=3)
        label = f"{int(row['year'])}: " + row["event"]
        ax.annotate("\n".join(textwrap.wrap(label, wrap)), (row["year"], level), ha="center",
                    va="bottom" if level > 0 else "top", fontsize=10.5, zorder=2,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0, "alpha": 0.7})
    for style in CATEGORY_STYLE.values():
        ax.plot([], [], linestyle="none", marker=style["marker"], color=style["color"],
                markeredgecolor="black", label=style["label"])
    ax.legend(loc="upper left", ncols=3, bbox_to_anchor=(0, -0.12))
    ax.set_ylim(-_TIERS[-1] - 2.6, _TIERS[-1] + 2.4)
    ax.set_xlim(years.min() - 6, years.max() + 6)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.grid(False)
    ax.set_xlabel("Year")
    ax.set_title(title)
    return fig
