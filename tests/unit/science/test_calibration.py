"""helpers.science.calibration: the absorption rate that reproduces a time to peak."""

from __future__ import annotations

import math

import pytest

from helpers.analysis.pk import exposure_table, simulate
from helpers.science import pk
from helpers.science.calibration import absorption_rate_for_tmax
from helpers.science.pk import (
    REGIMENS,
    AbsorptionRoute,
    Dose,
    PKParameters,
    Regimen,
    peak,
    time_above,
)

BAD_NUMBERS = [-1.0, math.nan, math.inf, -math.inf, "1", None, True]
PARAMS = PKParameters(cl_l_per_h_per_kg=1.0, v1_l_per_kg=1.0, q_l_per_h_per_kg=2.0, v2_l_per_kg=2.0)
ROUTES = {r: AbsorptionRoute(0.5, 2.0) for r in pk.ABSORBED_ROUTES}


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
