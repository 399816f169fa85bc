"""Notebook 07's tables: the values read in their sources, the answer key that uses them, the evidence map's
coverage and the registry behind its regulatory status."""

from __future__ import annotations

import pytest

from helpers import data
from helpers.analysis import comparisons as cmp
from helpers.exercises.answers import compared_with_what as key
from helpers.science.stats import noninferiority


@pytest.fixture(scope="module")
def trials():
    return data.load("head_to_head_trials").set_index(["trial", "outcome", "arm_role"]).sort_index()


def test_head_to_head_tables_hold_the_values_read_in_their_sources(trials):
    escape = trials.loc[("ESCAPE-TRD", "remission")]
    for role, arm in (("ketamine", "esketamine"), ("comparator", "quetiapine")):
        assert escape.loc[role, ["events", "n_analysed"]].tolist() == list(key.ESCAPE_REMISSION[arm])
    elektd = data.load("head_to_head_effects").set_index("trial").loc["ELEKT-D"]
    assert (elektd["ci_low"], elektd["ci_high"]) == key.ELEKTD_INTERVAL_PP
    margin = data.load("noninferiority_margins").set_index("trial").loc["ELEKT-D", "margin_pct_points"]
    assert margin == key.ELEKTD_MARGIN_PP
    reading = noninferiority(elektd["ci_low"], elektd["ci_high"], margin)
    assert key.ANSWERS["07.elektd_reading"].value == reading


def test_percentages_match_the_counts(trials):
    counted = trials.dropna(subset=["events", "n_analysed"])
    pct = 100 * counted["events"] / counted["n_analysed"]
    assert ((pct - counted["pct"]).abs() < 0.06).all()


def test_the_answer_key_of_check_07_5_uses_aspire_ii():
    rows = data.load("adverse_events_trials")
    aspire = rows[(rows["trial"] == "ASPIRE II") & (rows["event"] == "Dissociation")
                  & (rows["arm_type"] == "esketamine")].iloc[0]
    assert (aspire["events"], aspire["n"]) == key.ASPIRE_DISSOCIATION


def test_ptsd_shows_the_positive_civilian_and_the_negative_veterans_trial():
    evidence = data.load("evidence_map").set_index("source_id")
    assert evidence.loc["feder2021", "primary_outcome_met"] == "yes"
    assert "midazolam" in evidence.loc["feder2021", "comparator"]
    assert evidence.loc["abdallah2022", "primary_outcome_met"] == "no"
    assert "veterans" in evidence.loc["abdallah2022", "condition"]


def test_the_map_covers_every_use_the_popular_articles_name():
    conditions = " ".join(data.load("evidence_map")["condition"]).lower()
    for use in ("treatment-resistant depression", "suicidal", "ptsd", "anxiety", "chronic pain"):
        assert use in conditions, use


def test_every_regulatory_source_is_registered_and_every_row_graded():
    evidence = data.load("evidence_map")
    known = set(data.load("sources")["id"])
    for cell in evidence["regulatory_source_id"]:
        assert set(data.split_ids(cell)) <= known, cell
    graded = cmp.evidence_grades(evidence, data.load("evidence_hierarchy"))
    assert graded["grade"].str.startswith(("tier", "no randomised")).all()


def test_the_pooled_aspire_analysis_is_graded_with_its_rcts_as_check_07_4_answers():
    evidence = data.load("evidence_map").set_index("source_id")
    hierarchy = data.load("evidence_hierarchy")
    graded = cmp.evidence_grades(evidence.reset_index(), hierarchy).set_index("source_id")
    assert graded.loc["canuso2021", "tier"] == key.POOLED_TIER == key.ANSWERS["07.pooled_tier"].value
    assert evidence.loc["canuso2021", "primary_outcome_met"] == "not applicable"
