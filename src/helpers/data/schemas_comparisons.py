"""Schemas of notebook 07's tables: ketamine compared with other treatments, beyond depression, and the
ethics of the clinics.

:mod:`helpers.data.schemas` merges them into :data:`helpers.data.schemas.SCHEMAS` (they live here to keep
each module small); the conventions are the same (``source_id``, ``where_in_source``, ``notes``; units in
column names).
"""

from __future__ import annotations

import pandera.pandas as pa

from helpers.data.columns import choice, count, number, pct, table, text
from helpers.data.vocab import (
    ARM_ROLES,
    EVIDENCE_KINDS,
    OUTCOME_KINDS,
    OUTCOME_MET,
    REGULATORY_CATEGORIES,
)

__all__ = ["COMPARISON_SCHEMAS"]

_IDS = r"[a-z][a-z0-9_]*(?:; [a-z][a-z0-9_]*)*"
_IDS_MEANS = "source ids separated by '; ' (like spravato_pi; ketalar_pi)"

#: Notebook 07's tables and their schemas.
COMPARISON_SCHEMAS: dict[str, pa.DataFrameSchema] = {
    # One row per trial x arm x outcome of the head-to-head trials (ketamine or esketamine against an
    # active treatment). Counts are empty where the source gives only a percentage.
    "head_to_head_trials": table(
        {
            "trial": text(),
            "comparison": text(),
            "population": text(),
            "design": text(),
            "arm": text(),
            "arm_role": choice(ARM_ROLES),
            "outcome_kind": choice(OUTCOME_KINDS),
            "n_randomised": count(required=False),
            "n_analysed": count(required=False),
            "outcome": text(),
            "outcome_definition": text(),
            "time_point": text(),
            "events": count(required=False),
            "pct": pct(),
            "analysis_population": text(),
        },
        not_above=[("events", "n_analysed"), ("n_analysed", "n_randomised")],
        unique=["trial", "arm", "outcome", "time_point"],
    ),
    # The trials' own effect estimates (a difference with its interval and P value), as reported.
    "head_to_head_effects": table(
        {
            "trial": text(),
            "outcome": text(),
            "estimate_type": text(),
            "value": number(required=False, min_value=-100.0, max_value=100.0),
            "ci_low": number(required=False, min_value=-100.0, max_value=100.0),
            "ci_high": number(required=False, min_value=-100.0, max_value=100.0),
            "unit": choice(["percentage points"]),
            "p_value": text(required=False),
        },
        not_above=[("ci_low", "value"), ("value", "ci_high")],
        unique=["trial", "outcome"],
    ),
    # Non-inferiority margins (empty where the trial has none, or where it was not read).
    "noninferiority_margins": table(
        {
            "trial": text(unique=True),
            "margin_pct_points": number(required=False, min_value=-100.0, max_value=0.0),
            "outcome": text(),
        },
    ),
    # Whether patients or raters guessed the treatment arm (blinding integrity).
    "blinding_guesses": table(
        {
            "trial": text(),
            "arm": text(),
            "who_guessed": choice(["patients", "raters", "infusion-day raters"]),
            "n_asked": count(required=False),
            "n_correct": count(required=False),
            "pct_correct": pct(),
        },
        not_above=[("n_correct", "n_asked")],
        unique=["trial", "arm", "who_guessed"],
    ),
    # One row per use of ketamine or esketamine and its best evidence found, with regulatory status.
    "evidence_map": table(
        {
            "condition": text(),
            "product": text(),
            "best_evidence": text(),
            "design": text(),
            "n_total": count(required=False),
            "comparator": text(required=False),
            "result": text(),
            "primary_outcome_met": choice(OUTCOME_MET),
            "regulatory_category": choice(REGULATORY_CATEGORIES),
            "regulatory_status": text(),
            "kind": choice(EVIDENCE_KINDS, required=False),
            "regulatory_source_id": text(pattern=_IDS, means=_IDS_MEANS),
        },
        unique=["condition", "best_evidence"],
    ),
    # Ethics and access: one point per row, each tied to a source; a number only where the source gives one.
    "ethics_points": table(
        {
            "topic": choice(["consent", "regulation", "access", "marketing"]),
            "point": text(),
            "value": number(required=False),
            "value_high": number(required=False),  # the second number of a pair or range, where given
            "unit": text(required=False),
        },
        not_above=[("value", "value_high")],
        unique=["topic", "point"],
    ),
}
