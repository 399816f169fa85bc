"""helpers.analysis.pk: the model's parameters and routes from data/pk_parameters.csv."""

from __future__ import annotations

import math
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.analysis.pk import REGIMENS, infusion, load_parameters, load_routes, simulate
from helpers.data import paths
from helpers.science import pk
from helpers.science.pk import (
    AbsorptionRoute,
    Dose,
    PKParameters,
    q_for_alpha_half_life,
)

BAD_NUMBERS = [-1.0, math.nan, math.inf, -math.inf, "1", None, True]
PARAMS = PKParameters(cl_l_per_h_per_kg=1.0, v1_l_per_kg=1.0, q_l_per_h_per_kg=2.0, v2_l_per_kg=2.0)
ROUTES = {r: AbsorptionRoute(0.5, 2.0) for r in pk.ABSORBED_ROUTES}


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


# --- infusion: one IV infusion within the label's dose range ----------------------------------------
def test_infusion_builds_a_labelled_iv_regimen():
    regimen = infusion(0.5, 20)
    assert regimen.label == "Ketamine 0.5 mg/kg IV over 20 min" and regimen.drug == "racemic"
    assert regimen.doses == (Dose(0.5, "mg/kg", "iv", 0.0, 20.0),)
    assert infusion(2, 0).label == "Ketamine 2 mg/kg IV bolus"
    assert simulate(infusion(0.5, 40)).conc_ng_per_ml.max() == pytest.approx(
        simulate(REGIMENS["antidepressant_infusion"]).conc_ng_per_ml.max())


def test_a_faster_infusion_of_the_same_dose_peaks_higher():
    peaks = [simulate(infusion(0.5, minutes)).conc_ng_per_ml.max() for minutes in (10, 20, 40)]
    assert peaks[0] > peaks[1] > peaks[2]


@pytest.mark.parametrize(("args", "name"), [((0.0, 40), "dose_mg_per_kg"), ((-0.5, 40), "dose_mg_per_kg"),
                                            ((5.0, 40), "dose_mg_per_kg"), ((math.nan, 40), "dose_mg_per_kg"),
                                            (("0.5", 40), "dose_mg_per_kg"), ((0.5, -1), "duration_min"),
                                            ((0.5, 241), "duration_min"), ((0.5, None), "duration_min")])
def test_infusion_refuses_doses_outside_the_label_range_and_bad_durations(args, name):
    with pytest.raises(ValueError, match=name):
        infusion(*args)
