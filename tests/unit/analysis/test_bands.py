"""helpers.analysis.bands: where a concentration sits among the effect bands; the side-by-side table."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import data
from helpers.analysis.bands import RELATIONS, bands_position, fold_below, relation_to_band, side_by_side

BAD_NUMBERS = [-1.0, math.nan, math.inf, -math.inf, "185", None, True]
conc = st.floats(min_value=0.0, max_value=1e5, allow_nan=False, allow_infinity=False)


# --- relation_to_band ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "expected"),
    [(99.9, "below"), (100.0, "within"), (185.0, "within"), (250.0, "within"), (250.1, "above")],
)
def test_relation_to_band_edges(value, expected):
    assert relation_to_band(value, 100.0, 250.0) == expected


def test_relation_to_point_band():
    assert relation_to_band(293.0, 293.0, 293.0) == "within"
    assert relation_to_band(185.0, 293.0, 293.0) == "below"


@pytest.mark.parametrize("bad", BAD_NUMBERS)
@pytest.mark.parametrize("arg", ["conc_ng_per_ml", "low_ng_per_ml", "high_ng_per_ml"])
def test_relation_to_band_rejects_bad_numbers(arg, bad):
    kwargs = {"conc_ng_per_ml": 10.0, "low_ng_per_ml": 5.0, "high_ng_per_ml": 20.0, arg: bad}
    with pytest.raises(ValueError, match=arg):
        relation_to_band(**kwargs)


def test_relation_to_band_rejects_inverted_band():
    with pytest.raises(ValueError, match="high_ng_per_ml"):
        relation_to_band(10.0, 20.0, 5.0)


@given(c=conc, a=conc, b=conc)
def test_relation_to_band_properties(c, a, b):
    low, high = min(a, b), max(a, b)
    result = relation_to_band(c, low, high)
    assert result in RELATIONS
    assert (result == "below") == (c < low)
    assert (result == "above") == (c > high)


@given(c1=conc, c2=conc, a=conc, b=conc)
def test_relation_to_band_is_monotonic(c1, c2, a, b):
    low, high = min(a, b), max(a, b)
    lo_c, hi_c = sorted((c1, c2))
    assert RELATIONS.index(relation_to_band(lo_c, low, high)) <= RELATIONS.index(
        relation_to_band(hi_c, low, high))


# --- fold_below ----------------------------------------------------------------------------------
def test_fold_below_value():
    assert fold_below(200.0, 1200.0) == pytest.approx(6.0)
    assert fold_below(300.0, 150.0) == pytest.approx(0.5)


@pytest.mark.parametrize("bad", [*BAD_NUMBERS, 0.0])
@pytest.mark.parametrize("arg", ["conc_ng_per_ml", "threshold_ng_per_ml"])
def test_fold_below_rejects_bad_numbers(arg, bad):
    kwargs = {"conc_ng_per_ml": 10.0, "threshold_ng_per_ml": 20.0, arg: bad}
    with pytest.raises(ValueError, match=arg):
        fold_below(**kwargs)


@given(c=st.floats(min_value=1e-3, max_value=1e5), t=st.floats(min_value=1e-3, max_value=1e5))
def test_fold_below_round_trip(c, t):
    assert fold_below(c, t) * c == pytest.approx(t)
    assert (fold_below(c, t) > 1) == (c < t)


# --- bands_position ------------------------------------------------------------------------------
BANDS = pd.DataFrame(
    {
        "effect": ["anaesthesia", "dissociation", "hallucinations"],
        "label": ["General anaesthesia", "Dissociation", "Hallucinations"],
        "low_ng_per_ml": [1200.0, 100.0, 293.0],
        "high_ng_per_ml": [2400.0, 250.0, 293.0],
    }
)


def test_bands_position_sorts_and_classifies():
    out = bands_position(185.0, BANDS)
    assert list(out["effect"]) == ["dissociation", "hallucinations", "anaesthesia"]
    assert list(out["position"]) == ["within", "below", "below"]
    assert out["fold_to_low"].iloc[2] == pytest.approx(1200.0 / 185.0)


@pytest.mark.parametrize("bad", [*BAD_NUMBERS, 0.0])
def test_bands_position_rejects_bad_conc(bad):
    with pytest.raises(ValueError, match="conc_ng_per_ml"):
        bands_position(bad, BANDS)


@pytest.mark.parametrize(
    "bad", [BANDS.drop(columns="label"), BANDS.iloc[0:0], BANDS.to_dict(), None],
)
def test_bands_position_rejects_bad_table(bad):
    with pytest.raises(ValueError, match="bands"):
        bands_position(185.0, bad)


# --- side_by_side --------------------------------------------------------------------------------
def test_side_by_side_formats_sources():
    table = pd.DataFrame({"aspect": ["Monitoring"], "therapy": ["At least 2 h"], "non_medical_use": ["None"],
                          "source_id": ["spravato_pi; fda2019"]})
    out = side_by_side(table)
    assert out.index.name == "Aspect"
    assert list(out.columns) == ["Therapy (supervised)", "Non-medical use", "Sources"]
    assert out.loc["Monitoring", "Sources"] == (data.citation("spravato_pi", short=True) + "; "
                                                + data.citation("fda2019", short=True))


def test_side_by_side_rejects_bad_input():
    with pytest.raises(ValueError, match="table"):
        side_by_side(pd.DataFrame({"aspect": ["x"]}))
    with pytest.raises(ValueError, match="table"):
        side_by_side(pd.DataFrame(columns=["aspect", "therapy", "non_medical_use", "source_id"]))
    with pytest.raises(ValueError, match="ids"):
        side_by_side(pd.DataFrame({"aspect": ["x"], "therapy": ["y"], "non_medical_use": ["z"],
                                   "source_id": ["no_such_source"]}))
