"""helpers.science.pk: the matrix exponential, the physics of simulate, peaks and time above a level."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.analysis.pk import simulate
from helpers.science import pk
from helpers.science.pk import (
    REGIMENS,
    AbsorptionRoute,
    Dose,
    PKParameters,
    Regimen,
    expm,
    peak,
    time_above,
)

BAD_NUMBERS = [-1.0, math.nan, math.inf, -math.inf, "1", None, True]
PARAMS = PKParameters(cl_l_per_h_per_kg=1.0, v1_l_per_kg=1.0, q_l_per_h_per_kg=2.0, v2_l_per_kg=2.0)
ROUTES = {r: AbsorptionRoute(0.5, 2.0) for r in pk.ABSORBED_ROUTES}


# --- matrix exponential -----------------------------------------------------------------------------
def test_expm_of_diagonal_and_rotation():
    np.testing.assert_allclose(expm(np.diag([-1.0, 0.0, 2.0])), np.diag(np.exp([-1.0, 0.0, 2.0])), rtol=1e-12)
    rot = expm(np.array([[0.0, -math.pi / 2], [math.pi / 2, 0.0]]))
    np.testing.assert_allclose(rot, [[0.0, -1.0], [1.0, 0.0]], atol=1e-12)


def test_expm_refuses_bad_matrices():
    with pytest.raises(ValueError, match="matrix"):
        expm(np.ones((2, 3)))
    with pytest.raises(ValueError, match="matrix"):
        expm(np.array([[math.nan]]))


# --- simulate: physics ------------------------------------------------------------------------------
def _total(sim):
    return sum(sim.amounts_mg.values())


@pytest.mark.parametrize("key", list(REGIMENS))
def test_mass_balance_of_each_regimen(key):
    sim = simulate(REGIMENS[key], t_end_min=300)
    np.testing.assert_allclose(_total(sim), sim.given_mg, rtol=1e-9, atol=1e-9)
    assert sim.given_mg[-1] == pytest.approx(sum(d.mg(70) for d in REGIMENS[key].doses))


@pytest.mark.parametrize("key", list(REGIMENS))
def test_non_negative(key):
    sim = simulate(REGIMENS[key], t_end_min=300)
    assert np.all(sim.conc_ng_per_ml >= 0)
    for amount in sim.amounts_mg.values():
        assert np.all(amount >= -1e-9)


def test_infusion_peaks_at_its_end_and_matches_calibration_target():
    c, t = peak(simulate(REGIMENS["antidepressant_infusion"], dt_min=0.1))
    assert t == pytest.approx(40.0)
    assert c == pytest.approx(185, rel=0.01)  # calibration target (Zanos 2018 Table 1)


@pytest.mark.parametrize("key", ["esketamine_56", "esketamine_84"])
def test_esketamine_peaks_20_to_40_min_after_last_device(key):
    reg = REGIMENS[key]
    last = max(d.start_min for d in reg.doses)
    _, t = peak(simulate(reg, dt_min=0.1))
    assert 20.0 <= t - last <= 40.0  # Spravato label section 12.3


def test_long_infusion_approaches_rate_over_clearance():
    rate_mg_per_min = 0.041 * 70  # 41 µg/kg/min for 70 kg
    reg = Regimen("steady", "racemic", (Dose(rate_mg_per_min * 3000, "mg", "iv", 0.0, 3000.0),))
    sim = simulate(reg, t_end_min=2999, dt_min=1.0, params=PARAMS)
    steady = rate_mg_per_min * 60 / (PARAMS.cl_l_per_h_per_kg * 70) * 1000
    assert sim.conc_ng_per_ml[-1] == pytest.approx(steady, rel=1e-3)


def test_one_compartment_bolus_matches_closed_form():
    p = PKParameters(1.2, 3.0, 0.0, 1.0)
    reg = Regimen("b", "racemic", (Dose(30.0, "mg", "iv", 0.0, 0.0),))
    sim = simulate(reg, t_end_min=300, dt_min=1.0, params=p)
    k = 1.2 / 3.0 / 60.0
    rate = 30.0  # mg/min over the 1-min bolus
    t = sim.time_min[sim.time_min >= 1.0]
    expected = rate / (k * 3.0 * 70) * (1 - math.exp(-k)) * np.exp(-k * (t - 1.0)) * 1000
    np.testing.assert_allclose(sim.conc_ng_per_ml[sim.time_min >= 1.0], expected, rtol=1e-9)


def test_absorbed_dose_loses_one_minus_f():
    reg = Regimen("spray", "esketamine", (Dose(25.0, "mg", "esketamine_nasal"),))
    sim = simulate(reg, params=PARAMS, routes=ROUTES)
    assert sim.amounts_mg["not_absorbed"][-1] == pytest.approx(12.5)
    assert sim.conc_ng_per_ml[0] == 0.0


def test_time_grid_and_lengths():
    sim = simulate(REGIMENS["antidepressant_infusion"], t_end_min=60, dt_min=0.5)
    assert sim.time_min[0] == 0 and sim.time_min[-1] == 60
    assert len(sim.time_min) == len(sim.conc_ng_per_ml) == 121


def test_simulation_is_deterministic():
    a = simulate(REGIMENS["esketamine_84"])
    b = simulate(REGIMENS["esketamine_84"])
    np.testing.assert_array_equal(a.conc_ng_per_ml, b.conc_ng_per_ml)


@st.composite
def regimens(draw):
    n = draw(st.integers(1, 3))
    doses = []
    for _ in range(n):
        route = draw(st.sampled_from(pk.ROUTES))
        duration = draw(st.one_of(st.just(0.0), st.floats(1, 60))) if route == "iv" else 0.0
        doses.append(Dose(draw(st.floats(0.01, 5)), "mg/kg", route, draw(st.floats(0, 60)), duration))
    return Regimen("random", "racemic", tuple(doses))


@given(regimens(), st.floats(40, 120))
@settings(max_examples=40, deadline=None)
def test_property_mass_balance_and_non_negativity(reg, weight):
    sim = simulate(reg, weight_kg=weight, t_end_min=180, dt_min=1.0, params=PARAMS, routes=ROUTES)
    np.testing.assert_allclose(_total(sim), sim.given_mg, rtol=1e-8, atol=1e-8)
    assert np.all(sim.conc_ng_per_ml >= 0)


@given(regimens(), st.floats(0.1, 10))
@settings(max_examples=30, deadline=None)
def test_property_linear_in_dose(reg, factor):
    scaled = Regimen("scaled", reg.drug, tuple(
        Dose(d.amount * factor, d.unit, d.route, d.start_min, d.duration_min) for d in reg.doses))
    a = simulate(reg, t_end_min=120, dt_min=1.0, params=PARAMS, routes=ROUTES)
    b = simulate(scaled, t_end_min=120, dt_min=1.0, params=PARAMS, routes=ROUTES)
    np.testing.assert_allclose(b.conc_ng_per_ml, factor * a.conc_ng_per_ml, rtol=1e-8, atol=1e-10)


@given(st.floats(40, 150))
@settings(max_examples=20, deadline=None)
def test_property_weight_based_dose_gives_same_concentration(weight):
    a = simulate(REGIMENS["antidepressant_infusion"], weight_kg=70, t_end_min=90, params=PARAMS)
    b = simulate(REGIMENS["antidepressant_infusion"], weight_kg=weight, t_end_min=90, params=PARAMS)
    np.testing.assert_allclose(a.conc_ng_per_ml, b.conc_ng_per_ml, rtol=1e-9)


def test_fixed_dose_gives_lower_concentration_in_heavier_people():
    light = peak(simulate(REGIMENS["esketamine_84"], weight_kg=50))[0]
    heavy = peak(simulate(REGIMENS["esketamine_84"], weight_kg=100))[0]
    assert heavy == pytest.approx(light / 2, rel=1e-9)


@pytest.mark.parametrize(("kwargs", "name"), [
    ({"weight_kg": 0}, "weight_kg"), ({"weight_kg": math.nan}, "weight_kg"),
    ({"weight_kg": 1000}, "weight_kg"),
    ({"t_end_min": -1}, "t_end_min"), ({"t_end_min": math.inf}, "t_end_min"), ({"dt_min": 0}, "dt_min"),
    ({"dt_min": 1e-6}, "dt_min"), ({"params": "fast"}, "params")])
def test_simulate_refuses_bad_arguments(kwargs, name):
    with pytest.raises(ValueError, match=name):
        simulate(REGIMENS["antidepressant_infusion"], **kwargs)


def test_simulate_refuses_unknown_regimen_and_missing_route():
    with pytest.raises(ValueError, match="regimen"):
        simulate("antidepressant_infusion")
    with pytest.raises(ValueError, match="routes"):
        simulate(REGIMENS["esketamine_56"], params=PARAMS, routes={})


# --- time_above and peak ----------------------------------------------------------------------------
def test_time_above_triangle():
    assert time_above([0, 10, 20], [0, 100, 0], 50) == 10.0
    assert time_above([0, 10, 20], [0, 100, 0], 100) == 0.0
    assert time_above([0, 10], [200, 200], 100) == 10.0


@given(st.lists(st.floats(0, 1000), min_size=2, max_size=30), st.floats(0, 1000))
def test_property_time_above_bounded_and_monotone(conc, threshold):
    t = np.arange(len(conc), dtype=float)
    above = time_above(t, conc, threshold)
    assert 0.0 <= above <= t[-1] + 1e-9
    assert time_above(t, conc, threshold + 1.0) <= above + 1e-9


@pytest.mark.parametrize(("args", "name"), [(([0, 1], [1, 1], -1), "threshold_ng_per_ml"),
                                            (([0, 1], [1, 1], math.nan), "threshold_ng_per_ml"),
                                            (([0, 1], [1, -1], 1), "conc_ng_per_ml"),
                                            (([0, 1], [1, 1, 1], 1), "conc_ng_per_ml"),
                                            (([1, 0], [1, 1], 1), "time_min"),
                                            (([0], [1], 1), "time_min"),
                                            (([0, math.inf], [1, 1], 1), "time_min")])
def test_time_above_refuses_bad_input(args, name):
    with pytest.raises(ValueError, match=name):
        time_above(*args)


def test_peak_refuses_non_simulation():
    with pytest.raises(ValueError, match="sim"):
        peak([1, 2, 3])
