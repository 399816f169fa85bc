"""STAR*D: cumulative remission (science.stats), remitters by level (analysis.claims) and its chart."""

from __future__ import annotations

import math

import matplotlib
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import data
from helpers.analysis import claims as cl
from helpers.figures import reading_health_claims as claim_figs
from helpers.science.stats import cumulative_remission_pct

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return data.load("claims")


# --- STAR*D -----------------------------------------------------------------------------------------
def test_cumulative_remission_known_values():
    assert cumulative_remission_pct([50, 50]) == pytest.approx(75.0)
    assert cumulative_remission_pct([0, 0, 0]) == 0.0
    assert cumulative_remission_pct([100, 0]) == 100.0
    assert cumulative_remission_pct([36.8]) == pytest.approx(36.8)


@pytest.mark.parametrize("bad", [[], [-1.0], [101.0], [math.nan], [math.inf], "36.8%", [[10, 20]], 5.0])
def test_cumulative_remission_rejects_bad_rates(bad):
    with pytest.raises(ValueError, match="remission_pct"):
        cumulative_remission_pct(bad)


@settings(max_examples=60)
@given(st.lists(st.floats(min_value=0, max_value=100), min_size=1, max_size=6),
       st.floats(min_value=0, max_value=100))
def test_cumulative_remission_never_falls_with_another_level(rates, extra):
    before = cumulative_remission_pct(rates)
    after = cumulative_remission_pct([*rates, extra])
    assert max(rates) - 1e-9 <= before <= 100 + 1e-9
    assert after >= before - 1e-9


def test_remitters_by_level(levels):
    counts = cl.remitters_by_level(levels)
    assert counts.index.tolist() == [1, 2, 3, 4]
    assert counts[1] == round(0.368 * 3671)
    assert (counts.to_numpy() <= levels["n_entered"].to_numpy()).all()


@pytest.mark.parametrize("bad", [
    pd.DataFrame({"level": [], "n_entered": [], "remission_pct": []}),
    pd.DataFrame({"level": [1], "n_entered": [10]}),
    pd.DataFrame({"level": [1], "n_entered": [10], "remission_pct": [120.0]}),
    pd.DataFrame({"level": [1], "n_entered": [-5], "remission_pct": [10.0]}),
])
def test_remitters_by_level_rejects_bad_tables(bad):
    with pytest.raises(ValueError):
        cl.remitters_by_level(bad)


def test_remission_intervals_wilson_on_reconstructed_counts(levels):
    table = cl.remission_intervals(levels)
    assert table["level"].tolist() == [1, 2, 3, 4]
    assert table["remitters"].tolist() == cl.remitters_by_level(levels).tolist()
    assert (table["low_pct"] < table["remission_pct"]).all()
    assert (table["remission_pct"] < table["high_pct"]).all()
    level4 = table.iloc[-1]
    assert level4["remitters"] == 14
    assert (level4["low_pct"], level4["high_pct"]) == pytest.approx((7.81, 20.41), abs=0.01)
    widths = table["high_pct"] - table["low_pct"]
    assert widths.iloc[-1] == widths.max()  # the smallest level is the least precise
    wider = cl.remission_intervals(levels, level=0.99)
    assert (wider["high_pct"] > table["high_pct"]).all()


@pytest.mark.parametrize("bad_level", [0, 1, 1.5, -0.1, "95%"])
def test_remission_intervals_reject_bad_levels(levels, bad_level):
    with pytest.raises(ValueError, match="level"):
        cl.remission_intervals(levels, level=bad_level)


def test_remission_intervals_reject_bad_tables():
    with pytest.raises(ValueError, match="levels"):
        cl.remission_intervals(pd.DataFrame({"level": [1], "n_entered": [10]}))
    with pytest.raises(ValueError, match="levels"):
        cl.remission_intervals(pd.DataFrame({"level": [], "n_entered": [], "remission_pct": []}))


def test_plot_stard_one_bar_per_level_with_intervals(levels):
    fig = claim_figs.plot_stard(levels, title="Fewer remissions at each level")
    ax = fig.axes[0]
    bars = [p for p in ax.patches if p.get_height() > 0]
    assert [round(p.get_height(), 1) for p in bars] == levels["remission_pct"].tolist()
    assert {p.get_hatch() for p in bars} == {None}  # one fill: the level is on the axis
    assert len({tuple(p.get_facecolor()) for p in bars}) == 1
    assert "3,671 entered" in ax.get_xticklabels()[0].get_text()
    assert "QIDS-SR" in ax.get_ylabel() and "(%)" in ax.get_ylabel()
    assert "95% Wilson interval" in [t.get_text() for t in ax.get_legend().get_texts()]
    caps = [line for line in ax.get_lines() if line.get_marker() == "_"]
    assert caps  # the interval caps are drawn
    matplotlib.pyplot.close(fig)
    with pytest.raises(ValueError, match="title"):
        claim_figs.plot_stard(levels, title="")
    with pytest.raises(ValueError, match="levels"):
        claim_figs.plot_stard(levels.iloc[0:0], title="t")
