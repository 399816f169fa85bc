"""Unit tests of helpers.figures.dose_concentration_effect: the PK model's charts (notebooks 02 and 05) and
notebook 02's student tables."""

from __future__ import annotations

import math

import matplotlib
import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers import data
from helpers.analysis.pk import REGIMENS, simulate
from helpers.figures import dose_concentration_effect as pk_plots
from helpers.figures.style import ARM_STYLES, OKABE_ITO

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def sims():
    return [simulate(r, t_end_min=240) for r in REGIMENS.values()]


def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def _curves(ax) -> list:
    """The model curves of an axes (band lines are unlabelled or start with an underscore)."""
    return [line for line in ax.get_lines() if not line.get_label().startswith("_")]


def test_curves_over_bands_draws_every_curve_and_band(bands, sims):
    fig = pk_plots.plot_curves_over_bands(sims, bands, title="A finding")
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == "A finding"
    assert ax.get_yscale() == "log"
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == [f"{r.label} (model)" for r in REGIMENS.values()]
    texts = " ".join(_texts(fig))
    for effect in pk_plots.BAND_EFFECTS:
        assert pk_plots.BAND_STYLE[effect]["label"] in texts
    assert "(ng/mL" in ax.get_ylabel() and "(min)" in ax.get_xlabel() and "Modelled" in ax.get_ylabel()


def test_model_curves_take_the_course_style_of_their_regimen_without_markers(bands, sims):
    """One style per regimen across the course (ARM_STYLES), no data-like markers on model curves."""
    ax = pk_plots.plot_curves_over_bands(sims, bands, title="t").axes[0]
    curves = _curves(ax)
    assert len(curves) == len(REGIMENS)
    for line, key in zip(curves, REGIMENS, strict=True):
        assert line.get_marker() in ("None", "", None), f"{key}: a model curve has no markers"
        assert line.get_color() == ARM_STYLES[key].color
    assert len({line.get_color() for line in curves}) == len(curves)


def test_band_fills_never_use_a_series_colour():
    series = {style.color.lower() for style in ARM_STYLES.values()} | {c.lower() for c in OKABE_ITO.values()}
    for effect, style in pk_plots.BAND_STYLE.items():
        assert style["color"].lower() not in series, effect
        red, green, blue = (int(style["color"][i:i + 2], 16) for i in (1, 3, 5))
        assert red == green == blue, f"{effect}: a neutral grey fill"


def test_esketamine_curves_come_with_the_racemic_bands_caveat(bands, sims):
    with_spray = pk_plots.plot_curves_over_bands(sims, bands, title="t").axes[0].get_legend()
    assert "racemic" in with_spray.get_title().get_text()
    iv_only = pk_plots.plot_curves_over_bands(sims[:2], bands, title="t").axes[0].get_legend()
    assert "racemic" not in iv_only.get_title().get_text()


def test_zoom_panel_shows_the_brief_excursion_into_the_anaesthesia_band(bands, sims):
    fig = pk_plots.plot_curves_over_bands(sims, bands, title="A finding", zoom_t_max_min=15)
    main, zoom = fig.axes
    assert zoom.get_xlim() == (0.0, 15.0) and main.get_xlim() == (0.0, 240.0)
    assert len(_curves(zoom)) == len(sims)
    notes = [t.get_text() for t in zoom.texts if "min above" in t.get_text()]
    assert notes == ["2.3 min above\n1,200 ng/mL"], "only the bolus enters the anaesthesia band"
    with pytest.raises(ValueError, match="zoom_t_max_min"):
        pk_plots.plot_curves_over_bands(sims, bands, title="t", zoom_t_max_min=500)
    with pytest.raises(ValueError, match="zoom_t_max_min"):
        pk_plots.plot_curves_over_bands(sims, bands, title="t", zoom_t_max_min=0)


def test_explicit_styles_are_checked(bands, sims):
    ax = pk_plots.plot_curves_over_bands(sims[:1], bands, title="t", styles=["placebo"]).axes[0]
    assert _curves(ax)[0].get_color() == ARM_STYLES["placebo"].color
    with pytest.raises(ValueError, match="styles"):
        pk_plots.plot_curves_over_bands(sims[:1], bands, title="t", styles=["telepathy"])
    with pytest.raises(ValueError, match="styles"):
        pk_plots.plot_curves_over_bands(sims[:2], bands, title="t", styles=["placebo"])


def test_regimen_style_key_recognises_the_dosing_not_the_label():
    assert pk_plots.regimen_style_key(REGIMENS["esketamine_84"]) == "esketamine_84"
    explorer = pk_plots.EXPLORER_REGIMENS
    assert pk_plots.regimen_style_key(explorer["ketamine_iv_0.5"]) == "antidepressant_infusion"
    assert pk_plots.regimen_style_key(pk_plots.EXPLORER_REGIMENS["ketamine_iv_0.1"]) is None
    assert pk_plots.regimen_style_key(None) is None
    assert pk_plots.explorer_style_key("ketamine_iv_0.1") == "ketamine_other_dose"
    with pytest.raises(ValueError, match="regimen"):
        pk_plots.regimen_style_key("esketamine_84")


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


def _peak_in_title(title: str) -> float:
    return float(title.split("about ")[1].split(" ")[0].replace(",", ""))


def test_dose_explorer_default_state(bands):
    """The default view draws the reference once (never two identical curves) and its title states where
    the peak lies."""
    ax = pk_plots.plot_dose_explorer(bands=bands).axes[0]
    title = ax.get_title(loc="left")
    assert "peaks inside the dissociation band" in title
    assert "185 ng/mL" in title and "35 mg for 70 kg" in title
    assert len(_curves(ax)) == 1, "the reference is not drawn twice"


def test_dose_explorer_draws_the_reference_beside_another_regimen(bands):
    ax = pk_plots.plot_dose_explorer("esketamine_56", bands=bands).axes[0]
    lines = {line.get_label(): line for line in _curves(ax)}
    assert set(lines) == {"Reference: ketamine 0.5 mg/kg IV over 40 min (model)",
                          "Esketamine 56 mg nasal (model)"}
    assert lines["Esketamine 56 mg nasal (model)"].get_color() == ARM_STYLES["esketamine_56"].color
    assert "peaks below the dissociation band" in ax.get_title(loc="left")


def test_dose_explorer_title_places_a_higher_dose_above_the_band(bands):
    title = pk_plots.plot_dose_explorer("ketamine_iv_1", bands=bands).axes[0].get_title(loc="left")
    assert "above the dissociation band, below the anaesthesia band" in title


def test_dose_explorer_weight_changes_total_not_concentration(bands):
    light = pk_plots.plot_dose_explorer(weight_kg=50, bands=bands).axes[0].get_title(loc="left")
    heavy = pk_plots.plot_dose_explorer(weight_kg=100, bands=bands).axes[0].get_title(loc="left")
    assert "25 mg for 50 kg" in light and "50 mg for 100 kg" in heavy
    assert _peak_in_title(light) == _peak_in_title(heavy)


def test_dose_explorer_fixed_spray_dose_gives_lower_peak_in_heavier_adult(bands):
    light = pk_plots.plot_dose_explorer("esketamine_84", 50, bands=bands).axes[0].get_title(loc="left")
    heavy = pk_plots.plot_dose_explorer("esketamine_84", 100, bands=bands).axes[0].get_title(loc="left")
    assert "84 mg for 50 kg" in light and "84 mg for 100 kg" in heavy
    assert _peak_in_title(heavy) == pytest.approx(_peak_in_title(light) / 2, abs=1)


@pytest.mark.parametrize("weight", [10, 300, math.nan])
def test_dose_explorer_refuses_bad_weight(bands, weight):
    with pytest.raises(ValueError, match="weight_kg"):
        pk_plots.plot_dose_explorer(weight_kg=weight, bands=bands)


def test_time_course(sims):
    marks = pd.DataFrame({"time_min": [40.0, 90.0], "text": ["peak", "resolved"]})
    fig = pk_plots.plot_time_course(sims[3], marks, title="t")
    assert {"peak", "resolved"} <= set(_texts(fig))
    [curve] = _curves(fig.axes[0])
    assert curve.get_label() == "Esketamine 84 mg nasal (model)" and curve.get_marker() in ("None", "")
    assert curve.get_color() == ARM_STYLES["esketamine_84"].color
    with pytest.raises(ValueError, match="milestones"):
        pk_plots.plot_time_course(sims[3], "marks", title="t")
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
    assert "29% (27–31)" in _texts(fig), "an interval is printed, not only drawn behind its marker"
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


# --- tables a student reads ---------------------------------------------------------------------------
def test_student_table_uses_words_no_index_and_a_dash_for_missing_values():
    table = data.load("bioavailability")
    shown = pk_plots.student_table(table, {"formulation": "Formulation",
                                           "bioavailability_pct": "Bioavailability (%)", "low_pct": "Low (%)",
                                           "n": "Participants (n)"})
    assert list(shown.frame.columns) == ["Formulation", "Bioavailability (%)", "Low (%)", "Participants (n)"]
    text = repr(shown)
    html = shown._repr_html_()
    for bad in ("NaN", "nan", "<NA>", "None", "low_pct"):
        assert bad not in text and bad not in html
    assert pk_plots.MISSING in text and "9" in shown.frame["Participants (n)"].tolist()
    assert "<th></th>" not in html and "27" in shown.frame["Low (%)"].tolist()


def test_student_table_formats_numbers():
    frame = pd.DataFrame({"a": [1307.0, 2.26, None], "b": [1, 2, 3]})
    shown = pk_plots.student_table(frame, {"a": "A (min)", "b": "B"}, decimals={"a": 1})
    assert shown.frame["A (min)"].tolist() == ["1,307.0", "2.3", "—"]
    assert shown.frame["B"].tolist() == ["1", "2", "3"]
    assert pk_plots.student_table(frame, {"a": "A"}, missing="not reported").frame["A"].tolist()[-1] \
        == "not reported"


@pytest.mark.parametrize(("args", "kwargs", "name"), [
    (("frame", {"a": "A"}), {}, "frame"),
    ((pd.DataFrame({"a": [1]}), {}), {}, "columns"),
    ((pd.DataFrame({"a": [1]}), {"b": "B"}), {}, "columns"),
    ((pd.DataFrame({"a": [1], "b": [2]}), {"a": "X", "b": "X"}), {}, "columns"),
    ((pd.DataFrame({"a": [1]}), {"a": "A"}), {"decimals": {"b": 1}}, "decimals"),
    ((pd.DataFrame({"a": [1]}), {"a": "A"}), {"decimals": {"a": -1}}, "decimals"),
    ((pd.DataFrame({"a": [1]}), {"a": "A"}), {"missing": None}, "missing"),
])
def test_student_table_refuses_bad_arguments(args, kwargs, name):
    with pytest.raises(ValueError, match=name):
        pk_plots.student_table(*args, **kwargs)


def test_short_citations_name_authors_not_ids():
    assert pk_plots.short_citations("zanos2018; aalto2002") == "Zanos P et al. (2018); Aalto S et al. (2002)"
    for bad in ("", None, "nosuchsource2099"):
        with pytest.raises(ValueError, match="ids"):
            pk_plots.short_citations(bad)
