"""helpers.science.receptor: the Mg2+ block model (values, properties, bad input)."""

from __future__ import annotations

import math

import matplotlib
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.science.receptor import (
    MG_K0_MM,
    MG_SLOPE_PER_MV,
    half_unblock_potential_mv,
    mg_blocked_fraction,
    mg_unblocked_fraction,
    woodhull_slope_per_mv,
)

matplotlib.use("Agg")

potentials = st.floats(min_value=-200, max_value=200, allow_nan=False)
magnesium = st.floats(min_value=0, max_value=100, allow_nan=False)
positive_mg = st.floats(min_value=1e-3, max_value=100, allow_nan=False)


# --- model values ---------------------------------------------------------------------------------

def test_unblocked_fraction_by_hand():
    # 1 / (1 + exp(-0.062 V) [Mg] / 3.57), computed by hand for three points
    assert mg_unblocked_fraction(0.0, 1.0) == pytest.approx(1 / (1 + 1 / 3.57))
    assert mg_unblocked_fraction(-70.0, 1.0) == pytest.approx(1 / (1 + math.exp(4.34) / 3.57))
    assert mg_unblocked_fraction(-20.0, 1.0) == pytest.approx(1 / (1 + math.exp(1.24) / 3.57))
    assert mg_blocked_fraction(-70.0, 1.0) == pytest.approx(1 - 1 / (1 + math.exp(4.34) / 3.57))


def test_no_magnesium_means_no_block():
    v = np.linspace(-150, 150, 7)
    assert np.all(mg_unblocked_fraction(v, 0.0) == 1.0)
    assert np.all(mg_blocked_fraction(v, 0.0) == 0.0)


def test_defaults_are_the_documented_constants():
    assert (MG_SLOPE_PER_MV, MG_K0_MM) == (0.062, 3.57)
    assert mg_unblocked_fraction(-40.0, 2.0) == mg_unblocked_fraction(-40.0, 2.0, slope_per_mv=0.062,
                                                                       k0_mm=3.57)
    assert mg_unblocked_fraction(-40.0, 2.0, k0_mm=1.0) < mg_unblocked_fraction(-40.0, 2.0)


def test_arrays_broadcast_and_scalars_stay_scalars():
    out = mg_unblocked_fraction(np.array([-80.0, 0.0, 40.0]), np.array([[0.1], [1.0]]))
    assert out.shape == (2, 3)
    assert isinstance(mg_unblocked_fraction(-60, 1), float)
    assert isinstance(mg_blocked_fraction(-60, 1), float)


def test_half_unblock_potential():
    assert half_unblock_potential_mv(MG_K0_MM) == pytest.approx(0.0, abs=1e-12)
    assert half_unblock_potential_mv(1.0) == pytest.approx(math.log(1 / 3.57) / 0.062)
    assert mg_unblocked_fraction(half_unblock_potential_mv(1.0), 1.0) == pytest.approx(0.5)


def test_woodhull_slope_matches_hand_calculation():
    # z δ F / (R T): 2 × 0.8 × 96485.33212 / (8.314462618 × 295.15) / 1000
    expected = 2 * 0.8 * 96485.33212 / (8.314462618 * 295.15) / 1000
    assert woodhull_slope_per_mv(0.8) == pytest.approx(expected)
    assert woodhull_slope_per_mv(0.8) == pytest.approx(0.0629, abs=5e-5)
    assert woodhull_slope_per_mv(0.8, valence=1) == pytest.approx(expected / 2)


# --- properties -----------------------------------------------------------------------------------

@given(potentials, magnesium)
def test_fraction_is_a_proportion_and_parts_add_up(v, mg):
    unblocked = mg_unblocked_fraction(v, mg)
    assert 0.0 <= unblocked <= 1.0
    assert unblocked + mg_blocked_fraction(v, mg) == pytest.approx(1.0)


@given(potentials, potentials, positive_mg)
def test_depolarisation_never_increases_block(v1, v2, mg):
    low, high = sorted((v1, v2))
    assert mg_unblocked_fraction(high, mg) >= mg_unblocked_fraction(low, mg)


@given(potentials, positive_mg, positive_mg)
def test_more_magnesium_never_decreases_block(v, mg1, mg2):
    low, high = sorted((mg1, mg2))
    assert mg_unblocked_fraction(v, high) <= mg_unblocked_fraction(v, low)


@given(positive_mg, positive_mg)
def test_half_unblock_potential_rises_with_magnesium(mg1, mg2):
    low, high = sorted((mg1, mg2))
    assert half_unblock_potential_mv(high) >= half_unblock_potential_mv(low)


@given(st.floats(min_value=0.01, max_value=1.0), st.floats(min_value=0, max_value=45))
def test_woodhull_slope_is_proportional_to_delta(delta, temp):
    assert woodhull_slope_per_mv(delta, temperature_c=temp) == pytest.approx(
        delta * woodhull_slope_per_mv(1.0, temperature_c=temp))


# --- bad input ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"v_mv": float("nan"), "mg_mm": 1.0}, "v_mv"),
        ({"v_mv": float("inf"), "mg_mm": 1.0}, "v_mv"),
        ({"v_mv": -250.0, "mg_mm": 1.0}, "v_mv"),
        ({"v_mv": 250.0, "mg_mm": 1.0}, "v_mv"),
        ({"v_mv": "minus seventy", "mg_mm": 1.0}, "v_mv"),
        ({"v_mv": -70.0, "mg_mm": -0.1}, "mg_mm"),
        ({"v_mv": -70.0, "mg_mm": float("nan")}, "mg_mm"),
        ({"v_mv": -70.0, "mg_mm": float("inf")}, "mg_mm"),
        ({"v_mv": -70.0, "mg_mm": 101.0}, "mg_mm"),
        ({"v_mv": -70.0, "mg_mm": 1.0, "slope_per_mv": 0.0}, "slope_per_mv"),
        ({"v_mv": -70.0, "mg_mm": 1.0, "slope_per_mv": -0.062}, "slope_per_mv"),
        ({"v_mv": -70.0, "mg_mm": 1.0, "slope_per_mv": 2.0}, "slope_per_mv"),
        ({"v_mv": -70.0, "mg_mm": 1.0, "k0_mm": 0.0}, "k0_mm"),
        ({"v_mv": -70.0, "mg_mm": 1.0, "k0_mm": float("nan")}, "k0_mm"),
        ({"v_mv": -70.0, "mg_mm": 1.0, "k0_mm": True}, "k0_mm"),
        ({"v_mv": [-70.0, -60.0], "mg_mm": [1.0, 2.0, 3.0]}, "v_mv, mg_mm"),
    ],
)
def test_unblocked_fraction_rejects_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=f"^{name}"):
        mg_unblocked_fraction(**kwargs)
    with pytest.raises(ValueError, match=f"^{name}"):
        mg_blocked_fraction(**kwargs)


@pytest.mark.parametrize(
    ("args", "kwargs", "name"),
    [
        ((0.0,), {}, "mg_mm"),
        ((-1.0,), {}, "mg_mm"),
        ((float("nan"),), {}, "mg_mm"),
        ((200.0,), {}, "mg_mm"),
        ((1.0,), {"slope_per_mv": 0.0}, "slope_per_mv"),
        ((1.0,), {"k0_mm": -3.57}, "k0_mm"),
    ],
)
def test_half_unblock_potential_rejects_bad_input(args, kwargs, name):
    with pytest.raises(ValueError, match=f"^{name}"):
        half_unblock_potential_mv(*args, **kwargs)


@pytest.mark.parametrize(
    ("args", "kwargs", "name"),
    [
        ((0.0,), {}, "delta"),
        ((1.5,), {}, "delta"),
        ((float("nan"),), {}, "delta"),
        ((0.8,), {"valence": 0}, "valence"),
        ((0.8,), {"valence": 2.0}, "valence"),
        ((0.8,), {"valence": True}, "valence"),
        ((0.8,), {"temperature_c": -5.0}, "temperature_c"),
        ((0.8,), {"temperature_c": float("inf")}, "temperature_c"),
    ],
)
def test_woodhull_slope_rejects_bad_input(args, kwargs, name):
    with pytest.raises(ValueError, match=f"^{name}"):
        woodhull_slope_per_mv(*args, **kwargs)
