"""Machine-readable description of every table in ``data/`` (pandera schemas).

Each entry of :data:`SCHEMAS` maps a table name (the CSV file name without ``.csv``) to a
:class:`pandera.pandas.DataFrameSchema` with column types, allowed ranges and required columns.
:func:`helpers.data.load` validates a table against its schema on every load, and
``data/README.md`` is the human-readable data dictionary of the same tables.

Conventions shared by every table except ``sources``:

- ``source_id`` (required): one or more ids from ``sources.csv`` separated by ``"; "``;
- ``where_in_source`` and ``notes`` (optional): free text;
- units in column names (``conc_ng_per_ml``, ``ki_um``, ``pct_esketamine``).
"""

from __future__ import annotations

import pandera.pandas as pa

from helpers.data.columns import choice, count, integer, nonneg, number, pct, table, text
from helpers.data.schemas_comparisons import COMPARISON_SCHEMAS
from helpers.data.vocab import (
    CLAIM_ORIGINS,
    CLAIM_RED_FLAGS,
    CLAIM_VERDICTS,
    EVIDENCE_KINDS,
    ONSET_CONTROL_TYPES,
)

__all__ = ["SCHEMAS"]



_ID = r"[a-z][a-z0-9_]*"
_DATE = r"\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"  # an ISO date such as 2026-12-01
_DATE_MEANS = "must be a date like 2026-12-01"
_ID_MEANS = "an id of lower-case letters, digits and _ (like zanos2018)"

#: Every table in ``data/`` and its schema. Notebook authors add their tables below.
SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "sources": table(
        {
            "id": text(pattern=_ID, means=_ID_MEANS, unique=True),
            "authors": text(required=False),  # empty only when no page read showed them
            "year": integer(min_value=1900, max_value=2100),
            "title": text(),
            "journal": text(required=False),
            "doi": text(required=False, pattern=r"10\.\d{4,9}/\S+", means="a DOI like 10.1038/nature17998"),
            "pmid": text(required=False, pattern=r"\d{1,9}", means="a PubMed id (digits only)"),
            "pmcid": text(required=False, pattern=r"PMC\d+", means="a PubMed Central id like PMC4933765"),
            "url": text(required=False, pattern=r"https?://\S+", means="a web address starting with https://"),
            "kind": choice(EVIDENCE_KINDS),
            # the date the cited version was last read, and for documents that are revised (labels,
            # guidelines, REMS pages) the revision date the document itself shows
            "checked_on": pa.Column(str, checks=[pa.Check.str_matches(rf"^(?:{_DATE})$", error=_DATE_MEANS)],
                                    nullable=True, required=False, coerce=True),
            "version": pa.Column(str, nullable=True, required=False, coerce=True),
            "notes": text(required=False),
        },
        with_source=False,
    ),
    "history": table(
        {
            "year": integer(min_value=1900, max_value=2100),
            "date": text(required=False, pattern=r"\d{4}(-\d{2}(-\d{2})?)?",
                         means="a year, a year-month or a date like 1999-08-12"),
            "event": text(),
            "category": choice(["science", "clinical", "regulation"]),
        },
        unique=["year", "event"],
    ),
}

# --- 00 course map: the course glossary ----------------------------------------------------------------
# One row per term, in plain language. ``introduced_in`` is the notebook (file stem) where the term is first
# taught; that notebook links the term to the glossary in notebook 00. ``source_id`` is filled where the
# definition comes from a source (a label, a law); plain-language definitions written for the course have
# none — the only table whose ``source_id`` may be empty.
SCHEMAS["glossary"] = table(
    {
        "term": text(unique=True),
        "definition": text(),
        "introduced_in": text(pattern=r"\d{2}_[a-z0-9_]+", means="a notebook name like 01_glutamate_nmda"),
        "source_id": text(required=False),
    },
)

# --- 01 glutamate / NMDA: plasma concentration bands (shared with notebook 02) ---------------------
# effect: slug such as antidepressant_infusion_peak, analgesia, dissociation, psychotomimetic,
# anaesthesia, hallucinations; low == high for a point value. Several rows per effect are allowed when
# the dose context differs.
SCHEMAS["concentration_bands"] = table(
    {
        "effect": text(pattern=_ID, means=_ID_MEANS),
        "label": text(),
        "low_ng_per_ml": nonneg(max_value=100_000.0),
        "high_ng_per_ml": nonneg(max_value=100_000.0),
        "dose_context": text(),
        "population": text(),
    },
    not_above=[("low_ng_per_ml", "high_ng_per_ml")],
    unique=["effect", "dose_context"],
)

# --- 05 therapy versus non-medical use ------------------------------------------------------------
SCHEMAS["legal_status"] = table(
    {
        "year": integer(min_value=1900, max_value=2100),
        "date": text(required=False, pattern=r"\d{4}-\d{2}-\d{2}", means="a date like 1999-08-12"),
        "jurisdiction": choice(["US", "UK", "EU", "international"]),
        "event": text(),
        "status": text(),
        "instrument": text(),
    },
    unique=["jurisdiction", "year", "event"],
)
SCHEMAS["therapy_vs_nonmedical"] = table(
    {
        "characteristic": text(pattern=_ID, means=_ID_MEANS, unique=True),
        "aspect": text(),
        "therapy": text(),
        "non_medical_use": text(),
    },
)
SCHEMAS["abuse_potential"] = table(
    {
        "treatment": text(),
        "route": text(),
        "dose_mg": nonneg(required=False, max_value=1000.0),
        "dose_mg_per_kg": nonneg(required=False, max_value=20.0),
        "infusion_min": nonneg(required=False, max_value=600.0),
        "role": text(),
        "drug_liking_vs_placebo": choice(["reference", "higher", "not different", "lower"]),
        "n_participants": count(),
    },
    unique=["treatment", "route", "dose_mg", "dose_mg_per_kg"],
)

# --- 01 glutamate / NMDA: binding affinities and the hypothesised mechanism cascade ---------------
SCHEMAS["nmda_affinity"] = table(
    {
        "compound": text(),
        "target": text(),
        "ki_um": number(min_value=1e-6, max_value=10_000.0),  # [µM] inhibition constant
        "assay": text(),
        "tissue_species": text(),
    },
    unique=["compound", "target", "source_id"],
)
SCHEMAS["mechanism_cascade"] = table(
    {
        "step": integer(min_value=1),
        "process": text(),
        "time_scale": choice(["minutes", "hours", "days", "weeks"]),
        "time_basis": choice(["reported", "inferred"]),
        "species": choice(["animal", "human"]),
        "model": text(),
        "finding": text(),
        "strength": choice(["causal_test", "observed", "contested"]),
    },
    unique=["step"],
)

# --- 04 side effects: Spravato label adverse reactions, trials, BP outliers, time course, chronic harms ---
# (adverse_events_label, acute_time_course and chronic_use_harms are shared with notebook 05)
SCHEMAS["adverse_events_label"] = table(
    {
        "event": text(unique=True),
        "body_system": text(pattern=_ID, means=_ID_MEANS),
        "category": choice(["common_transient", "other"]),
        "events_esketamine": count(),
        "pct_esketamine": pct(),
        "n_esketamine": count(),
        "events_placebo": count(),
        "pct_placebo": pct(),
        "n_placebo": count(),
    },
    not_above=[("events_esketamine", "n_esketamine"), ("events_placebo", "n_placebo")],
)
SCHEMAS["adverse_events_trials"] = table(
    {
        "trial": text(),
        "population": text(),
        "phase": text(),
        "arm": text(),
        "arm_type": choice(["esketamine", "placebo"]),
        "dose_mg": nonneg(required=False, max_value=112.0),
        "n": count(),
        "event": text(),
        "events": count(),
        "pct": pct(),
    },
    not_above=[("events", "n")],
    unique=["trial", "arm", "event"],
)
SCHEMAS["bp_outliers"] = table(
    {
        "measure": text(),
        "age_group": choice(["under_65", "65_and_over"]),
        "arm": choice(["esketamine", "placebo"]),
        "n": count(),
        "events": count(),
        "pct": pct(),
    },
    not_above=[("events", "n")],
    unique=["measure", "age_group", "arm"],
)
SCHEMAS["acute_time_course"] = table(
    {
        "effect": text(pattern=_ID, means=_ID_MEANS),
        "product": text(),
        "milestone": choice(["peak", "resolved", "minimum_monitoring"]),
        "time_min": nonneg(max_value=24 * 60.0),
        "change_mmhg": number(required=False, min_value=-100.0, max_value=100.0),
    },
    unique=["effect", "product", "milestone"],
)
SCHEMAS["chronic_use_harms"] = table(
    {
        "harm": text(pattern=_ID, means=_ID_MEANS),
        "population": text(),
        "events": count(required=False),
        "n": count(required=False),
        "pct": pct(required=False),
        "finding": text(),
    },
    not_above=[("events", "n")],
    unique=["harm", "source_id", "finding"],
)

#: What the drug labels warn about, as they state it (paraphrased), one row per product and warning.
SCHEMAS["label_warnings"] = table(
    {
        "product": choice(["esketamine nasal spray", "ketamine injection (anaesthetic)"]),
        "warning": text(pattern=_ID, means=_ID_MEANS),
        "label_section": text(),
        "statement": text(),
        "frequency": text(required=False),
        "population": text(),
    },
    unique=["product", "warning"],
)

# --- 06 reading health claims ----------------------------------------------------------------------
_FLAG = "|".join(CLAIM_RED_FLAGS)
_FLAG_LIST = rf"(?:{_FLAG})(?:; (?:{_FLAG}))*"  # "wrong name; off-topic text"
SCHEMAS["claims"] = table(
    {
        "claim_id": text(pattern=_ID, means=_ID_MEANS, unique=True),
        "origin": choice(CLAIM_ORIGINS),
        "label": text(),
        "claim": text(),
        "topic": choice(["mechanism", "effects", "onset", "safety", "history", "efficacy", "legal",
                         "practice", "indication"]),
        "verdict": choice(CLAIM_VERDICTS),
        "evidence_type": choice(EVIDENCE_KINDS),
        "red_flags": text(required=False, pattern=_FLAG_LIST,
                          means="red flags from: " + ", ".join(CLAIM_RED_FLAGS) + ", separated by '; '"),
        "explanation": text(),
    },
)
SCHEMAS["stard_levels"] = table(
    {
        "level": integer(min_value=1, max_value=4),
        "treatment": text(),
        "n_entered": count(),
        "remission_pct": pct(),
    },
    unique=["level"],
)
SCHEMAS["evidence_hierarchy"] = table(
    {
        "kind": choice(EVIDENCE_KINDS),
        "tier": integer(min_value=0, max_value=5),
        "tier_label": text(),
    },
    unique=["kind"],
)

# --- notebook 02: dose, concentration, effect ----------------------------------------------------------
SCHEMAS["bioavailability"] = table(
    {
        "route": choice(["iv", "nasal", "sublingual", "oral", "rectal"]),
        "formulation": text(),
        "bioavailability_pct": pct(),
        "low_pct": pct(required=False),
        "high_pct": pct(required=False),
        "n": count(required=False),
        "population": text(),
    },
    not_above=[("low_pct", "bioavailability_pct"), ("bioavailability_pct", "high_pct")],
    unique=["formulation", "source_id"],
)
SCHEMAS["pk_parameters"] = table(
    {
        "parameter": text(pattern=_ID, means=_ID_MEANS),
        "drug": choice(["racemic", "esketamine"]),
        "value": nonneg(),
        "unit": text(),
        "status": choice(["measured", "calibrated", "assumption"]),
    },
    unique=["parameter", "drug"],
)

# --- 03 onset timing: how fast does it work? ---------------------------------------------------------
SCHEMAS["onset_studies"] = table(
    {
        "treatment": choice(["esketamine_nasal", "esketamine_plus_oral_ad", "ketamine_iv",
                             "ketamine_iv_masked", "ssri", "antidepressant_any", "citalopram"]),
        "label": text(),
        "milestone": choice(["first_separation", "full_effect", "fading", "no_separation"]),
        "time_h": number(min_value=0.1, max_value=24 * 7 * 52.0),  # [h] after the first dose
        "outcome": text(),
        "effect_measure": text(required=False),
        "effect_value": number(required=False),
        "ci_low": number(required=False),
        "ci_high": number(required=False),
        "control_type": choice(ONSET_CONTROL_TYPES),
        "n_total": count(required=False),
    },
    not_above=[("ci_low", "effect_value"), ("effect_value", "ci_high")],
    unique=["treatment", "milestone", "time_h", "outcome"],
)
SCHEMAS["early_response"] = table(
    {
        "study": text(),
        "timepoint_h": nonneg(max_value=24 * 7.0),  # [h] after the dose
        "arm": text(),
        "role": choice(["drug", "control"]),
        "control_type": choice(ONSET_CONTROL_TYPES),
        "n": count(required=False),
        "responders": count(required=False),
        "response_pct": pct(),
        "ci_low_pct": pct(required=False),  # reported CI (model estimates only)
        "ci_high_pct": pct(required=False),
        "estimate": choice(["observed", "model_estimate"]),
    },
    not_above=[("responders", "n"), ("ci_low_pct", "response_pct"), ("response_pct", "ci_high_pct")],
    unique=["study", "timepoint_h", "arm"],
)
SCHEMAS["onset_time_course"] = table(
    {
        "panel": text(),
        "arm": text(),
        "role": choice(["drug", "control"]),
        "outcome": choice(["madrs_total", "madrs_change", "response_pct"]),
        "time_h": nonneg(max_value=24 * 7 * 52.0),  # [h] after the (first) dose
        "value": number(min_value=-60.0, max_value=100.0),  # MADRS points or % of patients
        "n": count(),
        "events": count(required=False),
    },
    not_above=[("events", "n")],
    unique=["panel", "arm", "time_h"],
)
SCHEMAS["ssri_time_course"] = table(
    {
        "week": nonneg(max_value=52.0),  # [weeks] of treatment
        "measure": choice(["share_of_week6_effect", "early_improvers", "response", "remission"]),
        "arm": choice(["ssri_minus_placebo", "antidepressant", "placebo", "citalopram"]),
        "value_pct": pct(),
        "n": count(required=False),
    },
    unique=["week", "measure", "arm"],
)

# --- 07 compared with what? (in helpers.data.schemas_comparisons, to keep this module small) -------------
SCHEMAS.update(COMPARISON_SCHEMAS)
