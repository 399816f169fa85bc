"""The SSRI build-up teaching model of notebook 03: the share of a later effect reached over the weeks.

An *illustrative* saturating curve, calibrated to one published share (about one third of the week-6
drug-placebo difference in week 1; Taylor et al. 2006).
"""

from __future__ import annotations

import math

import numpy as np

from helpers._validate import array, real

__all__ = [
    "calibrate_rate",
    "saturating_share",
]

def saturating_share(t_weeks, rate_per_week: float, t_ref_weeks: float = 6.0):
    """Illustrative build-up: share [%] of the effect at ``t_ref_weeks`` reached after ``t_weeks``.

    ``share(t) = 100 * (1 - exp(-k t)) / (1 - exp(-k t_ref))`` — a single exponential approach to a
    plateau with rate ``k`` [1/week]. It is a teaching model, not a fitted pharmacological model.

    Parameters
    ----------
    t_weeks
        Time(s) on treatment [weeks], >= 0.
    rate_per_week
        Rate constant k [1/week], > 0.
    t_ref_weeks
        Reference time [weeks] at which the share is 100 %, > 0.

    >>> round(saturating_share(6, 0.5), 1)
    100.0
    """
    t = array("t_weeks", t_weeks, min_value=0.0)
    k = real("rate_per_week", rate_per_week, min_value=0.0, strict_min=True)
    t_ref = real("t_ref_weeks", t_ref_weeks, min_value=0.0, strict_min=True)
    share = 100 * (-np.expm1(-k * t)) / (-math.expm1(-k * t_ref))
    return float(share) if share.ndim == 0 else share


def calibrate_rate(share_pct: float, t_weeks: float = 1.0, t_ref_weeks: float = 6.0) -> float:
    """The rate k [1/week] for which :func:`saturating_share` gives ``share_pct`` at ``t_weeks``.

    A solution exists only between a straight line (share = 100 t / t_ref, k -> 0) and an immediate
    jump (share -> 100 %, k -> infinity), so ``100 * t_weeks / t_ref_weeks < share_pct < 100``.

    Parameters
    ----------
    share_pct
        Share [%] of the reference-time effect reached at ``t_weeks``.
    t_weeks
        Time [weeks] of that share, 0 < t_weeks < t_ref_weeks.
    t_ref_weeks
        Reference time [weeks].

    >>> round(calibrate_rate(100 / 3), 3)
    0.344
    """
    t_ref = real("t_ref_weeks", t_ref_weeks, min_value=0.0, strict_min=True)
    t = real("t_weeks", t_weeks, min_value=0.0, strict_min=True)
    if t >= t_ref:
        raise ValueError(f"t_weeks: must be < t_ref_weeks = {t_ref}, got {t_weeks!r}")
    share = real("share_pct", share_pct)
    linear = 100 * t / t_ref
    if not linear < share < 100:
        raise ValueError(f"share_pct: must lie between {linear:.3g} and 100 (exclusive), got {share_pct!r}")
    low, high = 1e-9, 1.0
    while saturating_share(t, high, t_ref) < share:  # the share rises with k: bracket, then bisect
        high *= 2
    for _ in range(200):
        mid = (low + high) / 2
        if saturating_share(t, mid, t_ref) < share:
            low = mid
        else:
            high = mid
    return (low + high) / 2
