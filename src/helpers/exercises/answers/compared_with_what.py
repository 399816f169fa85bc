"""Answer key of notebook 07 (compared with what?), in the order of its questions.

The counts below are those of the course's tables (``head_to_head_trials``, ``noninferiority_margins``,
``adverse_events_trials``), each read in the source its row cites; a content test checks that they still
match the tables, and every derived number is computed here from them.
"""

from __future__ import annotations

import math

from helpers.exercises.answer import Answer

__all__ = ["ANSWERS"]

# Check 07.1: ESCAPE-TRD, remission (MADRS <= 10) at week 8 (reif2023, abstract).
ESCAPE_REMISSION = {"esketamine": (91, 336), "quetiapine": (60, 340)}
_RISKS = [events / n for events, n in ESCAPE_REMISSION.values()]
_ESCAPE_RD = _RISKS[0] - _RISKS[1]

# Check 07.2: ELEKT-D's reported interval of the response difference and its margin (anand2023, abstract).
ELEKTD_INTERVAL_PP = (3.9, 24.2)
ELEKTD_MARGIN_PP = -10.0

# Check 07.4: the tier of a post hoc pooled analysis of two RCTs on notebook 06's pyramid (the tier of
# ``rct`` in ``evidence_hierarchy``).
POOLED_TIER = 4

# Check 07.5: ASPIRE II, dissociation on esketamine (ionescu2021, Table 2).
ASPIRE_DISSOCIATION = (44, 114)
_DISSOCIATED, _ARM = ASPIRE_DISSOCIATION
_GUESS_PCT = 100 * (_DISSOCIATED + (_ARM - _DISSOCIATED) / 2) / _ARM

ANSWERS: dict[str, Answer] = {
    "07.escape_nnt": Answer(
        value=1 / _ESCAPE_RD, kind="number", rel_tol=0.02, unit="patients",
        hint="Use risk_difference(91, 336, 60, 340) (esketamine first, then quetiapine), then "
             "number_needed(rd).value; or by hand, 1 / (91/336 - 60/340). The exact value and the value "
             "rounded up to whole patients are both accepted.",
        explanation=f"About {math.ceil(1 / _ESCAPE_RD)} patients (rounded up) treated with esketamine rather "
                    "than quetiapine for "
                    f"one extra remission at week 8: a difference of {100 * _ESCAPE_RD:.1f} percentage "
                    "points between two active treatments, not between a drug and a placebo.",
    ),
    "07.elektd_reading": Answer(
        value="non-inferior", kind="choice", options=("non-inferior", "inconclusive", "inferior"),
        hint=f"Draw a line at the margin ({ELEKTD_MARGIN_PP:g} percentage points). Does the interval "
             f"({ELEKTD_INTERVAL_PP[0]:g} to {ELEKTD_INTERVAL_PP[1]:g}) lie wholly above it, wholly below "
             "it, or across it?",
        explanation=f"The whole interval lies above the margin of {ELEKTD_MARGIN_PP:g} points, so the data "
                    "rule out a loss as large as the margin: ketamine is non-inferior to ECT on this "
                    "outcome. The interval also lies above 0, but the trial was designed to test "
                    "non-inferiority, and it was open label with a self-rated outcome.",
    ),
    "07.ptsd_reading": Answer(
        value="uncertain", kind="choice", options=("works", "does not work", "uncertain"),
        hint="Weigh the two trials described in the question: how many patients each had, against what "
             "comparator, and whether each met its primary outcome. Can one small positive trial outweigh a "
             "larger one that failed?",
        explanation="Uncertain: a small civilian trial against midazolam was positive, a larger multi-site "
                    "trial in veterans and service members against saline was negative, and the "
                    "meta-analysis in the map finds a small advantage that shrinks after correction for "
                    "bias. Ketamine for PTSD is off-label and its benefit is not established.",
    ),
    "07.pooled_tier": Answer(
        value=float(POOLED_TIER), kind="number", rel_tol=0.0, abs_tol=0.0,
        hint="Notebook 06's pyramid puts systematic reviews and meta-analyses (tier 5) above single RCTs "
             "(tier 4). Was ASPIRE I + II pooled found by a systematic search of all trials, or is it two "
             "trials of one sponsor put together after the fact?",
        explanation=f"Tier {POOLED_TIER}, the tier of its RCTs: pooling two trials after the fact (post hoc) "
                    "adds patients but no systematic search, so it is no better than the trials it pools, "
                    "and a post hoc analysis has no primary outcome of its own. The map grades it so.",
    ),
    "07.unblinding_guess_pct": Answer(
        value=_GUESS_PCT, kind="number", rel_tol=0.02, unit="%",
        hint="Patients who dissociated (44) all guess right; the other 114 - 44 guess right half the time. "
             "Add the right guesses and divide by 114, then multiply by 100.",
        explanation=f"About {_GUESS_PCT:.0f} % would guess right in this illustrative model, against 50 % by "
                    "chance alone: dissociation alone would give many patients their arm, even though most "
                    "patients on esketamine did not report it.",
    ),
}
