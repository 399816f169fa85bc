"""Answer key of notebook 00 (course map), in the order of its questions."""

from __future__ import annotations

from helpers.exercises.answer import Answer

__all__ = ["ANSWERS"]

ANSWERS: dict[str, Answer] = {
    "00.years_to_esketamine": Answer(
        value=49, kind="number", abs_tol=0, unit="years",
        hint="Subtract the year of first US approval as an anaesthetic (1970) from 2019.",
    ),
    "00.first_antidepressant_trial": Answer(
        value="2000", kind="choice", options=("1962", "1970", "1999", "2000", "2019"),
        hint="Look for the first controlled trial of ketamine in depression on the timeline.",
    ),
}
