"""helpers.analysis.onset: response rates with Wilson intervals, arm differences and NNT."""

from __future__ import annotations

import math

import matplotlib
import numpy as np
import pytest

from helpers.analysis import onset as onset_analysis
from helpers.science import stats

matplotlib.use("Agg")

BAD_NUMBERS = [-1.0, math.nan, math.inf, "3", None]


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


# --- tables in words ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("hours", "words"), [(1, "1 hour"), (2, "2 hours"), (24, "1 day"), (48, "2 days"),
                                              (72, "3 days"), (168, "1 week"), (336, "2 weeks"),
                                              (1008, "6 weeks"), (30, "30 hours")])
def test_time_in_words(hours, words):
    assert onset_analysis.time_in_words(hours) == words


@pytest.mark.parametrize("bad", [0, *BAD_NUMBERS])
def test_time_in_words_rejects_bad_times(bad):
    with pytest.raises(ValueError, match="hours"):
        onset_analysis.time_in_words(bad)


def test_milestone_table_in_words(studies):
    table = onset_analysis.milestone_table(studies)
    assert list(table.columns) == ["Treatment", "Point on the chart", "When", "Outcome", "Result", "Source"]
    assert len(table) == len(studies)
    first = table.iloc[0]
    assert first["When"] == "2 hours" and first["Source"] == "Daly 2018"
    assert first["Point on the chart"] == "drug ahead at the first time point reported"
    assert first["Result"] == "-7.9 MADRS points: LS mean difference vs placebo"
    dean = table[table["Source"] == "Dean 2021"]["Result"].tolist()
    assert "odds ratio 3.94 (95 % CI 1.54 to 10.1)" in dean
    shown = " ".join(table.astype(str).to_numpy().ravel())
    for code_name in ("first_separation", "daly2018", "[", ">="):
        assert code_name not in shown, code_name


def test_milestone_table_bad_input(studies):
    with pytest.raises(ValueError, match="milestone"):
        onset_analysis.milestone_table(studies.assign(milestone="peak"))
    with pytest.raises(ValueError, match="studies"):
        onset_analysis.milestone_table(studies.drop(columns="outcome"))
    with pytest.raises(ValueError, match="studies"):
        onset_analysis.milestone_table(studies.iloc[0:0])


def test_difference_table_in_words(responses):
    studies = ["Daly 2018 (esketamine spray)", "Lii 2023 (masked by anaesthesia)"]
    table = onset_analysis.difference_table(responses, studies)
    assert list(table.columns) == ["Study", "Drug arm", "Responders on the drug", "Responders on the control",
                                   "Difference (percentage points, 95 % CI)", "NNT (95 % CI)"]
    assert len(table) == 4  # three esketamine doses and one masked ketamine arm
    row = table[table["Drug arm"] == "Esketamine 84 mg"].iloc[0]
    assert row["Difference (percentage points, 95 % CI)"] == "+38.6 (+13.1 to +65.1)"
    assert row["NNT (95 % CI)"] == "2.6 (1.5 to 7.6)"
    masked = table[table["Study"] == studies[1]].iloc[0]
    assert "∞" in masked["NNT (95 % CI)"]
    only = onset_analysis.difference_table(responses, studies, arms=["Esketamine 84 mg"])
    assert list(only["Drug arm"]) == ["Esketamine 84 mg"]


def test_difference_table_bad_input(responses):
    with pytest.raises(ValueError, match="studies"):
        onset_analysis.difference_table(responses, "Daly 2018 (esketamine spray)")
    with pytest.raises(ValueError, match="studies"):
        onset_analysis.difference_table(responses, [])
    with pytest.raises(ValueError, match="study"):
        onset_analysis.difference_table(responses, ["No such trial"])
    with pytest.raises(ValueError, match="arms"):
        onset_analysis.difference_table(responses, ["Daly 2018 (esketamine spray)"], arms=["Placebo spray"])
    with pytest.raises(ValueError, match="arms"):
        onset_analysis.difference_table(responses, ["Daly 2018 (esketamine spray)"], arms="Esketamine 84 mg")


def test_as_markdown(responses):
    table = onset_analysis.difference_table(responses, ["Daly 2018 (esketamine spray)"])
    text = onset_analysis.as_markdown(table)
    lines = text.splitlines()
    assert lines[0].startswith("| Study | Drug arm |") and lines[1].startswith("|---|")
    assert len(lines) == 2 + 3
    with pytest.raises(ValueError, match="frame"):
        onset_analysis.as_markdown("not a table")
