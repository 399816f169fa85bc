"""helpers.analysis.adverse: risk differences against placebo, NNH, trial lists."""

from __future__ import annotations

import math

import matplotlib
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.analysis import adverse as adverse_analysis
from helpers.science.stats import risk_difference

matplotlib.use("Agg")


def _table(e1=142, n1=346, e0=21, n0=222, event="Dissociation") -> pd.DataFrame:
    return pd.DataFrame({"event": [event], "events_esketamine": [e1], "n_esketamine": [n1],
                         "events_placebo": [e0], "n_placebo": [n0]})


# --- risk_differences --------------------------------------------------------------------------------

def test_risk_differences_dissociation_reference_values():
    row = adverse_analysis.risk_differences(_table()).iloc[0]
    rd = risk_difference(142, 346, 21, 222)
    assert row["rd_pp"] == pytest.approx(100 * rd.difference)
    assert row["rd_pp"] == pytest.approx(31.58, abs=0.01)
    assert row["rd_low_pp"] == pytest.approx(24.77, abs=0.01)
    assert row["rd_high_pp"] == pytest.approx(37.73, abs=0.01)
    assert row["nnh"] == pytest.approx(3.166, abs=0.001)
    assert row["nnh_low"] == pytest.approx(2.651, abs=0.001)
    assert row["nnh_high"] == pytest.approx(4.038, abs=0.001)
    assert bool(row["differs"]) is True


def test_risk_differences_sorted_and_interval_crossing_zero(label):
    rd = adverse_analysis.risk_differences(label)
    assert list(rd["rd_pp"]) == sorted(rd["rd_pp"], reverse=True)
    assert rd.iloc[0]["event"] == "Dissociation"
    dysgeusia = rd.set_index("event").loc["Dysgeusia"]
    assert not dysgeusia["differs"]
    assert math.isnan(dysgeusia["nnh_low"]) and math.isnan(dysgeusia["nnh_high"])
    assert int(rd["differs"].sum()) == 15


def test_risk_differences_no_nnh_when_drug_is_not_worse():
    row = adverse_analysis.risk_differences(_table(e1=10, n1=100, e0=20, n0=100)).iloc[0]
    assert row["rd_pp"] == pytest.approx(-10.0)
    assert math.isnan(row["nnh"])


@pytest.mark.parametrize("bad", [None, [1, 2], "table", pd.DataFrame()])
def test_risk_differences_rejects_non_tables(bad):
    with pytest.raises(ValueError, match="table"):
        adverse_analysis.risk_differences(bad)


def test_risk_differences_rejects_missing_column():
    with pytest.raises(ValueError, match="table: missing column"):
        adverse_analysis.risk_differences(_table().drop(columns="n_placebo"))


@pytest.mark.parametrize("kwargs", [dict(e1=-1), dict(e1=400), dict(n1=0), dict(e0=1.5),
                                    dict(n0=float("nan")), dict(e0=float("inf"))])
def test_risk_differences_rejects_bad_counts(kwargs):
    with pytest.raises(ValueError, match="table: event 'Dissociation'"):
        adverse_analysis.risk_differences(_table(**kwargs))


@pytest.mark.parametrize("level", [0, 1, 1.5, -0.1, float("nan"), float("inf"), "95%", True])
def test_risk_differences_rejects_bad_level(level):
    with pytest.raises(ValueError, match="level"):
        adverse_analysis.risk_differences(_table(), level=level)


@settings(max_examples=60, deadline=None)
@given(n1=st.integers(1, 500), n0=st.integers(1, 500), f1=st.floats(0, 1), f0=st.floats(0, 1),
       level=st.floats(0.5, 0.99))
def test_risk_differences_interval_contains_estimate(n1, n0, f1, f0, level):
    e1, e0 = int(f1 * n1), int(f0 * n0)
    row = adverse_analysis.risk_differences(_table(e1, n1, e0, n0), level=level).iloc[0]
    assert -100 - 1e-9 <= row["rd_low_pp"] <= row["rd_pp"] <= row["rd_high_pp"] <= 100 + 1e-9
    assert bool(row["differs"]) == (row["rd_low_pp"] > 0 or row["rd_high_pp"] < 0)
    if row["differs"] and row["rd_pp"] > 0:
        assert row["nnh_low"] <= row["nnh"] <= row["nnh_high"]


# --- plain words, one trial's differences, chronic-use harms ----------------------------------------------

def test_event_label_adds_plain_words_to_medical_terms_only():
    assert adverse_analysis.event_label("Hypoesthesia") == "Hypoesthesia (numbness)"
    assert adverse_analysis.event_label("Somnolence") == "Somnolence (sleepiness)"
    assert adverse_analysis.event_label("Nausea") == "Nausea"


def test_lay_terms_cover_the_label_terms_students_do_not_know(label):
    events = set(label["event"])
    for term in ("Dysarthria", "Dysgeusia", "Hyperhidrosis", "Hypoesthesia", "Pollakiuria"):
        assert term in events and term in adverse_analysis.LAY_TERMS
    assert all(word and word == word.lower() for word in adverse_analysis.LAY_TERMS.values())


@pytest.mark.parametrize("bad", ["", "  ", None, 3])
def test_event_label_rejects_non_names(bad):
    with pytest.raises(ValueError, match="event"):
        adverse_analysis.event_label(bad)


def test_trial_differences_each_dose_against_placebo(trials):
    diffs = adverse_analysis.trial_differences(trials, "TRANSFORM-1")
    nausea_84 = diffs[(diffs["event"] == "Nausea") & diffs["arm"].str.contains("84 mg")].iloc[0]
    rd = risk_difference(37, 116, 12, 113)
    assert nausea_84["rd_pp"] == pytest.approx(100 * rd.difference)
    assert nausea_84["rd_low_pp"] == pytest.approx(100 * rd.low)
    assert nausea_84["pct_placebo"] == pytest.approx(10.6) and bool(nausea_84["differs"])
    assert set(diffs["arm"]) == {"esketamine 56 mg + oral AD", "esketamine 84 mg + oral AD"}
    headache = diffs[diffs["event"] == "Headache"]
    assert len(headache) == 2 and not headache["differs"].any()
    sustain = adverse_analysis.trial_differences(trials, "SUSTAIN-1 maintenance")
    assert sustain.set_index("event").loc["Dissociation", "pct_placebo"] == 0.0


@pytest.mark.parametrize("trial", ["TRANSFORM-2", "", None, 3])
def test_trial_differences_rejects_unknown_trial(trials, trial):
    with pytest.raises(ValueError, match="trial: unknown trial"):
        adverse_analysis.trial_differences(trials, trial)


def test_trial_differences_needs_one_placebo_arm_and_a_valid_level(trials):
    no_placebo = trials[trials["arm_type"] != "placebo"]
    with pytest.raises(ValueError, match="exactly one placebo arm"):
        adverse_analysis.trial_differences(no_placebo, "TRANSFORM-1")
    with pytest.raises(ValueError, match="level"):
        adverse_analysis.trial_differences(trials, "TRANSFORM-1", level=1.5)


def test_chronic_harms_table_in_words_grouped_by_harm():
    harms = pd.DataFrame({
        "harm": ["dependence", "urinary_symptoms", "dependence"],
        "population": ["survey readers", "survey readers", "review"],
        "finding": ["17% dependent", "26.6% urinary symptoms", "failing to stop"],
        "source_id": ["winstock2012", "winstock2012", "morgan2012"],
    })
    table = adverse_analysis.chronic_harms_table(harms, cite=lambda s: s.upper())
    assert list(table.columns) == ["Harm", "Finding", "Who was studied", "Source"]
    assert list(table["Harm"]) == ["Urinary symptoms", "Dependence", "Dependence"]
    assert list(table["Source"]) == ["WINSTOCK2012", "WINSTOCK2012", "MORGAN2012"]
    assert not any("_" in h for h in table["Harm"])


def test_chronic_harms_table_covers_the_data():
    from helpers import data
    table = adverse_analysis.chronic_harms_table(data.load("chronic_use_harms"), cite=str)
    assert len(table) == len(data.load("chronic_use_harms"))


@pytest.mark.parametrize("harms, cite, match", [
    (pd.DataFrame({"harm": ["hiccups"], "population": ["x"], "finding": ["y"], "source_id": ["z"]}), str,
     "harms: no words for harm"),
    (pd.DataFrame({"harm": ["dependence"]}), str, "harms: missing column"),
    (pd.DataFrame({"harm": ["dependence"], "population": ["x"], "finding": ["y"], "source_id": ["z"]}),
     "not a function", "cite"),
])
def test_chronic_harms_table_rejects_bad_input(harms, cite, match):
    with pytest.raises(ValueError, match=match):
        adverse_analysis.chronic_harms_table(harms, cite=cite)
