"""Pharmacology arithmetic: unit conversions, dose by body weight, receptor occupancy.

Every function validates its arguments and raises ``ValueError`` naming the argument. Functions accept
scalars or array-likes where noted and return floats or NumPy arrays.

Molar masses come from the Spravato (esketamine) prescribing information, section 11: esketamine
hydrochloride, C13H16ClNO·HCl, 274.2 g/mol; removing HCl (36.46 g/mol, standard atomic weights) leaves
ketamine base, C13H16ClNO, 237.7 g/mol — the same for both enantiomers and the racemate.
"""

from __future__ import annotations

import numpy as np

from helpers._validate import array, real

__all__ = [
    "MOLAR_MASS_HCL_G_PER_MOL",
    "MOLAR_MASS_KETAMINE_BASE_G_PER_MOL",
    "MOLAR_MASS_KETAMINE_HCL_G_PER_MOL",
    "dose_mg",
    "ng_per_ml_to_um",
    "occupancy",
    "um_to_ng_per_ml",
]

MOLAR_MASS_KETAMINE_HCL_G_PER_MOL = 274.2  # [g/mol] Spravato PI §11 (esketamine hydrochloride)
MOLAR_MASS_HCL_G_PER_MOL = 36.46  # [g/mol] H 1.008 + Cl 35.45
MOLAR_MASS_KETAMINE_BASE_G_PER_MOL = round(MOLAR_MASS_KETAMINE_HCL_G_PER_MOL - MOLAR_MASS_HCL_G_PER_MOL, 1)
# = 237.7 g/mol [ketamine free base, C13H16ClNO]


def _scalar_or_array(arr: np.ndarray) -> float | np.ndarray:
    return float(arr) if arr.ndim == 0 else arr


def ng_per_ml_to_um(conc_ng_per_ml, molar_mass_g_per_mol: float = MOLAR_MASS_KETAMINE_BASE_G_PER_MOL):
    """Convert a mass concentration [ng/mL] to a molar concentration [µM].

    1 ng/mL = 1 µg/L, so µM = (ng/mL) / (g/mol).

    >>> round(ng_per_ml_to_um(185), 2)
    0.78
    """
    conc = array("conc_ng_per_ml", conc_ng_per_ml, min_value=0.0)
    mm = real("molar_mass_g_per_mol", molar_mass_g_per_mol, min_value=0.0, strict_min=True)
    return _scalar_or_array(conc / mm)


def um_to_ng_per_ml(conc_um, molar_mass_g_per_mol: float = MOLAR_MASS_KETAMINE_BASE_G_PER_MOL):
    """Convert a molar concentration [µM] to a mass concentration [ng/mL].

    >>> round(um_to_ng_per_ml(5.0))
    1188
    """
    conc = array("conc_um", conc_um, min_value=0.0)
    mm = real("molar_mass_g_per_mol", molar_mass_g_per_mol, min_value=0.0, strict_min=True)
    return _scalar_or_array(conc * mm)


def dose_mg(dose_mg_per_kg: float, weight_kg: float) -> float:
    """Total dose [mg] from a weight-based dose [mg/kg] and body weight [kg].

    >>> dose_mg(0.5, 70)
    35.0
    """
    dose = real("dose_mg_per_kg", dose_mg_per_kg, min_value=0.0)
    weight = real("weight_kg", weight_kg, min_value=0.0, max_value=500.0, strict_min=True)
    return dose * weight


def occupancy(conc_um, ki_um: float, hill: float = 1.0):
    """Fraction of receptors occupied at equilibrium, single-site (Hill) model.

    ``occupancy = c**n / (c**n + Ki**n)``, with ``c`` the free concentration [µM], ``Ki`` the
    inhibition constant [µM] and ``n`` the Hill coefficient. This is an *illustrative* model: it treats
    a binding constant as if it described functional block and ignores use-dependence.

    >>> occupancy(0.3, 0.3)
    0.5
    """
    conc = array("conc_um", conc_um, min_value=0.0)
    ki = real("ki_um", ki_um, min_value=0.0, strict_min=True)
    n = real("hill", hill, min_value=0.0, max_value=10.0, strict_min=True)
    ratio = (conc / ki) ** n
    return _scalar_or_array(ratio / (1.0 + ratio))
