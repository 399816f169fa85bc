"""NMDA-receptor Mg²⁺-block model and the notebook-01 figures: values, properties and bad input."""

from __future__ import annotations

import math

import matplotlib
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

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
    MG_K0_MM,
    MG_SLOPE_PER_MV,
    half_unblock_potential_mv,
    mg_blocked_fraction,
    mg_unblocked_fraction,
    woodhull_slope_per_mv,
)

matplotlib.use("Agg")

potentials = st.floats(min_value=-200, max_value=200, allow_nan=False)
magnesium = st.floats(min_value=0, max_value=100, allow_nan=False)
positive_mg = st.floats(min_value=1e-3, max_value=100, allow_nan=False)


# --- model values ---------------------------------------------------------------------------------

def test_unblocked_fraction_by_hand():
    # 1 / (1 + exp(-0.062 V) [Mg] / 3.57), computed by hand for three points
    assert mg_unblocked_fraction(0.0, 1.0) == pytest.approx(1 / (1 + 1 / 3.57))
    assert mg_unblocked_fraction(-70.0, 1.0) == pytest.approx(1 / (1 + math.exp(4.34) / 3.57))
    assert mg_unblocked_fraction(-20.0, 1.0) == pytest.approx(1 / (1 + math.exp(1.24) / 3.57))
    assert mg_blocked_fraction(-70.0, 1.0) == pytest.approx(1 - 1 / (1 + math.exp(4.34) / 3.57))


def test_no_magnesium_means_no_block():
    v = np.linspace(-150, 150, 7)
    assert np.all(mg_unblocked_fraction(v, 0.0) == 1.0)
    assert np.all(mg_blocked_fraction(v, 0.0) == 0.0)


def test_defaults_are_the_documented_constants():
    assert (MG_SLOPE_PER_MV, MG_K0_MM) == (0.062, 3.57)
    assert mg_unblocked_fraction(-40.0, 2.0) == mg_unblocked_fraction(-40.0, 2.0, slope_per_mv=0.062,
                                                                       k0_mm=3.57)
    assert mg_unblocked_fraction(-40.0, 2.0, k0_mm=1.0) < mg_unblocked_fraction(-40.0, 2.0)


def test_arrays_broadcast_and_scalars_stay_scalars():
    out = mg_unblocked_fraction(np.array([-80.0, 0.0, 40.0]), np.array([[0.1], [1.0]]))
    assert out.shape == (2, 3)
    assert isinstance(mg_unblocked_fraction(-60, 1), float)
    assert isinstance(mg_blocked_fraction(-60, 1), float)


def test_half_unblock_potential():
    assert half_unblock_potential_mv(MG_K0_MM) == pytest.approx(0.0, abs=1e-12)
    assert half_unblock_potential_mv(1.0) == pytest.approx(math.log(1 / 3.57) / 0.062)
    assert mg_unblocked_fraction(half_unblock_potential_mv(1.0), 1.0) == pytest.approx(0.5)


def test_woodhull_slope_matches_hand_calculation():
    # z δ F / (R T): 2 × 0.8 × 96485.33212 / (8.314462618 × 295.15) / 1000
    expected = 2 * 0.8 * 96485.33212 / (8.314462618 * 295.15) / 1000
    assert woodhull_slope_per_mv(0.8) == pytest.approx(expected)
    assert woodhull_slope_per_mv(0.8) == pytest.approx(0.0629, abs=5e-5)
    assert woodhull_slope_per_mv(0.8, valence=1) == pytest.approx(expected / 2)


# --- properties -----------------------------------------------------------------------------------

@given(potentials, magnesium)
def test_fraction_is_a_proportion_and_parts_add_up(v, mg):
    unblocked = mg_unblocked_fraction(v, mg)
    assert 0.0 <= unblocked <= 1.0
    assert unblocked + mg_blocked_fraction(v, mg) == pytest.approx(1.0)


@given(potentials, potentials, positive_mg)
def test_depolarisation_never_increases_block(v1, v2, mg):
    low, high = sorted((v1, v2))
    assert mg_unblocked_fraction(high, mg) >= mg_unblocked_fraction(low, mg)


@given(potentials, positive_mg, positive_mg)
def test_more_magnesium_never_decreases_block(v, mg1, mg2):
    low, high = sorted((mg1, mg2))
    assert mg_unblocked_fraction(v, high) <= mg_unblocked_fraction(v, low)


@given(positive_mg, positive_mg)
def test_half_unblock_potential_rises_with_magnesium(mg1, mg2):
    low, high = sorted((mg1, mg2))
    assert half_unblock_potential_mv(high) >= half_unblock_potential_mv(low)


@given(st.floats(min_value=0.01, max_value=1.0), st.floats(min_value=0, max_value=45))
def test_woodhull_slope_is_proportional_to_delta(delta, temp):
    assert woodhull_slope_per_mv(delta, temperature_c=temp) == pytest.approx(
        delta * woodhull_slope_per_mv(1.0, temperature_c=temp))


# --- bad input ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"v_mv": float("nan"), "mg_mm": 1.0}, "v_mv"),
        ({"v_mv": float("inf"), "mg_mm": 1.0}, "v_mv"),
        ({"v_mv": -250.0, "mg_mm": 1.0}, "v_mv"),
        ({"v_mv": 250.0, "mg_mm": 1.0}, "v_mv"),
        ({"v_mv": "minus seventy", "mg_mm": 1.0}, "v_mv"),
        ({"v_mv": -70.0, "mg_mm": -0.1}, "mg_mm"),
        ({"v_mv": -70.0, "mg_mm": float("nan")}, "mg_mm"),
        ({"v_mv": -70.0, "mg_mm": float("inf")}, "mg_mm"),
        ({"v_mv": -70.0, "mg_mm": 101.0}, "mg_mm"),
        ({"v_mv": -70.0, "mg_mm": 1.0, "slope_per_mv": 0.0}, "slope_per_mv"),
        ({"v_mv": -70.0, "mg_mm": 1.0, "slope_per_mv": -0.062}, "slope_per_mv"),
        ({"v_mv": -70.0, "mg_mm": 1.0, "slope_per_mv": 2.0}, "slope_per_mv"),
        ({"v_mv": -70.0, "mg_mm": 1.0, "k0_mm": 0.0}, "k0_mm"),
        ({"v_mv": -70.0, "mg_mm": 1.0, "k0_mm": float("nan")}, "k0_mm"),
        ({"v_mv": -70.0, "mg_mm": 1.0, "k0_mm": True}, "k0_mm"),
        ({"v_mv": [-70.0, -60.0], "mg_mm": [1.0, 2.0, 3.0]}, "v_mv, mg_mm"),
    ],
)
def test_unblocked_fraction_rejects_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=f"^{name}"):
        mg_unblocked_fraction(**kwargs)
    with pytest.raises(ValueError, match=f"^{name}"):
        mg_blocked_fraction(**kwargs)


@pytest.mark.parametrize(
    ("args", "kwargs", "name"),
    [
        ((0.0,), {}, "mg_mm"),
        ((-1.0,), {}, "mg_mm"),
        ((float("nan"),), {}, "mg_mm"),
        ((200.0,), {}, "mg_mm"),
        ((1.0,), {"slope_per_mv": 0.0}, "slope_per_mv"),
        ((1.0,), {"k0_mm": -3.57}, "k0_mm"),
    ],
)
def test_half_unblock_potential_rejects_bad_input(args, kwargs, name):
    with pytest.raises(ValueError, match=f"^{name}"):
        half_unblock_potential_mv(*args, **kwargs)


@pytest.mark.parametrize(
    ("args", "kwargs", "name"),
    [
        ((0.0,), {}, "delta"),
        ((1.5,), {}, "delta"),
        ((float("nan"),), {}, "delta"),
        ((0.8,), {"valence": 0}, "valence"),
        ((0.8,), {"valence": 2.0}, "valence"),
        ((0.8,), {"valence": True}, "valence"),
        ((0.8,), {"temperature_c": -5.0}, "temperature_c"),
        ((0.8,), {"temperature_c": float("inf")}, "temperature_c"),
    ],
)
def test_woodhull_slope_rejects_bad_input(args, kwargs, name):
    with pytest.raises(ValueError, match=f"^{name}"):
        woodhull_slope_per_mv(*args, **kwargs)


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
