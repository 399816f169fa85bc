"""Answer key of notebook 01 (glutamate and the NMDA receptor), in the order of its questions."""

from __future__ import annotations

from helpers.exercises.answer import Answer

__all__ = ["ANSWERS"]

ANSWERS: dict[str, Answer] = {
    "01.peak_um": Answer(
        value=0.778, kind="number", rel_tol=0.02, unit="µM",
        hint="µM = (ng/mL) / (g/mol): divide 185 by the molar mass of ketamine base, 237.7 g/mol.",
        explanation="Zanos et al. (2018, Table 1) give the same value, 0.78 µM.",
    ),
    "01.occupancy_s_pct": Answer(
        value=56.5, kind="number", rel_tol=0.02, unit="%",
        hint="Half of the racemate is (S)-ketamine: c = 0.778 / 2 = 0.389 µM. Then occupancy = c / (c + Ki) "
        "with Ki = 0.3 µM; multiply by 100. (72% would be the whole racemic concentration as (S).)",
        explanation="An illustrative binding estimate, not the functional block in the brain; "
        "with (R)-ketamine "
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
