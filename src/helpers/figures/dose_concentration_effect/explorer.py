"""The dose explorer of notebook 02: the clinical regimens it offers, its chart and the widget's function.

The explorer draws one clinical regimen's model curve over the effect bands beside the 0.5 mg/kg
40-minute infusion (with :func:`helpers.figures.dose_concentration_effect.curves.plot_curves_over_bands`);
:func:`show_dose_explorer` shows that chart with its sources and a description, for
:func:`helpers.figures.explore`. Only doses given in clinical trials and on the label are offered.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from helpers._validate import real
from helpers.analysis.bands import relation_to_band
from helpers.analysis.pk import REGIMENS, Dose, Regimen, model_sources, simulate
from helpers.figures.dose_concentration_effect.curves import (
    _check_bands,
    plot_curves_over_bands,
    regimen_style_key,
)
from helpers.figures.rendering import show

__all__ = [
    "EXPLORER_ARM_SOURCES",
    "EXPLORER_REFERENCE",
    "EXPLORER_REGIMENS",
    "explorer_choices",
    "explorer_regimen",
    "explorer_sources",
    "explorer_style_key",
    "plot_dose_explorer",
    "show_dose_explorer",
]

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
#: The explorer's reference curve, drawn beside every other choice (alone when it is the choice).
EXPLORER_REFERENCE = "ketamine_iv_0.5"


def explorer_regimen(regimen: str) -> Regimen:
    """The clinical regimen called ``regimen`` (a key of :data:`EXPLORER_REGIMENS`)."""
    if not isinstance(regimen, str) or regimen not in EXPLORER_REGIMENS:
        raise ValueError(f"regimen: must be one of {list(EXPLORER_REGIMENS)}, got {regimen!r}")
    return EXPLORER_REGIMENS[regimen]


def explorer_style_key(regimen: str) -> str:
    """The ARM_STYLES key of an explorer regimen: the course's regimen style, or "another dose" of
    ketamine for the trial's other infusion doses."""
    chosen = explorer_regimen(regimen)
    return regimen_style_key(chosen) or "ketamine_other_dose"


def explorer_choices() -> list[tuple[str, str]]:
    """``(label, key)`` pairs of the explorer's regimens, for a drop-down menu (labels in words, with the
    dose and route)."""
    return [(regimen.label, key) for key, regimen in EXPLORER_REGIMENS.items()]


def _position_words(peak_ng_per_ml: float, bands: pd.DataFrame) -> str:
    """Where a peak lies among the dissociation and anaesthesia bands, in words."""
    rows = _check_bands(bands, ("dissociation", "anaesthesia")).set_index("effect")
    dissociation = relation_to_band(peak_ng_per_ml, *rows.loc["dissociation", ["low_ng_per_ml",
                                                                                "high_ng_per_ml"]])
    anaesthesia = relation_to_band(peak_ng_per_ml, *rows.loc["anaesthesia", ["low_ng_per_ml",
                                                                              "high_ng_per_ml"]])
    if dissociation == "below":
        return "below the dissociation band"
    if dissociation == "within":
        return "inside the dissociation band"
    if anaesthesia == "below":
        return "above the dissociation band, below the anaesthesia band"
    return "inside the anaesthesia band" if anaesthesia == "within" else "above the anaesthesia band"


def plot_dose_explorer(regimen: str = EXPLORER_REFERENCE, weight_kg: float = 70.0, *,
                       bands: pd.DataFrame) -> Figure:
    """One clinical regimen's model curve over the effect bands, beside the 0.5 mg/kg 40-minute infusion.

    The pure function behind the notebook's menu and slider. Only the regimens of
    :data:`EXPLORER_REGIMENS` can be drawn: the explorer compares clinical doses with each other and is
    not a calculator for any other dose or route. The reference infusion is drawn only when another
    regimen is chosen (never two identical curves). The title states where the peak lies among the bands,
    then the model's peak and the total dose for this body weight.

    Parameters
    ----------
    regimen
        A key of :data:`EXPLORER_REGIMENS`.
    weight_kg
        Body weight [kg], 20 to 250.
    bands
        ``load("concentration_bands")``.

    Raises
    ------
    ValueError
        ``regimen`` is not a clinical regimen of the explorer, or ``weight_kg`` is out of range.
    """
    chosen = explorer_regimen(regimen)
    weight = real("weight_kg", weight_kg, min_value=20.0, max_value=250.0)
    sims = [simulate(chosen, weight_kg=weight, t_end_min=240.0)]
    labels = [f"{chosen.label} (model)"]
    styles = [explorer_style_key(regimen)]
    if regimen != EXPLORER_REFERENCE:  # the reference curve, unless it is the one chosen
        sims.append(simulate(EXPLORER_REGIMENS[EXPLORER_REFERENCE], weight_kg=weight, t_end_min=240.0))
        labels.append("Reference: ketamine 0.5 mg/kg IV over 40 min (model)")
        styles.append(explorer_style_key(EXPLORER_REFERENCE))
    total_mg = sum(dose.mg(weight) for dose in chosen.doses)
    peak_ng_per_ml = float(sims[0].conc_ng_per_ml.max())
    where = _position_words(peak_ng_per_ml, bands)
    title = (f"{chosen.label} peaks {where}\n"
             f"(model: about {peak_ng_per_ml:,.0f} ng/mL; {total_mg:,.0f} mg for {weight:g} kg)")
    return plot_curves_over_bands(sims, bands, title=title, labels=labels, styles=styles)


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
