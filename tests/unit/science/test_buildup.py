"""helpers.science.buildup: the illustrative SSRI build-up model."""

from __future__ import annotations

import math

import matplotlib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.science import buildup

matplotlib.use("Agg")

BAD_NUMBERS = [-1.0, math.nan, math.inf, "3", None]


# --- the illustrative build-up model ----------------------------------------------------------------------
def test_saturating_share_hand_values():
    k = 0.5
    assert buildup.saturating_share(0, k) == 0.0
    assert buildup.saturating_share(6, k) == pytest.approx(100.0)
    # (1 - e^-0.5) / (1 - e^-3) = 0.393469 / 0.950213 = 41.41 %
    assert buildup.saturating_share(1, k) == pytest.approx(41.408, abs=1e-3)


def test_calibrate_rate_reproduces_taylor_one_third():
    k = buildup.calibrate_rate(100 / 3)
    assert k == pytest.approx(0.3439, abs=1e-4)  # checked by hand: (1 - e^-k) / (1 - e^-6k) = 0.33336
    assert buildup.saturating_share(1, k) == pytest.approx(100 / 3, abs=1e-6)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"share_pct": 100 / 6}, "share_pct"),  # a straight line: no finite rate
        ({"share_pct": 10}, "share_pct"),
        ({"share_pct": 100}, "share_pct"),
        ({"share_pct": math.nan}, "share_pct"),
        ({"share_pct": math.inf}, "share_pct"),
        ({"share_pct": 50, "t_weeks": 6}, "t_weeks"),
        ({"share_pct": 50, "t_weeks": 0}, "t_weeks"),
        ({"share_pct": 50, "t_weeks": -1}, "t_weeks"),
        ({"share_pct": 50, "t_ref_weeks": 0}, "t_ref_weeks"),
        ({"share_pct": 50, "t_ref_weeks": math.nan}, "t_ref_weeks"),
    ],
)
def test_calibrate_rate_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=name):
        buildup.calibrate_rate(**kwargs)


@pytest.mark.parametrize("bad", BAD_NUMBERS)
def test_saturating_share_bad_input(bad):
    if not isinstance(bad, str):  # the shared array validator accepts numeric strings such as "3"
        with pytest.raises(ValueError, match="t_weeks"):
            buildup.saturating_share(bad, 0.5)
    with pytest.raises(ValueError, match="t_ref_weeks"):
        buildup.saturating_share(1, 0.5, t_ref_weeks=bad)
    with pytest.raises(ValueError, match="rate_per_week"):
        buildup.saturating_share(1, bad)
    with pytest.raises(ValueError, match="rate_per_week"):
        buildup.saturating_share(1, 0)


@given(st.floats(min_value=0.01, max_value=5.0), st.floats(min_value=0.0, max_value=6.0),
       st.floats(min_value=0.0, max_value=6.0))
def test_saturating_share_rises_and_stays_between_0_and_100(k, t1, t2):
    a, b = sorted((t1, t2))
    sa, sb = buildup.saturating_share(a, k), buildup.saturating_share(b, k)
    assert 0.0 <= sa <= sb <= 100.0 + 1e-9


@given(st.floats(min_value=17.0, max_value=99.0), st.floats(min_value=0.5, max_value=3.0))
def test_calibrate_rate_inverts_saturating_share(share, t):
    if share <= 100 * t / 6 + 0.5:
        return  # outside the range with a solution (tested above)
    k = buildup.calibrate_rate(share, t_weeks=t)
    assert buildup.saturating_share(t, k) == pytest.approx(share, rel=1e-6)
