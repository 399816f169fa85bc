"""Unit tests of helpers.pharmacology: conversions, dose arithmetic, occupancy, the illustrative PK model."""

from __future__ import annotations

import math
import shutil

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.analysis.pk import exposure_table, load_parameters, load_routes, simulate
from helpers.data import paths
from helpers.science import pk, units
from helpers.science.calibration import absorption_rate_for_tmax
from helpers.science.pk import (
    REGIMENS,
    AbsorptionRoute,
    Dose,
    PKParameters,
    Regimen,
    expm,
    peak,
    q_for_alpha_half_life,
    time_above,
)
from helpers.science.receptor import occupancy, occupancy_competing
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


# --- parameters -------------------------------------------------------------------------------------
@pytest.mark.parametrize("field", ["cl_l_per_h_per_kg", "v1_l_per_kg", "q_l_per_h_per_kg", "v2_l_per_kg"])
@pytest.mark.parametrize("bad", [-1.0, math.nan, math.inf])
def test_parameters_refuse_bad_values(field, bad):
    values = {"cl_l_per_h_per_kg": 1.0, "v1_l_per_kg": 1.0, "q_l_per_h_per_kg": 1.0, "v2_l_per_kg": 1.0}
    values[field] = bad
    with pytest.raises(ValueError, match=field):
        PKParameters(**values)


def test_one_compartment_half_life():
    p = PKParameters(1.0, 2.0, 0.0, 1.0)
    assert p.half_lives_min()[1] == pytest.approx(math.log(2) * 2.0 / 1.0 * 60)


@given(st.floats(0.3, 3.0), st.floats(0.2, 2.0), st.floats(0.5, 5.0), st.floats(2.0, 30.0))
@settings(max_examples=60, deadline=None)
def test_q_for_alpha_half_life_reproduces_the_half_life(cl, v1, v2, t_alpha):
    if t_alpha >= math.log(2) * v1 / (cl / 60):  # no solution: must be refused
        with pytest.raises(ValueError, match="alpha_half_life_min"):
            q_for_alpha_half_life(cl, v1, v2, t_alpha)
        return
    q = q_for_alpha_half_life(cl, v1, v2, t_alpha)
    assert q > 0
    assert PKParameters(cl, v1, q, v2).half_lives_min()[0] == pytest.approx(t_alpha, rel=1e-9)


@pytest.mark.parametrize(("args", "name"), [((0.0, 1.0, 1.0, 10.0), "cl_l_per_h_per_kg"),
                                            ((1.0, -1.0, 1.0, 10.0), "v1_l_per_kg"),
                                            ((1.0, 1.0, math.nan, 10.0), "v2_l_per_kg"),
                                            ((1.0, 1.0, 1.0, 0.0), "alpha_half_life_min"),
                                            ((1.0, 1.0, 1.0, 500.0), "alpha_half_life_min")])
def test_q_for_alpha_half_life_refuses_bad_input(args, name):
    with pytest.raises(ValueError, match=name):
        q_for_alpha_half_life(*args)


def test_parameters_from_the_data_table():
    p = load_parameters("racemic")
    assert p.cl_l_per_h_per_kg == pytest.approx(79 / 70)
    assert p.vss_l_per_kg == pytest.approx(252 / 70)
    assert p.half_lives_min()[0] == pytest.approx(12.5)
    esketamine = load_parameters("esketamine")  # perezruixo2021: CL 114 L/h, Vss 752 L
    assert esketamine.cl_l_per_h_per_kg == pytest.approx(114 / 70)
    assert esketamine.vss_l_per_kg == pytest.approx(752 / 70)
    with pytest.raises(ValueError, match="drug"):
        load_parameters("arketamine")


def test_a_parameter_missing_from_the_data_table_is_named(tmp_path, monkeypatch):
    target = tmp_path / "data"
    shutil.copytree(paths.data_dir(), target)
    table = target / "pk_parameters.csv"
    lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
    table.write_text("".join(line for line in lines if not line.startswith("clearance,racemic,")),
                     encoding="utf-8")
    monkeypatch.setenv(paths.ENV_VAR, str(target))
    with pytest.raises(ValueError, match="'clearance' \\(racemic\\), found 0"):
        load_parameters("racemic")
    esketamine = load_parameters("esketamine")  # perezruixo2021: CL 114 L/h, Vss 752 L
    assert esketamine.cl_l_per_h_per_kg == pytest.approx(114 / 70)
    assert esketamine.vss_l_per_kg == pytest.approx(752 / 70)


def test_routes_from_the_data_table():
    routes = load_routes()
    assert set(routes) == set(pk.ABSORBED_ROUTES)
    assert routes["esketamine_nasal"].bioavailability == pytest.approx(0.48)


@pytest.mark.parametrize("route", ["racemic_nasal", "sublingual", "oral", "rectal", "im"])
def test_routes_used_outside_medicine_are_not_modelled(route):
    """Only the clinical routes (IV racemic ketamine, esketamine nasal spray) can be simulated."""
    assert route not in pk.ROUTES
    with pytest.raises(ValueError, match="route"):
        Dose(10.0, "mg", route)


@pytest.mark.parametrize(("kwargs", "name"), [({"bioavailability": 0.0, "ka_per_h": 1.0}, "bioavailability"),
                                              ({"bioavailability": 1.5, "ka_per_h": 1.0}, "bioavailability"),
                                              ({"bioavailability": 0.5, "ka_per_h": -1.0}, "ka_per_h"),
                                              ({"bioavailability": 0.5, "ka_per_h": math.inf}, "ka_per_h")])
def test_absorption_route_refuses_bad_values(kwargs, name):
    with pytest.raises(ValueError, match=name):
        AbsorptionRoute(**kwargs)


# --- doses and regimens -----------------------------------------------------------------------------
@pytest.mark.parametrize(("kwargs", "name"), [({"amount": -1.0}, "amount"), ({"amount": math.nan}, "amount"),
                                              ({"amount": 1.0, "unit": "g"}, "unit"),
                                              ({"amount": 1.0, "route": "rectal"}, "route"),
                                              ({"amount": 1.0, "start_min": -5.0}, "start_min"),
                                              ({"amount": 1.0, "duration_min": math.inf}, "duration_min"),
                                              ({"amount": 1.0, "duration_min": 1e-300}, "duration_min"),
                                              ({"amount": 1.0, "duration_min": 0.5}, "duration_min"),
                                              ({"amount": 1.0, "route": "esketamine_nasal",
                                                "duration_min": 5.0}, "duration_min")])
def test_dose_refuses_bad_values(kwargs, name):
    with pytest.raises(ValueError, match=name):
        Dose(**kwargs)


def test_dose_in_mg():
    assert Dose(0.5, "mg/kg").mg(80) == 40.0
    assert Dose(28.0, "mg", "esketamine_nasal").mg(80) == 28.0


def test_regimen_refuses_bad_values():
    with pytest.raises(ValueError, match="drug"):
        Regimen("x", "cocaine", (Dose(1.0),))
    with pytest.raises(ValueError, match="doses"):
        Regimen("x", "racemic", ())
    with pytest.raises(ValueError, match="label"):
        Regimen(" ", "racemic", (Dose(1.0),))


def test_the_four_regimens():
    assert set(REGIMENS) == {"antidepressant_infusion", "anaesthetic_induction", "esketamine_56",
                             "esketamine_84"}
    assert sum(d.mg(70) for d in REGIMENS["esketamine_56"].doses) == 56
    assert sum(d.mg(70) for d in REGIMENS["esketamine_84"].doses) == 84
    assert REGIMENS["antidepressant_infusion"].doses[0].mg(70) == 35


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


# --- calibration helper -----------------------------------------------------------------------------
def test_absorption_rate_for_tmax_round_trip():
    ka = absorption_rate_for_tmax(30.0, PARAMS)
    reg = Regimen("x", "esketamine", (Dose(10.0, "mg", "esketamine_nasal"),))
    _, t = peak(simulate(reg, params=PARAMS, routes={"esketamine_nasal": AbsorptionRoute(1.0, ka)},
                         dt_min=0.1))
    assert t == pytest.approx(30.0, abs=0.2)


def test_stored_absorption_rate_reproduces_its_target():
    """ka of the spray is calibrated to a peak about 30 min after the last device (label: 20 to 40 min)."""
    for key in ("esketamine_56", "esketamine_84"):
        regimen = REGIMENS[key]
        last = max(dose.start_min for dose in regimen.doses)
        tmax = peak(simulate(regimen, dt_min=0.1))[1] - last
        assert tmax == pytest.approx(30.0, abs=2.0)


@pytest.mark.parametrize(("args", "name"), [((0.0, PARAMS), "tmax_min"), ((math.nan, PARAMS), "tmax_min"),
                                            ((30.0, "p"), "params"), ((1e-3, PARAMS), "tmax_min")])
def test_absorption_rate_for_tmax_refuses_bad_input(args, name):
    with pytest.raises(ValueError, match=name):
        absorption_rate_for_tmax(*args)


def test_exposure_table():
    sims = [simulate(REGIMENS[k]) for k in ("antidepressant_infusion", "anaesthetic_induction")]
    table = exposure_table(sims, {"min_above_100": 100.0, "min_above_1200": 1200.0})
    assert list(table.columns) == ["regimen", "peak_ng_per_ml", "peak_time_min", "min_above_100",
                                   "min_above_1200"]
    assert table.loc[0, "min_above_1200"] == 0.0
    assert table.loc[1, "min_above_1200"] > 0.0
    assert table.loc[0, "min_above_100"] == time_above(sims[0].time_min, sims[0].conc_ng_per_ml, 100.0)


@pytest.mark.parametrize(("args", "name"), [(([], {"a": 1.0}), "sims"), ((["x"], {"a": 1.0}), "sims"),
                                            ((None, {}), "sims")])
def test_exposure_table_refuses_bad_input(args, name):
    with pytest.raises(ValueError, match=name):
        exposure_table(*args)


@pytest.mark.parametrize("thresholds", [{}, {"a": -1.0}, {"a": math.nan}, [100.0]])
def test_exposure_table_refuses_bad_thresholds(thresholds):
    with pytest.raises(ValueError, match="thresholds_ng_per_ml"):
        exposure_table([simulate(REGIMENS["esketamine_56"])], thresholds)


# --- competing ligands (a racemate's two enantiomers at one site) -----------------------------------
def test_competing_occupancy_reduces_to_single_site_for_one_ligand():
    assert occupancy_competing([0.778], [0.3])[0] == pytest.approx(occupancy(0.778, 0.3))


def test_competing_enantiomers_share_the_site():
    """Half of 0.778 µM racemic ketamine is (S)-ketamine: it occupies less than it would alone, and both
    enantiomers together occupy more than (S) alone at its share but less than the whole dose as (S)."""
    each_um = 0.778 / 2
    s_share, r_share = occupancy_competing([each_um, each_um], [0.3, 1.4])
    assert s_share < occupancy(each_um, 0.3) < s_share + r_share < occupancy(0.778, 0.3)
    assert s_share == pytest.approx(0.504, abs=0.001) and s_share + r_share == pytest.approx(0.612, abs=0.001)


@pytest.mark.parametrize(("conc", "ki", "name"), [([0.1, 0.2], [0.3], "ki_um"), ([], [], "ki_um"),
                                                  ([0.1], [0.0], "ki_um"), ([-1.0], [0.3], "conc_um")])
def test_competing_occupancy_refuses_bad_input(conc, ki, name):
    with pytest.raises(ValueError, match=name):
        occupancy_competing(conc, ki)
