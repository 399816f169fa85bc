"""Answer key of notebook 03 (onset timing), in the order of its questions."""

from __future__ import annotations

from helpers.exercises.answer import Answer

__all__ = ["ANSWERS"]

ANSWERS: dict[str, Answer] = {
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
