"""Answer key of notebook 04 (side effects), in the order of its questions."""

from __future__ import annotations

from helpers.exercises.answer import Answer

__all__ = ["ANSWERS"]

# Check 04.1: sedation (79/346 vs 21/222) and vertigo (78/346 vs 6/222), both 23 % on esketamine.
_VERTIGO_RD_PP = 100 * (78 / 346 - 6 / 222)
_VERTIGO_RR = (78 / 346) / (6 / 222)
# Check 04.6: systolic rise of at least 40 mmHg, esketamine arms under 65 (29/346) and 65 and over (12/72).
_BP_SHARE_PCT = 100 * (29 + 12) / (346 + 72)

ANSWERS: dict[str, Answer] = {
    "04.larger_excess": Answer(
        value="vertigo", kind="choice", options=("sedation", "vertigo", "the same"),
        hint="Both are 23 % on esketamine, so the drug column cannot decide. Look at the placebo column: "
             "which reaction was rarer without esketamine?",
        explanation="Vertigo: 23 % against 3 % on placebo; sedation: 23 % against 9 %. The same rate on the "
                    "drug hides different excesses, because the placebo group sets the baseline.",
    ),
    "04.rd_vertigo_pp": Answer(
        value=_VERTIGO_RD_PP, kind="number", rel_tol=0.02, unit="percentage points",
        slips=(("relative", _VERTIGO_RR), ("relative", _VERTIGO_RR - 1)),
        hint="Turn each count into a percentage first (78 of 346, 6 of 222), then subtract the placebo "
             "percentage from the esketamine percentage.",
        explanation="About 20 extra patients in every 100 treated have vertigo: 22.5 % minus 2.7 %. "
                    "Sedation's excess is only about 13 percentage points.",
    ),
    "04.nnh_dissociation": Answer(
        value=3.166, kind="number", rel_tol=0.02, unit="patients",
        hint="Use risk_difference(142, 346, 21, 222), then number_needed(rd, 'harm').value.",
        explanation="About 1 extra patient in every 3 treated has dissociation.",
    ),
    "04.nnh_dissociation_high": Answer(
        value=4.038, kind="number", rel_tol=0.02, unit="patients",
        hint="The NNH interval is the reciprocal of the risk-difference interval: "
             "use number_needed(...).high.",
        explanation="The 95% interval of the NNH runs from about 2.7 to 4.0 patients: the lowest plausible "
                    "excess (about 25 percentage points) gives the largest NNH.",
    ),
    "04.n_events_differ": Answer(
        value=15, kind="number", abs_tol=0, rel_tol=0.0, unit="events",
        hint="Count the rows of risk_differences(label) whose 'differs' column is True: "
             "int(rd['differs'].sum()).",
        explanation="15 of 28 listed reactions have a 95% interval that excludes zero. The label lists every "
                    "reaction seen in at least 2 % and more often than on placebo, so being listed does not "
                    "prove the drug causes it; and with 28 comparisons, one or two could exclude zero by "
                    "chance alone.",
    ),
    "04.dysgeusia_interval": Answer(
        value="inconclusive", kind="choice", options=("harm shown", "no effect", "inconclusive"),
        hint="The interval runs from slightly below zero to about +11 percentage points: which values "
             "are compatible with the data?",
        explanation="The data fit both no difference and an increase of up to about 11 percentage points; "
                    "'not significant' is not the same as 'no effect'.",
    ),
    "04.not_listed_reading": Answer(
        value="below the threshold", kind="choice",
        options=("zero", "below the threshold", "never measured"),
        hint="The pooled table lists only events in at least 10 % of either group. What does that say about "
             "an event it leaves out? Look at ASPIRE II, half of the same patients.",
        explanation="'Not listed' means 'not reported': the event stayed under the table's threshold. "
                    "ASPIRE II alone reports vertigo in 7 of its 114 esketamine patients, and they are part "
                    "of the pooled group, so the pooled rate is not zero.",
    ),
    "04.vertigo_pooled_max": Answer(
        value=22, kind="number", abs_tol=0, rel_tol=0.0, unit="patients on esketamine",
        hint="Below 10 % of 227 patients: 10 % of 227 is 22.7, and a count of patients is a whole number "
             "below it (math.ceil(0.10 * 227) - 1).",
        explanation="At most 22 of 227 (9.7 %) and at least the 7 that ASPIRE II reports: somewhere between "
                    "about 3 % and 10 %, not zero.",
    ),
    "04.bp_rise_share_pct": Answer(
        value=_BP_SHARE_PCT, kind="number", rel_tol=0.02, unit="%",
        hint="Add the patients first (29 + 12 with the rise, 346 + 72 treated), then divide. Averaging 8 % "
             "and 17 % gives 12.5 %, which treats a group of 72 as if it were as large as a group of 346.",
        explanation="41 of 418 esketamine-treated patients, about 10 %: closer to the under-65 rate, because "
                    "that group is almost five times larger.",
    ),
}
