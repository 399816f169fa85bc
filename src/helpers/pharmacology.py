"""Pharmacology arithmetic: unit conversions, dose by body weight, receptor occupancy, and the course's
illustrative two-compartment pharmacokinetic model (:func:`simulate`, :data:`REGIMENS`, :func:`time_above`).

Every function validates its arguments and raises ``ValueError`` naming the argument. Functions accept
scalars or array-likes where noted and return floats or NumPy arrays.

Molar masses come from the Spravato (esketamine) prescribing information, section 11: esketamine
hydrochloride, C13H16ClNO·HCl, 274.2 g/mol; removing HCl (36.46 g/mol, standard atomic weights) leaves
ketamine base, C13H16ClNO, 237.7 g/mol — the same for both enantiomers and the racemate.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from helpers._validate import array, real

__all__ = [
    "MOLAR_MASS_HCL_G_PER_MOL",
    "MOLAR_MASS_KETAMINE_BASE_G_PER_MOL",
    "MOLAR_MASS_KETAMINE_HCL_G_PER_MOL",
    "dose_mg",
    "ng_per_ml_to_um",
    "occupancy",
    "occupancy_competing",
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


# =====================================================================================================
# The illustrative pharmacokinetic (PK) model
# =====================================================================================================
#
# A linear two-compartment model (central volume V1, peripheral volume V2, elimination clearance CL,
# inter-compartmental clearance Q) with zero-order intravenous input (an infusion; a bolus is an
# infusion of one minute) and first-order absorption (rate constant ka, bioavailable fraction F) for
# non-intravenous routes. Amounts are in mg, volumes in L, time in minutes; mg/L = µg/mL = 1000 ng/mL.
# The model is *illustrative*: its parameters and their sources are in ``data/pk_parameters.csv`` and
# :func:`load_parameters` builds them from that table. Between dosing events the linear system is
# propagated exactly with a matrix exponential, so the result does not depend on a solver's step size.

__all__ += [
    "ABSORBED_ROUTES",
    "REGIMENS",
    "ROUTES",
    "AbsorptionRoute",
    "Dose",
    "PKParameters",
    "Regimen",
    "Simulation",
    "absorption_rate_for_tmax",
    "expm",
    "exposure_table",
    "load_parameters",
    "load_routes",
    "peak",
    "q_for_alpha_half_life",
    "simulate",
    "time_above",
]

MG_PER_L_TO_NG_PER_ML = 1000.0  # 1 mg/L = 1 µg/mL = 1000 ng/mL
#: The model's routes: intravenous racemic ketamine and the esketamine nasal spray, the two clinical routes.
#: Routes used outside medicine are deliberately not modelled (the course compares their bioavailability
#: only as a static, sourced table).
ROUTES: tuple[str, ...] = ("iv", "esketamine_nasal")
ABSORBED_ROUTES: tuple[str, ...] = ROUTES[1:]
DRUGS: tuple[str, ...] = ("racemic", "esketamine")


def expm(matrix: np.ndarray) -> np.ndarray:
    """Matrix exponential by scaling and squaring of a Taylor series (small dense matrices).

    Accurate to about machine precision for the model's matrices (scaled to norm <= 0.5, 20 terms).

    >>> float(expm(np.array([[0.0]]))[0, 0])
    1.0
    """
    m = np.asarray(matrix, dtype=float)
    if m.ndim != 2 or m.shape[0] != m.shape[1]:
        raise ValueError(f"matrix: expected a square matrix, got shape {m.shape}")
    if not np.all(np.isfinite(m)):
        raise ValueError("matrix: must be finite")
    norm = float(np.max(np.sum(np.abs(m), axis=1))) if m.size else 0.0
    squarings = max(0, math.ceil(math.log2(norm / 0.5))) if norm > 0.5 else 0
    scaled = m / 2.0**squarings
    result = np.eye(m.shape[0])
    term = np.eye(m.shape[0])
    for k in range(1, 21):
        term = term @ scaled / k
        result = result + term
    for _ in range(squarings):
        result = result @ result
    return result


@dataclass(frozen=True)
class PKParameters:
    """Two-compartment disposition parameters, per kg of body weight.

    Parameters
    ----------
    cl_l_per_h_per_kg
        Elimination clearance [L/h per kg].
    v1_l_per_kg
        Central volume [L/kg].
    q_l_per_h_per_kg
        Inter-compartmental clearance [L/h per kg]; 0 gives a one-compartment model.
    v2_l_per_kg
        Peripheral volume [L/kg].
    """

    cl_l_per_h_per_kg: float
    v1_l_per_kg: float
    q_l_per_h_per_kg: float
    v2_l_per_kg: float

    def __post_init__(self) -> None:
        real("cl_l_per_h_per_kg", self.cl_l_per_h_per_kg, min_value=0.0, max_value=100.0, strict_min=True)
        real("v1_l_per_kg", self.v1_l_per_kg, min_value=0.0, max_value=1000.0, strict_min=True)
        real("q_l_per_h_per_kg", self.q_l_per_h_per_kg, min_value=0.0, max_value=1000.0)
        real("v2_l_per_kg", self.v2_l_per_kg, min_value=0.0, max_value=1000.0, strict_min=True)

    @property
    def vss_l_per_kg(self) -> float:
        """Volume of distribution at steady state, V1 + V2 [L/kg]."""
        return self.v1_l_per_kg + self.v2_l_per_kg

    def rate_constants_per_min(self) -> tuple[float, float, float]:
        """Micro rate constants (k10, k12, k21) [1/min]."""
        k10 = self.cl_l_per_h_per_kg / self.v1_l_per_kg / 60.0
        k12 = self.q_l_per_h_per_kg / self.v1_l_per_kg / 60.0
        k21 = self.q_l_per_h_per_kg / self.v2_l_per_kg / 60.0
        return k10, k12, k21

    def half_lives_min(self) -> tuple[float, float]:
        """Distribution (alpha) and terminal (beta) half-lives [min] of the disposition.

        >>> p = PKParameters(1.0, 1.0, 0.0, 1.0)
        >>> round(p.half_lives_min()[1], 2)   # one compartment: ln 2 * V / CL = 41.59 min
        41.59
        """
        k10, k12, k21 = self.rate_constants_per_min()
        total = k10 + k12 + k21
        root = math.sqrt(max(total**2 - 4.0 * k10 * k21, 0.0))
        alpha, beta = (total + root) / 2.0, (total - root) / 2.0
        if self.q_l_per_h_per_kg == 0.0:
            alpha = beta = k10
        return math.log(2) / alpha, math.log(2) / beta


def q_for_alpha_half_life(cl_l_per_h_per_kg: float, v1_l_per_kg: float, v2_l_per_kg: float,
                          alpha_half_life_min: float) -> float:
    """Inter-compartmental clearance Q [L/h per kg] that gives a chosen distribution half-life.

    With k10 = CL/V1 and the fast disposition rate alpha = ln 2 / t½α, the characteristic equation
    alpha² − (k10 + Q/V1 + Q/V2)·alpha + k10·Q/V2 = 0 is linear in Q.

    Raises
    ------
    ValueError
        An argument is not positive and finite, or no positive Q gives that half-life (the
        half-life must be shorter than the elimination half-life of the central volume, ln 2·V1/CL).
    """
    cl = real("cl_l_per_h_per_kg", cl_l_per_h_per_kg, min_value=0.0, strict_min=True) / 60.0
    v1 = real("v1_l_per_kg", v1_l_per_kg, min_value=0.0, strict_min=True)
    v2 = real("v2_l_per_kg", v2_l_per_kg, min_value=0.0, strict_min=True)
    t_half = real("alpha_half_life_min", alpha_half_life_min, min_value=0.0, strict_min=True)
    alpha = math.log(2) / t_half
    k10 = cl / v1
    denominator = (1.0 / v1 + 1.0 / v2) * alpha - k10 / v2
    q_per_min = (alpha**2 - k10 * alpha) / denominator if denominator > 0 else -1.0
    if not (q_per_min > 0 and math.isfinite(q_per_min)):
        raise ValueError(
            f"alpha_half_life_min: no positive inter-compartmental clearance gives {t_half} min "
            f"(it must be shorter than ln2*V1/CL = {math.log(2) / k10:.1f} min)")
    return q_per_min * 60.0


@dataclass(frozen=True)
class AbsorptionRoute:
    """A non-intravenous route: bioavailable fraction and first-order absorption rate.

    Parameters
    ----------
    bioavailability
        Fraction of the dose that reaches the circulation, 0 < F <= 1.
    ka_per_h
        First-order absorption rate constant [1/h].
    """

    bioavailability: float
    ka_per_h: float

    def __post_init__(self) -> None:
        real("bioavailability", self.bioavailability, min_value=0.0, max_value=1.0, strict_min=True)
        real("ka_per_h", self.ka_per_h, min_value=0.0, max_value=1000.0, strict_min=True)


@dataclass(frozen=True)
class Dose:
    """One administration.

    Parameters
    ----------
    amount
        Dose, in ``unit``.
    unit
        ``"mg"`` (fixed dose) or ``"mg/kg"`` (by body weight).
    route
        One of :data:`ROUTES`: ``"iv"`` or an absorbed route.
    start_min
        Start time [min] after the first dose.
    duration_min
        Intravenous infusion duration [min], at least 1; 0 means a bolus (given over one minute). Must
        be 0 for absorbed routes.
    """

    amount: float
    unit: str = "mg/kg"
    route: str = "iv"
    start_min: float = 0.0
    duration_min: float = 0.0

    def __post_init__(self) -> None:
        real("amount", self.amount, min_value=0.0, max_value=10_000.0)
        if self.unit not in ("mg", "mg/kg"):
            raise ValueError(f"unit: must be 'mg' or 'mg/kg', got {self.unit!r}")
        if self.route not in ROUTES:
            raise ValueError(f"route: must be one of {ROUTES}, got {self.route!r}")
        real("start_min", self.start_min, min_value=0.0, max_value=100_000.0)
        real("duration_min", self.duration_min, min_value=0.0, max_value=10_000.0)
        if 0.0 < self.duration_min < 1.0:
            raise ValueError(
                f"duration_min: an infusion lasts at least 1 min (0 = bolus), got {self.duration_min!r}")
        if self.route != "iv" and self.duration_min != 0.0:
            raise ValueError(f"duration_min: only intravenous doses have a duration (route {self.route!r})")

    def mg(self, weight_kg: float) -> float:
        """The dose in mg for a body weight [kg]."""
        return dose_mg(self.amount, weight_kg) if self.unit == "mg/kg" else float(self.amount)


@dataclass(frozen=True)
class Regimen:
    """A named sequence of doses of one drug (``"racemic"`` ketamine or ``"esketamine"``)."""

    label: str
    drug: str
    doses: tuple[Dose, ...]
    description: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.label, str) or not self.label.strip():
            raise ValueError("label: give a short name")
        if self.drug not in DRUGS:
            raise ValueError(f"drug: must be one of {DRUGS}, got {self.drug!r}")
        if not self.doses or not all(isinstance(d, Dose) for d in self.doses):
            raise ValueError("doses: give at least one Dose")


#: The four regimens of notebook 02 (doses from the labels and the antidepressant protocol; see the
#: notebook for sources). Esketamine 56 mg = two 28-mg devices and 84 mg = three, 5 min apart.
REGIMENS: dict[str, Regimen] = {
    "antidepressant_infusion": Regimen(
        "Ketamine 0.5 mg/kg IV over 40 min", "racemic",
        (Dose(0.5, "mg/kg", "iv", 0.0, 40.0),),
        "The antidepressant protocol of the ketamine trials."),
    "anaesthetic_induction": Regimen(
        "Ketamine 2 mg/kg IV bolus", "racemic",
        (Dose(2.0, "mg/kg", "iv", 0.0, 0.0),),
        "An average anaesthetic induction dose (label range 1-4.5 mg/kg), given over 60 s."),
    "esketamine_56": Regimen(
        "Esketamine 56 mg nasal", "esketamine",
        (Dose(28.0, "mg", "esketamine_nasal", 0.0), Dose(28.0, "mg", "esketamine_nasal", 5.0)),
        "Two 28-mg devices, 5 min apart."),
    "esketamine_84": Regimen(
        "Esketamine 84 mg nasal", "esketamine",
        (Dose(28.0, "mg", "esketamine_nasal", 0.0), Dose(28.0, "mg", "esketamine_nasal", 5.0),
         Dose(28.0, "mg", "esketamine_nasal", 10.0)),
        "Three 28-mg devices, 5 min apart."),
}


@dataclass(frozen=True)
class Simulation:
    """The result of :func:`simulate`.

    Attributes
    ----------
    time_min
        Output times [min].
    conc_ng_per_ml
        Plasma (central) concentration [ng/mL].
    amounts_mg
        Amount [mg] in each place at each time: ``"absorption_site"``, ``"central"``,
        ``"peripheral"``, ``"eliminated"`` and ``"not_absorbed"`` (the part of an absorbed dose that
        never reaches the circulation, 1 − F).
    given_mg
        Cumulative amount given [mg] at each time (an infusion counts as it runs).
    """

    time_min: np.ndarray
    conc_ng_per_ml: np.ndarray
    amounts_mg: Mapping[str, np.ndarray] = field(repr=False)
    given_mg: np.ndarray = field(repr=False)
    regimen: Regimen | None = None
    weight_kg: float = 70.0


def _check_routes(routes: Mapping[str, AbsorptionRoute], needed: set[str]) -> None:
    for route in needed:
        if route not in routes or not isinstance(routes[route], AbsorptionRoute):
            raise ValueError(f"routes: no absorption parameters for route {route!r}")


def simulate(regimen: Regimen, *, weight_kg: float = 70.0, t_end_min: float = 240.0,
             dt_min: float = 0.5, params: PKParameters | None = None,
             routes: Mapping[str, AbsorptionRoute] | None = None) -> Simulation:
    """Simulate plasma concentrations for a dosing regimen (illustrative model).

    Parameters
    ----------
    regimen
        The doses, e.g. ``REGIMENS["antidepressant_infusion"]``.
    weight_kg
        Body weight [kg] (doses in mg/kg and all volumes and clearances scale with it).
    t_end_min
        Last output time [min] after the first dose.
    dt_min
        Spacing of the output times [min].
    params
        Disposition parameters; default: :func:`load_parameters` for the regimen's drug.
    routes
        Absorption parameters by route; default: :func:`load_routes`.

    Returns
    -------
    Simulation

    Raises
    ------
    ValueError
        A bad argument (named in the message), or a dose route without absorption parameters.

    Examples
    --------
    >>> sim = simulate(REGIMENS["antidepressant_infusion"])           # doctest: +SKIP
    >>> round(peak(sim)[0])                                            # doctest: +SKIP
    185
    """
    if not isinstance(regimen, Regimen):
        raise ValueError(f"regimen: expected a Regimen, got {type(regimen).__name__}")
    weight = real("weight_kg", weight_kg, min_value=0.0, max_value=500.0, strict_min=True)
    t_end = real("t_end_min", t_end_min, min_value=0.0, max_value=100_000.0, strict_min=True)
    dt = real("dt_min", dt_min, min_value=0.0, max_value=t_end, strict_min=True)
    if t_end / dt > 200_000:
        raise ValueError(f"dt_min: too many output times ({t_end / dt:.0f}); use a larger step")
    if params is None:
        params = load_parameters(regimen.drug)
    if not isinstance(params, PKParameters):
        raise ValueError(f"params: expected PKParameters, got {type(params).__name__}")
    absorbed = {d.route for d in regimen.doses if d.route != "iv"}
    if absorbed and routes is None:
        routes = load_routes()
    if absorbed:
        _check_routes(routes, absorbed)

    # State: [central, peripheral, eliminated, infusion rate, depot_1 ... depot_m] (mg, mg/min)
    depot_routes = sorted(absorbed)
    n = 4 + len(depot_routes)
    k10, k12, k21 = params.rate_constants_per_min()
    a = np.zeros((n, n))
    a[0, 0], a[0, 1], a[0, 3] = -(k10 + k12), k21, 1.0
    a[1, 0], a[1, 1] = k12, -k21
    a[2, 0] = k10
    for j, route in enumerate(depot_routes):
        ka = routes[route].ka_per_h / 60.0
        a[4 + j, 4 + j] = -ka
        a[0, 4 + j] = ka
    v1_l = params.v1_l_per_kg * weight

    # Dosing events: (time, kind, value)
    infusions: list[tuple[float, float, float]] = []  # (start, end, rate mg/min)
    boluses: list[tuple[float, int, float, float]] = []  # (time, depot index, bioavailable mg, lost mg)
    for dose in regimen.doses:
        mg = dose.mg(weight)
        if dose.route == "iv":
            duration = dose.duration_min if dose.duration_min > 0 else 1.0
            infusions.append((dose.start_min, dose.start_min + duration, mg / duration))
        else:
            f = routes[dose.route].bioavailability
            boluses.append((dose.start_min, depot_routes.index(dose.route), f * mg, (1.0 - f) * mg))

    times = np.round(np.arange(0.0, t_end + dt / 2, dt), 10)
    breakpoints = sorted({t for s, e, _ in infusions for t in (s, e)} | {b[0] for b in boluses})
    grid = np.unique(np.concatenate([times, [t for t in breakpoints if t <= t_end]]))

    def rate_at(t: float) -> float:  # infusion rate on [t, next grid point)
        return sum(r for s, e, r in infusions if s <= t < e)

    def given_at(t: float) -> float:
        inf = sum(r * min(max(t - s, 0.0), e - s) for s, e, r in infusions)
        return inf + sum(b[2] + b[3] for b in boluses if b[0] <= t)

    cache: dict[float, np.ndarray] = {}
    state = np.zeros(n)
    lost = 0.0
    out_state = np.zeros((len(times), n))
    out_lost = np.zeros(len(times))
    out_index = {t: i for i, t in enumerate(times)}
    for i, t in enumerate(grid):
        for b in boluses:
            if b[0] == t:
                state[4 + b[1]] += b[2]
                lost += b[3]
        state[3] = rate_at(t)
        if t in out_index:
            out_state[out_index[t]] = state
            out_lost[out_index[t]] = lost
        if i + 1 < len(grid):
            h = round(float(grid[i + 1] - t), 10)
            if h not in cache:
                cache[h] = expm(a * h)
            state = cache[h] @ state
    amounts = {
        "absorption_site": out_state[:, 4:].sum(axis=1),
        "central": out_state[:, 0],
        "peripheral": out_state[:, 1],
        "eliminated": out_state[:, 2],
        "not_absorbed": out_lost,
    }
    conc = np.maximum(out_state[:, 0], 0.0) / v1_l * MG_PER_L_TO_NG_PER_ML
    given = np.array([given_at(t) for t in times])
    return Simulation(times, conc, amounts, given, regimen, weight)


def peak(sim: Simulation) -> tuple[float, float]:
    """Peak concentration [ng/mL] and the time it is reached [min]."""
    if not isinstance(sim, Simulation):
        raise ValueError(f"sim: expected a Simulation, got {type(sim).__name__}")
    i = int(np.argmax(sim.conc_ng_per_ml))
    return float(sim.conc_ng_per_ml[i]), float(sim.time_min[i])


def time_above(time_min, conc_ng_per_ml, threshold_ng_per_ml: float) -> float:
    """Total time [min] a concentration curve spends above a threshold.

    Crossings between samples are located by linear interpolation.

    >>> time_above([0, 10, 20], [0, 100, 0], 50)
    10.0
    """
    t = array("time_min", time_min)
    c = array("conc_ng_per_ml", conc_ng_per_ml, min_value=0.0)
    thr = real("threshold_ng_per_ml", threshold_ng_per_ml, min_value=0.0)
    if t.ndim != 1 or c.shape != t.shape:
        raise ValueError("conc_ng_per_ml: must be a 1-D array of the same length as time_min")
    if t.size < 2:
        raise ValueError("time_min: give at least two times")
    if np.any(np.diff(t) <= 0):
        raise ValueError("time_min: must be strictly increasing")
    total = 0.0
    for t0, t1, c0, c1 in zip(t[:-1], t[1:], c[:-1], c[1:], strict=True):
        above0, above1 = c0 > thr, c1 > thr
        if above0 and above1:
            total += t1 - t0
        elif above0 != above1:
            cross = t0 + (thr - c0) / (c1 - c0) * (t1 - t0)
            total += (t1 - cross) if above1 else (cross - t0)
    return float(total)


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
    import pandas as pd

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


def absorption_rate_for_tmax(tmax_min: float, params: PKParameters, *, doses_min: Sequence[float] = (0.0,),
                             ) -> float:
    """The absorption rate constant ka [1/h] at which the model peaks ``tmax_min`` after the last dose.

    Used to calibrate ka to a published time to peak (the peak time does not depend on F or on the dose).
    Solved by bisection on log ka between 0.01 and 1000 per hour.

    Raises
    ------
    ValueError
        ``tmax_min`` is not positive, or no ka in the range reproduces it.
    """
    tmax = real("tmax_min", tmax_min, min_value=0.0, max_value=1440.0, strict_min=True)
    if not isinstance(params, PKParameters):
        raise ValueError(f"params: expected PKParameters, got {type(params).__name__}")
    starts = [real("doses_min", s, min_value=0.0, max_value=1440.0) for s in doses_min]
    if not starts:
        raise ValueError("doses_min: give at least one dose time")
    last = max(starts)

    def tmax_for(ka: float) -> float:
        route = {"esketamine_nasal": AbsorptionRoute(1.0, ka)}
        reg = Regimen("calibration", "esketamine",
                      tuple(Dose(1.0, "mg", "esketamine_nasal", s) for s in starts))
        sim = simulate(reg, t_end_min=last + 4 * tmax + 60, dt_min=0.1, params=params, routes=route)
        return peak(sim)[1] - last

    lo, hi = math.log(0.01), math.log(1000.0)
    if not tmax_for(math.exp(hi)) <= tmax <= tmax_for(math.exp(lo)):
        raise ValueError(f"tmax_min: no absorption rate between 0.01 and 1000 /h peaks at {tmax} min")
    for _ in range(40):
        mid = (lo + hi) / 2
        if tmax_for(math.exp(mid)) > tmax:
            lo = mid
        else:
            hi = mid
    return math.exp((lo + hi) / 2)


def _pk_values() -> dict[tuple[str, str], list[float]]:
    """``data/pk_parameters.csv`` as {(parameter, drug): [value, ...]}."""
    from helpers.data import load  # imported here: the model itself does not need the data layer

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
