"""helpers.figures.side_effects: notebook 04's charts."""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers import data
from helpers.analysis import adverse as adverse_analysis
from helpers.figures import side_effects

matplotlib.use("Agg")


def _table(e1=142, n1=346, e0=21, n0=222, event="Dissociation") -> pd.DataFrame:
    return pd.DataFrame({"event": [event], "events_esketamine": [e1], "n_esketamine": [n1],
                         "events_placebo": [e0], "n_placebo": [n0]})


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
