"""Model-curve charts of notebook 01: the Mg²⁺ block of the NMDA receptor and single-site occupancy.

:func:`plot_mg_block` and :func:`plot_occupancy` each draw one chart and return the
:class:`matplotlib.figure.Figure`; the maths lives in :mod:`helpers.science.receptor`. Model curves are
plain lines labelled "model" (markers would read as measurements) that differ by line style as well as
colour; a regimen band keeps its course-wide colour (:data:`helpers.figures.style.ARM_STYLES`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure

from helpers._validate import real
from helpers._validate import title as check_title
from helpers.figures.glutamate_nmda.styles import _CURVE_COLOURS
from helpers.figures.style import (
    ARM_STYLES,
    LINESTYLES,
    MARKERS,
    OKABE_ITO,
    PALETTE,
    arm_style,
    figure,
    log_scale,
)
from helpers.science.receptor import MG_MAX_MM, V_MAX_MV, V_MIN_MV, mg_unblocked_fraction, occupancy

__all__ = ["plot_mg_block", "plot_occupancy"]


def plot_mg_block(mg_levels_mm: Sequence[float], *, highlight_v_mv: float | None = None,
                  v_range_mv: tuple[float, float] = (-100.0, 40.0), title: str | None = None) -> Figure:
    """Unblocked fraction of NMDA conductance against membrane potential, one model curve per Mg²⁺ level.

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

    Notes
    -----
    The curves are model output (:func:`helpers.science.receptor.mg_unblocked_fraction`), drawn as plain
    lines that differ in colour and line style; the legend calls them "model". Only the highlighted
    potential carries a marker.
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
    default = "Illustrative model: depolarisation relieves the Mg²⁺ block"
    title = default if title is None else check_title(title)

    v = np.linspace(low, high, 281)  # [mV]
    fig, ax = figure(figsize=(8.5, 4.8))
    for i, mg in enumerate(levels):
        frac = mg_unblocked_fraction(v, mg)
        ax.plot(v, 100 * frac, color=PALETTE[i], linestyle=LINESTYLES[i], marker="None", linewidth=2.4,
                label=f"model, {mg:.2g} mM Mg²⁺")
        if mark is not None:
            value = 100 * mg_unblocked_fraction(mark, mg)
            ax.plot(mark, value, marker=MARKERS[i], markersize=12, color=PALETTE[i],
                    markeredgecolor="black", linestyle="none", zorder=4, clip_on=False)
            # the label sits above and left of the marker, away from the rising S-shaped curve; near the
            # left edge it moves to the right, near the top it moves below
            right = mark < low + 0.15 * (high - low)
            below = value > 85
            ax.annotate(f"{value:.0f}%", (mark, value), xytext=(12 if right else -12, -14 if below else 12),
                        textcoords="offset points", ha="left" if right else "right",
                        va="top" if below else "bottom", fontsize=12, fontweight="bold", zorder=5,
                        bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none"})
    if mark is not None:
        ax.axvline(mark, color="#555555", linewidth=1, linestyle=":")
    ax.set_xlim(low, high)
    ax.set_ylim(0, 105)
    ax.set_xlabel("Membrane potential (mV)")
    ax.set_ylabel("NMDA conductance not blocked (%)")
    # an opaque legend: the marked potential's dotted line may run behind it
    ax.legend(loc="upper left", frameon=True, framealpha=1.0, edgecolor="none")
    ax.set_title(title, loc="left")
    return fig


def plot_occupancy(ki_um: Mapping[str, float], bands_um: Sequence[tuple[str, float, float]], *,
                   title: str, conc_range_um: tuple[float, float] = (0.01, 100.0),
                   x_label: str = "Ketamine concentration",
                   band_arms: Mapping[str, str] | None = None) -> Figure:
    """Illustrative single-site occupancy curves (Hill coefficient 1) with shaded concentration bands.

    Parameters
    ----------
    ki_um
        Curve label → Ki [µM] (> 0), at most seven curves. Each curve is labelled "model".
    bands_um
        ``(label, low_um, high_um)`` concentration bands [µM] to shade, with 0 < low <= high; a point
        value (low == high) is drawn as a vertical line.
    title
        The figure title (state the finding).
    conc_range_um
        x-axis range [µM], 0 < low < high.
    x_label
        What the x axis measures (", µM, log scale" is added).
    band_arms
        Optional band label → regimen key of :data:`helpers.figures.style.ARM_STYLES`: that band (or
        point line) takes the regimen's course-wide colour (and, for a line, its line style).

    Returns
    -------
    matplotlib.figure.Figure
    """
    if not isinstance(ki_um, Mapping) or not 1 <= len(ki_um) <= len(_CURVE_COLOURS):
        raise ValueError(f"ki_um: give a mapping of 1 to {len(_CURVE_COLOURS)} labels to Ki values")
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
    if band_arms is not None and not isinstance(band_arms, Mapping):
        raise ValueError("band_arms: give a mapping of band label to regimen key")
    arms = dict(band_arms or {})
    for label, key in arms.items():
        if label not in {b[0] for b in bands}:
            raise ValueError(f"band_arms: no band labelled {label!r}")
        if key not in ARM_STYLES:
            raise ValueError(f"band_arms: unknown regimen {key!r}; known: {', '.join(ARM_STYLES)}")

    conc = np.logspace(np.log10(c_low), np.log10(c_high), 300)  # [µM]
    fig, ax = figure(figsize=(11, 5))
    hatches = ["///", "\\\\\\", "...", "xx"]
    # fills of bands without a regimen: none of them a colour of the curves or of a regimen drawn beside
    shades = iter([OKABE_ITO["yellow"], "#BBBBBB", OKABE_ITO["sky_blue"], OKABE_ITO["orange"]])
    for i, (label, ki) in enumerate(curves.items()):
        ax.plot(conc, 100 * occupancy(conc, ki), color=_CURVE_COLOURS[i], linestyle=LINESTYLES[i],
                marker="None", linewidth=2.4, label=f"{label}, model (Ki {ki:g} µM)")
    for i, (label, b_low, b_high) in enumerate(bands):
        style = arm_style(arms[label]) if label in arms else None
        if b_low == b_high:
            ax.axvline(b_low, color=style.color if style else "#333333",
                       linestyle=style.linestyle if style else LINESTYLES[i + 1], linewidth=2.2,
                       label=f"{label}: {b_low:.2f} µM")
        else:
            ax.axvspan(b_low, b_high, facecolor=style.color if style else next(shades), alpha=0.3,
                       hatch=hatches[i], edgecolor="#555555", linewidth=0,
                       label=f"{label}: {b_low:.2f}–{b_high:.2f} µM")
    log_scale(ax, "x")
    ax.set_xlim(c_low, c_high)
    ax.set_ylim(0, 105)
    ax.set_xlabel(f"{x_label} (µM, log scale)")
    ax.set_ylabel("Binding sites occupied (%)")
    ax.legend(loc="upper left", bbox_to_anchor=(0.0, -0.16), ncols=2)
    ax.set_title(title, loc="left")
    return fig
