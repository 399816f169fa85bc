"""Charts of the illustrative pharmacokinetic model: concentration curves over effect bands.

Every function returns a :class:`matplotlib.figure.Figure` (drawn in the course style) and never shows
it: display it with :func:`helpers.figures.show` so that it carries its sources and a text description.
Series differ by colour, line style *and* marker; effect bands differ by shading *and* hatching and are
labelled in the plot, so no information is carried by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers._validate import real
from helpers.analysis.pk import REGIMENS, Dose, Regimen, Simulation, model_sources, simulate
from helpers.figures.rendering import show
from helpers.figures.style import LINESTYLES, MARKERS, OKABE_ITO, PALETTE, figure, log_scale

__all__ = [
    "BAND_EFFECTS",
    "BAND_STYLE",
    "EXPLORER_REFERENCE",
    "EXPLORER_REGIMENS",
    "explorer_choices",
    "explorer_regimen",
    "plot_bioavailability",
    "plot_curves_over_bands",
    "plot_dose_explorer",
    "plot_time_course",
    "show_dose_explorer",
]

#: The effects drawn as bands (ranges) or lines (single values), bottom to top.
BAND_EFFECTS: tuple[str, ...] = ("dissociation", "hallucinations", "anaesthesia")
#: Shading, hatching and label of each effect band.
BAND_STYLE: dict[str, dict[str, str]] = {
    "analgesia": {"color": "#e5e5e5", "hatch": "..", "label": "Analgesia"},
    "dissociation": {"color": "#fbe3c4", "hatch": "//", "label": "Dissociation"},
    "psychotomimetic": {"color": "#f3d0e3", "hatch": "xx", "label": "Psychotomimetic"},
    "hallucinations": {"color": "#f3d0e3", "hatch": "", "label": "Hallucinations (one study's mean)"},
    "anaesthesia": {"color": "#cfe3f2", "hatch": "\\\\", "label": "General anaesthesia"},
}
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


def _draw_bands(ax: Axes, rows: pd.DataFrame, x_label_min: float) -> None:
    """Shade each band and label it just right of the axes (outside the curves' way)."""
    for _, row in rows.iterrows():
        style = BAND_STYLE[row["effect"]]
        low, high = float(row["low_ng_per_ml"]), float(row["high_ng_per_ml"])
        if high > low:
            ax.axhspan(low, high, facecolor=style["color"], hatch=style["hatch"], edgecolor="#9a9a9a",
                       linewidth=0, zorder=0)
            text = f"{style['label']}\n{low:,.0f}–{high:,.0f} ng/mL"
            y = (low * high) ** 0.5
        else:
            ax.axhline(low, color="#555555", linestyle=(0, (2, 2)), linewidth=1.4, zorder=1)
            text = f"{style['label']}\n≈{low:,.0f} ng/mL"
            y = low
        ax.text(x_label_min, y, text, fontsize=11, va="center", ha="left", color="#222222", zorder=4,
                clip_on=False)


def plot_curves_over_bands(sims: Sequence[Simulation], bands: pd.DataFrame, *, title: str,
                           effects: Sequence[str] = BAND_EFFECTS, t_max_min: float = 240.0,
                           y_range_ng_per_ml: tuple[float, float] = (10.0, 3000.0),
                           labels: Sequence[str] | None = None) -> Figure:
    """Concentration–time curves of several simulations drawn over concentration–effect bands.

    Parameters
    ----------
    sims
        Results of :func:`helpers.analysis.pk.simulate` (1 to 7 curves).
    bands
        A table with ``effect``, ``low_ng_per_ml`` and ``high_ng_per_ml`` (``load("concentration_bands")``).
    title
        The figure title (state the finding).
    effects
        Which effects to draw (keys of :data:`BAND_STYLE`); ranges are shaded, single values are lines.
    t_max_min
        Right end of the time axis [min].
    y_range_ng_per_ml
        Limits of the logarithmic concentration axis [ng/mL].
    labels
        Legend labels; default: each regimen's label.
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
        labels = [s.regimen.label if s.regimen is not None else f"curve {i + 1}" for i, s in enumerate(sims)]
    if len(labels) != len(sims):
        raise ValueError("labels: give one label per simulation")
    fig, ax = figure(figsize=(11, 5.6))
    _draw_bands(ax, rows, x_label_min=t_max * 1.015)
    for i, (sim, label) in enumerate(zip(sims, labels, strict=True)):
        keep = sim.time_min <= t_max
        t, c = sim.time_min[keep], np.clip(sim.conc_ng_per_ml[keep], low, None)
        every = max(1, len(t) // 12)
        ax.plot(t, c, color=PALETTE[i], linestyle=LINESTYLES[i], marker=MARKERS[i], markevery=every,
                label=label, zorder=3)
    log_scale(ax, "y")
    ax.set_ylim(low, high)
    ax.set_xlim(0, t_max)
    ax.set_xlabel("Time after the start of dosing (min)")
    ax.set_ylabel("Plasma ketamine (ng/mL, log scale)")
    ax.set_title(title)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2)
    fig.tight_layout()
    return fig


#: The regimens the dose explorer offers: only doses given in clinical trials and on the label. The IV
#: infusions are the four arms of a dose-ranging trial in treatment-resistant depression (Fava et al.
#: 2018: 0.1, 0.2, 0.5 and 1.0 mg/kg over 40 min); the sprays are the label's 56 and 84 mg sessions.
#: Routes used outside medicine are deliberately not offered (see notebook 02's static route comparison).
EXPLORER_REGIMENS: dict[str, Regimen] = {
    **{f"ketamine_iv_{dose:g}": Regimen(f"Ketamine {dose:g} mg/kg IV over 40 min", "racemic",
                                        (Dose(dose, "mg/kg", "iv", 0.0, 40.0),))
       for dose in (0.1, 0.2, 0.5, 1.0)},
    "esketamine_56": REGIMENS["esketamine_56"],
    "esketamine_84": REGIMENS["esketamine_84"],
}
#: The explorer's reference curve, drawn beside every choice.
EXPLORER_REFERENCE = "ketamine_iv_0.5"


def explorer_regimen(regimen: str) -> Regimen:
    """The clinical regimen called ``regimen`` (a key of :data:`EXPLORER_REGIMENS`)."""
    if not isinstance(regimen, str) or regimen not in EXPLORER_REGIMENS:
        raise ValueError(f"regimen: must be one of {list(EXPLORER_REGIMENS)}, got {regimen!r}")
    return EXPLORER_REGIMENS[regimen]


def explorer_choices() -> list[tuple[str, str]]:
    """``(label, key)`` pairs of the explorer's regimens, for a drop-down menu."""
    return [(regimen.label, key) for key, regimen in EXPLORER_REGIMENS.items()]


def plot_dose_explorer(regimen: str = EXPLORER_REFERENCE, weight_kg: float = 70.0, *,
                       bands: pd.DataFrame) -> Figure:
    """One clinical regimen's curve over the effect bands, beside the 0.5 mg/kg 40-minute infusion.

    The pure function behind the notebook's menu and slider. Only the regimens of
    :data:`EXPLORER_REGIMENS` can be drawn: the explorer compares clinical doses with each other and is
    not a calculator for any other dose or route.
    """
    chosen = explorer_regimen(regimen)
    weight = real("weight_kg", weight_kg, min_value=20.0, max_value=250.0)
    sims = [simulate(chosen, weight_kg=weight, t_end_min=240.0)]
    labels = [f"{chosen.label} (illustrative model)"]
    if regimen != EXPLORER_REFERENCE:  # the reference curve, unless it is the one chosen
        sims.append(simulate(EXPLORER_REGIMENS[EXPLORER_REFERENCE], weight_kg=weight, t_end_min=240.0))
        labels.append("Reference: 0.5 mg/kg IV over 40 min (model)")
    total_mg = sum(dose.mg(weight) for dose in chosen.doses)
    peak_ng_per_ml = float(sims[0].conc_ng_per_ml.max())
    return plot_curves_over_bands(
        sims, bands, title=f"Peak ≈{peak_ng_per_ml:,.0f} ng/mL ({total_mg:,.0f} mg for {weight:g} kg)",
        labels=labels)


def plot_time_course(sim: Simulation, milestones: pd.DataFrame, *, title: str,
                     t_max_min: float = 240.0) -> Figure:
    """A model curve beside reported timing milestones (vertical lines with labels).

    Parameters
    ----------
    sim
        A simulation (e.g. esketamine 84 mg).
    milestones
        Rows with ``milestone`` and ``time_min`` (from ``load("acute_time_course")``) and a ``text``
        column with the label to print.
    """
    if not isinstance(sim, Simulation):
        raise ValueError(f"sim: expected a Simulation, got {type(sim).__name__}")
    missing = {"time_min", "text"} - set(milestones.columns)
    if missing:
        raise ValueError(f"milestones: missing column(s) {sorted(missing)}")
    t_max = real("t_max_min", t_max_min, min_value=0.0, max_value=10_000.0, strict_min=True)
    fig, ax = figure(figsize=(10, 4.8))
    keep = sim.time_min <= t_max
    label = sim.regimen.label if sim.regimen is not None else "model"
    ax.plot(sim.time_min[keep], sim.conc_ng_per_ml[keep], color=PALETTE[0], marker=MARKERS[0],
            markevery=max(1, int(keep.sum()) // 12), label=f"{label} (illustrative model)")
    top = float(sim.conc_ng_per_ml[keep].max())
    styles = [(0, (4, 2)), (0, (1, 1.5)), "-."]
    for i, (_, row) in enumerate(milestones.iterrows()):
        t = float(row["time_min"])
        ax.axvline(t, color=OKABE_ITO["vermillion"], linestyle=styles[i % len(styles)], linewidth=2)
        ax.text(t + 3, top * (1.38 - 0.13 * i), str(row["text"]), fontsize=11, va="top", ha="left",
                bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none", "pad": 1.5})
    ax.set_xlim(0, t_max)
    ax.set_ylim(0, top * 1.42)
    ax.set_xlabel("Time after the first spray (min)")
    ax.set_ylabel("Plasma esketamine (ng/mL)")
    ax.set_title(title)
    ax.legend(loc="upper right")
    fig.tight_layout()
    return fig


def plot_bioavailability(table: pd.DataFrame, *, title: str) -> Figure:
    """Dot plot of bioavailability estimates (%) by formulation, with intervals where given.

    Parameters
    ----------
    table
        ``load("bioavailability")``: ``route``, ``formulation``, ``bioavailability_pct``, ``low_pct``,
        ``high_pct``, ``n`` and ``source_id``.
    """
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
    fig, ax = figure(figsize=(10, 0.42 * len(data) + 1.6))
    for route_i, route in enumerate(order):
        part = data[data["route"] == route]
        if part.empty:
            continue
        y = part.index.to_numpy()
        x = part["bioavailability_pct"].astype(float).to_numpy()
        lo = part["low_pct"].astype(float).to_numpy()
        hi = part["high_pct"].astype(float).to_numpy()
        has = ~np.isnan(lo)
        if has.any():
            ax.errorbar(x[has], y[has], xerr=[x[has] - lo[has], hi[has] - x[has]], fmt="none",
                        ecolor="#333333", capsize=4, zorder=2)
        ax.plot(x, y, linestyle="none", marker=MARKERS[route_i], color=PALETTE[route_i], markersize=10,
                markeredgecolor="black", label=route.upper() if route == "iv" else route, zorder=3)
        for xi, yi in zip(x, y, strict=True):
            ax.text(xi + 2, yi, f"{xi:g}%", va="center", fontsize=11)
    names = [f"{f} (n={int(n)})" if pd.notna(n) else str(f) for f, n in
             zip(data["formulation"], data["n"], strict=True)]
    ax.set_yticks(range(len(data)), names)
    ax.set_xlim(0, 112)
    ax.set_xlabel("Bioavailability (% of the dose reaching the circulation)")
    ax.set_title(title)
    ax.legend(loc="lower right", title="Route")
    fig.tight_layout()
    return fig


#: Source of the explorer's IV arms (the dose levels of the Fava 2018 trial); the model's parameters and the
#: bands bring their own sources from their tables.
EXPLORER_ARM_SOURCES = ("fava2018",)


def explorer_sources(bands: pd.DataFrame) -> list[str]:
    """The dose explorer's sources: the model's parameters, the explorer's arms and ``bands``' rows."""
    return list(dict.fromkeys([*model_sources(), *EXPLORER_ARM_SOURCES, *bands.attrs["sources"]]))


def show_dose_explorer(regimen: str = EXPLORER_REFERENCE, weight_kg: float = 70.0, *,
                       bands: pd.DataFrame) -> None:
    """Show :func:`plot_dose_explorer` with its source line and description (the widget's function)."""

    chosen = explorer_regimen(regimen)
    fig = plot_dose_explorer(regimen, weight_kg, bands=bands)
    name = chosen.label[0].lower() + chosen.label[1:]
    compared = ("" if regimen == EXPLORER_REFERENCE
                else ", drawn with the 0.5 mg/kg 40-minute infusion for comparison")
    show(fig, alt=f"Modelled plasma concentration over 4 hours for {name} in a {weight_kg:g} kg "
         f"adult{compared}, over the dissociation band, the mean level of one hallucination study and the "
         "anaesthesia band.",
         sources=explorer_sources(bands))
