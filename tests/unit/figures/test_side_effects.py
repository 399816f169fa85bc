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
from helpers.figures.style import data_style

matplotlib.use("Agg")


def _table(e1=142, n1=346, e0=21, n0=222, event="Dissociation") -> pd.DataFrame:
    return pd.DataFrame({"event": [event], "events_esketamine": [e1], "n_esketamine": [n1],
                         "events_placebo": [e0], "n_placebo": [n0]})


# --- charts ------------------------------------------------------------------------------------------

def _legend_texts(fig) -> list[str]:
    return [t.get_text() for legend in fig.legends for t in legend.get_texts()]


def test_plot_risk_differences_draws_drug_and_placebo(label):
    rd = adverse_analysis.risk_differences(label)
    fig = side_effects.plot_risk_differences(rd, title="Dissociation leads", top=5)
    assert isinstance(fig, Figure)
    left, right = fig.axes[:2]
    assert [t.get_text() for t in left.get_yticklabels()][-1] == "Dissociation"
    labels = _legend_texts(fig)
    assert labels[:2] == ["esketamine spray + oral antidepressant", "placebo spray + oral antidepressant"]
    assert not any("AD" in s.split() for s in labels)  # no unexplained abbreviation
    assert "percentage points" in right.get_xlabel()
    assert len(left.get_yticks()) == 5


def test_plot_risk_differences_legend_and_title_sit_above_the_panels(label):
    fig = side_effects.plot_risk_differences(adverse_analysis.risk_differences(label), title="A finding")
    assert left_legend_free(fig)
    renderer = fig.canvas.get_renderer()
    [legend] = fig.legends
    legend_box = legend.get_window_extent(renderer)
    panels_top = max(ax.get_tightbbox(renderer).y1 for ax in fig.axes)
    assert legend_box.y0 >= panels_top - 1  # [px] above the panel titles, never over the data
    assert fig._suptitle.get_window_extent(renderer).y0 >= legend_box.y1 - 4  # [px] the legend's padding


def left_legend_free(fig) -> bool:
    return all(ax.get_legend() is None for ax in fig.axes)


def test_plot_risk_differences_uses_the_course_arm_styles(label):
    fig = side_effects.plot_risk_differences(adverse_analysis.risk_differences(label), title="t")
    drug, placebo = [line for line in fig.axes[0].lines if line.get_label() in
                     ("esketamine spray + oral antidepressant", "placebo spray + oral antidepressant")]
    flexible, control = data_style("ketamine_other_dose"), data_style("placebo")
    assert (drug.get_color(), drug.get_marker()) == (flexible["color"], flexible["marker"])
    assert (placebo.get_color(), placebo.get_marker()) == (control["color"], control["marker"])
    assert placebo.get_markerfacecolor() == "white"  # open: fill as well as colour tells the arms apart


def test_plot_risk_differences_keeps_zero_percent_markers_clear_of_the_axis(label):
    fig = side_effects.plot_risk_differences(adverse_analysis.risk_differences(label), title="t")
    assert fig.axes[0].get_xlim()[0] < 0  # Dysarthria and Feeling abnormal: 0 % on placebo


def test_plot_risk_differences_lists_only_the_interval_kinds_it_draws(label):
    rows = adverse_analysis.risk_differences(label[label["event"].isin(["Dissociation", "Nausea"])])
    labels = _legend_texts(side_effects.plot_risk_differences(rows, title="t"))
    assert "95% interval excludes 0" in labels and "95% interval includes 0" not in labels


def test_plot_risk_differences_lay_terms_and_own_labels(label):
    rd = adverse_analysis.risk_differences(label)
    fig = side_effects.plot_risk_differences(rd, title="t", lay_terms=True, drug_label="drug",
                                             placebo_label="control")
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "Hypoesthesia (numbness)" in ticks and "Nausea" in ticks
    assert _legend_texts(fig)[:2] == ["drug", "control"]
    plain = side_effects.plot_risk_differences(rd, title="t")
    assert "Hypoesthesia" in [t.get_text() for t in plain.axes[0].get_yticklabels()]  # notebook 05's default


def test_plot_risk_differences_is_not_cramped_for_few_rows(label):
    rows = adverse_analysis.risk_differences(label.head(2))
    assert side_effects.plot_risk_differences(rows, title="t").get_figheight() >= 3.5  # [in]


@pytest.mark.parametrize("kwargs, match", [
    (dict(title=""), "title"), (dict(title=3), "title"), (dict(title="t", top=0), "top"),
    (dict(title="t", top=2.5), "top"), (dict(title="t", top=True), "top"),
    (dict(title="t", drug_label=""), "drug_label"), (dict(title="t", placebo_label=None), "placebo_label"),
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


def test_arm_key_by_dose(trials):
    def arm(name, trial="TRANSFORM-1"):
        return trials[(trials["trial"] == trial) & (trials["arm"] == name)]
    assert side_effects.arm_key(arm("esketamine 56 mg + oral AD")) == "esketamine_56"
    assert side_effects.arm_key(arm("esketamine 84 mg + oral AD")) == "esketamine_84"
    assert side_effects.arm_key(arm("placebo + oral AD")) == "placebo"
    assert side_effects.arm_key(arm("esketamine 56 or 84 mg + oral AD", "SUSTAIN-1 maintenance")) == \
        "ketamine_other_dose"


@pytest.mark.parametrize("rows, match", [
    (pd.DataFrame({"arm_type": []}), "rows: the table is empty"),
    (pd.DataFrame({"arm_type": ["esketamine"], "dose_mg": [28.0]}), "rows: no style for a fixed dose of 28"),
    (pd.DataFrame({"arm": ["x"]}), "rows: missing column"),
    ("arm", "rows"),
])
def test_arm_key_rejects_bad_rows(rows, match):
    with pytest.raises(ValueError, match=match):
        side_effects.arm_key(rows)


def test_plot_trials_one_panel_per_trial_and_marks_missing_events(trials):
    fig = side_effects.plot_trials(trials, ["Dissociation", "Vertigo"], title="t")
    assert len(fig.axes) == 4
    pooled = fig.axes[2]
    assert any(t.get_text() == "not listed" for t in pooled.texts)  # vertigo is not in the pooled table
    labels = [h.get_label() for h in fig.axes[0].get_legend().legend_handles]
    assert labels == ["esketamine 56 mg (n = 115)", "esketamine 84 mg (n = 116)", "placebo (n = 113)"]
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "Vertigo (spinning sensation)" in ticks


def test_plot_trials_same_encoding_for_a_dose_in_every_panel(trials):
    fig = side_effects.plot_trials(trials, ["Dissociation", "Nausea"], title="t")
    seen: dict[str, set] = {}
    for ax in fig.axes:
        for line in ax.lines:
            if len(line.get_xdata()):
                dose = line.get_label().split(" (n")[0]
                seen.setdefault(dose, set()).add((line.get_color(), line.get_marker()))
    assert all(len(styles) == 1 for styles in seen.values()), seen
    style = data_style("esketamine_84")
    assert seen["esketamine 84 mg"] == {(style["color"], style["marker"])}
    low = data_style("esketamine_56")
    assert seen["esketamine 56 mg"] == {(low["color"], low["marker"])}
    assert "esketamine 56 or 84 mg" in seen  # SUSTAIN-1: the flexible dose has its own style


def test_plot_trials_keeps_zero_percent_markers_clear_of_the_axis(trials):
    fig = side_effects.plot_trials(trials, ["Dissociation"], title="t")
    assert fig.axes[3].get_xlim()[0] < 0  # SUSTAIN-1: dissociation 0 % on placebo


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


def test_plot_trial_events_title_states_the_finding(trials):
    fig = side_effects.plot_trial_events(trials, "TRANSFORM-1", 10.0)
    assert fig.get_suptitle().startswith("TRANSFORM-1: 6 of 9 events clearly more common on esketamine")
    assert "at least 10%" in fig.get_suptitle()
    single = side_effects.plot_trial_events(trials, "ASPIRE II", 20.0).get_suptitle()
    assert "either dose" not in single
    own = side_effects.plot_trial_events(trials, "TRANSFORM-1", 10.0, title="Nausea leads")
    assert own.get_suptitle() == "Nausea leads"
    with pytest.raises(ValueError, match="title"):
        side_effects.plot_trial_events(trials, "TRANSFORM-1", 10.0, title="")


def test_plot_trial_events_legend_in_words_above_the_chart(trials):
    fig = side_effects.plot_trial_events(trials, "TRANSFORM-1", 10.0)
    labels = _legend_texts(fig)
    assert "placebo + oral antidepressant (n = 113)" in labels
    assert fig.axes[0].get_legend() is None


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
    assert any(t.get_text() == "drug label: monitor for at least 2 h" for t in ax.texts)
    assert any("+3.3 mmHg" in t.get_text() and "end time not reported" in t.get_text() for t in ax.texts)
    peaks = [line for line in ax.lines if line.get_marker() not in ("|", "None") and len(line.get_xdata())]
    assert sorted(float(np.asarray(line.get_xdata())[0]) for line in peaks) == [30.0, 30.0, 40.0, 40.0]
    infusion, spray = data_style("antidepressant_infusion"), data_style("ketamine_other_dose")
    assert {(line.get_color(), line.get_marker()) for line in peaks} == {
        (infusion["color"], infusion["marker"]), (spray["color"], spray["marker"])}
    ends = [line for line in ax.lines if line.get_marker() == "|"]
    assert sorted(float(np.asarray(line.get_xdata())[0]) for line in ends) == [90.0, 240.0]
    assert ax.get_xlabel() == "Time after the dose (min)"
    sizes = {t.get_fontsize() for t in [*ax.get_yticklabels(), *ax.get_xticklabels()]}
    assert len(sizes) == 1  # one tick font, as in the other figures
    assert fig.legends and ax.get_legend() is None


def test_plot_time_course_draws_a_subset_without_the_infusion():
    course = data.load("acute_time_course")
    fig = side_effects.plot_time_course(course[course["product"] == "esketamine nasal spray"], title="t")
    assert len(fig.axes[0].get_yticks()) == 2
    assert not any("not reported" in t.get_text() for t in fig.axes[0].texts)


@pytest.mark.parametrize("course, title, match", [
    (pd.DataFrame({"effect": ["x"]}), "t", "course: missing column"),
    ("course", "t", "course"),
    (None, "", "course"),
])
def test_plot_time_course_rejects_bad_arguments(course, title, match):
    with pytest.raises(ValueError, match=match):
        side_effects.plot_time_course(course, title=title)


def test_plot_time_course_rejects_empty_title_and_monitoring_only():
    course = data.load("acute_time_course")
    with pytest.raises(ValueError, match="title"):
        side_effects.plot_time_course(course, title="")
    with pytest.raises(ValueError, match="course: no peak"):
        side_effects.plot_time_course(course[course["milestone"] == "minimum_monitoring"], title="t")
