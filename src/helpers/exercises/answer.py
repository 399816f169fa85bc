"""The reference-answer type of an exercise (no imports from the rest of the package)."""

from __future__ import annotations

from dataclasses import dataclass, field
from numbers import Real

__all__ = ["KINDS", "SLIPS", "Answer"]

KINDS = ("number", "choice", "bool")

#: Slips an author can name for a numeric answer (``Answer(slips=(("percentage_points", 18.0),))``): the
#: value a student gets by making that slip, and what :func:`helpers.exercises.check` then says. Slips that
#: need no value (a fraction given for a percentage, a risk difference given for an NNT) are recognised
#: without being named.
SLIPS: dict[str, str] = {
    "percentage_points": "that is the difference in percentage points, but the question asks for a relative "
                         "difference: divide the difference by the comparison group's rate.",
    "relative": "that is a relative difference, but the question asks for the difference in percentage "
                "points: subtract one percentage from the other.",
}


@dataclass(frozen=True)
class Answer:
    """A reference answer.

    Parameters
    ----------
    value
        The expected value: a number (``kind="number"``), one of ``options`` (``"choice"``), or a bool.
    kind
        ``"number"``, ``"choice"`` or ``"bool"``.
    rel_tol, abs_tol
        Tolerances for numbers: accepted when within either (relative to ``value``, or absolute).
    unit
        Unit of a numeric answer, shown in feedback.
    options
        Allowed answers of a ``"choice"`` question (compared case-insensitively).
    hint
        Shown when the answer is wrong.
    explanation
        Shown with a correct answer (optional).
    slips
        ``(kind, value)`` pairs: a wrong answer close to ``value`` is the slip ``kind`` (a key of
        :data:`SLIPS`), and the feedback says so.
    """

    value: object
    kind: str = "number"
    rel_tol: float = 0.02
    abs_tol: float = 0.0
    unit: str = ""
    options: tuple[str, ...] = field(default_factory=tuple)
    hint: str = ""
    explanation: str = ""
    slips: tuple[tuple[str, float], ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind: must be one of {KINDS}, got {self.kind!r}")
        if self.kind == "number" and (isinstance(self.value, bool) or not isinstance(self.value, Real)):
            raise ValueError(f"value: a number question needs a numeric value, got {self.value!r}")
        if self.kind == "choice" and str(self.value).lower() not in {o.lower() for o in self.options}:
            raise ValueError(f"options: the value {self.value!r} must be one of the options")
        if self.kind == "bool" and not isinstance(self.value, bool):
            raise ValueError(f"value: a bool question needs True or False, got {self.value!r}")
        if self.rel_tol < 0 or self.abs_tol < 0:
            raise ValueError("rel_tol/abs_tol: tolerances must be >= 0")
        for slip in self.slips:
            if (not isinstance(slip, tuple) or len(slip) != 2 or slip[0] not in SLIPS
                    or isinstance(slip[1], bool) or not isinstance(slip[1], Real)):
                raise ValueError(f"slips: expected (kind, value) pairs with kind in {tuple(SLIPS)}, "
                                 f"got {slip!r}")
        if self.slips and self.kind != "number":
            raise ValueError("slips: only number questions have slips")
