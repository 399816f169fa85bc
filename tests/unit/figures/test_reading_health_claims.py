"""helpers.figures.reading_health_claims: verdict chart and evidence pyramid."""

from __future__ import annotations

import math

import matplotlib
import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers import data
from helpers.analysis import claims as cl
from helpers.data.vocab import CLAIM_VERDICTS
from helpers.figures import reading_health_claims as claim_figs
from tests.support.synthetic import claims_frame

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return data.load("claims")


# --- plot_claims and show_claims ---------------------------------------------------------------------
def _markers(fig: Figure) -> int:
    return sum(len(line.get_xdata()) for line in fig.axes[0].get_lines() if line.get_marker() not in
               ("None", None, ""))


def test_plot_claims_draws_one_marker_per_claim_in_its_verdict_column(table):
    fig = claim_figs.plot_claims(table, title="Verdicts of the claims")
    assert isinstance(fig, Figure)
    assert _markers(fig) == len(table)
    xs = [line.get_xdata()[0] for line in fig.axes[0].get_lines() if line.get_marker() not in ("None", "")]
    assert xs == [list(CLAIM_VERDICTS).index(v) for v in table["verdict"]]
    texts = " ".join(t.get_text() for t in fig.axes[0].texts)
    assert "(a)" in texts and "animal study" in texts
    matplotlib.pyplot.close(fig)


def test_plot_claims_filtered_and_empty():
    fig = claim_figs.plot_claims(claims_frame(), title="Only the false ones", verdict="false")
    assert _markers(fig) == 1
    matplotlib.pyplot.close(fig)
    fig = claim_figs.plot_claims(claims_frame(), title="Nothing", verdict="not_supported")
    assert _markers(fig) == 0
    assert any("No claim matches" in t.get_text() for t in fig.axes[0].texts)
    matplotlib.pyplot.close(fig)


@pytest.mark.parametrize("kwargs, name", [
    ({"title": ""}, "title"),
    ({"title": None}, "title"),
    ({"title": "t", "wrap": 5}, "wrap"),
    ({"title": "t", "wrap": True}, "wrap"),
    ({"title": "t", "wrap": 30.0}, "wrap"),
    ({"title": "t", "verdict": "maybe"}, "verdict"),
])
def test_plot_claims_rejects_bad_arguments(kwargs, name):
    with pytest.raises(ValueError, match=name):
        claim_figs.plot_claims(claims_frame(), **kwargs)


def test_plot_claims_rejects_a_table_without_labels():
    with pytest.raises(ValueError, match="label"):
        claim_figs.plot_claims(claims_frame().drop(columns="label"), title="t")


def test_show_claims_displays_figure_and_description(table, monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda *a, **k: shown.append((a, k)))
    assert claim_figs.show_claims(table, verdict="false") is None
    assert isinstance(shown[0][0][0].figure, Figure)
    description = shown[1][1]["metadata"]["course_figure"]
    assert "0 supported" in description["alt"] and description["sources"]
    title = shown[0][0][0].figure.axes[0].get_title(loc="left")
    assert title.startswith(f"{(table['verdict'] == 'false').sum()} claims (verdict false)")
    shown.clear()
    claim_figs.show_claims(table, verdict="supported", evidence_type="animal")  # no match: still a figure
    assert "Chart of 0 claims" in shown[1][1]["metadata"]["course_figure"]["alt"]


# --- hierarchy ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("row, expected", [
    ({"authors": "Autry AE, Adachi M", "year": 2011, "kind": "animal", "title": "t"}, "Autry 2011"),
    ({"authors": "Aalto S, et al.", "year": 2002, "kind": "human_experimental", "title": "t"}, "Aalto 2002"),
    ({"authors": "Domino EF", "year": 2010, "kind": "reference_work", "title": "t"}, "Domino 2010"),
    ({"authors": "UK ECT Review Group", "year": 2003, "kind": "meta_analysis", "title": "t"},
     "UK ECT Review Group 2003"),
    ({"authors": "Janssen", "year": 2019, "kind": "label", "title": "SPRAVATO (esketamine)"},
     "Spravato label"),
    ({"authors": math.nan, "year": 1979, "kind": "observational", "title": "Ketamine infusions",
      "journal": "British Journal of Anaesthesia"}, "British Journal of Anaesthesia 1979"),
    ({"authors": None, "year": 1979, "kind": "observational", "title": "Ketamine infusions"},
     "Ketamine infusions 1979"),
])
def test_short_name(row, expected):
    assert cl.short_name(row) == expected


def test_short_name_rejects_incomplete_rows():
    with pytest.raises(ValueError, match="row"):
        cl.short_name({"authors": "X"})


def test_plot_hierarchy_lists_each_source_in_its_tier(hierarchy):
    sources = data.load("sources")
    chosen = sources[sources["id"].isin(["daly2018", "autry2011", "ukect2003", "spravato_pi"])]
    fig = claim_figs.plot_hierarchy(hierarchy, chosen, title="Where the sources sit")
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert any("Randomised" in t for t in texts)
    joined = "\n".join(texts)
    for name in ("Daly 2018", "Autry 2011", "UK ECT Review Group 2003", "Spravato label"):
        assert name in joined
    tier_text = {t.split(". ", 1)[1]: i for i, t in enumerate(texts) if t[:2] in {"1.", "4.", "5."}}
    rct_list = texts[tier_text["Randomised controlled trials"] + 1]
    assert "Daly 2018" in rct_list and "Autry 2011" not in rct_list
    matplotlib.pyplot.close(fig)


def test_plot_hierarchy_rejects_unplaced_kinds_and_bad_arguments(hierarchy):
    sources = data.load("sources").head(3)
    with pytest.raises(ValueError, match="hierarchy"):
        claim_figs.plot_hierarchy(hierarchy[hierarchy["kind"] != sources["kind"].iloc[0]], sources, title="t")
    with pytest.raises(ValueError, match="title"):
        claim_figs.plot_hierarchy(hierarchy, sources, title=" ")
    with pytest.raises(ValueError, match="wrap"):
        claim_figs.plot_hierarchy(hierarchy, sources, title="t", wrap=3)
    with pytest.raises(ValueError, match="sources"):
        claim_figs.plot_hierarchy(hierarchy, sources.drop(columns="kind"), title="t")
