"""Answer key of notebook 06 (reading health claims), in the order of its questions."""

from __future__ import annotations

from helpers.data.vocab import CLAIM_RED_FLAGS, CLAIM_VERDICTS, EVIDENCE_KINDS
from helpers.exercises.answer import Answer

__all__ = ["ANSWERS"]


def _in_words(vocabulary: tuple[str, ...]) -> tuple[str, ...]:
    """A course vocabulary as the words students read ("partly supported"), so that feedback never shows
    a code name; check() ignores case, spaces, hyphens and underscores, so "partly_supported" still counts."""
    return tuple(value.replace("_", " ") for value in vocabulary)


ANSWERS: dict[str, Answer] = {
    "06.red_flag": Answer(
        value="inverted fact", kind="choice", options=CLAIM_RED_FLAGS,
        hint="Think back to notebook 05: which US schedule is for drugs with no accepted medical use, and "
             "which schedule is ketamine in? Compare that with what the sentence says.",
        explanation="The sentence turns the reason upside down: ketamine has an accepted medical use (an "
                    "anaesthetic since 1970), which is why it is in Schedule III rather than Schedule I, the "
                    "schedule for drugs with no accepted medical use.",
    ),
    "06.predict_verdict": Answer(
        value="partly supported", kind="choice", options=_in_words(CLAIM_VERDICTS),
        hint="Split the claim in two. Did the trials of notebook 03 show an effect within hours? Did any of "
             "them measure minutes? One part holding and the other not shown is a verdict of its own.",
        explanation="'Hours' holds for part of the patients (esketamine beat placebo at 24 h in Daly 2018), "
                    "but 'minutes' was never measured (the first time point was 2 h), so the claim is "
                    "partly supported.",
    ),
    "06.evidence_kind": Answer(
        value="meta analysis", kind="choice", options=_in_words(EVIDENCE_KINDS),
        hint="The group searched for all the trials of a question (that alone would be a systematic review) "
             "and then did something more with their results: they pooled them into one number.",
        explanation="A systematic review that pools the trials' results into one effect size is a "
                    "meta-analysis: the top of the pyramid, read as a lens on the trials it pools.",
    ),
    "06.stard_level4_high_pct": Answer(
        value=20.41, kind="number", rel_tol=0.01, unit="%",
        hint="Reconstruct the count first: 13.0 % of 109 is about 14 remitters. Then "
             "wilson_ci(14, 109) gives (low, high) as fractions; give the upper one as a percentage.",
        explanation="The 95 % interval runs from about 8 % to 20 %: with only 109 patients, level 4's "
                    "remission is known far less precisely than level 1's (35 % to 38 % on the QIDS-SR, "
                    "n = 3,671).",
    ),
    "06.stard_cumulative_pct": Answer(
        value=67.07, kind="number", rel_tol=0.005, unit="%",
        hint="Multiply the chances of NOT remitting at each level (1 - rate/100), subtract the product "
             "from 1 and convert to a percentage; do not add the four rates.",
        explanation="This reproduces the reported 67%, which assumes nobody left the study.",
    ),
}
