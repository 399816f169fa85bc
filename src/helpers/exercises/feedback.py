"""Instant feedback on exercises: ``check(question_id, answer)`` and its :class:`Feedback`.

``check`` returns a :class:`Feedback` that shows as a coloured note in JupyterLab and as plain text
elsewhere: correct, how far off, or a hint.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from numbers import Real

import numpy as np

from helpers.exercises.answer import Answer
from helpers.exercises.answers import ANSWERS

__all__ = ["Feedback", "check"]


@dataclass(frozen=True)
class Feedback:
    """The outcome of :func:`check`; ``correct`` is None when the question was not answered yet."""

    question_id: str
    correct: bool | None
    message: str

    def __bool__(self) -> bool:
        return bool(self.correct)

    def __repr__(self) -> str:
        return self.message

    def _repr_html_(self) -> str:
        colour = {True: "#009E73", False: "#D55E00", None: "#0072B2"}[self.correct]
        mark = {True: "✔", False: "✘", None: "…"}[self.correct]
        return (f'<div class="exercise-feedback" style="border-left: 4px solid {colour}; '
                f'padding-left: 0.6em">{mark} {html.escape(self.message)}</div>')


def _fmt(x: float, unit: str) -> str:
    text = f"{x:.3g}" if abs(x) < 1e4 else f"{x:,.0f}"
    return f"{text} {unit}".strip()


def _check_number(ref: Answer, answer: object) -> tuple[bool, str]:
    if isinstance(answer, bool) or not isinstance(answer, Real | np.number):
        return False, f"Expected a number, got {type(answer).__name__}. {ref.hint}".strip()
    got = float(answer)
    want = float(ref.value)  # type: ignore[arg-type]
    if not math.isfinite(got):
        return False, f"Expected a finite number, got {got}. {ref.hint}".strip()
    if math.isclose(got, want, rel_tol=ref.rel_tol, abs_tol=ref.abs_tol):
        return True, f"Correct: {_fmt(got, ref.unit)}. {ref.explanation}".strip()
    if want != 0 and got != 0 and got / want > 0:
        ratio = got / want
        for factor in (1000.0, 1e6):
            if math.isclose(ratio, factor, rel_tol=0.05) or math.isclose(ratio, 1 / factor, rel_tol=0.05):
                return False, (f"Not quite: {_fmt(got, ref.unit)} is off by a factor of about "
                               f"{factor:,.0f}; check your units. {ref.hint}").strip()
    if want != 0:
        off = (got - want) / abs(want) * 100
        direction = "too high" if off > 0 else "too low"
        return False, f"Not quite: {_fmt(got, ref.unit)} is {abs(off):.0f}% {direction}. {ref.hint}".strip()
    return False, f"Not quite: {_fmt(got, ref.unit)}. {ref.hint}".strip()


def check(question_id: str, answer: object) -> Feedback:
    """Check ``answer`` against the reference answer of ``question_id`` and explain the result.

    Parameters
    ----------
    question_id
        The exercise's key, such as ``"01.peak_um"`` (see :mod:`helpers.exercises.answers`).
    answer
        The student's answer. ``...`` (the blank in an exercise stub) means "not answered yet".

    Raises
    ------
    ValueError
        ``question_id`` is not a known exercise.
    """
    if not isinstance(question_id, str) or question_id not in ANSWERS:
        raise ValueError(f"question_id: unknown exercise {question_id!r}")
    ref = ANSWERS[question_id]
    if answer is Ellipsis or answer is None:
        return Feedback(question_id, None, "Not answered yet: replace the ... with your answer and run the "
                                           "cell again.")
    if ref.kind == "number":
        ok, message = _check_number(ref, answer)
    elif ref.kind == "bool":
        if not isinstance(answer, bool | np.bool_):
            ok, message = False, "Answer True or False."
        else:
            ok = bool(answer) == ref.value
            message = f"Correct. {ref.explanation}".strip() if ok else f"Not quite. {ref.hint}".strip()
    else:
        options = {o.lower(): o for o in ref.options}
        given = str(answer).strip().lower()
        if given not in options:
            ok, message = False, f"Choose one of: {', '.join(ref.options)}."
        else:
            ok = given == str(ref.value).lower()
            message = (f"Correct: {options[given]}. {ref.explanation}".strip() if ok
                       else f"Not quite: {options[given]} is not the best answer. {ref.hint}".strip())
    return Feedback(question_id, ok, message)
