"""helpers.figures.style: log axes labelled with plain numbers."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest

from helpers.figures import rendering
from helpers.figures import style as figure_style
from tests.support.synthetic import line_figure


# --- log axes -----------------------------------------------------------------------------------------------
def test_log_scale_labels_decades_with_plain_numbers():
    fig, ax = figure_style.figure()
    ax.plot([0.1, 3000.0], [1, 2])
    figure_style.log_scale(ax, "x")
    ax.set_xlim(0.1, 3000.0)
    fig.canvas.draw()
    labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert {"0.1", "1", "10", "100", "1,000"} <= set(labels)
    assert not any("$" in label for label in labels)
    assert all(not t.get_text() for t in ax.xaxis.get_minorticklabels())
    assert ax.get_xscale() == "log" and ax.get_yscale() == "linear"
    plt.close(fig)


def test_log_scale_y_axis():
    fig, ax = figure_style.figure()
    figure_style.log_scale(ax, "y")
    assert ax.get_yscale() == "log" and ax.get_xscale() == "linear"
    plt.close(fig)


@pytest.mark.parametrize("axis", ["z", "", "xy", None])
def test_log_scale_refuses_an_unknown_axis(axis):
    fig, ax = figure_style.figure()
    with pytest.raises(ValueError, match=r"^axis:"):
        figure_style.log_scale(ax, axis)
    plt.close(fig)


def test_digest_does_not_depend_on_whether_the_figure_was_drawn():
    drawn, fresh = line_figure([0.0, 1.0, 2.0]), line_figure([0.0, 1.0, 2.0])
    drawn.axes[0].set_ylim(-1, 5)
    fresh.axes[0].set_ylim(-1, 5)
    drawn.canvas.draw()  # drawing moves the spines to the view limits
    assert rendering.digest(drawn) == rendering.digest(fresh)


def test_one_style_per_regimen_and_arm() -> None:
    """Every modelled regimen has a course style; no two arms share a colour and marker pair."""
    from helpers.figures import style
    from helpers.science.regimens import REGIMENS

    assert set(REGIMENS) <= set(style.ARM_STYLES)
    pairs = [(s.color, s.marker) for s in style.ARM_STYLES.values()]
    assert len(set(pairs)) == len(pairs)
    assert style.model_style("esketamine_84")["marker"] == "None", "model curves carry no data markers"
    assert style.data_style("esketamine_84")["marker"] == "s"
    with pytest.raises(ValueError, match="key"):
        style.arm_style("esketamine_28")
