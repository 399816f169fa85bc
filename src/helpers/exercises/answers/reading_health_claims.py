"""Answer key of notebook 06 (reading health claims), in the order of its questions."""

from __future__ import annotations

from helpers.data.vocab import CLAIM_VERDICTS, EVIDENCE_KINDS
from helpers.exercises.answer import Answer

__all__ = ["ANSWERS"]

ANSWERS: dict[str, Answer] = {
    "06.grade_claim": Answer(
        value="false", kind="choice", options=CLAIM_VERDICTS,
        hint="Compare the remission rate of level 1 with those of levels 3 and 4 in the STAR*D table.",
        explanation="Remission fell from 36.8% at level 1 to 13.7% and 13.0% at levels 3 and 4.",
    ),
    "06.classify_source": Answer(
        value="survey", kind="choice",
        options=EVIDENCE_KINDS,
        hint="Was anything given to the participants, or were they only asked questions once?",
        explanation="A one-off questionnaire of self-selected respondents is a (cross-sectional) survey.",
    ),
    "06.stard_cumulative_pct": Answer(
        value=67.07, kind="number", rel_tol=0.005, unit="%",
        hint="Multiply the chances of NOT remitting at each level (1 - rate/100), subtract the product "
             "from 1 and convert to a percentage; do not add the four rates.",
        explanation="This reproduces the reported 67%, which assumes nobody left the study.",
    ),
}
