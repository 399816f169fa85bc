"""Exercises: instant feedback with ``check(question_id, answer)``.

>>> from helpers.exercises import check
>>> check("03.nnt_esketamine_84mg", 0.386)           # doctest: +SKIP
Almost: 0.386 looks like a risk difference. A number needed to treat (or harm) is its reciprocal: ...

Modules: :mod:`~helpers.exercises.answer` (the :class:`Answer` type), :mod:`~helpers.exercises.answers`
(the answer key, in course order) and :mod:`~helpers.exercises.feedback` (:func:`check`). Nothing outside
this package imports those modules directly.
"""

from helpers.exercises.answer import Answer
from helpers.exercises.answers import ANSWERS
from helpers.exercises.feedback import Feedback, check

__all__ = ["ANSWERS", "Answer", "Feedback", "check"]
