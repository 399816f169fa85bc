"""Model concentration curves of notebook 02: the effect bands, curves over them, and a time course.

Every function that draws returns a :class:`matplotlib.figure.Figure` (drawn in the course style) and never
shows it: display it with :func:`helpers.figures.show` so that it carries its sources and a text
description. Model curves take the course's one style per regimen (:func:`helpers.figures.style.model_style`:
colour and line style, no markers, since markers would read as measurements) and say "model" in the
legend; effect bands are neutral grey fills told apart by hatching and labelled in the plot, so neither a
band nor a series is carried by colour alone. The band styles (:data:`BAND_STYLE`) and the choice of a
curve's style (:func:`regimen_style_key`) live here too, since the dose explorer draws with them.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers._validate import real
from helpers.analysis.pk import REGIMENS, Regimen, Simulation, time_above
from helpers.figures.style import (
    ARM_STYLES,
    LINESTYLES,
    OKABE_ITO,
    PALETTE,
    figure,
    log_scale,
    model_style,
)

__all__ = [
    "BAND_EFFECTS",
    "BAND_STYLE",
    "MODEL_LEGEND_TITLE",
    "RACEMIC_BANDS_NOTE",
    "plot_curves_over_bands",
    "plot_time_course",
    "regimen_style_key",
]

#: The effects drawn as bands (ranges) or lines (single values), bottom to top.
BAND_EFFECTS: tuple[str, ...] = ("dissociation", "hallucinations", "anaesthesia")
#: Shading, hatching and label of each effect band. The fills are neutral greys, never a series colour
#: (ARM_STYLES), so a curve is never mistaken for the band it crosses; hatching tells the bands apart.
BAND_STYLE: dict[str, dict[str, str]] = {
    "analgesia": {"color": "#f2f2f2", "hatch": "..", "label": "Analgesia"},
    "dissociation": {"color": "#ececec", "hatch": "//", "label": "Dissociation"},
    "psychotomimetic": {"color": "#e6e6e6", "hatch": "xx", "label": "Psychotomimetic"},
    "hallucinations": {"color": "#e6e6e6", "hatch": "", "label": "Hallucinations (one study's mean)"},
    "anaesthesia": {"color": "#dcdcdc", "hatch": "\\\\", "label": "General anaesthesia"},
}
#: The legend's title on a chart of model curves over the bands.
MODEL_LEGEND_TITLE = "Illustrative model"
#: Added to that title when an esketamine curve is drawn over the (racemic) bands.
RACEMIC_BANDS_NOTE = "; the bands were measured with racemic ketamine"


def _check_bands(bands: pd.DataFrame, effects: Sequence[str]) -> pd.DataFrame:
    if not isinstance(bands, pd.DataFrame):
        raise ValueError(f"bands: expected a DataFrame, got {type(bands).__name__}")
    missing = {"effect", "low_ng_per_ml", "high_ng_per_ml"} - set(bands.columns)
    if missing:
        raise ValueError(f"bands: missing column(s) {sorted(missing)}")
    unknown = [e for e in effects if e not in BAND_STYLE]
    if unknown:
        raise ValueError(f"effects: no style for {unknown}")
    rows = bands[bands["effect"].isin(effects)].drop_duplicates("effect")
    absent = set(effects) - set(rows["effect"])
    if absent:
        raise ValueError(f"bands: no row for effect(s) {sorted(absent)}")
    return rows


def _draw_bands(ax: Axes, rows: pd.DataFrame, x_label_min: float | None) -> None:
    """Shade each band; label it just right of the axes when ``x_label_min`` is given."""
    for _, row in rows.iterrows():
        style = BAND_STYLE[row["effect"]]
        low, high = float(row["low_ng_per_ml"]), float(row["high_ng_per_ml"])
        if high > low:
            ax.axhspan(low, high, facecolor=style["color"], hatch=style["hatch"], edgecolor="#a0a0a0",
                       linewidth=0, zorder=0)
            text = f"{style['label']}\n{low:,.0f}–{high:,.0f} ng/mL"
            y = (low * high) ** 0.5
        else:
            ax.axhline(low, color="#555555", linestyle=(0, (2, 2)), linewidth=1.4, zorder=1)
            text = f"{style['label']}\n≈{low:,.0f} ng/mL"
            y = low * 1.04
        if x_label_min is not None:  # a line's label sits just above it, a band's label at its middle
            ax.text(x_label_min, y, text, fontsize=11, va="center" if high > low else "bottom", ha="left",
                    color="#222222", zorder=4, clip_on=False)


def _same_dosing(a: Regimen, b: Regimen) -> bool:
    return a.drug == b.drug and a.doses == b.doses


def regimen_style_key(regimen: Regimen | None) -> str | None:
    """The :data:`helpers.figures.style.ARM_STYLES` key of one of the course's regimens, or None.

    A regimen is recognised by its drug and doses (not by its label), so the 0.5 mg/kg 40-minute infusion
    of the dose explorer gets the style of ``REGIMENS["antidepressant_infusion"]``.
    """
    if regimen is None:
        return None
    if not isinstance(regimen, Regimen):
        raise ValueError(f"regimen: expected a Regimen or None, got {type(regimen).__name__}")
    return next((key for key, known in REGIMENS.items() if _same_dosing(regimen, known)), None)


def _curve_styles(sims: Sequence[Simulation], styles: Sequence[str] | None) -> list[dict[str, Any]]:
    """``plot`` keywords of each model curve: the course's style of its regimen, no markers."""
    if styles is not None:
        styles = list(styles)
        if len(styles) != len(sims):
            raise ValueError("styles: give one ARM_STYLES key per simulation")
        unknown = [key for key in styles if key not in ARM_STYLES]
        if unknown:
            raise ValueError(f"styles: unknown regimen or arm key(s) {unknown}")
        return [model_style(key) for key in styles]
    keys = [regimen_style_key(sim.regimen) for sim in sims]
    used = {model_style(k)["color"] for k in keys if k is not None}
    spare = iter([(c, ls) for c, ls in zip(PALETTE, LINESTYLES, strict=True) if c not in used])
    out = []
    for key in keys:
        if key is not None:
            out.append(model_style(key))
        else:  # a regimen the course has no style for: a colour no known regimen on this chart uses
            color, linestyle = next(spare, (PALETTE[-1], LINESTYLES[-1]))
            out.append({"color": color, "linestyle": linestyle, "marker": "None"})
    return out


def _draw_curves(ax: Axes, sims: Sequence[Simulation], labels: Sequence[str], styles: list[dict[str, Any]],
                 t_max: float, floor: float) -> None:
    for sim, label, style in zip(sims, labels, styles, strict=True):
        keep = sim.time_min <= t_max
        conc = sim.conc_ng_per_ml[keep]
        # below the axis, a curve leaves the chart (no flat line along the floor that would look like data)
        ax.plot(sim.time_min[keep], np.where(conc > 0, conc, floor / 10), label=label, linewidth=2.4,
                zorder=3, **style)


def plot_curves_over_bands(sims: Sequence[Simulation], bands: pd.DataFrame, *, title: str,
                           effects: Sequence[str] = BAND_EFFECTS, t_max_min: float = 240.0,
                           y_range_ng_per_ml: tuple[float, float] = (10.0, 3000.0),
                           labels: Sequence[str] | None = None, styles: Sequence[str] | None = None,
                           zoom_t_max_min: float | None = None) -> Figure:
    """Model concentration–time curves of several simulations drawn over concentration–effect bands.

    Each curve is drawn in the course's style of its regimen (:func:`regimen_style_key`; colour and line
    style, no markers) and its legend label says "(model)". Bands are grey fills with hatching. When an
    esketamine curve is drawn, the legend's title says that the bands were measured with racemic
    ketamine.

    Parameters
    ----------
    sims
        Results of :func:`helpers.analysis.pk.simulate` (1 to 7 curves).
    bands
        A table with ``effect``, ``low_ng_per_ml`` and ``high_ng_per_ml`` (``load("concentration_bands")``).
    title
        The figure title (state the finding; it must be visible in the chart).
    effects
        Which effects to draw (keys of :data:`BAND_STYLE`); ranges are shaded, single values are lines.
    t_max_min
        Right end of the time axis [min].
    y_range_ng_per_ml
        Limits of the logarithmic concentration axis [ng/mL].
    labels
        Legend labels; default: each regimen's label followed by " (model)".
    styles
        :data:`helpers.figures.style.ARM_STYLES` keys, one per curve; default: the style of each curve's
        regimen, or a spare colour for a regimen the course has no style for.
    zoom_t_max_min
        If given [min], a second, narrow panel on the right shows the first ``zoom_t_max_min`` minutes on
        the same concentration axis and says how long each curve stays above the lower edge of the
        highest band drawn (so a brief excursion, invisible on a 4-hour axis, can be seen).

    Raises
    ------
    ValueError
        A bad argument, named in the message.
    """
    sims = list(sims)
    if not 1 <= len(sims) <= len(PALETTE) or not all(isinstance(s, Simulation) for s in sims):
        raise ValueError(f"sims: give 1 to {len(PALETTE)} Simulation results")
    rows = _check_bands(bands, effects)
    t_max = real("t_max_min", t_max_min, min_value=0.0, max_value=10_000.0, strict_min=True)
    low, high = (real("y_range_ng_per_ml", v, min_value=0.0, strict_min=True) for v in y_range_ng_per_ml)
    if high <= low:
        raise ValueError("y_range_ng_per_ml: the upper limit must exceed the lower limit")
    if labels is None:
        labels = [f"{s.regimen.label} (model)" if s.regimen is not None else f"curve {i + 1} (model)"
                  for i, s in enumerate(sims)]
    labels = list(labels)
    if len(labels) != len(sims):
        raise ValueError("labels: give one label per simulation")
    curve_styles = _curve_styles(sims, styles)
    zoom = None
    if zoom_t_max_min is not None:
        zoom = real("zoom_t_max_min", zoom_t_max_min, min_value=0.0, max_value=t_max, strict_min=True)

    if zoom is None:
        fig, ax = figure(figsize=(11, 5.6))
        axes = [ax]
    else:
        fig, axes = figure(1, 2, figsize=(12.5, 5.9), sharey=True, gridspec_kw={"width_ratios": [3, 1.2]})
        ax = axes[0]
    for panel, right in zip(axes, [t_max, zoom][:len(axes)], strict=True):
        _draw_bands(panel, rows, x_label_min=right * 1.03 if panel is axes[-1] else None)
        _draw_curves(panel, sims, labels, curve_styles, right, low)
        panel.set_xlim(0, right)
    log_scale(ax, "y")
    ax.set_ylim(low, high)
    ax.set_xlabel("Time after the start of dosing (min)")
    ax.set_ylabel("Modelled plasma ketamine (ng/mL, log scale)")
    ax.set_title(title)
    if zoom is not None:  # the title spans both panels: wrap it to the figure's width
        ax.set_title("\n".join(textwrap.wrap(title, 80)))
        _annotate_zoom(axes[1], sims, curve_styles, rows, zoom)
    legend_title = MODEL_LEGEND_TITLE
    if any(s.regimen is not None and s.regimen.drug == "esketamine" for s in sims):
        legend_title += RACEMIC_BANDS_NOTE
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, title=legend_title,
              title_fontsize=12, handlelength=3.2)
    fig.tight_layout()
    return fig


def _annotate_zoom(ax: Axes, sims: Sequence[Simulation], styles: list[dict[str, Any]], rows: pd.DataFrame,
                   zoom: float) -> None:
    """Title the zoom panel and point, for each curve that enters the highest band drawn, at how long it
    stays above that band's lower edge."""
    ax.set_title(f"Zoom: the first {zoom:g} min", fontsize=13, fontweight="normal")
    ax.set_xlabel("Time (min)")
    ranges = rows[rows["high_ng_per_ml"] > rows["low_ng_per_ml"]]
    if ranges.empty:
        return
    edge = float(ranges["low_ng_per_ml"].max())
    shown = 0
    for sim, style in zip(sims, styles, strict=True):
        minutes = time_above(sim.time_min, sim.conc_ng_per_ml, edge)
        if minutes <= 0:
            continue
        above = sim.time_min[sim.conc_ng_per_ml > edge]
        x_mid = float(min(above.mean(), zoom)) if above.size else 0.0
        ax.annotate(f"{minutes:.1f} min above\n{edge:,.0f} ng/mL", xy=(x_mid, edge * 1.05),
                    xytext=(zoom * 0.62, edge / 2.4 * 0.7 ** shown), ha="center", va="center", fontsize=11,
                    fontweight="bold", color=style["color"],
                    arrowprops={"arrowstyle": "->", "color": style["color"], "linewidth": 1.4},
                    bbox={"facecolor": "white", "alpha": 0.9, "edgecolor": "none", "pad": 2}, zorder=5)
        shown += 1


def plot_time_course(sim: Simulation, milestones: pd.DataFrame, *, title: str,
                     t_max_min: float = 240.0) -> Figure:
    """A model curve beside reported timing milestones (vertical lines with labels).

    The curve is drawn in its regimen's model style (no markers) and labelled "(model)"; the milestones
    are vermillion vertical lines in different dash patterns, labelled at the top; the legend sits under
    the chart, away from the labels.

    Parameters
    ----------
    sim
        A simulation (e.g. esketamine 84 mg).
    milestones
        Rows with ``milestone`` and ``time_min`` (from ``load("acute_time_course")``) and a ``text``
        column with the label to print.
    title
        The figure title (state the finding).
    t_max_min
        Right end of the time axis [min].
    """
    if not isinstance(sim, Simulation):
        raise ValueError(f"sim: expected a Simulation, got {type(sim).__name__}")
    if not isinstance(milestones, pd.DataFrame):
        raise ValueError(f"milestones: expected a DataFrame, got {type(milestones).__name__}")
    missing = {"time_min", "text"} - set(milestones.columns)
    if missing:
        raise ValueError(f"milestones: missing column(s) {sorted(missing)}")
    t_max = real("t_max_min", t_max_min, min_value=0.0, max_value=10_000.0, strict_min=True)
    fig, ax = figure(figsize=(10, 5.2))
    keep = sim.time_min <= t_max
    label = sim.regimen.label if sim.regimen is not None else "Concentration"
    [style] = _curve_styles([sim], None)
    ax.plot(sim.time_min[keep], sim.conc_ng_per_ml[keep], linewidth=2.4, label=f"{label} (model)", **style)
    top = float(sim.conc_ng_per_ml[keep].max())
    dashes = [(0, (4, 2)), (0, (1, 1.5)), "-."]
    for i, (_, row) in enumerate(milestones.iterrows()):
        t = float(row["time_min"])
        ax.axvline(t, color=OKABE_ITO["vermillion"], linestyle=dashes[i % len(dashes)], linewidth=2)
        ax.text(t + 3, top * (1.38 - 0.13 * i), str(row["text"]), fontsize=11, va="top", ha="left",
                bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none", "pad": 1.5})
    ax.set_xlim(0, t_max)
    ax.set_ylim(0, top * 1.42)
    ax.set_xlabel("Time after the first spray (min)")
    ax.set_ylabel("Modelled plasma esketamine (ng/mL)")
    ax.set_title(title)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=1, handlelength=3.2)
    fig.tight_layout()
    return fig
