"""helpers.science.regimens: doses and regimens refuse bad input; only clinical routes."""

from __future__ import annotations

import math

import pytest

from helpers.science import pk
from helpers.science.pk import (
    REGIMENS,
    AbsorptionRoute,
    Dose,
    PKParameters,
    Regimen,
)

BAD_NUMBERS = [-1.0, math.nan, math.inf, -math.inf, "1", None, True]
PARAMS = PKParameters(cl_l_per_h_per_kg=1.0, v1_l_per_kg=1.0, q_l_per_h_per_kg=2.0, v2_l_per_kg=2.0)
ROUTES = {r: AbsorptionRoute(0.5, 2.0) for r in pk.ABSORBED_ROUTES}


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
