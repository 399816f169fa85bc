"""Tests for helpers.adverse (notebook 04) and for the tables it reads."""

from __future__ import annotations

import math

import matplotlib
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from helpers import data
from helpers.analysis import adverse as adverse_analysis
from helpers.figures import side_effects
from helpers.science.stats import risk_difference

matplotlib.use("Agg")


def _table(e1=142, n1=346, e0=21, n0=222, event="Dissociation") -> pd.DataFrame:
    return pd.DataFrame({"event": [event], "events_esketamine": [e1], "n_esketamine": [n1],
                         "events_placebo": [e0], "n_placebo": [n0]})


@pytest.fixture(scope="module")
def label() -> pd.DataFrame:
    return data.load("adverse_events_label")


@pytest.fixture(scope="module")
def trials() -> pd.DataFrame:
    return data.load("adverse_events_trials")



# --- the data tables ---------------------------------------------------------------------------------

def test_label_table_matches_its_own_percentages(label):
    # every exact count, divided by its group size, rounds to within 0.5 point of the printed percentage
    for col_e, col_p, col_n in (("events_esketamine", "pct_esketamine", "n_esketamine"),
                                ("events_placebo", "pct_placebo", "n_placebo")):
        pct = 100 * label[col_e].astype(float) / label[col_n].astype(float)
        assert (abs(pct - label[col_p]) <= 0.5 + 1e-9).all(), col_e


def test_label_groups_are_the_pooled_trd_trials(label):
    assert set(label["n_esketamine"]) == {346}
    assert set(label["n_placebo"]) == {222}
    assert {"Dissociation", "Euphoric mood", "Feeling drunk"} <= set(label["event"])


def test_trial_percentages_match_counts(trials):
    pct = 100 * trials["events"].astype(float) / trials["n"].astype(float)
    assert (abs(pct - trials["pct"]) <= 0.05 + 1e-9).all()


def test_bp_outliers_match_counts():
    bp = data.load("bp_outliers")
    pct = 100 * bp["events"].astype(float) / bp["n"].astype(float)
    assert (abs(pct - bp["pct"]) <= 0.5 + 1e-9).all()


def test_time_course_and_chronic_tables_load():
    course = data.load("acute_time_course")
    assert {"peak", "resolved"} <= set(course["milestone"])
    harms = data.load("chronic_use_harms")
    assert {"urinary_symptoms", "dependence"} <= set(harms["harm"])


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


# --- charts ------------------------------------------------------------------------------------------

def test_plot_risk_differences_draws_drug_and_placebo(label):
    rd = adverse_analysis.risk_differences(label)
    fig = side_effects.plot_risk_differences(rd, title="Dissociation leads", top=5)
    assert isinstance(fig, Figure)
    left, right = fig.axes[:2]
    assert [t.get_text() for t in left.get_yticklabels()][-1] == "Dissociation"
    labels = [h.get_label() for h in left.get_legend().legend_handles]
    assert any("placebo" in s for s in labels) and any("esketamine" in s for s in labels)
    assert "percentage points" in right.get_xlabel()
    assert len(left.get_yticks()) == 5


@pytest.mark.parametrize("kwargs, match", [
    (dict(title=""), "title"), (dict(title=3), "title"), (dict(title="t", top=0), "top"),
    (dict(title="t", top=2.5), "top"), (dict(title="t", top=True), "top"),
])
def test_plot_risk_differences_rejects_bad_arguments(label, kwargs, match):
    rd = adverse_analysis.risk_differences(label)
    with pytest.raises(ValueError, match=match):
        side_effects.plot_risk_differences(rd, **kwargs)


def test_plot_risk_differences_rejects_wrong_table(label):
    with pytest.raises(ValueError, match="rd: missing column"):
        side_effects.plot_risk_differences(label, title="t")


def test_trial_names(trials):
    assert adverse_analysis.trial_names(trials) == ["TRANSFORM-1", "ASPIRE II", "ASPIRE I + II pooled",
                                           "SUSTAIN-1 maintenance"]
    with pytest.raises(ValueError, match="trials"):
        adverse_analysis.trial_names(pd.DataFrame({"trial": ["x"]}))


def test_plot_trials_one_panel_per_trial_and_marks_missing_events(trials):
    fig = side_effects.plot_trials(trials, ["Dissociation", "Vertigo"], title="t")
    assert len(fig.axes) == 4
    pooled = fig.axes[2]
    assert any(t.get_text() == "not listed" for t in pooled.texts)  # vertigo is not in the pooled table
    labels = [h.get_label() for h in fig.axes[0].get_legend().legend_handles]
    assert labels == ["esketamine 56 mg (n = 115)", "esketamine 84 mg (n = 116)", "placebo (n = 113)"]


@pytest.mark.parametrize("events, match", [([], "events"), ("Dissociation", "events"),
                                           (["Dissociation", "Hiccups"], "unknown event 'Hiccups'")])
def test_plot_trials_rejects_bad_events(trials, events, match):
    with pytest.raises(ValueError, match=match):
        side_effects.plot_trials(trials, events, title="t")


def test_plot_trials_rejects_empty_title(trials):
    with pytest.raises(ValueError, match="title"):
        side_effects.plot_trials(trials, ["Dissociation"], title=" ")


def test_plot_trial_events_threshold_filters_events(trials):
    fig = side_effects.plot_trial_events(trials, "TRANSFORM-1", 10.0)
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(ticks) == 9 and "Nausea" in ticks and "Anxiety" not in ticks
    fig = side_effects.plot_trial_events(trials, "ASPIRE I + II pooled", 30.0)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Dissociation", "Dizziness"]


def test_plot_trial_events_says_when_nothing_reaches_threshold(trials):
    fig = side_effects.plot_trial_events(trials, "SUSTAIN-1 maintenance", 90.0)
    assert any("No event reached 90%" in t.get_text() for t in fig.axes[0].texts)


@pytest.mark.parametrize("trial", ["TRANSFORM-2", "", None, 3])
def test_plot_trial_events_rejects_unknown_trial(trials, trial):
    with pytest.raises(ValueError, match="trial: unknown trial"):
        side_effects.plot_trial_events(trials, trial, 10.0)


@pytest.mark.parametrize("threshold", [-1, 101, float("nan"), float("inf"), "10"])
def test_plot_trial_events_rejects_bad_threshold(trials, threshold):
    with pytest.raises(ValueError, match="min_pct"):
        side_effects.plot_trial_events(trials, "TRANSFORM-1", threshold)


def test_plot_time_course_marks_milestones_and_monitoring():
    course = data.load("acute_time_course")
    fig = side_effects.plot_time_course(course, title="Schematic")
    ax = fig.axes[0]
    assert len(ax.get_yticks()) == 4
    assert any("monitor" in t.get_text() for t in ax.texts)
    assert any("+3.3 mmHg" in t.get_text() for t in ax.texts)
    peaks = [line for line in ax.lines if line.get_marker() == "^" and len(line.get_xdata())]
    assert sorted(float(np.asarray(line.get_xdata())[0]) for line in peaks) == [30.0, 30.0, 40.0, 40.0]
    assert ax.get_xlabel() == "Time after the dose (min)"


@pytest.mark.parametrize("course, title, match", [
    (pd.DataFrame({"effect": ["x"]}), "t", "course: missing column"),
    ("course", "t", "course"),
    (None, "", "course"),
])
def test_plot_time_course_rejects_bad_arguments(course, title, match):
    with pytest.raises(ValueError, match=match):
        side_effects.plot_time_course(course, title=title)


def test_plot_time_course_rejects_empty_title():
    with pytest.raises(ValueError, match="title"):
        side_effects.plot_time_course(data.load("acute_time_course"), title="")
