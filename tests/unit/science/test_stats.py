"""Statistics helpers against hand-checked published values, properties and bad input."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.science.stats import (
    NONINFERIORITY_READINGS,
    counts_from_percent,
    noninferiority,
    number_needed,
    risk_difference,
    wilson_ci,
)


def test_wilson_matches_newcombe_1998_table_i():
    # Newcombe RG, Stat Med 1998;17:857-872, Table I: 81/263 -> 0.2553 to 0.3662 (method 3, Wilson)
    low, high = wilson_ci(81, 263)
    assert (round(low, 4), round(high, 4)) == (0.2553, 0.3662)


def test_wilson_zero_and_all_events():
    # Newcombe 1998 Table I: 0/20 -> 0 to 0.1611; 20/20 by symmetry 0.8389 to 1
    assert [round(x, 4) for x in wilson_ci(0, 20)] == [0.0, 0.1611]
    assert [round(x, 4) for x in wilson_ci(20, 20)] == [0.8389, 1.0]


def test_newcombe_hybrid_score_matches_newcombe_1998_stat_med_873():
    # Newcombe RG, Stat Med 1998;17:873-890, Table II example (a): 56/70 - 48/80, method 10
    rd = risk_difference(56, 70, 48, 80)
    assert round(rd.difference, 4) == 0.2
    assert (round(rd.low, 4), round(rd.high, 4)) == (0.0524, 0.3339)
    assert not rd.includes_zero
    assert "+20.0 percentage points" in str(rd)


def test_nnt_is_reciprocal_of_risk_difference_and_its_limits():
    rd = risk_difference(56, 70, 48, 80)
    nnt = number_needed(rd)
    assert nnt.value == pytest.approx(5.0)
    assert nnt.low == pytest.approx(1 / rd.high) and nnt.high == pytest.approx(1 / rd.low)
    assert nnt.bounded and str(nnt).startswith("NNT 5.0")


def test_nnh_when_interval_crosses_zero_runs_through_infinity():
    rd = risk_difference(10, 100, 8, 100)
    assert rd.includes_zero
    nnh = number_needed(rd, "harm")
    assert not nnh.bounded
    assert nnh.value == pytest.approx(50.0)
    assert nnh.low == pytest.approx(1 / rd.high)
    assert nnh.high == pytest.approx(-1 / abs(rd.low))
    assert "∞" in str(nnh) and str(nnh).startswith("NNH 50.0")


def test_counts_from_percent_rounds_half_up():
    assert counts_from_percent(41, 346) == 142  # 141.86
    assert counts_from_percent(0.5, 222) == 1  # 1.11
    assert counts_from_percent(50, 3) == 2  # 1.5 rounds up
    assert counts_from_percent(0, 10) == 0 and counts_from_percent(100, 10) == 10


@pytest.mark.parametrize(
    ("args", "name"),
    [
        ((-1, 10), "events"),
        ((11, 10), "events"),
        ((1, 0), "n"),
        ((1.5, 10), "events"),
        ((float("nan"), 10), "events"),
        ((1, float("inf")), "n"),
        ((True, 10), "events"),
        (("3", 10), "events"),
    ],
)
def test_wilson_bad_input_names_the_argument(args, name):
    with pytest.raises(ValueError, match=rf"^{name}:"):
        wilson_ci(*args)


@pytest.mark.parametrize("level", [0, 1, 1.5, -0.1, float("nan")])
def test_bad_confidence_level(level):
    with pytest.raises(ValueError, match=r"^level:"):
        wilson_ci(5, 10, level)


@pytest.mark.parametrize(
    ("args", "name"),
    [((5, 4, 1, 10), "events_treated"), ((1, 10, -1, 10), "events_control"), ((1, 10, 1, 0), "n_control")],
)
def test_risk_difference_bad_input(args, name):
    with pytest.raises(ValueError, match=rf"^{name}:"):
        risk_difference(*args)


@pytest.mark.parametrize(("pct", "n", "name"), [(101, 10, "pct"), (-1, 10, "pct"), (50, 0, "n"),
                                                (float("nan"), 10, "pct")])
def test_counts_from_percent_bad_input(pct, n, name):
    with pytest.raises(ValueError, match=rf"^{name}:"):
        counts_from_percent(pct, n)


def test_number_needed_bad_input():
    with pytest.raises(ValueError, match=r"^rd:"):
        number_needed(0.2)
    with pytest.raises(ValueError, match=r"^outcome:"):
        number_needed(risk_difference(5, 10, 1, 10), "cure")


counts = st.integers(min_value=1, max_value=2000).flatmap(
    lambda n: st.tuples(st.integers(min_value=0, max_value=n), st.just(n)))


@given(counts)
def test_wilson_interval_contains_the_estimate(en):
    e, n = en
    low, high = wilson_ci(e, n)
    assert 0.0 <= low <= e / n <= high <= 1.0


@given(counts, counts)
def test_newcombe_interval_contains_the_difference_and_is_bounded(a, b):
    rd = risk_difference(a[0], a[1], b[0], b[1])
    assert -1.0 <= rd.low <= rd.difference <= rd.high <= 1.0


@given(counts, counts)
def test_swapping_groups_mirrors_the_interval(a, b):
    ab = risk_difference(a[0], a[1], b[0], b[1])
    ba = risk_difference(b[0], b[1], a[0], a[1])
    assert math.isclose(ab.low, -ba.high, abs_tol=1e-12) and math.isclose(ab.high, -ba.low, abs_tol=1e-12)


# --- non-inferiority ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("low", "high", "reading"), [
    (2.0, 20.0, "non-inferior"), (-9.9, 5.0, "non-inferior"), (-12.0, 5.0, "inconclusive"),
    (-10.0, 3.0, "inconclusive"), (-20.0, -11.0, "inferior"),
])
def test_noninferiority_reads_the_interval_against_the_margin(low, high, reading):
    assert noninferiority(low, high, -10.0) == reading
    assert reading in NONINFERIORITY_READINGS


@pytest.mark.parametrize(("args", "match"), [((5.0, 1.0, -10.0), "low"), ((1.0, 5.0, 0.0), "margin"),
                                             ((1.0, 5.0, 3.0), "margin"), ((math.nan, 5.0, -10.0), "low")])
def test_noninferiority_refuses_bad_input(args, match):
    with pytest.raises(ValueError, match=match):
        noninferiority(*args)
