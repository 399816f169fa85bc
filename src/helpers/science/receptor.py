"""NMDA-receptor models: voltage-dependent block of the channel by extracellular Mg²⁺.

The model is the classic single-site pore-block ("Woodhull") form used by Jahr & Stevens (1990,
J Neurosci 10:3178; doi:10.1523/JNEUROSCI.10-09-03178.1990)::

    unblocked(V, [Mg]) = 1 / (1 + exp(-k * V) * [Mg] / K0)

with ``V`` the membrane potential [mV], ``[Mg]`` the extracellular Mg²⁺ concentration [mM], ``k`` the
steepness of the voltage dependence [1/mV] and ``K0`` the apparent dissociation constant at 0 mV [mM].

*Illustrative model — provenance of the constants.* ``k = 0.062 /mV`` and ``K0 = 3.57 mM`` are the
values universally attributed to Jahr & Stevens (1990), but only that paper's abstract could be read for
this course, not the constants themselves. For the slope there is an independent check: a Woodhull
block has ``k = z·δ·F/(R·T)``, and Sharma & Stevens (1996, PNAS 93:14170; doi:10.1073/pnas.93.24.14170)
place the Mg²⁺ site 80 % into the pore's electrical field (δ = 0.8, z = 2), which gives about
0.063 /mV at 22 °C (see :func:`woodhull_slope_per_mv`). ``K0`` is unverified. Every function takes the
constants as arguments so that a student can vary them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from helpers._validate import array, real, scalar_or_array

__all__ = [
    "FARADAY_C_PER_MOL",
    "GAS_CONSTANT_J_PER_MOL_K",
    "MG_K0_MM",
    "MG_MAX_MM",
    "MG_SLOPE_PER_MV",
    "V_MAX_MV",
    "V_MIN_MV",
    "half_unblock_potential_mv",
    "mg_blocked_fraction",
    "mg_unblocked_fraction",
    "occupancy",
    "occupancy_competing",
    "woodhull_slope_per_mv",
]

MG_SLOPE_PER_MV = 0.062  # [1/mV] attributed to Jahr & Stevens 1990; not read in the paper (see module doc)
MG_K0_MM = 3.57  # [mM] attributed to Jahr & Stevens 1990; not read in the paper (see module doc)

FARADAY_C_PER_MOL = 96485.33212  # [C/mol] exact (SI 2019: elementary charge × Avogadro constant)
GAS_CONSTANT_J_PER_MOL_K = 8.314462618  # [J/(mol·K)] exact to the digits shown (SI 2019)

V_MIN_MV, V_MAX_MV = -200.0, 200.0  # [mV] range accepted for membrane potentials
MG_MAX_MM = 100.0  # [mM] upper limit accepted for extracellular Mg²⁺ (the data span 0.001–10 mM)


def _potential(v_mv: object) -> np.ndarray:
    v = array("v_mv", v_mv)
    if np.any(v < V_MIN_MV) or np.any(v > V_MAX_MV):
        raise ValueError(f"v_mv: must lie between {V_MIN_MV} and {V_MAX_MV} mV")
    return v


def mg_unblocked_fraction(v_mv, mg_mm, *, slope_per_mv: float = MG_SLOPE_PER_MV,
                          k0_mm: float = MG_K0_MM):
    """Fraction of NMDA-receptor conductance *not* blocked by extracellular Mg²⁺ (illustrative).

    Parameters
    ----------
    v_mv
        Membrane potential [mV], a number or array between -200 and 200 mV.
    mg_mm
        Extracellular Mg²⁺ concentration [mM], a number or array in [0, 100] (broadcast with ``v_mv``).
    slope_per_mv
        Steepness of the voltage dependence ``k`` [1/mV], > 0 and <= 1.
    k0_mm
        Apparent dissociation constant of Mg²⁺ at 0 mV [mM], > 0.

    Returns
    -------
    float or numpy.ndarray
        Values in (0, 1]; 1 means no block (e.g. with no Mg²⁺).

    Raises
    ------
    ValueError
        An argument is not a finite number or is out of range.

    Examples
    --------
    >>> round(mg_unblocked_fraction(0.0, 1.0), 3)   # at 0 mV, 1 / (1 + 1/3.57)
    0.781
    """
    v = _potential(v_mv)
    mg = array("mg_mm", mg_mm, min_value=0.0)
    if np.any(mg > MG_MAX_MM):
        raise ValueError(f"mg_mm: must be <= {MG_MAX_MM} mM")
    k = real("slope_per_mv", slope_per_mv, min_value=0.0, max_value=1.0, strict_min=True)
    k0 = real("k0_mm", k0_mm, min_value=0.0, strict_min=True)
    try:
        v, mg = np.broadcast_arrays(v, mg)
    except ValueError:
        raise ValueError("v_mv, mg_mm: shapes cannot be broadcast together") from None
    # exp(-k V) stays finite for |V| <= 200 mV and k <= 1 /mV (at most e**200 ≈ 7e86)
    return scalar_or_array(1.0 / (1.0 + np.exp(-k * v) * mg / k0))


def mg_blocked_fraction(v_mv, mg_mm, *, slope_per_mv: float = MG_SLOPE_PER_MV, k0_mm: float = MG_K0_MM):
    """Fraction of NMDA-receptor conductance blocked by Mg²⁺: ``1 - mg_unblocked_fraction(...)``.

    Same parameters and validation as :func:`mg_unblocked_fraction`.

    >>> round(mg_blocked_fraction(-70.0, 1.0), 3)
    0.956
    """
    unblocked = mg_unblocked_fraction(v_mv, mg_mm, slope_per_mv=slope_per_mv, k0_mm=k0_mm)
    return scalar_or_array(1.0 - np.asarray(unblocked))


def half_unblock_potential_mv(mg_mm: float, *, slope_per_mv: float = MG_SLOPE_PER_MV,
                              k0_mm: float = MG_K0_MM) -> float:
    """Membrane potential [mV] at which half of the conductance is unblocked.

    Solves ``exp(-k V) [Mg] / K0 = 1``: ``V½ = ln([Mg] / K0) / k``. More Mg²⁺ moves ``V½`` to more
    positive (depolarised) potentials.

    Parameters
    ----------
    mg_mm
        Extracellular Mg²⁺ [mM], > 0 and <= 100 (with no Mg²⁺ there is no block to relieve).
    slope_per_mv, k0_mm
        As in :func:`mg_unblocked_fraction`.

    >>> round(half_unblock_potential_mv(3.57), 6)
    0.0
    """
    mg = real("mg_mm", mg_mm, min_value=0.0, max_value=MG_MAX_MM, strict_min=True)
    k = real("slope_per_mv", slope_per_mv, min_value=0.0, max_value=1.0, strict_min=True)
    k0 = real("k0_mm", k0_mm, min_value=0.0, strict_min=True)
    return math.log(mg / k0) / k


def woodhull_slope_per_mv(delta: float, *, valence: int = 2, temperature_c: float = 22.0) -> float:
    """Voltage steepness ``k = z·δ·F / (R·T)`` [1/mV] of a pore block (Woodhull model).

    Parameters
    ----------
    delta
        Electrical distance of the binding site into the membrane field, in (0, 1]
        (0.8 for Mg²⁺ in the NMDA channel, Sharma & Stevens 1996).
    valence
        Charge number of the blocking ion (2 for Mg²⁺), a whole number from 1 to 4.
    temperature_c
        Temperature [°C], from 0 to 45.

    >>> round(woodhull_slope_per_mv(0.8), 4)
    0.0629
    """
    d = real("delta", delta, min_value=0.0, max_value=1.0, strict_min=True)
    if isinstance(valence, bool) or not isinstance(valence, int) or not 1 <= valence <= 4:
        raise ValueError(f"valence: must be a whole number from 1 to 4, got {valence!r}")
    t_c = real("temperature_c", temperature_c, min_value=0.0, max_value=45.0)
    t_k = t_c + 273.15  # [K]
    per_volt = valence * d * FARADAY_C_PER_MOL / (GAS_CONSTANT_J_PER_MOL_K * t_k)  # [1/V]
    return per_volt / 1000.0  # [1/mV]


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
    return scalar_or_array(ratio / (1.0 + ratio))


def occupancy_competing(conc_um: Sequence[float], ki_um: Sequence[float]) -> np.ndarray:
    """Fraction of sites each of several ligands occupies when they compete for one site.

    ``occupancy_i = (c_i / Ki_i) / (1 + sum_j c_j / Ki_j)`` (single site, Hill coefficient 1): the model
    for a racemate, whose two enantiomers bind the same site with different affinities. Like
    :func:`occupancy`, it is *illustrative*. With one ligand it equals :func:`occupancy`.

    Parameters
    ----------
    conc_um
        Free concentration of each ligand [µM] (>= 0).
    ki_um
        Inhibition constant of each ligand [µM] (> 0), in the same order.

    Returns
    -------
    numpy.ndarray
        Each ligand's occupied fraction; their sum is the total occupancy (< 1).

    >>> occupancy_competing([0.3, 1.4], [0.3, 1.4]).round(3).tolist()
    [0.333, 0.333]
    """
    conc = array("conc_um", conc_um, min_value=0.0)
    ki = array("ki_um", ki_um, min_value=0.0)
    if conc.ndim != 1 or conc.size == 0 or conc.shape != ki.shape:
        raise ValueError("ki_um: give one Ki per concentration (conc_um and ki_um of equal length >= 1)")
    if np.any(ki <= 0):
        raise ValueError("ki_um: each Ki must be > 0")
    ratio = conc / ki
    return ratio / (1.0 + ratio.sum())
