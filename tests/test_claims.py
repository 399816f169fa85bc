"""Notebook 06 helpers and tables: claims, verdict chart, evidence pyramid, STAR*D levels, red flags."""

from __future__ import annotations

import math

import matplotlib
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from helpers import data
from helpers.analysis import claims as cl
from helpers.data.vocab import CLAIM_VERDICTS, EVIDENCE_KINDS
from helpers.exercises import ANSWERS, check
from helpers.figures import reading_health_claims as claim_figs
from helpers.science.stats import cumulative_remission_pct

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return data.load("claims")


@pytest.fixture(scope="module")
def levels() -> pd.DataFrame:
    return data.load("stard_levels")


@pytest.fixture(scope="module")
def hierarchy() -> pd.DataFrame:
    return data.load("evidence_hierarchy")


def small(verdicts=("supported", "false"), kinds=("rct", "animal")) -> pd.DataFrame:
    return pd.DataFrame({
        "claim_id": [f"x{i}" for i in range(len(verdicts))],
        "label": [f"claim {i}" for i in range(len(verdicts))],
        "verdict": list(verdicts),
        "evidence_type": list(kinds),
        "source_id": ["daly2018"] * len(verdicts),
    })


# --- the data ----------------------------------------------------------------------------------------
def test_claims_table_holds_the_popular_claims_and_own_claims(table):
    ids = list(table["claim_id"])
    assert ids[:15] == list("abcdefghijklmno"), "published claim ids never change"
    assert set(table.loc[table["origin"] == "course", "claim_id"]) == set("ijklmno")
    assert (table["origin"] == "popular_article").sum() >= 24, "every checkable popular claim has a row"
    assert {"efficacy", "legal", "practice", "indication"} <= set(table["topic"])
    assert set(table["verdict"]) <= set(CLAIM_VERDICTS)
    cited = {i for cell in table["source_id"] for i in data.split_ids(cell)}
    assert cited <= set(data.load("sources")["id"]), "every source_id is registered"


def test_careless_copy_is_flagged_as_the_red_flag_it_is(table):
    """Wrong names (BDNF as a neurotransmitter, ketamine as 'a type of glutamate', Estrofem for
    esketamine), the off-topic arthritis sentence, an inverted fact and testimonials are flagged, and a
    wrong name never sits among the partly supported claims."""
    flags = {row.claim_id: set(data.split_ids(row.red_flags)) if isinstance(row.red_flags, str) else set()
             for row in table.itertuples()}
    text = dict(zip(table["claim_id"], table["claim"], strict=True))
    assert "BDNF" in text["a"] and "glutamate" in text["t"] and "Estrofem" in text["x"]
    for claim_id in ("a", "t", "x"):
        assert "wrong name" in flags[claim_id], claim_id
    assert "arthritis" in text["w"] and "off-topic text" in flags["w"]
    assert "no recognised medical use" in text["r"] and "inverted fact" in flags["r"]
    assert "anecdote" in flags["ah"]
    wrong_names = [i for i, f in flags.items() if "wrong name" in f]
    verdicts = table.set_index("claim_id")["verdict"]
    assert set(verdicts[wrong_names]) <= {"false", "not_supported", "partly_supported"}
    assert verdicts["a"] == "false" and verdicts["x"] == "false" and verdicts["t"] == "false"


def test_every_claim_cites_a_source_of_its_evidence_type(table):
    kinds = data.load("sources").set_index("id")["kind"]
    for row in table.itertuples():
        cited = {kinds[i] for i in data.split_ids(row.source_id)}
        assert row.evidence_type in cited, f"claim {row.claim_id}: {row.evidence_type} not among {cited}"


def test_every_explanation_names_a_source_and_is_one_line(table):
    for row in table.itertuples():
        assert "\n" not in row.explanation
        assert any(ch.isdigit() for ch in row.explanation), f"claim {row.claim_id}: no year or number"


def test_hierarchy_places_every_evidence_kind_once(hierarchy):
    assert sorted(hierarchy["kind"]) == sorted(EVIDENCE_KINDS)
    assert hierarchy.loc[hierarchy["kind"] == "meta_analysis", "tier"].item() == hierarchy["tier"].max()
    assert hierarchy.loc[hierarchy["kind"] == "rct", "tier"].item() > \
        hierarchy.loc[hierarchy["kind"] == "observational", "tier"].item()
    assert hierarchy.loc[hierarchy["kind"] == "label", "tier"].item() == 0


def test_stard_levels_reproduce_the_reported_cumulative_remission(levels):
    assert levels["level"].tolist() == [1, 2, 3, 4]
    assert levels["n_entered"].is_monotonic_decreasing
    # Rush et al. (2006) report an overall cumulative remission rate of 67%.
    assert round(cumulative_remission_pct(levels["remission_pct"])) == 67


# --- filter_claims and verdict_counts --------------------------------------------------------------
def test_filter_by_verdict_and_evidence_type(table):
    false = cl.filter_claims(table, verdict="false")
    assert len(false) > 0 and set(false["verdict"]) == {"false"}
    both = cl.filter_claims(table, verdict="false", evidence_type="label")
    assert set(both["evidence_type"]) == {"label"} and len(both) <= len(false)
    assert len(cl.filter_claims(table)) == len(cl.filter_claims(table, "all", "all")) == len(table)
    assert list(cl.filter_claims(table, verdict="supported").index) == list(range(
        (table["verdict"] == "supported").sum()))


def test_filter_can_return_nothing():
    assert cl.filter_claims(small(), verdict="not_supported").empty


@pytest.mark.parametrize("kwargs, name", [
    ({"verdict": "true"}, "verdict"),
    ({"verdict": "Supported"}, "verdict"),
    ({"verdict": 1}, "verdict"),
    ({"evidence_type": "blog"}, "evidence_type"),
    ({"evidence_type": float("nan")}, "evidence_type"),
])
def test_filter_rejects_unknown_filters(kwargs, name):
    with pytest.raises(ValueError, match=name):
        cl.filter_claims(small(), **kwargs)


@pytest.mark.parametrize("bad", [None, [1, 2], pd.DataFrame({"verdict": ["false"]})])
def test_filter_rejects_a_non_claims_table(bad):
    with pytest.raises(ValueError, match="claims"):
        cl.filter_claims(bad)


def test_verdict_counts_in_fixed_order_with_zeros():
    counts = cl.verdict_counts(small(("false", "false"), ("rct", "rct")))
    assert list(counts.index) == list(CLAIM_VERDICTS)
    assert counts.tolist() == [0, 0, 0, 2]


def test_verdict_counts_rejects_unknown_verdicts():
    with pytest.raises(ValueError, match="unknown verdict"):
        cl.verdict_counts(small(("true", "false"), ("rct", "rct")))


@given(st.lists(st.sampled_from(CLAIM_VERDICTS), min_size=1, max_size=30))
def test_verdict_counts_add_up(verdicts):
    frame = small(tuple(verdicts), ("rct",) * len(verdicts))
    counts = cl.verdict_counts(frame)
    assert counts.sum() == len(verdicts)
    for verdict in CLAIM_VERDICTS:
        assert counts[verdict] == len(cl.filter_claims(frame, verdict=verdict))


# --- red_flags --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Ketamine therapy has no serious side effects.", ["absolute safety claim", "no source cited"]),
    ("It is completely safe!", ["absolute safety claim", "no source cited"]),
    ("One infusion cures depression for good.", ["promise of a cure", "no source cited"]),
    ("Everyone feels better instantly.", ["absolute word", "no source cited"]),
    ("Remission was 36.8% at level 1 (doi:10.1176/ajp.2006.163.11.1905).", []),
    ("See PMID 22416998 for the survey.", []),
    ("Details at https://pubmed.ncbi.nlm.nih.gov/22416998/", []),
])
def test_red_flags_examples(text, expected):
    assert cl.red_flags(text) == expected


def test_red_flags_do_not_fire_inside_other_words():
    assert cl.red_flags("A secure procedure; nevertheless see doi:10.1000/xyz") == []


@pytest.mark.parametrize("bad", ["", "   ", None, 3, ["no side effects"]])
def test_red_flags_reject_empty_or_non_text(bad):
    with pytest.raises(ValueError, match="text"):
        cl.red_flags(bad)


@given(st.text(alphabet=st.characters(codec="ascii", categories=["L", "Zs"]), min_size=1, max_size=80))
def test_a_doi_always_counts_as_a_source(words):
    assert "no source cited" not in cl.red_flags(words + " doi:10.1000/abc")


@given(st.text(alphabet=st.characters(codec="ascii", categories=["L", "Zs"]), max_size=80))
def test_absolute_safety_phrases_are_always_flagged(words):
    assert "absolute safety claim" in cl.red_flags(words + " with no side effects")


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
    fig = claim_figs.plot_claims(small(), title="Only the false ones", verdict="false")
    assert _markers(fig) == 1
    matplotlib.pyplot.close(fig)
    fig = claim_figs.plot_claims(small(), title="Nothing", verdict="not_supported")
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
        claim_figs.plot_claims(small(), **kwargs)


def test_plot_claims_rejects_a_table_without_labels():
    with pytest.raises(ValueError, match="label"):
        claim_figs.plot_claims(small().drop(columns="label"), title="t")


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


# --- verdict_table and markdown_table -------------------------------------------------------------------
def test_verdict_table_puts_each_verdict_beside_its_claim(table):
    readable = cl.verdict_table(table)
    assert list(readable.columns) == ["Claim", "Verdict", "Main evidence", "Why", "Red flags in the wording"]
    assert len(readable) == len(table)
    first = readable.iloc[0]
    assert first["Claim"].startswith("(a) ") and first["Verdict"] == "False"
    flags = dict(zip(table["claim_id"], readable["Red flags in the wording"], strict=True))
    assert flags["e"] == "absolute safety claim"
    assert flags["o"] == "promise of a cure"
    assert flags["a"] == "wrong name"
    assert flags["ac"] == "absolute word"  # "never"
    assert "no source cited" not in " ".join(readable["Red flags in the wording"])


def test_verdict_table_joins_judged_and_pattern_flags_once():
    rows = small(("false",), ("label",)).assign(
        claim=["It is completely safe, never harmful."], explanation=["x 1"],
        red_flags=["wrong name; anecdote"])
    assert cl.verdict_table(rows)["Red flags in the wording"].item() == \
        "wrong name, anecdote, absolute safety claim, absolute word"
    rows = rows.assign(red_flags=[None])
    assert cl.verdict_table(rows)["Red flags in the wording"].item() == "absolute safety claim, absolute word"


def test_verdict_table_rejects_unknown_values():
    bad = small().assign(claim="c", explanation="e")
    bad.loc[0, "evidence_type"] = "blog"
    with pytest.raises(ValueError, match="claims"):
        cl.verdict_table(bad)
    with pytest.raises(ValueError, match="claims"):
        cl.verdict_table(small())  # no claim / explanation columns


def test_markdown_table_escapes_pipes_and_newlines():
    text = cl.markdown_table(pd.DataFrame({"a|b": ["x|y"], "c": ["two\nlines"]}))
    assert text.splitlines() == ["| a\\|b | c |", "|---|---|", "| x\\|y | two lines |"]


@pytest.mark.parametrize("bad", [None, "text", pd.DataFrame()])
def test_markdown_table_rejects_non_tables(bad):
    with pytest.raises(ValueError, match="frame"):
        cl.markdown_table(bad)


def test_red_flags_can_skip_the_citation_check():
    assert cl.red_flags("Ketamine is not addictive.", require_citation=False) == []
    with pytest.raises(ValueError, match="require_citation"):
        cl.red_flags("text", require_citation="no")


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


# --- STAR*D -----------------------------------------------------------------------------------------
def test_cumulative_remission_known_values():
    assert cumulative_remission_pct([50, 50]) == pytest.approx(75.0)
    assert cumulative_remission_pct([0, 0, 0]) == 0.0
    assert cumulative_remission_pct([100, 0]) == 100.0
    assert cumulative_remission_pct([36.8]) == pytest.approx(36.8)


@pytest.mark.parametrize("bad", [[], [-1.0], [101.0], [math.nan], [math.inf], "36.8%", [[10, 20]], 5.0])
def test_cumulative_remission_rejects_bad_rates(bad):
    with pytest.raises(ValueError, match="remission_pct"):
        cumulative_remission_pct(bad)


@settings(max_examples=60)
@given(st.lists(st.floats(min_value=0, max_value=100), min_size=1, max_size=6),
       st.floats(min_value=0, max_value=100))
def test_cumulative_remission_never_falls_with_another_level(rates, extra):
    before = cumulative_remission_pct(rates)
    after = cumulative_remission_pct([*rates, extra])
    assert max(rates) - 1e-9 <= before <= 100 + 1e-9
    assert after >= before - 1e-9


def test_remitters_by_level(levels):
    counts = cl.remitters_by_level(levels)
    assert counts.index.tolist() == [1, 2, 3, 4]
    assert counts[1] == round(0.368 * 3671)
    assert (counts.to_numpy() <= levels["n_entered"].to_numpy()).all()


@pytest.mark.parametrize("bad", [
    pd.DataFrame({"level": [], "n_entered": [], "remission_pct": []}),
    pd.DataFrame({"level": [1], "n_entered": [10]}),
    pd.DataFrame({"level": [1], "n_entered": [10], "remission_pct": [120.0]}),
    pd.DataFrame({"level": [1], "n_entered": [-5], "remission_pct": [10.0]}),
])
def test_remitters_by_level_rejects_bad_tables(bad):
    with pytest.raises(ValueError):
        cl.remitters_by_level(bad)


def test_plot_stard_one_bar_per_level(levels):
    fig = claim_figs.plot_stard(levels, title="Fewer remissions at each level")
    ax = fig.axes[0]
    assert [round(p.get_height(), 1) for p in ax.patches] == levels["remission_pct"].tolist()
    assert len({p.get_hatch() for p in ax.patches}) == len(levels)
    assert "n = 3,671" in ax.get_xticklabels()[0].get_text()
    matplotlib.pyplot.close(fig)
    with pytest.raises(ValueError, match="title"):
        claim_figs.plot_stard(levels, title="")
    with pytest.raises(ValueError, match="levels"):
        claim_figs.plot_stard(levels.iloc[0:0], title="t")


# --- the notebook's exercises ------------------------------------------------------------------------
def test_notebook_06_answers(levels):
    assert check("06.grade_claim", "false").correct
    assert not check("06.grade_claim", "supported").correct
    assert check("06.classify_source", "survey").correct
    assert not check("06.classify_source", "rct").correct
    expected = cumulative_remission_pct(levels["remission_pct"])
    assert check("06.stard_cumulative_pct", expected).correct
    assert not check("06.stard_cumulative_pct", 36.8 + 30.6 + 13.7 + 13.0).correct
    assert all(key in ANSWERS for key in ("06.grade_claim", "06.classify_source", "06.stard_cumulative_pct"))
