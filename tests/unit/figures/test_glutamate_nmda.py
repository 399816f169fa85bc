"""helpers.figures.glutamate_nmda: notebook 01's charts."""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
import pytest

from helpers import data
from helpers.figures.glutamate_nmda import (
    STRENGTH_STYLE,
    TIME_SCALES,
    plot_affinity,
    plot_cascade,
    plot_mg_block,
    plot_occupancy,
)
from helpers.science.receptor import (
    mg_unblocked_fraction,
)

matplotlib.use("Agg")



# --- figures --------------------------------------------------------------------------------------

def _line_data(fig):
    return [line for line in fig.axes[0].get_lines() if len(line.get_xdata()) > 1]


def test_mg_block_figure_draws_one_distinct_curve_per_level():
    fig = plot_mg_block([0.1, 1.0, 10.0])
    curves = _line_data(fig)
    assert len(curves) == 3
    assert len({(c.get_linestyle(), c.get_marker()) for c in curves}) == 3  # not colour alone
    x, y = curves[1].get_data()
    assert np.allclose(y, 100 * mg_unblocked_fraction(x, 1.0))
    assert fig.axes[0].get_xlabel() == "Membrane potential (mV)"
    matplotlib.pyplot.close(fig)


def test_mg_block_figure_marks_the_chosen_potential():
    fig = plot_mg_block([1.0], highlight_v_mv=-70.0)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts == [f"{100 * mg_unblocked_fraction(-70.0, 1.0):.0f}%"]
    matplotlib.pyplot.close(fig)


@pytest.mark.parametrize(
    ("args", "kwargs", "name"),
    [
        (([],), {}, "mg_levels_mm"),
        (([1.0] * 8,), {}, "mg_levels_mm"),
        (([0.0],), {}, "mg_levels_mm"),
        (([float("nan")],), {}, "mg_levels_mm"),
        (("1.0",), {}, "mg_levels_mm"),
        (([1.0],), {"highlight_v_mv": 80.0}, "highlight_v_mv"),
        (([1.0],), {"highlight_v_mv": float("nan")}, "highlight_v_mv"),
        (([1.0],), {"v_range_mv": (40.0, -100.0)}, "v_range_mv"),
        (([1.0],), {"v_range_mv": (-300.0, 0.0)}, "v_range_mv"),
        (([1.0],), {"v_range_mv": -100.0}, "v_range_mv"),
        (([1.0],), {"title": ""}, "title"),
    ],
)
def test_mg_block_figure_rejects_bad_input(args, kwargs, name):
    with pytest.raises(ValueError, match=f"^{name}"):
        plot_mg_block(*args, **kwargs)


def test_affinity_figure_uses_every_row_on_a_log_axis():
    table = data.load("nmda_affinity")
    fig = plot_affinity(table, title="Affinity depends on the enantiomer and on the assay")
    ax = fig.axes[0]
    assert ax.get_xscale() == "log"
    plotted = sorted(float(x) for line in ax.get_lines() for x in line.get_xdata())
    assert plotted == sorted(table["ki_um"].astype(float))
    assert len(ax.get_yticklabels()) == len(table)
    matplotlib.pyplot.close(fig)


@pytest.mark.parametrize(
    ("table", "title", "match"),
    [
        ("not a table", "t", "table"),
        (pd.DataFrame({"compound": ["x"], "target": ["y"], "ki_um": [1.0]}), "t", "table: missing"),
        (pd.DataFrame(columns=["compound", "target", "ki_um", "source_id"]), "t",
         "table: the table is empty"),
        (pd.DataFrame({"compound": ["x"], "target": ["y"], "ki_um": [0.0], "source_id": ["a"]}), "t",
         "table: ki_um"),
        (pd.DataFrame({"compound": ["x"], "target": ["y"], "ki_um": [-1.0], "source_id": ["a"]}), "t",
         "table: ki_um"),
        (pd.DataFrame({"compound": ["x"], "target": ["y"], "ki_um": [np.nan], "source_id": ["a"]}), "t",
         "table: ki_um"),
        (pd.DataFrame({"compound": ["x"], "target": ["y"], "ki_um": [1.0], "source_id": ["a"]}), None,
         "title"),
    ],
)
def test_affinity_figure_rejects_bad_input(table, title, match):
    with pytest.raises(ValueError, match=f"^{match}"):
        plot_affinity(table, title=title)


def test_occupancy_figure_curves_follow_the_single_site_model():
    fig = plot_occupancy({"S": 0.3, "R": 1.4}, [("peak", 0.78, 0.78), ("band", 5.0, 10.0)], title="t")
    curves = [line for line in _line_data(fig) if line.get_xdata()[0] != line.get_xdata()[-1]]
    assert len(curves) == 2
    x, y = curves[0].get_data()
    assert np.allclose(y, 100 * x / (x + 0.3))
    assert fig.axes[0].get_xscale() == "log"
    matplotlib.pyplot.close(fig)


@pytest.mark.parametrize(
    ("ki", "bands", "kwargs", "name"),
    [
        ({}, [], {}, "ki_um"),
        ({"S": 0.0}, [], {}, "ki_um"),
        ({"S": float("nan")}, [], {}, "ki_um"),
        ({"S": 0.3}, [("b", 2.0, 1.0)], {}, "bands_um"),
        ({"S": 0.3}, [("b", -1.0, 1.0)], {}, "bands_um"),
        ({"S": 0.3}, [("b", 1.0)], {}, "bands_um"),
        ({"S": 0.3}, [("b", 1.0, 2.0)] * 5, {}, "bands_um"),
        ({"S": 0.3}, [], {"conc_range_um": (10.0, 1.0)}, "conc_range_um"),
        ({"S": 0.3}, [], {"conc_range_um": (0.0, 1.0)}, "conc_range_um"),
        ({"S": 0.3}, [], {"title": "  "}, "title"),
    ],
)
def test_occupancy_figure_rejects_bad_input(ki, bands, kwargs, name):
    kwargs = {"title": "t", **kwargs}
    with pytest.raises(ValueError, match=f"^{name}"):
        plot_occupancy(ki, bands, **kwargs)


def test_cascade_figure_places_each_step_at_its_time_scale():
    cascade = data.load("mechanism_cascade")
    fig = plot_cascade(cascade, title="t")
    ax = fig.axes[0]
    points = [line for line in ax.get_lines() if len(line.get_xdata()) == 1]
    assert len(points) == len(cascade)
    ordered = cascade.sort_values("step")
    xs = [float(p.get_xdata()[0]) for p in points]
    assert xs == [float(TIME_SCALES.index(s)) for s in ordered["time_scale"]]
    markers = [p.get_marker() for p in points]
    assert markers == [STRENGTH_STYLE[s]["marker"] for s in ordered["strength"]]
    matplotlib.pyplot.close(fig)


@pytest.mark.parametrize(
    ("change", "kwargs", "match"),
    [
        ({"time_scale": "years"}, {}, "cascade: unknown time_scale"),
        ({"strength": "strong"}, {}, "cascade: unknown strength"),
        ({"species": "plant"}, {}, "cascade: unknown species"),
        ({"time_basis": "guessed"}, {}, "cascade: unknown time_basis"),
        ({}, {"wrap": 5}, "wrap"),
        ({}, {"title": None}, "title"),
    ],
)
def test_cascade_figure_rejects_bad_input(change, kwargs, match):
    cascade = data.load("mechanism_cascade")
    for column, value in change.items():
        cascade.loc[0, column] = value
    kwargs = {"title": "t", **kwargs}
    with pytest.raises(ValueError, match=f"^{match}"):
        plot_cascade(cascade, **kwargs)


def test_cascade_figure_needs_its_columns():
    with pytest.raises(ValueError, match=r"^cascade: missing"):
        plot_cascade(pd.DataFrame({"step": [1]}), title="t")
