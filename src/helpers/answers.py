"""The reference answers of every exercise in the course, in one place.

Keys are ``"NN.name"``: the notebook number and a short name. :func:`helpers.exercises.check` reads them;
``tests/test_answers.py`` checks that every notebook's ``check(...)`` cells use known keys and that the
committed outputs of those cells say "Correct".
"""

from __future__ import annotations

from helpers.exercises import Answer

ANSWERS: dict[str, Answer] = {}

# --- 00 course map ---------------------------------------------------------------------------------
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
