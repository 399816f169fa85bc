"""Tests of helpers.synthesis and of notebook 05's tables (legal_status, therapy_vs_nonmedical,
abuse_potential)."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import data
from helpers.analysis.adverse import body_systems
from helpers.analysis.bands import RELATIONS, bands_position, fold_below, relation_to_band, side_by_side
from helpers.figures.therapy_vs_recreational import plot_body_system

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


# --- the notebook's tables -----------------------------------------------------------------------
def test_legal_status_table():
    legal = data.load("legal_status")
    dated = legal.dropna(subset=["date"]).set_index("date")
    assert dated.loc["1999-08-12", "status"] == "Schedule III"
    assert dated.loc["2014-06-10", "status"] == "Class B"
    assert dated.loc["2019-03-05", "jurisdiction"] == "US"
    us = legal[legal["jurisdiction"] == "US"]
    assert us["instrument"].str.contains("64 FR 37673").any()
    assert (legal["year"] == pd.to_datetime(legal["date"]).dt.year.fillna(legal["year"])).all()


def test_therapy_vs_nonmedical_table_has_every_aspect():
    table = data.load("therapy_vs_nonmedical")
    assert {"product", "setting", "monitoring", "frequency", "concentration", "purpose"} <= set(
        table["characteristic"])
    assert side_by_side(table).shape == (len(table), 3)


def test_abuse_potential_table():
    table = data.load("abuse_potential")
    assert set(table["n_participants"]) == {34}
    active = table[table["drug_liking_vs_placebo"] == "higher"]
    assert sorted(active["dose_mg"].dropna()) == [84.0, 112.0]
    assert active["dose_mg_per_kg"].dropna().tolist() == [0.5]



# --- body systems --------------------------------------------------------------------------------
AE = pd.DataFrame(
    {
        "event": ["Dissociation", "Euphoric mood", "Insomnia", "Nausea"],
        "body_system": ["psychiatric", "psychiatric", "psychiatric", "gastrointestinal"],
        "events_esketamine": [142, 15, 29, 98],
        "n_esketamine": [346, 346, 346, 346],
        "events_placebo": [21, 2, 16, 19],
        "n_placebo": [222, 222, 222, 222],
    }
)


def test_body_systems_sorted_unique():
    assert body_systems(AE) == ["gastrointestinal", "psychiatric"]


def test_plot_body_system_title_counts_clear_excesses():
    fig = plot_body_system(AE, "psychiatric")
    assert fig.get_suptitle() == "Psychiatric events: 2 of 3 clearly more common on esketamine"
    labels = {t.get_text() for t in fig.axes[0].get_yticklabels()}
    assert labels == {"Dissociation", "Euphoric mood", "Insomnia"}
    plt.close(fig)


@pytest.mark.parametrize("bad", ["cardiac", "", None, 3])
def test_plot_body_system_rejects_unknown_system(bad):
    with pytest.raises(ValueError, match="body_system"):
        plot_body_system(AE, bad)


@pytest.mark.parametrize("bad", [AE.drop(columns="body_system"), AE.iloc[0:0], AE.to_dict(), None])
def test_body_system_helpers_reject_bad_table(bad):
    with pytest.raises(ValueError, match="table"):
        body_systems(bad)
    with pytest.raises(ValueError, match="table"):
        plot_body_system(bad)


def test_plot_body_system_on_the_label_table():
    label = data.load("adverse_events_label")
    for system in body_systems(label):
        fig = plot_body_system(label, system)
        assert fig.get_suptitle().startswith(system.replace("_", " ").capitalize())
        plt.close(fig)
