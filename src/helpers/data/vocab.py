"""The course's controlled vocabularies, in one place: evidence kinds, claim verdicts, origins, red flags,
comparison groups, and notebook 07's arm roles, outcome kinds and regulatory categories. Schemas, analysis,
figures and the answer key import them from here.
"""

from __future__ import annotations

__all__ = [
    "ARM_ROLES",
    "CLAIM_ORIGINS",
    "CLAIM_RED_FLAGS",
    "CLAIM_VERDICTS",
    "EVIDENCE_KINDS",
    "ONSET_CONTROL_TYPES",
    "OUTCOME_KINDS",
    "OUTCOME_MET",
    "REGULATORY_CATEGORIES",
]

#: Allowed values of ``sources.kind`` (the type of evidence a source provides).
EVIDENCE_KINDS: tuple[str, ...] = (
    "label",
    "regulation",
    "meta_analysis",
    "systematic_review",
    "pooled_analysis",
    "rct",
    "open_label_trial",
    "observational",
    "survey",
    "human_experimental",
    "animal",
    "in_vitro",
    "review",
    "reference_work",
)

# --- 06 reading health claims ----------------------------------------------------------------------
#: Verdicts of a fact-checked claim, from best to worst supported.
CLAIM_VERDICTS: tuple[str, ...] = ("supported", "partly_supported", "not_supported", "false")

#: Where a claim comes from: paraphrased from popular articles, or a question the course asks itself.
CLAIM_ORIGINS: tuple[str, ...] = ("popular_article", "course")

#: Warning signs of careless or unreliable copy that a reader can see in a claim's wording (judged by
#: the course; :func:`helpers.analysis.claims.red_flags` adds the ones a pattern can find).
CLAIM_RED_FLAGS: tuple[str, ...] = ("wrong name", "off-topic text", "inverted fact", "anecdote",
                                    "vague source")

# --- 03 onset timing: how fast does it work? ---------------------------------------------------------
#: Comparison groups in the onset tables (what the drug arm was compared with).
ONSET_CONTROL_TYPES: tuple[str, ...] = ("inert_placebo", "midazolam", "masked_saline",
                                        "oral_ad_plus_placebo_spray", "none")

# --- 07 compared with what? -----------------------------------------------------------------------------
#: The role of an arm in a head-to-head trial: the ketamine or esketamine arm, or what it is compared with.
ARM_ROLES: tuple[str, ...] = ("ketamine", "comparator")

#: Whether more of an outcome is better (response, remission) or worse (an adverse event).
OUTCOME_KINDS: tuple[str, ...] = ("benefit", "harm")

#: Whether a trial met its primary outcome ("not applicable" for a meta-analysis or a label).
OUTCOME_MET: tuple[str, ...] = ("yes", "no", "mixed", "not applicable")

#: Regulatory status of a use: an approved product for it, off-label use of a product approved for
#: something else, or investigational (no product approved in the labels read).
REGULATORY_CATEGORIES: tuple[str, ...] = ("approved product", "off-label", "investigational")
