"""Notebook 07's charts: head-to-head trials as a forest plot with NNTs, a non-inferiority interval against
its margin, and dissociation by arm (why blinding is hard).

Every arm keeps its course style (:data:`helpers.figures.style.ARM_STYLES`): the ketamine and esketamine
arms as in notebooks 02–05, the comparators quetiapine and ECT in styles of their own. Ketamine arms have
filled markers and comparators or control arms open ones, so that fill and shape, not colour alone, tell
them apart.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import blended_transform_factory

from helpers._validate import frame, real
from helpers._validate import title as check_title
from helpers.analysis.comparisons import rates_with_ci
from helpers.figures.side_effects.styles import arm_key
from helpers.figures.style import GREY, LINESTYLES, OKABE_ITO, data_style, figure

__all__ = ["arm_style_key", "plot_dissociation", "plot_head_to_head", "plot_margin"]

_EDGE = "#222222"

#: Legend words of the arms' course styles in :func:`plot_head_to_head`.
_ARM_WORDS: dict[str, str] = {
    "ketamine_other_dose": "esketamine nasal spray",
    "antidepressant_infusion": "IV ketamine",
    "quetiapine_xr": "extended-release quetiapine",
    "ect": "ECT",
}
_MARKERSIZE = 9  # [pt]


def arm_style_key(arm: str) -> str:
    """The course style (a key of :data:`~helpers.figures.style.ARM_STYLES`) of an arm named in notebook
    07's tables, read from its words: quetiapine, ECT, placebo or midazolam, esketamine (at a flexible dose,
    as in notebook 04) or an IV ketamine infusion.

    >>> arm_style_key("Esketamine nasal spray 56 or 84 mg"), arm_style_key("ECT three times a week")
    ('ketamine_other_dose', 'ect')

    Raises
    ------
    ValueError
        ``arm`` is not a string, or names none of these.
    """
    if not isinstance(arm, str):
        raise ValueError(f"arm: expected the arm's name, got {arm!r}")
    words = arm.lower()
    for needle, key in (("quetiapine", "quetiapine_xr"), ("ect", "ect"), ("electroconvulsive", "ect"),
                        ("midazolam", "midazolam"), ("placebo", "placebo"),
                        ("esketamine", "ketamine_other_dose"), ("ketamine", "antidepressant_infusion")):
        if needle == "ect" and "ect" not in words.replace("(", " ").replace(")", " ").split():
            continue
        if needle in words:
            return key
    raise ValueError(f"arm: no course style for {arm!r}")


def _marker(key: str, filled: bool) -> dict[str, object]:
    style = data_style(key)
    face = style["color"] if filled else "white"
    edge = _EDGE if filled else style["color"]
    return {"marker": style["marker"], "color": style["color"], "markerfacecolor": face,
            "markeredgecolor": edge, "markeredgewidth": 0.8 if filled else 1.8, "markersize": _MARKERSIZE,
            "linestyle": "none"}


def _row_label(row: pd.Series, width: int) -> str:
    text = f"{row['trial']}: {row['outcome']}, {row['time_point']}"
    return "\n".join(textwrap.wrap(text, width))


def plot_head_to_head(diffs: pd.DataFrame, *, title: str) -> Figure:
    """Forest plot of head-to-head trials: each arm's rate (left) and ketamine minus comparator (right),
    with 95 % intervals and the number needed to treat written beside each difference.

    Parameters
    ----------
    diffs
        :func:`helpers.analysis.comparisons.head_to_head_differences` (rows of benefit outcomes), and
        optionally rows of :func:`~helpers.analysis.comparisons.reported_differences`.
    title
        Figure title; state the finding.

    Returns
    -------
    matplotlib.figure.Figure
        Two panels sharing one row per trial and outcome; the legend below them. Rows without counts
        (:func:`~helpers.analysis.comparisons.reported_differences`) show each arm's rate without an
        interval and the difference with the interval the trial reported.

    Raises
    ------
    ValueError
        ``diffs`` lacks a column or is empty, or ``title`` is empty.
    """
    diffs = frame("diffs", diffs, ("trial", "outcome", "time_point", "ketamine_arm", "comparator_arm",
                                   "events_ketamine", "n_ketamine", "events_comparator", "n_comparator",
                                   "pct_ketamine", "pct_comparator", "rd_pp", "rd_low_pp", "rd_high_pp",
                                   "nn_text"))
    if diffs.empty:
        raise ValueError("diffs: no rows to draw")
    check_title(title)
    y = np.arange(len(diffs))[::-1].astype(float)
    fig, (left, right) = figure(1, 2, figsize=(15, 2.2 + 0.95 * len(diffs)), sharey=True,
                                gridspec_kw={"width_ratios": [1, 1.15]})
    handles: dict[str, Line2D] = {}
    extra: list[Line2D] = []
    for role, offset, filled in (("ketamine", 0.17, True), ("comparator", -0.17, False)):
        for yi, (_, row) in zip(y, diffs.iterrows(), strict=True):
            arm, pct = row[f"{role}_arm"], float(row[f"pct_{role}"])
            style = _marker(arm_style_key(arm), filled)
            events, n = row[f"events_{role}"], row[f"n_{role}"]
            if pd.notna(events) and pd.notna(n):  # a Wilson interval where the counts are known
                rate = rates_with_ci(pd.DataFrame({"events": [int(events)], "n": [int(n)]})).iloc[0]
                whisker = [[pct - rate["low_pct"]], [rate["high_pct"] - pct]]
                left.errorbar(pct, yi + offset, xerr=whisker, ecolor=style["color"], elinewidth=1.8,
                              capsize=0, **style)
            else:
                left.plot(pct, yi + offset, **style)
            key = arm_style_key(arm)
            fill = "filled" if filled else "open"
            handles.setdefault(key, Line2D([], [], label=f"{_ARM_WORDS.get(key, arm)} ({fill})", **style))
    left.set_yticks(y, [_row_label(r, 30) for _, r in diffs.iterrows()])
    left.set_ylim(-0.6, len(diffs) - 0.4)
    left.set_xlim(0, 100)
    left.set_xlabel("Patients with the outcome (%)")
    left.set_title("Each arm (95 % Wilson interval)", fontsize=13)

    counts = diffs[["events_ketamine", "n_ketamine", "events_comparator", "n_comparator"]]
    counted = counts.notna().all(axis=1).to_numpy()
    for mask, face, words in ((counted, OKABE_ITO["blue"], "difference, interval from the counts"),
                              (~counted, "white", "difference, interval as the trial reported")):
        if not mask.any():
            continue
        part = diffs[mask]
        err = np.vstack([part["rd_pp"] - part["rd_low_pp"], part["rd_high_pp"] - part["rd_pp"]])
        diamond = {"marker": "D", "color": OKABE_ITO["black"], "markerfacecolor": face,
                   "markeredgecolor": _EDGE}
        right.errorbar(part["rd_pp"], y[mask], xerr=err, linestyle="none", markersize=8, elinewidth=1.6,
                       capsize=4, **diamond)
        extra.append(Line2D([], [], linestyle="none", label=words, **diamond))
    right.axvline(0, color="#555555", linestyle=LINESTYLES[1], linewidth=1)
    span = max(float(diffs["rd_high_pp"].max()), 0.0) - min(float(diffs["rd_low_pp"].min()), 0.0)
    right.set_xlim(min(float(diffs["rd_low_pp"].min()), 0.0) - 0.08 * span,
                   max(float(diffs["rd_high_pp"].max()), 0.0) + 0.08 * span)
    along = blended_transform_factory(right.transAxes, right.transData)
    for yi, text in zip(y, diffs["nn_text"], strict=True):
        right.text(1.03, yi, text.replace(" (CI ", "\n(95 % CI ").replace(") for", ")\nfor"), transform=along,
                   va="center", ha="left", fontsize=12)
    right.set_xlabel("Ketamine or esketamine minus comparator\n(percentage points)")
    right.set_title("Difference (95 % interval)", fontsize=13)
    legend_handles = [*handles.values(), *extra]
    fig.suptitle(title, fontsize=14, fontweight="bold")
    fig.tight_layout(w_pad=4.0)
    fig.legend(handles=legend_handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncols=3, frameon=False,
               fontsize=12)
    return fig


def plot_margin(reported: tuple[float, float, float], margin_pp: float, *, title: str,
                computed: tuple[float, float, float] | None = None,
                difference: str = "new minus standard") -> Figure:
    """A difference and its 95 % interval read against a non-inferiority margin.

    Parameters
    ----------
    reported
        (difference, low, high) as the trial reports them [percentage points, new minus standard].
    margin_pp
        The margin [percentage points], negative: the largest loss the trial accepts.
    title
        Figure title; state the finding.
    computed
        Optionally the same difference computed from the counts (difference, low, high), drawn below.
    difference
        What is subtracted from what, in words, for the axis label (e.g. "ketamine minus ECT").

    Returns
    -------
    matplotlib.figure.Figure
        The region beyond the margin shaded and labelled, the margin and zero as vertical lines, each
        interval as a horizontal bar.

    Raises
    ------
    ValueError
        A value is not a finite number, an interval does not contain its difference, ``margin_pp`` is not
        negative, or ``title`` is empty.
    """
    check_title(title)
    margin = real("margin_pp", margin_pp, max_value=0.0)
    if margin == 0:
        raise ValueError("margin_pp: must be negative (the largest loss accepted)")
    intervals = [("as reported by the trial", reported)]
    if computed is not None:
        intervals.append(("from the counts (Newcombe)", computed))
    checked = []
    for name, values in intervals:
        if not isinstance(values, tuple | list) or len(values) != 3:
            raise ValueError(f"{name}: give (difference, low, high)")
        d, lo, hi = (real("interval", v) for v in values)
        if not lo <= d <= hi:
            raise ValueError(f"interval: {lo:g} <= {d:g} <= {hi:g} does not hold")
        checked.append((name, d, lo, hi))
    if not isinstance(difference, str) or not difference.strip():
        raise ValueError("difference: say in words what is subtracted from what")
    lows = [lo for _, _, lo, _ in checked]
    highs = [hi for _, _, _, hi in checked]
    span = max(0.0, *highs) - min(margin, *lows)
    left_edge = min(margin, *lows) - max(abs(margin), 0.3 * span)  # room for the shaded region's label
    right_edge = max(0.0, *highs) + 0.05 * span
    fig, ax = figure(figsize=(13, 2.8 + 0.8 * len(checked)))
    ax.axvspan(left_edge, margin, color=GREY, alpha=0.18, linewidth=0, hatch="//")
    ax.axvline(margin, color=OKABE_ITO["vermillion"], linestyle=LINESTYLES[1], linewidth=2)
    ax.axvline(0, color="#555555", linestyle=LINESTYLES[2], linewidth=1.5)
    y = np.arange(len(checked))[::-1].astype(float)
    for yi, (name, d, lo, hi) in zip(y, checked, strict=True):
        filled = name.startswith("as reported")
        ax.errorbar(d, yi, xerr=[[d - lo], [hi - d]], fmt="D", color=OKABE_ITO["blue"], markersize=10,
                    markerfacecolor=OKABE_ITO["blue"] if filled else "white",
                    markeredgecolor=OKABE_ITO["blue"], markeredgewidth=1.8, elinewidth=2.5, capsize=6)
        ax.annotate(f"{d:+.1f} ({lo:+.1f} to {hi:+.1f})", (d, yi), xytext=(0, 12), textcoords="offset points",
                    ha="center", va="bottom", fontsize=13)
    ax.set_yticks(y, [name for name, *_ in checked])
    ax.set_ylim(-0.8, len(checked) - 0.2)
    ax.set_xlim(left_edge, right_edge)
    top = blended_transform_factory(ax.transData, ax.transAxes)
    ax.text(margin, 1.02, f"margin {margin:g}", transform=top, ha="center", va="bottom", fontsize=12,
            color=OKABE_ITO["vermillion"])
    ax.text(0, 1.02, "no difference", transform=top, ha="center", va="bottom", fontsize=12, color="#555555")
    ax.text((left_edge + margin) / 2, 0.5, "worse than\nthe margin\nallows", transform=top, ha="center",
            va="center", fontsize=12, color="#333333",
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 2})
    ax.set_xlabel(f"Difference in response, {difference.strip()} (percentage points)")
    ax.grid(axis="y", visible=False)
    ax.set_title("\n".join(textwrap.wrap(title, 80)), fontsize=14, fontweight="bold", pad=30)
    fig.tight_layout()
    return fig


def plot_dissociation(rows: pd.DataFrame, *, title: str) -> Figure:
    """How often dissociation was reported in each arm of each study, with 95 % Wilson intervals.

    Parameters
    ----------
    rows
        :func:`helpers.analysis.comparisons.dissociation_by_arm`.
    title
        Figure title; state the finding.

    Returns
    -------
    matplotlib.figure.Figure
        One row per arm, grouped by study (its name above the group); esketamine arms filled, control arms
        open.

    Raises
    ------
    ValueError
        ``rows`` lacks a column or is empty, a role is unknown, or ``title`` is empty.
    """
    rows = frame("rows", rows, ("study", "arm", "role", "arm_type", "events", "n", "pct", "low_pct",
                                "high_pct"))
    if rows.empty:
        raise ValueError("rows: no arms to draw")
    unknown = set(rows["role"]) - {"drug", "control"}
    if unknown:
        raise ValueError(f"rows: unknown role {sorted(unknown)}")
    check_title(title)
    studies = list(dict.fromkeys(rows["study"]))
    fig, ax = figure(figsize=(14, 1.8 + 0.34 * (len(rows) + len(studies))))
    position, ticks, labels, headings, used = 0.0, [], [], [], {}
    for study in studies:
        ticks.append(position)
        labels.append(study)
        headings.append(len(labels) - 1)
        position += 1
        for index, arm in rows[rows["study"] == study].iterrows():
            drug = arm["role"] == "drug"
            key = arm_key(rows.loc[[index]])  # notebook 04's style of this arm (dose, flexible or placebo)
            style = _marker(key, drug)
            used.setdefault(key, style)
            whisker = [[arm["pct"] - arm["low_pct"]], [arm["high_pct"] - arm["pct"]]]
            ax.errorbar(arm["pct"], position, xerr=whisker, ecolor=style["color"], elinewidth=1.8, capsize=3,
                        **style)
            ticks.append(position)
            labels.append(f"{arm['arm']}  {int(arm['events'])}/{int(arm['n'])}")
            position += 1
    ax.set_yticks(ticks, labels)
    for index in headings:  # each study's name heads its group of arms
        ax.get_yticklabels()[index].set_fontweight("bold")
    ax.set_ylim(position - 0.4, -0.7)
    ax.set_xlim(-1.5, max(50.0, float(rows["high_pct"].max()) + 5))  # a 0 % marker stays clear of the axis
    ax.set_xlabel("Patients with dissociation (%)")
    ax.grid(axis="y", visible=False)
    handles = [Line2D([], [], label=_DOSE_WORDS.get(key, key), **style) for key, style in used.items()]
    handles.append(Line2D([], [], color="#555555", linewidth=1.8, label="95 % Wilson interval"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, -0.1), ncols=2, frameon=False)
    ax.set_title(title, fontsize=14, fontweight="bold")
    fig.tight_layout()
    return fig


#: Legend words of the arm styles in :func:`plot_dissociation`.
_DOSE_WORDS: dict[str, str] = {
    "esketamine_56": "esketamine 56 mg (filled)",
    "esketamine_84": "esketamine 84 mg (filled)",
    "ketamine_other_dose": "esketamine 56 or 84 mg (filled)",
    "placebo": "placebo (open)",
}
