"""Answer key of notebook 03 (onset timing), in the order of its questions."""

from __future__ import annotations

from helpers.exercises.answer import Answer

__all__ = ["ANSWERS"]

ANSWERS: dict[str, Answer] = {
    "03.onset_ceiling": Answer(
        value="on or before day 7", kind="choice",
        options=("on day 7", "on or before day 7", "after day 7"),
        hint="The trial rated nobody between the dose and day 7. If the drug is already ahead on day 7, "
             "could the difference have appeared on day 3 without the trial noticing?",
        explanation="The first rating after the dose is a ceiling on the onset, not the onset itself: the "
                    "difference could have appeared at any time before day 7, and nothing in the trial "
                    "can tell when. A trial can only show an onset at a time point it measured.",
    ),
    "03.control_for_unblinding": Answer(
        value="saline during anaesthesia", kind="choice",
        options=("saline infusion", "midazolam infusion", "saline during anaesthesia", "no treatment"),
        hint="Functional unblinding happens when patients can tell from what they feel which infusion they "
             "received. Which control leaves nobody anything to feel, in either arm?",
        explanation="Only a control that nobody can tell apart from the drug separates a drug effect from "
                    "patients' and raters' guesses. An infusion during surgical anaesthesia (Lii et al. "
                    "2023) hides it completely; midazolam, an active placebo, only makes guessing harder "
                    "(the effect size fell from d 1.8 against saline to 0.7 against midazolam, Wilkinson "
                    "et al. 2019); no treatment at all makes the problem worse.",
    ),
    "03.nnt_esketamine_84mg": Answer(
        value=1 / (5 / 12 - 1 / 33), kind="number", rel_tol=0.03, unit="patients",
        hint="NNT = 1 / (risk on esketamine 84 mg - risk on placebo), with risks as proportions: "
             "5/12 and 1/33 responders at 24 h (Daly 2018, Table 1).",
        explanation="About 2.6 patients treated for one extra responder at 24 h, from the 45 patients in "
                    "two arms of a 67-patient trial.",
    ),
    "03.nnt_esketamine_84mg_high": Answer(
        value=7.61, kind="number", rel_tol=0.02, unit="patients",
        hint="Take the lower limit of the risk difference's 95 % interval (rd.low, a proportion) and "
             "compute 1 / rd.low: the smallest plausible difference gives the largest plausible NNT. "
             "stats.number_needed(rd).high gives the same.",
        explanation="The data are compatible with an NNT anywhere from about 1.5 to 7.6: 12 patients on "
                    "84 mg cannot pin the benefit down more precisely.",
    ),
    "03.relative_increase_transform": Answer(
        value=(55 / 318) / (19 / 203) * 100 - 100, kind="number", rel_tol=0.02, unit="%",
        slips=(("percentage_points", (55 / 318 - 19 / 203) * 100),),
        hint="A relative increase is (risk on esketamine - risk on control) / risk on control, times 100: "
             "(55/318 - 19/203) / (19/203) x 100.",
        explanation="About 85 % more responders, relatively, yet only 7.9 percentage points more in absolute "
                    "terms (NNT 12.6): a relative figure sounds large when the control rate is small.",
    ),
    "03.ssri_share_week2": Answer(
        value=56.97, kind="number", rel_tol=0.02, unit="%",
        hint="Calibrate k with buildup.calibrate_rate(100 / 3, t_weeks=1, t_ref_weeks=6), then "
             "buildup.saturating_share(2, k). The answer is a percentage of the week-6 difference.",
        explanation="The model reaches about 57 % of the week-6 difference by week 2 — far more than the "
                    "33 % (2 of 6 weeks) of a straight line, because a saturating curve rises fastest at the "
                    "start; yet less than two thirds, because each week adds less than the week before.",
    ),
}
