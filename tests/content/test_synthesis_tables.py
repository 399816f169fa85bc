"""Notebook 05's tables (legal status, therapy versus non-medical use)."""

from __future__ import annotations

import math

import pandas as pd
from hypothesis import strategies as st

from helpers import data
from helpers.analysis.bands import side_by_side

BAD_NUMBERS = [-1.0, math.nan, math.inf, -math.inf, "185", None, True]
conc = st.floats(min_value=0.0, max_value=1e5, allow_nan=False, allow_infinity=False)


# --- the notebook's tables -----------------------------------------------------------------------
def test_legal_status_table():
    legal = data.load("legal_status")
    dated = legal.dropna(subset=["date"]).set_index("date")
    assert dated.loc["1999-08-12", "status"] == "Schedule III"
    assert dated.loc["2014-06-10", "status"] == "Class B"
    assert dated.loc["2019-03-05", "jurisdiction"] == "US"
    us = legal[legal["jurisdiction"] == "US"]
    assert us["instrument"].str.contains("64 FR 37673").any()
    assert (legal["year"] == pd.to_datetime(legal["date"]).dt.year.fillna(legal["year"])).all()


def test_therapy_vs_nonmedical_table_has_every_aspect():
    table = data.load("therapy_vs_nonmedical")
    assert {"product", "setting", "monitoring", "frequency", "concentration", "purpose"} <= set(
        table["characteristic"])
    assert side_by_side(table).shape == (len(table), 3)


def test_abuse_potential_table():
    table = data.load("abuse_potential")
    assert set(table["n_participants"]) == {34}
    active = table[table["drug_liking_vs_placebo"] == "higher"]
    assert sorted(active["dose_mg"].dropna()) == [84.0, 112.0]
    assert active["dose_mg_per_kg"].dropna().tolist() == [0.5]
