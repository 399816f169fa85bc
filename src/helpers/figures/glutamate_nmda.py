"""Figures for notebook 01 (glutamate, the NMDA receptor and ketamine).

Each function draws one chart and returns the :class:`matplotlib.figure.Figure`; the notebook shows it
with :func:`helpers.figures.show` (source line and description). The maths lives in
:mod:`helpers.science.receptor`; nothing here computes a value that is not
drawn. Series differ by line style or marker as well as colour.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from helpers._validate import frame as check_frame
from helpers._validate import real
from helpers._validate import title as check_title
from helpers._validate import wrap as check_wrap
from helpers.figures.rendering import show
from helpers.figures.style import LINESTYLES, MARKERS, OKABE_ITO, PALETTE, figure, log_scale
from helpers.science.receptor import MG_MAX_MM, V_MAX_MV, V_MIN_MV, mg_unblocked_fraction, occupancy

__all__ = [
    "STRENGTH_STYLE",
    "TIME_SCALES",
    "plot_affinity",
    "plot_cascade",
    "plot_mg_block",
    "plot_occupancy",
    "show_mg_block",
]

#: Order of the time-scale categories of ``mechanism_cascade.csv`` (x axis of :func:`plot_cascade`).
TIME_SCALES: tuple[str, ...] = ("minutes", "hours", "days", "weeks")
#: Marker, colour and legend label for each ``strength`` value of ``mechanism_cascade.csv``.
STRENGTH_STYLE: dict[str, dict[str, str]] = {
    "causal_test": {"marker": "D", "color": PALETTE[0],
                    "label": "causal test (blocking or mimicking the step)"},
    "observed": {"marker": "o", "color": PALETTE[1], "label": "observed change, no causal test"},
    "contested": {"marker": "X", "color": PALETTE[3], "label": "contested"},
}


def plot_mg_block(mg_levels_mm: Sequence[float], *, highlight_v_mv: float | None = None,
                  v_range_mv: tuple[float, float] = (-100.0, 40.0), title: str | None = None) -> Figure:
    """Unblocked fraction of NMDA conductance against membrane potential, one curve per Mg²⁺ level.

    Parameters
    ----------
    mg_levels_mm
        One to seven extracellular Mg²⁺ concentrations [mM], each in (0, 100].
    highlight_v_mv
        Optional membrane potential [mV] to mark on every curve, with the unblocked percentage written
        beside the marker (used by the interactive slider).
    v_range_mv
        Potential range of the x axis [mV], low < high, within -200 to 200.
    title
        Figure title; by default one stating the finding.

    Returns
    -------
    matplotlib.figure.Figure
    """
    levels = list(mg_levels_mm) if not isinstance(mg_levels_mm, str) else []
    if not 1 <= len(levels) <= len(PALETTE):
        raise ValueError(f"mg_levels_mm: give 1 to {len(PALETTE)} concentrations")
    levels = [real("mg_levels_mm", m, min_value=0.0, max_value=MG_MAX_MM, strict_min=True) for m in levels]
    if not isinstance(v_range_mv, tuple | list) or len(v_range_mv) != 2:
        raise ValueError("v_range_mv: give (low, high) in mV")
    low = real("v_range_mv", v_range_mv[0], min_value=V_MIN_MV, max_value=V_MAX_MV)
    high = real("v_range_mv", v_range_mv[1], min_value=V_MIN_MV, max_value=V_MAX_MV)
    if low >= high:
        raise ValueError("v_range_mv: low must be below high")
    mark = None
    if highlight_v_mv is not None:
        mark = real("highlight_v_mv", highlight_v_mv, min_value=low, max_value=high)
    default = "Depolarisation relieves the Mg²⁺ block of the NMDA receptor"
    title = default if title is None else check_title(title)

    v = np.linspace(low, high, 281)  # [mV]
    fig, ax = figure(figsize=(8.5, 4.8))
    for i, mg in enumerate(levels):
        frac = mg_unblocked_fraction(v, mg)
        ax.plot(v, 100 * frac, color=PALETTE[i], linestyle=LINESTYLES[i], marker=MARKERS[i],
                markevery=(i * 7, 40), label=f"{mg:g} mM Mg²⁺")
        if mark is not None:
            value = 100 * mg_unblocked_fraction(mark, mg)
            ax.plot(mark, value, marker=MARKERS[i], markersize=12, color=PALETTE[i],
                    markeredgecolor="black", linestyle="none", zorder=4)
            ax.annotate(f"{value:.0f}%", (mark, value), xytext=(8, -4), textcoords="offset points",
                        fontsize=12, fontweight="bold")
    if mark is not None:
        ax.axvline(mark, color="#555555", linewidth=1, linestyle=":")
    ax.set_xlim(low, high)
    ax.set_ylim(0, 105)
    ax.set_xlabel("Membrane potential (mV)")
    ax.set_ylabel("NMDA conductance not blocked (%)")
    ax.legend(loc="upper left")
    ax.set_title(title)
    return fig


def plot_affinity(table: pd.DataFrame, *, title: str) -> Figure:
    """Binding affinities (Ki, log scale) as a dot plot, one row per compound and target.

    Parameters
    ----------
    table
        Columns ``compound``, ``target``, ``ki_um`` [µM] and ``source_id``, such as
        ``helpers.data.load("nmda_affinity")``. Every ``ki_um`` must be > 0.
    title
        The figure title (state the finding).

    Notes
    -----
    Rows are grouped by target; the marker shape and colour tell the sources (assays) apart, and the
    value is written beside each marker. Smaller Ki means tighter binding, so the axis runs from
    strong (left) to weak (right) binding.
    """
    frame = check_frame("table", table, ["compound", "target", "ki_um", "source_id"])
    check_title(title)
    ki = pd.to_numeric(frame["ki_um"], errors="coerce").to_numpy(dtype=float)
    if not np.all(np.isfinite(ki)) or np.any(ki <= 0):
        raise ValueError("table: ki_um must be finite and > 0")
    ordered = frame.assign(_ki=ki).sort_values(["target", "_ki"], kind="stable").reset_index(drop=True)
    sources = list(dict.fromkeys(ordered["source_id"]))
    if len(sources) > len(PALETTE):
        raise ValueError(f"table: at most {len(PALETTE)} different sources can be drawn")
    fig, ax = figure(figsize=(9.5, 0.55 * len(ordered) + 1.8))
    y = np.arange(len(ordered))[::-1]
    for j, source in enumerate(sources):
        rows = ordered["source_id"] == source
        ax.plot(ordered.loc[rows, "_ki"], y[rows.to_numpy()], linestyle="none", marker=MARKERS[j],
                markersize=10, color=PALETTE[j], markeredgecolor="black", label=source)
    for yi, (_, row) in zip(y, ordered.iterrows(), strict=True):
        ax.annotate(f"{row['_ki']:g} µM", (row["_ki"], yi), xytext=(9, -4), textcoords="offset points",
                    fontsize=11)
    labels = [f"{r.compound} · {r.target}" for r in ordered.itertuples()]
    ax.set_yticks(y, labels)
    log_scale(ax, "x")
    ax.set_xlim(ordered["_ki"].min() / 3, ordered["_ki"].max() * 6)
    ax.set_ylim(-0.7, len(ordered) - 0.3)
    ax.set_xlabel("Ki (µM, log scale) — left = binds more tightly")
    ax.legend(title="source", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.set_title(title)
    return fig


def plot_occupancy(ki_um: Mapping[str, float], bands_um: Sequence[tuple[str, float, float]], *,
                   title: str, conc_range_um: tuple[float, float] = (0.01, 100.0),
                   x_label: str = "Ketamine concentration") -> Figure:
    """Illustrative single-site occupancy curves (Hill coefficient 1) with shaded concentration bands.

    Parameters
    ----------
    ki_um
        Curve label → Ki [µM] (> 0), at most seven curves.
    bands_um
        ``(label, low_um, high_um)`` concentration bands [µM] to shade, with 0 < low <= high; a point
        value (low == high) is drawn as a vertical line.
    title
        The figure title (state the finding).
    conc_range_um
        x-axis range [µM], 0 < low < high.
    x_label
        What the x axis measures (", µM, log scale" is added).
    """
    if not isinstance(ki_um, Mapping) or not 1 <= len(ki_um) <= len(PALETTE):
        raise ValueError(f"ki_um: give a mapping of 1 to {len(PALETTE)} labels to Ki values")
    curves = {str(k): real("ki_um", v, min_value=0.0, strict_min=True) for k, v in ki_um.items()}
    check_title(title)
    if not isinstance(x_label, str) or not x_label.strip():
        raise ValueError("x_label: give a non-empty axis label")
    if not isinstance(conc_range_um, tuple | list) or len(conc_range_um) != 2:
        raise ValueError("conc_range_um: give (low, high) in µM")
    c_low = real("conc_range_um", conc_range_um[0], min_value=0.0, strict_min=True)
    c_high = real("conc_range_um", conc_range_um[1], min_value=0.0, strict_min=True)
    if c_low >= c_high:
        raise ValueError("conc_range_um: low must be below high")
    bands = []
    for band in bands_um:
        if not isinstance(band, tuple | list) or len(band) != 3 or not isinstance(band[0], str):
            raise ValueError("bands_um: each band is (label, low_um, high_um)")
        b_low = real("bands_um", band[1], min_value=0.0, strict_min=True)
        b_high = real("bands_um", band[2], min_value=0.0, strict_min=True)
        if b_low > b_high:
            raise ValueError(f"bands_um: low above high in band {band[0]!r}")
        bands.append((band[0], b_low, b_high))
    if len(bands) > 4:
        raise ValueError("bands_um: at most 4 bands")

    conc = np.logspace(np.log10(c_low), np.log10(c_high), 300)  # [µM]
    fig, ax = figure(figsize=(9.5, 5))
    hatches = ["///", "\\\\\\", "...", "xx"]
    shades = [OKABE_ITO["sky_blue"], OKABE_ITO["yellow"], OKABE_ITO["reddish_purple"], OKABE_ITO["orange"]]
    for i, (label, ki) in enumerate(curves.items()):
        ax.plot(conc, 100 * occupancy(conc, ki), color=PALETTE[i], linestyle=LINESTYLES[i],
                marker=MARKERS[i], markevery=(i * 12, 50), label=f"{label} (Ki {ki:g} µM)")
    for i, (label, b_low, b_high) in enumerate(bands):
        if b_low == b_high:
            ax.axvline(b_low, color="#333333", linestyle=LINESTYLES[i + 1], linewidth=1.8,
                       label=f"{label}: {b_low:.2g} µM")
        else:
            ax.axvspan(b_low, b_high, facecolor=shades[i], alpha=0.35, hatch=hatches[i],
                       edgecolor="#555555", linewidth=0, label=f"{label}: {b_low:.2g}–{b_high:.2g} µM")
    log_scale(ax, "x")
    ax.set_xlim(c_low, c_high)
    ax.set_ylim(0, 105)
    ax.set_xlabel(f"{x_label} (µM, log scale)")
    ax.set_ylabel("Binding sites occupied (%)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.set_title(title)
    return fig


def plot_cascade(cascade: pd.DataFrame, *, title: str, wrap: int = 44) -> Figure:
    """The hypothesised cascade as a timeline: steps (rows) against time scale (columns).

    Parameters
    ----------
    cascade
        Columns ``step``, ``process``, ``time_scale`` (one of :data:`TIME_SCALES`), ``time_basis``
        (``reported`` or ``inferred``), ``species``, ``model`` and ``strength`` (a key of
        :data:`STRENGTH_STYLE`), such as ``helpers.data.load("mechanism_cascade")``.
    title
        The figure title (state the finding).
    wrap
        Characters per row-label line (>= 15).

    Notes
    -----
    Marker shape and colour show the strength of evidence; a filled marker means the source reports
    the time, an open marker that the time is inferred. The row label names the species.
    """
    frame = check_frame("cascade", cascade,
                     ["step", "process", "time_scale", "time_basis", "species", "model", "strength"])
    check_title(title)
    check_wrap(wrap, min_value=15)
    for column, allowed in (("time_scale", TIME_SCALES), ("strength", tuple(STRENGTH_STYLE)),
                            ("time_basis", ("reported", "inferred")), ("species", ("animal", "human"))):
        unknown = sorted(set(frame[column]) - set(allowed))
        if unknown:
            raise ValueError(f"cascade: unknown {column} {unknown}")
    ordered = frame.sort_values("step", kind="stable").reset_index(drop=True)
    n = len(ordered)
    fig, ax = figure(figsize=(11, 0.62 * n + 2.2))
    y = np.arange(n)[::-1]
    x = ordered["time_scale"].map({s: i for i, s in enumerate(TIME_SCALES)}).to_numpy(dtype=float)
    for xi, yi, (_, row) in zip(x, y, ordered.iterrows(), strict=True):
        style = STRENGTH_STYLE[row["strength"]]
        filled = row["time_basis"] == "reported"
        ax.plot(xi, yi, linestyle="none", marker=style["marker"], markersize=13, zorder=3,
                markerfacecolor=style["color"] if filled else "white", markeredgecolor=style["color"],
                markeredgewidth=2.2)
    labels = [
        "\n".join(textwrap.wrap(f"{int(r.step)}. {r.process} [{r.species}: {r.model}]", wrap))
        for r in ordered.itertuples()
    ]
    ax.set_yticks(y, labels, fontsize=11)
    ax.set_xticks(range(len(TIME_SCALES)), [f"{s}" for s in TIME_SCALES])
    ax.set_xlim(-0.5, len(TIME_SCALES) - 0.5)
    ax.set_ylim(-0.8, n - 0.2)
    ax.set_xlabel("Time after a single dose (ordered categories, not to scale)")
    for style in STRENGTH_STYLE.values():
        ax.plot([], [], linestyle="none", marker=style["marker"], markersize=11, color=style["color"],
                label=style["label"])
    ax.plot([], [], linestyle="none", marker="o", markersize=11, markerfacecolor="#555555",
            markeredgecolor="#555555", label="filled: time reported by the source")
    ax.plot([], [], linestyle="none", marker="o", markersize=11, markerfacecolor="white",
            markeredgecolor="#555555", markeredgewidth=2, label="open: time inferred")
    ax.legend(loc="upper left", bbox_to_anchor=(0.0, -0.14), ncols=2, fontsize=11)
    ax.set_title(title)
    return fig


def show_mg_block(v_mv: float = -70.0, mg_mm: float = 1.0) -> None:
    """Show the Mg²⁺-block curve at one Mg²⁺ level [mM], marking the unblocked share at ``v_mv`` [mV].

    The function behind the notebook's sliders: it draws :func:`plot_mg_block` and displays it with
    :func:`helpers.figures.show` (source line and a description that states the marked value).
    """

    pct = 100 * mg_unblocked_fraction(v_mv, mg_mm)
    fig = plot_mg_block(
        [mg_mm], highlight_v_mv=v_mv,
        title=f"At {v_mv:g} mV and {mg_mm:.2g} mM Mg²⁺, {pct:.0f}% of the conductance is unblocked",
    )
    show(fig, alt=f"S-shaped curve of unblocked NMDA conductance against membrane potential at "
         f"{mg_mm:.2g} mM Mg²⁺, with a marker at {v_mv:g} mV showing {pct:.0f}% unblocked.",
         sources=["jahr1990"])
