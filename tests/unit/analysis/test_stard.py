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


def test_plot_stard_one_bar_per_level(levels):
    fig = claim_figs.plot_stard(levels, title="Fewer remissions at each level")
    ax = fig.axes[0]
    assert [round(p.get_height(), 1) for p in ax.patches] == levels["remission_pct"].tolist()
    assert len({p.get_hatch() for p in ax.patches}) == len(levels)
    assert "n = 3,671" in ax.get_xticklabels()[0].get_text()
    matplotlib.pyplot.close(fig)
    with pytest.raises(ValueError, match="title"):
        claim_figs.plot_stard(levels, title="")
    with pytest.raises(ValueError, match="levels"):
        claim_figs.plot_stard(levels.iloc[0:0], title="t")
