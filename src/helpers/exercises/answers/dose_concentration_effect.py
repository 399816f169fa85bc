"""Answer key of notebook 02 (dose, concentration, effect), in the order of its questions."""

from __future__ import annotations

from helpers.exercises.answer import Answer

__all__ = ["ANSWERS"]

#: The four regimens of the notebook's chart, in words (a student may also type the code names).
REGIMEN_WORDS = ("antidepressant infusion", "anaesthetic induction", "esketamine 56 mg", "esketamine 84 mg")

ANSWERS: dict[str, Answer] = {
    # Check 02.1 (predict, then compute): linearity in the bioavailability.
    "02.peak_half_bioavailability": Answer(
        value=39.6, kind="number", rel_tol=0.02, unit="ng/mL",
        hint="Keep the spray's absorption rate and change only its bioavailability: "
        "routes_half_f['esketamine_nasal'] = pk.AbsorptionRoute(0.24, routes['esketamine_nasal'].ka_per_h), "
        "then take pk.peak(pk.simulate(pk.REGIMENS['esketamine_84'], routes=routes_half_f))[0].",
        explanation="Exactly half of the 84-mg peak (about 79 ng/mL). In this model, concentration is "
        "proportional to the amount absorbed: halve what reaches the blood and every point of the curve "
        "halves, while the time of the peak does not move.",
    ),
    # Check 02.2 (predict, then compute): which regimen stays longest above the hallucination study's mean.
    "02.longest_above_hallucination_mean": Answer(
        value="anaesthetic induction", kind="choice", options=REGIMEN_WORDS,
        hint="Compare each regimen's peak with 293 ng/mL: a curve that never rises above it spends 0 minutes "
        "there. The validation table shows the model's peaks of the infusion and of the 2 mg/kg bolus.",
        explanation="Only the 2 mg/kg bolus rises above 293 ng/mL; the 0.5 mg/kg infusion peaks below it "
        "and the esketamine sprays lower still (the next chart shows all four).",
    ),
    "02.minutes_above_hallucination_mean": Answer(
        value=79.0, kind="number", rel_tol=0.03, unit="min",
        hint="Simulate pk.REGIMENS['anaesthetic_induction'] and pass its time_min, its conc_ng_per_ml and "
        "293 to pk.time_above(...).",
        explanation="More than an hour in the model: the bolus spends only minutes at anaesthetic levels, "
        "but its concentration stays above the hallucination study's mean far longer, because it falls "
        "slowly once distribution is over.",
    ),
    # Check 02.3 (design): the shortest infusion of 0.5 mg/kg whose peak stays below the dissociation band's
    # upper edge.
    "02.shortest_infusion_peak_below_250": Answer(
        value=20.0, kind="number", abs_tol=0.0, rel_tol=0.0, unit="min",
        hint="Try 5, 10, 15 ... 40 minutes: for each, simulate pk.infusion(0.5, duration) and print "
        "pk.peak(...)[0]. The answer is the shortest duration whose peak is below 250 ng/mL.",
        explanation="In the model, 15 minutes peaks just above 250 ng/mL and 20 minutes just below it: the "
        "faster the same dose goes in, the higher the peak, because distribution and elimination have less "
        "time to remove drug while it is still running in. (A model exercise, not a dosing "
        "recommendation: the trials used 40 minutes.)",
    ),
    # Check 02.4 (compute, then interpret): the modelled time course against the reported one.
    "02.minutes_above_half_peak_esketamine_84": Answer(
        value=112.4, kind="number", rel_tol=0.05, unit="min",
        hint="Simulate pk.REGIMENS['esketamine_84'], take its peak with pk.peak(...)[0], and pass time_min, "
        "conc_ng_per_ml and half the peak to pk.time_above(...).",
        explanation="Almost 2 hours in the model, yet dissociation has generally resolved by 1.5 h: the "
        "effect fades before the concentration halves.",
    ),
    # Check 02.5 (predict, then compute): weight scaling of a dose per kg and of a fixed dose.
    "02.peak_ratio_infusion_60_vs_90_kg": Answer(
        value=1.0, kind="number", rel_tol=0.01, unit="",
        hint="Simulate pk.REGIMENS['antidepressant_infusion'] with weight_kg=60 and with weight_kg=90 and "
        "divide the first peak by the second.",
        explanation="The same peak: the dose is given per kilogram and the model scales volumes and "
        "clearance with body weight, so 50 % more body gets 50 % more drug.",
    ),
    "02.peak_ratio_esketamine_56_60_vs_90_kg": Answer(
        value=1.5, kind="number", rel_tol=0.02, unit="",
        hint="Divide the 60-kg peak by the 90-kg peak (not the other way round): simulate "
        "pk.REGIMENS['esketamine_56'] with weight_kg=60 and with weight_kg=90.",
        explanation="90 / 60 = 1.5: the same 56 mg spreads into volumes 1.5 times larger in the heavier "
        "adult, so the lighter adult's peak is 1.5 times higher (in this model, which scales everything "
        "in proportion to weight — real people differ more).",
    ),
}
