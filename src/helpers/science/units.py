"""Unit conversions of the course: molar masses, ng/mL and µM, dose by body weight, time units.

Molar masses come from the Spravato (esketamine) prescribing information, section 11: esketamine
hydrochloride, C13H16ClNO·HCl, 274.2 g/mol; removing HCl (36.46 g/mol, standard atomic weights) leaves
ketamine base, C13H16ClNO, 237.7 g/mol — the same for both enantiomers and the racemate. Every function
validates its arguments and raises ``ValueError`` naming the argument.
"""

from __future__ import annotations

from helpers._validate import array, real, scalar_or_array

__all__ = [
    "HOURS_PER_UNIT",
    "MOLAR_MASS_HCL_G_PER_MOL",
    "MOLAR_MASS_KETAMINE_BASE_G_PER_MOL",
    "MOLAR_MASS_KETAMINE_HCL_G_PER_MOL",
    "dose_mg",
    "hours",
    "ng_per_ml_to_um",
    "um_to_ng_per_ml",
]

MOLAR_MASS_KETAMINE_HCL_G_PER_MOL = 274.2  # [g/mol] Spravato PI §11 (esketamine hydrochloride)


MOLAR_MASS_HCL_G_PER_MOL = 36.46  # [g/mol] H 1.008 + Cl 35.45


MOLAR_MASS_KETAMINE_BASE_G_PER_MOL = round(MOLAR_MASS_KETAMINE_HCL_G_PER_MOL - MOLAR_MASS_HCL_G_PER_MOL, 1)


def ng_per_ml_to_um(conc_ng_per_ml, molar_mass_g_per_mol: float = MOLAR_MASS_KETAMINE_BASE_G_PER_MOL):
    """Convert a mass concentration [ng/mL] to a molar concentration [µM].

    1 ng/mL = 1 µg/L, so µM = (ng/mL) / (g/mol).

    >>> round(ng_per_ml_to_um(185), 2)
    0.78
    """
    conc = array("conc_ng_per_ml", conc_ng_per_ml, min_value=0.0)
    mm = real("molar_mass_g_per_mol", molar_mass_g_per_mol, min_value=0.0, strict_min=True)
    return scalar_or_array(conc / mm)


def um_to_ng_per_ml(conc_um, molar_mass_g_per_mol: float = MOLAR_MASS_KETAMINE_BASE_G_PER_MOL):
    """Convert a molar concentration [µM] to a mass concentration [ng/mL].

    >>> round(um_to_ng_per_ml(5.0))
    1188
    """
    conc = array("conc_um", conc_um, min_value=0.0)
    mm = real("molar_mass_g_per_mol", molar_mass_g_per_mol, min_value=0.0, strict_min=True)
    return scalar_or_array(conc * mm)


def dose_mg(dose_mg_per_kg: float, weight_kg: float) -> float:
    """Total dose [mg] from a weight-based dose [mg/kg] and body weight [kg].

    >>> dose_mg(0.5, 70)
    35.0
    """
    dose = real("dose_mg_per_kg", dose_mg_per_kg, min_value=0.0)
    weight = real("weight_kg", weight_kg, min_value=0.0, max_value=500.0, strict_min=True)
    return dose * weight


#: Hours in one unit of time (``min``, ``h``, ``day``, ``week``).
HOURS_PER_UNIT: dict[str, float] = {"min": 1 / 60, "h": 1.0, "day": 24.0, "week": 168.0}


def hours(value, unit: str):
    """Convert a time to hours.

    Parameters
    ----------
    value
        A time (scalar or array-like, >= 0, finite).
    unit
        One of ``"min"``, ``"h"``, ``"day"``, ``"week"``.

    Returns
    -------
    float or numpy.ndarray
        The time in hours (a float for a scalar input).

    >>> hours(2, "week")
    336.0
    """
    if not isinstance(unit, str) or unit not in HOURS_PER_UNIT:
        raise ValueError(f"unit: must be one of {sorted(HOURS_PER_UNIT)}, got {unit!r}")
    arr = array("value", value, min_value=0.0) * HOURS_PER_UNIT[unit]
    return float(arr) if arr.ndim == 0 else arr
