"""Notebook 06's charts: verdicts at a glance, the evidence pyramid and STAR*D remission by level.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Polygon, Rectangle
from matplotlib.transforms import blended_transform_factory

from helpers._validate import columns as check_columns
from helpers._validate import title as check_title
from helpers._validate import wrap as check_wrap
from helpers.analysis.claims import (
    EVIDENCE_LABELS,
    VERDICT_LABELS,
    filter_claims,
    short_name,
    verdict_counts,
)
from helpers.data import split_ids
from helpers.data.vocab import CLAIM_VERDICTS
from helpers.figures.rendering import show
from helpers.figures.style import MARKERS, OKABE_ITO, figure

__all__ = [
    "VERDICT_STYLE",
    "plot_claims",
    "plot_hierarchy",
    "plot_stard",
    "show_claims",
]

#: Display name, colour and marker of each verdict; position on the chart follows CLAIM_VERDICTS.
VERDICT_STYLE: dict[str, dict[str, str]] = {
    "supported": {"label": VERDICT_LABELS["supported"], "color": OKABE_ITO["bluish_green"],
                  "marker": MARKERS[0]},
    "partly_supported": {"label": VERDICT_LABELS["partly_supported"], "color": OKABE_ITO["orange"],
                         "marker": MARKERS[3]},
    "not_supported": {"label": VERDICT_LABELS["not_supported"], "color": OKABE_ITO["reddish_purple"],
                      "marker": MARKERS[4]},
    "false": {"label": VERDICT_LABELS["false"], "color": OKABE_ITO["vermillion"], "marker": MARKERS[6]},
}

def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def plot_claims(claims: pd.DataFrame, *, title: str, verdict: str | None = None,
                evidence_type: str | None = None, wrap: int = 48) -> Figure:
    """Chart each claim with its verdict (column, colour and marker) and its evidence type.

    Every claim label sits on the same row as its verdict, so no claim is shown without it.

    Parameters
    ----------
    claims
        A claims table with columns ``claim_id``, ``label``, ``verdict`` and ``evidence_type``.
    title
        Figure title (state the finding).
    verdict, evidence_type
        Optional filters, as in :func:`filter_claims`.
    wrap
        Characters per line of a claim label (>= 20).

    Returns
    -------
    matplotlib.figure.Figure
    """
    check_columns("claims", claims, ("claim_id", "label", "verdict", "evidence_type"))
    check_title(title)
    check_wrap(wrap, min_value=20)
    shown = filter_claims(claims, verdict, evidence_type)
    unknown = set(shown["evidence_type"]) - set(EVIDENCE_LABELS)
    if unknown:
        raise ValueError(f"claims: unknown evidence type(s) {sorted(unknown)}")
    rows = max(len(shown), 1)
    fig, ax = figure(figsize=(12, 1.9 + 0.62 * rows))
    columns = list(CLAIM_VERDICTS)
    for x in range(len(columns)):
        ax.axvline(x, color="#dddddd", linewidth=1, zorder=0)
    for y, row in enumerate(shown.itertuples(index=False)):
        style = VERDICT_STYLE[row.verdict]
        x = columns.index(row.verdict)
        ax.plot(x, y, linestyle="none", marker=style["marker"], markersize=13, color=style["color"],
                markeredgecolor="black", zorder=3)
        ax.text(-0.45, y, _wrap(f"({row.claim_id}) {row.label}", wrap), ha="right", va="center")
        ax.text(len(columns) - 0.55, y, EVIDENCE_LABELS[row.evidence_type], ha="left", va="center")
    if shown.empty:
        ax.text(1.5, 0, "No claim matches this filter.", ha="center", va="center")
    ax.set_xlim(-0.45, len(columns) - 0.55)
    ax.set_ylim(rows - 0.5, -0.5)
    ax.set_xticks(range(len(columns)), [VERDICT_STYLE[v]["label"] for v in columns])
    ax.xaxis.set_ticks_position("top")
    ax.tick_params(axis="x", length=0)
    ax.set_yticks([])
    ax.grid(False)
    for side in ("left", "right", "bottom", "top"):
        ax.spines[side].set_visible(False)
    header = blended_transform_factory(ax.transData, ax.transAxes)
    ax.text(len(columns) - 0.55, 1.0, "Main evidence", transform=header, ha="left", va="bottom",
            fontweight="bold")
    ax.set_title(title, pad=30)
    return fig


def show_claims(claims: pd.DataFrame, verdict: str = "all", evidence_type: str = "all") -> None:
    """Display :func:`plot_claims` for a filter, with alt text and sources (for ``ipywidgets.interact``)."""

    shown = filter_claims(claims, verdict, evidence_type)
    counts = verdict_counts(shown)
    summary = ", ".join(f"{counts[v]} {VERDICT_STYLE[v]['label'].lower()}" for v in CLAIM_VERDICTS
                        if counts[v])
    chosen = [f"verdict {VERDICT_STYLE[verdict]['label'].lower()}" if verdict not in (None, "all") else "",
              f"{EVIDENCE_LABELS[evidence_type]}" if evidence_type not in (None, "all") else ""]
    scope = "; ".join(c for c in chosen if c) or "all"
    n = len(shown)
    title = f"{n} claim{'s' if n != 1 else ''} ({scope}): {summary or 'none'}"
    fig = plot_claims(claims, title=title, verdict=verdict, evidence_type=evidence_type)
    if shown.empty:
        ids = list(dict.fromkeys(i for cell in claims["source_id"] for i in split_ids(cell)))
    else:
        ids = list(dict.fromkeys(i for cell in shown["source_id"] for i in split_ids(cell)))
    summary = ", ".join(f"{counts[v]} {VERDICT_STYLE[v]['label'].lower()}" for v in CLAIM_VERDICTS)
    show(fig, alt=f"Chart of {n} claims placed in verdict columns ({summary}), each with its evidence type.",
         sources=ids)


def plot_hierarchy(hierarchy: pd.DataFrame, sources: pd.DataFrame, *, title: str, wrap: int = 58) -> Figure:
    """Draw the evidence pyramid and place sources on it by their ``kind``.

    Parameters
    ----------
    hierarchy
        ``helpers.data.load("evidence_hierarchy")``: columns ``kind``, ``tier`` (1 bottom to 5 top;
        0 = beside the pyramid) and ``tier_label``.
    sources
        Rows of ``sources.csv`` to place (columns ``id``, ``authors``, ``year``, ``kind``, ``title``).
    title
        Figure title (state the finding).
    wrap
        Characters per line of the source lists (>= 20).

    Returns
    -------
    matplotlib.figure.Figure
    """
    check_columns("hierarchy", hierarchy, ("kind", "tier", "tier_label"))
    check_columns("sources", sources, ("id", "authors", "year", "kind", "title"))
    check_title(title)
    check_wrap(wrap, min_value=20)
    tier_of = dict(zip(hierarchy["kind"], hierarchy["tier"].astype(int), strict=True))
    missing = sorted(set(sources["kind"]) - set(tier_of))
    if missing:
        raise ValueError(f"hierarchy: no tier for kind(s) {missing}")
    labels = hierarchy.drop_duplicates("tier").set_index("tier")["tier_label"]
    names: dict[int, list[str]] = {t: [] for t in labels.index}
    for _, row in sources.sort_values(["year", "id"]).iterrows():
        names[tier_of[row["kind"]]].append(short_name(row))
    tiers = sorted(t for t in labels.index if t > 0)
    hatches = ["", "//", "..", "\\\\", "xx"]
    fills = ["#f2f2f2", "#dbe9f6", "#c6dbef", "#9ecae1", "#6baed6"]
    fig, ax = figure(figsize=(12, 9))
    top = len(tiers)
    base = 1.4  # [row units] the official documents' box sits below the pyramid
    for i, tier in enumerate(tiers):
        y0, y1 = base + i, base + i + 1
        half0, half1 = 1 - i / top, max(1 - (i + 1) / top, 0.08)
        ax.add_patch(Polygon([(-half0, y0), (half0, y0), (half1, y1), (-half1, y1)], closed=True,
                             facecolor=fills[i % 5], edgecolor="black", hatch=hatches[i % 5]))
        ax.plot([half1 + 0.05, 1.12], [y0 + 0.82, y0 + 0.82], color="#777777", linewidth=1, linestyle="-")
        ax.text(1.15, y0 + 0.82, f"{tier}. {labels[tier]}", fontweight="bold", va="center")
        listed = ", ".join(names[tier]) or "(none of these sources)"
        ax.text(1.15, y0 + 0.64, _wrap(listed, wrap), va="top")
    if 0 in labels.index:
        ax.add_patch(Rectangle((-1, 0.1), 2, 1.0, facecolor="white", edgecolor="black", linestyle="--"))
        ax.text(0, 0.6, "beside the pyramid", ha="center", va="center", style="italic")
        ax.text(1.15, 1.0, f"{labels[0]}", fontweight="bold", va="center")
        ax.text(1.15, 0.82, _wrap(", ".join(names[0]) or "(none)", wrap), va="top")
    ax.annotate("", xy=(-1.25, base + top), xytext=(-1.25, base), arrowprops={"arrowstyle": "->", "lw": 2})
    ax.text(-1.33, base + top / 2, "Lower risk of bias (usually)", rotation=90, ha="right", va="center")
    ax.set_xlim(-1.5, 4.6)
    ax.set_ylim(0, base + top + 0.05)
    ax.axis("off")
    ax.set_title(title)
    return fig


def plot_stard(levels: pd.DataFrame, *, title: str) -> Figure:
    """Bar chart of STAR*D remission [%] by treatment level, with the number entering each level.

    Parameters
    ----------
    levels
        ``helpers.data.load("stard_levels")``: columns ``level``, ``n_entered``, ``remission_pct``.
    title
        Figure title (state the finding).
    """
    table = check_columns("levels", levels, ("level", "n_entered", "remission_pct"))
    if table.empty:
        raise ValueError("levels: the table is empty")
    check_title(title)
    ordered = table.sort_values("level")
    fig, ax = figure(figsize=(9, 5))
    x = np.arange(len(ordered))
    hatches = ["", "//", "..", "xx"]
    bars = ax.bar(x, ordered["remission_pct"].astype(float), color=OKABE_ITO["blue"], edgecolor="black",
                  width=0.6)
    for bar, hatch in zip(bars, hatches * len(bars), strict=False):
        bar.set_hatch(hatch)
        bar.set_facecolor("#9ecae1")
    for xi, pct_value in zip(x, ordered["remission_pct"].astype(float), strict=True):
        ax.text(xi, pct_value + 1, f"{pct_value:.1f}%", ha="center", va="bottom", fontweight="bold")
    ticks = [f"Level {int(lv)}\nn = {int(n):,} entered" for lv, n in zip(ordered["level"],
                                                                          ordered["n_entered"], strict=True)]
    ax.set_xticks(x, ticks)
    ax.set_ylim(0, 45)
    ax.set_ylabel("Remission (% of patients in the level)")
    ax.set_title(title)
    return fig
