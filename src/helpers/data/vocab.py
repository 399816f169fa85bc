"""The course's controlled vocabularies, in one place: evidence kinds, claim verdicts, origins, red flags,
comparison groups. Schemas, analysis, figures and the answer key import them from here.
"""

from __future__ import annotations

__all__ = [
    "CLAIM_ORIGINS",
    "CLAIM_RED_FLAGS",
    "CLAIM_VERDICTS",
    "EVIDENCE_KINDS",
    "ONSET_CONTROL_TYPES",
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
