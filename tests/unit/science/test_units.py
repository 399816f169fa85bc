"""helpers.science.units and occupancy: conversions, dose arithmetic, single-site occupancy."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.science import pk, units
from helpers.science.pk import (
    AbsorptionRoute,
    PKParameters,
)
from helpers.science.receptor import occupancy
from helpers.science.units import dose_mg, ng_per_ml_to_um, um_to_ng_per_ml

BAD_NUMBERS = [-1.0, math.nan, math.inf, -math.inf, "1", None, True]
PARAMS = PKParameters(cl_l_per_h_per_kg=1.0, v1_l_per_kg=1.0, q_l_per_h_per_kg=2.0, v2_l_per_kg=2.0)
ROUTES = {r: AbsorptionRoute(0.5, 2.0) for r in pk.ABSORBED_ROUTES}


# --- conversions, dose, occupancy -------------------------------------------------------------------
def test_molar_mass_of_base_is_salt_minus_hcl():
    assert units.MOLAR_MASS_KETAMINE_BASE_G_PER_MOL == pytest.approx(274.2 - 36.46, abs=0.05)


def test_ng_per_ml_to_um_known_value():
    assert ng_per_ml_to_um(185) == pytest.approx(185 / 237.7)
    assert isinstance(ng_per_ml_to_um(185), float)


def test_conversions_accept_arrays():
    out = ng_per_ml_to_um([0, 237.7, 475.4])
    np.testing.assert_allclose(out, [0, 1, 2])


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False))
def test_conversion_round_trip(conc):
    assert um_to_ng_per_ml(ng_per_ml_to_um(conc)) == pytest.approx(conc, rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("bad", [-1.0, math.nan, math.inf, "x", [1, -2]])
def test_conversions_refuse_bad_concentrations(bad):
    with pytest.raises(ValueError, match="conc_ng_per_ml"):
        ng_per_ml_to_um(bad)
    with pytest.raises(ValueError, match="conc_um"):
        um_to_ng_per_ml(bad)


@pytest.mark.parametrize("bad", [0.0, -237.7, math.nan, math.inf])
def test_conversions_refuse_bad_molar_mass(bad):
    with pytest.raises(ValueError, match="molar_mass_g_per_mol"):
        ng_per_ml_to_um(1.0, bad)


def test_dose_mg():
    assert dose_mg(0.5, 70) == 35.0


@pytest.mark.parametrize(("dose", "weight", "name"), [
    (-0.5, 70, "dose_mg_per_kg"), (math.nan, 70, "dose_mg_per_kg"), (0.5, 0, "weight_kg"),
    (0.5, 600, "weight_kg"), (0.5, math.inf, "weight_kg")])
def test_dose_mg_refuses_bad_input(dose, weight, name):
    with pytest.raises(ValueError, match=name):
        dose_mg(dose, weight)


def test_occupancy_half_at_ki():
    assert occupancy(0.3, 0.3) == 0.5


@given(st.floats(0, 1e3), st.floats(1e-3, 1e3), st.floats(0.2, 5))
def test_occupancy_in_unit_interval_and_monotone(conc, ki, hill):
    low, high = occupancy([conc, conc * 2 + 1e-6], ki, hill)
    assert 0.0 <= low <= high <= 1.0


@pytest.mark.parametrize(("kwargs", "name"), [({"ki_um": 0.0}, "ki_um"), ({"ki_um": -1.0}, "ki_um"),
                                              ({"ki_um": 1.0, "hill": 0.0}, "hill"),
                                              ({"ki_um": 1.0, "hill": 20.0}, "hill")])
def test_occupancy_refuses_bad_parameters(kwargs, name):
    with pytest.raises(ValueError, match=name):
        occupancy(1.0, **kwargs)
