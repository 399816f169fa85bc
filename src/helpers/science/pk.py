"""The course's illustrative two-compartment pharmacokinetic model (numpy only).

A linear two-compartment model (central volume V1, peripheral volume V2, elimination clearance CL,
inter-compartmental clearance Q) with zero-order intravenous input (an infusion; a bolus is an infusion of
one minute) and first-order absorption (rate constant ka, bioavailable fraction F) for the esketamine nasal
spray. Amounts are in mg, volumes in L, time in minutes; mg/L = µg/mL = 1000 ng/mL. The model is
*illustrative*: its parameters and their sources are in ``data/pk_parameters.csv``, and
:func:`helpers.analysis.pk_parameters.load_parameters` builds them from that table. Between dosing events
the linear system is propagated exactly with a matrix exponential, so the result does not depend on a
solver's step size.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from helpers._validate import array, real
from helpers.science.regimens import ABSORBED_ROUTES, DRUGS, REGIMENS, ROUTES, AbsorptionRoute, Dose, Regimen

__all__ = [
    "ABSORBED_ROUTES",
    "DRUGS",
    "MG_PER_L_TO_NG_PER_ML",
    "REGIMENS",
    "ROUTES",
    "AbsorptionRoute",
    "Dose",
    "PKParameters",
    "Regimen",
    "Simulation",
    "expm",
    "peak",
    "q_for_alpha_half_life",
    "simulate",
    "time_above",
]

MG_PER_L_TO_NG_PER_ML = 1000.0  # 1 mg/L = 1 µg/mL = 1000 ng/mL


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
             dt_min: float = 0.5, params: PKParameters,
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
        Disposition parameters (the course's: :func:`helpers.analysis.pk.load_parameters`).
    routes
        Absorption parameters by route, needed when a dose is not intravenous (the course's:
        :func:`helpers.analysis.pk.load_routes`).

    Returns
    -------
    Simulation

    Raises
    ------
    ValueError
        A bad argument (named in the message), or a dose route without absorption parameters.

    Examples
    --------
    >>> params = PKParameters(1.13, 1.5, 2.49, 2.1)
    >>> sim = simulate(REGIMENS["antidepressant_infusion"], params=params)  # doctest: +SKIP
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
    if not isinstance(params, PKParameters):
        raise ValueError(f"params: expected PKParameters, got {type(params).__name__}")
    absorbed = {d.route for d in regimen.doses if d.route != "iv"}
    if absorbed:
        if routes is None:
            raise ValueError(f"routes: give absorption parameters for {sorted(absorbed)}")
        _check_routes(routes, absorbed)

    depot_routes = sorted(absorbed)
    a = _system_matrix(params, depot_routes, routes)
    infusions, boluses = _dosing_events(regimen, weight, depot_routes, routes)
    times = np.round(np.arange(0.0, t_end + dt / 2, dt), 10)
    out_state, out_lost = _propagate(a, infusions, boluses, times)
    amounts = {
        "absorption_site": out_state[:, 4:].sum(axis=1),
        "central": out_state[:, 0],
        "peripheral": out_state[:, 1],
        "eliminated": out_state[:, 2],
        "not_absorbed": out_lost,
    }
    v1_l = params.v1_l_per_kg * weight
    conc = np.maximum(out_state[:, 0], 0.0) / v1_l * MG_PER_L_TO_NG_PER_ML
    given = np.array([_given_by(t, infusions, boluses) for t in times])
    return Simulation(times, conc, amounts, given, regimen, weight)


# A simulation's state: [central, peripheral, eliminated, infusion rate, depot_1 ... depot_m] (mg, mg/min).
Infusion = tuple[float, float, float]  # (start [min], end [min], rate [mg/min])
Bolus = tuple[float, int, float, float]  # (time [min], depot index, bioavailable [mg], lost [mg])


def _system_matrix(params: PKParameters, depot_routes: list[str],
                   routes: Mapping[str, AbsorptionRoute] | None) -> np.ndarray:
    """The linear system d(state)/dt = A · state [1/min] for the model's compartments and depots."""
    n = 4 + len(depot_routes)
    k10, k12, k21 = params.rate_constants_per_min()
    a = np.zeros((n, n))
    a[0, 0], a[0, 1], a[0, 3] = -(k10 + k12), k21, 1.0
    a[1, 0], a[1, 1] = k12, -k21
    a[2, 0] = k10
    for j, route in enumerate(depot_routes):
        ka = routes[route].ka_per_h / 60.0  # type: ignore[index]  # present for every depot route
        a[4 + j, 4 + j] = -ka
        a[0, 4 + j] = ka
    return a


def _dosing_events(regimen: Regimen, weight_kg: float, depot_routes: list[str],
                   routes: Mapping[str, AbsorptionRoute] | None) -> tuple[list[Infusion], list[Bolus]]:
    """The regimen as infusions (a bolus IV dose is an infusion of one minute) and absorbed doses."""
    infusions: list[Infusion] = []
    boluses: list[Bolus] = []
    for dose in regimen.doses:
        mg = dose.mg(weight_kg)
        if dose.route == "iv":
            duration = dose.duration_min if dose.duration_min > 0 else 1.0
            infusions.append((dose.start_min, dose.start_min + duration, mg / duration))
        else:
            f = routes[dose.route].bioavailability  # type: ignore[index]
            boluses.append((dose.start_min, depot_routes.index(dose.route), f * mg, (1.0 - f) * mg))
    return infusions, boluses


def _propagate(a: np.ndarray, infusions: list[Infusion], boluses: list[Bolus],
               times: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The state and the amount never absorbed at each output time, propagated exactly between events."""
    t_end = float(times[-1])
    breakpoints = sorted({t for s, e, _ in infusions for t in (s, e)} | {b[0] for b in boluses})
    grid = np.unique(np.concatenate([times, [t for t in breakpoints if t <= t_end]]))
    n = a.shape[0]
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
        state[3] = sum(r for s, e, r in infusions if s <= t < e)  # infusion rate on [t, next grid point)
        if t in out_index:
            out_state[out_index[t]] = state
            out_lost[out_index[t]] = lost
        if i + 1 < len(grid):
            h = round(float(grid[i + 1] - t), 10)
            if h not in cache:
                cache[h] = expm(a * h)
            state = cache[h] @ state
    return out_state, out_lost


def _given_by(t: float, infusions: list[Infusion], boluses: list[Bolus]) -> float:
    """The amount given by time ``t`` [mg]: infused so far plus every absorbed dose (bioavailable or not)."""
    infused = sum(r * min(max(t - s, 0.0), e - s) for s, e, r in infusions)
    return infused + sum(b[2] + b[3] for b in boluses if b[0] <= t)


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
