"""Calibration of the illustrative PK model: the absorption rate that reproduces a published time to peak.

A maintainer's tool: ``data/pk_parameters.csv`` records the calibrated value (status ``calibrated``) and
says what it reproduces; the notebooks never call this.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from helpers._validate import real
from helpers.science.pk import PKParameters, peak, simulate
from helpers.science.regimens import AbsorptionRoute, Dose, Regimen

__all__ = ["absorption_rate_for_tmax"]


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
