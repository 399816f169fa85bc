"""The course's illustrative PK model with its data: parameters from ``data/pk_parameters.csv``.

The one place where the NumPy model of :mod:`helpers.science.pk` meets the data layer. Notebooks use this
module (``from helpers.analysis import pk``): it re-exports the model's names, and its :func:`simulate`
takes the course's parameters unless others are given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from helpers._validate import real
from helpers.data import load
from helpers.science import pk as _model
from helpers.science.pk import (
    ABSORBED_ROUTES,
    DRUGS,
    REGIMENS,
    ROUTES,
    AbsorptionRoute,
    Dose,
    PKParameters,
    Regimen,
    Simulation,
    peak,
    q_for_alpha_half_life,
    time_above,
)
from helpers.science.units import ng_per_ml_to_um, um_to_ng_per_ml

__all__ = [
    "MAX_IV_DOSE_MG_PER_KG",
    "REGIMENS",
    "ROUTES",
    "AbsorptionRoute",
    "Dose",
    "PKParameters",
    "Regimen",
    "Simulation",
    "exposure_table",
    "infusion",
    "load_parameters",
    "load_routes",
    "model_sources",
    "ng_per_ml_to_um",
    "peak",
    "simulate",
    "time_above",
    "um_to_ng_per_ml",
]


def simulate(regimen: Regimen, *, weight_kg: float = 70.0, t_end_min: float = 240.0, dt_min: float = 0.5,
             params: PKParameters | None = None,
             routes: Mapping[str, AbsorptionRoute] | None = None) -> Simulation:
    """:func:`helpers.science.pk.simulate` with the course's parameters as defaults.

    ``params`` defaults to :func:`load_parameters` for the regimen's drug and ``routes`` to
    :func:`load_routes`; every other argument is passed on unchanged.
    """
    if not isinstance(regimen, Regimen):
        raise ValueError(f"regimen: expected a Regimen, got {type(regimen).__name__}")
    if params is None:
        params = load_parameters(regimen.drug)
    if routes is None and any(dose.route != "iv" for dose in regimen.doses):
        routes = load_routes()
    return _model.simulate(regimen, weight_kg=weight_kg, t_end_min=t_end_min, dt_min=dt_min, params=params,
                           routes=routes)



#: The largest single IV dose :func:`infusion` builds [mg/kg]: the top of the ketamine label's induction
#: range (1-4.5 mg/kg IV, ``ketalar_pi``), so no exercise can model a dose outside clinical use.
MAX_IV_DOSE_MG_PER_KG = 4.5
#: The longest infusion :func:`infusion` builds [min].
MAX_INFUSION_MIN = 240.0


def infusion(dose_mg_per_kg: float, duration_min: float) -> Regimen:
    """One intravenous infusion of racemic ketamine, dosed by body weight: a :class:`Regimen` to simulate.

    Parameters
    ----------
    dose_mg_per_kg
        The dose [mg/kg], above 0 and at most :data:`MAX_IV_DOSE_MG_PER_KG` (the label's induction range).
    duration_min
        How long the infusion runs [min], 0 (a bolus, given over one minute) to 240.

    Returns
    -------
    Regimen
        Labelled in words, e.g. "Ketamine 0.5 mg/kg IV over 20 min".

    Raises
    ------
    ValueError
        A dose or duration outside those ranges, or not a number (the message names the argument).

    >>> peak(simulate(infusion(0.5, 40)))[0] > 180
    True
    """
    dose = real("dose_mg_per_kg", dose_mg_per_kg, min_value=0.0, max_value=MAX_IV_DOSE_MG_PER_KG,
                strict_min=True)
    duration = real("duration_min", duration_min, min_value=0.0, max_value=MAX_INFUSION_MIN)
    how = "bolus" if duration == 0 else f"over {duration:g} min"
    return Regimen(f"Ketamine {dose:g} mg/kg IV {how}", "racemic",
                   (Dose(dose, "mg/kg", "iv", 0.0, duration),))


def model_sources() -> list[str]:
    """Source ids of the model's parameters, as ``data/pk_parameters.csv`` records them."""
    return list(load("pk_parameters").attrs["sources"])


def _pk_values() -> dict[tuple[str, str], list[float]]:
    """``data/pk_parameters.csv`` as {(parameter, drug): [value, ...]}."""

    table = load("pk_parameters")
    values: dict[tuple[str, str], list[float]] = {}
    for parameter, drug, value in zip(table["parameter"], table["drug"], table["value"], strict=True):
        values.setdefault((parameter, drug), []).append(float(value))
    return values


def _value(values: dict[tuple[str, str], list[float]], parameter: str, drug: str) -> float:
    found = values.get((parameter, drug), [])
    if len(found) != 1:
        raise ValueError(f"parameter: expected one row for {parameter!r} ({drug}), found {len(found)}")
    return found[0]


def load_parameters(drug: str = "racemic") -> PKParameters:
    """The model's disposition parameters for ``drug``, built from ``data/pk_parameters.csv``.

    CL, Vss and V1 are read per 70 kg and scaled per kg; Q is derived from the distribution half-life
    with :func:`q_for_alpha_half_life`.
    """
    if drug not in DRUGS:
        raise ValueError(f"drug: must be one of {DRUGS}, got {drug!r}")
    values = _pk_values()
    cl = _value(values, "clearance", drug) / 70.0
    vss = _value(values, "volume_steady_state", drug) / 70.0
    v1 = _value(values, "central_volume", drug) / 70.0
    t_alpha = _value(values, "distribution_half_life", drug)
    q = q_for_alpha_half_life(cl, v1, vss - v1, t_alpha)
    return PKParameters(cl, v1, q, vss - v1)


def load_routes() -> dict[str, AbsorptionRoute]:
    """Absorption parameters (F and ka) of every absorbed route, from ``data/pk_parameters.csv``."""
    values = _pk_values()
    drug_of = {"esketamine_nasal": "esketamine"}
    return {
        route: AbsorptionRoute(_value(values, f"bioavailability_{route}", drug_of[route]) / 100.0,
                               _value(values, f"ka_{route}", drug_of[route]))
        for route in ABSORBED_ROUTES
    }


def exposure_table(sims: Sequence[Simulation], thresholds_ng_per_ml: Mapping[str, float]):
    """One row per simulation: peak [ng/mL], time of peak [min] and minutes above each threshold.

    Parameters
    ----------
    sims
        Results of :func:`simulate`.
    thresholds_ng_per_ml
        Column name -> threshold [ng/mL], e.g. ``{"min_above_100": 100.0}``.

    Returns
    -------
    pandas.DataFrame
        Columns ``regimen``, ``peak_ng_per_ml``, ``peak_time_min`` and one column per threshold.
    """

    sims = list(sims) if isinstance(sims, Sequence) else []
    if not sims or not all(isinstance(s, Simulation) for s in sims):
        raise ValueError("sims: give at least one Simulation")
    if not isinstance(thresholds_ng_per_ml, Mapping) or not thresholds_ng_per_ml:
        raise ValueError("thresholds_ng_per_ml: give a mapping of column name to threshold")
    limits = {str(k): real("thresholds_ng_per_ml", v, min_value=0.0) for k, v in thresholds_ng_per_ml.items()}
    rows = []
    for sim in sims:
        c, t = peak(sim)
        row = {"regimen": sim.regimen.label if sim.regimen is not None else "", "peak_ng_per_ml": c,
               "peak_time_min": t}
        row.update({k: time_above(sim.time_min, sim.conc_ng_per_ml, v) for k, v in limits.items()})
        rows.append(row)
    return pd.DataFrame(rows)
