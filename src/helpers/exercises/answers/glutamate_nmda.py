"""Answer key of notebook 01 (glutamate and the NMDA receptor), in the order of its questions."""

from __future__ import annotations

from helpers.exercises.answer import Answer

__all__ = ["ANSWERS"]

ANSWERS: dict[str, Answer] = {
    # Check 01.1: the Mg²⁺ block at rest and after depolarisation (illustrative model, 1 mM Mg²⁺)
    "01.unblocked_minus20_pct": Answer(
        value=50.8, kind="number", rel_tol=0.02, unit="%",
        hint="Use receptor.mg_unblocked_fraction(-20.0, 1.0): it gives a fraction between 0 and 1, so "
             "multiply by 100 for a percentage.",
        explanation="At -20 mV about half of the conductance is free; at -70 mV only about 4% is.",
    ),
    "01.depolarisation_fold": Answer(
        value=11.4, kind="number", rel_tol=0.03, unit="times",
        hint="Divide the unblocked fraction at -20 mV by the one at -70 mV (both at 1 mM Mg²⁺): "
             "mg_unblocked_fraction(-20.0, 1.0) / mg_unblocked_fraction(-70.0, 1.0).",
        explanation="A 50 mV depolarisation frees about eleven times more conductance: the receptor passes "
                    "current only when glutamate is bound and the cell is already depolarised.",
    ),
    # Check 01.2: the racemate's Ki follows from its two enantiomers' (same assay)
    "01.racemate_ki_um": Answer(
        value=0.494, kind="number", rel_tol=0.02, unit="µM",
        hint="Use the formula in the task: Ki = 1 / (0.5 / 0.3 + 0.5 / 1.4). The plain average of 0.3 and "
             "1.4 (0.85 µM) is not right: the tighter binder, (S)-ketamine, dominates.",
        explanation="The racemate's Ki sits near the tighter enantiomer's. Kapur & Seeman (2002) report "
                    "0.5 µM and Seeman et al. (2005) 3.1 µM for racemic ketamine: the first happens to "
                    "agree, the second, from the same laboratory in another assay, does not. A Ki "
                    "belongs to its assay.",
    ),
    # Check 01.3: units
    "01.anaesthesia_low_um": Answer(
        value=5.05, kind="number", rel_tol=0.02, unit="µM",
        hint="µM = (ng/mL) / (g/mol): divide 1200 by the molar mass of ketamine base, 237.7 g/mol.",
        explanation="Zanos et al. (2018, Table 1) give 5–10 µM for general anaesthesia: about 6.5 times the "
                    "0.78 µM peak of the antidepressant infusion.",
    ),
    # Check 01.4: occupancy of the (S)-ketamine half of the racemate, at the peak and at half the peak
    "01.occupancy_s_pct": Answer(
        value=56.5, kind="number", rel_tol=0.02, unit="%",
        hint="Half of the racemate is (S)-ketamine: c = 0.778 / 2 = 0.389 µM. Then occupancy = c / (c + Ki) "
             "with Ki = 0.3 µM; multiply by 100. (72% would be the whole racemic concentration as (S).)",
        explanation="An illustrative binding estimate, not the functional block in the brain; with "
                    "(R)-ketamine competing for the same site, (S) would hold about 50% and both together "
                    "about 61%.",
    ),
    "01.occupancy_half_pct": Answer(
        value=39.3, kind="number", rel_tol=0.02, unit="%",
        hint="Halve the (S)-ketamine concentration, not the occupancy: c = 0.389 / 2 ≈ 0.195 µM, then "
             "100 * c / (c + 0.3). If you got 56%, you used the peak itself; if you got 28%, you halved "
             "the occupancy.",
        explanation="Half the concentration still gives 39% against 56%, far more than half: the binding "
                    "curve bends over as sites fill up, so near the Ki occupancy changes less than in "
                    "proportion to the concentration. Only far below the Ki does halving the concentration "
                    "halve the occupancy.",
    ),
    # Check 01.5: what kind of evidence a step has
    "01.causal_test": Answer(
        value="Li 2010", kind="choice",
        options=("Li 2010", "Phoumthipphavong 2016", "both", "neither"),
        hint="A causal test changes the step and watches the effect: which study removed a step and lost "
             "the effect? A change that lasts shows the step happens, not that the effect needs it.",
        explanation="Blocking mTOR with rapamycin removed the behavioural effect, so the effect needed that "
                    "step (in rats). Lasting spine density is an observation. Both are rodent experiments: "
                    "neither tells you the step happens, or matters, in patients.",
    ),
    # Check 01.6: a prediction a human measurement can test
    "01.d2_occupancy_pct": Answer(
        value=95.7, kind="number", rel_tol=0.02, unit="%",
        hint="293 ng/mL / 237.7 g/mol ≈ 1.23 µM of racemic ketamine; Seeman et al. report the 0.055 µM Ki "
             "for 'ketamine', taken here as the racemate (as is the 293 ng/mL), so do not halve it. "
             "Then 100 * c / (c + 0.055).",
        explanation="The single-site model predicts almost complete D2 occupancy, which would displace "
                    "[¹¹C]raclopride strongly. Aalto et al. (2002) saw no change at this level, so the "
                    "in-vitro number does not describe binding in the living brain.",
    ),
}
