"""Unit tests of helpers.pk_plots: the charts of the illustrative PK model (notebooks 02 and 05)."""

from __future__ import annotations

import math

import matplotlib
import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers import data
from helpers.analysis.pk import REGIMENS, simulate
from helpers.figures import dose_concentration_effect as pk_plots

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def sims():
    return [simulate(r, t_end_min=240) for r in REGIMENS.values()]


def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def test_curves_over_bands_draws_every_curve_and_band(bands, sims):
    fig = pk_plots.plot_curves_over_bands(sims, bands, title="A finding")
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == "A finding"
    assert len(ax.get_lines()) >= len(sims)
    assert ax.get_yscale() == "log"
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == [r.label for r in REGIMENS.values()]
    texts = " ".join(_texts(fig))
    for effect in pk_plots.BAND_EFFECTS:
        assert pk_plots.BAND_STYLE[effect]["label"] in texts
    assert "(ng/mL" in ax.get_ylabel() and "(min)" in ax.get_xlabel()
    styles = {(tuple(line.get_color()) if not isinstance(line.get_color(), str) else line.get_color(),
               line.get_marker()) for line in ax.get_lines()[-len(sims):]}
    assert len(styles) == len(sims)  # colour and marker differ for each curve


@pytest.mark.parametrize(("kwargs", "name"), [
    ({"effects": ("telepathy",)}, "effects"),
    ({"t_max_min": 0}, "t_max_min"),
    ({"t_max_min": math.nan}, "t_max_min"),
    ({"y_range_ng_per_ml": (100.0, 10.0)}, "y_range_ng_per_ml"),
    ({"y_range_ng_per_ml": (-1.0, 10.0)}, "y_range_ng_per_ml"),
    ({"labels": ["only one"]}, "labels"),
])
def test_curves_over_bands_refuses_bad_arguments(bands, sims, kwargs, name):
    with pytest.raises(ValueError, match=name):
        pk_plots.plot_curves_over_bands(sims, bands, title="t", **kwargs)


def test_curves_over_bands_refuses_bad_inputs(bands, sims):
    with pytest.raises(ValueError, match="sims"):
        pk_plots.plot_curves_over_bands([], bands, title="t")
    with pytest.raises(ValueError, match="sims"):
        pk_plots.plot_curves_over_bands(["curve"], bands, title="t")
    with pytest.raises(ValueError, match="bands"):
        pk_plots.plot_curves_over_bands(sims, bands.drop(columns="effect"), title="t")
    with pytest.raises(ValueError, match="bands"):
        pk_plots.plot_curves_over_bands(sims, bands[bands["effect"] != "dissociation"], title="t")
    with pytest.raises(ValueError, match="bands"):
        pk_plots.plot_curves_over_bands(sims, "bands", title="t")


def test_explorer_offers_only_clinical_regimens():
    assert set(pk_plots.EXPLORER_REGIMENS) == {"ketamine_iv_0.1", "ketamine_iv_0.2", "ketamine_iv_0.5",
                                               "ketamine_iv_1", "esketamine_56", "esketamine_84"}
    for regimen in pk_plots.EXPLORER_REGIMENS.values():
        for dose in regimen.doses:
            if regimen.drug == "racemic":  # the infusions of the dose-ranging trial (fava2018)
                assert dose.route == "iv" and dose.duration_min == 40 and dose.amount <= 1.0
            else:  # the label's 28-mg devices
                assert dose.route == "esketamine_nasal" and dose.amount == 28 and dose.unit == "mg"
    assert [key for _, key in pk_plots.explorer_choices()] == list(pk_plots.EXPLORER_REGIMENS)


@pytest.mark.parametrize("bad", ["iv", "racemic_nasal", "sublingual", "ketamine_iv_2", 0.5, None])
def test_explorer_refuses_any_other_regimen(bands, bad):
    with pytest.raises(ValueError, match="regimen"):
        pk_plots.explorer_regimen(bad)
    with pytest.raises(ValueError, match="regimen"):
        pk_plots.plot_dose_explorer(bad, bands=bands)


def test_dose_explorer_default_state(bands):
    fig = pk_plots.plot_dose_explorer(bands=bands)
    title = fig.axes[0].get_title(loc="left")
    assert "185" in title and "35 mg for 70 kg" in title
    assert len(fig.axes[0].get_lines()) - len(pk_plots.BAND_EFFECTS) < 2, "the reference is not drawn twice"


def test_dose_explorer_draws_the_reference_beside_another_regimen(bands):
    fig = pk_plots.plot_dose_explorer("esketamine_56", bands=bands)
    lines = {line.get_label() for line in fig.axes[0].get_lines()}
    assert "Reference: 0.5 mg/kg IV over 40 min (model)" in lines
    assert "Esketamine 56 mg nasal (illustrative model)" in lines


def test_dose_explorer_weight_changes_total_not_concentration(bands):
    light = pk_plots.plot_dose_explorer(weight_kg=50, bands=bands).axes[0].get_title(loc="left")
    heavy = pk_plots.plot_dose_explorer(weight_kg=100, bands=bands).axes[0].get_title(loc="left")
    assert "25 mg for 50 kg" in light and "50 mg for 100 kg" in heavy
    assert light.split(" (")[0] == heavy.split(" (")[0]


def test_dose_explorer_fixed_spray_dose_gives_lower_peak_in_heavier_adult(bands):
    light = pk_plots.plot_dose_explorer("esketamine_84", 50, bands=bands).axes[0].get_title(loc="left")
    heavy = pk_plots.plot_dose_explorer("esketamine_84", 100, bands=bands).axes[0].get_title(loc="left")
    assert "84 mg for 50 kg" in light and "84 mg for 100 kg" in heavy
    peak = lambda title: float(title.split("≈")[1].split(" ")[0].replace(",", ""))  # noqa: E731
    assert peak(heavy) < peak(light)


@pytest.mark.parametrize("weight", [10, 300, math.nan])
def test_dose_explorer_refuses_bad_weight(bands, weight):
    with pytest.raises(ValueError, match="weight_kg"):
        pk_plots.plot_dose_explorer(weight_kg=weight, bands=bands)


def test_time_course(sims):
    marks = pd.DataFrame({"time_min": [40.0, 90.0], "text": ["peak", "resolved"]})
    fig = pk_plots.plot_time_course(sims[3], marks, title="t")
    assert {"peak", "resolved"} <= set(_texts(fig))
    with pytest.raises(ValueError, match="milestones"):
        pk_plots.plot_time_course(sims[3], marks.drop(columns="text"), title="t")
    with pytest.raises(ValueError, match="sim"):
        pk_plots.plot_time_course("sim", marks, title="t")
    with pytest.raises(ValueError, match="t_max_min"):
        pk_plots.plot_time_course(sims[3], marks, title="t", t_max_min=-5)


def test_bioavailability_chart():
    table = data.load("bioavailability")
    fig = pk_plots.plot_bioavailability(table, title="t")
    ax = fig.axes[0]
    assert len(ax.get_yticklabels()) == len(table)
    assert "48%" in _texts(fig)
    with pytest.raises(ValueError, match="table"):
        pk_plots.plot_bioavailability(table.drop(columns="n"), title="t")
    with pytest.raises(ValueError, match="table"):
        pk_plots.plot_bioavailability(table.iloc[0:0], title="t")
    with pytest.raises(ValueError, match="table"):
        pk_plots.plot_bioavailability(table.assign(route="smoked"), title="t")


def test_explorer_sources_come_from_the_tables(bands):
    """The source line names every parameter's and band's source, read from the tables, plus the arms'."""
    sources = pk_plots.explorer_sources(bands)
    parameters = data.load("pk_parameters")
    assert set(parameters["source_id"]) | set(bands["source_id"]) | {"fava2018"} == set(sources)
    assert len(sources) == len(set(sources)), "each source once"
    fewer = bands[bands["source_id"] == "zanos2018"].copy()
    fewer.attrs["sources"] = ["zanos2018"]
    assert "aalto2002" not in pk_plots.explorer_sources(fewer)
