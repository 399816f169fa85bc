"""The reference answers of every exercise in the course, one section per notebook, in course order.

Keys are ``"NN.name"``: the notebook number and a short name. :func:`helpers.exercises.check` reads them;
the notebook hygiene tests check that every notebook's ``check(...)`` cells use known keys of their own
notebook and that the committed outputs of those cells say "Correct". Options of choice questions that are
course vocabularies (verdicts, evidence kinds) are taken from :mod:`helpers.data.vocab`, never copied.
"""

from __future__ import annotations

from helpers.data.vocab import CLAIM_VERDICTS, EVIDENCE_KINDS
from helpers.exercises.answer import Answer

__all__ = ["ANSWERS"]

ANSWERS: dict[str, Answer] = {}

# --- 00 course map ---------------------------------------------------------------------------------------
ANSWERS.update(
    {
        "00.years_to_esketamine": Answer(
            value=49, kind="number", abs_tol=0, unit="years",
            hint="Subtract the year of first US approval as an anaesthetic (1970) from 2019.",
        ),
        "00.first_antidepressant_trial": Answer(
            value="2000", kind="choice", options=("1962", "1970", "1999", "2000", "2019"),
            hint="Look for the first controlled trial of ketamine in depression on the timeline.",
        ),
    }
)

# --- 01 glutamate and the NMDA receptor ------------------------------------------------------------------
ANSWERS.update(
    {
        "01.peak_um": Answer(
            value=0.778, kind="number", rel_tol=0.02, unit="µM",
            hint="µM = (ng/mL) / (g/mol): divide 185 by the molar mass of ketamine base, 237.7 g/mol.",
            explanation="Zanos et al. (2018, Table 1) give the same value, 0.78 µM.",
        ),
        "01.occupancy_s_pct": Answer(
            value=56.5, kind="number", rel_tol=0.02, unit="%",
            hint="Half of the racemate is (S)-ketamine: c = 0.778 / 2 = 0.389 µM. Then occupancy = c / (c + Ki) "
            "with Ki = 0.3 µM; multiply by 100. (72% would be the whole racemic concentration as (S).)",
            explanation="An illustrative binding estimate, not the functional block in the brain; with (R)-ketamine "
            "competing for the same site, (S) would hold about 50% and both together about 61%.",
        ),
        "01.depolarisation_fold": Answer(
            value=11.4, kind="number", rel_tol=0.03, unit="times",
            hint="Divide mg_unblocked_fraction(-20, 1.0) by mg_unblocked_fraction(-70, 1.0).",
            explanation="Depolarisation expels Mg²⁺: the receptor passes current only when the cell is "
                        "already depolarised and glutamate is bound.",
        ),
        "01.bdnf_is_neurotransmitter": Answer(
            value=False, kind="bool",
            hint="What does the N in BDNF stand for?",
            explanation="BDNF is brain-derived neurotrophic factor, a growth factor (neurotrophin).",
        ),
    }
)

# --- 02 dose, concentration, effect ----------------------------------------------------------------------
ANSWERS.update(
    {
        "02.peak_um": Answer(
            value=0.779, kind="number", rel_tol=0.02, unit="µM",
            hint="Use ng_per_ml_to_um(...) on the modelled peak: µM = (ng/mL) / molar mass (237.7 g/mol).",
            explanation="About 0.78 µM of racemic ketamine, 0.39 µM of each enantiomer: still above the Ki of "
            "(S)-ketamine (0.3 µM) in rat membranes.",
        ),
        "02.minutes_above_half_peak_esketamine_84": Answer(
            value=112.4, kind="number", rel_tol=0.05, unit="min",
            hint="Simulate REGIMENS['esketamine_84'], take its peak with peak(...), and pass time_min, "
            "conc_ng_per_ml and half the peak to time_above.",
            explanation="Almost 2 hours in the model, yet dissociation has generally resolved by 1.5 h: effects "
            "fade before the concentration halves.",
        ),
        "02.peak_half_bioavailability": Answer(
            value=39.6, kind="number", rel_tol=0.02, unit="ng/mL",
            hint="Copy load_routes(), replace the nasal route by AbsorptionRoute(0.24, same ka) and simulate.",
            explanation="The model is linear: half the absorbed dose gives half the concentration at every time.",
        ),
        "02.regimen_in_anaesthesia_band": Answer(
            value="anaesthetic_induction", kind="choice",
            options=("antidepressant_infusion", "anaesthetic_induction", "esketamine_56", "esketamine_84"),
            hint="Compare each regimen's peak with the anaesthesia band's lower limit (1,200 ng/mL).",
            explanation="Only the 2 mg/kg bolus, and only for minutes in this model.",
        ),
    }
)

# --- 03 onset timing -------------------------------------------------------------------------------------
ANSWERS.update(
    {
        "03.nnt_esketamine_84mg": Answer(
            value=1 / (5 / 12 - 1 / 33), kind="number", rel_tol=0.03, unit="patients",
            hint="NNT = 1 / (risk on esketamine 84 mg - risk on placebo), with risks as proportions: "
                 "5/12 and 1/33 responders at 24 h (Daly 2018, Table 1).",
            explanation="About 2.6 patients treated for one extra responder at 24 h, in a trial of 45 "
                        "patients: the interval is wide (see the table above).",
        ),
        "03.first_separation_h": Answer(
            value=2, kind="number", abs_tol=0, unit="hours",
            hint="Find the leftmost filled circle on the time axis and read the tick below it.",
            explanation="Esketamine 84 mg was ahead of placebo spray 2 h after the dose, the first time point "
                        "reported in Table 1 of Daly 2018: nothing earlier was reported.",
        ),
        "03.control_arm_changes": Answer(
            value="control", kind="choice", options=("ketamine", "control"),
            hint="Compare the two ketamine rows (saline- vs midazolam-controlled trials), then the two "
                 "control rows, in the Wilkinson 2019 block of the figure.",
            explanation="Ketamine responded at 46% and 45%; saline at 1% and midazolam at 18%. The effect "
                        "size shrinks because the active placebo arm improves more.",
        ),
        "03.masked_ci_includes_zero": Answer(
        value=True, kind="bool",
        hint="Build stats.risk_difference(12, 20, 10, 20) and look at its includes_zero property.",
        explanation="12/20 vs 10/20 gives +10 percentage points with a 95% interval from -19.3 to +37.0: "
                    "compatible with no difference.",
        ),
    }
)

# --- 04 side effects -------------------------------------------------------------------------------------
ANSWERS.update(
    {
        "04.nnh_dissociation": Answer(
            value=3.166, kind="number", rel_tol=0.02, unit="patients",
            hint="Use risk_difference(142, 346, 21, 222), then number_needed(rd, 'harm').value.",
            explanation="About 1 extra patient in every 3 treated has dissociation.",
        ),
        "04.nnh_dissociation_high": Answer(
            value=4.038, kind="number", rel_tol=0.02, unit="patients",
            hint="The NNH interval is the reciprocal of the risk-difference interval: use number_needed(...).high.",
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
)

# --- 05 therapy versus non-medical use -------------------------------------------------------------------
ANSWERS.update(
    {
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
)

# --- 06 reading health claims ----------------------------------------------------------------------------
ANSWERS.update(
    {
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
)
