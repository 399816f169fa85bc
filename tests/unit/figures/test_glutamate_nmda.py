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
    author_year,
    cascade_title,
    plot_affinity,
    plot_cascade,
    plot_mg_block,
    plot_occupancy,
)
from helpers.figures.style import ARM_STYLES
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


def test_mg_block_figure_draws_model_curves_without_markers_labelled_model():
    fig = plot_mg_block([0.1, 1.0])
    curves = _line_data(fig)
    assert [c.get_marker() for c in curves] == ["None", "None"]
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["model, 0.1 mM Mg²⁺",
                                                                            "model, 1 mM Mg²⁺"]
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
    assert all(ax.get_xscale() == "log" for ax in fig.axes)
    plotted = sorted(float(x) for ax in fig.axes for line in ax.get_lines() for x in line.get_xdata())
    assert plotted == sorted(table["ki_um"].astype(float))
    assert sum(len(ax.get_yticklabels()) for ax in fig.axes) == len(table)
    matplotlib.pyplot.close(fig)


def test_affinity_figure_puts_the_main_target_in_its_own_panel_and_names_sources_by_author():
    table = data.load("nmda_affinity")
    fig = plot_affinity(table, title="t", contested_targets=["dopamine D2 (high-affinity state)"])
    top, bottom = fig.axes
    assert top.get_title(loc="left") == "NMDA receptor"
    assert len(top.get_yticklabels()) == int((table["target"] == "NMDA receptor").sum())
    assert bottom.get_title(loc="left").startswith("Other targets")
    legend = [t.get_text() for t in top.get_legend().get_texts()]
    assert legend == ["Ebert et al. 1997", "Kapur & Seeman 2002", "Seeman et al. 2005"]
    grey = [t.get_text() for t in bottom.texts if "contested" in t.get_text()]
    assert len(grey) == int((table["target"] == "dopamine D2 (high-affinity state)").sum())
    matplotlib.pyplot.close(fig)


def test_affinity_figure_with_only_the_main_target_has_one_panel():
    table = data.load("nmda_affinity")
    fig = plot_affinity(table[table["target"] == "NMDA receptor"], title="t")
    assert len(fig.axes) == 1
    matplotlib.pyplot.close(fig)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"main_target": "glycine site"}, "main_target"),
        ({"contested_targets": ["no such target"]}, "contested_targets"),
        ({"contested_targets": ["NMDA receptor"]}, "contested_targets"),
        ({"contested_targets": "dopamine D2 (high-affinity state)"}, "contested_targets"),
    ],
)
def test_affinity_figure_rejects_bad_targets(kwargs, name):
    with pytest.raises(ValueError, match=f"^{name}"):
        plot_affinity(data.load("nmda_affinity"), title="t", **kwargs)


def test_affinity_figure_rejects_an_unregistered_source():
    table = pd.DataFrame({"compound": ["x"], "target": ["y"], "ki_um": [1.0], "source_id": ["nobody1900"]})
    with pytest.raises(ValueError, match=r"^table: every source_id"):
        plot_affinity(table, title="t", main_target="y")


@pytest.mark.parametrize(
    ("source_id", "expected"),
    [("ebert1997", "Ebert et al. 1997"), ("kapur2002", "Kapur & Seeman 2002"),
     ("seeman2005", "Seeman et al. 2005"), ("zanos2018b", "Zanos & Gould 2018")],
)
def test_author_year_names_sources_as_readers_do(source_id, expected):
    assert author_year(source_id) == expected


@pytest.mark.parametrize("bad", ["nobody1900", "", None, 1997])
def test_author_year_rejects_unknown_sources(bad):
    with pytest.raises(ValueError, match=r"^(source_id|ids)"):
        author_year(bad)


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


def test_occupancy_figure_draws_model_curves_without_markers_and_regimens_in_their_colour():
    fig = plot_occupancy({"S": 0.3, "R": 1.4}, [("peak", 0.39, 0.39), ("band", 2.5, 5.0)], title="t",
                         band_arms={"peak": "antidepressant_infusion"})
    lines = fig.axes[0].get_lines()
    curves = [line for line in lines if line.get_xdata()[0] != line.get_xdata()[-1]]
    assert [c.get_marker() for c in curves] == ["None", "None"]
    assert all("model" in c.get_label() for c in curves)
    [peak] = [line for line in lines if line.get_xdata()[0] == line.get_xdata()[-1]]
    assert peak.get_color() == ARM_STYLES["antidepressant_infusion"].color
    matplotlib.pyplot.close(fig)


@pytest.mark.parametrize(
    ("band_arms", "match"),
    [("antidepressant_infusion", "band_arms: give a mapping"),
     ({"no such band": "antidepressant_infusion"}, "band_arms: no band"),
     ({"peak": "no_such_regimen"}, "band_arms: unknown regimen")],
)
def test_occupancy_figure_rejects_bad_band_arms(band_arms, match):
    with pytest.raises(ValueError, match=f"^{match}"):
        plot_occupancy({"S": 0.3}, [("peak", 0.39, 0.39)], title="t", band_arms=band_arms)


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


def test_cascade_labels_keep_only_the_step_and_name_the_animal_beside_it():
    cascade = data.load("mechanism_cascade")
    fig = plot_cascade(cascade, title="t")
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert not any("[" in label for label in labels)
    beside = sorted(t.get_text() for t in ax.texts)
    assert beside == sorted(m.replace("; ", " and ") for m in cascade["model"])
    matplotlib.pyplot.close(fig)


def test_cascade_title_states_what_the_species_column_shows():
    cascade = data.load("mechanism_cascade")
    assert cascade_title(cascade) == "Every step of the cascade rests on rat or mouse experiments"
    monkeys = cascade.assign(model="macaque")
    assert cascade_title(monkeys) == "Every step of the cascade rests on animal experiments"
    one_human = cascade.copy()
    one_human.loc[0, ["species", "model"]] = ["human", "PET"]
    assert cascade_title(one_human) == f"{len(cascade) - 1} of {len(cascade)} steps of the cascade rest on " \
                                       "animal experiments"


def test_cascade_title_rejects_a_bad_table():
    with pytest.raises(ValueError, match=r"^cascade"):
        cascade_title(pd.DataFrame({"step": [1]}))
