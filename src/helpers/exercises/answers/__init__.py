"""The reference answers of every exercise in the course: one module per notebook, merged in course order.

Keys are ``"NN.name"``: the notebook number and a short name. Each module (named like the notebook's figure
module) holds ``ANSWERS`` for its notebook only, so lesson authors edit one file.
:func:`helpers.exercises.check` reads the merged :data:`ANSWERS`; the notebook hygiene tests check that
every notebook's ``check(...)`` cells use known keys of their own notebook and that the committed outputs of
those cells say "Correct". Options of choice questions that are course vocabularies (verdicts, evidence
kinds) are taken from :mod:`helpers.data.vocab`, never copied.
"""

from __future__ import annotations

from helpers.exercises.answer import Answer
from helpers.exercises.answers import (
    compared_with_what,
    course_map,
    dose_concentration_effect,
    glutamate_nmda,
    onset_timing,
    reading_health_claims,
    side_effects,
    therapy_vs_recreational,
)

__all__ = ["ANSWERS", "MODULES"]

#: The per-notebook answer modules, in course order (notebook 00 first).
MODULES = (
    course_map,
    glutamate_nmda,
    dose_concentration_effect,
    onset_timing,
    side_effects,
    therapy_vs_recreational,
    reading_health_claims,
    compared_with_what,
)

ANSWERS: dict[str, Answer] = {}
for _module in MODULES:
    _duplicates = ANSWERS.keys() & _module.ANSWERS.keys()
    if _duplicates:  # pragma: no cover - a guard for authors
        raise ValueError(f"ANSWERS: {_module.__name__} repeats keys {sorted(_duplicates)}")
    ANSWERS.update(_module.ANSWERS)
