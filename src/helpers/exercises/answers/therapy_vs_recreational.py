"""Answer key of notebook 05 (therapy versus non-medical use), in the order of its questions."""

from __future__ import annotations

from helpers.exercises.answer import Answer

__all__ = ["ANSWERS"]

ANSWERS: dict[str, Answer] = {
    "05.peak_vs_hallucinations": Answer(
        value="below", kind="choice", options=("below", "within", "above"),
        hint="Compare the peak with the hallucination study's mean (low_ng_per_ml) in the position table.",
        explanation="Below, about 1.6-fold under that one study's mean, which is not a threshold; and "
                    "61-84% of patients on therapeutic doses still have perceptual changes.",
    ),
    "05.peak_vs_anaesthesia": Answer(
        value="below", kind="choice", options=("below", "within", "above"),
        hint="Compare the peak with the band's lower limit (low_ng_per_ml) in the position table.",
        explanation="The infusion's peak stays several-fold below general-anaesthesia concentrations.",
    ),
    "05.nnh_euphoria": Answer(
        value=29.1, kind="number", rel_tol=0.02, unit="patients",
        hint="Use the counts (15 of 346 on esketamine, 2 of 222 on placebo): NNH = 1 / risk difference.",
        explanation="About 29 patients treated for one extra report of euphoric mood.",
    ),
    "05.bp_rule": Answer(
        value="blood pressure check at 40 minutes", kind="choice",
        options=("2-hour observation", "blood pressure check at 40 minutes",
                 "no driving until the next day", "certified setting"),
        hint="Which rule is timed to match the moment the blood-pressure rise peaks?",
        explanation="The label asks for blood pressure before the dose and about 40 minutes after it.",
    ),
}
