"""helpers.figures.compared_with_what: forest plot, margin chart, dissociation chart, arm styles."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import pytest

from helpers import data
from helpers.analysis import comparisons as cmp
from helpers.figures import compared_with_what as plots
from helpers.figures import style

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def benefit():
    diffs = cmp.head_to_head_differences(data.load("head_to_head_trials"))
    return diffs[diffs["outcome_kind"] == "benefit"].reset_index(drop=True)


@pytest.mark.parametrize(("arm", "key"), [
    ("extended-release quetiapine + SSRI/SNRI", "quetiapine_xr"), ("ECT", "ect"),
    ("Electroconvulsive therapy", "ect"), ("IV racemic ketamine", "antidepressant_infusion"),
    ("esketamine nasal spray + SSRI/SNRI", "ketamine_other_dose"), ("placebo + oral AD", "placebo"),
    ("midazolam (active placebo)", "midazolam"),
])
def test_arm_style_key_reads_the_arm(arm, key):
    assert plots.arm_style_key(arm) == key and key in style.ARM_STYLES


@pytest.mark.parametrize("bad", ["selection of a project", "", 3])
def test_arm_style_key_refuses_unknown_arms(bad):
    with pytest.raises(ValueError, match="arm"):
        plots.arm_style_key(bad)


def test_forest_plot_writes_an_nnt_beside_every_difference(benefit):
    fig = plots.plot_head_to_head(benefit, title="t")
    left, right = fig.axes
    nnts = [t.get_text() for t in right.texts if t.get_text().startswith("NNT")]
    assert len(nnts) == len(benefit) and all("95 % CI" in t for t in nnts)
    assert left.get_yticklabels()[0].get_text().startswith("ESCAPE-TRD")
    assert left.get_xlim() == (0.0, 100.0) and right.get_xlim()[0] < 0 < right.get_xlim()[1]
    plt.close(fig)
    with pytest.raises(ValueError, match="diffs"):
        plots.plot_head_to_head(benefit.iloc[:0], title="t")


def test_margin_chart_shades_beyond_the_margin_and_labels_both_lines():
    fig = plots.plot_margin((14.0, 4.0, 24.0), -10.0, computed=(14.0, 3.5, 24.5), title="t")
    ax = fig.axes[0]
    texts = {t.get_text() for t in ax.texts}
    assert {"margin -10", "no difference"} <= texts
    assert ax.get_xlim()[0] < -10.0 and len(ax.get_yticklabels()) == 2
    plt.close(fig)


@pytest.mark.parametrize(("args", "match"), [
    (((14.0, 4.0, 24.0), 0.0), "margin"), (((14.0, 15.0, 24.0), -10.0), "interval"),
    (((14.0, 4.0), -10.0), "difference, low, high"),
])
def test_margin_chart_refuses_bad_input(args, match):
    with pytest.raises(ValueError, match=match):
        plots.plot_margin(*args, title="t")


def test_dissociation_chart_keeps_notebook_04s_arm_styles():
    arms = cmp.dissociation_by_arm(data.load("adverse_events_trials"), data.load("adverse_events_label"))
    fig = plots.plot_dissociation(arms, title="t")
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0].startswith("Label") and any("142/346" in t for t in labels)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "esketamine 56 mg (filled)" in legend and "placebo (open)" in legend
    plt.close(fig)
    with pytest.raises(ValueError, match="role"):
        plots.plot_dissociation(arms.assign(role="drugs"), title="t")
