"""The fact-check table: every popular claim, one verdict scale, registered sources, red flags; the
answers of notebook 06."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest

from helpers import data
from helpers.data.vocab import CLAIM_VERDICTS, EVIDENCE_KINDS
from helpers.exercises import ANSWERS, check
from helpers.science.stats import cumulative_remission_pct

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return data.load("claims")


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


# --- the notebook's exercises ------------------------------------------------------------------------
def test_notebook_06_answers(levels, table):
    """The verdict and evidence answers agree with the claims table and the source registry."""
    verdict_d = table.set_index("claim_id").loc["d", "verdict"]
    assert check("06.predict_verdict", verdict_d).correct, "the answer is claim (d)'s verdict in claims.csv"
    assert not check("06.predict_verdict", "supported").correct
    assert check("06.evidence_kind", data.load("sources").set_index("id").loc["ukect2003", "kind"]).correct
    assert not check("06.evidence_kind", "rct").correct
    expected = cumulative_remission_pct(levels["remission_pct"])
    assert check("06.stard_cumulative_pct", expected).correct
    assert not check("06.stard_cumulative_pct", 36.8 + 30.6 + 13.7 + 13.0).correct
    keys = ("06.predict_verdict", "06.evidence_kind", "06.stard_cumulative_pct")
    assert all(key in ANSWERS for key in keys)
