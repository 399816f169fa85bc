"""The onset tables of notebook 03 agree with themselves."""

from __future__ import annotations

import math

import matplotlib
import numpy as np

matplotlib.use("Agg")

BAD_NUMBERS = [-1.0, math.nan, math.inf, "3", None]


# --- the data tables agree with themselves ------------------------------------------------------------------
def test_observed_percentages_match_counts(responses, course):
    observed = responses[responses["estimate"] == "observed"]
    pct = 100 * observed["responders"].astype(float) / observed["n"].astype(float)
    assert np.allclose(pct, observed["response_pct"], atol=0.6)  # the sources round to whole percents
    counted = course[course["events"].notna()]
    pct = 100 * counted["events"].astype(float) / counted["n"].astype(float)
    assert np.allclose(pct, counted["value"], atol=0.05)


def test_model_estimates_carry_no_invented_counts(responses):
    model = responses[responses["estimate"] == "model_estimate"]
    assert len(model) == 4
    assert model["n"].isna().all() and model["responders"].isna().all()


def test_each_observed_study_has_one_control(responses):
    observed = responses[responses["estimate"] == "observed"]
    assert (observed[observed["role"] == "control"].groupby("study").size() == 1).all()
