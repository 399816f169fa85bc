"""helpers.onset: time units, response intervals, arm comparisons, the illustrative build-up model, plots;
and the consistency of notebook 03's data tables."""

from __future__ import annotations

import math

import matplotlib
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import data
from helpers.analysis import onset as onset_analysis
from helpers.figures import onset_timing
from helpers.science import buildup, stats, units

matplotlib.use("Agg")

BAD_NUMBERS = [-1.0, math.nan, math.inf, "3", None]


@pytest.fixture(scope="module")
def studies() -> pd.DataFrame:
    return data.load("onset_studies")


@pytest.fixture(scope="module")
def responses() -> pd.DataFrame:
    return data.load("early_response")


@pytest.fixture(scope="module")
def course() -> pd.DataFrame:
    return data.load("onset_time_course")


@pytest.fixture(scope="module")
def ssri() -> pd.DataFrame:
    return data.load("ssri_time_course")



# --- hours ------------------------------------------------------------------------------------------
def test_hours_converts_by_hand_values():
    assert units.hours(2, "week") == 336.0
    assert units.hours(90, "min") == pytest.approx(1.5)
    assert units.hours(3, "day") == 72.0
    assert list(units.hours([1, 2], "h")) == [1.0, 2.0]


@pytest.mark.parametrize("unit", ["hours", "d", "", None, "Week"])
def test_hours_rejects_unknown_units(unit):
    with pytest.raises(ValueError, match="unit"):
        units.hours(1, unit)


@pytest.mark.parametrize("value", [-1.0, math.nan, math.inf, [1, -2], "x"])
def test_hours_rejects_bad_values(value):
    with pytest.raises(ValueError, match="value"):
        units.hours(value, "h")


def test_time_ticks_span_one_hour_to_twelve_weeks():
    ticks = [h for h, _ in onset_timing.TIME_TICKS_H]
    assert ticks[0] == 1.0 and ticks[-1] == units.hours(12, "week")
    assert ticks == sorted(ticks)


# --- response_with_ci ---------------------------------------------------------------------------------
def test_response_with_ci_wilson_from_counts_matches_hand_calculation(responses):
    out = onset_analysis.response_with_ci(responses)
    row = out[(out["study"].str.startswith("Daly")) & (out["arm"] == "Placebo spray")].iloc[0]
    # Wilson 1/33, z = 1.96, worked by hand: 0.54 % to 15.3 %
    assert row["ci_method"] == "Wilson (computed)"
    assert row["rate_pct"] == pytest.approx(100 / 33)
    assert row["low_pct"] == pytest.approx(0.537, abs=0.01)
    assert row["high_pct"] == pytest.approx(15.32, abs=0.01)


def test_response_with_ci_keeps_reported_intervals_of_model_estimates(responses):
    out = onset_analysis.response_with_ci(responses)
    model = out[out["estimate"] == "model_estimate"]
    assert (model["ci_method"] == "reported").all()
    assert list(model["low_pct"]) == list(model["ci_low_pct"])
    assert list(model["high_pct"]) == list(model["ci_high_pct"])
    assert (out["low_pct"] <= out["rate_pct"]).all() and (out["rate_pct"] <= out["high_pct"]).all()


def test_response_with_ci_refuses_other_levels_for_reported_intervals(responses):
    with pytest.raises(ValueError, match="level"):
        onset_analysis.response_with_ci(responses, level=0.9)
    counts_only = responses[responses["estimate"] == "observed"]
    narrow = onset_analysis.response_with_ci(counts_only, level=0.5)
    wide = onset_analysis.response_with_ci(counts_only, level=0.99)
    assert (narrow["high_pct"] - narrow["low_pct"] < wide["high_pct"] - wide["low_pct"]).all()


@pytest.mark.parametrize("level", [0, 1, -0.5, 1.5, math.nan, "0.95"])
def test_response_with_ci_rejects_bad_levels(responses, level):
    with pytest.raises(ValueError, match="level"):
        onset_analysis.response_with_ci(responses, level=level)


def test_response_with_ci_rejects_rows_without_counts_or_interval(responses):
    broken = responses.copy()
    broken.loc[broken.index[0], ["ci_low_pct", "ci_high_pct"]] = np.nan  # a model row loses its CI
    with pytest.raises(ValueError, match="responses"):
        onset_analysis.response_with_ci(broken)
    with pytest.raises(ValueError, match="responses"):
        onset_analysis.response_with_ci(responses.drop(columns="n"))
    with pytest.raises(ValueError, match="responses"):
        onset_analysis.response_with_ci(responses.iloc[0:0])
    with pytest.raises(ValueError, match="responses"):
        onset_analysis.response_with_ci("early_response")


# --- arm_differences ----------------------------------------------------------------------------------
def test_arm_differences_daly_84_mg_by_hand(responses):
    table = onset_analysis.arm_differences(responses, "Daly 2018 (esketamine spray)")
    assert list(table["arm"]) == ["Esketamine 28 mg", "Esketamine 56 mg", "Esketamine 84 mg"]
    row = table.iloc[2]
    # 5/12 - 1/33 = 0.3864 -> 38.6 percentage points, NNT = 1 / 0.3864 = 2.6
    assert row["drug"] == "5/12" and row["control"] == "1/33"
    assert row["difference_pct"] == pytest.approx(38.6)
    rd = stats.risk_difference(5, 12, 1, 33)
    assert row["low_pct"] == pytest.approx(round(100 * rd.low, 1))
    assert row["high_pct"] == pytest.approx(round(100 * rd.high, 1))
    assert row["nnt"].startswith("NNT 2.6")


def test_arm_differences_masked_trial_interval_includes_zero(responses):
    row = onset_analysis.arm_differences(responses, "Lii 2023 (masked by anaesthesia)").iloc[0]
    assert row["difference_pct"] == pytest.approx(10.0)  # 12/20 - 10/20
    assert row["low_pct"] < 0 < row["high_pct"]
    assert "∞" in row["nnt"]


def test_arm_differences_bad_input(responses):
    with pytest.raises(ValueError, match="study"):
        onset_analysis.arm_differences(responses, "No such trial")
    with pytest.raises(ValueError, match="study"):
        onset_analysis.arm_differences(responses, 2018)
    with pytest.raises(ValueError, match="counts"):
        onset_analysis.arm_differences(responses, "Wilkinson 2019 (9 trials pooled)")
    two_controls = responses.copy()
    two_controls.loc[two_controls["arm"] == "Esketamine 28 mg", "role"] = "control"
    with pytest.raises(ValueError, match="exactly one control"):
        onset_analysis.arm_differences(two_controls, "Daly 2018 (esketamine spray)")
    with pytest.raises(ValueError, match="level"):
        onset_analysis.arm_differences(responses, "Daly 2018 (esketamine spray)", level=2)


# --- the illustrative build-up model ----------------------------------------------------------------------
def test_saturating_share_hand_values():
    k = 0.5
    assert buildup.saturating_share(0, k) == 0.0
    assert buildup.saturating_share(6, k) == pytest.approx(100.0)
    # (1 - e^-0.5) / (1 - e^-3) = 0.393469 / 0.950213 = 41.41 %
    assert buildup.saturating_share(1, k) == pytest.approx(41.408, abs=1e-3)


def test_calibrate_rate_reproduces_taylor_one_third():
    k = buildup.calibrate_rate(100 / 3)
    assert k == pytest.approx(0.3439, abs=1e-4)  # checked by hand: (1 - e^-k) / (1 - e^-6k) = 0.33336
    assert buildup.saturating_share(1, k) == pytest.approx(100 / 3, abs=1e-6)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"share_pct": 100 / 6}, "share_pct"),  # a straight line: no finite rate
        ({"share_pct": 10}, "share_pct"),
        ({"share_pct": 100}, "share_pct"),
        ({"share_pct": math.nan}, "share_pct"),
        ({"share_pct": math.inf}, "share_pct"),
        ({"share_pct": 50, "t_weeks": 6}, "t_weeks"),
        ({"share_pct": 50, "t_weeks": 0}, "t_weeks"),
        ({"share_pct": 50, "t_weeks": -1}, "t_weeks"),
        ({"share_pct": 50, "t_ref_weeks": 0}, "t_ref_weeks"),
        ({"share_pct": 50, "t_ref_weeks": math.nan}, "t_ref_weeks"),
    ],
)
def test_calibrate_rate_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=name):
        buildup.calibrate_rate(**kwargs)


@pytest.mark.parametrize("bad", BAD_NUMBERS)
def test_saturating_share_bad_input(bad):
    if not isinstance(bad, str):  # the shared array validator accepts numeric strings such as "3"
        with pytest.raises(ValueError, match="t_weeks"):
            buildup.saturating_share(bad, 0.5)
    with pytest.raises(ValueError, match="t_ref_weeks"):
        buildup.saturating_share(1, 0.5, t_ref_weeks=bad)
    with pytest.raises(ValueError, match="rate_per_week"):
        buildup.saturating_share(1, bad)
    with pytest.raises(ValueError, match="rate_per_week"):
        buildup.saturating_share(1, 0)


@given(st.floats(min_value=0.01, max_value=5.0), st.floats(min_value=0.0, max_value=6.0),
       st.floats(min_value=0.0, max_value=6.0))
def test_saturating_share_rises_and_stays_between_0_and_100(k, t1, t2):
    a, b = sorted((t1, t2))
    sa, sb = buildup.saturating_share(a, k), buildup.saturating_share(b, k)
    assert 0.0 <= sa <= sb <= 100.0 + 1e-9


@given(st.floats(min_value=17.0, max_value=99.0), st.floats(min_value=0.5, max_value=3.0))
def test_calibrate_rate_inverts_saturating_share(share, t):
    if share <= 100 * t / 6 + 0.5:
        return  # outside the range with a solution (tested above)
    k = buildup.calibrate_rate(share, t_weeks=t)
    assert buildup.saturating_share(t, k) == pytest.approx(share, rel=1e-6)


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
