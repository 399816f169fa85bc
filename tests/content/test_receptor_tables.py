"""The data tables of notebook 01 agree with their sources."""

from __future__ import annotations

import matplotlib
from hypothesis import strategies as st

from helpers import data

matplotlib.use("Agg")

potentials = st.floats(min_value=-200, max_value=200, allow_nan=False)
magnesium = st.floats(min_value=0, max_value=100, allow_nan=False)
positive_mg = st.floats(min_value=1e-3, max_value=100, allow_nan=False)


# --- data tables of notebook 01 ------------------------------------------------------------------

def test_notebook_01_tables_hold_the_values_read_in_their_sources():
    ki = data.load("nmda_affinity").set_index(["compound", "target", "source_id"])["ki_um"]
    assert ki[("(S)-ketamine", "NMDA receptor", "ebert1997")] == 0.3
    assert ki[("(R)-ketamine", "NMDA receptor", "ebert1997")] == 1.4
    assert ki[("(S)-norketamine", "NMDA receptor", "ebert1997")] == 1.7
    assert ki[("(R)-norketamine", "NMDA receptor", "ebert1997")] == 13
    assert ki[("racemic ketamine", "NMDA receptor", "seeman2005")] == 3.1
    bands = data.load("concentration_bands").set_index(["effect", "dose_context"])
    peak = bands.loc[("antidepressant_infusion_peak", "IV 0.5 mg/kg over 40 min")]
    assert (peak["low_ng_per_ml"], peak["high_ng_per_ml"]) == (185, 185)
    anaesthesia = bands.loc[("anaesthesia", "IV 1.0-2 mg/kg")]
    assert (anaesthesia["low_ng_per_ml"], anaesthesia["high_ng_per_ml"]) == (1200, 2400)
    assert bands.loc[bands["source_id"] == "zanos2018", "notes"].str.startswith("Secondary").all()
