"""Answer key of notebook 04 (side effects), in the order of its questions."""

from __future__ import annotations

from helpers.exercises.answer import Answer

__all__ = ["ANSWERS"]

ANSWERS: dict[str, Answer] = {
    "04.nnh_dissociation": Answer(
        value=3.166, kind="number", rel_tol=0.02, unit="patients",
        hint="Use risk_difference(142, 346, 21, 222), then number_needed(rd, 'harm').value.",
        explanation="About 1 extra patient in every 3 treated has dissociation.",
    ),
    "04.nnh_dissociation_high": Answer(
        value=4.038, kind="number", rel_tol=0.02, unit="patients",
        hint="The NNH interval is the reciprocal of the risk-difference interval: "
             "use number_needed(...).high.",
        explanation="The 95% interval of the NNH runs from about 2.7 to 4.0 patients.",
    ),
    "04.n_events_differ": Answer(
        value=15, kind="number", abs_tol=0, rel_tol=0.0, unit="events",
        hint="Count the rows of risk_differences(label) whose 'differs' column is True.",
        explanation="15 of 28 listed reactions have a 95% interval that excludes zero; with 28 comparisons, "
                    "one or two could do so by chance alone.",
    ),
    "04.dysgeusia_interval": Answer(
        value="inconclusive", kind="choice", options=("harm shown", "no effect", "inconclusive"),
        hint="The interval runs from slightly below zero to about +11 percentage points: which values "
             "are compatible with the data?",
        explanation="The data fit both no difference and an increase of up to about 11 percentage points; "
                    "'not significant' is not the same as 'no effect'.",
    ),
}
