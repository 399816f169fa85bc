"""Answer key of notebook 02 (dose, concentration, effect), in the order of its questions."""

from __future__ import annotations

from helpers.exercises.answer import Answer

__all__ = ["ANSWERS"]

ANSWERS: dict[str, Answer] = {
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
