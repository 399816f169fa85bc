"""Proportions, risk differences and numbers needed to treat or harm, with confidence intervals.

Intervals:

- a single proportion: Wilson score interval (Wilson 1927);
- a difference of two independent proportions: Newcombe's hybrid score interval, method 10 of
  Newcombe 1998 (Stat Med 17:873–890), built from the two Wilson intervals;
- NNT / NNH: the reciprocal of the risk difference and of its interval limits (Altman 1998, BMJ 317:1309);
  when the interval of the risk difference includes 0, the NNT interval runs through infinity. Patients
  are counted whole, so an NNT or NNH is shown rounded up, limits included (:meth:`NumberNeeded.rounded`).

A non-inferiority trial is read by where the interval of the difference (new minus standard) lies against
its margin, the largest loss the trial accepts (the CONSORT extension for non-inferiority trials: Piaggio
et al. 2012, JAMA 308:2594): :func:`noninferiority`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce
from statistics import NormalDist

import numpy as np

from helpers._validate import array, real, whole
from helpers._validate import level as check_level

__all__ = [
    "NONINFERIORITY_READINGS",
    "NumberNeeded",
    "RiskDifference",
    "counts_from_percent",
    "cumulative_remission_pct",
    "noninferiority",
    "number_needed",
    "risk_difference",
    "wilson_ci",
]


def _z(level: float) -> float:
    return NormalDist().inv_cdf(0.5 + check_level(level) / 2)


def _events(events: object, n: object, names: tuple[str, str] = ("events", "n")) -> tuple[int, int]:
    n_ = whole(names[1], n, min_value=1)
    e_ = whole(names[0], events, min_value=0)
    if e_ > n_:
        raise ValueError(f"{names[0]}: {e_} events cannot exceed {names[1]} = {n_}")
    return e_, n_


def wilson_ci(events: int, n: int, level: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for the proportion ``events / n``.

    >>> [round(x, 4) for x in wilson_ci(81, 263)]
    [0.2553, 0.3662]
    """
    e, n = _events(events, n)
    z = _z(level)
    p = e / n
    denom = 1 + z**2 / n
    centre = (p + z**2 / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denom
    low = 0.0 if e == 0 else max(0.0, centre - half)  # exact at the boundaries (no rounding residue)
    high = 1.0 if e == n else min(1.0, centre + half)
    return low, high


@dataclass(frozen=True)
class RiskDifference:
    """Risk in the treated group minus risk in the control group, with its interval (proportions)."""

    risk_treated: float
    risk_control: float
    difference: float
    low: float
    high: float
    level: float

    @property
    def includes_zero(self) -> bool:
        """True when the interval is compatible with no difference."""
        return self.low <= 0.0 <= self.high

    def __str__(self) -> str:
        pct = round(self.level * 100)
        return (f"risk difference {self.difference * 100:+.1f} percentage points "
                f"({pct}% CI {self.low * 100:+.1f} to {self.high * 100:+.1f})")


def risk_difference(events_treated: int, n_treated: int, events_control: int, n_control: int,
                    level: float = 0.95) -> RiskDifference:
    """Risk difference with Newcombe's hybrid score interval (method 10).

    >>> rd = risk_difference(56, 70, 48, 80)
    >>> round(rd.difference, 4), round(rd.low, 4), round(rd.high, 4)
    (0.2, 0.0524, 0.3339)
    """
    e1, n1 = _events(events_treated, n_treated, ("events_treated", "n_treated"))
    e0, n0 = _events(events_control, n_control, ("events_control", "n_control"))
    p1, p0 = e1 / n1, e0 / n0
    l1, u1 = wilson_ci(e1, n1, level)
    l0, u0 = wilson_ci(e0, n0, level)
    d = p1 - p0
    low = d - math.sqrt((p1 - l1) ** 2 + (u0 - p0) ** 2)
    high = d + math.sqrt((u1 - p1) ** 2 + (p0 - l0) ** 2)
    return RiskDifference(p1, p0, d, low, high, level)


@dataclass(frozen=True)
class NumberNeeded:
    """Number needed to treat (benefit) or to harm, from a risk difference.

    ``value`` is ``1 / |difference|`` (infinite when the difference is 0). ``low`` and ``high`` are the
    reciprocals of the interval limits; when the interval of the difference includes zero they are
    reported on both sides of infinity (``bounded`` is False).
    """

    value: float
    low: float
    high: float
    bounded: bool
    outcome: str  # "benefit" or "harm"
    whole: bool = False  # True once rounded up to whole patients (:meth:`rounded`)

    def __str__(self) -> str:
        name, other = ("NNH", "NNT") if self.outcome == "harm" else ("NNT", "NNH")
        digits = 0 if self.whole else 1
        if self.bounded:
            return f"{name} {self.value:.{digits}f} (CI {self.low:.{digits}f} to {self.high:.{digits}f})"
        return (f"{name} {self.value:.{digits}f} (CI {name} {self.low:.{digits}f} to ∞ to {other} "
                f"{abs(self.high):.{digits}f})")

    def rounded(self) -> NumberNeeded:
        """The same number needed with each value rounded up to whole patients (the usual way to report an
        NNT or NNH and its limits: 10.6 becomes 11, a limit of 3.3 becomes 4); infinite limits stay infinite.

        >>> str(NumberNeeded(10.55, 6.4, 29.8, True, "benefit").rounded())
        'NNT 11 (CI 7 to 30)'
        """
        def up(x: float) -> float:
            return x if not math.isfinite(x) else math.copysign(math.ceil(abs(x) - 1e-9), x)
        return NumberNeeded(up(self.value), up(self.low), up(self.high), self.bounded, self.outcome, True)


def number_needed(rd: RiskDifference, outcome: str = "benefit") -> NumberNeeded:
    """NNT (``outcome="benefit"``) or NNH (``outcome="harm"``) from a :class:`RiskDifference`.

    For a harmful event (more events on the drug) use ``outcome="harm"``: the NNH is the number of
    patients treated for one additional patient to have the event.
    """
    if not isinstance(rd, RiskDifference):
        raise ValueError(f"rd: expected a RiskDifference, got {type(rd).__name__}")
    if outcome not in ("benefit", "harm"):
        raise ValueError(f"outcome: must be 'benefit' or 'harm', got {outcome!r}")
    d = abs(rd.difference)
    value = math.inf if d == 0 else 1 / d
    if rd.includes_zero:
        near = rd.high if rd.difference >= 0 else rd.low
        far = rd.low if rd.difference >= 0 else rd.high
        low = math.inf if near == 0 else 1 / abs(near)
        high = -math.inf if far == 0 else -1 / abs(far)
        return NumberNeeded(value, low, high, False, outcome)
    a, b = sorted((1 / abs(rd.low), 1 / abs(rd.high)))
    return NumberNeeded(value, a, b, True, outcome)


def counts_from_percent(pct: float, n: int) -> int:
    """Reconstruct an event count from a reported (rounded) percentage: ``round(pct / 100 * n)``.

    The result is approximate whenever the percentage was rounded; say so where it is used.
    """
    p = real("pct", pct, min_value=0.0, max_value=100.0)
    n_ = whole("n", n, min_value=1)
    return math.floor(p / 100 * n_ + 0.5)


def cumulative_remission_pct(remission_pct: Sequence[float]) -> float:
    """Illustrative cumulative remission [%] if every non-remitter went on to the next level.

    ``100 * (1 - prod(1 - p_i / 100))``: it assumes nobody left the study between levels, which is the
    key assumption to question when reading a cumulative figure.

    Parameters
    ----------
    remission_pct
        Remission rate of each level [%], each in [0, 100]; at least one value.
    """
    rates = array("remission_pct", remission_pct, min_value=0.0)
    if rates.ndim != 1 or rates.size == 0:
        raise ValueError("remission_pct: give a non-empty sequence of percentages")
    if np.any(rates > 100):
        raise ValueError("remission_pct: each value must be <= 100")
    still_ill = reduce(lambda acc, p: acc * (1 - p / 100), rates.tolist(), 1.0)
    return 100 * (1 - still_ill)


#: The readings of a non-inferiority interval, from the new treatment's best case to its worst.
NONINFERIORITY_READINGS: tuple[str, ...] = ("non-inferior", "inconclusive", "inferior")


def noninferiority(low: float, high: float, margin: float) -> str:
    """How an interval of the difference *new minus standard* reads against a non-inferiority margin.

    The margin is the largest loss the trial accepts, so it is negative for an outcome where more is
    better (a margin of -10 percentage points for response). The new treatment is

    - ``"non-inferior"`` when the whole interval lies above the margin (``low > margin``);
    - ``"inferior"`` when the whole interval lies below it (``high < margin``);
    - ``"inconclusive"`` when the interval contains the margin.

    An interval that lies above the margin *and* above 0 is still read "non-inferior" here: whether a
    non-inferiority trial may also claim superiority depends on its pre-specified analysis.

    >>> [noninferiority(low, high, -10.0) for low, high in ((2.0, 20.0), (-12.0, 5.0), (-20.0, -11.0))]
    ['non-inferior', 'inconclusive', 'inferior']

    Raises
    ------
    ValueError
        A value is not a finite number, ``low`` exceeds ``high``, or ``margin`` is not negative.
    """
    lo = real("low", low)
    hi = real("high", high)
    m = real("margin", margin, max_value=0.0)
    if m == 0:
        raise ValueError("margin: must be negative (the largest loss accepted), got 0")
    if lo > hi:
        raise ValueError(f"low: {lo:g} exceeds high = {hi:g}")
    if lo > m:
        return NONINFERIORITY_READINGS[0]
    if hi < m:
        return NONINFERIORITY_READINGS[2]
    return NONINFERIORITY_READINGS[1]
