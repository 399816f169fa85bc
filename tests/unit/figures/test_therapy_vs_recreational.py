"""helpers.figures.therapy_vs_recreational: notebook 05's tables in words, the regimen chart, the excess over
placebo, the body-system explorer and the session timeline."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from hypothesis import strategies as st
from matplotlib.colors import to_hex
from matplotlib.lines import Line2D

from helpers import data
from helpers.analysis.adverse import body_systems, risk_differences
from helpers.analysis.bands import bands_position
from helpers.analysis.pk import REGIMENS, simulate
from helpers.figures import therapy_vs_recreational as tv
from helpers.figures.style import ARM_STYLES
from helpers.figures.therapy_vs_recreational import plot_body_system

BAD_NUMBERS = [-1.0, math.nan, math.inf, -math.inf, "185", None, True]
conc = st.floats(min_value=0.0, max_value=1e5, allow_nan=False, allow_infinity=False)


# --- body systems --------------------------------------------------------------------------------
AE = pd.DataFrame(
    {
        "event": ["Dissociation", "Euphoric mood", "Insomnia", "Nausea"],
        "body_system": ["psychiatric", "psychiatric", "psychiatric", "gastrointestinal"],
        "events_esketamine": [142, 15, 29, 98],
        "n_esketamine": [346, 346, 346, 346],
        "events_placebo": [21, 2, 16, 19],
        "n_placebo": [222, 222, 222, 222],
    }
)


def test_body_systems_sorted_unique():
    assert body_systems(AE) == ["gastrointestinal", "psychiatric"]


def test_plot_body_system_title_counts_clear_excesses():
    fig = plot_body_system(AE, "psychiatric")
    assert fig.get_suptitle() == "Psychiatric events: 2 of 3 clearly more common on esketamine"
    labels = {t.get_text() for t in fig.axes[0].get_yticklabels()}
    assert labels == {"Dissociation", "Euphoric mood", "Insomnia"}
    plt.close(fig)


@pytest.mark.parametrize("bad", ["cardiac", "", None, 3])
def test_plot_body_system_rejects_unknown_system(bad):
    with pytest.raises(ValueError, match="body_system"):
        plot_body_system(AE, bad)


@pytest.mark.parametrize("bad", [AE.drop(columns="body_system"), AE.iloc[0:0], AE.to_dict(), None])
def test_body_system_helpers_reject_bad_table(bad):
    with pytest.raises(ValueError, match="table"):
        body_systems(bad)
    with pytest.raises(ValueError, match="table"):
        plot_body_system(bad)


def test_plot_body_system_on_the_label_table():
    label = data.load("adverse_events_label")
    for system in body_systems(label):
        fig = plot_body_system(label, system)
        assert fig.get_suptitle().startswith(system.replace("_", " ").capitalize())
        plt.close(fig)


# --- tables in words --------------------------------------------------------------------------------------
def _header(markdown: str) -> list[str]:
    first, rule = markdown.splitlines()[:2]
    assert set(rule.replace("|", "").replace(":---", "")) == set(), "every column is left-aligned"
    return [c.strip() for c in first.strip("|").split("|")]


def test_markdown_table_is_left_aligned_and_escapes_pipes():
    table = pd.DataFrame({"A b": ["x|y", None], "C": [1, 2.5]})
    text = tv.markdown_table(table)
    assert text.splitlines()[1] == "|:---|:---|"
    assert "x\\|y" in text and "| – |" in text


@pytest.mark.parametrize("bad", [pd.DataFrame(), None, {"a": [1]}, "table"])
def test_markdown_table_rejects_bad_tables(bad):
    with pytest.raises(ValueError, match="table"):
        tv.markdown_table(bad)


def _no_code_names(headers: list[str]) -> None:
    assert all("_" not in h for h in headers), headers


def test_tables_a_student_reads_use_words():
    bands = data.load("concentration_bands")
    position = bands_position(185.0, bands)
    rd = risk_differences(data.load("adverse_events_label").head(3))
    for text in (tv.side_by_side_table(data.load("therapy_vs_nonmedical")), tv.position_table(position),
                 tv.risk_table(rd), tv.abuse_table(data.load("abuse_potential")),
                 tv.harms_table(data.load("chronic_use_harms")), tv.legal_table(data.load("legal_status")),
                 tv.claims_table(data.load("claims"), ["c", "d"])):
        _no_code_names(_header(text))
    harms = tv.harms_table(data.load("chronic_use_harms"))
    assert "urinary_" not in harms and "Urinary symptoms improved after stopping" in harms
    assert "winstock2012" not in harms and "Winstock" in harms


def test_position_table_drops_the_peak_itself_and_says_how_far():
    position = bands_position(185.0, data.load("concentration_bands"))
    text = tv.position_table(position)
    assert "Antidepressant infusion" not in text
    rows = {line.split("|")[1].strip(): line for line in text.splitlines()[2:]}
    assert "already inside" in rows["Dissociation"]
    assert f"{1200 / 185:.1f}" in rows["General anaesthesia"]
    with pytest.raises(ValueError, match="effects"):
        tv.position_table(position, effects=["no_such_effect"])


def test_claims_table_shows_verdicts_in_words():
    text = tv.claims_table(data.load("claims"), ["d"])
    assert "| partly supported |" in text and "partly_supported" not in text
    with pytest.raises(ValueError, match="ids"):
        tv.claims_table(data.load("claims"), ["zz"])
    with pytest.raises(ValueError, match="ids"):
        tv.claims_table(data.load("claims"), [])


# --- the regimens over the bands: one style per regimen, no markers on model curves ------------------------
@pytest.fixture(scope="module")
def sims():
    return {key: simulate(REGIMENS[key]) for key in REGIMENS}


def test_regimen_curves_use_the_course_style_without_markers(sims):
    fig = tv.plot_regimens_over_bands(sims, data.load("concentration_bands"), title="A finding")
    ax = fig.axes[0]
    lines = {line.get_label(): line for line in ax.get_lines() if not line.get_label().startswith("_")}
    assert len(lines) == len(REGIMENS)
    for key in REGIMENS:
        line = lines[f"{ARM_STYLES[key].label} (model)"]
        assert line.get_marker() in ("None", "", None), f"{key}: a model curve has no markers"
        assert to_hex(line.get_color()) == to_hex(ARM_STYLES[key].color)
        assert line.get_linestyle() == Line2D([], [], linestyle=ARM_STYLES[key].linestyle).get_linestyle()
    series = {to_hex(ARM_STYLES[k].color) for k in REGIMENS}
    fills = {to_hex(p.get_facecolor()) for p in ax.patches}
    assert fills and not fills & series, "band fills are never a series colour"
    plt.close(fig)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [({"sims": {}}, "sims"), ({"sims": {"no_such_regimen": None}}, "key"), ({"sims": {"placebo": 3}}, "sims"),
     ({"bands": None}, "bands"), ({"effects": ("euphoria",)}, "effects"), ({"title": ""}, "title"),
     ({"t_max_min": -1}, "t_max_min"), ({"y_range_ng_per_ml": (100.0, 10.0)}, "y_range")],
)
def test_regimen_chart_rejects_bad_input(sims, kwargs, name):
    args = {"sims": sims, "bands": data.load("concentration_bands"), "title": "A finding", **kwargs}
    with pytest.raises(ValueError, match=name):
        tv.plot_regimens_over_bands(args.pop("sims"), args.pop("bands"), **args)


# --- the excess over placebo: rows that never collapse, visible zero markers, legends out of the way -------
def _row_height_in(fig) -> float:
    ax = fig.axes[0]
    lo, hi = ax.get_ylim()
    return ax.get_position().height * fig.get_size_inches()[1] / (hi - lo)


def _legend_below_panels(fig) -> bool:
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    legends = fig.legends + [ax.get_legend() for ax in fig.axes if ax.get_legend()]
    bottom = min(ax.get_tightbbox(renderer, bbox_extra_artists=[]).y0 for ax in fig.axes)
    return bool(legends) and all(leg.get_window_extent(renderer).y1 <= bottom + 1 for leg in legends)


@pytest.mark.parametrize("n", [1, 2, 4, 9])
def test_excess_chart_keeps_rows_apart_for_any_number_of_events(n):
    label = data.load("adverse_events_label")
    fig = tv.plot_excess_over_placebo(risk_differences(label.head(n)), title="A finding")
    assert _row_height_in(fig) >= tv.MIN_ROW_HEIGHT_IN - 1e-6
    assert len(fig.axes[0].get_yticks()) == n
    assert _legend_below_panels(fig), "the legend sits under the panels, not on them"
    plt.close(fig)


def test_excess_chart_shows_zero_percent_and_only_the_markers_it_draws():
    label = data.load("adverse_events_label")
    rd = risk_differences(label[label["event"].isin(["Dissociation", "Feeling abnormal"])])
    assert (rd["pct_placebo"] == 0).any() and rd["differs"].all()
    fig = tv.plot_excess_over_placebo(rd, title="A finding")
    assert fig.axes[0].get_xlim()[0] < 0, "a placebo marker at 0 % is not cut by the axis"
    texts = [t.get_text() for leg in fig.legends for t in leg.get_texts()]
    assert "95 % interval excludes 0" in texts and "95 % interval includes 0" not in texts
    plt.close(fig)


def test_excess_chart_rejects_bad_input():
    rd = risk_differences(AE)
    with pytest.raises(ValueError, match="rd"):
        tv.plot_excess_over_placebo(rd.iloc[0:0], title="A finding")
    with pytest.raises(ValueError, match="row_labels"):
        tv.plot_excess_over_placebo(rd, title="A finding", row_labels=["one"])
    with pytest.raises(ValueError, match="title"):
        tv.plot_excess_over_placebo(rd, title="")


# --- the explorer: every choice in words, every choice a chart of several rows ----------------------------
def test_every_explorer_choice_draws_a_chart_of_several_rows():
    label = data.load("adverse_events_label")
    choices = tv.event_groups(label)
    assert choices[0][1] == "nervous_system" and choices[-1][1] == tv.OTHER_SYSTEMS
    drawn = []
    for text, key in choices:
        assert "_" not in text and "events" in text
        rd, _, _ = tv.event_group_rows(label, key)
        drawn += list(rd["event"])
        fig = tv.plot_event_group(label, key)
        ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
        assert len(ticks) >= 2, f"{text}: a collapsed one-row chart"
        assert all("_" not in t for t in ticks) and "_" not in fig.get_suptitle()
        assert _row_height_in(fig) >= tv.MIN_ROW_HEIGHT_IN - 1e-6
        plt.close(fig)
    assert sorted(drawn) == sorted(label["event"]), "every event is in exactly one choice"


def test_pooled_choice_names_each_events_body_system():
    _, labels, name = tv.event_group_rows(data.load("adverse_events_label"), tv.OTHER_SYSTEMS)
    assert name == "Other body systems" and "Vertigo (ear and balance)" in labels


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "2"])
def test_event_groups_rejects_bad_minimum(bad):
    with pytest.raises(ValueError, match="min_events"):
        tv.event_groups(AE, bad)


@pytest.mark.parametrize("bad", ["no_such_system", "", None])
def test_event_group_rejects_unknown_choice(bad):
    with pytest.raises(ValueError, match="group"):
        tv.plot_event_group(data.load("adverse_events_label"), bad)


def test_show_event_group_describes_the_choice(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display",
                        lambda obj, raw=False, metadata=None: shown.append(metadata))
    label = data.load("adverse_events_label")
    tv.show_event_group(label, tv.OTHER_SYSTEMS)
    meta = shown[-1]["course_figure"]
    assert meta["alt"].startswith("Other body systems: ") and "5 events" in meta["alt"]
    assert meta["sources"] == label.attrs["sources"]


# --- one session's time course -----------------------------------------------------------------------------
def test_session_timeline_labels_in_words_with_the_legend_below():
    course = data.load("acute_time_course")
    session = course[course["product"] == "esketamine nasal spray"]
    fig = tv.plot_session_timeline(session, title="A finding")
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert ticks == ["Blood-pressure rise", "Dissociation"]
    assert _legend_below_panels(fig)
    plt.close(fig)
    with pytest.raises(ValueError, match="course"):
        tv.plot_session_timeline(session[session["milestone"] == "minimum_monitoring"], title="A finding")
    with pytest.raises(ValueError, match="course"):
        tv.plot_session_timeline(session.drop(columns="milestone"), title="A finding")
