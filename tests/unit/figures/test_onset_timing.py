"""helpers.figures.onset_timing: notebook 03's charts."""

from __future__ import annotations

import math

import matplotlib
import pytest

from helpers.figures import onset_timing
from helpers.science import buildup, units

matplotlib.use("Agg")

BAD_NUMBERS = [-1.0, math.nan, math.inf, "3", None]


# --- plots ------------------------------------------------------------------------------------------------
def test_plot_onset_timeline_has_one_row_per_label_fastest_first(studies):
    fig = onset_timing.plot_onset_timeline(studies, title="A finding")
    ax = fig.axes[0]
    labels = [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()]
    assert len(labels) == studies["label"].nunique()
    assert labels[0].startswith("Esketamine nasal spray")  # 2 h, the earliest separation
    assert ax.get_xscale() == "log"
    lo, hi = ax.get_xlim()
    assert lo < 1.0 and hi > units.hours(12, "week")
    assert ax.get_title(loc="left") == "A finding"


def test_onset_timeline_says_a_first_separation_is_the_first_time_point_reported(studies):
    """A trial that measures first at 24 h cannot show a 2-h effect: the legend must say so, or IV ketamine
    looks slower than the spray only because its trials measured later."""
    fig = onset_timing.plot_onset_timeline(studies, title="A finding")
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert any("first time point reported" in text and "not measured" in text for text in legend), legend


def test_plot_onset_timeline_bad_input(studies):
    with pytest.raises(ValueError, match="title"):
        onset_timing.plot_onset_timeline(studies, title=" ")
    with pytest.raises(ValueError, match="milestone"):
        onset_timing.plot_onset_timeline(studies.assign(milestone="peak"), title="t")
    with pytest.raises(ValueError, match="treatment"):
        onset_timing.plot_onset_timeline(studies.assign(treatment="lsd"), title="t")
    with pytest.raises(ValueError, match="time_h"):
        onset_timing.plot_onset_timeline(studies.assign(time_h=0.5), title="t")
    with pytest.raises(ValueError, match="studies"):
        onset_timing.plot_onset_timeline(studies.drop(columns="label"), title="t")


def test_plot_early_response_one_tick_per_arm(responses):
    fig = onset_timing.plot_early_response(responses, title="A finding")
    ax = fig.axes[0]
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert len(ticks) == len(responses)
    assert "Placebo spray  1/33" in ticks  # counts shown next to observed arms
    assert "Midazolam" in ticks  # model estimates without counts
    with pytest.raises(ValueError, match="role"):
        onset_timing.plot_early_response(responses.assign(role="other"), title="t")
    with pytest.raises(ValueError, match="title"):
        onset_timing.plot_early_response(responses, title=None)


def test_plot_ssri_build_up_draws_model_and_anchors(ssri):
    k = buildup.calibrate_rate(100 / 3)
    fig = onset_timing.plot_ssri_build_up(ssri, k, title="A finding")
    left, right = fig.axes
    curve = left.get_lines()[0]
    assert max(curve.get_xdata()) == pytest.approx(6.0)  # no extrapolation beyond the data
    assert curve.get_ydata()[-1] == pytest.approx(100.0)
    assert len(right.get_lines()) == 4
    with pytest.raises(ValueError, match="max_week"):
        onset_timing.plot_ssri_build_up(ssri, k, title="t", max_week=3)
    with pytest.raises(ValueError, match="rate_per_week"):
        onset_timing.plot_ssri_build_up(ssri, -1, title="t")
    with pytest.raises(ValueError, match="ssri"):
        onset_timing.plot_ssri_build_up(ssri.iloc[0:0], k, title="t")


def test_time_course_panels_and_plots(course):
    panels = onset_timing.time_course_panels(course)
    assert len(panels) == course["panel"].nunique() >= 4
    for panel in panels:
        fig = onset_timing.plot_time_course(course, panel)
        ax = fig.axes[0]
        arms = list(dict.fromkeys(course.loc[course["panel"] == panel, "arm"]))
        assert [line.get_label() for line in ax.get_lines()] == arms
        assert ax.get_title(loc="left") == panel
        alt = onset_timing.time_course_alt(course, panel)
        assert alt.endswith(".") and len(alt) >= 20
    lii = onset_timing.plot_time_course(course, "Lii 2023: MADRS response").axes[0]
    assert "days" in lii.get_xlabel()
    daly = onset_timing.plot_time_course(course, "Daly 2018: MADRS response").axes[0]
    assert "hours" in daly.get_xlabel()
    titled = onset_timing.plot_time_course(course, "Daly 2018: MADRS response", title="A finding").axes[0]
    assert titled.get_title(loc="left") == "A finding"


def test_time_course_bad_input(course):
    with pytest.raises(ValueError, match="panel"):
        onset_timing.plot_time_course(course, "Zarate 2006")
    with pytest.raises(ValueError, match="panel"):
        onset_timing.time_course_alt(course, "Zarate 2006")
    with pytest.raises(ValueError, match="course"):
        onset_timing.plot_time_course(course.drop(columns="value"), "Lii 2023: MADRS response")
    with pytest.raises(ValueError, match="course"):
        onset_timing.time_course_panels([])
    with pytest.raises(ValueError, match="title"):
        onset_timing.plot_time_course(course, "Lii 2023: MADRS response", title="")
