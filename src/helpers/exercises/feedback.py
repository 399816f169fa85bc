"""Instant feedback on exercises: ``check(question_id, answer)`` and its :class:`Feedback`.

``check`` returns a :class:`Feedback` that shows as a coloured note in JupyterLab and as plain text
elsewhere: correct, how far off, or a hint. It recognises the common slips and says so kindly: a fraction
given for a percentage (0.41 for 41 %), a risk difference given for a number needed to treat or harm, a
value off by a factor of 1,000 (a unit), a value with the wrong sign (the arms subtracted the other way
round), the slips an answer names (:data:`helpers.exercises.answer.SLIPS`), and option words that differ only
in case, spaces, hyphens or underscores. A number needed to treat or harm given rounded up to whole patients
(the usual way to report one) counts as correct.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass
from numbers import Real

import numpy as np

from helpers.exercises.answer import SLIPS, Answer
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


#: Units of percentages (a fraction given for one is a slip) and of numbers needed to treat or harm (a risk
#: difference given for one is a slip).
PERCENT_UNITS = frozenset({"%", "percentage points"})
COUNT_UNITS = frozenset({"patients"})


def _close(got: float, want: float, ref: Answer) -> bool:
    return math.isclose(got, want, rel_tol=max(ref.rel_tol, 0.01), abs_tol=ref.abs_tol)


def _rounded_up(ref: Answer, got: float, want: float) -> bool:
    """A number needed to treat or harm given as whole patients: ``want`` rounded up (10.6 → 11)."""
    return ref.unit in COUNT_UNITS and want >= 1 and got == math.ceil(want - 1e-9)


def _slip(ref: Answer, got: float, want: float) -> str | None:
    """What went wrong, when ``got`` is a known slip away from ``want``; None otherwise."""
    if got < 0 < want and (_close(-got, want, ref) or _rounded_up(ref, -got, want)):
        if ref.unit in COUNT_UNITS:
            return (f"Almost: {got:g} has the wrong sign. A number needed to treat (or harm) counts "
                    "patients, so it is positive: take the treated arm's rate minus the comparison arm's "
                    "rate, in the order the question gives the arms, or use the absolute value.")
        return f"Almost: {got:g} has the wrong sign; check the order of the subtraction."
    for kind, value in ref.slips:
        if _close(got, float(value), ref):
            return f"Almost: {SLIPS[kind]}"
    if ref.unit in PERCENT_UNITS and _close(got * 100, want, ref):
        return (f"Almost: {got:g} is a fraction; the question asks for a percentage, so multiply by 100 "
                f"({got * 100:.3g} %).")
    if ref.unit not in COUNT_UNITS:
        return None
    if want >= 1 and 0 < abs(got) < 1 and _close(1 / abs(got), abs(want), ref):
        return (f"Almost: {got:g} looks like a risk difference. A number needed to treat (or harm) is its "
                "reciprocal: 1 / risk difference.")
    if want >= 1 and 1 <= abs(got) <= 100 and got != want and _close(100 / abs(got), abs(want), ref):
        return (f"Almost: {got:g} looks like a risk difference in percentage points. A number needed to "
                "treat (or harm) is 100 / (difference in percentage points).")
    return None


def _check_number(ref: Answer, answer: object) -> tuple[bool, str]:
    if isinstance(answer, bool) or not isinstance(answer, Real | np.number):
        return False, f"Expected a number, got {type(answer).__name__}. {ref.hint}".strip()
    got = float(answer)
    want = float(ref.value)  # type: ignore[arg-type]
    if not math.isfinite(got):
        return False, f"Expected a finite number, got {got}. {ref.hint}".strip()
    if math.isclose(got, want, rel_tol=ref.rel_tol, abs_tol=ref.abs_tol):
        return True, f"Correct: {_fmt(got, ref.unit)}. {ref.explanation}".strip()
    if _rounded_up(ref, got, want):
        return True, (f"Correct: {_fmt(got, ref.unit)}, {_fmt(want, '')} rounded up to whole patients. "
                      f"{ref.explanation}").strip()
    slip = _slip(ref, got, want)
    if slip:
        return False, f"{slip} {ref.hint}".strip()
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


def _words(option: str) -> str:
    """An option as words: case, surrounding space, hyphens and underscores do not matter."""
    return re.sub(r"[\s_\-]+", " ", option).strip().lower()


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
        options = {_words(o): o for o in ref.options}
        given = _words(str(answer))
        if given not in options:
            ok, message = False, f"Choose one of: {', '.join(ref.options)}."
        else:
            ok = given == _words(str(ref.value))
            message = (f"Correct: {options[given]}. {ref.explanation}".strip() if ok
                       else f"Not quite: {options[given]} is not the best answer. {ref.hint}".strip())
    return Feedback(question_id, ok, message)
