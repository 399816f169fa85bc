"""helpers.analysis.comparisons: head-to-head differences, evidence grades, dissociation by arm, tables."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers import data
from helpers.analysis import comparisons as cmp
from helpers.science.stats import risk_difference


def _trial(**changes) -> pd.DataFrame:
    rows = pd.DataFrame({
        "trial": ["T", "T"], "arm": ["ketamine", "other"], "arm_role": ["ketamine", "comparator"],
        "outcome": ["response", "response"], "outcome_kind": ["benefit", "benefit"],
        "outcome_definition": ["50 % fall", "50 % fall"], "time_point": ["week 3", "week 3"],
        "n_analysed": [70, 80], "events": [56, 48],
    })
    return rows.assign(**changes)


def test_difference_is_newcombes_interval_and_an_nnt():
    out = cmp.head_to_head_differences(_trial())
    rd = risk_difference(56, 70, 48, 80)
    row = out.iloc[0]
    assert row["rd_pp"] == pytest.approx(100 * rd.difference)
    assert (row["rd_low_pp"], row["rd_high_pp"]) == pytest.approx((100 * rd.low, 100 * rd.high))
    assert row["number_needed"].value == pytest.approx(5.0) and row["nn_text"].startswith("NNT 5 ")
    assert bool(row["differs"])


def test_a_harm_gets_an_nnh_and_rows_without_counts_are_left_out():
    harm = _trial(outcome_kind=["harm", "harm"])
    assert cmp.head_to_head_differences(harm).iloc[0]["nn_text"].startswith("NNH")
    no_counts = pd.concat([_trial(), _trial(outcome=["remission"] * 2, events=[math.nan] * 2)])
    assert list(cmp.head_to_head_differences(no_counts)["outcome"]) == ["response"]


@pytest.mark.parametrize(("changes", "match"), [
    ({"arm_role": ["ketamine", "ketamine"]}, "needs one ketamine arm, found 2"),
    ({"outcome_kind": ["good", "good"]}, "outcome_kind"),
])
def test_bad_trials_are_refused(changes, match):
    with pytest.raises(ValueError, match=match):
        cmp.head_to_head_differences(_trial(**changes))
    with pytest.raises(ValueError, match="trials"):
        cmp.head_to_head_differences(_trial().drop(columns="events"))


def test_course_head_to_head_trials_give_two_counted_benefits_and_the_ketect_harms():
    out = cmp.head_to_head_differences(data.load("head_to_head_trials"))
    benefit = out[out["outcome_kind"] == "benefit"]
    assert list(benefit["trial"]) == ["ESCAPE-TRD", "ELEKT-D"]
    assert benefit["differs"].all()
    table = cmp.harm_table(out)
    assert set(table["Trial"]) == {"KetECT"} and "dissociative symptoms" in set(table["Adverse event"])
    more = dict(zip(table["Adverse event"], table["More often with"], strict=True))
    assert more["headache"] == "ECT" and "ketamine" in more["vertigo"]


def test_evidence_grades_use_notebook_06s_tiers():
    hierarchy = data.load("evidence_hierarchy")
    frame = pd.DataFrame({"kind": ["rct", "meta_analysis", None]})
    graded = cmp.evidence_grades(frame, hierarchy)
    assert list(graded["tier"][:2]) == [4.0, 5.0] and math.isnan(graded["tier"][2])
    assert graded["grade"][2] == "no randomised evidence found"
    assert graded["grade"][0].startswith("tier 4")
    with pytest.raises(ValueError, match="evidence hierarchy"):
        cmp.evidence_grades(pd.DataFrame({"kind": ["horoscope"]}), hierarchy)


def test_evidence_table_uses_words_and_refuses_unknown_columns():
    graded = cmp.evidence_grades(data.load("evidence_map"), data.load("evidence_hierarchy"))
    table = cmp.evidence_table(graded, ["condition", "n_total", "grade"])
    assert list(table.columns) == ["Use", "Patients", "Evidence grade (notebook 06)"]
    assert "not read" in set(table["Patients"])
    with pytest.raises(ValueError, match="columns"):
        cmp.evidence_table(graded, ["kind"])


def test_dissociation_by_arm_puts_the_label_first_and_drug_before_control():
    arms = cmp.dissociation_by_arm(data.load("adverse_events_trials"), data.load("adverse_events_label"))
    assert arms["study"].iloc[0].startswith("Label")
    for _, rows in arms.groupby("study", sort=False):
        assert rows["role"].iloc[-1] == "control"
    assert (arms["low_pct"] <= arms["pct"]).all() and (arms["pct"] <= arms["high_pct"]).all()
    events = data.load("adverse_events_trials")
    with pytest.raises(ValueError, match="Dissociation"):
        cmp.dissociation_by_arm(events[events["event"] != "Dissociation"], data.load("adverse_events_label"))


def test_rates_with_ci_and_value_list():
    rates = cmp.rates_with_ci(pd.DataFrame({"events": [0, 5], "n": [10, 10]}))
    assert list(rates["pct"]) == [0.0, 50.0] and rates["low_pct"][0] == 0.0
    text = cmp.value_list({"noninferiority_margins": data.load("noninferiority_margins")})
    assert "margin_pct_points = -10" in text and "anand2023" in text
    with pytest.raises(ValueError, match="tables"):
        cmp.value_list({"history": data.load("history")})


def test_reported_differences_take_the_trials_own_interval():
    trials, effects = data.load("head_to_head_trials"), data.load("head_to_head_effects")
    reported = cmp.reported_differences(trials, effects)
    assert list(reported["trial"]) == ["KetECT"]
    row, effect = reported.iloc[0], effects.set_index("trial").loc["KetECT"]
    assert (row["rd_pp"], row["rd_low_pp"], row["rd_high_pp"]) == (effect["value"], effect["ci_low"],
                                                                 effect["ci_high"])
    assert row["number_needed"].value == pytest.approx(100 / abs(effect["value"]))
    assert row["nn_text"].endswith("for the comparator") and math.isnan(row["events_ketamine"])
    assert cmp.reported_differences(trials, effects[effects["trial"] != "KetECT"]).empty
