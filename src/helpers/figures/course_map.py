"""Plot a dated list of events (ketamine's history) as a timeline."""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.axes import Axes
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
#: Events closer than this [years] would have touching markers on the axis: they are moved apart.
_CLOSE_YEARS = 2
#: How far a marker of a close event moves off the axis line, towards its label [axis units].
_DODGE = 0.45
#: Space kept between the outermost label and the edge of the plot [axis units].
_MARGIN = 0.4
#: Space kept between a label and another event's stem that passes it [years].
_STEM_GAP_YEARS = 1.0


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


def _marker_offsets(years: list[int], levels: list[float]) -> list[float]:
    """A vertical offset per event marker: 0 on the axis line, or :data:`_DODGE` towards its label when an
    event less than :data:`_CLOSE_YEARS` away would touch it; two close events never share a side."""
    offsets = []
    for i, (year, level) in enumerate(zip(years, levels, strict=True)):
        close = [j for j, other in enumerate(years) if j != i and abs(other - year) < _CLOSE_YEARS]
        if not close:
            offsets.append(0.0)
            continue
        side = 1.0 if level > 0 else -1.0
        if any(j < i and offsets[j] == side * _DODGE for j in close):
            side = -side
        offsets.append(side * _DODGE)
    return offsets


def _clear_stems(fig: Figure, ax: Axes, levels: list[float]) -> None:
    """Move a label sideways when the stem of a label further out on its side would pass through it, as long
    as the label still covers its own stem."""
    fig.canvas.draw()
    to_data = ax.transData.inverted()
    labels = list(ax.texts)
    stems = [label.xy[0] for label in labels]
    for i, (label, level) in enumerate(zip(labels, levels, strict=True)):
        for j, (stem, other_level) in enumerate(zip(stems, levels, strict=True)):
            if j == i or other_level * level < 0 or abs(other_level) <= abs(level):
                continue
            box = label.get_window_extent().transformed(to_data)
            if not box.x0 - _STEM_GAP_YEARS < stem < box.x1 + _STEM_GAP_YEARS:
                continue
            shift = stem - _STEM_GAP_YEARS - box.x1 if stem >= stems[i] else stem + _STEM_GAP_YEARS - box.x0
            if box.x0 + shift < stems[i] < box.x1 + shift:  # the label still covers its own stem
                label.xy = (label.xy[0] + shift, level)
                label.set_position(label.xy)


def _fit_height(fig: Figure, ax: Axes) -> None:
    """Set the y limits to just contain every label (so none is clipped and no empty band is left)."""
    for _ in range(4):  # the labels' size in axis units changes with the limits: repeat until settled
        fig.canvas.draw()
        to_data = ax.transData.inverted()
        boxes = [text.get_window_extent().transformed(to_data) for text in ax.texts]
        ax.set_ylim(min(b.y0 for b in boxes) - _MARGIN, max(b.y1 for b in boxes) + _MARGIN)


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
    levels = _label_levels(years.tolist())
    offsets = _marker_offsets(years.tolist(), levels)
    ax.axhline(0, color="#555555", linewidth=1.5, zorder=1)
    for (_, row), level, offset in zip(ordered.iterrows(), levels, offsets, strict=True):
        style = CATEGORY_STYLE[row["category"]]
        ax.vlines(row["year"], 0, level, color="#999999", linewidth=1, zorder=1)
        ax.plot(row["year"], offset, linestyle="none", marker=style["marker"], color=style["color"],
                markersize=10, markeredgecolor="black", zorder=3)
        label = f"{int(row['year'])}: " + row["event"]
        ax.annotate("\n".join(textwrap.wrap(label, wrap)), (row["year"], level), ha="center",
                    va="bottom" if level > 0 else "top", fontsize=10.5, zorder=2,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0, "alpha": 0.7})
    for style in CATEGORY_STYLE.values():
        ax.plot([], [], linestyle="none", marker=style["marker"], color=style["color"],
                markeredgecolor="black", label=style["label"])
    ax.set_xlim(years.min() - 8, years.max() + 6)
    ax.set_ylim(-_TIERS[-1] - 1, _TIERS[-1] + 1)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.grid(False)
    ax.set_xlabel("Year")
    ax.set_title(title)
    _clear_stems(fig, ax, levels)
    _fit_height(fig, ax)
    ax.legend(loc="upper left", ncols=3, bbox_to_anchor=(0, -0.1))
    return fig
