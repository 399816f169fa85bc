"""helpers.figures.reading_health_claims: verdict chart and evidence pyramid."""

from __future__ import annotations

import math

import matplotlib
import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers import data
from helpers.analysis import claims as cl
from helpers.data import split_ids
from helpers.data.vocab import CLAIM_VERDICTS
from helpers.figures import reading_health_claims as claim_figs
from tests.support.synthetic import claims_frame

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return data.load("claims")


# --- the verdict chart (count matrix) and its explorer ----------------------------------------------
def _cell_numbers(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.axes[0].texts if t.get_text().isdigit()]


def test_plot_verdict_matrix_writes_each_count_and_no_claim_text(table):
    fig = claim_figs.plot_verdict_matrix(table, title=claim_figs.matrix_title(table))
    matrix = cl.verdict_matrix(table)
    counts = sorted(int(n) for n in matrix.to_numpy().ravel() if n)
    assert sorted(int(n) for n in _cell_numbers(fig)) == counts
    texts = " ".join(t.get_text() for t in fig.axes[0].texts)
    assert "Partly supported" in texts and "(a)" not in texts and "BDNF" not in texts  # no claim text
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()][:2] == ["drug label", "law or regulation"]
    assert not any("_" in t.get_text() for t in fig.axes[0].get_yticklabels())  # words, not code names
    matplotlib.pyplot.close(fig)


def test_plot_verdict_matrix_highlights_the_choice(table):
    fig = claim_figs.plot_verdict_matrix(table, title="t", verdict="false", evidence_type="label")
    outlined = [p for p in fig.axes[0].patches if not p.get_fill()]
    assert len(outlined) == 1  # only the chosen cell is outlined
    matplotlib.pyplot.close(fig)
    fig = claim_figs.plot_verdict_matrix(table, title="t", verdict="false")
    outlined = [p for p in fig.axes[0].patches if not p.get_fill()]
    assert len(outlined) == int((cl.verdict_matrix(table)["false"] > 0).sum())
    matplotlib.pyplot.close(fig)


@pytest.mark.parametrize("kwargs, name", [
    ({"title": ""}, "title"),
    ({"title": None}, "title"),
    ({"title": "t", "verdict": "maybe"}, "verdict"),
    ({"title": "t", "evidence_type": "blog"}, "evidence_type"),
])
def test_plot_verdict_matrix_rejects_bad_arguments(kwargs, name):
    with pytest.raises(ValueError, match=name):
        claim_figs.plot_verdict_matrix(claims_frame(), **kwargs)


def test_plot_verdict_matrix_rejects_a_table_without_verdicts():
    with pytest.raises(ValueError, match="claims"):
        claim_figs.plot_verdict_matrix(claims_frame().drop(columns="verdict"), title="t")


def test_matrix_title_states_the_finding_or_the_choice_in_words(table):
    false = table[table["verdict"] == "false"]
    by_document = int(false["evidence_type"].isin(["label", "regulation"]).sum())
    assert claim_figs.matrix_title(table).startswith(f"{by_document} of the {len(false)} false claims")
    title = claim_figs.matrix_title(table, "partly_supported", "rct")
    assert "graded partly supported" in title and "randomised trial" in title and "_" not in title
    assert claim_figs.matrix_title(claims_frame(), "all", "animal") == \
        "1 of the 2 claims is resting mainly on an animal study"


def test_menu_options_are_words_and_offer_only_kinds_that_occur(table):
    verdicts = claim_figs.verdict_choices()
    assert [v for _, v in verdicts] == ["all", *CLAIM_VERDICTS]
    assert ("partly supported", "partly_supported") in verdicts
    kinds = claim_figs.evidence_choices(table)
    assert kinds[0] == ("any kind", "all")
    assert ("drug label", "label") in kinds and ("law or regulation", "regulation") in kinds
    assert {v for _, v in kinds[1:]} == set(table["evidence_type"])
    assert all("_" not in words for words, _ in [*verdicts, *kinds])


def test_show_claims_draws_the_chart_then_lists_the_chosen_claims(table, monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda *a, **k: shown.append((a, k)))
    assert claim_figs.show_claims(table) is None
    assert isinstance(shown[0][0][0].figure, Figure) and len(shown) == 2  # the chart only
    description = shown[1][1]["metadata"]["course_figure"]
    assert "false claims" in description["alt"] and description["sources"]
    assert len(description["sources"]) < len({i for c in table["source_id"] for i in split_ids(c)})
    shown.clear()
    claim_figs.show_claims(table, verdict="false", evidence_type="label")
    listing = shown[-1][0][0].data
    assert listing.startswith("| Claim | Verdict | Main evidence | Sources |")
    assert listing.count("| False | drug label |") == len(cl.filter_claims(table, "false", "label"))
    assert "_" not in listing.split("\n", 2)[2].replace("\\_", "")


def test_show_claims_says_so_instead_of_drawing_an_empty_chart(table, monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda *a, **k: shown.append((a, k)))
    assert cl.filter_claims(table, "supported", "label").empty
    claim_figs.show_claims(table, verdict="supported", evidence_type="label")
    assert len(shown) == 1 and not hasattr(shown[0][0][0], "figure")
    assert shown[0][0][0].data.startswith("No claim in the table is graded supported")
    with pytest.raises(ValueError, match="verdict"):
        claim_figs.show_claims(table, verdict="partly supported")


# --- hierarchy ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("row, expected", [
    ({"authors": "Autry AE, Adachi M", "year": 2011, "kind": "animal", "title": "t"}, "Autry 2011"),
    ({"authors": "Aalto S, et al.", "year": 2002, "kind": "human_experimental", "title": "t"}, "Aalto 2002"),
    ({"authors": "Domino EF", "year": 2010, "kind": "reference_work", "title": "t"}, "Domino 2010"),
    ({"authors": "UK ECT Review Group", "year": 2003, "kind": "meta_analysis", "title": "t"},
     "UK ECT Review Group 2003"),
    ({"authors": "Janssen", "year": 2019, "kind": "label", "title": "SPRAVATO (esketamine)"},
     "Spravato label 2019"),
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
    for name in ("Daly 2018", "Autry 2011", "UK ECT Review Group 2003", "Spravato label 2026"):
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


def test_plot_hierarchy_marks_the_noted_sources_and_prints_the_notes(hierarchy):
    sources = data.load("sources")
    chosen = sources[sources["id"].isin(["short2018", "rush2009", "daly2018", "spravato_pi"])]
    fig = claim_figs.plot_hierarchy(hierarchy, chosen, title="Where the sources sit",
                                    notes={"short2018": "only as strong as what it pools",
                                           "rush2009": "reports randomised comparisons"})
    texts = [t.get_text() for t in fig.axes[0].texts]
    joined = "\n".join(texts)
    assert "Short 2018*" in joined and "Rush 2009\u2020" in joined
    notes = [t for t in fig.axes[0].texts if t.get_gid() == "pyramid-notes"]
    assert len(notes) == 1 and "* Short 2018: only as strong" in notes[0].get_text()
    assert not any(p.get_hatch() for p in fig.axes[0].patches)  # no hatching that means nothing
    matplotlib.pyplot.close(fig)


@pytest.mark.parametrize("notes", [{"nobody2099": "x"}, {"short2018": ""}, {"short2018": 3}])
def test_plot_hierarchy_rejects_bad_notes(hierarchy, notes):
    chosen = data.load("sources").query("id == 'short2018'")
    with pytest.raises(ValueError, match="notes"):
        claim_figs.plot_hierarchy(hierarchy, chosen, title="t", notes=notes)


def test_distinct_names_tell_repeated_names_apart():
    sources = data.load("sources")
    names = claim_figs.distinct_names(sources[sources["id"].isin(["fda2019", "spravato_rems", "spravato_pi",
                                                                  "spravato_pi2019", "daly2018"])])
    assert names["daly2018"] == "Daly 2018"
    assert names["spravato_pi"] != names["spravato_pi2019"]
    assert len(set(names.values())) == len(names)
    assert {names["fda2019"], names["spravato_rems"]} == {"US Food and Drug Administration 2019a",
                                                          "US Food and Drug Administration 2019b"}
    with pytest.raises(ValueError, match="sources"):
        claim_figs.distinct_names(sources.drop(columns="year"))
