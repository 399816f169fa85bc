"""helpers.analysis.claims: filters, verdict counts, red flags, the readable verdict table."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import data
from helpers.analysis import claims as cl
from helpers.data.vocab import CLAIM_VERDICTS
from tests.support.synthetic import claims_frame

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return data.load("claims")


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
    assert cl.filter_claims(claims_frame(), verdict="not_supported").empty


@pytest.mark.parametrize("kwargs, name", [
    ({"verdict": "true"}, "verdict"),
    ({"verdict": "Supported"}, "verdict"),
    ({"verdict": 1}, "verdict"),
    ({"evidence_type": "blog"}, "evidence_type"),
    ({"evidence_type": float("nan")}, "evidence_type"),
])
def test_filter_rejects_unknown_filters(kwargs, name):
    with pytest.raises(ValueError, match=name):
        cl.filter_claims(claims_frame(), **kwargs)


@pytest.mark.parametrize("bad", [None, [1, 2], pd.DataFrame({"verdict": ["false"]})])
def test_filter_rejects_a_non_claims_table(bad):
    with pytest.raises(ValueError, match="claims"):
        cl.filter_claims(bad)


def test_verdict_counts_in_fixed_order_with_zeros():
    counts = cl.verdict_counts(claims_frame(("false", "false"), ("rct", "rct")))
    assert list(counts.index) == list(CLAIM_VERDICTS)
    assert counts.tolist() == [0, 0, 0, 2]


def test_verdict_counts_rejects_unknown_verdicts():
    with pytest.raises(ValueError, match="unknown verdict"):
        cl.verdict_counts(claims_frame(("true", "false"), ("rct", "rct")))


@given(st.lists(st.sampled_from(CLAIM_VERDICTS), min_size=1, max_size=30))
def test_verdict_counts_add_up(verdicts):
    frame = claims_frame(tuple(verdicts), ("rct",) * len(verdicts))
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
    rows = claims_frame(("false",), ("label",)).assign(
        claim=["It is completely safe, never harmful."], explanation=["x 1"],
        red_flags=["wrong name; anecdote"])
    assert cl.verdict_table(rows)["Red flags in the wording"].item() == \
        "wrong name, anecdote, absolute safety claim, absolute word"
    rows = rows.assign(red_flags=[None])
    assert cl.verdict_table(rows)["Red flags in the wording"].item() == "absolute safety claim, absolute word"


def test_verdict_table_rejects_unknown_values():
    bad = claims_frame().assign(claim="c", explanation="e")
    bad.loc[0, "evidence_type"] = "blog"
    with pytest.raises(ValueError, match="claims"):
        cl.verdict_table(bad)
    with pytest.raises(ValueError, match="claims"):
        cl.verdict_table(claims_frame())  # no claim / explanation columns


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


# --- verdict_matrix and main_sources (the verdict chart) ---------------------------------------------
def test_verdict_matrix_counts_every_claim_once(table):
    matrix = cl.verdict_matrix(table)
    assert list(matrix.columns) == list(CLAIM_VERDICTS)
    assert int(matrix.to_numpy().sum()) == len(table)
    assert (matrix.sum(axis=0) == cl.verdict_counts(table).to_numpy()).all()
    assert list(matrix.index[:2]) == ["label", "regulation"]  # documents first
    assert set(matrix.index) == set(table["evidence_type"])  # only kinds that occur


def test_verdict_matrix_of_a_small_table():
    matrix = cl.verdict_matrix(claims_frame(("false", "false", "supported"), ("label", "rct", "rct")))
    assert matrix.loc["rct"].tolist() == [1, 0, 0, 1]
    assert matrix.loc["label"].tolist() == [0, 0, 0, 1]
    assert list(matrix.index) == ["label", "rct"]


@pytest.mark.parametrize("bad, name", [
    (claims_frame(("maybe",), ("rct",)), "claims"),
    (claims_frame(("false",), ("blog",)), "claims"),
    (claims_frame().drop(columns="evidence_type"), "claims"),
    ("not a table", "claims"),
])
def test_verdict_matrix_rejects_bad_tables(bad, name):
    with pytest.raises(ValueError, match=name):
        cl.verdict_matrix(bad)


def test_main_sources_pick_the_source_of_the_main_evidence(table):
    registry = data.load("sources")
    ids = cl.main_sources(table, registry)
    assert len(ids) == len(set(ids))
    kinds = registry.set_index("id")["kind"]
    claim_r = table[table["claim_id"] == "r"]  # ketalar_pi (a label) comes first, but the evidence is a law
    assert kinds[cl.main_sources(claim_r, registry)[0]] == "regulation"
    one = claims_frame(("false",), ("animal",))  # no animal source: the first one
    assert cl.main_sources(one, registry) == ["daly2018"]


def test_main_sources_reject_unknown_or_missing_sources():
    registry = data.load("sources")
    with pytest.raises(ValueError, match="registry"):
        cl.main_sources(claims_frame().assign(source_id="nobody2099"), registry)
    with pytest.raises(ValueError, match="claims"):
        cl.main_sources(claims_frame().assign(source_id=" ; "), registry)
    with pytest.raises(ValueError, match="registry"):
        cl.main_sources(claims_frame(), registry.drop(columns="kind"))
