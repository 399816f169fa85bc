"""The adverse-event tables (notebooks 04, 05) agree with themselves and with their sources' counts."""

from __future__ import annotations

import matplotlib
import pandas as pd

from helpers import data

matplotlib.use("Agg")


def _table(e1=142, n1=346, e0=21, n0=222, event="Dissociation") -> pd.DataFrame:
    return pd.DataFrame({"event": [event], "events_esketamine": [e1], "n_esketamine": [n1],
                         "events_placebo": [e0], "n_placebo": [n0]})


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
